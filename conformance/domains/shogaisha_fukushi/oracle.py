"""障害者福祉 (障害者総合支援法 第19条-第23条, 身体障害者福祉法 第4条, 第15条; statute edition
``shogaisha_fukushi 2025.12``): the rules the harness can check on one person's record, as pure functions.

- 支援法 第19条第2項-第4項: the 市町村 that makes the 支給決定 (the 居住地's, else the 現在地's; a
  特定施設入所等障害者's 居住地 (else 所在地) before the first 入所; one who came from a 障害児 facility, the
  居住地 of the 保護者 on the day before reaching 18, else the person's 所在地 that day). The record gives the
  places as 市区町村コード;
- 支援法 第19条第1項, 第23条: 介護給付費等 only under a 支給決定, and a 支給決定 only within its 有効期間 (the
  主務省令's period, given by the record as its first and last day);
- 支援法 第21条第1項: the 障害支援区分 is the one of the 市町村審査会's 判定;
- 支援法 第22条第7項: a 支給決定 defines its 支給量 for each kind of 障害福祉サービス, per month;
- 身障法 第4条: a 身体障害者 is 18 or older and holds a 身体障害者手帳;
- 身障法 第15条第1項ただし書, 第4項, 第5項, 第7項: the 保護者 applies for a child under 15; the 手帳 is given
  when the 障害 is found to be one of the 別表, else the 申請者 is told why; the 保護者 hands it over when the
  child reaches 15.

Ages follow 年齢計算ニ関スル法律 (:func:`conformance.oracles.dates.age_reached_on`: an age is reached on the day
before the birthday).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from conformance.oracles.dates import age_reached_on

#: 身障法 第4条: 十八歳以上; 第15条第1項ただし書, 第7項: 十五歳.
ADULT_AGE, SELF_APPLICATION_AGE = 18, 15


@dataclass(frozen=True)
class Places:
    """Where a person lives and lived (市区町村コード; None: none, or not known).

    ``residence``/``current``: the 居住地 and 現在地 (第19条第2項); ``before_residence``/``before_location``: the
    居住地 and 所在地 before the (first) 入所 or 入居 in a 特定施設 (第3項), ``in_facility`` whether the person is
    a 特定施設入所等障害者; ``from_child_facility`` whether the person came on, without a break, from a 障害児
    facility (第4項), ``guardian_residence``/``location_at_17``: the 保護者's 居住地 and the person's 所在地 on the
    day before reaching 18.
    """

    residence: str | None = None
    current: str | None = None
    in_facility: bool = False
    before_residence: str | None = None
    before_location: str | None = None
    from_child_facility: bool = False
    guardian_residence: str | None = None
    location_at_17: str | None = None


def deciding_municipality(places: Places) -> str | None:
    """The 市町村 that makes the 支給決定 (支援法 第19条).

    第4項 (前二項の規定にかかわらず): one who came on from a 障害児 facility, the 居住地 of the 保護者 on the day
    before reaching 18; ただし書: none (no 保護者, no 居住地, or not known), the person's 所在地 that day.
    第3項 (前項の規定にかかわらず): a 特定施設入所等障害者, the 居住地 before the (first) 入所; ただし書: none, the
    所在地 before it. 第2項: the 居住地; ただし書: none or not known, the 現在地.
    """
    if places.from_child_facility:
        return places.guardian_residence or places.location_at_17
    if places.in_facility:
        return places.before_residence or places.before_location
    return places.residence or places.current


def decision_in_effect(first: date, last: date, day: date) -> bool:
    """支援法 第23条: a 支給決定 has effect only within its 有効期間 (``first`` to ``last``, both included)."""
    return first <= day <= last


def benefits_payable(decision: tuple[date, date] | None, day: date) -> bool:
    """支援法 第19条第1項: 介護給付費等 only to one who has the 市町村's 支給決定 (one in effect on ``day``)."""
    return decision is not None and decision_in_effect(*decision, day)


def support_category(judgement: str | None) -> str | None:
    """支援法 第21条第1項: the 障害支援区分 認定 rests on the 市町村審査会's 審査及び判定 (the same 区分)."""
    return judgement


def physically_disabled(birth: date, certificate_given: date | None, day: date) -> bool:
    """身障法 第4条: on ``day`` a 身体障害者 is 十八歳以上 and has been given a 身体障害者手帳."""
    return certificate_given is not None and certificate_given <= day and age_reached_on(birth, ADULT_AGE) <= day


def guardian_applies(birth: date, applied: date) -> bool:
    """身障法 第15条第1項ただし書: the 保護者 applies in the child's stead when the child is under 15 that day."""
    return applied < age_reached_on(birth, SELF_APPLICATION_AGE)


def certificate_issued(qualifies: bool) -> bool:
    """身障法 第15条第4項: the 手帳 is given when the 障害 is found to be one of the 別表."""
    return qualifies


def rejection_with_reason(qualifies: bool) -> bool:
    """身障法 第15条第5項: found not to be one of the 別表, the 申請者 is told so, with the reason."""
    return not qualifies


def handed_to_child(birth: date, day: date) -> bool:
    """身障法 第15条第7項: a 手帳 given to the 保護者 of a child under 15 is handed to the child once the child
    has reached 15 (on ``day``)."""
    return age_reached_on(birth, SELF_APPLICATION_AGE) <= day


def monthly_amounts(decided: bool, amounts: Mapping[str, int]) -> dict[str, int] | None:
    """支援法 第22条第7項: a 支給決定 defines the 支給量 for each kind (種類) of 障害福祉サービス with the month as
    its unit; ``amounts`` are the 市町村's decided amounts per month by kind. None without a 支給決定 (支給決定を
    行う場合には). Reading (ours): the 主務省令's period within the month is not quoted, so the amount per month
    of each kind is judged, kept apart by kind, never summed nor spread over the 有効期間."""
    return dict(amounts) if decided else None
