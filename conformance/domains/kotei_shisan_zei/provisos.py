"""The optional provisions of 固定資産税 a product declares (地方税法 第343条第4項・第5項, 第351条ただし書,
第362条第1項ただし書, 第362条第2項; the statute edition ``kotei_shisan_zei 2025.12``), and the 本文's 納期 check,
which reads whether the ただし書 is declared.

Each is 「…することができる」: the municipality's choice (the requirement optional: judged for a product that declares
it in ``capabilities.optional``, NOT_APPLICABLE otherwise). Where a rule turns on an amount the 条例 sets, which no
source holds, the profile declares it (``ordinance.kotei_shisan_zei``, docs/profiles.md); without it that rule is
NOT_AUTOMATED, never FAIL.

- 第351条ただし書 (``exemption_ordinance``): a 条例 may levy below the 免税点; the persons hold an asset around the
  amount the profile declares (``exemption_points`` by 資産区分, or ``below_exemption_levied``: any amount), and the
  answer's 税額 is there (above 0) from that amount up, none below it;
- 第362条第1項ただし書 (``due_months_special``): 特別の事情がある場合においては、これと異なる納期を定めることが
  できる: every 納期限 in a month of the 年度 (bounding it to the 年度 is our reading); the 本文's check
  (``due_months``, R001) reads only the 本文's months unless the profile declares this ただし書 (issue 66: a 納期 of
  another month is the ただし書's, which an undeclaring product does not claim);
- 第343条第4項・第5項 (``user_disaster``, ``user_unknown_owner``): the 使用者 of a 土地 or 家屋 whose 所有者 is
  unknown (by 震災等; after the 政令's 探索) taxed as its deemed 所有者, not where the 所有者 is known;
- 第362条第2項 (``single_installment``): a 固定資産税額 at or below the 条例's 金額 (``single_installment_limit``)
  is collected whole in one 納期 (reading, ours: the one 納期限 of the answer; a tax above it keeps the 第1項's
  several 納期).

A rule here is drawn for the declared amount: the rule of each declaration is made once per process
(``functools.cache``), so that its drawn persons and the vendor's answers are shared as any rule's.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import NotAutomated, check
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, picked
from conformance.checks.statute_rules import Actual, Oracle, drawn_with, proviso_check, rule_checks
from conformance.domains.kotei_shisan_zei.checks import (
    _DUE,
    _STEP,
    DEPRECIABLE_AT_EXEMPTION,
    HOUSE,
    KOTEI_RULES,
    LAND_BELOW_EXEMPTION,
    PART,
    STATUTE,
    _answered_levied,
    _due_reader,
    _example,
    _items,
    _levied_at,
    _liable,
    _owner,
    _value,
    asset,
    declared_points,
    houses,
)
from conformance.domains.kotei_shisan_zei.oracle import (
    ASSET_KINDS,
    EXEMPTION_POINTS,
    OWNER_UNKNOWN,
    kotei_due_months_allowed,
    kotei_exemption_point,
    kotei_one_installment,
    kotei_rate,
    kotei_user_deemed_owner,
)
from conformance.profiles import KoteiOrdinance, Ordinance

#: 第362条第1項ただし書: a 納期 of another month, of the 年度 (our reading).
_DUE_SPECIAL = "納期限は年度内の月（第362条第1項ただし書）"
#: 第362条第2項: one 納期 at or below the 条例's 金額, the 第1項's several above it.
_ONE = "条例で定める金額以下は一の納期"
_EXEMPTION, _DUE_MONTHS, _INSTALLMENT = ("kotei_shisan_zei.exemption_ordinance", "kotei_shisan_zei.due_months",
                                         "kotei_shisan_zei.single_installment")
#: The 家屋's 免税点 in steps: the persons of 第362条第2項 are always taxed.
_TAXED_STEPS = EXEMPTION_POINTS["家屋"] // _STEP + 1


# -- 第351条ただし書 ------------------------------------------------------------------------------------


@st.composite
def around_points(draw: st.DrawFn, codes: tuple[str, str], points: tuple[tuple[str, int], ...]) -> Scenario:
    """An owner since years before of an asset whose 価格 is near the amount ``points`` gives its 資産区分 (one step
    below to two above, in 50,000円 steps) or anywhere up to the 本文's 免税点."""
    fiscal_year = draw(st.integers(2020, 2028))
    kind = draw(st.sampled_from(ASSET_KINDS))
    point = dict(points)[kind]
    near = (point // _STEP + draw(st.integers(-1, 2))) * _STEP
    below_law = draw(st.integers(1, EXEMPTION_POINTS[kind] // _STEP + 1)) * _STEP
    value = max(_STEP, draw(st.sampled_from((near, below_law))))
    return _owner(draw, fiscal_year, asset(kind, value, date(fiscal_year - 6, 6, 1)))


def _points(ordinance: KoteiOrdinance) -> tuple[tuple[str, int], ...]:
    """The amount below which the town levies nothing, by 資産区分, as ``ordinance`` declares its 条例."""
    declared = declared_points(ordinance)
    return tuple((kind, kotei_exemption_point(kind, declared, levied_below=ordinance.below_exemption_levied))
                 for kind in ASSET_KINDS)


def _ordained_exemption(ordinance: Ordinance) -> Rule:
    declared = ordinance.kotei_shisan_zei
    if not declared.below_exemption_levied and not declared.exemption_points:
        raise NotAutomated("the profile declares no 条例 of 第351条ただし書 (ordinance.kotei_shisan_zei."
                           "below_exemption_levied or exemption_points): what the town levies below the 免税点 is "
                           "its 条例's, which the sources do not hold")
    return _exemption_rule(_points(declared))


@functools.cache
def _exemption_rule(points: tuple[tuple[str, int], ...]) -> Rule:
    ordinance = KoteiOrdinance.model_validate({"exemption_points": dict(points)})
    return replace(PROVISO_RULES[_EXEMPTION], scenarios=drawn_with(around_points, points),
                   expected=_levied_at(ordinance), ordained=None)


# -- 第362条第1項ただし書 and the 本文 ----------------------------------------------------------------------


def _due_special(s: Scenario, town: str) -> Projection:
    return {_DUE_SPECIAL: True}


#: The ただし書's reader (O002), and the 本文's for a product that declares the ただし書 (R001: its 四月、七月、十二月
#: 及び二月中 displaced by 「これと異なる納期を定めることができる」).
_answered_due_special = _due_reader(_DUE_SPECIAL, kotei_due_months_allowed)
_answered_due_displaced = _due_reader(_DUE, kotei_due_months_allowed)


#: The 本文's check (四月、七月、十二月及び二月中): a product that does not declare the ただし書 is judged by the 本文
#: alone; one that declares it may set another month of the 年度.
due_check = check("scenario.kotei_shisan_zei.due_months")(proviso_check(KOTEI_RULES[_DUE_MONTHS],
                                                                         _answered_due_displaced))


# -- 第362条第2項 ------------------------------------------------------------------------------------------


@st.composite
def around_limit(draw: st.DrawFn, codes: tuple[str, str], limit: int, rate_percent: str | None) -> Scenario:
    """An owner of a 家屋 whose tax at the 条例's rate is near ``limit`` (three steps of 50,000円 of 価格 either side),
    above the 家屋's 免税点."""
    fiscal_year = draw(st.integers(2020, 2028))
    steps = round(Fraction(limit) / kotei_rate(rate_percent) / _STEP) + draw(st.integers(-3, 3))
    value = max(_TAXED_STEPS, steps) * _STEP
    return _owner(draw, fiscal_year, asset("家屋", value, date(fiscal_year - 6, 6, 1)))


def _collected(s: Scenario, town: str) -> Projection:
    return {_ONE: True}


def _installments(limit: int) -> Actual:
    """The reader of the answer's 税額 and 納期限 against the 条例's 金額 ``limit``: one 納期限 at or below it, more
    than one above it (a tax not levied has none)."""
    def answered(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        answer = picked(PART, "税額", "納期限")(document, loaded)
        tax, due = answer["税額"], answer["納期限"]
        if tax in (None, 0) and not due:
            return {_ONE: True}
        if not isinstance(tax, int) or not isinstance(due, list):
            return {_ONE: None, **answer}
        if (len(due) == 1) == kotei_one_installment(tax, limit):
            return {_ONE: True}
        return {_ONE: False, **answer}

    return answered


def _ordained_installment(ordinance: Ordinance) -> Rule:
    declared = ordinance.kotei_shisan_zei
    if declared.single_installment_limit is None:
        raise NotAutomated("the profile declares no 条例 of 第362条第2項 (ordinance.kotei_shisan_zei."
                           "single_installment_limit): the 金額 at or below which the tax is collected in one 納期 is "
                           "the 条例's, which the sources do not hold")
    return _installment_rule(declared.single_installment_limit, declared.rate_percent)


@functools.cache
def _installment_rule(limit: int, rate_percent: str | None) -> Rule:
    return replace(PROVISO_RULES[_INSTALLMENT], scenarios=drawn_with(around_limit, limit, rate_percent),
                   actual=_installments(limit), ordained=None)


# -- 第343条第4項・第5項 -------------------------------------------------------------------------------------

_USE, _UNKNOWN = "使用の地位", "所有者不明"


@st.composite
def users(draw: st.DrawFn, codes: tuple[str, str], paragraph: int) -> Scenario:
    """The 使用者 of a 土地 or 家屋 in use since years before, its 所有者 unknown as 第343条第``paragraph``項 says, or
    known (the 項 of the other rule is not drawn: a product may declare one 項 alone)."""
    fiscal_year = draw(st.integers(2020, 2028))
    unknown = draw(st.sampled_from((OWNER_UNKNOWN[paragraph], None)))
    return _owner(draw, fiscal_year, _used(draw(st.sampled_from(("土地", "家屋"))), _value(draw),
                                           date(fiscal_year - 6, 6, 1), unknown))


def _used(kind: str, value: int, since: date, unknown: str | None) -> tuple[tuple[str, str, str], ...]:
    """The 使用者's record: the asset, used since ``since``, its 所有者 ``unknown`` (None: known)."""
    return (*asset(kind, value, since), (PART, _USE, "使用者"), *(((PART, _UNKNOWN, unknown),) if unknown else ()))


def _deemed(paragraph: int) -> Oracle:
    """第343条第``paragraph``項's oracle: the 使用者 taxed where the 所有者 is unknown as the 項 says (and the asset
    lies here, on the 賦課期日)."""
    def expected(s: Scenario, town: str) -> Projection:
        deemed = kotei_user_deemed_owner(paragraph, _items(s).get(_UNKNOWN))
        return {"納税義務者": deemed and _liable(s, town)["納税義務者"]}

    return expected


def _user_example(unknown: str | None) -> Scenario:
    return Scenario(2025, date(1970, 5, 5), date(2017, 4, 1), as_of=date(2025, 5, 1),
                    records=_used("家屋", 5_000_000, date(2019, 6, 1), unknown))


#: 第343条第4項: the 使用者 of a 家屋 whose 所有者's 所在 is unknown after a 震災 -> taxed; 第5項: the 所有者's 存在
#: unknown after the 探索 -> taxed; the 所有者 known -> the 使用者 is not taxed.
USER_AFTER_DISASTER = _user_example(OWNER_UNKNOWN[4])
USER_AFTER_SEARCH = _user_example(OWNER_UNKNOWN[5])
USER_OWNER_KNOWN = _user_example(None)

#: Worked examples: a 家屋 of 10万円 (below the 本文's 免税点 20万円) and the 土地 of 25万円 and the 償却資産 of 150万円
#: of the 免税点 rule, judged at the declared amounts; a 家屋 of 500万円 (70,000円 at the 標準税率) for the 納期.
SMALL_HOUSE = _example("家屋", 100_000)

PROVISO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule(_EXEMPTION, drawn_with(around_points, tuple(EXEMPTION_POINTS.items())), _levied_at(KoteiOrdinance()),
                 _answered_levied, (SMALL_HOUSE, LAND_BELOW_EXEMPTION, DEPRECIABLE_AT_EXEMPTION),
                 ordained=_ordained_exemption),
    STATUTE.rule("kotei_shisan_zei.due_months_special", houses, _due_special, _answered_due_special, (HOUSE,)),
    STATUTE.rule(_INSTALLMENT, houses, _collected, _installments(0), (HOUSE,), ordained=_ordained_installment),
    STATUTE.rule("kotei_shisan_zei.user_disaster", drawn_with(users, 4), _deemed(4), "納税義務者",
                 (USER_AFTER_DISASTER, USER_OWNER_KNOWN)),
    STATUTE.rule("kotei_shisan_zei.user_unknown_owner", drawn_with(users, 5), _deemed(5), "納税義務者",
                 (USER_AFTER_SEARCH, USER_OWNER_KNOWN)),
)}

#: Every rule's check here (``scenario.<rule name>``), beside ``due_check`` (the 本文's, registered above).
RULE_CHECKS = rule_checks(PROVISO_RULES.values())
