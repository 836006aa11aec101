"""The 戸籍の附票 in the one world (issue 46 item 3): a drawn person's 附票 compared after every step of the
cross-domain machine (:mod:`conformance.domains.world`) with what the 住民記録 model holds of them.

Texts: spec_sources/statutes/fuhyo (住民基本台帳法 第16条〜第20条, 第21条の2; 施行令 第18条〜第21条, 第34条).

- **who**: a drawn 日本人 with a calendar 生年月日 who is the first member of a 世帯 the machine makes
  (``household``), or the one person of a 転入 (``moves.in``), gets a 戸籍 of their own with its 本籍 in the town
  (the harness plays the 戸籍 side, as the 附票's own checks do: ``targets.load.koseki_path``), registered when the
  person is made (法 第16条第1項: the 附票 is the 本籍地's, made by 戸籍; 施行令 第18条第1項); a 出生's child in the
  世帯 of such a 世帯主 enters that 戸籍 (戸籍法 第18条), sent again with it (施行令 第18条第2項: its entry). Others (a
  spouse, a 同居人 joining, a 外国人住民) have none: the cost stays small.
- **when**: each time the machine asks the per-person query of such a person (the persons a step changed), on the
  step's 処理日: the answer's ``戸籍の附票`` (the 附票 as it stands that day) is read for the person's entry.
- **what** (:func:`expected_entry`): while the person lives in the town, the 住所 (its 市区町村コード) is the town's and
  the 住所を定めた年月日 is the 住民票's as the model adopted it (法 第17条第3号, 第4号: after a 転入 its 異動日, after
  a 転居 the 転居's: 施行令 第20条第1項's 修正 once it differs from the day the 附票 was made); after a 国外転出,
  from its 転出予定年月日, that the person is a 国外転出者 and the 転出の予定年月日 (第3号, 第4号); after a 国内転出 the
  person is no 国外転出者 (第3号 names only the 国外転出届), and once its 転入通知 has come the 住所 is the
  municipality it names and the 住所を定めた年月日 its 転入日 (施行令 第20条第1項); after a 死亡, once the harness
  as the 戸籍 side has removed the person from the 戸籍 (the 除籍 sent with the 戸籍 again), the entry is 消除
  (施行令 第19条第1項).

Readings (ours, docs/model.md "One world across domains"): the 附票's 住所を定めた年月日 is the 住民票's while the
person lives in the town (第17条第4号 names the same fact the 住民票 records); the 転入通知 (住民基本台帳法 第9条第1項)
is read as carrying 法 第19条第1項's 通知 of the new 住所地 (the harness sends one notice for both); until it comes,
whether the 附票 still shows the town's 住所 is open (the 修正 waits for the 通知) and not compared; a 国外転出 before
its 転出予定年月日 is open too (the 住民票 may stand until then: 1.1.5 R001); that a 死亡 removes the person from the
戸籍 is the 戸籍 side's (戸籍法's article on 除籍 is not among the texts we hold: the harness sends it as a 戸籍 would
be), and the 除籍's day is the 死亡's 異動日. A person the cross-domain machine does not judge (a return after a 転出
or 死亡, a 生年月日 不詳) is not judged here either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from conformance import clock
from conformance.checks.scenarios import QUERY_PATH, ask_person
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.transitions import NEXT_ADDRESS
from conformance.domains.koseki_fuhyo.checks import KEPT, PART, REMOVAL_DAY_ALLOWED
from conformance.domains.koseki_fuhyo.oracle import removal_day_allowed
from conformance.findings import shown_pair
from conformance.oracles.dates import fiscal_year_of
from conformance.targets.base import HttpClient

#: The requirements a field of the person's entry goes to: 法 第17条第1項第3号 (住所, 国外転出者), 第4号
#: (住所を定めた年月日), 施行令 第20条第1項 (the 修正: a 転居's or a 転入通知's), 施行令 第19条第1項 (消除),
#: 法 第16条第1項 (an entry at all; a 出生's child's: 施行令 第18条第2項).
#: The domain of this comparison: the machine compares it only where the profile claims it.
DOMAIN = "koseki_fuhyo"
ADDRESS = "koseki_fuhyo-2025.12-1.17.0.1.3-R001"
ADDRESS_DATE = "koseki_fuhyo-2025.12-1.17.0.1.4-R001"
CORRECTED = "koseki_fuhyo-2025.12-2.20.0.1.0-R001"
REMOVED = "koseki_fuhyo-2025.12-2.19.0.1.0-R001"
#: 法 第21条の2: the 除票 keeps what the entry recorded, with that it was 消除 and the day (消除した旨及びその年月日).
REMOVED_RECORD = "koseki_fuhyo-2025.12-1.21.2.1.0-R001"
MADE = "koseki_fuhyo-2025.12-1.16.0.1.0-R001"
JOINED = "koseki_fuhyo-2025.12-2.18.0.2.0-R001"
#: Every requirement this comparison may judge (bound to ``model.world.domains`` in the koseki_fuhyo edition).
REQUIREMENTS = (MADE, JOINED, ADDRESS, ADDRESS_DATE, CORRECTED, REMOVED, REMOVED_RECORD)
#: The 本籍 of a drawn person's 戸籍: the town's (静岡県見本町, fictional as its addresses are), a 地番 of its own
#: per person (the 宛名番号), so that no two 戸籍 replace each other nor the fixed examples' (本町一丁目).
HONSEKI = "静岡県見本町栄町{atena}番地"
#: Why the 附票 of the drawn persons is not compared (counted in ``WorldResult.skipped``).
NO_KOSEKI = ("no 戸籍 can be given to the vendor (targets.load.koseki_path): "
             "the drawn persons' 戸籍の附票 is not compared")
#: What makes a person who gets a 戸籍 of their own (a 世帯 the machine makes, a 転入 from another municipality or
#: from abroad), and a 出生 (the child enters the 世帯主's).
OWN_KOSEKI, BIRTHS = frozenset({"household", "moves.in"}), "births"
_MEMBER_ITEMS = ("宛名番号", "氏名", "氏名_フリガナ", "生年月日", "性別")
#: The items the 除票 of a dead person is judged to keep (as the 附票's own ``removed_record`` check judges them).
_KEPT_ITEMS = ("氏名", "出生の年月日", "男女の別")


@dataclass
class Koseki:
    """A drawn person's 戸籍 as given to the vendor: its body (the 筆頭者 and the children born after, shared by them),
    the 住所を定めた年月日 the person's entry was made with, and the 除籍年月日 sent (a 死亡)."""

    body: dict[str, Any]
    settled: str
    removed: str | None = None
    #: Entered after the 戸籍 was given (a 出生): a missing entry is 施行令 第18条第2項's.
    joined: bool = False


@dataclass
class Book:
    """The 戸籍 the harness gave the vendor in one example, by 宛名番号."""

    koseki: dict[str, Koseki] = field(default_factory=dict)


def eligible(world: World, atena: str) -> bool:
    """A 日本人 with a calendar 生年月日 the model holds as a 住民 (a 外国人住民 has no 戸籍)."""
    if atena not in world.persons:
        return False
    row = world.latest(atena)
    return row.get("住民種別") == "1" and row.get("住民状態") == r.CURRENT and \
        row.get("生年月日_不詳フラグ") != "1" and _day(row.get("生年月日")) is not None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


def give(book: Book, world: World, operation: str, persons: list[str], client: HttpClient, path: str | None,
         skipped: dict[str, int]) -> None:
    """The 戸籍 side after a step (``operation``, the persons it changed): a 戸籍 of their own for the eligible persons
    it made (``household``'s first member, a 転入's person: :func:`register`), a 出生's child entered in the 戸籍 of the
    世帯主 (:func:`join`), the 除籍 of a person who died (:func:`remove_dead`); what could not be given is counted in
    ``skipped`` with the reason."""
    new = [atena for atena in persons if len(world.persons.get(atena, ())) == 1 and eligible(world, atena)]
    reasons: list[str | None] = []
    if operation in OWN_KOSEKI:
        reasons += [NO_KOSEKI if path is None else register(book, world, atena, client, path) for atena in new]
    if path is not None:
        if operation == BIRTHS:
            reasons += [join(book, world, atena, client, path) for atena in new]
        reasons += [remove_dead(book, world, atena, client, path) for atena in persons]
    for reason in reasons:
        if reason is not None:
            skipped[reason] = skipped.get(reason, 0) + 1


def register(book: Book, world: World, atena: str, client: HttpClient, path: str) -> str | None:
    """Give the vendor the person's 戸籍 (本籍 in the town, the person its 筆頭者), as the 住民票 names them; None, or
    why it could not be given (the 附票 of the person is then not compared)."""
    row = world.latest(atena)
    body = {"本籍": HONSEKI.format(atena=atena), "筆頭者氏名": row.get("氏名", ""), "在籍者": [_member(row)]}
    error = _post(client, path, body)
    if error is None:
        book.koseki[atena] = Koseki(body, row.get("住所を定めた年月日", ""))
    return error


def _member(row: Mapping[str, str]) -> dict[str, Any]:
    return {name: row.get(name, "") for name in _MEMBER_ITEMS}


def join(book: Book, world: World, atena: str, client: HttpClient, path: str) -> str | None:
    """A 出生's child (the machine's: 続柄 子 of the 世帯主) enters the 戸籍 of the 世帯主 when the harness gave them
    one (戸籍法 第18条: a child enters its parents' or parent's 戸籍; that the 世帯主 is the parent is the machine's
    reading of 続柄 子), sent again with the child; its 附票 must then have the child's entry (施行令 第18条第2項)."""
    head = world.head(world.latest(atena).get("世帯番号", ""))
    koseki = book.koseki.get(head or "")
    if koseki is None or koseki.removed is not None:
        return None
    row = world.latest(atena)
    members = koseki.body["在籍者"]
    members.append(_member(row))
    error = _post(client, path, koseki.body)
    if error is not None:
        members.pop()
        return error
    book.koseki[atena] = Koseki(koseki.body, row.get("住所を定めた年月日", ""), joined=True)
    return None


def remove_dead(book: Book, world: World, atena: str, client: HttpClient, path: str) -> str | None:
    """After a 死亡 the harness, as the 戸籍 side, sends the 戸籍 again with the person 除籍 on the 死亡's 異動日."""
    koseki = book.koseki.get(atena)
    row = world.latest(atena)
    if koseki is None or koseki.removed is not None or row.get("住民状態") != r.DECEASED:
        return None
    died = row.get("異動日", "")
    if _day(died) is None:  # a 死亡 of no calendar day (1.1.8 R001 ただし): no 除籍年月日 to send, not compared
        return None
    member = next(member for member in koseki.body["在籍者"] if member["宛名番号"] == atena)
    member["除籍年月日"] = died  # the 戸籍 body is shared by its persons: the next 戸籍 sent keeps the 除籍
    error = _post(client, path, koseki.body)
    if error is None:
        koseki.removed = died
    else:
        del member["除籍年月日"]
    return error


def _post(client: HttpClient, path: str, body: Mapping[str, Any]) -> str | None:
    response = client.request("post", path, json=body)
    if response.status not in (200, 201, 204):
        return f"registering a drawn person's 戸籍: POST {path} answered {response.status} (the 附票 is not compared)"
    return None


#: A field of the entry: the value expected and the requirement whose rule gives it.
Expected = dict[str, tuple[Any, str]]


def expected_entry(world: World, atena: str, koseki: Koseki, day: date) -> Expected:
    """What the person's 附票 entry holds on ``day`` (the module's reading), each field with its requirement; a
    field the text leaves open is left out (all of them on and before a 国外転出's 転出予定年月日: the 附票 may record
    the 国外転出届 at once, 第4号 naming its 予定年月日, or the 住所 until that day, as the 住民票 may stand:
    1.1.5 R001)."""
    row = world.latest(atena)
    status = row.get("住民状態")
    if status == r.DECEASED:
        if koseki.removed is None:
            return {}
        return {"消除": (True, REMOVED), "消除年月日": (REMOVAL_DAY_ALLOWED, REMOVED_RECORD),
                **{name: (KEPT, REMOVED_RECORD) for name in _KEPT_ITEMS}}
    arrived, code = row.get("転出年月日（確定）"), row.get(NEXT_ADDRESS)
    if arrived and code:  # the 転入通知, read as 法 第19条第1項's 通知 too: the 修正 of 施行令 第20条第1項
        return {"住所_市区町村コード": (code, CORRECTED), "国外転出者": (False, ADDRESS),
                "住所を定めた年月日": (arrived, CORRECTED)}
    if row.get("異動事由区分") == "国外転出":
        planned = _day(row.get("転出予定年月日"))
        # The 附票 is answered as it stands (the contract's query part), so a 転出予定年月日 after the vendor's today
        # (a feed's drawn 異動 of a later year: conformance/domains/feed.py) leaves it open as on any earlier day.
        if planned is None or planned >= min(day, clock.today()):
            return {}
        return {"住所_市区町村コード": (None, ADDRESS), "国外転出者": (True, ADDRESS),
                "住所を定めた年月日": (planned.isoformat(), ADDRESS_DATE)}
    if status == r.CURRENT:
        return _in_town(row, koseki)
    # A 国内転出 awaiting its 転入通知 (or a 除票 of no known kind): no 国外転出者; the 住所 waits for the 通知 (open).
    return {"国外転出者": (False, ADDRESS)} if row.get("異動事由区分") == "国内転出" else {}


def _in_town(row: Mapping[str, str], koseki: Koseki) -> Expected:
    """The 住所 in the town and the 住民票's 住所を定めた年月日 (a 修正 once it differs from the 附票's first)."""
    settled = row.get("住所を定めた年月日", "")
    return {"住所_市区町村コード": (row.get("住所_市区町村コード") or None, ADDRESS), "国外転出者": (False, ADDRESS),
            "住所を定めた年月日": (settled, ADDRESS_DATE if settled == koseki.settled else CORRECTED)}


def entry_of(answer: Mapping[str, Any], atena: str) -> Mapping[str, Any] | None:
    """The person's entry in the answer's 戸籍の附票 (None: no 附票, or no entry of theirs)."""
    fuhyo = answer.get(PART)
    entries = fuhyo.get("記載") if isinstance(fuhyo, Mapping) else None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and entry.get("宛名番号") == atena:
            return entry
    return None


def follow_up(world: World, atena: str, today: date) -> date | None:
    """The day after a 国外転出's 転出予定年月日 not yet passed on ``today``: from then the person is a 国外転出者
    (asked once more on it: no later step need grow their history)."""
    row = world.latest(atena)
    planned = _day(row.get("転出予定年月日"))
    if row.get("異動事由区分") != "国外転出" or row.get("住民状態") == r.DECEASED or planned is None or \
            planned < today:
        return None
    return planned + timedelta(days=1)


def judge(book: Book, world: World, atena: str, answer: Mapping[str, Any], today: date, label: str,
          compared: set[str], client: HttpClient) -> Iterator[Breach]:
    """The person's 附票 entry in ``answer`` (asked on the 処理日 ``today``) against :func:`expected_entry`; for a
    国外転出 whose 転出予定年月日 has not passed, the entry asked again on the day after it."""
    if atena not in book.koseki:
        return
    yield from _judged(book.koseki[atena], world, atena, answer, today, label, compared)
    later = follow_up(world, atena, today)
    if later is not None:
        yield from _judged(book.koseki[atena], world, atena, _ask(client, atena, later), later, label, compared)


def _judged(koseki: Koseki, world: World, atena: str, answer: Mapping[str, Any], day: date, label: str,
            compared: set[str]) -> Iterator[Breach]:
    expected = expected_entry(world, atena, koseki, day)
    if not expected:
        return
    entry = entry_of(answer, atena)
    made = JOINED if koseki.joined else MADE
    compared.add(made)
    if entry is None:
        yield _breach(made, "記載", day, f"an entry of {label}", "none",
                      f"the 戸籍の附票 of {label}'s 戸籍 (本籍 in the town) has no entry of {label}")
        return
    for name, (value, requirement) in expected.items():
        compared.add(requirement)
        actual = _read(name, entry.get(name), koseki)
        if actual != value:
            yield _breach(requirement, name, day, *shown_pair(value, actual),
                          f"戸籍の附票: {name} of {label} on {day.isoformat()} differs from what the model of "
                          "住民記録 holds")


def _read(name: str, value: Any, koseki: Koseki) -> Any:
    """An answered value as :func:`expected_entry` words an allowed one where more than one is: a 消除年月日 from the
    除籍 to today (the vendor's clock, as the 附票's own checks bound it), an item the 除票 kept."""
    if name == "消除年月日":
        day, removed, today = _day(value) if isinstance(value, str) else None, _day(koseki.removed), clock.today()
        # A 除籍 dated after the vendor's today (a feed's 死亡 of a later year) is 消除 on its receipt: any day from
        # the vendor's today to the 除籍's is allowed then (ours: the 消除's day is the day it was made).
        allowed = removed is not None and removal_day_allowed(day, min(removed, today), max(removed, today))
        return REMOVAL_DAY_ALLOWED if allowed else value
    if name in _KEPT_ITEMS:
        return KEPT if value else value
    return value


def _ask(client: HttpClient, atena: str, day: date) -> Mapping[str, Any]:
    """The per-person answer on ``day`` (its 年度), as the cross-domain machine asks it."""
    return ask_person(client, atena, fiscal_year_of(day), day)


def _breach(requirement: str, name: str, day: date, expected: str, actual: str, message: str) -> Breach:
    return Breach(requirement, "world.fuhyo_mismatch", message, f"{QUERY_PATH}#/{PART}/{name}@{day.isoformat()}",
                  expected, actual)
