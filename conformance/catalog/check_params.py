"""The check names and the schema of each check's ``params``, for ``catalog validate`` and editors.

A binding that names an unknown check, misspells a parameter or gives one a wrong type would
otherwise surface only during a run, as an ERROR blamed on the vendor. The loader validates every
check of the catalog against :func:`check_params` (and the references inside the params against the
edition: file layouts, data items, API operations), and the JSON Schema of catalog documents carries
the same schemas, so an editor completes them.

Here: the base of the models (:class:`Params`: strict, no unknown key; a model names the data items its
params refer to with :meth:`Params.data_items`) and the models of the checks every domain shares
(``file.layout``, ``api.openapi``, ``scenario.run``). A domain folder declares its checks' models in its own
``params.py`` (``conformance/domains/<slug>/params.py``: ``PARAMS``), read by name as the registry of
domains lists the folders: the catalog may not import the checks (they sit above it), and a ``params.py``
imports nothing but this module. A test keeps :func:`check_params` equal to the registry of checks, and the
rule families and API modes equal to the ones the checks use.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from conformance.catalog.domain_rules import DOMAINS_DIR, domain_check_names, domain_folders

#: The rule families of the ``file.layout`` check (conformance/checks/files/), in the order they are judged.
ENCODING = "encoding"
CELL_FAMILIES = ("types", "lengths", "codes", "patterns", "char_classes", "check_digits")
ROW_FAMILIES = ("required", "category_items")
CONTENT_FAMILIES = ("header", "fields", *CELL_FAMILIES, *ROW_FAMILIES)
#: Rules across files (the layout's ``references``): judged after the file's own content.
REFERENCES = "references"
#: Domain invariants, judged in a pass of their own (conformance/checks/files/invariants.py): unique
#: keys and one 世帯主 per household, dates in range, values the specification lists, real municipalities.
INVARIANT_FAMILIES = ("keys", "dates", "values", "municipalities")
FAMILIES = (ENCODING, *CONTENT_FAMILIES, *INVARIANT_FAMILIES, REFERENCES)


#: The generation modes of ``api.openapi`` (conformance/checks/api.py MODES).
API_MODES = ("positive", "negative")
#: The requests ``api.openapi`` generates per operation and mode when ``max_examples`` is absent.
API_MAX_EXAMPLES = 25


class Params(BaseModel):
    """Base of the parameter models: strict, no unknown keys (a misspelt parameter is an error)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    def data_items(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """The names of data items these params refer to, each with its path in the params (the loader checks
        that the edition has them)."""
        return iter(())


class NoParams(Params):
    """A check that takes no parameters."""


class FileLayoutParams(Params):
    """``file.layout``: one export file against a file layout of the edition."""

    layout: Annotated[str, Field(min_length=1, description="Id of a file layout (interfaces.yaml, kind file).")]
    rules: Annotated[tuple[str, ...], Field(
        min_length=1, strict=False, description="Rule families to judge (all that apply when absent).")] | None = None
    if_configured: bool = Field(default=False, description="Judge only when the profile configures the export.")














class ApiOpenApiParams(Params):
    """``api.openapi``: schemathesis against the edition's OpenAPI document."""

    operations: Annotated[tuple[str, ...], Field(min_length=1, strict=False,
                                                 description="Ids of API interfaces (all when absent).")] | None = None
    modes: Annotated[tuple[Literal[API_MODES], ...], Field(min_length=1, strict=False)] = API_MODES  # type: ignore[valid-type]
    max_examples: Annotated[int, Field(ge=1)] = API_MAX_EXAMPLES
    seed: int | None = None


class ScenarioRunParams(Params):
    """``scenario.run``: a catalog scenario (bound by the loader to the requirements it verifies)."""

    scenario: Annotated[str, Field(min_length=1, description="Id of a scenario of the edition.")]





























































#: The checks every domain shares -> their parameters; a domain folder's own are in its ``params.py``.
SHARED_PARAMS: dict[str, type[Params]] = {
    "api.openapi": ApiOpenApiParams,
    # The per-person query's refusals (conformance/checks/refusals.py): fixed questions, nothing to set.
    "api.qualifications_refusals": NoParams,
    # The 庁内連携 feed's refusals (conformance/domains/feed_refusals.py): two fixed rows.
    "api.feed_refusals": NoParams,
    "api.form_refusals": NoParams,
    "file.layout": FileLayoutParams,
    "scenario.run": ScenarioRunParams,
    # The cross-domain machine (conformance/domains/world.py): it reads several domain folders, so none declares it.
    "model.world.domains": NoParams,
    "model.world.feed": NoParams,
}


@cache
def check_params() -> dict[str, type[Params]]:
    """Every check of the harness (conformance/shipped_checks.py default_registry) -> its parameters: the shared
    ones, each domain folder's ``params.py`` (``PARAMS``) and its scenario rules (no parameters).

    The folders' declarations are imported by name, as the registry of domains lists them (the catalog sits
    below the domain folders: a ``params.py`` imports nothing of them, tests/domains/test_domain_folders.py).
    """
    found: dict[str, type[Params]] = {**SHARED_PARAMS, **dict.fromkeys(domain_check_names(), NoParams)}
    for slug in domain_folders():
        if (DOMAINS_DIR / slug / "params.py").is_file():
            declared: dict[str, type[Params]] = importlib.import_module(f"conformance.domains.{slug}.params").PARAMS
            found.update(declared)
    return found


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON Schema with its ``$defs`` inlined (it is embedded below another document's root)."""
    definitions = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(definitions[ref.removeprefix("#/$defs/")])
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


def file_rule_families() -> tuple[str, ...]:
    """The rule families of ``file.layout``."""
    return FAMILIES


def add_params_schemas(schema: dict[str, Any]) -> None:
    """``json_schema_extra`` of FunctionCheck: the known names, and for each the schema of its params."""
    schema["properties"]["name"]["enum"] = sorted(check_params())
    schema["allOf"] = []
    for name, model in sorted(check_params().items()):
        params = _inlined(model.model_json_schema())
        if model is FileLayoutParams:
            rules = params["properties"]["rules"]["anyOf"][0]
            rules["items"] = {"enum": list(file_rule_families()), "type": "string"}
        schema["allOf"].append({"if": {"properties": {"name": {"const": name}}, "required": ["name"]},
                                "then": {"properties": {"params": params}}})
