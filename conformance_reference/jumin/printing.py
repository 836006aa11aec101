"""The reference vendor's print dialog (住民記録 1.0 10.7 印刷, 5.8 文字溢れ対応), read through the driver
operations ``prints.printers`` and ``prints.issue`` (docs/driver.md; our interface, confirmed: false).

``GET /driver/v1/printers`` answers the printers of the terminal and their trays (10.7 R001: プリンタやトレー
（ホッパ）の指定). ``POST /driver/v1/prints`` issues a form of the catalog (``帳票``: a form id of forms.yaml, with
the body of ``POST /forms/{帳票}``) as the operator's dialog would: ``部数`` copies (R002), each its own issue
with its own 発行番号 (5.5 R007); ``出力`` プレビュー (R003: the form shown, not issued), PDF (R004: a file) or 印刷
(R004: paper, on ``プリンタ`` and its ``トレー``); ``文字溢れ`` 限界まで or 空白 (5.8 R002 ただし: what an item that
overflows prints). The answer carries each copy's PDF (base64) for プレビュー and PDF, the アラート of 5.8 R002 when an
item overflowed, and the 文字超過リスト (5.8 R002, 10.7 R006: the items that overflowed, with what they hold).
Every copy leaves its 印刷ログ entry (10.2 R014: 出力形式, 印刷プリンタ, トレー); a preview enters no 交付履歴.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conformance_reference.jumin.forms import OVERFLOW_BLANK, OVERFLOW_LIMIT, PRINTER, FormService, PrintJob

#: What a handler answers: the HTTP status and the JSON document.
Answer = tuple[int, dict[str, Any]]
PREVIEW, PAPER, FILE = "プレビュー", "印刷", "PDF"
#: 出力 -> the 出力形式 the 印刷ログ records (10.2 R014's words).
OUTPUT_KINDS = {PREVIEW: "プレビュー", PAPER: "印刷", FILE: "ファイル出力"}
#: The terminal's printers and their trays (the first is the default).
PRINTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (PRINTER, ("トレー1", "トレー2")), ("プリンタ002", ("トレー1", "トレー2", "手差し")))
#: 5.8 R002's アラート when an item overflowed (ours, as the other codes of docs/driver.md).
OVERFLOW_ALERT = "A050"
OVERFLOW_MESSAGE = "文字溢れがあります。文字超過リストを確認してください。"
MAX_COPIES = 20
#: 5.6: the 職名 (R001 市区町村長又は職務代理者), the 公印の種類 (R001, R002) and the keys of the dialog.
TITLES, SEAL_KINDS = ("市区町村長", "職務代理者"), ("市区町村長印", "職務代理者印", "証明書専用印")
DIALOG_KEYS = frozenset({"帳票", "部数", "出力", "プリンタ", "トレー", "文字溢れ", "職名", "公印", "公印の種類",
                         "固定文言"})


@dataclass
class PrintService:
    forms: FormService
    defects: frozenset[str] = frozenset()

    def printers(self) -> Answer:
        listed = [{"プリンタ": name, "トレー": list(trays)} for name, trays in PRINTERS]
        return 200, {"result": "ok", "printers": listed}

    def issue(self, body: Mapping[str, Any]) -> Answer:
        request = {key: value for key, value in body.items() if key not in DIALOG_KEYS}
        job = self._job(body)
        if isinstance(job, str):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": job}
        copies = body.get("部数", 1)
        if not isinstance(copies, int) or isinstance(copies, bool) or not 1 <= copies <= MAX_COPIES:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"部数 must be 1-{MAX_COPIES}"}
        if "print_copies_ignored" in self.defects:
            copies = 1  # A defect: the dialog prints one copy whatever 部数 says.
        documents: list[str] = []
        overflows: list[dict[str, str]] = []
        for _ in range(copies):
            printed = self.forms.output(str(body.get("帳票", "")), request, "application/pdf", job)
            if printed.answer.status != 200:
                try:
                    document = json.loads(printed.answer.body)
                except ValueError:
                    document = {}
                return printed.answer.status, {"result": "error", **document}
            documents.append(base64.b64encode(printed.answer.body).decode("ascii"))
            overflows = printed.overflows
        answer: dict[str, Any] = {"result": "ok", "出力": body.get("出力", FILE), "部数": copies}
        if job.output != OUTPUT_KINDS[PAPER]:
            answer["文書"] = documents
        if overflows:
            answer.update(self._overflowed(body, overflows))
        return 200, answer

    def _overflowed(self, body: Mapping[str, Any], overflows: list[dict[str, str]]) -> dict[str, Any]:
        """5.8 R002, 10.7 R006: the アラート (a message to show) and the 文字超過リスト (whose form, the item, what it
        holds) of a form whose items overflowed."""
        atena = str(body.get("宛名番号") or body.get("世帯番号") or "")
        message = "" if "overflow_alert_silent" in self.defects else OVERFLOW_MESSAGE  # A defect: a code, no words.
        alerts = [{"code": OVERFLOW_ALERT, "item": overflow["項目"], "message": message} for overflow in overflows]
        if "overflow_list_unnamed" in self.defects:
            # A defect: the list names the item and what it holds, never whose form it was.
            return {"アラート": alerts, "文字超過リスト": [dict(overflow) for overflow in overflows]}
        return {"アラート": alerts, "文字超過リスト": [{"宛名番号": atena, **overflow} for overflow in overflows]}

    def _job(self, body: Mapping[str, Any]) -> PrintJob | str:
        output = body.get("出力", FILE)
        if output not in OUTPUT_KINDS:
            return f"出力 must be one of {', '.join(OUTPUT_KINDS)}"
        printer, tray = body.get("プリンタ", PRINTERS[0][0]), body.get("トレー", "")
        trays = dict(PRINTERS).get(str(printer))
        if trays is None:
            return f"unknown プリンタ {str(printer)[:40]!r}"
        if tray and tray not in trays:
            return f"unknown トレー {str(tray)[:40]!r} of {printer}"
        overflow = body.get("文字溢れ", OVERFLOW_LIMIT)
        if overflow not in (OVERFLOW_LIMIT, OVERFLOW_BLANK):
            return f"文字溢れ must be {OVERFLOW_LIMIT} or {OVERFLOW_BLANK}"
        title, seal, notice = body.get("職名", TITLES[0]), body.get("公印", True), body.get("固定文言", "")
        seal_kind = body.get("公印の種類", SEAL_KINDS[0])
        if title not in TITLES or seal_kind not in SEAL_KINDS or not isinstance(seal, bool):
            return (f"職名 must be one of {', '.join(TITLES)}, 公印 true or false, 公印の種類 one of "
                    f"{', '.join(SEAL_KINDS)}")
        if not isinstance(notice, str) or len(notice) > 40:
            return "固定文言 must be a text of at most 40 characters"
        if "seal_title_fixed" in self.defects:
            title = TITLES[0]  # A defect: the 市区町村長's 職名 whatever is chosen (the 公印, the wording as chosen).
        if "seal_options_ignored" in self.defects:
            # A defect: the certificate is printed as set up once: the 市区町村長's 職名 and 印, no fixed wording.
            title, seal, seal_kind, notice = TITLES[0], True, SEAL_KINDS[0], ""
        if "print_options_ignored" in self.defects:
            # A defect: the dialog's choices are not passed on: every form goes to the default printer, on paper.
            return PrintJob(OUTPUT_KINDS[PAPER], PRINTERS[0][0], "", str(overflow), str(title), seal, str(seal_kind),
                            notice)
        kind = OUTPUT_KINDS[str(output)]
        return PrintJob(kind, str(printer) if kind == OUTPUT_KINDS[PAPER] else PRINTER,
                        str(tray) if kind == OUTPUT_KINDS[PAPER] else "", str(overflow), str(title), seal,
                        str(seal_kind), notice)
