"""Each named defect changes exactly the behaviour it describes, and nothing else.

One set of probes (documents, certificates, lists, the export, a move-in, a correction, each domain's
worked examples) is taken from the clean reference and from the reference with each defect: exactly the
probes listed for the defect differ. The probes are in segments (``SEGMENTS``), each on a reference of its
own; a segment whose answers never asked whether a defect is on (``AskedDefects``) cannot change with it on,
so a defect's probe runs only the segments that asked about it. Then one test per defect shows the changed
behaviour itself. The README's test command probes a sample of the defects covering every probe and domain
(``readme_probes``); the scheduled set (tests/scheduled.py), which CI runs, probes the others.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
import requests
from asked_defects import AskedDefects
from inprocess import in_process_client

from conformance import clock
from conformance.catalog.models import DOMAIN_SLUGS
from conformance.checks import scenarios
from conformance.checks.scenarios import Scenario
from conformance.domains.hojin_juminzei import checks as hojin_scenarios
from conformance.domains.inkan import checks as inkan_scenarios
from conformance.domains.jido_fuyo_teate import checks as fuyo_scenarios
from conformance.domains.jido_teate import checks as jido_scenarios
from conformance.domains.kaigo import checks as kaigo_scenarios
from conformance.domains.kaigo import forms as kaigo_forms
from conformance.domains.keijidosha_zei import checks as keiji_scenarios
from conformance.domains.kenko_kanri import checks as kenko_scenarios
from conformance.domains.kenko_kanri import edges as kenko_edges
from conformance.domains.kodomo_kosodate import benefits as kodomo_query
from conformance.domains.kodomo_kosodate import checks as kodomo_scenarios
from conformance.domains.kojin_juminzei import checks as kojin_scenarios
from conformance.domains.koki_korei import checks as koki_scenarios
from conformance.domains.koki_korei import forms as koki_forms
from conformance.domains.kokuho import checks as kokuho_scenarios
from conformance.domains.kokuho import forms as kokuho_forms
from conformance.domains.kokuho import household as kokuho_household
from conformance.domains.kokumin_nenkin import checks as nenkin_scenarios
from conformance.domains.koseki import checks as koseki_scenarios
from conformance.domains.koseki import driver as koseki_driver
from conformance.domains.koseki_fuhyo import checks as fuhyo_scenarios
from conformance.domains.koseki_fuhyo import forms as fuhyo_forms
from conformance.domains.kotei_shisan_zei import checks as kotei_scenarios
from conformance.domains.kotei_shisan_zei import provisos as kotei_provisos
from conformance.domains.seikatsu_hogo import checks as seikatsu_scenarios
from conformance.domains.senkyo import forms as senkyo_forms
from conformance.domains.senkyo.disqualification import BRIBERY, ELECTION_CRIME, FINED, NOTIFIED_BOTH, SUSPENDED
from conformance.domains.senkyo.elections import (
    AT_BASE_DAY,
    CAMPAIGN_REGISTRATION,
    CONFIRMATION_OPEN,
    DISMISSAL_NOTIFIED,
    IN_ELECTION,
    INSPECTION_CLOSED,
    OBJECTION_UPHELD,
    ON_REGISTRATION_DAY,
    PERMANENT,
    WEDNESDAY_REGISTRATION,
)
from conformance.domains.senkyo.inspection import (
    APPROVED,
    APPROVED_LACKING,
    GROUP_DESIGNEE,
    GROUP_WITHOUT_HANDLERS,
    INDIVIDUAL_DESIGNEE,
    JOINT_MEMBER,
    NOT_APPROVED,
    STATE_DESIGNEE,
)
from conformance.domains.senkyo.overseas import (
    DIED_ABROAD,
    INDICATED_ABROAD,
    LOCAL_CAMPAIGN_ABROAD,
    NOT_YET_RETURNED,
    OVERSEAS_APPLIED,
    OVERSEAS_CONFIRMATION_FIVE_DAYS,
    OVERSEAS_DISMISSAL_NOTIFIED,
    OVERSEAS_INSPECTION_CLOSED,
    OVERSEAS_OBJECTION_IN_ELECTION,
    OVERSEAS_OBJECTION_LOCAL,
    OVERSEAS_PERMANENT,
    OVERSEAS_WRONGLY_REGISTERED,
    RETURN_UNQUALIFIED,
    RETURNED,
    STRUCK_OFF_ABROAD,
    TRANSFER_APPLIED,
    TRANSFERRED,
)
from conformance.domains.senkyo.registration import (
    DIED,
    LAPSED,
    LATE_NOTICE,
    LATE_NOTICE_REGISTERED,
    LEAP_DAY_BIRTH,
    MERGED,
    MOVED,
    MOVED_BEFORE_REGISTRATION,
    NOT_YET_STRUCK_OFF,
    RECENT,
    SEVENTEEN_MOVED_OUT,
    SEVENTEEN_TOO_LATE,
    STRUCK_OFF,
    STRUCK_OFF_MONTH_END,
    WITHIN_PREFECTURE,
    WITHIN_PREFECTURE_MOVE_DAY,
    WRONGLY_REGISTERED,
)
from conformance.domains.shogaisha_fukushi import checks as shogaisha_scenarios
from conformance.domains.shugaku import checks as shugaku_scenarios
from conformance.domains.shugaku import edges as shugaku_edges
from conformance.domains.shugaku import events as shugaku_events
from conformance.domains.shugaku import forms as shugaku_forms
from conformance.domains.shugaku import people as shugaku_people
from conformance.embedded import start_reference, town_store
from conformance.errors import UsageError
from conformance.oracles.identifiers import is_valid_m11w2_7, m11w2_7_check_digit
from conformance.targets.http import RequestsHttpClient
from conformance.targets.wsgi import IN_PROCESS, WsgiAdapter
from conformance.testdata.town import TOWN_CODE, default_town
from conformance_reference.app import API_PREFIX, ReferenceApp
from conformance_reference.defects import DEFECTS, Defect, parse_defects
from conformance_reference.jumin.storage import Store
from conformance_reference.server import RunningReference

Row = Mapping[str, str]
STATUTE_DOMAINS = tuple(d for d in DOMAIN_SLUGS if d not in ("jumin", "kyotsu"))
ROWS = default_town()
MOVE_IN: dict[str, Any] = {
    "氏名": "見本　花子", "氏名_フリガナ": "ミホン　ハナコ", "生年月日": "1985-06-01", "性別": "2",
    "住民種別": "1", "住所_都道府県": "静岡県", "住所_市区町村": "見本町", "住所_町字": "栄町",
    "住所_番地号表記": "1番地", "異動日": "2020-09-01",
}
CORRECTION = {"項目": "住所_方書", "値": "見本荘２０１", "異動日": "2020-09-03"}


def find(predicate: Callable[[Row], bool]) -> Row:
    return next(row for row in ROWS if predicate(row))


def current(row: Row) -> bool:
    return row["住民状態"] == "1" and row["支援措置対象フラグ"] == "0"


JAPANESE = find(lambda r: current(r) and r["住民種別"] == "1" and r["続柄"] == "世帯主")
TSUSHO = find(lambda r: current(r) and r["通称"] != "" and r["第30条45規定区分"] == "2")
FOREIGN = find(lambda r: current(r) and r["第30条45規定区分"] == "1" and r["通称"] == "")
GRANDCHILD = find(lambda r: current(r) and r["続柄"] == "子の子")
PROTECTED = find(lambda r: r["支援措置対象フラグ"] == "1" and r["住民状態"] == "1")  # the town also has moved-out ones
UNKNOWN_BIRTH = find(lambda r: current(r) and r["生年月日_不詳表記"] == "昭和30年頃")
ERA_1989 = find(lambda r: current(r) and r["生年月日"] == "1989-01-07")
KATAGAKI = find(lambda r: current(r) and r["住所_方書"] != "")
MIXED_HEAD = find(lambda r: current(r) and r["続柄"] == "世帯主" and any(
    o["世帯番号"] == r["世帯番号"] and o["支援措置対象フラグ"] == "1" for o in ROWS))
PARENTS_HEAD = find(lambda r: current(r) and r["続柄"] == "世帯主" and any(
    o["世帯番号"] == r["世帯番号"] and o["続柄"] == "父" for o in ROWS) and any(
    o["世帯番号"] == r["世帯番号"] and o["続柄"] == "妻" for o in ROWS))
REMOVED_HEAD = find(lambda r: current(r) and r["続柄"] == "世帯主" and any(
    o["世帯番号"] == r["世帯番号"] and o["住民状態"] == "2" for o in ROWS))
MOVED_PROTECTED = find(lambda r: r["支援措置対象フラグ"] == "1" and r["住民状態"] == "2")
#: Form requests whose data (``/forms/{id}/data``) the form defects change (docs/forms.md).
FORM_PROBES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("juminhyo_kojin", {"宛名番号": UNKNOWN_BIRTH["宛名番号"]}),
    ("juminhyo_kojin", {"宛名番号": ERA_1989["宛名番号"]}),
    ("juminhyo_kojin", {"宛名番号": TSUSHO["宛名番号"], "フリガナ": True}),
    ("juminhyo_kojin", {"宛名番号": KATAGAKI["宛名番号"], "省略": ["kojin_bango"], "公用": True}),
    ("juminhyo_setai", {"宛名番号": MIXED_HEAD["宛名番号"]}),
    ("juminhyo_setai", {"宛名番号": PARENTS_HEAD["宛名番号"]}),
    ("juminhyo_setai", {"宛名番号": REMOVED_HEAD["宛名番号"]}),
    ("juminhyo_setai", {"宛名番号": PARENTS_HEAD["宛名番号"]}),
    ("joshuhyo", {"宛名番号": MOVED_PROTECTED["宛名番号"]}),
    ("etsuran", {"町字": PROTECTED["住所_町字"]}),
)

#: The probes each defect changes; every other probe must be identical to the clean server's.
AFFECTS: dict[str, set[str]] = {
    "dv_certificate_issued": {"certificate_dv", "forms"},
    "dv_inspection_leak": {"inspection"},
    "tsusho_dropped": {"tsusho_resident", "tsusho_history", "export", "fixed_export"},
    "bad_check_digit": {"move_in", "export_after"},
    "cp932_export": {"export", "export_after"},
    "orphan_household": {"households_export"},
    "export_duplicate_record": {"export", "export_after"},
    "export_future_date": {"export", "export_after"},
    "export_unknown_municipality": {"export", "export_after"},
    # The test town's 外国人住民 under 支援措置 with 他業務参照不可 (issue 50, E3): the loaded town's export.
    "export_foreign_marks_dropped": {"export"},
    "export_stale_rows": {"export_after"},
    "oplog_queries_missing": {"oplog"},
    "oplog_no_operator": {"oplog"},
    "printlog_missing": {"oplog"},
    "extract_sex_ignored": {"extract"},
    "extract_open_range_ignored": {"extract"},
    "extract_japanese_only_default": {"extract"},
    "extract_birth_end_exclusive": {"extract"},
    "extract_birth_start_exclusive": {"extract"}, "extract_district_within": set(),
    # The loaded town has no 転出予定者 (tests/domains/jumin/test_extraction.py records one a month ahead).
    "extract_planned_out_dropped": set(),
    # The probe's draws leave the loaded town's 不詳 persons enough others to draw (tests/domains/jumin/
    # test_extraction.py registers one alone in a 地区).
    "extract_unknown_birth_excluded": set(),
    "suppressed_list_heads_only": {"suppressed"},
    **{name: {"support"} for name in (
        "shien_moshidesha_update_ignored", "shien_awasete_update_ignored", "shien_kagaisha_update_ignored",
        "shien_yokushi_jusho_dropped", "shien_tenso_dropped", "shien_kikan_update_ignored", "shien_kari_dropped",
        "shien_atena_dropped")},
    "printlog_pages_wrong": {"oplog"},
    # The probe's third operation on its person (a refused 転居) rotates its 照会 out of the 検索実行一覧.
    "oplog_rotated": {"oplog"},
    **{name: {"oplog"} for name in (
        "authlog_failures_missing", "authlog_no_result", "authlog_search_inverted", "errorlog_missing",
        "errorlog_no_code",
        "loganalysis_failures_inverted", "loganalysis_counts_distinct", "loganalysis_searches_only_changes")},
    "fixed_char_padding": {"fixed_export"},
    "fixed_export_dv_marks_dropped": {"fixed_export"},
    "fixed_export_japanese_only": {"fixed_export"}, "fixed_export_skips_unencodable": set(),
    # The loaded town's 除票 (tests/domains/jumin/test_fixed_persons.py).
    "fixed_export_skips_removed": {"fixed_export"},
    # Issue 67: values of the fixed-length records only (tests/domains/jumin/test_fixed_values.py).
    **{name: {"fixed_export"} for name in (
        "fixed_export_foreign_birth_wareki", "fixed_export_katagaki_cut", "fixed_export_name_shift")},
    # The loaded town has no 転出予定者 (tests/domains/jumin/test_fixed_persons.py records one).
    "fixed_export_planned_out_dropped": set(),
    "fixed_export_planned_date_dropped": set(),  # tests/domains/jumin/test_fixed_values.py records one
    "fixed_export_support_end_blank": set(),  # tests/domains/jumin/test_fixed_values.py registers one
    # The loaded town's names are CP932's (tests/domains/jumin/test_fixed_values.py registers one with 𠮷 and an IVS).
    "fixed_export_astral_as_two": set(),
    # Every 世帯主 of the town holds the smallest 宛名番号 of the 世帯 (tests/domains/jumin/test_households_file.py).
    "households_head_first_number": set(),
    "foreign_birth_wareki": {"certificate_foreign", "certificate_tsusho"},
    "certificate_sex_dropped": {"certificate_japanese", "certificate_grandchild", "certificate_tsusho",
                                "certificate_foreign"},
    # No probe asks a 世帯全員 写し of a 世帯 a member left (the model's machine does: test_model_machine.py).
    "certificate_household_removed_listed": set(),
    # No probe asks a 世帯全員 写し (the model's machine does: test_model_machine.py, the fixed example generations).
    "certificate_household_by_atena": set(),
    "prohibited_zokugara": {"grandchild", "household", "certificate_grandchild", "export", "fixed_export"},
    "history_deleted_on_correction": {"correction", "export_after"},
    "openapi_violation": {"resident", "tsusho_resident", "grandchild", "household", "move_in"},
    **{name: {"qualifications"} for name in (
        "juminzei_current_address", "kokuho_bills_loss_month", "kaigo_on_birthday", "koki_korei_day_before",
        "jido_teate_no_15day_rule", "dv_period_not_one_year", "dv_extension_from_old_end",
        "removal_on_planned_date")},
    # The alert on the 支援措置's last day: no probe asks a protected person on that day (its own test:
    # tests/domains/jumin/test_jumin.py asks the j440 example on it).
    "dv_ended_alert_on_last_day": set(),
    # 個人住民税 (conformance_reference/kojin_juminzei/tax_rules.py; each defect's own test:
    # tests/domains/kojin_juminzei/test_tax_scenarios.py).
    **{name: {"qualifications"} for name in (
        "juminzei_no_shotokuwari", "juminzei_kintowari_surcharge_kept", "juminzei_current_year_income",
        "juminzei_designated_city_rate", "juminzei_january_of_same_year", "juminzei_minor_on_april_first",
        "juminzei_fifteen_on_levy_date", "juminzei_aid_through_haishi", "juminzei_house_untaxed",
        "juminzei_deductions_ignored", "juminzei_shotokuwari_on_total", "juminzei_dividends_always_included",
        "juminzei_share_gains_always_excluded", "juminzei_loss_four_years", "juminzei_senjusha_fixed_only",
        "juminzei_deemed_levy_ignored", "juminzei_senjusha_without_declaration", "juminzei_senjusha_salary_ignored",
        "juminzei_separate_tax_aid_on_payment_day", "juminzei_blue_senjusha_filed_only",
        "juminzei_low_income_limit_exclusive", "juminzei_kintowari_limit_ignored", "juminzei_fifteen_death_ignored",
        "juminzei_blue_unavoidable_ignored", "juminzei_leap_birthday_passed", "juminzei_foreign_skipped",
        "juminzei_levy_date_fiscal_start", "juminzei_rate_unlevied")},
    # 国民年金 (conformance_reference/kokumin_nenkin/pension.py; each defect's own test:
    # tests/domains/kokumin_nenkin/test_nenkin_scenarios.py).
    **{name: {"qualifications"} for name in (
        "nenkin_foreign_excluded", "nenkin_acquired_on_birthday", "nenkin_every_29th_as_leap_day",
        "nenkin_entry_next_day", "nenkin_lost_on_death_day",
        "nenkin_lost_on_domestic_move", "nenkin_lost_after_sixty", "nenkin_lost_on_entry_at_sixty",
        "nenkin_period_loss_month",
        "nenkin_period_same_month_dropped", "nenkin_period_none_after_move_in", "nenkin_exempt_from_month_of",
        "nenkin_period_move_in_month_kept", "nenkin_period_after_move_in_at_sixty",
        "nenkin_second_as_first", "nenkin_third_as_first", "nenkin_third_at_any_age", "nenkin_third_before_second",
        "nenkin_second_until_sixty", "nenkin_second_on_loss_day", "nenkin_second_from_day_after_move_in",
        "nenkin_employment_acquired_at_twenty", "nenkin_employment_acquired_after_twenty",
        "nenkin_pension_loss_next_day", "nenkin_pension_acquired_at_twenty", "nenkin_employment_loss_next_day")},
    # No probe person moves to another municipality before sixty in a 年度 reaching it: the scenario checks catch it.
    "nenkin_period_past_sixty_after_move": set(),
    # 介護保険 (conformance_reference/rules.py kaigo; each defect's own test:
    # tests/domains/kaigo/test_kaigo_scenarios.py).
    **{name: {"qualifications"} for name in (
        "kaigo_insured_after_leaving", "kaigo_entry_next_day", "kaigo_lost_on_death_day", "kaigo_lost_after_move_day",
        "kaigo_insured_on_move_day", "kaigo_bills_second_insured", "kaigo_premium_stops_at_75",
        "kaigo_second_without_medical", "kaigo_second_from_fortieth_birthday", "kaigo_second_joining_next_day",
        "kaigo_second_lost_next_day", "kaigo_facility_measure_ignored", "kaigo_facility_chain_last_town",
        "kaigo_certification_from_decision", "kaigo_deadline_counts_application_day")},
    # The sending side of 介護保険法 第13条第1項: the probes send no 介護保険 record of a move out into a facility (its
    # own test: tests/domains/kaigo/test_kaigo_scenarios.py, LEFT_FOR_FACILITY).
    "kaigo_facility_sender_dropped": set(), "kaigo_facility_sender_measure_ignored": set(),
    # A 要介護認定 申請 not decided yet: no probe sends one (its own test: PENDING).
    "kaigo_certification_effective_before_decision": set(),
    # 第2号 on the day 65 is reached, on the move-in day and after a move out: not among the probes (each defect's own
    # test: tests/domains/kaigo/test_kaigo_scenarios.py, SIXTY_FIVE, MOVED_IN_SECOND and LEFT_SECOND).
    "kaigo_second_until_sixty_fifth_birthday": set(), "kaigo_second_day_after_move_in": set(),
    "kaigo_second_kept_after_leaving": set(),
    # The 延期 of 介護保険法 第27条第11項ただし書: the probes send no 介護保険 record of one (their own test:
    # tests/domains/kaigo/test_kaigo_scenarios.py, the worked examples POSTPONED and POSTPONED_LATE).
    "kaigo_postponement_ignored": set(), "kaigo_late_postponement_accepted": set(),
    # 国民健康保険 by age (conformance_reference/rules.py; each defect's own test:
    # tests/domains/kokuho/test_kokuho_scenarios.py).
    **{name: {"qualifications"} for name in (
        "kokuho_kept_after_75", "kokuho_copay_school_age_at_birthday", "kokuho_copay_seventy_month_itself",
        "kokuho_copay_seventy_by_birthday", "kokuho_loss_always_next_day", "kokuho_municipal_unit",
        "kokuho_welfare_ignored", "kokuho_billed_after_75", "kokuho_employee_insurance_ignored",
        "kokuho_day_labourer_excluded", "kokuho_union_next_day", "kokuho_facility_measure_ignored",
        "kokuho_facility_chain_last_town", "kokuho_day_labourer_book_ignored",
        "kokuho_day_labourer_book_return_ignored", "kokuho_kaigo_share_from_birthday",
        "kokuho_kaigo_share_without_kokuho")},
    # A 停止 of the 生活保護: the probes send no 国民健康保険 record (its own test: tests/domains/kokuho/
    # test_kokuho_scenarios.py, the worked examples WELFARE_STOPPED_DAY and WELFARE_RESUMED_DAY).
    "kokuho_welfare_stop_ignored": set(),
    # The 資格's days around the 生活保護 (第7条, 第8条第2項; their own test: tests/domains/kokuho/
    # test_kokuho_scenarios.py, the worked examples STOP_ACQUIRED and WELFARE_FIRST_DAY): the probes' 生活保護 begins
    # (the 喪失日 of 第8条第2項 changes) but is never stopped.
    "kokuho_stop_acquired_next_day": set(), "kokuho_welfare_lost_day_after": {"qualifications"},
    # The sending side of 国民健康保険法 第116条の2第1項: the probes send no record of a move out into a 病院等 (its own
    # test: tests/domains/kokuho/test_kokuho_scenarios.py, LEFT_FOR_HOSPITAL).
    "kokuho_facility_sender_dropped": set(),
    # Who owes the 国保 保険料: the probes ask the 世帯主 only, whose own answer the defect leaves alone (its own test,
    # the 世帯員 asked too: tests/domains/kokuho/test_kokuho_household.py).
    "kokuho_payer_insured_member": set(),
    # 国保 ended the day before the 75th birthday: no probe asks about that day (its own test:
    # tests/domains/kokuho/test_kokuho_household.py, the 国保 and 後期 parts' agreement).
    "kokuho_excluded_from_eve": set(),
    # A 再転入 (a second stay under the same 宛名番号): no probe's person comes back (their own tests, the fixed
    # corpus's 再転入: tests/domains/test_world_stays.py).
    "kokuho_first_stay_kept": set(), "latest_stay_only": set(), "first_stay_forgotten_kaigo": set(),
    "first_stay_forgotten_kokuho": set(), "return_keeps_first_jido_claim": set(),
    "return_child_off_gakureibo": set(), "return_child_move_not_notified": set(), "kenko_first_stay_forgotten": set(),
    # A 転出 recorded after the fact (no 転出予定年月日): no probe's person has one (its own test:
    # tests/domains/kenko_kanri/test_kenko_scenarios.py).
    "kenko_unplanned_move_out_resident": set(),
    # A 生年月日 不詳 of a known 年 or 月: no probe's person has one (its own test, the fixed corpus's: tests/domains/
    # test_world_unknown_births.py).
    "unknown_birth_ignored": set(),
    # 児童手当 (conformance_reference/rules.py; each defect's own test:
    # tests/domains/jido_teate/test_jido_scenarios.py).
    **{name: {"qualifications"} for name in (
        "jido_teate_child_end_from_birthday", "jido_teate_three_from_age_day", "jido_teate_paid_in_own_month",
        "jido_teate_prorated_last_month", "jido_teate_eligible_abroad", "jido_teate_adults_ignored",
        "jido_teate_aid_not_facility", "jido_teate_foster_not_facility", "jido_teate_mother_facility_always",
        "jido_teate_disabled_any_household", "jido_teate_relief_not_facility", "jido_teate_facility_amount_flat",
        "jido_teate_certified_at_owner", "jido_teate_kept_after_move", "jido_teate_paid_without_claim",
        "jido_teate_guardians_claimant_always", "jido_teate_parents_claimant_always",
        "jido_teate_separated_higher_earner", "jido_teate_move_dropped_by_birth", "jido_teate_payment_eldest_only",
        "jido_teate_last_period_unpaid")},
    # The probes' 外国人住民 have a 生年月日 and their 転入 no late 届出 (tests/domains/jumin/test_forms.py and
    # tests/domains/jido_teate/test_jido_readings.py show each).
    "form_foreign_unknown_birth_as_date": set(), "jido_teate_move_from_notification": set(),
    # 選挙人名簿 (conformance_reference/senkyo/elections.py; each defect's own test:
    # tests/domains/senkyo/test_senkyo_scenarios.py).
    **{name: {"qualifications"} for name in (
        "senkyo_national_needs_residence", "senkyo_local_from_notification", "senkyo_record_from_move_day",
        "senkyo_registered_monthly", "senkyo_moved_out_not_registered", "senkyo_no_indication_on_move_out",
        "senkyo_no_indication_at_registration", "senkyo_dead_not_struck_off", "senkyo_struck_off_early",
        "senkyo_struck_off_late_on_month_end", "senkyo_leap_day_birth_eighteen_late",
        "senkyo_prefecture_not_on_move_day",
        "senkyo_seventeen_deadline_next_month", "senkyo_seventeen_moved_out_left_out", "senkyo_fine_disqualifies",
        "senkyo_suspended_disqualified", "senkyo_bribery_five_years_ignored",
        "senkyo_election_crime_suspension_ignored", "senkyo_election_age_on_first", "senkyo_no_election_registration",
        "senkyo_schedule_on_base_day", "senkyo_prefecture_needs_town_residence", "senkyo_prefecture_months_day_after",
        "senkyo_overseas_area_months_from_application", "senkyo_transfer_needs_three_months_abroad",
        "senkyo_kept_after_transfer", "senkyo_overseas_struck_off_from_return_day",
        "senkyo_objection_counts_registration_day", "senkyo_objection_five_days_in_campaign",
        "senkyo_objection_extended_on_holiday", "senkyo_confirmation_extended_on_holiday",
        "senkyo_inspection_closed_until_election_day", "senkyo_overseas_suspended_in_local",
        "senkyo_overseas_objection_like_article_24", "senkyo_overseas_objection_no_election_day",
        "senkyo_overseas_no_indication_on_return", "senkyo_overseas_kept_after_death",
        "senkyo_confirmation_closed_in_window", "senkyo_overseas_inspection_open_in_window",
        "senkyo_overseas_confirmation_like_article_24", "senkyo_period_restarts_on_area_change",
        "senkyo_inspection_political_any_designee", "senkyo_inspection_approval_ignored",
        "senkyo_research_state_any_designee", "senkyo_research_joint_corporation_refused",
        "senkyo_research_individual_designee_refused", "senkyo_inspection_items_unchecked",
        "senkyo_corporation_items_unchecked", "senkyo_objection_decision_ignored",
        "senkyo_list_remade_per_election", "senkyo_minister_asked_after_struck_off",
        "senkyo_notice_only_when_arisen", "senkyo_wrong_registration_kept", "senkyo_overseas_wrong_registration_kept",
        "senkyo_supplementary_without_continuity", "senkyo_overseas_objection_registers_unqualified",
        "senkyo_dismissal_not_notified", "senkyo_overseas_dismissal_not_notified",
        "senkyo_overseas_list_remade_per_election", "senkyo_overseas_listed_after_return")},
    # 選挙人名簿抄本 as printed (each defect's own test: tests/domains/senkyo/test_senkyo_forms.py): the 名簿 itself
    # is right.
    "senkyo_shohon_era_year_off": {"senkyo_shohon"},
    "senkyo_shohon_new_address": {"senkyo_shohon"},
    "senkyo_shohon_not_corrected": {"senkyo_shohon"},
    "senkyo_shohon_zaigai_overseas_address": {"senkyo_shohon"},
    "senkyo_shohon_zaigai_not_corrected": {"senkyo_shohon"},
    # Who is on the 名簿, the 表示 (tests/domains/senkyo/test_senkyo_shohon_register.py): a 抄本 issued to a person
    # qualified but not yet registered, or struck off, or refused to one registered in an election; the 表示 on
    # every entry. The 投票区 printed: the probes'
    # persons live in 第一投票区's 町字, which the defect prints for everyone.
    "senkyo_shohon_before_registration": {"senkyo_shohon"},
    "senkyo_shohon_after_struck_off": {"senkyo_shohon"},
    "senkyo_shohon_indication_for_all": {"senkyo_shohon"},
    "senkyo_shohon_one_voting_district": set(),
    "senkyo_shohon_without_election": {"senkyo_shohon"},
    # The roll of one 投票区 read whole (each defect's own test: tests/domains/senkyo/test_senkyo_roll.py): no probe
    # reads the list.
    "senkyo_roll_previous_registration": set(), "senkyo_roll_every_district": set(),
    "senkyo_roll_page_repeats_row": set(), "senkyo_roll_without_indication": set(), "senkyo_roll_not_served": set(),
    # 第27条第1項's 表示 of a registered person barred by a sentence (tests/domains/senkyo/test_senkyo_indication.py):
    # the worked examples of 第11条's rules are such persons.
    "senkyo_no_indication_on_disqualification": {"qualifications"},
    # A death on 1月1日 itself: no probe person dies that day (its own test: tests/domains/kojin_juminzei/
    # test_tax_scenarios.py).
    "juminzei_levied_on_death_day": set(),
    # The per-person query's refusals (conformance/checks/refusals.py): no probe asks a refused question.
    "qualifications_unknown_answered": set(),
    "qualifications_parameters_defaulted": set(),
    # A 戸籍の附票の写し of a 戸籍 with a person under 支援措置: the probes' 戸籍 have none (the cross-domain machine's
    # fixed example does: tests/domains/test_world_dv.py).
    "fuhyo_copy_dv_leak": set(),
    "fuhyo_copy_dv_leak_after_move": set(),
    # A 帰化: the probes' persons have one 住民票 (the cross-domain machine's fixed example naturalizes one:
    # tests/domains/test_world_kika.py).
    "senkyo_nationality_from_first_record": set(),
    # A 法第30条の50 通知 (moj_notices): the probes send none (the cross-domain machine draws them:
    # tests/domains/test_world_zairyu.py).
    "kokuho_reacquired_on_stay_renewal": set(),
    # 健康管理's residents now hold a 職権消除 (住民状態 9: issue 66), whose 国保 part the probes read.
    "kokuho_lost_on_removal_day": {"qualifications"},
    # 児童手当's months of a 世帯主 whose whole 世帯 left (its 除票 made), and after the last 子's 3月31日: no probe's
    # 世帯主 has either (the cross-domain machine's families do: tests/domains/test_world_jido.py).
    "jido_end_month_lost_with_record": set(),
    "jido_end_month_open_after_last_child": set(),
    # 児童手当's 支給終了月 asked after both a move and the last 子's 3月31日: no probe's 世帯主 is asked so (its own
    # test: tests/domains/jido_teate/test_jido_issue66.py).
    "jido_teate_end_month_children_over_move": set(),
    # 児童手当's 支給終了月 asked in the year after the last 子's 3月31日: no probe's 世帯主 is asked so (its own test:
    # tests/domains/jido_teate/test_jido_issue66.py).
    "jido_teate_end_month_a_year_late": set(),
    # 児童手当's 支給終了月 of a move on a month's last day: no probe's 世帯主 moves so (its own test:
    # tests/domains/jido_teate/test_jido_issue66.py; blind round 3, 23).
    "jido_teate_end_month_day_after_move": set(),
    # A 施設入所等児童 born on 2月29日 turning three in the year asked: no probe is one (its own test, as above).
    "jido_teate_facility_leap_year_late": set(),
    # One 名簿 for the town (第20条第2項): the probes' registered persons live in 第一投票区's 町字 (its own test:
    # tests/domains/senkyo/test_senkyo_districts.py).
    "senkyo_one_voting_district": set(),
    # The driver defects change only what the driver shows (tests/scenarios/test_scenario_engine.py),
    # but the 通称 of a 特別永住者 on the per-person endpoints of the linkage API too.
    **{name: set() for name in (
        "todoke_idou_swapped", "correction_blanks_items", "zokugara_truncated", "household_order_wrong",
        "heisei_from_0107", "search_voiced_distinct", "search_small_kana_distinct", "search_long_mark_kept",
        "setai_nushi_name_kept", "blanks_accepted", "honseki_nashi_refused", "kyushi_delete_ignored",
        "kyushi_delete_furigana_kept", "kika_drops_support_mark",
        "kyushi_change_as_record", "kyushi_request_day_dropped", "return_drops_kyushi_tsusho",
        "keibi_name_refused", "keibi_machiaza_refused", "keibi_banchi_katagaki_refused", "art_30_47_as_domestic",
        "tennyu_newborn_as_birth", "shisso_notice_day_dropped",
        "tenkyo_overwrites_history", "correction_layout_items_only",
        # 4.0.8 仮登録 (reference/kari.py): only a 仮登録 shows them, and the probes enter none.
        "kari_committed_at_once", "kari_linkage_leak", "kari_certificate_leak", "kari_cancel_ignored",
        "kari_correct_ignored", "kari_selection_ignored", "kari_commit_lost", "out_address_dropped",
        "unknown_date_text_fixed", "unknown_date_flag_dropped", "unknown_date_not_held",
        "joshuhyo_reason_kojo", "joshuhyo_rebuilt_from_notice", "joshuhyo_next_address_dropped",
        "joshuhyo_notice_date_dropped", "joshuhyo_removal_date_dropped", "adoption_destination_required",
        # 住基ネット CS 連携 (reference/cs.py): only the driver's cs.* operations show them.
        "cs_honnin_tenkyo_dropped", "cs_order_reversed", "cs_resend_reason_ignored", "cs_fuhyo_kokugai_missing",
        "cs_tennyu_tsuchi_missing", "cs_sofusaki_missing", "cs_bango_request_missing", "cs_bango_import_ignored",
        "cs_bango_change_not_sent", "cs_tokurei_ignored", "cs_tennyu_tsuchi_not_applied",
        "cs_tennyu_tsuchi_first_wins", "cs_bango_shoribi_dropped",
        # 9.1, 9.3, 9.7 バッチ処理 (reference/batch.py): only the driver's batch.*, archive.person and
        # address.bulk_change show them, and the probes call none.
        "batch_schedule_month_end_31", "batch_params_not_kept", "batch_edit_unmarked", "batch_error_code_missing",
        # Three runs with parameters given, carried and edited: the model's fixed example ``batches``.
        "batch_params_given_only_saved", "batch_edit_marks_kept",
        "joshuhyo_archive_year_only", "joshuhyo_archive_kept", "bulk_change_head_only", "bulk_honseki_not_written",
        # A 除票 of two rows moved, then asked of the linkage API; a 2月29日's 除票 on 3月1日 of its fifth year: the
        # model's fixed example ``archive``.
        "joshuhyo_archive_latest_only", "archive_linkage_answered", "joshuhyo_archive_leap_day_late",
        # A 除票 of 職権消除 past five years: the fixed example ``archive`` too (the third blind round of issue 67, 18).
        "joshuhyo_archive_shokken_skipped",
        "bulk_kari_commits", "bulk_change_all_or_nothing", "bulk_change_cs_as_tenkyo", "seinen_flag_dropped",
        "seinen_notice_to_own_town", "bulk_change_not_sent", "archive_lists_current",
        # Printed notices of chapter 4 (reference/notices.py): only the driver's notices.* show them.
        "juri_tsuchi_to_new_address", "juri_tsuchi_always_todokenin", "juri_tsuchi_moves_only",
        "notices_same_day_only", "jumin_code_notice_on_new_only", "tenshutsu_not_in_flow", "junzuru_as_tenshutsu",
        "tenshutsu_reissue_unmarked", "tenshutsu_reissue_latest_state", "michaku_list_skips_kojo",
        "michaku_destination_code_dropped",
        "shokken_kirokusho_reason_only",
        # 10.8 CSV取込 (reference/csv_import.py): only the driver's import.csv shows them.
        "csv_import_cr_kept", "csv_card_kyushi_dropped", "csv_todoke_first_namesake",
        # A quoted field, a 届出 of a 住民's 氏名 with another 生年月日: the model's fixed example ``csv_imports``.
        "csv_import_quotes_ignored", "csv_todoke_name_only",
        "cs_manual_mode_ignored", "cs_manual_items_dropped", "cs_link_error_hidden", "cs_refusal_ignored",
        "cs_koiki_not_sent", "cs_fuhyo_kannai_skipped", "cs_sofusaki_latest_only", "cs_fugo_request_lost",
        "cs_card_status_ignored", "cs_koshin_taisho_ignored", "cs_kyosho_ignored",
        "cs_serial_not_kept", "cs_consistency_name_only", "cs_moji_conversion_ignored",
        # 4.3.1 住民票コード (reference/codes.py): only 空きコード delivered through cs.receive show them.
        "codes_delivery_last_only", "codes_not_assigned", "codes_drawn_kept", "codes_threshold_ignored",
        # A code lost to a 異動 the アラート of a low stock stops, a code a 住民 holds kept: the model's fixed example
        # ``code_stock``.
        "codes_drawn_before_alert", "codes_in_use_kept", "codes_removed_code_accepted",
        # The stock at exactly the 下限 before a 自動付番 (the second blind round, 22): the fixed example too.
        "codes_alert_counted_before_draw",
        # 7.2 他業務連携 (reference/tagyomu.py): only the driver's units.* and query.units show them.
        "tagyomu_first_kept", "tenkyo_not_sent_to_fuhyo_system", "togo_atena_tenkyo_missing",
        # 1.3.8 交付履歴: only the driver's logs.issuances shows them (tests/domains/jumin/test_issuance.py).
        "issuance_history_missing", "issuance_pages_wrong", "issuance_no_terminal", "issuance_disposal_ignored",
        "issuance_household_one_person",
        # 1.1.15 メモ and 1.3.9 認証者: only a メモ entered or a 認証者 set through the driver shows them; the probes
        # do neither (tests/domains/jumin/test_memo_certifier.py).
        "memo_per_household", "memo_no_author", "memo_update_overwrites", "memo_change_dated_at_entry",
        "memo_on_certificate", "certifier_fixed",
        "certifier_deputy_period_ignored", "certifier_deputy_end_exclusive", "certifier_deputy_start_exclusive",
        # 10.1 EUC: only the driver's euc.items and euc.extract show them (tests/domains/jumin/test_euc.py).
        "euc_history_excluded", "euc_items_missing", "euc_extra_items_missing", "euc_not_equal_as_equal",
        "euc_count_current_only", "euc_csv_header_codes", "euc_dates_as_wareki",
        # 2.1.3 基本検索: only the driver's search.basic shows them (tests/domains/jumin/test_basic_search.py).
        "search_basic_wareki_ignored", "search_basic_current_only", "search_basic_range_open",
        # A range's 終了日 itself left out: the model's 基本検索 at a range's ends (the probes search nothing).
        "search_basic_range_end_exclusive",
        # A 除票 corrected since its removal searched by its 消除事由: the probes correct no 除票.
        "search_basic_removal_reason_latest",
        # Namesakes born the same day: the model's fixed example ``namesakes`` (the probes make none).
        "search_basic_namesakes_merged",
        "search_basic_blank_unmatched", "search_kanji_no_variants", "search_kanji_one_way",
        # 10.3 操作権限管理 (reference/users.py): only users of the driver's users.* (and edits.*) show them, and the
        # probes register none (tests/domains/jumin/test_permissions.py).
        "users_authority_ignored", "users_period_ignored", "users_department_dropped", "users_no_lockout",
        "users_exclusive_ignored", "users_password_change_lost", "users_reset_needs_current",
        "users_password_set_by_other",
        # A user on the last day of its 利用期間 (the model's administrative example registers one).
        "users_period_end_exclusive",
        # A session past its 利用期間_終了: only the driver's clock.advance (対象 users) moves a user's day.
        "users_period_login_only",
        # 10.3 R004-R014, 10.4 R001 (reference/user_admin.py): only the driver's users.organisation, list, bulk,
        # schedule and display, or a session of a user it registered, show them
        # (tests/domains/jumin/test_user_controls.py).
        "users_org_keyed_only", "users_support_one_permission", "users_admin_menu_one_permission",
        "users_list_omits_administrators", "users_bulk_drops_last_row", "users_schedule_utc",
        "users_hidden_items_in_history",
        # 10.2 R024, R027: only the analyses 深夜・休業日アクセス一覧 and 大量検索実行一覧 show them; the probes ask
        # neither.
        "loganalysis_holidays_ignored", "loganalysis_bulk_strict", "log_analysis_lists_every_access",
        # 10.2 R005, R020 (reference/oplog.py): only a 仮登録 or logs.modify shows them; the probes do neither.
        "oplog_kari_missing", "oplog_writable",
        # 10.2 R006's 個人番号アクセス of a 照会 that showed the 個人番号: the probe's entries are read without it (the
        # model's state machine reads it after its steps).
        "oplog_my_number_request_only",
        # 10.2 設定変更ログ: only a users.create shows them; the probes register no user.
        "settinglog_missing", "settinglog_no_operator",
        # 10.2 R022: only an analysis asked as CSV shows it.
        "loganalysis_file_header_only",
        # 10.7 印刷 and 5.8 文字溢れ: only the driver's prints.issue shows them
        # (tests/domains/jumin/test_printing.py); no
        # value of the probes' forms is wider than its column.
        "print_options_ignored", "print_copies_ignored", "form_overflow_cut", "seal_options_ignored",
        "overflow_list_unnamed", "overflow_alert_silent", "seal_title_fixed",
        # 6.1 統計 (reference/statistics.py): only the driver's stats.annual shows them.
        "stats_moves_by_processing_day", "stats_planned_out_excluded", "stats_period_end_ignored",
        # 2.2.2 交付履歴照会 (reference/issuance.py): only the driver's logs.issuances shows them.
        "issuance_joshuhyo_unlogged", "issuance_inquiry_person_only", "issuance_number_page_loose",
        # 3.1 抑止 (reference/suppression.py): only a 抑止 set through suppressions.set shows them; the probes set none.
        "yokushi_ends_on_end_date", "yokushi_refusal_no_item",
        "yokushi_last_setting_only", "yokushi_household_ignored", "yokushi_start_ignored",
        "yokushi_release_not_linked", "yokushi_search_household_unmarked",
        # Several 抑止 released one by one, a member joining a suppressed 世帯: the model's fixed example only.
        "yokushi_release_lifts_all", "yokushi_household_members_at_setting",
        # 1.1.14 統合記載欄: only the driver's query.remarks shows them (reference/remarks.py).
        "remarks_history_missing", "remarks_ryuiji_fixed_only", "remarks_biko_in_history", "remarks_unlinked",
        "remarks_adoption_wording", "remarks_joshuhyo_missing", "remarks_joshuhyo_day_as_notified",
        # 第1章 管理項目 (reference/yubin.py, furigana.py, kaisei.py, terminals.py, tagyomu.py, remarks.py): only a
        # 転入・転出 with their 郵便番号, a 旧氏 or 通称 with its flag, a 電文, a 世帯主未設定 転入, a 改製, a terminal
        # registered, a 留意事項 registered or read on the history rows show them; the probes do none of these.
        "yubin_other_addresses_dropped", "yubin_confirmed_from_planned", "yubin_planned_from_address",
        "furigana_flag_dropped", "cs_furigana_halfwidth", "setai_nushi_required",
        "togo_atena_head_filled", "kaisei_when_full", "kaisei_only_when_full", "kaisei_date_not_kept",
        "terminal_place_dropped", "terminal_lost_on_correction", "history_rows_without_remarks",
        "remarks_preset_not_entered",
        # 4.2.0.5 申出日: only a 職権修正 made on a 申出 shows them (reference/moshide.py).
        "moshide_day_dropped", "moshide_day_from_move_day", "tsuchibi_default_blank", "correction_notice_day_dropped",
        # 職権による記載 (reference/shokken.py): only a 職権 転入 or a late 転出届 shows them.
        "shokken_entry_as_tennyu", "late_tenshutsu_as_todoke", "kojo_notice_refused",
        # 4.2.1.1 住所設定 and 4.5.6 長官通知 (reference/shokken.py): only a 転入前住所 「不明」 or a moj_notices with
        # 消除 shows them; the probes send neither.
        "previous_address_unknown_refused", "moj_notice_removal_ignored", "moj_notice_removal_day_as_notice_day",
        # 1.1.1 / 1.1.2 / 1.1.5 items (scenarios/01-items-dates.yaml): only a 異動 entered through the driver, its
        # display view and its 世帯照会 show them; the probes enter none.
        "shoribi_as_idoubi", "foreign_dates_as_wareki", "tenshutsu_yotei_hidden",
        # 未届転入, 国籍喪失, 世帯主の氏名の修正, 戸籍の表示の引用, 消除者, 異動履歴照会 (reference/idou_items.py):
        # only the driver's flags (未届転入, 世帯員の世帯主氏名, 戸籍の表示の引用, 消除者), a 国籍喪失 or its
        # history read show them.
        "mitodoke_mark_dropped", "saishu_toroku_dropped", "soshitsu_day_as_loss_day", "head_name_members_stale",
        "honseki_quote_ignored", "household_removed_hidden", "history_kyushi_current",
        # 3.4 (reference/support.py): only a 支援措置 registered with a 併せて支援措置を求める者 named by a 宛名番号
        # shows it; the probe's names none (the model's state machine does: tests/domains/jumin/test_model_machine.py).
        "dv_awasete_unmarked",
        # The model's read paths: only query.search shows them (a 支援対象者's hit; a フリガナ corrected since the
        # person was recorded), and the probes search nothing (tests/domains/jumin/test_model_machine.py).
        "dv_search_unmarked", "search_kana_first_row",
        # A form made from a person's first row: the probes' persons (the loaded town's) have one row each.
        "form_first_row",
        # The day under the 認証文 as the record's latest 処理日: the loaded town's rows hold none.
        "form_certification_date_record_day",
        # A 再転入 under the 除票's 宛名番号, a 支援措置 to begin later: the probes enter neither.
        "dv_reentry_unmarked", "reentry_new_number", "dv_provisional_ignored",
        # The driver's 世帯照会 of a 世帯 whose 配偶者 is younger than a 子, or whose 子の配偶者 is younger than a
        # 子の子: the probes read the linkage API's 世帯.
        "household_spouse_as_child", "household_grandchild_as_child_spouse",
        # The export's 表示 of a 支援措置 registered after the load: the probes' export reads the loaded town's marks.
        "export_dv_marks_at_load",
        # A member who left their 世帯 listed under it too: the probes change no one's 世帯.
        "export_former_household_kept",
        # The 除票の写し of a 除票 no 支援措置 names: the probes ask the 除票の写し of a 支援対象者 only (refused).
        "joshuhyo_omission_ignored", "joshuhyo_foreign_birth_wareki",
        # The 除票 forms of a 不詳 birth: the probes ask none (the model's unknown_births example does).
        "joshuhyo_unknown_birth_as_date",
        # The フリガナ of a record corrected since (the probes' persons have one row each) and the 公用 of a 除票の写し
        # (the probes' 除票の写し is a 支援対象者's, refused): the model's form reads with the switches.
        "form_furigana_first_row", "joshuhyo_official_use_ignored",
        # The linkage API's 世帯 by age: the probes' 世帯 (of the loaded town) list ages in 続柄's order.
        "linkage_household_by_age",
        # The linkage API's 住民票コード of the first row: the probes change no person's 住民票コード.
        "linkage_code_first_row",
        # A 世帯照会 left out of the 操作ログ (issue 50, A2): the probes ask no 世帯照会 of the driver.
        "oplog_household_query_missing")},
    "tsusho_tokubetsu_dropped": {"tsusho_resident", "tsusho_history"},
    # 共通機能 2.1: the 住登外者宛名番号付番 API (conformance_reference/kyotsu/jutogai.py), probed by jutogai_probe.
    **{name: {"jutogai"} for name in (
        "jutogai_links_wrong", "jutogai_required_as_format", "jutogai_no_auth", "jutogai_kubun_ignored",
        "jutogai_condition_unchecked", "jutogai_number_reissued", "jutogai_operator_as_api_account",
        "jutogai_operation_day_compact", "jutogai_operation_time_minutes")},
    # The probe sends every request within a token's life (tests/domains/jumin/test_token_life.py moves the clock).
    "jutogai_token_never_expires": set(), "jutogai_token_skew_margin": set(),
    # The probe reads no expires_in and sends every request within the token's real 300 s.
    "jutogai_token_life_in_milliseconds": set(),
    # The model's sessions of the API (docs/model.md, the fixed example tokens): the probe logs in once, with the
    # client's secret, and sends every request with one token, so none of these changes what it reads.
    # A DATE in another form than YYYY-MM-DD: the probe sends the 操作年月日 as YYYY-MM-DD only.
    "jutogai_date_unchecked": set(), "jutogai_time_unchecked": set(),
    **{name: set() for name in (
        "jutogai_other_grant_token", "jutogai_unauthorized_registers", "jutogai_serial_per_token",
        "jutogai_history_per_token")},
    # A 別紙 that stops with its first page: the probes' 世帯 (of the loaded town) print a 別紙 of one page.
    "form_sheet_one_page": set(),
    # The probes' 世帯 have no 子の妻 beside a 子の子, their forms no 在留期間 of months and no 外国人住民 with a
    # 満了日 on a 世帯全員 写し (tests/domains/jumin/test_forms.py prints each).
    "form_member_order_in_law_last": set(),
    # 5.2's 第３順位 and 第４順位 whole in one household: the town's last two (conformance/testdata/households.py
    # TAIL_KINDS), which the probes do not print (tests/domains/jumin/test_forms.py prints them).
    "form_member_order_enkosha_before_relatives": set(), "form_member_order_grandparents_with_parents": set(),
    "form_member_order_in_law_parents_with_parents": set(), "form_member_order_siblings_by_atena": set(),
    # Twins by their フリガナ: the town has no twins (tests/domains/jumin/test_model_twins.py prints a 世帯 of them).
    "form_member_tie_by_furigana": set(),
    "form_residence_period_years_only": set(), "form_residence_period_days_dropped": set(),
    "form_residence_period_no_years_blank": set(),
    "form_setai_expiry_wareki": set(),
    # No 認証文 (and so no 公印) printed: the 印刷ログ says so too (10.2 R014 公印出力の有無), truthfully.
    "form_certification_missing": {"forms", "oplog"},
    "dv_ends_at_move_out": {"qualifications", "forms"},  # the 除票 forms of a protected person who moved out
    **{name: {"forms"} for name in (
        "form_dv_household_leak", "form_etsuran_dv_leak", "form_etsuran_list_capped", "form_joshuhyo_dv_leak",
        "form_unknown_date_fixed", "form_page_break_line_lost", "form_page_break_line_repeated",
        "form_page_break_ignored",
        "form_era_boundary", "form_tsusho_dropped", "form_omission_ignored",
        "form_certification_every_page", "form_tsusho_sheet_after_certification", "form_removed_in_household",
        "form_member_order_by_age", "form_certification_date_seireki",
        "form_kubun_label_shifted", "form_kubun_code_printed",
        "form_furigana_hiragana", "form_katagaki_dropped", "form_issue_number_format",
        "form_issue_number_repeated", "form_official_use_ignored", "form_data_stale")},
    # 就学 (conformance_reference/shugaku/shugaku.py; each defect's own test:
    # tests/domains/shugaku/test_shugaku_scenarios.py).
    **{name: {"qualifications"} for name in (
        "shugaku_six_on_birthday", "shugaku_fifteen_on_birthday", "shugaku_register_omits_seito",
        "shugaku_register_yearly", "shugaku_entrants_deadline_november", "shugaku_entrants_as_of_deadline",
        "shugaku_notice_one_month_before", "shugaku_late_entrant_regular_deadline",
        "shugaku_principal_notice_without_date", "shugaku_register_without_sex",
        "shugaku_guardian_relation_as_zokugara", "shugaku_entrant_without_guardian", "shugaku_proviso_ignored")},
    # 就学 on the 保護者's 就学 record (施行令 第5条第3項, 第6条第2号〜第7号; 施行規則 第30条第1項第4号, 第5号).
    **{name: {"qualifications"} for name in (
        "shugaku_article_6_2_notice_ignored", "shugaku_article_6_3_third_paragraph_notified",
        "shugaku_article_18_certified_notified", "shugaku_article_12_certified_notified",
        "shugaku_article_12_2_third_paragraph_notified", "shugaku_school_change_ignored",
        "shugaku_outside_district_notified", "shugaku_register_without_return_day",
        "shugaku_register_without_reminder", "shugaku_move_notice_from_base_day",
        "shugaku_designation_more_than_two")},
    # 就学's edges of the statute mutation run (issue 66; their test: tests/domains/shugaku/test_shugaku_edges.py).
    **{name: {"qualifications"} for name in (
        "shugaku_move_notice_calendar_year", "shugaku_register_seito_to_the_day_before",
        "shugaku_register_girl_without_sex", "shugaku_guardian_always_mother")},
    # 学齢簿 as printed (each defect's own test: tests/domains/shugaku/test_shugaku_forms.py): the 学齢簿 itself is
    # right.
    "shugaku_gakureibo_form_without_sex": {"gakureibo"},
    "shugaku_gakureibo_form_without_guardian_address": {"gakureibo"},
    "gakureibo_printed_for_anyone": set(),
    # The 資格確認書 of 国民健康保険 and 後期高齢者医療, the 介護保険 被保険者証, as printed (each defect's own test:
    # tests/domains/kokuho/test_kokuho_forms.py, test_koki_forms.py, test_kaigo_forms.py): the 資格 itself is right.
    **{name: {"kokuho_card"} for name in (
        "kokuho_kakuninsho_without_sex", "kokuho_kakuninsho_householder_is_insured",
        "kokuho_kakuninsho_acquired_on_notification", "kokuho_kakuninsho_copay_from_birthday",
        "kokuho_kakuninsho_without_expiry", "kokuho_kakuninsho_expiry_five_years_on",
        "kokuho_kakuninsho_one_per_household")},
    "kaigo_hihokenshasho_from_birthday": {"kaigo_card"},
    "kaigo_hihokenshasho_without_care_level": {"kaigo_card"},
    "kaigo_hihokenshasho_without_opinion": {"kaigo_card"},
    # The card probe's person certified before 65 is a 第二号被保険者 who applied (its own test:
    # tests/domains/kaigo/test_kaigo_forms.py, SECOND_APPLIED).
    "kaigo_hihokenshasho_second_refused": {"kaigo_card"},
    **{name: {"koki_card"} for name in (
        "koki_kakuninsho_without_birth", "koki_kakuninsho_acquired_day_before", "koki_kakuninsho_copay_of_kokuho",
        "koki_kakuninsho_record_ignored",
        "koki_kakuninsho_without_expiry", "koki_kakuninsho_expiry_five_years_on")},
    # 子ども・子育て支援 (the driver operation kodomo.nintei, conformance_reference/kodomo_kosodate/kodomo.py; each
    # defect's own
    # test: tests/domains/kodomo_kosodate/test_kodomo_scenarios.py).
    **{name: {"kodomo"} for name in (
        "kodomo_preschool_until_sixth_birthday", "kodomo_one_from_third_birthday", "kodomo_two_needs_care_ignored",
        "kodomo_three_until_birthday", "kodomo_moved_out_certified", "kodomo_no_amount_for_infants",
        "kodomo_notice_to_child", "kodomo_certificate_without_category", "kodomo_refusal_without_reason",
        "kodomo_deadline_next_month", "kodomo_present_place_ignored", "kodomo_newborn_refused",
        "kodomo_leap_day_three_late", "kodomo_category_on_refusal")},
    # 後期高齢者医療 (conformance_reference/koki_korei/koki_korei.py; each defect's own test:
    # tests/domains/koki_korei/test_koki_scenarios.py).
    **{name: {"qualifications"} for name in (
        "koki_korei_lost_within_prefecture", "koki_korei_certification_ignored", "koki_korei_welfare_ignored",
        "koki_korei_acquired_on_notification", "koki_korei_welfare_end_next_day", "koki_korei_certified_next_month",
        "koki_korei_lost_on_move_out_day", "koki_korei_lost_day_after_on_move", "koki_korei_welfare_lost_day_after",
        "koki_korei_facility_measure_ignored", "koki_korei_facility_chain_last_town")},
    # A 停止 of the 生活保護: the probes send no 後期高齢者医療 record (its own test: tests/domains/koki_korei/
    # test_koki_readings.py, the worked examples WELFARE_STOPPED and WELFARE_RESUMED).
    "koki_korei_welfare_stop_ignored": set(),
    "koki_korei_stop_acquired_next_day": set(),
    # 生活保護 from the day of a move-in at 75 or more (the statute mutation run, issue 66): the probes send no
    # 後期高齢者医療 record (its own test: tests/domains/koki_korei/test_koki_edges.py, the worked example
    # WELFARE_ON_MOVE_IN).
    "koki_korei_welfare_first_day_insured": set(),
    # A stay of no day (the statute mutation run, issue 66; its own test: tests/domains/koki_korei/test_koki_edges.py,
    # the worked example MOVED_THROUGH): no probe moves a person out on the day of the move in.
    "koki_korei_zero_day_stay_insured": set(),
    # A 認定 before 65: the probes send no 後期高齢者医療 record (its own test: tests/domains/koki_korei/
    # test_koki_readings.py, scenario.koki_korei.certified and the agreement with 介護保険).
    "koki_korei_certified_under_65": set(),
    # 児童扶養手当 (conformance_reference/jido_fuyo_teate/jido_fuyo.py; each defect's own test:
    # tests/domains/jido_fuyo_teate/test_fuyo_scenarios.py).
    **{name: {"qualifications"} for name in (
        "jido_fuyo_child_end_from_birthday", "jido_fuyo_paid_from_claim_month", "jido_fuyo_paid_in_even_months",
        "jido_fuyo_prorated_last_month", "jido_fuyo_third_child_old_addition", "jido_fuyo_full_limit_exclusive",
        "jido_fuyo_dependants_ignored", "jido_fuyo_stop_limit_old", "jido_fuyo_stop_rounded_down",
        "jido_fuyo_stop_five_yen_cut_first", "jido_fuyo_stop_rate_rounded", "jido_fuyo_addition_stop_rate_rounded",
        "jido_fuyo_support_counted_whole", "jido_fuyo_carer_support_counted", "jido_fuyo_maintained_children_ignored",
        "jido_fuyo_qualifies_without_child",
        "jido_fuyo_pension_1_not_public", "jido_fuyo_pension_2_not_public", "jido_fuyo_pension_3_not_public",
        "jido_fuyo_pension_4_not_public", "jido_fuyo_pension_5_not_public", "jido_fuyo_pension_6_not_public",
        "jido_fuyo_pension_7_not_public", "jido_fuyo_pension_8_not_public", "jido_fuyo_pension_9_not_public",
        "jido_fuyo_pension_10_not_public", "jido_fuyo_pension_11_not_public", "jido_fuyo_pension_12_not_public",
        "jido_fuyo_mother_needs_livelihood", "jido_fuyo_father_without_livelihood", "jido_fuyo_carer_apart",
        "jido_fuyo_child_abroad_paid", "jido_fuyo_foster_paid", "jido_fuyo_father_livelihood_ignored",
        "jido_fuyo_disabled_father_excludes", "jido_fuyo_stepfather_ignored", "jido_fuyo_de_facto_not_spouse",
        "jido_fuyo_mother_livelihood_ignored", "jido_fuyo_disabled_mother_excludes",
        "jido_fuyo_stepmother_ignored", "jido_fuyo_claimant_abroad_paid", "jido_fuyo_delay_from_reason_start",
        "jido_fuyo_carer_limit_exclusive", "jido_fuyo_carer_children_ignored",
        "jido_fuyo_obligor_limit_exclusive", "jido_fuyo_obligor_dependants_ignored",)},
    # 健康管理 (conformance_reference/kenko_kanri/kenko.py; each defect's own test:
    # tests/domains/kenko_kanri/test_kenko_scenarios.py).
    **{name: {"qualifications"} for name in (
        "kenko_targets_after_leaving", "kenko_hepatitis_b_as_b_class", "kenko_varicella_through_age_three",
        "kenko_hepatitis_b_from_two_months", "kenko_rotavirus_from_two_months", "kenko_covid_as_a_class",
        "kenko_mumps_scheduled", "kenko_zoster_sixty_five_and_over", "kenko_jev_second_period_through_thirteen",
        "kenko_checkups_after_leaving", "kenko_checkup_18_months_through_two",
        "kenko_checkup_3_years_from_three_and_a_half", "kenko_measles_second_period_from_five",
        "kenko_school_start_without_next_day", "kenko_jev_second_period_from_ten",
        "kenko_special_ignored", "kenko_special_two_years_for_all", "kenko_special_any_disease",
        "kenko_hpv_for_boys", "kenko_targets_before_moving_in", "kenko_removed_still_resident",
        "kenko_health_checkup_under_seventy_four",
        "kenko_guidance_for_seventy_five_and_over", "kenko_hpv_calendar_year", "kenko_special_leap_day_dropped")},
    # 健康管理 on the 健康管理 record (予防接種法 第5条第3項, 母子保健法 第16条第1項).
    **{name: {"qualifications"} for name in ("kenko_designation_part_of_area", "kenko_handbook_fifteen_to_forty_nine")},
    # 戸籍の附票 (conformance_reference/koseki_fuhyo/fuhyo.py; each defect's own test:
    # tests/domains/koseki_fuhyo/test_fuhyo_scenarios.py).
    # The printed 写し is made from the 附票: a wrong 附票 prints wrong too.
    **{name: {"fuhyo", "fuhyo_copy"} for name in (
        "fuhyo_town_residents_only", "fuhyo_display_without_head", "fuhyo_name_of_householder",
        "fuhyo_furigana_missing", "fuhyo_emigrant_keeps_last_address", "fuhyo_emigrant_date_kept",
        "fuhyo_birth_from_moved_in", "fuhyo_sex_swapped", "fuhyo_not_updated_on_move", "fuhyo_kept_after_removal",
        "fuhyo_joiner_not_added")},
    # 戸籍の附票の写し as printed (each defect's own test: tests/domains/koseki_fuhyo/test_fuhyo_forms.py): the 附票
    # itself is right.
    **{name: {"fuhyo_copy"} for name in (
        "fuhyo_copy_without_koseki_display", "fuhyo_copy_without_furigana", "fuhyo_copy_emigrant_address_printed",
        "fuhyo_copy_address_date_of_juminhyo", "fuhyo_copy_without_sex", "fuhyo_copy_removal_unmarked",
        "fuhyo_copy_removal_dated_last_day_in")},
    # 戸籍の附票の除票 and the 住民票コード (not printed) as the per-person query answers them (the print is right).
    **{name: {"fuhyo"} for name in (
        "fuhyo_removed_entry_blanked", "fuhyo_removal_undated", "fuhyo_kept_five_years",
        "fuhyo_kept_from_koseki_removal",
        "fuhyo_code_of_residents_only", "fuhyo_overseas_registration_only", "fuhyo_notice_kept_five_years",
        "fuhyo_document_kept_from_receipt_day")},
    # 施行令 第34条第2項's 本人確認情報 (a part of every person's answer, which the qualifications probe reads too).
    **{name: {"fuhyo", "qualifications"} for name in ("fuhyo_identity_kept_five_years",)},
    # The printed 写し on a 第20条第3項 申出 (the 附票 right).
    **{name: {"fuhyo_copy"} for name in ("fuhyo_copy_always_full", "fuhyo_copy_titled_certificate")},
    # A 転居 or 転入 through the driver after the 戸籍 was given: the probes' persons are migration rows, with no
    # 異動事由区分 of a 転入 or 転居 and no 転居 after the 戸籍 (the cross-domain machine's persons have both:
    # tests/domains/test_world_fuhyo.py); a 転居 fed through 庁内連携, which no probe feeds
    # (tests/domains/koseki_fuhyo/test_fuhyo_feed.py).
    **{name: set() for name in (
        "fuhyo_not_updated_on_move_within", "fuhyo_address_date_from_notification",
        "fuhyo_feed_move_within_ignored")},
    # A malformed row fed through 庁内連携, which no probe feeds (tests/domains/test_feed_refusals.py).
    "feed_malformed_row_taken": set(),
    # 軽自動車税 (conformance_reference/keijidosha_zei/keijidosha.py; each defect's own test:
    # tests/domains/keijidosha_zei/test_keiji_scenarios.py).
    **{name: {"qualifications"} for name in (
        "keijidosha_levy_on_april_2", "keijidosha_stationed_anywhere", "keijidosha_old_rates",
        "keijidosha_rate_doubled", "keijidosha_due_before_levy_date", "keijidosha_special_collection",
        "keijidosha_notice_late",
        "keijidosha_small_two_wheel_untaxed", "keijidosha_env_threshold_exclusive", "keijidosha_env_h22_as_standard",
        "keijidosha_env_r2_reading_ignored", "keijidosha_dealer_taxed", "keijidosha_user_public_taxed",
        "keijidosha_sidecar_untaxed", "keijidosha_public_owner_taxed", "keijidosha_due_in_may",
        "keijidosha_moved_owner_untaxed", "keijidosha_levied_without_vehicle", "keijidosha_env_r2_truck_by_standard",
        "keijidosha_acquirer_passenger_only", "keijidosha_env_truck_limit_exclusive",
        "keijidosha_unknown_class_echoed", "keijidosha_stamp_collection_undeclared")},
    # 固定資産税 (conformance_reference/kotei_shisan_zei/kotei_shisan.py; each defect's own test:
    # tests/domains/kotei_shisan_zei/test_kotei_scenarios.py).
    **{name: {"qualifications"} for name in (
        "kotei_levy_on_april_1", "kotei_located_anywhere", "kotei_depreciable_untaxed", "kotei_taxed_by_acquisition",
        "kotei_deceased_owner_taxed", "kotei_residential_land_everywhere", "kotei_depreciable_two_thirds",
        "kotei_base_years_from_2025", "kotei_rate_one_and_a_half", "kotei_exemption_inclusive",
        "kotei_february_of_same_year", "kotei_special_circumstances_ignored",
        "kotei_new_asset_untaxed_until_base_year", "kotei_superficies_hundred_years", "kotei_vessel_by_location",
        "kotei_ledger_ignored", "kotei_reserved_buyer_untaxed", "kotei_vehicles_as_depreciable", "kotei_forest_untaxed",
        "kotei_power_plant_as_depreciable", "kotei_state_farm_buyer_on_transfer_day",
        "kotei_supplementary_ledgers_unused", "kotei_trust_lessee_untaxed", "kotei_user_never_deemed_owner",
        "kotei_depreciable_by_ledger_date", "kotei_new_asset_special_applied", "kotei_state_farm_user_from_next_day")},
    # 生活保護 (conformance_reference/seikatsu_hogo/seikatsu_hogo.py; each defect's own test:
    # tests/domains/seikatsu_hogo/test_seikatsu_scenarios.py).
    **{name: {"qualifications"} for name in (
        "seikatsu_hogo_current_place_first", "seikatsu_hogo_no_residence_no_agency", "seikatsu_hogo_urgency_ignored",
        "seikatsu_hogo_facility_location", "seikatsu_hogo_deadline_thirty_days", "seikatsu_hogo_extension_one_month",
        "seikatsu_hogo_delay_reason_after_thirty", "seikatsu_hogo_deemed_after_fourteen",
        "seikatsu_hogo_income_ignored", "seikatsu_hogo_recipient_on_closing_day",
        "seikatsu_hogo_recipients_not_in_need", "seikatsu_hogo_medical_goods", "seikatsu_hogo_loan_in_kind",
        "seikatsu_hogo_cohabiting_kin_refused", "seikatsu_hogo_assets_ignored", "seikatsu_hogo_other_aid_ignored",
        "seikatsu_hogo_urgent_degree_from_all_means", "seikatsu_hogo_own_income_only",
        "seikatsu_hogo_transport_medical",
        "seikatsu_hogo_school_lunch_living", "seikatsu_hogo_care_aid_unknown", "seikatsu_hogo_notice_every_obligor",
        "seikatsu_hogo_notice_always", "seikatsu_hogo_notice_on_change", "seikatsu_hogo_change_without_deadline",
        "seikatsu_hogo_forward_in_a_week", "seikatsu_hogo_urgent_household_ignored",
        "seikatsu_hogo_urgent_met_still_needed", "seikatsu_hogo_method_without_benefit")},
    # 障害者福祉 (conformance_reference/shogaisha_fukushi/shogaisha.py; each defect's own test:
    # tests/domains/shogaisha_fukushi/test_shogaisha_scenarios.py).
    **{name: {"qualifications"} for name in (
        "shogaisha_current_place_first", "shogaisha_no_residence_no_decision", "shogaisha_facility_location",
        "shogaisha_facility_no_residence_current_place", "shogaisha_child_facility_own_residence",
        "shogaisha_child_facility_current_place", "shogaisha_benefits_without_decision", "shogaisha_valid_after_end",
        "shogaisha_category_from_primary_judgement", "shogaisha_adult_from_birthday",
        "shogaisha_guardian_until_birthday", "shogaisha_certificate_adults_only", "shogaisha_rejection_without_reason",
        "shogaisha_handover_at_eighteen", "shogaisha_supply_amount_per_period", "shogaisha_benefits_outside_period",
        "shogaisha_disabled_before_issue", "shogaisha_leap_birthday_feb28", "shogaisha_nationals_only",
        "shogaisha_certificate_from_next_day")},
    # 子ども・子育て支援 through the per-person query (conformance_reference/kodomo_kosodate/benefits.py; each defect's
    # own test: tests/domains/kodomo_kosodate/test_kodomo_scenarios.py).
    **{name: {"qualifications"} for name in (
        "kodomo_certified_after_end", "kodomo_benefit_below_zero", "kodomo_benefit_standard_cost",
        "kodomo_benefit_charge_at_limit")},
    # 法人住民税 (conformance_reference/hojin_juminzei/hojin_juminzei.py; each defect's own test:
    # tests/domains/hojin_juminzei/test_hojin_scenarios.py).
    **{name: {"qualifications"} for name in (
        "hojin_juminzei_office_anywhere", "hojin_juminzei_dormitory_untaxed", "hojin_juminzei_dormitory_corporate_tax",
        "hojin_juminzei_corporate_amount_always",
        "hojin_juminzei_fifty_employees_over", "hojin_juminzei_equal_rate_one_and_a_half",
        "hojin_juminzei_not_prorated", "hojin_juminzei_months_rounded_up", "hojin_juminzei_employees_at_start",
        "hojin_juminzei_capital_floor_ignored", "hojin_juminzei_corporate_at_ceiling",
        "hojin_juminzei_corporate_rate_before_2019", "hojin_juminzei_deadline_ignores_extension",
        "hojin_juminzei_foreign_by_office", "hojin_juminzei_public_levied_anywhere",
        "hojin_juminzei_public_corporate_tax_everywhere", "hojin_juminzei_ceased_society_untaxed",
        "hojin_juminzei_trustee_equal_rate", "hojin_juminzei_filed_on_deadline_late",
        "hojin_juminzei_mutual_company_floored", "hojin_juminzei_foreign_equal_rate_only")},
    # 印鑑登録 (conformance_reference/inkan/inkan.py; each defect's own test:
    # tests/domains/inkan/test_inkan_scenarios.py).
    **{name: {"qualifications"} for name in (
        "inkan_after_leaving", "inkan_from_fourteen", "inkan_capacity_ignored", "inkan_second_seal", "inkan_any_name",
        "inkan_occupation_allowed", "inkan_rubber_allowed", "inkan_size_unchecked", "inkan_blurred_allowed",
        "inkan_newcomer_refused", "inkan_size_7mm_allowed", "inkan_start_ignored", "inkan_sample_name",
        "inkan_tsusho_ignored", "inkan_no_reasons", "inkan_capacity_under_fifteen", "inkan_judged_on_as_of",
        "inkan_latin_allowed", "inkan_unknown_birth_unjudged")},
    # 戸籍 (the driver operations koseki.*, conformance_reference/koseki/koseki.py; each defect's own test:
    # tests/domains/koseki/test_koseki_scenarios.py).
    **{name: {"koseki"} for name in (
        "koseki_period_from_next_day", "koseki_birth_abroad_fourteen_days", "koseki_death_from_death_day",
        "koseki_marriage_never_new", "koseki_marriage_always_new", "koseki_marriage_into_other",
        "koseki_foreign_marriage_never_new", "koseki_foreign_marriage_always_new",
        "koseki_legitimate_child_new_koseki", "koseki_illegitimate_child_new_koseki", "koseki_display_by_last",
        "koseki_display_follows_head", "koseki_request_by_sibling", "koseki_filing_at_honseki_only",
        "koseki_foreigner_filing_anywhere", "koseki_latin_name_allowed", "koseki_hentaigana_allowed",
        "koseki_spouse_keeps_surname", "koseki_spouse_keeps_surname_reading", "koseki_child_born_on_filing",
        "koseki_entry_copied_on_marriage", "koseki_head_spouse_unmarked", "koseki_origin_unwritten",
        "koseki_death_removed_when_known", "koseki_father_is_head", "koseki_every_child_legitimate",
        "koseki_judgment_from_decision", "koseki_adoptee_stays", "koseki_adoptive_parent_unwritten",
        "koseki_wrong_place_refused_yet_written", "koseki_head_adoptee_stays")},
    **{name: {"koseki"} for name in ("koseki_furigana_unchecked", "koseki_child_always_female")},
    # Issue 50, bugs written blind (docs/model.md): the 世帯連記式 form's 省略 and 公用 switches; the probes ask the
    # 世帯連記式 form with neither (the model's state machine does: tests/domains/jumin/test_model_machine.py).
    **{name: set() for name in ("form_setai_code_omission_ignored", "form_setai_official_use_ignored")},
    # A correction on the first row: the probe's person has one row. Its 異動日 as the day entered: the probe's
    # correction is dated 2020-09-03, its row (and the export's) now the day of the run.
    "correction_on_first_row": set(),
    "correction_date_ignored": {"correction", "export_after"},
    # The 通称's reading: the probes' 通称 person is asked with フリガナ (juminhyo_kojin). The 記載事項証明書: no probe
    # asks it.
    "form_tsusho_furigana_dropped": {"forms"},
    "kisai_jiko_tsusho_dropped": set(),
    # The 除票の写し's 別紙: the probes' 除票の写し is a 支援対象者's (refused).
    "joshuhyo_tsusho_sheet_dropped": set(),
    # A 部分一致 search with a 生年月日: the probes search nothing.
    "search_kana_birth_ignored_partial": set(),
    # Issue 67, the 異動差分's boundaries (a time in JST, the next page's offset): no probe reads the 異動差分
    # (changed_since); the model's state machine does after every step (tests/domains/jumin/test_model_feeds.py).
    "diff_since_offset_ignored": set(), "diff_next_offset_skips_row": set(),
    "diff_mark_not_restamped": set(), "diff_first_changed_row": set(),
    # Issue 67, blind round 3 (09, 10): the 原票's period after a 延長, or of a 支援措置 begun before its entry; the
    # probes read the 支援措置's record, not the 原票 (tests/domains/jumin/test_model_support_period.py).
    "support_extension_not_marked": set(), "support_start_as_entry_day": set(),
    # A 異動 between two page reads of one poll: only the model's state machine makes one (test_model_feeds.py).
    "diff_ordered_by_change": set(),
    # The 全件 in storage order: the loaded town's rows are stored by 宛名番号 and no probe changes a person between two
    # page reads (the model's fixed example full_read_walk does: test_model_full_walk.py).
    "full_read_storage_order": set(),
    # The day under the 認証文 as the UTC date: wrong only from 00:00 to 09:00 JST (AT_SOME_HOURS; its own test moves
    # the clock: tests/domains/jumin/test_model_machine.py).
    "form_certification_date_utc": set(),
    # The server's own zone's date (blind round 35, 07): the UTC date on a machine in UTC (AT_SOME_HOURS; its own test
    # sets the zone and the clock: tests/domains/jumin/test_model_machine.py).
    "form_certification_date_host_local": set(),
    # The 発行番号's day by the server's own zone (blind round 3, 04): the UTC date on a machine in UTC, Japan's day
    # before from 00:00 to 09:00 JST only (AT_SOME_HOURS; its own test sets the zone and the clock:
    # tests/domains/jumin/test_forms_drawn.py).
    "form_issue_number_day_host_local": set(),
    # The 操作ログ's 日時 nine hours late: the probes read the log without its 日時 (it moves).
    "oplog_clock_jst_as_utc": set(),
    # A 第三子以降算定額算定対象者 born on 3月31日 or 4月1日: the probes' (WITH_STUDENT's, born 2005-05-05) is neither
    # (its own test: tests/domains/jido_teate/test_jido_scenarios.py).
    "jido_teate_adults_age_on_birthday": set(),
    # The 養子縁組 worked example (ADOPTION) is among the 戸籍 probes (its own test: tests/domains/koseki/
    # test_koseki_scenarios.py).
    "koseki_adoptee_keeps_surname": {"koseki"},
}
#: Scenario persons each rule defect answers differently for (appended after the other probes).
RULE_PROBES = (
    Scenario(2021, date(1970, 5, 5), date(2010, 4, 1), planned_out=date(2021, 3, 1)),  # 1月1日
    Scenario(2020, date(1955, 4, 10), date(1990, 4, 1)),  # 介護 65 and 後期 75
    Scenario(2020, date(1970, 5, 5), date(2020, 4, 15), planned_out=date(2020, 9, 30)),  # 国保 喪失 10/1
    # 国保: from a 市町村 of the same 都道府県 after 平成30年4月 (都道府県内継続, 第5条).
    Scenario(2020, date(1970, 5, 5), date(2019, 4, 1), previous=scenarios.other_codes(TOWN_CODE)[0]),
    Scenario(2024, date(1985, 6, 6), date(2005, 4, 1), claim=date(2025, 1, 9), children=(date(2024, 12, 25),)),
    Scenario(2020, date(1988, 8, 8), date(2019, 4, 1), planned_out=date(2020, 6, 10), elsewhere=date(2020, 6, 5),
             next="131016", support_start=date(2020, 4, 1), as_of=date(2020, 7, 1)),
    # 個人住民税 of 令和7年度: 18 reached on 2025-01-02 (a 未成年者 on the 賦課期日); 15 reached on 2025-01-01.
    Scenario(2025, date(2007, 1, 3), date(2007, 1, 3)),
    Scenario(2025, date(2010, 1, 2), date(2010, 1, 2)),
    # Born 2月29日: 18 (15) reached on 2月28日 of 2026 (2027), a year without one (未成年者, 十五歳未満 of 令和7年度).
    Scenario(2025, date(2008, 2, 29), date(2008, 2, 29)),
    Scenario(2025, date(2012, 2, 29), date(2012, 2, 29)),
    kojin_scenarios.FOREIGN_RESIDENT,  # a 外国人住民 resident on the 賦課期日: levied
    kojin_scenarios.LEFT_IN_DECEMBER,  # moved out before the 賦課期日: not levied, no 所得割税率
    # 国民年金: the worked examples of conformance/domains/kokumin_nenkin/checks.py.
    *(nenkin_scenarios.BORN_ON_APRIL_FIRST, nenkin_scenarios.BORN_ON_MAY_29, nenkin_scenarios.FROM_ABROAD,
      nenkin_scenarios.BORN_ON_MARCH_29, nenkin_scenarios.DIED, nenkin_scenarios.TO_MUNICIPALITY,
      nenkin_scenarios.REACHING_SIXTY,
      nenkin_scenarios.ONE_MONTH, nenkin_scenarios.ENTERED_AT_SIXTY,
      nenkin_scenarios.MOVED_IN_INSURED, nenkin_scenarios.EXEMPTED, nenkin_scenarios.EMPLOYED,
      nenkin_scenarios.DEPENDENT, nenkin_scenarios.YOUNG_EMPLOYEE, nenkin_scenarios.PENSIONER,
      nenkin_scenarios.NO_LONGER_PENSIONER, nenkin_scenarios.YOUNG_LEAVER,
      nenkin_scenarios.DEPENDENT_AT_SIXTY, nenkin_scenarios.EMPLOYED_AT_SIXTY, nenkin_scenarios.DEPENDENT_EMPLOYED,
      nenkin_scenarios.FROM_ABROAD_NOTIFIED_LATER, nenkin_scenarios.EMPLOYED_ENDED,
      nenkin_scenarios.EMPLOYED_MOVING_IN, nenkin_scenarios.EMPLOYED_AFTER_TWENTY, nenkin_scenarios.MOVED_IN_AND_DIED,
      nenkin_scenarios.MOVED_IN_AT_SIXTY),
    # 介護保険: the worked examples of conformance/domains/kaigo/checks.py.
    *(kaigo_scenarios.DIED, kaigo_scenarios.FROM_ABROAD, kaigo_scenarios.TO_MUNICIPALITY, kaigo_scenarios.AGED_FIFTY,
      kaigo_scenarios.REACHING_75, kaigo_scenarios.NO_MEDICAL, kaigo_scenarios.FORTY, kaigo_scenarios.JOINED,
      kaigo_scenarios.LEFT, kaigo_scenarios.HOME_WITHOUT_MEASURE, kaigo_scenarios.CHAIN,
      kaigo_scenarios.CARE_APPLIED),
    # 国民健康保険 by age: the worked examples of conformance/domains/kokuho/checks.py.
    *(kokuho_scenarios.AFTER_75, kokuho_scenarios.SIX_IN_APRIL, kokuho_scenarios.SEVENTY_IN_JULY,
      kokuho_scenarios.SEVENTY_ON_JULY_31, kokuho_scenarios.WELFARE_FIRST_DAY, kokuho_scenarios.EMPLOYED,
      kokuho_scenarios.DAY_LABOURER, kokuho_scenarios.UNION_FIRST_DAY, kokuho_scenarios.HOME_WITHOUT_MEASURE,
      kokuho_scenarios.CHAIN, kokuho_scenarios.BOOK_HELD, kokuho_scenarios.BOOK_RETURNED,
      kokuho_scenarios.FORTY_REACHED),
    # 国民健康保険 of a 世帯 and of one answer's parts: the worked examples of conformance/domains/kokuho/household.py.
    kokuho_household.SECOND_UNDER_EMPLOYER,
    # 児童手当: the worked examples of conformance/checks/scenarios.py and jido_scenarios.py.
    jido_scenarios.AGED_OUT, jido_scenarios.TURNING_THREE, jido_scenarios.LEFT_MID_MONTH,
    jido_scenarios.MOVED_WITH_A_BIRTH,
    # 児童手当 on a 児童手当 record: the worked examples of conformance/domains/jido_teate/checks.py.
    jido_scenarios.WITH_STUDENT, jido_scenarios.FOSTERED, jido_scenarios.FOSTERED_LATER, jido_scenarios.WITH_MOTHER,
    jido_scenarios.AIDED, jido_scenarios.DISABLED, jido_scenarios.DISABLED_WITH_FAMILY, jido_scenarios.RELIEF,
    jido_scenarios.MOVED_AWAY, jido_scenarios.UNCLAIMED, jido_scenarios.PARENTS, jido_scenarios.GUARDIANS,
    jido_scenarios.SEPARATED,
    # 選挙人名簿: the worked examples of conformance/domains/senkyo/ (its rule families).
    *(RECENT, LATE_NOTICE, LATE_NOTICE_REGISTERED,
      MOVED_BEFORE_REGISTRATION, MOVED, DIED,
      STRUCK_OFF, NOT_YET_STRUCK_OFF, STRUCK_OFF_MONTH_END, LEAP_DAY_BIRTH, SEVENTEEN_TOO_LATE,
      SEVENTEEN_MOVED_OUT, FINED, SUSPENDED,
      BRIBERY, ELECTION_CRIME, IN_ELECTION,
      AT_BASE_DAY, ON_REGISTRATION_DAY, WITHIN_PREFECTURE, WITHIN_PREFECTURE_MOVE_DAY,
      OVERSEAS_APPLIED, TRANSFER_APPLIED, TRANSFERRED,
      NOT_YET_RETURNED, WEDNESDAY_REGISTRATION,
      CAMPAIGN_REGISTRATION, INSPECTION_CLOSED,
      LOCAL_CAMPAIGN_ABROAD, OVERSEAS_OBJECTION_LOCAL,
      OVERSEAS_OBJECTION_IN_ELECTION, INDICATED_ABROAD,
      DIED_ABROAD, CONFIRMATION_OPEN,
      OVERSEAS_INSPECTION_CLOSED, OVERSEAS_CONFIRMATION_FIVE_DAYS,
      MERGED, GROUP_DESIGNEE, APPROVED,
      STATE_DESIGNEE, JOINT_MEMBER, INDIVIDUAL_DESIGNEE,
      GROUP_WITHOUT_HANDLERS, NOT_APPROVED,
      APPROVED_LACKING["閲覧_法人_事由"], OBJECTION_UPHELD,
      DISMISSAL_NOTIFIED, OVERSEAS_DISMISSAL_NOTIFIED,
      OVERSEAS_PERMANENT,
      PERMANENT, STRUCK_OFF_ABROAD,
      NOTIFIED_BOTH, WRONGLY_REGISTERED,
      OVERSEAS_WRONGLY_REGISTERED, LAPSED, RETURN_UNQUALIFIED,
      RETURNED),
    # 就学: the worked examples of conformance/domains/shugaku/checks.py and people.py.
    *(shugaku_scenarios.APRIL_FIRST, shugaku_people.SCHOOL_AGE, shugaku_scenarios.MOVED_IN,
      shugaku_scenarios.ENTRANTS, shugaku_scenarios.AUTUMN_MOVER, shugaku_scenarios.LATE_MOVER,
      shugaku_scenarios.NOT_YET_COMPLETED),
    # 就学 on the 保護者's 就学 record: the worked examples of conformance/domains/shugaku/events.py.
    *(example for examples in shugaku_events.ARTICLE_6_EXAMPLES.values() for example in examples),
    *shugaku_events.EXEMPTED_ENTRANTS, shugaku_events.DEFERRED_BACK, shugaku_events.REMINDED,
    *shugaku_scenarios.MOVED_AROUND_BASE_DAY, shugaku_events.TWO_SCHOOLS, shugaku_events.ONE_SCHOOL,
    # 就学's edges (conformance/domains/shugaku/edges.py).
    *(shugaku_edges.SCHOOL_YEAR_LAST_DAY, shugaku_edges.SECONDARY_FIRST_DAY, shugaku_edges.MOVED_IN_JANUARY,
      shugaku_edges.DAUGHTER_OF_FATHER, shugaku_edges.ENTRANT_DAUGHTER),
    # 後期高齢者医療: the worked examples of conformance/domains/koki_korei/checks.py.
    *(koki_scenarios.MOVED_WITHIN, koki_scenarios.DIED, koki_scenarios.TO_OTHER_PREFECTURE, koki_scenarios.WELFARE,
      koki_scenarios.WELFARE_ENDED, koki_scenarios.CERTIFIED, koki_scenarios.FROM_ABROAD,
      koki_scenarios.HOME_WITHOUT_MEASURE, koki_scenarios.CHAIN),
    # 児童扶養手当: the worked examples of conformance/domains/jido_fuyo_teate/checks.py.
    *(fuyo_scenarios.CLAIMED, fuyo_scenarios.AGING_OUT, fuyo_scenarios.THREE_CHILDREN, fuyo_scenarios.LEFT_JAPAN,
      fuyo_scenarios.AT_THE_LIMIT, fuyo_scenarios.BELOW_WITH_DEPENDANTS, fuyo_scenarios.BELOW_THE_STOP_LIMIT,
      fuyo_scenarios.PARTIAL, fuyo_scenarios.PARTIAL_BELOW_FIVE_YEN, fuyo_scenarios.PARTIAL_TWO_CHILDREN,
      fuyo_scenarios.WITH_SUPPORT,
      fuyo_scenarios.CARER_WITH_SUPPORT,
      fuyo_scenarios.WITH_MAINTAINED_CHILD, fuyo_scenarios.STOPPED_WITH_MAINTAINED_CHILDREN,
      fuyo_scenarios.WORKERS_PENSION, fuyo_scenarios.LUMP_SUM, fuyo_scenarios.FATHER_APART,
      fuyo_scenarios.MOTHER_APART, fuyo_scenarios.CARER, fuyo_scenarios.CARER_APART, fuyo_scenarios.MOTHER_AGED_OUT,
      fuyo_scenarios.ABROAD_CHILD, fuyo_scenarios.FOSTERED_CHILD, fuyo_scenarios.WITH_FATHER,
      fuyo_scenarios.WITH_DISABLED_FATHER, fuyo_scenarios.STEPFATHER, fuyo_scenarios.DE_FACTO_STEPFATHER,
      fuyo_scenarios.WITH_MOTHER, fuyo_scenarios.WITH_DISABLED_MOTHER, fuyo_scenarios.STEPMOTHER,
      fuyo_scenarios.MOTHER_ABROAD, fuyo_scenarios.HINDERED, fuyo_scenarios.HINDERED_LATE,
      fuyo_scenarios.CARER_AT_LIMIT, fuyo_scenarios.CARER_WITH_CHILD, fuyo_scenarios.CARER_WITH_CHILD_AT_LIMIT,
      fuyo_scenarios.OBLIGOR_AT_LIMIT, fuyo_scenarios.OBLIGOR_WITH_DEPENDANT,
      fuyo_scenarios.OBLIGOR_WITH_DEPENDANT_AT_LIMIT,
      *fuyo_scenarios.PENSION_SAMPLES.values()),
    # 健康管理: the worked examples of conformance/domains/kenko_kanri/checks.py.
    *(kenko_scenarios.SEVEN_WEEKS, kenko_scenarios.FOUR_MONTHS, kenko_scenarios.EIGHTEEN_MONTHS,
      kenko_scenarios.TWO_AND_A_HALF, kenko_scenarios.THREE_AND_FOUR_MONTHS, kenko_scenarios.THIRTEEN,
      kenko_scenarios.SIXTY_FIVE, kenko_scenarios.DIED, kenko_scenarios.TODDLER_MOVED,
      kenko_scenarios.FIVE_BEFORE_THE_YEAR, kenko_scenarios.IN_THE_YEAR_BEFORE_SCHOOL,
      kenko_scenarios.BORN_APRIL_FIRST, kenko_scenarios.BORN_APRIL_SECOND, kenko_scenarios.NINE,
      kenko_scenarios.SPECIAL_ENDED, kenko_scenarios.SPECIAL_INSIDE, kenko_scenarios.ZOSTER_INSIDE,
      kenko_scenarios.ZOSTER_SECOND_YEAR, kenko_scenarios.ROTAVIRUS_KEPT, kenko_scenarios.THIRTEEN_BOY,
      kenko_scenarios.BEFORE_MOVING_IN, kenko_scenarios.REMOVED, kenko_scenarios.TODDLER_REMOVED,
      kenko_scenarios.SEVENTY_FOUR_UNINSURED, kenko_scenarios.SEVENTY_SIX_ON_WELFARE,
      kenko_scenarios.SEVENTY_SIX_WELFARE_STOPPED, kenko_scenarios.FORTY_FIVE_INSURED),
    # 健康管理 at the edges of its rows (issue 66, the statute mutation run): conformance/domains/kenko_kanri/edges.py.
    *kenko_edges.CHILD_EDGES,
    *(kenko_edges.ROTA_SIX_WEEKS, kenko_edges.ROTA_OVER, kenko_edges.FORTY_UNINSURED,
      kenko_edges.SEVENTY_FIVE_UNINSURED, kenko_edges.ZOSTER_LAST_DAY, kenko_edges.ZOSTER_LEAP_DAY,
      kenko_edges.ZOSTER_AFTER_LEAP_DAY, kenko_edges.INFLUENZA_KEPT, kenko_edges.COVID_KEPT),
    # 健康管理 on the 健康管理 record: the worked examples of 予防接種法 第5条第3項 and 母子保健法 第16条第1項.
    *(kenko_scenarios.DESIGNATED_IN_PART, kenko_scenarios.DESIGNATED_WHOLLY, kenko_scenarios.NOTIFIED_AT_FOURTEEN,
      kenko_scenarios.NOTIFIED_AT_FIFTY_ONE, kenko_scenarios.BEFORE_NOTIFYING),
    # 軽自動車税: the worked examples of conformance/domains/keijidosha_zei/checks.py.
    *(keiji_scenarios.BOUGHT_ON_LEVY_DATE, keiji_scenarios.BOUGHT_AFTER, keiji_scenarios.SCRAPPED_AFTER,
      keiji_scenarios.SMALL_TWO_WHEEL, keiji_scenarios.MOPED, keiji_scenarios.STATIONED_ELSEWHERE,
      keiji_scenarios.MOVED_OUT_OWNER, keiji_scenarios.NO_VEHICLE,
      *(example for name in ("environmental", "environmental_h22", "environmental_r2", "acquirer", "user", "sidecar")
        for example in keiji_scenarios.KEIJI_RULES[f"keijidosha_zei.{name}"].examples)),
    # 固定資産税: the worked examples of conformance/domains/kotei_shisan_zei/checks.py.
    *(kotei_scenarios.BOUGHT_AFTER, kotei_scenarios.SOLD_AFTER, kotei_scenarios.REGISTERED_LATE,
      kotei_scenarios.DIED_BEFORE, kotei_scenarios.ELSEWHERE, kotei_scenarios.LAND_AT_EXEMPTION,
      kotei_scenarios.DEPRECIABLE, kotei_scenarios.REBUILT_SECOND, kotei_scenarios.REBUILT_NOT_DEEMED,
      kotei_scenarios.BOUNDARY_THIRD, kotei_scenarios.NEW_IN_SECOND, kotei_scenarios.NEW_SECOND_IN_THIRD,
      kotei_scenarios.NEW_IN_THIRD, kotei_scenarios.NEW_SECOND_DAMAGED, kotei_scenarios.SUPERFICIES_101,
      kotei_scenarios.SUPERFICIES_100, kotei_scenarios.OWNER_UNDER_100, kotei_scenarios.PLEDGEE,
      kotei_scenarios.SHIP_STATIONED_HERE, kotei_scenarios.SHIP_STATIONED_ELSEWHERE,
      kotei_scenarios.MACHINE_STATIONED_ELSEWHERE,
      kotei_scenarios.UNREGISTERED_MACHINE, kotei_scenarios.RESERVED_BUYER, kotei_scenarios.UNRESERVED_BUYER,
      kotei_scenarios.LIGHT_CAR_ASSET, kotei_scenarios.REGISTERED_MACHINE, kotei_scenarios.FOREST,
      kotei_scenarios.POWER_PLANT, kotei_scenarios.FARM_USER_ON_TRANSFER_DAY,
      kotei_scenarios.FARM_BUYER_ON_TRANSFER_DAY, kotei_scenarios.FARM_BUYER_AFTER, kotei_scenarios.UNREGISTERED_LAND,
      kotei_scenarios.REGISTERED_HOUSE, kotei_scenarios.MACHINE_LEDGER, kotei_scenarios.TRUST_LESSEE,
      kotei_scenarios.TRUST_COMPANY, kotei_provisos.USER_AFTER_DISASTER, kotei_provisos.USER_AFTER_SEARCH,
      kotei_provisos.USER_OWNER_KNOWN),
    # 固定資産税's worked examples of issue 66 (the statute mutation run).
    *(kotei_scenarios.DECLARED_MACHINE, kotei_scenarios.NEW_IN_SECOND_REBUILT,
      kotei_scenarios.FARM_USER_BOUGHT_ON_LEVY_DATE),
    # 生活保護: the worked examples of conformance/domains/seikatsu_hogo/checks.py.
    *(seikatsu_scenarios.RESIDENT, seikatsu_scenarios.HOMELESS, seikatsu_scenarios.URGENT,
      seikatsu_scenarios.IN_FACILITY, seikatsu_scenarios.APPLIED, seikatsu_scenarios.EXTENDED,
      seikatsu_scenarios.NOTIFIED_LATE, seikatsu_scenarios.NOT_YET_DEEMED, seikatsu_scenarios.MEANS,
      seikatsu_scenarios.ENDED, seikatsu_scenarios.RECEIVING_IN_NEED, seikatsu_scenarios.MEDICAL,
      seikatsu_scenarios.LOAN, seikatsu_scenarios.KIN, seikatsu_scenarios.WITH_ASSETS,
      seikatsu_scenarios.URGENT_WITH_ASSETS, seikatsu_scenarios.OTHER_AID, seikatsu_scenarios.HOUSEHOLD,
      seikatsu_scenarios.LIVING_NEEDS, seikatsu_scenarios.SCHOOL_NEEDS, seikatsu_scenarios.OTHER_NEEDS,
      seikatsu_scenarios.OBLIGOR_FULFILLING, seikatsu_scenarios.OBLIGOR_UNSUITABLE, seikatsu_scenarios.OBLIGOR_CHANGE,
      seikatsu_scenarios.CHANGE,
      seikatsu_scenarios.RECEIVED),
    # 生活保護 at the edges of the need, and a record of no 給付 (issue 66, the statute mutation run).
    *(seikatsu_scenarios.ONE_YEN_SHORT, seikatsu_scenarios.URGENT_HOUSEHOLD, seikatsu_scenarios.URGENT_MET,
      seikatsu_scenarios.URGENT_ONE_YEN_SHORT, seikatsu_scenarios.NO_BENEFIT),
    # 障害者福祉: the worked examples of conformance/domains/shogaisha_fukushi/checks.py.
    *(shogaisha_scenarios.RESIDENT, shogaisha_scenarios.NO_RESIDENCE, shogaisha_scenarios.IN_FACILITY,
      shogaisha_scenarios.IN_FACILITY_UNKNOWN, shogaisha_scenarios.FROM_CHILD_FACILITY,
      shogaisha_scenarios.FROM_CHILD_FACILITY_NO_GUARDIAN, shogaisha_scenarios.DECIDED, shogaisha_scenarios.EXPIRED,
      shogaisha_scenarios.UNDECIDED, shogaisha_scenarios.REACHING_18, shogaisha_scenarios.GUARDIAN_APPLIES,
      shogaisha_scenarios.CHILD_APPLIES, shogaisha_scenarios.CHILD_QUALIFIES, shogaisha_scenarios.REACHING_15,
      shogaisha_scenarios.SIXTEEN, shogaisha_scenarios.SUPPLIED, shogaisha_scenarios.LAPSED,
      shogaisha_scenarios.FOREIGN_18, shogaisha_scenarios.NOT_YET_GIVEN, shogaisha_scenarios.LEAP_17,
      shogaisha_scenarios.LEAP_18, shogaisha_scenarios.LEAP_GUARDIAN, shogaisha_scenarios.LEAP_HELD,
      shogaisha_scenarios.GIVEN_TODAY, shogaisha_scenarios.HELD_ON_GIVING),
    # 子ども・子育て支援 through the per-person query: conformance/domains/kodomo_kosodate/benefits.py's examples.
    *(rule_example for rule in kodomo_query.KODOMO_QUERY_RULES.values() for rule_example in rule.examples),
    # 法人住民税: the worked examples of conformance/domains/hojin_juminzei/checks.py.
    *(hojin_scenarios.OFFICE_HERE, hojin_scenarios.OFFICE_ELSEWHERE, hojin_scenarios.DORMITORY_ONLY,
      hojin_scenarios.OPENED_MID_YEAR, hojin_scenarios.EMPLOYEES_GREW, hojin_scenarios.PAID_IN_ABOVE,
      hojin_scenarios.EXTENDED_DEADLINE, hojin_scenarios.OPENED_ON_SECOND),
    # 印鑑登録: the worked examples of conformance/domains/inkan/checks.py.
    *(inkan_scenarios.ALLOWED, inkan_scenarios.MOVED_OUT, inkan_scenarios.FOURTEEN, inkan_scenarios.INCAPABLE,
      inkan_scenarios.SECOND, inkan_scenarios.OTHER_NAME, inkan_scenarios.TITLE, inkan_scenarios.RUBBER_SEAL,
      inkan_scenarios.SMALL, inkan_scenarios.BLURRED, inkan_scenarios.NEWCOMER, inkan_scenarios.EIGHT,
      inkan_scenarios.ARRIVING, inkan_scenarios.OWN_NAME, inkan_scenarios.TSUSHO, inkan_scenarios.YOUNG_INCAPABLE,
      inkan_scenarios.ASKED_BEFORE, inkan_scenarios.LATIN_LETTER, inkan_scenarios.UNKNOWN_BIRTH_MOVED_OUT),
    # 法人住民税 by 法人区分: the worked examples of conformance/domains/hojin_juminzei/checks.py (第294条第5項-第8項).
    *(hojin_scenarios.FOREIGN_PE_HERE, hojin_scenarios.FOREIGN_OFFICE_ONLY, hojin_scenarios.PUBLIC_BUSINESS_HERE,
      hojin_scenarios.PUBLIC_BUSINESS_ELSEWHERE, hojin_scenarios.INTEREST_BUSINESS_HERE,
      hojin_scenarios.INTEREST_NO_BUSINESS, hojin_scenarios.CEASED_SOCIETY,
      hojin_scenarios.SOCIETY_WITHOUT_REPRESENTATIVE, hojin_scenarios.TRUSTEE_HERE, hojin_scenarios.TRUSTEE_ELSEWHERE,
      hojin_scenarios.FILED_ON_DEADLINE,
      hojin_scenarios.FILED_LATE, hojin_scenarios.NEVER_FILED, hojin_scenarios.SECOND_FILED_ON_DEADLINE,
      hojin_scenarios.INTERIM_PAID_IN_ABOVE, hojin_scenarios.MUTUAL_PAID_IN_ABOVE),
    # 個人住民税 on its record: the worked examples of conformance/domains/kojin_juminzei/checks.py's RECORD_RULES.
    *(example for rule in kojin_scenarios.RECORD_RULES.values() for example in rule.examples),
    # 個人住民税 第295条第3項 at the reference profile's declared amount (its town's 条例: 450,000円).
    *kojin_scenarios.kintowari_exempt_examples(450_000),
    # 個人住民税 第313条第7項's 括弧書: a 親族 who died in the 前年, judged 死亡当時.
    kojin_scenarios.DIED_UNDER_FIFTEEN,
)


class Api:
    """A running reference vendor asked in this process: its WSGI app through tests/inprocess.py (no
    socket; a probe of every defect over the network was half the quick tests' time)."""

    def __init__(self, running: RunningReference | RunningApp) -> None:
        self.running = running
        self.url = IN_PROCESS + API_PREFIX
        self.session = requests.Session()
        self.session.mount(IN_PROCESS + "/", WsgiAdapter(running.app))

    def get(self, path: str, **params: str) -> requests.Response:
        return self.session.get(self.url + path, params=params, timeout=10)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(self.url + path, json=body, timeout=10)

    def client(self) -> RequestsHttpClient:
        """The harness's HTTP client over the same app."""
        return in_process_client(self.running.app)

    def lines(self, atena: str) -> dict[str, str]:
        people = self.post("/certificates", {"宛名番号": atena}).json()["記載者"]
        return {line["項目"]: line["値"] for line in people[0]["記載事項"]}


def jutogai_probe(api: Api) -> list[tuple[int, Any]]:
    """The 付番 API: two registrations, 処理区分 1 with and without a 宛名番号, no 処理区分, no token."""
    from conformance.domains.kyotsu.checks import registration
    from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET

    token = api.session.post(api.url + "/oauth2/token", data={"grant_type": "client_credentials"},
                             auth=(CLIENT_ID, CLIENT_SECRET), timeout=10).json()["access_token"]

    def fuban(changes: dict[str, Any] | None = None, authorized: bool = True) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if authorized else {}
        answer = api.session.post(api.url + "/app_submit/v10/jutogaishaatenabangofuban", headers=headers,
                                  json=registration(changes, today=date(2024, 4, 1)), timeout=10)
        return answer.status_code, answer.json()

    first = fuban()
    number = first[1]["result"][0]["atenabango"]
    return [first, fuban(), fuban({"shorikubun": "1", "atenabango": number}), fuban({"shorikubun": "1"}),
            fuban({"shorikubun": None}), fuban(authorized=False)]


#: Probes by name (AFFECTS' names).
Probes = dict[str, Any]


def reads_probe(api: Api) -> Probes:
    """Documents, certificates, the 閲覧用 list, the exports, the forms and the 抑止 list of the test town."""
    probes: Probes = {
        "resident": api.get(f"/residents/{JAPANESE['宛名番号']}").json(),
        "tsusho_resident": api.get(f"/residents/{TSUSHO['宛名番号']}").json(),
        "tsusho_history": api.get(f"/residents/{TSUSHO['宛名番号']}/history").json(),
        "grandchild": api.get(f"/residents/{GRANDCHILD['宛名番号']}").json(),
        "household": api.get(f"/households/{GRANDCHILD['世帯番号']}").json(),
        "certificate_japanese": api.lines(JAPANESE["宛名番号"]),
        "certificate_foreign": api.lines(FOREIGN["宛名番号"]),
        "certificate_tsusho": api.lines(TSUSHO["宛名番号"]),
        "certificate_grandchild": api.lines(GRANDCHILD["宛名番号"]),
        "certificate_dv": api.post("/certificates", {"宛名番号": PROTECTED["宛名番号"]}).status_code,
        "inspection": api.get("/inspection-list", 町字=PROTECTED["住所_町字"]).json(),
        "export": hashlib.sha256(api.get("/exports/residents.csv").content).hexdigest(),
        "households_export": hashlib.sha256(api.get("/exports/households.csv").content).hexdigest(),
        "fixed_export": hashlib.sha256(api.get("/exports/residents.dat").content).hexdigest(),
    }
    probes["forms"] = [forms_probe(api, form_id, body) for form_id, body in FORM_PROBES]
    listed = api.session.get(api.url + "/driver/v1/lists/suppressed", timeout=10).json()["persons"]
    town = {row["宛名番号"] for row in default_town()}
    probes["suppressed"] = sorted(person["宛名番号"] for person in listed if person["宛名番号"] in town)
    return probes


def records_probe(api: Api) -> Probes:
    """A move-in and a correction, and the export's rows of the two persons they wrote."""
    probes: Probes = {"move_in": api.post("/residents", MOVE_IN).json()}
    api.post(f"/residents/{JAPANESE['宛名番号']}/corrections", CORRECTION)
    probes["correction"] = api.get(f"/residents/{JAPANESE['宛名番号']}/history").json()
    changed = {JAPANESE["宛名番号"], str(probes["move_in"].get("宛名番号", ""))}
    text = api.get("/exports/residents.csv").content.decode("utf-8", "replace")
    probes["export_after"] = [line for line in text.splitlines() if line.split(",", 1)[0] in changed]
    return probes


def _one(name: str, take: Callable[[Api], Any]) -> tuple[str, Callable[[Api], Probes]]:
    """A segment of one probe, named as the probe."""
    return name, lambda api: {name: take(api)}


#: A 支援措置 with an item in every group of 1.1.16's database, and a 修正 of every group.
SUPPORT_GROUPS: dict[str, Any] = {
    "申出者": {"氏名": "見本　太郎"}, "併せて支援措置を求める者": [{"氏名": "見本　一郎"}],
    "加害者": [{"氏名": "見本　三郎"}],
    "支援を求められている事務": [{"事務": "住民基本台帳の閲覧", "現住所": "静岡県見本町本町一丁目1番1号"}],
    "転送情報": {"転送年月日": "2024-06-03"}, "仮支援措置": {"仮支援措置の有無": "有"},
}
SUPPORT_UPDATE: dict[str, Any] = {
    "申出者": {"氏名": "見本　春子"}, "併せて支援措置を求める者": [{"氏名": "見本　一朗"}],
    "加害者": [{"氏名": "見本　三朗"}],
    "支援措置の期間": {"支援措置の終了年月日": "2025-06-30"},
}


def support_probe(api: Api) -> dict[str, Any]:
    """1.1.16: the record of a 支援措置 registered for a new person and corrected, the 宛名番号 as a mark
    (a new person's number differs between servers)."""
    from conformance.scenarios.engine import DEFAULT_ITEMS

    base = api.url + "/driver/v1"
    person = api.session.post(base + "/fixtures/persons", json={"persons": [dict(DEFAULT_ITEMS)]}, timeout=10)
    atena = person.json()["persons"][0]["宛名番号"]
    period = {"支援措置の開始年月日": "2024-06-01", "支援措置の終了年月日": "2025-05-31"}
    api.session.post(base + "/support-measures", json={"宛名番号": atena, "区分": "現住所地市区町村",
                                                       "支援措置の期間": period, **SUPPORT_GROUPS}, timeout=10)
    api.session.post(f"{base}/support-measures/{atena}", json=SUPPORT_UPDATE, timeout=10)
    record = api.session.get(f"{base}/support-measures/{atena}", timeout=10).json()["支援措置"]
    return json.loads(json.dumps(record, ensure_ascii=False).replace(atena, "<宛名番号>"))


def extract_probe(api: Api) -> list[str]:
    """The 性別 of every town resident a 無作為抽出 of men (性別 1) draws and whether a 外国人住民 is among them (the
    日本人・外国人の別 not given), and whether one born before 2000 is
    drawn by an extraction of those born on or after 2000-01-01 (a range with its lower end only), and how many
    born on one day a range of that day alone draws, each asked for more than there are."""
    town = {row["宛名番号"]: row for row in default_town()}
    url = api.url + "/driver/v1/extractions/random"
    drawn = api.session.post(url, json={"性別": "1", "人数": 100000}, timeout=10)
    sexes = sorted({town[p["宛名番号"]].get("性別", "") for p in drawn.json()["persons"] if p["宛名番号"] in town})
    foreign = any(town[p["宛名番号"]].get("住民種別") == "2" for p in drawn.json()["persons"] if p["宛名番号"] in town)
    young = api.session.post(url, json={"生年月日_開始": "2000-01-01", "人数": 100000}, timeout=10)
    older = any(town[p["宛名番号"]].get("生年月日", "") < "2000-01-01" for p in young.json()["persons"]
                if p["宛名番号"] in town)
    day = min(born for row in town.values() if row.get("住民状態") == "1"
              and re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", born := row.get("生年月日", "")))
    one_day = api.session.post(url, json={"生年月日_開始": day, "生年月日_終了": day, "人数": 100000}, timeout=10)
    return [*sexes, f"older drawn: {older}", f"foreign drawn: {foreign}",
            f"born on {day} drawn: {len(one_day.json()['persons'])}"]


def oplog_probe(api: Api) -> list[Any]:
    """The 操作ログ (10.2) of one driver 照会 and one 転居 of a new person, without the 日時 (it moves)."""
    from conformance.scenarios.engine import DEFAULT_ITEMS

    base, today = api.url + "/driver/v1", clock.today().isoformat()
    person = api.session.post(base + "/fixtures/persons", json={"persons": [dict(DEFAULT_ITEMS)]}, timeout=10)
    atena = person.json()["persons"][0]["宛名番号"]
    api.session.get(f"{base}/persons/{atena}", timeout=10)
    api.session.post(base + "/moves/within", json={"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, "異動日": today,
                                                   "届出年月日": today}, timeout=10)
    entries = api.session.get(base + "/logs/operations", params={"宛名番号": atena}, timeout=10).json()["entries"]
    api.session.post(api.url + "/forms/juminhyo_kojin", json={"宛名番号": atena}, timeout=10)
    prints = api.session.get(base + "/logs/prints", params={"宛名番号": atena}, timeout=10).json()["entries"]
    return [{key: value for key, value in entry.items() if key not in ("日時", "対象", "印刷日時", "発行番号",
                                                                       "対象ファイル名")}
            for entry in [*entries, *prints, *more_logs_probe(api, atena)]]


def more_logs_probe(api: Api, atena: str) -> list[dict[str, Any]]:
    """10.2's 認証ログ of the client's ID (a failed login and two successful ones: an ID's count of logins is not its
    count of distinct days or sessions), エラーログ (a 転居 dated tomorrow: E001) and the analyses of logs.analysis,
    after the 照会 and 転居 of ``atena`` (oplog_probe)."""
    from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET

    base, today = api.url + "/driver/v1", clock.today()
    for secret in ("wrong-secret", CLIENT_SECRET, CLIENT_SECRET):
        api.session.post(api.url + "/oauth2/token", data={"grant_type": "client_credentials"},
                         auth=(CLIENT_ID, secret), timeout=10)
    api.session.post(base + "/moves/within", json={"宛名番号": [atena], "住所": {"住所_町字": "栄町"},
                                                   "異動日": (today + timedelta(days=1)).isoformat(),
                                                   "届出年月日": today.isoformat()}, timeout=10)

    def read(path: str, **params: str) -> list[dict[str, Any]]:
        answer: list[dict[str, Any]] = api.session.get(base + path, params=params, timeout=10).json()["entries"]
        return answer

    analyses = [read("/logs/analysis", 種類="ログイン失敗一覧"), read("/logs/analysis", 種類="ID別ログイン数一覧"),
                read("/logs/analysis", 種類="該当者の検索実行一覧", 宛名番号=atena)]
    # The 認証ログ searched by the client's 利用者ID (10.2 R019's 検索), as jumin.logs.auth reads it.
    return [*read("/logs/auth", 利用者ID=CLIENT_ID), *read("/logs/errors", 宛名番号=atena),
            *(row for rows in analyses for row in rows)]


def fuhyo_copy_probe(api: Api) -> list[Any]:
    """The printed 戸籍の附票の写し (its text, line by line) of the same worked examples as :func:`fuhyo_probe`,
    without the 発行番号 (it carries the day)."""
    client = api.client()
    printed = []
    for scenario in (fuhyo_scenarios.FAMILY, fuhyo_scenarios.EMIGRATED, fuhyo_scenarios.MOVED):
        loaded = scenarios.load(client, scenario, TOWN_CODE)
        fuhyo_scenarios.register(client, scenario, loaded, elsewhere=True, removed=True, joined=True)
        lines = fuhyo_forms.issue_copy(client, loaded, scenario, shown=(fuhyo_forms.DISPLAY,)).get("行") or []
        printed.append([line for line in lines if not line.startswith("発行番号")])
    return printed


def senkyo_shohon_probe(api: Api) -> list[Any]:
    """The printed 選挙人名簿抄本 (its text, line by line, without the 発行番号) of the worked examples of
    conformance/domains/senkyo/forms.py: a newcomer registered at a 定時登録, one registered after moving out, a
    registered person whose 氏名 was corrected (第27条第3項), and the 在外選挙人名簿抄本 of a person on it."""
    client = api.client()
    printed = []
    for rule in senkyo_forms.FORM_RULES.values():
        for scenario in rule.examples:
            loaded = scenarios.load(client, scenario, TOWN_CODE)
            if rule.prepare is not None:
                rule.prepare(client, scenario, loaded)
            assert rule.ask is not None
            lines = rule.ask(client, loaded, scenario).get("行") or []
            printed.append([line for line in lines if not line.startswith("発行番号")])
    return printed


def gakureibo_probe(api: Api) -> list[Any]:
    """The printed 学齢簿 (its text, line by line, without the 発行番号) of the worked example of
    conformance/domains/shugaku/forms.py: a 学齢児童 and the 世帯主 as the 保護者."""
    client = api.client()
    scenario = shugaku_forms.FORM_RULES["shugaku_form.child_items"].examples[0]
    loaded = scenarios.load(client, scenario, TOWN_CODE)
    answers = shugaku_forms._ask(client, loaded, scenario)["学齢簿"].values()
    return [[line for line in answer.get("行") or [] if not line.startswith("発行番号")] for answer in answers]


def kakuninsho_probe(api: Api, rules: Mapping[str, Any]) -> list[Any]:
    """The printed 資格確認書 or 被保険者証 (their text, line by line, without the 発行番号) of the worked examples of
    conformance/domains/kokuho/forms.py, koki_forms.py or kaigo_forms.py (every rule of a module asks the same examples
    alike), the persons' numbers as a mark (a new person's number differs between servers)."""
    client = api.client()
    rule = next(iter(rules.values()))
    assert rule.ask is not None
    printed = []
    for scenario in dict.fromkeys(example for one in rules.values() for example in one.examples):
        loaded = scenarios.load(client, scenario, TOWN_CODE)
        answer = rule.ask(client, loaded, scenario)
        cards = answer["資格確認書"].values() if "資格確認書" in answer else [answer]
        text = json.dumps([[line for line in card.get("行") or [] if not line.startswith("発行番号")]
                           for card in cards], ensure_ascii=False)
        for atena in (loaded.atena, *loaded.children):
            text = text.replace(atena, "<宛名番号>").replace(atena[-8:], "<番号>")
        printed += json.loads(text)
    return printed


def koseki_probe(api: Api) -> list[Any]:
    """What each 戸籍 rule reads of the answers to its worked examples (the 戸籍 as labels: 本籍 differ)."""
    client = api.client()
    codes = (TOWN_CODE, *scenarios.other_codes(TOWN_CODE))
    return [rule.actual(*koseki_driver.send(client, "/driver/v1", case, codes))  # type: ignore[arg-type]
            for rule in koseki_scenarios.KOSEKI_RULES.values() for case in rule.examples]


#: Applications each 子ども・子育て支援 defect answers differently for: the worked examples of
#: conformance/domains/kodomo_kosodate/checks.py.
KODOMO_PROBES = tuple(application for rule in kodomo_scenarios.KODOMO_RULES.values() for application in rule.examples)


def kodomo_probe(api: Api, application: kodomo_scenarios.Application) -> list[dict[str, Any]]:
    """The 処分 of each child's application (the 通知先 as the role of the person: numbers differ)."""
    client = api.client()
    loaded = scenarios.load(client, application.household, TOWN_CODE)
    answers = kodomo_scenarios.apply(client, "/driver/v1", loaded, application)
    roles = {loaded.atena: "保護者", **dict.fromkeys(loaded.children, "子ども")}
    return [{**answer, "通知先": roles.get(answer["通知先"], "?")} for answer in answers.values()]


def forms_probe(api: Api, form_id: str, body: dict[str, Any]) -> Any:
    """A form's data (the date of issue left out: it is today's), or its refusal's status."""
    response = api.post(f"/forms/{form_id}/data", body)
    if response.status_code != 200:
        return response.status_code
    today = clock.today()
    issued = f"{today.year - 2018}年{today.month}月{today.day}日"  # 令和
    return json.loads(response.text.replace(today.strftime("%Y%m%d"), "DAY").replace(issued, "DAY"))


def qualifications_probe(api: Api) -> list[dict[str, Any]]:
    """The per-person query of every rule probe, their persons appended in one go (as the scenario
    checks' first pass does: each scenario has its own 世帯 and numbers, so no answer changes)."""
    client = api.client()
    loaded = scenarios.load_many(client, list(RULE_PROBES), TOWN_CODE)
    return [_comparable(scenarios.query(client, one, scenario))
            for one, scenario in zip(loaded, RULE_PROBES, strict=True)]


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    """A per-person answer without the numbers of appended persons."""
    # The numbers of appended persons differ from server to server: compare everything else.
    atena = document.pop("宛名番号")
    kokuho = document["国民健康保険"]
    if kokuho.get("納付義務者") is not None:  # the 世帯主's number: the person's own, or another's
        kokuho["納付義務者"] = "<本人>" if kokuho["納付義務者"] == atena else "<世帯主>"
    for child in (*document["児童手当"]["児童"], *document["児童扶養手当"]["児童"]):
        child.pop("宛名番号")
    shugaku = document["就学"]
    for child in (*shugaku["児童"], *shugaku["学齢簿"], *shugaku["就学予定者"]["者"]):
        child.pop("宛名番号")
    return document


@dataclass(frozen=True)
class Queries:
    """The qualifications segment asked query by query on the clean reference: the store right after its persons
    were appended, the persons, the defects the append asked about, and those each query asked about.

    A statute defect is asked by few of the rule probes' queries (median under 1 %, mean a fifth, measured
    2026-11-27): rerunning the whole segment (the append and 395 queries, half a second) for each of some 350
    defects was two thirds of these tests' time. With a defect on, a query that did not ask about it takes the
    same branches over the same store, so it gives the clean answer: a defect's probe copies the appended store
    and asks only the queries that asked about it. That holds while the queries write nothing the next one could
    read (the clean fixture asserts the store is unchanged by them) and the append did not ask about the defect
    (else the whole segment runs again)."""

    store: Store
    loaded: tuple[scenarios.Loaded, ...]
    load_asked: frozenset[str]
    asked: tuple[frozenset[str], ...]

    def answers_with(self, name: str, clean: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The segment's answers with the defect ``name`` on: the clean ones, but those of the queries that asked
        about it, asked again on a copy of the appended store."""
        assert name not in self.load_asked, name
        store = Store()
        try:
            self.store.copy_to(store)
            client = Api(RunningApp(ReferenceApp(store, frozenset({name})), store)).client()
            return [_comparable(scenarios.query(client, one, scenario)) if name in asked else answer
                    for one, scenario, asked, answer in zip(self.loaded, RULE_PROBES, self.asked, clean, strict=True)]
        finally:
            store.close()


def _store_content(store: Store) -> tuple[list[str], Any]:
    """Every row of every table and the other 業務's records: what a query could have written."""
    return list(store._db.iterdump()), store._domain_records


def queries_of_clean() -> tuple[list[dict[str, Any]], Queries]:
    """The qualifications segment on the clean reference, query by query (:class:`Queries`)."""
    defects = AskedDefects()
    with fresh(defects) as api:
        client = api.client()
        loaded = tuple(scenarios.load_many(client, list(RULE_PROBES), TOWN_CODE))
        load_asked = frozenset(defects.asked)
        snapshot = Store()
        api.running.store.copy_to(snapshot)
        before = _store_content(snapshot)
        answers, asked = [], []
        for one, scenario in zip(loaded, RULE_PROBES, strict=True):
            defects.asked.clear()
            answers.append(_comparable(scenarios.query(client, one, scenario)))
            asked.append(frozenset(defects.asked))
        assert defects.opaque == [], f"the reference used its defect set other than by `in`: {defects.opaque[:5]}"
        assert _store_content(api.running.store) == before, "a per-person query wrote to the store"
    return answers, Queries(snapshot, loaded, load_asked, tuple(asked))


def fuhyo_probe(api: Api) -> list[Any]:
    """The 戸籍の附票 of the worked examples of conformance/domains/koseki_fuhyo/checks.py, each registered as
    its 戸籍 (one more 在籍者 living elsewhere, the child 除籍), the 宛名番号 left out."""
    client = api.client()
    answers = []
    for scenario in (fuhyo_scenarios.FAMILY, fuhyo_scenarios.EMIGRATED, fuhyo_scenarios.MOVED):
        loaded = scenarios.load(client, scenario, TOWN_CODE)
        fuhyo_scenarios.register(client, scenario, loaded, elsewhere=True, removed=True, joined=True, overseas=True)
        answer = scenarios.query(client, loaded, scenario)
        part = answer["戸籍の附票"]
        entries = [{key: value for key, value in entry.items() if key != "宛名番号"} for entry in part["記載"]]
        answers.append({**part, "記載": entries, "本人確認情報の保存": answer.get("本人確認情報の保存")})
    return answers


#: The probes in segments. Each segment runs on a reference of its own, the test town loaded anew, and reads
#: only what it wrote: with a defect on, a segment whose answers never asked whether it is on gives the
#: same probes (the same branches from the same start), so a defect's probe runs only the segments that
#: asked about it. (A segment per rule probe cost more: a statute domain's defects are asked by every
#: person's query, and each segment loads the town.)
SEGMENTS: dict[str, Callable[[Api], Probes]] = dict((
    ("reads", reads_probe),
    ("records", records_probe),
    _one("qualifications", qualifications_probe),
    _one("jutogai", jutogai_probe),
    _one("kodomo", lambda api: [kodomo_probe(api, application) for application in KODOMO_PROBES]),
    _one("fuhyo", fuhyo_probe),
    _one("fuhyo_copy", fuhyo_copy_probe),
    _one("senkyo_shohon", senkyo_shohon_probe),
    _one("gakureibo", gakureibo_probe),
    _one("kokuho_card", functools.partial(kakuninsho_probe, rules=kokuho_forms.FORM_RULES)),
    _one("koki_card", functools.partial(kakuninsho_probe, rules=koki_forms.FORM_RULES)),
    _one("kaigo_card", functools.partial(kakuninsho_probe, rules=kaigo_forms.FORM_RULES)),
    _one("koseki", koseki_probe),
    _one("oplog", oplog_probe),
    _one("extract", extract_probe),
    _one("support", support_probe),
))


@dataclass(frozen=True)
class Clean:
    """The probes of the clean reference, and per segment the defects it asked about while answering them."""

    probes: Probes
    asked: dict[str, frozenset[str]]
    queries: Queries

    def segments_asking(self, name: str) -> list[str]:
        """The segments whose answers asked whether the defect ``name`` is on."""
        return [segment for segment, asked in self.asked.items() if name in asked]


@contextmanager
def fresh(defects: frozenset[str]) -> Iterator[Api]:
    """A reference over a store of the test town, as start_reference builds it, asked in this process (no
    server): a new one for each segment of the probes, a copy of the town loaded once (``town_store``:
    loading it again for each of about 500 segments was a third of these tests' time)."""
    store = town_store()
    try:
        yield Api(RunningApp(ReferenceApp(store, defects), store))
    finally:
        store.close()


def run_segment(segment: str, defects: frozenset[str]) -> Probes:
    """The probes of one segment, on a reference of its own with ``defects`` on."""
    with fresh(defects) as api:
        return SEGMENTS[segment](api)


@pytest.fixture(scope="module")
def clean() -> Clean:
    """The probes of the clean reference, segment by segment, with the defects each segment asked about."""
    probes: Probes = {}
    asked: dict[str, frozenset[str]] = {}
    for segment in SEGMENTS:
        if segment == "qualifications":
            probes[segment], queries = queries_of_clean()
            asked[segment] = queries.load_asked.union(*queries.asked)
            continue
        defects = AskedDefects()
        probes |= run_segment(segment, defects)
        assert defects.opaque == [], f"the reference used its defect set other than by `in`: {defects.opaque[:5]}"
        asked[segment] = frozenset(defects.asked)
    return Clean(probes, asked, queries)


@dataclass(frozen=True)
class RunningApp:
    """What Api uses of a running reference: its app and store (no server: Api asks the app in process)."""

    app: ReferenceApp
    store: Store


@contextmanager
def started(*defects: str) -> Iterator[Api]:
    with start_reference(defects=frozenset(defects)) as running:
        yield Api(running)


#: Defects that change their probes only at some hours of the real clock the probes run at (the UTC day differs from
#: Japan's from 00:00 to 09:00 JST): at other hours they change none of them (AFFECTS), then at most these.
AT_SOME_HOURS: dict[str, set[str]] = {"form_certification_date_utc": {"forms"},
                                      "form_certification_date_host_local": {"forms"},
                                      "form_issue_number_day_host_local": {"forms"}}


def test_every_defect_has_its_probes_listed() -> None:
    assert set(AFFECTS) == set(DEFECTS)


def family(name: str) -> str:
    """The domain of a defect's requirements (the first by name: a defect breaks one domain's)."""
    return min((requirement.split("-", 1)[0] for requirement in DEFECTS[name].requirements), default="")


def readme_probes() -> list[str]:
    """The defects whose probes the README's test command asks (issue 70 item 4): per domain and per probe a
    defect changes, the first defect by name that changes it, and per domain the first that changes none (a probe
    that must stay the clean one). Every kind of probe and every domain's defects keep a test in the README's
    command; the other defects' probes are the scheduled set's (``test_a_scheduled_defect_...``), which CI runs."""
    chosen: dict[tuple[str, str], str] = {}
    for name in sorted(AFFECTS):
        for probe in AFFECTS[name] or {""}:
            chosen.setdefault((family(name), probe), name)
    return sorted(set(chosen.values()))


#: The segments of the probes that asked about a defect, each on a reference of its own with the defect on (a few
#: hundred requests in all): the matrix is end to end, out of the quick loop (tox -e quick); CI runs it. The
#: README's command asks a sample covering every probe and domain (``readme_probes``), CI's session all of them.
@pytest.mark.e2e
@pytest.mark.parametrize("name", readme_probes())
def test_a_defect_changes_exactly_its_probes(clean: Clean, name: str) -> None:
    changes_exactly_its_probes(clean, name)


@pytest.mark.e2e
@pytest.mark.parametrize("name", sorted(set(DEFECTS) - set(readme_probes())))
def test_a_scheduled_defect_changes_exactly_its_probes(clean: Clean, name: str) -> None:
    changes_exactly_its_probes(clean, name)


def test_the_readme_s_probes_cover_every_probe_and_every_domain() -> None:
    """The README's command keeps every kind of probe: each probe a defect changes, each domain's defects, and each
    domain's defects that change none (a probe that must stay the clean one); the scheduled set holds the rest."""
    sample = readme_probes()
    assert set().union(*(AFFECTS[name] for name in sample)) == set().union(*AFFECTS.values())
    assert {family(name) for name in sample} == {family(name) for name in DEFECTS}
    assert {family(name) for name in sample if not AFFECTS[name]} == {
        family(name) for name in DEFECTS if not AFFECTS[name]}
    assert len(sample) < len(DEFECTS) / 10


def changes_exactly_its_probes(clean: Clean, name: str) -> None:
    """The probes of the segments that asked about ``name``, with it on: exactly its listed probes differ."""
    segments = clean.segments_asking(name)
    # A segment that never asked whether the defect is on takes the same branches from the same start with it
    # on: none of its probes can change. A defect no segment asked about changes nothing.
    probes: Probes = {}
    for segment in segments:
        probes |= segment_with(clean, segment, name)
    changed = {key for key, value in probes.items() if value != clean.probes[key]}
    assert changed == AFFECTS[name] or (changed and changed <= AT_SOME_HOURS.get(name, set()))


def segment_with(clean: Clean, segment: str, name: str) -> Probes:
    """The probes of one segment with the defect ``name`` on: the qualifications query by query (:class:`Queries`)
    unless the append asked about the defect, any other segment run again whole."""
    if segment == "qualifications" and name not in clean.queries.load_asked:
        return {segment: clean.queries.answers_with(name, clean.probes[segment])}
    return run_segment(segment, frozenset({name}))


@pytest.mark.e2e
def test_asking_only_the_queries_that_asked_about_a_defect_gives_the_whole_segment_s_answers(clean: Clean) -> None:
    """The shortcut of :class:`Queries` against the whole segment run again: for the defect most queries ask
    about, one few ask about, and one whose answers differ only in a few of its queries."""
    counts = {name: sum(name in asked for asked in clean.queries.asked) for name in DEFECTS}
    asked = sorted((count, name) for name, count in counts.items() if count)
    chosen = {asked[-1][1], asked[0][1], "kaigo_on_birthday"}
    wholes = {name: run_segment("qualifications", frozenset({name}))["qualifications"] for name in sorted(chosen)}
    for name, whole in wholes.items():
        assert clean.queries.answers_with(name, clean.probes["qualifications"]) == whole, name
    assert wholes["kaigo_on_birthday"] != clean.probes["qualifications"]  # the comparison can see a difference


def test_defects_are_described_and_name_requirements() -> None:
    for name, defect in DEFECTS.items():
        assert isinstance(defect, Defect) and defect.name == name and defect.description
        prefixes = ("jumin-1.0-", "kyotsu-2.1-", *(f"{d}-2025.12-" for d in STATUTE_DOMAINS))
        assert defect.requirements and all(rid.startswith(prefixes) for rid in defect.requirements)


def test_unknown_defects_are_a_usage_error_with_a_suggestion() -> None:
    assert parse_defects(["cp932_export", "cp932_export"]) == frozenset({"cp932_export"})
    with pytest.raises(UsageError, match=r"unknown defect 'dv_inspection_leek'; did you mean 'dv_inspection_leak'\?"):
        parse_defects(["dv_inspection_leek"])
    with pytest.raises(UsageError, match="unknown defect 'nothing_like_it'; known defects: ") as raised:
        parse_defects(["nothing_like_it"])
    assert "known defects:" in str(raised.value)
    with pytest.raises(UsageError):
        start_reference(defects=frozenset({"nope"}))


# -- the changed behaviour of each defect -------------------------------------------------------------


def test_dv_certificate_issued() -> None:
    with started("dv_certificate_issued") as api:
        response = api.post("/certificates", {"宛名番号": PROTECTED["宛名番号"]})
        assert response.status_code == 200 and response.json()["帳票ID"] == "0010001"
        assert api.running.store.issuance_log(PROTECTED["宛名番号"])[-1].result == "issued"


def test_dv_inspection_leak() -> None:
    town = PROTECTED["住所_町字"]
    with started("dv_inspection_leak") as api:
        entries = api.get("/inspection-list", 町字=town).json()["entries"]
    listed = {(entry["氏名"], entry["生年月日"]) for entry in entries}
    protected = [row for row in ROWS if row["住所_町字"] == town and row["支援措置対象フラグ"] == "1"
                 and row["住民状態"] == "1"]
    assert protected and all((row["氏名"], row["生年月日"]) in listed for row in protected)


def test_tsusho_dropped() -> None:
    with started("tsusho_dropped") as api:
        document = api.get(f"/residents/{TSUSHO['宛名番号']}").json()
        history = api.get(f"/residents/{TSUSHO['宛名番号']}/history").json()["history"]
        export = list(csv.DictReader(io.StringIO(api.get("/exports/residents.csv").content.decode("utf-8"))))
        lines = api.lines(TSUSHO["宛名番号"])
    assert document["通称"] is None and document["通称_フリガナ"] is None
    assert history[0]["通称"] is None and history[0]["通称_フリガナ"] is None
    assert all(row["通称"] == "" and row["通称_フリガナ"] == "" for row in export)
    assert document["氏名_アルファベット"] == TSUSHO["氏名_アルファベット"]
    assert lines["通称"] == TSUSHO["通称"]  # certificates are not part of this defect


def test_bad_check_digit() -> None:
    with started("bad_check_digit") as api:
        document = api.post("/residents", MOVE_IN).json()
    atena = document["宛名番号"]
    correct = m11w2_7_check_digit(atena[:9])
    assert correct is not None
    assert atena[9] == str((correct + 1) % 10) and not is_valid_m11w2_7(atena)
    assert is_valid_m11w2_7(document["世帯番号"])


def test_cp932_export() -> None:
    with started() as api:
        clean_text = api.get("/exports/residents.csv").content.decode("utf-8")
    with started("cp932_export") as api:
        response = api.get("/exports/residents.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert response.content.decode("cp932") == clean_text


def read_csv(api: Api, path: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(api.get(path).content.decode("utf-8"))))


def test_orphan_household() -> None:
    with started() as api:
        clean_households = read_csv(api, "/exports/households.csv")
    with started("orphan_household") as api:
        households = read_csv(api, "/exports/households.csv")
        residents = read_csv(api, "/exports/residents.csv")
    assert households == clean_households[1:]
    orphan = clean_households[0]["世帯番号"]
    assert orphan in {row["世帯番号"] for row in residents}  # residents.csv still names it


def test_fixed_char_padding() -> None:
    with started() as api:
        clean_records = api.get("/exports/residents.dat").content.split(b"\r\n")
    with started("fixed_char_padding") as api:
        response = api.get("/exports/residents.dat")
    records = response.content.split(b"\r\n")
    assert response.headers["Content-Type"] == "text/plain; charset=Windows-31J"
    assert len(records) == len(clean_records) == len(ROWS) + 1 and records[-1] == clean_records[-1] == b""
    longer = 0
    for record, clean_record in zip(records, clean_records, strict=True):
        text, clean_text = record.decode("cp932"), clean_record.decode("cp932")
        # One byte too many per double-byte character: it was counted as one when padding.
        double = sum(len(char.encode("cp932")) - 1 for char in clean_text)
        assert len(record) == len(clean_record) + double
        assert text.split() == clean_text.split()  # the same values, padded differently
        longer += double > 0
    assert longer == len(ROWS)  # every record holds a name in kanji


def test_foreign_birth_wareki() -> None:
    with started("foreign_birth_wareki") as api:
        lines = api.lines(FOREIGN["宛名番号"])
        japanese = api.lines(JAPANESE["宛名番号"])
    year = int(FOREIGN["生年月日"][:4])
    assert lines["生年月日"].startswith(("昭和", "平成", "令和")) and str(year) not in lines["生年月日"]
    assert lines["在留期間の満了の日"].startswith(FOREIGN["在留期間の満了の日"][:4] + "年")  # still 西暦
    assert japanese["生年月日"].startswith(("明治", "大正", "昭和", "平成", "令和"))


def test_prohibited_zokugara() -> None:
    with started("prohibited_zokugara") as api:
        document = api.get(f"/residents/{GRANDCHILD['宛名番号']}").json()
        history = api.get(f"/residents/{GRANDCHILD['宛名番号']}/history").json()["history"]
        members = api.get(f"/households/{GRANDCHILD['世帯番号']}").json()["members"]
        export = api.get("/exports/residents.csv").content.decode("utf-8")
        lines = api.lines(GRANDCHILD["宛名番号"])
        stored = api.running.store.latest(GRANDCHILD["宛名番号"])
    assert document["続柄"] == history[0]["続柄"] == lines["続柄"] == "孫"
    assert "子の子" not in {member["続柄"] for member in members} and "孫" in {m["続柄"] for m in members}
    assert ",子の子," not in export and ",孫," in export
    assert stored is not None and stored["続柄"] == "子の子"  # the data is right; only what is shown is wrong


def test_history_deleted_on_correction() -> None:
    atena = JAPANESE["宛名番号"]
    with started("history_deleted_on_correction") as api:
        response = api.post(f"/residents/{atena}/corrections", CORRECTION)
        history = api.get(f"/residents/{atena}/history").json()["history"]
    assert response.status_code == 201 and response.json()["履歴番号"] == 1
    assert len(history) == 1 and history[0]["住所_方書"] == CORRECTION["値"]


def test_openapi_violation() -> None:
    with started("openapi_violation") as api:
        document = api.get(f"/residents/{JAPANESE['宛名番号']}").json()
        history = api.get(f"/residents/{JAPANESE['宛名番号']}/history").json()["history"]
        page = api.get("/residents", limit="3").json()["residents"]
    assert document["内部ID"] == f"R{JAPANESE['宛名番号']}"
    assert document["性別"] == int(JAPANESE["性別"]) and isinstance(document["性別"], int)
    assert all("内部ID" in resident and isinstance(resident["性別"], int) for resident in page)
    assert "内部ID" not in history[0] and history[0]["性別"] == JAPANESE["性別"]
