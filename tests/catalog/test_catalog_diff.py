"""catalog diff: 住民記録 1.0 against a modified copy of itself."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conformance.catalog.diff import Waived, diff_editions, render_text
from conformance.catalog.loader import load_edition
from conformance.cli import app
from conformance.locations import default_catalog_root

COMMITTED = default_catalog_root() / "jumin" / "1.0"


@pytest.fixture(scope="module")
def modified(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy where 3.4 R001's text changed, R002 became optional, R003 was removed, one was added."""
    edition = tmp_path_factory.mktemp("catalog") / "jumin" / "1.0"
    shutil.copytree(COMMITTED, edition)
    path = edition / "requirements" / "ch03.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = data["requirements"]
    by_id = {item["id"]: item for item in items}
    by_id["jumin-1.0-3.4-R001"]["text"] += "（改）"
    r002 = by_id["jumin-1.0-3.4-R002"]
    r002.update(id="jumin-1.0-3.4-O099", level="optional")
    r002["source"].update(block="実装してもしなくても良い機能", paragraph=99)
    items.remove(by_id["jumin-1.0-3.4-R003"])
    added = json.loads(json.dumps(by_id["jumin-1.0-3.4-R001"]))
    added.update(id="jumin-1.0-3.4-R099", text="新しい段落。")
    items.append(added)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return edition


def test_each_kind_of_change_is_found_with_its_checks(modified: Path) -> None:
    old, new = load_edition(COMMITTED), load_edition(modified)
    changes = diff_editions(old, new, [Waived("jumin-1.0-3.4-R002", "p.yaml", "T-1", "2027-03-31")])
    found = {(c.change, c.id) for c in changes}
    assert found == {("level_changed", "jumin-1.0-3.4-R002"), ("removed", "jumin-1.0-3.4-R003"),
                     ("text_changed", "jumin-1.0-3.4-R001"), ("added", "jumin-1.0-3.4-R099")}
    assert [c.change for c in changes] == ["level_changed", "removed", "text_changed", "added"]
    level = changes[0]
    assert level.old is not None and level.new is not None
    assert (level.old.level.value, level.new.level.value) == ("required", "optional")
    assert level.new.id == "jumin-1.0-3.4-O099"
    assert [w.ticket for w in level.waivers] == ["T-1"]
    # The checks bound to the old requirement come with the change (bindings.yaml binds 3.4 R001).
    assert changes[2].checks
    text = render_text(old, new, changes)
    assert "level changed  jumin-1.0-3.4-R002 -> jumin-1.0-3.4-O099: required -> optional" in text
    assert "waiver: jumin-1.0-3.4-R002 in p.yaml (T-1, expires 2027-03-31)" in text
    assert text.rstrip().endswith("level changed 1, removed 1, text changed 1, moved 0, added 1")


def test_the_same_edition_has_no_change() -> None:
    edition = load_edition(COMMITTED)
    assert diff_editions(edition, edition) == []


def test_the_command_prints_json(modified: Path) -> None:
    result = CliRunner().invoke(app, ["catalog", "diff", "jumin/1.0", str(modified), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["summary"] == {"level_changed": 1, "removed": 1, "text_changed": 1, "moved": 0, "added": 1}
    assert document["changes"][0]["old"]["id"] == "jumin-1.0-3.4-R002"
    assert document["changes"][0]["new"]["level"] == "optional"


def test_an_unknown_edition_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["catalog", "diff", "jumin/9.9", "jumin/1.0"])
    assert result.exit_code == 2
    assert "jumin/9.9: no edition here" in result.output
