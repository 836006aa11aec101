"""What the model's state machine needs of the administrative functions (docs/model.md, "The administrative
functions"): the users of 10.3 it registers and acts as (the driver protocol's ``users.*``), and the 操作ログ of 10.2
it reads after a step (``logs.operations``). The rules are the model's
(:mod:`conformance.domains.jumin.oracles.model.admin`); this module only calls the vendor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.domains.jumin.oracles.model.admin import CHANGE, INQUIRY, User
from conformance.domains.jumin.scenarios.permissions import Users
from conformance.scenarios import DriverClient

#: The driver operation the 操作ログ is read through (docs/driver.md, 10.2).
LOG_OPERATION = "logs.operations"
#: The driver operations a user is registered and logged in through.
USER_OPERATIONS = ("users.create", "users.login")
#: The 処理 of the run's clerk (``Administration.clerk``): the 異動 and the 照会 of the machine.
CLERK_PROCESSES = frozenset({CHANGE, INQUIRY})


@dataclass(frozen=True)
class Acting:
    """A user of the model logged in: its session (a secret: never in the evidence)."""

    user: User
    session: str


@dataclass
class Administration:
    """The users and the 操作ログ of one run: ``users`` None when the adapter has no ``users.*`` (or the HTTP client
    cannot send the session's header), ``logs`` whether it answers ``logs.operations``."""

    driver: DriverClient
    users: Users | None = None
    logs: bool = False
    #: The run's clerk (registered by the fixed example ``administration``): every other 異動 of the machine is
    #: sent in its session, so the 操作ログ must name it (10.2 R006 操作者ID) and its 利用期間 is met on each.
    clerk: Acting | None = None
    #: The 操作ログ of each person as last read (10.2 R020: every entry must be answered again unchanged).
    seen: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def call(self, operation: str, request: Mapping[str, Any], acting: Acting | None) -> tuple[int, Any]:
        """One driver operation, in ``acting``'s session when one is given."""
        if acting is None or self.users is None:
            return self.driver.call(operation, request)
        return self.users.call(operation, request, acting.session)

    def register(self, user: User) -> tuple[str, str, int, Any]:
        """``user`` registered by the adapter's operator (a 管理者): its ID (generated), its password (a secret),
        and the answer."""
        assert self.users is not None
        items: dict[str, Any] = {"区分": "利用者", "操作権限": sorted(user.processes),
                                 "利用期間_開始": user.start.isoformat() if user.start else "",
                                 "利用期間_終了": user.end.isoformat() if user.end else ""}
        user_id, password, (status, document) = self.users.create(items)
        return user_id, password, status, document

    def login(self, user_id: str, password: str) -> tuple[int, Any, str | None]:
        """A login's status, body and session (None when refused)."""
        assert self.users is not None
        return self.users.login_answer(user_id, password)

    def log(self, atena: str) -> list[dict[str, Any]]:
        """The 操作ログ's entries of ``atena`` (those whose 対象 names them); [] when the answer holds none."""
        _, document = self.driver.call(LOG_OPERATION, {"宛名番号": atena})
        entries = document.get("entries") if isinstance(document, dict) else None
        return [dict(entry) for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []
