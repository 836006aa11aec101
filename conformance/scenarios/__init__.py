"""The scenario engine: declarative scenarios of the catalog run against a vendor's driver adapter.

Below the front ends (nothing here imports pytest): :func:`run_scenario` gives the observations of
one scenario; the check ``scenario.run`` (conformance/scenarios/check.py) turns them into findings.
``jumin.search.kana`` (search.py, with its pairs in kana.py) judges 2.1.2 あいまい検索 with generated names.
"""

from conformance.scenarios.engine import (
    DriverClient,
    MissingOperations,
    Observation,
    required_operations,
    run_scenario,
)

__all__ = ["DriverClient", "MissingOperations", "Observation", "required_operations", "run_scenario"]
