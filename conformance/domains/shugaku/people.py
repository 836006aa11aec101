"""就学's scenario checks: what every rule family draws on (the households drawn, what the harness wrote and what
the law says of it, the 学齢簿 read back from the vendor's answer)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from conformance.checks.scenarios import Loaded, Scenario
from conformance.checks.statute_rules import Statute
from conformance.domains.shugaku import oracle as law

PART = "就学"
#: What the rules share (conformance.checks.statute_rules); ``RECORDED``: those whose persons carry a 就学
#: record (``targets.load.records_path``).
STATUTE = Statute("shugaku", PART)
RECORDED = Statute("shugaku", PART, needs_records=True)
_GUARDIAN_BIRTH = date(1985, 6, 6)
_LONG_AGO = date(2005, 4, 1)
#: The municipality the movers of the worked examples come from (千代田区; never the test town).
ELSEWHERE = "131016"
#: A deadline answered on one of the days the law allows (:func:`_deadline`).
ON_TIME = "期限内"


# -- what the harness wrote and what the law says of it ---------------------------------------------


def _loose(text: Any) -> Any:
    """A printed value compared loosely: NFKC, without spaces (full- or half-width)."""
    if not isinstance(text, str):
        return text
    return "".join(unicodedata.normalize("NFKC", text).split())


def _resident(s: Scenario, birth: date) -> bool:
    """The child has an address here on ``as_of``: from its birth or the 転入, to its own 転出's last day (a child
    written with a 転出 in ``child_columns``, 転出予定年月日 being the stay's last day here: the contract's loads)."""
    assert s.as_of is not None
    left = dict(s.child_columns).get("転出予定年月日")
    return max(birth, s.moved_in) <= s.as_of and (not left or s.as_of <= date.fromisoformat(left))


#: The 保護者's ``就学`` record (法第17条第1項ただし書): the day the household's child completed the 小学校の課程, or
#: :data:`NOT_COMPLETED`.
SCHOOLING, COMPLETED, NOT_COMPLETED = "就学", "小学校課程修了年月日", "未修了"


def _listed(s: Scenario) -> dict[str, str]:
    """The children on the 学齢簿 on ``as_of`` and their 区分: 学齢 and an address here (令第1条第1項)."""
    assert s.as_of is not None
    return {str(i): category for i, b in enumerate(s.children)
            if (category := law.category_on(b, s.as_of)) is not None and _resident(s, b)}


def _entrant_indices(s: Scenario) -> list[str]:
    return [str(i) for i, b in enumerate(s.children) if law.is_entrant(b, s.fiscal_year) and _resident(s, b)]


# -- actual ---------------------------------------------------------------------------------------


def _part(document: Mapping[str, Any]) -> Mapping[str, Any]:
    part = document.get(PART)
    return part if isinstance(part, Mapping) else {}


def _entries(value: Any, loaded: Loaded) -> dict[str, Mapping[str, Any]]:
    """A list of per-child entries keyed by the child's index in the scenario (-1: unknown to it)."""
    entries = [entry for entry in value or [] if isinstance(entry, Mapping)] if isinstance(value, list) else []
    return {str(loaded.children.index(atena) if (atena := entry.get("宛名番号")) in loaded.children else -1): entry
            for entry in entries}


def _register(document: Mapping[str, Any], loaded: Loaded) -> dict[str, Mapping[str, Any]]:
    return _entries(_part(document).get("学齢簿"), loaded)


def _entrant_part(document: Mapping[str, Any]) -> Mapping[str, Any]:
    part = _part(document).get("就学予定者")
    return part if isinstance(part, Mapping) else {}


def _listed_entrants(document: Mapping[str, Any], loaded: Loaded) -> dict[str, Mapping[str, Any]]:
    return _entries(_entrant_part(document).get("者"), loaded)


def _dated_or_prompt(value: Any) -> Any:
    """A notice with a 期限 (any date: which one is :func:`_actual_entry_notice`'s) or 「速やかに」."""
    if isinstance(value, str) and len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            return value
        return ON_TIME
    return value
#: A 学齢生徒 (13) and a 学齢児童 (9) on 2025-06-01 (令第1条第1項).
SCHOOL_AGE = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2025, 6, 1),
                      children=(date(2012, 5, 5), date(2016, 5, 5)))
#: A 学齢児童 (9) on 2025-06-01, and what the 学齢簿 records of the child and the 保護者 (規則第30条第1項).
PUPIL = replace(SCHOOL_AGE, children=(date(2016, 5, 5),))
