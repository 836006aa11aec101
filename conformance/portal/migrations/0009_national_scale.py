"""The portal at national scale (issue 51): a bundle's bytes in a table of their own, each system's
counts by state kept on its row, and the requirement states' indexes no query used dropped.

- ``BundleFile`` takes every bundle's bytes (copied in one statement, then the column dropped): a
  page that lists or joins bundles never reads them again.
- ``SystemResult.judged`` and ``counts``: how many of the system's requirements the run judged, by
  state, counted from the states already there.
- ``RequirementState``: the unique index (bundle, requirement), the index (requirement, bundle)
  and (bundle, status) dropped; the bundle's own index stays (models.RequirementState says why).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def count_states(apps: Any, schema_editor: Any) -> None:
    """Each system's counts by state, one grouped query over the states, then the systems in batches."""
    system_model = apps.get_model("portal", "SystemResult")
    state_model = apps.get_model("portal", "RequirementState")
    counted: dict[tuple[int, str, str], dict[str, int]] = defaultdict(dict)
    grouped = (state_model.objects.values("bundle_id", "domain", "edition", "status")
               .annotate(n=models.Count("id")).order_by())
    for row in grouped.iterator():
        counted[(row["bundle_id"], row["domain"], row["edition"])][row["status"]] = row["n"]
    batch = []
    for system in system_model.objects.only("id", "bundle_id", "domain", "edition").iterator():
        system.counts = counted.get((system.bundle_id, system.domain, system.edition), {})
        system.judged = sum(system.counts.values())
        batch.append(system)
        if len(batch) == 1000:
            system_model.objects.bulk_update(batch, ["counts", "judged"])
            batch = []
    system_model.objects.bulk_update(batch, ["counts", "judged"])


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0008_japanese_names"),
    ]

    operations = [
        migrations.CreateModel(
            name="BundleFile",
            fields=[
                ("bundle", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                related_name="file", serialize=False, to="portal.bundle")),
                ("data", models.BinaryField()),
            ],
        ),
        migrations.RunSQL("INSERT INTO portal_bundlefile (bundle_id, data) SELECT id, data FROM portal_bundle",
                          reverse_sql="UPDATE portal_bundle SET data = (SELECT f.data FROM portal_bundlefile f "
                                      "WHERE f.bundle_id = portal_bundle.id)"),
        migrations.RemoveConstraint(
            model_name="requirementstate",
            name="one_state_per_requirement",
        ),
        migrations.RemoveIndex(
            model_name="requirementstate",
            name="portal_requ_require_a7f80e_idx",
        ),
        migrations.RemoveIndex(
            model_name="requirementstate",
            name="portal_requ_bundle__83865c_idx",
        ),
        migrations.RemoveField(
            model_name="bundle",
            name="data",
        ),
        migrations.AddField(
            model_name="systemresult",
            name="counts",
            field=models.JSONField(default=dict),
        ),
        migrations.AddField(
            model_name="systemresult",
            name="judged",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(count_states, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="bundle",
            name="uploaded",
            field=models.DateTimeField(auto_now_add=True),
        ),
        migrations.AlterField(
            model_name="systemresult",
            name="municipality",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="systems", to="portal.municipality"),
        ),
    ]
