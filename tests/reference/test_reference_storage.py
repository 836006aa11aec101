"""The reference vendor's sqlite3 store: history rows, latest rows, paging, numbers, 交付履歴."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from conformance.oracles.identifiers import m11w2_7_check_digit
from conformance.testdata.town import default_town
from conformance_reference.jumin.storage import _MAX_SERIAL, Store, next_serial, utc_stamp

ROWS = default_town()


@pytest.fixture
def store() -> Iterator[Store]:
    opened = Store()
    opened.load(ROWS[:40])
    yield opened
    opened.close()


def test_load_replaces_everything(store: Store) -> None:
    store.log_issuance(ROWS[0]["宛名番号"], "issued")
    assert store.load(ROWS[40:45]) == 5
    assert [row["宛名番号"] for row in store.all_latest()] == [row["宛名番号"] for row in ROWS[40:45]]
    assert store.issuance_log() == []


def test_replace_with_a_loaded_store_is_a_load_stamped_now(store: Store) -> None:
    """What a migration kept loaded gives (``Store.replace_with``): the rows, nothing else of before, each
    changed now; the kept store does not change with the one it was copied into."""
    store.log_issuance(ROWS[0]["宛名番号"], "issued")
    store.put_domain_record(ROWS[0]["宛名番号"], "生活保護", {"開始日": "2020-04-01"})
    kept = Store()
    kept.load(ROWS[40:45])
    time.sleep(0.01)
    mark = utc_stamp()
    assert store.replace_with(kept) == 5
    assert store.all_history() == kept.all_history() and store.issuance_log() == []
    assert store.domain_record(ROWS[0]["宛名番号"], "生活保護") == {}
    rows, more = store.changed_since(mark, 0, 100)
    assert [row["宛名番号"] for row in rows] == [row["宛名番号"] for row in ROWS[40:45]] and not more
    assert kept.changed_since(mark, 0, 100) == ([], False)
    store.append(dict(ROWS[40], 氏名="写し　太郎"))
    assert kept.latest(ROWS[40]["宛名番号"]) == ROWS[40]
    kept.close()


def test_load_rejects_rows_without_keys() -> None:
    store = Store()
    with pytest.raises(ValueError, match="positive 履歴番号"):
        store.load([dict(ROWS[0], 履歴番号="x")])
    with pytest.raises(ValueError):
        store.load([dict(ROWS[0], 履歴番号="9" * 40)])


def test_latest_and_unknown(store: Store) -> None:
    assert store.latest(ROWS[3]["宛名番号"]) == ROWS[3]
    assert store.latest("0000000000") is None


def test_all_latest_is_ordered_by_atena(store: Store) -> None:
    assert store.all_latest() == sorted(ROWS[:40], key=lambda row: row["宛名番号"])


def test_all_latest_follows_every_write_and_hands_out_copies(store: Store) -> None:
    atena = ROWS[0]["宛名番号"]
    store.all_latest()[0]["住所_方書"] = "changed by a caller"  # a caller's change is its own
    assert store.all_latest() == sorted(ROWS[:40], key=lambda row: row["宛名番号"])
    store.append(dict(ROWS[0], 住所_方書="見本荘101"))
    assert {row["宛名番号"]: row for row in store.all_latest()}[atena]["住所_方書"] == "見本荘101"
    store.overwrite_latest(dict(ROWS[0], 住所_方書="見本荘102"))
    assert {row["宛名番号"]: row for row in store.all_latest()}[atena]["住所_方書"] == "見本荘102"
    with pytest.raises(ValueError):
        store.add([ROWS[1]])  # refused and rolled back: what was read stays right
    assert len(store.all_latest()) == 40
    store.load(ROWS[40:42])
    assert [row["宛名番号"] for row in store.all_latest()] == [row["宛名番号"] for row in ROWS[40:42]]


def test_current_rows_are_shared_until_a_write_and_only_the_written_persons_are_read_again(store: Store) -> None:
    first = store.current()
    assert store.current() is first and list(first) == sorted(ROWS[:40], key=lambda row: row["宛名番号"])
    with pytest.raises(ValueError):
        store.add([ROWS[45], ROWS[1]])  # the second repeats a stored row: neither is kept
    before = store.current()
    assert [row["宛名番号"] for row in before] == [row["宛名番号"] for row in first]
    store.add([ROWS[45]])
    moved = store.append(dict(ROWS[2], 住所_方書="見本荘103"))
    after = {row["宛名番号"]: row for row in store.current()}
    assert list(after) == sorted([*after]) and len(after) == 41
    assert after[ROWS[45]["宛名番号"]] == ROWS[45] and after[ROWS[2]["宛名番号"]] == moved
    # A person no write touched keeps the row decoded before (3,000 rows are not decoded at each write).
    assert after[ROWS[3]["宛名番号"]] is {row["宛名番号"]: row for row in before}[ROWS[3]["宛名番号"]]


def test_append_counts_history_and_latest_follows(store: Store) -> None:
    atena = ROWS[0]["宛名番号"]
    second = store.append(dict(ROWS[0], 住所_方書="見本荘101"))
    third = store.append(dict(ROWS[0], 住所_方書="見本荘102"))
    assert (second["履歴番号"], third["履歴番号"]) == ("2", "3")
    assert [row["履歴番号"] for row in store.history(atena)] == ["1", "2", "3"]
    assert store.latest(atena) == third
    assert store.history(atena)[0] == ROWS[0]


def test_append_of_a_new_person_starts_at_one(store: Store) -> None:
    row = store.append(dict(ROWS[0], 宛名番号="9999999990"))
    assert row["履歴番号"] == "1"


def test_overwrite_latest_keeps_the_number(store: Store) -> None:
    atena = ROWS[0]["宛名番号"]
    store.append(dict(ROWS[0], 住所_方書="A"))
    replaced = store.overwrite_latest(dict(ROWS[0], 住所_方書="B"))
    assert replaced["履歴番号"] == "2"
    assert [row["住所_方書"] for row in store.history(atena)] == [ROWS[0]["住所_方書"], "B"]


def test_changed_since_pages_and_filters(store: Store) -> None:
    page, more = store.changed_since(None, 0, 15)
    assert len(page) == 15 and more
    rest, more = store.changed_since(None, 30, 15)
    assert len(rest) == 10 and not more
    assert store.changed_since(None, 10**30, 5) == ([], False)
    time.sleep(0.002)
    mark = utc_stamp()
    store.append(dict(ROWS[7], 住所_方書="X"))
    changed, more = store.changed_since(mark, 0, 100)
    assert [row["宛名番号"] for row in changed] == [ROWS[7]["宛名番号"]] and not more


def test_household_uses_the_latest_row(store: Store) -> None:
    setai = ROWS[0]["世帯番号"]
    members = [row for row in ROWS[:40] if row["世帯番号"] == setai]
    assert store.household(setai) == members
    store.append(dict(members[0], 世帯番号="5999999994"))
    assert [row["宛名番号"] for row in store.household(setai)] == [row["宛名番号"] for row in members[1:]]
    assert [row["宛名番号"] for row in store.household("5999999994")] == [members[0]["宛名番号"]]


def test_next_serials_follow_the_largest_and_skip_remainder_one(store: Store) -> None:
    largest = max(int(row["宛名番号"][:9]) for row in ROWS[:40])
    assert store.next_atena_serial() == next_serial(largest)
    assert store.next_setai_serial() == next_serial(max(int(row["世帯番号"][:9]) for row in ROWS[:40]))
    assert m11w2_7_check_digit("000000006") is None
    assert next_serial(5) == 7  # 000000006 has remainder 1: skipped
    assert Store().next_atena_serial() == 1


def test_next_serial_ignores_numbers_that_are_not_ten_digits(store: Store) -> None:
    before = store.next_atena_serial()
    store.append(dict(ROWS[0], 宛名番号="99999999999"))
    store.append(dict(ROWS[0], 宛名番号="99999999x9"))
    assert store.next_atena_serial() == before


@pytest.mark.parametrize("column", ["atena", "setai"])
def test_the_largest_serial_is_read_from_its_index_not_from_every_row(store: Store, column: str) -> None:
    # A new person's numbers are asked at each registration: a scan of the whole history each time was three
    # percent of a run. The partial index answers only while the query keeps the index's own expression.
    plan = store._query("EXPLAIN QUERY PLAN " + _MAX_SERIAL.format(column=column))
    assert [detail for *_, detail in plan] == [f"SEARCH history USING INDEX history_{column}_serial"]


def test_a_copy_holds_what_the_store_holds_and_goes_its_own_way(store: Store) -> None:
    store.log_issuance(ROWS[0]["宛名番号"], "issued")
    store.put_domain_record(ROWS[0]["宛名番号"], "生活保護", {"開始日": "2020-04-01"})
    store.current()  # a cache of the original's rows, which the copy must not share
    copy = Store()
    store.copy_to(copy)
    assert copy.all_history() == store.all_history() and copy.all_latest() == store.all_latest()
    assert copy.issuance_log() == store.issuance_log()
    assert copy.domain_record(ROWS[0]["宛名番号"], "生活保護") == {"開始日": "2020-04-01"}
    assert copy.next_atena_serial() == store.next_atena_serial()
    copy.append(dict(ROWS[0], 氏名="写し　太郎"))
    assert store.latest(ROWS[0]["宛名番号"])["氏名"] == ROWS[0]["氏名"]  # type: ignore[index]
    assert copy.latest(ROWS[0]["宛名番号"])["氏名"] == "写し　太郎"  # type: ignore[index]
    copy.close()


def test_issuance_log(store: Store) -> None:
    first = store.log_issuance("1000000015", "issued")
    second = store.log_issuance("1000000023", "refused")
    assert second == first + 1
    assert [(entry.atena, entry.result) for entry in store.issuance_log()] == [
        ("1000000015", "issued"), ("1000000023", "refused"),
    ]
    assert [entry.number for entry in store.issuance_log("1000000023")] == [second]


def test_concurrent_appends_get_distinct_numbers(store: Store) -> None:
    atena = ROWS[0]["宛名番号"]

    def work() -> None:
        for _ in range(20):
            store.append(dict(ROWS[0]))

    threads = [threading.Thread(target=work) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [int(row["履歴番号"]) for row in store.history(atena)] == list(range(1, 102))
