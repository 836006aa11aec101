"""選挙人名簿管理's rules of 第11条 (選挙権 barred by a sentence, and the notices of 第11条第3項): the persons
drawn, the oracle's answer, the worked examples and the rules (``checks`` registers them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, _near, in_any_order, picked_in_any_order
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import (
    _DAY,
    _LONG,
    PART,
    RECORD,
    STATUTE,
    _adult_resident,
    _as_of,
    _asked,
    _gone,
    _sentenced,
    person_of,
    sentence_of,
)
from conformance.oracles.dates import fiscal_year_of, months_later


def _asked_near(draw: st.DrawFn, s: Scenario, sentence: senkyo.Sentence, anchors: tuple[date, ...],
                avoid: tuple[date | None, ...]) -> Scenario:
    """The sentenced scenario asked about near one of ``anchors``, never on a day of ``avoid`` (the days a
    sentence becomes final, ends or is remitted: which side of them the day falls is not the rule's point)."""
    banned = {day for day in avoid if day is not None}
    as_of = draw(st.sampled_from(anchors).flatmap(lambda anchor: _near(anchor, 4)).filter(lambda d: d not in banned))
    return _asked(_sentenced(s, sentence), max(as_of, s.moved_in))


def _final(draw: st.DrawFn) -> date:
    return draw(st.dates(date(2016, 1, 1), date(2025, 6, 30)))


@st.composite
def serving_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第2号: a 拘禁刑 served (or a 罰金, which is not 拘禁刑以上, paid some days later)."""
    final = _final(draw)
    fine = draw(st.booleans())
    served = final + timedelta(days=draw(st.integers(2, 60) if fine else st.integers(30, 2000)))
    sentence = senkyo.Sentence(final, senkyo.FINE if fine else senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, served=served)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, served, final + (served - final) / 2),
                       (final, served))


@st.composite
def unexecuted_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第3号: a 拘禁刑 never executed until remitted (時効, 免除), or one suspended (執行猶予中)."""
    final = _final(draw)
    if draw(st.booleans()):
        remitted = final + timedelta(days=draw(st.integers(100, 4000)))
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, remitted=remitted)
        anchors = (final, remitted, final + (remitted - final) / 2)
    else:
        until = months_later(final, draw(st.integers(12, 60))) - _DAY
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME, suspended_until=until)
        anchors = (final, until, final + (until - final) / 2)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, anchors, (final, sentence.remitted))


@st.composite
def bribery_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第4号: a 公職収賄 sentence (拘禁刑 served or remitted, 罰金 paid, or suspended), asked about
    around five years after its end or around the end of its suspension."""
    final = draw(st.dates(date(2012, 1, 1), date(2024, 6, 30)))
    kind = draw(st.sampled_from(("served", "remitted", "fine", "suspended")))
    if kind == "suspended":
        until = months_later(final, draw(st.integers(12, 60))) - _DAY
        sentence = senkyo.Sentence(final, draw(st.sampled_from((senkyo.IMPRISONMENT, senkyo.FINE))), senkyo.BRIBERY,
                                   suspended_until=until)
        return _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, until), (final,))
    ended = final + timedelta(days=draw(st.integers(2, 30) if kind == "fine" else st.integers(100, 1500)))
    sentence = senkyo.Sentence(final, senkyo.FINE if kind == "fine" else senkyo.IMPRISONMENT, senkyo.BRIBERY,
                               served=None if kind == "remitted" else ended,
                               remitted=ended if kind == "remitted" else None)
    # A 罰金 not yet paid is not drawn (the days from its finality to its payment).
    avoid = (final, ended, *(final + timedelta(days=n) for n in range((ended - final).days if kind == "fine" else 0)))
    five_years = months_later(ended + _DAY, 60)
    return _asked_near(draw, draw(_adult_resident(codes)), sentence, (five_years, ended + timedelta(days=5)), avoid)


@st.composite
def election_crime_persons(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第1項第5号: a 選挙犯罪 with a suspended 拘禁刑, asked about before it is final or during the
    suspension (never after: 第252条, which this edition does not quote, decides then: 第11条第2項)."""
    final = _final(draw)
    until = months_later(final, draw(st.integers(12, 60))) - _DAY
    sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.ELECTION_CRIME, suspended_until=until)
    scenario = _asked_near(draw, draw(_adult_resident(codes)), sentence, (final, until - timedelta(days=5)), (final,))
    assert scenario.as_of is not None
    return replace(scenario, as_of=min(scenario.as_of, until), fiscal_year=fiscal_year_of(min(scenario.as_of, until)))


def _suffrage_kept(s: Scenario, town: str) -> Projection:
    """第11条第1項: 選挙権 (national and the town's) unless the sentence bars it."""
    person, as_of = person_of(s), _as_of(s)
    barred = senkyo.disqualified(sentence_of(s), as_of)
    return {"選挙権_国政": senkyo.national_suffrage(person, as_of) and not barred,
            "選挙権_地方": senkyo.local_suffrage(person, as_of) and not barred}
#: 第11条第1項: a 拘禁刑 final 2023-04-10 served until 2025-02-10 (barred on 2025-01-01, not on 2025-03-01); a
#: 罰金 final 2025-01-10 paid 2025-02-20 (not 拘禁刑以上: kept on 2025-02-01).
SERVING = _sentenced(replace(_LONG, as_of=date(2025, 1, 1)),
                     senkyo.Sentence(date(2023, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                     served=date(2025, 2, 10)))
RELEASED = replace(SERVING, as_of=date(2025, 3, 1))
FINED = _sentenced(replace(_LONG, as_of=date(2025, 2, 1)),
                   senkyo.Sentence(date(2025, 1, 10), senkyo.FINE, senkyo.OTHER_CRIME, served=date(2025, 2, 20)))
#: A 拘禁刑 suspended until 2027-04-09 (執行猶予中: kept); one never executed, remitted 2025-02-01.
SUSPENDED = _sentenced(replace(_LONG, as_of=date(2025, 3, 1)),
                       senkyo.Sentence(date(2024, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                       suspended_until=date(2027, 4, 9)))
UNEXECUTED = _sentenced(replace(_LONG, as_of=date(2025, 1, 20)),
                        senkyo.Sentence(date(2018, 4, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                        remitted=date(2025, 2, 1)))
#: 公職収賄, 拘禁刑 served until 2020-06-10: barred until 2025-06-10, kept from 2025-06-11.
BRIBERY = _sentenced(replace(_LONG, as_of=date(2025, 6, 9)),
                     senkyo.Sentence(date(2018, 6, 1), senkyo.IMPRISONMENT, senkyo.BRIBERY, served=date(2020, 6, 10)))
BRIBERY_PASSED = replace(BRIBERY, as_of=date(2025, 6, 11))
#: 選挙犯罪, 拘禁刑 suspended until 2027-04-09: barred on 2025-03-01.
ELECTION_CRIME = _sentenced(replace(_LONG, as_of=date(2025, 3, 1)),
                            senkyo.Sentence(date(2024, 4, 10), senkyo.IMPRISONMENT, senkyo.ELECTION_CRIME,
                                            suspended_until=date(2027, 4, 9)))


# -- 第11条第3項: the notice of a 事由 of 第11条第1項 to the municipality of the address -------------------------------

#: The 選挙人名簿 record's item telling whether the person's 本籍 is in the town (当市町村) or not (他市町村).
DOMICILE, DOMICILE_HERE, DOMICILE_ELSEWHERE = "本籍地", "当市町村", "他市町村"


@st.composite
def sentenced_after_moving(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """第11条第3項: an adult resident for years who moved to another municipality, with the 本籍 in the town (or, now
    and then, elsewhere), and a 拘禁刑 (now and then suspended, or a 罰金) final up to 200 days before or after the
    move and served 30-900 days later; asked about around the day it became final or ended, or later (never on
    those days)."""
    start = draw(_adult_resident(codes))
    out = draw(st.dates(date(2021, 1, 1), date(2024, 6, 30)))
    # Never on the day of the move (whether that day's 事由 is here or there is a reading not judged).
    final = out + timedelta(days=draw(st.integers(-200, 200).filter(lambda days: days != 0)))
    served = final + timedelta(days=draw(st.integers(30, 900)))
    served += _DAY if served == out else timedelta()
    kind = draw(st.sampled_from(("served", "served", "suspended", "fine")))
    if kind == "suspended":
        sentence = senkyo.Sentence(final, senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                   suspended_until=months_later(final, 36) - _DAY)
    else:
        sentence = senkyo.Sentence(final, senkyo.FINE if kind == "fine" else senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                   served=served)
    domicile = DOMICILE_HERE if draw(st.integers(0, 4)) else DOMICILE_ELSEWHERE
    gone = _gone(replace(start, fiscal_year=out.year), out, False, codes)
    s = _sentenced(gone, sentence)
    s = replace(s, records=(*s.records, (RECORD, DOMICILE, domicile)))
    anchors = (final, served, served + timedelta(days=100), out)
    as_of = draw(st.sampled_from(anchors).flatmap(lambda anchor: _near(anchor, 4))
                 .filter(lambda asked: asked not in (final, served, out)))
    return _asked(s, max(as_of, out + _DAY))


def _notices(s: Scenario, town: str) -> Projection:
    notices = senkyo.disqualification_notices(sentence_of(s), s.record(RECORD).get(DOMICILE) == DOMICILE_HERE,
                                              s.moved_out, _as_of(s), s.next)
    owed = [{"通知先": to, "事由": change, "年月日": day.isoformat()} for to, change, day in notices]
    return {"選挙権喪失通知": in_any_order(owed)}


#: 第11条第3項: 本籍 in the town, moved to 千代田区 on 2024-03-10; a 拘禁刑 final on 2024-05-10 and served until
#: 2025-02-10: on 2025-03-01 two notices are owed to 千代田区 (生じた 5月10日, なくなつた 2月10日); with the 本籍
#: elsewhere, none. Final on 2024-02-10 (before the move): only its ceasing.
_MOVED_AWAY = Scenario(2024, date(1970, 5, 5), date(1995, 4, 1), planned_out=date(2024, 3, 10),
                       elsewhere=date(2024, 3, 10), next="131016", as_of=date(2025, 3, 1))
_AFTER_MOVE = _sentenced(_MOVED_AWAY, senkyo.Sentence(date(2024, 5, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                                      served=date(2025, 2, 10)))
NOTIFIED_BOTH = replace(_AFTER_MOVE, records=(*_AFTER_MOVE.records, (RECORD, DOMICILE, DOMICILE_HERE)))
DOMICILE_AWAY = replace(NOTIFIED_BOTH, records=(*NOTIFIED_BOTH.records[:-1], (RECORD, DOMICILE, DOMICILE_ELSEWHERE)))
_BEFORE_MOVE = _sentenced(_MOVED_AWAY, senkyo.Sentence(date(2024, 2, 10), senkyo.IMPRISONMENT, senkyo.OTHER_CRIME,
                                                       served=date(2025, 2, 10)))
NOTIFIED_CEASING = replace(_BEFORE_MOVE, records=(*_BEFORE_MOVE.records, (RECORD, DOMICILE, DOMICILE_HERE)))

DISQUALIFICATION_RULES: tuple[Rule, ...] = (
    STATUTE.rule("senkyo.disqualified_serving", serving_persons, _suffrage_kept, ("選挙権_国政", "選挙権_地方"),
         (SERVING, RELEASED, FINED)),
    STATUTE.rule("senkyo.disqualified_unexecuted", unexecuted_persons, _suffrage_kept,
         ("選挙権_国政", "選挙権_地方"), (UNEXECUTED, SUSPENDED)),
    STATUTE.rule("senkyo.disqualified_bribery", bribery_persons, _suffrage_kept,
         ("選挙権_国政", "選挙権_地方"), (BRIBERY, BRIBERY_PASSED)),
    STATUTE.rule("senkyo.disqualified_election_crime", election_crime_persons, _suffrage_kept,
         ("選挙権_国政", "選挙権_地方"), (ELECTION_CRIME,)),
    STATUTE.rule("senkyo.disqualification_notice", sentenced_after_moving, _notices,
         picked_in_any_order(PART, "選挙権喪失通知"), (NOTIFIED_BOTH, DOMICILE_AWAY, NOTIFIED_CEASING)),
)
