"""The reference's CSV形式のデータの取込 (住民記録 1.0 10.8): a CSV given to a 異動処理.

Ours (docs/driver.md, driver.yaml ``import.csv``, ``confirmed: false``): ``import.csv`` takes the CSV text of one of
10.8's kinds of data (RFC 4180: a header line of item names, CRLF line ends, fields quoted where needed) and the
items the staff enter beside it, and commits the 異動 the data feeds, as the operator would after the 取込:

- ``転出証明書`` (R002): one line per person of the certificate, fed to a 転入 (``区分``, the new ``住所``, ``異動日``,
  ``届出年月日`` and ``世帯番号`` entered by staff);
- ``住民異動届`` (R003): one line per 届出 of a 転居 (氏名 and 生年月日 find the 住民; 住所_*, 異動日 and
  届出年月日);
- ``個人番号カード券面`` (R005): the card's 券面事項 (氏名, 旧氏, 通称, 住所, 生年月日, 性別, 個人番号), fed to a
  転入 like a 転出証明書; the card's 住所 is the one before the 転入 and is not the new record's.

Named defects (defects.py): ``csv_import_cr_kept`` (lines split at LF only: the CR stays in each line's last field),
``csv_card_kyushi_dropped`` (the 旧氏 of the card not taken), ``csv_import_quotes_ignored`` (a quoted field not read as
one: split at its comma, its quotes kept), ``csv_todoke_name_only`` (a 住民異動届's person found by 氏名 alone),
``csv_todoke_first_namesake`` (a 届 two 住民 share the 氏名 and 生年月日 of applied to the first; otherwise such a
届 is refused, E051).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

Answer = tuple[int, dict[str, Any]]
KINDS = ("転出証明書", "住民異動届", "個人番号カード券面")
_CARD_ONLY = frozenset({"住所"})  # 券面事項 the 転入's record does not take


def parse(text: str, defects: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """The lines of a CSV (RFC 4180) as header -> value; the defect ``csv_import_cr_kept`` splits at LF only."""
    if "csv_import_cr_kept" in defects:
        lines = [line.split(",") for line in text.split("\n") if line]
    elif "csv_import_quotes_ignored" in defects:  # every comma a separator, a quoted field's quotes kept
        lines = [line.split(",") for line in text.split("\r\n") if line]
    else:
        lines = [line for line in csv.reader(io.StringIO(text, newline="")) if line]
    if not lines:
        return []
    header = [name.strip() for name in lines[0]]
    return [dict(zip(header, line, strict=False)) for line in lines[1:]]


class CsvImportHandlers:
    """``import.csv``, mixed into the driver's service (reference/driver.py), which replays the 異動 it feeds."""

    defects: frozenset[str]

    def replay(self, name: str, body: Mapping[str, Any]) -> Answer:
        raise NotImplementedError

    def find_person(self, name: str, born: str | None) -> list[dict[str, str]]:
        raise NotImplementedError

    def import_csv(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``import.csv``: 10.8 R002, R003, R005."""
        kind = str(body.get("種類", ""))
        if kind not in KINDS:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"種類 {kind!r}"}
        lines = parse(str(body.get("CSV", "")), self.defects)
        if not lines:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "the CSV has no data line"}
        dates = {key: body[key] for key in ("処理日", "confirm") if body.get(key)}
        if kind == "住民異動届":
            return self._todoke(lines, dates)
        persons = []
        for line in lines:
            person = {key: value for key, value in line.items() if value and key not in _CARD_ONLY}
            if kind == "個人番号カード券面" and "csv_card_kyushi_dropped" in self.defects:
                person.pop("旧氏", None)
            person.setdefault("住民種別", "1")
            person.setdefault("続柄", str(body.get("続柄") or "世帯主"))
            persons.append({**person, **{str(k): str(v) for k, v in dict(body.get("住所") or {}).items()}})
        request = {"区分": str(body.get("区分") or "国内転入"), "persons": persons, "異動日": body.get("異動日"),
                   "届出年月日": body.get("届出年月日"), **dates,
                   **({"世帯番号": body["世帯番号"]} if body.get("世帯番号") else {})}
        return self.replay("move_in", request)

    def _todoke(self, lines: list[dict[str, str]], dates: Mapping[str, Any]) -> Answer:
        """R003: each 届出 of a 転居, its person found by 氏名 and 生年月日."""
        persons: list[dict[str, Any]] = []
        for line in lines:
            if line.get("異動事由", "転居") != "転居":
                return 400, {"result": "error", "code": "BAD_REQUEST", "message": "only a 転居 is taken from a CSV"}
            # The defect csv_todoke_name_only finds the 届出's person by 氏名 alone.
            born = None if "csv_todoke_name_only" in self.defects else line.get("生年月日", "")
            found = self.find_person(line.get("氏名", ""), born)
            if "csv_todoke_first_namesake" in self.defects:  # the first of the namesakes is taken
                found = found[:1]
            if len(found) != 1:
                return 422, {"result": "error", "code": "E051", "item": "氏名",
                             "message": "届出の氏名・生年月日に一致する住民が一人に定まりません。"}
            address = {key: value for key, value in line.items() if key.startswith("住所_")}
            status, answer = self.replay("move_within", {
                "宛名番号": [found[0]["宛名番号"]], "住所": address, "異動日": line.get("異動日", ""),
                "届出年月日": line.get("届出年月日", ""), **dates})
            if status != 200:
                return status, answer
            persons.extend(answer.get("persons") or ())
        return 200, {"result": "ok", "persons": persons}
