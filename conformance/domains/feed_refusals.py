"""The 庁内連携 feed's refusals (issue 66, the outsider's 後期高齢者医療 run): ``POST <base>/linkage/feed`` answers a
row it cannot take as the contract says (``linkage_feed``'s responses; docs/driver.md, "庁内連携": "a body without a
``宛名番号``, or with an item that is no text, is a 400"), not with a ``200`` that keeps a person nobody can name.

Each refusal is one request, judged on its status alone, sent once a target (the same rows at every seed, and a
vendor wrongly keeping one would keep it again): a row of a 転入 without ``宛名番号``, and one whose
``異動日`` is a number, not a text. The second names a 宛名番号 of the feed's own serials (the scenario checks'
persons' range, :func:`conformance.checks.scenarios._number`), never the unknown number the query's refusals ask
(:mod:`conformance.checks.refusals`), so that a vendor keeping it changes no other refusal's answer.

Without the driver's ``linkage.feed`` the check is NOT_AUTOMATED (docs/driver.md); it is bound beside
``model.world.feed`` (each fed domain's requirement that also carries the query's refusals), which needs the feed
too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.checks.registry import CheckContext, NotAutomated, check, once_per_target, target_of
from conformance.checks.scenarios import _ATENA_SERIALS, _number
from conformance.domains.feed import FEED, FEED_PATH
from conformance.findings import Finding
from conformance.targets.base import Target

#: The check's name, its finding code and the status the contract gives a row it cannot take.
NAME = "api.feed_refusals"
STATUS_CODE, REFUSED = f"{NAME}.status", 400
#: The items every refused row carries beside what is wrong with it: a 転入 on a day of the feed's corpus.
_MOVED_IN = {"異動事由区分": "転入", "異動事由": "A1", "住民状態": "1"}


@dataclass(frozen=True)
class FeedRefusal:
    """One row the feed must refuse: what is wrong with it and the row (``atena``: whether it names a 宛名番号)."""

    what: str
    items: Mapping[str, Any]
    atena: bool


REFUSALS = (
    FeedRefusal("a row without 宛名番号", {**_MOVED_IN, "異動日": "2025-04-01"}, False),
    FeedRefusal("a row whose 異動日 is a number, not a text", {**_MOVED_IN, "異動日": 20250401}, True),
)


@dataclass(frozen=True)
class Answered:
    """The status the vendor gave each of :data:`REFUSALS`, by what is wrong with the row."""

    statuses: tuple[tuple[str, int], ...]


def _feed_each(target: Target) -> Answered:
    """Feed each refusal's row (:data:`REFUSALS`) and keep the status answered."""
    driver = target.driver
    if driver is None or not driver.implements(FEED):
        raise NotAutomated(f"the profile declares no driver operation {FEED} (targets.driver.operations): no row to "
                           "refuse can be fed")
    client, path = target.need_http(), driver.base_path.rstrip("/") + FEED_PATH
    statuses = []
    for refusal in REFUSALS:
        row = {**({"宛名番号": _number(_ATENA_SERIALS)} if refusal.atena else {}), **refusal.items}
        statuses.append((refusal.what, client.request("post", path, json={"住民票": row}).status))
    return Answered(tuple(statuses))


@check(NAME)
def feed_refusals(ctx: CheckContext) -> Iterator[Finding]:
    """Each of :data:`REFUSALS` fed once a target (the same rows at every seed: each seed is given the one result);
    a status other than 400 is a finding ``api.feed_refusals.status`` located at the request and what is wrong with
    its row (no number of a person in the report)."""
    answered = once_per_target(target_of(ctx), NAME, _feed_each, Answered)
    for what, status in answered.statuses:
        if status != REFUSED:
            yield ctx.finding(
                STATUS_CODE,
                f"POST {FEED_PATH} with {what} must be answered {REFUSED} (the contract's linkage_feed, "
                f"docs/driver.md 庁内連携), got {status}",
                location=f"POST {FEED_PATH} [{what}]", expected=str(REFUSED), actual=str(status))
