"""What a reader sees of a bundle's requirements (issue 48): 業務 names in 業務ID order, each
requirement with its title, level and section, the state shown, and per system the counts by state.

The state shown is the run's, moved by what the portal decided: a MANUAL requirement with an
accepted, unexpired attestation of the bundle's release is ATTESTED (確認書による検証, as the report
names a profile's attestation), and any requirement under an open 経過措置 of the municipality is
TRANSITION (経過措置中, as the 適合状況一覧 writes it). Every page that shows a state or a count reads
it from here, so an accepted attestation or a 経過措置 moves all of them at once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from conformance.catalog.domains import domain_name, domain_order
from conformance.catalog.models import Requirement
from conformance.portal import catalog as shipped
from conformance.portal.models import Attestation, Bundle, Municipality, RequirementState, SystemResult, Transition
from conformance.portal.verdicts import accepted_attestations

#: The states a page shows, in the order counts are listed (the report's, then the portal's own).
SHOWN_STATES = ("PASS", "FAIL", "ERROR", "WAIVED", "ATTESTED", "MANUAL", "NOT_AUTOMATED", "NOT_APPLICABLE",
                "TRANSITION", "NOT_SELECTED")


@dataclass(frozen=True)
class Row:
    """One requirement of a bundle as a page shows it."""

    state: RequirementState
    shown: str
    requirement: Requirement | None
    attestation: Attestation | None
    transition: bool

    @property
    def title(self) -> str:
        return self.requirement.source.title if self.requirement else ""

    @property
    def section(self) -> str:
        return self.requirement.source.section if self.requirement else ""

    @property
    def chapter(self) -> str:
        return self.section.split(".", 1)[0]

    @property
    def text(self) -> str:
        return self.requirement.text if self.requirement else ""

    @property
    def domain(self) -> str:
        return self.state.domain

    @property
    def system(self) -> str:
        """The 業務's name (住民基本台帳), not its slug."""
        return domain_name(self.state.domain)

    @property
    def chapter_key(self) -> str:
        """The chapter within its 業務 (``jumin:3``): chapters of different systems are different chapters."""
        return f"{self.domain}:{self.chapter}"

    @property
    def procedure(self) -> str:
        """What a person checks and attaches (a MANUAL requirement's procedure; '' for any other)."""
        return shipped.procedure(self.requirement)


def shown_state(status: str, attested: bool, transition: bool) -> str:
    """The state shown for a requirement in ``status`` (module docstring)."""
    if transition:
        return "TRANSITION"
    if status == "MANUAL" and attested:
        return "ATTESTED"
    return status


def open_transitions(municipality: Municipality) -> set[str]:
    """The requirements under an open 経過措置 of the municipality."""
    return set(municipality.transitions.filter(closed=False).values_list("requirement", flat=True))


def rows(bundle: Bundle, day: dt.date) -> list[Row]:
    """Every requirement of the bundle, by 業務 in 業務ID order (issue 69: not by slug, which put 法人住民税 first)
    and in the catalog's order within one, with the state shown."""
    accepted = accepted_attestations(bundle, day)
    transitions = open_transitions(bundle.municipality)
    found = []
    for state in sorted(bundle.states.order_by("id"), key=lambda s: domain_order(s.domain)):  # stable: ids kept
        attestation = accepted.get((state.edition, state.requirement))
        found.append(Row(state, shown_state(state.status, attestation is not None and state.status == "MANUAL",
                                            state.requirement in transitions),
                         shipped.requirement(state.domain, state.edition, state.requirement), attestation,
                         state.requirement in transitions))
    return found


@dataclass(frozen=True)
class SystemProgress:
    """One system (domain and edition) of a bundle: its counts by state shown."""

    domain: str
    edition: str
    counts: Mapping[str, int]

    @property
    def name(self) -> str:
        return domain_name(self.domain)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ordered(self) -> list[tuple[str, int]]:
        return [(state, self.counts[state]) for state in SHOWN_STATES if self.counts.get(state)]


def progress(bundle: Bundle, found: Sequence[Row]) -> list[SystemProgress]:
    """Per system of the bundle, in 業務ID order, the counts by state shown; requirements of the
    edition the run did not judge (a partial run) count as NOT_SELECTED, as the CLI counts them."""
    result = []
    for system in sorted(bundle.systems.all(), key=lambda s: domain_order(s.domain)):
        counts = Counter(r.shown for r in found if r.state.domain == system.domain
                         and r.state.edition == system.edition)
        edition = shipped.edition(system.domain, system.edition)
        if edition is not None:
            missing = len(edition.requirements) - sum(counts.values())
            if missing > 0:
                counts["NOT_SELECTED"] = missing
        result.append(SystemProgress(system.domain, system.edition, dict(counts)))
    return result


def system_counts(systems: Sequence[SystemResult], day: dt.date) -> dict[int, list[tuple[str, int]]]:
    """Per system result (its id), the counts by state shown, as :func:`progress` gives them, for any
    number of systems in at most three queries: the run's counts are kept on each system (counted at
    indexing); only the states an open 経過措置 or an accepted attestation moves are read."""
    bundles = {s.bundle_id: s.bundle for s in systems}
    places = {b.municipality_id for b in bundles.values()}
    if not systems:
        return {}
    transitions: dict[int, set[str]] = {}
    for place, requirement in Transition.objects.filter(municipality_id__in=places, closed=False).values_list(
            "municipality_id", "requirement"):
        transitions.setdefault(place, set()).add(requirement)
    accepted = {(a.municipality_id, a.vendor_id, a.product, a.version, a.edition, a.requirement)
                for a in Attestation.objects.filter(municipality_id__in=places, state=Attestation.State.ACCEPTED)
                if a.valid_on(day)}
    wanted = {r for moved in transitions.values() for r in moved} | {a[5] for a in accepted}
    moved: dict[tuple[int, str, str], Counter[str]] = {}
    if wanted:
        for bundle_id, domain, edition, requirement, status in RequirementState.objects.filter(
                bundle_id__in=list(bundles), item__requirement__in=wanted).values_list(
                "bundle_id", "item__domain", "item__edition", "item__requirement", "status"):
            bundle = bundles[bundle_id]
            attested = (bundle.municipality_id, bundle.vendor_id, bundle.product, bundle.version, edition,
                        requirement) in accepted
            shown = shown_state(status, attested and status == "MANUAL",
                                requirement in transitions.get(bundle.municipality_id, ()))
            if shown != status:
                change = moved.setdefault((bundle_id, domain, edition), Counter())
                change[status] -= 1
                change[shown] += 1
    found = {}
    for system in systems:
        counts = Counter(system.counts)
        counts.update(moved.get((system.bundle_id, system.domain, system.edition), Counter()))
        catalog = shipped.edition(system.domain, system.edition)
        if catalog is not None and len(catalog.requirements) > system.judged:
            counts["NOT_SELECTED"] = len(catalog.requirements) - system.judged
        found[system.pk] = [(state, counts[state]) for state in SHOWN_STATES if counts.get(state, 0) > 0]
    return found


def totals(systems: Iterable[SystemProgress]) -> dict[str, int]:
    """The counts of all systems together, in :data:`SHOWN_STATES` order."""
    summed: Counter[str] = Counter()
    for system in systems:
        summed.update(system.counts)
    return {state: summed[state] for state in SHOWN_STATES if summed[state]}


def filtered(found: Sequence[Row], state: str, chapter: str, level: str, domain: str = "") -> list[Row]:
    """The rows in ``state``, of ``chapter`` (within its 業務, ``jumin:3``; a bare ``3`` is chapter 3 of every
    system), ``level`` and ``domain`` (an empty choice takes all)."""
    return [r for r in found if (not state or r.shown == state)
            and (not chapter or chapter in (r.chapter_key, r.chapter))
            and (not level or r.state.level == level) and (not domain or r.domain == domain)]


@dataclass(frozen=True)
class Choice:
    """An option of a filter: its value and what it shows."""

    value: str
    label: str


def domain_choices(found: Iterable[Row]) -> list[Choice]:
    """The systems of ``found`` by name, in 業務ID order."""
    return [Choice(domain, domain_name(domain)) for domain in sorted({r.domain for r in found}, key=domain_order)]


def chapter_choices(found: Iterable[Row], domain: str = "") -> list[tuple[str, list[Choice]]]:
    """The chapters of ``found`` per 業務 (its name, then its chapters in number order; a section that is no
    number, as 共通機能's ids, after them): one group per system, or the chosen ``domain``'s only."""
    chapters: dict[str, dict[str, str]] = {}
    for row in found:
        if row.chapter and (not domain or row.domain == domain):
            # A section that is one whole item (共通機能's 03100001) is shown with its name, not as a bare id.
            named = row.chapter if "." in row.section or len(row.chapter) <= 3 else f"{row.chapter} {row.title}"
            chapters.setdefault(row.domain, {})[row.chapter] = named
    return [(domain_name(system), [Choice(f"{system}:{c}", chapters[system][c])
                                   for c in sorted(chapters[system], key=_numeric)])
            for system in sorted(chapters, key=domain_order)]


def _numeric(chapter: str) -> tuple[int, str]:
    return (int(chapter), chapter) if chapter.isdigit() else (1 << 30, chapter)


def history_states(municipality: Municipality, requirement: str, states: Iterable[RequirementState],
                   day: dt.date) -> list[tuple[RequirementState, str]]:
    """Each state of a requirement's history with the state shown, by the attestations accepted for
    that bundle's release and the municipality's open 経過措置."""
    accepted = {(a.vendor_id, a.product, a.version, a.edition)
                for a in Attestation.objects.filter(municipality=municipality, requirement=requirement,
                                                    state=Attestation.State.ACCEPTED) if a.valid_on(day)}
    transition = requirement in open_transitions(municipality)
    return [(s, shown_state(s.status, (s.bundle.vendor_id, s.bundle.product, s.bundle.version, s.edition)
                            in accepted, transition)) for s in states]
