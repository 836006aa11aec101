"""Scenario checks of 児童扶養手当 (児童扶養手当法 and its 施行令; the statute edition ``jido_fuyo_teate 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.jido_fuyo_teate.oracle`). The claimant is a mother (世帯主)
with her children in the household; what 住民記録 does not hold is sent as her ``児童扶養手当`` record
(受給者区分 母, 認定請求年月日, 監護 "1", 前年所得, 加算対象扶養親族等の数, 養育費: ``targets.load.records_path``;
without it every check here is NOT_AUTOMATED). Each check judges one field of the answer's
``児童扶養手当`` part, on the claimants its provision is about:

- each child's ``児童該当終了日`` (第3条第1項): children reaching 18 around the 年度;
- ``支給開始月`` (第7条第1項: the month after the 認定の請求);
- the ``支払月`` of the month asked about (第7条第3項: the odd months, each for the months before);
- the amount of the last month paid when the claimant dies or leaves Japan, one child (第5条第1項: a
  whole month), and of the month asked about with two to four children (第5条第2項), in units of
  基本額 and 加算額 (the figures are revised every year by 第5条の2, which the edition does not quote);
- ``支給区分`` around the 全部支給 limit (法第9条第1項; 施行令 第2条の4第1項) and the 全部停止 limit
  (第2項第1号), each raised by the 加算対象扶養親族等 and the 生計維持児童; ``一部支給停止額`` between them (第2項第2号,
  第3項, 第4項); ``所得額`` with a 養育費, of a 母, a 父 or a 養育者 (法第9条第2項; 施行令 第2条の4第5項: a 養育者's
  counts none).

The children of the checks other than ``child_end`` and the three of 第4条第1項 (``mother``, ``father``, ``carer``:
from 2005, so some are no 児童 on as_of) are born from 2011-04-02 to 2019 (児童 until 2030 at least), so no age limit
changes their answers. On more items of the record (below ``RECORD_RULES``):
``公的年金給付`` (第3条第2項, each 号), ``支給要件該当`` (第4条第1項 each 号, 第3項), ``支給対象`` (第4条第2項 each 号
and its ただし書, 第3条第3項), ``支給開始月`` after a やむを得ない理由 (第7条第2項), ``養育者所得停止`` (法第9条の2;
施行令 第2条の4第6項) and ``扶養義務者所得停止`` (施行令 第2条の4第7項). Not judged (MANUAL in the catalog):
第7条第3項ただし書 (the last period paid outside the 支払期月: when is the municipality's choice), 第6条 (the
認定 itself).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _birth
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.jido_fuyo_teate import oracle as fuyo
from conformance.oracles.dates import Month, fiscal_year_months, fiscal_year_of, month_of

PART = "児童扶養手当"
#: What the rules share (conformance.checks.statute_rules): each person carries a 児童扶養手当 record.
STATUTE = Statute("jido_fuyo_teate", PART, needs_records=True)
_MOTHER = date(1985, 6, 6)
_SINCE = date(2005, 4, 1)


def _iso(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _record(s: Scenario) -> dict[str, str]:
    return s.record(PART)


def _claimed(s: Scenario) -> date:
    return date.fromisoformat(_record(s)["認定請求年月日"])


def _int(s: Scenario, item: str) -> int:
    return int(_record(s).get(item, "0"))


def claimant(claimed: date, income: int = 0, dependants: int = 0, support: int = 0,
             ) -> tuple[tuple[str, str, str], ...]:
    """A mother's 児童扶養手当 record: she 監護 her children ("1"), so she meets 第4条第1項第1号 and they are her
    監護等児童 (第5条第2項). Without the item she would not (the contract: a flag left out does not hold), and the
    amounts of the checks below would be 0 (issue 65: the outside 児童扶養手当 vendor, F1); the rules of 第4条第1項
    (``_claimants``) draw the item themselves."""
    items = {"受給者区分": "母", "認定請求年月日": claimed.isoformat(), "監護": "1", "前年所得": str(income),
             "加算対象扶養親族等の数": str(dependants), "養育費": str(support)}
    return tuple((PART, item, value) for item, value in items.items())


def _with_items(s: Scenario, items: Mapping[str, str | bool | None]) -> Scenario:
    """``s`` with its record's 受給者区分 and more items (True: "1"; False and None: left out)."""
    given = {item: ("1" if value is True else value) for item, value in items.items()
             if value is not None and value is not False}
    kept = tuple(entry for entry in s.records if entry[1] not in items)
    return replace(s, records=kept + tuple((PART, item, str(value)) for item, value in given.items()))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def _family(draw: st.DrawFn, count: tuple[int, int] = (1, 3), born: tuple[date, date] = (date(2011, 4, 2),
            date(2019, 12, 31)), income: int = 0, dependants: int = 0, support: int = 0) -> Scenario:
    """A mother (resident since 2005) claiming from 令和6年11月 on, with children born in ``born``
    (distinct days), asked about a month from the first paid to the end of that 年度."""
    claimed = draw(st.one_of(st.dates(date(2024, 10, 1), date(2026, 1, 31)),
                             st.sampled_from((date(2024, 10, 31), date(2025, 2, 28), date(2025, 3, 1),
                                              date(2025, 3, 31)))))
    children = draw(st.lists(st.dates(*born), min_size=count[0], max_size=count[1], unique=True))
    first = fuyo.start_month(month_of(claimed))
    year = fiscal_year_of(date(*first, 1))
    asked = draw(st.sampled_from([m for m in fiscal_year_months(year) if m >= first]))
    return Scenario(year, _MOTHER, _SINCE, as_of=date(*asked, 1), children=tuple(sorted(children)),
                    records=claimant(claimed, income, dependants, support))


def _teenagers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Children reaching 18 around the 年度 (born 2005-2008, 4月1日 and 4月2日 often)."""
    return _family(count=(1, 2), born=(date(2005, 1, 1), date(2008, 12, 31))).flatmap(
        lambda s: _birth(2005, 2008).map(lambda extra: replace(s, children=tuple(sorted({*s.children, extra})))))


def _families(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _family()


def _larger(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _family(count=(2, 4))


@st.composite
def _leaving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A mother of one child who dies or leaves Japan two months to a year after the first month paid."""
    family = draw(_family(count=(1, 1)))
    start = date(*fuyo.start_month(month_of(_claimed(family))), 1)
    day = start + timedelta(days=draw(st.integers(31, 365)))
    ended = replace(family, died=day) if draw(st.booleans()) else replace(family, planned_out=day)
    return replace(ended, fiscal_year=fiscal_year_of(day), as_of=day)


def _near_limit(limit: Callable[[int], int], dependants: tuple[int, int], spread: int,
                ) -> Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]:
    """Claimants whose 前年所得 is near ``limit`` (its own yen, one either side, or within ``spread``), with
    ``dependants`` in all: 加算対象扶養親族等 and 生計維持児童, split at random (both raise the limits alike:
    :data:`WITH_MAINTAINED_CHILD`)."""
    @st.composite
    def scenarios(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
        count = draw(st.integers(*dependants))
        children = draw(st.integers(0, count))
        offset = draw(st.one_of(st.sampled_from((0, -1, 1)), st.integers(-spread, spread)))
        family = draw(_family(income=max(0, limit(count) + offset), dependants=count - children))
        return _with_items(family, {"生計維持児童の数": str(children) if children else None})

    return scenarios


@st.composite
def _partial(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """一部支給 claimants (no 扶養親族等): 前年所得 above the 全部支給 limit, below 190万円, 1 to 4 children."""
    income = draw(st.integers(fuyo.full_limit(0) + 1, 1_899_999))  # the limit itself: full_limit's
    return draw(_family(count=(1, 4), income=income))


#: 法第9条第2項's claimants and the one it does not name, each qualifying under 第4条第1項 (a 父 shares the child's
#: 生計, a 養育者 lives with it and maintains it): the 母 and the 父 count 8割 of the 養育費, a 養育者 none of it
#: (:data:`CARER_WITH_SUPPORT`). The 父 and the 養育者 were not drawn before (the outsider of issue 66, session 36: a
#: system ignoring a 父's 養育費, or counting a 養育者's as the bundled reference did, passed).
SUPPORT_CLAIMANTS: dict[str, dict[str, str | bool | None]] = {
    "母": {}, "父": {"受給者区分": "父", "生計同一": True},
    "養育者": {"受給者区分": "養育者", "同居": True, "生計維持": True}}


@st.composite
def _with_support(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """Claimants (a 母, a 父 or a 養育者) whose children received a 養育費 (any yen: 8割 leaves fractions) in the
    year."""
    family = draw(_family(income=draw(st.integers(0, 3_000_000)), dependants=draw(st.integers(0, 2)),
                          support=draw(st.integers(1, 1_500_000))))
    return _with_items(family, SUPPORT_CLAIMANTS[draw(st.sampled_from(tuple(SUPPORT_CLAIMANTS)))])


# -- rules ----------------------------------------------------------------------------------------


def _units(s: Scenario, month: Month) -> str:
    counted = sum(1 for birth in s.children if month <= month_of(fuyo.child_end_date(birth)))
    base, additions = fuyo.monthly_units(counted)
    return f"基本額×{base}+加算額×{additions}"


def _child_end(s: Scenario, town: str) -> Projection:
    return {"児童該当終了日": {str(index): fuyo.child_end_date(birth).isoformat()
                               for index, birth in enumerate(s.children)}}


def _start(s: Scenario, town: str) -> Projection:
    return {"支給開始月": _iso(fuyo.start_month(month_of(_claimed(s))))}


def _asked_month(s: Scenario) -> Month:
    assert s.as_of is not None
    return month_of(s.as_of)


def _paid(s: Scenario, town: str) -> Projection:
    month = _asked_month(s)
    return {"支払月": {_iso(month): _iso(fuyo.payment_month(month))}}


def _last_amount(s: Scenario, town: str) -> Projection:
    assert s.moved_out is not None
    month = month_of(s.moved_out)
    return {"月額": {_iso(month): _units(s, month)}}


def _asked_amount(s: Scenario, town: str) -> Projection:
    month = _asked_month(s)
    return {"月額": {_iso(month): _units(s, month)}}


def _dependants(s: Scenario) -> int:
    """The 加算対象扶養親族等 and 生計維持児童 of the 第9条 limits (施行令 第2条の4第1項第2号イ, 第2項第1号ロ(1))."""
    return _int(s, "加算対象扶養親族等の数") + _int(s, "生計維持児童の数")


def _kind(s: Scenario, town: str) -> Projection:
    income = fuyo.counted_income(_int(s, "前年所得"), _int(s, "養育費"), _record(s)["受給者区分"])
    return {"支給区分": fuyo.kind(income, _dependants(s))}


def _stopped(s: Scenario, town: str) -> Projection:
    counted = sum(1 for birth in s.children if _asked_month(s) <= month_of(fuyo.child_end_date(birth)))
    return {"一部支給停止額": fuyo.partial_stop(_int(s, "前年所得"), _dependants(s), counted)}


def _income(s: Scenario, town: str) -> Projection:
    return {"所得額": fuyo.counted_income(_int(s, "前年所得"), _int(s, "養育費"), _record(s)["受給者区分"])}


def _entries(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    part = document.get(PART)
    listed = part.get("月額") if isinstance(part, Mapping) else None
    return [entry for entry in listed or [] if isinstance(entry, Mapping)]


def _in_units(document: Mapping[str, Any], amount: Any) -> Any:
    """The vendor's amount as 基本額×a+加算額×b with its own (revised) 基本額 and 加算額, else as it is."""
    part = document.get(PART)
    base = part.get("基本額") if isinstance(part, Mapping) else None
    addition = part.get("加算額") if isinstance(part, Mapping) else None
    if not (isinstance(amount, int) and isinstance(base, int) and isinstance(addition, int) and base > 0):
        return amount
    if amount == 0:
        return "基本額×0+加算額×0"
    if addition > 0 and amount >= base and (amount - base) % addition == 0:
        return f"基本額×1+加算額×{(amount - base) // addition}"
    return amount


def _children(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    part = document.get(PART)
    listed = part.get("児童") if isinstance(part, Mapping) else None
    ends = {str(loaded.children.index(child.get("宛名番号")) if child.get("宛名番号") in loaded.children else -1):
            child.get("児童該当終了日") for child in listed or [] if isinstance(child, Mapping)}
    return {"児童該当終了日": ends}


def _month_field(name: str, *, last: bool = False) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """``name`` of the ``月額`` entry of the month asked about (``as_of``'s), or with ``last`` of the latest month
    listed, whatever the list's order (the text orders none: issue 65). A month listed twice shows each value (a
    list), so a repeated month still differs from the oracle's one."""
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        entries = _entries(document)
        months = [str(entry.get("月")) for entry in entries]
        asked = loaded.as_of.isoformat()[:7] if loaded.as_of is not None else None
        chosen = max(months, default=None) if last else asked  # ISO months: the latest is the greatest text
        listed: dict[str, list[Any]] = {}
        for month, entry in zip(months, entries, strict=True):
            if month == chosen:
                value = entry.get(name)
                listed.setdefault(month, []).append(_in_units(document, value) if name == "金額" else value)
        values = {month: each[0] if len(each) == 1 else each for month, each in listed.items()}
        return {"月額": values} if name == "金額" else {name: values}

    return pick


#: Worked examples: a claim of 2025-01-09 pays from 2025-02 (第7条第1項), 2025-02 paid in 2025-03
#: (第7条第3項); a child born 2007-04-01 is a 児童 until 2025-03-31 and one born 2007-04-02 until
#: 2026-03-31 (第3条第1項); three children: 基本額 and two 加算額 (第5条第2項); a move abroad on
#: 2025-06-10 pays 2025-06 whole (第5条第1項); 前年所得 690,000円 with no 扶養親族等 is 一部支給 (以上),
#: 1,000,000円 with two 加算対象扶養親族等 is 全部支給 (limit 1,450,000円), 1,450,000円 一部支給;
#: 1,000,000円 stops 7,970円 of one child's amount (310,000 x 0.0256619 = 7,955.2 -> 7,960 + 10); 50,001円 of
#: 養育費 counts 40,001円 (四捨五入 of 40,000.8).
CLAIMED = Scenario(2024, _MOTHER, _SINCE, as_of=date(2025, 2, 1), children=(date(2015, 5, 5),),
                   records=claimant(date(2025, 1, 9)))
AGING_OUT = Scenario(2024, _MOTHER, _SINCE, as_of=date(2025, 2, 1),
                     children=(date(2007, 4, 1), date(2007, 4, 2)), records=claimant(date(2025, 1, 9)))
THREE_CHILDREN = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1),
                          children=(date(2012, 8, 8), date(2014, 3, 3), date(2016, 9, 9)),
                          records=claimant(date(2025, 4, 10)))
LEFT_JAPAN = Scenario(2025, _MOTHER, _SINCE, planned_out=date(2025, 6, 10), as_of=date(2025, 6, 10),
                      children=(date(2015, 5, 5),), records=claimant(date(2025, 1, 9)))
#: A move on the 1st of a month: 事由消滅 is the day she no longer has her address here (the 転出予定年月日), so July
#: is still paid in full (第7条第1項 「消滅した日の属する月で終わる」); a system taking the day before ends with June
#: (blind round 5, 29).
LEFT_ON_THE_FIRST = Scenario(2025, _MOTHER, _SINCE, planned_out=date(2025, 7, 1), as_of=date(2025, 7, 1),
                             children=(date(2015, 5, 5),), records=claimant(date(2025, 1, 9)))
AT_THE_LIMIT = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                        records=claimant(date(2025, 4, 10), income=690_000))
BELOW_WITH_DEPENDANTS = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                                 records=claimant(date(2025, 4, 10), income=1_000_000, dependants=2))
AT_THE_LIMIT_WITH_DEPENDANTS = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                                        records=claimant(date(2025, 4, 10), income=1_450_000, dependants=2))
#: 生計維持児童 (法第9条第1項's 児童 not the claimant's 扶養親族等 whose 生計 it maintained on 12月31日) count as
#: 加算対象扶養親族等 do (施行令 第2条の4第1項第2号イ, 第2項第1号ロ(1)): one of each, 1,449,999円 is 全部支給 (limit
#: 1,450,000円), 1,450,000円 一部支給; with two, 2,840,000円 (208万円 + 76万円) is 全部停止, 2,839,999円 not. A system
#: leaving them out of the limits, as the bundled reference did, passed before (the outsider of issue 66, session 36).
WITH_MAINTAINED_CHILD = _with_items(BELOW_WITH_DEPENDANTS, {"前年所得": "1449999", "加算対象扶養親族等の数": "1",
                                                            "生計維持児童の数": "1"})
AT_THE_LIMIT_WITH_MAINTAINED_CHILD = _with_items(AT_THE_LIMIT_WITH_DEPENDANTS, {"加算対象扶養親族等の数": "1",
                                                                               "生計維持児童の数": "1"})
STOPPED_WITH_MAINTAINED_CHILDREN = _with_items(BELOW_WITH_DEPENDANTS, {
    "前年所得": "2840000", "加算対象扶養親族等の数": "0", "生計維持児童の数": "2"})
BELOW_STOP_WITH_MAINTAINED_CHILDREN = _with_items(STOPPED_WITH_MAINTAINED_CHILDREN, {"前年所得": "2839999"})
PARTIAL = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                   records=claimant(date(2025, 4, 10), income=1_000_000))
WITH_SUPPORT = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                        records=claimant(date(2025, 4, 10), income=500_000, support=50_001))
#: 50,001円 of 養育費 counts 40,001円 for a 父 too (法第9条第2項: paid by the 母), none of it for a 養育者.
FATHER_WITH_SUPPORT = _with_items(WITH_SUPPORT, SUPPORT_CLAIMANTS["父"])
CARER_WITH_SUPPORT = _with_items(WITH_SUPPORT, SUPPORT_CLAIMANTS["養育者"])
#: 施行令 第2条の4第3項's 「五円以上十円未満の端数は十円に切り上げ」 on a 五円 whose fraction is tiny: 前年所得
#: 1,299,269円 (609,269円 over the limit) gives 609,269 x 0.0256619 = 15,635.0001511: 15,640, plus ten, 15,650 (a
#: system losing the fraction below the yen, or the last digits of the product, rounds it down to 15,640; issue 66's
#: mutant x__tens__mutmut_8, and the draws never gave such an income).
PARTIAL_AT_FIVE_YEN = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                               records=claimant(date(2025, 4, 10), income=1_299_269))
#: And a remainder just under 五円 (切り捨て): 1,113,000円 (423,000円 over) gives 10,854.9837: 10,850, plus ten, 10,860;
#: the coefficient written 0.025662 gives 10,855.026 and 10,870 (issue 66's mutant x__stopped__mutmut_24).
PARTIAL_BELOW_FIVE_YEN = _with_items(PARTIAL_AT_FIVE_YEN, {"前年所得": "1113000"})
#: The 加算額一部支給停止額 just under 五円 (施行令 第2条の4第4項), two children: 1,270,000円 (580,000円 over) gives
#: 14,880 + 10 for the 基本額 (14,883.902) and 580,000 x 0.0039568 = 2,294.944: 2,290, plus ten, 2,300; 17,190 in
#: all (the coefficient 0.003957, or 0.0039569, gives 2,310: issue 66's mutant x__stopped__mutmut_39).
PARTIAL_TWO_CHILDREN = replace(_with_items(PARTIAL_AT_FIVE_YEN, {"前年所得": "1270000"}),
                               children=(date(2015, 5, 5), date(2017, 7, 7)))
BELOW_THE_STOP_LIMIT = Scenario(2025, _MOTHER, _SINCE, as_of=date(2025, 7, 1), children=(date(2015, 5, 5),),
                             records=claimant(date(2025, 4, 10), income=2_000_000))

FUYO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("jido_fuyo_teate.child_end", _teenagers, _child_end, _children, (AGING_OUT,)),
    STATUTE.rule("jido_fuyo_teate.start_month", _families, _start, "支給開始月", (CLAIMED,)),
    STATUTE.rule("jido_fuyo_teate.payment_months", _families, _paid, _month_field("支払月"), (CLAIMED,)),
    STATUTE.rule("jido_fuyo_teate.whole_month", _leaving, _last_amount, _month_field("金額", last=True),
                 (LEFT_JAPAN, LEFT_ON_THE_FIRST)),
    STATUTE.rule("jido_fuyo_teate.additions", _larger, _asked_amount, _month_field("金額"), (THREE_CHILDREN,)),
    STATUTE.rule("jido_fuyo_teate.full_limit", _near_limit(fuyo.full_limit, (0, 0), 30_000), _kind, "支給区分",
                 (AT_THE_LIMIT,)),
    STATUTE.rule("jido_fuyo_teate.full_limit_dependants", _near_limit(fuyo.full_limit, (1, 3), 400_000), _kind,
                 "支給区分", (BELOW_WITH_DEPENDANTS, AT_THE_LIMIT_WITH_DEPENDANTS, WITH_MAINTAINED_CHILD,
                            AT_THE_LIMIT_WITH_MAINTAINED_CHILD)),
    STATUTE.rule("jido_fuyo_teate.stop_limit", _near_limit(fuyo.stop_limit, (0, 3), 200_000), _kind,
                 "支給区分", (BELOW_THE_STOP_LIMIT, STOPPED_WITH_MAINTAINED_CHILDREN,
                            BELOW_STOP_WITH_MAINTAINED_CHILDREN)),
    STATUTE.rule("jido_fuyo_teate.partial_stop", _partial, _stopped, "一部支給停止額", (PARTIAL, PARTIAL_AT_FIVE_YEN,
                                                                                    PARTIAL_BELOW_FIVE_YEN,
                                                                                    PARTIAL_TWO_CHILDREN)),
    STATUTE.rule("jido_fuyo_teate.support", _with_support, _income, "所得額",
                 (WITH_SUPPORT, FATHER_WITH_SUPPORT, CARER_WITH_SUPPORT)),
)}


# -- 第3条第2項, 第3項, 第4条第1項, 第2項 (more items of the claimant's record) -----------------------------
#: The claimant's record adds: a 給付 she receives (公的年金給付_種別, by its law), whether she 監護 the child,
#: shares its 生計, lives with it and maintains its 生計 (a 養育者), whether the 母 監護 it, and the facts of
#: 第4条第2項 about the child ("1" each): 児童_国外, 里親委託, 父と生計同一, 父_障害, 母の配偶者に養育,
#: 母と生計同一, 母_障害, 父の配偶者に養育, 配偶者_障害の父母 (the 配偶者 is the child's disabled 父 or 母),
#: 配偶者_事実婚 (the 配偶者 is one in a 事実婚). The answer's 公的年金給付, 支給要件該当 and 支給対象.

_PENSION = "公的年金給付_種別"
_FLAGS = ("監護", "生計同一", "同居", "生計維持", "母が監護", "児童_国外", "里親委託", "父と生計同一", "父_障害",
          "母の配偶者に養育", "母と生計同一", "母_障害", "父の配偶者に養育", "配偶者_障害の父母", "配偶者_事実婚")


def _flag(s: Scenario, item: str) -> bool:
    return _record(s).get(item) == "1"


@st.composite
def _pensioners(draw: st.DrawFn, codes: tuple[str, str], *, number: int) -> Scenario:
    """A mother (:func:`_family`, one child) receiving a 給付 of 第3条第2項第``number``号 or one that is none."""
    family = draw(_family(count=(1, 1)))
    named = [benefit for benefit, n in fuyo.PUBLIC_PENSIONS.items() if n == number]
    return _with_items(family, {_PENSION: draw(st.sampled_from((*named, *fuyo.NOT_PUBLIC)))})


@st.composite
def _claimants(draw: st.DrawFn, codes: tuple[str, str], *, kind: str) -> Scenario:
    """A 母, 父 or 養育者 (``kind``) of one child, who does or does not 監護 it, share or maintain its 生計 or
    live with it; for a 養育者, the 母 does or does not 監護 it. The child is born from 2005 on: some are no 児童 on
    as_of any more (第3条第1項), and then no claimant meets 第4条第1項 (:data:`MOTHER_AGED_OUT`)."""
    family = draw(_family(count=(1, 1), born=(date(2005, 1, 1), date(2019, 12, 31))))
    items: dict[str, str | bool | None] = {"受給者区分": kind}
    for item in ("監護", "生計同一", "同居", "生計維持", "母が監護"):
        items[item] = draw(st.booleans())
    return _with_items(family, items)


@st.composite
def _excluded(draw: st.DrawFn, codes: tuple[str, str], *, kinds: tuple[str, ...], fact: str,
              disabled: str | None = None, fixed: bool = False, de_facto: bool = False) -> Scenario:
    """A claimant of ``kinds`` (qualifying: 監護, 生計, 養育) whose child may be in the case ``fact`` of 第4条第2項
    (surely, with ``fixed``: then the ``disabled`` 父 or 母 surely is, the ただし書's case), the disability of
    its ``disabled`` item random otherwise (not given without one); with ``de_facto`` the 配偶者 is one in a
    事実婚."""
    family = draw(_family(count=(1, 1)))
    items: dict[str, str | bool | None] = {"受給者区分": draw(st.sampled_from(kinds)), "監護": True, "生計同一": True,
                                           "同居": True, "生計維持": True, fact: True if fixed else draw(st.booleans())}
    if disabled is not None:
        items[disabled] = True if fixed else draw(st.booleans())
    if de_facto:
        items["配偶者_事実婚"] = True
    return _with_items(family, items)


def _public(s: Scenario, town: str) -> Projection:
    return {"公的年金給付": fuyo.public_pension(_record(s)[_PENSION])}


def _qualifies(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return {"支給要件該当": fuyo.qualifies(_record(s)["受給者区分"], cares=_flag(s, "監護"),
                                           shares_livelihood=_flag(s, "生計同一"), lives_with=_flag(s, "同居"),
                                           maintains=_flag(s, "生計維持"), mother_cares=_flag(s, "母が監護"))
            and fuyo.has_child(s.children, s.as_of)}


def _claimant_paid(s: Scenario, town: str) -> Projection:
    qualified = _qualifies(s, town)["支給要件該当"]
    return {"支給要件該当": fuyo.claimant_paid(bool(qualified), abroad=_flag(s, "受給者_国外"))}


def _delayed_start(s: Scenario, town: str) -> Projection:
    f = _record(s)
    start, end = date.fromisoformat(f["請求不能開始日"]), date.fromisoformat(f["請求不能終了日"])
    return {"支給開始月": _iso(fuyo.delayed_start_month(_claimed(s), hindered_from=start, hindered_until=end))}


def _carer_stopped(s: Scenario, town: str) -> Projection:
    return {"養育者所得停止": fuyo.carer_stopped(_int(s, "前年所得"), _int(s, "加算対象扶養親族等の数"),
                                               _int(s, "生計維持児童の数"))}


def _obligor_stopped(s: Scenario, town: str) -> Projection:
    return {"扶養義務者所得停止": fuyo.obligor_stopped(_int(s, "扶養義務者_前年所得"),
                                                     _int(s, "扶養義務者_加算対象扶養親族等の数"))}


@st.composite
def _abroad_claimants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A qualifying 母, 父 or 養育者 (監護, 生計, 養育) with or without a 住所 in Japan (the record's 受給者_国外)."""
    family = draw(_family(count=(1, 1)))
    return _with_items(family, {"受給者区分": draw(st.sampled_from(("母", "父", "養育者"))), "監護": True,
                                "生計同一": True, "同居": True, "生計維持": True,
                                "受給者_国外": draw(st.booleans())})


@st.composite
def _hindered(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A claim made after a やむを得ない理由 that kept the mother from claiming (from one day to another, 1 to
    90 days), 10 to 20 days after it ended (the 15th and 16th often)."""
    family = draw(_family(count=(1, 1)))
    start = draw(st.dates(date(2024, 10, 1), date(2025, 10, 31)))
    end = start + timedelta(days=draw(st.integers(1, 90)))
    claimed = end + timedelta(days=draw(st.one_of(st.sampled_from((14, 15, 16)), st.integers(10, 20))))
    first = fuyo.delayed_start_month(claimed, hindered_from=start, hindered_until=end)
    asked = date(*first, 1)
    return replace(_with_items(family, {"認定請求年月日": claimed.isoformat(), "請求不能開始日": start.isoformat(),
                                        "請求不能終了日": end.isoformat()}),
                   fiscal_year=fiscal_year_of(asked), as_of=asked)


@st.composite
def _near_other_limit(draw: st.DrawFn, codes: tuple[str, str], *, obligor: bool, dependants: bool) -> Scenario:
    """A 養育者 (or a mother with a 扶養義務者, ``obligor``) whose 所得 is near the 236万円 limit of 施行令 第2条の4
    第6項 (第7項), with 加算対象扶養親族等 or 生計維持児童 (``dependants``) or none."""
    family = draw(_family(count=(1, 1)))
    count = draw(st.integers(1, 3)) if dependants else 0
    children = draw(st.integers(0, count)) if dependants and not obligor else 0
    limit = fuyo.obligor_limit(count) if obligor else fuyo.carer_limit(count - children, children)
    income = max(0, limit + draw(st.one_of(st.sampled_from((0, -1, 1)), st.integers(-400_000, 400_000))))
    if obligor:
        items: dict[str, str | bool | None] = {"扶養義務者_前年所得": str(income),
                                               "扶養義務者_加算対象扶養親族等の数": str(count)}
    else:
        items = {"受給者区分": "養育者", "前年所得": str(income), "加算対象扶養親族等の数": str(count - children),
                 "生計維持児童の数": str(children)}
    return _with_items(family, items)


def _paid_for(s: Scenario, town: str) -> Projection:
    return {"支給対象": fuyo.paid_for(
        _record(s)["受給者区分"], abroad=_flag(s, "児童_国外"), foster=_flag(s, "里親委託"),
        with_father=_flag(s, "父と生計同一"), father_disabled=_flag(s, "父_障害"),
        mothers_spouse=_flag(s, "母の配偶者に養育"), with_mother=_flag(s, "母と生計同一"),
        mother_disabled=_flag(s, "母_障害"), fathers_spouse=_flag(s, "父の配偶者に養育"),
        spouse_disabled_parent=_flag(s, "配偶者_障害の父母"))}


def _example(kind: str, **items: str | bool) -> Scenario:
    return _with_items(CLAIMED, {"受給者区分": kind, "監護": True, "生計同一": True, "同居": True, "生計維持": True,
                                 **items})


#: Worked examples: a 労働者災害補償保険法 年金 is a 公的年金給付 (第3条第2項第9号), a 一時金 under it is none. A 父
#: who 監護 the child without sharing its 生計: no 手当 (第4条第1項第2号); a 母 who 監護 it: hers (第1号); a
#: 養育者 living with it, the 母 not looking after it: his (第3号). The child abroad, with a 里親, sharing the
#: 父's 生計, brought up by the 母's 配偶者 (also one in a 事実婚): not paid for (第4条第2項第1号-第4号, 第3条
#: 第3項), unless the 父 is disabled (第3号ただし書, 第4号括弧書); a 父's child sharing the 母's 生計 or brought
#: up by the 父's 配偶者: not paid for (第5号, 第6号), unless the 母 is disabled (第5号ただし書).
WORKERS_PENSION = _with_items(CLAIMED, {_PENSION: "労働者災害補償保険法に基づく年金たる給付"})
LUMP_SUM = _with_items(CLAIMED, {_PENSION: "労働者災害補償保険法に基づく一時金たる給付"})
PENSION_SAMPLES = {number: _with_items(CLAIMED, {_PENSION: next(b for b, n in fuyo.PUBLIC_PENSIONS.items()
                                                                if n == number)})
                   for number in range(1, 13)}
FATHER_APART = _with_items(_example("父"), {"生計同一": None})
#: 第4条第1項 is about a 児童 (第3条第1項): a 母, 父 or 養育者 meeting it for a child born 2007-04-01 still does on
#: 2025-03-31, its 児童該当終了日 (:data:`MOTHER_LAST_DAY`), and none does on 2025-04-01, when it is a 児童 no more (the
#: bundled reference answered true until issue 66: the outsider of session 36, its m4).
MOTHER_LAST_DAY = replace(_example("母"), children=(date(2007, 4, 1),), as_of=date(2025, 3, 31))
MOTHER_AGED_OUT = replace(MOTHER_LAST_DAY, fiscal_year=2025, as_of=date(2025, 4, 1))
FATHER_AGED_OUT = replace(_example("父"), children=(date(2007, 4, 1),), fiscal_year=2025, as_of=date(2025, 4, 1))
CARER_AGED_OUT = replace(_example("養育者"), children=(date(2007, 4, 1),), fiscal_year=2025, as_of=date(2025, 4, 1))
MOTHER_APART = _with_items(_example("母"), {"生計同一": None})
CARER = _with_items(_example("養育者"), {"母が監護": None})
CARER_APART = _with_items(_example("養育者"), {"母が監護": None, "同居": None})
ABROAD_CHILD = _example("母", 児童_国外=True)
FOSTERED_CHILD = _example("母", 里親委託=True)
WITH_FATHER = _example("母", 父と生計同一=True)
WITH_DISABLED_FATHER = _example("母", 父と生計同一=True, 父_障害=True)
STEPFATHER = _example("母", 母の配偶者に養育=True)
DE_FACTO_STEPFATHER = _example("母", 母の配偶者に養育=True, 配偶者_事実婚=True)
WITH_MOTHER = _example("父", 母と生計同一=True)
WITH_DISABLED_MOTHER = _example("父", 母と生計同一=True, 母_障害=True)
STEPMOTHER = _example("父", 父の配偶者に養育=True)
#: 第4条第2項's 柱書 gives each claimant its own 号: a 父's child sharing the 父's 生計 (第3号: of a 母 or 養育者
#: only; the 父's own 第4条第1項第2号 asks it) or brought up by the 母's 配偶者 (第4号) is paid for, and so is the
#: child of a 母 or 養育者 sharing the 母's 生計 (第5号: a 父's only) or brought up by the 父's 配偶者 (第6号). A system
#: applying every 号 to every claimant passed before (the outsider of issue 66, session 36: its m7 and m8).
FATHER_SHARING = _example("父", 父と生計同一=True)
FATHER_STEPFATHER = _example("父", 母の配偶者に養育=True)
CARER_WITH_MOTHER = _example("養育者", 母と生計同一=True)
MOTHER_STEPMOTHER = _example("母", 父の配偶者に養育=True)


#: A 母 qualifying but without a 住所 in Japan: no 手当 (第4条第3項). Kept from claiming from 2025-03-20 to
#: 2025-04-30, claimed on 2025-05-15 (the 15th day after): paid from 2025-04 (第7条第2項); on 2025-05-16: from
#: 2025-06. A 養育者 at 236万円 with nobody: stopped (法第9条の2; 施行令 第2条の4第6項第1号); at 260万円 with one
#: 生計維持児童 (limit 274万円): not (第2号). A 扶養義務者 at 236万円: stopped; at 260万円 with one 加算対象扶養親族等:
#: not (第7項).
MOTHER_ABROAD = _example("母", 受給者_国外=True)
HINDERED = _with_items(CLAIMED, {"認定請求年月日": "2025-05-15", "請求不能開始日": "2025-03-20",
                                 "請求不能終了日": "2025-04-30"})
HINDERED_LATE = _with_items(CLAIMED, {"認定請求年月日": "2025-05-16", "請求不能開始日": "2025-03-20",
                                      "請求不能終了日": "2025-04-30"})
CARER_AT_LIMIT = _with_items(CLAIMED, {"受給者区分": "養育者", "前年所得": "2360000"})
CARER_WITH_CHILD = _with_items(CLAIMED, {"受給者区分": "養育者", "前年所得": "2600000", "生計維持児童の数": "1"})
OBLIGOR_AT_LIMIT = _with_items(CLAIMED, {"扶養義務者_前年所得": "2360000"})
OBLIGOR_WITH_DEPENDANT = _with_items(CLAIMED, {"扶養義務者_前年所得": "2600000",
                                               "扶養義務者_加算対象扶養親族等の数": "1"})
#: At the limits with one (274万円): stopped (以上).
CARER_WITH_CHILD_AT_LIMIT = _with_items(CLAIMED, {"受給者区分": "養育者", "前年所得": "2740000",
                                                  "生計維持児童の数": "1"})
OBLIGOR_WITH_DEPENDANT_AT_LIMIT = _with_items(CLAIMED, {"扶養義務者_前年所得": "2740000",
                                                        "扶養義務者_加算対象扶養親族等の数": "1"})


def _pension_rule(number: int) -> Rule:
    return STATUTE.rule(f"jido_fuyo_teate.public_pension_{number}", lambda codes: _pensioners(codes, number=number),
                        _public, "公的年金給付",
                        (PENSION_SAMPLES[number], LUMP_SUM) if number == 9 else (PENSION_SAMPLES[number],))


def _excluding(kinds: tuple[str, ...], fact: str, **more: Any) -> Callable[[tuple[str, str]],
                                                                          st.SearchStrategy[Scenario]]:
    """The claimants of :func:`_excluded` of ``kinds`` whose child may be in the case ``fact``."""
    return lambda codes: _excluded(codes, kinds=kinds, fact=fact, **more)


def _near_other(obligor: bool, dependants: bool) -> Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]:
    return lambda codes: _near_other_limit(codes, obligor=obligor, dependants=dependants)


_PAID_FOR = "支給対象"
_MOTHERS, _FATHERS, _ANY = ("母", "養育者"), ("父",), ("母", "父", "養育者")
#: The 号 of 第4条第2項 that apply to some claimants only are drawn with every claimant: the others' answer is true.
#: 第4条第2項's cases, a rule each: (its name, the claimants, the case of :func:`_excluded`, more of its
#: arguments, the worked examples). 第1号 児童 abroad, 第2号 with a 里親, 第3号 sharing the 父's 生計 (ただし書: a
#: disabled 父), 第4号 the 母's 配偶者 (a 事実婚 too: 第3条第3項), 第5号 and 第6号 the same of the 母.
_EXCLUSIONS: tuple[tuple[str, tuple[str, ...], str, dict[str, Any], tuple[Scenario, ...]], ...] = (
    ("jido_fuyo_teate.child_abroad", _ANY, "児童_国外", {}, (ABROAD_CHILD,)),
    ("jido_fuyo_teate.foster", _ANY, "里親委託", {}, (FOSTERED_CHILD,)),
    ("jido_fuyo_teate.with_father", _ANY, "父と生計同一", {}, (WITH_FATHER, FATHER_SHARING)),
    ("jido_fuyo_teate.disabled_father", _MOTHERS, "父と生計同一", {"disabled": "父_障害", "fixed": True},
     (WITH_DISABLED_FATHER,)),
    ("jido_fuyo_teate.mothers_spouse", _ANY, "母の配偶者に養育", {"disabled": "配偶者_障害の父母"},
     (STEPFATHER, FATHER_STEPFATHER)),
    ("jido_fuyo_teate.de_facto_spouse", _MOTHERS, "母の配偶者に養育", {"fixed": True, "de_facto": True},
     (DE_FACTO_STEPFATHER,)),
    ("jido_fuyo_teate.with_mother", _ANY, "母と生計同一", {}, (WITH_MOTHER, CARER_WITH_MOTHER)),
    ("jido_fuyo_teate.disabled_mother", _FATHERS, "母と生計同一", {"disabled": "母_障害", "fixed": True},
     (WITH_DISABLED_MOTHER,)),
    ("jido_fuyo_teate.fathers_spouse", _ANY, "父の配偶者に養育", {"disabled": "配偶者_障害の父母"},
     (STEPMOTHER, MOTHER_STEPMOTHER)),
)
RECORD_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    *(_pension_rule(number) for number in range(1, 13)),
    STATUTE.rule("jido_fuyo_teate.mother", lambda codes: _claimants(codes, kind="母"), _qualifies, "支給要件該当",
                 (MOTHER_APART, MOTHER_LAST_DAY, MOTHER_AGED_OUT)),
    STATUTE.rule("jido_fuyo_teate.father", lambda codes: _claimants(codes, kind="父"), _qualifies, "支給要件該当",
                 (FATHER_APART, FATHER_AGED_OUT)),
    STATUTE.rule("jido_fuyo_teate.carer", lambda codes: _claimants(codes, kind="養育者"), _qualifies, "支給要件該当",
                 (CARER, CARER_APART, CARER_AGED_OUT)),
    STATUTE.rule("jido_fuyo_teate.claimant_abroad", _abroad_claimants, _claimant_paid, "支給要件該当",
                 (MOTHER_ABROAD,)),
    STATUTE.rule("jido_fuyo_teate.delayed_claim", _hindered, _delayed_start, "支給開始月", (HINDERED, HINDERED_LATE)),
    STATUTE.rule("jido_fuyo_teate.carer_limit", _near_other(False, False), _carer_stopped, "養育者所得停止",
                 (CARER_AT_LIMIT,)),
    STATUTE.rule("jido_fuyo_teate.carer_limit_dependants", _near_other(False, True), _carer_stopped, "養育者所得停止",
                 (CARER_WITH_CHILD, CARER_WITH_CHILD_AT_LIMIT)),
    STATUTE.rule("jido_fuyo_teate.obligor_limit", _near_other(True, False), _obligor_stopped, "扶養義務者所得停止",
                 (OBLIGOR_AT_LIMIT,)),
    STATUTE.rule("jido_fuyo_teate.obligor_limit_dependants", _near_other(True, True), _obligor_stopped,
                 "扶養義務者所得停止", (OBLIGOR_WITH_DEPENDANT, OBLIGOR_WITH_DEPENDANT_AT_LIMIT)),
    *(STATUTE.rule(name, _excluding(kinds, fact, **more), _paid_for, _PAID_FOR, examples)
      for name, kinds, fact, more, examples in _EXCLUSIONS),
)}


#: Each rule the check ``scenario.<name>`` (conformance.checks.statute_rules).
RULE_CHECKS = rule_checks((*FUYO_RULES.values(), *RECORD_RULES.values()))
