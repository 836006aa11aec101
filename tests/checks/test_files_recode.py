"""A profile's code mappings read before the rules (``conformance validate --map-codes``, issue 69 item 6):
every pass of file.layout (content, invariants, references) on every engine (the csv module's rows, the
columnar masks, the compiled screen's sizes, the fixed-length chunks) judges the mapped values, and the
values as written without the mapping."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from conformance.checks import files
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance.targets.exports import ColumnMaps, DirectoryExportSource
from tests.checks import test_files_fixed as fixed
from tests.checks import test_files_references as refs
from tests.checks.test_files import NAME, ONE_FILE, at, atena_numbers, japanese, run, to_text

#: A legacy system's 続柄 codes, as a vendor's profile would map them (the codes are the test's own).
RELATION_CODES = {"02": "世帯主", "12": "妻", "20": "子"}
ENGINES = ("rows", "columnar", "screen")


def legacy_household() -> list[dict[str, str]]:
    """A 世帯主, a 妻 and a 子 whose 続柄 the file writes as the legacy codes."""
    rows = [japanese(続柄=code) for code in ("02", "12", "20")]
    for row, number in zip(rows, atena_numbers(len(rows)), strict=True):
        row["宛名番号"] = number
    return rows


def engine(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``name`` the engine of every pass (the screen's sizes: every file)."""
    monkeypatch.setattr(files.limits, "SCREEN_MIN_BYTES", 0 if name == "screen" else 1 << 40)
    if name == "rows":
        monkeypatch.setattr(files.content, "columnar_covers", lambda source: False)
        monkeypatch.setattr(files.references, "columnar_covers", lambda source: False)
        monkeypatch.setattr(files.invariants, "csv_frame", lambda source, columns: None)


def residents_target(tmp_path: Path, rows: Sequence[Mapping[str, str]],
                     codes: Mapping[str, Mapping[str, str]] | None) -> Target:
    (tmp_path / NAME).write_text(to_text(rows), encoding="utf-8")
    maps = ColumnMaps(codes={"residents_csv": codes} if codes is not None else None)
    return Target(catalog=fixed.EDITION, exports=DirectoryExportSource(tmp_path, {"residents_csv": NAME},
                                                                       {"residents_csv": "utf-8"}, maps))


def located(findings: Sequence[Finding]) -> list[tuple[str, str]]:
    return sorted((f.code, f.where) for f in findings)


@pytest.mark.parametrize("name", ENGINES)
def test_mapped_codes_give_no_content_or_invariant_finding(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine(name, monkeypatch)
    target = residents_target(tmp_path, legacy_household(), {"続柄": RELATION_CODES})
    assert run(target, ONE_FILE) == []
    content = target.cache["file.layout:residents_csv:content"]
    assert content.engine == ("rows" if name == "rows" else "columnar")
    assert content.digested is None  # the screen's digest judges the bytes as written: it steps aside


@pytest.mark.parametrize("name", ENGINES)
def test_without_the_mapping_the_codes_are_findings(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine(name, monkeypatch)
    target = residents_target(tmp_path, legacy_household(), None)
    assert located(run(target, ONE_FILE)) == sorted([
        ("file.householder", at(2, "続柄")),
        *(("file.prohibited_value", at(line, "続柄")) for line in (2, 3, 4)),
    ])


@pytest.mark.parametrize("name", ENGINES)
def test_a_value_the_mapping_does_not_name_is_judged_as_written(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine(name, monkeypatch)
    rows = legacy_household()
    rows[2]["続柄"] = "99"  # no code of the mapping: stays 99, which no 続柄 is (its value is masked: personal)
    target = residents_target(tmp_path, rows, {"続柄": RELATION_CODES})
    (finding,) = run(target, ONE_FILE)
    assert (finding.code, finding.location) == ("file.prohibited_value", at(4, "続柄"))


@pytest.mark.parametrize("name", ENGINES)
def test_a_mapped_value_is_judged_as_its_code(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mapping to a value no rule accepts: the finding is the mapped value's (the mapping is applied, not
    a pass of its own)."""
    engine(name, monkeypatch)
    target = residents_target(tmp_path, [japanese()], {"性別": {"1": "9"}})
    (finding,) = run(target, ONE_FILE)
    assert (finding.code, finding.location, finding.actual) == ("file.code", at(2, "性別"), "9")


def test_the_fixed_length_engine_maps_the_codes(tmp_path: Path) -> None:
    data = fixed.record(japanese(性別="M")) + fixed.record(japanese(宛名番号=atena_numbers(1)[0], 続柄="子", 性別="F"))
    (tmp_path / "plain").mkdir()
    assert sorted(c for c, _ in fixed.found(tmp_path / "plain", data)) == ["file.code", "file.code"]
    (tmp_path / fixed.NAME).write_bytes(data)
    maps = ColumnMaps(codes={fixed.LAYOUT.id: {"性別": {"M": "1", "F": "2"}}})
    source = DirectoryExportSource(tmp_path, {fixed.LAYOUT.id: fixed.NAME}, {fixed.LAYOUT.id: "cp932"}, maps)
    target = Target(catalog=fixed.EDITION, exports=source)
    assert fixed.run(target, rules=None) == []
    assert target.cache[f"file.layout:{fixed.LAYOUT.id}:content"].engine == "fixed"


@pytest.mark.parametrize("name", ["rows", "columnar"])
def test_references_read_the_mapped_values(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A legacy 世帯番号 the profile maps to the households file's key is no broken reference."""
    engine(name, monkeypatch)
    residents = refs.to_text(refs.RESIDENTS, [refs.resident("H-1")])
    households = refs.to_text(refs.HOUSEHOLDS, [refs.household(refs.A)])
    (tmp_path / "plain").mkdir()
    plain = refs.run(refs.target_for(tmp_path / "plain", residents, households))
    assert [(f.code, f.location) for f in plain] == [("file.reference_missing", f"residents.csv:2:{refs.SETAI_COLUMN} "
                                                                              "(世帯番号)")]
    target = refs.target_for(tmp_path, residents, households)
    assert isinstance(target.exports, DirectoryExportSource)
    target.exports._take(ColumnMaps(codes={"residents_csv": {"世帯番号": {"H-1": refs.A}}}))
    assert refs.run(target) == []
