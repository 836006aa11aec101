"""The published contract of every domain (issue 64): `conformance catalog openapi --domain <slug>` lists every path
the harness calls, each field the checks read with its meaning, type and values, each record item with its values.

What the checks read is found by running each rule's own reading (``shipped_checks.answer_reads``); the record items
the reference accepts (it refuses any other with 400) must be the contract's, so whatever a clean run sends is in it.
The traffic of a whole run is held to the contract in tests/catalog/test_contract_coverage.py.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from typer.testing import CliRunner

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.contract import (
    APPEND_PATH,
    FEED_PATH,
    FORM_PATH,
    MIGRATION_PATH,
    QUERY_PATH,
    RECORDS_PATH,
    DomainContract,
    load_contract,
    record_items,
    statute_form_table,
)
from conformance.catalog.domain_rules import domain_folders
from conformance.catalog.loader import load_edition
from conformance.catalog.statute_forms import STATUTE_FORMS
from conformance.cli import app
from conformance.errors import SpecError
from conformance.locations import default_catalog_root
from conformance.shipped_checks import answer_reads
from conformance_reference.domain_records import DOMAIN_RECORDS

#: The 20 domains of the registry (共通機能 is no domain of its own: its API is its edition's interfaces).
DOMAINS = tuple(slug for slug in domain_folders() if slug != "kyotsu")
ROOT = default_catalog_root()


@functools.cache
def contract(slug: str) -> DomainContract:
    found = load_contract(ROOT, slug)
    assert found is not None, f"spec_catalog/contract/{slug}.yaml is missing"
    return found


@functools.cache
def document(slug: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", slug])
    assert result.exit_code == 0, result.output
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_there_are_twenty_domains() -> None:
    assert len(DOMAINS) == 20


@pytest.mark.parametrize("slug", DOMAINS)
def test_every_domain_publishes_its_loads_as_valid_openapi(slug: str) -> None:
    published = document(slug)
    validate(published, cls=OpenAPIV31SpecValidator)
    assert {MIGRATION_PATH, APPEND_PATH} <= set(published["paths"])
    columns = published["paths"][MIGRATION_PATH]["post"]["requestBody"]["content"]["text/csv"]["x-columns"]
    by_header = {column["header"]: column for column in columns}
    # The codes of the migration file, described for every domain (issue 64: not for the statute ones before).
    assert by_header["住民状態"]["codes"]["1"]
    assert "A1" in by_header["異動事由"]["codes"]


@pytest.mark.parametrize("slug", [slug for slug in DOMAINS if slug != "jumin"])
def test_every_part_and_field_the_checks_read_is_in_the_contract(slug: str) -> None:
    own = contract(slug).query
    # A rule comparing the parts of one answer (kokuho's 介護納付金分 with the 介護保険 part, judged only where both
    # domains are claimed) reads another domain's part: as that domain's contract publishes it.
    others = {part: contract(other).query[part] for other in DOMAINS if other not in (slug, "jumin")
              for part in contract(other).query}
    parts = {**others, **own}
    for part, fields in answer_reads(slug).items():
        if part == "年度":
            continue  # the answer's own key, in every document
        assert part in parts, f"{slug}: the checks read the part {part!r}, the contracts have {sorted(parts)}"
        missing = sorted(set(fields) - set(parts[part].fields))
        assert not missing, f"{slug}: the checks read {part}.{missing}, not in spec_catalog/contract/{slug}.yaml"


@pytest.mark.parametrize("slug", [slug for slug in DOMAINS if slug != "jumin"])
def test_every_field_has_a_meaning_or_the_checks_that_read_it(slug: str) -> None:
    reads = answer_reads(slug)
    published = document(slug)
    for part, query_part in contract(slug).query.items():
        schema = published["paths"][QUERY_PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        published_part = schema["properties"][part]
        # A part that may be null (query_part.nullable) publishes its shape or null; a part read as a list
        # (query_part.type "list") publishes its fields as those of each entry.
        published_part = published_part["anyOf"][0] if query_part.nullable else published_part
        properties = (published_part["items"] if query_part.type == "list" else published_part)["properties"]
        for name, field in query_part.fields.items():
            described = properties[name]
            assert described.get("description"), f"{slug}: {part}.{name} has no meaning"
            if name in reads.get(part, {}):
                assert described.get("x-requirements"), f"{slug}: {part}.{name}: read, but serves no requirement"
            else:
                assert field.meaning, f"{slug}: {part}.{name} is read by no check and has no meaning"


def test_the_record_items_are_those_the_reference_accepts() -> None:
    """The reference refuses an item it does not know (400: the run's check would be ERROR), so a clean run sends
    only these; the contract must list exactly them, 業務 by 業務."""
    published: dict[str, frozenset[str]] = {}
    for slug in DOMAINS:
        for gyomu, items in record_items(contract(slug)).items():
            assert gyomu not in published, f"業務 {gyomu} in two contracts"
            published[gyomu] = items
    assert published == dict(DOMAIN_RECORDS)


def test_a_query_part_requires_no_other_domains_part() -> None:
    """A 介護-only product answers only its own part (issue 64: the only schema required them all)."""
    schema = _answer_schema("kaigo")
    assert schema["required"] == ["介護保険"]
    assert schema["additionalProperties"] is True
    jsonschema.validate({"宛名番号": "1", "年度": 2025, "介護保険": _kaigo_answer()}, schema)


def test_a_part_read_as_a_list_is_published_as_a_list_of_its_entries() -> None:
    """戸籍の附票's 本人確認情報の保存 is a list of notices (the checks read each notice and its next): published as an
    object with no fields before, a vendor answering from the contract alone could not pass fuhyo.identity_kept."""
    part = _answer_schema("koseki_fuhyo")["properties"]["本人確認情報の保存"]
    assert part["type"] == "array"
    assert set(part["items"]["properties"]) == {"区分", "通知日", "保存期限"}
    notices = [{"区分": "記載", "通知日": "2025-04-01", "保存期限": "2175-03-31"},
               {"区分": "消除", "通知日": "2025-05-01", "保存期限": "2175-04-30"}]
    jsonschema.validate(notices, part)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"区分": "記載"}, part)
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate([{**notices[0], "区分": "作成"}], part)
    assert list(caught.value.absolute_path) == [0, "区分"]
    # An object part stays an object (every other part of every domain).
    assert _answer_schema("kaigo")["properties"]["介護保険"]["type"] == "object"


def test_a_part_the_text_leaves_empty_for_some_persons_is_published_as_null_or_its_shape() -> None:
    """戸籍の附票 is made per 戸籍 (住民基本台帳法 第16条第1項): a person in no 戸籍 of the town has none, answered
    null; the published schema accepts null or the object, and refuses any other type at the part."""
    part = _answer_schema("koseki_fuhyo")["properties"]["戸籍の附票"]
    assert [shape["type"] for shape in part["anyOf"]] == ["object", "null"]
    assert "null" in part["description"].lower()
    jsonschema.validate(None, part)
    shown = {"本籍": "東京都千代田区千代田一番", "筆頭者氏名": "山田　太郎"}
    jsonschema.validate({"戸籍の表示": shown, "記載": []}, part)
    for wrong in ([], "なし", {"記載": {}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, part)


def test_a_wrong_type_or_value_is_refused_at_its_field() -> None:
    schema = _answer_schema("kaigo")
    wrong = {**_kaigo_answer(), "賦課月": "2025-04"}
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate({"介護保険": wrong}, schema)
    assert list(caught.value.absolute_path) == ["介護保険", "賦課月"]
    with pytest.raises(jsonschema.ValidationError) as missing:
        jsonschema.validate({"国民健康保険": {}}, schema)
    assert "介護保険" in missing.value.message


def test_a_record_item_outside_its_values_is_refused() -> None:
    published = document("jido_teate")
    record = published["components"]["schemas"]["record_jido_teate"]
    good = {"宛名番号": "1000000019", "業務": "児童手当", "記録": {"施設入所等_種別": "里親", "他方_同居": "1"}}
    jsonschema.validate(good, record)
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate({**good, "記録": {"施設入所等_種別": "祖父母"}}, record)
    assert list(caught.value.absolute_path) == ["記録", "施設入所等_種別"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**good, "記録": {"本人_所属": "x"}}, record)


@pytest.mark.parametrize(("slug", "path"), [("kaigo", RECORDS_PATH), ("kaigo", FORM_PATH), ("senkyo", FORM_PATH),
                                           ("koseki_fuhyo", "/admin/koseki"), ("jido_teate", QUERY_PATH),
                                           ("kokuho", FEED_PATH), ("shugaku", FEED_PATH), ("jido_teate", FEED_PATH)])
def test_the_paths_a_domain_needs_are_listed(slug: str, path: str) -> None:
    assert path in document(slug)["paths"]


def test_a_record_says_what_its_groups_say_of_it() -> None:
    """A group's meaning is published whole on its 業務's record: 就学's says the record comes with the 保護者's
    宛名番号, about the household's one 子 (an outsider's product keyed it by the child and failed 13 requirements)."""
    component = document("shugaku")["components"]["schemas"]["record_shugaku"]
    assert "保護者's 宛名番号 (the 世帯主)" in component["description"]
    for slug in DOMAINS:
        for gyomu, groups in contract(slug).records.items():
            published = next(schema for schema in document(slug)["components"]["schemas"].values()
                             if schema.get("title") == gyomu)
            for group in groups:
                assert group.meaning is None or group.meaning in published["description"], (slug, gyomu)


def _editions(slug: str) -> list[EditionCatalog]:
    return [load_edition(found.parent) for found in sorted((ROOT / slug).glob("*/edition.yaml"))]


def test_the_feed_is_published_where_a_check_feeds_it_and_only_there() -> None:
    """就学 binds only the cross-domain machine, which a product without 住民記録's driver is judged on through the
    feed: its contract lists the feed (an outsider's 就学 product had to find it in docs/driver.md, issue 66); a
    domain whose checks feed nothing (戸籍, 印鑑登録) lists none."""
    for slug in DOMAINS:
        bound = {getattr(check, "name", None) for edition in _editions(slug) for requirement in edition.requirements
                 for check in requirement.checks}
        feeds = bool(bound & {"model.world.feed", "model.world.domains"})
        assert (FEED_PATH in document(slug)["paths"]) is feeds, slug


def test_as_of_says_its_default() -> None:
    parameters = document("kokuho")["paths"][QUERY_PATH]["get"]["parameters"]
    as_of = next(parameter for parameter in parameters if parameter["name"] == "as_of")
    assert "Absent: the day of the query" in as_of["description"]
    assert {"400", "404"} <= set(document("kokuho")["paths"][QUERY_PATH]["get"]["responses"])


def test_a_bad_contract_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "contract").mkdir()
    (tmp_path / "contract" / "kaigo.yaml").write_text(
        "domain: kaigo\nquery:\n  介護保険:\n    meaning: m\n    fields:\n      資格取得日: {type: day}\n", "utf-8")
    with pytest.raises(SpecError) as caught:
        load_contract(tmp_path, "kaigo")
    assert "kaigo.yaml:6" in str(caught.value)
    assert "day" in str(caught.value)


def test_a_list_read_is_published_paged_as_the_resident_feed() -> None:
    """senkyo's 選挙人名簿 of a 投票区 (contract ``lists``): its path parameter, as_of required, offset and limit as
    住民記録's 異動差分 pages them, and a page of {選挙人, next_offset} whose entries need 宛名番号 and 表示."""
    operation = document("senkyo")["paths"]["/senkyo/voting-districts/{投票区}/roll"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert operation["operationId"] == "get_voter_roll"
    assert (parameters["投票区"]["in"], parameters["as_of"]["required"]) == ("path", True)
    assert parameters["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000}
    page = operation["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.validate({"選挙人": [{"宛名番号": "1000000015", "表示": False}], "next_offset": None}, page)
    with pytest.raises(jsonschema.ValidationError, match="'表示' is a required property"):
        jsonschema.validate({"選挙人": [{"宛名番号": "1000000015"}], "next_offset": 1}, page)


def test_a_list_read_whose_path_and_parameters_differ_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "contract").mkdir()
    (tmp_path / "contract" / "senkyo.yaml").write_text(
        "domain: senkyo\nlists:\n  roll:\n    path: /rolls/{区}\n    operation: get_roll\n    meaning: m\n"
        "    entries: e\n    fields: {宛名番号: {type: text}}\n", "utf-8")
    with pytest.raises(SpecError, match=r"senkyo\.yaml: lists\.roll: the path's parameters \['区'\] are not those "
                                        r"described \[\]"):
        load_contract(tmp_path, "senkyo")


def _answer_schema(slug: str) -> dict[str, Any]:
    schema: dict[str, Any] = \
        document(slug)["paths"][QUERY_PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def _kaigo_answer() -> dict[str, Any]:
    return {"第1号被保険者": True, "資格取得日": "2025-03-31", "資格喪失日": None, "賦課月": [{"月": "2025-03"}],
            "第2号被保険者": False, "住所地特例_市区町村コード": None, "要介護認定_効力発生日": None,
            "要介護認定_処分期限": None}


def _vocabularies() -> dict[tuple[str, str], tuple[str, ...]]:
    """The coded record items whose values the judge's oracles name (what the checks send, and all they may)."""
    from conformance.domains.hojin_juminzei import oracle as hojin_juminzei
    from conformance.domains.jido_fuyo_teate import oracle as jido_fuyo_teate
    from conformance.domains.jido_teate import checks as jido_teate_checks
    from conformance.domains.jido_teate import oracle as jido_teate
    from conformance.domains.kaigo import oracle as kaigo
    from conformance.domains.keijidosha_zei import oracle as keijidosha_zei
    from conformance.domains.kenko_kanri import oracle as kenko_kanri
    from conformance.domains.kojin_juminzei import oracle as kojin_juminzei
    from conformance.domains.koki_korei import oracle as koki_korei
    from conformance.domains.kokuho import oracle as kokuho
    from conformance.domains.kokumin_nenkin import oracle as kokumin_nenkin
    from conformance.domains.kotei_shisan_zei import checks as kotei
    from conformance.domains.kotei_shisan_zei import oracle as kotei_shisan_zei
    from conformance.domains.seikatsu_hogo import oracle as seikatsu_hogo
    from conformance.domains.senkyo import applications as senkyo_applications
    from conformance.domains.senkyo import disqualification as senkyo_disqualification
    from conformance.domains.senkyo import inspection as senkyo_inspection
    from conformance.domains.senkyo import oracle as senkyo
    from conformance.domains.senkyo import people as senkyo_people
    from conformance.domains.shogaisha_fukushi import checks as shogaisha_fukushi
    from conformance.domains.shugaku import oracle as shugaku

    measure = ("有", "無")
    return {
        ("kaigo", "入所等_区分"): kaigo.FACILITY_KINDS, ("kaigo", "入所等_入所措置"): measure,
        ("kaigo", "要介護認定_要介護状態区分"): kaigo.CARE_LEVELS,
        ("kokuho", "適用除外_区分"): (*kokuho.EMPLOYEE_COVERAGE, *kokuho.DAY_LABOURER_COVERAGE, kokuho.UNION_COVERAGE,
                                      kokuho.BOOK_COVERAGE),
        ("kokuho", "入院等_区分"): kokuho.FACILITIES, ("kokuho", "入院等_入所措置"): measure,
        ("koki_korei", "入院等_区分"): koki_korei.FACILITIES, ("koki_korei", "入院等_入所措置"): measure,
        ("jido_teate", "施設入所等_種別"): tuple(jido_teate.FACILITIES),
        # 本人_区分's words as the worked examples of 第4条第2項 (未成年後見人) and 第3項 (父母) send them.
        ("jido_teate", "本人_区分"): tuple({example.record("児童手当")["本人_区分"] for example in (
            jido_teate_checks.PARENTS, jido_teate_checks.GUARDIANS)}),
        ("senkyo", "刑_種類"): (senkyo.IMPRISONMENT, senkyo.FINE),
        ("senkyo", "罪_区分"): (senkyo.BRIBERY, senkyo.ELECTION_CRIME, senkyo.OTHER_CRIME),
        ("senkyo", "選挙_種類"): senkyo_people._KINDS,
        ("senkyo", "区域変更_種類"): (senkyo.MERGER, senkyo.BOUNDARY_CHANGE),
        ("senkyo", "閲覧_活動"): (senkyo_applications.CONFIRMATION, senkyo_applications.POLITICAL_ACTIVITY,
                                  senkyo_applications.RESEARCH),
        ("senkyo", "閲覧_申出者区分"): (senkyo_applications.ELECTOR, senkyo_applications.CANDIDATE,
                                     senkyo_applications.POLITICAL_GROUP, senkyo_applications.STATE_ORGAN,
                                     senkyo_applications.CORPORATION, senkyo_applications.INDIVIDUAL),
        ("senkyo", "閲覧_閲覧者区分"): (senkyo_applications.APPLICANT_SELF, senkyo_applications.DESIGNEE,
                                     senkyo_applications.MEMBER_DESIGNATED, senkyo_applications.UNDESIGNATED,
                                     senkyo_applications.JOINT_MEMBER_DESIGNATED, senkyo_applications.APPROVED_HANDLER,
                                     senkyo_applications.STAFF_DESIGNATED),
        **{("senkyo", item): (senkyo_inspection.STATED,) for item in senkyo_inspection.ALL_STATED},
        ("senkyo", senkyo_inspection.APPROVED_ITEM): (_senkyo_approval(),),
        ("senkyo", "異議_決定"): (senkyo.UPHELD, senkyo.DISMISSED),
        ("senkyo", "在外異議_決定"): (senkyo.UPHELD, senkyo.DISMISSED),
        ("senkyo", "異議_求め"): (senkyo.SEEKS_REGISTRATION, senkyo.SEEKS_REMOVAL),
        ("senkyo", "在外異議_求め"): (senkyo.SEEKS_OVERSEAS, senkyo.SEEKS_OVERSEAS_REMOVAL, senkyo.SEEKS_TRANSFER,
                                   senkyo.SEEKS_RETURN),
        ("senkyo", "本籍地"): (senkyo_disqualification.DOMICILE_HERE, senkyo_disqualification.DOMICILE_ELSEWHERE),
        ("shogaisha_fukushi", "一次判定区分"): shogaisha_fukushi.CATEGORIES,
        ("shogaisha_fukushi", "審査判定区分"): shogaisha_fukushi.CATEGORIES,
        ("kotei_shisan_zei", "資産区分"): kotei_shisan_zei.ASSET_KINDS,
        ("kotei_shisan_zei", "特別の事情"): kotei_shisan_zei.SPECIAL_CIRCUMSTANCES,
        ("kotei_shisan_zei", "新規課税年度区分"): (kotei_shisan_zei.kotei_year_kind(2025),
                                              kotei_shisan_zei.kotei_year_kind(2026)),
        ("kotei_shisan_zei", "地目又は家屋の種類"): (*kotei_shisan_zei.LAND_CATEGORIES,
                                               *kotei_shisan_zei.HOUSE_CATEGORIES),
        ("kotei_shisan_zei", "償却資産種類"): ("船舶", "車両", "機械", *kotei_shisan_zei.VEHICLES_TAXED_ELSEWHERE),
        ("kotei_shisan_zei", "権利"): _sent("固定資産税", "権利", kotei.SUPERFICIES_101, kotei.OWNER_UNDER_100,
                                         kotei.PLEDGEE),
        ("kotei_shisan_zei", "売買の地位"): _sent("固定資産税", "売買の地位", kotei.RESERVED_BUYER,
                                             kotei.UNRESERVED_BUYER),
        ("kotei_shisan_zei", "農地の地位"): _sent("固定資産税", "農地の地位", kotei.FARM_USER_ON_TRANSFER_DAY,
                                             kotei.FARM_BUYER_AFTER),
        ("kotei_shisan_zei", "信託の地位"): _sent("固定資産税", "信託の地位", kotei.TRUST_LESSEE, kotei.TRUST_COMPANY),
        ("kokumin_nenkin", "法定免除_区分"): kokumin_nenkin.EXEMPT_KINDS,
        ("kojin_juminzei", "第295条第1項第2号区分"): kojin_juminzei.LOW_INCOME_CATEGORIES,
        ("hojin_juminzei", "法人区分"): (hojin_juminzei.FOREIGN, hojin_juminzei.EXEMPT_PUBLIC,
                                        hojin_juminzei.PUBLIC_INTEREST, hojin_juminzei.UNINCORPORATED,
                                        hojin_juminzei.TRUSTEE),
        ("keijidosha_zei", "車両区分"): tuple(keijidosha_zei.STANDARD_RATES),
        ("seikatsu_hogo", "給付内容"): tuple(seikatsu_hogo.BENEFITS),
        ("seikatsu_hogo", "申請者区分"): tuple(seikatsu_hogo.APPLICANTS),
        ("jido_fuyo_teate", "公的年金給付_種別"): (*jido_fuyo_teate.PUBLIC_PENSIONS, *jido_fuyo_teate.NOT_PUBLIC),
        ("kenko_kanri", "医療保険"): (kenko_kanri.INSURED, kenko_kanri.UNINSURED),
        ("kenko_kanri", "生活保護"): (kenko_kanri.ON_WELFARE, kenko_kanri.WELFARE_STOPPED, kenko_kanri.NO_WELFARE),
        ("kenko_kanri", "指定区域_範囲"): (kenko_kanri.WHOLE_AREA, kenko_kanri.PART_OF_AREA),
        ("shugaku", "第6条_事由"): tuple(shugaku.ARTICLE_6_EVENTS), ("shugaku", "届出"): tuple(
            shugaku.EXEMPTING_NOTIFICATIONS), ("shugaku", "猶予免除_区分"): (shugaku.DEFERRED, shugaku.EXEMPTED),
    }


def _sent(gyomu: str, item: str, *examples: Any) -> tuple[str, ...]:
    """The values of ``item`` the worked ``examples`` (the checks' own scenarios) send in their ``gyomu`` record."""
    return tuple(sorted({example.record(gyomu)[item] for example in examples}))


def _senkyo_approval() -> str:
    """What the harness sends as 閲覧_承認法人 when 第28条の2第8項's 承認 was given (the generator's own word)."""
    from conformance.domains.senkyo import applications, inspection, people

    application = applications.Application(applications.POLITICAL_ACTIVITY, applications.POLITICAL_GROUP,
                                           applications.APPROVED_HANDLER, True, frozenset())
    return inspection._with_application(people._LONG, application).record(people.RECORD)[inspection.APPROVED_ITEM]


@pytest.mark.parametrize(("slug", "item"), list(_vocabularies()))
def test_a_coded_record_item_lists_the_values_the_oracle_knows(slug: str, item: str) -> None:
    """Issue 64: 入所等_区分, 適用除外_区分, 入院等_区分, 施設入所等_種別's words, 罪_区分, 刑_種類 were listed
    nowhere a vendor reads."""
    fields = {name: field for groups in contract(slug).records.values() for group in groups
              for name, field in group.items.items()}
    assert set(fields[item].values) == set(_vocabularies()[(slug, item)])


#: The statute contracts whose every record item and answer field states its own meaning (issue 65: the contract alone
#: must suffice); a contract joins when it is done, so that none falls back to its group's paragraph again.
EXPLAINED = ("kojin_juminzei", "hojin_juminzei", "keijidosha_zei", "seikatsu_hogo", "jido_fuyo_teate",
             "kaigo", "kokuho", "inkan", "kodomo_kosodate", "senkyo", "jido_teate", "shogaisha_fukushi",
             "kotei_shisan_zei", "koseki_fuhyo", "shugaku", "koki_korei", "kokumin_nenkin", "kenko_kanri")


@pytest.mark.parametrize("slug", EXPLAINED)
def test_every_record_item_and_answer_field_has_its_own_meaning(slug: str) -> None:
    """Outsiders met record items with only their group's paragraph and answer fields explained by nothing but the
    name of the check that reads them."""
    published = contract(slug)
    unexplained = [f"{gyomu}.{name}" for gyomu, groups in published.records.items() for group in groups
                   for name, item in group.items.items() if not item.meaning]
    unexplained += [f"{part}.{name}" for part, query_part in published.query.items()
                    for name, field in query_part.fields.items() if not field.meaning]
    assert unexplained == [], f"{slug}: no meaning of their own: {unexplained}"


def test_the_coverage_test_names_each_item_outside_the_contract() -> None:
    """tests/catalog/test_contract_coverage.py on made traffic: a path, a parameter, a record item, a value and an
    answer field the contract does not list are each named."""
    from test_contract_coverage import fields_outside, items_outside, parts_invalid, requests_outside

    def entry(method: str, path: str, *, query: tuple[str, ...] = (), body: Any = None, answer: Any = None,
              requirement: str = "kaigo-2025.12-1.9.0.1.1-R001") -> dict[str, Any]:
        request: dict[str, Any] = {"method": method, "url": f"http://127.0.0.1:1/api/v1{path}",
                                   "queryString": [{"name": name, "value": "1"} for name in query]}
        if body is not None:
            request["postData"] = {"text": json.dumps(body, ensure_ascii=False)}
        content = {"text": json.dumps(answer, ensure_ascii=False)} if answer is not None else {}
        return {"_requirements": [requirement], "request": request, "response": {"status": 200, "content": content}}

    record = {"宛名番号": "1", "業務": "介護保険", "記録": {"医療保険_加入年月日": "2020-01-01", "入所等_区分": "病院"}}
    traffic = [
        entry("GET", "/residents/1/qualifications", query=("fiscal_year", "as_of"),
              answer={"介護保険": {"第1号被保険者": True, "賦課月": [{"月": "2025-04", "額": 1}]}}),
        entry("GET", "/residents/1/qualifications", query=("fiscal_year", "day")),
        entry("POST", "/admin/pensions"),
        entry("POST", RECORDS_PATH, body=record),
        entry("POST", RECORDS_PATH, body={**record, "記録": {"医療保険_種別": "健保"}}),
    ]
    missing, judged = requests_outside(traffic)
    assert judged == 5
    assert missing == {"GET /residents/1/qualifications?['day', 'fiscal_year'] (kaigo)", "POST /admin/pensions (kaigo)"}
    outside, sent = items_outside(traffic)
    assert sent == 3
    assert outside == {"介護保険.入所等_区分='病院' (allowed: ['介護保険施設', '特定施設', '養護老人ホーム'])",
                       "介護保険.医療保険_種別"}
    fields, parts = fields_outside(traffic)
    assert (fields, parts) == ({"介護保険.賦課月.額"}, {"介護保険"})
    invalid, judged = parts_invalid([entry("GET", "/residents/1/qualifications", answer={
        "介護保険": {"資格取得日": "2025/04/01", "第1号被保険者": "1", "資格喪失日": "＊＊＊＊"}})])
    assert judged == {"object": 1}
    assert {line.split(":")[0] for line in invalid} == {"介護保険/資格取得日", "介護保険/第1号被保険者"}
    # Null and list parts are judged too: null where the contract allows it (戸籍の附票) passes, elsewhere it is
    # refused at the part; a list part's entries are validated, and an object where a list is published is refused.
    invalid, judged = parts_invalid([
        entry("GET", "/residents/1/qualifications", answer={"介護保険": None, "戸籍の附票": None}),
        entry("GET", "/residents/1/qualifications", answer={"本人確認情報の保存": [{"区分": "作成"}]}),
        entry("GET", "/residents/1/qualifications", answer={"本人確認情報の保存": {"区分": "記載"}})])
    assert judged == {"null": 2, "list": 1, "object": 1}
    assert {line.split(":")[0] for line in invalid} == {"介護保険/", "本人確認情報の保存/0/区分", "本人確認情報の保存/"}
    fields, parts = fields_outside([entry("GET", "/residents/1/qualifications", answer={
        "本人確認情報の保存": [{"区分": "記載", "通知先": "x"}]})])
    assert (fields, parts) == ({"本人確認情報の保存.通知先"}, {"本人確認情報の保存"})


def test_the_driver_document_says_what_the_harness_reads_of_each_answer() -> None:
    """Issue 64: query.person, query.history and query.household answered a generic {"result": "ok"}."""
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", "jumin", "--driver"])
    assert result.exit_code == 0, result.output
    paths = json.loads(result.stdout)["paths"]

    def read(path: str, method: str = "get") -> set[str]:
        schema = paths[path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        return set(schema["allOf"][1]["properties"])

    assert read("/driver/v1/persons/{宛名番号}") == {"person"}
    assert read("/driver/v1/persons/{宛名番号}/history") == {"rows"}
    assert read("/driver/v1/households/{世帯番号}") == {"members", "消除者"}
    assert "oldest first" in paths["/driver/v1/persons/{宛名番号}/history"]["get"]["responses"]["200"]["description"]
    fixtures = paths["/driver/v1/fixtures/persons"]["post"]
    assert fixtures["x-defaults"]["住民状態"] == "1"
    assert read("/driver/v1/fixtures/persons", "post") == {"persons"}


def test_the_walkthrough_profiles_load_and_name_only_what_the_contract_publishes(tmp_path: Path) -> None:
    """docs/vendor-walkthrough.md: each profile it shows is a valid profile, its load paths are paths of its domain's
    contract, and it names no file of the reference vendor."""
    import re

    from conformance.profiles import load_profile

    text = (Path(__file__).resolve().parents[2] / "docs" / "vendor-walkthrough.md").read_text("utf-8")
    assert "conformance_reference" not in text
    blocks = re.findall(r"```yaml\n(.+?)```", text, re.S)
    assert len(blocks) == 2
    for number, block in enumerate(blocks):
        path = tmp_path / f"profile{number}.yaml"
        path.write_text("\n".join(line.removeprefix("   ") for line in block.splitlines()) + "\n", "utf-8")
        profile = load_profile(path)
        load = profile.targets.load
        assert load is not None
        for claim in profile.claims:
            paths = document(claim.domain)["paths"]
            assert {load.path, load.append_path} <= set(paths)
            assert load.records_path is None or load.records_path in paths


def test_no_doc_sends_a_vendor_to_the_reference_for_an_interface_item() -> None:
    """Issue 64: docs/checks.md sent the vendor to the reference's list of record items."""
    root = Path(__file__).resolve().parents[2]
    for path in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = path.read_text("utf-8")
        assert "listed in `conformance_reference" not in text, path.name
        assert "items in `conformance_reference" not in text, path.name
    # An outside 就学 product's author was sent to the judge for the form ids and to the reference for a model
    # profile and the 学齢簿's print: the vendor's pages name neither, except in a marked developers' note.
    for name in ("README.md", "docs/profiles.md", "docs/vendor-walkthrough.md"):
        text = (root / name).read_text("utf-8")
        assert "conformance/catalog/statute_forms.py" not in text, name
        assert "`vendor_profiles/reference.yaml` is the worked example" not in text, name
    for name in ("docs/profiles.md", "docs/forms.md", "docs/vendor-walkthrough.md"):
        lines = (root / name).read_text("utf-8").splitlines()
        outside = [line for line in lines if "conformance_reference" in line and not line.startswith(">")
                   and not line.startswith("|")]
        assert outside == [], (name, outside)


def test_the_forms_page_lists_every_statute_form_as_the_catalog_does() -> None:
    root = Path(__file__).resolve().parents[2]
    table = statute_form_table(default_catalog_root(), domain_folders())
    assert table in (root / "docs" / "forms.md").read_text("utf-8")
    assert table.count("\n| `") == len(STATUTE_FORMS)


def test_a_coded_answer_field_lists_the_values_the_oracle_answers() -> None:
    """The fixed strings of an answer the checks compare (児童手当's 受給者 本人/他方, 選挙人名簿's 登録根拠)."""
    from conformance.domains.jido_fuyo_teate.oracle import Kind
    from conformance.domains.kokuho import oracle as kokuho
    from conformance.domains.kokumin_nenkin import oracle as nenkin
    from conformance.domains.senkyo import oracle as senkyo

    copay = contract("kokuho").query["国民健康保険"].fields["一部負担金割合"].values
    assert set(copay) == {kokuho.THREE_TENTHS, kokuho.TWO_TENTHS}
    kinds = contract("jido_fuyo_teate").query["児童扶養手当"].fields["支給区分"].values
    assert set(kinds) == set(get_args(Kind))

    fields = contract("jido_teate").query["児童手当"].fields
    assert set(fields["受給者"].values) == {"本人", "他方"}
    assert set(fields["受給資格者区分"].values) == {"一般受給資格者", "施設等受給資格者"}
    grounds = contract("senkyo").query["選挙人名簿"].fields["登録根拠"].values
    assert set(grounds) == {senkyo.BY_SCHEDULE, senkyo.BY_SCHEDULE_IN_ELECTION, senkyo.BY_ELECTION,
                            senkyo.BY_CORRECTION}
    # 抹消事由's fixed strings (issue 64 names them): every reason the oracle answers, and no other.
    struck = contract("senkyo").query["選挙人名簿"].fields
    assert set(struck["抹消事由"].values) == {senkyo.STRUCK_OFF_DEATH, senkyo.STRUCK_OFF_MOVED,
                                           senkyo.STRUCK_OFF_TRANSFER, senkyo.STRUCK_OFF_WRONGLY_REGISTERED}
    # 障害者福祉's 区分 as the 審査判定区分 the harness sends; one 月間支給量 key per kind of 支給量_<kind> it sends.
    from conformance.domains.shogaisha_fukushi import checks as shogaisha_fukushi

    welfare = contract("shogaisha_fukushi").query["障害者福祉"].fields
    assert set(welfare["障害支援区分"].values) == set(shogaisha_fukushi.CATEGORIES)
    assert set(welfare["月間支給量"].fields) == set(shogaisha_fukushi.SERVICES)
    items = record_items(contract("shogaisha_fukushi"))["障害者福祉"]
    assert {f"支給量_{kind}" for kind in shogaisha_fukushi.SERVICES} <= items
    # 固定資産税's 年度区分 and 課税台帳 as the oracle names them.
    from conformance.domains.kotei_shisan_zei import oracle as kotei_oracle

    tax = contract("kotei_shisan_zei").query["固定資産税"].fields
    assert set(tax["年度区分"].values) == {kotei_oracle.kotei_year_kind(year) for year in (2024, 2025, 2026)}
    assert set(tax["課税台帳"].values) == set(kotei_oracle.LEDGERS)
    assert set(tax["資産区分"].values) == set(kotei_oracle.ASSET_KINDS)
    # 戸籍の附票's 男女の別, 旨 and notice 区分 as the oracle and the checks word them.
    from conformance.domains.koseki_fuhyo import oracle as fuhyo

    entry = contract("koseki_fuhyo").query["戸籍の附票"].fields["記載"].fields
    assert set(entry["男女の別"].values) == set(fuhyo.SEX.values())
    assert set(entry["在外選挙人名簿等"].fields["旨"].values) == set(fuhyo.OVERSEAS_KINDS)
    notice_kinds = {fuhyo.RECORDED, "記載の修正", fuhyo.REMOVED}
    assert set(entry["附票本人確認情報"].fields["区分"].values) == notice_kinds
    assert set(contract("koseki_fuhyo").query["本人確認情報の保存"].fields["区分"].values) == notice_kinds
    # 就学's 記載事由 and 区分 (an outside product met 記載事由's 「作成」 only in a finding).
    shugaku = contract("shugaku").query["就学"].fields
    # 国民年金法 第7条第1項's 号 as the oracle names them (issue 65 F1: the outside vendor answered 第1号被保険者); null
    # for none of them.
    category = contract("kokumin_nenkin").query["国民年金"].fields["被保険者種別"]
    assert set(category.values) == {nenkin.FIRST_INSURED, nenkin.SECOND_INSURED, nenkin.THIRD_INSURED}
    assert category.nullable
    assert set(shugaku["就学予定者"].fields["者"].fields["記載事由"].values) == {"作成", "転入"}
    assert set(shugaku["学齢簿"].fields["区分"].values) == {"学齢児童", "学齢生徒"}
    # 第11条第3項's 事由 as the oracle words them.
    notice = struck["選挙権喪失通知"].fields["事由"].values
    assert set(notice) == {senkyo.ARISEN, senkyo.CEASED}
    assert set(struck["在外_抹消事由"].values) == {senkyo.STRUCK_OFF_DEATH, senkyo.STRUCK_OFF_NATIONALITY,
                                              senkyo.OVERSEAS_STRUCK_OFF_RETURNED,
                                              senkyo.STRUCK_OFF_WRONGLY_REGISTERED}


def test_the_hojin_part_is_null_for_a_person_who_represents_no_corporation() -> None:
    """Issue 66, an outside 法人住民税-only product: its answer for a resident who represents no corporation (every
    person of the test town but the scenarios' representatives) was 法人住民税: null, which the published schema refused
    (an object was required of every person). Null or the object now; any other type is still refused."""
    part = _answer_schema("hojin_juminzei")["properties"]["法人住民税"]
    assert [shape["type"] for shape in part["anyOf"]] == ["object", "null"]
    assert "Null for a person who represents no corporation" in part["description"]
    jsonschema.validate(None, part)
    jsonschema.validate({"納税義務者": False, "課税区分": [], "均等割区分": None}, part)
    for wrong in ([], "なし", {"均等割区分": 0}, {"課税区分": "均等割"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, part)
