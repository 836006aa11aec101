"""The officer's lists (issue 69): the 適合状況一覧 names who accepted an attestation, when, and until when."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from filed_list import COLUMNS, opened, table
from portal_helpers import CHECKED, MANUAL, World, signed_bundle
from test_portal import attest, client, review, uploaded

from conformance.reporting.xlsx import attestation_line

pytestmark = pytest.mark.usefixtures("portal_db")


def test_an_attested_row_names_the_submitter_the_reviewer_the_day_and_the_expiry(
        world: World, tmp_path: Path) -> None:
    from conformance.portal import verdicts

    tester, reviewer = client(world.users["tester"]), client(world.users["reviewer"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    attest(tester, bundle, {})
    expires = verdicts.today() + dt.timedelta(days=30)
    review(reviewer, bundle, "accepted", expires.isoformat())
    rows = table(opened(tester.get(f"/bundle/{bundle.pk}/xlsx/").content)["住民基本台帳"])
    attested = next(row for row in rows if row[0] == MANUAL)
    assert attested[COLUMNS.index("適合状況")] == "適合"
    evidence = attested[COLUMNS.index("根拠・証跡")]
    assert evidence.splitlines()[0] == (
        f"確認書: 提出 {world.users['tester'].get_username()}、承認 {world.users['reviewer'].get_username()}"
        f"（承認日 {verdicts.today().isoformat()}）、有効期限 {expires.isoformat()}")


def test_an_attestation_of_a_profile_names_its_author_and_any_expiry() -> None:
    """A profile's attestation (the command line's) has no reviewer of the portal: its author and date as before."""
    entry = {"by": "山田", "date": "2026-04-01", "statement": "確認した", "evidence": []}
    assert attestation_line(entry) == "確認書: 山田 2026-04-01"
    assert attestation_line({**entry, "expires": "2027-03-31"}) == "確認書: 山田 2026-04-01、有効期限 2027-03-31"
