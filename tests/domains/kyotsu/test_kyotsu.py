"""The checks of the 住登外者宛名番号付番 API (conformance/domains/kyotsu/checks.py) against the reference vendor on
loopback: the conforming reference gives no finding, each named defect its exact finding (code and
location), through the profile's OAuth2 client credentials (conformance/targets/oauth.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from conformance.catalog.catalog import EditionCatalog
from conformance.checks.registry import CheckContext, CheckFunction
from conformance.domains.kyotsu import checks as kyotsu
from conformance.embedded import reference_environ, start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles.identifiers import m11w2_7_check_digit
from conformance.profiles import ApiTarget, Auth, OAuth2ClientCredentials
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance_reference.kyotsu.jutogai import FIRST_SERIAL, kyotsu_edition

pytestmark = pytest.mark.skipif(not (default_catalog_root() / "kyotsu" / "2.1").is_dir(), reason="no kyotsu 2.1")

AUTH = Auth(env="KYOTSU_TEST_SECRET", oauth2=OAuth2ClientCredentials(token_url="/oauth2/token",
                                                                     client_id_env="KYOTSU_TEST_CLIENT"))
WHERE = "POST /app_submit/v10/jutogaishaatenabangofuban"


@pytest.fixture(scope="module")
def edition() -> EditionCatalog:
    return kyotsu_edition()


@contextmanager
def reference(edition: EditionCatalog, *defects: str, rows: tuple[dict[str, str], ...] = ()) -> Iterator[Target]:
    """The reference (with ``defects``, no residents) and a target over it with the OAuth2 client."""
    with start_reference(defects=frozenset(defects), rows=()) as running:
        client = RequestsHttpClient(ApiTarget(base_url=str(running.url), auth=AUTH),
                                    environ=reference_environ(AUTH, {}))
        try:
            yield Target(catalog=edition, http=client, data=TestData(rows=rows))
        finally:
            client.close()


def run(target: Target, check: CheckFunction, **params: Any) -> list[Finding]:
    requirement = next(r for r in target.catalog.requirements if r.id == "kyotsu-2.1-0310001-O001")
    return list(check(CheckContext(requirement=requirement, params=params, target=target)))


def codes(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in findings]


CHECKS: list[tuple[CheckFunction, dict[str, Any]]] = [
    (kyotsu.registered, {}), (kyotsu.rejects_invalid, {}), (kyotsu.unauthorized, {}),
    (kyotsu.processing_kind, {}),
    (kyotsu.condition, {"when": {"shorikubun": "1"}, "required": "atenabango"}),
    (kyotsu.condition, {"when": {"nayosemotofuragu": "1"}, "required": "nayosesakiatenabango"}),
    (kyotsu.unique_number, {"count": 4}),
]


def test_the_conforming_reference_gives_no_finding(edition: EditionCatalog) -> None:
    with reference(edition) as target:
        for check, params in CHECKS:
            assert run(target, check, **params) == [], check


def test_a_wrong_self_link_is_found_by_registered_only(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_links_wrong") as target:
        findings = run(target, kyotsu.registered)
        assert codes(findings) == [("kyotsu.value_mismatch", f"{WHERE} 200 /_links/self/href")]
        assert findings[0].expected == "/app_submit/v10/jutogaishaatenabangofuban"
        assert run(target, kyotsu.processing_kind) == [] and run(target, kyotsu.unique_number, count=2) == []


def test_a_missing_required_parameter_needs_e0001(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_required_as_format") as target:
        findings = run(target, kyotsu.rejects_invalid)
    assert codes(findings) == [("kyotsu.error_code_missing", f"{WHERE} 400 /errors")]
    assert findings[0].expected == "E0001" and findings[0].actual == "E0002"
    assert findings[0].message.startswith("必須の処理区分なし")


@pytest.mark.parametrize(("defect", "case"), [
    ("jutogai_date_unchecked", "日付項目（操作年月日）の区切りが「/」"),  # DATE: YYYY-MM-DD
    ("jutogai_time_unchecked", "時刻項目（操作時刻）の区切りが「.」"),  # TIME: HH:MM:SS
])
def test_a_date_or_time_outside_the_legend_s_form_needs_e0002(edition: EditionCatalog, defect: str,
                                                              case: str) -> None:
    # The clean reference answers each case 400 with E0002 (test_the_conforming_reference_gives_no_finding).
    with reference(edition, defect) as target:
        findings = run(target, kyotsu.rejects_invalid)
    assert codes(findings) == [("kyotsu.status", f"{WHERE} 200")]
    assert findings[0].expected == "status 400"
    assert findings[0].message.startswith(case)


def test_no_token_and_a_bad_token_need_401(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_no_auth") as target:
        findings = run(target, kyotsu.unauthorized)
    assert codes(findings) == [("kyotsu.status", f"{WHERE} 200"), ("kyotsu.status", f"{WHERE} 200")]
    assert [f.message.split(":")[0] for f in findings] == ["アクセストークン未指定", "無効なアクセストークン"]
    assert {f.expected for f in findings} == {"status 401"}


def test_processing_kind_1_and_2_keep_the_given_number(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_kubun_ignored") as target:
        findings = run(target, kyotsu.processing_kind)
    assert codes(findings) == [("kyotsu.number_not_kept", f"{WHERE} 200 /result/0/atenabango")] * 2


def test_a_condition_not_checked_is_found(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_condition_unchecked") as target:
        findings = run(target, kyotsu.condition, when={"shorikubun": "1"}, required="atenabango")
        assert codes(findings) == [("kyotsu.status", f"{WHERE} 200")]
        assert findings[0].expected == "status 400"
        # The other ※※ condition still holds.
        assert run(target, kyotsu.condition, when={"nayosemotofuragu": "1"}, required="nayosesakiatenabango") == []


def test_a_reissued_number_is_found(edition: EditionCatalog) -> None:
    with reference(edition, "jutogai_number_reissued") as target:
        findings = run(target, kyotsu.unique_number, count=3)
    assert codes(findings) == [("kyotsu.number_reissued", f"{WHERE} 200 /result/0/atenabango")] * 2
    assert findings[0].message == "付番依頼 2/3: the number of registration 1"


@pytest.mark.parametrize(("defect", "item", "sent", "held"), [
    ("jutogai_operator_as_api_account", "sosashaid", "CONFORM01", "JUTOGAIAPI"),
    ("jutogai_operation_day_compact", "sosanengappi", None, None),
    ("jutogai_operation_time_minutes", "sosajikoku", "09:00:00", "09:00"),
])
def test_each_item_of_the_operation_record_must_be_held_as_sent(
    edition: EditionCatalog, defect: str, item: str, sent: str | None, held: str | None,
) -> None:
    with reference(edition) as target:
        assert run(target, kyotsu.operation_record, item=item) == []
    with reference(edition, defect) as target:
        findings = run(target, kyotsu.operation_record, item=item)
        others = [run(target, kyotsu.operation_record, item=other)
                  for other in ("sosashaid", "sosanengappi", "sosajikoku") if other != item]
    assert codes(findings) == [("kyotsu.value_mismatch", f"{WHERE} 200 /result/0/{item}")]
    today = kyotsu.registration()["sosanengappi"]  # the day the registration is sent, as the check sends it
    assert (findings[0].expected, findings[0].actual) == ((sent, held) if sent else (today, today.replace("-", "")))
    assert others == [[], []]  # each defect breaks its own item only


def test_a_number_a_resident_has_is_found(edition: EditionCatalog) -> None:
    serial = f"{FIRST_SERIAL:09d}"
    first = f"{serial}{m11w2_7_check_digit(serial)}"  # what the reference issues first
    # The harness's test data says a resident has it (the reference was loaded with nobody).
    with reference(edition, rows=({"宛名番号": first},)) as target:
        findings = run(target, kyotsu.unique_number, count=2)
    assert codes(findings) == [("kyotsu.number_of_resident", f"{WHERE} 200 /result/0/atenabango")]
    assert findings[0].actual == first


def test_a_number_without_its_check_digit_is_found(edition: EditionCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    from conformance_reference.kyotsu import jutogai

    def no_digit(self: jutogai.JutogaiService) -> str:
        self._serial += 1
        return f"{self._serial:09d}0" if m11w2_7_check_digit(f"{self._serial:09d}") != 0 else f"{self._serial:09d}1"

    monkeypatch.setattr(jutogai.JutogaiService, "_next_number", no_digit)
    with reference(edition) as target:
        findings = run(target, kyotsu.unique_number, count=2)
    assert codes(findings) == [("kyotsu.check_digit", f"{WHERE} 200 /result/0/atenabango")] * 2


def test_values_of_the_answer_are_shown_only_when_plain() -> None:
    """The API's fields name no catalog item: a value of the vendor's answer is shown as it is only
    when it looks like a number, a code or a path; anything else (a name it echoed wrongly, a long
    text) is masked, its length kept."""
    from conformance.domains.kyotsu.checks import _answered

    plain = ["0000000019", "E0002", "/app_submit/v10/jutogaishaatenabangofuban", "application/json; charset=utf-8"]
    assert [_answered(value) for value in plain] == plain
    assert (_answered(3), _answered(None), _answered(True)) == ("3", "None", "True")
    assert _answered("山田　太郎") == "＊＊＊＊＊"
    assert _answered("x" * 81) == "＊" * 20 + "…"
    assert _answered({"shimei": "山田"}) == "＊" * 16
