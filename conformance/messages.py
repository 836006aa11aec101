"""Wording of user-facing messages, kept in one place so every front end says things the same way.

The readers are spec editors fixing a YAML file: each message names the bad value, what is
allowed instead and, when one is close, the value they probably meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

#: Longest rendering of a bad value; a whole mapping pasted into a message hides the point.
REPR_LIMIT = 80

_TYPE_NAMES: dict[type, str] = {
    bool: "bool", int: "int", float: "float", str: "string", list: "list", dict: "mapping",
}


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is under it, else as given."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def short_repr(value: object, limit: int = REPR_LIMIT) -> str:
    """``repr(value)`` cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def show(value: object) -> str:
    """A value as the editor wrote it: YAML spellings for null and booleans, repr otherwise."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return short_repr(value)


def describe(value: object) -> str:
    """The YAML type and the value, e.g. ``int 12``; a null needs no value."""
    if value is None:
        return "null"
    return f"{_TYPE_NAMES.get(type(value), type(value).__name__)} {show(value)}"


def field_path(parts: Sequence[object]) -> str:
    """``("requirements", 3, "source", "section")`` -> ``requirements[3].source.section``."""
    text = ""
    for part in parts:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            text += f".{part}" if text else part
        else:
            text += f"[{show(part)}]"
    return text


def at(parts: Sequence[object], detail: str) -> str:
    """Prefix ``detail`` with the field path it is about (nothing for the document itself)."""
    return f"{field_path(parts)}: {detail}" if parts else detail


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was most likely meant to be, if any is close enough."""
    if not isinstance(word, str):
        return None
    matches = difflib.get_close_matches(word, list(choices), n=1)
    return matches[0] if matches else None


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` or nothing."""
    match = closest(word, choices)
    return f"; did you mean {match!r}?" if match is not None else ""


def listing(choices: Iterable[str]) -> str:
    """Choices for a message: ``a, b, c``."""
    return ", ".join(choices)


def unknown_field(name: object, allowed: Sequence[str]) -> str:
    """A key the model does not have (usually a typo)."""
    return f"unknown field {show(name)}; allowed fields: {listing(allowed)}{did_you_mean(name, allowed)}"


def missing_field(name: object) -> str:
    """A required key that is absent."""
    return f"missing required field {show(name)}"


def not_allowed(value: object, allowed: Sequence[str]) -> str:
    """A value outside an enumeration."""
    return f"{show(value)} is not allowed; expected one of: {listing(allowed)}{did_you_mean(value, allowed)}"


def pattern_mismatch(value: object, pattern: str) -> str:
    """A string that does not have the required shape."""
    return f"{show(value)} does not match the pattern {pattern}"


def wrong_type(expected: str, value: object) -> str:
    """A value of the wrong YAML type; ``expected`` reads like ``a string``."""
    return f"expected {expected}, got {describe(value)}"


def unknown_kind(tag: object, allowed: Sequence[str]) -> str:
    """A ``kind`` that selects none of the members of a union."""
    return f"unknown kind {show(tag)}; allowed kinds: {listing(allowed)}{did_you_mean(tag, allowed)}"


def missing_kind(discriminator: str, allowed: Sequence[str]) -> str:
    """An entry of a union without the key that says which member it is."""
    return f"{missing_field(discriminator)}; allowed kinds: {listing(allowed)}"


def empty_value() -> str:
    """An empty string where text is required."""
    return "must not be empty"


def too_short_text(value: object, min_length: object) -> str:
    """A string shorter than its minimum length."""
    return f"{show(value)} is too short; needs at least {min_length} characters"


def too_long_text(value: object, max_length: object) -> str:
    """A string longer than its maximum length: its length and beginning, never all of it (a
    hostile catalog's text can be megabytes)."""
    length = len(value) if isinstance(value, str) else 0
    beginning = show(value[:20]) if isinstance(value, str) else show(value)
    return f"{length:,} characters, more than the {max_length:,} allowed (it begins {beginning})"


def too_few_items(min_length: object, actual: object) -> str:
    """A list with fewer entries than required."""
    return f"needs at least {min_length} item(s), got {actual}"


def too_small(value: object, minimum: object) -> str:
    """A number below its minimum."""
    return f"{show(value)} is too small; must be at least {minimum}"


def other_problem(message: str, value: object) -> str:
    """A validation problem without a dedicated wording: the validator's text and the value."""
    return f"{message}; got {describe(value)}"


def duplicate(what: str, value: object, first_at: str) -> str:
    """A second definition of something that must be unique."""
    return f"duplicate {what} {show(value)}; first defined at {first_at}"


def duplicate_duty(requirement_id: str, first_at: str) -> str:
    """A second duty declaration for one requirement: one of the two would silently win."""
    return f"duplicate duty for requirement {show(requirement_id)}; first declared at {first_at}; declare it once"


def duplicate_not_automated(requirement_id: str, first_at: str) -> str:
    """A second reason for one requirement's NOT_AUTOMATED: one of the two would silently win."""
    return (f"duplicate not_automated reason for requirement {show(requirement_id)}; first declared at {first_at}; "
            "declare it once")


def judged_but_not_automated(requirement_id: str) -> str:
    """A reason why no check judges a requirement that a check or a procedure judges: a stale reason."""
    return (f"requirement {show(requirement_id)} has a not_automated reason, but a check or a manual procedure is "
            "bound to it; remove the reason (it is judged now)")


def outside_but_checked(requirement_id: str) -> str:
    """A requirement declared outside the municipality's system that a check judges."""
    return (f"requirement {show(requirement_id)} is declared outside the municipality's system, but a check is "
            "bound to it; a check judges the system: declare it system (or operation), or unbind the check")


def duplicate_binding(requirement_id: str, first_at: str) -> str:
    """A second binding for one requirement: its checks would silently be dropped or doubled."""
    return (
        f"duplicate binding for requirement {show(requirement_id)}; first defined at {first_at}; "
        "put all its checks in one binding"
    )


def unknown_reference(what: str, value: object, known: Sequence[str]) -> str:
    """A reference to an id that is not defined."""
    if not known:
        return f"unknown {what} {show(value)}; this edition defines none"
    return f"unknown {what} {show(value)}{did_you_mean(value, known)}"


def directory_mismatch(value: object, directory: str) -> str:
    """``edition.yaml`` says one thing and the directory layout another."""
    return f"{show(value)} does not match the directory name {show(directory)}"


def missing_edition_file(required: Sequence[str]) -> str:
    """An edition directory without its ``edition.yaml``."""
    return f"file not found; every edition directory needs an edition.yaml with: {listing(required)}"


def unknown_domain_directory(name: str, slugs: Sequence[str]) -> str:
    """A directory under the catalog root that is not a domain."""
    return (
        f"{show(name)} is not a domain slug; expected one of: {listing(slugs)}"
        f"{did_you_mean(name, slugs)}"
    )


def bad_edition_directory(name: str, suggestion: str | None) -> str:
    """A directory under a domain whose name is not an edition number."""
    hint = f"; did you mean {suggestion!r}?" if suggestion else ""
    return f"{show(name)} is not an edition directory; expected <major>.<minor> such as '1.0'{hint}"


def stray_yaml_file() -> str:
    """A YAML file outside any edition directory is never read."""
    return "ignored: catalog files belong in <domain>/<edition>/ directories"


def wrong_extension() -> str:
    """A ``.yml`` file next to ``.yaml`` ones is never read."""
    return "ignored: catalog files must end in .yaml; rename it"


def unknown_top_level_key(name: object, allowed: Sequence[str]) -> str:
    """A top-level key that is not one of the catalog lists."""
    suggestion = did_you_mean(name, allowed)
    return f"unknown top-level key {show(name)}; allowed keys: {listing(allowed)}{suggestion}"


def unknown_lookup(what: str, value: str, known: Sequence[str]) -> str:
    """An id asked for through the API or command line that the catalog does not have."""
    return f"unknown {what} {value!r}{did_you_mean(value, known)}"


def missing_fixed_width(header: object) -> str:
    """A column of a fixed-length layout without its width: every later field would be cut wrong."""
    return (f"missing required field 'width' of column {show(header)}; expected its width in bytes "
            "(format 'fixed': a double-byte character counts two)")


def no_fixed_columns() -> str:
    """A fixed-length layout with nothing to cut its records into."""
    return "a 'fixed' layout needs at least one column, each with its width in bytes"


def fixed_only(field: str, value: object, file_format: str) -> str:
    """A field of fixed-length layouts given in a layout of another format, where it would be ignored."""
    return (f"{show(value)} is not allowed in a {show(file_format)} layout; expected no {field} "
            f"({field} is for format 'fixed' only)")


def unknown_layout_column(value: object, headers: Sequence[str], layout: str | None = None) -> str:
    """A reference naming a column its layout does not have (``layout``: another layout than the entry's)."""
    whose = "this layout" if layout is None else f"layout {show(layout)}"
    return (f"{show(value)} is not a column header of {whose}; expected one of: {listing(headers)}"
            f"{did_you_mean(value, headers)}")


def not_a_file_layout(value: object, file_layouts: Sequence[str], kind: str | None) -> str:
    """A reference to a layout id that is no file layout of the edition (``kind``: what the id is, if anything)."""
    what = "no interface has this id" if kind is None else f"it is an {kind} interface"
    return (f"{show(value)} is not a file layout ({what}); expected the id of a file layout of this edition: "
            f"{listing(file_layouts) or 'none'}{did_you_mean(value, file_layouts)}")
