"""Forms (帳票) from the vendor: issued through the form interface and read as printed.

A vendor's PDF is untrusted input. Before any PDF library sees it, the bytes are bounded (size,
objects, the decompressed size of every stream: a compression bomb stops at the limit) and scanned
for active or external content (JavaScript, launch, URI and submit actions, embedded files, remote
go-to): a form that carries any is refused with a finding, as is an encrypted one, and one that
cannot be read. Then PDFium (pypdfium2) gives the text lines of each page with their positions; at
most :data:`MAX_PAGES` pages and :data:`MAX_CHARS` characters are read. Nothing in a
PDF is fetched, executed or rendered, and no error of the PDF library escapes: it becomes a
:class:`PdfProblem` with a code and a message for the finding.

The interface (catalog ``issue_form``): ``POST /forms/{form_id}`` with a JSON body answers the PDF,
``POST /forms/{form_id}/data`` the form's data (JSON), where the vendor has it (404/406/501: none).
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import io
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance import clock
from conformance.errors import TargetError
from conformance.fonts import pdfium_font_dirs
from conformance.targets.base import HttpResponse, Target
from conformance.targets.pdfium import pdfium

MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_PAGES = 200
MAX_OBJECTS = 20_000
#: The decompressed size of all streams together: a certificate's pages need a few KB each.
MAX_DECOMPRESSED = 8 * 1024 * 1024
MAX_CHARS = 400_000
FORMS_PATH = "/forms/{form_id}"
DATA_PATH = "/forms/{form_id}/data"

_STREAM = re.compile(rb"stream\r?\n")
_OBJECT = re.compile(rb"[0-9]+\s+[0-9]+\s+obj\b")
#: Name tokens of active or external content (PDF 32000-1 12.6.4 actions, 7.11.4 embedded files).
_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|URI|SubmitForm|ImportData|GoToR|GoToE|EmbeddedFile|RichMedia"
                     rb"|XFA)(?![A-Za-z0-9])")


class PdfProblem(Exception):
    """A PDF that cannot be judged: ``code`` names the finding (form.pdf_*)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PrintedLine:
    """One line of text as printed: its page (1-based), text, and position (points from the top)."""

    page: int
    text: str
    top: float
    x0: float
    #: The right edge of its last character (5.8 文字溢れ: within the page or not).
    x1: float = 0.0
    #: Its lowest baseline in the PDF's own space (y grows upwards), compared with its page's MediaBox: a line drawn
    #: below the bottom edge or above the top one is not printed (issue 67, blind round 3, 05).
    baseline: float = 0.0

    @property
    def words(self) -> list[str]:
        """The line split at spaces (pdfminer turns U+3000 into a space)."""
        return self.text.split()


@dataclass(frozen=True)
class PrintedForm:
    """A PDF read as printed: its lines, page by page."""

    pages: tuple[tuple[PrintedLine, ...], ...]
    size: int
    #: Each page's width (points), for what runs past its edge (5.8 文字溢れ).
    widths: tuple[float, ...] = ()
    #: Each page's MediaBox bottom and top edge, in the space of its lines' ``baseline``.
    edges: tuple[tuple[float, float], ...] = ()

    @property
    def lines(self) -> list[PrintedLine]:
        """Every line, page after page, top to bottom."""
        return [line for page in self.pages for line in page]

    def off_page(self) -> list[PrintedLine]:
        """The lines drawn past their page's bottom or top edge (their baseline outside the MediaBox): text
        extraction finds them, a printer does not print them."""
        return [line for line in self.lines if line.page <= len(self.edges)
                and not self.edges[line.page - 1][0] <= line.baseline <= self.edges[line.page - 1][1]]


def scan_pdf(data: bytes) -> None:
    """Refuse what must not be parsed: too big, not a PDF, encrypted, active content, too many
    objects, streams that decompress past :data:`MAX_DECOMPRESSED`."""
    if len(data) > MAX_PDF_BYTES:
        raise PdfProblem("form.pdf_too_large", f"the PDF has {len(data)} bytes; the limit is {MAX_PDF_BYTES}")
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfProblem("form.pdf_unreadable", "the answer is not a PDF (no %PDF- header)")
    if b"/Encrypt" in data:
        raise PdfProblem("form.pdf_encrypted", "the PDF is encrypted: a certificate must be readable as printed")
    objects = len(_OBJECT.findall(data))
    if objects > MAX_OBJECTS:
        raise PdfProblem("form.pdf_too_large", f"the PDF has {objects} objects; the limit is {MAX_OBJECTS}")
    budget, position = MAX_DECOMPRESSED, 0
    for match in _STREAM.finditer(data):
        if data[max(match.start() - 3, 0):match.start()] == b"end":
            continue  # the 'stream' of 'endstream'
        _refuse_active(data[position:match.start()])  # the objects' dictionaries, outside any stream
        dictionary = data[max(data.rfind(b"obj", 0, match.start()), 0):match.start()]
        end = data.find(b"endstream", match.end())
        position = end if end >= 0 else len(data)
        budget = _inflate(data[match.end():position], budget, objects=b"/ObjStm" in dictionary)
    _refuse_active(data[position:])


def _refuse_active(data: bytes) -> None:
    found = _ACTIVE.search(data)
    if found is not None:
        name = found.group(1).decode("ascii")
        raise PdfProblem("form.pdf_active_content",
                         f"the PDF carries /{name} (active or external content); a form must be static")


def _inflate(chunk: bytes, budget: int, *, objects: bool) -> int:
    """Decompress a stream's bytes (Flate only) within ``budget`` bytes; returns what is left. An
    object stream's decompressed bytes are scanned for active content too (it holds dictionaries)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(chunk, budget + 1)
    except zlib.error:
        return budget  # not Flate (or not compressed): nothing to inflate
    if len(out) > budget or inflater.unconsumed_tail:
        raise PdfProblem("form.pdf_too_large",
                         f"the PDF's streams decompress to more than {MAX_DECOMPRESSED} bytes (a compression bomb?)")
    if objects:
        _refuse_active(out)
    return budget - len(out)


#: The forms read in this process, by their bytes' digest (at most :data:`_READ_KEPT`; then forgotten at once).
_READ: dict[bytes, PrintedForm] = {}
_READ_KEPT = 4096


def read_pdf(data: bytes) -> PrintedForm:
    """:func:`read_pdf_anew` of ``data``, kept by the bytes' SHA-256: a form is a function of its bytes only (its
    fonts embedded, or none asked of the machine), and a process reads the same bytes again and again (the
    reference prints with reportlab's ``invariant``: the same 写し of the same person is the same PDF, read in
    every run of the test suite's defect groups: a seventh of such a run's CPU), and by the fonts PDFium may
    take. A PDF that could not be read is not kept: it is read again, and fails again."""
    # The fonts PDFium may take are in the key: that a reading does not depend on them, tests show by reading the
    # same bytes under other fonts (tests/conftest.py pdfium_fonts), which a kept reading would not do.
    key = hashlib.sha256(data).digest() + "\0".join(pdfium_font_dirs()).encode("utf-8", "surrogateescape")
    form = _READ.get(key)
    if form is None:
        form = read_pdf_anew(data)
        if len(_READ) >= _READ_KEPT:
            _READ.clear()
        _READ[key] = form
    return form


def read_pdf_anew(data: bytes) -> PrintedForm:
    """The PDF's text lines per page, after :func:`scan_pdf`; any failure is a :class:`PdfProblem`.

    Characters are read with their positions and put together into lines here, by baseline and then
    from left to right (:func:`assemble`), never by a library's own line heuristics: a label and its
    value drawn as two text objects read as one printed line on any machine. PDFium (pypdfium2) reads
    them where every font that draws text is embedded (ten times faster than pdfminer on these forms:
    a 25-page 閲覧用 list 0.11 s against 1.1 s). A PDF that draws text in a font it does not embed is
    read with pdfminer.six instead, which maps character codes through the PDF's own encodings and
    CMaps and never loads a font, so its text does not change with the fonts PDFium can find; a
    character that no mapping names is a ``form.pdf_text_unreadable`` problem, never a silent wrong
    value."""
    scan_pdf(data)
    try:
        document = pdfium().PdfDocument(data)
    except Exception as error:  # PdfiumError and anything else: the bytes are not a PDF PDFium can read
        raise PdfProblem("form.pdf_unreadable", f"the PDF cannot be read: {type(error).__name__}") from None
    try:
        _check_pages(len(document))
        embedded = _embeds_every_font(document)
        if embedded:
            pages = [assemble(number, glyphs) for number, glyphs in _pdfium_pages(document)]
        else:
            pages = [assemble(number, glyphs) for number, glyphs in _pdfminer_pages(data)]
            if len(pages) != len(document):  # a page pdfminer could not parse: never a silently blank page
                raise PdfProblem("form.pdf_unreadable", f"{len(document)} pages, of which {len(pages)} could be "
                                 "read (fonts not embedded)")
        widths = tuple(float(document[index].get_width()) for index in range(len(pages)))
        return PrintedForm(tuple(pages), len(data), widths, _edges(document, len(pages), embedded=embedded))
    except PdfProblem:
        raise
    except Exception as error:  # a broken page: none may escape
        raise PdfProblem("form.pdf_unreadable", f"the PDF cannot be read: {type(error).__name__}") from None
    finally:
        document.close()


def _edges(document: Any, count: int, *, embedded: bool) -> tuple[tuple[float, float], ...]:
    """Each page's MediaBox bottom and top edge where its lines' baselines are: PDFium gives positions in the PDF's
    user space (the MediaBox as written), pdfminer moves the MediaBox's corner to 0 (its height from 0)."""
    edges = []
    for index in range(count):
        page = document[index]
        try:
            _, bottom, _, top = (float(value) for value in page.get_mediabox())
        finally:
            page.close()
        edges.append((bottom, top) if embedded else (0.0, top - bottom))
    return tuple(edges)


def _check_pages(count: int) -> None:
    if count > MAX_PAGES:
        raise PdfProblem("form.pdf_too_large", f"the PDF has {count} pages; the limit is {MAX_PAGES}")
    if not count:
        raise PdfProblem("form.pdf_unreadable", "the PDF has no page")


@dataclass(frozen=True)
class Glyph:
    """One character as printed: its text, the x of its origin and of its right edge (its advance),
    its baseline and its page's height (points, PDF space: y grows upwards), and its font size."""

    text: str
    x: float
    right: float
    baseline: float
    size: float
    height: float


#: A gap wider than this share of the font size between two characters on one line reads as a space:
#: half an em, far wider than the spacing inside a word and far narrower than a label's column.
GAP = 0.5
#: Characters whose baselines differ by less than this share of the font size are on one line
#: (digits in another font sit a fraction of a point off the baseline of the kanji around them).
SAME_LINE = 0.4


def assemble(page: int, glyphs: Sequence[Glyph]) -> tuple[PrintedLine, ...]:
    """The page's printed lines: characters grouped by baseline, top to bottom, each line left to
    right, a space where two characters stand apart (no two spaces in a row)."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (-g.baseline, g.x)):
        if lines and abs(lines[-1][0].baseline - glyph.baseline) <= SAME_LINE * max(glyph.size, 1.0):
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    printed = (_line(page, sorted(members, key=lambda g: g.x)) for members in lines)
    return tuple(line for line in printed if line.text)


def _line(page: int, glyphs: Sequence[Glyph]) -> PrintedLine:
    parts: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if (previous is not None and not previous.text.isspace() and not glyph.text.isspace()
                and glyph.x - previous.right > GAP * max(min(glyph.size, previous.size), 1.0)):
            parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    first = glyphs[0]
    top = max(g.baseline + g.size for g in glyphs)
    return PrintedLine(page, "".join(parts).strip(), round(first.height - top, 1), round(first.x, 1),
                       round(max(g.right for g in glyphs), 1), round(min(g.baseline for g in glyphs), 1))


def _budget(count: int, chars: int) -> int:
    chars += count
    if chars > MAX_CHARS:
        raise PdfProblem("form.pdf_too_large", f"the PDF has more than {MAX_CHARS} characters")
    return chars


# -- PDFium: PDFs whose fonts are all embedded ----------------------------------------------------


def _embeds_every_font(document: Any) -> bool:
    """Whether every text object of every page draws with an embedded font."""
    raw = pdfium().raw
    for index in range(len(document)):
        page = document[index]
        try:
            for number in range(raw.FPDFPage_CountObjects(page.raw)):
                obj = raw.FPDFPage_GetObject(page.raw, number)
                if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                    continue
                font = raw.FPDFTextObj_GetFont(obj)
                if not font or not raw.FPDFFont_GetIsEmbedded(font):
                    return False
        finally:
            page.close()
    return True


def _pdfium_pages(document: Any) -> Iterator[tuple[int, list[Glyph]]]:
    chars = 0
    for number in range(1, len(document) + 1):
        page = document[number - 1]
        text_page = page.get_textpage()
        try:
            chars = _budget(text_page.count_chars(), chars)
            yield number, list(_pdfium_glyphs(text_page, float(page.get_height())))
        finally:
            text_page.close()
            page.close()


def _pdfium_glyphs(text_page: Any, height: float) -> Iterator[Glyph]:
    """The page's characters as drawn: PDFium's generated spaces and line breaks (its own reading of
    the layout) are left out; a surrogate pair is one character."""
    raw = pdfium().raw
    handle = text_page.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    pending = ""
    for index in range(text_page.count_chars()):
        if raw.FPDFText_IsGenerated(handle, index) == 1:
            continue
        code = raw.FPDFText_GetUnicode(handle, index)
        if 0xD800 <= code < 0xDC00:
            pending = chr(code)
            continue
        text = (pending + chr(code)).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        pending = ""
        if text in ("\r", "\n", "\x00", "\ufffe"):
            continue
        raw.FPDFText_GetCharOrigin(handle, index, x, y)
        raw.FPDFText_GetLooseCharBox(handle, index, box)
        size = float(raw.FPDFText_GetFontSize(handle, index))
        yield Glyph(text, float(x.value), max(float(box.right), float(x.value)), float(y.value), size, height)


# -- pdfminer.six: PDFs that draw text in a font they do not embed --------------------------------

#: How pdfminer names a character code that no encoding or CMap maps to Unicode.
_UNMAPPED = re.compile(r"\(cid:[0-9]+\)")


def _pdfminer_pages(data: bytes) -> Iterator[tuple[int, list[Glyph]]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer, LTItem

    def chars(item: LTItem) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from chars(child)

    count = 0
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=None, maxpages=MAX_PAGES), 1):
        glyphs: list[Glyph] = []
        for char in chars(page):
            text = char.get_text()
            if _UNMAPPED.search(text):
                raise PdfProblem("form.pdf_text_unreadable",
                                 f"page {number}: a character drawn in the font {char.fontname!r}, which the PDF "
                                 "does not embed, has no Unicode mapping: the printed text cannot be read")
            origin_x, baseline = float(char.matrix[4]), float(char.matrix[5])
            glyphs.append(Glyph(text, origin_x, max(float(char.x1), origin_x), baseline, float(char.size),
                                float(page.height)))
        count = _budget(len(glyphs), count)
        yield number, glyphs


# -- issuing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    """One form request's answer: the status, and the form read as printed (200 only) or the problem; ``days``:
    Japan's day when the request was sent and when its answer came (two where it straddled midnight JST), the days
    the form may be issued on (conformance.clock: a municipality's day is Japan's)."""

    status: int
    form: PrintedForm | None
    problem: PdfProblem | None
    response: HttpResponse
    days: tuple[dt.date, ...]


def issue(target: Target, form_id: str, body: Mapping[str, Any]) -> Issued:
    """Issue a form (``POST /forms/{form_id}``) and read it; answers are cached per run by request."""
    key = f"forms.pdf:{form_id}:{sorted(body.items())!r}"
    cached = target.cache.get(key)
    if isinstance(cached, Issued):
        return cached
    sent = clock.today()
    response = target.need_http().request("post", FORMS_PATH.replace("{form_id}", form_id), json=dict(body))
    days = tuple(sorted({sent, clock.today()}))
    issued = Issued(response.status, None, None, response, days)
    if response.status == 200:
        if "pdf" not in response.content_type:
            problem = PdfProblem("form.not_pdf", f"the form came as {response.content_type or 'no type'!r}, "
                                 "not application/pdf")
            issued = Issued(200, None, problem, response, days)
        else:
            try:
                issued = Issued(200, read_pdf(response.body), None, response, days)
            except PdfProblem as problem:
                issued = Issued(200, None, problem, response, days)
    elif response.status >= 500:
        raise TargetError(f"POST {FORMS_PATH} ({form_id}): the vendor answered {response.status}")
    target.cache[key] = issued
    return issued


def issue_anew(target: Target, form_id: str, body: Mapping[str, Any]) -> PrintedForm:
    """Issue a form and read it, never the run's cached copy (each issue must leave its own log entry); a vendor
    that does not answer it as a readable PDF leaves the check nothing to judge (TargetError)."""
    response = target.need_http().request("post", FORMS_PATH.replace("{form_id}", form_id), json=dict(body))
    if response.status != 200 or "pdf" not in response.content_type:
        raise TargetError(f"POST {FORMS_PATH} ({form_id}): expected 200 with a PDF, got {response.status}")
    try:
        return read_pdf(response.body)
    except PdfProblem as problem:
        raise TargetError(f"POST {FORMS_PATH} ({form_id}): the PDF cannot be read ({problem.code})") from None


def issue_data(target: Target, form_id: str, body: Mapping[str, Any]) -> dict[str, Any] | None:
    """The form's data (``POST /forms/{form_id}/data``), or None when the vendor offers none."""
    response = target.need_http().request("post", DATA_PATH.replace("{form_id}", form_id), json=dict(body))
    if response.status in (404, 405, 406, 501) or response.status != 200:
        return None
    document = response.json()
    return document if isinstance(document, dict) else None
