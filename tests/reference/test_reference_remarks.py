"""The reference's 統合記載欄 (1.1.14, conformance_reference/jumin/remarks.py) over an in-memory store."""

from __future__ import annotations

import pytest

from conformance_reference.jumin.remarks import IntegratedColumn
from conformance_reference.jumin.storage import Store


def _store() -> Store:
    store = Store()
    store.append({"宛名番号": "1", "世帯番号": "9", "住民状態": "1"})  # test data: no 異動
    store.append({"宛名番号": "1", "世帯番号": "9", "住民状態": "1", "異動事由区分": "転居", "異動日": "2024-06-01"})
    return store


def test_a_residents_column_lists_its_moves_and_entries_and_no_removal_items() -> None:
    column = IntegratedColumn(_store())
    assert column.enter({"宛名番号": "1", "類型": "留意事項", "異動項目": "住所", "記載内容": "届出書による"})[0] == 200
    assert column.enter({"宛名番号": "1", "類型": "備考", "記載内容": "申出あり"})[0] == 200
    status, answer = column.read("1")
    assert status == 200
    kisai = answer["統合記載欄"]
    assert [entry["異動事由"] for entry in kisai["異動履歴"]] == ["転居"]  # the row of test data is no 異動
    assert kisai["留意事項"] == [{"記載内容": "届出書による", "異動項目": "住所", "履歴番号": "2", "異動事由": "転居",
                              "異動日": "2024-06-01"}]
    assert kisai["備考"] == [{"記載内容": "申出あり"}]
    assert kisai["除票"] == []


def test_an_unknown_person_is_404_and_an_unknown_kind_is_refused() -> None:
    column = IntegratedColumn(_store())
    assert column.read("2")[0] == 404
    assert column.enter({"宛名番号": "2", "類型": "備考", "記載内容": "x"})[0] == 404
    with pytest.raises(ValueError, match="類型"):
        column.enter({"宛名番号": "1", "類型": "メモ", "記載内容": "x"})
