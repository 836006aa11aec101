"""Shards balanced by recorded durations (`--shard i/n --shard-durations FILE`): each result's
`duration` in results.json, the greedy split, a bad durations file, and merging balanced shards."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from test_plugin import make_catalog
from test_shard_merge import shard_document

from conformance.catalog.loader import load_edition
from conformance.errors import UsageError
from conformance.locations import default_catalog_root
from conformance.pytest_plugin import balanced_shards, shard_names
from conformance.reporting.merge import merge_documents
from conformance.reporting.results_file import read_shard_durations

IDS = [f"jumin-1.0-3.4-R00{n}" for n in range(1, 10)]
#: Three long requirements among short ones; R009 was not in the earlier run (it weighs the mean, 4 s).
SKEWED = {IDS[0]: 10.0, IDS[1]: 1.0, IDS[2]: 9.0, IDS[3]: 1.0, IDS[4]: 8.0, IDS[5]: 1.0, IDS[6]: 1.0, IDS[7]: 1.0}


def total(shard: set[str], durations: dict[str, float]) -> float:
    """Seconds of a shard as the split counts them: whole milliseconds, an unknown id the mean."""
    millis = {name: round(seconds * 1000) for name, seconds in durations.items()}
    mean = round(sum(millis.values()) / len(millis))
    return sum(millis.get(name, mean) for name in shard) / 1000


def test_a_skewed_run_is_balanced_by_its_durations_where_the_count_split_is_not() -> None:
    first, second = (shard_names(IDS, index, 2, durations=SKEWED) for index in (1, 2))
    # 10 -> 1; 9 -> 2; 8 -> 2 (9 < 10); R009 (the mean, 4) -> 1; the 1 s ones to the lesser total, R007 at
    # 17 = 17 to the lower index, R008 to shard 2.
    assert first == {IDS[0], IDS[8], IDS[1], IDS[3], IDS[5], IDS[6]}
    assert second == {IDS[2], IDS[4], IDS[7]}
    assert total(first, SKEWED) == total(second, SKEWED) == 18.0
    by_count = [shard_names(IDS, index, 2) for index in (1, 2)]
    assert by_count[0] == {IDS[0], IDS[2], IDS[4], IDS[6], IDS[8]}
    assert (total(by_count[0], SKEWED), total(by_count[1], SKEWED)) == (32.0, 4.0)  # 28 s apart


def test_the_balanced_split_is_a_deterministic_partition_within_the_longest_duration() -> None:
    ids = [r.id for r in load_edition(default_catalog_root() / "jumin" / "1.0").requirements]
    # Skewed and reproducible: a few long ones, many short, some unknown to the durations.
    durations = {rid: (int(hashlib.sha256(rid.encode()).hexdigest(), 16) % 9000 + 1) / 1000 * (20 if i % 37 == 0 else 1)
                 for i, rid in enumerate(ids) if i % 11}
    for count in (2, 3, 5):
        shards = balanced_shards(ids, count, durations)
        assert set().union(*shards) == set(ids) and sum(map(len, shards)) == len(ids)  # every id once
        assert balanced_shards(list(reversed(ids)), count, dict(reversed(durations.items()))) == shards
        assert [shard_names(ids, index, count, durations=durations) for index in range(1, count + 1)] == shards
        totals = [total(shard, durations) for shard in shards]
        assert max(totals) - min(totals) <= max(durations.values()) + 1e-9, totals


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def results_with(durations: dict[str, Any]) -> dict[str, Any]:
    entries = [{"requirement": rid, "status": "PASS", "findings": [], **({"duration": d} if d is not None else {})}
               for rid, d in durations.items()]
    return {"results": entries}


def test_the_durations_file_is_a_results_json_read_under_its_limits(tmp_path: Path) -> None:
    path = write(tmp_path / "results.json", results_with({IDS[0]: 2.5, IDS[1]: None, IDS[2]: 0}))
    durations = read_shard_durations(path)
    assert durations.seconds == {IDS[0]: 2.5, IDS[2]: 0.0}
    assert durations.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def bad_files(tmp_path: Path) -> list[tuple[Path, str]]:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    return [
        (tmp_path / "missing.json", "cannot be read (no such file)"),
        (fifo, "is a FIFO (named pipe), not a regular file"),
        (write(tmp_path / "text.json", "not json"), "not a results.json the harness wrote (not a JSON object)"),
        (tmp_path / "broken.json", "not JSON"),
        (write(tmp_path / "shape.json", {"results": {}}), "not a results.json the harness wrote (no results list)"),
        (write(tmp_path / "negative.json", results_with({IDS[0]: -1})),
         "results[0].duration is not a number of seconds >= 0"),
        (write(tmp_path / "old.json", results_with({IDS[0]: None})), "records no durations"),
    ]


def test_a_bad_durations_file_is_a_usage_error_naming_it_on_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from conformance.cli import app

    for path, problem in bad_files(tmp_path):
        result = CliRunner().invoke(app, ["run", "--shard", "1/2", "--shard-durations", str(path),
                                          "--out", str(tmp_path / "out")])
        assert result.exit_code == 2, (path, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: --shard-durations: {path}: ")
        assert problem in result.stderr, result.stderr
        with pytest.raises(UsageError, match=f"--shard-durations: {path}: "):
            read_shard_durations(path)
    assert not (tmp_path / "out").exists()  # refused before anything started
    good = write(tmp_path / "good.json", results_with({IDS[0]: 1.0}))
    alone = CliRunner().invoke(app, ["run", "--shard-durations", str(good), "--out", str(tmp_path / "out")])
    assert (alone.exit_code, alone.stderr) == (2, "error: --shard-durations balances the shards of --shard i/n: "
                                                  "give --shard too\n")


def run_plugin(pytester: pytest.Pytester, catalog: Path, out: str, *args: str) -> dict[str, Any]:
    result = pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-out={out}", *args)
    document: dict[str, Any] = json.loads((pytester.path / out / "results.json").read_text("utf-8"))
    result.assert_outcomes(skipped=len(document["results"]))
    return document


def test_a_run_records_durations_and_its_shards_are_balanced_by_them(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    whole = run_plugin(pytester, catalog, "whole")
    durations = [result["duration"] for result in whole["results"]]
    assert len(durations) == 3 and all(isinstance(d, float) and 0 <= d < 60 and d == round(d, 3) for d in durations)
    # An earlier run where P001 took long: alone in shard 1, the other two in shard 2 (by count, the 1st
    # and 3rd of the sorted ids, O001 and R001, would be shard 1).
    r001, o001, p001 = (result["requirement"] for result in whole["results"])
    earlier = write(pytester.path / "earlier.json", results_with({r001: 1.0, o001: 1.0, p001: 5.0}))
    sha256 = hashlib.sha256(earlier.read_bytes()).hexdigest()
    shards = [run_plugin(pytester, catalog, f"s{i}", f"--conformance-shard={i}/2",
                         f"--conformance-shard-durations={earlier}") for i in (1, 2)]
    assert [[r["requirement"] for r in shard["results"]] for shard in shards] == [[p001], [r001, o001]]
    assert [shard["shard"] for shard in shards] == [{"index": i, "count": 2, "durations": sha256} for i in (1, 2)]
    assert shards[0]["scope"]["selection"] == {"shard": "1/2", "shard_durations": sha256}
    merged = merge_documents([("s1", shards[0]), ("s2", shards[1])])
    assert merged["scope"]["partial"] is False and merged["scope"]["selection"] == {}
    assert {r["requirement"]: r["duration"] for r in merged["results"]} == {
        r["requirement"]: r["duration"] for shard in shards for r in shard["results"]}  # merge keeps them
    bad = pytester.runpytest(f"--conformance-catalog={catalog}", "--conformance-shard=1/2",
                             f"--conformance-shard-durations={pytester.path / 'nothing.json'}")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines([f"*--shard-durations: {pytester.path / 'nothing.json'}: cannot be read (no such file)"])


def test_merge_refuses_shards_of_different_splits() -> None:
    ids = ["jumin-1.0-3.4-R001", "jumin-1.0-3.4-R002", "jumin-1.0-3.4-R003"]
    first, second = shard_document(1, [ids[0], ids[2]], [ids[1]]), shard_document(2, [ids[1]], [ids[0], ids[2]])
    for document in (first, second):
        document["shard"]["durations"] = "a" * 64
        document["scope"]["selection"]["shard_durations"] = "a" * 64
    assert merge_documents([("a", first), ("b", second)])["scope"]["selection"] == {}
    for other in ("b" * 64, None):
        second["shard"]["durations"] = other
        with pytest.raises(UsageError, match="different splits"):
            merge_documents([("a", first), ("b", second)])
