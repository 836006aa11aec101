"""Worked examples from public sources that a domain's oracle must reproduce (issue 46: judged by examples nobody
here wrote).

A domain folder keeps them as data in ``examples.yaml``: each example cites its source (address, publisher,
title, the day it was read), says in our own words what the source states (``says``: a paraphrase, never the
source's text), and gives the case and the answer the source implies (``case``, ``expect``). Where a source
names only a month and a day, the year is ours and ``note`` says so. The folder's ``examples.py`` turns a case
into the oracle's answer (``answer(case) -> {field: value}``); tests/domains/test_worked_examples.py requires
every expected field to match. Where an oracle and a source disagree, the oracle is fixed or the reading is
recorded (``reading``: why the source is not followed, with the provision), never left silent.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated, Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from conformance.catalog.domain_rules import DOMAINS_DIR
from conformance.catalog.yamlmarks import MarkedDocument, load_yaml
from conformance.errors import SpecError
from conformance.messages import display_path

EXAMPLES_FILE = "examples.yaml"
#: An example's id: ``<slug>-ex-<name>``.
EXAMPLE_ID = r"^[a-z][a-z0-9_]*-ex-[a-z0-9][a-z0-9-]*$"


class Source(BaseModel):
    """Where an example comes from: a public page of an official body (a municipality, a ministry, a 連合会)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    url: AnyHttpUrl = Field(strict=False)
    publisher: Annotated[str, Field(min_length=1)]
    title: Annotated[str, Field(min_length=1)]
    #: The day the page was read (ISO), as the stored copy the search tool gave.
    seen: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Example(BaseModel):
    """One worked example: its source, what the source states in our words, the case and the answer expected."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    id: Annotated[str, Field(pattern=EXAMPLE_ID)]
    source: Source
    says: Annotated[str, Field(min_length=1, max_length=400)]
    provision: Annotated[str, Field(min_length=1)]
    case: dict[str, Any]
    expect: Annotated[dict[str, Any], Field(min_length=1)]
    note: str | None = None
    #: Where the oracle does not follow the source: why (the provision), our interpretation.
    reading: str | None = None


class Examples(BaseModel):
    """A folder's ``examples.yaml``."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    examples: Annotated[list[Example], Field(min_length=1)]


def folders_with_examples() -> tuple[str, ...]:
    """The domain folders that keep worked examples."""
    return tuple(sorted(path.parent.name for path in DOMAINS_DIR.glob(f"*/{EXAMPLES_FILE}")))


@cache
def examples_of(slug: str) -> tuple[Example, ...]:
    """The worked examples of domain ``slug``; a ``SpecError`` names the file, the line, the field, the value and
    what was expected."""
    path = DOMAINS_DIR / slug / EXAMPLES_FILE
    document = load_yaml(path)  # a YamlError (a SpecError) names the file and line of a broken document
    try:
        loaded = Examples.model_validate(document.data)
    except ValidationError as error:
        raise SpecError([_located(document, problem) for problem in error.errors()]) from None
    ids = [example.id for example in loaded.examples]
    problems = [f"{display_path(path)}:{document.line_of(('examples', index, 'id'))}: examples.{index}.id: "
                f"{example_id!r} is written twice" for index, example_id in enumerate(ids)
                if ids.index(example_id) != index]
    problems += [f"{display_path(path)}:{document.line_of(('examples', index, 'id'))}: examples.{index}.id: "
                 f"{example_id!r} does not begin with {slug}-ex-" for index, example_id in enumerate(ids)
                 if not example_id.startswith(f"{slug}-ex-")]
    if problems:
        raise SpecError(problems)
    return tuple(loaded.examples)


def _located(document: MarkedDocument, problem: ErrorDetails) -> str:
    where = tuple(problem["loc"])
    field = ".".join(str(part) for part in where)
    return (f"{display_path(document.path)}:{document.line_of(where)}: {field}: {problem['msg']} "
            f"(got {problem.get('input')!r})")


# -- what every domain's examples.py reads a case with --------------------------------------------------------


def day(value: Any) -> date:
    """A case's day, written ``YYYY-MM-DD``."""
    return date.fromisoformat(str(value))


def month(value: Any) -> tuple[int, int]:
    """A case's month, written ``YYYY-MM``."""
    year, number = str(value).split("-")
    return int(year), int(number)


def month_text(month_: tuple[int, int]) -> str:
    """A month as the answers write it, ``YYYY-MM``."""
    return f"{month_[0]:04d}-{month_[1]:02d}"
