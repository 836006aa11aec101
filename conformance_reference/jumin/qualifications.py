"""The per-person query of the reference vendor's linkage API: ``GET /api/v1/residents/{宛名番号}/qualifications``,
each statute domain's 資格 and 賦課 of one person for a 年度, answered by that domain's unit of the reference.

A module of its own (split from :mod:`conformance_reference.jumin.linkage`) because only the statute editions judge
what it answers: the mutation tool's statute target mutates this module against the statute kill suite, the modules
target the rest of ``linkage.py`` against 住民記録's (benchmarks/mutation_tool.py; docs/model.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from conformance import clock
from conformance_reference import rules
from conformance_reference.hojin_juminzei import hojin_juminzei
from conformance_reference.http import Reply, Request, _int_param, bad_request, json_reply
from conformance_reference.inkan import inkan
from conformance_reference.jido_fuyo_teate import jido_fuyo
from conformance_reference.jido_teate import jido_teate
from conformance_reference.jumin.presentation import Presentation
from conformance_reference.keijidosha_zei import keijidosha
from conformance_reference.kenko_kanri import kenko
from conformance_reference.kodomo_kosodate import benefits as kodomo_benefits
from conformance_reference.kojin_juminzei import tax_rules
from conformance_reference.koki_korei import koki_korei
from conformance_reference.kokumin_nenkin import pension
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister
from conformance_reference.kotei_shisan_zei import kotei_shisan
from conformance_reference.seikatsu_hogo import seikatsu_hogo
from conformance_reference.senkyo import elections
from conformance_reference.shogaisha_fukushi import shogaisha
from conformance_reference.shugaku import shugaku
from conformance_reference.validation import RequestValidation

#: The 住民記録 row's item of the 児童手当 認定請求 (the harness's migration layout).
_CLAIM = "児童手当_請求年月日"


class PerPersonQuery(Presentation, RequestValidation):
    """The per-person query's handler of :class:`~conformance_reference.app.ReferenceApp` (a mixin)."""

    #: The 戸籍 the harness registered (the 戸籍の附票 and the 本人確認情報 kept: koseki_fuhyo/fuhyo.py).
    koseki: KosekiRegister

    def _qualifications(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """資格 and 賦課 of one person in this municipality for a 年度 (the per-person query)."""
        if "qualifications_unknown_answered" in self.defects and self.store.latest(arguments[0]) is None:
            return json_reply(200, {"宛名番号": arguments[0]})  # nobody: an empty answer instead of 404
        row = self._person(arguments[0])
        if "qualifications_parameters_defaulted" in self.defects:
            return self._defaulted(request, arguments, row)
        fiscal_year = _int_param(request, "fiscal_year", -1, 1900, 2200)
        if fiscal_year < 0:
            raise bad_request("the query parameter fiscal_year is required")
        as_of_text = request.param("as_of")
        as_of = rules.parse_day(as_of_text) if as_of_text is not None else clock.today()
        if as_of is None:
            raise bad_request("as_of must be a date YYYY-MM-DD")
        return self._answer(arguments, row, fiscal_year, as_of)

    def _kokuho_householder(self, row: rules.Row, as_of: date) -> rules.Householder | None:
        """The 世帯主 of ``row``'s 世帯 as it is now, who owes its 国保 保険料 (国保法 第76条第1項), and whether a 国保
        被保険者 himself on ``as_of`` (a named defect bills the 被保険者 instead where not)."""
        head = next((member for member in self._current_household(row.get("世帯番号", ""))
                     if member.get("続柄") == "世帯主"), None)
        if head is None:
            return None
        atena = head.get("宛名番号", "")
        return rules.Householder(atena, rules.kokuho_insured_on(head, as_of, self.defects,
                                                                self.store.domain_record(atena, "国民健康保険")))

    def _defaulted(self, request: Request, arguments: tuple[str, ...], row: rules.Row) -> Reply:
        """The defect ``qualifications_parameters_defaulted``: a missing or malformed fiscal_year read as this 年度, a
        malformed as_of as today, instead of 400."""
        today = clock.today()
        text, day = request.param("fiscal_year") or "", rules.parse_day(request.param("as_of") or "")
        fiscal_year = int(text) if text.isdigit() else today.year - (today.month < 4)
        return self._answer(arguments, row, fiscal_year, day or today)

    def _stay_row(self, history: Sequence[rules.Row], row: rules.Row, day: date) -> rules.Row:
        """``row`` (the person as answered), or on a day before a 再転入 the stay before's last row
        (:func:`rules.row_on`)."""
        earlier = rules.row_on(history, day, self.defects)
        return row if earlier is history[-1] else rules.held_birth(earlier, self.defects)

    def _kept_row(self, then: rules.Row, row: rules.Row, *defects: str) -> rules.Row:
        """``then`` (the row of the stay that held the day asked); with one of ``defects`` of a domain that keeps one
        record over a 再転入 (forgetting the first stay, or taking it up again): ``row``, the latest, whatever the
        day."""
        return row if any(defect in self.defects for defect in defects) else then

    def _claim_row(self, history: Sequence[rules.Row], row: rules.Row) -> rules.Row:
        """``row``, whose 児童手当_請求年月日 is the latest stay's 認定請求; the defect
        ``return_keeps_first_jido_claim``: the first 請求 the person ever made (a 再転入 reopening the first stay's
        認定; 児童手当法 第7条第3項 asks a new one)."""
        first = next((earlier.get(_CLAIM) for earlier in history if earlier.get(_CLAIM)), None)
        return {**row, _CLAIM: first} if "return_keeps_first_jido_claim" in self.defects and first else row

    def _school_children(self, children: Sequence[rules.Row]) -> Sequence[rules.Row]:
        """The 子 of the 学齢簿; the defect ``return_child_off_gakureibo``: a 子 who came back (a 転出's 除票
        in their history) left off, as if the entry closed at the 転出 were not made again on the 再転入; the defect
        ``return_child_move_not_notified``: such a 子 read as of their first 住民となった年月日 (the 除票 reopened, no
        転入届 of 住民基本台帳法 第22条: no notice of 学校教育法施行令 第4条)."""
        kept = []
        for child in children:
            history = self.store.history(child.get("宛名番号", "")) or []
            if not any(earlier.get("住民状態") == "2" for earlier in history):
                kept.append(child)
            elif "return_child_move_not_notified" in self.defects:
                kept.append({**child, "住民となった年月日": history[0].get("住民となった年月日", "")})
            elif "return_child_off_gakureibo" not in self.defects:
                kept.append(child)
        return kept

    def _answer(self, arguments: tuple[str, ...], shown: rules.Row, fiscal_year: int, as_of: date) -> Reply:
        """The answer about ``shown`` for ``fiscal_year`` on ``as_of`` (a 生年月日 不詳 read as the date held:
        :func:`rules.held_birth`); each 資格 of the stay that held ``as_of`` (after a 再転入, a day of the first stay
        is that stay's: found by the cross-domain machine asking it)."""
        row = rules.held_birth(shown, self.defects)
        history: Sequence[rules.Row] = self.store.history(arguments[0]) or [row]
        then, levied = (self._stay_row(history, row, day) for day in (as_of, date(fiscal_year, 1, 1)))
        stay, then_stay = rules.stay_of(row), rules.stay_of(then)
        kaigo_row = self._kept_row(then, row, "first_stay_forgotten_kaigo")
        kokuho_row = self._kept_row(then, row, "first_stay_forgotten_kokuho", "kokuho_first_stay_kept")
        kenko_row = self._kept_row(then, row, "kenko_first_stay_forgotten")
        children = [member for member in self._current_household(row.get("世帯番号", ""))
                    if member.get("続柄") == "子"] if row.get("続柄") == "世帯主" else []
        claimed = jido_teate.claimant_children(stay, self.store.household(row.get("世帯番号", "")), children,
                                               self.defects) if row.get("続柄") == "世帯主" else []
        return json_reply(200, {
            "宛名番号": arguments[0], "年度": fiscal_year,
            "個人住民税": tax_rules.kojin_juminzei(row, rules.stay_of(levied), fiscal_year, self.defects,
                                                  self.store.domain_record(arguments[0], "個人住民税")),
            "国民健康保険": rules.kokuho(kokuho_row, rules.kept_stay(history, rules.stay_of(kokuho_row), self.defects),
                                         fiscal_year, as_of,
                                         self.defects, self.store.domain_record(arguments[0], "国民健康保険"),
                                         self._kokuho_householder(row, as_of)),
            "介護保険": rules.kaigo(kaigo_row, rules.stay_of(kaigo_row), fiscal_year, as_of, self.defects,
                                    self.store.domain_record(arguments[0], "介護保険")),
            "後期高齢者医療": koki_korei.koki_korei(then, then_stay,
                                             self.store.domain_record(arguments[0], "後期高齢者医療"), as_of,
                                             self.defects),
            "国民年金": pension.kokumin_nenkin(then, then_stay, fiscal_year, as_of, self.defects,
                                           self.store.domain_record(arguments[0], "国民年金")),
            "選挙人名簿": elections.senkyo(then, then_stay, as_of, self.defects,
                                      self.store.domain_record(arguments[0], "選挙人名簿"),
                                      self.store.history(arguments[0])),
            "児童手当": jido_teate.extend(rules.jido_teate(self._claim_row(history, row), claimed, fiscal_year, stay,
                                                          as_of, self.defects), row,
                                      claimed, self.store.domain_record(arguments[0], "児童手当"), as_of,
                                      self.defects),
            "児童扶養手当": jido_fuyo.jido_fuyo(row, children, self.store.domain_record(arguments[0], "児童扶養手当"),
                                        fiscal_year, stay, as_of, self.defects),
            "支援措置": rules.support(row, stay, as_of, self.defects),
            "除票年月日": rules.removal_date(row, self.defects),
            "就学": shugaku.shugaku(row, self._school_children(children), fiscal_year, as_of, self.defects,
                                  self.store.domain_record(arguments[0], "就学")),
            "健康管理": kenko.kenko(kenko_row, rules.stay_of(kenko_row), as_of, self.defects,
                                  self.store.domain_record(arguments[0], "健康管理")),
            "戸籍の附票": self.koseki.fuhyo(arguments[0], self.store.latest),
            "軽自動車税": keijidosha.keijidosha(row, self.store.domain_record(arguments[0], "軽自動車税"),
                                           fiscal_year, self.defects),
            "固定資産税": kotei_shisan.kotei_shisan(row, stay, self.store.domain_record(arguments[0], "固定資産税"),
                                               fiscal_year, self.defects),
            "生活保護": seikatsu_hogo.seikatsu_hogo(self.store.domain_record(arguments[0], "生活保護"), as_of,
                                                self.defects),
            "障害者福祉": shogaisha.shogaisha(row, self.store.domain_record(arguments[0], "障害者福祉"), as_of,
                                         self.defects),
            "法人住民税": hojin_juminzei.hojin_juminzei(row, self.store.domain_record(arguments[0], "法人住民税"),
                                                  self.defects),
            "印鑑登録": inkan.inkan(row, stay, self.store.domain_record(arguments[0], "印鑑登録"), as_of,
                                  self.defects),
            "本人確認情報の保存": self.koseki.kept_identity(shown),
            "子ども・子育て支援": kodomo_benefits.benefits(
                self.store.domain_record(arguments[0], "子ども・子育て支援"), as_of, self.defects),
        })
