"""Reading the files a user or a vendor names: regular files only, bounded, never blocking.

A FIFO, a device or a socket where a file is expected would block the harness or read forever;
their ``st_size`` says nothing. :func:`read_regular` opens without blocking, asks the open file
what it is (``fstat``), refuses anything but a regular file by its type, and reads at most
``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from conformance.errors import UsageError
from conformance.limits import MAX_DOCUMENT_BYTES, JsonLimitError, check_json_shape

#: Depth and values of a document the harness wrote itself (results.json, manifest, HAR).
DOCUMENT_DEPTH = 64
DOCUMENT_MEMBERS = 50_000_000


class NotRegularFile(UsageError):
    """A path that is not a regular file (a directory, FIFO, device, socket) or cannot be opened."""


def kind_of(mode: int) -> str:
    """A file type in words."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def check_regular(path: Path, what: str = "") -> Path:
    """``path`` when it is a regular file (symlinks followed), else :class:`NotRegularFile`."""
    label = f"{what}: " if what else ""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise NotRegularFile(f"{label}{path}: cannot be read (no such file)") from None
    except OSError as error:
        raise NotRegularFile(f"{label}{path}: cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(mode):
        raise NotRegularFile(f"{label}{path}: is {kind_of(mode)}, not a regular file")
    return path


def read_regular(path: Path, limit: int = MAX_DOCUMENT_BYTES, what: str = "") -> bytes:
    """The bytes of a regular file, at most ``limit`` of them (a UsageError beyond it)."""
    label = f"{what}: " if what else ""
    check_regular(path, what)  # by type first: a socket or a device is not even opened
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise NotRegularFile(f"{label}{path}: cannot be read ({error.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode  # again on what was opened: it may have been swapped since
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"{label}{path}: is {kind_of(mode)}, not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UsageError(f"{label}{path}: larger than {limit:,} bytes")
    return data


def read_json_document(path: Path, what: str = "", limit: int = MAX_DOCUMENT_BYTES) -> Any:
    """A JSON document from a regular file, within the size, depth and value limits."""
    return parse_json_document(read_regular(path, limit, what), path, what)


def parse_json_document(data: bytes, path: Path, what: str = "") -> Any:
    """The JSON document in ``data`` (read from ``path`` by :func:`read_regular`), within the depth
    and value limits; a UsageError names the file."""
    import json

    label = f"{what}: " if what else ""
    try:
        check_json_shape(data, max_depth=DOCUMENT_DEPTH, max_members=DOCUMENT_MEMBERS)
        return json.loads(data)
    except JsonLimitError as error:
        raise UsageError(f"{label}{path}: {error}") from None
    except ValueError as error:
        raise UsageError(f"{label}{path}: not JSON ({error})") from None


def write_private(path: Path, data: bytes) -> None:
    """Write a copy of vendor data (an export file fetched from its API) readable by the owner only
    (0600), whole or not at all (a temporary name in the same directory, then renamed)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
