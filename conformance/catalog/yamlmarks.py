"""YAML reading that keeps line numbers, so a catalog error can point at the line to fix.

The document is built from parser events rather than from ``yaml.compose``: libyaml's composer
recurses in C and crashes the interpreter on deeply nested input, while an event loop with an
explicit stack can refuse it. Scalars become plain values by their resolved tag, except that
timestamps stay strings (the models validate dates as strings, and strict pydantic rejects
``datetime.date``).

Problems that spoil only part of a document (a duplicate key, an unsupported tag, a key that is
not a string) are recorded with their path, so a caller can fail just the entry that holds them.
Problems that leave no usable document (syntax, encoding, size) raise ``YamlError`` at once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.reader import ReaderError
from yaml.resolver import Resolver

from conformance.errors import SpecError
from conformance.messages import display_path, show

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Catalogs come from a repository, but a runaway generator should not exhaust memory.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Values a document may expand to through aliases; about what 10 MiB of plain YAML can hold.
MAX_VALUES = 5_000_000
#: Characters of a scalar that count as one more value (so aliases of a long string are bounded
#: by what they expand to, not by their number).
SCALAR_CHARS_PER_VALUE = 16
#: Nesting depth; catalog entries nest a handful of levels.
MAX_DEPTH = 200

YamlKey: TypeAlias = str | int | float | bool | None
YamlValue: TypeAlias = "YamlKey | list[YamlValue] | dict[YamlKey, YamlValue]"
YamlPath: TypeAlias = tuple[YamlKey, ...]

_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"
_TEXT_TAGS = frozenset({
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", _MERGE,
})
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong at ``path`` (``()`` for the whole document) on a 1-based ``line``."""

    path: YamlPath
    line: int
    message: str


class YamlError(SpecError):
    """A YAML file that cannot be used; ``str()`` is ``file:line: message`` lines."""

    def __init__(self, file: str, problems: Iterable[YamlProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        super().__init__([f"{file}:{problem.line}: {problem.message}" for problem in self.problems])


@dataclass(eq=False, slots=True)
class _Mark:
    """Where a node starts, and where its keys (with their own lines) or items start."""

    line: int
    keys: dict[YamlKey, tuple[int, _Mark]] | None = None
    items: list[_Mark] | None = None

    def child(self, part: YamlKey) -> tuple[int, _Mark] | None:
        """The line of key or index ``part`` and the mark of its value, if it exists."""
        if self.keys is not None:
            return self.keys.get(part)
        if self.items is None or not isinstance(part, int) or isinstance(part, bool):
            return None
        if not 0 <= part < len(self.items):
            return None
        item = self.items[part]
        return item.line, item


@dataclass(frozen=True)
class MarkedDocument:
    """A YAML document as plain data, plus the line of every key and item in it."""

    path: Path
    data: YamlValue
    problems: tuple[YamlProblem, ...] = ()
    root: _Mark | None = field(default=None, repr=False)

    def line_of(self, path: YamlPath) -> int:
        """1-based line of the key (or item) at ``path``; of its closest existing parent if absent."""
        if self.root is None:
            return 1
        line, mark = self.root.line, self.root
        for part in path:
            found = mark.child(part)
            if found is None:
                break
            line, mark = found
        return line


def load_generated(text: str) -> Any:
    """Plain data of YAML the project wrote itself (an importer's round-trip check, the domain folders'
    texts): libyaml's loader, about 16 times faster than PyYAML's. Never for a file from outside: libyaml's
    composer recurses in C and crashes the interpreter on deeply nested input (``load_yaml`` refuses it)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_yaml(path: Path, *, collect_problems: bool = False) -> MarkedDocument:
    """Read one YAML document; raise ``YamlError`` if it is unusable.

    With ``collect_problems`` the partial problems are returned in ``problems`` instead of raised.
    """
    file = display_path(path)
    raw = _read(path, file)
    builder = _Builder(file)
    try:
        for event in yaml.parse(raw, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(file, [_syntax_problem(exc)]) from None
    except ReaderError as exc:
        raise YamlError(file, [_reader_problem(exc, raw)]) from None
    document = builder.document(path)
    if document.problems and not collect_problems:
        raise YamlError(file, document.problems)
    return document


def _fatal(file: str, line: int, message: str) -> YamlError:
    return YamlError(file, [YamlProblem((), line, message)])


def _read(path: Path, file: str) -> bytes:
    """The file's bytes, once they are known to be UTF-8 and of a sane size."""
    from conformance.inputs import NotRegularFile, kind_of

    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # a FIFO or a device would block or never end: refused by type
            raise _fatal(file, 1, f"is {kind_of(mode)}, not a regular file")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise NotRegularFile(str(path))
            raw = stream.read(MAX_FILE_BYTES + 1)
    except NotRegularFile:
        raise _fatal(file, 1, "is not a regular file") from None
    except OSError as exc:
        raise _fatal(file, 1, f"cannot read the file: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _fatal(file, 1, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; split it")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start]
        message = f"not valid UTF-8: byte 0x{bad:02x} at byte offset {exc.start}; save the file as UTF-8"
        raise _fatal(file, line, message) from None
    return raw


def _syntax_problem(exc: yaml.MarkedYAMLError) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    message = f"YAML syntax error: {exc.problem or exc.context}"
    if exc.context and exc.context_mark and exc.problem:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    if "tab" in message or "\\t" in message:
        message += "; indent with spaces, not tabs"
    return YamlProblem((), mark.line + 1 if mark else 1, message)


def _reader_problem(exc: ReaderError, raw: bytes) -> YamlProblem:
    # libyaml reads UTF-8 bytes, so the position is a byte offset into the file.
    position = exc.position if isinstance(exc.position, int) else 0
    line = raw.count(b"\n", 0, position) + 1
    return YamlProblem((), line, f"YAML syntax error: {exc.reason}")


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


@dataclass(eq=False, slots=True)
class _Frame:
    """A mapping or sequence being built, with the key that waits for its value."""

    path: YamlPath
    mark: _Mark
    value: dict[YamlKey, YamlValue] | list[YamlValue]
    anchor: str | None
    size: int = 1
    has_key: bool = False
    key: YamlKey = None
    key_line: int = 0
    merge: bool = False
    merged: list[tuple[dict[YamlKey, YamlValue], _Mark]] = field(default_factory=list)


#: A finished node: its value, its mark and how many values it expands to.
_Built: TypeAlias = tuple[YamlValue, _Mark, int]


class _Builder:
    """Turns parser events into plain data and marks."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Built] = {}
        self.open_anchors: set[str] = set()
        self.problems: list[YamlProblem] = []
        self.root: _Built | None = None
        self.documents = 0

    def document(self, path: Path) -> MarkedDocument:
        data, mark = (self.root[0], self.root[1]) if self.root is not None else (None, None)
        return MarkedDocument(path, data, tuple(self.problems), mark)

    def feed(self, event: Event) -> None:
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def fatal(self, line: int, message: str) -> YamlError:
        return _fatal(self.file, line, message)

    def problem(self, path: YamlPath, line: int, message: str) -> None:
        self.problems.append(YamlProblem(path, line, message))

    def next_path(self) -> YamlPath:
        """Path of the node about to be added (a key's path is its mapping's)."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.key) if top.has_key else top.path

    # -- events ---------------------------------------------------------------------------------

    def on_document(self, event: Event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fatal(_line(event), "found a second YAML document ('---'); a file holds one")

    def on_scalar(self, event: Event) -> None:
        assert isinstance(event, ScalarEvent)
        line = _line(event)
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolve_tag(event.value, event.implicit)
        value = self.scalar(tag, event.value, line)
        # A long text weighs more than one value: an alias repeats all of it wherever the document
        # is expanded (validation, JSON), so aliases of a long string count by its length.
        self.add((value, _Mark(line), 1 + len(event.value) // SCALAR_CHARS_PER_VALUE), event.anchor,
                 merge_key=tag == _MERGE)

    def on_start(self, event: Event) -> None:
        assert isinstance(event, SequenceStartEvent | MappingStartEvent)
        line = _line(event)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fatal(line, f"nested deeper than {MAX_DEPTH} levels")
        is_map = isinstance(event, MappingStartEvent)
        path = self.next_path()
        if event.tag not in (None, "!", _MAP if is_map else _SEQ):
            self.problem(path, line, f"unsupported tag {_short_tag(str(event.tag))}")
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        mark = _Mark(line, keys={}) if is_map else _Mark(line, items=[])
        value: dict[YamlKey, YamlValue] | list[YamlValue] = {} if is_map else []
        self.stack.append(_Frame(path, mark, value, event.anchor))

    def on_end(self, event: Event) -> None:
        frame = self.stack.pop()
        _apply_merges(frame)
        if frame.size > MAX_VALUES:
            raise self.fatal(frame.mark.line, f"expands to more than {MAX_VALUES:,} values through aliases")
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
        self.add((frame.value, frame.mark, frame.size), frame.anchor)

    def on_alias(self, event: Event) -> None:
        assert isinstance(event, AliasEvent)
        anchor = str(event.anchor)
        if anchor in self.open_anchors:
            raise self.fatal(_line(event), f"alias *{anchor} refers to a node that contains it")
        built = self.anchors.get(anchor)
        if built is None:
            raise self.fatal(_line(event), f"alias *{anchor} has no anchor &{anchor} before it")
        self.add(built, None)

    # -- building ---------------------------------------------------------------------------------

    def scalar(self, tag: str, text: str, line: int) -> YamlValue:
        if tag in _TEXT_TAGS:
            return text
        construct = _SCALAR_CONSTRUCTORS.get(tag)
        if construct is None:
            self.problem(self.next_path(), line, f"unsupported tag {_short_tag(tag)}")
            return text
        try:
            return construct(ScalarNode(tag, text))
        except (ConstructorError, KeyError, ValueError):
            self.problem(self.next_path(), line, f"{show(text)} is not a valid {_short_tag(tag)}")
            return text

    def add(self, built: _Built, anchor: str | None, *, merge_key: bool = False) -> None:
        if anchor is not None:
            self.anchors[anchor] = built
        if not self.stack:
            self.root = built
            return
        top = self.stack[-1]
        value, mark, size = built
        top.size += size
        if isinstance(top.value, list):
            top.value.append(value)
            assert top.mark.items is not None
            top.mark.items.append(mark)
        elif top.has_key:
            self.set_value(top, top.value, built)
        else:
            self.set_key(top, value, mark.line, merge_key)

    def set_key(self, top: _Frame, key: YamlValue, line: int, merge_key: bool) -> None:
        if isinstance(key, dict | list):
            raise self.fatal(line, "a mapping key must be a plain value, not a list or mapping")
        if not isinstance(key, str):
            hint = " (YAML reads yes/no/on/off as booleans)" if isinstance(key, bool) else ""
            self.problem((*top.path, key), line, f"key {show(key)} is not a string{hint}; quote it")
        top.has_key, top.key, top.key_line, top.merge = True, key, line, merge_key

    def set_value(self, top: _Frame, mapping: dict[YamlKey, YamlValue], built: _Built) -> None:
        value, mark, _ = built
        top.has_key = False
        if top.merge:
            self.add_merge(top, value, mark)
            return
        assert top.mark.keys is not None
        first = top.mark.keys.get(top.key)
        if first is not None:
            message = f"duplicate key {show(top.key)}; first defined at line {first[0]}"
            self.problem((*top.path, top.key), top.key_line, message)
        mapping[top.key] = value
        top.mark.keys[top.key] = (top.key_line, mark)

    def add_merge(self, top: _Frame, value: YamlValue, mark: _Mark) -> None:
        """Record the sources of a ``<<`` merge key; they are applied when the mapping ends."""
        sources = list(zip(value, mark.items or [], strict=False)) if isinstance(value, list) else [(value, mark)]
        for source, source_mark in sources:
            if not isinstance(source, dict):
                self.problem(top.path, top.key_line, "<< must be a mapping or a list of mappings")
                return
            top.merged.append((source, source_mark))


def _apply_merges(frame: _Frame) -> None:
    """Add merged keys that the mapping does not set itself; earlier sources win."""
    if not isinstance(frame.value, dict) or frame.mark.keys is None:
        return
    for source, source_mark in frame.merged:
        for key, value in source.items():
            if key not in frame.value:
                frame.value[key] = value
                if source_mark.keys is not None and key in source_mark.keys:
                    frame.mark.keys[key] = source_mark.keys[key]


def _resolve_tag(text: str, implicit: tuple[bool, bool]) -> str:
    """The tag of an untagged scalar, by the same rules as PyYAML's safe loader."""
    tag: str = _RESOLVER.resolve(ScalarNode, text, implicit)  # type: ignore[no-untyped-call]  # untyped stub
    return tag


def _line(event: Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 1


_SCALAR_CONSTRUCTORS: dict[str, Callable[[ScalarNode], YamlValue]] = {
    _NULL: _CONSTRUCTOR.construct_yaml_null,
    _BOOL: _CONSTRUCTOR.construct_yaml_bool,
    _INT: _CONSTRUCTOR.construct_yaml_int,
    _FLOAT: _CONSTRUCTOR.construct_yaml_float,
}

_HANDLERS: dict[type, Callable[[_Builder, Event], None]] = {
    DocumentStartEvent: _Builder.on_document,
    ScalarEvent: _Builder.on_scalar,
    SequenceStartEvent: _Builder.on_start,
    MappingStartEvent: _Builder.on_start,
    SequenceEndEvent: _Builder.on_end,
    MappingEndEvent: _Builder.on_end,
    AliasEvent: _Builder.on_alias,
}

__all__ = ["MarkedDocument", "YamlError", "YamlKey", "YamlPath", "YamlProblem", "YamlValue", "load_yaml"]
