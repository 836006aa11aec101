"""Worked examples from public sources (conformance/domains/worked_examples.py): each domain's oracle reproduces
every example its folder keeps, a wrong reading of the oracle is caught by them, and a broken examples.yaml is an
error naming the file, the line, the field and the value."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from conformance.domains import worked_examples
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.keijidosha_zei import oracle as keijidosha
from conformance.domains.kojin_juminzei import oracle as kojin
from conformance.domains.koseki_fuhyo import oracle as fuhyo
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.oracle import months_later as senkyo_months_later
from conformance.domains.shugaku import oracle as shugaku
from conformance.domains.worked_examples import Example, examples_of, folders_with_examples
from conformance.errors import SpecError
from conformance.oracles.residence import Residence

CASES = [(slug, example) for slug in folders_with_examples() for example in examples_of(slug)]


def _answer(slug: str) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    function: Callable[[Mapping[str, Any]], dict[str, Any]] = importlib.import_module(
        f"conformance.domains.{slug}.examples").answer
    return function


def _differences(slug: str, example: Example) -> dict[str, tuple[Any, Any]]:
    found = _answer(slug)(example.case)
    return {name: (wanted, found.get(name)) for name, wanted in example.expect.items() if found.get(name) != wanted}


@pytest.mark.parametrize(("slug", "example"), CASES, ids=[example.id for _, example in CASES])
def test_the_oracle_reproduces_the_example(slug: str, example: Example) -> None:
    assert _differences(slug, example) == {}, f"{example.id} ({example.source.url}): expected vs oracle"


def test_kaigo_keeps_at_least_ten_examples_from_several_sources() -> None:
    examples = examples_of("kaigo")
    assert len(examples) >= 10 and len({example.source.url for example in examples}) >= 3


def test_the_misreading_of_the_move_day_is_caught_by_an_example(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading the oracle and the reference shared until 2026-11-27 (insured on the ただし書's 喪失日): 摂津市's
    example fails it."""
    def old_reading(birth: date, stay: Residence, as_of: date, history: Any = None) -> bool:
        return stay.moved_in <= as_of and (stay.moved_out is None or as_of <= stay.moved_out) \
            and as_of >= kaigo.kaigo_age_date(birth)

    monkeypatch.setattr(kaigo, "kaigo_first_insured_on", old_reading)
    failed = {example.id: _differences("kaigo", example) for example in examples_of("kaigo")}
    assert {name for name, differences in failed.items() if differences} == {"kaigo-ex-settsu-move"}
    assert failed["kaigo-ex-settsu-move"] == {"第1号被保険者": (False, True)}


def test_a_loss_a_day_late_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = kaigo.kaigo_loss_date

    def day_late(history: Any, stay: Residence) -> date | None:
        lost = real(history, stay)
        return lost + timedelta(days=1) if lost is not None else None

    monkeypatch.setattr(kaigo, "kaigo_loss_date", day_late)
    failed = {example.id for example in examples_of("kaigo") if _differences("kaigo", example)}
    assert {"kaigo-ex-nara-move-out", "kaigo-ex-kimotsuki-death-march-30", "kaigo-ex-settsu-move"} <= failed


def _folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    (tmp_path / "kaigo").mkdir()
    (tmp_path / "kaigo" / "examples.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(worked_examples, "DOMAINS_DIR", tmp_path)
    examples_of.cache_clear()


SOURCE = ("  source: {url: 'https://www.example.lg.jp/a.html', publisher: 例市, title: 例, seen: '2026-11-27'}\n"
          "  says: 例\n  provision: 第1条\n  case: {}\n  expect: {a: 1}\n")


def test_a_broken_example_names_the_file_line_field_and_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path, monkeypatch, "examples:\n- id: kaigo-ex-one\n" + SOURCE.replace("seen: '2026-11-27'",
                                                                                        "seen: 'yesterday'"))
    with pytest.raises(SpecError) as raised:
        examples_of("kaigo")
    examples_of.cache_clear()
    message = str(raised.value)
    assert "kaigo/examples.yaml:3: examples.0.source.seen" in message and "'yesterday'" in message


def test_an_example_of_another_domain_or_written_twice_is_refused(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path, monkeypatch, "examples:\n- id: kaigo-ex-one\n" + SOURCE + "- id: kaigo-ex-one\n" + SOURCE
            + "- id: kokuho-ex-two\n" + SOURCE)
    with pytest.raises(SpecError) as raised:
        examples_of("kaigo")
    examples_of.cache_clear()
    message = str(raised.value)
    assert "examples.1.id: 'kaigo-ex-one' is written twice" in message
    assert "examples.2.id: 'kokuho-ex-two' does not begin with kaigo-ex-" in message


def _failing(slug: str) -> dict[str, dict[str, tuple[Any, Any]]]:
    """The examples of ``slug`` the oracle (as patched) no longer reproduces, with their differences."""
    found = {example.id: _differences(slug, example) for example in examples_of(slug)}
    return {name: differences for name, differences in found.items() if differences}


@pytest.mark.parametrize("slug", ["kojin_juminzei", "keijidosha_zei", "senkyo", "shugaku", "koseki_fuhyo"])
def test_each_domain_keeps_at_least_ten_examples_from_three_sources(slug: str) -> None:
    examples = examples_of(slug)
    assert len(examples) >= 10 and len({example.source.url for example in examples}) >= 3


def test_kojin_juminzei_a_death_on_the_levy_date_taxed_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading 「1月2日以降に亡くなった人は課税」 as 「1月1日に亡くなった人も」: つくば市's boundary catches it."""
    real = kojin.juminzei_municipality

    def taxed_on_death_day(history: Any, fiscal_year: int, *, died: date | None = None) -> str | None:
        return real(history, fiscal_year, died=None if died == kojin.levy_date(fiscal_year) else died)

    monkeypatch.setattr(kojin, "juminzei_municipality", taxed_on_death_day)
    assert _failing("kojin_juminzei") == {
        "kojin_juminzei-ex-tsukuba-death-on-levy-date": {"課税市町村": (None, "082201")}}


def test_kojin_juminzei_an_age_reached_on_the_birthday_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """満年齢 reached on the birthday instead of the day before (年齢計算ニ関スル法律): 品川区's 1月2日 boundary."""
    monkeypatch.setattr(kojin, "is_minor_on_levy_date", lambda birth, fiscal_year: birth.replace(
        year=birth.year + kojin.ADULT_AGE) > kojin.levy_date(fiscal_year))
    assert _failing("kojin_juminzei") == {
        "kojin_juminzei-ex-shinagawa-adult-born-january-second": {"未成年者": (False, True)}}


def test_keijidosha_zei_the_owner_of_the_day_before_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner as 4月1日 begins (the one of 3月31日) instead of the owner on 4月1日 (第463条の16): 山武市's 廃車 and
    基山町's 名義変更 on 4月1日 catch it."""
    monkeypatch.setattr(keijidosha, "keijidosha_levy_date", lambda fiscal_year: date(fiscal_year, 3, 31))
    assert _failing("keijidosha_zei") == {"keijidosha_zei-ex-sammu-scrapped-by-april-1": {"納税義務者": (None, "A")},
                                          "keijidosha_zei-ex-kiyama-transfer-by-april-1": {"納税義務者": ("B", "A")}}


def test_senkyo_three_months_from_the_move_instead_of_the_notification_is_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """第21条第1項's 括弧書 counts from the day of the 転入届, not the day the address was taken: 大東市 catches it."""
    def from_the_move(person: senkyo.Person, day: date) -> bool:
        return (senkyo.national_suffrage(person, day) and person.resident_on(day)
                and senkyo.months_later(person.settled, 3) <= day)

    monkeypatch.setattr(senkyo, "qualified_as_resident", from_the_move)
    assert _failing("senkyo") == {"senkyo-ex-daito-counted-from-the-notification": {
        "登録日": ("2025-09-01", "2025-06-01")}}


def test_senkyo_four_months_counting_the_day_of_the_move_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """「日後四箇月を経過」 counted with the 転出 day (初日算入) strikes a day early: 塩尻市's boundary catches it."""
    monkeypatch.setattr(senkyo, "struck_off_day", lambda ceased: senkyo.months_later(ceased, 4))
    assert _failing("senkyo") == {"senkyo-ex-shiojiri-four-months-to-the-day": {
        "名簿登録": (True, False), "抹消事由": (None, "転出後4箇月経過")}}


def test_shugaku_an_age_reached_on_the_birthday_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """満六歳 reached on the sixth birthday instead of the day before (年齢計算ニ関スル法律): the children born
    on 4月1日 of 交野市, 観音寺市 and 小樽市 would enter a year late."""
    monkeypatch.setattr(shugaku, "age_reached_on", lambda birth, age: birth.replace(year=birth.year + age))
    assert set(_failing("shugaku")) == {"shugaku-ex-katano-april-first", "shugaku-ex-kanonji-april-first",
                                        "shugaku-ex-otaru-elementary-april-first",
                                        "shugaku-ex-otaru-lower-secondary-april-first"}


def test_shugaku_the_notice_deadline_day_read_as_late_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child recorded on 1月31日 is not 「通知の期限の翌日以後」 (施行令 第6条第1号), whatever 大町市's
    「以降」 says."""
    monkeypatch.setattr(shugaku, "is_late_entrant", lambda fiscal_year, recorded_on: recorded_on >= date(
        fiscal_year + 1, 1, 31))
    assert _failing("shugaku") == {"shugaku-ex-omachi-move-in-january-31": {"速やかに通知": (False, True)}}


def test_koseki_fuhyo_the_day_moved_out_as_the_new_address_day_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new address's 住所を定めた年月日 is the 転入日 the 住所地 notifies (施行令 第20条第1項), not the 転出 day:
    広島市, 郡山市 and 札幌市 catch it."""
    real = fuhyo.fuhyo_address

    def dated_by_the_move_out(town: str, settled: date, planned_out: date | None = None, *,
                              moved_in_elsewhere: date | None = None,
                              next_municipality: str | None = None) -> fuhyo.FuhyoAddress:
        found = real(town, settled, planned_out, moved_in_elsewhere=moved_in_elsewhere,
                     next_municipality=next_municipality)
        moved = planned_out is not None and not found.emigrant
        return fuhyo.FuhyoAddress(found.municipality, found.emigrant, planned_out) if moved and planned_out else found

    monkeypatch.setattr(fuhyo, "fuhyo_address", dated_by_the_move_out)
    assert set(_failing("koseki_fuhyo")) == {"koseki_fuhyo-ex-hiroshima-new-address",
                                             "koseki_fuhyo-ex-koriyama-the-day-moved-in",
                                             "koseki_fuhyo-ex-sapporo-address-and-day"}


def test_senkyo_three_months_without_the_day_of_the_notification_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """初日不算入 applied to the 転入届's day (three months from the next day): 開成町's 「基準日の3か月前までに」
    catches it."""
    monkeypatch.setattr(senkyo, "months_later", lambda day, months: (
        senkyo_months_later(day + timedelta(days=1), months) if months == 3 else senkyo_months_later(day, months)))
    assert _failing("senkyo") == {"senkyo-ex-kaisei-notified-three-months-before": {"被登録資格": (True, False)}}
