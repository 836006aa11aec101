"""The reference vendor's forms (帳票): certificates and lists rendered as real PDFs, following the catalog.

``POST /api/v1/forms/{form_id}`` (catalog interface ``issue_form``) with a JSON body

    {"宛名番号": "...", "世帯番号": "...", "町字": "...", "請求者": "<宛名番号>",
     "省略": ["kojin_bango", ...], "フリガナ": true, "公用": true}

answers the printed form (``application/pdf``), or, with ``Accept: application/json``, the form's
data (what was printed, page by page). The forms, their items, order and omission switches are the
catalog's (``spec_catalog/jumin/1.0/forms.yaml``); the layout is ours: one line per item, the label
at the left and the value after it, a block per person, the 通称 history on a 別紙 after the persons,
the 認証文 and the 職名 on the last page, the 発行番号 (5.5: date, municipality, terminal, printer,
serial, page/total) at the foot of every page.

The PDFs embed a subset of the project's own Japanese font (IPAexGothic, :mod:`conformance.fonts`), as
real 証明書 systems do: what they print does not depend on the fonts of the machine that reads them.
Dates are converted with the reference's own era table (conformance_reference/paper.py), not the harness's
oracles, so a bug shared by both cannot hide itself. Named defects change one rule each
(:mod:`conformance_reference.defects`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from conformance import clock
from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.models import AppliesTo, Form, FormItem
from conformance.fonts import FONT_NAME
from conformance_reference.jumin.certifiers import in_effect as certifier_in_effect
from conformance_reference.jumin.memos import printed_memos
from conformance_reference.paper import CITY, ERAS, PREFECTURE, register_fonts, seireki, wareki

Row = Mapping[str, str]
PDF_TYPE = "application/pdf"
JSON_TYPE = "application/json; charset=utf-8"
TERMINAL, PRINTER = "本庁1", "プリンタ001"
# The 認証文 of chapter 4 (様式) is not in our source text: a sentence of our own.
CERTIFICATION = "この写しは、住民基本台帳の記録と相違ないことを証明する。"
SEAL = "（電子公印）"
#: 5.6: the 職務代理者's 職名・氏名, and the 電子公印 of each kind (R001 市区町村長又は職務代理者の印, R002
#: 証明書専用の印).
DEPUTY_TITLE = f"{PREFECTURE}{CITY}長職務代理者　副町長　見本　次郎"
SEALS = {"市区町村長印": SEAL, "職務代理者印": "（電子公印・職務代理者印）",
         "証明書専用印": "（電子公印・証明書専用印）"}
SHEET_TITLE = "別紙　通称の記載及び削除に関する事項"
OFFICIAL_USE = "公用"
ISSUE_LABEL = "発行番号"
#: Keys a request body may carry.
BODY_KEYS = frozenset({"宛名番号", "世帯番号", "町字", "請求者", "省略", "フリガナ", "公用"})
_NUMBER = re.compile(r"[0-9]{10}")

# Page geometry (points): A4 portrait, one item per line.
_TOP, _BOTTOM, _LINE, _LABEL_X, _VALUE_X = 800.0, 80.0, 15.0, 50.0, 170.0
_LINES_PER_PAGE = int((_TOP - 40 - _BOTTOM) // _LINE)
#: 5.8 文字溢れ: a value is printed at 10 points, smaller down to 6 when it is wider than its column (up to
#: the right margin); wider still, it overflows: listed in the 文字超過リスト, printed to the limit or blank.
_FONT_SIZE, _MIN_FONT_SIZE, _RIGHT = 10.0, 6.0, A4[0] - 40.0
OVERFLOW_LIMIT, OVERFLOW_BLANK = "限界まで", "空白"
_CERTIFICATION_LINES = 4

#: The form_era_boundary defect: 平成 from 1989-01-07 (a day early).
_WRONG_ERAS = tuple((era, (1989, 1, 7) if era == "平成" else start) for era, start in ERAS)
@dataclass(frozen=True)
class FormAnswer:
    """What the application sends back: status, media type, body."""

    status: int
    content_type: str
    body: bytes


def _error(status: int, code: str, message: str) -> FormAnswer:
    return FormAnswer(status, JSON_TYPE, json.dumps({"code": code, "message": message}, ensure_ascii=False).encode())


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


# -- 世帯員の並び順 (5.2, j1010) --------------------------------------------------------------------

_SPOUSES = frozenset({"妻", "夫", "妻（未届）", "夫（未届）"})
_PARENTS = frozenset({"父", "母"})
_SIBLINGS = frozenset({"兄", "姉", "弟", "妹"})
_GRANDPARENTS = frozenset({"父の父", "父の母", "母の父", "母の母"})


def member_group(relation: str) -> int:
    """The place of a 続柄 in the order of 5.2: 世帯主, 配偶者, 子 and their families (ranks 1-2),
    父母, 兄弟姉妹, 祖父母 (rank 3), other relatives, 縁故者, 同居人 (rank 4)."""
    if relation == "世帯主":
        return 0
    if relation in _SPOUSES:
        return 1
    if relation == "子":
        return 2
    if relation.startswith("子の"):
        return 3 + relation.count("の")  # 子の妻 / 子の子 (4), 子の子の子 (5) ...
    order = {"縁故者": 31, "同居人": 32}
    if relation in order:
        return order[relation]
    if relation in _PARENTS:
        return 20
    if relation in _SIBLINGS:
        return 21
    if relation in _GRANDPARENTS:
        return 22
    return 30


def member_order(row: Row) -> tuple[int, int, str, str]:
    """Sort key of a household's members: group, then 子の妻 before 子の子, then birth date (不詳 last)
    and 宛名番号."""
    relation = row.get("続柄", "")
    spouse_of_child = 0 if relation.startswith("子の") and relation.endswith(tuple(_SPOUSES)) else 1
    birth = "" if row.get("生年月日_不詳フラグ") == "1" else row.get("生年月日", "")
    return member_group(relation), spouse_of_child, birth or "9999", row.get("宛名番号", "")


def _in_law_last(row: Row) -> tuple[int, int, str, str]:
    """The form_member_order_in_law_last defect's key: 5.2's, but a 子の子 before a 子の妻 (blood relatives first)."""
    group, spouse_of_child, birth, atena = member_order(row)
    return group, -spouse_of_child, birth, atena


def _siblings_by_atena(row: Row) -> tuple[int, int, str, str]:
    """The form_member_order_siblings_by_atena defect's key: 5.2's, but the 兄弟姉妹 by 宛名番号 (the order they were
    registered in) instead of 生年月日 (blind round 5, 06)."""
    group, spouse_of_child, birth, atena = member_order(row)
    return (group, spouse_of_child, "", atena) if row.get("続柄", "") in _SIBLINGS else (group, spouse_of_child, birth,
                                                                                         atena)


def _tie_by_furigana(row: Row) -> tuple[int, int, str, str]:
    """The form_member_tie_by_furigana defect's key: 5.2's, but two members of one group and 生年月日 (twins) by their
    氏名_フリガナ instead of 宛名番号 (second blind round, 01)."""
    group, spouse_of_child, birth, _ = member_order(row)
    return group, spouse_of_child, birth, row.get("氏名_フリガナ", "")


#: Defects placing a 続柄 in another group of 5.2 (the order table mistyped; blind round 3, 09 and 10).
_REGROUPED: dict[str, tuple[frozenset[str], int]] = {
    "form_member_order_enkosha_before_relatives": (frozenset({"縁故者"}), 29),
    "form_member_order_grandparents_with_parents": (_GRANDPARENTS, 20),
    # Blind round 4, 07: the 配偶者側の父母 taken for 父母 (3-1) instead of 第４順位's 親族.
    "form_member_order_in_law_parents_with_parents": (frozenset({"妻の父", "妻の母", "夫の父", "夫の母"}), 20),
}


def _regrouped(relations: frozenset[str], group: int, row: Row) -> tuple[int, int, str, str]:
    """A _REGROUPED defect's key: 5.2's, with ``relations`` in ``group``."""
    key = member_order(row)
    return (group, *key[1:]) if row.get("続柄", "") in relations else key


# -- the service ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    label: str
    value: str
    title: bool = False
    #: The value's font size (5.8: smaller for a long value).
    size: float = _FONT_SIZE


@dataclass(frozen=True)
class PrintJob:
    """How a form is output (10.7, 5.8; the driver's ``prints.issue``): 出力形式 (プレビュー, 印刷, ファイル出力),
    the printer and its tray, and what an overflowing item prints (限界まで or 空白)."""

    output: str = "ファイル出力"
    printer: str = PRINTER
    tray: str = ""
    overflow: str = OVERFLOW_LIMIT
    #: 5.6: the 職名・氏名 printed (市区町村長 or 職務代理者), whether the 公印 is, which, and a fixed wording.
    title: str = "市区町村長"
    seal: bool = True
    seal_kind: str = "市区町村長印"
    notice: str = ""


@dataclass
class Printed:
    """One issued form as the print job made it: the answer, and the items that overflowed."""

    answer: FormAnswer
    overflows: list[dict[str, str]]


class FormService:
    """Issues the catalog's forms from the store's rows (``latest``, ``household``, ``all_latest``)."""

    def __init__(self, edition: EditionCatalog, store: Any, defects: frozenset[str],
                 label: Callable[[str, str], str]) -> None:
        self.forms = {form.id: form for form in edition.forms if form.items}
        self.store = store
        self.defects = defects
        self.label = label
        self._serial = 0
        self._lock = threading.Lock()
        #: Told what each printed form printed (10.2 印刷ログ; the app writes it to the 操作ログ's side).
        self.printed: Callable[[dict[str, Any]], None] | None = None

    # -- requests ---------------------------------------------------------------------------------

    def issue(self, form_id: str, body: Mapping[str, Any], accept: str) -> FormAnswer:
        """The form ``form_id`` for the request ``body``; PDF, or its data when JSON is accepted."""
        return self.output(form_id, body, accept, PrintJob()).answer

    def output(self, form_id: str, body: Mapping[str, Any], accept: str, job: PrintJob) -> Printed:
        """The form as ``job`` outputs it, with the items that overflowed (5.8, 10.7 R006)."""
        overflows: list[dict[str, str]] = []
        return Printed(self._issue(form_id, body, accept, job, overflows), overflows)

    def _issue(self, form_id: str, body: Mapping[str, Any], accept: str, job: PrintJob,
               overflows: list[dict[str, str]]) -> FormAnswer:
        form = self.forms.get(form_id)
        if form is None:
            return _error(404, "NOT_FOUND", f"no form {form_id[:40]!r}; known: {', '.join(sorted(self.forms))}")
        problem = _body_problem(body, form)
        if problem:
            return _error(400, "INVALID_REQUEST", problem)
        people = self._people(form, body)
        if isinstance(people, FormAnswer):
            return people
        if self._refused(form, body, people):
            return _error(403, "DV_PROTECTED",
                          "the form is refused: a person on it is under 支援措置 (DV protection)")
        omitted = frozenset(str(value) for value in body.get("省略", []))
        pages = self._pages(form, people, omitted, furigana=body.get("フリガナ") is True,
                            official=body.get("公用") is True, job=job)
        pages = [[self._fit(line, job, overflows) for line in page] for page in pages]
        numbers = self._issue_numbers(form, len(pages), job.printer)
        if "json" in accept.lower() and "pdf" not in accept.lower():
            return FormAnswer(200, JSON_TYPE, json.dumps(self._data(form, pages, numbers), ensure_ascii=False).encode())
        pdf = self._pdf(form, pages, numbers)
        if self.printed is not None:
            self.printed(self._print_entry(form, people, pages, numbers, job))
        return FormAnswer(200, PDF_TYPE, pdf)

    def _fit(self, line: _Line, job: PrintJob, overflows: list[dict[str, str]]) -> _Line:
        """5.8 R001: a value wider than its column is printed smaller; R002: one too wide even at the smallest
        size overflows (listed, printed to the limit or blank as the job says)."""
        if not line.label or not line.value:
            return line
        register_fonts()
        room = _RIGHT - _VALUE_X
        width = pdfmetrics.stringWidth(line.value, FONT_NAME, _FONT_SIZE)
        if width <= room:
            return line
        if "form_overflow_cut" in self.defects:
            # A defect: the value is cut at its column at the normal size, with no word of it anywhere.
            return _Line(line.label, _prefix(line.value, room, _FONT_SIZE), line.title)
        size = _FONT_SIZE * room / width
        if size >= _MIN_FONT_SIZE:
            return _Line(line.label, line.value, line.title, round(size, 2))
        overflows.append({"項目": line.label, "内容": line.value})
        shown = "" if job.overflow == OVERFLOW_BLANK else _prefix(line.value, room, _MIN_FONT_SIZE)
        return _Line(line.label, shown, line.title, _MIN_FONT_SIZE)

    def _print_entry(self, form: Form, people: list[Row], pages: list[list[_Line]],
                     numbers: list[str], job: PrintJob) -> dict[str, Any]:
        """10.2 R014 (印刷ログ): what this form printed: its title, pages, whether a 公印 and a 個人番号 are on
        it, the 発行番号 (5.5, without the page part) of a certificate; the PDF is the output (ファイル出力)."""
        lines = [line for page in pages for line in page]
        number = numbers[0].rsplit(" ", 1)[0] if numbers else ""
        pages_count = len(pages) + (1 if "printlog_pages_wrong" in self.defects else 0)
        return {"対象ファイル名": f"{form.form_id}-{number.rsplit(' ', 1)[-1] or 'list'}.pdf", "タイトル": form.name,
                "印刷プリンタ": job.printer, **({"トレー": job.tray} if job.tray else {}), "枚数": pages_count,
                "公印出力の有無": any("（電子公印" in line.value for line in lines),
                "個人番号の出力の有無": any(line.label == "個人番号" for line in lines), "出力形式": job.output,
                "発行番号": number, "対象": sorted(str(row.get("宛名番号", "")) for row in people),
                # For the 交付履歴 (1.3.8: reference/issuance.py), not the 印刷ログ: the items printed, the true pages.
                "記載事項": list(dict.fromkeys(line.label for line in lines if line.label and not line.title)),
                "交付枚数": len(pages)}

    def _people(self, form: Form, body: Mapping[str, Any]) -> list[Row] | FormAnswer:
        if form.scope == "town":
            town = str(body.get("町字", ""))
            if not town:
                return _error(400, "INVALID_REQUEST", "町字 is required for this form")
            leak = "form_etsuran_dv_leak" in self.defects
            listed = [row for row in self.store.all_latest() if row.get("住民状態") == "1"
                      and row.get("住所_町字") == town and (leak or row.get("支援措置対象フラグ") != "1")]
            # 9.5 R002: the defect form_etsuran_list_capped cuts the 全件リスト after its first 30 persons
            return listed[:30] if "form_etsuran_list_capped" in self.defects else listed
        atena, setai = str(body.get("宛名番号", "")), str(body.get("世帯番号", ""))
        if form.scope == "household" and setai:
            members = self.store.household(setai)
        else:
            person = self.store.latest(atena)
            if person is None:
                return _error(404, "NOT_FOUND", "no resident with this 宛名番号")
            if form.scope != "household":
                current = person.get("住民状態") == "1"
                if current == form.removed:
                    what = "a 除票" if form.removed else "a current record"
                    return _error(404, "NOT_FOUND", f"this form needs {what}; the person has none")
                if "form_first_row" in self.defects:  # the record as first entered: no 異動 since on it
                    return [{**self.store.history(atena)[0], "住民状態": person.get("住民状態", "")}]
                return [person]
            members = self.store.household(person.get("世帯番号", ""))
        if "form_removed_in_household" not in self.defects:
            members = [row for row in members if row.get("住民状態") == "1"]
        if not members:
            return _error(404, "NOT_FOUND", "no household with current members")
        if "form_member_order_by_age" in self.defects:  # the 世帯主, then everyone by age, oldest first
            return sorted(members, key=lambda row: (row.get("続柄") != "世帯主", row.get("生年月日") or "9999"))
        if "form_member_order_in_law_last" in self.defects:  # the 世帯主's blood first: 子の子 before 子の妻
            return sorted(members, key=_in_law_last)
        if "form_member_order_siblings_by_atena" in self.defects:  # 3-2 by registration, not 生年月日
            return sorted(members, key=_siblings_by_atena)
        if "form_member_tie_by_furigana" in self.defects:  # twins by their reading, not 宛名番号
            return sorted(members, key=_tie_by_furigana)
        for defect, (relations, group) in _REGROUPED.items():
            if defect in self.defects:
                return sorted(members, key=partial(_regrouped, relations, group))
        return sorted(members, key=member_order)

    def _refused(self, form: Form, body: Mapping[str, Any], people: list[Row]) -> bool:
        """3.4 R001, R009: no form showing a protected person, whoever asks (moved-out persons too); a
        list (閲覧用) leaves them out instead (9.5 R001)."""
        if form.scope == "town":
            return False
        if form.removed:
            return (any(row.get("支援措置対象フラグ") == "1" for row in people)
                    and "form_joshuhyo_dv_leak" not in self.defects and "dv_ends_at_move_out" not in self.defects)
        if "dv_certificate_issued" in self.defects:
            return False
        if form.scope == "household" and "form_dv_household_leak" in self.defects:
            asked = str(body.get("宛名番号", ""))
            people = [row for row in people if row.get("宛名番号") == asked] or people[:1]
        return any(row.get("支援措置対象フラグ") == "1" for row in people)

    # -- content ----------------------------------------------------------------------------------

    def _value(self, item: FormItem, row: Row) -> str:
        if item.date is not None:
            return self._date(item, row)
        values = [row.get(name, "") for name in item.values]
        if "form_kubun_label_shifted" in self.defects and item.label == "第30条45規定区分" and values[0].isdigit():
            values = [str(int(values[0]) % 6 + 1)]  # written blind: the code table read one row down
        if "form_kubun_code_printed" in self.defects and item.label == "第30条45規定区分":
            return values[0]  # a template binding the field to the stored code, not the 区分's name
        if item.label == "在留期間等":
            years, months, days = values
            if "form_residence_period_no_years_blank" in self.defects and (not years.isdigit() or int(years) == 0):
                return ""  # A defect (blind round of issue 67, 03): the template's guard on the 年 prints nothing.
            if "form_residence_period_years_only" in self.defects:  # a template with the 年 field only
                months = days = ""
            if "form_residence_period_days_dropped" in self.defects:  # a template with 年 and 月 fields only
                days = ""
            return "".join(f"{v}{unit}" for v, unit in ((years, "年"), (months, "月"), (days, "日"))
                           if v and v != "0")
        shown = [self.label(name, value) if value else "" for name, value in zip(item.values, values, strict=True)]
        if item.label == "住所":
            address, katagaki = "".join(shown[:4]), shown[4]
            if "form_katagaki_dropped" in self.defects:
                katagaki = ""
            return f"{address}\u3000{katagaki}" if katagaki else address
        return "\u3000".join(value for value in shown if value)

    def _date(self, item: FormItem, row: Row) -> str:
        name = item.values[0]
        unknown = row.get("生年月日_不詳フラグ") == "1"
        if "form_foreign_unknown_birth_as_date" in self.defects and row.get("住民種別") == "2":
            unknown = False  # A defect: the 不詳 branch kept for 日本人 only; a 外国人住民's internal date is printed.
        if name == "生年月日" and unknown:
            recorded = row.get("生年月日_不詳表記", "")
            return "年月日不詳" if "form_unknown_date_fixed" in self.defects else recorded
        value = row.get(name, "")
        if item.date == "seireki_for_foreign" and row.get("住民種別") == "2":
            return seireki(value)
        eras = _WRONG_ERAS if "form_era_boundary" in self.defects else ERAS
        return wareki(value, eras=eras)

    def _furigana(self, item: FormItem, row: Row) -> str:
        if "form_furigana_first_row" in self.defects and row.get("宛名番号"):  # the reading as first entered
            row = {**row, **{key: value for key, value in self.store.history(str(row["宛名番号"]))[0].items()
                             if key.endswith("_フリガナ")}}
        kana = {"氏名": row.get("氏名_フリガナ", ""), "通称": row.get("通称_フリガナ", "")}.get(item.label, "")
        if item.label == "通称" and "form_tsusho_furigana_dropped" in self.defects:
            kana = ""  # issue 50, written blind: the reading printed after the 氏名 only
        if not kana:
            return ""
        if "form_furigana_hiragana" in self.defects:
            kana = _hiragana(kana)
        return f"\u3000（{kana}）"

    def _person_lines(self, form: Form, row: Row, omitted: frozenset[str], furigana: bool) -> list[_Line]:
        foreign = row.get("住民種別") == "2"
        lines: list[_Line] = []
        for item in form.items:
            if item.applies_to is AppliesTo.FOREIGN and not foreign:
                continue
            if item.applies_to is AppliesTo.JAPANESE and foreign:
                continue
            ignored = ("form_omission_ignored" in self.defects and item.omission == "kojin_bango") or (
                "joshuhyo_omission_ignored" in self.defects and form.removed) or (
                # issue 50 (written blind): the 世帯連記式 form's branch forgot the 住民票コード's switch
                "form_setai_code_omission_ignored" in self.defects and form.scope == "household"
                and item.omission == "juminhyo_code")
            if item.omission is not None and item.omission in omitted and not ignored:
                continue
            if item.label == "通称" and ("form_tsusho_dropped" in self.defects or (
                    "kisai_jiko_tsusho_dropped" in self.defects and form.id.endswith("kisai_jiko"))):
                continue  # kisai_jiko_tsusho_dropped (issue 50, written blind): the 記載事項証明書's item list lacks it
            value = self._value(item, row) if item.values else ""
            if "joshuhyo_foreign_birth_wareki" in self.defects and form.removed and foreign \
                    and list(item.values) == ["生年月日"] and row.get("生年月日_不詳フラグ") != "1" and value:
                value = wareki(row.get("生年月日", ""), eras=ERAS)  # the 除票's branch forgot 西暦 for a 外国人住民
            if "joshuhyo_unknown_birth_as_date" in self.defects and form.removed \
                    and list(item.values) == ["生年月日"] and row.get("生年月日"):
                # A defect (blind round of issue 67, 01): the 除票's template formats the 生年月日, no 不詳 branch.
                value = seireki(row["生年月日"]) if foreign else wareki(row["生年月日"], eras=ERAS)
            if "form_setai_expiry_wareki" in self.defects and form.scope == "household" and foreign \
                    and item.values == ("在留期間の満了の日",) and value:
                value = wareki(row.get("在留期間の満了の日", ""), eras=ERAS)  # written blind: the 世帯 branch's 和暦
            if not value:
                continue
            if furigana and item.furigana:
                value += self._furigana(item, row)
            lines.append(_Line(item.label, value))
        if "memo_on_certificate" in self.defects:  # 1.1.15 R004: a メモ is never printed
            lines += [_Line("メモ", memo) for memo in printed_memos(self.store, str(row.get("宛名番号", "")))]
        return lines

    def _sheet_lines(self, form: Form, people: list[Row], omitted: frozenset[str]) -> list[_Line]:
        """The 別紙: 通称 history (recorded when the person became a resident here: ours, the data
        keeps no history of 通称)."""
        if not form.tsusho_sheet or "tsusho_history" in omitted:
            return []
        if form.removed and "joshuhyo_tsusho_sheet_dropped" in self.defects:
            return []  # issue 50, written blind: the 除票's forms take no 別紙
        lines: list[_Line] = []
        for row in people:
            if row.get("住民種別") == "2" and row.get("通称"):
                name = "\u3000".join(v for v in (row.get("氏名_アルファベット", ""), row.get("氏名", "")) if v)
                lines += [_Line("氏名", name), _Line("通称", row.get("通称", "")),
                          _Line("通称の記載", f"{wareki(row.get('住民となった年月日', ''))}\u3000{PREFECTURE}{CITY}"),
                          _Line("", "")]
        return lines

    def _pages(self, form: Form, people: list[Row], omitted: frozenset[str], *, furigana: bool,
               official: bool, job: PrintJob | None = None) -> list[list[_Line]]:
        """Lines per page: person blocks, then the 別紙, then the 認証文 block (last page only)."""
        official = official and form.official_use and "form_official_use_ignored" not in self.defects \
            and not ("joshuhyo_official_use_ignored" in self.defects and form.removed) \
            and not ("form_setai_official_use_ignored" in self.defects and form.scope == "household")
        title = [_Line("", form.name + (f"\u3000{OFFICIAL_USE}" if official else ""), title=True),
                 _Line("", "")]
        pages: list[list[_Line]] = [list(title)]
        for row in people:
            block = [*self._person_lines(form, row, omitted, furigana), _Line("", "")]
            if "form_page_break_line_lost" in self.defects or "form_page_break_line_repeated" in self.defects:
                _continued(pages, block, title, repeated="form_page_break_line_repeated" in self.defects)
                continue
            # The defect form_page_break_ignored: every person on the first sheet, run past its bottom edge.
            if len(pages[-1]) + len(block) > _LINES_PER_PAGE and "form_page_break_ignored" not in self.defects:
                pages.append(list(title))
            pages[-1].extend(block)
        sheet = self._sheet_lines(form, people, omitted)
        certification = self._certification_lines(form, job or PrintJob(), people)
        sheet_first = "form_tsusho_sheet_after_certification" not in self.defects
        if sheet and sheet_first:
            pages.append([_Line("", SHEET_TITLE, title=True), _Line("", "")])
            for line in sheet:
                if len(pages[-1]) >= _LINES_PER_PAGE:
                    if "form_sheet_one_page" in self.defects:
                        break  # the defect: the 別紙 ends with its first page, the members after it left out
                    pages.append([_Line("", SHEET_TITLE, title=True), _Line("", "")])
                pages[-1].append(line)
        if certification:
            if len(pages[-1]) + len(certification) > _LINES_PER_PAGE:
                pages.append(list(title))
            if "form_certification_every_page" in self.defects:
                for page in pages[:-1]:
                    page.extend(certification)
            pages[-1].extend(certification)
        if sheet and not sheet_first:
            pages.append([_Line("", SHEET_TITLE, title=True), _Line("", ""), *sheet])
        return pages

    def _certification_lines(self, form: Form, job: PrintJob, people: Sequence[Row] = ()) -> list[_Line]:
        if form.certification != "last_page" or "form_certification_missing" in self.defects:
            return []
        day = clock.today()
        if "form_certification_date_utc" in self.defects:  # the defect: the UTC date (a day early before 09:00 JST)
            day = dt.datetime.now(dt.UTC).date()
        if "form_certification_date_host_local" in self.defects:  # the defect: the server's own zone's date
            day = dt.date.today()
        if "form_certification_date_record_day" in self.defects and people:
            # A defect: the day under the 認証文 is the day the record was last changed (its latest 処理日), taken
            # from the data instead of the day of issue.
            changed = max((row.get("処理日") or "" for row in people), default="")
            day = dt.date.fromisoformat(changed) if changed else day
        if job.title == "職務代理者":  # 5.6: the 職名 chosen at printing
            title = DEPUTY_TITLE
        else:  # 1.3.9: the 認証者 in effect on the issue date (the 職務代理者 within his period)
            official, name = certifier_in_effect(self.store, day, self.defects)
            title = f"{official}\u3000{name}"
        seal = f"\u3000{SEALS.get(job.seal_kind, SEAL)}" if job.seal else ""
        notice = [_Line("", job.notice)] if job.notice else []
        certified = wareki(day.isoformat())
        if "form_certification_date_seireki" in self.defects:  # the 証明 day from the server's date, as it is kept
            certified = f"{day.year}年{day.month}月{day.day}日"
        return [_Line("", CERTIFICATION), _Line("", certified), _Line("", title + seal), *notice,
                _Line("", "")]

    def _issue_numbers(self, form: Form, count: int, printer: str = PRINTER) -> list[str]:
        if form.issue_number != "every_page":
            return []
        with self._lock:
            if "form_issue_number_repeated" not in self.defects:
                self._serial += 1
            serial = max(self._serial, 1)
        day = clock.today().strftime("%Y%m%d")
        if "form_issue_number_day_host_local" in self.defects:  # the defect: the server's own zone's date
            day = dt.date.today().strftime("%Y%m%d")
        if "form_issue_number_format" in self.defects:
            return [f"{day}-{serial:03d}" for _ in range(count)]
        return [f"{day} {CITY} {TERMINAL} {printer} {serial:03d} {page}/{count}" for page in range(1, count + 1)]

    # -- output -----------------------------------------------------------------------------------

    def _data(self, form: Form, pages: list[list[_Line]], numbers: list[str]) -> dict[str, Any]:
        if "form_data_stale" in self.defects:
            pages = [*pages, []]  # the data counts a page the PDF does not have
        return {
            "帳票": form.id, "名称": form.name, "ページ数": len(pages),
            "ページ": [{"ページ": index + 1, "発行番号": numbers[index] if index < len(numbers) else None,
                        "行": [{"項目": line.label, "値": line.value} for line in page if line.label or line.value]}
                       for index, page in enumerate(pages)],
        }

    def _pdf(self, form: Form, pages: list[list[_Line]], numbers: list[str]) -> bytes:
        register_fonts()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
        canvas.setTitle(form.name)
        for index, page in enumerate(pages):
            y = _TOP
            for line in page:
                canvas.setFont(FONT_NAME, 12 if line.title else 10)
                if line.label:
                    canvas.drawString(_LABEL_X, y, line.label)
                    canvas.setFont(FONT_NAME, line.size)
                    canvas.drawString(_VALUE_X, y, line.value)
                elif line.value:
                    canvas.drawString(_LABEL_X, y, line.value)
                y -= _LINE
            if numbers:
                canvas.setFont(FONT_NAME, 8)
                canvas.drawString(_LABEL_X, 40, f"{ISSUE_LABEL}\u3000{numbers[index]}")
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def _continued(pages: list[list[_Line]], block: list[_Line], title: list[_Line], *, repeated: bool = False) -> None:
    """The paginator of the defects ``form_page_break_line_lost`` and ``form_page_break_line_repeated``: a block
    fills the page and goes on on the next (what the register allows), but the line that met the full page is lost,
    not carried over (a loop that starts the new page and moves on to the next line); or, ``repeated``, the block's
    last line on the full page is printed again at the top of the next (a 継続 heading that repeats the line before
    the break)."""
    for index, line in enumerate(block):
        if len(pages[-1]) >= _LINES_PER_PAGE:
            pages.append(list(title))
            if not repeated:
                continue
            if index and block[index - 1].label:
                pages[-1].append(block[index - 1])
        pages[-1].append(line)


def _prefix(value: str, room: float, size: float) -> str:
    """The longest beginning of ``value`` that fits ``room`` points at ``size``."""
    for end in range(len(value), 0, -1):
        if pdfmetrics.stringWidth(value[:end], FONT_NAME, size) <= room:
            return value[:end]
    return ""


def _body_problem(body: Mapping[str, Any], form: Form) -> str:
    """Why a request body is refused, or ''."""
    unknown = sorted(set(body) - BODY_KEYS)
    if unknown:
        return f"unknown property {unknown[0][:40]!r}; known: {', '.join(sorted(BODY_KEYS))}"
    for key in ("宛名番号", "世帯番号", "請求者"):
        if key in body and not (isinstance(body[key], str) and _NUMBER.fullmatch(body[key])):
            return f"{key} must be 10 digits"
    if "町字" in body and not (isinstance(body["町字"], str) and 0 < len(body["町字"]) <= 100):
        return "町字 must be a text of 1-100 characters"
    switches = {omission.id for omission in form.omissions}
    omitted = body.get("省略", [])
    if not isinstance(omitted, list) or any(not isinstance(v, str) or v not in switches for v in omitted):
        return f"省略 must be a list of this form's switches: {', '.join(sorted(switches)) or 'none'}"
    for key in ("フリガナ", "公用"):
        if key in body and not isinstance(body[key], bool):
            return f"{key} must be true or false"
    if form.scope == "person" and "宛名番号" not in body:
        return "宛名番号 is required for this form"
    if form.scope == "household" and "宛名番号" not in body and "世帯番号" not in body:
        return "宛名番号 or 世帯番号 is required for this form"
    return ""
