"""Large CP932 / Shift_JIS files are decoded in parallel pieces by worker processes: the pieces
together must be exactly what one pass gives (content, structure, bad byte, ambiguities)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from conformance.columnar import transcode
from conformance.columnar.transcode import piece_bounds


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the transcoded copies go, to see that none is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(transcode.tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcode, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(transcode.os, "cpu_count", lambda: 3)


def _text(rows: int) -> str:
    return "".join(f"{i},山田　太郎,ヤマダ,①㈱～\r\n" for i in range(rows))


def test_pieces_are_whole_lines_covering_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    data = _text(100).encode("cp932")
    path.write_bytes(data)
    bounds = piece_bounds(path, 3)
    assert len(bounds) == 3
    assert bounds[0][0] == 0 and bounds[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(data[end - 1 : end] == b"\n" for _, end in bounds[:-1])


def test_one_line_file_is_one_piece(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("一行だけ".encode("cp932"))
    assert piece_bounds(path, 4) == [(0, len("一行だけ".encode("cp932")))]


@pytest.mark.usefixtures("small_pieces")
def test_parallel_pieces_read_as_one_file(tmp_path: Path, temporary: Path) -> None:
    path = tmp_path / "r.csv"
    text = "h1,h2\n" + _text(300) + '"quoted",x\n'
    path.write_bytes(text.encode("cp932"))
    decoded = transcode.transcode(path, "cp932", 1000)
    assert decoded.bad is None and decoded.source is not None
    assert len(decoded.source.paths) == 3
    assert b"".join(p.read_bytes() for p in decoded.source.paths) == text.encode("utf-8")
    assert decoded.source.structure == transcode.Structure(quotes=True)
    lines = pl.scan_lines(list(decoded.source.paths), name="t", row_index_name="n", row_index_offset=1).collect()
    assert lines.height == text.count("\n") and lines["t"][1] == "0,山田　太郎,ヤマダ,①㈱～"
    assert len(list(temporary.iterdir())) == 3
    decoded.source.close()
    assert list(temporary.iterdir()) == []


@pytest.mark.usefixtures("small_pieces")
def test_parallel_bad_byte_is_the_first_in_the_file(tmp_path: Path, temporary: Path) -> None:
    path = tmp_path / "r.csv"
    good = _text(200).encode("cp932")
    path.write_bytes(good + b"x,\x82\n" + good + b"y,\x85\n")
    decoded = transcode.transcode(path, "cp932", 1000)
    assert decoded.source is None and decoded.bad is not None
    assert (decoded.bad.line, decoded.bad.column, decoded.bad.data) == (201, 3, b"\x82")
    assert list(temporary.iterdir()) == []


@pytest.mark.usefixtures("small_pieces")
def test_parallel_ambiguities_keep_file_order_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    rows = [f"{i},10〜12時\n" if i % 100 == 0 else f"{i},x\n" for i in range(300)]
    path.write_bytes("".join(rows).encode("shift_jis"))
    decoded = transcode.transcode(path, "shift_jis", 1000, ambiguities=2)
    assert decoded.source is not None and len(decoded.source.paths) == 3
    assert [(a.line, a.column, a.char, a.alternative) for a in decoded.ambiguities] == [
        (1, 5, "〜", "～"), (101, 7, "〜", "～"),
    ]
    assert decoded.ambiguity_count == 3
    decoded.source.close()


@pytest.mark.usefixtures("small_pieces")
def test_workers_that_cannot_run_fall_back_to_one_pass(
    tmp_path: Path, temporary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transcode.sys, "executable", str(tmp_path / "no-such-python"))
    path = tmp_path / "r.csv"
    path.write_bytes(_text(50).encode("cp932"))
    decoded = transcode.transcode(path, "cp932", 1000)
    assert decoded.source is not None and len(decoded.source.paths) == 1
    assert decoded.source.path.read_bytes() == _text(50).encode("utf-8")
    assert list(temporary.iterdir()) == [decoded.source.path]
    decoded.source.close()
    assert list(temporary.iterdir()) == []
