"""The portal's pages. Every object is looked up through :mod:`conformance.portal.access`: what an
account may not see is a 404, what it may not do a 403."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from conformance.catalog.domains import domain_name, domain_order
from conformance.errors import ConformanceError
from conformance.portal import access, progress, queries
from conformance.portal import catalog as shipped
from conformance.portal.access import Action, Kind
from conformance.portal.forms import AttestForm, ReviewForm, TransitionForm, UploadForm, labelled_errors
from conformance.portal.hardening import remember_device
from conformance.portal.i18n import LANGUAGES, label
from conformance.portal.ingest import BundleRefused, index
from conformance.portal.models import (
    Attestation,
    Bundle,
    BundleFile,
    Comment,
    Evidence,
    Installation,
    Municipality,
    PasswordChangeRequired,
    Run,
    Transition,
)
from conformance.portal.verdicts import current_verdict, refresh_release, today
from conformance.portal.xlsx import bundle_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _account(request: HttpRequest) -> User:
    """The logged-in account (the views that call this require a login)."""
    if not isinstance(request.user, User):
        raise PermissionDenied("log in first")
    return request.user


def _municipality(request: HttpRequest, code: str) -> Municipality:
    found: Municipality = access.get_or_404(request.user, Kind.MUNICIPALITY, code=code)
    return found


def _bundle(request: HttpRequest, pk: int) -> Bundle:
    found: Bundle = access.get_or_404(request.user, Kind.BUNDLE, ("municipality", "vendor"), pk=pk)
    return found


def _release_attestations(found: Bundle) -> QuerySet[Attestation]:
    """The attestations of the bundle's release: its municipality, vendor, product and version."""
    return Attestation.objects.filter(municipality_id=found.municipality_id, vendor_id=found.vendor_id,
                                      product=found.product, version=found.version)


class LoginView(auth_views.LoginView):
    """Django's login, which also gives the browser its device cookie (hardening.trusted_device)."""

    template_name = "portal/login.html"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        remember_device(response, form.get_user().get_username())
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change; done, the account may use the portal (PasswordChangeRequired)."""

    template_name = "portal/password.html"
    success_url = "/"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        PasswordChangeRequired.objects.filter(user_id=form.user.pk).delete()
        return response


def _number(value: str | None) -> int:
    """A primary key from a form (0, which no row has, when it is not a number)."""
    return int(value) if value and value.isdigit() else 0


def web_font(request: HttpRequest) -> HttpResponse:
    """The project's Japanese font as a web font (issue 48 item 5), for a machine that has none: public (the
    login page needs it; it holds no data), cached for a year (its URL names the font's version)."""
    from conformance.fonts import whole_web_font

    response = HttpResponse(whole_web_font(), content_type="font/woff")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Keep the chosen language in the session and go back where the reader was."""
    chosen = request.POST.get("lang", "ja")
    request.session["lang"] = chosen if chosen in LANGUAGES else "ja"
    back = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    return HttpResponseRedirect(back)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The account's next steps (per role), its municipalities, prefectures and vendors, and the
    upload form."""
    visible = access.municipalities(request.user)
    listed = list(visible[:HOME_LIST + 1])
    many = len(listed) > HOME_LIST  # then a prefecture page lists them, and each page has its upload form
    return render(request, "portal/home.html", {
        "next_steps": next_steps(request.user), "municipalities": [] if many else listed, "many": many,
        "prefectures": sorted(access.prefectures(request.user)), "vendors": access.vendors(request.user),
        # An account of one municipality (an officer's) uploads for it: no list of one to choose from.
        "form": None if many else UploadForm(municipalities=visible, fixed=listed[0] if len(listed) == 1 else None)})


#: The most municipalities the home page lists (with the upload form's choice of them); an account
#: that sees more (a prefecture, an administrator: 1,741) picks a prefecture, then the municipality.
HOME_LIST = 50
#: Rows per page of the prefecture's municipalities and of a vendor's customers.
PAGE_ROWS = 50
#: Requirements per page of a bundle's list (a whole-catalog bundle has 1,993: drawn at once, the
#: page took most of a second to render, 500 at a time two thirds of its 120 ms of CPU; the filters
#: narrow it, the counts above cover all).
BUNDLE_ROWS = 200
#: The worklist's rows a page (a whole catalog's bundle has 436 MANUAL requirements).
WORKLIST_ROWS = 100


def next_steps(user: Any) -> list[str]:
    """What the account does next, as keys of the portal's texts (``next_*``), by its roles."""
    from conformance.portal.models import Membership, Role, Vendor, VendorKey

    steps = []
    if access.may_manage(user):
        if not Municipality.objects.exists():
            steps.append("next_admin_municipalities")
        if not Vendor.objects.exists():
            steps.append("next_admin_vendors")
        elif not VendorKey.objects.filter(revoked=False).exists():
            steps.append("next_admin_keys")
        if not Membership.objects.exclude(role=Role.ADMIN).exists():
            steps.append("next_admin_accounts")
        steps.append("next_admin_manage")
    roles = {m.role for m in access.memberships(user)}
    if roles & {Role.TESTER, Role.REVIEWER}:
        steps.append("next_municipal")
    if Role.REVIEWER in roles:
        pending = access.visible(user, Kind.ATTESTATION).filter(state=Attestation.State.PENDING).count()
        steps.append("next_reviewer_pending" if pending else "next_reviewer")
    if Role.VENDOR in roles:
        steps.append("next_vendor")
    if Role.PREFECTURE in roles:
        steps.append("next_prefecture")
    if not steps:
        steps.append("next_no_role")
    return steps


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    """Verify and index an uploaded bundle; a refusal says why and stores nothing."""
    form = UploadForm(request.POST, request.FILES, municipalities=access.municipalities(request.user),
                      lang=request.lang)  # type: ignore[attr-defined]
    if not form.is_valid():
        refusal = labelled_errors(form, request.lang)  # type: ignore[attr-defined]
        return render(request, "portal/refused.html", {"message": refusal}, status=400)
    municipality = form.cleaned_data["municipality"]
    try:
        bundle = index(form.cleaned_data["bundle"].read(), municipality, request.user)
    except BundleRefused as error:
        message = error.text(request.lang)  # type: ignore[attr-defined]
        return render(request, "portal/refused.html", {"message": message}, status=400)
    messages.success(request, f"{bundle}")
    return redirect("bundle", pk=bundle.pk)


@login_required
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    """The municipality's latest result per system, its bundles and its 経過措置."""
    from conformance.portal.tasks import recover_runs

    found = _municipality(request, code)
    recover_runs()  # a run whose portal was killed is shown failed now, not running until the next start
    visible = access.bundles(request.user)
    latest = queries.latest_results(found, visible)
    return render(request, "portal/municipality.html", {
        "municipality": found, "latest": latest,
        "progress": progress.system_counts([item.system for item in latest], today()),
        "bundles": visible.filter(municipality=found).select_related("vendor").order_by("-uploaded")[:50],
        "transitions": queries.transitions(found, today()),
        "can_transition": access.can_record_transition(request.user, found),
        "transition_form": TransitionForm(),
        "form": UploadForm(municipalities=access.municipalities(request.user), fixed=found),
        "environments": access.visible(request.user, Kind.ENVIRONMENT).filter(municipality=found)
        .select_related("vendor"),
        "can_run": access.may(request.user, Action.RUN, found),
        "runs": access.visible(request.user, Kind.RUN).filter(environment__municipality=found)
        .select_related("environment", "bundle").order_by("-requested")[:20]})


@login_required
@require_POST
def request_run(request: HttpRequest, code: str) -> HttpResponse:
    """Queue a run against one of the municipality's registered test environments."""
    from conformance.portal.tasks import run_environment

    found = _municipality(request, code)
    environment = access.get_or_404(request.user, Kind.ENVIRONMENT, municipality=found,
                                    pk=_number(request.POST.get("environment")))
    if not access.may(request.user, Action.RUN, found, environment.vendor):
        raise PermissionDenied("only the municipality asks for runs (a run it asks for is witnessed)")
    run = Run.objects.create(environment=environment, requested_by=_account(request))
    run.task_id = str(run_environment.enqueue(run.pk).id)
    run.save(update_fields=["task_id"])
    return redirect("municipality", code=code)


@login_required
def bundle(request: HttpRequest, pk: int) -> HttpResponse:
    """One bundle: its verdict (with the portal's attestations), progress per system, and its
    requirements with title, level, section and the state shown, filtered by state, chapter, level."""
    found = _bundle(request, pk)
    every = progress.rows(found, today())
    systems = progress.progress(found, every)
    chosen = {key: request.GET.get(key, "") for key in ("domain", "state", "chapter", "level")}
    shown = progress.filtered(every, chosen["state"], chosen["chapter"], chosen["level"], chosen["domain"])
    page = Paginator(shown, BUNDLE_ROWS).get_page(request.GET.get("page"))
    return render(request, "portal/bundle.html", {
        "bundle": found, "verdict": current_verdict(found), "counts": progress.totals(systems),
        "progress": systems, "states": page, "page": page, "shown": len(shown), "total": len(every),
        "query": urlencode({key: value for key, value in chosen.items() if value}),
        "chosen": chosen, "state_choices": [s for s in progress.SHOWN_STATES if any(r.shown == s for r in every)],
        "domain_choices": progress.domain_choices(every),
        "chapter_choices": progress.chapter_choices(every, chosen["domain"]),
        "level_choices": sorted({r.state.level for r in every})})


@login_required
def bundle_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """The release-to-release diff, regressions first."""
    found = _bundle(request, pk)
    previous = queries.previous_release(found, access.bundles(request.user))
    diff = queries.release_diff(previous, found) if previous is not None else None
    return render(request, "portal/diff.html", {"bundle": found, "previous": previous, "diff": diff})


@login_required
def bundle_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The 適合状況一覧 of the bundle, with the portal's attestations and 経過措置."""
    found = _bundle(request, pk)
    try:
        data = bundle_workbook(found)
    except ConformanceError as error:
        return render(request, "portal/refused.html", {"message": str(error)}, status=409)
    response = HttpResponse(data, content_type=XLSX)
    name = f"tekigo-{found.municipality.code}-{found.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def bundle_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The bundle as uploaded (signed, verifiable again with `conformance report verify`)."""
    found = _bundle(request, pk)
    stored = get_object_or_404(BundleFile, bundle=found)
    response = HttpResponse(bytes(stored.data), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="evidence-{found.pk}.zip"'
    return response


@login_required
def requirement_history(request: HttpRequest, code: str, requirement: str) -> HttpResponse:
    """One requirement: its verbatim text, source, level, procedure, its current state (the latest
    bundle's, with the attestation accepted here) and its state across the municipality's bundles."""
    found = _municipality(request, code)
    rows = queries.history(found, requirement, access.bundles(request.user))
    if not rows.exists():
        raise Http404("no such requirement in this municipality's bundles")
    first = rows.first()
    assert first is not None
    day = today()
    listed = progress.history_states(found, requirement, rows[:500], day)
    described = shipped.requirement(first.domain, first.edition, requirement)
    current = (_release_attestations(first.bundle).filter(edition=first.edition, requirement=requirement)
               .order_by("-created").first())
    return render(request, "portal/history.html", {
        "municipality": found, "requirement_id": requirement, "rows": listed, "latest": first,
        "current_state": listed[0][1], "attestation": current, "requirement": described,
        "domain": first.domain, "procedure": shipped.procedure(described)})


@login_required
def worklist(request: HttpRequest, pk: int) -> HttpResponse:
    """The MANUAL requirements of a bundle by 業務 (業務ID order), each with its title, level, a summary of its
    procedure and its attestation's state; filtered by 業務, attestation state and chapter; paginated."""
    found = _bundle(request, pk)
    attestations = {(a.edition, a.requirement): a for a in _release_attestations(found).order_by("created")}
    manual = [row for row in progress.rows(found, today()) if row.state.status == "MANUAL"]
    chosen = {key: request.GET.get(key, "") for key in ("domain", "state", "chapter")}
    items = [(row, attestations.get((row.state.edition, row.state.requirement)))
             for row in progress.filtered(manual, "", chosen["chapter"], "", chosen["domain"])]
    if chosen["state"]:
        items = [(row, made) for row, made in items if (made.state if made else "none") == chosen["state"]]
    page = Paginator(items, WORKLIST_ROWS).get_page(request.GET.get("page"))
    return render(request, "portal/worklist.html", {
        "bundle": found, "items": page, "page": page, "shown": len(items), "total": len(manual), "chosen": chosen,
        "query": urlencode({key: value for key, value in chosen.items() if value}),
        "domain_choices": progress.domain_choices(manual),
        "chapter_choices": progress.chapter_choices(manual, chosen["domain"]),
        "state_choices": ["none", *Attestation.State.values]})


@login_required
def attestation(request: HttpRequest, pk: int, requirement: str) -> HttpResponse:
    """A MANUAL requirement of a bundle's release: procedure, attestation, thread, decision."""
    found = _bundle(request, pk)
    state = get_object_or_404(found.states, item__requirement=requirement, status="MANUAL")
    current = (_release_attestations(found).filter(edition=state.edition, requirement=requirement)
               .order_by("-created").first())
    if request.method == "POST":
        return _attestation_post(request, found, state.edition, requirement, current)
    return render(request, "portal/attestation.html", {
        "bundle": found, "state": state, "attestation": current,
        "procedure": shipped.procedure(shipped.requirement(state.domain, state.edition, requirement)),
        "can_attest": access.may(request.user, Action.ATTEST, found.municipality, found.vendor),
        "can_review": access.can_review(request.user, found.municipality)
        and (current is None or current.created_by_id != request.user.pk),
        "attest_form": AttestForm(), "review_form": ReviewForm()})


def _attestation_post(request: HttpRequest, found: Bundle, edition: str, requirement: str,
                      current: Attestation | None) -> HttpResponse:
    back = reverse("attestation", args=[found.pk, requirement])
    if request.POST.get("action") == "review":
        if current is None or not access.can_review(request.user, found.municipality):
            raise PermissionDenied("only a reviewer of the municipality decides")
        if current.created_by_id == request.user.pk:
            raise PermissionDenied("who submitted an attestation does not decide it (four eyes)")
        if request.POST.get("attestation") != str(current.pk):
            # The decision is on the attestation the reviewer read; a newer one arrived since (issue 68).
            lang = str(request.lang)  # type: ignore[attr-defined]
            messages.error(request, "A newer attestation arrived after the one you read: read it, then decide."
                           if lang == "en" else "読んだ確認書の後に新しい確認書が提出されました。"
                           "新しい確認書を読んでから判断してください。")
            return HttpResponseRedirect(back)
        _review(request, current)
    else:
        if not access.may(request.user, Action.ATTEST, found.municipality, found.vendor):
            raise PermissionDenied("not allowed to attest for this municipality")
        _attest(request, found, edition, requirement)
    return HttpResponseRedirect(back)


def _attest(request: HttpRequest, found: Bundle, edition: str, requirement: str) -> None:
    form = AttestForm(request.POST, request.FILES, lang=request.lang)  # type: ignore[attr-defined]
    if not form.is_valid():
        messages.error(request, labelled_errors(form, request.lang))  # type: ignore[attr-defined]
        return
    over = evidence_over_quota(found.municipality, [upload.size for upload in form.cleaned_data["evidence"]])
    if over is not None:
        messages.error(request, over[1] if str(request.lang) == "en" else over[0])  # type: ignore[attr-defined]
        return
    with transaction.atomic():
        created = Attestation.objects.create(
            municipality=found.municipality, vendor=found.vendor, product=found.product, version=found.version,
            domain=requirement.split("-", 1)[0], edition=edition, requirement=requirement,
            statement=form.cleaned_data["statement"], created_by=_account(request))
        for upload in form.cleaned_data["evidence"]:
            data = upload.read()
            Evidence.objects.create(attestation=created, name=str(upload.name)[:200], size=len(data),
                                    content_type=str(upload.content_type)[:100],
                                    sha256=hashlib.sha256(data).hexdigest(), data=data, uploaded_by=_account(request))
        Comment.objects.create(attestation=created, author=_account(request), text=created.statement,
                               decision="submitted")


def evidence_over_quota(municipality: Municipality, sizes: list[int]) -> tuple[str, str] | None:
    """Why these evidence files cannot be kept (Japanese, English): more files than one attestation
    may have, or past the municipality's evidence quota (issue 68: no quota let evidence fill the disk)."""
    most = settings.EVIDENCE_FILES_PER_ATTESTATION
    if len(sizes) > most:
        return (f"証跡ファイルは 1 件の確認書につき {most} 件までです（{len(sizes)} 件）。",
                f"at most {most} evidence files per attestation ({len(sizes)} given)")
    quota = settings.EVIDENCE_BYTES_PER_MUNICIPALITY
    kept = Evidence.objects.filter(attestation__municipality=municipality).aggregate(total=Sum("size"))["total"] or 0
    if kept + sum(sizes) > quota:
        return (f"{municipality} の証跡の合計が上限 {quota} バイトを超えます（保存済み {kept} バイト）。上限は管理者が"
                "環境変数 CONFORMANCE_PORTAL_EVIDENCE_QUOTA で変えられます。",
                f"{municipality}'s evidence would pass its quota of {quota} bytes ({kept} kept); an administrator "
                "changes it with CONFORMANCE_PORTAL_EVIDENCE_QUOTA")
    return None


def _review(request: HttpRequest, current: Attestation) -> None:
    form = ReviewForm(request.POST, lang=request.lang)  # type: ignore[attr-defined]
    if not form.is_valid():
        messages.error(request, labelled_errors(form, request.lang))  # type: ignore[attr-defined]
        return
    decision = form.cleaned_data["decision"]
    with transaction.atomic():
        Comment.objects.create(attestation=current, author=_account(request), text=form.cleaned_data["comment"],
                               decision=decision)
        if decision in (Attestation.State.ACCEPTED, Attestation.State.REJECTED):
            current.state, current.decided, current.decided_by = decision, timezone.now(), _account(request)
            current.expires = form.cleaned_data["expires"]
            current.save()
            refresh_release(current)


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An evidence file, to those who see its municipality; always as a download."""
    found: Evidence = access.get_or_404(request.user, Kind.EVIDENCE, pk=pk)
    response = HttpResponse(bytes(found.data), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="evidence-{found.pk}"'
    return response


@login_required
@require_POST
def add_transition(request: HttpRequest, code: str) -> HttpResponse:
    """Record a 経過措置 of the municipality (its 届出 reference and promised date)."""
    found = _municipality(request, code)
    if not access.can_record_transition(request.user, found):
        raise PermissionDenied("only the municipality records its 経過措置")
    form = TransitionForm(request.POST, lang=request.lang)  # type: ignore[attr-defined]
    if form.is_valid():
        data = form.cleaned_data
        Transition.objects.update_or_create(
            municipality=found, requirement=data["requirement"],
            defaults={"domain": data["requirement"].split("-", 1)[0], "notification": data["notification"],
                      "promised": data["promised"], "note": data["note"], "created_by": _account(request),
                      "closed": False})
    else:
        messages.error(request, labelled_errors(form, request.lang))  # type: ignore[attr-defined]
    return redirect("municipality", code=code)


@login_required
@require_POST
def close_transition(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """End an open 経過措置 of the municipality (the requirement is now implemented, or the 届出 withdrawn): its
    requirement is judged as the bundles say again. The municipality's own, as recording it (before: the
    administration site only, issue 69 item 2)."""
    found = _municipality(request, code)
    if not access.can_record_transition(request.user, found):
        raise PermissionDenied("only the municipality ends its 経過措置")
    transition = found.transitions.filter(pk=pk, closed=False).first()
    if transition is None:
        raise Http404("no such open 経過措置")
    transition.closed = True
    transition.save(update_fields=["closed"])
    messages.success(request, label("text", "transition_closed", request.lang))  # type: ignore[attr-defined]
    return redirect("municipality", code=code)


@login_required
def prefecture(request: HttpRequest, name: str) -> HttpResponse:
    """A prefecture's municipalities, each with its latest result per system."""
    if name not in access.prefectures(request.user):
        raise Http404("no such prefecture for this account")
    page = Paginator(access.municipalities(request.user).filter(prefecture=name).order_by("code"),
                     PAGE_ROWS).get_page(request.GET.get("page"))
    latest = queries.latest_for([m.pk for m in page], access.bundles(request.user))
    # A table municipality x 業務 (issue 69: all 21 systems were one semicolon-joined cell), the systems any
    # municipality of the page has a result of, in 業務ID order.
    systems = sorted({item.system.domain for items in latest.values() for item in items}, key=domain_order)
    by_system = {m.pk: {item.system.domain: item for item in latest.get(m.pk, [])} for m in page}
    return render(request, "portal/prefecture.html", {
        "prefecture": name, "page": page, "systems": [(domain, domain_name(domain)) for domain in systems],
        "rows": [(m, [by_system[m.pk].get(domain) for domain in systems]) for m in page]})


@login_required
def vendor(request: HttpRequest, pk: int) -> HttpResponse:
    """A vendor's package across its customers: the latest bundle per municipality and release."""
    found = access.get_or_404(request.user, Kind.VENDOR, pk=pk)
    bundles = Bundle.objects.filter(vendor=found)
    releases = (bundles.values("product", "version").annotate(customers=Count("municipality", distinct=True),
                                                              count=Count("id")).order_by("product", "-version"))
    latest = (bundles.annotate(rank=Window(RowNumber(), partition_by=[F("product"), F("version"), F("municipality_id")],
                                           order_by=[F("created").desc(), F("id").desc()]))
              .filter(rank=1).select_related("municipality").order_by("product", "-version", "municipality__code"))
    page = Paginator(latest, PAGE_ROWS).get_page(request.GET.get("page"))
    for shown in page:
        current_verdict(shown)  # recomputed where an attestation it rested on expired (issue 68: it was stale)
    return render(request, "portal/vendor.html", {"vendor": found, "releases": releases, "page": page})


def _manager(request: HttpRequest) -> None:
    if not access.may_manage(request.user):
        raise PermissionDenied("onboarding is the administrator's")


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """Onboarding (administrator): municipalities from the shipped code list, vendors, accounts and
    their roles; each form posts here with its ``form`` name."""
    from conformance.portal import onboarding
    from conformance.portal.models import Membership, Role, Vendor

    _manager(request)
    lang = str(request.lang)  # type: ignore[attr-defined]
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            if form == "municipalities":
                added = onboarding.add_municipalities(request.POST.get("codes", "").replace("、", " ").split())
                messages.success(request, f"{len(added)} 件の市区町村を追加しました。" if lang == "ja"
                                 else f"{len(added)} municipalities added.")
            elif form == "vendor":
                made = onboarding.add_vendor(request.POST.get("name", ""))
                return redirect("manage_vendor", pk=made.pk)
            elif form == "account":
                onboarding.add_account(onboarding.RoleRequest(
                    username=request.POST.get("username", ""), password=request.POST.get("password", ""),
                    role=request.POST.get("role", ""), municipality=request.POST.get("municipality", ""),
                    vendor=_number(request.POST.get("vendor")) or None,
                    prefecture=request.POST.get("prefecture", ""), existing=request.POST.get("existing") == "1"))
                messages.success(request, "役割を付与しました。" if lang == "ja" else "Role given.")
            elif form == "remove_role":
                onboarding.remove_role(_number(request.POST.get("membership")), request.user)
                messages.success(request, label("text", "role_removed", lang))
        except onboarding.OnboardingError as error:
            messages.error(request, error.text(lang))
        return redirect("manage")
    return render(request, "portal/manage.html", {
        "municipalities": Municipality.objects.all()[:300], "vendors": Vendor.objects.all(),
        "memberships": Membership.objects.select_related("user", "municipality", "vendor")
        .order_by("user__username", "role")[:500],
        "roles": [(value, text_of_role(value)) for value in Role.values]})


def text_of_role(role: str) -> str:
    """A role's name in Japanese (the choices' labels are 'Japanese / English')."""
    from conformance.portal.models import Role

    return str(Role(role).label).split(" / ", 1)[0]


@login_required
def manage_vendor(request: HttpRequest, pk: int) -> HttpResponse:
    """A vendor's keys, products and customers (administrator), found through the access rule."""
    from conformance.portal import onboarding

    found = access.get_or_404(request.user, Kind.VENDOR, pk=pk)
    _manager(request)
    lang = str(request.lang)  # type: ignore[attr-defined]
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            if form == "key":
                onboarding.add_key(found, request.POST.get("pem", ""))
            elif form == "revoke":
                found.keys.filter(pk=_number(request.POST.get("key"))).update(revoked=True)
            elif form == "product":
                onboarding.add_product(found, request.POST.get("name", ""))
            elif form == "customer":
                onboarding.add_customer(found, request.POST.get("code", ""), " ".join(request.POST.getlist("system")),
                                        request.POST.get("product", ""))
            messages.success(request, "登録しました。" if lang == "ja" else "Saved.")
        except onboarding.OnboardingError as error:
            messages.error(request, error.text(lang))
        return redirect("manage_vendor", pk=found.pk)
    return render(request, "portal/manage_vendor.html", {
        "vendor": found, "keys": found.keys.order_by("-registered"), "products": found.products.all(),
        "customers": found.customers.all(), "systems": shipped.systems(),
        # By municipality, then by 業務 in 業務ID order (issue 69: never by slug).
        "installations": sorted(Installation.objects.filter(product__vendor=found).select_related(
            "municipality", "product"), key=lambda i: (i.municipality.code, domain_order(i.domain)))})
