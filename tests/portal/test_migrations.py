"""Upgrading a portal with rows made before issue 47 (migration 0007): an attestation gets the vendor of
its release when only one vendor has bundles of it, none when two do; a bundle of a portal run becomes
witnessed. A fresh database in a subprocess, migrated to 0003, filled, then migrated to the end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

SCRIPT = """
import json, django
from django.core.management import call_command
django.setup()
call_command("migrate", "portal", "0003", verbosity=0)
call_command("migrate", "auth", verbosity=0)
from django.db.migrations.executor import MigrationExecutor
from django.db import connection
old = MigrationExecutor(connection).loader.project_state(("portal", "0003_api_token")).apps
Municipality, Vendor = old.get_model("portal", "Municipality"), old.get_model("portal", "Vendor")
Bundle, Attestation = old.get_model("portal", "Bundle"), old.get_model("portal", "Attestation")
Environment, Run = old.get_model("portal", "Environment"), old.get_model("portal", "Run")
town = Municipality.objects.create(code="131016", name="千代田区", prefecture="東京都")
a, b = Vendor.objects.create(name="A"), Vendor.objects.create(name="B")
def bundle(vendor, product, sha):
    return Bundle.objects.create(sha256=sha, municipality=town, vendor=vendor, signer="k", product=product,
                                 version="1.0", profile_name="p", harness_version="0", verdict="incomplete",
                                 created="2026-01-01T00:00:00+00:00", data=b"")
bundle(a, "alone", "1")
witnessed = bundle(a, "shared", "2")
bundle(b, "shared", "3")
Run.objects.create(environment=Environment.objects.create(municipality=town, vendor=a, name="e"),
                   bundle=witnessed, state="done")
for product in ("alone", "shared"):
    Attestation.objects.create(municipality=town, product=product, version="1.0", domain="jumin", edition="1.0",
                               requirement="jumin-1.0-3.4-R005", statement="s", state="accepted")
call_command("migrate", verbosity=0)
from conformance.portal.models import Attestation, Bundle
print(json.dumps({"vendors": {x.product: x.vendor.name if x.vendor else None for x in Attestation.objects.all()},
                  "origins": {x.sha256: x.origin for x in Bundle.objects.all()}}))
"""


def test_rows_made_before_issue_47_are_given_vendor_and_origin(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONFORMANCE_PORTAL_")}
    environment |= {"CONFORMANCE_PORTAL_HOME": str(tmp_path), "CONFORMANCE_PORTAL_SECRET_KEY": "x" * 50,
                    "DJANGO_SETTINGS_MODULE": "conformance.portal.settings"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=environment, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["vendors"] == {"alone": "A", "shared": None}
    assert found["origins"] == {"1": "self_declared", "2": "witnessed", "3": "self_declared"}


SCALE_SCRIPT = """
import json, django
from django.core.management import call_command
django.setup()
call_command("migrate", "portal", "0007", verbosity=0)
call_command("migrate", "auth", verbosity=0)
from django.db.migrations.executor import MigrationExecutor
from django.db import connection
old = MigrationExecutor(connection).loader.project_state(("portal", "0007_backfill_vendor_and_origin")).apps
Municipality, Vendor = old.get_model("portal", "Municipality"), old.get_model("portal", "Vendor")
Bundle, System = old.get_model("portal", "Bundle"), old.get_model("portal", "SystemResult")
State = old.get_model("portal", "RequirementState")
town = Municipality.objects.create(code="131016", name="千代田区", prefecture="東京都")
vendor = Vendor.objects.create(name="A")
for sha, data in (("1", b"PK first"), ("2", b"PK second")):
    bundle = Bundle.objects.create(sha256=sha, municipality=town, vendor=vendor, signer="k", product="p", version=sha,
                                   profile_name="p", harness_version="0", verdict="incomplete",
                                   created="2026-01-01T00:00:00+00:00", data=data)
    for domain in ("jumin", "inkan"):
        System.objects.create(bundle=bundle, municipality=town, domain=domain, edition="1.0", catalog_sha256="x")
    for n, status in enumerate(["PASS", "PASS", "FAIL"] if sha == "1" else ["MANUAL"]):
        State.objects.create(bundle=bundle, requirement=f"jumin-1.0-1-R{n}", domain="jumin", edition="1.0",
                             level="required", status=status, reason="why" if status == "FAIL" else "",
                             findings=[{"code": "api.status"}] if status == "FAIL" else [])
call_command("migrate", verbosity=0)
from conformance.portal.models import BundleFile, CatalogRequirement, RequirementState, SystemResult
print(json.dumps({"files": {f.bundle.sha256: bytes(f.data).decode() for f in BundleFile.objects.all()},
                  "systems": sorted([s.bundle.sha256, s.domain, s.judged, s.counts]
                                    for s in SystemResult.objects.all()),
                  "states": sorted([s.bundle.sha256, s.requirement, s.domain, s.edition, s.level, s.status, s.reason,
                                    s.findings] for s in RequirementState.objects.all()),
                  "requirements": CatalogRequirement.objects.count()}))
"""


def migrated(tmp_path: Path, database: str = "", script: str = SCALE_SCRIPT) -> Any:
    """What ``script`` (:data:`SCALE_SCRIPT`: a database filled at 0007) prints last, as JSON, after it
    migrated (SQLite in ``tmp_path``, or the PostgreSQL ``database`` URL, empty)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CONFORMANCE_PORTAL_")}
    environment |= {"CONFORMANCE_PORTAL_HOME": str(tmp_path), "CONFORMANCE_PORTAL_SECRET_KEY": "x" * 50,
                    "DJANGO_SETTINGS_MODULE": "conformance.portal.settings"}
    if database:
        environment["CONFORMANCE_PORTAL_DATABASE"] = database
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_kept(found: dict[str, Any]) -> None:
    """The rows of :data:`SCALE_SCRIPT` as they were before the migrations, in their new tables."""
    assert found["files"] == {"1": "PK first", "2": "PK second"}
    assert found["systems"] == [["1", "inkan", 0, {}], ["1", "jumin", 3, {"FAIL": 1, "PASS": 2}],
                                ["2", "inkan", 0, {}], ["2", "jumin", 1, {"MANUAL": 1}]]
    assert found["states"] == [
        ["1", "jumin-1.0-1-R0", "jumin", "1.0", "required", "PASS", "", []],
        ["1", "jumin-1.0-1-R1", "jumin", "1.0", "required", "PASS", "", []],
        ["1", "jumin-1.0-1-R2", "jumin", "1.0", "required", "FAIL", "why", [{"code": "api.status"}]],
        ["2", "jumin-1.0-1-R0", "jumin", "1.0", "required", "MANUAL", "", []]]
    assert found["requirements"] == 3


def test_bundle_bytes_move_to_their_table_and_systems_get_their_counts(tmp_path: Path) -> None:
    """Migration 0009 (issue 51): each bundle's bytes in BundleFile, each system's counts by state; and
    0011: each state read back as it was, its requirement stored once for both bundles (SQLite here,
    PostgreSQL in tests/portal/test_postgres.py)."""
    assert_kept(migrated(tmp_path))
