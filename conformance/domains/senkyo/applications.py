"""選挙人名簿管理's oracle of who may inspect the 抄本 on an 申出 (公職選挙法 第28条の2第1項・第2項・第9項, 第28条の3
第1項・第2項): the 申出's items as the 選挙人名簿 record names them, and the 閲覧者 each 申出 lets inspect."""

from __future__ import annotations

from dataclasses import dataclass

# -- 第28条の2第1項・第2項・第9項, 第28条の3第1項・第2項: who may inspect the 抄本 on an 申出 --------------------------

#: 閲覧_活動: the 活動 of 第28条の2第1項's table (上欄) and 第28条の3第1項's 調査研究.
CONFIRMATION, POLITICAL_ACTIVITY, RESEARCH = "登録確認", "政治活動", "調査研究"
#: 閲覧_申出者区分: the 申出者 of the table's 中欄 and of 第28条の3第1項各号.
ELECTOR, CANDIDATE, POLITICAL_GROUP = "選挙人", "公職の候補者等", "政治団体"
STATE_ORGAN, CORPORATION, INDIVIDUAL = "国等の機関", "法人", "個人"
#: 閲覧_閲覧者区分: what the person asked about is to the 申出者.
APPLICANT_SELF = "申出者本人"
DESIGNEE = "申出者が指定する者"
MEMBER_DESIGNATED = "役職員又は構成員で申出者が指定するもの"
UNDESIGNATED = "申出者が指定していない者（役職員又は構成員を含む。）"
JOINT_MEMBER_DESIGNATED = "共同して申出をした他の法人の役職員又は構成員で申出者が指定するもの"
APPROVED_HANDLER = "承認法人閲覧事項取扱者"
STAFF_DESIGNATED = "職員で申出者が指定するもの"
#: The items an 申出 states (第28条の2第2項各号, 第28条の3第2項各号), as the 選挙人名簿 record names them.
STATES_APPLICANT, STATES_PURPOSE, STATES_INSPECTOR = "閲覧_申出者氏名住所", "閲覧_利用目的", "閲覧_閲覧者氏名住所"
STATES_MANAGEMENT, STATES_HANDLERS, STATES_RESULTS = "閲覧_管理方法", "閲覧_取扱者範囲", "閲覧_成果の取扱い"
#: The items of a 政治団体's 申出 of 第28条の2第7項 to let a 法人 handle the 閲覧事項 (第1号〜第4号).
CORPORATION_NAME, CORPORATION_REASON = "閲覧_法人_名称等", "閲覧_法人_事由"
CORPORATION_HANDLERS, CORPORATION_MANAGEMENT = "閲覧_法人_取扱者範囲", "閲覧_法人_管理方法"
CORPORATION_ITEMS = (CORPORATION_NAME, CORPORATION_REASON, CORPORATION_HANDLERS, CORPORATION_MANAGEMENT)


@dataclass(frozen=True)
class Application:
    """An 申出 of 閲覧 of the 抄本 and the person asked about as its 閲覧者: ``activity`` (閲覧_活動), ``applicant``
    (閲覧_申出者区分), ``inspector`` (閲覧_閲覧者区分), ``approved`` (第28条の2第8項's 承認 of a 法人 given to the
    政治団体), ``stated`` the items of 第2項 the 申出 states."""

    activity: str
    applicant: str
    inspector: str
    approved: bool
    stated: frozenset[str]


def inspector_in_political_table(application: Application) -> bool:
    """第28条の2第1項's table: 登録確認, 選挙人, 「申出をした選挙人」; 政治活動, 公職の候補者等,
    「申出をした公職の候補者等又は当該公職の候補者等が指定する者」; 政治活動, 政治団体,
    「役職員又は構成員で、当該政党その他の政治団体が指定するもの」 (第9項:
    「構成員（第十項に規定する承認法人閲覧事項取扱者を含む。）」 for a 政治団体 with 第8項's 承認). Any other
    申出者 of these 活動 (a 選挙人 for 政治活動) is none of the table's."""
    who = (application.activity, application.applicant)
    if who == (CONFIRMATION, ELECTOR):
        return application.inspector == APPLICANT_SELF
    if who == (POLITICAL_ACTIVITY, CANDIDATE):
        return application.inspector in (APPLICANT_SELF, DESIGNEE)
    if who == (POLITICAL_ACTIVITY, POLITICAL_GROUP):
        return application.inspector == MEMBER_DESIGNATED or (application.inspector == APPROVED_HANDLER
                                                              and application.approved)
    return False


def inspector_in_research_items(application: Application) -> bool:
    """第28条の3第1項各号: 第1号 国等の機関, 「職員で、当該国等の機関が指定するもの」; 第2号 法人,
    「役職員又は構成員（他の法人と共同して申出をする場合にあつては、当該他の法人の役職員又は構成員を含む。）で、
    当該法人が指定するもの」; 第3号 個人, 「申出をした個人又はその指定する者」."""
    if application.applicant == STATE_ORGAN:
        return application.inspector == STAFF_DESIGNATED
    if application.applicant == CORPORATION:
        return application.inspector in (MEMBER_DESIGNATED, JOINT_MEMBER_DESIGNATED)
    if application.applicant == INDIVIDUAL:
        return application.inspector in (APPLICANT_SELF, DESIGNEE)
    return False


def required_items(application: Application) -> frozenset[str]:
    """The items the 申出 must state. 第28条の2第2項: 第1号 申出者の氏名及び住所, 第2号 利用の目的, 第3号
    閲覧者の氏名及び住所, 第4号ロ (政治団体) 管理の方法 and the 範囲 of those who handle the 閲覧事項; 第4号イ
    (選挙人, 公職の候補者等: 管理の方法) is not required here (ours: the ただし書 lets a 総務省令 case leave it
    out, and the 省令 is not among the sources). 第28条の3第2項: 第1号〜第3号 as these, 第4号 the 成果の取扱い,
    第5号イ (法人) 管理の方法 and the 範囲, ロ (個人) 管理の方法. 第5号 and 第6号 of each (総務省令で定める事項) are
    not judged."""
    items = {STATES_APPLICANT, STATES_PURPOSE, STATES_INSPECTOR}
    if application.activity == RESEARCH:
        items.add(STATES_RESULTS)
        if application.applicant == CORPORATION:
            items |= {STATES_MANAGEMENT, STATES_HANDLERS}
        elif application.applicant == INDIVIDUAL:
            items.add(STATES_MANAGEMENT)
    elif application.applicant == POLITICAL_GROUP:
        items |= {STATES_MANAGEMENT, STATES_HANDLERS}
    if application.inspector == APPROVED_HANDLER:
        # 第8項's 承認 is of 「前項の規定による申出」, one stating 第7項第1号〜第4号 (第5号, 総務省令で定める事項, not
        # judged): ours, a 承認法人閲覧事項取扱者 of an 申出 without them is none of 第9項's.
        items |= set(CORPORATION_ITEMS)
    return frozenset(items)


def may_inspect(application: Application) -> bool:
    """Whether the person may inspect the 抄本 on the 申出 (outside 第28条の2第1項's window, no election held): the
    person is one the table or 第28条の3第1項各号 names for its 申出者, and the 申出 states every item 第2項
    requires (ours: an 申出 that does not is not 「前項の申出」, and 第28条の4第8項 forbids any other 閲覧; the
    委員会's refusal of 第3項 is its decision, not recorded here)."""
    named = (inspector_in_research_items(application) if application.activity == RESEARCH
             else inspector_in_political_table(application))
    return named and required_items(application) <= application.stated
