"""Contract coverage: the traffic of a whole run of the reference (every domain) stays inside the published contract
(issue 64). Every request path and query parameter the harness sent for a domain is in that domain's document (or in
the driver protocol's), every record item it sent is in the contract of its 業務, and every field of the answers it
read is in the contract of its part: 100 %, or the test names what is missing.

It reuses the clean run the README's main command makes for tests/test_reference_run.py (one run per session). The
recorder keeps bodies up to its limits (conformance/recorder.py), so items and answer fields are judged on the bodies
it kept (the test requires some of every kind); tests/catalog/test_contract.py holds the whole vocabulary to the
reference's and the checks' own reads without a run.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
from test_reference_run import clean_run
from typer.testing import CliRunner

from conformance.catalog.contract import QUERY_PATH, RECORDS_PATH, ContractField, DomainContract, load_contract
from conformance.catalog.domain_rules import domain_folders
from conformance.catalog.loader import load_edition
from conformance.cli import app
from conformance.locations import default_catalog_root

pytestmark = pytest.mark.e2e

#: The reference profile's base path (vendor_profiles/reference.yaml: targets.api.base_url).
BASE = "/api/v1"
#: Editions with a driver protocol of their own (spec_catalog/<slug>/<edition>/driver.yaml); the statute domains'
#: cross-domain machine drives 住民記録's.
DRIVERS = ("jumin", "koseki", "kodomo_kosodate")
MASK = "＊"
WORLD_CHECK = "model.world.domains"
ANSWER = re.compile(r"/residents/[0-9]+/qualifications")


@functools.cache
def published(slug: str, *, driver: bool = False) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", slug, *(["--driver"] if driver else [])])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@functools.cache
def contract(slug: str) -> DomainContract | None:
    return load_contract(default_catalog_root(), slug)


@functools.cache
def binds(slug: str, check: str) -> bool:
    """Whether the newest edition of ``slug`` binds ``check`` to a requirement."""
    editions = sorted(path for path in (default_catalog_root() / slug).iterdir() if path.is_dir())
    return any(getattr(bound, "name", None) == check
               for requirement in load_edition(editions[-1]).requirements for bound in requirement.checks)


@functools.cache
def operations(slug: str) -> tuple[tuple[str, re.Pattern[str], frozenset[str]], ...]:
    """(method, path pattern, query parameters) of every operation the domain's documents publish: its own, the
    driver protocols, and where its edition binds the cross-domain machine, the 戸籍の附票's (the machine registers
    a 戸籍 and asks for its 附票's copy: docs/model.md, "One world across domains"). The machine runs once for every
    edition bound to it, so its traffic is tagged with whichever requirement it was judging then."""
    found: list[tuple[str, re.Pattern[str], frozenset[str]]] = []
    documents = [published(slug)] + [published(driver, driver=True) for driver in DRIVERS]
    if binds(slug, WORLD_CHECK):
        documents.append(published("koseki_fuhyo"))
    for document in documents:
        for path, methods in document["paths"].items():
            pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
            for method, operation in methods.items():
                names = frozenset(p["name"] for p in operation.get("parameters", ()) if p["in"] == "query")
                found.append((method.upper(), pattern, names))
    return tuple(found)


def _domains(entry: Mapping[str, Any]) -> set[str]:
    return {requirement.split("-", 1)[0] for requirement in entry.get("_requirements", ())}


@pytest.fixture(scope="module")
def traffic(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> list[dict[str, Any]]:
    _, _, out = clean_run(tmp_path_factory, worker_id)
    har = json.loads((Path(out) / "exchanges.har").read_text("utf-8"))
    entries: list[dict[str, Any]] = har["log"]["entries"]
    assert len(entries) > 1000, "the clean run recorded almost nothing"
    return entries


def test_every_request_of_a_statute_domain_is_a_path_and_parameter_of_its_contract(
        traffic: list[dict[str, Any]]) -> None:
    missing, judged = requests_outside(traffic)
    assert judged > 1000
    assert not missing, f"requests outside the published contract: {sorted(missing)[:20]}"


def test_every_record_item_sent_is_in_the_contract_of_its_gyomu(traffic: list[dict[str, Any]]) -> None:
    outside, sent = items_outside(traffic)
    assert sent > 100, "no record body was kept by the recorder"
    assert not outside, f"record items outside the contract: {sorted(outside)}"


def test_every_answer_field_is_in_the_contract_of_its_part(traffic: list[dict[str, Any]]) -> None:
    outside, answered = fields_outside(traffic)
    assert len(answered) >= 10, f"too few parts were kept by the recorder: {sorted(answered)}"
    assert not outside, f"answer fields outside the contract ({QUERY_PATH}): {sorted(outside)}"


def test_every_answer_part_validates_against_its_published_schema(traffic: list[dict[str, Any]]) -> None:
    """Each kept answer's parts against the JSON Schema their domain publishes (types, formats, closed values),
    whatever the part's JSON type: an object, a list (本人確認情報の保存) or null (戸籍の附票 of a person in no 戸籍);
    a masked value is read as null (its text is the recorder's, not the vendor's)."""
    invalid, judged = parts_invalid(traffic)
    assert sum(judged.values()) > 1000
    assert {"object", "list", "null"} <= set(judged), f"some kind of part was never judged: {dict(judged)}"
    assert not invalid, f"answers that do not validate against the published schemas: {sorted(invalid)[:20]}"


def parts_invalid(traffic: list[dict[str, Any]]) -> tuple[set[str], Counter[str]]:
    """``part/field: message`` of each answered part that its published schema refuses, and how many were judged by
    the part's JSON type (object, list, null, other)."""
    schemas = {part: schema for slug in domain_folders() for part, schema in _part_schemas(slug).items()}
    invalid: set[str] = set()
    judged: Counter[str] = Counter()
    for answer in _answers(traffic):
        for part, value in answer.items():
            if part in schemas:
                judged[_kind(value)] += 1
                for error in jsonschema.Draft202012Validator(schemas[part]).iter_errors(_unmasked(value)):
                    where = "/".join(str(step) for step in error.absolute_path)
                    invalid.add(f"{part}/{where}: {error.message[:120]}")
    return invalid, judged


def _kind(value: Any) -> str:
    return "null" if value is None else "list" if isinstance(value, list) else \
        "object" if isinstance(value, Mapping) else "other"


@functools.cache
def _part_schemas(slug: str) -> dict[str, dict[str, Any]]:
    found = contract(slug)
    if found is None or not found.query:
        return {}
    answer = published(slug)["paths"][QUERY_PATH]["get"]["responses"]["200"]["content"]["application/json"]
    return {part: answer["schema"]["properties"][part] for part in found.query}


def _unmasked(value: Any) -> Any:
    if isinstance(value, str):
        return None if MASK in value else value
    if isinstance(value, list):
        return [_unmasked(one) for one in value]
    if isinstance(value, Mapping):
        return {key: _unmasked(one) for key, one in value.items()}
    return value


def _answers(traffic: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The kept bodies of the per-person query's 200 answers."""
    for entry in traffic:
        path = urlsplit(entry["request"]["url"]).path.removeprefix(BASE)
        text = entry["response"].get("content", {}).get("text")
        if entry["response"]["status"] == 200 and text and ANSWER.fullmatch(path):
            answer = json.loads(text)
            if isinstance(answer, dict):
                yield answer


def requests_outside(traffic: list[dict[str, Any]]) -> tuple[set[str], int]:
    """The requests of the statute domains that no operation of their documents publishes (with an undeclared
    query parameter), and how many were judged."""
    statute = set(domain_folders()) - {"jumin", "kyotsu"}
    missing: set[str] = set()
    judged = 0
    for entry in traffic:
        domains = _domains(entry) & statute
        if not domains:
            continue
        request = entry["request"]
        path = urlsplit(request["url"]).path.removeprefix(BASE)
        names = {parameter["name"] for parameter in request.get("queryString", ())}
        known = [allowed for slug in sorted(domains) for method, pattern, allowed in operations(slug)
                 if method == request["method"] and pattern.match(path)]
        judged += 1
        if not known:
            missing.add(f"{request['method']} {path} ({', '.join(sorted(domains))})")
        elif not any(names <= allowed for allowed in known):
            missing.add(f"{request['method']} {path}?{sorted(names)} ({', '.join(sorted(domains))})")
    return missing, judged


def items_outside(traffic: list[dict[str, Any]]) -> tuple[set[str], int]:
    """The record items sent that their 業務's contract does not list (or a value outside its values), and how many
    items were sent."""
    items = {gyomu: {name: field for group in groups for name, field in group.items.items()}
             for slug in domain_folders() if (found := contract(slug)) is not None
             for gyomu, groups in found.records.items()}
    outside: set[str] = set()
    sent = 0
    for body in _bodies(traffic, RECORDS_PATH):
        record = json.loads(body)
        allowed = items.get(record["業務"], {})
        for name, value in record["記録"].items():
            sent += 1
            field = allowed.get(name)
            if field is None:
                outside.add(f"{record['業務']}.{name}")
            elif field.values and MASK not in value and value not in {str(v) for v in field.values}:
                outside.add(f"{record['業務']}.{name}={value!r} (allowed: {list(field.values)})")
    return outside, sent


def fields_outside(traffic: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    """The fields of the per-person answers that the contract of their part does not list, and the parts seen."""
    parts = {part: query for slug in domain_folders() if (found := contract(slug)) is not None
             for part, query in found.query.items()}
    outside: set[str] = set()
    answered: set[str] = set()
    for answer in _answers(traffic):
        for part, value in answer.items():
            entries = value if isinstance(value, list) else [value]  # a list part: each entry of its fields
            if part in parts and any(isinstance(one, Mapping) for one in entries):
                answered.add(part)
                outside.update(f"{part}.{name}" for one in entries if isinstance(one, Mapping)
                               for name in _outside(one, parts[part].fields))
    return outside, answered


def _outside(value: Mapping[str, Any], fields: Mapping[str, ContractField]) -> Iterator[str]:
    """The keys of ``value`` (and of the objects in it) that ``fields`` does not list, and values outside a field's
    closed set of values."""
    for name, inner in value.items():
        field = fields.get(name)
        if field is None:
            yield name
            continue
        if field.values and isinstance(inner, str) and MASK not in inner and inner not in field.values:
            yield f"{name}={inner!r}"
        entries = inner if isinstance(inner, list) else [inner]
        for one in entries:
            if isinstance(one, Mapping) and field.fields:
                yield from (f"{name}.{deeper}" for deeper in _outside(one, field.fields))


def _bodies(traffic: list[dict[str, Any]], path: str) -> Iterator[str]:
    for entry in traffic:
        if urlsplit(entry["request"]["url"]).path.removeprefix(BASE) == path:
            text = entry["request"].get("postData", {}).get("text")
            if text:
                yield text
