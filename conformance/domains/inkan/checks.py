"""Scenario checks of 印鑑登録 (亘理町印鑑条例 第2条, 第3条 and 柏原市印鑑条例 第5条; the statute edition
``inkan 2025.12``: each 条例 one municipality's, quoted as an exemplar, each municipality has its own).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.inkan.oracle`). 住民記録 holds no 印鑑: each person applies
for the registration of one 印鑑, sent as the person's ``印鑑登録`` record (申請年月日, 意思能力なし "1"/"0", 登録済
"1"/"0" (a 印鑑 already registered), 印影文字, 印材, 印影寸法 in mm, 印影不鮮明 "1"/"0" (the counter found the 印影 hard
to show clearly); ``targets.load.records_path``; without it every check here is NOT_AUTOMATED), and the per-person
query on the 申請年月日 answers ``印鑑登録.登録``: whether the 印鑑 is registered. Each rule varies one fact of the
application, the others allowed:

- ``resident``: 本町が備える住民基本台帳に記録されている者 (第2条第1項): before the move-out or death, not after;
- ``age``: 15才未満 (第2条第2項第1号); ``capacity``: 意思能力を有しない者 (第2号);
- ``one_seal``: 1人1個 (第3条第1項);
- ``name``, ``occupation``, ``rubber``, ``size``, ``clear``: 第3条第2項第1号-第5号;
- ``registers``: 柏原市 第5条, the registration once the application is confirmed: an application no provision
  above bars, from residents of every age over 15 and newcomers of a few days, is registered.

Readings (provisions.yaml): the day 15 is reached and the next, the first and last day of the address (the day of
becoming a resident and the day before), a 印影 mixing parts of the 氏名 with other characters are never asked.
A 印影 of exactly 8mm or 25mm (第3条第2項第4号: whether a 印影 touching the square's edges 「収まる」 the text does not
say) is asked, drawn and in the explicit examples, and either answer passes (:data:`oracle.EITHER`).
Not judged: 亘理町 第1条 (目的), 第3条第2項第6号 (町長が適当でないと認める); 柏原市 第3条 (the applicant's part
at the counter) and 第4条 (事実の確認, by the 規則, at the counter: MANUAL).
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, _birth, _near, picked
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.inkan import oracle
from conformance.oracles.dates import age_reached_on
from conformance.oracles.readings import Either

PART = "印鑑登録"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("inkan", PART, needs_records=True)
#: The 氏名 of the person the scenarios append (conformance/checks/scenarios.py: the 世帯主).
FULL_NAME = "見本\u3000花子"
_NAMES = ("見本", "花子", "見本花子")
_OTHERS = ("山田", "佐藤太郎", "田中一郎", "鈴木")
_TITLED = ("見本税理士", "弁護士見本", "花子医師", "見本社長", "司法書士見本花子")
_MATERIALS = ("木", "水牛", "チタン", "象牙", oracle.RUBBER)
_HARD = tuple(material for material in _MATERIALS if material != oracle.RUBBER)


def _flag(value: bool) -> str:
    return "1" if value else "0"


def application(day: date, *, lacks_capacity: bool = False, registered: bool = False, impression: str = "見本",
                material: str = "木", side_mm: int = 15, blurred: bool = False) -> tuple[tuple[str, str, str], ...]:
    """A person's 印鑑登録 record: the application of ``day`` for one 印鑑."""
    items = {"申請年月日": day.isoformat(), "意思能力なし": _flag(lacks_capacity), "登録済": _flag(registered),
             "印影文字": impression, "印材": material, "印影寸法": str(side_mm), "印影不鮮明": _flag(blurred)}
    return tuple((PART, item, value) for item, value in items.items())


def _applicant(day: date, birth: date = date(1980, 5, 5), moved_in: date = date(2015, 4, 1), **kwargs: object
               ) -> Scenario:
    return Scenario(day.year, birth, moved_in, as_of=day, records=application(day, **kwargs))  # type: ignore[arg-type]


def _facts(s: Scenario) -> dict[str, str]:
    return s.record(PART)


_DAYS = st.dates(date(2021, 1, 1), date(2025, 12, 31))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def leavers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident since 2015 who may move out (or die) around the day of the application."""
    day = draw(_DAYS)
    last = draw(st.one_of(st.none(), _near(day, 30)))
    died = draw(st.booleans())
    scenario = _applicant(day)
    if last is None:
        return scenario
    if died:
        return Scenario(day.year, scenario.birth, scenario.moved_in, died=last, as_of=day, records=scenario.records)
    return Scenario(day.year, scenario.birth, scenario.moved_in, planned_out=last, next=codes[0], as_of=day,
                    records=scenario.records)


@st.composite
def teenagers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child or young adult applying around the day 15 is reached."""
    birth = draw(_birth(2006, 2010))
    day = draw(_near(age_reached_on(birth, oracle.MIN_AGE), 400))
    return _applicant(day, birth, moved_in=birth)


@st.composite
def capacities(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), lacks_capacity=draw(st.booleans()))


@st.composite
def second_seals(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), registered=draw(st.booleans()))


@st.composite
def impressions(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), impression=draw(st.sampled_from(_NAMES + _OTHERS)))


@st.composite
def titled(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), impression=draw(st.sampled_from(_NAMES + _TITLED)))


@st.composite
def materials(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), material=draw(st.sampled_from(_MATERIALS)))


@st.composite
def sizes(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), side_mm=draw(st.one_of(st.sampled_from((7, 8, 9, 24, 25, 26)), st.integers(3, 40))))


@st.composite
def clarities(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), blurred=draw(st.booleans()))


@st.composite
def eligible(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An application no provision bars: a resident of any age over 15, often a newcomer of a few days (the day
    of becoming a resident and the day before are open), for a 印鑑 of the 氏名 of any hard 印材 and size inside
    the limits under every reading (9 to 24mm)."""
    day = draw(_DAYS)
    birth = draw(_birth(1935, 2004))
    days_resident = draw(st.one_of(st.integers(2, 60), st.integers(61, 20_000)))
    moved_in = max(birth, day - timedelta(days=days_resident))
    return _applicant(day, birth, moved_in, impression=draw(st.sampled_from(_NAMES)),
                      material=draw(st.sampled_from(_HARD)), side_mm=draw(st.integers(oracle.SMALLEST_MM + 1,
                                                                                     oracle.LARGEST_MM - 1)))


# -- rules ----------------------------------------------------------------------------------------


def _registered(verdict: oracle.Verdict) -> Projection:
    """The expected answer; a scenario the text leaves open is skipped (Hypothesis ``assume``), the explicit
    examples never are."""
    if verdict is None:
        assume(False)
    return {"登録": verdict if isinstance(verdict, Either) else bool(verdict)}


def _resident(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return _registered(oracle.recorded_on(s.moved_in, s.moved_out, s.as_of))


def _age(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    return _registered(oracle.old_enough(s.birth, s.as_of))


def _capacity(s: Scenario, town: str) -> Projection:
    return _registered(oracle.capable(_facts(s)["意思能力なし"] == "1"))


def _one_seal(s: Scenario, town: str) -> Projection:
    return _registered(oracle.first_seal(_facts(s)["登録済"] == "1"))


def _name(s: Scenario, town: str) -> Projection:
    return _registered(oracle.shows_name(_facts(s)["印影文字"], FULL_NAME))


def _occupation(s: Scenario, town: str) -> Projection:
    return _registered(oracle.no_occupation(_facts(s)["印影文字"]))


def _rubber(s: Scenario, town: str) -> Projection:
    return _registered(oracle.not_rubber(_facts(s)["印材"]))


def _size(s: Scenario, town: str) -> Projection:
    return _registered(oracle.size_allowed(int(_facts(s)["印影寸法"])))


def _clear(s: Scenario, town: str) -> Projection:
    return _registered(oracle.clear(_facts(s)["印影不鮮明"] == "1"))


def _registers(s: Scenario, town: str) -> Projection:
    """柏原市 第5条: every provision of 亘理町 第2条 and 第3条 the application is judged by, put together."""
    assert s.as_of is not None
    facts = _facts(s)
    return _registered(oracle.registered((
        oracle.recorded_on(s.moved_in, s.moved_out, s.as_of), oracle.old_enough(s.birth, s.as_of),
        oracle.capable(facts["意思能力なし"] == "1"), oracle.first_seal(facts["登録済"] == "1"),
        oracle.shows_name(facts["印影文字"], FULL_NAME), oracle.no_occupation(facts["印影文字"]),
        oracle.not_rubber(facts["印材"]), oracle.size_allowed(int(facts["印影寸法"])),
        oracle.clear(facts["印影不鮮明"] == "1"))))


#: Worked examples (亘理町印鑑条例 第2条, 第3条, 柏原市印鑑条例 第5条), each an application of 2024-06-03 by 見本　花子
#: (born 1980-05-05, a resident since 2015-04-01) for a wooden 印鑑 reading 見本, 15mm: registered; moved out on
#: 2024-05-31: not; born 2009-05-10 (15 reached 2024-05-09): registered, born 2009-07-10: not; 意思能力を有しない:
#: not; a 印鑑 already registered: not; 山田: not; 見本税理士: not; a ゴム印: not; 7mm or 26mm: not; 8mm or 25mm:
#: either; a 印影 hard to show clearly: not; a resident since 2024-05-27 (a week): registered.
ALLOWED = _applicant(date(2024, 6, 3))
MOVED_OUT = Scenario(2024, date(1980, 5, 5), date(2015, 4, 1), planned_out=date(2024, 5, 31), as_of=date(2024, 6, 3),
                     records=ALLOWED.records)
FIFTEEN = _applicant(date(2024, 6, 3), date(2009, 5, 10), moved_in=date(2009, 5, 10))
FOURTEEN = _applicant(date(2024, 6, 3), date(2009, 7, 10), moved_in=date(2009, 7, 10))
INCAPABLE = _applicant(date(2024, 6, 3), lacks_capacity=True)
SECOND = _applicant(date(2024, 6, 3), registered=True)
OTHER_NAME = _applicant(date(2024, 6, 3), impression="山田")
TITLE = _applicant(date(2024, 6, 3), impression="見本税理士")
RUBBER_SEAL = _applicant(date(2024, 6, 3), material=oracle.RUBBER)
SMALL, LARGE = _applicant(date(2024, 6, 3), side_mm=7), _applicant(date(2024, 6, 3), side_mm=26)
#: The limits themselves: registered or not, each by one reading of 「収まる」 (the edge included or not).
EIGHT, TWENTY_FIVE = _applicant(date(2024, 6, 3), side_mm=8), _applicant(date(2024, 6, 3), side_mm=25)
BLURRED = _applicant(date(2024, 6, 3), blurred=True)
NEWCOMER = _applicant(date(2024, 6, 3), moved_in=date(2024, 5, 27))

_ANSWER = picked(PART, "登録")
INKAN_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("inkan.resident", leavers, _resident, _ANSWER, (ALLOWED, MOVED_OUT)),
    STATUTE.rule("inkan.age", teenagers, _age, _ANSWER, (FIFTEEN, FOURTEEN)),
    STATUTE.rule("inkan.capacity", capacities, _capacity, _ANSWER, (ALLOWED, INCAPABLE)),
    STATUTE.rule("inkan.one_seal", second_seals, _one_seal, _ANSWER, (ALLOWED, SECOND)),
    STATUTE.rule("inkan.name", impressions, _name, _ANSWER, (ALLOWED, OTHER_NAME)),
    STATUTE.rule("inkan.occupation", titled, _occupation, _ANSWER, (ALLOWED, TITLE)),
    STATUTE.rule("inkan.rubber", materials, _rubber, _ANSWER, (ALLOWED, RUBBER_SEAL)),
    STATUTE.rule("inkan.size", sizes, _size, _ANSWER, (ALLOWED, SMALL, LARGE, EIGHT, TWENTY_FIVE)),
    STATUTE.rule("inkan.clear", clarities, _clear, _ANSWER, (ALLOWED, BLURRED)),
    STATUTE.rule("inkan.registers", eligible, _registers, _ANSWER, (ALLOWED, NEWCOMER)),
)}


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(INKAN_RULES.values())
