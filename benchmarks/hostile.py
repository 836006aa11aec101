"""The hostile corpus: generated bad inputs and a malicious vendor on loopback, over every surface
the harness reads; per surface, how many cases gave a clean error, a finding, and any hang, crash,
memory exhaustion, leak or half-written output.

    python benchmarks/hostile.py               # the whole corpus (about a minute)
    python benchmarks/hostile.py --surface vendor --surface cli
    python benchmarks/hostile.py --slow        # also a real run against the malicious vendor and a SIGTERM

Each case runs in a forked child process with a time limit (a hang is killed and counted) and an
address-space limit (a memory exhaustion is counted, not suffered). The fast cases of the corpus
are also tests (tests/hostile/); this script is the whole of it, and it asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile.vendor import MaliciousVendor  # noqa: E402

TOKEN = "Hostile-Token-7f3a9c"
#: What a case gives back: clean (one error for the user), finding (judged as wrong), ok (accepted,
#: as it should be), leak (a secret or personal value where it must not be), half (an output
#: half-written), crash (an exception the user would have seen).
Outcome = tuple[str, str]
Case = Callable[[Path, str], Outcome]


@dataclass(frozen=True)
class Entry:
    surface: str
    name: str
    run: Case
    seconds: float = 20.0


CORPUS: list[Entry] = []


def case(surface: str, seconds: float = 20.0) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        CORPUS.append(Entry(surface, function.__name__, function, seconds))
        return function
    return register


#: stdout and stderr of the last cli() call (leak checks read both).
LAST_OUTPUT = [""]


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """``conformance ARGS`` in this (child) process, as main() runs it: exit code and stderr."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from conformance.cli import main

    err, out = io.StringIO(), io.StringIO()
    saved = sys.argv, dict(os.environ)
    sys.argv = ["conformance", *args]
    os.environ.update(env or {})
    try:
        with redirect_stderr(err), redirect_stdout(out):
            try:
                main()
                code = 0
            except SystemExit as exit_:
                code = int(exit_.code or 0) if not isinstance(exit_.code, str) else 2
    finally:
        LAST_OUTPUT[0] = out.getvalue() + err.getvalue()
        sys.argv = saved[0]
        os.environ.clear()
        os.environ.update(saved[1])
    return code, err.getvalue()


def judged_cli(code: int, stderr: str, *, findings_exit: int = 1) -> Outcome:
    if "Traceback" in stderr or "internal error" in stderr:
        return "crash", stderr.strip().splitlines()[-1][:160]
    if code == 2:
        lines = [line for line in stderr.splitlines() if line.startswith("error:")]
        return ("clean", lines[0][:160]) if len(lines) >= 1 else ("crash", f"exit 2 without error: {stderr[:100]}")
    if code == findings_exit:
        return "finding", f"exit {code}"
    return "ok", f"exit {code}"


# -- the vendor API ---------------------------------------------------------------------------------


def vendor_client(base_url: str, recorder: Any = None, **limits: Any) -> Any:
    from conformance.profiles import ApiTarget
    from conformance.targets.http import RequestsHttpClient

    target = ApiTarget.model_validate({"base_url": base_url, "timeout_seconds": 1, "auth": {"env": "TOKEN"},
                                       **limits})
    return RequestsHttpClient(target, environ={"TOKEN": TOKEN}, recorder=recorder)


def exchange(base_url: str, path: str, **limits: Any) -> Outcome:
    from conformance.errors import ConformanceError

    started = time.monotonic()
    try:
        vendor_client(base_url, **limits).request("get", path)
    except ConformanceError as error:
        return "clean", f"{time.monotonic() - started:.1f} s: {str(error)[-90:]}"
    return "ok", "answered"


for _path in ("/drip-headers", "/drip-body", "/deep", "/wide", "/hang"):
    def _case(tmp: Path, base_url: str, path: str = _path) -> Outcome:
        return exchange(base_url, path)
    _case.__name__ = _path.strip("/").replace("-", "_")
    case("vendor")(_case)


@case("vendor")
def echoed_token_in_every_spelling(tmp: Path, base_url: str) -> Outcome:
    from conformance import secrets

    class Keep:
        def __init__(self) -> None:
            self.seen: list[Any] = []

        def record(self, exchange: Any) -> None:
            self.seen.append(exchange)

    keep = Keep()
    vendor_client(base_url, recorder=keep).request("get", "/echo")
    recorded = json.dumps([e.response_body.decode() + e.url + json.dumps(dict(e.request_headers)) for e in keep.seen])
    return ("leak", "token in the recording") if secrets.leaks(recorded, [TOKEN]) else ("clean", "redacted")


@case("vendor")
def endless_pages(tmp: Path, base_url: str) -> Outcome:
    from conformance.catalog.loader import load_edition
    from conformance.domains.jumin.checks import all_residents
    from conformance.errors import TargetError
    from conformance.targets.base import Target

    target = Target(catalog=load_edition(ROOT / "spec_catalog" / "jumin" / "1.0"), http=vendor_client(base_url))
    try:
        all_residents(target)
    except TargetError as error:
        try:
            all_residents(target)
        except TargetError as again:
            return "clean", f"{error} / then: {str(again)[-40:]}"
    return "crash", "endless pages accepted"


@case("vendor")
def run_budget_spent(tmp: Path, base_url: str) -> Outcome:
    from conformance.limits import BudgetExhausted

    client = vendor_client(base_url, run_budget_seconds=0.5)
    try:
        for number in range(100):
            try:
                client.request("get", "/drip-body", params={"n": str(number)})  # a new URL each time
            except BudgetExhausted:
                raise
            except Exception:
                pass
    except BudgetExhausted as error:
        return "clean", str(error)[:120]
    return "crash", "budget never spent"


@case("vendor")
def credential_in_a_query(tmp: Path, base_url: str) -> Outcome:
    """Issue 49: an API key in a path's query (a profile's ?apikey=..., never registered as a secret):
    the recorded exchange (HAR) and the bundle's copy of the profile keep it nowhere."""
    from conformance.masking import Scrubber
    from conformance.recorder import HarRecorder, finish_recordings, recording_path
    from conformance.reporting.bundle import redact_profile

    key = "Hostile-ApiKey-41c2"
    recorder = HarRecorder(recording_path(tmp / "work", "main"), Scrubber())
    vendor_client(base_url, recorder=recorder).request("get", "/echo", params={"apikey": key})
    recorder.close()
    har = finish_recordings(tmp / "work", tmp)
    profile = redact_profile(PROFILE.format(url="https://v.example/api")
                             + f"  load:\n    via: http\n    path: /m?apikey={key}\n")
    leaked = [name for name, text in (("HAR", har.read_text("utf-8") if har else ""),
                                      ("profile copy", profile.decode("utf-8"))) if key in text]
    return ("leak", f"the key in the {', '.join(leaked)}") if leaked else ("clean", "masked by name")


# -- export files -----------------------------------------------------------------------------------


def export_rows(**changes: str) -> str:
    from tests.checks.test_files import japanese, to_text

    return to_text([japanese(), japanese(**changes)])


def validate(path: Path) -> Outcome:
    return judged_cli(*cli("validate", str(path), "--layout", "residents_csv"))


for _name, _change in [("bidi_override", "山\u202e田"), ("zero_width", "山\u200b田"), ("noncharacter", "山\uffff田"),
                       ("ansi_escape", "\x1b[31m山田\x1b[0m"), ("long_value", "山" * 200_000)]:
    def _files(tmp: Path, base_url: str, change: str = _change) -> Outcome:
        path = tmp / "residents.csv"
        path.write_text(export_rows(氏名=change), "utf-8")
        return validate(path)
    _files.__name__ = _name
    case("files")(_files)


@case("files")
def glob_characters_in_the_name(tmp: Path, base_url: str) -> Outcome:
    named = tmp / "residents[1].csv"
    named.write_text(export_rows(氏名="\u202e"), "utf-8")  # a finding ...
    (tmp / "residents1.csv").write_text(export_rows(), "utf-8")  # ... a glob would read this clean one
    outcome = validate(named)
    return outcome if outcome[0] == "finding" else ("crash", f"silent wrong result: {outcome}")


@case("files")
def fifo_export(tmp: Path, base_url: str) -> Outcome:
    os.mkfifo(tmp / "residents.csv")
    return validate(tmp / "residents.csv")


@case("files")
def device_export(tmp: Path, base_url: str) -> Outcome:
    return validate(Path("/dev/zero"))


@case("files")
def stray_quote_merges_records(tmp: Path, base_url: str) -> Outcome:
    """A field that opens a quote and never closes it: the records after it merge into one value."""
    from tests.checks.test_files import japanese, to_text

    rows = [japanese(), japanese(), japanese()]
    lines = to_text(rows).splitlines(keepends=True)
    first, rest = lines[2].split(",", 1)
    lines[2] = f'{first},"{rest}'  # a stray quote opens the second field of line 3
    path = tmp / "residents.csv"
    path.write_text("".join(lines), "utf-8")
    code, stderr = cli("validate", str(path), "--layout", "residents_csv")
    personal = {value for row in rows for key, value in row.items()
                if key in ("氏名", "個人番号", "住民票コード", "世帯主氏名") and len(value) > 2}
    shown = [value for value in personal if value in LAST_OUTPUT[0]]
    if shown:
        return "leak", f"personal values shown unmasked: {len(shown)}"
    return judged_cli(code, stderr)


@case("files")
def every_row_fails(tmp: Path, base_url: str) -> Outcome:
    path = tmp / "residents.csv"
    from tests.checks.test_files import japanese, to_text

    path.write_text(to_text([japanese(宛名番号="x") for _ in range(3000)]), "utf-8")
    return validate(path)


# -- profiles ---------------------------------------------------------------------------------------


PROFILE = """name: x
product: x
version: '1'
claims: [{{domain: jumin, edition: '1.0'}}]
targets:
  api:
    base_url: {url}
"""


def profile_case(text: str, *, secret: str | None = None) -> Case:
    def run(tmp: Path, base_url: str) -> Outcome:
        path = tmp / "vendor.yaml"
        path.write_text(text, "utf-8")
        code, stderr = cli("run", "--profile", str(path), "--out", str(tmp / "out"))
        if secret is not None and secret in stderr:
            return "leak", "the password is in the message"
        return judged_cli(code, stderr)
    return run


for _name, _text, _secret in [
    ("port_99999", PROFILE.format(url="http://127.0.0.1:99999/api"), None),
    ("userinfo_password", PROFILE.format(url="http://alice:hunter2pass@127.0.0.1:8080/api"), "hunter2pass"),
    ("bad_scheme_with_password", PROFILE.format(url="ftp://alice:hunter2pass@h/"), "hunter2pass"),
    ("bad_host", PROFILE.format(url="'http://bad host/api'"), None),
    ("billion_laughs", "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(9)), None),
    ("alias_of_a_long_string", "a: &x '" + "x" * 3000 + "'\nb: [" + ",".join(["*x"] * 2_000_000) + "]\n", None),
    ("python_tag", "name: !!python/object/apply:os.system ['true']\n", None),
    ("deep_nesting", "a: " + "[" * 5000 + "]" * 5000 + "\n", None),
]:
    _profile = profile_case(_text, secret=_secret)
    _profile.__name__ = _name
    case("profiles")(_profile)


@case("profiles")
def fifo_profile(tmp: Path, base_url: str) -> Outcome:
    os.mkfifo(tmp / "vendor.yaml")
    return judged_cli(*cli("run", "--profile", str(tmp / "vendor.yaml"), "--out", str(tmp / "out")))


COMMAND_PROFILE = PROFILE.format(url="http://127.0.0.1:8080/api") + """  load:
    via: command
    command: [sh, -c, 'touch {marker}; sleep 600']
    timeout_seconds: 1
"""


@case("profiles")
def command_without_permission(tmp: Path, base_url: str) -> Outcome:
    """Issue 49: a profile that names a program; the user gave no --allow-profile-commands."""
    (tmp / "vendor.yaml").write_text(COMMAND_PROFILE.replace("{marker}", str(tmp / "ran")), "utf-8")
    outcome = judged_cli(*cli("run", "--profile", str(tmp / "vendor.yaml"), "--out", str(tmp / "out")))
    return ("leak", "the program ran") if (tmp / "ran").exists() else outcome


@case("profiles")
def allowed_command_that_never_returns(tmp: Path, base_url: str) -> Outcome:
    """Issue 49: allowed, a command that never returns and leaves a child: ended with its group at
    the profile's timeout."""
    from conformance.errors import TargetError
    from conformance.targets.command import run_command

    script = f"sleep 600 & echo $! > {tmp / 'child'}; sleep 600"
    try:
        run_command(["sh", "-c", script], 1.0)
    except TargetError as error:
        child = int((tmp / "child").read_text("ascii"))
        time.sleep(0.5)  # the SIGKILL lands
        state = Path(f"/proc/{child}/stat")
        if state.exists() and state.read_text("ascii").rsplit(")", 1)[1].split()[0] != "Z":
            return "hang", f"its child {child} still runs"
        return "clean", str(error)[:120]
    return "crash", "the command returned"


# -- catalogs ---------------------------------------------------------------------------------------


def catalog_with(tmp: Path, old: str, new: str) -> Path:
    import shutil

    edition = tmp / "jumin" / "1.0"
    shutil.copytree(ROOT / "spec_catalog" / "jumin" / "1.0", edition)
    items = edition / "data_items.yaml"
    items.write_text(items.read_text("utf-8").replace(old, new, 1), "utf-8")
    return edition


for _name, _pattern in [("nested_quantifier", "^(a+)+$"), ("overlapping_alternatives", "^(a|a)*$"),
                        ("polynomial_dot_star", "^(.*?,){11}P"), ("back_reference", "(a)\\1"),
                        ("invalid_regex", "(")]:
    def _catalog(tmp: Path, base_url: str, pattern: str = _pattern) -> Outcome:
        edition = catalog_with(tmp, "pattern: ^[0-9]{7}$", f"pattern: '{pattern}'")
        return judged_cli(*cli("catalog", "validate", str(edition)), findings_exit=1)
    _catalog.__name__ = _name
    case("catalogs")(_catalog)


@case("catalogs")
def requirement_text_of_nine_megabytes(tmp: Path, base_url: str) -> Outcome:
    """Issue 49: a 9 MB requirement text (within the YAML file limit of 10 MiB)."""
    import shutil

    edition = tmp / "jumin" / "1.0"
    shutil.copytree(ROOT / "spec_catalog" / "jumin" / "1.0", edition)
    chapter = edition / "requirements" / "ch01.yaml"
    text = chapter.read_text("utf-8")
    first = "  text: 日本人住民について、以下の項目を管理（※）すること。"
    chapter.write_text(text.replace(first, "  text: " + "あ" * 3_000_000, 1), "utf-8")
    return judged_cli(*cli("catalog", "validate", str(edition)), findings_exit=1)


@case("catalogs")
def fifo_catalog_file(tmp: Path, base_url: str) -> Outcome:
    os.mkfifo(tmp / "data_items.yaml")
    return judged_cli(*cli("catalog", "validate", str(tmp / "data_items.yaml")))


# -- results and bundles ----------------------------------------------------------------------------


def results_file(tmp: Path, text: str, name: str = "results.json") -> Path:
    path = tmp / name
    path.write_text(text, "utf-8")
    return path


for _name, _text in [("deep_json", "[" * 100_000 + "]" * 100_000),
                     ("wide_json", "{" + ",".join(f'"k{i}":1' for i in range(2_000_000)) + "}"),
                     ("not_results", '{"results": 5}'),
                     ("wrong_types", '{"results": [{"requirement": 1, "status": []}]}'),
                     ("domain_slash", json.dumps({"results": [], "catalog": {"editions": [
                         {"domain": "/", "edition": "..", "sha256": "0" * 64}]}}))]:
    def _merge(tmp: Path, base_url: str, text: str = _text) -> Outcome:
        path = results_file(tmp, text)
        return judged_cli(*cli("report", "merge", str(path), "--out", str(tmp / "merged")))
    _merge.__name__ = f"merge_{_name}"
    case("results")(_merge)

    def _diff(tmp: Path, base_url: str, text: str = _text) -> Outcome:
        path = results_file(tmp, text)
        return judged_cli(*cli("report", "diff", str(path), str(path)))
    _diff.__name__ = f"diff_{_name}"
    case("results")(_diff)


@case("results")
def verify_zip_bomb(tmp: Path, base_url: str) -> Outcome:
    import zipfile

    from conformance.reporting.bundle import generate_keys

    _, public = generate_keys(tmp / "keys")
    bomb = tmp / "evidence.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("results.json", b"0" * 300_000_000)
    return judged_cli(*cli("report", "verify", str(bomb), "--key", str(public)))


@case("results")
def verify_traversal(tmp: Path, base_url: str) -> Outcome:
    import zipfile

    from conformance.reporting.bundle import generate_keys

    _, public = generate_keys(tmp / "keys")
    bad = tmp / "evidence.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("../../etc/passwd", b"x")
    return judged_cli(*cli("report", "verify", str(bad), "--key", str(public)))


@case("results")
def bundle_with_a_secret(tmp: Path, base_url: str) -> Outcome:
    """A report that holds the token (base64): the bundle must refuse to be written."""
    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from report_helpers import document, result, write_results

    out = tmp / "run"
    write_results(out, document([result("jumin-1.0-3.4-R001", "PASS")]))
    (out / "report.html").write_text(base64.b64encode(TOKEN.encode()).decode(), "utf-8")
    profile = tmp / "vendor.yaml"
    profile.write_text(PROFILE.format(url="https://vendor.example/api") + "    auth: {env: HOSTILE_TOKEN}\n", "utf-8")
    code, stderr = cli("report", "bundle", str(out), "--profile", str(profile), env={"HOSTILE_TOKEN": TOKEN})
    if (out / "evidence.zip").exists():
        return "leak", "bundle written with the token"
    return judged_cli(code, stderr)


# -- the writers (issue 49, item 2) ------------------------------------------------------------------


WRITER_TEXT = "\x1b[31mred\x1b[0m nul\x00 bell\x07 bidi\u202e surrogate\ud800 nonchar\ufffe"


def hostile_results() -> dict[str, Any]:
    """A results document whose waiver, reasons, findings, problems and stop reason hold WRITER_TEXT."""
    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from report_helpers import document, finding, result

    rid = "jumin-1.0-3.4-R001"
    waiver = {"requirement": rid, "reason": WRITER_TEXT, "criterion": WRITER_TEXT, "ticket": WRITER_TEXT,
              "approver": WRITER_TEXT, "expires": "2099-12-31"}
    doc = document([result(rid, "WAIVED", reason=WRITER_TEXT),
                    result("jumin-1.0-3.4-R002", "FAIL", findings=[finding("x.y", WRITER_TEXT, WRITER_TEXT)]),
                    result("jumin-1.0-3.5-R001", "ERROR", reason=WRITER_TEXT)],
                   problems=(WRITER_TEXT,), stopped=WRITER_TEXT, waivers=[waiver])
    doc["profile"]["product"] = WRITER_TEXT
    return doc


def written(path: Path, check: Callable[[bytes], object]) -> Outcome:
    """An output is judged: whole and readable by its format's reader, no control character raw."""
    import re

    data = path.read_bytes()
    check(data)
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e\ud800-\udfff]", data.decode("utf-8")):
        return "leak", f"{path.name}: a control character written raw"
    return "clean", f"{path.name}: {len(data)} bytes, escapes only"


@case("writers")
def junit_with_a_hostile_waiver(tmp: Path, base_url: str) -> Outcome:
    import xml.etree.ElementTree as ET

    from conformance.reporting.junit import write_junit

    write_junit(tmp / "junit.xml", hostile_results())
    return written(tmp / "junit.xml", ET.fromstring)


@case("writers")
def report_html_with_a_hostile_waiver(tmp: Path, base_url: str) -> Outcome:
    from conformance.catalog.loader import load_edition
    from conformance.reporting.html import write_report

    requirements = {r.id: r for r in load_edition(ROOT / "spec_catalog" / "jumin" / "1.0").requirements}
    write_report(tmp / "report.html", hostile_results(), requirements)
    return written(tmp / "report.html", lambda data: data.decode("utf-8"))


@case("writers")
def results_json_with_a_hostile_waiver(tmp: Path, base_url: str) -> Outcome:
    from conformance.reporting.json_report import write_json_atomic

    document = hostile_results()
    write_json_atomic(tmp / "results.json", document)
    # JSON carries every character (escaped where it must be): the text read back is the text written.
    same = json.loads((tmp / "results.json").read_bytes().decode("utf-8")) == document
    return ("clean", "results.json: read back the same") if same else ("crash", "results.json: read back different")


@case("writers")
def xlsx_with_hostile_texts(tmp: Path, base_url: str) -> Outcome:
    from conformance.reporting import xlsx

    rows = list(xlsx.rows(hostile_results(), ROOT / "spec_catalog"))
    data = xlsx.workbook([xlsx.Row(rows[0].requirement, WRITER_TEXT, WRITER_TEXT, WRITER_TEXT)], WRITER_TEXT)
    (tmp / "list.xlsx").write_bytes(data)
    return "clean", f"list.xlsx: {len(data)} bytes"


# -- the command line -------------------------------------------------------------------------------


for _name, _args in [
    ("keygen_onto_a_file", ["report", "keygen", "--out", "{tmp}/afile"]),
    ("keygen_into_proc", ["report", "keygen", "--out", "/proc/keys"]),
    ("sign_garbage_key", ["report", "sign", "{tmp}/afile", "--key", "{tmp}/afile"]),
    ("verify_fifo", ["report", "verify", "{tmp}/fifo", "--key", "{tmp}/fifo"]),
    ("openapi_bad_out", ["catalog", "openapi", "--domain", "jumin", "--out", "/proc/x.json"]),
    ("schema_onto_a_file", ["catalog", "schema", "--out", "{tmp}/afile"]),
    ("serve_port_99999", ["reference", "serve", "--port", "99999"]),
    ("run_unknown_domain", ["run", "--domain", "no_such", "--out", "{tmp}/o"]),
    ("run_out_onto_a_file", ["run", "--out", "{tmp}/afile"]),
    ("run_out_in_proc", ["run", "--out", "/proc/x"]),
]:
    def _cli(tmp: Path, base_url: str, args: list[str] = _args) -> Outcome:
        (tmp / "afile").write_text("x", "utf-8")
        os.mkfifo(tmp / "fifo")
        return judged_cli(*cli(*[arg.format(tmp=tmp) for arg in args]))
    _cli.__name__ = _name
    case("cli")(_cli)


for _name, _args in [
    ("verify_bundle_fifo", ["report", "verify", "{tmp}/fifo", "--key", "{tmp}/keys/evidence-signing-key.pub.pem"]),
    ("verify_bundle_dev_zero", ["report", "verify", "{tmp}/zero", "--key", "{tmp}/keys/evidence-signing-key.pub.pem"]),
    ("serve_data_fifo", ["reference", "serve", "--port", "0", "--data", "{tmp}/fifo"]),
    ("serve_data_dev_zero", ["reference", "serve", "--port", "0", "--data", "{tmp}/zero"]),
]:
    def _special(tmp: Path, base_url: str, args: list[str] = _args) -> Outcome:
        """Issue 49: a FIFO or a link to /dev/zero where a file is read (with a valid key)."""
        from conformance.reporting.bundle import generate_keys

        os.mkfifo(tmp / "fifo")
        (tmp / "zero").symlink_to("/dev/zero")
        generate_keys(tmp / "keys")
        return judged_cli(*cli(*[arg.format(tmp=tmp) for arg in args]))
    _special.__name__ = _name
    case("cli")(_special)


@case("cli")
def second_run_into_a_locked_out(tmp: Path, base_url: str) -> Outcome:
    from conformance.cli.run import _prepare_out

    out = tmp / "out"
    _prepare_out(out)  # held by this "first run"
    second = subprocess.run([sys.executable, "-m", "conformance", "run", "--out", str(out)],
                            capture_output=True, text=True, timeout=120, check=False)
    return judged_cli(second.returncode, second.stderr)


# -- slow: whole runs -------------------------------------------------------------------------------


def slow_cases() -> None:
    @case("runs", seconds=300)
    def run_against_the_malicious_vendor(tmp: Path, base_url: str) -> Outcome:
        """A whole run, with a bearer token, against a vendor that echoes it on every path: it ends
        within its limits, and the token is in none of the outputs, in any spelling."""
        import zipfile

        from conformance import secrets

        profile = tmp / "vendor.yaml"
        profile.write_text(PROFILE.format(url=base_url) + "    timeout_seconds: 1\n    run_budget_seconds: 60\n"
                           "    auth: {env: HOSTILE_TOKEN}\n  load: {via: none}\n", "utf-8")
        run = subprocess.run([sys.executable, "-m", "conformance", "run", "--profile", str(profile), "--out",
                              str(tmp / "out")], capture_output=True, text=True, timeout=280, check=False,
                             env={**os.environ, "HOSTILE_TOKEN": TOKEN})
        if "Traceback" in run.stderr:
            return "crash", run.stderr.strip().splitlines()[-1]
        results = tmp / "out" / "results.json"
        if not results.is_file():
            return "half", f"exit {run.returncode} without results.json"
        texts = {"stderr": run.stderr, "stdout": run.stdout}
        for path in (tmp / "out").rglob("*"):
            if path.is_file() and path.suffix != ".zip":
                texts[str(path.relative_to(tmp))] = path.read_bytes().decode("utf-8", "replace")
        bundle = tmp / "out" / "evidence.zip"
        if bundle.is_file():
            with zipfile.ZipFile(bundle) as archive:
                texts.update({f"evidence.zip:{n}": archive.read(n).decode("utf-8", "replace")
                              for n in archive.namelist()})
        leaked = [name for name, text in texts.items() if secrets.leaks(text, [TOKEN])]
        if leaked:
            return "leak", f"token in {', '.join(leaked)}"
        verdict = json.loads(results.read_text("utf-8"))["verdict"]
        return "clean", f"exit {run.returncode}: {verdict}, token in none of {len(texts)} outputs"

    @case("runs", seconds=300)
    def sigterm_mid_run(tmp: Path, base_url: str) -> Outcome:
        process = subprocess.Popen([sys.executable, "-m", "conformance", "run", "--out", str(tmp / "out")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(25)
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=120)
        results = tmp / "out" / "results.json"
        if not results.is_file():
            return "half", f"exit {process.returncode} without results.json"
        verdict = json.loads(results.read_text("utf-8"))["verdict"]
        return ("clean", f"exit {process.returncode}, {verdict}") if verdict == "not_run" else (
            "crash", f"silent wrong result: {verdict} after SIGTERM")


# -- running ----------------------------------------------------------------------------------------


def _child(entry: Entry, base_url: str, queue: Any) -> None:
    limit = 3 << 30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with tempfile.TemporaryDirectory() as temp:
        try:
            outcome = entry.run(Path(temp), base_url)
        except MemoryError:
            outcome = ("memory", "MemoryError")
        except BaseException as error:
            outcome = ("crash", "".join(traceback.format_exception_only(error)).strip()[:160])
    queue.put(outcome)


def run_entry(entry: Entry, base_url: str) -> tuple[Outcome, float]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(entry, base_url, queue))
    started = time.monotonic()
    process.start()
    process.join(entry.seconds)
    if process.is_alive():
        process.kill()
        process.join()
        return ("hang", f"killed after {entry.seconds:g} s"), time.monotonic() - started
    seconds = time.monotonic() - started
    if queue.empty():
        return ("crash", f"child died (exit {process.exitcode})"), seconds
    outcome: Outcome = queue.get()
    return outcome, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--surface", action="append", help="Only these surfaces (repeatable).")
    parser.add_argument("--slow", action="store_true", help="Also whole runs (a malicious vendor, SIGTERM).")
    parser.add_argument("--verbose", "-v", action="store_true", help="One line per case.")
    options = parser.parse_args()
    if options.slow:
        slow_cases()
    chosen = [entry for entry in CORPUS if not options.surface or entry.surface in options.surface]
    tally: dict[str, Counter[str]] = {}
    bad: list[str] = []
    with MaliciousVendor(max_seconds=30, max_requests=100_000) as vendor:
        for entry in chosen:
            (kind, detail), seconds = run_entry(entry, vendor.base_url)
            tally.setdefault(entry.surface, Counter())[kind] += 1
            line = f"{entry.surface:9} {entry.name:34} {kind:8} {seconds:5.1f} s  {detail}"
            if options.verbose:
                print(line, flush=True)
            if kind not in ("clean", "finding", "ok"):
                bad.append(line)
        requests = len(vendor.requests)
    kinds = ["clean", "finding", "ok", "hang", "crash", "memory", "leak", "half"]
    print(f"\n{'surface':10}{'cases':>6}" + "".join(f"{kind:>9}" for kind in kinds))
    for surface, counts in tally.items():
        print(f"{surface:10}{sum(counts.values()):>6}" + "".join(f"{counts[kind]:>9}" for kind in kinds))
    total = sum((counts for counts in tally.values()), Counter())
    print(f"{'all':10}{sum(total.values()):>6}" + "".join(f"{total[kind]:>9}" for kind in kinds))
    print(f"\nmalicious vendor: {requests} requests served")
    for line in bad:
        print("NOT HANDLED:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
