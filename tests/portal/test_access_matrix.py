"""The one access rule (conformance/portal/access.py), role x object x action, through every page and
API endpoint that reaches an object: each cell says what the account gets (``ok``: the page, the
action's redirect or the API's 201; 400: the upload is refused, nothing stored; 403: it sees the
object but may not act; 404: it is not told the object exists).

The objects belong to vendor A at 千代田区 (a bundle, an attestation with evidence, a test environment
and a run). B is another vendor that supplies the same municipality: it must see none of A's objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from portal_helpers import CHECKED, MANUAL, World, keys, signed_bundle, world

pytestmark = pytest.mark.usefixtures("portal_db")

ROLES = ("admin", "tester", "reviewer", "outsider", "vendor", "rival", "prefecture")


@dataclass
class Scene:
    """Vendor A's objects at 千代田区, and every role's account."""

    world: World
    users: dict[str, Any]
    objects: dict[str, int]
    tokens: dict[str, str]
    directory: Path


@pytest.fixture(scope="module")
def scene(portal_db: None, tmp_path_factory: pytest.TempPathFactory) -> Scene:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from conformance.portal.api import new_token
    from conformance.portal.models import (
        Attestation,
        Bundle,
        Environment,
        Evidence,
        Membership,
        Role,
        Run,
        Vendor,
        VendorKey,
    )

    directory = tmp_path_factory.mktemp("matrix")
    made = world(directory)
    rival = Vendor.objects.create(name=f"B-{made.vendor.pk}")
    rival.customers.add(made.tokyo)
    VendorKey.objects.create(vendor=rival, public_pem=keys(directory).public_pem())
    users = dict(made.users)
    users["rival"] = get_user_model().objects.create_user(f"rival-{rival.pk}")
    Membership.objects.create(user=users["rival"], role=Role.VENDOR, vendor=rival)
    users["admin"] = get_user_model().objects.create_superuser(f"admin-{rival.pk}", password=None)
    browser = Client()
    browser.force_login(users["tester"], backend="django.contrib.auth.backends.ModelBackend")
    data = signed_bundle(directory, made.signer, {CHECKED: "PASS", MANUAL: "MANUAL"})
    answer = browser.post("/upload/", {"municipality": made.tokyo.pk, "bundle": io.BytesIO(data)})
    assert answer.status_code == 302, answer.content.decode()[-2000:]
    bundle = Bundle.objects.get(sha256=hashlib.sha256(data).hexdigest(), municipality=made.tokyo)
    attestation = Attestation.objects.create(
        municipality=made.tokyo, vendor=made.vendor, product=bundle.product, version=bundle.version,
        domain="jumin", edition="1.0", requirement=MANUAL, statement="画面を確認", state="accepted",
        created_by=users["tester"], decided_by=users["admin"], decided=timezone.now(),
        expires=dt.date.today() + dt.timedelta(days=30))
    evidence = Evidence.objects.create(attestation=attestation, name="screen.png", content_type="image/png",
                                       sha256=hashlib.sha256(b"png").hexdigest(), size=3, data=b"png")
    environment = Environment.objects.create(municipality=made.tokyo, vendor=made.vendor, name="A's test system")
    run = Run.objects.create(environment=environment, state="done", message="run-of-A")
    objects = {"bundle": bundle.pk, "evidence": evidence.pk, "environment": environment.pk, "run": run.pk}
    return Scene(made, users, objects, {role: new_token(users[role]) for role in ROLES}, directory)


def request(scene: Scene, role: str, action: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Do ``action`` as ``role`` through the page or endpoint that does it; the response."""
    from django.test import Client

    browser = Client()
    browser.force_login(scene.users[role], backend="django.contrib.auth.backends.ModelBackend")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {scene.tokens[role]}")
    code, bundle, evidence = scene.world.tokyo.code, scene.objects["bundle"], scene.objects["evidence"]
    manual = f"/bundle/{bundle}/manual/{MANUAL}/"
    environment = f"/manage/m/{code}/environment/{scene.objects['environment']}/"
    product = {"municipality": code, "product": "見本住記", "version": "1.0"}
    # A queued run stays a row: no worker runs it here (a later test's worker would take it).
    monkeypatch.setattr("conformance.portal.tasks.run_environment", _NoQueue())
    actions = {
        "view municipality": lambda: browser.get(f"/m/{code}/"),
        "view bundle": lambda: browser.get(f"/bundle/{bundle}/"),
        "download bundle": lambda: browser.get(f"/bundle/{bundle}/zip/"),
        "xlsx": lambda: browser.get(f"/bundle/{bundle}/xlsx/"),
        "worklist": lambda: browser.get(f"/bundle/{bundle}/worklist/"),
        "diff": lambda: browser.get(f"/bundle/{bundle}/diff/"),
        "history": lambda: browser.get(f"/m/{code}/requirement/{CHECKED}/"),
        "view attestation": lambda: browser.get(manual),
        "evidence page": lambda: browser.get(f"/evidence/{evidence}/"),
        "evidence api": lambda: api.get(f"/api/evidence/{evidence}/"),
        "attestations api": lambda: _listed(api.get("/api/attestations/", product)),
        # An empty statement: the access rule answers first; allowed, the form refuses and stores nothing.
        "attest": lambda: browser.post(manual, {"action": "attest", "statement": ""}),
        "review": lambda: browser.post(manual, {"action": "review", "decision": "comment", "comment": "c"}),
        "run": lambda: browser.post(f"/m/{code}/runs/", {"environment": scene.objects["environment"]}),
        "transition": lambda: browser.post(f"/m/{code}/transitions/", {"requirement": "bad"}),
        "vendor page": lambda: browser.get(f"/vendor/{scene.world.vendor.pk}/"),
        # A bundle of A's, its own release per role and way (no duplicate refusal in the way).
        "upload": lambda: browser.post("/upload/", {"municipality": scene.world.tokyo.pk,
                                                    "bundle": io.BytesIO(fresh(scene, f"{role}-page"))}),
        "upload api": lambda: api.post("/api/bundles/", {"municipality": code,
                                                         "bundle": io.BytesIO(fresh(scene, f"{role}-api"))}),
        "runs listed": lambda: _shows(browser.get(f"/m/{code}/"), "A&#x27;s test system"),
        # Onboarding (issue 48): the administrator's pages; a vendor sees its own vendor, may not manage it.
        "manage": lambda: browser.get("/manage/"),
        "onboard": lambda: browser.post("/manage/", {"form": "vendor", "name": ""}),
        "manage vendor": lambda: browser.get(f"/manage/vendor/{scene.world.vendor.pk}/"),
        "register key": lambda: browser.post(f"/manage/vendor/{scene.world.vendor.pk}/",
                                             {"form": "key", "pem": "not a key"}),
        # The pages that replace the administration site (issue 69): a municipality's settings are the
        # administrator's (a municipality one may not see is not found); an account's own tokens its own.
        "municipality settings": lambda: browser.get(f"/manage/m/{code}/"),
        "register environment": lambda: browser.post(f"/manage/m/{code}/", {"form": "environment", "name": ""}),
        "own tokens": lambda: browser.get("/tokens/"),
        # The installed product per 業務 (issue 68's Installation): seen as the municipality is, set by its own
        # officers; a test environment's own page (profile, secrets, files): the administrator's (issue 69).
        "installations": lambda: browser.get(f"/m/{code}/systems/"),
        "set installation": lambda: browser.post(f"/m/{code}/systems/", {
            "domain": "jumin", "product": scene.world.vendor.products.get(name="見本住記").pk}),
        "close transition": lambda: browser.post(f"/m/{code}/transitions/{open_transition(scene)}/close/"),
        "environment settings": lambda: browser.get(environment),
        "environment file": lambda: browser.post(environment, {"form": "file", "path": f"{role}.csv",
                                                               "upload": io.BytesIO(b"a")}),
    }
    return actions[action]()


def open_transition(scene: Scene) -> int:
    """A 経過措置 of 千代田区, open again before each role tries to end it."""
    from conformance.portal.models import Transition

    found, _ = Transition.objects.update_or_create(
        municipality=scene.world.tokyo, requirement=MANUAL,
        defaults={"domain": "jumin", "notification": "第1号", "promised": dt.date.today(), "closed": False})
    return int(found.pk)


def fresh(scene: Scene, version: str) -> bytes:
    """A new bundle of vendor A's product, signed with A's key."""
    return signed_bundle(scene.directory, scene.world.signer, {CHECKED: "PASS"}, version)


class _NoQueue:
    """Stands for the task: ``enqueue`` gives an id and queues nothing."""

    def enqueue(self, *args: object) -> Any:
        return type("Queued", (), {"id": "not-queued"})()


@dataclass
class _Outcome:
    status_code: int


def _listed(response: Any) -> _Outcome:
    """The attestations API: 200 only when A's attestation is in the list, else 404 (not shown)."""
    if response.status_code != 200:
        return _Outcome(response.status_code)
    return _Outcome(200 if response.json()["attestations"] else 404)


def _shows(response: Any, text: str) -> _Outcome:
    if response.status_code != 200:
        return _Outcome(response.status_code)
    return _Outcome(200 if text in response.content.decode() else 404)


OK, REFUSED, NO, HIDDEN = "ok", 400, 403, 404
#: Expected per action, in the order of ROLES: admin, tester, reviewer, outsider, vendor A, vendor B, prefecture.
MATRIX: dict[str, tuple[object, ...]] = {
    "view municipality": (OK, OK, OK, HIDDEN, OK, OK, OK),
    "view bundle": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "download bundle": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "xlsx": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "worklist": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "diff": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "history": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "view attestation": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "evidence page": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "evidence api": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "attestations api": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "attest": (OK, OK, OK, HIDDEN, OK, HIDDEN, NO),
    "review": (OK, NO, OK, HIDDEN, NO, HIDDEN, NO),
    "run": (OK, OK, OK, HIDDEN, NO, HIDDEN, NO),
    "transition": (OK, OK, OK, HIDDEN, NO, NO, NO),
    "vendor page": (OK, HIDDEN, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN),
    # Refused (400, nothing stored): the outsider may not choose 千代田区 in the form, B may not upload
    # what A signed, a prefecture viewer does not upload; through the API the outsider does not see it.
    "upload": (OK, OK, OK, REFUSED, OK, REFUSED, REFUSED),
    "upload api": (OK, OK, OK, HIDDEN, OK, REFUSED, REFUSED),
    "runs listed": (OK, OK, OK, HIDDEN, OK, HIDDEN, OK),
    "manage": (OK, NO, NO, NO, NO, NO, NO),
    "onboard": (OK, NO, NO, NO, NO, NO, NO),
    "manage vendor": (OK, HIDDEN, HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN),
    "register key": (OK, HIDDEN, HIDDEN, HIDDEN, NO, HIDDEN, HIDDEN),
    "municipality settings": (OK, NO, NO, HIDDEN, NO, NO, NO),
    "register environment": (OK, NO, NO, HIDDEN, NO, NO, NO),
    "own tokens": (OK, OK, OK, OK, OK, OK, OK),
    "installations": (OK, OK, OK, HIDDEN, OK, OK, OK),
    "set installation": (OK, OK, OK, HIDDEN, NO, NO, NO),
    "close transition": (OK, OK, OK, HIDDEN, NO, NO, NO),
    "environment settings": (OK, NO, NO, HIDDEN, NO, NO, NO),
    "environment file": (OK, NO, NO, HIDDEN, NO, NO, NO),
}
CASES = [(role, action, expected[i]) for action, expected in MATRIX.items() for i, role in enumerate(ROLES)]


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_the_access_rule(scene: Scene, role: str, action: str, expected: object,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    status = request(scene, role, action, monkeypatch).status_code
    if expected == OK:
        assert status in (200, 201, 302), f"{role} {action}: {status}"
    else:
        assert status == expected, f"{role} {action}: {status}"


def test_every_url_with_an_object_is_in_the_matrix() -> None:
    """A new page or endpoint that reaches an object must be added above (and so to the rule)."""
    from conformance.portal.urls import urlpatterns

    covered = {"", "login/", "logout/", "password/", "lang/", "static/portal/ipaexg-00401.woff", "upload/", "admin/",
               "m/<str:code>/",
               "m/<str:code>/requirement/<str:requirement>/", "m/<str:code>/transitions/", "m/<str:code>/runs/",
               "bundle/<int:pk>/", "bundle/<int:pk>/diff/", "bundle/<int:pk>/xlsx/", "bundle/<int:pk>/zip/",
               "bundle/<int:pk>/worklist/", "bundle/<int:pk>/manual/<str:requirement>/", "evidence/<int:pk>/",
               "prefecture/<str:name>/", "vendor/<int:pk>/", "api/bundles/", "api/attestations/",
               "api/evidence/<int:pk>/", "manage/", "manage/vendor/<int:pk>/", "manage/m/<str:code>/", "tokens/",
               "m/<str:code>/systems/", "manage/m/<str:code>/environment/<int:pk>/",
               "m/<str:code>/transitions/<int:pk>/close/"}
    assert {str(p.pattern) for p in urlpatterns} <= covered
