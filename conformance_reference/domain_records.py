"""The records of other 業務 the harness gives the reference about a person (``POST /admin/records``).

住民記録 holds no 生活保護, 障害認定 or 認定請求: the scenario checks of the domains whose rules turn on
them send them as a domain record, one per person and 業務, and the per-person query reads them. The
items are the harness contract's (docs/profiles.md, ``targets.load.records_path``).
"""

from __future__ import annotations

#: 業務 -> the items its record may hold (each an ISO date, a code or a number, as text).
DOMAIN_RECORDS: dict[str, frozenset[str]] = {
    # 国民健康保険法 第6条第9号 (生活保護: its first day and its 廃止).
    "国民健康保険": frozenset({"生活保護_開始年月日", "生活保護_廃止年月日"}),
    # 高齢者の医療の確保に関する法律 第50条第2号 (障害認定), 第51条第1号 (生活保護).
    "後期高齢者医療": frozenset({"障害認定年月日", "生活保護_開始年月日", "生活保護_廃止年月日"}),
    # 児童扶養手当法 第4条 (受給者区分: 母, 父 or 養育者), 第6条 (認定請求), 第9条 (前年所得, 扶養親族等, 養育費).
    "児童扶養手当": frozenset({"受給者区分", "認定請求年月日", "前年所得", "加算対象扶養親族等の数", "養育費"}),
    # 地方税法 第443条第1項 (所有者, 主たる定置場), 第463条の15第1項 (車両区分: 号 and イ/ロ/ハ of its table).
    "軽自動車税": frozenset({"車両区分", "取得年月日", "所有終了年月日", "主たる定置場_市区町村コード"}),
    # 地方税法 第341条第1号 (資産区分: 土地, 家屋, 償却資産), 第342条第1項 (所在),
    # 第343条第2項 (登記又は登録: 登記年月日), 第349条, 第349条の2 (価格: registered in the 台帳, yen).
    "固定資産税": frozenset({"資産区分", "価格", "取得年月日", "登記年月日", "所有終了年月日", "所在_市区町村コード"}),
    # 障害者総合支援法 第19条 (居住地, 現在地, 特定施設入所 and the places before it, 障害児施設継続入所 and the
    # 保護者's 居住地 / the person's 所在地 on the day before 18), 第21条 (一次判定区分, the 審査会's 審査判定区分),
    # 第23条 (支給決定の有効期間); 身体障害者福祉法 第15条 (手帳申請年月日, 別表該当: "1", 手帳交付年月日).
    "障害者福祉": frozenset({
        "居住地_市区町村コード", "現在地_市区町村コード", "特定施設入所", "入所前居住地_市区町村コード",
        "入所前所在地_市区町村コード", "障害児施設継続入所", "十八歳前日保護者居住地_市区町村コード",
        "十八歳前日所在地_市区町村コード", "支給決定_開始年月日", "支給決定_終了年月日", "一次判定区分",
        "審査判定区分", "手帳申請年月日", "別表該当", "手帳交付年月日"}),
    # 生活保護法 第19条 (居住地, 現在地, 急迫, 入所前の居住地又は現在地), 第24条 (申請, 延長の特別な理由: "1",
    # 通知), 第8条第1項 (基準により測定した需要, 収入: yen per month).
    "生活保護": frozenset({"居住地_市区町村コード", "現在地_市区町村コード", "急迫", "入所前居住地_市区町村コード",
                       "入所前現在地_市区町村コード", "申請年月日", "延長理由", "通知年月日", "最低生活費",
                       "収入認定額"}),
    # 地方税法 第294条第1項第3号・第4号 (事務所又は事業所, 寮等), 第312条第1項 (資本金等の額, 従業者数の合計数),
    # 第4項 (事務所等を有していた月数: 開設日), 第5項 (従業者数 on the period's last day; on its first, to tell
    # them apart), 第6項 (資本金及び資本準備金), 第314条の4 (法人税額), 第321条の8第1項 (法人税の申告書の提出期限):
    # the corporation the person represents; 第294条第1項第5号, 第5項-第8項 (法人区分: 外国法人, 第296条第1項第2号,
    # 公益法人等, 人格のない社団等 or 法人課税信託の受託個人; 恒久的施設, the office of the 収益事業, 代表者又は管理人:
    # "1", 収益事業: 行う or 廃止); 第321条の8第1項後段, 第2項後段 (中間申告区分: 第1項 or 第2項, its 提出期限 and
    # the day filed), 第312条第7項 (相互会社: "1").
    "法人住民税": frozenset({"事務所所在地_市区町村コード", "寮等所在地_市区町村コード", "資本金等の額",
                        "資本金及び資本準備金の合算額", "従業者数", "従業者数_事業年度開始日", "事業年度開始日",
                        "事業年度終了日", "事務所等開設日", "法人税額", "法人税申告書提出期限",
                        "法人区分", "恒久的施設所在地_市区町村コード", "収益事業所在地_市区町村コード",
                        "代表者又は管理人の定め", "収益事業", "中間申告区分", "中間申告書提出期限", "中間申告書提出日",
                        "相互会社"}),
    # 地方税法 第295条第1項第1号 (生活扶助: its first day and its 廃止), 第294条第1項第2号 (家屋敷), 第313条第4項
    # (事業所得, 事業専従者), 第8項 (純損失, its year, 青色申告, 申告書 filed since: "1"), 第12項-第15項 (特定配当等,
    # 特定株式等譲渡所得金額, stated in the 確定申告書: "1"), 第314条の3 (所得の金額 and 所得控除額 of the 前年, yen),
    # 第294条第4項 (the 年度 and the municipality that levied under 第3項, from its 通知), 第313条第6項 (the 申告書
    # states the 事業専従者, none was due, the omission found unavoidable: "1"), 第5項 (給与, the 控除額 deducted for
    # the person), 第295条第2項 (退職手当等's payment day), 第313条第3項 (青色事業専従者給与 paid, the 書類's amount, a
    # reason for no 書類: "1").
    "個人住民税": frozenset({"生活扶助_開始年月日", "生活扶助_廃止年月日", "家屋敷_市区町村コード", "所得の金額",
                        "所得控除額",
                        "特定配当等の所得の金額", "特定配当等_申告記載", "特定株式等譲渡所得金額",
                        "特定株式等譲渡所得金額_申告記載", "純損失の金額", "純損失の年", "純損失_青色申告",
                        "純損失_連続申告", "事業所得の金額", "事業専従者_配偶者", "事業専従者_その他の数",
                        "第294条第3項課税_年度", "第294条第3項課税_市町村コード", "事業専従者_申告記載", "申告義務なし",
                        "記載なしやむを得ない事情", "給与の収入金額", "事業専従者控除額_受けた額", "退職手当等_支払日",
                        "青色事業専従者給与_支払額", "青色事業専従者給与_書類記載額",
                        "青色事業専従者給与_書類不提出の理由"}),
    # 亘理町印鑑条例 (one municipality's 条例 as an exemplar) 第2条 and 第3条: the application of the 印鑑登録
    # (申請年月日), 意思能力を有しない ("1"), a 印鑑 already registered ("1"), the 印影's characters, its 印材,
    # the side in mm of the square it fits in and whether the counter found it hard to show clearly ("1").
    "印鑑登録": frozenset({"申請年月日", "意思能力なし", "登録済", "印影文字", "印材", "印影寸法", "印影不鮮明"}),
}
