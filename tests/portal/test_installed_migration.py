"""Upgrading a portal with bundles made before issue 68 (migration 0013): a system whose bundles all name
one registered product of the vendor that signed them gets it as installed; a system with bundles of two
products gets none (the portal cannot tell whose it is). A fresh database in a subprocess, migrated to
0012, filled, then migrated to the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_migrations import migrated

pytestmark = pytest.mark.e2e

SCRIPT = """
import json, django
from django.core.management import call_command
django.setup()
call_command("migrate", "portal", "0012", verbosity=0)
from django.db.migrations.executor import MigrationExecutor
from django.db import connection
old = MigrationExecutor(connection).loader.project_state(("portal", "0012_sealed_environment_runs")).apps
Municipality, Vendor = old.get_model("portal", "Municipality"), old.get_model("portal", "Vendor")
Product, Bundle = old.get_model("portal", "Product"), old.get_model("portal", "Bundle")
System = old.get_model("portal", "SystemResult")
town = Municipality.objects.create(code="131016", name="千代田区", prefecture="東京都")
a, b = Vendor.objects.create(name="A"), Vendor.objects.create(name="B")
for vendor, name in ((a, "住記A"), (a, "戸籍A"), (b, "戸籍B")):
    Product.objects.create(vendor=vendor, name=name)
for sha, vendor, product, domain in (("1", a, "住記A", "jumin"), ("2", a, "住記A", "jumin"),
                                     ("3", a, "戸籍A", "koseki"), ("4", b, "戸籍B", "koseki")):
    bundle = Bundle.objects.create(sha256=sha, municipality=town, vendor=vendor, signer="k", product=product,
                                   version="1.0", profile_name="p", harness_version="0", verdict="incomplete",
                                   created="2026-01-01T00:00:00+00:00")
    System.objects.create(bundle=bundle, municipality=town, domain=domain, edition="1.0", catalog_sha256="x")
call_command("migrate", verbosity=0)
from conformance.portal.models import Installation
print(json.dumps({i.domain: i.product.name for i in Installation.objects.all()}, ensure_ascii=False))
"""


def test_a_system_with_one_product_gets_it_installed_and_one_with_two_gets_none(tmp_path: Path) -> None:
    assert migrated(tmp_path, script=SCRIPT) == {"jumin": "住記A"}
