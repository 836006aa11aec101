"""The typed registry of checks.

A check is a generator function marked with :func:`check`; marking has no side effect. A
:class:`Registry` is filled explicitly from modules (:meth:`Registry.add_module`), and a duplicate
name is an error, so which checks exist never depends on what happened to be imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from conformance import messages
from conformance.catalog.check_params import Params
from conformance.catalog.models import Requirement
from conformance.errors import NotAutomated as NotAutomated  # checks raise it from here (the registry's API)
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.messages import did_you_mean
from conformance.targets.base import Target

P = TypeVar("P", bound=Params)
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class NotApplicablePart:
    """What a check did not judge because the profile says it does not apply, and why, in Japanese and English;
    ``whole``: the check judged nothing else (its NOT_APPLICABLE reason then says nothing of the rest)."""

    ja: str
    en: str
    whole: bool = False


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a check is given: the requirement it verifies, its parameters and the target.

    ``params`` is the binding's parameters, as written in the catalog (a mapping) or already validated
    (the check's model of conformance/catalog/check_params.py or a folder's params.py, as the runner passes
    them); a check reads them through :meth:`args`, as attributes with the model's defaults."""

    requirement: Requirement
    params: Mapping[str, Any] | Params = field(default_factory=dict)
    target: object | None = None
    #: Parts of the requirement the check did not judge because the profile says they do not apply
    #: (a column declared absent): :meth:`does_not_apply` adds one; the runner reads them.
    not_applicable: list[NotApplicablePart] = field(default_factory=list, compare=False)
    #: What the check did not run because the profile does not offer it (a driver operation, an API operation,
    #: a form not declared): :meth:`did_not_run` adds one; the runner never concludes PASS beside one.
    not_run: list[str] = field(default_factory=list, compare=False)

    def args(self, model: type[P]) -> P:
        """The parameters as ``model``: the instance itself when they are one, else validated by it.

        A parameter the model rejects (unknown, missing, of the wrong type or value) is a UsageError
        naming the requirement, the parameter, the value given and what was expected."""
        if type(self.params) is model:  # exactly: a subclass has other defaults
            return self.params
        if isinstance(self.params, Params):
            raise UsageError(f"{self._whose()}: the check reads its params as {model.__name__}, "
                             f"they were given as {type(self.params).__name__}")
        try:
            return model.model_validate(dict(self.params))
        except ValidationError as error:
            details = error.errors(include_url=False)
            problems = [params_problem(model, detail) for detail in details if not _consequence(detail, details)]
            raise UsageError("\n".join(f"{self._whose()}: {problem}" for problem in problems)) from None

    def _whose(self) -> str:
        requirement = getattr(self.requirement, "id", None)
        return f"{requirement}" if requirement else "a check"

    def need_target(self, needs: str) -> Target:
        """The run's target, or a TargetError naming what the check needs of the vendor (``needs``:
        "a vendor system to call", "the vendor's export files" ...)."""
        if not isinstance(self.target, Target):
            raise TargetError(f"no target: {self.requirement.id} needs {needs}")
        return self.target

    def does_not_apply(self, ja: str, en: str, *, whole: bool = False) -> None:
        """A part of the requirement the profile says does not apply (``ja`` and ``en``: what and why, naming
        the profile): with no finding the requirement is NOT_APPLICABLE with this reason, never a silent PASS.
        ``whole``: the check judges nothing else (the reason then claims nothing was judged beside it)."""
        self.not_applicable.append(NotApplicablePart(ja, en, whole))

    def did_not_run(self, reason: str) -> None:
        """A part of the requirement the check did not judge because the profile does not offer what it needs
        (``reason`` names it): the findings of what did run stand, but without one the requirement is
        NOT_AUTOMATED with this reason, never PASS on the part that ran (issue 64)."""
        if reason not in self.not_run:
            self.not_run.append(reason)

    def finding(
        self, code: str, message: str, *, location: str = "", expected: str | None = None,
        actual: str | None = None,
    ) -> Finding:
        """A finding for this context's requirement."""
        return Finding(code, message, location, expected, actual, self.requirement.id)


def _consequence(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """A list too short only because its items failed (``modes: [fuzzy]``): the items' errors say it all."""
    loc = tuple(detail["loc"])
    return detail["type"] == "too_short" and any(
        len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in details)


#: Nouns of pydantic's type errors, for :func:`params_problem`.
_TYPE_NOUNS = {
    "string_type": "a string", "int_type": "an integer", "int_from_float": "an integer", "float_type": "a number",
    "bool_type": "true or false", "dict_type": "a mapping", "model_type": "a mapping",
    "model_attributes_type": "a mapping", "tuple_type": "a list", "list_type": "a list",
}


def params_problem(model: type[Params], detail: ErrorDetails) -> str:
    """One error of validating parameters with ``model``, as ``params.<field>: <what is wrong>``: the value given
    and what was expected."""
    loc, kind, value, ctx = tuple(detail["loc"]), detail["type"], detail.get("input"), detail.get("ctx") or {}
    path: tuple[object, ...] = ("params", *loc)
    if kind == "extra_forbidden":
        text = messages.unknown_field(loc[-1], list(model.model_fields))
        path = path[:-1]
    elif kind == "missing":
        text = messages.missing_field(loc[-1])
        path = path[:-1]
    elif kind in _TYPE_NOUNS:
        text = messages.wrong_type(_TYPE_NOUNS[kind], value)
    elif kind == "literal_error":
        text = messages.not_allowed(value, re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
    elif kind == "too_short":
        text = messages.too_few_items(ctx.get("min_length"), ctx.get("actual_length"))
    elif kind == "string_too_short":
        minimum = ctx.get("min_length")
        text = messages.empty_value() if minimum == 1 else messages.too_short_text(value, minimum)
    elif kind == "greater_than_equal":
        text = messages.too_small(value, ctx.get("ge"))
    else:
        text = messages.other_problem(detail["msg"], value)
    return messages.at(path, text)


def target_of(ctx: CheckContext) -> Target:
    """The run's target, for a check that queries the vendor (a TargetError without one)."""
    return ctx.need_target("a vendor system to query")


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


def module_checks(module: ModuleType) -> dict[str, CheckFunction]:
    """The checks ``module`` declares, by name: its functions marked with :func:`check`, and the checks in its
    ``RULE_CHECKS`` (a statute domain's rules made checks in one statement: conformance.checks.statute_rules)."""
    found: dict[str, CheckFunction] = {}
    for value in (*vars(module).values(), *getattr(module, "RULE_CHECKS", ())):
        name = getattr(value, _MARK, None)
        if isinstance(name, str):
            if name in found:
                raise UsageError(f"{module.__name__} declares the check {name!r} twice")
            found[name] = value
    return found


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
        """Register every check of ``module`` (:func:`module_checks`)."""
        for name, function in module_checks(module).items():
            self.add(name, function)

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


def once_per_target(target: Target, key: str, compute: Callable[[Target], R], kind: type[R]) -> R:
    """``compute(target)`` once per target (a run's edition): its result of type ``kind``, or the
    :class:`NotAutomated` it raised, is kept in ``target.cache`` under ``key`` and given (or raised) again to every
    requirement the check is bound to."""
    cached = target.cache.get(key)
    if isinstance(cached, NotAutomated):
        raise cached
    if isinstance(cached, kind):
        return cached
    try:
        result = compute(target)
    except NotAutomated as reason:
        target.cache[key] = reason
        raise
    target.cache[key] = result
    return result


def first_seed(target: Target) -> bool:
    """Whether the target's seed is the run's first (or that of a target made without ``seeds``). A machine plays its
    fixed examples with it alone: they are the same at every seed, and the vendor keeps what they did (a 空きコード
    delivered again, a person of the fixed corpus loaded again, is another example, not a replay)."""
    return not target.seeds or target.seed == target.seeds[0]


def seed_key(key: str, seed: int) -> str:
    """Where :func:`once_per_seed` keeps the result of ``key`` for ``seed`` in a target's cache."""
    return f"{key}@seed={seed}"


def once_per_seed(target: Target, key: str, compute: Callable[[Target], R], kind: type[R]) -> R:
    """``compute(target)`` once per target and seed (a machine that draws its examples): the run's seeds share one
    cache (``Target.seeded``), so a result kept under ``key`` alone would hand every later seed the first seed's
    (issue 65: the 住民記録 model's machine, the feed and the cross-domain machine explored the first seed only).
    Reading the seed for the key notes it read, so that the runner judges every requirement bound to the check
    with each of the run's seeds, each given its own seed's result (or :class:`NotAutomated`)."""
    return once_per_target(target, seed_key(key, target.seed), compute, kind)

