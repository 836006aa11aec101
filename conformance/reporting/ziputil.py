"""Zip archives for evidence: a canonical writer, and a reader safe for archives from anyone.

The evidence bundle is written in one canonical form: entries stored (not compressed) in a fixed
order, every timestamp 1980-01-01 00:00, fixed attributes, no extra fields and no comments. The
writer is ours (not :mod:`zipfile`'s) so the bytes depend on nothing but the contents, on every
Python version. Verification rebuilds the canonical bytes from the contents and compares: a byte
changed anywhere, in a file or in the archive's own structure, is noticed.

Reading never extracts to disk and checks before inflating: names (no absolute paths, no ``..``,
no backslashes or drive letters, no directories or links, no duplicates), the number of entries,
declared and actual sizes, and the compression ratio (a zip bomb is refused before it is inflated).
"""

from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from conformance.errors import ConformanceError

#: 1980-01-01 as a DOS date (the zip format's epoch); the time is 00:00:00.
_DOS_DATE = (0 << 9) | (1 << 5) | 1
_VERSION = 20  # 2.0: stored entries, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the attributes below mean what they say
_FILE_ATTRIBUTES = (stat.S_IFREG | 0o644) << 16
_ZIP32_LIMIT = 0xFFFF_FFFF


class ArchiveError(ConformanceError):
    """An archive that is unsafe or unreadable; the message says what is wrong."""


@dataclass(frozen=True)
class Limits:
    """What a reader accepts from an archive it did not write."""

    archive_bytes: int = 256 * 1024 * 1024
    entries: int = 1000
    entry_bytes: int = 256 * 1024 * 1024
    total_bytes: int = 512 * 1024 * 1024
    ratio: int = 100


#: The limits used when a caller names none.
DEFAULT_LIMITS = Limits()


def write_stored_zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """The canonical archive of ``entries`` (name, content), in the order given."""
    local = io.BytesIO()
    central = io.BytesIO()
    for name, data in entries:
        encoded = _checked_name(name).encode("ascii")
        if len(data) > _ZIP32_LIMIT:
            raise ArchiveError(f"{name}: {len(data)} bytes is too large for an evidence bundle")
        crc = zlib.crc32(data)
        offset = local.tell()
        local.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, 0, 0, 0, _DOS_DATE, crc,
                                len(data), len(data), len(encoded), 0))
        local.write(encoded)
        local.write(data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, _VERSION, 0, 0, 0, _DOS_DATE,
                                  crc, len(data), len(data), len(encoded), 0, 0, 0, 0, _FILE_ATTRIBUTES, offset))
        central.write(encoded)
    directory = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), local.tell(), 0)
    return local.getvalue() + directory + end


def _checked_name(name: str) -> str:
    """``name`` if it is a safe relative path of printable ASCII, else an ArchiveError."""
    parts = name.split("/")
    unsafe = (
        not name
        or not name.isascii()
        or not name.isprintable()
        or "\\" in name
        or ":" in name
        or name.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
    )
    if unsafe:
        raise ArchiveError(f"unsafe entry name {name!r}: entries must be relative paths without '..'")
    return name


def read_entries(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[tuple[str, bytes]]:
    """The entries (name, content) of an archive in its order, read safely (module docstring)."""
    if len(data) > limits.archive_bytes:
        raise ArchiveError(f"the archive is {len(data)} bytes; at most {limits.archive_bytes} are accepted")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchiveError(f"not a zip archive: {error}") from None
    with archive:
        infos = archive.infolist()
        _check_directory(infos, limits)
        return [(info.filename, _read(archive, info)) for info in infos]


def open_checked(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its entries, the directory checked (names, counts, declared sizes, ratio) and
    nothing inflated yet: a caller reads the entries it needs, in its order (:func:`read_entry`)."""
    if len(data) > limits.archive_bytes:
        raise ArchiveError(f"the archive is {len(data)} bytes; at most {limits.archive_bytes} are accepted")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchiveError(f"not a zip archive: {error}") from None
    infos = archive.infolist()
    _check_directory(infos, limits)
    return archive, infos


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One entry's bytes, checked against its declared size (see :func:`open_checked`)."""
    return _read(archive, info)


def _check_directory(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.entries:
        raise ArchiveError(f"the archive has {len(infos)} entries; at most {limits.entries} are accepted")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = _checked_name(info.filename)
        if name in seen:
            raise ArchiveError(f"{name}: the archive holds this name twice")
        seen.add(name)
        _check_entry(info, limits)
        total += info.file_size
        if total > limits.total_bytes:
            raise ArchiveError(f"the archive unpacks to more than {limits.total_bytes} bytes")


def _check_entry(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    kind = stat.S_IFMT(info.external_attr >> 16)
    if info.is_dir() or kind not in (0, stat.S_IFREG):
        raise ArchiveError(f"{name}: only regular files are accepted (not a directory or a link)")
    if info.flag_bits & 0x1:
        raise ArchiveError(f"{name}: encrypted entries are not accepted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveError(f"{name}: compression method {info.compress_type} is not accepted")
    if info.file_size > limits.entry_bytes:
        raise ArchiveError(f"{name}: {info.file_size} bytes; at most {limits.entry_bytes} per file are accepted")
    if info.compress_type == zipfile.ZIP_DEFLATED and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise ArchiveError(
            f"{name}: compressed {info.compress_size} -> {info.file_size} bytes exceeds the ratio limit "
            f"{limits.ratio}:1 (zip bomb?)"
        )


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, reading at most one byte more than declared (a lying header is caught)."""
    try:
        with archive.open(info) as handle:
            content = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError) as error:
        raise ArchiveError(f"{info.filename}: unreadable ({error})") from None
    if len(content) != info.file_size:
        raise ArchiveError(f"{info.filename}: holds {len(content)} bytes, the archive says {info.file_size}")
    return content
