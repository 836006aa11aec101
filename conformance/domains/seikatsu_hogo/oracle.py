"""生活保護 (生活保護法, statute edition ``seikatsu_hogo 2025.12``): the rules the harness can check on one
要保護者's record, as pure functions.

- 第19条第1項第1号・第2号, 第2項, 第3項: who is the 保護の実施機関 (here: the municipality whose 福祉事務所's
  所管区域 holds the place the law names; the record gives places as 市区町村コード);
- 第24条第5項・第6項・第7項: the day the decision notice is due (14 days from the application, 30 with a
  特別な理由), whether the notice must state why it is late, whether the applicant may deem the
  application rejected;
- 第8条第1項: the 程度 of 保護, the shortfall of the 要保護者's money against the need measured by the 基準.
- 第4条, 第10条: what meets the need before 保護 (the 世帯's income, the 扶養, the other laws' 扶助, the usable
  assets; in an 急迫 only the income);
- 第6条: 被保護者, 保護金品, 金銭給付 and 現物給付; 第7条: who may apply; 第11条-第13条: the kinds of 扶助;
- 第24条第8項 (the notice to a 扶養義務者 and its ただし書), 第10項 (the 町村長 forwards within 5 days).

Periods in days do not count the day of the application (民法第140条, 初日不算入: the edition's reading,
spec_catalog/seikatsu_hogo/2025.12/provisions.yaml).
"""

from __future__ import annotations

from datetime import date, timedelta

#: 第24条第5項: 十四日以内; ただし書: 三十日まで.
NOTICE_DAYS, EXTENDED_NOTICE_DAYS = 14, 30


def implementing_area(residence: str | None, current: str | None, *, urgent: bool = False,
                      before_residence: str | None = None, before_current: str | None = None,
                      in_facility: bool = False) -> str | None:
    """The 所管区域 (市区町村コード) of the 保護の実施機関.

    第19条第3項: during an 入所 or 委託 (第30条第1項ただし書), the 居住地 (else the 現在地) before it;
    第19条第2項: a 要保護者 in an 急迫した状況 is protected where he is (現在地) even with a known 居住地;
    第19条第1項第1号: else the 居住地; 第2号: no 居住地 (or not known), the 現在地."""
    if in_facility:
        return before_residence or before_current
    if urgent and current is not None:
        return current
    return residence if residence is not None else current


def notice_deadline(applied: date, *, special_reason: bool) -> date:
    """The last day of the 第24条第3項 notice: 申請のあつた日から十四日以内 (第5項), 三十日まで with a
    特別な理由 such as the 扶養義務者's 資産及び収入の調査 (ただし書)."""
    return applied + timedelta(days=EXTENDED_NOTICE_DAYS if special_reason else NOTICE_DAYS)


def delay_reason_required(applied: date, notified: date) -> bool:
    """第24条第6項: a notice given after the 14 days of 第5項本文 states the reason in the 書面."""
    return notified > notice_deadline(applied, special_reason=False)


def deemed_rejected(applied: date, notified: date | None, as_of: date) -> bool:
    """第24条第7項: no notice within 30 days of the application -> on ``as_of`` the applicant may deem the
    application rejected (from the 31st day, unless the notice came within the 30 days)."""
    last = notice_deadline(applied, special_reason=True)
    return as_of > last and (notified is None or notified > last)


def shortfall(need: int, income: int) -> int:
    """第8条第1項: 保護 makes up the part of the need (measured by the 基準) the 要保護者's money and goods
    cannot meet: the need less the income, never below zero (yen per month)."""
    return max(0, need - income)


# -- 第6条: the words the law defines ------------------------------------------------------------------


def receiving(started: date | None, ended: date | None, as_of: date) -> bool:
    """第6条第1項: a 被保護者 is one 現に保護を受けている: from the 保護's first day (its 開始) up to the day
    before its 廃止 (the 廃止 takes effect on its day: the edition's reading, as 国民健康保険法 第6条第9号's
    oracle reads the same record)."""
    return started is not None and started <= as_of and (ended is None or as_of < ended)


#: 第6条第3項-第5項: what a 給付 gives (its 内容, as the record names it) -> whether it is 金銭.
BENEFITS: dict[str, bool] = {"金銭の給与": True, "金銭の貸与": True, "物品の給与": False, "物品の貸与": False,
                             "医療の給付": False, "役務の提供": False}


def benefit_method(content: str) -> str:
    """第6条第4項: 金銭の給与又は貸与 is 金銭給付; 第5項: 物品の給与又は貸与, 医療の給付, 役務の提供 (any way but
    金銭給付) is 現物給付."""
    return "金銭給付" if BENEFITS[content] else "現物給付"


def protection_goods(content: str) -> bool:
    """第6条第3項: 保護金品 are the 金銭及び物品 given (給与) or lent (貸与) as 保護; 医療の給付 and 役務の提供 are
    neither."""
    return content in ("金銭の給与", "金銭の貸与", "物品の給与", "物品の貸与")


# -- 第7条: who may apply ------------------------------------------------------------------------------

#: 第7条: the applicant's standing as the record names it; 保護 starts on the application of the 要保護者, his
#: 扶養義務者 or another 同居の親族 (a 親族 living apart who is no 扶養義務者, or anyone else, has none).
APPLICANTS: dict[str, bool] = {"要保護者": True, "扶養義務者": True, "同居の親族": True, "別居の親族": False,
                               "その他": False}


def may_apply(applicant: str) -> bool:
    """第7条本文: whether the application of ``applicant`` starts 保護."""
    return APPLICANTS[applicant]


# -- 第4条, 第8条第1項, 第10条: whether 保護 is needed and how much ------------------------------------


def resources(*, income: int, household_income: int = 0, support: int = 0, other_aid: int = 0, assets: int = 0,
              urgent: bool = False) -> int:
    """What meets the need before 保護 (yen per month): the 世帯's income (第10条: the 世帯 is the unit, so the
    other members' income counts with the 要保護者's), the 扶養 of the 扶養義務者 and the 扶助 of other laws
    (第4条第2項: they come first), and the 資産 it can use (第4条第1項: using them is the 要件). In an 急迫
    (第4条第3項) those two paragraphs do not stand in the way: the 扶養, the other laws' 扶助 and the assets
    not yet realised are not waited for, only the income counts."""
    counted = income + household_income
    return counted if urgent else counted + support + other_aid + assets


def needed(need: int, available: int) -> bool:
    """保護の要否 (and 第6条第2項's 保護を必要とする状態): the need measured by the 基準 exceeds what meets it
    (``available``, :func:`resources`)."""
    return need > available


# -- 第11条-第13条: the kinds of 扶助 ------------------------------------------------------------------

#: 第11条第1項: the kinds of 保護, in the order of its 号.
AID_KINDS = ("生活扶助", "教育扶助", "住宅扶助", "医療扶助", "介護扶助", "出産扶助", "生業扶助", "葬祭扶助")
#: A need (as the record names it) -> the 扶助 that meets it. 第12条第1号 (衣食その他日常生活の需要: 食費,
#: 被服費, 光熱水費) and 第2号 (移送): 生活扶助; 第13条第1号 (教科書, 学用品), 第2号 (通学用品), 第3号 (学校給食):
#: 教育扶助; the other kinds by their names in 第11条第1項第3号-第8号 (their own articles, 第14条-第18条, are
#: not quoted by the edition: the edition's reading).
NEEDS: dict[str, str] = {
    "食費": "生活扶助", "被服費": "生活扶助", "光熱水費": "生活扶助", "移送": "生活扶助",
    "教科書": "教育扶助", "学用品": "教育扶助", "通学用品": "教育扶助", "学校給食": "教育扶助",
    "住宅": "住宅扶助", "医療": "医療扶助", "介護": "介護扶助", "出産": "出産扶助", "生業": "生業扶助",
    "葬祭": "葬祭扶助"}


def aid_kinds(needs: list[str]) -> list[str]:
    """第11条第2項: the 扶助 are given 単給又は併給 as the 要保護者 needs them: every kind one of ``needs`` calls
    for, each once, listed in 第11条第1項's order (the text orders no answer: the checks compare in any order)."""
    wanted = {NEEDS[need] for need in needs}
    return [kind for kind in AID_KINDS if kind in wanted]


# -- 第24条第8項, 第10項 ------------------------------------------------------------------------------

#: 第24条第10項: the 町村長 forwards an application 五日以内 of receiving it.
FORWARD_DAYS = 5


def support_notice(*, known: bool, failing: bool, unsuitable: bool) -> bool:
    """第24条第8項: before deciding to start 保護, a 知れたる扶養義務者 who is found not to fulfil the 扶養義務 is
    notified in writing; ただし書: not where notifying beforehand is not suitable (the 省令's cases, given by the
    record)."""
    return known and failing and not unsuitable


def forward_deadline(received: date) -> date:
    """第24条第10項: 五日以内 of the day the 町村長 received the application (初日不算入, 民法第140条)."""
    return received + timedelta(days=FORWARD_DAYS)
