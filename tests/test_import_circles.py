"""No import circle between modules of the judge or the reference vendor, counting every import: the ones
under ``TYPE_CHECKING`` and the ones inside functions too. The ``acyclic_siblings`` contract of
``lint-imports`` (pyproject.toml) skips ``TYPE_CHECKING`` imports and compares sibling packages only; a
circle it cannot see still makes the modules one room (issue 70: ``columnar.digest`` and ``columnar.kernel``
imported each other, one of the two only for its annotations)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set

import grimp


def circles(imports: Mapping[str, Set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative: the
    import graph is deep enough to reach Python's recursion limit), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(imports):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(imports[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports.get(target, ())))))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def project_circles() -> list[list[str]]:
    graph = grimp.build_graph("conformance", "conformance_reference", exclude_type_checking_imports=False,
                              cache_dir=None)
    return circles({module: graph.find_modules_directly_imported_by(module) for module in graph.modules})


def test_circles_are_found() -> None:
    """The search itself: a circle of three, a module importing itself through a fourth, a chain."""
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": set(), "f": {"g"}, "g": {"f"}}
    assert circles(imports) == [["a", "b", "c"], ["f", "g"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_circle() -> None:
    """Issue 70: none left (the jumin model's 付番 API client, ``model.jutogai``, sits below the sessions and the
    example that hold and drive it, so that ``steps`` and ``tokens`` no longer import each other)."""
    assert project_circles() == []
