"""The report's message catalog: every text of ``report.html`` in Japanese and English.

One place for what a reader sees (STYLE.md: one module for user-facing messages). Findings are
keyed by their stable ``code`` (the code stays the key in results.json; the finding's free-text
``message`` stays there too and is shown on the English page only, as detail). Checks are keyed by
their registered name. A test scans the checks' source for every code they can emit and the
registry for every check, and fails when one lacks either text.

Every entry is a :data:`Text`: ``(Japanese, English)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

#: ``(Japanese, English)``.
Text = tuple[str, str]

# -- verdicts, states, levels ---------------------------------------------------------------------

VERDICTS: Mapping[str, Text] = {
    "conformant": ("適合", "Conformant"),
    "not_conformant": ("不適合", "Not conformant"),
    "incomplete": ("判定未完了（未検証の要件あり）", "Incomplete (not everything verified)"),
    "not_run": ("未実施", "Not run"),
}

#: What each verdict means, shown next to it.
VERDICT_RULES: Mapping[str, Text] = {
    "conformant": (
        "主張した範囲のすべての要件を実行し、適用される要件がすべて合格（有効な免除、確認書による検証を含む）しました。",
        "The run covered the whole claimed scope and every applicable requirement passed (validly waived or "
        "verified by attestation included).",
    ),
    "not_conformant": (
        "不適合の要件、または実行上の問題（期限切れ・不要な免除など）があります。",
        "Some requirement failed, or the run has a problem (an expired or no longer needed waiver ...).",
    ),
    "incomplete": (
        "不適合はありませんが、未検証の要件（未自動化、確認書のない目視確認、エラー、今回の実行に含まれない要件）が"
        "あるため、適合とは判定できません。",
        "Nothing failed, but some applicable requirement was not verified (not automated, manual without "
        "attestation, error, or left out of this run), so the run cannot say conformant.",
    ),
    "not_run": (
        "対象システムに接続できない、または判定の前に停止したため、判定していません。",
        "The target could not be reached or broke before judging: nothing was judged.",
    ),
}

STATES: Mapping[str, Text] = {
    "PASS": ("合格", "Pass"),
    "FAIL": ("不合格", "Fail"),
    "ERROR": ("判定不能（エラー）", "Error"),
    "WAIVED": ("免除", "Waived"),
    "NOT_APPLICABLE": ("対象外", "Not applicable"),
    "MANUAL": ("目視確認（確認書なし）", "Manual (not attested)"),
    "ATTESTED": ("確認書による検証", "Verified by attestation"),
    "NOT_AUTOMATED": ("未自動化", "Not automated"),
    "NOT_SELECTED": ("今回の実行に含まれない", "Not selected"),
}

#: Why a requirement is in its state, when the state says it all (the run's English ``reason``
#: is shown on the English page only).
STATE_REASONS: Mapping[str, Text] = {
    "NOT_AUTOMATED": ("この要件を検証する処理はまだありません。", "No check is bound to this requirement yet."),
    "NOT_APPLICABLE": ("機能一覧（ケイパビリティ宣言）で宣言されていない任意機能です。",
                       "An optional function the capability statement does not declare."),
    "ERROR": ("対象システムまたは検証処理が失敗したため、判定できませんでした。",
              "The target or the check broke: the requirement could not be judged."),
    "WAIVED": ("不合格ですが、プロファイルの有効な免除の対象です。",
               "Failed, but covered by a valid waiver of the profile."),
}

#: What to do next about the requirements in each state (the report's "what to do next").
NEXT_STEPS: Mapping[str, Text] = {
    "FAIL": ("指摘事項を確認し、対象システムの修正後に再実行します。", "Read the findings; run again once the "
             "vendor has fixed the system."),
    "ERROR": ("対象システムまたは検証処理の問題（エラーの内容を参照）を解消して再実行します。",
              "Clear the problem the error names (the target or the check), then run again."),
    "MANUAL": ("各要件の確認手順に従って画面等で確認し、確認書（確認者、役職、日付、確認内容、証跡ファイル）を"
               "プロファイルで指定する確認書ファイルに記録して再実行します。"
               "受け付けた確認書は「確認書による検証」として判定に含まれます。",
               "Check each one by its procedure (on the screen ...), record an attestation (by, role, date, "
               "statement, evidence files) in the attestations file the profile names, and run again: an "
               "accepted attestation verifies the requirement."),
    "NOT_AUTOMATED": ("このハーネスにはまだ検証処理がありません。判定は未完了のまま残ります。ベンダーの資料や"
                      "画面で別途確認するか、検証処理の追加を待ちます。",
                      "The harness has no check for these yet: the verdict stays incomplete. Check them apart "
                      "(the vendor's documents, the screens) or wait for a check."),
    "NOT_SELECTED": ("今回の実行に含まれていません。範囲を絞らずに（または全分割を結合して）実行します。",
                     "Left out of this run: run the whole scope (or merge every shard)."),
}

#: The date rules of ``validate``'s readings (conformance/checks/files/rules.py DATE_RULES).
DATE_READINGS: Mapping[str, Text] = {
    "lenient": ("カタログの緩やかな読み方（calendar: lenient）: 月 01-12、日 01-31 の YYYY-MM-DD を有効とし、"
                "暦にない日付（2001-02-30 など）も誤りとしません"
                "（住民記録 1.0 1.1.8 R021 はそのような日付を保持させます）。",
                "The catalog's lenient reading (calendar: lenient): YYYY-MM-DD with month 01-12 and day 01-31 is "
                "valid, so a date not in the calendar (2001-02-30) is no finding (住民記録 1.0 1.1.8 R021 keeps "
                "such dates)."),
}

LEVELS: Mapping[str, Text] = {
    "required": ("実装すべき機能", "Required"),
    "optional": ("実装してもしなくても良い機能", "Optional"),
    "prohibited": ("実装しない機能", "Prohibited"),
}

#: ``conformance validate``'s own verdicts over export files: not the official 適合 / 不適合, which
#: only a whole run over the claimed scope can support.
VALIDATION_VERDICTS: Mapping[str, Text] = {
    "valid": ("指摘なし", "Valid"),
    "invalid": ("指摘あり", "Invalid"),
}
VALIDATION_RULE: Text = (
    "出力ファイルをカタログのレイアウトだけで検証した結果です。適合・不適合の判定ではありません（システム全体の"
    "判定は conformance run が行います）。",
    "Export files checked against the catalog layout alone. This is not a conformance verdict (a whole run, "
    "conformance run, gives that).",
)


# -- counts ----------------------------------------------------------------------------------------

#: Count phrases: ``{n}`` is the number; English has a singular and a plural.
_COUNTS: Mapping[str, tuple[str, str, str]] = {
    "findings": ("{n} 件の指摘", "{n} finding", "{n} findings"),
    "requirements": ("{n} 件の要件", "{n} requirement", "{n} requirements"),
    "more_findings": ("ほか {n} 件は results.json にあります", "{n} more in results.json",
                      "{n} more in results.json"),
    "more_examples": ("残り {n} 件を表示", "show {n} more", "show {n} more"),
    "exchanges": ("{n} 件の通信記録", "{n} recorded exchange", "{n} recorded exchanges"),
    "problems": ("{n} 件の実行上の問題", "{n} run problem", "{n} run problems"),
}


def count(n: int, noun: str) -> Text:
    """A count phrase in both languages (``count(17, "findings")`` -> 17 件の指摘 / 17 findings)."""
    ja, one, many = _COUNTS[noun]
    return ja.format(n=n), (one if n == 1 else many).format(n=n)


# -- labels: headings, columns, buttons -----------------------------------------------------------

LABELS: Mapping[str, Text] = {
    "page_title": ("標準仕様 適合性確認結果", "Conformance to the standard specification"),
    "switch": ("English", "日本語"),
    "product": ("製品", "Product"),
    "profile": ("プロファイル", "profile"),
    "specification": ("仕様書", "Specification"),
    "edition": ("版", "edition"),
    "catalog": ("カタログ", "catalog"),
    "harness": ("ハーネス", "Harness"),
    "seed": ("テストデータのシード", "test data seed"),
    "shard": ("分割実行", "shard"),
    "verdict": ("判定", "Verdict"),
    "partial": ("部分実行", "Partial run"),
    "partial_note": ("主張した範囲の一部だけを実行しました。実行しなかった要件は未検証です。",
                     "Only part of the claimed scope was run; the requirements left out are not verified."),
    "selection": ("選択条件", "Selection"),
    "judged_of_claimed": ("実行した要件 / 主張した要件", "Judged / claimed requirements"),
    "run_error": ("実行を中止しました", "The run stopped"),
    "run_problem": ("実行上の問題", "Run problem"),
    "catalog_gap": ("読み込めなかったカタログ項目", "Catalog entry that could not be loaded"),
    "coverage": ("網羅率（判定の根拠の範囲）", "Coverage (what the verdict rests on)"),
    "automated": ("自動判定", "Automated"),
    "attested": ("確認書による検証", "Verified by attestation"),
    "manual": ("目視確認（確認書なし）", "Manual, not attested"),
    "not_automated": ("未自動化", "Not automated"),
    "not_applicable": ("対象外", "Not applicable"),
    "not_selected": ("今回の実行に含まれない", "Not selected"),
    "total": ("合計", "Total"),
    "by_state": ("判定の内訳", "Results by state"),
    "state": ("判定", "State"),
    "count": ("件数", "Count"),
    "chart": ("図", "Chart"),
    "coverage_chart": ("網羅率の内訳", "Coverage by kind"),
    "state_chart": ("判定の内訳", "Results by state"),
    "fitgap": ("Fit&Gap（検証済みの対応状況）", "Fit & gap, as verified"),
    "fitgap_note": (
        "章ごとに、要件数、ケイパビリティ宣言で対応を宣言した機能（実装すべき機能と宣言した任意機能）、検証の結果を示します。"
        "適合率は検証できた要件（合格＋不合格）に対する合格の割合、網羅率は適用される要件に対する検証できた要件の割合です。"
        "未検証の要件は合格とみなしません。",
        "Per chapter: requirements, the functions the capability statement declares (required and declared "
        "optional), and what the run verified. The fit rate is passed over verified (passed + failed); the "
        "coverage is verified over applicable. What was not verified never counts as passed.",
    ),
    "chapter": ("章", "Chapter"),
    "requirements": ("要件数", "Requirements"),
    "declared": ("宣言済み機能", "Declared functions"),
    "optional_undeclared": ("任意機能（未宣言）", "Optional, not declared"),
    "prohibited_violated": ("実装しない機能（違反）", "Prohibited (violated)"),
    "verified_pass": ("検証済み合格", "Verified pass"),
    "of_which_waived": ("うち免除", "of which waived"),
    "of_which_attested": ("うち確認書", "of which attested"),
    "failed": ("不合格", "Failed"),
    "not_verified": ("未検証", "Not verified"),
    "fit_rate": ("適合率（検証済み）", "Fit rate (verified)"),
    "chapter_coverage": ("網羅率", "Coverage"),
    "findings": ("指摘事項", "Findings"),
    "no_findings": ("指摘事項はありません。", "No findings."),
    "findings_note": ("同じ要件・同じ種類の指摘はまとめて件数と最初の例を示します。",
                      "Identical findings (same requirement and code) are grouped: the count and the first "
                      "examples."),
    "source": ("原文", "source"),
    "source_text_ja": ("原文", "原文 (Japanese)"),
    "level": ("区分", "Level"),
    "reason": ("理由", "Reason"),
    "error_detail": ("エラーの内容", "Error"),
    "requirements_list": ("同じエラーで判定できなかった要件", "Requirements not judged because of this error"),
    "waiver": ("免除", "Waiver"),
    "code": ("コード", "Code"),
    "location": ("場所", "Location"),
    "message": ("内容", "Message"),
    "expected": ("期待値", "Expected"),
    "actual": ("実際の値", "Actual"),
    "exchanges": ("通信記録", "Recorded exchanges"),
    "method": ("メソッド", "Method"),
    "url": ("URL", "URL"),
    "http_status": ("応答", "Status"),
    "reused": ("（他の要件の検証で記録した通信を再利用）", "(recorded for another requirement, reused)"),
    "attestation": ("確認書", "Attestation"),
    "attested_by": ("確認者", "Attested by"),
    "date": ("日付", "Date"),
    "statement": ("確認内容", "Statement"),
    "evidence": ("証跡", "Evidence"),
    "waivers": ("免除（プロファイル）", "Waivers (from the profile)"),
    "requirement": ("要件", "Requirement"),
    "criterion": ("カスタマイズ基準", "Customization criterion"),
    "ticket": ("チケット", "Ticket"),
    "approver": ("承認者", "Approver"),
    "expires": ("有効期限", "Expires"),
    "traceability": ("トレーサビリティ（要件・検証・判定）", "Traceability: requirement, checks, state"),
    "section": ("節", "Section"),
    "checks": ("検証", "Checks"),
    "manual_evidence": ("目視", "manual"),
    "filter_state": ("判定で絞り込み", "Filter by state"),
    "all": ("すべて", "all"),
    "matches": ("一致: {n} 件", "Matches: {n}"),
    "search": ("検索（ID・本文・指摘）", "Search (ids, text, findings)"),
    "validation_title": ("出力ファイル検証結果", "Export file validation"),
    "file": ("ファイル", "File"),
    "layout": ("レイアウト", "Layout"),
    "encoding": ("文字コード", "Encoding"),
    "column": ("列", "Column"),
    "first_lines": ("最初の行", "First lines"),
    "not_shown": ("表示しなかった件数", "Not shown"),
    "by_code": ("指摘の内訳（コード・列ごと）", "Findings by code and column"),
    "file_findings": ("指摘", "Findings"),
    "catalog_item": ("カタログ項目", "catalog item"),
    "next_steps": ("次に行うこと", "What to do next"),
    "next_steps_note": ("判定を完了するために残っている作業を、要件の状態ごとにまとめました。",
                        "What remains before the run can give a final verdict, by the requirements' state."),
    "nothing_remains": ("残っている作業はありません。主張した範囲のすべての要件を検証しました。",
                        "Nothing remains: every requirement of the claimed scope was verified."),
    "what_to_do": ("行うこと", "What to do"),
    "by_chapter": ("章ごとの件数", "By chapter"),
    "remaining_list": ("要件の一覧", "The requirements"),
    "procedure": ("確認手順と添付する証跡", "Procedure and evidence to attach"),
    "title": ("見出し", "Title"),
    "appendix_note": ("付録（全要件のトレーサビリティ表、目視確認の手順、未検証の要件の一覧）は、画面の"
                      "「付録を印刷」ボタンで、または次のアドレスを開いて別に印刷します",
                      "The appendix (the traceability table of every requirement, the manual procedures, the "
                      "lists of what is not verified) prints apart: with the \"Print the appendix\" button, or "
                      "open this address and print"),
    "print_appendix": ("付録を印刷", "Print the appendix"),
    "appendix": ("付録", "Appendix"),
    "readings": ("カタログが選んだ日付の読み方", "Date rules the catalog chose"),
    "footer": ("本報告書は conformance ハーネスが生成しました。個人情報（氏名・住所・番号等）はマスクしています。",
               "Generated by the conformance harness. Personal data (names, addresses, numbers) is masked."),
}


def label(key: str) -> Text:
    """A heading, column or button label (KeyError for an unknown key: a template bug)."""
    return LABELS[key]


# -- findings, by code ------------------------------------------------------------------------------

#: Rules of the scenario checks (conformance/checks/scenarios.py RULES): their codes are
#: ``scenario.<rule>.mismatch``.
#: The rules of conformance/checks/tax_scenarios.py (個人住民税, 地方税法).
TAX_SCENARIO_RULES: Mapping[str, Text] = {
    "juminzei.taxes": ("個人住民税: 住所を有する個人に均等割と所得割（第294条第1項第1号）",
                       "個人住民税: 均等割 and 所得割 on a resident (第294条第1項第1号)"),
    "juminzei.kintowari": ("個人住民税: 均等割の標準税率3,000円（第310条）", "個人住民税: 均等割 3,000円 (第310条)"),
    "juminzei.income_year": ("個人住民税: 所得割の課税標準は前年の所得（第313条第1項）",
                             "個人住民税: 所得割 on the income of the year before (第313条第1項)"),
    "juminzei.rate": ("個人住民税: 所得割の標準税率100分の6（指定都市は100分の8）（第314条の3第1項）",
                      "個人住民税: 所得割 at 6%, 8% in a 指定都市 (第314条の3第1項)"),
    "juminzei.payment_months": ("個人住民税: 普通徴収の納期は6月・8月・10月・1月（第320条）",
                                "個人住民税: 納期 in 6月, 8月, 10月 and 1月 (第320条)"),
    "juminzei.minor": ("個人住民税: 賦課期日現在の未成年者（第295条第1項第2号）",
                       "個人住民税: 未成年者 on the 賦課期日 (第295条第1項第2号)"),
    "juminzei.under_fifteen": ("個人住民税: 十五歳未満の判定は前年12月31日（第313条第7項）",
                               "個人住民税: 十五歳未満 on 前年12月31日 (第313条第7項)"),
}

#: The rules of conformance/checks/nenkin_scenarios.py (国民年金, 国民年金法).
NENKIN_SCENARIO_RULES: Mapping[str, Text] = {
    "nenkin.category": ("国民年金: 日本国内に住所を有する20歳以上60歳未満の者は第1号被保険者（外国人住民を含む）"
                        "（第7条第1項第1号）",
                        "国民年金: 第1号被保険者 aged 20 to 59 with an address in Japan, foreigners too "
                        "(第7条第1項第1号)"),
    "nenkin.acquired_at_twenty": ("国民年金: 20歳に達した日に資格取得（第8条第1号）",
                                  "国民年金: 資格取得 on reaching twenty (第8条第1号)"),
    "nenkin.acquired_on_entry": ("国民年金: 国外から転入し日本国内に住所を有するに至った日に資格取得（第8条第2号）",
                                 "国民年金: 資格取得 on moving in from abroad (第8条第2号)"),
    "nenkin.lost_on_death": ("国民年金: 死亡した日の翌日に資格喪失（第9条第1号）",
                             "国民年金: 資格喪失 the day after death (第9条第1号)"),
    "nenkin.lost_on_emigration": ("国民年金: 国外転出の翌日に資格喪失、国内の転出では喪失しない（第9条第2号）",
                                  "国民年金: 資格喪失 the day after leaving Japan, none on a move within Japan "
                                  "(第9条第2号)"),
    "nenkin.lost_at_sixty": ("国民年金: 60歳に達した日（その日）に資格喪失（第9条第3号）",
                             "国民年金: 資格喪失 on the day sixty is reached (第9条第3号)"),
    "nenkin.period": ("国民年金: 被保険者期間は資格取得月から喪失月の前月まで（第11条第1項）",
                      "国民年金: 被保険者期間 from the month of 取得 to the month before 喪失 (第11条第1項)"),
    "nenkin.period_one_month": ("国民年金: 同じ月に取得・喪失したときはその月を1か月と算入（第11条第2項）",
                                "国民年金: 取得 and 喪失 in one month count one month (第11条第2項)"),
}

#: The rules of conformance/checks/kokuho_scenarios.py (国民健康保険, 国民健康保険法).
KOKUHO_SCENARIO_RULES: Mapping[str, Text] = {
    "kokuho.koki_korei_excluded": ("国保: 後期高齢者医療の被保険者は国保の被保険者としない（第6条第8号）",
                                   "国保: a 後期高齢者医療 被保険者 is no 国保 被保険者 (第6条第8号)"),
    "kokuho.copay_preschool": ("国保: 6歳に達する日以後の最初の3月31日以前は一部負担金十分の二"
                               "（第42条第1項第2号）",
                               "国保: 一部負担金 十分の二 up to the first 3月31日 after six (第42条第1項第2号)"),
    "kokuho.copay_working_age": ("国保: その翌日以後70歳に達する日の属する月以前は一部負担金十分の三"
                                 "（第42条第1項第1号）",
                                 "国保: 一部負担金 十分の三 from then to the month of seventy (第42条第1項第1号)"),
    "kokuho.copay_seventy": ("国保: 70歳に達する日の属する月の翌月以後は一部負担金十分の二"
                             "（第42条第1項第3号）",
                             "国保: 一部負担金 十分の二 from the month after the month of seventy (第42条第1項第3号)"),
}

#: The rules of conformance/checks/senkyo_scenarios.py (選挙人名簿, 公職選挙法).
SENKYO_SCENARIO_RULES: Mapping[str, Text] = {
    "senkyo.national_suffrage": ("選挙人名簿: 年齢満18年以上の日本国民は国政選挙の選挙権を有する（第9条第1項）",
                                 "選挙人名簿: 選挙権 of 日本国民 aged 18 or more (第9条第1項)"),
    "senkyo.local_suffrage": ("選挙人名簿: 引き続き3箇月以上住所を有する者は市町村の選挙権を有する（第9条第2項）",
                              "選挙人名簿: the municipality's 選挙権 after three months of address (第9条第2項)"),
    "senkyo.qualification": ("選挙人名簿: 転入届の日から引き続き3箇月以上記録された者の被登録資格（第21条第1項）",
                             "選挙人名簿: 被登録資格 after three months recorded from the 転入届 (第21条第1項)"),
    "senkyo.registration_day": ("選挙人名簿: 定時登録は3月・6月・9月・12月の1日現在（第19条第2項、第22条第1項）",
                                "選挙人名簿: 定時登録 as of the first day of March, June, September and December "
                                "(第19条第2項, 第22条第1項)"),
    "senkyo.moved_out_registration": ("選挙人名簿: 3箇月以上記録後に転出した者は4箇月以内なら登録（第21条第2項）",
                                      "選挙人名簿: registration of a person who moved out after three months, "
                                      "within four months (第21条第2項)"),
    "senkyo.indication_on_move_out": ("選挙人名簿: 登録者が住所を有しなくなったときの表示（第27条第1項）",
                                      "選挙人名簿: 表示 when a registered person moves out (第27条第1項)"),
    "senkyo.indication_at_registration": ("選挙人名簿: 転出後に登録する者は同時に表示（第27条第2項）",
                                          "選挙人名簿: 表示 on registering a person who moved out (第27条第2項)"),
    "senkyo.struck_off_on_death": ("選挙人名簿: 死亡による抹消（第28条第1号）",
                                   "選挙人名簿: 抹消 on death (第28条第1号)"),
    "senkyo.struck_off_after_four_months": ("選挙人名簿: 転出の日後4箇月を経過したときの抹消（第28条第2号）",
                                            "選挙人名簿: 抹消 four months after the move-out (第28条第2号)"),
}

#: The rules of conformance/checks/kaigo_scenarios.py (介護保険, 介護保険法).
KAIGO_SCENARIO_RULES: Mapping[str, Text] = {
    "kaigo.category": ("介護保険: 市町村の区域内に住所を有する65歳以上の者は第1号被保険者（第9条第1項第1号）",
                       "介護保険: 第1号被保険者 with an address in the municipality aged 65 or more (第9条第1項第1号)"),
    "kaigo.acquired_on_move_in": ("介護保険: 65歳以上の者が住所を有するに至った日に資格取得（第10条第1項第2号）",
                                  "介護保険: 資格取得 on the day a person of 65 or more moves in (第10条第1項第2号)"),
    "kaigo.lost_day_after": ("介護保険: 住所を有しなくなった日の翌日に資格喪失（第11条第1項）",
                             "介護保険: 資格喪失 the day after the address ends (第11条第1項)"),
    "kaigo.lost_on_move_day": ("介護保険: その日に他の市町村に住所を有するに至ったときはその日に資格喪失"
                               "（第11条第1項ただし書）",
                               "介護保険: 資格喪失 on the move-out day when an address elsewhere begins that day "
                               "(第11条第1項ただし書)"),
    "kaigo.premium_months": ("介護保険: 第1号保険料は資格取得月から喪失月の前月まで（第129条第2項）",
                             "介護保険: 第1号 premium from the month of 取得 to the month before 喪失 (第129条第2項)"),
    "kaigo.premium_collected": ("介護保険: 第1号被保険者の資格のある各月の保険料を徴収（第129条第1項）",
                                "介護保険: the premium collected for every month of a 第1号被保険者 (第129条第1項)"),
    "kaigo.no_premium_second": ("介護保険: 40歳以上65歳未満の者からは保険料を徴収しない（第129条第4項）",
                                "介護保険: no premium from a person aged 40 to 64 (第129条第4項)"),
}

#: The rules of conformance/checks/jido_scenarios.py (児童手当, 児童手当法).
JIDO_SCENARIO_RULES: Mapping[str, Text] = {
    "jido_teate.child_end": ("児童手当: 18歳に達する日以後の最初の3月31日までが児童（第3条第1項）",
                             "児童手当: a 児童 until the first 3月31日 after reaching 18 (第3条第1項)"),
    "jido_teate.three_and_over": ("児童手当: 三歳以上の算定は3歳の誕生日の属する月の翌月から、月の初日生まれも同じ"
                                  "（第6条第2項第4号・第5号）",
                                  "児童手当: 三歳以上 from the month after the 3rd birthday's, born on the 1st too "
                                  "(第6条第2項第4号, 第5号)"),
    "jido_teate.payment_months": ("児童手当: 偶数月の6期にそれぞれの前月までの分を支払う（第8条第4項）",
                                  "児童手当: paid in the even months for the months before (第8条第4項)"),
    "jido_teate.whole_month": ("児童手当: 転出・死亡の月も月を単位として支給（第6条第1項）",
                               "児童手当: the month of a move-out or death paid whole (第6条第1項)"),
    "jido_teate.eligibility": ("児童手当: 児童を監護し日本国内に住所を有する者に受給資格（第4条第1項第1号）",
                               "児童手当: 受給資格 with a 児童 and an address in Japan (第4条第1項第1号)"),
}

#: The rules of conformance/checks/shugaku_scenarios.py (就学, 学校教育法・同施行令・同施行規則).
SHUGAKU_SCENARIO_RULES: Mapping[str, Text] = {
    "shugaku.elementary": ("就学: 小学校の就学義務は満6歳に達した日の翌日以後の最初の学年の初めから満12歳に達した日"
                           "の属する学年の終わりまで（法第17条第1項）",
                           "就学: 小学校 from the first 学年 after the day six is reached to the end of the 学年 "
                           "twelve is reached in (法第17条第1項)"),
    "shugaku.lower_secondary": ("就学: 中学校の就学義務は小学校の課程を修了した日の翌日以後の最初の学年の初めから"
                                "満15歳に達した日の属する学年の終わりまで（法第17条第2項）",
                                "就学: 中学校 from the first 学年 after the 小学校 課程 to the end of the 学年 "
                                "fifteen is reached in (法第17条第2項)"),
    "shugaku.category": ("就学: 区域内に住所を有する学齢児童及び学齢生徒について学齢簿を編製（令第1条第1項）",
                         "就学: the 学齢簿 of the 学齢児童 and 学齢生徒 with an address in the municipality "
                         "(令第1条第1項)"),
    "shugaku.on_register": ("就学: 学齢簿は住民基本台帳に基づき、転入した学齢児童を加除訂正で記載（令第1条第2項・"
                            "第3条）",
                            "就学: the 学齢簿 follows the 住民基本台帳: a 学齢児童 who moves in is added "
                            "(令第1条第2項, 第3条)"),
    "shugaku.register_items": ("就学: 学齢簿に学齢児童の氏名・現住所・生年月日・性別を記載（規則第30条第1項第1号）",
                               "就学: the 学齢簿 records the child's 氏名, 現住所, 生年月日 and 性別 "
                               "(規則第30条第1項第1号)"),
    "shugaku.guardian_items": ("就学: 学齢簿に保護者の氏名・現住所・学齢児童との関係を記載（規則第30条第1項第2号）",
                               "就学: the 学齢簿 records the 保護者's 氏名, 現住所 and relation to the child "
                               "(規則第30条第1項第2号)"),
    "shugaku.entrants": ("就学: 前学年中に満6歳に達する者の学齢簿を学年の初めから五月前までに作成（令第2条）",
                         "就学: the 学齢簿 of those reaching six in the 学年 before, made five months before the "
                         "学年 (令第2条)"),
    "shugaku.base_day": ("就学: 就学予定者の学齢簿は十月一日現在で作成（規則第31条）",
                         "就学: the 学齢簿 of the 就学予定者 made as of 10月1日 (規則第31条)"),
    "shugaku.entry_notice": ("就学: 就学予定者の保護者に翌学年の初めから二月前までに入学期日を通知（令第5条第1項）",
                             "就学: the 入学期日 notified two months before the 学年 (令第5条第1項)"),
    "shugaku.late_notice": ("就学: 通知の期限の翌日以後に学齢簿に記載された就学予定者には速やかに通知"
                            "（令第6条第1号）",
                            "就学: a 就学予定者 recorded after the notice's 期限 is notified promptly (令第6条第1号)"),
    "shugaku.principal_notice": ("就学: 入学期日の通知と同時に校長に氏名及び入学期日を通知（令第7条）",
                                 "就学: the 校長 is notified of the 氏名 and the 入学期日 (令第7条)"),
    "shugaku.entrant_items": ("就学: 就学予定者の学齢簿に本人及び保護者に関する事項を記載（規則第30条第2項）",
                              "就学: the 学齢簿 of the 就学予定者 records the child's and the 保護者's items "
                              "(規則第30条第2項)"),
}

#: The rules of conformance/checks/kodomo_scenarios.py (子ども・子育て支援, 子ども・子育て支援法).
KODOMO_SCENARIO_RULES: Mapping[str, Text] = {
    "kodomo.preschool": ("子ども・子育て支援: 小学校就学前子どもの保護者に認定（第19条第1項）",
                         "子ども・子育て支援: 認定 for the 保護者 of a 小学校就学前子ども only (第19条第1項)"),
    "kodomo.category_one": ("子ども・子育て支援: 満三歳以上で保育を必要としない子どもは第1号（第19条第1項第1号）",
                            "子ども・子育て支援: 第1号 from the day three is reached, without the need of 保育 "
                            "(第19条第1項第1号)"),
    "kodomo.category_two": ("子ども・子育て支援: 満三歳以上で家庭において必要な保育を受けることが困難な子どもは第2号"
                            "（第19条第1項第2号）",
                            "子ども・子育て支援: 第2号 for a child of three or more who needs 保育 "
                            "(第19条第1項第2号)"),
    "kodomo.category_three": ("子ども・子育て支援: 満三歳未満で家庭において必要な保育を受けることが困難な子どもは第3"
                              "号（第19条第1項第3号）",
                              "子ども・子育て支援: 第3号 for a child under three who needs 保育 (第19条第1項第3号)"),
    "kodomo.residence": ("子ども・子育て支援: 認定は保護者の居住地の市町村が行う（第20条第2項）",
                         "子ども・子育て支援: certified by the municipality of the 保護者's 居住地 (第20条第2項)"),
    "kodomo.care_amount": ("子ども・子育て支援: 第2号・第3号の子どもは保育必要量を認定（第20条第3項）",
                           "子ども・子育て支援: a 保育必要量 for the 第2号 and 第3号 (第20条第3項)"),
    "kodomo.notice": ("子ども・子育て支援: 認定の結果を保護者に通知（第20条第4項）",
                      "子ども・子育て支援: the result notified to the 保護者 (第20条第4項)"),
    "kodomo.certificate": ("子ども・子育て支援: 区分・保育必要量を記載した支給認定証を交付（第20条第4項）",
                           "子ども・子育て支援: the 支給認定証 records the 区分 and the 保育必要量 (第20条第4項)"),
    "kodomo.refusal_reason": ("子ども・子育て支援: 資格を有すると認められないときは理由を付して通知（第20条第5項）",
                              "子ども・子育て支援: an application without 資格 refused with a reason (第20条第5項)"),
    "kodomo.decision_deadline": ("子ども・子育て支援: 申請に対する処分は申請のあった日から三十日以内（第20条第6項）",
                                 "子ども・子育て支援: the 処分 within thirty days of the application (第20条第6項)"),
}

#: The rules of conformance/checks/koki_scenarios.py (後期高齢者医療, 高齢者の医療の確保に関する法律).
KOKI_SCENARIO_RULES: Mapping[str, Text] = {
    "koki_korei.insured": ("後期高齢者医療: 広域連合（都道府県）の区域内に住所を有する75歳以上の者は被保険者"
                           "（第50条第1号）",
                           "後期高齢者医療: 被保険者 with an address in the 広域連合's 区域 (the prefecture) aged 75 "
                           "or more (第50条第1号)"),
    "koki_korei.certified": ("後期高齢者医療: 65歳以上75歳未満で広域連合の障害認定を受けた者は被保険者（第50条第2号）",
                             "後期高齢者医療: 被保険者 at 65 to 74 with the 広域連合's 障害認定 (第50条第2号)"),
    "koki_korei.welfare_excluded": ("後期高齢者医療: 生活保護を受けている世帯に属する者は被保険者としない"
                                    "（第51条第1号）",
                                    "後期高齢者医療: no 被保険者 in a household receiving 生活保護 (第51条第1号)"),
    "koki_korei.acquired_on_move_in": ("後期高齢者医療: 75歳以上の者が区域内に住所を有するに至った日に資格取得"
                                       "（第52条第2号）",
                                       "後期高齢者医療: 資格取得 on the day a person of 75 or more moves into the 区域 "
                                       "(第52条第2号)"),
    "koki_korei.acquired_after_welfare": ("後期高齢者医療: 生活保護を受けなくなった日に資格取得（第52条）",
                                          "後期高齢者医療: 資格取得 on the day 生活保護 ends (第52条 柱書)"),
    "koki_korei.acquired_on_certification": ("後期高齢者医療: 障害認定を受けた日に資格取得（第52条第3号）",
                                             "後期高齢者医療: 資格取得 on the day of the 障害認定 (第52条第3号)"),
    "koki_korei.lost_day_after": ("後期高齢者医療: 区域内に住所を有しなくなった日の翌日に資格喪失（第53条第1項）",
                                  "後期高齢者医療: 資格喪失 the day after the address in the 区域 ends (第53条第1項)"),
    "koki_korei.lost_on_move_day": ("後期高齢者医療: 同日に他の広域連合の区域内に住所を有するに至ったときはその日に"
                                    "資格喪失（第53条第1項ただし書）",
                                    "後期高齢者医療: 資格喪失 on the move-out day when an address in another 広域連合 "
                                    "begins that day (第53条第1項ただし書)"),
    "koki_korei.lost_on_welfare": ("後期高齢者医療: 生活保護を受けるに至った日に資格喪失（第53条第2項）",
                                   "後期高齢者医療: 資格喪失 on the day 生活保護 starts (第53条第2項)"),
}

#: The rules of conformance/checks/fuyo_scenarios.py (児童扶養手当, 児童扶養手当法 and its 施行令).
FUYO_SCENARIO_RULES: Mapping[str, Text] = {
    "jido_fuyo_teate.child_end": ("児童扶養手当: 18歳に達する日以後の最初の3月31日までが児童（第3条第1項）",
                                  "児童扶養手当: a 児童 until the first 3月31日 after reaching 18 (第3条第1項)"),
    "jido_fuyo_teate.start_month": ("児童扶養手当: 認定の請求をした日の属する月の翌月から支給（第7条第1項）",
                                    "児童扶養手当: paid from the month after the 認定の請求 (第7条第1項)"),
    "jido_fuyo_teate.payment_months": ("児童扶養手当: 奇数月の6期にそれぞれの前月までの分を支払う（第7条第3項）",
                                       "児童扶養手当: paid in the odd months for the months before (第7条第3項)"),
    "jido_fuyo_teate.whole_month": ("児童扶養手当: 月を単位として支給、死亡・国外転出の月も1月分（第5条第1項）",
                                    "児童扶養手当: paid by the month, the month of a death or a move abroad whole "
                                    "(第5条第1項)"),
    "jido_fuyo_teate.additions": ("児童扶養手当: 監護等児童の2人目以降それぞれに加算額（第5条第2項）",
                                  "児童扶養手当: one 加算額 for each 監護等児童 beyond the first (第5条第2項)"),
    "jido_fuyo_teate.full_limit": ("児童扶養手当: 前年所得69万円以上で一部支給"
                                   "（法第9条第1項、施行令第2条の4第1項第1号）",
                                   "児童扶養手当: 一部支給 from a 前年所得 of 69万円 "
                                   "(法第9条第1項; 施行令 第2条の4第1項第1号)"),
    "jido_fuyo_teate.full_limit_dependants": ("児童扶養手当: 加算対象扶養親族等1人につき全部支給の限度額に38万円を加算"
                                              "（施行令第2条の4第1項第2号）",
                                              "児童扶養手当: the 全部支給 limit 38万円 higher for each "
                                              "加算対象扶養親族等 (施行令 第2条の4第1項第2号)"),
    "jido_fuyo_teate.stop_limit": ("児童扶養手当: 前年所得208万円（扶養親族等1人につき38万円加算）以上で全部停止"
                                   "（施行令第2条の4第2項第1号）",
                                   "児童扶養手当: 全部停止 from 208万円 and 38万円 for each 加算対象扶養親族等 "
                                   "(施行令 第2条の4第2項第1号)"),
    "jido_fuyo_teate.partial_stop": ("児童扶養手当: 基本額・加算額の一部支給停止額"
                                     "（施行令第2条の4第2項第2号・第3項・第4項）",
                                     "児童扶養手当: the 一部支給停止額 (施行令 第2条の4第2項第2号, 第3項, 第4項)"),
    "jido_fuyo_teate.support": ("児童扶養手当: 養育費の8割を所得とみなす（法第9条第2項、施行令第2条の4第5項）",
                                "児童扶養手当: 8割 of the 養育費 counted as 所得 (法第9条第2項; 施行令 第2条の4第5項)"),
}

#: The rules of conformance/checks/kenko_scenarios.py (健康管理: 予防接種法・同施行令, 母子保健法).
KENKO_SCENARIO_RULES: Mapping[str, Text] = {
    "kenko.residents": ("健康管理: 区域内に居住する者に定期の予防接種（予防接種法第5条第1項）",
                        "健康管理: 定期接種 for the persons living in the municipality (予防接種法 第5条第1項)"),
    "kenko.a_class": ("健康管理: 水痘・Ｂ型肝炎・ロタウイルス感染症はＡ類疾病（予防接種法施行令第1条）",
                      "健康管理: 水痘, Ｂ型肝炎 and ロタウイルス感染症 are Ａ類疾病 (施行令 第1条)"),
    "kenko.b_class": ("健康管理: 高齢者の肺炎球菌感染症・新型コロナウイルス感染症・帯状疱疹はＢ類疾病"
                      "（予防接種法施行令第2条）",
                      "健康管理: 高齢者の肺炎球菌感染症, 新型コロナウイルス感染症 and 帯状疱疹 are Ｂ類疾病 "
                      "(施行令 第2条)"),
    "kenko.table_diseases": ("健康管理: 定期接種の疾病は表の上欄に掲げる疾病（予防接種法施行令第3条第1項）",
                             "健康管理: the 定期接種 are the diseases of the table (施行令 第3条第1項)"),
    "kenko.child_ages": ("健康管理: 小児の定期接種の対象者は表の下欄のとおり（予防接種法施行令第3条第1項の表）",
                         "健康管理: the table's ages of the childhood 定期接種 (施行令 第3条第1項の表)"),
    "kenko.elder_ages": ("健康管理: 65歳以上の定期接種の対象者は表の下欄のとおり（予防接種法施行令第3条第1項の表）",
                         "健康管理: the table's ages of the 定期接種 from 65 (施行令 第3条第1項の表)"),
    "kenko.varicella": ("健康管理: 水痘は生後十二月から生後三十六月に至るまで（予防接種法施行令第1条第2号・第3条）",
                        "健康管理: 水痘 from 生後十二月 to 生後三十六月 (施行令 第1条第2号, 第3条)"),
    "kenko.hepatitis_b": ("健康管理: Ｂ型肝炎は一歳に至るまで（予防接種法施行令第1条第3号・第3条）",
                          "健康管理: Ｂ型肝炎 from birth to one year (施行令 第1条第3号, 第3条)"),
    "kenko.rotavirus": ("健康管理: ロタウイルス感染症は生後六週に至った日の翌日から"
                        "（予防接種法施行令第1条第4号・第3条）",
                        "健康管理: ロタウイルス感染症 from the day after 生後六週 (施行令 第1条第4号, 第3条)"),
    "kenko.checkup_residents": ("健康管理: 市町村の幼児に健康診査（母子保健法第12条第1項）",
                                "健康管理: the 乳幼児健康診査 of the municipality's infants (母子保健法 第12条第1項)"),
    "kenko.checkup_18_months": ("健康管理: 満一歳六か月を超え満二歳に達しない幼児の健康診査"
                                "（母子保健法第12条第1項第1号）",
                                "健康管理: 1歳6か月児 健診 past 一歳六か月 and before two "
                                "(母子保健法 第12条第1項第1号)"),
    "kenko.checkup_3_years": ("健康管理: 満三歳を超え満四歳に達しない幼児の健康診査（母子保健法第12条第1項第2号）",
                              "健康管理: 3歳児 健診 past three and before four (母子保健法 第12条第1項第2号)"),
}

#: The rules of conformance/checks/fuhyo_scenarios.py (戸籍の附票: 住民基本台帳法・同施行令).
FUHYO_SCENARIO_RULES: Mapping[str, Text] = {
    "fuhyo.created": ("戸籍の附票: 本籍を有する者につき戸籍を単位として作成、他の市町村に住む者も"
                      "（住民基本台帳法第16条第1項）",
                      "戸籍の附票: an entry for every person of the 戸籍, one living elsewhere too (法 第16条第1項)"),
    "fuhyo.koseki_display": ("戸籍の附票: 戸籍の表示（本籍と筆頭者氏名）（住民基本台帳法第17条第1項第1号）",
                             "戸籍の附票: 戸籍の表示, 本籍 and 筆頭者氏名 (法 第17条第1項第1号)"),
    "fuhyo.name": ("戸籍の附票: 氏名（住民基本台帳法第17条第1項第2号）",
                   "戸籍の附票: each person's 氏名 (法 第17条第1項第2号)"),
    "fuhyo.furigana": ("戸籍の附票: 氏名の振り仮名（住民基本台帳法第17条第1項第2号の2）",
                       "戸籍の附票: each person's 氏名の振り仮名 (法 第17条第1項第2号の2)"),
    "fuhyo.address": ("戸籍の附票: 住所、国外転出者にあつては国外転出者である旨"
                      "（住民基本台帳法第17条第1項第3号）",
                      "戸籍の附票: 住所, or that the person is a 国外転出者 (法 第17条第1項第3号)"),
    "fuhyo.address_date": ("戸籍の附票: 住所を定めた年月日、国外転出者にあつては転出の予定年月日"
                           "（住民基本台帳法第17条第1項第4号）",
                           "戸籍の附票: 住所を定めた年月日, a 国外転出者's 転出の予定年月日 (法 第17条第1項第4号)"),
    "fuhyo.birth": ("戸籍の附票: 出生の年月日（住民基本台帳法第17条第1項第5号）",
                    "戸籍の附票: each person's 出生の年月日 (法 第17条第1項第5号)"),
    "fuhyo.sex": ("戸籍の附票: 男女の別（住民基本台帳法第17条第1項第6号）",
                  "戸籍の附票: each person's 男女の別 (法 第17条第1項第6号)"),
    "fuhyo.follows_move": ("戸籍の附票: 他の市町村への転出で住所の記載を修正（住民基本台帳法施行令第20条第1項）",
                           "戸籍の附票: the 住所 corrected on a move to another municipality (施行令 第20条第1項)"),
    "fuhyo.removed": ("戸籍の附票: 戸籍から除かれた者の附票を消除（住民基本台帳法施行令第19条第1項）",
                      "戸籍の附票: the entry of a person removed from the 戸籍 消除 (施行令 第19条第1項)"),
}

#: The rules of conformance/checks/fuhyo_forms.py (戸籍の附票の写し as printed: 住民基本台帳法・同施行令).
FUHYO_FORM_RULES: Mapping[str, Text] = {
    "fuhyo_form.koseki_display": ("戸籍の附票の写し: 戸籍の表示（本籍と筆頭者氏名）を印字"
                                  "（住民基本台帳法第17条第1項第1号）",
                                  "戸籍の附票の写し: the 戸籍の表示 printed, 本籍 and 筆頭者氏名 "
                                  "(法 第17条第1項第1号)"),
    "fuhyo_form.name": ("戸籍の附票の写し: 各人の氏名を印字"
                        "（住民基本台帳法第17条第1項第2号）",
                        "戸籍の附票の写し: each person's 氏名 printed (法 第17条第1項第2号)"),
    "fuhyo_form.furigana": ("戸籍の附票の写し: 各人の氏名の振り仮名を印字"
                            "（住民基本台帳法第17条第1項第2号の2）",
                            "戸籍の附票の写し: each person's 氏名の振り仮名 printed (法 第17条第1項第2号の2)"),
    "fuhyo_form.address": ("戸籍の附票の写し: 住所、国外転出者にあつては国外転出者である旨を印字"
                           "（住民基本台帳法第17条第1項第3号）",
                           "戸籍の附票の写し: the 住所, or that the person is a 国外転出者, printed "
                           "(法 第17条第1項第3号)"),
    "fuhyo_form.address_date": ("戸籍の附票の写し: 住所を定めた年月日、国外転出者にあつては転出の予定年月日を印字"
                                "（住民基本台帳法第17条第1項第4号）",
                                "戸籍の附票の写し: the 住所を定めた年月日, a 国外転出者's 転出の予定年月日, printed "
                                "(法 第17条第1項第4号)"),
    "fuhyo_form.birth": ("戸籍の附票の写し: 各人の出生の年月日を印字"
                         "（住民基本台帳法第17条第1項第5号）",
                         "戸籍の附票の写し: each person's 出生の年月日 printed (法 第17条第1項第5号)"),
    "fuhyo_form.sex": ("戸籍の附票の写し: 各人の男女の別を印字"
                       "（住民基本台帳法第17条第1項第6号）",
                       "戸籍の附票の写し: each person's 男女の別 printed (法 第17条第1項第6号)"),
    "fuhyo_form.removed": ("戸籍の附票の写し: 戸籍から除かれた者の記載を消除として年月日とともに印字"
                           "（住民基本台帳法施行令第19条第1項）",
                           "戸籍の附票の写し: the entry of a person removed from the 戸籍 printed as 消除, "
                           "with its date (施行令 第19条第1項)"),
}

#: The rule of conformance/checks/senkyo_forms.py (選挙人名簿抄本 as printed: 公職選挙法).
SENKYO_FORM_RULES: Mapping[str, Text] = {
    "senkyo_form.shohon_items": ("選挙人名簿抄本: 氏名、住所（第21条第2項の者は住所を移す直前の住所）、"
                                 "性別及び生年月日を印字（公職選挙法第20条第1項）",
                                 "選挙人名簿抄本: the 氏名, 住所 (第21条第2項: the 住所 before the move), 性別 and "
                                 "生年月日 printed (第20条第1項)"),
}

#: The rules of conformance/checks/shugaku_forms.py (学齢簿 as printed: 学校教育法施行規則).
SHUGAKU_FORM_RULES: Mapping[str, Text] = {
    "shugaku_form.child_items": ("学齢簿: 学齢児童の氏名、現住所、生年月日及び性別を印字"
                                 "（学校教育法施行規則第30条第1項第1号）",
                                 "学齢簿 as printed: the child's 氏名, 現住所, 生年月日 and 性別 "
                                 "(規則第30条第1項第1号)"),
    "shugaku_form.guardian_items": ("学齢簿: 保護者の氏名、現住所及び保護者と学齢児童との関係を印字"
                                    "（学校教育法施行規則第30条第1項第2号）",
                                    "学齢簿 as printed: the 保護者's 氏名, 現住所 and relation to the child "
                                    "(規則第30条第1項第2号)"),
}

#: The rules of conformance/checks/kokuho_forms.py (国民健康保険の資格確認書 as printed: 国民健康保険法施行規則).
KOKUHO_FORM_RULES: Mapping[str, Text] = {
    "kokuho_form.insured": ("国保 資格確認書: 被保険者の氏名、性別及び生年月日を印字"
                            "（国民健康保険法施行規則第6条第4項第1号）",
                            "国保 資格確認書: each 被保険者's 氏名, 性別 and 生年月日 printed "
                            "(規則 第6条第4項第1号)"),
    "kokuho_form.householder": ("国保 資格確認書: 世帯員の資格確認書に世帯主の氏名を印字"
                                "（国民健康保険法施行規則第6条第4項第2号）",
                                "国保 資格確認書: the 世帯主's 氏名 printed on a 世帯員's card "
                                "(規則 第6条第4項第2号)"),
    "kokuho_form.dates": ("国保 資格確認書: 適用開始の年月日（届出の日ではなく住所を有するに至った日）"
                          "及び交付年月日を印字（国民健康保険法施行規則第6条第4項第4号）",
                          "国保 資格確認書: the 適用開始の年月日 (the day of the move, not of the 届出) "
                          "and the 交付年月日 printed (規則 第6条第4項第4号)"),
    "kokuho_form.copay": ("国保 資格確認書: 七十歳に達する日の属する月の翌月以後の被保険者に"
                          "一部負担金の割合（十分の二）及び発効期日を印字"
                          "（国民健康保険法施行規則第6条第4項第5号）",
                          "国保 資格確認書: past the month of seventy, the 一部負担金 of 十分の二 "
                          "and its 発効期日 printed (規則 第6条第4項第5号)"),
    "kokuho_form.expiry": ("国保 資格確認書: 有効期限を印字（国民健康保険法施行規則第6条第4項第6号）",
                           "国保 資格確認書: an 有効期限 printed (規則 第6条第4項第6号)"),
    "kokuho_form.five_years": ("国保 資格確認書: 有効期限は交付の日から起算して五年を超えない"
                               "（国民健康保険法施行規則第6条第3項）",
                               "国保 資格確認書: no 有効期限 beyond five years counted from the 交付年月日 "
                               "(規則 第6条第3項)"),
}

#: The rules of conformance/checks/koki_forms.py (後期高齢者医療の資格確認書 as printed: 同法施行規則).
KOKI_FORM_RULES: Mapping[str, Text] = {
    "koki_form.insured": ("後期高齢者医療 資格確認書: 被保険者の氏名、性別及び生年月日を印字"
                          "（高齢者の医療の確保に関する法律施行規則第16条第4項第1号）",
                          "後期高齢者医療 資格確認書: the 被保険者's 氏名, 性別 and 生年月日 printed "
                          "(規則 第16条第4項第1号)"),
    "koki_form.dates": ("後期高齢者医療 資格確認書: 資格取得年月日（75歳の誕生日又は転入の日。"
                        "届出の日ではない）及び交付年月日を印字"
                        "（高齢者の医療の確保に関する法律施行規則第16条第4項第3号）",
                        "後期高齢者医療 資格確認書: the 資格取得年月日 (the 75th birthday or the day of the "
                        "move, not of the 届出) and the 交付年月日 printed (規則 第16条第4項第3号)"),
    "koki_form.copay": ("後期高齢者医療 資格確認書: 所得の記録がない被保険者に一部負担金の割合（百分の十）を印字"
                        "（高齢者の医療の確保に関する法律施行規則第16条第4項第4号、法第67条第1項第1号）",
                        "後期高齢者医療 資格確認書: the 一部負担金 of 百分の十 printed for a 被保険者 with no "
                        "income recorded (規則 第16条第4項第4号, 法 第67条第1項第1号)"),
    "koki_form.expiry": ("後期高齢者医療 資格確認書: 有効期限を印字"
                         "（高齢者の医療の確保に関する法律施行規則第16条第4項第5号）",
                         "後期高齢者医療 資格確認書: an 有効期限 printed (規則 第16条第4項第5号)"),
    "koki_form.five_years": ("後期高齢者医療 資格確認書: 有効期限は交付の日から起算して五年を超えない"
                             "（高齢者の医療の確保に関する法律施行規則第16条第3項）",
                             "後期高齢者医療 資格確認書: no 有効期限 beyond five years counted from the 交付年月日 "
                             "(規則 第16条第3項)"),
}

#: The rule of conformance/checks/kaigo_forms.py (介護保険の被保険者証 as issued: 介護保険法施行規則).
KAIGO_FORM_RULES: Mapping[str, Text] = {
    "kaigo_form.issued": ("介護保険 被保険者証: 六十五歳に達した日（誕生日の前日）から第一号被保険者に交付し、"
                          "氏名及び生年月日を印字（介護保険法施行規則第26条第1項）",
                          "介護保険 被保険者証: issued to a 第一号被保険者 from the day 65 is reached, with the "
                          "person's 氏名 and 生年月日 (規則 第26条第1項)"),
}

#: The rules of conformance/checks/keiji_scenarios.py (軽自動車税 種別割, 地方税法).
KEIJI_SCENARIO_RULES: Mapping[str, Text] = {
    "keijidosha_zei.levy_date": ("軽自動車税: 賦課期日（4月1日）の所有者に種別割（第463条の16）",
                                 "軽自動車税: 種別割 on the owner on the 賦課期日 4月1日 (第463条の16)"),
    "keijidosha_zei.stationed": ("軽自動車税: 主たる定置場所在の市町村が種別割を課する（第443条第1項）",
                                 "軽自動車税: 種別割 levied by the municipality of the 主たる定置場 (第443条第1項)"),
    "keijidosha_zei.vehicles": ("軽自動車税: 原動機付自転車、軽自動車、小型特殊自動車及び二輪の小型自動車に種別割"
                                "（第442条第3号）",
                                "軽自動車税: 種別割 on every class of 軽自動車等 (第442条第3号)"),
    "keijidosha_zei.rate": ("軽自動車税: 種別割の標準税率（一台について、第463条の15第1項）",
                            "軽自動車税: the 標準税率 of the vehicle's class, 一台について (第463条の15第1項)"),
    "keijidosha_zei.rate_ceiling": ("軽自動車税: 種別割は標準税率の1.5倍以下（第463条の15第2項）",
                                    "軽自動車税: 種別割 at most 1.5 times the 標準税率 (第463条の15第2項)"),
    "keijidosha_zei.due_month": ("軽自動車税: 種別割の納期は4月中（第463条の17）",
                                 "軽自動車税: the 納期 in April (第463条の17)"),
    "keijidosha_zei.collection": ("軽自動車税: 種別割は普通徴収（第463条の18第1項）",
                                  "軽自動車税: collected by 普通徴収 (第463条の18第1項)"),
    "keijidosha_zei.notice": ("軽自動車税: 納税通知書は納期限前10日までに交付（第463条の18第2項）",
                              "軽自動車税: the 納税通知書 given at least 10 days before the 納期限 "
                              "(第463条の18第2項)"),
}

#: The rules of conformance/checks/kotei_scenarios.py (固定資産税, 地方税法).
KOTEI_SCENARIO_RULES: Mapping[str, Text] = {
    "kotei_shisan_zei.levy_date": ("固定資産税: 賦課期日（1月1日）の所有者に課する（第359条）",
        "固定資産税: on the owner on the 賦課期日 1月1日 (第359条)"),
    "kotei_shisan_zei.located": ("固定資産税: 固定資産所在の市町村において課する（第342条第1項）",
        "固定資産税: levied by the municipality where the 固定資産 lies (第342条第1項)"),
    "kotei_shisan_zei.assets": ("固定資産税: 土地、家屋及び償却資産に課する（第341条第1号）",
        "固定資産税: on 土地, 家屋 and 償却資産 (第341条第1号)"),
    "kotei_shisan_zei.registered_owner": ("固定資産税: 土地又は家屋は登記簿に所有者として登記されている者に課する"
        "（第343条第2項）",
        "固定資産税: a 土地 or 家屋 taxed on the owner registered in the 登記簿 (第343条第2項)"),
    "kotei_shisan_zei.deceased_owner": ("固定資産税: 賦課期日前に死亡した登記名義人には課さない（第343条第2項）",
        "固定資産税: not on a registered owner who died before the 賦課期日 (第343条第2項)"),
    "kotei_shisan_zei.base_year": ("固定資産税: 基準年度の基準年度及び年度区分（第341条第6号）",
        "固定資産税: the 基準年度 and 年度区分 of a 基準年度 (第341条第6号)"),
    "kotei_shisan_zei.standard_base_year": ("固定資産税: 基準年度の土地又は家屋の課税標準は登録された基準年度の価格"
        "（第349条第1項）",
        "固定資産税: the 課税標準 of a 土地 or 家屋 in the 基準年度 is the 基準年度の価格 registered (第349条第1項)"),
    "kotei_shisan_zei.second_year": ("固定資産税: 第二年度の基準年度及び年度区分（第341条第7号）",
        "固定資産税: the 基準年度 and 年度区分 of a 第二年度 (第341条第7号)"),
    "kotei_shisan_zei.standard_second_year": ("固定資産税: 第二年度の土地又は家屋の課税標準は登録された基準年度の価格"
        "（第349条第2項）",
        "固定資産税: the 課税標準 of a 土地 or 家屋 in the 第二年度 is the 基準年度の価格 registered (第349条第2項)"),
    "kotei_shisan_zei.third_year": ("固定資産税: 第三年度の基準年度及び年度区分（第341条第8号）",
        "固定資産税: the 基準年度 and 年度区分 of a 第三年度 (第341条第8号)"),
    "kotei_shisan_zei.standard_third_year": ("固定資産税: 第三年度の土地又は家屋の課税標準は登録された基準年度の価格"
        "（第349条第3項）",
        "固定資産税: the 課税標準 of a 土地 or 家屋 in the 第三年度 is the 基準年度の価格 registered (第349条第3項)"),
    "kotei_shisan_zei.depreciable_standard": ("固定資産税: 償却資産の課税標準は償却資産課税台帳に登録された価格"
        "（第349条の2）",
        "固定資産税: the 課税標準 of a 償却資産 is its 価格 registered in the 償却資産課税台帳 (第349条の2)"),
    "kotei_shisan_zei.rate": ("固定資産税: 課税標準に標準税率百分の一・四（第350条第1項）",
        "固定資産税: the 標準税率 百分の一・四 of the 課税標準 (第350条第1項)"),
    "kotei_shisan_zei.exemption": ("固定資産税: 免税点（30万円、20万円、150万円）未満には課さない（第351条）",
        "固定資産税: none below the 免税点 30万円, 20万円, 150万円 (第351条)"),
    "kotei_shisan_zei.due_months": ("固定資産税: 納期は4月、7月、12月及び2月中（第362条第1項）",
        "固定資産税: the 納期 in 4月, 7月, 12月 and 2月 (第362条第1項)"),
}

#: The rules of conformance/checks/hojin_scenarios.py (法人住民税, 地方税法).
HOJIN_SCENARIO_RULES: Mapping[str, Text] = {
    "hojin_juminzei.office": (
        "法人住民税: 市町村内に事務所又は事業所を有する法人は納税義務者（第294条第1項第3号）",
        "法人住民税: liable with a 事務所又は事業所 in the municipality (第294条第1項第3号)"),
    "hojin_juminzei.dormitory": (
        "法人住民税: 市町村内に寮等のみを有する法人は納税義務者（第294条第1項第4号）",
        "法人住民税: liable with only a 寮等 in the municipality (第294条第1項第4号)"),
    "hojin_juminzei.components": (
        "法人住民税: 事務所又は事業所を有する法人は均等割及び法人税割、寮等のみの法人は均等割（第294条第1項）",
        "法人住民税: 均等割 and 法人税割 with a 事務所又は事業所, 均等割 alone with only a 寮等 (第294条第1項)"),
    "hojin_juminzei.equal_rate": (
        "法人住民税: 資本金等の額及び従業者数の合計数による均等割の標準税率（第312条第1項）",
        "法人住民税: the 均等割's 標準税率 by 資本金等の額 and 従業者数の合計数 (第312条第1項)"),
    "hojin_juminzei.equal_ceiling": (
        "法人住民税: 均等割は標準税率の1.2倍以下（第312条第2項）",
        "法人住民税: 均等割 at most 1.2 times the 標準税率 (第312条第2項)"),
    "hojin_juminzei.months": (
        "法人住民税: 事務所等を有していた月数は暦に従い、1月未満は1月、端数は切捨て（第312条第4項）",
        "法人住民税: the months the 事務所等 was held, by the calendar, under one month as one, a remainder dropped "
        "(第312条第4項)"),
    "hojin_juminzei.prorated": (
        "法人住民税: 均等割は有していた月数を乗じて12で除した額（第312条第4項）",
        "法人住民税: the 均等割 times the months held, divided by twelve (第312条第4項)"),
    "hojin_juminzei.employees_date": (
        "法人住民税: 従業者数の合計数は算定期間の末日現在（第312条第5項）",
        "法人住民税: the 従業者数の合計数 on the last day of the 算定期間 (第312条第5項)"),
    "hojin_juminzei.capital_floor": (
        "法人住民税: 資本金等の額が資本金及び資本準備金の合算額に満たない場合はその合算額（第312条第6項）",
        "法人住民税: the 資本金及び資本準備金 where the 資本金等の額 is less (第312条第6項)"),
    "hojin_juminzei.corporate_rate": (
        "法人住民税: 法人税割の標準税率は百分の六（第314条の4第1項）",
        "法人住民税: the 法人税割's 標準税率 百分の六 (第314条の4第1項)"),
    "hojin_juminzei.corporate_ceiling": (
        "法人住民税: 法人税割は百分の八・四以下（第314条の4第1項ただし書）",
        "法人住民税: 法人税割 at most 百分の八・四 (第314条の4第1項ただし書)"),
    "hojin_juminzei.filing_deadline": (
        "法人住民税: 法人税の申告書の提出期限までに申告納付（第321条の8第1項）",
        "法人住民税: 申告納付 by the 提出期限 of the 法人税's 申告書 (第321条の8第1項)"),
}

#: The rules of conformance/checks/inkan_scenarios.py (印鑑登録, 亘理町's and 柏原市's 印鑑条例 as exemplars).
INKAN_SCENARIO_RULES: Mapping[str, Text] = {
    "inkan.resident": ("印鑑登録: 本町が備える住民基本台帳に記録されている者に限り登録（亘理町印鑑条例 第2条第1項）",
                       "印鑑登録: registered only while recorded in the town's 住民基本台帳 "
                       "(亘理町印鑑条例 第2条第1項)"),
    "inkan.age": ("印鑑登録: 15才未満の者は登録を受けることができない（亘理町印鑑条例 第2条第2項第1号）",
                  "印鑑登録: not registered under 15 (亘理町印鑑条例 第2条第2項第1号)"),
    "inkan.capacity": ("印鑑登録: 意思能力を有しない者は登録を受けることができない（亘理町印鑑条例 第2条第2項第2号）",
                       "印鑑登録: not registered without 意思能力 (亘理町印鑑条例 第2条第2項第2号)"),
    "inkan.one_seal": ("印鑑登録: 登録できる印鑑は1人1個（亘理町印鑑条例 第3条第1項）",
                       "印鑑登録: one 印鑑 a person (亘理町印鑑条例 第3条第1項)"),
    "inkan.name": ("印鑑登録: 氏名、氏、名又はその一部の組合せで表していない印鑑は登録できない"
                   "（亘理町印鑑条例 第3条第2項第1号）",
                   "印鑑登録: a 印鑑 not showing the 氏名, 氏 or 名 is not registered "
                   "(亘理町印鑑条例 第3条第2項第1号)"),
    "inkan.occupation": ("印鑑登録: 職業、資格その他氏名以外の事項を表している印鑑は登録できない"
                         "（亘理町印鑑条例 第3条第2項第2号）",
                         "印鑑登録: a 印鑑 showing a 職業 or 資格 is not registered "
                         "(亘理町印鑑条例 第3条第2項第2号)"),
    "inkan.rubber": ("印鑑登録: ゴム印その他の変形しやすい印鑑は登録できない（亘理町印鑑条例 第3条第2項第3号）",
                     "印鑑登録: a ゴム印 is not registered (亘理町印鑑条例 第3条第2項第3号)"),
    "inkan.size": ("印鑑登録: 印影が1辺8ミリメートルの正方形に収まる、又は25ミリメートルの正方形に収まらない印鑑は登録"
                   "できない（亘理町印鑑条例 第3条第2項第4号）",
                   "印鑑登録: a 印影 within 8mm or beyond 25mm is not registered (亘理町印鑑条例 第3条第2項第4号)"),
    "inkan.clear": ("印鑑登録: 印影を鮮明に表しにくい印鑑は登録できない（亘理町印鑑条例 第3条第2項第5号）",
                    "印鑑登録: a 印影 hard to show clearly is not registered (亘理町印鑑条例 第3条第2項第5号)"),
    "inkan.registers": ("印鑑登録: 登録できない事由のない申請の印鑑は登録しなければならない"
                        "（柏原市印鑑条例 第5条、亘理町印鑑条例 第2条・第3条）",
                        "印鑑登録: an application no provision bars is registered "
                        "(柏原市印鑑条例 第5条 with 亘理町印鑑条例 第2条, 第3条)"),
}

#: The rules of conformance/checks/seikatsu_scenarios.py (生活保護, 生活保護法).
SEIKATSU_SCENARIO_RULES: Mapping[str, Text] = {
    "seikatsu_hogo.residence": ("生活保護: 居住地を所管する福祉事務所を管理する者が保護の実施機関（第19条第1項第1号）",
                                "生活保護: the 実施機関 of the 要保護者's 居住地 (第19条第1項第1号)"),
    "seikatsu_hogo.current_place": ("生活保護: 居住地がないか明らかでない要保護者は現在地の実施機関"
                                    "（第19条第1項第2号）",
                                    "生活保護: the 実施機関 of the 現在地 without a known 居住地 (第19条第1項第2号)"),
    "seikatsu_hogo.urgent": ("生活保護: 急迫した状況にある者は現在地の実施機関（第19条第2項）",
                             "生活保護: the 実施機関 of the 現在地 in an 急迫した状況 (第19条第2項)"),
    "seikatsu_hogo.facility": ("生活保護: 施設入所・委託中は入所又は委託前の居住地又は現在地の実施機関（第19条第3項）",
                               "生活保護: the 実施機関 of the 居住地 or 現在地 before an 入所 or 委託 (第19条第3項)"),
    "seikatsu_hogo.deadline": ("生活保護: 決定の通知は申請のあった日から14日以内（第24条第5項）",
                               "生活保護: the decision notice within 14 days of the application (第24条第5項)"),
    "seikatsu_hogo.extended_deadline": ("生活保護: 特別な理由があるときは30日まで（第24条第5項ただし書）",
                                        "生活保護: up to 30 days with a 特別な理由 (第24条第5項ただし書)"),
    "seikatsu_hogo.delay_reason": ("生活保護: 14日を過ぎた通知の書面には理由を明示（第24条第6項）",
                                   "生活保護: a notice after the 14 days states why (第24条第6項)"),
    "seikatsu_hogo.deemed_rejection": ("生活保護: 30日以内に通知がないときは却下とみなすことができる（第24条第7項）",
                                       "生活保護: no notice within 30 days, the application may be deemed rejected "
                                       "(第24条第7項)"),
    "seikatsu_hogo.shortfall": ("生活保護: 基準により測定した需要のうち金銭又は物品で満たせない不足分を補う"
                                "（第8条第1項）",
                                "生活保護: 保護 makes up the need the 要保護者's money cannot meet (第8条第1項)"),
}

#: The rules of conformance/checks/shogaisha_scenarios.py (障害者福祉, 障害者総合支援法・身体障害者福祉法).
SHOGAISHA_SCENARIO_RULES: Mapping[str, Text] = {
    "shogaisha_fukushi.residence": (
        "障害者福祉: 支給決定は居住地の市町村が行う"
        "（障害者総合支援法第19条第2項）",
        "障害者福祉: the 支給決定 by the 市町村 of the 居住地 "
        "(障害者総合支援法 第19条第2項)"),
    "shogaisha_fukushi.current_place": (
        "障害者福祉: 居住地を有しないか明らかでないときは現在地の市町村"
        "（障害者総合支援法第19条第2項ただし書）",
        "障害者福祉: without a known 居住地, by the 市町村 of the 現在地 "
        "(障害者総合支援法 第19条第2項ただし書)"),
    "shogaisha_fukushi.facility": (
        "障害者福祉: 特定施設入所等障害者は入所前の居住地の市町村"
        "（障害者総合支援法第19条第3項）",
        "障害者福祉: a 特定施設入所等障害者 by the 市町村 of the 居住地 before the 入所 "
        "(障害者総合支援法 第19条第3項)"),
    "shogaisha_fukushi.facility_location": (
        "障害者福祉: 入所前に居住地を有しないか明らかでなかったときは入所前の所在地の市町村"
        "（障害者総合支援法第19条第3項ただし書）",
        "障害者福祉: without a 居住地 before the 入所, by the 市町村 of the 所在地 before it "
        "(障害者総合支援法 第19条第3項ただし書)"),
    "shogaisha_fukushi.child_facility": (
        "障害者福祉: 障害児施設から継続して入所した者は満十八歳となる日の前日に保護者であった者の居住地の市町村"
        "（障害者総合支援法第19条第4項）",
        "障害者福祉: from a 障害児 facility, by the 市町村 of the 保護者's 居住地 on the day before 18 "
        "(障害者総合支援法 第19条第4項)"),
    "shogaisha_fukushi.child_facility_location": (
        "障害者福祉: 保護者であった者の居住地がないか明らかでないときは満十八歳となる日の前日の所在地の市町村"
        "（障害者総合支援法第19条第4項ただし書）",
        "障害者福祉: from a 障害児 facility without the 保護者's 居住地, by the 市町村 of the person's 所在地 on the "
        "day before 18 "
        "(障害者総合支援法 第19条第4項ただし書)"),
    "shogaisha_fukushi.decision_required": (
        "障害者福祉: 介護給付費等の支給には市町村の支給決定を要する"
        "（障害者総合支援法第19条第1項）",
        "障害者福祉: 介護給付費等 only under the 市町村's 支給決定 "
        "(障害者総合支援法 第19条第1項)"),
    "shogaisha_fukushi.validity": (
        "障害者福祉: 支給決定は有効期間内に限り効力を有する"
        "（障害者総合支援法第23条）",
        "障害者福祉: the 支給決定 in effect within its 有効期間 only "
        "(障害者総合支援法 第23条)"),
    "shogaisha_fukushi.category": (
        "障害者福祉: 障害支援区分は市町村審査会の審査及び判定の結果に基づき認定"
        "（障害者総合支援法第21条第1項）",
        "障害者福祉: the 障害支援区分 of the 市町村審査会's 判定 "
        "(障害者総合支援法 第21条第1項)"),
    "shogaisha_fukushi.physically_disabled": (
        "障害者福祉: 身体障害者は十八歳以上で身体障害者手帳の交付を受けた者"
        "（身体障害者福祉法第4条）",
        "障害者福祉: a 身体障害者 is 18 or older with a 身体障害者手帳 "
        "(身体障害者福祉法 第4条)"),
    "shogaisha_fukushi.guardian_applies": (
        "障害者福祉: 本人が十五歳に満たないときは保護者が代わって申請"
        "（身体障害者福祉法第15条第1項ただし書）",
        "障害者福祉: the 保護者 applies for a child under 15 "
        "(身体障害者福祉法 第15条第1項ただし書)"),
    "shogaisha_fukushi.certificate": (
        "障害者福祉: 別表に該当すると認めたときは身体障害者手帳を交付"
        "（身体障害者福祉法第15条第4項）",
        "障害者福祉: the 手帳 given when the 障害 is one of the 別表 "
        "(身体障害者福祉法 第15条第4項)"),
    "shogaisha_fukushi.rejection": (
        "障害者福祉: 該当しないと認めたときは理由を附して申請者に通知"
        "（身体障害者福祉法第15条第5項）",
        "障害者福祉: otherwise the 申請者 told so with the reason "
        "(身体障害者福祉法 第15条第5項)"),
    "shogaisha_fukushi.handover": (
        "障害者福祉: 本人が満十五歳に達したときは保護者は手帳を本人に引き渡す"
        "（身体障害者福祉法第15条第7項）",
        "障害者福祉: the 保護者 hands the 手帳 to the child reaching 15 "
        "(身体障害者福祉法 第15条第7項)"),
}

#: The rules of conformance/checks/koseki_scenarios.py (戸籍, 戸籍法・戸籍法施行規則).
KOSEKI_SCENARIO_RULES: Mapping[str, Text] = {
    "koseki.period_start": ("戸籍: 届出期間は届出事件発生の日から起算（第43条第1項）",
                            "戸籍: the 届出期間 counted from the day of the event (第43条第1項)"),
    "koseki.birth_period": ("戸籍: 出生の届出は14日以内、国外で出生したときは3箇月以内（第49条第1項）",
                            "戸籍: the 出生届 within 14 days, 3 months abroad (第49条第1項)"),
    "koseki.death_period": ("戸籍: 死亡の届出は死亡の事実を知った日から7日以内、国外は3箇月以内（第86条第1項）",
                            "戸籍: the 死亡届 within 7 days of knowing, 3 months abroad (第86条第1項)"),
    "koseki.marriage_new": ("戸籍: 婚姻の届出があったときは夫婦について新戸籍を編製（第16条第1項）",
                            "戸籍: a 婚姻 makes a new 戸籍 for the 夫婦 (第16条第1項)"),
    "koseki.marriage_head": ("戸籍: 称する氏の側が戸籍の筆頭者なら新戸籍を編製しない（第16条第1項ただし書）",
                             "戸籍: no new 戸籍 when the spouse whose 氏 is taken is 筆頭者 (第16条第1項ただし書)"),
    "koseki.marriage_enters": ("戸籍: そのとき他方はその筆頭者の戸籍に入る（第16条第2項）",
                               "戸籍: then the other spouse enters that 戸籍 (第16条第2項)"),
    "koseki.foreign_marriage_new": ("戸籍: 日本人と外国人との婚姻は日本人について新戸籍を編製（第16条第3項）",
                                    "戸籍: a 婚姻 with a 外国人 makes a new 戸籍 for the 日本人 (第16条第3項)"),
    "koseki.foreign_marriage_head": ("戸籍: その日本人が筆頭者なら新戸籍を編製しない（第16条第3項ただし書）",
                                     "戸籍: not when the 日本人 is 筆頭者 (第16条第3項ただし書)"),
    "koseki.child_parents": ("戸籍: 父母の氏を称する子は父母の戸籍に入る（第18条第1項）",
                             "戸籍: a child taking the 氏 of its parents enters their 戸籍 (第18条第1項)"),
    "koseki.child_mother": ("戸籍: 母の氏を称する子は母の戸籍に入る（第18条第2項）",
                            "戸籍: a child taking the mother's 氏 enters her 戸籍 (第18条第2項)"),
    "koseki.display": ("戸籍: 戸籍は筆頭に記載した者の氏名及び本籍で表示（第9条）",
                       "戸籍: shown by its 本籍 and the 氏名 of the person written first (第9条)"),
    "koseki.display_after_removal": ("戸籍: 筆頭者が戸籍から除かれた後も同じ表示（第9条）",
                                     "戸籍: still so shown after that person is removed (第9条)"),
    "koseki.request": ("戸籍: 記載されている者（除かれた者を含む）、配偶者、直系尊属・直系卑属が戸籍謄本等を請求できる"
                       "（第10条第1項）",
                       "戸籍: the persons recorded, their 配偶者, 直系尊属 and 直系卑属 may request the 戸籍謄本等 "
                       "(第10条第1項)"),
    "koseki.filing_place": ("戸籍: 届出は本人の本籍地又は届出人の所在地で（第25条第1項）",
                            "戸籍: a 届出 at the 本人's 本籍地 or the 届出人's 所在地 (第25条第1項)"),
    "koseki.filing_place_foreigner": ("戸籍: 外国人に関する届出は届出人の所在地で（第25条第2項）",
                                      "戸籍: a 届出 about a 外国人 at the 届出人's 所在地 (第25条第2項)"),
    "koseki.name_plain": ("戸籍: 子の名には常用平易な文字を用いる（第50条第1項）",
                          "戸籍: a child's 名 of 常用平易な文字 (第50条第1項)"),
    "koseki.name_kana": ("戸籍: 片仮名又は平仮名（変体仮名を除く）（戸籍法施行規則第60条第3号）",
                         "戸籍: 片仮名 and 平仮名, not 変体仮名 (戸籍法施行規則第60条第3号)"),
}

SCENARIO_RULES: Mapping[str, Text] = {
    **TAX_SCENARIO_RULES,
    **KAIGO_SCENARIO_RULES,
    **JIDO_SCENARIO_RULES,
    **NENKIN_SCENARIO_RULES,
    **KOKUHO_SCENARIO_RULES,
    **SENKYO_SCENARIO_RULES,
    **SHUGAKU_SCENARIO_RULES,
    **KODOMO_SCENARIO_RULES,
    **KENKO_SCENARIO_RULES,
    **FUHYO_SCENARIO_RULES,
    **FUHYO_FORM_RULES,
    **SENKYO_FORM_RULES,
    **SHUGAKU_FORM_RULES,
    **KOKUHO_FORM_RULES,
    **KOKI_FORM_RULES,
    **KAIGO_FORM_RULES,
    "juminzei.levied": ("個人住民税: 1月1日の住所地の市町村が課税",
                        "個人住民税: the municipality of the address on 1月1日"),
    "kokuho.dates": ("国保: 資格取得日と喪失日", "国保: 取得日 and 喪失日"),
    "kokuho.months": ("国保: 保険料の賦課月数", "国保: premium months"),
    "kokuho.prefecture": ("国保: 平成30年4月以降の同一都道府県内の資格継続",
                          "国保: same-prefecture continuity since 2018-04"),
    "kaigo.first_insured": ("介護 第1号被保険者: 65歳に達した日に資格取得（第10条第1項第4号）",
                            "介護 第1号: 資格取得日 at 65 (第10条第1項第4号)"),
    "koki_korei.start": ("後期高齢者医療: 75歳の誕生日に資格取得", "後期高齢者医療: start on the 75th birthday"),
    "jido_teate.start_month": ("児童手当: 支給開始月（15日特例）", "児童手当: first month paid (15日特例)"),
    "jido_teate.amounts": ("児童手当: 児童ごとの月額", "児童手当: monthly amount per child"),
    "dv.end_date": ("支援措置: 開始から1年後の終了日", "支援措置: end date one year from the start"),
    "dv.extension": ("支援措置: 延長の受付期間と延長後の終了日", "支援措置: extension window and extended end"),
    "dv.after_move_out": ("支援措置: 転出後（前住所地）も支援を継続",
                          "支援措置: protection continues after move-out (前住所地)"),
    "removal_date": ("除票: 転出予定年月日と転入通知の転入日の早い方",
                     "除票: the earlier of 転出予定年月日 and the 転入通知's 転入日"),
    **KOKI_SCENARIO_RULES,
    **FUYO_SCENARIO_RULES,
    **KEIJI_SCENARIO_RULES,
    **KOTEI_SCENARIO_RULES,
    **SEIKATSU_SCENARIO_RULES,
    **HOJIN_SCENARIO_RULES,
    **INKAN_SCENARIO_RULES,
    **KOSEKI_SCENARIO_RULES,
    **SHOGAISHA_SCENARIO_RULES,
}

#: schemathesis checks run by ``api.openapi`` (conformance/checks/api.py); codes ``api.<name>``.
API_CHECKS: Mapping[str, Text] = {
    "not_a_server_error": ("サーバーエラー（5xx）を返しました", "The API answered with a server error (5xx)"),
    "status_code_conformance": ("API仕様書に定義のないステータスコードを返しました",
                                "The status code is not one the API specification defines"),
    "content_type_conformance": ("API仕様書と異なる Content-Type を返しました",
                                 "The Content-Type is not the one the API specification defines"),
    "response_schema_conformance": ("応答の内容が API仕様書のスキーマに合いません",
                                    "The response body does not match the API specification's schema"),
    "negative_data_rejection": ("不正なリクエストを拒否しませんでした", "An invalid request was not rejected"),
}

_FINDINGS: dict[str, Text] = {
    # the 住登外者宛名番号付番 API (conformance/checks/kyotsu.py)
    "kyotsu.status": ("API仕様書と異なる HTTPステータスコードを返しました",
                      "The API answered another HTTP status than the API specification says"),
    "kyotsu.not_json": ("JSON形式のレスポンスオブジェクトを返しませんでした", "The answer is no JSON response object"),
    "kyotsu.value_mismatch": ("レスポンスの値が API仕様書の定めと異なります",
                              "A value of the response differs from what the API specification says"),
    "kyotsu.unknown_error_code": ("エラーコード一覧にないエラーコードを返しました",
                                  "An error code that is not in the error code list"),
    "kyotsu.error_code_missing": ("不正な入力に対して定められたエラーコードを返しませんでした",
                                  "Invalid input was not answered with its error code"),
    "kyotsu.number_not_kept": ("処理区分1・2で指定した宛名番号で登録されませんでした",
                               "With 処理区分 1 or 2 the given 宛名番号 was not the one registered"),
    "kyotsu.history_not_counted": ("同じ宛名番号の登録で履歴番号が増えませんでした",
                                   "A new registration of a 宛名番号 did not get a higher 履歴番号"),
    "kyotsu.number_reissued": ("付番済みの住登外者宛名番号を別の付番依頼に再び付番しました",
                               "A 住登外者宛名番号 already issued was issued again"),
    "kyotsu.check_digit": ("住登外者宛名番号のチェックデジットが住民宛名番号と同じ方式（M11W2-7）で正しくありません",
                           "The 住登外者宛名番号's check digit is wrong (M11W2-7, as for the 住民宛名番号)"),
    "kyotsu.number_of_resident": ("住民宛名番号と重複する住登外者宛名番号を付番しました",
                                  "A 住登外者宛名番号 equal to a resident's 宛名番号 was issued"),
    # export files (file.layout)
    "file.encoding_not_allowed": ("ファイルの文字コードが標準で認められたもの（UTF-8 等）ではありません",
                                  "The file's encoding is not one the standard allows"),
    "file.encoding_undeclared": ("ファイルの文字コードが宣言されていません", "The file's encoding is not declared"),
    "file.encoding_mismatch": ("宣言された文字コードとして読めないバイト列があります",
                               "Bytes that cannot be read in the declared encoding"),
    "file.encoding_ambiguous_character": ("Shift_JIS と CP932 で異なる文字として読まれる文字があります",
                                          "A character Shift_JIS and CP932 read differently"),
    "file.too_many_findings": ("同種の指摘が多いため、以降は件数のみ記録しました",
                               "Too many findings of one kind: the rest are counted only"),
    "file.layout": ("ファイルのレイアウトが定義と合いません", "The file does not match its layout"),
    "file.header_missing_column": ("見出し行に必要な列がありません", "A column is missing from the header"),
    "file.header_unexpected_column": ("見出し行にレイアウトにない列があります",
                                      "The header has a column the layout does not"),
    "file.header_order": ("見出し行の列の順序がレイアウトと異なります", "The header's columns are out of order"),
    "file.field_count": ("レコードの項目数が見出し行と異なります", "A record's field count differs from the header's"),
    "file.field_too_large": ("項目が大きすぎるため、以降を読めませんでした",
                             "A field is too large: the rest was not read"),
    "file.csv_syntax": ("CSV の構文誤りのため、以降を読めませんでした", "A CSV syntax error: the rest was not read"),
    "file.record_length": ("固定長レコードの長さが定義と異なります", "A fixed-length record has the wrong length"),
    "file.type": ("値の型が定義と異なります（数字、フラグ、日付）", "A value of the wrong type (integer, flag, date)"),
    "file.length": ("値が定義の桁数を超えています", "A value longer than its item allows"),
    "file.code": ("コード表にない値です", "A value not in its code table"),
    "file.pattern": ("値が定義の形式に合いません", "A value that does not match its pattern"),
    "file.char_class": ("項目に使えない文字があります", "A character the item does not allow"),
    "file.check_digit": ("チェックデジットが正しくありません", "A wrong check digit"),
    "file.required": ("必須の値が空です", "A required value is empty"),
    "file.category_item_unexpected": ("この住民区分では記録しない項目に値があります",
                                      "A value in an item that does not apply to this category of resident"),
    "file.reference_missing": ("参照先のファイルに対応するレコードがありません",
                               "No matching record in the referenced file"),
    "file.duplicate_key": ("ファイル内で一意であるべきキー（宛名番号など）が重複しています",
                           "A key that must be unique in the file (宛名番号 ...) appears again"),
    "file.householder": ("世帯に世帯主がいない、または世帯主が複数います", "A household without exactly one 世帯主"),
    "file.date_range": ("日付がありえない範囲です（抽出日より後、明治元年より前など）",
                        "A date out of range (after the extraction date, before 明治元年 ...)"),
    "file.prohibited_value": ("仕様書で実装しない値（一覧にない続柄など）があります",
                              "A value the specification does not allow (a 続柄 it does not list ...)"),
    "file.unknown_municipality": ("存在しない地方公共団体コードです", "A code that names no municipality"),
    # 住民記録 (jumin) checks
    "jumin.records.person_missing": ("移行した住民が対象システムから返されません", "A loaded person is not returned"),
    "jumin.records.item_changed": ("移行した項目の値が変わっています", "An item differs from the value loaded"),
    "jumin.relationship.not_listed": ("仕様書にない続柄が作られています", "A 続柄 the specification does not list"),
    "jumin.dv.certificate_issued": ("支援措置対象者の住民票の写しの交付請求が拒否されませんでした",
                                    "A certificate request for a DV-protected person was not refused"),
    "jumin.dv.inspection_lists_protected": ("閲覧用リストに支援措置対象者が載っています",
                                            "The inspection list shows a DV-protected person"),
    "jumin.certificate.date_style": ("証明書の日付の表記（和暦・西暦）が定めと異なります",
                                     "A certificate date is not printed in the required style"),
    "jumin.certificate.seireki_printed": ("和暦で記載すべき日付が西暦で記載されています",
                                          "A date is printed in 西暦 where 和暦 is required"),
    "jumin.certificate.wareki_printed": ("外国人住民の日付が和暦で記載されています（西暦で記載すべき項目）",
                                         "A foreign resident's date is printed in 和暦"),
    "jumin.numbering.not_assigned": ("番号（宛名番号・世帯番号）が自動で付番されていません",
                                     "No 10-digit number was assigned"),
    "jumin.numbering.check_digit": ("付番された番号のチェックデジット（M11W2-7）が正しくありません",
                                    "A new number has no valid M11W2-7 check digit"),
    "jumin.history.not_appended": ("訂正しても履歴が追加されません", "The correction did not append a history row"),
    "jumin.history.value_not_recorded": ("追加された履歴に訂正後の値が記録されていません",
                                         "The new history row does not carry the corrected value"),
    "jumin.history.numbering": ("履歴番号が1からの連番になっていません", "履歴番号 is not a simple count from 1"),
    "jumin.dv.mark_missing": ("他業務へ連携する情報に支援措置対象者の印（フラグ）がありません",
                              "What other systems receive does not mark a DV-protected person"),
    # printed forms (帳票: 住民票の写し ...)
    "form.not_issued": ("帳票が発行されませんでした", "The form was not issued"),
    "form.list_missing": ("閲覧用の全件リストに町字の住民が印字されていません",
                          "The 閲覧用 full list leaves out a resident of the 町字"),
    "form.not_pdf": ("帳票が PDF で返されませんでした", "The form did not come as a PDF"),
    "form.pdf_too_large": ("帳票の PDF が上限を超えています（大きさ、ページ数、オブジェクト数）",
                           "The form's PDF exceeds a limit (size, pages, objects)"),
    "form.pdf_unreadable": ("帳票の PDF を読めません", "The form's PDF cannot be read"),
    "form.pdf_text_unreadable": ("帳票の PDF の文字を読めません（埋め込まれていないフォントで、"
                                 "文字コードの対応がありません）",
                                 "The form's PDF has characters that cannot be read (a font not embedded, with no "
                                 "Unicode mapping)"),
    "form.pdf_encrypted": ("帳票の PDF が暗号化されています", "The form's PDF is encrypted"),
    "form.pdf_active_content": ("帳票の PDF に動的・外部の内容（スクリプト等）が含まれています",
                                "The form's PDF carries active or external content"),
    "form.person_missing": ("住民の記載欄が印字されていません", "The resident's block is not printed"),
    "form.item_missing": ("記載すべき項目が印字されていません", "An item is not printed"),
    "form.item_value": ("項目が記録と異なる値で印字されています", "An item is not printed as recorded"),
    "form.item_order": ("項目の印字順が定めと異なります", "Items are printed out of order"),
    "form.date": ("日付の表記（和暦の元号など）が定めと異なります", "A date is not printed as j90/j80 want it"),
    "form.omitted_item_printed": ("省略を指定した項目が印字されています", "An item asked to be omitted is printed"),
    "form.certification_missing": ("認証文が印字されていません", "No 認証文 is printed"),
    "form.certification_not_last_page": ("認証文が最終ページにありません", "The 認証文 is not on the last page"),
    "form.certification_before_sheet": ("認証文が別紙より前に印字されています",
                                        "The 認証文 is printed before the 別紙"),
    "form.official_title_missing": ("都道府県名を含む職名（電子公印の行）が印字されていません",
                                    "No 職名 with the 都道府県名 is printed"),
    "form.issue_number_missing": ("発行番号が印字されていません", "No 発行番号 is printed"),
    "form.issue_number_format": ("発行番号の形式が定めと異なります", "The 発行番号 is not in the form of 5.5"),
    "form.issue_number_page": ("発行番号のページ番号・総ページ数が誤っています", "The 発行番号's page/total is wrong"),
    "form.issue_number_repeated": ("別の写しに同じ発行番号が付いています", "Two copies carry the same 発行番号"),
    "form.sheet_missing": ("通称の履歴の別紙が印字されていません", "The 通称 history 別紙 is not printed"),
    "form.sheet_not_counted": ("発行番号の総ページ数に別紙が含まれていません",
                               "The 発行番号's total pages do not count the 別紙"),
    "form.member_order": ("世帯員の記載順が定めと異なります", "The 世帯員 are not in the order of 5.2"),
    "form.removed_member_listed": ("除票となった世帯員が世帯全員の写しに記載されています",
                                   "A removed member is listed on the 世帯全員 copy"),
    "form.furigana_on_item": ("ふりがなを付けない項目にふりがなが印字されています",
                              "A reading is printed on an item that takes none"),
    "form.furigana_hiragana": ("ふりがながひらがなで印字されています（カタカナで記載）", "A reading is in hiragana"),
    "form.furigana_unbracketed": ("ふりがなが括弧書きになっていません", "A reading is not in brackets"),
    "form.katagaki_missing": ("住所に方書が印字されていません", "The 方書 is not printed in the 住所"),
    "form.official_use_missing": ("公用の請求なのに「公用」が印字されていません",
                                  "「公用」 is not printed on a form asked for as 公用"),
    "form.data_differs": ("帳票のデータと印字内容が一致しません", "The form's data differs from what is printed"),
    "form.dv_issued": ("支援措置対象者の帳票が発行されました（拒否すべき請求）",
                       "A form of a DV-protected person was issued"),
    "form.dv_leak": ("支援措置対象者の情報が、閲覧・交付を受けられない者への帳票に印字されています",
                     "A form shows a DV-protected person to someone not entitled"),
    # the model of 住民記録 (model.jumin.state_machine, docs/model.md): 支援措置 (3.4) after every step
    "model.dv_issued": ("支援措置の対象者の住民票の写しが交付されました（エラーとすべきものです）",
                        "A 住民票の写し of a 支援対象者 was issued instead of refused"),
    "model.dv_household_leak": ("他の世帯員から請求した世帯全員の写しに支援措置の対象者が記載されています",
                                "A 世帯全員 copy asked through another member shows a 支援対象者"),
    "model.dv_mark_missing": ("連携の応答に、支援措置の対象者である旨の印（フラグ）が記録どおりにありません",
                              "The linkage answer does not carry a 支援対象者's mark as the record holds it"),
    "model.dv_export_unmarked": ("住民データの抽出ファイルで、支援措置の対象者に、その旨の印（フラグ）が記録どおりに"
                                 "ありません", "The export's record of a 支援対象者 does not carry the mark as the "
                                 "record holds it"),
    # the model's read paths: the searches (2.1.2, 2.1.3, 2.2.4) and the 閲覧用 list (3.4) after the steps
    "model.search_missing": ("記録どおりの氏名・フリガナ・生年月日で検索しても、その住民が検索されません",
                             "A search by what the record holds does not find the 住民"),
    "model.search_condition_ignored": ("検索の条件とした生年月日に生まれていない住民が、検索結果に含まれています",
                                       "A search lists a person not born on the 生年月日 it was asked for"),
    "model.search_unreadable": ("検索の応答が定めの形式（対象者の一覧）ではありません",
                                "The search does not answer the persons it finds"),
    "model.dv_search_unmarked": ("検索結果に、支援措置の対象者である旨の表示（フラグ）がないまま住民票データが"
                                 "示されています", "A search shows a 支援対象者's data without the 表示 of 支援措置"),
    "model.form_differs": ("住民票の写し（帳票データ又は印字）の項目が、住民記録のモデルの記録と異なります",
                           "An item of the 住民票の写し (its data or its print) differs from the record"),
    "model.form_missing": ("住民の住民票の写しが発行されないか、読めません",
                           "The 住民票の写し of a 住民 is not issued, or cannot be read"),
    "model.dv_form_issued": ("支援措置の対象者の帳票（住民票の写し又は除票の写し）が発行されました"
                             "（エラーとすべきものです）",
                             "A form of a 支援対象者 was issued instead of refused"),
    "model.dv_form_leak": ("他の世帯員から又は世帯番号で請求した世帯全員の帳票に支援措置の対象者が記載されています",
                           "A 世帯全員 form asked through another member or by the 世帯番号 shows a 支援対象者"),
    "model.number_not_kept": ("除票の宛名番号で選んだ再転入者が、従前の宛名番号を引き継いでいません",
                              "A 再転入者 selected by the 除票's 宛名番号 does not keep it"),
    "model.dv_inspection_listed": ("町字の閲覧用リストに支援措置の対象者が載っています（エラーとするか"
                                   "除くべきものです）", "The 閲覧用 list of a 町字 shows a 支援対象者"),
    # declarative scenarios through the driver protocol (scenario.run; conformance/scenarios)
    "scenario.no_date": ("応答の値が年月日（例：2024-04-01）ではありません",
                         "The answer holds no 年月日 (YYYY-MM-DD) there"),
    "scenario.not_equal": ("応答の値が仕様の求める値と異なります",
                           "A value differs from the one the specification asks for"),
    "scenario.not_absent": ("空であるべき項目に値があります", "A value that should be empty is present"),
    "scenario.not_present": ("出力されるべき項目に値がありません", "A value that should be output is missing"),
    "scenario.not_printed": ("印刷された帳票（PDF）が応答にないか、読み取れません",
                             "The answer holds no printed form (PDF), or it cannot be read"),
    "scenario.printed_label_missing": ("帳票に、この項目の行が印字されていません",
                                       "The form prints no line of this item"),
    "scenario.printed_missing": ("帳票に、記載されるべき内容が印字されていません",
                                 "The form does not print what it should"),
    "scenario.printed_unexpected": ("帳票の項目に、仕様と異なる内容が印字されています",
                                    "An item of the form prints another value than the specification asks for"),
    "scenario.not_accepted": ("操作が受け付けられませんでした（確定していません）", "The operation was not committed"),
    "scenario.not_not_found": ("存在しないものの照会に「該当なし」（404）が応答されませんでした",
                               "The read of something not there did not answer that nothing is there (404)"),
    "scenario.no_error": ("不正な入力がエラーで拒否されませんでした",
                          "The input was not refused with the expected error"),
    "scenario.no_alert": ("求められるアラートが表示されませんでした", "The expected alert was not shown"),
    "scenario.history_not_appended": ("履歴が追加されない、または以前の履歴が残っていません",
                                      "The history did not gain its row, or lost an earlier one"),
    "scenario.history_item": ("追加された履歴に求められる値が記録されていません",
                              "The new history row does not carry the expected value"),
    "scenario.history_item_not_kept": ("追加された履歴で全項目の内容が保持されていません",
                                       "The new history row does not keep an item (全項目の内容を保持する)"),
    "scenario.history_item_not_allowed": ("追加された履歴の値が、仕様の文言が許すいずれの値とも異なります",
                                          "The new history row carries a value the text does not allow"),
    "scenario.history_changed": ("確定すべきでない操作で履歴が変わりました",
                                 "The history changed although nothing should be committed"),
    "scenario.order": ("一覧の並び順が仕様と異なります", "The entries are not in the order the specification asks"),
    "scenario.contains": ("一覧に含まれるべき項目がありません", "The list lacks an entry it should have"),
    "scenario.not_contains": ("一覧に含まれてはならない項目があります", "The list has an entry it must not have"),
    "scenario.oracle_mismatch": ("値が判定規則（オラクル）の答えと異なります",
                                 "A value differs from the oracle's answer"),
    "logs.unreadable": ("ログの照会の応答が定めの形式ではありません",
                        "The answer of the log query is not in the form the driver protocol defines"),
    "logs.entry_missing": ("行った操作が操作ログに取得されていません", "An operation done is not in the 操作ログ"),
    "logs.setting_missing": ("管理者による設定変更が設定変更ログに取得されていません",
                             "A setting an administrator changed is not in the 設定変更ログ"),
    "logs.file_unreadable": ("ログの分析結果のファイル出力がCSVとして読めません",
                             "The analysis written as a file cannot be read as CSV"),
    "logs.file_differs": ("ログの分析結果のファイル出力が、分析結果の行と一致しません",
                          "The analysis written as a file does not hold the rows of the analysis"),
    "logs.writable": ("システム利用者の求めで操作ログの記録が削除されました（改ざん防止措置がありません）",
                      "An entry of the 操作ログ was deleted on a システム利用者's request (no write protection)"),
    "logs.entry_altered": ("取得済みの操作ログの記録が、後の操作の後に失われ又は変わっています",
                           "An entry of the 操作ログ read before is gone or changed after later operations"),
    "extract.unreadable": ("無作為抽出の応答が定めの形式ではありません",
                           "The answer of the random extraction is not in the form the driver protocol defines"),
    "extract.count": ("無作為抽出の人数が指定と異なります",
                      "The extraction names another number of persons than asked"),
    "extract.duplicate": ("無作為抽出が同じ者を重複して返しました", "The extraction names a person twice"),
    "extract.not_matching": ("無作為抽出された者が指定した条件を満たしません",
                             "A person drawn does not meet the criteria given"),
    "suppressed.unreadable": ("抑止対象者一覧の応答が定めの形式ではありません",
                              "The answer of the 抑止対象者一覧 is not in the form the driver protocol defines"),
    "suppressed.missing": ("支援措置中の住民が抑止対象者一覧にありません",
                           "A 住民 under 支援措置 is not in the 抑止対象者一覧"),
    "suppressed.extra": ("抑止のない者が抑止対象者一覧にあります", "A person with no 抑止 is in the 抑止対象者一覧"),
    "issuance.kind_same": ("異なる証明書の交付履歴が同じ証明書の種別で記録されています",
                           "Two different certificates have one 証明書の種別 in the 交付履歴"),
    "issuance.inquiry_differs": ("交付履歴の項目による照会が、条件に合う証明書と異なるものを返しました",
                                 "The 照会 of the 交付履歴 by an item answers other certificates than it names"),
    "stats.figure_missing": ("統計に求めた集計値がありません", "The statistics answer no such figure"),
    "stats.figure_differs": ("統計の集計値が、行った異動のとおりに増減していません",
                             "A figure of the statistics did not move by what the 異動 made"),
    "print.no_printer": ("指定できるプリンタ・トレーがありません", "No printer with a tray can be chosen"),
    "print.choice_ignored": ("帳票が印刷時の指定（出力先・プリンタ・トレー）のとおりに出力されていません",
                             "The form was not output as the print dialog chose (output, printer, tray)"),
    "print.title_missing": ("都道府県名を含む職名が印字されていません", "No 職名 with the 都道府県名 is printed"),
    "print.notice_missing": ("選択した固定文言が印字されていません", "The fixed wording chosen is not printed"),
    "print.copies": ("出力された部数が指定した部数と異なります", "Another number of copies was output than asked"),
    "print.document_missing": ("プレビュー・PDFの出力で帳票が返されません",
                               "The preview or PDF output answers no readable form"),
    "print.overflow_unlisted": ("印刷域を超過した項目が文字超過リストにありません",
                                "An item that overflows its print area is not in the 文字超過リスト"),
    "print.overflow_alert_missing": ("文字溢れのある帳票でアラートが表示されません",
                                     "A form with an item that overflows shows no アラート"),
    "print.overflow_mode_ignored": ("文字溢れ項目の出力（限界まで・空白）が設定のとおりではありません",
                                    "An overflowing item is not printed as the setting (限界まで, 空白) says"),
    "print.overflow_cut": ("長い項目が、文字の大きさの調整も文字超過リストへの記載もなく切れて印字されています",
                           "A long item is printed cut, neither made smaller nor listed as an overflow"),
    "print.overflow_outside": ("項目が用紙の端を越えて印字されています",
                               "An item is printed past the edge of the page"),
    "logs.print_missing": ("印刷した帳票が印刷ログに取得されていません", "A printed form is not in the 印刷ログ"),
    "logs.field_differs": ("ログの記録が実際の操作・帳票と異なります",
                           "An entry of the log differs from the operation or form it records"),
    "logs.field_missing": ("ログの記録に記録対象の項目がありません",
                           "An entry of the log lacks an item it must record"),
    "logs.login_missing": ("行ったログインが認証ログに取得されていません", "A login made is not in the 認証ログ"),
    "users.item_differs": ("登録した利用者の項目が登録したとおりに管理されていません",
                           "An item of a registered user is not kept as registered"),
    "users.login_refused": ("利用期間内の利用者がパスワードでログインし、権限のある処理を行えません",
                            "A user in its 利用期間 cannot log in with its password and do a 処理 it may do"),
    "users.period_ignored": ("利用期間外の利用者がログインし、処理を行えました",
                             "A user outside its 利用期間 logged in and did a 処理"),
    "users.authority_refused": ("操作権限のある処理が拒否されました", "A 処理 within the user's 操作権限 was refused"),
    "users.authority_ignored": ("操作権限のない処理が行えました", "A 処理 outside the user's 操作権限 was done"),
    "users.admin_refused": ("システム管理者がアクセス権限を設定できません", "A 管理者 could not set a user's 操作権限"),
    "users.not_locked": ("ログインの失敗が続いた後も、その利用者IDでログインできます",
                         "After repeated failed logins the ID still logs in"),
    "users.read_refused": ("他の職員が入力・異動作業中の住民の閲覧が拒否されました",
                           "Reading a person another user is editing was refused"),
    "users.exclusive_ignored": ("他の職員が入力・異動作業中の住民の異動が行えました（排他制御なし）",
                                "A 異動 of a person another user is editing was done (no 排他制御)"),
    "users.password_not_changed": ("利用者がパスワードを変更した後、新しいパスワードでログインできないか、"
                                   "旧パスワードでログインできます",
                                   "After a user changed its password, the new one does not log in or the old one "
                                   "still does"),
    "users.password_not_reset": ("システム管理者がパスワードを初期化した後、そのパスワードでログインできないか、"
                                 "以前のパスワードでログインできます",
                                 "After a 管理者 reset the password, it does not log in or the former one still does"),
    "users.organisation_refused": ("組織単位で操作権限を付与できません", "操作権限 could not be granted to an 組織"),
    "users.organisation_ignored": ("組織単位で付与した操作権限の処理が拒否されました",
                                   "A 処理 granted to the user's 組織 was refused"),
    "users.user_grant_ignored": ("組織単位の付与がある組織で、利用者単位で付与した操作権限の処理が拒否されました",
                                 "In an 組織 with a grant, a 処理 granted to the user itself was refused"),
    "users.function_refused": ("付与した機能の操作権限で、その機能が拒否されました",
                               "A function was refused to a user granted its 操作権限"),
    "users.function_not_independent": ("一つの機能の操作権限だけを付与した利用者が、別の機能を利用できました"
                                       "（独立した制御になっていません）",
                                       "A user granted one function's 操作権限 only used another function "
                                       "(not controlled independently)"),
    "users.table_missing": ("操作権限一覧表に利用者が載っていません", "The 操作権限一覧表 does not list a user"),
    "users.table_differs": ("操作権限一覧表の区分又は操作権限が設定したとおりではありません",
                            "The 操作権限一覧表 shows a 区分 or 操作権限 otherwise than set"),
    "users.table_not_applied": ("操作権限一覧表のとおりに利用者が制御されていません",
                                "A user is not controlled as the 操作権限一覧表 shows"),
    "users.bulk_refused": ("操作権限の一括メンテナンス（バッチ処理）が拒否されました",
                           "The バッチ of 操作権限 was refused"),
    "users.bulk_not_applied": ("一括メンテナンスの後、利用者の操作権限が入力のとおりではありません",
                               "After the バッチ, a user's 操作権限 is not as its input says"),
    "users.schedule_refused": ("利用者情報の登録・変更・削除をスケジューラーに設定できません",
                               "A change of a user could not be set in the スケジューラー"),
    "users.schedule_early": ("スケジューラーに設定した変更が実行日時より前に反映されました",
                             "A change set in the スケジューラー was applied before its 実行日時"),
    "users.schedule_not_applied": ("スケジューラーに設定した変更が実行日時を過ぎても反映されません",
                                   "A change set in the スケジューラー was not applied after its 実行日時"),
    "users.display_refused": ("利用者ごとの項目の表示・非表示を設定できません",
                              "The items shown to a user could not be set"),
    "users.hidden_item_shown": ("利用者に非表示と設定した項目が画面（応答）に表示されています",
                                "An item set hidden for the user is shown in an answer"),
    "users.shown_item_hidden": ("利用者に表示と設定した項目が個人照会に表示されていません",
                                "An item set shown for the user is not in its 個人照会"),
    "logs.login_count": ("認証ログのログイン・ログインのエラーの回数が行った回数に足りません",
                         "The 認証ログ counts fewer logins or failed logins than were made"),
    "issuance.unreadable": ("交付履歴の照会の応答が読めません（result: ok と entries の一覧ではありません）",
                            "The 交付履歴 answer is not {result: ok, entries: [objects]}"),
    "issuance.entry_missing": ("交付した証明書の数だけ交付履歴が記録されていません",
                               "The 交付履歴 has fewer new entries than certificates were issued"),
    "issuance.field_missing": ("交付履歴の記録に、交付したとおりの項目がありません",
                               "An entry of the 交付履歴 does not record an item as the certificate was issued"),
    "issuance.field_same": ("異なる証明書の交付履歴で、異なるべき項目が同じ値です",
                            "Two different certificates have the same value of an item that must differ"),
    "issuance.disposal_early": ("処分していない証明書の交付履歴に処分情報があります",
                                "A certificate not disposed of has 処分情報 in its 交付履歴"),
    "issuance.disposal_missing": ("誤って発行した証明書の処分が交付履歴に記録されていません",
                                  "The 処分 of a certificate issued in error is not recorded in its 交付履歴"),
    "memo.refused": ("自由記述のメモを個人について入力できません",
                     "A メモ of free text is not accepted for a person"),
    "memo.missing": ("入力したメモが当該個人のメモにありません", "The メモ entered is not among the person's メモ"),
    "memo.text_changed": ("メモが入力したとおりの内容で保持されていません",
                          "The メモ does not keep the text as entered"),
    "memo.not_personal": ("ある個人に入力したメモが同じ世帯の他の者にも表示されます",
                          "Another member of the 世帯 shows the メモ entered for one person"),
    "memo.field_missing": ("メモに入力した者のユーザID又は日時が記録されていません",
                           "The メモ does not record the ユーザID or the 日時 of its entry"),
    "memo.history_missing": ("メモの修正・削除の履歴が残っていません",
                             "The メモ's 修正 or 削除 is not kept in its 履歴"),
    "memo.printed": ("メモの内容が証明書に出力されています", "A メモ is printed on a certificate"),
    "certifier.not_printed": ("証明書に、発行日に有効な認証者として設定した職名・氏名が出力されていません",
                              "The certificate does not carry the 職名 and 氏名 of the 認証者 set for its issue date"),
    "certifier.both_printed": ("証明書に、発行日に有効でない認証者の氏名も出力されています",
                               "The certificate carries the 氏名 of a 認証者 not in effect on its issue date as well"),
    "logs.error_missing": ("発生させたエラーがエラーログに取得されていません",
                           "An エラー caused is not in the エラーログ"),
    "logs.analysis_differs": ("ログの分析の一覧に、行った操作・ログインが載っていません",
                              "The log analysis does not list the operations or logins made"),
    "scenario.item_mismatch": ("住民の項目の値が照会先によって異なります", "A resident's item differs on an endpoint"),
    "search.basic.unreadable": ("基本検索の応答が定めの形式ではありません",
                                "The answer of the 基本検索 is not in the form the driver protocol defines"),
    "search.basic.not_found": ("基本検索で、条件に該当する者が検索されません",
                               "The 基本検索 does not find the person the conditions describe"),
    "search.basic.not_selective": ("基本検索で、条件に該当しない者が検索されます（条件の項目で検索されていません）",
                                   "The 基本検索 finds a person the conditions do not describe (the key is not "
                                   "searched by)"),
    "search.itaiji.unreadable": ("異体字検索の応答が定めの形式ではありません",
                                 "The answer of the 異体字 search is not in the form the driver protocol defines"),
    "search.itaiji.not_found": ("異体字・正字で登録した者が、正字・異体字による検索で検索されません",
                                "A person registered with a 異体字 or 正字 is not found by the other"),
    "search.itaiji.other_found": ("別の正字の異体字で登録した者が検索されます",
                                  "A person registered with a 異体字 of another 正字 is found"),
    "euc.unreadable": ("EUCの応答が定めの形式ではありません",
                       "The EUC answer is not in the form the driver protocol defines"),
    "euc.history_missing": ("EUCのデータソースで、転居前の住所（異動履歴）から住民を抽出できません",
                            "A resident is not extracted by their address before a 転居 (the 異動履歴)"),
    "euc.joshuhyo_missing": ("EUCのデータソースに除票の者がありません", "A 除票 is not in the EUC data source"),
    "euc.item_missing": ("EUCのデータソースでデータ項目をデータ項目名称で参照できません",
                         "An item is not offered, or not output, by its データ項目名称 in the EUC data source"),
    "euc.value_differs": ("EUCで抽出したデータ項目の値が登録した値と異なります",
                          "An item extracted differs from the value registered"),
    "euc.not_matching": ("EUCで抽出した行が指定した条件を満たしません",
                         "A row extracted does not meet the conditions given"),
    "euc.missing": ("条件を満たす者がEUCの抽出結果にありません", "A person meeting the conditions is not extracted"),
    "euc.count_differs": ("EUCの該当者数が抽出した一覧の人数と異なります",
                          "The 該当者数 differs from the persons the extraction lists"),
    "euc.format_unreadable": ("EUCのCSV形式・XML形式の出力が、指定した項目の文書として読めません",
                              "The CSV or XML output is not a document of the items asked"),
    "euc.format_differs": ("EUCのCSV形式・XML形式の出力が、同じ抽出の一覧と異なります",
                           "The CSV or XML output holds other rows than the same extraction"),
}


def _generated() -> dict[str, Text]:
    texts = {f"api.{name}": text for name, text in API_CHECKS.items()}
    for rule, (ja, en) in SCENARIO_RULES.items():
        texts[f"scenario.{rule}.mismatch"] = (
            f"{ja}: 対象システムの結果が判定規則（オラクル）と異なります（最小化したシナリオとシードで再現できます）",
            f"{en}: the vendor differs from the oracle (a shrunk scenario and its seed replay it)",
        )
    return texts


#: Every finding code the checks emit -> its text.
FINDINGS: Mapping[str, Text] = {**_FINDINGS, **_generated()}

#: Texts for a code the catalog does not know yet, by family (never shown English on the JA page).
_FAMILIES: Mapping[str, Text] = {
    "file": ("ファイルの検証で指摘がありました", "An export file finding"),
    "api": ("API の応答が API仕様書と合いません", "An API response does not meet the API specification"),
    "scenario": ("シナリオの結果が判定規則（オラクル）と異なります", "A scenario differs from the oracle"),
    "jumin": ("住民記録の検証で指摘がありました", "A 住民記録 finding"),
    "kyotsu": ("共通機能の API の検証で指摘がありました", "A finding about the 共通機能 API"),
    "form": ("帳票の検証で指摘がありました", "A printed form finding"),
    "model": ("住民記録のモデル（オラクル）との比較で指摘がありました", "The model of 住民記録 found a breach"),
}


def finding_text(code: str) -> Text:
    """The text of a finding code; a family text, then a generic one, for an unknown code."""
    if code in FINDINGS:
        return FINDINGS[code]
    family = _FAMILIES.get(code.split(".", 1)[0])
    return family or ("検証で指摘がありました", "A finding")


# -- checks, by registered name ----------------------------------------------------------------------

_CHECKS: dict[str, Text] = {
    "kyotsu.fuban.registered": ("住登外者宛名番号付番API に正しい付番依頼を送り、200 と定められたレスポンスを"
                                "検証します",
                                "Sends a valid request to the 住登外者宛名番号付番 API and checks the 200 answer"),
    "kyotsu.fuban.rejects_invalid": ("不正な入力（必須なし、指定文字、桁数）に 400 と該当するエラーコードを返すか",
                                     "Invalid input (missing, wrong characters, wrong length) gets 400 and its "
                                     "error code"),
    "kyotsu.fuban.unauthorized": ("アクセストークンなし・無効なアクセストークンに 401 を返すか",
                                  "No access token and an invalid one get 401"),
    "kyotsu.fuban.processing_kind": ("処理区分0で付番し、1・2で指定した宛名番号に新しい履歴番号で登録するか",
                                     "処理区分 0 issues a number; 1 and 2 register under the given one"),
    "kyotsu.fuban.condition": ("※※の条件付き必須項目がないとき 400 と相関チェックエラー（E0004）を返すか",
                               "A missing ※※ conditional item gets 400 and E0004"),
    "kyotsu.fuban.unique_number": ("付番した住登外者宛名番号が重複せず、チェックデジットが正しく、住民と重ならないか",
                                   "Issued numbers are unique, carry their check digit and are no resident's"),
    "api.openapi": ("API仕様書から生成したリクエストを送り、応答をステータス・形式・スキーマで検証します",
                    "Sends requests generated from the API specification and checks status, type and schema"),
    "file.layout": ("エクスポートファイルを基本データリストのレイアウト（文字コード、見出し、型、桁数、コード等）"
                    "で検証します",
                    "Validates an export file against its 基本データリスト layout (encoding, header, types, "
                    "lengths, codes ...)"),
    "jumin.certificate.date_styles": ("証明書の日付が和暦（外国人住民の生年月日・満了日は西暦）で記載されるか",
                                      "Certificate dates in 和暦, a foreign resident's birth and expiry dates in 西暦"),
    "jumin.dv.certificate_refused": ("支援措置対象者の住民票の写しの交付をエラーで拒否するか",
                                     "A certificate for a DV-protected person is refused with an error"),
    "jumin.dv.inspection_excludes_protected": ("閲覧用リストから支援措置対象者を除くか",
                                               "The inspection list leaves out DV-protected persons"),
    "jumin.history.correction_appends": ("訂正で履歴が追加され、以前の履歴が残るか",
                                         "A correction appends a history row and keeps the earlier ones"),
    "jumin.history.numbering": ("履歴番号が宛名番号ごとに1, 2, 3…と振られるか",
                                "履歴番号 counts 1, 2, 3 ... per 宛名番号"),
    "jumin.numbering.check_digit": ("宛名番号・世帯番号が自動付番され、チェックデジットが正しいか",
                                    "New 宛名番号 and 世帯番号 are assigned with a valid check digit"),
    "jumin.records.items_kept": ("移行した項目の値がそのまま返されるか（項目を管理しているか）",
                                 "Every loaded value of the items is returned unchanged"),
    "scenario.run": ("カタログのシナリオ（データで書かれた検証手順）をドライバー経由で実行し、期待との違いを指摘します",
                     "Runs the catalog's declarative scenario through the driver adapter and reports every unmet "
                     "expectation"),
    "jumin.dv.other_business_marked": ("他業務へ連携する情報で支援措置対象者が識別できるか",
                                       "Every DV-protected person is marked in what other systems receive"),
    "forms.certification": ("認証文・都道府県名を含む職名・発行番号が印字されるか",
                            "The 認証文, the 職名 with the 都道府県 and the 発行番号 are printed"),
    "forms.data_matches_print": ("帳票のデータが PDF の印字内容と一致するか",
                                 "The form's data says what the PDF prints"),
    "forms.dates": ("帳票の日付が定めの表記（和暦の元号の境目など）で印字されるか",
                    "Dates are printed as j90 and j80 want them"),
    "forms.dv_refused": ("支援措置対象者の帳票の交付が拒否され、他者の帳票に載らないか",
                         "No form shows a DV-protected person to anyone"),
    "forms.dv_removed": ("転出した支援措置対象者の除票の交付も拒否されるか",
                         "The 除票 forms of a DV-protected person who moved out are refused"),
    "forms.full_list": ("閲覧用の全件リスト（町字ごと）が読めるPDFで、一人も漏らさず印字されるか",
                        "The 閲覧用 list of a 町字 is a readable PDF that leaves nobody out"),
    "forms.furigana": ("ふりがなが氏名・旧氏・通称にだけ、カタカナの括弧書きで印字されるか",
                       "Furigana in katakana and brackets, after 氏名, 旧氏 or 通称 only"),
    "forms.household_current_only": ("世帯連記式の写しに除票となった世帯員が載らないか",
                                     "A 世帯連記式 copy does not list a removed member"),
    "forms.issue_number": ("各ページの発行番号が定めの形式で、写しごとに異なるか",
                           "Every page's 発行番号 is in the form of 5.5, different per copy"),
    "forms.items": ("住民の各項目が記録どおりの値・順序で印字されるか",
                    "Each item is printed with the recorded value, in order"),
    "forms.katagaki": ("証明書の住所に方書が印字されるか", "A resident's 方書 is printed in the 住所"),
    "forms.member_order": ("世帯連記式の写しの世帯員が定めの順に印字されるか",
                           "The 世帯員 of a 世帯連記式 copy are in the order of 5.2"),
    "forms.official_use": ("公用の請求の帳票に「公用」が印字されるか", "A form asked for with 公用 prints 「公用」"),
    "forms.omissions": ("省略の指定どおりに項目が印字・省略されるか",
                        "The omission switches print or omit their items"),
    "forms.tsusho_sheet": ("外国人住民の通称の履歴が別紙に印字され、ページ数に含まれるか",
                           "A foreign resident's 通称 history is on a 別紙 counted in the pages"),
    "jumin.records.relationship_allowed": ("仕様書にない続柄が作られないか",
                                           "No 続柄 outside the listed ones is produced"),
    "jumin.search.kana": ("生成したフリガナの組で、あいまい検索が同一視すべき表記を互いに見つけ、"
                          "異なる名前を見つけないか",
                          "Generated フリガナ pairs: あいまい検索 finds each spelling the rule makes equal, "
                          "and no other name"),
    "jumin.logs.operations": ("照会・異動入力の操作が操作ログに取得され、操作者ID・日時・端末名・機能名・"
                              "個人番号へのアクセス有無が記録されるか",
                              "The 照会 and 異動入力 done are in the 操作ログ, each with its operator, time, terminal, "
                              "function and whether it touched a 個人番号"),
    "jumin.logs.prints": ("印刷した帳票ごとに印刷ログが取得され、印刷者ID・印刷日時・枚数・個人番号の出力の有無・"
                          "発行番号などが印刷した帳票のとおり記録されるか",
                          "Each printed form leaves a 印刷ログ entry recording its printer, time, pages, whether it "
                          "printed a 個人番号, its 発行番号 ... as the form printed them"),
    "jumin.logs.auth": ("誤ったシークレットでのログイン2回と正しいログイン1回が認証ログに結果とともに取得され、"
                        "ログイン失敗一覧・ID別ログイン数一覧に載るか",
                        "Two logins with a wrong secret and one right login are in the 認証ログ with their result, "
                        "and in the ログイン失敗一覧 and ID別ログイン数一覧"),
    "jumin.logs.errors": ("発生させたエラーがエラーログに取得され、日時・操作者ID・機能名・エラーコードが記録されるか",
                          "An エラー caused is in the エラーログ with its time, operator, function and code"),
    "jumin.issuance.history": ("住民票の写しを交付すると、交付年月日時・交付場所・交付対象者・種別・記載事項・枚数・"
                               "発行番号・端末名とユーザID・処分情報が交付履歴に記録されるか",
                               "Issuing 住民票の写し records each in the 交付履歴 with its time, place, person, kind, "
                               "items, pages, 発行番号, terminal and user, and 処分情報"),
    "jumin.memo": ("個人に入力した自由記述のメモが、当該個人にのみ、入力者のユーザID・日時と修正・削除の履歴とともに"
                   "保持され、証明書に出力されないか",
                   "A メモ of free text entered for a person is kept for that person only, with its user, time and the "
                   "history of its 修正・削除, and never printed on a certificate"),
    "jumin.certifier": ("認証者マスタに設定した市区町村長・職務代理者の職名・氏名が、職務代理者期間に応じて発行日の"
                        "証明書に出力されるか",
                        "The 職名 and 氏名 of the 市区町村長 or 職務代理者 set in the 認証者 master, "
                        "by the 職務代理者期間, are on a certificate issued that day"),
    "jumin.issuance.inquiry": ("住民票の写し・世帯連記式・除票の写し・記載事項証明書の交付履歴を個人ごとに照会でき、"
                               "発行番号・証明書の種別・交付年月日から照会できるか",
                               "The 交付履歴 of each certificate of 20.1.1-20.1.4 can be queried per person, and by "
                               "発行番号, 証明書の種別 and 交付年月日"),
    "jumin.stats": ("行った転入・出生・死亡・転出のとおりに、統計の人口（日本人・外国人、男女）・世帯数・"
                    "異動件数が増減し、転出予定年月日前の転出予定者が現存者として数えられるか",
                    "The statistics' 人口 (日本人, 外国人, by sex), 世帯数 and 異動 counts move by the 異動 made, "
                    "and a 転出予定者 before the day is counted as present"),
    "jumin.prints": ("帳票の発行時にプリンタ・トレー、部数、プレビュー、PDFか紙出力かを指定でき、"
                     "そのとおりに出力されるか。文字溢れは文字の大きさの調整、アラート、文字超過リスト、"
                     "限界まで・空白の設定のとおりに扱われるか。職名・公印・固定文言は選択のとおりに印字されるか",
                     "Forms are output as the print dialog chose (printer and tray, copies, preview, PDF or paper), "
                     "and an overflow is made smaller, or alerted, listed and printed as the setting says; the "
                     "職名, 公印 and fixed wording printed as chosen"),
    "jumin.logs.settings": ("管理者が利用者とその操作権限を設定すると、設定変更ログに日時・操作者ID・設定内容が"
                            "記録されるか",
                            "An administrator's registration of a user with its 操作権限 is in the 設定変更ログ with "
                            "its time, operator and what was set"),
    "jumin.logs.searches": ("住民の照会が、その宛名番号の該当者の検索実行一覧に載るか",
                            "A 照会 of a resident is in the 該当者の検索実行一覧 of their 宛名番号"),
    "jumin.users.controls": ("組織単位・利用者単位の付与、操作権限一覧表、機能ごとに独立した操作権限、"
                             "一括メンテナンス、スケジューラー、利用者ごとの項目の表示・非表示、"
                             "深夜・休業日アクセス一覧と大量検索実行一覧が設定したとおりに働くか",
                             "Grants per 組織 and per user, the 操作権限一覧表, each function's 操作権限 on its "
                             "own, the バッチ, the スケジューラー, the items shown or hidden per user, and the "
                             "analyses of night and holiday access and of bulk searches work as set"),
    "jumin.users.permissions": ("登録した利用者が、その項目・操作権限・利用期間のとおりに処理でき、"
                                "ログインの失敗が続くとロックされ、入力・異動作業中の住民は他の職員には閲覧のみできるか",
                                "Registered users do what their items, 操作権限 and 利用期間 allow, are locked after "
                                "repeated failed logins, and can only read a person another user is editing"),
    "jumin.extract.random": ("性別・生年月日・地区・日本人外国人の別を指定した無作為抽出が、指定した人数の、"
                             "条件を満たす異なる住民を返すか",
                             "A random extraction by 性別, 生年月日, 地区 and 日本人・外国人 returns as many distinct "
                             "current 住民 as asked, each meeting the criteria"),
    "jumin.search.basic": ("氏名・旧氏・通称・フリガナ・生年月日（西暦・和暦）・性別・続柄・住所・方書・宛名番号・"
                           "世帯番号・"
                           "消除事由・個人番号・住民票コード・在留カード等番号、年月日の範囲、過去の氏名・住所、未入力の項目で"
                           "該当者を検索でき、別の値では検索されないか",
                           "The 基本検索 finds a person by each key (生年月日 in 西暦 and 和暦), a date range, a "
                           "former "
                           "氏名 or 住所 and a blank item, and another value of the key does not find them"),
    "jumin.search.itaiji": ("「辺」「浜」「藤」とその異体字で登録した者が、正字からも異体字からも完全一致で検索され、"
                            "別の字の者は検索されないか",
                            "Persons registered with 辺, 浜, 藤 and their 異体字 are found (完全一致) from the 正字 "
                            "and from each 異体字, and no one of another character is"),
    "jumin.euc": ("EUCのデータソースが異動履歴・除票とデータ項目一覧表の項目を含み、演算子による条件抽出・該当者数・"
                  "CSV形式とXML形式の出力ができるか",
                  "The EUC data source holds the 異動履歴, the 除票 and the layout's items, and extracts by conditions "
                  "with operators, counts, and outputs CSV and XML"),
    "jumin.suppressed.list": ("抑止対象者一覧に支援措置中の住民がすべて載り、抑止のない者が載らないか",
                              "The 抑止対象者一覧 lists every 住民 under 支援措置 and no one without a 抑止"),
    "model.jumin.state_machine": ("ランダムな異動の列を住民記録のモデル（オラクル）と比較し、各規定の違反を指摘します",
                                  "Random 異動 sequences against the model of 住民記録; each rule's breaches "
                                  "are findings"),
}


def _scenario_checks() -> dict[str, Text]:
    return {
        f"scenario.{rule}": (f"シナリオ検証（生成した住民・異動をオラクルと比較）: {ja}",
                             f"Scenario check (generated residents and events against the oracle): {en}")
        for rule, (ja, en) in SCENARIO_RULES.items()
    }


#: Every registered check -> its one-line description.
CHECKS: Mapping[str, Text] = {**_CHECKS, **_scenario_checks()}


def check_text(name: str) -> Text:
    """The one-line description of a check (a placeholder for one the catalog does not know yet:
    the page shows the check's name beside it anyway)."""
    return CHECKS.get(name, ("（説明は未登録です）", "(no description yet)"))


# -- run problems ------------------------------------------------------------------------------------

#: The run problems the harness words (conformance/plan.py, conformance/runner.py), matched by
#: shape: ``(pattern, Japanese template)``; the English text is the problem itself.
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"waiver for (?P<rid>\S+) expired on (?P<date>\S+) \(ticket (?P<ticket>.*)\)"),
     "要件 {rid} の免除は {date} に期限切れです（チケット {ticket}）"),
    (re.compile(r"waiver for unknown requirement '(?P<rid>[^']*)'(?:; did you mean '(?P<hint>[^']*)'\?)?"),
     "存在しない要件 {rid} に免除があります{hint}"),
    (re.compile(r"waiver for (?P<rid>\S+) is no longer needed: the requirement passes"),
     "要件 {rid} は合格しているため、免除は不要です（プロファイルから削除してください）"),
)


def problem_text(problem: str, value: Callable[[str], str] = str) -> Text | None:
    """A run problem in both languages, or None for one the catalog does not know (shown as data).

    ``value`` formats the values taken from the problem (ids, dates, tickets) in the Japanese text,
    e.g. as escaped ``<code>`` for the page."""
    found = _worded(_PROBLEMS, problem)
    if found is None:
        return None
    template, groups = found
    values = {k: value(v) for k, v in groups.items() if v}
    if "hint" in groups:
        values["hint"] = f"（{values['hint']} ではありませんか）" if groups["hint"] else ""
    return template.format(**values), problem


def _worded(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str) -> tuple[str, dict[str, str]] | None:
    """The Japanese template of the first pattern ``text`` matches whole, with the values matched."""
    for pattern, template in patterns:
        match = pattern.fullmatch(text)
        if match is not None:
            return template, match.groupdict()
    return None


# -- the checks' own words in a finding's expected / actual ------------------------------------------

#: Words a check writes as a finding's ``expected`` or ``actual`` (not data: what was looked for or
#: seen), in both languages. A test reads every ``expected=`` / ``actual=`` literal of the checks
#: and fails when one is missing here.
VALUES: Mapping[str, Text] = {
    "printed": ("印字あり", "printed"),
    "200 ok with the メモ番号": ("200 ok（メモ番号あり）", "200 ok with the メモ番号"),
    "the メモ entered": ("入力したメモ", "the メモ entered"),
    "no such メモ": ("該当するメモなし", "no such メモ"),
    "the メモ": ("当該メモ", "the メモ"),
    "登録, 修正, 削除": ("登録・修正・削除", "登録, 修正, 削除"),
    "no メモ": ("メモなし", "no メモ"),
    "the new password only": ("新しいパスワードのみ", "the new password only"),
    "the password set by the 管理者 only": ("管理者が設定したパスワードのみ", "the password set by the 管理者 only"),
    "absent": ("なし", "absent"),
    "empty": ("空", "empty"),
    "the 処分": ("処分の記録", "the 処分"),
    "entries": ("ログの記録の一覧", "entries"),
    "200 with persons": ("200（対象者あり）", "200 with persons"),
    "distinct persons": ("異なる者", "distinct persons"),
    "a person twice": ("同じ者が２回", "a person twice"),
    "every criterion met": ("すべての条件を満たす", "every criterion met"),
    "not met": ("満たさない", "not met"),
    "the person": ("当該の者", "the person"),
    "found": ("検索される", "found"),
    "not found": ("見つからない", "not found"),
    "offered": ("参照できる", "offered"),
    "not offered": ("参照できない", "not offered"),
    "1 row": ("1行", "1 row"),
    "none": ("なし", "none"),
    "the item's value": ("登録した値", "the item's value"),
    "every condition met": ("すべての条件を満たす", "every condition met"),
    "extracted": ("抽出される", "extracted"),
    "missing": ("抽出されない", "missing"),
    "shown": ("表示あり", "shown"),
    "a document of the items asked": ("指定した項目の文書", "a document of the items asked"),
    "a code of its table": ("コード表のコード", "a code of its table"),
    "200 with its rows or items": ("200（行又は項目の一覧）", "200 with its rows or items"),
    "the printed 発行番号": ("印字された発行番号", "the printed 発行番号"),
    "another answer": ("別の応答", "another answer"),
    "a value": ("値", "a value"),
    "true or false": ("true 又は false", "true or false"),
    "ISO 8601 with its offset, during the operation": ("操作時の日時（ISO 8601、時差付き）",
                                                       "ISO 8601 with its offset, during the operation"),
    "present": ("あり", "present"),
    "listed": ("記載あり", "listed"),
    "left out": ("除かれている", "left out"),
    "the 除票's 宛名番号": ("除票の宛名番号", "the 除票's 宛名番号"),
    "none listed": ("応答に対象者なし", "none listed"),
    "another 宛名番号": ("別の宛名番号", "another 宛名番号"),
    "200 and the form's data": ("200（帳票データあり）", "200 and the form's data"),
    "refused (an エラー)": ("拒否（エラー）", "refused (an エラー)"),
    "200 issued": ("200（発行された）", "200 issued"),
    "refused, or the 支援対象者 left out": ("拒否、又は支援対象者を除く", "refused, or the 支援対象者 left out"),
    "not listed": ("記載なし", "not listed"),
    "a readable, static PDF": ("読める静的な PDF", "a readable, static PDF"),
    "200 and a PDF": ("200 と PDF", "200 and a PDF"),
    "furigana on 氏名, 旧氏 and 通称 only": ("氏名・旧氏・通称にだけふりがな", "furigana on 氏名, 旧氏 and 通称 only"),
    "katakana in brackets": ("括弧書きのカタカナ", "katakana in brackets"),
    "（カタカナ） after the value": ("値の後に（カタカナ）", "（カタカナ） after the value"),
    "refused, or the protected person absent": ("拒否、または支援対象者の記載なし",
                                                "refused, or the protected person absent"),
    "refused (an error)": ("拒否（エラー）", "refused (an error)"),
    "absent (支援対象者を除く)": ("記載なし（支援対象者を除く）", "absent (支援対象者を除く)"),
    "a 別紙": ("別紙", "a 別紙"),
    "a 認証文": ("認証文", "a 認証文"),
    "a 発行番号": ("発行番号", "a 発行番号"),
    "a different number per copy": ("写しごとに異なる番号", "a different number per copy"),
    "公用": ("公用", "公用"),
    "YYYYMMDD 市区町村名 [端末] [プリンタ] 番号 n/N": ("YYYYMMDD 市区町村名 [端末] [プリンタ] 番号 n/N",
                                                   "YYYYMMDD 市区町村名 [端末] [プリンタ] 番号 n/N"),
    "current members only": ("現在の世帯員のみ", "current members only"),
    "a 続柄 listed in 1.1.11": ("1.1.11 に列挙された続柄", "a 続柄 listed in 1.1.11"),
    "403 (refused)": ("403（拒否）", "403 (refused)"),
    "和暦 only": ("和暦のみ", "和暦 only"),
    "西暦 only": ("西暦のみ", "西暦 only"),
    "the corrected value": ("訂正後の値", "the corrected value"),
    "another value": ("別の値", "another value"),
    "as registered": ("登録したとおり", "as registered"),
    "as set": ("設定したとおり", "as set"),
    "hidden": ("非表示", "hidden"),
    "applied": ("反映済み", "applied"),
    "not applied": ("未反映", "not applied"),
    "not yet applied": ("まだ反映されていない", "not yet applied"),
    "照会 only": ("照会のみ", "照会 only"),
    "otherwise": ("それ以外", "otherwise"),
    "another 操作権限": ("別の操作権限", "another 操作権限"),
    "no answer": ("応答なし", "no answer"),
    "accepted": ("受け付けられる", "accepted"),
    "refused": ("拒否される", "refused"),
    "成功 or 失敗": ("成功又は失敗", "成功 or 失敗"),
    "no entry": ("記録なし", "no entry"),
    "an entry during the check": ("確認中の日時の記録", "an entry during the check"),
    "1..n": ("1 から n の連番", "1..n"),
    "10 digits": ("10桁の数字", "10 digits"),
    "10 digits, M11W2-7": ("10桁の数字、チェックデジット M11W2-7", "10 digits, M11W2-7"),
    "a JSON response object": ("JSON形式のレスポンスオブジェクト", "a JSON response object"),
    "a number not issued before": ("付番済みでない番号", "a number not issued before"),
    "digits ending in their M11W2-7 check digit": ("末尾がチェックデジット（M11W2-7）の数字",
                                                   "digits ending in their M11W2-7 check digit"),
    "a number no resident has": ("住民の宛名番号と重複しない番号", "a number no resident has"),
    "照会": ("照会", "照会"),
    "the entry as read before": ("先に照会したとおりの記録", "the entry as read before"),
    "absent or changed": ("なし又は変更あり", "absent or changed"),
    "a new 異動入力 entry": ("異動入力の新しい記録", "a new 異動入力 entry"),
    "a new entry": ("新しい記録", "a new entry"),
    "a printer": ("プリンタ", "a printer"),
    "a printer with its trays": ("トレーのあるプリンタ", "a printer with its trays"),
    "the form as PDF": ("PDFの帳票", "the form as PDF"),
    "the form as shown": ("表示された帳票", "the form as shown"),
    "the 住所 with the 方書": ("方書を含む住所", "the 住所 with the 方書"),
    "the whole 方書": ("方書の全体", "the whole 方書"),
    "cut": ("途中で切れている", "cut"),
    "an アラート": ("アラート", "an アラート"),
    "a count": ("件数", "a count"),
    "four 種別": ("4つの種別", "four 種別"),
    "CSV": ("CSV", "CSV"),
    "the 職名 with the 都道府県名": ("都道府県名を含む職名", "the 職名 with the 都道府県名"),
    "the 職務代理者's 職名": ("職務代理者の職名", "the 職務代理者's 職名"),
    "the same 職名": ("同じ職名", "the same 職名"),
    "the 利用者ID set": ("設定した利用者ID", "the 利用者ID set"),
    "printed to the limit": ("限界まで印字", "printed to the limit"),
    "blank": ("空白", "blank"),
    "not printed": ("印字なし", "not printed"),
}

#: The checks' formatted words (``f"on page {last}"``): ``(pattern, Japanese template)``; the English
#: text is the value itself. Values taken from the pattern are shown as they are.
_VALUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"at most (?P<n>\d+) characters"), "{n} 文字以内"),
    (re.compile(r"not among (?P<n>\d+)"), "検索された {n} 件の中になし"),
    (re.compile(r"at most (?P<n>\d+) shown"), "表示は {n} 件まで"),
    (re.compile(r"at most (?P<n>\d+) shown per column and (?P<m>\d+) per rule family"),
     "表示は列ごとに {n} 件、規則の種類ごとに {m} 件まで"),
    (re.compile(r"U\+(?P<code>[0-9A-F]{4,6}) in (?P<encoding>\S+)"), "{encoding} では U+{code}"),
    (re.compile(r"on page (?P<n>\d+) only"), "{n} ページ目にのみ"),
    (re.compile(r"on page (?P<n>\d+)"), "{n} ページ目"),
    (re.compile(r"on page (?P<n>\d+), after the 別紙 \(page (?P<m>\d+)\)"), "{n} ページ目（別紙 {m} ページ目の後）"),
    (re.compile(r"(?P<n>\d+) rows, the first (?P<m>\d+) unchanged"), "{n} 行（最初の {m} 行は変更なし）"),
    (re.compile(r"(?P<n>\d+) rows"), "{n} 行"),
    (re.compile(r"status (?P<n>\d+)"), "ステータス {n}"),
    (re.compile(r"more than (?P<n>\d+)"), "{n} より大きい値"),
    (re.compile(r">= (?P<n>\d+)"), "{n} 以上"),
    (re.compile(r"(?P<n>\d+) entries, none during the check"), "{n} 件（確認中の日時のものはなし）"),
    (re.compile(r"(?P<n>\d+) ok"), "{n}（受け付けられた）"),
    (re.compile(r"(?P<n>\d+) entries"), "{n} 件"),
    (re.compile(r"(?P<n>\d+) 種別"), "{n} 種別"),
    (re.compile(r"(?P<n>-?\d+) new entries"), "新しい記録 {n} 件"),
    (re.compile(r"within (?P<n>\d+) pt"), "{n} pt 以内"),
    (re.compile(r"(?P<n>\d+) pt"), "{n} pt"),
    (re.compile(r"another (?P<name>\S+) than entry (?P<n>\d+)'s"), "{n} 件目とは異なる{name}"),
    (re.compile(r"a code of the エラーコード一覧 \((?P<codes>[^)]*)\)"), "エラーコード一覧のコード（{codes}）"),
    (re.compile(r"(?P<n>\d+) メモ"), "メモ {n} 件"),
    (re.compile(r"the (?P<item>\S+) absent"), "{item}なし"),
    (re.compile(r"(?P<title>\S+) (?P<name>.+) only"), "{title} {name} のみ"),
)


def value_text(value: object) -> Text | None:
    """A finding's ``expected`` / ``actual`` in both languages when it is the check's own words
    (:data:`VALUES`, :data:`_VALUE_PATTERNS`); None for data (shown as it is, in either language)."""
    if not isinstance(value, str):
        return None
    if value in VALUES:
        return VALUES[value]
    found = _worded(_VALUE_PATTERNS, value)
    return (found[0].format(**found[1]), value) if found is not None else None
