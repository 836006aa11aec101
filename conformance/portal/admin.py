"""The administrator's pages: parties, keys, memberships (Django's admin)."""

from __future__ import annotations

from django.contrib import admin

from conformance.portal import models

admin.site.site_header = "適合確認ポータル 管理 / Portal administration"
for model in (models.Municipality, models.Vendor, models.Product, models.Membership, models.Transition,
              models.Environment, models.Installation):
    admin.site.register(model)


@admin.register(models.VendorKey)
class VendorKeyAdmin(admin.ModelAdmin[models.VendorKey]):
    """A vendor's public key is pasted as PEM (`conformance report keygen`); its fingerprint is computed."""

    readonly_fields = ("fingerprint", "registered")
    list_display = ("vendor", "fingerprint", "registered", "revoked")
