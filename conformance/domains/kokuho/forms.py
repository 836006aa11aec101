"""The 国民健康保険 資格確認書 as printed (国民健康保険法 第9条第2項, 同施行規則 第6条; the statute edition ``kokuho
2025.12``).

A household moves into the town (from another prefecture, from the same one, or from abroad; the 届出 maybe days
later): the 世帯主 and a 世帯員 (a 子) who came with them, both 国保 被保険者 on the day asked about, the 世帯主 often
past the month in which seventy is reached. Both are appended to the 住民記録; then each one's 資格確認書 issued on
that day is asked for through the form interface, ``POST /forms/kokuho_shikaku_kakuninsho`` with ``{"宛名番号",
"交付年月日"}``, and read as printed (:mod:`conformance.checks.statute_forms`). Each check judges one item of
施行規則 第6条第4項 on the paper, against :mod:`conformance.domains.kokuho.oracle` and
:mod:`conformance.oracles.kakuninsho`:

- 第1号: each 被保険者's 氏名, 性別 and 生年月日;
- 第2号: the 世帯主's 氏名, on the 世帯員's card (on the 世帯主's own the two names are one);
- 第2項後段 (被保険者…ごとに作成する): the 世帯主's own card names no other 被保険者 of the household (the 世帯員);
- 第4号: the 適用開始の年月日 (the day the person came to live here; not the day of the 届出) and the 交付年月日;
- 第5号: for a 世帯主 past the month of seventy, the ratio 十分の二 (法 第42条第1項第3号, in any wording: 2割, 20%)
  and its 発効期日;
- 第6号: an 有効期限 (a date after the 交付年月日); 第3項: none later than five years counted from the 交付年月日.

第3号 (記号・番号, 保険者番号, the 交付者's 名称) is not judged: the numbers are the insurer's own. Only the content is
the law's, not the layout (the 様式 is not quoted): each value counts wherever it stands on the card and in any
printed form (a date in 和暦 or 西暦).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import _birth, _near, history, other_codes
from conformance.checks.statute_forms import dates_in, issue_printed, normal, ratios_in, sex_in
from conformance.checks.statute_rules import Loaded, Projection, Rule, Scenario, rule_checks
from conformance.domains.kokuho import oracle as kokuho
from conformance.oracles.dates import age_reached_on, anniversary, fiscal_year_of, month_of
from conformance.oracles.kakuninsho import SEVENTY, latest_expiry, seventy_ratio_effective
from conformance.targets.base import HttpClient
from conformance.testdata.town import TOWN_CODE

FORM_ID = "kokuho_shikaku_kakuninsho"
FORM_PATH = f"/forms/{FORM_ID}"
HEAD, MEMBER = "世帯主", "世帯員"
#: The generated rows' 氏名 and 性別 (conformance/checks/scenarios.py _base_row: the 世帯主 and a 子).
NAMES = {HEAD: "見本\u3000花子", MEMBER: "見本\u3000一郎"}
SEXES = {HEAD: "女", MEMBER: "男"}
#: The 資格確認書 exists from 令和6年12月2日 (the day the 被保険者証 stopped being issued).
FIRST_ISSUE = date(2024, 12, 2)
#: 法 第42条第1項第3号's ratio in percent, as the print is read (conformance/checks/statute_forms.py ratios_in).
_PERCENT = {kokuho.TWO_TENTHS: 20, kokuho.THREE_TENTHS: 30}
_DAY = timedelta(days=1)


# -- scenarios ------------------------------------------------------------------------------------


def _last_august_first(day: date) -> date:
    """The latest 8月1日 on or before ``day`` (the yearly 判定 of the ratio: see oracles.kakuninsho)."""
    return date(day.year if day >= date(day.year, 8, 1) else day.year - 1, 8, 1)


def _firsts(first: date, last: date) -> list[date]:
    """The first days of the months from ``first`` (a first day) to ``last``."""
    days, day = [], first
    while day <= last:
        days.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return days


@st.composite
def _past_seventy(draw: st.DrawFn, issued: date) -> tuple[date, date]:
    """(birth, move-in) of a 世帯主 past the month of seventy on ``issued`` whose ratio took effect since the last
    8月1日: often born on the 1st (seventy reached on the last day of the month before) or on the 2nd."""
    effective = draw(st.sampled_from(_firsts(_last_august_first(issued), issued)))
    month_before = date(effective.year - (effective.month == 1), (effective.month - 2) % 12 + 1, 2)
    birthday = draw(st.one_of(st.sampled_from((effective, month_before)), st.dates(month_before, effective)))
    birth = date(birthday.year - SEVENTY, birthday.month, min(birthday.day, 28 if birthday.month == 2 else 31))
    later = draw(st.dates(effective, issued))
    moved_in = draw(st.sampled_from((date(birth.year + 40, 4, 1), later)))
    return birth, moved_in


@st.composite
def _younger(draw: st.DrawFn, issued: date) -> tuple[date, date]:
    """(birth, move-in) of a 世帯主 under seventy: resident for years, or moving in within the year before."""
    birth = draw(_birth(1960, 1995))
    recent = draw(_near(issued - timedelta(days=180), 180))
    moved_in = draw(st.sampled_from((date(birth.year + 25, 4, 1), min(issued, recent))))
    return birth, moved_in


@st.composite
def households(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 世帯主 and a 世帯員 (a 子 born before the move) who came to live here together, from another prefecture,
    the same one or abroad, the 届出 maybe days later; their cards asked for on a day both are 被保険者."""
    issued = draw(st.one_of(st.just(FIRST_ISSUE), st.dates(FIRST_ISSUE, date(2026, 11, 30))))
    birth, moved_in = draw(st.one_of(_past_seventy(issued), _younger(issued)))
    late = draw(st.one_of(st.just(0), st.integers(1, 20)))
    notified = min(issued, moved_in + timedelta(days=late))
    child = draw(st.dates(anniversary(birth, 20), min(moved_in - _DAY, anniversary(birth, 45))))
    return Scenario(fiscal_year_of(issued), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=issued, children=(child,), notified=notified if notified > moved_in else None)


# -- reading the cards ----------------------------------------------------------------------------


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The 世帯主's and the 世帯員's 資格確認書 issued on the day asked about, as printed."""
    assert scenario.as_of is not None
    issued = scenario.as_of.isoformat()
    cards = {whom: issue_printed(client, FORM_ID, {"宛名番号": atena, "交付年月日": issued})
             for whom, atena in ((HEAD, loaded.atena), (MEMBER, loaded.children[0]))}
    return {"資格確認書": cards, "場面": scenario}


def _births(s: Scenario) -> dict[str, str]:
    return {HEAD: s.birth.isoformat(), MEMBER: s.children[0].isoformat()}


def _cards(document: Mapping[str, Any], read: Callable[[str, str, Scenario], Projection],
           whom: tuple[str, ...] = (HEAD, MEMBER)) -> Projection:
    """``read(whom, the card's text, the scenario)`` of each card (its problem when it was not issued or read)."""
    s: Scenario = document["場面"]
    shown: Projection = {}
    for one in whom:
        card = document["資格確認書"].get(one, {})
        shown[one] = {"問題": card["問題"]} if "問題" in card else read(one, " ".join(card.get("行") or []), s)
    return shown


def _found(value: str, dates: list[str]) -> str | list[str]:
    """``value`` when the card prints that date, else every date it prints."""
    return value if value in dates else dates


# -- rules ----------------------------------------------------------------------------------------


def _started(s: Scenario, town: str) -> str:
    """The 適用開始の年月日: the 取得日 of the 資格 through this town (the day the person came to live here)."""
    stays = history(s, town)
    return kokuho.kokuho_qualifications(stays)[len(stays) - 1].acquired.isoformat()


def _insured(s: Scenario, town: str) -> Projection:
    births = _births(s)
    return {whom: {"氏名": NAMES[whom], "性別": SEXES[whom], "生年月日": births[whom]} for whom in (HEAD, MEMBER)}


def _shown_insured(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        birth = _births(s)[whom]
        return {"氏名": NAMES[whom] if normal(NAMES[whom]) in normal(text) else None, "性別": sex_in(text),
                "生年月日": _found(birth, dates_in(text))}

    return _cards(document, read)


def _householder(s: Scenario, town: str) -> Projection:
    return {MEMBER: {"世帯主の氏名": NAMES[HEAD]}}


def _shown_householder(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        return {"世帯主の氏名": NAMES[HEAD] if normal(NAMES[HEAD]) in normal(text) else None}

    return _cards(document, read, (MEMBER,))


def _per_insured(s: Scenario, town: str) -> Projection:
    return {HEAD: {"他の被保険者の氏名": None}}


def _shown_per_insured(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        return {"他の被保険者の氏名": NAMES[MEMBER] if normal(NAMES[MEMBER]) in normal(text) else None}

    return _cards(document, read, (HEAD,))


def _dates(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    started = _started(s, town)
    return {whom: {"適用開始の年月日": started, "交付年月日": s.as_of.isoformat()} for whom in (HEAD, MEMBER)}


def _shown_dates(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        assert s.as_of is not None
        dates = dates_in(text)
        # The day of the move: the oracle's 取得日 through this town (:func:`_started`) for the households drawn
        # (the reading cannot ask the oracle: it does not know the vendor's town).
        return {"適用開始の年月日": _found(s.moved_in.isoformat(), dates),
                "交付年月日": _found(s.as_of.isoformat(), dates)}

    return _cards(document, read)


def _past_month_of_seventy(s: Scenario) -> bool:
    """第5号: the 世帯主 is past the month in which seventy is reached on the day asked about."""
    assert s.as_of is not None
    return month_of(s.as_of) > month_of(age_reached_on(s.birth, SEVENTY))


def _copay(s: Scenario, town: str) -> Projection:
    if not _past_month_of_seventy(s):
        return {}
    assert s.as_of is not None
    effective = seventy_ratio_effective(s.birth, s.moved_in).isoformat()
    return {HEAD: {"一部負担金の割合": kokuho.copay_ratio(s.birth, s.as_of), "発効期日": effective}}


def _shown_copay(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        ratios = ratios_in(text)
        words = [word for word, percent in _PERCENT.items() if [percent] == ratios]
        effective = seventy_ratio_effective(s.birth, s.moved_in).isoformat()
        return {"一部負担金の割合": words[0] if words else ratios, "発効期日": _found(effective, dates_in(text))}

    return _cards(document, read, (HEAD,)) if _past_month_of_seventy(document["場面"]) else {}


def _expiry(s: Scenario, town: str) -> Projection:
    return {whom: {"有効期限": True} for whom in (HEAD, MEMBER)}


def _shown_expiry(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        assert s.as_of is not None
        issued = s.as_of.isoformat()
        return {"有効期限": any(day > issued for day in dates_in(text))}

    return _cards(document, read)


def _five_years(s: Scenario, town: str) -> Projection:
    return {whom: {"五年を超える日付": []} for whom in (HEAD, MEMBER)}


def _shown_five_years(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def read(whom: str, text: str, s: Scenario) -> Projection:
        assert s.as_of is not None
        latest = latest_expiry(s.as_of).isoformat()
        return {"五年を超える日付": [day for day in dates_in(text) if day > latest]}

    return _cards(document, read)


#: Worked examples. Born 1955-07-10, here since 1995: seventy reached on 2025-07-09, so 2割 from 2025-08-01; the
#: card of 2025-09-16 prints 2割 and 2025-08-01 (not the birthday). Moved in on 2025-04-01 from another prefecture,
#: the 届出 on 4月10日: the card of 2025-06-02 prints 2025-04-01 as the 適用開始の年月日.
_SAME, _OTHER = other_codes(TOWN_CODE)
SEVENTY_CARD = Scenario(2025, date(1955, 7, 10), date(1995, 4, 1), previous=_SAME, as_of=date(2025, 9, 16),
                        children=(date(1985, 5, 5),))
LATE_NOTICE_CARD = Scenario(2025, date(1980, 5, 5), date(2025, 4, 1), previous=_OTHER, as_of=date(2025, 6, 2),
                            children=(date(2010, 6, 6),), notified=date(2025, 4, 10))
EXAMPLES = (SEVENTY_CARD, LATE_NOTICE_CARD)


def _rule(name: str, title: str, expected: Callable[[Scenario, str], Projection],
          actual: Callable[[Mapping[str, Any], Loaded], Projection]) -> Rule:
    return Rule(name, title, households, expected, actual, EXAMPLES, ask=_ask, asked=f"POST {FORM_PATH}",
                form=FORM_ID)


FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _rule("kokuho_form.insured", "国保 資格確認書: each 被保険者's 氏名, 性別 and 生年月日 printed "
          "(規則 第6条第4項第1号)", _insured, _shown_insured),
    _rule("kokuho_form.householder", "国保 資格確認書: the 世帯主's 氏名 printed on a 世帯員's card "
          "(規則 第6条第4項第2号)", _householder, _shown_householder),
    _rule("kokuho_form.per_insured", "国保 資格確認書: one per 被保険者, the 世帯主's card naming no other 被保険者 "
          "(規則 第6条第2項後段)", _per_insured, _shown_per_insured),
    _rule("kokuho_form.dates", "国保 資格確認書: the 適用開始の年月日 (the day of the move, not of the 届出) and the "
          "交付年月日 printed (規則 第6条第4項第4号)", _dates, _shown_dates),
    _rule("kokuho_form.copay", "国保 資格確認書: past the month of seventy, the 一部負担金 of 十分の二 and its "
          "発効期日 printed (規則 第6条第4項第5号)", _copay, _shown_copay),
    _rule("kokuho_form.expiry", "国保 資格確認書: an 有効期限 printed (規則 第6条第4項第6号)", _expiry, _shown_expiry),
    _rule("kokuho_form.five_years", "国保 資格確認書: no 有効期限 beyond five years counted from the 交付年月日 "
          "(規則 第6条第3項)", _five_years, _shown_five_years),
)}


RULE_CHECKS = rule_checks(FORM_RULES.values())
