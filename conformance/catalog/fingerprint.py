"""A content hash of an edition directory, so a report names exactly the catalog it ran."""

from __future__ import annotations

import hashlib
from pathlib import Path


def edition_fingerprint(directory: Path) -> str:
    """SHA-256 over every YAML file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*.yaml")):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
