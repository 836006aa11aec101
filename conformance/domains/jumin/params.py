"""The typed parameters of 住民記録's checks (a binding's ``params``, validated when the catalog loads).

A declaration the catalog reads (conformance/catalog/check_params.py collects every folder's ``PARAMS``), as it
reads ``texts.yaml``: it imports nothing of the harness but the catalog's ``Params`` base, so the catalog, the
bottom layer, can read it (tests/domains/test_domain_folders.py keeps it so). A check reads its parameters as
attributes of its model (``ctx.args(Model)``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, model_validator

from conformance.catalog.check_params import NoParams, Params

#: 続柄 (住民記録 1.0 j110) taken as they are, and the relations joined by の into 1-4 generations.
RELATION_FIXED = ("世帯主", "縁故者", "同居人")


RELATION_ATOMS = ("夫（未届）", "妻（未届）", "夫", "妻", "子", "父", "母", "兄", "姉", "弟", "妹")


#: Text a 認証文 contains (``forms.certification``, ``forms.tsusho_sheet``) when the binding names none (the
#: wording of chapter 4 is not in our source).
CERTIFICATION_MARKERS = ("相違ないことを証明", "証明します", "証明する")


#: The functions of 10.3 R010-R013 that ``jumin.users.controls`` grants one at a time, in the order judged
#: (conformance/domains/jumin/scenarios/user_controls.py FUNCTIONS).
USER_FUNCTIONS = ("10.1", "10.2", "10.3", "10.4", "2.2.4", "1.1.16", "9.1", "4.3.1")


class Where(Params):
    """Rows whose ``item`` has one of ``values``."""

    item: Annotated[str, Field(min_length=1, description="Name of a data item.")]
    values: Annotated[tuple[str, ...], Field(min_length=1, strict=False)]


class ItemsKeptParams(Params):
    """``jumin.records.items_kept``: the loaded values of ``items`` come back unchanged."""

    items: Annotated[tuple[str, ...], Field(min_length=1, strict=False, description="Names of data items.")]
    where: Where | None = None

    def data_items(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """``items`` and the item of ``where``."""
        yield from ((("items", index), item) for index, item in enumerate(self.items))
        if self.where is not None:
            yield ("where", "item"), self.where.item


class FixedValuesParams(Params):
    """``jumin.fixed_export.values``: the fixed-length layout's items compared with the residents export's (all of them
    when ``items`` is empty), but those of ``leave``."""

    items: Annotated[tuple[str, ...], Field(strict=False, description="Headers of the fixed-length layout.")] = ()
    leave: Annotated[tuple[str, ...], Field(strict=False, description="Headers not compared here.")] = ()


class RelationshipParams(Params):
    """``jumin.records.relationship_allowed``: the 続柄 vocabulary."""

    fixed: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = RELATION_FIXED
    atoms: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = RELATION_ATOMS
    generations: Annotated[int, Field(ge=1)] = 4


class DateStylesParams(Params):
    """``jumin.certificate.date_styles``."""

    rule: Literal["required", "no_seireki", "no_wareki_for_foreign"]
    per_kind: Annotated[int, Field(ge=1)] = 10


class CheckDigitParams(Params):
    """``jumin.numbering.check_digit``."""

    verify_check_digit: bool = True
    count: Annotated[int, Field(ge=1)] = 3


class HistoryNumberingParams(Params):
    """``jumin.history.numbering``."""

    sample: Annotated[int, Field(ge=1)] = 20


_FORM = Field(min_length=1, description="Id of a form of the edition (forms.yaml).")


class FormParams(Params):
    """``forms.items``, ``forms.dates``, ``forms.omissions`` (conformance/domains/jumin/forms/): the person form judged
    and how many residents."""

    form: Annotated[str, _FORM] = "juminhyo_kojin"
    sample: Annotated[int, Field(ge=1)] = 40


class FormDataParams(FormParams):
    """``forms.data_matches_print``: fewer residents, each read back through the API."""

    sample: Annotated[int, Field(ge=1)] = 5


class HouseholdFormParams(Params):
    """``forms.member_order``: the household form judged and how many households."""

    form: Annotated[str, _FORM] = "juminhyo_setai"
    households: Annotated[int, Field(ge=1)] = 12


class HouseholdItemsParams(HouseholdFormParams):
    """``forms.household_items``: the largest households (their blocks reach a page break) and ``left`` households
    some members have left."""

    households: Annotated[int, Field(ge=1)] = 4
    left: Annotated[int, Field(ge=0)] = 2


class FormCurrentOnlyParams(HouseholdFormParams):
    """``forms.household_current_only``: households with a removed and a current member."""

    households: Annotated[int, Field(ge=1)] = 10


class FormCertificationParams(HouseholdFormParams):
    """``forms.certification``: present (5.1 R002) or on the last page only (R004), on household forms."""

    rule: Literal["present", "last_page_only"] = "present"
    markers: Annotated[tuple[str, ...], Field(min_length=1, strict=False,
                                              description="Text a 認証文 contains.")] = CERTIFICATION_MARKERS
    prefecture: Annotated[str | None, Field(
        description="The 都道府県名 of the 職名 (the test data's when absent).")] = None


class FormCalendarParams(HouseholdFormParams):
    """``forms.calendar``: the form whose every printed 年月日 is judged (j90), on the households of
    ``forms.certification``'s sample (those with a 通称 print a 別紙); which way (P001, P002, R001: both)."""

    rule: Literal["wareki_due", "seireki_due", "all"] = "all"


class FormSheetParams(Params):
    """``forms.tsusho_sheet``."""

    form: Annotated[str, _FORM] = "juminhyo_kojin"
    markers: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = CERTIFICATION_MARKERS
    sample: Annotated[int, Field(ge=1)] = 5


class FormIssueNumberParams(HouseholdFormParams):
    """``forms.issue_number``: the format of 5.5, its 発行年月日 the day of issue in Japan (R004's first part), or
    different numbers per copy (R007), on household forms."""

    rule: Literal["format", "day", "copies"] = "format"


class FormFuriganaParams(FormParams):
    """``forms.furigana``: 5.3 P001 (items), P002 (brackets), P003 (katakana)."""

    rule: Literal["items", "brackets", "katakana"]


class FormsListParams(Params):
    """``forms.official_use``: the forms judged and the residents sampled (the first is asked for)."""

    forms: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = ("juminhyo_kojin",)
    sample: Annotated[int, Field(ge=1)] = 40


class FormKatagakiParams(FormsListParams):
    """``forms.katagaki``: the forms judged and how many residents with a 方書."""

    sample: Annotated[int, Field(ge=1)] = 5


class FormDvRemovedParams(Params):
    """``forms.dv_removed``: the 除票 forms that must be refused."""

    forms: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = ("joshuhyo", "joshuhyo_kisai_jiko")


class FormDvParams(Params):
    """``forms.dv_refused``: the forms that would show a protected person (no 閲覧用 list with ``list_form`` null)."""

    person_forms: Annotated[tuple[str, ...], Field(min_length=1, strict=False)] = ("juminhyo_kojin", "kisai_jiko")
    household_form: str = "juminhyo_setai"
    list_form: str | None = "etsuran"


class FormFullListParams(Params):
    """``forms.full_list``: the 閲覧用 list form and the fewest residents of the 町字 it is issued for."""

    form: str = "etsuran"
    minimum: Annotated[int, Field(ge=1)] = 40


class SearchKanaParams(Params):
    """``jumin.search.kana`` (conformance/domains/jumin/scenarios/search.py): the 住民記録 1.0 2.1.2 rule judged with
    generated names, by its requirement's id, or ``all`` (R002: every rule)."""

    rule: Literal["all", "jumin-1.0-2.1.2-R003", "jumin-1.0-2.1.2-R004", "jumin-1.0-2.1.2-R005",
                  "jumin-1.0-2.1.2-R006", "jumin-1.0-2.1.2-R007", "jumin-1.0-2.1.2-R008", "jumin-1.0-2.1.2-R009",
                  "jumin-1.0-2.1.2-R010", "jumin-1.0-2.1.2-R011", "jumin-1.0-2.1.2-R012"]


class OperationLogParams(Params):
    """``jumin.logs.operations``, ``jumin.logs.prints`` (conformance/domains/jumin/scenarios/access_log.py) and
    ``jumin.logs.errors`` (error_log.py): 10.2's 操作ログ, 印刷ログ or エラーログ, its entries (R002-R004, R013,
    R017) or the items each records (R006, R014, R018); for the 操作ログ also the entries of a 仮登録 and its
    本登録 (``kari``, R005) and its 改ざん防止 (``tamper``, R020)."""

    rule: Literal["entries", "fields", "kari", "tamper"] = "entries"


class AnalysisParams(Params):
    """``jumin.logs.searches`` (domains/jumin/scenarios/access_log.py): 10.2's analysis 該当者の検索実行一覧 (R028
    ``list``) and the same as a file (R022 ``file``)."""

    rule: Literal["list", "file"] = "list"


class AuthLogParams(Params):
    """``jumin.logs.auth`` (domains/jumin/scenarios/auth_log.py): 10.2's 認証ログ, its entries (R007) or what they
    record (R008), or the analyses ログイン失敗一覧 (R025) and ID別ログイン数一覧 (R026)."""

    rule: Literal["entries", "fields", "failures", "counts"] = "entries"


class IssuanceHistoryParams(Params):
    """``jumin.issuance.history`` (domains/jumin/scenarios/issuance.py): 1.3.8's 交付履歴, its entries (R001) or the
    item each records (R002-R010), one rule per requirement."""

    rule: Literal["entries", "issued_at", "place", "person", "kind", "items", "pages", "number", "operator",
                  "disposal"] = "entries"
    #: Whose certificates: a 日本人住民 (1.1.1 R034) or a 外国人住民 (1.1.2 R058: 証明書の交付履歴 as their item).
    resident: Literal["japanese", "foreign"] = "japanese"


class MemoParams(Params):
    """``jumin.memo`` (domains/jumin/scenarios/memo.py): 1.1.15's メモ, one rule per requirement (R001 person, R002
    author, R003 history, R004 certificate)."""

    rule: Literal["person", "author", "history", "certificate"]


class CertifierParams(Params):
    """``jumin.certifier`` (domains/jumin/scenarios/certifier.py): 1.3.9's 認証者 on the certificate, one rule per
    requirement (R001 names, R002 period)."""

    rule: Literal["names", "period"]


class PrintParams(Params):
    """``jumin.prints`` (domains/jumin/scenarios/printing.py): 10.7's print dialog (R001 ``printer``, R002 ``copies``,
    R003 ``preview``, R004 ``output``, R006 ``overflow_list``), 5.8 文字溢れ (R001 ``fit``, R002
    ``overflow_alert``) and 5.6 公印・職名 (R001 ``seal``, R002 ``seal_kind``), one rule per requirement."""

    rule: Literal["printer", "copies", "preview", "output", "overflow_list", "overflow_alert", "fit", "seal",
                  "seal_kind"] = "output"


class IssuanceInquiryParams(Params):
    """``jumin.issuance.inquiry`` (domains/jumin/scenarios/issuance_inquiry.py): 2.2.2's 交付履歴照会 of a person's
    certificates of 20.1.1-20.1.4 (R001 ``certificates``) and by 1.3.8's items (R003 ``items``)."""

    rule: Literal["certificates", "items"] = "certificates"


class StatsParams(Params):
    """``jumin.stats`` (domains/jumin/scenarios/statistics.py): 6.1's figures after the harness's own 異動 (R001
    ``annual``) and a 転出予定者 still counted before the day (R004 ``planned_out``)."""

    rule: Literal["annual", "planned_out"] = "annual"


class EucParams(Params):
    """``jumin.euc`` (conformance/domains/jumin/scenarios/euc.py): 10.1's EUC data source and extraction, one rule per
    requirement (R001 history, R004/R005 items, R006 values, R007 extra_items, R010 conditions, R012 count,
    R014 formats)."""

    rule: Literal["history", "items", "values", "extra_items", "conditions", "count", "formats"]


class BasicSearchParams(Params):
    """``jumin.search.basic`` (domains/jumin/scenarios/basic_search.py): 2.1.3's 基本検索, one rule per requirement
    (R001 keys, R004 range, R005/R009 history, R006 blank, R008 wareki)."""

    rule: Literal["keys", "range", "history", "blank", "wareki"]


class ItaijiSearchParams(Params):
    """``jumin.search.itaiji`` (domains/jumin/scenarios/itaiji.py): 2.1.2's 異体字を包含した検索, both ways (R013) or
    from one 正字 of the text's examples (R015 辺, R016 浜, R017 藤: rule ``seiji`` with ``char``)."""

    rule: Literal["both", "seiji"]
    char: Literal["辺", "浜", "藤"] | None = None

    @model_validator(mode="after")
    def _char_for_seiji(self) -> ItaijiSearchParams:
        if self.rule == "seiji" and self.char is None:
            raise ValueError("rule 'seiji' needs 'char': the 正字 searched (辺, 浜 or 藤)")
        return self


class UserPermissionsParams(Params):
    """``jumin.users.permissions`` (domains/jumin/scenarios/permissions.py): 10.3 操作権限管理, a user's items and
    利用期間 (R001: ``items``; ``session_period`` over time), 操作権限 (R002), パスワードの変更・初期化 (R003), 排他制御
    (R008), setting by the 管理者 only (R005) or the lock after failed logins (R016), one rule per requirement."""

    rule: Literal["items", "authority", "administrator", "lockout", "exclusive", "password", "session_period"] = "items"


class UserControlsParams(Params):
    """``jumin.users.controls`` (domains/jumin/scenarios/user_controls.py): 10.3's 組織単位 (R004),
    スケジューラー (R006), 事務分掌 (R007), 操作権限一覧表 (R009), independent functions (R010-R013,
    ``functions``: the sections the fragment names), バッチ (R014), 10.4 R001's items shown or hidden, and
    10.2's analyses 深夜・休業日 (R024) and 大量検索 (R027)."""

    rule: Literal["organisation", "independent", "table", "bulk", "schedule", "display", "duties", "night",
                  "bulk_search"] = "organisation"
    functions: Annotated[tuple[Literal[USER_FUNCTIONS], ...], Field(  # type: ignore[valid-type]
        min_length=1, strict=False)] = USER_FUNCTIONS


_FORM_CHECKS: dict[str, type[Params]] = {
    "forms.items": FormParams, "forms.dates": FormParams, "forms.omissions": FormParams,
    "forms.certification": FormCertificationParams, "forms.calendar": FormCalendarParams,
    "forms.tsusho_sheet": FormSheetParams,
    "forms.issue_number": FormIssueNumberParams, "forms.member_order": HouseholdFormParams,
    "forms.household_current_only": FormCurrentOnlyParams, "forms.household_items": HouseholdItemsParams,
    "forms.furigana": FormFuriganaParams,
    "forms.katagaki": FormKatagakiParams, "forms.official_use": FormsListParams,
    "forms.data_matches_print": FormDataParams, "forms.dv_refused": FormDvParams,
    "forms.dv_removed": FormDvRemovedParams, "forms.full_list": FormFullListParams,
    "jumin.dv.other_business_marked": NoParams,
}


#: Every check of 住民記録 -> its parameters.
PARAMS: dict[str, type[Params]] = {
    "jumin.records.items_kept": ItemsKeptParams,
    "jumin.records.relationship_allowed": RelationshipParams,
    "jumin.dv.certificate_refused": NoParams,
    "jumin.dv.inspection_excludes_protected": NoParams,
    "jumin.certificate.date_styles": DateStylesParams,
    "jumin.numbering.check_digit": CheckDigitParams,
    "jumin.history.correction_appends": NoParams,
    "jumin.history.numbering": HistoryNumberingParams,
    "jumin.search.kana": SearchKanaParams,
    "model.jumin.state_machine": NoParams,
    "jumin.logs.operations": OperationLogParams,
    "jumin.logs.prints": OperationLogParams,
    "jumin.logs.errors": OperationLogParams,
    "jumin.logs.settings": OperationLogParams,
    "jumin.logs.auth": AuthLogParams,
    "jumin.logs.searches": AnalysisParams,
    "jumin.issuance.history": IssuanceHistoryParams,
    "jumin.prints": PrintParams,
    "jumin.stats": StatsParams,
    "jumin.issuance.inquiry": IssuanceInquiryParams,
    "jumin.euc": EucParams,
    "jumin.memo": MemoParams,
    "jumin.certifier": CertifierParams,
    "jumin.search.basic": BasicSearchParams,
    "jumin.search.itaiji": ItaijiSearchParams,
    "jumin.users.permissions": UserPermissionsParams,
    "jumin.users.controls": UserControlsParams,
    "jumin.extract.random": NoParams,
    "jumin.tokens.lifetime": NoParams,
    "jumin.fixed_export.persons": NoParams,
    "jumin.fixed_export.values": FixedValuesParams,
    "jumin.households_file.heads": NoParams,
    "jumin.suppressed.list": NoParams,
    **_FORM_CHECKS,
}
