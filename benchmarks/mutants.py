"""Mutation benchmark of the scenario family: small changes to the reference vendor, one at a time.

Each mutant replaces one exact piece of source text of a reference module (a comparison, a constant, a
rule) and runs the suite against it in a subprocess: ``conformance run`` (the README's main command)
restricted with ``-k`` to the requirements the mutated module can reach (``--scope scenario``, the
default: the requirements bound to scenarios) or the whole catalog (``--scope all``). The mutant is
*killed* when the run says ``not_conformant`` (exit 1); it *survives* when the run passes (exit 0 or
3). Not part of the test run: ``python benchmarks/mutants.py [--only NAME ...] [--scope all]``.

The mutated source is compiled in the subprocess before the package imports the module, so the
working tree is never changed. docs/driver.md lists the accepted survivors and why.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRIVER = "conformance_reference/jumin/driver.py"
#: The modules split from the driver adapter (driver.py): the code its mutants change lives there.
DRIVER_RULES = "conformance_reference/jumin/driver_rules.py"
DRIVER_BASE = "conformance_reference/jumin/driver_base.py"
DRIVER_MOVES = "conformance_reference/jumin/driver_moves.py"
DRIVER_CORRECTIONS = "conformance_reference/jumin/driver_corrections.py"
DRIVER_QUERIES = "conformance_reference/jumin/driver_queries.py"
SEARCH = "conformance_reference/jumin/search.py"


@dataclass(frozen=True)
class Mutant:
    """Replace ``old`` (exactly once in ``path``) by ``new``."""

    name: str
    path: str
    old: str
    new: str


def _driver(path: str, name: str, old: str, new: str) -> Mutant:
    """A mutant of the driver adapter's module ``path``."""
    return Mutant(name, path, old, new)


MUTANTS: tuple[Mutant, ...] = (
    _driver(
        DRIVER_BASE, 'check_past_inclusive',
        '        if (value if isinstance(value, str) else value.isoformat()) > processed.isoformat():',
        '        if (value if isinstance(value, str) else value.isoformat()) >= processed.isoformat():',
    ),
    _driver(
        DRIVER_BASE, 'check_past_off',
        '        if (value if isinstance(value, str) else value.isoformat()) > processed.isoformat():',
        '        if False:',
    ),
    _driver(DRIVER_RULES, 'removal_date_later', '    return min(planned, arrived)', '    return max(planned, arrived)'),
    _driver(DRIVER_RULES, 'five_generations_allowed', 'len(parts) <= 4', 'len(parts) <= 5'),
    _driver(DRIVER_RULES, 'three_generations_only', 'len(parts) <= 4', 'len(parts) <= 3'),
    _driver(
        DRIVER_RULES, 'head_rank_after_spouse',
        '    if relation == "世帯主":\n        return 1, 1',
        '    if relation == "世帯主":\n        return 1, 2',
    ),
    _driver(
        DRIVER_RULES, 'child_before_spouse',
        '    if relation == "子":\n        return 1, 3',
        '    if relation == "子":\n        return 1, 1',
    ),
    _driver(
        DRIVER_RULES, 'order_without_birth_date',
        'household_rank(row.get("続柄", "")), row.get("生年月日", ""), \\',
        'household_rank(row.get("続柄", "")), "", \\',
    ),
    _driver(
        DRIVER_RULES, 'newcomer_not_last',
        'return int(row.get("世帯加入順") or 0), household_rank',
        'return 0, household_rank',
    ),
    _driver(
        DRIVER_BASE, 'alert_threshold_three', '                if len(rest) >= 2:', '                if len(rest) >= 3:',
    ),
    _driver(
        DRIVER_BASE, 'confirmation_ignored',
        '        confirmed = set(body.get("confirm") or ())',
        '        confirmed: set[str] = set()',
    ),
    _driver(
        DRIVER_MOVES, 'returning_number_not_checked',
        '            for item in ("個人番号", "住民票コード", "在留カード等番号"):',
        '            for item in ():',
    ),
    _driver(
        DRIVER_MOVES, 'returning_three_items_without_sex',
        'for item in ("氏名", "性別", "生年月日"))',
        'for item in ("氏名", "生年月日"))',
    ),
    _driver(
        DRIVER_RULES, 'non_calendar_date_accepted',
        '        raise Refusal("error", "E005", f"{field}: 暦上日でない年月日です: {value!r}", field) from None',
        '        return date(2000, 1, 1)',
    ),
    _driver(
        DRIVER_RULES, 'birth_date_must_be_calendar',
        'LENIENT_DATES = frozenset({"生年月日", "住民となった年月日", "住所を定めた年月日"})',
        'LENIENT_DATES = frozenset({"住民となった年月日", "住所を定めた年月日"})',
    ),
    _driver(
        DRIVER_RULES, 'blank_resident_date_allowed',
        'NOT_BLANK = ("生年月日", "住民となった年月日",',
        'NOT_BLANK = ("生年月日",',
    ),
    _driver(
        DRIVER_RULES, 'blank_juminhyo_code_allowed',
        '        needed.append("住民票コード")  # 除票の場合を除く',
        '        pass',
    ),
    _driver(DRIVER_BASE, 'reason_category_not_stored', '"異動事由区分": reason, "処理日"', '"処理日"'),
    _driver(
        DRIVER_BASE, 'processing_day_not_stored',
        '"異動事由区分": reason, "処理日": processed.isoformat(),',
        '"異動事由区分": reason,',
    ),
    _driver(
        DRIVER_MOVES, 'address_date_is_notice_date',
        '"住所を定めた年月日": moved.isoformat(), "世帯加入順"',
        '"住所を定めた年月日": notified.isoformat(), "世帯加入順"',
    ),
    _driver(
        DRIVER_MOVES, 'previous_address_kept_30_46',
        '                row["転入前住所_市区町村コード"] = ""  # 4.5.1',
        '                pass  # 4.5.1',
    ),
    _driver(
        DRIVER_MOVES, 'moved_out_stays_resident',
        'changed = {**row, "住民状態": _MOVED_OUT,',
        'changed = {**row, "住民状態": _CURRENT,',
    ),
    _driver(
        DRIVER_MOVES, 'birth_keeps_previous_address',
        '"住所を定めた年月日": born, "転入前住所_市区町村コード": "", ',
        '"住所を定めた年月日": born, ',
    ),
    _driver(
        DRIVER_MOVES, 'death_before_birth_accepted',
        '                and moved < row["生年月日"]:',
        '                and False:',
    ),
    _driver(
        DRIVER_MOVES, 'split_head_not_set',
        'relation = "世帯主" if index == 0 else',
        'relation = row.get("続柄", "") if index == 0 else',
    ),
    _driver(
        DRIVER_MOVES, 'head_name_not_updated',
        'changed = {**row, "続柄": relation, "世帯主氏名": head.get("氏名", "")}',
        'changed = {**row, "続柄": relation}',
    ),
    _driver(
        DRIVER_CORRECTIONS, 'cancel_restores_latest',
        '        restored = {key: value for key, value in before.items() if key != "履歴番号"}',
        '        restored = {key: value for key, value in latest.items() if key != "履歴番号"}',
    ),
    _driver(
        DRIVER_CORRECTIONS, 'cancel_kinds_swapped',
        'reason = "異動の取消し（増）" if now != _CURRENT',
        'reason = "異動の取消し（減）" if now != _CURRENT',
    ),
    _driver(DRIVER_CORRECTIONS, 'tsusho_date_not_stored', '"通称_記載年月日": offered.isoformat(),', '"通称_記載年月日": "",'),
    _driver(
        DRIVER_CORRECTIONS, 'tsusho_not_deleted',
        'changed = {**row, "通称": "", "通称_フリガナ": "", "通称_削除年月日"',
        'changed = {**row, "通称_フリガナ": "", "通称_削除年月日"',
    ),
    _driver(
        DRIVER_QUERIES, 'foreign_birth_date_in_wareki',
        '_SEIREKI_ITEMS = frozenset({"生年月日", "在留期間の満了の日"})',
        '_SEIREKI_ITEMS = frozenset({"在留期間の満了の日"})',
    ),
    _driver(
        DRIVER_RULES, 'gannen_as_one',
        'return f"{era}{\'元\' if number == 1 else number}年{month}月{day}日"',
        'return f"{era}{number}年{month}月{day}日"',
    ),
    Mutant('wo_not_o', SEARCH, '("ヲ", "オ"), ', ''),
    Mutant('ou_not_oo', SEARCH, '("オ" if char == "ウ" and index > 0', '("ウ" if char == "ウ" and index > 0'),
    Mutant('small_kana_kept', SEARCH, '_LARGE = str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ")',
           '_LARGE = str.maketrans("ァィゥェォッャュョヮ", "ァィゥェォッャュョヮ")'),
    _driver(DRIVER_QUERIES, 'exact_search_partial', 'request.param("一致") == "完全"', 'request.param("一致") == "全部"'),
    _driver(
        DRIVER_RULES, 'tsusho_dropped_everywhere',
        'if "tsusho_tokubetsu_dropped" in defects and shown.get("第30条45規定区分") == "2":',
        'if shown.get("第30条45規定区分") == "2":',
    ),
    _driver(
        DRIVER_CORRECTIONS, 'naturalized_resident_date_lost',
        '"転入前住所_市区町村コード", "住民となった年月日")',
        '"転入前住所_市区町村コード")',
    ),
    _driver(
        DRIVER_BASE, 'five_generations_bad_request',
        '                raise Refusal("error", "E007",',
        '                raise BadInput("E007",',
    ),
    _driver(
        DRIVER_CORRECTIONS, 'correction_scope_ignored',
        '        if allowed is not None and not set(items) <= allowed:',
        '        if False:',
    ),
)

_BOOT = """
import importlib.util, json, sys
mutant = json.loads(sys.argv[1])
path = mutant["file"]
source = open(path, encoding="utf-8").read()
assert source.count(mutant["old"]) == 1, "the mutated text must occur once"
module_name = mutant["module"]
spec = importlib.util.spec_from_file_location(module_name, path)
module = importlib.util.module_from_spec(spec)
sys.modules[module_name] = module
exec(compile(source.replace(mutant["old"], mutant["new"]), path, "exec"), module.__dict__)
sys.argv = ["conformance", *mutant["argv"]]
from conformance.cli import main
main()
"""


def scenario_requirements() -> list[str]:
    """The requirement ids bound to scenarios (what a driver mutant can reach)."""
    sys.path.insert(0, str(ROOT))
    from conformance.catalog.loader import load_edition

    edition = load_edition(ROOT / "spec_catalog" / "jumin" / "1.0")
    return sorted({rid for scenario in edition.scenarios for rid in scenario.requirements})


def run_mutant(mutant: Mutant | None, scope: list[str], out: Path) -> tuple[int, dict[str, object]]:
    """Exit code and results of one run; ``None`` runs the unmutated reference."""
    argv = ["run", "--out", str(out)]
    if scope:
        argv += ["--", "-k", " or ".join(scope)]
    payload = {"file": str(ROOT / (mutant.path if mutant else DRIVER)), "old": mutant.old if mutant else "",
               "new": mutant.new if mutant else "", "argv": argv,
               "module": (mutant.path if mutant else DRIVER)[:-3].replace("/", ".")}
    if mutant is None:
        payload["old"] = payload["new"] = "from __future__ import annotations"
    completed = subprocess.run([sys.executable, "-c", _BOOT, json.dumps(payload)], cwd=ROOT, capture_output=True,
                               text=True, check=False, timeout=1800)
    results = out / "results.json"
    document = json.loads(results.read_text("utf-8")) if results.is_file() else {}
    if completed.returncode not in (0, 1, 3):
        sys.stderr.write(completed.stdout[-2000:] + completed.stderr[-2000:])
    return completed.returncode, document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="mutant names to run")
    parser.add_argument("--scope", choices=("scenario", "all"), default="scenario")
    parser.add_argument("--json", type=Path, default=None, help="write the outcome here")
    options = parser.parse_args()
    chosen = [m for m in MUTANTS if options.only is None or m.name in options.only]
    scope = scenario_requirements() if options.scope == "scenario" else []
    outcome: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as work:
        code, _ = run_mutant(None, scope, Path(work) / "clean")
        if code not in (0, 3):
            print(f"the unmutated reference does not pass (exit {code}); fix that first")
            return 2
        for mutant in chosen:
            started = time.monotonic()
            code, document = run_mutant(mutant, scope, Path(work) / mutant.name)
            failed = sorted(r["requirement"] for r in document.get("results", [])  # type: ignore[attr-defined]
                            if r["status"] == "FAIL")
            state = "killed" if code == 1 else "survived" if code in (0, 3) else f"error (exit {code})"
            outcome[mutant.name] = {"state": state, "failed": failed, "seconds": round(time.monotonic() - started, 1)}
            print(f"{state:9} {mutant.name:40} {len(failed):4} requirement(s) failed  "
                  f"{outcome[mutant.name]['seconds']} s", flush=True)
    killed = sum(1 for o in outcome.values() if o["state"] == "killed")
    survivors = [name for name, o in outcome.items() if o["state"] != "killed"]
    print(f"\nkill rate: {killed}/{len(outcome)} = {killed / max(len(outcome), 1):.0%}")
    print("survivors: " + (", ".join(survivors) or "none"))
    if options.json is not None:
        options.json.write_text(json.dumps(outcome, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
