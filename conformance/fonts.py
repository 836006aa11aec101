"""The one Japanese font the project uses, installed from its own dependencies, never from the machine.

A verdict must not depend on the fonts a machine happens to have (DESIGN.md, "The machine is not an
input"). So the reference vendor embeds a subset of this font in every PDF it prints, and the form
reader initialises PDFium with this font's folder as its only font folder (PDFium's user font paths
replace the system folders): both see the same font on every machine.

The font is IPAexGothic 004.01 (IPA Font License Agreement v1.0, a free licence that allows embedding and
redistribution: ``conformance/font/IPA_Font_License_Agreement_v1.0.txt``), shipped inside this package,
``conformance/font/ipaexg.ttf``, with its licence and readme: the font file is the dependency (issue 48). It
came, byte for byte, from the PyPI package ``matplotlib-fontja`` 1.1.0, which pulled in matplotlib for it.

The pages the harness writes (report.html, the validation report) carry a subset of the same font as
a web font (:func:`web_font`: the glyphs of the characters the page holds, and printable ASCII), so a
reader whose machine has no Japanese font sees Japanese, not boxes.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from conformance.errors import UsageError

#: The font file, shipped in this package (its folder holds no other font: PDFium takes the folder).
FONT_PATH = Path(__file__).resolve().parent / "font" / "ipaexg.ttf"
#: The font's name as the reference registers it with reportlab (and as it appears in its PDFs).
FONT_NAME = "IPAexGothic"
#: Overrides the folders PDFium looks for fonts in (``os.pathsep``-separated). Meant for the tests that
#: prove a verdict does not depend on fonts: an empty folder makes PDFium see no Japanese font at all.
PDFIUM_FONT_DIRS_ENV = "CONFORMANCE_PDFIUM_FONT_DIRS"


@cache
def japanese_font() -> Path:
    """The path of the project's Japanese TrueType font; a UsageError if the installed package lost it."""
    if FONT_PATH.is_file():
        return FONT_PATH
    raise UsageError(f"the Japanese font of the project is missing: {FONT_PATH} (it ships with conformance: "
                     f"reinstall it, pip install -e .)")


def pdfium_font_dirs() -> tuple[str, ...]:
    """The folders PDFium may take fonts from: the override of :data:`PDFIUM_FONT_DIRS_ENV` when set,
    else the project's own font folder only."""
    override = os.environ.get(PDFIUM_FONT_DIRS_ENV)
    if override is not None:
        return tuple(part for part in override.split(os.pathsep) if part)
    return (str(japanese_font().parent),)


#: The family name the pages give the embedded subset (its own name: a machine's IPAexGothic, if any,
#: is not asked for).
WEB_FONT_FAMILY = "conformance-ja"
#: Always in the subset: printable ASCII, so what a reader types in a page's search box is set alike.
_ASCII = frozenset(range(0x20, 0x7F))


def web_font(text: str) -> bytes:
    """A WOFF subset of the project's font with the glyphs of ``text``'s characters (and printable
    ASCII): about 180 KB for every requirement text of the catalog. Unhinted (screens and print scale
    the outlines; hinting doubled the size) and with only the family and style names kept."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.name_IDs = [1, 2]
    options.notdef_outline = True
    font = TTFont(str(japanese_font()), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(_ASCII | {ord(c) for c in text if ord(c) > 0x7F}))
    subsetter.subset(font)
    return _as_woff(font)


@cache
def whole_web_font() -> bytes:
    """The whole font as WOFF (4.1 MB against the file's 6.1 MB; 0.8 s of CPU, once a process): the portal's
    pages show names and texts nobody can list beforehand (every municipality, every requirement), so they
    cannot carry a subset of what they hold. Not subset again: an unhinted subset of every glyph is 2.2 MB but
    costs 5 s of CPU, which the first page a browser asks would wait for. The pages name it first, for every
    element (issue 69: form controls and monospace text fell back to a machine's font, boxes where it has no
    Japanese one), so every browser fetches it once and keeps it (its URL names the font's version)."""
    from fontTools.ttLib import TTFont

    return _as_woff(TTFont(str(japanese_font())))


def _as_woff(font: Any) -> bytes:
    """``font`` (a fontTools TTFont) saved as WOFF."""
    import io

    font.flavor = "woff"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def font_face_css(text: str, usual: frozenset[str] = frozenset()) -> str:
    """The CSS ``@font-face`` rule of :func:`web_font` of ``text`` and the ``usual`` characters as a data URL (a
    page that needs nothing beside it; its Content-Security-Policy allows ``font-src data:``).

    Every page carries the usual characters too, so that the pages of one process share one subset: a subset
    cost 0.4-1.5 s of CPU, about a tenth of a partial run (the test suite writes fifty), and the pages' own
    characters are nearly always among the usual ones."""
    return _font_face(usual | beyond_ascii(text))


def beyond_ascii(text: str) -> frozenset[str]:
    """The characters of ``text`` other than ASCII. Read as code points by NumPy: a report is megabytes, and a
    Python loop over its characters was the largest single line of a defect group's run under cProfile (six times
    slower than this on a 4 MB page)."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return frozenset(map(chr, np.unique(codes[codes > 0x7F]).tolist()))


@cache
def _font_face(characters: frozenset[str]) -> str:
    """One subset per set of characters a process (a report written again, the merged run's)."""
    import base64

    encoded = base64.b64encode(web_font("".join(sorted(characters)))).decode("ascii")
    return (f'@font-face {{ font-family: "{WEB_FONT_FAMILY}"; font-style: normal; font-weight: 400; '
            f'src: url("data:font/woff;base64,{encoded}") format("woff"); }}')
