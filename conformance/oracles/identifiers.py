"""Check digits of the identifiers of 住民基本台帳 (DOMAIN.md, "Identifiers (all checkable)").

Every function accepts ASCII digits 0-9 only: full-width digits (``１２３``) and other Unicode
digits are rejected, because a system that stores them has a different number.

- :func:`m11w2_7_check_digit`: 宛名番号 and 世帯番号 (住民記録 1.0 j130, 1.1.13).
- :func:`my_number_check_digit`: 個人番号 (総務省令第85号 第5条).
- :func:`lg_code_check_digit`: 全国地方公共団体コード.

The ``*_check_digit`` functions raise ``ValueError`` for input of the wrong shape; the
``is_valid_*`` functions answer ``False`` instead, so they can be used on any value received.
"""

from __future__ import annotations

_ASCII_DIGITS = frozenset("0123456789")


def _is_digits(text: str) -> bool:
    """Non-empty and only ASCII 0-9 (``str.isdigit`` would accept ``１`` and ``²``)."""
    return bool(text) and all(char in _ASCII_DIGITS for char in text)


def _require_digits(text: str, what: str, length: int | None = None) -> None:
    if not _is_digits(text):
        raise ValueError(f"{what} must be ASCII digits 0-9, got {text!r}")
    if length is not None and len(text) != length:
        raise ValueError(f"{what} must be {length} digits, got {len(text)}: {text!r}")


def m11w2_7_remainder(serial: str) -> int:
    """The remainder (sum mod 11) of the M11W2-7 weighting of ``serial``.

    Weights 2, 3, 4, 5, 6, 7, 2, 3 ... are applied from the rightmost digit of the serial.
    """
    _require_digits(serial, "serial")
    total = sum(int(digit) * (2 + index % 6) for index, digit in enumerate(reversed(serial)))
    return total % 11


def m11w2_7_check_digit(serial: str) -> int | None:
    """The modulus-11 check digit with weights 2..7 (M11W2-7) of a 宛名番号 or 世帯番号 serial.

    Rule (住民記録 1.0 j130, 1.1.13; DOMAIN.md): weights 2..7 repeat from the rightmost digit of the
    serial; check = 11 - (sum mod 11); a remainder of 0 gives 0. A remainder of 1 (check 10) is not
    stated by the spec: this returns ``None`` and leaves the decision to the caller (the test town
    skips such serials; the catalog may make it a parameter).
    """
    remainder = m11w2_7_remainder(serial)
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid_m11w2_7(number: str) -> bool:
    """Whether the last digit of ``number`` is the M11W2-7 check digit of the digits before it.

    Rule: see :func:`m11w2_7_check_digit` (住民記録 1.0 j130). A serial whose remainder is 1 has
    no check digit, so no number built on it is valid.
    """
    if len(number) < 2 or not _is_digits(number):
        return False
    return m11w2_7_check_digit(number[:-1]) == int(number[-1])


def _my_number_weight(position: int) -> int:
    """Qn of 総務省令第85号 第5条: n+1 for n <= 6, n-5 for 7 <= n <= 11."""
    return position + 1 if position <= 6 else position - 5


def my_number_check_digit(first11: str) -> int:
    """The check digit of a 個人番号 (マイナンバー) from its first 11 digits.

    Rule (総務省令第85号 第5条; DOMAIN.md): with Pn the n-th digit of the first 11 counted from the
    right and Qn = n+1 for 1 <= n <= 6, n-5 for 7 <= n <= 11, the remainder is sum(Pn * Qn) mod 11;
    a remainder of 0 or 1 gives 0, any other gives 11 - remainder.
    """
    _require_digits(first11, "the first 11 digits of a 個人番号", 11)
    total = sum(int(digit) * _my_number_weight(n) for n, digit in enumerate(reversed(first11), start=1))
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_my_number(number: str) -> bool:
    """Whether ``number`` is 12 ASCII digits whose last is the check digit (総務省令第85号 第5条)."""
    if len(number) != 12 or not _is_digits(number):
        return False
    return my_number_check_digit(number[:11]) == int(number[11])


def lg_code_check_digit(first5: str) -> int:
    """The check digit (6th digit) of a 全国地方公共団体コード from its first five digits.

    Rule (DOMAIN.md): weights 6, 5, 4, 3, 2 over the five digits; the check digit is the last
    digit of 11 - (sum mod 11). Examples: 13101 (千代田区) -> 131016, 01100 (札幌市) -> 011002.
    """
    _require_digits(first5, "the first 5 digits of a 全国地方公共団体コード", 5)
    total = sum(int(digit) * weight for digit, weight in zip(first5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    """Whether ``code`` is 6 ASCII digits whose last is the check digit (see :func:`lg_code_check_digit`)."""
    if len(code) != 6 or not _is_digits(code):
        return False
    return lg_code_check_digit(code[:5]) == int(code[5])
