"""The evidence bundle: contents, signing, and verification that notices any change."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
import zlib
from pathlib import Path

import pytest
from har_helpers import check_har
from report_helpers import CATALOG, document, report_command, result, write_results

import conformance
from conformance import secrets
from conformance.errors import UsageError
from conformance.exchanges import serving
from conformance.masking import Scrubber
from conformance.recorder import HAR_NAME, HarRecorder, finish_recordings, joined_entries, recording_path
from conformance.reporting import bundle as bundle_module
from conformance.reporting.bundle import (
    MANIFEST,
    SIGNATURE,
    BundleInputs,
    build_bundle,
    generate_keys,
    holds_secret,
    load_private_key,
    load_public_key,
    redact_profile,
    sign_bundle,
    verify_bundle,
    verify_bundle_bytes,
)
from conformance.reporting.ziputil import Limits, canonical_problem, read_entries, write_stored_zip, write_zip
from conformance.targets.http import Exchange

PROFILE = """\
# the vendor's profile
name: sample
product: 見本システム
version: '2.0'
claims:
- domain: jumin
  edition: '1.0'
targets:
  api:
    base_url: https://vendor.example/api
    auth: {header: Authorization, scheme: Bearer, env: VENDOR_API_TOKEN}
"""


def make_run(directory: Path) -> BundleInputs:
    """A run's output directory as `conformance run` leaves it (small, with the real catalog's hash)."""
    write_results(directory, document([result("jumin-1.0-3.4-R001", "PASS")]))
    (directory / "report.html").write_text("<!DOCTYPE html><title>report</title>", encoding="utf-8")
    (directory / "junit.xml").write_text("<testsuites/>", encoding="utf-8")
    work = directory / "work"
    work.mkdir()
    (work / "migration.csv").write_text("宛名番号,氏名\n1000000015,見本　花子\n", encoding="utf-8")
    (work / "residents_csv.csv").write_text("宛名番号\n1000000015\n", encoding="utf-8")
    record_exchanges(work)
    profile = directory.parent / "vendor.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    return BundleInputs(out=directory, profile=profile, catalog_root=CATALOG)


def record_exchanges(work: Path) -> None:
    """Two exchanges as a run records them: loading the data (setup), then one for a requirement."""
    recorder = HarRecorder(recording_path(work, "main"), Scrubber(["氏名"], values=["見本　花子"]))
    load = Exchange("POST", "http://127.0.0.1:8000/api/v1/admin/load", {"Content-Type": "text/csv"},
                    "宛名番号,氏名\n1000000015,見本　花子\n".encode(), 204, {}, b"", 0.01)
    asked = Exchange("GET", "http://127.0.0.1:8000/api/v1/residents/1000000015", {}, b"", 200,
                     {"Content-Type": "application/json"}, '{"氏名": "見本　花子"}'.encode(), 0.002)
    recorder.record(load)
    with serving("jumin-1.0-3.4-R001"):
        recorder.record(asked)
    recorder.close()


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    return generate_keys(tmp_path / "keys")


@pytest.fixture
def signed(tmp_path: Path, keys: tuple[Path, Path]) -> Path:
    bundle = build_bundle(make_run(tmp_path / "run"))
    sign_bundle(bundle, load_private_key(keys[0]))
    return bundle


def entries(bundle: Path) -> dict[str, bytes]:
    return dict(read_entries(bundle.read_bytes()))


def problems(bundle: Path, public: Path) -> list[str]:
    return verify_bundle(bundle, load_public_key(public)).problems


def test_the_bundle_holds_results_reports_profile_recordings_and_a_manifest(tmp_path: Path) -> None:
    bundle = build_bundle(make_run(tmp_path / "run"))
    files = entries(bundle)
    assert list(files) == ["results.json", "junit.xml", "report.html", "profile.yaml", HAR_NAME, MANIFEST]
    manifest = json.loads(files[MANIFEST])
    assert manifest["harness_version"] == conformance.__version__ and manifest["run"]["verdict"] == "conformant"
    (edition,) = manifest["catalog"]
    assert edition["domain"] == "jumin" and len(edition["sha256"]) == 64
    assert {f["path"] for f in edition["files"]} >= {"jumin/1.0/edition.yaml", "jumin/1.0/bindings.yaml"}
    inputs = {i["path"]: i for i in manifest["inputs"]}
    assert set(inputs) == {"vendor.yaml", "work/migration.csv", "work/residents_csv.csv"}
    assert all(len(i["sha256"]) == 64 and i["included"] is False for i in inputs.values())
    assert "見本　花子".encode() not in bundle.read_bytes()  # the migration's town is hashed, not shipped
    import hashlib
    assert manifest["files"] == [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in files.items() if name != MANIFEST
    ]
    assert b"VENDOR_API_TOKEN" in files["profile.yaml"]  # a variable's name is not a secret
    assert manifest["format"] == "conformance-evidence/2"
    assert manifest["exchanges"] == {"path": HAR_NAME, "format": "HAR 1.2", "entries": 2, "serving_requirements": 1,
                                     "setup": 1, "requirements": 1}


def test_the_bundle_carries_the_runs_har(tmp_path: Path) -> None:
    inputs = make_run(tmp_path / "run")
    har = finish_recordings(inputs.out / "work", inputs.out)  # what the run does at its end
    assert har is not None
    files = entries(build_bundle(inputs))
    assert files[HAR_NAME] == har.read_bytes()
    (setup, served) = check_har(json.loads(files[HAR_NAME]))
    assert setup["_phase"] == "setup"
    assert setup["request"]["postData"]["text"] == "宛名番号,氏名\n1000000015,＊＊＊＊＊\n"
    assert served["_id"] == "main-0002" and served["_requirements"] == ["jumin-1.0-3.4-R001"]


def test_the_manifest_counts_the_joined_entries_a_line_at_a_time_and_any_other_har_whole(tmp_path: Path) -> None:
    """Issue 65: the manifest's counts read the join's HAR an entry a line (parsed whole, a --thorough run's took
    eight times its size); a HAR of another layout is parsed whole and counted alike."""
    inputs = make_run(tmp_path / "run")
    har = finish_recordings(inputs.out / "work", inputs.out)
    assert har is not None
    joined = har.read_bytes()
    whole = json.loads(joined)
    assert list(joined_entries(joined)) == whole["log"]["entries"]
    compact = json.dumps(whole, ensure_ascii=False).encode("utf-8")  # one line: not the join's layout
    with pytest.raises(ValueError, match="not a HAR the join wrote"):
        list(joined_entries(compact))
    with pytest.raises(ValueError, match="not closed"):
        list(joined_entries(joined[: joined.rindex(b"\n  ]")]))
    counts = {"path": HAR_NAME, "format": "HAR 1.2", "entries": 2, "serving_requirements": 1, "setup": 1,
              "requirements": 1}
    har.write_bytes(compact)
    os.utime(har, ns=(2**62, 2**62))  # newer than the recordings: the bundle carries it as it is
    files = entries(build_bundle(inputs))
    assert files[HAR_NAME] == compact and json.loads(files[MANIFEST])["exchanges"] == counts


@pytest.mark.parametrize("spelling", ["tok-9f8e7d6c5b4a", "TOK-9F8E7D6C5B4A", "%74ok-9f8e7d6c5b4a",
                                      "\\u0074ok-9f8e7d6c5b4a"])
def test_the_secret_search_by_windows_finds_what_the_whole_text_holds(spelling: str) -> None:
    """Issue 65: a member is searched for the run's secrets a window at a time; a spelling across any window's edge
    (multibyte characters cut there too) is found as in the whole text, and a member without one is not."""
    finder = secrets.Finder(["tok-9f8e7d6c5b4a"])
    window = 64
    for offset in range(window - 40, window + 8):
        data = ("見" * (offset // 3) + "x" * (offset % 3) + spelling + "本" * 30).encode("utf-8")
        assert holds_secret(finder, data, window) is finder.found(data.decode("utf-8")) is True, offset
    assert holds_secret(finder, ("見本" * 100 + "tok-9f8e7d6c5b4").encode("utf-8"), window) is False
    assert holds_secret(finder, b"", window) is False


def test_a_har_older_than_the_recordings_is_joined_again(tmp_path: Path) -> None:
    inputs = make_run(tmp_path / "run")
    stale = inputs.out / HAR_NAME
    stale.write_text('{"log": {"version": "1.2", "entries": []}}', encoding="utf-8")
    os.utime(stale, ns=(0, 0))  # an earlier run's, left in the directory
    files = entries(build_bundle(inputs))
    assert len(check_har(json.loads(files[HAR_NAME]))) == 2
    assert stale.read_bytes() == files[HAR_NAME]


def test_a_run_without_recordings_has_no_har_in_its_bundle(tmp_path: Path) -> None:
    inputs = make_run(tmp_path / "run")
    for path in (inputs.out / "work").glob("exchanges-*"):
        path.unlink()
    (inputs.out / HAR_NAME).write_text('{"log": {"version": "1.2", "entries": []}}', encoding="utf-8")  # stale
    files = entries(build_bundle(inputs))
    assert HAR_NAME not in files and json.loads(files[MANIFEST])["exchanges"] is None


def test_secret_looking_values_are_redacted_from_the_profile_copy() -> None:
    text = "name: x\ntargets:\n  api:\n    password: hunter2\n    api_key: k\n    tokens: [a]\n    base_url: u\n"
    copy = redact_profile(text).decode()
    assert "hunter2" not in copy and "k\n" not in copy and "[a]" not in copy
    assert "base_url: u" in copy and copy.count("[redacted]") == 3


def test_a_bundle_needs_the_catalog_the_run_used(tmp_path: Path) -> None:
    inputs = make_run(tmp_path / "run")
    other = tmp_path / "catalog" / "jumin" / "1.0"
    other.mkdir(parents=True)
    (other / "edition.yaml").write_text("domain: jumin\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is not the one the run used"):
        build_bundle(BundleInputs(out=inputs.out, profile=inputs.profile, catalog_root=tmp_path / "catalog"))


def test_sign_then_verify_passes(signed: Path, keys: tuple[Path, Path]) -> None:
    outcome = verify_bundle(signed, load_public_key(keys[1]))
    assert outcome.valid and outcome.files == 5
    assert outcome.signer is not None and len(outcome.signer) == 64
    assert SIGNATURE in entries(signed)


def test_any_changed_byte_fails_verification(signed: Path, keys: tuple[Path, Path]) -> None:
    """Deflated (issue 48): a changed byte is noticed unless what the archive inflates to is the same
    (a deflate stream's unused padding bits; the manifest's hashes are over the inflated contents)."""
    original = signed.read_bytes()
    public = load_public_key(keys[1])
    assert verify_bundle_bytes(original, public).valid
    contents = read_entries(original)
    passed = []
    for position in range(len(original)):  # every byte: compressed streams, headers, directory, end record
        changed = bytearray(original)
        changed[position] ^= 0x01
        if verify_bundle_bytes(bytes(changed), public).valid:
            passed.append(position)
            assert read_entries(bytes(changed)) == contents, f"byte {position} changed a verified content"
    assert len(passed) <= len(contents), f"bytes whose change went unnoticed: {passed[:20]}"


class _OneSecond(dt.datetime):
    """A clock that stays on one second: the manifest's ``created`` (to the second) is the same in both builds."""

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _OneSecond:
        return cls(2026, 11, 27, 12, 0, 0, tzinfo=tz)


def test_a_bundle_is_deflated_in_one_deterministic_form(tmp_path: Path, keys: tuple[Path, Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 48: every entry deflated, 1980-01-01 timestamps, no extra fields; the same contents give
    the same bytes; the compressed archive is far smaller than the stored one. (The two builds once straddled a
    second on a loaded machine, and their manifests' ``created`` differed: the clock is held on one second.)"""
    monkeypatch.setattr(bundle_module.dt, "datetime", _OneSecond)
    inputs = make_run(tmp_path / "a")
    first, second = build_bundle(inputs), build_bundle(inputs, tmp_path / "again.zip")
    assert first.read_bytes() == second.read_bytes()
    sign_bundle(first, load_private_key(keys[0]))
    infos = zipfile.ZipFile(first).infolist()
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)} and not any(i.extra for i in infos)
    files = read_entries(first.read_bytes())
    assert write_zip(files) == first.read_bytes()  # canonical: rebuilt from its contents, byte for byte
    assert len(first.read_bytes()) < len(write_stored_zip(files))


def test_an_old_stored_bundle_still_verifies_and_every_byte_counts(
        signed: Path, keys: tuple[Path, Path]) -> None:
    """A bundle signed before issue 48 stored its entries: the signature is over the manifest of
    contents, so the same contents stored verify, and a changed byte anywhere is noticed."""
    stored = write_stored_zip(read_entries(signed.read_bytes()))
    public = load_public_key(keys[1])
    assert {i.compress_type for i in zipfile.ZipFile(io.BytesIO(stored)).infolist()} == {zipfile.ZIP_STORED}
    assert verify_bundle_bytes(stored, public).valid
    passed = []
    for position in range(len(stored)):
        changed = bytearray(stored)
        changed[position] ^= 0x01
        if verify_bundle_bytes(bytes(changed), public).valid:
            passed.append(position)
    assert passed == [], f"bytes whose change went unnoticed: {passed[:20]}"
    old = signed.parent / "old.zip"
    old.write_bytes(stored)
    assert report_command("verify", str(old), "--key", str(keys[1])).returncode == 0


def test_forms_the_harness_does_not_write_are_refused(signed: Path, keys: tuple[Path, Path]) -> None:
    """zipfile's own archive of the same contents (timestamps, attributes), one that mixes stored and
    deflated entries, and bytes after a deflate stream's end are all refused."""
    public = load_public_key(keys[1])
    files = read_entries(signed.read_bytes())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    assert not verify_bundle_bytes(buffer.getvalue(), public).valid
    mixed = write_zip(files[:1]), write_stored_zip(files[1:])
    assert all(canonical_problem(part) is None for part in mixed)
    members = [(files[0][0], files[0][1], True), *((n, d, False) for n, d in files[1:])]
    from conformance.reporting import ziputil

    archive = ziputil._assemble([ziputil._Member(n, 8 if deflated else 0, zlib.crc32(d), len(d),
                                                  ziputil.deflate(d) if deflated else d)
                                 for n, d, deflated in members])
    assert "mixes stored and compressed" in (canonical_problem(archive) or "")
    padded = ziputil._assemble([ziputil._Member(n, 8, zlib.crc32(d), len(d), ziputil.deflate(d) + b"\0")
                                for n, d in files])
    assert "after the end of its compressed stream" in (canonical_problem(padded) or "")
    assert not verify_bundle_bytes(padded, public).valid


def rewrite(bundle: Path, change: dict[str, bytes | None]) -> None:
    """Rebuild the bundle in canonical form with entries replaced (bytes), removed (None) or added."""
    files = entries(bundle)
    for name, data in change.items():
        if data is None:
            files.pop(name)
        else:
            files[name] = data
    order = sorted(files, key=lambda name: {MANIFEST: 1, SIGNATURE: 2}.get(name, 0))
    bundle.write_bytes(write_zip([(name, files[name]) for name in order]))


def test_an_edited_file_is_named(signed: Path, keys: tuple[Path, Path]) -> None:
    rewrite(signed, {"report.html": b"<!DOCTYPE html><title>all good</title>"})
    (problem,) = problems(signed, keys[1])
    assert problem.startswith("report.html: content changed")


def test_an_edited_recording_is_named(signed: Path, keys: tuple[Path, Path]) -> None:
    har = json.loads(entries(signed)[HAR_NAME])
    har["log"]["entries"][1]["response"]["status"] = 403  # "it did refuse"
    rewrite(signed, {HAR_NAME: json.dumps(har).encode()})
    (problem,) = problems(signed, keys[1])
    assert problem.startswith(f"{HAR_NAME}: content changed")


def test_an_edited_manifest_breaks_the_signature(signed: Path, keys: tuple[Path, Path]) -> None:
    files = entries(signed)
    manifest = json.loads(files[MANIFEST])
    manifest["run"]["verdict"] = "conformant!"
    rewrite(signed, {MANIFEST: json.dumps(manifest).encode()})
    assert problems(signed, keys[1]) == [
        "manifest.sig: the signature does not match manifest.json (the manifest was changed, or another key)"
    ]


def test_added_and_removed_files_are_named(signed: Path, keys: tuple[Path, Path]) -> None:
    rewrite(signed, {"junit.xml": None, "extra.txt": b"hello"})
    assert problems(signed, keys[1]) == [
        "junit.xml: missing (listed in the manifest)",
        "extra.txt: not listed in the manifest (added after the bundle was made)",
    ]


def test_another_key_and_a_missing_signature_fail(signed: Path, tmp_path: Path) -> None:
    _, other = generate_keys(tmp_path / "other")
    (problem,) = problems(signed, other)
    assert "signed by key" in problem and "not by the given key" in problem
    rewrite(signed, {SIGNATURE: None})
    assert problems(signed, other) == ["manifest.sig is missing: the bundle is not signed (`conformance report sign`)"]


def test_signing_refuses_a_bundle_that_no_longer_matches(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    bundle = build_bundle(make_run(tmp_path / "run"))
    rewrite(bundle, {"results.json": b"{}"})
    with pytest.raises(UsageError, match=r"results\.json: content changed"):
        sign_bundle(bundle, load_private_key(keys[0]))


def test_a_passphrase_protects_the_private_key(tmp_path: Path) -> None:
    private, _ = generate_keys(tmp_path / "k", passphrase=b"correct horse")
    assert load_private_key(private, b"correct horse") is not None
    with pytest.raises(UsageError, match="not a readable PEM private key"):
        load_private_key(private, b"wrong")
    with pytest.raises(UsageError, match="exists; not overwriting"):
        generate_keys(tmp_path / "k")


def raw_zip(*members: tuple[str, bytes, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in members:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "message"), [
    ("../../etc/cron.d/evil", "unsafe entry name"),
    ("/abs/path", "unsafe entry name"),
    ("dir\\..\\x", "unsafe entry name"),
    ("C:evil", "unsafe entry name"),
])
def test_unsafe_names_are_refused(tmp_path: Path, keys: tuple[Path, Path], name: str, message: str) -> None:
    bundle = tmp_path / "evil.zip"
    bundle.write_bytes(raw_zip((name, b"x", zipfile.ZIP_STORED)))
    (problem,) = problems(bundle, keys[1])
    assert message in problem


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    bundle = tmp_path / "bomb.zip"
    bundle.write_bytes(raw_zip(("results.json", b"\0" * 20_000_000, zipfile.ZIP_DEFLATED)))
    assert bundle.stat().st_size < 100_000
    (problem,) = problems(bundle, keys[1])
    assert "exceeds the ratio limit 100:1 (zip bomb?)" in problem


def test_limits_on_size_and_entries(tmp_path: Path) -> None:
    data = raw_zip(("a", b"12345", zipfile.ZIP_STORED), ("b", b"1", zipfile.ZIP_STORED))
    with pytest.raises(Exception, match=r"at most 1 are accepted"):
        read_entries(data, Limits(entries=1))
    with pytest.raises(Exception, match="at most 4 per file"):
        read_entries(data, Limits(entry_bytes=4))
    with pytest.raises(Exception, match="at most 10 are accepted"):
        read_entries(data, Limits(archive_bytes=10))
    with pytest.warns(UserWarning, match="Duplicate name"):  # zipfile itself warns while writing it
        duplicated = raw_zip(("a", b"1", 0), ("a", b"2", 0))
    with pytest.raises(Exception, match="twice"):
        read_entries(duplicated)


def test_the_commands_keygen_bundle_sign_verify(tmp_path: Path) -> None:
    inputs = make_run(tmp_path / "run")
    assert report_command("keygen", "--out", str(tmp_path / "keys")).returncode == 0
    private, public = tmp_path / "keys" / "evidence-signing-key.pem", tmp_path / "keys" / "evidence-signing-key.pub.pem"
    assert private.stat().st_mode & 0o077 == 0
    made = report_command("bundle", str(inputs.out), "--profile", str(inputs.profile))
    assert made.returncode == 0, made.stderr
    bundle = inputs.out / "evidence.zip"
    unsigned = report_command("verify", str(bundle), "--key", str(public))
    assert unsigned.returncode == 1 and "not signed" in unsigned.stderr
    assert report_command("sign", str(bundle), "--key", str(private)).returncode == 0
    verified = report_command("verify", str(bundle), "--key", str(public), "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["valid"] is True
    rewrite(bundle, {"report.html": b"edited"})
    failed = report_command("verify", str(bundle), "--key", str(public))
    assert failed.returncode == 1 and "report.html: content changed" in failed.stderr
    wrong_key = report_command("verify", str(bundle), "--key", str(private))
    assert wrong_key.returncode == 2 and "not a readable PEM public key" in wrong_key.stderr
