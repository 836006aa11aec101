"""Items a 異動 of chapters 3 and 4 of 住民記録 1.0 writes or shows, in the reference's driver.

- 未届転入 (4.1.1.4 R001, R002; 4.2.1.1 R002, R003): a 転入 (or a 住所設定 entered ex officio) with the driver's
  ``未届転入: true`` records the latest unreported address entered as 転入前住所 with 「（未届）」 at its end, keeps the
  最終登録住所地 entered as a data item (not a 記載事項 of the 住民票), and has the 留意事項 「未届転入」 with the
  転入前住所（未届） tied to 転入前住所 (the 統合記載欄, reference/remarks.py).
- 国籍喪失 (4.5.5 R002): the 外国人住民となった年月日 of the new 住民票 is the later of the 国籍を失った年月日 (the
  異動日) and the 住民となった年月日 of the 日本人住民票.
- 世帯主の氏名の修正 (4.2.3.1 R002): a 職権修正 of the 世帯主's 氏名 with ``世帯員の世帯主氏名: true`` corrects the
  世帯主氏名 and its フリガナ of every other member of the 世帯 too, ex officio.
- 戸籍の表示の引用 (4.2.0.3 R002): a 出生 with ``戸籍の表示の引用`` (a member's 宛名番号) takes that member's
  本籍・筆頭者.
- 消除された世帯構成員 (3.3 R001): the 世帯照会 with ``消除者: 含む`` lists the members removed by 転出 or 死亡.

Named defects (defects.py): ``mitodoke_mark_dropped`` (the 転入前住所 without 「（未届）」 and no 留意事項),
``saishu_toroku_dropped`` (the 最終登録住所地 not kept), ``soshitsu_day_as_loss_day`` (外国人住民となった年月日
always the 国籍喪失日), ``head_name_members_stale`` (the members' 世帯主氏名 left as it was),
``honseki_quote_ignored`` (the 出生 takes no 本籍・筆頭者 from the member quoted), ``household_removed_hidden``
(the 世帯照会 never lists a removed member), ``history_kyushi_current`` (the 異動履歴照会 shows the current 旧氏 on
every row).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MITODOKE, MARK = "未届転入", "（未届）"
PREVIOUS, LAST_REGISTERED = "転入前住所", "最終登録住所地"
HEAD_NAME_FLAG, HEAD_NAME, HEAD_KANA = "世帯員の世帯主氏名", "世帯主氏名", "世帯主氏名_フリガナ"
QUOTE, HONSEKI = "戸籍の表示の引用", "戸籍の表示（本籍・筆頭者）"
#: The items of the 戸籍の表示 a 出生 may quote from a member (the driver's name and its parts, as a record holds them).
HONSEKI_ITEMS = (HONSEKI, "本籍", "筆頭者")


def unreported(body: Mapping[str, Any]) -> bool:
    """Whether the 転入 is a 未届転入 (the driver's ``未届転入: true``)."""
    return body.get(MITODOKE) is True


def marked(address: str) -> str:
    """The 転入前住所 of a 未届転入: the address with 「（未届）」 at its end (once)."""
    return address if address.endswith(MARK) else address + MARK


def unreported_person(person: dict[str, str], defects: frozenset[str]) -> dict[str, str]:
    """A person of a 未届転入 as recorded: 転入前住所 marked, 最終登録住所地 kept (4.1.1.4 R001, R002)."""
    row = dict(person)
    if row.get(PREVIOUS) and "mitodoke_mark_dropped" not in defects:
        row[PREVIOUS] = marked(row[PREVIOUS])
    if "saishu_toroku_dropped" in defects:
        row.pop(LAST_REGISTERED, None)
    return row


def unreported_remark(row: Mapping[str, str]) -> str:
    """The 留意事項 of a 未届転入: that it is one, and the 転入前住所（未届） (1.1.14)."""
    return f"{MITODOKE}　{PREVIOUS}（未届）　{row.get(PREVIOUS, '')}"


def foreign_since(lost: str, became: str, defects: frozenset[str]) -> str:
    """4.5.5 R002: the later of the 国籍を失った年月日 and the 住民となった年月日 (ISO texts compare as days)."""
    if "soshitsu_day_as_loss_day" in defects or not became:
        return lost
    return max(lost, became)


def head_name_corrected(body: Mapping[str, Any], row: Mapping[str, str], items: Mapping[str, str]) -> bool:
    """Whether a 職権修正 of the 世帯主 (``row``) corrects his 氏名 and asks the members' 世帯主氏名 with it."""
    return body.get(HEAD_NAME_FLAG) is True and row.get("続柄") == "世帯主" and "氏名" in items


def member_items(items: Mapping[str, str]) -> dict[str, str]:
    """What a member's row takes from the 世帯主's corrected 氏名 and フリガナ (4.2.3.1 R002)."""
    corrected = {HEAD_NAME: items["氏名"]}
    if "氏名_フリガナ" in items:
        corrected[HEAD_KANA] = items["氏名_フリガナ"]
    return corrected


def quoted_honseki(member: Mapping[str, str] | None, defects: frozenset[str]) -> dict[str, str]:
    """The 戸籍の表示 (本籍・筆頭者) of the member a 出生 quotes (4.2.0.3 R002); nothing under the defect."""
    if member is None or "honseki_quote_ignored" in defects:
        return {}
    return {name: member[name] for name in HONSEKI_ITEMS if member.get(name)}


def removed_members(rows: list[dict[str, str]], defects: frozenset[str]) -> list[dict[str, str]]:
    """3.3 R001: the members of the 世帯 whose 住民票 was removed (転出, 死亡, 職権消除)."""
    if "household_removed_hidden" in defects:
        return []
    return [row for row in rows if row.get("住民状態") not in ("1", "")]


def history_shown(rows: list[dict[str, str]], defects: frozenset[str]) -> list[dict[str, str]]:
    """The 異動履歴 as 2.2.1's 照会 shows it; ``history_kyushi_current`` shows the current 旧氏 on every row (a
    history screen joining the 旧氏 from the person's current record)."""
    if "history_kyushi_current" not in defects or not rows:
        return rows
    current = {name: rows[-1].get(name, "") for name in ("旧氏", "旧氏_フリガナ")}
    return [{**row, **current} for row in rows]
