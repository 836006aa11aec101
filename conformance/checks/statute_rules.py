"""The one way to write a statute domain's rule check (docs/architecture.md, "A statute rule, the one way").

Every rule check of a statute domain has one shape: persons drawn around the dates of the provision, appended to
the vendor and asked about (:mod:`conformance.checks.scenarios`), one or more fields of one part of the answer
compared with the oracle's, the provision named in the rule's title, the first counterexample shrunk and reported.
The machinery (drawing, asking, comparing, shrinking, the finding) is :func:`~conformance.checks.scenarios.run_rule`;
what is the rule's own is its data and its oracle function. A domain declares what its rules share once
(:class:`Statute`: its folder, the part of the answer they read, whether their persons carry records of other
業務), each rule with :meth:`Statute.rule` (its title, naming the provision, is the rule's text in the folder's
``texts.yaml``, written once), and registers all of them in one statement (:func:`rule_checks`, ``RULE_CHECKS``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol, TypeVar

from hypothesis import strategies as st

from conformance.catalog.domain_rules import DOMAINS_DIR, TEXTS_FILE, check_domains, domain_texts
from conformance.catalog.domains import domain_name
from conformance.checks.registry import CheckContext, CheckFunction, NotAutomated, check, target_of
from conformance.checks.scenarios import (
    Loaded,
    Projection,
    Rule,
    Scenario,
    in_any_order,
    json_object,
    picked,
    picked_in_any_order,
    rule_check,
    run_rule,
)
from conformance.errors import SpecError
from conformance.findings import Finding
from conformance.oracles.readings import not_yet
from conformance.targets.base import HttpClient, Target

#: What a statute domain's checks write a rule with, from this one module: the rule's own parts (``Statute``, the
#: drawn persons, the oracle, what is compared, ``rule_checks``) and the scenario's types they are written in
#: (``Scenario``, ``Projection``, ``Rule``, ``Loaded``, re-exported from :mod:`conformance.checks.scenarios`), so that a
#: domain's checks import the one way from one place. The persons' strategies (``_birth``, ``elders``, ...) stay in
#: :mod:`conformance.checks.scenarios`.
__all__ = [
    "Actual",
    "Drawn",
    "DriverRule",
    "Loaded",
    "NamedRule",
    "Oracle",
    "OwnRule",
    "Projection",
    "Rule",
    "Scenario",
    "Statute",
    "agreement_check",
    "append_path",
    "drawn_with",
    "driver_base_path",
    "driver_rule_check",
    "in_any_order",
    "on_as_of",
    "on_year_end",
    "own_rule_checks",
    "picked_in_any_order",
    "posted_object",
    "proviso_check",
    "rule_checks",
]
#: The persons a rule draws, given the codes of two other municipalities (``scenarios.other_codes``).
Drawn = Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]
#: The oracle's answer for one scenario, given the vendor's municipality code.
Oracle = Callable[[Scenario, str], Projection]
#: What a rule reads of the vendor's answer, where it is more than fields of the domain's part.
Actual = Callable[[Mapping[str, Any], Loaded], Projection]


@dataclass(frozen=True)
class Statute:
    """What every rule of one statute domain shares: ``slug``, its folder (whose ``texts.yaml`` names each rule and
    the provision it judges), ``part``, the part of the answer its rules compare (the per-person query's
    ``{part: {field: value}}``), and ``needs_records``, whether its persons carry records of other 業務 (a vendor
    without ``targets.load.records_path`` then leaves the rules NOT_AUTOMATED)."""

    slug: str
    part: str
    needs_records: bool = False

    def rule(self, name: str, drawn: Drawn, oracle: Oracle, compared: str | tuple[str, ...] | Actual,
             examples: tuple[Scenario, ...], title: str | None = None, **options: Any) -> Rule:
        """One rule as data: ``name`` (its check is ``scenario.<name>``), the persons ``drawn`` around the
        provision's dates, the ``oracle`` function, the field or fields of the part ``compared`` (or a function
        reading the answer, where the rule reads more), and the worked ``examples`` always asked before the drawn
        persons. Its title, naming the provision, is its English text in the folder's ``texts.yaml`` unless
        ``title`` says more (the findings name it). ``options`` are :class:`~conformance.checks.scenarios.Rule`'s
        others (``needs_records`` overrides the domain's). Every per-person answer the rule is given is held whole
        to the domain's published schema (``contract``; a print, asked otherwise, is not such an answer)."""
        actual = compared if callable(compared) else picked(self.part, *((compared,) if isinstance(
            compared, str) else compared))
        contract = self.slug if options.get("ask") is None else None
        return Rule(name, title if title is not None else self._text(name), drawn, oracle, actual, examples,
                    **{"needs_records": self.needs_records, "contract": contract, **options})

    def dated(self, name: str, drawn: Drawn, oracle: Oracle, compared: str | tuple[str, ...] | Actual,
              examples: tuple[Scenario, ...], title: str | None = None, **options: Any) -> Rule:
        """A :meth:`rule` about a 資格's days: every person, drawn or worked example, asked on an ``as_of``
        (:func:`on_year_end`), so that the oracle can allow a day after it as not yet (``readings.not_yet``)."""

        def asked(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
            return drawn(codes).map(on_year_end)

        return self.rule(name, asked, oracle, compared, tuple(map(on_year_end, examples)), title, **options)

    def family(self, oracle: Oracle, compared: str | tuple[str, ...] | Actual,
               *members: tuple[str, Drawn, tuple[Scenario, ...]], **options: Any) -> tuple[Rule, ...]:
        """Rules of one ``oracle`` and the same fields ``compared``, told apart only by their persons: each member
        ``(name, drawn, examples)`` one :meth:`rule` (the provisions that pick the answer among the same cases,
        e.g. the 号 of one article each naming whose 市町村 decides), each with the same ``options``."""
        return tuple(self.rule(name, drawn, oracle, compared, examples, **options) for name, drawn, examples in members)

    def record(self, items: Mapping[str, str | int | date | None]) -> tuple[tuple[str, str, str], ...]:
        """A person's record of the domain's part (sent to ``targets.load.records_path``) holding ``items``: a day
        as ISO 8601, a number as its digits, an item given as None left out (not given)."""
        return tuple((self.part, item, value.isoformat() if isinstance(value, date) else str(value))
                     for item, value in items.items() if value is not None)

    def title(self, name: str) -> str:
        """The English text of rule ``name`` in the folder's ``texts.yaml`` (its title in findings): for a rule of
        the domain's own shape (a driver's rule) that is not a :class:`Rule`."""
        return self._text(name)

    def _text(self, name: str) -> str:
        text = domain_texts(self.slug).rules.get(name)
        if text is None:
            raise SpecError([f"{DOMAINS_DIR / self.slug / TEXTS_FILE}: rules.{name}: no text for the rule {name}"])
        return text.en


#: What a rule draws: a :class:`Scenario`, or a case of a domain's own shape (an application through a driver).
Case = TypeVar("Case")


def drawn_with(strategy: Callable[..., st.SearchStrategy[Case]], *args: Hashable,
               ) -> Callable[[tuple[str, str]], st.SearchStrategy[Case]]:
    """The persons ``strategy`` draws with ``args`` after the codes: rules of one family drawn one way and told
    apart by a constant of their provisions (a 項, a 年度区分, a 基準), without a function written for each (a
    domain's own cases too: 子ども・子育て支援's applications)."""

    def drawn(codes: tuple[str, str]) -> st.SearchStrategy[Case]:
        return strategy(codes, *args)

    return drawn


#: The names a 資格's first and last days take in the per-person answers (介護, 後期, 国民年金; 国保).
QUALIFICATION_DAYS = ("資格取得日", "資格喪失日", "取得日", "喪失日")


def on_as_of(s: Scenario, shown: Projection, fields: tuple[str, ...] = QUALIFICATION_DAYS) -> Projection:
    """A 資格's days (``fields`` of ``shown``) as an answer about the person's ``as_of`` may give them: one after it
    also as null (not yet: a 資格 not begun, a 喪失 not happened; :func:`conformance.oracles.readings.not_yet`, as the
    cross-domain machine reads them); unchanged for a person asked without one."""
    return shown if s.as_of is None else not_yet(shown, fields, s.as_of)


def on_year_end(scenario: Scenario) -> Scenario:
    """``scenario`` asked on an ``as_of``: its own, else its 年度's last day.

    Why (issue 65): a person asked without ``as_of`` is answered as of the vendor's today, which the harness does
    not know, and the published contract sends ``as_of`` whenever a field depends on the day. A rule about a 資格's
    days asks on the 年度's last day, so a day after it may be answered as not yet (null) under every reading
    (``readings.not_yet``), whatever the vendor's clock says; ``readings.year_view`` already allows such a day to
    be left out of the 年度's answer, so no verdict a day within the 年度 gets changes."""
    return scenario if scenario.as_of is not None else replace(scenario, as_of=date(scenario.fiscal_year + 1, 3, 31))


def rule_checks(rules: Iterable[Rule]) -> tuple[CheckFunction, ...]:
    """Each rule's check, named ``scenario.<rule name>``: a domain module that sets ``RULE_CHECKS`` to them has them
    registered with its other checks (``registry.module_checks``)."""
    return tuple(check(f"scenario.{rule.name}")(rule_check(rule)) for rule in rules)


def proviso_check(rule: Rule, displaced: Actual, proviso: str | None = None) -> CheckFunction:
    """The check function of a 本文 whose ただし書 (the 項's sentence 2, optional: ``…-O002``) lets the municipality
    depart from it (「これと異なる納期を定めることができる」), to be registered with ``check`` under the 本文's rule's
    name: a product that does not declare the ただし書 is judged by the 本文's ``rule`` alone (issue 66: what departs
    from the 本文 is the ただし書's, which it does not claim); one that declares it is read by ``displaced``.
    ``proviso`` names the optional requirement by its section and tail (``1.463.18.3.0-O001``) where the departure is
    another 項's (「第一項の規定にかかわらず」) rather than the 本文's own sentence 2."""

    def checked(ctx: CheckContext) -> Iterator[Finding]:
        edition = ctx.requirement.id.rsplit("-", 2)[0]
        declared = target_of(ctx).declares(f"{edition}-{proviso}" if proviso is not None
                                           else ctx.requirement.id.rsplit("-", 1)[0] + "-O002")
        return run_rule(ctx, replace(rule, actual=displaced) if declared else rule)

    checked.__doc__ = f"Scenario check of {rule.title} (its ただし書 read where the profile declares it)."
    return checked


def agreement_check(rule: Rule, parts: str) -> CheckFunction:
    """The check function of a rule comparing the parts of one answer of two domains (issue 66 item 4: e.g. the 国保
    and 介護保険 parts), to be registered with ``check``: NOT_AUTOMATED unless the profile claims every domain the rule
    needs (its folder's and its ``needs`` in texts.yaml: :func:`check_domains`, which the plan reads too, so that a
    shipped binding of a profile not claiming one leaves the check out and never reaches this guard); ``parts``
    names both parts in the reason."""
    name = f"scenario.{rule.name}"

    def checked(ctx: CheckContext) -> Iterator[Finding]:
        target = target_of(ctx)
        unclaimed = sorted(domain for domain in check_domains()[name] if not target.claims(domain))
        if unclaimed:
            named = ", ".join(f"{domain_name(domain)} ({domain})" for domain in unclaimed)
            raise NotAutomated(f"the profile does not claim {named}: the agreement of the answer's {parts} parts is "
                               "judged only for a vendor that claims both domains")
        yield from run_rule(ctx, rule)

    checked.__doc__ = f"Scenario check of {rule.title} (the parts of one answer agreeing; both domains claimed)."
    return checked


#: A rule of a domain's own shape (a driver's rule: conformance/domains/kodomo_kosodate/checks.py).
DriverRule = TypeVar("DriverRule")


def driver_base_path(target: Target, label: str, operations: Iterable[str], note: str = "") -> str:
    """The base path of the profile's driver adapter for a check that sends ``operations`` (a statute domain whose
    events the 住民記録 does not hold: an application, a 届出), or NotAutomated naming what the profile leaves out
    (``label``: the domain's or section's name in the reason; ``note`` added to the reason of missing operations),
    never a silent pass (docs/driver.md)."""
    driver = target.driver
    if driver is None:
        raise NotAutomated(f"{label}: the profile declares no driver adapter (targets.driver)")
    missing = [operation for operation in operations if not driver.implements(operation)]
    if missing:
        raise NotAutomated(f"{label} needs driver operation(s) the profile does not declare "
                           f"(targets.driver.operations): {', '.join(missing)}{note}")
    return driver.base_path


def append_path(target: Target) -> str:
    """Where generated residents are appended (``targets.load.append_path``), or NotAutomated saying why none."""
    if target.append_path is None:
        raise NotAutomated("the profile names no targets.load.append_path: generated residents cannot be added "
                           "(no per-person load is offered)")
    return target.append_path


def posted_object(client: HttpClient, url: str, body: Mapping[str, Any]) -> Mapping[str, Any]:
    """POST ``body`` to a driver operation at ``url``; its answer, a JSON object, or a TargetError naming the
    request (another status than 200, or an answer that is no object: the rule cannot be judged on it)."""
    return json_object(client.request("post", url, json=body), f"POST {url}")


def driver_rule_check(run: Callable[[CheckContext, DriverRule], Iterator[Finding]], rule: DriverRule,
                      title: str) -> CheckFunction:
    """The check function of one rule of a domain's own shape, run by ``run`` (to be registered with ``check``)."""

    def checked(ctx: CheckContext) -> Iterator[Finding]:
        return run(ctx, rule)

    checked.__doc__ = f"Scenario check of {title} (vendor's driver against the domain's oracle)."
    return checked


class NamedRule(Protocol):
    """A rule of a domain's own shape as :func:`own_rule_checks` registers it: its ``name`` (the check is
    ``scenario.<name>``) and its ``title`` (naming the provision)."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...


#: A rule of a domain's own shape with its name and title.
OwnRule = TypeVar("OwnRule", bound=NamedRule)


def own_rule_checks(run: Callable[[CheckContext, OwnRule], Iterator[Finding]], rules: Iterable[OwnRule],
                    doc: str = "Scenario check of {title} (vendor against the domain's oracle).",
                    ) -> tuple[CheckFunction, ...]:
    """Each rule's check, named ``scenario.<rule name>`` and run by ``run`` (a domain whose rules are asked through a
    driver operation, or need what the profile may leave out before :func:`~conformance.checks.scenarios.run_rule`
    can run them): the ``RULE_CHECKS`` of such a domain in one statement, as :func:`rule_checks` for the others.
    ``doc`` is each check's docstring, ``{title}`` the rule's title."""
    checks = []
    for rule in rules:
        function = driver_rule_check(run, rule, rule.title)
        function.__doc__ = doc.format(title=rule.title)
        checks.append(check(f"scenario.{rule.name}")(function))
    return tuple(checks)
