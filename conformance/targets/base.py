"""The contracts between checks and targets. Checks see only these types.

A check receives a :class:`Target` in ``ctx.target``. A part the profile does not configure is
``None``; a check that needs it raises :class:`~conformance.errors.TargetError` (the result is
ERROR, never PASS).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Protocol, overload

from conformance.catalog.catalog import EditionCatalog
from conformance.errors import NotAutomated, TargetError
from conformance.profiles import DriverTarget, FormsTarget, Ordinance

#: The characters of a vendor's refusal an ERROR's reason shows (issue 67: the HAR holds the whole answer).
SHOWN_REFUSAL_CHARS = 500


def vendor_said(text: str) -> str:
    """A vendor's message as an ERROR's reason shows it: its first ``SHOWN_REFUSAL_CHARS`` characters on one line
    (control characters and runs of white space as one space; an ellipsis where it was cut)."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text[:SHOWN_REFUSAL_CHARS * 4]).split())
    return line[:SHOWN_REFUSAL_CHARS] + ("…" if len(line) > SHOWN_REFUSAL_CHARS else "")


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A response read in full (bounded by the client)."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def json(self) -> Any:
        """The body as JSON; a body that is not JSON is the target's fault."""
        try:
            return json.loads(self.body)
        except ValueError as error:
            raise TargetError(f"{self.url}: response is not JSON ({error})") from None

    def refused(self, asked: str) -> str:
        """``asked`` (``loading the test data: POST /path``) answered this status, with the vendor's message: its
        body's first ``SHOWN_REFUSAL_CHARS`` characters on one line (undecodable bytes replaced, control characters
        and runs of white space as one space, so a report or a terminal shows it as text). It is the vendor's
        answer to our own synthetic input: what it repeats of that input is the test data's, never a real
        person's; the rest of the answer stays in the HAR."""
        said = vendor_said(self.body[:SHOWN_REFUSAL_CHARS * 4].decode("utf-8", "replace"))
        return f"{asked} answered {self.status}" + (f": {said}" if said else "")

    @property
    def content_type(self) -> str:
        """The Content-Type header, lower case ('' when absent)."""
        for key, value in self.headers.items():
            if key.lower() == "content-type":
                return value.lower()
        return ""


class HttpClient(Protocol):
    """The vendor API. Paths are the catalog's (``/residents/{宛名番号}`` filled in); the client maps
    them to the vendor's own paths as its profile says."""

    base_url: str

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        data: bytes | None = None,
        content_type: str | None = None,
    ) -> HttpResponse:
        """Send a request; ``data`` with ``content_type`` sends raw bytes (a migration file)."""
        ...


@dataclass(frozen=True, slots=True)
class ExportFile:
    """An export file fetched from the vendor, on local disk, with the encoding it declares."""

    path: Path
    layout: str
    declared_encoding: str


class ExportSource(Protocol):
    """Where a vendor's export files come from (its API, or a directory)."""

    def fetch(self, layout: str) -> ExportFile: ...

    def offers(self, layout: str) -> bool:
        """Whether the profile configures an export of ``layout`` (nothing is fetched)."""
        ...


@dataclass(frozen=True)
class TestData:
    """The records the harness loaded into the vendor (migration rows, header -> value)."""

    __test__ = False  # not a pytest test class, whatever its name says
    rows: tuple[Mapping[str, str], ...]

    def by_atena(self) -> dict[str, Mapping[str, str]]:
        """Rows keyed by 宛名番号."""
        return {row["宛名番号"]: row for row in self.rows}

    @cached_property
    def town_codes(self) -> frozenset[str]:
        """The 住所_市区町村コード the rows name (empty ones left out): read once, every statute rule asks it."""
        return frozenset(row.get("住所_市区町村コード", "") for row in self.rows) - {""}


class PersonalValues(Protocol):
    """What learns the personal values a check read from the vendor (the run's
    :class:`~conformance.masking.Scrubber`), so every report masks them."""

    def add_rows(self, rows: Iterable[Mapping[str, str]]) -> None: ...


#: The seed of a Target made without one (a check's own tests); a run's come from conformance.session.
DEFAULT_TARGET_SEED = 20200901


@dataclass
class SeedUse:
    """Whether a check read its target's seed: only a check that did is judged again with the run's other
    seeds (conformance.runner); one that never reads it gives the same findings whatever the seed."""

    read: bool = False


class _Seed:
    """The ``seed`` field of :class:`Target`: reading it notes it in the target's :class:`SeedUse`."""

    @overload
    def __get__(self, target: None, owner: type | None = None) -> int: ...

    @overload
    def __get__(self, target: Target, owner: type | None = None) -> int: ...

    def __get__(self, target: Target | None, owner: type | None = None) -> int:
        if target is None:  # the dataclass asks the class for the field's default
            return DEFAULT_TARGET_SEED
        target.seed_use.read = True
        value: int = target.__dict__["_seed"]
        return value

    def __set__(self, target: Target, value: int) -> None:
        target.__dict__["_seed"] = value


@dataclass
class Target:
    """Everything a check may use. ``cache`` lets checks share one fetch per run (an export file,
    a page of residents) instead of fetching again for every requirement."""

    catalog: EditionCatalog
    http: HttpClient | None = None
    exports: ExportSource | None = None
    data: TestData | None = None
    append_path: str | None = None
    #: Where a person's records of other 業務 are sent (``targets.load.records_path``); None: not offered.
    records_path: str | None = None
    #: Where the 戸籍 of the 戸籍の附票 checks are POSTed (targets.load.koseki_path; None: not automated).
    koseki_path: str | None = None
    #: The seed of the check's generated examples (the runner judges a check that reads it with each of ``seeds``).
    seed: _Seed = _Seed()
    #: Every seed of the run, the first seeding the test town (empty: ``seed`` alone).
    seeds: tuple[int, ...] = ()
    #: Whether a check read ``seed`` (shared by the copies a check makes with ``dataclasses.replace``).
    seed_use: SeedUse = field(default_factory=SeedUse, compare=False, repr=False)
    max_examples: int = 25
    #: Whether Hypothesis shrinks a failing example before it is reported (``hypothesis.shrink``, ``--shrink``).
    shrink: bool = True
    #: Not shrinking, whether the model's machines go on after a breach to report every one (a run's behaviour);
    #: False stops at the first, unshrunk (the machine's own tests, which look for one breach: a quarter the time).
    every_breach: bool = True
    cache: dict[str, Any] = field(default_factory=dict)
    driver: DriverTarget | None = None
    #: The statute domains' forms the vendor's form interface issues (targets.forms; None: none is said to be).
    forms: FormsTarget | None = None
    #: Learns the personal values of the vendor's records that findings are about (None: nobody).
    personal: PersonalValues | None = None
    #: The profile's ``name``: what a result resting on a declaration of the profile names.
    profile: str = ""
    #: The API operations the vendor serves (``targets.api.operations``; "all": every one). Its client refuses to
    #: send the others (conformance/targets/offers.py); checks with a path of their own ask :meth:`serves`.
    api_operations: Literal["all"] | tuple[str, ...] = "all"
    #: The domains the profile claims (None: every one): the cross-domain machine compares only their parts of the
    #: per-person answer (a 介護-only product answers only 介護's).
    claimed: frozenset[str] | None = None
    #: What the municipality's 条例 sets where a law leaves it a rate (the profile's ``ordinance``; the law's
    #: 標準税率 where none is given): the rules on an amount are judged from it.
    ordinance: Ordinance = field(default_factory=Ordinance)
    #: The optional requirements the profile's capability statement declares (``capabilities.optional``; "all":
    #: every one): a required rule whose text an optional ただし書 displaces reads the answer by it when declared.
    optional: Literal["all"] | Collection[str] = frozenset()

    def declares(self, requirement_id: str) -> bool:
        """Whether the profile declares the optional requirement ``requirement_id`` (as ``Profile.declares``)."""
        return self.optional == "all" or requirement_id in self.optional

    @property
    def replay(self) -> str:
        """What a finding of a Hypothesis-driven check says to replay it: the run's seed (and ``--shrink off``
        when the example was not shrunk: replayed with shrinking, the example reported would be another)."""
        again = f"conformance run {self.seed_arguments}"
        if self.shrink:
            return f"seed {self.seed}; replay: {again}"
        return f"seed {self.seed}, not shrunk; replay: {again} --shrink off"

    @property
    def seed_arguments(self) -> str:
        """The ``--seed`` arguments that replay this seed: the run's first seed (the test town's) first when
        it is another (the town must be the same for the examples to be)."""
        town = self.seeds[0] if self.seeds else self.seed
        return f"--seed {self.seed}" if town == self.seed else f"--seed {town} --seed {self.seed}"

    def seeded(self, seed: int) -> Target:
        """This target with ``seed`` and a fresh :class:`SeedUse` (the cache and the connections shared)."""
        return replace(self, seed=seed, seed_use=SeedUse())

    def serves(self, operation: str) -> bool:
        """Whether the profile says the vendor serves the API operation ``operation`` (an interfaces.yaml id, or a
        shared one: get_qualifications, issue_form, issue_form_data)."""
        return self.api_operations == "all" or operation in self.api_operations

    def claims(self, domain: str) -> bool:
        """Whether the profile claims an edition of ``domain`` (every domain when the target was made without)."""
        return self.claimed is None or domain in self.claimed

    def offers_statute_form(self, form_id: str) -> bool:
        """Whether the profile says the vendor issues the statute form ``form_id`` (docs/forms.md)."""
        return self.forms is not None and self.forms.offers(form_id)

    def need_http(self) -> HttpClient:
        """The API client, or a TargetError saying the profile has none."""
        if self.http is None:
            raise TargetError("the profile configures no API target (targets.api)")
        return self.http

    def need_exports(self) -> ExportSource:
        """The export source, or NotAutomated saying the profile has none: a product that declares no export file
        is not judged on one (issue 64: NOT_AUTOMATED with the reason, never ERROR for what it does not offer)."""
        if self.exports is None:
            raise NotAutomated("the profile configures no export target (targets.exports): no export file is "
                               "offered")
        return self.exports

    def need_data(self) -> TestData:
        """The loaded test data, or a TargetError saying none was loaded."""
        if self.data is None:
            raise TargetError("no test data was loaded into the target (targets.load)")
        return self.data
