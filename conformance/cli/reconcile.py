"""``conformance reconcile OLD NEW``: thin, :mod:`conformance.reconcile` compares.

Exit 0 when both exports agree, 1 when they differ, 2 when an input cannot be used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from conformance.cli.options import CatalogOption, JsonOption
from conformance.cli.output import echo, print_json, say
from conformance.errors import UsageError

#: Rows of the エラーリスト printed by the text output (the counts are exact; --out writes them all).
SHOWN_LINES = 20


def reconcile_command(
    old: Annotated[Path, typer.Argument(help="The legacy system's export.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The new system's export.", show_default=False)],
    layout: Annotated[str, typer.Option("--layout", help="Catalog layout id of both files, e.g. residents_csv.")],
    key: Annotated[list[str] | None, typer.Option("--key", help="Item(s) matching records (default 宛名番号).")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Vendor profile: names, encodings.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of both (default: detected).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write 照合リスト, エラーリスト (CSV, xlsx).")] = None,
    catalog: CatalogOption = None,
    as_json: JsonOption = False,
    show_values: Annotated[str | None, typer.Option(
        "--show-values", metavar="NAME",
        help="An authorised officer's name: show the values the lists mask (personal items such as 氏名). "
             "Needs --reason; who, why and when are recorded on stderr, in --json and in --out (開示記録.txt).",
    )] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why the values are shown (with --show-values).")]
    = None,
) -> None:
    """照合リスト and エラーリスト of a migration: exit 0 when both exports agree, 1 when they differ."""
    from conformance.errors import ProfileError
    from conformance.profiles import located
    from conformance.reconcile import (
        ERROR_COLUMNS,
        TOTAL_COLUMNS,
        Disclosure,
        counts_text,
        csv_text,
        reconcile_files,
        write_lists,
    )

    if reason is not None and show_values is None:
        raise UsageError("--reason goes with --show-values NAME (who asks to see the values)")
    disclosure = Disclosure.now(show_values, reason or "") if show_values is not None else None
    if disclosure is not None:  # said before anything is shown, whatever happens next
        say(disclosure.line())
    try:
        result = reconcile_files(old, new, layout, key or ["宛名番号"], catalog=catalog, profile=profile,
                                 encoding=encoding, disclosure=disclosure)
    except ProfileError as error:  # a mapping problem found when the layout is read: the profile's line
        if profile is None:
            raise
        raise located(error, profile) from None
    if out is not None:
        write_lists(result, out)
    if as_json:
        print_json(result.to_json())
    else:
        echo("照合リスト\n" + csv_text(result.totals, TOTAL_COLUMNS).replace("\r\n", "\n"))
        echo(f"エラーリスト: {counts_text(result.counts)}\n"
             + csv_text(result.errors[:SHOWN_LINES], ERROR_COLUMNS).replace("\r\n", "\n"))
    raise typer.Exit(0 if result.clean else 1)
