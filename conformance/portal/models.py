"""What the portal keeps: parties, accounts' roles, indexed bundles, reviews and 経過措置.

A bundle is indexed by municipality x system (the catalog domain) x package release (the profile's
product and version) x catalog edition: one :class:`Bundle` per upload, one :class:`SystemResult`
per edition it covers, one :class:`RequirementState` per requirement judged. Bundle and evidence
bytes are kept in the database, so an upload is stored whole or not at all (one transaction).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from conformance.catalog.domains import domain
from conformance.portal.sealing import normalised, path_problem, profile_problems, secret_problems
from conformance.reporting.bundle import key_fingerprint


class Municipality(models.Model):
    """A 市区町村 by its 全国地方公共団体コード (6 digits, check digit included)."""

    code = models.CharField("団体コード", max_length=6, unique=True)
    name = models.CharField("団体名", max_length=100)
    prefecture = models.CharField("都道府県", max_length=20, db_index=True)
    # When set, only a run the portal witnessed can be conformant here (verdicts.compute).
    require_witnessed = models.BooleanField("立会い実行のみ適合とする", default=False)

    class Meta:
        ordering = ("code",)
        verbose_name = verbose_name_plural = "市区町村"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Vendor(models.Model):
    """A vendor whose packages municipalities accept; its keys sign its bundles."""

    name = models.CharField("ベンダー名", max_length=200, unique=True)
    customers = models.ManyToManyField(Municipality, related_name="vendors", blank=True,
                                       verbose_name="納入先の市区町村")

    class Meta:
        ordering = ("name",)
        verbose_name = verbose_name_plural = "ベンダー"

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """A package of a vendor, registered by an administrator: a bundle names its product, and the
    portal takes it only from a key of the vendor the product is registered to."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="products", verbose_name="ベンダー")
    name = models.CharField("製品名", max_length=200)

    class Meta:
        ordering = ("name",)
        verbose_name = verbose_name_plural = "製品"
        constraints = (models.UniqueConstraint(fields=["vendor", "name"], name="one_product_name_per_vendor"),)

    def __str__(self) -> str:
        return f"{self.name} ({self.vendor})"


class Installation(models.Model):
    """Which vendor's product a municipality installed for one system (業務): a bundle of that system
    is taken only from that vendor, and the headline result of the system is that product's
    (issue 68, item 2: another vendor's product never becomes the municipality's result)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="installations",
                                     verbose_name="市区町村")
    domain = models.CharField("業務（カタログの領域）", max_length=64)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="installations",
                                verbose_name="導入製品")

    class Meta:
        verbose_name = verbose_name_plural = "導入製品"
        constraints = (models.UniqueConstraint(fields=["municipality", "domain"], name="one_product_per_system"),)

    def __str__(self) -> str:
        return f"{self.municipality} {self.domain}: {self.product}"

    def clean(self) -> None:
        """A system the catalog knows, and a product of a vendor that supplies the municipality."""
        if domain(self.domain) is None:
            raise ValidationError({"domain": f"業務 {self.domain!r} はカタログにありません / unknown system "
                                             f"{self.domain!r}: expected a catalog domain such as jumin"})
        if self.product_id and self.municipality_id and not self.product.vendor.customers.filter(
                pk=self.municipality_id).exists():
            raise ValidationError({"product": f"{self.product.vendor} は {self.municipality} の取引先ではありません / "
                                              f"{self.product.vendor} does not supply {self.municipality}"})


class VendorKey(models.Model):
    """An Ed25519 public key registered for a vendor: a bundle is accepted only if one verifies it."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="keys", verbose_name="ベンダー")
    public_pem = models.TextField("公開鍵（PEM）")
    fingerprint = models.CharField("鍵の SHA-256", max_length=64, unique=True)
    registered = models.DateTimeField("登録日時", auto_now_add=True)
    revoked = models.BooleanField("失効", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "ベンダーの署名鍵"

    def __str__(self) -> str:
        return f"{self.vendor}: {self.fingerprint[:16]}"

    def clean(self) -> None:
        """A PEM Ed25519 public key, or a form error saying what it is not."""
        try:
            self.fingerprint = key_fingerprint(_ed25519(self.public_pem))
        except ValueError as error:
            raise ValidationError({"public_pem": str(error)}) from None

    def save(self, *args: Any, **kwargs: Any) -> None:
        """The fingerprint is the key's (SHA-256 of the raw Ed25519 key, as ``manifest.sig`` names it)."""
        self.fingerprint = key_fingerprint(_ed25519(self.public_pem))
        super().save(*args, **kwargs)


def _ed25519(pem: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError, TypeError) as error:
        raise ValueError(f"not a PEM public key ({str(error).split(' See https://', 1)[0]})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("a vendor key must be an Ed25519 public key (`conformance report keygen`)")
    return key


class Role(models.TextChoices):
    """What an account may do (docs/portal.md, "Accounts and roles")."""

    TESTER = "tester", "市区町村 テスト担当 / municipality tester"
    REVIEWER = "reviewer", "市区町村 確認者 / municipality reviewer"
    VENDOR = "vendor", "ベンダー / vendor"
    PREFECTURE = "prefecture", "都道府県 閲覧 / prefecture viewer"
    ADMIN = "admin", "管理者 / administrator"


class Membership(models.Model):
    """One role of an account, over one municipality, vendor or prefecture (by its name)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
                             verbose_name="アカウント")
    role = models.CharField("役割", max_length=12, choices=Role.choices)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.CASCADE,
                                     verbose_name="市区町村")
    vendor = models.ForeignKey(Vendor, null=True, blank=True, on_delete=models.CASCADE, verbose_name="ベンダー")
    prefecture = models.CharField("都道府県", max_length=20, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "役割の付与"

    def __str__(self) -> str:
        return f"{self.user}: {self.role} {self.municipality or self.vendor or self.prefecture}"

    def clean(self) -> None:
        problem = role_conflict(self.user_id, self.role, self.pk)
        if problem is not None:
            raise ValidationError({"role": f"{problem[0]} / {problem[1]}"})

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Refused, whoever saves it, when it would give one account a vendor and a municipal role."""
        problem = role_conflict(self.user_id, self.role, self.pk)
        if problem is not None:
            raise ValidationError(f"{problem[0]} / {problem[1]}")
        super().save(*args, **kwargs)


#: Roles of a municipality's people: the four eyes of a review are two of them, never a vendor's.
MUNICIPAL_ROLES = frozenset({Role.TESTER, Role.REVIEWER})


def role_conflict(user_id: int | None, role: str, own: int | None = None) -> tuple[str, str] | None:
    """Why the account cannot take ``role`` (Japanese, English): one account never holds a vendor
    role and a municipal one (issue 68: a vendor's account made a reviewer accepted its colleague's
    attestations). None when it can."""
    if user_id is None or (role != Role.VENDOR and role not in MUNICIPAL_ROLES):
        return None
    other = {Role.VENDOR} if role in MUNICIPAL_ROLES else set(MUNICIPAL_ROLES)
    if not Membership.objects.filter(user_id=user_id, role__in=other).exclude(pk=own or 0).exists():
        return None
    return ("ベンダーの役割と市区町村の役割（テスト担当・確認者）を同じアカウントに付与することはできません。",
            "one account cannot hold a vendor role and a municipal role (tester, reviewer)")


class Origin(models.TextChoices):
    """Who produced a bundle's results (docs/portal.md, "The trust model")."""

    WITNESSED = "witnessed", "立会い実行（ポータルが実行） / witnessed (run by the portal)"
    SELF_DECLARED = "self_declared", "自己申告（ベンダー提出） / self-declared (uploaded)"


class Bundle(models.Model):
    """One verified evidence.zip, whole (its bytes) and what its manifest and results say."""

    sha256 = models.CharField(max_length=64)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="bundles")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="bundles")
    signer = models.CharField(max_length=64)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.SELF_DECLARED)
    product = models.CharField(max_length=200)
    version = models.CharField(max_length=100)
    profile_name = models.CharField(max_length=200)
    harness_version = models.CharField(max_length=50)
    harness_outdated = models.BooleanField(default=False)
    verdict = models.CharField(max_length=20)  # as the run said
    current_verdict = models.CharField(max_length=20, default="")  # with the portal's attestations
    verdict_valid_until = models.DateField(null=True)  # the first expiry of an attestation it rests on
    partial = models.BooleanField(default=False)
    problems = models.JSONField(default=list)
    gaps = models.JSONField(default=list)
    created = models.DateTimeField()  # the manifest's date
    uploaded = models.DateTimeField(auto_now_add=True)  # indexed with the municipality (Meta)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = verbose_name_plural = "証拠バンドル"
        constraints = (models.UniqueConstraint(fields=["municipality", "sha256"], name="bundle_once_per_municipality"),)
        indexes = (models.Index(fields=["municipality", "uploaded"]), models.Index(fields=["vendor", "product"]))

    def __str__(self) -> str:
        return f"{self.product} {self.version} @ {self.municipality.code} ({self.sha256[:12]})"


class BundleFile(models.Model):
    """A bundle's bytes as uploaded (the signed evidence.zip), kept apart from :class:`Bundle` so that
    no page that lists or joins bundles ever reads them (issue 51: a prefecture's page moved 345 MB of
    zips nobody read); only the download reads this table."""

    bundle = models.OneToOneField(Bundle, on_delete=models.CASCADE, primary_key=True, related_name="file")
    data = models.BinaryField()

    class Meta:
        verbose_name = verbose_name_plural = "バンドルのファイル"


class SystemResult(models.Model):
    """The part of a bundle about one system: its domain and catalog edition, and how many of its
    requirements the run judged in each state (counted once at indexing, so that the pages that list
    many systems never count states: :func:`conformance.portal.progress.system_counts`)."""

    bundle = models.ForeignKey(Bundle, on_delete=models.CASCADE, related_name="systems")
    # The index below starts with the municipality: a second one on it alone is never used.
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="systems", db_index=False)
    domain = models.CharField(max_length=64)
    edition = models.CharField(max_length=20)
    catalog_sha256 = models.CharField(max_length=64)
    catalog_outdated = models.BooleanField(default=False)
    judged = models.PositiveIntegerField(default=0)  # states of this system in the bundle
    counts = models.JSONField(default=dict)  # the run's state -> how many of this system's requirements

    class Meta:
        verbose_name = verbose_name_plural = "システム別の結果"
        indexes = (models.Index(fields=["municipality", "domain", "bundle"]),)


#: The states a run gives a requirement (:class:`conformance.results.Status`), by the small integer each
#: is stored as. Codes are kept forever: a new state is appended, never inserted.
STATUS_CODES = ("PASS", "FAIL", "ERROR", "NOT_APPLICABLE", "WAIVED", "MANUAL", "NOT_AUTOMATED")


class CodeField(models.SmallIntegerField):  # type: ignore[type-arg]
    """A word of a closed vocabulary stored as its index (2 bytes, not the word's 5-15), written, read
    and filtered as the word: ``filter(status="MANUAL")`` and ``values("status")`` see words only."""

    _pyi_private_set_type: str | int  # what django-stubs' plugin types a read and a filter with
    _pyi_private_get_type: str  # type: ignore[assignment]

    def __init__(self, *args: Any, words: tuple[str, ...] = (), **kwargs: Any) -> None:
        self.words = tuple(words)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "words": self.words}

    def from_db_value(self, value: int | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else self.words[value]

    def to_python(self, value: Any) -> Any:
        return self.words[value] if isinstance(value, int) else value

    def get_prep_value(self, value: Any) -> Any:
        if value is None or hasattr(value, "resolve_expression"):
            return value
        try:
            return self.words.index(str(value))
        except ValueError:
            raise ValueError(f"{self.name}: {value!r} is not one of {', '.join(self.words)}") from None


class BlankAsNullTextField(models.TextField):  # type: ignore[type-arg]
    """Text whose empty value is stored as NULL (no byte at all in the row) and read back as ``""``."""

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return None if value == "" else super().get_db_prep_save(value, connection)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str:
        return "" if value is None else value


class EmptyAsNullJSONField(models.JSONField):
    """A JSON list whose empty value is stored as NULL (``[]`` took 12 bytes of every passing
    requirement's row) and read back as ``[]``."""

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return None if value == [] else super().get_db_prep_save(value, connection)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return [] if value is None else super().from_db_value(value, expression, connection)


class CatalogRequirement(models.Model):
    """A requirement as bundles name it (its id, system, edition and level), stored once and referenced
    by each of its states: the id, system, edition and level took 52 bytes of every state's row,
    repeated in every bundle (issue 51)."""

    id = models.AutoField(primary_key=True)  # 4 bytes in each state's row (a catalog has thousands)
    requirement = models.CharField(max_length=80)
    domain = models.CharField(max_length=64)
    edition = models.CharField(max_length=20)
    level = models.CharField(max_length=20)

    class Meta:
        verbose_name = verbose_name_plural = "要件"
        constraints = (models.UniqueConstraint(fields=["domain", "edition", "requirement", "level"],
                                               name="one_catalog_requirement"),)

    def __str__(self) -> str:
        return self.requirement


class StateManager(models.Manager["RequirementState"]):
    """States with their requirement (one join with a table of a few thousand rows), so that reading a
    state's requirement, system, edition or level never costs a query of its own."""

    def get_queryset(self) -> models.QuerySet[RequirementState]:
        return super().get_queryset().select_related("item")


class RequirementState(models.Model):
    """A requirement's state in one bundle (``results.json``'s entry, findings kept).

    The most numerous row (1,993 a whole-catalog bundle, tens of millions for the country), so it is
    kept small (issue 51): the requirement by reference (:class:`CatalogRequirement`), the state as a
    small integer (:data:`STATUS_CODES`), an empty reason and empty findings as NULL; 48 bytes of row
    where the strings took 124. It carries one index, the bundle's (every query reads the states of
    given bundles; B-tree deduplication stores a bundle's id about once per leaf page). One state per
    requirement is checked before indexing (:mod:`conformance.portal.recompute`: a requirement
    listed twice is refused); a unique index on (bundle, requirement) repeating that cost 75 bytes a
    state, and the index on (requirement, bundle), never used by any query, 71.

    Filter and list by the requirement's fields through ``item`` (``item__requirement=...``,
    :data:`ITEM_VALUES` for ``values()``); on an instance they read as before (``state.requirement``)."""

    bundle = models.ForeignKey(Bundle, on_delete=models.CASCADE, related_name="states")
    item = models.ForeignKey(CatalogRequirement, on_delete=models.PROTECT, related_name="+", db_index=False)
    status = CodeField(words=STATUS_CODES)
    reason = BlankAsNullTextField(blank=True, null=True)
    findings = EmptyAsNullJSONField(default=list, null=True)
    attestation = models.JSONField(null=True)  # the run's own (from the profile)

    objects = StateManager()

    class Meta:
        verbose_name = verbose_name_plural = "要件の状態"

    @property
    def requirement(self) -> str:
        return self.item.requirement

    @property
    def domain(self) -> str:
        return self.item.domain

    @property
    def edition(self) -> str:
        return self.item.edition

    @property
    def level(self) -> str:
        return self.item.level


#: ``values()`` arguments giving a state's requirement fields under their old names:
#: ``RequirementState.objects.values("status", **ITEM_VALUES)``.
ITEM_VALUES = {name: models.F(f"item__{name}") for name in ("requirement", "domain", "edition", "level")}


class Attestation(models.Model):
    """A person's attestation of a MANUAL requirement for one municipality's release and edition.

    Accepted by a reviewer of the municipality, it verifies the requirement in every bundle of that
    release and edition until it expires."""

    class State(models.TextChoices):
        PENDING = "pending", "確認待ち / pending"
        ACCEPTED = "accepted", "承認 / accepted"
        REJECTED = "rejected", "差戻し / rejected"

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="attestations")
    # The release's vendor: an attestation verifies that vendor's bundles only, and only it (and the
    # municipality) sees it.
    vendor = models.ForeignKey(Vendor, null=True, on_delete=models.CASCADE, related_name="attestations")
    product = models.CharField(max_length=200)
    version = models.CharField(max_length=100)
    domain = models.CharField(max_length=64)
    edition = models.CharField(max_length=20)
    requirement = models.CharField(max_length=80)
    statement = models.TextField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided = models.DateTimeField(null=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    expires = models.DateField(null=True)

    class Meta:
        verbose_name = verbose_name_plural = "確認書"
        indexes = (models.Index(fields=["municipality", "vendor", "product", "version", "edition", "requirement"]),)

    def valid_on(self, day: dt.date) -> bool:
        """Accepted, and not expired on ``day``."""
        return self.state == self.State.ACCEPTED and (self.expires is None or day <= self.expires)


class Evidence(models.Model):
    """A file attached to an attestation (a screenshot, a PDF), stored with its SHA-256."""

    attestation = models.ForeignKey(Attestation, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = verbose_name_plural = "証跡ファイル"


class Comment(models.Model):
    """One message of a requirement's thread (an attestation's), with the decision it came with."""

    attestation = models.ForeignKey(Attestation, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField()
    decision = models.CharField(max_length=10, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "コメント"
        ordering = ("created", "id")


class Transition(models.Model):
    """A 経過措置: a requirement not yet implemented, filed (届出) with its reference and promised date."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="transitions",
                                     verbose_name="市区町村")
    domain = models.CharField("業務（カタログの領域）", max_length=64)
    requirement = models.CharField("要件ID", max_length=80)
    notification = models.CharField("届出", max_length=200)  # the 届出's reference
    promised = models.DateField("対応予定日")
    note = models.TextField("備考", blank=True)
    created = models.DateTimeField("登録日時", auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   verbose_name="登録者")
    closed = models.BooleanField("終了", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "経過措置"
        constraints = (models.UniqueConstraint(fields=["municipality", "requirement"], name="one_transition"),)

    def overdue_on(self, day: dt.date) -> bool:
        """Still open after its promised date."""
        return not self.closed and day > self.promised


class Environment(models.Model):
    """A vendor test environment registered by a municipality: a profile the portal can run against."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="environments",
                                     verbose_name="市区町村")
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, verbose_name="ベンダー")
    name = models.CharField("環境名", max_length=100)
    profile = models.TextField("プロファイル（YAML）", blank=True)  # YAML; empty: the bundled reference vendor
    selection = models.CharField("選択条件（pytest -k）", max_length=200, blank=True)  # a partial run
    # The variables a run of it gets (name -> value: the vendor's credentials), stored here: a run
    # never reads the portal's own environment (conformance/portal/sealing.py).
    secrets = models.JSONField("秘密（変数名と値）", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "テスト環境"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Refuse a profile that names anything outside the environment's own files and secrets,
        with the reasons (the one check, :func:`conformance.portal.sealing.profile_problems`)."""
        secrets = self.secrets if isinstance(self.secrets, dict) else {}
        names = set(self.files.values_list("name", flat=True)) if self.pk else set()
        if problems := secret_problems(self.secrets):
            raise ValidationError({"secrets": [f"{ja} / {en}" for ja, en in problems]})
        if problems := profile_problems(self.profile, names, set(secrets)):
            raise ValidationError({"profile": [f"{ja} / {en}" for ja, en in problems]})


class EnvironmentFile(models.Model):
    """A file of a test environment's own data (export files, an attestations file, evidence): the
    only files a run of it can read, written into the run's working directory under ``name``."""

    environment = models.ForeignKey(Environment, on_delete=models.CASCADE, related_name="files",
                                    verbose_name="テスト環境")
    name = models.CharField("ファイル名（相対パス）", max_length=500)
    data = models.BinaryField("内容")
    size = models.PositiveIntegerField("大きさ", default=0)
    uploaded = models.DateTimeField("登録日時", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "テスト環境のファイル"
        constraints = (models.UniqueConstraint(fields=["environment", "name"], name="one_environment_file_name"),)

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A name that stays inside the environment's data (no absolute path, ``..`` or hidden part)."""
        problem = path_problem(self.name)
        if problem is not None or not normalised(self.name):
            raise ValidationError({"name": f"ファイル名 {self.name[:200]!r} は使えません / {problem or 'no name'}"})
        self.name = normalised(self.name)
        self.size = len(self.data or b"")


class Run(models.Model):
    """A run asked for from the portal, done by a worker through the task queue."""

    environment = models.ForeignKey(Environment, on_delete=models.CASCADE, related_name="runs")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    requested = models.DateTimeField(auto_now_add=True)
    task_id = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=12, default="queued")
    message = models.TextField(blank=True)
    bundle = models.ForeignKey(Bundle, null=True, on_delete=models.SET_NULL)
    # While running: the worker holding it (host:pid), its child's pid and work directory, and the
    # lease the worker renews (heartbeat); a run whose lease lapsed is ended by tasks.recover_runs.
    worker = models.CharField(max_length=200, blank=True)
    pid = models.IntegerField(null=True)
    workdir = models.CharField(max_length=500, blank=True)
    heartbeat = models.DateTimeField(null=True)
    lease_until = models.DateTimeField(null=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "実行"


class ApiToken(models.Model):
    """A token the CLI presents (``Authorization: Bearer``) to act as an account; kept hashed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    sha256 = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = verbose_name_plural = "API トークン"


class PasswordChangeRequired(models.Model):
    """An account that must choose its own password before anything else (the first administrator,
    whose password the console printed: the terminal's scrollback and logs keep it)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "パスワード変更の要求"
