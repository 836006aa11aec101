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

import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.errors import TargetError
from conformance.targets.base import HttpResponse, Target

MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_PAGES = 200
MAX_OBJECTS = 20_000
#: The decompressed size of all streams together: a certificate's pages need a few KB each.
MAX_DECOMPRESSED = 8 * 1024 * 1024
MAX_CHARS = 400_000
FORMS_PATH = "/forms/{form_id}"
DATA_PATH = "/forms/{form_id}/data"

_STREAM = re.compile(rb"stream\r?\n")
_LINE_BREAK = re.compile("\r\n")
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

    @property
    def words(self) -> list[str]:
        """The line split at spaces (pdfminer turns U+3000 into a space)."""
        return self.text.split()


@dataclass(frozen=True)
class PrintedForm:
    """A PDF read as printed: its lines, page by page."""

    pages: tuple[tuple[PrintedLine, ...], ...]
    size: int

    @property
    def lines(self) -> list[PrintedLine]:
        """Every line, page after page, top to bottom."""
        return [line for page in self.pages for line in page]


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


def read_pdf(data: bytes) -> PrintedForm:
    """The PDF's text lines per page, after :func:`scan_pdf`; any failure is a :class:`PdfProblem`.

    PDFium (pypdfium2) extracts the text: ten times faster than pdfminer on these forms (a 25-page
    閲覧用 list: 0.11 s against 1.1 s), with U+3000 kept; each line's position is its first
    character's box."""
    scan_pdf(data)
    try:
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
    except Exception as error:  # PdfiumError and anything else: the bytes are not a PDF PDFium can read
        raise PdfProblem("form.pdf_unreadable", f"the PDF cannot be read: {type(error).__name__}") from None
    try:
        return PrintedForm(tuple(_pages(document)), len(data))
    except PdfProblem:
        raise
    except Exception as error:  # a broken page: none may escape
        raise PdfProblem("form.pdf_unreadable", f"the PDF cannot be read: {type(error).__name__}") from None
    finally:
        document.close()


def _pages(document: Any) -> Iterator[tuple[PrintedLine, ...]]:
    count = len(document)
    if count > MAX_PAGES:
        raise PdfProblem("form.pdf_too_large", f"the PDF has {count} pages; the limit is {MAX_PAGES}")
    if not count:
        raise PdfProblem("form.pdf_unreadable", "the PDF has no page")
    chars = 0
    for number in range(1, count + 1):
        page = document[number - 1]
        text_page = page.get_textpage()
        try:
            chars += text_page.count_chars()
            if chars > MAX_CHARS:
                raise PdfProblem("form.pdf_too_large", f"the PDF has more than {MAX_CHARS} characters")
            yield tuple(_lines(number, text_page, float(page.get_height())))
        finally:
            text_page.close()
            page.close()


def _lines(number: int, text_page: Any, height: float) -> Iterator[PrintedLine]:
    """The page's lines, PDFium's order; a line's position is its first character's box."""
    text = str(text_page.get_text_range())
    offset = 0
    for piece in _LINE_BREAK.split(text):
        if piece.strip():
            try:
                left, _, _, top = text_page.get_charbox(offset)
            except Exception:  # a box PDFium cannot give: the position is unknown, the text stands
                left, top = 0.0, height
            yield PrintedLine(number, piece.strip(), round(height - float(top), 1), round(float(left), 1))
        offset += len(piece) + 2  # PDFium ends each line with \r\n


# -- issuing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issued:
    """One form request's answer: the status, and the form read as printed (200 only) or the problem."""

    status: int
    form: PrintedForm | None
    problem: PdfProblem | None
    response: HttpResponse


def issue(target: Target, form_id: str, body: Mapping[str, Any]) -> Issued:
    """Issue a form (``POST /forms/{form_id}``) and read it; answers are cached per run by request."""
    key = f"forms.pdf:{form_id}:{sorted(body.items())!r}"
    cached = target.cache.get(key)
    if isinstance(cached, Issued):
        return cached
    response = target.need_http().request("post", FORMS_PATH.replace("{form_id}", form_id), json=dict(body))
    issued = Issued(response.status, None, None, response)
    if response.status == 200:
        if "pdf" not in response.content_type:
            problem = PdfProblem("form.not_pdf", f"the form came as {response.content_type or 'no type'!r}, "
                                 "not application/pdf")
            issued = Issued(200, None, problem, response)
        else:
            try:
                issued = Issued(200, read_pdf(response.body), None, response)
            except PdfProblem as problem:
                issued = Issued(200, None, problem, response)
    elif response.status >= 500:
        raise TargetError(f"POST {FORMS_PATH} ({form_id}): the vendor answered {response.status}")
    target.cache[key] = issued
    return issued


def issue_data(target: Target, form_id: str, body: Mapping[str, Any]) -> dict[str, Any] | None:
    """The form's data (``POST /forms/{form_id}/data``), or None when the vendor offers none."""
    response = target.need_http().request("post", DATA_PATH.replace("{form_id}", form_id), json=dict(body))
    if response.status in (404, 405, 406, 501) or response.status != 200:
        return None
    document = response.json()
    return document if isinstance(document, dict) else None
