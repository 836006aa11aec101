"""Named defects of the reference vendor: each breaks exactly the requirements it lists.

Each unit's defects are data beside it: ``<unit>.defects.yaml`` next to ``<unit>.py``, a list of ``name``, a
one-line ``description`` and the ``requirements`` it must fail (ids of the catalog), with the reasoning as YAML
comments. This module only loads them: adding a defect edits the unit and its file, nothing shared.

The self-conformance test runs the suite once per defect and expects exactly these requirements
to fail, so a defect's ``requirements`` must list every requirement its behaviour breaks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from conformance.errors import SpecError, UsageError
from conformance.messages import did_you_mean

#: The package's folder: every ``*.defects.yaml`` in it is read.
UNITS_DIR = Path(__file__).resolve().parent
SUFFIX = ".defects.yaml"


@dataclass(frozen=True)
class Defect:
    """A deliberate deviation from the spec, and the requirement ids it violates."""

    name: str
    description: str
    requirements: tuple[str, ...]


class _Entry(BaseModel):
    """One defect as its file writes it."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    name: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    description: Annotated[str, Field(min_length=1)]
    requirements: Annotated[list[str], Field(min_length=1)]


def _read(path: Path) -> list[Defect]:
    """The defects of one unit's file; a ``SpecError`` names the file, the entry and what is wrong."""
    try:
        # libyaml's loader (the package's own files, read at every start: PyYAML's took 130 ms for the 58 files).
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise SpecError([f"{path}: cannot read the defects: {error}"]) from None
    if not isinstance(document, list):
        raise SpecError([f"{path}: expected a list of defects, got {type(document).__name__}"])
    found: list[Defect] = []
    for index, entry in enumerate(document):
        try:
            item = _Entry.model_validate(entry)
        except ValidationError as error:
            raise SpecError([f"{path}: entry {index + 1}: {'.'.join(map(str, problem['loc']))}: {problem['msg']}"
                             for problem in error.errors()]) from None
        found.append(Defect(item.name, item.description, tuple(item.requirements)))
    return found


def load_defects(folder: Path = UNITS_DIR) -> dict[str, Defect]:
    """Every unit's defects by name, the units in file-name order; a name defined twice is a ``SpecError``."""
    defects: dict[str, Defect] = {}
    where: dict[str, Path] = {}
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        for defect in _read(path):
            if defect.name in defects:
                raise SpecError([f"{path}: defect {defect.name} is defined in {where[defect.name].name} too"])
            defects[defect.name] = defect
            where[defect.name] = path
    return defects


DEFECTS: dict[str, Defect] = load_defects()


def parse_defects(names: Iterable[str]) -> frozenset[str]:
    """The defect names, checked; an unknown name is a ``UsageError`` naming the close one, if any."""
    chosen = frozenset(names)
    for name in sorted(chosen):
        if name not in DEFECTS:
            known = sorted(DEFECTS)
            raise UsageError(f"unknown defect {name!r}{did_you_mean(name, known)}; known defects: {', '.join(known)}")
    return chosen
