"""The rules issue 15 added to file.layout: each with a conforming input and the defect, its exact
finding (code and location), through the row path, the masks, and the compiled screen."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from conformance.checks import files
from conformance.oracles.identifiers import lg_code_check_digit
from conformance.targets.base import ExportFile
from conformance.targets.exports import ColumnMaps, FileExportSource
from tests.checks.test_files import NAME, at, atena_numbers, conforming_rows, japanese, m11, run, target_for, to_text
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
        ("file.pattern", at(2, "住所_郵便番号"), "100001"),  # not personal: shown as written (issue 48 item 6)
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


# ---------------------------------------------------------------------------------------------
# Domain invariants (keys, dates, values): polars where the grammar covers the file (every line, or
# the lines the compiled digest keeps), else the csv module; the same findings


def invariants(tmp_path: Path, rows: Sequence[Mapping[str, str]], family: str,
               monkeypatch: pytest.MonkeyPatch, extracted: dt.date | None = None) -> list[tuple[str, str, str | None]]:
    results = []
    tmp_path.mkdir(exist_ok=True)
    for engine in ("screen", "digest", "columnar", "rows"):
        # screen: the content pass's screen digests the file for the invariants (the family judged
        # with a content family); digest: the compiled digest's own pass picks the lines each part
        # reads (files of any size here)
        monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0 if engine in ("screen", "digest") else 1 << 40)
        if engine == "rows":
            monkeypatch.setattr(files.invariants, "csv_frame", lambda source, columns: None)
        (tmp_path / engine).mkdir()
        target = target_for(tmp_path / engine, to_text(rows).encode("utf-8"))
        if extracted is not None:
            target.cache[files.invariants.EXTRACTED] = extracted
        if engine == "screen":
            run(target, [family, "required"])
            assert target.cache["file.layout:residents_csv:content"].digested is not None
            judged = target.cache["file.layout:residents_csv:invariants"].issues[family]
            results.append([(i.code, i.location, i.actual) for i in judged])
        else:
            results.append([(f.code, f.location, f.actual) for f in run(target, [family])])
    assert results[0] == results[1] == results[2] == results[3]
    return results[0]


def household(*members: Mapping[str, str]) -> list[dict[str, str]]:
    rows = [japanese(**m) for m in members]
    for row, number in zip(rows, atena_numbers(len(rows)), strict=True):
        row.setdefault("宛名番号", number)
        row["宛名番号"] = number
    return rows


def test_keys_conforming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert invariants(tmp_path, conforming_rows(), "keys", monkeypatch) == []


def test_a_repeated_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = conforming_rows()
    rows.append(dict(rows[1]))
    assert invariants(tmp_path, rows, "keys", monkeypatch) == [
        ("file.duplicate_key", at(len(rows) + 1, "宛名番号"), f"{rows[1]['宛名番号']}/1")]


def test_one_householder_per_household(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two = household({}, {"続柄": "世帯主"}, {"続柄": "子"})
    none = [dict(row, 世帯番号=m11("000000005"), 続柄="子") for row in household({}, {})]
    for row, number in zip(none, atena_numbers(2, start=500), strict=True):
        row["宛名番号"] = number
    moved_out = [dict(none[0], 宛名番号=atena_numbers(1, start=900)[0], 続柄="世帯主", 住民状態="2")]
    assert invariants(tmp_path, [*two, *none, *moved_out], "keys", monkeypatch) == [
        ("file.householder", at(3, "続柄"), "2"),  # the second 世帯主 of the household
        ("file.householder", at(5, "続柄"), "0"),  # no living 世帯主 (the one at line 7 moved out)
    ]


def test_dates_conforming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = household({"住民となった年月日": "2023-02-29"},  # a non-calendar date the spec allows: compared as written
                     {"生年月日": "1850-01-01", "生年月日_不詳フラグ": "1"},  # 不詳: not judged against 1868
                     {"生年月日": "1860-01-01", "住民状態": "3"},  # not a living resident
                     {"転出予定年月日": "2099-01-01"})  # a planned date may lie ahead
    assert invariants(tmp_path, rows, "dates", monkeypatch) == []


def test_dates_after_extraction_or_before_1868(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = household({"生年月日": "2024-03-01"}, {"届出年月日": "2024-02-02"}, {"生年月日": "1867-12-31"})
    assert invariants(tmp_path, rows, "dates", monkeypatch, extracted=dt.date(2024, 2, 1)) == [
        ("file.date_range", at(2, "生年月日"), "＊" * 10),  # personal: masked
        ("file.date_range", at(3, "届出年月日"), "2024-02-02"),
        ("file.date_range", at(4, "生年月日"), "＊" * 10),
    ]


def test_values_conforming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = household({}, {"続柄": "子の子の子の子"}, {"続柄": "妻（未届）"}, {"住所_市区町村コード": "131016"})
    assert invariants(tmp_path / "values", rows, "values", monkeypatch) == []
    assert invariants(tmp_path / "municipalities", rows, "municipalities", monkeypatch) == []


def test_prohibited_relations_and_unknown_municipalities(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nowhere = "99999" + str(lg_code_check_digit("99999"))
    rows = household({}, {"続柄": "祖父"}, {"続柄": "子の子の子の子の子"},
                     {"住所_市区町村コード": nowhere}, {"住所_市区町村コード": "131017"})  # a wrong check digit
    assert invariants(tmp_path / "values", rows, "values", monkeypatch) == [
        # 続柄 is free text to the harness: a value that breaks its rule is masked
        ("file.prohibited_value", at(3, "続柄"), "＊＊"),
        ("file.prohibited_value", at(4, "続柄"), "＊" * 9),
    ]
    assert invariants(tmp_path / "municipalities", rows, "municipalities", monkeypatch) == [
        ("file.unknown_municipality", at(5, "住所_市区町村コード"), nowhere),
    ]


def test_the_relation_pattern_is_jumins_rule() -> None:
    from conformance.domains.jumin.checks import _ATOMS, relationship_allowed

    for value in ["世帯主", "縁故者", "同居人", "子", "子の妻", "夫（未届）の子", "子の子の子の子",
                  "子の子の子の子の子", "祖父", "孫", "妻の", "", "の子", "子の子の子の子の夫（未届）"]:
        expected = relationship_allowed(value, fixed=("世帯主", "縁故者", "同居人"), atoms=_ATOMS, generations=4)
        assert (re.fullmatch(files.invariants.RELATION_PATTERN, value) is not None) == expected, value


# ---------------------------------------------------------------------------------------------
# Interpretations: a cp932 file's 0x8160 (～ in CP932, 〜 in Shift_JIS)


def test_cp932_ambiguous_bytes_are_findings_that_name_the_interpretation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = to_text([japanese(), japanese(住所_方書="1～2号室")])
    column = text.splitlines()[2].index("～") + 1
    for screen in (False, True):  # the screen's native CP932 pass, and the transcoding one
        monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
        monkeypatch.setattr(files.limits, "SCREEN", screen)
        (tmp_path / str(screen)).mkdir()
        target = target_for(tmp_path / str(screen), text.encode("cp932"), "cp932", layout="residents_csv_cp932")
        (finding,) = run(target, ["encoding"], layout="residents_csv_cp932")
        assert (finding.code, finding.location) == ("file.encoding_ambiguous_character",
                                                    f"{NAME}:3:{column} (住所_方書)")
        assert (finding.expected, finding.actual) == ("U+FF5E", "U+301C in shift_jis")
        assert "interpretation cp932_ambiguous_characters: report (the catalog's" in finding.message


def test_cp932_without_those_bytes_or_read_as_the_codec(tmp_path: Path) -> None:
    clean = target_for(tmp_path, to_text([japanese()]).encode("cp932"), "cp932", layout="residents_csv_cp932")
    assert run(clean, ["encoding"], layout="residents_csv_cp932") == []
    (tmp_path / "codec").mkdir()
    text = to_text([japanese(住所_方書="1～2号室")])
    codec = target_for(tmp_path / "codec", text.encode("cp932"), "cp932", layout="residents_csv_cp932")
    layout = "residents_csv_cp932"
    codec.exports = FileExportSource({layout: tmp_path / "codec" / NAME}, {layout: "cp932"},
                                     ColumnMaps(interpretations={"cp932_ambiguous_characters": "cp932"}))
    assert run(codec, ["encoding"], layout="residents_csv_cp932") == []


def test_an_unknown_interpretation_is_a_profile_error() -> None:
    from conformance.checks.files.interpretations import resolve
    from conformance.errors import ProfileError

    with pytest.raises(ProfileError, match="did you mean 'cp932_ambiguous_characters'"):
        resolve({"cp932_ambiguous_character": "cp932"})
    with pytest.raises(ProfileError, match="expected one of: report, cp932"):
        resolve({"cp932_ambiguous_characters": "wave_dash"})


def test_invariant_findings_are_capped_per_column_with_exact_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cap = files.limits.COLUMN_CAP
    rows = [japanese(続柄="祖父" if k else "世帯主", 宛名番号=m11("000000001"), 届出年月日="2099-01-01")
            for k in range(cap + 7)]
    for family, header in (("keys", "宛名番号"), ("values", "続柄"), ("dates", "届出年月日")):
        found_here = [f for f in invariants(tmp_path / family, rows, family, monkeypatch)
                      if f[1].endswith(f"({header})")]
        total = cap + 6 if family != "dates" else cap + 7
        assert len(found_here) == cap + 1, family
        assert found_here[-1] == ("file.too_many_findings", f"{NAME} ({header})", str(total))


def test_invariants_of_a_fixed_length_file(tmp_path: Path) -> None:
    from tests.checks import test_files_fixed as fixed

    rows = household({}, {"続柄": "祖父"})
    data = fixed.record(rows[0]) + fixed.record(rows[1]) + fixed.record(rows[1])
    target = fixed.target_for(tmp_path, data)
    assert [(f.code, f.location) for f in fixed.run(target, ["keys", "values"])] == [
        ("file.duplicate_key", "residents.dat:3:1 (宛名番号)"),
        ("file.prohibited_value", "residents.dat:2:17 (続柄)"),
        ("file.prohibited_value", "residents.dat:3:17 (続柄)"),
    ]


# ---------------------------------------------------------------------------------------------
# Interpretation m11w2_7_remainder_one: a serial whose M11W2-7 remainder is 1 (000000006)

REMAINDER_ONE = "000000006"


def remainder_one_findings(tmp_path: Path, atena: str, choice: str | None) -> list[tuple[str, str, str]]:
    """(code, location, message) of the check_digits family on a file whose 宛名番号 is ``atena``,
    with the profile's choice (None: the catalog's); the masks, the screen and the row path agree."""
    from conformance.checks.files.interpretations import M11W2_7_REMAINDER_ONE, resolve, with_interpretations

    rows = [japanese(宛名番号=atena)]
    settings = {M11W2_7_REMAINDER_ONE: choice} if choice is not None else {}
    spec = with_interpretations(SPEC, resolve(settings))
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / NAME
    path.write_bytes(to_text(rows).encode("utf-8"))
    export = ExportFile(path, "residents_csv", "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
        patch.setattr(files.limits, "SCREEN", False)
        masks = files.scan_content(export, "utf-8", spec)
        patch.setattr(files.limits, "SCREEN", True)
        screened = files.scan_content(export, "utf-8", spec)
    by_rows = files.scan_rows(export, "utf-8", spec)
    for scan in (screened, by_rows):
        assert scan.issues["check_digits"] == masks.issues["check_digits"]
    (tmp_path / "run").mkdir()
    target = target_for(tmp_path / "run", to_text(rows).encode("utf-8"))
    target.exports = FileExportSource({"residents_csv": tmp_path / "run" / NAME}, {"residents_csv": "utf-8"},
                                      ColumnMaps(interpretations=settings))
    found_by_run = [(f.code, f.location, f.message) for f in run(target, ["check_digits"])]
    assert [(c, loc) for c, loc, _ in found_by_run] == [(i.code, i.location) for i in masks.issues["check_digits"]]
    return found_by_run


def test_remainder_one_has_no_valid_number_by_the_catalogs_interpretation(tmp_path: Path) -> None:
    (finding,) = remainder_one_findings(tmp_path, REMAINDER_ONE + "0", None)
    assert finding[:2] == ("file.check_digit", at(2, "宛名番号"))
    assert "remainder 1; interpretation m11w2_7_remainder_one: no_number (the catalog's; a profile may " \
           "choose zero)" in finding[2]


def test_remainder_one_reads_as_zero_when_the_profile_chooses_it(tmp_path: Path) -> None:
    assert remainder_one_findings(tmp_path / "zero", REMAINDER_ONE + "0", "zero") == []  # conforming
    (finding,) = remainder_one_findings(tmp_path / "five", REMAINDER_ONE + "5", "zero")
    assert finding[:2] == ("file.check_digit", at(2, "宛名番号"))
    assert "interpretation m11w2_7_remainder_one: zero (the profile's; a profile may choose no_number)" in finding[2]


def test_other_numbers_do_not_name_the_interpretation(tmp_path: Path) -> None:
    wrong = m11("000000001")[:-1] + str((int(m11("000000001")[-1]) + 1) % 10)
    (finding,) = remainder_one_findings(tmp_path, wrong, "zero")
    assert finding[:2] == ("file.check_digit", at(2, "宛名番号"))
    assert "interpretation" not in finding[2]


def test_the_field_of_a_character_is_found_in_its_own_line(tmp_path: Path) -> None:
    from conformance.checks.files.encoding import headers_at

    text = '\ufeffa,b,c\r\n"x,1",～,z\r\n"multi\r\nline ～",q,r\r\n1,2,"3～"\r\n'
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode("utf-8"))
    lines = text.lstrip("\ufeff").split("\r\n")
    places = [(2, lines[1].index("～") + 1), (4, 3), (5, lines[4].index("～") + 1), (5, 99), (9, 1)]
    # Line 4 continues a quoted field of line 3: no header rather than a wrong one.
    assert headers_at(path, "utf-8", places) == {(2, places[0][1]): "b", (5, places[2][1]): "c"}
    path.write_bytes(text.lstrip("\ufeff").encode("cp932"))
    assert headers_at(path, "cp932", places[:1]) == {(2, places[0][1]): "b"}
