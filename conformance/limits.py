"""Limits on what a vendor, a file or a results document can make the harness spend.

Every number here is a default; a profile changes the per-target ones (``targets.api``:
``timeout_seconds``, ``run_budget_seconds``, ``max_pages``, ``max_json_depth``,
``max_json_members``; ``docs/security.md``). The JSON limits are enforced by :func:`check_json_shape`,
a bounded scan that runs before :func:`json.loads` does: the scan is linear in the bytes and needs
no recursion, so an answer nested 100,000 deep or with a million keys costs a scan, not a parse.
"""

from __future__ import annotations

import json
from typing import Any

from conformance.errors import UnreachableError

#: Default nesting depth of one JSON answer (arrays and objects).
MAX_JSON_DEPTH = 64
#: Default number of values in one JSON answer (array elements and object members together).
MAX_JSON_MEMBERS = 200_000
#: Default pages of one paged query before the harness gives up on it.
MAX_PAGES = 1000
#: Default overall budget of a run's exchanges with the vendor, in seconds.
RUN_BUDGET_SECONDS = 4 * 3600.0
#: Bytes of a results.json, manifest or signature document the report commands read.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

#: Bytes walked per step (bounded temporary arrays).
_STEP = 4 << 20
_QUOTE, _COMMA = ord('"'), ord(",")
_OPEN = (ord("["), ord("{"))
_CLOSE = (ord("]"), ord("}"))


class JsonLimitError(ValueError):
    """A JSON document over a limit (what and where in the message)."""


def check_json_shape(data: bytes | str, *, max_depth: int = MAX_JSON_DEPTH,
                     max_members: int = MAX_JSON_MEMBERS) -> None:
    """Raise :class:`JsonLimitError` when ``data`` nests deeper than ``max_depth`` or holds more than
    ``max_members`` values; a document that is not JSON at all passes (the parser says so).

    Escaped backslashes and quotes are blanked first (``bytes.replace``), so every remaining quote
    opens or closes a string; then, in bounded steps and in C (numpy), the brackets and commas
    outside strings are counted and the depth followed. Linear in the bytes whatever the shape, no
    recursion, about 0.1 s for 30 MB.
    """
    import numpy as np

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    opened = raw.count(b"[") + raw.count(b"{")
    if opened <= max_depth and opened + raw.count(b",") <= max_members:
        return  # the counts with the brackets in strings bound both, within the limits (most answers: no numpy)
    bare = raw.replace(b"\\\\", b"__").replace(b'\\"', b"__")
    depth = members = inside = 0
    for start in range(0, len(bare), _STEP):
        step = np.frombuffer(bare, dtype=np.uint8, count=min(_STEP, len(bare) - start), offset=start)
        # Only the bytes that matter: quotes, brackets, commas (few, in a text-heavy answer).
        marks = step[(step == _QUOTE) | (step == _COMMA) | (step == _OPEN[0]) | (step == _OPEN[1])
                     | (step == _CLOSE[0]) | (step == _CLOSE[1])]
        if marks.size == 0:
            continue
        quotes = np.cumsum(marks == _QUOTE, dtype=np.int64) + inside
        outside = (quotes & 1) == 0
        inside = int(quotes[-1]) & 1
        opens = ((marks == _OPEN[0]) | (marks == _OPEN[1])) & outside
        closes = ((marks == _CLOSE[0]) | (marks == _CLOSE[1])) & outside
        members += int(np.count_nonzero(opens)) + int(np.count_nonzero((marks == _COMMA) & outside))
        if members > max_members:
            raise JsonLimitError(f"JSON with more than {max_members:,} values")
        delta = opens.astype(np.int32) - closes.astype(np.int32)
        if not delta.any():
            continue
        levels = np.cumsum(delta, dtype=np.int64) + depth
        if int(levels.max()) > max_depth:
            raise JsonLimitError(f"JSON nested deeper than {max_depth} levels")
        depth = int(levels[-1])


def loads_bounded(data: bytes | str, *, max_depth: int = MAX_JSON_DEPTH,
                  max_members: int = MAX_JSON_MEMBERS) -> Any:
    """:func:`json.loads` after :func:`check_json_shape`: a ValueError (JsonLimitError or the
    parser's) for anything that is not JSON within the limits, never RecursionError."""
    check_json_shape(data, max_depth=max_depth, max_members=max_members)
    try:
        return json.loads(data)
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise JsonLimitError(f"JSON nested deeper than {max_depth} levels") from None


class BudgetExhausted(UnreachableError):
    """The run's budget for exchanges with a target is spent: the run stops (verdict ``not_run``)."""
