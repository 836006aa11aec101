"""The typed registry of checks.

A check is a generator function marked with :func:`check`; marking has no side effect. A
:class:`Registry` is filled explicitly from modules (:meth:`Registry.add_module`), and a duplicate
name is an error, so which checks exist never depends on what happened to be imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Protocol

from conformance.catalog.models import Requirement
from conformance.errors import ConformanceError, TargetError, UsageError
from conformance.findings import Finding
from conformance.messages import did_you_mean
from conformance.targets.base import Target


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check is given: the requirement it verifies, its parameters and the target."""

    requirement: Requirement
    params: Mapping[str, Any] = field(default_factory=dict)
    target: object | None = None

    def need_target(self, needs: str) -> Target:
        """The run's target, or a TargetError naming what the check needs of the vendor (``needs``:
        "a vendor system to call", "the vendor's export files" ...)."""
        if not isinstance(self.target, Target):
            raise TargetError(f"no target: {self.requirement.id} needs {needs}")
        return self.target

    def finding(
        self, code: str, message: str, *, location: str = "", expected: str | None = None,
        actual: str | None = None,
    ) -> Finding:
        """A finding for this context's requirement."""
        return Finding(code, message, location, expected, actual, self.requirement.id)


class NotAutomated(ConformanceError):
    """The check cannot judge this vendor (e.g. its driver adapter lacks an operation): the
    requirement is NOT_AUTOMATED with this reason, never PASS."""


class CheckFunction(Protocol):
    """The shape of a check: context in, findings out."""

    def __call__(self, ctx: CheckContext) -> Iterable[Finding]: ...


_MARK = "__conformance_check__"
_READS_EXPORTS = "__conformance_reads_exports__"


def check(name: str, *, reads_exports: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Mark a function as the check called ``name``; it is registered by :meth:`Registry.add_module`.

    ``reads_exports``: the check reads the vendor's export files (``Target.need_exports``). The run
    fetches an edition's exports as loaded (seconds for a large town) only when one of its checks
    does; an edition without one gets a target with no export source, so an undeclared reader fails
    loudly instead of reading the exports after other scenarios changed the records."""

    def mark(function: CheckFunction) -> CheckFunction:
        setattr(function, _MARK, name)
        if reads_exports:
            setattr(function, _READS_EXPORTS, True)
        return function

    return mark


class Registry:
    """Checks by name."""

    def __init__(self) -> None:
        self._checks: dict[str, CheckFunction] = {}
        self._export_readers: set[str] = set()

    def add(self, name: str, function: CheckFunction) -> None:
        """Register ``function`` as ``name``; a name is registered once only."""
        if name in self._checks:
            raise UsageError(f"check {name!r} is registered twice")
        self._checks[name] = function
        if getattr(function, _READS_EXPORTS, False):
            self._export_readers.add(name)

    def add_module(self, module: ModuleType) -> None:
        """Register every function of ``module`` marked with :func:`check`."""
        for value in vars(module).values():
            name = getattr(value, _MARK, None)
            if isinstance(name, str):
                self.add(name, value)

    def get(self, name: str) -> CheckFunction:
        """The check called ``name``, or a UsageError naming the known ones."""
        try:
            return self._checks[name]
        except KeyError:
            hint = did_you_mean(name, self._checks)
            raise UsageError(f"unknown check {name!r}{hint}") from None

    def reads_exports(self, name: str) -> bool:
        """Whether the check called ``name`` was declared with ``reads_exports`` (:func:`check`)."""
        return name in self._export_readers

    def __contains__(self, name: object) -> bool:
        return name in self._checks

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._checks))
