"""The inkan oracle's answer to a worked example's case (``examples.yaml``; conformance/domains/worked_examples.py).

A case is one application on ``day``: the applicant's ``birth``, ``moved_in`` (住民となった年月日 here) and
``last_day`` (the last day of the address, absent while it lasts), ``lacks_capacity``, ``already_registered``; the
印鑑's ``impression`` (the characters of the 印影) with the applicant's ``name`` (氏 and 名 with a space between),
``material``, ``side_mm`` (the side of the smallest square the 印影 fits in) and ``blurred``. The answer gives the
verdict of each provision whose facts the case gives (亘理町印鑑条例 第2条, 第3条) and 登録 (柏原市印鑑条例 第5条)
on those verdicts; a verdict is true, false or null (open: the harness asks nothing there).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.domains.inkan import oracle as inkan
from conformance.domains.worked_examples import day as _day


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """What the oracle says of the case, by the names the examples expect."""
    found: dict[str, Any] = {}
    day = _day(case["day"]) if case.get("day") else None
    if day is not None and case.get("moved_in"):
        found["住民基本台帳"] = inkan.recorded_on(_day(case["moved_in"]),
                                             _day(case["last_day"]) if case.get("last_day") else None, day)
    if day is not None and case.get("birth"):
        found["年齢"] = inkan.old_enough(_day(case["birth"]), day)
    if "lacks_capacity" in case:
        found["意思能力"] = inkan.capable(bool(case["lacks_capacity"]))
    if "already_registered" in case:
        found["一人一個"] = inkan.first_seal(bool(case["already_registered"]))
    if case.get("impression"):
        if case.get("name"):
            found["氏名"] = inkan.shows_name(str(case["impression"]), (str(case["name"]),))
        found["職業資格"] = inkan.no_occupation(str(case["impression"]))
    if case.get("material"):
        found["材質"] = inkan.not_rubber(str(case["material"]))
    if case.get("side_mm") is not None:
        found["大きさ"] = inkan.size_allowed(int(case["side_mm"]))
    if "blurred" in case:
        found["鮮明"] = inkan.clear(bool(case["blurred"]))
    found["登録"] = inkan.registered(found.values())
    return found
