"""A vendor of 後期高齢者医療 alone declares the 庁内連携 feed its published contract names (``linkage.feed``: the
koki_korei OpenAPI's ``POST /driver/v1/linkage/feed``, docs/driver.md "庁内連携"): the profile is taken, and a
misspelt operation is still refused with did-you-mean (issue 65, an outside product's finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.catalog.loader import load_edition
from conformance.domains.feed import FEED
from conformance.errors import ProfileError
from conformance.locations import default_catalog_root
from conformance.plan import check_run_inputs
from conformance.profiles import SHARED_DRIVER_OPERATIONS, load_profile

PROFILE = """name: koki-only
product: a 後期高齢者医療 system
version: 0.1.0
claims:
- {{domain: koki_korei, edition: '2025.12'}}
targets:
  api: {{base_url: 'http://127.0.0.1:9'}}
  load: {{via: http, path: /admin/migration, append_path: /admin/residents}}
  driver: {{base_path: /driver/v1, operations: [{operation}]}}
"""


def _checked(tmp_path: Path, operation: str) -> None:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE.format(operation=operation), encoding="utf-8")
    check_run_inputs(load_profile(path), [load_edition(default_catalog_root() / "koki_korei" / "2025.12")], path)


def test_a_statute_only_vendor_declares_the_feed(tmp_path: Path) -> None:
    assert FEED in SHARED_DRIVER_OPERATIONS
    _checked(tmp_path, "linkage.feed")


def test_a_misspelt_feed_is_still_refused_with_did_you_mean(tmp_path: Path) -> None:
    refused = (r"vendor\.yaml:9: targets\.driver\.operations\[0\]: unknown driver operation 'linkage\.fed' of the "
               r"claimed editions; did you mean 'linkage\.feed'\?")
    with pytest.raises(ProfileError, match=refused):
        _checked(tmp_path, "linkage.fed")
