"""Masking of personal values in reports."""

from __future__ import annotations

import pytest

from conformance.masking import mask, shown


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("123456789012", "**********12"),  # a 個人番号: length and last two digits
        ("12345678", "******78"),
        ("1234567", "＊＊＊＊＊＊＊"),  # too short to show any digit
        ("山田　太郎", "＊＊＊＊＊"),
        ("ZHANG YULIN", "＊" * 11),
        ("AB12345678CD", "＊" * 12),  # not digits only
        ("１２３４５６７８９０１２", "＊" * 12),  # full-width digits are not [0-9]
        ("", ""),
        ("あ" * 25, "＊" * 20 + "…"),
        ("1" * 30, "*" * 18 + "…" + "11"),
    ],
)
def test_mask(value: str, masked: str) -> None:
    assert mask(value) == masked


def test_mask_never_shows_text() -> None:
    assert set(mask("見本　花子")) == {"＊"}


def test_shown_masks_personal_values() -> None:
    assert shown("山田　太郎", personal=True) == "＊＊＊＊＊"


def test_shown_keeps_other_values_up_to_80_characters() -> None:
    assert shown("A1", personal=False) == "A1"
    assert shown("x" * 80, personal=False) == "x" * 80
    long = shown("x" * 81, personal=False)
    assert (len(long), long[-1]) == (80, "…")
