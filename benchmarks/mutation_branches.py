"""Which of mutmut's mutants lie in a named defect's branch of the reference vendor, decided from the code alone.

A named defect is switched by ``"<name>" in defects`` (or ``self.defects``); the kill suites run the reference
with no defect, so ``defects`` is empty there and every such test is false. A mutant changes what a clean run
executes only if its change lies in code a clean run reaches, so these mutants cannot be killed and each would cost
a child for nothing (docs/model.md, "The statute target per domain"):

- a change inside the body of ``if <switch>:`` (or the ``else`` of ``if <name> not in defects:``), inside the arm of
  a conditional expression only a defect takes, or inside an operand of ``and`` after a switch (``or`` after a
  ``not in`` switch), which Python never evaluates;
- a change of the switch's own string (``"XX<name>XX" in defects`` is false as well).

A change of the switch's operator (``in`` to ``not in``), of ``and`` to ``or`` beside it, or of anything a clean
run evaluates before the switch, is not skipped: it turns the clean run (the first turns the defect on). Only the
defects the package registers (``*.defects.yaml``) count as switches, and an f-string switch only where a registered
name matches it. A value computed from a switch and tested later (``late = "x" in defects``) is not followed: such a
mutant runs, and a survivor is argued by hand as before.

mutmut writes every mutant of a function as a copy of it (``x_f__mutmut_3``) beside the original
(``x_f__mutmut_orig``) in its ``mutants/`` tree: the change is where the two syntax trees differ.
"""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

#: One step down a syntax tree: the node, the field taken, the index in that field's list (None: not a list, or
#: the list itself differs in length).
Step = tuple[ast.AST, str, int | None]


def registered_defects(package: Path) -> frozenset[str]:
    """The names of every named defect of the reference package at ``package`` (its ``*.defects.yaml`` files)."""
    names = set()
    for path in sorted(package.rglob("*.defects.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            names.add(str(entry["name"]))
    return frozenset(names)


def _switch_name_matches(node: ast.expr, defects: frozenset[str]) -> bool:
    """Whether ``node`` spells a registered defect: a string, or an f-string some registered name fits."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value in defects
    if isinstance(node, ast.JoinedStr):
        pattern = "".join(re.escape(str(part.value)) if isinstance(part, ast.Constant) else ".+"
                          for part in node.values)
        return any(re.fullmatch(pattern, name) for name in defects)
    return False


def _is_defects(node: ast.expr) -> bool:
    """``defects`` or ``<anything>.defects``: the reference's set of switched-on defects."""
    return (isinstance(node, ast.Name) and node.id == "defects") or \
        (isinstance(node, ast.Attribute) and node.attr == "defects")


def switch(node: ast.AST, defects: frozenset[str]) -> bool | None:
    """For ``"<defect>" in defects``: True; ``not in``: False (what the test says of the defect being on); any other
    node: None."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and len(node.comparators) == 1):
        return None
    if not (_is_defects(node.comparators[0]) and _switch_name_matches(node.left, defects)):
        return None
    if isinstance(node.ops[0], ast.In):
        return True
    return False if isinstance(node.ops[0], ast.NotIn) else None


def truth(node: ast.AST, defects: frozenset[str]) -> bool | None:
    """What ``node``, read as a condition, is in every run without defects: False (always falsy), True (always
    truthy), None (it depends on more than a switch)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = truth(node.operand, defects)
        return None if inner is None else not inner
    if isinstance(node, ast.BoolOp):
        # An operand of `and` that is always falsy settles it falsy; of `or`, always truthy, truthy.
        settles = isinstance(node.op, ast.Or)
        values = [truth(value, defects) for value in node.values]
        if settles in values:
            return settles
        return (not settles) if all(value is (not settles) for value in values) else None
    on = switch(node, defects)
    return None if on is None else not on


def dead_step(step: Step, defects: frozenset[str]) -> bool:
    """Whether going down ``step`` enters code no run without defects executes (or the switch's own name)."""
    node, field, index = step
    if isinstance(node, (ast.If, ast.IfExp)):
        return (field, truth(node.test, defects)) in (("body", False), ("orelse", True))
    if isinstance(node, ast.BoolOp) and field == "values" and index is not None:
        # Python stops at the first operand that settles the value: the later ones are never evaluated.
        settles = isinstance(node.op, ast.Or)
        return any(truth(value, defects) is settles for value in node.values[:index])
    return field == "left" and switch(node, defects) is not None


def changes(original: ast.AST, mutant: ast.AST) -> list[list[Step]]:
    """Every way down ``original`` to a place where ``mutant`` differs from it (empty: the two are equal); a way
    ends at the deepest node of ``original`` that still has a counterpart."""
    if type(original) is not type(mutant):
        return [[]]
    found: list[list[Step]] = []
    for field in original._fields:
        ours, theirs = getattr(original, field, None), getattr(mutant, field, None)
        if isinstance(ours, list) and isinstance(theirs, list):
            found += _list_changes(original, field, ours, theirs)
        elif isinstance(ours, ast.AST) and isinstance(theirs, ast.AST):
            found += [[(original, field, None), *below] for below in changes(ours, theirs)]
        elif ours != theirs or type(ours) is not type(theirs):
            found.append([(original, field, None)])
    return found


def _list_changes(node: ast.AST, field: str, ours: list[object], theirs: list[object]) -> list[list[Step]]:
    if len(ours) != len(theirs):
        return [[(node, field, None)]]
    found: list[list[Step]] = []
    for index, (mine, other) in enumerate(zip(ours, theirs, strict=True)):
        if isinstance(mine, ast.AST) and isinstance(other, ast.AST):
            found += [[(node, field, index), *below] for below in changes(mine, other)]
        elif mine != other:
            found.append([(node, field, index)])
    return found


def in_defect_branch(original: ast.FunctionDef, mutant: ast.FunctionDef, defects: frozenset[str]) -> bool:
    """Whether every change of ``mutant`` (a copy of ``original`` under another name) lies in code no run without
    defects executes; False when the two do not differ."""
    renamed = copy.copy(mutant)
    renamed.name = original.name
    found = changes(original, renamed)
    return bool(found) and all(any(dead_step(step, defects) for step in way) for way in found)


def functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """The functions of a module by name: its own and its classes' (mutmut puts a method's mutants in its class)."""
    found: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        members = node.body if isinstance(node, ast.ClassDef) else [node]
        found.update({member.name: member for member in members if isinstance(member, ast.FunctionDef)})
    return found


def defect_branch_mutants(mutants_dir: Path, names: Iterable[str], defects: frozenset[str]) -> list[str]:
    """The mutants of ``names`` (``pkg.mod.x_f__mutmut_3``) whose change lies in a named defect's branch, read from
    mutmut's mutated files under ``mutants_dir``; sorted. A mutant whose function mutmut did not write is kept (run),
    never skipped on a guess."""
    by_module: dict[str, list[str]] = {}
    for name in names:
        by_module.setdefault(name.rsplit(".", 1)[0], []).append(name)
    skipped = []
    for module, members in by_module.items():
        path = mutants_dir / Path(*module.split(".")).with_suffix(".py")
        if not path.is_file():
            continue
        written = functions(ast.parse(path.read_text(encoding="utf-8")))
        skipped += [name for name in members if _skippable(name.rsplit(".", 1)[1], written, defects)]
    return sorted(skipped)


def _skippable(function: str, written: dict[str, ast.FunctionDef], defects: frozenset[str]) -> bool:
    original = written.get(function.rpartition("__mutmut_")[0] + "__mutmut_orig")
    mutant = written.get(function)
    return original is not None and mutant is not None and in_defect_branch(original, mutant, defects)


def partition(names: Sequence[str], skipped: Iterable[str]) -> tuple[list[str], list[str]]:
    """``names`` split into those to run and those skipped (each in the order of ``names``)."""
    left_out = set(skipped)
    return [name for name in names if name not in left_out], [name for name in names if name in left_out]
