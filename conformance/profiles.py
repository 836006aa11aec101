"""Vendor profiles: what a product claims, where its targets are, and its waivers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from conformance.errors import ProfileError
from conformance.spec.models import DOMAIN_SLUGS, EDITION_PATTERN, REQUIREMENT_ID_PATTERN

LaxSeq = Field(strict=False)


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


class Profile(ProfileModel):
    """A vendor profile (`vendor_profiles/*.yaml`)."""

    name: Annotated[str, Field(min_length=1)]
    product: Annotated[str, Field(min_length=1)]
    version: Annotated[str, Field(min_length=1)]
    claims: Annotated[tuple[Claim, ...], LaxSeq, Field(min_length=1)]
    capabilities: Capabilities = Capabilities()
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
