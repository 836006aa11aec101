"""The one Japanese font the project uses, installed from its own dependencies, never from the machine.

A verdict must not depend on the fonts a machine happens to have (DESIGN.md, "The machine is not an
input"). So the reference vendor embeds a subset of this font in every PDF it prints, and the form
reader initialises PDFium with this font's folder as its only font folder (PDFium's user font paths
replace the system folders): both see the same font on every machine.

The font is IPAexGothic (IPA Font License Agreement v1.0, a free licence that allows embedding and
redistribution), as shipped by the PyPI package ``matplotlib-fontja``. The package is located, not
imported: importing it would import matplotlib, which nothing here needs.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

from conformance.errors import UsageError

#: The distribution that ships the font, and the file inside its package folder.
FONT_PACKAGE = "matplotlib_fontja"
FONT_FILE = "fonts/ipaexg.ttf"
#: The font's name as the reference registers it with reportlab (and as it appears in its PDFs).
FONT_NAME = "IPAexGothic"
#: Overrides the folders PDFium looks for fonts in (``os.pathsep``-separated). Meant for the tests that
#: prove a verdict does not depend on fonts: an empty folder makes PDFium see no Japanese font at all.
PDFIUM_FONT_DIRS_ENV = "CONFORMANCE_PDFIUM_FONT_DIRS"


@cache
def japanese_font() -> Path:
    """The path of the project's Japanese TrueType font; a UsageError if its package is missing."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        path = Path(folder) / FONT_FILE
        if path.is_file():
            return path
    raise UsageError(f"the Japanese font of the project is missing: install the package "
                     f"{FONT_PACKAGE.replace('_', '-')!r} (a dependency of conformance; pip install -e .)")


def pdfium_font_dirs() -> tuple[str, ...]:
    """The folders PDFium may take fonts from: the override of :data:`PDFIUM_FONT_DIRS_ENV` when set,
    else the project's own font folder only."""
    override = os.environ.get(PDFIUM_FONT_DIRS_ENV)
    if override is not None:
        return tuple(part for part in override.split(os.pathsep) if part)
    return (str(japanese_font().parent),)
