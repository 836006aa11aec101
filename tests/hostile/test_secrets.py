"""Item 2 of the hostile-inputs issue: secrets redacted by value, in every spelling the harness
decodes, from recordings, findings and the bundle; the bundle refuses a member that holds one."""

from __future__ import annotations

import base64
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance import secrets
from conformance.masking import Scrubber, scrub_document
from conformance.profiles import ApiTarget
from conformance.reporting.bundle import BundleInputs, SecretInBundle, build_bundle
from conformance.targets.http import Exchange, RequestsHttpClient
from hostile.vendor import MaliciousVendor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))
from report_helpers import CATALOG, document, result, write_results

TOKEN = "Tok3n-Secret-Value-42"


def spellings(token: str) -> list[str]:
    """Every way a vendor may echo ``token`` that the harness could decode."""
    return [token, token.lower(), token.upper(), "".join(f"\\u{ord(c):04x}" for c in token),
            "".join(f"\\u{ord(c):04X}" for c in token), base64.b64encode(token.encode()).decode(),
            base64.b64encode(f"Bearer {token}".encode()).decode(),
            base64.urlsafe_b64encode(b"x" + token.encode()).decode(),
            "".join(f"%{ord(c):02X}" for c in token)]


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    secrets.forget_all()
    yield
    secrets.forget_all()


@pytest.mark.run_scopes
def test_a_run_forgets_its_secrets_when_the_last_run_of_the_process_ends() -> None:
    secrets.register(TOKEN)  # known before any run (the process's own): kept
    with secrets.run_scope():
        secrets.register("first-run-password")
        with secrets.run_scope():  # another run of the same process, going on at the same time
            secrets.register("second-run-session")
        # The second run ended while the first may still write the second's secrets: both kept.
        assert {"first-run-password", "second-run-session"} <= secrets.known()
        assert secrets.redact("x second-run-session y") == f"x {secrets.REDACTED} y"
    assert secrets.known() == {TOKEN}
    assert secrets.redact(f"{TOKEN} first-run-password") == f"{secrets.REDACTED} first-run-password"


@pytest.mark.run_scopes
def test_a_run_forgets_its_secrets_even_when_it_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from conformance.cli import run as run_module

    def logs_in_and_fails(options: run_module.RunOptions, product: str, version: str, out: Path,
                          console: object) -> int:
        secrets.register("a-password-of-the-run")
        raise RuntimeError("the run broke")

    monkeypatch.setattr(run_module, "_run_locked", logs_in_and_fails)
    with pytest.raises(RuntimeError, match="the run broke"):
        run_module.run_suite(run_module.RunOptions(profile=None, domains=[], out=tmp_path / "out", catalog=None,
                                                   extra=[]))
    assert "a-password-of-the-run" not in secrets.known()


@pytest.mark.parametrize("spelling", range(9))
def test_every_spelling_is_redacted(spelling: int) -> None:
    secrets.register(TOKEN)
    text = f"before {spellings(TOKEN)[spelling]} after"
    assert secrets.leaks(text)
    redacted = secrets.redact(text)
    assert not secrets.leaks(redacted)
    assert redacted.startswith("before ") and redacted.endswith(" after") and secrets.REDACTED in redacted


def test_short_and_unrelated_values_are_left_alone() -> None:
    secrets.register("ab", TOKEN)
    assert secrets.redact("ab cd Token") == "ab cd Token"


def test_the_case_twins_are_every_non_ascii_letter_a_case_insensitive_pattern_takes_for_an_ascii_one() -> None:
    # The fast path of redact trusts str.lower for every character but these: try every code point.
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(code) for code in range(0x80, sys.maxunicode + 1)
             if not 0xD800 <= code <= 0xDFFF and letters.fullmatch(chr(code))}
    assert found == set(secrets.CASE_TWINS)


def test_a_case_twin_spelling_is_still_redacted() -> None:
    secrets.register("kiss-token")
    text = "x \u212aiss-token \u017fecond"  # Kelvin sign for k: re matches it case-insensitively
    assert secrets.REDACTED in secrets.redact("x \u212aiss-token y")
    assert secrets.redact(text) != text


_ALPHABET = st.sampled_from([*"aAkKsSiI0-%\\u{}\"= 住民", "\u212a", "\u017f", "\u0130", "\u0131", "%6b", "\\u004b"])


@given(secret=st.text(st.sampled_from([*"aAkKsSiI0-z"]), min_size=4, max_size=8),
       parts=st.lists(st.one_of(_ALPHABET, st.just("<secret>")), max_size=12), upper=st.booleans())
@settings(max_examples=budget(300), deadline=None)
def test_the_fast_path_redacts_exactly_what_the_pattern_does(secret: str, parts: list[str], upper: bool) -> None:
    secrets.forget_all()
    secrets.register(secret)
    shown = secret.upper() if upper else secret
    text = "".join(shown if part == "<secret>" else part for part in parts)
    pattern = secrets.secrets_pattern([secret])
    assert pattern is not None
    expected = pattern.sub(secrets.REDACTED, text)
    assert secrets.redact(text) == expected
    assert secrets.redact_bytes(text.encode()) == expected.encode()


_FILLER = st.sampled_from(["", " " * 40, "x" * 90, "住民" * 30])


@given(secrets_=st.lists(st.text(st.sampled_from([*"aAkKsSiI0-z"]), min_size=4, max_size=8), min_size=1, max_size=3),
       parts=st.lists(st.one_of(_ALPHABET, _FILLER, st.sampled_from(["<secret>", "<escaped>", "<twinned>"])),
                      max_size=16),
       upper=st.booleans())
@settings(max_examples=budget(400), deadline=None)
def test_the_finder_answers_exactly_what_the_pattern_does(secrets_: list[str], parts: list[str], upper: bool) -> None:
    """The bundle's check runs the full pattern only near escapes and twins: the same answer on texts
    where the secret stands far from, next to, or spelled with escapes among long unrelated text."""
    secret = secrets_[0]
    shown = secret.upper() if upper else secret
    escaped = "".join(f"\\u{ord(c):04X}" if index % 2 else f"%{ord(c):02x}" for index, c in enumerate(secret))
    # Letters as the case twins re takes for them (dotless i, Kelvin sign, long s): str.lower keeps them apart.
    twinned = shown.translate(str.maketrans({"i": "\u0131", "I": "\u0130", "k": "\u212a", "s": "\u017f"}))
    spelled = {"<secret>": shown, "<escaped>": escaped, "<twinned>": twinned}
    text = "".join(spelled.get(part, part) for part in parts)
    pattern = secrets.secrets_pattern(secrets_)
    assert pattern is not None
    assert secrets.Finder(secrets_).found(text) == (pattern.search(text) is not None)


@given(secrets_=st.lists(st.text(st.sampled_from([*"aAkKsSiI0-z"]), min_size=4, max_size=8), min_size=1, max_size=3),
       parts=st.lists(st.one_of(_ALPHABET, st.sampled_from(["<secret>", "<twinned>", "<core>", "<bad byte>"])),
                      max_size=8),
       upper=st.booleans())
@settings(max_examples=budget(60), deadline=None)
def test_a_large_text_gets_the_same_answer_as_the_pattern(secrets_: list[str], parts: list[str], upper: bool) -> None:
    """Past 64 KB the plain spellings are searched all at once (Aho-Corasick); a text holding bytes that were
    not UTF-8 (surrogates) takes the substring searches. Either way the answer is the pattern's."""
    secret = secrets_[0]
    shown = secret.upper() if upper else secret
    twinned = shown.translate(str.maketrans({"i": "\u0131", "I": "\u0130", "k": "\u212a", "s": "\u017f"}))
    core = base64.b64encode(secret.encode()).decode().rstrip("=")
    spelled = {"<secret>": shown, "<twinned>": twinned, "<core>": core, "<bad byte>": "\udcff"}
    filler = "住民、" * 12_000
    text = filler + "".join(spelled.get(part, part) for part in parts) + filler
    pattern = secrets.secrets_pattern(secrets_)
    assert pattern is not None and len(text) > 1 << 16
    assert secrets.Finder(secrets_).found(text) == (pattern.search(text) is not None)


@given(secrets_=st.lists(st.text(st.sampled_from([*"aAkKsSiI0-z"]), min_size=4, max_size=8), min_size=2, max_size=4),
       parts=st.lists(st.one_of(_ALPHABET, st.sampled_from(["<0>", "<1>", "<2>", "<escaped>"])), max_size=12))
@settings(max_examples=budget(200), deadline=None)
def test_several_secrets_are_all_redacted_whatever_their_overlaps(secrets_: list[str], parts: list[str]) -> None:
    """Each secret has its own pattern (compiled once); redacting them one after the other, longest first,
    leaves no spelling of any, also where one secret holds or overlaps another."""
    escaped = "".join(f"%{ord(c):02x}" for c in secrets_[-1])
    spelled = {f"<{index}>": value for index, value in enumerate(secrets_)} | {"<escaped>": escaped}
    text = "".join(spelled.get(part, part) for part in parts)
    redacted = secrets.redact(text, secrets_)
    assert not secrets.Finder(secrets_).found(redacted)
    pattern = secrets.secrets_pattern(secrets_)
    assert pattern is not None and pattern.search(redacted) is None


@given(secret=st.text(st.sampled_from([*"aAkKsSiI0-z"]), min_size=4, max_size=8),
       runs=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 400)), min_size=1, max_size=4),
       at=st.integers(0, 4), cut=st.integers(0, 1), escaped_chars=st.lists(st.booleans(), min_size=8, max_size=8),
       escape=st.sampled_from(["%{:02x}", "%{:02X}", "\\u00{:02x}"]))
@settings(max_examples=budget(300), deadline=None)
def test_a_secret_among_dense_escapes_gets_the_patterns_answer(
        secret: str, runs: list[tuple[int, int]], at: int, cut: int, escaped_chars: list[bool], escape: str) -> None:
    """Where escapes of a secret's characters are dense (an anchor every third character), the finder skips the
    anchors that cannot widen its window (docs/performance.md, twentieth pass): a secret anywhere among them and
    plain text, some of its characters escaped, whole or cut short, gets the pattern's answer."""
    spelled = "".join(escape.format(ord(c)) if escaped else c
                      for c, escaped in zip(secret, escaped_chars, strict=False))[: len(secret) * 6 - cut]
    pieces = [f"%{ord(secret[-1]):02X}" * escapes + "住" * plain for escapes, plain in runs]
    text = "".join(piece + (spelled if index == at else "") for index, piece in enumerate(pieces))
    pattern = secrets.secrets_pattern([secret])
    assert pattern is not None
    assert secrets.Finder([secret]).found(text) == (pattern.search(text) is not None)


def test_a_secret_whose_escape_ends_a_window_is_found_whole() -> None:
    """An escape ``reach`` characters after another, starting a spelling that runs past the first escape's window:
    the window is widened by it, however close to the window's end it starts (the anchors skipped are only those
    that cannot widen it)."""
    spelled = f"%{ord(TOKEN[0]):02X}{TOKEN[1:]}"
    reach = secrets.Finder([TOKEN]).reach
    for before in range(reach - len(spelled) - 8, reach + 8):
        text = f"%{ord(TOKEN[-1]):02x}" + "住" * before + spelled + "住" * 10
        assert secrets.Finder([TOKEN]).found(text), before


def test_the_finder_finds_an_escaped_secret_deep_in_a_large_text() -> None:
    escaped = "".join(f"%{ord(c):02X}" for c in TOKEN)
    text = "%3A住民" * 50_000 + f" {escaped} " + "x" * 100_000
    assert secrets.Finder([TOKEN]).found(text)
    assert not secrets.Finder([TOKEN]).found(text.replace(escaped, escaped[:-3]))


PROFILE = """\
name: sample
product: sample
version: '2.0'
claims: [{domain: jumin, edition: '1.0'}]
targets:
  api:
    base_url: https://vendor.example/api
    auth: {header: Authorization, scheme: Bearer, env: VENDOR_API_TOKEN}
"""


def make_run(directory: Path) -> BundleInputs:
    write_results(directory, document([result("jumin-1.0-3.4-R001", "PASS")]))
    (directory / "junit.xml").write_text("<testsuites/>", encoding="utf-8")
    profile = directory.parent / "vendor.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    return BundleInputs(out=directory, profile=profile, catalog_root=CATALOG)


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def record(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)


def test_a_vendor_echoing_the_token_in_every_spelling_leaves_no_trace_in_the_recording() -> None:
    recorder = Recorder()
    with MaliciousVendor(max_seconds=5, max_requests=10) as vendor:
        target = ApiTarget.model_validate({"base_url": vendor.base_url, "auth": {"env": "VENDOR_TOKEN"}})
        client = RequestsHttpClient(target, environ={"VENDOR_TOKEN": TOKEN}, recorder=recorder)
        answer = client.request("get", "/echo")
    assert TOKEN in answer.body.decode()  # the vendor did echo it
    (exchange,) = recorder.exchanges
    recorded = json.dumps([exchange.url, dict(exchange.request_headers), dict(exchange.response_headers),
                           exchange.response_body.decode("utf-8")])
    assert not secrets.leaks(recorded, [TOKEN])
    assert recorded.count(secrets.REDACTED) >= 5


def test_findings_in_results_are_redacted() -> None:
    secrets.register(TOKEN)
    finding = {"code": "x", "message": f"line 3: {base64.b64encode(TOKEN.encode()).decode()}",
               "actual": TOKEN.lower(), "expected": None, "location": None}
    document = {"results": [{"requirement": "r", "status": "FAIL", "reason": TOKEN, "findings": [finding]}],
                "problems": [], "error": f"GET /x: {TOKEN}"}
    scrubbed = scrub_document(document, Scrubber())
    assert not secrets.leaks(json.dumps(scrubbed), [TOKEN])


def test_the_bundle_refuses_a_member_holding_a_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = make_run(tmp_path / "run")
    # The profile's auth.env names the variable: the bundle knows the secret without the registry.
    monkeypatch.setenv("VENDOR_API_TOKEN", TOKEN)
    report = inputs.out / "report.html"
    report.write_text(f"<p>{base64.b64encode(TOKEN.encode()).decode()}</p>", "utf-8")
    with pytest.raises(SecretInBundle, match=r"^report\.html: holds a secret"):
        build_bundle(inputs)
    assert not (inputs.out / "evidence.zip").exists()
    report.write_text("<p>clean</p>", "utf-8")
    assert build_bundle(inputs).is_file()


def test_userinfo_in_a_base_url_given_to_the_client_is_refused() -> None:
    from conformance.errors import ProfileError

    target = ApiTarget.model_validate({"base_url": "http://127.0.0.1:9/api"})
    with pytest.raises(ProfileError) as raised:
        RequestsHttpClient(target, "http://alice:hunter2@127.0.0.1:9/api")
    assert "hunter2" not in str(raised.value)


def test_allure_attachments_are_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    from conformance.findings import Finding
    from conformance.reporting import allure_labels
    from conformance.results import RequirementResult, Status

    attached: list[str] = []

    class FakeAllure:
        class attachment_type:
            JSON = "json"

        @staticmethod
        def attach(body: str, name: str, attachment_type: str) -> None:
            attached.append(body)

    monkeypatch.setattr(allure_labels, "_allure", lambda: FakeAllure)
    secrets.register(TOKEN)
    finding = Finding("x", f"echoed {TOKEN.lower()}", actual=base64.b64encode(TOKEN.encode()).decode(),
                      requirement="jumin-1.0-3.4-R001")
    allure_labels.attach_result(RequirementResult("jumin-1.0-3.4-R001", "jumin", "1.0", "required", Status.FAIL,
                                                  (finding,), exchanges=({"url": f"/x?token={TOKEN}"},)))
    assert len(attached) == 2 and not any(secrets.leaks(body, [TOKEN]) for body in attached)
