"""The rules issue 15 added to file.layout: each with a conforming input and the defect, its exact
finding (code and location), through the row path, the masks, and the compiled screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from conformance.checks import files
from conformance.targets.base import ExportFile
from tests.checks.test_files import NAME, at, japanese, to_text
from tests.columnar.test_engine import SPEC


def scans(tmp_path: Path, rows: Sequence[Mapping[str, str]], monkeypatch: pytest.MonkeyPatch,
          encoding: str = "utf-8") -> list[files.ContentScan]:
    """The content scan of the file by the row path, the masks and the screen (all must agree)."""
    path = tmp_path / NAME
    path.write_bytes(to_text(rows).encode(encoding))
    export = ExportFile(path, "residents_csv", encoding)
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
    monkeypatch.setattr(files.limits, "SCREEN", False)
    masks = files.scan_content(export, encoding, SPEC)
    monkeypatch.setattr(files.limits, "SCREEN", True)
    screened = files.scan_content(export, encoding, SPEC)
    by_rows = files.scan_rows(export, encoding, SPEC)
    assert masks.engine == screened.engine == "columnar"
    for scan in (screened, by_rows):
        assert scan.issues == masks.issues and scan.counts == masks.counts
    return [masks, screened, by_rows]


def found(scan: files.ContentScan, family: str) -> list[tuple[str, str, str | None]]:
    return [(i.code, i.location, i.actual) for i in scan.issues[family]]


# ---------------------------------------------------------------------------------------------
# Exact lengths (the catalog's patterns): 郵便番号 7, 住民票コード 11, 個人番号 12 digits


def test_exact_lengths_conforming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for scan in scans(tmp_path, [japanese()], monkeypatch):
        assert found(scan, "patterns") == []


def test_exact_lengths_short_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [japanese(住所_郵便番号="100001"), japanese(住民票コード="1234567890"), japanese(個人番号="12345678901")]
    (scan, *_) = scans(tmp_path, rows, monkeypatch)
    assert found(scan, "patterns") == [
        ("file.pattern", at(2, "住所_郵便番号"), "100001"),
        ("file.pattern", at(3, "住民票コード"), "********90"),  # personal: masked
        ("file.pattern", at(4, "個人番号"), "*********01"),
    ]


# ---------------------------------------------------------------------------------------------
# Private use: GJ (行政事務標準文字, plane 16) allowed in text items; other PUA (vendor 外字) reported


def test_gj_characters_are_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [japanese(氏名="山\U00100000　太郎", 住所_町字="千代田\U0010FECB")]
    for scan in scans(tmp_path, rows, monkeypatch):
        assert found(scan, "char_classes") == []


def test_vendor_private_use_is_reported_with_its_code_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [japanese(氏名="山\uE001　太郎"), japanese(住所_町字="千代田\U0010FECC"), japanese(世帯主氏名="\U000F0001")]
    (scan, *_) = scans(tmp_path, rows, monkeypatch)
    assert found(scan, "char_classes") == [
        ("file.char_class", at(2, "氏名"), "U+E001"),
        ("file.char_class", at(3, "住所_町字"), "U+10FECC"),  # plane 16, not a GJ character
        ("file.char_class", at(4, "世帯主氏名"), "U+F0001"),
    ]
    assert "vendor 外字" in scan.issues["char_classes"][0].message


def test_vendor_gaiji_in_a_cp932_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CP932's user-defined area (0xF040...) decodes to U+E000...: a vendor 外字.
    rows = [japanese(), japanese(氏名="山\uE000　太郎")]
    (scan, *_) = scans(tmp_path, rows, monkeypatch, encoding="cp932")
    assert found(scan, "char_classes") == [("file.char_class", at(3, "氏名"), "U+E000")]
