"""The 後期高齢者医療 資格確認書 as printed (高齢者の医療の確保に関する法律 第54条第3項, 同施行規則 第16条; the
statute edition ``koki_korei 2025.12``).

A 被保険者 of 75 or more on the day asked about (one who reached 75 here, often days before or on that day, or one
who moved in after 75 from another prefecture or from abroad, the 届出 maybe days later) is appended to the 住民記録;
then the 資格確認書 issued on that day is asked for through the form interface, ``POST /forms/koki_shikaku_kakuninsho``
with ``{"宛名番号", "交付年月日"}``, and read as printed (:mod:`conformance.checks.statute_forms`). Each check judges
one item of 施行規則 第16条第4項 on the paper, against :mod:`conformance.domains.koki_korei.oracle` and
:mod:`conformance.oracles.kakuninsho`:

- 第1号: the 被保険者's 氏名, 性別 and 生年月日;
- 第3号: the 資格取得年月日 (法 第52条: the 75th birthday itself, or the day of the move; not the day of the 届出) and
  the 交付年月日;
- 第4号: the ratio of the 一部負担金, 法 第67条第1項第1号's 百分の十 (the 住民記録 records no income; in any wording:
  1割, 10%);
- 第5号: an 有効期限 (a date after the 交付年月日); 第3項: none later than five years counted from the 交付年月日.

A 被保険者 of 65 to 74 by the 広域連合's 障害認定 (法 第50条第2号: the 認定 sent as the 後期高齢者医療 record) is
asked for the card the same way, on the day of the 認定 or after it: it must be issued, with the person's 氏名, 性別
and 生年月日 (``koki_form.certified_issued``; issue 66: the statute mutation run found no card asked for a person
whose 資格 turns on the record).

第2号 (被保険者番号, 保険者番号, the 広域連合's 名称) is not judged: the numbers are the 広域連合's own. The 発効期日 of
第4号 is the 資格取得年月日 for the persons generated (no income, so no change of the ratio): the print cannot tell
the two apart, and it is not judged. Only the content is the law's, not the layout (the 様式 is not quoted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import (
    Loaded,
    Projection,
    Rule,
    Scenario,
    _birth,
    history,
    iso_or_none,
    query,
)
from conformance.checks.statute_forms import dates_in, issue_printed, normal, ratios_in, sex_in
from conformance.checks.statute_rules import rule_checks
from conformance.domains.koki_korei import oracle as koki_korei
from conformance.oracles.dates import fiscal_year_of
from conformance.oracles.kakuninsho import latest_expiry
from conformance.oracles.readings import either
from conformance.targets.base import HttpClient

FORM_ID = "koki_shikaku_kakuninsho"
FORM_PATH = f"/forms/{FORM_ID}"
#: The answer's part the card must agree with, and the key under which :func:`_ask` keeps its 資格取得日.
PART, QUERIED = "後期高齢者医療", "照会の資格取得日"
#: The generated row's 氏名 and 性別 (conformance/checks/scenarios.py _base_row: the 世帯主).
NAME, SEX = "見本\u3000花子", "女"
#: The record's item of the 広域連合's 障害認定 (the contract's records of 後期高齢者医療: 法 第50条第2号).
CERTIFIED_ITEM = "障害認定年月日"
#: The 資格確認書 exists from 令和6年12月2日 (the day the 被保険者証 stopped being issued).
FIRST_ISSUE = date(2024, 12, 2)
#: 法 第67条第1項's ratios in percent, as the print is read (conformance/checks/statute_forms.py ratios_in).
_PERCENT = {koki_korei.ONE_TENTH: 10, koki_korei.TWO_TENTHS: 20, koki_korei.THREE_TENTHS: 30}


# -- scenarios ------------------------------------------------------------------------------------


def _born(birthday: date, years: int) -> date:
    """The birth whose ``years``-th birthday is ``birthday`` (a 2月29日 never: the 28th of that February)."""
    return date(birthday.year - years, birthday.month, min(birthday.day, 28 if birthday.month == 2 else 31))


@st.composite
def insured(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A 被保険者 of 75 or more on the day asked about: one who reached 75 here (the birthday on that day, days or a
    year before), one resident for years, or one who moved in after 75 from another prefecture or from abroad
    (maybe notifying days later)."""
    issued = draw(st.one_of(st.just(FIRST_ISSUE), st.dates(FIRST_ISSUE, date(2026, 11, 30))))
    kind = draw(st.sampled_from(("reaching", "resident", "moving")))
    if kind == "reaching":
        birth = _born(issued - timedelta(days=draw(st.one_of(st.sampled_from((0, 1, 2)), st.integers(0, 400)))), 75)
        return Scenario(fiscal_year_of(issued), birth, date(birth.year + 30, 4, 1),
                        previous=draw(st.sampled_from((None, *codes))), as_of=issued)
    birth = draw(_birth(1930, 1948))
    if kind == "resident":
        return Scenario(fiscal_year_of(issued), birth, date(birth.year + 30, 4, 1),
                        previous=draw(st.sampled_from((None, *codes))), as_of=issued)
    start = koki_korei.koki_korei_start(birth)
    moved_in = draw(st.dates(max(start, issued - timedelta(days=400)), issued))
    late = draw(st.one_of(st.just(0), st.integers(1, 20)))
    notified = min(issued, moved_in + timedelta(days=late))
    return Scenario(fiscal_year_of(issued), birth, moved_in, previous=draw(st.sampled_from((None, codes[1]))),
                    as_of=issued, notified=notified if notified > moved_in else None)


@st.composite
def certified(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident of 66 to 73, born 67 to 73 years before the year asked about (so 65 was reached more than sixty days
    before), certified by the 広域連合 (法 第50条第2号: a 被保険者 from the day of the 認定), asked for the card on the
    day of the 認定 or up to sixty days after it."""
    issued = draw(st.dates(FIRST_ISSUE + timedelta(days=60), date(2026, 11, 30)))
    birth = date(issued.year - draw(st.integers(67, 73)), draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    certified_on = issued - timedelta(days=draw(st.one_of(st.just(0), st.integers(0, 60))))
    return Scenario(fiscal_year_of(issued), birth, date(birth.year + 30, 4, 1),
                    previous=draw(st.sampled_from((None, *codes))), as_of=issued,
                    records=((PART, CERTIFIED_ITEM, certified_on.isoformat()),))


# -- reading the card -----------------------------------------------------------------------------


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The 被保険者's 資格確認書 issued on the day asked about, as printed, with the per-person query's 資格取得日 of
    the same day (the card and the answer must name one day: :func:`_read_dates_agreeing`)."""
    assert scenario.as_of is not None
    answer = query(client, loaded, scenario).get(PART)
    queried = answer.get("資格取得日") if isinstance(answer, Mapping) else None
    return {**issue_printed(client, FORM_ID, {"宛名番号": loaded.atena, "交付年月日": scenario.as_of.isoformat()}),
            "場面": scenario, QUERIED: queried}


def _card(read: Callable[[str, Scenario], Projection]) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """What a rule reads of the card: ``read(the card's text, the scenario)``, or its problem."""
    return _card_lines(lambda lines, s: read(" ".join(lines), s))


def _card_lines(read: Callable[[list[str], Scenario], Projection]) -> Callable[[Mapping[str, Any], Loaded],
                                                                              Projection]:
    """What a rule reads of the card: ``read(the card's printed lines, the scenario)``, or its problem."""
    def shown(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        if "問題" in document:
            return {"問題": document["問題"]}
        return read(list(document.get("行") or []), document["場面"])

    return shown


def _found(value: str | None, dates: list[str]) -> str | list[str] | None:
    """``value`` when the card prints that date, else every date it prints."""
    return value if value in dates else dates


def _acquired(s: Scenario, town: str) -> Any:
    """The 資格取得年月日 of the 資格 in effect on the day asked about (法 第52条), by either reading of
    七十五歳に達したとき and of the system's first day (:data:`conformance.domains.koki_korei.oracle.READINGS`)."""
    assert s.as_of is not None
    return either(*(iso_or_none(koki_korei.koki_qualification(s.birth, history(s, town), town[:2], s.as_of,
                                                              eve=eve, since_law=since_law)[0])
                    for eve, since_law in koki_korei.READINGS))


# -- rules ----------------------------------------------------------------------------------------


def _insured(s: Scenario, town: str) -> Projection:
    return {"氏名": NAME, "性別": SEX, "生年月日": s.birth.isoformat()}


def _read_insured(text: str, s: Scenario) -> Projection:
    return {"氏名": NAME if normal(NAME) in normal(text) else None, "性別": sex_in(text),
            "生年月日": _found(s.birth.isoformat(), dates_in(text))}


def _dates(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"資格取得年月日": _acquired(s, town), "交付年月日": s.as_of.isoformat()}


def acquired_day(s: Scenario) -> str:
    """The day the oracle's 資格取得年月日 is for the persons :func:`insured` draws (no 生活保護, no 障害認定, a move
    after 75 only from another prefecture or from abroad): the 75th birthday, or the move-in when later. The print
    is searched for it (the reading cannot ask the oracle: it does not know the vendor's town)."""
    return max(koki_korei.koki_korei_start(s.birth), s.moved_in).isoformat()


def acquired_days(s: Scenario) -> tuple[str, ...]:
    """:func:`acquired_day` by each reading of 七十五歳に達したとき (the birthday's first, then the day before it), then
    by each with no 資格 before the system's first day (:data:`conformance.domains.koki_korei.oracle.LAW_START`:
    born 1930-01-01, 2005-01-01 and 2004-12-31, then 2008-04-01)."""
    days = [max(start, s.moved_in, *floor) for floor in ((), (koki_korei.LAW_START,))
            for start in koki_korei.koki_korei_starts(s.birth)]
    return tuple(dict.fromkeys(day.isoformat() for day in days))


#: The labels a printed date is read by (施行規則 第16条第4項第3号's words, and their short forms): the date printed
#: after the label on its line is that item's.
ACQUIRED_LABELS, ISSUED_LABELS = ("資格取得", "取得年月日"), ("交付",)


def labelled_date(lines: list[str], labels: tuple[str, ...]) -> str | None:
    """The first date printed after one of ``labels`` on the first line showing it (spaces and full-width forms
    ignored); None where no line shows a label with a date after it.

    Why: two items may print the same day or either of two days (the 75th birthday and the day before it are both
    allowed 資格取得年月日, and a card issued on the birthday prints it as the 交付年月日 too), so a value alone cannot
    say which item it is (issue 65: a card of the day-before reading issued on the 75th birthday prints
    資格取得年月日 2024-12-01 beside 交付年月日 2024-12-02, and 2024-12-02 is the other reading's 資格取得年月日)."""
    for line in lines:
        flat = normal(line)
        at = min((flat.find(label) + len(label) for label in labels if label in flat), default=-1)
        found = dates_in(flat[at:]) if at >= 0 else []
        if found:
            return found[0]
    return None


def _read_dates(lines: list[str], s: Scenario) -> Projection:
    """The 資格取得年月日 and the 交付年月日: each the date printed after its label (:func:`labelled_date`); where the
    card prints no label with a date beside it (a table, a label above its value), the value searched anywhere, as
    the other items are (the 様式 is not quoted: any layout)."""
    assert s.as_of is not None
    dates = dates_in(" ".join(lines))
    acquired, issued = labelled_date(lines, ACQUIRED_LABELS), labelled_date(lines, ISSUED_LABELS)
    by_value = next((day for day in acquired_days(s) if day in dates), acquired_day(s))
    return {"資格取得年月日": acquired or _found(by_value, dates),
            "交付年月日": issued or _found(s.as_of.isoformat(), dates)}


def _read_dates_agreeing(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """:func:`_read_dates`, and the card's 資格取得年月日 the day the per-person query answers, where that answer is
    one of the allowed readings of 七十五歳に達したとき (:func:`acquired_days`): a system may read 75 either way, not
    both at once (the 2025-06-14 of one and the 2025-06-15 of the other for one person). A wrong answer of the query
    is the query's rules' to judge, not the card's."""
    shown = _card_lines(_read_dates)(document, loaded)
    printed, queried = shown.get("資格取得年月日"), document.get(QUERIED)
    scenario = document.get("場面")
    if isinstance(scenario, Scenario) and isinstance(printed, str) and queried in acquired_days(scenario) and \
            printed != queried:
        shown["資格取得年月日"] = {"印字": printed, "照会の資格取得日": queried}
    return shown


def _copay(s: Scenario, town: str) -> Projection:
    return {"一部負担金の割合": koki_korei.koki_copay_ratio()}


def _read_copay(text: str, s: Scenario) -> Projection:
    ratios = ratios_in(text)
    words = [word for word, percent in _PERCENT.items() if [percent] == ratios]
    return {"一部負担金の割合": words[0] if words else ratios}


def _expiry(s: Scenario, town: str) -> Projection:
    return {"有効期限": True}


def _read_expiry(text: str, s: Scenario) -> Projection:
    assert s.as_of is not None
    issued = s.as_of.isoformat()
    return {"有効期限": any(day > issued for day in dates_in(text))}


def _five_years(s: Scenario, town: str) -> Projection:
    return {"五年を超える日付": []}


def _read_five_years(text: str, s: Scenario) -> Projection:
    assert s.as_of is not None
    latest = latest_expiry(s.as_of).isoformat()
    return {"五年を超える日付": [day for day in dates_in(text) if day > latest]}


#: Worked examples. Born 1950-06-06, here since 1980: a 被保険者 from the 75th birthday itself, 2025-06-06; the
#: card issued on 6月20日 prints 2025-06-06 as the 資格取得年月日 (not 6月5日). Moved in at 80 from abroad on
#: 2025-05-10, the 届出 on 5月20日: the card of 2025-06-02 prints 2025-05-10.
BIRTHDAY_CARD = Scenario(2025, date(1950, 6, 6), date(1980, 4, 1), as_of=date(2025, 6, 20))
FROM_ABROAD_CARD = Scenario(2025, date(1945, 5, 5), date(2025, 5, 10), notified=date(2025, 5, 20),
                            as_of=date(2025, 6, 2))
EXAMPLES = (BIRTHDAY_CARD, FROM_ABROAD_CARD)
#: Born 1955-04-10, here since 1985, certified by the 広域連合 on 2025-06-10 at 70 (法 第50条第2号): a 被保険者 from
#: that day, so the card of 2025-06-20 is issued with the 氏名, 性別 and 生年月日 (issue 66: a card read without the
#: person's record is refused).
CERTIFIED_CARD = Scenario(2025, date(1955, 4, 10), date(1985, 4, 1), as_of=date(2025, 6, 20),
                          records=((PART, CERTIFIED_ITEM, "2025-06-10"),))


def _rule(name: str, title: str, expected: Callable[[Scenario, str], Projection],
          read: Callable[[str, Scenario], Projection]) -> Rule:
    return Rule(name, title, insured, expected, _card(read), EXAMPLES, ask=_ask, asked=f"POST {FORM_PATH}",
                form=FORM_ID)


FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _rule("koki_form.insured", "後期高齢者医療 資格確認書: the 被保険者's 氏名, 性別 and 生年月日 printed "
          "(規則 第16条第4項第1号)", _insured, _read_insured),
    Rule("koki_form.certified_issued", "後期高齢者医療 資格確認書: issued to a 被保険者 of 65 to 74 by the "
         "広域連合's 障害認定, with the 氏名, 性別 and 生年月日 printed (法 第50条第2号, 規則 第16条第4項第1号)",
         certified, _insured, _card(_read_insured), (CERTIFIED_CARD,), ask=_ask, asked=f"POST {FORM_PATH}",
         form=FORM_ID, needs_records=True),
    replace(_rule("koki_form.dates", "後期高齢者医療 資格確認書: the 資格取得年月日 (the 75th birthday or the day of "
                  "the move, not of the 届出) and the 交付年月日 printed (規則 第16条第4項第3号)", _dates,
                  lambda text, s: _read_dates([text], s)), actual=_read_dates_agreeing),
    _rule("koki_form.copay", "後期高齢者医療 資格確認書: the 一部負担金 of 百分の十 printed for a 被保険者 with no "
          "income recorded (規則 第16条第4項第4号, 法 第67条第1項第1号)", _copay, _read_copay),
    _rule("koki_form.expiry", "後期高齢者医療 資格確認書: an 有効期限 printed (規則 第16条第4項第5号)", _expiry,
          _read_expiry),
    _rule("koki_form.five_years", "後期高齢者医療 資格確認書: no 有効期限 beyond five years counted from the "
          "交付年月日 (規則 第16条第3項)", _five_years, _read_five_years),
)}


RULE_CHECKS = rule_checks(FORM_RULES.values())
