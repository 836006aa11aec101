"""The バッチ処理 of 9.1 in the model: the parameters a 処理 starts with, run after run and edit after edit, and the
実行結果 of each run (the driver's ``batch.run``, ``batch.result``, ``batch.parameters``, ``batch.edit``: ours).

Ours (interpretation ``jumin-1.0-interp-batch-model``, with ``jumin-1.0-interp-batch``): a run uses the parameters
of the previous run with those it is given over them (R002: 前回処理時に設定したパラメータが参照される), and they are
what the next run starts with; an edit changes some of them, the others kept, and the edited ones are named as
edited until the next run (R003: 一部修正ができ…修正した旨が判別し易く); each run's 実行結果 names the parameters it
used, 正常 or 異常, an エラーコード for an abnormal end, and R005's other items (any value). The parameters an
abnormal run leaves are not judged (whether a run that failed is the 前回処理 the text does not say).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.domains.jumin.oracles.model.judge import Breach

#: 9.1 R001 (直接起動), R002 (前回処理時に設定したパラメータが参照されること), R003 (一部修正…修正した旨が判別し易く),
#: R005 (全てのバッチ処理の実行結果…が出力されること).
STARTED, CARRIED, EDITED, RESULT = ("jumin-1.0-9.1-R001", "jumin-1.0-9.1-R002", "jumin-1.0-9.1-R003",
                                    "jumin-1.0-9.1-R005")
BATCH_READING = "jumin-1.0-interp-batch-model"
#: R005's items of a 実行結果 (処理内容や処理結果、処理時間、処理端末名称、正常又は異常の旨), as the protocol names
#: them.
RESULT_ITEMS = ("処理内容", "処理結果", "処理時間", "処理端末名称", "状態")
NORMAL, ABNORMAL = "正常", "異常"


@dataclass
class BatchState:
    """One 処理's parameters as the model holds them: what the next run starts with, and those edited since the last
    run (by name)."""

    saved: dict[str, str] = field(default_factory=dict)
    edited: set[str] = field(default_factory=set)

    def run(self, given: Mapping[str, str]) -> dict[str, str]:
        """The parameters a run given ``given`` uses; they are what the next run starts with, none edited since."""
        used = {**self.saved, **given}
        self.saved, self.edited = dict(used), set()
        return used

    def edit(self, given: Mapping[str, str]) -> None:
        """Some parameters edited: the others kept, the changed ones named as edited."""
        self.edited |= {name for name, value in given.items() if self.saved.get(name) != value}
        self.saved = {**self.saved, **given}


def parameters_of(document: Any, key: str = "パラメータ") -> dict[str, str]:
    """The parameters an answer holds at ``key`` ({} when none)."""
    found = document.get(key) if isinstance(document, dict) else None
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def judge_parameters(state: BatchState, status: int, document: Any, where: str) -> list[Breach]:
    """``batch.parameters`` against the model: the parameters saved (R002; after an edit R003) and the edited ones
    named, no other (R003)."""
    if status != 200:
        return [Breach(CARRIED, "model.batch_parameters", "the parameters of the next run should be answered", where,
                       "200", str(status))]
    breaches = []
    shown = parameters_of(document)
    for name, value in sorted(state.saved.items()):
        if shown.get(name) != value:
            rule = EDITED if name in state.edited else CARRIED
            breaches.append(Breach(rule, "model.batch_parameter_differs", f"the parameter {name} of the next run "
                                   "should be the one last set", f"{where}#/パラメータ/{name}", value,
                                   shown.get(name, "absent")))
    marks = document.get("修正") if isinstance(document, dict) else None
    named = {str(entry.get("名称", "")) for entry in marks if isinstance(entry, dict)} if isinstance(marks, list) \
        else set()
    if named != state.edited:
        breaches.append(Breach(EDITED, "model.batch_edit_marks", "the parameters edited since the last run should "
                               "be named as edited, and no other", f"{where}#/修正", " | ".join(sorted(state.edited))
                               or "none", " | ".join(sorted(named)) or "none"))
    return breaches


def judge_result(used: Mapping[str, str], abnormal: bool, status: int, document: Any, where: str) -> list[Breach]:
    """``batch.result`` of a run against the model: R005's items, 正常 or 異常 as the run ended, an エラーコード for an
    abnormal end, and (a normal run) the parameters it used (R002)."""
    result = document.get("実行結果") if status == 200 and isinstance(document, dict) else None
    if not isinstance(result, dict):
        return [Breach(RESULT, "model.batch_result", "the 実行結果 of a run should be answered", where, "200",
                       str(status))]
    breaches = [Breach(RESULT, "model.batch_result", f"the 実行結果 should hold {item}", f"{where}#/実行結果/{item}",
                       "a value", "absent") for item in RESULT_ITEMS if not str(result.get(item) or "")]
    wanted = ABNORMAL if abnormal else NORMAL
    if str(result.get("状態", "")) != wanted:
        breaches.append(Breach(RESULT, "model.batch_state", "the 実行結果 should say whether the run ended normally",
                               f"{where}#/実行結果/状態", wanted, str(result.get("状態", ""))))
    if abnormal and not str(result.get("エラーコード") or ""):
        breaches.append(Breach(RESULT, "model.batch_result", "an abnormal end should give its エラーコード",
                               f"{where}#/実行結果/エラーコード", "a code", "absent"))
    shown = parameters_of(result)
    for name, value in sorted(used.items()):
        if shown.get(name) != value:
            breaches.append(Breach(CARRIED, "model.batch_parameter_differs", f"the run should use the parameter "
                                   f"{name} last set", f"{where}#/実行結果/パラメータ/{name}", value,
                                   shown.get(name, "absent")))
    return breaches
