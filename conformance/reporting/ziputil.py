"""Zip archives for evidence: a canonical writer, and a reader safe for archives from anyone.

The evidence bundle is written in one canonical form: entries deflated (zlib level 6, raw deflate,
no options; issue 48: the HAR compresses about 35 times) in a fixed order, every timestamp
1980-01-01 00:00, fixed attributes, no extra fields and no comments. The writer is ours (not
:mod:`zipfile`'s) so the bytes depend on nothing but the contents, on every Python version with the
same zlib. Bundles written before issue 48 stored their entries (:func:`write_stored_zip`); they
are still read and verified.

Verification (:func:`canonical_problem`) rebuilds the archive from its own entries and compares
byte for byte: every header, the directory and the end record must be what the writer gives for
those names, methods and contents, and each entry's compressed stream must inflate to exactly its
declared size and checksum with not a byte after its end. The deflate stream itself is taken as
it is (another zlib encodes the same content differently; what it inflates to is what the manifest's
hashes check), so a changed byte anywhere is noticed unless it changes nothing that is inflated.

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
_VERSION = 20  # 2.0: stored or deflated entries, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the attributes below mean what they say
_FILE_ATTRIBUTES = (stat.S_IFREG | 0o644) << 16
_ZIP32_LIMIT = 0xFFFF_FFFF
#: The canonical form's compression: raw deflate at this level, zlib's default memory and strategy.
DEFLATE_LEVEL = 6
_STORED, _DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
_PIECE = 1024 * 1024


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


def deflate(data: bytes) -> bytes:
    """``data`` as the canonical form compresses it (raw deflate, :data:`DEFLATE_LEVEL`)."""
    compressor = zlib.compressobj(DEFLATE_LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY)
    return compressor.compress(data) + compressor.flush()


def write_zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """The canonical archive of ``entries`` (name, content), in the order given, every entry deflated."""
    members = []
    for name, data in entries:
        _checked_size(name, data)
        members.append(_Member(_checked_name(name), _DEFLATED, zlib.crc32(data), len(data), deflate(data)))
    return _assemble(members)


def write_stored_zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """The archive of ``entries`` with every entry stored: the canonical form before issue 48 (old
    bundles are in it and still verify)."""
    members = []
    for name, data in entries:
        _checked_size(name, data)
        members.append(_Member(_checked_name(name), _STORED, zlib.crc32(data), len(data), data))
    return _assemble(members)


@dataclass(frozen=True)
class _Member:
    name: str
    method: int
    crc: int
    size: int
    raw: bytes  # the bytes as stored in the archive (the content, or its deflate stream)


def _checked_size(name: str, data: bytes) -> None:
    if len(data) > _ZIP32_LIMIT:
        raise ArchiveError(f"{name}: {len(data)} bytes is too large for an evidence bundle")


def _assemble(members: Sequence[_Member]) -> bytes:
    local = io.BytesIO()
    central = io.BytesIO()
    for member in members:
        encoded = member.name.encode("ascii")
        raw = member.raw
        if len(raw) > _ZIP32_LIMIT:
            raise ArchiveError(f"{member.name}: {len(raw)} bytes is too large for an evidence bundle")
        offset = local.tell()
        local.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, 0, member.method, 0, _DOS_DATE, member.crc,
                                len(raw), member.size, len(encoded), 0))
        local.write(encoded)
        local.write(raw)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, _MADE_BY, _VERSION, 0, member.method, 0,
                                  _DOS_DATE, member.crc, len(raw), member.size, len(encoded), 0, 0, 0, 0,
                                  _FILE_ATTRIBUTES, offset))
        central.write(encoded)
    directory = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), local.tell(), 0)
    return local.getvalue() + directory + end


def canonical_problem(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """Why ``data`` is not in a form the harness writes (deflated, or stored as before issue 48),
    or None. Reads the directory checked as :func:`open_checked` does; inflates each stream in
    pieces (never more than :data:`_PIECE` at once) to check it ends where the archive says."""
    archive, infos = open_checked(data, limits)
    if len({info.compress_type for info in infos}) > 1:
        archive.close()
        return "the archive mixes stored and compressed entries (the harness writes one or the other)"
    with archive:
        members = []
        for info in infos:
            start = info.header_offset
            if start + 30 > len(data):
                return f"{info.filename}: its local header lies outside the archive"
            name_length, extra_length = struct.unpack("<HH", data[start + 26:start + 30])
            begin = start + 30 + name_length + extra_length
            raw = data[begin:begin + info.compress_size]
            if len(raw) != info.compress_size:
                return f"{info.filename}: the archive ends inside this entry"
            if info.compress_type == _DEFLATED:
                problem = _stream_problem(info, raw)
                if problem:
                    return problem
            members.append(_Member(info.filename, info.compress_type, info.CRC, info.file_size, raw))
    if _assemble(members) != data:
        return ("the archive's bytes differ from the form the harness writes (entries reordered, "
                "recompressed with other options, or bytes changed outside the files)")
    return None


def _stream_problem(info: zipfile.ZipInfo, raw: bytes) -> str | None:
    """A deflate stream that does not inflate to exactly the declared size and checksum, or has
    bytes after its end."""
    inflater = zlib.decompressobj(-15)
    size, crc = 0, 0
    try:
        for start in range(0, len(raw), _PIECE):
            pending = raw[start:start + _PIECE]
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, _PIECE)
                size, crc = size + len(piece), zlib.crc32(piece, crc)
                if size > info.file_size:
                    return f"{info.filename}: inflates past the {info.file_size} bytes the archive says"
                pending = inflater.unconsumed_tail
            if inflater.eof and (pending or inflater.unused_data or start + _PIECE < len(raw)):
                return f"{info.filename}: bytes after the end of its compressed stream"
        while not inflater.eof and (piece := inflater.decompress(b"", _PIECE)):
            size, crc = size + len(piece), zlib.crc32(piece, crc)
            if size > info.file_size:
                return f"{info.filename}: inflates past the {info.file_size} bytes the archive says"
    except zlib.error as error:
        return f"{info.filename}: its compressed stream is broken ({error})"
    if not inflater.eof:
        return f"{info.filename}: its compressed stream is cut short"
    if size != info.file_size or crc != info.CRC:
        return f"{info.filename}: inflates to other bytes than the archive says"
    return None


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
    archive, infos = open_checked(data, limits)
    with archive:
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
