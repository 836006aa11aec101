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
from conformance.oracles.residence import Residence, following

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
    if stay.moved_out is None:
        return None
    after = following(history, stay)
    if after is not None and after.moved_in <= stay.moved_out:
        return stay.moved_out
    return stay.moved_out + timedelta(days=1)


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
