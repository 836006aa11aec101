"""Recorded exchanges as HAR: every request of the client, masked, never with credentials, tagged with
the requirement it served."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

import pytest
from har_helpers import har_entries

from conformance.errors import TargetError
from conformance.exchanges import (
    MAX_REFERENCES,
    LinkedCache,
    current_requirements,
    note,
    serving,
    setup_phase,
    watching,
)
from conformance.masking import Scrubber
from conformance.profiles import ApiTarget
from conformance.recorder import (
    BODY_LIMIT,
    HAR_NAME,
    TOTAL_LIMIT,
    HarRecorder,
    clear_recordings,
    finish_recordings,
    json_line,
    recording_path,
)
from conformance.targets.http import Exchange, RequestsHttpClient

SECRET = "tok-9f8e7d6c5b4a"
NAME = "見本　花子"
TOWN = "さくら台二丁目"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        if self.path.startswith("/api/v1/echo-secret"):
            self.reply(200, json.dumps({"you_sent": self.headers.get("Authorization")}).encode(), "application/json")
        elif self.path.startswith("/api/v1/csv"):
            body = f"宛名番号,氏名,性別\n1000000015,{NAME},2\n".encode()
            self.reply(200, body, "text/csv; charset=utf-8")
        elif self.path.startswith("/api/v1/pdf"):
            self.reply(200, b"%PDF-1.7\x00\x01\x02binary", "application/pdf")
        elif self.path.startswith("/api/v1/town/"):
            self.reply(200, b'{"ok": true}', "application/json")
        elif self.path.startswith("/api/v1/big"):
            self.reply(200, ("x" * 50_000 + NAME).encode(), "text/plain")
        else:
            document = {"residents": [{"氏名": NAME, "性別": "2", "住所_町字": TOWN, "note": f"{NAME}様"}]}
            self.reply(200, json.dumps(document, ensure_ascii=False).encode(), "application/json")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.reply(201, b"{}", "application/json")

    def reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", f"session={SECRET}")
        self.send_header("X-Session-Token", "opaque-value")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # shutdown() waits for the loop to look again: every 0.5 s by default, half a second of every teardown.
    thread = Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()


def client(
    base_url: str, tmp_path: Path, worker: str = "main", *,
    body_limit: int = BODY_LIMIT, total_limit: int = TOTAL_LIMIT,
) -> tuple[RequestsHttpClient, HarRecorder]:
    target = ApiTarget.model_validate({"base_url": base_url, "auth": {"env": "VENDOR_TOKEN"}, "timeout_seconds": 5})
    scrubber = Scrubber(["氏名", "住所_町字"], values=[NAME, TOWN])
    recorder = HarRecorder(recording_path(tmp_path / "work", worker), scrubber, body_limit=body_limit,
                           total_limit=total_limit)
    return RequestsHttpClient(target, environ={"VENDOR_TOKEN": SECRET}, recorder=recorder), recorder


def exchange_of(url: str) -> Exchange:
    """An exchange as the client hands it to the recorder (without a server: many are recorded)."""
    return Exchange("GET", f"http://127.0.0.1:9{url}", {}, b"", 200, {"Content-Type": "application/json"}, b"[]", 0.01)


def har(recorder: HarRecorder, out: Path) -> list[dict[str, Any]]:
    """The recorder's entries after the run's join, checked as HAR 1.2."""
    recorder.close()
    path = finish_recordings(recorder.path.parent, out)
    assert path == out / HAR_NAME
    return har_entries(path)


def header(headers: list[dict[str, str]], name: str) -> str | None:
    return next((h["value"] for h in headers if h["name"] == name), None)


def test_every_exchange_is_recorded_as_har_with_personal_data_masked(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/residents", params={"町字": TOWN, "limit": "10"})
    http.request("post", "/residents", json={"氏名": NAME})
    http.request("get", "/csv")
    recorded = har(recorder, tmp_path)
    for path in (recorder.path, tmp_path / HAR_NAME):
        text = path.read_text("utf-8")
        assert NAME not in text and TOWN not in text
    first = recorded[0]
    assert [entry["_id"] for entry in recorded] == ["main-0001", "main-0002", "main-0003"]
    assert first["request"]["method"] == "GET"
    assert first["request"]["url"].startswith(base_url + "/residents?")
    assert first["request"]["queryString"] == [{"name": "町字", "value": "＊＊＊＊＊＊＊"},
                                               {"name": "limit", "value": "10"}]
    body = json.loads(first["response"]["content"]["text"])
    masked = {"氏名": "＊＊＊＊＊", "性別": "2", "住所_町字": "＊＊＊＊＊＊＊", "note": "＊＊＊＊＊様"}
    assert body == {"residents": [masked]}
    assert first["response"]["content"]["mimeType"] == "application/json"
    post = recorded[1]["request"]["postData"]
    assert post["mimeType"] == "application/json" and json.loads(post["text"]) == {"氏名": "＊＊＊＊＊"}
    assert recorded[1]["response"]["status"] == 201 and recorded[1]["response"]["statusText"] == "Created"
    assert recorded[2]["response"]["content"]["text"] == "宛名番号,氏名,性別\n1000000015,＊＊＊＊＊,2\n"
    assert all(entry["_phase"] == "setup" for entry in recorded)  # no requirement was being served


def test_personal_data_in_a_path_segment_is_masked(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.call("get", "/town/{町字}", {"町字": TOWN})
    (entry,) = har(recorder, tmp_path)
    assert TOWN not in entry["request"]["url"] and "%E3%81%95" not in entry["request"]["url"]  # さ, encoded
    assert entry["request"]["url"].endswith("/town/" + "%EF%BC%8A" * 7)  # ＊ x 7


def test_credentials_are_never_recorded(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    answer = http.request("get", "/echo-secret")
    assert SECRET in answer.body.decode()  # the vendor did echo it: the recording must not keep it
    (entry,) = har(recorder, tmp_path)
    assert SECRET not in recorder.path.read_text("utf-8") and SECRET not in (tmp_path / HAR_NAME).read_text("utf-8")
    assert header(entry["request"]["headers"], "Authorization") is None
    assert header(entry["response"]["headers"], "Set-Cookie") is None
    assert entry["request"]["cookies"] == [] and entry["response"]["cookies"] == []
    assert header(entry["response"]["headers"], "X-Session-Token") == "[redacted]"
    assert json.loads(entry["response"]["content"]["text"]) == {"you_sent": "[redacted]"}


def test_binary_bodies_are_described_and_long_ones_cut(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path, body_limit=1000)
    http.request("get", "/pdf")
    http.request("get", "/big")
    http.request("post", "/upload", data=b"%PDF\x00\x01", content_type="application/pdf")
    pdf, big, upload = har(recorder, tmp_path)
    assert pdf["response"]["content"] == {"size": 17, "mimeType": "application/pdf", "_omitted": "binary"}
    assert pdf["response"]["bodySize"] == 17
    content = big["response"]["content"]
    assert content["_truncated"] is True and len(content["text"]) == 1000
    assert content["size"] == 50_000 + len(NAME.encode())
    assert upload["request"]["postData"] == {"mimeType": "application/pdf", "text": "", "_omitted": "binary"}
    assert upload["request"]["bodySize"] == 6


def test_bodies_stop_at_the_total_limit(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path, total_limit=10)
    http.request("get", "/csv")
    http.request("get", "/csv")
    first, second = har(recorder, tmp_path)
    assert "text" in first["response"]["content"]
    assert second["response"]["content"]["_omitted"] == "recording limit reached"
    assert "text" not in second["response"]["content"]


def test_the_joined_har_keeps_bodies_up_to_its_own_limit(base_url: str, tmp_path: Path) -> None:
    first, first_recorder = client(base_url, tmp_path, worker="gw0")
    second, second_recorder = client(base_url, tmp_path, worker="gw1")
    for http in (first, second, first, second):
        http.request("get", "/csv")
        http.request("post", "/residents", json={"氏名": NAME})
    first_recorder.close()
    second_recorder.close()
    har = finish_recordings(tmp_path / "work", tmp_path, limit=1000)
    assert har is not None
    entries = har_entries(har)
    kept = [e for e in entries if "text" in e["response"]["content"]]
    assert 0 < len(kept) < len(entries) and kept == entries[: len(kept)]
    for entry in entries[len(kept):]:
        assert entry["response"]["content"]["_omitted"] == "recording limit reached"
        assert entry["request"].get("postData", {"text": ""})["text"] == ""
    assert har.stat().st_size < 1000 + len(entries) * 1200


def test_a_broken_exchange_is_recorded_with_its_reason(tmp_path: Path) -> None:
    http, recorder = client("http://127.0.0.1:9/api/v1", tmp_path)
    with pytest.raises(TargetError), serving("jumin-1.0-3.4-R001") as served:
        http.request("get", "/residents")
    (entry,) = har(recorder, tmp_path)
    assert entry["response"]["status"] == 0  # HAR's "no response"
    assert "GET http://127.0.0.1:9/api/v1/residents" in entry["_error"]
    assert served.references == ({"id": "main-0001", "method": "GET", "url": "/api/v1/residents", "status": None},)


# -- which requirement an exchange served -----------------------------------------------------------


def test_entries_are_tagged_with_the_requirement_being_served(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/residents")  # opening the target: setup
    with serving("jumin-1.0-3.4-R001") as first:
        http.request("get", "/residents", params={"町字": TOWN})
        with setup_phase():
            http.request("get", "/csv")  # the target opened on this requirement's need: setup
        http.request("post", "/residents", json={"氏名": NAME})
    with serving("jumin-1.0-3.4-R002") as second:
        http.request("get", "/csv")
    entries = har(recorder, tmp_path)
    assert [(e.get("_requirements"), e.get("_phase")) for e in entries] == [
        (None, "setup"), (["jumin-1.0-3.4-R001"], None), (None, "setup"), (["jumin-1.0-3.4-R001"], None),
        (["jumin-1.0-3.4-R002"], None),
    ]
    assert first.references == (
        {"id": "main-0002", "method": "GET", "url": "/api/v1/residents?%E7%94%BA%E5%AD%97=" + "%EF%BC%8A" * 7,
         "status": 200},
        {"id": "main-0004", "method": "POST", "url": "/api/v1/residents", "status": 201},
    )
    assert [r["id"] for r in second.references] == ["main-0005"]
    by_id = {entry["_id"]: entry for entry in entries}
    for reference in (*first.references, *second.references):
        entry = by_id[reference["id"]]
        assert entry["request"]["method"] == reference["method"]
        assert entry["request"]["url"] == base_url.removesuffix("/api/v1") + reference["url"]
        assert entry["response"]["status"] == reference["status"]


def test_references_are_capped_and_the_har_keeps_every_entry(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    with serving("jumin-1.0-3.4-R001") as served:
        for _ in range(60):
            http.request("get", "/csv")
    assert len(served.references) == 50 and served.count == 60
    entries = har(recorder, tmp_path)
    assert len(entries) == 60 and all(e["_requirements"] == ["jumin-1.0-3.4-R001"] for e in entries)


def test_a_requirement_reusing_a_cached_response_is_linked_to_it(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    cache = LinkedCache(recorder)

    def residents() -> Any:  # as the checks share a fetch through Target.cache
        if "residents" not in cache:
            cache["residents"] = http.request("get", "/residents").json()
        return cache["residents"]

    with serving("jumin-1.0-1.1.1-R004") as first:
        http.request("get", "/csv")
        cache["csv"] = "parsed"
        residents()
    with serving("jumin-1.0-1.1.1-R007") as second:
        residents()
        residents()
        assert cache.get("missing") is None
    with serving("jumin-1.0-1.1.1-R011") as third:
        assert cache.get("csv") == "parsed"
    entries = har(recorder, tmp_path)
    assert [r["id"] for r in first.references] == ["main-0001", "main-0002"]
    assert second.references == ({"id": "main-0002", "method": "GET", "url": "/api/v1/residents", "status": 200,
                                  "reused": True},)
    assert [r["id"] for r in third.references] == ["main-0001"]
    assert [e["_requirements"] for e in entries] == [
        ["jumin-1.0-1.1.1-R004", "jumin-1.0-1.1.1-R011"], ["jumin-1.0-1.1.1-R004", "jumin-1.0-1.1.1-R007"],
    ]


def test_a_cached_value_is_one_line_and_each_reader_one_more(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    cache = LinkedCache(recorder)
    with serving("jumin-1.0-1.1.1-R004"):
        first = http.request("get", "/residents").json()
        cache["residents"] = (first, http.request("get", "/csv").body)
        cache.get("residents")  # its own value: no link
    for requirement in ("jumin-1.0-1.1.1-R007", "jumin-1.0-1.1.1-R011", "jumin-1.0-1.1.1-R007"):
        with serving(requirement):
            cache.get("residents")
            cache.get("residents")  # read twice by one requirement: one link
    with serving("jumin-1.0-1.1.1-R012"):
        http.request("get", "/csv")
    recorder.close()
    lines = [json.loads(line) for line in recorder.path.read_text(encoding="utf-8").splitlines()]
    made = lines[2]["_made"]
    assert [line.get("_id") for line in lines] == ["main-0001", "main-0002", None, None, None, None, "main-0003"]
    assert lines[2] == {"_made": made, "_ids": ["main-0001", "main-0002"]}
    assert [line["_requirements"] for line in lines[3:6] if line["_link"] == made] == [
        ["jumin-1.0-1.1.1-R007"], ["jumin-1.0-1.1.1-R011"], ["jumin-1.0-1.1.1-R007"]]
    entries = har(recorder, tmp_path)
    assert [entry["_requirements"] for entry in entries] == [
        ["jumin-1.0-1.1.1-R004", "jumin-1.0-1.1.1-R007", "jumin-1.0-1.1.1-R011"],
        ["jumin-1.0-1.1.1-R004", "jumin-1.0-1.1.1-R007", "jumin-1.0-1.1.1-R011"], ["jumin-1.0-1.1.1-R012"]]


def test_many_readers_of_a_large_value_keep_the_promised_references_and_one_line_each(tmp_path: Path) -> None:
    """Issue 65: a value made by many exchanges (the model's machine at one seed) read by many requirements is one
    ``_made`` line and one ``_link`` line per reader; each reader keeps the first MAX_REFERENCES references and
    counts them all; what the cache holds of the value is those references, not the exchanges; the HAR tags every
    entry with every reader."""
    recorder = HarRecorder(recording_path(tmp_path / "work", "main"), Scrubber())
    cache = LinkedCache(recorder)
    exchanges, readers = 300, [f"jumin-1.0-1.1.1-R{number:03d}" for number in range(1, 121)]
    with serving("jumin-1.0-1.1.1-R500") as maker:
        for _ in range(exchanges):
            recorder.record(exchange_of("/api/v1/residents"))
        cache["machine@seed=7"] = "result"
    assert maker.count == exchanges and len(maker.references) == MAX_REFERENCES
    served = []
    for requirement in readers:
        with serving(requirement) as reader:
            cache.get("machine@seed=7")
            cache.get("machine@seed=7")
        served.append(reader)
    assert all(reader.count == exchanges and len(reader.references) == MAX_REFERENCES for reader in served)
    # What a requirement holds while it is judged: the kept references' ids and one entry per value read.
    assert len(maker._kept_ids) == MAX_REFERENCES and all(len(reader._read) == 1 for reader in served)
    assert [r["id"] for r in served[-1].references] == [f"main-{n:04d}" for n in range(1, MAX_REFERENCES + 1)]
    assert all(r["reused"] is True for r in served[-1].references)
    assert len(cache.made_of("machine@seed=7").references) == MAX_REFERENCES  # held per value: bounded
    recorder.close()
    lines = recorder.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == exchanges + 1 + len(readers)
    entries = har(recorder, tmp_path)
    assert len(entries) == exchanges
    assert all(entry["_requirements"] == ["jumin-1.0-1.1.1-R500", *readers] for entry in entries)


# -- joining the workers' recordings -----------------------------------------------------------------


def test_two_workers_are_joined_into_one_har_with_unique_ids(base_url: str, tmp_path: Path) -> None:
    first, first_recorder = client(base_url, tmp_path, worker="gw0")
    second, second_recorder = client(base_url, tmp_path, worker="gw1")
    with serving("jumin-1.0-3.4-R001"):
        first.request("get", "/residents")
        second.request("get", "/csv")
        first.request("get", "/csv")
    second.request("get", "/residents")
    first_recorder.close()
    entries = har(second_recorder, tmp_path)
    ids = [entry["_id"] for entry in entries]
    assert sorted(ids) == ["gw0-0001", "gw0-0002", "gw1-0001", "gw1-0002"] and len(set(ids)) == 4
    assert [entry["startedDateTime"] for entry in entries] == sorted(e["startedDateTime"] for e in entries)
    document = json.loads((tmp_path / HAR_NAME).read_text("utf-8"))
    assert document["log"]["creator"]["name"] == "conformance" and "gw0, gw1" in document["log"]["comment"]


def test_a_line_cut_short_by_a_dying_worker_is_skipped(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/csv")
    recorder.close()
    with recorder.path.open("a", encoding="utf-8") as handle:
        handle.write('{"_id": "main-0002", "request": {"meth')
    assert [e["_id"] for e in har(recorder, tmp_path)] == ["main-0001"]


def test_nothing_recorded_is_no_har_and_no_stale_one(tmp_path: Path) -> None:
    (tmp_path / HAR_NAME).write_text("{}", encoding="utf-8")
    assert finish_recordings(tmp_path / "work", tmp_path) is None
    assert not (tmp_path / HAR_NAME).exists()


def test_clear_recordings_removes_an_earlier_runs(base_url: str, tmp_path: Path) -> None:
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/csv")
    har(recorder, tmp_path)
    clear_recordings(tmp_path)
    assert not recorder.path.exists() and not (tmp_path / HAR_NAME).exists()


def test_a_line_is_never_cut_by_a_character_that_ends_lines_for_some_readers(tmp_path: Path) -> None:
    """NEL and the Unicode line and paragraph separators are kept raw by JSON and end a line for
    ``str.splitlines``: a recording escapes them, in each worker's lines and in the joined HAR."""
    document = {"text": "a\x85b\u2028c\u2029d\u2028", "氏": "見本"}
    line = json_line(document)
    assert line.splitlines() == [line[:-1]] and json.loads(line) == document
    assert "\x85" not in line and "\\u0085" in line and "\\u2028" in line and "\\u2029" in line
    work = tmp_path / "work"
    work.mkdir()
    entry = {"_id": "main-0001", "startedDateTime": "2026-01-01T00:00:00.000+00:00", "request": {},
             "response": {"content": {"text": document["text"]}}}
    (work / "exchanges-main.jsonl").write_text(json_line(entry), "utf-8")
    joined = finish_recordings(work, tmp_path / "out")
    assert joined is not None
    text = joined.read_text("utf-8")
    assert len(text.splitlines()) == len(text.split("\n")) - 1  # no line ends but "\n"
    assert json.loads(text)["log"]["entries"][0]["response"]["content"]["text"] == document["text"]


def test_watching_sees_the_exchanges_made_inside_and_tags_nothing() -> None:
    # A scenario check names the exchange of the request a finding is about (conformance/domains/koseki/driver.py).
    with serving("REQ-1") as served:
        note({"id": "w-1", "method": "POST", "url": "/a", "status": 200})
        with watching() as outer:
            note({"id": "w-2", "method": "POST", "url": "/b", "status": 200})
            with watching() as inner:
                note({"id": "w-3", "method": "POST", "url": "/c", "status": 422})
            assert current_requirements() == ("REQ-1",)
        note({"id": "w-4", "method": "POST", "url": "/d", "status": 200})
    assert [reference["id"] for reference in outer] == ["w-2", "w-3"]
    assert [reference["id"] for reference in inner] == ["w-3"]
    assert [reference["id"] for reference in served.references] == ["w-1", "w-2", "w-3", "w-4"]
