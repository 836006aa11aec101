"""Id stability on re-import: a changed source never silently moves an id to other text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conformance.catalog.importers.id_guard import ID_CHANGES_FILE
from conformance.catalog.importers.jumin_text import import_source
from conformance.catalog.loader import load_edition
from conformance.cli import app
from conformance.errors import SpecError
from conformance.locations import default_catalog_root

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "spec_sources" / "juminkiroku_v1.0"


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the source and of the committed edition (requirements and edition.yaml)."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    edition = tmp_path / "catalog" / "jumin" / "1.0"
    shutil.copytree(default_catalog_root() / "jumin" / "1.0" / "requirements", edition / "requirements")
    shutil.copy(default_catalog_root() / "jumin" / "1.0" / "edition.yaml", edition / "edition.yaml")
    return source, edition


def insert_line(path: Path, after: str, line: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert after in text
    path.write_text(text.replace(after, f"{after}\n{line}", 1), encoding="utf-8")


def first_required_paragraph(path: Path) -> str:
    lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    return lines[lines.index("【実装すべき機能】") + 1]


def test_an_unchanged_source_reimports_silently(workspace: tuple[Path, Path]) -> None:
    source, edition = workspace
    import_source(source, edition)
    assert not (edition / ID_CHANGES_FILE).exists()


def test_an_inserted_line_stops_the_import_and_names_the_shifted_ids(workspace: tuple[Path, Path]) -> None:
    source, edition = workspace
    before = {p.name: p.read_bytes() for p in (edition / "requirements").iterdir()}
    insert_line(source / "j440.txt", first_required_paragraph(source / "j440.txt"), "挿入された段落。")
    with pytest.raises(SpecError) as raised:
        import_source(source, edition)
    lines = raised.value.args[0] if isinstance(raised.value.args[0], list) else [str(raised.value)]
    text = "\n".join(lines)
    assert "jumin-1.0-3.4-R002: text would change: " in text
    assert "jumin-1.0-3.4-R003: text would change (the text of jumin-1.0-3.4-R002: ids shifted)" in text
    assert "re-run with --accept" in text
    assert {p.name: p.read_bytes() for p in (edition / "requirements").iterdir()} == before  # nothing written


def test_accept_writes_and_records_the_changes(workspace: tuple[Path, Path]) -> None:
    source, edition = workspace
    insert_line(source / "j440.txt", first_required_paragraph(source / "j440.txt"), "挿入された段落。")
    import_source(source, edition, accept=True)
    recorded = yaml.safe_load((edition / ID_CHANGES_FILE).read_text(encoding="utf-8"))["id_changes"]
    changed = [c for c in recorded if c["change"] == "text_changed"]
    assert changed[0] == {"id": "jumin-1.0-3.4-R002", "change": "text_changed",
                          "old_text": changed[0]["old_text"], "new_text": "挿入された段落。"}
    assert any(c["change"] == "added" for c in recorded)
    assert load_edition(edition).errors == ()  # id_changes.yaml is a valid catalog file
    import_source(source, edition)  # now committed: silent again


def test_a_retired_id_is_never_reused(workspace: tuple[Path, Path]) -> None:
    source, edition = workspace
    path = source / "j440.txt"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = lines.index("【実装すべき機能】")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("【実装"))
    last_required = max(i for i in range(start + 1, end) if lines[i].strip())
    removed = lines.pop(last_required)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_source(source, edition, accept=True)
    recorded = yaml.safe_load((edition / ID_CHANGES_FILE).read_text(encoding="utf-8"))["id_changes"]
    (retired,) = [c for c in recorded if c["change"] == "retired"]
    lines.insert(last_required, removed)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SpecError, match=f"id {retired['id']} was retired by an earlier import"):
        import_source(source, edition, accept=True)


def test_the_command_exits_2_and_lists_the_ids(workspace: tuple[Path, Path]) -> None:
    source, edition = workspace
    insert_line(source / "j440.txt", first_required_paragraph(source / "j440.txt"), "挿入された段落。")
    result = CliRunner().invoke(app, ["catalog", "import", "--domain", "jumin", "--edition", "1.0",
                                      "--source", str(source), "--out", str(edition)])
    assert result.exit_code == 2
    assert "jumin-1.0-3.4-R003: text would change (the text of jumin-1.0-3.4-R002: ids shifted)" in result.output
