"""The registry of domains: every domain of the standardization as data (``data/domains.yaml``).

Each domain has its slug (DESIGN.md "Contracts"), name, 業務ID (the 3-digit 基幹業務コード of
``data/gyomu_ids.csv``, a copy of ``../shared/data/gyomu_ids.csv``) and the month of its first
edition. The official identifiers carry the 業務ID as their prefix, so their format is checked here:

- 機能ID and 帳票ID: 7 digits, 3-digit 業務ID + 4-digit serial (共通機能標準仕様書 第2.1版 本文:
  "0310001 住登外者宛名番号付番"; DOMAIN.md: 帳票ID 0010001 住民票の写し);
- データ項目ID: 8 digits, 3-digit 基幹業務コード + 5-digit item code (項目定義書, sheet
  凡例）列項目説明 row 1: "３桁の基幹業務コードと５桁の項目コードを合わせた、合計８桁のID").
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from conformance.catalog.models import DATA_ITEM_ID_PATTERN, FORM_ID_PATTERN, FUNCTION_ID_PATTERN
from conformance.errors import SpecError

DATA_DIR = Path(__file__).resolve().parent / "data"
REGISTRY_FILE = DATA_DIR / "domains.yaml"
GYOMU_IDS_FILE = DATA_DIR / "gyomu_ids.csv"

GYOMU_ID_PATTERN = r"^[0-9]{3}$"

OfficialIdKind = Literal["機能ID", "帳票ID", "データ項目ID"]
_ID_FORMATS: dict[str, tuple[str, str]] = {
    "機能ID": (FUNCTION_ID_PATTERN, "7 digits: the 3-digit 業務ID and a 4-digit serial, e.g. 0310001"),
    "帳票ID": (FORM_ID_PATTERN, "7 digits: the 3-digit 業務ID and a 4-digit serial, e.g. 0010001"),
    "データ項目ID": (DATA_ITEM_ID_PATTERN, "8 digits: the 3-digit 業務ID and a 5-digit item code, e.g. 03100001"),
}


class Domain(BaseModel):
    """One domain of the registry."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    slug: Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")]
    name: Annotated[str, Field(min_length=1)]
    gyomu_ids: Annotated[tuple[Annotated[str, Field(pattern=GYOMU_ID_PATTERN)], ...], Field(min_length=1, strict=False)]
    first_edition: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")] | None
    group: str | None
    note: str | None = None


class Registry(BaseModel):
    """``domains.yaml``."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    domains: Annotated[tuple[Domain, ...], Field(min_length=1, strict=False)]


@cache
def gyomu_names() -> dict[str, str]:
    """業務ID -> 業務名 of ``gyomu_ids.csv`` (001 住民基本台帳 ... 039 火葬等許可)."""
    with GYOMU_IDS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["gyomu_id"]: row["gyomu_name"] for row in csv.DictReader(handle)}


@cache
def domains() -> tuple[Domain, ...]:
    """Every domain of the registry, in its file order; ``SpecError`` if the file is broken."""
    data = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    try:
        registry = Registry.model_validate_json(_json(data))
    except ValidationError as exc:
        raise SpecError([f"{REGISTRY_FILE}:1: {error['loc']}: {error['msg']}" for error in exc.errors()]) from None
    names = gyomu_names()
    unknown = [f"{REGISTRY_FILE}:1: domain {d.slug}: 業務ID {g!r} is not in {GYOMU_IDS_FILE.name}"
               for d in registry.domains for g in d.gyomu_ids if g not in names]
    if unknown:
        raise SpecError(unknown)
    return registry.domains


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def domain(slug: str) -> Domain | None:
    """The registry entry of ``slug``, or None."""
    return next((d for d in domains() if d.slug == slug), None)


def domain_name(slug: str) -> str:
    """The 業務's name (住民基本台帳 for jumin); the slug itself for a domain the registry lacks."""
    entry = domain(slug)
    return entry.name if entry else slug


def domain_order(slug: str) -> tuple[str, str]:
    """Sort key of a domain: its first 業務ID, then the slug (a domain the registry lacks last)."""
    entry = domain(slug)
    return (min(entry.gyomu_ids) if entry else "999", slug)


def official_id_error(kind: OfficialIdKind, value: str, slug: str) -> str | None:
    """Why ``value`` is not a well-formed ``kind`` of domain ``slug`` (None when it is).

    The format is the official one (module docstring); the prefix must be one of the domain's 業務ID.
    """
    pattern, expected = _ID_FORMATS[kind]
    if not re.fullmatch(pattern, value):
        return f"{kind} {value!r} is not {expected}"
    entry = domain(slug)
    if entry is None:
        return None  # an unknown domain is reported where the domain is named
    prefix = value[:3]
    if prefix not in entry.gyomu_ids:
        owner = gyomu_names().get(prefix)
        owned = f" (業務ID {prefix} is {owner})" if owner else f" (業務ID {prefix} is no known 業務ID)"
        ids = ", ".join(f"{g} {gyomu_names()[g]}" for g in entry.gyomu_ids)
        return f"{kind} {value!r} has the prefix {prefix}{owned}; expected a 業務ID of {slug}: {ids}"
    return None
