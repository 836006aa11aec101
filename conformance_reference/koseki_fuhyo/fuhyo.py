"""The reference vendor's 戸籍の附票 (住民基本台帳法 第16条, 第17条; 施行令 第19条, 第20条).

Not in the 住民記録 catalog: ``POST /api/v1/admin/koseki`` takes a 戸籍 whose 本籍 is in the town, as the
harness plays the 戸籍 side (the profile's ``targets.load.koseki_path``): 本籍, 筆頭者氏名, and each
在籍者 with the 戸籍's 氏名, 氏名_フリガナ, 生年月日, 性別, maybe a 除籍年月日, and either the 宛名番号 of the
town's 住民票 or, for a person living elsewhere, the 住所 the 住所地 notified (法 第19条第1項:
住所_市区町村コード, 住所を定めた年月日, maybe 住民票コード). The per-person query of the 筆頭者 or of a 在籍者
answers the whole 附票 (``戸籍の附票``); an entry 消除 (the 除票) keeps its items with its ``消除年月日`` and
``保存期限`` (the last day it is kept, 施行令 第34条第1項). The 住所 side of a person the town holds is read
from the 住民票: a 転出 with a 転入通知 moved the address there on the 転入日; a 転出 without one is a 国外転出届.

``POST /api/v1/forms/fuhyo_utsushi`` with ``{"本籍", "筆頭者氏名"}`` prints the 戸籍の附票の写し of that 戸籍, refused
(403) while a person of it is under 支援措置 in the 住民記録, as the 住民票の写し is (our reading of 3.4 R001 through
法 第20条第5項: docs/model.md, "One world across domains"; defect fuhyo_copy_dv_leak issues it)
(:func:`KosekiRegister.copy_lines`, laid out by :mod:`conformance_reference.statute_forms`): the 戸籍の表示 when
the 特別の請求 asks for it (``"表示する事項": ["戸籍の表示"]``; else left out, as 第20条第5項 allows), then
each person's 氏名, 氏名の振り仮名, 出生の年月日, 男女の別, 住所 (国外転出者: that fact) and 住所を定めた年月日
(国外転出者: 転出の予定年月日), a 消除 entry marked with its date. Dates in 和暦.

Written apart from :mod:`conformance.domains.koseki_fuhyo.oracle` on purpose. Named defects change one item each.
"""

from __future__ import annotations

import calendar
import threading
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from conformance import clock
from conformance_reference.http import bad_request
from conformance_reference.paper import wareki
from conformance_reference.rules import Row

_MEMBER_TEXTS = ("氏名", "氏名_フリガナ", "生年月日", "性別")
_SEX = {"1": "男", "2": "女"}


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise bad_request(f"{name}: a non-empty string is required")
    return value


def _member(value: object) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise bad_request("在籍者: each entry is an object")
    member: dict[str, str | None] = {name: _text(value.get(name), name) for name in _MEMBER_TEXTS}
    for name in ("宛名番号", "除籍年月日", "住所_市区町村コード", "住所を定めた年月日", "住民票コード"):
        item = value.get(name)
        member[name] = _text(item, name) if item is not None else None
    if member["宛名番号"] is None and member["住所_市区町村コード"] is None:
        raise bad_request("在籍者: a 宛名番号 or the 住所 the 住所地 notified is required")
    return {**member, "在外選挙人名簿等": _overseas(value.get("在外選挙人名簿等"))}


#: 法 第17条の2: the registrations a 選挙管理委員会 notifies (第2項) and the 附票 records (第1項).
_OVERSEAS = ("在外選挙人名簿への登録", "在外選挙人名簿への登録の移転", "在外投票人名簿への登録")


def _overseas(notice: object) -> dict[str, str] | None:
    """The 選挙管理委員会's notice of a 在籍者 (``{"旨", "市町村名"}``), or none."""
    if notice is None:
        return None
    if not isinstance(notice, Mapping) or notice.get("旨") not in _OVERSEAS:
        raise bad_request(f"在外選挙人名簿等.旨: one of {', '.join(_OVERSEAS)} is required")
    return {"旨": notice["旨"], "市町村名": _text(notice.get("市町村名"), "在外選挙人名簿等.市町村名"),
            "受理日": clock.today().isoformat()}


def _years_on(day: str | None, years: int) -> str | None:
    """The last day of ``years`` years from ``day`` (ISO): the day is not counted (民法 第140条), so the period
    runs from the next day to the day before that next day's date ``years`` on (第143条第2項; a 2月29日 with
    none: the end of 2月)."""
    if day is None:
        return None
    following = date.fromisoformat(day) + timedelta(days=1)
    if (following.month, following.day) == (2, 29) and not calendar.isleap(following.year + years):
        return date(following.year + years, 2, 28).isoformat()
    return (date(following.year + years, following.month, following.day) - timedelta(days=1)).isoformat()


def _person_key(honseki: str, member: Mapping[str, Any]) -> tuple[str, str]:
    return honseki, member["宛名番号"] or member["氏名"]


def _elapsed(day: str | None, years: int) -> str | None:
    """The day on which ``years`` years counted from ``day`` (that day the first) have passed: the day before the
    same date ``years`` on (a 2月29日 with none: 2月28日)."""
    if day is None:
        return None
    first = date.fromisoformat(day)
    try:
        following = date(first.year + years, first.month, first.day)
    except ValueError:
        following = date(first.year + years, 3, 1)
    return (following - timedelta(days=1)).isoformat()


#: The 異動 whose row sets the 住所 and its 住所を定めた年月日 (a 転入, a 転居).
_ADDRESS_SET = frozenset({"国内転入", "国外転入等", "転居"})


def _emigrated(row: Row) -> bool:
    """A 国外転出 whose 転出予定年月日 has passed: a 国外転出者 (法 第17条第3号) whether or not the 住民票 still
    stands as 住民 (the reference keeps a 転出's row 住民 until a 転入通知, which a 国外転出 never gets)."""
    planned = row.get("転出予定年月日")
    return row.get("異動事由区分") == "国外転出" and bool(planned) and str(planned) < clock.today().isoformat()


#: 法 第20条第3項's 号 a 申出 names (``申出.条項``).
_OFFERS = frozenset(f"第20条第3項第{number}号" for number in (1, 2, 3))


def _check_offer(offer: object) -> None:
    """A 申出 of 法 第20条第3項 (``{"条項", "申出者氏名", "理由"}``), or none (a 第1項 請求). Its 写し shows
    第17条第2号から第6号 only: the 戸籍の表示 only when asked for (第12条の3第7項 as 第20条第5項 reads it), the
    住民票コード never (the reference prints it on no 写し)."""
    if offer is None:
        return
    if not isinstance(offer, Mapping) or offer.get("条項") not in _OFFERS:
        raise bad_request(f"申出.条項: one of {', '.join(sorted(_OFFERS))} is required")
    _text(offer.get("申出者氏名"), "申出.申出者氏名")
    _text(offer.get("理由"), "申出.理由")


class KosekiRegister:
    """The 戸籍 registered with the town, and the 附票 made from them and the 住民票."""

    def __init__(self, defects: frozenset[str]) -> None:
        self.defects = defects
        self._lock = threading.Lock()
        #: By 本籍 and 筆頭者氏名, in the order registered (a 戸籍 registered again moves to the end).
        self._koseki: dict[tuple[str, str], dict[str, Any]] = {}
        #: Per 宛名番号, the 戸籍 that hold the person and when each was registered (the per-person query asks for
        #: the latest: a scan of every 戸籍 per query was 2 % of a whole run).
        self._holding: dict[str, dict[tuple[str, str], int]] = {}
        self._registered = 0
        #: 施行令 第34条第3項: the 附票本人確認情報 notified (法 第30条の41第1項) per person, in order.
        self._notices: dict[tuple[str, str], list[dict[str, str]]] = {}

    def register(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A 戸籍 (a new one, or the same 本籍 and 筆頭者 again: it replaces the earlier one)."""
        members = body.get("在籍者")
        if not isinstance(members, list) or not members or len(members) > 50:
            raise bad_request("在籍者: a list of 1 to 50 members is required")
        honseki = _text(body.get("本籍"), "本籍")
        koseki: dict[str, Any] = {"本籍": honseki, "筆頭者氏名": _text(body.get("筆頭者氏名"), "筆頭者氏名"),
                                  "在籍者": [_member(member) for member in members]}
        with self._lock:
            if "fuhyo_joiner_not_added" in self.defects:
                koseki["在籍者"] = self._known_members(koseki)
            self._replace(koseki)
            for member in koseki["在籍者"]:
                self._notify(honseki, member)
        return {"本籍": koseki["本籍"], "在籍者": len(koseki["在籍者"])}

    def _replace(self, koseki: dict[str, Any]) -> None:
        """Register ``koseki`` last, in place of the one of the same 本籍 and 筆頭者氏名, if any."""
        key = (koseki["本籍"], koseki["筆頭者氏名"])
        earlier = self._koseki.pop(key, None)
        for member in earlier["在籍者"] if earlier is not None else ():
            self._holding.get(member["宛名番号"], {}).pop(key, None)
        self._koseki[key] = koseki
        self._registered += 1
        for member in koseki["在籍者"]:
            if member["宛名番号"] is not None:  # a 在籍者 living elsewhere is asked about by no 宛名番号
                self._holding.setdefault(member["宛名番号"], {})[key] = self._registered

    def _named(self, key: tuple[Any, Any]) -> dict[str, Any] | None:
        """The 戸籍 of ``key`` (本籍, 筆頭者氏名 as the body gave them: anything but text names none)."""
        return self._koseki.get(key) if all(isinstance(part, str) for part in key) else None

    def _notify(self, honseki: str, member: Mapping[str, Any]) -> None:
        """法 第30条の41第1項 as the reference keeps it: a 記載 notice when the entry is made, a 消除 notice when
        it is 消除, each dated the day of the registration (this reference notifies at once)."""
        sent = self._notices.setdefault(_person_key(honseki, member), [])
        today = clock.today().isoformat()
        if not sent:
            sent.append({"区分": "記載", "通知日": today})
        if member["除籍年月日"] is not None and all(notice["区分"] != "消除" for notice in sent):
            sent.append({"区分": "消除", "通知日": today})

    def kept_identity(self, row: Row) -> list[dict[str, Any]]:
        """施行令 第34条第2項: the 本人確認情報 the town notified of the person of ``row`` (法 第30条の6第1項): a 記載
        notice, and a 消除 notice when the 住民票 is 消除, each dated the day asked (this reference notifies as it
        answers), with the last day it is kept: a 記載 notice until 150 years counted from the next notice, a 消除
        notice from its own day."""
        today = clock.today().isoformat()
        sent = [{"区分": "記載", "通知日": today}]
        if row.get("住民状態") == "2":
            sent.append({"区分": "消除", "通知日": today})
        years = 5 if "fuhyo_identity_kept_five_years" in self.defects else 150
        kept = []
        for index, notice in enumerate(sent):
            start = notice["通知日"] if notice["区分"] == "消除" else (
                sent[index + 1]["通知日"] if index + 1 < len(sent) else None)
            kept.append({**notice, "保存期限": _elapsed(start, years)})
        return kept

    def _kept_notices(self, honseki: str, member: Mapping[str, Any]) -> list[dict[str, Any]]:
        """施行令 第34条第3項: each notice with the last day it is kept: a 記載 or 記載の修正 notice until 150 years
        counted from the person's next notice (none yet: not fixed), a 消除 notice from its own day."""
        years = 5 if "fuhyo_notice_kept_five_years" in self.defects else 150
        sent = self._notices.get(_person_key(honseki, member), [])
        kept = []
        for index, notice in enumerate(sent):
            start = notice["通知日"] if notice["区分"] == "消除" else (
                sent[index + 1]["通知日"] if index + 1 < len(sent) else None)
            kept.append({**notice, "保存期限": _elapsed(start, years)})
        return kept

    def _known_members(self, koseki: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Defect fuhyo_joiner_not_added: the 在籍者 of the 戸籍 as first registered with the same 筆頭者 (those who
        entered it later get no entry)."""
        head = koseki["在籍者"][0]["宛名番号"]
        earlier = next((k for k in self._koseki.values() if k["本籍"] == koseki["本籍"]
                        and k["在籍者"][0]["宛名番号"] == head), None)
        if earlier is None:
            return list(koseki["在籍者"])
        known = {m["宛名番号"] for m in earlier["在籍者"]}
        return [m for m in koseki["在籍者"] if m["宛名番号"] in known]

    def fuhyo(self, atena: str, row_of: Callable[[str], Row | None]) -> dict[str, Any] | None:
        """The 附票 of the 戸籍 the person ``atena`` is in (None: no 戸籍 registered with the town)."""
        with self._lock:
            held = self._holding.get(atena)
            koseki = self._koseki[max(held, key=held.__getitem__)] if held else None
        if koseki is None:
            return None
        fuhyo = self._fuhyo_of(koseki, row_of)
        fuhyo["記載"] = [self._answered(entry) for entry in fuhyo["記載"]]
        return fuhyo

    def _answered(self, entry: dict[str, Any]) -> dict[str, Any]:
        """One entry as the per-person query answers it (the 除票's defects are the answer's, not the print's)."""
        if not entry["消除"]:
            return entry
        if "fuhyo_removed_entry_blanked" in self.defects:
            entry = {**entry, **dict.fromkeys(("氏名", "氏名の振り仮名", "出生の年月日", "男女の別"))}
        if "fuhyo_removal_undated" in self.defects:
            entry = {**entry, "消除年月日": None}
        if "fuhyo_kept_five_years" in self.defects:
            entry = {**entry, "保存期限": _years_on(entry["消除年月日"], 5)}
        if "fuhyo_kept_from_koseki_removal" in self.defects:
            entry = self._removed_when_made(entry)
        return entry

    @staticmethod
    def _removed_when_made(entry: dict[str, Any]) -> dict[str, Any]:
        """Defect fuhyo_kept_from_koseki_removal: the 除票 dated the day the 消除 was made (its 消除 notice's day,
        when later than the 除籍: an allowed 消除年月日) but its 保存期限 left counted from the 除籍, short of
        百五十年間 from that 消除 (施行令 第34条第1項: the outsider's 附票 product of issue 66 kept it so)."""
        made = [notice["通知日"] for notice in entry["附票本人確認情報"] if notice["区分"] == "消除"]
        return {**entry, "消除年月日": max([entry["消除年月日"], *made])}

    def copy_lines(self, body: Mapping[str, Any], row_of: Callable[[str], Row | None]) -> list[tuple[str, str]] | None:
        """The printed lines of the 戸籍の附票の写し of the 戸籍 ``body`` names by 本籍 and 筆頭者氏名 (None:
        the town has no such 戸籍)."""
        key = (_text(body.get("本籍"), "本籍"), _text(body.get("筆頭者氏名"), "筆頭者氏名"))
        with self._lock:
            koseki = self._named(key)
        if koseki is None:
            return None
        fuhyo = self._fuhyo_of(koseki, row_of)
        _check_offer(body.get("申出"))
        # Defect fuhyo_copy_always_full: every 写し shows the whole 附票 (right for a 第1項 請求, which may show
        # it; not for a 第3項 申出, whose 写し shows 第17条第2号から第6号 only).
        full = "fuhyo_copy_always_full" in self.defects
        lines: list[tuple[str, str]] = []
        if (full or self._display_asked(body)) and "fuhyo_copy_without_koseki_display" not in self.defects:
            display = fuhyo["戸籍の表示"]
            lines += [("本籍", display["本籍"]), ("筆頭者氏名", display["筆頭者氏名"] or "")]
        for entry in fuhyo["記載"]:
            row = row_of(entry["宛名番号"]) if entry["宛名番号"] else None
            lines += [("", ""), *self._copy_entry(entry, row)]
            if full and entry["住民票コード"]:
                lines.append(("住民票コード", entry["住民票コード"]))
        return lines

    def town_members(self, body: Mapping[str, Any]) -> list[str]:
        """The 宛名番号 of the persons of the 戸籍 ``body`` names whom the town's 住民記録 holds (none: no such
        戸籍, or every 在籍者 lives elsewhere)."""
        key = (body.get("本籍"), body.get("筆頭者氏名"))
        with self._lock:
            koseki = self._named(key)
        return [m["宛名番号"] for m in koseki["在籍者"] if m["宛名番号"]] if koseki is not None else []

    def copy_title(self) -> str:
        """法 第20条第5項: the document is a 戸籍の附票の写し (defect fuhyo_copy_titled_certificate: the 住民票's
        certificate's title, the form reused)."""
        return "住民票記載事項証明書" if "fuhyo_copy_titled_certificate" in self.defects else "戸籍の附票の写し"

    @staticmethod
    def _display_asked(body: Mapping[str, Any]) -> bool:
        """法 第20条第5項 (第12条第5項): the 戸籍の表示 is printed only when the 特別の請求 asks for it
        (``表示する事項``: a list of item names)."""
        asked = body.get("表示する事項", [])
        if not isinstance(asked, list) or not all(isinstance(item, str) for item in asked):
            raise bad_request("表示する事項: a list of item names is required (e.g. [\"戸籍の表示\"])")
        return "戸籍の表示" in asked

    def _copy_entry(self, entry: Mapping[str, Any], row: Row | None) -> list[tuple[str, str]]:
        """One person's printed lines (法 第17条第1項 第2号から第6号まで; 施行令 第19条第1項: the 消除 mark)."""
        lines = [("氏名", entry["氏名"])]
        if entry["消除"] and "fuhyo_copy_removal_unmarked" not in self.defects:
            lines.append(("消除", f"{wareki(self._printed_removal_day(entry['消除年月日']))}　消除"))
        if entry["氏名の振り仮名"] and "fuhyo_copy_without_furigana" not in self.defects:
            lines.append(("振り仮名", entry["氏名の振り仮名"]))
        lines.append(("出生の年月日", wareki(entry["出生の年月日"])))
        if entry["男女の別"] and "fuhyo_copy_without_sex" not in self.defects:
            lines.append(("男女の別", entry["男女の別"]))
        since = entry["住所を定めた年月日"] or ""
        if row is not None and "fuhyo_copy_address_date_of_juminhyo" in self.defects:
            since = row.get("住所を定めた年月日") or since  # the 住民票's own day, not the 附票's
        if entry["国外転出者"] and "fuhyo_copy_emigrant_address_printed" not in self.defects:
            return [*lines, ("住所", "国外転出者"), ("転出の予定年月日", wareki(since))]
        return [*lines, ("住所", self._address_text(entry, row)), ("住所を定めた年月日", wareki(since))]

    def _printed_removal_day(self, removed: str | None) -> str:
        """The 消除's day as the 写し prints it (defect fuhyo_copy_removal_dated_last_day_in: the last day the person
        was in the 戸籍, the day before the 除籍, a day before any 消除 could be made)."""
        if removed and "fuhyo_copy_removal_dated_last_day_in" in self.defects:
            return (date.fromisoformat(removed) - timedelta(days=1)).isoformat()
        return removed or ""

    @staticmethod
    def _address_text(entry: Mapping[str, Any], row: Row | None) -> str:
        """The 住所 as printed: the 住民票's address for a person of the town who lives here (or, for a
        国外転出者 printed wrongly, lived here); else the municipality the 住所地 or the 転入通知 names."""
        code = entry["住所_市区町村コード"]
        if row is not None and (code is None or code == row.get("住所_市区町村コード")):
            return "".join(row.get(name) or "" for name in ("住所_都道府県", "住所_市区町村", "住所_町字",
                                                            "住所_番地号表記", "住所_方書"))
        return f"全国地方公共団体コード{code}の市区町村" if code else ""

    def _fuhyo_of(self, koseki: Mapping[str, Any], row_of: Callable[[str], Row | None]) -> dict[str, Any]:
        only_residents = "fuhyo_town_residents_only" in self.defects
        shown = [m for m in koseki["在籍者"] if m["宛名番号"] is not None or not only_residents]
        head = None if "fuhyo_display_without_head" in self.defects else koseki["筆頭者氏名"]
        entries = []
        for member in shown:
            entry = self._entry(member, row_of(member["宛名番号"]) if member["宛名番号"] else None)
            entries.append({**entry, "附票本人確認情報": self._kept_notices(koseki["本籍"], member)})
        return {"戸籍の表示": {"本籍": koseki["本籍"], "筆頭者氏名": head}, "記載": entries}

    def _entry(self, member: Mapping[str, str | None], row: Row | None) -> dict[str, Any]:
        """法 第17条第1項's items of one person (施行令 第19条: 消除 when removed from the 戸籍)."""
        removed = member["除籍年月日"] is not None and "fuhyo_kept_after_removal" not in self.defects
        name, birth, sex = member["氏名"], member["生年月日"], member["性別"] or ""
        if row is not None and "fuhyo_name_of_householder" in self.defects:
            name = row.get("世帯主氏名") or name
        if row is not None and "fuhyo_birth_from_moved_in" in self.defects:
            birth = row.get("住民となった年月日") or birth
        if "fuhyo_sex_swapped" in self.defects:
            sex = {"1": "2", "2": "1"}.get(sex, sex)
        entry: dict[str, Any] = {
            "宛名番号": member["宛名番号"], "氏名": name,
            "氏名の振り仮名": None if "fuhyo_furigana_missing" in self.defects else member["氏名_フリガナ"],
            "出生の年月日": birth, "男女の別": _SEX.get(sex), "消除": removed,
            # 法 第17条の2第1項: その旨 and the 市町村名 of a registration the 選挙管理委員会 notified.
            "在外選挙人名簿等": self._overseas_of(member),
            # 第17条第1項第7号: the 住民票's, or the one the 住所地 notified (none when the town does not keep it).
            "住民票コード": self._code(member, row),
            "消除年月日": member["除籍年月日"] if removed else None,
            # 施行令 第34条第1項: the 除票 kept 百五十年間 from the 消除 (民法's count, as for any period in years).
            "保存期限": _years_on(member["除籍年月日"], 150) if removed else None,
        }
        entry.update(self._address(member, row))
        return entry

    def _overseas_of(self, member: Mapping[str, Any]) -> dict[str, str | None] | None:
        notice = member.get("在外選挙人名簿等")
        if notice and notice["旨"] != _OVERSEAS[0] and "fuhyo_overseas_registration_only" in self.defects:
            return None  # only the 在外選挙人名簿への登録 itself is recorded
        if not notice:
            return None
        # 施行令 第34条第4項: the 通知書 kept one year from the day it was received (民法's count: the next day first);
        # defect fuhyo_document_kept_from_receipt_day counts the day itself (起算して, as 第2項 and 第3項 do).
        received = notice.get("受理日") or clock.today().isoformat()
        short = "fuhyo_document_kept_from_receipt_day" in self.defects
        return {**notice, "受理日": received,
                "保存期限": _elapsed(received, 1) if short else _years_on(received, 1)}

    def _code(self, member: Mapping[str, str | None], row: Row | None) -> str | None:
        if row is not None:
            return row.get("住民票コード") or None
        return None if "fuhyo_code_of_residents_only" in self.defects else member["住民票コード"]

    def _settled(self, row: Row) -> str | None:
        """法 第17条第1項第4号 of a person living in the town: the 住民票's 住所を定めた年月日 (a 転入's or a 転居's
        異動日). Defect fuhyo_not_updated_on_move_within keeps the day the person first settled in the town (no
        記載の修正 on a 転居); defect fuhyo_address_date_from_notification takes the 届出年月日 of the 転入 or
        転居 that set the 住所."""
        if "fuhyo_not_updated_on_move_within" in self.defects:
            return row.get("住民となった年月日") or None
        if "fuhyo_address_date_from_notification" in self.defects and row.get("異動事由区分") in _ADDRESS_SET:
            return row.get("届出年月日") or None
        return row.get("住所を定めた年月日") or None

    def _address(self, member: Mapping[str, str | None], row: Row | None) -> dict[str, Any]:
        """法 第17条第1項第3号, 第4号 from the 住民票 (or the 住所地's notice), corrected on a move."""
        if row is None:
            return {"住所_市区町村コード": member["住所_市区町村コード"], "国外転出者": False,
                    "住所を定めた年月日": member["住所を定めた年月日"]}
        here = {"住所_市区町村コード": row.get("住所_市区町村コード") or None, "国外転出者": False,
                "住所を定めた年月日": self._settled(row)}
        if row.get("住民状態") != "2" and not _emigrated(row):
            return here
        confirmed, code = row.get("転出年月日（確定）"), row.get("転出先住所（確定）_市区町村コード")
        if confirmed and code:
            if "fuhyo_not_updated_on_move" in self.defects:
                return here
            return {"住所_市区町村コード": code, "国外転出者": False, "住所を定めた年月日": confirmed}
        if row.get("異動事由区分") == "国内転出":
            return here  # no 国外転出者 (第3号): the 住所 is corrected on the new 住所地's 通知 (法 第19条第1項)
        planned = row.get("転出予定年月日") or row.get("異動日") or None
        emigrant = {"住所_市区町村コード": None, "国外転出者": True, "住所を定めた年月日": planned}
        if "fuhyo_emigrant_keeps_last_address" in self.defects:
            emigrant.update({"住所_市区町村コード": here["住所_市区町村コード"], "国外転出者": False})
        if "fuhyo_emigrant_date_kept" in self.defects:
            emigrant["住所を定めた年月日"] = here["住所を定めた年月日"]
        return emigrant
