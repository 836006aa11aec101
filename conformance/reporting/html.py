"""``report.html``: one self-contained page (no external files), in Japanese with an English switch.

Everything from the vendor is escaped by Jinja2's autoescape; personal data was masked by the
checks before it reached a finding.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from conformance.spec.models import Requirement

#: Labels of the result states, Japanese and English.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "PASS": ("適合", "Pass"),
    "FAIL": ("不適合", "Fail"),
    "ERROR": ("判定不能（エラー）", "Error"),
    "WAIVED": ("免除", "Waived"),
    "NOT_APPLICABLE": ("対象外", "Not applicable"),
    "MANUAL": ("目視確認", "Manual"),
    "NOT_AUTOMATED": ("未自動化", "Not automated"),
}
LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "required": ("実装すべき機能", "Required"),
    "optional": ("実装してもしなくても良い機能", "Optional"),
    "prohibited": ("実装しない機能", "Prohibited"),
}


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("conformance.reporting", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _rows(document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> list[dict[str, Any]]:
    rows = []
    for result in document["results"]:
        requirement = requirements.get(result["requirement"])
        rows.append({
            **result,
            "text": requirement.text if requirement else "",
            "section": f"{requirement.source.section} {requirement.source.title}" if requirement else "",
        })
    return rows


def _by_section(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per top-level chapter: requirements and their states (a first fit&gap view)."""
    groups: dict[str, Counter[str]] = {}
    for row in rows:
        chapter = row["section"].split(".")[0] if row["section"] else "-"
        groups.setdefault(chapter, Counter())[row["status"]] += 1
    return [{"chapter": chapter, "counts": counts, "total": sum(counts.values())} for chapter, counts in groups.items()]


def render_report(document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> str:
    """The page for one ``results.json`` document."""
    rows = _rows(document, requirements)
    template = _environment().get_template("report.html.j2")
    return template.render(
        doc=document,
        rows=rows,
        failing=[r for r in rows if r["findings"] or r["status"] in ("FAIL", "ERROR")],
        sections=_by_section(rows),
        statuses=STATUS_LABELS,
        levels=LEVEL_LABELS,
    )


def write_report(path: Path, document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> None:
    """Render and write atomically."""
    text = render_report(document, requirements)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
