"""Whether a 市区町村コード names a real municipality (全国地方公共団体コード, 令和6年1月1日現在).

A 6-digit code with a right check digit (:func:`conformance.oracles.is_valid_lg_code`) may still name
no municipality. This module answers from the 総務省 list shipped with the package
(``data/jichitai_codes_R6-01-01.json``; attribution in ``data/ATTRIBUTION.md``):
出典：総務省「全国地方公共団体コード」(令和6年1月1日現在), compiled by yhay81/jichitai-code (MIT).

Readings taken (ours):

- A 市区町村コード names a municipality: a city, a designated city, a ward of a designated city, a
  special ward of Tokyo, a town or a village. A prefecture's code (``130001`` 東京都) is a 団体コード
  but no 市区町村コード, so :func:`is_municipality_code` is False for it; :func:`local_government`
  finds it.
- The list is of one date. A code abolished before 2024-01-01 (a merged town) is not in it, and one
  created after it is not either; callers judging data of another date say so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from conformance.oracles.identifiers import is_valid_lg_code

DATA_FILE = Path(__file__).resolve().parent / "data" / "jichitai_codes_R6-01-01.json"
#: The date the shipped list is as of.
LIST_AS_OF = "2024-01-01"

LocalGovernmentKind = Literal[
    "prefecture", "designated_city", "designated_ward", "city", "special_ward", "town", "village"
]
#: The kinds a 市区町村コード may name (every kind but the prefecture).
MUNICIPALITY_KINDS: frozenset[str] = frozenset(
    {"designated_city", "designated_ward", "city", "special_ward", "town", "village"}
)


@dataclass(frozen=True)
class LocalGovernment:
    """One entry of the 全国地方公共団体コード list."""

    code: str
    name: str
    kana: str
    prefecture: str
    kind: LocalGovernmentKind
    parent_city: str | None
    northern_territories: bool

    @property
    def is_municipality(self) -> bool:
        """Whether the code is a 市区町村コード (not a prefecture's)."""
        return self.kind in MUNICIPALITY_KINDS


@cache
def _by_code() -> dict[str, LocalGovernment]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {
        item["c"]: LocalGovernment(
            code=item["c"], name=item["n"], kana=item["k"], prefecture=item["p"], kind=item["t"],
            parent_city=item["r"] or None, northern_territories=bool(item["u"]),
        )
        for item in data["items"]
    }


def local_government(code: str) -> LocalGovernment | None:
    """The prefecture or municipality whose 6-digit 団体コード is ``code``; None if the list has none."""
    return _by_code().get(code)


@cache
def local_government_codes() -> frozenset[str]:
    """Every 団体コード of the list, prefectures' included (what an export's 市区町村コード is checked against)."""
    return frozenset(_by_code())


def municipality(code: str) -> LocalGovernment | None:
    """The municipality whose 市区町村コード is ``code``: None for a prefecture's code or an unlisted one."""
    found = local_government(code)
    return found if found is not None and found.is_municipality else None


def is_municipality_code(code: str) -> bool:
    """Whether ``code`` is a 市区町村コード of a real municipality: 6 ASCII digits, the right check
    digit (:func:`conformance.oracles.is_valid_lg_code`), and in the 総務省 list of 令和6年1月1日."""
    return is_valid_lg_code(code) and municipality(code) is not None


def municipality_problem(code: str) -> str | None:
    """Why ``code`` is no real 市区町村コード (for a finding's message), or None when it is one."""
    if not is_valid_lg_code(code):
        return f"{code!r} is not a 全国地方公共団体コード: 6 ASCII digits whose last is the check digit"
    found = local_government(code)
    if found is None:
        return (f"{code!r} has a valid check digit but names no local government in the 全国地方公共団体コード"
                f" list as of {LIST_AS_OF}")
    if not found.is_municipality:
        return f"{code!r} is the code of the prefecture {found.name}, not of a municipality"
    return None


def municipalities() -> tuple[LocalGovernment, ...]:
    """Every municipality of the list (prefectures left out), in code order."""
    return tuple(entry for code, entry in sorted(_by_code().items()) if entry.is_municipality)
