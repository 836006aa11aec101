"""The portal's URLs."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from conformance.portal import api, environment_pages, settings_pages, views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("lang/", views.switch_language, name="language"),
    # Under /static/ (which an account that must change its password may still reach) but a view: the font is
    # made from the package's font file, not collected (conformance/fonts.py). IPAexGothic 004.01.
    path("static/portal/ipaexg-00401.woff", views.web_font, name="web_font"),
    path("upload/", views.upload, name="upload"),
    path("m/<str:code>/", views.municipality, name="municipality"),
    path("m/<str:code>/requirement/<str:requirement>/", views.requirement_history, name="history"),
    path("m/<str:code>/transitions/", views.add_transition, name="add_transition"),
    path("m/<str:code>/transitions/<int:pk>/close/", views.close_transition, name="close_transition"),
    path("m/<str:code>/runs/", views.request_run, name="request_run"),
    path("m/<str:code>/systems/", settings_pages.installations, name="installations"),
    path("bundle/<int:pk>/", views.bundle, name="bundle"),
    path("bundle/<int:pk>/diff/", views.bundle_diff, name="diff"),
    path("bundle/<int:pk>/xlsx/", views.bundle_xlsx, name="xlsx"),
    path("bundle/<int:pk>/zip/", views.bundle_download, name="download"),
    path("bundle/<int:pk>/worklist/", views.worklist, name="worklist"),
    path("bundle/<int:pk>/manual/<str:requirement>/", views.attestation, name="attestation"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence"),
    path("prefecture/<str:name>/", views.prefecture, name="prefecture"),
    path("vendor/<int:pk>/", views.vendor, name="vendor"),
    path("api/bundles/", api.upload_bundle, name="api_upload"),
    path("api/attestations/", api.attestations, name="api_attestations"),
    path("api/evidence/<int:pk>/", api.evidence, name="api_evidence"),
    path("manage/", views.manage, name="manage"),
    path("manage/vendor/<int:pk>/", views.manage_vendor, name="manage_vendor"),
    path("manage/m/<str:code>/", settings_pages.municipality_settings, name="municipality_settings"),
    path("manage/m/<str:code>/environment/<int:pk>/", environment_pages.environment_settings,
         name="environment_settings"),
    path("tokens/", settings_pages.tokens, name="tokens"),
    path("admin/", admin.site.urls),
]
