"""``conformance run`` as on another machine on another day: ``python tests/another_machine.py MOMENT ARGS...``.

The clock of the whole process (the harness and the reference vendor it starts in a thread) reads
MOMENT, an ISO 8601 date and time with its offset, and goes on ticking from it (time-machine patches
the C-level clock functions, not only Python's). The caller sets the rest of the machine through the
environment: time zone (TZ), locale (LANG, LC_ALL), home (HOME) and PDFium's font folders.
"""

from __future__ import annotations

import sys

import time_machine

from conformance.cli import main

if __name__ == "__main__":
    with time_machine.travel(sys.argv[1], tick=True):
        sys.argv = ["conformance", *sys.argv[2:]]
        main()
