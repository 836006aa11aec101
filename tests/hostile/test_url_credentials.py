"""Issue 49, item 4: a credential outside the profile's secret fields (a path's ``?apikey=...``) is
found: registered as the run's secret (removed by value from every output), masked by name in the
recorded exchanges' URLs and query strings and headers, and in the bundle's copy of the profile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))
from test_recorder import base_url, client, har  # noqa: F401 (base_url: the recording server fixture)

from conformance import secrets
from conformance.credentials import credentials_in, is_credential_name, masked_url
from conformance.profiles import load_profile
from conformance.pytest_plugin import register_profile_credentials
from conformance.reporting.bundle import profile_secrets, redact_profile

API_KEY = "Sekr3t-apikey-value"
TOKEN = "T0ken-in-a-path-77"

PROFILE = f"""\
name: x
product: x
version: "1"
claims: [{{domain: jumin, edition: "1.0"}}]
targets:
  api:
    base_url: https://vendor.example/api
  exports:
    via: api
    files:
      residents_csv: /exports/residents.csv?apikey={API_KEY}&format=csv
  load:
    via: http
    path: /admin/migration?access_token={TOKEN}
"""


@pytest.mark.parametrize("name", ["apikey", "api_key", "APIKEY", "X-API-Key", "key", "Ocp-Apim-Subscription-Key",
                                  "token", "access_token", "refresh_token", "X-Session-Token", "secret",
                                  "client_secret", "password", "passwd", "pwd", "signature", "X-Amz-Signature",
                                  "sig", "Authorization", "Proxy-Authorization", "session", "sessionid",
                                  "Cookie", "Set-Cookie", "X-Amz-Credential"])
def test_credential_names(name: str) -> None:
    assert is_credential_name(name)


@pytest.mark.parametrize("name", ["宛名番号", "page", "limit", "format", "x", "町字", "code", "keyword", "sortkey",
                                  "monkey", "author", "passage"])
def test_other_names(name: str) -> None:
    assert not is_credential_name(name)


def test_masked_url_keeps_everything_but_the_credential() -> None:
    assert masked_url(f"/exports/residents.csv?apikey={API_KEY}&format=csv#top") == (
        "/exports/residents.csv?apikey=[redacted]&format=csv#top")
    assert masked_url("/a?b=1&c") == "/a?b=1&c" and masked_url("/a") == "/a"


def test_the_profile_credentials_are_found(tmp_path: Path) -> None:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE, "utf-8")
    assert credentials_in(load_profile(path).model_dump(mode="json")) == {API_KEY, TOKEN}


def test_the_run_registers_them_as_secrets(tmp_path: Path) -> None:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE, "utf-8")
    with secrets.run_scope():
        register_profile_credentials(load_profile(path))
        assert {API_KEY, TOKEN} <= secrets.known()
        assert secrets.redact(f"GET /exports/residents.csv?apikey={API_KEY} failed") == (
            "GET /exports/residents.csv?apikey=[redacted] failed")


def test_the_bundle_copy_of_the_profile_masks_them(tmp_path: Path) -> None:
    copy = redact_profile(PROFILE).decode("utf-8")
    assert API_KEY not in copy and TOKEN not in copy
    data = yaml.safe_load(copy)
    assert data["targets"]["exports"]["files"]["residents_csv"] == "/exports/residents.csv?apikey=[redacted]&format=csv"
    assert data["targets"]["load"]["path"] == "/admin/migration?access_token=[redacted]"
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE, "utf-8")
    assert {API_KEY, TOKEN} <= profile_secrets(path)  # the bundle refuses a member that still holds one


def test_the_recording_masks_credential_queries_and_headers_by_name(base_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Masked by name even when no one registered the value (a vendor's own signed URL)."""
    http, recorder = client(base_url, tmp_path)
    http.request("get", "/residents", params={"apikey": "unregistered-key-1", "limit": "10"})
    shown = recorder._headers({"X-Signature": "unregistered-signature-2", "X-Auth-User": "u", "Accept": "text/csv"})
    (entry,) = har(recorder, tmp_path)
    text = recorder.path.read_text("utf-8") + (tmp_path / "exchanges.har").read_text("utf-8")
    assert "unregistered-key-1" not in text
    assert entry["request"]["queryString"] == [{"name": "apikey", "value": "[redacted]"},
                                               {"name": "limit", "value": "10"}]
    assert entry["request"]["url"].endswith("/residents?apikey=%5Bredacted%5D&limit=10")
    assert [(record.name, record.value) for record in shown] == [
        ("X-Signature", "[redacted]"), ("X-Auth-User", "[redacted]"), ("Accept", "text/csv")]


def test_a_parameter_that_only_looks_like_a_key_is_not_a_secret() -> None:
    """Registered as a secret, ``name`` would be removed from every output (``text/csv`` too, for ``csv``)."""
    assert credentials_in({"path": "/search?sortkey=name&keyword=csvs&apikey=Sekr3t-1"}) == {"Sekr3t-1"}
