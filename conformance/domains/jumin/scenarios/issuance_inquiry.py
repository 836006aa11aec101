"""住民記録 1.0 2.2.2 交付履歴照会: the 交付履歴 of 1.3.8 queried for one person, and by its own items.

``jumin.issuance.inquiry`` registers two generated persons (``fixtures.persons``), records the 死亡 of the second
(``deaths``: their record becomes a 除票), issues certificates of both through the linkage API (``POST
/forms/{form_id}``) and reads the 交付履歴 (``logs.issuances``, docs/driver.md). Params ``rule``:

- ``certificates`` (2.2.2 R001: 個人を特定した後に、…証明書の交付履歴(20.1.1（住民票の写し）、20.1.2（…世帯連記式）、
  20.1.3（住民票の除票の写し）、20.1.4（住民票記載事項証明書・住民票除票記載事項証明書）…): the 住民票の写し, the
  世帯連記式 and the 記載事項証明書 of the first person and the 除票の写し and 除票記載事項証明書 of the second are
  each in the 照会 of that person's 宛名番号 (a new entry per certificate, ``issuance.entry_missing`` at
  ``…#joshuhyo``), and the four kinds of 20.1.1-20.1.3 and 20.1.4 carry four 証明書の種別 (``issuance.kind_same``);
- ``items`` (R003: 照会に当たっては、1.3.8（交付履歴の管理）に規定する項目から行えること): the 照会 by a 発行番号 alone
  answers that certificate only; by the person and a 証明書の種別, that kind only; by the person and the 交付年月日
  (the day in Japan of the 交付年月日時 recorded: a run may cross midnight), every certificate of theirs issued that
  day (``issuance.inquiry_differs`` at ``…#証明書の種別``). The 発行番号 is asked again with a page part (``1/枚数``,
  5.5's 頁番号): the protocol takes it whole, with or without it, so the answer may be that certificate or none (a
  vendor that does not read the page part), never another one.

R002 (転出証明書, 閲覧用, 住民票コード通知票 and the 交付状況 of the cards) stays MANUAL: the protocol issues no
通知票 and records no card. Interpretation ``jumin-1.0-interp-issuance-inquiry``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from conformance import clock
from conformance.checks.registry import CheckContext, check
from conformance.domains.jumin.params import IssuanceInquiryParams
from conformance.domains.jumin.scenarios.access_log import driver_base, register
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.targets.base import Target
from conformance.targets.forms import FORMS_PATH

SETUP, DEATH, HISTORY = "fixtures.persons", "deaths", "logs.issuances"
#: The certificates of the living person, then of the deceased one (form ids of forms.yaml).
LIVING, REMOVED = ("juminhyo_kojin", "juminhyo_setai", "kisai_jiko"), ("joshuhyo", "joshuhyo_kisai_jiko")
#: One form of each of 20.1.1, 20.1.2, 20.1.3 and 20.1.4: four 証明書の種別.
KINDS = ("juminhyo_kojin", "juminhyo_setai", "joshuhyo", "kisai_jiko")


@check("jumin.issuance.inquiry")
def issuance_inquiry(ctx: CheckContext) -> Iterator[Finding]:
    """2.2.2 交付履歴照会 (the module's docstring)."""
    target = ctx.need_target("a vendor system to call through the driver protocol")
    rule = ctx.args(IssuanceInquiryParams).rule
    client = needed_client(target, "2.2.2 交付履歴照会", (SETUP, DEATH, HISTORY))
    living, removed = register(client), register(client)
    yesterday = (clock.today() - dt.timedelta(days=1)).isoformat()
    expect_ok(client, DEATH, {"宛名番号": removed, "異動日": yesterday, "通知年月日": yesterday})
    base = f"GET {driver_base(target)}/logs/issuances"
    new: dict[str, Mapping[str, Any]] = {}
    issued_from = clock.today()  # the first day the certificates can be dated (a run may cross midnight JST)
    for atena, forms in ((living, LIVING), (removed, REMOVED)):
        before = _entries(client, {"宛名番号": atena})
        for form in forms:
            _issue(target, form, atena)
        added = [entry for entry in _entries(client, {"宛名番号": atena}) if entry not in before]
        if len(added) < len(forms):
            missing = forms[len(added):]
            yield ctx.finding("issuance.entry_missing", f"{len(forms)} certificates of the person were issued; the "
                              f"照会 of their 交付履歴 lists {len(added)} new entries (2.2.2)",
                              location=f"{base}?宛名番号={atena}#{missing[0]}", expected=str(len(forms)),
                              actual=str(len(added)))
            return
        new.update(zip(forms, added[-len(forms):], strict=True))
    if rule == "certificates":
        kinds = [str(new[form].get("証明書の種別", "")) for form in KINDS]
        if len(set(kinds)) < len(kinds):
            yield ctx.finding("issuance.kind_same", "two of 20.1.1-20.1.4's certificates have one 証明書の種別 in the "
                              "交付履歴 (2.2.2 R001)", location=f"{base}?宛名番号={living}#証明書の種別",
                              expected="four 種別", actual=f"{len(set(kinds))} 種別")
    else:
        yield from _items(ctx, client, base, living, new, _issue_day(new["juminhyo_setai"], issued_from))


def _issue_day(entry: Mapping[str, Any], issued_from: dt.date) -> str:
    """The 交付年月日 the 照会 asks by: the day in Japan of the 交付年月日時 the vendor recorded on ``entry`` where it
    is a day the certificates were issued on (from ``issued_from`` to today: a run across midnight JST issues them on
    either, issue 65), else today (a 交付年月日時 recorded wrong then makes a 照会 that misses them: R003 needs the day
    they were issued on)."""
    today = clock.today()
    recorded = _japan_day(entry.get("交付年月日時"))
    issued = recorded is not None and issued_from <= recorded <= today
    return recorded.isoformat() if recorded is not None and issued else today.isoformat()


def _japan_day(value: object) -> dt.date | None:
    """The day in Japan of an ISO 8601 date-time with its offset; None for anything else."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return moment.astimezone(clock.JST).date() if moment is not None and moment.tzinfo is not None else None


def _items(ctx: CheckContext, client: DriverClient, base: str, atena: str,
           new: Mapping[str, Mapping[str, Any]], day: str) -> Iterator[Finding]:
    """2.2.2 R003: conditions on 1.3.8's items select what they name; by the 交付年月日 ``day``, the person's
    certificates issued that day (all of them, unless the run crossed midnight between two)."""
    mine = [new[form] for form in LIVING]
    setai = new["juminhyo_setai"]
    that_day = [entry for entry in mine if _japan_day(entry.get("交付年月日時")) in (None, dt.date.fromisoformat(day))]
    asked: tuple[tuple[Mapping[str, str], list[Mapping[str, Any]]], ...] = (
        ({"発行番号": str(setai.get("発行番号", ""))}, [setai]),
        ({"宛名番号": atena, "証明書の種別": str(setai.get("証明書の種別", ""))}, [setai]),
        ({"宛名番号": atena, "交付年月日": day}, that_day),
    )
    for conditions, wanted in asked:
        answered = _entries(client, conditions)
        name = next(key for key in conditions if key != "宛名番号")
        if sorted(map(repr, answered)) != sorted(map(repr, wanted)):
            yield ctx.finding("issuance.inquiry_differs", f"the 照会 of the 交付履歴 by {name} answers other "
                              "certificates than those it names (2.2.2 R003)", location=f"{base}#{name}",
                              expected=f"{len(wanted)} entries", actual=f"{len(answered)} entries")
    yield from _paged(ctx, client, base, setai)


def _paged(ctx: CheckContext, client: DriverClient, base: str, setai: Mapping[str, Any]) -> Iterator[Finding]:
    """The 照会 by the 発行番号 with a page part names that certificate or none, never another one (a tool-generated
    mutant of the reference that matched every shorter number survived the 照会 without it; docs/model.md)."""
    number = str(setai.get("発行番号", ""))
    if not number or "/" in number:
        return  # recorded with its page part: asked whole above
    paged = f"{number} 1/{setai.get('枚数') or 1}"
    others = [entry for entry in _entries(client, {"発行番号": paged}) if repr(entry) != repr(setai)]
    if others:
        yield ctx.finding("issuance.inquiry_differs", "the 照会 of the 交付履歴 by a 発行番号 with its page part "
                          "answers other certificates than the one it names (2.2.2 R003)", location=f"{base}#発行番号",
                          expected="that certificate or none", actual=f"{len(others)} other entries")


def _entries(client: DriverClient, conditions: Mapping[str, str]) -> list[Mapping[str, Any]]:
    """The 交付履歴's entries meeting ``conditions`` (query parameters of ``logs.issuances``)."""
    status, document = client.call(HISTORY, dict(conditions))
    if status != 200 or not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise TargetError(f"driver {HISTORY}: expected 200 with entries, got {status}")
    return [entry for entry in document["entries"] if isinstance(entry, dict)]


def _issue(target: Target, form: str, atena: str) -> None:
    response = target.need_http().request("post", FORMS_PATH.replace("{form_id}", form), json={"宛名番号": atena})
    if response.status != 200 or "pdf" not in response.content_type:
        raise TargetError(f"POST {FORMS_PATH} ({form}): expected 200 with a PDF, got {response.status}")
