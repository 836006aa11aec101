"""Shared test configuration: tests import helpers from this directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from collections.abc import Iterator

import pytest

from conformance.fonts import PDFIUM_FONT_DIRS_ENV, japanese_font

# Some machines set PYTHONDONTWRITEBYTECODE=1: then every pytest worker, every `conformance run` the tests
# start and every assertion-rewritten test module is compiled from source anew (about a second of CPU
# a process). The suite writes the bytecode cache as Python does by default (__pycache__, git-ignored).
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


@pytest.fixture(scope="module", params=["no_japanese_font", "japanese_font"])
def pdfium_fonts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """PDFium restarted with a font folder holding no font at all (a fresh machine), or holding the
    project's Japanese font only (its user font paths replace the system folders): a module that uses
    it runs twice and must read every PDF the same both times."""
    folder = tmp_path_factory.mktemp("no-fonts") if request.param == "no_japanese_font" else japanese_font().parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PDFIUM_FONT_DIRS_ENV, str(folder))
        yield str(request.param)



#: End-to-end tests that make whole runs of their own (minutes each): scheduled before everything else.
_LONGEST = ("tests/test_reference_run.py", "tests/test_shard_merge.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest tests first, then the other end-to-end ones, then the rest (a stable sort: each
    module keeps its order). Under pytest-xdist's worksteal scheduling (pyproject addopts) the quick
    tests then fill the gaps around the whole runs, instead of a whole run starting last on one worker
    while the other has nothing left to do (a 28-minute suite spent its last 15 on one core)."""
    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("e2e") is None:
            return 2
        return 0 if item.nodeid.startswith(_LONGEST) else 1

    items.sort(key=rank)
