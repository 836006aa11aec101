"""The scheduled set: which tests it holds and the variable with which CI runs it (tests/conftest.py applies them)."""

from __future__ import annotations

#: The scheduled set (pyproject's ``scheduled`` marker): tests that are slow and rarely break, each a proof no other
#: test gives, which the README's test command leaves out (issue 70 item 4: that command under 8 minutes on 2 cores)
#: and CI runs in the same session as that command (``SCHEDULED_ENV`` set by .ci/run), so that nothing it proves is
#: lost and the whole run they compare with is still made once. ``pytest -m scheduled`` runs them alone.
SCHEDULED = (
    # The whole run on another machine on another day (time zone, locale, home, font, clock, transport), compared
    # finding by finding with the README's run: a second whole run (about 100 s of CPU). The README's run itself
    # and everything it asserts stay in the README's command.
    "tests/test_reference_run.py::test_the_verdict_does_not_depend_on_the_machine",
    # Every page of the portal in a Chromium with no Japanese font, glyph by glyph (issue 69 item 1: about 30 s).
    "tests/portal/test_browser_fonts.py::",
    # The portal's attacks, access matrix and scale tests again on a throwaway PostgreSQL cluster (about 30 s):
    # the same tests run on SQLite in the README's command.
    "tests/portal/test_postgres.py::",
)
#: Set (to anything but empty) to run the scheduled set with the rest: .ci/run sets it.
SCHEDULED_ENV = "CONFORMANCE_SCHEDULED"
