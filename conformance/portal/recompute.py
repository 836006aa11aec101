"""A bundle's results read against the catalog edition this portal holds, never at the file's word.

The signature proves who made a bundle, not that what it says is true: a vendor holds its own key
and can sign any ``results.json``. So before a bundle is indexed, its results are compared with the
catalog edition they name, which this portal must hold with the same hash, and with the states the
harness can give each requirement of it (:func:`conformance.runner.run_case`'s order of decision):

- every requirement of a claimed edition is present once (or the run says it is partial or stopped),
  with the catalog's level, and no requirement of another edition;
- a state the requirement can have: NOT_APPLICABLE only for an optional requirement, one declared
  ``outside`` the municipality's system (that state alone), or one judged by an export layout whose columns
  the bundle's profile declares absent (``absent_columns``); MANUAL only
  where the catalog binds a manual procedure and no check; PASS, FAIL, WAIVED and ERROR only where a
  check is bound; WAIVED only for a requirement the run's waivers name;
- ``scope.claimed`` and ``summary`` agree with the list, and ``verdict`` is what the harness's own
  rule gives these states.

Any disagreement is refused with every reason (up to :data:`SHOWN`): the harness never writes
such a file, so it was edited or forged. The portal's verdict is then recomputed from the stored
states (:mod:`conformance.portal.verdicts`), with only the attestations this portal accepted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import FunctionCheck, Level, ManualCheck, Requirement
from conformance.portal import catalog as shipped
from conformance.results import RequirementResult, Status, Verdict, decide_verdict

#: At most this many problems are listed in a refusal (a forged list of 957 entries says why in 20).
SHOWN = 20

#: The states the harness can give a requirement a check judges.
CHECKED_STATES = frozenset({Status.PASS, Status.FAIL, Status.WAIVED, Status.ERROR, Status.NOT_AUTOMATED})


@dataclass(frozen=True)
class Scope:
    """What the catalog says the bundle's run covered: its requirements, by id."""

    requirements: Mapping[str, Requirement]
    partial: bool


#: A problem in Japanese and English.
Problem = tuple[str, str]


class ResultsRejected(Exception):
    """The results contradict the catalog edition they name, or themselves; ``problems`` says how
    (each in Japanese and English)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(en for _, en in self.shown()))

    def shown(self) -> list[Problem]:
        """The first :data:`SHOWN` problems, and how many more there are."""
        listed = self.problems[:SHOWN]
        more = len(self.problems) - len(listed)
        return listed + ([(f"… ほか {more} 件", f"… and {more} more")] if more else [])


def check(results: Mapping[str, Any], absent_layouts: frozenset[str] = frozenset(),
          run_day: dt.date | None = None) -> Scope:
    """The scope the results cover, recomputed; ResultsRejected when they contradict the catalog.
    ``absent_layouts``: the layouts of which the run's profile declares columns absent; ``run_day``:
    the run's own day (its manifest's), on which a waiver it applied must not have expired."""
    problems: list[Problem] = []
    editions = _editions(results, problems)
    requirements = {r.id: r for edition in editions for r in edition.requirements}
    entries = [entry for entry in results["results"] if isinstance(entry, Mapping)]
    waived = _live_waivers(results, run_day, problems)
    seen: set[str] = set()
    for entry in entries:
        problems += _entry_problems(entry, requirements, waived, seen, absent_layouts)
    partial = _scope_problems(results, requirements, seen, problems)
    if not problems:
        problems += _summary_problems(results, entries) + _verdict_problems(results, entries, partial)
    if problems:
        raise ResultsRejected(problems)
    return Scope(requirements, partial)


def _live_waivers(results: Mapping[str, Any], run_day: dt.date | None, problems: list[Problem]) -> set[str]:
    """The requirements the run's waivers name; a waiver that had expired by the run's day, or whose
    expiry is no date, is a problem (issue 68: a vendor's own waiver, expired, still made WAIVED)."""
    named: set[str] = set()
    for waiver in results.get("waivers") or []:
        if not isinstance(waiver, Mapping):
            continue
        rid, expires = str(waiver.get("requirement")), str(waiver.get("expires"))
        try:
            expiry = dt.date.fromisoformat(expires)
        except ValueError:
            problems.append((f"{rid}: 適用除外の期限 {expires[:40]!r} が日付ではありません",
                             f"{rid}: the waiver's expiry {expires[:40]!r} is not a date"))
            continue
        if run_day is not None and expiry < run_day:
            problems.append((f"{rid}: 適用除外は {expiry} に期限切れで、実行日 {run_day} には使えません",
                             f"{rid}: the waiver expired on {expiry}, before the run's day {run_day}"))
            continue
        named.add(rid)
    return named


def _editions(results: Mapping[str, Any], problems: list[Problem]) -> list[EditionCatalog]:
    """The catalog editions the results name, as this portal holds them (same fingerprint), each once."""
    found = []
    listed = (results.get("catalog") or {}).get("editions") or []
    if not listed:
        problems.append(("results.json がカタログの版を示していません（照合できません）",
                         "results.json names no catalog edition: nothing to judge it against"))
    named: set[tuple[str, str]] = set()
    for entry in listed:
        domain, number, claimed = str(entry.get("domain")), str(entry.get("edition")), entry.get("sha256")
        if (domain, number) in named:  # issue 68: it was indexed twice
            problems.append((f"カタログ {domain} {number}: 二度あります", f"catalog {domain} {number}: listed twice"))
            continue
        named.add((domain, number))
        held = shipped.fingerprint(domain, number)
        if held is None:
            problems.append((f"カタログ {domain} {number}: このポータルはその版を持っていません",
                             f"catalog {domain} {number}: this portal does not hold that edition"))
        elif held != claimed:
            problems.append((f"カタログ {domain} {number}: バンドルのハッシュ {str(claimed)[:16]}… はこのポータルの版"
                             f"（{held[:16]}…）ではありません。同梱のカタログで実行してください",
                             f"catalog {domain} {number}: the bundle's hash {str(claimed)[:16]}… is not the "
                             f"edition this portal holds ({held[:16]}…): run with the shipped catalog"))
        else:
            edition = shipped.edition(domain, number)
            if edition is not None:
                found.append(edition)
    return found


def _entry_problems(entry: Mapping[str, Any], requirements: Mapping[str, Requirement], waived: set[str],
                    seen: set[str], absent_layouts: frozenset[str] = frozenset()) -> list[Problem]:
    rid, status = str(entry.get("requirement")), str(entry.get("status"))
    requirement = requirements.get(rid)
    if requirement is None:
        return [(f"{rid}: 対象のカタログの版の要件ではありません",
                 f"{rid}: not a requirement of the claimed catalog editions")]
    if rid in seen:
        return [(f"{rid}: 二度あります", f"{rid}: listed twice")]
    seen.add(rid)
    if str(entry.get("level")) != requirement.level.value:
        return [(f"{rid}: 区分 {entry.get('level')!r} はカタログの {requirement.level.value!r} と異なります",
                 f"{rid}: level {entry.get('level')!r}, the catalog says {requirement.level.value!r}")]
    allowed = allowed_states(requirement, absent_layouts)
    if status not in allowed:
        states = ", ".join(sorted(allowed))
        return [(f"{rid}: 状態 {status} はハーネスがこの要件に与えない状態です（あり得るのは {states}）",
                 f"{rid}: state {status} is not one the harness gives this requirement (it can be {states})")]
    if status == Status.WAIVED and rid not in waived:
        return [(f"{rid}: WAIVED ですが、実行の適用除外にこの要件のものがありません",
                 f"{rid}: WAIVED, but the run's waivers name no waiver for it")]
    return []


def allowed_states(requirement: Requirement, absent_layouts: frozenset[str] = frozenset()) -> frozenset[str]:
    """The states the harness's order of decision can give ``requirement`` (docs/results.md); ``absent_layouts``:
    the export layouts of which the run's profile declares columns absent."""
    if requirement.duty == "outside":
        return frozenset({str(Status.NOT_APPLICABLE)})  # decided first, whatever the profile says
    checks = requirement.checks
    if any(isinstance(c, FunctionCheck) for c in checks):
        states = set(CHECKED_STATES)
    elif any(isinstance(c, ManualCheck) for c in checks):
        states = {Status.MANUAL}
    else:
        states = {Status.NOT_AUTOMATED}
    if requirement.level is Level.OPTIONAL or _layouts(requirement) & absent_layouts:
        states.add(Status.NOT_APPLICABLE)
    return frozenset(str(s) for s in states)


def _layouts(requirement: Requirement) -> frozenset[str]:
    """The export layouts the requirement's ``file.layout`` checks judge."""
    return frozenset(str(c.params.get("layout")) for c in requirement.checks
                     if isinstance(c, FunctionCheck) and c.name == "file.layout")


def _scope_problems(results: Mapping[str, Any], requirements: Mapping[str, Requirement], seen: set[str],
                    problems: list[Problem]) -> bool:
    """Whether the run is partial: it says so, or a requirement of its scope is missing (refused
    when it says it is complete)."""
    scope = results.get("scope") or {}
    declared = bool(scope.get("partial"))
    missing = sorted(set(requirements) - seen)
    if missing and not declared and not _stopped(results):
        first = ", ".join(missing[:3])
        problems.append((f"scope: 実行は範囲全体を判定したとしています（partial: false）が、対象の版の要件 "
                         f"{len(requirements)} 件のうち {len(missing)} 件がありません（最初: {first}）",
                         f"scope: the run says it covered its whole scope (partial: false), but {len(missing)} "
                         f"of the {len(requirements)} requirements of the claimed editions are missing "
                         f"(first: {first})"))
    claimed = scope.get("claimed")
    if isinstance(claimed, int) and not isinstance(claimed, bool) and claimed != len(requirements):
        problems.append((f"scope: claimed は {claimed} 件ですが、対象の版の要件は {len(requirements)} 件です",
                         f"scope: claimed {claimed} requirements; the claimed editions hold {len(requirements)}"))
    return declared or bool(missing)


def _stopped(results: Mapping[str, Any]) -> bool:
    return results.get("verdict") == Verdict.NOT_RUN and bool(results.get("error"))


def _summary_problems(results: Mapping[str, Any], entries: Iterable[Mapping[str, Any]]) -> list[Problem]:
    counted = Counter(str(e.get("status")) for e in entries)
    summary = results.get("summary") or {}
    return [(f"summary: {state} は {summary.get(state, 0)} 件ですが、結果の一覧では {counted.get(state, 0)} 件です",
             f"summary: {state} {summary.get(state, 0)}, the results list {counted.get(state, 0)}")
            for state in sorted(set(counted) | set(summary))
            if int(summary.get(state, 0) or 0) != counted.get(state, 0)]


def _verdict_problems(results: Mapping[str, Any], entries: Iterable[Mapping[str, Any]],
                      partial: bool) -> list[Problem]:
    """The verdict the file states against the harness's rule over the file's own states."""
    own = decide_verdict([RequirementResult.from_json(e) for e in entries], results.get("problems") or [],
                         partial=partial or bool(results.get("gaps")),
                         stopped=str(results.get("error")) if _stopped(results) else None)
    stated = str(results.get("verdict"))
    if stated == Verdict.NOT_RUN and not _stopped(results):
        return [("verdict: not_run ですが、実行を止めたエラーがありません",
                 "verdict: not_run without the error that stopped the run")]
    if stated != own.value:
        return [(f"verdict: ファイルは {stated} としていますが、ハーネスの規則ではこの結果から {own.value} になります",
                 f"verdict: the file says {stated}; the harness's rule over its own results gives {own.value}")]
    return []
