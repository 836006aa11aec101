"""Oracles: the rules of the specifications that say what a correct value is, as a public API.

Each function's docstring cites the rule it implements (DOMAIN.md or the spec section) and states
the reading taken where the rule leaves room, so a finding can name its source. Dates are
``datetime.date`` values (calendar dates); non-calendar dates of the 住民票 are handled by
:func:`parse_wareki` and :func:`is_unknown_date` on text. Municipalities are 6-digit
全国地方公共団体コード.
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
from conformance.oracles.jido_teate import child_end_date, end_month, monthly_amount, payment_month, start_month
from conformance.oracles.jumin import removal_date
from conformance.oracles.juminzei import is_levied_by, juminzei_municipality, levy_date
from conformance.oracles.kaigo import (
    Facility,
    FacilityKind,
    is_listed_facility,
    jushochi_tokurei_applies,
    kaigo_acquisition_date,
    kaigo_age_date,
    kaigo_billed_months,
    kaigo_first_insured_on,
    kaigo_first_loss_date,
    kaigo_insurer,
    kaigo_loss_date,
)
from conformance.oracles.kakuninsho import latest_expiry, seventy_ratio_effective
from conformance.oracles.keijidosha import (
    Ownership,
    keijidosha_due_in,
    keijidosha_levy_date,
    keijidosha_liable,
    keijidosha_standard_rate,
    keijidosha_tax_payer,
)
from conformance.oracles.kenko import infant_checkups, vaccination_targets
from conformance.oracles.kodomo_kosodate import category as kodomo_category
from conformance.oracles.kodomo_kosodate import decision_by, has_care_amount, is_preschool, preschool_until
from conformance.oracles.koki_korei import (
    KokiFacts,
    koki_copay_ratio,
    koki_insured_on,
    koki_korei_start,
    koki_qualification,
)
from conformance.oracles.kokuho import (
    KokuhoQualification,
    high_cost_count_carries_over,
    kokuho_billed_months,
    kokuho_loss_date,
    kokuho_qualifications,
    premium_months,
)
from conformance.oracles.kotei_shisan import (
    kotei_base_year,
    kotei_levy_date,
    kotei_liable,
    kotei_year_kind,
)
from conformance.oracles.municipalities import (
    LocalGovernment,
    is_municipality_code,
    local_government,
    municipalities,
    municipality,
    municipality_problem,
)
from conformance.oracles.residence import Residence, address_on
from conformance.oracles.seikatsu_hogo import (
    deemed_rejected,
    delay_reason_required,
    implementing_area,
    notice_deadline,
    shortfall,
)
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
from conformance.oracles.shogaisha import (
    Places,
    benefits_payable,
    certificate_issued,
    deciding_municipality,
    decision_in_effect,
    guardian_applies,
    handed_to_child,
    physically_disabled,
    rejection_with_reason,
    support_category,
)
from conformance.oracles.shugaku import category_on as gakurei_category_on
from conformance.oracles.shugaku import (
    elementary_period,
    entry_day,
    is_entrant,
    is_late_entrant,
    lower_secondary_period,
    notice_deadlines,
    register_base_day,
    register_deadlines,
)
from conformance.oracles.wareki import date_style, is_unknown_date, parse_wareki, to_seireki, to_wareki

__all__ = [
    "Facility",
    "FacilityKind",
    "KokiFacts",
    "KokuhoQualification",
    "LocalGovernment",
    "Month",
    "Ownership",
    "Places",
    "Residence",
    "Support",
    "SupportState",
    "address_on",
    "age_on",
    "age_reached_on",
    "anniversary",
    "benefits_payable",
    "certificate_issued",
    "child_end_date",
    "continues_as",
    "date_style",
    "deciding_municipality",
    "decision_by",
    "decision_in_effect",
    "deemed_rejected",
    "delay_reason_required",
    "elementary_period",
    "end_month",
    "entry_day",
    "extended_end_date",
    "extension_window",
    "fiscal_year_months",
    "fiscal_year_of",
    "gakurei_category_on",
    "guardian_applies",
    "handed_to_child",
    "has_care_amount",
    "high_cost_count_carries_over",
    "implementing_area",
    "infant_checkups",
    "is_entrant",
    "is_late_entrant",
    "is_levied_by",
    "is_listed_facility",
    "is_municipality_code",
    "is_preschool",
    "is_protected",
    "is_unknown_date",
    "is_valid_lg_code",
    "is_valid_m11w2_7",
    "is_valid_my_number",
    "juminzei_municipality",
    "jushochi_tokurei_applies",
    "kaigo_acquisition_date",
    "kaigo_age_date",
    "kaigo_billed_months",
    "kaigo_first_insured_on",
    "kaigo_first_loss_date",
    "kaigo_insurer",
    "kaigo_loss_date",
    "keijidosha_due_in",
    "keijidosha_levy_date",
    "keijidosha_liable",
    "keijidosha_standard_rate",
    "keijidosha_tax_payer",
    "kodomo_category",
    "koki_copay_ratio",
    "koki_insured_on",
    "koki_korei_start",
    "koki_qualification",
    "kokuho_billed_months",
    "kokuho_loss_date",
    "kokuho_qualifications",
    "kotei_base_year",
    "kotei_levy_date",
    "kotei_liable",
    "kotei_year_kind",
    "latest_expiry",
    "levy_date",
    "lg_code_check_digit",
    "local_government",
    "lower_secondary_period",
    "m11w2_7_check_digit",
    "monthly_amount",
    "municipalities",
    "municipality",
    "municipality_problem",
    "my_number_check_digit",
    "notice_deadline",
    "notice_deadlines",
    "parse_wareki",
    "payment_month",
    "physically_disabled",
    "premium_months",
    "preschool_until",
    "register_base_day",
    "register_deadlines",
    "rejection_with_reason",
    "removal_date",
    "seventy_ratio_effective",
    "shortfall",
    "start_month",
    "support_category",
    "support_end_date",
    "support_state",
    "to_seireki",
    "to_wareki",
    "vaccination_targets",
]
