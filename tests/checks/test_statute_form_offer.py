"""Which statute forms a vendor issues is its profile's to say (docs/forms.md, "A vendor without a statute
form"): ``targets.forms.statute`` names them; a form rule whose form is not named is NOT_AUTOMATED with the
reason, a named form the vendor answers 404 for fails with the finding at the form; unknown ids are refused
when the profile is read, with a did-you-mean."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from factories import requirement
from inprocess import in_process_reference

from conformance.catalog.statute_forms import STATUTE_FORMS
from conformance.checks.scenarios import APPEND_PATH, Rule
from conformance.domains.koseki_fuhyo import forms as fuhyo_forms
from conformance.domains.senkyo import forms as senkyo_forms
from conformance.domains.shugaku import forms as shugaku_forms
from conformance.errors import ProfileError
from conformance.locations import reference_profile
from conformance.plan import Case
from conformance.profiles import FormsTarget, load_profile
from conformance.results import Status
from conformance.runner import run_case
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient, HttpResponse, Target, TestData
from conformance.testdata.town import TOWN_CODE, jumin_edition

FORM_RULES: tuple[Rule, ...] = (*fuhyo_forms.FORM_RULES.values(), *senkyo_forms.FORM_RULES.values(),
                                *shugaku_forms.FORM_RULES.values())
SHOHON = "scenario.senkyo_form.shohon_items"
PROFILE = """\
name: x
product: x
version: "1"
claims: [{{domain: senkyo, edition: "2025.12"}}]
targets:
  forms:
    statute: {statute}
"""


class NoForms:
    """A vendor whose form interface issues nothing: 404 for every POST /forms/...; the rest is the reference's."""

    def __init__(self, client: HttpClient) -> None:
        self.client = client
        self.base_url = client.base_url

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        if path.startswith("/forms/"):
            return HttpResponse(404, {"Content-Type": "application/json"}, b'{"error": "NOT_FOUND"}', path)
        return self.client.request(method, path, **kwargs)


def _profile(tmp_path: Path, statute: str) -> Any:
    path = tmp_path / "vendor.yaml"
    path.write_text(PROFILE.format(statute=statute), "utf-8")
    return load_profile(path)


def _case() -> Case:
    checks: list[Mapping[str, str]] = [{"kind": "check", "name": SHOHON}]
    return Case(requirement=requirement("senkyo-2025.12-1.20.0.1.0-R001", checks=checks), domain="senkyo",
                edition="2025.12")


def _target(client: HttpClient, forms: FormsTarget | None) -> Target:
    return Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                  append_path=APPEND_PATH, forms=forms, max_examples=2)


@pytest.fixture
def reference() -> Iterator[HttpClient]:
    with in_process_reference() as client:
        yield client


def test_the_profile_names_the_forms_its_vendor_issues(tmp_path: Path) -> None:
    named = _profile(tmp_path, "[senkyo_shohon, gakureibo]").targets.forms
    assert named.offers("senkyo_shohon") and named.offers("gakureibo") and not named.offers("fuhyo_utsushi")
    assert _profile(tmp_path, "all").targets.forms.offers("fuhyo_utsushi")
    assert not load_profile(reference_profile()).targets.forms.offers("unknown")


def test_an_unknown_form_is_refused_when_the_profile_is_read(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as raised:
        _profile(tmp_path, "[senkyo_shoho]")
    message = str(raised.value)
    assert "vendor.yaml:7: targets.forms.statute" in message
    assert "unknown statute form 'senkyo_shoho'" in message and "did you mean 'senkyo_shohon'?" in message


def test_every_form_rule_names_a_known_form_and_the_reference_issues_them_all() -> None:
    assert {rule.form for rule in FORM_RULES} <= set(STATUTE_FORMS)
    assert all(rule.ask is not None for rule in FORM_RULES)
    offered = load_profile(reference_profile()).targets.forms
    assert all(offered.offers(form_id) for form_id in STATUTE_FORMS)


def test_a_form_the_profile_does_not_name_is_not_automated_with_the_reason(reference: HttpClient) -> None:
    for forms in (None, FormsTarget(statute=("gakureibo",))):
        result = run_case(_case(), default_registry(), lambda forms=forms: _target(reference, forms))
        assert result.status is Status.NOT_AUTOMATED and not result.findings
        assert result.reason == ("the profile's targets.forms.statute does not name senkyo_shohon: the vendor's form "
                                 "interface is not said to issue it, so the print cannot be asked for (docs/forms.md)")


def test_a_named_form_the_vendor_does_not_issue_fails_at_the_form(reference: HttpClient) -> None:
    target = _target(NoForms(reference), FormsTarget(statute=("senkyo_shohon",)))
    result = run_case(_case(), default_registry(), lambda: target)
    assert result.status is Status.FAIL
    (finding,) = result.findings
    assert finding.code == "scenario.senkyo_form.shohon_items.mismatch"
    assert finding.location == "POST /forms/senkyo_shohon"
    assert json.loads(finding.actual) == {"問題": "HTTP 404"}


def test_the_named_form_issued_passes(reference: HttpClient) -> None:
    result = run_case(_case(), default_registry(), lambda: _target(reference, FormsTarget(statute="all")))
    assert result.status is Status.PASS
