"""The report's texts of the registered checks, in Japanese and English (:mod:`conformance.reporting.i18n` reads them).

Keyed by the check's registered name; a domain folder's checks take theirs from its ``texts.yaml``.
"""

from __future__ import annotations

#: ``(Japanese, English)``.
Text = tuple[str, str]

CHECK_TEXTS: dict[str, Text] = {
    "api.openapi": ("API仕様書から生成したリクエストを送り、応答をステータス・形式・スキーマで検証します",
                    "Sends requests generated from the API specification and checks status, type and schema"),
    "api.form_refusals": ("法定帳票を、存在しない宛名番号と帳票の対象とならない者（学齢簿の成人など）について"
                          "求め、契約どおり 404 で拒否されるかを検証します",
                          "Asks each statute form for an unknown 宛名番号 and for a person the form does not apply to "
                          "(a 学齢簿 of an adult ...), and checks each is refused 404 as the contract states"),
    "api.qualifications_refusals": ("個人別照会に、存在しない宛名番号（404）と、年度・基準日の欠落や"
                                    "不正な値（400）を送り、インタフェースどおりに拒否されるかを検証します",
                                    "Asks the per-person query for an unknown 宛名番号 (404) and with a missing or "
                                    "malformed fiscal_year or as_of (400), and checks each is refused as the "
                                    "interface states"),
    "api.feed_refusals": ("庁内連携の異動フィードに、宛名番号のない行と項目が文字列でない行を送り、"
                          "契約どおり 400 で拒否されるかを検証します",
                          "Feeds the 庁内連携 feed a row without a 宛名番号 and a row with an item that is no text, "
                          "and checks each is refused 400 as the contract states"),
    "file.layout": ("エクスポートファイルを基本データリストのレイアウト（文字コード、見出し、型、桁数、コード等）"
                    "で検証します",
                    "Validates an export file against its 基本データリスト layout (encoding, header, types, "
                    "lengths, codes ...)"),
    "model.world.domains": ("住民記録の異動の列をドライバー経由で行い、各異動の後に各業務（介護保険、国民健康保険、"
                            "選挙人名簿、個人住民税、児童手当、就学、後期高齢者医療、国民年金）の個人別の回答を、"
                            "住民記録のモデルから与えた各業務のオラクルと比較します。また、支援措置の対象者が在籍する"
                            "戸籍の附票の写しが、住民記録の住民票の写しと同じく交付されないこと（又はその者を表示しない"
                            "こと）を、支援措置の前後と転出の後に確認します（当方の解釈）",
                            "Random 住民記録 異動 through the driver; after each, the per-person answers of "
                            "介護保険, 国保, 選挙人名簿, 個人住民税, 児童手当, 就学, 後期高齢者医療 and 国民年金 "
                            "against their oracles fed from the model of 住民記録; and the 戸籍の附票の写し of a "
                            "戸籍 with a person under 支援措置 refused (or without them) as 住民記録 refuses their "
                            "住民票の写し, before and after the 支援措置 and after their 転出 (our reading)"),
    "model.world.feed": ("住民記録の役で異動を一件ずつ業務システムへ送り（当ハーネスが定義した庁内連携の送信）、"
                         "各異動の後に業務の個人別の回答を各業務のオラクルと比較します",
                         "Playing 住民記録, 異動 fed one by one to the domain system (linkage.feed, ours); after each, "
                         "its per-person answers against the domains' oracles"),
    "scenario.run": ("カタログのシナリオ（データで書かれた検証手順）をドライバー経由で実行し、期待との違いを指摘します",
                     "Runs the catalog's declarative scenario through the driver adapter and reports every unmet "
                     "expectation"),
}
