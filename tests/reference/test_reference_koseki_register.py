"""The reference's register of 戸籍 (conformance_reference.koseki_fuhyo.fuhyo.KosekiRegister): which 戸籍 the
per-person query's 附票 is made from, now that the register keeps an index per 宛名番号 instead of scanning every
戸籍 (docs/performance.md, twentieth pass): the latest registered 戸籍 holding the person, a 戸籍 registered again
counting as registered last, and one registered again without the person no longer holding them."""

from __future__ import annotations

from typing import Any

from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister


def _person(atena: str | None, name: str) -> dict[str, Any]:
    member: dict[str, Any] = {"氏名": name, "氏名_フリガナ": "タロウ", "生年月日": "1980-01-01", "性別": "1"}
    return {**member, "宛名番号": atena} if atena else {**member, "住所_市区町村コード": "131016"}


def _koseki(honseki: str, head: str, *members: dict[str, Any]) -> dict[str, Any]:
    return {"本籍": honseki, "筆頭者氏名": head, "在籍者": list(members)}


def _shown_in(register: KosekiRegister, atena: str) -> str | None:
    fuhyo = register.fuhyo(atena, lambda _: None)
    return None if fuhyo is None else str(fuhyo["戸籍の表示"]["本籍"])


def test_the_fuhyo_is_of_the_latest_koseki_holding_the_person() -> None:
    register = KosekiRegister(frozenset())
    register.register(_koseki("東京都千代田区一番", "甲野太郎", _person("0000000019", "甲野太郎"),
                              _person("0000000027", "甲野花子")))
    register.register(_koseki("東京都千代田区二番", "乙野花子", _person("0000000027", "乙野花子")))
    assert _shown_in(register, "0000000019") == "東京都千代田区一番"
    assert _shown_in(register, "0000000027") == "東京都千代田区二番"
    # The first registered again: registered last, it is the person's 戸籍 again.
    register.register(_koseki("東京都千代田区一番", "甲野太郎", _person("0000000019", "甲野太郎"),
                              _person("0000000027", "甲野花子")))
    assert _shown_in(register, "0000000027") == "東京都千代田区一番"
    # ... and again without her: the other 戸籍 holds her still.
    register.register(_koseki("東京都千代田区一番", "甲野太郎", _person("0000000019", "甲野太郎")))
    assert _shown_in(register, "0000000027") == "東京都千代田区二番"
    assert _shown_in(register, "0000000035") is None


def test_a_koseki_is_named_by_its_honseki_and_head_as_text_only() -> None:
    register = KosekiRegister(frozenset())
    register.register(_koseki("東京都千代田区一番", "甲野太郎", _person("0000000019", "甲野太郎"),
                              _person(None, "甲野次郎")))
    assert register.town_members({"本籍": "東京都千代田区一番", "筆頭者氏名": "甲野太郎"}) == ["0000000019"]
    assert register.town_members({"本籍": ["東京都千代田区一番"], "筆頭者氏名": "甲野太郎"}) == []
    assert register.town_members({"本籍": "東京都千代田区一番"}) == []
