"""What the reference vendor issues from its records: 住民票の写し, the 閲覧 list, and forms (帳票).

``POST /api/v1/certificates``: 住民票の写し (5.1), refused for a person under 支援措置 (3.4 R001), every outcome logged;
``GET /api/v1/inspection-list``: the 閲覧 list of a 町字, without the persons under 支援措置; ``POST
/api/v1/forms/{form_id}`` (and ``.../data``): the forms of :mod:`conformance_reference.jumin.forms`, and the statute
domains' printed forms beside them (the 戸籍の附票の写し, 選挙人名簿抄本, 学齢簿, the 資格確認書, the 介護保険
被保険者証), whose handlers are :mod:`conformance_reference.jumin.statute_certificates`."""

from __future__ import annotations

from collections.abc import Mapping

from conformance_reference.http import ApiError, Reply, Request, bad_request, json_reply
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.forms import FormService
from conformance_reference.jumin.statute_certificates import (
    FUHYO_COPY,
    GAKUREIBO,
    KAIGO_CARD,
    KOKI_CARD,
    KOKUHO_CARD,
    SENKYO_SHOHON,
    SENKYO_ZAIGAI_SHOHON,
    StatuteCertificates,
)
from conformance_reference.model import household_order
from conformance_reference.paper import seireki, wareki

#: 帳票ID of 住民票の写し (DOMAIN.md: the only real 帳票ID seen in public copies).
CERTIFICATE_FORM_ID = "0010001"
# The 認証文 of chapter 4 (様式) is not in our source text: this is a neutral sentence of our own,
# not the official wording.
CERTIFICATION_TEXT = "この証明書は、見本町の住民基本台帳の記録に基づき、参照実装が作成したものです。"


class Certificates(StatuteCertificates):
    """The certificate, inspection list and forms endpoints of
    :class:`~conformance_reference.app.ReferenceApp` (a mixin; the app makes its form service)."""

    forms: FormService
    driver: DriverService

    def _form(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        if arguments[0] == FUHYO_COPY:
            return self._fuhyo_copy(request)
        if arguments[0] == SENKYO_SHOHON:
            return self._senkyo_shohon(request)
        if arguments[0] == SENKYO_ZAIGAI_SHOHON:
            return self._senkyo_zaigai_shohon(request)
        if arguments[0] == GAKUREIBO:
            return self._gakureibo(request)
        if arguments[0] == KOKUHO_CARD:
            return self._kokuho_card(request)
        if arguments[0] == KOKI_CARD:
            return self._koki_card(request)
        if arguments[0] == KAIGO_CARD:
            return self._kaigo_card(request)
        accept = "application/json" if request.segments[-1] == "data" else str(request.environ.get("HTTP_ACCEPT", ""))
        answer = self.forms.issue(arguments[0], request.json_object(), accept)
        return Reply(answer.status, answer.body, answer.content_type)

    def _inspection_list(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        town = request.param("町字")
        if not town:
            raise bad_request("the query parameter 町字 is required")
        leak = "dv_inspection_leak" in self.defects
        rows = [row for row in self.store.all_latest()
                if row.get("住民状態") == "1" and row.get("住所_町字") == town
                and (leak or row.get("支援措置対象フラグ") != "1")]
        return json_reply(200, {"entries": [self._document("inspection_entry", self._present(row)) for row in rows]})

    def _certificate(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """住民票の写し (5.1): refused for DV-protected persons (3.4 R001); every outcome is logged."""
        body = self._validated(request.json_object(), "certificate_request")
        atena = str(body["宛名番号"])
        # The kari_certificate_leak defect issues from a 仮登録 (4.0.8 R011: 仮登録前のデータに基づく証明書).
        person = self.driver.pending().leaked(self._person(atena), "kari_certificate_leak")
        whole = body.get("世帯全員") is True and person.get("住民状態") == "1"
        people = self._current_household(person.get("世帯番号", "")) if whole else [person]
        if whole and "certificate_household_by_atena" in self.defects:  # by 宛名番号, not 5.2's order
            people = sorted(people, key=lambda row: row.get("宛名番号", ""))
        if whole and "certificate_household_removed_listed" in self.defects:  # by 世帯番号 alone: 除票 too
            people = sorted(self.store.household(person.get("世帯番号", "")), key=household_order)
        people = people or [person]
        protected = any(row.get("支援措置対象フラグ") == "1" for row in people)
        if protected and "dv_certificate_issued" not in self.defects:
            self.store.log_issuance(atena, "refused")
            raise ApiError(403, "DV_PROTECTED",
                           "the certificate is refused: a person on it is under 支援措置 (DV protection)")
        number = self.store.log_issuance(atena, "issued")
        return json_reply(200, {
            "帳票ID": CERTIFICATE_FORM_ID,
            "発行番号": f"{number:010d}",
            "記載者": [{"宛名番号": row.get("宛名番号", ""), "記載事項": self._lines(row)} for row in people],
            "認証文": CERTIFICATION_TEXT,
        })

    def _lines(self, stored: Mapping[str, str]) -> list[dict[str, str]]:
        """The printed items of one person (5.1), dates in the style of j90."""
        row = self._present(stored, certificate=True)
        foreign = row.get("住民種別") == "2"
        lines = [
            ("氏名", _printed_name(row)),
            ("通称", row.get("通称", "") if foreign else ""),
            ("生年月日", self._birth_date(row)),
            # The certificate_sex_dropped defect: the 性別 left out (no 省略 switch covers it: 5.1 R003).
            ("性別", "" if "certificate_sex_dropped" in self.defects
             else self.model.label("性別", row.get("性別", ""))),
            ("続柄", row.get("続柄", "")),
            ("世帯主", row.get("世帯主氏名", "")),
            ("住民となった年月日", wareki(row.get("住民となった年月日", ""))),
            ("住所", _printed_address(row)),
            ("住所を定めた年月日", wareki(row.get("住所を定めた年月日", ""))),
        ]
        if foreign:
            category = row.get("第30条45規定区分", "")
            lines += [
                ("国籍・地域", row.get("国籍等_国名コード", "")),
                ("第30条45規定区分", self.model.label("第30条45規定区分", category) if category else ""),
                ("在留資格", row.get("在留資格等コード", "")),
                ("在留期間の満了の日", seireki(row.get("在留期間の満了の日", ""))),
                ("在留カード等番号", row.get("在留カード等番号", "")),
            ]
        return [{"項目": name, "値": value} for name, value in lines if value]

    def _birth_date(self, row: Mapping[str, str]) -> str:
        if row.get("生年月日_不詳フラグ") == "1" or not row.get("生年月日"):
            return row.get("生年月日_不詳表記", "")
        birth = row.get("生年月日", "")
        if row.get("住民種別") == "2" and "foreign_birth_wareki" not in self.defects:
            return seireki(birth)  # j90: a foreign resident's birth date is in 西暦
        return wareki(birth)


def _printed_name(row: Mapping[str, str]) -> str:
    """氏名 as printed: a foreign resident's alphabet name first, then the kanji name if any."""
    if row.get("住民種別") != "2":
        return row.get("氏名", "")
    return "\u3000".join(part for part in (row.get("氏名_アルファベット", ""), row.get("氏名", "")) if part)


def _printed_address(row: Mapping[str, str]) -> str:
    address = "".join(row.get(key, "") for key in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記"))
    katagaki = row.get("住所_方書", "")
    return f"{address} {katagaki}" if katagaki else address
