"""Tool-generated mutants of the reference vendor (mutmut 3.8), sampled: the kill rate of the harness.

Why mutmut and not cosmic-ray: mutmut 3 mutates every function of the configured files with its own
operator set (comparisons, constants, strings, arguments, return values ...) and runs each mutant by
switching a trampoline in a forked process, so the reference (a thread of the test process) is
mutated without rewriting files or restarting anything per mutant; cosmic-ray rewrites the module on
disk per mutant and needs a session database and a worker setup, heavier for a one-command benchmark.

Two targets, each a set of mutated files and its kill suite:

- ``jumin`` (the default): the reference's 異動 operations (conformance_reference/jumin/driver.py and the
  modules split from it, driver_rules.py, driver_base.py, driver_moves.py, driver_corrections.py,
  driver_queries.py; storage.py) against benchmarks/mutation/test_kills.py (every catalog scenario and
  the model's state machine, in one process). Its configuration is pyproject.toml's ``[tool.mutmut]``,
  so a plain ``mutmut run`` at the root runs it too; mutmut works in ``mutants/``.
- ``statute``: the reference's units of the 19 statute domains (the rules behind the per-person query
  and the driver, the statute forms, and 住民記録's handlers of them: the per-person query itself,
  jumin/qualifications.py, and the statute forms' requests, jumin/statute_certificates.py) against
  benchmarks/mutation/test_statute_kills.py (every checked requirement of the statute editions, judged as a
  run judges it). Its configuration is pyproject.toml's
  ``[tool.mutation_tool.statute]``. mutmut reads only ``[tool.mutmut]`` of the pyproject.toml in its
  working directory, so the tool runs it in a scratch directory, ``mutants-statute/`` (git-ignored):
  links to the package, the catalog, the profiles and the benchmarks, and a pyproject.toml that is the
  project's with that table as ``[tool.mutmut]``. By hand: ``cd mutants-statute && mutmut run NAME``.
- ``modules``: 住民記録's reference modules other than the 異動 operations (forms, certificates, exports,
  linkage and its presentation, search, users, logs, 抑止, codes, CSV import, batches, 除票 ...) and
  共通機能's (kyotsu/jutogai.py), against benchmarks/mutation/test_module_kills.py: one test per requirement
  of the 住民記録 and 共通機能 editions with a bound check, judged as a run judges it, so mutmut's statistics
  let a mutant run only the requirements whose judging reached the mutated function (and a group fetches the
  exports only when one of its checks reads them, so an export function is reached by the two groups that judge it).
  Its configuration is ``[tool.mutation_tool.modules]``; it runs in ``mutants-modules/`` as the statute
  target does.

The command:

    python benchmarks/mutation_tool.py [--target jumin|statute|modules] [--sample N | --per-module N]
        [--seed S] [--children C]
    python benchmarks/mutation_tool.py --target statute --per-domain N [--seed S] [--children C]
    python benchmarks/mutation_tool.py --target statute --names PATTERN [PATTERN ...] [--children C]
    python benchmarks/mutation_tool.py --target statute --domain D [--children C] [--workdir DIR] [--dry-run]
    python benchmarks/mutation_tool.py --target modules --names 'conformance_reference.jumin.extraction.*' --children 1

generates the mutants (``mutants/`` in the target's working directory, git-ignored), draws N of
them with the seed (or N of each module: ``--per-module``), runs them C at a time, and prints the kill rate
over the mutants the suite reached, the same per module (a Markdown table: generated, drawn, reached,
killed, survived, not reached), every survivor with its diff (``mutmut show``), and the ones no test
reached. The 住民記録 target takes about 40-70 s a mutant on the shared 2-core machine (``--sample 60``
finishes in under an hour). A modules child costs about 4 s of CPU for one test (the reference and what the judge
imports lazily are imported once in mutmut's fork server: benchmarks/mutation/mutation_warmup.py), a killed mutant
stops at its first failing test, and a survivor runs every test that reached its function: seconds for most
modules, minutes for a function every reference runs (its handlers' constructors, the operation log). A statute
survivor runs every edition that reached it, which for most is all 19 (the per-person query): 70-100 s a mutant
(docs/model.md, "The kill path"). A survivor is either equivalent (say why) or a gap. A whole module:
``--names 'conformance_reference.jumin.<module>.*'``.

``--module M`` (repeatable, with ``--per-module``) runs only module M's mutants of the same draw: a run cut short
goes on a part at a time.

A stalled mutant does not stop the run: mutmut 3.8 sends SIGXCPU to a child after
``(estimate + timeout_constant) x timeout_multiplier`` seconds of wall clock (the estimate: the durations of the
tests that reach the mutated function in its statistics run), and the modules target sets both lower than mutmut's
defaults and forks every child from mutmut's fork server (``process_isolation``) rather than from the process that
ran the statistics with the reference's threads. A timeout is counted in its own column, never as a kill.

``--per-domain N`` (statute target) draws N mutants of each statute domain's unit instead of N over all
(:func:`domain_of` maps a mutant to its domain: the package it lives in, or for the modules several domains
share, ``rules.py``, ``kakuninsho.py`` and ``statute_forms.py``, the function's entry in
:data:`DOMAIN_OF_FUNCTION`) and prints, after the pooled figure, a table per domain: generated, drawn, reached,
killed, survived, not reached (:func:`domain_table`). The helpers several domains call form a row of their own,
``(shared)``; 住民記録's functions in ``rules.py`` (the 支援措置, the 除票 date) are counted, never drawn: no
statute check judges them.

``--domain D`` (statute target) runs **every** mutant of domain D's units, no draw: mutmut's table narrowed to D
(:func:`narrowed_to_domain`: the files holding a unit of D mutated, D's edition the whole kill suite), the mutants
named by :func:`domain_patterns` (D's modules whole, D's functions of the shared modules by name), so a survivor
re-judges D's edition only, not every edition the per-person query reached (70-100 s a survivor before; a few
seconds to about 20 now, by the edition's size). It prints the seconds a mutant took, all in and mutmut's mean
child. Its working directory differs per domain (``--workdir``: the tool makes it, links the tree's package into it;
mutmut writes its copy, ``mutants/``, there): a scratch directory outside the tree, deleted once the figures are
read. The results per domain and each survivor argued: benchmarks/mutation/statute_survivors.toml.

Every mode leaves out the mutants whose change lies in a named defect's branch (benchmarks/mutation_branches.py: inside
``if "<defect>" in defects:``, an arm or an operand only a defect reaches, or the switch's own name): the kill suites
run the reference with no defect, so such a mutant cannot be killed and cost a whole child for nothing. Decided from
mutmut's mutated files before anything runs (the ``--domain`` run has mutmut generate them first), counted in the
report's pooled line and the per-domain table's "skipped: defect branch" column, and each listed by name.
``--no-skip`` runs them too (to check the reading); ``--dry-run`` generates the mutants and prints what would run and
what is skipped, running none.

``--names`` runs the mutants named (shell-style patterns, ``*`` and ``?``, matched against every generated name;
a pattern that names none stops the tool with the pattern) instead of a draw: the way to rerun a survivor once its
gap is closed. With ``--domain``, the named mutants of that domain, in its narrowed table (its edition kills). A
changed file renumbers its mutants, so name them after reading the new ones (``mutmut show``).
mutmut refreshes only the Python files of its copy (``mutants/``): after a change to the catalog or to a domain's
``texts.yaml``, delete the target's ``mutants/`` (the statute kill suite fails its clean run when an edition does not
load cleanly, so a stale copy stops the run instead of reading as survivors).
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import random
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = [sys.executable, "-m", "mutmut"]
#: mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code).
KILLED, SURVIVED, NO_TESTS, TIMEOUT = 1, 0, 33, 36
#: Every exit code mutmut reads as a timeout: its own 36, and a child stopped by SIGXCPU (the signal its CPU
#: limit and its wall-clock limit both send: -24 as the wait status gives it, 24, 152 and 255 as shells do).
TIMEOUTS = frozenset({TIMEOUT, -24, 24, 152, 255})
#: What the statute target's scratch directory links to: the package, the data its kill suite reads.
LINKED = ("conformance", "conformance_reference", "spec_catalog", "vendor_profiles", "benchmarks")


@dataclass(frozen=True)
class Target:
    """Where mutmut runs for a target, and a mutant that surely exists (running it first generates
    every mutant and collects the test statistics)."""

    workdir: Path
    first: str


TARGETS = {
    "jumin": Target(ROOT, "conformance_reference.jumin.driver_rules.x_parse_date__mutmut_1"),
    "statute": Target(ROOT / "mutants-statute", "conformance_reference.rules.x_parse_day__mutmut_1"),
    "modules": Target(ROOT / "mutants-modules", "conformance_reference.jumin.furigana.x_halfwidth__mutmut_1"),
}


def switched_pyproject(text: str, target: str, domain: str | None = None) -> str:
    """``text`` (a pyproject.toml) with its ``[tool.mutmut]`` table replaced by
    ``[tool.mutation_tool.<target>]``: the configuration mutmut reads for ``target`` (with ``domain``, the statute
    table narrowed to that domain: :func:`narrowed_to_domain`)."""
    table = tomllib.loads(text)["tool"]["mutation_tool"][target]
    if domain is not None:
        table = narrowed_to_domain(table, domain)
    # The section runs from its header to the next table header (or the end).
    without = re.sub(r"(?ms)^\[tool\.mutmut\][ \t]*\n.*?(?=^\[|\Z)", "", text)
    # Strings and lists of strings: their JSON spelling is valid TOML.
    lines = [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in table.items()]
    switched = without.rstrip("\n") + "\n\n[tool.mutmut]\n" + "\n".join(lines) + "\n"
    if tomllib.loads(switched)["tool"]["mutmut"] != table:
        raise ValueError(f"[tool.mutmut] of target {target!r} does not read back as written")
    return switched


def prepare(name: str, workdir: Path | None = None, domain: str | None = None) -> Path:
    """The working directory of target ``name`` (``workdir`` if given), made ready for mutmut (with ``domain``,
    for that statute domain's units only)."""
    workdir = workdir or TARGETS[name].workdir
    if workdir == ROOT:
        return workdir
    workdir.mkdir(parents=True, exist_ok=True)
    for linked in LINKED:
        link = workdir / linked
        if not link.is_symlink():
            link.symlink_to(ROOT / linked, target_is_directory=True)
    pyproject = workdir / "pyproject.toml"
    text = switched_pyproject((ROOT / "pyproject.toml").read_text(encoding="utf-8"), name, domain)
    if not pyproject.is_file() or pyproject.read_text(encoding="utf-8") != text:
        pyproject.write_text(text, encoding="utf-8")
    return workdir


#: The statute domains: one row each in ``--per-domain``'s table (the editions the statute kill suite judges).
STATUTE_DOMAINS = (
    "hojin_juminzei", "inkan", "jido_fuyo_teate", "jido_teate", "kaigo", "keijidosha_zei", "kenko_kanri",
    "kodomo_kosodate", "kojin_juminzei", "koki_korei", "kokuho", "kokumin_nenkin", "koseki", "koseki_fuhyo",
    "kotei_shisan_zei", "seikatsu_hogo", "senkyo", "shogaisha_fukushi", "shugaku",
)
#: The row of the helpers several domains call (dates, months, the stay, the PDF layout).
SHARED = "(shared)"
#: 住民記録's functions that live in ``rules.py``: counted, not drawn (the 住民記録 checks judge them).
JUMIN = "jumin"
#: The statute target's modules that serve several domains: each function's domain, by name. A function
#: called from two domains' code is SHARED (the call graph of each module decides it, read by hand).
DOMAIN_OF_FUNCTION: dict[str, dict[str, str]] = {
    "conformance_reference.rules": {
        **dict.fromkeys(("parse_day", "_years_later", "month_of_day", "add_month", "iso_month", "stay_of",
                         "_fiscal_months", "_billed", "_eve", "held_birth", "kept_stay", "row_on"), SHARED),
        **dict.fromkeys(("removal_date", "support", "support_alerts", "_period_end", "_month_before"), JUMIN),
        "juminzei_levied": "kojin_juminzei",
        **dict.fromkeys(("kokuho", "kokuho_insured_on", "_payer", "_on_welfare", "_other_insurance",
                         "_kokuho_insured", "_copay", "_deemed_town", "_second_insured_age", "_status_notice",
                         "_kokuho_stay", "_around_welfare", "_welfare_pieces"),
                        "kokuho"),
        **dict.fromkeys(("kaigo", "_kaigo_billed", "_kaigo_second", "_kaigo_insurer", "_care_certification",
                         "_kept_by_facility", "_postponed"),
                        "kaigo"),
        **dict.fromkeys(("jido_teate", "_counts", "_three_and_over_from", "_child_end_day", "_jido_eligible",
                         "_paid_in", "_prorated", "_start", "_amount", "_end_month"), "jido_teate"),
    },
    # The 資格確認書 of 国保 and of 後期高齢者医療, the 介護保険 被保険者証: each form its domain's.
    "conformance_reference.kakuninsho": {
        **dict.fromkeys(("_years_later", "_dated", "expiry"), SHARED),
        **dict.fromkeys(("kokuho_lines", "_seventy_effective", "_first_of_next_month"), "kokuho"),
        "koki_lines": "koki_korei",
        **dict.fromkeys(("kaigo_lines", "_care_lines"), "kaigo"),
    },
    # The layout of every statute form (戸籍 附票, 選挙人名簿抄本, 学齢簿, the three cards).
    "conformance_reference.statute_forms": {"render": SHARED},
    # The statute forms' handlers (split from 住民記録's certificates.py): each form its domain's, the request's
    # reading every form's.
    "conformance_reference.jumin.statute_certificates": {
        "StatuteCertificates._person_on_day": SHARED,
        "StatuteCertificates._fuhyo_copy": "koseki_fuhyo",
        **dict.fromkeys(("StatuteCertificates._senkyo_shohon", "StatuteCertificates._senkyo_zaigai_shohon"),
                        "senkyo"),
        "StatuteCertificates._gakureibo": "shugaku",
        "StatuteCertificates._kokuho_card": "kokuho",
        "StatuteCertificates._koki_card": "koki_korei",
        "StatuteCertificates._kaigo_card": "kaigo",
    },
    # The per-person query (split from 住民記録's linkage.py): one answer with every domain's part.
    "conformance_reference.jumin.qualifications": {"PerPersonQuery._qualifications": SHARED,
                                                   "PerPersonQuery._kokuho_householder": "kokuho",
                                                   "PerPersonQuery._defaulted": SHARED,
                                                   "PerPersonQuery._answer": SHARED,
                                                   "PerPersonQuery._stay_row": SHARED,
                                                   "PerPersonQuery._kept_row": SHARED,
                                                   "PerPersonQuery._claim_row": "jido_teate",
                                                   "PerPersonQuery._school_children": "shugaku"},
}


def mutated_function(name: str) -> tuple[str, str]:
    """The module and the function of a mutmut 3 mutant name: ``pkg.mod.x_func__mutmut_3`` is
    ``("pkg.mod", "func")``, a method's ``pkg.mod.xǁClassǁmethod__mutmut_3`` is ``("pkg.mod", "Class.method")``."""
    mangled, separator, number = name.rpartition("__mutmut_")
    module, dot, function = mangled.rpartition(".")
    if not (separator and number.isdigit() and dot):
        raise ValueError(f"not a mutmut mutant name: {name!r} (expected module.x_function__mutmut_N)")
    if function.startswith("xǁ") and function.count("ǁ") == 2:
        owner, method = function[2:].split("ǁ")
        return module, f"{owner}.{method}"
    if function.startswith("x_"):
        return module, function[2:]
    raise ValueError(f"not a mutmut mutant name: {name!r} (expected x_function or xǁClassǁmethod after the module)")


def domain_of(name: str) -> str:
    """The statute domain whose unit the mutant ``name`` changes (or SHARED, or JUMIN)."""
    module, function = mutated_function(name)
    shared = DOMAIN_OF_FUNCTION.get(module)
    if shared is not None:
        if function not in shared:
            raise ValueError(f"mutant {name!r}: function {function!r} of {module} has no domain in "
                             "DOMAIN_OF_FUNCTION (benchmarks/mutation_tool.py): add it")
        return shared[function]
    parts = module.split(".")
    if len(parts) >= 3 and parts[0] == "conformance_reference" and parts[1] in STATUTE_DOMAINS:
        return parts[1]
    raise ValueError(f"mutant {name!r}: module {module} is of no statute domain (expected "
                     "conformance_reference.<domain>.<module>, or a module of DOMAIN_OF_FUNCTION)")


#: The statute kill suite's test, one per edition (benchmarks/mutation/test_statute_kills.py).
STATUTE_TEST = "test_every_checked_requirement_still_passes"


def domain_files(domain: str, only_mutate: Iterable[str]) -> list[str]:
    """The files of ``only_mutate`` that hold a unit of ``domain``: those of its package, and each shared module
    (:data:`DOMAIN_OF_FUNCTION`) with a function of the domain."""
    if domain not in STATUTE_DOMAINS:
        raise ValueError(f"--domain {domain!r}: not a statute domain (one of {', '.join(STATUTE_DOMAINS)})")
    files = []
    for path in only_mutate:
        module = path.removesuffix(".py").replace("/", ".")
        shared = DOMAIN_OF_FUNCTION.get(module)
        ours = domain in shared.values() if shared is not None else module.split(".")[1] == domain
        if ours:
            files.append(path)
    return files


def narrowed_to_domain(table: Mapping[str, object], domain: str) -> dict[str, object]:
    """The statute target's mutmut table for ``domain`` alone: its files mutated, and its edition's test the whole
    kill suite (a survivor otherwise re-judges every edition that reached it: nearly all 19, through the
    per-person query)."""
    only_mutate = table["only_mutate"]
    selection = table["pytest_add_cli_args_test_selection"]
    if not (isinstance(only_mutate, list) and isinstance(selection, list) and len(selection) == 1):
        raise ValueError("the statute table needs only_mutate and one kill suite file")
    return {**table, "only_mutate": domain_files(domain, only_mutate),
            "pytest_add_cli_args_test_selection": [f"{selection[0]}::{STATUTE_TEST}[{domain}]"]}


def mangled(function: str) -> str:
    """mutmut 3's name of a function (``x_f``) or a method (``Class.m``: ``xǁClassǁm``), as
    :func:`mutated_function` reads it back."""
    owner, dot, method = function.partition(".")
    return f"xǁ{owner}ǁ{method}" if dot else f"x_{function}"


def domain_patterns(domain: str, files: Iterable[str]) -> list[str]:
    """mutmut's names (shell-style) of every mutant of ``domain``'s units in ``files``: each module of its package
    whole, each of its functions in a shared module by name."""
    patterns = []
    for path in files:
        module = path.removesuffix(".py").replace("/", ".")
        shared = DOMAIN_OF_FUNCTION.get(module)
        if shared is None:
            patterns.append(f"{module}.*")
        else:
            patterns += [f"{module}.{mangled(function)}__mutmut_*" for function, owner in shared.items()
                         if owner == domain]
    return patterns


def by_domain(names: Iterable[str]) -> dict[str, list[str]]:
    """The mutants grouped by :func:`domain_of`, each group sorted."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(domain_of(name), []).append(name)
    return groups


def draw_per_domain(names: Iterable[str], per_domain: int, seed: int) -> dict[str, list[str]]:
    """``per_domain`` mutants of each statute domain and of SHARED (all of a smaller group), drawn with one
    generator seeded with ``seed`` in the order of the rows; JUMIN's are not drawn."""
    groups = by_domain(names)
    generator = random.Random(seed)
    drawn: dict[str, list[str]] = {}
    for domain in (*STATUTE_DOMAINS, SHARED):
        pool = groups.get(domain, [])
        drawn[domain] = sorted(generator.sample(pool, min(per_domain, len(pool))))
    return drawn


@dataclass(frozen=True)
class Outcomes:
    """How mutants ended, from mutmut's exit codes. A timeout is its own count, never a kill: a child stopped by
    the wall-clock limit may have been waiting on a lock it inherited at the fork as well as looping on a mutant,
    so nothing says the suite saw the change (each one is read and rerun by hand)."""

    killed: int
    survived: int
    timed_out: int
    not_reached: int
    not_run: int

    @property
    def reached(self) -> int:
        """Run against at least one test: killed, survived or timed out."""
        return self.killed + self.survived + self.timed_out


def outcomes(results: list[int | None]) -> Outcomes:
    """Killed, survived, timed out, not reached (no test reaches the function) and not run (None: no result yet)
    among mutmut's exit codes ``results``; skipped or suspicious (34, 35) are in none of them."""
    return Outcomes(killed=results.count(KILLED), survived=results.count(SURVIVED),
                    timed_out=sum(code in TIMEOUTS for code in results), not_reached=results.count(NO_TESTS),
                    not_run=results.count(None))


@dataclass(frozen=True)
class DomainRow:
    """One domain's line of the per-domain table."""

    domain: str
    generated: int
    drawn: int
    reached: int
    killed: int
    survived: int
    not_reached: int
    not_run: int = 0
    timed_out: int = 0
    skipped: int = 0

    @property
    def rate(self) -> str:
        return f"{100 * self.killed / self.reached:.0f}%" if self.reached else "-"


def domain_table(names: Iterable[str], drawn: Mapping[str, list[str]],
                 codes: Mapping[str, int | None], skipped: Iterable[str] = ()) -> list[DomainRow]:
    """A row per domain of ``drawn`` (then JUMIN's, generated only): how its drawn mutants ended in ``codes``
    (mutmut's exit codes; None or absent: it did not run, as when a run is stopped early). Reached: killed,
    survived or timed out (a timeout is no kill: it stays in the rate's denominator); not reached: no test reaches
    it; not run: no result yet (neither reached nor not); skipped: drawn, but in a named defect's branch (never
    run, not in not run)."""
    generated = {domain: len(group) for domain, group in by_domain(names).items()}
    left_out = set(skipped)
    rows = []
    for domain, sample in drawn.items():
        counted = outcomes([codes.get(name) for name in sample if name not in left_out])
        rows.append(DomainRow(domain, generated.get(domain, 0), len(sample), counted.reached, counted.killed,
                              counted.survived, counted.not_reached, counted.not_run, counted.timed_out,
                              sum(name in left_out for name in sample)))
    if JUMIN in generated and JUMIN not in drawn:
        rows.append(DomainRow(JUMIN, generated[JUMIN], 0, 0, 0, 0, 0))
    return rows


def format_table(rows: Iterable[DomainRow]) -> str:
    """The per-domain table as Markdown (it goes into docs/model.md as printed)."""
    lines = ["| domain | generated | drawn | skipped: defect branch | reached | killed | survived | timed out "
             "| not reached | not run | killed / reached |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {row.domain} | {row.generated} | {row.drawn} | {row.skipped} | {row.reached} | {row.killed} "
              f"| {row.survived} | {row.timed_out} | {row.not_reached} | {row.not_run} | {row.rate} |" for row in rows]
    return "\n".join(lines)


def mutant_names(workdir: Path) -> dict[str, int | None]:
    """Every generated mutant and its result so far (None: not run)."""
    found: dict[str, int | None] = {}
    for meta in (workdir / "mutants").rglob("*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return found


def mean_duration(workdir: Path, names: Iterable[str]) -> float | None:
    """The mean of mutmut's recorded durations of the mutants ``names`` (a child's wall clock, from its fork to its
    exit), or None when none has one."""
    durations: dict[str, float] = {}
    for meta in (workdir / "mutants").rglob("*.meta"):
        durations.update(json.loads(meta.read_text(encoding="utf-8")).get("durations_by_key", {}))
    found = [durations[name] for name in names if durations.get(name) is not None]
    return sum(found) / len(found) if found else None


def already_generated(workdir: Path) -> bool:
    """Whether mutmut has generated the mutants and run its statistics in ``workdir``: then the first mutant's run,
    which only generates them and collects the statistics (and runs the clean tests of that mutant: minutes when it
    reaches many tests), is not needed; the run of the drawn mutants regenerates any changed file all the same."""
    return (workdir / "mutants" / "mutmut-stats.json").is_file() and bool(mutant_names(workdir))


def named(names: Iterable[str], patterns: Iterable[str]) -> list[str]:
    """The generated mutants ``names`` that match any of ``patterns`` (shell-style, as ``fnmatch``), sorted; a
    pattern matching none is an error naming it (a typo or a renumbered mutant would otherwise run nothing)."""
    generated = sorted(names)
    chosen: set[str] = set()
    for pattern in patterns:
        matched = fnmatch.filter(generated, pattern)
        if not matched:
            raise ValueError(f"--names {pattern!r}: no generated mutant has that name (a changed file renumbers "
                             "its mutants: list them with mutmut show in the target's working directory)")
        chosen.update(matched)
    return sorted(chosen)


def module_of(name: str) -> str:
    """The module a mutant mutates: its name without the mangled function (``x_f__mutmut_3`` or
    ``xǁClassǁmethod__mutmut_3``, which hold no dot) and without the package's own prefix."""
    return name.rsplit(".", 1)[0].removeprefix("conformance_reference.")


def per_module_sample(names: list[str], per_module: int, seed: int) -> list[str]:
    """Up to ``per_module`` mutants of each module, drawn with ``seed`` (each module in turn, in name order,
    so one module's draw does not depend on how many mutants another has)."""
    drawn: list[str] = []
    for module, mutants in sorted(_by_module(names).items()):
        drawn += random.Random(f"{seed}:{module}").sample(mutants, min(per_module, len(mutants)))
    return sorted(drawn)


def of_modules(drawn: list[str], modules: Iterable[str], generated: Iterable[str]) -> list[str]:
    """The mutants of ``drawn`` that mutate one of ``modules`` (``jumin.forms``; all of ``drawn`` when none is
    given): the same draw, run a part at a time. A module no generated mutant mutates is refused by name."""
    wanted = set(modules)
    unknown = wanted - {module_of(name) for name in generated}
    if unknown:
        raise ValueError(f"--module {', '.join(sorted(unknown))}: no generated mutant mutates it "
                         "(expected a module as the per-module table names it, e.g. jumin.forms)")
    return [name for name in drawn if not wanted or module_of(name) in wanted]


def _by_module(names: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name in sorted(names):
        grouped.setdefault(module_of(name), []).append(name)
    return grouped


@dataclass(frozen=True)
class ModuleRow:
    """One module's line of the kill rate: reached is killed, survived or timed out (a timeout is no kill: it
    stays in the rate's denominator until it is read); ``other`` is skipped, suspicious or not run."""

    module: str
    generated: int
    drawn: int
    reached: int
    killed: int
    survived: int
    timed_out: int
    not_reached: int
    other: int

    @property
    def rate(self) -> str:
        return f"{100 * self.killed / self.reached:.0f} %" if self.reached else "-"


def module_table(generated: list[str], codes: dict[str, int | None]) -> list[ModuleRow]:
    """The kill rate per module of the drawn mutants ``codes`` (name: mutmut's exit code, None when not run)
    among the ``generated``, every module that has a generated mutant included, drawn or not."""
    rows = []
    drawn_by_module = _by_module(list(codes))
    for module, mutants in sorted(_by_module(generated).items()):
        results = [codes[name] for name in drawn_by_module.get(module, [])]
        counted = outcomes(results)
        other = len(results) - counted.reached - counted.not_reached
        rows.append(ModuleRow(module, len(mutants), len(results), counted.reached, counted.killed, counted.survived,
                              counted.timed_out, counted.not_reached, other))
    return rows


def markdown_table(rows: list[ModuleRow]) -> str:
    """``rows`` and their total as a Markdown table (the form docs/model.md keeps them in)."""
    total = ModuleRow("**all**", *(sum(getattr(row, field) for row in rows) for field in (
        "generated", "drawn", "reached", "killed", "survived", "timed_out", "not_reached", "other")))
    lines = ["| module | generated | drawn | reached | killed | survived | timed out | not reached | other "
             "| killed of reached |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in [*rows, total]:
        lines.append(f"| {row.module} | {row.generated} | {row.drawn} | {row.reached} | {row.killed} | "
                     f"{row.survived} | {row.timed_out} | {row.not_reached} | {row.other} | {row.rate} |")
    return "\n".join(lines)


#: mutmut's generation alone, the first steps of its ``run`` in its order (copy the sources, write every mutant and its
#: meta file): the mutants are read before any runs (mutation_branches.py: the defect branches left out).
GENERATE = """import os, sys
from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants, setup_source_paths, \\
    store_lines_covered_by_tests
from mutmut.mutation.trampoline import set_mutant_under_test
set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
copy_src_dir(); copy_also_copy_files(); setup_source_paths(); store_lines_covered_by_tests()
print("generated:", create_mutants(int(sys.argv[1])))
"""


def generate(workdir: Path, children: int) -> None:
    """Every mutant of ``workdir``'s table written (a changed file's anew), none run; mutmut's error stops the tool."""
    if subprocess.run([sys.executable, "-c", GENERATE, str(children)], cwd=workdir, check=False).returncode != 0:
        sys.exit(f"mutmut could not generate the mutants in {workdir / 'mutants'}: see its output above")


def without_defect_branches(workdir: Path, sample: list[str], keep: bool) -> tuple[list[str], list[str]]:
    """``sample`` split into the mutants to run and those skipped, in a named defect's branch (none with ``keep``:
    ``--no-skip``, to check the reading by running them)."""
    # Imported here, not at the top: mutmut copies this file alone into its tree, where benchmarks/mutation/conftest.py
    # loads it for domain_of without this folder on the path.
    from mutation_branches import defect_branch_mutants, partition, registered_defects
    if keep:
        return list(sample), []
    defects = registered_defects(ROOT / "conformance_reference")
    return partition(sample, defect_branch_mutants(workdir / "mutants", sample, defects))


def run(workdir: Path, names: list[str], children: int) -> int:
    """mutmut's run of ``names``; its exit code (not 0: e.g. its clean run of the suite failed, and no mutant ran)."""
    command = [*MUTMUT, "run", "--max-children", str(children), *names]
    return subprocess.run(command, cwd=workdir, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="jumin")
    parser.add_argument("--sample", type=int, default=60, help="mutants drawn (0: all)")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--per-module", type=int, default=0,
                        help="mutants drawn from each module instead of --sample (0: --sample over all)")
    parser.add_argument("--module", action="append", default=[], metavar="MODULE",
                        help="with --per-module: run only the drawn mutants of this module (jumin.forms; repeatable)")
    parser.add_argument("--per-domain", type=int, default=0, metavar="N",
                        help="statute target: N mutants of each domain's unit instead of --sample over all")
    parser.add_argument("--names", nargs="+", default=[], metavar="PATTERN",
                        help="run the mutants of these names (shell-style patterns) instead of a draw")
    parser.add_argument("--domain", choices=STATUTE_DOMAINS, metavar="DOMAIN",
                        help="statute target: every mutant of this domain's units, killed by its edition alone")
    parser.add_argument("--workdir", type=Path, metavar="DIR",
                        help="mutmut's working directory (default: the target's scratch directory in the tree)")
    parser.add_argument("--no-skip", action="store_true",
                        help="run the mutants in a named defect's branch too (skipped otherwise, and listed)")
    parser.add_argument("--dry-run", action="store_true",
                        help="generate the mutants and list what would run and what is skipped, running none")
    options = parser.parse_args()
    if (options.per_domain or options.domain) and options.target != "statute":
        parser.error("--per-domain and --domain are of the statute domains: they need --target statute")
    if options.domain and (options.per_domain or options.per_module):
        parser.error("--domain runs every mutant of the domain (or those --names names): no draw (--per-domain, "
                     "--per-module)")
    if options.module and not options.per_module:
        parser.error("--module picks modules of the per-module draw: it needs --per-module N")
    # A missing mutmut generates no mutant, and "killed 0 of 0" would read as a measurement: refuse instead.
    if importlib.util.find_spec("mutmut") is None:
        sys.exit("mutmut is not installed in this environment: pip install -c constraints.txt -e '.[bench]'")
    started = time.perf_counter()
    workdir = prepare(options.target, options.workdir, options.domain)
    if options.domain:
        domain_run(workdir, options.domain, options, started)
        return
    if not already_generated(workdir):
        run(workdir, [TARGETS[options.target].first], options.children)
    names = sorted(mutant_names(workdir))
    if not names:
        sys.exit(f"no mutant was generated in {workdir / 'mutants'}: see mutmut's output above")
    drawn = draw_per_domain(names, options.per_domain, options.seed) if options.per_domain else {}
    if options.names:
        try:
            sample = named(names, options.names)
        except ValueError as error:
            sys.exit(str(error))
        if options.target == "statute":
            drawn = by_domain(sample)
    elif options.per_module:
        try:
            sample = of_modules(per_module_sample(names, options.per_module, options.seed), options.module, names)
        except ValueError as error:
            sys.exit(str(error))
    elif drawn:
        sample = sorted(name for group in drawn.values() for name in group)
    else:
        sample = names if options.sample == 0 else sorted(random.Random(options.seed).sample(
            names, min(options.sample, len(names))))
    runnable, skipped = without_defect_branches(workdir, sample, options.no_skip)
    if options.dry_run:
        print_plan(names, sample, skipped)
        return
    exited = run(workdir, runnable, options.children) if runnable else 0
    print(f"\n{options.target}: {len(names)} mutants generated; {len(sample)} drawn (seed {options.seed}), "
          f"{len(skipped)} of them skipped in a defect's branch; {time.perf_counter() - started:.0f} s")
    how = f"{options.per_domain} drawn of each" if options.per_domain else "as named"
    report(workdir, names, runnable, drawn, exited, how, skipped)


def print_plan(names: list[str], sample: list[str], skipped: list[str]) -> None:
    """``--dry-run``: what the run would take, per module, and every mutant it would skip."""
    left_out = set(skipped)
    print(f"\n{len(names)} mutants generated; {len(sample)} asked; {len(sample) - len(skipped)} would run; "
          f"{len(skipped)} skipped: defect branch")
    for module, mutants in sorted(_by_module(sample).items()):
        print(f"  {module}: {len(mutants)} asked, {sum(name in left_out for name in mutants)} skipped")
    print_skipped(skipped)


def print_skipped(skipped: list[str]) -> None:
    """Every mutant left out as in a named defect's branch, by name (``mutmut show NAME``: its change)."""
    for name in skipped:
        print(f"-- skipped: defect branch: {name}")


def domain_run(workdir: Path, domain: str, options: argparse.Namespace, started: float) -> None:
    """Every mutant of ``domain``'s units (generated first, those in a named defect's branch left out and listed), in
    one mutmut run (it collects its statistics first), and the report, with the seconds a mutant took."""
    generate(workdir, options.children)
    names = sorted(mutant_names(workdir))
    sample = [name for name in names if domain_of(name) == domain]
    if not sample:
        sys.exit(f"no mutant of {domain} was generated in {workdir / 'mutants'}: see mutmut's output above")
    if options.names:  # a part of the domain, judged as the whole is (its edition alone): a gap's rerun
        try:
            sample = named(sample, options.names)
        except ValueError as error:
            sys.exit(str(error))
    runnable, skipped = without_defect_branches(workdir, sample, options.no_skip)
    if options.dry_run:
        print_plan(names, sample, skipped)
        return
    exited = run(workdir, runnable, options.children) if runnable else 0
    elapsed = time.perf_counter() - started
    mean = mean_duration(workdir, runnable)
    print(f"\nstatute, {domain}: {len(sample)} mutants, {len(runnable)} run, {len(skipped)} skipped in a defect's "
          f"branch; {elapsed:.0f} s in all, {elapsed / max(len(runnable), 1):.1f} s a mutant run (generation, "
          "statistics and the clean runs included); mutmut's mean child: "
          + (f"{mean:.1f} s" if mean is not None else "none recorded"))
    report(workdir, names, runnable, {domain: sample}, exited, "every one", skipped)


def report(workdir: Path, names: list[str], sample: list[str], drawn: Mapping[str, list[str]], exited: int,
           how: str, skipped: list[str]) -> None:
    """The kill rate of ``sample`` (of the generated ``names``) as mutmut recorded it: pooled, per module, per
    domain of ``drawn`` (if any, its ``skipped`` counted apart), then every survivor and timeout with its diff, and
    every mutant skipped in a named defect's branch."""
    results = mutant_names(workdir)
    codes = {name: results.get(name) for name in sample}
    counted = outcomes(list(codes.values()))
    survived = [name for name, code in codes.items() if code == SURVIVED]
    timed_out = sorted(name for name, code in codes.items() if code in TIMEOUTS)
    if exited != 0:
        print(f"mutmut exited {exited} (see its output above: a failed clean run runs no mutant); the figures below "
              "are the results it recorded, the others not run")
    print(f"killed {counted.killed} of {counted.reached} reached "
          f"({100 * counted.killed / max(counted.reached, 1):.0f}%); timed out {counted.timed_out} (no kill: read "
          f"each); not reached by any test: {counted.not_reached}; not run: {counted.not_run}; "
          f"skipped: defect branch: {len(skipped)} (not run: named below)")
    print("\nper module:\n" + markdown_table(module_table(names, codes)))
    if drawn:
        print(f"\nper domain ({how}):\n{format_table(domain_table(names, drawn, codes, skipped))}")
    for name in survived:
        print(f"\n-- survived: {name}" + (f" ({domain_of(name)})" if drawn else ""))
        subprocess.run([*MUTMUT, "show", name], cwd=workdir, check=False)
    for name in timed_out:
        print(f"\n-- timed out (code {codes[name]}): {name}")
        subprocess.run([*MUTMUT, "show", name], cwd=workdir, check=False)
    other = {name: code for name, code in codes.items() if code not in (KILLED, SURVIVED, *TIMEOUTS)}
    if other:
        print("\nother results (33: no test reaches it, 34: skipped, 35: suspicious, None: not run):", other)
    print_skipped(skipped)


if __name__ == "__main__":
    main()
