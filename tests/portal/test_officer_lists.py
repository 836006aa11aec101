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


def test_the_worklist_lists_by_system_with_title_level_and_procedure_filtered_and_paged(
        world: World, tmp_path: Path) -> None:
    import html
    import re

    from portal_helpers import jumin_requirements, natural_state, procedure_of

    from conformance.portal.views import WORKLIST_ROWS

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    manual = {rid for rid, r in jumin_requirements().items() if natural_state(r) == "MANUAL"} | {MANUAL}
    assert len(manual) > WORKLIST_ROWS  # more than a page: every one reachable through the pages
    listed: list[str] = []
    for number in range(1, -(-len(manual) // WORKLIST_ROWS) + 1):
        page = tester.get(f"/bundle/{bundle.pk}/worklist/?page={number}").content.decode()
        listed += re.findall(r'<tr data-requirement="([^"]+)" data-domain="jumin">', page)
    assert sorted(listed) == sorted(manual) and len(listed) == len(manual)
    first = tester.get(f"/bundle/{bundle.pk}/worklist/").content.decode()
    row = first[first.index(f'<tr data-requirement="{listed[0]}"'):]
    row = html.unescape(row[:row.index("</tr>")])
    requirement = jumin_requirements()[listed[0]]
    assert '<td lang="ja">住民基本台帳</td>' in row and requirement.source.title in row
    assert procedure_of(listed[0]).replace("\n", " ")[:20] in row.replace("\n", " ")
    assert "必須" in row or "実装" in row  # the level by its name (区分), not its key
    # Filters: attestation state (one attested now), chapter within its system, system.
    attest(tester, bundle, {})
    pending = tester.get(f"/bundle/{bundle.pk}/worklist/?state=pending").content.decode()
    assert re.findall(r'<tr data-requirement="([^"]+)"', pending) == [MANUAL]
    chapter = MANUAL.split("-")[2].split(".")[0]
    of_chapter = tester.get(f"/bundle/{bundle.pk}/worklist/?chapter=jumin:{chapter}").content.decode()
    shown = re.findall(r'<tr data-requirement="([^"]+)"', of_chapter)
    assert MANUAL in shown and all(r.split("-")[2].split(".")[0] == chapter for r in shown)
    assert '<optgroup label="住民基本台帳" lang="ja">' in of_chapter
    assert f'<option value="jumin:{chapter}" selected>{chapter}</option>' in of_chapter
    assert re.findall(r'<tr data-requirement', tester.get(
        f"/bundle/{bundle.pk}/worklist/?domain=kyotsu").content.decode()) == []


def test_the_requirement_list_has_a_system_column_and_filter(world: World, tmp_path: Path) -> None:
    import re

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))
    page = tester.get(f"/bundle/{bundle.pk}/?state=FAIL").content.decode()
    assert (f'<tr data-requirement="{CHECKED}" data-state="FAIL" data-domain="jumin">\n'
            '<td lang="ja">住民基本台帳</td>') in page
    assert '<option value="jumin" lang="ja">住民基本台帳</option>' in page
    assert re.findall(r"<tr data-requirement", tester.get(f"/bundle/{bundle.pk}/?domain=inkan").content.decode()) == []
    assert "jumin:3" in page and '<optgroup label="住民基本台帳" lang="ja">' in page


class Listed:
    """A stand-in of progress.Row: what the filters read."""

    def __init__(self, domain: str, section: str, title: str) -> None:
        self.domain, self.section, self.title = domain, section, title
        self.chapter = section.split(".", 1)[0]


def test_chapters_are_per_system_in_gyomu_id_order_and_an_items_section_is_named() -> None:
    from conformance.portal.progress import Choice, chapter_choices, domain_choices

    rows = [Listed("hojin_juminzei", "1.2", "x"), Listed("kyotsu", "03100002", "個人番号"),
            Listed("jumin", "10.1", "y"), Listed("jumin", "2.1", "z"), Listed("kyotsu", "03100001", "宛名番号")]
    # 業務ID order, not the slugs' (法人住民税 first); 共通機能, no 業務 of its own, after the systems
    assert [c.value for c in domain_choices(rows)] == ["jumin", "hojin_juminzei", "kyotsu"]
    assert next(c.label for c in domain_choices(rows)) == "住民基本台帳"
    grouped = chapter_choices(rows)
    assert [name for name, _ in grouped] == ["住民基本台帳", "法人住民税", "共通機能"]
    assert grouped[0][1] == [Choice("jumin:2", "2"), Choice("jumin:10", "10")]
    assert grouped[2][1] == [Choice("kyotsu:03100001", "03100001 宛名番号"),
                             Choice("kyotsu:03100002", "03100002 個人番号")]
    assert [name for name, _ in chapter_choices(rows, "kyotsu")] == ["共通機能"]


def test_the_prefecture_page_is_a_table_of_municipalities_by_system(world: World, tmp_path: Path) -> None:
    import re

    from conformance.portal.models import Municipality

    quiet = Municipality.objects.create(code=f"Q{world.tokyo.code[1:]}", name=f"静町{world.tokyo.code}",
                                        prefecture=world.tokyo.prefecture)
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))
    page = client(world.users["prefecture"]).get(f"/prefecture/{world.tokyo.prefecture}/").content.decode()
    table = page[page.index('<table id="prefecture">'):page.index("</table>")]
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table) == ["市区町村", "住民基本台帳"]
    tokyo = table[table.index(f'<tr data-municipality="{world.tokyo.code}">'):]
    assert re.match(r'<tr data-municipality="[^"]+"><th scope="row"><a [^>]+>[^<]+</a></th>\n'
                    r'<td data-verdict="not_conformant"><span class="verdict v-not_conformant">不適合</span>', tokyo)
    silent = table[table.index(f'<tr data-municipality="{quiet.code}">'):]
    assert silent[:silent.index("</tr>")].endswith("<td>—</td>")


def test_the_attestation_page_and_the_transitions_name_the_system(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    page = tester.get(f"/bundle/{bundle.pk}/manual/{MANUAL}/").content.decode()
    assert f'<h1><span lang="ja">住民基本台帳</span> {MANUAL}</h1>' in page
    tester.post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": CHECKED, "notification": "第7号", "promised": "2030-04-01"})
    page = tester.get(f"/m/{world.tokyo.code}/").content.decode()
    row = '<tr data-domain="jumin"><td><span lang="ja">住民基本台帳</span></td><td><a href="/m/'
    assert f"{row}{world.tokyo.code}/requirement/{CHECKED}/" in page
