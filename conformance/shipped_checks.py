"""Every check shipped with the harness, collected into one registry.

The check modules import :mod:`conformance.checks.registry` (the ``check`` decorator, the context);
this module imports them, never the other way round, so which checks exist is a list written here (and,
for the domain folders, the registry of domains), never a side effect of what happened to be imported (no
import cycle: docs/architecture.md).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from types import ModuleType
from typing import Any

from conformance.catalog.domain_rules import DOMAINS_DIR, domain_folders
from conformance.checks.registry import Registry
from conformance.checks.scenarios import Loaded, Rule

#: The modules of a domain folder that register checks, unless its package names its own (``CHECK_MODULES``
#: in its ``__init__``: a big domain's sub-folders).
CHECK_MODULES = ("checks", "forms")


def _check_module_names(slug: str) -> tuple[str, ...]:
    package = importlib.import_module(f"conformance.domains.{slug}")
    named: tuple[str, ...] | None = getattr(package, "CHECK_MODULES", None)
    if named is not None:
        return named
    return tuple(name for name in CHECK_MODULES if (DOMAINS_DIR / slug / f"{name}.py").is_file())


def domain_check_modules() -> list[ModuleType]:
    """The check modules of every domain folder, in the registry's order of domains."""
    return [importlib.import_module(f"conformance.domains.{slug}.{name}")
            for slug in domain_folders() for name in _check_module_names(slug)]


def default_registry() -> Registry:
    """The registry of every check shipped with the harness (listed here, not found by import)."""
    from conformance.checks import api, files, refusals, scenarios
    from conformance.domains import feed, feed_refusals, world
    from conformance.scenarios import check as scenario_check

    registry = Registry()
    # The checks judged on export files and the linkage API (its refusals too), the machinery of the generated
    # persons' rules (scenarios) and the catalog's scenarios (scenario.run).
    for module in (api, refusals, files, scenarios, scenario_check):
        registry.add_module(module)
    # The cross-domain machine (docs/model.md, "One world across domains") and the 異動 fed to a domain system
    # (domains/feed.py): they read several domains, so no folder holds them.
    registry.add_module(world)
    registry.add_module(feed)
    registry.add_module(feed_refusals)
    # Every domain folder's checks: the folders of the registry of domains (catalog/domain_rules.py), each
    # folder's modules as its package names them (CHECK_MODULES), never a list written here.
    for module in domain_check_modules():
        registry.add_module(module)
    return registry


# -- what the checks read of the per-person query (the published contract: conformance/catalog/contract.py) --------


class _Reading(dict[str, Any]):
    """An answer that writes down each key a check's reading asks of it (a part, then the part's fields), and has
    none: every field reads as absent, which each reading must bear (a vendor may leave out a field)."""

    def __init__(self, path: tuple[str, ...], asked: set[tuple[str, ...]]) -> None:
        super().__init__()
        self._path, self._asked = path, asked

    def _ask(self, key: str) -> Any:
        self._asked.add((*self._path, key))
        # A part is a mapping of fields; a field deeper down is not followed (its shape is the contract's).
        return _Reading((*self._path, key), self._asked) if not self._path else None

    def get(self, key: str, default: Any = None) -> Any:
        found = self._ask(key)
        return default if found is None else found

    def __getitem__(self, key: str) -> Any:
        found = self._ask(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self._ask(key)
        return False


def domain_rules(slug: str) -> list[Rule]:
    """The rules of domain ``slug`` that ask the per-person query (not a print), in name order."""
    domain_check_modules()  # imported, every rule of the folder is reachable below
    prefix = f"conformance.domains.{slug}."
    found: dict[str, Rule] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix):
            continue
        for value in vars(module).values():
            members = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) \
                else (value,)
            for member in members:
                if isinstance(member, Rule) and member.ask is None:
                    found[member.name] = member
    return [found[name] for name in sorted(found)]


def answer_reads(slug: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """Part of the per-person query -> field of it -> the rules of domain ``slug`` that read it.

    Found by running each rule's own reading (``Rule.actual``) of an answer that notes what is asked of it, so it is
    what the checks read, never a list written beside them; a reading that needs a field's value to go on is asked
    no further (its other fields are the contract's to list, and the coverage test holds them to the reference's
    traffic)."""
    reads: dict[tuple[str, ...], set[str]] = {}
    for rule in domain_rules(slug):
        asked: set[tuple[str, ...]] = set()
        # A reading that stops on a missing value has noted the fields it asked before.
        with contextlib.suppress(KeyError, TypeError, AttributeError, ValueError, AssertionError):
            rule.actual(_Reading((), asked), Loaded("0000000019", ("0000000027",)))
        for path in asked:
            reads.setdefault(path, set()).add(rule.name)
    parts: dict[str, dict[str, tuple[str, ...]]] = {}
    for path, rules in sorted(reads.items()):
        fields = parts.setdefault(path[0], {})  # a key of the answer (a part, or 年度) even where no field is read
        if len(path) == 2:
            fields[path[1]] = tuple(sorted(rules))
    return parts
