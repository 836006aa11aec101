"""Living within a memory limit: the address space a batch system or a shared host gives the process.

``ulimit -v`` (RLIMIT_AS) bounds the address space a process *reserves*, not what it uses: the
harness's resident memory stays near 600 MB, but glibc reserves 64 MiB per malloc arena (up to eight
per core), the export engine's allocator (jemalloc, in polars) keeps the address space it ever
mapped, and every thread of the engine, the compiled screen (numba) and numpy's BLAS has a stack
and buffers. On a 2-core machine that reached 2.1 GiB for a file of 200,000 failing rows, and polars
aborts when an allocation fails (SIGABRT, no message); more cores reserve more.

:func:`prepare` reads the limit it is given (``--memory-limit``, which it sets as the process's
RLIMIT_AS so that it holds and the worker processes inherit it, else the process's own RLIMIT_AS)
and, under a limit, sizes what reserves address space to it, before those libraries load:
two malloc arenas, jemalloc returning what it frees at once, engine threads one per 512 MiB of
the limit (at most one per core), one BLAS thread. The environment carries the sizing to the run's
worker processes. A limit below :data:`MIN_ADDRESS_SPACE` is refused at once; a MemoryError later
is one error line naming the limit (``conformance.cli.main``).

A native library that cannot allocate does not raise MemoryError: polars aborts the process
(SIGABRT, no message). So under a limit the ``conformance`` command runs as a small supervisor
(:func:`supervise`) with the command itself in a child process; a child that dies that way is one
error line naming the limit, exit 2 (outputs are written whole or not at all, so none is left
half-written).
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
from collections.abc import Sequence

from conformance.errors import UsageError

#: The least address space the harness runs in: the libraries it loads reserve about 700 MiB
#: before any work (measured with the sizing below; docs/security.md, "Memory limit").
MIN_ADDRESS_SPACE = 1 << 30
#: Address space given to each thread of the export engine and of the compiled screen.
THREAD_BUDGET = 512 << 20
#: glibc's mallopt parameter for the number of arenas.
_M_ARENA_MAX = -8
#: Arenas under a limit (glibc's default is eight per core, 64 MiB of address space each).
ARENAS = 2
#: jemalloc (polars' allocator, its prefixed build): give address space back when memory is freed.
JEMALLOC_CONF = "retain:false,dirty_decay_ms:0,muzzy_decay_ms:0"
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def parse_size(text: str) -> int:
    """Bytes of a size such as ``2G``, ``1536M``, ``2GiB`` or ``2147483648``."""
    match = _SIZE.match(text)
    if match is None:
        raise UsageError(f"--memory-limit {text!r}: expected a size such as 2G, 1536M or 2147483648 (bytes)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def shown(size: int) -> str:
    """A size for a message: ``2.0 GiB``, ``512 MiB``."""
    return f"{size / (1 << 30):.1f} GiB" if size >= 1 << 30 else f"{size >> 20} MiB"


def address_space_limit() -> int | None:
    """The process's soft RLIMIT_AS in bytes; None when it has none."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def engine_threads(limit: int) -> int:
    """Threads of the export engine and the compiled screen within ``limit``."""
    return max(1, min(os.cpu_count() or 1, limit // THREAD_BUDGET))


def sized_environment(limit: int) -> dict[str, str]:
    """The environment that sizes the libraries' reservations to ``limit`` (read when they load)."""
    threads = str(engine_threads(limit))
    return {"MALLOC_ARENA_MAX": str(ARENAS), "_RJEM_MALLOC_CONF": JEMALLOC_CONF, "POLARS_MAX_THREADS": threads,
            "RAYON_NUM_THREADS": threads, "NUMBA_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1"}


def _limit_arenas() -> None:
    """Two arenas for this process too (the environment only reaches processes started later)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is None:  # pragma: no cover - not glibc: nothing to size
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(name).mallopt(_M_ARENA_MAX, ARENAS)


def _set_limit(limit: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY and limit > hard:
        raise UsageError(f"--memory-limit {shown(limit)}: more than this process may have ({shown(hard)}, its hard "
                         "RLIMIT_AS); give at most that")
    if soft == resource.RLIM_INFINITY or limit < soft:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def prepare(option: str | None = None) -> int | None:
    """Read the limit (``--memory-limit``, else RLIMIT_AS), size the libraries to it and return it
    (None without a limit: nothing changes). Call before the export engine, numba and numpy load."""
    if option is not None:
        _set_limit(parse_size(option))
    limit = address_space_limit()
    if limit is None:
        return None
    if limit < MIN_ADDRESS_SPACE:
        source = "--memory-limit" if option is not None else "the address-space limit (ulimit -v)"
        raise UsageError(f"{source} is {shown(limit)}; the harness needs at least {shown(MIN_ADDRESS_SPACE)} "
                         "of address space (the libraries it loads reserve about 700 MiB): raise it")
    for name, value in sized_environment(limit).items():
        os.environ.setdefault(name, value)  # what the user set stays
    _limit_arenas()
    return limit


#: Set in the supervised child's environment: it runs the command itself.
SUPERVISED = "CONFORMANCE_SUPERVISED"
#: How a process dies when a native library cannot allocate (an abort), or the kernel ends it.
_OUT_OF_MEMORY_SIGNALS = frozenset({signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGKILL})


def needs_supervisor(argv: Sequence[str]) -> bool:
    """Whether this ``conformance`` process should supervise a child: a limit is in force (given, or
    the process's own) and it is not the supervised child already."""
    if os.environ.get(SUPERVISED) == "1":
        return False
    return given_limit(argv) is not None or address_space_limit() is not None


def given_limit(argv: Sequence[str]) -> str | None:
    """The value of ``--memory-limit`` in an argument list (None without one)."""
    for index, argument in enumerate(argv):
        if argument == "--memory-limit":
            return argv[index + 1] if index + 1 < len(argv) else ""
        if argument.startswith("--memory-limit="):
            return argument.partition("=")[2]
    return None


#: Linux's prctl option: the signal a process gets when its parent ends.
_PR_SET_PDEATHSIG = 1


def _ends_with_its_parent() -> None:
    """In the supervised child: SIGTERM when the supervisor ends, however (even by SIGKILL), so that no
    command outlives it (a run ends as interrupted, not_run)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is not None:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(name).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def command_words(argv: Sequence[str]) -> str:
    """The command an argument list names (``report verify``), for a message: its options, their
    values and its paths left out."""
    words: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--memory-limit":
            next(arguments, None)
        elif argument.startswith("-"):
            continue
        elif re.fullmatch(r"[a-z]+", argument) and len(words) < 2:
            words.append(argument)
        else:
            break
    return " ".join(words)


def supervise(argv: Sequence[str], program: Sequence[str] = ()) -> int:
    """Run ``conformance ARGV`` (``program``: another command line, for tests) in a child (same
    streams, SIGTERM and SIGHUP passed on; Ctrl-C reaches it from the terminal) and return its exit
    code; a child killed by an abort or the kernel is one error line on stderr naming the limit, exit 2."""
    command = list(program) or [sys.executable, "-m", "conformance", *argv]
    child = subprocess.Popen(command, env={**os.environ, SUPERVISED: "1"}, preexec_fn=_ends_with_its_parent)
    passed = {number: signal.signal(number, lambda received, frame: child.send_signal(received))
              for number in (signal.SIGTERM, signal.SIGHUP)}
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal sends it to the child too
    try:
        code = child.wait()
    finally:
        for number, handler in passed.items():
            signal.signal(number, handler)
        signal.signal(signal.SIGINT, interrupt)
    if code >= 0:
        return code
    if -code in _OUT_OF_MEMORY_SIGNALS:
        name = signal.Signals(-code).name
        what = f"`conformance {command_words(argv)}`" if command_words(argv) else "the command"
        given = given_limit(argv)
        limit = address_space_limit() if not given else min(parse_size(given), address_space_limit() or 1 << 62)
        sys.stderr.write(f"error: {out_of_memory_message(what, limit)} (it ended with {name} inside a native "
                         "library; no output was left half-written)\n")
        return 2
    return 128 - code


def out_of_memory_message(what: str = "the command", limit: int | None = None) -> str:
    """The one error line of a MemoryError: the limit it ran into (this process's, by default) and what to do."""
    limit = limit or address_space_limit()
    if limit is None:
        return f"out of memory: {what} needed more memory than the machine could give; free memory and run it again"
    return (f"out of memory: {what} needed more than the address-space limit of {shown(limit)} allows "
            "(ulimit -v or --memory-limit); raise it, or give the work in smaller parts")
