"""Check digits of 宛名番号/世帯番号 (M11W2-7), 個人番号 and 全国地方公共団体コード.

The worked examples are computed by hand from the rules in DOMAIN.md, step by step in the comments,
so a reader can check them without the code.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.oracles.identifiers import (
    is_valid_lg_code,
    is_valid_m11w2_7,
    is_valid_my_number,
    lg_code_check_digit,
    m11w2_7_check_digit,
    my_number_check_digit,
)

ascii_digits = st.text(alphabet="0123456789", min_size=1, max_size=20)


# -- M11W2-7 (住民記録 1.0 j130) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        # 100000001: weights from the right 2,3,4,5,6,7,2,3,4 -> 1*2 + 1*4 = 6; 6 mod 11 = 6; 11 - 6 = 5.
        ("100000001", 5),
        # 000000032: 2*2 + 3*3 = 13; 13 mod 11 = 2; 11 - 2 = 9.
        ("000000032", 9),
        # 000000031: 1*2 + 3*3 = 11; remainder 0 gives 0 (j130).
        ("000000031", 0),
        # 1234567: 7*2 + 6*3 + 5*4 + 4*5 + 3*6 + 2*7 + 1*2 = 106; 106 mod 11 = 7; 11 - 7 = 4.
        ("1234567", 4),
    ],
)
def test_m11w2_7_worked_examples(serial: str, expected: int) -> None:
    assert m11w2_7_check_digit(serial) == expected
    assert is_valid_m11w2_7(serial + str(expected))


def test_m11w2_7_remainder_one_has_no_check_digit() -> None:
    # 000000006: 6*2 = 12; 12 mod 11 = 1: check 10 is not a digit and the spec says nothing.
    assert m11w2_7_check_digit("000000006") is None
    assert not any(is_valid_m11w2_7("000000006" + digit) for digit in "0123456789")


@pytest.mark.parametrize("bad", ["", "12a", "１２３", "12 3", "١٢٣", "²"])
def test_m11w2_7_rejects_anything_but_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="ASCII digits"):
        m11w2_7_check_digit(bad)


@pytest.mark.parametrize("bad", ["", "5", "１０００００００１５", "100000001５", "10000000 15", "abcdefghij"])
def test_is_valid_m11w2_7_is_false_for_bad_shapes(bad: str) -> None:
    assert not is_valid_m11w2_7(bad)


@given(ascii_digits)
def test_m11w2_7_round_trip(serial: str) -> None:
    digit = m11w2_7_check_digit(serial)
    if digit is None:
        assert not any(is_valid_m11w2_7(serial + d) for d in "0123456789")
        return
    assert 0 <= digit <= 9
    assert is_valid_m11w2_7(serial + str(digit))
    assert not any(is_valid_m11w2_7(serial + d) for d in "0123456789" if d != str(digit))


@given(ascii_digits)
def test_m11w2_7_leading_zeros_change_nothing(serial: str) -> None:
    assert m11w2_7_check_digit("0" * 7 + serial) == m11w2_7_check_digit(serial)


# -- 個人番号 (総務省令第85号 第5条) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("first11", "expected"),
    [
        # 12345678901: Pn from the right 1,0,9,8,7,6,5,4,3,2,1 with Qn 2,3,4,5,6,7,2,3,4,5,6:
        # 2 + 0 + 36 + 40 + 42 + 42 + 10 + 12 + 12 + 10 + 6 = 212; 212 mod 11 = 3; 11 - 3 = 8.
        ("12345678901", 8),
        # 10000000000: only P11 = 1 with Q11 = 11 - 5 = 6: 6 mod 11 = 6; 11 - 6 = 5.
        ("10000000000", 5),
        # 00000100000: P6 = 1 with Q6 = 7: 7; 11 - 7 = 4.
        ("00000100000", 4),
        # 00001000000: P7 = 1 with Q7 = 7 - 5 = 2: 2; 11 - 2 = 9.
        ("00001000000", 9),
        # 00000000006: P1 = 6 with Q1 = 2: 12; 12 mod 11 = 1 -> remainder <= 1 gives 0.
        ("00000000006", 0),
        # all zeros: remainder 0 gives 0.
        ("00000000000", 0),
    ],
)
def test_my_number_worked_examples(first11: str, expected: int) -> None:
    assert my_number_check_digit(first11) == expected
    assert is_valid_my_number(first11 + str(expected))


@pytest.mark.parametrize("bad", ["1234567890", "123456789012", "１２３４５６７８９０１", "1234567890a"])
def test_my_number_check_digit_needs_11_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        my_number_check_digit(bad)


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890188", "１２３４５６７８９０１８", "12345678901８"])
def test_is_valid_my_number_is_false_for_bad_shapes(bad: str) -> None:
    assert not is_valid_my_number(bad)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_my_number_round_trip(first11: str) -> None:
    digit = my_number_check_digit(first11)
    assert is_valid_my_number(first11 + str(digit))
    assert not any(is_valid_my_number(first11 + d) for d in "0123456789" if d != str(digit))


# -- 全国地方公共団体コード ---------------------------------------------------------------------


def test_lg_code_chiyoda() -> None:
    # 13101: 1*6 + 3*5 + 1*4 + 0*3 + 1*2 = 27; 27 mod 11 = 5; 11 - 5 = 6 -> 131016 (千代田区).
    assert lg_code_check_digit("13101") == 6
    assert is_valid_lg_code("131016")


def test_lg_code_sapporo() -> None:
    # 01100: 0*6 + 1*5 + 1*4 + 0*3 + 0*2 = 9; 11 - 9 = 2 -> 011002 (札幌市).
    assert lg_code_check_digit("01100") == 2
    assert is_valid_lg_code("011002")


def test_lg_code_takes_the_last_digit_of_eleven_and_ten() -> None:
    # 00000: sum 0; 11 - 0 = 11 -> last digit 1.
    assert lg_code_check_digit("00000") == 1
    # 10001: 1*6 + 1*2 = 8; 11 - 8 = 3.
    assert lg_code_check_digit("10001") == 3
    # 10002: 1*6 + 2*2 = 10; 11 - 10 = 1.
    assert lg_code_check_digit("10002") == 1
    # 10003: 1*6 + 3*2 = 12; 12 mod 11 = 1; 11 - 1 = 10 -> last digit 0.
    assert lg_code_check_digit("10003") == 0


@pytest.mark.parametrize("bad", ["1310", "131011", "１３１０１", "1310a"])
def test_lg_code_needs_five_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        lg_code_check_digit(bad)
    assert not is_valid_lg_code(bad + "6")
