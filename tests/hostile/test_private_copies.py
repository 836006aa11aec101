"""Item 3 of the hostile-inputs issue: every copy the harness makes of the vendor's data (a fetched
export, a transcoded copy, recorded exchanges, an evidence bundle) is readable by its owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from conformance.columnar.transcode import transcode, transcode_parallel
from conformance.inputs import write_private
from conformance.masking import Scrubber
from conformance.recorder import HAR_NAME, HarRecorder, finish_recordings, recording_path
from conformance.targets.http import Exchange

CP932 = ("宛名番号,氏名\r\n" + "".join(f"{n:010d},山田　太郎\r\n" for n in range(2000))).encode("cp932")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_transcoded_copy_is_private(tmp_path: Path) -> None:
    (tmp_path / "residents.csv").write_bytes(CP932)
    os.chmod(tmp_path / "residents.csv", 0o644)
    decoded = transcode(tmp_path / "residents.csv", "cp932", 1 << 20)
    assert decoded.source is not None
    try:
        assert [mode(path) for path in decoded.source.paths] == [0o600]
    finally:
        decoded.source.close()


def test_the_pieces_of_a_parallel_transcode_are_private(tmp_path: Path) -> None:
    (tmp_path / "residents.csv").write_bytes(CP932)
    decoded = transcode_parallel(tmp_path / "residents.csv", "cp932", 1 << 20, ambiguities=0, workers=2)
    assert decoded is not None and decoded.source is not None
    try:
        assert len(decoded.source.paths) == 2
        assert {mode(path) for path in decoded.source.paths} == {0o600}
    finally:
        decoded.source.close()


def test_write_private_replaces_a_readable_file_with_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "evidence.zip"  # bundles, fetched exports and junit.xml are written by it
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_private(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o600)


def test_recorded_exchanges_are_private(tmp_path: Path) -> None:
    recorder = HarRecorder(recording_path(tmp_path / "work", "main"), Scrubber())
    recorder.record(Exchange("GET", "http://vendor.example/exports/residents.csv", {}, b"", 200,
                             {"Content-Type": "text/csv"}, "宛名番号\n1\n".encode(), 0.1))
    recorder.close()
    assert mode(recorder.path) == 0o600
    finish_recordings(tmp_path / "work", tmp_path)
    assert mode(tmp_path / HAR_NAME) == 0o600
