"""A test environment's own page (issue 69 item 2: before, the Django admin only): its profile and selection
edited, its secrets set and removed (write-only: a stored value is never shown again, not even to the
administrator), and its uploaded files (issue 68's EnvironmentFile: the only files a run of it reads) uploaded,
listed and removed. Every change is held to the sealing rules (:mod:`conformance.portal.sealing`): a file's
name stays inside the environment's data, a profile names only the environment's files and secrets, and a
file or secret the profile still names is not removed."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from conformance.portal.forms import labelled_errors
from conformance.portal.i18n import label, mib, pick, too_large
from conformance.portal.models import Environment, EnvironmentFile
from conformance.portal.sealing import named_files, normalised, path_problem, profile_problems, secret_problems
from conformance.portal.settings_pages import EnvironmentForm, managed


class SecretForm(forms.Form):
    """One secret: the variable's name and its value (never shown back: a password input, not kept on refusal)."""

    variable = forms.CharField(max_length=100)
    value = forms.CharField(max_length=10_000, strip=False, widget=forms.PasswordInput(render_value=False))


class FileForm(forms.Form):
    """An uploaded file of the environment, under a relative name (the upload's own name when none is given)."""

    path = forms.CharField(max_length=500, required=False)
    upload = forms.FileField()


@login_required
def environment_settings(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The environment's profile, secrets (names only) and files; each change posted by its own form."""
    municipality = managed(request, code)
    environment = municipality.environments.select_related("vendor").filter(pk=pk).first()
    if environment is None:
        raise Http404("no such environment")
    lang = str(request.lang)  # type: ignore[attr-defined]
    form = EnvironmentForm(instance=environment, municipality=municipality)
    if request.method == "POST":
        posted = request.POST.get("form", "")
        if posted == "edit":
            form = EnvironmentForm(request.POST, instance=environment, municipality=municipality)
            if form.is_valid():
                form.save()
                return _done(request, environment, "saved", lang)
            messages.error(request, labelled_errors(form, lang))
            environment.refresh_from_db()  # the page shows what is stored, the form what was posted
        elif posted in _CHANGES:
            problems = _CHANGES[posted](request, environment)
            if not problems:
                return _done(request, environment, "removed" if posted.endswith("remove") else "saved", lang)
            messages.error(request, "\n".join(pick(problem, lang) for problem in problems))
    return render(request, "portal/environment.html", {
        "municipality": municipality, "environment": environment, "form": form,
        "vendors": form.fields["vendor"].queryset,  # type: ignore[attr-defined]
        "secrets": sorted(environment.secrets) if isinstance(environment.secrets, dict) else [],
        "files": environment.files.defer("data").order_by("name"),
        "used": dict((path, field) for field, path in named_files(environment.profile)),
        "max_upload": mib(settings.MAX_UPLOAD_BYTES)})


def _done(request: HttpRequest, environment: Environment, text: str, lang: str) -> HttpResponse:
    messages.success(request, label("text", text, lang))
    return redirect("environment_settings", code=environment.municipality.code, pk=environment.pk)


Problems = list[tuple[str, str]]


def _set_secret(request: HttpRequest, environment: Environment) -> Problems:
    """Store (or replace) one secret, when its name is a variable name the portal lets a run have."""
    form = SecretForm(request.POST)
    if not form.is_valid():
        return [(labelled_errors(form, "ja"), labelled_errors(form, "en"))]
    secrets = dict(environment.secrets) if isinstance(environment.secrets, dict) else {}
    secrets[form.cleaned_data["variable"].strip()] = form.cleaned_data["value"]
    if problems := secret_problems(secrets):
        return problems
    environment.secrets = secrets
    environment.save(update_fields=["secrets"])
    return []


def _remove_secret(request: HttpRequest, environment: Environment) -> Problems:
    """Remove one secret, unless the profile still reads it."""
    secrets = dict(environment.secrets) if isinstance(environment.secrets, dict) else {}
    secrets.pop(request.POST.get("variable", ""), None)
    names = set(environment.files.values_list("name", flat=True))
    if problems := profile_problems(environment.profile, names, set(secrets)):
        return problems
    environment.secrets = secrets
    environment.save(update_fields=["secrets"])
    return []


def _upload(request: HttpRequest, environment: Environment) -> Problems:
    """Store one file under a name inside the environment's data (replacing the file of that name); with the
    profile's reach checked on the stored files' contents, as the worker checks it before a run (an uploaded
    attestations file's evidence stays inside too)."""
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        return [(labelled_errors(form, "ja"), labelled_errors(form, "en"))]
    upload = form.cleaned_data["upload"]
    if upload.size > settings.MAX_UPLOAD_BYTES:
        return [(too_large(upload.size, settings.MAX_UPLOAD_BYTES, "ja", upload.name),
                 too_large(upload.size, settings.MAX_UPLOAD_BYTES, "en", upload.name))]
    name = str(form.cleaned_data["path"] or upload.name).strip()
    if problem := path_problem(name):
        return [(f"ファイル名 {name[:200]!r} は使えません（テスト環境のデータ内の相対パスのみ）。",
                 f"file name {name[:200]!r} {problem}")]
    name = normalised(name)
    stored = EnvironmentFile.objects.filter(environment=environment, name=name).first()
    file = stored or EnvironmentFile(environment=environment, name=name)
    file.data = upload.read()
    if problems := profile_problems(environment.profile, _contents(environment, name, file.data),
                                    set(environment.secrets or {})):
        return problems
    try:
        file.full_clean(validate_unique=False)
        with transaction.atomic():
            file.save()
    except (ValidationError, IntegrityError) as error:
        text = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        return [(text, text)]
    return []


def _contents(environment: Environment, name: str, data: bytes) -> dict[str, bytes | None]:
    """The environment's file names with ``name`` holding ``data``, as the sealing check reads them: the content
    of the attestations file the profile names (whose evidence must stay inside), no other file's (an
    environment's exports may be large: they are not read back for this)."""
    contents: dict[str, bytes | None] = dict.fromkeys(environment.files.values_list("name", flat=True))
    attestations = next((path for field, path in named_files(environment.profile) if field == "attestations_file"),
                        None)
    if attestations is not None and attestations != name:
        stored = environment.files.filter(name=attestations).values_list("data", flat=True).first()
        contents[attestations] = bytes(stored) if stored is not None else None
    contents[name] = data
    return contents


def _remove_file(request: HttpRequest, environment: Environment) -> Problems:
    """Remove one file, unless the profile names it (the run would then miss it)."""
    name = request.POST.get("path", "")
    uses = [field for field, path in named_files(environment.profile) if path == name]
    if uses:
        return [(f"{name[:200]!r} はプロファイルの {', '.join(uses)} が参照しているため削除できません"
                 "（先にプロファイルを変更）。",
                 f"{name[:200]!r} is named by the profile's {', '.join(uses)}: change the profile first")]
    environment.files.filter(name=name).delete()
    return []


#: The changes posted by the page's forms (``form``), each returning its refusals (none: done).
_CHANGES: dict[str, Callable[[HttpRequest, Environment], Problems]] = {
    "secret": _set_secret, "secret_remove": _remove_secret, "file": _upload, "file_remove": _remove_file,
}

__all__ = ["environment_settings"]
