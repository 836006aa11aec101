"""A run's seeds (issue 65, item 3): named, the town's first, each judged by every check that draws."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import ModuleType

from factories import requirement

from conformance.catalog.catalog import EditionCatalog
from conformance.checks.registry import CheckContext, NotAutomated, Registry, check
from conformance.findings import Finding
from conformance.plan import Case
from conformance.profiles import Profile
from conformance.results import Status
from conformance.runner import MAX_OTHER_SEED_FINDINGS, run_case
from conformance.session import DEFAULT_SEEDS, THOROUGH_SEEDS, effective_seed, effective_seeds, examples_per_seed
from conformance.targets.base import Target

CALLS: list[int | None] = []


@check("test.seeded_finds_odd")
def seeded_finds_odd(ctx: CheckContext) -> Iterator[Finding]:
    """Draws with the seed: a finding for an odd one (a vendor wrong only where some seeds look)."""
    target, params = ctx.target, ctx.params
    assert isinstance(target, Target) and isinstance(params, Mapping)
    CALLS.append(target.seed)
    if target.seed % 2:
        yield ctx.finding("test.odd", f"odd seed ({target.replay})", location="/x", expected="even",
                          actual=str(target.seed % int(params.get("mod", 10))))


@check("test.judges_even_only")
def judges_even_only(ctx: CheckContext) -> Iterator[Finding]:
    """Meets what it judges with an even seed only (the cross-domain machine's rule that some seeds' draws never
    compare), and finds nothing then."""
    target = ctx.target
    assert isinstance(target, Target)
    CALLS.append(target.seed)
    if target.seed % 2:
        raise NotAutomated(f"nothing compared with seed {target.seed}")
    return iter(())


@check("test.runs_whole_on_even_only")
def runs_whole_on_even_only(ctx: CheckContext) -> Iterator[Finding]:
    """Judges every seed, but with an odd one its draws miss a part the product declares (``did_not_run``: the
    machine's rule a subset's steps did not reach with that seed)."""
    target = ctx.target
    assert isinstance(target, Target)
    CALLS.append(target.seed)
    if target.seed % 2:
        ctx.did_not_run(f"part not reached with seed {target.seed}")
    return iter(())


@check("test.unseeded")
def unseeded(ctx: CheckContext) -> Iterator[Finding]:
    """Never reads the seed: the same findings whatever it is."""
    CALLS.append(None)
    yield ctx.finding("test.always", "always", location="/y")


def _registry() -> Registry:
    module = ModuleType("seeded_checks")
    module.seeded_finds_odd = seeded_finds_odd  # type: ignore[attr-defined]
    module.unseeded = unseeded  # type: ignore[attr-defined]
    module.judges_even_only = judges_even_only  # type: ignore[attr-defined]
    module.runs_whole_on_even_only = runs_whole_on_even_only  # type: ignore[attr-defined]
    registry = Registry()
    registry.add_module(module)
    return registry


def _judge(name: str, seeds: tuple[int, ...], mod: int = 10) -> tuple[Status, list[Finding]]:
    CALLS.clear()
    bound = {"kind": "check", "name": name, "params": {"mod": mod}}
    case = Case(requirement=requirement(checks=[bound]), domain="jumin", edition="1.0")
    target = Target(catalog=EditionCatalog.__new__(EditionCatalog), seed=seeds[0], seeds=seeds)
    result = run_case(case, _registry(), lambda: target)
    return result.status, list(result.findings)


def test_a_check_that_draws_is_judged_with_every_seed_and_names_the_one_that_found() -> None:
    status, findings = _judge("test.seeded_finds_odd", (20200900, 424242, 7, 11))
    assert CALLS == [20200900, 424242, 7, 11]
    assert status is Status.FAIL  # the first two seeds pass: another seed decides nothing, every one is judged
    assert [(f.code, f.actual) for f in findings] == [("test.odd", "7"), ("test.odd", "1")]
    assert "seed 7; replay: conformance run --seed 20200900 --seed 7" in findings[0].message
    # The same seeds pass wherever they stand (a verdict is the seeds', not their order's first).
    assert _judge("test.seeded_finds_odd", (20200900, 424242))[0] is Status.PASS


def test_the_same_finding_of_two_seeds_is_one_and_the_others_are_bounded() -> None:
    seeds = (1, 3, *range(11, 200, 10))  # every one odd: actual '1' again and again
    _, findings = _judge("test.seeded_finds_odd", seeds)
    assert [f.actual for f in findings] == ["1", "3"]  # 11, 21, ... end in 1 as the first did
    many = (1, *range(3, 3 + 20 * 2, 2))
    _, findings = _judge("test.seeded_finds_odd", many, mod=1000)
    assert len(findings) == 1 + MAX_OTHER_SEED_FINDINGS


def test_a_check_that_never_reads_the_seed_runs_once() -> None:
    status, findings = _judge("test.unseeded", DEFAULT_SEEDS)
    assert CALLS == [None] and status is Status.FAIL and [f.code for f in findings] == ["test.always"]


def _profile(**hypothesis: object) -> Profile:
    return Profile.model_validate({"name": "p", "product": "p", "version": "1",
                                   "claims": [{"domain": "jumin", "edition": "1.0"}], "hypothesis": hypothesis})


def test_the_seeds_of_a_run() -> None:
    assert effective_seeds(_profile()) == DEFAULT_SEEDS == (20200901, 1, 424242)
    assert effective_seeds(_profile(), (7,)) == (7,)  # --seed replays exactly its seeds
    assert effective_seeds(_profile(seed=5)) == (5, 1, 424242)
    assert effective_seeds(_profile(seed=5, seeds=[9, 8])) == (9, 8)
    thorough = effective_seeds(_profile(), thorough=True)
    assert thorough[:3] == DEFAULT_SEEDS and len(thorough) == 15 and len(THOROUGH_SEEDS) >= 10
    assert effective_seeds(_profile(), (7, 1), thorough=True)[:3] == (7, 1, 2 ** 200)  # each seed once
    assert effective_seed(_profile(), (7, 1)) == 7


def test_a_check_is_not_automated_only_when_no_seed_judged() -> None:
    status, _ = _judge("test.judges_even_only", (1, 3, 4))
    assert status is Status.PASS and CALLS == [1, 3, 4]
    CALLS.clear()
    case = Case(requirement=requirement(checks=[{"kind": "check", "name": "test.judges_even_only"}]), domain="jumin",
                edition="1.0")
    target = Target(catalog=EditionCatalog.__new__(EditionCatalog), seed=1, seeds=(1, 3))
    result = run_case(case, _registry(), lambda: target)
    assert result.status is Status.NOT_AUTOMATED
    assert result.reason == "nothing compared with seed 1 (nor with the run's other seeds: 3)"


def test_the_seeds_share_the_examples_unless_thorough() -> None:
    assert examples_per_seed(25, 3) == 9 and examples_per_seed(25, 1) == 25 and examples_per_seed(2, 3) == 1
    assert examples_per_seed(25, 15, thorough=True) == 25


def test_a_part_one_seed_did_not_run_stands_only_when_no_seed_ran_the_check_whole() -> None:
    status, _ = _judge("test.runs_whole_on_even_only", (1, 4, 3))
    assert status is Status.PASS and CALLS == [1, 4, 3]  # seed 4 ran it whole: the odd seeds' misses take nothing
    CALLS.clear()
    case = Case(requirement=requirement(checks=[{"kind": "check", "name": "test.runs_whole_on_even_only"}]),
                domain="jumin", edition="1.0")
    target = Target(catalog=EditionCatalog.__new__(EditionCatalog), seed=1, seeds=(1, 3))
    result = run_case(case, _registry(), lambda: target)
    assert result.status is Status.NOT_AUTOMATED and CALLS == [1, 3]
    assert result.reason == "part not reached with seed 1"  # the first seed's, said once
