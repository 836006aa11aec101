"""The report's texts of the registered checks, in Japanese and English (:mod:`conformance.reporting.i18n` reads them).

Keyed by the check's registered name; a domain folder's checks take theirs from its ``texts.yaml``.
"""

from __future__ import annotations

#: ``(Japanese, English)``.
Text = tuple[str, str]

CHECK_TEXTS: dict[str, Text] = {
    "api.openapi": ("API仕様書から生成したリクエストを送り、応答をステータス・形式・スキーマで検証します",
                    "Sends requests generated from the API specification and checks status, type and schema"),
    "file.layout": ("エクスポートファイルを基本データリストのレイアウト（文字コード、見出し、型、桁数、コード等）"
                    "で検証します",
                    "Validates an export file against its 基本データリスト layout (encoding, header, types, "
                    "lengths, codes ...)"),
    "scenario.run": ("カタログのシナリオ（データで書かれた検証手順）をドライバー経由で実行し、期待との違いを指摘します",
                     "Runs the catalog's declarative scenario through the driver adapter and reports every unmet "
                     "expectation"),
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
}
