"""The administrator's pages: parties, keys, memberships (Django's admin)."""

from __future__ import annotations

from django.contrib import admin

from conformance.portal import models

admin.site.site_header = "適合確認ポータル 管理 / Portal administration"
for model in (models.Municipality, models.Vendor, models.Product, models.Membership, models.Transition,
              models.Installation):
    admin.site.register(model)


@admin.register(models.Environment)
class EnvironmentAdmin(admin.ModelAdmin[models.Environment]):
    """A test environment without its secrets' values: they are set on the environment's portal page, which
    never shows a stored value back (issue 69); here only their names."""

    exclude = ("secrets",)
    readonly_fields = ("secret_names",)

    @admin.display(description="秘密の変数名 / Secret names")
    def secret_names(self, environment: models.Environment) -> str:
        return ", ".join(sorted(environment.secrets)) if isinstance(environment.secrets, dict) else ""


@admin.register(models.VendorKey)
class VendorKeyAdmin(admin.ModelAdmin[models.VendorKey]):
    """A vendor's public key is pasted as PEM (`conformance report keygen`); its fingerprint is computed."""

    readonly_fields = ("fingerprint", "registered")
    list_display = ("vendor", "fingerprint", "registered", "revoked")
