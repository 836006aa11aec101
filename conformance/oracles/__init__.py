"""Oracles: the rules of the specifications that say what a correct value is, as a public API.

Each function's docstring cites the rule it implements (DOMAIN.md or the spec section) and states
the reading taken where the rule leaves room, so a finding can name its source. Dates are
``datetime.date`` values (calendar dates); non-calendar dates of the 住民票 are handled by
:func:`parse_wareki` and :func:`is_unknown_date` on text. Municipalities are 6-digit
全国地方公共団体コード.

These are the parts every domain shares (dates, 和暦, identifiers and check digits, municipalities, a
person's residence, 住民記録's rules and 支援措置, the 資格確認書 of the health insurances). Each domain's own
rules live in its folder: ``conformance.domains.<slug>.oracle`` (docs/architecture.md).
"""

from conformance.oracles.dates import (
    Month,
    age_on,
    age_reached_on,
    anniversary,
    fiscal_year_months,
    fiscal_year_of,
)
from conformance.oracles.identifiers import (
    is_valid_lg_code,
    is_valid_m11w2_7,
    is_valid_my_number,
    lg_code_check_digit,
    m11w2_7_check_digit,
    my_number_check_digit,
)
from conformance.oracles.jumin import removal_date
from conformance.oracles.kakuninsho import latest_expiry, seventy_ratio_effective
from conformance.oracles.municipalities import (
    LocalGovernment,
    is_municipality_code,
    local_government,
    municipalities,
    municipality,
    municipality_problem,
)
from conformance.oracles.residence import Residence, address_on
from conformance.oracles.shien_sochi import (
    Support,
    SupportState,
    continues_as,
    extended_end_date,
    extension_window,
    is_protected,
    support_end_date,
    support_state,
)
from conformance.oracles.wareki import date_style, is_unknown_date, parse_wareki, to_seireki, to_wareki

__all__ = [
    "LocalGovernment",
    "Month",
    "Residence",
    "Support",
    "SupportState",
    "address_on",
    "age_on",
    "age_reached_on",
    "anniversary",
    "continues_as",
    "date_style",
    "extended_end_date",
    "extension_window",
    "fiscal_year_months",
    "fiscal_year_of",
    "is_municipality_code",
    "is_protected",
    "is_unknown_date",
    "is_valid_lg_code",
    "is_valid_m11w2_7",
    "is_valid_my_number",
    "latest_expiry",
    "lg_code_check_digit",
    "local_government",
    "m11w2_7_check_digit",
    "municipalities",
    "municipality",
    "municipality_problem",
    "my_number_check_digit",
    "parse_wareki",
    "removal_date",
    "seventy_ratio_effective",
    "support_end_date",
    "support_state",
    "to_seireki",
    "to_wareki",
]
