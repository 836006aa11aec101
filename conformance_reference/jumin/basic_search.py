"""The reference's 基本検索 (住民記録 1.0 2.1.3): the driver operation ``search.basic`` (ours, docs/driver.md).

A search is conditions that must all hold on one row of a person: an item equal to a value (``一致: 部分``: the
value contained in it, 項目内部分検索), a date between ``開始`` and ``終了`` (either given), or the item blank
(``未入力``, R006). Dates may be written in 西暦 (``1980-04-01``, ``1980年4月1日``) or 和暦 (``昭和55年4月1日``) and
are compared as the same day (R008). ``住所`` is the address written out (都道府県, 市区町村, 町字, 番地号表記),
``消除事由`` the 1.2.2 区分 of a 除票's last row. The rows are the current ones, or with ``履歴: true`` every row of
every person's history, so a former 氏名 or 住所 finds the person (R005, R009).

``search.kanji`` (2.1.2 R013: 異体字や正字も包含した検索) compares a 氏名 with each 異体字 of its own table read as
its 正字 (the text's examples, R015-R017), spaces ignored, whole (完全) or contained (部分).

Named defects (defects.py): ``search_kanji_one_way`` (only a 正字 searched finds its 異体字: a 異体字 typed finds
neither), ``search_kanji_no_variants`` (no 異体字 table: 氏名 compared as written),
``search_basic_wareki_ignored`` (a 和暦 date is compared as written),
``search_basic_current_only`` (``履歴`` ignored), ``search_basic_range_open`` (a range's 終了 ignored),
``search_basic_range_end_exclusive`` (a range's 終了日 itself left out), ``search_basic_removal_reason_latest`` (a
除票's 消除事由 read from its latest row, a 職権修正 since),
``search_basic_blank_unmatched`` (``未入力`` matches no one).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from conformance_reference.jumin.storage import Store

if TYPE_CHECKING:
    from conformance_reference.jumin.suppression import SuppressionBook

Answer = tuple[int, dict[str, Any]]
Row = Mapping[str, str]
#: The keys 2.1.3 R001 names (our item names: driver.yaml ``search.basic``).
KEYS = frozenset({
    "氏名", "氏名_アルファベット", "旧氏", "通称", "氏名_フリガナ", "旧氏_フリガナ", "通称_フリガナ", "生年月日",
    "性別",
    "続柄", "住所", "住所_方書", "宛名番号", "世帯番号", "消除事由", "個人番号", "住民票コード", "在留カード等番号",
})
#: How many persons an answer lists at most.
LIMIT = 100
#: The key of a 除票's 消除事由 (2.1.3 R001: 当該住民票を消除した事由), and where a row carries it while a search runs.
REMOVAL_REASON, _REMOVAL_KEY = "消除事由", "_消除事由"
#: 和暦 eras and the 西暦 year before their 元年.
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_WAREKI = re.compile(r"(明治|大正|昭和|平成|令和)(元|[0-9]+)年([0-9]+)月([0-9]+)日")
_SEIREKI = re.compile(r"([0-9]{4})(?:-|年)([0-9]{1,2})(?:-|月)([0-9]{1,2})日?")
_ADDRESS = ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記")
#: The reference's 異体字 table: 正字 -> its 異体字 (2.1.2 R015-R017's examples; 「𨘢𨘢」 and 「頻」 left out).
_VARIANTS = {"辺": "邊边邉", "浜": "濱濵滨", "藤": "䕨籘籐"}
_SEIJI = {variant: seiji for seiji, variants in _VARIANTS.items() for variant in variants}


class BasicSearchHandlers:
    """The driver operation of 2.1.3, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]
    #: The 抑止 of 3.1 (reference/suppression.py, the driver's own).
    suppressions: Callable[[], SuppressionBook]

    def search_basic(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``search.basic``: the persons one of whose rows meets every condition."""
        tests = [_test(condition, self.defects) for condition in body.get("条件") or []]
        if not tests:
            raise ValueError("a search needs a condition")
        history = bool(body.get("履歴")) and "search_basic_current_only" not in self.defects
        rows: Iterable[Row] = self.store.all_history() if history else self.store.current()
        if any(condition.get("項目") == REMOVAL_REASON for condition in body.get("条件") or []) \
                and "search_basic_removal_reason_latest" not in self.defects:
            rows = [self._with_removal(row) for row in rows]
        # In the order first met (a dict: a list's ``in`` made a search of the whole history quadratic).
        found: dict[str, None] = {}
        seen: set[tuple[str, str]] = set()
        for row in rows:
            if row["宛名番号"] not in found and all(test(row) for test in tests):
                # The defect: persons of one 氏名 and 生年月日 taken for one (a 3情報 match read as a duplicate).
                namesake = (row.get("氏名", ""), row.get("生年月日", ""))
                if namesake in seen and "search_basic_namesakes_merged" in self.defects:
                    continue
                seen.add(namesake)
                found[row["宛名番号"]] = None
        book = self.suppressions()  # 3.1 R007: 検索結果の表示の際、抑止対象であることが明らかとなる
        return 200, {"result": "ok", "persons": [{"宛名番号": atena, "抑止対象": book.marked(atena)}
                                                  for atena in list(found)[:LIMIT]]}

    def _with_removal(self, row: Row) -> Row:
        """A 除票's row with the 1.2.2 区分 of the 異動 that removed it (its 消除事由: a 職権修正 of the 除票 since
        does not change why it was removed). The defect ``search_basic_removal_reason_latest`` reads the latest
        row's 区分."""
        if row.get("住民状態", "1") == "1":
            return row
        rows = self.store.history(row["宛名番号"])
        pairs = list(zip([{}, *rows], rows, strict=False))  # (the row before, the row): the last removal
        removal = next((later for earlier, later in reversed(pairs)
                        if later.get("住民状態", "1") != "1" and earlier.get("住民状態", "1") == "1"), row)
        return {**row, _REMOVAL_KEY: removal.get("異動事由区分", "")}

    def search_kanji(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``search.kanji``: the current persons whose 氏名 matches, 異体字 and 正字 alike (2.1.2 R013)."""
        table = "search_kanji_no_variants" not in self.defects
        wanted = _seiji(str(request.param("氏名") or ""), fold=table and "search_kanji_one_way" not in self.defects)
        if not wanted:
            raise ValueError("a search needs a 氏名")
        partial = request.param("一致") != "完全"
        found = [row["宛名番号"] for row in self.store.current()
                 if _matches(_seiji(row.get("氏名", ""), fold=table), wanted, partial)]
        return 200, {"result": "ok", "persons": [{"宛名番号": atena} for atena in found[:LIMIT]]}


def _test(condition: Mapping[str, Any], defects: frozenset[str]) -> Callable[[Row], bool]:
    item = str(condition["項目"])
    if item not in KEYS:
        raise ValueError(f"not a key of the 基本検索: {item}")
    if condition.get("未入力"):
        return lambda row: "search_basic_blank_unmatched" not in defects and not _held(row, item)
    if "開始" in condition or "終了" in condition:
        first, last = _day(condition.get("開始"), defects), _day(condition.get("終了"), defects)
        if "search_basic_range_open" in defects:
            last = ""
        if "search_basic_range_end_exclusive" in defects:  # the 終了日 itself left out (a half-open range)
            return lambda row: _between(_held(row, item), first, last) and _held(row, item) != last
        return lambda row: _between(_held(row, item), first, last)
    wanted = _normal(str(condition["値"]))
    if item == "生年月日":
        wanted = _day(wanted, defects)
    partial = condition.get("一致") == "部分"
    return lambda row: _matches(_normal(_held(row, item)), wanted, partial)


def _seiji(name: str, fold: bool) -> str:
    """A 氏名 without spaces, each 異体字 as its 正字 when ``fold``."""
    plain = "".join(char for char in name if not char.isspace())
    return "".join(_SEIJI.get(char, char) for char in plain) if fold else plain


def _held(row: Row, item: str) -> str:
    if item == "住所":
        return "".join(row.get(part, "") for part in _ADDRESS)
    if item == REMOVAL_REASON:
        if row.get("住民状態", "1") == "1":
            return ""
        return row.get(_REMOVAL_KEY) or row.get("異動事由区分", "")
    return row.get(item, "")


def _matches(held: str, wanted: str, partial: bool) -> bool:
    return bool(held) and (wanted in held if partial else held == wanted)


def _between(held: str, first: str, last: str) -> bool:
    return bool(held) and (not first or held >= first) and (not last or held <= last)


@functools.lru_cache(maxsize=1 << 16)
def _normal(text: str) -> str:
    """Full-width digits and letters as ASCII, spaces of either width as one (the screen's input). Cached: a
    search reads every row's item, and the history's rows repeat their values."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _day(value: Any, defects: frozenset[str]) -> str:
    """A date in 西暦 or 和暦 as ``YYYY-MM-DD`` (R008); other text as given."""
    text = _normal(str(value or ""))
    wareki = _WAREKI.fullmatch(text)
    if wareki is not None and "search_basic_wareki_ignored" not in defects:
        era, year, month, day = wareki.groups()
        return f"{_ERAS[era] + (1 if year == '元' else int(year)):04d}-{int(month):02d}-{int(day):02d}"
    seireki = _SEIREKI.fullmatch(text)
    if seireki is not None:
        year, month, day = seireki.groups()
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return text
