"""What a transition of the model says: the items it sets (each to a set of allowed values), the items
it keeps, the other records it changes, and the エラー or アラート it must answer with instead.

Every rule names the requirement whose text fixes it (住民記録 1.0, ``jumin-1.0-<section>-R<nnn>``), so a
breach is reported against that requirement. Where the text leaves room the rule holds every value it
allows (``Allowed``), and ``interpretation`` names the entry of the catalog's interpretation register
(``spec_catalog/jumin/1.0/interpretations.yaml``) that says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from conformance.oracles.shien_sochi import Support, SupportState, support_state

#: A record as the model holds it: data item header -> value ('' when empty).
Row = Mapping[str, str]

# -- the requirements the rules rest on (住民記録 1.0; spec_catalog/jumin/1.0/requirements) ---------------
#: 1.2.1: the history keeps every item on every row (項目内容の変更有無に係わらず、全項目の内容を保持).
KEEP_ALL = "jumin-1.0-1.2.1-R017"
#: 1.2.1: the key is 宛名番号 and 履歴番号, 履歴番号 a simple serial from 1.
HISTORY_KEY = "jumin-1.0-1.2.1-R016"
#: 1.2.1: the row with the largest 履歴番号 is the person's latest data.
LATEST_ROW = "jumin-1.0-1.2.1-R018"
#: 1.2.1: the 異動日, 処理日, 届出日 and 通知日 of each 異動 are kept.
MOVE_DATE, PROCESS_DATE, NOTIFIED_DATE, NOTICE_DATE = (
    "jumin-1.0-1.2.1-R004", "jumin-1.0-1.2.1-R005", "jumin-1.0-1.2.1-R006", "jumin-1.0-1.2.1-R008")
#: 1.1.13: 宛名番号 and 世帯番号 numbered automatically, serial plus a check digit.
NUMBERING = "jumin-1.0-1.1.13-R002"
#: 4.0.1: a 異動 of a person who was a 住民 selects them from the 住民データ (an エラー for anyone else).
MOVER_IS_RESIDENT = "jumin-1.0-4.0.1-R001"
#: 4.0.2: the 異動先世帯 (a new 世帯, or part of an existing one), and the 除票 of who stops being a 住民.
DESTINATION = "jumin-1.0-4.0.2-R001"
REMOVAL = "jumin-1.0-4.0.2-R002"
#: 4.0.3 / 4.1.0.2: 異動日 (except 転出) and 届出日 only up to the 処理日.
MOVE_NOT_FUTURE = "jumin-1.0-4.0.3-R003"
NOTIFIED_NOT_FUTURE = "jumin-1.0-4.1.0.2-R003"
#: 1.1.8 R001: 年月日は、暦上日に限り、許容すること (E005), save the 出生・死亡・失踪 異動日 and 生年月日.
CALENDAR_DAY = "jumin-1.0-1.1.8-R001"
#: 4.0.4: the 世帯主 leaves and two or more members remain: an アラート first.
HEAD_LEAVES = "jumin-1.0-4.0.4-R002"
#: 4.1.1.1: a 転入's items as entered; 住所を定めた年月日 the same as 住民となった年月日.
MOVE_IN_ITEMS = "jumin-1.0-4.1.1.1-R001"
ADDRESS_DATE = "jumin-1.0-4.1.1.1-R002"
#: 4.1.1.2: a 除票 with the same 個人番号, 住民票コード or 在留カード番号 stops a new entry.
RE_ENTRY = "jumin-1.0-4.1.1.2-R001"
#: 4.1.1.2 R002: a 再転入者 keeps the 宛名番号 they had (従前使用していた宛名番号をそのまま引き継ぐこと) and the 除票's
#: items may be taken in (取り込むことができ、適宜修正できること).
RETURNING = "jumin-1.0-4.1.1.2-R002"
#: 1.1.5: a 転出 is removed on the earlier of 転出予定年月日 and the 転入日 of the 転入通知.
REMOVAL_DATE = "jumin-1.0-1.1.5-R001"
#: 4.1.3.1.1: the 転入通知 adds 転入通知日 and 転出年月日（確定）, keeping the 転出予定年月日.
MOVE_OUT_CONFIRMED = "jumin-1.0-4.1.3.1.1-R001"
#: 4.1.4.1 / 4.1.4.2: 世帯分離, 世帯合併, 世帯主変更, and the members' 続柄 on a 世帯主変更.
HOUSEHOLD_CHANGE = "jumin-1.0-4.1.4.1-R001"
RELATIONS_ON_HEAD_CHANGE = "jumin-1.0-4.1.4.2-R001"
#: 1.1.1 (日本人) / 1.1.2 (外国人): 世帯主の氏名及び世帯主との続柄.
HEAD_NAME = "jumin-1.0-1.1.1-R008"
HEAD_NAME_FOREIGN = "jumin-1.0-1.1.2-R013"
#: 4.2.3.1: the 住民票's items can be corrected.
CORRECTION = "jumin-1.0-4.2.3.1-R001"
#: 4.2.3.1 R002: 世帯主の氏名が修正された場合は、併せて同一世帯員の世帯主の氏名及びフリガナが職権で修正できること。
HEAD_NAME_CORRECTED = "jumin-1.0-4.2.3.1-R002"
#: 4.1.1.4 R001: 未届転入の場合、転入前住所欄には未届の住所のうち直近のものを記載し、その末尾に（未届）と記載する
UNREPORTED_MOVE_IN = "jumin-1.0-4.1.1.4-R001"
#: 4.2.0.3 R002: 世帯構成員の戸籍の表示（本籍・筆頭者）を引用して入力できること。
HONSEKI_QUOTED = "jumin-1.0-4.2.0.3-R002"
#: 4.6.0.1: a cancellation restores the record before the 異動 (a row appended: KEEP_ALL), with its 区分.
CANCEL_RESTORES = "jumin-1.0-4.6.0.1-R002"
CANCEL_KIND = "jumin-1.0-4.6.0.1-R004"
#: 11.1 R005: an エラー or アラート tells the 原因となったエラー・アラート項目 and the 理由・対応方法 (the
#: driver protocol's ``item`` and ``message``: docs/driver.md).
REFUSAL_EXPLAINED = "jumin-1.0-11.1-R005"
#: 11.1 R001 (論理的に成立し得ない入力, our reading): a 異動日 before the 生年月日 is the エラー E003.
BEFORE_BIRTH = "jumin-1.0-11.1-R001"
#: 1.1.6 R001: 以下の項目は、空欄を許容しないこと。その他の項目は、空欄を許容すること。
BLANKS_ALLOWED = "jumin-1.0-1.1.6-R001"
#: 3.1 R002: 処理ごとに、個人及び世帯単位で、抑止…の開始日及び終了日設定が可能であること (a 抑止 in force from its
#: 開始日, on a 世帯's members); R006: 抑止の終了日を経過しても、抑止は自動的に終了しないこと; R008: 抑止については複数
#: 設定することができ、設定ごとに、抑止する処理・抑止レベル（エラー・アラート）の設定ができること。
SUPPRESSION_SCOPE, SUPPRESSION_END, SUPPRESSION_SETTINGS = (
    "jumin-1.0-3.1-R002", "jumin-1.0-3.1-R006", "jumin-1.0-3.1-R008")
#: The driver protocol's codes of a 抑止 (docs/driver.md, 3.1): the エラー and the アラート.
SUPPRESSED_ERROR, SUPPRESSED_ALERT = "E040", "A040"
#: 4.3.1 R001: 新規付番用の住民票コードをCSから取得でき、蓄積できること; R002: 住民票コードの未付番者及び
#: 変更異動の場合、新規付番用の住民票コードが自動付番されること; R004: 自動付番時に蓄積された住民票コードの
#: 空き番レコードの件数が、市区町村が任意に設定した数を下回った場合、アラートを表示すること (interpretation
#: ``jumin-code-model``).
CODES_KEPT, CODES_DRAWN, CODES_LOW = "jumin-1.0-4.3.1-R001", "jumin-1.0-4.3.1-R002", "jumin-1.0-4.3.1-R004"
CODE_READING = "jumin-1.0-interp-jumin-code-model"
#: The driver protocol's アラート of a stock fallen below the 下限 (driver.yaml, 4.3.1 R004).
LOW_STOCK = "A041"
#: 10.8 (異動処理…を行う際、CSV形式で提供された以下のデータを取り込めること): R002 ・転出証明書に記載のデータ, R003
#: ・住民異動届に記載のデータ, R005 ・個人番号カード券面事項, each the 種類 of the driver's ``import.csv``.
CSV_KINDS = {"転出証明書": "jumin-1.0-10.8-R002", "住民異動届": "jumin-1.0-10.8-R003",
             "個人番号カード券面": "jumin-1.0-10.8-R005"}
CSV_READING = "jumin-1.0-interp-csv-import-model"
#: The driver protocol's エラー of a 住民異動届 whose 氏名 and 生年月日 name no one 住民 (driver.yaml import.csv).
CSV_UNMATCHED = "E051"
#: 9.3 R001: ５年を経過した除票について、住民記録システムデータベースから除票用データベースへ移行し、同時に住民記録
#: システムデータベースから削除できること (interpretation ``archive-model``).
ARCHIVED = "jumin-1.0-9.3-R001"
ARCHIVE_READING = "jumin-1.0-interp-archive-model"


@dataclass(frozen=True)
class NotBlank:
    """An item of 1.1.6 R001's list (空欄を許容しないこと), as the driver names it: the 住民種別 it is listed for,
    the 第30条45規定区分 (None: any), whether a 除票 is excepted, and the requirement naming it."""

    item: str
    kinds: frozenset[str]
    requirement: str
    categories: frozenset[str] | None = None
    except_removed: bool = False


#: The items of 1.1.6 R001's list the model knows: R003 ・生年月日, R004 ・戸籍の表示（本籍・筆頭者）
#: (日本人住民データ), R005 ・住民となった年月日, R007 ・住民票コード（除票の場合を除く。）, R008
#: ・外国人住民となった年月日 and R011 在留カードの番号（除票の場合を除く。） of a 中長期在留者 (区分 1). Not yet:
#: R006 ・住所 (which of the driver's address items make it blank is a reading of its own) and the other 区分's
#: items (R010, R012-R019; the driver's 在留カード等番号 holds both cards, and R013's 特別永住者証明書の番号 has no
#: 除票 exception).
NOT_BLANK = (
    NotBlank("生年月日", frozenset({"1", "2"}), "jumin-1.0-1.1.6-R003"),
    NotBlank("戸籍の表示（本籍・筆頭者）", frozenset({"1"}), "jumin-1.0-1.1.6-R004"),
    NotBlank("住民となった年月日", frozenset({"1", "2"}), "jumin-1.0-1.1.6-R005"),
    NotBlank("住民票コード", frozenset({"1", "2"}), "jumin-1.0-1.1.6-R007", except_removed=True),
    NotBlank("外国人住民となった年月日", frozenset({"2"}), "jumin-1.0-1.1.6-R008"),
    NotBlank("在留カード等番号", frozenset({"2"}), "jumin-1.0-1.1.6-R011", frozenset({"1"}), except_removed=True),
)
#: 1.1.1 R005 (・旧氏): 旧氏 is an item of 日本人住民データ (1.1.2's 外国人住民データ has none): a 外国人住民's is E010.
KYUSHI_JAPANESE = "jumin-1.0-1.1.1-R005"
#: 1.1.7 R002 / 1.1.2: 通称 recorded and deleted on 申出, for 外国人住民 (1.1.2 R006: ・通称), with the day and the
#: 市区町村 of each (R007, R009, R066, R067) and the 申出日 on the row (1.2.1 R007).
TSUSHO = "jumin-1.0-1.1.7-R002"
TSUSHO_FOREIGN = "jumin-1.0-1.1.2-R006"
TSUSHO_RECORDED_DATE, TSUSHO_RECORDED_TOWN = "jumin-1.0-1.1.2-R007", "jumin-1.0-1.1.2-R066"
TSUSHO_DELETED_DATE, TSUSHO_DELETED_TOWN = "jumin-1.0-1.1.2-R009", "jumin-1.0-1.1.2-R067"
OFFERED_DATE = "jumin-1.0-1.2.1-R007"
#: 7.2.3: 住民記録データ provided to other systems (every read path), whole and as 異動差分.
PROVIDED = "jumin-1.0-7.2.3-R001"
DIFFERENCES = "jumin-1.0-7.2.3-R002"
#: 10.6 R001: the データ抽出機能 of the 中間標準レイアウト: the extraction (the residents export) holds the
#: records the system holds, each 住民 with the values of its latest row (a 除票 may be left out: the
#: text does not say the extraction holds them; when it is there, it reads as the record).
EXPORTED = "jumin-1.0-10.6-R001"
#: 3.4 R001: a 住民票の写し等 that includes a 支援対象者 (併せて支援を求める者 too: 「以下同じ」) is an エラー, and
#: (our reading, interpretation ``dv-model``) every output carries the 支援対象者である旨の表示 (1.1.16 R001) so a
#: receiving system can withhold them; R004: the 延長 from one month before the end, one year from the day after
#: it; R009: after a 転出 the protection continues at the 前住所地 (the 除票's copy refused too).
DV_REFUSED = "jumin-1.0-3.4-R001"
DV_EXTENSION = "jumin-1.0-3.4-R004"
DV_MOVED_OUT = "jumin-1.0-3.4-R009"
#: 3.4 R008: from the 申出 until the 支援措置 begins, a 仮支援措置 refuses the copies as well (仮支援措置として…
#: エラーとすることができること): a measure registered with 仮支援措置 有 and its 開始年月日 protects from that day.
DV_PROVISIONAL = "jumin-1.0-3.4-R008"
#: 2.1.2 R001 (フリガナを登録している場合は、カタカナで入力及び検索できること) and 2.1.3 R001 (氏名…生年月日…から検索
#: できること): a person the model holds is found by their フリガナ, and by their 氏名, with their 生年月日.
KANA_SEARCH = "jumin-1.0-2.1.2-R001"
BASIC_SEARCH = "jumin-1.0-2.1.3-R001"
#: 2.1.3 R004: 年月日を指定して複数条件検索、項目内部分検索ができること (a range's ends: interpretation
#: search-range-ends).
SEARCH_RANGE = "jumin-1.0-2.1.3-R004"
#: 5.1 R002: 証明書には、認証文（第４章に記載のもの）、電子公印及び発行番号を出力すること (the day under the
#: 認証文: interpretation certification-date).
FORM_CERTIFICATION = "jumin-1.0-5.1-R002"
#: 5.1 R003 (証明書の様式については、第４章に定める様式とすること): the 住民票の写し shows the record's items, as
#: the form checks read the 様式 (forms.items, forms.dates).
FORM_ITEMS = "jumin-1.0-5.1-R003"
#: 5.1 R005 (別紙により通称の記載及び削除に関する事項を出力する場合は、別紙を含めた最終ページに認証文を出力すること):
#: a 世帯全員 写し whose 別紙 runs past a page (interpretation long-sheet-model).
FORM_SHEET = "jumin-1.0-5.1-R005"
#: 5.2 R004 (第１順位には、世帯主、世帯主の配偶者及び世帯主の子が属し、以下の並び順): a 世帯's members by 続柄, whatever
#: their ages (the linkage API's 世帯 lists them so: interfaces.yaml get_household).
MEMBER_ORDER = "jumin-1.0-5.2-R004"
#: 5.2 R008-R009 (１－３：世帯主の子（…生年月日の順、生年月日が同じである場合には、宛名番号の順）): twins printed on the
#: 世帯全員 写し by 宛名番号 (the fixed example twins; the test town has no twins).
MEMBER_TIE = "jumin-1.0-5.2-R009"
#: 5.1 R001 (省略の指定…ができ): an item whose 省略 switch the request sets is not printed.
FORM_OMISSION = "jumin-1.0-5.1-R001"
#: 5.1 P001 (prohibited: 既に住民票が消除されて除票に記載されている者と…現在、住民票に記載されている者とを
#: 世帯連記式により同じ住民票の写しに記載できること): a 世帯全員 写し lists the 世帯's 住民 only (forms.yaml:
#: current members only).
HOUSEHOLD_CURRENT = "jumin-1.0-5.1-P001"
#: 5.3 O001 (…フリガナを記載するかどうかを選択でき、記載することを選択した場合、以下のように記載すること): the reading
#: after the 氏名 is the record's 氏名_フリガナ; 5.7 R001: 証明書…に「公用」の表示（印字）ができること.
FORM_FURIGANA, FORM_OFFICIAL = "jumin-1.0-5.3-O001", "jumin-1.0-5.7-R001"
#: The 表示 of a 支援対象者 on the 原票 as the driver's records carry it (data_items.yaml support_measure_flag).
SUPPORT_MARK = "支援措置対象フラグ"
#: The items a 支援措置 writes on the 原票: the 表示, the period as the record shows it, and the mark that hides a
#: person from other 業務 (DOMAIN.md; the text does not say whether a 支援措置 sets it).
OTHER_BUSINESS_MARK = "他業務参照不可フラグ"
SUPPORT_ITEMS = frozenset({SUPPORT_MARK, "支援措置_開始年月日", "支援措置_終了年月日", OTHER_BUSINESS_MARK})

#: The 1.2.2 区分 of each 異動 and the requirement that lists it.
REASONS: dict[str, str] = {
    "国内転入": "jumin-1.0-1.2.2-R005", "国外転入等": "jumin-1.0-1.2.2-R006", "出生": "jumin-1.0-1.2.2-R007",
    "異動の取消し（増）": "jumin-1.0-1.2.2-R013", "国内転出": "jumin-1.0-1.2.2-R015",
    "国外転出": "jumin-1.0-1.2.2-R016", "死亡": "jumin-1.0-1.2.2-R017", "職権消除": "jumin-1.0-1.2.2-R020",
    "異動の取消し（減）": "jumin-1.0-1.2.2-R023", "転居": "jumin-1.0-1.2.2-R025", "軽微な修正": "jumin-1.0-1.2.2-R026",
    "職権修正": "jumin-1.0-1.2.2-R027", "誤記修正": "jumin-1.0-1.2.2-R028", "世帯分離": "jumin-1.0-1.2.2-R034",
    "世帯合併": "jumin-1.0-1.2.2-R035", "世帯主変更": "jumin-1.0-1.2.2-R037",
    "通称の記載": "jumin-1.0-1.2.2-R041", "通称の削除": "jumin-1.0-1.2.2-R042",
    "職権記載（帰化等）": "jumin-1.0-1.2.2-R008", "職権消除（帰化等）": "jumin-1.0-1.2.2-R018",
    "住民票コードの変更請求": "jumin-1.0-1.2.2-R032", "住民票コードの職権記載": "jumin-1.0-1.2.2-R033",
}
#: The 区分 of a 職権修正 that is a 変更異動 of the 住民票コード (4.3.1 R002: given from the stock when none is
#: entered).
CODE_CHANGES = frozenset({"住民票コードの変更請求", "住民票コードの職権記載"})
#: 4.5.3 帰化: R001 (帰化の入力ができ、日本人住民票に記載できること), R002 (the items taken over, 外国人住民となった
#: 年月日 as the 住民となった日), R003 (外国人住民票を消除できること).
NATURALIZED, NATURALIZED_TAKEN_OVER, NATURALIZED_REMOVED = (
    "jumin-1.0-4.5.3-R001", "jumin-1.0-4.5.3-R002", "jumin-1.0-4.5.3-R003")
#: 4.5.3 R002's list as the driver names the items (住所（方書を含む。）, 生年月日, 性別, 続柄, 住所を定めた年月日,
#: 住民票コード, 宛名番号, 個人番号, 転入前住所); 外国人住民となった年月日 becomes the 住民となった年月日.
TAKEN_OVER = frozenset({
    "住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書", "住所_郵便番号",
    "住所_市区町村コード", "生年月日", "生年月日_不詳フラグ", "性別", "続柄", "住所を定めた年月日",
    "住民票コード", "宛名番号", "個人番号", "転入前住所_市区町村コード"})
#: 4.6.0.1 R004 ③ (人口の増減を伴わない記載事項の訂正) has no 1.2.2 bullet of its own: its 区分 is judged
#: against 4.6.0.1 R004.
CANCEL_CORRECTION = "異動の取消し（修正）"

#: 住民状態 (code_tables.yaml resident_status): 住民, 転出, 死亡, 消除.
CURRENT, MOVED_OUT, DECEASED, REMOVED = "1", "2", "3", "9"
#: Items of a 異動 itself, not of the person: each row sets them (never "kept" from the row before).
BOOKKEEPING = frozenset({"履歴番号", "異動事由", "異動事由区分", "異動日", "処理日", "届出年月日", "通知年月日",
                         "申出年月日", "入力場所", "入力端末"})
#: The items of a 住所 (1.2.1 R015: 世帯ごとに共通のデータも個人ごとに保持する).
ADDRESS = ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書", "住所_郵便番号",
           "住所_市区町村コード")


@dataclass(frozen=True)
class Allowed:
    """The values the text allows an item to take, with the requirement that fixes them.

    ``values`` None means any value (the text does not fix it); ``interpretation`` names the register's
    entry when the set is our reading of the text rather than its words.
    """

    values: frozenset[str] | None
    requirement: str
    interpretation: str | None = None

    def admits(self, value: str) -> bool:
        """Whether ``value`` is one the text allows."""
        return self.values is None or value in self.values


def exactly(value: str, requirement: str) -> Allowed:
    """The one value the text fixes."""
    return Allowed(frozenset({value}), requirement)


def one_of(values: set[str] | frozenset[str], requirement: str, interpretation: str) -> Allowed:
    """Several values, each a reading of the text the register records."""
    return Allowed(frozenset(values), requirement, interpretation)


@dataclass(frozen=True)
class RowRule:
    """One new history row of one person: ``sets`` its items to allowed values; every other judged item
    keeps the value of ``before`` (1.2.1 R017); None ``before`` for a new person (no row to keep)."""

    reason: str
    sets: Mapping[str, Allowed]
    before: Row | None
    #: Items the new row takes a number for the vendor to assign (宛名番号, 世帯番号 of a new 世帯).
    numbers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class CodeStock:
    """The 住民票コード stock of 4.3.1 as the model holds it: the 空きコード the vendor keeps (those it listed when the
    model first read it, its own, and those the harness delivered as the CS), the codes given since (never to be
    listed again), and the 下限 of R004. None in a :class:`World` whose stock the model does not know (the drawn
    examples: their persons carry a 住民票コード, so nothing is drawn)."""

    codes: set[str]
    floor: int = 0
    given: set[str] = field(default_factory=set)

    def low(self) -> bool:
        """Whether the next 自動付番 must show the アラート (R004): the codes left after it fewer than the 下限 (the
        stock at exactly the 下限 before the draw alerts: interpretation ``jumin-code-model``, the driver protocol's
        "when the codes left are fewer than the 下限")."""
        return bool(self.codes) and len(self.codes) - 1 < self.floor

    def take(self, code: str) -> None:
        """``code`` given to a person: it leaves the stock (R002: not given twice)."""
        if code in self.codes:
            self.codes.discard(code)
            self.given.add(code)


@dataclass(frozen=True)
class Measure:
    """A 支援措置 as the model holds it (1.1.16 ○支援措置の期間; 3.4): the persons it protects (the 申出者 and the
    併せて支援措置を求める者 of the town, by 宛名番号), its period and the day it was ended (R007)."""

    persons: tuple[str, ...]
    start: date
    end: date
    ended: date | None = None
    #: The 仮支援措置の開始年月日 when the 申出 asked for a 仮支援措置 (1.1.16 ○仮支援措置: 有), else None.
    provisional: date | None = None

    def protects(self, day: date) -> bool | None:
        """True where 3.4 requires the refusal on ``day``: from the start through the end and past it until
        the measure is ended (R006, R007: a period that passes is ended by the 市区町村, not by itself;
        conformance.oracles.shien_sochi), and before the start from the day a 仮支援措置 begins (R008); None where
        the text leaves it to the vendor (ended, or not begun without a 仮支援措置)."""
        state = support_state(Support(self.start, self.end, self.ended), day)
        if state is SupportState.NOT_STARTED:
            return True if self.provisional_on(day) else None
        return True if state in (SupportState.ACTIVE, SupportState.ENDING_SOON, SupportState.EXPIRED) else None

    def provisional_on(self, day: date) -> bool:
        """Whether only the 仮支援措置 protects on ``day`` (R008): begun, and the 支援措置 itself not yet."""
        return self.provisional is not None and self.ended is None and self.provisional <= day < self.start


@dataclass(frozen=True)
class Refusal:
    """The operation must commit nothing and answer an エラー (``kind`` error) or アラート with a code."""

    kind: str
    codes: frozenset[str]
    requirement: str
    why: str
    #: The fields the answer's ``item`` may name (11.1 R005: 原因となったエラー・アラート項目); each is a
    #: field that caused the refusal, so every one of them is a reading the text allows.
    items: frozenset[str] = frozenset()
    #: The statuses the answer may have (empty: the driver protocol's 422 for an エラー, 409 for an アラート); 10.3's
    #: refusals of a user's session are 401 or 403 (docs/driver.md).
    statuses: frozenset[int] = frozenset()
    #: The requirement a wrong answer breaks, by the code answered where it says which rule the vendor broke (a 抑止
    #: not yet begun applied: its エラー answered where another's アラート is due); else ``requirement``.
    answered: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Commit:
    """The operation must commit: each listed person gains exactly the rows of ``rows`` (in order);
    ``new`` persons appear (the answer lists them in this order); everyone else the model knows keeps
    their history unchanged."""

    rows: Mapping[str, tuple[RowRule, ...]]
    new: tuple[RowRule, ...] = ()
    #: Persons whose record may gain one row of a 世帯主変更 the text lets the vendor make by itself
    #: (4.0.4 R001: 職権により当該残存世帯員を世帯主とする処理を行えること).
    optional: Mapping[str, RowRule] = field(default_factory=dict)
    #: Persons whose 原票 takes the 支援対象者である旨の表示 (1.1.16 R001), which is no 異動: their latest row
    #: changed in place (only the items the rule sets) or one new row (every other item kept), or none.
    marks: Mapping[str, RowRule] = field(default_factory=dict)
    #: The 支援措置 the operation registers or changes, by its 申出者's 宛名番号, as the model holds it after.
    measure: tuple[str, Measure] | None = None
    #: The requirement a refused commit breaks (None: the 1.2.2 区分 of its first row's).
    requirement: str | None = None
    #: Persons who come back under the 宛名番号 of their 除票 (4.1.1.2 R002): the answer lists them by it.
    returning: tuple[str, ...] = ()


#: What the model answers for an operation: the rows it must write, or the refusal it must give.
Outcome = Commit | Refusal
