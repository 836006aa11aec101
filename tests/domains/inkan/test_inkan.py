"""The 印鑑登録 oracle (conformance/domains/inkan/oracle.py): 亘理町印鑑条例 第2条, 第3条 and 柏原市印鑑条例 第5条, with
the days and sizes the text leaves open answered None."""

from __future__ import annotations

from datetime import date

from conformance.domains.inkan import oracle as inkan


def test_recorded_in_the_basic_resident_register_on_the_day() -> None:
    moved_in, left = date(2015, 4, 1), date(2024, 5, 31)
    assert inkan.recorded_on(moved_in, None, date(2024, 6, 3)) is True
    assert inkan.recorded_on(moved_in, left, date(2024, 5, 1)) is True
    assert inkan.recorded_on(moved_in, left, date(2024, 6, 3)) is False
    assert inkan.recorded_on(moved_in, left, left) is None
    assert inkan.recorded_on(moved_in, left, date(2024, 6, 1)) is None
    assert inkan.recorded_on(moved_in, None, date(2015, 3, 30)) is False
    assert inkan.recorded_on(moved_in, None, moved_in) is None


def test_fifteen_is_reached_on_the_day_before_the_birthday() -> None:
    birth = date(2009, 6, 10)  # 15 reached on 2024-06-09
    assert inkan.old_enough(birth, date(2024, 6, 8)) is False
    assert inkan.old_enough(birth, date(2024, 6, 9)) is None and inkan.old_enough(birth, date(2024, 6, 10)) is None
    assert inkan.old_enough(birth, date(2024, 6, 11)) is True


def test_capacity_and_one_seal() -> None:
    assert inkan.capable(False) and not inkan.capable(True)
    assert inkan.first_seal(False) and not inkan.first_seal(True)


def test_the_seal_shows_the_name() -> None:
    name = "見本\u3000花子"
    assert inkan.name_parts(name) == ("見本", "花子")
    assert all(inkan.shows_name(text, (name,)) is True for text in ("見本", "花子", "見本花子", "見本 花子", "見 本"))
    assert inkan.shows_name("山田", (name,)) is False
    assert inkan.shows_name("見本山田", (name,)) is None


def test_the_seal_shows_any_of_the_person_s_names_in_any_width() -> None:
    """第3条第2項第1号: the 氏名, and a 外国人住民's alphabet 氏名 and 通称; widths and spaces are the same characters;
    a closing 「印」 or 「之印」 either way (the 条例 does not say)."""
    names = ("スミス\u3000ジョン", "SMITH JOHN", "川上\u3000一")
    assert all(inkan.shows_name(text, names) is True for text in ("川上", "一", "SMITH", "ＳＭＩＴＨ", "ｽﾐｽ", "川上一"))
    assert inkan.shows_name("見本", names) is False
    assert inkan.shows_name("川上之印", names) is inkan.EITHER
    assert inkan.shows_name("ＳＭＩＴＨ印", names) is inkan.EITHER
    assert inkan.shows_name("川上", ("スミス\u3000ジョン", "SMITH JOHN")) is False  # without the 通称


def test_the_reasons_cite_each_provision_that_bars_once() -> None:
    """登録できない理由: the cites, sorted; 第2条第2項第2号 excludes a person under 15 (第1号); an edge either way."""
    clear = {cite: True for cite in (inkan.RESIDENT, inkan.UNDER_15, inkan.INCAPABLE, inkan.NOT_NAME, inkan.SIZE)}
    assert inkan.reasons(clear) == () and inkan.reasons(clear) == None  # noqa: E711 (Either compares by ==)
    young = {**clear, inkan.UNDER_15: False, inkan.INCAPABLE: False}
    assert inkan.reasons(young) == (inkan.UNDER_15,)
    assert inkan.reasons(young) != (inkan.UNDER_15, inkan.INCAPABLE)
    adult = {**clear, inkan.INCAPABLE: False, inkan.NOT_NAME: False}
    assert inkan.reasons(adult) == (inkan.INCAPABLE, inkan.NOT_NAME)
    edge = inkan.reasons({**adult, inkan.SIZE: inkan.EITHER})
    assert edge == (inkan.INCAPABLE, inkan.NOT_NAME) and edge == (inkan.INCAPABLE, inkan.NOT_NAME, inkan.SIZE)
    assert inkan.reasons({**adult, inkan.RESIDENT: None}) is None


def test_the_vendor_s_reasons_are_read_by_their_cites() -> None:
    answer = ["第3条第2項第1号: 氏名でない", "第２条第２項第１号（15才未満）", "第3条第2項第1号", "理由なし"]
    assert inkan.cited(answer) == ("理由なし", "第2条第2項第1号", "第3条第2項第1号")
    assert inkan.cited(None) is None and inkan.cited([]) == ()


def test_occupation_material_and_size() -> None:
    assert inkan.no_occupation("見本") and not inkan.no_occupation("見本税理士")
    assert inkan.not_rubber("木") and not inkan.not_rubber("ゴム")
    assert inkan.size_allowed(7) is False and inkan.size_allowed(9) is True
    assert inkan.size_allowed(24) is True and inkan.size_allowed(26) is False
    assert inkan.size_allowed(8) is inkan.EITHER and inkan.size_allowed(25) is inkan.EITHER  # the readings


def test_a_blurred_impression_is_not_registered() -> None:
    assert inkan.clear(False) and not inkan.clear(True)


def test_what_no_provision_bars_is_registered() -> None:
    """柏原市印鑑条例 第5条 with 亘理町 第2条, 第3条: one bar refuses, an open provision leaves the answer open."""
    assert inkan.registered([True, True, True]) is True
    assert inkan.registered([True, False, None]) is False
    assert inkan.registered([True, None]) is None
    assert inkan.registered([]) is True
