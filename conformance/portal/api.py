"""The portal's API for the CLI, authenticated by an API token (``Authorization: Bearer``):
upload a bundle, fetch a release's accepted attestations (in the attestations file format of a
profile, docs/results.md) and their evidence files. Tokens are made with ``conformance portal
token USER`` and kept hashed; a token acts with its account's roles, no more."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from conformance.portal import access
from conformance.portal.access import Kind
from conformance.portal.i18n import language_of, too_large
from conformance.portal.ingest import BundleRefused, index
from conformance.portal.models import ApiToken, Attestation, Bundle, Evidence, PasswordChangeRequired
from conformance.portal.verdicts import today

View = Callable[..., HttpResponse]


def new_token(user: User) -> str:
    """A new token for ``user``; only its hash is kept, the token is shown once."""
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, sha256=hashlib.sha256(token.encode("ascii")).hexdigest())
    return token


def token_user(request: HttpRequest) -> User | None:
    """The account of the request's bearer token, None without a valid one."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    digest = hashlib.sha256(header.removeprefix("Bearer ").strip().encode("utf-8", "replace")).hexdigest()
    found = ApiToken.objects.select_related("user").filter(sha256=digest, revoked=False).first()
    return found.user if found is not None and found.user.is_active else None


def with_token(view: View) -> View:
    """The view runs as the token's account; 401 without a valid token (no session, no CSRF)."""
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = token_user(request)
        if user is None:
            return JsonResponse({"error": "a valid API token is needed (Authorization: Bearer ...)"}, status=401)
        if PasswordChangeRequired.objects.filter(user=user).exists():
            # The account's password is still the one its creator chose: nobody acts through it yet.
            return JsonResponse({"error": "the account must set its own password (log in to the portal) before "
                                          "its token is accepted"}, status=403)
        request.user = user
        return view(request, *args, **kwargs)
    return csrf_exempt(wrapped)


@with_token
@require_POST
def upload_bundle(request: HttpRequest) -> HttpResponse:
    """POST municipality (its code) and bundle (the signed evidence.zip): 201 with the bundle's
    verdict, or 400 with every reason it was refused."""
    municipality = access.get_or_404(request.user, Kind.MUNICIPALITY, code=request.POST.get("municipality", ""))
    upload = request.FILES.get("bundle")
    if upload is None:
        return JsonResponse({"error": "no file in the field `bundle`"}, status=400)
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        return JsonResponse({"error": too_large(upload.size, settings.MAX_UPLOAD_BYTES, language_of(request))},
                            status=413)
    try:
        bundle = index(upload.read(), municipality, request.user)
    except BundleRefused as error:
        return JsonResponse({"error": error.text(language_of(request))}, status=400)
    return JsonResponse(_bundle_json(bundle), status=201)


def _bundle_json(bundle: Bundle) -> dict[str, Any]:
    return {"id": bundle.pk, "municipality": bundle.municipality.code, "product": bundle.product,
            "version": bundle.version, "verdict": bundle.current_verdict, "run_verdict": bundle.verdict}


@with_token
@require_GET
def attestations(request: HttpRequest) -> HttpResponse:
    """The accepted, unexpired attestations of a municipality's release (query: municipality,
    product, version), each with its evidence files' names, hashes and download paths."""
    municipality = access.get_or_404(request.user, Kind.MUNICIPALITY, code=request.GET.get("municipality", ""))
    found = (access.visible(request.user, Kind.ATTESTATION).filter(
        municipality=municipality, product=request.GET.get("product", ""),
                                        version=request.GET.get("version", ""), state=Attestation.State.ACCEPTED)
             .select_related("created_by", "decided_by").prefetch_related("evidence").order_by("decided"))
    day = today()
    return JsonResponse({"attestations": [_attestation_json(a) for a in found if a.valid_on(day)]})


def _attestation_json(attestation: Attestation) -> dict[str, Any]:
    return {"requirement": attestation.requirement, "by": str(attestation.created_by or ""),
            "role": f"accepted by {attestation.decided_by} ({attestation.municipality.name})",
            "date": timezone.localdate(attestation.decided).isoformat() if attestation.decided else "",
            "expires": attestation.expires.isoformat() if attestation.expires else None,
            "statement": attestation.statement,
            "evidence": [{"id": e.pk, "name": e.name, "sha256": e.sha256, "path": f"/api/evidence/{e.pk}/"}
                         for e in attestation.evidence.all()]}


@with_token
@require_GET
def evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """An evidence file's bytes, to an account that sees its municipality."""
    found: Evidence = access.get_or_404(request.user, Kind.EVIDENCE, pk=pk)
    return HttpResponse(bytes(found.data), content_type="application/octet-stream")
