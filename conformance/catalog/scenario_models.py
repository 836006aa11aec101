"""Catalog models of the driver protocol and of declarative scenarios (docs/driver.md).

``driver_operations`` describe the HTTP API the harness defines and a vendor implements as a thin
adapter (the driver protocol, ``/driver/v1``), kept apart from the linkage ``interfaces``.
``scenarios`` are tests as data: ``given`` persons, ``steps`` of driver operations, ``expect`` of
named matchers. The vocabulary is closed: no expression is evaluated and nothing is templated; a
value is a literal, a reference to a given person's number, or a JSON pointer into a step's answer.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from conformance.catalog.models import (
    ENTRY_ID_PATTERN,
    REQUIREMENT_ID_PATTERN,
    CatalogModel,
    LaxSeq,
    Provenance,
)

#: The version of the driver protocol this catalog describes (its paths start with /driver/v1).
DRIVER_VERSION = "v1"
#: A JSON pointer (RFC 6901): "" is the whole document.
POINTER_PATTERN = r"^(/[^/]*)*$"
NAME_PATTERN = r"^[a-z][a-z0-9_]*$"


# -- the driver protocol ---------------------------------------------------------------------------


class DriverError(CatalogModel):
    """An エラー or アラート (11.1) a driver operation answers with, by its code."""

    code: Annotated[str, Field(pattern=r"^[EA][0-9]{3}$", description="E...: エラー (blocks), A...: アラート.")]
    kind: Literal["error", "alert"]
    message: Annotated[str, Field(min_length=1, description="理由・対応方法, as the reference words it.")]
    source: Annotated[str, Field(min_length=1, description="The section and sentence of the spec it rests on.")]


class DriverAnswerField(CatalogModel):
    """One key of a driver operation's 200 answer with its JSON type: published in the driver's OpenAPI document as
    the answer's schema, and what a vendor's answer is held to (its meaning and allowed readings in ``description``)."""

    type: Literal["string", "date", "boolean", "integer", "object", "array"] = Field(
        description="date: text YYYY-MM-DD; object: with ``properties``; array: of ``items``.")
    description: Annotated[str, Field(min_length=1, description="What it holds, when, and how it is judged.")]
    nullable: bool = Field(default=False, description="Whether null is allowed (an absent key reads as null).")
    required: bool = Field(default=False, description="Whether every 200 answer carries the key.")
    enum: Annotated[tuple[str, ...], LaxSeq] = Field(default=(), description="The only values allowed (text).")
    properties: dict[str, DriverAnswerField] = Field(default_factory=dict, description="The keys of an object.")
    items: DriverAnswerField | None = Field(default=None, description="What an array holds.")


class DriverField(CatalogModel):
    """A field of a driver request body (or a query parameter of a ``get`` operation)."""

    name: Annotated[str, Field(min_length=1)]
    type: Literal["string", "date", "items", "list", "flag", "integer", "object", "array"] = Field(
        default="string", description="items: an object of data item header -> value; list: of 宛名番号; "
        "flag: true/false; integer: a whole number of 1 or more; object: with ``properties``; array: of ``items``.")
    required: bool = False
    description: str | None = None
    nullable: bool = Field(default=False, description="Whether null is sent too (e.g. no 父 known).")
    enum: Annotated[tuple[str, ...], LaxSeq] = Field(default=(), description="The only values sent (text).")
    properties: dict[str, DriverAnswerField] = Field(default_factory=dict, description="The keys of an object "
                                                     "(typed like an answer's: ``required`` where always sent).")
    items: DriverAnswerField | None = Field(default=None, description="What an array holds.")


class DriverOperation(CatalogModel):
    """One operation of the driver protocol: what the function requirements talk about."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    name: Annotated[str, Field(min_length=1, description="The function, as the spec names it (転入, 転居 ...).")]
    group: Literal["setup", "change", "query"]
    method: Literal["get", "post"]
    path: Annotated[str, Field(pattern=r"^/", description="Below the driver's base path (/driver/v1).")]
    fields: Annotated[tuple[DriverField, ...], LaxSeq] = ()
    errors: Annotated[tuple[DriverError, ...], LaxSeq] = Field(
        default=(), description="The エラー and アラート codes this operation may answer with.")
    sections: Annotated[tuple[str, ...], LaxSeq] = Field(default=(), description="Sections of the spec it serves.")
    description: str | None = Field(default=None, description="What the operation does and how it is answered, "
                                    "for the vendor (published as the operation's description).")
    answer: dict[str, Annotated[str, Field(min_length=1)] | DriverAnswerField] = Field(
        default_factory=dict, description="The keys of its 200 answer the harness reads, each with what it holds "
        "(published in the driver's OpenAPI document; every item value travels as text), or with its JSON type "
        "(a statute edition's answer: the published schema a vendor's answer is held to).")
    refusals: dict[Annotated[str, Field(pattern=r"^4[0-9]{2}$")], Annotated[str, Field(min_length=1)]] = Field(
        default_factory=dict, description="Statuses other than 200 the harness reads as an answer, each with its "
        "meaning (the protocol's Error body); any other status leaves the check unable to judge (ERROR).")
    provenance: Provenance


# -- scenarios -------------------------------------------------------------------------------------


class PersonRef(CatalogModel):
    """The number of a given person (``item`` defaults to 宛名番号; 世帯番号 names their household)."""

    person: Annotated[str, Field(pattern=NAME_PATTERN)]
    item: Literal["宛名番号", "世帯番号"] = "宛名番号"


class StepRef(CatalogModel):
    """A value from the answer of an earlier step, by JSON pointer."""

    step: Annotated[str, Field(pattern=NAME_PATTERN)]
    pointer: Annotated[str, Field(pattern=POINTER_PATTERN)]


#: Data items (header -> value) of a person in a request: literal text, or a given person's number.
Items = dict[str, str | PersonRef]
#: A step parameter: literal text or flag, a person's number, an earlier answer's value, a list of
#: those, items, or a list of items (the persons of a 転入).
Value = str | bool | PersonRef | StepRef | tuple[str | PersonRef, ...] | Items | tuple[Items, ...]


class GivenPerson(CatalogModel):
    """A person the scenario starts with, created through the driver's ``fixtures.persons``."""

    name: Annotated[str, Field(pattern=NAME_PATTERN, description="The scenario's name for the person.")]
    household: Annotated[str, Field(pattern=NAME_PATTERN, description="Persons with the same household name "
                                    "share one 世帯.")]
    items: Annotated[dict[str, str], Field(strict=False, description="Data items (header -> value) over the "
                                           "defaults of a current Japanese resident.")] = Field(default_factory=dict)


class Given(CatalogModel):
    """The test data: literal persons (``persons``), on top of the loaded town (``town``)."""

    town: bool = Field(default=True, description="The generated town is loaded (it always is in a run).")
    persons: Annotated[tuple[GivenPerson, ...], LaxSeq] = ()


class Step(CatalogModel):
    """One call of a driver operation."""

    id: Annotated[str, Field(pattern=NAME_PATTERN)]
    op: Annotated[str, Field(pattern=ENTRY_ID_PATTERN, description="The id of a driver operation.")]
    params: Annotated[dict[str, Value], Field(strict=False)] = Field(default_factory=dict)
    creates: Annotated[tuple[Annotated[str, Field(pattern=NAME_PATTERN)], ...], LaxSeq] = Field(
        default=(), description="Names for the persons the answer lists (/persons, in order): a 転入 or 出生 "
        "creates them, later steps and matchers refer to them like given persons.")


class _At(CatalogModel):
    step: Annotated[str, Field(pattern=NAME_PATTERN)]
    pointer: Annotated[str, Field(pattern=POINTER_PATTERN)] = ""
    setting: Annotated[dict[str, str], Field(strict=False)] = Field(
        default_factory=dict, description="Judged only for a product set so (the profile's targets.driver.settings, "
        "each unset one its default): where the text lets a municipality choose, one expectation per choice, "
        "every choice allowed (interpretations.yaml names the setting).")


class Equals(_At):
    """The value at ``pointer`` of the step's answer equals ``value``."""

    matcher: Literal["equals"]
    value: str | bool | PersonRef | StepRef | None


class Absent(_At):
    """Nothing at ``pointer``: the key is missing, null or the empty string."""

    matcher: Literal["absent"]


class Present(_At):
    """Something at ``pointer``: not missing, null or the empty string, whatever it is (where the text asks that
    an item be output without fixing its value: 9.1 R005's 処理端末名称, エラーコード)."""

    matcher: Literal["present"]


class HoldsDate(_At):
    """The value at ``pointer`` is a 年月日 (``YYYY-MM-DD``, month 01-12, day 01-31: a non-calendar day such as
    2月29日 of a common year counts, 1.1.8 R021), whichever day it is: where the text asks that a date be held
    (1.1.8 R005: 内部的には日付を保有) without saying which."""

    matcher: Literal["date"]


class Accepted(CatalogModel):
    """The step was committed (HTTP 200, ``result: ok``)."""

    matcher: Literal["accepted"]
    step: Annotated[str, Field(pattern=NAME_PATTERN)]


class NotFound(CatalogModel):
    """The step's read found nothing: the protocol's answer for what is not there (HTTP 404), not another refusal."""

    matcher: Literal["not_found"]
    step: Annotated[str, Field(pattern=NAME_PATTERN)]


class Refused(CatalogModel):
    """The step was an エラー (blocked) or an アラート (asks for confirmation) with ``code``; nothing committed."""

    matcher: Literal["error", "alert"]
    step: Annotated[str, Field(pattern=NAME_PATTERN)]
    code: Annotated[str, Field(pattern=r"^[EA][0-9]{3}$")]
    items: Annotated[tuple[str, ...], LaxSeq] = Field(
        default=(), description="11.1 R005 原因となったエラー・アラート項目: the refusal's item (an アラート's: that "
        "of its alert with the code) is one of these, every reading the text allows; empty: not judged.")


class HistoryAppended(CatalogModel):
    """The person's history gained exactly ``rows`` rows during ``step`` (1 by default); the last one
    carries ``items``, and every other item is the previous row's value (all items kept)."""

    matcher: Literal["history_appended"]
    step: Annotated[str, Field(pattern=NAME_PATTERN)]
    person: Annotated[str, Field(pattern=NAME_PATTERN)]
    rows: Annotated[int, Field(ge=1)] = 1
    items: Annotated[dict[str, str], Field(strict=False)] = Field(default_factory=dict)
    changed: Annotated[tuple[str, ...], LaxSeq] = Field(
        default=(), description="Items the step may change to a value not listed in ``items``.")
    allowed: Annotated[dict[str, tuple[str, ...]], Field(strict=False)] = Field(
        default_factory=dict, description="Items the text leaves room for: the new row's value is one of these "
        "(every reading the text allows; the scenario's interpretation says why).")
    keeps_others: bool = Field(
        default=True, description="Every item not in ``items`` or ``changed`` keeps the previous row's value "
        "(1.2.1 R017); false when the scenario checks only the items it names.")


class HistoryUnchanged(CatalogModel):
    """The person's history did not change during ``step`` (an エラー committed nothing)."""

    matcher: Literal["history_unchanged"]
    step: Annotated[str, Field(pattern=NAME_PATTERN)]
    person: Annotated[str, Field(pattern=NAME_PATTERN)]


class Order(_At):
    """The list at ``pointer`` has ``key`` values in exactly this order."""

    matcher: Literal["order"]
    key: Annotated[str, Field(min_length=1)]
    values: Annotated[tuple[str | PersonRef, ...], LaxSeq, Field(min_length=1)]


class Contains(_At):
    """The list at ``pointer`` has an entry whose ``key`` is ``value`` (or has none, with ``present: false``)."""

    matcher: Literal["contains"]
    key: Annotated[str, Field(min_length=1)]
    value: str | PersonRef | StepRef = Field(description="A literal, a person's number, or an earlier answer's value "
                                            "(e.g. a 住民票コード drawn from a stock read before, 4.3.1 R002).")
    present: bool = True
    includes: bool = Field(
        default=False, description="The entry's ``key`` includes ``value`` as a part (where the text asks that an "
        "entry 「含める」 some words, 1.1.14 R007) rather than equals it.")
    day: bool = Field(
        default=False, description="``value`` is a day (YYYY-MM-DD) and the entry's ``key`` is that day in any "
        "style (YYYY-MM-DD, 西暦 or 和暦 年月日): where the register leaves a date's style free (1.1.14's 除票).")
    where: Annotated[dict[str, str | PersonRef], Field(strict=False)] = Field(
        default_factory=dict, description="Other keys the same entry must have, each equal to its value (an entry "
        "tied to something, e.g. a 留意事項 to its 異動項目).")

    @model_validator(mode="after")
    def _day_is_a_day(self) -> Contains:
        if self.day and not (isinstance(self.value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", self.value)):
            raise ValueError(f"a contains with day: true needs a YYYY-MM-DD value, got {self.value!r}")
        return self


class Oracle(_At):
    """The value at ``pointer`` equals what an oracle of ``conformance.oracles`` answers for ``args``."""

    matcher: Literal["oracle"]
    oracle: Literal["wareki.to_wareki", "wareki.to_seireki", "jumin.removal_date"]
    args: Annotated[dict[str, str | PersonRef | StepRef], Field(strict=False)]


class Printed(_At):
    """The printed form at ``pointer`` of the step's answer (a base64 PDF, or a list of them: the first), read
    as printed (conformance/targets/forms.py: lines by baseline, left to right). With ``label``: some line
    beginning with it holds every text of ``shows`` and of ``dates`` and none of ``lacks`` (at least one of
    ``any_of``); without: the whole form does. Spaces are ignored (a name's full-width space may be printed or
    not) and nothing of the layout is judged but the line an item is on. The labels are ours where the 様式 is
    not in our sources (interpretations.yaml)."""

    matcher: Literal["printed"]
    label: str | None = None
    shows: Annotated[tuple[str, ...], LaxSeq] = ()
    lacks: Annotated[tuple[str, ...], LaxSeq] = ()
    any_of: Annotated[tuple[str, ...], LaxSeq] = ()
    dates: Annotated[tuple[Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")], ...], LaxSeq] = Field(
        default=(), description="Days (YYYY-MM-DD) printed in 和暦 or 西暦, whichever (the text fixes no style).")


class PersonItems(CatalogModel):
    """After the steps, every endpoint that returns the person shows these items: the driver's person
    view and the linkage API's resident, history (last row), household and list documents, and the
    住民票の写し the linkage API issues (its 記載事項, 項目 -> 値). A value may
    be a given person's number (the 世帯番号 an attempt to blank must leave in place, 1.1.6 R021)."""

    matcher: Literal["person_items"]
    person: Annotated[str, Field(pattern=NAME_PATTERN)]
    items: Annotated[dict[str, str | PersonRef | None], Field(strict=False, min_length=1)]
    endpoints: Annotated[
        tuple[Literal["driver", "resident", "history", "household", "list", "certificate"], ...], LaxSeq,
        Field(min_length=1, description="certificate: the 記載事項 of 住民票の写し (POST /certificates) by 項目.")
    ] = ("driver", "resident", "history", "household")


Expect = Annotated[
    Equals | Absent | Present | HoldsDate | Accepted | NotFound | Refused | HistoryAppended | HistoryUnchanged | Order
    | Contains | Oracle | PersonItems | Printed,
    Field(discriminator="matcher"),
]


class Checks(CatalogModel):
    """Which sentence of a bound requirement the scenario checks, quoted."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    sentence: Annotated[str, Field(min_length=1, description="The words of the requirement checked, verbatim.")]


class Scenario(CatalogModel):
    """A test as data, bound to the requirements whose text it checks."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    title: Annotated[str, Field(min_length=1)]
    requirements: Annotated[tuple[Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)], ...], LaxSeq,
                            Field(min_length=1)]
    checks: Annotated[tuple[Checks, ...], LaxSeq] = Field(
        default=(), description="The sentence of each bound requirement the scenario checks.")
    interpretation: str | None = Field(default=None, description="Where the spec leaves room: the reading taken.")
    given: Given = Given()
    steps: Annotated[tuple[Step, ...], LaxSeq, Field(min_length=1)]
    expect: Annotated[tuple[Expect, ...], LaxSeq, Field(min_length=1)]


class Interpretation(CatalogModel):
    """An entry of the interpretation register: a point where the text leaves room, the readings the
    harness accepts (every one the text allows), and what judges by it."""

    id: Annotated[str, Field(pattern=ENTRY_ID_PATTERN)]
    requirements: Annotated[tuple[Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)], ...], LaxSeq,
                            Field(min_length=1)]
    question: Annotated[str, Field(min_length=1, description="What the text does not settle.")]
    text: Annotated[str, Field(min_length=1, description="The words of the spec it rests on, verbatim.")]
    accepted: Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq, Field(
        min_length=1, description="Every reading accepted (a set of allowed values, not one).")]
    used_by: Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq] = Field(
        default=(), description="What judges by it: the model's rule, a scenario id.")


class ScenarioDocument(CatalogModel):
    """A scenario or driver file of an edition (``driver.yaml``, ``scenarios/*.yaml``), or the
    interpretation register (``interpretations.yaml``)."""

    driver_operations: Annotated[tuple[DriverOperation, ...], LaxSeq] = ()
    scenarios: Annotated[tuple[Scenario, ...], LaxSeq] = ()
    interpretations: Annotated[tuple[Interpretation, ...], LaxSeq] = ()


#: The model each list of a ScenarioDocument holds (the loader validates entry by entry).
SCENARIO_ENTRY_MODELS: dict[str, Any] = {"driver_operations": DriverOperation, "scenarios": Scenario,
                                         "interpretations": Interpretation}
