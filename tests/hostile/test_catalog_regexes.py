"""Item 7 of the hostile-inputs issue: catalog regexes compiled at load and refused when they could
backtrack catastrophically (a crafted pattern once cost 25 s of one value)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conformance.catalog.loader import validate_path
from conformance.catalog.regex_safety import UnsafePattern, check_pattern
from conformance.locations import default_catalog_root

CATASTROPHIC = [r"^(a+)+$", r"^(a|a)*$", r"^(\w+\s?)*$", r"^(.*?,){11}P", r"^\d*\d*\d*x$", r"^.*,.*,.*P$",
                r"^(\d|\d\d)+$", r"(a)\1", r"(?=a)b", r"a{100000}", "("]
SAFE = [r"^[0-9]{11}$", r"^[A-Z]{2}[0-9]{8}[A-Z]{2}$", r"^[\x20-\x7e\uff61-\uff9f]*$",
        r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", r"^(?:[0-9]{3}-)*[0-9]+$", r"^(?:令和|平成)[0-9]+年$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafePattern):
        check_pattern(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_patterns_compile(pattern: str) -> None:
    assert check_pattern(pattern).pattern == pattern


def test_a_catalog_with_a_catastrophic_pattern_is_an_error_at_its_line(tmp_path: Path) -> None:
    edition = tmp_path / "jumin" / "1.0"
    shutil.copytree(default_catalog_root() / "jumin" / "1.0", edition)
    items = edition / "data_items.yaml"
    text = items.read_text("utf-8")
    assert "pattern: ^[0-9]{7}$" in text
    items.write_text(text.replace("pattern: ^[0-9]{7}$", "pattern: ^(a+)+$", 1), "utf-8")
    line = 1 + items.read_text("utf-8").split("pattern: ^(a+)+$")[0].count("\n")
    started = time.monotonic()
    errors = [str(error) for error in validate_path(edition)]
    assert time.monotonic() - started < 30
    assert any(error.startswith(f"{items}:{line}:") and "pattern '^(a+)+$': a repetition of variable length" in error
               for error in errors), errors
