"""Parties, accounts and signed bundles for the portal's tests, made by the harness's own code."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.locations import default_catalog_root
from conformance.reporting.bundle import (
    MANIFEST,
    SIGNATURE,
    BundleInputs,
    build_bundle,
    generate_keys,
    load_private_key,
    sha256_bytes,
    sign_bundle,
)
from conformance.reporting.json_report import results_document
from conformance.reporting.ziputil import read_entries, write_stored_zip
from conformance.results import RequirementResult, RunOutcome, Scope

CATALOG = default_catalog_root()
JUMIN = CATALOG / "jumin" / "1.0"
#: A checked requirement and a MANUAL one (3.4 R005: a screen alert, its procedure in the catalog).
CHECKED, MANUAL = "jumin-1.0-3.4-R001", "jumin-1.0-3.4-R005"
#: What a run the portal requests judges: one requirement of 住民記録 judged by one scenario (1.1.1 R026, the day of
#: the event), not 3.4 R001, which the model's state machine judges (a run of 23 s of CPU against 5 s).
RUN_SELECTION = "jumin-1.0-1.1.1-R026"
PASSWORD = "correct horse battery staple 1"
#: The products the test vendor registered: the sample profile's and the bundled reference's (a run).
PRODUCTS = ("見本住記", "conformance reference vendor (住民記録)")

PROFILE = """\
name: sample
product: 見本住記
version: 'VERSION'
claims:
- domain: jumin
  edition: '1.0'
"""


def procedure_of(requirement: str) -> str:
    """What the catalog's MANUAL binding says to check and attach."""
    from conformance.catalog.loader import load_edition
    from conformance.catalog.models import ManualCheck

    found = next(r for r in load_edition(JUMIN).requirements if r.id == requirement)
    return "\n".join(c.evidence for c in found.checks if isinstance(c, ManualCheck))


@cache
def jumin_requirements() -> dict[str, Any]:
    """住民記録 1.0's requirements by id, in the catalog's order."""
    from conformance.catalog.loader import load_edition

    return {r.id: r for r in load_edition(JUMIN).requirements}


def natural_state(requirement: Any) -> str:
    """A state the harness can give ``requirement`` and that fails nothing: an automated one PASS, an
    optional one NOT_APPLICABLE, else MANUAL or NOT_AUTOMATED as its binding says."""
    from conformance.portal.recompute import allowed_states

    allowed = allowed_states(requirement)
    return next(s for s in ("PASS", "NOT_APPLICABLE", "MANUAL", "NOT_AUTOMATED") if s in allowed)


def result(rid: str, status: str, findings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    level = jumin_requirements()[rid].level.value
    return {"requirement": rid, "domain": "jumin", "edition": "1.0", "level": level, "status": status,
            "reason": "", "attestation": None, "findings": findings or [], "exchanges": []}


def results(statuses: dict[str, str], version: str, partial: bool = False) -> dict[str, Any]:
    """A results.json document made by the same code as a run, claiming the whole of 住民記録 1.0: these
    requirements in these states, every other one in its :func:`natural_state` (``partial``: the others
    left out, as in a ``-k`` run)."""
    if not partial:
        statuses = {rid: statuses.get(rid) or natural_state(r) for rid, r in jumin_requirements().items()}
    listed = [result(rid, status, [{"code": "api.status", "message": "m", "location": "/x", "expected": "200",
                                    "actual": "500"}] if status == "FAIL" else None)
              for rid, status in statuses.items()]
    outcome = RunOutcome(results=tuple(RequirementResult.from_json(r) for r in listed),
                         scope=Scope(claimed=frozenset(jumin_requirements()),
                                     selection={"k": "selected"} if partial else {}))
    catalog = {"editions": [{"domain": "jumin", "edition": "1.0", "document": "住民記録システム標準仕様書",
                             "requirements": 957, "sha256": edition_fingerprint(JUMIN)}]}
    document = results_document(outcome, catalog, {"name": "sample", "product": "見本住記", "version": version})
    document.update({"seed": 7, "waivers": []})
    return document


@dataclass
class Signer:
    """A vendor's key pair."""

    private: Path
    public: Path

    def public_pem(self) -> str:
        return self.public.read_text("ascii")


def keys(directory: Path) -> Signer:
    private, public = generate_keys(directory / uuid.uuid4().hex)
    return Signer(private, public)


def signed_bundle(directory: Path, signer: Signer, statuses: dict[str, str], version: str = "1.0",
                  partial: bool = False, profile: str = PROFILE) -> bytes:
    """A run's output directory with these results, bundled and signed: the bytes of evidence.zip."""
    return signed_document(directory, signer, results(statuses, version, partial), version, profile)


def signed_document(directory: Path, signer: Signer, document: dict[str, Any], version: str = "1.0",
                    profile_text: str = PROFILE, created: str | None = None) -> bytes:
    """Any results.json document, bundled and signed as a vendor with its own key can (a forgery too):
    the harness bundles a run it would write, then its results.json is swapped and the manifest
    rewritten and signed again, as anyone holding the key can."""
    out = directory / uuid.uuid4().hex
    out.mkdir(parents=True)
    (out / "results.json").write_text(json.dumps(results({}, version, partial=True), ensure_ascii=False), "utf-8")
    profile = out.parent / f"{out.name}.yaml"
    profile.write_text(profile_text.replace("VERSION", version), "utf-8")
    path = build_bundle(BundleInputs(out=out, profile=profile, catalog_root=CATALOG))
    entries = dict(read_entries(path.read_bytes()))
    entries["results.json"] = json.dumps(document, ensure_ascii=False).encode("utf-8")
    manifest = json.loads(entries.pop(MANIFEST))
    for listed in manifest["files"]:
        if listed["path"] == "results.json":
            listed.update(sha256=sha256_bytes(entries["results.json"]), size=len(entries["results.json"]))
    if created is not None:  # the run's own date (the manifest's), whenever it is uploaded
        manifest["created"] = created
    entries.pop(SIGNATURE, None)
    path.write_bytes(write_stored_zip([*entries.items(), (MANIFEST, json.dumps(manifest, indent=2).encode())]))
    sign_bundle(path, load_private_key(signer.private))
    return path.read_bytes()


@dataclass
class World:
    """Two municipalities, a vendor with a registered key, and an account per role."""

    tokyo: Any
    other: Any
    vendor: Any
    signer: Signer
    users: dict[str, Any]


@cache
def password_hash() -> str:
    """:data:`PASSWORD` hashed by the portal's hasher (Argon2)."""
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)


def world(directory: Path) -> World:
    """Parties and accounts, unique to the caller (tests share one database)."""
    from django.contrib.auth import get_user_model

    from conformance.portal.models import Installation, Membership, Municipality, Product, Role, Vendor, VendorKey

    tag = uuid.uuid4().hex[:8]
    tokyo = Municipality.objects.create(code=f"T{tag[:5]}", name=f"千代田区{tag}", prefecture=f"東京都{tag}")
    other = Municipality.objects.create(code=f"O{tag[:5]}", name=f"大阪市{tag}", prefecture=f"大阪府{tag}")
    vendor = Vendor.objects.create(name=f"見本ベンダー{tag}")
    vendor.customers.add(tokyo)
    for product in PRODUCTS:
        Product.objects.create(vendor=vendor, name=product)
    # 千代田区 installed the vendor's 住民記録 package (the sample profile's product).
    Installation.objects.create(municipality=tokyo, domain="jumin", product=vendor.products.get(name=PRODUCTS[0]))
    signer = keys(directory)
    VendorKey.objects.create(vendor=vendor, public_pem=signer.public_pem())
    users = {}
    roles = {"tester": (Role.TESTER, tokyo, None, ""), "reviewer": (Role.REVIEWER, tokyo, None, ""),
             "outsider": (Role.REVIEWER, other, None, ""), "vendor": (Role.VENDOR, None, vendor, ""),
             "prefecture": (Role.PREFECTURE, None, None, tokyo.prefecture)}
    for name, (role, municipality, of_vendor, prefecture) in roles.items():
        user = get_user_model().objects.create_user(f"{name}-{tag}")
        user.password = password_hash()  # Argon2 once per process: each hash takes a deliberate while
        user.save(update_fields=["password"])
        Membership.objects.create(user=user, role=role, municipality=municipality, vendor=of_vendor,
                                  prefecture=prefecture)
        users[name] = user
    return World(tokyo, other, vendor, signer, users)
