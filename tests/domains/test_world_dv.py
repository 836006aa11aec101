"""The DV rule across domains (conformance/domains/world.py ``protected_copies``; docs/model.md, "One world across
domains"): no domain output meant for others shows a person under 支援措置 where 住民記録 would not. The one such
output the reference's domains offer is the 戸籍の附票の写し (住民基本台帳法 第20条第1項 請求, 第3項 申出); our reading
(the interpretation of koseki_fuhyo 第20条第5項 sentence 1) ties it to 3.4 R001. The fixed example: a 世帯 and its
戸籍, the 写し asked before the 支援措置 (it must show the 子), after it, and after the 子's 転出 and its 転入通知 (the
除票 stays protected: 3.4 R009). The clean reference passes, each named defect is caught with its exact finding."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.domains.feed import domains_check
from conformance.domains.jumin.model.check import result_of, session_of
from conformance.domains.jumin.model.steps import ModelBreach, Session
from conformance.domains.jumin.oracles.model import Breach
from conformance.domains.world import (
    FUHYO_DV,
    WorldSession,
    protected_copies,
    shown_on,
)
from conformance.domains.world_run import WorldResult, run_world
from conformance.profiles import DriverTarget, FormsTarget
from conformance.targets.base import Target

ROOT = Path(__file__).resolve().parents[2] / "spec_catalog"
JUMIN = load_edition(ROOT / "jumin" / "1.0")
FUHYO = load_edition(ROOT / "koseki_fuhyo" / "2025.12")
SEED = 20200901
KOSEKI_PATH = "/admin/koseki"
COPY = "POST /forms/fuhyo_utsushi#/"
ASKS = ("第20条第1項請求", "第20条第3項第3号申出")
OFFERED = FormsTarget(statute=("fuhyo_utsushi",))


@contextmanager
def protected_run(defects: frozenset[str] = frozenset(), koseki_path: str | None = KOSEKI_PATH,
                  forms: FormsTarget = OFFERED) -> Iterator[WorldResult]:
    """The fixed example alone (no draws) against the reference with ``defects``."""
    with started_in_process(defects) as running:
        target = Target(catalog=JUMIN, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=1, shrink=False, koseki_path=koseki_path, forms=forms)
        session = session_of(target)
        extra = WorldSession(target.need_http(), set(), {})
        try:
            protected_copies(session, extra, target.koseki_path, target.offers_statute_form("fuhyo_utsushi"))
        except ModelBreach:
            assert session.failures  # recorded, as a drawn example's breach is
        yield WorldResult(result_of(session, SEED), frozenset(extra.compared), dict(extra.skipped))


def _found(result: WorldResult) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(b.requirement, b.code, b.item.split("@")[0], b.expected, b.actual) for b in result.result.breaches]


def test_the_clean_reference_refuses_the_copy_while_a_person_of_the_koseki_is_protected() -> None:
    with protected_run() as found:
        assert found.result.breaches == ()
        assert FUHYO_DV in found.compared and found.skipped == {}


def test_a_copy_showing_a_protected_person_is_caught_after_the_support_registration() -> None:
    # fuhyo_copy_dv_leak: the 写し issued whoever is under 支援措置 (the reference before this rule).
    with protected_run(frozenset({"fuhyo_copy_dv_leak"})) as found:
        steps = found.result.first(FUHYO_DV)[1]
    assert _found(found) == [(FUHYO_DV, "world.dv_copy_shown", f"{COPY}{ask}/p2", "refused, or the 写し without p2",
                              "p2's 氏名 and 出生の年月日 printed") for ask in ASKS]
    assert [step.split(" @ ")[0] for step in steps] == ["1. fixtures.persons(size=2)", "2. support.register(p2, -0d)"]


def test_a_copy_showing_a_protected_person_after_their_move_out_is_caught_on_the_removed_record() -> None:
    # fuhyo_copy_dv_leak_after_move: refused while the 子 lives in the town, issued once their 転出 is notified (the
    # 附票 then shows the new 住所: what the 支援措置 hides; 3.4 R009 keeps the 除票 protected).
    with protected_run(frozenset({"fuhyo_copy_dv_leak_after_move"})) as found:
        steps = found.result.first(FUHYO_DV)[1]
    assert _found(found) == [(FUHYO_DV, "world.dv_copy_shown", f"{COPY}{ask}/p2", "refused, or the 写し without p2",
                              "p2's 氏名 and 出生の年月日 printed") for ask in ASKS]
    assert "moves.out(国内転出, p2, 支援対象者)" in steps[-2] and "moves.out_confirm(p2" in steps[-1]


def test_without_a_koseki_path_or_the_form_the_copy_is_not_asked_and_the_reason_is_said() -> None:
    with protected_run(koseki_path=None) as found:
        assert found.result.breaches == () and FUHYO_DV not in found.compared and found.result.steps == ()
        assert list(found.skipped) == [
            "no 戸籍 can be given to the vendor (targets.load.koseki_path): the 戸籍の附票の写し is not asked"]
    with protected_run(frozenset({"fuhyo_copy_dv_leak"}), forms=FormsTarget(statute=("gakureibo",))) as found:
        assert found.result.breaches == () and FUHYO_DV not in found.compared and found.result.steps == ()
        assert list(found.skipped) == ["the profile's targets.forms.statute does not name fuhyo_utsushi: the "
                                       "戸籍の附票の写し is not asked"]


def test_a_copy_shows_a_person_by_their_name_and_birth_date_and_a_refusal_shows_no_one() -> None:
    persons = [("1", "見本　花子", "1985-06-15"), ("2", "見本　一郎", "2012-09-09")]
    lines = ["戸籍の附票の写し", "氏名 見本　花子", "出生の年月日 昭和60年6月15日", "住所 見本町本町一丁目",
             "氏名 見本　一郎", "出生の年月日 平成24年9月9日", "住所 見本町本町一丁目"]
    assert shown_on({"行": lines}, "2", persons) is True
    assert shown_on({"行": lines[:4]}, "2", persons) is False  # the 子 left out: allowed
    assert shown_on({"問題": "HTTP 403"}, "2", persons) is False  # refused: allowed
    assert shown_on({"問題": "form.not_pdf"}, "2", persons) is None  # issued, unreadable: not judged


def test_the_check_reports_the_leak_against_the_koseki_fuhyo_requirement() -> None:
    # As the main command runs it: the 戸籍の附票 edition's target (the profile's koseki_path), the machine's draws and
    # then the fixed example; the finding on 第20条第5項 R001, none on a requirement it does not judge.
    with started_in_process(frozenset({"fuhyo_copy_dv_leak"})) as running:
        target = Target(catalog=FUHYO, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=2, shrink=False, koseki_path=KOSEKI_PATH, forms=OFFERED)
        found = list(domains_check(CheckContext(FUHYO.requirement(FUHYO_DV), target=target)))
    assert [(f.code, f.requirement, f.location.split("#", 1)[1].split("@")[0]) for f in found] == [
        ("world.dv_copy_shown", FUHYO_DV, f"{COPY}{ask}/p2") for ask in ASKS]
    assert found[0].location.startswith("model:world/step:2#") and "support.register(p2" in found[0].message


def test_a_shrinking_run_whose_draws_failed_still_judges_the_copy_and_keeps_both_findings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A shrinking run (the main command's default) keeps its last failure only: the 写し's example runs in a session of
    # its own, so a breach of the draws neither stops it nor is replaced by it.
    from conformance.domains import world, world_run

    drawn = Breach("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch", "a drawn breach", "drawn")

    def failing_draws(session: Session, machine: Any, options: Any) -> None:
        failure = ModelBreach((drawn,), 1)
        session.failures.append((("1. a drawn step",), failure))
        session.family = world.DOMAINS
        raise failure

    monkeypatch.setattr(world_run, "draw", failing_draws)
    with started_in_process(frozenset({"fuhyo_copy_dv_leak"})) as running:
        target = Target(catalog=JUMIN, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=1, shrink=True, koseki_path=KOSEKI_PATH, forms=OFFERED)
        found = run_world(target)
    assert [(b.requirement, b.code) for b in found.result.breaches] == [
        ("kaigo-2025.12-1.11.0.1.0-R002", "world.domain_mismatch"),
        (FUHYO_DV, "world.dv_copy_shown"), (FUHYO_DV, "world.dv_copy_shown")]
    assert found.result.first(FUHYO_DV)[1][-1].startswith("2. support.register(p2")
