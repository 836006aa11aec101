"""``conformance reference``: serve the bundled reference vendor, list its defects.

Mounted by :mod:`conformance.cli.main` as ``conformance reference``. Heavy imports happen inside the
commands, so the main command line starts fast.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from conformance.cli.output import fail, new_app
from conformance.embedded import DEFECTS, parse_defects

reference_app = new_app("The bundled reference vendor (住民記録 1.0): a real implementation to run the suite against.")


@reference_app.command("serve")
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port).")] = 8765,
    defect: Annotated[
        list[str] | None, typer.Option("--defect", help="Break the vendor on purpose (repeatable); see `defects`.")
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Load this migration CSV instead of the generated test town.")
    ] = None,
) -> None:
    """Serve the reference vendor until Ctrl-C; prints its base URL."""
    from conformance.embedded import start_reference
    from conformance.testdata.migration import read_migration
    from conformance.testdata.town import default_town, town_summary

    if not 0 <= port <= 65535:
        raise fail(f"--port {port}: a port is a number from 1 to 65535 (0: any free port)")
    active = parse_defects(defect or [])
    rows = read_migration(data) if data is not None else default_town()
    try:
        running = start_reference(defects=active, rows=rows, host=host, port=port)
    except (OSError, OverflowError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise fail(f"cannot listen on {host}:{port}: {reason}; give another --host or --port") from None
    # Everything after the start is inside the try: a Ctrl-C that comes as soon as the URL is out (a
    # script that reads it and stops the server) still stops it cleanly, with exit 0.
    try:
        summary = town_summary(rows)
        shown = ", ".join(sorted(active)) or "none"
        sys.stderr.write(f"reference vendor serving {summary['rows']} residents in {summary['households']} "
                         f"households (defects: {shown}); press Ctrl-C to stop\n")
        sys.stdout.write(f"{running.url}\n")
        sys.stdout.flush()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()


@reference_app.command("defects")
def defects(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON list on stdout.")] = False,
) -> None:
    """The named defects the reference vendor can be started with, and the requirements each breaks."""
    if as_json:
        document = [
            {"name": d.name, "description": d.description, "requirements": list(d.requirements)}
            for d in DEFECTS.values()
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    for d in DEFECTS.values():
        sys.stdout.write(f"{d.name}\n    {d.description}\n    breaks: {', '.join(d.requirements)}\n")
