"""The reference vendor's 選挙人名簿 (公職選挙法 第9条, 第19条〜第28条), read from its 住民記録 rows.

Written apart from :mod:`conformance.domains.senkyo.oracle` on purpose (the scenario checks compare the two).
The record tells: the birth, nationality (住民種別 1), the day the address was taken (住民となった年月日),
the day the 住民票 was made or the 転入届 made (届出年月日), and the day the address ceased (the 転出 or
the death). Only 定時登録 (1 March, June, September, December); no election is held. Named defects
(``defects``) change one answer each, computed from the correct state otherwise.

``POST /api/v1/forms/senkyo_shohon`` with ``{"宛名番号", "基準日"}`` prints the 選挙人名簿抄本 of a person registered
on that day (:func:`shohon_lines`, laid out by :mod:`conformance_reference.statute_forms`): 第20条第1項's
氏名, 住所 (of a person of 第21条第2項: the 住民票's address before the move), 性別 and 生年月日, and the 表示.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from conformance_reference.paper import ERAS, wareki
from conformance_reference.rules import Row, Stay, parse_day

_SEX = {"1": "男", "2": "女"}


def _plus_months(day: date, months: int) -> date:
    """The same day ``months`` later; when that month is too short, the 1st of the month after."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if day.day > 28:
        following = date(year + month // 12, month % 12 + 1, 1)
        if day.day > (following - timedelta(days=1)).day:
            return following
    return date(year, month, day.day)


def _eighteen(birth: date, years: int = 18) -> date:
    """The day 18 (or ``years``) is reached: the day before the birthday."""
    if birth.month == 2 and birth.day == 29:
        return date(birth.year + years, 3, 1) - timedelta(days=1)
    return date(birth.year + years, birth.month, birth.day) - timedelta(days=1)


@dataclass(frozen=True)
class _Voter:
    japanese: bool
    seventeen: date
    eighteen: date
    moved_in: date
    notified: date
    gone: date | None  # the day the address ceased
    died: bool

    def here(self, day: date) -> bool:
        return self.moved_in <= day and (self.gone is None or day < self.gone)

    def strike_day(self) -> date | None:
        return None if self.gone is None else _plus_months(self.gone + timedelta(days=1), 4)


def _made(row: Row, history: Sequence[Row]) -> Row:
    """The row the stay's 住民票 was made with: the person's first row with the latest row's 住民となった年月日.

    第21条第1項 counts the three months from the day the 住民票 was made (for a 転入, the day of the 転入届);
    a later row's 届出年月日 (a 世帯主変更, a 転居, the 転出届) is that 異動's day, not the day the 住民票 was made
    (found by the cross-domain machine: a 世帯主変更 took a voter off the 名簿 for three months)."""
    moved_in = row.get("住民となった年月日", "")
    return next((earlier for earlier in history if earlier.get("住民となった年月日", "") == moved_in), row)


def _voter(row: Row, stay: Stay | None, history: Sequence[Row] = ()) -> _Voter | None:
    birth = parse_day(row.get("生年月日", ""))
    notified = parse_day(_made(row, history).get("届出年月日", ""))
    if birth is None or stay is None:
        return None
    return _Voter(row.get("住民種別") == "1", _eighteen(birth, 17), _eighteen(birth), stay.moved_in,
                  notified or stay.moved_in, stay.moved_out, stay.died is not None)


def _eligible(voter: _Voter, day: date, defects: frozenset[str], age_on: date | None = None) -> bool:
    """第21条: 被登録資格 as of ``day`` (resident for three months on the record, or moved out after them
    and within four months); the age judged on ``age_on`` when given (第22条第2項, 第3項: the 期日)."""
    if not (voter.japanese and voter.eighteen <= (age_on or day)):
        return False
    start = voter.moved_in if "senkyo_record_from_move_day" in defects else voter.notified
    if voter.here(day):
        return _plus_months(start, 3) <= day
    strike = voter.strike_day()
    if voter.gone is None or voter.died or strike is None or "senkyo_moved_out_not_registered" in defects:
        return False
    return _plus_months(start, 3) <= voter.gone <= day < strike


@dataclass(frozen=True)
class _Election:
    """The election of the person's 選挙人名簿 record: 公示日, 期日 and 選挙時登録基準日."""

    notice: date
    day: date
    base: date
    national: bool = False  # 衆議院 or 参議院


def _election(record: Mapping[str, str]) -> _Election | None:
    notice, day, base = (parse_day(record.get(item, "")) for item in ("選挙_公示日", "選挙_期日", "選挙時登録基準日"))
    if notice is None or day is None or base is None:
        return None
    return _Election(notice, day, base, record.get("選挙_種類") in ("衆議院", "参議院"))


#: The defects of the registration's day and provision (an answer takes those of them that are on).
_REGISTRATION_DEFECTS = ("senkyo_registered_monthly", "senkyo_election_age_on_first", "senkyo_no_election_registration",
                         "senkyo_schedule_on_base_day")


def _registration(voter: _Voter, as_of: date, defects: frozenset[str],
                  election: _Election | None = None) -> tuple[date, str] | None:
    """The day the person was registered on and the provision: a 登録月の一日 (第22条第1項; 第2項 from the 公示
    to the day before the 期日, the age then judged on the 期日), or the 選挙時登録の基準日 (第3項, the age judged
    on the 期日), which replaces the 登録月の一日 it falls on (第4項). With senkyo_registered_monthly, any 1st.
    Asked through :data:`_registered`, its cache."""
    months = range(1, 13) if "senkyo_registered_monthly" in defects else (3, 6, 9, 12)
    days: dict[date, str] = {}
    for year in range(voter.moved_in.year, as_of.year + 1):  # only the 登録月 (the days are sorted below)
        for month in months:
            first = date(year, month, 1)
            if voter.moved_in <= first <= as_of:
                campaign = election is not None and election.notice <= first < election.day
                days[first] = "第22条第2項" if campaign else "第22条第1項"
    if (election is not None and voter.moved_in <= election.base <= as_of
            and not (election.base not in days and "senkyo_no_election_registration" in defects)
            and not (election.base in days and "senkyo_schedule_on_base_day" in defects)):
        days[election.base] = "第22条第3項"
    for day in sorted(days):
        on_the_day = days[day] == "第22条第1項" or (days[day] == "第22条第2項"
                                                     and "senkyo_election_age_on_first" in defects)
        age_on = None if on_the_day or election is None else election.day
        if _eligible(voter, day, defects, age_on):
            return day, days[day]
    return None


#: :func:`_registration`, cached (its arguments are values and it reads nothing else): one answer asks it four times,
#: and a roll asks it for every person again (2 % of a whole run). A wrapper, not a decorator: mutmut leaves a
#: decorated function unmutated, and this one is of the statute mutation target (pyproject.toml).
_registered = lru_cache(maxsize=4096)(_registration)


def _registered_on(voter: _Voter, as_of: date, defects: frozenset[str],
                   election: _Election | None = None) -> date | None:
    """The day the person was registered on (:func:`_registration`)."""
    found = _registered(voter, as_of, defects, election)
    return found[0] if found else None


def _resident_three_months(voter: _Voter, since: date, as_of: date) -> bool:
    return voter.here(as_of) and _plus_months(since, 3) <= as_of


def _struck_off(voter: _Voter, registered_on: date | None, as_of: date, defects: frozenset[str]) -> str | None:
    """第28条: 死亡 (第1号), or four months passed after the address ceased (第2号)."""
    if registered_on is None or voter.gone is None or as_of < voter.gone:
        return None
    if voter.died:
        return None if "senkyo_dead_not_struck_off" in defects else "死亡"
    strike = voter.strike_day()
    if strike is not None and "senkyo_struck_off_early" in defects:
        strike -= timedelta(days=1)
    if (strike is not None and "senkyo_struck_off_late_on_month_end" in defects
            and (strike + timedelta(days=1)).day == 1):
        strike += timedelta(days=1)  # the defect: a corresponding day on its month's last day read as one it lacks
    return "転出後4箇月経過" if strike is not None and as_of >= strike else None


#: 第20条第2項: the 投票区 the reference's town set, by 町字 (the reference's profile declares the same:
#: vendor_profiles/reference.yaml, ordinance.senkyo.voting_districts).
VOTING_DISTRICTS: dict[str, str] = {
    **dict.fromkeys(("本町一丁目", "本町二丁目", "本町三丁目", "駅前一丁目", "駅前二丁目"), "第一投票区"),
    **dict.fromkeys(("さくら台一丁目", "さくら台二丁目", "緑町", "栄町", "旭町"), "第二投票区"),
    **dict.fromkeys(("東町", "西町", "南町", "北町", "大字見本"), "第三投票区"),
}


def _voting_district(row: Row, defects: frozenset[str]) -> str | None:
    """The 投票区 whose 名簿 the registered person is on (第20条第2項): that of the 町字 of the address (of the last
    address in the town, for one registered under 第21条第2項). The defect keeps one 名簿 for the town: every
    person on the first 投票区's."""
    if "senkyo_one_voting_district" in defects:
        return "第一投票区"
    return VOTING_DISTRICTS.get(row.get("住所_町字") or "")


def senkyo(row: Row, stay: Stay | None, as_of: date, defects: frozenset[str],
           record: Mapping[str, str] | None = None, history: Sequence[Row] = ()) -> dict[str, Any]:
    """The person's 選挙権 and place on the 選挙人名簿 of this town on ``as_of`` (``record``: the harness's
    選挙人名簿 record of the person, a sentence of 第11条第1項; ``history``: the person's rows, oldest first)."""
    voter = _voter(row, stay, history)
    if voter is not None and history and "senkyo_nationality_from_first_record" in defects:
        voter = replace(voter, japanese=history[0].get("住民種別") == "1")  # a 帰化 changes nothing
    if voter is None:
        return {"選挙権_国政": False, "選挙権_地方": False, "被登録資格": False, "登録": False, "登録基準日": None,
                "表示": False, "抹消事由": None, "年齢満十七年調査": False, "登録根拠": None, "選挙権_都道府県": False,
                "在外_被登録資格": False, "在外_被登録移転資格": False, "在外_抹消事由": None, "異議申出期間": None,
                "抄本閲覧_可否": True, "在外_登録停止": False, "在外_異議申出期間": None, "在外_表示": False,
                "在外_抄本閲覧_可否": True, "在外_抄本閲覧_登録確認": True,
                "抄本閲覧_閲覧者可否": _inspector_admitted(record or {}, defects), "在外_外務大臣意見照会": False,
                "選挙権喪失通知": [], "在外_登録": False, "投票区": None}
    voter = _across_area_change(voter, record or {}, defects)
    barred = _barred(record or {}, as_of, defects)
    eighteen = voter.eighteen
    if "senkyo_leap_day_birth_eighteen_late" in defects and row.get("生年月日", "").endswith("-02-29"):
        eighteen += timedelta(days=1)  # the defect: a 2月29日 birth 18 on 3月1日 (the 選挙権_国政 only)
    national = voter.japanese and eighteen <= as_of and not barred
    if national and "senkyo_national_needs_residence" in defects:
        national = _resident_three_months(voter, voter.moved_in, as_of)
    local_since = voter.notified if "senkyo_local_from_notification" in defects else voter.moved_in
    election = _election(record or {})
    registered_on = _registered_on(voter, as_of, frozenset(), election)
    overseas = _Overseas.of(record or {})
    abroad = voter.gone is not None and not voter.died and not row.get("転出先住所（確定）_市区町村コード")
    transferred = _transferred(voter, registered_on, overseas, as_of)
    # 第28条第1項第4号: learnt (the record's 誤登録_判明年月日) that the registration should not have been made.
    known = parse_day((record or {}).get("誤登録_判明年月日", ""))
    wrong = (known is not None and registered_on is not None and registered_on <= known <= as_of
             and "senkyo_wrong_registration_kept" not in defects)
    on_list = (registered_on is not None and not transferred and not wrong
               and _struck_off(voter, registered_on, as_of, frozenset()) is None)
    gone = voter.gone is not None and voter.gone <= as_of
    # Each answer below takes only its own defect (a group of defects in one run must not mix).
    # (With the election: a person registered by 第22条第2項 or 第3項 alone is on the 名簿 too.)
    moved_out_kept = _registered_on(voter, as_of, _only("senkyo_moved_out_not_registered", defects),
                                    election) is not None
    shown = _registered(voter, as_of, frozenset(name for name in _REGISTRATION_DEFECTS if name in defects), election)
    if (shown is not None and election is not None and "senkyo_list_remade_per_election" in defects
            and record is not None and record.get("選挙_種類") == "地方"
            and shown[0] < election.base - timedelta(days=365) <= as_of):
        shown = (election.base, "第22条第3項")  # the defect: a 名簿 of its own for a local election
    answer = {
        "選挙権_国政": national,
        "選挙権_地方": (voter.japanese and voter.eighteen <= as_of and not barred
                    and _resident_three_months(voter, local_since, as_of)),
        "被登録資格": _eligible(voter, as_of, _only("senkyo_record_from_move_day", defects)) and not barred,
        "登録": _after_objection(on_list and moved_out_kept, record or {}, as_of, defects),
        "異議_通知先": _objection_notified(record or {}, as_of, defects),
        "在外異議_通知先": _objection_notified(record or {}, as_of, defects, overseas=True),
        "登録基準日": shown[0].isoformat() if on_list and shown else None,
        "登録根拠": shown[1] if on_list and shown else None,
        "表示": on_list and ((gone and not _unindicated(voter, registered_on, defects))
                           or _indicated_barred(record or {}, as_of, defects)),
        "抹消事由": ("在外選挙人名簿への登録の移転" if transferred and "senkyo_kept_after_transfer" not in defects
                 else "登録されるべきでなかつた" if wrong else _struck_off(voter, registered_on, as_of, defects)),
        "年齢満十七年調査": _surveyed_at_seventeen(voter, as_of, defects),
        "選挙権_都道府県": _prefectural(row, voter, record or {}, as_of, barred, defects),
        "異議申出期間": _objection_period(_registered(voter, as_of, frozenset(), election) if on_list else None,
                                    election, defects),
        "抄本閲覧_可否": _inspection_open(election, as_of, defects),
        "抄本閲覧_登録確認": _confirmation_open(election, as_of, defects),
        "在外_登録停止": _overseas_suspended(election, as_of, defects),
        "在外_表示": overseas.listed(as_of) and (
            (overseas.returned is not None and overseas.returned <= as_of
             and "senkyo_overseas_no_indication_on_return" not in defects) or barred),
        "在外_異議申出期間": _overseas_objection(overseas, election, as_of, defects),
        "在外_抄本閲覧_可否": _overseas_inspection_open(election, as_of, defects),
        "在外_抄本閲覧_登録確認": _overseas_confirmation_open(election, as_of, defects),
        "抄本閲覧_閲覧者可否": _inspector_admitted(record or {}, defects),
        "選挙権喪失通知": _disqualification_notices(row, voter, record or {}, as_of, defects),
        "在外_外務大臣意見照会": _minister_asked(voter, overseas, registered_on, transferred, as_of, defects),
        **_overseas_answer(voter, overseas, abroad and voter.japanese and voter.eighteen <= as_of and not barred,
                           on_list, as_of, defects),
    }
    answer["投票区"] = _voting_district(row, defects) if answer["登録"] else None
    answer["在外_登録"] = (overseas.listed(as_of) and not _overseas_answer_struck(overseas, as_of, defects)
                         and not _overseas_remade(overseas, election, as_of, defects))
    return {**answer, **_supplementary(voter, record or {}, as_of, defects),
            **_overseas_objection_decided(voter, record or {}, answer, as_of, defects)}


def _across_area_change(voter: _Voter, record: Mapping[str, str], defects: frozenset[str]) -> _Voter:
    """第9条第4項・第5項, 第21条第3項・第4項: the 住民票 carried over by a 廃置分合 or 境界変更 keeps its days and the
    periods run on across it (the record's 区域変更_年月日 changes nothing). With
    senkyo_period_restarts_on_area_change, the address and the record count from the change's day."""
    changed = parse_day(record.get("区域変更_年月日", ""))
    if changed is None or "senkyo_period_restarts_on_area_change" not in defects:
        return voter
    return replace(voter, moved_in=max(voter.moved_in, changed), notified=max(voter.notified, changed))


#: 第28条の2第1項's table and 第28条の3第1項各号: (活動, 申出者) -> the 閲覧者 it lets inspect.
_INSPECTORS: dict[tuple[str, str], frozenset[str]] = {
    ("登録確認", "選挙人"): frozenset({"申出者本人"}),
    ("政治活動", "公職の候補者等"): frozenset({"申出者本人", "申出者が指定する者"}),
    ("政治活動", "政治団体"): frozenset({"役職員又は構成員で申出者が指定するもの"}),
    ("調査研究", "国等の機関"): frozenset({"職員で申出者が指定するもの"}),
    ("調査研究", "法人"): frozenset({"役職員又は構成員で申出者が指定するもの",
                                  "共同して申出をした他の法人の役職員又は構成員で申出者が指定するもの"}),
    ("調査研究", "個人"): frozenset({"申出者本人", "申出者が指定する者"}),
}


def _inspector_admitted(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第28条の2, 第28条の3: whether the person named as 閲覧者 by the record's 申出 may inspect the 抄本: one the table
    (or 各号) names for the 申出者 (第28条の2第9項: a 政治団体's 承認法人閲覧事項取扱者 once 承認), on an 申出 stating
    the items of 第2項 (第28条の2: 申出者, 利用目的, 閲覧者, and a 政治団体's 管理の方法 and 取扱者範囲; 第28条の3:
    those three, the 成果の取扱い, a 法人's 管理の方法 and 取扱者範囲, an 個人's 管理の方法)."""
    activity, applicant = record.get("閲覧_活動", ""), record.get("閲覧_申出者区分", "")
    inspector = record.get("閲覧_閲覧者区分", "")
    if not activity:
        return False
    admitted = set(_INSPECTORS.get((activity, applicant), frozenset()))
    if (activity, applicant) == ("政治活動", "政治団体"):
        # 第9項 with 第7項第1号〜第4号: the 承認 is of an 申出 stating the 法人's 名称等, 事由, 範囲 and 管理の方法.
        corporation = ("閲覧_法人_名称等", "閲覧_法人_事由", "閲覧_法人_取扱者範囲", "閲覧_法人_管理方法")
        complete = ("senkyo_corporation_items_unchecked" in defects
                    or all(record.get(item) == "記載" for item in corporation))
        if complete and (record.get("閲覧_承認法人") == "承認" or "senkyo_inspection_approval_ignored" in defects):
            admitted.add("承認法人閲覧事項取扱者")
        if "senkyo_inspection_political_any_designee" in defects:
            admitted.add("申出者が指定する者")
    if applicant == "国等の機関" and "senkyo_research_state_any_designee" in defects:
        admitted.add("申出者が指定する者")
    if applicant == "法人" and "senkyo_research_joint_corporation_refused" in defects:
        admitted.discard("共同して申出をした他の法人の役職員又は構成員で申出者が指定するもの")
    if applicant == "個人" and "senkyo_research_individual_designee_refused" in defects:
        admitted.discard("申出者が指定する者")
    needed = {"閲覧_申出者氏名住所", "閲覧_利用目的", "閲覧_閲覧者氏名住所"}
    if activity == "調査研究":
        needed |= {"閲覧_成果の取扱い", *(("閲覧_管理方法", "閲覧_取扱者範囲") if applicant == "法人" else ()),
                   *(("閲覧_管理方法",) if applicant == "個人" else ())}
    elif applicant == "政治団体":
        needed |= {"閲覧_管理方法", "閲覧_取扱者範囲"}
    stated = "senkyo_inspection_items_unchecked" in defects or all(record.get(item) == "記載" for item in needed)
    return inspector in admitted and stated


def _after_objection(listed: bool, record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool:
    """第24条第2項: the 委員会's decision of an 異議 (異議_決定年月日, 異議_決定, 異議_求め): decided 正当, the person
    is registered or removed at once, from the decision's day; decided 正当でない, the 名簿 stays as it is."""
    decided = parse_day(record.get("異議_決定年月日", ""))
    if (decided is None or as_of < decided or record.get("異議_決定") != "正当"
            or "senkyo_objection_decision_ignored" in defects):
        return listed
    return record.get("異議_求め") == "登録"


def _overseas_remade(overseas: _Overseas, election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """The defect senkyo_overseas_list_remade_per_election: a 在外選挙人名簿 of its own for a 衆議院 or 参議院 election,
    which leaves off a registration more than a year older than its 基準日 (第30条の2第2項: one 名簿, kept for good)."""
    return ("senkyo_overseas_list_remade_per_election" in defects and election is not None and election.national
            and overseas.registered is not None and overseas.registered < election.base - timedelta(days=365)
            and election.base <= as_of)


def _objection_notified(record: Mapping[str, str], as_of: date, defects: frozenset[str], *,
                        overseas: bool = False) -> list[str]:
    """第24条第2項 (第30条の8第2項 for an 異議 about the 在外選挙人名簿, ``overseas``): whom the decision of an 異議 was
    notified to: 正当, the 異議申出人 and the 関係人; 正当でない, the 異議申出人 (the defects: nobody, as if only a
    decision that changes the 名簿 were notified)."""
    prefix, defect = ("在外異議_", "senkyo_overseas_dismissal_not_notified") if overseas else (
        "異議_", "senkyo_dismissal_not_notified")
    decided = parse_day(record.get(prefix + "決定年月日", ""))
    if decided is None or as_of < decided:
        return []
    if record.get(prefix + "決定") == "正当":
        return ["異議申出人", "関係人"]
    return [] if defect in defects else ["異議申出人"]


def _disqualification_notices(row: Row, voter: _Voter, record: Mapping[str, str], as_of: date,
                              defects: frozenset[str]) -> list[dict[str, str]]:
    """第11条第3項: for a person whose 本籍 is here (the record's 本籍地 当市町村) who moved to another municipality,
    a notice to it of each day after the move on which 第11条第1項 begins (生じた) or stops (なくなつた) to bar."""
    to = row.get("転出先住所（確定）_市区町村コード") or ""
    final = parse_day(record.get("刑_確定年月日", ""))
    if record.get("本籍地") != "当市町村" or not to or voter.gone is None or voter.died or final is None:
        return []
    notices, barred, day = [], False, final
    while day <= as_of:
        now = _barred(record, day, frozenset())
        if now != barred and day > voter.gone and (now or "senkyo_notice_only_when_arisen" not in defects):
            notices.append({"通知先": to, "事由": "生じた" if now else "なくなつた", "年月日": day.isoformat()})
        barred, day = now, day + timedelta(days=1)
    return notices


def _supplementary(voter: _Voter, record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """第26条: a person left off the registration of the record's 登録漏れ_登録月の一日, learnt on
    登録漏れ_判明年月日, is registered that day (登録根拠 第26条) if eligible on every day from the 一日 to it; before
    it, not on the 名簿."""
    omitted = parse_day(record.get("登録漏れ_登録月の一日", ""))
    known = parse_day(record.get("登録漏れ_判明年月日", ""))
    if omitted is None or known is None:
        return {}
    if as_of < known:
        return {"登録": False, "登録根拠": None}
    days = [omitted + timedelta(days=n) for n in range((known - omitted).days + 1)]
    if "senkyo_supplementary_without_continuity" in defects:
        days = [omitted, known]  # the defect: eligible on the two days only
    eligible = all(_eligible(voter, day, frozenset()) and not _barred(record, day, frozenset()) for day in days)
    return {"登録": eligible, "登録根拠": "第26条" if eligible else None}


def _overseas_objection_decided(voter: _Voter, record: Mapping[str, str], answer: Mapping[str, Any], as_of: date,
                                defects: frozenset[str]) -> dict[str, Any]:
    """第30条の8第2項: the 委員会's decision of an 異議 about the 在外選挙人名簿 (在外異議_決定年月日, 在外異議_決定,
    在外異議_求め): decided 正当, from its day the person is put on the 在外選挙人名簿 (在外登録, 移転: then off the
    選挙人名簿) or off it (在外抹消; 在外抹消と名簿登録: then on the 選挙人名簿 if eligible that day)."""
    decided = parse_day(record.get("在外異議_決定年月日", ""))
    if decided is None or as_of < decided or record.get("在外異議_決定") != "正当":
        return {}
    seeks = record.get("在外異議_求め")
    if seeks == "在外登録":
        return {"在外_登録": True}
    if seeks == "在外抹消":
        return {"在外_登録": False}
    if seeks == "移転":
        return {"在外_登録": True, "登録": False}
    eligible = _eligible(voter, decided, frozenset()) and not _barred(record, decided, frozenset())
    return {"在外_登録": False,
            "登録": eligible or "senkyo_overseas_objection_registers_unqualified" in defects or answer["登録"]}


def _minister_asked(voter: _Voter, overseas: _Overseas, registered_on: date | None, transferred: bool, as_of: date,
                    defects: frozenset[str]) -> bool:
    """第30条の5第5項: the 外務大臣 is asked about a 移転 applicant not struck off the 名簿 (the 移転 itself strikes
    off too)."""
    if overseas.transfer_applied is None or as_of < overseas.transfer_applied:
        return False
    if "senkyo_minister_asked_after_struck_off" in defects:
        return True
    return not transferred and _struck_off(voter, registered_on, as_of, frozenset()) is None


def _objection_period(found: tuple[date, str] | None, election: _Election | None,
                      defects: frozenset[str]) -> dict[str, str] | None:
    """第24条第1項: five days from the day after the day the registration was made (第1号), or only that next day
    for a registration on a 一日 from the 公示 to the 期日の前々日 or a 選挙時登録 (第2号). A 一日 that is a Saturday
    or Sunday is registered on the Monday (第22条第1項), unless it falls from the 公示 to the day before the 期日."""
    if found is None:
        return None
    day, basis = found
    campaign = election is not None and election.notice <= day < election.day
    # 第2号: a 一日 from the 公示 to the 期日の前々日 (one on the 期日の前日 is 第1号's).
    next_day_only = (election is not None and election.notice <= day <= election.day - timedelta(days=2)
                     and "senkyo_objection_five_days_in_campaign" not in defects)
    if basis == "第22条第3項" or next_day_only:
        return _period(day + timedelta(days=1), day + timedelta(days=1), defects)
    made = day
    while made.weekday() >= 5 and not campaign:
        made += timedelta(days=1)
    if "senkyo_objection_counts_registration_day" in defects:
        made -= timedelta(days=1)
    return _period(made + timedelta(days=1), made + timedelta(days=5), defects)


def _period(start: date, end: date, defects: frozenset[str]) -> dict[str, str]:
    """The period as answered. Its last day stays where it falls, a Saturday or Sunday too: 第270条の3 keeps 地方自治法
    第4条の2第4項 (a 期限 on a 休日 moved to the next day) away from the 申出 of this law."""
    while "senkyo_objection_extended_on_holiday" in defects and end.weekday() >= 5:
        end += timedelta(days=1)
    return {"開始": start.isoformat(), "終了": end.isoformat()}


def _confirmation_open(election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """第28条の2第1項 後段: a 選挙人's 確認 is let in also within the closed window on a day of 異議 of the
    registrations around the election (第24条第1項: the day after the 基準日; after a 定時登録 from a week before
    the 公示 to five days after the 期日, the next day or the five days)."""
    if election is None or _inspection_open(election, as_of, frozenset()):
        return True
    if "senkyo_confirmation_closed_in_window" in defects:
        return False
    if as_of == election.base + timedelta(days=1):
        return True
    # The defect moves a period ending on a 休日 to the next working day for the 確認 (地方自治法 第4条の2第4項, which
    # 第270条の3 keeps away), as the 異議 defect does for the period answered.
    extended = frozenset({"senkyo_objection_extended_on_holiday"}) \
        if "senkyo_confirmation_extended_on_holiday" in defects else frozenset()
    one = _survey_day(election.day + timedelta(days=5))
    while one >= election.notice - timedelta(days=7):
        days = _objection_period((one, "第22条第1項" if not election.notice <= one < election.day else "第22条第2項"),
                                 election, extended)
        if days is not None and days["開始"] <= as_of.isoformat() <= days["終了"]:
            return True
        one = _plus_months(one, -3)
    return False


def _inspection_open(election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """第28条の2第1項, 第28条の3第1項: closed from the 公示 to five days after the 期日."""
    if election is None:
        return True
    reopens = election.day + timedelta(days=1 if "senkyo_inspection_closed_until_election_day" in defects else 6)
    return not election.notice <= as_of < reopens


def _overseas_inspection_open(election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """第30条の12 (第28条の2第1項, 第28条の3第1項 applied): the 在外選挙人名簿's 抄本, closed as the 選挙人名簿's."""
    return "senkyo_overseas_inspection_open_in_window" in defects or _inspection_open(election, as_of, frozenset())


def _overseas_confirmation_open(election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """第30条の12 with 第30条の8第1項 read into 第28条の2第1項 後段: within the window, a 選挙人's 確認 on the five days
    after a 定時登録 is made (第1号, also in the campaign) and the day after a 衆議院 or 参議院 選挙時登録 (第2号)."""
    if election is None or _inspection_open(election, as_of, frozenset()):
        return True
    if "senkyo_overseas_confirmation_like_article_24" in defects:
        return _confirmation_open(election, as_of, frozenset())  # 第24条第1項's days instead
    if election.national and as_of == election.base + timedelta(days=1):
        return True
    one = _survey_day(election.day + timedelta(days=5))
    while one >= election.notice - timedelta(days=10):
        campaign = election.notice <= one < election.day
        made = one
        while made.weekday() >= 5 and not campaign:
            made += timedelta(days=1)
        if one != election.base and made + timedelta(days=1) <= as_of <= made + timedelta(days=5):
            return True
        one = _plus_months(one, -3)
    return False


def _overseas_suspended(election: _Election | None, as_of: date, defects: frozenset[str]) -> bool:
    """第30条の6第3項: 衆議院 or 参議院, from the 公示 to the 期日."""
    if election is None or not (election.national or "senkyo_overseas_suspended_in_local" in defects):
        return False
    return election.notice <= as_of <= election.day


def _overseas_objection(overseas: _Overseas, election: _Election | None, as_of: date,
                        defects: frozenset[str]) -> dict[str, str] | None:
    """第30条の8第1項: after a 在外 registration, the first of: five days after the day a 定時登録 is made (第1号),
    the day after a 衆議院 or 参議院 選挙時登録 (第2号)."""
    registered = overseas.registered
    if registered is None or registered > as_of:
        return None
    starts: list[tuple[date, date]] = []
    first = _survey_day(registered)
    for step in range(3):
        one = _plus_months(first, 3 * step)
        campaign = election is not None and election.notice <= one < election.day
        made = one
        while made.weekday() >= 5 and not campaign:
            made += timedelta(days=1)
        days = 1 if campaign and "senkyo_overseas_objection_like_article_24" in defects else 5
        starts.append((made + timedelta(days=1), made + timedelta(days=days)))
    if election is not None and election.national and "senkyo_overseas_objection_no_election_day" not in defects:
        starts.append((election.base + timedelta(days=1), election.base + timedelta(days=1)))
    start, end = min(period for period in starts if period[0] > registered)
    return {"開始": start.isoformat(), "終了": end.isoformat()}


@dataclass(frozen=True)
class _Overseas:
    """The 在外選挙人名簿 part of the person's 選挙人名簿 record."""

    applied: date | None
    area_since: date | None
    transfer_applied: date | None
    registered: date | None
    returned: date | None
    died: date | None
    lost_nationality: date | None
    wrongly_registered_known: date | None

    @staticmethod
    def of(record: Mapping[str, str]) -> _Overseas:
        items = ("在外_申請年月日", "在外_管轄区域住所年月日", "在外_移転申請年月日", "在外_登録年月日",
                 "在外_国内住所年月日", "在外_死亡年月日", "在外_国籍喪失年月日", "在外_誤登録_判明年月日")
        return _Overseas(*(parse_day(record.get(item, "")) for item in items))

    def listed(self, day: date) -> bool:
        return self.registered is not None and self.registered <= day


def _transferred(voter: _Voter, registered_on: date | None, overseas: _Overseas, as_of: date) -> bool:
    """第28条第1項第3号: moved to the 在外選挙人名簿 (on the 国外転出届's 申請) while on this 名簿."""
    moved = overseas.registered
    if overseas.transfer_applied is None or moved is None or registered_on is None or not registered_on <= moved:
        return False
    return moved <= as_of and _struck_off(voter, registered_on, moved, frozenset()) is None


def _overseas_answer(voter: _Voter, overseas: _Overseas, abroad_voter: bool, on_list: bool, as_of: date,
                     defects: frozenset[str]) -> dict[str, Any]:
    """第30条の4第1項, 第2項 (資格) and 第30条の11第1項第2号 (抹消) of the 在外選挙人名簿; ``abroad_voter``: a
    Japanese adult with 選挙権 who moved abroad."""
    abroad = abroad_voter and voter.gone is not None and voter.gone <= as_of and not overseas.listed(as_of)
    counted_from = (overseas.applied if "senkyo_overseas_area_months_from_application" in defects
                    else overseas.area_since)
    qualified = (abroad and overseas.applied is not None and counted_from is not None and overseas.applied <= as_of
                 and _plus_months(counted_from, 3) <= as_of)
    transfer = abroad and on_list and overseas.transfer_applied is not None and overseas.transfer_applied <= as_of
    if transfer and "senkyo_transfer_needs_three_months_abroad" in defects and voter.gone is not None:
        transfer = _plus_months(voter.gone, 3) <= as_of
    strike = None
    if overseas.listed(as_of) and overseas.returned is not None:
        strike = _plus_months(overseas.returned + timedelta(days=1), 4)
        if "senkyo_overseas_struck_off_from_return_day" in defects:
            strike = _plus_months(overseas.returned, 4)
    reason = "国内転入後4箇月経過" if strike is not None and strike <= as_of else None
    if overseas.listed(as_of) and "senkyo_overseas_kept_after_death" not in defects:
        # 第30条の11第1項第1号: death, or the loss of Japanese nationality (the 戸籍's day).
        if overseas.died is not None and overseas.died <= as_of:
            reason = "死亡"
        elif overseas.lost_nationality is not None and overseas.lost_nationality <= as_of:
            reason = "国籍喪失"
    wrong = overseas.wrongly_registered_known
    if (wrong is not None and overseas.registered is not None and overseas.registered <= wrong <= as_of
            and "senkyo_overseas_wrong_registration_kept" not in defects):
        reason = "登録されるべきでなかつた"  # 第30条の11第1項第3号
    return {"在外_被登録資格": qualified, "在外_被登録移転資格": transfer, "在外_抹消事由": reason}


def _prefectural(row: Row, voter: _Voter, record: Mapping[str, str], as_of: date, barred: bool,
                 defects: frozenset[str]) -> bool:
    """第9条第2項, 第3項: three months here, or three months in the one municipality of this prefecture the
    person moved here from (its address taken on the record's 転入前住所_住所を定めた年月日)."""
    if not voter.japanese or voter.eighteen > as_of or barred or not voter.here(as_of):
        return False
    if as_of == voter.moved_in and "senkyo_prefecture_not_on_move_day" in defects:
        return False
    complete = _plus_months(voter.moved_in, 3)
    if "senkyo_prefecture_months_day_after" in defects:  # the day after the corresponding day, even a missing one's
        complete += timedelta(days=1)
    if complete <= as_of:
        return True
    town, before = row.get("住所_市区町村コード") or "", row.get("転入前住所_市区町村コード") or ""
    since = parse_day(record.get("転入前住所_住所を定めた年月日", ""))
    if since is None or not before or before[:2] != town[:2] or "senkyo_prefecture_needs_town_residence" in defects:
        return False
    return _plus_months(since, 3) <= voter.moved_in


def _survey_day(as_of: date) -> date:
    """施行令 第13条: the last 1 March, June, September or December on or before ``as_of``."""
    month = as_of.month - (as_of.month % 3)
    return date(as_of.year, month, 1) if month else date(as_of.year - 1, 12, 1)


def _surveyed_at_seventeen(voter: _Voter, as_of: date, defects: frozenset[str]) -> bool:
    """施行令 第13条第1項: on the survey day, aged 17 and reaching 18 by the end of the month before the
    next survey month, recorded here (第1号) or moved out after three months recorded, within four (第2号)."""
    first = _survey_day(as_of)
    following = _plus_months(first, 3)
    last = following if "senkyo_seventeen_deadline_next_month" in defects else following - timedelta(days=1)
    if not (voter.japanese and voter.seventeen <= first < voter.eighteen <= last):
        return False
    if voter.notified <= first and (voter.gone is None or first < voter.gone):
        return True
    strike = voter.strike_day()
    return (voter.gone is not None and strike is not None and not voter.died
            and "senkyo_seventeen_moved_out_left_out" not in defects
            and _plus_months(voter.notified, 3) <= voter.gone <= first < strike)


def _indicated_barred(record: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    """第27条第1項: the 表示 of a registered person while 第11条第1項 bars the 選挙権 (the reference drops it once the
    bar ends, one of the readings the text leaves). Only its own defect: none of the 選挙権 defects moves it."""
    return _barred(record, day, frozenset()) and "senkyo_no_indication_on_disqualification" not in defects


def _barred(record: Mapping[str, str], day: date, defects: frozenset[str]) -> bool:
    """第11条第1項: without 選挙権 on ``day`` by the recorded sentence (第2号〜第5号)."""
    final = parse_day(record.get("刑_確定年月日", ""))
    if final is None or day < final:
        return False
    kind, crime = record.get("刑_種類"), record.get("罪_区分")
    until = parse_day(record.get("刑_執行猶予期間満了日", ""))
    end = parse_day(record.get("刑_執行終了年月日", "")) or parse_day(record.get("刑_執行免除年月日", ""))
    suspended = until is not None and day <= until
    # 第4号: while suspended, or until five years have passed after the day the execution ended.
    five_years = end is not None and end <= day < _plus_months(end + timedelta(days=1), 60)
    if crime == "公職収賄" and "senkyo_bribery_five_years_ignored" not in defects and (suspended or five_years):
        return True
    if crime == "選挙犯罪" and kind == "拘禁刑" and suspended:
        return "senkyo_election_crime_suspension_ignored" not in defects  # 第5号
    if until is not None:
        return suspended and "senkyo_suspended_disqualified" in defects  # 第3号's parenthesis
    imprisoned = kind == "拘禁刑" or "senkyo_fine_disqualifies" in defects
    return imprisoned and (end is None or day < end)  # 第2号, 第3号


def _only(name: str, defects: frozenset[str]) -> frozenset[str]:
    """``{name}`` if that defect is on: one answer given its own defect only. (A membership test, not
    ``defects & {name}``: the defect matrix's test knows which defects an answer asked about.)"""
    return frozenset({name}) if name in defects else frozenset()


def _unindicated(voter: _Voter, registered_on: date | None, defects: frozenset[str]) -> bool:
    """The defects that leave the 表示 out: on a move-out after registration (第27条第1項), or on a
    registration after the move-out (第27条第2項)."""
    if registered_on is None or voter.gone is None:
        return False
    if registered_on < voter.gone:
        return "senkyo_no_indication_on_move_out" in defects
    return "senkyo_no_indication_at_registration" in defects


def _printed_off_register(entry: Mapping[str, Any], election: _Election | None, defects: frozenset[str]) -> bool:
    """The defects that print a 抄本 for a person not on the 名簿 that day: one with the 被登録資格 before the
    登録月の一日 that registers him (第22条第1項; with no election held), or one struck off (第28条: died, four months
    after moving out)."""
    if entry["被登録資格"] and election is None and "senkyo_shohon_before_registration" in defects:
        return True
    return entry["抹消事由"] is not None and "senkyo_shohon_after_struck_off" in defects


def shohon_lines(row: Row, stay: Stay | None, as_of: date, defects: frozenset[str],
                 history: Sequence[Row] = (), record: Mapping[str, str] | None = None) -> list[tuple[str, str]] | None:
    """The printed lines of the person's 選挙人名簿抄本 on ``as_of`` (None: not on the 名簿 that day): 第20条第1項's
    items, the 投票区 whose 名簿 the person is on (第20条第2項) and the 表示 of 第27条 when the entry carries it.
    ``record``: the harness's 選挙人名簿 record of the person (an election's 選挙時登録, a sentence's 表示); the
    defect senkyo_shohon_without_election prints the 名簿 as if no election were held."""
    if record and "senkyo_shohon_without_election" in defects:
        record = {item: value for item, value in record.items() if not item.startswith("選挙")}
    entry = senkyo(row, stay, as_of, frozenset(), record=record, history=history)
    if not entry["登録"] and not _printed_off_register(entry, _election(record or {}), defects):
        return None
    address = "".join(row.get(name) or "" for name in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記",
                                                       "住所_方書"))
    if entry["表示"] and "senkyo_shohon_new_address" in defects:
        # The 転出先 of the 住民票 instead of the address before the move (第20条第1項's parenthesis).
        code = row.get("転出先住所（確定）_市区町村コード") or ""
        address = f"全国地方公共団体コード{code}の市区町村" if code else "国外"
    # 第27条第3項: the 記載 follows the record as it is now (the defect prints the 氏名 it was registered with).
    named = _made(row, history) if "senkyo_shohon_not_corrected" in defects else row
    # The defect counts the 和暦's 年 from the year before each era began (a 生年月日 one year late).
    eras = tuple((era, (year - 1, month, day)) for era, (year, month, day) in ERAS) \
        if "senkyo_shohon_era_year_off" in defects else ERAS
    lines = [("氏名", named.get("氏名") or ""), ("住所", address), ("性別", _SEX.get(row.get("性別") or "", "")),
             ("生年月日", wareki(row.get("生年月日") or "", eras=eras))]
    # 第20条第2項: the 投票区 (the defect prints the first 投票区 whatever the 町字).
    district = "第一投票区" if "senkyo_shohon_one_voting_district" in defects else _voting_district(row, frozenset())
    if district is not None:
        lines.append(("投票区", district))
    # 第27条: the 表示 (the defect prints it on every entry, also one whose address is here).
    if entry["表示"] or "senkyo_shohon_indication_for_all" in defects:
        lines.append(("表示", "有"))
    return lines


def zaigai_shohon_lines(row: Row, record: Mapping[str, str], as_of: date, defects: frozenset[str],
                        history: Sequence[Row] = ()) -> list[tuple[str, str]] | None:
    """The printed lines of the person's 在外選挙人名簿抄本 on ``as_of`` (None: not on the 在外選挙人名簿 that day):
    第30条の3第1項's 氏名, 最終住所 (the 住民票's address just before the move abroad: the 除票's), 性別, 生年月日."""
    overseas = _Overseas.of(record)
    if not overseas.listed(as_of) or _overseas_answer_struck(overseas, as_of):
        return None
    address = "".join(row.get(name) or "" for name in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記",
                                                       "住所_方書"))
    if "senkyo_shohon_zaigai_overseas_address" in defects:
        address = "国外"  # where the person lives now instead of the 最終住所
    # 第30条の10第2項: the 記載 follows the record as it is now (the defect prints the 氏名 the 住民票 was made with).
    named = _made(row, history) if "senkyo_shohon_zaigai_not_corrected" in defects else row
    return [("氏名", named.get("氏名") or ""), ("最終住所", address), ("性別", _SEX.get(row.get("性別") or "", "")),
            ("生年月日", wareki(row.get("生年月日") or ""))]


def _overseas_answer_struck(overseas: _Overseas, as_of: date, defects: frozenset[str] = frozenset()) -> bool:
    """第30条の11第1項: struck off the 在外選挙人名簿 by ``as_of`` (death, loss of nationality, four months after a
    domestic address was taken). The defect senkyo_overseas_listed_after_return keeps a person who came back on
    the 名簿 (the 抹消事由 given all the same)."""
    if any(day is not None and day <= as_of for day in (overseas.died, overseas.lost_nationality)):
        return True
    if "senkyo_overseas_listed_after_return" in defects:
        return False
    return overseas.returned is not None and _plus_months(overseas.returned + timedelta(days=1), 4) <= as_of
