"""The reference vendor's 住登外者宛名番号付番 API against the OpenAPI document generated from the
catalog (kyotsu 2.1, imported from the official API仕様書), and its semantics."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import jsonschema_rs
import pytest

from conformance.catalog.openapi import build_openapi
from conformance.locations import default_catalog_root
from conformance.oracles import is_valid_m11w2_7
from conformance_reference.app import ReferenceApp
from conformance_reference.jumin.storage import Store
from conformance_reference.kyotsu.jutogai import CLIENT_ID, CLIENT_SECRET, kyotsu_edition

PATH = "/api/v1/app_submit/v10/jutogaishaatenabangofuban"
OPERATION = "/app_submit/v10/jutogaishaatenabangofuban"

pytestmark = pytest.mark.skipif(not (default_catalog_root() / "kyotsu" / "2.1").is_dir(), reason="no kyotsu 2.1")


@pytest.fixture
def app() -> Iterator[ReferenceApp]:
    store = Store()
    yield ReferenceApp(store)
    store.close()


def call(app: ReferenceApp, path: str, body: bytes, *, authorization: str | None = None,
         content_type: str = "application/json") -> tuple[int, dict[str, str], Any]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update({"REQUEST_METHOD": "POST", "PATH_INFO": path, "CONTENT_LENGTH": str(len(body)),
                    "wsgi.input": io.BytesIO(body), "CONTENT_TYPE": content_type})
    if authorization is not None:
        environ["HTTP_AUTHORIZATION"] = authorization
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)
        return lambda data: None

    data = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], json.loads(data)


def token(app: ReferenceApp) -> str:
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    status, _, document = call(app, "/api/v1/oauth2/token", b"grant_type=client_credentials",
                               authorization=f"Basic {basic}", content_type="application/x-www-form-urlencoded")
    assert status == 200 and document["token_type"] == "Bearer" and "refresh_token" not in document
    return str(document["access_token"])


def request(**changes: Any) -> bytes:
    body: dict[str, Any] = {
        "shorikubun": "0", "shikuchosonkodo": "131016", "shimei": "佐藤\u3000一郎", "uji_nihonjin": "佐藤",
        "na_nihonjin": "一郎", "seibetsu": "1", "seinengappi": "1964-07-01", "nayosemotofuragu": "0",
        "tagyomusanshofukafuragu": "0", "sosashaid": "123456", "sosanengappi": "2021-11-01", "sosajikoku": "09:00:00",
    }
    body.update(changes)
    return json.dumps({k: v for k, v in body.items() if v is not None}, ensure_ascii=False).encode()


def validator(status: int) -> Any:
    document = build_openapi(kyotsu_edition())
    response = document["paths"][OPERATION]["post"]["responses"][str(status)]
    schema = dict(response["content"]["application/json"]["schema"])
    schema["components"] = document["components"]
    return jsonschema_rs.validator_for(schema)


def test_a_number_is_issued_with_the_documented_body(app: ReferenceApp) -> None:
    bearer = f"Bearer {token(app)}"
    status, headers, document = call(app, PATH, request(), authorization=bearer)
    assert status == 200, document
    assert headers["Content-Type"] == "application/json;charset=UTF-8"
    validator(200).validate(document)
    assert document["metadata"] == {"title": "住登外者宛名番号付番", "detail": "登録が完了しました。"}
    assert document["_links"] == {"self": {"href": "/app_submit/v10/jutogaishaatenabangofuban"}}
    (result,) = document["result"]
    assert is_valid_m11w2_7(result["atenabango"]) and result["rirekibango"] == 1


def test_each_request_issues_a_new_number_never_a_residents(app: ReferenceApp) -> None:
    bearer = f"Bearer {token(app)}"
    numbers = [call(app, PATH, request(), authorization=bearer)[2]["result"][0]["atenabango"] for _ in range(30)]
    assert len(set(numbers)) == 30
    assert all(app.store.latest(number) is None for number in numbers)


def test_kubun_1_reuses_an_issued_number_and_counts_its_history(app: ReferenceApp) -> None:
    bearer = f"Bearer {token(app)}"
    number = call(app, PATH, request(), authorization=bearer)[2]["result"][0]["atenabango"]
    status, _, document = call(app, PATH, request(shorikubun="1", atenabango=number), authorization=bearer)
    assert status == 200 and document["result"][0] == {**document["result"][0], "atenabango": number,
                                                        "rirekibango": 2}


@pytest.mark.parametrize(("changes", "code"), [
    ({"shorikubun": None}, "E0001"),                        # 必須 ◎
    ({"sosajikoku": None}, "E0001"),
    ({"shikuchosonkodo": "１３１０１６"}, "E0002"),            # X: half-width only
    ({"shimei": "Sato Ichiro"}, "E0002"),                   # Ｎ: no half-width character
    ({"sosanengappi": "2021/11/01"}, "E0002"),
    ({"shorikubun": "3"}, "E0002"),
    ({"kojinbango": "1234567890123"}, "E0003"),             # データ長 12
    ({"shorikubun": "1"}, "E0004"),                         # ※※処理区分"1"、または"2"の場合は必須
    ({"shorikubun": "2", "atenabango": "0000000019"}, "E0004"),  # not a number this API issued
    ({"nayosemotofuragu": "1"}, "E0004"),                   # 名寄せ元 needs 名寄せ先宛名番号
    ({"unknown": "x"}, "E0002"),
])
def test_bad_parameters_get_400_with_the_error_code(app: ReferenceApp, changes: dict[str, Any], code: str) -> None:
    status, _, document = call(app, PATH, request(**changes), authorization=f"Bearer {token(app)}")
    assert status == 400
    validator(400).validate(document)
    assert document["detail"] == "エラーが発生しました。"
    assert code in [error["code"] for error in document["errors"]]


@pytest.mark.parametrize("authorization", [None, "Bearer", "Bearer not-a-token", "Basic eDp5"])
def test_no_valid_token_gets_401(app: ReferenceApp, authorization: str | None) -> None:
    status, headers, document = call(app, PATH, request(), authorization=authorization)
    assert status == 401
    validator(401).validate(document)
    assert document["detail"] == "アクセストークンが無効です。"
    assert headers["WWW-Authenticate"].startswith("Bearer")


def test_the_token_endpoint_refuses_a_wrong_secret(app: ReferenceApp) -> None:
    basic = base64.b64encode(f"{CLIENT_ID}:wrong".encode()).decode()
    status, _, document = call(app, "/api/v1/oauth2/token", b"grant_type=client_credentials",
                               authorization=f"Basic {basic}", content_type="application/x-www-form-urlencoded")
    assert (status, document) == (401, {"error": "invalid_client"})


def test_something_unexpected_gets_503(app: ReferenceApp, monkeypatch: pytest.MonkeyPatch) -> None:
    bearer = f"Bearer {token(app)}"

    def broken(parameters: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(app.jutogai, "_register", broken)
    status, _, document = call(app, PATH, request(), authorization=bearer)
    assert status == 503
    validator(503).validate(document)
    assert document["detail"] == "想定外のエラーが発生しました。"


def test_a_body_that_is_no_json_object_gets_400(app: ReferenceApp) -> None:
    status, _, document = call(app, PATH, b"[1]", authorization=f"Bearer {token(app)}")
    assert status == 400 and document["errors"][0]["code"] == "E0002"
    validator(400).validate(document)


# -- schemathesis: generated requests against the running reference ---------------------------------


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_generated_requests_get_documented_answers(mode: str) -> None:
    import hypothesis
    import requests
    import schemathesis
    from hypothesis import HealthCheck, Phase, given

    from conformance.embedded import start_reference

    document = build_openapi(kyotsu_edition())
    with start_reference(rows=()) as running:
        base_url = running.url
        config = schemathesis.Config.from_dict({"base-url": base_url, "seed": 0})
        schema = schemathesis.openapi.from_dict(json.loads(json.dumps(document)), config=config)
        operation = schema[OPERATION]["POST"]
        modes = {"positive": schemathesis.GenerationMode.POSITIVE, "negative": schemathesis.GenerationMode.NEGATIVE}
        generation = modes[mode]
        cases: list[Any] = []

        def keep(case: Any) -> None:
            cases.append(case)

        hypothesis.seed(0)(hypothesis.settings(
            max_examples=40, deadline=None, database=None, phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(given(operation.as_strategy(generation_mode=generation))(keep)))()
        bearer = {"Authorization": f"Bearer {running.app.jutogai.issue_token()}"}
        statuses = []
        for case in cases:
            kwargs = case.as_transport_kwargs(base_url=base_url)
            response = requests.request(kwargs["method"], kwargs["url"], headers={**(kwargs.get("headers") or {}),
                                        **bearer}, json=kwargs.get("json"), data=kwargs.get("data"), timeout=10)
            statuses.append(response.status_code)
            assert response.status_code in ((200, 400) if mode == "positive" else (400,)), (case.body, response.text)
            validator(response.status_code).validate(response.json())
        assert running.app.internal_errors == []
    assert len(statuses) >= 10
