"""Attacks on the portal (issue 47): each test plays the judged party or a neighbour (forged bundles
signed with a vendor's own registered key, crossed tenants, replays, oversized bodies, killed
workers) and asserts the refusal. They run on SQLite, and on PostgreSQL through test_postgres.py."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import html
import io
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import (
    CATALOG,
    CHECKED,
    MANUAL,
    World,
    jumin_requirements,
    keys,
    results,
    signed_bundle,
    signed_document,
)

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.reporting.json_report import results_document
from conformance.results import RequirementResult, RunOutcome, Scope, Status

pytestmark = pytest.mark.usefixtures("portal_db")
INKAN = CATALOG / "inkan" / "2025.12"


def client(user: Any) -> Any:
    from django.test import Client

    browser = Client()
    browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return browser


def upload(browser: Any, municipality: Any, data: bytes) -> Any:
    return browser.post("/upload/", {"municipality": municipality.pk, "bundle": io.BytesIO(data)})


def refused(world: World, tmp_path: Path, document: dict[str, Any], reason: str) -> None:
    """The vendor's own signature on ``document`` is refused with ``reason`` (the English page's: each
    refusal has its Japanese too, on the Japanese page), and nothing is stored."""
    from conformance.portal.models import Bundle

    before = Bundle.objects.count()
    vendor = client(world.users["vendor"])
    data = signed_document(tmp_path, world.signer, document)
    japanese = html.unescape(upload(vendor, world.tokyo, data).content.decode())
    vendor.post("/lang/", {"lang": "en"})
    answer = upload(vendor, world.tokyo, data)
    text = html.unescape(answer.content.decode())
    assert answer.status_code == 400 and reason in text, text[-3000:]
    assert "results.json がこのポータルのカタログと合いません:" in japanese and reason not in japanese
    assert Bundle.objects.count() == before


# 1. The portal recomputes every verdict from the catalog edition it holds.

def test_one_of_seventeen_inkan_requirements_signed_conformant_is_refused(world: World, tmp_path: Path) -> None:
    edition = load_edition(INKAN)
    judged = next(r for r in edition.requirements if any(isinstance(c, FunctionCheck) for c in r.checks))
    outcome = RunOutcome(results=(RequirementResult(requirement=judged.id, domain="inkan", edition="2025.12",
                                                    level=judged.level.value, status=Status.PASS),),
                         scope=Scope(claimed=frozenset({judged.id})))
    catalog = {"editions": [{"domain": "inkan", "edition": "2025.12", "document": "印鑑登録",
                             "requirements": len(edition.requirements), "sha256": edition_fingerprint(INKAN)}]}
    document = results_document(outcome, catalog, {"name": "x", "product": "見本住記", "version": "1.0"})
    assert (document["verdict"], document["scope"]["partial"]) == ("conformant", False)  # the forgery's claim
    refused(world, tmp_path, document, f"16 of the {len(edition.requirements)} requirements of the claimed "
                                       "editions are missing")


def forged(change: str, rid: str) -> dict[str, Any]:
    """A whole 住民記録 run whose entry ``rid`` was edited by ``change``, its summary kept consistent."""
    document = results({CHECKED: "PASS", MANUAL: "MANUAL"}, "1.0")
    entry = next(e for e in document["results"] if e["requirement"] == rid)
    old = entry["status"]
    if change == "level":
        entry["level"] = "optional"
    else:
        entry["status"] = change
        document["summary"][old] -= 1
        document["summary"][change] += 1
    return document


def not_automated() -> str:
    return next(rid for rid, r in jumin_requirements().items() if not r.checks)


@pytest.mark.parametrize(("change", "rid", "reason"), [
    ("PASS", "not automated", "state PASS is not one the harness gives this requirement"),
    ("NOT_APPLICABLE", CHECKED, "state NOT_APPLICABLE is not one the harness gives this requirement"),
    ("PASS", MANUAL, "state PASS is not one the harness gives this requirement"),
    ("WAIVED", CHECKED, "WAIVED, but the run's waivers name no waiver for it"),
    ("level", CHECKED, "level 'optional', the catalog says 'required'"),
])
def test_a_state_the_catalog_does_not_allow_is_refused(world: World, tmp_path: Path, change: str, rid: str,
                                                        reason: str) -> None:
    refused(world, tmp_path, forged(change, not_automated() if rid == "not automated" else rid), reason)


def test_a_verdict_the_states_do_not_give_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "FAIL"}, "1.0")
    document["verdict"] = "conformant"
    refused(world, tmp_path, document, "the file says conformant; the harness's rule over its own results gives "
                                       "not_conformant")


def test_a_summary_that_hides_failures_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "FAIL"}, "1.0")
    document["summary"]["FAIL"] = 0
    refused(world, tmp_path, document, "summary: FAIL 0, the results list 1")


def test_a_catalog_edition_the_portal_does_not_hold_is_refused(world: World, tmp_path: Path) -> None:
    document = results({CHECKED: "PASS"}, "1.0")
    other = copy.deepcopy(document)
    other["catalog"]["editions"][0]["sha256"] = "0" * 64
    refused(world, tmp_path, other, "is not the edition this portal holds")
    other["catalog"]["editions"][0].update({"edition": "9.9", "sha256": document["catalog"]["editions"][0]["sha256"]})
    refused(world, tmp_path, other, "catalog jumin 9.9: this portal does not hold that edition")


def test_an_attestation_inside_the_bundle_verifies_nothing(world: World, tmp_path: Path) -> None:
    from conformance.portal.verdicts import with_attestations

    state = {"requirement": MANUAL, "domain": "jumin", "edition": "1.0", "level": "required", "status": "MANUAL",
             "reason": "", "attestation": {"by": "the vendor itself", "statement": "trust me", "evidence": []}}
    assert not with_attestations([state], {})[0].verified


# 2. Tenant isolation: products belong to a vendor; four eyes on attestations; expiry bounded.

def rival_of(world: World, tmp_path: Path, supplies: bool = True) -> tuple[Any, Any]:
    """Vendor B with its own registered key and account; a customer of 千代田区 when ``supplies``."""
    from django.contrib.auth import get_user_model

    from conformance.portal.models import Membership, Role, Vendor, VendorKey

    rival = Vendor.objects.create(name=f"B-{world.vendor.pk}")
    if supplies:
        rival.customers.add(world.tokyo)
    signer = keys(tmp_path)
    VendorKey.objects.create(vendor=rival, public_pem=signer.public_pem())
    account = get_user_model().objects.create_user(f"rival-{rival.pk}")
    Membership.objects.create(user=account, role=Role.VENDOR, vendor=rival)
    return account, signer


def test_a_vendor_cannot_sign_another_vendors_product(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Bundle

    account, signer = rival_of(world, tmp_path)
    answer = upload(client(account), world.tokyo, signed_bundle(tmp_path, signer, {CHECKED: "PASS"}))
    assert answer.status_code == 400
    assert "製品 '見本住記' は" in html.unescape(answer.content.decode())
    assert not Bundle.objects.filter(municipality=world.tokyo, vendor__name__startswith="B-").exists()


def test_a_vendor_uploads_only_where_it_supplies(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Product

    account, signer = rival_of(world, tmp_path, supplies=False)
    Product.objects.create(vendor=account.memberships.get().vendor, name="見本住記")
    answer = upload(client(world.users["tester"]), world.tokyo, signed_bundle(tmp_path, signer, {CHECKED: "PASS"}))
    assert answer.status_code == 400 and "の納入ベンダーとして登録されていません" in html.unescape(
        answer.content.decode())


def test_a_rival_bundle_does_not_inherit_the_others_attestations(world: World, tmp_path: Path) -> None:
    """B registers a product of the same name (its own), signs a bundle of it: A's accepted attestation
    of 見本住記 1.0 verifies nothing of B's."""
    from django.utils import timezone

    from conformance.portal.models import Attestation, Bundle, Product
    from conformance.portal.verdicts import accepted_attestations, today

    account, signer = rival_of(world, tmp_path)
    rival_product = Product.objects.create(vendor=account.memberships.get().vendor, name="見本住記")
    world.tokyo.installations.filter(domain="jumin").update(product=rival_product)  # 千代田区 changed package
    Attestation.objects.create(municipality=world.tokyo, vendor=world.vendor, product="見本住記", version="1.0",
                               domain="jumin", edition="1.0", requirement=MANUAL, statement="A's", state="accepted",
                               decided=timezone.now())
    answer = upload(client(account), world.tokyo, signed_bundle(tmp_path, signer, {MANUAL: "MANUAL"}))
    assert answer.status_code == 302, answer.content.decode()[-2000:]
    rival_bundle = Bundle.objects.get(municipality=world.tokyo, vendor__name__startswith="B-")
    assert accepted_attestations(rival_bundle, today()) == {}


def review_as(user: Any, bundle: Any, decision: str = "accepted", expires: str = "", read: Any = None) -> Any:
    """The reviewer's decision on the attestation it read (``read``; the newest when not given)."""
    from conformance.portal.models import Attestation

    if read is None:
        read = Attestation.objects.filter(municipality=bundle.municipality, requirement=MANUAL).order_by(
            "-created").first()
    return client(user).post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "review", "decision": decision, "comment": "ok", "expires": expires,
        "attestation": str(getattr(read, "pk", ""))})


def indexed(world: World, tmp_path: Path) -> Any:
    from conformance.portal.models import Bundle

    answer = upload(client(world.users["tester"]), world.tokyo,
                    signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    assert answer.status_code == 302
    return Bundle.objects.get(pk=int(answer["Location"].rstrip("/").rsplit("/", 1)[1]))


def test_the_submitter_never_accepts_its_own_attestation(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Attestation

    bundle, reviewer = indexed(world, tmp_path), world.users["reviewer"]
    assert client(reviewer).post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "attest", "statement": "I checked it myself"}).status_code == 302
    assert review_as(reviewer, bundle).status_code == 403
    assert Attestation.objects.get(municipality=world.tokyo).state == "pending"


def test_an_expiry_past_the_bound_is_refused_and_none_means_the_bound(world: World, tmp_path: Path) -> None:
    from django.conf import settings

    from conformance.portal.models import Attestation
    from conformance.portal.verdicts import today

    bundle = indexed(world, tmp_path)
    assert client(world.users["tester"]).post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "attest", "statement": "checked"}).status_code == 302
    review_as(world.users["reviewer"], bundle, expires="9999-12-31")
    assert Attestation.objects.get(municipality=world.tokyo).state == "pending"
    review_as(world.users["reviewer"], bundle)
    accepted = Attestation.objects.get(municipality=world.tokyo)
    assert accepted.state == "accepted"
    assert accepted.expires == today() + dt.timedelta(days=settings.ATTESTATION_MAX_DAYS)


# 6. Witnessed or self-declared, on every page and in the xlsx; a municipality may require witnessed runs.

def test_an_uploaded_bundle_says_self_declared_everywhere(world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from conformance.portal.xlsx import PROVENANCE

    bundle, tester = indexed(world, tmp_path), client(world.users["tester"])
    for url in (f"/bundle/{bundle.pk}/", f"/m/{world.tokyo.code}/", f"/bundle/{bundle.pk}/worklist/",
                f"/bundle/{bundle.pk}/manual/{MANUAL}/", f"/m/{world.tokyo.code}/requirement/{MANUAL}/",
                f"/bundle/{bundle.pk}/diff/"):
        assert 'data-origin="self_declared"' in tester.get(url).content.decode(), url
    assert 'data-origin="self_declared"' in client(world.users["vendor"]).get(
        f"/vendor/{world.vendor.pk}/").content.decode()
    book = load_workbook(io.BytesIO(tester.get(f"/bundle/{bundle.pk}/xlsx/").content))
    provenance = dict(book[PROVENANCE].iter_rows(values_only=True))
    assert provenance["実行の出所"] == "自己申告（ベンダー提出）"


def test_a_municipality_requiring_witnessed_runs_never_sees_an_upload_conformant(
        world: World, tmp_path: Path) -> None:
    from conformance.portal.verdicts import compute, today

    bundle = indexed(world, tmp_path)
    bundle.states.exclude(status__in=("PASS", "NOT_APPLICABLE")).delete()  # nothing left unverified
    assert compute(bundle, today())[0].value == "conformant"
    world.tokyo.require_witnessed = True
    world.tokyo.save()
    bundle.refresh_from_db()
    assert compute(bundle, today())[0].value == "incomplete"


# 4. Limits before work.

class Untouchable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: object) -> bytes:
        raise AssertionError("the body was read")

    readline = read


def test_an_anonymous_body_past_its_limit_is_refused_unread(portal_db: None) -> None:
    from django.test import Client

    answer = Client(enforce_csrf_checks=True).post(
        "/login/", data="", content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(10 * 1024 * 1024), **{"wsgi.input": Untouchable()})
    assert answer.status_code == 413


def test_an_account_body_past_the_upload_limit_is_refused_unread(world: World) -> None:
    from django.conf import settings

    answer = client(world.users["tester"]).post(
        "/upload/", data="", content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BYTES + 1), **{"wsgi.input": Untouchable()})
    assert answer.status_code == 413


def test_the_server_refuses_a_declared_oversize_body_before_it_arrives(served: str) -> None:
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(served)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(b"POST /api/bundles/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/zip\r\n"
                           b"Content-Length: " + str(512 * 1024 * 1024).encode() + b"\r\n\r\nPK")
        answer = connection.recv(200)
    assert answer.startswith(b"HTTP/1.1 413"), answer


def peak_while(action: Any) -> int:
    """The most memory Python allocated while ``action`` ran (tracemalloc), in bytes."""
    import tracemalloc

    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def compressible(size: int) -> bytes:
    """Bytes that deflate about 4:1 (within the reader's ratio limit: not refused as a bomb)."""
    import os

    return os.urandom(size).translate(bytes(b"ACGT"[i % 4] for i in range(256)))


def test_an_unsigned_compressed_bundle_is_refused_before_anything_is_inflated(world: World, tmp_path: Path) -> None:
    import zipfile

    from conformance.portal.ingest import BundleRefused, verified

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("results.json", compressible(16 * 1024 * 1024))
    data = buffer.getvalue()
    # Under the upload limit; 16 MiB once inflated, 4 times the bound below (40 MiB proved no more, at a
    # minute of deflating on a loaded machine).
    assert len(data) < 8 * 1024 * 1024

    def attempt() -> None:
        with pytest.raises(BundleRefused, match="not signed"):
            verified(data)
    assert peak_while(attempt) < 4 * 1024 * 1024


def with_entry(world: World, tmp_path: Path, name: str, content: bytes, declared: int | None = None) -> bytes:
    """The vendor's own signed bundle with one more entry listed in its manifest and signed again (as
    the key's holder can), deflated; ``declared``: the size its headers claim (a lying header)."""
    import hashlib
    import json
    import zlib

    from conformance.reporting import ziputil
    from conformance.reporting.bundle import MANIFEST, SIGNATURE, load_private_key, sign_bundle

    path = tmp_path / "extra.zip"
    path.write_bytes(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))
    files = dict(ziputil.read_entries(path.read_bytes()))
    files.pop(SIGNATURE)
    manifest = json.loads(files.pop(MANIFEST))
    manifest["files"].append({"path": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)})
    path.write_bytes(ziputil.write_zip([*files.items(), (name, content),
                                        (MANIFEST, json.dumps(manifest).encode())]))
    sign_bundle(path, load_private_key(world.signer.private), ziputil.Limits(ratio=10**6))  # the key's holder
    if declared is None:
        return path.read_bytes()
    entries = ziputil.read_entries(path.read_bytes(), ziputil.Limits(ratio=10**6))
    return ziputil._assemble([ziputil._Member(n, zipfile_deflated(), zlib.crc32(d),
                                              declared if n == name else len(d), ziputil.deflate(d))
                              for n, d in entries])


def zipfile_deflated() -> int:
    import zipfile

    return zipfile.ZIP_DEFLATED


def test_a_signed_entry_that_inflates_past_its_header_is_refused_as_it_streams(
        world: World, tmp_path: Path) -> None:
    """Issue 48: entries are deflated now. The vendor signs a bundle whose entry says 1 MiB and
    inflates to 16 MiB (within the ratio its header shows): refused at the piece past 1 MiB, memory
    never near 16 MiB."""
    from conformance.portal.ingest import BundleRefused, verified

    data = with_entry(world, tmp_path, "work/bomb.bin", compressible(16 * 1024 * 1024), declared=1024 * 1024)

    def attempt() -> None:
        with pytest.raises(BundleRefused, match=r"holds more than the archive says|Bad CRC-32"):
            verified(data)
    assert peak_while(attempt) < 8 * 1024 * 1024


def test_a_signed_bundle_past_the_ratio_limit_is_refused_before_it_is_inflated(
        world: World, tmp_path: Path) -> None:
    from conformance.portal.ingest import BundleRefused, verified

    data = with_entry(world, tmp_path, "work/zeros.bin", b"\0" * (60 * 1024 * 1024))

    def attempt() -> None:
        with pytest.raises(BundleRefused, match="ratio limit"):
            verified(data)
    assert peak_while(attempt) < 4 * 1024 * 1024


def test_a_signed_bundle_past_the_budget_is_refused_before_it_is_inflated(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget counts inflated bytes (here made 2 MiB): a bundle whose entries declare more is
    refused from its directory; one whose headers lie is stopped as it streams (the test above)."""
    from conformance.portal import ingest
    from conformance.reporting.ziputil import Limits

    data = with_entry(world, tmp_path, "work/big.bin", compressible(3 * 1024 * 1024))
    monkeypatch.setattr(ingest, "limits", lambda: Limits(archive_bytes=64 * 1024 * 1024, total_bytes=2 * 1024 * 1024))
    with pytest.raises(ingest.BundleRefused, match="unpacks to more than"):
        ingest.verified(data)


def test_deflated_and_old_stored_bundles_are_both_indexed(world: World, tmp_path: Path) -> None:
    """Issue 48: the harness deflates every entry; a bundle signed before it (stored) still verifies
    and is indexed (its signature is over the manifest of contents)."""
    import zipfile

    from conformance.portal.models import Bundle
    from conformance.reporting.ziputil import read_entries, write_stored_zip

    deflated = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="7.1")
    assert {i.compress_type for i in zipfile.ZipFile(io.BytesIO(deflated)).infolist()} == {zipfile.ZIP_DEFLATED}
    stored = write_stored_zip(read_entries(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="7.2")))
    for data in (deflated, stored):
        answer = upload(client(world.users["vendor"]), world.tokyo, data)
        assert answer.status_code == 302, answer.content.decode()[-2000:]
    assert set(Bundle.objects.values_list("version", flat=True)) >= {"7.1", "7.2"}


def test_an_oversized_upload_is_refused_in_japanese_naming_the_setting(world: World) -> None:
    """Issue 48: the refusal was English and named no remedy."""
    from django.test import override_settings

    with override_settings(MAX_UPLOAD_BYTES=1024):
        answer = upload(client(world.users["vendor"]), world.tokyo, b"PK" + b"x" * 4096)
    text = html.unescape(answer.content.decode())
    assert "このポータルが受け付けるのは 1024 バイト" in text and "CONFORMANCE_PORTAL_MAX_UPLOAD" in text


def test_the_default_upload_limit_takes_the_bundles_the_harness_wrote() -> None:
    """Above the largest bundle any version of the harness wrote (the stored ones reached 70 MB)."""
    from conformance.portal.settings import DEFAULT_MAX_UPLOAD

    assert DEFAULT_MAX_UPLOAD > 70 * 1000 * 1000


def test_a_bundle_signed_by_an_unknown_key_is_refused_before_its_entries_are_read(
        world: World, tmp_path: Path) -> None:
    from conformance.portal.ingest import BundleRefused, verified

    stranger = signed_document(tmp_path, keys(tmp_path), results({CHECKED: "PASS"}, "1.0"))
    from conformance.reporting.ziputil import read_entries, write_stored_zip

    entries = dict(read_entries(stranger))
    big = [("work/big.bin", compressible(30 * 1024 * 1024)), *entries.items()]
    data = write_stored_zip(big)

    def attempt() -> None:
        with pytest.raises(BundleRefused, match="which no vendor registered here"):
            verified(data)
    assert peak_while(attempt) < 4 * 1024 * 1024  # the 30 MiB entry was never read


def test_two_uploads_of_one_bundle_at_once_get_the_same_clear_refusal(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both passed the duplicate check before either was stored (the race, made certain here): the
    second meets the database's constraint and is refused as any duplicate is, not with a 500."""
    from conformance.portal import ingest

    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"})
    tester = client(world.users["tester"])
    assert upload(tester, world.tokyo, data).status_code == 302
    later = html.unescape(upload(tester, world.tokyo, data).content.decode())
    monkeypatch.setattr(ingest, "already_indexed", lambda *args: False)
    racing = upload(tester, world.tokyo, data)
    assert racing.status_code == 400
    message = ingest.duplicate(data, world.tokyo).text("ja")
    assert message in html.unescape(racing.content.decode()) and message in later


# 5. Runs that cannot hang, and a child that gets only what a run needs.

def a_run(world: World, **fields: Any) -> Any:
    from conformance.portal.models import Environment, Run

    environment = Environment.objects.create(municipality=world.tokyo, vendor=world.vendor, name="env")
    return Run.objects.create(environment=environment, **fields)


def test_a_run_whose_worker_was_killed_is_ended_and_cleaned_up(world: World) -> None:
    """What a killed portal leaves: a run marked running, its lease lapsed, its child still running
    (in its own session, so the worker's death did not end it) and its temporary output on disk."""
    import socket
    import subprocess
    import sys
    import tempfile

    from django.utils import timezone

    from conformance.portal.tasks import WORKDIR_PREFIX, recover_runs

    work = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))
    (work / "out").mkdir()
    (work / "out" / "exchanges.har").write_text("{}")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", str(work / "out")],
                             start_new_session=True)
    lapsed = timezone.now() - dt.timedelta(minutes=5)
    run = a_run(world, state="running", worker=f"{socket.gethostname()}:1", pid=child.pid, workdir=str(work),
                heartbeat=lapsed, lease_until=lapsed)
    alive = a_run(world, state="running", worker="elsewhere:1", lease_until=timezone.now() + dt.timedelta(minutes=5))
    try:
        assert recover_runs() >= 1
        assert child.wait(timeout=20) == -9  # killed, not left behind
    finally:
        if child.poll() is None:
            child.kill()
    run.refresh_from_db()
    alive.refresh_from_db()
    assert run.state == "failed" and "stopped renewing the run's lease" in run.message
    assert not work.exists()
    assert alive.state == "running"  # a lease still held is nobody else's to end


def test_a_profile_fishing_for_the_portals_key_is_refused_before_the_child_starts(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile naming a variable of the portal's environment gets nothing: the run is refused with
    the field (issue 68; what the child does see: test_sealed_runs.py)."""
    import os
    import sys

    from conformance.portal import tasks

    profile = ("targets:\n  api:\n    auth:\n      env: VENDOR_TOKEN\n"
               "      client_id_env: CONFORMANCE_PORTAL_SECRET_KEY\n")  # a profile fishing for the portal's key
    assert os.environ.get("CONFORMANCE_PORTAL_SECRET_KEY")
    monkeypatch.setattr(tasks, "command", lambda *args: [
        sys.executable, "-c", "import json, os; print(json.dumps(sorted(os.environ)))"])
    run = a_run(world)
    run.environment.profile = profile
    run.environment.secrets = {"VENDOR_TOKEN": "the vendor's credential"}
    run.environment.save()
    assert tasks.run_environment.call(run.pk) == "failed"
    run.refresh_from_db()
    assert run.message.startswith("targets.api.auth.client_id_env: "), run.message
    assert "PATH" not in run.message  # the child never printed its environment
    assert run.lease_until is None and not Path(run.workdir).exists()


# 6. Hardened by default.

TEMPLATES = Path(__file__).resolve().parents[2] / "conformance" / "portal" / "templates" / "portal"


def test_pages_carry_a_csp_without_inline_script_and_have_none(world: World) -> None:
    import re

    from django.test import Client

    answer = Client().get("/login/")
    policy = answer["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name  # every script from a file
        assert not re.search(r"\son[a-z]+\s*=", text), template.name  # no event handler attributes
    page = client(world.users["tester"]).get(f"/m/{world.tokyo.code}/")
    assert page["Content-Security-Policy"] == policy and "data-print" in page.content.decode()


def test_with_https_on_there_is_hsts_and_plain_http_is_redirected(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import django, os\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "from django.test.utils import setup_test_environment\n"
        "setup_test_environment()\n"
        "plain = Client().get('/login/')\n"
        "secure = Client().get('/login/', secure=True)\n"
        "print(plain.status_code, plain['Location'], secure['Strict-Transport-Security'])\n")
    environment = {**os.environ, "CONFORMANCE_PORTAL_HTTPS": "1", "CONFORMANCE_PORTAL_HOME": str(tmp_path),
                   "DJANGO_SETTINGS_MODULE": "conformance.portal.settings"}
    environment.pop("CONFORMANCE_PORTAL_DATABASE", None)  # settings only: no database is opened
    said = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True,
                          timeout=120, check=False)
    assert said.returncode == 0, said.stderr[-2000:]
    status, location, hsts = said.stdout.split(" ", 2)
    assert (status, location) == ("301", "https://testserver/login/")
    assert hsts.startswith("max-age=31536000")


def test_a_neighbour_behind_the_same_address_cannot_lock_an_account_out_of_its_browser(world: World) -> None:
    from django.test import Client
    from portal_helpers import PASSWORD

    from conformance.portal.hardening import DEVICE_COOKIE

    name = world.users["reviewer"].get_username()
    own = Client()
    assert own.post("/login/", {"username": name, "password": PASSWORD}).status_code == 302
    assert DEVICE_COOKIE in own.cookies
    own.post("/logout/")
    neighbour = Client()  # the same address (the test client's 127.0.0.1), another browser
    for _ in range(5):
        neighbour.post("/login/", {"username": name, "password": "guessing"})
    assert Client().post("/login/", {"username": name, "password": PASSWORD}).status_code == 429  # still throttled
    again = own.post("/login/", {"username": name, "password": PASSWORD})
    assert again.status_code == 302 and "_auth_user_id" in own.session


def test_an_account_that_must_change_its_password_reaches_nothing_else(world: World) -> None:
    from portal_helpers import PASSWORD

    from conformance.portal.models import PasswordChangeRequired

    tester = client(world.users["tester"])
    PasswordChangeRequired.objects.create(user=world.users["tester"])
    for url in ("/", f"/m/{world.tokyo.code}/", "/admin/"):
        answer = tester.get(url)
        assert (answer.status_code, answer["Location"]) == (302, "/password/"), url
    changed = tester.post("/password/", {"old_password": PASSWORD, "new_password1": "a new and long passphrase 2",
                                         "new_password2": "a new and long passphrase 2"})
    assert changed.status_code == 302
    assert tester.get("/").status_code == 200


def test_the_portals_files_are_made_private_in_a_home_that_was_open(tmp_path: Path) -> None:
    import os

    from conformance.portal.hardening import make_private

    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    for name in ("portal.sqlite3", "secret_key"):
        (home / name).write_text("x")
        (home / name).chmod(0o644)
    mask = os.umask(0o022)
    try:
        make_private(home)
        (home / "portal.sqlite3-wal").write_text("made afterwards")
    finally:
        os.umask(mask)
    for name in ("portal.sqlite3", "secret_key", "portal.sqlite3-wal"):
        assert (home / name).stat().st_mode & 0o077 == 0, name


@pytest.mark.e2e
def test_a_worker_killed_mid_run_leaves_nothing_behind_once_a_worker_starts_again(world: World) -> None:
    """The issue's case end to end: a worker process runs a queued run (the whole reference suite:
    minutes), is killed (SIGKILL) while its child runs; the child, in its own session, survives it.
    When a worker starts again after the lease lapsed, the run is failed with the reason, the child is
    gone and its temporary output removed."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from conformance.portal.models import Run
    from conformance.portal.tasks import run_environment

    run = a_run(world)
    run.task_id = str(run_environment.enqueue(run.pk).id)
    run.save(update_fields=["task_id"])
    worker = subprocess.Popen([sys.executable, "-m", "conformance", "portal", "worker", "--batch"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            run.refresh_from_db()
            if run.pid:
                break
            time.sleep(0.2)
        assert run.state == "running" and run.pid, run.message
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
        os.kill(run.pid, 0)  # the child outlived its worker, its output on disk
        assert Path(run.workdir).is_dir()
        # Time passes past the lease (120 s) without a heartbeat; then a worker starts again.
        Run.objects.filter(pk=run.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
        again = subprocess.run([sys.executable, "-m", "conformance", "portal", "worker", "--batch"],
                               capture_output=True, text=True, timeout=120, check=False)
        assert again.returncode == 0, again.stderr[-2000:]
        run.refresh_from_db()
        assert run.state == "failed" and "stopped renewing the run's lease" in run.message
        assert not Path(run.workdir).exists()
        for _ in range(100):
            if not Path(f"/proc/{run.pid}").exists() or b"Z" in Path(f"/proc/{run.pid}/stat").read_bytes()[:64]:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"the run's child {run.pid} is still running")
        assert DBTaskResult.objects.get(id=run.task_id).status == "FAILED"
    finally:
        if worker.poll() is None:
            worker.kill()
        if run.pid:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)


def test_two_uploads_of_one_bundle_sent_at_once_to_the_server(served: str, world: World, tmp_path: Path) -> None:
    """The same race through the real server (waitress threads): one is indexed, the other refused as
    a duplicate, never a 500, whichever way the threads interleave."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    from conformance.portal.api import new_token
    from conformance.portal.ingest import duplicate

    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version="race")
    token = new_token(world.users["vendor"])

    def post(_: int) -> requests.Response:
        return requests.post(f"{served}/api/bundles/", headers={"Authorization": f"Bearer {token}"},
                             data={"municipality": world.tokyo.code}, files={"bundle": data}, timeout=120)
    with ThreadPoolExecutor(2) as pool:
        answers = sorted(pool.map(post, range(2)), key=lambda answer: answer.status_code)
    assert [a.status_code for a in answers] == [201, 400], [a.text[:300] for a in answers]
    assert answers[1].json()["error"] == duplicate(data, world.tokyo).text("ja")  # the API's default language
