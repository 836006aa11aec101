"""The fixed examples of the model's state machine: run before Hypothesis draws anything, whatever the seed.

Each is a 世帯 of a 日本人 世帯主 and a 外国人住民 made as a drawn 世帯 is, then steps the drawn rules may not
make with the default seed, judged as any step is (``JuminModelMachine`` of machine.py), and the example's end:
``prelude`` (a 通称 recorded), ``refusals`` (one request of each refusal, then a 死亡 on a 31st and a 転入 of a
namesake) and ``naturalization`` (a 帰化). Their persons take serials of their own, so the drawn examples are
what they were without them.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from conformance.domains.jumin.model.fixed_admin_examples import (
    ADMINISTRATION_SERIALS,
    ARCHIVE_SERIALS,
    BATCH_SERIALS,
    CODE_SERIALS,
    CSV_SERIALS,
    KANA_SERIALS,
    SUPPORT_SERIALS,
    SUPPRESSION_SERIALS,
    _fixed_household,
    administration,
    archive,
    batches,
    clerk,
    code_stock,
    csv_imports,
    kana_correction,
    support_cases,
    suppressions,
)
from conformance.domains.jumin.model.form_order import compare_member_order
from conformance.domains.jumin.model.machine import JuminModelMachine, machine_for
from conformance.domains.jumin.model.step_requests import _common_february_29, _future_out, _support_request
from conformance.domains.jumin.model.steps import DIFF, READS, STEP, Session, _kanji, _listed
from conformance.domains.jumin.oracles.model import judge_committed
from conformance.domains.jumin.oracles.model.rules import (
    DESTINATION,
    FORM_SHEET,
    MEMBER_TIE,
)

#: Every fixed example, and the first serial of each (a block of its own: test_model_machine), the administration's
#: and the batches' from fixed_admin_examples.
__all__ = [
    "ADMINISTRATION_SERIALS",
    "ARCHIVE_SERIALS",
    "BATCH_SERIALS",
    "BOUNDARY_SERIALS",
    "CODE_SERIALS",
    "CSV_SERIALS",
    "FULL_WALK_FIRST",
    "GENERATIONS_SERIALS",
    "KANA_SERIALS",
    "NAMESAKE_SERIALS",
    "NATURALIZATION_SERIALS",
    "PRELUDE_SERIALS",
    "REFUSAL_SERIALS",
    "SHEET_SERIALS",
    "SUPPORT_SERIALS",
    "SUPPRESSION_SERIALS",
    "TWINS_FIRST",
    "UNKNOWN_BIRTH_FIRST",
    "administration",
    "archive",
    "batches",
    "boundaries",
    "clerk",
    "code_stock",
    "csv_imports",
    "full_read_walk",
    "generations",
    "kana_correction",
    "long_sheet",
    "namesakes",
    "naturalization",
    "prelude",
    "refusals",
    "support_cases",
    "suppressions",
    "twins",
    "unknown_births",
]

#: The first serial of the prelude's persons (``prelude``): far from the drawn examples' (1, 2, ...), so their names
#: and numbers are what they are without it (``在留カード等番号`` takes eight digits of it).
PRELUDE_SERIALS = 90_000_000


def prelude(session: Session) -> None:
    """The run's first example, before Hypothesis draws anything: a 世帯 of a 日本人 世帯主 and a 外国人住民 made as a
    drawn 世帯 is (``fixtures.persons``), the 外国人住民's 通称 recorded (1.1.7 R002) through the 通称 rule's own step,
    judged as any step is, and the example's end (every path of its persons, its model kept for the export's
    reconciliation). So the 通称 and its read paths are judged in every run whatever the seed draws (the default
    seed's drawn rules had come to commit no 通称の記載). Outside Hypothesis's draws, the drawn examples are what
    they were without it. A breach raises ``ModelBreach`` and is recorded in the session, as a drawn example's is.
    Nothing is done when the adapter does not implement ``tsusho.record``."""
    if "tsusho.record" not in session.optional:
        return
    machine, made = _fixed_household(session, PRELUDE_SERIALS)
    foreigner = next((atena for atena in made if machine.world.latest(atena).get("住民種別") == "2"), None)
    if foreigner is not None:
        machine.record_tsusho(foreigner, machine.today)
        # Issue 50 (bugs written blind): the 除票 of a 外国人住民 with a 通称, its 除票の写し (and 除票記載事項証明書)
        # read after the step as a drawn 除票's are: the 通称 on its 別紙 too (no drawn example made one).
        today = machine.today.isoformat()
        machine._step("deaths", {"宛名番号": foreigner, "異動日": today, "通知年月日": today, "処理日": today},
                      f"deaths({machine._p(foreigner)}, {today})")
    machine.teardown()




#: The first serial of the refusals' persons (``refusals``): apart from the drawn examples' and the prelude's.
REFUSAL_SERIALS = 91_000_000


def refusals(session: Session) -> None:
    """The run's second fixed example, before Hypothesis draws anything (beside ``prelude``): a 世帯 of a 日本人
    世帯主 and a 外国人住民, then one request of each refusal the drawn rules may not meet with the default seed,
    each through the model's step and ``judge_refusal`` (its code, level, field and message: 11.1 R005):

    - ``moves.in`` of a person born after the 異動日: E003 (11.1 R001, our reading of 論理的に成立し得ない入力);
    - ``moves.out`` whose 届出年月日 is after the 処理日: E002 (4.1.0.2 R003);
    - ``ex_officio.correct`` (職権修正) of the 日本人's 戸籍の表示（本籍・筆頭者） made blank: E009 (1.1.6 R001, R004);
    - ``kyushi`` (旧氏の記載) for the 外国人住民: E010 (1.1.1 R005 ・旧氏, an item of 日本人住民データ), when the
      adapter implements it (``Session.optional``);
    - ``ex_officio.remove`` (職権消除) of the 日本人 on the text's non-calendar day (2月29日 of a common year): E005
      naming the 異動日 (1.1.8 R001; the ただし lets only 出生、死亡又は失踪に係る異動日 be one, and the drawn
      ``non_calendar`` sweep sends no 職権消除);
    - ``ex_officio.correct`` (職権修正) making blank the 日本人's 生年月日 (1.1.6 R003) and 住民となった年月日
      (R005), the 外国人住民's 外国人住民となった年月日 (R008) and 在留カード等番号 (R011, a 中長期在留者's): E009
      naming each;
    - ``tsusho.delete`` (通称の削除) of the 外国人住民 with a 申出年月日 on 2月29日 of a common year: E005 naming it
      (1.1.8 R001), when the adapter implements it.

    None of them changes a record (the model checks each person's history is unchanged). Then two that must be
    taken: the 死亡 of the 外国人住民 on a 31st (the last day a month may have; 1.1.8 R001), and a 職権修正 of that
    除票 making its 在留カード等番号 and 住民票コード blank (1.1.6 R007, R011: 除票の場合を除く; R001: その他の項目は、
    空欄を許容すること), then the 転入 of a newcomer with that 除票's 氏名 and 性別 but another 生年月日 (4.1.1.2 R001
    asks the アラート A001 of the 3情報 together; two of them are none). The example ends as a drawn one does. Its
    persons take serials of their own, so the drawn examples are what they were without it. A breach raises
    ``ModelBreach`` and is recorded in the session."""
    machine, made = _fixed_household(session, REFUSAL_SERIALS)
    japanese = next((a for a in made if machine.world.latest(a).get("住民種別") == "1"), None)
    foreigner = next((a for a in made if machine.world.latest(a).get("住民種別") == "2"), None)
    today = machine.today.isoformat()
    tomorrow = (machine.today + timedelta(days=1)).isoformat()
    newcomer = machine._person(0, False, "2010-01-01")
    # Each refusal where the adapter declares its operation (a refusal changes nothing: the others stand without it).
    offers = machine._offers
    if offers("moves.in"):
        machine._step("moves.in", {"区分": "国内転入", "persons": [newcomer], "異動日": "2005-04-01",
                                   "届出年月日": "2005-04-05", "処理日": today}, "moves.in(生年月日 after the 異動日)")
    if japanese is not None and offers("moves.out"):
        dates = {"異動日": today, "届出年月日": tomorrow, "処理日": today}
        machine._step("moves.out", _future_out(machine, japanese, dates),
                      f"moves.out({machine._p(japanese)}, 届出年月日 +1d)")
    if japanese is not None and offers("ex_officio.correct"):
        machine._step("ex_officio.correct", {"宛名番号": japanese, "区分": "職権修正", "items": {_HONSEKI: ""},
                                             "異動日": today, "処理日": today},
                      f"ex_officio.correct(職権修正, {machine._p(japanese)}, {_HONSEKI} blank)")
    if foreigner is not None and "kyushi" in session.optional:
        machine._step("kyushi", {"宛名番号": foreigner, "区分": "記載", "旧氏": "見本", "旧氏_フリガナ": "ミホン",
                                 "請求年月日": today, "処理日": today}, f"kyushi(記載, {machine._p(foreigner)})")
    no_day = _common_february_29(machine.today)
    if japanese is not None and offers("ex_officio.remove"):
        machine._step("ex_officio.remove", {"宛名番号": japanese, "異動日": no_day, "処理日": today},
                      f"ex_officio.remove({machine._p(japanese)}, 異動日 {no_day})")
    blanks = [(japanese, item) for item in ("生年月日", "住民となった年月日")]
    blanks += [(foreigner, item) for item in ("外国人住民となった年月日", "在留カード等番号")]
    for atena, item in blanks:
        if atena is not None and offers("ex_officio.correct"):
            _blank(machine, atena, {item: ""})
    if foreigner is not None and "tsusho.delete" in session.optional:
        machine._step("tsusho.delete", {"宛名番号": foreigner, "申出年月日": no_day, "処理日": today},
                      f"tsusho.delete({machine._p(foreigner)}, 申出年月日 {no_day})")
    if foreigner is not None and offers("deaths"):
        died = _last_31st(machine.today).isoformat()
        machine._step("deaths", {"宛名番号": foreigner, "異動日": died, "通知年月日": today, "処理日": today},
                      f"deaths({machine._p(foreigner)}, {died})")
        if offers("ex_officio.correct"):
            _blank(machine, foreigner, {"在留カード等番号": "", "住民票コード": ""})  # 除票の場合を除く (R007, R011)
    if foreigner is not None and offers("deaths") and offers("moves.in"):
        # A newcomer with that 除票's 氏名 and 性別, born another day: two of the 3情報 are no アラート (4.1.1.2 R001).
        dead = machine.world.latest(foreigner)
        namesake = {**machine._person(0, True, "1999-09-09"), "氏名": dead["氏名"], "性別": dead["性別"]}
        machine._step("moves.in", {"区分": "国内転入", "persons": [namesake], "異動日": today, "届出年月日": today,
                                   "処理日": today}, "moves.in(氏名 and 性別 of a 除票, another 生年月日)")
    machine.teardown()


#: The first serial of the date boundaries' persons (``boundaries``): apart from the other examples'.
BOUNDARY_SERIALS = 85_000_000


def boundaries(session: Session) -> None:
    """After the draws (it cannot move them), each date a refusal of the model turns on, asked on the day it turns
    and on the day after it by construction, whatever the seed draws (issue 65 item 3: the draws reach these days by
    chance only, ``future_dated`` one day ahead in one draw of 400): a 世帯 of a 日本人 世帯主 and a 外国人住民, then

    - 4.0.3 R003 (E001, 「処理当日以前の日のみ入力可能」): its 転居 with the 異動日 the day after the 処理日, refused;
    - 4.1.0.2 R003 (E002): its 転居 with the 届出年月日 the day after the 処理日, refused;
    - the same 転居 with both on the 処理日, taken (the day itself is allowed by both);
    - 11.1 R001 (論理的に成立し得ない入力, our reading: E003): the 国外転入 of a person whose 異動日 is the day before
      their 生年月日, refused; the same person's 国外転入 on the 生年月日 itself, taken (a day they live on).

    Each judged by the model's step (its code, field and that nothing is written when refused); the example ends
    as a drawn one does."""
    machine, made = _fixed_household(session, BOUNDARY_SERIALS)
    today, tomorrow = machine.today.isoformat(), (machine.today + timedelta(days=1)).isoformat()
    if made and machine._offers("moves.within"):
        members = machine.world.members(machine.world.latest(made[0]).get("世帯番号", ""))
        address = {"住所_町字": "栄町", "住所_番地号表記": "7番地", "住所_方書": ""}
        for moved, notified, shown in ((tomorrow, today, "異動日 +1d"), (today, tomorrow, "届出年月日 +1d"),
                                       (today, today, "異動日 and 届出年月日 on the 処理日")):
            machine._step("moves.within", {"宛名番号": members, "住所": address, "異動日": moved,
                                           "届出年月日": notified, "処理日": today},
                          f"moves.within(h:{machine._h(machine.world.latest(made[0])['世帯番号'])}, {shown})")
    if machine._offers("moves.in"):
        born = machine.today - timedelta(days=10)
        for arrived, shown in ((born - timedelta(days=1), "the day before the 生年月日"), (born, "on the 生年月日")):
            newcomer = machine._person(0, False, born.isoformat())
            machine._step("moves.in", {"区分": "国外転入", "persons": [newcomer], "異動日": arrived.isoformat(),
                                       "届出年月日": today, "処理日": today}, f"moves.in(国外転入, {shown})")
    machine.teardown()


#: The first serial of the 帰化's persons (``naturalization``): apart from the other examples'.
NATURALIZATION_SERIALS = 92_000_000


def naturalization(session: Session) -> None:
    """The run's third fixed example, before Hypothesis draws anything: a 世帯 of a 日本人 世帯主 and a 外国人住民, the
    外国人住民's 支援措置 registered when the adapter implements it (3.4, 1.1.16 R001: the 表示 on the 住民票), a 帰化
    dated tomorrow (the エラー E001: 4.0.3 R003, 異動日は…処理当日以前の日のみ), then their 帰化 (4.5.3 R001-R003;
    ``transitions.naturalization``): judged as any step is, on every path, the 支援措置's
    表示 and refusals too, and the example's end. The drawn rules send no 帰化 (a rule of its own would change
    every drawn example of a seed); a 帰化 of a 世帯主 (what becomes of the members' 世帯主氏名) and 国籍喪失 are not
    modelled. A breach raises ``ModelBreach`` and is recorded in the session."""
    if "nationality" not in session.optional:
        return
    machine, made = _fixed_household(session, NATURALIZATION_SERIALS)
    foreigner = next((a for a in made if machine.world.latest(a).get("住民種別") == "2"), None)
    if foreigner is None:
        return
    today = machine.today
    if "support.register" in session.optional:
        machine._step("support.register", _support_request(machine.world.latest(foreigner), today - timedelta(days=30)),
                      f"support.register({machine._p(foreigner)}, -30d)")
    items = {"氏名": f"見本　帰化{session.tag(NATURALIZATION_SERIALS)}", "氏名_フリガナ": "ミホン　キカ",
             _HONSEKI: "静岡県見本町一丁目１番地　見本　帰化"}
    tomorrow = (today + timedelta(days=1)).isoformat()  # 4.0.3 R003: the エラー E001 first, nothing written
    machine._step("nationality", {"宛名番号": foreigner, "区分": "帰化", "items": items, "異動日": tomorrow,
                                  "処理日": today.isoformat()},
                  f"nationality(帰化, {machine._p(foreigner)}, 異動日 +1d)")
    machine._step("nationality", {"宛名番号": foreigner, "区分": "帰化", "items": items,
                                  "異動日": (today - timedelta(days=3)).isoformat(), "通知年月日": today.isoformat(),
                                  "処理日": today.isoformat()}, f"nationality(帰化, {machine._p(foreigner)})")
    machine.teardown()


def _blank(machine: JuminModelMachine, atena: str, items: dict[str, str]) -> None:
    """A 職権修正 of ``atena`` making ``items`` blank (1.1.6 R001: refused with E009 where its list names one)."""
    today = machine.today.isoformat()
    machine._step("ex_officio.correct", {"宛名番号": atena, "区分": "職権修正", "items": items, "異動日": today,
                                         "処理日": today},
                  f"ex_officio.correct(職権修正, {machine._p(atena)}, {', '.join(items)} blank)")


def _last_31st(today: date) -> date:
    """The latest 31st not after ``today``."""
    day = today
    while day.day != 31:
        day -= timedelta(days=1)
    return day


#: The item of 1.1.6 R004 (戸籍の表示) as the driver protocol names it.
_HONSEKI = "戸籍の表示（本籍・筆頭者）"


#: The first serial of the 世帯 of three generations (``generations``): apart from the other examples'.
GENERATIONS_SERIALS = 93_000_000
#: Its members: a 妻 younger than the 子 (the 子 of an earlier marriage), and the 子's family, whose 子の子 is older
#: than the 子の妻: ages and 続柄 disagree wherever they can (5.2 R004: 世帯主, 配偶者, 子; R011: the 子's family).
_GENERATIONS = (("世帯主", "1960-05-01"), ("妻", "1985-03-03"), ("子", "1980-01-01"), ("子の妻", "2001-07-07"),
                ("子の子", "1999-02-02"))


#: The order its members are sent in (by index of ``_GENERATIONS``): the 子's family first, the 世帯主 last, so a
#: vendor that numbers them as sent gives 宛名番号 in another order than 5.2's (the second blind round, 03).
_GENERATIONS_SENT = (4, 2, 3, 1, 0)


def generations(session: Session) -> None:
    """The run's fourth fixed example, before Hypothesis draws anything: a 世帯 of three generations
    whose ages and 続柄 disagree (``_GENERATIONS``), made as a drawn 世帯 is (``fixtures.persons``) but sent the
    世帯主 last (``_GENERATIONS_SENT``), then its 世帯全員 住民票の写し of the linkage API read, and the example's end
    (every person and 世帯 on every path). The linkage API's 世帯 and the 写し's 記載者 list them in the order of
    5.2 (``Paths.compare_household``, ``CertificateForms.household_copy``: the founders' order, by 続柄 whatever
    their ages and their 宛名番号). The drawn 世帯 are 世帯主, 妻 and 子 of drawn ages; a drawn rule of three
    generations would change every drawn example of a seed. A breach raises ``ModelBreach`` and is recorded in the
    session."""
    machine = machine_for(replace(session, serials=itertools.count(GENERATIONS_SERIALS)))()
    relations = [relation for relation, _ in _GENERATIONS]
    made = machine.household(len(_GENERATIONS), None, [born for _, born in _GENERATIONS], unknown=False,
                             headless=False, relations=relations, sent=_GENERATIONS_SENT)
    if made:
        machine._check(machine._household_copy(machine.world.latest(made[0]).get("世帯番号", "")), READS)
    machine.teardown()


#: The first serial of the namesakes' persons (``namesakes``): apart from the other examples'.
NAMESAKE_SERIALS = 87_000_000
#: The namesakes' 氏名 (after it the series' mark: a second pass's are not the first pass's), フリガナ and 生年月日 (no
#: drawn person is named so: their 氏名 end in a kanji of their serial).
_NAMESAKE = ("見本　同名", "ミホン　ドウメイ", "1975-05-05")


def namesakes(session: Session) -> None:
    """Two 世帯 of one 日本人 each, of one 氏名, フリガナ, 生年月日 and 性別 (issue 50 item 3: a namesake is no
    duplicate), then each found by the searches (2.1.2 R001, 2.1.3 R001: each must be listed, and read as their own
    record) and their 住民票の写し's data read (5.1 R003, their own items), and the example's end (every person and
    世帯 on every path). A vendor that takes persons of one 氏名 and 生年月日 for one misses or mixes the second. A
    breach raises ``ModelBreach`` and is recorded in the session."""
    machine = machine_for(replace(session, serials=itertools.count(NAMESAKE_SERIALS)))()
    name, kana, born = _NAMESAKE
    name += session.mark
    made = [atena for _ in range(2) for atena in machine.household(1, None, [born], unknown=False, headless=False,
                                                                      names=[(name, kana)])]
    breaches = [breach for atena in made for breach in machine.session.paths.compare_search(machine.world, atena)]
    breaches += [breach for atena in made for breach in machine._form(atena, printed=False)]
    machine._check(breaches, READS)
    machine.teardown()


#: The first serial of the long 別紙's example (``long_sheet``): apart from the other examples'.
SHEET_SERIALS = 86_000_000
#: How many 外国人住民 with a 通称 the 世帯 holds: four lines of the 別紙 each, so that it runs past a page of the
#: reference's 45 lines (and of any A4 page printed at 10 points, one item a line).
_SHEET_MEMBERS = 14


def long_sheet(session: Session) -> None:
    """After the draws (it cannot move them): a 世帯 of a 日本人 世帯主 and 14 外国人住民 each with a 通称 of their own
    (made through ``fixtures.persons`` as a drawn 世帯 is, judged), its 世帯全員 写し printed, then the example's end
    (every person on every path). The print: the 別紙 (通称の記載及び削除に関する事項) holds every member's 通称
    however many pages it takes, and the 認証文 is on the last page (5.1 R005; interpretation
    ``jumin-1.0-interp-long-sheet-model``). Nothing is done without the form interface."""
    forms = session.paths.forms
    if forms is None:
        return
    machine = machine_for(replace(session, serials=itertools.count(SHEET_SERIALS)))()
    people = [machine._person(index, index > 0, "1985-06-15") for index in range(_SHEET_MEMBERS + 1)]
    for index, person in enumerate(people):
        person["世帯主氏名"] = people[0]["氏名"]
        if index > 0:
            person.update({"続柄": "同居人", "通称": f"見本　通称{_kanji(index)}",
                           "通称_フリガナ": "ミホン　ツウショウ"})
    status, document = machine._call("fixtures.persons", {"persons": people},
                                     f"fixtures.persons(1 日本人, {_SHEET_MEMBERS} 外国人住民 with a 通称)")
    machine._check(judge_committed(status, document, DESTINATION), STEP)
    for atena in _listed(document):
        machine._adopt_new(atena)
    # The print before the example's end: a defect of another read path (which the end would meet first) does not
    # hide the 別紙's.
    setai = next(iter(machine.world.households()), None)
    if setai is not None:
        machine.steps.append(f"{len(machine.steps) + 1}. forms.juminhyo_setai(printed, the 世帯) @ {machine.today}")
        machine.session.exercised.add(FORM_SHEET)
        machine._check(list(forms.compare_sheet(machine.world, setai)), READS)
    machine.teardown()


#: The first serial of the 不詳 births' example (``unknown_births``): the second half of the long 別紙's block (that
#: example takes 15 serials). Every million from 85,000,000 up is a fixed example's, and every one below it a later
#: seed's (check.SEED_BLOCKS), so no block of its own is free.
UNKNOWN_BIRTH_FIRST = SHEET_SERIALS + 500_000
#: Its two persons' 生年月日: the date held behind the 不詳 (1.1.8 R005: 内部的には日付を保有しておくこと) and the
#: 不詳表記 recorded, a 日本人's in 和暦 and a 外国人住民's in 西暦 (j90: a 外国人住民's 生年月日 in 西暦).
_UNKNOWN_BIRTHS = (("1955-01-01", "昭和30年頃"), ("1962-01-01", "1962年頃"))


def unknown_births(session: Session) -> None:
    """After the draws (it cannot move them): a 世帯 of a 日本人 世帯主 and a 外国人住民, both born on a day 不詳,
    each with the date the system keeps behind it (1.1.8 R005) and the 不詳表記 (made through ``fixtures.persons`` as
    a drawn 世帯 is, judged); the 外国人住民's 死亡, then the 日本人's 転出 and its 転入通知, each judged as any step,
    the step's read of its 除票's forms included (the 除票の写し, the 除票記載事項証明書 and, after the 転出, the
    転出証明書): their 生年月日 is the 不詳表記 as recorded, never the date held behind it (5.1 R003 with 1.1.8 R004:
    他システムとは「不詳」のまま連携し; forms.yaml's reading, a 不詳 date as recorded on every certificate). Issue
    67's blind round, 01: the drawn 不詳 persons hold no date behind theirs (``生年月日`` blank), and the town's never
    reach a 除票's form, so a 除票's template printing that date was never read. Then the example's end (every
    path). Nothing is done without the form interface."""
    if session.paths.forms is None:
        return
    machine = machine_for(replace(session, serials=itertools.count(UNKNOWN_BIRTH_FIRST)))()
    people = [machine._person(index, index == 1, born) for index, (born, _) in enumerate(_UNKNOWN_BIRTHS)]
    for person, (_, shown) in zip(people, _UNKNOWN_BIRTHS, strict=True):
        person.update({"生年月日_不詳フラグ": "1", "生年月日_不詳表記": shown, "世帯主氏名": people[0]["氏名"]})
    # A 6月 stay (no 年 part: issue 67's blind round, 03), read on the 除票's forms as any 在留期間等 printed.
    people[1].update({"在留期間等コード_年": "00", "在留期間等コード_月": "06"})
    status, document = machine._call("fixtures.persons", {"persons": people},
                                     "fixtures.persons(a 日本人 and a 外国人住民, both born 不詳)")
    machine._check(judge_committed(status, document, DESTINATION), STEP)
    made = _listed(document)
    for atena in made:
        machine._adopt_new(atena)
    if len(made) == 2:
        head, foreigner = made
        today = machine.today.isoformat()
        # Each step changes its 除票 alone: the step's read paths read its 除票's forms (``_form``).
        machine._step("deaths", {"宛名番号": foreigner, "異動日": today, "通知年月日": today, "処理日": today},
                      f"deaths({machine._p(foreigner)}, {today})")
        machine._step("moves.out", {"宛名番号": [head], "区分": "国内転出", "転出予定年月日": today,
                                    "届出年月日": today, "処理日": today},
                      f"moves.out(国内転出, {machine._p(head)}, +0d)")
        machine._step("moves.out_confirm", {"宛名番号": head, "転入年月日": today, "通知年月日": today,
                                            "処理日": today}, f"moves.out_confirm({machine._p(head)}, 転入日+0d)")
    machine.teardown()


#: The first serial of the 全件's walk (``full_read_walk``): later in the long 別紙's block, after ``unknown_births``'.
FULL_WALK_FIRST = SHEET_SERIALS + 700_000


def full_read_walk(session: Session) -> None:
    """After the draws (it cannot move them): a 世帯 of a 日本人 世帯主 and a 外国人住民 made as a drawn 世帯 is, then
    the 全件 (``GET /residents`` without ``changed_since``) read whole and walked a row a page from the first of them
    (the newest persons: the list's tail), the 世帯主's 方書 corrected (職権修正) after the first page, judged as any
    step: every other person of the tail listed exactly once (7.2.3 R002: 全件と異動差分のどちらにも対応できること;
    interpretation diff-boundaries, as the 異動差分's poll; issue 67's blind round, 19). Then the example's end.
    Nothing is done without the linkage API."""
    if session.paths.linkage is None:
        return
    machine, made = _fixed_household(session, FULL_WALK_FIRST)
    if len(made) == 2 and machine._judges(DIFF):
        machine.steps.append(f"{len(machine.steps) + 1}. GET /residents(全件, from {machine._p(made[0])}, a row a "
                             f"page) @ {machine.today}")
        machine._check(list(session.paths.full_across_change(set(made), machine._change_between)), DIFF)
    machine.teardown()


#: The first serial of the twins' example (``twins``): later in the long 別紙's block, after ``full_read_walk``'s.
TWINS_FIRST = SHEET_SERIALS + 800_000
#: Its 世帯: a 世帯主 and two 子 born on one day, the first made (the vendor's lower 宛名番号, if it numbers in the
#: order it is given them) with the フリガナ that sorts last: a print ordering twins by anything but 宛名番号 (their
#: reading, their name) shows it. Names of this example alone (氏名, フリガナ), 生年月日.
_TWINS = (("見本　一郎", "ミホン　イチロウ", "1975-04-04"), ("見本　陽翔", "ミホン　ハルト", "2012-08-08"),
          ("見本　蒼", "ミホン　アオイ", "2012-08-08"))


def twins(session: Session) -> None:
    """After the draws (it cannot move them): a 世帯 of a 世帯主 and twins (two 子 of one 生年月日, ``_TWINS``), made
    as a drawn 世帯 is, its 世帯全員 写し printed and its 世帯員 read in the order of 5.2: the twins by 宛名番号
    (R008-R009 ・世帯主の子（…生年月日の順、生年月日が同じである場合には、宛名番号の順）; R037 gives the text's own
    example of twins). The test town has no twins, so ``forms.member_order`` never prints such a tie (second blind
    round, 01: twins by their フリガナ survived). Then the example's end. Nothing is done without the form
    interface."""
    forms = session.paths.forms
    if forms is None:
        return
    machine = machine_for(replace(session, serials=itertools.count(TWINS_FIRST)))()
    made = machine.household(len(_TWINS), None, [born for _, _, born in _TWINS], unknown=False, headless=False,
                             relations=["世帯主", "子", "子"],
                             names=[(name + session.mark, kana) for name, kana, _ in _TWINS])
    setai = machine.world.latest(made[0]).get("世帯番号", "") if made else ""
    if setai:
        machine.steps.append(f"{len(machine.steps) + 1}. forms.juminhyo_setai(printed, the 世帯) @ {machine.today}")
        machine.session.exercised.add(MEMBER_TIE)
        machine._check(list(compare_member_order(forms, machine.world, setai, machine._p)), READS)
    machine.teardown()
