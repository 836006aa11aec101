"""What every mutant's run of the modules and statute kill suites loads and no mutant can change, loaded once.

mutmut forks each mutant's child from its fork server, a process that has collected the kill suite (so it has
imported the suite's modules and loaded the editions, which the suite's module body does). Measured before this
module (docs/model.md, "The kill path"), a child still spent most of its time importing the reference (about a
hundred modules, with reportlab, the PDF reader, numpy): a cold import in every child. Imported here, at the suite's
import, it is imported once in the fork server and inherited by every child.

It weakens nothing only if no mutated function runs while a preloaded module loads: a function called by a module's
body (a table built at import) would run unmutated in the fork server, and its mutant would never be seen. So:

- a trial import in a forked child, module by module in load order, under mutmut's trampolines in their statistics
  mode (they call the original and record the function), finds the modules whose load reaches a mutated function
  (``jumin/furigana.py``'s ``_HALFWIDTH`` table, today);
- those and every module importing them at load (the static import graph) are left to each child, as before (the
  app and the server among them: each child still starts its references and loads the town itself);
- the preload itself runs under the same recording, and a mutated function it reached anyway **stops the suite** (a
  collection error: mutmut's clean run fails and no mutant runs), naming them, rather than reading as survivors.

Outside mutmut (no trampolines) nothing is recorded and the preload is only a faster start.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import pkgutil
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

#: The reference's package: every module of it imported (the mutated ones among them).
REFERENCE = "conformance_reference"
#: What the judge imports lazily while judging (the PDF reader, the OpenAPI checks, the encodings of the files
#: read): observed as new in a child's ``sys.modules`` after one group of the modules suite ran.
LAZY = (
    "pypdfium2", "PIL.Image", "sqlite3", "wsgiref.simple_server", "email.policy", "email.headerregistry",
    "encodings.cp932", "encodings.utf_16_le", "encodings.utf_16_be",
    "schemathesis.specs.openapi.checks", "schemathesis.specs.openapi.serialization",
)


@contextmanager
def mutated_functions_reached() -> Iterator[set[str]]:
    """The mutated functions called inside the block, filled in when it ends: mutmut's trampolines switched to
    their statistics mode (they call the original and record the function) for the block, the mode and the record
    restored after. Empty when mutmut is not installed (no trampoline can exist then)."""
    reached: set[str] = set()
    try:
        from mutmut.state import state
    except ImportError:
        yield reached
        return
    before = set(state()._stats)
    previous = os.environ.get("MUTANT_UNDER_TEST")
    os.environ["MUTANT_UNDER_TEST"] = "stats"  # the environment wins over mutmut's process-local copy
    try:
        yield reached
    finally:
        if previous is None:
            del os.environ["MUTANT_UNDER_TEST"]
        else:
            os.environ["MUTANT_UNDER_TEST"] = previous
        reached.update(state()._stats - before)
        # Not a test's: a statistics run must not count the warm-up against the first test it runs.
        state()._stats.intersection_update(before)


def reference_modules() -> list[str]:
    """Every module of the reference package, by name."""
    package = importlib.import_module(REFERENCE)
    return sorted(info.name for info in pkgutil.walk_packages(package.__path__, prefix=f"{REFERENCE}."))


def checked(what: str, work: Callable[[], object]) -> None:
    """Run ``work``; a mutated function it reached is an error naming them (see the module docstring)."""
    with mutated_functions_reached() as reached:
        work()
    if reached:
        raise RuntimeError(f"the kill suite's warm-up ({what}) calls mutated functions {sorted(reached)}: done once "
                           "in mutmut's fork server, their mutants would never run there. Take that work out of "
                           "benchmarks/mutation/mutation_warmup.py for this target")


def imported_at_load(source: str) -> set[str]:
    """The modules of the reference that ``source`` imports when it is loaded: its import statements outside
    function bodies (a class body or an ``if`` runs at load), each with its parent packages (a submodule's import
    loads its package first). Over-inclusive, never short: it decides what may be preloaded. The reference imports
    absolutely; a relative import is refused rather than misread."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level or child.module is None:
                    raise ValueError(f"a relative import at line {child.lineno}: expected absolute imports")
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)  # maybe a submodule
            visit(child)

    visit(ast.parse(source))
    closed = {name for name in found if name == REFERENCE or name.startswith(f"{REFERENCE}.")}
    closed |= {".".join(name.split(".")[:end]) for name in closed for end in range(1, name.count(".") + 1)}
    return closed


def importers(tainted: Iterable[str], graph: Mapping[str, set[str]]) -> set[str]:
    """``tainted`` and every module of ``graph`` (module: what it imports at load) that imports one of them,
    directly or not."""
    out = set(tainted)
    grown = True
    while grown:
        grown = False
        for module, imports in graph.items():
            if module not in out and imports & out:
                out.add(module)
                grown = True
    return out


def _import_graph() -> dict[str, set[str]]:
    graph = {}
    for name in reference_modules():
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin and spec.origin.endswith(".py"):
            graph[name] = imported_at_load(Path(spec.origin).read_text(encoding="utf-8"))
    return graph


def load_order(graph: Mapping[str, set[str]]) -> list[str]:
    """The modules of ``graph`` with what each imports first where the imports allow (a cycle keeps name order), so
    that importing one in turn loads that module alone and a mutated function reached is its body's doing."""
    order: list[str] = []
    placed: set[str] = set()

    def place(module: str, path: frozenset[str]) -> None:
        if module in placed or module in path or module not in graph:
            return
        for needed in sorted(graph[module]):
            place(needed, path | {module})
        placed.add(module)
        order.append(module)

    for module in sorted(graph):
        place(module, frozenset())
    return order


def _trial(order: list[str]) -> tuple[set[str], list[str]]:
    """In a forked child (this process imports nothing of it): the reference's modules imported in ``order``,
    recording the modules newly loaded by an import that reached a mutated function, and every other package the
    reference loads (third-party: never mutated)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report and exit without running anything of the parent's
        os.close(read)
        try:
            suspect: set[str] = set()
            before = set(sys.modules)
            for name in order:
                loaded = set(sys.modules)
                with mutated_functions_reached() as reached:
                    importlib.import_module(name)
                if reached:
                    suspect |= (set(sys.modules) - loaded) | {name}
            others = sorted(name for name in set(sys.modules) - before
                            if not name.startswith((REFERENCE, "conformance", "mutmut")))
            os.write(write, json.dumps([sorted(suspect), others]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(pid, 0)
    if not answer:
        raise RuntimeError("the kill suite's warm-up: the trial import of the reference failed (see above)")
    suspect, others = json.loads(answer)
    return set(suspect), others


def preloadable() -> list[str]:
    """The modules to import once: every reference module that neither reaches a mutated function when loaded nor
    loads one that does (:func:`importers` over the static import graph), and the third-party ones the reference and
    the judge load lazily."""
    graph = _import_graph()
    suspect, others = _trial(load_order(graph))
    excluded = importers(suspect, graph)
    return [*others, *LAZY, *(name for name in reference_modules() if name not in excluded)]


def _import_all() -> None:
    for name in preloadable():
        importlib.import_module(name)


def warm_up() -> None:
    """Import what :func:`preloadable` allows. Refuses to leave a thread of its own running: a child forked from a
    process with threads can inherit a lock another thread held (the reason the modules target forks from mutmut's
    fork server)."""
    # numpy's BLAS would start a pool of threads at import, in the process every child is forked from.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    running = set(threading.enumerate())
    checked("importing the reference", _import_all)
    started = set(threading.enumerate()) - running
    if started:
        raise RuntimeError(f"the kill suite's warm-up left threads running: {sorted(map(str, started))}")
