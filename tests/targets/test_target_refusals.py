"""Issue 67 (an outsider's F7): a load the vendor refuses is an ERROR whose reason shows the vendor's message, not
only its status (the HAR holds the whole answer): the first 500 characters, on one line."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conformance.checks.scenarios import Scenario, load_many
from conformance.errors import TargetError
from conformance.profiles import LoadTarget
from conformance.session import _load_over_http
from conformance.targets.base import SHOWN_REFUSAL_CHARS, HttpResponse, vendor_said


def _answer(status: int, body: bytes) -> HttpResponse:
    return HttpResponse(status, {"Content-Type": "application/json"}, body, "/admin/records")


class Refusing:
    """A vendor API that answers every request ``status`` with ``body``."""

    base_url = "http://vendor.invalid/api/v1"

    def __init__(self, status: int, body: bytes) -> None:
        self.status, self.body = status, body

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                data: bytes | None = None, content_type: str | None = None) -> HttpResponse:
        return _answer(self.status, self.body)


def test_a_refusal_names_the_request_the_status_and_the_vendor_s_message() -> None:
    body = json.dumps({"code": "INVALID", "message": "記録.課税区分: 'X' は 1, 2 のいずれか"}, ensure_ascii=False)
    assert _answer(400, body.encode()).refused("sending a record of kojin_juminzei: POST /admin/records") == (
        "sending a record of kojin_juminzei: POST /admin/records answered 400: " + body)


def test_a_refusal_without_a_body_names_the_status_only() -> None:
    assert _answer(400, b"").refused("POST /admin/records") == "POST /admin/records answered 400"
    assert _answer(400, b" \r\n\t ").refused("POST /admin/records") == "POST /admin/records answered 400"


def test_a_long_refusal_is_cut_at_500_characters_and_control_characters_are_spaces() -> None:
    """A vendor's stack trace or page: one line, bounded; an escape sequence cannot reach a terminal."""
    body = ("\x1b[31mエラー\x1b[0m\nline two\x00" + "あ" * 2000).encode() + b"\xff\xfe"
    reason = _answer(500, body).refused("POST /admin/records")
    said = reason.removeprefix("POST /admin/records answered 500: ")
    assert said.startswith("[31mエラー [0m line two ")
    assert len(said) == SHOWN_REFUSAL_CHARS + 1 and said.endswith("あ…")
    assert "\x1b" not in reason and "\n" not in reason and "\x00" not in reason


def test_a_refused_record_load_is_an_error_showing_the_vendor_s_message() -> None:
    """The load the outsider met (POST /admin/records answered 400): the message is in the TargetError's text,
    which is the ERROR's reason."""
    message = '{"detail": "unknown 業務 koki"}'.encode()
    with pytest.raises(TargetError) as raised:
        _load_over_http(LoadTarget(via="http", path="/admin/migration"), Refusing(400, message),
                        Path(__file__))
    assert str(raised.value) == 'loading the test data: POST /admin/migration answered 400: {"detail": "unknown ' \
                                '業務 koki"}'
    with pytest.raises(TargetError, match=r'^appending scenario residents: POST /admin/residents answered '
                       r'422: \{"detail": "unknown 業務 koki"\}$'):
        load_many(Refusing(422, message), [Scenario(fiscal_year=2025, birth=date(1960, 4, 1),
                                                    moved_in=date(1990, 4, 1))], "229997")


def test_the_vendor_s_message_is_bounded_and_on_one_line() -> None:
    assert vendor_said('{"code": "E001",\n "message": "生年月日"}') == '{"code": "E001", "message": "生年月日"}'
    assert vendor_said("x" * 501) == "x" * 500 + "…" and vendor_said("x" * 500) == "x" * 500
