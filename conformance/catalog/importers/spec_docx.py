"""Importer of a 標準仕様書 in Word (docx), the layout of 共通機能標準仕様書【第2.1版】.

What it reads (docs/catalog-ids.md, "共通機能標準仕様書 第2.1版"):

- the title page: the document's name (the lines before 【第N.N版】), the edition, the month
  (令和5年（2023年）9月 -> 2023-09) and the publisher (the line after the month);
- section numbers, counted from the Word heading styles (Heading 1/2/3) as Word numbers them
  (the docx holds no numbers as text; the 新旧対照表 confirms the count: 2.1.7 is
  将来的なオンライン申請の在り方の検討);
- the 類型 table of §1 (類型1 実装必須機能, 類型2 実装不可機能, 類型3 標準オプション機能), which says
  how a 類型 maps to a level;
- every paragraph that names a 機能ID: a step of a business flow such as
  "⑫ 住登外者宛名番号付番（機能ID 0310001）", with the paragraphs after it up to the next empty
  paragraph as its text, verbatim;
- a table with a 機能ID column and a 類型 column, when the document has one (the 別紙1_機能要件 of a
  later distribution): it gives each 機能ID its level.

A function whose 類型 the document does not give is listed in ``functions.yaml`` with no level and
reported as unclassified: no requirement is made for it, and no level is guessed. 第2.1版's 本文
gives no function a 類型 (they are in 別紙1_機能要件, not among our sources), so all are reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from conformance.catalog.domains import domains
from conformance.catalog.importers.official import (
    EDITION_SCHEMA,
    Collector,
    Rendered,
    dump,
    generated_note,
    render_document,
    sha256,
)
from conformance.catalog.models import Edition, FunctionEntry, Level, Requirement, RequirementKind, Source, SourceFile
from conformance.errors import SpecError

TEMPLATE = "標準仕様書 docx"

#: The document names we know the domain of (the registry's slugs). A document not listed here
#: needs ``--domain``.
DOCUMENT_DOMAINS: dict[str, str] = {
    "地方公共団体情報システム共通機能標準仕様書": "kyotsu",
}

#: 類型 names of the §1 table -> level (DESIGN.md: 実装必須 / 標準オプション / 実装不可).
RUIKEI_LEVELS: dict[str, Level] = {
    "実装必須機能": Level.REQUIRED,
    "標準オプション機能": Level.OPTIONAL,
    "実装不可機能": Level.PROHIBITED,
}
LEVEL_LETTERS = {Level.REQUIRED: "R", Level.OPTIONAL: "O", Level.PROHIBITED: "P"}

_EDITION_LINE = re.compile(r"^【第(?P<edition>[0-9]+\.[0-9]+)版】$")
_MONTH_LINE = re.compile(r"^.*（(?P<year>[0-9]{4})年）(?P<month>[0-9]{1,2})月$")
_STEP = re.compile(r"^(?P<step>[\u2460-\u2473])\s*(?P<name>.+?)（機能\s?ID\s?(?P<id>[0-9]{7})）$")
_FUNCTION_ID_MENTION = re.compile(r"機能\s?ID")
_FLOW_HEADING = re.compile(r"^[(（][0-9]+[)）]\s*\S")
_HEADING_STYLE = re.compile(r"^Heading (?P<level>[1-9])$")


@dataclass(frozen=True)
class _Paragraph:
    index: int  # 1-based, among the body's paragraphs (python-docx Document.paragraphs)
    style: str
    text: str


@dataclass(frozen=True)
class _Mention:
    function_id: str
    name: str
    source: Source
    text: str


def is_spec_docx(path: Path) -> bool:
    """A Word document (the caller has checked the extension)."""
    return path.suffix.lower() == ".docx"


def parse(path: Path, domain: str | None = None) -> Rendered:
    """Read the docx at ``path`` and render edition.yaml, functions.yaml and, when the document
    classifies functions, requirements/functions.yaml."""
    import docx  # python-docx: imported here, the other commands do not need it

    document = docx.Document(str(path))
    paragraphs = [_Paragraph(i, p.style.name if p.style is not None else "", p.text)
                  for i, p in enumerate(document.paragraphs, start=1)]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    collect = Collector()
    edition = _edition(path, paragraphs, domain, collect)
    ruikei = _ruikei_table(path, tables, collect)
    levels = _function_levels(path, tables, ruikei, collect)
    mentions = _mentions(path, paragraphs, edition, collect)
    collect.raise_if_errors()
    assert edition is not None
    functions = _functions(mentions, levels)
    requirements = _requirements(edition, mentions, levels)
    for function in functions:
        if function.level is None:
            where = f"{path.name}: paragraph {function.mentions[0].paragraph}"
            collect.skip(where, f"機能ID {function.function_id} {function.name}: the document gives no 類型, so "
                         "no level; listed in functions.yaml without one, no requirement made")
    files = {"edition.yaml": _render_edition(path, edition),
             "functions.yaml": render_document(path, TEMPLATE, "functions", functions)}
    if requirements:
        files["requirements/functions.yaml"] = render_document(path, TEMPLATE, "requirements", requirements)
    counts = {"functions": len(functions), "mentions": len(mentions), "requirements": len(requirements),
              "unclassified functions": sum(1 for f in functions if f.level is None)}
    return Rendered(path, TEMPLATE, edition.domain, edition.edition, files, counts, tuple(collect.unclassified))


# -- title page -------------------------------------------------------------------------------------


def _edition(path: Path, paragraphs: list[_Paragraph], domain: str | None, collect: Collector) -> Edition | None:
    lines = [p for p in paragraphs if p.text.strip()][:8]
    at = next((i for i, p in enumerate(lines) if _EDITION_LINE.match(p.text.strip())), None)
    if at is None or at + 2 >= len(lines):
        collect.error(f"{path}: paragraph 1", "no title page: expected the document's name, then a line "
                      "like 【第2.1版】, the month like 令和5年（2023年）9月 and the publisher")
        return None
    name = "".join(p.text.strip() for p in lines[:at])
    match = _EDITION_LINE.match(lines[at].text.strip())
    month = _MONTH_LINE.match(lines[at + 1].text.strip())
    assert match is not None
    if month is None:
        collect.error(f"{path}: paragraph {lines[at + 1].index}",
                      f"{lines[at + 1].text!r} is not a month like 令和5年（2023年）9月")
        return None
    slug = domain or DOCUMENT_DOMAINS.get(name)
    registry = {d.slug: d for d in domains()}
    if slug not in registry:
        known = ", ".join(DOCUMENT_DOMAINS)
        collect.error(f"{path}: paragraph {lines[0].index}",
                      f"cannot tell the domain of {name!r} (known documents: {known}); pass --domain")
        return None
    publisher = lines[at + 2].text.strip()
    number = match["edition"]
    return Edition(
        domain=slug, domain_name=registry[slug].name, edition=number, document=name,
        published=f"{month['year']}-{int(month['month']):02d}", publisher=publisher,
        attribution=f"出典：{publisher}『{name}【第{number}版】』及び別紙 (公共データ利用規約 (PDL1.0) / "
                    "政府標準利用規約, compatible with CC BY 4.0)",
        sources=(SourceFile(file=path.name, title=f"{name}【第{number}版】", sha256=sha256(path)),),
    )


def _render_edition(path: Path, edition: Edition) -> str:
    data = edition.model_dump(mode="json", exclude_defaults=True)
    return EDITION_SCHEMA + generated_note(path, TEMPLATE) + dump(data)


# -- 類型 ------------------------------------------------------------------------------------------


def _ruikei_table(path: Path, tables: list[list[list[str]]], collect: Collector) -> dict[str, Level]:
    """類型N -> level, from the §1 table whose header row starts with 類型."""
    for number, rows in enumerate(tables, start=1):
        if not rows or not rows[0] or rows[0][0].strip() != "類型":
            continue
        found: dict[str, Level] = {}
        for row_number, row in enumerate(rows[1:], start=2):
            label, name = row[0].strip(), row[1].strip() if len(row) > 1 else ""
            if name not in RUIKEI_LEVELS:
                collect.error(f"{path}: table {number} row {row_number}",
                              f"類型 {name!r} is none of {', '.join(RUIKEI_LEVELS)}")
                continue
            found[label] = RUIKEI_LEVELS[name]
        return found
    return {}


def _function_levels(
    path: Path, tables: list[list[list[str]]], ruikei: dict[str, Level], collect: Collector
) -> dict[str, Level]:
    """機能ID -> level from tables with a 機能ID and a 類型 column (none in 第2.1版's 本文)."""
    levels: dict[str, Level] = {}
    for number, rows in enumerate(tables, start=1):
        header = [cell.strip() for cell in rows[0]] if rows else []
        if "機能ID" not in header or "類型" not in header:
            continue
        id_column, type_column = header.index("機能ID"), header.index("類型")
        for row_number, row in enumerate(rows[1:], start=2):
            function_id, label = row[id_column].strip(), row[type_column].strip()
            level = ruikei.get(label) or RUIKEI_LEVELS.get(label)
            if level is None:
                collect.skip(f"{path.name}: table {number} row {row_number}",
                             f"機能ID {function_id}: 類型 {label!r} is no 類型 of the §1 table")
            elif re.fullmatch(r"[0-9]{7}", function_id):
                levels[function_id] = level
    return levels


# -- sections and mentions --------------------------------------------------------------------------


def headings(path: Path) -> list[tuple[str, str]]:
    """(section number, title) of every numbered heading, as the importer counts them."""
    import docx

    found = []
    counters: list[int] = []
    for paragraph in docx.Document(str(path)).paragraphs:
        heading = _HEADING_STYLE.match(paragraph.style.name if paragraph.style is not None else "")
        if heading and paragraph.text.strip():
            depth = int(heading["level"])
            counters = (counters + [0] * depth)[:depth]
            counters[-1] += 1
            found.append((".".join(str(n) for n in counters), paragraph.text.strip()))
    return found


def _mentions(path: Path, paragraphs: list[_Paragraph], edition: Edition | None,
              collect: Collector) -> list[_Mention]:
    counters: list[int] = []
    titles: list[str] = []
    flow = ""
    found: list[_Mention] = []
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        heading = _HEADING_STYLE.match(paragraph.style)
        if heading and text:
            depth = int(heading["level"])
            counters = (counters + [0] * depth)[:depth]
            counters[-1] += 1
            titles = (titles + [""] * depth)[:depth]
            titles[-1] = text
            flow = ""
            continue
        if _FLOW_HEADING.match(text):
            flow = text
        if not _FUNCTION_ID_MENTION.search(text):
            continue
        step = _STEP.match(text)
        where = f"{path.name}: paragraph {paragraph.index}"
        if step is None:
            collect.skip(where, f"names a 機能ID but is not a flow step like '⑫ 名前（機能ID 0310001）': {text[:60]!r}")
            continue
        if not counters or edition is None:
            collect.error(where, "a 機能ID before the first numbered heading")
            continue
        body = [text]
        for following in paragraphs[position + 1:]:
            if not following.text.strip() or _HEADING_STYLE.match(following.style):
                break
            body.append(following.text)
        section = ".".join(str(n) for n in counters)
        source = Source(document=edition.document, edition=edition.edition, section=section, title=titles[-1],
                        block=flow or titles[-1], paragraph=paragraph.index, file=path.name)
        found.append(_Mention(step["id"], step["name"], source, "\n".join(body)))
    return found


def _functions(mentions: list[_Mention], levels: dict[str, Level]) -> list[FunctionEntry]:
    by_id: dict[str, list[_Mention]] = {}
    for mention in mentions:
        by_id.setdefault(mention.function_id, []).append(mention)
    return [
        FunctionEntry(id=f"fn_{function_id}", function_id=function_id, name=group[0].name,
                      level=levels.get(function_id), mentions=tuple(m.source for m in group),
                      texts=tuple(m.text for m in group))
        for function_id, group in sorted(by_id.items())
    ]


def _requirements(edition: Edition | None, mentions: list[_Mention], levels: dict[str, Level]) -> list[Requirement]:
    """One requirement per mention of a classified function, numbered per section and level."""
    if edition is None:
        return []
    numbers: Counter[tuple[str, Level]] = Counter()
    requirements = []
    for mention in mentions:
        level = levels.get(mention.function_id)
        if level is None:
            continue
        numbers[(mention.source.section, level)] += 1
        index = numbers[(mention.source.section, level)]
        if index > 999:
            raise SpecError([f"{mention.source.file}: paragraph {mention.source.paragraph}: more than 999 "
                             f"requirements of one level in section {mention.source.section}"])
        requirements.append(Requirement(
            id=f"{edition.domain}-{edition.edition}-{mention.source.section}-{LEVEL_LETTERS[level]}{index:03d}",
            kind=RequirementKind.FUNCTION, level=level, text=mention.text, source=mention.source,
            function_id=mention.function_id,
        ))
    return requirements
