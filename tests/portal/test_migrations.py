"""The portal's migrations since their squash (issue 70): one migration, ``0001_squashed_0013_...``, that replaces the
thirteen written before it (removed). A fresh database migrates from empty and the models need no migration more; a
database the thirteen migrated (its ``django_migrations`` naming them, not the squash) is recognised as migrated:
``migrate`` builds nothing again, keeps its rows and records the squash. Each in a subprocess over a fresh database
(SQLite in ``tmp_path``; PostgreSQL in tests/portal/test_postgres.py)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

SQUASHED = "0001_squashed_0013_installed_product_per_system"
#: The migrations the squash replaces, as a database they migrated names them.
REPLACED = ("0001_initial", "0002_environment_selection", "0003_api_token", "0004_tenants", "0005_run_lease",
            "0006_password_change_required", "0007_backfill_vendor_and_origin", "0008_japanese_names",
            "0009_national_scale", "0010_bundle_file_name", "0011_compact_states", "0012_sealed_environment_runs",
            "0013_installed_product_per_system")

#: Migrated from empty, a row made, the squash's record replaced by the thirteen's (what a database they migrated
#: holds), then ``migrate`` again: a squash not recognised would create its tables a second time and fail.
SCRIPT = """
import json, sys, django
from django.core.management import call_command
django.setup()
call_command("migrate", verbosity=0)
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from conformance.portal.models import Municipality
Municipality.objects.create(code="131016", name="千代田区", prefecture="東京都")
recorder = MigrationRecorder(connection)
fresh = sorted(name for app, name in recorder.applied_migrations() if app == "portal")
recorder.record_unapplied("portal", sys.argv[1])
for name in sys.argv[2:]:
    recorder.record_applied("portal", name)
plan = MigrationLoader(connection).graph.leaf_nodes("portal")
call_command("migrate", verbosity=0)
print(json.dumps({"fresh": fresh, "leaves": [name for app, name in plan],
                  "recorded": sorted(name for app, name in recorder.applied_migrations() if app == "portal"),
                  "rows": [m.name for m in Municipality.objects.all()]}, ensure_ascii=False))
"""


def portal_environment(tmp_path: Path, database: str = "") -> dict[str, str]:
    """The environment of a portal process over a fresh database (SQLite in ``tmp_path``, or the PostgreSQL
    ``database`` URL, empty)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONFORMANCE_PORTAL_")}
    environment |= {"CONFORMANCE_PORTAL_HOME": str(tmp_path), "CONFORMANCE_PORTAL_SECRET_KEY": "x" * 50,
                    "DJANGO_SETTINGS_MODULE": "conformance.portal.settings"}
    if database:
        environment["CONFORMANCE_PORTAL_DATABASE"] = database
    return environment


def migrated(tmp_path: Path, database: str = "") -> Any:
    """What :data:`SCRIPT` prints last, as JSON."""
    done = subprocess.run([sys.executable, "-c", SCRIPT, SQUASHED, *REPLACED],
                          env=portal_environment(tmp_path, database), capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_kept(found: dict[str, Any]) -> None:
    """The squash applied from empty, recognised over the thirteen's records, the row kept."""
    assert found["fresh"] == sorted([SQUASHED, *REPLACED])  # Django records a squash with what it replaces
    assert found["leaves"] == [SQUASHED]
    assert found["recorded"] == sorted([SQUASHED, *REPLACED])
    assert found["rows"] == ["千代田区"]


def test_a_database_the_replaced_migrations_made_is_recognised_as_migrated(tmp_path: Path) -> None:
    assert_kept(migrated(tmp_path))


def test_the_replaced_migrations_are_the_ones_removed(portal_db: None) -> None:
    """``replaces`` names exactly the thirteen removed, and no migration file but the squash is left."""
    from conformance.portal import migrations

    folder = Path(migrations.__file__).parent
    assert sorted(path.stem for path in folder.glob("0*.py")) == [SQUASHED]
    module = importlib.import_module(f"conformance.portal.migrations.{SQUASHED}")
    assert module.Migration.replaces == [("portal", name) for name in REPLACED]


@pytest.mark.parametrize("command", [["migrate", "--check"], ["makemigrations", "--check", "--dry-run"]])
def test_from_empty_the_models_need_no_other_migration(tmp_path: Path, command: list[str]) -> None:
    """``migrate`` from empty, then each ``--check`` exits 0: nothing unapplied, no model change without its
    migration (the squash was written by makemigrations from the models)."""
    environment = portal_environment(tmp_path)
    for words in (["migrate"], command):
        done = subprocess.run([sys.executable, "-m", "django", *words, "--verbosity", "1"], env=environment,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, (words, done.stdout[-2000:], done.stderr[-2000:])
    assert "No changes detected" in done.stdout or command[0] == "migrate", done.stdout
