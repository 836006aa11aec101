"""Named defects of the reference vendor: each breaks exactly the requirements it lists.

The self-conformance test runs the suite once per defect and expects exactly these requirements
to fail, so a defect's ``requirements`` must list every requirement its behaviour breaks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from conformance.errors import UsageError
from conformance.messages import did_you_mean


@dataclass(frozen=True)
class Defect:
    """A deliberate deviation from the spec, and the requirement ids it violates."""

    name: str
    description: str
    requirements: tuple[str, ...]


#: The requirements of 5.2 (世帯員の並び順) judged as one order by forms.member_order (R002 is MANUAL).
_MEMBER_ORDER = tuple(f"jumin-1.0-5.2-R{number:03d}" for number in range(1, 40) if number != 2)


def _defects(*defects: Defect) -> dict[str, Defect]:
    return {defect.name: defect for defect in defects}


DEFECTS: dict[str, Defect] = _defects(
    Defect("dv_certificate_issued",
           "certificates (住民票の写し) are issued for DV-protected persons instead of being refused",
           ("jumin-1.0-3.4-R001",)),
    Defect("dv_inspection_leak",
           "the inspection list (閲覧用リスト) includes DV-protected persons",
           ("jumin-1.0-9.5-R001",)),
    # Blanking 通称_フリガナ as well breaks the item requirement for it (R064) next to 通称's (R006).
    Defect("tsusho_dropped",
           "通称 and 通称_フリガナ are empty (null) in resident documents, history rows and the export",
           ("jumin-1.0-1.1.2-R006", "jumin-1.0-1.1.2-R064")),
    Defect("bad_check_digit",
           "new 宛名番号 assigned by POST /residents get check digit (correct + 1) mod 10",
           ("jumin-1.0-1.1.13-R002",)),
    Defect("cp932_export",
           "the export body is encoded CP932 while its Content-Type still says charset=utf-8",
           ("jumin-1.0-10.6-R001",)),
    # Only 10.6 R001 binds the households export (and its references to residents.csv).
    Defect("orphan_household",
           "households.csv leaves out the first household, whose 世帯番号 residents.csv still names",
           ("jumin-1.0-10.6-R001",)),
    # The domain invariants of the export (issue 15), bound to 10.6 R001: a key written twice, an
    # event date after the day of the extraction, a 市区町村コード that names no municipality.
    Defect("export_duplicate_record",
           "residents.csv writes its first record twice (the same 宛名番号 and 履歴番号 on two lines)",
           ("jumin-1.0-10.6-R001",)),
    Defect("export_future_date",
           "residents.csv gives its first record a 届出年月日 one year after the day of the extraction",
           ("jumin-1.0-10.6-R001",)),
    Defect("export_unknown_municipality",
           "residents.csv gives its first record the 住所_市区町村コード 229989: a valid check digit, but no "
           "municipality (全国地方公共団体コード) and not the test town the profile declares",
           ("jumin-1.0-10.6-R001",)),
    # Every file.layout check bound to residents_fixed sees the shifted records: 1.1.2 R028
    # (category_items), 1.1.13 R002 (check_digits) and 10.6 R001 (file.record_length among others).
    Defect("fixed_char_padding",
           "residents.dat pads each value to its width in characters instead of bytes, so records with "
           "double-byte characters are longer than the layout's record width",
           ("jumin-1.0-1.1.2-R028", "jumin-1.0-1.1.13-R002", "jumin-1.0-10.6-R001")),
    Defect("foreign_birth_wareki",
           "certificates print a foreign resident's 生年月日 in 和暦 instead of 西暦",
           ("jumin-1.0-1.1.9-R001", "jumin-1.0-1.1.9-P002")),
    Defect("prohibited_zokugara",
           "a 続柄 子の子 is returned as 孫 (a 続柄 the spec prohibits) in documents, history, export and certificates",
           ("jumin-1.0-1.1.11-P001",)),
    # 2.1.2 あいまい検索 (conformance/reference/search.py): one rule switched off each; R002 (「以下のあいまい
    # 検索ができること」) is judged over every rule, so each of them fails it too.
    Defect("search_voiced_distinct",
           "query.search compares 濁音 and 半濁音 as written (no 清音化): ゴンダ does not find コンタ",
           ("jumin-1.0-2.1.2-R002", "jumin-1.0-2.1.2-R003", "jumin-1.0-2.1.2-R004")),
    Defect("search_small_kana_distinct",
           "query.search compares small kana as written: キョウコ does not find キヨウコ",
           ("jumin-1.0-2.1.2-R002", "jumin-1.0-2.1.2-R005", "jumin-1.0-2.1.2-R006")),
    Defect("search_long_mark_kept",
           "query.search compares 長音 and its look-alikes (ー ― － ‐ ｰ -) as written: ユーコ does not find ユコ",
           ("jumin-1.0-2.1.2-R002", "jumin-1.0-2.1.2-R011", "jumin-1.0-2.1.2-R012")),
    Defect("history_deleted_on_correction",
           "a correction overwrites the latest history row (same 履歴番号) instead of appending one",
           ("jumin-1.0-4.6.0.1-R003", "jumin-1.0-1.2.1-R017")),
    Defect("openapi_violation",
           "resident documents carry an extra property 内部ID and 性別 as a JSON integer",
           # The scenarios compare 性別 on every endpoint: the integer differs from the driver's answer.
           ("jumin-1.0-1.1.1-R007", "jumin-1.0-1.1.2-R012", "jumin-1.0-7.2.3-R001")),
    # Rule defects: each changes one rule of the per-person query (资格・賦課), found by a scenario check.
    Defect("juminzei_current_address",
           "個人住民税 is levied by the current address instead of the address on 1月1日",
           ("kojin_juminzei-2025.12-1.294.0.2.0-R001", "kojin_juminzei-2025.12-1.318.0.1.0-R001")),
    # 個人住民税 (地方税法; the statute edition kojin_juminzei 2025.12): each changes one field of the answer's
    # 個人住民税 for the persons its check generates (conformance/checks/tax_scenarios.py).
    Defect("juminzei_no_shotokuwari",
           "個人住民税: a resident is levied 均等割 only, without 所得割",
           ("kojin_juminzei-2025.12-1.294.0.1.0-R001", "kojin_juminzei-2025.12-1.294.0.1.1-R001")),
    Defect("juminzei_kintowari_surcharge_kept",
           "個人住民税: 均等割 is 3,500円 (the 復興特別 surcharge of up to 令和5年度 kept) instead of 3,000円",
           ("kojin_juminzei-2025.12-1.310.0.1.0-R001",)),
    Defect("juminzei_current_year_income",
           "個人住民税: 所得割 is based on the income of the 年度's own year instead of the year before",
           ("kojin_juminzei-2025.12-1.313.0.1.0-R001",)),
    Defect("juminzei_designated_city_rate",
           "個人住民税: 所得割 at the 指定都市 rate (8%) in a town that is no 指定都市",
           ("kojin_juminzei-2025.12-1.314.3.1.0-R001",)),
    Defect("juminzei_january_of_same_year",
           "個人住民税: the 1月 納期 is January of the 年度's first year instead of the next",
           ("kojin_juminzei-2025.12-1.320.0.1.0-R001",)),
    Defect("juminzei_minor_on_april_first",
           "個人住民税: 未成年者 is judged on 4月1日 instead of the 賦課期日 1月1日",
           ("kojin_juminzei-2025.12-1.295.0.1.2-R001",)),
    Defect("juminzei_fifteen_on_levy_date",
           "個人住民税: 十五歳未満 is judged on 1月1日 instead of 前年の十二月三十一日",
           ("kojin_juminzei-2025.12-1.313.0.7.0-R001",)),
    # 国民年金 (国民年金法; the statute edition kokumin_nenkin 2025.12, conformance/reference/pension.py): each
    # changes one field of the answer's 国民年金 for the persons its check generates (checks/nenkin_scenarios.py).
    Defect("nenkin_foreign_excluded",
           "国民年金: a foreign resident is never shown as 第1号被保険者",
           ("kokumin_nenkin-2025.12-1.7.0.1.0-R001", "kokumin_nenkin-2025.12-1.7.0.1.1-R001")),
    Defect("nenkin_acquired_on_birthday",
           "国民年金: 資格 is acquired on the 20th birthday instead of the day before (the day twenty is reached)",
           ("kokumin_nenkin-2025.12-1.8.0.1.0-R001", "kokumin_nenkin-2025.12-1.8.0.1.1-R001")),
    Defect("nenkin_entry_next_day",
           "国民年金: a person moving in from abroad acquires 資格 the day after the move-in instead of that day",
           ("kokumin_nenkin-2025.12-1.8.0.1.0-R001", "kokumin_nenkin-2025.12-1.8.0.1.2-R001")),
    Defect("nenkin_lost_on_death_day",
           "国民年金: 資格 is lost on the day of death instead of the day after",
           ("kokumin_nenkin-2025.12-1.9.0.1.0-R001", "kokumin_nenkin-2025.12-1.9.0.1.1-R001")),
    Defect("nenkin_lost_on_domestic_move",
           "国民年金: a 転出 to another municipality is recorded as 資格喪失 (the day after), as if leaving Japan",
           ("kokumin_nenkin-2025.12-1.9.0.1.0-R001", "kokumin_nenkin-2025.12-1.9.0.1.2-R001")),
    Defect("nenkin_lost_after_sixty",
           "国民年金: 資格 is lost the day after sixty is reached instead of that day",
           ("kokumin_nenkin-2025.12-1.9.0.1.0-R001", "kokumin_nenkin-2025.12-1.9.0.1.3-R001")),
    Defect("nenkin_period_loss_month",
           "国民年金: the 被保険者期間 counts the month of 喪失 too",
           ("kokumin_nenkin-2025.12-1.11.0.1.0-R001",)),
    Defect("nenkin_period_same_month_dropped",
           "国民年金: 資格 acquired and lost in one month counts no month of 被保険者期間",
           ("kokumin_nenkin-2025.12-1.11.0.2.0-R001",)),
    # 選挙人名簿 (公職選挙法; the statute edition senkyo 2025.12, conformance/reference/elections.py): each
    # changes one field of the answer's 選挙人名簿 for the persons its check generates (checks/senkyo_scenarios.py).
    Defect("senkyo_national_needs_residence",
           "選挙人名簿: the 選挙権 of national elections is given only after three months of address in the town",
           ("senkyo-2025.12-1.9.0.1.0-R001",)),
    Defect("senkyo_local_from_notification",
           "選挙人名簿: the three months of address for the town's 選挙権 are counted from the 転入届, not the move",
           ("senkyo-2025.12-1.9.0.2.0-R001",)),
    Defect("senkyo_record_from_move_day",
           "選挙人名簿: the three months of 被登録資格 are counted from the move-in day instead of the 転入届",
           ("senkyo-2025.12-1.21.0.1.0-R001",)),
    Defect("senkyo_registered_monthly",
           "選挙人名簿: 定時登録 is made on the first day of every month instead of March, June, September and "
           "December",
           ("senkyo-2025.12-1.19.0.2.0-R001", "senkyo-2025.12-1.22.0.1.0-R001")),
    Defect("senkyo_moved_out_not_registered",
           "選挙人名簿: a person who moved out after three months recorded, before registration, is not registered",
           ("senkyo-2025.12-1.21.0.2.0-R001",)),
    Defect("senkyo_no_indication_on_move_out",
           "選挙人名簿: a registered person who moves out carries no 表示",
           ("senkyo-2025.12-1.27.0.1.0-R001",)),
    Defect("senkyo_no_indication_at_registration",
           "選挙人名簿: a person registered after moving out (第21条第2項) is registered without the 表示",
           ("senkyo-2025.12-1.27.0.2.0-R001",)),
    Defect("senkyo_dead_not_struck_off",
           "選挙人名簿: a registered person who dies is not struck off",
           ("senkyo-2025.12-1.28.0.1.0-R001", "senkyo-2025.12-1.28.0.1.1-R001")),
    Defect("senkyo_struck_off_early",
           "選挙人名簿: a person who moved out is struck off one day early (four months counted from the move-out "
           "day itself)",
           ("senkyo-2025.12-1.28.0.1.0-R001", "senkyo-2025.12-1.28.0.1.2-R001")),
    Defect("kokuho_bills_loss_month",
           "国保 premiums are billed up to the month of 喪失 instead of the month before",
           ("kokuho-2025.12-1.76.0.1.0-R001",)),
    # 国民健康保険 by age (国民健康保険法 第6条, 第42条; conformance/reference/rules.py): each changes one field
    # of the answer's 国民健康保険 for the persons its check generates (checks/kokuho_scenarios.py).
    Defect("kokuho_kept_after_75",
           "国保: a resident stays a 国保 被保険者 after the 75th birthday (a 後期高齢者医療 被保険者)",
           ("kokuho-2025.12-1.6.0.1.0-R001", "kokuho-2025.12-1.6.0.1.8-R001")),
    Defect("kokuho_copay_school_age_at_birthday",
           "国保: the 一部負担金 of 十分の二 ends on the day six is reached instead of the first 3月31日 after it",
           ("kokuho-2025.12-1.42.0.1.0-R001", "kokuho-2025.12-1.42.0.1.2-R001")),
    Defect("kokuho_copay_seventy_month_itself",
           "国保: the 一部負担金 of 十分の二 starts in the month seventy is reached instead of the month after",
           ("kokuho-2025.12-1.42.0.1.0-R001", "kokuho-2025.12-1.42.0.1.1-R001")),
    Defect("kokuho_copay_seventy_by_birthday",
           "国保: the 一部負担金 of 十分の二 starts in the month after the 70th birthday's month instead of the month "
           "after the month seventy is reached (the day before the birthday)",
           ("kokuho-2025.12-1.42.0.1.0-R001", "kokuho-2025.12-1.42.0.1.3-R001")),
    Defect("kaigo_on_birthday",
           "介護 第1号 資格 starts on the 65th birthday instead of the day before",
           ("kaigo-2025.12-1.10.0.1.0-R001", "kaigo-2025.12-1.10.0.1.4-R001", "kaigo-2025.12-1.129.0.2.0-R001")),
    # 介護保険 (介護保険法; the statute edition kaigo 2025.12, conformance/reference/rules.py kaigo): each changes
    # one field of the answer's 介護保険 for the persons its check generates (checks/kaigo_scenarios.py).
    Defect("kaigo_insured_after_leaving",
           "介護保険: a person of 65 or more who moved out or died is still shown as 第1号被保険者 afterwards",
           ("kaigo-2025.12-1.9.0.1.0-R001", "kaigo-2025.12-1.9.0.1.1-R001")),
    Defect("kaigo_entry_next_day",
           "介護保険: a person of 65 or more moving in from abroad acquires 資格 the day after the move-in instead of "
           "that day",
           ("kaigo-2025.12-1.10.0.1.0-R001", "kaigo-2025.12-1.10.0.1.2-R001")),
    Defect("kaigo_lost_on_death_day",
           "介護保険: 資格 is lost on the day of death instead of the day after",
           ("kaigo-2025.12-1.11.0.1.0-R001",)),
    Defect("kaigo_lost_after_move_day",
           "介護保険: 資格 is lost the day after the move-out even when the person had an address in another "
           "municipality that day",
           ("kaigo-2025.12-1.11.0.1.0-R002",)),
    # Billing a person under 65 levies the premium on one who is not a 第1号被保険者 (第129条第2項) too.
    Defect("kaigo_bills_second_insured",
           "介護保険: a person aged 40 to 64 is billed the premium from the month forty is reached",
           ("kaigo-2025.12-1.129.0.2.0-R001", "kaigo-2025.12-1.129.0.4.0-R001")),
    # The premium of a 第1号被保険者 who is not billed is neither collected (第1項) nor levied (第2項).
    Defect("kaigo_premium_stops_at_75",
           "介護保険: no premium is billed from the month of the 75th birthday (後期高齢者医療) on",
           ("kaigo-2025.12-1.129.0.1.0-R001", "kaigo-2025.12-1.129.0.2.0-R001")),
    Defect("koki_korei_day_before",
           "後期高齢者医療 starts the day before the 75th birthday instead of on the birthday",
           ("koki_korei-2025.12-1.52.0.1.1-R001",)),
    Defect("jido_teate_no_15day_rule",
           "児童手当 is paid from the month after the claim even within 15 days of the birth or move-out (no 15日特例)",
           # The amounts are paid from the first month too, so the amounts' check fails with it (第6条第3項).
           ("jido_teate-2025.12-1.6.0.3.0-R001", "jido_teate-2025.12-1.8.0.2.0-R001",
            "jido_teate-2025.12-1.8.0.3.0-R001")),
    # 児童手当 beyond the first month (conformance/checks/jido_scenarios.py): each changes one field of the
    # answer's 児童手当, and the two about a child's age the amounts too (第6条第3項, their worked examples).
    Defect("jido_teate_child_end_from_birthday",
           "児童手当: a child counts until the first 3月31日 after the 18th birthday instead of the day 18 is "
           "reached (a child born on 4月1日 counts a year too long)",
           ("jido_teate-2025.12-1.3.0.1.0-R001", "jido_teate-2025.12-1.6.0.3.0-R001")),
    Defect("jido_teate_three_from_age_day",
           "児童手当: a child born on the first of a month is 三歳以上 from the day before the 3rd birthday (the "
           "under-3 amount ends a month early)",
           ("jido_teate-2025.12-1.6.0.2.4-R001", "jido_teate-2025.12-1.6.0.2.5-R001",
            "jido_teate-2025.12-1.6.0.3.0-R001")),
    Defect("jido_teate_paid_in_own_month",
           "児童手当: each even month's payment covers that month and the one before instead of the months before it",
           ("jido_teate-2025.12-1.8.0.4.0-R001",)),
    Defect("jido_teate_prorated_last_month",
           "児童手当: the month of a move-out or death is paid by the days of it lived here instead of whole",
           ("jido_teate-2025.12-1.6.0.1.0-R001",)),
    Defect("jido_teate_eligible_abroad",
           "児童手当: a claimant who moved abroad (a 転出 without a 転入通知) keeps 受給資格",
           ("jido_teate-2025.12-1.4.0.1.0-R001", "jido_teate-2025.12-1.4.0.1.1-R001")),
    Defect("dv_ends_at_move_out",
           "DV 支援措置 protection ends when the person moves out instead of continuing as 前住所地",
           ("jumin-1.0-3.4-R009",)),
    Defect("dv_period_not_one_year",
           "the 支援措置 end date is set to the same date a year later (one day too long)",
           ("jumin-1.0-3.4-R002", "jumin-1.0-3.4-R003", "jumin-1.0-3.4-R004")),
    Defect("dv_extension_from_old_end",
           "an extended 支援措置 is counted from the old end date instead of the day after it",
           ("jumin-1.0-3.4-R004",)),
    Defect("removal_on_planned_date",
           "the 除票 date of a 転出 is always the 転出予定年月日, even when the 転入通知 gives an earlier 転入 date",
           ("jumin-1.0-1.1.5-R001",)),
    # 共通機能 2.1, the 住登外者宛名番号付番 API (conformance/reference/jutogai.py, conformance/checks/kyotsu.py).
    Defect("jutogai_links_wrong",
           "the 付番 API's 200 answer gives its own path (/api/v1/...) as _links.self.href instead of the APIコール名",
           ("kyotsu-2.1-0310001-O001",)),
    Defect("jutogai_required_as_format",
           "the 付番 API answers a missing 必須 parameter with E0002 (指定文字エラー) instead of E0001 (必須エラー)",
           ("kyotsu-2.1-0310001-O002",)),
    Defect("jutogai_no_auth",
           "the 付番 API accepts a request without an access token, or with one it never issued",
           ("kyotsu-2.1-0310001-O003",)),
    Defect("jutogai_kubun_ignored",
           "the 付番 API issues a new number for 処理区分 1 and 2 instead of registering the given 宛名番号",
           ("kyotsu-2.1-0310001-O004",)),
    Defect("jutogai_condition_unchecked",
           "the 付番 API takes 処理区分 1 or 2 without a 宛名番号 as a 付番依頼 instead of E0004",
           ("kyotsu-2.1-0310001-O005",)),
    Defect("jutogai_number_reissued",
           "the 付番 API issues its first 住登外者宛名番号 again for every later 付番依頼",
           ("kyotsu-2.1-0310001-O007",)),
    # Form defects (conformance/reference/forms.py): each breaks one rule of a printed form (docs/forms.md).
    Defect("form_dv_household_leak",
           "a 世帯全員 form checks the protection of the member asked through only: asked through an unprotected "
           "世帯主, it prints the protected member",
           ("jumin-1.0-3.4-R001",)),
    Defect("form_etsuran_dv_leak",
           "the printed 閲覧用 list (form etsuran) includes DV-protected persons",
           ("jumin-1.0-3.4-R001",)),
    Defect("form_joshuhyo_dv_leak",
           "the 除票 forms of a DV-protected person who moved out are issued (protection dropped at the 前住所地)",
           ("jumin-1.0-3.4-R009",)),
    Defect("form_unknown_date_fixed",
           "forms print every 不詳 birth date as the fixed text 「年月日不詳」 instead of the recorded 不詳 form",
           ("jumin-1.0-5.1-R003",)),
    Defect("form_era_boundary",
           "forms print 平成 from 1989-01-07 (the last day of 昭和) instead of 1989-01-08",
           ("jumin-1.0-5.1-R003",)),
    Defect("form_tsusho_dropped",
           "forms leave out a foreign resident's 通称 (the 別紙 still lists it)",
           ("jumin-1.0-5.1-R003",)),
    Defect("form_omission_ignored",
           "forms print the 個人番号 even when its omission (省略) was asked for",
           ("jumin-1.0-5.1-R001",)),
    Defect("form_certification_missing",
           "forms print no 認証文",
           ("jumin-1.0-5.1-R002", "jumin-1.0-5.1-R004")),
    # The 認証文 on page 1 of a form whose 別紙 follows is before the 別紙 too (R005).
    Defect("form_certification_every_page",
           "forms print the 認証文 on every page instead of the last page only",
           ("jumin-1.0-5.1-R004", "jumin-1.0-5.1-R005")),
    # The 別紙 after the 認証文's page leaves the last page without it (R004).
    Defect("form_tsusho_sheet_after_certification",
           "forms print the 通称 history 別紙 after the 認証文's page, which is then not the last page",
           ("jumin-1.0-5.1-R004", "jumin-1.0-5.1-R005")),
    Defect("form_removed_in_household",
           "a 世帯全員 form lists members whose record was removed (moved out, deceased) with the current ones",
           ("jumin-1.0-5.1-P001",)),
    Defect("form_member_order_by_age",
           "a 世帯全員 form lists the 世帯主, then the other members by age (oldest first), instead of the order "
           "of 5.2",
           _MEMBER_ORDER),
    Defect("form_furigana_hiragana",
           "forms print the furigana of 氏名 and 通称 in hiragana",
           ("jumin-1.0-5.3-P003",)),
    # The 住所 item is then not printed as recorded either (5.1 R003).
    Defect("form_katagaki_dropped",
           "forms leave the 方書 out of the 住所",
           ("jumin-1.0-5.1-R003", "jumin-1.0-5.4-R001")),
    Defect("form_issue_number_format",
           "forms print the 発行番号 as YYYYMMDD-serial, without municipality and page/total",
           ("jumin-1.0-5.5-R001", "jumin-1.0-5.5-R002", "jumin-1.0-5.5-R003", "jumin-1.0-5.5-R004",
            "jumin-1.0-5.5-R005", "jumin-1.0-5.5-R006")),
    Defect("form_issue_number_repeated",
           "every copy of a form carries the same 発行番号",
           ("jumin-1.0-5.5-R007",)),
    Defect("form_official_use_ignored",
           "forms asked for as 公用 do not print 「公用」",
           ("jumin-1.0-5.7-R001",)),
    Defect("form_data_stale",
           "the form's data (/forms/{id}/data) counts one page more than the PDF prints",
           ("jumin-1.0-5.1-R003",)),
    # Driver defects (conformance/reference/driver.py): realistic bugs only the driver's scenarios reach.
    Defect("todoke_idou_swapped",
           "the driver stores 届出年月日 as 異動日 and 異動日 as 届出年月日 on every 異動 with a 届出",
           (
            "jumin-1.0-1.1.1-R010",
            "jumin-1.0-1.1.1-R012",
            "jumin-1.0-1.1.1-R013",
            "jumin-1.0-1.1.1-R025",
            "jumin-1.0-1.1.1-R026",
            "jumin-1.0-1.2.1-R004",
            "jumin-1.0-1.2.1-R005",
            "jumin-1.0-1.2.1-R006",
            "jumin-1.0-1.2.2-R005",
            "jumin-1.0-1.2.2-R007",
            "jumin-1.0-1.2.2-R015",
            "jumin-1.0-4.0.1-R002",
            "jumin-1.0-4.0.3-R001",
            "jumin-1.0-4.1.0.2-R001",
            "jumin-1.0-4.1.1.1-R002",
            "jumin-1.0-4.1.3.0.1-R001",
            "jumin-1.0-4.2.1.2-R001",
           )),
    Defect("correction_blanks_items",
           "a correction (職権修正, 軽微な修正, 誤記修正) appends a history row with every item it does not change "
           "blank",
           # Not 10.6 R001: the export checks judge the snapshot fetched when the data is loaded,
           # before any scenario's correction (session.py), so the blanked rows never reach them.
           (
            "jumin-1.0-1.1.1-R004",
            "jumin-1.0-1.1.1-R007",
            "jumin-1.0-1.1.1-R010",
            "jumin-1.0-1.1.1-R011",
            "jumin-1.0-1.1.1-R012",
            "jumin-1.0-1.1.1-R013",
            "jumin-1.0-1.1.1-R015",
            "jumin-1.0-1.1.1-R038",
            "jumin-1.0-1.1.1-R043",
            "jumin-1.0-1.1.2-R003",
            "jumin-1.0-1.1.2-R004",
            "jumin-1.0-1.1.2-R012",
            "jumin-1.0-1.1.2-R014",
            "jumin-1.0-1.1.2-R016",
            "jumin-1.0-1.1.2-R027",
            "jumin-1.0-1.1.2-R031",
            "jumin-1.0-1.1.2-R032",
            "jumin-1.0-1.1.2-R033",
            "jumin-1.0-1.1.2-R034",
            "jumin-1.0-1.1.2-R062",
            "jumin-1.0-1.1.2-R069",
            "jumin-1.0-1.1.6-R001",
            "jumin-1.0-1.2.1-R013",
            "jumin-1.0-1.2.1-R017",
            "jumin-1.0-1.2.2-R027",
            "jumin-1.0-1.2.2-R029",
            "jumin-1.0-1.2.2-R030",
            "jumin-1.0-1.2.2-R031",
            "jumin-1.0-1.2.2-R032",
            "jumin-1.0-1.2.2-R033",
            "jumin-1.0-4.2.3.1-R001",
            "jumin-1.0-4.3.2-R001",
           )),
    Defect("zokugara_truncated",
           "the driver shows a 続柄 chain by its last relation only (子の子 as 子)",
           (
            "jumin-1.0-1.1.11-R003",
            "jumin-1.0-1.1.11-R004",
           )),
    Defect("household_order_wrong",
           "the driver lists a 世帯's members by 宛名番号 instead of the order of 5.2",
           (
            "jumin-1.0-5.2-R004",
            "jumin-1.0-5.2-R006",
            "jumin-1.0-5.2-R007",
            "jumin-1.0-5.2-R008",
            "jumin-1.0-5.2-R009",
            "jumin-1.0-5.2-R011",
            "jumin-1.0-5.2-R014",
            "jumin-1.0-5.2-R015",
            "jumin-1.0-5.2-R016",
            "jumin-1.0-5.2-R018",
            "jumin-1.0-5.2-R020",
            "jumin-1.0-5.2-R021",
            "jumin-1.0-5.2-R022",
            "jumin-1.0-5.2-R025",
            "jumin-1.0-5.2-R026",
            "jumin-1.0-5.2-R029",
            "jumin-1.0-5.2-R030",
            "jumin-1.0-5.2-R031",
            "jumin-1.0-5.2-R032",
            "jumin-1.0-5.2-R033",
            "jumin-1.0-5.2-R034",
           )),
    Defect("heisei_from_0107",
           "dates are shown with 平成 starting on 1989-01-07 (the last day of 昭和) instead of 1989-01-08",
           (
            "jumin-1.0-1.1.9-R001",
            "jumin-1.0-1.1.9-R002",
           )),
    # Found by the model of 住民記録 only (conformance/oracles/jumin_model): the scenario idou.setai_henko
    # splits a member off and merges him back under the same 世帯主, where the kept name is right.
    Defect("setai_nushi_name_kept",
           "世帯分離 and 世帯合併 keep each member's 世帯主氏名 instead of the 世帯主 of the 世帯 they are in",
           ("jumin-1.0-1.1.1-R008",)),
    Defect("tsusho_tokubetsu_dropped",
           "the 通称 of a 特別永住者 is empty on the per-person endpoints (resident, history, household), "
           "though the list and the export still carry it",
           ("jumin-1.0-1.1.2-R006",)),
    # 後期高齢者医療 beyond the start by age (conformance/reference/koki_korei.py, checks/koki_scenarios.py):
    # each changes one field of the answer's 後期高齢者医療 (被保険者, 資格取得日 or 資格喪失日).
    Defect("koki_korei_lost_within_prefecture",
           "後期高齢者医療: a move to another municipality of the same prefecture ends 資格 (the municipality is "
           "taken for the 広域連合's 区域)",
           ("koki_korei-2025.12-1.50.0.1.0-R001", "koki_korei-2025.12-1.50.0.1.1-R001")),
    Defect("koki_korei_certification_ignored",
           "後期高齢者医療: a person of 65 to 74 with the 広域連合's 障害認定 is not shown as 被保険者",
           ("koki_korei-2025.12-1.50.0.1.0-R001", "koki_korei-2025.12-1.50.0.1.2-R001")),
    Defect("koki_korei_welfare_ignored",
           "後期高齢者医療: a person of a household receiving 生活保護 is still shown as 被保険者",
           ("koki_korei-2025.12-1.51.0.1.0-R001", "koki_korei-2025.12-1.51.0.1.1-R001")),
    Defect("koki_korei_acquired_on_notification",
           "後期高齢者医療: a person of 75 or more who moves in acquires 資格 on the 届出年月日 instead of the day "
           "of the move",
           ("koki_korei-2025.12-1.52.0.1.2-R001",)),
    Defect("koki_korei_welfare_end_next_day",
           "後期高齢者医療: 資格 starts the day after 生活保護 ends instead of on that day",
           ("koki_korei-2025.12-1.52.0.1.0-R001",)),
    Defect("koki_korei_certified_next_month",
           "後期高齢者医療: 資格 by a 障害認定 starts on the first of the month after the 認定 instead of its day",
           ("koki_korei-2025.12-1.52.0.1.3-R001",)),
    Defect("koki_korei_lost_on_move_out_day",
           "後期高齢者医療: 資格 is lost on the last day of the address (the death, the 転出) instead of the day after",
           ("koki_korei-2025.12-1.53.0.1.0-R001",)),
    Defect("koki_korei_lost_day_after_on_move",
           "後期高齢者医療: 資格 is lost the day after a move to another prefecture even when the address there "
           "began on the move day (no ただし書)",
           ("koki_korei-2025.12-1.53.0.1.0-R002",)),
    Defect("koki_korei_welfare_lost_day_after",
           "後期高齢者医療: 資格 is lost the day after 生活保護 starts instead of on that day",
           ("koki_korei-2025.12-1.53.0.2.0-R001",)),
)


def parse_defects(names: Iterable[str]) -> frozenset[str]:
    """The defect names, checked; an unknown name is a ``UsageError`` naming the close one, if any."""
    chosen = frozenset(names)
    for name in sorted(chosen):
        if name not in DEFECTS:
            known = sorted(DEFECTS)
            raise UsageError(f"unknown defect {name!r}{did_you_mean(name, known)}; known defects: {', '.join(known)}")
    return chosen
