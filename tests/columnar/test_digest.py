"""The invariants' digest (conformance.columnar.digest): the lines each part of the invariants must
read, exactly, on small files with each kind of defect and on generated rows; the findings with and
without it are compared in tests/checks/test_files_rules.py (``invariants``)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from conformance.checks import files
from conformance.columnar import chunking, digest, kernel
from conformance.testdata.town import generate_town, town_headers
from tests.checks.test_files import (
    HEADERS,
    NAME,
    atena_numbers,
    conforming_rows,
    japanese,
    m11,
    run,
    target_for,
    to_text,
)

pytestmark = pytest.mark.skipif(not kernel.available(), reason="numba is not installed")

EXTRACTED = dt.date(2024, 4, 1)


def plan() -> digest.Plan:
    """The plan invariants.digest_frame makes for the residents layout (living: 住民状態 1)."""
    index = {h: HEADERS.index(h) for h in (
        "宛名番号", "履歴番号", "世帯番号", "続柄", "住民状態", "生年月日", "届出年月日", "住所_市区町村コード")}
    return digest.Plan(
        indexes=index, key=("宛名番号", "履歴番号"), household="世帯番号", relation="続柄", status="住民状態",
        living=b"1", greater=[("届出年月日", b"2024-04-01")], before=[("生年月日", b"1868-01-01")],
        outside=[("続柄", frozenset(files.invariants._COMMON_RELATIONS)),
                 ("住所_市区町村コード", files.invariants.municipality_codes())],
    )


def lines_of(tmp_path: Path, rows: list[dict[str, str]]) -> digest.Candidates:
    path = tmp_path / "residents.csv"
    path.write_text(to_text(rows), encoding="utf-8")
    return digest.candidates([path], plan())


def fused(tmp_path: Path, rows: list[dict[str, str]], line_break: str = "\n") -> digest.Candidates:
    """The candidates the content pass's screen digested (every family of the file judged; the
    screen on files of any size), checked against the digest's own pass on the same file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
        tmp_path.mkdir(exist_ok=True)
        target = target_for(tmp_path, to_text(rows).replace("\n", line_break).encode())
        target.cache[files.invariants.EXTRACTED] = EXTRACTED
        run(target, [family for family in files.FAMILIES if family != "references"])
    found = target.cache["file.layout:residents_csv:content"].digested
    assert isinstance(found, digest.Candidates)
    alone = digest.candidates([tmp_path / NAME], plan())
    assert (listed(found.keys), listed(found.households), listed(found.cells), found.lines) == (
        listed(alone.keys), listed(alone.households), listed(alone.cells), alone.lines)
    return found


def listed(found: np.ndarray | None) -> list[int]:
    assert found is not None
    return [int(line) for line in found]


def test_a_conforming_file_needs_no_line(tmp_path: Path) -> None:
    found = lines_of(tmp_path, conforming_rows())
    assert (listed(found.keys), listed(found.households), listed(found.cells)) == ([], [], [])
    assert found.lines == len(conforming_rows()) + 1


def test_each_defect_keeps_exactly_its_lines(tmp_path: Path) -> None:
    numbers = atena_numbers(8)
    rows = [
        japanese(宛名番号=numbers[0]),                                   # line 2: the household's 世帯主
        japanese(宛名番号=numbers[1], 続柄="子"),                        # 3: key repeated at line 4
        japanese(宛名番号=numbers[1], 続柄="子"),                        # 4
        japanese(宛名番号=numbers[2], 続柄="祖父"),                      # 5: a 続柄 outside the common forms
        japanese(宛名番号=numbers[3], 続柄="子", 届出年月日="2024-04-02"),  # 6: after the extraction date
        japanese(宛名番号=numbers[4], 続柄="子", 生年月日="1867-12-31"),   # 7: before 1868
        japanese(宛名番号=numbers[5], 続柄="子", 住所_市区町村コード="229997"),  # 8: no municipality
        japanese(宛名番号=numbers[6], 世帯番号=m11("000000003"), 続柄="子"),  # 9: a household without 世帯主
        japanese(宛名番号=numbers[7], 世帯番号=m11("000000003"), 続柄="世帯主", 住民状態="2"),  # 10: moved out
    ]
    for found in (lines_of(tmp_path, rows), fused(tmp_path / "fused", rows)):
        assert listed(found.keys) == [3, 4]
        # the household's first living member (the group-by needs no other line of a household
        # without 世帯主: a member who moved out is no member of it)
        assert listed(found.households) == [9]
        assert listed(found.cells) == [5, 6, 7, 8]


def test_a_household_with_two_householders_keeps_its_first_member_and_every_householder(tmp_path: Path) -> None:
    numbers = atena_numbers(6)
    two = m11("000000004")
    rows = [
        japanese(宛名番号=numbers[0]),                                      # line 2: its own household
        japanese(宛名番号=numbers[1], 世帯番号=two, 続柄="子"),              # 3: the first living member
        japanese(宛名番号=numbers[2], 世帯番号=two, 続柄="世帯主"),          # 4
        japanese(宛名番号=numbers[3], 世帯番号=two, 続柄="妻"),              # 5: read by no part
        japanese(宛名番号=numbers[4], 世帯番号=two, 続柄="世帯主", 住民状態="2"),  # 6: moved out: no member
        japanese(宛名番号=numbers[5], 世帯番号=two, 続柄="世帯主"),          # 7
    ]
    for found in (lines_of(tmp_path, rows), fused(tmp_path / "fused", rows)):
        assert (listed(found.keys), listed(found.households), listed(found.cells)) == ([], [3, 4, 7], [])


@pytest.mark.parametrize("line_break", ["\n", "\r\n"])
def test_chunk_edges_and_partitions(tmp_path: Path, line_break: str) -> None:
    """Chunks of a few lines (lines cross chunk edges) and partitions of a few records: the same
    lines as one chunk and one partition, and the lines read again (from the checkpoints) are the
    file's."""
    rows = [dict(row) for row in generate_town(seed=5, households=45)]
    rows[7]["宛名番号"], rows[7]["履歴番号"] = rows[90]["宛名番号"], rows[90]["履歴番号"]
    rows[30]["続柄"] = "世帯主" if rows[30]["続柄"] != "世帯主" else "子"
    rows[50]["届出年月日"] = "2099-01-01"
    rows = [{h: row[h] for h in HEADERS} for row in rows]
    whole = fused(tmp_path / "whole", rows, line_break)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunking, "CHUNK_BYTES", 700)
        patch.setattr(digest, "PART_LINES", 16)  # the first chunk's bytes per line make it 8 partitions
        spilled: list[digest._Spill] = []
        original = digest._Spill.__init__

        def spill(self: digest._Spill, parts: int) -> None:
            original(self, parts)
            spilled.append(self)

        patch.setattr(digest._Spill, "__init__", spill)
        cut = fused(tmp_path / "cut", rows, line_break)
    # several partitions, each pass's removed once folded
    assert spilled and all(s.parts > 1 and not s.directory.exists() for s in spilled)
    assert listed(cut.keys) == listed(whole.keys) == [9, 92]
    assert listed(cut.cells) == listed(whole.cells) and 52 in listed(cut.cells)
    assert listed(cut.households) == listed(whole.households) != []
    text = (tmp_path / "cut" / NAME).read_bytes().decode()
    assert cut.texts(np.arange(1, cut.lines + 1)) == text.removesuffix(line_break).split(line_break)
    some = [64, 65, 66, cut.lines]
    assert cut.texts(np.array(some)) == [text.split(line_break)[k - 1] for k in some]


@pytest.mark.parametrize("line_break", ["\n", "\r\n"])
def test_the_digest_gives_the_findings_of_the_full_pass_on_generated_rows(tmp_path: Path, line_break: str) -> None:
    """Random defects in town rows: every line a finding names is one the digest keeps for its part,
    and the findings are those of the full pass."""
    rng = random.Random(7)
    headers = list(town_headers())
    rows = [dict(row) for row in generate_town(seed=3, households=60)]
    for row in rng.sample(rows, 20):
        change = rng.choice(("key", "relation", "date", "birth", "code", "head"))
        if change == "key":
            row["宛名番号"] = rows[0]["宛名番号"]
            row["履歴番号"] = rows[0]["履歴番号"]
        elif change == "relation":
            row["続柄"] = rng.choice(("祖父", "孫", "子の子の子の子の子"))
        elif change == "date":
            row["届出年月日"] = "2099-01-01"
        elif change == "birth":
            row["生年月日"] = "1800-01-01"
        elif change == "code":
            row["住所_市区町村コード"] = "229997"
        else:
            row["続柄"] = "世帯主" if row["続柄"] != "世帯主" else "子"
    assert headers == list(HEADERS)
    path_rows = [{h: row[h] for h in headers} for row in rows]
    findings = {}
    calls: list[int] = []
    candidates = digest.candidates

    def spy(*args: object, **kwargs: object) -> digest.Candidates:
        calls.append(1)
        return candidates(*args, **kwargs)  # type: ignore[arg-type]

    # The digest's lines read at their offsets, or by polars; no digest (numba off: the screen's switch).
    for way, screen, at_offsets in (("offsets", True, 10**6), ("polars", True, 0), ("every line", False, 0)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(files.limits, "SCREEN_MIN_BYTES", 0)
            patch.setattr(files.limits, "SCREEN", screen)
            patch.setattr(files.invariants, "READ_AT_OFFSETS", at_offsets)
            patch.setattr(digest, "candidates", spy)
            (tmp_path / way).mkdir()
            target = target_for(tmp_path / way, to_text(path_rows).replace("\n", line_break).encode())
            target.cache[files.invariants.EXTRACTED] = EXTRACTED
            findings[way] = [(f.code, f.location, f.actual)
                             for f in run(target, ["keys", "dates", "values", "municipalities"])]
    assert calls == [1, 1]
    assert findings["offsets"] == findings["polars"] == findings["every line"]
    assert any(code == "file.duplicate_key" for code, _, _ in findings["offsets"])


def test_the_spill_has_a_partition_per_core_at_least(monkeypatch: pytest.MonkeyPatch) -> None:
    """About PART_LINES lines a partition, never fewer partitions than cores (a 1M-row file was one partition,
    folded on one thread after the pass; issue 51)."""
    monkeypatch.setattr(digest, "PART_LINES", 1 << 20)
    for cores, lines, parts in ((1, 1e6, 1), (2, 1e6, 2), (2, 5e6, 8), (2, 1e7, 16), (3, 1e6, 4), (4, 100, 4)):
        monkeypatch.setattr(digest.os, "cpu_count", lambda cores=cores: cores)
        assert digest.spill_parts(lines) == parts, (cores, lines)


def test_a_fold_beside_the_masks_gives_its_candidates_or_its_error_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The content pass folds the partitions on a thread of their own while the masks judge the last lines
    (issue 51): ``candidates`` waits for the fold, and a fold that failed raises there, not never."""
    path = tmp_path / "residents.csv"
    rows = conforming_rows()
    path.write_text(to_text(rows), encoding="utf-8")
    assert digest.candidates([path], plan()).lines == len(rows) + 1  # the header and each record
    digester = digest.Digester(plan(), [path])
    digester.finish_later()  # nothing folded: no line
    found = digester.candidates
    assert found is not None and found.lines == 0 and not len(found.keys)

    def broken(self: object) -> tuple[np.ndarray, np.ndarray, bool]:
        raise OSError("the partition files are gone")

    monkeypatch.setattr(digest._Spill, "fold", broken)
    failing = digest.Digester(plan(), [path])
    failing.finish_later()
    with pytest.raises(OSError, match="partition files are gone"):
        _ = failing.candidates
