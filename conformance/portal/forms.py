"""The portal's forms (Django's: CSRF-protected, validated on the server)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

from conformance.catalog.models import REQUIREMENT_ID_PATTERN
from conformance.portal.i18n import label, too_large
from conformance.portal.models import Municipality

#: The portal text that names each form field on its page (issue 69 item 4: a refusal named ``new_password2``,
#: ``requirement``, ``bundle``): a refusal says the label the person saw, never the field's name.
FIELD_TEXTS = {
    "municipality": "municipality", "bundle": "bundle_file", "statement": "statement", "evidence": "evidence",
    "decision": "decision", "comment": "comment", "expires": "expires", "requirement": "requirement",
    "notification": "notification", "promised": "promised", "note": "note", "old_password": "password_old",
    "new_password1": "password_new", "new_password2": "password_again", "username": "username",
    "password": "password", "vendor": "vendor", "name": "environment_name", "profile": "environment_profile",
    "selection": "environment_selection", "require_witnessed": "require_witnessed",
    "variable": "secret_name", "value": "secret_value", "path": "file_path", "upload": "file_data",
}


def labelled_errors(form: forms.BaseForm, lang: str) -> str:
    """``form``'s refusals, one a line, each after the label of its field in ``lang`` (a refusal of the whole form
    alone). Django's own messages are in ``lang`` already (the request's language: i18n.LanguageMiddleware)."""
    lines: list[str] = []
    for field, errors in form.errors.items():
        named = "" if field == NON_FIELD_ERRORS else f"{label('text', FIELD_TEXTS.get(field, field), lang)}: "
        lines.extend(f"{named}{error}" for error in errors)
    return "\n".join(lines)


class LanguageForm(forms.Form):
    """A form whose refusals are in the page's language (``lang``, Japanese unless given)."""

    def __init__(self, *args: Any, lang: str = "ja", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang


class UploadForm(LanguageForm):
    """A signed evidence.zip for one of the account's municipalities."""

    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), label="市区町村 / Municipality")
    bundle = forms.FileField(label="evidence.zip")

    def __init__(self, *args: Any, municipalities: object = None, fixed: Municipality | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        if fixed is not None:
            # On a municipality's page the form is for it: no list of every municipality the account
            # sees (1,741 options for an administrator), still checked against them when posted.
            self.fields["municipality"].widget = forms.HiddenInput()
            self.initial["municipality"] = fixed.pk
            self.fixed = fixed

    def clean_bundle(self) -> object:
        upload = self.cleaned_data["bundle"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large(upload.size, settings.MAX_UPLOAD_BYTES, self.lang))
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that takes several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class AttestForm(LanguageForm):
    """An attestation of a MANUAL requirement: what was checked, with evidence files."""

    statement = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    evidence = MultipleFileField(required=False)

    def clean_evidence(self) -> list[Any]:
        files: list[Any] = self.cleaned_data["evidence"]
        for upload in files:
            if upload.size > settings.MAX_UPLOAD_BYTES:
                raise forms.ValidationError(too_large(upload.size, settings.MAX_UPLOAD_BYTES, self.lang,
                                                      upload.name))
        return files


class ReviewForm(LanguageForm):
    """A reviewer's decision with its comment. An accepted attestation always expires, at most
    ``ATTESTATION_MAX_DAYS`` after today (that many days when no date is given): a person's word
    about a screen is checked again, not kept for ever."""

    decision = forms.ChoiceField(choices=[("accepted", "accept"), ("rejected", "reject"), ("comment", "comment")])
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)
    expires = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_expires(self) -> dt.date:
        today = timezone.localdate()
        latest = today + dt.timedelta(days=settings.ATTESTATION_MAX_DAYS)
        chosen: dt.date | None = self.cleaned_data.get("expires")
        if chosen is None:
            return latest
        if not today <= chosen <= latest:
            raise forms.ValidationError(
                f"the expiry must be between {today} and {latest} (at most {settings.ATTESTATION_MAX_DAYS} days)"
                if self.lang == "en" else
                f"{today} から {latest} までの日付にしてください（最長 {settings.ATTESTATION_MAX_DAYS} 日）")
        return chosen


class TransitionForm(LanguageForm):
    """A 経過措置: the requirement (of a catalog edition this portal holds), its 届出 reference and
    the promised date."""

    requirement = forms.RegexField(regex=REQUIREMENT_ID_PATTERN, max_length=80)
    notification = forms.CharField(max_length=200)
    promised = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(required=False, max_length=2000)

    def clean_requirement(self) -> str:
        from conformance.portal import catalog as shipped
        from conformance.portal.i18n import label

        value = str(self.cleaned_data["requirement"])
        domain, edition = value.split("-")[:2]
        if shipped.requirement(domain, edition, value) is None:
            raise forms.ValidationError(f"{value}: {label('text', 'unknown_requirement', self.lang)}")
        return value
