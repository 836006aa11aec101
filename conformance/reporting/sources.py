"""Where a requirement comes from, for readers: chapter titles and a link to the source section.

The data is ``sources.json`` beside this module, per ``domain/edition``: the titles of the
specification's top-level chapters (Japanese, English) and a URL pattern of the published source
section, filled with the requirement's ``source.file``. It is shipped inside the package because
the source texts (``spec_sources/``) are not part of an installed wheel; a test checks it against
``spec_sources/<edition>/index.md``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from conformance.catalog.models import STATUTE_LABEL, Requirement


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("conformance.reporting").joinpath("sources.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def section_of_id(requirement_id: str) -> str:
    """The source section a requirement id names (``jumin-1.0-3.4-R001`` -> ``3.4``; docs/catalog-ids.md)."""
    parts = requirement_id.split("-")
    return parts[2] if len(parts) == 4 else ""


def chapter_of(section: str) -> str:
    """The top-level chapter number of a section (``3.4`` -> ``3``)."""
    return section.split(".", 1)[0] if section else ""


def chapter_of_id(requirement_id: str) -> str:
    """The chapter a requirement id belongs to: the top-level number of its section, or, for an
    edition whose sections are numeric ids without dots (kyotsu 2.1: データ項目ID ``03100001``,
    機能ID ``0310001``), their first ``chapter_digits`` digits (``031``, the 業務ID of
    住登外宛名番号管理; the names are those of the 業務ID list, ``data/gyomu_ids.csv``)."""
    parts = requirement_id.split("-")
    section = section_of_id(requirement_id)
    digits = _data().get(f"{parts[0]}/{parts[1]}", {}).get("chapter_digits") if len(parts) == 4 else None
    if digits and section.isdigit():
        return section[: int(digits)]
    return chapter_of(section)


def document_titles(domain: str, edition: str, document: str) -> tuple[str, str]:
    """The specification's name in Japanese and English (the English page never shows a Japanese
    name alone); ``document`` itself in both when the edition has no entry."""
    known = _data().get(f"{domain}/{edition}", {}).get("document")
    if known:
        return str(known[0]), str(known[1])
    statute = f"（{STATUTE_LABEL[0]}）"
    if document.endswith(statute):  # a statute edition: its laws' names, and what it is in English
        laws = document.removesuffix(statute)
        return document, Markup('<span lang="ja">{}</span> ({})').format(laws, STATUTE_LABEL[1])
    return document, document


def chapter_titles(domain: str, edition: str, chapter: str) -> tuple[str, str]:
    """The chapter's title in Japanese and English; ``第N章`` / ``Chapter N`` when unknown."""
    known = _data().get(f"{domain}/{edition}", {}).get("chapters", {}).get(chapter)
    if known:
        return str(known[0]), str(known[1])
    return f"第{chapter}章", f"Chapter {chapter}"


def section_url(domain: str, edition: str, requirement: Requirement) -> str | None:
    """The URL of the published source section of a requirement, when the edition has one."""
    pattern = _data().get(f"{domain}/{edition}", {}).get("section_url")
    if not pattern or not requirement.source.file:
        return None
    return str(pattern).format(file=requirement.source.file)
