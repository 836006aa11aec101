"""The portal's flows through Django's test client (in process, no browser): bundles in, the
verdict, the worklist and attestations, 経過措置, the xlsx, roles and refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
from pathlib import Path
from typing import Any

import pytest
from filed_list import header, opened, states, table
from portal_helpers import (
    CHECKED,
    MANUAL,
    PASSWORD,
    PROFILE,
    World,
    jumin_requirements,
    keys,
    procedure_of,
    results,
    signed_bundle,
    signed_document,
)

from conformance.reporting.ziputil import read_entries, write_stored_zip
from conformance.results import declared_reason

pytestmark = pytest.mark.usefixtures("portal_db")


def client(user: Any) -> Any:
    from django.test import Client

    browser = Client()
    browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return browser


def upload(browser: Any, world: World, data: bytes, municipality: Any = None) -> Any:
    target = municipality or world.tokyo
    return browser.post("/upload/", {"municipality": target.pk, "bundle": io.BytesIO(data)}, follow=False)


def uploaded(browser: Any, world: World, data: bytes) -> Any:
    from conformance.portal.models import Bundle

    response = upload(browser, world, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Bundle.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def test_a_signed_bundle_is_indexed_and_its_verdict_shown(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    assert (bundle.product, bundle.version, bundle.vendor, bundle.verdict) == ("見本住記", "1.0", world.vendor,
                                                                                "incomplete")
    assert [(s.domain, s.edition, s.catalog_outdated) for s in bundle.systems.all()] == [("jumin", "1.0", False)]
    assert bundle.states.count() == 957  # the whole edition, as the catalog has it
    assert sorted(bundle.states.filter(item__requirement__in=(CHECKED, MANUAL))
                  .values_list("item__requirement", "status")) == [
        (CHECKED, "PASS"), (MANUAL, "MANUAL")]
    page = tester.get(f"/m/{world.tokyo.code}/").content.decode()
    assert "判定未完了" in page and "見本住記 1.0" in page


def test_a_tampered_or_forged_bundle_is_refused_and_nothing_stored(world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Bundle, RequirementState

    tester = client(world.users["tester"])
    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"})
    entries = dict(read_entries(data))
    entries["results.json"] = entries["results.json"].replace(b'"PASS"', b'"FAIL"', 1)
    tampered = write_stored_zip(list(entries.items()))
    forged = signed_bundle(tmp_path, keys(tmp_path), {CHECKED: "PASS"})
    before = (Bundle.objects.count(), RequirementState.objects.count())
    refused = upload(tester, world, tampered)
    assert refused.status_code == 400
    assert "results.json: 内容が変更されています" in refused.content.decode()
    refused = upload(tester, world, forged)
    assert refused.status_code == 400
    assert "はこのポータルでどのベンダーにも登録されていない" in refused.content.decode()
    assert upload(tester, world, b"not a zip").status_code == 400
    assert (Bundle.objects.count(), RequirementState.objects.count()) == before


def test_the_same_bundle_twice_is_refused(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"})
    uploaded(tester, world, data)
    again = upload(tester, world, data)
    assert again.status_code == 400 and "登録済みです" in again.content.decode()
    # A refusal is in the reader's language: the English session reads it in English.
    tester.post("/lang/", {"lang": "en"})
    english = upload(tester, world, data)
    assert english.status_code == 400 and "already indexed" in english.content.decode()
    assert "登録済み" not in english.content.decode().split('id="refusal"', 1)[1].split("</div>", 1)[0]


def test_the_bundle_checks_refuse_in_both_languages(world: World, tmp_path: Path) -> None:
    """Every refusal of the bundle checks (signature, manifest, catalog) has its Japanese and English."""
    from conformance.portal import ingest

    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"})
    entries = dict(read_entries(data))
    unsigned = write_stored_zip([(n, b) for n, b in entries.items() if n != "manifest.sig"])
    changed = dict(entries, **{"results.json": entries["results.json"].replace(b'"PASS"', b'"FAIL"', 1)})
    refusals = []
    for bundle in (unsigned, write_stored_zip(list(changed.items())), b"not a zip"):
        with pytest.raises(ingest.BundleRefused) as refused:
            ingest.verified(bundle)
        refusals.append(refused.value)
    assert [r.text("ja").split("\n")[0] for r in refusals] == [
        "manifest.sig がありません: バンドルに署名がありません（`conformance report sign` で署名してください）",
        "バンドルの検証に失敗しました（`conformance report verify` と同じ検査）:",
        refusals[2].text("ja")]
    assert refusals[2].text("ja").startswith("証拠バンドルとして読めません")
    assert [str(r).split("\n")[0] for r in refusals] == [
        "manifest.sig is missing: the bundle is not signed (`conformance report sign`)", "the bundle does not verify:",
        str(refusals[2])]
    assert "results.json: 内容が変更されています" in refusals[1].text("ja")
    from conformance.portal.recompute import ResultsRejected

    rejected = ResultsRejected([(f"{n} 件目", f"number {n}") for n in range(25)])
    listed = ingest.BundleRefused.listing(("合いません:", "does not agree:"), rejected.shown())
    assert listed.text("ja").endswith("… ほか 5 件") and str(listed).endswith("… and 5 more")


def test_not_applicable_only_where_the_harness_gives_it(world: World, tmp_path: Path) -> None:
    """NOT_APPLICABLE for a required requirement: the state alone of one declared outside the municipality's
    system, and the state of one judged by an export whose columns the bundle's profile declares absent (issue 48
    item 6); refused otherwise. The README's bundle holds both kinds (tests/portal/test_officers_day.py)."""
    from conformance.catalog.loader import load_edition
    from conformance.locations import default_catalog_root
    from conformance.portal.recompute import allowed_states

    outside = next(r for r in load_edition(default_catalog_root() / "jido_teate" / "2025.12").requirements
                   if r.duty == "outside")
    assert allowed_states(outside) == frozenset({"NOT_APPLICABLE"})
    rid = "jumin-1.0-1.1.2-R028"  # file.layout of residents_csv (and residents_fixed when configured)
    requirement = jumin_requirements()[rid]
    assert "NOT_APPLICABLE" not in allowed_states(requirement) | allowed_states(requirement, frozenset({"other"}))
    assert "NOT_APPLICABLE" in allowed_states(requirement, frozenset({"residents_csv"}))
    tester = client(world.users["tester"])
    refused = upload(tester, world, signed_bundle(tmp_path, world.signer, {rid: "NOT_APPLICABLE"}, "5.0"))
    assert refused.status_code == 400
    assert f"{rid}: 状態 NOT_APPLICABLE はハーネスがこの要件に与えない状態です" in refusal(refused)
    declared = PROFILE + ("targets:\n  exports:\n    via: directory\n    directory: .\n"
                          "    files: {residents_csv: r.csv}\n"
                          "    absent_columns: {residents_csv: [在留カード等番号]}\n")
    document = results({rid: "NOT_APPLICABLE"}, "5.1")
    reason = declared_reason("プロファイル「sample」が absent_columns で宣言した列の検査は対象外",
                             "the profile 'sample' declares the column absent")
    next(r for r in document["results"] if r["requirement"] == rid)["reason"] = reason
    bundle = uploaded(tester, world, signed_document(tmp_path, world.signer, document, "5.1", declared))
    assert bundle.states.get(item__requirement=rid).status == "NOT_APPLICABLE"
    # The requirement's page says why, in the reader's language.
    page = tester.get(f"/m/{world.tokyo.code}/requirement/{rid}/").content.decode()
    assert ('<p id="declared">対象外の理由: プロファイル「<code>sample</code>」が <code>absent_columns</code> '
            'で宣言した列の検査は対象外</p>') in page  # the profile's identifiers as code
    tester.post("/lang/", {"lang": "en"})
    page = tester.get(f"/m/{world.tokyo.code}/requirement/{rid}/").content.decode()
    assert ('<p id="declared">Why not applicable: the profile &#x27;sample&#x27; declares '
            'the column absent</p>') in page


def refusal(response: Any) -> str:
    """The refusal's text as the page shows it (tags dropped, entities read)."""
    import re

    shown = response.content.decode().split('id="refusal"', 1)[1].split("</div>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", shown.split(">", 1)[1])).strip()


def test_the_verifier_and_the_zip_reader_refuse_in_the_readers_language(world: World, tmp_path: Path) -> None:
    """Issue 48: the problems of `conformance report verify` and of the zip reader are quoted in Japanese in a
    Japanese refusal, in English in an English one (conformance.reporting.i18n.bundle_problem_text)."""
    from conformance.reporting.ziputil import write_zip

    tester = client(world.users["tester"])
    entries = read_entries(signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))
    reordered = write_zip([*entries[-2:], *entries[:-2]])  # manifest and signature first: signed, not as written
    japanese = {"reordered": refusal(upload(tester, world, reordered)), "zip": refusal(upload(tester, world, b"PK"))}
    tester.post("/lang/", {"lang": "en"})
    english = {"reordered": refusal(upload(tester, world, reordered)), "zip": refusal(upload(tester, world, b"PK"))}
    assert japanese["reordered"].splitlines()[:2] == [
        "バンドルの検証に失敗しました（`conformance report verify` と同じ検査）:",
        "アーカイブのエントリーの順序がハーネスの書く順序（ファイル、manifest.json、manifest.sig）ではありません"]
    assert english["reordered"].splitlines()[:2] == [
        "the bundle does not verify:",
        "the archive's entries are not in the order the harness writes (files, then manifest.json, then manifest.sig)"]
    assert "archive" not in japanese["reordered"] and "アーカイブ" not in english["reordered"]
    assert japanese["zip"] == ("証拠バンドルとして読めません（zip アーカイブではありません"
                               "（zip 形式のファイルではありません））")
    assert english["zip"] == "not a readable evidence bundle: not a zip archive: File is not a zip file"


def SimpleUploadedFile(name: str, data: bytes, content_type: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile as Uploaded

    return Uploaded(name, data, content_type)


def attest(browser: Any, bundle: Any, files: dict[str, bytes]) -> None:
    response = browser.post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "attest", "statement": "画面で警告を確認した",
        "evidence": [SimpleUploadedFile(name, data, "image/png") for name, data in files.items()]})
    assert response.status_code == 302


def review(browser: Any, bundle: Any, decision: str, expires: str = "") -> Any:
    return browser.post(f"/bundle/{bundle.pk}/manual/{MANUAL}/", {
        "action": "review", "decision": decision, "comment": f"{decision} です", "expires": expires,
        "attestation": read_attestation(bundle)})


def read_attestation(bundle: Any) -> str:
    """The attestation a reviewer's page shows (its decision names it)."""
    from conformance.portal.models import Attestation

    shown = Attestation.objects.filter(municipality=bundle.municipality, requirement=MANUAL).order_by("-created")
    return str(getattr(shown.first(), "pk", ""))


def test_an_accepted_attestation_turns_the_verdict_and_a_rejected_or_expired_one_does_not(
        world: World, tmp_path: Path) -> None:
    from conformance.portal.models import Attestation
    from conformance.portal.verdicts import compute

    tester, reviewer = client(world.users["tester"]), client(world.users["reviewer"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    # 住民記録 1.0 has 240 MANUAL requirements and 53 with no check yet, so none of its bundles is conformant
    # today: what one acceptance changes shows on a bundle whose only unverified requirement is MANUAL.
    bundle.states.exclude(status__in=("PASS", "NOT_APPLICABLE")).exclude(item__requirement=MANUAL).delete()
    assert MANUAL in tester.get(f"/bundle/{bundle.pk}/worklist/").content.decode()
    page = tester.get(f"/bundle/{bundle.pk}/manual/{MANUAL}/").content.decode()
    assert html.escape(procedure_of(MANUAL)) in page  # the catalog's procedure
    attest(tester, bundle, {"screen.png": b"\x89PNG fake screenshot"})
    assert review(tester, bundle, "accepted").status_code == 403  # a tester does not decide
    assert review(reviewer, bundle, "rejected").status_code == 302
    bundle.refresh_from_db()
    assert bundle.current_verdict == "incomplete"
    attest(tester, bundle, {"screen2.png": b"second screenshot"})
    within = (dt.date.today() + dt.timedelta(days=30)).isoformat()  # an expiry within the bound
    assert review(reviewer, bundle, "accepted", within).status_code == 302
    bundle.refresh_from_db()
    assert bundle.current_verdict == "conformant"
    accepted = Attestation.objects.get(state="accepted", municipality=world.tokyo)
    assert [(e.name, e.sha256) for e in accepted.evidence.all()] == [
        ("screen2.png", hashlib.sha256(b"second screenshot").hexdigest())]
    assert [c.decision for c in accepted.comments.all()] == ["submitted", "accepted"]
    assert compute(bundle, dt.date(2100, 1, 1))[0].value == "incomplete"  # expired
    assert "適合" in reviewer.get(f"/bundle/{bundle.pk}/").content.decode()


def test_a_user_of_another_municipality_is_refused(world: World, tmp_path: Path) -> None:
    tester, outsider = client(world.users["tester"]), client(world.users["outsider"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}))
    for url in (f"/m/{world.tokyo.code}/", f"/bundle/{bundle.pk}/", f"/bundle/{bundle.pk}/xlsx/",
                f"/bundle/{bundle.pk}/manual/{MANUAL}/", f"/m/{world.tokyo.code}/requirement/{CHECKED}/"):
        assert outsider.get(url).status_code == 404, url
    refused = upload(outsider, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))
    assert refused.status_code == 400  # not a municipality it may choose
    assert review(outsider, bundle, "accepted").status_code == 404


def test_vendor_and_prefecture_views(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}))
    vendor_page = client(world.users["vendor"]).get(f"/vendor/{world.vendor.pk}/").content.decode()
    assert world.tokyo.name in vendor_page
    prefecture = client(world.users["prefecture"])
    assert world.tokyo.name in prefecture.get(f"/prefecture/{world.tokyo.prefecture}/").content.decode()
    assert prefecture.get(f"/prefecture/{world.other.prefecture}/").status_code == 404
    assert prefecture.get(f"/m/{world.other.code}/").status_code == 404


def test_the_municipality_shows_the_latest_complete_result_and_flags_a_newer_partial_one(
    world: World, tmp_path: Path,
) -> None:
    tester = client(world.users["tester"])
    complete = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL"}, "1.0"))
    partial = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"}, "1.1", partial=True))
    assert (complete.partial, partial.partial) == (False, True)
    page = tester.get(f"/m/{world.tokyo.code}/").content.decode()
    # The system's latest result is the complete run (not conformant), flagged; the page's list of
    # uploads below still shows both.
    assert f'<a class="verdict v-not_conformant" href="/bundle/{complete.pk}/">' in page
    assert f'class="verdict v-incomplete" href="/bundle/{partial.pk}/"' not in page
    assert "より新しい部分実行があります" in page


def test_release_diff_puts_regressions_first(world: World, tmp_path: Path) -> None:
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"}, "1.0"))
    newer = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.1"))
    page = tester.get(f"/bundle/{newer.pk}/diff/").content.decode()
    regressions = page.index('id="regressions"')
    assert CHECKED in page[regressions:page.index("<h2", regressions + 10)]
    assert tester.get(f"/m/{world.tokyo.code}/requirement/{CHECKED}/").content.decode().count("<tr>") == 3


def test_transitions_are_shown_apart_and_raised_when_past_due(world: World, tmp_path: Path) -> None:

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))
    for requirement, promised in ((CHECKED, "2000-04-01"), (MANUAL, "2999-04-01")):
        response = tester.post(f"/m/{world.tokyo.code}/transitions/", {
            "requirement": requirement, "notification": f"デジ庁届出-{requirement[-4:]}", "promised": promised})
        assert response.status_code == 302
    page = tester.get(f"/m/{world.tokyo.code}/").content.decode()
    listed = page[page.index('id="transitions"'):]
    assert listed.count("期限超過") == 1 and "デジ庁届出-R001" in listed
    sheet = opened(tester.get(f"/bundle/{bundle.pk}/xlsx/").content)["住民基本台帳"]
    assert states(sheet)[CHECKED] == "経過措置中"
    assert "経過措置 届出 デジ庁届出-R001" in next(row[6] for row in table(sheet) if row[0] == CHECKED)
    assert client(world.users["vendor"]).post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": CHECKED, "notification": "x", "promised": "2000-01-01"}).status_code == 403


def test_the_xlsx_lists_the_catalog_in_order_with_states(world: World, tmp_path: Path) -> None:
    from django.utils import timezone
    from portal_helpers import JUMIN

    from conformance.catalog.loader import load_edition
    from conformance.portal.xlsx import filing

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "PASS", MANUAL: "MANUAL"},
                                                   partial=True))
    response = tester.get(f"/bundle/{bundle.pk}/xlsx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = opened(response.content)
    assert book.sheetnames == ["住民基本台帳", "実行の出所"]
    sheet = book["住民基本台帳"]
    rows = table(sheet)
    catalog = load_edition(JUMIN).requirements
    assert [row[0] for row in rows] == [r.id for r in catalog]
    by_id = {row[0]: row for row in rows}
    assert states(sheet)[CHECKED] == "適合" and states(sheet)[MANUAL] == "目視確認"
    assert by_id[CHECKED][4] == next(r.text for r in catalog if r.id == CHECKED)
    assert states(sheet)["jumin-1.0-1.1.1-R001"] == "未判定"  # not in this run's scope
    block = header(sheet)
    assert (block["団体名"], block["団体コード"]) == (world.tokyo.name, world.tokyo.code)
    assert block["パッケージ・バージョン"] == "見本住記 1.0" and block["版の種別"] == "標準仕様書"
    assert block["実行の出所"] == "自己申告（ベンダー提出）"
    assert block["実行日"] == timezone.localtime(bundle.created).date().isoformat()
    # Japan's day, not UTC's (issue 65): a run at 15:30 UTC on 3月31日 ran on 4月1日 in Japan.
    bundle.created = dt.datetime(2026, 3, 31, 15, 30, tzinfo=dt.UTC)
    assert filing(bundle).run_date == "2026-04-01"


def test_a_written_list_is_served_again_only_while_nothing_it_is_made_from_changed(
        world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list is kept under a digest of its inputs (issue 51): the same request again is served without
    reading the bundle; an accepted attestation, a 経過措置 and the next day each write it again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conformance.portal import verdicts

    tester, reviewer = client(world.users["tester"]), client(world.users["reviewer"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {CHECKED: "FAIL", MANUAL: "MANUAL"}))

    def listed() -> tuple[dict[str, str], dict[str, str], bool]:
        """The sheet's states, its header block, and whether the bundle's bytes were read."""
        with CaptureQueriesContext(connection) as captured:
            response = tester.get(f"/bundle/{bundle.pk}/xlsx/")
        assert response.status_code == 200
        sheet = opened(response.content)["住民基本台帳"]
        return states(sheet), header(sheet), any("portal_bundlefile" in q["sql"] for q in captured.captured_queries)

    first, block, read = listed()
    assert read and (first[CHECKED], first[MANUAL]) == ("不適合", "目視確認")
    assert listed() == (first, block, False)  # nothing changed: the list as written, the bundle not read
    attest(tester, bundle, {"screen.png": b"\x89PNG"})
    assert listed() == (first, block, False)  # submitted, not accepted: the list does not change
    within = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert review(reviewer, bundle, "accepted", within).status_code == 302
    attested, _, read = listed()
    assert read and attested[MANUAL] == "適合"
    assert tester.post(f"/m/{world.tokyo.code}/transitions/", {
        "requirement": CHECKED, "notification": "届出-1", "promised": "2999-04-01"}).status_code == 302
    transition, _, read = listed()
    assert read and transition[CHECKED] == "経過措置中"
    tomorrow = verdicts.today() + dt.timedelta(days=1)
    monkeypatch.setattr("conformance.portal.xlsx.today", lambda: tomorrow)
    _, next_day, read = listed()
    assert read and next_day["作成日"] == tomorrow.isoformat() != block["作成日"]


def test_the_portals_list_is_the_command_lines_list(world: World, tmp_path: Path) -> None:
    """One writer: the portal writes the list from the bundle's own results.json, so every row (its
    evidence too: findings, recorded exchanges) is the one `conformance report xlsx` writes."""
    from typer.testing import CliRunner

    from conformance.cli import app
    from conformance.reporting.ziputil import read_entries

    document = results({CHECKED: "FAIL", MANUAL: "MANUAL"}, "1.0")
    failed = next(r for r in document["results"] if r["requirement"] == CHECKED)
    failed["exchanges"] = [{"id": "e-42", "method": "GET", "url": "/x", "status": 500}]
    tester = client(world.users["tester"])
    data = signed_document(tmp_path, world.signer, document)
    bundle = uploaded(tester, world, data)
    portal = table(opened(tester.get(f"/bundle/{bundle.pk}/xlsx/").content)["住民基本台帳"])
    run = tmp_path / "run"
    run.mkdir()
    (run / "results.json").write_bytes(dict(read_entries(data))["results.json"])
    outcome = CliRunner().invoke(app, ["report", "xlsx", str(run), "--out", str(tmp_path / "cli.xlsx")])
    assert outcome.exit_code == 0, outcome.output
    assert portal == table(opened(tmp_path / "cli.xlsx")["住民基本台帳"])
    assert "api.status @ /x\nexchanges.har: e-42" in next(row[6] for row in portal if row[0] == CHECKED)


def test_login_is_throttled(world: World) -> None:
    from django.test import Client

    browser = Client()
    name = world.users["tester"].get_username()
    for _ in range(3):
        browser.post("/login/", {"username": name, "password": "wrong"})
    locked = browser.post("/login/", {"username": name, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in browser.session


def test_passwords_are_hashed_with_argon2(world: World) -> None:
    assert world.users["tester"].password.startswith("argon2$argon2id$")


def test_pages_need_a_login(portal_db: None) -> None:
    from django.test import Client

    response = Client().get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_uploads_over_the_limit_are_refused(world: World, tmp_path: Path) -> None:
    from django.test import override_settings

    from conformance.portal.models import Attestation, Bundle

    tester = client(world.users["tester"])
    bundle = uploaded(tester, world, signed_bundle(tmp_path, world.signer, {MANUAL: "MANUAL"}))
    data = signed_bundle(tmp_path, world.signer, {CHECKED: "PASS"})
    with override_settings(MAX_UPLOAD_BYTES=len(data) - 1):
        refused = upload(tester, world, data)
        assert refused.status_code == 400 and f"受け付けるのは {len(data) - 1} バイト" in refused.content.decode()
        attest(tester, bundle, {"huge.png": b"x" * len(data)})
    assert not Bundle.objects.filter(municipality=world.tokyo, pk__gt=bundle.pk).exists()
    assert not Attestation.objects.filter(municipality=world.tokyo).exists()


def test_municipalities_come_from_the_shipped_code_list() -> None:
    from typer.testing import CliRunner

    from conformance.cli import app
    from conformance.portal.models import Municipality

    added = CliRunner().invoke(app, ["portal", "municipalities", "131016"])
    assert added.exit_code == 0, added.output
    assert Municipality.objects.filter(code="131016").values_list("name", "prefecture").get() == ("千代田区", "東京都")
    refused = CliRunner().invoke(app, ["portal", "municipalities", "131017"])
    assert refused.exit_code == 2 and "check digit" in refused.output


def test_an_administrator_registers_a_vendor_key_as_pem(world: World, tmp_path: Path) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from conformance.portal.models import VendorKey

    admin = get_user_model().objects.create_superuser(f"admin-{world.vendor.pk}", password=None)
    browser = Client()
    browser.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    signer = keys(tmp_path)
    response = browser.post("/admin/portal/vendorkey/add/", {"vendor": world.vendor.pk,
                                                            "public_pem": signer.public_pem()})
    assert response.status_code == 302, response.content.decode()[:3000]
    registered = VendorKey.objects.filter(vendor=world.vendor).order_by("-id").first()
    assert registered is not None and registered.public_pem == signer.public_pem().strip()
    garbage = browser.post("/admin/portal/vendorkey/add/", {"vendor": world.vendor.pk, "public_pem": "nonsense"})
    assert garbage.status_code == 200 and "not a PEM public key" in garbage.content.decode()
    tester = client(world.users["tester"])
    uploaded(tester, world, signed_bundle(tmp_path, signer, {CHECKED: "PASS"}))  # accepted with the new key


def test_the_administration_site_speaks_japanese(world: World) -> None:
    """Django's own administration site: its words from Django's Japanese catalog, every model and field
    of the portal named in Japanese (no "Municipalitys"); English when the session switched."""
    import re

    from django.apps import apps
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser(f"admin-{world.vendor.pk}", password=PASSWORD)
    browser = client(root)
    index = browser.get("/admin/").content.decode()
    assert "サイト管理" in index and "市区町村" in index and "経過措置" in index
    assert "Municipalitys" not in index and "Site administration" not in index
    for path in ("/admin/portal/municipality/add/", "/admin/portal/transition/add/", "/admin/portal/vendorkey/add/"):
        form = browser.get(path).content.decode()
        labels = re.findall(r"<label[^>]*>([^<]+)</label>", form)
        assert labels and not [text for text in labels if re.search(r"[A-Za-z]{3,}", text) and "PEM" not in text
                               and "SHA" not in text and "pytest" not in text], (path, labels)
    for model in apps.get_app_config("portal").get_models():
        assert not re.search(r"[A-Za-z]{3,}", str(model._meta.verbose_name_plural).replace("API", "")), model
    browser.post("/lang/", {"lang": "en"})
    assert "Site administration" in browser.get("/admin/").content.decode()
