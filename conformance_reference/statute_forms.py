"""The reference vendor's forms of the statute domains (戸籍の附票の写し, ...), rendered as real PDFs.

``POST /api/v1/forms/{form_id}`` serves these form ids beside the 住民記録 forms of
:mod:`conformance_reference.jumin.forms`: each domain's module gives the printed lines (label and value), this
module lays them out on A4 pages, one item per line, with the 認証文, the 職名 and the 発行番号 at the end,
in the project's embedded font (:mod:`conformance.fonts`). Only the content is the law's; the layout and the
wording of the 認証文 are ours.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from conformance import clock
from conformance.fonts import FONT_NAME
from conformance_reference.paper import CITY, PREFECTURE, register_fonts

#: A printed line: its label (maybe '') and its value.
Line = tuple[str, str]
_TOP, _BOTTOM, _LINE, _LABEL_X, _VALUE_X = 800.0, 80.0, 16.0, 50.0, 190.0
_PER_PAGE = int((_TOP - _BOTTOM) // _LINE)


def render(title: str, lines: Sequence[Line], certification: str, signer: str = f"{PREFECTURE}{CITY}長") -> bytes:
    """``lines`` under ``title`` on as many pages as they need; the 認証文 and the 職名 of ``signer`` (the
    municipality's 長 unless another body issues the form) on the last page and the 発行番号 (date,
    municipality, page/total) at the foot of every page."""
    register_fonts()
    closing: list[Line] = [("", ""), ("", certification), ("", f"{signer}　見本　太郎　（電子公印）")]
    body: list[Line] = [("", title), ("", ""), *lines, *closing]
    pages = [body[start:start + _PER_PAGE] for start in range(0, len(body), _PER_PAGE)] or [[]]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle(title)
    day = clock.today().strftime("%Y%m%d")
    for index, page in enumerate(pages):
        y = _TOP
        for label, value in page:
            canvas.setFont(FONT_NAME, 10)
            if label:
                canvas.drawString(_LABEL_X, y, label)
                canvas.drawString(_VALUE_X, y, value)
            elif value:
                canvas.drawString(_LABEL_X, y, value)
            y -= _LINE
        canvas.setFont(FONT_NAME, 8)
        canvas.drawString(_LABEL_X, 40, f"発行番号\u3000{day} {CITY} {index + 1:03d} {index + 1}/{len(pages)}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
