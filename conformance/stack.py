"""Running a call in one chunk of CPython 3.11's frame stack, so that a loop at a chunk's edge does not map and
unmap memory at every call.

CPython 3.11 keeps a thread's Python frames in 16 KiB chunks of memory: a call that does not fit in the current
chunk maps a new one (``mmap``) and its return unmaps it (``munmap``). A loop whose calls land exactly on such an
edge does both at every call (python/cpython#142183, "Calls across stack chunks perform badly"; 3.13 and later
keep one chunk in reserve, 3.11 does not). Where the edge falls depends on how deep the caller already is, so the
same run thrashed in one process and not in another: 103,600 mappings of 16 KiB in one defect group's run inside
the tests' pytest against 2,700 in a process of its own, and a third of the group runs' CPU in the kernel in the
whole suite (docs/performance.md, "Seventh pass").

:func:`in_one_stack_chunk` calls through a frame reserved large enough (``co_stacksize``; CPython sizes a frame
from it and never fills the unused part) that CPython puts it at the start of a new chunk of 1 MiB. The call's
own frames then fill the rest of that chunk, about 248 KiB, and no call inside it reaches another chunk unless it
is that much deeper. Elsewhere (another Python) the call is an ordinary call.

Two callers: the pytest plugin around each requirement's case (where the checks run, in a run's process or a
pytest-xdist worker) and ``run_suite`` around the whole in-process session (the session's own start and end: with
the cases alone wrapped, one group run still mapped 7,150 chunks of 16 KiB; with both, 1,754). A case's reserve
does not fit in what the session's chunk leaves, so each case takes a chunk of its own: one mapping per case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: Stack slots (8 bytes each) reserved in the calling frame: 100,000 of the 131,072 of a 1 MiB chunk (CPython
#: rounds a chunk up to a power of two of at least 16 KiB holding the frame and 1,000 slots more).
RESERVED_SLOTS = 100_000


def in_one_stack_chunk(function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """``function(*args, **kwargs)``, its frames in one chunk of the frame stack that stays mapped until it returns."""
    return function(*args, **kwargs)


# The reserve: the same code with a larger value stack (more than it uses is always valid; CPython only reads
# the size to make the frame).
in_one_stack_chunk.__code__ = in_one_stack_chunk.__code__.replace(co_stacksize=RESERVED_SLOTS)
