"""Where the specification leaves room, the reading the export checks take, as settings.

Each interpretation has the catalog's choice (the default) and the others a profile may choose in
``targets.exports.interpretations`` ({id: choice}); a finding that rests on one names it and the
choice in force. docs/checks.md lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conformance import messages
from conformance.errors import ProfileError

if TYPE_CHECKING:
    from conformance.catalog.layouts import LayoutSpec


@dataclass(frozen=True, slots=True)
class Interpretation:
    """An under-specified point: the question, the choices (name -> what it does), the catalog's."""

    id: str
    question: str
    choices: Mapping[str, str]
    default: str
    source: str


CP932_AMBIGUOUS = "cp932_ambiguous_characters"
REPORT, CODEC = "report", "cp932"
M11W2_7_REMAINDER_ONE = "m11w2_7_remainder_one"
NO_NUMBER, ZERO = "no_number", "zero"
#: The check-digit scheme of an M11W2-7 item when remainder 1 reads as check digit 0 (the profile's
#: choice ``zero``; the catalog's items say "m11w2-7").
M11W2_7_ZERO = "m11w2-7-zero"

INTERPRETATIONS: dict[str, Interpretation] = {
    CP932_AMBIGUOUS: Interpretation(
        CP932_AMBIGUOUS,
        "A file declared cp932 holds a byte sequence CP932 and Shift_JIS (JIS X 0208) read as different "
        "characters (0x8160 ～ U+FF5E / 〜 U+301C, 0x8161, 0x817C, 0x8191, 0x8192, 0x81CA): which did the "
        "vendor mean?",
        {REPORT: "each occurrence is a file.encoding_ambiguous_character finding: the specification does not "
                 "say which character such bytes stand for, so the file cannot say it either",
         CODEC: "read as the CP932 codec reads them (～ U+FF5E ...): no finding"},
        REPORT,
        "10.6 R001 (encodings of the 中間標準レイアウト); DOMAIN.md 文字要件; Python's cp932 and shift_jis codecs",
    ),
    M11W2_7_REMAINDER_ONE: Interpretation(
        M11W2_7_REMAINDER_ONE,
        "An M11W2-7 number (宛名番号, 世帯番号) whose serial leaves remainder 1 would need check digit 10: "
        "the text fixes only remainder 0 (check digit 0). Which digit, if any?",
        {NO_NUMBER: "no digit is valid: such a serial is not assigned, and a number built on it fails the "
                    "check digit (file.check_digit)",
         ZERO: "check digit 0, as for remainder 0 (and as the 個人番号 rule does)"},
        NO_NUMBER,
        "住民記録 1.0 j130 (1.1.13); DOMAIN.md 宛名番号; conformance.oracles.identifiers.m11w2_7_check_digit",
    ),
}


def resolve(settings: Mapping[str, str] | None) -> dict[str, str]:
    """Every interpretation's choice: the catalog's, unless ``settings`` (a profile's) choose
    another; a ProfileError names an unknown id or choice, with the allowed ones."""
    chosen = {key: entry.default for key, entry in INTERPRETATIONS.items()}
    for key, choice in (settings or {}).items():
        entry = INTERPRETATIONS.get(key)
        if entry is None:
            raise ProfileError(f"targets.exports.interpretations: {messages.unknown_field(key, list(INTERPRETATIONS))}")
        if choice not in entry.choices:
            allowed = messages.not_allowed(choice, list(entry.choices))
            raise ProfileError(f"targets.exports.interpretations.{key}: {allowed}")
        chosen[key] = choice
    return chosen


def stated(key: str, choice: str) -> str:
    """How a finding names the interpretation it rests on."""
    entry = INTERPRETATIONS[key]
    whose = "the catalog's" if choice == entry.default else "the profile's"
    others = ", ".join(c for c in entry.choices if c != choice)
    return f"interpretation {key}: {choice} ({whose}; a profile may choose {others})"


def m11w2_7_remainder_one(serial: str) -> bool:
    """Whether an M11W2-7 serial (digits) leaves remainder 1: its number's check digit rests on
    the interpretation ``m11w2_7_remainder_one``."""
    from conformance.oracles.identifiers import m11w2_7_remainder

    return m11w2_7_remainder(serial) == 1


def is_valid_m11w2_7_zero(number: str) -> bool:
    """M11W2-7 with remainder 1 read as check digit 0 (the choice ``zero``)."""
    from conformance.oracles.identifiers import is_valid_m11w2_7

    if len(number) >= 2 and number.isascii() and number.isdigit() and m11w2_7_remainder_one(number[:-1]):
        return number[-1] == "0"
    return is_valid_m11w2_7(number)


def with_interpretations(spec: LayoutSpec, chosen: Mapping[str, str]) -> LayoutSpec:
    """``spec`` with the items the choices change: under ``m11w2_7_remainder_one: zero`` each
    M11W2-7 item's scheme is M11W2_7_ZERO (every engine then judges it so)."""
    import dataclasses

    if chosen.get(M11W2_7_REMAINDER_ONE, NO_NUMBER) != ZERO:
        return spec
    items = {header: item.model_copy(update={"check_digit": M11W2_7_ZERO}) if item.check_digit == "m11w2-7" else item
             for header, item in spec.items.items()}
    return dataclasses.replace(spec, items=items)
