"""Profiles validated at load: scheme, host, port of base_url; credentials in it refused, never echoed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.errors import ProfileError
from conformance.profiles import load_profile

PROFILE = """\
name: x
product: x
version: "1"
claims: [{{domain: jumin, edition: "1.0"}}]
targets:
  api:
    base_url: {url}
"""


def load(tmp_path: Path, url: str) -> str:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE.format(url=url), "utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    return str(raised.value)


@pytest.mark.parametrize(("url", "words"), [
    ("http://127.0.0.1:99999/api", "the port must be a number from 1 to 65535"),
    ("http://h:port/api", "the port must be a number from 1 to 65535"),
    ("gopher://h/api", "the scheme must be http or https, not 'gopher'"),
    ("http:///api", "the host must be a DNS name or an IP address"),
    ("http://bad host/api", "the host must be a DNS name or an IP address"),
    ("http://h/api?x=1", "no query or fragment"),
])
def test_bad_base_urls_are_refused_at_load(tmp_path: Path, url: str, words: str) -> None:
    message = load(tmp_path, f"'{url}'")
    assert f"vendor.yaml:7: targets.api.base_url: {words}" in message


def test_port_zero_only_for_the_reference(tmp_path: Path) -> None:
    message = load(tmp_path, "http://127.0.0.1:0/api")
    assert "vendor.yaml:5: targets: api.base_url: the port must be a number from 1 to 65535 (0 only with " in message
    path = tmp_path / "reference.yaml"
    path.write_text(PROFILE.format(url="http://127.0.0.1:0/api").replace("targets:", "targets:\n  reference: true"),
                    "utf-8")
    assert load_profile(path).targets.reference


@pytest.mark.parametrize("url", ["http://alice:hunter2@127.0.0.1:8080/api", "https://hunter2@h/api",
                                 "ftp://alice:hunter2@h/", "http://alice:hunter2@h:99999/"])
def test_credentials_in_base_url_are_refused_and_never_echoed(tmp_path: Path, url: str) -> None:
    message = load(tmp_path, url)
    assert "hunter2" not in message
    assert "targets.api.base_url" in message


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765/api/v1", "https://vendor.example.jp", "http://[::1]:80/x"])
def test_good_base_urls_load(tmp_path: Path, url: str) -> None:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE.format(url=f"'{url}'"), "utf-8")
    assert load_profile(path).targets.api is not None
