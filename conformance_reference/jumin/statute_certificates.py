"""The statute domains' printed forms the reference issues beside 住民記録's: the 戸籍の附票の写し
(:mod:`conformance_reference.koseki_fuhyo.fuhyo`), the 選挙人名簿抄本 and 在外選挙人名簿抄本, the 学齢簿, the
資格確認書 of 国民健康保険 and 後期高齢者医療 and the 介護保険 被保険者証 (:mod:`conformance_reference.kakuninsho`),
each laid out by :mod:`conformance_reference.statute_forms`.

A module of its own (split from :mod:`conformance_reference.jumin.certificates`, which dispatches ``POST
/api/v1/forms/{form_id}`` to these methods) because only the statute editions ask for these forms: the mutation tool's
statute target mutates this module against the statute kill suite, the modules target the rest of
``certificates.py`` against 住民記録's (benchmarks/mutation_tool.py; docs/model.md)."""

from __future__ import annotations

from datetime import date

from conformance_reference import kakuninsho, rules, statute_forms
from conformance_reference.http import ApiError, Reply, Request, bad_request
from conformance_reference.jumin.forms import PDF_TYPE
from conformance_reference.jumin.presentation import Presentation
from conformance_reference.jumin.storage import Row
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister
from conformance_reference.senkyo import elections
from conformance_reference.shugaku import shugaku
from conformance_reference.validation import RequestValidation

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


class StatuteCertificates(Presentation, RequestValidation):
    """The statute forms' handlers of :class:`~conformance_reference.app.ReferenceApp` (a mixin; printed only: a
    statute form has no form data)."""

    koseki: KosekiRegister

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
        atena = row.get("宛名番号", "")
        lines = elections.shohon_lines(row, rules.stay_of(row), day, self.defects, self.store.history(atena),
                                       self.store.domain_record(atena, "選挙人名簿"))
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
        if lines is None and "gakureibo_printed_for_anyone" in self.defects:
            lines = []  # a blank 学齢簿 for a person not on it, instead of the contract's 404
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
