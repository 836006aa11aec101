"""The machinery of the scenario checks: generated residents, loaded into the vendor, queried, compared
with a domain's oracle.

Each check is one rule of a domain folder (``conformance/domains/<slug>/``: 住民記録's 支援措置 and 除票 rules in
``domains/jumin/rules.py``, each statute domain's in its ``checks.py`` and ``forms.py``; DOMAIN.md "Moves and
dates that cross a year", "DV等支援措置"). Hypothesis generates scenarios (a person, their moves and dates,
children) with a bias to the boundary days of the rule (1月1日, 4月1日, month ends, 2月29日, the 15th day ...),
seeded by the run's seed (``conformance run --seed N`` replays them) and bounded by the profile's
``max_examples``. Every example is written as migration rows (the ``residents_csv`` layout) and
appended to the vendor, then the per-person query (``GET /residents/{宛名番号}/qualifications``) is
compared with :mod:`conformance.oracles`. A mismatch is shrunk by Hypothesis against the live vendor
and reported once, as the minimal scenario with the seed.

Loading: the profile's load step replaces all data, which would cost a reload per example; so each
example *appends* its persons through ``POST /admin/residents`` (a migration CSV, new 宛名番号 only; the rows
are written by :mod:`conformance.checks.scenario_rows`, two for a person who came back).
That path is a harness contract, not a catalog operation: a vendor exposes it or maps it in its
profile's ``targets.api.paths`` like any other path. Appended persons are valid residents (世帯主 and
子 only), so the checks that read every resident (export layout, 続柄) still pass.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, Verbosity, example, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky

from conformance.checks.answer_contract import OUTSIDE, outside_finding, outside_projections, query_breaches
from conformance.checks.registry import CheckContext, CheckFunction, NotAutomated, target_of
from conformance.checks.scenario_rows import _base_row as _base_row
from conformance.checks.scenario_rows import _child_row, _csv, person_rows
from conformance.checks.scenario_rows import _row as _row
from conformance.draws import reproducible
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles import Residence, lg_code_check_digit, m11w2_7_check_digit
from conformance.oracles.dates import Month, fiscal_year_of
from conformance.profiles import Ordinance
from conformance.targets.base import HttpClient, HttpResponse, Target

APPEND_PATH = "/admin/residents"
#: Where the scenario checks send a person's records of other 業務 (``targets.load.records_path``).
RECORDS_PATH = "/admin/records"
#: A record value that stands for the town's own municipality code (sent as that code).
TOWN_MARK = "@town"
QUERY_PATH = "/residents/{atena}/qualifications"
#: Serials of appended persons and households, counted down from far above the test town's: a vendor
#: that numbers a 転入 as the largest number + 1 never reaches them.
_ATENA_SERIALS = itertools.count(899_999_999, -1)
_SETAI_SERIALS = itertools.count(949_999_999, -1)


# -- scenarios ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One generated person in the vendor's town, with the moves around the stay there.

    ``moved_in`` is 住民となった年月日; the stay ends at ``planned_out`` (転出予定年月日) or on the day
    the 転入通知 says the person moved in elsewhere (``elsewhere``), whichever is earlier, or at
    ``died``. ``previous`` and ``next`` are the municipalities before and after (None: abroad).
    ``foreign`` makes the person a 外国人住民 (a 特別永住者); ``notified`` is the 届出年月日 when the 転入届
    came after the move.
    """

    fiscal_year: int
    birth: date
    moved_in: date
    previous: str | None = None
    planned_out: date | None = None
    elsewhere: date | None = None
    next: str | None = None
    died: date | None = None
    support_start: date | None = None
    as_of: date | None = None
    claim: date | None = None
    previous_planned_out: date | None = None
    children: tuple[date, ...] = field(default=())
    foreign: bool = False
    notified: date | None = None
    #: Records of other 業務 about the person (業務, item, value), sent to the vendor's
    #: ``targets.load.records_path`` (住民記録 holds no 生活保護, 障害認定 or 認定請求).
    records: tuple[tuple[str, str, str], ...] = field(default=())
    #: The 町字 of the person's address and its 郵便番号 (None: 本町一丁目, the generated rows' own), for a rule
    #: that turns on where in the town the person lives (the 投票区 of 選挙人名簿).
    area: tuple[str, str] | None = None
    #: The person's earlier stays (issue 66 item 3: a 再転入), oldest first, in the town and elsewhere, the last
    #: one ending on ``moved_in`` where the address before it is known (then ``previous`` is its municipality);
    #: empty for a person of one stay in the town. :func:`history` puts them before the stay.
    earlier: tuple[Residence, ...] = field(default=())
    #: Columns of the person's migration row given as they are, over the generated ones (header, value): a rule that
    #: turns on the 氏名, the 通称 or the row's own 住民状態 (印鑑登録's 印影 against the person's names, issue 66).
    columns: tuple[tuple[str, str], ...] = field(default=())
    #: An earlier stay in the town (住民となった年月日, the last day), ended by a 転出 to ``previous`` (None: abroad),
    #: before the 再転入 on ``moved_in`` (issue 66: a person who left and came back; scenario_rows.person_rows).
    first_stay: tuple[date, date] | None = None
    #: A 転居 within the town during the stay (its 異動日, its 届出年月日, maybe later; issue 66): the row is the
    #: person's after it, the new 住所 (``scenario_rows.MOVED_WITHIN``) settled on the 転居's
    #: day. Only the 庁内連携 feed's examples have one (conformance/domains/feed.py sends it as a 異動 of its own).
    within: tuple[date, date] | None = None
    #: Columns of each child's row given as they are, over the generated ones (header, value): a rule that turns on
    #: the child's own items (a daughter: 性別 2; the generated 子 are sons; 就学's 学齢簿, issue 66).
    child_columns: tuple[tuple[str, str], ...] = field(default=())

    @property
    def moved_out(self) -> date | None:
        """The last day of the stay (the day the address ceased), None while resident."""
        if self.died is not None:
            return self.died
        if self.planned_out is None:
            return None
        return self.planned_out if self.elsewhere is None else min(self.planned_out, self.elsewhere)

    def asked_on(self, day: date) -> Scenario:
        """Asked about ``day`` in its 年度 (the contract's fiscal_year: the 年度 the answer is about; issue 66)."""
        return replace(self, as_of=day, fiscal_year=fiscal_year_of(day))

    def record(self, part: str) -> dict[str, str]:
        """The person's record of the 業務 ``part`` (e.g. 生活保護), item -> value."""
        return {item: value for domain, item, value in self.records if domain == part}

    def record_day(self, part: str, item: str) -> date | None:
        """A day of the person's record of ``part``, None when the item is not given."""
        value = self.record(part).get(item)
        return date.fromisoformat(value) if value is not None else None

    def compact(self) -> str:
        """The scenario as ``key=value`` pairs, empty values left out (synthetic data: no names)."""
        values = {key: value for key, value in asdict(self).items() if value not in (None, (), False)}
        return ", ".join(f"{key}={_text(value)}" for key, value in values.items())


def history(scenario: Scenario, town: str) -> list[Residence]:
    """The scenario as the oracles' address history (the earlier stays or the previous one, the town, the next
    stay)."""
    stays = list(scenario.earlier)
    if scenario.first_stay is not None and not stays:
        stays.append(Residence(town, *scenario.first_stay))
        if scenario.previous is not None:  # between the stays
            stays.append(Residence(scenario.previous, scenario.first_stay[1], scenario.moved_in))
    elif scenario.previous is not None and not stays:
        stays.append(Residence(scenario.previous, scenario.moved_in - timedelta(days=1000), scenario.moved_in))
    stays.append(Residence(town, scenario.moved_in, scenario.moved_out))
    if scenario.elsewhere is not None and scenario.next is not None and scenario.died is None:
        stays.append(Residence(scenario.next, scenario.elsewhere))
    return stays


def _text(value: Any) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return "[" + " ".join(":".join(map(str, item)) for item in value) + "]"
    if isinstance(value, tuple):
        return "[" + " ".join(_text(item) for item in value) + "]"
    return value.isoformat() if isinstance(value, date) else str(value)


@functools.lru_cache(maxsize=4096)
def _near(anchor: date, spread: int) -> st.SearchStrategy[date]:
    """Days around ``anchor``: the boundary and its neighbours as often as the rest of the window (one strategy
    object per window, kept, as :func:`_birth`'s)."""
    offsets = st.one_of(st.sampled_from((0, -1, 1)), st.integers(-spread, spread))
    return offsets.map(lambda days: anchor + timedelta(days=days))


@functools.cache
def _birth(first_year: int, last_year: int) -> st.SearchStrategy[date]:
    """A birth day of ``first_year``-``last_year``, often on a boundary (:func:`_birth_day`).

    One strategy object per window, kept: Hypothesis validates every new strategy object it is asked to draw
    from (a fixed point over the strategy's parts), and the rules' composites draw a birth for every person of
    every example (2 % of a whole run's CPU). The same object draws exactly what a new one would."""
    return _birth_day(first_year, last_year)


@st.composite
def _birth_day(draw: st.DrawFn, first_year: int, last_year: int) -> date:
    """A birth day, often on a boundary: the 1st, the 2nd, a month end, 4月1日/2日, 2月29日."""
    year = draw(st.integers(first_year, last_year))
    kind = draw(st.sampled_from(("any", "first", "second", "end", "april", "leap")))
    month = draw(st.integers(1, 12))
    if kind == "leap":
        return date(year - year % 4, 2, 29)  # 1935-2024: every fourth year is a leap year (2000 too)
    if kind == "april":
        return date(year, 4, draw(st.sampled_from((1, 2))))
    if kind in ("first", "second"):
        return date(year, month, 1 if kind == "first" else 2)
    if kind == "end":
        return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return date(year, month, 1) + timedelta(days=draw(st.integers(0, 27)))


@st.composite
def _ending(draw: st.DrawFn, scenario: Scenario, anchor: date, other: str) -> Scenario:
    """The end of the stay near ``anchor``: none, a move (same day, with a gap, 転入 before the
    planned day), abroad, or death."""
    kind = draw(st.sampled_from(("none", "same_day", "gap", "early", "abroad", "died")))
    end = max(scenario.moved_in, draw(_near(anchor, 200)))
    step = draw(st.integers(1, 20))
    if kind == "same_day":
        return replace(scenario, planned_out=end, elsewhere=end, next=other)
    if kind == "gap":
        return replace(scenario, planned_out=end, elsewhere=end + timedelta(days=step), next=other)
    if kind == "early":
        return replace(scenario, planned_out=end + timedelta(days=step), elsewhere=end, next=other)
    if kind == "abroad":
        return replace(scenario, planned_out=end)
    return replace(scenario, died=end) if kind == "died" else scenario


@st.composite
def gone_that_day(draw: st.DrawFn, scenario: Scenario, day: date, codes: tuple[str, ...]) -> Scenario:
    """``scenario``'s stay ended on ``day`` with no address elsewhere that day: a death, a 転出 abroad, or a 転出 to
    one of ``codes`` whose 転入通知 names a day 1 to 20 days later (the persons of the laws that end a 資格 on the day
    after the address ends, 介護保険法 第11条第1項 and 高齢者医療確保法 第53条第1項, against their ただし書's
    move-day persons)."""
    kind = draw(st.sampled_from(("died", "abroad", "gap")))
    if kind == "died":
        return replace(scenario, died=day)
    if kind == "abroad":
        return replace(scenario, planned_out=day)
    return replace(scenario, planned_out=day, elsewhere=day + timedelta(days=draw(st.integers(1, 20))),
                   next=draw(st.sampled_from(codes)))


def _anchors(fiscal_year: int) -> tuple[date, ...]:
    """The boundary days of a 年度: 1月1日/2日 (賦課期日), 4月1日, 3月31日, and month ends."""
    return (date(fiscal_year, 1, 1), date(fiscal_year, 1, 2), date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31),
            date(fiscal_year, 6, 30), date(fiscal_year, 9, 30), date(fiscal_year, 12, 31), date(2018, 4, 1))


@st.composite
def moves(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An adult who moved into the town and maybe out (個人住民税, 国保, 除票)."""
    fiscal_year = draw(st.integers(2016, 2024))
    anchors = _anchors(fiscal_year)
    moved_in = draw(_near(draw(st.sampled_from(anchors)), 400))
    previous = draw(st.sampled_from((None, *codes)))
    start = Scenario(fiscal_year, date(1970, 5, 5), moved_in, previous=previous)
    return draw(_ending(start, draw(st.sampled_from(anchors)), draw(st.sampled_from(codes))))


@st.composite
def elders(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person around 65 (介護) or 75 (後期高齢者医療), resident long or moving in near the birthday."""
    birth = draw(_birth(1935, 1962))
    age = draw(st.sampled_from((65, 75)))
    birthday = date(birth.year + age, birth.month, min(birth.day, 28))
    moved_in = draw(st.one_of(st.just(date(birth.year + 30, 4, 1)), _near(birthday, 120)))
    fiscal_year = draw(st.sampled_from((birthday.year - 1, birthday.year)))
    start = Scenario(fiscal_year, birth, moved_in, previous=draw(st.sampled_from(codes)))
    return draw(_ending(start, draw(_near(birthday, 60)), codes[0]))


@st.composite
def families(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A claimant of 児童手当 with 1-4 children, claiming near a birth or a move (15日特例)."""
    claim = draw(st.dates(date(2024, 9, 1), date(2026, 2, 28)))
    lag = draw(st.one_of(st.sampled_from((14, 15, 16)), st.integers(0, 40)))
    youngest = claim - timedelta(days=lag)
    # Distinct days: the order of twins is the vendor's (児童手当法 names none among children born the same day;
    # the reference takes the 宛名番号), not the scenario's: an oracle counting them in the scenario's order
    # failed a vendor's allowed order (third_child_adults, on triplets, in a whole run).
    older = draw(st.lists(_birth(2006, 2024).filter(lambda day: day != youngest), min_size=0, max_size=3,
                          unique=True))
    children = tuple(sorted(child for child in (youngest, *older) if child <= claim))
    moved = claim - timedelta(days=draw(st.sampled_from((14, 15, 16, 30)))) if draw(st.booleans()) else None
    moved_in = min(claim, moved + timedelta(days=draw(st.integers(0, 3)))) if moved is not None else date(2005, 4, 1)
    fiscal_year = max(2024, claim.year if claim.month >= 4 else claim.year - 1)
    return Scenario(fiscal_year, date(1985, 6, 6), moved_in, previous=codes[1] if moved else None, claim=claim,
                    previous_planned_out=moved, children=children)


@st.composite
def protections(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person under 支援措置 from a boundary day, maybe moved out afterwards, asked about on ``as_of``."""
    start = draw(st.one_of(_birth(2018, 2024), st.dates(date(2018, 1, 1), date(2024, 12, 31))))
    moved_in = start - timedelta(days=draw(st.integers(0, 900)))
    scenario = Scenario(start.year, date(1988, 8, 8), moved_in, support_start=start)
    if draw(st.booleans()):
        out = start + timedelta(days=draw(st.integers(0, 300)))
        scenario = replace(scenario, planned_out=out, elsewhere=draw(st.sampled_from((None, out))), next=codes[0])
    as_of = draw(st.one_of(_near(scenario.moved_out or start, 5), st.dates(start - timedelta(days=10),
                                                                          start + timedelta(days=420))))
    return scenario.asked_on(as_of)


# -- the vendor -----------------------------------------------------------------------------------


def _number(serials: Iterator[int]) -> str:
    """The next 10-digit number with an M11W2-7 check digit (serials with remainder 1 are skipped)."""
    for serial in serials:
        digit = m11w2_7_check_digit(f"{serial:09d}")
        if digit is not None:
            return f"{serial:09d}{digit}"
    raise AssertionError("unreachable: the serials are endless")


@dataclass(frozen=True)
class Loaded:
    """A scenario in the vendor: the claimant's 宛名番号 and each child's (and the day asked about)."""

    atena: str
    children: tuple[str, ...]
    as_of: date | None = None


def load(client: HttpClient, scenario: Scenario, town: str, path: str = APPEND_PATH,
         records_path: str | None = RECORDS_PATH) -> Loaded:
    """Append the scenario's persons to the vendor (the profile's ``targets.load.append_path``) and
    send the claimant's records of other 業務 (``targets.load.records_path``)."""
    return load_many(client, [scenario], town, path, records_path)[0]


#: Rows per append request when scenarios are loaded together (a vendor's request size stays modest).
_ROWS_PER_APPEND = 250


def load_many(client: HttpClient, scenarios: list[Scenario], town: str, path: str = APPEND_PATH,
              records_path: str | None = RECORDS_PATH) -> list[Loaded]:
    """Append the persons of several scenarios, in as few requests as the row limit allows, then send
    each claimant's records of other 業務.

    Each scenario has its own 世帯 and 宛名番号, so loading them together changes no answer; it saves a
    request (and the vendor's re-reading of its records) per scenario."""
    loaded: list[Loaded] = []
    rows: list[dict[str, str]] = []
    for scenario in scenarios:
        atena, setai = _number(_ATENA_SERIALS), _number(_SETAI_SERIALS)
        children = tuple(_number(_ATENA_SERIALS) for _ in scenario.children)
        rows += person_rows(scenario, town, atena, setai)
        rows += [{**_child_row(town, number, setai, birth, scenario.moved_in), **dict(scenario.child_columns)}
                 for number, birth in zip(children, scenario.children, strict=True)]
        loaded.append(Loaded(atena, children, scenario.as_of))
    for start in range(0, len(rows), _ROWS_PER_APPEND):
        response = client.request("post", path, data=_csv(rows[start:start + _ROWS_PER_APPEND]),
                                  content_type="text/csv; charset=utf-8")
        if response.status not in (200, 201, 204):
            raise TargetError(response.refused(f"appending scenario residents: POST {path}"))
    for scenario, one in zip(scenarios, loaded, strict=True):
        _send_records(client, scenario, one.atena, records_path, town)
    return loaded


def _send_records(client: HttpClient, scenario: Scenario, atena: str, path: str | None, town: str) -> None:
    """One ``{"宛名番号", "業務", "記録"}`` per 業務 of the scenario's records (a value ``TOWN_MARK`` sent as
    the town's code: the scenarios are drawn before the town is known, e.g. a vehicle's 定置場 here)."""
    domains = dict.fromkeys(domain for domain, _, _ in scenario.records)
    if domains and path is None:
        raise TargetError("the profile names no targets.load.records_path: the scenario's records cannot be sent")
    for domain in domains:
        items = {item: town if value == TOWN_MARK else value for name, item, value in scenario.records
                 if name == domain}
        response = client.request("post", path or "", json={"宛名番号": atena, "業務": domain, "記録": items})
        if response.status not in (200, 201, 204):
            raise TargetError(response.refused(f"sending a record of {domain}: POST {path}"))


def query(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The vendor's per-person answer for the scenario's 年度 (and ``as_of`` day)."""
    return ask_person(client, loaded.atena, scenario.fiscal_year, scenario.as_of)


def ask_person(client: HttpClient, atena: str, fiscal_year: int, as_of: date | None = None) -> dict[str, Any]:
    """The vendor's per-person answer of ``atena`` for ``fiscal_year`` (and on ``as_of``): a JSON object, else
    :class:`TargetError`."""
    params = {"fiscal_year": str(fiscal_year)}
    if as_of is not None:
        params["as_of"] = as_of.isoformat()
    return json_object(client.request("get", QUERY_PATH.format(atena=atena), params=params), f"GET {QUERY_PATH}")


def json_object(response: HttpResponse, asked: str) -> dict[str, Any]:
    """The answer to ``asked`` (``GET /path``, ``POST /path``): a JSON object with status 200, else a
    :class:`TargetError` naming the request (the rule cannot be judged on it)."""
    if response.status != 200:
        raise TargetError(f"{asked}: expected 200, got {response.status}")
    document = response.json()
    if not isinstance(document, dict):
        raise TargetError(f"{asked}: the answer is not a JSON object")
    return document


# -- rules ----------------------------------------------------------------------------------------

Projection = dict[str, Any]


@dataclass(frozen=True)
class Rule:
    """One rule: its scenarios, the oracle's answer and the vendor's, projected to the same shape."""

    name: str
    title: str
    scenarios: Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]
    expected: Callable[[Scenario, str], Projection]
    actual: Callable[[Mapping[str, Any], Loaded], Projection]
    examples: tuple[Scenario, ...] = ()
    #: Whether its scenarios carry records of other 業務 (a vendor without ``targets.load.records_path``
    #: cannot be given them: NOT_AUTOMATED).
    needs_records: bool = False
    #: What the harness tells the vendor after appending the persons and before asking, where the rule's
    #: domain needs more than the 住民記録 rows (the 戸籍 of 戸籍の附票: conformance/domains/koseki_fuhyo/checks.py).
    prepare: Callable[[HttpClient, Scenario, Loaded], None] | None = None
    #: How the vendor is asked instead of the per-person query (:func:`query`): a form rule issues the form and
    #: answers what was printed (conformance/domains/koseki_fuhyo/forms.py); ``asked`` is what its findings name.
    ask: Callable[[HttpClient, Loaded, Scenario], dict[str, Any]] | None = None
    asked: str | None = None
    #: The statute form a form rule asks for (conformance/catalog/statute_forms.py): a vendor whose profile does
    #: not name it in ``targets.forms.statute`` leaves the rule NOT_AUTOMATED (docs/forms.md).
    form: str | None = None
    #: Where the answer turns on what the municipality's 条例 sets (a rate the law leaves to it), the rule as the
    #: profile's ``ordinance`` declares it (the rule itself is the law's 標準税率: what a run without one judges).
    ordained: Callable[[Ordinance], Rule] | None = None
    #: The statute domain whose published per-person answer every answer the rule is given is held to, whole
    #: (issue 66; :func:`read_answer`): set by ``Statute.rule``; None for 住民記録's rules and a print (``ask``).
    contract: str | None = None


def _part(document: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = document.get(key)
    return value if isinstance(value, Mapping) else {}


def _months(months: tuple[Month, ...]) -> list[str]:
    return [f"{year:04d}-{month:02d}" for year, month in months]


def _listed_months(part: Mapping[str, Any]) -> list[str]:
    """The answer's 賦課月 as months, in any order (no text orders them: issue 65); the oracles list them oldest
    first, which is the order of their ISO text."""
    return sorted((str(entry.get("月")) for entry in part.get("賦課月") or [] if isinstance(entry, Mapping)),
                  key=_order_key)


def in_any_order(value: Any) -> Any:
    """A list whose order the text does not set, as it is compared: sorted by each item's JSON text, duplicates
    kept (a missing, extra or repeated item still differs); any other value (a wrong type, null) as it is.

    Issue 65: a vendor answering the same items in another order gives the same answer. Both sides go through it:
    the oracle's list and the vendor's (whose items may be of any JSON type, hence the text as the key)."""
    if not isinstance(value, list):
        return value
    return sorted(value, key=_order_key)


def _order_key(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def picked_in_any_order(key: str, *names: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """:func:`picked`, each list read :func:`in_any_order` (a field the text lists without an order)."""
    pick = picked(key, *names)

    def unordered(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return {name: in_any_order(value) for name, value in pick(document, loaded).items()}

    return unordered


def iso_or_none(value: date | None) -> str | None:
    """A date as the answers write it (ISO), None for none."""
    return value.isoformat() if value is not None else None


def picked(key: str, *names: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """What a rule reads of the vendor's answer: ``names`` of its part ``key`` (None where absent)."""
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        part = _part(document, key) if key else document
        return {name: _listed_months(part) if name == "賦課月" else part.get(name) for name in names}

    return pick


#: Born 1960-04-01: 65 is reached on 2025-03-31 (介護 第1号 資格 that day, the premium from 3月).
ELDER_APRIL_FIRST = Scenario(2024, date(1960, 4, 1), date(1990, 4, 1))


def read_answer(rule: Rule, answer: Mapping[str, Any], loaded: Loaded) -> Projection:
    """What ``rule`` compares of the vendor's ``answer``: its reading, or, where the answer leaves the published
    schema of the rule's domain in any key of its parts (read by the rule or not: issue 66), the breaches
    (:func:`~conformance.checks.answer_contract.outside_projections`: a finding ``driver.answer_contract``)."""
    found = query_breaches(rule.contract, answer) if rule.contract is not None and rule.ask is None else ()
    return outside_projections(found)[1] if found else rule.actual(answer, loaded)


# -- running a rule -------------------------------------------------------------------------------


def town_code(target: Target) -> str:
    """The vendor's municipality code, from the loaded test data (住所_市区町村コード)."""
    codes = target.need_data().town_codes
    if len(codes) != 1:
        raise TargetError("the test data names no single 住所_市区町村コード: the scenarios need the town's code")
    return next(iter(codes))


def other_codes(town: str) -> tuple[str, str]:
    """A municipality of the same prefecture and one of another (valid codes, never ``town``)."""
    same = next(code for first5 in (town[:2] + "100", town[:2] + "201", town[:2] + "202")
                if (code := first5 + str(lg_code_check_digit(first5))) != town)
    other = "131016" if town[:2] != "13" else "011002"
    return same, other


def run_rule(ctx: CheckContext, rule: Rule) -> Iterator[Finding]:
    """Generate, load, query and compare; report the shrunk counterexample, if any, and one scenario of each other
    way the answers differ (:func:`difference`), up to :data:`MAX_COUNTEREXAMPLES` findings in all.

    Two passes, for speed with the same verdict: the scenarios Hypothesis draws (the explicit examples
    and ``max_examples`` generated ones, with the run's seed) are loaded in one go and compared; only when
    one differs does the second pass run them one by one through Hypothesis, which loads each and
    shrinks the counterexample. A difference the second pass does not meet again (a vendor that
    answers one scenario both ways) is reported unshrunk. The other ways are reported as drawn, unshrunk:
    a vendor fixing the first learns the rest in the same run."""
    target = target_of(ctx)
    if rule.ordained is not None:
        rule = rule.ordained(target.ordinance)
    client, town = target.need_http(), town_code(target)
    if target.append_path is None:
        raise NotAutomated("the profile names no targets.load.append_path: generated residents cannot be added "
                           "(no per-person load is offered)")
    append_path = target.append_path
    if rule.needs_records and target.records_path is None:
        raise NotAutomated("the profile names no targets.load.records_path: the records of other 業務 this "
                           "rule turns on (生活保護, 障害認定, 認定請求) cannot be given to the vendor")
    records_path = target.records_path
    if rule.form is not None and not target.offers_statute_form(rule.form):
        raise NotAutomated(f"the profile's targets.forms.statute does not name {rule.form}: the vendor's form "
                           "interface is not said to issue it, so the print cannot be asked for (docs/forms.md)")
    codes = other_codes(town)
    drawn = _drawn(rule, codes, target, town)
    found = _mismatches(rule, drawn, _answers(rule, drawn, target, town, append_path, records_path), town)
    if not found:
        return
    first = found[0]

    def answers(scenario: Scenario) -> tuple[Projection, Projection]:
        expected = rule.expected(scenario, town)
        loaded = load(client, scenario, town, append_path, records_path)
        if rule.prepare is not None:
            rule.prepare(client, scenario, loaded)
        return expected, read_answer(rule, (rule.ask or query)(client, loaded, scenario), loaded)

    # Without shrinking (--shrink off) the first mismatch of the drawn scenarios is the finding as it is.
    shrunk = shrunk_mismatch(built(rule.scenarios, codes), rule.examples, target, answers) if target.shrink else None
    mismatch = shrunk or first
    for index, each in enumerate([mismatch, *other_ways(mismatch, found)]):
        scenario: Scenario = each.value
        location = rule.asked or f"GET {QUERY_PATH} fiscal_year={scenario.fiscal_year}"
        if rule.contract is not None and OUTSIDE in each.actual:
            yield outside_finding(ctx, rule.title, rule.contract, scenario.compact(), location, each.actual[OUTSIDE],
                                  target)
            continue
        yield mismatch_finding(ctx, rule.name, rule.title, scenario.compact(), location, each, target,
                               drawn=index > 0)


#: How many counterexamples a scenario rule reports at most: the first (shrunk) and one of each other way the
#: answers differ (:func:`difference`), so that a vendor wrong in many ways gets a readable list.
MAX_COUNTEREXAMPLES = 5


def difference(expected: Any, actual: Any) -> tuple[str, ...]:
    """How two answers differ, as a key: each field that differs with how (a value missing, one not expected, the
    answer earlier or later than the oracle's, or other); a whole answer's ``value`` when they are not mappings.
    Two counterexamples with one key are one way of differing (reported once); two keys are two findings."""
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        names = sorted(set(expected) | set(actual), key=str)
        return tuple(f"{name}:{_how(expected.get(name), actual.get(name))}" for name in names
                     if expected.get(name) != actual.get(name))
    return (f"value:{_how(expected, actual)}",)


def _how(expected: Any, actual: Any) -> str:
    if actual is None:
        return "missing"
    if expected is None:
        return "not expected"
    numbers = all(isinstance(value, int | float) and not isinstance(value, bool) for value in (expected, actual))
    days = all(isinstance(value, str) and _ISO_DAY.fullmatch(value) for value in (expected, actual))
    if numbers or days:
        return "earlier" if actual < expected else "later"  # amounts, and days or months as ISO text
    return "other"


#: A day or a month as ISO text (``2025-04-01``, ``2025-04``): compared as text, they compare as days.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")


def other_ways(first: Mismatch, found: Sequence[Mismatch]) -> list[Mismatch]:
    """The first of ``found`` for each way of differing other than ``first``'s, in drawn order, bounded."""
    seen = {difference(first.expected, first.actual)}
    others: list[Mismatch] = []
    for mismatch in found:
        key = difference(mismatch.expected, mismatch.actual)
        if key not in seen and len(others) < MAX_COUNTEREXAMPLES - 1:
            seen.add(key)
            others.append(mismatch)
    return others


#: A scenario check's drawn value (a Scenario, or a domain's own, e.g. 子ども・子育て支援's Application).
T = TypeVar("T")


def _hypothesis(rule: Rule, codes: tuple[str, str], target: Target, function: Callable[[Scenario], None], *,
                shrink: bool) -> Callable[[], None]:
    """``function`` as a Hypothesis test over the rule's scenarios, with the run's seed and examples."""
    return seeded_test(built(rule.scenarios, codes), rule.examples, target, function, shrink=shrink)


@functools.cache
def built(factory: Callable[..., st.SearchStrategy[T]], *args: Hashable) -> st.SearchStrategy[T]:
    """``factory(*args)``, made once per process. A strategy is immutable and reusable; a new one per
    check run cost Hypothesis its validation and its labels again (about a third of drawing)."""
    return factory(*args)


def seeded_test(strategy: st.SearchStrategy[T], examples: Sequence[T], target: Target,
                function: Callable[[T], None], *, shrink: bool = True) -> Callable[[], None]:
    """``function`` as a Hypothesis test of a scenario check: the explicit ``examples`` first, then the
    profile's ``max_examples`` drawn with the run's seed, no example database, quiet, no health checks."""
    reproducible()  # the draws a function of the seed alone, whatever the process imported (conformance/draws.py)
    test = given(strategy)(function)
    for value in examples:
        test = example(value)(test)
    phases = (Phase.explicit, Phase.generate, Phase.shrink) if shrink and target.shrink else \
        (Phase.explicit, Phase.generate)
    wrapped: Callable[[], None] = settings(
        max_examples=target.max_examples, deadline=None, database=None, derandomize=False, phases=phases,
        verbosity=Verbosity.quiet, suppress_health_check=list(HealthCheck), print_blob=False,
    )(seed(target.seed)(test))
    return wrapped


@dataclass
class Mismatch(Exception):
    """A drawn value (a scenario, a 届出, an application) on which the vendor and the oracle differ."""

    value: Any
    expected: Any
    actual: Any


def shrunk_mismatch(strategy: st.SearchStrategy[T], examples: Sequence[T], target: Target,
                    answers: Callable[[T], tuple[Any, Any]]) -> Mismatch | None:
    """The values of ``strategy`` (the explicit ``examples`` first) through Hypothesis with the run's seed,
    ``answers`` giving each one's (expected, actual); the shrunk value on which they differ, or None.

    A vendor that answers one value both ways (Hypothesis: Flaky) still differed: the last difference
    met is the one reported. A vendor that refused a request only sometimes (Hypothesis: Flaky again, whose text
    dumps the internal values) is the first refusal's clean :class:`TargetError` (an outside 戸籍 product's ERRORs
    came out as that dump)."""
    seen: list[Mismatch] = []
    refused: list[TargetError] = []

    def compare(value: T) -> None:
        try:
            expected, actual = answers(value)
        except TargetError as error:
            refused.append(error)
            raise
        if expected != actual:
            seen.append(Mismatch(value, expected, actual))
            raise seen[-1]

    try:
        seeded_test(strategy, examples, target, compare)()
    except (Mismatch, Flaky) as error:
        if seen:
            return seen[-1]
        if refused and not isinstance(error, Mismatch):
            raise refused[0] from None
        raise
    return None


def mismatch_finding(ctx: CheckContext, rule_name: str, title: str, shown: str, location: str,
                     mismatch: Mismatch, target: Target, *, drawn: bool = False) -> Finding:
    """The finding of a scenario rule's mismatch (shrunk unless the run said not to, or ``drawn``: another way the
    answers differ, as drawn): the value as ``shown``, with the seed to replay it."""
    how = "on another scenario, as drawn," if drawn else f"on the {'shrunk ' if target.shrink else ''}scenario"
    return ctx.finding(
        f"scenario.{rule_name}.mismatch",
        f"{title}: the vendor differs from the oracle {how} [{shown}] ({target.replay})",
        location=location,
        expected=json.dumps(mismatch.expected, ensure_ascii=False, sort_keys=True),
        actual=json.dumps(mismatch.actual, ensure_ascii=False, sort_keys=True),
    )


#: The scenarios each rule drew (see :func:`_drawn`), by rule, strategy, codes, town, seed and examples.
_DRAWN: dict[tuple[str, int, tuple[str, str], str, int, int], tuple[Scenario, ...]] = {}


def _drawn(rule: Rule, codes: tuple[str, str], target: Target, town: str) -> list[Scenario]:
    """The scenarios Hypothesis draws for the rule with the run's seed (nothing is sent); the oracle is
    asked inside Hypothesis, so a scenario its rule rejects (``assume``: a day the text leaves open) is
    not drawn.

    Drawn once per rule, seed and number of examples in the process: a rule bound to several requirements (a
    form's item, its 項 and the 項's 柱書) draws the same scenarios each time, and drawing is most of a check's own
    time once the vendor's answers are shared (:func:`_answers`). Nothing of the vendor is in it."""
    key = (rule.name, id(rule.scenarios), codes, town, target.seed, target.max_examples)
    cached = _DRAWN.get(key)
    if cached is not None:
        return list(cached)
    drawn: list[Scenario] = []

    def collect(scenario: Scenario) -> None:
        rule.expected(scenario, town)
        drawn.append(scenario)

    _hypothesis(rule, codes, target, collect, shrink=False)()
    _DRAWN[key] = tuple(drawn)
    return drawn


def _answers(rule: Rule, drawn: list[Scenario], target: Target, town: str, append_path: str,
             records_path: str | None) -> list[tuple[Loaded, dict[str, Any]]]:
    """Each drawn scenario loaded, prepared and asked: (its persons, the vendor's answer).

    Shared in the run by the rules that draw from the same strategy and prepare and ask alike (a domain's
    rules read parts of one answer, and the 戸籍の附票's form rules parts of one print): a scenario another
    such rule already loaded and asked is not loaded or asked again. The vendor's answer to the same
    question about the same persons is the same; a rule that differs is judged again, alone, by the
    shrinking pass (``run_rule``), which loads its own persons."""
    ask = rule.ask or query
    key = f"scenario-answers:{id(rule.scenarios)}:{_identity(rule.prepare)}:{_identity(ask)}"
    # Each answer under a key of its own in the target's cache (conformance/exchanges.py, LinkedCache): a rule that
    # reads another's answer is linked to the exchanges that loaded and asked it (issue 66 F6: a PASS whose answers
    # another requirement's rule had fetched listed no exchange). ``in`` links nothing; reading does.
    keys = {scenario: f"{key}:{scenario!r}" for scenario in dict.fromkeys(drawn)}
    missing = [scenario for scenario, name in keys.items() if name not in target.cache]
    client = target.need_http()
    for scenario, one in zip(missing, load_many(client, missing, town, append_path, records_path), strict=True):
        if rule.prepare is not None:
            rule.prepare(client, scenario, one)
        target.cache[keys[scenario]] = (one, ask(client, one, scenario))
    answers: list[tuple[Loaded, dict[str, Any]]] = [target.cache[keys[scenario]] for scenario in drawn]
    return answers


def _identity(function: Callable[..., Any] | None) -> str:
    """What makes two preparations or questions the same: the function, and a partial's arguments (a check
    binds its parameters anew each run, e.g. the 戸籍の附票's ``register`` with its path)."""
    if isinstance(function, functools.partial):
        return f"{id(function.func)}{function.args!r}{sorted(function.keywords.items())!r}"
    return str(id(function))


def _mismatches(rule: Rule, drawn: list[Scenario], answers: list[tuple[Loaded, dict[str, Any]]],
                town: str) -> list[Mismatch]:
    """Every drawn scenario on which the vendor's answer differs from the oracle's, in drawn order."""
    found = []
    for scenario, (one, answer) in zip(drawn, answers, strict=True):
        expected = rule.expected(scenario, town)
        actual = read_answer(rule, answer, one)
        if expected != actual:
            found.append(Mismatch(scenario, expected, actual))
    return found


def rule_check(rule: Rule) -> CheckFunction:
    """The check function of one rule (to be registered with ``check``)."""
    def run(ctx: CheckContext) -> Iterator[Finding]:
        return run_rule(ctx, rule)

    run.__doc__ = f"Scenario check of {rule.title} (vendor against :mod:`conformance.oracles`)."
    return run
