"""The scheduled set: which tests it holds and the variable with which CI runs it (tests/conftest.py applies them)."""

from __future__ import annotations

#: The scheduled set (pyproject's ``scheduled`` marker): tests that are slow and rarely break, each a proof no other
#: test gives, which the README's test command leaves out (issue 70 item 4: that command under 8 minutes on 2 cores)
#: and CI runs in the same session as that command (``SCHEDULED_ENV`` set by .ci/run), so that nothing it proves is
#: lost and the whole run they compare with is still made once. ``pytest -m scheduled`` runs them alone.
SCHEDULED = (
    # The defect groups' runs whose every defect has its own test in the README's command (a test of the judge's
    # check, rule or scenario against the reference with that defect, naming its finding or its requirements:
    # tests/test_reference_run.py ``in_readme``): the group run is the dearer proof of the same through the whole
    # command (results.json, every claimed requirement FAIL, no ERROR). The groups of the defects no such test names,
    # the group whose run writes its evidence and one statute group stay in the README's command
    # (``test_each_group_of_defects_...``): 7 runs of 69 (twenty-first pass of docs/performance.md).
    "tests/test_reference_run.py::test_each_scheduled_group_of_defects_fails_exactly_their_requirements",
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
