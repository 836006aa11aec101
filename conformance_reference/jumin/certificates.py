"""What the reference vendor issues from its records: 住民票の写し, the 閲覧 list, and forms (帳票).

``POST /api/v1/certificates``: 住民票の写し (5.1), refused for a person under 支援措置 (3.4 R001), every outcome logged;
``GET /api/v1/inspection-list``: the 閲覧 list of a 町字, without the persons under 支援措置; ``POST
/api/v1/forms/{form_id}`` (and ``.../data``): the forms of :mod:`conformance_reference.jumin.forms`, and ``POST
/api/v1/forms/fuhyo_utsushi``: the 戸籍の附票の写し (:mod:`conformance_reference.koseki_fuhyo.fuhyo`, laid out by
:mod:`conformance_reference.statute_forms`), the other statute domains' forms beside it (選挙人名簿抄本, 学齢簿, the
資格確認書 of 国民健康保険 and 後期高齢者医療, the 介護保険 被保険者証: :mod:`conformance_reference.kakuninsho`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from conformance_reference import kakuninsho, rules, statute_forms
from conformance_reference.http import ApiError, Reply, Request, bad_request, json_reply
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.forms import PDF_TYPE, FormService
from conformance_reference.jumin.presentation import Presentation
from conformance_reference.jumin.storage import Row
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister
from conformance_reference.paper import seireki, wareki
from conformance_reference.senkyo import elections
from conformance_reference.shugaku import shugaku
from conformance_reference.validation import RequestValidation

#: 帳票ID of 住民票の写し (DOMAIN.md: the only real 帳票ID seen in public copies).
CERTIFICATE_FORM_ID = "0010001"
# The 認証文 of chapter 4 (様式) is not in our source text: this is a neutral sentence of our own,
# not the official wording.
CERTIFICATION_TEXT = "この証明書は、見本町の住民基本台帳の記録に基づき、参照実装が作成したものです。"
#: The form id of the 戸籍の附票の写し (住民基本台帳法 第20条第1項; ours: the statute gives no 帳票ID).
FUHYO_COPY = "fuhyo_utsushi"
FUHYO_CERTIFICATION = "この写しは、戸籍の附票の原本と相違ないことを証明する。"
#: The form id of the 選挙人名簿抄本 (公職選挙法 第19条第4項; ours).
SENKYO_SHOHON = "senkyo_shohon"
SENKYO_CERTIFICATION = "この抄本は、選挙人名簿の記載と相違ないことを証明する。"
#: The form id of the 在外選挙人名簿抄本 (公職選挙法 第30条の12; ours).
SENKYO_ZAIGAI_SHOHON = "senkyo_zaigai_shohon"
SENKYO_ZAIGAI_CERTIFICATION = "この抄本は、在外選挙人名簿の記載と相違ないことを証明する。"
#: The form id of the 学齢簿 (学校教育法施行令 第1条; ours).
GAKUREIBO = "gakureibo"
GAKUREIBO_CERTIFICATION = "この写しは、学齢簿の記載と相違ないことを証明する。"
#: The form ids of the 資格確認書 of 国民健康保険 (国民健康保険法施行規則 第6条) and of 後期高齢者医療
#: (高齢者の医療の確保に関する法律施行規則 第16条; ours).
KOKUHO_CARD = "kokuho_shikaku_kakuninsho"
KOKI_CARD = "koki_shikaku_kakuninsho"
KOKUHO_CARD_TEXT = "上記の者が国民健康保険の被保険者であることを確認する。"
KOKI_CARD_TEXT = "上記の者が後期高齢者医療の被保険者であることを確認する。"
#: The form id of the 介護保険 被保険者証 (介護保険法施行規則 第26条第1項; ours).
KAIGO_CARD = "kaigo_hihokenshasho"
KAIGO_CARD_TEXT = "上記の者が介護保険の被保険者であることを証する。"


class Certificates(Presentation, RequestValidation):
    """The certificate, inspection list and forms endpoints of
    :class:`~conformance_reference.app.ReferenceApp` (a mixin; the app makes its form service)."""

    forms: FormService
    driver: DriverService
    koseki: KosekiRegister

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

    def _fuhyo_copy(self, request: Request) -> Reply:
        """The 戸籍の附票の写し of the 戸籍 named by 本籍 and 筆頭者氏名, printed (no form data: 404 on .../data)."""
        if request.segments[-1] == "data":
            raise ApiError(404, "NOT_FOUND", "the 戸籍の附票の写し has no form data: read the printed form")
        body = request.json_object()
        lines = self.koseki.copy_lines(body, self.store.latest)
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the town has no 戸籍 of that 本籍 and 筆頭者氏名")
        # The 写し is issued under the 住民票の写し's provisions (住民基本台帳法 第20条第5項): a person of the 戸籍
        # under 支援措置 stops it as their 住民票の写し is stopped (3.4 R001, our reading; the 除票 too: R009).
        rows = [self.store.latest(atena) or {} for atena in self.koseki.town_members(body)]
        # Defect fuhyo_copy_dv_leak_after_move: a 支援対象者's 除票 (a 転出: R009) no longer stops it.
        resident_only = "fuhyo_copy_dv_leak_after_move" in self.defects
        protected = [row for row in rows if row.get("支援措置対象フラグ") == "1"
                     and (row.get("住民状態") == "1" or not resident_only)]
        if protected and "fuhyo_copy_dv_leak" not in self.defects:
            raise ApiError(403, "DV_PROTECTED",
                           "the 戸籍の附票の写し is refused: a person on it is under 支援措置 (DV protection)")
        return Reply(200, statute_forms.render(self.koseki.copy_title(), lines, FUHYO_CERTIFICATION), PDF_TYPE)

    def _person_on_day(self, request: Request, form: str, day_item: str = "基準日") -> tuple[Row, date]:
        """The person (宛名番号) and the day (``day_item``: the 基準日, a 交付年月日) a printed statute form is asked
        for; it has no form data."""
        if request.segments[-1] == "data":
            raise ApiError(404, "NOT_FOUND", f"the {form} has no form data: read the printed form")
        body = request.json_object()
        atena, day = body.get("宛名番号"), rules.parse_day(str(body.get(day_item) or ""))
        if not isinstance(atena, str) or day is None:
            raise bad_request(f"宛名番号 (a string) and {day_item} (YYYY-MM-DD) are required")
        return self._person(atena), day

    def _senkyo_shohon(self, request: Request) -> Reply:
        """The 選挙人名簿抄本 of one person registered on the 基準日, printed (no form data)."""
        row, day = self._person_on_day(request, "選挙人名簿抄本")
        lines = elections.shohon_lines(row, rules.stay_of(row), day, self.defects,
                                       self.store.history(row.get("宛名番号", "")))
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the person is not on the 選挙人名簿 on that day")
        return Reply(200, statute_forms.render("選挙人名簿抄本", lines, SENKYO_CERTIFICATION), PDF_TYPE)

    def _senkyo_zaigai_shohon(self, request: Request) -> Reply:
        """The 在外選挙人名簿抄本 of one person on the 在外選挙人名簿 on the 基準日, printed (no form data)."""
        row, day = self._person_on_day(request, "在外選挙人名簿抄本")
        record = self.store.domain_record(row.get("宛名番号", ""), "選挙人名簿")
        lines = elections.zaigai_shohon_lines(row, record, day, self.defects,
                                              self.store.history(row.get("宛名番号", "")))
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the person is not on the 在外選挙人名簿 on that day")
        return Reply(200, statute_forms.render("在外選挙人名簿抄本", lines, SENKYO_ZAIGAI_CERTIFICATION), PDF_TYPE)

    def _gakureibo(self, request: Request) -> Reply:
        """The 学齢簿 of one child on the 基準日, printed (the 保護者: the 世帯主 of the child's household)."""
        child, day = self._person_on_day(request, "学齢簿")
        guardian = self._householder_of(child)
        lines = shugaku.register_lines(child, guardian, day, self.defects)
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the child is not on the 学齢簿 on that day")
        return Reply(200, statute_forms.render("学齢簿", lines, GAKUREIBO_CERTIFICATION), PDF_TYPE)

    def _kokuho_card(self, request: Request) -> Reply:
        """The 国民健康保険 資格確認書 of one 被保険者 issued on the 交付年月日, printed (世帯主: of the household)."""
        row, issued = self._person_on_day(request, "資格確認書", "交付年月日")
        householder = self._householder_of(row)
        lines = kakuninsho.kokuho_lines(row, householder, issued, self.defects)
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the person is no 国民健康保険 被保険者 on that day")
        atena = row.get("宛名番号")
        if "kokuho_kakuninsho_one_per_household" in self.defects and householder is not None \
                and householder.get("宛名番号") == atena:
            # 施行規則 第6条第2項後段 ignored: the 世帯主's card lists the household's other members too.
            lines += [("被保険者氏名", member.get("氏名", "")) for member in
                      self._current_household(row.get("世帯番号", "")) if member.get("宛名番号") != atena]
        return Reply(200, statute_forms.render("国民健康保険資格確認書", lines, KOKUHO_CARD_TEXT), PDF_TYPE)

    def _koki_card(self, request: Request) -> Reply:
        """The 後期高齢者医療 資格確認書 of one 被保険者 issued on the 交付年月日, printed (by the 広域連合)."""
        row, issued = self._person_on_day(request, "資格確認書", "交付年月日")
        record = self.store.domain_record(row.get("宛名番号", ""), "後期高齢者医療")
        lines = kakuninsho.koki_lines(row, record, issued, self.defects)
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the person is no 後期高齢者医療 被保険者 on that day")
        return Reply(200, statute_forms.render("後期高齢者医療資格確認書", lines, KOKI_CARD_TEXT,
                                               signer=f"{kakuninsho.KOKI_UNION}長"), PDF_TYPE)

    def _kaigo_card(self, request: Request) -> Reply:
        """The 介護保険 被保険者証 of one 第一号被保険者 issued on the 交付年月日, printed."""
        row, issued = self._person_on_day(request, "被保険者証", "交付年月日")
        lines = kakuninsho.kaigo_lines(row, issued, self.defects,
                                       self.store.domain_record(row.get("宛名番号", ""), "介護保険"))
        if lines is None:
            raise ApiError(404, "NOT_FOUND", "the person is no 介護保険 第一号被保険者 on that day")
        return Reply(200, statute_forms.render("介護保険被保険者証", lines, KAIGO_CARD_TEXT), PDF_TYPE)

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
            ("性別", self.model.label("性別", row.get("性別", ""))),
            ("続柄", row.get("続柄", "")),
            ("世帯主", row.get("世帯主氏名", "")),
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
