"""The secrets a run knows, and their removal by value from everything the harness writes.

A secret (an API token read from the environment, a password) is registered once, where it is read
(:func:`register`). :func:`redact` then replaces it in any text, in every spelling the harness itself
could decode: as it is, in any letter case, with any of its characters as a JSON ``\\uXXXX`` escape or a
URL ``%XX`` escape, and in base64 (standard and URL-safe, at any of the three alignments it can have
inside a longer base64 text). :func:`leaks` finds them without replacing (the bundle writer refuses a
member that holds one).

Secrets shorter than :data:`MIN_SECRET_LENGTH` are not registered: redacting two letters everywhere
would destroy the reports and protect nothing.
"""

from __future__ import annotations

import base64
import functools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import ahocorasick_rs

#: What replaces a secret.
REDACTED = "[redacted]"
#: Shortest secret the harness redacts by value.
MIN_SECRET_LENGTH = 4
#: Shortest base64 core searched for (fewer characters match by chance).
MIN_BASE64_CORE = 6

_lock = threading.Lock()
_secrets: set[str] = set()
_finder: Finder | None = None
#: Changes whenever the known secrets change (a cache of redacted texts is good until then).
_generation = 0
#: Runs going on in this process (:func:`run_scope`), and the secrets known when the first of them began.
_runs = 0
_before_runs: frozenset[str] = frozenset()

#: Characters other than ASCII letters that a case-insensitive ``re`` matches to an ASCII letter
#: (dotted and dotless i, long s, Kelvin sign): text holding one goes through the full pattern.
#: tests/test_secrets.py finds them all by trying every code point.
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


#: The longest anchor of :attr:`Finder.anchors` (``\\u00`` and two hex digits).
_LONGEST_ANCHOR = 6
#: Texts up to this length have their :meth:`Finder.found` answer kept (header values, small bodies).
_SHORT_TEXT = 256
#: Answers kept at most (then forgotten at once: the same few texts come back).
_SHORT_ANSWERS = 4096


class _Plain:
    """The spellings a text without escapes can hold: each secret lower-cased, and its base64 cores.

    Most of what a run redacts (the vendor's answers) holds no secret. Python's ``re`` tries the
    alternation of every escaped spelling at every position; substring searches decide first whether
    a plain spelling is there (:class:`Finder` looks at escapes and case twins itself).

    The search is one Aho-Corasick automaton over the text's UTF-8 bytes (ahocorasick-rs), built once per
    set of secrets: a run registers a token per login (over a hundred), and one substring search per
    secret and core cost a quarter of a millisecond a text, about a tenth of a whole run's CPU (recording
    every exchange redacts each body); the automaton takes a twentieth of that, whatever the number of
    secrets. Bytes, not ``str``: a body that was not UTF-8 is kept as surrogates, which the automaton's
    ``str`` refuses, and ``bytes.lower`` folds ASCII letters only, which is the case folding meant here.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        values = set(secrets)
        self.lowered = tuple(sorted({value.lower() for value in values}))
        self.cores = tuple(sorted({core for value in values for core in _base64_cores(value)}))
        self._lowered = _automaton(self.lowered)
        self._cores = _automaton(self.cores)

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds a secret in some ASCII letter case, or a base64 core. (A case twin lower-cases
        to an ASCII letter too: the callers look at the twins themselves.)"""
        data = text.encode("utf-8", "surrogateescape")
        return _matches(self._lowered, data.lower()) or _matches(self._cores, data)


def _automaton(values: tuple[str, ...]) -> ahocorasick_rs.BytesAhoCorasick | None:
    """One automaton of the values' UTF-8 bytes (None for none: a short secret has no base64 core)."""
    return ahocorasick_rs.BytesAhoCorasick([value.encode("utf-8") for value in values]) if values else None


def _matches(automaton: ahocorasick_rs.BytesAhoCorasick | None, data: bytes) -> bool:
    # Non-overlapping leftmost matches: any occurrence of any value gives at least one.
    return automaton is not None and bool(automaton.find_matches_as_indexes(data))


def register(*values: str | None) -> None:
    """Remember these secrets for the rest of the process (empty and short values are ignored)."""
    global _finder, _generation
    new = {value for value in values if value and len(value) >= MIN_SECRET_LENGTH}
    with _lock:
        if new - _secrets:
            _generation += 1
            _secrets.update(new)
            _finder = Finder(_secrets)  # each secret's pattern is compiled once, on first need


def register_environment(names: Iterable[str], environ: Mapping[str, str] | None = None) -> None:
    """Register the values of these environment variables (the profile's ``auth.env``)."""
    source = os.environ if environ is None else environ
    register(*(source.get(name) for name in names))


def known() -> frozenset[str]:
    """Every secret registered in this process."""
    with _lock:
        return frozenset(_secrets)


def generation() -> int:
    """A number that changes whenever the known secrets change: what :func:`redact` gave before holds
    until it does."""
    return _generation


@contextmanager
def run_scope() -> Iterator[None]:
    """A run: the secrets registered while it goes on are forgotten when it ends, once no other run of this
    process is going on (they are kept as long as any run could still write them).

    A run registers a secret per login (the user controls' passwords and sessions: tens a run). A process that
    runs many in turn (the test suite's defect runs, a script calling ``run_suite``) kept them all, and each
    answer of every later run was searched for every one: 300 more secrets made a run a quarter slower.
    """
    global _runs, _before_runs
    with _lock:
        if _runs == 0:
            _before_runs = frozenset(_secrets)
        _runs += 1
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if _runs == 0:
                _keep_only(_before_runs)


def _keep_only(kept: frozenset[str]) -> None:
    global _finder, _generation
    if _secrets <= kept:
        return
    _generation += 1
    _secrets.intersection_update(kept)
    for dropped in set(_compiled) - _secrets:
        del _compiled[dropped]
    _finder = Finder(_secrets) if _secrets else None


def forget_all() -> None:
    """Forget every secret (tests)."""
    global _finder, _generation
    with _lock:
        _generation += 1
        _secrets.clear()
        _compiled.clear()
        _finder = None


#: Each secret's pattern, compiled once (:meth:`Finder.patterns`).
_compiled: dict[str, re.Pattern[str]] = {}


def _pattern_of(secret: str) -> re.Pattern[str]:
    pattern = _compiled.get(secret)
    if pattern is None:
        pattern = secrets_pattern([secret])
        assert pattern is not None  # a secret is never empty: its own spelling is an alternative
        _compiled[secret] = pattern
    return pattern


def secrets_pattern(secrets: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern of every spelling of every secret, longest first."""
    alternatives: list[str] = []
    for secret in sorted(set(secrets), key=len, reverse=True):
        alternatives.append("".join(_character(c) for c in secret))
    cores = sorted({core for secret in secrets for core in _base64_cores(secret)}, key=len, reverse=True)
    # base64 is case-sensitive: its alternatives switch IGNORECASE off for themselves.
    alternatives.extend(f"(?-i:{re.escape(core)})" for core in cores)
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _character(char: str) -> str:
    spellings = [re.escape(char)]
    code = ord(char)
    if code < 0x10000:
        spellings.append(rf"\\u{code:04x}")
    if code < 0x80:
        spellings.append(f"%{code:02x}")
    return f"(?:{'|'.join(spellings)})"


def _base64_cores(secret: str) -> set[str]:
    """The base64 characters that depend on the secret's bytes alone, at each alignment."""
    data = secret.encode("utf-8")
    cores: set[str] = set()
    for pad in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * pad + data).decode("ascii").rstrip("=")
            first = -(-8 * pad // 6)
            last = (8 * (pad + len(data))) // 6
            core = encoded[first:last]
            if len(core) >= MIN_BASE64_CORE:
                cores.add(core)
    return cores


def redact(text: str, secrets: Iterable[str] | None = None) -> str:
    """``text`` with every spelling of every known secret (or of ``secrets``) replaced."""
    finder = _finder if secrets is None else Finder(secrets)
    if finder is None or not text or not finder.found(text):
        return text
    return finder.redact(text)


def redact_bytes(data: bytes, secrets: Iterable[str] | None = None) -> bytes:
    """:func:`redact` over bytes (UTF-8; other bytes are kept as they are)."""
    finder = _finder if secrets is None else Finder(secrets)
    if finder is None or not finder.values or not data:
        return data
    text = data.decode("utf-8", "surrogateescape")
    if not finder.found(text):
        return data
    return finder.redact(text).encode("utf-8", "surrogateescape")


def leaks(data: bytes | str, secrets: Iterable[str] | None = None) -> bool:
    """Whether ``data`` holds any spelling of a known secret (or of ``secrets``)."""
    finder = Finder(known() if secrets is None else secrets)
    return finder.found(data if isinstance(data, str) else data.decode("utf-8", "surrogateescape"))


def _cases(digits: str) -> set[str]:
    """Every letter case of hex ``digits`` ("6b": 6b and 6B)."""
    spelled = {""}
    for digit in digits:
        spelled = {head + case for head in spelled for case in {digit.lower(), digit.upper()}}
    return spelled


#: The longest spelling of one character the pattern knows (``\uXXXX``).
_LONGEST_SPELLING = 6


class Finder:
    """Whether a text holds a spelling of any of some secrets: exactly what :func:`secrets_pattern`'s
    ``search`` answers, without running that pattern over the whole text.

    The pattern (an alternation of per-character alternations, case-insensitive) gives Python's ``re``
    no literal to skip to: it is tried at every position, about a second per 10 MB per secret, and a
    run's evidence bundle holds tens of MB and a secret per login. For ASCII secrets a match is either
    the secret in some letter case (a substring of the lower-cased text), a base64 core (a substring),
    or it holds an escape of one of the secrets' characters or a case twin: an *anchor*, found by a
    pattern that starts with ``%``, ``\\`` or a twin; the full pattern then runs only within the
    longest spelling's reach of each anchor. Non-ASCII secrets go through the full pattern.
    """

    def __init__(self, secrets: Iterable[str]) -> None:
        values = {value for value in secrets if value}
        self.values = frozenset(values)
        self.plain = _Plain(values) if values and all(value.isascii() for value in values) else None
        self.reach = _LONGEST_SPELLING * max((len(value) for value in values), default=0)
        characters = {char for value in values for char in value.lower() + value.upper()}
        # Case-sensitive, hex digits in both cases spelled out: under IGNORECASE the twins would match
        # every i, k and s, and re could not skip to the first character's set.
        codes = sorted({ord(char) for char in characters if ord(char) < 0x80})
        hexes = "|".join(sorted({variant for code in codes for variant in _cases(f"{code:02x}")}))
        self.anchors = re.compile(
            rf"(?:%|\\[uU]00)(?:{hexes})|[{''.join(sorted(CASE_TWINS))}]") if codes else None
        # The answers for short texts: a run redacts every header value of every exchange (tens of
        # thousands, mostly the same few: content types, lengths, dates), each a scan per secret.
        self._short: dict[str, bool] = {}

    @functools.cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """:func:`secrets_pattern` of each secret, longest first: compiled once per process and secret. (One
        pattern of them all took a fifth of a second to compile for a few dozen secrets, again after every
        registration, and a run registers one per login.)"""
        return tuple(_pattern_of(value) for value in sorted(self.values, key=lambda value: (-len(value), value)))

    def redact(self, text: str) -> str:
        """``text`` with every spelling of the secrets replaced, the longest secret's first."""
        for pattern in self.patterns:
            text = pattern.sub(REDACTED, text)
        return text

    def found(self, text: str) -> bool:
        """Whether ``text`` holds any spelling of the secrets."""
        if not self.values:
            return False
        if len(text) > _SHORT_TEXT:
            return self._found(text)
        known = self._short.get(text)
        if known is None:
            known = self._found(text)
            if len(self._short) >= _SHORT_ANSWERS:
                self._short.clear()
            self._short[text] = known
        return known

    def _found(self, text: str) -> bool:
        if self.plain is None or self.anchors is None:
            return any(pattern.search(text) is not None for pattern in self.patterns)
        if self.plain.holds(text):
            return True
        windows = list(self._windows(text))
        # The patterns only when an escape or a twin is there: most texts never need them.
        return any(pattern.search(text, start, end) is not None for start, end in windows for pattern in self.patterns)

    def _windows(self, text: str) -> Iterator[tuple[int, int]]:
        """Merged spans of the text within reach of an anchor: every match with an escape or a twin
        in it lies inside one (a match is at most ``reach`` characters long)."""
        assert self.anchors is not None
        if "%" not in text and "\\" not in text and not any(twin in text for twin in CASE_TWINS):
            return  # no anchor can start here: substring searches, far faster than the pattern's scan
        start = end = -1
        position = 0
        while (anchor := self.anchors.search(text, position)) is not None:
            low, high = max(0, anchor.start() - self.reach), anchor.end() + self.reach
            if low > end:
                if end >= 0:
                    yield start, end
                start = low
            end = max(end, high)
            # An anchor ending before ``end - reach`` lies in this window and cannot widen it: skip to where one
            # could start (anchors never overlap: no character inside one starts another). Where escapes of the
            # secrets' characters are dense, anchors are a few characters apart: a loop over each was 2 % of a run.
            position = max(anchor.end(), end - self.reach - _LONGEST_ANCHOR)
        if end >= 0:
            yield start, end
