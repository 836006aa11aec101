"""``report.html``: one self-contained page (no external files), in Japanese with an English switch.

Read by a municipal officer first, in the order they ask (docs/reports.md): the verdict with the
run's scope, error and problems; the coverage; the findings (grouped by code); the fit&gap table
as verified; attestations and waivers; the traceability matrix by chapter. Every text comes from
:mod:`conformance.reporting.i18n` in both languages; the page shows one. Everything from the
vendor is escaped by Jinja2's autoescape, a Content-Security-Policy forbids loading anything and
allows only the page's own script (by its hash), and personal data was masked before the results
reached the page (by the checks, then by :mod:`conformance.masking`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from conformance.carry import carried, json_carried
from conformance.catalog.models import (
    DUTY_LABELS,
    STATUTE_LABEL,
    FileInterface,
    FunctionCheck,
    ManualCheck,
    Requirement,
)
from conformance.fonts import font_face_css
from conformance.reporting import i18n
from conformance.reporting.charts import STATUS_COLOURS, rate_bar, stacked_bar
from conformance.reporting.fitgap import fit_gap, parse_id, totals
from conformance.reporting.sources import chapter_of_id, chapter_titles, document_titles, section_of_id, section_url
from conformance.results import UNBOUND, declared_languages

#: Findings listed per requirement; the rest are counted (all are in results.json).
FINDINGS_SHOWN = 50
#: Examples shown per group of identical findings before the "show more" disclosure.
EXAMPLES_SHOWN = 3
#: Recorded exchanges listed per requirement before the "show more" disclosure.
EXCHANGES_SHOWN = 10
#: States whose requirements get a findings section, in the order the section lists them.
_FINDING_STATES = ("FAIL", "ERROR", "WAIVED")
#: The order of states in charts, tables and the filter (ATTESTED: MANUAL with an attestation).
DISPLAY_STATES = ("PASS", "WAIVED", "ATTESTED", "FAIL", "ERROR", "MANUAL", "NOT_AUTOMATED", "NOT_APPLICABLE",
                  "NOT_SELECTED")
#: Coverage parts: results.json key, label key, colour.
_COVERAGE = (
    ("automated", "automated", "#2f5d8a"),
    ("attested", "attested", STATUS_COLOURS["ATTESTED"]),
    ("manual", "manual", STATUS_COLOURS["MANUAL"]),
    ("not_automated", "not_automated", STATUS_COLOURS["NOT_AUTOMATED"]),
    ("not_applicable", "not_applicable", STATUS_COLOURS["NOT_APPLICABLE"]),
    ("not_selected", "not_selected", "#ffffff"),
)

#: The page's only script: the language switch (kept in the URL as #en / #ja), the search box and
#: the state filter, and details opened for printing. Allowed by its hash in the CSP.
SCRIPT = """
(function () {
  function setLanguage(lang) {
    document.body.classList.toggle('english', lang === 'en');
    document.documentElement.lang = lang;
    var options = document.querySelectorAll('option[data-' + lang + ']');
    for (var i = 0; i < options.length; i++) { options[i].textContent = options[i].getAttribute('data-' + lang); }
    try { history.replaceState(null, '', lang === 'en' ? '#en' : '#ja'); } catch (e) {}
  }
  document.getElementById('language').addEventListener('click', function () {
    setLanguage(document.body.classList.contains('english') ? 'ja' : 'en');
  });
  if (location.hash === '#en') { setLanguage('en'); }
  if (location.hash === '#appendix') { document.body.classList.add('appendix'); }
  document.getElementById('print-appendix').addEventListener('click', function () {
    document.body.classList.add('appendix');
    window.print();
  });

  var search = document.getElementById('search');
  var filter = document.getElementById('state-filter');
  function apply() {
    var query = search.value.trim().toLowerCase();
    var wanted = filter.value;
    var matches = 0;
    var items = document.querySelectorAll('[data-search]');
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var hit = query === '' || item.textContent.toLowerCase().indexOf(query) >= 0;
      if (item.tagName === 'TR' && wanted !== '') { hit = hit && item.getAttribute('data-state') === wanted; }
      item.hidden = !hit;
      if (hit && (query !== '' || wanted !== '')) { matches++; }
    }
    var chapters = document.querySelectorAll('details.chapter');
    for (var j = 0; j < chapters.length; j++) {
      var visible = chapters[j].querySelectorAll('tr[data-search]:not([hidden])').length;
      chapters[j].hidden = visible === 0;
      if (query !== '' || wanted !== '') { chapters[j].open = visible > 0; }
    }
    var out = document.getElementById('search-count');
    var lang = document.body.classList.contains('english') ? 'en' : 'ja';
    out.textContent = query === '' && wanted === '' ? '' : out.getAttribute('data-' + lang).replace('{n}', matches);
  }
  search.addEventListener('input', apply);
  filter.addEventListener('change', apply);

  var opened = [];
  window.addEventListener('beforeprint', function () {
    var closed = document.querySelectorAll('details:not([open])');
    for (var k = 0; k < closed.length; k++) { closed[k].open = true; opened.push(closed[k]); }
  });
  window.addEventListener('afterprint', function () {
    while (opened.length) { opened.pop().open = false; }
    if (location.hash !== '#appendix') { document.body.classList.remove('appendix'); }
  });
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    """The CSP source that allows ``script`` (and nothing else) to run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _carried_value(value: Any) -> Any:
    """A template value with the characters a page should not carry (control, bidi, lone surrogates)
    shown as escapes; markup the report built stays markup (the escapes add no HTML syntax)."""
    if isinstance(value, Markup):
        return Markup(carried(str(value)))
    return carried(value) if isinstance(value, str) else value


@functools.cache
def environment() -> Environment:
    """The templates of the package, autoescaped: one environment a process, so that each template is
    compiled once (about 60 ms for the report's)."""
    built = Environment(
        loader=PackageLoader("conformance.reporting", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=_carried_value,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    built.filters["terms"] = terms
    built.filters["identifiers"] = identifiers
    built.filters["system"] = system
    return built


def system(domain: str) -> Markup:
    """A system by its 業務's name (住民基本台帳), marked Japanese, with its slug for a machine (issue 69: the
    header and the Fit&Gap showed slugs)."""
    from conformance.catalog.domains import domain_name

    return Markup('<span lang="ja" data-domain="{}">{}</span>').format(domain, domain_name(domain))


# -- the view model ---------------------------------------------------------------------------------


@dataclass
class FindingGroup:
    """Identical findings of one requirement: one code, its text, a count and the examples."""

    code: str
    text: i18n.Text
    findings: list[Mapping[str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many findings of this code the requirement has."""
        return len(self.findings)


@dataclass
class Chapter:
    """One chapter of the traceability matrix."""

    domain: str
    edition: str
    number: str
    title: i18n.Text
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The chapter's anchor: ``jumin-1.0-3``."""
        return f"{self.domain}-{self.edition}-{self.number}"

    def counts(self) -> list[tuple[str, int]]:
        """Rows per display state, in the page's order, only the states present."""
        found = [row["state"] for row in self.rows]
        return [(state, found.count(state)) for state in DISPLAY_STATES if state in found]


def _checks(requirement: Requirement | None) -> list[dict[str, Any]]:
    """How a requirement is verified: its check functions (with their description), or the manual
    evidence it needs."""
    if requirement is None:
        return []
    shown: list[dict[str, Any]] = []
    for check in requirement.checks:
        if isinstance(check, FunctionCheck):
            shown.append({"kind": "check", "name": check.name, "text": i18n.check_text(check.name)})
        elif isinstance(check, ManualCheck):
            shown.append({"kind": "manual", "name": check.evidence, "text": split_languages(check.evidence)})
    return shown


def split_languages(text: str) -> i18n.Text:
    """``"日本語 / English"`` (the catalog's bilingual notes) as a pair; a text without the
    separator is the catalog's Japanese in both, marked as Japanese on the English page."""
    ja, separator, en = text.partition(" / ")
    return (ja.strip(), en.strip()) if separator else (text, in_japanese(text))


def in_japanese(text: str) -> Markup:
    """``text`` (the catalog's, a law's name: Japanese that has no English) marked as Japanese."""
    return Markup('<span lang="ja">{}</span>').format(text)


#: A run of Japanese (kana, kanji, full-width forms) inside an English text.
_JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]+")


def terms(text: str) -> Markup:
    """An English text of a check or finding (texts.yaml) with the law's terms it keeps in Japanese
    (世帯, 被保険者, 第6条第9号) marked as Japanese: they are the law's words, which an English reader
    looks up as they are."""
    escaped = str(escape(text))
    return Markup(_JAPANESE_RUN.sub(lambda m: f'<span lang="ja">{m.group()}</span>', escaped))


#: An identifier of the profile or the catalog inside a Japanese text (absent_columns, residents_csv).
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]")


def identifiers(text: str) -> Markup:
    """A Japanese text with the identifiers it names (a profile key, a layout, a rule family) as code: they
    are typed as they are, in either language."""
    escaped = str(escape(text))
    return Markup(_IDENTIFIER.sub(lambda m: f"<code>{m.group()}</code>", escaped))


def display_state(result: Mapping[str, Any]) -> str:
    """The state shown: MANUAL with an accepted attestation is shown as ATTESTED."""
    status = str(result["status"])
    return "ATTESTED" if status == "MANUAL" and result.get("attestation") else status


def _state_reason(result: Mapping[str, Any], waivers: Mapping[str, Mapping[str, Any]]) -> i18n.Text | None:
    """Why the requirement is in its state, in both languages (the run's English ``reason`` is
    free text and is shown on the English page only)."""
    status = str(result["status"])
    if status == "FAIL":
        return i18n.count(len(result.get("findings") or ()), "findings")
    if status == "WAIVED" and result["requirement"] in waivers:
        waiver = waivers[result["requirement"]]
        ja, en = i18n.STATE_REASONS["WAIVED"]
        reason = waiver.get("reason", "")  # the profile's words: data in either language
        return (Markup('{}（<span class="data">{}</span>）').format(ja, reason),
                Markup('{} (<span class="data">{}</span>)').format(en, reason))
    if status == "NOT_APPLICABLE":
        reason = str(result.get("reason") or "")
        declared = declared_languages(reason)
        if declared is not None:
            return declared
        if str(result.get("duty") or "") == "outside" and " / " in reason:
            return split_languages(reason)  # the reading of duties.yaml, not an undeclared option
    return named_gap(result) or i18n.STATE_REASONS.get(status)


def named_gap(result: Mapping[str, Any]) -> i18n.Text | None:
    """A NOT_AUTOMATED requirement's reason from the catalog (not_automated.yaml: Japanese, ours), in both languages;
    None for any other state or reason."""
    reason = str(result.get("reason") or "")
    if str(result["status"]) != "NOT_AUTOMATED" or not reason.startswith(UNBOUND + ": "):
        return None
    named = reason[len(UNBOUND) + 2:]
    ja, en = i18n.STATE_REASONS["NOT_AUTOMATED"]
    return (Markup('{}（ハーネスの解釈: <span class="data">{}</span>）').format(ja, named),
            Markup('{} (the harness\'s reading: <span class="data" lang="ja">{}</span>)').format(en, named))


def _group(findings: Iterable[Mapping[str, Any]]) -> list[FindingGroup]:
    """Findings grouped by code, in the order codes first appear."""
    groups: dict[str, FindingGroup] = {}
    for finding in findings:
        code = str(finding.get("code", ""))
        if code not in groups:
            groups[code] = FindingGroup(code, i18n.finding_text(code))
        groups[code].findings.append(finding)
    return list(groups.values())


def _row(result: Mapping[str, Any], requirement: Requirement | None,
         waivers: Mapping[str, Mapping[str, Any]], unconfirmed: Collection[str] = ()) -> dict[str, Any]:
    rid = str(result["requirement"])
    domain, edition = str(result["domain"]), str(result["edition"])
    duty = requirement.duty if requirement else str(result.get("duty") or "system")
    return {
        **result,
        "state": display_state(result),
        "text": requirement.text if requirement else "",
        "section": requirement.source.section if requirement else section_of_id(rid),
        "title": requirement.source.title if requirement else "",
        "url": section_url(domain, edition, requirement) if requirement else None,
        "checks": _checks(requirement),
        "state_reason": _state_reason(result, waivers),
        "named_gap": named_gap(result),
        # What the profile declares not to apply (a column declared absent): said beside the state.
        "declared": declared_languages(str(result.get("reason") or "")),
        "groups": _group(result.get("findings") or ()),
        "exchanges": [e for e in result.get("exchanges") or () if isinstance(e, Mapping)],
        "chapter": (domain, edition, chapter_of_id(rid) or "-"),
        "law": requirement.provision.law if requirement and requirement.provision else None,
        "duty": duty,
        "duty_label": DUTY_LABELS.get(duty, (duty, duty)),
        "duty_reason": requirement.duty_reason if requirement else None,
        "unconfirmed_layouts": _unconfirmed_layouts(requirement, unconfirmed),
    }


def _unconfirmed_layouts(requirement: Requirement | None, unconfirmed: Collection[str]) -> list[str]:
    """The layouts of ours, unconfirmed, that the requirement's file checks judge by: its findings
    rest on our reading of them (the report marks them)."""
    if requirement is None:
        return []
    return sorted({str(c.params["layout"]) for c in requirement.checks
                   if isinstance(c, FunctionCheck) and c.params.get("layout") in unconfirmed})


def _not_selected_rows(ids: Iterable[str], requirements: Mapping[str, Requirement]) -> list[dict[str, Any]]:
    """Claimed requirements the run left out, as rows of the traceability matrix."""
    rows = []
    for rid in ids:
        domain, edition, level = parse_id(rid)
        result = {"requirement": rid, "domain": domain, "edition": edition, "level": level,
                  "status": "NOT_SELECTED", "reason": "", "findings": [], "exchanges": []}
        rows.append(_row(result, requirements.get(rid), {}))
    return rows


def _chapters(rows: Iterable[dict[str, Any]]) -> list[Chapter]:
    chapters: dict[tuple[str, str, str], Chapter] = {}
    for row in rows:
        key = row["chapter"]
        if key not in chapters:
            domain, edition, number = key
            title = statute_chapter_title(row["law"]) if row.get("law") else chapter_titles(domain, edition, number)
            chapters[key] = Chapter(domain, edition, number, title)
        chapters[key].rows.append(row)
    return list(chapters.values())


#: The groups of "what to do next", in the order an officer works through them.
NEXT_STEP_STATES = ("FAIL", "ERROR", "MANUAL", "NOT_AUTOMATED", "NOT_SELECTED")


@dataclass
class NextStep:
    """The requirements of one state that are not verified yet, and what to do about them."""

    state: str
    rows: list[dict[str, Any]]

    def chapters(self) -> list[tuple[str, i18n.Text, int]]:
        """``(chapter, title, count)`` of the step's requirements, in the order they come."""
        counted: dict[tuple[str, str, str], int] = {}
        for row in self.rows:
            counted[row["chapter"]] = counted.get(row["chapter"], 0) + 1
        return [(f"{domain} {edition} · {number}", chapter_titles(domain, edition, number), n)
                for (domain, edition, number), n in counted.items()]


def _next_steps(rows: Iterable[dict[str, Any]]) -> list[NextStep]:
    """What remains before a final verdict, per state (MANUAL: not attested), only the states present."""
    listed = list(rows)
    steps = [NextStep(state, [row for row in listed if row["state"] == state]) for state in NEXT_STEP_STATES]
    return [step for step in steps if step.rows]


def statute_chapter_title(law: str) -> i18n.Text:
    """A statute edition's chapter is one law: named with the edition's label, so no reader takes the
    law's text for the 標準仕様書."""
    return f"{law}（{STATUTE_LABEL[0]}）", Markup("{} ({})").format(in_japanese(law), STATUTE_LABEL[1])


def _selection(scope: Mapping[str, Any]) -> list[tuple[i18n.Text, str]]:
    """The scope's selection as ``(key in both languages, value)`` (values are data: shown as given)."""
    selection = scope.get("selection") or {}
    if not isinstance(selection, Mapping):
        return [(i18n.selection_key("selection"), str(selection))]
    return [(i18n.selection_key(str(k)), v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
            for k, v in selection.items() if v not in (None, False, "", [], {})]


def _charts(document: Mapping[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The two charts, once per language, with the numbers they draw."""
    coverage = document.get("coverage") or {}
    cover = [(key, label, int(coverage.get(key, 0) or 0), colour) for key, label, colour in _COVERAGE]
    states = [row["state"] for row in rows]
    by_state = [(state, states.count(state)) for state in DISPLAY_STATES if state != "NOT_SELECTED"]
    charts: dict[str, Any] = {"coverage_parts": cover, "states": by_state}
    for index, lang in enumerate(("ja", "en")):
        charts[f"coverage_{lang}"] = stacked_bar(
            [(i18n.label(label)[index], count, colour) for _, label, count, colour in cover],
            title=i18n.label("coverage_chart")[index])
        charts[f"states_{lang}"] = stacked_bar(
            [(i18n.STATES[state][index], count, STATUS_COLOURS[state]) for state, count in by_state],
            title=i18n.label("state_chart")[index])
    return charts


def _shared_errors(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """ERROR requirements without findings that share one reason, apart (``{"reason", "rows"}``):
    a broken target gives many requirements the same error, which the page says once."""
    by_reason: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["status"] == "ERROR" and not row["findings"]:
            by_reason.setdefault(str(row.get("reason", "")), []).append(row)
    shared = {reason: listed for reason, listed in by_reason.items() if len(listed) > 1}
    alone = [r for r in rows
             if not (r["status"] == "ERROR" and not r["findings"] and str(r.get("reason", "")) in shared)]
    return alone, [{"reason": reason, "rows": listed} for reason, listed in shared.items()]


def problem_texts(problem: str) -> tuple[Markup, str] | None:
    """A run problem in Japanese (its values escaped, as ``<code>``) and English, when the
    catalog knows its shape (:func:`conformance.reporting.i18n.problem_text`)."""
    known = i18n.problem_text(problem, value=lambda v: f"<code>{escape(v)}</code>")
    return (Markup(known[0]), known[1]) if known is not None else None  # the values are escaped


def _anchor_exchanges(rows: Iterable[dict[str, Any]]) -> None:
    """Mark the first listing of each exchange as its anchor (``id="exchange-<id>"``): an exchange
    that served several requirements (``reused``) is listed under each, and linked to the first."""
    seen: set[str] = set()
    for row in rows:
        listed = []
        for exchange in row["exchanges"]:
            key = str(exchange.get("id", ""))
            listed.append({**exchange, "anchor": key not in seen})
            seen.add(key)
        row["exchanges"] = listed


def render_report(document: Mapping[str, Any], requirements: Mapping[str, Requirement],
                  unconfirmed_layouts: Collection[str] = ()) -> str:
    """The page for one ``results.json`` document (``requirements`` give the source texts;
    ``unconfirmed_layouts`` the ids of the file layouts that are ours, unconfirmed)."""
    waivers = {str(w["requirement"]): w for w in document.get("waivers") or () if isinstance(w, Mapping)}
    rows = [_row(r, requirements.get(str(r["requirement"])), waivers, unconfirmed_layouts)
            for r in document["results"]]
    scope = document.get("scope") or {}
    not_selected = [str(rid) for rid in scope.get("not_selected") or ()]
    groups = fit_gap(document["results"], not_selected)
    listed = [r for r in rows if r["status"] in _FINDING_STATES or r["findings"]]
    listed.sort(key=lambda r: _FINDING_STATES.index(r["status"]) if r["status"] in _FINDING_STATES else 3)
    findings, error_groups = _shared_errors(listed)
    _anchor_exchanges(findings)
    every_row = [*rows, *_not_selected_rows(not_selected, requirements)]
    template = environment().get_template("report.html.j2")
    return with_font(template.render(
        doc=document,
        verdict=str(document.get("verdict", "")),
        scope=scope,
        selection=_selection(scope),
        rows=rows,
        findings=findings,
        error_groups=error_groups,
        exchanges_shown=EXCHANGES_SHOWN,
        attested=[r for r in rows if r["state"] == "ATTESTED"],
        findings_total=sum(len(r["findings"]) for r in rows),
        findings_shown=FINDINGS_SHOWN,
        examples_shown=EXAMPLES_SHOWN,
        fitgap=groups,
        fitgap_total=totals(groups),
        chapters=_chapters(every_row),
        next_steps=_next_steps(every_row),
        charts=_charts(document, rows),
        rate_bar=rate_bar,
        waiver_states={r["requirement"]: r["state"] for r in rows},
        colours=STATUS_COLOURS,
        display_states=DISPLAY_STATES,
        t=i18n,
        problem_texts=problem_texts,
        document_titles=document_titles,
        script=SCRIPT,
        script_hash=script_hash(),
    ))


def write_report(path: Path, document: Mapping[str, Any], requirements: Mapping[str, Requirement],
                 unconfirmed_layouts: Collection[str] = ()) -> None:
    """Render and write atomically."""
    write_text_atomic(path, render_report(document, requirements, unconfirmed_layouts))


def unconfirmed_layouts(interfaces: Iterable[object]) -> frozenset[str]:
    """The ids of the file layouts among ``interfaces`` whose provenance is unconfirmed (ours)."""
    return frozenset(i.id for i in interfaces if isinstance(i, FileInterface) and not i.provenance.confirmed)


#: Where a page's ``@font-face`` goes once its characters are known: the first line of its style
#: (``_style.css.j2``), so before any text a run or a vendor put in the page.
FONT_SLOT = "/* @font-face of the page's characters */"


def with_font(page: str) -> str:
    """``page`` carrying the subset of the project's font for its own characters and the usual ones (a reader's
    machine without a Japanese font shows Japanese, not boxes: :func:`conformance.fonts.font_face_css`)."""
    return page.replace(FONT_SLOT, font_face_css(page, usual_characters()), 1)


@functools.cache
def usual_characters() -> frozenset[str]:
    """The characters other than ASCII of the bundled catalog and of the harness's own texts, templates and
    messages (about 1,460; a third of a second to read, once a process): what a report's page nearly always
    holds, beside the vendor's values it shows (masked) and a catalog given with ``--catalog``."""
    import conformance
    from conformance.locations import default_catalog_root

    sources = [(default_catalog_root(), ("*.yaml",)), (Path(conformance.__file__).parent, ("*.yaml", "*.j2", "*.py"))]
    found: set[str] = set()
    for root, patterns in sources:
        for pattern in patterns:
            for path in sorted(root.rglob(pattern)):
                found.update(path.read_text("utf-8"))
    return frozenset(char for char in found if ord(char) > 0x7F)


def write_text_atomic(path: Path, text: str) -> None:
    """``text`` at ``path``, whole or absent (a temporary name beside it, then renamed)."""
    from conformance.inputs import write_private

    write_private(path, json_carried(text).encode("utf-8"))  # a surrogate in a page's JSON data
