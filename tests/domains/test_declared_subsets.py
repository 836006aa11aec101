"""Issue 64, items 2 and 3: products that declare a subset of what the bundled reference offers, judged by the models
on that subset, NOT_AUTOMATED with the reason for the rest.

- A 住民記録 product whose adapter offers the 13 basic 異動 operations (no ``ex_officio.correct``, no
  ``cancellations``): the model's state machine runs on them (before, it needed both and judged nothing: 4.0.2 R001,
  4.1.3.1.1 R001 and 7.2.3 R002 were NOT_AUTOMATED), the clean reference passes, and the two real bugs the issue names
  are caught on the subset: a 転出 entered before its 転入通知 that takes the person out of the 世帯 at once
  (``tenshutsu_yotei_hidden``, 4.0.2 R001) and a 世帯分離 leaving its members with the former 世帯主's name
  (``setai_nushi_name_kept``, 1.1.1 R008). A rule only the undeclared operations reach is NOT_AUTOMATED naming them.
- A 介護保険-only product: the cross-domain machine compares its part of the per-person answer and no other (a
  defect of the 国保 part is not read), and catches the 介護 defect ``kaigo_insured_on_move_day``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.model.check import Result, run_machine, state_machine
from conformance.domains.world_run import WorldResult, run_world
from conformance.profiles import DriverTarget
from conformance.targets.base import Target, TestData
from conformance.testdata.town import TOWN_CODE

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
SEED = 20200901
#: The 13 basic operations of a 住民記録 product written apart from the harness (issue 64): the 異動 of 4.1 to 4.4
#: the model draws, without 職権修正 and 取消し, and the driver's three reads.
BASIC = ("fixtures.persons", "moves.in", "moves.within", "moves.out", "moves.out_confirm", "births", "deaths",
         "households.split", "households.merge", "households.head", "query.person", "query.history", "query.household")
#: The requirements the issue names NOT_AUTOMATED for such a product before the model drove a subset.
NAMED = {"jumin-1.0-4.0.2-R001", "jumin-1.0-4.1.3.1.1-R001", "jumin-1.0-7.2.3-R002"}
#: A rule only a 職権修正 reaches (4.2.3.1 R001): exercised by the machine when the adapter declares every operation.
CORRECTION_ONLY = "jumin-1.0-4.2.3.1-R001"


@contextmanager
def basic_target(defects: frozenset[str] = frozenset()) -> Iterator[Target]:
    """The reference with an adapter declaring the 13 basic operations only (no shrink: the first failing example)."""
    with started_in_process(defects) as running:
        yield Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations=BASIC), seed=SEED,
                     max_examples=25, shrink=False, every_breach=False)


@pytest.fixture(scope="module")
def basic_result() -> Result:
    with basic_target() as target:
        return run_machine(target)


def test_the_model_drives_the_basic_operations_and_the_clean_reference_passes(basic_result: Result) -> None:
    assert basic_result.breaches == ()
    assert basic_result.undeclared == ("ex_officio.correct", "cancellations")
    assert basic_result.exercised >= NAMED | {"jumin-1.0-1.1.1-R008", "jumin-1.0-4.1.4.1-R001"}
    assert CORRECTION_ONLY not in basic_result.exercised


def test_a_rule_only_undeclared_operations_reach_is_not_automated_naming_them() -> None:
    with basic_target() as target:
        ctx = CheckContext(EDITION.requirement(CORRECTION_ONLY), target=target)
        assert list(state_machine(ctx)) == []
    assert ctx.not_run == [
        f"no step of the model's state machine exercised the rule of {CORRECTION_ONLY} in this run (seed {SEED}); "
        "the profile's driver does not declare ex_officio.correct, cancellations (targets.driver.operations)"]


def test_a_move_out_hiding_the_person_from_the_household_at_once_is_caught_on_the_subset() -> None:
    with basic_target(frozenset({"tenshutsu_yotei_hidden"})) as target:
        findings = list(state_machine(CheckContext(EDITION.requirement("jumin-1.0-4.0.2-R001"), target=target)))
        other = list(state_machine(CheckContext(EDITION.requirement("jumin-1.0-1.1.1-R008"), target=target)))
    assert findings and other == []
    assert {(f.code, f.location.split("/step:")[0], f.location.split("#", 1)[1].split("/")[1],
             f.location.rsplit("#", 1)[1]) for f in findings} == {
        ("model.household_members", "model:jumin", "households", "/members")}
    assert "moves.out(" in findings[0].message
    assert "ex_officio.correct(" not in findings[0].message and "cancellations(" not in findings[0].message


def test_a_split_keeping_the_former_heads_name_is_caught_on_the_subset() -> None:
    with basic_target(frozenset({"setai_nushi_name_kept"})) as target:
        findings = list(state_machine(CheckContext(EDITION.requirement("jumin-1.0-1.1.1-R008"), target=target)))
    assert findings and {(f.code, f.location.split("/step:")[0], f.location.rsplit("#", 1)[1]) for f in findings} == {
        ("model.item_not_allowed", "model:jumin", "世帯主氏名")}
    assert "households." in findings[0].message


@contextmanager
def claimed_world(claimed: frozenset[str], defects: frozenset[str], seed: int) -> Iterator[WorldResult]:
    """The cross-domain machine for a product claiming ``claimed`` (its adapter offering every operation)."""
    with started_in_process(defects) as running:
        target = Target(catalog=EDITION, http=running.client(), driver=DriverTarget(operations="all"), seed=seed,
                        max_examples=25, shrink=False, claimed=claimed)
        yield run_world(target)


#: Seed 2 meets a 65 moving out with its 転入通知 on one day (tests/domains/test_world_machine.py).
KAIGO_SEED = 2
DEFECTS = frozenset({"kaigo_insured_on_move_day", "kokuho_loss_always_next_day"})


def test_a_kaigo_only_product_is_compared_on_its_part_only() -> None:
    with claimed_world(frozenset({"kaigo"}), DEFECTS, KAIGO_SEED) as found:
        pass
    assert found.compared and {requirement.split("-", 1)[0] for requirement in found.compared} == {"kaigo"}
    assert {(b.requirement, b.code, b.item.split("@")[0]) for b in found.result.breaches} == {
        ("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch",
         "/residents/{atena}/qualifications#/介護保険/第1号被保険者")}


def test_the_other_part_is_read_where_its_domain_is_claimed() -> None:
    # The 国保 defect the 介護-only product's run did not read is there: claimed, its part is compared and caught.
    with claimed_world(frozenset({"kaigo", "kokuho"}), DEFECTS, KAIGO_SEED) as found:
        pass
    assert {requirement.split("-", 1)[0] for requirement in found.compared} == {"kaigo", "kokuho"}
    assert any(b.requirement.startswith("kokuho-") and b.code == "world.domain_mismatch"
               for b in found.result.breaches)


KAIGO = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "kaigo" / "2025.12")
#: Bound to the 介護保険 part's own checks, the cross-domain machine and the feed (the edition's bindings.yaml).
CATEGORY = "kaigo-2025.12-1.9.0.1.0-R001"
NO_LOAD = ("the profile names no targets.load.append_path: generated residents cannot be added (no per-person load "
           "is offered)")
NO_DRIVER = "the model's state machine needs the driver protocol (targets.driver)"
#: How model.world.domains says the machine did not run, for a statute vendor given the 異動 otherwise (feed.py).
MACHINE = f"the cross-domain machine, which drives a 住民記録 system, was not run ({NO_DRIVER})"
#: The loaded test data as the scenario checks read it: the town's code (the reference in process holds the town).
TOWN = TestData(({"住所_市区町村コード": TOWN_CODE},))
#: api.qualifications_refusals' reason where the loaded data names no 宛名番号 to ask a malformed parameter about.
#: What a reason ends with when the checks that ran found nothing (runner: not PASS on part of the requirement).
def load_only(requirement: str, examples: int) -> str:
    """The reason of a world check given the 異動 through the load alone, with no breach of ``requirement``."""
    return ("the profile declares no driver operation linkage.feed (targets.driver.operations): the 異動 were given "
            "through the per-person load only, each stage a person of its own, and no 異動 of one person was fed; "
            f"{examples} examples through the load found no breach of {requirement} (seed {SEED})")


PARTLY = " (the rest the checks judged has no finding: not PASS on part of the requirement)"
REFUSALS_NOT_ASKED = ("api.qualifications_refusals: the loaded test data names no 宛名番号: the refusals of a "
                      "malformed fiscal_year or as_of about a resident were not asked")
#: The feed's refusals (api.feed_refusals, bound beside the contract's refusals) of a profile without the driver's feed.
FEED_NOT_ASKED = ("api.feed_refusals: the profile declares no driver operation linkage.feed "
                  "(targets.driver.operations): no row to refuse can be fed")


def test_a_statute_product_without_a_driver_is_not_pass_from_its_per_person_checks_alone() -> None:
    """Issue 64: the world machine did nothing for a statute vendor without a driver, yet the requirement showed PASS
    from the per-person checks. Now: without a load, NOT_AUTOMATED naming each; with the load, the per-person checks
    judge a 介護 rule, the feed and the world check (given the 異動 through the load alone) say the feed did not run;
    a 児童手当 rule the load's 異動 do not compare (a 世帯 with 子 and a 認定請求) is NOT_AUTOMATED, though its own
    check passed."""
    from conformance.plan import Case
    from conformance.results import Status
    from conformance.runner import run_case
    from conformance.shipped_checks import default_registry

    jido = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jido_teate" / "2025.12")
    start = "jido_teate-2025.12-1.8.0.2.0-R001"
    category = Case(requirement=KAIGO.requirement(CATEGORY), domain="kaigo", edition="2025.12")
    months = Case(requirement=jido.requirement(start), domain="jido_teate", edition="2025.12")
    with started_in_process() as running:
        bare = Target(catalog=KAIGO, http=running.client(), data=TOWN, seed=SEED, max_examples=5,
                      claimed=frozenset({"kaigo"}))
        unloaded = run_case(category, default_registry(), lambda: bare)
        loaded = Target(catalog=KAIGO, http=running.client(), data=TOWN, seed=SEED, max_examples=5, shrink=False,
                        append_path="/admin/residents", records_path="/admin/records")
        judged = run_case(category, default_registry(), lambda: loaded)
        partly = run_case(months, default_registry(), lambda: replace(loaded, catalog=jido, cache={}))
    assert unloaded.status is Status.NOT_AUTOMATED and unloaded.findings == ()
    assert unloaded.reason.split("; ") == [  # each check that did not run named (issue 65 item 4)
        REFUSALS_NOT_ASKED, FEED_NOT_ASKED, f"scenario.kaigo.category: {NO_LOAD}",
        f"scenario.kaigo.second_insured: {NO_LOAD}",
        f"model.world.domains: {NO_DRIVER}", "model.world.feed: 庁内連携: the profile declares neither the driver's "
        "linkage.feed (targets.driver.operations) nor targets.load.append_path: no 住民記録 異動 can be given to the "
        "domain system"]
    # Loaded, the requirement's own checks pass; the contract's refusals about a resident stay unasked (this town
    # names no 宛名番号: tests/checks/test_refusals.py asks them of the test town), and the world's two checks, given
    # the 異動 through the load alone with no breach, say the feed did not run (issue 65, the outsider's F5).
    assert (judged.status, judged.findings) == (Status.NOT_AUTOMATED, ())
    assert judged.reason == (f"{REFUSALS_NOT_ASKED}; {FEED_NOT_ASKED}; model.world.domains: {MACHINE}; "
                             f"{load_only(CATEGORY, 31)}; model.world.feed: {load_only(CATEGORY, 31)}{PARTLY}")
    assert (partly.status, partly.findings) == (Status.NOT_AUTOMATED, ())
    assert partly.reason == (f"{REFUSALS_NOT_ASKED}; model.world.domains: {MACHINE}; no 異動 given through the "
                             f"load compared the rule of {start} in this run (31 examples, seed {SEED}){PARTLY}")


@pytest.mark.parametrize(("slug", "requirement"), [
    ("kojin_juminzei", "kojin_juminzei-2025.12-1.318.0.1.0-R001"),
    ("kokumin_nenkin", "kokumin_nenkin-2025.12-1.7.0.1.1-R001")])
def test_a_world_bound_statute_rule_without_a_driver_is_not_automated_naming_the_feed(slug: str,
                                                                                       requirement: str) -> None:
    """Issue 65, the outsider's F5: a 個人住民税 product declaring no targets.driver got PASS with no reason for
    1.318.0.1.0 R001 (bound to model.world.domains and model.world.feed), the 異動 given through the load alone. Each
    world check now says what did not run; the clean reference shows no finding, and the requirement is NOT_AUTOMATED
    with both reasons, for every statute domain bound the same way (国民年金 beside)."""
    from conformance.plan import Case
    from conformance.results import Status
    from conformance.runner import run_case
    from conformance.shipped_checks import default_registry

    edition = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / slug / "2025.12")
    case = Case(requirement=edition.requirement(requirement), domain=slug, edition="2025.12")
    with started_in_process() as running:
        loaded = Target(catalog=edition, http=running.client(), data=TOWN, seed=SEED, max_examples=5, shrink=False,
                        append_path="/admin/residents", records_path="/admin/records", claimed=frozenset({slug}))
        result = run_case(case, default_registry(), lambda: loaded)
    assert (result.status, result.findings) == (Status.NOT_AUTOMATED, ())
    reasons = result.reason.removesuffix(PARTLY).split("; model.world.")
    assert reasons[1:] == [f"domains: {MACHINE}; {load_only(requirement, 31)}",
                           f"feed: {load_only(requirement, 31)}"]


def test_without_a_driver_the_world_check_judges_through_the_load_and_says_what_it_did_not() -> None:
    """model.world.domains for a statute vendor without a driver (issue 64): the rules the 異動 given through the load
    compare are judged (reported once: by model.world.feed where it is bound beside), the others NOT_AUTOMATED naming
    why the machine did not run."""
    from conformance.domains.feed import domains_check, feed_check

    jido = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jido_teate" / "2025.12")
    fuhyo = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "koseki_fuhyo" / "2025.12")
    with started_in_process(frozenset({"kaigo_insured_on_move_day"})) as running:
        target = Target(catalog=KAIGO, http=running.client(), data=TOWN, seed=SEED, max_examples=25, shrink=False,
                        append_path="/admin/residents", records_path="/admin/records")
        proviso = CheckContext(KAIGO.requirement("kaigo-2025.12-1.11.0.1.0-R002"), target=target)
        beside, fed = list(domains_check(proviso)), list(feed_check(proviso))
        with pytest.raises(NotAutomated) as eligible:
            list(domains_check(CheckContext(jido.requirement("jido_teate-2025.12-1.4.0.1.1-R001"), target=target)))
        with pytest.raises(NotAutomated) as raised:
            list(domains_check(CheckContext(fuhyo.requirement("koseki_fuhyo-2025.12-1.16.0.1.0-R001"),
                                            target=target)))
    assert beside == [] and [(f.code, f.location.split("@")[0]) for f in fed] == [
        ("world.domain_mismatch", "feed:load#/residents/{atena}/qualifications#/介護保険/第1号被保険者")]
    # Compared through the load and the reference right there: not PASS on the load alone (issue 65, F5).
    assert str(eligible.value) == f"{MACHINE}; {load_only('jido_teate-2025.12-1.4.0.1.1-R001', 51)}"
    assert str(raised.value) == (f"{MACHINE}; no 異動 given through the load compared the rule of "
                                 f"koseki_fuhyo-2025.12-1.16.0.1.0-R001 in this run (51 examples, seed {SEED})")
