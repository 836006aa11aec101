"""The reference's intake of 住民記録's 異動 (ours: docs/profiles.md ``targets.load.feed_path``).

A domain system that is not the 住民記録 system learns of a 転入, 転出, 転入通知 or 死亡 from it (庁内連携). The harness
plays 住民記録 and sends, after each 異動, the person's record as it now stands in the 基本データリスト's layout (a
migration CSV of one or more rows, UTF-8: the same items the 異動差分 of the linkage API publishes); the domain system
takes it as the person's next history row and answers from it. The reference is one package, so its domain units
read the same store its 住民記録 writes: a row fed here is appended to the person's history (a 宛名番号 not held yet is
a new person).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from conformance_reference.jumin.storage import Store

#: The named defect of this unit (feed.defects.yaml): a domain system that takes the persons it did not know and
#: drops every later record of a person it holds (it never learns of a 転出, a 転入通知 or a 死亡).
IGNORES_CHANGES = "feed_ignores_changes"


def take(store: Store, rows: Iterable[Mapping[str, str]], defects: frozenset[str]) -> list[dict[str, str]]:
    """Append each fed row as its person's next history row; returns what was stored (宛名番号, 履歴番号)."""
    stored: list[dict[str, str]] = []
    for row in rows:
        known = store.latest(row["宛名番号"]) is not None
        if known and IGNORES_CHANGES in defects:
            continue
        kept = store.append(row)
        stored.append({"宛名番号": kept["宛名番号"], "履歴番号": kept["履歴番号"]})
    return stored
