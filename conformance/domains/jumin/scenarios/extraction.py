"""住民記録 1.0 9.6 R001 無作為抽出, through the driver operation ``extract.random`` (ours, docs/driver.md).

``jumin.extract.random`` draws criteria from the loaded test town (the run's seed): a 性別, a range of
生年月日, a 地区 (住所_町字, our reading), 日本人・外国人の別, each given or not, and asks for half as many 住民
as the loaded data alone has matching (the vendor holds those and maybe more, so it has at least that
many). Each answer must name exactly that many distinct persons, each a current 住民 whose record, as the
driver's ``query.person`` shows it, meets every criterion. Which persons are drawn, and whether a repeated
request draws the same ones (a seeded draw a municipality can reproduce), is the vendor's: not judged.

One more asks, without the 日本人・外国人の別, for one 住民 born on the day a loaded 外国人住民 was born: a vendor that
draws 日本人 only when the 別 is not given answers none (a blind bug of issue 67).

One more asks for one 住民 born on a day a loaded 住民 was born, that day given as both ends of the 生年月日
range: a vendor reading an end of the range as exclusive has none to draw (a blind bug of issue 67 read
生年月日_終了 so; the drawn ranges, from a 1月1日 to a 12月31日, met their count without the persons on their ends).
A 転出予定者 whose 転出予定年月日 has come may be drawn or left out; one whose day is still to come is a 住民
(1.1.5 R001: the 住民票 is removed on that day, or on an earlier 転入日) and is drawn like any other
(:func:`_planned_out_drawn`).

Two more requests give one end of the 生年月日 range only (the protocol makes each end optional: "absent: no
lower bound", "no upper bound"): born on or after the latest calendar 生年月日 of the loaded 住民, and on or
before the earliest. Few match either, so a vendor that applies the range only when both ends are given draws
from the whole town and names someone outside it (a tool-generated mutant of the reference showed the drawn
requests, which always give both ends or neither, could not tell; docs/model.md).
Last, where the adapter registers persons (``fixtures.persons``), a 地区 of the run's own with one person of the
check's in it and one in a 町字 whose name holds it: only the first may be drawn (:func:`_whole_district`); and,
where it records a 転出届 (``moves.out``), one person of the check's own in another 町字 of the run's own, their
転出予定年月日 a month ahead, whom a request for that 地区 must draw (blind round of issue 67, 14: a vendor leaving out
every 転出予定者); and one person of the check's own born on a day 不詳 in another 町字 of the run's own, whom a request
for that 地区 without a 生年月日 criterion must draw (the third blind round of issue 67, 11: a vendor never drawing a
不詳 person).
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.scenarios.access_log import SETUP, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import needed_client
from conformance.targets.base import Target

EXTRACT, PERSON, MOVE_OUT = "extract.random", "query.person", "moves.out"
#: How far ahead the check's 転出予定者 leaves (:func:`_planned_out_drawn`): still to come on the vendor's day,
#: whatever time zone its day is kept in and however long the run lasts.
PLANNED_AHEAD = timedelta(days=30)
#: The check's 住民 born on a day 不詳 (:func:`_unknown_birth_drawn`): the 不詳表記 recorded and the date kept behind
#: it (1.1.8 R004, R005), as the driver protocol's fixtures.persons takes them.
UNKNOWN_BIRTH = {"生年月日": "1955-01-01", "生年月日_不詳フラグ": "1", "生年月日_不詳表記": "昭和30年頃"}
#: Kanji digits: the run's own 町字 of :func:`_whole_district` (見本 + six of them + 町), in no loaded town.
DIGITS = "〇一二三四五六七八九"
#: Requests per run: each costs one extraction and a query per person drawn.
REQUESTS = 4
#: The request's criterion -> the item of the 住民's record it selects on.
EQUAL = {"性別": "性別", "地区": "住所_町字", "住民種別": "住民種別"}
Row = Mapping[str, str]


@check("jumin.extract.random")
def random_extraction(ctx: CheckContext) -> Iterator[Finding]:
    """9.6 R001: 性別、生年月日、地区、抽出人数、日本人・外国人の別を指定して住民を無作為抽出することができること."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    client = _client(target)
    rows = [row for row in target.need_data().rows if row.get("住民状態") == "1"]
    if not rows:
        raise TargetError("the test data has no current 住民 to draw from")
    draws = random.Random(target.seed)
    where = f"POST {target.driver.base_path if target.driver else ''}/extractions/random"
    for criteria in (_criteria(draws, rows) for _ in range(REQUESTS)):
        finding = _judge(ctx, client, {**criteria, "人数": _half(rows, criteria)}, where)
        if finding is not None:
            yield finding
            return
    born_on = [row for row in rows if _calendar(row.get("生年月日", ""))]
    finding = _boundary_day(ctx, client, draws.choice(born_on), where) if born_on else None
    if finding is not None:
        yield finding
        return
    for criteria in _open_ranges(rows):
        finding = _judge(ctx, client, {**criteria, "人数": _half(rows, criteria)}, where)
        if finding is not None:
            yield finding
            return
    finding = _foreign_not_left_out(ctx, client, rows, where)
    if finding is not None:
        yield finding
        return
    finding = _whole_district(ctx, target, client, where)
    if finding is not None:
        yield finding
        return
    finding = _planned_out_drawn(ctx, target, client, where) or _unknown_birth_drawn(ctx, target, client, where)
    if finding is not None:
        yield finding


def matches(row: Row, criteria: Mapping[str, Any]) -> bool:
    """Whether a current 住民's record meets every criterion given (生年月日 compared as ISO text)."""
    if row.get("住民状態") != "1":
        return False
    if any(name in criteria and row.get(item) != criteria[name] for name, item in EQUAL.items()):
        return False
    born = row.get("生年月日", "")
    first, last = criteria.get("生年月日_開始"), criteria.get("生年月日_終了")
    return not ((first or last) and (not born or (first and born < first) or (last and born > last)))


def _criteria(draws: random.Random, rows: Sequence[Row]) -> dict[str, str]:
    """Criteria one loaded 住民 meets (so at least one matches), each criterion given or not."""
    model = draws.choice(rows)
    criteria = {name: model.get(item, "") for name, item in EQUAL.items() if draws.random() < 0.6 and model.get(item)}
    born = model.get("生年月日", "")
    if len(born) == 10 and draws.random() < 0.6:
        year = int(born[:4])
        criteria["生年月日_開始"] = f"{year - draws.randint(0, 30):04d}-01-01"
        criteria["生年月日_終了"] = f"{year + draws.randint(0, 30):04d}-12-31"
    return criteria


def _half(rows: Sequence[Row], criteria: Mapping[str, Any]) -> int:
    """Half as many as the loaded 住民 meeting ``criteria`` (at least one): the vendor holds that many or more."""
    return max(1, len([row for row in rows if matches(row, criteria)]) // 2)


def _boundary_day(ctx: CheckContext, client: DriverClient, chosen: Row, where: str) -> Finding | None:
    """A range of one day, 生年月日_開始 and 生年月日_終了 both the 生年月日 of a loaded 住民 (drawn with the run's
    seed): the persons born that day are the only candidates, each on both ends of the range, and one is asked for
    (one more could be a 転出予定者 a vendor leaves out). A vendor reading either end as exclusive has none to draw
    (a blind bug of issue 67 read 生年月日_終了 so; the check's other requests met their count from persons inside
    the range)."""
    left_out, finding = _left_out(ctx, client, chosen, where)
    if not left_out:
        return finding
    return ctx.finding("extract.count", f"asked for 1 住民 born on {chosen['生年月日']} (生年月日_開始 and "
                       "生年月日_終了 both that day), the answer has none: a day at an end of the range is left out",
                       location=f"{where}#生年月日", expected="1", actual="0")


def _left_out(ctx: CheckContext, client: DriverClient, chosen: Row, where: str) -> tuple[bool, Finding | None]:
    """Ask for one 住民 born on ``chosen``'s 生年月日 (both ends of the range that day): whether the answer is empty
    though ``query.person`` shows ``chosen`` now a current 住民 born that day and no 転出予定者 (another check may have
    moved them; a 転出予定者 a vendor may leave out: interpretation jumin-1.0-interp-random-extraction), and the
    finding of an answer with persons, judged as any other."""
    born = chosen["生年月日"]
    request = {"生年月日_開始": born, "生年月日_終了": born, "人数": 1}
    status, document = client.call(EXTRACT, request)
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or persons:
        return False, _judge(ctx, client, request, where)
    status, answer = _shown(client, chosen["宛名番号"])
    person = answer.get("person") if isinstance(answer, dict) else None
    return (status == 200 and isinstance(person, dict) and matches(person, request)
            and not planned_out(person, clock.today())), None


def _open_ranges(rows: Sequence[Row]) -> list[dict[str, str]]:
    """A range with its lower end only (the latest calendar 生年月日 loaded) and one with its upper end only
    (the earliest): each met by at least one loaded 住民, and by few."""
    days = sorted(born for row in rows if _calendar(born := row.get("生年月日", "")))
    return [{"生年月日_開始": days[-1]}, {"生年月日_終了": days[0]}] if days else []


def _calendar(text: str) -> bool:
    """Whether ``text`` is a calendar day as ISO text (a 不詳 day such as 1950-00-00 is not: how it compares
    with a bound is a reading the check leaves alone)."""
    try:
        return len(text) == 10 and date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _judge(ctx: CheckContext, client: DriverClient, request: Mapping[str, Any], where: str) -> Finding | None:
    """The first way the answer to ``request`` falls short, if any."""
    status, document = client.call(EXTRACT, request)
    persons = document.get("persons") if isinstance(document, dict) else None
    asked = ", ".join(f"{name}={value}" for name, value in request.items())
    if status != 200 or not isinstance(persons, list) or not all(isinstance(p, dict) for p in persons):
        return ctx.finding("extract.unreadable", f"the extraction ({asked}) was not answered with its persons",
                           location=where, expected="200 with persons", actual=str(status))
    numbers = [str(person.get("宛名番号", "")) for person in persons]
    if len(numbers) != request["人数"]:
        return ctx.finding("extract.count", f"asked for {request['人数']} 住民 ({asked}), the answer has "
                           f"{len(numbers)}", location=f"{where}#人数", expected=str(request["人数"]),
                           actual=str(len(numbers)))
    repeated = [number for number, times in Counter(numbers).items() if times > 1]
    if repeated:
        return ctx.finding("extract.duplicate", f"the extraction ({asked}) names a person twice",
                           location=f"{where}#宛名番号", expected="distinct persons", actual="a person twice")
    for number in numbers:
        status, answer = _shown(client, number)
        if _suppressed(status, answer, "E040"):
            continue  # a 照会 抑止 at エラー (3.1, set by another check): the record is not shown, not judged
        row = answer.get("person") if isinstance(answer, dict) else None
        if status != 200 or not isinstance(row, dict) or not matches(row, request):
            item = _unmet(row if isinstance(row, dict) else {}, request)
            return ctx.finding("extract.not_matching", f"a person drawn ({asked}) does not meet the criteria: "
                               f"{item}", location=f"{where}#{item}", expected="every criterion met",
                               actual="not met")
    return None


def _foreign_not_left_out(ctx: CheckContext, client: DriverClient, rows: Sequence[Row], where: str) -> Finding | None:
    """Without 日本人・外国人の別 both are drawn (9.6: 住民, and the 別 one of the criteria one may give): one 住民 born
    on the day of a loaded 外国人住民 is asked for. An empty answer is a finding only when that 外国人住民 is, as the
    driver's ``query.person`` shows them now, a current 住民 born that day (another check may have moved them); an
    answer with persons is judged as any other."""
    chosen = next((row for row in rows if row.get("住民種別") == "2" and _calendar(row.get("生年月日", ""))), None)
    if chosen is None:
        return None
    left_out, finding = _left_out(ctx, client, chosen, where)
    if not left_out:
        return finding
    return ctx.finding("extract.count", "asked for 1 住民 born on a day a 外国人住民 was born, without the "
                       "日本人・外国人の別, the answer has none: the 外国人住民 were left out",
                       location=f"{where}#住民種別", expected="1", actual="0")


def _whole_district(ctx: CheckContext, target: Target, client: DriverClient, where: str) -> Finding | None:
    """A 地区 is a whole 住所_町字 (our reading, the protocol's 「a 住所_町字」): of two persons of the check's own, one
    in a 町字 of the run's own and one in 「新」 followed by that 町字 (its name within the other's), a request for the
    first with 人数 2 draws only persons of that 町字 ("all that match when fewer do"); a vendor matching the 地区
    within a 町字 (LIKE '%地区%') draws the second too (blind round 5, 12: the loaded town's 町字 hold no other's
    name). Not asked where the adapter lacks ``fixtures.persons``."""
    driver = target.driver
    if driver is None or not driver.implements(SETUP):
        return None
    district = _own_district()
    register(client, {"住所_町字": district})
    register(client, {"住所_町字": "新" + district})
    request = {"地区": district, "人数": 2}
    status, document = client.call(EXTRACT, request)
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or not persons:
        return ctx.finding("extract.count", "asked for 2 住民 of a 地区 where one of the check's own lives, the answer "
                           "has none", location=f"{where}#地区", expected="1 or more", actual=str(status))
    for person in persons:
        status, answer = _shown(client, str(person.get("宛名番号", "") if isinstance(person, dict) else ""))
        row = answer.get("person") if isinstance(answer, dict) else None
        if status == 200 and isinstance(row, dict) and row.get("住所_町字") != district:
            return ctx.finding("extract.not_matching", "a person drawn for a 地区 lives in another 町字 whose name "
                               "holds the 地区's (地区 matched within a 町字, not as the whole 住所_町字)",
                               location=f"{where}#地区", expected="the 地区 given", actual="another 町字")
    return None


def _planned_out_drawn(ctx: CheckContext, target: Target, client: DriverClient, where: str) -> Finding | None:
    """A 転出予定者 whose 転出予定年月日 is still to come is a 住民 (1.1.5 R001: 転出による消除については、
    転出予定年月日又は転入通知に記載された転入日のいずれか早い日で消除すること; until then the 住民票 is the 原票), and
    9.6 draws 住民:
    a person of the check's own, alone in a 町字 of the run's own, is given a 転出届 leaving a month from today
    (``moves.out``), and one 住民 of that 地区 is asked for. Judged only where ``query.person`` then shows them a
    current 住民 (a vendor may record the 転出 at once, interpretation tenshutsu-status: then no 住民 is asked
    after); an answer with persons is judged as any other. Not asked where the adapter lacks ``fixtures.persons``
    or ``moves.out`` (blind round of issue 67, 14: a vendor leaving out every 転出予定者, whatever the day)."""
    driver = target.driver
    if driver is None or not driver.implements(SETUP) or not driver.implements(MOVE_OUT):
        return None
    district = _own_district()
    atena = register(client, {"住所_町字": district})
    today = clock.today()
    leaving = (today + PLANNED_AHEAD).isoformat()
    status, _ = client.call(MOVE_OUT, {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": leaving,
                                       "届出年月日": today.isoformat()})
    if status != 200:
        raise TargetError(f"driver {MOVE_OUT}: expected 200 for a 転出届 a month ahead, got {status}")
    # None: recorded 転出 at once (an allowed reading), no 住民 of the 地区 is left to draw.
    return _alone_drawn(ctx, client, (atena, district), where, (
        "転出予定年月日", f"whose one 住民 is a 転出予定者 leaving on {leaving} (after today), the answer has none: a "
        "住民 until that day is left out"))


def _unknown_birth_drawn(ctx: CheckContext, target: Target, client: DriverClient, where: str) -> Finding | None:
    """A 住民 whose 生年月日 is 不詳 (1.1.8 R004, R005: the 不詳表記 recorded, a date kept behind it) is a 住民, and a
    request with no 生年月日 criterion leaves no one out by their birth: a person of the check's own born 不詳, alone
    in a 町字 of the run's own, and one 住民 of that 地区 asked for, must be drawn. Judged only where ``query.person``
    shows them a current 住民 of that 地区; an answer with persons is judged as any other. Not asked where the adapter
    lacks ``fixtures.persons`` (the third blind round of issue 67, 11: a vendor never drawing a 不詳 person; the
    loaded town's are too few for the drawn requests, asking half of those matching, to need one)."""
    driver = target.driver
    if driver is None or not driver.implements(SETUP):
        return None
    district = _own_district()
    atena = register(client, {"住所_町字": district, **UNKNOWN_BIRTH})
    return _alone_drawn(ctx, client, (atena, district), where, (
        "生年月日_不詳フラグ", "whose one 住民 was born on a day 不詳, without a 生年月日 criterion, the answer has "
        "none: a 住民 born 不詳 is left out"))


def _alone_drawn(ctx: CheckContext, client: DriverClient, person: tuple[str, str], where: str,
                 missed: tuple[str, str]) -> Finding | None:
    """One 住民 asked for of the 地区 where the check's own ``person`` (宛名番号, 町字) alone lives: an answer with
    persons judged as any other; an empty one a finding (at ``missed``'s item, with its account) only where
    ``query.person`` shows that person a current 住民 of the 地区."""
    atena, district = person
    request = {"地区": district, "人数": 1}
    status, document = client.call(EXTRACT, request)
    persons = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(persons, list) or persons:
        return _judge(ctx, client, request, where)
    status, answer = _shown(client, atena)
    shown = answer.get("person") if isinstance(answer, dict) else None
    if status != 200 or not isinstance(shown, dict) or not matches(shown, request):
        return None
    item, account = missed
    return ctx.finding("extract.count", f"asked for 1 住民 of a 地区 {account}", location=f"{where}#{item}",
                       expected="1", actual="0")


def _own_district() -> str:
    """A 町字 of the run's own (見本 + six kanji digits + 町): in no loaded town, nor of another request's."""
    return "見本" + "".join(DIGITS[byte % 10] for byte in os.urandom(6)) + "町"


def planned_out(person: Row, today: date) -> bool:
    """Whether ``query.person`` shows a 転出予定者 whose 転出予定年月日 has come (on or before ``today``), the person
    still a 住民: 1.1.5 R001 removes the 住民票 on that day, so a vendor may draw them or leave them out, and an
    answer without them is not judged (jumin-1.0-interp-random-extraction). One whose day is still to come is a
    住民 like any other (a date that cannot be read is taken as come: not judged)."""
    text = str(person.get("転出予定年月日") or "").strip()
    if not text:
        return False
    try:
        return date.fromisoformat(text) <= today
    except ValueError:
        return True


def _shown(client: DriverClient, number: str) -> tuple[int, Any]:
    """``query.person`` of a drawn person; under a 照会 抑止 at アラート asked again with A040 confirmed (docs/driver.md
    3.1). A 住民 under a 照会 抑止 is still a 住民: 9.6 does not leave them out of the draw (seed 1 drew one that the
    check's own 3.1 scenarios had put under a 抑止 at エラー, and once took the refusal for a person not current)."""
    status, answer = client.call(PERSON, {"宛名番号": number})
    if _suppressed(status, answer, "A040"):
        status, answer = client.call(PERSON, {"宛名番号": number, "confirm": "A040"})
    return status, answer


def _suppressed(status: int, answer: Any, code: str) -> bool:
    """Whether ``answer`` is the contract's refusal of a 照会 under a 抑止: 422 E040 (エラー) or 409 A040 (アラート)."""
    if not isinstance(answer, dict):
        return False
    if code == "E040":
        return status == 422 and answer.get("code") == code
    alerts = answer.get("alerts")
    return status == 409 and isinstance(alerts, list) and any(
        isinstance(alert, dict) and alert.get("code") == code for alert in alerts)


def _unmet(row: Row, criteria: Mapping[str, Any]) -> str:
    """The first criterion a record does not meet (住民状態 for a person who is no current 住民)."""
    if row.get("住民状態") != "1":
        return "住民状態"
    for name, item in EQUAL.items():
        if name in criteria and row.get(item) != criteria[name]:
            return name
    return "生年月日"


def _client(target: Target) -> DriverClient:
    return needed_client(target, "9.6 無作為抽出", (EXTRACT, PERSON))
