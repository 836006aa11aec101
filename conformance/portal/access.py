"""Who sees and does what (docs/portal.md, "Accounts and roles").

Each account holds memberships: a municipality's tester or reviewer sees that municipality; a
vendor sees the bundles its keys signed (its package across customers) and may upload and attest
for its customers; a prefecture viewer sees the municipalities of its prefecture, read-only; an
administrator (or a superuser) sees everything. Every query of a view goes through these
functions: a page of another municipality is a 404, not an empty page.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from conformance.portal.models import Bundle, Membership, Municipality, Role, Vendor

User = AbstractBaseUser | AnonymousUser

MUNICIPAL = (Role.TESTER, Role.REVIEWER)


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


def _vendor_ids(user: User) -> set[int]:
    return {m.vendor_id for m in memberships(user) if m.role == Role.VENDOR and m.vendor_id is not None}


def _prefectures(user: User) -> set[str]:
    return {m.prefecture for m in memberships(user) if m.role == Role.PREFECTURE and m.prefecture}


def municipalities(user: User) -> QuerySet[Municipality]:
    """The municipalities the account may see."""
    if is_admin(user):
        return Municipality.objects.all()
    return Municipality.objects.filter(
        Q(id__in=_ids(user, MUNICIPAL)) | Q(prefecture__in=_prefectures(user))
        | Q(vendors__id__in=_vendor_ids(user))).distinct()


def bundles(user: User) -> QuerySet[Bundle]:
    """The bundles the account may see: a vendor only its own, even at a shared customer."""
    if is_admin(user):
        return Bundle.objects.all()
    return Bundle.objects.filter(
        Q(municipality_id__in=_ids(user, MUNICIPAL)) | Q(municipality__prefecture__in=_prefectures(user))
        | Q(vendor_id__in=_vendor_ids(user)))


def vendors(user: User) -> QuerySet[Vendor]:
    """The vendors whose views the account may see (its own; all for an administrator)."""
    return Vendor.objects.all() if is_admin(user) else Vendor.objects.filter(id__in=_vendor_ids(user))


def prefectures(user: User) -> set[str]:
    """The prefectures whose view the account may see."""
    if is_admin(user):
        return set(Municipality.objects.values_list("prefecture", flat=True))
    return _prefectures(user)


def can_upload(user: User, municipality: Municipality) -> bool:
    """A tester or reviewer of the municipality, a vendor it is a customer of, or an administrator."""
    return (is_admin(user) or municipality.pk in _ids(user, MUNICIPAL)
            or municipality.vendors.filter(id__in=_vendor_ids(user)).exists())


def may_sign_for(user: User, vendor: Vendor) -> bool:
    """A vendor's account uploads only bundles its own keys signed."""
    vendor_ids = _vendor_ids(user)
    if is_admin(user) or _ids(user, MUNICIPAL) or not vendor_ids:
        return True
    return vendor.pk in vendor_ids


def can_attest(user: User, municipality: Municipality) -> bool:
    """Who may attest (and attach evidence): the municipality's tester, its vendors, an administrator."""
    return can_upload(user, municipality)


def can_review(user: User, municipality: Municipality) -> bool:
    """Only a reviewer of the municipality (or an administrator) accepts or rejects."""
    return is_admin(user) or municipality.pk in _ids(user, (Role.REVIEWER,))


def can_record_transition(user: User, municipality: Municipality) -> bool:
    """A 経過措置 is the municipality's own filing: its tester or reviewer, or an administrator."""
    return is_admin(user) or municipality.pk in _ids(user, MUNICIPAL)
