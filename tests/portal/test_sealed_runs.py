"""A portal run sealed off from the portal (issue 68, item 1): a profile names only the environment's
own uploaded files and stored secrets; one that names anything outside is refused when the
environment is registered, with the reason, and again before a run starts; the child's working
directory holds the environment's files only, its variables are the environment's secrets only, and
as another OS user it cannot read the portal's home."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import World

HEADER = "name: sealed\nproduct: 見本住民記録\nversion: '1.0'\nclaims:\n- domain: jumin\n  edition: '1.0'\n"
#: The issue's attack: the portal's secret key read back as a vendor's export file.
ATTACK = HEADER + ("targets:\n  exports:\n    via: directory\n    directory: /proc/self/cwd/portal-data\n"
                   "    files: {residents_csv: secret_key}\n")
#: What a vendor's environment may say: its own files, relative; its own secret.
CONFORMING = HEADER + ("targets:\n  api:\n    base_url: https://vendor.example.jp/api/v1\n"
                       "    auth: {header: Authorization, scheme: Bearer, env: VENDOR_TOKEN}\n"
                       "  exports:\n    via: directory\n    directory: exports\n"
                       "    files: {residents_csv: jumin.csv}\n")


def environment(world: World, profile: str, secrets: dict[str, str] | None = None) -> Any:
    from conformance.portal.models import Environment

    return Environment(municipality=world.tokyo, vendor=world.vendor, name="検証環境", profile=profile,
                       secrets=secrets or {})


def refusals(world: World, profile: str, secrets: dict[str, str] | None = None) -> list[str]:
    from django.core.exceptions import ValidationError

    try:
        environment(world, profile, secrets).full_clean()
    except ValidationError as error:
        return [message for messages in error.message_dict.values() for message in messages]
    return []


def test_the_issues_profile_reading_the_portals_key_is_refused_at_registration(world: World) -> None:
    problems = refusals(world, ATTACK)
    assert any(p.startswith("targets.exports.directory: '/proc/self/cwd/portal-data'") and "absolute path" in p
               for p in problems), problems


def test_a_profile_naming_only_its_own_files_and_secrets_is_registered(world: World) -> None:
    assert refusals(world, CONFORMING, {"VENDOR_TOKEN": "the vendor's credential"}) == []


@pytest.mark.parametrize(("change", "field", "reason"), [
    (("directory: exports", "directory: ../portal-data"), "targets.exports.directory", "'..'"),
    (("directory: exports", "directory: C:/portal"), "targets.exports.directory", "absolute path"),
    (("directory: exports", "directory: ~root"), "targets.exports.directory", "absolute path"),
    (("jumin.csv", "../../etc/passwd"), "targets.exports.files.residents_csv", "'..'"),
    (("jumin.csv", "/proc/self/environ"), "targets.exports.files.residents_csv", "absolute path"),
    (("jumin.csv", ".profile.yaml"), "targets.exports.files.residents_csv", "hidden component"),
    (("jumin.csv", "a\\\\..\\\\b"), "targets.exports.files.residents_csv", "backslash"),
    (("env: VENDOR_TOKEN", "env: CONFORMANCE_PORTAL_SECRET_KEY"), "targets.api.auth.env", "not one of"),
    (("https://vendor.example.jp", "http://127.0.0.1:8000"), "targets.api.base_url", "loopback"),
    (("https://vendor.example.jp", "http://169.254.169.254"), "targets.api.base_url", "link-local"),
    (("https://vendor.example.jp", "http://localhost:8000"), "targets.api.base_url", "loopback"),
])
def test_a_profile_naming_anything_outside_is_refused_with_the_reason(
        world: World, change: tuple[str, str], field: str, reason: str) -> None:
    profile = CONFORMING.replace(*change)
    assert profile != CONFORMING
    problems = refusals(world, profile, {"VENDOR_TOKEN": "the vendor's credential"})
    assert [p for p in problems if field in p and reason in p], problems


def test_evidence_and_attestation_files_stay_inside_and_no_program_runs(world: World) -> None:
    profile = CONFORMING + ("attestations_file: /etc/attestations.yaml\n"
                            "attestations:\n- requirement: JUMIN-X\n  statement: s\n  attested_by: a\n"
                            "  date: 2026-01-01\n  evidence: [../../portal-data/secret_key]\n")
    profile = profile.replace("  exports:", "  load: {via: command, command: [cat, /etc/shadow]}\n  exports:")
    problems = refusals(world, profile, {"VENDOR_TOKEN": "t"})
    for field in ("attestations_file: '/etc/attestations.yaml'", "attestations[0].evidence[0]",
                  "targets.load.via: command"):
        assert [p for p in problems if field in p], (field, problems)


def test_a_secret_cannot_take_the_portals_names(world: World) -> None:
    problems = refusals(world, CONFORMING, {"VENDOR_TOKEN": "t", "CONFORMANCE_PORTAL_SECRET_KEY": "x"})
    assert any("CONFORMANCE_PORTAL_SECRET_KEY" in p and "uses this name" in p for p in problems), problems


def test_an_uploaded_file_name_that_climbs_out_is_refused(world: World) -> None:
    from django.core.exceptions import ValidationError

    from conformance.portal.models import EnvironmentFile

    saved = environment(world, "")
    saved.save()
    for name in ("../secret_key", "/etc/passwd", ".profile.yaml"):
        with pytest.raises(ValidationError, match="name"):
            EnvironmentFile(environment=saved, name=name, data=b"x").full_clean()
    kept = EnvironmentFile(environment=saved, name="./exports//jumin.csv", data=b"abc")
    kept.full_clean()
    assert (kept.name, kept.size) == ("exports/jumin.csv", 3)


def saved_run(world: World, profile: str, secrets: dict[str, str], files: dict[str, bytes]) -> Any:
    from conformance.portal.models import EnvironmentFile, Run

    record = environment(world, profile, secrets)
    record.save()  # as a script would: without clean()
    for name, content in files.items():
        EnvironmentFile.objects.create(environment=record, name=name, data=content, size=len(content))
    return Run.objects.create(environment=record)


def test_a_run_of_a_profile_saved_without_the_check_never_starts(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conformance.portal import tasks

    marker = tmp_path / "started"
    monkeypatch.setattr(tasks, "command", lambda *args: [sys.executable, "-c", f"open({str(marker)!r}, 'w')"])
    run = saved_run(world, ATTACK, {}, {})
    assert tasks.run_environment.call(run.pk) == "failed"
    run.refresh_from_db()
    assert "targets.exports.directory: '/proc/self/cwd/portal-data'" in run.message
    assert not marker.exists()


def test_the_child_sees_its_own_files_and_secrets_and_nothing_of_the_portal(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's working directory is the environment's data (with the profile), its variables the
    environment's secrets: a variable of the portal's environment of the same kind is not there."""
    from conformance.portal import tasks

    monkeypatch.setenv("PORTAL_ONLY_TOKEN", "the portal's own")
    monkeypatch.setenv("CONFORMANCE_PORTAL_DATABASE", "postgresql://portal:secret@db/portal")
    assert os.environ.get("CONFORMANCE_PORTAL_SECRET_KEY")
    report = ("import json, os; print(json.dumps({'cwd': os.getcwd(), 'env': sorted(os.environ), "
              "'token': os.environ.get('VENDOR_TOKEN'), 'files': sorted(os.path.relpath(os.path.join(r, f)) "
              "for r, _, fs in os.walk('.') for f in fs)}))")
    monkeypatch.setattr(tasks, "command", lambda *args: [sys.executable, "-c", report])
    run = saved_run(world, CONFORMING, {"VENDOR_TOKEN": "the vendor's credential"},
                    {"exports/jumin.csv": b"a,b\n"})
    assert tasks.run_environment.call(run.pk) == "failed"  # no bundle: the output is the message
    run.refresh_from_db()
    seen = json.loads(run.message.strip().splitlines()[-1])
    assert Path(seen["cwd"]).name == "data" and Path(seen["cwd"]).parent == Path(run.workdir)
    assert seen["files"] == [".profile.yaml", "exports/jumin.csv"]
    assert seen["token"] == "the vendor's credential"
    assert "PATH" in seen["env"] and "PORTAL_ONLY_TOKEN" not in seen["env"]
    assert not [name for name in seen["env"] if name.startswith(("CONFORMANCE_PORTAL_", "DJANGO_"))], seen
    assert not Path(run.workdir).exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="another OS user needs root")
def test_as_another_os_user_the_child_cannot_read_the_portals_home(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.conf import settings

    from conformance.portal import tasks

    home = Path(settings.HOME)
    assert home.stat().st_mode & 0o077 == 0
    monkeypatch.setenv(tasks.RUN_USER_VARIABLE, "nobody")
    # /bin/sh, not Python: the interpreter may live where nobody can read either.
    script = f"cat exports/jumin.csv; cat {home}/portal.sqlite3 >/dev/null 2>&1 || echo refused"
    monkeypatch.setattr(tasks, "command", lambda *args: ["/bin/sh", "-c", script])
    run = saved_run(world, CONFORMING, {"VENDOR_TOKEN": "t"}, {"exports/jumin.csv": b"own,data\n"})
    assert tasks.run_environment.call(run.pk) == "failed"
    run.refresh_from_db()
    assert run.message.split() == ["own,data", "refused"], run.message
