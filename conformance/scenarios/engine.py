"""Run one scenario through the driver protocol and judge its ``expect`` (docs/driver.md).

A scenario's ``given`` persons are created with the driver's ``fixtures.persons`` (one request per
household name), its ``steps`` call driver operations, and each matcher of ``expect`` compares an
answer (or the history, or every endpoint that returns the person) with what the scenario states.
A failed expectation is a :class:`~conformance.findings.Finding` not yet attached to a requirement: a
code, a message, where (``scenario:<id>/step:<id>`` and a JSON pointer), and the expected and actual
values, masked when they may be personal.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from conformance.catalog.layouts import Column
from conformance.catalog.scenario_models import (
    Absent,
    Accepted,
    Contains,
    DriverOperation,
    Equals,
    HistoryAppended,
    HistoryUnchanged,
    HoldsDate,
    NotFound,
    Oracle,
    Order,
    PersonItems,
    PersonRef,
    Present,
    Printed,
    Refused,
    Scenario,
    Step,
    StepRef,
)
from conformance.checks.files.rules import shown_for
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.masking import is_personal_name, shown
from conformance.oracles import jumin as jumin_oracle
from conformance.oracles import wareki
from conformance.targets.base import HttpClient, HttpResponse, vendor_said
from conformance.targets.forms import PdfProblem, PrintedForm, read_pdf
from conformance.targets.http import fill_template
from conformance.targets.paging import next_offset

#: The operations the engine itself needs besides a scenario's steps.
SETUP_OPERATION = "fixtures.persons"
HISTORY_OPERATION = "query.history"
PERSON_OPERATION = "query.person"
#: Items of a given person when the scenario does not say otherwise: a current Japanese 住民.
DEFAULT_ITEMS: dict[str, str] = {
    "住民種別": "1", "住民状態": "1", "氏名": "見本　太郎", "氏名_フリガナ": "ミホン　タロウ", "生年月日": "1980-04-01",
    "生年月日_不詳フラグ": "0", "性別": "1", "続柄": "世帯主", "住所_都道府県": "静岡県", "住所_市区町村": "見本町",
    "住所_町字": "本町一丁目", "住所_番地号表記": "1番1号", "住民となった年月日": "2010-04-01",
    "住所を定めた年月日": "2010-04-01", "届出年月日": "2010-04-05", "異動事由": "A1", "異動日": "2010-04-01",
    "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0", "住民票コード": "12345678903", "住所_郵便番号": "4190103",
}
_MISSING = object()


class MissingOperations(Exception):
    """The vendor's adapter does not implement operations the scenario needs: not automated for it."""

    def __init__(self, scenario: str, operations: Iterable[str]) -> None:
        self.operations = tuple(operations)
        super().__init__(f"scenario {scenario} needs driver operation(s) the profile does not declare "
                         f"(targets.driver.operations): {', '.join(self.operations)}")


@dataclass
class DriverClient:
    """The driver protocol over a target's HTTP client: ``base_path`` below the API base URL."""

    http: HttpClient
    base_path: str
    operations: Mapping[str, DriverOperation]

    def call(self, operation_id: str, params: Mapping[str, Any]) -> tuple[int, Any]:
        """Call an operation: path parameters from ``params``, the rest as query (get) or JSON body."""
        operation = self.operations[operation_id]
        names = [name for name in params if "{" + name + "}" in operation.path]
        path = fill_template(operation.path, {name: params[name] for name in names})
        rest = {name: value for name, value in params.items() if name not in names}
        url = self.base_path.rstrip("/") + path
        if operation.method == "get":
            response = self.http.request("get", url, params={k: str(v) for k, v in rest.items()})
        else:
            response = self.http.request("post", url, json=rest)
        return response.status, enveloped(operation_id, response.status, _json(response))


def enveloped(operation_id: str, status: int, document: Any) -> Any:
    """``document``, the answer of ``operation_id``; a TargetError (the requirement ERROR, never judged on it) when a
    200 answer is an object without the protocol's ``"result": "ok"`` (docs/driver.md): an adapter that answers
    otherwise breaks the protocol, and what its figures say cannot be taken as the system's."""
    if status == 200 and isinstance(document, dict) and document.get("result") != "ok":
        found = document.get("result", "no result")
        raise TargetError(f"driver {operation_id}: answered 200 with {found!r} instead of the protocol's "
                          '"result": "ok" (docs/driver.md)')
    return document


def _json(response: HttpResponse) -> Any:
    try:
        return json.loads(response.body)
    except ValueError:
        raise TargetError(f"{response.url}: the driver answered {response.status} without a JSON body") from None


def required_operations(scenario: Scenario) -> tuple[str, ...]:
    """Every driver operation a scenario needs, its own steps' and the engine's."""
    needed = [SETUP_OPERATION] if scenario.given.persons else []
    needed += [step.op for step in scenario.steps]
    if any(isinstance(expect, HistoryAppended | HistoryUnchanged) for expect in scenario.expect):
        needed.append(HISTORY_OPERATION)
    if any(isinstance(expect, PersonItems) and "driver" in expect.endpoints for expect in scenario.expect):
        needed.append(PERSON_OPERATION)
    return tuple(dict.fromkeys(needed))


@dataclass
class _Run:
    scenario: Scenario
    driver: DriverClient
    linkage: HttpClient
    persons: dict[str, dict[str, str]] = field(default_factory=dict)
    answers: dict[str, tuple[int, Any]] = field(default_factory=dict)
    before: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    after: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    #: The catalog item a name stands for (its values are then shown as a file's are), if any.
    items: Callable[[str], Column | None] = field(default=lambda _name: None)

    def show(self, name: str, value: Any) -> str:
        return _show(name, value, self.items(name))

    def where(self, step: str | None, pointer: str = "") -> str:
        place = f"scenario:{self.scenario.id}" + (f"/step:{step}" if step else "")
        return place + (f"#{pointer}" if pointer else "")

    def resolve(self, value: Any) -> Any:
        if isinstance(value, PersonRef):
            return self.persons[value.person][value.item]
        if isinstance(value, StepRef):
            found = pointer_get(self.answers[value.step][1], value.pointer)
            return None if found is _MISSING else found
        if isinstance(value, tuple):
            return [self.resolve(part) for part in value]
        if isinstance(value, dict):
            return {name: self.resolve(part) for name, part in value.items()}
        return value

    def history(self, person: str) -> list[dict[str, Any]]:
        status, document = self.driver.call(HISTORY_OPERATION, {"宛名番号": self.persons[person]["宛名番号"]})
        if status != 200 or not isinstance(document, dict) or not isinstance(document.get("rows"), list):
            raise TargetError(f"{HISTORY_OPERATION} answered {status} without rows")
        return [row for row in document["rows"] if isinstance(row, dict)]


def run_scenario(
    scenario: Scenario, driver: DriverClient, linkage: HttpClient, *, implemented: Callable[[str], bool],
    defaults: Mapping[str, str] = DEFAULT_ITEMS, items: Callable[[str], Column | None] | None = None,
    settings: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Run ``scenario``; the expectations it did not meet (empty: it passed). An expectation for a ``setting`` is
    judged only when ``settings`` (the product's, every known one given) are so.

    :class:`MissingOperations` when the vendor does not implement an operation it needs (the
    requirement is then NOT_AUTOMATED for that vendor, never PASS).
    """
    missing = [op for op in required_operations(scenario) if not implemented(op)]
    if missing:
        raise MissingOperations(scenario.id, missing)
    run = _Run(scenario, driver, linkage)
    if items is not None:
        run.items = items
    _given(run, defaults)
    watched = _watched(scenario)
    for step in scenario.steps:
        if not _names_known(run, step):
            run.answers[step.id] = (0, None)  # a person it names was never created: an earlier step failed
            continue
        for person in watched.get(step.id, ()):
            run.before[(step.id, person)] = run.history(person)
        params = {name: run.resolve(value) for name, value in step.params.items()}
        run.answers[step.id] = driver.call(step.op, params)
        _created(run, step.id, step.creates)
        for person in watched.get(step.id, ()):
            run.after[(step.id, person)] = run.history(person)
    return [observation for expect in scenario.expect if _set_so(expect, settings or {})
            for observation in _judge(run, expect)]


def _set_so(expect: Any, settings: Mapping[str, str]) -> bool:
    """Whether the product is set as the expectation's ``setting`` says (an expectation without one always is)."""
    wanted: Mapping[str, str] = getattr(expect, "setting", {})
    return all(settings.get(name) == value for name, value in wanted.items())


def _given(run: _Run, defaults: Mapping[str, str]) -> None:
    households: dict[str, list[str]] = {}
    for person in run.scenario.given.persons:
        households.setdefault(person.household, []).append(person.name)
    by_name = {person.name: person for person in run.scenario.given.persons}
    for names in households.values():
        persons = [{**defaults, **by_name[name].items} for name in names]
        status, document = run.driver.call(SETUP_OPERATION, {"persons": persons})
        created = document.get("persons") if isinstance(document, dict) else None
        if status != 200 or not isinstance(created, list) or len(created) != len(names):
            said = vendor_said(json.dumps(document, ensure_ascii=False)) if document is not None else ""
            raise TargetError(f"{SETUP_OPERATION} answered {status}: the scenario's persons could not be set up"
                              + (f" ({said})" if said else ""))
        for name, numbers in zip(names, created, strict=True):
            run.persons[name] = {"宛名番号": str(numbers["宛名番号"]), "世帯番号": str(numbers["世帯番号"])}


def _names_known(run: _Run, step: Step) -> bool:
    return all(name in run.persons for name in _person_names(step.params))


def _names_unknown(run: _Run, expect: Any) -> bool:
    """Whether an expectation's values name a person no step created (its creating step was refused): judged as
    that step not accepted, never a crash (blind round of session 36: an 出生 refused, then the 5.2 order named the
    child, KeyError)."""
    refs = [getattr(expect, name, None) for name in ("value", "values", "where", "args")]
    return any(name not in run.persons for name in _person_names(refs))


def _person_names(value: Any) -> Iterator[str]:
    if isinstance(value, PersonRef):
        yield value.person
    elif isinstance(value, tuple | list):
        for part in value:
            yield from _person_names(part)
    elif isinstance(value, dict):
        for part in value.values():
            yield from _person_names(part)


def _created(run: _Run, step: str, names: tuple[str, ...]) -> None:
    if not names:
        return
    status, document = run.answers[step]
    created = document.get("persons") if isinstance(document, dict) else None
    if status != 200 or not isinstance(created, list) or len(created) < len(names):
        return  # the step's own matcher (accepted) reports it; matchers on these persons cannot judge
    for name, numbers in zip(names, created, strict=False):
        run.persons[name] = {"宛名番号": str(numbers["宛名番号"]), "世帯番号": str(numbers["世帯番号"])}


def _watched(scenario: Scenario) -> dict[str, list[str]]:
    watched: dict[str, list[str]] = {}
    for expect in scenario.expect:
        if isinstance(expect, HistoryAppended | HistoryUnchanged):
            watched.setdefault(expect.step, []).append(expect.person)
    return {step: list(dict.fromkeys(persons)) for step, persons in watched.items()}


# -- JSON pointers --------------------------------------------------------------------------------


def pointer_get(document: Any, pointer: str) -> Any:
    """The value at an RFC 6901 pointer, or ``_MISSING``."""
    if pointer == "":
        return document
    current = document
    for raw in pointer[1:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        elif isinstance(current, list) and part == "-" and current:
            current = current[-1]
        else:
            return _MISSING
    return current


def _show(name: str, value: Any, column: Column | None) -> str:
    """A value as a finding shows it. Of a catalog item (``column``): raw only when the item is not
    personal and the value is a valid value of its type (rules.shown_for), a list value by value;
    of another name: masked when the name looks personal."""
    if value is _MISSING:
        return "(missing)"
    if value is None:
        return "null"
    if column is not None and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return json.dumps([shown_for(v, column) for v in value], ensure_ascii=False)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return shown_for(text, column) if column is not None else shown(text, is_personal_name(name))


def _leaf(pointer: str) -> str:
    return pointer.rsplit("/", 1)[-1]


# -- matchers -------------------------------------------------------------------------------------


def _judge(run: _Run, expect: Any) -> Iterator[Finding]:
    step = getattr(expect, "step", None)
    person = getattr(expect, "person", None)
    if (isinstance(step, str) and run.answers.get(step, (0, None))[0] == 0) or \
            (isinstance(person, str) and person not in run.persons) or _names_unknown(run, expect):
        yield Finding("scenario.not_accepted", "the step could not run: a person it names was never created "
                      "(an earlier step was refused)", run.where(step))
        return
    judge = _MATCHERS[type(expect)]
    yield from judge(run, expect)


def _equals(run: _Run, expect: Equals) -> Iterator[Finding]:
    actual = pointer_get(run.answers[expect.step][1], expect.pointer)
    wanted = run.resolve(expect.value)
    if actual != wanted:
        name = _leaf(expect.pointer)
        yield Finding("scenario.not_equal", f"{expect.pointer or 'the answer'} is not the value the spec asks for",
                      run.where(expect.step, expect.pointer), run.show(name, wanted), run.show(name, actual))


def _absent(run: _Run, expect: Absent) -> Iterator[Finding]:
    actual = pointer_get(run.answers[expect.step][1], expect.pointer)
    if actual not in (_MISSING, None, ""):
        yield Finding("scenario.not_absent", f"{expect.pointer} should be empty",
                      run.where(expect.step, expect.pointer), "empty", run.show(_leaf(expect.pointer), actual))


def _present(run: _Run, expect: Present) -> Iterator[Finding]:
    actual = pointer_get(run.answers[expect.step][1], expect.pointer)
    if actual in (_MISSING, None, "", [], {}):
        yield Finding("scenario.not_present", f"{expect.pointer} should hold a value",
                      run.where(expect.step, expect.pointer), "a value",
                      "missing" if actual is _MISSING else run.show(_leaf(expect.pointer), actual))


#: A 年月日 as the driver protocol carries it, calendar or not (1.1.8 R021: 暦上日以外の年月日も許容).
_DAY = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


def _holds_date(run: _Run, expect: HoldsDate) -> Iterator[Finding]:
    actual = pointer_get(run.answers[expect.step][1], expect.pointer)
    if not isinstance(actual, str) or _DAY.fullmatch(actual) is None:
        yield Finding("scenario.no_date", f"{expect.pointer} should hold a 年月日 (YYYY-MM-DD)",
                      run.where(expect.step, expect.pointer), "a 年月日",
                      run.show(_leaf(expect.pointer), actual if actual is not _MISSING else "missing"))


def _accepted(run: _Run, expect: Accepted) -> Iterator[Finding]:
    status, document = run.answers[expect.step]
    if status != 200 or not isinstance(document, dict) or document.get("result") != "ok":
        code = document.get("code") if isinstance(document, dict) else None
        yield Finding("scenario.not_accepted", "the operation was not committed",
                      run.where(expect.step), "200 result ok", f"{status} {code or ''}".strip())


def _not_found(run: _Run, expect: NotFound) -> Iterator[Finding]:
    status, document = run.answers[expect.step]
    if status != 404:
        code = document.get("code") if isinstance(document, dict) else None
        yield Finding("scenario.not_not_found", "the read should answer that nothing is there (404)",
                      run.where(expect.step), "404", f"{status} {code or ''}".strip())


def _refused(run: _Run, expect: Refused) -> Iterator[Finding]:
    status, document = run.answers[expect.step]
    wanted_status = 422 if expect.matcher == "error" else 409
    codes = _codes(document, expect.matcher)
    if status != wanted_status or expect.code not in codes:
        kind = "エラー" if expect.matcher == "error" else "アラート"
        result = document.get("result") if isinstance(document, dict) else ""
        yield Finding(f"scenario.no_{expect.matcher}", f"the input should be refused with the {kind} {expect.code}",
                      run.where(expect.step), f"{wanted_status} {expect.code}",
                      f"{status} {','.join(codes) or result}")
        return
    item = _refusal_item(document, expect)
    if expect.items and item not in expect.items:
        yield Finding("scenario.refusal_item", f"the {expect.code} should name the item that caused it (11.1 R005 "
                      "原因となったエラー・アラート項目)", run.where(expect.step, "/item"), " | ".join(expect.items),
                      item or "none")


def _refusal_item(document: Any, expect: Refused) -> str | None:
    """The item a refusal names: an エラー's ``item``, an アラート's that of its alert with the expected code."""
    if expect.matcher == "error":
        found = document.get("item")
    else:
        found = next((alert.get("item") for alert in document.get("alerts") or ()
                      if isinstance(alert, dict) and str(alert.get("code")) == expect.code), None)
    return str(found) if found not in (None, "") else None


def _codes(document: Any, kind: str) -> list[str]:
    if not isinstance(document, dict):
        return []
    if kind == "error":
        return [str(document["code"])] if document.get("result") == "error" and "code" in document else []
    alerts = document.get("alerts") if document.get("result") == "alert" else None
    return [str(alert.get("code")) for alert in alerts or () if isinstance(alert, dict)]


def _history_appended(run: _Run, expect: HistoryAppended) -> Iterator[Finding]:
    before, after = run.before[(expect.step, expect.person)], run.after[(expect.step, expect.person)]
    where = run.where(expect.step, f"/history/{len(after) - 1}")
    if len(after) != len(before) + expect.rows or after[: len(before)] != before:
        yield Finding("scenario.history_not_appended",
                      f"the history of {expect.person} should gain {expect.rows} row(s) and keep the earlier ones",
                      run.where(expect.step, "/history"), f"{len(before) + expect.rows} rows, the first "
                      f"{len(before)} unchanged", f"{len(after)} rows")
        return
    if not before:
        return
    previous, last = before[-1], after[-1]
    for name, value in expect.items.items():
        if str(last.get(name, "")) != value:
            yield Finding("scenario.history_item", f"the new history row should carry {name}",
                          f"{where}/{name}", run.show(name, value), run.show(name, last.get(name, _MISSING)))
    yield from _allowed_items(run, expect.allowed, last, where)
    if not expect.keeps_others:
        return
    free = set(expect.items) | set(expect.changed) | set(expect.allowed) | _BOOKKEEPING
    for name, value in previous.items():
        if name not in free and last.get(name, _MISSING) != value:
            yield Finding("scenario.history_item_not_kept",
                          f"the new history row should keep {name} (全項目の内容を保持する)",
                          f"{where}/{name}", run.show(name, value), run.show(name, last.get(name, _MISSING)))


def _allowed_items(run: _Run, allowed: Mapping[str, tuple[str, ...]], last: Mapping[str, Any],
                   where: str) -> Iterator[Finding]:
    """Items where the text leaves room: the new row's value is one of the readings it allows."""
    for name, values in allowed.items():
        if str(last.get(name, "")) not in values:
            yield Finding("scenario.history_item_not_allowed",
                          f"the new history row should carry {name} as one of the values the text allows",
                          f"{where}/{name}", " | ".join(run.show(name, value) for value in values),
                          run.show(name, last.get(name, _MISSING)))


#: Items every 異動 row sets on its own (the history's bookkeeping): not "kept" from the previous row.
_BOOKKEEPING = frozenset({"履歴番号", "異動事由", "異動事由区分", "異動日", "処理日", "届出年月日", "通知年月日",
                          "申出年月日", "入力場所", "入力端末", "留意事項"})


def _history_unchanged(run: _Run, expect: HistoryUnchanged) -> Iterator[Finding]:
    before, after = run.before[(expect.step, expect.person)], run.after[(expect.step, expect.person)]
    if before != after:
        yield Finding("scenario.history_changed", f"nothing should be committed for {expect.person}",
                      run.where(expect.step, "/history"), f"{len(before)} rows unchanged", f"{len(after)} rows")


def _order(run: _Run, expect: Order) -> Iterator[Finding]:
    found = pointer_get(run.answers[expect.step][1], expect.pointer)
    values = [str(entry.get(expect.key)) for entry in found if isinstance(entry, dict)] \
        if isinstance(found, list) else []
    wanted = [str(run.resolve(value)) for value in expect.values]
    if values != wanted:
        yield Finding("scenario.order", f"the entries of {expect.pointer} should be in this order of {expect.key}",
                      run.where(expect.step, expect.pointer), run.show(expect.key, wanted),
                      run.show(expect.key, values))


def _contains(run: _Run, expect: Contains) -> Iterator[Finding]:
    found = pointer_get(run.answers[expect.step][1], expect.pointer)
    wanted = str(run.resolve(expect.value))
    where = {key: str(run.resolve(value)) for key, value in expect.where.items()}
    present = isinstance(found, list) and any(isinstance(entry, dict) and _entry_matches(
        entry, expect.key, wanted, expect.includes, where, day=expect.day) for entry in found)
    if present != expect.present:
        verb = "should list" if expect.present else "should not list"
        part = "including" if expect.includes else "with"
        tied = "".join(f", {key} {value}" for key, value in where.items())
        yield Finding("scenario.contains" if expect.present else "scenario.not_contains",
                      f"{expect.pointer} {verb} an entry {part} this {expect.key}{tied}",
                      run.where(expect.step, expect.pointer), run.show(expect.key, wanted),
                      "present" if present else "absent")


def _entry_matches(entry: Mapping[str, Any], key: str, wanted: str, includes: bool, where: Mapping[str, str], *,
                   day: bool = False) -> bool:
    value = str(entry.get(key)) if entry.get(key) is not None else ""
    if day:
        if wareki.read_day(value) != wareki.split_iso(wanted):
            return False
    elif not (wanted in value if includes else value == wanted):
        return False
    return all(str(entry.get(name)) == other for name, other in where.items())


_ORACLES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "wareki.to_wareki": lambda args: wareki.to_wareki(str(args["value"])),
    "wareki.to_seireki": lambda args: wareki.to_seireki(str(args["value"])),
    "jumin.removal_date": lambda args: jumin_oracle.removal_date(
        date.fromisoformat(str(args["planned_move_out"])),
        date.fromisoformat(str(args["moved_in_elsewhere"])) if args.get("moved_in_elsewhere") else None,
    ).isoformat(),
}


def _oracle(run: _Run, expect: Oracle) -> Iterator[Finding]:
    args = {name: run.resolve(value) for name, value in expect.args.items()}
    wanted = _ORACLES[expect.oracle](args)
    actual = pointer_get(run.answers[expect.step][1], expect.pointer)
    if actual != wanted:
        name = _leaf(expect.pointer)
        yield Finding("scenario.oracle_mismatch", f"{expect.pointer} is not what conformance.oracles."
                      f"{expect.oracle} answers", run.where(expect.step, expect.pointer),
                      run.show(name, wanted), run.show(name, actual))


def _person_items(run: _Run, expect: PersonItems) -> Iterator[Finding]:
    numbers = run.persons[expect.person]
    for endpoint in expect.endpoints:
        document, base = _endpoint_document(run, endpoint, numbers)
        for name, wanted in expect.items.items():
            value = run.resolve(wanted)
            actual = document.get(name, _MISSING) if document is not None else _MISSING
            if _normal(actual) != _normal(value):
                yield Finding("scenario.item_mismatch",
                              f"{name} of {expect.person} differs on the {endpoint} endpoint",
                              run.where(None, f"{base}/{name}"), run.show(name, value), run.show(name, actual))


def _printed(run: _Run, expect: Printed) -> Iterator[Finding]:
    where = run.where(expect.step, expect.pointer) + (f" item {expect.label}" if expect.label else "")
    found = pointer_get(run.answers[expect.step][1], expect.pointer)
    form = _pdf_at(found)
    if isinstance(form, str):
        yield Finding("scenario.not_printed", f"{expect.pointer} holds no readable printed form: {form}", where,
                      "a PDF", "missing" if found is _MISSING else form)
        return
    texts = [_flat(line.text) for line in form.lines]
    if expect.label is not None:
        label = _flat(expect.label)
        texts = [text for text in texts if text.startswith(label)]
        if not texts:
            yield Finding("scenario.printed_label_missing", f"no printed line begins with {expect.label}",
                          where, expect.label, "none")
            return
    wanted: list[tuple[str, tuple[str, ...]]] = [(value, (_flat(value),)) for value in expect.shows]
    wanted += [(day, _day_forms(day)) for day in expect.dates]
    if expect.any_of:
        wanted.append((" | ".join(expect.any_of), tuple(_flat(value) for value in expect.any_of)))
    for value, forms in wanted:
        if not any(form_ in text for text in texts for form_ in forms):
            yield Finding("scenario.printed_missing", f"the form does not print {shown(value, True)}"
                          + (f" on the line of {expect.label}" if expect.label else ""), where,
                          shown(value, True), shown(" / ".join(texts), True))
    for value in expect.lacks:
        if any(_flat(value) in text for text in texts):
            yield Finding("scenario.printed_unexpected", f"the form prints {shown(value, True)}"
                          + (f" on the line of {expect.label}" if expect.label else "")
                          + " where the text asks for another value", where,
                          f"not {shown(value, True)}", shown(" / ".join(texts), True))


def _pdf_at(found: Any) -> PrintedForm | str:
    """The printed form a value holds (base64 text, or a list whose first entry is), or why there is none."""
    if isinstance(found, list):
        found = found[0] if found else None
    if not isinstance(found, str) or not found:
        return "missing"
    try:
        return read_pdf(base64.b64decode(found, validate=True))
    except (binascii.Error, ValueError):
        return "not base64"
    except PdfProblem as problem:
        return problem.code


def _flat(text: str) -> str:
    """A printed text without its spaces (ASCII, full-width), digits as ASCII."""
    return re.sub(r"[\s\u3000]+", "", text).translate(_DIGITS)


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _day_forms(day: str) -> tuple[str, ...]:
    """The ways a 年月日 may be printed: 和暦 (元年 or 1年), 西暦 with 年月日, slashes, dots or hyphens."""
    year, month, day_ = wareki.split_iso(day)
    shown_wareki = wareki.to_wareki(day)
    return (shown_wareki, shown_wareki.replace("元年", "1年"), f"{year}年{month}月{day_}日",
            f"{year}/{month}/{day_}", f"{year}/{month:02d}/{day_:02d}", f"{year}.{month}.{day_}", day)


def _normal(value: Any) -> Any:
    return "" if value is None or value is _MISSING else value


def _endpoint_document(run: _Run, endpoint: str, numbers: Mapping[str, str]) -> tuple[dict[str, Any] | None, str]:
    atena, setai = numbers["宛名番号"], numbers["世帯番号"]
    if endpoint == "driver":
        _, document = run.driver.call(PERSON_OPERATION, {"宛名番号": atena})
        return _dict(pointer_get(document, "/person")), "driver:/person"
    if endpoint == "resident":
        return _dict(run.linkage.request("get", f"/residents/{atena}").json()), f"GET /residents/{atena}"
    if endpoint == "history":
        rows = pointer_get(run.linkage.request("get", f"/residents/{atena}/history").json(), "/history")
        last = rows[-1] if isinstance(rows, list) and rows else None
        return _dict(last), f"GET /residents/{atena}/history#/history/-"
    if endpoint == "household":
        current = _dict(run.linkage.request("get", f"/residents/{atena}").json()) or {}
        setai = str(current.get("世帯番号") or setai)
        members = pointer_get(run.linkage.request("get", f"/households/{setai}").json(), "/members")
        found = next((m for m in members if isinstance(m, dict) and m.get("宛名番号") == atena), None) \
            if isinstance(members, list) else None
        return _dict(found), f"GET /households/{setai}#/members[宛名番号]"
    if endpoint == "certificate":
        return _certified(run, atena), "POST /certificates#/記載者[宛名番号]/記載事項"
    return _listed(run, atena), "GET /residents#/residents[宛名番号]"


def _certified(run: _Run, atena: str) -> dict[str, Any] | None:
    """The person's 記載事項 on the 住民票の写し issued now, as 項目 -> 値 (4.0.8: what a certificate shows)."""
    issued = run.linkage.request("post", "/certificates", json={"宛名番号": atena}).json()
    shown = pointer_get(issued, "/記載者")
    person = next((entry for entry in shown if isinstance(entry, dict) and entry.get("宛名番号") == atena), None) \
        if isinstance(shown, list) else None
    lines = person.get("記載事項") if person is not None else None
    if not isinstance(lines, list):
        return None
    return {str(line.get("項目")): line.get("値") for line in lines if isinstance(line, dict)}


def _listed(run: _Run, atena: str) -> dict[str, Any] | None:
    offset: int | None = 0
    while offset is not None:  # ends: each next offset is past the last (next_offset), or the walk fails
        page = run.linkage.request("get", "/residents", params={"offset": str(offset), "limit": "1000"}).json()
        for resident in page.get("residents", ()):
            if isinstance(resident, dict) and resident.get("宛名番号") == atena:
                return resident
        offset = next_offset("GET /residents", offset, page)
    return None


def _dict(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


_MATCHERS: dict[type, Callable[[_Run, Any], Iterator[Finding]]] = {
    Equals: _equals, Absent: _absent, Present: _present, HoldsDate: _holds_date, Accepted: _accepted,
    NotFound: _not_found, Refused: _refused, HistoryAppended: _history_appended, HistoryUnchanged: _history_unchanged,
    Order: _order, Contains: _contains, Oracle: _oracle, PersonItems: _person_items, Printed: _printed,
}
