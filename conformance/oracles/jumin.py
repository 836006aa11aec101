"""住民記録: the 除票 date of a 転出.

Rule (DOMAIN.md, "Moves and dates that cross a year"): "the 除票 date of a 転出 is the earlier of
転出予定年月日 and the 転入 date in the 転入通知".
"""

from __future__ import annotations

from datetime import date


def removal_date(planned_move_out: date, moved_in_elsewhere: date | None = None) -> date:
    """The date the 住民票 of a person who moved out becomes a 除票.

    Rule (DOMAIN.md): the earlier of the 転出予定年月日 and the 転入 date in the 転入通知; before the
    転入通知 arrives (``moved_in_elsewhere`` None) the 転出予定年月日.
    """
    if moved_in_elsewhere is None:
        return planned_move_out
    return min(planned_move_out, moved_in_elsewhere)
