"""Shared test configuration: tests import helpers from this directory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from collections.abc import Iterator

import pytest

from conformance.fonts import PDFIUM_FONT_DIRS_ENV, japanese_font


@pytest.fixture(scope="module", params=["no_japanese_font", "japanese_font"])
def pdfium_fonts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """PDFium restarted with a font folder holding no font at all (a fresh machine), or holding the
    project's Japanese font only (its user font paths replace the system folders): a module that uses
    it runs twice and must read every PDF the same both times."""
    folder = tmp_path_factory.mktemp("no-fonts") if request.param == "no_japanese_font" else japanese_font().parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PDFIUM_FONT_DIRS_ENV, str(folder))
        yield str(request.param)

