"""Runs from the portal, through the task queue: django-tasks (the backport of Django 6's
django.tasks) with its database backend, so a run is a row of the portal's own database that any
worker takes (`conformance portal worker`, or the thread the embedded default starts). The work is
the CLI's: ``conformance run`` in a subprocess (one execution path), its evidence.zip signed with
the portal's key and indexed like an upload, as witnessed.

A run cannot hang: the worker holds a lease on it and renews it every :data:`HEARTBEAT` seconds
while the child runs. A worker or portal that starts ends every run whose lease lapsed (its worker
was killed, or the machine restarted) as failed, with the reason, and removes the child process (on
the same host) and its work directory (:func:`recover_runs`).

A run is sealed off from the portal (:mod:`conformance.portal.sealing`): its working directory holds
only the environment's own uploaded files; its variables are only the environment's own secrets
(:func:`child_environment`), never the portal's; its profile is checked again before it starts; and
with ``CONFORMANCE_PORTAL_RUN_USER`` it runs as that OS user, who cannot read the portal's home.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from conformance.portal.ingest import index_portal_run, portal_key_paths
from conformance.portal.models import Run
from conformance.portal.sealing import PROFILE_NAME, normalised, profile_problems, secret_problems
from conformance.reporting.bundle import BUNDLE_NAME, load_private_key, sign_bundle

#: A whole run of a real vendor takes minutes; a stuck one is stopped after this.
RUN_TIMEOUT = 3 * 60 * 60
#: How often a worker renews the lease of the run it holds, and how long a lease lasts unrenewed.
HEARTBEAT, LEASE = 15.0, 120.0
#: What names a run's work directory (so recovery removes only what a run made).
WORKDIR_PREFIX = "portal-run-"
#: Variables the child always gets (how to find programs and code, and how to write text), when set.
PASSED = ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "CONFORMANCE_CATALOG", "SYSTEMROOT")
#: The OS user a run's child becomes (a portal started as root): it cannot read the portal's home.
RUN_USER_VARIABLE = "CONFORMANCE_PORTAL_RUN_USER"
#: This process, as a run's ``worker`` records it: a lapsed run's child is killed only on its host.
WORKER = f"{socket.gethostname()}:{os.getpid()}"


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


def child_environment(secrets: Mapping[str, str], work: Path,
                      environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """What the run's child sees: :data:`PASSED` of the portal's environment (how to find programs
    and code, the locale), the environment record's own ``secrets`` (what its profile's ``env``
    fields name), and a home and temporary directory of its own. No other variable of the portal:
    a profile naming one gets nothing (and is refused at registration: sealing.py)."""
    source = os.environ if environ is None else environ
    kept = {name: source[name] for name in PASSED if name in source}
    own = {name: value for name, value in secrets.items() if not secret_problems({name: value})}
    return kept | own | {"HOME": str(work), "TMPDIR": str(work / "tmp")}


@task()
def run_environment(run_id: int) -> str:
    """Run `conformance run` against the run's environment, sign and index the bundle; the run's
    state says what happened (done, or failed with the reason or the command's last lines)."""
    recover_runs()
    run = Run.objects.select_related("environment__municipality", "environment__vendor").get(pk=run_id)
    work = Path(tempfile.mkdtemp(prefix=WORKDIR_PREFIX))  # 0700
    (work / "tmp").mkdir()
    _hold(run, workdir=str(work))
    try:
        return _run(run, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _hold(run: Run, **fields: Any) -> None:
    """Take (or renew) the run's lease for this worker."""
    now = timezone.now()
    for name, value in {"state": "running", "worker": WORKER, "heartbeat": now,
                        "lease_until": now + dt.timedelta(seconds=LEASE), **fields}.items():
        setattr(run, name, value)
    run.save(update_fields=["state", "worker", "heartbeat", "lease_until", *fields])


def _run(run: Run, work: Path) -> str:
    environment = run.environment
    secrets = environment.secrets if isinstance(environment.secrets, dict) else {}
    files = {file.name: bytes(file.data) for file in environment.files.all()}
    # Checked again: a row saved without clean() (a script, an older portal) is not run unsealed.
    problems = secret_problems(environment.secrets) + profile_problems(environment.profile, files, set(secrets))
    if problems:
        return _finish(run, "failed", "\n".join(f"{ja} / {en}" for ja, en in problems))
    data = _data_directory(work, files)
    profile = None
    if environment.profile.strip():
        profile = data / PROFILE_NAME
        profile.write_text(environment.profile, "utf-8")
    out, log = work / "out", work / "output.txt"
    user = os.environ.get(RUN_USER_VARIABLE, "")
    if user:
        _give(work, user)
    with log.open("w", encoding="utf-8") as output:
        child = subprocess.Popen(command(out, profile, environment.selection), stdout=output,
                                 stderr=subprocess.STDOUT, env=child_environment(secrets, work), cwd=data,
                                 start_new_session=True,  # its own process group: recovery ends all of it
                                 **_as_user(user))
        _hold(run, pid=child.pid)
        reason = _watch(run, child)
    if reason is not None:
        return _finish(run, "failed", reason)
    bundle = out / BUNDLE_NAME
    if not bundle.is_file():
        return _finish(run, "failed", log.read_text("utf-8", "replace")[-4000:])
    sign_bundle(bundle, load_private_key(portal_key_paths()[0]))
    run.bundle = index_portal_run(bundle.read_bytes(), environment.municipality, environment.vendor,
                                  run.requested_by)
    return _finish(run, "done", f"exit {child.returncode}")


def _data_directory(work: Path, files: Mapping[str, bytes]) -> Path:
    """The run's working directory: the environment's own files, and nothing else."""
    data = work / "data"
    data.mkdir()
    for name, content in files.items():
        target = data / normalised(name)  # checked by profile_problems' callers: relative, no '..'
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return data


def _give(work: Path, user: str) -> None:
    """The work directory to the run's OS user (its own files; the portal's home stays the portal's)."""
    for path in (work, *work.rglob("*")):
        shutil.chown(path, user, _group_of(user))


def _group_of(user: str) -> int:
    return pwd.getpwnam(user).pw_gid


def _as_user(user: str) -> dict[str, Any]:
    """Popen's arguments that make the child ``user`` with its own group only (none when unset)."""
    return {"user": user, "group": _group_of(user), "extra_groups": []} if user else {}


def _watch(run: Run, child: subprocess.Popen[bytes]) -> str | None:
    """Wait for the child, renewing the lease; the reason it was stopped, or None when it ended."""
    started = time.monotonic()
    while True:
        try:
            child.wait(timeout=HEARTBEAT)
            return None
        except subprocess.TimeoutExpired:
            pass
        run.refresh_from_db(fields=["state", "worker"])
        if run.state != "running" or run.worker != WORKER:
            _stop(child.pid)
            return "the run was ended by another worker (its lease had lapsed)"
        if time.monotonic() - started > RUN_TIMEOUT:
            _stop(child.pid)
            return f"stopped after {RUN_TIMEOUT} s"
        _hold(run)


def _finish(run: Run, state: str, message: str) -> str:
    run.state, run.message, run.lease_until, run.pid = state, message, None, None
    run.save(update_fields=["state", "message", "bundle", "lease_until", "pid"])
    return state


def recover_runs(now: dt.datetime | None = None) -> int:
    """End every running run whose lease lapsed before ``now``: failed, with the reason; its child
    process group killed (when it ran on this host) and its work directory removed. Returns how many."""
    lapsed = Run.objects.filter(state="running", lease_until__lt=now or timezone.now())
    count = 0
    for run in lapsed:
        if run.pid and run.worker.split(":", 1)[0] == socket.gethostname() and _owns(run.pid, run.workdir):
            _stop(run.pid)
        _remove_workdir(run.workdir)
        # Only if nobody renewed it meanwhile: a worker that was merely slow keeps its run.
        ended = Run.objects.filter(pk=run.pk, state="running", lease_until=run.lease_until).update(
            state="failed", lease_until=None, pid=None, message=lapse_reason(run))
        if ended:
            _fail_task(run.task_id)
        count += ended
    return count


def _fail_task(task_id: str) -> None:
    """The queue's row of an ended run marked failed too: no worker will finish it."""
    try:
        found = uuid.UUID(task_id)
    except ValueError:
        return
    DBTaskResult.objects.filter(id=found, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now())


def lapse_reason(run: Run) -> str:
    """Why a run whose lease lapsed was ended."""
    last = timezone.localtime(run.heartbeat).strftime("%Y-%m-%d %H:%M:%S") if run.heartbeat else "none"
    return (f"the worker {run.worker or '?'} stopped renewing the run's lease (last heartbeat {last}): the portal "
            "or its worker was stopped; the run was ended as failed, its process and temporary files removed")


def _owns(pid: int, workdir: str) -> bool:
    """Whether ``pid`` is still the run's child (its command line names the run's work directory),
    not a process that got the number since."""
    try:
        return bool(workdir) and workdir.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _stop(pid: int) -> None:
    """End the child's process group (the run and whatever it started)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):  # gone already, or not ours
        os.killpg(pid, signal.SIGKILL)


def _remove_workdir(workdir: str) -> None:
    """Remove a run's work directory: only one this portal made (its prefix, in the temporary directory)."""
    path = Path(workdir)
    if workdir and path.name.startswith(WORKDIR_PREFIX) and path.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(path, ignore_errors=True)
