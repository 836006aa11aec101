"""Item 4 of the hostile-inputs issue: what is judged is what is named. File names are literal
(never globbed), and only regular files are read (FIFOs, devices, sockets refused by type)."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from conformance.columnar.lines import _TEXT, _scan_lines
from conformance.errors import ConformanceError
from conformance.inputs import NotRegularFile, read_json_document, read_regular


@pytest.mark.parametrize("name", ["residents[1].csv", "residents*.csv", "residents?.csv"])
def test_export_file_names_are_literal(tmp_path: Path, name: str) -> None:
    named = tmp_path / name
    named.write_text("宛名番号\nnamed\n", encoding="utf-8")
    # A sibling the name would match as a glob pattern: it must never be read instead or as well.
    (tmp_path / "residents1.csv").write_text("宛名番号\nother\nother\n", encoding="utf-8")
    texts = _scan_lines([named], 1).collect().get_column(_TEXT).to_list()
    assert texts == ["宛名番号", "named"]


def make_fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "results.json"
    os.mkfifo(fifo)
    return fifo


def test_a_fifo_is_refused_by_type_without_blocking(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path)
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_regular(fifo))
        except ConformanceError as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], NotRegularFile) and "is a FIFO (named pipe), not a regular file" in str(outcome[0])


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "directory", "socket"])
def test_devices_directories_and_sockets_are_refused(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "directory":
        path = tmp_path
    elif special == "socket":
        path = tmp_path / "s.sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    with pytest.raises(NotRegularFile, match="not a regular file"):
        read_regular(path)


def test_a_results_document_nested_without_end_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text("[" * 200_000 + "]" * 200_000, "utf-8")
    with pytest.raises(ConformanceError, match="nested deeper than 64 levels"):
        read_json_document(path)
