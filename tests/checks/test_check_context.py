"""CheckContext.args: a check's parameters read as its model, with the model's defaults and clear errors."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from conformance.catalog.check_params import ApiOpenApiParams, FileLayoutParams
from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext
from conformance.domains.jumin.params import (
    CERTIFICATION_MARKERS,
    USER_FUNCTIONS,
    FormCertificationParams,
    FormDvParams,
    FormParams,
    ItaijiSearchParams,
    ItemsKeptParams,
    OperationLogParams,
    UserControlsParams,
    Where,
)
from conformance.errors import UsageError

REQUIREMENT = cast(Requirement, SimpleNamespace(id="jumin-1.0-10.2-R002"))


def context(params: object) -> CheckContext:
    return CheckContext(REQUIREMENT, cast(dict[str, object], params))


def test_a_conforming_dict_reads_as_attributes_with_the_model_defaults() -> None:
    assert context({"rule": "fields"}).args(OperationLogParams).rule == "fields"
    assert context({}).args(OperationLogParams).rule == "entries"
    certification = context({"rule": "last_page_only"}).args(FormCertificationParams)
    assert (certification.rule, certification.form, certification.households) == ("last_page_only",
                                                                                   "juminhyo_setai", 12)
    assert certification.markers == CERTIFICATION_MARKERS and certification.prefecture is None
    dv = context({}).args(FormDvParams)
    assert (dv.person_forms, dv.household_form, dv.list_form) == (("juminhyo_kojin", "kisai_jiko"), "juminhyo_setai",
                                                                  "etsuran")
    api = context({"operations": ["get_resident"]}).args(ApiOpenApiParams)
    assert (api.operations, api.modes, api.max_examples, api.seed) == (("get_resident",), ("positive", "negative"), 25,
                                                                       None)
    assert context({}).args(UserControlsParams).functions == USER_FUNCTIONS


def test_lists_become_tuples_and_nested_mappings_models() -> None:
    kept = context({"items": ["氏名"], "where": {"item": "住民種別", "values": ["1"]}}).args(ItemsKeptParams)
    assert kept.items == ("氏名",) and kept.where == Where(item="住民種別", values=("1",))


def test_a_validated_model_is_returned_as_it_is() -> None:
    params = OperationLogParams(rule="kari")
    assert context(params).args(OperationLogParams) is params


def test_a_model_of_another_check_is_an_error() -> None:
    with pytest.raises(UsageError, match="reads its params as FormParams, they were given as OperationLogParams"):
        context(OperationLogParams()).args(FormParams)


@pytest.mark.parametrize(("model", "params", "message"), [
    (OperationLogParams, {"rule": "entrys"},
     "params.rule: 'entrys' is not allowed; expected one of: entries, fields, kari, tamper; did you mean 'entries'?"),
    (FormParams, {"sample": "5"}, "params.sample: expected an integer, got string '5'"),
    (FormParams, {"sample": 0}, "params.sample: 0 is too small; must be at least 1"),
    (FileLayoutParams, {"layout": "residents_csv", "if_configured": "yes"},
     "params.if_configured: expected true or false, got string 'yes'"),
    (FileLayoutParams, {"layout": "residents_csv", "rule": ["header"]},
     "params: unknown field 'rule'; allowed fields: layout, rules, if_configured; did you mean 'rules'?"),
    (FileLayoutParams, {}, "params: missing required field 'layout'"),
    (FileLayoutParams, {"layout": ""}, "params.layout: must not be empty"),
    (ApiOpenApiParams, {"modes": ["fuzzy"]}, "params.modes[0]: 'fuzzy' is not allowed; expected one of: positive, "
                                             "negative"),
])
def test_a_bad_parameter_names_the_requirement_the_field_the_value_and_the_expectation(
    model: type[OperationLogParams], params: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        context(params).args(model)
    assert str(raised.value) == f"jumin-1.0-10.2-R002: {message}"


def test_every_problem_is_one_line() -> None:
    with pytest.raises(UsageError) as raised:
        context({"max_examples": 0, "seed": "x"}).args(ApiOpenApiParams)
    assert str(raised.value).splitlines() == [
        "jumin-1.0-10.2-R002: params.max_examples: 0 is too small; must be at least 1",
        "jumin-1.0-10.2-R002: params.seed: expected an integer, got string 'x'",
    ]


def test_a_rule_across_parameters_is_checked() -> None:
    with pytest.raises(UsageError, match=r"params: .*rule 'seiji' needs 'char'"):
        context({"rule": "seiji"}).args(ItaijiSearchParams)
    assert context({"rule": "seiji", "char": "辺"}).args(ItaijiSearchParams).char == "辺"


def test_no_check_reads_the_raw_params() -> None:
    root = Path(__file__).resolve().parents[2] / "conformance"
    readers = [f"{path.relative_to(root)}:{number}" for path in sorted(root.rglob("*.py"))
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if re.search(r"\bctx\.params\b", line)]
    assert readers == [], "read params through ctx.args(Model)"
