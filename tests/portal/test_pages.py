"""Pages people read (issue 48 item 3): 業務 names in 業務ID order, progress per system, requirement
lists with title, section, level and state (filterable), the requirement page, and counts that move
with accepted attestations and 経過措置."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from portal_helpers import CHECKED, MANUAL, World, jumin_requirements, procedure_of, signed_bundle
from test_portal import attest, client, review, uploaded

pytestmark = pytest.mark.usefixtures("portal_db")


def count_of(page: str, state: str) -> int:
    """The bundle page's total for ``state`` (0 when absent)."""
    found = re.search(rf'<tr data-state="{state}"><td>[^<]*</td><td>(\d+)</td>', page)
    return int(found.group(1)) if found else 0


def test_domains_are_named_and_in_gyomu_id_order() -> None:
    from conformance.catalog import domains as shared
    from conformance.catalog.domains import domain_name, domain_order, domains
    from conformance.portal import progress, queries
    from conformance.portal.templatetags import portal as tags

    # One definition, the CLI's and the 適合状況一覧's: the portal keeps no copy of its own.
    assert progress.domain_order is queries.domain_order is shared.domain_order
    assert progress.domain_name is shared.domain_name and tags.domain("jumin") == '<span lang="ja">住民基本台帳</span>'

    assert domain_name("jumin") == "住民基本台帳" and domain_name("hojin_juminzei") == "法人住民税"
    slugs = [d.slug for d in domains()]
    ordered = sorted(reversed(slugs), key=domain_order)
    ids = [min(d.gyomu_ids) for d in sorted(domains(), key=lambda d: domain_order(d.slug))]
    assert ids == sorted(ids) and ordered[0] == "jumin" and ordered[1] == "inkan"


def test_the_pages_name_the_system_and_show_progress(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))
    municipality = tester.get(f"/m/{world.tokyo.code}/").content.decode()
    assert '<th scope="row"><span lang="ja">住民基本台帳</span></th>' in municipality  # a name the law gives
    assert '<th scope="row">jumin</th>' not in municipality
    assert 'data-state="FAIL" data-count="1">不合格 1</span>' in municipality  # the system's progress
    page = tester.get(f"/bundle/{bundle.pk}/").content.decode()
    progress = page[page.index('id="progress"'):page.index("</table>", page.index('id="progress"'))]
    assert "住民基本台帳" in progress and 'data-state="FAIL" data-count="1"' in progress
    assert ">957</td>" in progress  # every requirement of the edition counted
    assert 'rel="next"' in page  # 957 rows: paginated (views.BUNDLE_ROWS), every one reachable
    from conformance.portal.views import BUNDLE_ROWS

    listed, pages = set(), {}
    for number in range(1, -(-957 // BUNDLE_ROWS) + 1):
        pages[number] = tester.get(f"/bundle/{bundle.pk}/?page={number}").content.decode()
        listed |= set(re.findall(r'<tr data-requirement="([^"]+)"', pages[number]))
    assert listed == set(jumin_requirements())
    page = next(text for text in pages.values() if f'data-requirement="{CHECKED}"' in text)
    row = page[page.index(f'data-requirement="{CHECKED}"'):]
    row = row[:row.index("</tr>")]
    requirement = jumin_requirements()[CHECKED]
    assert requirement.source.section in row and html.escape(requirement.source.title) in row and "不合格" in row


def test_the_requirement_list_filters_by_state_chapter_and_level(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))
    failing = tester.get(f"/bundle/{bundle.pk}/?state=FAIL").content.decode()
    assert failing.count("<tr data-requirement=") == 1 and CHECKED in failing
    manual = tester.get(f"/bundle/{bundle.pk}/?state=MANUAL").content.decode()
    listed = re.findall(r'<tr data-requirement="([^"]+)" data-state="([^"]+)"', manual)
    assert MANUAL in dict(listed) and {state for _, state in listed} == {"MANUAL"}
    chapter = jumin_requirements()[CHECKED].source.section.split(".")[0]
    level = jumin_requirements()[CHECKED].level.value
    narrowed = tester.get(f"/bundle/{bundle.pk}/?chapter={chapter}&level={level}").content.decode()
    ids = dict(re.findall(r'<tr data-requirement="([^"]+)" data-state="([^"]+)"', narrowed))
    expected = {rid for rid, r in jumin_requirements().items()
                if r.source.section.split(".")[0] == chapter and r.level.value == level}
    assert set(ids) == expected and CHECKED in ids


def test_the_requirement_page_has_text_source_level_procedure_and_state(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    page = html.unescape(tester.get(f"/m/{world.tokyo.code}/requirement/{MANUAL}/").content.decode())
    requirement = jumin_requirements()[MANUAL]
    assert requirement.text in page and requirement.source.document in page
    assert f"{requirement.source.section} {requirement.source.title}" in page
    assert procedure_of(MANUAL) in page and 'id="current-state" class="s-MANUAL"' in page


def test_an_accepted_attestation_moves_every_count_and_history(world: World, tmp_path: Path) -> None:
    tester, reviewer = client(world.users["tester"]), client(world.users["reviewer"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    before = tester.get(f"/bundle/{bundle.pk}/").content.decode()
    manual = count_of(before, "MANUAL")
    assert manual > 0 and count_of(before, "ATTESTED") == 0
    attest(tester, bundle, {"screen.png": b"\x89PNG"})
    within = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert review(reviewer, bundle, "accepted", within).status_code == 302
    after = tester.get(f"/bundle/{bundle.pk}/").content.decode()
    assert (count_of(after, "MANUAL"), count_of(after, "ATTESTED")) == (manual - 1, 1)
    attested = tester.get(f"/bundle/{bundle.pk}/?state=ATTESTED").content.decode()
    assert f'data-requirement="{MANUAL}" data-state="ATTESTED"' in attested
    history = tester.get(f"/m/{world.tokyo.code}/requirement/{MANUAL}/").content.decode()
    assert 'data-state="ATTESTED">確認書による検証' in history and "目視確認（確認書なし）" not in history
    assert 'id="current-state" class="s-ATTESTED"' in history


def test_a_transition_moves_the_counts_and_needs_a_requirement_of_the_edition(
        world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Transition

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}))
    for unknown in ("jumin-1.0-99.9-R999", "jumin-9.9-3.4-R001"):
        tester.post(f"/m/{world.tokyo.code}/transitions/", {
            "requirement": unknown, "notification": "届出-1", "promised": "2999-04-01"})
        assert not Transition.objects.filter(requirement=unknown).exists(), unknown
    refused = tester.post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": "jumin-1.0-99.9-R999", "notification": "届出-1", "promised": "2999-04-01"}, follow=True)
    assert "本ポータルの仕様書の版にない要件IDです" in refused.content.decode()
    tester.post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": CHECKED, "notification": "届出-1", "promised": "2999-04-01"})
    page = tester.get(f"/bundle/{bundle.pk}/").content.decode()
    assert (count_of(page, "FAIL"), count_of(page, "TRANSITION")) == (0, 1)
    history = tester.get(f"/m/{world.tokyo.code}/requirement/{CHECKED}/").content.decode()
    assert 'data-state="TRANSITION">経過措置中' in history


def test_a_newer_partial_run_is_flagged_only_for_the_systems_it_judged(world: World, tmp_path: Path) -> None:
    """Issue 48: a `-k` run claims every system of its profile; it was flagged on all 21."""
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}, "1.0"))
    partial = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, "1.1", partial=True))
    assert "より新しい部分実行があります" in tester.get(f"/m/{world.tokyo.code}/").content.decode()
    # As a run that selected only another system's requirements (its states, and the counts indexing kept).
    partial.states.all().delete()
    partial.systems.update(judged=0, counts={})
    assert "より新しい部分実行があります" not in tester.get(f"/m/{world.tokyo.code}/").content.decode()
