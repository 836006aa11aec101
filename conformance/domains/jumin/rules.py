"""住民記録's scenario rules: 支援措置 (j440, 3.4) and the 除票's date (1.1.5), against the shared oracles.

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with the oracle, the counterexample shrunk and reported with the seed). Each rule
is named in this folder's ``texts.yaml`` (``rules:``), which gives the catalog its check name
``scenario.<rule>`` and the report its text.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import Projection, Rule, Scenario, moves, picked, protections, rule_check
from conformance.oracles import Support, continues_as, extended_end_date, extension_window, is_protected, removal_date


def _support(s: Scenario) -> Support:
    assert s.support_start is not None
    return Support.starting(s.support_start)


def _dv_end(s: Scenario, town: str) -> Projection:
    return {"終了日": _support(s).end.isoformat()}


def _dv_extension(s: Scenario, town: str) -> Projection:
    end = _support(s).end
    return {"延長可能開始日": extension_window(end)[0].isoformat(), "延長後終了日": extended_end_date(end).isoformat()}


def _dv_moved(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    moved_out = s.moved_out
    protected = is_protected(_support(s), s.as_of, moved_out=moved_out)
    return {"保護中": protected, "継続区分": continues_as(moved_out, s.as_of) if protected else None}


def _removal(s: Scenario, town: str) -> Projection:
    return {"除票年月日": removal_date(s.planned_out, s.elsewhere).isoformat() if s.planned_out else None}


def _moved_out_protections(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return protections(codes).filter(lambda s: s.planned_out is not None)


def _removals(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return moves(codes).filter(lambda s: s.planned_out is not None and s.died is None)


#: The j440 example (R003): 開始年月日 令和2年4月1日 -> 終了年月日 令和3年3月31日.
J440_EXAMPLE = Scenario(2020, date(1988, 8, 8), date(2019, 4, 1), support_start=date(2020, 4, 1),
                        as_of=date(2020, 4, 1))

RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("dv.end_date", "支援措置: end date one year from the start", protections, _dv_end,
         picked("支援措置", "終了日"), (J440_EXAMPLE,)),
    Rule("dv.extension", "支援措置: extension window and extended end", protections, _dv_extension,
         picked("支援措置", "延長可能開始日", "延長後終了日"), (J440_EXAMPLE,)),
    Rule("dv.after_move_out", "支援措置: protection continues after move-out (前住所地)", _moved_out_protections,
         _dv_moved, picked("支援措置", "保護中", "継続区分")),
    Rule("removal_date", "除票: the earlier of 転出予定年月日 and the 転入通知's 転入日", _removals, _removal,
         picked("", "除票年月日")),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(RULES[name])


dv_end_date = check("scenario.dv.end_date")(_rule_check("dv.end_date"))
dv_extension = check("scenario.dv.extension")(_rule_check("dv.extension"))
dv_after_move_out = check("scenario.dv.after_move_out")(_rule_check("dv.after_move_out"))
removal_date_check = check("scenario.removal_date")(_rule_check("removal_date"))
