"""戸籍法 第9条, 第10条第1項, 第16条, 第18条, 第25条, 第43条第1項, 第49条第1項, 第50条第1項, 第86条第1項 and
戸籍法施行規則第60条 (conformance/domains/koseki/oracle.py). The statute gives no worked example; the cases follow the
sentences, with the periods counted from the day of the event (that day included, 第43条第1項) and months by
the calendar (民法第143条, the edition's reading)."""

from __future__ import annotations

from datetime import date

from conformance.domains.koseki import oracle as law


def test_the_period_is_counted_from_the_day_of_the_event() -> None:
    assert law.period_start(date(2025, 1, 31)) == date(2025, 1, 31)


def test_a_birth_in_japan_is_filed_within_14_days_that_day_counted() -> None:
    assert law.birth_period_end(date(2025, 1, 1), abroad=False) == date(2025, 1, 14)
    assert law.birth_period_end(date(2025, 1, 31), abroad=False) == date(2025, 2, 13)
    # Across a leap day and the year end.
    assert law.birth_period_end(date(2024, 2, 20), abroad=False) == date(2024, 3, 4)
    assert law.birth_period_end(date(2024, 12, 25), abroad=False) == date(2025, 1, 7)


def test_a_birth_abroad_is_filed_within_three_months_by_the_calendar() -> None:
    assert law.birth_period_end(date(2025, 1, 15), abroad=True) == date(2025, 4, 14)
    assert law.birth_period_end(date(2025, 1, 1), abroad=True) == date(2025, 3, 31)
    # No 2月30日: the month's last day (民法第143条第2項), as for a birth on 12月1日.
    assert law.birth_period_end(date(2024, 11, 30), abroad=True) == date(2025, 2, 28)
    assert law.birth_period_end(date(2024, 12, 1), abroad=True) == date(2025, 2, 28)
    assert law.birth_period_end(date(2023, 11, 30), abroad=True) == date(2024, 2, 29)
    assert law.birth_period_end(date(2023, 11, 29), abroad=True) == date(2024, 2, 28)
    assert law.birth_period_end(date(2024, 2, 29), abroad=True) == date(2024, 5, 28)
    assert law.birth_period_end(date(2025, 1, 31), abroad=True) == date(2025, 4, 30)


def test_a_death_is_filed_within_7_days_of_knowing_3_months_abroad() -> None:
    assert law.death_period_end(date(2025, 3, 3), abroad=False) == date(2025, 3, 9)
    assert law.death_period_end(date(2024, 2, 26), abroad=False) == date(2024, 3, 3)
    assert law.death_period_end(date(2025, 3, 3), abroad=True) == date(2025, 6, 2)
    assert law.death_period_end(date(2025, 12, 31), abroad=True) == date(2026, 3, 30)


def test_a_marriage_makes_a_new_koseki_unless_the_taker_is_head() -> None:
    assert law.marriage_makes_new_koseki(taker_is_head=False) is True
    assert law.marriage_makes_new_koseki(taker_is_head=True) is False
    assert law.foreign_marriage_makes_new_koseki(japanese_is_head=False) is True
    assert law.foreign_marriage_makes_new_koseki(japanese_is_head=True) is False


def test_a_child_enters_the_koseki_of_the_parents_whose_surname_it_takes() -> None:
    assert law.child_koseki("父母", parents="A", father="B", mother="C") == "A"
    assert law.child_koseki("父", parents="A", father="B", mother="C") == "B"
    assert law.child_koseki("母", parents="A", father="B", mother="C") == "C"


def test_the_display_does_not_change_with_the_head() -> None:
    assert law.koseki_display("見本町1番地", "見本\u3000一郎") == ("見本町1番地", "見本\u3000一郎")


def test_who_may_request_the_koseki_copy() -> None:
    allowed = {relation for relation in law.REQUEST_CLASSES if law.may_request(relation)}
    assert allowed == {"在籍者", "除籍者", "配偶者", "直系尊属", "直系卑属"}


def test_the_filing_place() -> None:
    assert law.filing_place_ok("131016", honseki="131016", location="011002")
    assert law.filing_place_ok("011002", honseki="131016", location="011002")
    assert not law.filing_place_ok("221309", honseki="131016", location="011002")
    # 第25条第2項: a 外国人 at the 所在地 only.
    assert law.filing_place_ok("011002", honseki=None, location="011002", foreigner=True)
    assert not law.filing_place_ok("131016", honseki="131016", location="011002", foreigner=True)


def test_the_characters_of_a_name() -> None:
    assert law.name_characters_allowed("さくら") is True
    assert law.name_characters_allowed("サクラ") is True
    assert law.name_characters_allowed("Mary") is False
    assert law.name_characters_allowed("はな2") is False
    assert law.name_characters_allowed("はな★") is False
    assert law.name_characters_allowed("ｈａｎａ") is False
    assert law.name_characters_allowed("は\U0001b002な") is False  # a 変体仮名
    assert law.name_characters_allowed("") is False
    # Not judged: 漢字 (no 常用漢字表, no 別表第三), the 長音記号 and 踊り字.
    assert law.name_characters_allowed("花子") is None
    assert law.name_characters_allowed("ルー") is None
    assert law.name_characters_allowed("みすゞ") is None


def test_the_characters_of_a_furigana() -> None:
    # 第13条第3項: 氏名の振り仮名に用いることができる仮名及び記号の範囲 (the 省令's range is not held).
    assert law.furigana_characters_allowed("ハナ") is True
    assert law.furigana_characters_allowed("ハナ子") is False  # a 漢字: no 仮名, no 記号
    assert law.furigana_characters_allowed("HANA") is False
    assert law.furigana_characters_allowed("ｈａｎａ") is False  # full-width Latin letters
    assert law.furigana_characters_allowed("ハナ2") is False  # a digit (our reading: no 記号)
    assert law.furigana_characters_allowed("ハナ２") is False
    # Not judged: 平仮名 and marks (the 省令 decides which are in the range).
    assert law.furigana_characters_allowed("はな") is None
    assert law.furigana_characters_allowed("ルー") is None
    assert law.furigana_characters_allowed("ハナ・コ") is None
