"""What the published contract promises of the 戸籍 the harness registers (targets.load.koseki_path), against what
the judge sends (issue 66): a run sends many 戸籍, all kept at once, each named by its 本籍 and 筆頭者氏名; a 戸籍 sent
again under the two is that 戸籍 as it now stands and replaces it whole. The judge's traffic stays inside that promise:
the cross-domain machine gives each drawn person a 戸籍 of their own (a 本籍 of its own), and every 戸籍 it or the
scenario checks send again lists every person sent before (a 除籍年月日 once given kept), so a vendor that replaces
and one that adds what is new read the same family alike; the only 戸籍 sent again with other persons is a scenario's
new family under the 本籍 and 筆頭者氏名 every scenario uses, which the contract names."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from typer.testing import CliRunner

from conformance.catalog.contract import KOSEKI_PATH
from conformance.checks.scenarios import Loaded
from conformance.cli import app
from conformance.domains import world_fuhyo
from conformance.domains.jumin.oracles.model import World
from conformance.domains.jumin.oracles.model import rules as r
from conformance.domains.koseki_fuhyo import checks as fs


@dataclass
class _Response:
    status: int = 201


@dataclass
class _Recording:
    """A vendor that keeps every 戸籍 POSTed (a copy of each body, in order)."""

    sent: list[dict[str, Any]] = field(default_factory=list)

    def request(self, method: str, path: str, **kwargs: Any) -> _Response:
        assert (method, path) == ("post", KOSEKI_PATH)
        self.sent.append(copy.deepcopy(kwargs["json"]))
        return _Response()


def _row(atena: str, setai: str, relation: str, born: str) -> dict[str, str]:
    return {"宛名番号": atena, "世帯番号": setai, "続柄": relation, "住民種別": "1", "住民状態": r.CURRENT,
            "生年月日": born, "生年月日_不詳フラグ": "0", "氏名": f"見本　{atena}", "氏名_フリガナ": "ミホン",
            "性別": "1", "住所を定めた年月日": "2024-03-20"}


def _key(body: dict[str, Any]) -> tuple[str, str]:
    return body["本籍"], body["筆頭者氏名"]


def _persons(body: dict[str, Any]) -> dict[str | None, str | None]:
    return {member["宛名番号"]: member.get("除籍年月日") for member in body["在籍者"]}


def _each_resend_keeps_the_earlier_persons(sent: list[dict[str, Any]]) -> None:
    last: dict[tuple[str, str], dict[str | None, str | None]] = {}
    for body in sent:
        before, now = last.get(_key(body), {}), _persons(body)
        assert set(before) <= set(now), body
        assert all(now[atena] == removed for atena, removed in before.items() if removed is not None), body
        last[_key(body)] = now


def test_the_machine_gives_several_koseki_and_sends_each_again_with_every_person() -> None:
    world, book, client, skipped = World(), world_fuhyo.Book(), _Recording(), {}
    world.adopt("1001", [_row("1001", "2001", "世帯主", "1980-01-01")])
    world.adopt("1002", [_row("1002", "2002", "世帯主", "1985-05-05")])
    world_fuhyo.give(book, world, "household", ["1001"], client, KOSEKI_PATH, skipped)
    world_fuhyo.give(book, world, "moves.in", ["1002"], client, KOSEKI_PATH, skipped)
    world.adopt("1003", [_row("1003", "2001", "子", "2024-04-01")])
    world_fuhyo.give(book, world, "births", ["1003"], client, KOSEKI_PATH, skipped)
    world.adopt("1001", [{**world.latest("1001"), "住民状態": r.DECEASED, "異動日": "2024-05-01"}])
    world_fuhyo.give(book, world, "deaths", ["1001"], client, KOSEKI_PATH, skipped)
    assert skipped == {}
    # Two 戸籍 held at once: a vendor keeping one 戸籍 a run loses the first person's 附票.
    assert len({_key(body) for body in client.sent}) == 2
    assert [sorted(_persons(body), key=str) for body in client.sent] == \
        [["1001"], ["1002"], ["1001", "1003"], ["1001", "1003"]]
    assert _persons(client.sent[-1])["1001"] == "2024-05-01"
    _each_resend_keeps_the_earlier_persons(client.sent)


def test_the_scenario_checks_send_a_family_again_with_every_person_and_a_new_family_under_the_same_names() -> None:
    client = _Recording()
    first, second = Loaded("8999999990", ("8999999981",)), Loaded("8999999970", ("8999999961",))
    fs.register(client, fs.FAMILY, first, joined=True, removed=True)
    _each_resend_keeps_the_earlier_persons(client.sent)
    fs.register(client, fs.FAMILY, second)
    # The next scenario's family under the same 本籍 and 筆頭者氏名, with persons of its own: the contract's
    # "replaces it whole" is what makes its 附票 list them and no others.
    assert _key(client.sent[-1]) == _key(client.sent[0])
    assert not set(_persons(client.sent[-1])) & set(_persons(client.sent[0]))


def test_the_published_contract_says_so() -> None:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", "koseki_fuhyo"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    load = document["paths"][KOSEKI_PATH]["post"]["description"]
    assert "many 戸籍" in load and "replaces it whole" in load
    query = document["paths"]["/residents/{宛名番号}/qualifications"]["get"]
    fuhyo = query["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["戸籍の附票"]
    assert "a person of that 戸籍" in fuhyo["description"]
