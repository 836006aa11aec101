"""The test town's vocabulary: its place, name parts, residence statuses and dates.

TEST DATA ONLY (conformance/testdata/town.py says how the town is made): 見本町 is fictional, its 町字
and postal codes invented; names are combinations of common name parts. Shared with
conformance.strategies, which draws from the same lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

#: The day the register snapshot was taken: no event in the town is later.
AS_OF = date(2020, 8, 31)
TOWN_PREFECTURE = "静岡県"
#: Fictional: there is no 見本町 in 静岡県.
TOWN_CITY = "見本町"
#: The town's 全国地方公共団体コード: 静岡県 (22) with a number no real municipality has (999).
TOWN_CODE = "229997"
#: Other municipalities people come from and move to (real codes: 静岡市, 浜松市, 千代田区, 札幌市, 横浜市, 大阪市).
OTHER_MUNICIPALITIES = ("221007", "221309", "131016", "011002", "141003", "271004")
#: U+3000 IDEOGRAPHIC SPACE, between surname and given name in 氏名 and the フリガナ items.
FULL_SPACE = "\u3000"

#: 町字 of the fictional town with invented postal codes.

TOWN_AREAS: tuple[tuple[str, str], ...] = (
    ("本町一丁目", "4190101"), ("本町二丁目", "4190102"), ("本町三丁目", "4190103"),
    ("駅前一丁目", "4190111"), ("駅前二丁目", "4190112"), ("さくら台一丁目", "4190121"),
    ("さくら台二丁目", "4190122"), ("緑町", "4190131"), ("栄町", "4190132"), ("旭町", "4190133"),
    ("東町", "4190141"), ("西町", "4190142"), ("南町", "4190143"), ("北町", "4190144"),
    ("大字見本", "4190151"),
)
APARTMENTS = ("コーポ見本", "さくらハイツ", "メゾン緑", "見本レジデンス", "グリーンハイム")

# (kanji, katakana reading): common name parts only.
SURNAMES = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
    ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
    ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"), ("望月", "モチヅキ"),
)
MALE_NAMES = (
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健太", "ケンタ"), ("翔", "ショウ"), ("大輔", "ダイスケ"),
    ("誠", "マコト"), ("浩", "ヒロシ"), ("隆", "タカシ"), ("蓮", "レン"), ("悠真", "ユウマ"),
    ("健一", "ケンイチ"), ("正男", "マサオ"), ("清", "キヨシ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"),
)
FEMALE_NAMES = (
    ("花子", "ハナコ"), ("陽子", "ヨウコ"), ("美咲", "ミサキ"), ("愛", "アイ"), ("恵子", "ケイコ"),
    ("由美", "ユミ"), ("結衣", "ユイ"), ("さくら", "サクラ"), ("和子", "カズコ"), ("幸子", "サチコ"),
    ("陽菜", "ヒナ"), ("美穂", "ミホ"), ("真由美", "マユミ"), ("明美", "アケミ"), ("千尋", "チヒロ"),
)

#: A foreign name part: (alphabet, katakana reading, kanji or '').
ForeignPart = tuple[str, str, str]
#: A nationality's (surnames, male given names, female given names).
ForeignNames = tuple[tuple[ForeignPart, ...], tuple[ForeignPart, ...], tuple[ForeignPart, ...]]
#: 国籍等_国名コード (ISO 3166 numeric) -> (surnames, male given names, female given names).
FOREIGN_NAMES: dict[str, ForeignNames] = {
    "156": (  # China
        (("ZHANG", "チャン", "張"), ("WANG", "ワン", "王"), ("LI", "リ", "李"), ("LIU", "リュウ", "劉"),
         ("CHEN", "チェン", "陳")),
        (("WEI", "ウェイ", "偉"), ("LEI", "レイ", "磊"), ("HAO", "ハオ", "浩"), ("JUN", "ジュン", "軍")),
        (("YULIN", "ユーリン", "玉林"), ("FANG", "ファン", "芳"), ("JING", "ジン", "静"), ("MIN", "ミン", "敏")),
    ),
    "410": (  # Korea
        (("KIM", "キム", "金"), ("LEE", "イ", "李"), ("PARK", "パク", "朴"), ("CHOI", "チェ", "崔"),
         ("KANG", "カン", "姜")),
        (("YOUNGHO", "ヨンホ", "英浩"), ("SUNGMIN", "ソンミン", "成民"), ("JAEHYUN", "ジェヒョン", "在賢")),
        (("MIKYUNG", "ミギョン", "美京"), ("SOOJIN", "スジン", "秀珍"), ("EUNJI", "ウンジ", "恩智")),
    ),
    "704": (  # Viet Nam
        (("NGUYEN", "グエン", ""), ("TRAN", "チャン", ""), ("LE", "レ", ""), ("PHAM", "ファム", "")),
        (("VAN NAM", "ヴァンナム", ""), ("VAN HUNG", "ヴァンフン", ""), ("DUC ANH", "ドゥックアイン", "")),
        (("THI HOA", "ティホア", ""), ("THI LAN", "ティラン", ""), ("THU HA", "トゥハ", "")),
    ),
    "608": (  # Philippines
        (("SANTOS", "サントス", ""), ("REYES", "レイエス", ""), ("CRUZ", "クルス", ""), ("GARCIA", "ガルシア", "")),
        (("JOSE", "ホセ", ""), ("MARK", "マーク", ""), ("JOHN", "ジョン", "")),
        (("MARIA", "マリア", ""), ("ANNA", "アンナ", ""), ("GRACE", "グレース", "")),
    ),
    "076": (  # Brazil
        (("SILVA", "シルバ", ""), ("SOUZA", "ソウザ", ""), ("OLIVEIRA", "オリベイラ", ""), ("PEREIRA", "ペレイラ", "")),
        (("JOAO", "ジョアン", ""), ("PEDRO", "ペドロ", ""), ("LUCAS", "ルーカス", "")),
        (("ANA", "アナ", ""), ("JULIANA", "ジュリアナ", ""), ("BEATRIZ", "ベアトリス", "")),
    ),
    "104": (  # Myanmar
        (("AUNG", "アウン", ""), ("HTUN", "トゥン", "")),
        (("KYAW", "チョー", ""), ("ZAW", "ゾー", "")),
        (("THIDA", "ティダ", ""), ("SANDAR", "サンダー", "")),
    ),
    "364": (  # Iran
        (("HOSSEINI", "ホセイニ", ""), ("AHMADI", "アフマディ", "")),
        (("ALI", "アリ", ""), ("REZA", "レザ", "")),
        (("SARA", "サラ", ""), ("MARYAM", "マルヤム", "")),
    ),
    "840": (  # United States: persons who lost Japanese nationality keep a Japanese name
        (("TANAKA", "タナカ", "田中"), ("KIMURA", "キムラ", "木村")),
        (("KENJI", "ケンジ", "健二"), ("HIROSHI", "ヒロシ", "浩")),
        (("EMI", "エミ", "恵美"), ("YUKO", "ユウコ", "裕子")),
    ),
}
#: Nationalities of ordinary 中長期在留者 households.
MID_LONG_NATIONALITIES = ("156", "704", "608", "076", "156", "704")

#: 在留資格等コード of this test data (our codes, not an official table) -> possible (年, 月) periods.
STATUSES: dict[str, tuple[tuple[str, str], ...]] = {
    "14": (("01", ""), ("03", ""), ("05", "")),  # 技術・人文知識・国際業務
    "16": (("01", "03"), ("02", "03"), ("04", "03")),  # 留学
    "18": (("01", ""), ("03", "")),  # 家族滞在
    "20": (("01", ""),),  # 技能実習
    "24": (("01", ""), ("03", ""), ("05", "")),  # 日本人の配偶者等
    "26": (("01", ""), ("03", ""), ("05", "")),  # 定住者
}
WORK_STATUSES = ("14", "16", "20")

#: Items each 第30条45規定区分 requires; the items of the other categories stay empty.
CATEGORY_ITEMS: dict[str, tuple[str, ...]] = {
    "1": ("在留資格等コード", "在留期間等コード_年", "在留期間の満了の日", "在留カード等番号"),
    "2": ("在留カード等番号",),
    "3": ("上陸期間_満了日",),
    "4": ("仮滞在期間_満了日",),
    "5": (),
    "6": (),
}
# -- building blocks shared with conformance.strategies ---------------------------------------------

#: (kanji, katakana reading) name parts.
NamePart = tuple[str, str]


def japanese_name_parts() -> tuple[tuple[NamePart, ...], tuple[NamePart, ...], tuple[NamePart, ...]]:
    """The town's Japanese name parts: (surnames, male given names, female given names)."""
    return SURNAMES, MALE_NAMES, FEMALE_NAMES


def foreign_name_parts() -> Mapping[str, ForeignNames]:
    """国籍等_国名コード -> (surnames, male given names, female given names) as (alphabet, katakana, kanji or '')."""
    return MappingProxyType(FOREIGN_NAMES)


def residence_statuses() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """The test data's 在留資格等コード -> its possible (在留期間等コード_年, 在留期間等コード_月) periods."""
    return MappingProxyType(STATUSES)


def apartment_names() -> tuple[str, ...]:
    """Invented apartment names for 住所_方書."""
    return APARTMENTS
