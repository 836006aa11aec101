"""A 帰化 in the cross-domain machine (conformance/domains/world.py, ``naturalized``): a 外国人住民 naturalized (4.5.3),
each domain's answer compared after it; 選挙権 (公職選挙法 第9条) is a 日本国民's from the 帰化's day."""

from __future__ import annotations

from datetime import date

from test_world_machine import ASKED, world_run

from conformance.checks.scenarios import Scenario
from conformance.domains.world import Seen, expected_voter

TOWN = "229997"


def test_the_naturalized_have_suffrage_from_the_day_of_the_naturalization_only() -> None:
    s = Scenario(2024, date(1990, 7, 7), date(2010, 4, 1), foreign=False)
    seen = Seen(s, TOWN, naturalized=date(2024, 3, 17))
    assert expected_voter(seen, date(2024, 3, 16)) == {"選挙権_国政": False, "選挙権_地方": False}
    assert expected_voter(seen, date(2024, 3, 17)) == {"選挙権_国政": True, "選挙権_地方": True}
    # 登録 and 表示 are not compared for them (第21条's 被登録資格 on a 登録月の一日 before the 帰化: not modelled).
    assert set(expected_voter(Seen(s, TOWN), date(2024, 3, 17))) == {"選挙権_国政", "選挙権_地方", "登録", "表示"}


def test_suffrage_read_from_the_first_record_is_caught_after_a_naturalization() -> None:
    with world_run(frozenset({"senkyo_nationality_from_first_record"})) as found:
        breaches, steps = found.result.first("senkyo-2025.12-1.9.0.1.0-R001")
        assert {b.requirement for b in found.result.breaches} == {"senkyo-2025.12-1.9.0.1.0-R001",
                                                                  "senkyo-2025.12-1.9.0.2.0-R001"}
        local, _ = found.result.first("senkyo-2025.12-1.9.0.2.0-R001")
    assert [(b.code, b.item.split("@")[0], b.expected, b.actual) for b in breaches + local] == [
        ("world.domain_mismatch", ASKED + "選挙人名簿/選挙権_国政", "true", "false"),
        ("world.domain_mismatch", ASKED + "選挙人名簿/選挙権_地方", "true", "false")]
    assert steps[-1].startswith(f"{len(steps)}. nationality(帰化, ")
