"""The 住所地特例's shared shape (conformance/checks/facility_exception.py): the record the persons carry, the persons
drawn (a stay, a chain, a move out the 特例 keeps) and the oracle read from the record, for any domain's items. The
domains' rules are judged against the reference and its defects in tests/domains/{kaigo,kokuho,koki_korei}."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance.checks.facility_exception import FacilityException, Sender
from conformance.checks.scenarios import Scenario

CODES = ("221007", "131016")
EXCEPTION = FacilityException("保険", "区分", "措置", "最初", ("施設", "ホーム"), born=(1940, 1950),
                              moved_in=(date(2024, 4, 1), date(2025, 3, 31)), stay_days=30)
SENDER = Sender("保険", "転出先区分", "転出先措置", ("施設", "ホーム"), ("ホーム",), born=(1940, 1950),
                resident_since=lambda birth: date(birth.year + 30, 4, 1))


def test_the_record_names_the_domains_items_and_leaves_out_no_chain() -> None:
    assert EXCEPTION.record("施設", False, None) == (("保険", "区分", "施設"), ("保険", "措置", "無"))
    assert EXCEPTION.record("ホーム", True, "011002") == (("保険", "区分", "ホーム"), ("保険", "措置", "有"),
                                                         ("保険", "最初", "011002"))
    assert SENDER.record("ホーム", True) == (("保険", "転出先区分", "ホーム"), ("保険", "転出先措置", "有"))


def test_the_oracle_is_the_domains_decision_on_the_record() -> None:
    asked: list[tuple[str, bool, str | None, str, str | None]] = []

    def decide(kind: str, measure: bool, previous: str | None, town: str, origin: str | None) -> str | None:
        asked.append((kind, measure, previous, town, origin))
        return previous

    example = EXCEPTION.example(date(1945, 5, 5), "131016", "ホーム", True, "011002")
    assert (example.moved_in, example.as_of, example.fiscal_year) == (date(2024, 5, 1), date(2024, 6, 1), 2024)
    assert EXCEPTION.deemed("住所地特例", decide)(example, "221309") == {"住所地特例": "131016"}
    assert asked == [("ホーム", True, "131016", "221309", "011002")]
    moved_out = Scenario(2025, date(1945, 5, 5), date(1975, 4, 1), records=SENDER.record("施設", False))
    assert SENDER.kept(moved_out, lambda kind, measure: kind == "施設" and not measure)


@settings(max_examples=budget(30), database=None)
@given(st.data())
def test_the_persons_drawn_stay_in_their_bounds(data: st.DataObject) -> None:
    stay = data.draw(EXCEPTION.in_facility(CODES))
    assert stay.as_of is not None and 0 <= (stay.as_of - stay.moved_in).days <= 30
    assert 1940 <= stay.birth.year <= 1950 and stay.previous in (None, *CODES)
    assert stay.record("保険")["区分"] in ("施設", "ホーム") and "最初" not in stay.record("保険")
    chain = data.draw(EXCEPTION.in_chain(CODES))
    assert (chain.previous, chain.record("保険")["最初"], chain.record("保険")["措置"]) == ("221007", "131016", "有")
    left = data.draw(SENDER.leaving(CODES))
    assert left.moved_out is not None and left.as_of is not None and left.as_of > left.moved_out
    assert left.moved_in == date(left.birth.year + 30, 4, 1) and left.next in CODES
    assert left.record("保険")["転出先措置"] == "有" or left.record("保険")["転出先区分"] != "ホーム"
