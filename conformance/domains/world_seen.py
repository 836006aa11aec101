"""The persons of the cross-domain machine (:mod:`conformance.domains.world`) as the domains' oracles are fed: a
person's rows as the model of 住民記録 judged and adopted them, read as the domain checks' shared
:class:`~conformance.checks.scenarios.Scenario` (:func:`scenario_of`), with how the stay ended, the 子 of a 世帯主 and
the 児童手当 認定請求 (:class:`Seen`, :func:`seen_of`). The readings are the machine's (its module docstring and
docs/model.md, "One world across domains")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from conformance.checks.scenarios import Scenario, history, other_codes
from conformance.domains.jumin.oracles.model import World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.jumin.oracles.model.transitions import NEXT_ADDRESS
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.oracles import Residence
from conformance.oracles.dates import fiscal_year_of
from conformance.oracles.wareki import ERAS
from conformance.testdata.town import TOWN_CODE

#: The 異動事由区分 of a 転出 (the stay ends on its 転出予定年月日 whatever 住民状態 the vendor chose: 1.1.5 R001).
_MOVES_OUT = ("国内転出", "国外転出")


@dataclass(frozen=True)
class JidoClaim:
    """What 児童手当法 第8条 decides the months of a 世帯主's 児童手当 from: the 認定請求 (the row's
    ``児童手当_請求年月日``; None: none made, 第8条第1項), the 生年月日 of the 子 of the 世帯 (on the day asked, or on
    the last day of the 受給者's stay once it ended), the days of 第8条第3項's 15日 (our reading, the jido oracle's
    and the domain checks': a 出生, or the 転出予定日 of the 転入前住所), and the last day of the 受給者's stay (its
    転出予定日 or 死亡: the 事由 ends, 第8条第2項)."""

    claimed: date | None
    children: tuple[date, ...]
    events: tuple[date, ...]
    ended: date | None
    #: The days the move into the town may be read to have happened on (the 転出予定日 at the old address, the day
    #: of moving in here: :func:`jido.start_month_readings`); none without a move.
    moved: tuple[date, ...] = ()


@dataclass(frozen=True)
class Seen:
    """A person as the oracles are fed at one step: the stay in the town (the domain checks' :class:`Scenario`), the
    town, and how the stay ended for 国民年金 (第9条第2号 turns on whether the address is still in Japan)."""

    s: Scenario
    town: str
    ending: nenkin.Ending | None = None
    #: The 生年月日 of the 子 of the 世帯 of a 世帯主 in it (児童手当); None for anyone else, or while a member of the
    #: 世帯 awaits a 転出's day (who is in the 世帯 on a day is then open: not compared).
    children: tuple[date, ...] | None = None
    #: 性別 2 (女): the ヒトパピローマウイルス感染症 row of 予防接種法施行令 第3条第1項の表 is the 女子's.
    female: bool = False
    #: The 異動日 of a 帰化 (4.5.3: the 外国人住民票 removed, a 日本人住民票 written): a 日本国民 from that day.
    naturalized: date | None = None
    #: The stay ended by the 住民票's 消除 (a 法第30条の50 通知's, a 職権消除): whether an address in Japan goes on
    #: is open (国民年金法 第9条第2号; :func:`expected_nenkin`).
    removed: bool = False
    #: The 児童手当 months of a 世帯主 with 子 (第8条); None for anyone else, or where who the 子 were is open.
    claim: JidoClaim | None = None
    #: The first and last day a 生年月日 不詳 may be (:func:`unknown_span`; the Scenario's ``birth`` its first day);
    #: None for a calendar 生年月日. The parts compare what every day of it gives (world_parts, ``_unknown_birth``).
    span: tuple[date, date] | None = None
    #: The 生年月日 and the 住民となった年月日 of each 子 of :attr:`children` (a 転入 the 教育委員会 is notified of,
    #: 学校教育法施行令 第4条), in the order of :attr:`children`.
    arrivals: tuple[tuple[date, date | None], ...] = ()
    #: Each earlier stay in the town of a person who came back (a 再転入), oldest first, as the oracles were fed when
    #: it ended: a day of it asked after the return is judged by it (:meth:`on`).
    before: tuple[Seen, ...] = ()

    def on(self, as_of: date) -> Seen:
        """The person as the oracles read them on ``as_of``: the earlier stay in the town that held the day, else this
        one. The per-person answer names the 資格 of the day asked (the contract's 「当該年度の資格」 on ``as_of``), so
        a day of the first stay asked after a 再転入 is that stay's 資格 (介護保険法 第9条〜第11条, 国民健康保険法
        第6条〜第8条 each read on the day; our reading, docs/model.md "Several stays")."""
        return next((stay for stay in self.before if stay.s.moved_in <= as_of
                     and stay.s.moved_out is not None and as_of <= stay.s.moved_out), self)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return None


#: Why a person of a 生年月日 不詳 whose span is not a 年 or a 月 (:func:`unknown_span`), or of no calendar day, is
#: not judged.
UNKNOWN_BIRTH = "生年月日 不詳 or no calendar day"


def scenario_of(world: World, atena: str, born: date | None = None) -> Scenario | str:
    """The person's stay in the town as the model holds it, in the domain checks' :class:`Scenario`; or why the
    oracles cannot be fed (the person is then not judged at this step). A person who came back (a 再転入 under the
    除票's 宛名番号, 4.1.1.2 R002) is fed their latest stay, the earlier ones in :attr:`Scenario.earlier`
    (:func:`_returned`). ``born``: the 生年月日 read for a 不詳 one (:func:`seen_of`)."""
    rows = world.history(atena)
    row = rows[-1]
    birth, moved_in = _day(row.get("生年月日")), _day(row.get("住民となった年月日"))
    if born is not None:
        birth = born
    elif birth is None or row.get("生年月日_不詳フラグ") == "1":
        return UNKNOWN_BIRTH
    if moved_in is None:
        return "no 住民となった年月日"
    stays = _stays(rows)
    if stays is None:
        # Its 取消し too: the row restored is the cancellation's, not the 転出's (which the 国民年金 reading needs).
        return RESTORED
    fed = _each_stay(stays, birth)
    if isinstance(fed, str):
        return fed
    s = fed[-1]
    try:
        history(s, row.get("住所_市区町村コード", ""))
    except ValueError as error:
        return f"a stay the oracles cannot take ({error})"
    return s


def _each_stay(stays: list[list[dict[str, str]]], birth: date) -> list[Scenario] | str:
    """Each stay's rows (:func:`_stays`) as a :class:`Scenario`, oldest first, a later one with the earlier before
    it (:func:`_returned`); or why the oracles cannot be fed."""
    s = _one_stay(stays[0], birth)
    fed: list[Scenario] = []
    for before, segment in itertools.pairwise(stays):
        if isinstance(s, str):
            return s
        fed.append(s)
        s = _returned(s, before[-1], segment, birth)
    return s if isinstance(s, str) else [*fed, s]


def _earlier_seen(world: World, atena: str, born: date) -> tuple[Seen, ...]:
    """Each earlier stay in the town of a person who came back, as the oracles were fed when it ended (its 除票: the
    stay's last row, how it ended for 国民年金); the 子 and the 児童手当 months of a 世帯主 are not given (who the 子
    were through that stay is not the latest rows' to say: not compared on its days)."""
    stays = _stays(world.history(atena))
    fed = _each_stay(stays, born) if stays is not None else "none"
    if isinstance(fed, str) or stays is None:
        return ()
    return tuple(replace(_ended(world, s, rows[-1]), female=rows[-1].get("性別") == "2")
                 for s, rows in zip(fed[:-1], stays[:-1], strict=True))


#: Why a person whose record a 取消し restored is not judged.
RESTORED = "a 取消し of a 転出, 死亡 or 再転入 (the row restored is the cancellation's: the model leaves it open)"


def _stays(rows: list[dict[str, str]]) -> list[list[dict[str, str]]] | None:
    """The person's rows split into stays in the town: a new one begins with a 再転入 (a 住民 row after a 転出's
    除票, with another 住民となった年月日: 4.1.1.2 R002, the 異動日). None where any other row follows a 除票 or a
    死亡 as a 住民, or a stay's rows end with another 住民となった年月日 than they began with (a 取消し)."""
    stays: list[list[dict[str, str]]] = [[rows[0]]]
    for earlier, later in itertools.pairwise(rows):
        returned = earlier.get("住民状態") == r.MOVED_OUT and later.get("住民状態") == r.CURRENT
        if returned and later.get("住民となった年月日") != earlier.get("住民となった年月日"):
            stays.append([later])
            continue
        if earlier.get("住民状態") in (r.MOVED_OUT, r.DECEASED) and later.get("住民状態") == r.CURRENT:
            return None
        stays[-1].append(later)
    if any(stay[-1].get("住民となった年月日") != stay[0].get("住民となった年月日") for stay in stays):
        return None
    return stays


def _one_stay(rows: list[dict[str, str]], birth: date, previous: str | None = None,
              first: bool = True) -> Scenario | str:
    """One stay's rows as a :class:`Scenario`: the 転入前住所 of its first row the previous address (of the
    person's first stay; a later one's is the stay before: :func:`_returned`)."""
    row = rows[-1]
    moved_in = _day(row.get("住民となった年月日"))
    if moved_in is None:
        return "no 住民となった年月日"
    before = (rows[0].get("転入前住所_市区町村コード") or None) if first else previous
    status = row.get("住民状態", "")
    s = Scenario(fiscal_year_of(moved_in), birth, moved_in, previous=before,
                 foreign=row.get("住民種別") == "2", notified=_day(rows[0].get("届出年月日")))
    if status == r.DECEASED:
        s = replace(s, died=_day(row.get("異動日")))
    elif status == r.MOVED_OUT or row.get("異動事由区分") in _MOVES_OUT:
        planned = _day(row.get("転出予定年月日"))
        arrived = _day(row.get("転出年月日（確定）"))
        s = replace(s, planned_out=planned, elsewhere=arrived,
                    next=destination(row) if arrived is not None else None)
    elif status == r.REMOVED:
        # A 住民票 removed (a 法第30条の50 通知 with 消除, 4.5.6; a 職権消除): the address in the town ended on its
        # 異動日, none elsewhere known (read as a 国外転出's: docs/model.md, the 在留 readings, ours).
        s = replace(s, planned_out=_day(row.get("異動日")))
    elif status != r.CURRENT:
        return f"住民状態 {status!r} (no stay the oracles model)"
    return s


def _returned(before: Scenario, left: Mapping[str, str], rows: list[dict[str, str]], birth: date) -> Scenario | str:
    """The stay a 再転入 began (``rows``), after the stay ``before`` (a 転出's: its 除票). Readings (ours; docs/
    model.md, "Several stays"): between the two the person lived where the 転入通知 of the first 転出 named, from
    its 転入日 to the 再転入's day; a 国内転出 whose 転入通知 never came, in a municipality of another 都道府県 (as
    :func:`destination` reads a 除票 without one) from the day after the first stay; a 国外転出, abroad (no
    address in Japan known: the 再転入's 区分 国内転入 leaves where it was open, which 国民年金 turns on:
    ``world_parts.expected_nenkin`` compares only what both readings give)."""
    moved_in = _day(rows[0].get("住民となった年月日"))
    town = rows[0].get("住所_市区町村コード", "") or TOWN_CODE
    if moved_in is None or before.moved_out is None or moved_in <= before.moved_out:
        return "a 再転入 on or before the day the stay before ended"
    # The stay before's history without its open next address (it ends with the 再転入: ``between``).
    earlier = [stay for stay in history(before, town) if stay.moved_out is not None or stay.municipality == town]
    between: Residence | None = None
    try:
        if before.next is not None and before.elsewhere is not None:
            between = Residence(before.next, before.elsewhere, moved_in)
        elif left.get("異動事由区分") == "国内転出" or left.get(NEXT_ADDRESS):
            between = Residence(destination(left), before.moved_out + timedelta(days=1), moved_in)
    except ValueError as error:  # a 転入通知's 転入日 after the 再転入
        return f"a stay the oracles cannot take ({error})"
    if between is not None:
        earlier.append(between)
    later = _one_stay(rows, birth, between.municipality if between is not None else None, first=False)
    return later if isinstance(later, str) else replace(later, earlier=tuple(earlier))


#: The forms of 1.1.8's 【不詳日入力一覧】 (住民記録 1.0 j80) whose span the text bounds: 「令和○○年 月日不詳」 (the 年)
#: and 「令和○○年○○月 日不詳」 (the 月), spaces and full-width digits as entered. The others (「頃」, 「推定」, 「春」,
#: 「上旬」, 「から…までの間」, 「年月日不詳」) bound no span the oracles could take: not judged.
_SPANNED = re.compile(r"^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年(?:([0-9]{1,2}))?月日不詳$")
_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789", " \u3000")


def unknown_span(text: str) -> tuple[date, date] | None:
    """The first and last day a 生年月日 written ``text`` (its 生年月日_不詳表記) may be: the 年 of
    「昭和３４年　月日不詳」 (1959-01-01 to 1959-12-31), the 月 of 「昭和２４年１０月　日不詳」 (1949-10-01 to
    1949-10-31), within the era's days; None for another form. Which day of it the person was born on, the text
    does not say (1.1.8: 他システムとは「不詳」のまま連携し; the 住民記録 holds a date internally, which it does not
    name): every day is a reading."""
    found = _SPANNED.match(text.translate(_HALF_WIDTH))
    if found is None:
        return None
    era, number, month = found.groups()
    index = next(i for i, (name, _) in enumerate(ERAS) if name == era)
    began = date(*ERAS[index][1])
    year = began.year + (1 if number == "元" else int(number)) - 1
    if month is not None and not 1 <= int(month) <= 12:
        return None
    first = date(year, int(month or 1), 1)
    last = (date(year + (int(month) == 12), int(month) % 12 + 1, 1) if month else date(year + 1, 1, 1)) \
        - timedelta(days=1)
    ended = date(*ERAS[index - 1][1]) - timedelta(days=1) if index > 0 else last
    first, last = max(first, began), min(last, ended)
    return (first, last) if first <= last else None


def destination(row: Mapping[str, str]) -> str:
    """The municipality a 転入通知 names (転出先住所（確定）, 1.1.5 R015); where it names none (the 住民記録 model's own
    steps), one of another 都道府県 (our reading: an address elsewhere, in no 広域連合 of the town's, as the reference
    reads a 除票 without the code)."""
    return row.get(NEXT_ADDRESS) or other_codes(row.get("住所_市区町村コード", "") or TOWN_CODE)[1]


def seen_of(world: World, atena: str) -> Seen | str:
    """The person as the oracles are fed (:func:`scenario_of`), with the 国民年金 ending: a 死亡; a 国内転出, whether
    or not its 転入通知 has come, or a 転出 whose 転入通知 named a municipality (our reading: the address in Japan goes
    on, 第9条第2号 is not met); else (a 国外転出, a 転出 of no known destination) no address in Japan; or why not
    judged."""
    s = scenario_of(world, atena)
    row = world.latest(atena)
    span = unknown_span(row.get("生年月日_不詳表記", "")) if s == UNKNOWN_BIRTH else None
    if span is not None:
        s = scenario_of(world, atena, span[0])
    if isinstance(s, str):
        return s
    before = tuple(replace(stay, span=span) for stay in _earlier_seen(world, atena, s.birth))
    seen = replace(_ended(world, s, row), span=span, before=before)
    foreign_before = any(earlier.get("住民種別") == "2" for earlier in world.history(atena)[:-1])
    naturalized = _day(row.get("異動日")) if foreign_before and row.get("住民種別") == "1" else None
    return replace(seen, female=row.get("性別") == "2", naturalized=naturalized, claim=jido_claim(world, atena, s))


def _ended(world: World, s: Scenario, row: Mapping[str, str]) -> Seen:
    town = row.get("住所_市区町村コード", "")
    if s.moved_out is None and row.get("続柄") == "世帯主":
        setai = row.get("世帯番号", "")
        return Seen(s, town, children=children_of(world, setai), arrivals=arrivals_of(world, setai))
    if s.died is not None:
        return Seen(s, town, nenkin.Ending("died", s.died))
    if s.moved_out is None:
        return Seen(s, town)
    domestic = row.get("異動事由区分") == "国内転出" or bool(row.get(NEXT_ADDRESS))
    return Seen(s, town, nenkin.Ending("moved" if domestic else "abroad", s.moved_out),
                removed=row.get("住民状態") == r.REMOVED)


def children_of(world: World, setai: str) -> tuple[date, ...] | None:
    """The calendar 生年月日 of the 子 of a 世帯 (its 住民), None while a member awaits a 転出's day."""
    members = [world.latest(atena) for atena in world.members(setai)]
    if any(row.get("異動事由区分") in _MOVES_OUT for row in members):
        return None
    return tuple(day for row in members if row.get("続柄") == "子" and (day := _day(row.get("生年月日"))) is not None)


def arrivals_of(world: World, setai: str) -> tuple[tuple[date, date | None], ...]:
    """The 生年月日 and the 住民となった年月日 of the 子 of :func:`children_of`, in its order."""
    members = [world.latest(atena) for atena in world.members(setai)]
    return tuple((day, _day(row.get("住民となった年月日"))) for row in members
                 if row.get("続柄") == "子" and (day := _day(row.get("生年月日"))) is not None)


#: The 住民記録 row's item of the 児童手当 認定請求 (our migration layout: the domain checks' too).
CLAIM_ITEM = "児童手当_請求年月日"


def jido_claim(world: World, atena: str, s: Scenario) -> JidoClaim | None:
    """The 児童手当 months' facts of a 世帯主 with 子 (:class:`JidoClaim`): the 子 are the persons whose every row is
    in the 世帯 as 子, taken while the 受給者 lives in the town, or on the last day of the stay once it ended (the
    子 who left with the 受給者 that day, or stayed). None for anyone else, and where who the 子 were on the day the
    months turn on is open (not compared): a 世帯主 or 子 whose 世帯 or 続柄 changed, a 子 the oracles cannot take
    (a 生年月日 不詳), a 子 who left the 世帯 or died while the 受給者 stays or before the 受給者 left (whether the
    事由 ends with a 子's 住所 is not settled by 第4条, which names 監護 and 生計), a 子 who came after. A 再転入 begins
    another 認定 (児童手当法 第7条第3項: the 市町村長 of the new address; the first ended with the 転出, 第8条第2項):
    only the rows of each person's latest stay are read (:func:`latest_stay`)."""
    rows = latest_stay(world.history(atena))
    setai = rows[-1].get("世帯番号", "")
    if any(row.get("続柄") != "世帯主" or row.get("世帯番号") != setai for row in rows):
        return None
    children: list[date] = []
    for other in sorted(world.persons):
        stay = latest_stay(world.history(other))
        inside = [row.get("世帯番号") == setai for row in stay]
        if other == atena or not any(inside):
            continue
        relations = {row.get("続柄") for row in stay}
        if not all(inside) or ("子" in relations and relations != {"子"}):
            return None
        if "子" not in relations:
            continue  # a member of the 世帯 who is no 子 (妻, 同居人)
        child = scenario_of(world, other)
        if isinstance(child, str) or not _child_through(child, s):
            return None
        children.append(child.birth)
    if not children:
        return None
    moved_out = _day(rows[0].get("転入前住所_転出予定年月日"))
    events = tuple(day for day in (moved_out, *children) if day is not None)
    return JidoClaim(_day(rows[-1].get(CLAIM_ITEM)), tuple(sorted(children)), events, s.moved_out,
                     (moved_out, s.moved_in) if moved_out is not None else ())


def latest_stay(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows of the person's latest stay in the town (:func:`_stays`: from the last 再転入); all of them where the
    stays cannot be told (a 取消し)."""
    stays = _stays(rows)
    return stays[-1] if stays is not None else rows


def _child_through(child: Scenario, s: Scenario) -> bool:
    """Whether the 子 was in the town (so in the 世帯) on the 受給者's last day, or still is while the 受給者 stays."""
    if s.moved_out is None:
        return child.moved_out is None
    return child.moved_in <= s.moved_out and (child.moved_out is None or child.moved_out >= s.moved_out)


def moved_on(s: Scenario) -> bool:
    """Whether the stay ended with an address elsewhere that same day (the 転入通知's 転入日 on or before the
    転出予定年月日): the ただし書 of 介護保険法 第11条第1項 and 国民健康保険法 第8条第1項 make it the
    資格喪失日 itself."""
    return s.elsewhere is not None and s.died is None and s.moved_out == s.elsewhere


def on_move_day(s: Scenario, as_of: date) -> bool:
    """Whether ``as_of`` is that move day (:func:`moved_on`): whether one is insured on it is the ただし書's too."""
    return moved_on(s) and s.moved_out == as_of
