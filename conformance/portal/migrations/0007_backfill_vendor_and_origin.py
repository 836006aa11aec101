"""What migrations 0004 and 0005 cannot know from the schema, taken from the rows already there
(issue 47): an attestation's vendor, and whether a bundle came from a run of the portal.

- An attestation made before 0004 has no vendor. It gets the vendor of the bundles of its release
  (municipality, product, version) when exactly one vendor has any; when several do (two vendors'
  bundles named the same product: the confusion issue 47 is about) it keeps none, so it verifies
  nothing until a reviewer decides again on the right vendor's release.
- A bundle a portal run indexed (a Run points to it) is witnessed; every other one stays
  self-declared, the default.

Products are not made from old bundles: a bundle's product name was the signer's word, so an
administrator registers each vendor's products after the upgrade (CHANGELOG)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def backfill(apps: Any, schema_editor: Any) -> None:
    attestation_model = apps.get_model("portal", "Attestation")
    bundle_model = apps.get_model("portal", "Bundle")
    for attestation in attestation_model.objects.filter(vendor__isnull=True):
        vendors = set(bundle_model.objects.filter(
            municipality_id=attestation.municipality_id, product=attestation.product,
            version=attestation.version).values_list("vendor_id", flat=True).distinct())
        if len(vendors) == 1:
            attestation.vendor_id = vendors.pop()
            attestation.save(update_fields=["vendor"])
    bundle_model.objects.filter(run__isnull=False).update(origin="witnessed")


class Migration(migrations.Migration):
    dependencies = [("portal", "0006_password_change_required")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
