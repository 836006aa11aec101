"""Runs from the portal, through the task queue: django-tasks (the backport of Django 6's
django.tasks) with its database backend, so a run is a row of the portal's own database that any
worker takes (`conformance portal worker`, or the thread the embedded default starts). The work is
the CLI's: ``conformance run`` in a subprocess (one execution path), its evidence.zip signed with
the portal's key and indexed like an upload."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker

from conformance.portal.ingest import index_portal_run, portal_key_paths
from conformance.portal.models import Run
from conformance.reporting.bundle import BUNDLE_NAME, load_private_key, sign_bundle

#: A whole run of a real vendor takes minutes; a stuck one is stopped after this.
RUN_TIMEOUT = 3 * 60 * 60


def worker(*, interval: float, batch: bool = False) -> Worker:
    """A worker of the default queue (what `conformance portal worker` runs)."""
    return Worker(queue_names=["default"], interval=interval, batch=batch, backend_name="default",
                  startup_delay=False, max_tasks=None, excluded_queue_names=[],
                  worker_id=f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}")


def command(out: Path, profile: Path | None, selection: str) -> list[str]:
    """The `conformance run` command line of one portal run."""
    line = [sys.executable, "-m", "conformance", "run", "--out", str(out)]
    if profile is not None:
        line += ["--profile", str(profile)]
    return [*line, "--", "-k", selection] if selection else line


@task()
def run_environment(run_id: int) -> str:
    """Run `conformance run` against the run's environment, sign and index the bundle; the run's
    state says what happened (done, or failed with the command's last lines)."""
    run = Run.objects.select_related("environment__municipality", "environment__vendor").get(pk=run_id)
    run.state = "running"
    run.save(update_fields=["state"])
    environment = run.environment
    with tempfile.TemporaryDirectory(prefix="portal-run-") as work:
        profile = None
        if environment.profile.strip():
            profile = Path(work) / "profile.yaml"
            profile.write_text(environment.profile, "utf-8")
        out = Path(work) / "out"
        completed = subprocess.run(command(out, profile, environment.selection), capture_output=True, text=True,
                                   timeout=RUN_TIMEOUT, check=False)
        bundle = out / BUNDLE_NAME
        if not bundle.is_file():
            run.state, run.message = "failed", (completed.stderr or completed.stdout)[-4000:]
            run.save(update_fields=["state", "message"])
            return run.state
        sign_bundle(bundle, load_private_key(portal_key_paths()[0]))
        run.bundle = index_portal_run(bundle.read_bytes(), environment.municipality, environment.vendor,
                                      run.requested_by)
    run.state, run.message = "done", f"exit {completed.returncode}"
    run.save(update_fields=["state", "message", "bundle"])
    return run.state
