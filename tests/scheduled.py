"""The scheduled set: which tests it holds and the variable with which CI runs it (tests/conftest.py applies them);
and the Hypothesis budgets of the property tests (``budget``: a quarter of the named budget in the README's command,
the whole in CI's session)."""

from __future__ import annotations

import os

#: The scheduled set (pyproject's ``scheduled`` marker): tests that are slow and rarely break, each a proof that the
#: README's test command gives only through a cheaper test or a sample of its kind, or not at all, which that command
#: leaves out (issue 70 item 4: that command under 8 minutes on 2 cores) and CI runs in the same session as that
#: command (``SCHEDULED_ENV`` set by .ci/run), so that nothing it proves is lost and the whole run they compare with is
#: still made once. ``pytest -m scheduled`` runs them alone. Every kind of proof keeps a test in the README's command
#: (docs/performance.md, "The test suite", the twenty-first and twenty-second passes say which, and why).
SCHEDULED = (
    # The defect groups' runs whose every defect has its own test in the README's command (a test of the judge's
    # check, rule or scenario against the reference with that defect, naming its finding or its requirements:
    # tests/test_reference_run.py ``in_readme``): the group run is the dearer proof of the same through the whole
    # command (results.json, every claimed requirement FAIL, no ERROR). The groups of the defects no such test names,
    # the group whose run writes its evidence and one statute group stay in the README's command
    # (``test_each_group_of_defects_...``): 7 runs of 69 (twenty-first pass of docs/performance.md).
    "tests/test_reference_run.py::test_each_scheduled_group_of_defects_fails_exactly_their_requirements",
    # The per-defect probes of the defects outside the README's sample: each defect changes exactly its listed probes
    # of the reference and nothing else. The README's command keeps, per domain and per probe a defect changes, the
    # first defect changing it, and per domain one changing none (tests/reference/test_reference_defects.py
    # ``readme_probes``: 54 of 959): every kind of probe and every domain stays (twenty-second pass).
    "tests/reference/test_reference_defects.py::test_a_scheduled_defect_changes_exactly_its_probes",
    # The cross-domain machine's defect tests whose defect the README's command already shows caught, with its exact
    # requirements, by its domain's rule probes (`test_each_defect_fails_exactly_its_requirements`, which select the
    # domain's defects by their name's prefix): each is a second proof of that defect, through the machine's steps.
    # Each file keeps in the README's command its clean reference's run (every field compared) and its first defect
    # test, so the machine catching a domain's defect at its step stays there (twenty-second pass).
    "tests/domains/test_world_machine.py::test_kaigo_lost_on_the_death_day_is_caught_after_a_death",
    "tests/domains/test_world_machine.py::test_koki_lost_within_the_prefecture_is_caught_after_a_move_to_a_town_of_the_same_prefecture",
    "tests/domains/test_world_machine.py::test_koki_lost_the_day_after_a_same_day_move_to_another_prefecture_is_caught",
    "tests/domains/test_world_machine.py::test_nenkin_lost_on_a_move_within_japan_is_caught_before_and_after_its_notice",
    "tests/domains/test_world_machine.py::test_nenkin_lost_on_the_death_day_is_caught_after_a_death",
    "tests/domains/test_world_machine.py::test_senkyo_no_indication_on_move_out_is_caught_after_a_move_out",
    "tests/domains/test_world_machine.py::test_juminzei_levied_by_the_current_address_is_caught_after_a_move_after_january_first",
    "tests/domains/test_world_machine.py::test_jido_child_counted_from_the_eighteenth_birthday_is_caught_on_the_day_after_the_childs_last",
    "tests/domains/test_world_machine.py::test_shugaku_register_without_the_seito_is_caught_on_a_family_with_a_child_of_school_age",
    "tests/domains/test_world_machine.py::test_shugaku_periods_from_the_birthday_are_caught",
    "tests/domains/test_world_kenko.py::test_hepatitis_b_from_two_months_is_caught_on_a_newborn",
    "tests/domains/test_world_kenko.py::test_a_disease_outside_the_table_is_caught",
    "tests/domains/test_world_kenko.py::test_the_school_start_without_the_next_day_is_caught",
    "tests/domains/test_world_kenko.py::test_the_eighteen_month_checkup_kept_through_two_is_caught",
    "tests/domains/test_world_kenko.py::test_covid_as_an_a_class_disease_is_caught_on_a_person_of_sixty_five",
    "tests/domains/test_world_kenko.py::test_checkups_after_leaving_are_caught_two_days_after_an_infants_move_out",
    "tests/domains/test_world_fuhyo.py::test_an_address_date_taken_from_the_notification_day_is_caught_after_a_move_in_or_within",
    "tests/domains/test_world_fuhyo.py::test_an_address_not_corrected_on_a_move_out_is_caught_after_its_notice",
    "tests/domains/test_world_fuhyo.py::test_an_entry_not_removed_after_a_death_is_caught_after_the_death",
    "tests/domains/test_world_fuhyo.py::test_a_child_born_into_the_koseki_without_an_entry_is_caught_after_the_birth",
    "tests/domains/test_world_fuhyo.py::test_a_removal_without_its_day_is_caught_after_a_death",
    "tests/domains/test_world_fuhyo.py::test_a_removed_entry_blanked_is_caught_after_a_death",
    "tests/domains/test_world_fuhyo.py::test_an_emigrant_kept_at_the_last_address_is_caught_the_day_after_the_planned_day",
    "tests/domains/test_world_fuhyo.py::test_an_emigrant_keeping_the_address_date_is_caught_after_a_move_abroad",
    # 在留's two notice defects through the cross-domain machine (25 draws each, a tenth of the machine's files): the
    # declarative scenario moj.shusei_shojo catches both with their exact findings in the README's command
    # (tests/scenarios/test_scenario_engine.py), and the file's renewal and removal defects stay there.
    "tests/domains/test_world_zairyu.py::test_the_reference_defects_of_the_notice_are_caught_by_the_model_through_the_machine",
    # The prelude's 通称 recorded under two more seeds (the machine's one draw after it differs by seed): the README's
    # command keeps the run's default seed, and the seeds' own proof (a later seed's draws judged, in any order) is
    # tests/domains/jumin/test_model_seeds.py's, there (twenty-third pass of docs/performance.md).
    "tests/domains/jumin/test_model_machine.py::test_every_example_records_a_tsusho_whatever_the_seed_draws[1]",
    "tests/domains/jumin/test_model_machine.py::test_every_example_records_a_tsusho_whatever_the_seed_draws[23]",
    # The whole run on another machine on another day (time zone, locale, home, font, clock, transport), compared
    # finding by finding with the README's run: a second whole run (about 100 s of CPU). The README's run itself
    # and everything it asserts stay in the README's command.
    "tests/test_reference_run.py::test_the_verdict_does_not_depend_on_the_machine",
    # Every page of the portal in a Chromium with no Japanese font, glyph by glyph (issue 69 item 1: about 30 s).
    "tests/portal/test_browser_fonts.py::",
    # The portal's attacks, access matrix and scale tests again on a throwaway PostgreSQL cluster (about 30 s):
    # the same tests run on SQLite in the README's command.
    "tests/portal/test_postgres.py::",
    # Two real shards of a defect's run, each a `conformance run` process, merged and bundled by the command (19 s):
    # the merge itself (scope, verdict, every output, the gate) stays in the README's command on written shards
    # (test_plugin_shards_merge_into_the_unsharded_run, test_merging_every_shard_restores_the_whole_scope_...).
    "tests/test_shard_merge.py::test_real_shards_of_a_defect_run_merge_into_its_verdict",
    # A `conformance run` of 住民記録 in a process of its own against a vendor the harness did not start, under
    # another profile's name (13 s): the README's run is the same suite over HTTP under the reference's profile,
    # and the profile's errors (unreachable, refused, misspelled) stay in the README's command.
    "tests/test_profile_run.py::test_a_profile_runs_the_same_suite_against_any_vendor",
    # The plugin's JUnit and Allure files and a `-k` selection read from one pytest run of the real catalog's 3.4
    # with a defect (18 s, `defect_run`, made for these three only); a harness error as a JUnit error, the `--lf`
    # rerun and Allure's labels (tests/reporting/test_allure.py) stay in the README's command.
    "tests/test_ci_formats.py::test_a_fail_is_a_junit_failure_in_a_suite_named_after_the_product",
    "tests/test_ci_formats.py::test_allure_marks_a_fail_failed_with_its_findings_attached",
    "tests/test_ci_formats.py::test_a_k_run_of_the_real_catalog_is_partial_and_never_conformant",
)
#: Set (to anything but empty) to run the scheduled set with the rest: .ci/run sets it.
SCHEDULED_ENV = "CONFORMANCE_SCHEDULED"

#: The README's command draws this fraction of a property's named Hypothesis budget (``budget``); CI's session
#: draws the whole.
BUDGET_FRACTION = 4
#: ...and never fewer than this many examples (nor more than the test names): a property drawn ten times still meets
#: its strategy's branches, its ``@example`` corpus runs whatever the budget, and CI draws the whole budget each stop.
BUDGET_FLOOR = 10


def scheduled_session() -> bool:
    """Whether this process runs CI's session (``SCHEDULED_ENV`` set: the scheduled set and the whole budgets)."""
    return bool(os.environ.get(SCHEDULED_ENV))


def budget(examples: int) -> int:
    """The examples a property test draws: its named budget ``examples`` in CI's session (``SCHEDULED_ENV``), a
    quarter of it otherwise, at least ``BUDGET_FLOOR`` (issue 70 item 4: the README's command under 8 minutes). The
    property still runs in the README's command, on fewer draws (its ``@example`` corpus whole): a larger budget only
    searches further for a counterexample, and CI searches the whole of it at every stop. A test whose proof is that
    a case is *reached* within its budget (a reachability search, a failing example to be found) does not use this:
    it names its budget as it is (tests/test_scheduled_set.py checks every property's goes through here)."""
    if examples <= BUDGET_FLOOR or scheduled_session():
        return examples
    return max(BUDGET_FLOOR, examples // BUDGET_FRACTION)
