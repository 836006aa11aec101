"""Write conformance/oracles/data/national_holidays.csv: Japan's national holidays, generated once from the
``holidays`` package (PyPI, the version pinned below), which the harness does not depend on at run time.

Run it by hand in a throwaway environment, never by the harness::

    python -m venv holidays-env && holidays-env/bin/pip install holidays==0.108
    holidays-env/bin/python tools/national_holidays.py > conformance/oracles/data/national_holidays.csv

Every day the package lists for Japan is written with its name in Japanese: 国民の祝日 (国民の祝日に関する法律
第2条), 振替休日 (第3条第2項), 国民の休日 (第3条第3項) and the days a special law moved or added (2019's
即位, 2020 and 2021's オリンピック・パラリンピック特措法). Years FIRST..LAST only: 内閣府 publishes the list of
国民の祝日 up to the year after the current one (春分の日 and 秋分の日 are fixed by 官報's 暦要項 a year ahead), and
data/ATTRIBUTION.md says which years are published and which are the package's computation.
"""

from __future__ import annotations

import csv
import sys

import holidays  # type: ignore[import-not-found]

VERSION = "0.108"
FIRST, LAST = 1949, 2027


def main() -> None:
    if holidays.__version__ != VERSION:
        raise SystemExit(f"holidays {VERSION} expected (data/ATTRIBUTION.md names it), got {holidays.__version__}")
    days = holidays.country_holidays("JP", years=range(FIRST, LAST + 1), language="ja")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("date", "name"))
    for day, name in sorted(days.items()):
        writer.writerow((day.isoformat(), name))


if __name__ == "__main__":
    main()
