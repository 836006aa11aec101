"""The portal at national scale: every 市区町村 of the shipped code list, N whole-catalog bundles each.

Figures, not a test (benchmarks/README.md). Every bundle goes through the real path (the portal's
``ingest.index``: the harness's verifier against the vendor's registered key, the results against
the catalog edition, one transaction). The bundles are copies of one template (a real
``build_bundle`` + ``sign_bundle``): each copy gets its own results (release, states drawn from those
the harness can give each requirement, summary and verdict by the harness's own code), its
manifest's hash of results.json updated, and a new signature by its vendor's own key.

The parties: the 1,741 municipalities of the shipped 全国地方公共団体コード list (designated cities'
wards and the northern territories' villages left out: they run no systems of their own), three
vendors per prefecture, each a supplier of every municipality of its prefecture and signing with its
own key; bundle k of a municipality comes from its prefecture's vendor (i + k) mod 3. Bundles are
made and indexed in rounds (every municipality's first, then every second ...) by worker processes,
each making its own bundle and dropping it once indexed: memory does not grow with the load.

    python benchmarks/portal_load.py                                   # PostgreSQL (started here), all 1,741 x 8
    python benchmarks/portal_load.py --bundles-each 1 --municipalities 94 --requirements 1990
    python benchmarks/portal_load.py --database postgresql://user@host/db     # an existing server
    python benchmarks/portal_load.py --database sqlite --municipalities 20    # the embedded default
    python benchmarks/portal_load.py --load-seconds 3600               # stop loading after an hour

Printed: the load (bundles, states, rate, the process's memory), the indexing rate with 1, 2 and 4
worker processes (with the CPU per bundle of a worker and of its PostgreSQL backend, what a machine
loaded by others does not inflate), per page and per API call the median and p95 latency and the
number of queries (Django test client, in process), and the database's size and bytes per
requirement state.

    python benchmarks/portal_load.py --database postgresql://... --reuse   # time an earlier load again
"""

from __future__ import annotations

import argparse
import base64
import glob
import json
import os
import pwd
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "portal"))

#: The states drawn, weighted (each requirement gets one the harness can give it: recompute.py).
STATES = ("PASS",) * 6 + ("FAIL", "MANUAL", "NOT_AUTOMATED", "NOT_APPLICABLE")
VENDORS_PER_PREFECTURE = 3
PRODUCT = "標準準拠パッケージ"


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgres",
                        help="postgres (a throwaway server started here), sqlite (a temporary file) or a "
                             "postgresql:// URL")
    parser.add_argument("--bundles-each", type=int, default=8, help="bundles per municipality (releases)")
    parser.add_argument("--municipalities", type=int, default=0,
                        help="how many of the list (0: all 1,741), taken across prefectures in turn")
    parser.add_argument("--requirements", type=int, default=0,
                        help="results per bundle, the first N of the whole catalog in 業務ID order "
                             "(0: all 1,990, a complete run; fewer: a partial run)")
    parser.add_argument("--load-workers", type=int, default=2, help="processes indexing the load")
    parser.add_argument("--load-seconds", type=float, default=0, help="stop loading after this long (0: never)")
    parser.add_argument("--copy-to", type=int, default=0,
                        help="after the load, bring every municipality up to this many bundles by copying "
                             "indexed bundles' rows in SQL (for the pages at a size the machine "
                             "cannot index in the time there is; printed as copies)")
    parser.add_argument("--copy-seconds", type=float, default=0, help="stop copying after this long (0: never)")
    parser.add_argument("--rate-workers", type=int, nargs="*", default=[1, 2, 4],
                        help="worker counts the indexing rate is measured with after the load")
    parser.add_argument("--rate-bundles", type=int, default=24, help="bundles per rate measurement")
    parser.add_argument("--repeat", type=int, default=20, help="timings per page (median and p95 printed)")
    parser.add_argument("--uploads", type=int, default=5, help="timed uploads through the API")
    parser.add_argument("--reuse", action="store_true",
                        help="the database (a postgresql:// URL) holds an earlier run's load: time the pages, "
                             "the indexing rates and the size again without loading (new keys are registered "
                             "for the vendors, whose private keys went with that run)")
    return parser.parse_args(argv)


# -- the parties and the catalog (pure: no Django) ------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A municipality of the shipped list."""

    code: str
    name: str
    prefecture: str


def places(limit: int = 0) -> list[Place]:
    """The municipalities that run systems: the list's 市区町村 without designated cities' wards (the
    city runs them) and the northern territories (administered by no municipality today); ``limit``
    takes the first of each prefecture, then the second, ... (so a small run spans the country)."""
    from conformance.oracles.municipalities import municipalities

    listed = [Place(m.code, m.name, m.prefecture) for m in municipalities()
              if m.kind != "designated_ward" and not m.northern_territories]
    if not limit:
        return listed
    rank: dict[str, int] = defaultdict(int)
    keyed = []
    for place in listed:
        keyed.append((rank[place.prefecture], place.code, place))
        rank[place.prefecture] += 1
    return [place for _, _, place in sorted(keyed)[:limit]]


def vendor_names(prefecture: str) -> list[str]:
    """The prefecture's vendors."""
    return [f"{prefecture}ベンダー{i + 1}" for i in range(VENDORS_PER_PREFECTURE)]


def vendor_of(index: int, round_: int) -> int:
    """Which of its prefecture's vendors signs bundle ``round_`` of the ``index``-th municipality."""
    return (index + round_) % VENDORS_PER_PREFECTURE


def version_of(round_: int) -> str:
    """The release of bundle ``round_``: two bundles a release (a run again before the next)."""
    return f"{1 + round_ // 2}.{round_ % 2}"


def editions() -> list[Any]:
    """Every edition of the shipped catalog, in 業務ID order (jumin first)."""
    from conformance.catalog.domains import domains
    from conformance.catalog.loader import load_edition
    from conformance.locations import default_catalog_root

    order = {d.slug: min(d.gyomu_ids) for d in domains()}
    root = default_catalog_root()
    found = [load_edition(path) for path in sorted(root.glob("*/*")) if (path / "edition.yaml").is_file()]
    return sorted(found, key=lambda e: (order.get(e.domain, "999"), e.domain, e.edition_name))


def selection(requirements: int) -> tuple[list[Any], list[Any]]:
    """The first ``requirements`` of the whole catalog (0: all) and the editions they touch (claimed
    whole: fewer than all of a claimed edition make a partial run). More than the catalog holds is
    an error, never silently fewer."""
    shipped = editions()
    every = [r for edition in shipped for r in edition.requirements]
    if requirements < 0 or requirements > len(every):
        raise SystemExit(f"--requirements {requirements}: the shipped catalog has {len(every)} requirements "
                         f"in {len(shipped)} editions")
    chosen = every[:requirements or len(every)]
    ids = {r.id for r in chosen}
    return chosen, [e for e in shipped if any(r.id in ids for r in e.requirements)]


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (0.95: p95) of ``values``."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its finished children, MB (Linux: ru_maxrss in KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


# -- PostgreSQL --------------------------------------------------------------------------------------


def _server_program(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]), None)
    if found is None:
        raise SystemExit(f"{name} not found: install PostgreSQL (Debian: apt-get install postgresql) or give "
                         "--database postgresql://...")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: then as ``postgres`` (or ``nobody``)."""
    if os.geteuid() != 0:
        return command
    for account in ("postgres", "nobody"):
        try:
            pwd.getpwnam(account)
        except KeyError:
            continue
        return ["runuser", "-u", account, "--", *command]
    raise SystemExit("running as root with no postgres or nobody account to run PostgreSQL as")


def start_postgres() -> tuple[str, Callable[[], None]]:
    """A throwaway cluster on a free loopback port (as tests/portal/test_postgres.py starts one); its
    URL and the function that stops and removes it."""
    directory = Path(tempfile.mkdtemp(prefix="portal-bench-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam(_as_server_user(["x"])[2])
        os.chown(directory, account.pw_uid, account.pw_gid)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    data = directory / "data"
    subprocess.run(_as_server_user([_server_program("initdb"), "-D", str(data), "-U", "portal", "-A", "trust",
                                    "-E", "UTF8", "--no-locale"]), check=True, capture_output=True, timeout=300)
    subprocess.run(_as_server_user([_server_program("pg_ctl"), "-D", str(data), "-w", "-l", str(directory / "log"),
                                    "-o", f"-h 127.0.0.1 -p {port} -k {directory}", "start"]),
                   check=True, capture_output=True, timeout=300)
    import psycopg

    with psycopg.connect(f"postgresql://portal@127.0.0.1:{port}/postgres", autocommit=True) as connection:
        connection.execute("CREATE DATABASE portal")

    def stop() -> None:
        subprocess.run(_as_server_user([_server_program("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                       check=False, capture_output=True, timeout=300)
        shutil.rmtree(directory, ignore_errors=True)

    return f"postgresql://portal@127.0.0.1:{port}/portal", stop


def setup(database: str) -> tuple[Path, Callable[[], None]]:
    """Django configured and migrated on ``database``; the portal's home and the clean-up."""
    stop: Callable[[], None] = lambda: None  # noqa: E731
    url: str | None = None
    if database == "postgres":
        url, stop = start_postgres()
    elif database != "sqlite":
        url = database
    home = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    os.environ["CONFORMANCE_PORTAL_HOME"] = str(home)
    from conformance.portal import server

    server.configure(None, url)
    server.migrate()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    return home, stop


# -- bundles ---------------------------------------------------------------------------------------


class Copier:
    """Distinct signed bundles from one template, through the harness's own writer and signer."""

    def __init__(self, home: Path, requirements: list[Any], claimed: list[Any], keys: dict[int, Path]) -> None:
        import portal_helpers

        from conformance.catalog.fingerprint import edition_fingerprint
        from conformance.portal.recompute import allowed_states
        from conformance.reporting.bundle import key_fingerprint, load_private_key
        from conformance.reporting.ziputil import read_entries

        self.requirements = requirements
        self.allowed = {r.id: [s for s in STATES if s in allowed_states(r)] or sorted(allowed_states(r))
                        for r in requirements}
        self.claimed = frozenset(r.id for e in claimed for r in e.requirements)
        self.edition_of = {r.id: (e.domain, e.edition_name) for e in claimed for r in e.requirements}
        self.catalog = {"editions": [{"domain": e.domain, "edition": e.edition_name,
                                      "document": e.edition.document if e.edition else None,
                                      "requirements": len(e.requirements), "sha256": edition_fingerprint(e.path)}
                                     for e in claimed]}
        self.keys = {vendor: load_private_key(path) for vendor, path in keys.items()}
        self.fingerprints = {vendor: key_fingerprint(key.public_key()) for vendor, key in self.keys.items()}
        template = portal_helpers.signed_bundle(home, portal_helpers.keys(home), {}, partial=True)
        self.entries = dict(read_entries(template))
        self.manifest = json.loads(self.entries["manifest.json"])

    def results(self, version: str, draw: random.Random) -> dict[str, Any]:
        """A results.json document made by the harness's own code, states drawn per requirement."""
        from conformance.reporting.json_report import results_document
        from conformance.results import RequirementResult, RunOutcome, Scope

        results = []
        for requirement in self.requirements:
            status = draw.choice(self.allowed[requirement.id])
            domain, edition = self.edition_of[requirement.id]
            results.append(RequirementResult.from_json({
                "requirement": requirement.id, "domain": domain, "edition": edition,
                "level": requirement.level.value, "status": status, "reason": "", "attestation": None,
                "exchanges": [], "findings": [{"code": "api.status", "message": "m", "location": "/x",
                                               "expected": "200", "actual": "500"}] if status == "FAIL" else []}))
        partial = len(results) < len(self.claimed)
        outcome = RunOutcome(results=tuple(results), scope=Scope(claimed=self.claimed,
                                                                 selection={"k": "selected"} if partial else {}))
        document = results_document(outcome, self.catalog, {"name": "bench", "product": PRODUCT, "version": version})
        document.update({"seed": 7, "waivers": []})
        return document

    def bundle(self, vendor: int, version: str, draw: random.Random) -> bytes:
        from conformance.reporting.bundle import sha256_bytes
        from conformance.reporting.ziputil import write_zip

        data = json.dumps(self.results(version, draw), ensure_ascii=False).encode("utf-8")
        manifest = dict(self.manifest)
        manifest["files"] = [{**f, "sha256": sha256_bytes(data), "size": len(data)} if f["path"] == "results.json"
                             else f for f in manifest["files"]]
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        signature = {"algorithm": "Ed25519", "signed": "manifest.json", "public_key_sha256": self.fingerprints[vendor],
                     "signature": base64.b64encode(self.keys[vendor].sign(manifest_bytes)).decode("ascii")}
        files = [(name, data if name == "results.json" else body) for name, body in self.entries.items()
                 if name not in ("manifest.json", "manifest.sig")]
        return write_zip([*files, ("manifest.json", manifest_bytes),
                          ("manifest.sig", json.dumps(signature, indent=2).encode("utf-8") + b"\n")])


@dataclass(frozen=True)
class World:
    """The parties made: municipality ids by code, each municipality's index in its prefecture, its
    prefecture's vendor ids, and the administrator who uploads."""

    municipalities: dict[str, int]
    rank: dict[str, int]
    vendors: dict[str, list[int]]
    prefecture: dict[str, str]
    admin: int


def populate(home: Path, chosen: list[Place]) -> tuple[World, dict[int, Path]]:
    """Municipalities, three vendors per prefecture (a key pair and the product each), customers, and
    an administrator; the vendors' private keys by vendor id."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from conformance.portal.models import Municipality, Product, Vendor, VendorKey
    from conformance.reporting.bundle import generate_keys

    keys: dict[int, Path] = {}
    vendors: dict[str, list[int]] = {}
    rank: dict[str, int] = {}
    with transaction.atomic():
        made = Municipality.objects.bulk_create([Municipality(code=p.code, name=p.name, prefecture=p.prefecture)
                                                 for p in chosen])
        by_prefecture: dict[str, list[Any]] = defaultdict(list)
        for place, municipality in zip(chosen, made, strict=True):
            rank[place.code] = len(by_prefecture[place.prefecture])
            by_prefecture[place.prefecture].append(municipality)
        for prefecture, members in by_prefecture.items():
            vendors[prefecture] = []
            for name in vendor_names(prefecture):
                vendor = Vendor.objects.create(name=name)
                private, public = generate_keys(home / "keys" / str(vendor.pk))
                VendorKey.objects.create(vendor=vendor, public_pem=public.read_text("ascii"))
                Product.objects.create(vendor=vendor, name=PRODUCT)
                vendor.customers.add(*members)
                keys[vendor.pk] = private
                vendors[prefecture].append(vendor.pk)
        admin = get_user_model().objects.create_superuser("bench", password="bench-password-123")
    world = World({m.code: m.pk for m in made}, rank, vendors, {p.code: p.prefecture for p in chosen}, admin.pk)
    return world, keys


def reloaded(home: Path, chosen: list[Place]) -> tuple[World, dict[int, Path]]:
    """The parties of an earlier run's load (:func:`populate`'s, found by their codes and names), with
    a new key registered for each vendor (the earlier run's private keys were in its own home)."""
    from django.contrib.auth import get_user_model

    from conformance.portal.models import Municipality, Vendor, VendorKey
    from conformance.reporting.bundle import generate_keys

    stored = dict(Municipality.objects.filter(code__in=[p.code for p in chosen]).values_list("code", "pk"))
    if len(stored) != len(chosen):
        raise SystemExit(f"--reuse: the database holds {len(stored)} of the {len(chosen)} municipalities asked for")
    rank: dict[str, int] = {}
    seen: dict[str, int] = defaultdict(int)
    for place in chosen:
        rank[place.code], seen[place.prefecture] = seen[place.prefecture], seen[place.prefecture] + 1
    by_name = dict(Vendor.objects.values_list("name", "pk"))
    keys: dict[int, Path] = {}
    vendors: dict[str, list[int]] = {}
    for prefecture in {p.prefecture for p in chosen}:
        vendors[prefecture] = [by_name[name] for name in vendor_names(prefecture)]
        for pk in vendors[prefecture]:
            private, public = generate_keys(home / "keys" / str(pk))
            VendorKey.objects.create(vendor_id=pk, public_pem=public.read_text("ascii"))
            keys[pk] = private
    admin = get_user_model().objects.get(username="bench")
    world = World({p.code: stored[p.code] for p in chosen}, rank, vendors, {p.code: p.prefecture for p in chosen},
                  admin.pk)
    return world, keys


# -- indexing in worker processes --------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def backend_cpu() -> float:
    """CPU seconds of this process's database backend so far, when it is a PostgreSQL server process of
    this machine (its /proc entry readable); 0 otherwise. The server's background processes (WAL
    writer, checkpointer) are not counted."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    if "backend" not in _STATE:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            _STATE["backend"] = int(cursor.fetchone()[0])
    try:
        fields = Path(f"/proc/{_STATE['backend']}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _work(task: tuple[str, int]) -> tuple[int, float, float, float, float]:
    """Make and index one bundle (in a worker process); its states, the seconds making and indexing
    it, and the worker's CPU seconds indexing it (the figure a loaded machine does not inflate)."""
    from conformance.portal.ingest import index
    from conformance.portal.models import Municipality

    copier, world = _STATE["copier"], _STATE["world"]
    if "admin" not in _STATE:
        from django.contrib.auth import get_user_model

        _STATE["admin"] = get_user_model().objects.get(pk=world.admin)
    code, round_ = task
    started = time.perf_counter()
    vendor = world.vendors[world.prefecture[code]][vendor_of(world.rank[code], round_)]
    data = copier.bundle(vendor, version_of(round_), random.Random(f"{code}/{round_}"))
    made, cpu, server = time.perf_counter(), time.process_time(), backend_cpu()
    index(data, Municipality.objects.get(pk=world.municipalities[code]), _STATE["admin"])
    return (len(copier.requirements), made - started, time.perf_counter() - made, time.process_time() - cpu,
            backend_cpu() - server)


def _worker_start() -> None:
    from django.db import connections

    connections.close_all()  # the parent's connection is not this process's
    _STATE.pop("backend", None)


def run_tasks(tasks: Sequence[tuple[str, int]], workers: int, deadline: float = 0,
              report: Callable[[int, int], None] | None = None) -> tuple[int, int, float, float, float, float, float]:
    """Index ``tasks`` with ``workers`` processes (forked: each inherits the copier and makes its own
    bundles, never sent between processes), in batches so that ``deadline`` (a perf_counter time, 0:
    none) stops the load between batches. Returns bundles, states, wall, make and index seconds, and
    the workers' CPU seconds indexing."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    bundles = states = 0
    making = indexing = cpu = server = 0.0
    started = time.perf_counter()
    batch = max(8, workers * 8)
    with multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start) as pool:
        for first in range(0, len(tasks), batch):
            if deadline and time.perf_counter() > deadline:
                break
            for count, make, index_seconds, index_cpu, server_cpu in pool.imap_unordered(
                    _work, tasks[first:first + batch]):
                bundles, states = bundles + 1, states + count
                making, indexing, cpu = making + make, indexing + index_seconds, cpu + index_cpu
                server += server_cpu
                if report is not None:
                    report(bundles, states)
    return bundles, states, time.perf_counter() - started, making, indexing, cpu, server


def load(args: argparse.Namespace, world: World, chosen: list[Place]) -> tuple[int, int]:
    """Every municipality's bundles, round by round; prints progress and the rate."""
    tasks = [(place.code, round_) for round_ in range(args.bundles_each) for place in chosen]
    started = time.perf_counter()
    deadline = started + args.load_seconds if args.load_seconds else 0

    def report(bundles: int, states: int) -> None:
        if bundles % 250 == 0:
            elapsed = time.perf_counter() - started
            print(f"  {bundles:6} bundles, {states:11,} states: {elapsed:7.0f} s, {bundles / elapsed:5.2f} "
                  f"bundles/s; load average {os.getloadavg()[0]:.1f}", flush=True)

    bundles, states, wall, making, indexing, cpu, _ = run_tasks(tasks, args.load_workers, deadline, report)
    stopped = "" if bundles == len(tasks) else f" (stopped at --load-seconds: {bundles} of {len(tasks)})"
    print(f"loaded {bundles} bundles ({states:,} states) in {wall:.0f} s with {args.load_workers} workers: "
          f"{bundles / wall:.2f} bundles/s; per bundle {making / bundles * 1000:.0f} ms making it, "
          f"{indexing / bundles * 1000:.0f} ms verifying and indexing (worker time; {cpu / bundles * 1000:.0f} ms of "
          f"the worker's CPU, the database server's not counted){stopped}", flush=True)
    return bundles, states


def rates(args: argparse.Namespace, world: World, chosen: list[Place], first_round: int) -> int:
    """The indexing rate with each worker count (``--rate-bundles`` new bundles each); states added."""
    added, round_ = 0, first_round
    for workers in args.rate_workers:
        tasks = [(chosen[i % len(chosen)].code, round_ + i // len(chosen)) for i in range(args.rate_bundles)]
        round_ += 1 + args.rate_bundles // len(chosen)
        bundles, states, wall, _, indexing, cpu, server = run_tasks(tasks, workers)
        added += states
        print(f"  indexing with {workers} worker process(es): {bundles / wall:5.2f} bundles/s "
              f"({states / wall:8,.0f} states/s; {indexing / bundles * 1000:.0f} ms a bundle in a worker, "
              f"{cpu / bundles * 1000:.0f} ms of its CPU, "
              + (f"{server / bundles * 1000:.0f} ms of its database backend's" if server else "SQLite's included")
              + "); "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
    return added


# -- copies in SQL (the pages' scale, not the indexing path) -------------------------------------------

#: A copied bundle's sha256 column: which round of which municipality, copied from which indexed bundle.
COPY = "copy-{round}-{municipality}-{source}"
BUNDLE_COLUMNS = ("sha256, municipality_id, vendor_id, version, signer, origin, product, profile_name, "
                  "harness_version, harness_outdated, verdict, current_verdict, verdict_valid_until, partial, "
                  "problems, gaps, created, uploaded, uploaded_by_id")
BUNDLE_COPIED = ("signer, origin, product, profile_name, harness_version, harness_outdated, verdict, current_verdict, "
                 "verdict_valid_until, partial, problems, gaps, created, %s, uploaded_by_id")
SYSTEM_COLUMNS = "bundle_id, municipality_id, domain, edition, catalog_sha256, catalog_outdated, judged, counts"
STATE_COLUMNS = "bundle_id, item_id, status, reason, findings, attestation"


def copy_up_to(target: int, world: World, seconds: float = 0) -> int:
    """Bring every municipality up to ``target`` bundles by copying the rows of bundles indexed through
    the real path (bundle, file, systems and states) in SQL: for the pages and the database at a size
    the machine cannot index in the time there is. Copies are labelled by their sha256 column
    (:data:`COPY`); their states are their source's. Round by round (every municipality's next bundle),
    stopping between rounds after ``seconds`` (0: never). Returns the states copied."""
    from django.db import connection, transaction
    from django.utils import timezone

    from conformance.portal.models import Bundle

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE copy_source (id bigint PRIMARY KEY, source bigint NOT NULL)")
    sources = list(Bundle.objects.exclude(sha256__startswith="copy-").order_by("id").values_list("id", flat=True))
    have: dict[int, int] = defaultdict(int)
    for municipality in Bundle.objects.values_list("municipality_id", flat=True):
        have[municipality] += 1
    copied, started = 0, time.perf_counter()
    for round_ in range(target):
        wanted = [(code, pk) for code, pk in world.municipalities.items() if have[pk] <= round_]
        if not wanted:
            continue
        if seconds and time.perf_counter() - started > seconds:
            print(f"  copying stopped at --copy-seconds, before round {round_ + 1}", flush=True)
            break
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO portal_bundle ({BUNDLE_COLUMNS}) SELECT %s, %s, %s, %s, {BUNDLE_COPIED} "
                "FROM portal_bundle WHERE id = %s",
                [(COPY.format(round=round_, municipality=pk, source=sources[i % len(sources)]), pk,
                  world.vendors[world.prefecture[code]][vendor_of(world.rank[code], round_)], version_of(round_),
                  timezone.now(), sources[i % len(sources)]) for i, (code, pk) in enumerate(wanted)])
            cursor.execute("DELETE FROM copy_source")
            cursor.execute(f"SELECT id, sha256 FROM portal_bundle WHERE sha256 LIKE 'copy-{round_}-%'")
            cursor.executemany("INSERT INTO copy_source (id, source) VALUES (%s, %s)",
                               [(pk, int(sha.rsplit("-", 1)[1])) for pk, sha in cursor.fetchall()])
            new = "copy_source"
            cursor.execute(f"INSERT INTO portal_bundlefile (bundle_id, data) SELECT n.id, f.data FROM {new} n "
                           "JOIN portal_bundlefile f ON f.bundle_id = n.source")
            cursor.execute(f"INSERT INTO portal_systemresult ({SYSTEM_COLUMNS}) SELECT n.id, b.municipality_id, "
                           "s.domain, s.edition, s.catalog_sha256, s.catalog_outdated, s.judged, s.counts "
                           f"FROM {new} n JOIN portal_bundle b ON b.id = n.id "
                           "JOIN portal_systemresult s ON s.bundle_id = n.source ORDER BY n.id, s.id")
            cursor.execute(f"INSERT INTO portal_requirementstate ({STATE_COLUMNS}) SELECT n.id, s.item_id, "
                           "s.status, s.reason, s.findings, s.attestation "
                           f"FROM {new} n JOIN portal_requirementstate s ON s.bundle_id = n.source ORDER BY n.id, s.id")
            copied += cursor.rowcount
        for _, pk in wanted:
            have[pk] += 1
        print(f"  copied round {round_ + 1}: {len(wanted)} bundles, {copied:,} states copied so far, "
              f"{time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f}", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return copied


# -- pages and API calls ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """One page's or call's timings (ms) and the queries of each request."""

    times: list[float]
    queries: list[int]
    status: int
    cpu: list[float]

    def line(self, name: str) -> str:
        counts = sorted(set(self.queries))
        shown = str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"
        return (f"  {name:40} median {statistics.median(self.times):8.1f} ms  p95 {percentile(self.times, 0.95):8.1f}"
                f" ms  max {max(self.times):8.1f} ms  CPU {statistics.median(self.cpu):7.1f} ms  {shown:>7} queries  "
                f"(HTTP {self.status}{', NOT OK' if self.status >= 400 else ''})")


def timed(request: Callable[[int], Any], repeat: int) -> Timing:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, status, cpu = [], [], 0, []
    for attempt in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            before, used = time.perf_counter(), time.process_time()
            response = request(attempt)
            times.append((time.perf_counter() - before) * 1000)
            cpu.append((time.process_time() - used) * 1000)
        queries.append(len(captured.captured_queries))
        status = response.status_code
    return Timing(times, queries, status, cpu)


def review_objects(world: World) -> dict[str, Any]:
    """The pages' objects: the largest prefecture, its first municipality with a complete bundle, that
    bundle, a MANUAL requirement of it with an accepted attestation and evidence, an open 経過措置."""
    import datetime as dt

    from django.utils import timezone

    from conformance.portal.models import Attestation, Bundle, Evidence, Transition
    from conformance.portal.verdicts import refresh_release

    sizes: dict[str, int] = defaultdict(int)
    for prefecture in world.prefecture.values():
        sizes[prefecture] += 1
    largest = max(sizes, key=lambda p: (sizes[p], p))
    bundle = (Bundle.objects.filter(municipality__prefecture=largest, partial=False).select_related("municipality")
              .order_by("municipality__code", "-uploaded").first())
    if bundle is None:
        raise SystemExit(f"no complete bundle in {largest}: load more (--requirements 0 makes complete runs)")
    manual = bundle.states.filter(status="MANUAL").first() or bundle.states.first()
    assert manual is not None
    attestation = Attestation.objects.create(
        municipality=bundle.municipality, vendor_id=bundle.vendor_id, product=bundle.product, version=bundle.version,
        domain=manual.domain, edition=manual.edition, requirement=manual.requirement, statement="確認した",
        state=Attestation.State.ACCEPTED, decided=timezone.now(), expires=dt.date.today() + dt.timedelta(days=300))
    evidence = Evidence.objects.create(attestation=attestation, name="screen.png", content_type="image/png",
                                       sha256="0" * 64, size=4, data=b"\x89PNG")
    refresh_release(attestation)
    # update_or_create: a --reuse run finds the earlier run's.
    Transition.objects.update_or_create(
        municipality=bundle.municipality, requirement=bundle.states.exclude(pk=manual.pk).first().requirement,  # type: ignore[union-attr]
        defaults={"domain": manual.domain, "notification": "届出-1",
                  "promised": dt.date.today() + dt.timedelta(days=90)})
    municipalities = list(Bundle.objects.filter(municipality__prefecture=largest).values_list(
        "municipality__code", flat=True).distinct().order_by("municipality__code")[:50])
    return {"prefecture": largest, "size": sizes[largest], "bundle": bundle, "requirement": manual.requirement,
            "evidence": evidence.pk, "municipalities": municipalities}


def pages(args: argparse.Namespace, world: World, copier: Copier) -> None:
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from conformance.portal.api import new_token

    admin = get_user_model().objects.get(pk=world.admin)
    client = Client()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    found = review_objects(world)
    last, code = found["bundle"], found["bundle"].municipality.code
    codes = found["municipalities"]
    token = new_token(admin)
    api = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    def written(url: str) -> Any:
        """The list written again: the kept lists dropped first (conformance/portal/xlsx.py)."""
        from django.core.cache import caches

        from conformance.portal.xlsx import KEPT

        caches[KEPT].clear()
        return client.get(url)

    urls: dict[str, Callable[[int], Any]] = {
        "home": lambda _: client.get("/"),
        f"prefecture {found['prefecture']} ({found['size']} municipalities)":
            lambda _: client.get(f"/prefecture/{found['prefecture']}/"),
        "municipality (latest per system)": lambda i: client.get(f"/m/{codes[i % len(codes)]}/"),
        "bundle (every requirement)": lambda _: client.get(f"/bundle/{last.pk}/"),
        "bundle, filtered (?state=FAIL)": lambda _: client.get(f"/bundle/{last.pk}/?state=FAIL"),
        "requirement history": lambda _: client.get(f"/m/{code}/requirement/{found['requirement']}/"),
        "release diff": lambda _: client.get(f"/bundle/{last.pk}/diff/"),
        "worklist": lambda _: client.get(f"/bundle/{last.pk}/worklist/"),
        "vendor (across customers)": lambda _: client.get(f"/vendor/{last.vendor_id}/"),
        "xlsx 適合状況一覧 (written every time)": lambda _: written(f"/bundle/{last.pk}/xlsx/"),
        "xlsx 適合状況一覧 (written once, then kept)":
            lambda i: written(f"/bundle/{last.pk}/xlsx/") if i == 0 else client.get(f"/bundle/{last.pk}/xlsx/"),
        "bundle download (the zip)": lambda _: client.get(f"/bundle/{last.pk}/zip/"),
        "API GET /api/attestations/": lambda _: client.get(
            f"/api/attestations/?municipality={code}&product={last.product}&version={last.version}", **api),
        "API GET /api/evidence/ID/": lambda _: client.get(f"/api/evidence/{found['evidence']}/", **api),
    }
    print(f"pages and API calls (Django test client in process; {args.repeat} requests each; CPU: this process's, "
          f"the database server's not counted; load average {os.getloadavg()[0]:.1f}):", flush=True)
    for name, request in urls.items():
        print(timed(request, args.repeat).line(name), flush=True)
    vendor = world.vendors[world.prefecture[code]][0]

    def upload(attempt: int) -> Any:
        data = copier.bundle(vendor, f"9.{attempt}", random.Random(attempt))
        return client.post("/api/bundles/", {"municipality": code,
                                             "bundle": SimpleUploadedFile("evidence.zip", data)}, **api)

    print(timed(upload, args.uploads).line("API POST /api/bundles/ (index one)"), flush=True)


# -- the database's size -----------------------------------------------------------------------------


def sizes() -> None:
    from django.db import connection

    from conformance.portal.models import RequirementState

    states = RequirementState.objects.count()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            total = int(cursor.fetchone()[0])
            cursor.execute("SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid) FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND "
                           "c.relkind = 'r' ORDER BY 2 DESC LIMIT 6")
            tables = cursor.fetchall()
            cursor.execute("SELECT indexrelname, pg_relation_size(indexrelid), idx_scan FROM pg_stat_user_indexes "
                           "WHERE relname IN ('portal_requirementstate', 'portal_systemresult', 'portal_bundle') "
                           "ORDER BY 2 DESC")
            indexes = cursor.fetchall()
        print(f"database: {total / 2**20:,.0f} MB for {states:,} requirement states: {total / max(states, 1):.0f} "
              "bytes a state, everything included", flush=True)
        for name, whole, heap in tables:
            print(f"  table {name:34} {whole / 2**20:9,.1f} MB ({heap / 2**20:,.1f} MB rows, the rest indexes "
                  "and TOAST)")
        for name, size, scans in indexes:
            print(f"  index {name:50} {size / 2**20:9,.1f} MB, {scans:,} scans")
        state_total = next((whole for name, whole, _ in tables if name == "portal_requirementstate"), 0)
        print(f"  requirement states alone (rows and indexes): {state_total / max(states, 1):.0f} bytes a state")
    else:
        name = Path(str(connection.settings_dict["NAME"]))
        total = sum(p.stat().st_size for p in name.parent.glob(name.name + "*"))
        print(f"database: {total / 2**20:,.0f} MB (SQLite file and WAL) for {states:,} requirement states: "
              f"{total / max(states, 1):.0f} bytes a state", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    args = arguments(argv)
    chosen = places(args.municipalities)
    requirements, claimed = selection(args.requirements)
    print(f"{len(chosen)} municipalities in {len({p.prefecture for p in chosen})} prefectures, "
          f"{VENDORS_PER_PREFECTURE} vendors each; {args.bundles_each} bundles each of {len(requirements)} "
          f"requirements ({len(claimed)} editions claimed); {len(chosen) * args.bundles_each * len(requirements):,} "
          f"states planned; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    home, stop = setup(args.database)
    try:
        from django.db import connection

        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; home {home}", flush=True)
        world, keys = reloaded(home, chosen) if args.reuse else populate(home, chosen)
        copier = Copier(home, requirements, claimed, keys)
        _STATE.update(copier=copier, world=world)
        if not args.reuse:
            load(args, world, chosen)
        if args.copy_to:
            copied = copy_up_to(args.copy_to, world, args.copy_seconds)
            print(f"copied {copied:,} states in SQL (bundles copied from indexed ones, labelled copy-*: the pages' "
                  "scale, not the indexing path)", flush=True)
        rates(args, world, chosen, args.bundles_each + args.copy_to + (100 if args.reuse else 0))
        pages(args, world, copier)
        sizes()
        own, children = rss_mb()
        print(f"peak memory: this process {own:.0f} MB, the largest worker {children:.0f} MB")
    finally:
        from django.db import connections

        connections.close_all()
        stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
