"""The reference's 認証者 master (住民記録 1.0 1.3.9), read and set through the driver operations
``certifiers.get`` and ``certifiers.set`` (ours, confirmed: false; docs/driver.md).

Two entries (R001): the 市区町村長 and the 職務代理者, each a 職名 and a 氏名; the 職務代理者 has a 期間
(開始日, 終了日: R002's 職務代理者期間). Every certificate the forms print (reference/forms.py) carries the
認証者 in effect on its issue date: the 職務代理者 from its 開始日 to its 終了日, both included (driver.yaml
certifiers.set), the 市区町村長 otherwise. Kept in the store's ``setting`` table.

Named defects (defects.py): ``certifier_fixed`` prints the 職名・氏名 fixed in the program, whatever the master
holds; ``certifier_deputy_period_ignored`` never switches to the 職務代理者; ``certifier_deputy_end_exclusive``
prints the 市区町村長 on the 職務代理者's 終了日, ``certifier_deputy_start_exclusive`` on his 開始日.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance_reference.jumin.storage import Store

Answer = tuple[int, dict[str, Any]]
SETTING, MAYOR, DEPUTY = "認証者", "市区町村長", "職務代理者"
#: The master as first installed: the municipality's head (forms.py prints the same in the 職名, 5.6).
DEFAULT_MAYOR = {"職名": "静岡県見本町長", "氏名": "見本　太郎"}


def certifiers(store: Store) -> dict[str, Any]:
    """The master: ``{市区町村長: {職名, 氏名}, 職務代理者: {職名, 氏名, 開始日, 終了日} | None}``."""
    stored = store.setting(SETTING)
    return stored if isinstance(stored, dict) else {MAYOR: dict(DEFAULT_MAYOR), DEPUTY: None}


def in_effect(store: Store, day: date, defects: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The 職名 and 氏名 that certify on ``day``."""
    if "certifier_fixed" in defects:
        return DEFAULT_MAYOR["職名"], DEFAULT_MAYOR["氏名"]
    master = certifiers(store)
    deputy = master.get(DEPUTY)
    if isinstance(deputy, dict) and "certifier_deputy_period_ignored" not in defects:
        first, last = str(deputy.get("開始日") or ""), str(deputy.get("終了日") or "")
        if first and _begun(first, day, defects) and (not last or _not_ended(last, day, defects)):
            return str(deputy.get("職名", "")), str(deputy.get("氏名", ""))
    mayor = master.get(MAYOR) or DEFAULT_MAYOR
    return str(mayor.get("職名", "")), str(mayor.get("氏名", ""))


def _begun(first: str, day: date, defects: frozenset[str]) -> bool:
    """Whether the 職務代理者期間 beginning on ``first`` has begun on ``day`` (its 開始日 included)."""
    if "certifier_deputy_start_exclusive" in defects:
        return first < day.isoformat()  # A defect: the 期間 read as beginning the day after its 開始日.
    return first <= day.isoformat()


def _not_ended(last: str, day: date, defects: frozenset[str]) -> bool:
    """Whether the 職務代理者期間 ending on ``last`` is still in force on ``day`` (its 終了日 included)."""
    if "certifier_deputy_end_exclusive" in defects:
        return day.isoformat() < last  # A defect: the 期間 read as ending the day before its 終了日.
    return day.isoformat() <= last


def _entry(value: object, *, period: bool) -> dict[str, str] | None:
    if not isinstance(value, Mapping):
        return None
    names = ("職名", "氏名", *(("開始日", "終了日") if period else ()))
    entry = {name: str(value.get(name) or "") for name in names}
    if not entry["職名"].strip() or not entry["氏名"].strip():
        raise ValueError("a 認証者 needs its 職名 and its 氏名 (1.3.9 P001: no 氏名空欄)")
    if period:
        for name in ("開始日", "終了日"):
            if entry[name]:
                date.fromisoformat(entry[name])
    return entry


class CertifierHandlers:
    """The driver operations of 1.3.9, mixed into the driver's service (reference/driver.py)."""

    store: Store

    def certifiers_get(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``certifiers.get``: the master as set."""
        return 200, {"result": "ok", **certifiers(self.store)}

    def certifiers_set(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``certifiers.set``: the entries given replace those kept (``職務代理者: null`` removes it)."""
        master = certifiers(self.store)
        if MAYOR in body:
            master[MAYOR] = _entry(body[MAYOR], period=False) or master[MAYOR]
        if DEPUTY in body:
            master[DEPUTY] = _entry(body[DEPUTY], period=True)
        self.store.put_setting(SETTING, master)
        return 200, {"result": "ok", **master}
