"""``conformance portal``: start the portal, run its worker, or run one of Django's management
commands. Mounted by the CLI through the ``conformance.cli`` entry-point group (the CLI never
imports the portal); Django is imported only once a command runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

portal_app = typer.Typer(help="The 適合確認 portal (web application; docs/portal.md).",
                         invoke_without_command=True)

CLIENT_COMMANDS = ("upload", "attestations")
UrlOption = Annotated[str, typer.Option("--url", envvar="CONFORMANCE_PORTAL_URL", help="The portal's address.")]
TokenOption = Annotated[str, typer.Option(
    "--token-env", metavar="VAR", help="Environment variable holding the API token (`conformance portal token`).")]
MunicipalityOption = Annotated[str, typer.Option("--municipality", help="The municipality's 団体コード.")]
HomeOption = Annotated[Path | None, typer.Option(
    "--home", help="Directory of the portal's files (embedded database, secret key); default ./portal-data.")]
DatabaseOption = Annotated[str | None, typer.Option(
    "--database", envvar="CONFORMANCE_PORTAL_DATABASE",
    help="postgresql://user:password@host:port/name for shared use; the embedded SQLite when not given.")]


@portal_app.callback()
def portal(
    context: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    home: HomeOption = None,
    database: DatabaseOption = None,
    worker: Annotated[bool | None, typer.Option(
        "--worker/--no-worker",
        help="Run a task worker in this process (default: with the embedded database).")] = None,
) -> None:
    """Start the portal: migrate, create the administrator on first start (its password printed
    once), run the in-process worker (embedded database), serve on HOST:PORT."""
    if context.invoked_subcommand in CLIENT_COMMANDS:
        return  # they speak to a portal over HTTP: no Django, no home here
    from conformance.portal import server

    server.configure(home, database)
    if context.invoked_subcommand is not None:
        return
    server.migrate()
    server.recover()
    password = server.first_administrator()
    if worker if worker is not None else not database:
        server.start_worker_thread()
    server.announce(host, port, password)
    server.serve(host, port)


@portal_app.command("worker")
def worker_command(
    batch: Annotated[bool, typer.Option("--batch", help="Stop when no task is left.")] = False,
) -> None:
    """Run queued runs (`conformance run` in a subprocess per task): N of these scale out."""
    from conformance.portal.tasks import recover_runs, worker

    recover_runs()
    worker(interval=1.0, batch=batch).run()


@portal_app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(context: typer.Context) -> None:
    """Django's management commands (createsuperuser, changepassword, migrate ...)."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["conformance portal manage", *context.args])


@portal_app.command("municipalities")
def municipalities_command(
    codes: Annotated[list[str], typer.Argument(
        help="市区町村コード (6 digits), or a prefecture's name for all of it.")],
) -> None:
    """Add municipalities from the 全国地方公共団体コード list the harness ships (name and prefecture)."""
    from conformance.portal.onboarding import OnboardingError, add_municipalities

    try:
        listed = add_municipalities(codes)
    except OnboardingError as error:
        raise typer.BadParameter(error.text("en")) from None
    typer.echo(f"{len(listed)} municipalities")


@portal_app.command("token")
def token_command(user: Annotated[str, typer.Argument(help="The account's user name.")]) -> None:
    """Make an API token for an account (shown once; the portal keeps its hash)."""
    from django.contrib.auth.models import User

    from conformance.portal.api import new_token

    found = User.objects.filter(username=user).first()
    if found is None:
        raise typer.BadParameter(f"no account named {user!r}")
    typer.echo(new_token(found))


def _token(variable: str) -> str:
    import os

    value = os.environ.get(variable, "")
    if not value:
        raise typer.BadParameter(f"--token-env: environment variable {variable} is not set or empty")
    return value


@portal_app.command("upload")
def upload_command(bundle: Annotated[Path, typer.Argument(help="A signed evidence.zip.")], url: UrlOption,
                   token_env: TokenOption, municipality: MunicipalityOption) -> None:
    """Post a signed bundle to a portal; prints the indexed bundle (id, verdict)."""
    import json

    from conformance.portal.client import upload

    typer.echo(json.dumps(upload(url, _token(token_env), municipality, bundle), ensure_ascii=False))


@portal_app.command("attestations")
def attestations_command(
    url: UrlOption, token_env: TokenOption, municipality: MunicipalityOption,
    product: Annotated[str, typer.Option("--product", help="The package's product name (the profile's).")],
    version: Annotated[str, typer.Option("--version", help="The package release (the profile's version).")],
    out: Annotated[Path, typer.Option("--out", help="Directory for attestations.yaml and the evidence files.")],
) -> None:
    """Fetch a release's accepted attestations as the attestations file a profile names
    (`attestations_file:`), for `conformance run`."""
    from conformance.portal.client import fetch_attestations

    query = {"municipality": municipality, "product": product, "version": version}
    typer.echo(str(fetch_attestations(url, _token(token_env), query, out)))
