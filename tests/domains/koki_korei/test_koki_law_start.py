"""後期高齢者医療 began on 2008-04-01 (issue 66, the outsider's 後期高齢者医療 run, finding F-A): a system that holds no
資格 before that day, and gives a person of 75 or more on it the 資格 from it, passes beside one that applies 第50条 to
第53条 to any day (provisions.yaml, 第50条第1項: the edition quotes no 施行日), and a wrong day still fails.

The outsider's product answered 2008-04-01 where the oracle said 2005-01-01 (a 資格確認書 issued in 2024 to a person
born 1930-01-01) and where it said 2007-03-02 (a 生活保護 ended in 2007): 7 FAIL of its first run were these."""

from __future__ import annotations

from datetime import date

from conformance.checks.scenarios import Loaded, Scenario, history
from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei import forms as lf
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.world_compare import judge_answer
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import Seen
from conformance.testdata.town import TOWN_CODE

#: Born 1930-01-01, resident since 1960 (75 on 2005-01-01), asked on 2024-12-02: the outsider's card.
ELDER = Scenario(2024, date(1930, 1, 1), date(1960, 4, 1), as_of=date(2024, 12, 2))
#: Born 1932-02-29 (75 on 2007-03-01), 生活保護 from 2006-01-25 to its 廃止 on 2007-03-02, asked that day: the
#: fixed example of koki_korei.acquired_after_welfare the outsider's product failed at every seed.
WELFARE_ENDED_2007 = Scenario(2006, date(1932, 2, 29), date(1962, 4, 1), previous="221007", as_of=date(2007, 3, 2),
                              records=(("後期高齢者医療", "生活保護_開始年月日", "2006-01-25"),
                                       ("後期高齢者医療", "生活保護_廃止年月日", "2007-03-02")))
KOKI = next(part for part in PARTS if part.name == "後期高齢者医療")


def test_each_reading_of_the_first_day_runs_through_the_oracle() -> None:
    stays = history(ELDER, TOWN_CODE)
    assert [koki.koki_qualification(ELDER.birth, stays, TOWN_CODE[:2], date(2024, 12, 2), since_law=since)[0]
            for since in koki.LAW_START_READINGS] == [date(2005, 1, 1), koki.LAW_START]
    assert [koki.koki_insured_on(ELDER.birth, stays, TOWN_CODE[:2], date(2008, 3, 31), since_law=since)
            for since in koki.LAW_START_READINGS] == [True, False]
    assert koki.koki_insured_on(ELDER.birth, stays, TOWN_CODE[:2], koki.LAW_START, since_law=True)
    assert set(koki.READINGS) == {(False, False), (False, True), (True, False), (True, True)}


def test_the_query_s_checks_accept_the_first_day_and_no_other() -> None:
    acquired = ks._acquired(ELDER, TOWN_CODE)
    for day in ("2005-01-01", "2004-12-31", "2008-04-01"):
        assert acquired == {"資格取得日": day}
    for wrong in ("2008-04-02", "2008-03-31", None):
        assert acquired != {"資格取得日": wrong}
    # Asked before 2008-04-01: a 被保険者 by the rules alone, not yet by the system's first day.
    before = Scenario(2007, ELDER.birth, ELDER.moved_in, as_of=date(2007, 6, 1))
    assert ks._insured_on(before, TOWN_CODE) == {"被保険者": True} and ks._insured_on(before, TOWN_CODE) == {
        "被保険者": False}


def test_the_outsider_s_welfare_example_passes_and_a_wrong_day_still_fails() -> None:
    acquired = ks._acquired(WELFARE_ENDED_2007, TOWN_CODE)
    # The 廃止's day by the rules alone; the first day (after as_of: not yet, so null too) by the other reading.
    for day in ("2007-03-02", "2008-04-01", None):
        assert acquired == {"資格取得日": day}
    assert acquired != {"資格取得日": "2007-03-01"} and acquired != {"資格取得日": "2008-04-02"}
    # The 保護 begun in 2007 and never ended: no 資格 at all by the system's first day, so no 喪失 either.
    started = Scenario(2006, date(1932, 2, 29), date(1962, 4, 1), as_of=date(2007, 3, 2),
                       records=(("後期高齢者医療", "生活保護_開始年月日", "2007-03-02"),))
    lost = ks._lost(started, TOWN_CODE)
    assert lost == {"資格喪失日": "2007-03-02"} and lost == {"資格喪失日": None}
    assert lost != {"資格喪失日": "2007-03-03"}


def test_the_card_may_print_the_first_day_and_must_agree_with_the_query() -> None:
    rule = lf.FORM_RULES["koki_form.dates"]
    card = ["後期高齢者医療被保険者資格確認書", "資格取得年月日 平成20年4月1日", "交付年月日 令和6年12月2日"]
    expected = rule.expected(ELDER, TOWN_CODE)
    assert rule.actual({"行": card, "場面": ELDER, "照会の資格取得日": "2008-04-01"}, Loaded("1", ())) == expected
    assert "2008-04-01" in lf.acquired_days(ELDER)
    # The card's day against a query that answered the rules' day: one reading per answer, the pair is shown.
    mixed = rule.actual({"行": card, "場面": ELDER, "照会の資格取得日": "2005-01-01"}, Loaded("1", ()))
    assert mixed != expected and mixed["資格取得年月日"] == {"印字": "2008-04-01", "照会の資格取得日": "2005-01-01"}
    wrong = ["資格取得年月日 平成20年4月2日", "交付年月日 令和6年12月2日"]
    assert rule.actual({"行": wrong, "場面": ELDER}, Loaded("1", ())) != expected


def test_the_world_accepts_the_first_day_and_names_a_wrong_one() -> None:
    def breaches(acquired: str) -> list[tuple[str, str, str | None, str | None]]:
        answer = {"後期高齢者医療": {"被保険者": True, "資格取得日": acquired, "資格喪失日": None}}
        return [(b.requirement, b.item, b.expected, b.actual)
                for b in judge_answer(KOKI, Seen(ELDER, TOWN_CODE), answer, date(2024, 12, 2), "p")]

    assert breaches("2008-04-01") == [] and breaches("2005-01-01") == []
    # 第52条第1号 (reaching 75 while resident) is the rule the wrong day breaks.
    assert breaches("2008-04-02") == [("koki_korei-2025.12-1.52.0.1.1-R001",
                                       "/residents/{atena}/qualifications#/後期高齢者医療/資格取得日@2024-12-02",
                                       "2005-01-01 | 2008-04-01 | 2004-12-31", "2008-04-02")]
