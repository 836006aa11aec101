"""健康管理 in the cross-domain machine (conformance/domains/world.py): the 定期接種 and 乳幼児健康診査 a person is a
target of on a day (予防接種法 第5条第1項, 施行令 第1条〜第3条, 母子保健法 第12条第1項), asked after each 異動 and
compared with the kenko_kanri oracle fed from the model of 住民記録. The clean reference passes; named defects of the
reference's 健康管理 are caught through 異動 sequences with the exact requirement, field and day."""

from __future__ import annotations

from datetime import date

from test_world_machine import ASKED, SEED, world_run

from conformance.checks.scenarios import Scenario
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.world import (
    KENKO_REQUIREMENTS,
    KENKO_RESIDENTS,
    PARTS,
    VACCINATION,
    Seen,
    expected_kenko,
    judge_answer,
    read_kenko,
)

KENKO = next(part for part in PARTS if part.name == "健康管理")
TOWN = "229997"


def _seen(birth: date, moved_out: date | None = None, female: bool = True) -> Seen:
    s = Scenario(2024, birth, date(2010, 4, 1), planned_out=moved_out)
    return Seen(s, TOWN, female=female)


def test_the_oracle_fed_from_the_model_gives_only_what_the_text_decides() -> None:
    # Born 2023-05-10, on 2024-11-20 (生後18月と10日): 麻しん・風しん 第1期, 水痘, the 1歳6か月児 健診; Ｈｉｂ and the
    # other 生後二月 rows too; not ロタ (ended), not Ｂ型肝炎 (一歳に至るまで).
    shown = expected_kenko(_seen(date(2023, 5, 10)), date(2024, 11, 20))
    assert shown["定期接種/麻しん"] is True and shown["定期接種/水痘"] is True
    assert shown["定期接種/Ｂ型肝炎"] is False and shown["定期接種/ロタウイルス感染症"] is False
    assert shown["乳幼児健康診査/1歳6か月児"] is True and shown["乳幼児健康診査/3歳児"] is False
    assert shown["類型/水痘"] == "A類" and shown["類型/帯状疱疹"] == "B類" and shown["表にない疾病"] == []
    # The day 生後十八月 is reached (2024-11-09) and the next are open: the 健診 is not compared then.
    assert "乳幼児健康診査/1歳6か月児" not in expected_kenko(_seen(date(2023, 5, 10)), date(2024, 11, 10))
    # The stay's last day and the next are open to either reading of 居住する者: nothing compared.
    assert expected_kenko(_seen(date(2023, 5, 10), date(2024, 11, 20)), date(2024, 11, 21)) == {}
    # Two days after: no target, whatever the ages.
    after = expected_kenko(_seen(date(2023, 5, 10), date(2024, 11, 20)), date(2024, 11, 22))
    assert after["定期接種/麻しん"] is False and after["乳幼児健康診査/1歳6か月児"] is False


def test_a_target_by_age_after_the_stay_goes_to_the_residence_requirement() -> None:
    seen = _seen(date(2023, 5, 10), date(2024, 11, 20))
    listed = [{"疾病": kenko.MEASLES, "類型": "A類"}, {"疾病": kenko.VARICELLA, "類型": "B類"}]
    answer = {"健康管理": {"定期接種": listed, "乳幼児健康診査": ["1歳6か月児"]}}
    breaches = judge_answer(KENKO, seen, answer, date(2024, 11, 22), "p1")
    assert {(b.requirement, b.item.split("#/")[1], b.expected, b.actual) for b in breaches} == {
        ("kenko_kanri-2025.12-1.5.0.1.0-R001", "健康管理/定期接種/麻しん@2024-11-22", "false", "true"),
        ("kenko_kanri-2025.12-1.5.0.1.0-R001", "健康管理/定期接種/水痘@2024-11-22", "false", "true"),
        ("kenko_kanri-2025.12-5.12.0.1.0-R001", "健康管理/乳幼児健康診査/1歳6か月児@2024-11-22", "false", "true"),
        # The 類型 of a disease listed is judged where it is listed (施行令 第1条第2号: 水痘 is Ａ類).
        ("kenko_kanri-2025.12-2.1.0.1.0-R001", "健康管理/類型/水痘@2024-11-22", "A類", "B類")}


def test_a_class_is_judged_only_for_a_disease_listed() -> None:
    # A missing 水痘 is the age rule's finding (2.1.0.1.2), not also a 類型's (2.1.0.1.0).
    seen = _seen(date(2023, 5, 10))
    answer = {"健康管理": {"定期接種": [], "乳幼児健康診査": []}}
    breaches = judge_answer(KENKO, seen, answer, date(2024, 11, 20), "p1")
    assert "kenko_kanri-2025.12-2.1.0.1.0-R001" not in {b.requirement for b in breaches}
    assert ("kenko_kanri-2025.12-2.1.0.1.2-R001", "健康管理/定期接種/水痘@2024-11-20") in {
        (b.requirement, b.item.split("#/")[1]) for b in breaches}
    assert read_kenko(answer["健康管理"])["定期接種/水痘"] is False
    assert set(KENKO_REQUIREMENTS) >= {"定期接種/" + disease for disease in kenko.SCHEDULED_DISEASES}


def test_the_clean_reference_passes_with_kenko_compared() -> None:
    with world_run(max_examples=10) as found:
        assert found.result.breaches == ()
        # A 子 of the machine's own asked two days after its 転出 for its 定期接種; an infant of a 健診's age asked
        # after its 転出 (5.12.0.1.0) the default seed's examples have not met since the 在留 通知, the 児童手当 請求
        # and the 附票 were merged: test_checkups_after_leaving_are_caught_two_days_after_an_infants_move_out does.
        assert {r for r in found.compared if r.startswith("kenko_kanri")} == (
            set(KENKO_REQUIREMENTS.values()) | {KENKO_RESIDENTS[VACCINATION]})


def _caught(defect: str, requirement: str, max_examples: int = 10, seed: int = SEED) -> tuple[
        list[tuple[str, str, str | None, str | None]], list[str]]:
    with world_run(frozenset({defect}), max_examples=max_examples, seed=seed) as found:
        breaches, steps = found.result.first(requirement)
        assert {b.requirement for b in found.result.breaches} == {requirement}
    return [(b.code, b.item.split("@")[0], b.expected, b.actual) for b in breaches], steps


def test_targets_after_leaving_are_caught_two_days_after_a_childs_move_out() -> None:
    # 予防接種法 第5条第1項: 当該市町村の区域内に居住する者. The defect keeps listing a 子 who moved out.
    breaches, steps = _caught("kenko_targets_after_leaving", "kenko_kanri-2025.12-1.5.0.1.0-R001")
    assert breaches and all(code == "world.domain_mismatch" and item.startswith(ASKED + "健康管理/定期接種/")
                            and (expected, actual) == ("false", "true") for code, item, expected, actual in breaches)
    assert "moves.out(" in " ".join(steps[-2:])


def test_hepatitis_b_from_two_months_is_caught_on_a_newborn() -> None:
    # 施行令 第3条第1項の表: Ｂ型肝炎 「一歳に至るまでの間にある者」, from birth (a 出生 of the 住民記録 machine, or a
    # 子 of the machine's own).
    breaches, _ = _caught("kenko_hepatitis_b_from_two_months", "kenko_kanri-2025.12-2.1.0.1.3-R001")
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} == {
        ("world.domain_mismatch", ASKED + "健康管理/定期接種/Ｂ型肝炎", "true", "false")}


def test_a_disease_outside_the_table_is_caught() -> None:
    # Met within 3 examples of the default seed (10 asked; 40 were, before the draws changed).
    breaches, _ = _caught("kenko_mumps_scheduled", "kenko_kanri-2025.12-2.3.0.1.0-R001", max_examples=10)
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} == {
        ("world.domain_mismatch", ASKED + "健康管理/表にない疾病", "[]", "['流行性耳下腺炎']")}


def test_the_school_start_without_the_next_day_is_caught() -> None:
    # 麻しん・風しん 第2期: the 年度 before the 小学校就学の始期, the first 学年 after the 翌日 of the day six is
    # reached (学校教育法 第17条第1項). The defect drops the 翌日: a child born on 4月2日 is listed a year early; in the
    # world a 子 of the machine's own, about 72 months, is asked outside the year.
    # Seed 2 (the default seed's 40 examples meet none since the 児童手当 請求 was drawn).
    breaches, _ = _caught("kenko_school_start_without_next_day", "kenko_kanri-2025.12-2.3.0.1.0-R002", max_examples=25,
                          seed=2)
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} <= {
        ("world.domain_mismatch", ASKED + "健康管理/定期接種/" + disease, "false", "true")
        for disease in (kenko.MEASLES, kenko.RUBELLA)}


def test_the_eighteen_month_checkup_kept_through_two_is_caught() -> None:
    # 母子保健法 第12条第1項第1号: 満一歳六か月を超え満二歳に達しない幼児. The defect keeps the 健診 to three.
    # Seed 7 (the default seed's examples meet none since the 児童手当 請求 and the 在留 通知 were drawn).
    breaches, steps = _caught("kenko_checkup_18_months_through_two", "kenko_kanri-2025.12-5.12.0.1.1-R001",
                              max_examples=25, seed=7)
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} == {
        ("world.domain_mismatch", ASKED + "健康管理/乳幼児健康診査/1歳6か月児", "false", "true")}
    assert "fixtures.persons(size=2)" in steps[-1]


def test_covid_as_an_a_class_disease_is_caught_on_a_person_of_sixty_five() -> None:
    # 施行令 第2条: 新型コロナウイルス感染症 is a Ｂ類疾病.
    breaches, _ = _caught("kenko_covid_as_a_class", "kenko_kanri-2025.12-2.2.0.1.0-R001")
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} == {
        ("world.domain_mismatch", ASKED + "健康管理/類型/新型コロナウイルス感染症", "B類", "A類")}


def test_checkups_after_leaving_are_caught_two_days_after_an_infants_move_out() -> None:
    # 母子保健法 第12条第1項: the 市町村's 健康診査 of its infants. The defect keeps a 3歳児 who moved out due.
    # Seed 8 (the default seed's 25 examples move no infant of a 健診's age since the merged draws: the 在留 通知,
    # the 児童手当 請求): a 世帯 of a 世帯主 and a 子 of about 48 months, their 国内転出 and 転入通知 on 3月21日,
    # asked on 3月23日 (the day of the 転出 and the next are open to either reading of the residence).
    breaches, steps = _caught("kenko_checkups_after_leaving", "kenko_kanri-2025.12-5.12.0.1.0-R001", seed=8)
    assert {(code, item, expected, actual) for code, item, expected, actual in breaches} == {
        ("world.domain_mismatch", ASKED + "健康管理/乳幼児健康診査/3歳児", "false", "true")}
    assert steps[-3].startswith("2. moves.out(国内転出, [p1, p2], 48月) @ 2024-03-21")
    assert steps[-1].startswith("4. moves.out_confirm(p1, ")
