"""What the forms of the statute domains share (戸籍の附票の写し, 選挙人名簿抄本, 学齢簿, the 資格確認書): issuing a
form and reading it as printed, and reading values from the print as content, not layout (docs/forms.md, "Forms
of the statute domains").

A form is issued through the form interface (``POST /forms/{form_id}``) and its PDF read with the same
untrusted-PDF reading as the 住民記録 forms (:func:`conformance.targets.forms.read_pdf`); a form that cannot
be read is its problem (``{"問題": ...}``), compared like any other answer. Values count in any printed form: a
date in 和暦 or 西暦, full-width or half-width digits, spaces anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from conformance.targets.base import HttpClient
from conformance.targets.forms import PdfProblem, read_pdf

_ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_WAREKI = re.compile(r"(明治|大正|昭和|平成|令和)\s*(元|[0-9]{1,2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_SEIREKI = re.compile(r"(?<![0-9])([0-9]{4})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
                      r"|[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9]))")
_SPACES = re.compile(r"\s+")


def normal(text: str) -> str:
    """``text`` in NFKC (full-width digits and U+3000 as ASCII), without any space."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def dates_in(text: str) -> list[str]:
    """The dates printed in ``text`` (和暦 or 西暦), as ``YYYY-MM-DD``, in printed order."""
    text = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, str]] = []
    for match in _WAREKI.finditer(text):
        year = _ERAS[match[1]] + (1 if match[2] == "元" else int(match[2])) - 1
        found.append((match.start(), f"{year:04d}-{int(match[3]):02d}-{int(match[4]):02d}"))
    for match in _SEIREKI.finditer(text):
        month, day = (match[2], match[3]) if match[2] else (match[4], match[5])
        found.append((match.start(), f"{int(match[1]):04d}-{int(month):02d}-{int(day):02d}"))
    return [iso for _, iso in sorted(found)]


_KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_NUMBER = "[一二三四五六七八九十]+"
_WARI = re.compile(rf"(?<![0-9])([0-9]{{1,2}}|{_KANJI_NUMBER})割(?!合)")
_PERCENT = re.compile(r"(?<![0-9.])([0-9]{1,3})%")
_FRACTION = re.compile(rf"([0-9]+|{_KANJI_NUMBER})分の([0-9]+|{_KANJI_NUMBER})")


def _number(text: str) -> int:
    """``12``, ``十二``, ``二十``, ``百`` as a number (the kanji numbers a ratio is written with, up to 百)."""
    if text.isdigit():
        return int(text)
    if text == "百":
        return 100
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return _KANJI.get(text, 0)
    return (_KANJI.get(tens, 0) if tens else 1) * 10 + _KANJI.get(ones, 0)


def ratios_in(text: str) -> list[int]:
    """The ratios printed in ``text``, in percent, each once, in order: 「2割」「二割」「20%」「十分の二」「百分の二十」
    「10分の2」 are all 20 (the words of a label, 「割合」, are not a ratio)."""
    text = normal(text)
    found = [_number(match[1]) * 10 for match in _WARI.finditer(text)]
    found += [int(match[1]) for match in _PERCENT.finditer(text)]
    for match in _FRACTION.finditer(text.replace("百分", "100分")):
        whole, part = (100 if match[1] == "100" else _number(match[1])), _number(match[2])
        if whole in (10, 100) and part:
            found.append(part * 100 // whole)
    return sorted(set(found))


def sex_in(text: str) -> str | list[str] | None:
    """The 男女の別 printed in ``text`` (男 or 女; the words of a label naming both, 「男女の別」, are no value):
    the one found, every one found when both are, None when neither is."""
    found = [sex for sex in ("男", "女") if sex in normal(text).replace("男女の別", "").replace("男女", "")]
    return found[0] if len(found) == 1 else found or None


def issue_printed(client: HttpClient, form_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """The form ``form_id`` issued for ``body`` and read as printed: ``{"行": [lines]}``, or ``{"問題": why it
    was not issued or cannot be read}``."""
    response = client.request("post", f"/forms/{form_id}", json=dict(body))
    if response.status != 200:
        return {"問題": f"HTTP {response.status}"}
    if "pdf" not in response.content_type:
        return {"問題": "form.not_pdf"}
    try:
        printed = read_pdf(response.body)
    except PdfProblem as problem:
        return {"問題": problem.code}
    return {"行": [line.text for line in printed.lines]}
