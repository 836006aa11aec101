"""The hostile corpus: generated bad inputs and a malicious vendor on loopback, over every surface
the harness reads; per surface, how many cases gave a clean error, a finding, and any hang, crash,
memory exhaustion, leak or half-written output.

    python benchmarks/hostile.py               # the whole corpus (about a minute)
    python benchmarks/hostile.py --surface vendor --surface cli
    python benchmarks/hostile.py --slow        # also a real run against the malicious vendor and a SIGTERM

Each case runs in a forked child process with a time limit (a hang is killed and counted) and an
address-space limit of 2 GiB (what a batch system or a shared host gives; the harness sizes itself to
it, issue 49). Its memory is measured against the normal peak of the same command: each surface (or
case) names a baseline, the command given a normal input, run first in a child of its own; a case
whose peak resident memory is more than twice the baseline's (plus 100 MiB) counts as a memory
exhaustion even though it ended. The fast cases of the corpus are also tests (tests/hostile/); this
script is the whole of it, and it asserts nothing.

    python benchmarks/hostile.py --surface memory -v     # the two large files of issue 49 under 2 GiB
    python benchmarks/hostile.py --slow --surface runs    # and the README's main command under 2 GiB
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
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
    #: The baseline whose peak is this case's normal (default: its surface's).
    baseline: str = ""

    @property
    def normal(self) -> str:
        return self.baseline or SURFACE_BASELINES.get(self.surface, "")


CORPUS: list[Entry] = []
#: The command of each surface given a normal input: the peak a case of the surface is measured against.
BASELINES: dict[str, Case] = {}
SURFACE_BASELINES = {"vendor": "vendor_answer", "files": "validate_conforming", "profiles": "profile_loaded",
                     "catalogs": "catalog_validate", "results": "report_merge", "cli": "cli_help",
                     "writers": "writers_normal"}
#: Address space of every case's child (``ulimit -v``): the harness must live within it.
ADDRESS_SPACE = 2 << 30
#: A case over this many times its baseline's peak resident memory (plus the slack) is a memory exhaustion.
PEAK_FACTOR, PEAK_SLACK_MIB = 2.0, 100


def case(surface: str, seconds: float = 20.0, baseline: str = "") -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        CORPUS.append(Entry(surface, function.__name__, function, seconds, baseline))
        return function
    return register


def normal(name: str) -> Callable[[Case], Case]:
    """A baseline: a command given a normal input (its outcome is not counted, its peak is)."""
    def register(function: Case) -> Case:
        BASELINES[name] = function
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
    # The command in this process, not in a supervised child (memory.supervise): its output is read
    # here, and a death inside a native library is this child's, counted as a crash.
    os.environ.update({"CONFORMANCE_SUPERVISED": "1", **(env or {})})
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

    system = xlsx.systems(hostile_results(), ROOT / "spec_catalog")[0]
    rows = (xlsx.Row(system.rows[0].requirement, WRITER_TEXT, WRITER_TEXT, WRITER_TEXT),)
    filing = xlsx.Filing(WRITER_TEXT, WRITER_TEXT, WRITER_TEXT, WRITER_TEXT, provenance=((WRITER_TEXT, WRITER_TEXT),))
    data = xlsx.workbook([dataclasses.replace(system, rows=rows)], filing, WRITER_TEXT)
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
def bundle_profile_fifo(tmp: Path, base_url: str) -> Outcome:
    """Issue 49: `report bundle --profile` naming a FIFO (it was read without a type check)."""
    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from report_helpers import document, result, write_results

    write_results(tmp / "run", document([result("jumin-1.0-3.4-R001", "PASS")]))
    os.mkfifo(tmp / "fifo")
    return judged_cli(*cli("report", "bundle", str(tmp / "run"), "--profile", str(tmp / "fifo")))


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
    @case("runs", seconds=900, baseline="reference_run")
    def readme_main_command_under_2gib(tmp: Path, base_url: str) -> Outcome:
        """Issue 49: the README's main command under a 2 GiB address-space limit (the child's, inherited)."""
        run = subprocess.run([sys.executable, "-m", "conformance", "run", "--workers", "auto", "--out",
                              str(tmp / "out")], capture_output=True, text=True, timeout=880, check=False)
        if not (tmp / "out" / "results.json").is_file():
            return "half", f"exit {run.returncode} without results.json: {run.stderr.strip()[-120:]}"
        return judged_cli(run.returncode, run.stderr, findings_exit=3)

    @case("memory", seconds=900, baseline="validate_large_conforming")
    def validate_beyond_a_1g_limit(tmp: Path, base_url: str) -> Outcome:
        """Issue 49: work that cannot be done within the limit (1.9 million failing rows, 520 MB, under
        --memory-limit 1G): one error line, exit 2, no output (polars aborted with no message)."""
        path = large_export(tmp, 1_900_000, failing=True)
        run = subprocess.run([sys.executable, "-m", "conformance", "--memory-limit", "1G", "validate", str(path),
                              "--layout", "residents_csv", "--out", str(tmp / "out")],
                             capture_output=True, text=True, timeout=880, check=False)
        if (tmp / "out").exists() and any((tmp / "out").iterdir()) and run.returncode != 1:
            return "half", f"exit {run.returncode} with outputs: {sorted(p.name for p in (tmp / 'out').iterdir())}"
        return judged_cli(run.returncode, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "")

    @case("runs", seconds=300, baseline="reference_run")
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

    @case("runs", seconds=300, baseline="reference_run")
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


# -- memory (issue 49, item 5): the two large files under 2 GiB ---------------------------------------


def large_export(tmp: Path, rows: int, *, failing: bool, encoding: str = "utf-8") -> Path:
    """An export of ``rows`` town rows (benchmarks/export_validation.py's generator): conforming, or
    every key repeated in every tile and a fictional 市区町村コード on every row (a finding on almost
    every record)."""
    from export_validation import generate

    path = tmp / "residents.csv"
    generate(path, rows, 0.0, 20200901, worst_case=failing)
    if encoding != "utf-8":
        path.write_bytes(path.read_text("utf-8").encode(encoding, "replace"))
    return path


@normal("validate_large_conforming")
def _validate_large_conforming(tmp: Path, base_url: str) -> Outcome:
    return validate(large_export(tmp, 200_000, failing=False))


@case("memory", seconds=600, baseline="validate_large_conforming")
def validate_200k_failing_rows(tmp: Path, base_url: str) -> Outcome:
    """200,000 rows that fail (54 MB): SIGABRT inside the engine under 2 GiB before issue 49."""
    return validate(large_export(tmp, 200_000, failing=True))


@case("memory", seconds=600, baseline="validate_large_conforming")
def validate_60mb_cp932(tmp: Path, base_url: str) -> Outcome:
    """A CP932 export of 250,000 rows (60 MB): SIGABRT inside the engine under 2 GiB before issue 49."""
    path = large_export(tmp, 250_000, failing=False, encoding="cp932")
    return judged_cli(*cli("validate", str(path), "--layout", "residents_csv_cp932"))


# -- the normal inputs each surface is measured against ------------------------------------------------


@normal("vendor_answer")
def _vendor_answer(tmp: Path, base_url: str) -> Outcome:
    vendor_client(base_url).request("get", "/echo")
    return "ok", "answered"


@normal("validate_conforming")
def _validate_conforming(tmp: Path, base_url: str) -> Outcome:
    path = tmp / "residents.csv"
    path.write_text(export_rows(), "utf-8")
    return validate(path)


@normal("profile_loaded")
def _profile_loaded(tmp: Path, base_url: str) -> Outcome:
    """A valid profile, loaded and checked; the run stops at the next check (--workers 2 is for the reference)."""
    (tmp / "vendor.yaml").write_text(PROFILE.format(url="https://vendor.example/api"), "utf-8")
    return judged_cli(*cli("run", "--profile", str(tmp / "vendor.yaml"), "--out", str(tmp / "out"), "--workers", "2"))


@normal("catalog_validate")
def _catalog_validate(tmp: Path, base_url: str) -> Outcome:
    return judged_cli(*cli("catalog", "validate", str(ROOT / "spec_catalog" / "jumin" / "1.0")))


@normal("report_merge")
def _report_merge(tmp: Path, base_url: str) -> Outcome:
    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from report_helpers import document, result, write_results

    path = write_results(tmp / "run", document([result("jumin-1.0-3.4-R001", "PASS")]))
    return judged_cli(*cli("report", "merge", str(path), "--out", str(tmp / "merged")))


@normal("cli_help")
def _cli_keygen(tmp: Path, base_url: str) -> Outcome:
    return judged_cli(*cli("report", "keygen", "--out", str(tmp / "keys")))


@normal("writers_normal")
def _writers_normal(tmp: Path, base_url: str) -> Outcome:
    from conformance.catalog.loader import load_edition
    from conformance.reporting.html import write_report
    from conformance.reporting.junit import write_junit

    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from report_helpers import document, result

    normal_document = document([result("jumin-1.0-3.4-R001", "PASS")])
    write_junit(tmp / "junit.xml", normal_document)
    requirements = {r.id: r for r in load_edition(ROOT / "spec_catalog" / "jumin" / "1.0").requirements}
    write_report(tmp / "report.html", normal_document, requirements)
    return "ok", "written"


@normal("reference_run")
def _reference_run(tmp: Path, base_url: str) -> Outcome:
    """The README's main command, against the bundled reference: the normal peak of a whole run."""
    run = subprocess.run([sys.executable, "-m", "conformance", "run", "--workers", "auto", "--out", str(tmp / "out")],
                         capture_output=True, text=True, timeout=900, check=False)
    return judged_cli(run.returncode, run.stderr, findings_exit=3)


# -- running ----------------------------------------------------------------------------------------


def peak_mib() -> int:
    """This process's peak resident memory (VmHWM), in MiB, with that of the children it waited for
    (a whole run's subprocess)."""
    import re

    status = Path("/proc/self/status").read_text("ascii")
    own = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) >> 10  # type: ignore[union-attr]
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >> 10
    return max(own, children)


def _child(function: Case, base_url: str, queue: Any) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    with tempfile.TemporaryDirectory() as temp:
        try:
            outcome = function(Path(temp), base_url)
        except MemoryError:
            outcome = ("memory", "MemoryError")
        except BaseException as error:
            outcome = ("crash", "".join(traceback.format_exception_only(error)).strip()[:160])
    queue.put((outcome, peak_mib()))


def run_entry(entry: Entry, base_url: str, function: Case | None = None) -> tuple[Outcome, float, int]:
    """A case (or a baseline: ``function``) in a forked child: its outcome, seconds and peak MiB."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(function or entry.run, base_url, queue))
    started = time.monotonic()
    process.start()
    process.join(entry.seconds)
    if process.is_alive():
        process.kill()
        process.join()
        return ("hang", f"killed after {entry.seconds:g} s"), time.monotonic() - started, 0
    seconds = time.monotonic() - started
    if queue.empty():
        return ("crash", f"child died (exit {process.exitcode})"), seconds, 0
    outcome, peak = queue.get()
    return outcome, seconds, peak


def against_normal(outcome: Outcome, peak: int, normal_peak: int | None) -> tuple[Outcome, str]:
    """The outcome judged by memory too, and the figure: the case's peak against its command's normal."""
    if not normal_peak or not peak:
        return outcome, f"{peak:5d} MiB"
    figure = f"{peak:5d} MiB {peak / normal_peak:4.1f}x"
    if outcome[0] in ("clean", "finding", "ok") and peak > PEAK_FACTOR * normal_peak + PEAK_SLACK_MIB:
        return ("memory", f"{peak} MiB, {peak / normal_peak:.1f} times the normal {normal_peak} MiB"), figure
    return outcome, figure


def normal_peaks(chosen: list[Entry], base_url: str) -> dict[str, int]:
    """Each baseline the chosen cases need, run once: its peak."""
    peaks: dict[str, int] = {}
    for name in sorted({entry.normal for entry in chosen if entry.normal in BASELINES}):
        probe = Entry("baseline", name, BASELINES[name], 600)
        (kind, detail), seconds, peak = run_entry(probe, base_url)
        print(f"normal    {name:34} {kind:8} {seconds:5.1f} s {peak:5d} MiB  {detail[:80]}", flush=True)
        peaks[name] = peak
    return peaks


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
        peaks = normal_peaks(chosen, vendor.base_url)
        for entry in chosen:
            outcome, seconds, peak = run_entry(entry, vendor.base_url)
            (kind, detail), figure = against_normal(outcome, peak, peaks.get(entry.normal))
            tally.setdefault(entry.surface, Counter())[kind] += 1
            line = f"{entry.surface:9} {entry.name:34} {kind:8} {seconds:5.1f} s {figure}  {detail}"
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
