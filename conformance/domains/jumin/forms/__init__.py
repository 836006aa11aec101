"""Checks of forms (帳票) as printed: the vendor's PDF read line by line, judged against the catalog.

Each check issues forms through the form interface (:mod:`conformance.targets.forms`) for persons
and households of the test data the harness loaded, reads the PDF as printed (text lines with their
page) and judges one rule of ``spec_catalog/<domain>/<edition>/forms.yaml``. A finding is located
``form:<form id> page <n> item <label> (<whom>)`` and its ``actual`` is the printed line with
personal data masked (dates keep their era and style, digits hidden). A PDF that cannot be judged
(broken, encrypted, with JavaScript, too large) is a finding of its own (``form.pdf_*``), never an
error of the run. Nothing to judge (no multi-page form, no protected person) is a TargetError: the
requirement is ERROR, never PASS. docs/forms.md describes each rule and our readings.

The package follows the specification's sections:

- ``common``: the form and its labels, reading a printed form, sampling the test data, findings;
- ``printed``: 5.1 (items and dates, omissions, 認証文 and 発行番号, the 別紙, current members only);
- ``calendar``: 1.1.9 (j90) over the whole form: the 証明 day and the 別紙's dates too;
- ``member_order``: 5.2; ``furigana``: 5.3; ``katagaki``: 5.4 and 5.7; ``issue_number``: 5.5;
- ``data``: the form's data against its print; ``dv``: 3.4, DV protection across every form;
- ``full_list``: 9.5 R002, the 閲覧用 全件リスト as a PDF.
"""

from __future__ import annotations

from conformance.domains.jumin.forms.calendar import calendar
from conformance.domains.jumin.forms.common import person_sample
from conformance.domains.jumin.forms.data import data_matches_print
from conformance.domains.jumin.forms.dv import dv_refused, dv_removed
from conformance.domains.jumin.forms.full_list import full_list
from conformance.domains.jumin.forms.furigana import furigana
from conformance.domains.jumin.forms.issue_number import issue_number
from conformance.domains.jumin.forms.katagaki import katagaki, official_use
from conformance.domains.jumin.forms.member_order import member_order, order_problem, printed_order_problem
from conformance.domains.jumin.forms.printed import (
    certification,
    dates_printed,
    household_current_only,
    household_items,
    items_printed,
    omissions,
    tsusho_sheet,
)

__all__ = [
    "calendar", "certification", "data_matches_print", "dates_printed", "dv_refused", "dv_removed", "full_list",
    "furigana", "household_current_only", "household_items", "issue_number", "items_printed", "katagaki",
    "member_order", "official_use",
    "omissions", "order_problem", "person_sample", "printed_order_problem", "tsusho_sheet",
]
