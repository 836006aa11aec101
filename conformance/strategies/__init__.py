"""Hypothesis strategies for 住民記録 test data, in Hypothesis's own API style.

Everything drawn is a valid 基本データリスト migration row (or is made of them) by construction: the
row's columns are the catalog's ``residents_csv`` layout, read when the strategy is first drawn
from, and the file check ``file.layout`` finds nothing in them with any rule family. Arguments are
checked on the first draw and a bad one raises :class:`hypothesis.errors.InvalidArgument`.

- :func:`residents`: one row per person (Japanese; foreign in every 第30条45規定区分; 通称; 不詳 and
  non-calendar birth dates; DV-protected).
- :func:`households`: the rows of a household whose 続柄 follow 住民記録 1.0 j110.
- :func:`dv_protections`: a :class:`Protection` (支援措置, j440) with the protected person's row.
- :func:`event_sequences`: consistent :class:`Event` lists (転入, 転出, 転居, 出生, 死亡, 世帯変更).
- :func:`scenarios`: a :class:`Scenario`: a row, its events and the stays they make
  (:class:`~conformance.oracles.residence.Residence`), for oracle-based checks.
- :func:`boundary_dates`: dates favouring the days rules turn on.

See docs/strategies.md.
"""

from conformance.oracles.residence import Residence
from conformance.strategies._dates import ERA_BOUNDARY_DAYS, boundary_dates
from conformance.strategies._events import EVENT_KINDS, Event, EventKind, event_sequences, residence_history
from conformance.strategies._households import households
from conformance.strategies._people import AS_OF
from conformance.strategies._places import MUNICIPALITIES
from conformance.strategies._protections import Protection, dv_protections
from conformance.strategies._residents import residents
from conformance.strategies._scenarios import Scenario, scenarios

__all__ = [
    "AS_OF",
    "ERA_BOUNDARY_DAYS",
    "EVENT_KINDS",
    "MUNICIPALITIES",
    "Event",
    "EventKind",
    "Protection",
    "Residence",
    "Scenario",
    "boundary_dates",
    "dv_protections",
    "event_sequences",
    "households",
    "residence_history",
    "residents",
    "scenarios",
]
