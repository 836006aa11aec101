"""The fixed example ``long_sheet`` of the model's state machine: a 世帯全員 写し whose 別紙 (通称の記載及び削除に関する
事項) runs past a page (5.1 R005; interpretation jumin-1.0-interp-long-sheet-model). The clean reference passes; the
named defects of the 別紙 are reported with their exact finding, ``form_sheet_one_page`` by this example alone."""

from __future__ import annotations

import pytest
from fixed_alone import run_alone

from conformance.domains.jumin.model.fixed_examples import long_sheet
from conformance.domains.jumin.model.steps import Session

WHERE = "POST /forms/juminhyo_setai"


def alone(defects: frozenset[str] = frozenset()) -> Session:
    return run_alone(long_sheet, defects)


def test_the_clean_reference_prints_the_long_sheet_whole_with_the_certification_last() -> None:
    session = alone()
    assert session.failures == []
    assert "jumin-1.0-5.1-R005" in session.exercised


@pytest.mark.parametrize(("defect", "code", "item", "values"), [
    # The 別紙 stops with its first page: eleven of the fourteen 通称 (the reference's page holds 45 lines).
    ("form_sheet_one_page", "model.form_sheet_incomplete", f"{WHERE}#/別紙/通称", ("14", "11")),
    ("form_tsusho_sheet_after_certification", "model.form_certification_before_sheet", f"{WHERE}#/認証文",
     ("on the last page", "on another page")),
])
def test_a_defect_of_the_long_sheet_is_reported_at_the_print(defect: str, code: str, item: str,
                                                              values: tuple[str, str]) -> None:
    steps, failure = alone(frozenset({defect})).failures[-1]
    assert [(b.requirement, b.code, b.item, (b.expected, b.actual)) for b in failure.breaches] == [
        ("jumin-1.0-5.1-R005", code, item, values)]
    assert steps[-1].startswith("2. forms.juminhyo_setai(printed, the 世帯)")
