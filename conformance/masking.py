"""Masking: every decision about what of a resident's data a report may show, in one module.

Reports are read by people who must not see residents' data (vendors' support staff, CI logs), yet
a finding must still tell them what was wrong. A masked value keeps its length and shape so a reader
can see "12 digits, ends in 34" or "a 5-character name" without learning the content (:func:`mask`,
:func:`shown`: what the checks put into findings).

Which items are personal, and scrubbing their values from everything else a run writes (the
second line, :class:`Scrubber`), for everything else a run writes or hands over: recorded HTTP
exchanges, reasons and messages that quote a vendor's answer, and the findings themselves once more
before a report is written. It works two ways:

- by name: a JSON property, CSV column or query parameter named like a personal item is masked;
- by value: any value of a personal item of the test data the harness loaded is masked wherever it
  appears (a certificate prints 氏名 under ``値``, an error message may quote an address).

Personal items are the catalog's ``personal`` flag *plus* names that look personal. The flags are
incomplete (氏名_アルファベット and 在留カード等番号 are not flagged in jumin 1.0), and masking one value
too many costs a reader little while one too few leaks a resident.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from conformance import secrets
from conformance.catalog.models import DataItem

#: Mask character for text: full-width so the masked width matches a Japanese value's width.
TEXT_MASK = "＊"
#: Mask character for digit strings, which are ASCII.
DIGIT_MASK = "*"
#: Longest masked rendering; beyond it the length is no longer shown exactly.
MASK_LIMIT = 20
#: Digits kept at the end of a long number, enough to tell two records apart in a report.
KEPT_DIGITS = 2
#: Shortest number whose last digits may be shown; below it two digits give away too much.
MIN_DIGITS_FOR_TAIL = 8
#: Longest rendering of a value that is not personal.
SHOWN_LIMIT = 80
ELLIPSIS = "…"

# [0-9], not \d: \d matches full-width and other Unicode digits.
_ASCII_DIGITS = re.compile(r"[0-9]+")


def mask(value: str) -> str:
    """``value`` with its content hidden and its length visible.

    ASCII digit strings of 8 or more keep their last two digits (``**********12``); everything else
    becomes ``＊`` per character. Beyond 20 characters the marks stop and ``…`` says there were more.
    """
    if _ASCII_DIGITS.fullmatch(value) and len(value) >= MIN_DIGITS_FOR_TAIL:
        return _cap(DIGIT_MASK * (len(value) - KEPT_DIGITS), value[-KEPT_DIGITS:])
    return _cap(TEXT_MASK * len(value), "")


def _cap(marks: str, tail: str) -> str:
    """``marks + tail``, with the marks cut so the whole stays within MASK_LIMIT (plus ``…``)."""
    room = MASK_LIMIT - len(tail)
    if len(marks) <= room:
        return marks + tail
    return marks[:room] + ELLIPSIS + tail


def shown(value: str, personal: bool) -> str:
    """How a value appears in a report: masked when personal, else cut to 80 characters."""
    if personal:
        return mask(value)
    if len(value) <= SHOWN_LIMIT:
        return value
    return value[: SHOWN_LIMIT - 1] + ELLIPSIS


# ---------------------------------------------------------------------------------------------
# Personal items and the scrubber

#: Parts of item names that mark personal data whatever the catalog flag says.
PERSONAL_NAME_PARTS = (
    "氏名", "フリガナ", "アルファベット", "通称", "旧氏", "町字", "番地", "方書", "生年月日",
    "住民票コード", "個人番号", "カード", "本籍", "筆頭者", "電話", "メール",
)
#: Suffixes of items that only say something about a personal item (a flag, an "unknown" text).
_NOT_PERSONAL_SUFFIXES = ("フラグ", "不詳表記", "アクセス")  # アクセス: 10.2's 個人番号アクセス, a yes or no
#: Items whose values are scrubbed wherever they appear: names, addresses and numbers. Dates are
#: masked by name only: a birth date equals too many other dates of a run to be removed everywhere.
_VALUE_SCRUB_EXCLUDED_PARTS = ("生年月日",)
#: Items holding a person's name, whose parts (family name, given name) are scrubbed on their own.
_NAME_PARTS = ("氏名", "フリガナ", "アルファベット", "通称", "旧氏")
#: What separates the parts of a name: the ideographic space, or spaces in an alphabetic name.
_SPACES = re.compile("[\u3000 ]+")
#: Shortest value scrubbed by value: shorter ones (a 1-character 方書) would mask unrelated text.
MIN_SCRUB_LENGTH = 2
#: Longest value scrubbed by value: no item is longer, and the pattern nests one group per character
#: (a megabyte-long field of a damaged file would exceed the recursion limit of re). Such a value is
#: masked by the finding that reports it.
MAX_SCRUB_LENGTH = 256
#: Texts up to this long are scrubbed once per scrubber state (a run's exchanges repeat the same
#: values: its persons read again and again); at most this many are kept, then the cache starts over.
_CACHED_TEXT_LENGTH = 256
_CACHED_TEXTS = 200_000


def is_personal_name(name: str, flagged: Iterable[str] = ()) -> bool:
    """Whether an item, property or column called ``name`` holds personal data."""
    if name in set(flagged):
        return True
    if name.endswith(_NOT_PERSONAL_SUFFIXES):
        return False
    return any(part in name for part in PERSONAL_NAME_PARTS)


def personal_item_names(items: Iterable[DataItem]) -> frozenset[str]:
    """Names of the personal items of a catalog (flag or name)."""
    listed = list(items)
    flagged = {item.name for item in listed if item.personal}
    return frozenset(item.name for item in listed if is_personal_name(item.name, flagged)) | flagged


class Scrubber:
    """Masks personal data by name and by value; an empty scrubber still masks by name."""

    def __init__(self, personal_names: Iterable[str] = (), values: Iterable[str] = ()) -> None:
        self._names: set[str] = set(personal_names)
        self._values: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        # Scrubbed texts and personal names, valid while the values, names and the run's secrets stay
        # as they were: a new dict replaces the old one, so a thread that finishes late fills a dropped one.
        self._texts: tuple[re.Pattern[str] | None, int, dict[str, str]] = (None, -1, {})
        self._personal: dict[str, bool] = {}
        self.add_values(values)

    @classmethod
    def from_rows(cls, items: Iterable[DataItem], rows: Iterable[Mapping[str, str]]) -> Scrubber:
        """A scrubber for test data loaded into a vendor: every personal value of ``rows``."""
        scrubber = cls(personal_item_names(items))
        scrubber.add_rows(rows)
        return scrubber

    def add_names(self, names: Iterable[str]) -> None:
        """Treat these item names as personal too (a catalog's flagged items)."""
        self._names |= set(names)
        self._personal = {}

    def add_rows(self, rows: Iterable[Mapping[str, str]]) -> None:
        """Scrub the values of the personal items of these records (the loaded test data)."""
        listed = list(rows)
        columns = {name for row in listed[:1] for name in row if self.is_personal(name)}
        scrubbed = [n for n in columns if not any(part in n for part in _VALUE_SCRUB_EXCLUDED_PARTS)]
        whole = (row.get(name, "") for row in listed for name in scrubbed)
        # A family or given name alone is personal too: a misaligned record (a fixed-length file
        # padded to characters, an extra comma) shows pieces of a name in other items' values.
        named = [n for n in scrubbed if any(part in n for part in _NAME_PARTS)]
        parts = (part for row in listed for name in named for part in _SPACES.split(row.get(name, "")))
        # Two Latin letters (LE, HA) are inside too many English words of messages: three at least.
        # One call: the pattern of thousands of values is compiled once (about half a second).
        self.add_values(itertools.chain(whole, (part for part in parts if not part.isascii() or len(part) >= 3)))

    def add_values(self, values: Iterable[str]) -> None:
        """Scrub these values too (whole values and inside longer text)."""
        new = {v for v in values if len(v.strip()) >= MIN_SCRUB_LENGTH and len(v) <= MAX_SCRUB_LENGTH} - self._values
        if new:
            self._values |= new
            self._pattern = values_pattern(self._values)

    def is_personal(self, name: str) -> bool:
        """Whether a property, column or parameter ``name`` is personal."""
        known = self._personal.get(name)
        if known is None:
            known = self._personal[name] = is_personal_name(name, self._names)
        return known

    def text(self, value: str) -> str:
        """``value`` with every known personal value in it masked, and every secret of the run
        redacted (:mod:`conformance.secrets`: by value, in every spelling)."""
        if not value or len(value) > _CACHED_TEXT_LENGTH:
            return self._scrubbed(value)
        pattern, generation, texts = self._texts
        if pattern is not self._pattern or generation != secrets.generation():
            pattern, generation, texts = self._texts = (self._pattern, secrets.generation(), {})
        found = texts.get(value)
        if found is None:
            if len(texts) >= _CACHED_TEXTS:
                texts.clear()
            found = texts[value] = self._scrubbed(value)
        return found

    def _scrubbed(self, value: str) -> str:
        value = secrets.redact(value)
        if self._pattern is None or not value:
            return value
        return self._pattern.sub(_masked_match, value)

    def json(self, value: Any) -> Any:
        """A JSON value with personal properties masked and known personal values scrubbed."""
        if isinstance(value, dict):
            return self._json_object(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def _json_object(self, value: Mapping[str, Any]) -> dict[str, Any]:
        labelled = self._labelled(value)
        return {key: _mask_leaves(item) if self._masks(key, item, labelled) else self.json(item)
                for key, item in value.items()}

    def json_prefix(self, value: Any, budget: int) -> tuple[Any, bool]:
        """:meth:`json` of the beginning of ``value`` only, and whether anything was left out.

        What is left out are the last members of lists and objects, once the JSON text of what is kept
        (``json.dumps``, ``ensure_ascii=False``, its default separators) is longer than ``budget``: that
        text begins as the whole value's would, for more than ``budget`` characters. A recording keeps a
        body's first characters only; a page of a thousand residents was scrubbed whole to keep 16 KB.
        An object's members are masked as in the whole object (its labels are read from all of them)."""
        kept, _, cut = self._prefix(value, budget)
        return kept, cut

    def _prefix(self, value: Any, budget: int) -> tuple[Any, int, bool]:
        """(the scrubbed prefix, the length of its JSON text up to where it was cut, whether it was)."""
        if isinstance(value, list):
            return self._list_prefix(value, budget)
        if isinstance(value, dict):
            return self._object_prefix(value, budget)
        scrubbed = self.json(value)
        return scrubbed, len(json.dumps(scrubbed, ensure_ascii=False)), False

    def _list_prefix(self, value: list[Any], budget: int) -> tuple[list[Any], int, bool]:
        kept: list[Any] = []
        used = 1  # [
        for index, item in enumerate(value):
            used += 2 if index else 0  # ", "
            scrubbed, size, cut = self._prefix(item, budget - used)
            kept.append(scrubbed)
            used += size
            if cut or (used > budget and index + 1 < len(value)):
                return kept, used, True
        return kept, used + 1, False

    def _object_prefix(self, value: Mapping[str, Any], budget: int) -> tuple[dict[str, Any], int, bool]:
        labelled = self._labelled(value)
        kept: dict[str, Any] = {}
        used = 1  # {
        for index, (key, item) in enumerate(value.items()):
            used += (2 if index else 0) + len(json.dumps(key, ensure_ascii=False)) + 2  # ", " key ": "
            if self._masks(key, item, labelled):
                masked = _mask_leaves(item)
                scrubbed, size, cut = masked, len(json.dumps(masked, ensure_ascii=False)), False
            else:
                scrubbed, size, cut = self._prefix(item, budget - used)
            kept[key] = scrubbed
            used += size
            if cut or (used > budget and index + 1 < len(value)):
                return kept, used, True
        return kept, used + 1, False

    def _labelled(self, value: Mapping[str, Any]) -> bool:
        """{"項目": "氏名", "値": "…"}: an object that names a personal item in one of its values (a
        certificate line) carries that item's value in its other members."""
        return any(isinstance(v, str) and self._names and v in self._names for v in value.values())

    def _masks(self, key: Any, item: Any, labelled: bool) -> bool:
        """Whether the member ``key`` of an object is masked whole (:func:`_mask_leaves`)."""
        return self.is_personal(str(key)) or (labelled and isinstance(item, str) and item not in self._names)

    def csv(self, text: str, limit: int) -> tuple[str, bool]:
        """CSV text with personal columns masked, cut after about ``limit`` characters; (text, cut)."""
        reader = csv.reader(io.StringIO(text, newline=""))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader, None)
        if header is None:
            return "", False
        personal = [self.is_personal(name.strip()) for name in header]
        writer.writerow(header)
        for row in reader:
            if out.tell() > limit:
                return out.getvalue(), True
            writer.writerow([
                mask(cell) if index < len(personal) and personal[index] and cell else self.text(cell)
                for index, cell in enumerate(row)
            ])
        return out.getvalue(), False

    def finding_fields(self, finding: Mapping[str, Any]) -> dict[str, Any]:
        """A finding of results.json with every text field scrubbed."""
        return {key: self.text(value) if isinstance(value, str) else value for key, value in finding.items()}


#: A katakana name this short (チェ, レイ, キム) is also the start or the middle of common katakana words (チェック,
#: データ標準レイアウト): inside such a word it is the word, not the name. Longer names are masked wherever they are.
_SHORT_KATAKANA = 2
#: Katakana letters and the long vowel mark, full and half width; not the middle dot (・), which separates the parts of
#: a foreign name (チェ・スジン): a name part beside it is still masked.
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f]+")


def _masked_match(match: re.Match[str]) -> str:
    """A personal value found in a text, masked, unless it is a short katakana name inside a longer katakana word."""
    found = match.group(0)
    if len(found) <= _SHORT_KATAKANA and _KATAKANA.fullmatch(found):
        text, start, end = match.string, match.start(), match.end()
        if (start and _KATAKANA.fullmatch(text[start - 1])) or (end < len(text) and _KATAKANA.fullmatch(text[end])):
            return found
    return mask(found)


def _mask_leaves(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _mask_leaves(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mask_leaves(item) for item in value]
    if value is None or isinstance(value, bool):
        return value
    return mask(str(value))


def values_pattern(values: Iterable[str]) -> re.Pattern[str]:
    """One regular expression matching any of ``values``, longest first, built as a trie.

    A flat alternation of thousands of names tries every branch at every position; the trie makes
    each position cost the length of the longest match. The same values give the same pattern, compiled
    once a process: every run of one seed scrubs the same test town (half a second a run).
    """
    return _values_pattern(frozenset(values))


@functools.lru_cache(maxsize=4)
def _values_pattern(values: frozenset[str]) -> re.Pattern[str]:
    trie: dict[str, Any] = {}
    for value in values:
        node = trie
        for char in value:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_trie_regex(trie))


def _trie_regex(node: Mapping[str, Any]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    ends_here = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest match first: the shorter value ends here only if no longer one continues.
        return f"(?:{body})?"
    return body


def scrub_document(document: Mapping[str, Any], scrubber: Scrubber) -> dict[str, Any]:
    """A results.json document with personal values scrubbed from every free text in it."""
    scrubbed = dict(document)
    scrubbed["results"] = [scrub_result(result, scrubber) for result in document.get("results", [])]
    scrubbed["problems"] = [scrubber.text(str(p)) for p in document.get("problems", [])]
    if isinstance(document.get("error"), str):
        scrubbed["error"] = scrubber.text(document["error"])
    return scrubbed


#: Statuses whose reason is the catalog's or the profile's own text (a MANUAL procedure, why a requirement does
#: not apply), never anything the vendor sent: masking it only garbled it (a two-letter name of the test town
#: inside a word of a procedure: データ標準レイアウト shown as データ標準＊＊アウト).
_OWN_TEXT = frozenset({"MANUAL", "NOT_APPLICABLE"})


def scrub_result(result: Mapping[str, Any], scrubber: Scrubber) -> dict[str, Any]:
    """One requirement's result (as results.json has it) with its reason and findings scrubbed (the reason
    of a MANUAL or NOT_APPLICABLE result is the catalog's or the profile's text and stays as written)."""
    reason = str(result.get("reason", ""))
    return {
        **result,
        "reason": reason if result.get("status") in _OWN_TEXT else scrubber.text(reason),
        "findings": [scrubber.finding_fields(f) for f in result.get("findings", [])],
    }
