"""Test data the harness loads into a vendor system: the generated test town and its migration file.

Everything here is invented test data (the town 静岡県見本町 does not exist); names are common
name parts, and identifiers are random numbers with valid check digits.

- ``vocabulary``: the town's place, name parts, residence statuses and snapshot day (shared with
  conformance.strategies);
- ``households``: people and households while they are built, and the kinds of household;
- ``town``: the town as migration rows (``generate_town``, ``default_town``), its catalog layout
  and a summary;
- ``migration``: the rows written as the 基本データリスト migration file a vendor loads.
"""
