"""One fixed example of the model's state machine run alone against the in-process reference (the tests of
``long_sheet``, ``unknown_births`` and ``full_read_walk``): its session, with the breach it recorded, if any."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from inprocess import InProcessReference, started_in_process

from conformance.catalog.loader import load_edition
from conformance.domains.jumin.model.check import session_of
from conformance.domains.jumin.model.steps import ModelBreach, Session
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

EDITION = load_edition(default_catalog_root() / "jumin" / "1.0")


def run_alone(example: Callable[[Session], None], defects: frozenset[str] = frozenset(),
              prepare: Callable[[InProcessReference], None] | None = None) -> Session:
    """``example`` against the reference with ``defects`` (``prepare`` changes the reference first): one seed, one
    example, not shrunk, the first breach ending it."""
    with started_in_process(defects) as running:
        if prepare is not None:
            prepare(running)
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=1,
                        max_examples=1, shrink=False, every_breach=False)
        session = session_of(target)
        with contextlib.suppress(ModelBreach):
            example(session)
        return session
