"""Which vendor's product a municipality installed per system (issue 68, item 2).

A portal that ran before knows no installation, and would show no system's result. Where all the
bundles of a municipality's system name one registered product (of the vendor that signed them),
that product is recorded as installed; a system whose bundles name two or more is left for the
municipality to record (its headline is empty until then: the portal cannot tell whose it is).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import django.db.models.deletion
from django.db import migrations, models


def installed_from_bundles(apps: Any, schema_editor: Any) -> None:
    SystemResult = apps.get_model("portal", "SystemResult")
    Product, Installation = apps.get_model("portal", "Product"), apps.get_model("portal", "Installation")
    named: dict[tuple[int, str], set[tuple[int, str]]] = defaultdict(set)
    for municipality, domain, vendor, product in (SystemResult.objects.values_list(
            "municipality_id", "domain", "bundle__vendor_id", "bundle__product").distinct().iterator()):
        named[(municipality, domain)].add((vendor, product))
    products = {(p.vendor_id, p.name): p.pk for p in Product.objects.all()}
    Installation.objects.bulk_create([
        Installation(municipality_id=municipality, domain=domain, product_id=products[next(iter(releases))])
        for (municipality, domain), releases in named.items()
        if len(releases) == 1 and next(iter(releases)) in products], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0012_sealed_environment_runs'),
    ]

    operations = [
        migrations.CreateModel(
            name='Installation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('domain', models.CharField(max_length=64, verbose_name='業務（カタログの領域）')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='installations', to='portal.municipality', verbose_name='市区町村')),
                ('product', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='installations', to='portal.product', verbose_name='導入製品')),
            ],
            options={
                'verbose_name': '導入製品',
                'verbose_name_plural': '導入製品',
                'constraints': [models.UniqueConstraint(fields=('municipality', 'domain'), name='one_product_per_system')],
            },
        ),
        migrations.RunPython(installed_from_bundles, migrations.RunPython.noop),
    ]
