"""Issue 49, item 6: a catalog's texts have a length limit, named in the error with the field and the
text's length (a 9 MB requirement text was accepted as valid)."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from conformance.catalog.models import MAX_PROCEDURE_CHARS, MAX_TEXT_CHARS
from conformance.cli import app
from conformance.locations import default_catalog_root

FIRST_TEXT = "  text: 日本人住民について、以下の項目を管理（※）すること。"
FIRST_EVIDENCE = "    evidence: '画面で確認する内容：「システム利用者（ID単位）ごとに"


def edition_with(tmp_path: Path, file: str, start: str, new: str) -> Path:
    """A copy of 住民記録 1.0 whose first line of ``file`` that begins with ``start`` is ``new``."""
    edition = tmp_path / "jumin" / "1.0"
    shutil.copytree(default_catalog_root() / "jumin" / "1.0", edition)
    path = edition / file
    lines = path.read_text("utf-8").splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines) if line.startswith(start))
    lines[number] = new + "\n"
    path.write_text("".join(lines), "utf-8")
    return edition


def validate(edition: Path) -> tuple[int, list[str]]:
    outcome = CliRunner().invoke(app, ["catalog", "validate", str(edition)])
    return outcome.exit_code, outcome.output.strip().splitlines()


def test_a_requirement_text_of_megabytes_is_refused(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "requirements/ch01.yaml", FIRST_TEXT, "  text: " + "あ" * 3_000_000)
    code, lines = validate(edition)
    assert lines == [f"{edition}/requirements/ch01.yaml:7: requirements[0].text: 3,000,000 characters, more than "
                     f"the 20,000 allowed (it begins '{'あ' * 20}')"]
    assert code == 1  # catalog validate: the catalog is invalid (a run given it exits 2)


def test_a_text_at_the_limit_is_accepted(tmp_path: Path) -> None:
    edition = edition_with(tmp_path, "requirements/ch01.yaml", FIRST_TEXT, "  text: " + "あ" * MAX_TEXT_CHARS)
    code, lines = validate(edition)
    assert code == 0, lines


def test_a_long_manual_procedure_is_refused(tmp_path: Path) -> None:
    long = "手" * (MAX_PROCEDURE_CHARS + 1)
    edition = edition_with(tmp_path, "bindings.yaml", FIRST_EVIDENCE, f"    evidence: '{long}'")
    code, lines = validate(edition)
    written = (edition / "bindings.yaml").read_text("utf-8").splitlines()
    line = next(number for number, text in enumerate(written, 1) if text.startswith("    evidence: '手"))
    assert lines == [f"{edition}/bindings.yaml:{line}: bindings[46].checks[0].evidence: 10,001 characters, more than "
                     f"the 10,000 allowed (it begins '{'手' * 20}')"]
    assert code == 1


def test_the_bundled_catalog_is_well_within_the_limits() -> None:
    """The limits leave room: five times the longest bundled text and procedure."""
    from conformance.catalog.loader import load_catalog
    from conformance.catalog.models import ManualCheck

    requirements = [r for e in load_catalog(default_catalog_root()).editions for r in e.requirements]
    procedures = [c.evidence for r in requirements for c in r.checks if isinstance(c, ManualCheck)]
    assert max(len(r.text) for r in requirements) * 5 < MAX_TEXT_CHARS
    assert max(len(p) for p in [*procedures, *(r.interpretation or "" for r in requirements)]) * 5 < MAX_PROCEDURE_CHARS
