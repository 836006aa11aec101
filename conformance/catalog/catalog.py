"""The loaded catalog: valid entries to run against, and located errors for the rest.

A catalog with errors is still usable: an invalid entry is left out and reported, so one typo
fails one requirement instead of the whole run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from conformance import messages
from conformance.catalog.models import (
    ApiInterface,
    CodeTable,
    DataItem,
    Edition,
    FileInterface,
    Form,
    FunctionEntry,
    Requirement,
    Schema,
)
from conformance.catalog.scenario_models import DriverOperation, Interpretation, Scenario
from conformance.errors import SpecError, UsageError


@dataclass(frozen=True)
class LocatedError:
    """A catalog problem at ``file:line``; ``entry_id`` names the entry it fails, when readable."""

    file: str
    line: int
    message: str
    entry_id: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _raise_for(errors: tuple[LocatedError, ...]) -> None:
    if errors:
        raise SpecError([str(error) for error in errors])


@dataclass(frozen=True)
class EditionCatalog:
    """One ``<domain>/<edition>`` directory: its valid entries in file order, and its errors."""

    path: Path
    edition: Edition | None
    requirements: tuple[Requirement, ...] = ()
    data_items: tuple[DataItem, ...] = ()
    code_tables: tuple[CodeTable, ...] = ()
    forms: tuple[Form, ...] = ()
    interfaces: tuple[ApiInterface | FileInterface, ...] = ()
    schemas: tuple[Schema, ...] = ()
    errors: tuple[LocatedError, ...] = ()
    functions: tuple[FunctionEntry, ...] = ()
    driver_operations: tuple[DriverOperation, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    #: The interpretation register (``interpretations.yaml``): where the text leaves room.
    interpretations: tuple[Interpretation, ...] = ()

    @property
    def domain(self) -> str:
        """The domain slug; from the directory name when ``edition.yaml`` is unusable."""
        return self.edition.domain if self.edition is not None else self.path.parent.name

    @property
    def edition_name(self) -> str:
        """The edition number such as ``1.0``; from the directory name when ``edition.yaml`` is unusable."""
        return self.edition.edition if self.edition is not None else self.path.name

    @cached_property
    def _requirements_by_id(self) -> dict[str, Requirement]:
        return {requirement.id: requirement for requirement in self.requirements}

    def requirement(self, requirement_id: str) -> Requirement:
        """The valid requirement with this id; ``UsageError`` (with a suggestion) if there is none."""
        found = self._requirements_by_id.get(requirement_id)
        if found is None:
            known = list(self._requirements_by_id)
            raise UsageError(messages.unknown_lookup("requirement", requirement_id, known))
        return found

    def raise_for_errors(self) -> None:
        """Raise ``SpecError`` listing every error, for callers that accept only a clean edition."""
        _raise_for(self.errors)


def edition_sort_key(domain: str, edition: str) -> tuple[str, tuple[int, ...]]:
    """Order editions by domain, then numerically (``1.10`` after ``1.9``)."""
    numbers = tuple(int(part) for part in edition.split(".") if part.isdigit())
    return domain, numbers


@dataclass(frozen=True)
class Catalog:
    """Every edition below a catalog root, and every error found on the way."""

    root: Path
    editions: tuple[EditionCatalog, ...] = ()
    errors: tuple[LocatedError, ...] = ()

    def edition(self, domain: str, edition: str) -> EditionCatalog:
        """The edition ``domain``/``edition``; ``UsageError`` (with a suggestion) if it is absent."""
        for candidate in self.editions:
            if candidate.domain == domain and candidate.edition_name == edition:
                return candidate
        known = [f"{candidate.domain}/{candidate.edition_name}" for candidate in self.editions]
        raise UsageError(messages.unknown_lookup("edition", f"{domain}/{edition}", known))

    def raise_for_errors(self) -> None:
        """Raise ``SpecError`` listing every error, for callers that accept only a clean catalog."""
        _raise_for(self.errors)
