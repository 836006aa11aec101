"""jumin checks on small fake vendors: a conforming answer gives nothing, each defect its exact finding."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.checks.registry import CheckContext
from conformance.domains.jumin import checks as jumin
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.targets.base import HttpResponse, Target, TestData

Handler = Callable[[str, str, Mapping[str, str], Any], tuple[int, Any]]


@pytest.fixture(scope="module")
def edition() -> EditionCatalog:
    return load_edition(default_catalog_root() / "jumin" / "1.0")


class FakeClient:
    """Answers requests from a function (method, path, params, json) -> (status, body)."""

    base_url = "http://vendor.invalid/api/v1"

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.calls: list[tuple[str, str]] = []

    def request(
        self, method: str, path: str, *, params: Mapping[str, str] | None = None, json_body: Any = None,
        data: bytes | None = None, content_type: str | None = None, **kwargs: Any,
    ) -> HttpResponse:
        body = kwargs.get("json", json_body)
        self.calls.append((method, path))
        status, answer = self.handler(method, path, params or {}, body)
        raw = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        return HttpResponse(status=status, headers={"Content-Type": "application/json"}, body=raw, url=path)


def person(atena: str, **items: str) -> dict[str, str]:
    row = {
        "宛名番号": atena, "世帯番号": "0000001008", "住民種別": "1", "住民状態": "1", "氏名": "見本　花子",
        "通称": "", "生年月日": "1983-02-28", "住所を定めた年月日": "2001-04-01", "住所_町字": "本町一丁目",
        "住所_番地号表記": "1番1号", "続柄": "世帯主", "支援措置対象フラグ": "0", "第30条45規定区分": "",
        "在留期間の満了の日": "",
    }
    row.update(items)
    return row


ROWS = (
    person("0000000019"),
    person("0000000027", 住民種別="2", 氏名="", 通称="見本　明", 生年月日="1990-05-01", 続柄="妻",
           第30条45規定区分="1", 在留期間の満了の日="2027-03-31"),
    person("0000000035", 支援措置対象フラグ="1", 生年月日="1975-07-07"),
)


def ctx_for(edition: EditionCatalog, handler: Handler, params: dict[str, Any] | None = None) -> CheckContext:
    requirement = edition.requirements[0]
    target = Target(catalog=edition, http=FakeClient(handler), data=TestData(rows=ROWS))
    return CheckContext(requirement=requirement, params=params or {}, target=target)


def residents_handler(documents: list[dict[str, Any]]) -> Handler:
    def handle(method: str, path: str, params: Mapping[str, str], body: Any) -> tuple[int, Any]:
        assert (method, path) == ("get", "/residents")
        return 200, {"residents": documents, "next_offset": None}

    return handle


def codes(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in findings]


def test_items_kept_conforming_and_dropped_tsusho(edition: EditionCatalog) -> None:
    params = {"items": ["通称"], "where": {"item": "住民種別", "values": ["2"]}}
    same = [dict(r) for r in ROWS]
    assert list(jumin.items_kept(ctx_for(edition, residents_handler(same), params))) == []
    dropped = [dict(r, 通称=None) if r["住民種別"] == "2" else dict(r) for r in ROWS]
    findings = list(jumin.items_kept(ctx_for(edition, residents_handler(dropped), params)))
    assert codes(findings) == [("jumin.records.item_changed", "GET /residents 宛名番号=0000000027 /通称")]
    assert findings[0].expected == "＊＊＊＊" and findings[0].actual == ""  # personal: masked


def test_items_kept_with_nothing_to_compare_is_an_error(edition: EditionCatalog) -> None:
    params = {"items": ["通称"], "where": {"item": "住民種別", "values": ["1"]}}
    with pytest.raises(TargetError, match="no row with 通称"):
        list(jumin.items_kept(ctx_for(edition, residents_handler([]), params)))


def test_relationship_grammar() -> None:
    allowed = {"fixed": ("世帯主", "縁故者", "同居人"), "atoms": jumin._ATOMS, "generations": 4}
    for value in ("世帯主", "妻", "子の妻", "子の子の子の子", "妻（未届）", "縁故者"):
        assert jumin.relationship_allowed(value, **allowed), value
    for value in ("孫", "祖父", "子の子の子の子の子", "おじ", "準世帯主", "子の"):
        assert not jumin.relationship_allowed(value, **allowed), value


def test_relationship_check_finds_a_prohibited_one(edition: EditionCatalog) -> None:
    documents = [dict(r) for r in ROWS]
    assert list(jumin.relationships(ctx_for(edition, residents_handler(documents)))) == []
    documents[1]["続柄"] = "孫"
    findings = list(jumin.relationships(ctx_for(edition, residents_handler(documents))))
    assert codes(findings) == [("jumin.relationship.not_listed", "GET /residents 宛名番号=0000000027 /続柄")]
    assert findings[0].actual == "孫"


def certificate_handler(refuse_protected: bool, foreign_birth: str = "seireki") -> Handler:
    by_atena = {r["宛名番号"]: r for r in ROWS}

    def handle(method: str, path: str, params: Mapping[str, str], body: Any) -> tuple[int, Any]:
        row = by_atena[body["宛名番号"]]
        if refuse_protected and row["支援措置対象フラグ"] == "1":
            return 403, {"code": "DV_PROTECTED", "message": "refused"}
        foreign = row["住民種別"] == "2"
        birth = row["生年月日"]
        printed_birth = jumin.to_seireki(birth) if foreign and foreign_birth == "seireki" else jumin.to_wareki(birth)
        lines = [{"項目": "生年月日", "値": printed_birth},
                 {"項目": "住所を定めた年月日", "値": jumin.to_wareki(row["住所を定めた年月日"])}]
        if row["在留期間の満了の日"]:
            lines.append({"項目": "在留期間の満了の日", "値": jumin.to_seireki(row["在留期間の満了の日"])})
        return 200, {"帳票ID": "0010001", "発行番号": "1", "認証文": "-",
                     "記載者": [{"宛名番号": row["宛名番号"], "記載事項": lines}]}

    return handle


def test_dv_certificate_refused(edition: EditionCatalog) -> None:
    assert list(jumin.certificate_refused(ctx_for(edition, certificate_handler(True)))) == []
    findings = list(jumin.certificate_refused(ctx_for(edition, certificate_handler(False))))
    assert codes(findings) == [("jumin.dv.certificate_issued", "POST /certificates 宛名番号=0000000035")]
    assert (findings[0].expected, findings[0].actual) == ("403 (refused)", "200")


@pytest.mark.parametrize("rule", ["required", "no_seireki", "no_wareki_for_foreign"])
def test_date_styles_conforming(edition: EditionCatalog, rule: str) -> None:
    ctx = ctx_for(edition, certificate_handler(True), {"rule": rule})
    assert list(jumin.certificate_date_styles(ctx)) == []


def test_date_styles_foreign_birth_in_wareki(edition: EditionCatalog) -> None:
    handler = certificate_handler(True, foreign_birth="wareki")
    location = "POST /certificates 宛名番号=0000000027 記載事項[生年月日]"
    required = list(jumin.certificate_date_styles(ctx_for(edition, handler, {"rule": "required"})))
    assert codes(required) == [("jumin.certificate.date_style", location)]
    prohibited = list(jumin.certificate_date_styles(ctx_for(edition, handler, {"rule": "no_wareki_for_foreign"})))
    assert codes(prohibited) == [("jumin.certificate.wareki_printed", location)]
    assert list(jumin.certificate_date_styles(ctx_for(edition, handler, {"rule": "no_seireki"}))) == []


def test_inspection_list(edition: EditionCatalog) -> None:
    def handler(leak: bool) -> Handler:
        def handle(method: str, path: str, params: Mapping[str, str], body: Any) -> tuple[int, Any]:
            rows = [r for r in ROWS if r["住所_町字"] == params["町字"] and r["住民状態"] == "1"]
            shown = [r for r in rows if leak or r["支援措置対象フラグ"] != "1"]
            keys = ("氏名", "住所_町字", "住所_番地号表記", "生年月日")
            return 200, {"entries": [{k: r[k] for k in keys} | {"性別": "2"} for r in shown]}

        return handle

    assert list(jumin.inspection_excludes_protected(ctx_for(edition, handler(False)))) == []
    findings = list(jumin.inspection_excludes_protected(ctx_for(edition, handler(True))))
    assert codes(findings) == [
        ("jumin.dv.inspection_lists_protected", "GET /inspection-list 町字=＊＊＊＊＊ 宛名番号=0000000035")
    ]


class HistoryVendor:
    """Move-in and corrections, appending (or, defective, overwriting) history rows."""

    def __init__(self, *, overwrite: bool = False, bad_digit: bool = False, first_row: bool = False,
                 date_today: bool = False) -> None:
        self.history: dict[str, list[dict[str, Any]]] = {}
        self.overwrite, self.bad_digit, self.serial = overwrite, bad_digit, 0
        #: Bugs written blind (issue 50): a correction made on the first row; its 異動日 the day entered.
        self.first_row, self.date_today = first_row, date_today

    def __call__(self, method: str, path: str, params: Mapping[str, str], body: Any) -> tuple[int, Any]:
        if (method, path) == ("post", "/residents"):
            return 201, self.move_in(body)
        atena = path.split("/")[2]
        if method == "post":
            rows = self.history[atena]
            moved = "2026-11-27" if self.date_today else body["異動日"]
            row = dict(rows[0 if self.first_row else -1], 履歴番号=len(rows) + 1, 異動日=moved)
            row[body["項目"]] = body["値"]
            if self.overwrite:
                row["履歴番号"] = len(rows)
                rows[-1] = row
            else:
                rows.append(row)
            return 201, row
        return 200, {"宛名番号": atena, "history": [dict(r) for r in self.history[atena]]}

    def move_in(self, body: dict[str, Any]) -> dict[str, Any]:
        self.serial += 1
        atena = f"{self.serial:09d}" + ("0" if self.bad_digit else str(_m11(f"{self.serial:09d}")))
        self.history[atena] = [dict(body, 宛名番号=atena, 世帯番号=atena, 履歴番号=1, 住所_方書=None)]
        return {k: v for k, v in self.history[atena][0].items() if k != "履歴番号"}


def _m11(serial: str) -> int:
    total = sum(int(d) * (2 + i % 6) for i, d in enumerate(reversed(serial)))
    return 0 if total % 11 == 0 else 11 - total % 11


def test_correction_appends(edition: EditionCatalog) -> None:
    assert list(jumin.correction_appends(ctx_for(edition, HistoryVendor()))) == []
    findings = list(jumin.correction_appends(ctx_for(edition, HistoryVendor(overwrite=True))))
    assert codes(findings) == [("jumin.history.not_appended", "GET /residents/0000000019/history")]
    assert (findings[0].expected, findings[0].actual) == ("2 rows, the first 1 unchanged", "1 rows")


def test_a_second_correction_is_made_on_the_latest_row_and_records_its_date(edition: EditionCatalog) -> None:
    # Issue 50 (bugs written blind): a correction made on the row the person was registered with loses the one
    # before it; a correction's row records the 異動日 asked.
    findings = list(jumin.correction_appends(ctx_for(edition, HistoryVendor(first_row=True))))
    where = "GET /residents/0000000019/history /2/"
    assert codes(findings) == [("jumin.history.correction_not_on_latest", where + "住所_方書")]
    assert (findings[0].expected, findings[0].actual) == ("見本荘１０１", "blank")
    findings = list(jumin.correction_appends(ctx_for(edition, HistoryVendor(date_today=True))))
    assert codes(findings) == [("jumin.history.correction_date_differs", where + "異動日")]
    assert (findings[0].expected, findings[0].actual) == ("2026-04-03", "2026-11-27")


def test_new_numbers(edition: EditionCatalog) -> None:
    assert list(jumin.new_numbers(ctx_for(edition, HistoryVendor()))) == []
    findings = list(jumin.new_numbers(ctx_for(edition, HistoryVendor(bad_digit=True), {"count": 2})))
    assert codes(findings) == [
        ("jumin.numbering.check_digit", "POST /residents -> 宛名番号"),
        ("jumin.numbering.check_digit", "POST /residents -> 世帯番号"),
        ("jumin.numbering.check_digit", "POST /residents -> 宛名番号"),
        ("jumin.numbering.check_digit", "POST /residents -> 世帯番号"),
    ]
    assert list(jumin.new_numbers(ctx_for(edition, HistoryVendor(bad_digit=True), {"verify_check_digit": False}))) == []


def test_checks_without_a_target_raise_target_error(edition: EditionCatalog) -> None:
    ctx = CheckContext(requirement=edition.requirements[0], params={}, target=None)
    with pytest.raises(TargetError, match=f"^no target: {edition.requirements[0].id} needs a vendor system to query$"):
        list(jumin.relationships(ctx))

