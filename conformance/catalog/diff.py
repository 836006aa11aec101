"""``conformance catalog diff OLD NEW``: what changed between two editions, and what each change touches.

Requirements are matched by their id without the ``<domain>-<edition>-`` prefix (section, level
letter, paragraph), so two editions of one domain, or an edition and a changed copy of it, compare
paragraph by paragraph. Then an id that is only in OLD and one only in NEW with the same text are one
paragraph that moved: ``level_changed`` when the level differs (required -> optional ...), else
``moved`` (its position changed). The rest are ``removed``, ``added`` and ``text_changed``.

Each change lists the checks bound to the requirement (in OLD, and in NEW when they differ) and the
waivers of the given profiles that name it: what a spec editor must rebind and a vendor re-examine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import FunctionCheck, ManualCheck, Requirement

#: The order changes are listed in: what may break a vendor's verdict first.
CHANGE_ORDER = ("level_changed", "removed", "text_changed", "moved", "added")


@dataclass(frozen=True)
class Waived:
    """A waiver of a profile, as far as a diff needs it."""

    requirement: str
    profile: str
    ticket: str
    expires: str


@dataclass(frozen=True)
class Change:
    """One changed requirement."""

    change: str
    old: Requirement | None
    new: Requirement | None
    checks: tuple[str, ...] = ()
    waivers: tuple[Waived, ...] = field(default=())

    @property
    def id(self) -> str:
        """The old id, else the new one."""
        requirement = self.old or self.new
        return requirement.id if requirement is not None else ""

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"change": self.change}
        for side, requirement in (("old", self.old), ("new", self.new)):
            if requirement is not None:
                document[side] = {"id": requirement.id, "level": requirement.level.value, "text": requirement.text,
                                  "section": requirement.source.section}
        document["checks"] = list(self.checks)
        document["waivers"] = [vars(w) for w in self.waivers]
        return document


def _key(requirement: Requirement) -> str:
    # "jumin-1.0-3.4-R001" -> "3.4-R001": the position inside the edition.
    return requirement.id.split("-", 2)[2]


def _check_names(requirement: Requirement | None) -> list[str]:
    if requirement is None:
        return []
    names = []
    for check in requirement.checks:
        if isinstance(check, FunctionCheck):
            names.append(check.name)
        elif isinstance(check, ManualCheck):
            names.append("manual")
    return names


def diff_editions(old: EditionCatalog, new: EditionCatalog, waivers: Iterable[Waived] = ()) -> list[Change]:
    """Every changed requirement between ``old`` and ``new``, in :data:`CHANGE_ORDER`, then id order."""
    olds = {_key(r): r for r in old.requirements}
    news = {_key(r): r for r in new.requirements}
    waived: dict[str, list[Waived]] = {}
    for waiver in waivers:
        waived.setdefault(waiver.requirement, []).append(waiver)
    changes: list[Change] = []
    only_old = [olds[k] for k in olds if k not in news]
    only_new = [news[k] for k in news if k not in olds]
    for key in olds.keys() & news.keys():
        if olds[key].text != news[key].text:
            changes.append(_change("text_changed", olds[key], news[key], waived))
    unmatched_new = {id(r): r for r in only_new}
    for gone in only_old:
        twin = next((r for r in unmatched_new.values() if r.text == gone.text), None)
        if twin is None:
            changes.append(_change("removed", gone, None, waived))
            continue
        del unmatched_new[id(twin)]
        changes.append(_change("level_changed" if twin.level != gone.level else "moved", gone, twin, waived))
    changes.extend(_change("added", None, r, waived) for r in unmatched_new.values())
    order = {name: index for index, name in enumerate(CHANGE_ORDER)}
    return sorted(changes, key=lambda c: (order[c.change], c.id))


def _change(kind: str, old: Requirement | None, new: Requirement | None, waived: dict[str, list[Waived]]) -> Change:
    checks = _check_names(old)
    checks.extend(name for name in _check_names(new) if name not in checks)
    ids = {r.id for r in (old, new) if r is not None}
    return Change(kind, old, new, tuple(checks), tuple(w for i in sorted(ids) for w in waived.get(i, ())))


def summary(changes: Sequence[Change]) -> dict[str, int]:
    """Changes per kind (every kind present, zero when none)."""
    return {kind: sum(1 for c in changes if c.change == kind) for kind in CHANGE_ORDER}


def render_text(old: EditionCatalog, new: EditionCatalog, changes: Sequence[Change]) -> str:
    """The diff as text: a header, one block per change, a summary line."""
    lines = [f"catalog diff {old.domain} {old.edition_name} ({old.path}) -> {new.domain} {new.edition_name} "
             f"({new.path})"]
    for change in changes:
        old_req, new_req = change.old, change.new
        if change.change == "level_changed" and old_req and new_req:
            lines.append(f"level changed  {old_req.id} -> {new_req.id}: {old_req.level.value} -> {new_req.level.value}")
        elif change.change == "moved" and old_req and new_req:
            lines.append(f"moved          {old_req.id} -> {new_req.id}")
        elif change.change == "text_changed" and old_req and new_req:
            lines.append(f"text changed   {old_req.id}")
            lines.append(f"    - {old_req.text}")
            lines.append(f"    + {new_req.text}")
        elif change.change == "removed" and old_req:
            lines.append(f"removed        {old_req.id} ({old_req.level.value}): {old_req.text}")
        elif new_req:
            lines.append(f"added          {new_req.id} ({new_req.level.value}): {new_req.text}")
        if change.checks:
            lines.append(f"    checks: {', '.join(change.checks)}")
        for waiver in change.waivers:
            lines.append(f"    waiver: {waiver.requirement} in {waiver.profile} ({waiver.ticket}, "
                         f"expires {waiver.expires})")
    counts = summary(changes)
    lines.append(", ".join(f"{kind.replace('_', ' ')} {count}" for kind, count in counts.items()))
    return "\n".join(lines) + "\n"


def diff_json(old: EditionCatalog, new: EditionCatalog, changes: Sequence[Change]) -> dict[str, Any]:
    """The diff as one JSON document."""
    return {
        "old": {"domain": old.domain, "edition": old.edition_name, "path": str(old.path)},
        "new": {"domain": new.domain, "edition": new.edition_name, "path": str(new.path)},
        "summary": summary(changes),
        "changes": [change.to_json() for change in changes],
    }
