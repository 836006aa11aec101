"""Requirement states kept small (issue 51): 124 bytes of row a state to 48.

- ``CatalogRequirement``: each (requirement, system, edition, level) once; a state refers to it.
- ``status``: the word as a small integer (``models.STATUS_CODES``).
- ``reason`` and ``findings``: NULL when empty (read back as ``""`` and ``[]``).

The rows are converted in SQL (a statement per step, whatever the number of states).
"""

from __future__ import annotations

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

import conformance.portal.models

STATUS_CODES = ("PASS", "FAIL", "ERROR", "NOT_APPLICABLE", "WAIVED", "MANUAL", "NOT_AUTOMATED")
STATE = "portal_requirementstate"
ITEM = "portal_catalogrequirement"


def to_codes(apps: Any, schema_editor: Any) -> None:
    """Each distinct requirement once, each state pointing at it, each status as its code, empty
    reasons and findings as NULL."""
    cases = " ".join(f"WHEN '{word}' THEN {code}" for code, word in enumerate(STATUS_CODES))
    empty = "findings::text = '[]'" if schema_editor.connection.vendor == "postgresql" else "findings = '[]'"
    for statement in (
            f"INSERT INTO {ITEM} (requirement, domain, edition, level) "
            f"SELECT DISTINCT requirement, domain, edition, level FROM {STATE}",
            f"UPDATE {STATE} SET item_id = (SELECT i.id FROM {ITEM} i WHERE i.requirement = {STATE}.requirement "
            f"AND i.domain = {STATE}.domain AND i.edition = {STATE}.edition AND i.level = {STATE}.level), "
            f"status_code = CASE status {cases} END",
            f"UPDATE {STATE} SET reason = NULL WHERE reason = ''",
            f"UPDATE {STATE} SET findings = NULL WHERE {empty}"):
        schema_editor.execute(statement)
    if schema_editor.connection.vendor == "postgresql":
        # The new foreign key's checks are deferred to the commit; PostgreSQL alters no table with
        # checks pending (the columns are dropped next, in the same transaction): run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0010_bundle_file_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogRequirement",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("requirement", models.CharField(max_length=80)),
                ("domain", models.CharField(max_length=64)),
                ("edition", models.CharField(max_length=20)),
                ("level", models.CharField(max_length=20)),
            ],
            options={"verbose_name": "要件", "verbose_name_plural": "要件"},
        ),
        migrations.AddConstraint(
            model_name="catalogrequirement",
            constraint=models.UniqueConstraint(fields=("domain", "edition", "requirement", "level"),
                                               name="one_catalog_requirement"),
        ),
        migrations.AddField(
            model_name="requirementstate",
            name="item",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="portal.catalogrequirement"),
        ),
        migrations.AddField(
            model_name="requirementstate",
            name="status_code",
            field=models.SmallIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name="requirementstate",
            name="reason",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="requirementstate",
            name="findings",
            field=models.JSONField(default=list, null=True),
        ),
        migrations.RunPython(to_codes, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="requirementstate", name="requirement"),
        migrations.RemoveField(model_name="requirementstate", name="domain"),
        migrations.RemoveField(model_name="requirementstate", name="edition"),
        migrations.RemoveField(model_name="requirementstate", name="level"),
        migrations.RemoveField(model_name="requirementstate", name="status"),
        migrations.RenameField(model_name="requirementstate", old_name="status_code", new_name="status"),
        migrations.AlterField(
            model_name="requirementstate",
            name="status",
            field=conformance.portal.models.CodeField(words=STATUS_CODES),
        ),
        migrations.AlterField(
            model_name="requirementstate",
            name="item",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="portal.catalogrequirement"),
        ),
        migrations.AlterField(
            model_name="requirementstate",
            name="reason",
            field=conformance.portal.models.BlankAsNullTextField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="requirementstate",
            name="findings",
            field=conformance.portal.models.EmptyAsNullJSONField(default=list, null=True),
        ),
    ]
