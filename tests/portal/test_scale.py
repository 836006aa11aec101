"""The pages at national scale (issue 51): each page asks the database a fixed number of queries,
whatever the number of municipalities, bundles and systems it shows; no page but the download reads
a bundle's stored bytes; what cannot be shown whole is paginated (never cut off silently); each
system's counts by state, kept at indexing, are the ones counted from the states.

Query counts, not timings (benchmarks/portal_load.py measures those)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, MANUAL, World, signed_bundle
from test_portal import client

pytestmark = pytest.mark.usefixtures("portal_db")


def queries(browser: Any, url: str) -> tuple[int, list[str]]:
    """How many queries a page asked, and their SQL (the page must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = browser.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured.captured_queries), [q["sql"] for q in captured.captured_queries]


def add_towns(world: World, count: int, data: bytes, root: Any) -> list[Any]:
    """``count`` more municipalities of the world's prefecture, each supplied by its vendor and with
    the same signed bundle indexed (the real path; a bundle is refused twice only in one municipality)."""
    from conformance.portal.ingest import index
    from conformance.portal.models import Installation, Municipality

    made = []
    for _ in range(count):
        code = uuid.uuid4().hex[:6]
        town = Municipality.objects.create(code=code, name=f"町{code}", prefecture=world.tokyo.prefecture)
        world.vendor.customers.add(town)
        Installation.objects.create(municipality=town, domain="jumin",
                                    product=world.vendor.products.get(name="見本住記"))
        index(data, town, root)
        made.append(town)
    return made


def page_queries(world: World, root: Any, town: Any, bundle: Any) -> dict[str, int]:
    pages = {"home (prefecture viewer)": (world.users["prefecture"], "/"),
             "home (administrator)": (root, "/"),
             "prefecture": (world.users["prefecture"], f"/prefecture/{world.tokyo.prefecture}/"),
             "municipality": (world.users["tester"], f"/m/{town.code}/"),
             "vendor": (world.users["vendor"], f"/vendor/{world.vendor.pk}/"),
             "bundle": (world.users["tester"], f"/bundle/{bundle.pk}/"),
             "history": (world.users["tester"], f"/m/{town.code}/requirement/{CHECKED}/"),
             "xlsx": (world.users["tester"], f"/bundle/{bundle.pk}/xlsx/")}
    from django.core.cache import caches

    from conformance.portal.xlsx import KEPT

    counted = {}
    for name, (user, url) in pages.items():
        caches[KEPT].clear()  # the list written, not served from the store (counted apart below)
        count, sql = queries(client(user), url)
        # The 適合状況一覧 is written from the bundle's own results.json: its bytes, once; no other page reads them.
        read = len([q for q in sql if "portal_bundlefile" in q])
        assert read == (1 if name == "xlsx" else 0), f"{name} read a bundle's bytes {read} times"
        counted[name] = count
    # The same list again, unchanged: served as written, the bundle's bytes not read, one query fewer.
    count, sql = queries(client(pages["xlsx"][0]), pages["xlsx"][1])
    assert not [q for q in sql if "portal_bundlefile" in q]
    counted["xlsx, kept"] = count
    assert count == counted["xlsx"] - 1
    return counted


def test_each_page_asks_a_fixed_number_of_queries_as_the_country_grows(world: World, tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model

    from conformance.portal import views
    from conformance.portal.ingest import index
    from conformance.portal.models import Attestation, Bundle, Municipality, Transition

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    # The administrator's home lists up to HOME_LIST municipalities and sends more to the prefectures' pages: the
    # country is past that already, so that the towns added below (and the other tests' sharing this database)
    # never move the page from one form to the other between the two counts.
    Municipality.objects.bulk_create([Municipality(code=uuid.uuid4().hex[:6], name="村", prefecture="多県")
                                      for _ in range(views.HOME_LIST + 1)])
    first = signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.0")
    index(first, world.tokyo, root)
    add_towns(world, 2, first, root)
    bundle = Bundle.objects.filter(municipality=world.tokyo).get()

    def attest(version: str) -> None:
        Attestation.objects.create(municipality=world.tokyo, vendor=world.vendor, product="見本住記", version=version,
                                   domain="jumin", edition="1.0", requirement=MANUAL, statement="確認した",
                                   state=Attestation.State.ACCEPTED, expires=dt.date.today() + dt.timedelta(days=30))

    attest("1.0")
    Transition.objects.create(municipality=world.tokyo, domain="jumin", requirement=CHECKED, notification="届出-1",
                              promised=dt.date.today() + dt.timedelta(days=30))
    before = page_queries(world, root, world.tokyo, bundle)

    # Three times the municipalities, another release in each, a partial run, another attestation.
    second = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}, "2.0")
    towns = add_towns(world, 6, first, root)
    for town in [world.tokyo, *towns]:
        index(second, town, root)
    index(signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}, "2.1", partial=True), world.tokyo, root)
    attest("2.0")
    after = page_queries(world, root, world.tokyo, bundle)
    assert after == before


def test_the_prefecture_and_vendor_pages_are_paginated_not_cut(world: World, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from django.contrib.auth import get_user_model

    from conformance.portal import views

    monkeypatch.setattr(views, "PAGE_ROWS", 2)
    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, "1.0")
    towns = sorted(add_towns(world, 4, data, root), key=lambda t: t.code)  # with tokyo: 5, no bundle there
    viewer = client(world.users["prefecture"])
    shown = []
    for number in (1, 2, 3):
        page = viewer.get(f"/prefecture/{world.tokyo.prefecture}/?page={number}").content.decode()
        shown += re.findall(r'<a href="/m/([^/]+)/">', page)
        assert f"ページ {number} / 3" in page
    assert sorted(shown) == sorted([t.code for t in towns] + [world.tokyo.code])
    vendor = client(world.users["vendor"])
    listed = []
    for number in (1, 2):
        page = vendor.get(f"/vendor/{world.vendor.pk}/?page={number}").content.decode()
        listed += re.findall(r"<td>(町[0-9a-f]{6})</td>", page)
        assert "顧客・パッケージ版ごとの最新バンドル (4)" in page
    assert sorted(listed) == sorted(t.name for t in towns)
    summary = vendor.get(f"/vendor/{world.vendor.pk}/").content.decode()
    assert "<tr><td>見本住記 1.0</td><td>4</td><td>4</td></tr>" in summary


def test_many_municipalities_are_reached_through_prefectures_not_one_long_form(world: World) -> None:
    from django.contrib.auth import get_user_model

    from conformance.portal import views
    from conformance.portal.models import Municipality

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    Municipality.objects.bulk_create([Municipality(code=uuid.uuid4().hex[:6], name="村", prefecture="多県")
                                      for _ in range(views.HOME_LIST + 1)])
    home = client(root).get("/").content.decode()
    assert 'id="many-municipalities"' in home and "<option" not in home
    assert '<a href="/prefecture/%E5%A4%9A%E7%9C%8C/">多県</a>' in home
    tester = client(world.users["tester"]).get("/").content.decode()  # one municipality: listed, the form's own
    assert f'<input type="hidden" name="municipality" value="{world.tokyo.pk}"' in tester and "<option" not in tester
    page = client(root).get(f"/m/{world.tokyo.code}/").content.decode()  # the page's form is for its municipality
    assert f'<input type="hidden" name="municipality" value="{world.tokyo.pk}"' in page and "<option" not in page


def test_kept_counts_are_the_counts_of_the_states(world: World, tmp_path: Path) -> None:
    from collections import Counter

    from django.contrib.auth import get_user_model

    from conformance.portal.ingest import index
    from conformance.portal.models import Attestation, Transition
    from conformance.portal.progress import progress, rows, system_counts
    from conformance.portal.verdicts import today

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    bundle = index(signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.0"), world.tokyo, root)
    partial = index(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, "1.1", partial=True), world.tokyo, root)
    Attestation.objects.create(municipality=world.tokyo, vendor=world.vendor, product="見本住記", version="1.0",
                               domain="jumin", edition="1.0", requirement=MANUAL, statement="確認した",
                               state=Attestation.State.ACCEPTED, expires=today() + dt.timedelta(days=30))
    Transition.objects.create(municipality=world.tokyo, domain="jumin", requirement=CHECKED, notification="届出-1",
                              promised=today() + dt.timedelta(days=30))
    for found in (bundle, partial):
        system = found.systems.get()
        assert system.counts == dict(Counter(found.states.values_list("status", flat=True)))
        counted = system_counts([system], today())[system.pk]
        assert counted == progress(found, rows(found, today()))[0].ordered
    system = bundle.systems.get()
    assert dict(system_counts([system], today())[system.pk])["TRANSITION"] == 1
    assert dict(system_counts([system], today())[system.pk])["ATTESTED"] == 1


def test_each_state_is_stored_as_the_results_say(world: World, tmp_path: Path) -> None:
    """The states are inserted by ingest.insert_states (not the ORM's bulk_create): every field read
    back as results.json has it, JSON included, in the catalog's order."""
    import json

    from django.contrib.auth import get_user_model

    from conformance.portal.ingest import index
    from conformance.portal.models import ITEM_VALUES
    from conformance.reporting.ziputil import read_entries

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    data = signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.0")
    bundle = index(data, world.tokyo, root)
    written = json.loads(dict(read_entries(data))["results.json"])["results"]
    stored = list(bundle.states.order_by("id").values("status", "reason", "findings", "attestation", **ITEM_VALUES))
    assert stored == [{key: entry[key] for key in stored[0]} for entry in written]
    assert next(s for s in stored if s["requirement"] == CHECKED)["findings"][0]["code"] == "api.status"


def test_a_state_is_stored_small(world: World, tmp_path: Path) -> None:
    """A state's row holds its requirement by reference (one row per requirement, whatever the number of
    bundles), its state as a small integer, and NULL for an empty reason and empty findings; read back,
    they are the words and the empty values (issue 51: 124 bytes of row a state before)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from conformance.portal.ingest import index
    from conformance.portal.models import STATUS_CODES, CatalogRequirement, RequirementState

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")
    first = index(signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.0"), world.tokyo, root)
    second = index(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, "1.1"), world.tokyo, root)
    held = CatalogRequirement.objects.filter(domain="jumin", edition="1.0").count()
    assert first.states.count() == second.states.count() == held == 957
    table = RequirementState._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT s.status, s.reason, s.findings FROM {table} s JOIN portal_catalogrequirement i "
                       "ON i.id = s.item_id WHERE s.bundle_id = %s AND i.requirement = %s", [first.pk, CHECKED])
        status, reason, findings = cursor.fetchone()
        assert (status, reason) == (STATUS_CODES.index("FAIL"), None) and findings is not None
        cursor.execute(f"SELECT s.status, s.reason, s.findings FROM {table} s JOIN portal_catalogrequirement i "
                       "ON i.id = s.item_id WHERE s.bundle_id = %s AND i.requirement = %s", [second.pk, CHECKED])
        assert cursor.fetchone() == (STATUS_CODES.index("PASS"), None, None)
    passed = second.states.get(item__requirement=CHECKED)
    assert (passed.status, passed.reason, passed.findings, passed.requirement, passed.domain) == (
        "PASS", "", [], CHECKED, "jumin")
    assert second.states.filter(status="FAIL").count() == 0 and first.states.filter(status="FAIL").count() == 1
    with pytest.raises(ValueError, match="'SOMETIMES' is not one of PASS"):
        list(first.states.filter(status="SOMETIMES"))


def test_the_latest_result_is_the_newest_complete_run_flagged_by_a_newer_one_that_judged_or_stopped(
        world: World, tmp_path: Path) -> None:
    """queries.latest_for: a partial run before the complete one does not flag it, a newer stopped run
    does (even when it judged nothing), a newer partial run that judged nothing does not, and a newer
    complete run is taken instead."""
    from django.contrib.auth import get_user_model

    from conformance.portal.ingest import index
    from conformance.portal.models import Bundle
    from conformance.portal.queries import latest_for
    from conformance.results import Verdict

    root = get_user_model().objects.create_superuser(f"root-{uuid.uuid4().hex[:8]}")

    def upload(version: str, partial: bool = False) -> Any:
        return index(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, version, partial=partial),
                     world.tokyo, root)

    def latest() -> tuple[int, bool]:
        found = latest_for([world.tokyo.pk], Bundle.objects.all())[world.tokyo.pk]
        assert len(found) == 1  # one system: 住民記録
        return found[0].system.bundle_id, found[0].newer_partial

    upload("0.9", partial=True)
    complete = upload("1.0")
    assert latest() == (complete.pk, False)
    quiet = upload("1.1", partial=True)
    quiet.systems.update(judged=0)
    assert latest() == (complete.pk, False)
    stopped = upload("1.2", partial=True)
    stopped.systems.update(judged=0)
    Bundle.objects.filter(pk=stopped.pk).update(verdict=Verdict.NOT_RUN)
    assert latest() == (complete.pk, True)
    again = upload("1.3")
    assert latest() == (again.pk, False)
