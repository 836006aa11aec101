"""Where the specification leaves room, the reading the export checks take, as settings.

Each interpretation has the catalog's choice (the default) and the others a profile may choose in
``targets.exports.interpretations`` ({id: choice}); a finding that rests on one names it and the
choice in force. docs/checks.md lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from conformance import messages
from conformance.errors import ProfileError


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
