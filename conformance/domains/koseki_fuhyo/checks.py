"""Scenario checks of 戸籍の附票 (住民基本台帳法・同施行令; the statute edition ``koseki_fuhyo 2025.12``).

The harness plays both sides the 附票 is made from: the 住民記録 (generated residents appended to the
vendor: a 世帯主 with 0 to 2 children, who may move abroad or to another municipality) and the 戸籍
(the family's 戸籍 with its 本籍 in the town, POSTed to the profile's ``targets.load.koseki_path``: the
世帯主 is the 筆頭者, the children are 在籍者; without the path the checks are NOT_AUTOMATED). Then
the per-person query of the 筆頭者 answers the 附票 (``戸籍の附票``: 戸籍の表示 and one ``記載`` per
person), compared with :mod:`conformance.domains.koseki_fuhyo.oracle`. Each check judges one item, so a wrong item
fails its own provision only:

- 法 第16条第1項: an entry for every person of the 戸籍, one living in another municipality too (his
  住所 as that 住所地 notified it, 法 第19条第1項);
- 法 第17条の2第1項: the 筆頭者 who moved abroad and whom a 選挙管理委員会 registered in the 在外選挙人名簿 (or
  moved there, or registered in the 在外投票人名簿) has その旨 and the 市町村名 recorded (``在外選挙人名簿等``: the
  notice of 第2項, which the harness sends with the 戸籍);
- 施行令 第18条第2項: the children who entered the 戸籍 after it was registered with the 筆頭者 alone have entries;
- 法 第17条第1項 第1号, 第2号, 第2号の2, 第5号, 第6号: 戸籍の表示, 氏名, 氏名の振り仮名, 出生の年月日,
  男女の別 of every entry, as the 戸籍 says;
- 法 第17条第1項 第3号, 第4号: the 筆頭者's 住所 (国外転出者: that he is one) and 住所を定めた年月日
  (国外転出者: the 転出の予定年月日), for one who stays or moves abroad;
- 施行令 第20条第1項: the 住所 corrected when the 筆頭者 moves to another municipality (the 転入通知's
  municipality and 転入日);
- 施行令 第19条第1項: the entry of a child removed from the 戸籍 (除籍) is 消除;
- 法 第21条の2: that entry, the 除票, still records the child's 氏名, 出生の年月日 and 男女の別 (that they are
  there; whether they are right is 第17条's);
- 施行令 第21条第2項 (reading 第13条第1項) and 法 第21条の2: it records the day of the 消除 (``消除年月日``: not
  before the 除籍 and not after the query; the day the 市町村長 消除 it, which the 戸籍 does not tell);
- 施行令 第34条第3項: the 附票本人確認情報 notified of the removed child (``附票本人確認情報``: each notice's 区分,
  通知日 and 保存期限, in order): a 記載 notice kept until 150 years counted from the next notice (the 消除's) have
  passed (第1号), the 消除 notice until 150 years counted from its own day (第2号); 起算して counts that day (not
  第1項's next day); the 通知日 are the vendor's, the 保存期限 is judged against them; longer is no breach;
- 施行令 第34条第2項 (``IDENTITY_RULES``, no 戸籍 needed): the same for the 本人確認情報 the town notified of the
  筆頭者 who moved abroad (the answer's ``本人確認情報の保存``: a 記載 notice, then the 消除's);
- 施行令 第34条第4項: the 選挙管理委員会's 通知書 received (the same notice's ``受理日`` and ``保存期限``) kept one
  year from the day it was received, counted as 民法 counts (the next day first: 2025-04-01 -> 2026-04-01), not as
  第2項 and 第3項's 起算して;
- 施行令 第34条第1項: the 除票 is kept 百五十年間 (``保存期限``, the last day it is kept: not before
  :func:`conformance.domains.koseki_fuhyo.oracle.kept_until` of the 除籍 day).

The 柱書 of 法 第17条第1項 is judged by every item's check, 法 第18条 (職権) by ``created``, ``follows_move`` and
``removed`` (made with no request), 施行令 第18条第1項 by ``created``. 第17条第1項第7号 (住民票コード) is judged for
the 在籍者 living elsewhere (``juminhyo_code``: the code his 住所地 notified, sent with the 戸籍); for the town's
residents it is MANUAL: the generated rows carry no 住民票コード.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from hypothesis import strategies as st

from conformance import clock
from conformance.checks.registry import CheckContext, NotAutomated, target_of
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _birth, run_rule
from conformance.checks.statute_rules import Statute, own_rule_checks, rule_checks
from conformance.domains.koseki_fuhyo import oracle as fuhyo
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.dates import fiscal_year_of
from conformance.targets.base import HttpClient

PART = "戸籍の附票"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("koseki_fuhyo", PART)
#: The default path of the 戸籍 (the reference's; a profile names its own in targets.load.koseki_path).
KOSEKI_PATH = "/admin/koseki"
#: The family's 本籍 in the test town (静岡県見本町: fictional, as its addresses are).
HONSEKI = "静岡県見本町本町一丁目99番地"
#: The names the generated rows carry (conformance/checks/scenarios.py _base_row): the 戸籍 says the same.
HEAD = ("見本\u3000花子", "ミホン\u3000ハナコ", "2")
CHILD = ("見本\u3000一郎", "ミホン\u3000イチロウ", "1")
#: A 在籍者 living in another municipality (not in the town's 住民記録), as his 住所地 notified him.
ELSEWHERE = {"宛名番号": None, "氏名": "見本\u3000次郎", "氏名_フリガナ": "ミホン\u3000ジロウ",
             "生年月日": "1975-07-07", "性別": "1", "住所_市区町村コード": "131016",
             "住所を定めた年月日": "2020-04-01", "住民票コード": "80000000016"}
#: The 市町村 whose 選挙管理委員会 registered the 筆頭者 (法 第17条の2第1項's 市町村名), by the scenario.
_VOTER_TOWNS = ("東京都千代田区", "大阪府大阪市", "北海道札幌市", "福岡県福岡市")
#: The day the first child leaves the 戸籍 (e.g. by 婚姻) in the 消除 scenarios.
REMOVED_ON = date(2025, 1, 15)
_LAST_STORED = date(2025, 12, 31)
_DAY = timedelta(days=1)


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def families(draw: st.DrawFn, codes: tuple[str, str], endings: tuple[str, ...] = (
        "stay", "abroad", "moved", "gap", "early")) -> Scenario:
    """A 世帯主 (the 筆頭者) who moved in from a municipality or from abroad, with 0 to 2 children born
    before or after, maybe moving out (abroad, or to another municipality the same day, later or
    earlier than planned)."""
    birth = draw(_birth(1950, 1990))
    moved_in = draw(st.dates(date(birth.year + 20, 4, 1), date(2024, 12, 31)))
    kids = draw(st.lists(st.dates(date(birth.year + 20, 1, 1), date(2025, 6, 30)), max_size=2, unique=True))
    start = Scenario(fiscal_year_of(moved_in), birth, moved_in, previous=draw(st.sampled_from((None, *codes))),
                     children=tuple(sorted(kids)))
    kind = draw(st.sampled_from(endings))
    day = draw(st.dates(moved_in + _DAY, _LAST_STORED - timedelta(days=10)))
    step = timedelta(days=draw(st.integers(1, 10)))
    code = draw(st.sampled_from(codes))
    return {
        "stay": start,
        "abroad": replace(start, planned_out=day),
        "moved": replace(start, planned_out=day, elsewhere=day, next=code),
        "gap": replace(start, planned_out=day, elsewhere=day + step, next=code),
        "early": replace(start, planned_out=day + step, elsewhere=day, next=code),
    }[kind]


def _staying_or_emigrating(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return families(codes, ("stay", "abroad"))


def _emigrating(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return families(codes, ("abroad",))


def _moving_on(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return families(codes, ("moved", "gap", "early"))


def _with_children(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return families(codes).filter(lambda s: bool(s.children))


# -- the 戸籍 the harness registers ----------------------------------------------------------------


def _member(atena: str, names: tuple[str, str, str], birth: date, removed: date | None = None) -> dict[str, Any]:
    return {"宛名番号": atena, "氏名": names[0], "氏名_フリガナ": names[1], "生年月日": birth.isoformat(),
            "性別": names[2], "除籍年月日": removed.isoformat() if removed else None}


def overseas_notice(scenario: Scenario) -> dict[str, str]:
    """The 選挙管理委員会's notice (法 第17条の2第2項) of the 筆頭者 who moved abroad: which of the three
    registrations and the 市町村名, varied with the scenario's day of moving out."""
    day = (scenario.planned_out or scenario.moved_in).toordinal()
    return fuhyo.overseas_record(fuhyo.OVERSEAS_KINDS[day % 3], _VOTER_TOWNS[day % len(_VOTER_TOWNS)])


def koseki_of(scenario: Scenario, loaded: Loaded, *, elsewhere: bool = False, removed: bool = False,
              overseas: bool = False) -> dict[str, Any]:
    """The family's 戸籍: the 世帯主 (筆頭者) and the children; with ``elsewhere`` one more 在籍者 who
    lives in another municipality; with ``removed`` the first child 除籍 on :data:`REMOVED_ON`; with ``overseas``
    the 筆頭者 carries the 選挙管理委員会's notice (``在外選挙人名簿等``, :func:`overseas_notice`), which the 本籍地
    receives as it receives the 戸籍 (the harness plays both)."""
    members = [_member(loaded.atena, HEAD, scenario.birth)]
    if overseas:
        members[0]["在外選挙人名簿等"] = overseas_notice(scenario)
    members += [_member(atena, CHILD, birth, REMOVED_ON if removed and index == 0 else None)
                for index, (atena, birth) in enumerate(zip(loaded.children, scenario.children, strict=True))]
    if elsewhere:
        members.append(dict(ELSEWHERE))
    return {"本籍": HONSEKI, "筆頭者氏名": HEAD[0], "在籍者": members}


def register(client: HttpClient, scenario: Scenario, loaded: Loaded, *, path: str = KOSEKI_PATH,
             elsewhere: bool = False, removed: bool = False, joined: bool = False, overseas: bool = False) -> None:
    """POST the family's 戸籍 (:func:`koseki_of`) to the vendor; with ``joined`` first the 戸籍 as it was
    編製 with the 筆頭者 alone, then as it is once the others entered it (施行令 第18条第2項)."""
    body = koseki_of(scenario, loaded, elsewhere=elsewhere, removed=removed, overseas=overseas)
    for sent in ({**body, "在籍者": body["在籍者"][:1]}, body) if joined else (body,):
        response = client.request("post", path, json=sent)
        if response.status not in (200, 201, 204):
            raise TargetError(f"registering the scenario's 戸籍: POST {path} answered {response.status}")


# -- rules ----------------------------------------------------------------------------------------


def _keys(s: Scenario, *, elsewhere: bool = False) -> list[str]:
    """The persons of the 戸籍 as the projections name them."""
    return ["筆頭者", *(f"子{index}" for index in range(len(s.children))), *(("他市町村",) if elsewhere else ())]


def _per_person(name: str, value: Callable[[Scenario, str], Any]) -> Callable[[Scenario, str], Projection]:
    """The item ``name`` of every entry: ``value(s, key)``."""
    return lambda s, town: {name: {key: value(s, key) for key in _keys(s)}}


def _created(s: Scenario, town: str) -> Projection:
    return {"記載": sorted(_keys(s, elsewhere=True))}


def _joined(s: Scenario, town: str) -> Projection:
    """施行令 第18条第2項: every person who entered the 戸籍 after its 附票 was made has an entry."""
    return {"記載": sorted(_keys(s))}


def _display(s: Scenario, town: str) -> Projection:
    return {"戸籍の表示": {"本籍": HONSEKI, "筆頭者氏名": HEAD[0]}}


def _names(s: Scenario, key: str) -> tuple[str, str, str]:
    return HEAD if key == "筆頭者" else CHILD


def _birth_of(s: Scenario, key: str) -> str:
    return (s.birth if key == "筆頭者" else s.children[int(key[1:])]).isoformat()


def _address_of(s: Scenario, town: str) -> fuhyo.FuhyoAddress:
    return fuhyo.fuhyo_address(town, s.moved_in, s.planned_out, moved_in_elsewhere=s.elsewhere,
                               next_municipality=s.next)


def _address(s: Scenario, town: str) -> Projection:
    address = _address_of(s, town)
    return {"住所_市区町村コード": address.municipality, "国外転出者": address.emigrant}


def _address_date(s: Scenario, town: str) -> Projection:
    return {"住所を定めた年月日": _address_of(s, town).since.isoformat()}


def _corrected(s: Scenario, town: str) -> Projection:
    address = _address_of(s, town)
    return {"住所_市区町村コード": address.municipality, "住所を定めた年月日": address.since.isoformat()}


def _removed(s: Scenario, town: str) -> Projection:
    return {"子0の消除": fuhyo.is_removed(REMOVED_ON)}


def _overseas(s: Scenario, town: str) -> Projection:
    """法 第17条の2第1項: the 筆頭者's entry records the registration and its 市町村名."""
    return {"筆頭者の在外選挙人名簿等": overseas_notice(s)}


#: How a 保存期限 the text allows is shown (not before the day 150 years counted from the right notice have
#: passed; keeping longer is no breach), and how a 記載 notice without a newer one is shown (not fixed yet).
NOTICE_KEPT = "起算日から150年を経過する日以後"
NOT_FIXED = "未確定"


def _notices_expected(kinds: tuple[str, ...], label: str = "子0の附票本人確認情報",
                      ) -> Callable[[Scenario, str], Projection]:
    """施行令 第34条第3項 (第2項): the notices of a person 消除 (a 記載, then the 消除): the ones of ``kinds`` kept long
    enough, each from the day the 号 names."""
    def expected(s: Scenario, town: str) -> Projection:
        return {label: [{"区分": kind, "保存期限": NOTICE_KEPT}
                        for kind in (fuhyo.RECORDED, fuhyo.REMOVED) if kind in kinds]}

    return expected


#: How a 保存期限 of a received 通知書 the text allows is shown (施行令 第34条第4項: not before one year from the
#: day it was received, counted as 民法 counts; keeping longer is no breach).
DOCUMENT_KEPT = "受理の日から1年間以後"


def _document_kept(s: Scenario, town: str) -> Projection:
    return {"筆頭者の通知書の保存期限": DOCUMENT_KEPT}


def _code(s: Scenario, town: str) -> Projection:
    """法 第17条第1項第7号: the 住民票コード of the 在籍者 living elsewhere, as his 住所地 notified it (第19条第1項)."""
    return {"他市町村の住民票コード": ELSEWHERE["住民票コード"]}


#: The items of 法 第17条第1項 the 除票 of a removed child keeps (法 第21条の2), as the answer names them: each
#: recorded of every person (the 振り仮名, a recent item, and the 住所, which a 国外転出者 has none of, are left to
#: their own checks). Whether each value is right is 第17条's checks'; this one judges that it is still there.
_KEPT_ITEMS = ("氏名", "出生の年月日", "男女の別")
KEPT = "記載あり"


def _removed_record(s: Scenario, town: str) -> Projection:
    """法 第21条の2: the 除票 keeps the entry's items and that it was 消除."""
    return {"子0の除票": {**dict.fromkeys(_KEPT_ITEMS, KEPT), "消除": True}}


#: How a 消除年月日 the text allows is shown (the day of the 消除: from the 除籍 to the day of the query).
REMOVAL_DAY_ALLOWED = "除籍の日から照会の日まで"


def _removal_date(s: Scenario, town: str) -> Projection:
    return {"子0の消除年月日": REMOVAL_DAY_ALLOWED}


def _kept(s: Scenario, town: str) -> Projection:
    return {"子0の除票の保存期限": f"{fuhyo.kept_until(REMOVED_ON).isoformat()}以後"}


# -- what the vendor answered ---------------------------------------------------------------------


def _fuhyo(document: Mapping[str, Any]) -> Mapping[str, Any]:
    part = document.get(PART)
    return part if isinstance(part, Mapping) else {}


def _entries(document: Mapping[str, Any], loaded: Loaded) -> dict[str, Mapping[str, Any]]:
    """The answer's entries by person: 筆頭者, 子0.., 他市町村 (no 宛名番号), 不明 (a number it should not know)."""
    keyed: dict[str, Mapping[str, Any]] = {}
    for entry in _fuhyo(document).get("記載") or []:
        if not isinstance(entry, Mapping):
            continue
        atena = entry.get("宛名番号")
        if atena == loaded.atena:
            keyed["筆頭者"] = entry
        elif atena in loaded.children:
            keyed[f"子{loaded.children.index(atena)}"] = entry
        else:
            keyed["他市町村" if atena is None else "不明"] = entry
    return keyed


def _listed(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"記載": sorted(_entries(document, loaded))}


def _shown_display(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    display = _fuhyo(document).get("戸籍の表示")
    shown = display if isinstance(display, Mapping) else {}
    return {"戸籍の表示": {"本籍": shown.get("本籍"), "筆頭者氏名": shown.get("筆頭者氏名")}}


def _item(name: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return {name: {key: entry.get(name) for key, entry in _entries(document, loaded).items()}}

    return pick


def _head(*names: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        entry = _entries(document, loaded).get("筆頭者", {})
        return {name: entry.get(name) for name in names}

    return pick


def _first_child_removed(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"子0の消除": _entries(document, loaded).get("子0", {}).get("消除")}


def _head_overseas(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    shown = _entries(document, loaded).get("筆頭者", {}).get("在外選挙人名簿等")
    if isinstance(shown, Mapping):
        shown = {"旨": shown.get("旨"), "市町村名": shown.get("市町村名")}
    return {"筆頭者の在外選挙人名簿等": shown}


def _child_notices(document: Mapping[str, Any], loaded: Loaded) -> object:
    return _entries(document, loaded).get("子0", {}).get("附票本人確認情報")


def _notices_shown(kinds: tuple[str, ...], read: Callable[[Mapping[str, Any], Loaded], object] = _child_notices,
                   label: str = "子0の附票本人確認情報") -> Callable[[Mapping[str, Any], Loaded], Projection]:
    """The notices of ``kinds`` as ``read`` answers them (the removed child's 附票本人確認情報 unless told), each
    保存期限 worded as the oracle words an allowed one (from the vendor's own 通知日: the day the 号 names, 150 years
    counted, or later), else as answered."""
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        notices = read(document, loaded)
        if not isinstance(notices, list) or not all(isinstance(n, Mapping) for n in notices):
            return {label: notices}
        shown = []
        for index, notice in enumerate(notices):
            if notice.get("区分") not in kinds:
                continue
            following = notices[index + 1] if index + 1 < len(notices) else {}
            start = fuhyo.notice_kept_from(str(notice.get("区分")), _iso_day(notice.get("通知日")) or date.min,
                                           _iso_day(following.get("通知日")))
            kept = _iso_day(notice.get("保存期限"))
            allowed = kept is not None and start is not None and kept >= fuhyo.elapsed_on(start)
            shown.append({"区分": notice.get("区分"), "保存期限": NOTICE_KEPT if allowed else notice.get("保存期限")})
        return {label: shown}

    return pick


#: 施行令 第34条第2項: the 本人確認情報 notified of the 筆頭者 (法 第30条の6第1項), a part of the per-person answer.
IDENTITY_PART, IDENTITY = "本人確認情報の保存", "筆頭者の本人確認情報"


def _identity_notices(document: Mapping[str, Any], loaded: Loaded) -> object:
    return document.get(IDENTITY_PART)


def _head_document_kept(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The 選挙管理委員会's 通知書 as the 筆頭者's entry keeps it: its 保存期限 worded as the oracle words an allowed
    one (from the vendor's own 受理日), else as answered."""
    notice = _entries(document, loaded).get("筆頭者", {}).get("在外選挙人名簿等")
    notice = notice if isinstance(notice, Mapping) else {}
    received, kept = _iso_day(notice.get("受理日")), _iso_day(notice.get("保存期限"))
    allowed = received is not None and kept is not None and kept >= fuhyo.kept_until(received, 1)
    return {"筆頭者の通知書の保存期限": DOCUMENT_KEPT if allowed else notice.get("保存期限")}


def _elsewhere_code(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"他市町村の住民票コード": _entries(document, loaded).get("他市町村", {}).get("住民票コード")}


def _first_child_record(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    entry = _entries(document, loaded).get("子0", {})
    kept = {name: KEPT if entry.get(name) else entry.get(name) for name in _KEPT_ITEMS}
    return {"子0の除票": {**kept, "消除": entry.get("消除")}}


def _iso_day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _first_child_removal_date(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The 消除年月日 as the oracle words an allowed one, else as answered."""
    shown = _entries(document, loaded).get("子0", {}).get("消除年月日")
    allowed = fuhyo.removal_day_allowed(_iso_day(shown), REMOVED_ON, clock.today())  # Japan's day (issue 65)
    return {"子0の消除年月日": REMOVAL_DAY_ALLOWED if allowed else shown}


def _first_child_kept(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The 保存期限 as the oracle words one long enough (keeping longer is no breach), else as answered.

    施行令 第34条第1項 counts the 百五十年間 from the day the 附票 was 消除: the vendor's own 消除年月日 when it answers
    one after the 除籍 (issue 66, the outsider's 附票 run: kept 149 years from a 消除 made years after the 除籍 passed
    against the 除籍's day alone); never less than from the 除籍."""
    entry = _entries(document, loaded).get("子0", {})
    shown, removed = entry.get("保存期限"), _iso_day(entry.get("消除年月日"))
    day, least = _iso_day(shown), fuhyo.kept_until(max(REMOVED_ON, removed or REMOVED_ON))
    if day is not None and day >= least:
        return {"子0の除票の保存期限": f"{fuhyo.kept_until(REMOVED_ON).isoformat()}以後"}
    return {"子0の除票の保存期限": shown if removed is None or removed <= REMOVED_ON else
            f"{shown}（消除年月日 {removed.isoformat()} からは {least.isoformat()} 以後）"}


#: Worked examples: a 世帯主 born 1980-06-06, resident since 2010-04-01, with a child born 2012-08-08;
#: the same family moved abroad on 2025-06-30 (国外転出者: that fact and the 転出の予定年月日), and moved to
#: 千代田区 (131016) with a 転入日 of 2025-06-28 (the 附票's 住所 corrected to it).
FAMILY = Scenario(2025, date(1980, 6, 6), date(2010, 4, 1), children=(date(2012, 8, 8),))
EMIGRATED = replace(FAMILY, planned_out=date(2025, 6, 30))
MOVED = replace(FAMILY, planned_out=date(2025, 6, 30), elsewhere=date(2025, 6, 28), next="131016")


def _rule(name: str, scenarios: Callable[[tuple[str, str]], st.SearchStrategy[Scenario]],
          expected: Callable[[Scenario, str], Projection], actual: Callable[[Mapping[str, Any], Loaded], Projection],
          examples: tuple[Scenario, ...], *, elsewhere: bool = False, removed: bool = False,
          joined: bool = False, overseas: bool = False) -> Rule:
    """One rule as data (its title, naming the provision, the rule's text in the folder's ``texts.yaml``), its
    family's 戸籍 registered before it is asked (:func:`register`)."""
    return STATUTE.rule(name, scenarios, expected, actual, examples,
                        prepare=partial(register, elsewhere=elsewhere, removed=removed, joined=joined,
                                        overseas=overseas))


FUHYO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    _rule("fuhyo.created", families, _created, _listed, (FAMILY,), elsewhere=True),
    _rule("fuhyo.joined", _with_children, _joined, _listed, (FAMILY,), joined=True),
    _rule("fuhyo.koseki_display", families, _display, _shown_display, (FAMILY,)),
    _rule("fuhyo.name", families, _per_person("氏名", lambda s, key: _names(s, key)[0]), _item("氏名"), (FAMILY,)),
    _rule("fuhyo.furigana", families, _per_person("氏名の振り仮名", lambda s, key: _names(s, key)[1]),
          _item("氏名の振り仮名"), (FAMILY,)),
    _rule("fuhyo.address", _staying_or_emigrating, _address, _head("住所_市区町村コード", "国外転出者"),
          (FAMILY, EMIGRATED)),
    _rule("fuhyo.address_date", _staying_or_emigrating, _address_date, _head("住所を定めた年月日"),
          (FAMILY, EMIGRATED)),
    _rule("fuhyo.birth", families, _per_person("出生の年月日", _birth_of), _item("出生の年月日"), (FAMILY,)),
    _rule("fuhyo.sex", families, _per_person("男女の別", lambda s, key: fuhyo.SEX[_names(s, key)[2]]),
          _item("男女の別"), (FAMILY,)),
    _rule("fuhyo.follows_move", _moving_on, _corrected, _head("住所_市区町村コード", "住所を定めた年月日"),
          (MOVED,)),
    _rule("fuhyo.removed", _with_children, _removed, _first_child_removed, (FAMILY,), removed=True),
    _rule("fuhyo.overseas_voter", _emigrating, _overseas, _head_overseas,
          (EMIGRATED, *(replace(EMIGRATED, planned_out=date(2025, 7, day)) for day in (1, 2))), overseas=True),
    _rule("fuhyo.document_kept", _emigrating, _document_kept, _head_document_kept, (EMIGRATED,), overseas=True),
    _rule("fuhyo.juminhyo_code", families, _code, _elsewhere_code, (FAMILY,), elsewhere=True),
    _rule("fuhyo.notice_kept", _with_children, _notices_expected((fuhyo.RECORDED,)),
          _notices_shown(("記載", "記載の修正")), (FAMILY,), removed=True),
    _rule("fuhyo.removal_notice_kept", _with_children, _notices_expected((fuhyo.REMOVED,)),
          _notices_shown((fuhyo.REMOVED,)), (FAMILY,), removed=True),
    _rule("fuhyo.removed_record", _with_children, _removed_record, _first_child_record, (FAMILY,), removed=True),
    _rule("fuhyo.removal_date", _with_children, _removal_date, _first_child_removal_date, (FAMILY,), removed=True),
    _rule("fuhyo.kept_until", _with_children, _kept, _first_child_kept, (FAMILY,), removed=True),
)}


#: 施行令 第34条第2項 第1号・第2号: the 本人確認情報 of the 筆頭者 who moved abroad (a 記載 notice, then the 消除's):
#: the 住民記録 alone tells them, so no 戸籍 is registered (the check needs no koseki_path).
IDENTITY_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("fuhyo.identity_kept", _emigrating, _notices_expected((fuhyo.RECORDED,), IDENTITY),
                 _notices_shown(("記載", "記載の修正"), _identity_notices, IDENTITY), (EMIGRATED,)),
    STATUTE.rule("fuhyo.identity_removal_kept", _emigrating, _notices_expected((fuhyo.REMOVED,), IDENTITY),
                 _notices_shown((fuhyo.REMOVED,), _identity_notices, IDENTITY), (EMIGRATED,)),
)}


def with_koseki(ctx: CheckContext, rule: Rule, needing: str) -> Iterator[Finding]:
    """Run a rule whose scenarios need their 戸籍: NOT_AUTOMATED without the profile's koseki_path (the harness
    cannot give the vendor the 戸籍 ``needing``), else the 戸籍 POSTed there."""
    path = target_of(ctx).koseki_path
    if path is None:
        raise NotAutomated("the profile names no targets.load.koseki_path: the harness cannot give the vendor "
                           f"the 戸籍 {needing}")
    prepare = rule.prepare.keywords if isinstance(rule.prepare, partial) else {}
    return run_rule(ctx, replace(rule, prepare=partial(register, **{**prepare, "path": path})))


#: Each rule the check ``scenario.<name>`` (the registry reads ``RULE_CHECKS``: conformance.checks.statute_rules):
#: the 本人確認情報's as any statute rule, the others once their 戸籍 can be given to the vendor.
RULE_CHECKS = (*rule_checks(IDENTITY_RULES.values()),
               *own_rule_checks(partial(with_koseki, needing="the 戸籍の附票 is made from"), FUHYO_RULES.values(),
                                "Scenario check of {title} (vendor against "
                                ":mod:`conformance.domains.koseki_fuhyo.oracle`)."))
