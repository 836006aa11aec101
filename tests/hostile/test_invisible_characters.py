"""Item 7 of the hostile-inputs issue: text classes reject bidi overrides and isolates, zero-width
characters and noncharacters (the row path, the polars masks and the compiled screen agree)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.test_files import at, japanese
from tests.checks.test_files_rules import found, scans


@pytest.mark.parametrize(("char", "shown"), [
    ("\u202e", "U+202E"), ("\u202a", "U+202A"), ("\u2066", "U+2066"), ("\u2069", "U+2069"),
    ("\u200b", "U+200B"), ("\u200d", "U+200D"), ("\u2060", "U+2060"), ("\ufeff", "U+FEFF"),
    ("\uffff", "U+FFFF"), ("\ufdd0", "U+FDD0"),
])
def test_invisible_and_noncharacters_in_text_are_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, char: str, shown: str,
) -> None:
    rows = [japanese(), japanese(氏名=f"山{char}　太郎")]
    for scan in scans(tmp_path, rows, monkeypatch):
        assert found(scan, "char_classes") == [("file.char_class", at(3, "氏名"), shown)]


def test_ordinary_text_still_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [japanese(氏名="山田　太郎", 住所_町字="千代田一丁目")]
    for scan in scans(tmp_path, rows, monkeypatch):
        assert found(scan, "char_classes") == []
