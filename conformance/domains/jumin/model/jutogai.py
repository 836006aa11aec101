"""The 付番 API of 共通機能 (住登外者宛名番号付番) as the fixed example ``tokens`` calls it: the harness's client, the
call's path in the bundled edition, and the residents' 宛名番号 the run knows. Below the model's sessions
(``steps.Session`` holds one) and the example (``tokens``), so that the two import it and not each other."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

import requests

from conformance.catalog.loader import load_edition
from conformance.catalog.openapi import api_interfaces
from conformance.errors import TargetError
from conformance.locations import default_catalog_root
from conformance.targets.base import HttpResponse
from conformance.targets.oauth import OMIT, Grant

#: The 付番 API's call (API概要's APIコール名) in the edition of 共通機能 the model reads.
CALL = "app_submit/v10/jutogaishaatenabangofuban"
KYOTSU_EDITION = ("kyotsu", "2.1")


class TokenClient(Protocol):
    """What the example needs of the harness's HTTP client (conformance/targets/http.py)."""

    def grant(self, kind: str) -> Grant | None: ...
    def send(self, request: requests.Request) -> HttpResponse: ...
    def catalog_url(self, path: str) -> str: ...


@dataclass(frozen=True)
class Jutogai:
    """The 付番 API as the example calls it: the client, the call's path, and the residents' 宛名番号 the run knows
    (the test town's: a number the API must never issue, nor take as an 既存住登外者宛名番号)."""

    client: TokenClient
    path: str
    residents: frozenset[str]

    def post(self, token: str | None, body: Mapping[str, Any]) -> tuple[int, Any]:
        """One request with ``token`` as its Bearer token (None: without an Authorization header)."""
        header = OMIT if token is None else f"Bearer {token}"
        request = requests.Request("POST", self.client.catalog_url(self.path), json=dict(body),
                                   headers={"Authorization": header})
        response = self.client.send(request)
        try:
            return response.status, response.json()
        except TargetError:  # an answer that is no JSON is judged as such (document None)
            return response.status, None


@cache
def fuban_path() -> str | None:
    """The 付番 call's path in the bundled edition of 共通機能 (None: the edition has no such call)."""
    edition = load_edition(default_catalog_root().joinpath(*KYOTSU_EDITION))
    return next((i.path for i in api_interfaces(edition) if i.call_name == CALL), None)


def jutogai_of(http: object, residents: Collection[str]) -> Jutogai | None:
    """The API where the HTTP client logs in at a token endpoint of its own and sends requests built elsewhere."""
    path = fuban_path()
    if path is None or not all(callable(getattr(http, name, None)) for name in ("grant", "send", "catalog_url")):
        return None
    return Jutogai(http, path, frozenset(residents))  # type: ignore[arg-type]  # checked: it has the three
