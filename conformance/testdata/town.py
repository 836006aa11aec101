"""The generated test town: about 3000 residents of 静岡県見本町 as migration rows.

TEST DATA ONLY. 見本町 ("sample town") is a fictional town; its 町字, postal codes and addresses are
invented. Names are combinations of common name parts from the small lists below, and every
identifier (宛名番号, 世帯番号, 個人番号, 住民票コード, 在留カード等番号) is a random or serial
number with a valid check digit where one exists: none belongs to a real person.

The town is deterministic (``random.Random(seed)``) and covers what the checks need: Japanese and
foreign residents of every 第30条45規定区分, 通称, DV-protected persons, moved-out and deceased
persons, 不詳 and non-calendar birth dates (住民記録 1.0 j80), the era boundary days, and households
whose 続柄 follow 1.1.11. The register is a snapshot taken on :data:`AS_OF`; the history of every
person starts at the migration (履歴番号 1).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FileInterface
from conformance.errors import SpecError
from conformance.locations import default_catalog_root
from conformance.testdata.households import (
    RANDOM_KINDS,
    SPECIAL_KINDS,
    TAIL_KINDS,
    Household,
    Member,
    Town,
    calendar_date,
)
from conformance.testdata.vocabulary import (
    APARTMENTS,
    AS_OF,
    CATEGORY_ITEMS,
    FULL_SPACE,
    OTHER_MUNICIPALITIES,
    TOWN_AREAS,
    TOWN_CITY,
    TOWN_CODE,
    TOWN_PREFECTURE,
    NamePart,
    apartment_names,
    foreign_name_parts,
    japanese_name_parts,
    residence_statuses,
)

# The vocabulary is importable from here too (conformance.strategies and the tests read it so).
__all__ = [
    "AS_OF", "CATEGORY_ITEMS", "DEFAULT_HOUSEHOLDS", "DEFAULT_SEED", "FULL_SPACE", "LAYOUT_ID",
    "OTHER_MUNICIPALITIES", "TOWN_AREAS", "TOWN_CITY", "TOWN_CODE", "TOWN_PREFECTURE", "NamePart",
    "apartment_names", "default_town", "foreign_name_parts", "generate_town", "is_calendar_date",
    "japanese_name_parts", "jumin_edition", "residence_statuses", "residents_layout", "town_headers",
    "town_summary",
]

DEFAULT_SEED = 20200901
DEFAULT_HOUSEHOLDS = 1100
LAYOUT_ID = "residents_csv"


# -- catalog --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def jumin_edition() -> EditionCatalog:
    """The bundled 住民記録 1.0 catalog, loaded once per process (it takes a few hundred ms)."""
    return load_edition(default_catalog_root() / "jumin" / "1.0")


def residents_layout(edition: EditionCatalog | None = None) -> FileInterface:
    """The ``residents_csv`` file layout of the catalog (the migration and export format)."""
    catalog = edition if edition is not None else jumin_edition()
    for interface in catalog.interfaces:
        if isinstance(interface, FileInterface) and interface.id == LAYOUT_ID:
            return interface
    raise SpecError([f"{catalog.path}: the catalog has no file layout {LAYOUT_ID!r}"])


def town_headers() -> tuple[str, ...]:
    """The column headers of ``residents_csv`` in the catalog's order: the keys of every town row."""
    return tuple(column.header for column in residents_layout().columns)


# -- rows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Address:
    town: str
    number: str
    katagaki: str
    postal: str


def _address(t: Town) -> _Address:
    town, postal = t.rng.choice(TOWN_AREAS)
    if town.endswith("丁目"):
        number = f"{t.rng.randint(1, 30)}番{t.rng.randint(1, 25)}号"
    else:
        number = f"{t.rng.randint(1, 2500)}番地"
    katagaki = ""
    if t.rng.random() < 0.2:
        katagaki = f"{t.rng.choice(APARTMENTS)}{t.rng.randint(1, 5)}{t.rng.randint(1, 12):02d}号室"
    return _Address(town, number, katagaki, postal)


@dataclass(frozen=True)
class _Events:
    became: date
    address_date: date
    notified: date
    reason: str
    changed: date


def _events(t: Town, member: Member, moved: date | None) -> _Events:
    """The dates and the latest 異動事由 of a person (the event the migrated row records)."""
    became = calendar_date(member.birth) if member.born_here else member.arrival
    assert became is not None  # born_here implies a calendar birth date
    # A 転居 counts for those who lived here by then and had not left yet.
    lived_there = moved is not None and moved > became and (member.end is None or moved < member.end)
    address_date = moved if lived_there and moved is not None else became
    reason, changed = ("A2" if member.born_here else "A1"), became
    if member.reason:
        reason, changed = member.reason, member.changed or became
    if address_date > changed:
        reason, changed = "B1", address_date
    if member.end is not None:
        reason, changed = ("C1" if member.status == "2" else "C2"), member.end
    notified = min(changed + timedelta(days=t.rng.randint(0, 13)), AS_OF)
    if reason == "C1":  # a 転出届 is made before leaving
        notified = max(address_date, changed - timedelta(days=t.rng.randint(0, 13)))
    return _Events(became, address_date, notified, reason, changed)


def _row(t: Town, headers: tuple[str, ...], member: Member, household: Household, numbers: tuple[str, str],
         head_name: str, address: _Address) -> dict[str, str]:
    row = dict.fromkeys(headers, "")
    events = _events(t, member, household.moved)
    row.update({
        "宛名番号": numbers[0], "世帯番号": numbers[1], "履歴番号": "1",
        "住民票コード": t.juminhyo_code(),
        "個人番号": "" if member.foreign.get("第30条45規定区分") == "5" else t.my_number(),
        "住民種別": "2" if member.foreign else "1", "住民状態": member.status,
        "氏名": member.name, "氏名_フリガナ": member.kana, "氏名_アルファベット": member.alphabet,
        "通称": member.tsusho, "通称_フリガナ": member.tsusho_kana,
        "生年月日": member.birth, "生年月日_不詳フラグ": "1" if member.unknown_text else "0",
        "生年月日_不詳表記": member.unknown_text, "性別": member.sex, "続柄": member.relation,
        "世帯主氏名": head_name, "住所_都道府県": TOWN_PREFECTURE, "住所_市区町村": TOWN_CITY,
        "住所_町字": address.town, "住所_番地号表記": address.number, "住所_方書": address.katagaki,
        "住所_郵便番号": address.postal, "住民となった年月日": events.became.isoformat(),
        "住所を定めた年月日": events.address_date.isoformat(), "届出年月日": events.notified.isoformat(),
        "異動事由": events.reason, "異動日": events.changed.isoformat(),
        "他業務参照不可フラグ": "1" if member.no_other else "0",
        "支援措置対象フラグ": "1" if member.protected else "0",
    })
    row.update(member.foreign)
    row.update(_move_items(member, events, numbers[0]))
    return {header: row[header] for header in headers}


def _move_items(member: Member, events: _Events, atena: str) -> dict[str, str]:
    """The municipality codes and move dates other domains read (no draw from the random source,
    so the rest of the town stays what it was for a seed)."""
    other = OTHER_MUNICIPALITIES[int(atena) % len(OTHER_MUNICIPALITIES)]
    items = {"住所_市区町村コード": TOWN_CODE}
    if not member.born_here and not member.foreign:
        items["転入前住所_市区町村コード"] = other
    if member.status == "2":
        items.update({"転出予定年月日": events.changed.isoformat(), "転出先住所（確定）_市区町村コード": other})
    if member.protected:
        items["支援措置_開始年月日"] = max(events.became, AS_OF - timedelta(days=200)).isoformat()
    return items


def _household_rows(t: Town, headers: tuple[str, ...], household: Household) -> list[dict[str, str]]:
    setai = t.setai.next()
    address = _address(t)
    head = household.members[0]
    head_name = head.name or head.alphabet
    if t.rng.random() < 0.005:
        head.no_other = True
    return [_row(t, headers, member, household, (t.atena.next(), setai), head_name, address)
            for member in household.members]


def _kinds(rng: random.Random, households: int) -> list[Callable[[Town], Household]]:
    if households < len(SPECIAL_KINDS):
        raise ValueError(f"a town needs at least {len(SPECIAL_KINDS)} households, got {households}")
    kinds, weights = zip(*RANDOM_KINDS, strict=True)
    chosen = list(SPECIAL_KINDS) + rng.choices(kinds, weights=weights, k=households - len(SPECIAL_KINDS))
    rng.shuffle(chosen)
    return chosen


def generate_town(*, seed: int = DEFAULT_SEED, households: int = DEFAULT_HOUSEHOLDS) -> tuple[dict[str, str], ...]:
    """The test town: one migration row per person (``town_headers()`` -> value, '' when empty).

    Deterministic: the same seed and size give the same rows. Households are numbered in the
    order they are built, so 宛名番号 ascend with the rows. ``households`` must be at least the
    number of special households (about 40) that carry the cases every town must have; the few of ``TAIL_KINDS``
    are built after them all (so adding one changes no earlier row) and come on top of ``households``.

    The rows are the caller's own (copies of a town built once per process: a process that runs many runs
    of one seed, as the tests' defect groups do, built it for each).
    """
    return tuple(dict(row) for row in _built_town(seed, households))


@lru_cache(maxsize=2)
def _built_town(seed: int, households: int) -> tuple[dict[str, str], ...]:
    rng = random.Random(seed)
    town = Town(rng)
    headers = town_headers()
    rows: list[dict[str, str]] = []
    for kind in (*_kinds(rng, households), *TAIL_KINDS):
        rows.extend(_household_rows(town, headers, kind(town)))
    return tuple(rows)


def default_town() -> tuple[dict[str, str], ...]:
    """:func:`generate_town` with the defaults, built once per process and shared: callers must not mutate it."""
    return _built_town(DEFAULT_SEED, DEFAULT_HOUSEHOLDS)


# -- summary --------------------------------------------------------------------------------------


def is_calendar_date(value: str) -> bool:
    """Whether an ISO ``YYYY-MM-DD`` value is a real calendar date (1983-02-29 is not)."""
    return calendar_date(value) is not None


def town_summary(rows: Iterable[Mapping[str, str]]) -> dict[str, int]:
    """Counts by category, for tests and the command line (``rows``, ``households``, ...)."""
    counts: dict[str, int] = {}
    households: set[str] = set()

    def add(key: str, condition: bool = True) -> None:
        counts[key] = counts.get(key, 0) + (1 if condition else 0)

    for row in rows:
        households.add(row["世帯番号"])
        add("rows")
        add("japanese", row["住民種別"] == "1")
        add("foreign", row["住民種別"] == "2")
        for category in CATEGORY_ITEMS:
            add(f"article_30_45_{category}", row["第30条45規定区分"] == category)
        add("tsusho", bool(row["通称"]))
        add("current", row["住民状態"] == "1")
        add("moved_out", row["住民状態"] == "2")
        add("deceased", row["住民状態"] == "3")
        add("dv_protected", row["支援措置対象フラグ"] == "1")
        add("no_other_business", row["他業務参照不可フラグ"] == "1")
        add("birth_unknown", row["生年月日_不詳フラグ"] == "1")
        add("non_calendar_birth", bool(row["生年月日"]) and not is_calendar_date(row["生年月日"]))
        add("apartment", bool(row["住所_方書"]))
    counts["households"] = len(households)
    return counts
