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
