"""Catalog and profile files: only regular files are read, and aliases of a long string are bounded
by what they expand to (item 4 and the YAML alias case of item 1 of the hostile-inputs issue)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conformance.catalog.yamlmarks import YamlError, load_yaml


def test_aliases_of_a_long_string_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    aliases = ",".join(["*x"] * 1_000_000)
    path.write_text(f"a: &x '{'長' * 200}'\nb: [{aliases}]\n", "utf-8")
    with pytest.raises(YamlError, match="expands to more than 5,000,000 values through aliases"):
        load_yaml(path)


def test_a_few_aliases_of_a_long_string_still_load(tmp_path: Path) -> None:
    path = tmp_path / "fine.yaml"
    path.write_text(f"a: &x '{'長' * 200}'\nb: [*x, *x, *x]\n", "utf-8")
    assert load_yaml(path).data == {"a": "長" * 200, "b": ["長" * 200] * 3}


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "edition.yaml"
    os.mkfifo(fifo)
    errors: list[str] = []

    def load() -> None:
        try:
            load_yaml(fifo)
        except YamlError as error:
            errors.append(str(error))

    loader = threading.Thread(target=load, daemon=True)
    loader.start()
    loader.join(5)
    assert not loader.is_alive(), "loading a FIFO blocked"
    assert errors and "is a FIFO (named pipe), not a regular file" in errors[0]


def test_a_device_is_refused() -> None:
    with pytest.raises(YamlError, match="is a character device, not a regular file"):
        load_yaml(Path("/dev/zero"))
