"""Vendor profiles: what a product claims, where its targets are, and its waivers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from conformance.errors import ProfileError
from conformance.spec.models import DOMAIN_SLUGS, EDITION_PATTERN, REQUIREMENT_ID_PATTERN, LaxSeq


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


class Capabilities(ProfileModel):
    """The capability statement: which optional requirements the product implements."""

    optional: Literal["all"] | Annotated[tuple[str, ...], LaxSeq] = ()


class Auth(ProfileModel):
    """How to authenticate: a header whose value comes from an environment variable (never the file)."""

    header: Annotated[str, Field(min_length=1)] = "Authorization"
    scheme: str | None = Field(default="Bearer", description="Prefix of the header value, e.g. Bearer.")
    env: Annotated[str, Field(pattern=r"^[A-Z_][A-Z0-9_]*$", description="Environment variable holding the secret.")]


class ApiTarget(ProfileModel):
    """The vendor's API."""

    base_url: Annotated[str, Field(pattern=r"^https?://", description="Base URL the catalog paths are relative to.")]
    auth: Auth | None = None
    paths: dict[str, str] = Field(
        default_factory=dict, strict=False,
        description="Catalog path -> the vendor's path, where they differ (same {parameters}).",
    )
    timeout_seconds: Annotated[float, Field(gt=0, le=600, strict=False)] = 30.0
    max_response_bytes: Annotated[int, Field(ge=1024)] = 64 * 1024 * 1024
    verify_tls: bool = True


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


class LoadTarget(ProfileModel):
    """How the harness loads its test data (a 基本データリスト migration file) into the vendor."""

    via: Literal["http", "command", "none"]
    path: str | None = Field(default=None, description="via http: the catalog-style path to POST the CSV to.")
    append_path: str | None = Field(
        default=None,
        description="The path to POST migration rows that are added to the loaded data (generated scenarios).",
    )
    command: Annotated[tuple[str, ...], LaxSeq] = Field(
        default=(), description="via command: argv; '{file}' is replaced by the migration file's path."
    )


class Targets(ProfileModel):
    """The parts of the vendor's system the suite reaches."""

    reference: bool = Field(
        default=False, description="Start the bundled reference vendor and point api.base_url at it."
    )
    api: ApiTarget | None = None
    exports: ExportTarget | None = None
    load: LoadTarget = LoadTarget(via="none")


class HypothesisSettings(ProfileModel):
    """Property-based test settings for this vendor."""

    max_examples: Annotated[int, Field(ge=1, le=100_000)] = 25
    seed: int | None = None


class Profile(ProfileModel):
    """A vendor profile (`vendor_profiles/*.yaml`)."""

    name: Annotated[str, Field(min_length=1)]
    product: Annotated[str, Field(min_length=1)]
    version: Annotated[str, Field(min_length=1)]
    claims: Annotated[tuple[Claim, ...], LaxSeq, Field(min_length=1)]
    capabilities: Capabilities = Capabilities()
    targets: Targets = Targets()
    hypothesis: HypothesisSettings = HypothesisSettings()
    waivers: Annotated[tuple[Waiver, ...], LaxSeq] = ()

    def declares(self, requirement_id: str) -> bool:
        """Whether the capability statement declares this optional requirement."""
        optional = self.capabilities.optional
        return optional == "all" or requirement_id in optional

    def claims_edition(self, domain: str, edition: str) -> bool:
        """Whether the product claims this domain and edition."""
        return any(c.domain == domain and c.edition == edition for c in self.claims)


def load_profile(path: Path) -> Profile:
    """Read and validate a profile; errors are ``file:line: message`` lines in a ProfileError."""
    from conformance.spec.loader import load_model

    if not path.is_file():
        raise ProfileError(f"{path}: no such vendor profile")
    profile, errors = load_model(path, Profile)
    if profile is None:
        raise ProfileError("\n".join(str(error) for error in errors))
    return profile
