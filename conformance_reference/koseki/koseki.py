"""The reference vendor's 戸籍 (戸籍法 第6条, 第9条, 第10条, 第16条, 第18条, 第25条, 第43条, 第49条, 第50条,
第86条; 戸籍法施行規則 第60条): the 戸籍 the town holds, and three driver operations
(spec_catalog/koseki/2025.12/driver.yaml):

- ``koseki.hensei`` (``POST /driver/v1/koseki/hensei``): a 戸籍 as it stands (a 移行): 本籍, 本籍_市区町村コード,
  筆頭者氏名 and its 在籍者 (氏名, 氏名_フリガナ, 生年月日, 性別), in the data model of the 戸籍の附票's 戸籍
  (``targets.load.koseki_path``);
- ``koseki.todoke`` (``POST /driver/v1/koseki/todoke``): a 出生, 死亡 or 婚姻 届出, answered with the 届出期間, the
  place, the name's characters and its 振り仮名's (第13条第3項), the 戸籍 written to and that 戸籍 as it stands
  afterwards;
- ``koseki.seikyu`` (``POST /driver/v1/koseki/seikyu``): a request of a 戸籍謄本等 by a class of person.

Written apart from :mod:`conformance.domains.koseki.oracle` on purpose (the scenario checks compare the two).
Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day

_PERSON_TEXTS = ("氏名", "氏名_フリガナ", "生年月日", "性別")


class KosekiError(ValueError):
    """A request the 戸籍 operations cannot take (answered 400)."""


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise KosekiError(f"{name}: a non-empty string is required")
    return value


def _day(value: object, name: str) -> date:
    day = parse_day(value) if isinstance(value, str) else None
    if day is None:
        raise KosekiError(f"{name}: an ISO date is required")
    return day


def _surname(full_name: str) -> str:
    return full_name.split("\u3000")[0]


def _plus_months(first: date, months: int) -> date:
    """The last day of ``months`` months from ``first`` (that day counted): the day before the same day
    ``months`` later, or the last day of that month when it has no such day."""
    month_index = first.month - 1 + months
    year, month = first.year + month_index // 12, month_index % 12 + 1
    try:
        return date(year, month, first.day) - timedelta(days=1)
    except ValueError:
        following = date(year + (month == 12), month % 12 + 1, 1)
        return following - timedelta(days=1)


def _kana(char: str) -> bool:
    return "\u3041" <= char <= "\u3096" or "\u30a1" <= char <= "\u30fa"


def _name_ok(name: str, defects: frozenset[str]) -> bool | None:
    """規則第60条: kana (not 変体仮名) -> True; a Latin letter, digit, symbol or 変体仮名 -> False; else None."""
    verdict: bool | None = True
    for char in name:
        hentaigana = "HENTAIGANA" in unicodedata.name(char, "")
        if hentaigana and "koseki_hentaigana_allowed" not in defects:
            return False
        if hentaigana or _kana(char):
            continue
        kind = unicodedata.category(char)
        latin = kind.startswith("L") and "LATIN" in unicodedata.name(char, "")
        if (latin or kind[0] in "NPSZC") and "koseki_latin_name_allowed" not in defects:
            return False
        if not (latin or kind[0] in "NPSZC"):
            verdict = None
    return verdict if name else False


def _reading_ok(reading: str, defects: frozenset[str]) -> bool | None:
    """法 第13条第3項 (仮名 and 記号 only): a 漢字, a Latin letter or a digit -> False; 片仮名 only -> True; else None
    (the 省令's range decides)."""
    if "koseki_furigana_unchecked" in defects:
        return True
    for char in reading:
        name = unicodedata.name(char, "")
        if "IDEOGRAPH" in name or "LATIN" in name or char.isdigit():
            return False
    return True if reading and all("KATAKANA" in unicodedata.name(char, "") for char in reading) else None


class KosekiBook:
    """The 戸籍 of the town, each kept under the 表示 it had when it was made (第9条)."""

    def __init__(self, defects: frozenset[str]) -> None:
        self.defects = defects
        self._lock = threading.Lock()
        self._koseki: dict[tuple[str, str], dict[str, Any]] = {}

    # -- helpers -----------------------------------------------------------------------------------

    def _find(self, ref: object, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The 戸籍 and the entry a person reference ({本籍, 筆頭者氏名, 氏名}) names."""
        if not isinstance(ref, Mapping):
            raise KosekiError(f"{name}: an object {{本籍, 筆頭者氏名, 氏名}} is required")
        key = (_text(ref.get("本籍"), f"{name}.本籍"), _text(ref.get("筆頭者氏名"), f"{name}.筆頭者氏名"))
        koseki = self._koseki.get(key)
        if koseki is None:
            raise KosekiError(f"{name}: no 戸籍 {key[0]} {key[1]}")
        wanted = _text(ref.get("氏名"), f"{name}.氏名")
        for entry in koseki["在籍者"]:
            if entry["氏名"] == wanted and entry.get("除籍年月日") is None:
                return koseki, entry
        raise KosekiError(f"{name}: no 在籍者 {wanted} in that 戸籍")

    def _shown(self, koseki: Mapping[str, Any]) -> dict[str, Any]:
        shown = {
            "本籍": koseki["本籍"],
            "筆頭者氏名": koseki["筆頭者氏名"],
            "在籍者": [dict(entry) for entry in koseki["在籍者"]],
        }
        if "koseki_display_follows_head" in self.defects:
            living = [entry for entry in koseki["在籍者"] if entry.get("除籍年月日") is None]
            if living:
                shown["筆頭者氏名"] = living[0]["氏名"]
        return shown

    def _new(self, honseki: str, code: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
        head = entries[0]["氏名"]
        if "koseki_display_by_last" in self.defects:
            head = entries[-1]["氏名"]
        koseki = {"本籍": honseki, "本籍_市区町村コード": code, "筆頭者氏名": head, "在籍者": entries}
        self._koseki[(honseki, head)] = koseki
        return koseki

    @staticmethod
    def _ref(koseki: Mapping[str, Any]) -> dict[str, str]:
        return {"本籍": koseki["本籍"], "筆頭者氏名": koseki["筆頭者氏名"]}

    # -- operations --------------------------------------------------------------------------------

    def hensei(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A 戸籍 as it stands (replacing one of the same 表示)."""
        members = body.get("在籍者")
        if not isinstance(members, list) or not members or len(members) > 50:
            raise KosekiError("在籍者: a list of 1 to 50 members is required")
        entries = []
        for member in members:
            if not isinstance(member, Mapping):
                raise KosekiError("在籍者: each entry is an object")
            entry: dict[str, Any] = {name: _text(member.get(name), name) for name in _PERSON_TEXTS}
            entry.update({"入籍原因": "移行", "除籍年月日": None})
            entries.append(entry)
        honseki, code = _text(body.get("本籍"), "本籍"), _text(body.get("本籍_市区町村コード"), "本籍_市区町村コード")
        head = _text(body.get("筆頭者氏名"), "筆頭者氏名")
        with self._lock:
            koseki: dict[str, Any] = {
                "本籍": honseki,
                "本籍_市区町村コード": code,
                "筆頭者氏名": head,
                "在籍者": entries,
            }
            self._koseki[(honseki, head)] = koseki
            return {"result": "ok", "戸籍": self._shown(koseki)}

    def todoke(self, body: Mapping[str, Any]) -> dict[str, Any]:
        kind = body.get("届出種別")
        with self._lock:
            if kind == "出生":
                return self._birth(body)
            if kind == "死亡":
                return self._death(body)
            if kind == "婚姻":
                return self._marriage(body)
            if kind == "裁判":
                return self._judgment(body)
            if kind == "養子縁組":
                return self._adoption(body)
        raise KosekiError("届出種別: 出生, 死亡, 婚姻, 養子縁組 or 裁判 is required")

    def _answer(self, **items: Any) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "result": "ok",
            "受理": True,
            "起算日": None,
            "届出期間末日": None,
            "届出地適合": None,
            "名の文字適合": None,
            "振り仮名の文字適合": None,
            "新戸籍編製": None,
            "入籍戸籍": None,
            "戸籍": None,
        }
        answer.update(items)
        return answer

    def _adoption(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """第18条第3項: the 養子 leaves his or her 戸籍 and enters the 養親's, written with the 養親
        (第13条第1項第6号)."""
        day = _day(body.get("届出年月日"), "届出年月日").isoformat()
        adopter_koseki, adopter = self._find(body.get("養親"), "養親")
        adoptee_koseki, adoptee = self._find(body.get("養子"), "養子")
        # The defect: the 養子 keeps his or her own 氏 (and its 振り仮名) in the 養親's 戸籍.
        taker = None if "koseki_adoptee_keeps_surname" in self.defects else adopter
        moved = self._moved(adoptee, adoptee_koseki, day, "", taker=taker)
        moved.pop("夫妻")
        moved.update({"入籍原因": "養子縁組", "除籍原因": None, "養親": [adopter["氏名"]]})
        adoptee["除籍原因"] = "養子縁組"
        if "koseki_adoptive_parent_unwritten" in self.defects:
            del moved["養親"]
        head = adoptee_koseki["在籍者"][0] is adoptee
        stays = "koseki_adoptee_stays" in self.defects or (head and "koseki_head_adoptee_stays" in self.defects)
        target = adoptee_koseki if stays else adopter_koseki
        target["在籍者"].append(moved)
        return self._answer(入籍戸籍=self._ref(target), 戸籍=self._shown(target))

    def _judgment(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """第43条第2項: a period from a 裁判's 確定 starts on its 送達 when it became final before being served."""
        decided, served = _day(body.get("裁判確定日"), "裁判確定日"), _day(body.get("送達日"), "送達日")
        start = served if decided < served and "koseki_judgment_from_decision" not in self.defects else decided
        return self._answer(起算日=start.isoformat())

    def _birth(self, body: Mapping[str, Any]) -> dict[str, Any]:
        born = _day(body.get("出生年月日"), "出生年月日")
        abroad = body.get("国外") is True
        child = body.get("子")
        if not isinstance(child, Mapping):
            raise KosekiError("子: an object is required")
        given = _text(child.get("名"), "子.名")
        first = born + timedelta(days=1) if "koseki_period_from_next_day" in self.defects else born
        if abroad and "koseki_birth_abroad_fourteen_days" not in self.defects:
            last = _plus_months(first, 3)
        else:
            last = first + timedelta(days=13)
        ok = _name_ok(given, self.defects)
        reading = _text(child.get("氏名_フリガナ"), "子.氏名_フリガナ").split("\u3000")[-1]
        read_ok = _reading_ok(reading, self.defects)
        answer = self._answer(起算日=first.isoformat(), 届出期間末日=last.isoformat(), 名の文字適合=ok,
                              振り仮名の文字適合=read_ok)
        if ok is False or read_ok is False:
            return {**answer, "受理": False}
        takes = child.get("称する氏")
        if takes not in ("父母", "父", "母"):
            raise KosekiError("子.称する氏: 父母, 父 or 母 is required")
        parent = "父" if takes == "父" else "母"
        koseki, _ = self._find(body.get(parent), parent)
        parents = {role: ref.get("氏名") if isinstance(ref := body.get(role), Mapping) else None
                   for role in ("父", "母")}
        if "koseki_father_is_head" in self.defects and parents["父"] is not None:
            parents["父"] = koseki["筆頭者氏名"]
        entry = {
            "氏名": f"{_surname(koseki['筆頭者氏名'])}\u3000{given}",
            "氏名_フリガナ": _text(child.get("氏名_フリガナ"), "子.氏名_フリガナ"),
            "生年月日": _text(body.get("届出年月日"), "届出年月日") if "koseki_child_born_on_filing" in self.defects
            else born.isoformat(),
            "性別": "2" if "koseki_child_always_female" in self.defects else _text(child.get("性別"), "子.性別"),
            "入籍原因": "出生",
            "入籍年月日": born.isoformat(),
            "父": parents["父"],
            "母": parents["母"],
            "嫡出子の別": "嫡出子" if takes == "父母" or "koseki_every_child_legitimate" in self.defects
            else "嫡出でない子",
            "除籍年月日": None,
        }
        alone = ("koseki_legitimate_child_new_koseki" in self.defects and takes == "父母") or (
            "koseki_illegitimate_child_new_koseki" in self.defects and takes != "父母"
        )
        if alone:
            koseki = self._new(f"{koseki['本籍']}の2", koseki["本籍_市区町村コード"], [entry])
        else:
            koseki["在籍者"].append(entry)
        return {**answer, "入籍戸籍": self._ref(koseki), "戸籍": self._shown(koseki)}

    def _death(self, body: Mapping[str, Any]) -> dict[str, Any]:
        died = _day(body.get("死亡年月日"), "死亡年月日")
        known = _day(body.get("知った年月日"), "知った年月日")
        abroad = body.get("国外") is True
        first = died if "koseki_death_from_death_day" in self.defects else known
        last = _plus_months(first, 3) if abroad else first + timedelta(days=6)
        place = _text(body.get("届出地"), "届出地")
        location = _text(body.get("届出人所在地"), "届出人所在地")
        person = body.get("本人")
        if not isinstance(person, Mapping):
            raise KosekiError("本人: an object is required")
        foreigner = person.get("外国人") is True
        honseki = None if foreigner else _text(person.get("本籍_市区町村コード"), "本人.本籍_市区町村コード")
        if "koseki_filing_at_honseki_only" in self.defects and not foreigner:
            fits = place == honseki
        elif "koseki_foreigner_filing_anywhere" in self.defects and foreigner:
            fits = True
        else:
            fits = place == location or (honseki is not None and place == honseki)
        answer = self._answer(起算日=first.isoformat(), 届出期間末日=last.isoformat(), 届出地適合=fits)
        if foreigner or person.get("本籍") is None:
            return answer
        koseki, entry = self._find(person, "本人")
        entry["除籍年月日"] = (known if "koseki_death_removed_when_known" in self.defects else died).isoformat()
        entry["除籍原因"] = "死亡"
        # The reference accepts a 死亡届 made at a place 第25条第1項 does not allow and flags it (届出地適合 false);
        # the defect says it refused it (受理 false) and removes the entry all the same.
        refused = "koseki_wrong_place_refused_yet_written" in self.defects and not fits
        return {**answer, "受理": not refused, "戸籍": self._shown(koseki)}

    def _marriage(self, body: Mapping[str, Any]) -> dict[str, Any]:
        married = _day(body.get("届出年月日"), "届出年月日").isoformat()
        honseki = _text(body.get("新本籍"), "新本籍")
        code = _text(body.get("新本籍_市区町村コード"), "新本籍_市区町村コード")
        refs = {role: body.get(role) for role in ("夫", "妻")}
        if not all(isinstance(ref, Mapping) for ref in refs.values()):
            raise KosekiError("夫, 妻: objects are required")
        foreign = [role for role, ref in refs.items() if isinstance(ref, Mapping) and ref.get("外国人") is True]
        if len(foreign) == 1:
            # 第16条第3項: the 日本人 (the one with a 戸籍) only.
            japanese = "妻" if foreign[0] == "夫" else "夫"
            koseki, entry = self._find(refs[japanese], japanese)
            head = koseki["在籍者"][0] is entry
            if "koseki_foreign_marriage_always_new" in self.defects:
                head = False
            elif "koseki_foreign_marriage_never_new" in self.defects:
                head = True
            if head:
                return self._answer(新戸籍編製=False, 入籍戸籍=self._ref(koseki), 戸籍=self._shown(koseki))
            new = self._new(honseki, code, [self._moved(entry, koseki, married, japanese)])
            return self._answer(新戸籍編製=True, 入籍戸籍=self._ref(new), 戸籍=self._shown(new))
        takes = body.get("称する氏")
        if takes not in ("夫", "妻"):
            raise KosekiError("称する氏: 夫 or 妻 is required")
        other = "妻" if takes == "夫" else "夫"
        taker_ref, other_ref = refs[takes], refs[other]
        koseki, entry = self._find(taker_ref, takes)
        other_koseki, other_entry = self._find(other_ref, other)
        head = koseki["在籍者"][0] is entry and koseki["筆頭者氏名"] == entry["氏名"]
        if "koseki_marriage_always_new" in self.defects:
            head = False
        if head:
            joined = self._moved(other_entry, other_koseki, married, other, taker=entry)
            if "koseki_head_spouse_unmarked" not in self.defects:
                entry["夫妻"] = takes
            target = other_koseki if "koseki_marriage_into_other" in self.defects else koseki
            target["在籍者"].append(joined)
            return self._answer(新戸籍編製=False, 入籍戸籍=self._ref(target), 戸籍=self._shown(target))
        if "koseki_marriage_never_new" in self.defects:
            other_koseki["在籍者"].append(self._moved(entry, koseki, married, takes))
            return self._answer(新戸籍編製=False, 入籍戸籍=self._ref(other_koseki), 戸籍=self._shown(other_koseki))
        entries = [
            self._moved(entry, koseki, married, takes),
            self._moved(other_entry, other_koseki, married, other, taker=entry),
        ]
        new = self._new(honseki, code, entries)
        return self._answer(新戸籍編製=True, 入籍戸籍=self._ref(new), 戸籍=self._shown(new))

    def _moved(
        self, entry: dict[str, Any], koseki: Mapping[str, Any], day: str, role: str,
        taker: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The entry of a person leaving ``koseki`` on a 婚姻 (removed there, written in the other); with
        ``taker`` (the spouse whose 氏 is taken) the 氏 and the 氏の振り仮名 become the taker's (第13条第1項第1号,
        第2号)."""
        entry["除籍年月日"] = day
        entry["除籍原因"] = "婚姻"
        name, reading = entry["氏名"], entry["氏名_フリガナ"]
        # The spouse defects are a 婚姻's (``role`` 夫 or 妻); a 養子縁組's is koseki_adoptee_keeps_surname (no taker).
        if taker is not None and not (role and "koseki_spouse_keeps_surname" in self.defects):
            name = f"{_surname(taker['氏名'])}\u3000{name.split(chr(0x3000))[-1]}"
        if taker is not None and not (role and "koseki_spouse_keeps_surname_reading" in self.defects):
            reading = f"{_surname(taker['氏名_フリガナ'])}\u3000{reading.split(chr(0x3000))[-1]}"
        moved = {
            "氏名": name,
            "氏名_フリガナ": reading,
            "生年月日": entry["生年月日"],
            "性別": entry["性別"],
            "入籍原因": "婚姻",
            "入籍年月日": day,
            "夫妻": role,
            "従前戸籍": {"本籍": koseki["本籍"], "筆頭者氏名": koseki["筆頭者氏名"]},
            "除籍年月日": None,
        }
        if "koseki_entry_copied_on_marriage" in self.defects:
            moved.update({"入籍原因": entry.get("入籍原因"), "入籍年月日": entry.get("入籍年月日")})
        if "koseki_origin_unwritten" in self.defects:
            del moved["従前戸籍"]
        return moved

    def seikyu(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """第10条第1項: a request of a 戸籍謄本等 by a class of person."""
        relation = _text(body.get("請求者の資格"), "請求者の資格")
        allowed = {"在籍者", "除籍者", "配偶者", "直系尊属", "直系卑属"}
        if "koseki_request_by_sibling" in self.defects:
            allowed.add("兄弟姉妹")
        key = (_text(body.get("本籍"), "本籍"), _text(body.get("筆頭者氏名"), "筆頭者氏名"))
        with self._lock:
            if key not in self._koseki:
                raise KosekiError(f"no 戸籍 {key[0]} {key[1]}")
        return {"result": "ok", "交付可": relation in allowed}
