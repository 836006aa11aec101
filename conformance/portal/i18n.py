"""The portal's pages in Japanese, with an English switch.

Japanese is the default; the switch (a POST with its CSRF token) keeps the choice in the session.
Texts are ``(Japanese, English)`` pairs as in the report (:mod:`conformance.reporting.i18n`, whose
verdict, state and level names are reused, so the portal and report.html say the same words).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.http import HttpRequest, HttpResponse

from conformance.reporting.i18n import LEVELS, STATES, VERDICTS, Text

LANGUAGES = ("ja", "en")

TEXTS: Mapping[str, Text] = {
    "title": ("適合確認ポータル", "Conformance portal"),
    "skip": ("本文へ移動", "Skip to content"),
    "switch": ("English", "日本語"),
    "login": ("ログイン", "Log in"),
    "logout": ("ログアウト", "Log out"),
    "username": ("ユーザー名", "User name"),
    "password": ("パスワード", "Password"),
    "home": ("ホーム", "Home"),
    "municipalities": ("市区町村", "Municipalities"),
    "municipality": ("市区町村", "Municipality"),
    "prefecture": ("都道府県", "Prefecture"),
    "vendor": ("ベンダー", "Vendor"),
    "vendors": ("ベンダー", "Vendors"),
    "system": ("システム（業務）", "System (domain)"),
    "release": ("パッケージ版", "Package release"),
    "edition": ("仕様書の版", "Catalog edition"),
    "verdict": ("判定", "Verdict"),
    "run_verdict": ("実行時の判定", "Verdict of the run"),
    "latest": ("システムごとの最新結果", "Latest result per system"),
    "latest_note": ("部分実行・未実施の実行は最新結果にしません。",
                    "Partial and stopped runs are not taken as the latest result."),
    "newer_partial": ("より新しい部分実行があります", "A newer partial run exists"),
    "uploaded": ("登録日時", "Uploaded"),
    "upload": ("証跡バンドルの登録", "Upload an evidence bundle"),
    "upload_help": ("署名済みの evidence.zip（conformance report sign で署名）",
                    "A signed evidence.zip (`conformance report sign`)"),
    "bundle_file": ("evidence.zip", "evidence.zip"),
    "submit": ("送信", "Submit"),
    "bundles": ("登録済みバンドル", "Indexed bundles"),
    "bundle": ("バンドル", "Bundle"),
    "outdated_harness": ("ハーネスの版が古い", "Outdated harness"),
    "outdated_catalog": ("仕様書の版が本ポータルと異なる", "Catalog differs from this portal's"),
    "partial": ("部分実行", "Partial run"),
    "requirement": ("要件", "Requirement"),
    "requirements": ("要件", "Requirements"),
    "state": ("状態", "State"),
    "level": ("区分", "Level"),
    "findings": ("指摘", "Findings"),
    "history": ("要件の履歴", "Requirement history"),
    "diff": ("前版との差分", "Diff with the previous release"),
    "regressions": ("退行（前版で合格、今回不合格）", "Regressions (passed before, failing now)"),
    "fixes": ("修正", "Fixes"),
    "changes": ("その他の変化", "Other changes"),
    "no_changes": ("なし", "None"),
    "worklist": ("目視確認の作業一覧", "Reviewer worklist"),
    "procedure": ("確認手順", "Procedure"),
    "procedure_summary": ("確認手順（要約）", "Procedure (summary)"),
    "attest": ("確認書を提出", "Submit an attestation"),
    "statement": ("確認内容", "Statement"),
    "evidence": ("証跡ファイル", "Evidence files"),
    "expires": ("有効期限", "Expires"),
    "accept": ("承認", "Accept"),
    "reject": ("差戻し", "Reject"),
    "comment": ("コメント", "Comment"),
    "decision": ("判断", "Decision"),
    "thread": ("やりとり", "Thread"),
    "attestations": ("確認書", "Attestations"),
    "attestation_state": ("確認書の状態", "Attestation"),
    "none_yet": ("まだありません", "None yet"),
    "transitions": ("経過措置", "Transitional measures (経過措置)"),
    "transition_add": ("経過措置を記録", "Record a 経過措置"),
    "notification": ("届出番号", "Filing (届出) reference"),
    "promised": ("対応予定日", "Promised date"),
    "overdue": ("期限超過", "Past due"),
    "on_track": ("期限内", "On track"),
    "note": ("備考", "Note"),
    "xlsx": ("適合状況一覧（xlsx）", "適合状況一覧 (xlsx)"),
    "print": ("印刷", "Print"),
    "runs": ("ポータルからの実行", "Runs from the portal"),
    "run_now": ("実行を依頼", "Request a run"),
    "environment": ("テスト環境", "Test environment"),
    "counts": ("件数", "Counts"),
    "failing_apart": ("不適合（経過措置を除く）", "Failing (経過措置 apart)"),
    "refused": ("登録できませんでした", "Not indexed"),
    "indexed": ("登録しました", "Indexed"),
    "not_allowed": ("権限がありません", "Not allowed"),
    "all_systems": ("全システム", "All systems"),
    "prefecture_view": ("都道府県の市区町村", "Municipalities of the prefecture"),
    "vendor_view": ("顧客ごとのパッケージ結果", "The package across customers"),
    "customers": ("顧客", "Customers"),
    "password_change": ("パスワードの変更", "Change the password"),
    "password_change_help": ("表示された初期パスワードは使い続けられません。"
                             "新しいパスワードを設定してください（12 文字以上）。",
                             "The password printed at the first start cannot stay: choose a new one (12 characters "
                             "or more)."),
    "password_old": ("現在のパスワード", "Current password"),
    "password_new": ("新しいパスワード", "New password"),
    "password_again": ("新しいパスワード（確認）", "New password again"),
    "origin": ("実行の出所", "Who ran it"),
    "witnessed": ("立会い実行（ポータルが実行）", "Witnessed (run by the portal)"),
    "self_declared": ("自己申告（ベンダー提出）", "Self-declared (uploaded)"),
    "verdict_note": ("判定は本ポータルが保持する仕様書の版で再計算し、本ポータルで承認された確認書だけを数えます。",
                     "The verdict is recomputed against the catalog edition this portal holds, counting only "
                     "attestations accepted here."),
    "witness_required": ("この市区町村は立会い実行のみを適合と認めます。",
                         "This municipality accepts only witnessed runs as conformant."),
    "progress": ("システムごとの進捗（状態別の件数）", "Progress per system (counts by state)"),
    "total": ("合計", "Total"),
    "req_title": ("節の名称", "Section title"),
    "section": ("節", "Section"),
    "chapter": ("章", "Chapter"),
    "filter": ("絞り込み", "Filter"),
    "apply": ("表示", "Show"),
    "all": ("すべて", "All"),
    "shown_of": ("件を表示（全体", "shown (of"),
    "shown_end": ("件）", ")"),
    "req_text": ("要件（原文）", "Requirement (verbatim)"),
    "provenance": ("出典", "Source"),
    "document": ("仕様書", "Document"),
    "block": ("区分見出し", "Block"),
    "paragraph": ("段落", "Paragraph"),
    "current_state": ("現在の状態", "Current state"),
    "no_procedure": ("この要件は自動の検証で判定します（目視確認の手順はありません）。",
                     "A check judges this requirement (there is no manual procedure)."),
    "latest_bundle": ("最新のバンドル", "Latest bundle"),
    "unknown_requirement": ("本ポータルの仕様書の版にない要件IDです",
                            "not a requirement of an edition this portal holds"),
    "manage": ("管理", "Administration"),
    "next_steps": ("次にすること", "What to do next"),
    "next_admin_municipalities": ("「管理」で市区町村を追加してください（市区町村コードか都道府県名）。",
                                  "Add municipalities under Administration (a code or a prefecture's name)."),
    "next_admin_vendors": ("「管理」でベンダーを登録し、公開鍵・製品・顧客の市区町村を登録してください。",
                           "Register vendors under Administration, with their keys, products and customers."),
    "next_admin_keys": ("ベンダーの公開鍵（conformance report keygen の .pub.pem）を登録してください。",
                        "Register the vendors' public keys (the .pub.pem of `conformance report keygen`)."),
    "next_admin_accounts": ("市区町村の担当者・確認者、ベンダー、都道府県の利用者を作成し、"
                            "役割を付与してください。",
                            "Make the accounts of testers, reviewers, vendors and prefectures, with their roles."),
    "next_admin_manage": ("市区町村・ベンダー・利用者と役割は「管理」ページで管理します。"
                          "各市区町村のテスト環境と立会い実行の要否は、「管理」の市区町村一覧から開く設定ページで登録します。",
                          "Municipalities, vendors, accounts and roles are managed on the Administration page; a "
                          "municipality's test environments and witnessing on its settings page, from that list."),
    "next_municipal": ("ベンダーから受け取った署名済みの evidence.zip を下の欄から登録し、結果を確認してください。",
                       "Upload the signed evidence.zip from your vendor below, then read its result."),
    "next_reviewer": ("確認待ちの確認書はありません。", "No attestation waits for your review."),
    "next_reviewer_pending": ("確認待ちの確認書があります。"
                              "バンドルの「目視確認の作業一覧」から承認・差戻しをしてください。",
                              "Attestations wait for your review: accept or reject them from a bundle's worklist."),
    "next_vendor": ("conformance run の evidence.zip を conformance report sign で署名して登録し、"
                    "目視確認の要件に確認書を提出してください。",
                    "Sign the evidence.zip of `conformance run` (`conformance report sign`), upload it, and attest its "
                    "MANUAL requirements."),
    "next_prefecture": ("都道府県のページで市区町村ごとの最新結果を確認できます。",
                        "The prefecture's page shows each municipality's latest results."),
    "next_no_role": ("このアカウントには役割がありません。ポータルの管理者に役割の付与を依頼してください。",
                     "This account has no role yet: ask the portal's administrator to give one."),
    "add": ("追加", "Add"),
    "add_municipalities": ("市区町村を追加（全国地方公共団体コードの一覧から）",
                           "Add municipalities (from the 全国地方公共団体コード list)"),
    "codes_help": ("市区町村コード（6桁）または都道府県名（複数は空白区切り）",
                   "Municipality codes (6 digits) or prefecture names, separated by spaces"),
    "add_vendor": ("ベンダーを登録", "Register a vendor"),
    "vendor_name": ("ベンダー名", "Vendor name"),
    "accounts": ("利用者と役割", "Accounts and roles"),
    "add_account": ("利用者を作成・役割を付与", "Make an account or give a role"),
    "add_existing": ("既存のアカウントに追加（パスワードは空）", "Add to the existing account (no password)"),
    "password_initial": ("初期パスワード（新しい利用者のみ、12文字以上）",
                         "Initial password (new accounts, 12 characters or more)"),
    "role": ("役割", "Role"),
    "scope": ("対象", "Over"),
    "municipality_code": ("市区町村コード", "Municipality code"),
    "role_tester": ("市区町村 テスト担当", "Municipality tester"),
    "role_reviewer": ("市区町村 確認者", "Municipality reviewer"),
    "role_vendor": ("ベンダー", "Vendor"),
    "role_prefecture": ("都道府県 閲覧", "Prefecture viewer"),
    "role_admin": ("管理者", "Administrator"),
    "keys": ("署名用の公開鍵", "Signing keys"),
    "fingerprint": ("フィンガープリント（SHA-256）", "Fingerprint (SHA-256)"),
    "revoke": ("失効", "Revoke"),
    "revoked": ("失効済み", "Revoked"),
    "in_use": ("有効", "In use"),
    "add_key": ("公開鍵を登録", "Register a public key"),
    "pem_help": ("公開鍵（PEM、conformance report keygen が作る .pub.pem の内容）",
                 "Public key (PEM, the .pub.pem `conformance report keygen` writes)"),
    "products": ("製品", "Products"),
    "add_product": ("製品を登録", "Register a product"),
    "product_name": ("製品名（プロファイルの product）", "Product name (the profile's product)"),
    "add_customer": ("顧客の市区町村を追加", "Add a customer municipality"),
    "att_none": ("未提出", "Not submitted"),
    "att_pending": ("確認待ち", "Pending"),
    "att_accepted": ("承認", "Accepted"),
    "att_rejected": ("差戻し", "Rejected"),
    "dec_submitted": ("提出", "Submitted"),
    "dec_accepted": ("承認", "Accepted"),
    "dec_rejected": ("差戻し", "Rejected"),
    "dec_comment": ("コメント", "Comment"),
    "bytes": ("バイト", "bytes"),
    # Pages at national scale (issue 51): pagination and summaries instead of silent caps.
    "declared_absent": ("対象外の理由", "Why not applicable"),
    "page": ("ページ", "Page"),
    "page_previous": ("前のページ", "Previous page"),
    "page_next": ("次のページ", "Next page"),
    "releases": ("パッケージ版ごとの概要", "Per package release"),
    "latest_per_customer": ("顧客・パッケージ版ごとの最新バンドル", "Latest bundle per customer and release"),
    "municipalities_many": ("閲覧できる市区町村が多いため、下の都道府県から市区町村を選んでください。",
                            "You see many municipalities: choose a prefecture below, then the municipality."),
    "upload_from_municipality": ("バンドルのアップロードは各市区町村のページから行います。",
                                 "Upload a bundle from the municipality's page."),
    # The pages that replace the administration site (issue 69 item 2).
    "settings": ("設定", "Settings"),
    "municipality_settings": ("市区町村の設定", "Municipality settings"),
    "environments": ("テスト環境", "Test environments"),
    "environment_add": ("テスト環境を登録", "Register a test environment"),
    "environment_name": ("環境名", "Name"),
    "environment_profile": ("プロファイル（空欄は同梱の参照実装）", "Profile (empty: the bundled reference vendor)"),
    "environment_selection": ("選択条件（空欄は全件）", "Selection (empty: everything)"),
    "environment_vendors_none": ("この市区町村の納入ベンダーが登録されていません"
                                 "（管理のベンダーのページで納入先を追加）。",
                                 "No vendor supplies this municipality yet (add it as a customer on the vendor's "
                                 "page under Administration)."),
    "remove": ("削除", "Remove"),
    "removed": ("削除しました。", "Removed."),
    "saved": ("保存しました。", "Saved."),
    "require_witnessed": ("立会い実行のみを適合と認める", "Accept only witnessed runs as conformant"),
    "require_witnessed_help": ("有効にすると、ベンダーが自己申告で登録したバンドルは適合と判定されません"
                               "（最良でも判定未完了）。",
                               "When set, a bundle the vendor uploaded itself is never shown conformant (at best "
                               "incomplete)."),
    # A test environment's own page and the installed products (issue 69 item 2, after issue 68's models).
    "environment_settings": ("テスト環境の設定", "Test environment settings"),
    "environment_open": ("設定", "Settings"),
    "secrets": ("秘密（実行に渡す変数）", "Secrets (variables a run gets)"),
    "secrets_help": ("値は保存後は表示されません（管理者にも）。変更するには同じ変数名で登録し直してください。"
                     "プロファイルの env / *_env が読めるのはここに登録した変数だけです。",
                     "A value is never shown once stored (not even to an administrator): to change it, set the same "
                     "name again. A profile's env and *_env fields read only the variables set here."),
    "secret_name": ("変数名", "Variable name"),
    "secret_value": ("値", "Value"),
    "secret_stored": ("保存済み（表示しません）", "Stored (not shown)"),
    "secret_set": ("秘密を登録・変更", "Set a secret"),
    "environment_files": ("登録ファイル", "Uploaded files"),
    "environment_files_help": ("実行が読めるのはこのテスト環境に登録したファイルだけです。プロファイルでは"
                               "この名前（相対パス）で指定します。プロファイルが参照しているファイルは削除できません。",
                               "A run reads only the files uploaded to this environment; the profile names them by "
                               "these names (relative paths). A file the profile names cannot be removed."),
    "file_name": ("ファイル名", "File name"),
    "file_path": ("ファイル名（相対パス。空欄はアップロードしたファイルの名前）",
                  "File name (a relative path; empty: the uploaded file's own name)"),
    "file_data": ("ファイル", "File"),
    "file_size": ("大きさ", "Size"),
    "file_used": ("プロファイルでの参照", "Named by the profile at"),
    "file_upload": ("ファイルを登録（同じ名前のファイルは置き換え）", "Upload a file (replacing one of the same name)"),
    "max_upload": ("1 ファイルの上限", "Largest file"),
    "role_remove": ("役割を外す", "Remove the role"),
    "role_removed": ("役割を外しました。", "Role removed."),
    "transition_close": ("終了", "End"),
    "transition_closed": ("経過措置を終了しました。", "The 経過措置 is ended."),
    "installations": ("導入製品", "Installed products"),
    "installations_help": ("業務ごとに、この市区町村が導入したベンダーの製品です。その業務のバンドルはこの製品の"
                           "ベンダーからのみ受け付け、業務の最新結果はこの製品のものです。設定できるのは市区町村の"
                           "担当者と管理者です。",
                           "Per system, the vendor product this municipality installed: bundles of the system are "
                           "taken only from that product's vendor, and the system's latest result is that product's. "
                           "The municipality's testers and reviewers and an administrator set it."),
    "installed_product": ("導入製品", "Installed product"),
    "installation_none": ("未登録", "Not set"),
    "installation_change": ("変更", "Change"),
    "installation_no_product": ("選んだ製品が見つかりません。", "No such product."),
    "installation_products_none": ("この市区町村に納入するベンダーの製品が登録されていません（管理者が登録）。",
                                   "No product of a vendor supplying this municipality is registered yet (the "
                                   "administrator registers them)."),
    "tokens": ("API トークン", "API tokens"),
    "tokens_help": ("コマンドラインのツールがこのアカウントとして操作するためのトークンです"
                    "（下のコマンドの環境変数に設定）。"
                    "トークンは作成時に一度だけ表示され、ポータルはハッシュのみを保存します。",
                    "Tokens the command line acts with as this account (set in the environment variable of the "
                    "commands below). A token is shown once, when made; the portal keeps only its hash."),
    "token_new": ("新しいトークンを作成", "Make a new token"),
    "token_made": ("新しいトークン（この画面でのみ表示されます。安全な場所に保管してください）",
                   "The new token (shown on this page only: keep it somewhere safe)"),
    "token_created": ("作成日時", "Made"),
    "token_state": ("状態", "State"),
    "token_active": ("有効", "Active"),
    # The server's own refusals as portal pages (issue 69 item 4), in the page's language.
    "bad_request": ("要求を処理できません", "Bad request"),
    "bad_request_help": ("送信内容を読み取れませんでした。ページを開き直してからもう一度操作してください。",
                         "The request could not be read. Open the page again and retry."),
    "forbidden": ("この操作は許可されていません", "Not allowed"),
    "forbidden_help": ("このアカウントの役割ではこの操作を行えません。"
                       "必要な場合はポータルの管理者に役割を確認してください。",
                       "This account's role does not allow this action. Ask the portal's administrator about "
                       "your role if you need it."),
    "not_found": ("ページが見つかりません", "Page not found"),
    "not_found_help": ("URL が正しいか、このアカウントで閲覧できるページかを確認してください。",
                       "Check the address, and that this account may see the page."),
    "too_large": ("送信内容が大きすぎます", "Request too large"),
    "server_error": ("ポータルの内部エラー", "Internal error of the portal"),
    "server_error_help": ("処理中にエラーが発生しました。"
                          "時間をおいて再度操作し、続く場合はポータルの管理者に連絡してください。",
                          "The portal failed while answering. Retry later; if it persists, tell the portal's "
                          "administrator."),
}

#: States only the portal shows (:mod:`conformance.portal.progress`), beside the report's.
PORTAL_STATES: Mapping[str, Text] = {
    "TRANSITION": ("経過措置中", "Under 経過措置"),
    "ATTESTED": ("確認書による検証", "Verified by attestation"),
}


#: A portal run's state (``Run.state``: conformance/portal/tasks.py), as the runs table shows it.
RUN_STATES: Mapping[str, Text] = {
    "queued": ("待機中", "Queued"),
    "running": ("実行中", "Running"),
    "done": ("完了", "Done"),
    "failed": ("失敗", "Failed"),
}


def mib(size: int) -> str:
    """A size as people read it (MiB, one decimal)."""
    return f"{size / (1024 * 1024):.1f} MiB"


def too_large(size: int, limit: int, lang: str, name: str = "") -> str:
    """The refusal of a file or body past the portal's limit, in ``lang``, naming the setting that
    changes it (issue 48: the refusal was English and named no remedy)."""
    where = f"{name}: " if name else ""
    if lang == "en":
        return (f"{where}{size} bytes ({mib(size)}); this portal accepts at most {limit} bytes ({mib(limit)}). "
                "The portal's administrator can raise the limit with the environment variable "
                "CONFORMANCE_PORTAL_MAX_UPLOAD (bytes) and restart the portal.")
    return (f"{where}{size} バイト（{mib(size)}）です。このポータルが受け付けるのは {limit} バイト（{mib(limit)}）"
            "までです。上限はポータルの管理者が環境変数 CONFORMANCE_PORTAL_MAX_UPLOAD（バイト数）で"
            "引き上げられます（変更後にポータルを再起動）。")


def one_language(message: str, lang: str) -> str:
    """A model's refusal written as ``Japanese / English`` (the models' ``clean``), in ``lang``; a message
    without the separator (Django's own, in the request's language already) as it is."""
    japanese, separator, english = message.partition(" / ")
    return (english if lang == "en" else japanese) if separator else message


def language_of(request: HttpRequest) -> str:
    """The session's language, Japanese unless switched."""
    chosen = request.session.get("lang") if hasattr(request, "session") else None
    return chosen if chosen in LANGUAGES else "ja"


def pick(text: Text, lang: str) -> str:
    """The text in ``lang``."""
    return text[1] if lang == "en" else text[0]


def label(kind: str, key: str, lang: str) -> str:
    """A verdict, state, level, run state or portal text in ``lang`` (the key itself when unknown)."""
    table: Mapping[str, Text] = {"verdict": VERDICTS, "state": {**STATES, **PORTAL_STATES}, "level": LEVELS,
                                 "text": TEXTS, "run": RUN_STATES}[kind]
    text = table.get(key)
    return pick(text, lang) if text is not None else key


class LanguageMiddleware:
    """Sets ``request.lang``, Django's own language for the request (its administration site and its
    form messages: Django's catalogs, ja or en) and the response's Content-Language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.utils import translation

        request.lang = language_of(request)  # type: ignore[attr-defined]
        with translation.override(request.lang):  # type: ignore[attr-defined]
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.lang)  # type: ignore[attr-defined]
        return response


def language(request: HttpRequest) -> dict[str, str]:
    """Template context: ``lang``."""
    return {"lang": language_of(request)}
