"""Every check shipped with the harness, collected into one registry.

The check modules import :mod:`conformance.checks.registry` (the ``check`` decorator, the context);
this module imports them, never the other way round, so which checks exist is a list written here (and,
for the domain folders, the registry of domains), never a side effect of what happened to be imported (no
import cycle: docs/architecture.md).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from conformance.catalog.domain_rules import DOMAINS_DIR, domain_folders
from conformance.checks.registry import Registry

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
    from conformance.domains import feed, world
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
    # Every domain folder's checks: the folders of the registry of domains (catalog/domain_rules.py), each
    # folder's modules as its package names them (CHECK_MODULES), never a list written here.
    for module in domain_check_modules():
        registry.add_module(module)
    return registry
