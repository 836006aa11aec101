"""The portal's home directory and the secret key kept there (no Django needed to read them)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def home_directory() -> Path:
    """``CONFORMANCE_PORTAL_HOME``, else ``./portal-data``."""
    return Path(os.environ.get("CONFORMANCE_PORTAL_HOME", "portal-data")).resolve()


def secret_key(home: Path) -> str:
    """The key Django signs sessions and CSRF tokens with: made once and kept (owner-only) in the
    portal's home, so sessions survive a restart and every process of one portal shares it."""
    path = home / "secret_key"
    if not path.is_file():
        home.mkdir(mode=0o700, parents=True, exist_ok=True)  # the database and key: the owner's only
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text("ascii").strip()


def keep_secret_key() -> None:
    """The home's secret key in the environment the settings read (unless one is given there)."""
    if not os.environ.get("CONFORMANCE_PORTAL_SECRET_KEY"):
        os.environ["CONFORMANCE_PORTAL_SECRET_KEY"] = secret_key(home_directory())
