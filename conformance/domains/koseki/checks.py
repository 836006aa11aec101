"""Scenario checks of 戸籍 (戸籍法・戸籍法施行規則; the statute edition ``koseki 2025.12``), through the driver.

The vendor here is the 戸籍 system and holds the 戸籍; the 住民記録 carries none of it. Each example registers the
戸籍 of a drawn family as they stand (driver operation ``koseki.hensei``, a 移行, each with a fresh 本籍), then
files one 届出 (``koseki.todoke``: 出生, 死亡 or 婚姻) or requests a 戸籍謄本等 (``koseki.seikyu``) and compares
one field of the answer with :mod:`conformance.domains.koseki.oracle`, on the families the provision is about, so a
wrong answer about one provision fails that provision's check and no other:

- ``起算日`` (第43条第1項; 第2項: a 裁判 final before it was served, a 届出種別 ``裁判`` with 裁判確定日 and
  送達日) and ``届出期間末日`` of a 出生届 (第49条第1項: 14日, 国外 3箇月) and of a 死亡届
  (第86条第1項: 7日 from the day the death was known, 国外 3箇月);
- ``新戸籍編製`` and ``入籍戸籍`` of a 婚姻届 (第16条第1項, 第2項; with a 外国人, 第3項);
- ``入籍戸籍`` of a 出生届 (第18条第1項, 第2項) and of a 養子縁組届 (第18条第3項: 養親 and 養子 references), and
  the 養子's 養親 (第13条第1項第6号);
- the 戸籍 as it stands afterwards: shown by its 本籍 and the 氏名 of the person written first (第9条), also
  after that person's death;
- ``交付可`` of a request by a class of person (第10条第1項);
- ``届出地適合`` of a 死亡届 (第25条第1項, 第2項);
- the entries a 出生 or a 婚姻 wrote (第13条第1項第1号-第4号, 第7号, 第8号; 第74条第1号): 氏名, 氏名の振り仮名,
  出生の年月日, 入籍原因 and 入籍年月日 (a 婚姻's), 夫妻, 従前戸籍; the day a 死亡届 removes (第86条第2項第1号);
- ``名の文字適合`` of a child's 名 (第50条第1項, 規則第60条第3号; the 漢字 are not judged: the project holds
  neither the 常用漢字表 nor 別表第三);
- ``振り仮名の文字適合`` of a child's 名の振り仮名 (第13条第3項: 仮名 and 記号 only; a 漢字, a Latin letter or a
  digit refused; the 省令's range itself is not held, so 平仮名 and marks are not judged).

A profile without a driver adapter, or whose adapter lacks one of the three operations, gets NOT_AUTOMATED
with the reason, never PASS (docs/driver.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import Projection
from conformance.checks.statute_rules import Statute, own_rule_checks
from conformance.domains.koseki import oracle as law
from conformance.domains.koseki.cases import (
    ADOPTION,
    ADOPTION_OF_HEAD,
    BIRTH,
    BIRTH_ABROAD,
    BIRTH_DUE_ON_HOLIDAY,
    BIRTH_OF_SON,
    BIRTH_TO_MOTHER,
    BIRTH_WIFE_FIRST,
    DEATH,
    DEATH_ABROAD,
    DEATH_AT_LOCATION,
    DEATH_DUE_ON_HOLIDAY,
    DEATH_ELSEWHERE,
    DEATH_OF_FOREIGNER,
    FOREIGN_MARRIAGE,
    FOREIGN_MARRIAGE_HEAD,
    HENTAIGANA_NAME,
    JUDGMENT_AFTER_SERVICE,
    JUDGMENT_BEFORE_SERVICE,
    KANJI_READING,
    LATIN_NAME,
    LATIN_READING,
    MARRIAGE_INTO_HEAD,
    MARRIAGE_NEW,
    REMOVED_REQUEST,
    SIBLING_REQUEST,
    _births_and_marriages,
    _kana_names,
    _marriages_either,
    _plain_names,
    adoptions,
    births,
    births_read,
    deaths,
    foreign_marriages,
    judgments,
    marriages,
    requests,
)
from conformance.domains.koseki.driver import (
    _GIVEN,
    _SURNAMES,
    CHILD_READING,
    NEW,
    Actual,
    Case,
    KosekiRule,
    Sent,
    _name,
    run_rule,
)
from conformance.oracles.holidays import OutsideCalendar
from conformance.oracles.readings import Either, allowed, either

#: What every rule of the domain shares (conformance.checks.statute_rules): its folder, whose texts.yaml titles
#: each rule; the part is the driver's answer (the rules read it through their own ``actual``).
STATUTE = Statute("koseki", "戸籍")

# -- expected and actual --------------------------------------------------------------------------


def _start(c: Case) -> Projection:
    return {"起算日": law.period_start(c.day).isoformat()}


def _adoptee_entered(c: Case) -> Projection:
    """第18条第3項: the 養子 enters the 養親's 戸籍 (family 0), and is written there with that 戸籍's 氏 and his or
    her own 名. Our reading: a 戸籍 is of 一の夫婦及びこれと氏を同じくする子 (第6条), so a person who enters one
    bears its 氏 (民法 第810条, which gives the 養子 the 養親's 氏, is not among the sources)."""
    adoptee = c.persons[1]
    assert adoptee is not None
    given = _GIVEN[c.families[adoptee[0]].members[adoptee[1]][0]][0]
    return {"入籍戸籍": law.adoptee_koseki(0), "氏名": law.written_name(_SURNAMES[c.families[0].surname][0], given)}


def _adoptive_parent(c: Case) -> Projection:
    """第13条第1項第6号: the 養子's entry names the 養親 (養親の氏名; the 続柄 is the manual's)."""
    return {"養親": [_name(c.families[0], 0)]}


def _judgment_start(c: Case) -> Projection:
    assert c.known is not None
    return {"起算日": law.judgment_period_start(c.day, c.known).isoformat()}


def _period_end(c: Case) -> Projection:
    """第49条第1項, 第86条第1項: the period's last day, or the deemed 期限 after a 休日
    (:func:`law.period_end_readings`); a period ending in a year the holiday calendar does not cover is not asked
    (Hypothesis ``assume``)."""
    if c.kind == "出生":
        end = law.birth_period_end(c.day, abroad=c.abroad)
    else:
        assert c.known is not None
        end = law.death_period_end(c.known, abroad=c.abroad)
    try:
        ends = law.period_end_readings(end)
    except OutsideCalendar:
        assume(False)
        raise
    return {"届出期間末日": either(*(day.isoformat() for day in ends))}


def _or_refused(name: str, expected: Callable[[Case], Projection]) -> Callable[[Case], Projection]:
    """``expected``'s day of the 届出期間 (``name``: 起算日 or 届出期間末日), or, for a 届出 the product refuses
    (``受理`` false), that day or null (issue 66). Our reading: 第43条, 第49条 and 第86条 count the period from the
    event, so a refused 届出 has one as well and may say it; but a refusal records nothing (the 届書 is not taken),
    so its answer need not say it, and null there is no finding. Whether the refusal itself is allowed is the
    rules' of its ground (第25条第1項: ``koseki.death_day``, ``koseki.display_after_removal``); an accepted 届出
    still owes the day (null fails)."""
    def judged(c: Case) -> Projection:
        day = expected(c)[name]
        readings: Projection = either({name: day}, {"受理": False, name: Either(*allowed(day), None)})
        return readings

    return judged


def _period_field(name: str) -> Actual:
    """The answer's day ``name`` of the 届出期間, with ``受理`` false where the product refused the 届出
    (:func:`_or_refused`)."""
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        refused = {"受理": False} if answer.get("受理") is False else {}
        return {**refused, name: answer.get(name)}

    return pick


def _taker_head(c: Case) -> bool:
    index = 0 if c.takes == "夫" else 1
    person = c.persons[index]
    return person is not None and person[1] == 0


def _japanese_head(c: Case) -> bool:
    return any(person is not None and person[1] == 0 for person in c.persons)


def _new_koseki(c: Case) -> Projection:
    if c.takes:
        return {"新戸籍編製": law.marriage_makes_new_koseki(_taker_head(c))}
    return {"新戸籍編製": law.foreign_marriage_makes_new_koseki(_japanese_head(c))}


def _entered_on_marriage(c: Case) -> Projection:
    """第16条第2項: the other spouse enters the 戸籍 of the taker (family 0 for the husband, 1 for the wife)."""
    return {"入籍戸籍": 0 if c.takes == "夫" else 1}


def _child_entered(c: Case) -> Projection:
    father = None if c.persons[0] is None else 0
    return {"入籍戸籍": law.child_koseki(c.takes, parents=0, father=father, mother=0)}


def _display(c: Case) -> Projection:
    """第9条 (first sentence): the new 戸籍 is shown by its 本籍 and the 氏名 of its first entry."""
    return {"本籍": NEW, "筆頭者氏名は筆頭の者": True}


def _place_allowed(c: Case) -> bool:
    """Whether the 死亡届 is made at a place 第25条第1項 allows (the 本人's 本籍地 or the 届出人's 所在地)."""
    return law.filing_place_ok(str(c.place), honseki=str(c.families[0].place), location=str(c.location))


def _unless_refused(c: Case, written: Projection, *refused: Projection) -> Projection:
    """``written`` (accepted: ``受理`` true), or, for a 死亡届 made at a place 第25条第1項 does not allow, also
    ``refused`` (``受理`` false): our reading (provisions.yaml, 第25条第1項): the text says where a 届出 is to be
    made, not what the 市町村長 does with one made elsewhere; a product may refuse it (writing nothing) or accept
    it and flag it (``届出地適合`` false, judged by ``koseki.filing_place``). A refused 届出 that writes, or an
    accepted one that does not, fails."""
    accepted = {"受理": True, **written}
    if _place_allowed(c):
        return accepted
    readings: Projection = either(accepted, *({"受理": False, **projection} for projection in refused))
    return readings


def _display_after_removal(c: Case) -> Projection:
    """第9条 (second sentence): after the 筆頭者's death, the 戸籍 is still shown by his or her 氏名; a 死亡届
    refused for its place (:func:`_unless_refused`) answers no 戸籍 or the 戸籍 as it stood."""
    honseki, head = law.koseki_display(0, _name(c.families[0], 0))
    shown = {"戸籍": honseki, "筆頭者氏名": head}
    return _unless_refused(c, shown, {"戸籍": None, "筆頭者氏名": None}, shown)


def _request(c: Case) -> Projection:
    return {"交付可": law.may_request(c.relation)}


def _filing_place(c: Case) -> Projection:
    foreigner = c.persons[0] is None
    return {
        "届出地適合": law.filing_place_ok(
            str(c.place),
            honseki=None if foreigner else str(c.families[0].place),
            location=str(c.location),
            foreigner=foreigner,
        )
    }


def _spouses(c: Case) -> tuple[tuple[int, int], tuple[int, int]]:
    """(family, entry) of the spouse whose 氏 is taken and of the other one."""
    taker, other = (c.persons[0], c.persons[1]) if c.takes == "夫" else (c.persons[1], c.persons[0])
    assert taker is not None and other is not None
    return taker, other


def _written_persons(c: Case) -> list[tuple[int, int]]:
    """The registered persons a 婚姻 writes in a 戸籍: the other spouse when the taker is 筆頭者 (第16条第2項), both
    in the new 戸籍 otherwise (taker first)."""
    taker, other = _spouses(c)
    return [other] if _taker_head(c) else [taker, other]


def _entry_names(c: Case) -> Projection:
    """第13条第1項第1号, 第74条第1号: the 氏名 of each person the 届出 wrote (a child; the spouses)."""
    if c.kind == "出生":
        return {"氏名": [law.written_name(_SURNAMES[c.families[0].surname][0], c.child_name)]}
    taker, _ = _spouses(c)
    surname = _SURNAMES[c.families[taker[0]].surname][0]
    return {"氏名": [law.written_name(surname, _GIVEN[c.families[f].members[e][0]][0]) for f, e in _written_persons(c)]}


def _entry_furigana(c: Case) -> Projection:
    """第13条第1項第2号: 氏の振り仮名 of the 戸籍 entered and one's own 名の振り仮名."""
    if c.kind == "出生":
        return {"氏名_フリガナ": [law.written_furigana(_SURNAMES[c.families[0].surname][1], CHILD_READING)]}
    taker, _ = _spouses(c)
    reading = _SURNAMES[c.families[taker[0]].surname][1]
    return {"氏名_フリガナ": [law.written_furigana(reading, _GIVEN[c.families[f].members[e][0]][1])
                        for f, e in _written_persons(c)]}


def _entry_births(c: Case) -> Projection:
    """第13条第1項第3号: 出生の年月日 of each person the 届出 wrote."""
    if c.kind == "出生":
        return {"生年月日": [c.day.isoformat()]}
    return {"生年月日": [c.families[f].members[e][1].isoformat() for f, e in _written_persons(c)]}


def _entry_causes(c: Case) -> Projection:
    """第13条第1項第4号: 出生 (its day not judged), or 婚姻 on the day of the 届出."""
    if c.kind == "出生":
        return {"入籍原因": [law.BIRTH_CAUSE]}
    persons = _written_persons(c)
    return {"入籍原因": [law.MARRIAGE_CAUSE] * len(persons),
            "入籍年月日": [law.marriage_entry_day(c.day).isoformat()] * len(persons)}


def _entry_roles(c: Case) -> Projection:
    """第13条第1項第7号: the taker and the other spouse as 夫 or 妻."""
    return {"夫妻": list(law.spouse_roles(c.takes))}


def _entry_origins(c: Case) -> Projection:
    """第13条第1項第8号: the 戸籍 each spouse came from (the family index), for each person the 婚姻 wrote."""
    return {"従前戸籍": [f for f, _ in _written_persons(c)]}


def _entry_parents(c: Case) -> Projection:
    """第13条第1項第5号 (実父母の氏名), 第49条第2項第3号 (父母の氏名): the child's 父 (none for a mother alone)
    and 母."""
    father, mother = c.persons
    return {"父": None if father is None else _name(c.families[father[0]], father[1]),
            "母": None if mother is None else _name(c.families[mother[0]], mother[1])}


def _entry_legitimacy(c: Case) -> Projection:
    """第49条第2項第1号: the child's 男女の別 (the 届書's, 男 or 女) and 嫡出子又は嫡出でない子の別."""
    return {"性別": c.child_sex, "嫡出子の別": law.legitimacy(c.takes)}


def _removed_on_death(c: Case) -> Projection:
    """第86条第2項第1号: the 死亡の年月日 the 届書 states is the day the deceased's entry is removed; a 死亡届
    refused for its place (:func:`_unless_refused`) removes no one."""
    return _unless_refused(c, {"除籍年月日": [c.day.isoformat()]}, {"除籍年月日": []})


def _name_characters(c: Case) -> Projection:
    return {"名の文字適合": law.name_characters_allowed(c.child_name)}


def _field(name: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        return {name: answer.get(name)}

    return pick


def _labelled(name: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        return {name: sent.label(answer.get(name))}

    return pick


def _koseki(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    koseki = answer.get("戸籍")
    return koseki if isinstance(koseki, Mapping) else {}


def _actual_display(answer: Mapping[str, Any], sent: Sent) -> Projection:
    koseki = _koseki(answer)
    entries = koseki.get("在籍者")
    first = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], Mapping) else {}
    honseki = NEW if koseki.get("本籍") == sent.new_honseki else koseki.get("本籍")
    return {
        "本籍": honseki,
        "筆頭者氏名は筆頭の者": koseki.get("筆頭者氏名") is not None and koseki.get("筆頭者氏名") == first.get("氏名"),
    }


def _actual_after_removal(answer: Mapping[str, Any], sent: Sent) -> Projection:
    koseki = _koseki(answer)
    honseki = 0 if sent.displays and koseki.get("本籍") == sent.displays[0][0] else koseki.get("本籍")
    return {"受理": answer.get("受理"), "戸籍": honseki, "筆頭者氏名": koseki.get("筆頭者氏名")}


def _entries(answer: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [entry for entry in _koseki(answer).get("在籍者") or [] if isinstance(entry, Mapping)]


def _written(answer: Mapping[str, Any], sent: Sent) -> list[Mapping[str, Any]]:
    """The entries the 届出 wrote: every entry of the new 戸籍 a 婚姻 made, else the last of the 戸籍 answered (the
    child a 出生 or the spouse a 婚姻 wrote in)."""
    entries = _entries(answer)
    if sent.new_honseki and _koseki(answer).get("本籍") == sent.new_honseki:
        return entries
    return entries[-1:]


def _written_items(*names: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        written = _written(answer, sent)
        found = {name: [entry.get(name) for entry in written] for name in names}
        if names == ("入籍原因", "入籍年月日") and not sent.new_honseki:  # a 出生: its day is not judged
            del found["入籍年月日"]
        return found

    return pick


def _actual_names_written(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"氏名": [entry.get("氏名") for entry in _written(answer, sent)]}


def _actual_roles(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """夫妻 of the taker's entry and of the other's: the two of a new 戸籍, else its first (the taker, 筆頭者) and
    last (the spouse written in)."""
    entries = _entries(answer)
    new = bool(sent.new_honseki) and _koseki(answer).get("本籍") == sent.new_honseki
    pair = entries if new else entries[:1] + entries[-1:]
    return {"夫妻": [entry.get("夫妻") for entry in pair]}


def _actual_origins(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"従前戸籍": [sent.label(entry.get("従前戸籍")) for entry in _written(answer, sent)]}


def _actual_parents(answer: Mapping[str, Any], sent: Sent) -> Projection:
    child = (_written(answer, sent) or [{}])[0]
    return {"父": child.get("父"), "母": child.get("母")}


def _actual_legitimacy(answer: Mapping[str, Any], sent: Sent) -> Projection:
    child = (_written(answer, sent) or [{}])[0]
    return {"性別": child.get("性別"), "嫡出子の別": child.get("嫡出子の別")}


def _actual_adoptee_entered(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The 戸籍 the 養子 entered and the 氏名 written there (the last entry of the 戸籍 answered)."""
    adoptee = (_entries(answer)[-1:] or [{}])[0]
    return {"入籍戸籍": sent.label(answer.get("入籍戸籍")), "氏名": adoptee.get("氏名")}


def _actual_adoptive_parent(answer: Mapping[str, Any], sent: Sent) -> Projection:
    adoptee = (_entries(answer)[-1:] or [{}])[0]
    parents = adoptee.get("養親")
    return {"養親": list(parents) if isinstance(parents, list) else parents}


def _actual_removed(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"受理": answer.get("受理"),
            "除籍年月日": [entry.get("除籍年月日") for entry in _entries(answer) if entry.get("除籍年月日")]}


def _reading_characters(c: Case) -> Projection:
    return {"振り仮名の文字適合": law.furigana_characters_allowed(c.child_reading or CHILD_READING)}


def _actual_readings(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The vendor's verdict on the 名の振り仮名; a reading the oracle does not judge (平仮名, a mark) is never drawn."""
    return {"振り仮名の文字適合": answer.get("振り仮名の文字適合")}


def _actual_names(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The vendor's verdict on the 名; a 名 the oracle does not judge (a 漢字, a mark) is never drawn."""
    return {"名の文字適合": answer.get("名の文字適合")}


def _rule(name: str, cases: Callable[[], st.SearchStrategy[Case]], expected: Callable[[Case], Projection],
          actual: Actual, examples: tuple[Case, ...]) -> KosekiRule:
    """One rule as data, its title (naming the provision) the rule's text in the folder's ``texts.yaml``."""
    return KosekiRule(name, STATUTE.title(name), cases, expected, actual, examples)


KOSEKI_RULES: dict[str, KosekiRule] = {rule.name: rule for rule in (
    _rule("koseki.period_start", births, _or_refused("起算日", _start), _period_field("起算日"), (BIRTH,)),
    _rule("koseki.adoptee_enters", adoptions, _adoptee_entered, _actual_adoptee_entered,
          (ADOPTION, ADOPTION_OF_HEAD)),
    _rule("koseki.adoptive_parent", adoptions, _adoptive_parent, _actual_adoptive_parent,
          (ADOPTION, ADOPTION_OF_HEAD)),
    _rule("koseki.judgment_start", judgments, _or_refused("起算日", _judgment_start), _period_field("起算日"),
          (JUDGMENT_BEFORE_SERVICE, JUDGMENT_AFTER_SERVICE)),
    _rule("koseki.birth_period", births, _or_refused("届出期間末日", _period_end), _period_field("届出期間末日"),
          (BIRTH, BIRTH_ABROAD, BIRTH_DUE_ON_HOLIDAY)),
    _rule("koseki.death_period", deaths, _or_refused("届出期間末日", _period_end), _period_field("届出期間末日"),
          (DEATH, DEATH_ABROAD, DEATH_DUE_ON_HOLIDAY, DEATH_ELSEWHERE)),
    _rule("koseki.marriage_new", lambda: marriages(False), _new_koseki, _field("新戸籍編製"), (MARRIAGE_NEW,)),
    _rule("koseki.marriage_head", lambda: marriages(True), _new_koseki, _field("新戸籍編製"),
          (MARRIAGE_INTO_HEAD,)),
    _rule("koseki.marriage_enters", lambda: marriages(True), _entered_on_marriage, _labelled("入籍戸籍"),
          (MARRIAGE_INTO_HEAD,)),
    _rule("koseki.foreign_marriage_new", lambda: foreign_marriages(False), _new_koseki, _field("新戸籍編製"),
          (FOREIGN_MARRIAGE,)),
    _rule("koseki.foreign_marriage_head", lambda: foreign_marriages(True), _new_koseki, _field("新戸籍編製"),
          (FOREIGN_MARRIAGE_HEAD,)),
    _rule("koseki.child_parents", lambda: births("父母"), _child_entered, _labelled("入籍戸籍"), (BIRTH,)),
    _rule("koseki.child_mother", lambda: births("母"), _child_entered, _labelled("入籍戸籍"), (BIRTH_TO_MOTHER,)),
    _rule("koseki.display", lambda: marriages(False), _display, _actual_display, (MARRIAGE_NEW,)),
    _rule("koseki.display_after_removal", lambda: deaths(head=True).filter(lambda c: c.registered),
          _display_after_removal, _actual_after_removal, (DEATH, DEATH_ELSEWHERE)),
    _rule("koseki.request", requests, _request, _field("交付可"), (SIBLING_REQUEST, REMOVED_REQUEST)),
    _rule("koseki.filing_place", deaths, _filing_place, _field("届出地適合"), (DEATH_AT_LOCATION,)),
    _rule("koseki.filing_place_foreigner", lambda: deaths(foreigner=True), _filing_place, _field("届出地適合"),
          (DEATH_OF_FOREIGNER,)),
    _rule("koseki.entry_name", _births_and_marriages, _entry_names, _actual_names_written,
          (BIRTH_TO_MOTHER, MARRIAGE_INTO_HEAD, MARRIAGE_NEW)),
    _rule("koseki.entry_furigana", _births_and_marriages, _entry_furigana, _written_items("氏名_フリガナ"),
          (BIRTH, MARRIAGE_INTO_HEAD, MARRIAGE_NEW)),
    _rule("koseki.entry_birth", _births_and_marriages, _entry_births, _written_items("生年月日"),
          (BIRTH, MARRIAGE_NEW)),
    _rule("koseki.entry_cause", _births_and_marriages, _entry_causes, _written_items("入籍原因", "入籍年月日"),
          (BIRTH, MARRIAGE_INTO_HEAD, MARRIAGE_NEW)),
    _rule("koseki.entry_spouse", _marriages_either, _entry_roles, _actual_roles, (MARRIAGE_INTO_HEAD, MARRIAGE_NEW)),
    _rule("koseki.entry_origin", _marriages_either, _entry_origins, _actual_origins,
          (MARRIAGE_INTO_HEAD, MARRIAGE_NEW)),
    _rule("koseki.entry_parents", births, _entry_parents, _actual_parents, (BIRTH, BIRTH_TO_MOTHER, BIRTH_WIFE_FIRST)),
    _rule("koseki.entry_legitimacy", births, _entry_legitimacy, _actual_legitimacy,
          (BIRTH, BIRTH_TO_MOTHER, BIRTH_OF_SON)),
    _rule("koseki.death_day", lambda: deaths().filter(lambda c: c.registered), _removed_on_death, _actual_removed,
          (DEATH, DEATH_ABROAD, DEATH_ELSEWHERE)),
    _rule("koseki.name_plain", lambda: births(names=_plain_names()), _name_characters, _actual_names,
          (LATIN_NAME, BIRTH)),
    _rule("koseki.name_kana", lambda: births(names=_kana_names()), _name_characters, _actual_names,
          (HENTAIGANA_NAME, BIRTH)),
    _rule("koseki.furigana_range", births_read, _reading_characters, _actual_readings,
          (KANJI_READING, LATIN_READING, BIRTH)),
)}


#: Each rule the check ``scenario.<name>`` (the registry reads ``RULE_CHECKS``: conformance.checks.statute_rules).
RULE_CHECKS = own_rule_checks(run_rule, KOSEKI_RULES.values(),
                              "Scenario check of {title} (vendor's driver against "
                              ":mod:`conformance.domains.koseki.oracle`).")
