"""Draws that depend on the run's seed and nothing else.

Hypothesis (6.13x and later) mixes into its draws, now and then, "local constants": the literals of
every module of the caller's own code that happens to be imported at that moment
(``hypothesis.internal.conjecture.providers._get_local_constants``). The same seed then draws other
sequences in a process that has imported more of the project (a test worker that ran other tests
first, a CLI run that loaded other checks) than in one that has imported less, or where the project
is installed in site-packages (not "local" to Hypothesis) rather than from a checkout. A conformance
run's ``--seed`` must replay the same 異動 whatever else the process loaded: a vendor re-running the
run that failed it, and a municipality repeating the vendor's run, must see the same examples (seen:
a defect caught by the model's machine in one pytest worker and missed in another, same seed).

:func:`reproducible` gives Hypothesis an empty pool of local constants for the whole process. Its
global constants (a fixed list in Hypothesis itself) still come up, so the draws still reach the
boundary values they help with. The hook is a private name of Hypothesis: the version is pinned in
``constraints.txt``, and ``tests/test_draws.py`` fails when the name moves.
"""

from __future__ import annotations

import threading

from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants
from hypothesis.internal.floats import float_to_int
from sortedcontainers import SortedSet  # type: ignore[import-untyped]  # Hypothesis's own dependency

_lock = threading.Lock()


def _no_local_constants() -> Constants:
    """The pool of local constants, always empty (a new one each call: Hypothesis unions into what it gets)."""
    return Constants(integers=SortedSet(), floats=SortedSet(key=float_to_int), bytes=SortedSet(), strings=SortedSet())


def reproducible() -> None:
    """Make every Hypothesis draw of this process a function of its seed alone (idempotent, thread-safe)."""
    with _lock:
        if providers._get_local_constants is _no_local_constants:
            return
        providers._get_local_constants = _no_local_constants
        # Pools already computed from the modules loaded so far are dropped, so none of them is drawn from again.
        providers.CONSTANTS_CACHE.cache.clear()
