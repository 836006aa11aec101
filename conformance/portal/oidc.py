"""OIDC login for a municipality's own IdP (mozilla-django-oidc), on when ``OIDC_RP_CLIENT_ID`` is
set (settings.py). An account is found or made by its e-mail claim; its roles are given by an
administrator (memberships), never taken from the IdP's claims."""

from __future__ import annotations

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class PortalOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Accounts made on first OIDC login have no role until an administrator gives one."""

    def create_user(self, claims: dict[str, Any]) -> Any:
        """A new account named after the e-mail claim, with no membership."""
        user = super().create_user(claims)
        user.username = str(claims.get("email", user.username))[:150]
        user.save(update_fields=["username"])
        return user
