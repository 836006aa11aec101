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


def test_a_manual_procedure_is_not_masked_but_a_vendors_reason_is() -> None:
    from conformance.masking import Scrubber, scrub_result

    scrubber = Scrubber()
    scrubber.add_values(["レイ"])  # a given name of the test town, inside a word of a procedure
    procedure = "画面で確認する内容：「データ標準レイアウトに従い連携できること。」"
    manual = scrub_result({"status": "MANUAL", "reason": procedure, "findings": []}, scrubber)
    assert manual["reason"] == procedure
    error = scrub_result({"status": "ERROR", "reason": "vendor said: レイ is unknown", "findings": []}, scrubber)
    assert "レイ" not in error["reason"]


def test_a_short_katakana_name_inside_a_katakana_word_is_the_word_but_alone_it_is_masked() -> None:
    """A 軽自動車税 run showed 「第463条の15の＊＊ックが判定する」: the test town's 「チェ　スジン」 gave the part チェ,
    which was masked inside チェック in a NOT_AUTOMATED reason and every finding that says チェックデジット."""
    from conformance.masking import Scrubber

    scrubber = Scrubber()
    scrubber.add_values(["チェ", "レイ", "ナカムラ"])
    assert scrubber.text("第463条の15のチェックが判定する") == "第463条の15のチェックが判定する"
    assert scrubber.text("ｾﾝﾀｰ ﾁｪ ﾃﾞｰﾀ") == "ｾﾝﾀｰ ﾁｪ ﾃﾞｰﾀ"  # not a value: half-width is another spelling
    assert scrubber.text("氏名 チェ が違う") == "氏名 ＊＊ が違う"
    assert scrubber.text("チェ・スジン") == "＊＊・スジン"  # the middle dot separates a name's parts
    assert scrubber.text("チェさん、レイさん") == "＊＊さん、＊＊さん"
    assert scrubber.text("ナカムラタロウ") == "＊＊＊＊タロウ"  # longer names are masked inside any word
