"""The reference vendor's embedded database: the 住民記録 history rows in sqlite3 (stdlib).

Every change is a new history row keyed (宛名番号, 履歴番号): corrections append and never delete
(住民記録 1.0 1.2.1, 4.6.0.1). A person's current record is their row with the highest 履歴番号.
The items of a row are kept as one JSON object (header -> string), so the store does not depend on
the catalog's columns; 世帯番号 and the change time are copied into columns to be indexed.

One connection is shared by the server's threads: sqlite3 objects are not thread-safe by default,
so every access holds one re-entrant lock, and callers that read and then write (assigning a new
number) hold :meth:`Store.locked` around both.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from conformance_reference.numbers import weighted_remainder

#: A record: header -> value ('' when empty); 履歴番号 is a decimal string like the other values.
Row = dict[str, str]

_SCHEMA = """
CREATE TABLE history (
    atena TEXT NOT NULL,
    rireki INTEGER NOT NULL,
    setai TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    items TEXT NOT NULL,
    PRIMARY KEY (atena, rireki)
);
CREATE INDEX history_setai ON history (setai);
-- The serials of _MAX_SERIAL, so that a new person's numbers are found without reading every row (a scan per
-- registration was three percent of a run): the expressions and conditions are the query's own.
CREATE INDEX history_atena_serial ON history (CAST(substr(atena, 1, 9) AS INTEGER))
WHERE length(atena) = 10 AND atena NOT GLOB '*[^0-9]*';
CREATE INDEX history_setai_serial ON history (CAST(substr(setai, 1, 9) AS INTEGER))
WHERE length(setai) = 10 AND setai NOT GLOB '*[^0-9]*';
CREATE TABLE pending (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    operation TEXT NOT NULL,
    body TEXT NOT NULL,
    persons TEXT NOT NULL,
    branch TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE cs_sent (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    atena TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE cs_setting (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE unit_record (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    unit TEXT NOT NULL,
    atena TEXT NOT NULL,
    items TEXT NOT NULL
);
CREATE TABLE unit_sent (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    unit TEXT NOT NULL,
    atena TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE issuance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    atena TEXT NOT NULL,
    result TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE support_measure (
    atena TEXT PRIMARY KEY,
    record TEXT NOT NULL
);
CREATE TABLE remark (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    atena TEXT NOT NULL,
    entry TEXT NOT NULL
);
CREATE TABLE memo (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    atena TEXT NOT NULL,
    setai TEXT NOT NULL,
    memo TEXT NOT NULL
);
CREATE TABLE setting (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE batch_run (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE TABLE batch_param (
    name TEXT PRIMARY KEY,
    params TEXT NOT NULL,
    edited TEXT NOT NULL
);
CREATE TABLE archive (
    atena TEXT PRIMARY KEY,
    rows TEXT NOT NULL
);
CREATE TABLE code_stock (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE
);
"""

# The latest row of each person; a filter on the outer row narrows it.
_LATEST = """
SELECT h.items FROM history h
WHERE h.rireki = (SELECT MAX(rireki) FROM history WHERE atena = h.atena)
"""
# Largest serial of 10-digit numbers (the serial is the first 9 digits, the 10th the check digit); answered
# from the partial indexes history_atena_serial and history_setai_serial (_SCHEMA), which use the same text.
_MAX_SERIAL = """
SELECT MAX(CAST(substr({column}, 1, 9) AS INTEGER)) FROM history
WHERE length({column}) = 10 AND {column} NOT GLOB '*[^0-9]*'
"""
#: sqlite3 integers are 64-bit; larger offsets cannot match anything anyway.
_MAX_SQL_INT = 2**62


def utc_stamp(moment: datetime | None = None) -> str:
    """A UTC time as fixed-width ISO text, so text order is time order in SQL comparisons."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Issuance:
    """One 交付履歴 entry: a certificate issued or refused for a person."""

    number: int
    atena: str
    result: str
    at: str


class Store:
    """The history rows and the 交付履歴 of one reference vendor (``:memory:`` by default)."""

    def __init__(self, path: str = ":memory:") -> None:
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # Every person's decoded current row, kept across writes: a write marks the persons it touched
        # stale and only their rows are read again (decoding 3,000 rows' JSON after each write, since a
        # search follows each registration, was a sixth of a 住民記録 run). None: read every row again.
        self._current: dict[str, Row] | None = None
        self._stale: set[str] = set()
        self._ordered: tuple[Row, ...] | None = None
        # The records of other 業務 about a person (生活保護, 障害認定, 認定請求 ...), kept in memory:
        # (宛名番号, 業務) -> item -> value, set by the harness's domain records (``POST /admin/records``).
        self._domain_records: dict[tuple[str, str], dict[str, str]] = {}
        with self._lock:
            self._db.executescript(_SCHEMA)

    def copy_to(self, other: Store) -> None:
        """Make ``other`` hold exactly what this store holds, every table and the other 業務's records: SQLite's
        backup copies pages, not rows (a few milliseconds where loading the test town again is a tenth of a
        second), for many references started from the same data."""
        with self._lock, other._lock:
            self._db.backup(other._db)
            other._current, other._ordered = None, None
            other._stale.clear()
            other._domain_records = {key: dict(items) for key, items in self._domain_records.items()}

    def replace_with(self, source: Store) -> int:
        """:meth:`load` of what ``source`` holds (a store holding a migration's rows and nothing else), every row
        stamped now: SQLite's backup and one UPDATE, not the rows inserted again and indexed. Returns the rows."""
        source.copy_to(self)
        with self._transaction() as db:
            self._current = None
            return db.execute("UPDATE history SET changed_at = ?", (utc_stamp(),)).rowcount

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            self._db.close()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock across several calls (read a number, then write it)."""
        with self._lock:
            yield

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._db.in_transaction:  # inside rolled_back(): a savepoint, undone with the rest
                yield from self._savepoint()
                return
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                self._current = None  # rows read inside the transaction were never committed
                raise
            self._db.execute("COMMIT")

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("SAVEPOINT write")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK TO write")
            self._current = None
            raise
        self._db.execute("RELEASE write")

    @contextmanager
    def rolled_back(self) -> Iterator[None]:
        """Run writes that are all undone afterwards: a 仮登録 is checked as its 異動 would be committed
        (its エラー and アラート answered at input, 11.1) and nothing of it reaches the history (4.0.8 R008)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield
            finally:
                self._db.execute("ROLLBACK")
                self._current = None  # rows cached inside were never committed

    def _touch(self, atenas: Iterable[str]) -> None:
        """Mark persons whose rows a write changes: their current rows are read again when next asked."""
        self._stale.update(atenas)

    def _query(self, sql: str, parameters: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, tuple(parameters)).fetchall()

    # -- loading ----------------------------------------------------------------------------------

    def load(self, rows: Iterable[Mapping[str, str]]) -> int:
        """Replace every row (and the 交付履歴) with migration ``rows``; returns how many were loaded.

        Each row needs a 宛名番号 and a positive integer 履歴番号 (``ValueError`` otherwise).
        """
        stamp = utc_stamp()
        records = [_record(row, stamp) for row in rows]
        with self._transaction() as db:
            self._current = None
            db.execute("DELETE FROM history")
            db.execute("DELETE FROM issuance")
            db.execute("DELETE FROM support_measure")
            db.execute("DELETE FROM remark")
            db.execute("DELETE FROM memo")
            db.execute("DELETE FROM pending")
            db.execute("DELETE FROM cs_sent")
            db.execute("DELETE FROM batch_run")
            db.execute("DELETE FROM batch_param")
            db.execute("DELETE FROM archive")
            db.execute("DELETE FROM cs_setting")
            db.execute("DELETE FROM unit_record")
            db.execute("DELETE FROM unit_sent")
            db.execute("DELETE FROM code_stock")
            self._domain_records.clear()
            db.executemany("INSERT INTO history VALUES (?, ?, ?, ?, ?)", records)
        return len(records)

    def add(self, rows: Iterable[Mapping[str, str]]) -> int:
        """Add migration ``rows`` to what is loaded; a 宛名番号 and 履歴番号 already stored is a ``ValueError``."""
        stamp = utc_stamp()
        records = [_record(row, stamp) for row in rows]
        try:
            with self._transaction() as db:
                self._touch(record[0] for record in records)
                db.executemany("INSERT INTO history VALUES (?, ?, ?, ?, ?)", records)
        except sqlite3.IntegrityError:
            raise ValueError("a row repeats a 宛名番号 and 履歴番号 already loaded") from None
        return len(records)

    def put_domain_record(self, atena: str, domain: str, items: Mapping[str, str]) -> None:
        """Set a person's record of another 業務 (the items given replace those stored before)."""
        with self._lock:
            self._domain_records[(atena, domain)] = dict(items)

    def domain_record(self, atena: str, domain: str) -> dict[str, str]:
        """A person's record of another 業務 (empty when none was given)."""
        with self._lock:
            return dict(self._domain_records.get((atena, domain), {}))

    # -- reading ----------------------------------------------------------------------------------

    def latest(self, atena: str) -> Row | None:
        """A person's current row, or None when the 宛名番号 is unknown."""
        found = self._query(_LATEST + " AND h.atena = ?", (atena,))
        return _items(found[0][0]) if found else None

    def all_latest(self) -> list[Row]:
        """Every person's current row (moved-out and deceased included), by 宛名番号.

        Each call returns fresh dicts (a caller may change them); :meth:`current` shares them.
        """
        return [dict(row) for row in self.current()]

    def current(self) -> Sequence[Mapping[str, str]]:
        """Every person's current row, by 宛名番号, shared with later callers until a write: read only."""
        with self._lock:
            if self._current is None:
                self._current = {row["宛名番号"]: row for row in (_items(items) for (items,) in self._query(_LATEST))}
                self._stale.clear()
                self._ordered = None
            if self._stale:
                self._reread(sorted(self._stale))
            if self._ordered is None:
                self._ordered = tuple(self._current[atena] for atena in sorted(self._current))
            return self._ordered

    def _reread(self, atenas: list[str]) -> None:
        assert self._current is not None
        # Batches stay below SQLite's limit of bound parameters (32,766 since 3.32; 999 before).
        for start in range(0, len(atenas), 500):
            batch = atenas[start:start + 500]
            sql = _LATEST + f" AND h.atena IN ({', '.join('?' * len(batch))})"
            for (items,) in self._query(sql, batch):
                row = _items(items)
                self._current[row["宛名番号"]] = row
        self._stale.clear()
        self._ordered = None

    def changed_since(self, since: str | None, offset: int, limit: int,
                      first_row: bool = False, by_change: bool = False,
                      storage_order: bool = False) -> tuple[list[Row], bool]:
        """Current rows whose latest change is at or after ``since`` (a :func:`utc_stamp`; all when
        None), by 宛名番号, one page; the flag says whether more rows follow. ``first_row`` is the defect
        diff_first_changed_row: each person's first row changed since the moment, not the latest; ``by_change``
        the defect diff_ordered_by_change: the rows by their change time, so a person changed between two page
        reads moves to the end and a row of the next page is lost (blind round 5, 16); ``storage_order`` the defect
        full_read_storage_order: the rows in the table's storage order (the latest row's rowid), so a person changed
        between two page reads of the 全件 moves to the end the same way (issue 67's blind round, 19)."""
        where, parameters = (" AND h.changed_at >= ?", [since]) if since is not None else ("", [])
        order = "h.changed_at, h.atena" if by_change else "h.rowid" if storage_order else "h.atena"
        sql = _LATEST + where + f" ORDER BY {order} LIMIT ? OFFSET ?"
        if since is not None and first_row:
            sql = ("SELECT h.items FROM history h WHERE h.rireki = (SELECT MIN(rireki) FROM history"
                   " WHERE atena = h.atena AND changed_at >= ?) ORDER BY h.atena LIMIT ? OFFSET ?")
        found = self._query(sql, [*parameters, min(limit, _MAX_SQL_INT) + 1, min(offset, _MAX_SQL_INT)])
        rows = [_items(items) for (items,) in found]
        return rows[:limit], len(rows) > limit

    def household(self, setai: str) -> list[Row]:
        """The current rows of everyone whose latest row carries this 世帯番号 (any 住民状態)."""
        return [_items(items) for (items,) in self._query(_LATEST + " AND h.setai = ? ORDER BY h.atena", (setai,))]

    def history(self, atena: str) -> list[Row]:
        """Every row of a person, 履歴番号 ascending (empty when unknown)."""
        found = self._query("SELECT items FROM history WHERE atena = ? ORDER BY rireki", (atena,))
        return [_items(items) for (items,) in found]

    def all_history(self) -> list[Row]:
        """Every row of every person (the 除票 and the rows a 異動 superseded too), by 宛名番号 and 履歴番号."""
        return [_items(items) for (items,) in self._query("SELECT items FROM history ORDER BY atena, rireki")]

    # -- writing ----------------------------------------------------------------------------------

    def append(self, row: Mapping[str, str]) -> Row:
        """Add ``row`` as the person's next history row (履歴番号 = last + 1, or 1 for a new person)."""
        with self._transaction() as db:
            self._touch((row["宛名番号"],))
            (last,) = db.execute("SELECT MAX(rireki) FROM history WHERE atena = ?", (row["宛名番号"],)).fetchone()
            stored = {**row, "履歴番号": str((last or 0) + 1)}
            db.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?)", _record(stored, utc_stamp()))
        return stored

    def overwrite_latest(self, row: Mapping[str, str], keep_stamp: bool = False) -> Row:
        """Replace the person's latest row in place, keeping its 履歴番号. A correction must never do
        this (only the ``history_deleted_on_correction`` defect does: the spec forbids it); the
        支援対象者である旨の表示 (1.1.16 R001) does, being a mark on the 原票 rather than a 異動. The row is
        stamped changed now (the 異動差分 lists it); ``keep_stamp`` is the defect diff_mark_not_restamped."""
        with self._transaction() as db:
            self._touch((row["宛名番号"],))
            (last,) = db.execute("SELECT MAX(rireki) FROM history WHERE atena = ?", (row["宛名番号"],)).fetchone()
            stored = {**row, "履歴番号": str(last or 1)}
            kept = db.execute("SELECT changed_at FROM history WHERE atena = ? AND rireki = ?",
                              (row["宛名番号"], last or 1)).fetchone() if keep_stamp else None
            db.execute("DELETE FROM history WHERE atena = ? AND rireki = ?", (row["宛名番号"], last or 1))
            db.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?)", _record(stored, kept[0] if kept else utc_stamp()))
        return stored

    def next_atena_serial(self) -> int:
        """The serial (first 9 digits) for a new 宛名番号; see :func:`next_serial`."""
        return next_serial(self._max_serial("atena"))

    def next_setai_serial(self) -> int:
        """The serial (first 9 digits) for a new 世帯番号; see :func:`next_serial`."""
        return next_serial(self._max_serial("setai"))

    def _max_serial(self, column: str) -> int:
        ((found,),) = self._query(_MAX_SERIAL.format(column=column))
        return int(found or 0)

    # -- 支援措置 (1.1.16) ---------------------------------------------------------------------------

    def put_support(self, atena: str, record: Mapping[str, Any]) -> None:
        """Store the 支援措置 database record of a 申出者 (1.1.16), replacing the one stored before."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO support_measure VALUES (?, ?)",
                       (atena, json.dumps(record, ensure_ascii=False)))

    def support(self, atena: str) -> dict[str, Any] | None:
        """The 支援措置 record of a 申出者, or None when none is registered."""
        found = self._query("SELECT record FROM support_measure WHERE atena = ?", (atena,))
        if not found:
            return None
        record: dict[str, Any] = json.loads(found[0][0])
        return record

    # -- 統合記載欄 (1.1.14) ----------------------------------------------------------------------------

    def add_remark(self, atena: str, entry: Mapping[str, str]) -> None:
        """Keep one entered entry of a person's 統合記載欄 (a 留意事項 or a 備考; reference/remarks.py)."""
        with self._transaction() as db:
            db.execute("INSERT INTO remark (atena, entry) VALUES (?, ?)",
                       (atena, json.dumps(dict(entry), ensure_ascii=False)))

    def remarks(self, atena: str) -> list[Row]:
        """The entered entries of a person's 統合記載欄, in the order entered."""
        found = self._query("SELECT entry FROM remark WHERE atena = ? ORDER BY id", (atena,))
        return [json.loads(entry) for (entry,) in found]

    # -- メモ (1.1.15) ---------------------------------------------------------------------------------

    def add_memo(self, atena: str, setai: str, memo: Mapping[str, Any]) -> int:
        """Keep a new メモ of a person (reference/memos.py); returns its number (メモ番号)."""
        with self._transaction() as db:
            cursor = db.execute("INSERT INTO memo (atena, setai, memo) VALUES (?, ?, ?)",
                                (atena, setai, json.dumps(dict(memo), ensure_ascii=False)))
            return int(cursor.lastrowid or 0)

    def put_memo(self, number: int, memo: Mapping[str, Any]) -> None:
        """Store a メモ again (its 修正 or 削除 added to its 履歴)."""
        with self._transaction() as db:
            db.execute("UPDATE memo SET memo = ? WHERE id = ?", (json.dumps(dict(memo), ensure_ascii=False), number))

    def memo(self, number: int) -> tuple[str, str, dict[str, Any]] | None:
        """One メモ: the 宛名番号 and 世帯番号 it was entered for, and its record; None when there is none."""
        found = self._query("SELECT atena, setai, memo FROM memo WHERE id = ?", (number,))
        return None if not found else (str(found[0][0]), str(found[0][1]), json.loads(found[0][2]))

    def memos(self, *, atena: str | None = None, setai: str | None = None) -> list[tuple[int, dict[str, Any]]]:
        """The メモ of a person (or of a 世帯), in the order entered, with their numbers."""
        column, value = ("atena", atena) if atena is not None else ("setai", setai or "")
        found = self._query(f"SELECT id, memo FROM memo WHERE {column} = ? ORDER BY id", (value,))
        return [(int(number), json.loads(memo)) for number, memo in found]

    # -- 設定 (1.3.9 認証者) ------------------------------------------------------------------------------

    def setting(self, name: str) -> Any:
        """A setting of the system (a master such as the 認証者, reference/certifiers.py); None when unset."""
        found = self._query("SELECT value FROM setting WHERE name = ?", (name,))
        return None if not found else json.loads(found[0][0])

    def put_setting(self, name: str, value: Any) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO setting VALUES (?, ?)", (name, json.dumps(value, ensure_ascii=False)))

    # -- 交付履歴 ----------------------------------------------------------------------------------

    def log_issuance(self, atena: str, result: str) -> int:
        """Record a certificate ``issued`` or ``refused``; returns the entry's serial (the 発行番号)."""
        with self._transaction() as db:
            cursor = db.execute("INSERT INTO issuance (atena, result, at) VALUES (?, ?, ?)",
                                (atena, result, utc_stamp()))
            return int(cursor.lastrowid or 0)

    def issuance_log(self, atena: str | None = None) -> list[Issuance]:
        """The 交付履歴, oldest first; only one person's when ``atena`` is given."""
        sql = "SELECT id, atena, result, at FROM issuance"
        parameters: tuple[str, ...] = ()
        if atena is not None:
            sql, parameters = sql + " WHERE atena = ?", (atena,)
        found = self._query(sql + " ORDER BY id", parameters)
        return [Issuance(int(number), str(who), str(result), str(at)) for number, who, result, at in found]


# -- バッチ処理 (9.1) and the 除票用データベース (9.3) ------------------------------------------------------

class BatchStore:
    """The バッチ処理 of one store (9.1): each run's 実行結果, the parameters each 処理 starts with next time, and
    the 除票用データベース (9.3), each in its own table of the same database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add_run(self, name: str, result: Mapping[str, Any]) -> int:
        """Keep a run's 実行結果; returns its 実行番号."""
        with self._store._transaction() as db:
            cursor = db.execute("INSERT INTO batch_run (name, result) VALUES (?, ?)",
                                (name, json.dumps(dict(result), ensure_ascii=False)))
            return int(cursor.lastrowid or 0)

    def run(self, number: int) -> dict[str, Any] | None:
        found = self._store._query("SELECT result FROM batch_run WHERE number = ?", (number,))
        if not found:
            return None
        result: dict[str, Any] = json.loads(found[0][0])
        return result

    def put_params(self, name: str, params: Mapping[str, str], edited: Sequence[str]) -> None:
        """The parameters the 処理 ``name`` starts with next time, and those edited since its last run."""
        with self._store._transaction() as db:
            db.execute("INSERT OR REPLACE INTO batch_param VALUES (?, ?, ?)",
                       (name, json.dumps(dict(params), ensure_ascii=False), json.dumps(list(edited))))

    def params(self, name: str) -> tuple[dict[str, str], list[str]]:
        found = self._store._query("SELECT params, edited FROM batch_param WHERE name = ?", (name,))
        if not found:
            return {}, []
        return json.loads(found[0][0]), json.loads(found[0][1])

    def archive(self, atena: str) -> None:
        """Move a person's rows to the 除票用データベース and delete them from the history in one transaction
        (9.3 R001: 移行し、同時に…削除)."""
        with self._store._transaction() as db:
            found = db.execute("SELECT items FROM history WHERE atena = ? ORDER BY rireki", (atena,)).fetchall()
            db.execute("INSERT OR REPLACE INTO archive VALUES (?, ?)",
                       (atena, json.dumps([json.loads(items) for (items,) in found], ensure_ascii=False)))
            db.execute("DELETE FROM history WHERE atena = ?", (atena,))
            self._store._current = None  # the person is gone: every current row is read again

    def copy_to_archive(self, atena: str) -> None:
        """Copy a person's rows to the 除票用データベース, leaving them in the history (a defect's)."""
        with self._store._transaction() as db:
            found = db.execute("SELECT items FROM history WHERE atena = ? ORDER BY rireki", (atena,)).fetchall()
            db.execute("INSERT OR REPLACE INTO archive VALUES (?, ?)",
                       (atena, json.dumps([json.loads(items) for (items,) in found], ensure_ascii=False)))

    def archived(self, atena: str) -> list[Row]:
        """A person's rows in the 除票用データベース (empty when not moved there)."""
        found = self._store._query("SELECT rows FROM archive WHERE atena = ?", (atena,))
        return list(json.loads(found[0][0])) if found else []


# -- 仮登録 (4.0.8) -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PendingEntry:
    """A 異動 entered as 仮登録: the request to replay on 本登録 and the rows it would write (``persons``),
    kept apart from the history table."""

    number: int
    operation: str
    body: dict[str, Any]
    persons: tuple[dict[str, str], ...]
    branch: str


class PendingStore:
    """The 仮登録 of one store (4.0.8), in its own table of the same database."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, operation: str, body: Mapping[str, Any], persons: Sequence[Mapping[str, str]], branch: str) -> int:
        """Keep a 仮登録; returns its number (the 仮登録番号)."""
        with self._store._transaction() as db:
            cursor = db.execute("INSERT INTO pending (operation, body, persons, branch, at) VALUES (?, ?, ?, ?, ?)",
                                (operation, json.dumps(dict(body), ensure_ascii=False),
                                 json.dumps([dict(person) for person in persons], ensure_ascii=False), branch,
                                 utc_stamp()))
            return int(cursor.lastrowid or 0)

    def entries(self) -> list[PendingEntry]:
        """Every 仮登録, oldest first."""
        found = self._store._query("SELECT number, operation, body, persons, branch FROM pending ORDER BY number")
        return [PendingEntry(int(number), str(operation), json.loads(body), tuple(json.loads(persons)), str(branch))
                for number, operation, body, persons, branch in found]

    def remove(self, number: int) -> None:
        with self._store._transaction() as db:
            db.execute("DELETE FROM pending WHERE number = ?", (number,))

    def replace(self, number: int, body: Mapping[str, Any], persons: Sequence[Mapping[str, str]]) -> None:
        """A corrected 仮登録: its request and the rows it would write."""
        with self._store._transaction() as db:
            db.execute("UPDATE pending SET body = ?, persons = ? WHERE number = ?",
                       (json.dumps(dict(body), ensure_ascii=False),
                        json.dumps([dict(person) for person in persons], ensure_ascii=False), number))


# -- 住基ネット CS (7.1.1) --------------------------------------------------------------------------------

class CsOutbox:
    """The 電文 one store has sent to its CS (7.1.1), oldest first, in its own table of the same database:
    a 異動 tried in a rolled-back transaction (a 仮登録, 4.0.8) sends nothing."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, kind: str, atena: str, message: Mapping[str, Any]) -> int:
        """Keep a 電文 sent; returns its 通番."""
        with self._store._transaction() as db:
            cursor = db.execute("INSERT INTO cs_sent (kind, atena, message) VALUES (?, ?, ?)",
                                (kind, atena, json.dumps(dict(message), ensure_ascii=False)))
            return int(cursor.lastrowid or 0)

    def sent(self, atena: str | None = None, kind: str | None = None) -> list[tuple[int, dict[str, Any]]]:
        """The 電文 sent (of one person, of one 種別), as (通番, 電文), in the order sent."""
        found = self._store._query(
            "SELECT number, message FROM cs_sent WHERE (? IS NULL OR atena = ?) AND (? IS NULL OR kind = ?) "
            "ORDER BY number", (atena, atena, kind, kind))
        return [(int(number), json.loads(message)) for number, message in found]

    def replace(self, number: int, message: Mapping[str, Any]) -> None:
        """Keep a 電文's new state (保留 sent by hand, sent with items completed, refused by the CS)."""
        with self._store._transaction() as db:
            db.execute("UPDATE cs_sent SET message = ? WHERE number = ?",
                       (json.dumps(dict(message), ensure_ascii=False), number))

    def setting(self, name: str, default: str) -> str:
        """A setting of the CS 連携 (連携: 自動 | 手動) or the CS's state as the harness plays it (稼働)."""
        found = self._store._query("SELECT value FROM cs_setting WHERE name = ?", (name,))
        return str(found[0][0]) if found else default

    def settings(self, prefix: str) -> dict[str, str]:
        """The settings whose name begins with ``prefix``, by the rest of their name."""
        found = self._store._query("SELECT name, value FROM cs_setting WHERE substr(name, 1, ?) = ?",
                                   (len(prefix), prefix))
        return {str(name)[len(prefix):]: str(value) for name, value in found}

    def set(self, name: str, value: str) -> None:
        with self._store._transaction() as db:
            db.execute("INSERT OR REPLACE INTO cs_setting (name, value) VALUES (?, ?)", (name, value))


# -- 他業務連携 (7.2) -----------------------------------------------------------------------------------

class CodeStock:
    """The 新規付番用の住民票コード the CS delivered and not yet given (4.3.1), in the order received, and the 下限
    below which the 自動付番 alerts (in ``cs_setting``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, code: str) -> None:
        with self._store._transaction() as db:
            db.execute("INSERT OR IGNORE INTO code_stock (code) VALUES (?)", (code,))

    def holds(self, code: str) -> bool:
        return bool(self._store._query("SELECT 1 FROM code_stock WHERE code = ?", (code,)))

    def codes(self) -> list[str]:
        return [str(code) for (code,) in self._store._query("SELECT code FROM code_stock ORDER BY number", ())]

    def remove(self, code: str) -> None:
        with self._store._transaction() as db:
            db.execute("DELETE FROM code_stock WHERE code = ?", (code,))

    def threshold(self) -> int:
        return int(CsOutbox(self._store).setting("住民票コード下限", "0"))

    def set_threshold(self, value: int) -> None:
        CsOutbox(self._store).set("住民票コード下限", str(value))


class UnitBook:
    """What other units registered about a person (7.2.2: 国保, 年金 ...; 7.1.1.3: the card's 発行状況 from the
    CS) and what the 住民記録 sent to other systems (7.2.4 戸籍附票システム, 7.1.2.3 団体内統合宛名システム),
    oldest first."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def register(self, unit: str, atena: str, items: Mapping[str, str]) -> None:
        with self._store._transaction() as db:
            db.execute("INSERT INTO unit_record (unit, atena, items) VALUES (?, ?, ?)",
                       (unit, atena, json.dumps(dict(items), ensure_ascii=False)))

    def registered(self, atena: str) -> list[tuple[str, dict[str, str]]]:
        """(業務, items) of every registration about ``atena``, in the order received."""
        found = self._store._query("SELECT unit, items FROM unit_record WHERE atena = ? ORDER BY number", (atena,))
        return [(str(unit), json.loads(items)) for unit, items in found]

    def send(self, unit: str, atena: str, message: Mapping[str, Any]) -> int:
        with self._store._transaction() as db:
            cursor = db.execute("INSERT INTO unit_sent (unit, atena, message) VALUES (?, ?, ?)",
                                (unit, atena, json.dumps(dict(message), ensure_ascii=False)))
            return int(cursor.lastrowid or 0)

    def sent(self, unit: str | None = None, atena: str | None = None) -> list[tuple[int, dict[str, Any]]]:
        found = self._store._query(
            "SELECT number, message FROM unit_sent WHERE (? IS NULL OR unit = ?) AND (? IS NULL OR atena = ?) "
            "ORDER BY number", (unit, unit, atena, atena))
        return [(int(number), json.loads(message)) for number, message in found]


def next_serial(largest: int) -> int:
    """``largest`` + 1, skipping serials whose M11W2-7 remainder is 1 (they have no check digit)."""
    serial = largest + 1
    while weighted_remainder(f"{serial:09d}") == 1:
        serial += 1
    return serial


def _record(row: Mapping[str, str], stamp: str) -> tuple[str, int, str, str, str]:
    atena, number = row.get("宛名番号", ""), row.get("履歴番号", "")
    if not atena or not (number.isascii() and number.isdigit() and len(number) <= 18 and int(number) >= 1):
        raise ValueError(f"a row needs a 宛名番号 and a positive 履歴番号, got {atena!r} and {number!r}")
    items = {str(key): str(value) for key, value in row.items()}
    return atena, int(number), row.get("世帯番号", ""), stamp, json.dumps(items, ensure_ascii=False)


def _items(text: str) -> Row:
    loaded: dict[str, str] = json.loads(text)
    return loaded
