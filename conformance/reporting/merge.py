"""``conformance report merge``: the shards of one run joined into the run's results.json.

Shards must come from the same run: the same catalog editions (by hash), profile, waivers, harness
version and seed, disjoint requirements, and, when they say which shard they are, all n shards of
the same split (by count, or balanced by the same durations file). The summary, coverage and
verdict are recomputed by :class:`RunOutcome`, the code a single run uses, so a merged run and an
unsharded one agree; each result keeps its ``duration``, so the merged results.json balances the
shards of the next run (``--shard-durations``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from conformance.errors import UsageError
from conformance.recorder import merged_id
from conformance.reporting.json_report import results_document, scope_from_json
from conformance.results import RequirementResult, RunOutcome, Scope

#: Keys that must be equal in every shard of a run.
_SAME = ("catalog", "profile", "harness_version", "seed", "seeds", "waivers")
_LEVEL_ORDER = {"R": 0, "O": 1, "P": 2}
#: Selection keys that say how a run was split into shards (not how it was narrowed).
_SPLIT = frozenset({"shard", "shard_durations"})


def requirement_order(requirement_id: str) -> tuple[Any, ...]:
    """Catalog order from an id alone: domain, edition, section numbers, block (R, O, P), paragraph."""
    match = re.fullmatch(r"([a-z_]+)-([0-9.]+)-([0-9.]+)-([ROP])([0-9]{3})", requirement_id)
    if match is None:
        return (requirement_id,)
    domain, edition, section, block, number = match.groups()
    return (domain, _numbers(edition), _section_key(section), _LEVEL_ORDER[block], int(number))


def _section_key(section: str) -> tuple[Any, ...]:
    """Dotted sections (3.4.1) by their numbers; official ids (a leading zero, no dot) as the catalog
    lists them: データ項目ID sections (8 digits, the 項目定義書's requirements) before 機能ID sections
    (7 digits, the API仕様書's), each by its text."""
    if section.startswith("0") and "." not in section:
        return (1, -len(section), section)
    return (0, _numbers(section))


def _numbers(dotted: str) -> tuple[int, ...]:
    return tuple(int(part) for part in dotted.split("."))


def _check_same_run(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
    first_name, first = documents[0]
    for name, document in documents[1:]:
        for key in _SAME:
            if document.get(key) != first.get(key):
                raise UsageError(f"{name} and {first_name} are not shards of one run: their {key} differ")


def _check_shards(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
    shards = [(name, document.get("shard")) for name, document in documents]
    if all(shard is None for _, shard in shards):
        return
    missing_info = [name for name, shard in shards if shard is None]
    if missing_info:
        raise UsageError(f"{', '.join(missing_info)}: not a shard, but the other inputs are")
    counts = {int(shard["count"]) for _, shard in shards if shard is not None}
    if len(counts) != 1:
        raise UsageError(f"the inputs come from different splits (--shard i/n with n = {sorted(counts)})")
    (count,) = counts
    if len({_durations(shard) for _, shard in shards}) != 1:
        raise UsageError("the inputs come from different splits (balanced by different --shard-durations files, "
                         "or some by count)")
    seen: dict[int, str] = {}
    for name, shard in shards:
        index = int(shard["index"]) if shard is not None else 0
        if index in seen:
            raise UsageError(f"{name} and {seen[index]} are both shard {index}/{count}")
        seen[index] = name
    missing = [f"{i}/{count}" for i in range(1, count + 1) if i not in seen]
    if missing:
        raise UsageError(f"shard {', '.join(missing)} missing: a merged run must hold every shard")


def _durations(shard: Any) -> str | None:
    """The SHA-256 of the durations file a shard was balanced by (``--shard-durations``), or None."""
    durations = shard.get("durations") if isinstance(shard, Mapping) else None
    return str(durations) if durations is not None else None


def _results(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> list[RequirementResult]:
    owner: dict[str, str] = {}
    results: list[RequirementResult] = []
    for number, (name, document) in enumerate(documents, start=1):
        for entry in document["results"]:
            rid = str(entry["requirement"])
            if rid in owner:
                raise UsageError(f"{rid} is in both {owner[rid]} and {name}: shards must be disjoint")
            owner[rid] = name
            results.append(_renumbered(RequirementResult.from_json(entry), number))
    return sorted(results, key=lambda result: requirement_order(result.requirement))


def _renumbered(result: RequirementResult, number: int) -> RequirementResult:
    """A shard's result with its exchange references renamed as the merged HAR names their entries
    (every shard's ids start at ``main-0001``: `report merge` copies input k's recordings apart)."""
    if not result.exchanges:
        return result
    exchanges = tuple({**exchange, "id": merged_id(number, str(exchange.get("id")))} for exchange in result.exchanges)
    return dataclasses.replace(result, exchanges=exchanges)


def _problems(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> tuple[str, ...]:
    """Every shard's problems once (an expired waiver is reported by each shard)."""
    return _listed(documents, "problems")


def _listed(documents: Sequence[tuple[str, Mapping[str, Any]]], key: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for _, document in documents:
        found.update(dict.fromkeys(str(p) for p in document.get(key) or []))
    return tuple(found)


def _scope(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> Scope:
    """The merged run's scope: the claimed requirements every shard knew (what it judged and what
    it left out), so the shards of one run, joined, cover it all and are no longer partial. The
    selection keeps what the shards had in common beyond their split (a ``-k`` stays partial); how
    they were split stays in ``merged_from``."""
    scopes = [scope_from_json(document) for _, document in documents]
    claimed = frozenset().union(*(scope.claimed for scope in scopes))
    selections = [{k: v for k, v in scope.selection.items() if k not in _SPLIT} for scope in scopes]
    common = {k: v for k, v in selections[0].items() if all(s.get(k) == v for s in selections[1:])}
    return Scope(claimed=claimed, selection=common)


def merge_documents(documents: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """One results.json document from the shards' (name, document) pairs."""
    if not documents:
        raise UsageError("nothing to merge: name the shards' results.json files")
    _check_same_run(documents)
    _check_shards(documents)
    errors = [str(d["error"]) for _, d in documents if d.get("error")]
    outcome = RunOutcome(results=tuple(_results(documents)), problems=_problems(documents),
                         gaps=_listed(documents, "gaps"), scope=_scope(documents),
                         stopped="; ".join(dict.fromkeys(errors)) or None)
    first = documents[0][1]
    merged = results_document(outcome, dict(first.get("catalog", {})), dict(first.get("profile", {})))
    merged["harness_version"] = first.get("harness_version", merged["harness_version"])
    merged["seed"] = first.get("seed")
    if first.get("seeds"):
        merged["seeds"] = first["seeds"]
    merged["waivers"] = first.get("waivers", [])
    merged["merged_from"] = [{"file": name, "shard": d.get("shard")} for name, d in documents]
    return merged
