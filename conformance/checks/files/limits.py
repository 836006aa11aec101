"""The limits and switches of the export file checks, read at call time (tests change them)."""

from __future__ import annotations

#: Findings kept per rule family and file; the rest are counted in file.too_many_findings.
FINDINGS_CAP = 1000
#: Findings kept per rule family and column: one noisy column does not hide the others' findings.
COLUMN_CAP = 100
#: Largest field and physical line, in characters; beyond it the file is not read further.
FIELD_LIMIT = 1024 * 1024
#: Whether the columnar engine puts the compiled screen (conformance.columnar.kernel) in front of
#: its masks when numba is there; the tests turn it off to compare the two ways.
SCREEN = True
#: Smaller files go straight to the masks: loading the compiled screen costs a process about half
#: a second (numba and its cached machine code), which the masks take to read some 50 MB.
SCREEN_MIN_BYTES = 48 << 20
#: Encodings tried, in order, when the declared one does not fit the bytes.
CANDIDATE_ENCODINGS = ("utf-8", "cp932")
UTF8 = ("utf-8", "utf-8-sig")


def screen_worth(size: int) -> bool:
    """Whether the compiled screen reads a file of ``size`` bytes (switched on, numba there, large)."""
    from conformance.columnar import kernel

    return SCREEN and size >= SCREEN_MIN_BYTES and kernel.available()
