"""The 戸籍の附票の写し as printed (住民基本台帳法 第17条, 第20条第1項; 施行令 第19条; the statute edition
``koseki_fuhyo 2025.12``).

The scenarios of :mod:`conformance.domains.koseki_fuhyo.checks` (the harness appends the family to the
住民記録 and registers its 戸籍 at the profile's ``targets.load.koseki_path``), then the 写し of the 戸籍
is issued through the form interface, ``POST /forms/fuhyo_utsushi`` with ``{"本籍", "筆頭者氏名"}``, and
read as printed (:func:`conformance.targets.forms.read_pdf`: the same untrusted-PDF reading as the
住民記録 forms). Each check judges one item the law says the 附票 records, on the paper, against
:mod:`conformance.domains.koseki_fuhyo.oracle`:

- 法 第17条第1項第1号 戸籍の表示: the 本籍, and the 筆頭者の氏名 printed apart from the 筆頭者's own entry, on a
  写し asked for with it (第20条第5項 reads 第12条第5項: unless specially asked for, the 写し may leave out
  第17条第1号, 第7号 and 第8号 and the 第17条の2 items; the other checks ask with no 特別の請求, so they show
  that 第2号 to 第6号 are not left out);
- 第2号 氏名, 第2号の2 氏名の振り仮名, 第5号 出生の年月日, 第6号 男女の別: of every person of the 戸籍;
- 第3号 住所 (国外転出者: that he is one), 第4号 住所を定めた年月日 (国外転出者: the 転出の予定年月日): of the
  筆頭者 who stays or moves abroad;
- 施行令 第19条第1項: the entry of a person removed from the 戸籍 printed as 消除;
- 施行令 第21条第2項 (reading 第13条第1項) and 法 第21条の2: that entry printed with the day of its 消除, any day
  from the 除籍 to the day the 写し is issued (the 除籍's own day, the day the 戸籍's 除籍 was received, or a later
  day the 市町村長 消除 it: the text names the day of the 消除 and no more; provisions.yaml);
- 法 第20条第5項 (its 読替え): the document issued is titled 戸籍の附票の写し (not a 住民票の写し nor a
  住民票記載事項証明書);
- 法 第20条第3項 第1号から第3号まで: a 写し asked for by the 申出 of a person of each 号 (``"申出": {"条項",
  "申出者氏名", "理由"}``, the 理由 the 号's words) is issued with 第17条第2号から第6号まで only: no 本籍 (第1号) and
  no 住民票コード (第7号, of the 在籍者 living elsewhere), each town person's 氏名 and 出生の年月日 there (our
  reading: the 市町村長 judges whether the 申出 is 相当; the system must be able to issue it, so a refusal fails).

Only the content is the law's, not the layout (the 様式 is not in the statute): a person's part of the
print starts at the line that shows their 氏名 and runs to the next such line; a value counts wherever
it stands in that part and in whichever form it is printed (a date in 和暦 or 西暦, with full-width or
half-width digits; the 振り仮名 in katakana or hiragana, maybe on the line just above the 氏名). A
person's part is found by their 氏名 and their 出生の年月日, so a wrong item never hides the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from typing import Any

from hypothesis import strategies as st

from conformance import clock
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario
from conformance.checks.statute_forms import dates_in, issue_printed, normal, sex_in
from conformance.checks.statute_rules import own_rule_checks
from conformance.domains.koseki_fuhyo import checks as fs
from conformance.domains.koseki_fuhyo import oracle as fuhyo
from conformance.targets.base import HttpClient

FORM_ID = "fuhyo_utsushi"
FORM_PATH = f"/forms/{FORM_ID}"
#: The 住所 of the generated rows (conformance/checks/scenarios.py _base_row), as the 写し prints it (the
#: 都道府県 may be left out).
ADDRESS = "見本町本町一丁目99番1号"
EMIGRANT = "国外転出"
REMOVED = "消除"
#: The 特別の請求 of 法 第12条第5項 as 第20条第5項 reads it for the 写し (the items a 写し may leave out unless
#: asked for: 第17条第1号, 第7号, 第8号 and 第17条の2第1項's): the request body names them in this list.
SPECIAL_REQUEST = "表示する事項"
DISPLAY = "戸籍の表示"
#: 法 第20条第3項's 申出 as the request body carries it (``申出``: the 条項, the 申出者 and the 理由 the 号 names);
#: the 申出者 is no person of the 戸籍.
#: 法 第20条第5項: 「住民票の写し又は住民票記載事項証明書」とあるのは「戸籍の附票の写し」と読み替える.
TITLE = "戸籍の附票の写し"
OFFER = "申出"
OFFERER = "検証\u3000三郎"


# -- reading the print ----------------------------------------------------------------------------


def issue_copy(client: HttpClient, loaded: Loaded, scenario: Scenario, *,
               shown: tuple[str, ...] = ()) -> dict[str, Any]:
    """The 写し of the family's 戸籍 as printed: ``{"行": [lines]}``, or ``{"問題": why it cannot be read}``;
    ``shown``: the items asked for by the 特別の請求 (:data:`SPECIAL_REQUEST`; none: a plain 第20条第1項 請求)."""
    body: dict[str, Any] = {"本籍": fs.HONSEKI, "筆頭者氏名": fs.HEAD[0]}
    if shown:
        body[SPECIAL_REQUEST] = list(shown)
    return issue_printed(client, FORM_ID, body)


def sections(lines: Sequence[str], names: Sequence[str]) -> list[list[str]]:
    """The print cut at every line showing one of ``names``: the lines before the first such line, then
    one part per such line."""
    squeezed = [normal(name) for name in names]
    parts: list[list[str]] = [[]]
    for line in lines:
        if any(name in normal(line) for name in squeezed):
            parts.append([])
        parts[-1].append(line)
    return parts


Person = tuple[str, str, str]  # key, 氏名, 出生の年月日


def persons_of(s: Scenario) -> list[Person]:
    """The persons of the 戸籍 living in the town: key (筆頭者, 子0 ...), 氏名, 出生の年月日."""
    return [(key, fs._names(s, key)[0], fs._birth_of(s, key)) for key in fs._keys(s)]


def assigned(parts: list[list[str]], persons: Sequence[Person]) -> dict[str, int]:
    """Each person's part (its index): the one that starts with their 氏名 and shows their 出生の年月日
    first, then one that shows either (a part with a date before one without: the 戸籍の表示 shows the
    筆頭者氏名 but no date)."""
    pairs = []
    for index, part in enumerate(parts[1:], start=1):
        text, dates = normal(part[0]), dates_in(" ".join(part))
        for order, (key, name, birth) in enumerate(persons):
            score = 4 * (normal(name) in text) + 2 * (birth in dates) + bool(dates)
            if score >= 2:
                pairs.append((-score, index, order, key))
    taken: dict[str, int] = {}
    for _, index, _, key in sorted(pairs):
        if key not in taken and index not in taken.values():
            taken[key] = index
    return taken


def _printed(document: Mapping[str, Any], persons: Sequence[Person]) -> tuple[list[list[str]], dict[str, int]]:
    parts = sections(document.get("行") or [], [name for _, name, _ in persons])
    return parts, assigned(parts, persons)


def _own_text(parts: list[list[str]], index: int | None, *, line_above: bool = False) -> str:
    """A person's part as one normalised text ('' when they have none); with ``line_above`` the line
    just above it too (a 振り仮名 printed over the 氏名)."""
    if index is None:
        return ""
    above = parts[index - 1][-1:] if line_above and parts[index - 1] else []
    return normal(" ".join([*above, *parts[index]]))


# -- what the vendor printed, projected as the oracle's answer -------------------------------------


def _problem(document: Mapping[str, Any]) -> Projection | None:
    return {"問題": document["問題"]} if "問題" in document else None


def _shown_display(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    persons = persons_of(s)
    parts, taken = _printed(document, persons)
    own = taken.get("筆頭者")
    text = normal(" ".join(line for index, part in enumerate(parts) for position, line in enumerate(part)
                           if not (index == own and position == 0)))
    return {"戸籍の表示": {"本籍": fs.HONSEKI if normal(fs.HONSEKI) in text else None,
                       "筆頭者氏名": fs.HEAD[0] if normal(fs.HEAD[0]) in text else None}}


#: What one item shows in a person's part of the print: given the parts, the index of that person's part (None
#: when none was found), the person and the scenario.
Shown = Callable[[list[list[str]], int | None, Person, Scenario], Any]


def _each_person(item: str, shown: Shown) -> Callable[[Mapping[str, Any], Loaded, Scenario], Projection]:
    """``item`` as printed in each person's part: ``{item: {key: what shows}}`` (the oracle's value where it
    shows, else what stands there, to be reported)."""
    def read(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
        persons = persons_of(s)
        parts, taken = _printed(document, persons)
        return {item: {person[0]: shown(parts, taken.get(person[0]), person, s) for person in persons}}

    return read


def _name_shown(parts: list[list[str]], index: int | None, person: Person, s: Scenario) -> Any:
    """The 氏名 on the first line of the person's part, else that line."""
    if index is None:
        return None
    return person[1] if normal(person[1]) in normal(parts[index][0]) else parts[index][0]


def _birth_shown(parts: list[list[str]], index: int | None, person: Person, s: Scenario) -> Any:
    """The 出生の年月日 among the dates of the person's part, else those dates."""
    dates = dates_in(" ".join(parts[index])) if index is not None else []
    return person[2] if person[2] in dates else dates


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _furigana_shown(parts: list[list[str]], index: int | None, person: Person, s: Scenario) -> Any:
    """The 氏名の振り仮名 in the person's part or on the line just above it, in katakana or hiragana."""
    reading = fs._names(s, person[0])[1]
    return reading if normal(reading) in _katakana(_own_text(parts, index, line_above=True)) else None


def _sex_shown(parts: list[list[str]], index: int | None, person: Person, s: Scenario) -> Any:
    return sex_in(_own_text(parts, index))


def _head_text(document: Mapping[str, Any], s: Scenario) -> tuple[str, list[str]]:
    persons = persons_of(s)
    parts, taken = _printed(document, persons)
    index = taken.get("筆頭者")
    return _own_text(parts, index), dates_in(" ".join(parts[index])) if index is not None else []


def _shown_address(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    text, _ = _head_text(document, s)
    return {"住所": [shown for shown, mark in ((ADDRESS, ADDRESS), ("国外転出者", EMIGRANT)) if mark in text]}


def _shown_address_date(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    _, dates = _head_text(document, s)
    birth = fs._birth_of(s, "筆頭者")
    others = list(dates)
    if birth in others:
        others.remove(birth)  # the 出生の年月日 is another item: the 住所を定めた年月日 is one of the others
    expected = _address_date(s, "")["住所を定めた年月日"]
    return {"住所を定めた年月日": expected if expected in others else others}


def _shown_removed(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    parts, taken = _printed(document, persons_of(s))
    return {"子0の消除": REMOVED in _own_text(parts, taken.get("子0"))}


def _shown_removal_date(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    """The 消除's day as printed in the removed child's part: the dates there other than the child's 出生の年月日 and
    住所を定めた年月日 (one of each: the scenarios have both before the 除籍); allowed when one of them is a day the
    text allows (:func:`conformance.domains.koseki_fuhyo.oracle.removal_day_allowed`: from the 除籍 to the day the
    写し is issued, Japan's day), worded as the oracle words it; else those dates."""
    parts, taken = _printed(document, persons_of(s))
    index = taken.get("子0")
    others = dates_in(" ".join(parts[index])) if index is not None else []
    for known in (fs._birth_of(s, "子0"), max(s.children[0], s.moved_in).isoformat()):
        if known in others:
            others.remove(known)
    today = clock.today()  # Japan's day, not the machine's (issue 65)
    allowed = any(fuhyo.removal_day_allowed(date.fromisoformat(day), fs.REMOVED_ON, today) for day in others)
    return {"子0の消除年月日": fs.REMOVAL_DAY_ALLOWED if allowed else others}


# -- the oracle's answer ----------------------------------------------------------------------------


def _address(s: Scenario, town: str) -> Projection:
    address = fs._address_of(s, town)
    return {"住所": ["国外転出者" if address.emigrant else ADDRESS]}


def _address_date(s: Scenario, town: str) -> Projection:
    return {"住所を定めた年月日": fs._address_of(s, town).since.isoformat()}


def _removed(s: Scenario, town: str) -> Projection:
    return {"子0の消除": fuhyo.is_removed(fs.REMOVED_ON)}


def _born_before_removal(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Families whose first child (the one removed) was born, and settled in the town, before the 除籍: the
    child's other dates are then no day the 消除 may be printed with."""
    return fs._with_children(codes).filter(lambda s: s.children[0] < fs.REMOVED_ON)


def _per_person(name: str, value: Callable[[Scenario, str], Any]) -> Callable[[Scenario, str], Projection]:
    return lambda s, town: {name: {key: value(s, key) for key in fs._keys(s)}}


def _reading(actual: Callable[[Mapping[str, Any], Loaded, Scenario], Projection],
             ) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """``actual`` with the scenario it was asked for (the rule's ``ask`` keeps it in the answer)."""
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return _problem(document) or actual(document, loaded, document["場面"])

    return pick


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    return {**issue_copy(client, loaded, scenario), "場面": scenario}


def _offer(number: int) -> Callable[[HttpClient, Loaded, Scenario], dict[str, Any]]:
    """The 写し asked for by a 申出 of 法 第20条第3項第``number``号 (no 特別の請求)."""
    body = {"本籍": fs.HONSEKI, "筆頭者氏名": fs.HEAD[0],
            OFFER: {"条項": f"第20条第3項第{number}号", "申出者氏名": OFFERER, "理由": fuhyo.OFFER_CLASSES[number]}}

    def ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
        return {**issue_printed(client, FORM_ID, body), "場面": scenario}

    return ask


#: The items of 第17条 the offered 写し is judged on: 第1号 (the 本籍 of the 戸籍の表示), 第7号 (the 住民票コード
#: of the 在籍者 living elsewhere) and, for 第2号 to 第6号, each town person's 氏名 and 出生の年月日.
_OFFER_SHOWN = "第2号から第6号まで"


def _offered(number: int) -> Callable[[Scenario, str], Projection]:
    def expected(s: Scenario, town: str) -> Projection:
        items = fuhyo.offered_copy_items(number)
        return {"申出による写し": {"第1号": 1 in items, "第7号": 7 in items, _OFFER_SHOWN: items >= {2, 5}}}

    return expected


def _shown_offered(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    text = normal(" ".join(document.get("行") or []))
    persons = persons_of(s)
    parts, taken = _printed(document, persons)
    every = all(key in taken and birth in dates_in(" ".join(parts[taken[key]])) for key, _, birth in persons)
    return {"申出による写し": {"第1号": normal(fs.HONSEKI) in text,
                               "第7号": normal(str(fs.ELSEWHERE["住民票コード"])) in text, _OFFER_SHOWN: every}}


def _title(s: Scenario, town: str) -> Projection:
    return {"表題": TITLE}


def _shown_title(document: Mapping[str, Any], loaded: Loaded, s: Scenario) -> Projection:
    """The print's title: :data:`TITLE` when a line reads it (spaces aside), else the first line printed."""
    lines = [line for line in document.get("行") or [] if line.strip()]
    titled = any(normal(line) == normal(TITLE) for line in lines)
    return {"表題": TITLE if titled else (lines[0] if lines else None)}


def _ask_with_display(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """The 写し asked for with the 戸籍の表示 (the 特別の請求: without it the 写し may leave the 表示 out)."""
    return {**issue_copy(client, loaded, scenario, shown=(DISPLAY,)), "場面": scenario}


def _rule(name: str, scenarios: Callable[[tuple[str, str]], st.SearchStrategy[Scenario]],
          expected: Callable[[Scenario, str], Projection],
          actual: Callable[[Mapping[str, Any], Loaded, Scenario], Projection], examples: tuple[Scenario, ...], *,
          removed: bool = False, display: bool = False,
          offer: Callable[[HttpClient, Loaded, Scenario], dict[str, Any]] | None = None) -> Rule:
    """One rule as data (its title, naming the provision, the rule's text in the folder's ``texts.yaml``): the
    family's 戸籍 registered, then the 写し asked for (with the 戸籍の表示: ``display``; on a 申出: ``offer``)."""
    ask = offer or (_ask_with_display if display else _ask)
    return fs.STATUTE.rule(name, scenarios, expected, _reading(actual), examples,
                           prepare=partial(fs.register, removed=removed, elsewhere=offer is not None), ask=ask,
                           asked=f"POST {FORM_PATH}", form=FORM_ID)


def _each_item(name: str, item: str, value: Callable[[Scenario, str], Any], shown: Shown) -> Rule:
    """The rule of one item of 第17条 printed for each person of the family: the person's ``value`` (given the
    scenario and the person's key) against what the print ``shown``."""
    return _rule(name, fs.families, _per_person(item, value), _each_person(item, shown), (fs.FAMILY,))


FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _rule("fuhyo_form.koseki_display", fs.families, fs._display, _shown_display, (fs.FAMILY,), display=True),
    _each_item("fuhyo_form.name", "氏名", lambda s, key: fs._names(s, key)[0], _name_shown),
    _each_item("fuhyo_form.furigana", "氏名の振り仮名", lambda s, key: fs._names(s, key)[1], _furigana_shown),
    _rule("fuhyo_form.address", fs._staying_or_emigrating, _address, _shown_address, (fs.FAMILY, fs.EMIGRATED)),
    _rule("fuhyo_form.address_date", fs._staying_or_emigrating, _address_date, _shown_address_date,
          (fs.FAMILY, fs.EMIGRATED)),
    _each_item("fuhyo_form.birth", "出生の年月日", fs._birth_of, _birth_shown),
    _each_item("fuhyo_form.sex", "男女の別", lambda s, key: fuhyo.SEX[fs._names(s, key)[2]], _sex_shown),
    _rule("fuhyo_form.removed", fs._with_children, _removed, _shown_removed, (fs.FAMILY,), removed=True),
    _rule("fuhyo_form.removal_date", _born_before_removal, fs._removal_date, _shown_removal_date, (fs.FAMILY,),
          removed=True),
    _rule("fuhyo_form.title", fs.families, _title, _shown_title, (fs.FAMILY,)),
    *(_rule(f"fuhyo_form.offer_{number}", fs.families, _offered(number), _shown_offered, (fs.FAMILY,),
            offer=_offer(number)) for number in (1, 2, 3)),
)}


#: Each rule the check ``scenario.<name>`` (the registry reads ``RULE_CHECKS``: conformance.checks.statute_rules),
#: run once the family's 戸籍 can be given to the vendor.
RULE_CHECKS = own_rule_checks(partial(fs.with_koseki, needing="whose 戸籍の附票の写し it would read"),
                              FORM_RULES.values(), "Form check of {title} (the printed 写し against "
                              ":mod:`conformance.domains.koseki_fuhyo.oracle`).")
