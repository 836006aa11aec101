"""住民記録 1.0 10.7 印刷 and 5.8 文字溢れ対応: the print dialog's choices, judged on what the vendor outputs and
on its 印刷ログ (10.2 R014).

``jumin.prints`` registers generated persons (``fixtures.persons``) and issues their 住民票の写し through
``prints.issue`` (our interface, docs/driver.md: the operator's print dialog), reading the 印刷ログ of the
person (``logs.prints``) before and after. Params ``rule``:

- ``printer`` (10.7 R001: プリンタやトレー（ホッパ）の指定): the last printer ``prints.printers`` lists and its last
  tray chosen, on paper: the new entry records that 印刷プリンタ and トレー;
- ``copies`` (R002: 出力部数): 3 copies on paper: the new entries' 枚数 (times their 部数, where an entry records
  one) add up to three times the pages of the form output once as PDF;
- ``preview`` (R003: プレビュー機能): a preview answers the form (a readable PDF) and logs no output on paper (a new
  entry, if any, records 出力形式 プレビュー);
- ``output`` (R004: PDFか紙出力が指定でき、プリンタが指定できること): PDF answers the form and its entry records a file
  output (ファイル出力, PDF); paper on the last printer records 印刷 (or 紙) and that printer;
- ``overflow_list`` (R006: 印刷域桁数を超過したもの…超過内容を記載したリスト): a 方書 of 100 characters (the item's
  length) on paper: the answer's 文字超過リスト holds the 住所 with the whole 方書, its entry naming the person's
  宛名番号 (whose form it was);
- ``overflow_alert`` (5.8 R002): the same answer carries an アラート with a message and the list (its entry naming
  the 宛名番号), and the 文字溢れ parameter is obeyed: 空白 prints none of the 方書, 限界まで prints its beginning;
- ``fit`` (5.8 R001: 文字の大きさを調整するなどして、文字超過とならないようすること): a 方書 of 30 characters as
  PDF is printed whole on a line that ends within the page, or (やむをえず) is in the 文字超過リスト.

- ``seal`` (5.6 R001: 市区町村長又は職務代理者の職名・氏名、公印印字の有無及び公印の種類が選択できること…都道府県名を
  印字すること): the 市区町村長 with the 公印, then the 職務代理者 without: each PDF prints a 職名 with the 都道府県名,
  the 職務代理者's differs from the 市区町村長's printed without the 公印 (a third print: the two differ in the 職名
  alone), and the 印刷ログ records 公印出力の有無 true, then false;
- ``seal_kind`` (5.6 R002: 証明書専用の印 … 「公印省略」「この印は黒色です」等の任意の固定文言): the 証明書専用の印 with
  「この印は黒色です」, then no 公印 with 「公印省略」: each wording printed, 公印出力の有無 as chosen.

Interpretation ``jumin-1.0-interp-print-dialog``. A vendor whose adapter lacks an operation is NOT_AUTOMATED.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator, Mapping
from typing import Any

from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import PrintParams
from conformance.domains.jumin.scenarios.access_log import PRINTS, driver_base, driver_client, entries_of, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.forms import PdfProblem, PrintedForm, read_pdf

ISSUE, PRINTERS, FORM = "prints.issue", "prints.printers", "juminhyo_kojin"
PREVIEW, PAPER, FILE = "プレビュー", "印刷", "PDF"
#: The 出力形式 words (10.2 R014: プレビュー、印刷、ファイル出力等) each choice may be logged with.
LOGGED = {PREVIEW: frozenset({"プレビュー"}), PAPER: frozenset({"印刷", "紙", "紙出力"}),
          FILE: frozenset({"ファイル出力", "PDF", "ファイル", "PDF出力"})}
#: 方書 longer than any form's 住所 column (the item's whole length: 100) and one a form can hold smaller.
LONG_KATAGAKI = "文字溢れ確認見本荘" + "ア" * 91
MID_KATAGAKI = "文字調整確認見本荘" + "イ" * 21
COPIES = 3


@check("jumin.prints")
def prints(ctx: CheckContext) -> Iterator[Finding]:
    """10.7 印刷 and 5.8 文字溢れ: one rule per requirement (the module's docstring)."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(PrintParams).rule
    needed: tuple[str, ...] = (ISSUE, PRINTS, PRINTERS) if rule in ("printer", "output") else (ISSUE, PRINTS)
    if rule in ("overflow_list", "overflow_alert", "fit"):
        needed = (ISSUE,)
    client = driver_client(target, *needed)
    yield from RULES[rule](ctx, _Dialog(ctx, target, client))


class _Dialog:
    """The print dialog of one check: a person, their prints and the 印刷ログ's new entries."""

    def __init__(self, ctx: CheckContext, target: Target, client: DriverClient) -> None:
        self.ctx, self.client = ctx, client
        self.base = driver_base(target)
        self.atena = ""

    def person(self, katagaki: str | None = None) -> str:
        self.atena = register(self.client, {"住所_方書": katagaki} if katagaki else None)
        return self.atena

    def log(self) -> list[Mapping[str, Any]]:
        entries = entries_of(self.client, self.atena, PRINTS)
        if entries is None:
            raise TargetError(f"driver {PRINTS}: expected 200 with entries")
        return entries

    def issue(self, **choices: Any) -> dict[str, Any]:
        status, document = self.client.call(ISSUE, {"帳票": FORM, "宛名番号": self.atena, **choices})
        if status != 200 or not isinstance(document, dict) or document.get("result") != "ok":
            raise TargetError(f"driver {ISSUE}: expected 200 ok, got {status}")
        return document

    def printed_new(self, **choices: Any) -> tuple[dict[str, Any], list[Mapping[str, Any]]]:
        """Issue with ``choices``; the answer and the 印刷ログ entries it added."""
        before = self.log()
        answer = self.issue(**choices)
        after = list(self.log())
        for entry in before:
            if entry in after:
                after.remove(entry)
        return answer, after

    def where(self, suffix: str) -> str:
        return f"POST {self.base}/prints (宛名番号={self.atena})#{suffix}"

    def finding(self, code: str, message: str, suffix: str, *, expected: str, actual: str) -> Finding:
        return self.ctx.finding(code, message, location=self.where(suffix), expected=expected, actual=actual)

    def readable(self, output: str, what: str, shown: str,
                 requirement: str) -> tuple[list[Mapping[str, Any]], Finding | None]:
        """A new person's form issued with 出力 ``output``: the 印刷ログ entries it added, and the finding when the
        answer carries no readable form (``what`` names the output, ``shown`` how the form should come)."""
        self.person()
        answer, new = self.printed_new(出力=output)
        if documents(answer) is not None:
            return new, None
        return new, self.finding("print.document_missing", f"{what} answers no readable form ({requirement})", output,
                                 expected=shown, actual="none")


def documents(answer: Mapping[str, Any]) -> list[PrintedForm] | None:
    """The forms an answer carries (``文書``: each copy's PDF, base64), or None when it carries none readable."""
    texts = answer.get("文書")
    if not isinstance(texts, list) or not texts:
        return None
    try:
        return [read_pdf(base64.b64decode(str(text), validate=True)) for text in texts]
    except (binascii.Error, ValueError, PdfProblem):
        return None


def _printers(dialog: _Dialog) -> tuple[str, str] | None:
    status, document = dialog.client.call(PRINTERS, {})
    listed = document.get("printers") if status == 200 and isinstance(document, dict) else None
    if not isinstance(listed, list):
        return None
    usable = [(str(p["プリンタ"]), str(p["トレー"][-1])) for p in listed
              if isinstance(p, dict) and p.get("プリンタ") and isinstance(p.get("トレー"), list) and p["トレー"]]
    return usable[-1] if usable else None


def _printer(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """10.7 R001: the printer and tray chosen are the ones the form went to."""
    dialog.person()
    chosen = _printers(dialog)
    if chosen is None:
        yield dialog.finding("print.no_printer", "no printer with a tray can be chosen (10.7 R001)", "プリンタ",
                             expected="a printer with its trays", actual="none")
        return
    printer, tray = chosen
    _, new = dialog.printed_new(出力=PAPER, プリンタ=printer, トレー=tray)
    yield from _logged(dialog, new, {"印刷プリンタ": printer, "トレー": tray}, "10.7 R001")


def _logged(dialog: _Dialog, new: list[Mapping[str, Any]], wanted: Mapping[str, object],
            clause: str) -> Iterator[Finding]:
    """Each new 印刷ログ entry records the values ``wanted`` (one value, or one of a set)."""
    if not new:
        yield dialog.finding("logs.print_missing", f"the print left no entry in the 印刷ログ ({clause})", "印刷ログ",
                             expected="a new entry", actual="none")
        return
    for name, value in wanted.items():
        allowed = value if isinstance(value, frozenset) else frozenset({value})
        wrong = [str(entry.get(name)) for entry in new if entry.get(name) not in allowed]
        if wrong:
            yield dialog.finding("print.choice_ignored", f"the form was not output as chosen: the 印刷ログ records "
                                 f"another {name} ({clause})", name,
                                 expected=" or ".join(sorted(map(str, allowed))),
                                 actual=wrong[0])


def _copies(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """10.7 R002: 3 copies print three times the pages of one."""
    dialog.person()
    once = documents(dialog.issue(出力=FILE))
    if once is None:
        yield dialog.finding("print.document_missing", "the PDF output answers no readable form", FILE,
                             expected="the form as PDF", actual="none")
        return
    pages = len(once[0].pages)
    _, new = dialog.printed_new(出力=PAPER, 部数=COPIES)
    counted = sum(_int(entry.get("枚数")) * max(_int(entry.get("部数"), 1), 1) for entry in new)
    if counted != COPIES * pages:
        yield dialog.finding("print.copies", f"{COPIES} copies of a {pages}-page form were asked; the 印刷ログ "
                             f"records {counted} pages (10.7 R002)", "部数", expected=str(COPIES * pages),
                             actual=str(counted))


def _int(value: object, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else default


def _preview(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """10.7 R003: a preview shows the form and prints nothing on paper."""
    new, missing = dialog.readable(PREVIEW, "the preview", "the form as shown", "10.7 R003")
    if missing is not None:
        yield missing
    wrong = [str(entry.get("出力形式")) for entry in new if entry.get("出力形式") not in LOGGED[PREVIEW]]
    if wrong:
        yield dialog.finding("print.choice_ignored", "the preview was output otherwise: the 印刷ログ records "
                             "another 出力形式 (10.7 R003)", "出力形式", expected=PREVIEW, actual=wrong[0])


def _output(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """10.7 R004: PDF or paper, and the printer."""
    new, missing = dialog.readable(FILE, "the PDF output", "the form as PDF", "10.7 R004")
    if missing is not None:
        yield missing
    yield from _logged(dialog, new, {"出力形式": LOGGED[FILE]}, "10.7 R004")
    chosen = _printers(dialog)
    if chosen is None:
        yield dialog.finding("print.no_printer", "no printer can be chosen (10.7 R004)", "プリンタ",
                             expected="a printer", actual="none")
        return
    _, new = dialog.printed_new(出力=PAPER, プリンタ=chosen[0])
    yield from _logged(dialog, new, {"出力形式": LOGGED[PAPER], "印刷プリンタ": chosen[0]}, "10.7 R004")


def _entry(answer: Mapping[str, Any], katagaki: str) -> Mapping[str, Any] | None:
    """The entry of the 文字超過リスト that holds the 方書 whole (spaces aside), or None."""
    listed = answer.get("文字超過リスト")
    entries = listed if isinstance(listed, list) else []
    return next((entry for entry in entries
                 if isinstance(entry, dict) and katagaki in "".join(str(entry.get("内容", "")).split())), None)


def _listed(answer: Mapping[str, Any], katagaki: str) -> bool:
    """The 文字超過リスト names the 方書 whole (spaces aside)."""
    return _entry(answer, katagaki) is not None


def _named(dialog: _Dialog, entry: Mapping[str, Any], where: str, clause: str) -> Iterator[Finding]:
    """The list's entry names whose form overflowed (its ``宛名番号``): the list is output apart from the form, and an
    entry naming no one, or another, does not let the overflowed information be confirmed (interpretation
    ``jumin-1.0-interp-print-dialog``)."""
    named = entry.get("宛名番号")
    if str(named) != dialog.atena:
        yield dialog.finding("print.overflow_unnamed", f"the 文字超過リスト's entry does not name the person whose "
                             f"form overflowed ({clause})", f"{where}/宛名番号", expected=dialog.atena,
                             actual=str(named) if named not in (None, "") else "absent")


def _overflow_list(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """10.7 R006: the 文字超過リスト of a form whose 住所 exceeds its column, naming whose form it is."""
    dialog.person(LONG_KATAGAKI)
    entry = _entry(dialog.issue(出力=PAPER), LONG_KATAGAKI)
    if entry is None:
        yield dialog.finding("print.overflow_unlisted", "the 住所 with a 方書 of 100 characters is not in the "
                             "文字超過リスト with what it holds (10.7 R006)", "文字超過リスト",
                             expected="the 住所 with the 方書", actual="absent")
        return
    yield from _named(dialog, entry, "文字超過リスト", "10.7 R006")


def _alerted(alerts: object) -> bool:
    """An アラート is shown: a list of them, one at least with a message (5.8 R002 アラートを表示して注意喚起)."""
    return isinstance(alerts, list) and any(
        isinstance(alert, dict) and str(alert.get("message") or "").strip() for alert in alerts)


def _overflow_alert(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """5.8 R002: the アラート and the list, and the parameter 限界まで / 空白."""
    dialog.person(LONG_KATAGAKI)
    head = LONG_KATAGAKI[:9]
    for mode in ("限界まで", "空白"):
        answer = dialog.issue(出力=FILE, 文字溢れ=mode)
        alerts = answer.get("アラート")
        if not _alerted(alerts):
            yield dialog.finding("print.overflow_alert_missing", "a form with a 住所 that overflows answers no "
                                 "アラート with a message (5.8 R002)", f"{mode}/アラート",
                                 expected="an アラート with its message",
                                 actual="no message" if isinstance(alerts, list) and alerts else "none")
        entry = _entry(answer, LONG_KATAGAKI)
        if entry is None:
            yield dialog.finding("print.overflow_unlisted", "the overflowing 住所 is not in the 文字超過リスト "
                                 "(5.8 R002)", f"{mode}/文字超過リスト", expected="the 住所 with the 方書",
                                 actual="absent")
        else:
            yield from _named(dialog, entry, f"{mode}/文字超過リスト", "5.8 R002")
        forms = documents(answer)
        if forms is None:
            yield dialog.finding("print.document_missing", "the PDF output answers no readable form", mode,
                                 expected="the form as PDF", actual="none")
            continue
        shown = any(head in "".join(line.text.split()) for line in forms[0].lines)
        if shown != (mode == "限界まで"):
            yield dialog.finding("print.overflow_mode_ignored", f"文字溢れ {mode}: the 方書 that overflows is "
                                 f"{'not ' if not shown else ''}printed (5.8 R002 ただし)", f"{mode}/住所",
                                 expected="printed to the limit" if mode == "限界まで" else "blank",
                                 actual="printed" if shown else "not printed")


def _fit(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """5.8 R001: a 方書 of 30 characters printed whole within the page (or listed as an overflow)."""
    dialog.person(MID_KATAGAKI)
    answer = dialog.issue(出力=FILE)
    forms = documents(answer)
    if forms is None:
        yield dialog.finding("print.document_missing", "the PDF output answers no readable form", FILE,
                             expected="the form as PDF", actual="none")
        return
    if _listed(answer, MID_KATAGAKI):
        return  # やむをえず文字溢れ: 5.8 R002 applies
    form = forms[0]
    lines = [line for line in form.lines if MID_KATAGAKI in "".join(line.text.split())]
    if not lines:
        yield dialog.finding("print.overflow_cut", "a 方書 of 30 characters is not printed whole and not in the "
                             "文字超過リスト (5.8 R001)", "住所", expected="the whole 方書", actual="cut")
        return
    line = lines[0]
    width = form.widths[line.page - 1] if len(form.widths) >= line.page else 0.0
    if width and line.x1 > width:
        yield dialog.finding("print.overflow_outside", "the 住所 runs past the edge of the page (5.8 R001)", "住所",
                             expected=f"within {width:.0f} pt", actual=f"{line.x1:.0f} pt")


#: 5.6 R002's examples of 任意の固定文言.
NOTICES = ("この印は黒色です", "公印省略")


def _title_lines(form: PrintedForm, prefecture: str) -> set[str]:
    """The lines that hold a 職名 with the 都道府県名 (5.6 R001: …都道府県名を印字すること)."""
    return {"".join(line.text.split()) for line in form.lines if prefecture in line.text and "長" in line.text}


def _seal(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """5.6 R001: the 職名・氏名 (市区町村長 or 職務代理者), 公印印字の有無 and the 公印の種類 chosen per certificate."""
    dialog.person()
    prefecture = DEFAULT_ITEMS["住所_都道府県"]
    mayor, mayor_new = dialog.printed_new(出力=FILE, 職名="市区町村長", 公印=True, 公印の種類="市区町村長印")
    deputy, deputy_new = dialog.printed_new(出力=FILE, 職名="職務代理者", 公印=False, 公印の種類="職務代理者印")
    # The 市区町村長 without the 公印 too: the 職名 is compared between two prints that differ in it alone (a 公印
    # printed on the 職名's line would tell the two apart when the 職名 chosen was not printed; issue 67).
    plain = dialog.issue(出力=FILE, 職名="市区町村長", 公印=False, 公印の種類="市区町村長印")
    forms = [documents(mayor), documents(deputy), documents(plain)]
    if forms[0] is None or forms[1] is None or forms[2] is None:
        yield dialog.finding("print.document_missing", "the PDF output answers no readable form (5.6 R001)", FILE,
                             expected="the form as PDF", actual="none")
        return
    titles = [_title_lines(found[0], prefecture) for found in (forms[0], forms[1], forms[2])]
    for name, lines in zip(("市区町村長", "職務代理者"), titles[:2], strict=True):
        if not lines:
            yield dialog.finding("print.title_missing", f"the {name}'s 職名 is not printed with the 都道府県名 "
                                 "(5.6 R001)", f"{name}/職名", expected="the 職名 with the 都道府県名",
                                 actual="absent")
    if titles[2] and titles[2] == titles[1]:
        yield dialog.finding("print.choice_ignored", "the 職務代理者 chosen, the 市区町村長's 職名 is printed all the "
                             "same (5.6 R001)", "職務代理者/職名", expected="the 職務代理者's 職名",
                             actual="the same 職名")
    yield from _logged(dialog, mayor_new, {"公印出力の有無": frozenset({True})}, "5.6 R001")
    yield from _logged(dialog, deputy_new, {"公印出力の有無": frozenset({False})}, "5.6 R001")


def _seal_kind(ctx: CheckContext, dialog: _Dialog) -> Iterator[Finding]:
    """5.6 R002: the 証明書専用の印 chosen, and 任意の固定文言 printed."""
    dialog.person()
    asked: tuple[dict[str, Any], ...] = ({"公印": True, "公印の種類": "証明書専用印"}, {"公印": False})
    for notice, choices in zip(NOTICES, asked, strict=True):
        answer, new = dialog.printed_new(出力=FILE, 固定文言=notice, **choices)
        forms = documents(answer)
        if forms is None:
            yield dialog.finding("print.document_missing", "the PDF output answers no readable form (5.6 R002)", FILE,
                                 expected="the form as PDF", actual="none")
            continue
        if not any(notice in "".join(line.text.split()) for line in forms[0].lines):
            yield dialog.finding("print.notice_missing", f"the fixed wording 「{notice}」 chosen is not printed "
                                 "(5.6 R002)", f"{notice}", expected="printed", actual="absent")
        yield from _logged(dialog, new, {"公印出力の有無": frozenset({choices["公印"]})}, "5.6 R002")


RULES = {"seal": _seal, "seal_kind": _seal_kind, "printer": _printer, "copies": _copies, "preview": _preview,
         "output": _output, "overflow_list": _overflow_list, "overflow_alert": _overflow_alert, "fit": _fit}
