"""A skipped test is visible, with its reason, in the summary of the README's test command.

The report tests skip when chromium or pdftotext is missing (issue 27, item 14: 66 tests skipped
silently under ``-q``); the project's pytest options must list each skip and why.
"""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _report_options() -> list[str]:
    """The project's own ``-r`` options (what the summary lists), from pyproject.toml."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]["ini_options"]
    return [option for option in shlex.split(options["addopts"]) if option.startswith("-r")]


def test_the_summary_of_a_quiet_run_names_each_skip_and_its_reason(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_needs_tool="""
        import pytest

        def test_in_a_browser():
            pytest.skip("chromium is not installed (apt-get install chromium)")
    """)
    result = pytester.runpytest("-q", *_report_options())
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED *chromium is not installed (apt-get install chromium)"])
