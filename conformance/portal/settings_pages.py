"""The pages that replace the administration site for what an administrator and an account do every day (issue
69 item 2): a municipality's test environments and whether it accepts only witnessed runs, and an account's own API
tokens (before: the Django admin and `conformance portal token` only).

The forms are ModelForms that validate the whole instance (``full_clean``: every field and the model's own
``clean``), so a rule the model gains applies here without a change to these pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from conformance.portal import access
from conformance.portal import catalog as shipped
from conformance.portal.access import Action, Kind
from conformance.portal.forms import labelled_errors
from conformance.portal.i18n import label, one_language
from conformance.portal.models import ApiToken, Environment, Installation, Municipality, Product, Vendor


class WholeModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """A ModelForm whose instance is validated whole: Django's ModelForm leaves out the validation of the fields
    the form does not show (the municipality an environment belongs to); an error on such a field is the form's."""

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # (private in django-stubs) the form's fields and clean()
        if self.errors:
            return
        try:
            self.instance.full_clean()  # and the fields the form does not show
        except ValidationError as error:
            self._update_errors(error)

    def _update_errors(self, errors: ValidationError) -> None:
        """Django's, but an error on a field the form does not show is the form's own (Django raises instead)."""
        if hasattr(errors, "error_dict"):
            shown: dict[str, list[Any]] = {}
            for field, problems in errors.error_dict.items():
                shown.setdefault(field if field in self.fields else NON_FIELD_ERRORS, []).extend(problems)
            errors = ValidationError(shown)
        super()._update_errors(errors)  # type: ignore[misc]  # private in django-stubs


class EnvironmentForm(WholeModelForm):
    """A test environment of one municipality: the vendor (one that supplies it), a name, the profile (YAML;
    empty: the bundled reference vendor) and a selection (a partial run)."""

    class Meta:
        model = Environment
        fields = ("vendor", "name", "profile", "selection")  # drawn by the page's template

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        kwargs.setdefault("instance", Environment(municipality=municipality))
        super().__init__(*args, **kwargs)
        self.fields["vendor"].queryset = Vendor.objects.filter(customers=municipality)  # type: ignore[attr-defined]


class WitnessForm(WholeModelForm):
    """Whether only a run the portal witnessed can be conformant in this municipality."""

    class Meta:
        model = Municipality
        fields = ("require_witnessed",)


def managed(request: HttpRequest, code: str) -> Municipality:
    """The municipality, for an administrator (onboarding and its settings are the administrator's)."""
    found: Municipality = access.get_or_404(request.user, Kind.MUNICIPALITY, code=code)
    if not access.may_manage(request.user):
        raise PermissionDenied("a municipality's settings are the administrator's")
    return found


@login_required
def municipality_settings(request: HttpRequest, code: str) -> HttpResponse:
    """A municipality's test environments (list, add, remove) and its witnessing rule."""
    found = managed(request, code)
    lang = str(request.lang)  # type: ignore[attr-defined]
    environment_form = EnvironmentForm(municipality=found)
    witness_form = WitnessForm(instance=found)
    if request.method == "POST":
        posted = request.POST.get("form", "")
        if posted == "environment":
            environment_form = EnvironmentForm(request.POST, municipality=found)
            if _saved(request, environment_form, lang):
                return redirect("municipality_settings", code=found.code)
        elif posted == "witness":
            witness_form = WitnessForm(request.POST, instance=found)
            if _saved(request, witness_form, lang):
                return redirect("municipality_settings", code=found.code)
        elif posted == "remove":
            found.environments.filter(pk=_number(request.POST.get("environment"))).delete()
            messages.success(request, label("text", "removed", lang))
            return redirect("municipality_settings", code=found.code)
    return render(request, "portal/municipality_settings.html", {
        "municipality": found, "environments": found.environments.select_related("vendor").order_by("name"),
        "environment_form": environment_form, "witness_form": witness_form,
        "vendors": environment_form.fields["vendor"].queryset})  # type: ignore[attr-defined]


def _saved(request: HttpRequest, form: WholeModelForm, lang: str) -> bool:
    """Save ``form`` when valid, saying so; else say why, by its fields' labels."""
    if form.is_valid():
        form.save()
        messages.success(request, label("text", "saved", lang))
        return True
    messages.error(request, labelled_errors(form, lang))
    return False


def _number(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The account's own API tokens: when each was made, whether revoked; a new one (shown once), a revocation."""
    from conformance.portal.api import new_token

    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("log in first")
    made = ""
    if request.method == "POST":
        if request.POST.get("form") == "new":
            made = new_token(user)  # shown on this answer only: the portal keeps its hash
        elif request.POST.get("form") == "revoke":
            user.api_tokens.filter(pk=_number(request.POST.get("token"))).update(revoked=True)
            messages.success(request, label("text", "revoked", str(request.lang)))  # type: ignore[attr-defined]
            return redirect("tokens")
    response = render(request, "portal/tokens.html", {
        "tokens": ApiToken.objects.filter(user=user).order_by("-created"), "made": made})
    if made:
        response["Cache-Control"] = "no-store"  # the token is in this page: no cache keeps it
    return response


@login_required
def installations(request: HttpRequest, code: str) -> HttpResponse:
    """The product the municipality installed for each 業務 (issue 68's Installation: a bundle of the system is
    taken only from that vendor, and the system's headline is that product's), every 業務 of the catalog in 業務ID
    order. Whoever sees the municipality sees the list; its testers and reviewers (and an administrator) set it:
    which package it runs is the municipality's word, never a vendor's."""
    found: Municipality = access.get_or_404(request.user, Kind.MUNICIPALITY, code=code)
    lang = str(request.lang)  # type: ignore[attr-defined]
    may_set = access.may(request.user, Action.INSTALL, found)
    if request.method == "POST":
        if not may_set:
            raise PermissionDenied("which product a municipality installed is the municipality's to say")
        problem = _install(found, request.POST.get("domain", ""), request.POST.get("product", ""), lang)
        if problem:
            messages.error(request, problem)
        else:
            messages.success(request, label("text", "saved", lang))
            return redirect("installations", code=found.code)
    installed = {i.domain: i for i in found.installations.select_related("product__vendor")}
    return render(request, "portal/installations.html", {
        "municipality": found, "may_set": may_set,
        "systems": [(slug, name, installed.get(slug)) for slug, name in shipped.systems()],
        "products": Product.objects.filter(vendor__customers=found).select_related("vendor").order_by(
            "vendor__name", "name")})


def _install(municipality: Municipality, system: str, product: str, lang: str) -> str:
    """Set (or, with no product, clear) the product installed for ``system``; the refusal in ``lang``, else ''."""
    current = municipality.installations.filter(domain=system).first()
    if not product:
        if current is not None:
            current.delete()
        return ""
    chosen = Product.objects.filter(pk=_number(product)).select_related("vendor").first()
    if chosen is None:
        return label("text", "installation_no_product", lang)
    installation = current or Installation(municipality=municipality, domain=system)
    installation.product = chosen
    try:
        installation.full_clean()
    except ValidationError as error:
        return "\n".join(one_language(message, lang) for message in error.messages)
    installation.save()
    return ""


__all__ = ["EnvironmentForm", "WitnessForm", "installations", "managed", "municipality_settings", "tokens"]
