"""Attestations of MANUAL requirements: accepted whole (evidence hashed) or refused with file:line."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from test_plugin import make_catalog

from conformance.errors import ProfileError
from conformance.locations import reference_profile
from conformance.profiles import load_profile, resolved_attestations
from conformance_reference import rules

MANUAL_R001 = (
    "bindings:\n- requirement: jumin-1.0-3.4-R001\n  checks:\n"
    "  - kind: manual\n    evidence: 画面のスクリーンショット\n"
)
PROFILE = "name: p\nproduct: x\nversion: '1'\nclaims:\n- domain: jumin\n  edition: '1.0'\n"
ATTESTATION = """\
attestations:
- requirement: {rid}
  by: 検査 花子
  role: 受入検査担当
  date: '{day}'
  statement: アラートが表示されることを画面で確認した
  evidence:
  - {evidence}
"""


def write_profile(directory: Path, rid: str = "jumin-1.0-3.4-R001", day: str = "2026-11-01",
                  evidence: str = "alert.png") -> Path:
    profile = directory / "profile.yaml"
    profile.write_text(PROFILE + ATTESTATION.format(rid=rid, day=day, evidence=evidence), encoding="utf-8")
    return profile


def test_an_attestation_is_resolved_with_its_evidence_hashed(tmp_path: Path) -> None:
    (tmp_path / "alert.png").write_bytes(b"\x89PNG screen")
    profile = write_profile(tmp_path)
    resolved = resolved_attestations(load_profile(profile), profile)
    assert resolved["jumin-1.0-3.4-R001"]["evidence"] == [
        {"file": "alert.png", "sha256": hashlib.sha256(b"\x89PNG screen").hexdigest()}]
    assert resolved["jumin-1.0-3.4-R001"]["by"] == "検査 花子"


@pytest.mark.parametrize(("evidence", "day", "message"), [
    ("missing.png", "2026-11-01", "evidence 'missing.png' is not a regular file"),
    ("alert.png", "2999-01-01", "date 2999-01-01 is in the future"),
])
def test_a_bad_attestation_stops_the_run_before_it_starts(tmp_path: Path, evidence: str, day: str,
                                                          message: str) -> None:
    (tmp_path / "alert.png").write_bytes(b"png")
    profile = write_profile(tmp_path, evidence=evidence, day=day)
    with pytest.raises(ProfileError, match=message):
        resolved_attestations(load_profile(profile), profile)


def test_an_expired_attestation_stops_the_run_and_a_valid_one_keeps_its_expiry(tmp_path: Path) -> None:
    """Issue 48: the portal's export keeps the expiry; the run honours it."""
    (tmp_path / "alert.png").write_bytes(b"png")
    profile = write_profile(tmp_path)
    profile.write_text(profile.read_text("utf-8") + "  expires: '2000-01-01'\n", "utf-8")
    with pytest.raises(ProfileError, match="expired on 2000-01-01"):
        resolved_attestations(load_profile(profile), profile)
    profile.write_text(profile.read_text("utf-8").replace("2000-01-01", "2999-12-31"), "utf-8")
    assert resolved_attestations(load_profile(profile), profile)["jumin-1.0-3.4-R001"]["expires"] == "2999-12-31"


def test_a_fifo_is_not_evidence(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "alert.png")
    profile = write_profile(tmp_path)
    with pytest.raises(ProfileError, match="is not a regular file"):
        resolved_attestations(load_profile(profile), profile)


def test_an_attested_manual_requirement_is_verified_by_attestation(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path, bindings=MANUAL_R001)
    (pytester.path / "alert.png").write_bytes(b"png")
    profile = write_profile(pytester.path)
    pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-profile={profile}", "--conformance-out=out")
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    r001 = next(r for r in document["results"] if r["requirement"] == "jumin-1.0-3.4-R001")
    assert r001["status"] == "MANUAL" and r001["attestation"]["statement"] == "アラートが表示されることを画面で確認した"
    assert document["coverage"]["attested"] == 1 and document["coverage"]["manual"] == 0


def test_an_attestation_of_a_requirement_that_is_not_manual_is_a_gap(pytester: pytest.Pytester) -> None:
    catalog = make_catalog(pytester.path)
    (pytester.path / "alert.png").write_bytes(b"png")
    profile = write_profile(pytester.path, rid="jumin-1.0-3.4-P001")
    pytester.runpytest(f"--conformance-catalog={catalog}", f"--conformance-profile={profile}", "--conformance-out=out")
    document = json.loads((pytester.path / "out" / "results.json").read_text("utf-8"))
    assert document["gaps"] == ["attestation for jumin-1.0-3.4-P001 is not used: the requirement is not MANUAL"]
    assert all(r["attestation"] is None for r in document["results"])


def test_the_reference_vendors_evidence_is_what_its_rules_answer() -> None:
    """The reference's attestations stay true: its evidence files are its own answers."""
    profile = reference_profile()
    resolved = resolved_attestations(load_profile(profile), profile)
    # 3.4 R006 is judged by scenario.dv.ended_alert: its attestation would verify nothing (a gap).
    assert set(resolved) == {"jumin-1.0-3.4-R005"}
    base = profile.parent / "attestations"
    (evidence,) = resolved["jumin-1.0-3.4-R005"]["evidence"]
    recorded = json.loads((base / evidence["file"]).read_text("utf-8"))
    answer = rules.support({"支援措置_開始年月日": "2020-04-01"}, None, date(2021, 3, 15), frozenset())
    assert recorded["支援措置"] == answer and answer["アラート"][0]["コード"] == "J440-A01"


def test_support_alerts_start_one_month_before_the_end_and_follow_it() -> None:
    end = date(2021, 3, 31)
    assert rules.support_alerts(end, date(2021, 2, 27)) == []
    assert rules.support_alerts(end, date(2021, 2, 28))[0]["コード"] == "J440-A01"
    assert rules.support_alerts(end, end)[0]["コード"] == "J440-A01"
    assert rules.support_alerts(end, date(2021, 4, 1))[0]["コード"] == "J440-A02"
