"""Export sources: the API one (fake client) and the directory one (tmp_path)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from conformance.errors import ProfileError, TargetError
from conformance.profiles import ExportTarget
from conformance.targets.base import HttpResponse
from conformance.targets.exports import (
    ApiExportSource,
    DirectoryExportSource,
    build_export_source,
    charset_of,
    normalize_encoding,
)

BODY = "宛名番号\n0000000019\n".encode("cp932")


class FakeClient:
    """An HttpClient answering every request with one response, and remembering the requests."""

    base_url = "http://vendor.invalid"

    def __init__(self, status: int = 200, content_type: str | None = "text/csv; charset=Shift_JIS") -> None:
        self.status = status
        self.headers = {"Content-Type": content_type} if content_type is not None else {}
        self.requests: list[tuple[str, str]] = []

    def request(
        self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
        data: bytes | None = None, content_type: str | None = None,
    ) -> HttpResponse:
        self.requests.append((method, path))
        return HttpResponse(self.status, self.headers, BODY, self.base_url + path)


FILES = {"residents_csv": "/exports/residents.csv"}


def test_api_source_downloads_into_the_workdir(tmp_path: Path) -> None:
    client = FakeClient()
    export = ApiExportSource(client, FILES, tmp_path / "work").fetch("residents_csv")
    assert client.requests == [("get", "/exports/residents.csv")]
    assert export.path == tmp_path / "work" / "residents_csv.csv"
    assert export.path.read_bytes() == BODY
    assert (export.layout, export.declared_encoding) == ("residents_csv", "shift_jis")


@pytest.mark.parametrize(
    ("content_type", "declared"),
    [
        ("text/csv; charset=UTF-8", "utf-8"),
        ("text/csv;charset=utf8", "utf-8"),
        ('text/csv; header=present; charset="Windows-31J"', "cp932"),
        ("text/csv; charset=MS932", "cp932"),
        ("text/csv; charset=sjis", "shift_jis"),
        ("text/csv; charset=shift-jis", "shift_jis"),
        ("text/csv; charset=EUC-JP", "euc-jp"),
        ("text/csv", ""),
        (None, ""),
    ],
)
def test_api_source_takes_the_declared_charset(tmp_path: Path, content_type: str | None, declared: str) -> None:
    export = ApiExportSource(FakeClient(content_type=content_type), FILES, tmp_path).fetch("residents_csv")
    assert export.declared_encoding == declared


def test_api_source_refuses_a_non_200_answer(tmp_path: Path) -> None:
    source = ApiExportSource(FakeClient(status=503), FILES, tmp_path)
    with pytest.raises(TargetError, match=r"/exports/residents\.csv.*503"):
        source.fetch("residents_csv")


def test_api_source_names_the_configured_layouts(tmp_path: Path) -> None:
    source = ApiExportSource(FakeClient(), FILES, tmp_path)
    with pytest.raises(TargetError, match=r"'residents_csv_cp932' is not configured.*has: residents_csv"):
        source.fetch("residents_csv_cp932")


def test_api_source_keeps_the_download_inside_the_workdir(tmp_path: Path) -> None:
    source = ApiExportSource(FakeClient(), {"../../evil/x": "/exports/x?y=../../z"}, tmp_path / "work")
    export = source.fetch("../../evil/x")
    assert export.path.parent == tmp_path / "work"
    assert export.path.name == "_.._evil_x"


def test_directory_source_resolves_the_file_and_declared_encoding(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "r.csv").write_bytes(BODY)
    source = DirectoryExportSource(tmp_path, {"residents_csv": "out/r.csv"}, {"residents_csv": "Windows-31J"})
    export = source.fetch("residents_csv")
    assert (export.path, export.declared_encoding) == ((tmp_path / "out" / "r.csv").resolve(), "cp932")


def test_directory_source_without_a_declared_encoding(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes(BODY)
    source = DirectoryExportSource(tmp_path, {"residents_csv": "r.csv"}, {})
    assert source.fetch("residents_csv").declared_encoding == ""


@pytest.mark.parametrize("name", ["../x", "sub/../../x", "/etc/passwd", ""])
def test_directory_source_refuses_paths_escaping_the_directory(tmp_path: Path, name: str) -> None:
    inside = tmp_path / "exports"
    (inside / "sub").mkdir(parents=True)
    (tmp_path / "x").write_bytes(BODY)
    with pytest.raises(TargetError, match="relative path inside"):
        DirectoryExportSource(inside, {"residents_csv": name}, {}).fetch("residents_csv")


def test_directory_source_refuses_a_symlink_pointing_outside(tmp_path: Path) -> None:
    inside = tmp_path / "exports"
    inside.mkdir()
    (tmp_path / "secret.csv").write_bytes(BODY)
    (inside / "r.csv").symlink_to(tmp_path / "secret.csv")
    with pytest.raises(TargetError, match="outside"):
        DirectoryExportSource(inside, {"residents_csv": "r.csv"}, {}).fetch("residents_csv")


def test_directory_source_accepts_a_symlink_inside(tmp_path: Path) -> None:
    (tmp_path / "real.csv").write_bytes(BODY)
    (tmp_path / "r.csv").symlink_to(tmp_path / "real.csv")
    export = DirectoryExportSource(tmp_path, {"residents_csv": "r.csv"}, {}).fetch("residents_csv")
    assert export.path.read_bytes() == BODY


def test_directory_source_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match=r"'r\.csv' not found"):
        DirectoryExportSource(tmp_path, {"residents_csv": "r.csv"}, {}).fetch("residents_csv")


def test_directory_source_refuses_a_directory(tmp_path: Path) -> None:
    (tmp_path / "r.csv").mkdir()
    with pytest.raises(TargetError, match="not found"):
        DirectoryExportSource(tmp_path, {"residents_csv": "r.csv"}, {}).fetch("residents_csv")


def test_directory_source_layout_not_configured(tmp_path: Path) -> None:
    source = DirectoryExportSource(tmp_path, {"a": "a.csv", "b": "b.csv"}, {})
    with pytest.raises(TargetError, match=r"'c' is not configured.*has: a, b"):
        source.fetch("c")


def test_build_api_source(tmp_path: Path) -> None:
    target = ExportTarget(via="api", files=FILES)
    assert isinstance(build_export_source(target, FakeClient(), tmp_path), ApiExportSource)
    with pytest.raises(ProfileError, match=r"targets\.api"):
        build_export_source(target, None, tmp_path)


def test_build_directory_source(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_bytes(BODY)
    target = ExportTarget(via="directory", files={"residents_csv": "r.csv"}, directory=str(tmp_path),
                          encoding={"residents_csv": "SJIS"})
    source = build_export_source(target, None, tmp_path / "work")
    assert isinstance(source, DirectoryExportSource)
    assert source.fetch("residents_csv").declared_encoding == "shift_jis"
    with pytest.raises(ProfileError, match=r"targets\.exports\.directory"):
        build_export_source(ExportTarget(via="directory", files={"residents_csv": "r.csv"}), None, tmp_path)


def test_normalize_encoding_keeps_unknown_names_for_the_report() -> None:
    assert normalize_encoding(" Latin-1 ") == "latin-1"
    assert charset_of("text/csv; CHARSET=UTF8") == "utf-8"


def test_both_sources_say_which_layouts_the_profile_configures(tmp_path: Path) -> None:
    # file.layout's if_configured asks this before fetching anything.
    for source in (ApiExportSource(FakeClient(), FILES, tmp_path), DirectoryExportSource(tmp_path, FILES, {})):
        assert source.offers("residents_csv") and not source.offers("residents_fixed")


class ChangingClient(FakeClient):
    """A vendor whose export changes after the first request (a scenario added a resident)."""

    def request(
        self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
        data: bytes | None = None, content_type: str | None = None,
    ) -> HttpResponse:
        response = super().request(method, path)
        body = BODY if len(self.requests) == 1 else BODY + "0000000027\n".encode("cp932")
        return HttpResponse(response.status, response.headers, body, response.url)


def test_a_snapshot_is_what_the_first_fetch_gets(tmp_path: Path) -> None:
    client = ChangingClient()
    source = ApiExportSource(client, FILES, tmp_path)
    source.snapshot()  # as the data was loaded
    client.request("post", "/driver/v1/scenario")  # the vendor's records change
    assert source.fetch("residents_csv").path.read_bytes() == BODY
    assert client.requests == [("get", "/exports/residents.csv"), ("post", "/driver/v1/scenario")]
    # A later fetch asks again (and keeps the first copy: a verdict may rest on it).
    later = source.fetch("residents_csv")
    assert later.path.read_bytes() != BODY and later.path.name == "residents_csv-2.csv"


def test_a_snapshot_keeps_a_failed_fetch_for_its_check(tmp_path: Path) -> None:
    source = ApiExportSource(FakeClient(status=503), FILES, tmp_path)
    source.snapshot()  # no exception: the check that needs the file gets the error
    with pytest.raises(TargetError, match=r"/exports/residents\.csv.*503"):
        source.fetch("residents_csv")
