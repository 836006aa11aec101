"""Personal data: which names are personal, and scrubbing by name and by value."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from report_helpers import JUMIN
from scheduled import budget

from conformance import secrets
from conformance.catalog.loader import load_edition
from conformance.masking import (
    Scrubber,
    is_personal_name,
    personal_item_names,
    scrub_document,
    values_pattern,
)
from conformance.testdata.town import default_town


def test_catalog_flags_plus_personal_looking_names() -> None:
    names = personal_item_names(load_edition(JUMIN).data_items)
    # Flagged in the catalog.
    assert {"氏名", "通称", "住所_町字", "個人番号", "住民票コード", "生年月日"} <= names
    # Not flagged in jumin 1.0, personal all the same.
    assert {"氏名_アルファベット", "在留カード等番号"} <= names
    assert not names & {"宛名番号", "性別", "続柄", "住所_都道府県", "生年月日_不詳フラグ", "支援措置対象フラグ"}


def test_is_personal_name_honours_flags() -> None:
    assert is_personal_name("備考", flagged=["備考"])
    assert not is_personal_name("備考")
    # 10.2's 個人番号アクセス says whether the 個人番号 was accessed (true or false), never the number.
    assert is_personal_name("個人番号") and not is_personal_name("個人番号アクセス")


def test_values_are_masked_inside_text_longest_first() -> None:
    scrubber = Scrubber(values=["山田　太郎", "山田", "さくら台二丁目"])
    assert scrubber.text("宛先 山田　太郎 様") == "宛先 ＊＊＊＊＊ 様"
    assert scrubber.text("山田さん、さくら台二丁目") == "＊＊さん、＊＊＊＊＊＊＊"
    assert scrubber.text("関係ない文") == "関係ない文"


def test_a_text_scrubbed_before_is_scrubbed_again_with_values_names_and_secrets_learned_since() -> None:
    scrubber = Scrubber(values=["山田　太郎"])
    assert scrubber.text("宛先 鈴木 様 token-abcdef") == "宛先 鈴木 様 token-abcdef"
    assert not scrubber.is_personal("備考")
    scrubber.add_values(["鈴木"])
    scrubber.add_names(["備考"])
    assert scrubber.text("宛先 鈴木 様 token-abcdef") == "宛先 ＊＊ 様 token-abcdef"
    assert scrubber.is_personal("備考")
    secrets.register("token-abcdef")
    try:
        assert scrubber.text("宛先 鈴木 様 token-abcdef") == f"宛先 ＊＊ 様 {secrets.REDACTED}"
    finally:
        secrets.forget_all()
    assert scrubber.text("宛先 鈴木 様 token-abcdef") == "宛先 ＊＊ 様 token-abcdef"


def test_one_character_values_are_not_scrubbed_everywhere() -> None:
    assert Scrubber(values=["1", "A "]).text("A 1 B") == "A 1 B"


def test_json_masks_personal_properties_and_labelled_values() -> None:
    scrubber = Scrubber(["氏名", "住所"], values=["見本太郎"])
    document = {
        "氏名": "誰か", "性別": "1",
        "記載事項": [
            {"項目": "氏名", "値": "見本太郎"}, {"項目": "性別", "値": "男"}, {"項目": "住所", "値": "東京都1"},
        ],
        "note": "見本太郎 の記録", "count": 3, "list": [None, True],
    }
    masked = scrubber.json(document)
    assert masked["氏名"] == "＊＊"
    assert masked["記載事項"] == [{"項目": "氏名", "値": "＊＊＊＊"}, {"項目": "性別", "値": "男"},
                                 {"項目": "住所", "値": "＊＊＊＊"}]
    assert masked["note"] == "＊＊＊＊ の記録"
    assert (masked["性別"], masked["count"], masked["list"]) == ("1", 3, [None, True])


def test_csv_masks_personal_columns_and_cuts() -> None:
    scrubber = Scrubber(["氏名"])
    text = "宛名番号,氏名,性別\n" + "".join(f"10000000{i:02d},見本　花子,2\n" for i in range(50))
    masked, cut = scrubber.csv(text, limit=100)
    assert cut
    assert masked.startswith("宛名番号,氏名,性別\n1000000000,＊＊＊＊＊,2\n")
    assert "見本" not in masked


def test_from_rows_scrubs_every_name_and_address_of_the_town() -> None:
    rows = default_town()
    scrubber = Scrubber.from_rows(load_edition(JUMIN).data_items, rows)
    person = next(r for r in rows if r["通称"])
    message = f"{person['氏名']} ({person['通称']}) lives at {person['住所_町字']}{person['住所_番地号表記']}"
    cleaned = scrubber.text(message)
    for item in ("氏名", "通称", "住所_町字", "住所_番地号表記"):
        assert person[item] not in cleaned


def test_from_rows_scrubs_a_family_or_given_name_on_its_own() -> None:
    # A misaligned fixed-length record shows a piece of a name in another item's value.
    rows = default_town()
    scrubber = Scrubber.from_rows(load_edition(JUMIN).data_items, rows)
    person = next(r for r in rows if "\u3000" in r["氏名"] and len(r["氏名"].split("\u3000")[0]) >= 2)
    family, given = person["氏名"].split("\u3000", 1)
    kana = person["氏名_フリガナ"].split("\u3000")[0]
    cleaned = scrubber.text(f"異動日: '      {family}'; 転出年月日: ' {given}�'; {kana}")
    assert family not in cleaned and kana not in cleaned
    assert given not in cleaned or len(given) < 2
    assert scrubber.text("住所_都道府県 is required") == "住所_都道府県 is required"


def test_scrub_document_cleans_findings_reasons_problems_and_error() -> None:
    scrubber = Scrubber(values=["見本太郎"])
    doc = {
        "results": [{"requirement": "x", "reason": "見本太郎", "findings": [
            {"code": "c", "message": "見本太郎", "location": "/見本太郎", "expected": "見本太郎", "actual": None}]}],
        "problems": ["見本太郎"], "error": "見本太郎",
    }
    assert "見本太郎" not in json.dumps(scrub_document(doc, scrubber), ensure_ascii=False)


def test_the_values_pattern_finds_a_value_wherever_a_plain_search_does() -> None:
    rows = default_town()
    items = ("氏名", "通称", "住所_町字", "個人番号")
    values = {row[item] for row in rows[:500] for item in items if len(row[item]) >= 2}
    pattern = values_pattern(values)
    # Texts with and without values, cut anywhere: whole, halves, shifted slices of other rows.
    texts = [f"{row['氏名']}/{row['住所_町字']}{row['個人番号'][k:]}" for k, row in enumerate(rows[:1000:3])]
    texts += [text[: len(text) // 2] for text in texts] + [text[1:] for text in texts]
    for text in texts:
        assert bool(pattern.search(text)) == any(value in text for value in values), text
        assert all(match in values for match in pattern.findall(text))


_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.sampled_from(["山田　太郎", "さくら台", "氏名", "性別", "2", "見本"]), st.text(max_size=30))
_KEYS = st.sampled_from(["氏名", "住所_町字", "項目", "値", "性別", "residents", "note", "x"])
_DOCUMENTS = st.recursive(_LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=8),
                                                           st.dictionaries(_KEYS, inner, max_size=6)),
                          max_leaves=60)


@settings(max_examples=budget(300), deadline=None)
@given(document=_DOCUMENTS, budget=st.integers(min_value=0, max_value=400))
def test_the_scrubbed_prefix_begins_as_the_whole_scrubbed_document(document: object, budget: int) -> None:
    """What a recording keeps of a JSON body (its first ``budget`` characters) is the same whether the
    whole body is scrubbed or only its prefix (``Scrubber.json_prefix``); it says it cut exactly when the
    whole text is longer than what it kept."""
    scrubber = Scrubber(["氏名", "住所_町字"], values=["山田　太郎", "さくら台"])
    whole = json.dumps(scrubber.json(document), ensure_ascii=False)
    kept, cut = scrubber.json_prefix(document, budget)
    prefix = json.dumps(kept, ensure_ascii=False)
    assert prefix[:budget + 1] == whole[:budget + 1]
    if cut:
        assert len(prefix) > budget and len(whole) > budget
    else:
        assert prefix == whole


def test_a_long_page_is_scrubbed_only_as_far_as_it_is_kept() -> None:
    """A labelled line ({"項目": "氏名", "値": …}) is masked even when its label comes after its value,
    and a list of a thousand residents is cut after the first ones past the budget."""
    scrubber = Scrubber(["氏名"], values=["山田　太郎"])
    page = {"residents": [{"宛名番号": f"{n:010d}", "氏名": "山田　太郎"} for n in range(1000)],
            "lines": [{"値": "山田　太郎", "項目": "氏名"}]}
    kept, cut = scrubber.json_prefix(page, 200)
    assert cut and 3 <= len(kept["residents"]) < 10 and "lines" not in kept
    assert "山田" not in json.dumps(kept, ensure_ascii=False)
    (line,) = scrubber.json_prefix({"lines": page["lines"]}, 10)[0]["lines"]
    assert line == {"値": "＊＊＊＊＊"}  # the label that says it is a 氏名 is past the cut
