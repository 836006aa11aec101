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

from conformance.catalog.domain_rules import rule_texts

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

#: Every scenario rule: 住民記録's (conformance/checks/scenarios.py RULES) here, each other domain's from its
#: folder (conformance/domains/<slug>/texts.yaml).
SCENARIO_RULES: Mapping[str, Text] = {
    **rule_texts(),
    "dv.end_date": ("支援措置: 開始から1年後の終了日", "支援措置: end date one year from the start"),
    "dv.extension": ("支援措置: 延長の受付期間と延長後の終了日", "支援措置: extension window and extended end"),
    "dv.after_move_out": ("支援措置: 転出後（前住所地）も支援を継続",
                          "支援措置: protection continues after move-out (前住所地)"),
    "removal_date": ("除票: 転出予定年月日と転入通知の転入日の早い方",
                     "除票: the earlier of 転出予定年月日 and the 転入通知's 転入日"),
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
