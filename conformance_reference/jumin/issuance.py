"""The reference vendor's 交付履歴 of certificates (住民記録 1.0 1.3.8), read through the driver operation
``logs.issuances`` and marked 処分 through ``issuances.dispose`` (docs/driver.md; our interface, confirmed: false).

Every form the linkage API prints (``POST /forms/{form_id}``: 住民票の写し, 世帯連記式, 除票の写し, 記載事項証明書,
閲覧用の写し; 1.3.8 R001's list) leaves one entry with the items of R002-R010: 交付年月日時, 交付場所, 交付対象者
(the 宛名番号 on the certificate), 証明書の種別 (the form's name), 記載事項 (the items it printed), 枚数,
発行番号 (5.5, without its page part), 端末名, ユーザID and 処分情報 (null until a 処分 is recorded).
Entries are only appended; a 処分 is recorded on its entry. The 照会 of 2.2.2 R003 (照会に当たっては、1.3.8 に規定する
項目から行えること) takes conditions on those items beside the 宛名番号: :data:`FILTERS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.clock import JST

#: 2.2.2 R003: the items of 1.3.8 a 照会 may name (a 交付年月日 is the day of the 交付年月日時).
FILTERS = ("発行番号", "証明書の種別", "交付年月日", "交付場所", "端末名", "ユーザID")
#: Where the reference issues (a 窓口 of the 本庁) and who, on which terminal (forms.py prints the same terminal).
PLACE, TERMINAL, USER = "本庁 市民課窓口", "本庁1", "driver-operator"


@dataclass
class IssuanceHistory:
    """The entries in the order issued; ``defects``: the reference's named defects."""

    defects: frozenset[str] = frozenset()
    entries: list[dict[str, Any]] = field(default_factory=list)

    def record(self, printed: Mapping[str, Any]) -> None:
        """The entry of one issued certificate (reference/forms.py says what it printed)."""
        if "issuance_history_missing" in self.defects:
            return
        if "issuance_joshuhyo_unlogged" in self.defects and "除票" in str(printed.get("タイトル", "")):
            return  # A defect: the 交付履歴 is kept on the 住民's record, so a 除票's certificate leaves none.
        pages = int(printed["交付枚数"]) + (1 if "issuance_pages_wrong" in self.defects else 0)
        self.entries.append({
            "交付年月日時": dt.datetime.now(JST).isoformat(timespec="seconds"), "交付場所": PLACE,
            # issuance_household_one_person (written blind): the 世帯連記式 copy recorded as about its first member
            "交付対象者": list(printed["対象"])[:1] if "issuance_household_one_person" in self.defects
            else list(printed["対象"]), "証明書の種別": printed["タイトル"],
            "記載事項": list(printed["記載事項"]), "枚数": pages, "発行番号": printed["発行番号"],
            "端末名": "" if "issuance_no_terminal" in self.defects else TERMINAL, "ユーザID": USER, "処分情報": None,
        })

    def read(self, atena: str | None, conditions: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        """The entries, or those of the certificates that showed ``atena`` and meet every condition (2.2.2 R003:
        an item of :data:`FILTERS` and its value; 発行番号 as :meth:`dispose` reads it)."""
        wanted = {} if "issuance_inquiry_person_only" in self.defects else dict(conditions or {})
        return [dict(entry) for entry in self.entries if (not atena or atena in entry["交付対象者"])
                and all(_meets(entry, name, value, self.defects) for name, value in wanted.items())]

    def dispose(self, number: str, reason: str) -> bool:
        """Record the 処分 of the certificate ``number`` (its 発行番号, whole or without the page part, or its
        番号); False when no entry has it."""
        wanted = "".join(number.split())
        found = [entry for entry in self.entries if wanted and _matches(str(entry["発行番号"]), wanted, self.defects)]
        if "issuance_disposal_ignored" not in self.defects:
            for entry in found:
                entry["処分情報"] = f"処分済み（{reason or '誤発行'}）"
        return bool(found)


def _meets(entry: Mapping[str, Any], name: str, value: str, defects: frozenset[str]) -> bool:
    if name == "発行番号":
        return _matches(str(entry["発行番号"]), "".join(value.split()), defects)
    if name == "交付年月日":
        return str(entry["交付年月日時"])[:10] == value
    return str(entry.get(name, "")) == value


def _matches(recorded: str, wanted: str, defects: frozenset[str] = frozenset()) -> bool:
    """``wanted`` (spaces removed) names the 発行番号 ``recorded``: whole, with its page part (``1/1``), or its 番号.
    The defect ``issuance_number_page_loose`` takes any number followed by a page part (no prefix test)."""
    compact, parts = "".join(recorded.split()), recorded.split()
    paged = "/" in wanted[len(compact):]
    with_page = paged if "issuance_number_page_loose" in defects else wanted.startswith(compact) and paged
    return bool(compact) and (wanted in (compact, parts[-1]) or with_page)
