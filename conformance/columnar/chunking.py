"""Reading a file in chunks of whole lines, and the arrays each chunk in flight keeps (issue 51).

The screen (``kernel.marked_lines``), the digest's own pass (``digest.candidates``), the native
inspection (``kernel.inspect_native``) and the keyed reader (``keyed.read``) all read a file this way;
kept apart from the screen so that the digest, which the screen calls, does not import the screen
back (``tests/test_import_circles.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from conformance.columnar.transcode import LineTooLong

#: Bytes read per chunk (whole lines; a chunk is screened on one thread).
CHUNK_BYTES = 8 << 20
#: Lines per chunk at most: a chunk's line arrays take about 40 bytes a line, so a file of very
#: short lines (blank ones: 8 million in 8 MB) is screened in pieces of this many.
CHUNK_LINES = 1 << 18


class Scratch:
    """Arrays kept from one chunk to a later one, by name: a chunk's buffer and the screen's arrays
    taken fresh for each chunk made glibc's heap grow with the file (freed 8 MB blocks between
    long-lived small ones are not returned: 290 MB during a 1M-row pass, 400 at 10M; issue 51), and
    taken from mmap each time (glibc's threshold below them) they cost a page fault every 4 KB
    (the pass 70 % slower). A ring of these, one set per chunk in flight, keeps both flat."""

    def __init__(self) -> None:
        self._kept: dict[str, np.ndarray] = {}

    def take(self, name: str, shape: int | tuple[int, ...], dtype: type[np.generic], zero: bool = False) -> np.ndarray:
        """An array of ``shape`` (a view of the one kept under ``name``, grown when too small);
        zeroed when ``zero``, otherwise holding whatever the previous chunk left."""
        dims = (shape,) if isinstance(shape, int) else shape
        size = int(np.prod(dims))
        kept = self._kept.get(name)
        if kept is None or kept.dtype != dtype or kept.size < size:
            # A sixteenth more: the next chunks' sizes vary by a few lines (and a carried line's bytes), and
            # growing by exactly what each needs would free and take a block per chunk again.
            kept = self._kept[name] = np.empty(max(size + size // 16, 1), dtype=dtype)
        array = kept[:size].reshape(dims)
        if zero:
            array.fill(0)
        return array


def ring(slots: int) -> Iterator[Scratch]:
    """``slots`` scratch sets in turn, forever: the k-th chunk gets set k % slots, which is free when no
    more than ``slots - 1`` chunks are ever in flight before it (the callers' queues bound them)."""
    return itertools.cycle([Scratch() for _ in range(slots)])


def chunks(paths: Sequence[Path], longest: int = 8 << 20,
            buffers: Iterator[Scratch] | None = None) -> Iterator[tuple[np.ndarray, int, int, int]]:
    """(buffer, end, offset, lines): whole lines in buffer[:end] (``lines`` of them), about
    CHUNK_BYTES each, starting at ``offset`` of their file (a fresh buffer per chunk, or one of the
    ``buffers`` ring, which must hold a set more than the chunks the caller keeps in flight: the
    previous ones are still being read). Raises LineTooLong rather than hold a line of more than
    ``longest`` bytes."""
    from conformance.columnar import _kernel

    buffers = buffers if buffers is not None else iter(Scratch, None)  # without a ring: a fresh set each time
    scratch = next(buffers)
    for path in paths:
        carry = np.empty(0, dtype=np.uint8)
        offset = 0
        with path.open("rb") as stream:
            while True:
                buf = scratch.take("buffer", CHUNK_BYTES + len(carry), np.uint8)
                buf[: len(carry)] = carry
                size = len(carry) + stream.readinto(buf.data[len(carry) :])
                if size == len(carry):
                    break
                end = _kernel.last_line_end(buf, size)
                if end == 0:
                    if size > longest:
                        raise LineTooLong(f"{path.name}: a line of more than {longest} bytes")
                    carry = buf[:size].copy()  # a line longer than a chunk
                    continue
                carry = buf[end:size].copy()  # before the buffer's lines are yielded (and it is reused)
                yield from _pieces(buf, end, offset)
                offset += end
                scratch = next(buffers)  # the next set only once this one holds a chunk in flight
        if len(carry):
            yield from _pieces(carry, len(carry), offset)


def _pieces(buf: np.ndarray, end: int, offset: int) -> Iterator[tuple[np.ndarray, int, int, int]]:
    """buffer[:end] in runs of at most CHUNK_LINES lines (views: nothing is copied), with their
    line counts."""
    from conformance.columnar import _kernel

    start = 0
    while start < end:
        view = buf[start:]
        size, lines = _kernel.lines_end(view, end - start, CHUNK_LINES)
        yield view, int(size), offset + start, int(lines)
        start += int(size)
