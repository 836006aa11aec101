"""reconcile's compiled first pass (``conformance.columnar.keyed``) gives exactly the polars pass's
lists and counts, in the same order, and steps aside where it cannot decide or numba is absent."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.checks.test_files import HEADERS, atena_numbers, japanese
from tests.test_reconcile import reconcile

pytest.importorskip("numba")

LAYOUT = ("--layout", "residents_csv", "--json")


def write_lines(path: Path, rows: list[dict[str, str]], ending: str, blank_at: int | None = None) -> Path:
    """An unquoted export with ``ending`` after each line (and a blank line before row ``blank_at``)."""
    lines = [",".join(HEADERS)]
    for index, row in enumerate(rows):
        if index == blank_at:
            lines.append("")
        lines.append(",".join(row.get(h, "") for h in HEADERS))
    path.write_bytes(("".join(line + ending for line in lines)).encode())
    return path


def migrated(seed: int, count: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """OLD's records and NEW's: some dropped, some altered (one or two items), some added."""
    rng = random.Random(seed)
    numbers = atena_numbers(count + count // 5)
    olds = [japanese(宛名番号=n, 住民種別=rng.choice("128"), 住民状態=rng.choice("12"),
                     続柄="子" if k else "世帯主") for k, n in enumerate(numbers[:count])]
    news = []
    for row in olds:
        chance = rng.random()
        if chance < 0.1:
            continue  # dropped
        if chance < 0.3:
            row = dict(row, 性別="2", **({"住民状態": "2"} if chance < 0.2 else {}))
        news.append(row)
    news += [japanese(宛名番号=n) for n in numbers[count:]]
    return olds, news


def spy(function: Callable[..., Any], calls: list[Any]) -> Callable[..., Any]:
    """``function``, noting each call's arguments in ``calls``."""
    def noted(*args: Any) -> Any:
        calls.append(args)
        return function(*args)

    return noted


def both_ways(monkeypatch: Any, old: Path, new: Path, decided: bool = True) -> tuple[Any, Any]:
    """The CLI's result with the compiled first pass (checked to have run, and to have decided
    without the polars pass unless ``decided`` is False) and without."""
    import conformance.reconcile as module
    from conformance.checks.files import limits
    from conformance.columnar import keyed

    monkeypatch.setattr(limits, "SCREEN_MIN_BYTES", 0)
    monkeypatch.setattr(module, "COMPILED", True)
    calls: list[Any] = []
    monkeypatch.setattr(keyed, "read", spy(keyed.read, calls))
    fallbacks: list[Any] = []
    monkeypatch.setattr(module, "_polars_pass", spy(module._polars_pass, fallbacks))
    compiled = reconcile(str(old), str(new), *LAYOUT)
    assert calls, "the compiled pass did not run"
    assert bool(fallbacks) != decided
    monkeypatch.setattr(module, "COMPILED", False)
    return compiled, reconcile(str(old), str(new), *LAYOUT)


@pytest.mark.parametrize(("seed", "endings", "chunk"), [
    (1, ("\n", "\n"), 1 << 20), (2, ("\r\n", "\n"), 1 << 20), (3, ("\n", "\r\n"), 1500), (4, ("\r\n", "\r\n"), 700),
])
def test_the_compiled_pass_gives_the_polars_lists(tmp_path: Path, monkeypatch: Any, seed: int,
                                                   endings: tuple[str, str], chunk: int) -> None:
    """Dropped, added and altered records, LF and CRLF, a blank line, chunks cut anywhere."""
    from conformance.columnar import chunking

    monkeypatch.setattr(chunking, "CHUNK_BYTES", chunk)  # lines are about 330 bytes: chunk edges everywhere
    olds, news = migrated(seed, 60)
    old = write_lines(tmp_path / "old.csv", olds, endings[0], blank_at=7)
    new = write_lines(tmp_path / "new.csv", news, endings[1])
    compiled, polars = both_ways(monkeypatch, old, new)
    assert compiled == polars and compiled[0] == 1
    assert {e["kind"] for e in compiled[1]["errors"]} == {"missing_in_new", "missing_in_old", "different"}


def test_capped_lists_chunks_and_parts_agree(tmp_path: Path, monkeypatch: Any) -> None:
    import conformance.reconcile as module

    olds, news = migrated(5, 80)
    old = write_lines(tmp_path / "old.csv", olds, "\n")
    new = write_lines(tmp_path / "new.csv", news, "\r\n")
    monkeypatch.setattr(module, "LIST_CAP", 3)
    monkeypatch.setattr(module, "CHUNK", 4)
    monkeypatch.setattr(module, "PARTITION_BYTES", (old.stat().st_size + new.stat().st_size) // 3)
    compiled, polars = both_ways(monkeypatch, old, new)
    assert compiled == polars and compiled[0] == 1


def test_the_same_files_and_repeated_keys(tmp_path: Path, monkeypatch: Any) -> None:
    olds, _ = migrated(6, 20)
    old = write_lines(tmp_path / "old.csv", olds, "\n")
    same = write_lines(tmp_path / "same.csv", olds, "\r\n")
    compiled, polars = both_ways(monkeypatch, old, same)
    assert compiled == polars and compiled[0] == 0
    repeated = write_lines(tmp_path / "repeated.csv", [*olds, olds[3], olds[9]], "\n")
    compiled, polars = both_ways(monkeypatch, old, repeated, decided=False)
    assert compiled == polars and compiled[0] == 2 and "NEW: 2 record(s) repeat" in str(compiled[1])


def test_a_tallied_value_too_long_to_pack_is_left_to_polars(tmp_path: Path, monkeypatch: Any) -> None:
    olds, news = migrated(7, 20)
    news[2]["住民種別"] = "とても長い種別"  # 21 bytes: more than the pass packs
    old = write_lines(tmp_path / "old.csv", olds, "\n")
    new = write_lines(tmp_path / "new.csv", news, "\n")
    compiled, polars = both_ways(monkeypatch, old, new, decided=False)
    assert compiled == polars and compiled[0] == 1
    assert any(row["value"] == "とても長い種別" for row in compiled[1]["totals"])


def test_without_numba_the_polars_pass_runs(tmp_path: Path, monkeypatch: Any) -> None:
    from conformance.checks.files import limits
    from conformance.columnar import keyed

    olds, news = migrated(8, 20)
    old = write_lines(tmp_path / "old.csv", olds, "\n")
    new = write_lines(tmp_path / "new.csv", news, "\n")
    monkeypatch.setattr(limits, "SCREEN_MIN_BYTES", 0)
    monkeypatch.setattr(keyed, "available", lambda: False)
    monkeypatch.setattr(keyed, "read", lambda *args: pytest.fail("the compiled pass ran"))
    code, doc = reconcile(str(old), str(new), *LAYOUT)
    assert code == 1 and isinstance(doc, dict) and doc["counts"]["different"] > 0


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("cp932", False)])
def test_the_encoding_is_the_one_validate_chooses(tmp_path: Path, encoding: str, bom: bool) -> None:
    """reconcile decodes a UTF-8 file once (not detect, then decode): the same encoding as
    ``validate._declared``, and the file as decoding it so reads it."""
    from conformance.catalog.loader import load_catalog
    from conformance.checks.files.encoding import decode
    from conformance.locations import default_catalog_root
    from conformance.reconcile import _decoded
    from conformance.validate import _declared, _edition, _interface

    olds, _ = migrated(9, 5)
    path = write_lines(tmp_path / "old.csv", olds, "\r\n")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + path.read_text(encoding="utf-8").encode(encoding))
    layout = _interface(_edition(load_catalog(default_catalog_root()), ["residents_csv"], None), "residents_csv")
    chosen, decoded = _decoded(path, layout, None, {})
    assert chosen == _declared(path, layout, None, {})
    expected = decode(path, chosen)
    assert decoded.bad == expected.bad  # a CP932 file where the layout allows UTF-8 only: both refuse it
    if decoded.source is None or expected.source is None:
        assert decoded.source is expected.source is None
        return
    assert decoded.source.encoding == expected.source.encoding
    assert decoded.source.structure == expected.source.structure
    assert decoded.source.path.read_bytes() == expected.source.path.read_bytes()
