"""The records of other 業務 the harness gives the reference about a person (``POST /admin/records``).

住民記録 holds no 生活保護, 障害認定 or 認定請求: the scenario checks of the domains whose rules turn on
them send them as a domain record, one per person and 業務, and the per-person query reads them. The
items are the harness contract's (docs/profiles.md, ``targets.load.records_path``).
"""

from __future__ import annotations

#: 業務 -> the items its record may hold (each an ISO date, a code or a number, as text).
DOMAIN_RECORDS: dict[str, frozenset[str]] = {
    # 国民健康保険法 第6条第9号 (生活保護: its first day, its 廃止, a 停止 and the day it is lifted).
    "国民健康保険": frozenset({"生活保護_開始年月日", "生活保護_廃止年月日",
                               "生活保護_停止年月日", "生活保護_停止解除年月日",
                               # 第6条第1号-第6号, 第10号 (another insurance, its first day and the first day after it).
                               "適用除外_区分", "適用除外_該当年月日", "適用除外_非該当年月日",
                               "日雇特例被保険者手帳_返納年月日",
                               # 第116条の2 (住所地特例: the 入院等 by which the person moved here).
                               "入院等_区分", "入院等_入所措置", "継続入院等_最初の入院等の際の住所_市区町村コード",
                               # 第116条の2第1項 from the sending side (the 入院等 by which the person moved out).
                               "転出先入院等_区分", "転出先入院等_入所措置"}),
    # 国民年金法 第89条第1項 (法定免除: its 号, the day the person came under it and the day no longer).
    "国民年金": frozenset({"法定免除_区分", "法定免除_該当年月日", "法定免除_非該当年月日",
                        # 第7条第1項第2号・第3号, 第8条第4号 (厚生年金 and 被扶養配偶者).
                        "厚生年金_資格取得年月日", "厚生年金_資格喪失年月日", "被扶養配偶者_該当年月日",
                        "被扶養配偶者_非該当年月日",
                        # 第8条第3号, 第9条第4号 (老齢給付等を受けることができる者).
                        "老齢給付等_該当年月日", "老齢給付等_非該当年月日"}),
    # 介護保険法 第9条第2号, 第10条, 第11条第2項 (医療保険加入者), 第13条 (住所地特例: the 入所等).
    "介護保険": frozenset({"医療保険_加入年月日", "医療保険_喪失年月日", "入所等_区分", "入所等_入所措置",
                       "継続入所等_最初の入所等の際の住所_市区町村コード",
                       # 第13条第1項 from the sending side (the 入所等 by which the person moved out).
                       "転出先入所等_区分", "転出先入所等_入所措置",
                       # 第27条第8項, 第11項 (要介護認定).
                       "要介護認定_申請年月日", "要介護認定_認定年月日", "要介護認定_要介護状態区分",
                       "要介護認定_認定審査会の意見"}),
    # 高齢者の医療の確保に関する法律 第50条第2号 (障害認定), 第51条第1号 (生活保護).
    "後期高齢者医療": frozenset({"障害認定年月日", "生活保護_開始年月日", "生活保護_廃止年月日",
                                 "生活保護_停止年月日", "生活保護_停止解除年月日",
                                 # 第55条 (the 入院等 by which the person moved here).
                                 "入院等_区分", "入院等_入所措置", "継続入院等_最初の入院等の際の住所_市区町村コード"}),
    # 児童扶養手当法 第4条 (受給者区分: 母, 父 or 養育者), 第6条 (認定請求), 第9条 (前年所得, 扶養親族等, 養育費).
    "児童扶養手当": frozenset({"受給者区分", "認定請求年月日", "前年所得", "加算対象扶養親族等の数", "養育費",
                         # 第3条第2項 (a 給付 by its law), 第4条第1項 (監護, 生計同一, 同居, 生計維持, 母が監護: "1"),
                         # 第4条第2項, 第3条第3項 (the facts of its 号 about the child: "1").
                         "公的年金給付_種別", "監護", "生計同一", "同居", "生計維持", "母が監護", "児童_国外",
                         "里親委託", "父と生計同一", "父_障害", "母の配偶者に養育", "母と生計同一", "母_障害",
                         "父の配偶者に養育", "配偶者_障害の父母", "配偶者_事実婚",
                         # 第4条第3項 (受給者_国外: "1"), 第7条第2項 (請求不能開始日, 請求不能終了日), 法第9条の2
                         # (生計維持児童の数), 法第10条 (扶養義務者_前年所得, 扶養義務者_加算対象扶養親族等の数).
                         "受給者_国外", "請求不能開始日", "請求不能終了日", "生計維持児童の数", "扶養義務者_前年所得",
                         "扶養義務者_加算対象扶養親族等の数"}),
    # 児童手当法 第6条第2項第2号 (第三子以降算定額算定対象者: their births, comma-separated), 第3条第3項 (the place a
    # 施設入所等児童 is in or with, 短期間 and 児童のみ世帯: "1"), 第7条第2項 (the 市区町村コード of the places).
    "児童手当": frozenset({"第三子以降算定額算定対象者_生年月日", "施設入所等_種別", "短期間", "児童のみ世帯",
                       "援助場所_市区町村コード", "里親住所_市区町村コード", "施設所在地_市区町村コード",
                       "設置者事務所_市区町村コード",
                       # 第4条第2項-第4項: the claimant's role (父母 or 未成年後見人), the 所得 of the two who look
                       # after the children, whether the other lives with them, whether the two share their 生計.
                       "本人_区分", "本人_所得", "他方_所得", "他方_同居", "生計同一"}),
    # 地方税法 第443条第1項 (所有者, 主たる定置場), 第463条の15第1項 (車両区分: 号 and イ/ロ/ハ of its table).
    "軽自動車税": frozenset({"車両区分", "取得年月日", "所有終了年月日", "主たる定置場_市区町村コード",
                        # 第451条 (環境性能割: the car, its 排出ガス, エネルギー消費効率 and standards in
                        # tenths of km/L), 第443条第2項 (取得目的), 第3項 (所有者非課税, 使用者,
                        # 公用又は公共の用: "1"), 第442条第7号 (側車付)
                        "車輪数", "燃料", "用途", "車両総重量", "排出ガス基準適合", "エネルギー消費効率",
                        "エネルギー消費効率算定区分", "第446条第1項適用", "令和12年度基準エネルギー消費効率",
                        "令和2年度基準エネルギー消費効率", "令和4年度基準エネルギー消費効率",
                        "平成22年度基準エネルギー消費効率", "取得目的", "所有者非課税", "使用者", "公用又は公共の用",
                        "側車付"}),
    # 地方税法 第341条第1号 (資産区分: 土地, 家屋, 償却資産), 第342条第1項 (所在),
    # 第343条第2項 (登記又は登録: 登記年月日), 第349条, 第349条の2 (価格: registered in the 台帳, yen).
    "固定資産税": frozenset({"資産区分", "価格", "取得年月日", "登記年月日", "所有終了年月日", "所在_市区町村コード",
                        # 第349条第2項-第6項 (特別の事情 on the 賦課期日, the 市町村長 finding the price unfit: "1",
                        # the 比準価格, the 年度区分 the 土地 or 家屋 is first taxed in)
                        "特別の事情", "市町村長認定", "比準価格", "新規課税年度区分",
                        # 第343条第1項 (権利: 所有者, 質権者 or 地上権者; 質権設定: "1"; 地上権存続期間 in years),
                        # 第342条第2項 (償却資産種類, 主たる定置場), 第3項 (所有権留保: "1", 売買の地位: 売主 or 買主),
                        # 第343条第3項 (償却資産課税台帳登録: "1" or "0")
                        "権利", "質権設定", "地上権存続期間", "償却資産種類", "主たる定置場_市区町村コード",
                        "償却資産課税台帳登録", "所有権留保", "売買の地位",
                        # 第341条第2号・第3号 (地目又は家屋の種類), 第343条第6項 (国管理農地: "1", 国買収日,
                        # 所有権移転日, 農地の地位: 使用者 or 売渡しの相手方)
                        "地目又は家屋の種類", "国管理農地", "国買収日", "所有権移転日", "農地の地位",
                        # 第341条第10号-第13号 (登記簿登記: "1" or "0"), 第343条第9項 (信託の地位: 信託会社 or 借受人,
                        # 信託譲渡条件付賃貸 and 事業の用: "1" or "0")
                        "登記簿登記", "信託の地位", "信託譲渡条件付賃貸", "事業の用"}),
    # 子ども・子育て支援法 第21条 (認定の有効期間), 第27条第3項 (第1号: 基準費用額, 実費用額; 第2号: 市町村定額,
    # 政令限度額: yen per month).
    "子ども・子育て支援": frozenset({"認定_開始年月日", "認定_終了年月日", "基準費用額", "実費用額", "市町村定額",
                               "政令限度額"}),
    # 障害者総合支援法 第19条 (居住地, 現在地, 特定施設入所 and the places before it, 障害児施設継続入所 and the
    # 保護者's 居住地 / the person's 所在地 on the day before 18), 第21条 (一次判定区分, the 審査会's 審査判定区分),
    # 第23条 (支給決定の有効期間); 身体障害者福祉法 第15条 (手帳申請年月日, 別表該当: "1", 手帳交付年月日).
    "障害者福祉": frozenset({
        "居住地_市区町村コード", "現在地_市区町村コード", "特定施設入所", "入所前居住地_市区町村コード",
        "入所前所在地_市区町村コード", "障害児施設継続入所", "十八歳前日保護者居住地_市区町村コード",
        "十八歳前日所在地_市区町村コード", "支給決定_開始年月日", "支給決定_終了年月日", "一次判定区分",
        "審査判定区分", "手帳申請年月日", "別表該当", "手帳交付年月日",
        # 第22条第7項 (支給量 per month of each kind of service).
        "支給量_居宅介護", "支給量_生活介護", "支給量_短期入所"}),
    # 生活保護法 第19条 (居住地, 現在地, 急迫, 入所前の居住地又は現在地), 第24条 (申請, 延長の特別な理由: "1",
    # 通知), 第8条第1項 (基準により測定した需要, 収入: yen per month).
    "生活保護": frozenset({"居住地_市区町村コード", "現在地_市区町村コード", "急迫", "入所前居住地_市区町村コード",
                       "入所前現在地_市区町村コード", "申請年月日", "延長理由", "通知年月日", "最低生活費",
                       "収入認定額",
                       # 第6条 (保護の開始・廃止, 給付内容), 第7条 (申請者区分), 第4条・第10条
                       # (世帯員収入認定額, 扶養額, 他法扶助額, 活用可能資産額: yen per month), 第11条-第13条
                       # (需要: 、-separated), 第24条第8項 (扶養義務者, 扶養義務不履行, 通知不適当: "1"),
                       # 第9項 (申請種別: 開始 or 変更), 第10項 (町村長受理年月日).
                       "保護開始年月日", "保護廃止年月日", "給付内容", "申請者区分", "世帯員収入認定額", "扶養額",
                       "他法扶助額", "活用可能資産額", "需要", "扶養義務者", "扶養義務不履行", "通知不適当", "申請種別",
                       "町村長受理年月日"}),
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
    # 公職選挙法 第11条第1項 (a sentence: the day it became final, 拘禁刑 or 罰金, the crime (公職収賄, 選挙犯罪 or
    # その他), the last day of its 執行猶予, the day its execution ended or was remitted); 第22条第2項〜第4項 (an
    # election held in the town: its 公示又は告示の日, its 期日 and its 選挙時登録の基準日).
    "選挙人名簿": frozenset({"刑_確定年月日", "刑_種類", "罪_区分", "刑_執行猶予期間満了日", "刑_執行終了年月日",
                        "刑_執行免除年月日", "選挙_公示日", "選挙_期日", "選挙時登録基準日",
                        # 第9条第3項: the day the address in the municipality the person moved from was taken.
                        "転入前住所_住所を定めた年月日",
                        # 第30条の4〜第30条の11: the 在外選挙人名簿's 申請 (第30条の5第1項, with the day the address in
                        # the 領事官's area was taken; 第4項, with the 国外転出届), the day of the registration or the
                        # 移転, and the day a domestic address was taken (戸籍の附票).
                        "在外_申請年月日", "在外_管轄区域住所年月日", "在外_移転申請年月日", "在外_登録年月日",
                        "在外_国内住所年月日",
                        # 第30条の6第3項, 第30条の8第1項第2号: the election's kind (衆議院, 参議院 or 地方).
                        "選挙_種類",
                        # 第30条の11第1項第1号: the death or the loss of Japanese nationality the 戸籍 records.
                        "在外_死亡年月日", "在外_国籍喪失年月日"}),
    # 予防接種法施行令 第3条第2項: the 特定疾病 a 特別の事情 kept the person from, the 事情's first and last day.
    # 健康増進法施行規則 第4条の2第4号・第5号: 医療保険 (加入, なし) and 生活保護 (受給, 停止, なし).
    "健康管理": frozenset({"特別の事情_疾病", "特別の事情_開始年月日", "特別の事情_終了年月日",
                           "医療保険", "生活保護",
                           # 予防接種法 第5条第2項・第3項 (the 指定's disease and 全部 or 一部 of the area); 母子保健法
                           # 第15条, 第16条第1項 (the day of the 妊娠の届出).
                           "指定区域_疾病", "指定区域_範囲", "妊娠届出年月日"}),
    # 学校教育法 第17条第1項ただし書: the day the 保護者's child completed the 小学校の課程, or 未修了.
    "就学": frozenset({"小学校課程修了年月日",
                     # 施行令 第6条第2号〜第7号 (the event, 認定特別支援学校就学者 and the 第3項's notice: "1"),
                     # 第5条第3項 (届出: 第9条第1項 or 第17条); 施行規則 第30条第1項第5号 (猶予・免除, 復学) and
                     # 第4号 (校長の通知, 督促).
                     "第6条_事由", "認定特別支援学校就学者", "第3項の通知", "届出", "猶予免除_区分", "猶予免除_年月日",
                     "猶予免除_事由", "猶予_終了年月日", "復学年月日", "校長通知_年月日", "督促_年月日",
                     # 施行令 第5条第2項: the municipality's 小学校・義務教育学校 and 中学校・義務教育学校.
                     "設置小学校等の数", "設置中学校等の数"}),
}

# 公職選挙法 第9条第4項・第5項, 第21条第3項・第4項: the change of the area of the person's address (廃置分合 or
# 境界変更), its day, and the day of an earlier 廃置分合 that took the municipality of the 住民票 into the
# extinguished one.
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({
    "区域変更_種類", "区域変更_年月日", "区域変更_前の廃置分合_年月日"})

# 公職選挙法 第28条の2, 第28条の3: an 申出 of 閲覧 of the 抄本 naming the person as its 閲覧者 (活動, 申出者区分,
# 閲覧者区分, 第28条の2第8項's 承認 of a 法人, and each item of 第2項 the 申出 states: 記載).
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({
    "閲覧_活動", "閲覧_申出者区分", "閲覧_閲覧者区分", "閲覧_承認法人", "閲覧_申出者氏名住所", "閲覧_利用目的",
    "閲覧_閲覧者氏名住所", "閲覧_管理方法", "閲覧_取扱者範囲", "閲覧_成果の取扱い"})

# 公職選挙法 第28条の2第7項第1号〜第4号: the items of a 政治団体's 申出 to let a 法人 handle the 閲覧事項 (each 記載).
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({
    "閲覧_法人_名称等", "閲覧_法人_事由", "閲覧_法人_取扱者範囲", "閲覧_法人_管理方法"})

# 公職選挙法 第24条第2項: the 委員会's decision of an 異議 about the person (its day, 正当 or 正当でない, 登録 or
# 抹消 sought).
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({"異議_決定年月日", "異議_決定", "異議_求め"})

# 公職選挙法 第11条第3項: whether the person's 本籍 is in the town (当市町村) or not (他市町村).
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({"本籍地"})

# 公職選挙法 第28条第1項第4号, 第30条の11第1項第3号: the day it was learnt that the registration (in the 選挙人名簿,
# or in the 在外選挙人名簿) should not have been made.
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({"誤登録_判明年月日", "在外_誤登録_判明年月日"})

# 公職選挙法 第26条: the 登録月の一日 of a registration the person was left off, and the day the 委員会 learnt it.
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({
    "登録漏れ_登録月の一日", "登録漏れ_判明年月日"})

# 公職選挙法 第30条の8第2項: the 委員会's decision of an 異議 about the 在外選挙人名簿 (its day, 正当 or 正当でない, and
# what it sought: 在外登録, 在外抹消, 移転, 在外抹消と名簿登録).
DOMAIN_RECORDS["選挙人名簿"] = DOMAIN_RECORDS["選挙人名簿"] | frozenset({
    "在外異議_決定年月日", "在外異議_決定", "在外異議_求め"})
