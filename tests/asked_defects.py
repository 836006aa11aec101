"""A defect set that records which defects the reference asked about: a probe whose answers never asked whether a
defect is on takes the same branches with it on, so it need not run again for that defect
(tests/reference/test_reference_defects.py's segments and queries, tests/rule_probes.py's rules)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class AskedDefects(frozenset[str]):
    """No defect on, and a record of the defect names the reference asked about (``name in defects``).

    Any other use of the set (iterating it, its length, a set operation) could depend on the names in it
    without asking for one: it is recorded in ``opaque``, and then nothing is concluded from ``asked``."""

    asked: set[str]
    opaque: list[str]

    def __new__(cls) -> AskedDefects:
        made = super().__new__(cls)
        made.asked, made.opaque = set(), []
        return made

    def __contains__(self, name: object) -> bool:
        self.asked.add(str(name))
        return False


def _opaque(operation: str) -> Callable[..., Any]:
    def used(self: AskedDefects, *args: Any, **kwargs: Any) -> Any:
        self.opaque.append(operation)
        return getattr(frozenset, operation)(self, *args, **kwargs)
    return used


for _operation in ("__iter__", "__len__", "__and__", "__rand__", "__or__", "__ror__", "__sub__", "__rsub__",
                   "__xor__", "__rxor__", "intersection", "union", "difference", "symmetric_difference",
                   "isdisjoint", "issubset", "issuperset", "__le__", "__lt__", "__ge__", "__gt__", "__eq__",
                   "__ne__", "copy"):
    setattr(AskedDefects, _operation, _opaque(_operation))
AskedDefects.__hash__ = frozenset.__hash__  # type: ignore[method-assign]  # (__eq__ above drops it)
