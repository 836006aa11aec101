"""健康管理's worked examples at the edges of its rows (conformance/domains/kenko_kanri/edges.py; issue 66: the statute
mutation run found each edge unasked): what the oracle says of each, that the clean reference gives their rules no
finding (the two named defects mirroring the run's mutants, kenko_hpv_calendar_year and
kenko_special_leap_day_dropped, give their rule's exact finding: test_kenko_scenarios.ISSUE_66_RULES)."""

from __future__ import annotations

from rule_probes import rule_findings

from conformance.checks.scenarios import Scenario
from conformance.domains.kenko_kanri import checks as ks
from conformance.domains.kenko_kanri import edges
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.kenko_kanri.checks import KENKO_RULES
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "kenko_kanri" / "2025.12" / "bindings.yaml"
SECOND_PERIODS = [kenko.DIPHTHERIA, kenko.JAPANESE_ENCEPHALITIS, kenko.TETANUS]
INFANT_ROWS = [kenko.DIPHTHERIA, kenko.PERTUSSIS, kenko.POLIO, kenko.JAPANESE_ENCEPHALITIS, kenko.TETANUS]


def _listed(s: Scenario) -> list[str]:
    return ks._decided_ages(ks.CHILD_AGES)(s, TOWN_CODE)["定期接種"]


def test_the_papillomavirus_year_runs_from_the_first_day_of_the_year_of_twelve_to_the_last_of_sixteen() -> None:
    # 十二歳となる日の属する年度の初日から十六歳となる日の属する年度の末日まで (施行令 第3条第1項の表).
    assert _listed(edges.HPV_APRIL_TWELVE) == SECOND_PERIODS
    assert _listed(edges.HPV_FIRST_DAY) == [*SECOND_PERIODS, kenko.HPV]
    assert _listed(edges.HPV_BORN_MARCH_END) == [*SECOND_PERIODS, kenko.HPV]
    assert _listed(edges.HPV_LAST_DAY) == [kenko.HPV]
    assert _listed(edges.HPV_AFTER) == []


def test_the_childhood_rows_begin_and_end_where_the_table_says() -> None:
    assert _listed(edges.ELEVEN) == SECOND_PERIODS  # 十一歳以上十三歳未満, 九歳以上十三歳未満
    assert kenko.JAPANESE_ENCEPHALITIS in _listed(edges.SIX_MONTHS)  # 生後六月から
    twelve = _listed(edges.TWELVE_MONTHS)
    assert kenko.MEASLES in twelve and kenko.RUBELLA in twelve and kenko.TUBERCULOSIS not in twelve
    assert kenko.MEASLES not in _listed(edges.TWENTY_FOUR_MONTHS)  # 生後二十四月に至るまで
    assert _listed(edges.SIXTY_MONTHS) == INFANT_ROWS  # no 小児の肺炎球菌 from 生後六十月; Ｈｉｂ open
    assert _listed(edges.NINETY_MONTHS) == []  # 生後九十月に至るまで
    assert kenko.MEASLES in _listed(edges.SCHOOL_YEAR_APRIL)  # 第2期 from the 年度's first day
    # 第2期: the 年度 before the 始期 (2026-04-01), its first and last day in it (no open day: issue 66).
    assert all(kenko.MEASLES in _listed(s) for s in (edges.SCHOOL_YEAR_FIRST_DAY, edges.SCHOOL_YEAR_LAST_DAY))
    assert kenko.MEASLES not in _listed(edges.SCHOOL_YEAR_BEFORE)
    assert all(ks._targets(s)[kenko.MEASLES] is not None
               for s in (edges.SCHOOL_YEAR_FIRST_DAY, edges.SCHOOL_YEAR_LAST_DAY, edges.SCHOOL_YEAR_BEFORE))


def test_rotavirus_from_the_day_after_six_weeks_to_the_day_after_thirty_two_at_the_latest() -> None:
    assert ks._one(kenko.ROTAVIRUS)(edges.ROTA_SIX_WEEKS, TOWN_CODE) == {kenko.ROTAVIRUS: True}
    assert ks._one(kenko.ROTAVIRUS)(edges.ROTA_OVER, TOWN_CODE) == {kenko.ROTAVIRUS: False}


def test_the_health_projects_from_forty_to_seventy_four() -> None:
    checkup, guidance = ks._health(ks.HEALTH_CHECKUP), ks._health(ks.HEALTH_GUIDANCE)
    assert checkup(edges.FORTY_UNINSURED, TOWN_CODE) == {ks.HEALTH_CHECKUP: True}
    assert guidance(edges.FORTY_UNINSURED, TOWN_CODE) == {ks.HEALTH_GUIDANCE: True}
    assert checkup(edges.SEVENTY_FIVE_UNINSURED, TOWN_CODE) == {ks.HEALTH_CHECKUP: False}
    assert guidance(edges.SEVENTY_FIVE_UNINSURED, TOWN_CODE) == {ks.HEALTH_GUIDANCE: False}


def test_the_special_period_to_its_last_day_from_a_leap_day_and_never_for_no_special_disease() -> None:
    # 施行令 第3条第2項 「起算して一年を経過する日」; a 2月29日 end: 2月28日 a year on (民法 第143条第2項).
    assert [ks._special(s, TOWN_CODE) for s in (edges.ZOSTER_LAST_DAY, edges.ZOSTER_LEAP_DAY,
                                                edges.ZOSTER_AFTER_LEAP_DAY)] == [
        {kenko.HERPES_ZOSTER: True}, {kenko.HERPES_ZOSTER: True}, {kenko.HERPES_ZOSTER: False}]
    # インフルエンザ and 新型コロナ are no 特定疾病: never listed by 第3条第2項 (63: not by age either).
    assert ks._special(edges.INFLUENZA_KEPT, TOWN_CODE) == {kenko.INFLUENZA: False}
    assert ks._special(edges.COVID_KEPT, TOWN_CODE) == {kenko.COVID_19: False}


EDGE_RULES = ["kenko.child_ages", "kenko.rotavirus", "kenko.health_checkup", "kenko.health_guidance",
              "kenko.special_end"]


def test_the_clean_reference_gives_the_edges_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), KENKO_RULES, BINDINGS, EDGE_RULES).values())


def test_a_special_disease_of_every_name_lists_influenza_and_covid_too() -> None:
    # kenko_special_any_disease (extends any disease): its first finding is ロタ's (ROTAVIRUS_KEPT); the edges'
    # インフルエンザ and 新型コロナ each give one more.
    found = rule_findings(frozenset({"kenko_special_any_disease"}), KENKO_RULES, BINDINGS, ["kenko.special_end"])
    actual = [finding.actual for finding in found["kenko.special_end"]]
    assert '{"インフルエンザ": true}' in actual and '{"新型コロナウイルス感染症": true}' in actual
