"""Who sees and does what: the one access rule every view and API endpoint goes through
(docs/portal.md, "Accounts and roles" and "The trust model").

Each account holds memberships: a municipality's tester or reviewer sees that municipality's
objects; a vendor sees its own objects (bundles its keys signed, attestations and evidence of its
releases, its environments and their runs) and the municipalities it supplies, never another
vendor's objects, even at a customer they share; a prefecture viewer sees the objects of its
prefecture's municipalities, read-only; an administrator (or a superuser) sees everything.

:func:`visible` is the only place that says which rows of a kind an account sees, and
:func:`get_or_404` the only way views fetch one: what an account may not see is a 404 (it is not
told that the object exists), what it sees but may not do is a 403 (:func:`may`).
tests/portal/test_access_matrix.py checks every role against every kind and action.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from conformance.portal.models import (
    Attestation,
    Bundle,
    Environment,
    Evidence,
    Membership,
    Municipality,
    Role,
    Run,
    Vendor,
)

User = AbstractBaseUser | AnonymousUser

MUNICIPAL = (Role.TESTER, Role.REVIEWER)


class Kind(StrEnum):
    """The kinds of object the rule knows."""

    MUNICIPALITY = "municipality"
    BUNDLE = "bundle"
    ATTESTATION = "attestation"
    EVIDENCE = "evidence"
    ENVIRONMENT = "environment"
    RUN = "run"
    VENDOR = "vendor"


class Action(StrEnum):
    """What an account may do to an object it sees."""

    UPLOAD = "upload"  # a bundle for a municipality
    ATTEST = "attest"  # submit an attestation (and evidence) on a bundle's release
    REVIEW = "review"  # accept or reject an attestation
    RUN = "run"  # queue a run on an environment
    TRANSITION = "transition"  # record a municipality's 経過措置
    MANAGE = "manage"  # onboarding: municipalities, vendors, keys, products, accounts and roles
    INSTALL = "install"  # say which vendor's product the municipality installed for a system


def may_manage(user: User) -> bool:
    """Onboarding is the administrator's (or a superuser's), from the portal's own pages."""
    return is_admin(user)


def memberships(user: User) -> list[Membership]:
    """The account's memberships (cached on the user object for the request)."""
    if not user.is_authenticated:
        return []
    cache = vars(user)
    if "_portal_memberships" not in cache:
        cache["_portal_memberships"] = list(Membership.objects.filter(user_id=user.pk)
                                            .select_related("municipality", "vendor"))
    found: list[Membership] = cache["_portal_memberships"]
    return found


def is_admin(user: User) -> bool:
    """A superuser or an account with the administrator role."""
    return bool(getattr(user, "is_superuser", False)) or any(m.role == Role.ADMIN for m in memberships(user))


def _ids(user: User, roles: tuple[str, ...]) -> set[int]:
    return {m.municipality_id for m in memberships(user) if m.role in roles and m.municipality_id is not None}


def vendor_ids(user: User) -> set[int]:
    """The vendors the account acts for."""
    return {m.vendor_id for m in memberships(user) if m.role == Role.VENDOR and m.vendor_id is not None}


def _prefectures(user: User) -> set[str]:
    return {m.prefecture for m in memberships(user) if m.role == Role.PREFECTURE and m.prefecture}


def _party(user: User, municipality: str, vendor: str) -> Q:
    """Rows whose municipality (the path ``municipality``) the account serves or oversees, or whose
    vendor (the path ``vendor``) it acts for."""
    return (Q(**{f"{municipality}__in": _ids(user, MUNICIPAL)})
            | Q(**{f"{municipality}__prefecture__in": _prefectures(user)})
            | Q(**{f"{vendor}__in": vendor_ids(user)}))


#: Per kind: the model, and the paths from a row to its municipality and to its vendor.
_KINDS: dict[Kind, tuple[type[Model], str, str]] = {
    Kind.BUNDLE: (Bundle, "municipality", "vendor"),
    Kind.ATTESTATION: (Attestation, "municipality", "vendor"),
    Kind.EVIDENCE: (Evidence, "attestation__municipality", "attestation__vendor"),
    Kind.ENVIRONMENT: (Environment, "municipality", "vendor"),
    Kind.RUN: (Run, "environment__municipality", "environment__vendor"),
}


def visible(user: User, kind: Kind) -> QuerySet[Any]:
    """The rows of ``kind`` the account may see."""
    if kind is Kind.MUNICIPALITY:
        return municipalities(user)
    if kind is Kind.VENDOR:
        return vendors(user)
    model, municipality, vendor = _KINDS[kind]
    if is_admin(user):
        return model._default_manager.all()
    if not user.is_authenticated:
        return model._default_manager.none()
    return model._default_manager.filter(_party(user, municipality, vendor))


def get_or_404(user: User, kind: Kind, related: tuple[str, ...] = (), **lookup: Any) -> Any:
    """The one object of ``kind`` matching ``lookup`` that the account sees (its ``related`` rows
    joined), else 404."""
    found = visible(user, kind).select_related(*related).filter(**lookup).first()
    if found is None:
        raise Http404(f"no such {kind.value}")
    return found


def municipalities(user: User) -> QuerySet[Municipality]:
    """The municipalities the account may see: its own, its prefecture's, a vendor its customers."""
    if is_admin(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(
        Q(id__in=_ids(user, MUNICIPAL)) | Q(prefecture__in=_prefectures(user))
        | Q(vendors__id__in=vendor_ids(user))).distinct()


def bundles(user: User) -> QuerySet[Bundle]:
    """The bundles the account may see: a vendor only its own, even at a shared customer."""
    return visible(user, Kind.BUNDLE)


def vendors(user: User) -> QuerySet[Vendor]:
    """The vendors whose views the account may see (its own; all for an administrator)."""
    return Vendor.objects.all() if is_admin(user) else Vendor.objects.filter(id__in=vendor_ids(user))


def prefectures(user: User) -> set[str]:
    """The prefectures whose view the account may see."""
    if is_admin(user):
        return set(Municipality.objects.values_list("prefecture", flat=True))
    return _prefectures(user)


def may(user: User, action: Action, municipality: Municipality, vendor: Vendor | None = None) -> bool:
    """Whether the account may do ``action`` for ``municipality`` (on an object of ``vendor``).

    A municipality's tester or reviewer acts for it; a vendor only on its own objects at a customer;
    a prefecture viewer never acts. Reviewing is a reviewer's; recording 経過措置 and queueing runs the
    municipality's own (a run it asks for is what makes it witnessed), and so is saying which product it installed."""
    if is_admin(user):
        return True
    municipal = municipality.pk in _ids(user, MUNICIPAL)
    if action is Action.REVIEW:
        return municipality.pk in _ids(user, (Role.REVIEWER,))
    if action in (Action.RUN, Action.TRANSITION, Action.INSTALL):
        return municipal
    own = vendor_ids(user)
    supplies = bool(own) and municipality.vendors.filter(id__in=own).exists()
    if action is Action.UPLOAD:
        return municipal or supplies
    return municipal or (supplies and vendor is not None and vendor.pk in own)  # ATTEST


def can_upload(user: User, municipality: Municipality) -> bool:
    """A tester or reviewer of the municipality, a vendor it is a customer of, or an administrator."""
    return may(user, Action.UPLOAD, municipality)


def may_sign_for(user: User, vendor: Vendor) -> bool:
    """A vendor's account uploads only bundles its own keys signed."""
    own = vendor_ids(user)
    if is_admin(user) or _ids(user, MUNICIPAL) or not own:
        return True
    return vendor.pk in own


def can_review(user: User, municipality: Municipality) -> bool:
    """Only a reviewer of the municipality (or an administrator) accepts or rejects; never an account
    that also holds a vendor role (one made before roles were kept apart, issue 68: the second pair
    of eyes is the municipality's)."""
    return may(user, Action.REVIEW, municipality) and not any(m.role == Role.VENDOR for m in memberships(user))


def can_record_transition(user: User, municipality: Municipality) -> bool:
    """A 経過措置 is the municipality's own filing: its tester or reviewer, or an administrator."""
    return may(user, Action.TRANSITION, municipality)
