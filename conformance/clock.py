"""Today's date in Japan: the one "today" of the harness and of the reference vendor.

A municipality's day is Japan's day (日本標準時, UTC+9, no daylight saving time), whatever time zone
the machine running the harness is set to: a certificate issued at 00:30 JST on 4月1日 is dated 4月1日
on a machine in UTC or in California too, and the harness's waivers, attestations and extraction dates
agree with the vendor's. A fixed offset: Japan has had no daylight saving time since 1951, and it needs
no time zone database on the machine.
"""

from __future__ import annotations

import datetime as dt

#: 日本標準時.
JST = dt.timezone(dt.timedelta(hours=9), "JST")


def today() -> dt.date:
    """Today's date in Japan."""
    return dt.datetime.now(JST).date()
