"""Vendor profiles: what a product claims, where its targets are, and its waivers."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from conformance import clock
from conformance.catalog.models import DOMAIN_SLUGS, EDITION_PATTERN, REQUIREMENT_ID_PATTERN, RULE_ERROR, LaxSeq
from conformance.catalog.statute_forms import STATUTE_FORMS
from conformance.errors import ProfileError
from conformance.limits import MAX_JSON_DEPTH, MAX_JSON_MEMBERS, MAX_PAGES, RUN_BUDGET_SECONDS
from conformance.messages import did_you_mean, listing
from conformance.transformations import Transformations


class ProfileModel(BaseModel):
    """Base of profile models: strict, immutable, no unknown keys."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Claim(ProfileModel):
    """A domain and edition the product claims to conform to."""

    domain: Literal[DOMAIN_SLUGS]  # type: ignore[valid-type]
    edition: Annotated[str, Field(pattern=EDITION_PATTERN)]


class Waiver(ProfileModel):
    """An accepted deviation: a failure of ``requirement`` is WAIVED until ``expires``."""

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    reason: Annotated[str, Field(min_length=1)]
    criterion: Annotated[str, Field(min_length=1, description="The accepted customization criterion.")]
    ticket: Annotated[str, Field(min_length=1)]
    approver: Annotated[str, Field(min_length=1)]
    expires: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]

    @property
    def expiry(self) -> dt.date:
        """The last day the waiver applies."""
        return dt.date.fromisoformat(self.expires)


class Attestation(ProfileModel):
    """A person's signed-off statement that a MANUAL requirement is met, with the evidence looked at.

    ``evidence`` names files relative to the file that holds the attestation; their SHA-256 sums are
    taken when the profile is read and go into results.json (and so into the signed bundle).
    """

    requirement: Annotated[str, Field(pattern=REQUIREMENT_ID_PATTERN)]
    by: Annotated[str, Field(min_length=1, description="Who attests (name).")]
    role: str | None = Field(default=None, description="Their role or organisation, e.g. 受入検査担当.")
    date: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="When (YYYY-MM-DD).")]
    statement: Annotated[str, Field(min_length=1, description="What was checked and found.")]
    evidence: Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq, Field(min_length=1)] = Field(
        description="Evidence files (screenshots, logs), relative to this file."
    )
    expires: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | None = Field(
        default=None, description="The last day it is valid (YYYY-MM-DD), as the portal's reviewer set it; "
        "an expired attestation stops the run.")


class AttestationFile(ProfileModel):
    """A file of attestations named by a profile's ``attestations_file``."""

    attestations: Annotated[tuple[Attestation, ...], LaxSeq]


class Capabilities(ProfileModel):
    """The capability statement: which optional requirements the product implements."""

    optional: Literal["all"] | Annotated[tuple[str, ...], LaxSeq] = ()


class OAuth2ClientCredentials(ProfileModel):
    """An OAuth 2.0 Client Credentials Grant (RFC 6749 4.4): the harness gets an access token from
    ``token_url`` and sends it as ``<scheme> <token>``. The client secret is the ``env`` of :class:`Auth`;
    the client id comes from ``client_id_env``: nothing secret is written in the profile."""

    token_url: Annotated[str, Field(
        min_length=1, description="The token endpoint: an http(s) URL, or a path relative to base_url "
        "(/oauth2/token).", json_schema_extra={"pattern": "^(https?://[^@/]+(/|$)|/)"},
    )]
    client_id_env: Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]*$",
                                        description="Environment variable holding the client id.")]
    client_auth: Literal["client_secret_basic", "client_secret_post"] = Field(
        default="client_secret_basic", description="How the client authenticates at the token endpoint.")
    scope: str | None = Field(default=None, description="The scope asked for, if the vendor needs one.")

    @field_validator("token_url")
    @classmethod
    def _usable_token_url(cls, value: str) -> str:
        if value.startswith("/"):
            return value
        problem = base_url_problem(value)
        if problem is not None:
            raise PydanticCustomError(RULE_ERROR, "{detail}", {"detail": problem})
        return value


class Auth(ProfileModel):
    """How to authenticate: a header whose value comes from an environment variable (never the file).

    With ``oauth2``, ``env`` holds the client secret and the header's value is an access token the
    harness gets from the token endpoint (conformance/targets/oauth.py)."""

    header: Annotated[str, Field(min_length=1)] = "Authorization"
    scheme: str | None = Field(default="Bearer", description="Prefix of the header value, e.g. Bearer.")
    env: Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]*$", description="Environment variable holding the secret.")]
    oauth2: OAuth2ClientCredentials | None = Field(
        default=None, description="Client Credentials Grant: env is then the client secret.")


#: The API operations the harness calls for every domain, beside a claimed edition's own (its interfaces.yaml): the
#: per-person query of the statute domains and the form interface (docs/profiles.md, "What a product offers").
SHARED_API_OPERATIONS = ("get_qualifications", "issue_form", "issue_form_data")
#: The driver operations the harness calls for every domain, beside a claimed edition's own (its driver.yaml): the
#: 庁内連携 feed a statute domain's system takes 住民記録's 異動 by (docs/driver.md, "庁内連携"; the contract's
#: ``POST /driver/v1/linkage/feed``), declared by a vendor claiming a statute domain alone as well.
SHARED_DRIVER_OPERATIONS = ("linkage.feed",)


class ApiTarget(ProfileModel):
    """The vendor's API."""

    base_url: Annotated[str, Field(
        description="Base URL the catalog paths are relative to (http or https, host, optional port 1-65535; "
        "no user name or password).", json_schema_extra={"pattern": "^https?://[^@/]+(/|$)"},
    )]
    auth: Auth | None = None
    paths: dict[str, str] = Field(
        default_factory=dict, strict=False,
        description="Catalog path -> the vendor's path, where they differ (same {parameters}).",
    )
    operations: Literal["all"] | Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq] = Field(
        default="all", description="Ids of the API operations the vendor serves: the claimed editions' (their "
        "interfaces.yaml: get_resident, issue_certificate ...), the paged list reads of a claimed domain's contract "
        "(get_voter_roll), and the shared get_qualifications (the per-person "
        "query), issue_form and issue_form_data (the form interface); or all (the default). A check that would "
        "call another is NOT_AUTOMATED with the reason, never FAIL or ERROR (docs/profiles.md).")
    timeout_seconds: Annotated[float, Field(
        gt=0, le=600, strict=False,
        description="Deadline of one exchange in total: connect, headers and body (not per read).",
    )] = 30.0
    max_response_bytes: Annotated[int, Field(ge=1024)] = 64 * 1024 * 1024
    verify_tls: bool = True
    run_budget_seconds: Annotated[float, Field(
        gt=0, le=7 * 24 * 3600, strict=False,
        description="Overall budget of the run's exchanges with this target (per process); past it the run stops.",
    )] = RUN_BUDGET_SECONDS
    max_pages: Annotated[int, Field(ge=1, le=1_000_000, description="Pages of one paged query before giving up.")] = (
        MAX_PAGES
    )
    max_json_depth: Annotated[int, Field(ge=2, le=10_000, description="Nesting depth of one JSON answer.")] = (
        MAX_JSON_DEPTH
    )
    max_json_members: Annotated[int, Field(
        ge=100, le=100_000_000, description="Values (array elements and object members) in one JSON answer.",
    )] = MAX_JSON_MEMBERS

    def serves(self, operation: str) -> bool:
        """Whether the profile says the vendor serves the API operation ``operation``."""
        return self.operations == "all" or operation in self.operations

    @field_validator("base_url")
    @classmethod
    def _usable_url(cls, value: str) -> str:
        """Scheme, host and port checked at load; credentials in the URL refused (never echoed)."""
        problem = base_url_problem(value)
        if problem is not None:
            # Our own error type: the loader shows the words as they are, without the value.
            raise PydanticCustomError(RULE_ERROR, "{detail}", {"detail": problem})
        return value


def test_municipality_problem(code: str, name: str) -> str | None:
    """What is wrong with a declared test municipality; None when it may be declared."""
    from conformance.oracles.identifiers import is_valid_lg_code
    from conformance.oracles.municipalities import local_government_codes

    if not re.fullmatch(r"[0-9]{6}", code):
        return f"{code!r}: expected a 6-digit 市区町村コード (a test environment's own; its check digit may be invalid)"
    if is_valid_lg_code(code) and code in local_government_codes():
        return (f"{code!r} is a real municipality's code (全国地方公共団体コード): only a test environment's own "
                "codes are declared")
    if not name.strip():
        return f"{code!r}: expected the test municipality's name"
    return None


def base_url_problem(url: str) -> str | None:
    """What is wrong with an API ``base_url``, in words that never repeat the URL (it may hold a
    password); None when it is usable."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "the port must be a number from 1 to 65535"
    if parts.scheme not in ("http", "https"):
        return f"the scheme must be http or https, not {parts.scheme!r}"
    if "@" in parts.netloc:
        return ("user name or password in the URL is not allowed (it would be written into the "
                "reports); give the secret through targets.api.auth.env")
    host = parts.hostname or ""
    if not host or not _HOST.fullmatch(host):
        return "the host must be a DNS name or an IP address"
    if port is not None and not 0 <= port <= 65535:
        return "the port must be a number from 1 to 65535"
    if parts.query or parts.fragment:
        return "no query or fragment (catalog paths are appended to it)"
    return None


#: A host name (RFC 1123 labels), an IPv4 address or a bracketed IPv6 address (urlsplit drops the brackets).
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                   r"[A-Za-z0-9])?)*\.?|[0-9A-Fa-f:.]+(?:%[A-Za-z0-9]+)?")


class ExportTarget(ProfileModel):
    """Where export files come from: through the API (catalog path) or from a directory."""

    via: Literal["api", "directory"]
    files: Annotated[dict[str, str], Field(strict=False, min_length=1)] = Field(
        description="File layout id -> API path (via api) or file name in the directory (via directory)."
    )
    directory: str | None = None
    encoding: dict[str, str] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> the encoding the vendor declares for files from a directory.",
    )
    columns: dict[str, dict[str, str]] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> {the vendor's header: the catalog's header or data item id}: the vendor's own "
        "column names; findings name the vendor's header.",
    )
    extra_columns: dict[str, Literal["allow", "report"]] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> what a column the layout does not have is: reported (default) or allowed.",
    )
    absent_columns: dict[str, Annotated[tuple[str, ...], LaxSeq]] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> the columns (headers or data item ids) the vendor's system does not have: not "
        "reported missing. An optional column, or a required one of our unconfirmed layout (its checks are then "
        "NOT_APPLICABLE, with the reason); a column a confirmed layout requires cannot be absent.",
    )
    column_order: dict[str, Literal["layout", "any"]] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> whether the columns, after the mapping of columns, must stand in the layout's "
        "order (layout, the default) or may stand in any (any: no file.header_order finding).",
    )
    interpretations: dict[str, str] = Field(
        default_factory=dict, strict=False,
        description="Interpretation id -> this vendor's choice where the specification leaves room "
        "(docs/checks.md lists each with the catalog's choice), e.g. cp932_ambiguous_characters: cp932.",
    )
    test_municipalities: dict[str, str] = Field(
        default_factory=dict, strict=False,
        description="市区町村コード -> name of a municipality that exists only in the vendor's test environment "
        "(a fictional test town): the municipalities family accepts it, and its check digit is not asked (a test "
        "environment's code may have none). Six digits; never a code the 全国地方公共団体コード lists.",
    )
    reconcile: dict[str, Transformations] = Field(
        default_factory=dict, strict=False,
        description="Layout id -> how a legacy export's values read in this product's, for `conformance reconcile`: "
        "codes, wareki, width (docs/profiles.md).",
    )

    @field_validator("test_municipalities")
    @classmethod
    def _fictional_codes(cls, value: dict[str, str]) -> dict[str, str]:
        """A declared code is well formed and names no real municipality (a real one needs no
        declaration; declaring it would hide nothing but mislead a reader)."""
        for code, name in value.items():
            problem = test_municipality_problem(code, name)
            if problem is not None:
                raise PydanticCustomError(RULE_ERROR, "{detail}", {"detail": problem})
        return value


class LoadTarget(ProfileModel):
    """How the harness loads its test data (a 基本データリスト migration file) into the vendor."""

    via: Literal["http", "command", "none"]
    path: str | None = Field(default=None, description="via http: the catalog-style path to POST the CSV to.")
    append_path: str | None = Field(
        default=None,
        description="The path to POST migration rows that are added to the loaded data (generated scenarios).",
    )
    records_path: str | None = Field(
        default=None,
        description="The path to POST a person's record of another 業務 as JSON ({宛名番号, 業務, 記録}: 生活保護, "
        "障害認定, 認定請求 ...; docs/profiles.md). Without it the scenario checks that need one are NOT_AUTOMATED.",
    )
    koseki_path: str | None = Field(
        default=None,
        description="The path to POST a 戸籍 the harness plays (本籍 in the municipality: its 筆頭者 and 在籍者) "
        "for the 戸籍の附票 checks; without it they are NOT_AUTOMATED.",
    )
    command: Annotated[tuple[str, ...], LaxSeq] = Field(
        default=(), description="via command: argv; '{file}' is replaced by the migration file's path. Run only "
        "with --allow-profile-commands (docs/security.md), without a shell, in a process group of its own."
    )
    timeout_seconds: float = Field(
        default=300.0, gt=0, le=3600,
        description="via command: seconds the command may take; then it is ended with its process group.",
    )


#: The settings a municipality may choose where the specification leaves room, each with its values (the first the
#: default), as the scenarios' expectations name them (``setting``) and interpretations.yaml records them:
#: 住民記録 5.2 R002 「末尾に順次記載することとするが、…並び替えることも差し支えない」
#: (jumin-1.0-interp-newcomer-order); 住民記録 10.2 R024 「深夜・休業日におけるアクセス一覧」, the days the
#: product takes as 休業日 beside those the 照会 gives: unstated, only those given, also every Saturday and
#: Sunday, or also the 国民の祝日・休日 and the 年末年始 (jumin-1.0-interp-operation-authority-more).
SETTINGS: dict[str, tuple[str, ...]] = {"jumin.newcomer_order": ("last", "resorted"),
                                        "jumin.closed_days": ("unstated", "given", "weekends", "calendar")}


class DriverTarget(ProfileModel):
    """The vendor's adapter for the driver protocol (docs/driver.md): where it is, what it implements."""

    base_path: Annotated[str, Field(pattern=r"^/", description="Below targets.api.base_url.")] = "/driver/v1"
    operations: Literal["all"] | Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq] = Field(
        default=(), description="Ids of the driver operations the adapter implements (spec_catalog/<domain>/"
        "<edition>/driver.yaml, and the shared linkage.feed of a statute domain's system), or all. A requirement "
        "whose scenario needs another one is NOT_AUTOMATED.")

    settings: Annotated[dict[str, str], Field(strict=False)] = Field(
        default_factory=dict, description="How the product is set where the specification lets a municipality "
        "choose (interpretations.yaml names each setting and its values; SETTINGS): e.g. "
        "jumin.newcomer_order: resorted; jumin.closed_days: weekends. A setting not given is its first value.")

    def implements(self, operation: str) -> bool:
        """Whether the adapter declares ``operation``."""
        return self.operations == "all" or operation in self.operations

    def settings_in_force(self) -> dict[str, str]:
        """Every known setting's value: the profile's, else its default (the first of :data:`SETTINGS`)."""
        return {name: self.settings.get(name, values[0]) for name, values in SETTINGS.items()}

    @field_validator("settings")
    @classmethod
    def _known_settings(cls, value: dict[str, str]) -> dict[str, str]:
        """Only the settings the scenarios read, each with one of its values (a typo would judge the default)."""
        for name, chosen in value.items():
            if name not in SETTINGS:
                raise PydanticCustomError(RULE_ERROR, "{detail}", {
                    "detail": f"unknown setting {name!r}; known: {listing(SETTINGS)}{did_you_mean(name, SETTINGS)}"})
            if chosen not in SETTINGS[name]:
                raise PydanticCustomError(RULE_ERROR, "{detail}", {
                    "detail": f"{name}: {chosen!r} is not a value of the setting; expected {listing(SETTINGS[name])}"})
        return value


class FormsTarget(ProfileModel):
    """The vendor's form interface (``POST /forms/{form_id}``) beyond the 住民記録 forms: which forms of the
    statute domains it issues (docs/forms.md, "Forms of the statute domains")."""

    statute: Literal["all"] | Annotated[tuple[Annotated[str, Field(min_length=1)], ...], LaxSeq] = Field(
        default=(), description="Ids of the statute domains' forms the vendor issues (fuhyo_utsushi, senkyo_shohon, "
        "gakureibo, ...), or all. A check of a form not named is NOT_AUTOMATED; a named form the vendor does not "
        "issue fails its requirements.")

    @field_validator("statute")
    @classmethod
    def _known_forms(cls, value: Literal["all"] | tuple[str, ...]) -> Literal["all"] | tuple[str, ...]:
        """Only the forms the harness asks for (a typo would silently leave a form NOT_AUTOMATED)."""
        for form_id in () if value == "all" else value:
            if form_id not in STATUTE_FORMS:
                raise PydanticCustomError(RULE_ERROR, "{detail}", {
                    "detail": f"unknown statute form {form_id!r}; known: {listing(STATUTE_FORMS)}"
                              f"{did_you_mean(form_id, STATUTE_FORMS)}"})
        return value

    def offers(self, form_id: str) -> bool:
        """Whether the vendor's form interface is said to issue the statute form ``form_id``."""
        return self.statute == "all" or form_id in self.statute


class Targets(ProfileModel):
    """The parts of the vendor's system the suite reaches."""

    reference: bool = Field(
        default=False, description="Start the bundled reference vendor and point api.base_url at it."
    )
    api: ApiTarget | None = None
    exports: ExportTarget | None = None
    load: LoadTarget = LoadTarget(via="none")
    driver: DriverTarget | None = None
    forms: FormsTarget = FormsTarget()

    @model_validator(mode="after")
    def _port_zero_only_for_the_reference(self) -> Targets:
        """Port 0 means "chosen when the bundled reference starts": any other target needs a real one."""
        if self.api is not None and not self.reference and _port_of(self.api.base_url) == 0:
            raise PydanticCustomError(RULE_ERROR, "{detail}", {
                "detail": "api.base_url: the port must be a number from 1 to 65535 (0 only with reference: true)"})
        return self


def _port_of(url: str) -> int | None:
    try:
        return urlsplit(url).port
    except ValueError:
        return None


class HypothesisSettings(ProfileModel):
    """Property-based test settings for this vendor."""

    max_examples: Annotated[int, Field(ge=1, le=100_000)] = 25
    #: The first seed of the run (it seeds the test town); the other default seeds follow it.
    seed: int | None = None
    #: Every seed of the run, the first seeding the test town (over ``seed``); ``--seed`` overrides both.
    seeds: Annotated[tuple[int, ...], LaxSeq] = ()
    #: Shrink a failing example to its smallest before it is reported (Hypothesis' shrink phase); false reports
    #: the first failing example found: a quicker verdict, a longer example (``conformance run --shrink off``).
    shrink: bool = True


#: A rate as a 条例 writes it, in percent: 百分の一・五 is '1.5' (a string, so that no binary fraction creeps in).
Percent = Annotated[str, Field(pattern=r"^[0-9]{1,2}(\.[0-9]{1,4})?$", description="Percent, e.g. '1.5'.")]


#: 地方税法 第341条第1号: a 固定資産's 資産区分, as a 条例 of 第351条ただし書 may name it.
AssetKind = Literal["土地", "家屋", "償却資産"]


class KoteiOrdinance(ProfileModel):
    """固定資産税 (地方税法 第350条第1項: 標準税率 百分の一・四; the 条例 sets the rate; 第351条ただし書: a 条例
    may levy below the 免税点; 第362条第2項: a 条例's amount at or below which the tax is collected in one 納期)."""

    rate_percent: Percent | None = Field(default=None, description="The 条例's 税率 in percent (none: the 標準税率).")
    below_exemption_levied: bool = Field(
        default=False, description="The 条例 of 第351条ただし書 levies the tax even below the 免税点 "
        "(財政上その他特別の必要), at any amount unless exemption_points gives one.")
    exemption_points: Annotated[dict[AssetKind, Annotated[int, Field(ge=0)]], Field(strict=False)] = Field(
        default_factory=dict, description="第351条ただし書: the 条例's amount by 資産区分 below which no tax is "
        "levied, under the law's 免税点 (土地 30万円, 家屋 20万円, 償却資産 150万円); a 資産区分 not given: the "
        "law's, or none when below_exemption_levied.")
    single_installment_limit: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="第362条第2項: the 条例's 金額 (yen) at or below which the 固定資産税額 is "
        "collected whole in one 納期 (none: not declared, that rule NOT_AUTOMATED).")


class KojinJuminzeiOrdinance(ProfileModel):
    """個人住民税 (地方税法 第310条: 均等割 標準税率 三千円; 第314条の3第1項: 所得割 標準税率 百分の六, 指定都市
    百分の八)."""

    kintowari: Annotated[int, Field(ge=0, le=1_000_000)] | None = Field(
        default=None, description="The 条例's 均等割 in yen (none: the 標準税率).")
    shotokuwari_percent: Annotated[int, Field(ge=0, le=100)] | None = Field(
        default=None, description="The 条例's 所得割 rate in whole percent, as the contract's 所得割税率 answers it "
        "(none: the 標準税率 of the municipality).")
    kintowari_exempt_limit: Annotated[int, Field(ge=0, le=100_000_000)] | None = Field(
        default=None, description="第295条第3項: the 条例's amount of 前年の合計所得金額 at or below which a person "
        "liable to 均等割 only is not levied it, for a person with no 同一生計配偶者 or 扶養親族 (none: the rule "
        "is not judged).")


#: A class of 軽自動車等 as the 軽自動車税 record names it (the 号 and イ/ロ/ハ of 地方税法 第463条の15第1項's table).
VehicleClass = Annotated[str, Field(pattern=r"^(1[イロハニホ]|2[イロ]|2ハ\([12]\)\((i|ii)\)|3)$")]


class KeijidoshaOrdinance(ProfileModel):
    """軽自動車税 種別割 (地方税法 第463条の15第1項: 標準税率 by class; 第2項: at most 1.5 times it)."""

    rates: Annotated[dict[VehicleClass, Annotated[int, Field(ge=0, le=1_000_000)]], Field(strict=False)] = Field(
        default_factory=dict, description="The 条例's 種別割 in yen a year, by class (車両区分, e.g. '2ハ(1)(ii)'); "
        "a class not given: its 標準税率.")


class HojinJuminzeiOrdinance(ProfileModel):
    """法人住民税 (地方税法 第312条第1項: 均等割 標準税率 by the table's 号, 第2項 at most 1.2 times it;
    第314条の4第1項: 法人税割 標準税率 百分の六, at most 百分の八・四)."""

    equal_rates: Annotated[dict[Annotated[int, Field(ge=1, le=9)], Annotated[int, Field(ge=0, le=100_000_000)]],
                           Field(strict=False)] = Field(
        default_factory=dict, description="The 条例's 均等割 in yen a year, by the 号 of the table (1-9, 第一号: "
        "its ホ); a 号 not given: its 標準税率.")
    corporate_percent: Annotated[str, Field(pattern=r"^[0-9]{1,2}(\.[0-9]{1,2})?$")] | None = Field(
        default=None, description="The 条例's 法人税割 rate in percent, up to two decimals (none: the 標準税率 '6').")


class SenkyoDeclared(ProfileModel):
    """選挙人名簿 (公職選挙法 第20条第2項: 「市町村の区域を分けて数投票区を設けた場合には、その投票区ごとに編製」): the
    投票区 the municipality set, by 町字 (not a 条例: the town's own decision; the law does not draw them)."""

    voting_districts: Annotated[dict[Annotated[str, Field(min_length=1, max_length=40)],
                                     Annotated[str, Field(min_length=1, max_length=40)]],
                                Field(strict=False)] = Field(
        default_factory=dict, description="The 投票区 of each 町字 (住所_町字 -> the 投票区's name); none: the 投票区 "
        "are not declared (the rule on them is NOT_AUTOMATED).")


class Ordinance(ProfileModel):
    """What the municipality's 条例 sets where a law gives a 標準税率 the 条例 may depart from (a vendor set up for
    one municipality answers with its rates): each value the product is set to, the law's 標準 where none is given.
    The rules on the amount are judged from it (docs/profiles.md, "The municipality's 条例"). ``senkyo``: what the
    municipality itself sets where a law leaves it a setting the rules turn on (the 投票区)."""

    kotei_shisan_zei: KoteiOrdinance = KoteiOrdinance()
    kojin_juminzei: KojinJuminzeiOrdinance = KojinJuminzeiOrdinance()
    keijidosha_zei: KeijidoshaOrdinance = KeijidoshaOrdinance()
    hojin_juminzei: HojinJuminzeiOrdinance = HojinJuminzeiOrdinance()
    senkyo: SenkyoDeclared = SenkyoDeclared()


class Profile(ProfileModel):
    """A vendor profile (`vendor_profiles/*.yaml`)."""

    name: Annotated[str, Field(min_length=1)]
    product: Annotated[str, Field(min_length=1)]
    version: Annotated[str, Field(min_length=1)]
    claims: Annotated[tuple[Claim, ...], LaxSeq, Field(min_length=1)]
    capabilities: Capabilities = Capabilities()
    targets: Targets = Targets()
    hypothesis: HypothesisSettings = HypothesisSettings()
    ordinance: Ordinance = Field(default=Ordinance(), description="The municipality's 条例 where a law leaves it a "
                                 "rate (none: the law's 標準税率).")
    waivers: Annotated[tuple[Waiver, ...], LaxSeq] = ()
    attestations: Annotated[tuple[Attestation, ...], LaxSeq] = ()
    attestations_file: str | None = Field(
        default=None, description="A YAML file of attestations (relative to this profile), kept apart from it."
    )

    def declares(self, requirement_id: str) -> bool:
        """Whether the capability statement declares this optional requirement."""
        optional = self.capabilities.optional
        return optional == "all" or requirement_id in optional

    def claims_edition(self, domain: str, edition: str) -> bool:
        """Whether the product claims this domain and edition."""
        return any(c.domain == domain and c.edition == edition for c in self.claims)

    def claims_domain(self, domain: str) -> bool:
        """Whether the product claims an edition of ``domain``."""
        return any(c.domain == domain for c in self.claims)


def resolved_attestations(profile: Profile, path: Path) -> dict[str, dict[str, Any]]:
    """Requirement id -> the attestation as results.json carries it, evidence files hashed.

    Inline attestations' evidence is relative to the profile, a file's to that file. A missing or
    unreadable evidence file, a date in the future, or two attestations of one requirement are
    ProfileErrors: an attestation is accepted whole or the run does not start.
    """
    from conformance.catalog.loader import load_model

    sources: list[tuple[Path, Attestation]] = [(path, a) for a in profile.attestations]
    if profile.attestations_file is not None:
        named = (path.parent / profile.attestations_file)
        if not named.is_file():
            raise ProfileError(f"{path}: attestations_file: {profile.attestations_file!r} is not a file")
        loaded, errors = load_model(named, AttestationFile)
        if loaded is None:
            raise ProfileError("\n".join(str(error) for error in errors))
        sources += [(named, a) for a in loaded.attestations]
    resolved: dict[str, dict[str, Any]] = {}
    for origin, attestation in sources:
        if attestation.requirement in resolved:
            raise ProfileError(f"{origin}: two attestations for {attestation.requirement}")
        resolved[attestation.requirement] = _resolve(origin, attestation)
    return resolved


def _resolve(origin: Path, attestation: Attestation) -> dict[str, Any]:
    if dt.date.fromisoformat(attestation.date) > clock.today():
        raise ProfileError(f"{origin}: attestation of {attestation.requirement}: date {attestation.date} "
                           "is in the future")
    if attestation.expires is not None and dt.date.fromisoformat(attestation.expires) < clock.today():
        raise ProfileError(f"{origin}: attestation of {attestation.requirement}: expired on {attestation.expires} "
                           "(fetch the attestations again: `conformance portal attestations`)")
    evidence = []
    for name in attestation.evidence:
        evidence.append({"file": name, "sha256": _evidence_hash(origin, attestation.requirement, name)})
    resolved = {"by": attestation.by, "role": attestation.role, "date": attestation.date,
                "statement": attestation.statement, "evidence": evidence}
    if attestation.expires is not None:
        resolved["expires"] = attestation.expires
    return resolved


def _evidence_hash(origin: Path, requirement: str, name: str) -> str:
    file = origin.parent / name
    try:
        if not file.is_file():
            raise ProfileError(f"{origin}: attestation of {requirement}: evidence {name!r} is not a regular file")
        digest = hashlib.sha256()
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise ProfileError(f"{origin}: attestation of {requirement}: evidence {name!r}: {error.strerror}") from None
    return digest.hexdigest()


def load_profile(path: Path) -> Profile:
    """Read and validate a profile; errors are ``file:line: message`` lines in a ProfileError."""
    from conformance.catalog.loader import load_model

    if not path.is_file():
        raise ProfileError(f"{path}: no such vendor profile")
    profile, errors = load_model(path, Profile)
    if profile is None:
        raise ProfileError("\n".join(str(error) for error in errors))
    return profile


def field_location(path: Path, field: tuple[str | int, ...]) -> str:
    """``file:line`` of a field of the profile at ``path`` (of its closest parent when absent), for a
    problem found after the profile validated (an unset variable, an unknown driver operation)."""
    from conformance.catalog.yamlmarks import YamlError, load_yaml
    from conformance.messages import display_path

    try:
        return f"{display_path(path)}:{load_yaml(path).line_of(field)}"
    except YamlError:  # it loaded a moment ago; if it changed since, the file alone still helps
        return display_path(path)


#: The profile field a ProfileError's message opens with: ``targets.exports.columns.residents_csv: ...``.
_FIELD_PREFIX = re.compile(r"(targets(?:\.\w+|\[[0-9]+\])*): ")


def located(error: ProfileError, path: Path) -> ProfileError:
    """``error`` with the ``file:line`` of the profile field its message opens with, for the errors
    found where the profile is used (a layout's mapped columns, its interpretations), far from the
    file; an error that names no field, or already a file, is returned as it is."""
    match = _FIELD_PREFIX.match(str(error))
    if match is None:
        return error
    parts = re.findall(r"\w+|\[[0-9]+\]", match.group(1))
    field = tuple(int(part[1:-1]) if part.startswith("[") else part for part in parts)
    return ProfileError(f"{field_location(path, field)}: {error}")


def unset_secrets(profile: Profile, environ: Mapping[str, str], path: Path | None = None) -> list[str]:
    """Each environment variable the profile's API auth reads that is unset or empty, as
    ``targets.api.auth.<field>: environment variable NAME is not set`` (never a value), after the
    ``file:line`` of the field when the profile's ``path`` is given. The bundled reference sets its
    own when it starts (``targets.reference``): none then."""
    api = profile.targets.api
    if profile.targets.reference or api is None or api.auth is None:
        return []
    named: list[tuple[tuple[str, ...], str]] = [(("env",), api.auth.env)]
    if api.auth.oauth2 is not None:
        named.append((("oauth2", "client_id_env"), api.auth.oauth2.client_id_env))
    problems = []
    for field, name in named:
        value = environ.get(name)
        if not value:
            state = "is not set" if value is None else "is empty"
            where = f"{field_location(path, ('targets', 'api', 'auth', *field))}: " if path is not None else ""
            problems.append(f"{where}targets.api.auth.{'.'.join(field)}: environment variable {name} {state}")
    return problems
