"""Form checks of 5.2: 世帯員の並び順."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from conformance.catalog.models import Form
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.forms.common import (
    Printed,
    Row,
    block_of,
    form_of,
    household_copies,
    household_sample,
    location,
    target_of,
)
from conformance.domains.jumin.params import HouseholdFormParams
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.targets.base import Target

# -- 5.2: 世帯員の並び順 ------------------------------------------------------------------------------------

_SPOUSES = ("妻", "夫", "妻（未届）", "夫（未届）")


def rank(relation: str) -> int:
    """The coarse place of a 続柄 in 5.2 that 続柄 alone decides: 世帯主 0, 配偶者 1, 子 and their
    families 2 (whose family a 子の子 is, the data does not say), 父母 3, 兄弟姉妹 4, 祖父母 5, other
    relatives 6, 縁故者 7, 同居人 8."""
    if relation == "世帯主":
        return 0
    if relation in _SPOUSES:
        return 1
    if relation == "子" or relation.startswith("子の"):
        return 2
    fixed = {"父": 3, "母": 3, "兄": 4, "姉": 4, "弟": 4, "妹": 4, "縁故者": 7, "同居人": 8}
    if relation in fixed:
        return fixed[relation]
    if relation in ("父の父", "父の母", "母の父", "母の母"):
        return 5
    return 6


#: 5.2 R013-R016 ＜第２順位内の並び順＞: 2-1 世帯主の子, 2-2 世帯主の子の配偶者 (準婚 included), 2-3 世帯主の子の子.
_FAMILY_PLACE = {"子": 0, **{f"子の{spouse}": 1 for spouse in _SPOUSES}, "子の子": 2}


def printed_order_problem(members: Sequence[Row]) -> tuple[int, str] | None:
    """The first member (index) a 世帯連記式 写し prints out of the 5.2 order, and why; None when it holds:
    ``order_problem``, and in a household with one 子 its family's order (2-1 to 2-3, ``family_problem``).

    The model's read of the linkage API's 世帯 (interpretation jumin-1.0-interp-member-order) keeps to
    ``order_problem``: the family's order is judged on the printed form only."""
    return order_problem(members) or family_problem(members)


def family_problem(members: Sequence[Row]) -> tuple[int, str] | None:
    """Within the family of the one 子 of a household (5.2 R013-R017): the 子, the 子の配偶者, then the 子の子 by
    生年月日 and 宛名番号; None when it holds, or when the household has no such family or several 子 (whose family a
    子の子 is the data cannot say). Further generations (子の子の妻, 子の子の子) have no place of their own in the text
    (interpretation jumin-1.0-interp-member-order-family): they are not judged here."""
    if sum(row.get("続柄") == "子" for row in members) != 1:
        return None
    placed = [(index, row) for index, row in enumerate(members) if row.get("続柄", "") in _FAMILY_PLACE]
    for (_, before), (index, after) in itertools.combinations(placed, 2):
        first, second = _FAMILY_PLACE[before.get("続柄", "")], _FAMILY_PLACE[after.get("続柄", "")]
        if second < first:
            return index, f"{after.get('続柄')} after {before.get('続柄')} in the 子's family"
        if first == second == 2 and _known(before, after) and _key(after) < _key(before):
            return index, "two 子の子 not by 生年月日 and 宛名番号"
    return None


def expected_order(members: Sequence[Row]) -> list[Row]:
    """The members in an order 5.2 allows: by rank, within the one 子's family by its places, then by 生年月日 and
    宛名番号 (what a finding shows as expected)."""
    one_family = sum(row.get("続柄") == "子" for row in members) == 1
    return sorted(members, key=lambda row: (rank(row.get("続柄", "")), _FAMILY_PLACE.get(row.get("続柄", ""), 3)
                                            if one_family else 0, *_key(row)))


#: 5.2 3-2 「兄弟姉妹（生年月日の順…）」: one group whatever the 続柄 says (兄 and 妹 alike by 生年月日).
_SIBLINGS = frozenset({"兄", "姉", "弟", "妹"})


def _group(row: Row) -> str:
    """The group within which 5.2 orders by 生年月日 and 宛名番号: the 続柄, the 兄弟姉妹 all one."""
    relation = row.get("続柄", "")
    return "兄弟姉妹" if relation in _SIBLINGS else relation


def _known(*rows: Row) -> bool:
    return all(row.get("生年月日_不詳フラグ") != "1" for row in rows)


def _key(row: Row) -> tuple[str, str]:
    return row.get("生年月日", ""), row.get("宛名番号", "")


def order_problem(members: Sequence[Row]) -> tuple[int, str] | None:
    """The first member (index) listed out of the 5.2 order, and why; None when the order holds.

    Between ranks the order is judged fully; within one 続柄 (the 兄弟姉妹 one group; outside the families of 子,
    where the data cannot tell which family a member belongs to) by 生年月日, then 宛名番号 (不詳 dates are not
    compared).
    """
    has_child_family = any(row.get("続柄", "").startswith("子の") for row in members)
    for index in range(1, len(members)):
        before, after = members[index - 1], members[index]
        first, second = rank(before.get("続柄", "")), rank(after.get("続柄", ""))
        if second < first:
            return index, f"{after.get('続柄')} after {before.get('続柄')}"
        same = _group(before) == _group(after) and not (first == 2 and has_child_family)
        if same and _known(before, after) and _key(after) < _key(before):
            return index, f"two {after.get('続柄')} not by 生年月日 and 宛名番号"
    return None


def shown_members(target: Target, form: Form, blocks: list[list[Printed]], members: Sequence[Row]) -> list[Row]:
    """The members in the order their blocks are printed: each block is the member whose name and, where
    printed, 生年月日 it shows (two members may share a name: a 世帯主 and a 子 both 中村　拓也, seed 424242's
    test town, were once both read as the 子); a block shown by no member is left out."""
    owners: dict[int, Row] = {}
    for row in members:  # a block already taken is not another member's (two of one name, no 生年月日 printed)
        block = block_of(target, form, [block for block in blocks if id(block) not in owners], row)
        if block is not None:
            owners[id(block)] = row
    return [owners[id(block)] for block in blocks if id(block) in owners]


@check("forms.member_order")
def member_order(ctx: CheckContext) -> Iterator[Finding]:
    """The 世帯員 of a 世帯連記式 copy are printed in the order of 5.2 (j1010)."""
    target = target_of(ctx)
    args = ctx.args(HouseholdFormParams)
    form = form_of(target, args.form)
    sample = household_sample(target.need_data().rows, args.households)
    if not sample:
        raise TargetError("the test data has no household of two or more current members")
    for copy in household_copies(ctx, target, form, sample):
        yield from copy.problems
        if copy.blocks is None:
            continue
        blocks, whom = copy.blocks, copy.whom
        shown = shown_members(target, form, blocks, copy.members)
        problem = printed_order_problem(shown)
        if problem is not None:
            index, why = problem
            line = blocks[index][0].line if index < len(blocks) else None
            yield ctx.finding("form.member_order", f"the 世帯員 are not in the order of 5.2: {why}",
                              location=location(form.id, line.page if line else None, "氏名", whom),
                              expected="続柄 " + " > ".join(r.get("続柄", "") for r in expected_order(shown)),
                              actual="続柄 " + " > ".join(r.get("続柄", "") for r in shown))
