"""The one place the judge starts the bundled reference vendor (:mod:`conformance_reference`) as a target.

The judge and the vendor are two packages that share no rule (docs/architecture.md, "The judge and the
vendor"); an import contract allows this module alone to import the vendor. It hands the vendor the
harness's generated test town, as any vendor gets it from the harness, and names the defects it can be
started with.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from conformance.profiles import Auth
from conformance_reference.defects import DEFECTS, Defect, parse_defects

if TYPE_CHECKING:
    from conformance_reference.app import ReferenceApp
    from conformance_reference.jumin.storage import Store
    from conformance_reference.server import RunningReference

Rows = tuple[dict[str, str], ...] | tuple[Mapping[str, str], ...]

__all__ = ["DEFECTS", "Defect", "api_prefix", "parse_defects", "reference_environ", "reference_in_process",
           "start_reference", "town_store"]


def api_prefix() -> str:
    """The path of the reference's API below its host (``/api/v1``): the in-process transport serves it there."""
    from conformance_reference.http import API_PREFIX

    return API_PREFIX


def _town(rows: Rows | None) -> Rows:
    """``rows``, or the harness's default test town (imported when a run starts a reference: the CLI's start stays
    fast)."""
    from conformance.testdata.town import default_town

    return default_town() if rows is None else rows


def start_reference(*, defects: frozenset[str] = frozenset(), rows: Rows | None = None, host: str = "127.0.0.1",
                    port: int = 0) -> RunningReference:
    """The reference vendor served on ``host``:``port`` (0: a free port), loaded with ``rows`` (the
    harness's default test town when None)."""
    from conformance_reference.server import start_reference as start

    return start(defects=defects, rows=_town(rows), host=host, port=port)


@contextmanager
def reference_in_process(*, defects: frozenset[str] = frozenset(), rows: Rows | None = None
                         ) -> Iterator[ReferenceApp]:
    """The reference vendor's app in this process, loaded with ``rows`` (the default test town when None)."""
    from conformance_reference.server import reference_in_process as in_process

    with in_process(defects=defects, rows=_town(rows)) as app:
        yield app


def reference_environ(auth: Auth, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: the process's) with the reference's client credentials under the names a
    profile's ``targets.api.auth`` gives them (the client secret in ``env``, the id in
    ``oauth2.client_id_env``): the bundled vendor knows only its own client."""
    from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET

    found = dict(os.environ if environ is None else environ)
    found[auth.env] = CLIENT_SECRET
    if auth.oauth2 is not None:
        found[auth.oauth2.client_id_env] = CLIENT_ID
    return found


def town_store() -> Store:
    """A new store of the reference holding the default test town (a copy of one loaded once a process)."""
    from conformance_reference.server import loaded_store

    return loaded_store(_town(None))
