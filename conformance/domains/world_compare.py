"""The comparison of the cross-domain machine (:mod:`conformance.domains.world`): one domain's part of the
per-person answer (:class:`Part`: its expected values and the requirement of each field) against the answer, each
field that differs a breach ``world.domain_mismatch`` against the requirement whose rule gives the value
(:func:`judge_answer`). The parts themselves are :data:`conformance.domains.world_parts.PARTS`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from conformance.checks.scenarios import QUERY_PATH
from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.world_seen import Seen
from conformance.findings import shown_pair, shown_value
from conformance.oracles.readings import Either, not_yet

Projection = dict[str, Any]


#: Which requirement a field's value is the rule of, when that depends on the person (the ただし書, the 号 that
#: decides the day): the part's field, the person, the day asked, the oracle's value; None: the part's default.
Cause = Callable[[str, Seen, date, Any], str | None]


@dataclass(frozen=True)
class Part:
    """One domain's part of the per-person answer: what the oracle expects of the fields it judges, and the
    requirement each field's rule is (the statute edition's, as the domain's own checks are bound)."""

    name: str
    expected: Callable[[Seen, date], Projection]
    requirements: Mapping[str, str]
    #: The requirement of a field's value where the person decides it (the ただし書, the 号 of 第8条 ...).
    cause: Cause = lambda field, seen, as_of, value: None
    #: The fields as read from the domain's part of the answer (by default the part itself).
    read: Callable[[Mapping[str, Any]], Mapping[str, Any]] = lambda got: got
    #: The fields judged only where the answer gives them (a property of an entry the vendor lists: whether it
    #: lists it is another field's, which a missing entry must not fail twice).
    if_given: Callable[[str], bool] = lambda field: False
    #: The fields that are days of a 資格: one after the day asked may also be null (not yet on as_of:
    #: :func:`conformance.oracles.readings.not_yet`).
    dated: tuple[str, ...] = ()

    def requirement_of(self, field: str, seen: Seen, as_of: date, value: Any) -> str:
        return self.cause(field, seen, as_of, value) or self.requirements[field]

    @property
    def domain(self) -> str:
        """The slug of the domain whose part it is (its requirements' editions)."""
        return next(iter(self.requirements.values())).split("-", 1)[0]


def judge_answer(part: Part, seen: Seen, answer: Mapping[str, Any], as_of: date, label: str,
                 compared: set[str] | None = None) -> list[Breach]:
    """Each field of the domain's part of the answer against the oracle's value, reported against the requirement
    whose rule gives that value (:meth:`Part.requirement_of`), which is added to ``compared``. A day of an earlier
    stay of a person who came back is judged by that stay (:meth:`Seen.on`)."""
    seen = seen.on(as_of)
    got = answer.get(part.name)
    got = part.read(got) if isinstance(got, Mapping) else {}
    breaches = []
    for name, value in not_yet(part.expected(seen, as_of), part.dated, as_of).items():
        if part.if_given(name) and name not in got:
            continue
        requirement = part.requirement_of(name, seen, as_of, value)
        if compared is not None:
            compared.add(requirement)
        actual = got.get(name)
        if actual == value:
            continue
        breaches.append(Breach(requirement, "world.domain_mismatch",
                               f"{part.name}: {name} of {label} on {as_of.isoformat()} differs from the oracle fed "
                               "from the model of 住民記録", f"{QUERY_PATH}#/{part.name}/{name}@{as_of.isoformat()}",
                               *_shown_pair(value, actual)))
    return breaches


def _shown_pair(value: Any, actual: Any) -> tuple[str, str]:
    """The oracle's value and the answer's as a breach shows them: the answers every reading allows as ``a | b``."""
    return (str(value), shown_value(actual)) if isinstance(value, Either) else shown_pair(value, actual)
