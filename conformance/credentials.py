"""Credentials found by name: a query parameter or a header whose name says it carries one.

The run's secrets are removed by value (:mod:`conformance.secrets`); a value must be known to be
removed. A profile may hold one where no secret field is: a path or URL with ``?apikey=...``, which
then went into the bundle's copy of the profile and into every recorded exchange's URL and query.
:func:`credentials_in` finds such values in a profile (they are registered as the run's secrets, so
they are removed from every output), and :func:`masked_url` masks them in a URL by name, whoever
wrote it (a vendor's redirect too).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote_plus

#: What a credential's value is replaced with.
REDACTED = "[redacted]"
#: Names (lower case, without ``-`` and ``_``) whose values are credentials: apikey, api_key, X-API-Key,
#: key, Ocp-Apim-Subscription-Key, access_token, X-Session-Token, client_secret, password, pwd,
#: X-Amz-Signature, sig, Authorization, auth, sessionid, Set-Cookie, credential. Whole names, not parts:
#: ``keyword`` or ``sortkey`` carry no secret, and a value registered as one is removed from every output.
_CREDENTIAL = re.compile(
    r"key|.*(?:api|subscription|access|secret|private|auth)key|.*token|.*secret|.*passw(?:or)?d|pwd|pass"
    r"|.*signature|sig|auth|.*authori[sz]ation|.*session(?:id|key)?|.*cookie|.*credentials?")


#: Parts of a header name that mask its value in a recording (broader than :data:`_CREDENTIAL`: a
#: header's value is only shown, never registered as a secret, so masking too much costs nothing).
_HEADER_PARTS = ("auth", "token", "secret", "key", "cookie", "session", "passw", "signature", "credential")


@functools.lru_cache(maxsize=1024)
def is_credential_name(name: str) -> bool:
    """Whether a query parameter or header called ``name`` carries a credential (by its name; cached: every header
    and query parameter of every recorded exchange is asked, and they are a few dozen names)."""
    return _CREDENTIAL.fullmatch(name.strip().lower().replace("-", "").replace("_", "")) is not None


@functools.lru_cache(maxsize=1024)
def is_credential_header(name: str) -> bool:
    """Whether a recorded header's value is masked: a credential's name, or one with a credential's part."""
    lowered = name.lower()
    return is_credential_name(name) or any(part in lowered for part in _HEADER_PARTS)


def _query_pairs(url: str) -> Iterator[tuple[str, str]]:
    """``(name, value)`` of the query of a URL or path, decoded, as written (no validation)."""
    query = url.partition("?")[2].partition("#")[0]
    for pair in query.split("&"):
        name, equals, value = pair.partition("=")
        if equals:
            yield unquote_plus(name), unquote_plus(value)


def url_credentials(url: str) -> set[str]:
    """The values of the credential-named query parameters of a URL or path."""
    return {value for name, value in _query_pairs(url) if value and is_credential_name(name)}


def masked_url(url: str) -> str:
    """``url`` with the value of every credential-named query parameter replaced by ``[redacted]``
    (the rest kept as written)."""
    head, mark, rest = url.partition("?")
    if not mark:
        return url
    query, hash_mark, fragment = rest.partition("#")
    pairs = []
    for pair in query.split("&"):
        name, equals, value = pair.partition("=")
        pairs.append(f"{name}={REDACTED}" if equals and value and is_credential_name(unquote_plus(name)) else pair)
    return f"{head}?{'&'.join(pairs)}{hash_mark}{fragment}"


def credentials_in(value: Any) -> set[str]:
    """Every credential value in the query of any string of a document (a profile as loaded)."""
    if isinstance(value, str):
        return url_credentials(value) if "?" in value else set()
    if isinstance(value, dict):
        return set().union(*(credentials_in(item) for item in value.values()))
    if isinstance(value, list | tuple):
        return set().union(*(credentials_in(item) for item in value))
    return set()


def masked_strings(value: Any) -> Any:
    """A document (a profile as loaded) with :func:`masked_url` applied to every string."""
    if isinstance(value, str):
        return masked_url(value) if "?" in value else value
    if isinstance(value, dict):
        return {key: masked_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [masked_strings(item) for item in value]
    return value
