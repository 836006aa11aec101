"""The typed parameters of 共通機能's checks (a binding's ``params``, validated when the catalog loads).

A declaration the catalog reads, as conformance/domains/jumin/params.py is (its docstring says why it imports
nothing of the harness but the catalog's ``Params`` base).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from conformance.catalog.check_params import NoParams, Params


class KyotsuConditionParams(Params):
    """``kyotsu.fuban.condition``: a ※※ condition of the 付番 API (conformance/domains/kyotsu/checks.py)."""

    when: Annotated[dict[str, str], Field(min_length=1, strict=False,
                                          description="Request parameters set: the condition.")]
    required: Annotated[str, Field(min_length=1, description="The parameter the condition makes 必須.")]


class KyotsuCountParams(Params):
    """``kyotsu.fuban.unique_number``: how many numbers are asked for."""

    count: Annotated[int, Field(ge=2, le=100)] = 5


class KyotsuOperationItemParams(Params):
    """``kyotsu.fuban.operation_record``: which item of the 操作記録 the 付番 answer must carry as sent."""

    item: Annotated[Literal["sosashaid", "sosanengappi", "sosajikoku"],
                    Field(description="操作者ID, 操作年月日 or 操作時刻 (レスポンス_API仕様).")]


#: Every check of 共通機能 -> its parameters.
PARAMS: dict[str, type[Params]] = {
    "kyotsu.fuban.registered": NoParams,
    "kyotsu.fuban.rejects_invalid": NoParams,
    "kyotsu.fuban.unauthorized": NoParams,
    "kyotsu.fuban.processing_kind": NoParams,
    "kyotsu.fuban.condition": KyotsuConditionParams,
    "kyotsu.fuban.unique_number": KyotsuCountParams,
    "kyotsu.fuban.operation_record": KyotsuOperationItemParams,
}
