"""戸籍's scenario checks through the driver (docs/driver.md): the families and cases a check draws, what the
harness sends (``koseki.hensei``, ``koseki.todoke``, ``koseki.seikyu``), and how a rule is run and judged (a rule
of the domain's own shape: docs/architecture.md, "A statute rule, the one way"). The rules themselves are ``checks``
(registered by ``statute_rules.own_rule_checks``); the persons drawn and the worked examples, ``cases``."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.answer_contract import OUTSIDE, outside_projections
from conformance.checks.driver_answers import answer_breaches, contract_finding, driver_operation
from conformance.checks.registry import CheckContext, target_of
from conformance.checks.scenarios import (
    Projection,
    built,
    mismatch_finding,
    other_codes,
    shrunk_mismatch,
    town_code,
)
from conformance.checks.statute_rules import driver_base_path, posted_object
from conformance.errors import TargetError, UnreachableError
from conformance.exchanges import Reference, watching
from conformance.findings import Finding
from conformance.targets.base import HttpClient

#: The driver operations (spec_catalog/koseki/2025.12/driver.yaml) and their paths below the base path.
OPERATIONS = {"koseki.hensei": "/koseki/hensei", "koseki.todoke": "/koseki/todoke", "koseki.seikyu": "/koseki/seikyu"}
#: Serials of the 本籍 the harness registers (each example's 戸籍 are new ones).
_HONSEKI_SERIALS = itertools.count(1)
_SURNAMES = (("見本", "ミホン"), ("試験", "シケン"), ("検証", "ケンショウ"), ("模擬", "モギ"))
_GIVEN = (
    ("一郎", "イチロウ", "1"),
    ("花子", "ハナコ", "2"),
    ("次郎", "ジロウ", "1"),
    ("和子", "カズコ", "2"),
    ("三郎", "サブロウ", "1"),
    ("桜", "サクラ", "2"),
)
#: A label of the new 戸籍 a 婚姻 makes (the 新本籍), next to the indices of the registered families.
NEW = "新戸籍"
_KANA = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん"
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
_PLAIN_REFUSED = "ABCXYZabcxyz0123456789０１２ＡＢＣｘ!?@#＃★♪・。、"
_HENTAIGANA = (0x1B002, 0x1B11E)


@dataclass(frozen=True)
class Family:
    """A 戸籍 as it stands: its 氏 (an index of the pool), the 市区町村 of its 本籍 (0: the town, 1 and 2: others)
    and its entries in order (the first is the 筆頭者), each an index of the given names and a birth day."""

    surname: int
    place: int
    members: tuple[tuple[int, date], ...]


@dataclass(frozen=True)
class Case:
    """One 届出 (``kind`` 出生, 死亡, 婚姻) or request (請求) on registered ``families``.

    ``persons`` are (family, entry) indices or None for a 外国人: 出生 (父, 母), 死亡 (本人,), 婚姻 (夫, 妻), 請求
    (the 戸籍's 筆頭者,). ``day`` is the birth, the death or the 婚姻's 届出年月日; ``known`` the day the death
    was known; ``takes`` the 氏 taken (出生: 父母, 父, 母; 婚姻: 夫, 妻); ``place`` and ``location`` the 届出地 and
    the 届出人所在地 of a 死亡届 (0-2 as ``Family.place``); ``registered`` False leaves the families unsent (a
    本籍 elsewhere: the vendor does not hold that 戸籍); ``child_sex`` the 届書's 男女の別 of a 出生's child ("1" 男,
    "2" 女)."""

    kind: str
    families: tuple[Family, ...]
    persons: tuple[tuple[int, int] | None, ...]
    day: date
    known: date | None = None
    abroad: bool = False
    takes: str = ""
    child_name: str = "はな"
    child_reading: str = ""
    child_sex: str = "2"
    place: int = 0
    location: int = 0
    relation: str = ""
    registered: bool = True

    def compact(self) -> str:
        values = {key: value for key, value in self.__dict__.items() if value not in (None, (), False, "")}
        return ", ".join(f"{key}={_text(value)}" for key, value in values.items())


def _text(value: Any) -> str:
    if isinstance(value, Family):
        members = " ".join(f"{_GIVEN[g][0]}:{born.isoformat()}" for g, born in value.members)
        return f"{_SURNAMES[value.surname][0]}@{value.place}[{members}]"
    if isinstance(value, tuple):
        return "[" + " ".join(_text(item) for item in value) + "]"
    return value.isoformat() if isinstance(value, date) else str(value)


# -- what the harness sends -----------------------------------------------------------------------


@dataclass
class Sent:
    """The 戸籍 registered for one case: their 表示 (本籍, 筆頭者氏名) by family index, and the 新本籍."""

    codes: tuple[str, str, str]
    displays: list[tuple[str, str]] = field(default_factory=list)
    new_honseki: str = ""
    #: The answers of koseki.hensei (each 戸籍 registered), held to its published schema like the 届出's (issue 66).
    registered: list[Mapping[str, Any]] = field(default_factory=list)

    def label(self, value: Any) -> Any:
        """A 戸籍 reference of the vendor's answer as the family index, :data:`NEW` or as it came."""
        if not isinstance(value, Mapping):
            return value
        shown = (value.get("本籍"), value.get("筆頭者氏名"))
        if shown in self.displays:
            return self.displays.index(shown)
        return NEW if shown[0] == self.new_honseki and self.new_honseki else json.dumps(value, ensure_ascii=False)


def _name(family: Family, entry: int) -> str:
    return f"{_SURNAMES[family.surname][0]}\u3000{_GIVEN[family.members[entry][0]][0]}"


def _member(family: Family, entry: int) -> dict[str, str]:
    given, born = family.members[entry]
    return {
        "氏名": _name(family, entry),
        "氏名_フリガナ": f"{_SURNAMES[family.surname][1]}\u3000{_GIVEN[given][1]}",
        "生年月日": born.isoformat(),
        "性別": _GIVEN[given][2],
    }


#: The reading of every drawn child's 名 (the 届書's 名の振り仮名).
CHILD_READING = "ハナ"


def _child_furigana(case: Case) -> str:
    """The 届書's 氏名の振り仮名 of the child: the reading of the 氏 of the 戸籍 it enters and :data:`CHILD_READING`."""
    return f"{_SURNAMES[case.families[0].surname][1]}\u3000{case.child_reading or CHILD_READING}"


def _honseki() -> str:
    return f"見本町本町{next(_HONSEKI_SERIALS)}番地"


def _ref(case: Case, sent: Sent, index: int) -> dict[str, Any] | None:
    person = case.persons[index]
    if person is None:
        return {"外国人": True, "氏名": "SMITH\u3000JOHN"}
    family_index, entry = person
    family = case.families[family_index]
    ref: dict[str, Any] = {"氏名": _name(family, entry), "本籍_市区町村コード": sent.codes[family.place]}
    if case.registered:
        ref.update({"本籍": sent.displays[family_index][0], "筆頭者氏名": sent.displays[family_index][1]})
    return ref


def send(client: HttpClient, base_path: str, case: Case, codes: tuple[str, str, str]) -> tuple[Mapping[str, Any], Sent]:
    """Register the case's 戸籍 and file its 届出 (or make its request); the answer and what was sent."""
    base = base_path.rstrip("/")
    sent = Sent(codes)
    for family in case.families:
        honseki = _honseki()
        sent.displays.append((honseki, _name(family, 0)))
        if case.registered:
            sent.registered.append(posted_object(
                client,
                base + OPERATIONS["koseki.hensei"],
                {
                    "本籍": honseki,
                    "本籍_市区町村コード": codes[family.place],
                    "筆頭者氏名": _name(family, 0),
                    "在籍者": [_member(family, entry) for entry in range(len(family.members))],
                },
            ))
    if case.kind == "養子縁組":
        return posted_object(client, base + OPERATIONS["koseki.todoke"], {
            "届出種別": "養子縁組", "届出年月日": case.day.isoformat(), "養親": _ref(case, sent, 0),
            "養子": _ref(case, sent, 1)}), sent
    if case.kind == "裁判":
        assert case.known is not None
        return posted_object(client, base + OPERATIONS["koseki.todoke"], {
            "届出種別": "裁判", "届出年月日": max(case.day, case.known).isoformat(), "本人": _ref(case, sent, 0),
            "裁判確定日": case.day.isoformat(), "送達日": case.known.isoformat()}), sent
    if case.kind == "請求":
        honseki, head = sent.displays[0]
        return posted_object(
            client,
            base + OPERATIONS["koseki.seikyu"],
            {"本籍": honseki, "筆頭者氏名": head, "請求者の資格": case.relation},
        ), sent
    body: dict[str, Any] = {"届出種別": case.kind}
    if case.kind == "出生":
        body.update(
            {
                "届出年月日": (case.day + timedelta(days=3)).isoformat(),
                "出生年月日": case.day.isoformat(),
                "国外": case.abroad,
                "父": _ref(case, sent, 0) if case.persons[0] else None,
                "母": _ref(case, sent, 1),
                "子": {"名": case.child_name, "氏名_フリガナ": _child_furigana(case), "性別": case.child_sex,
                       "称する氏": case.takes},
            }
        )
    elif case.kind == "死亡":
        assert case.known is not None
        body.update(
            {
                "届出年月日": case.known.isoformat(),
                "死亡年月日": case.day.isoformat(),
                "知った年月日": case.known.isoformat(),
                "国外": case.abroad,
                "本人": _ref(case, sent, 0),
                "届出地": codes[case.place],
                "届出人所在地": codes[case.location],
            }
        )
    else:
        sent.new_honseki = _honseki()
        body.update(
            {
                "届出年月日": case.day.isoformat(),
                "夫": _ref(case, sent, 0),
                "妻": _ref(case, sent, 1),
                "新本籍": sent.new_honseki,
                "新本籍_市区町村コード": codes[0],
            }
        )
        if case.takes:
            body["称する氏"] = case.takes
    return posted_object(client, base + OPERATIONS["koseki.todoke"], body), sent


Actual = Callable[[Mapping[str, Any], Sent], Projection]


@dataclass(frozen=True)
class KosekiRule:
    """One rule: its cases, the oracle's answer and the vendor's, projected to the same shape."""

    name: str
    title: str
    cases: Callable[[], st.SearchStrategy[Case]]
    expected: Callable[[Case], Projection]
    actual: Actual
    examples: tuple[Case, ...] = ()


# -- running a rule -------------------------------------------------------------------------------


def _who(case: Case, codes: tuple[str, str, str], index: int) -> str:
    """A person of the case by role: a 外国人, or the entry of a registered 戸籍 (its index) with its 本籍's code."""
    person = case.persons[index]
    if person is None:
        return "a 外国人"
    family_index, entry = person
    role = "筆頭者" if entry == 0 else f"entry {entry + 1}"
    return f"the {role} of 戸籍 {family_index} (本籍 {codes[case.families[family_index].place]})"


def describe(case: Case, codes: tuple[str, str, str]) -> str:
    """The 届出 (or request) as filed, by kind, the persons' roles and the dates and places sent (no name, which
    the reports mask): what a vendor needs to find the request in its own log."""
    if case.kind == "出生":
        father = _who(case, codes, 0) if case.persons[0] is not None else "none"
        return (f"出生届: 父 {father}, 母 {_who(case, codes, 1)}, 子 (名 {len(case.child_name)} characters, 性別 "
                f"{case.child_sex}, 称する氏 {case.takes}), 出生年月日 {case.day}, 国外 {case.abroad}, 届出年月日 "
                f"{case.day + timedelta(days=3)}")
    if case.kind == "死亡":
        return (f"死亡届: 本人 {_who(case, codes, 0)}{'' if case.registered else ', its 戸籍 not registered'}, "
                f"死亡年月日 {case.day}, 知った年月日 {case.known}, 国外 {case.abroad}, 届出地 {codes[case.place]}, "
                f"届出人所在地 {codes[case.location]}")
    if case.kind == "婚姻":
        return (f"婚姻届: 夫 {_who(case, codes, 0)}, 妻 {_who(case, codes, 1)}, 称する氏 {case.takes or 'none'}, "
                f"届出年月日 {case.day}")
    if case.kind == "養子縁組":
        return f"養子縁組届: 養親 {_who(case, codes, 0)}, 養子 {_who(case, codes, 1)}, 届出年月日 {case.day}"
    if case.kind == "裁判":
        return f"裁判: 本人 {_who(case, codes, 0)}, 裁判確定日 {case.day}, 送達日 {case.known}"
    return f"請求: the 戸籍 {_who(case, codes, 0)}, 請求者の資格 {case.relation}"


def _failing_exchange(references: list[Reference]) -> str:
    """The recorded exchange of the request judged (the last one a case made: its 届出 or request), if recorded."""
    if not references:
        return ""
    last = references[-1]
    return f"; the request judged: exchange {last['id']} ({last['method']} {last['url']}, {last['status']})"


def run_rule(ctx: CheckContext, rule: KosekiRule) -> Iterator[Finding]:
    """Generate, register, file and compare; report the shrunk counterexample, if any, by its 届出 and the
    exchange of its request. A request the vendor does not answer (another status than 200) is one clean
    :class:`TargetError` naming the request, the status, the 届出 and the seed, however Hypothesis met it (a
    vendor refusing only sometimes makes Hypothesis's replay flaky)."""
    target = target_of(ctx)
    base_path = driver_base_path(target, "戸籍", OPERATIONS)
    client, town = target.need_http(), town_code(target)
    same, other = other_codes(town)
    codes = (town, same, other)
    exchanges: dict[Case, list[Reference]] = {}
    refused: list[tuple[Case, TargetError]] = []
    asked = {name: driver_operation(target.catalog, name) for name in OPERATIONS}
    hensei = asked["koseki.hensei"]

    def answers(case: Case) -> tuple[Projection, Projection]:
        try:
            with watching() as made:
                answer, sent = send(client, base_path, case, codes)
        except UnreachableError:
            raise
        except TargetError as error:
            refused.append((case, error))
            raise
        exchanges[case] = made
        found = [breach for operation, each in ((hensei, one) for one in sent.registered)
                 for breach in answer_breaches(operation, each)]
        found += answer_breaches(asked[_operation_of(case)], answer)
        if found:
            return outside_projections(found)
        return rule.expected(case), rule.actual(answer, sent)

    try:
        mismatch = shrunk_mismatch(built(rule.cases), rule.examples, target, answers)
    except UnreachableError:
        raise
    except Exception as error:
        if not refused:
            raise
        case, first = refused[0]
        raise TargetError(f"{first} on the {describe(case, codes)} ({target.replay})") from error
    if mismatch is None:
        return
    case = mismatch.value
    operation = _operation_of(case)
    shown = f"{describe(case, codes)}{_failing_exchange(exchanges.get(case, []))}"
    location = f"POST {base_path.rstrip('/')}{OPERATIONS[operation]} 届出種別={case.kind}"
    if OUTSIDE in mismatch.actual:
        yield contract_finding(ctx, rule.title, asked[operation], shown, location, mismatch.actual[OUTSIDE], target)
        return
    yield mismatch_finding(ctx, rule.name, rule.title, shown, location, mismatch, target)


def _operation_of(case: Case) -> str:
    """The operation a case's answer comes from: the 請求 of a 戸籍謄本, or a 届出."""
    return "koseki.seikyu" if case.kind == "請求" else "koseki.todoke"

