"""Export sources: where a vendor's export files come from (its API, or a directory it wrote to).

Both give an :class:`~conformance.targets.base.ExportFile` on local disk with the encoding the vendor
*declares*; whether the bytes agree is for the file checks to judge, so nothing here decodes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Protocol, runtime_checkable

from conformance.catalog.layouts import ColumnMap
from conformance.errors import ProfileError, TargetError, UnreachableError
from conformance.inputs import write_private
from conformance.profiles import ExportTarget
from conformance.targets.base import ExportFile, ExportSource, HttpClient

#: Spellings vendors use for the encodings the catalog names (IANA names, Java and Windows aliases).
_ENCODING_ALIASES: dict[str, str] = {
    "utf8": "utf-8",
    "utf_8": "utf-8",
    "utf8-sig": "utf-8-sig",
    "utf_8_sig": "utf-8-sig",
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "ms932": "cp932",
    "ms_kanji": "cp932",
    "x-ms-cp932": "cp932",
}

_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9_.-]")


def normalize_encoding(name: str) -> str:
    """The catalog's spelling of an encoding name (``UTF8`` -> ``utf-8``, ``Windows-31J`` -> ``cp932``).

    Unknown names are only lower-cased and trimmed, so a check can report them as given.
    """
    lowered = name.strip().strip("\"'").lower()
    return _ENCODING_ALIASES.get(lowered, lowered)


def charset_of(content_type: str) -> str:
    """The normalized ``charset`` parameter of a Content-Type header ('' when there is none)."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            return normalize_encoding(value)
    return ""


@runtime_checkable
class MapsColumns(Protocol):
    """An export source that knows the vendor's own column names (profile ``targets.exports.columns``)."""

    def column_map(self, layout: str) -> ColumnMap:
        """The vendor's names for ``layout``'s columns, and what its extra columns are."""
        ...

    def interpretations(self) -> Mapping[str, str]:
        """The profile's choices where the specification leaves room (``interpretations``)."""
        ...

    def test_municipalities(self) -> frozenset[str]:
        """The test environment's own 市区町村コード (``test_municipalities``)."""
        ...


class ColumnMaps:
    """The profile's ``columns`` and ``extra_columns``, by layout."""

    def __init__(self, columns: Mapping[str, Mapping[str, str]] | None = None,
                 extra: Mapping[str, str] | None = None, interpretations: Mapping[str, str] | None = None,
                 test_municipalities: Iterable[str] = (), absent: Mapping[str, Iterable[str]] | None = None,
                 order: Mapping[str, str] | None = None,
                 codes: Mapping[str, Mapping[str, Mapping[str, str]]] | None = None) -> None:
        self._columns = {layout: dict(names) for layout, names in (columns or {}).items()}
        self._codes = {layout: dict(items) for layout, items in (codes or {}).items()}
        self._absent = {layout: frozenset(names) for layout, names in (absent or {}).items()}
        self._order = dict(order or {})
        self._extra = dict(extra or {})
        self._interpretations = dict(interpretations or {})
        self._test_municipalities = frozenset(test_municipalities)

    def _take(self, maps: ColumnMaps | None) -> None:
        """Every declaration of ``maps`` (a source made with the profile's maps; None: a source made without, which
        keeps none)."""
        if maps is None:
            return
        self._columns, self._extra, self._interpretations = maps._columns, maps._extra, maps._interpretations
        self._test_municipalities, self._absent, self._order = maps._test_municipalities, maps._absent, maps._order
        self._codes = maps._codes

    def interpretations(self) -> Mapping[str, str]:
        """The profile's choices where the specification leaves room (``interpretations``)."""
        return self._interpretations

    def test_municipalities(self) -> frozenset[str]:
        """The test environment's own 市区町村コード (``test_municipalities``)."""
        return self._test_municipalities

    def column_map(self, layout: str) -> ColumnMap:
        """The vendor's names for ``layout``'s columns, and what its extra columns are."""
        return ColumnMap(self._columns.get(layout, {}), self._extra.get(layout, "report"),
                         self._absent.get(layout, frozenset()), self._order.get(layout, "layout"))

    def value_codes(self, layout: str) -> Mapping[str, Mapping[str, str]]:
        """The codes mapped before the rules read ``layout``'s values: item -> {value as written: code}
        (empty unless the maps were made with ``codes``)."""
        return self._codes.get(layout, {})

    @classmethod
    def of(cls, target: ExportTarget | None, *, codes: bool = False) -> ColumnMaps:
        """The maps a profile's ``targets.exports`` declares (none without it). ``codes``: its
        ``reconcile.<layout>.codes`` too, which the file's values then go through before the rules
        (``conformance validate --map-codes``: a legacy export's codes read as this product's)."""
        if target is None:
            return cls()
        value_codes = {lid: t.codes for lid, t in target.reconcile.items() if t.codes} if codes else {}
        return cls(target.columns, target.extra_columns, target.interpretations, target.test_municipalities,
                   target.absent_columns, target.column_order, value_codes)


def _not_configured(layout: str, files: Mapping[str, str]) -> TargetError:
    configured = ", ".join(sorted(files)) or "none"
    return TargetError(f"export layout {layout!r} is not configured (targets.exports.files has: {configured})")


def _configured(layout: str, files: Mapping[str, str]) -> str:
    """The profile's path or file name for ``layout``."""
    try:
        return files[layout]
    except KeyError:
        raise _not_configured(layout, files) from None


class ApiExportSource(ColumnMaps):
    """Export files fetched with GET through the vendor's API client."""

    def __init__(self, client: HttpClient, files: Mapping[str, str], workdir: Path,
                 maps: ColumnMaps | None = None) -> None:
        super().__init__()
        self._take(maps)
        self._client = client
        self._files = dict(files)
        self._workdir = workdir
        self._written: set[Path] = set()
        self._snapshot: dict[str, ExportFile | TargetError] = {}

    def offers(self, layout: str) -> bool:
        """Whether the profile maps ``layout`` to an API path."""
        return layout in self._files

    def snapshot(self) -> None:
        """Fetch every configured export now, as the data was loaded: the first :meth:`fetch` of a
        layout then gets this copy. Scenarios change the vendor's records during a run; an export
        fetched after them would be judged against rows it no longer matches, and which scenarios
        ran first depends on the selection (a shard, ``-k``). A failed fetch is kept and raised by
        that first fetch (its requirement's error); an unreachable vendor stops the run here."""
        for layout in self._files:
            try:
                self._snapshot[layout] = self._get(layout)
            except UnreachableError:
                raise
            except TargetError as error:
                self._snapshot[layout] = error

    def fetch(self, layout: str) -> ExportFile:
        """The snapshot's copy of the layout on the first call after :meth:`snapshot`; otherwise GET
        the layout's path, store the body in the work directory, keep the declared charset."""
        kept = self._snapshot.pop(layout, None)
        if isinstance(kept, TargetError):
            raise kept
        return kept if kept is not None else self._get(layout)

    def fetch_current(self, layout: str) -> ExportFile:
        """GET the layout now, whatever the snapshot holds: what the vendor exports after the run's own
        異動 (the model of 住民記録 reconciles it with its records); the snapshot stays for the checks."""
        return self._get(layout)

    def _get(self, layout: str) -> ExportFile:
        path = _configured(layout, self._files)
        response = self._client.request("get", path)
        if response.status != 200:
            raise TargetError(f"GET {path}: status {response.status}, expected 200 with the export file")
        self._workdir.mkdir(parents=True, exist_ok=True)
        local = _unused(self._workdir / _local_name(layout, path), self._written)
        self._written.add(local)
        write_private(local, response.body)  # the vendor's data: 0600, whole or absent
        return ExportFile(path=local, layout=layout, declared_encoding=charset_of(response.content_type))


def _unused(path: Path, written: set[Path]) -> Path:
    """``path``, or ``<stem>-2<suffix>`` ... when this source already wrote it: a later fetch (the
    vendor's data changed since, by a scenario) must not rewrite a file an earlier verdict rests on."""
    candidate, number = path, 1
    while candidate in written:
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _local_name(layout: str, api_path: str) -> str:
    """A file name for the download: the layout id (made safe) plus the URL's extension, if plain."""
    stem = _UNSAFE_NAME_CHARS.sub("_", layout).lstrip(".") or "export"
    suffix = PurePosixPath(api_path.split("?", 1)[0]).suffix
    return stem + (suffix if _SAFE_SUFFIX.fullmatch(suffix) else "")


class DirectoryExportSource(ColumnMaps):
    """Export files the vendor wrote into a directory; the profile declares their encodings."""

    def __init__(self, directory: Path, files: Mapping[str, str], encodings: Mapping[str, str],
                 maps: ColumnMaps | None = None) -> None:
        super().__init__()
        self._take(maps)
        self._directory = directory
        self._files = dict(files)
        self._encodings = {layout: normalize_encoding(name) for layout, name in encodings.items()}

    def offers(self, layout: str) -> bool:
        """Whether the profile maps ``layout`` to a file of the directory."""
        return layout in self._files

    def fetch(self, layout: str) -> ExportFile:
        """The configured file of ``layout`` inside the directory, with its declared encoding."""
        name = _configured(layout, self._files)
        path = _inside(self._directory, name)
        return ExportFile(path=path, layout=layout, declared_encoding=self._encodings.get(layout, ""))


def _inside(directory: Path, name: str) -> Path:
    """``directory / name`` as an existing regular file that does not escape the directory.

    A profile is vendor-supplied: '..', absolute paths and symlinks out of the directory would let
    it make the harness read (and report on) arbitrary local files.
    """
    relative = Path(name)
    if not name or relative.is_absolute() or relative.anchor or ".." in relative.parts:
        raise TargetError(f"export file {name!r} must be a relative path inside {directory}")
    root = directory.resolve()
    resolved = (root / relative).resolve()
    if not resolved.is_relative_to(root):
        raise TargetError(f"export file {name!r} resolves outside {directory} (symlink?)")
    if not resolved.is_file():
        raise TargetError(f"export file {name!r} not found in {directory}")
    return resolved


def build_export_source(target: ExportTarget, client: HttpClient | None, workdir: Path) -> ExportSource:
    """The export source a profile's ``targets.exports`` describes.

    A relative ``directory`` is taken relative to the working directory; callers that want it
    relative to the profile file resolve it first.
    """
    if target.via == "api":
        if client is None:
            raise ProfileError("targets.exports.via is 'api' but the profile configures no targets.api")
        return ApiExportSource(client, target.files, workdir, ColumnMaps.of(target))
    if target.directory is None:
        raise ProfileError("targets.exports.via is 'directory' but targets.exports.directory is not set")
    return DirectoryExportSource(Path(target.directory), target.files, target.encoding, ColumnMaps.of(target))


class FileExportSource(ColumnMaps):
    """Export files named one by one (``conformance validate``): each a regular file, read where it is."""

    def __init__(self, files: Mapping[str, Path], encodings: Mapping[str, str],
                 maps: ColumnMaps | None = None) -> None:
        super().__init__()
        self._take(maps)
        self._files = dict(files)
        self._encodings = {layout: normalize_encoding(name) for layout, name in encodings.items()}

    def offers(self, layout: str) -> bool:
        """Whether a file of ``layout`` was named."""
        return layout in self._files

    def fetch(self, layout: str) -> ExportFile:
        """The file named for ``layout``, with the encoding declared for it ('' when none)."""
        path = self._files.get(layout)
        if path is None:
            raise _not_configured(layout, {name: str(file) for name, file in self._files.items()})
        if not path.is_file():
            raise TargetError(f"{path}: not a regular file")
        return ExportFile(path=path, layout=layout, declared_encoding=self._encodings.get(layout, ""))
