"""The portal at size: index N signed bundles (10,000 by default), then time its pages.

Figures, not a test (benchmarks/README.md). Every bundle goes through the real path: the
harness's verifier against the vendor's registered key, the results model, one transaction. The
bundles are made from one template (a real `build_bundle` + `sign_bundle` of a results document
over the shipped jumin 1.0 catalog): each copy gets its own results (release, states), its
manifest's hash of results.json updated and a new signature, so no two are the same.

    python benchmarks/portal_load.py                                  # 10,000 bundles, 50 requirements each
    python benchmarks/portal_load.py --requirements 957 --bundles 500 # whole 住民記録 1.0 results
    python benchmarks/portal_load.py --database postgresql://...      # on PostgreSQL
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "portal"))

STATES = ("PASS",) * 6 + ("FAIL", "MANUAL", "NOT_AUTOMATED", "NOT_APPLICABLE")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=10_000)
    parser.add_argument("--requirements", type=int, default=50, help="results per bundle (957: all of jumin 1.0)")
    parser.add_argument("--municipalities", type=int, default=100)
    parser.add_argument("--database", default=None, help="postgresql:// URL (default: SQLite in a temporary home)")
    parser.add_argument("--repeat", type=int, default=5, help="timings per page (the median is printed)")
    return parser.parse_args()


def setup(database: str | None) -> Path:
    home = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    os.environ["CONFORMANCE_PORTAL_HOME"] = str(home)
    from conformance.portal import server

    server.configure(None, database)
    server.migrate()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    return home


class Copier:
    """Distinct signed bundles from one template, through the harness's own writer and signer."""

    def __init__(self, home: Path, requirement_ids: list[str]) -> None:
        import portal_helpers

        from conformance.reporting.bundle import load_private_key
        from conformance.reporting.ziputil import read_entries

        self.signer = portal_helpers.keys(home)
        self.key = load_private_key(self.signer.private)
        from conformance.portal.recompute import allowed_states

        self.ids = requirement_ids
        self.allowed = {rid: [s for s in STATES if s in allowed_states(r)] or sorted(allowed_states(r))
                        for rid, r in portal_helpers.jumin_requirements().items()}
        template = portal_helpers.signed_bundle(home, self.signer, {}, partial=True)
        self.entries = dict(read_entries(template))
        self.manifest = json.loads(self.entries["manifest.json"])

    def bundle(self, version: str, draw: random.Random) -> bytes:
        import portal_helpers

        from conformance.reporting.bundle import key_fingerprint, sha256_bytes
        from conformance.reporting.ziputil import write_zip

        # States the harness can give each requirement (the portal refuses others: recompute.py), the
        # summary, scope and verdict made by the harness's own code; fewer than all: a partial run.
        statuses = {rid: draw.choice(self.allowed[rid]) for rid in self.ids}
        results = portal_helpers.results(statuses, version, partial=len(self.ids) < len(self.allowed))
        data = json.dumps(results, ensure_ascii=False).encode("utf-8")
        manifest = dict(self.manifest)
        manifest["files"] = [{**f, "sha256": sha256_bytes(data), "size": len(data)} if f["path"] == "results.json"
                             else f for f in manifest["files"]]
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        signature = {"algorithm": "Ed25519", "signed": "manifest.json",
                     "public_key_sha256": key_fingerprint(self.key.public_key()),
                     "signature": base64.b64encode(self.key.sign(manifest_bytes)).decode("ascii")}
        files = [(name, data if name == "results.json" else body) for name, body in self.entries.items()
                 if name not in ("manifest.json", "manifest.sig")]
        return write_zip([*files, ("manifest.json", manifest_bytes),
                          ("manifest.sig", json.dumps(signature, indent=2).encode("utf-8") + b"\n")])


def populate(args: argparse.Namespace, home: Path) -> tuple[Any, list[Any]]:
    from django.contrib.auth import get_user_model
    from portal_helpers import JUMIN

    from conformance.catalog.loader import load_edition
    from conformance.portal.models import Municipality, Product, Vendor, VendorKey

    ids = [r.id for r in load_edition(JUMIN).requirements][: args.requirements]
    copier = Copier(home, ids)
    vendor = Vendor.objects.create(name="見本ベンダー")
    VendorKey.objects.create(vendor=vendor, public_pem=copier.signer.public_pem())
    Product.objects.create(vendor=vendor, name="見本住記")
    municipalities = [Municipality.objects.create(code=f"{100000 + i}", name=f"市{i}", prefecture=f"県{i % 47}")
                      for i in range(args.municipalities)]
    vendor.customers.add(*municipalities)
    admin = get_user_model().objects.create_superuser("bench", password="bench-password-123")
    return admin, index_all(args, copier, municipalities, admin)


def index_all(args: argparse.Namespace, copier: Copier, municipalities: list[Any], admin: Any) -> list[Any]:
    from conformance.portal.ingest import index

    draw = random.Random(7)
    made, indexed, started = 0.0, [], time.perf_counter()
    for number in range(args.bundles):
        municipality = municipalities[number % len(municipalities)]
        version = f"{1 + number // (len(municipalities) * 5)}.{number % 5}"
        before = time.perf_counter()
        data = copier.bundle(version, draw)
        made += time.perf_counter() - before
        indexed.append(index(data, municipality, admin))
        if (number + 1) % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"  {number + 1} bundles: {elapsed:.1f} s ({made:.1f} s of it making them)", flush=True)
    total = time.perf_counter() - started
    print(f"indexed {args.bundles} bundles x {args.requirements} requirements in {total:.1f} s; "
          f"{(total - made) / args.bundles * 1000:.1f} ms per bundle to verify and index")
    return indexed


def timed(client: Any, url: str, repeat: int) -> tuple[float, int]:
    times, status = [], 0
    for _ in range(repeat):
        before = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - before)
        status = response.status_code
    return statistics.median(times) * 1000, status


def pages(args: argparse.Namespace, admin: Any, bundles: list[Any]) -> None:
    from django.test import Client

    client = Client()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    last, municipality = bundles[-1], bundles[-1].municipality
    urls = {
        "home (all municipalities)": "/",
        "municipality (latest per system)": f"/m/{municipality.code}/",
        "bundle": f"/bundle/{last.pk}/",
        "requirement history": f"/m/{municipality.code}/requirement/{last.states.first().requirement}/",
        "release diff": f"/bundle/{last.pk}/diff/",
        "worklist": f"/bundle/{last.pk}/worklist/",
        "prefecture": f"/prefecture/{municipality.prefecture}/",
        "vendor (across customers)": f"/vendor/{last.vendor_id}/",
        "xlsx 適合状況一覧": f"/bundle/{last.pk}/xlsx/",
    }
    print(f"page times at {len(bundles)} bundles (median of {args.repeat}, in process, Django test client):")
    for name, url in urls.items():
        milliseconds, status = timed(client, url, args.repeat)
        print(f"  {name:34} {milliseconds:8.1f} ms  (HTTP {status})")


def main() -> None:
    args = arguments()
    home = setup(args.database)
    from django.db import connection

    print(f"database: {connection.vendor}; home {home}")
    admin, bundles = populate(args, home)
    pages(args, admin, bundles)


if __name__ == "__main__":
    main()
