"""The portal's Django application."""

from __future__ import annotations

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Models, views and templates of ``conformance.portal``."""

    name = "conformance.portal"
    label = "portal"
    verbose_name = "適合確認 portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Failed logins from trusted browsers are counted (conformance/portal/hardening.py)."""
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from conformance.portal.hardening import count_device_failure, forget_device_failures

        user_login_failed.connect(count_device_failure, dispatch_uid="portal-device-failures")
        user_logged_in.connect(forget_device_failures, dispatch_uid="portal-device-failures-reset")
