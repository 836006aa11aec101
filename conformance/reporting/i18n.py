"""The report's message catalog: every text of ``report.html`` in Japanese and English.

One place for what a reader sees (STYLE.md: one module for user-facing messages), whose long tables live
beside it: the findings' texts in ``finding_texts.py``, the checks' in ``check_texts.py``, a domain folder's
rules in its ``texts.yaml``; every lookup goes through this module. Findings are
keyed by their stable ``code`` (the code stays the key in results.json; the finding's free-text
``message`` stays there too and is shown on the English page only, as detail). Checks are keyed by
their registered name. A test scans the checks' source for every code they can emit and the
registry for every check, and fails when one lacks either text.

Every entry is a :data:`Text`: ``(Japanese, English)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from conformance.catalog.domain_rules import check_texts, finding_texts, rule_texts
from conformance.reporting.check_texts import CHECK_TEXTS as _CHECKS
from conformance.reporting.finding_texts import FINDING_TEXTS as _FINDINGS

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

#: How a partial run was narrowed (results.json ``scope.selection``'s keys), with the option that does it.
SELECTION_KEYS: Mapping[str, Text] = {
    "keyword": ("キーワード（-k）", "keyword (-k)"),
    "markers": ("マーカー（-m）", "markers (-m)"),
    "deselect": ("除外（--deselect）", "deselected (--deselect)"),
    "domains": ("業務（--domain）", "domains (--domain)"),
    "requirements": ("要件 ID の指定（--conformance-requirement）", "requirement ids (--conformance-requirement)"),
    "shard": ("分割（--shard）", "shard (--shard)"),
    "shard_durations": ("分割に使った所要時間（--shard-durations の SHA-256）",
                        "shard durations (--shard-durations, SHA-256)"),
    "last_failed": ("前回失敗したもののみ（--lf）", "last failed only (--lf)"),
    "failed_first": ("前回失敗したものから（--ff）", "failed first (--ff)"),
    "maxfail": ("失敗数の上限（--maxfail）", "stop after failures (--maxfail)"),
    "node_ids": ("テストID の指定", "node ids"),
}


def selection_key(key: str) -> Text:
    """A key of ``scope.selection`` in both languages (an unknown one as it is, in both)."""
    return SELECTION_KEYS.get(key, (key, key))


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
    "seeds": ("判定したシード", "seeds judged"),
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
    "duty": ("責務", "Duty"),
    "duty_reading": ("ハーネスの解釈", "the harness's reading"),
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
    "codes_mapped": ("プロファイルのコード対応（targets.exports.reconcile の codes）で読み替えた列",
                     "Columns read through the profile's codes (targets.exports.reconcile codes)"),
    "unconfirmed_layout": ("このレイアウトはハーネスの解釈によるもので未確認です。※ の指摘はその解釈に基づきます",
                           "This layout is ours and unconfirmed: the findings marked ※ rest on our reading"),
    "unconfirmed_layout_run": ("これらの指摘はハーネスの解釈によるレイアウト（未確認）に基づきます",
                               "these findings rest on a layout that is ours (unconfirmed)"),
    "not_applicable_columns": ("対象外の列（プロファイルで「このシステムにない列」と宣言）",
                               "Not applicable: columns the profile declares absent"),
    "footer": ("本報告書は conformance ハーネスが生成しました。個人情報（氏名・住所・番号等）はマスクしています。",
               "Generated by the conformance harness. Personal data (names, addresses, numbers) is masked."),
}


def label(key: str) -> Text:
    """A heading, column or button label (KeyError for an unknown key: a template bug)."""
    return LABELS[key]


# -- findings, by code ------------------------------------------------------------------------------

#: Every scenario rule, from its domain's folder (conformance/domains/<slug>/texts.yaml).
SCENARIO_RULES: Mapping[str, Text] = rule_texts()

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



def _generated() -> dict[str, Text]:
    texts = {f"api.{name}": text for name, text in API_CHECKS.items()}
    for rule, (ja, en) in SCENARIO_RULES.items():
        texts[f"scenario.{rule}.mismatch"] = (
            f"{ja}: 対象システムの結果が判定規則（オラクル）と異なります（最小化したシナリオとシードで再現できます）",
            f"{en}: the vendor differs from the oracle (a shrunk scenario and its seed replay it)",
        )
    return texts


#: Every finding code the checks emit -> its text.
FINDINGS: Mapping[str, Text] = {**_FINDINGS, **finding_texts(), **_generated()}

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



def _scenario_checks() -> dict[str, Text]:
    return {
        f"scenario.{rule}": (f"シナリオ検証（生成した住民・異動をオラクルと比較）: {ja}",
                             f"Scenario check (generated residents and events against the oracle): {en}")
        for rule, (ja, en) in SCENARIO_RULES.items()
    }


#: Every registered check -> its one-line description.
CHECKS: Mapping[str, Text] = {**_CHECKS, **check_texts(), **_scenario_checks()}


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


# -- the bundle reader's and verifier's problems ----------------------------------------------------

#: The problems of the zip reader (conformance/reporting/ziputil.py, ``ArchiveError``) and of the bundle
#: verifier (conformance/reporting/bundle.py, ``conformance report verify``), matched by shape: ``(pattern,
#: Japanese template)``; the English text is the problem itself. A test keeps every message of both modules
#: here (tests/reporting/test_i18n.py).
_BUNDLE_WORDS: tuple[tuple[str, str], ...] = (
    # The zip reader's.
    (r"(?P<name>.+?): (?P<n>.+?) bytes is too large for an evidence bundle",
     "{name}: {n} バイトあり、証拠バンドルには大きすぎます"),
    (r"(?P<name>.+?): its local header lies outside the archive", "{name}: ローカルヘッダーがアーカイブの外にあります"),
    (r"(?P<name>.+?): the archive ends inside this entry", "{name}: このエントリーの途中でアーカイブが終わっています"),
    (r"(?P<name>.+?): inflates past the (?P<n>.+?) bytes the archive says",
     "{name}: 展開するとアーカイブの記載（{n} バイト）を超えます"),
    (r"(?P<name>.+?): bytes after the end of its compressed stream",
     "{name}: 圧縮データの終わりの後にバイト列があります"),
    (r"(?P<name>.+?): its compressed stream is broken \((?P<error>.*)\)",
     "{name}: 圧縮データが壊れています（{error}）"),
    (r"(?P<name>.+?): its compressed stream is cut short", "{name}: 圧縮データが途中で切れています"),
    (r"(?P<name>.+?): inflates to other bytes than the archive says",
     "{name}: 展開した内容がアーカイブの記載（大きさ・チェックサム）と一致しません"),
    (r"unsafe entry name (?P<name>.+?): entries must be relative paths without '\.\.'",
     "安全でないエントリー名 {name}: エントリー名は「..」を含まない相対パスに限ります"),
    (r"the archive is (?P<n>.+?) bytes; at most (?P<m>.+?) are accepted",
     "アーカイブが {n} バイトあります。受け付けるのは {m} バイトまでです"),
    (r"not a zip archive: (?P<error>.*)", "zip アーカイブではありません（{error}）"),
    (r"the archive has (?P<n>.+?) entries; at most (?P<m>.+?) are accepted",
     "アーカイブのエントリーが {n} 個あります。受け付けるのは {m} 個までです"),
    (r"(?P<name>.+?): the archive holds this name twice", "{name}: 同じ名前のエントリーが２つあります"),
    (r"the archive unpacks to more than (?P<n>.+?) bytes", "アーカイブを展開すると {n} バイトを超えます"),
    (r"(?P<name>.+?): only regular files are accepted \(not a directory or a link\)",
     "{name}: 通常のファイルだけを受け付けます（ディレクトリやリンクは不可）"),
    (r"(?P<name>.+?): encrypted entries are not accepted", "{name}: 暗号化されたエントリーは受け付けません"),
    (r"(?P<name>.+?): compression method (?P<n>.+?) is not accepted", "{name}: 圧縮方式 {n} は受け付けません"),
    (r"(?P<name>.+?): (?P<n>.+?) bytes; at most (?P<m>.+?) per file are accepted",
     "{name}: {n} バイトあります。受け付けるのは 1 ファイル {m} バイトまでです"),
    (r"(?P<name>.+?): compressed (?P<a>.+?) -> (?P<b>.+?) bytes exceeds the ratio limit (?P<r>.+?):1 \(zip bomb\?\)",
     "{name}: 圧縮された {a} バイトが展開すると {b} バイトになり、圧縮率の上限 {r}:1 を超えます（zip 爆弾の疑い）"),
    (r"(?P<name>.+?): unreadable \((?P<error>.*)\)", "{name}: 読めません（{error}）"),
    (r"(?P<name>.+?): holds (?P<n>.+?) bytes, the archive says (?P<m>.+?)",
     "{name}: 内容は {n} バイトですが、アーカイブの記載は {m} バイトです"),
    (r"the archive mixes stored and compressed entries \(the harness writes one or the other\)",
     "無圧縮と圧縮のエントリーが混在しています（ハーネスはどちらか一方で書きます）"),
    (r"the archive's bytes differ from the form the harness writes \(entries reordered, recompressed with other "
     r"options, or bytes changed outside the files\)",
     "アーカイブのバイト列がハーネスの書く形と異なります（エントリーの並べ替え、別の設定での再圧縮、"
     "又はファイル以外の部分の変更）"),
    # The bundle verifier's.
    (r"(?P<name>.+?) is missing: the bundle is not signed \(`conformance report sign`\)",
     "{name} がありません: バンドルに署名がありません（`conformance report sign` で署名してください）"),
    (r"(?P<name>.+?) is not valid: (?P<error>.*)", "{name} が正しくありません（{error}）"),
    (r"(?P<name>.+?): signed by key (?P<a>.+?), not by the given key (?P<b>.+?)",
     "{name}: 鍵 {a} の署名で、指定された鍵 {b} の署名ではありません"),
    (r"(?P<name>.+?): the signature does not match (?P<manifest>.+?) \(the manifest was changed, or another key\)",
     "{name}: 署名が {manifest} と一致しません（目録が変更されたか、別の鍵の署名です）"),
    (r"(?P<name>.+?) is missing or has no file list: this is not an evidence bundle",
     "{name} がないか、ファイルの一覧がありません: 証拠バンドルではありません"),
    (r"(?P<name>.+?): missing \(listed in the manifest\)", "{name}: 目録にあるのにバンドルにありません"),
    (r"(?P<name>.+?): not listed in the manifest \(added after the bundle was made\)",
     "{name}: 目録にありません（バンドルの作成後に追加されたもの）"),
    (r"(?P<name>.+?): content changed \(sha256 (?P<a>.+?), manifest says (?P<b>.+?)\)",
     "{name}: 内容が変更されています（sha256 {a}、目録では {b}）"),
    (r"the archive's entries are not in the order the harness writes \(files, then manifest\.json, then "
     r"manifest\.sig\)",
     "アーカイブのエントリーの順序がハーネスの書く順序（ファイル、manifest.json、manifest.sig）ではありません"),
    (r"(?P<name>.+?): more than (?P<n>.+?) bytes; at most (?P<m>.+?) are accepted",
     "{name}: {n} バイトを超えます。受け付けるのは {m} バイトまでです"),
    (r"(?P<name>.+?): (?P<n>.+?) bytes; at most (?P<m>.+?) are accepted",
     "{name}: {n} バイトあります。受け付けるのは {m} バイトまでです"),
)
_BUNDLE_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), template) for pattern, template in _BUNDLE_WORDS)

#: What Python's zip and JSON readers say inside a problem (``{error}``), where it is common enough to word.
_LIBRARY_WORDS: Mapping[str, str] = {
    "File is not a zip file": "zip 形式のファイルではありません",
    "Bad magic number for file header": "ファイルヘッダーの識別子が正しくありません",
    "Truncated file header": "ファイルヘッダーが途中で切れています",
    "Bad CRC-32": "CRC-32 が一致しません",
}


def bundle_problem_text(problem: str) -> Text:
    """A problem of the zip reader or the bundle verifier in both languages; one the table does not know
    keeps its English in both (the test keeps the table whole)."""
    found = _worded(_BUNDLE_PROBLEMS, problem)
    if found is None:
        return problem, problem
    template, groups = found
    values = {key: _LIBRARY_WORDS.get(value, value) if key == "error" else value for key, value in groups.items()}
    return template.format(**values), problem


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
    "drawn outside the page": ("ページの外に描画（印字されない）", "drawn outside the page"),
    "that certificate or none": ("当該証明書のみ、又はなし", "that certificate or none"),
    "empty": ("空", "empty"),
    "the 処分": ("処分の記録", "the 処分"),
    "entries": ("ログの記録の一覧", "entries"),
    "200 with persons": ("200（対象者あり）", "200 with persons"),
    "200 with 空きコード": ("200（空きコードの一覧）", "200 with 空きコード"),
    "distinct persons": ("異なる者", "distinct persons"),
    "a person twice": ("同じ者が２回", "a person twice"),
    "every criterion met": ("すべての条件を満たす", "every criterion met"),
    "1 or more": ("1人以上", "1 or more"),
    "the 地区 given": ("指定した地区", "the 地区 given"),
    "another 町字": ("別の町字", "another 町字"),
    "a 日時 after the 登録's": ("登録より後の日時", "a 日時 after the 登録's"),
    "the same or earlier": ("同じ又はそれより前", "the same or earlier"),
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
    "listed once": ("一度だけ記載", "listed once"),
    "printed once": ("一度だけ印字", "printed once"),
    "left out": ("除かれている", "left out"),
    "the 除票's 宛名番号": ("除票の宛名番号", "the 除票's 宛名番号"),
    "none listed": ("応答に対象者なし", "none listed"),
    "another 宛名番号": ("別の宛名番号", "another 宛名番号"),
    "200 and the form's data": ("200（帳票データあり）", "200 and the form's data"),
    "200 and the 写し": ("200（写しあり）", "200 and the 写し"),
    "the 世帯's 住民 only": ("世帯の住民のみ", "the 世帯's 住民 only"),
    "a 除票": ("除票の者", "a 除票"),
    "not a 住民 of the 世帯": ("世帯の住民でない者", "not a 住民 of the 世帯"),
    "not 蓄積 (an エラー)": ("蓄積しない（エラー）", "not 蓄積 (an エラー)"),
    "the person's 記載事項": ("本人の記載事項", "the person's 記載事項"),
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
    "refused (401 or 403, E031)": ("拒否（401 または 403、E031）", "refused (401 or 403, E031)"),
    "every person of the extraction": ("抽出時点のすべての者（住民・除票）", "every person of the extraction"),
    "absent (支援対象者を除く)": ("記載なし（支援対象者を除く）", "absent (支援対象者を除く)"),
    "a 別紙": ("別紙", "a 別紙"),
    "no 別紙": ("別紙なし", "no 別紙"),
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
    "a number issued before": ("付番済みの番号", "a number issued before"),
    "a resident's 宛名番号": ("住民の宛名番号", "a resident's 宛名番号"),
    "another number": ("別の番号", "another number"),
    "status 200 and one result": ("ステータス 200 と1件の結果", "status 200 and one result"),
    "the number given": ("指定した宛名番号", "the number given"),
    "on the last page": ("最終ページ", "on the last page"),
    "on another page": ("最終ページ以外", "on another page"),
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
    "an アラート with its message": ("メッセージのあるアラート", "an アラート with its message"),
    "no message": ("メッセージなし", "no message"),
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
    # The model's words (conformance/domains/jumin: its Breach's expected and actual).
    "the person's record": ("当該の者の記録", "the person's record"),
    "each of the person's rows at most once": ("当該の者の各行を１回まで", "each of the person's rows at most once"),
    "200 with them": ("200（支援対象者を含む）", "200 with them"),
    "401 and a JSON object": ("401 と JSON オブジェクト", "401 and a JSON object"),
    "another name": ("別の氏名", "another name"),
    "和暦": ("和暦", "the Japanese era (和暦)"),
    "西暦": ("西暦", "the Western calendar (西暦)"),
    "200, 記載者 unreadable": ("200（記載者を読めない）", "200, 記載者 unreadable"),
    "no such record": ("該当する記録なし", "no such record"),
    "unreadable": ("読めない", "unreadable"),
    "the export": ("抽出ファイル", "the export"),
    "unchanged": ("変更なし", "unchanged"),
    "changed or deleted": ("変更又は削除あり", "changed or deleted"),
    "a new number": ("新しい番号", "a new number"),
    "a message": ("メッセージ", "a message"),
    "ISO 8601 with its offset, during the entry": ("記録時の日時（ISO 8601、時差付き）",
                                                   "ISO 8601 with its offset, during the entry"),
    "YYYY-MM-DDTHH:MM:SS+09:00": ("YYYY-MM-DDTHH:MM:SS+09:00（ISO 8601 の日時）",
                                  "YYYY-MM-DDTHH:MM:SS+09:00 (an ISO 8601 date-time)"),
    "the ユーザID of the operator": ("操作者のユーザID", "the ユーザID of the operator"),
    "an 操作者ID": ("操作者ID", "an 操作者ID"),
    "(blank)": ("（空）", "(blank)"),
    "(none)": ("（なし）", "(none)"),
    # The export files' rules (conformance/checks/files: a Problem's expected and actual).
    "integer ([0-9])": ("整数（[0-9]）", "integer ([0-9])"),
    "世帯主, 縁故者, 同居人, or 1-4 generations of 夫/妻/子/父/母/兄/姉/弟/妹 joined by の": (
        "世帯主、縁故者、同居人、又は 夫・妻・子・父・母・兄・姉・弟・妹 を「の」でつないだ 1〜4 代",
        "世帯主, 縁故者, 同居人, or 1-4 generations of 夫/妻/子/父/母/兄/姉/弟/妹 joined by の"),
}

#: The checks' formatted words (``f"on page {last}"``): ``(pattern, Japanese template)``; the English
#: text is the value itself. Values taken from the pattern are shown as they are.
_VALUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"a valid (?P<scheme>\S+) number"), "{scheme} の検査数字が正しい番号"),
    (re.compile(r"(?P<what>.+) unique in the file"), "ファイル内で一意の{what}"),
    (re.compile(r"one (?P<what>\S+) per household"), "1世帯に{what}1人"),
    (re.compile(r"on or before (?P<day>\S+)"), "{day} 以前"),
    (re.compile(r"on or after (?P<day>\S+)"), "{day} 以後"),
    (re.compile(r"(?P<kind>\S+) \(行政事務標準文字\)"), "{kind}（行政事務標準文字）"),
    (re.compile(r"(?P<n>\d+) changed persons listed"), "異動差分に {n} 人"),
    (re.compile(r"listed (?P<n>\d+) times"), "{n} 回記載"),
    (re.compile(r"(?P<n>\d+) missing"), "漏れ {n} 件"),
    (re.compile(r"(?P<status>\d+) (?P<code>\S+), the password unchanged"),
     "{status} {code}（パスワードは変更されない）"),
    (re.compile(r"(?P<n>\d+) more listed"), "ほかに {n} 件が一覧にあること"),
    (re.compile(r"every key of the domain's parts as published \(conformance catalog openapi --domain (?P<slug>\S+): "
                r"GET (?P<path>\S+), 200\)"), "公開した応答のスキーマ（conformance catalog openapi --domain {slug}: "
     "GET {path} の 200）のとおりの全項目"),
    (re.compile(r"(?P<n>\d+) listed"), "一覧に {n} 件"),
    (re.compile(r"(?P<status>\d+) not listed"), "{status}（一覧になし）"),
    (re.compile(r"(?P<n>\d+) rows \((?P<m>\d+) persons\)"), "{n} 行（{m} 人）"),
    (re.compile(r"(?P<n>\d+) members"), "{n} 人"),
    (re.compile(r"(?P<n>\d+) absent in all"), "計 {n} 人が記録なし"),
    (re.compile(r"(?P<n>\d+) records differ in all"), "計 {n} 件のレコードで値が異なる"),
    (re.compile(r"the value of (?P<file>\S+)"), "{file} の値"),
    (re.compile(r"the person's record \(a (?P<kind>住民|除票) at (?P<where>.+)\)"),
     "その人の記録（{where} では{kind}）"),
    (re.compile(r"(?P<n>\d+) other entries"), "他の記録 {n} 件"),
    (re.compile(r"(?P<n>\d+) members \((?P<a>\d+) not of the 世帯, (?P<b>\d+) missing\)"),
     "{n} 人（世帯外 {a} 人、漏れ {b} 人）"),
    (re.compile(r"(?P<n>\d+) 世帯"), "{n} 世帯"),
    (re.compile(r"the 世帯主's (?P<item>.+)"), "世帯主の{item}"),
    (re.compile(r"(?P<n>\d+) or (?P<m>\d+)"), "{n} 又は {m}"),
    (re.compile(r"a (?P<name>\S+)"), "{name}の記録"),  # a 端末名: its record
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
    (re.compile(r"every line within the page \(baseline y (?P<low>-?\d+)-(?P<high>-?\d+)\)"),
     "全ての行がページ内（ベースライン y {low}〜{high}）"),
    (re.compile(r"(?P<n>\d+) pt"), "{n} pt"),
    (re.compile(r"another (?P<name>\S+) than entry (?P<n>\d+)'s"), "{n} 件目とは異なる{name}"),
    (re.compile(r"a code of the エラーコード一覧 \((?P<codes>[^)]*)\)"), "エラーコード一覧のコード（{codes}）"),
    (re.compile(r"(?P<n>\d+) メモ"), "メモ {n} 件"),
    (re.compile(r"the (?P<item>\S+) absent"), "{item}なし"),
    (re.compile(r"(?P<title>\S+) (?P<name>.+) only"), "{title} {name} のみ"),
    # the 戸籍の附票の写し of a 戸籍 with a 支援対象者 (model.world.domains: conformance/domains/world.py)
    (re.compile(r"refused, or the 写し without (?P<who>\S+)"), "交付のエラー、又は {who} を表示しない写し"),
    (re.compile(r"(?P<who>\S+)'s 氏名 and 出生の年月日 printed"), "{who} の氏名と出生の年月日を表示"),
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
