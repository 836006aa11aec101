"""The portal's Django application."""

from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Models, views and templates of ``conformance.portal``."""

    name = "conformance.portal"
    label = "portal"
    verbose_name = "適合確認 portal"
    default_auto_field = "django.db.models.BigAutoField"
