"""The options of a run, declared once for both front ends.

``conformance run --profile P`` and ``pytest --conformance-profile P`` are the same option: the CLI
(:mod:`conformance.cli.run`) builds its typer options from :data:`RUN_OPTIONS`, the pytest plugin
adds its ``--conformance-*`` options from the same table, and the CLI's call of pytest passes its
values on through :func:`plugin_arguments` (the pytest-benchmark pattern of one declaration shared
by two parsers). Plain data: importing it costs neither front end anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.errors import UsageError

#: Prefix of the plugin's options: ``--profile`` on the CLI is ``--conformance-profile`` for pytest.
PLUGIN_PREFIX = "--conformance-"


@dataclass(frozen=True)
class RunOption:
    """One option of a run: ``--<name>`` on the CLI, ``--conformance-<name>`` for pytest."""

    name: str
    metavar: str
    help: str
    repeatable: bool = False
    type: type = str
    #: An on/off flag (no value): ``--<name>`` on the CLI, ``--conformance-<name>`` for pytest.
    flag: bool = False

    @property
    def plugin_flag(self) -> str:
        """The pytest plugin's spelling of the option."""
        return PLUGIN_PREFIX + self.name

    @property
    def dest(self) -> str:
        """The name pytest stores the value under (``config.getoption``)."""
        return self.plugin_flag.removeprefix("--").replace("-", "_")


RUN_OPTIONS: dict[str, RunOption] = {option.name: option for option in (
    RunOption("profile", "FILE", "Vendor profile YAML (default: the bundled reference vendor's)."),
    RunOption("catalog", "DIR", "Catalog root (default: the bundled spec_catalog)."),
    RunOption("domain", "SLUG", "Only this domain (repeatable; a partial run).", repeatable=True),
    RunOption("out", "DIR", "Output directory (results.json, junit.xml, report.html, evidence.zip)."),
    RunOption("seed", "N", "A seed of the run's generated examples (repeatable; the first also seeds the test town): "
              "replays a run. Default: the three named seeds of docs/results.md.", repeatable=True, type=int),
    RunOption("thorough", "", "Explore with many more seeds (the run's seeds and the thorough ones of "
              "docs/results.md): a slower run, the same verdict expected.", flag=True),
    RunOption("defect", "NAME", "Start the reference vendor with this defect (repeatable).", repeatable=True),
    RunOption("shard", "I/N", "Run shard I of N (every N-th requirement in id order); join the shards with "
              "`conformance report merge`."),
    RunOption("shard-durations", "FILE", "With --shard: balance the shards by the durations an earlier run "
              "recorded (its results.json, or a merged one) instead of by count."),
    RunOption("reference-transport", "server|in-process", "How the run reaches the bundled reference vendor: over "
              "HTTP on a local port (server, the default) or handed each request in the run's own process "
              "(in-process: no socket, faster; the same answers)."),
    RunOption("shrink", "on|off", "Shrink a failing generated example to its smallest before it is reported (on: the "
              "profile's hypothesis.shrink, true by default) or report the first one found (off: a quicker verdict, "
              "a longer example)."),
    RunOption("allow-profile-commands", "", "Allow the programs the profile names (targets.load via command) "
              "to run, with your rights, within targets.load.timeout_seconds (docs/security.md).", flag=True),
    # Not options of `conformance run`: the harness's own tests' (docs/performance.md, "Seventeenth pass").
    RunOption("requirement", "ID", "Only the requirement of this id (repeatable; a partial run): what -k selects "
              "when every word is a whole id, without pytest evaluating the expression on every item.",
              repeatable=True),
    RunOption("evidence", "on|off", "Write the run's evidence: the recorded exchanges (exchanges.har), report.html and "
              "evidence.zip (on, the default), or only results.json and junit.xml (off: for the harness's own tests "
              "that read nothing else; the verdict and findings are the same, without their recorded exchanges)."),
)}

#: The values of ``--reference-transport``; the first is the default.
REFERENCE_TRANSPORTS = ("server", "in-process")


#: The values of ``--shrink`` and ``--conformance-evidence``.
ON_OFF = {"on": True, "off": False}


def parse_shrink(value: str | None) -> bool | None:
    """``--shrink on|off`` as a bool (None when not given: the profile's ``hypothesis.shrink``); a UsageError
    names any other value."""
    return _on_off("--shrink", value)


def parse_evidence(value: str | None) -> bool:
    """``--conformance-evidence on|off`` as a bool (on when not given); a UsageError names any other value."""
    chosen = _on_off("--conformance-evidence", value)
    return True if chosen is None else chosen


def _on_off(option: str, value: str | None) -> bool | None:
    if value is None:
        return None
    if value not in ON_OFF:
        raise UsageError(f"{option} {value!r}: expected on or off")
    return ON_OFF[value]


def check_reference_transport(value: str | None, *, reference: bool) -> str:
    """The transport ``--reference-transport`` names (the default when None); a UsageError says what is
    wrong: an unknown value, or a transport other than the server for a vendor that is not the reference."""
    if value is None:
        return REFERENCE_TRANSPORTS[0]
    if value not in REFERENCE_TRANSPORTS:
        raise UsageError(f"--reference-transport {value!r}: expected {' or '.join(REFERENCE_TRANSPORTS)}")
    if value != REFERENCE_TRANSPORTS[0] and not reference:
        raise UsageError(f"--reference-transport {value} applies to the bundled reference vendor only "
                         "(targets.reference): a vendor is reached over the network")
    return value


def add_plugin_options(addoption: Callable[..., Any]) -> None:
    """Add every run option to a pytest option group (``group.addoption``)."""
    for option in RUN_OPTIONS.values():
        kwargs: dict[str, Any] = {"metavar": option.metavar, "help": option.help}
        if option.flag:
            kwargs = {"action": "store_true", "default": False, "help": option.help}
        elif option.repeatable:
            kwargs.update(action="append", default=[], type=option.type)
        else:
            kwargs.update(type=option.type, default=None)
        addoption(option.plugin_flag, **kwargs)


def plugin_arguments(values: Mapping[str, Any]) -> list[str]:
    """The plugin's command line for option values by name (None and empty lists are left out)."""
    arguments: list[str] = []
    for name, value in values.items():
        flag = RUN_OPTIONS[name].plugin_flag
        if RUN_OPTIONS[name].flag:
            arguments += [flag] if value else []
            continue
        items: Iterable[Any] = value if RUN_OPTIONS[name].repeatable else [] if value is None else [value]
        arguments += [f"{flag}={item}" for item in items]
    return arguments
