"""The order of the 世帯員 on the printed 世帯全員 写し of a 世帯 the model made (5.2), read by the fixed example
``twins``: the town's 世帯 the form check ``forms.member_order`` prints hold no twins, so the tie of one 続柄 and
one 生年月日 (宛名番号の順) was never printed (second blind round, 01: twins by their フリガナ survived).

The order is the form check's own rule (``forms.member_order.printed_order_problem``), applied to the members the
printed blocks show (``shown_members``); only the model's 世帯 and its persons' labels are the model's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from conformance.domains.jumin.forms.common import Row, person_blocks
from conformance.domains.jumin.forms.member_order import expected_order, printed_order_problem, shown_members
from conformance.domains.jumin.model.forms import HOUSEHOLD_FORM, CertificateForms, print_of
from conformance.domains.jumin.oracles.model import Breach, World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.targets.forms import FORMS_PATH

#: The print of a 世帯連記式 写し (interfaces.yaml issue_form), asked by 世帯番号.
HOUSEHOLD_PRINT = FORMS_PATH.replace("{form_id}", HOUSEHOLD_FORM)


def compare_member_order(forms: CertificateForms, world: World, setai: str,
                         label: Callable[[str], str]) -> Iterator[Breach]:
    """The printed 世帯全員 写し of ``setai`` lists the model's 住民 of the 世帯 in the order of 5.2: within one 続柄
    by 生年月日, and two of one 生年月日 by 宛名番号 (5.2 R008-R009; reported under R009, which the example's twins
    test). Not issued or not readable is a breach of the same requirement (the order cannot be seen); nothing is
    asked without the 世帯連記式 form in the catalog. ``label`` names a person in the breach (p1, p2: no vendor
    number)."""
    form = forms.household
    if form is None:
        return
    printed = print_of(forms.http, HOUSEHOLD_PRINT, {"世帯番号": setai}, r.MEMBER_TIE, "the 世帯全員 写し of a 世帯")
    if isinstance(printed, Breach):
        yield printed
        return
    members = [world.latest(atena) for atena in world.members(setai)]
    shown = shown_members(forms.target, form, person_blocks(form, printed), members)
    misplaced = printed_order_problem(shown)
    if misplaced is not None:
        index, why = misplaced
        yield Breach(r.MEMBER_TIE, "model.form_member_order", f"the 世帯員 of the 世帯全員 写し are not in the order "
                     f"of 5.2: {why}", f"POST {HOUSEHOLD_PRINT}#/世帯員/{index}",
                     _sequence(expected_order(shown), label), _sequence(shown, label))


def _sequence(rows: Sequence[Row], label: Callable[[str], str]) -> str:
    """The members as a finding shows them: 続柄 and the model's label, in order (子 p2 > 子 p3)."""
    return " > ".join(f"{row.get('続柄', '')} {label(row.get('宛名番号', ''))}" for row in rows)
