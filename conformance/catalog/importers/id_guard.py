"""Id stability on re-import (docs/catalog-ids.md, "Stability promise"; issue 14 item 4).

Requirement ids are positional (the paragraph's index in its block), so a line inserted into the
middle of a source block would silently move every later id onto other text. Before an import
writes anything, :func:`check` compares the new requirements with the ones committed in the edition
directory:

- an id whose text would change, or an id that would disappear, stops the import with the list of
  affected ids; where the new text of an id is the old text of another, the message says the ids
  shifted (which id's paragraph moved where);
- ``--accept`` writes the change anyway and records it in ``id_changes.yaml`` of the edition
  (``text_changed`` with both texts, ``retired``; new ids as ``added``), so a reviewer sees it and
  no retired id is ever reused: an import that would give a retired id to a paragraph again stops,
  even with ``--accept``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from conformance.catalog.models import IdChange, Requirement
from conformance.errors import SpecError

ID_CHANGES_FILE = "id_changes.yaml"
_HEADER = ("# yaml-language-server: $schema=../../schema/catalog-document.schema.json\n"
           "# Written by `conformance catalog import --accept`: every id whose text changed, that was retired or\n"
           "# added by an accepted re-import, in import order. A retired id is never given to a paragraph again.\n")
_SHOWN = 60


@dataclass(frozen=True)
class Changes:
    """What a re-import would do to the committed ids."""

    changed: tuple[tuple[str, str, str], ...]  # id, old text, new text
    retired: tuple[tuple[str, str], ...]  # id, old text
    added: tuple[tuple[str, str], ...]  # id, new text

    @property
    def moves_ids(self) -> bool:
        return bool(self.changed or self.retired)


def committed_texts(requirements_dir: Path) -> dict[str, str]:
    """id -> text of the requirements committed in ``requirements_dir`` (empty when there are none)."""
    if not requirements_dir.is_dir():
        return {}
    return file_texts(sorted(requirements_dir.glob("*.yaml")))


def file_texts(paths: Sequence[Path]) -> dict[str, str]:
    """id -> text of the requirements in ``paths`` (files that do not exist have none)."""
    texts: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("requirements") or ():
            if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("text"), str):
                texts[item["id"]] = item["text"]
    return texts


def compare(old: dict[str, str], new: Sequence[Requirement]) -> Changes:
    """The ids whose text would change, disappear or be new."""
    new_texts = {r.id: r.text for r in new}
    changed = tuple((i, old[i], new_texts[i]) for i in old if i in new_texts and old[i] != new_texts[i])
    retired = tuple((i, old[i]) for i in old if i not in new_texts)
    added = tuple((i, t) for i, t in new_texts.items() if i not in old) if old else ()
    return Changes(changed, retired, added)


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def check(out_dir: Path, requirements_dir: Path, new: Sequence[Requirement], *, accept: bool,
          files: Sequence[Path] | None = None) -> Changes:
    """Stop (``SpecError``) when the import would move text under existing ids, unless ``accept``;
    always stop when a retired id would be reused. ``files``: compare with these committed files only
    (an importer that writes one requirements file of several), else with all of ``requirements_dir``."""
    old = committed_texts(requirements_dir) if files is None else file_texts(files)
    changes = compare(old, new)
    retired_before = {c.id for c in load_changes(out_dir) if c.change == "retired"}
    reused = [r.id for r in new if r.id in retired_before]
    if reused:
        raise SpecError([f"{out_dir / ID_CHANGES_FILE}:1: id {i} was retired by an earlier import; ids are never "
                         "reused: keep the paragraph's position or retire more ids" for i in reused])
    if changes.moves_ids and not accept:
        advice = (f"the import wrote nothing; if every change above is meant (a typo fixed in place), re-run with "
                  f"--accept to write it and record it in {ID_CHANGES_FILE}")
        raise SpecError([*describe(changes, old), advice])
    return changes


def describe(changes: Changes, old: dict[str, str]) -> list[str]:
    """One line per affected id, saying when it took the text of another id (a shift)."""
    by_text: dict[str, str] = {}
    for i, text in old.items():
        by_text.setdefault(text, i)
    lines = []
    for i, before, after in changes.changed:
        moved = by_text.get(after)
        why = f" (the text of {moved}: ids shifted)" if moved is not None and moved != i else ""
        lines.append(f"{i}: text would change{why}: {_cut(before)!r} -> {_cut(after)!r}")
    lines.extend(f"{i}: would be retired (no paragraph left at its position): {_cut(text)!r}"
                 for i, text in changes.retired)
    return lines


def load_changes(out_dir: Path) -> list[IdChange]:
    """The id changes recorded in the edition so far."""
    path = out_dir / ID_CHANGES_FILE
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [IdChange.model_validate(item, strict=False) for item in data.get("id_changes") or ()]


def render_changes(out_dir: Path, changes: Changes) -> str | None:
    """The new text of ``id_changes.yaml`` with ``changes`` appended (None when nothing changed)."""
    if not changes.moves_ids and not (changes.added and (out_dir / ID_CHANGES_FILE).is_file()):
        return None
    entries = load_changes(out_dir)
    entries.extend(IdChange(id=i, change="text_changed", old_text=a, new_text=b) for i, a, b in changes.changed)
    entries.extend(IdChange(id=i, change="retired", old_text=a) for i, a in changes.retired)
    entries.extend(IdChange(id=i, change="added", new_text=b) for i, b in changes.added)
    data = {"id_changes": [e.model_dump(mode="json", exclude_none=True) for e in entries]}
    return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=2**31 - 1)
