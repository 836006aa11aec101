"""10.7 印刷 and 5.8 文字溢れ (domains/jumin/scenarios/printing.py) against the reference: clean, every rule passes;
with each defect exactly its findings; a vendor whose adapter lacks ``prints.issue`` is NOT_AUTOMATED."""

from __future__ import annotations

import base64

import pytest

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.printing import prints
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance.targets.forms import read_pdf
from conformance_reference.jumin.printing import PrintService
from tests.domains.jumin.test_access_log import EDITION, reference_target

RULES = {"seal": "5.6-R001", "seal_kind": "5.6-R002", "printer": "10.7-R001", "copies": "10.7-R002",
         "preview": "10.7-R003", "output": "10.7-R004", "overflow_list": "10.7-R006", "fit": "5.8-R001",
         "overflow_alert": "5.8-R002"}


def judge(target: Target, rule: str) -> list[Finding]:
    requirement = EDITION.requirement(f"jumin-1.0-{RULES[rule]}")
    return list(prints(CheckContext(requirement, {"rule": rule}, target)))


def found(findings: list[Finding]) -> list[tuple[str, str]]:
    """Code and the part of the location after the person (a new 宛名番号 each run)."""
    return [(f.code, f.location.split("#", 1)[1]) for f in findings]


def test_the_clean_reference_passes_every_rule() -> None:
    with reference_target() as target:
        assert {rule: judge(target, rule) for rule in RULES} == {rule: [] for rule in RULES}


def test_options_ignored_print_on_the_default_printer_and_answer_no_form() -> None:
    with reference_target(frozenset({"print_options_ignored"})) as target:
        assert found(judge(target, "printer")) == [("print.choice_ignored", "印刷プリンタ"),
                                                   ("print.choice_ignored", "トレー")]
        assert found(judge(target, "preview")) == [("print.document_missing", "プレビュー"),
                                                   ("print.choice_ignored", "出力形式")]
        assert found(judge(target, "output")) == [
            ("print.document_missing", "PDF"), ("print.choice_ignored", "出力形式"),
            ("print.choice_ignored", "印刷プリンタ")]
        assert judge(target, "overflow_list") == []


def test_copies_ignored_logs_one_copy() -> None:
    with reference_target(frozenset({"print_copies_ignored"})) as target:
        findings = judge(target, "copies")
    assert [(f.code, f.expected, f.actual) for f in findings] == [("print.copies", "3", "1")]


def test_a_value_cut_at_its_column_fails_both_overflow_requirements() -> None:
    with reference_target(frozenset({"form_overflow_cut"})) as target:
        assert found(judge(target, "fit")) == [("print.overflow_cut", "住所")]
        assert found(judge(target, "overflow_list")) == [("print.overflow_unlisted", "文字超過リスト")]
        assert found(judge(target, "overflow_alert")) == [
            ("print.overflow_alert_missing", "限界まで/アラート"),
            ("print.overflow_unlisted", "限界まで/文字超過リスト"),
            ("print.overflow_alert_missing", "空白/アラート"), ("print.overflow_unlisted", "空白/文字超過リスト"),
            ("print.overflow_mode_ignored", "空白/住所")]  # what was cut is printed all the same


def test_the_reference_shrinks_a_long_value_within_the_page_and_blanks_an_overflow_on_request() -> None:
    from conformance.domains.jumin.scenarios.printing import LONG_KATAGAKI, MID_KATAGAKI
    from conformance.scenarios.engine import DEFAULT_ITEMS

    with start_reference() as running:
        service: PrintService = running.app.printing
        atena = [running.app.driver.fixtures({"persons": [{**DEFAULT_ITEMS, "住所_方書": katagaki}]}, (), None)
                 [1]["persons"][0]["宛名番号"] for katagaki in (MID_KATAGAKI, LONG_KATAGAKI)]
        status, fitted = service.issue({"帳票": "juminhyo_kojin", "宛名番号": atena[0]})
        _, blank = service.issue({"帳票": "juminhyo_kojin", "宛名番号": atena[1], "文字溢れ": "空白"})
    assert status == 200 and "文字超過リスト" not in fitted
    form = read_pdf(base64.b64decode(fitted["文書"][0]))
    line = next(line for line in form.lines if MID_KATAGAKI in line.text)
    assert line.x1 <= form.widths[0]
    assert [entry["項目"] for entry in blank["文字超過リスト"]] == ["住所"] and blank["アラート"][0]["code"] == "A050"
    assert not any(LONG_KATAGAKI[:9] in line.text for line in read_pdf(base64.b64decode(blank["文書"][0])).lines)


def test_an_adapter_without_the_print_dialog_is_not_automated() -> None:
    with reference_target(operations=("fixtures.persons", "logs.prints")) as target, \
            pytest.raises(NotAutomated, match=r"prints\.issue"):
        judge(target, "output")


def test_seal_options_ignored_print_the_mayor_with_the_seal_and_no_wording() -> None:
    with reference_target(frozenset({"seal_options_ignored"})) as target:
        assert found(judge(target, "seal")) == [("print.choice_ignored", "職務代理者/職名"),
                                                ("print.choice_ignored", "公印出力の有無")]
        assert found(judge(target, "seal_kind")) == [
            ("print.notice_missing", "この印は黒色です"), ("print.notice_missing", "公印省略"),
            ("print.choice_ignored", "公印出力の有無")]
        assert judge(target, "output") == []


def test_a_list_that_names_no_one_fails_both_overflow_requirements() -> None:
    with reference_target(frozenset({"overflow_list_unnamed"})) as target:
        assert found(judge(target, "overflow_list")) == [("print.overflow_unnamed", "文字超過リスト/宛名番号")]
        assert found(judge(target, "overflow_alert")) == [
            ("print.overflow_unnamed", "限界まで/文字超過リスト/宛名番号"),
            ("print.overflow_unnamed", "空白/文字超過リスト/宛名番号")]
        assert judge(target, "fit") == []
        [finding] = judge(target, "overflow_list")
    assert (finding.actual, finding.expected.isdigit()) == ("absent", True)


def test_an_alert_without_its_message_fails_5_8_r002_only() -> None:
    with reference_target(frozenset({"overflow_alert_silent"})) as target:
        findings = judge(target, "overflow_alert")
        assert judge(target, "overflow_list") == []
    assert [(f.code, f.location.split("#", 1)[1], f.actual) for f in findings] == [
        ("print.overflow_alert_missing", "限界まで/アラート", "no message"),
        ("print.overflow_alert_missing", "空白/アラート", "no message")]


def test_a_title_fixed_to_the_mayor_fails_5_6_r001_on_the_deputy_s_title() -> None:
    # The 職務代理者 without the 公印 against the 市区町村長 without it: the 公印 printed on the 市区町村長's line
    # of the first print no longer tells the two apart.
    with reference_target(frozenset({"seal_title_fixed"})) as target:
        assert found(judge(target, "seal")) == [("print.choice_ignored", "職務代理者/職名")]
        assert judge(target, "seal_kind") == []
