"""The scenario engine: declarative scenarios of the catalog run against a vendor's driver adapter.

Below the front ends (nothing here imports pytest): :func:`run_scenario` gives the observations of
one scenario, findings not yet attached to a requirement; the check ``scenario.run``
(conformance/scenarios/check.py) attaches them to each requirement it binds.
``jumin.search.kana`` (search.py, with its pairs in kana.py) judges 2.1.2 あいまい検索 with generated names.
"""

from conformance.scenarios.engine import (
    DriverClient,
    MissingOperations,
    required_operations,
    run_scenario,
)

__all__ = ["DriverClient", "MissingOperations", "required_operations", "run_scenario"]
