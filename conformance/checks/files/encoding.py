"""The ``encoding`` family: declared vs actual encoding, allowed encodings, validity as a whole,
Shift_JIS's ambiguous characters; and the one pass that makes the content readable as UTF-8."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from conformance import messages
from conformance.catalog.models import FileInterface
from conformance.checks.files import limits
from conformance.checks.files.interpretations import CP932_AMBIGUOUS, REPORT, resolve, stated
from conformance.checks.files.limits import CANDIDATE_ENCODINGS
from conformance.checks.files.limits import UTF8 as _UTF8
from conformance.checks.files.model import EncodingVerdict
from conformance.columnar.transcode import (
    BadByte,
    Decoded,
    LineTooLong,
    Utf8Source,
    first_bad_byte,
    inspect_utf8,
    locate_bad_byte,
    transcode,
)
from conformance.findings import Finding
from conformance.targets.base import ExportFile
from conformance.targets.exports import normalize_encoding

if TYPE_CHECKING:

    pass

_BOM = codecs.BOM_UTF8


def judge_encoding(
    export: ExportFile, layout: FileInterface, interpretations: Mapping[str, str] | None = None
) -> EncodingVerdict:
    """The ``encoding`` family's findings, and the encoding the content is to be read in.
    ``interpretations`` (:func:`conformance.checks.files.interpretations.resolve`; the catalog's when
    None) decide whether a cp932 file's characters Shift_JIS reads otherwise are findings."""
    chosen = resolve(interpretations)
    name = export.path.name
    declared = normalize_encoding(export.declared_encoding)
    bom = starts_with_bom(export.path)
    if not declared:
        detected = detect(export.path, bom)
        return EncodingVerdict((_undeclared(name, layout, detected),), detected)
    if not usable(declared):
        return EncodingVerdict((_unknown(name, layout, declared),), detect(export.path, bom))
    effective = with_bom(declared, bom)
    issues: list[Finding] = []
    if not _allowed(effective, layout.encodings):
        issues.append(_not_allowed(name, layout, effective))
    fixed = layout.format == "fixed"
    locate = effective == "shift_jis" or (effective == "cp932" and chosen[CP932_AMBIGUOUS] == REPORT)
    decoded = (_validate_only(export.path, effective, locate) if fixed
               else _decode_content(export.path, effective, locate))
    if decoded.bad is None:
        fields = {} if fixed else headers_at(export.path, effective, [(a.line, a.column) for a in decoded.ambiguities])
        issues.extend(_ambiguity_issues(name, effective, decoded, chosen[CP932_AMBIGUOUS], fields))
        return EncodingVerdict(tuple(issues), effective, decoded.source)
    # Detection costs a pass per candidate: only a file that needs it pays for it.
    detected = detect(export.path, bom)
    issues.append(_mismatch(name, effective, decoded.bad, detected))
    return EncodingVerdict(tuple(issues), detected)


def decode(path: Path, encoding: str, locate: bool = False) -> Decoded:
    """One pass over the bytes in ``encoding``: validity, structure, and the content as UTF-8
    (the file itself, or a transcoded copy); for Shift_JIS (and CP932 with ``locate``), the
    characters the other of the two reads otherwise."""
    if encoding in _UTF8:
        return inspect_utf8(path, encoding, limits.FIELD_LIMIT)
    keep = limits.FINDINGS_CAP if encoding == "shift_jis" or locate else 0
    return transcode(path, encoding, limits.FIELD_LIMIT, ambiguities=keep)


#: Encodings the compiled screen's own pass validates, and then reads without a UTF-8 copy
#: (Shift_JIS also needs its ambiguous characters located, which the transcoding pass does; UTF-8
#: is validated in place by polars' SIMD validator, about ten times less CPU than a numba pass).
NATIVE_ENCODINGS = ("cp932",)


def _decode_content(path: Path, encoding: str, locate: bool = False) -> Decoded:
    """:func:`decode` for a file whose content the engine reads next. A large CP932 file the screen
    will read is validated by the screen's own pass on every core and then read as it is, without
    a temporary UTF-8 copy (writing one costs more than judging the file)."""
    if encoding not in NATIVE_ENCODINGS or not limits.screen_worth(path.stat().st_size):
        return decode(path, encoding, locate)
    from conformance.columnar.kernel import inspect_native_ambiguous

    try:
        bad, structure, ambiguous = inspect_native_ambiguous(path, encoding, limits.FIELD_LIMIT)
    except LineTooLong:
        return decode(path, encoding)  # its passes read pieces, not lines; the row path reads the file
    if bad is not None:
        return Decoded(bad=locate_bad_byte(path, encoding, bad))
    if locate and ambiguous:
        return decode(path, encoding, locate)  # the transcoding pass locates them (a rare file pays)
    return Decoded(source=Utf8Source(path, structure, temporary=False, encoding=encoding))


def _validate_only(path: Path, encoding: str, locate: bool = False) -> Decoded:
    """Validity, and Shift_JIS's ambiguous characters, without keeping a UTF-8 copy: fixed-length
    content is decoded field by field from the file's own bytes (scan_fixed)."""
    if not locate:
        return Decoded(bad=first_bad_byte(path, encoding))
    decoded = decode(path, encoding, locate)
    if decoded.source is not None:
        decoded.source.close()
        decoded.source = None
    return decoded


def _ambiguity_issues(name: str, encoding: str, decoded: Decoded, cp932_choice: str,
                      fields: Mapping[tuple[int, int], str]) -> list[Finding]:
    """file.encoding_ambiguous_character per character Shift_JIS and CP932 read differently:
    the content keeps the declared reading; the finding says what the other one would be (for a
    cp932 file, and the interpretation it rests on), and in which field (``fields``) it is."""
    other = "shift_jis" if encoding == "cp932" else "cp932"
    resting = f"; {stated(CP932_AMBIGUOUS, cp932_choice)}" if encoding == "cp932" else ""
    issues = [
        Finding(
            "file.encoding_ambiguous_character",
            f"bytes {found.data.hex(' ').upper()} read as {found.char} (U+{ord(found.char):04X}) in {encoding}; "
            f"{other} reads {found.alternative} (U+{ord(found.alternative):04X}): the declared encoding decides"
            f"{resting}",
            _at(name, found.line, found.column, fields), expected=f"U+{ord(found.char):04X}",
            actual=f"U+{ord(found.alternative):04X} in {other}",
        )
        for found in decoded.ambiguities
    ]
    if decoded.ambiguity_count > len(issues):
        hidden = decoded.ambiguity_count - len(issues)
        issues.append(Finding(
            "file.too_many_findings",
            f"{hidden} more encoding finding(s) suppressed ({decoded.ambiguity_count} in total)",
            name, expected=f"at most {limits.FINDINGS_CAP} shown", actual=str(decoded.ambiguity_count),
        ))
    return issues


def _at(name: str, line: int, column: int, fields: Mapping[tuple[int, int], str]) -> str:
    header = fields.get((line, column))
    return f"{name}:{line}:{column}" + (f" ({header})" if header is not None else "")


def headers_at(path: Path, encoding: str, places: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The header of the field each (physical line, 1-based character column) of ``places`` falls
    in, for a delimited file whose lines decode alone in ``encoding`` (UTF-8, CP932, Shift_JIS:
    no trail byte is a line feed). A line inside a quoted field that began on an earlier line, or
    longer than the reader's line limit, gets no header (the finding keeps its line and column);
    the file is read only as far as the last line asked for."""
    wanted: dict[int, list[int]] = {}
    for line, column in places:
        wanted.setdefault(line, []).append(column)
    if not wanted:
        return {}
    found: dict[tuple[int, int], str] = {}
    last = max(wanted)
    line_limit = limits.FIELD_LIMIT * 4  # bytes: a line of FIELD_LIMIT characters in UTF-8
    with path.open("rb") as stream:
        first = stream.readline(line_limit)
        if not first.endswith(b"\n"):
            return {}
        headers = next(csv.reader([_line_text(first, encoding).lstrip("\ufeff")]), [])
        inside = False  # whether the line starts inside a quoted field
        for number in range(2, last + 1):
            raw = stream.readline(line_limit)
            if not raw or (not raw.endswith(b"\n") and len(raw) >= line_limit):
                break
            text = _line_text(raw, encoding)
            if number in wanted and not inside:
                for column in wanted[number]:
                    index = _field_index(text, column)
                    if index is not None and index < len(headers):
                        found[(number, column)] = headers[index]
            inside ^= text.count('"') % 2 == 1
    return found


def _line_text(raw: bytes, encoding: str) -> str:
    return raw.decode(encoding, errors="replace").rstrip("\r\n")


def _field_index(text: str, column: int) -> int | None:
    """The 0-based field the 1-based character ``column`` of one CSV line is in (RFC 4180 quotes)."""
    if not 1 <= column <= len(text):
        return None
    field, quoted = 0, False
    for char in text[: column - 1]:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            field += 1
    return field


def starts_with_bom(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(_BOM)) == _BOM


def usable(encoding: str) -> bool:
    """Whether ``encoding`` is a text encoding Python knows (not e.g. zlib_codec or rot13).

    Encoding nothing asks only that: decoding a sample would refuse UTF-16 and UTF-32, which are
    text encodings whose characters take more than one byte."""
    try:
        "".encode(encoding)
    except LookupError:
        return False
    return True


def with_bom(encoding: str, bom: bool) -> str:
    """UTF-8 with a BOM is utf-8-sig (the BOM is then not part of the first header)."""
    if encoding in ("utf-8", "utf-8-sig"):
        return "utf-8-sig" if bom else "utf-8"
    return encoding


def _allowed(effective: str, allowed: Sequence[str]) -> bool:
    """utf-8-sig in a layout allows a BOM, so plain UTF-8 meets it as well."""
    if effective == "utf-8":
        return "utf-8" in allowed or "utf-8-sig" in allowed
    return effective in allowed


def detect(path: Path, bom: bool) -> str | None:
    """The first candidate encoding the whole file decodes in, if any."""
    for encoding in CANDIDATE_ENCODINGS:
        candidate = with_bom(encoding, bom)
        if first_bad_byte(path, candidate) is None:
            return candidate
    return None


def _allowed_text(layout: FileInterface) -> str:
    return messages.listing(layout.encodings)


def _decodes_as(detected: str | None) -> str:
    if detected is None:
        return f"they decode in none of {messages.listing(CANDIDATE_ENCODINGS)}"
    return f"they decode as {detected}"


def _undeclared(name: str, layout: FileInterface, detected: str | None) -> Finding:
    return Finding(
        "file.encoding_undeclared",
        f"the file declares no encoding (charset); the layout allows {_allowed_text(layout)}; "
        f"the bytes: {_decodes_as(detected)}",
        name, expected=_allowed_text(layout), actual=None,
    )


def _unknown(name: str, layout: FileInterface, declared: str) -> Finding:
    return Finding(
        "file.encoding_not_allowed",
        f"the declared encoding {declared!r} is not a known text encoding; the layout allows {_allowed_text(layout)}",
        name, expected=_allowed_text(layout), actual=declared,
    )


def _not_allowed(name: str, layout: FileInterface, effective: str) -> Finding:
    shown_as = "utf-8 with a BOM (utf-8-sig)" if effective == "utf-8-sig" else effective
    return Finding(
        "file.encoding_not_allowed",
        f"the file is {shown_as}; the layout allows {_allowed_text(layout)}",
        name, expected=_allowed_text(layout), actual=effective,
    )


def _mismatch(name: str, declared: str, bad: BadByte, detected: str | None) -> Finding:
    data = bad.data.hex(" ").upper()
    return Finding(
        "file.encoding_mismatch",
        f"the bytes are not valid {declared} from line {bad.line}, column {bad.column} (bytes {data}); "
        f"{_decodes_as(detected)}",
        f"{name}:{bad.line}:{bad.column}", expected=declared, actual=data,
    )


class Utf8SourceView:
    """The file as UTF-8 for one references pass: the encoding pass's source when it is the export
    itself (validated in place: still there), else a fresh one, removed after the pass (the content
    pass removes the encoding pass's transcoded copy once it has read it)."""

    def __init__(self, export: ExportFile, encoding: str, verdict: EncodingVerdict) -> None:
        self.export, self.encoding, self.verdict = export, encoding, verdict
        self.own: Utf8Source | None = None

    def __enter__(self) -> Utf8Source | None:
        shared = self.verdict.source
        if (shared is not None and not shared.temporary and shared.utf8
                and self.verdict.content_encoding == self.encoding):
            return shared
        self.own = decode(self.export.path, self.encoding).source
        return self.own

    def __exit__(self, *exc_info: object) -> None:
        if self.own is not None:
            self.own.close()
            self.own = None
