"""conformance.stack: a call through a frame that reserves most of a chunk of CPython's frame stack."""

from __future__ import annotations

import sys

import pytest

from conformance.stack import RESERVED_SLOTS, in_one_stack_chunk


def test_the_call_is_the_functions_with_its_arguments_and_result() -> None:
    assert in_one_stack_chunk(divmod, 17, 5) == (3, 2)
    assert in_one_stack_chunk(sorted, [3, 1, 2], reverse=True) == [3, 2, 1]


def test_an_exception_passes_through_unchanged() -> None:
    with pytest.raises(ZeroDivisionError):
        in_one_stack_chunk(divmod, 1, 0)


def test_the_frame_reserves_most_of_a_chunk_of_one_mebibyte() -> None:
    # CPython sizes a frame from co_stacksize: 100,000 slots of 8 bytes put it at the start of a new 1 MiB chunk
    # (the next power of two holding it and 1,000 slots more) and leave the rest of the chunk to the call.
    assert in_one_stack_chunk.__code__.co_stacksize == RESERVED_SLOTS
    assert 8 * (RESERVED_SLOTS + 1_000) <= 1 << 20 and (1 << 20) - 8 * RESERVED_SLOTS >= 200_000


def test_calls_deeper_than_the_chunk_still_work() -> None:
    def down(depth: int) -> int:
        return depth if depth == 0 else 1 + down(depth - 1)

    depth = sys.getrecursionlimit() - 100  # each frame of `down` is small: 900 of them fit; more spill over
    assert in_one_stack_chunk(down, depth) == depth
    assert in_one_stack_chunk(in_one_stack_chunk, down, 10) == 10  # a reserve inside a reserve takes another chunk
