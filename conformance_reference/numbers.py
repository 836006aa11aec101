"""The reference vendor's own 宛名番号 and 世帯番号: a 9-digit serial and its check digit.

Written from the text, not shared with the harness (docs/architecture.md, "The judge and the vendor"):
住民記録システム標準仕様書 第1.0版 1.1.13 (j130) gives the check digit of the 宛名番号 as モジュラス11 ウェイト2～7,
the weights 2, 3, 4, 5, 6, 7 repeated from the serial's last digit, check = 11 - (the weighted sum mod 11),
and a remainder of 0 gives 0. A remainder of 1 (a check of 10) is not stated there: this vendor never
issues such a serial (our choice, as a vendor may make it).
"""

from __future__ import annotations

_WEIGHTS = (2, 3, 4, 5, 6, 7)


def weighted_remainder(serial: str) -> int:
    """The weighted sum of ``serial``'s digits (weights 2..7 from its last digit) modulo 11."""
    total = 0
    for position, digit in enumerate(serial[::-1]):
        total += int(digit) * _WEIGHTS[position % len(_WEIGHTS)]
    return total % 11


def check_digit(serial: str) -> int | None:
    """The check digit of ``serial``; None where the remainder is 1 (no digit: the serial is never issued)."""
    remainder = weighted_remainder(serial)
    if remainder == 1:
        return None
    return (11 - remainder) % 11
