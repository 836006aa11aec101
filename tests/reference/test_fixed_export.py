"""The reference vendor's fixed-length export (GET /exports/residents.dat), down to file.layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conformance.catalog.models import FunctionCheck
from conformance.checks.files import EncodingVerdict, file_layout
from conformance.checks.registry import CheckContext
from conformance.columnar.fixed import from_catalog
from conformance.embedded import reference_environ, start_reference
from conformance.locations import reference_profile
from conformance.profiles import load_profile
from conformance.targets.base import Target
from conformance.targets.exports import build_export_source
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import default_town, jumin_edition
from conformance_reference.jumin import fixed_export

EDITION = jumin_edition()
LAYOUT = fixed_export.fixed_layout(EDITION)


def bound_checks() -> list[tuple[str, dict[str, Any]]]:
    """(requirement, params) of every file.layout check the catalog binds to the fixed layout."""
    return [
        (requirement.id, check.params)
        for requirement in EDITION.requirements for check in requirement.checks
        if isinstance(check, FunctionCheck) and check.name == "file.layout"
        and check.params.get("layout") == fixed_export.LAYOUT_ID
    ]


def test_the_reference_fixed_export_passes_file_layout_end_to_end(tmp_path: Path) -> None:
    checks = bound_checks()
    assert [rid for rid, _ in checks] == ["jumin-1.0-1.1.2-R028", "jumin-1.0-1.1.13-R002", "jumin-1.0-10.6-R001"]
    profile = load_profile(reference_profile())
    assert profile.targets.api is not None and profile.targets.exports is not None
    assert profile.targets.exports.files[fixed_export.LAYOUT_ID] == "/exports/residents.dat"
    environ = reference_environ(profile.targets.api.auth)  # the reference's client, as the profile names it
    with start_reference() as running, RequestsHttpClient(profile.targets.api, running.url, environ=environ) as client:
        target = Target(catalog=EDITION, http=client, exports=build_export_source(profile.targets.exports, client,
                                                                                  tmp_path))
        findings = [
            finding for rid, params in checks
            for finding in file_layout(CheckContext(EDITION.requirement(rid), params, target))
        ]
    assert findings == []
    # The checks did read the file (if_configured skips an export the profile does not list).
    export = target.cache["file.layout:residents_fixed:export"]
    assert export.declared_encoding == "cp932"
    assert LAYOUT is not None
    assert export.path.stat().st_size == len(default_town()) * from_catalog(LAYOUT, "cp932").width
    verdict: EncodingVerdict = target.cache["file.layout:residents_fixed:encoding"]
    assert (verdict.issues, verdict.content_encoding) == ((), "cp932")
    assert target.cache["file.layout:residents_fixed:content"].engine == "fixed"


def test_values_are_padded_to_their_width_in_bytes() -> None:
    assert LAYOUT is not None
    data = fixed_export.fixed_records(LAYOUT, [{"宛名番号": "1000000015", "氏名": "山田　花子"}])
    layout = from_catalog(LAYOUT, "cp932")
    assert len(data) == layout.width and data.endswith(b"\r\n")
    name_start = sum(f.width for f in layout.fields[:7])
    assert data[name_start:name_start + 100] == "山田　花子".encode("cp932") + b" " * 90


def test_the_fixed_char_padding_defect_pads_to_the_width_in_characters() -> None:
    assert LAYOUT is not None
    row = {"宛名番号": "1000000015", "氏名": "山田　花子"}
    data = fixed_export.fixed_records(LAYOUT, [row], pad_characters=True)
    layout = from_catalog(LAYOUT, "cp932")
    assert len(data) == layout.width + 5  # five double-byte characters, each counted as one
    name_start = sum(f.width for f in layout.fields[:7])
    assert data[name_start:name_start + 105] == "山田　花子".encode("cp932") + b" " * 95


def test_what_cp932_lacks_is_written_as_the_export_convention_says() -> None:
    # A variation selector is dropped (the base character stays); a character outside CP932 is 〓.
    assert fixed_export.cp932_text("葛\U000e0100飾") == "葛飾"
    assert fixed_export.cp932_text("\U0002000b田") == "〓田"
    assert fixed_export.cp932_text("山田　太郎") == "山田　太郎"


def test_a_value_longer_than_its_width_is_never_cut() -> None:
    assert LAYOUT is not None
    with pytest.raises(ValueError, match="性別: 2 bytes do not fit the width 1"):
        fixed_export.fixed_records(LAYOUT, [{"性別": "男"}])
