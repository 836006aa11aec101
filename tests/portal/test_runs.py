"""Runs from the portal: a run requested on the municipality's page is queued (django-tasks'
database backend), a worker takes it, ``conformance run`` runs in a subprocess against the
registered environment (here the bundled reference, one requirement), and its bundle, signed with
the portal's key, is indexed for the municipality."""

from __future__ import annotations

import pytest
from portal_helpers import RUN_SELECTION, World

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("portal_db")]


def test_a_requested_run_is_queued_run_by_the_worker_and_indexed(world: World) -> None:
    from django.test import Client
    from django_tasks_db.models import DBTaskResult

    from conformance.portal.ingest import portal_public_pem, public_key
    from conformance.portal.models import Environment, Run
    from conformance.portal.tasks import worker
    from conformance.reporting.bundle import key_fingerprint

    environment = Environment.objects.create(municipality=world.tokyo, vendor=world.vendor, name="reference",
                                             selection=RUN_SELECTION)
    browser = Client()
    browser.force_login(world.users["tester"], backend="django.contrib.auth.backends.ModelBackend")
    assert browser.post(f"/m/{world.tokyo.code}/runs/", {"environment": environment.pk}).status_code == 302
    run = Run.objects.get(environment=environment)
    assert (run.state, DBTaskResult.objects.filter(id=run.task_id).count()) == ("queued", 1)
    worker(interval=0, batch=True).run()
    run.refresh_from_db()
    assert run.state == "done", run.message
    assert run.bundle is not None
    assert (run.bundle.municipality, run.bundle.vendor, run.bundle.partial) == (world.tokyo, world.vendor, True)
    assert run.bundle.origin == "witnessed"
    assert run.bundle.signer == key_fingerprint(public_key(portal_public_pem()))
    assert list(run.bundle.states.values_list("item__requirement", "status")) == [(RUN_SELECTION, "PASS")]
    page = browser.get(f"/m/{world.tokyo.code}/").content.decode()
    assert f"/bundle/{run.bundle.pk}/" in page
    assert '<td data-state="done">完了</td>' in page  # the run's state in the page's language, not "done"
    browser.post("/lang/", {"lang": "en"})
    assert '<td data-state="done">Done</td>' in browser.get(f"/m/{world.tokyo.code}/").content.decode()


def test_only_the_municipality_requests_runs(world: World) -> None:
    from django.test import Client

    from conformance.portal.models import Environment

    environment = Environment.objects.create(municipality=world.tokyo, vendor=world.vendor, name="reference")
    browser = Client()
    browser.force_login(world.users["outsider"], backend="django.contrib.auth.backends.ModelBackend")
    assert browser.post(f"/m/{world.tokyo.code}/runs/", {"environment": environment.pk}).status_code == 404
