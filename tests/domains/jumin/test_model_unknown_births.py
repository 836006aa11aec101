"""The fixed example ``unknown_births`` of the model's state machine: the 除票's forms of persons born on a day 不詳
(5.1 R003 with 1.1.8 R004, R005; issue 67's blind round, 01). The clean reference passes; the named defect
``joshuhyo_unknown_birth_as_date`` (the 除票's template printing the date held behind the 不詳) is reported at the
除票の写し's 生年月日 after the 外国人住民's 死亡; the same bug on the 転出証明書 alone after the 日本人's 転入通知."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from fixed_alone import run_alone
from inprocess import InProcessReference

from conformance.domains.jumin.model.fixed_examples import (
    _SHEET_MEMBERS,
    SHEET_SERIALS,
    UNKNOWN_BIRTH_FIRST,
    unknown_births,
)
from conformance.domains.jumin.model.steps import Session
from conformance_reference.jumin.forms import FormAnswer


def alone(defects: frozenset[str] = frozenset(), *, only: str | None = None) -> Session:
    """The example against the reference with ``defects`` (on the form ``only`` alone, when given)."""
    if only is None:
        return run_alone(unknown_births, defects)
    return run_alone(unknown_births, prepare=partial(_on_one_form, form_id=only, defects=defects))


def test_the_clean_reference_prints_the_unknown_births_as_recorded() -> None:
    session = alone()
    assert session.failures == []
    assert "jumin-1.0-5.1-R003" in session.exercised


def test_a_removed_form_printing_the_date_behind_the_unknown_birth_is_reported() -> None:
    steps, failure = alone(frozenset({"joshuhyo_unknown_birth_as_date"})).failures[-1]
    assert [(b.requirement, b.code, b.item, b.expected, b.actual) for b in failure.breaches][:1] == [
        ("jumin-1.0-5.1-R003", "model.form_differs", "POST /forms/joshuhyo/data#/生年月日", "1962年頃",
         "1962年1月1日")]
    assert steps[-1].startswith("2. deaths(p2")


def _on_one_form(running: InProcessReference, form_id: str, defects: frozenset[str]) -> None:
    """The reference's forms with ``defects`` on ``form_id`` only (a vendor whose one template has the bug)."""
    forms = running.app.forms
    plain = forms.issue

    def issue(asked: str, body: Mapping[str, Any], accept: str) -> FormAnswer:
        if asked != form_id:
            return plain(asked, body, accept)
        forms.defects = defects
        try:
            return plain(asked, body, accept)
        finally:
            forms.defects = frozenset()

    forms.issue = issue  # type: ignore[method-assign]


def test_a_moved_out_certificate_printing_the_date_behind_the_unknown_birth_is_reported() -> None:
    # The 転出証明書 alone has the bug: the 死亡's 除票 forms pass, the 転出's 転出証明書 is reported.
    steps, failure = alone(frozenset({"joshuhyo_unknown_birth_as_date"}), only="tenshutsu").failures[-1]
    assert [(b.requirement, b.code, b.item, b.expected, b.actual) for b in failure.breaches] == [
        ("jumin-1.0-5.1-R003", "model.form_differs", "POST /forms/tenshutsu/data#/生年月日", "昭和30年頃",
         "昭和30年1月1日")]
    assert steps[-1].startswith("4. moves.out_confirm(p1")


def test_the_example_s_serials_are_apart_from_the_long_sheet_s() -> None:
    # It shares the long 別紙's block (no million is free): its persons start well after that example's 15.
    assert SHEET_SERIALS + _SHEET_MEMBERS + 1 < UNKNOWN_BIRTH_FIRST < SHEET_SERIALS + 1_000_000


def test_a_period_of_months_printed_otherwise_on_the_removed_forms_is_reported() -> None:
    # The 外国人住民's 6月 stay (issue 67's blind round, 03) on the 除票の写し: a template printing the 年 field alone
    # prints 00年, not the record's period (the model compares a printed 在留期間等 by its years, months and days).
    steps, failure = alone(frozenset({"form_residence_period_years_only"})).failures[-1]
    assert [(b.requirement, b.code, b.item, b.expected, b.actual) for b in failure.breaches][:1] == [
        ("jumin-1.0-5.1-R003", "model.form_differs",
         "POST /forms/joshuhyo/data#/在留期間等/在留期間等コード_日", "6月", "00年")]
    assert steps[-1].startswith("2. deaths(p2")
