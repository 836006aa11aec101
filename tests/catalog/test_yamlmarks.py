"""YAML reading with line numbers: values, marks, and the errors an editor sees."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conformance.catalog import yamlmarks
from conformance.catalog.yamlmarks import MarkedDocument, YamlError, YamlProblem, load_yaml


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages show paths relative to the working directory; run where the files are.
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.write_text(text, encoding="utf-8")
    return path


def load(text: str, **kwargs: bool) -> MarkedDocument:
    return load_yaml(write("doc.yaml", text), **kwargs)


def error_of(text: str) -> str:
    with pytest.raises(YamlError) as caught:
        load(text)
    return str(caught.value)


NESTED = """\
top:
  name: 住民票
  items:
    - id: a
      level: required
    - {id: b, level: optional}
  empty: []
other: 1
"""


def test_scalars_become_plain_values_by_their_resolved_tag() -> None:
    doc = load("s: text\ni: 12\nf: 2.5\nb: true\nn: null\nq: '1.0'\nh: 0x1F\ntilde: ~\n")
    assert doc.data == {
        "s": "text", "i": 12, "f": 2.5, "b": True, "n": None, "q": "1.0", "h": 31, "tilde": None,
    }


def test_timestamps_stay_strings() -> None:
    doc = load("published: 2020-09-01\nstamp: 2001-12-14t21:59:43.10-05:00\nmonth: 2020-09\n")
    assert doc.data == {
        "published": "2020-09-01", "stamp": "2001-12-14t21:59:43.10-05:00", "month": "2020-09",
    }


def test_line_of_key_paths_is_the_line_of_the_key() -> None:
    doc = load(NESTED)
    assert doc.line_of(("top",)) == 1
    assert doc.line_of(("top", "name")) == 2
    assert doc.line_of(("top", "items", 0)) == 4
    assert doc.line_of(("top", "items", 0, "level")) == 5
    assert doc.line_of(("top", "items", 1, "level")) == 6
    assert doc.line_of(("other",)) == 8


def test_the_pure_python_parser_gives_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = load(NESTED)
    monkeypatch.setattr(yamlmarks, "_Loader", yaml.SafeLoader)
    slow = load(NESTED)
    assert slow.data == fast.data
    assert slow.line_of(("top", "items", 1, "level")) == fast.line_of(("top", "items", 1, "level")) == 6


def test_line_of_a_missing_path_is_the_closest_existing_parent() -> None:
    doc = load(NESTED)
    assert doc.line_of(("top", "items", 0, "text")) == 4
    assert doc.line_of(("top", "items", 9)) == 3
    assert doc.line_of(("top", "empty", 0)) == 7
    assert doc.line_of(("nope", "deeper")) == 1
    assert doc.line_of(()) == 1


def test_an_empty_file_is_null_with_line_one() -> None:
    doc = load("# nothing yet\n")
    assert doc.data is None
    assert doc.line_of(("anything",)) == 1


def test_anchors_and_aliases_share_values_and_lines() -> None:
    doc = load("base: &src\n  document: d\n  section: '2.1'\ncopy: *src\n")
    source = {"document": "d", "section": "2.1"}
    assert doc.data == {"base": source, "copy": source}
    assert doc.line_of(("copy", "section")) == 3


def test_merge_keys_merge_and_own_keys_win() -> None:
    doc = load("base: &src\n  a: 1\n  b: 2\nmerged:\n  <<: *src\n  b: 3\n")
    assert doc.data == {"base": {"a": 1, "b": 2}, "merged": {"b": 3, "a": 1}}
    assert doc.line_of(("merged", "b")) == 6
    assert doc.line_of(("merged", "a")) == 2


def test_a_duplicate_key_is_an_error_at_its_second_line() -> None:
    assert error_of("a: 1\nb: 2\na: 3\n") == "doc.yaml:3: duplicate key 'a'; first defined at line 1"


def test_problems_can_be_collected_with_their_path() -> None:
    doc = load("list:\n  - level: a\n    level: b\n", collect_problems=True)
    message = "duplicate key 'level'; first defined at line 2"
    assert doc.problems == (YamlProblem(("list", 0, "level"), 3, message),)


def test_syntax_errors_are_located() -> None:
    message = error_of("a:\n  b: 1\n c: 2\n")
    assert message.startswith("doc.yaml:3: YAML syntax error: ")


def test_tabs_are_a_located_syntax_error_with_a_hint() -> None:
    message = error_of("a: 1\n\tb: 2\n")
    assert message.startswith("doc.yaml:2: YAML syntax error: ")
    assert message.endswith("; indent with spaces, not tabs")


def test_control_characters_are_a_located_error() -> None:
    assert error_of("a: 住民\nb: 'x\x01'\n").startswith("doc.yaml:2: YAML syntax error: ")


def test_non_utf8_files_name_the_byte_offset() -> None:
    Path("sjis.yaml").write_bytes(b"a: ok\nb: " + "住民".encode("cp932") + b"\n")
    with pytest.raises(YamlError) as caught:
        load_yaml(Path("sjis.yaml"))
    message = "sjis.yaml:2: not valid UTF-8: byte 0x8f at byte offset 9; save the file as UTF-8"
    assert str(caught.value) == message


def test_large_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlmarks, "MAX_FILE_BYTES", 1024 * 1024)
    assert error_of("a: " + "x" * (1024 * 1024) + "\n") == "doc.yaml:1: file is larger than 1 MiB; split it"


def test_alias_bombs_are_refused() -> None:
    lines = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for level in range(1, 9):
        previous, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    # Line 7 is `g`, the first list to expand past the limit (11,111,111 values).
    message = "doc.yaml:7: expands to more than 5,000,000 values through aliases"
    assert error_of("\n".join(lines) + "\n") == message


def test_recursive_aliases_are_refused() -> None:
    assert error_of("a: &x [*x]\n") == "doc.yaml:1: alias *x refers to a node that contains it"


def test_deep_nesting_is_refused_without_crashing() -> None:
    assert error_of("[" * 100_000 + "]" * 100_000) == "doc.yaml:1: nested deeper than 200 levels"


def test_a_second_document_is_refused() -> None:
    message = "doc.yaml:2: found a second YAML document ('---'); a file holds one"
    assert error_of("a: 1\n---\nb: 2\n") == message


def test_keys_must_be_strings() -> None:
    message = "doc.yaml:1: key true is not a string (YAML reads yes/no/on/off as booleans); quote it"
    assert error_of("on: 1\n") == message


def test_unsupported_tags_are_problems() -> None:
    doc = load("a: !!binary aGk=\nb: !!int twelve\n", collect_problems=True)
    assert [(problem.line, problem.message) for problem in doc.problems] == [
        (1, "unsupported tag !!binary"),
        (2, "'twelve' is not a valid !!int"),
    ]


def test_paths_outside_the_working_directory_are_shown_as_given(tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("a: 1\na: 2\n", encoding="utf-8")
    try:
        with pytest.raises(YamlError) as caught:
            load_yaml(outside)
        assert str(caught.value) == f"{outside}:2: duplicate key 'a'; first defined at line 1"
    finally:
        outside.unlink()
