"""A printed form reads the same whatever fonts PDFium can see (issue: fresh machine, same verdict).

PDFium's user font paths replace the system's font folders (conformance/targets/pdfium.py): an empty
folder makes it see no Japanese font at all, the project's font folder makes it see one. Labels and
values of one character are drawn as separate text objects, as the reference and real 証明書 systems
draw them; with fonts embedded (PDFium reads) and with fonts not embedded (pdfminer reads).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from conformance.fonts import FONT_NAME, PDFIUM_FONT_DIRS_ENV, japanese_font
from conformance.targets.forms import PdfProblem, read_pdf

#: Label and value drawn apart, as two text objects each; values of one character among them.
ROWS = (("性別", "女"), ("続柄", "子"), ("氏名", "見本\u3000花子"), ("生年月日", "平成元年1月8日"),
        ("", "この写しは、住民基本台帳の記録と相違ないことを証明する。"))
EXPECTED = ["性別 女", "続柄 子", "氏名 見本\u3000花子", "生年月日 平成元年1月8日",
            "この写しは、住民基本台帳の記録と相違ないことを証明する。"]
#: A font reportlab draws with but never embeds (a predefined CID font and CMap).
NOT_EMBEDDED = "HeiseiMin-W3"


def draw(font: str) -> bytes:
    rl_config.useA85 = 0
    if font == FONT_NAME:
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(japanese_font())))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    y = 800.0
    for label, value in ROWS:
        canvas.setFont(font, 10)
        if label:
            canvas.drawString(50, y, label)
            canvas.drawString(170, y, value)
        else:
            canvas.drawString(50, y, value)
        y -= 15
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("font", [FONT_NAME, NOT_EMBEDDED])
def test_labels_and_one_character_values_read_as_printed_lines(pdfium_fonts: str, font: str) -> None:
    form = read_pdf(draw(font))
    assert [line.text for line in form.lines] == EXPECTED


def test_the_reference_embeds_its_font() -> None:
    data = draw(FONT_NAME)
    assert b"/FontFile2" in data and b"/HeiseiMin" not in data


def test_a_character_without_unicode_mapping_is_a_problem_not_a_silent_value() -> None:
    """A non-embedded font whose character codes map to nothing (CIDs of an unknown character collection,
    no ToUnicode): pdfminer names them (cid:N), and the form is refused with a problem."""
    # Replaced by names of the same length, so that the xref stays right.
    data = (draw(NOT_EMBEDDED).replace(b"/Encoding /UniJIS-UCS2-H", b"/Encoding /Identity-H   ")
            .replace(b"/Ordering (Japan1)", b"/Ordering (Nonce1)"))
    assert b"/Identity-H" in data and b"(Nonce1)" in data
    with pytest.raises(PdfProblem) as raised:
        read_pdf(data)
    assert raised.value.code == "form.pdf_text_unreadable"
    assert "page 1" in raised.value.message and NOT_EMBEDDED in raised.value.message


def test_pages_that_cannot_be_read_are_a_problem_not_blank_pages() -> None:
    """Fonts not embedded, and the xref shifted so that pdfminer finds no page PDFium finds."""
    data = draw(NOT_EMBEDDED).replace(b"/Encoding /UniJIS-UCS2-H", b"/Encoding /Identity-H")
    with pytest.raises(PdfProblem) as raised:
        read_pdf(data)
    assert raised.value.code == "form.pdf_unreadable" and "1 pages, of which 0" in raised.value.message


def test_a_form_read_again_is_kept_by_its_bytes_and_the_fonts_pdfium_may_take(monkeypatch: pytest.MonkeyPatch,
                                                                              tmp_path: Path) -> None:
    data = draw(FONT_NAME)
    first = read_pdf(data)
    assert read_pdf(data) is first  # kept
    assert read_pdf(data + b"\n") is not first  # other bytes: read anew
    monkeypatch.setenv(PDFIUM_FONT_DIRS_ENV, str(tmp_path))
    other_fonts = read_pdf(data)
    assert other_fonts is not first and other_fonts == first  # read anew under other fonts, and the same
