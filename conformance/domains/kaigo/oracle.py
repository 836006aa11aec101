"""介護保険 第1号被保険者: 資格取得日, premium months, and 住所地特例.

Rules (DOMAIN.md, "Moves and dates that cross a year"; 介護保険法 9条, 10条, 11条, 13条): "介護保険
第1号: 資格 at 65 on the day before the 65th birthday; monthly premium from the month of 取得 to the
month before 喪失; after a move the new municipality bills at the lowest stage until income data
arrives. 住所地特例: a move into a listed facility in another municipality keeps the old insurer (特養
with 30+ places, 老健, 介護医療院, 特定施設, 養護老人ホーム; not 地域密着型, nor 介護専用型特定施設 with 29
places or fewer)."
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from conformance.oracles.dates import (
    Month,
    age_reached_on,
    fiscal_year_months,
    premium_months,
)
from conformance.oracles.residence import Residence, address_lost_day

#: The age at which a resident becomes a 第1号被保険者.
FIRST_INSURED_AGE = 65


def kaigo_age_date(birth: date) -> date:
    """The day a person reaches 65: the day before the 65th birthday (年齢計算ニ関スル法律; DOMAIN.md).

    Born 1955-04-01 -> 2020-03-31 (so the premium starts in March); born 1955-04-02 -> 2020-04-01.
    """
    return age_reached_on(birth, FIRST_INSURED_AGE)


def kaigo_acquisition_date(birth: date, stay: Residence) -> date | None:
    """The 第1号 資格取得日 through ``stay``: the later of the 65 date and the move-in day; None when
    the person left (or died) before reaching 65 there.

    Rule (DOMAIN.md; 介護保険法 第10条第1項): 資格 at 65 on the day before the 65th birthday (第4号); a
    person of 65 or more gains it on the day of moving in (第2号).
    """
    acquired = max(kaigo_age_date(birth), stay.moved_in)
    if stay.moved_out is not None and acquired > stay.moved_out:
        return None
    return acquired


def kaigo_first_insured_on(birth: date, stay: Residence, as_of: date,
                           history: Sequence[Residence] | None = None) -> bool:
    """Whether the person is a 第一号被保険者 of the stay's municipality on ``as_of``.

    Rule (介護保険法 第9条第1項第1号): 市町村の区域内に住所を有する六十五歳以上の者, from the 資格取得日
    (:func:`kaigo_acquisition_date`, 第10条) to the day before the 資格喪失日 (第11条第1項,
    :func:`kaigo_loss_date` over ``history``, the stay alone when None). The day of death is still covered (the
    資格 is lost the next day); the day of a move whose 転入通知 names that same day is not: the ただし書 makes it
    the 資格喪失日 (その日から、その資格を喪失する), and the person is the new municipality's 第1号被保険者 from it
    (第10条第1項第2号), never both.
    """
    acquired = kaigo_acquisition_date(birth, stay)
    if acquired is None or as_of < acquired:
        return False
    lost = kaigo_loss_date(history if history is not None else (stay,), stay)
    return lost is None or as_of < lost


def kaigo_first_loss_date(birth: date, history: Sequence[Residence], stay: Residence) -> date | None:
    """The 資格喪失日 of a 第1号被保険者 through ``stay``; None when the person never acquired 資格 there
    (:func:`kaigo_acquisition_date`) or still lives there.

    Rule (介護保険法 第11条第1項): 住所を有しなくなった日の翌日 (a death, a 転出 abroad, a 転出 with days
    between); その日 when the person had an address in another municipality that day (ただし書).
    """
    if kaigo_acquisition_date(birth, stay) is None:
        return None
    return kaigo_loss_date(history, stay)


def kaigo_loss_date(history: Sequence[Residence], stay: Residence) -> date | None:
    """The 資格喪失日 through ``stay`` (None while the person still lives there).

    Rule (介護保険法 第11条第1項): 当該市町村の区域内に住所を有しなくなった日の翌日 (a death, a 転出 abroad, a
    転出 with days before the next address); ただし、住所を有しなくなった日に他の市町村の区域内に住所を有するに至った
    ときは、その日 (the next stay of the history begins on the last day here).
    """
    return address_lost_day(history, stay)


def kaigo_billed_months(
    birth: date, history: Sequence[Residence], municipality: str, fiscal_year: int
) -> tuple[Month, ...]:
    """The months of 年度 ``fiscal_year`` for which ``municipality`` bills the 第1号 premium.

    Rule (DOMAIN.md; 介護保険法 第129条): the premium is collected (第1項) from the 第1号被保険者 (第2項),
    from the month of 取得 to the month before the month of 喪失, and never from a 第2号被保険者 (第4項):
    no month before 65 is billed (住所地特例 is not applied here: see :func:`kaigo_insurer`).
    """
    months = fiscal_year_months(fiscal_year)
    billed: set[Month] = set()
    for stay in history:
        acquired = kaigo_acquisition_date(birth, stay) if stay.municipality == municipality else None
        if acquired is not None:
            billed.update(premium_months(acquired, kaigo_loss_date(history, stay), until=months[-1]))
    return tuple(month for month in months if month in billed)


class FacilityKind(Enum):
    """Facilities named by DOMAIN.md's 住所地特例 rule (介護保険法 13条)."""

    TOKUBETSU_YOGO = "特別養護老人ホーム"
    ROJIN_HOKEN = "介護老人保健施設"
    KAIGO_IRYOIN = "介護医療院"
    TOKUTEI_SHISETSU = "特定施設"
    YOGO_ROJIN = "養護老人ホーム"
    OTHER = "その他"


#: A 特養 or a 介護専用型特定施設 with this many places or fewer is 地域密着型 (no 住所地特例).
COMMUNITY_MAX_PLACES = 29


@dataclass(frozen=True)
class Facility:
    """A facility: its kind, places (定員), and whether a 特定施設 is 介護専用型 or the facility is
    designated 地域密着型."""

    kind: FacilityKind
    places: int
    care_only: bool = False
    community_based: bool = False


def is_listed_facility(facility: Facility) -> bool:
    """Whether moving into ``facility`` can give 住所地特例.

    Rule (DOMAIN.md): 特養 with 30 or more places, 老健, 介護医療院, 特定施設, 養護老人ホーム; never a
    地域密着型 facility, nor a 介護専用型特定施設 with 29 places or fewer.
    """
    if facility.community_based:
        return False
    small = facility.places <= COMMUNITY_MAX_PLACES
    if facility.kind is FacilityKind.TOKUBETSU_YOGO:
        return not small
    if facility.kind is FacilityKind.TOKUTEI_SHISETSU:
        return not (facility.care_only and small)
    return facility.kind in (FacilityKind.ROJIN_HOKEN, FacilityKind.KAIGO_IRYOIN, FacilityKind.YOGO_ROJIN)


def jushochi_tokurei_applies(facility: Facility, *, previous_municipality: str, facility_municipality: str) -> bool:
    """Whether a move from ``previous_municipality`` into ``facility`` (in ``facility_municipality``)
    keeps the old insurer (住所地特例; DOMAIN.md): a listed facility in another municipality."""
    return previous_municipality != facility_municipality and is_listed_facility(facility)


def kaigo_insurer(facility: Facility | None, *, previous_municipality: str, new_municipality: str) -> str:
    """The insurer (保険者 municipality code) after a move into ``new_municipality`` (into ``facility``
    when not None): the previous municipality when 住所地特例 applies, else the new one (DOMAIN.md)."""
    if facility is not None and jushochi_tokurei_applies(
        facility, previous_municipality=previous_municipality, facility_municipality=new_municipality
    ):
        return previous_municipality
    return new_municipality


# -- 第2号被保険者 (第9条第2号, 第10条第1項第1号・第3号, 第11条第2項) ------------------------------------------

#: The 介護保険 record of a person (sent with ``targets.load.records_path``): the day the person became a
#: 医療保険加入者 and the first day the person no longer was one (none while it lasts).
MEDICAL_JOINED, MEDICAL_LEFT = "医療保険_加入年月日", "医療保険_喪失年月日"
#: 第9条第2号: 四十歳以上六十五歳未満.
SECOND_FROM_AGE = 40


def second_insured_on(birth: date, moved_in: date, joined: date | None, left: date | None, day: date,
                      lost: date | None = None) -> bool:
    """Whether a resident since ``moved_in`` is a 第二号被保険者 on ``day`` (第9条第2号): 四十歳以上六十五歳未満 and a
    医療保険加入者 (from ``joined`` to the day before ``left``), with the 住所 here: to the day before ``lost``, the
    資格喪失日 the end of the 住所 gives (第11条第1項, every 被保険者's: :func:`kaigo_loss_date`; None while resident).

    第10条第1項: the 資格 from the day forty is reached (第1号; the day before the 40th birthday, 年齢計算ニ関スル
    法律, as :func:`kaigo_age_date` reads 六十五歳), the day of moving in (第2号) or the day of becoming a 加入者
    (第3号); 第11条第2項: lost from the day the person is no longer a 加入者 (その日から). At sixty-five the person
    is a 第一号被保険者 (第9条第1号), no longer a 第二号. Born 1985-06-15, a 加入者 throughout: from 2025-06-14.
    """
    insured = joined is not None and joined <= day and (left is None or day < left)
    resident = moved_in <= day and (lost is None or day < lost)
    return insured and resident and age_reached_on(birth, SECOND_FROM_AGE) <= day < kaigo_age_date(birth)


# -- 住所地特例 as 第13条 writes it --------------------------------------------------------------------------

#: 第13条第1項各号, as the harness's 介護保険 record names the 入所等 by which the person moved here (item
#: ``入所等_区分``); ``入所等_入所措置`` ("有"/"無") tells whether 老人福祉法 第11条第1項第1号's 入所措置 was taken.
FACILITY_KIND, FACILITY_MEASURE = "入所等_区分", "入所等_入所措置"
#: 第13条第2項第1号: for a 特定継続入所被保険者, the 市町村 of the address when the first 入所等 began.
CHAIN_ORIGIN = "継続入所等_最初の入所等の際の住所_市区町村コード"
FACILITY_KINDS = ("介護保険施設", "特定施設", "養護老人ホーム")
#: 第13条第1項括弧書: the 養護老人ホーム of 第3号 only for those placed by the 入所措置.
MEASURE_ONLY = "養護老人ホーム"


def tokurei_insurer(kind: str, measure: bool, previous: str | None, town: str, chain_origin: str | None) -> str | None:
    """The 市町村 whose 介護保険 被保険者 a person who moved to a 住所地特例対象施設 in ``town`` by an 入所等 of
    ``kind`` is (第13条), None where none but ``town`` (第9条).

    第1項: a 住所地特例対象被保険者 (第3号 only with the 入所措置) who lived in another 市町村 (``previous``; None:
    from abroad) when the 入所等 began: that 市町村. ただし書 and 第2項第1号: a 特定継続入所被保険者 (``chain_origin``
    given) is the 被保険者 of the 市町村 of the address when the first 入所等 began, when that is another 市町村.
    """
    if kind not in FACILITY_KINDS:
        raise ValueError(f"unknown {FACILITY_KIND}: {kind!r} (expected one of {FACILITY_KINDS})")
    if kind == MEASURE_ONLY and not measure:
        return None
    origin = chain_origin if chain_origin is not None else previous
    return origin if origin is not None and origin != town else None


#: The 入所等 by which a 被保険者 of this 市町村 moved out into a 住所地特例対象施設 in another 市町村 (the sending side
#: of 第13条第1項), as the harness's 介護保険 record names it.
MOVED_OUT_KIND, MOVED_OUT_MEASURE = "転出先入所等_区分", "転出先入所等_入所措置"


def kept_by_sender(kind: str, measure: bool) -> bool:
    """Whether a 被保険者 who moved out of this 市町村 into a facility of ``kind`` in another 市町村 by an 入所等 stays
    this 市町村's 被保険者 (第13条第1項, seen from the 市町村 where the address was when the 入所等 began: 当該他の
    市町村が行う介護保険の被保険者とする): a 住所地特例対象施設 (第3号's 養護老人ホーム only with the 入所措置). Moved
    out into a 介護保険施設: kept; into a 養護老人ホーム without the 入所措置: lost as any move out (第11条第1項)."""
    if kind not in FACILITY_KINDS:
        raise ValueError(f"unknown {MOVED_OUT_KIND}: {kind!r} (expected one of {FACILITY_KINDS})")
    return kind != MEASURE_ONLY or measure


# -- 要介護認定 (第27条第8項, 第11項) ------------------------------------------------------------------------

#: The 要介護認定 of the person's 介護保険 record: the day of the 申請 (第27条第1項) and of the 認定.
CARE_APPLIED, CARE_CERTIFIED = "要介護認定_申請年月日", "要介護認定_認定年月日"
#: 第27条第11項: 当該申請のあった日から三十日以内.
DECISION_DAYS = 30


def certification_effective(applied: date) -> date:
    """The day a 要介護認定 takes effect: 第27条第8項, その申請のあった日にさかのぼって (the day of the 申請,
    whatever the day of the 認定). Applied 2025-06-10, 認定 on 2025-07-05: effective 2025-06-10."""
    return applied


def decision_deadline(applied: date) -> date:
    """The last day of 第27条第11項's 三十日以内 for the 処分 on a 申請 (本文; its ただし書's 延期 is not generated).

    Reading (ours, 民法 第140条: 初日不算入, as the 生活保護 oracle counts 第24条第5項's 十四日): counted from the day
    after the 申請, the thirtieth day. Applied 2025-06-10: 2025-07-10.
    """
    return applied + timedelta(days=DECISION_DAYS)


#: 第27条第11項ただし書: the 延期 as the 介護保険 record gives it: the day the 処理見込期間 and its reason were notified
#: to the 被保険者, and the last day of that 処理見込期間.
CARE_POSTPONED, CARE_EXPECTED_END = "要介護認定_延期通知年月日", "要介護認定_処理見込期間_末日"


def postponed_deadline(applied: date, notified: date | None, expected_end: date | None) -> date:
    """The last day for the 処分 on a 申請 with 第27条第11項ただし書's 延期: a notice of the 処理見込期間 given
    「当該申請のあった日から三十日以内に」 (counted as the 本文: on or before :func:`decision_deadline`) postpones the
    処分 to the last day of that 処理見込期間; a notice after it postpones nothing (第12項: 前項ただし書の通知がない
    とき), and neither does a 処理見込期間 ending before the thirtieth day (no 延期: not generated).

    Reading (ours): the record gives the 処理見込期間 by its last day, so no counting of the 期間 is read; the 処分 is
    due on that day (第11項: 「これを延期する」 by the 期間; 第12項's 「経過した日まで」 is the 被保険者's 却下 deemed,
    not judged). Applied 2025-06-10 with the 処理見込期間 to 2025-08-20: notified 2025-07-10, 2025-08-20; notified
    2025-07-11, 2025-07-10.
    """
    deadline = decision_deadline(applied)
    if notified is None or expected_end is None or notified > deadline:
        return deadline
    return max(deadline, expected_end)


#: 第27条第7項後段: what the 市町村 writes on the 被保険者証 of a person it certified (the record's items): 第1号, the
#: 要介護状態区分; 第2号, the 認定審査会's 意見 on 第5項第2号's matters.
CARE_LEVEL, CARE_OPINION = "要介護認定_要介護状態区分", "要介護認定_認定審査会の意見"
CARE_LEVELS = ("要介護1", "要介護2", "要介護3", "要介護4", "要介護5")
