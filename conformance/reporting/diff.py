"""``conformance report diff OLD NEW``: what changed between two runs, regressions first.

Categories, each requirement in at most one:
- regressions: PASS, WAIVED or NOT_APPLICABLE before, FAIL or ERROR now (the package got worse);
- fixes: FAIL or ERROR before, PASS now;
- coverage changes: the coverage counts before and after, and requirements added or removed
  (another catalog edition);
- state changes: every other change of state, e.g. NOT_AUTOMATED -> PASS (a new check), MANUAL ->
  FAIL (a new check that fails: listed as a *new failure*), FAIL -> WAIVED.

Regressions alone make the exit code 1: a failure of a requirement that was never verified before
is new knowledge about the package, not a change of it; the new run's own verdict gates on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

GOOD = frozenset({"PASS", "WAIVED", "NOT_APPLICABLE"})
BAD = frozenset({"FAIL", "ERROR"})
_COVERAGE_KEYS = ("automated", "manual", "not_automated", "not_applicable", "total")


@dataclass(frozen=True)
class Change:
    """One requirement whose state changed."""

    requirement: str
    level: str
    old: str | None
    new: str | None
    old_findings: int
    new_findings: int

    @property
    def new_failure(self) -> bool:
        """A failure of a requirement that was not verified (or not present) before."""
        return self.new in BAD and self.old not in GOOD and self.old not in BAD

    def to_json(self) -> dict[str, Any]:
        """For ``--json``."""
        return {
            "requirement": self.requirement, "level": self.level, "old": self.old, "new": self.new,
            "old_findings": self.old_findings, "new_findings": self.new_findings,
            "new_failure": self.new_failure,
        }


@dataclass(frozen=True)
class RunDiff:
    """The comparison of two results.json documents."""

    old: Mapping[str, Any]
    new: Mapping[str, Any]
    regressions: tuple[Change, ...]
    fixes: tuple[Change, ...]
    state_changes: tuple[Change, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def coverage(self) -> dict[str, dict[str, int]]:
        """Coverage counts before, after, and the difference."""
        before = {k: int(self.old.get("coverage", {}).get(k, 0)) for k in _COVERAGE_KEYS}
        after = {k: int(self.new.get("coverage", {}).get(k, 0)) for k in _COVERAGE_KEYS}
        return {"old": before, "new": after, "delta": {k: after[k] - before[k] for k in _COVERAGE_KEYS}}

    def notes(self) -> list[str]:
        """What makes the two runs less comparable (another catalog, product or harness)."""
        notes = []
        for key, what in (("catalog", "catalog editions or their hashes"), ("profile", "product or version"),
                          ("harness_version", "harness version"), ("seed", "test data seed"),
                          ("seeds", "seeds judged")):
            if self.old.get(key) != self.new.get(key):
                notes.append(f"the {what} differ")
        return notes

    def problems(self) -> dict[str, list[str]]:
        """Run problems (waivers ...) that appeared or went away."""
        before, after = list(self.old.get("problems", [])), list(self.new.get("problems", []))
        return {"added": [p for p in after if p not in before], "removed": [p for p in before if p not in after]}

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document."""
        return {
            "old": _identity(self.old),
            "new": _identity(self.new),
            "notes": self.notes(),
            "regressions": [c.to_json() for c in self.regressions],
            "fixes": [c.to_json() for c in self.fixes],
            "coverage": {**self.coverage(), "added": list(self.added), "removed": list(self.removed)},
            "state_changes": [c.to_json() for c in self.state_changes],
            "problems": self.problems(),
        }


def _identity(document: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "verdict": document.get("verdict"),
        "profile": document.get("profile"),
        "harness_version": document.get("harness_version"),
        "summary": document.get("summary"),
    }


def _by_id(document: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(r["requirement"]): r for r in document.get("results", [])}


def diff_runs(old: Mapping[str, Any], new: Mapping[str, Any]) -> RunDiff:
    """Compare two results.json documents."""
    before, after = _by_id(old), _by_id(new)
    regressions: list[Change] = []
    fixes: list[Change] = []
    changes: list[Change] = []
    for rid, result in after.items():
        previous = before.get(rid)
        old_status = str(previous["status"]) if previous is not None else None
        new_status = str(result["status"])
        if old_status == new_status:
            continue
        change = Change(rid, str(result.get("level", "")), old_status, new_status,
                        len(previous.get("findings", [])) if previous is not None else 0,
                        len(result.get("findings", [])))
        if old_status in GOOD and new_status in BAD:
            regressions.append(change)
        elif old_status in BAD and new_status == "PASS":
            fixes.append(change)
        elif previous is not None or new_status in BAD:
            changes.append(change)
    # New failures first among the state changes: they are what a reader looks for next.
    changes.sort(key=lambda change: not change.new_failure)
    return RunDiff(
        old=old, new=new, regressions=tuple(regressions), fixes=tuple(fixes), state_changes=tuple(changes),
        added=tuple(rid for rid in after if rid not in before),
        removed=tuple(rid for rid in before if rid not in after),
    )


def render_text(diff: RunDiff) -> str:
    """The diff for a terminal: regressions, fixes, coverage, state changes, problems."""
    old, new = _identity(diff.old), _identity(diff.new)
    lines = [f"verdict: {old['verdict']} -> {new['verdict']}"]
    lines += [f"note: {note}" for note in diff.notes()]
    lines += _section("regressions", diff.regressions)
    lines += _section("fixes", diff.fixes)
    lines.append("coverage:")
    coverage = diff.coverage()
    for key in _COVERAGE_KEYS:
        delta = coverage["delta"][key]
        lines.append(f"  {key}: {coverage['old'][key]} -> {coverage['new'][key]} ({delta:+d})")
    lines.append(f"  requirements added: {len(diff.added)}, removed: {len(diff.removed)}")
    lines += _section("state changes", diff.state_changes)
    problems = diff.problems()
    lines += [f"new problem: {p}" for p in problems["added"]]
    lines += [f"problem gone: {p}" for p in problems["removed"]]
    return "\n".join(lines) + "\n"


def _section(title: str, changes: tuple[Change, ...]) -> list[str]:
    lines = [f"{title} ({len(changes)}):"]
    for change in changes:
        mark = "  [new failure]" if change.new_failure else ""
        findings = f" ({change.new_findings} findings)" if change.new in BAD else ""
        lines.append(f"  {change.requirement} {change.old or 'absent'} -> {change.new or 'absent'}{findings}{mark}")
    return lines
