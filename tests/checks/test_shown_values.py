"""Issue 17 item 3: a value a finding shows is raw only when it is a valid value of its item's type
and the item is not personal; anything else (merged text, a value too long, a personal value) is
masked and bounded."""

from __future__ import annotations

from pathlib import Path

from test_files import EDITION, HEADERS, LAYOUT, at, foreign, japanese, m11, my_number, run, target_for, to_text

from conformance.catalog.layouts import LayoutSpec, item_column
from conformance.checks.files.rules import conforms, is_typed, shown_for
from conformance.masking import mask

SPEC = LayoutSpec.of(EDITION, LAYOUT)
COLUMNS = {column.header: column for column in SPEC.columns(HEADERS)}


def test_a_valid_value_of_a_typed_item_is_shown_raw() -> None:
    assert shown_for(m11("000000001"), COLUMNS["宛名番号"]) == m11("000000001")  # digits, length, check digit
    assert shown_for("1", COLUMNS["性別"]) == "1"  # a code of its table
    assert shown_for("2000-01-01", COLUMNS["異動日"]) == "2000-01-01"  # a date
    assert shown_for("0", COLUMNS["支援措置対象フラグ"]) == "0"  # a flag


def test_a_value_of_the_wrong_type_is_masked() -> None:
    merged = f"{m11('000000001')},山田　太郎,{my_number('12345678901')}\n{m11('000000003')}"
    assert shown_for(merged, COLUMNS["宛名番号"]) == mask(merged) == "＊" * 20 + "…"
    assert shown_for("00000000190", COLUMNS["宛名番号"]) == "*********90"  # one digit too many
    assert shown_for("0000000018", COLUMNS["宛名番号"]) == "********18"  # a wrong check digit
    # Longer than any code of 性別, not a date's shape, not a number: could be anything, masked.
    assert shown_for("12", COLUMNS["性別"]) == "＊＊"
    assert shown_for("令和2年1月1日", COLUMNS["異動日"]) == "＊" * 8
    assert shown_for("1,2", COLUMNS["支援措置対象フラグ"]) == "＊＊＊"


def test_a_plain_wrong_value_of_an_item_that_is_not_personal_is_shown() -> None:
    """Issue 27, item 8: a wrong code (異動事由 99) or a date that is no date is nobody's data."""
    assert shown_for("9", COLUMNS["性別"]) == "9"  # no code of 性別, one character as its codes
    assert shown_for("99", COLUMNS["異動事由"]) == "99"
    assert shown_for("2000-13-01", COLUMNS["異動日"]) == "2000-13-01"
    assert shown_for("2", COLUMNS["支援措置対象フラグ"]) == "2"
    # A personal item's stays masked, however plain.
    assert shown_for("2001-13-30", COLUMNS["生年月日"]) == "＊" * 10


def test_personal_and_free_text_items_are_always_masked() -> None:
    assert shown_for(my_number("12345678901"), COLUMNS["個人番号"]) == "**********" + my_number("12345678901")[-2:]
    assert shown_for("ZHANG YULIN", COLUMNS["氏名_アルファベット"]) == "＊" * 11  # personal by name, not by flag
    assert not is_typed(COLUMNS["続柄"].item)  # free text: the harness knows no type to check a value against
    assert shown_for("子", COLUMNS["続柄"]) == "＊"
    assert not conforms(COLUMNS["続柄"], "子")


def test_an_api_property_is_shown_as_its_item() -> None:
    column = item_column(EDITION, "性別")
    assert column is not None and item_column(EDITION, "no such item") is None
    assert (shown_for("2", column), shown_for("男", column)) == ("2", "＊")


def test_merged_text_of_a_stray_quote_is_masked_in_the_finding(tmp_path: Path) -> None:
    first = japanese()
    second = japanese(宛名番号=m11("000000004"), 氏名="見本　花子", 個人番号=my_number("98765432109"))
    lines = to_text([first, second]).splitlines(keepends=True)
    # A stray quote opens 宛名番号 of line 2: the csv reader merges it with line 3 up to the next quote.
    text = lines[0] + '"' + lines[1] + '"' + lines[2]
    findings = run(target_for(tmp_path, text.encode("utf-8")), ["lengths", "char_classes", "check_digits"])
    on_atena = {f.code: f.actual for f in findings if f.location == at(2, "宛名番号")}
    assert on_atena == {"file.length": "＊" * 20 + "…", "file.char_class": "U+002C"}
    written = "".join(f"{f.message} {f.expected} {f.actual}" for f in findings)
    assert "見本" not in written and my_number("98765432109") not in written and "山田" not in written


def test_a_valid_value_in_an_invariant_finding_is_shown_raw(tmp_path: Path) -> None:
    rows = [japanese(), japanese()]  # the same 宛名番号 and 履歴番号 twice
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["keys"])
    duplicate = next(f for f in findings if f.code == "file.duplicate_key")
    assert duplicate.actual == f"{m11('000000001')}/1"  # a valid 宛名番号 and 履歴番号: shown as they are


def test_a_category_item_shows_a_valid_value_and_masks_another(tmp_path: Path) -> None:
    rows = [japanese(国籍等_国名コード="156"), japanese(国籍等_国名コード="CHN"),
            foreign("3", 在留カード等番号="AB12345678CD")]
    findings = run(target_for(tmp_path, to_text(rows).encode("utf-8")), ["category_items"])
    assert [(f.location, f.actual) for f in findings] == [
        (at(2, "国籍等_国名コード"), "156"),  # digits of the right length: shown
        (at(3, "国籍等_国名コード"), "＊＊＊"),  # not digits: masked
        (at(4, "在留カード等番号"), "＊" * 12),  # personal: masked
    ]
