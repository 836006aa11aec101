"""The rules each domain folder declares: ``conformance/domains/<slug>/texts.yaml``.

A domain's folder holds everything the judge knows of it (docs/architecture.md, "A domain is a folder"); its
``texts.yaml`` is the one list of its rules (and holds the texts of its other checks and findings). Each rule ``R`` is a
check ``scenario.R`` (registered by the folder's ``checks.py`` or ``forms.py``) with the finding code
``scenario.R.mismatch``, and carries its text in Japanese and English. The catalog reads it to know the domains' check
names (a binding to an unknown check is a located error when the catalog loads) and the report reads it for the texts,
so a rule is named once.

Which domains have a folder is derived from the registry of domains (``data/domains.yaml``): every slug
whose folder exists. Read as data, never imported: the catalog sits below the checks.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from conformance.catalog.yamlmarks import load_generated
from conformance.errors import SpecError

#: The registry of domains (read here as data: catalog/domains.py validates it, and imports the models that
#: import this module).
REGISTRY_FILE = Path(__file__).resolve().parent / "data" / "domains.yaml"
#: The folder of the domain packages (``conformance/domains``).
DOMAINS_DIR = Path(__file__).resolve().parents[1] / "domains"
TEXTS_FILE = "texts.yaml"
#: A rule name: the domain's dotted name, e.g. ``inkan.age`` or ``kaigo_form.issued`` (住民記録's first rules,
#: older than the folders, keep their bare names: ``removal_date``).
RULE_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"


#: A domain's slug, as the registry spells it.
SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"


class RuleText(BaseModel):
    """A rule's text in both languages; ``needs``: the other domains whose parts of the answer judging the rule reads
    beside its own folder's (the parts of one answer agreeing), each a registry slug."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    ja: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    needs: list[Annotated[str, Field(pattern=SLUG_PATTERN)]] = []


class DomainTexts(BaseModel):
    """A domain folder's ``texts.yaml``: its scenario rules, and the texts of its other checks (by registered
    name) and of their findings (by code)."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")

    rules: dict[Annotated[str, Field(pattern=RULE_PATTERN)], RuleText] = {}
    checks: dict[Annotated[str, Field(pattern=RULE_PATTERN)], RuleText] = {}
    findings: dict[Annotated[str, Field(pattern=RULE_PATTERN)], RuleText] = {}


@cache
def registry_slugs() -> tuple[str, ...]:
    """Every slug of the registry of domains, in its order."""
    registry = load_generated(REGISTRY_FILE.read_text(encoding="utf-8"))
    return tuple(str(entry["slug"]) for entry in registry["domains"])


@cache
def domain_folders() -> tuple[str, ...]:
    """The slugs of the registry that have a domain folder, in the registry's order."""
    return tuple(slug for slug in registry_slugs() if (DOMAINS_DIR / slug / TEXTS_FILE).is_file())


@cache
def domain_texts(slug: str) -> DomainTexts:
    """The texts of domain ``slug``; a ``SpecError`` names the file and what is wrong."""
    path = DOMAINS_DIR / slug / TEXTS_FILE
    try:
        document = load_generated(path.read_text(encoding="utf-8"))
        return DomainTexts.model_validate(document)
    except OSError as error:
        raise SpecError([f"{path}: cannot read the file: {error.strerror or error}"]) from None
    except yaml.YAMLError as error:
        raise SpecError([f"{path}: not valid YAML: {error}"]) from None
    except ValidationError as error:
        raise SpecError([f"{path}: {'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
                         for problem in error.errors()]) from None


@cache
def rule_texts() -> dict[str, tuple[str, str]]:
    """Every domain folder's rules -> ``(Japanese, English)``; a rule named by two folders is a ``SpecError``."""
    found: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for slug in domain_folders():
        for rule, text in domain_texts(slug).rules.items():
            if rule in owner:
                raise SpecError([f"{DOMAINS_DIR / slug / TEXTS_FILE}: rule {rule} is declared by {owner[rule]} too"])
            owner[rule] = slug
            found[rule] = (text.ja, text.en)
    return found


@cache
def check_domains() -> dict[str, frozenset[str]]:
    """``scenario.<rule>`` -> the domains judging it needs a product to claim: its folder's (the part it asks), and
    the rule's ``needs`` (another domain's part of the same answer it compares). The plan leaves a check out of a
    requirement's bindings for a profile that does not claim one of them (docs/profiles.md). A ``needs`` naming no
    registry domain, or the rule's own, is a ``SpecError``."""
    known = set(registry_slugs())
    found: dict[str, frozenset[str]] = {}
    for slug in domain_folders():
        for rule, text in domain_texts(slug).rules.items():
            wrong = [other for other in text.needs if other not in known or other == slug]
            if wrong:
                raise SpecError([f"{DOMAINS_DIR / slug / TEXTS_FILE}: rules.{rule}.needs: {', '.join(wrong)} is not "
                                 "another domain of the registry (data/domains.yaml)"])
            found[f"scenario.{rule}"] = frozenset({slug, *text.needs})
    return found


def domain_check_names() -> tuple[str, ...]:
    """The checks the domain folders register: ``scenario.<rule>`` for each rule."""
    return tuple(f"scenario.{rule}" for rule in rule_texts())


def _table(kind: Literal["checks", "findings"]) -> dict[str, tuple[str, str]]:
    """Every domain folder's table ``kind`` of its texts.yaml, ``(Japanese, English)`` by key."""
    found: dict[str, tuple[str, str]] = {}
    for slug in domain_folders():
        texts = domain_texts(slug)
        table = texts.checks if kind == "checks" else texts.findings
        found.update((key, (text.ja, text.en)) for key, text in table.items())
    return found


@cache
def check_texts() -> dict[str, tuple[str, str]]:
    """Every domain folder's texts of its checks other than its rules, by registered name."""
    return _table("checks")


@cache
def finding_texts() -> dict[str, tuple[str, str]]:
    """Every domain folder's texts of its findings other than its rules' mismatches, by code."""
    return _table("findings")
