"""What the profile says the vendor does not serve, refused before a request is sent (issue 64, item 2).

A profile declares the API operations its product serves (``targets.api.operations``: the claimed editions'
interfaces and the shared per-person query and form interface; ``all`` by default). A request the harness is about
to send for another is not sent: the client raises :class:`~conformance.errors.NotAutomated` naming the operation
and the profile's field, so that every check judging through it concludes NOT_AUTOMATED with that reason (the
runner: never FAIL or ERROR for what the product does not offer, never PASS on the part that did run).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from conformance.catalog.models import ApiInterface
from conformance.errors import NotAutomated
from conformance.profiles import SHARED_API_OPERATIONS

#: A ``{parameter}`` of a catalog path template.
PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
#: The shared operations' method and path, where no claimed edition's catalog holds them (a 介護-only product
#: claims no 住民記録 edition, yet answers the per-person query and may issue forms).
SHARED_TEMPLATES: dict[str, tuple[str, str]] = {
    "get_qualifications": ("get", "/residents/{宛名番号}/qualifications"),
    "issue_form": ("post", "/forms/{form_id}"),
    "issue_form_data": ("post", "/forms/{form_id}/data"),
}
assert set(SHARED_TEMPLATES) == set(SHARED_API_OPERATIONS)


def template_regex(template: str) -> re.Pattern[str]:
    """The regex a path filled from the catalog ``template`` matches in full (a parameter is one segment)."""
    parts: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        parts.append("([^/]+)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts))


@dataclass(frozen=True)
class Unserved:
    """One API operation the profile does not declare: its id, method and catalog path."""

    operation: str
    method: str
    template: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ApiGate:
    """The operations a client must not call for this profile."""

    unserved: tuple[Unserved, ...]

    def refuse(self, method: str, path: str) -> None:
        """Raise NotAutomated when ``method`` on the filled catalog ``path`` (no query) is an operation not served."""
        bare = path.split("?", 1)[0]
        for operation in self.unserved:
            if operation.method == method.lower() and operation.regex.fullmatch(bare):
                raise NotAutomated(
                    f"{operation.method.upper()} {operation.template} ({operation.operation}) is not offered: the "
                    "profile's targets.api.operations does not declare it")


def api_gate(declared: Literal["all"] | tuple[str, ...], interfaces: Iterable[ApiInterface],
             exported: Iterable[str] = (), lists: Mapping[str, str] | None = None) -> ApiGate | None:
    """The gate of a profile's ``targets.api.operations`` over an edition's API ``interfaces``, its domain
    contract's paged list reads (``lists``: operationId -> path, each a GET: the 選挙人名簿 of a 投票区,
    ``get_voter_roll``) and the shared operations; None when every operation is declared (nothing to refuse).
    ``exported``: the paths of the export files the profile declares through the API (``targets.exports.files``),
    declared there, served whatever ``operations`` lists."""
    if declared == "all":
        return None
    files = set(exported)
    known: dict[str, tuple[str, str]] = {interface.id: (interface.method, interface.path) for interface in interfaces
                                         if interface.path not in files}
    for operation, path in (lists or {}).items():
        known.setdefault(operation, ("get", path))
    for operation, (method, path) in SHARED_TEMPLATES.items():
        known.setdefault(operation, (method, path))
    unserved = tuple(Unserved(operation, method, path, template_regex(path))
                     for operation, (method, path) in known.items() if operation not in declared)
    # The most literal template first: a refusal names the operation the path is (POST /forms/x/data is
    # issue_form_data's, though it is no issue_form path either: one parameter is one segment).
    return ApiGate(tuple(sorted(unserved, key=lambda u: -len(PLACEHOLDER.sub("", u.template))))) if unserved else None
