"""The generated test town has every case the checks rely on, and every value fits the catalog."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from datetime import date

import pytest
from category_items import REQUIRED_BY_CATEGORY as CATEGORY_REQUIRED

from conformance.catalog.models import FileInterface
from conformance.oracles.identifiers import is_valid_m11w2_7, is_valid_my_number
from conformance.testdata.households import TAIL_KINDS
from conformance.testdata.town import (
    AS_OF,
    TOWN_AREAS,
    default_town,
    generate_town,
    is_calendar_date,
    jumin_edition,
    town_headers,
    town_summary,
)

Row = Mapping[str, str]
ROWS: tuple[dict[str, str], ...] = default_town()

CATEGORY_OPTIONAL: dict[str, set[str]] = {"1": {"在留期間等コード_月", "在留期間等コード_日"}}
CATEGORY_SPECIFIC = set().union(*CATEGORY_REQUIRED.values(), *CATEGORY_OPTIONAL.values())
FOREIGN_ONLY = {"氏名_アルファベット", "通称", "通称_フリガナ", "第30条45規定区分", "国籍等_国名コード",
                *CATEGORY_SPECIFIC}
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
KATAKANA_NAME = re.compile("[\u30a1-\u30f6\u30fc]+\u3000[\u30a1-\u30f6\u30fc]+")
KANJI_KANA = re.compile("[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]+")
ATOMS = ("夫（未届）", "妻（未届）", "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹")
_ATOM = "|".join(re.escape(atom) for atom in ATOMS)
RELATIONSHIP = re.compile(rf"世帯主|縁故者|同居人|(?:{_ATOM})(?:の(?:{_ATOM})){{0,3}}")


def foreign(rows: tuple[Row, ...] = ROWS) -> list[Row]:
    return [row for row in rows if row["住民種別"] == "2"]


def japanese(rows: tuple[Row, ...] = ROWS) -> list[Row]:
    return [row for row in rows if row["住民種別"] == "1"]


# -- shape -----------------------------------------------------------------------------------------


def test_headers_are_the_catalog_layout_columns() -> None:
    layout = next(i for i in jumin_edition().interfaces if isinstance(i, FileInterface) and i.id == "residents_csv")
    items = {item.id: item.name for item in jumin_edition().data_items}
    assert town_headers() == tuple(column.header for column in layout.columns)
    assert town_headers() == tuple(items[column.data_item] for column in layout.columns)


def test_every_row_has_exactly_the_headers_as_strings() -> None:
    headers = town_headers()
    for row in ROWS:
        assert tuple(row) == headers
        assert all(isinstance(value, str) for value in row.values())


def test_size_is_about_3000_residents_in_1100_households() -> None:
    summary = town_summary(ROWS)
    assert 2800 <= summary["rows"] <= 3300
    assert summary["households"] == 1100 + len(TAIL_KINDS)  # the fixed ones built last come on top


def test_the_same_seed_gives_the_same_town() -> None:
    assert generate_town(seed=7, households=120) == generate_town(seed=7, households=120)
    assert generate_town(seed=7, households=120) != generate_town(seed=8, households=120)
    assert default_town() == generate_town()


def test_each_call_gets_rows_of_its_own() -> None:
    """The town is built once per process and seed; a caller that changes its rows changes no other's."""
    first = generate_town(seed=7, households=120)
    first[0]["氏名"] = "変更"
    second = generate_town(seed=7, households=120)
    assert second[0]["氏名"] != "変更" and second[0] is not first[0]
    assert generate_town() is not default_town() and generate_town()[0] is not default_town()[0]


def test_a_town_needs_room_for_its_special_households() -> None:
    with pytest.raises(ValueError, match="at least"):
        generate_town(households=5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_other_seeds_still_have_every_case(seed: int) -> None:
    summary = town_summary(generate_town(seed=seed, households=150))
    for key in ("moved_out", "deceased", "birth_unknown", "non_calendar_birth", "tsusho", "no_other_business"):
        assert summary[key] >= 1, key
    for category in "123456":
        assert summary[f"article_30_45_{category}"] >= 1
    assert summary["dv_protected"] >= 10


# -- every value fits its data item ------------------------------------------------------------------


CHAR_CLASSES = {
    "digits": re.compile(r"[0-9]*"),
    "katakana": re.compile("[\u30a1-\u30f6\u30fc\u3000]*"),
    "alphabet": re.compile(r"[A-Z ]*"),
    "koseki_text": re.compile("[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u3000\u4e00-\u9fff]*"),
}


def test_every_value_fits_its_data_item() -> None:
    edition = jumin_edition()
    codes = {t.id: {c.code for c in t.codes} for t in edition.code_tables}
    for item in edition.data_items:
        for row in ROWS:
            value = row[item.name]
            where = f"{row['宛名番号']} {item.name}={value!r}"
            if item.required:
                assert value, where
            if item.required_when is not None and row[item.required_when.item] in item.required_when.values:
                assert value, where
            if not value:
                continue
            if item.length is not None:
                assert len(value) <= item.length, where
            if item.char_class in CHAR_CLASSES:
                assert CHAR_CLASSES[item.char_class].fullmatch(value), where
            if item.pattern:
                assert re.fullmatch(item.pattern, value), where
            if item.code_table:
                assert value in codes[item.code_table], where
            if item.type == "flag":
                assert value in ("0", "1"), where
            if item.type == "date":
                assert ISO_DATE.fullmatch(value), where
                assert item.calendar == "lenient" or is_calendar_date(value), where


def test_identifiers_are_valid_and_unique() -> None:
    atena = [row["宛名番号"] for row in ROWS]
    assert len(set(atena)) == len(atena)
    assert atena == sorted(atena)
    for row in ROWS:
        assert len(row["宛名番号"]) == 10 and is_valid_m11w2_7(row["宛名番号"])
        assert len(row["世帯番号"]) == 10 and is_valid_m11w2_7(row["世帯番号"])
        assert row["履歴番号"] == "1"  # history starts at migration
        assert re.fullmatch(r"[0-9]{11}", row["住民票コード"])
        assert row["個人番号"] == "" or is_valid_my_number(row["個人番号"])
    my_numbers = [row["個人番号"] for row in ROWS if row["個人番号"]]
    codes = [row["住民票コード"] for row in ROWS]
    assert len(set(my_numbers)) == len(my_numbers) and len(set(codes)) == len(codes)
    assert len(my_numbers) >= len(ROWS) - 10


def test_serials_whose_remainder_is_one_are_skipped() -> None:
    serials = sorted(int(row["宛名番号"][:9]) for row in ROWS)
    skipped = set(range(serials[0], serials[-1] + 1)) - set(serials)
    assert skipped  # about one serial in eleven has remainder 1
    assert all(not any(is_valid_m11w2_7(f"{serial:09d}{d}") for d in "0123456789") for serial in skipped)


def test_addresses_are_in_the_fictional_town() -> None:
    areas = {name: postal for name, postal in TOWN_AREAS}
    for row in ROWS:
        assert (row["住所_都道府県"], row["住所_市区町村"]) == ("静岡県", "見本町")
        assert areas[row["住所_町字"]] == row["住所_郵便番号"]
        assert re.fullmatch(r"[0-9]{1,2}番[0-9]{1,2}号|[0-9]{1,4}番地", row["住所_番地号表記"])
    assert len({row["住所_町字"] for row in ROWS}) == len(TOWN_AREAS) == 15
    assert any(row["住所_方書"] for row in ROWS)


def test_names_have_a_full_width_space_and_katakana_readings() -> None:
    for row in japanese():
        assert row["氏名"].count("\u3000") == 1, row["氏名"]
        assert KATAKANA_NAME.fullmatch(row["氏名_フリガナ"]), row["氏名_フリガナ"]
    for row in foreign():
        assert KATAKANA_NAME.fullmatch(row["氏名_フリガナ"]), row["氏名_フリガナ"]


def test_dates_are_in_order_and_not_after_the_snapshot() -> None:
    for row in ROWS:
        became, settled, changed = row["住民となった年月日"], row["住所を定めた年月日"], row["異動日"]
        assert became <= settled <= changed <= AS_OF.isoformat(), row["宛名番号"]
        assert row["届出年月日"] <= AS_OF.isoformat()
        if row["生年月日"]:
            assert row["生年月日"] <= became, row["宛名番号"]


def test_sex_flags_and_reasons() -> None:
    assert {row["性別"] for row in ROWS} == {"1", "2"}
    assert {row["他業務参照不可フラグ"] for row in ROWS} == {"0", "1"}
    assert {row["支援措置対象フラグ"] for row in ROWS} == {"0", "1"}
    assert {"A1", "A2", "B1", "C1", "C2"} <= {row["異動事由"] for row in ROWS}


# -- Japanese and foreign residents -------------------------------------------------------------------


def test_japanese_residents_have_a_kanji_name_and_no_foreign_items() -> None:
    rows = japanese()
    assert len(rows) > 2000
    for row in rows:
        assert row["氏名"], row["宛名番号"]
        assert all(row[item] == "" for item in FOREIGN_ONLY), row["宛名番号"]


def test_foreign_residents_have_nationality_and_alphabet_name() -> None:
    rows = foreign()
    assert len(rows) >= 50
    for row in rows:
        assert re.fullmatch(r"[0-9]{3}", row["国籍等_国名コード"])
        assert re.fullmatch(r"[A-Z]+( [A-Z]+)+", row["氏名_アルファベット"]), row["氏名_アルファベット"]
    assert {"156", "410", "704", "608", "076"} <= {row["国籍等_国名コード"] for row in rows}
    assert any(row["氏名"] for row in rows) and any(not row["氏名"] for row in rows)


@pytest.mark.parametrize("category", sorted(CATEGORY_REQUIRED))
def test_each_article_30_45_category_has_exactly_its_items(category: str) -> None:
    rows = [row for row in foreign() if row["第30条45規定区分"] == category]
    assert rows, f"no foreign resident of category {category}"
    allowed = CATEGORY_REQUIRED[category] | CATEGORY_OPTIONAL.get(category, set())
    for row in rows:
        present = {item for item in CATEGORY_SPECIFIC if row[item]}
        assert CATEGORY_REQUIRED[category] <= present, row["宛名番号"]
        assert present <= allowed, (row["宛名番号"], present - allowed)


def test_every_foreign_resident_has_a_category() -> None:
    assert {row["第30条45規定区分"] for row in foreign()} == set("123456")


def test_residence_card_numbers_have_the_card_shape() -> None:
    numbers = [row["在留カード等番号"] for row in foreign() if row["在留カード等番号"]]
    assert numbers and all(re.fullmatch(r"[A-Z]{2}[0-9]{8}[A-Z]{2}", number) for number in numbers)
    assert len(set(numbers)) == len(numbers)


def test_expiry_dates_are_after_the_snapshot() -> None:
    for row in foreign():
        for item in ("在留期間の満了の日", "上陸期間_満了日", "仮滞在期間_満了日"):
            assert row[item] == "" or row[item] > AS_OF.isoformat()


def test_tsusho_uses_only_kanji_and_kana() -> None:
    rows = [row for row in foreign() if row["通称"]]
    assert len(rows) >= 5
    for row in rows:
        surname, given = row["通称"].split("\u3000")
        assert KANJI_KANA.fullmatch(surname) and KANJI_KANA.fullmatch(given), row["通称"]
        assert KATAKANA_NAME.fullmatch(row["通称_フリガナ"]), row["通称_フリガナ"]
    assert all(not row["通称_フリガナ"] for row in ROWS if not row["通称"])


# -- protection, moves and deaths -----------------------------------------------------------------------


def test_dv_protected_persons_live_among_others() -> None:
    protected = [row for row in ROWS if row["支援措置対象フラグ"] == "1"]
    assert len(protected) >= 10
    assert all(row["住民状態"] in ("1", "2") for row in protected)  # moved-out ones stay protected (3.4 R009)
    towns = {row["住所_町字"] for row in protected}
    neighbours = [row for row in ROWS if row["住所_町字"] in towns and row["支援措置対象フラグ"] == "0"
                  and row["住民状態"] == "1"]
    assert len(neighbours) > 50
    assert any(row["他業務参照不可フラグ"] == "1" for row in protected)
    assert any(row["他業務参照不可フラグ"] == "0" for row in protected)


def test_mixed_households_and_protected_persons_who_moved_out() -> None:
    """Forms and DV across every output: a protected member under an unprotected 世帯主, and
    protected families who moved out together."""
    households: dict[str, list[Mapping[str, str]]] = {}
    for row in ROWS:
        households.setdefault(row["世帯番号"], []).append(row)
    mixed = [members for members in households.values()
             if members[0]["続柄"] == "世帯主" and members[0]["支援措置対象フラグ"] == "0"
             and any(row["支援措置対象フラグ"] == "1" and row["住民状態"] == "1" for row in members)]
    assert len(mixed) >= 3
    moved = [row for row in ROWS if row["支援措置対象フラグ"] == "1" and row["住民状態"] == "2"]
    assert len(moved) >= 2 and all(row["転出予定年月日"] and row["支援措置_開始年月日"] for row in moved)
    moved_households = {row["世帯番号"] for row in moved}
    assert not any(row["世帯番号"] in moved_households and row["住民状態"] == "1" for row in ROWS)  # left together
    assert {"1989-01-07", "1989-01-08"} <= {row["生年月日"] for row in ROWS if row["住民状態"] == "1"}


def test_moved_out_and_deceased_persons() -> None:
    moved = [row for row in ROWS if row["住民状態"] == "2"]
    dead = [row for row in ROWS if row["住民状態"] == "3"]
    assert len(moved) >= 3 and len(dead) >= 2
    assert {row["異動事由"] for row in moved} == {"C1"}
    assert {row["異動事由"] for row in dead} == {"C2"}
    assert all(row["異動事由"] not in ("C1", "C2") for row in ROWS if row["住民状態"] == "1")


# -- birth dates ---------------------------------------------------------------------------------------


def test_unknown_birth_dates() -> None:
    unknown = [row for row in ROWS if row["生年月日_不詳フラグ"] == "1"]
    assert len(unknown) >= 3
    assert all(row["生年月日"] == "" and row["生年月日_不詳表記"] for row in unknown)
    assert {"昭和30年頃", "年月日不詳"} <= {row["生年月日_不詳表記"] for row in unknown}
    for row in ROWS:
        if row["生年月日_不詳フラグ"] == "0":
            assert ISO_DATE.fullmatch(row["生年月日"]) and row["生年月日_不詳表記"] == ""


def test_non_calendar_and_era_boundary_birth_dates() -> None:
    births = {row["生年月日"] for row in ROWS}
    assert {"1983-02-29", "1912-07-30", "1926-12-25"} <= births
    non_calendar = [birth for birth in births if birth and not is_calendar_date(birth)]
    assert len(non_calendar) >= 3
    assert all(birth.endswith("-02-29") and int(birth[:4]) % 4 != 0 for birth in non_calendar)
    assert not is_calendar_date("1983-02-29") and is_calendar_date(date(1984, 2, 29).isoformat())


# -- households ----------------------------------------------------------------------------------------


def households() -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in ROWS:
        grouped[row["世帯番号"]].append(row)
    return grouped


def test_each_household_has_one_head_and_the_head_name_on_every_member() -> None:
    for members in households().values():
        heads = [row for row in members if row["続柄"] == "世帯主"]
        assert len(heads) == 1
        head_name = heads[0]["氏名"] or heads[0]["氏名_アルファベット"]
        assert all(row["世帯主氏名"] == head_name for row in members)
        assert len({(row["住所_町字"], row["住所_番地号表記"], row["住所_方書"]) for row in members}) == 1


def test_relationships_follow_the_allowed_grammar() -> None:
    relations = {row["続柄"] for row in ROWS}
    assert all(RELATIONSHIP.fullmatch(relation) for relation in relations), relations
    assert {"世帯主", "妻", "子", "子の妻", "子の子", "父", "母", "同居人", "縁故者"} <= relations
    assert "孫" not in relations


def test_families_have_several_members() -> None:
    sizes = [len(members) for members in households().values()]
    assert max(sizes) >= 5
    assert sum(1 for size in sizes if size >= 3) >= 300


def test_summary_counts_are_consistent() -> None:
    summary = town_summary(ROWS)
    assert summary["japanese"] + summary["foreign"] == summary["rows"]
    assert summary["current"] + summary["moved_out"] + summary["deceased"] == summary["rows"]
    assert sum(summary[f"article_30_45_{c}"] for c in "123456") == summary["foreign"]
    assert summary["dv_protected"] >= 10
