"""PDFium, initialised so that what it reads does not depend on the machine's fonts.

pypdfium2 initialises PDFium when it is imported, with no user font paths: PDFium then scans the
system's font folders itself (it does not read fontconfig). For a PDF whose fonts are not embedded,
what it extracts changes with those folders: with no Japanese font, a value of one character drawn on
its own (女, 子) is dropped from the text. So before the first document is opened, the library is
started again with the project's own font folder as its only user font path, which replaces the
system folders (``FPDF_LIBRARY_CONFIG.m_pUserFontPaths``): the same fonts on every machine
(:func:`conformance.fonts.pdfium_font_dirs`).

This reaches into pypdfium2's library scope (``destroy_lib``, ``bases.LIBRARY_AVAILABLE``), which
has no public API for a font configuration; the version is pinned in ``constraints.txt`` and the
tests read PDFs with no Japanese font and with one and require the same text.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

from conformance.fonts import pdfium_font_dirs

_LOCK = threading.Lock()
_configured: tuple[str, ...] | None = None
#: The C strings and the array handed to PDFium: kept alive for as long as the library runs.
_keep: list[Any] = []


def pdfium() -> Any:
    """The pypdfium2 module, its library started with :func:`conformance.fonts.pdfium_font_dirs`
    (once per process, and again when those folders change, before any document is open)."""
    global _configured
    import pypdfium2

    dirs = pdfium_font_dirs()
    with _LOCK:
        if _configured != dirs:
            _restart(dirs)
            _configured = dirs
    return pypdfium2


def _restart(dirs: tuple[str, ...]) -> None:
    import pypdfium2._library_scope as scope
    import pypdfium2.raw as raw
    from pypdfium2.internal import bases

    if bases.LIBRARY_AVAILABLE:
        scope.destroy_lib()
    strings = [ctypes.create_string_buffer(path.encode()) for path in dirs]
    char_p = ctypes.POINTER(ctypes.c_char)
    paths = (char_p * (len(strings) + 1))(*[ctypes.cast(s, char_p) for s in strings])  # NULL-terminated: the
    # array's last element is left as ctypes made it, a NULL pointer
    config = raw.FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=paths, m_pIsolate=None, m_v8EmbedderSlot=0)
    raw.FPDF_InitLibraryWithConfig(config)
    bases.LIBRARY_AVAILABLE = True
    _keep[:] = [strings, paths]
