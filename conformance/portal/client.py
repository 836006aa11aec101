"""The CLI's side of the portal's API (no Django here): post a signed bundle, and fetch a
release's accepted attestations as an attestations file a profile names (``attestations_file``),
with their evidence files, each checked against the SHA-256 the portal recorded."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import requests
import yaml

from conformance.errors import UsageError
from conformance.inputs import write_private
from conformance.profiles import AttestationFile

TIMEOUT = 60
ATTESTATIONS_FILE = "attestations.yaml"


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _checked(response: requests.Response, what: str) -> Any:
    if response.status_code >= 400:
        try:
            reason = response.json().get("error", response.text[:300])
        except ValueError:
            reason = response.text[:300]
        raise UsageError(f"{what}: the portal answered {response.status_code}: {reason}")
    return response.json() if "json" in response.headers.get("Content-Type", "") else response.content


def upload(url: str, token: str, municipality: str, bundle: Path) -> dict[str, Any]:
    """Post ``bundle`` for ``municipality``; the indexed bundle's id and verdict."""
    with bundle.open("rb") as handle:
        response = requests.post(f"{url.rstrip('/')}/api/bundles/", headers=_headers(token), timeout=TIMEOUT,
                                 data={"municipality": municipality}, files={"bundle": handle})
    found: dict[str, Any] = _checked(response, f"{bundle}")
    return found


def fetch_attestations(url: str, token: str, query: dict[str, str], out: Path) -> Path:
    """Write ``out/attestations.yaml`` and ``out/evidence/*`` for the release in ``query``
    (municipality, product, version); returns the file's path."""
    base = url.rstrip("/")
    listed = _checked(requests.get(f"{base}/api/attestations/", params=query, headers=_headers(token),
                                   timeout=TIMEOUT), "attestations")
    entries = []
    for attestation in listed["attestations"]:
        files = [_download(base, token, item, out) for item in attestation["evidence"]]
        if files:  # an attestation names at least one evidence file (profiles.Attestation)
            entries.append({key: attestation[key] for key in ("requirement", "by", "role", "date", "statement")}
                           | {"evidence": files}
                           | ({"expires": attestation["expires"]} if attestation.get("expires") else {}))
    document = {"attestations": entries}
    AttestationFile.model_validate(document)  # what `conformance run` will read, checked now
    target = out / ATTESTATIONS_FILE
    write_private(target, yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8"))
    return target


def _download(base: str, token: str, item: dict[str, Any], out: Path) -> str:
    data = _checked(requests.get(f"{base}{item['path']}", headers=_headers(token), timeout=TIMEOUT),
                    f"evidence {item['name']}")
    if hashlib.sha256(data).hexdigest() != item["sha256"]:
        raise UsageError(f"evidence {item['name']}: its bytes do not have the SHA-256 the portal recorded")
    name = f"evidence/{int(item['id'])}-{re.sub(r'[^A-Za-z0-9._-]', '_', str(item['name']))[:80]}"
    (out / "evidence").mkdir(parents=True, exist_ok=True)
    write_private(out / name, data)
    return name
