"""Catalog loading: valid entries load, each bad entry is one exact, located, actionable message."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from conformance.catalog.catalog import Catalog, EditionCatalog, LocatedError
from conformance.catalog.loader import load_catalog, load_edition, validate_path
from conformance.catalog.models import FileInterface, FunctionCheck, Level, ManualCheck
from conformance.errors import SpecError, UsageError

REPO = Path(__file__).resolve().parents[2]
REAL_EDITION = REPO / "spec_catalog" / "jumin" / "1.0"

EDITION_YAML = """\
domain: jumin
domain_name: 住民基本台帳
edition: '1.0'
document: 住民記録システム標準仕様書
published: 2020-09
publisher: 総務省
"""

# One requirement is 11 lines; under `requirements:` entry k starts at line 2 + 11 * k.
REQUIREMENT = """\
  - id: jumin-1.0-2.1-R{number:03d}
    kind: function
    level: required
    text: 住民票の写しを交付できること。
    source:
      document: 住民記録システム標準仕様書
      edition: '1.0'
      section: '2.1'
      title: 住民票の写し
      block: 実装すべき機能
      paragraph: {number}
"""

EDITION = Path("jumin/1.0")
CH02 = "jumin/1.0/requirements/ch02.yaml"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages show paths relative to the working directory: build the catalog there.
    monkeypatch.chdir(tmp_path)
    write("jumin/1.0/edition.yaml", EDITION_YAML)


def write(name: str, text: str) -> None:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def requirements(*numbers: int, replace: dict[str, str] | None = None) -> str:
    """``requirements:`` with the standard entries; ``replace`` edits the first occurrence of each key."""
    text = "requirements:\n" + "".join(REQUIREMENT.format(number=number) for number in numbers)
    for old, new in (replace or {}).items():
        text = text.replace(old, new, 1)
    return text


def errors_of(edition: EditionCatalog) -> list[str]:
    return [str(error) for error in edition.errors]


def ids(edition: EditionCatalog) -> list[str]:
    return [requirement.id for requirement in edition.requirements]


def load_ch02(text: str) -> EditionCatalog:
    write(CH02, text)
    return load_edition(EDITION)


def single_error(text: str) -> str:
    edition = load_ch02(text)
    assert len(edition.errors) == 1, errors_of(edition)
    return str(edition.errors[0])


# -- loading an edition again ----------------------------------------------------------------------


def test_an_unchanged_edition_is_not_parsed_again_and_a_changed_one_is() -> None:
    first = load_ch02(requirements(1, 2))
    assert load_edition(EDITION) is first  # the same files: the loaded edition, not a new parse
    changed = load_ch02(requirements(1, 3))  # same size, other bytes
    assert changed is not first and ids(changed) == ["jumin-1.0-2.1-R001", "jumin-1.0-2.1-R003"]
    write("jumin/1.0/requirements/ch03.yaml", "requirements: []\n")  # a file added
    assert load_edition(EDITION) is not changed


# -- a clean edition --------------------------------------------------------------------------------


def test_a_clean_minimal_edition_loads_without_errors() -> None:
    edition = load_ch02(requirements(1, 2))
    assert edition.errors == ()
    assert edition.edition is not None and edition.edition.published == "2020-09"
    assert (edition.domain, edition.edition_name) == ("jumin", "1.0")
    assert ids(edition) == ["jumin-1.0-2.1-R001", "jumin-1.0-2.1-R002"]
    assert edition.requirement("jumin-1.0-2.1-R002").level is Level.REQUIRED
    assert edition.requirement("jumin-1.0-2.1-R002").source.paragraph == 2


def test_requirements_come_in_file_order_sorted_by_relative_path() -> None:
    write("jumin/1.0/requirements/ch10.yaml", requirements(3))
    write("jumin/1.0/a.yaml", requirements(2))
    write(CH02, requirements(1))
    assert ids(load_edition(EDITION)) == ["jumin-1.0-2.1-R002", "jumin-1.0-2.1-R001", "jumin-1.0-2.1-R003"]


def test_requirement_lookup_suggests_a_close_id() -> None:
    edition = load_ch02(requirements(1))
    expected = r"unknown requirement 'jumin-1.0-2.1-R01'; did you mean 'jumin-1.0-2.1-R001'\?"
    with pytest.raises(UsageError, match=expected):
        edition.requirement("jumin-1.0-2.1-R01")


# -- one message per mistake ------------------------------------------------------------------------


def test_a_misspelt_field_names_the_allowed_fields_and_the_likely_one() -> None:
    assert single_error(requirements(1, replace={"level:": "levle:"})) == (
        f"{CH02}:4: requirements[0]: unknown field 'levle'; allowed fields: id, kind, level, text, source, "
        "function_id, form_id, checks, provision, interpretation, duty, duty_reason, not_automated_reason, part; "
        "did you mean 'level'?"
    )


def test_a_bad_level_lists_the_levels_and_suggests_one() -> None:
    assert single_error(requirements(1, replace={"level: required": "level: requred"})) == (
        f"{CH02}:4: requirements[0].level: 'requred' is not allowed; expected one of: required, optional, "
        "prohibited; did you mean 'required'?"
    )


def test_a_bad_id_shows_the_pattern() -> None:
    assert single_error(requirements(1, replace={"R001": "r001"})) == (
        f"{CH02}:2: requirements[0].id: 'jumin-1.0-2.1-r001' does not match the pattern "
        r"^[a-z_]+-[0-9]+\.[0-9]+-[0-9]+(\.[0-9]+)*-[ROP][0-9]{3}$"
    )


def test_a_nested_bad_value_names_its_full_path() -> None:
    text = requirements(1, 2, replace={"section: '2.1'": "section: 2.x"})
    assert single_error(text) == (
        f"{CH02}:9: requirements[0].source.section: '2.x' does not match the pattern ^[0-9]+(\\.[0-9]+)*$"
    )


def test_a_missing_field_points_at_its_entry() -> None:
    text = requirements(1, 2, replace={"    text: 住民票の写しを交付できること。\n": ""})
    assert single_error(text) == f"{CH02}:2: requirements[0]: missing required field 'text'"


def test_a_wrong_type_names_expected_and_actual() -> None:
    assert single_error(requirements(1, replace={"paragraph: 1": "paragraph: '1'"})) == (
        f"{CH02}:12: requirements[0].source.paragraph: expected an integer, got string '1'"
    )
    assert single_error(requirements(1, replace={"text: 住民票の写しを交付できること。": "text: 12"})) == (
        f"{CH02}:5: requirements[0].text: expected a string, got int 12"
    )


def test_a_long_bad_value_is_cut() -> None:
    long_text = "x" * 200
    message = single_error(requirements(1, replace={"kind: function": f"kind: {long_text}"}))
    cut = "'" + "x" * 76 + "..."
    assert message.startswith(f"{CH02}:3: requirements[0].kind: {cut} is not allowed; expected one of:")


def test_an_unknown_check_kind_lists_the_kinds() -> None:
    write("jumin/1.0/bindings.yaml", """\
        bindings:
          - requirement: jumin-1.0-2.1-R001
            checks:
              - kind: manul
                evidence: screenshot of the certificate
        """)
    assert single_error(requirements(1)) == (
        "jumin/1.0/bindings.yaml:4: bindings[0].checks[0].kind: unknown kind 'manul'; allowed kinds: manual, "
        "check; did you mean 'manual'?"
    )


def test_a_check_without_kind_lists_the_kinds() -> None:
    write("jumin/1.0/bindings.yaml", """\
        bindings:
          - requirement: jumin-1.0-2.1-R001
            checks:
              - evidence: screenshot
        """)
    assert single_error(requirements(1)) == (
        "jumin/1.0/bindings.yaml:4: bindings[0].checks[0]: missing required field 'kind'; "
        "allowed kinds: manual, check"
    )


def test_an_unknown_top_level_key_suggests_the_list() -> None:
    assert single_error(requirements(1).replace("requirements:", "requirement:")) == (
        f"{CH02}:1: unknown top-level key 'requirement'; allowed keys: requirements, bindings, data_items, "
        "code_tables, forms, interfaces, schemas, functions, id_changes, duties, not_automated, driver_operations, "
        "scenarios, interpretations; did you mean 'requirements'?"
    )


def test_errors_carry_the_entry_id_for_front_ends() -> None:
    edition = load_ch02(requirements(1, replace={"level: required": "level: requred"}))
    assert edition.errors[0].entry_id == "jumin-1.0-2.1-R001"
    assert edition.errors[0] == LocatedError(
        CH02, 4, edition.errors[0].message, entry_id="jumin-1.0-2.1-R001"
    )


# -- isolation --------------------------------------------------------------------------------------


def test_a_bad_entry_fails_only_itself() -> None:
    bad = REQUIREMENT.format(number=2).replace("level: required", "level: requred")
    text = "requirements:\n" + REQUIREMENT.format(number=1) + bad + REQUIREMENT.format(number=3)
    edition = load_ch02(text)
    assert errors_of(edition) == [
        f"{CH02}:15: requirements[1].level: 'requred' is not allowed; expected one of: required, optional, "
        "prohibited; did you mean 'required'?"
    ]
    assert ids(edition) == ["jumin-1.0-2.1-R001", "jumin-1.0-2.1-R003"]


def test_a_broken_file_fails_only_itself() -> None:
    write("jumin/1.0/requirements/ch01.yaml", requirements(1))
    write(CH02, "requirements:\n  - id: [unclosed\n")
    edition = load_edition(EDITION)
    assert [error.file for error in edition.errors] == [CH02]
    assert str(edition.errors[0]).startswith(f"{CH02}:3: YAML syntax error: ")
    assert ids(edition) == ["jumin-1.0-2.1-R001"]


def test_a_duplicate_yaml_key_fails_its_entry() -> None:
    text = requirements(1, 2, replace={"level: required": "level: required\n    level: optional"})
    edition = load_ch02(text)
    assert errors_of(edition) == [f"{CH02}:5: duplicate key 'level'; first defined at line 4"]
    assert edition.errors[0].entry_id == "jumin-1.0-2.1-R001"
    assert ids(edition) == ["jumin-1.0-2.1-R002"]


def test_a_yaml_syntax_error_is_located() -> None:
    message = single_error(requirements(1, replace={"level: required": "level: required\n\tlevel: optional"}))
    assert message.startswith(f"{CH02}:5: YAML syntax error: ")
    assert message.endswith("; indent with spaces, not tabs")


# -- rules across entries ---------------------------------------------------------------------------


def test_a_duplicate_id_across_files_names_both_places() -> None:
    write("jumin/1.0/requirements/ch01.yaml", requirements(1))
    edition = load_ch02(requirements(2, 1))
    assert errors_of(edition) == [
        f"{CH02}:13: requirements[1].id: duplicate id 'jumin-1.0-2.1-R001'; first defined at "
        "jumin/1.0/requirements/ch01.yaml:2"
    ]
    assert ids(edition) == ["jumin-1.0-2.1-R001", "jumin-1.0-2.1-R002"]


def test_a_binding_to_an_unknown_id_suggests_a_known_one() -> None:
    write("jumin/1.0/bindings.yaml", """\
        bindings:
          - requirement: jumin-1.0-2.1-R010
            checks: [{kind: manual, evidence: screenshot}]
        """)
    assert single_error(requirements(1)) == (
        "jumin/1.0/bindings.yaml:2: bindings[0].requirement: unknown requirement 'jumin-1.0-2.1-R010'; "
        "did you mean 'jumin-1.0-2.1-R001'?"
    )


def test_two_bindings_for_one_requirement_are_an_error() -> None:
    write("jumin/1.0/bindings.yaml", """\
        bindings:
          - requirement: jumin-1.0-2.1-R001
            checks: [{kind: manual, evidence: a}]
          - requirement: jumin-1.0-2.1-R001
            checks: [{kind: manual, evidence: b}]
        """)
    assert single_error(requirements(1)) == (
        "jumin/1.0/bindings.yaml:4: bindings[1].requirement: duplicate binding for requirement "
        "'jumin-1.0-2.1-R001'; first defined at jumin/1.0/bindings.yaml:2; put all its checks in one binding"
    )


def test_checks_from_bindings_are_merged_into_requirements() -> None:
    write("jumin/1.0/bindings.yaml", """\
        bindings:
          - requirement: jumin-1.0-2.1-R002
            checks:
              - kind: manual
                evidence: screenshot of the certificate
              - kind: check
                name: jumin.certificate.date_styles
                params: {rule: required}
        """)
    edition = load_ch02(requirements(1, 2))
    assert edition.errors == ()
    assert edition.requirement("jumin-1.0-2.1-R001").checks == ()
    assert edition.requirement("jumin-1.0-2.1-R002").checks == (
        ManualCheck(kind="manual", evidence="screenshot of the certificate"),
        FunctionCheck(kind="check", name="jumin.certificate.date_styles", params={"rule": "required"}),
    )


def test_a_data_item_naming_an_unknown_code_table_is_an_error() -> None:
    write("jumin/1.0/data.yaml", """\
        code_tables:
          - id: zokugara
            name: 続柄
            codes: [{code: '01', label: 世帯主}]
            provenance: {reference: 基本データリスト}
        data_items:
          - id: setai.zokugara
            name: 続柄
            type: code
            code_table: zokugra
            provenance: {reference: 基本データリスト}
        """)
    edition = load_edition(EDITION)
    assert errors_of(edition) == [
        "jumin/1.0/data.yaml:10: data_items[0].code_table: unknown code table 'zokugra'; "
        "did you mean 'zokugara'?"
    ]
    assert [table.id for table in edition.code_tables] == ["zokugara"]
    assert edition.data_items == ()


# -- file layouts: widths belong to format fixed ------------------------------------------------------

# Line 2 is the entry, line 8 the first column, line 11 the second (氏名), line 13 its width.
FIXED_LAYOUT = """\
interfaces:
  - kind: file
    id: residents_fixed
    name: 住民データ（固定長）
    format: fixed
    encodings: [cp932]
    columns:
      - data_item: atena_number
        header: 宛名番号
        width: 10
      - data_item: name
        header: 氏名
        width: 100
    provenance: {reference: ours}
"""
INTERFACES = "jumin/1.0/interfaces.yaml"


def layout_errors(text: str) -> list[str]:
    write(INTERFACES, text)
    edition = load_edition(EDITION)
    assert edition.interfaces == ()  # an entry with an error is not loaded
    return errors_of(edition)


def test_a_fixed_layout_loads_with_its_widths_and_defaults() -> None:
    write(INTERFACES, FIXED_LAYOUT)
    edition = load_edition(EDITION)
    assert edition.errors == ()
    (layout,) = edition.interfaces
    assert isinstance(layout, FileInterface)
    assert [(c.header, c.width) for c in layout.columns] == [("宛名番号", 10), ("氏名", 100)]
    assert (layout.record_terminator, layout.padding) == ("crlf", " ")


def test_a_fixed_layout_column_without_a_width_is_refused() -> None:
    assert layout_errors(FIXED_LAYOUT.replace("        width: 100\n", "")) == [
        f"{INTERFACES}:11: interfaces[0].columns[1]: missing required field 'width' of column '氏名'; expected its "
        "width in bytes (format 'fixed': a double-byte character counts two)"
    ]


def test_a_csv_layout_column_with_a_width_is_refused() -> None:
    text = FIXED_LAYOUT.replace("format: fixed", "format: csv").replace("        width: 10\n", "")
    assert layout_errors(text) == [
        f"{INTERFACES}:12: interfaces[0].columns[1].width: 100 is not allowed in a 'csv' layout; expected no width "
        "(width is for format 'fixed' only)"
    ]


def test_a_csv_layout_refuses_the_record_terminator_and_padding() -> None:
    text = (FIXED_LAYOUT.replace("format: fixed", "format: csv\n    record_terminator: none\n    padding: '0'")
            .replace("        width: 10\n", "").replace("        width: 100\n", ""))
    assert layout_errors(text) == [
        f"{INTERFACES}:6: interfaces[0].record_terminator: 'none' is not allowed in a 'csv' layout; expected no "
        "record_terminator (record_terminator is for format 'fixed' only)",
        f"{INTERFACES}:7: interfaces[0].padding: '0' is not allowed in a 'csv' layout; expected no padding "
        "(padding is for format 'fixed' only)",
    ]


def test_a_fixed_layout_needs_columns_and_positive_widths() -> None:
    assert layout_errors(FIXED_LAYOUT.split("    columns:")[0] + "    provenance: {reference: ours}\n") == [
        f"{INTERFACES}:2: interfaces[0].columns: a 'fixed' layout needs at least one column, each with its width "
        "in bytes"
    ]
    assert layout_errors(FIXED_LAYOUT.replace("width: 100", "width: 0")) == [
        f"{INTERFACES}:13: interfaces[0].columns[1].width: 0 is too small; must be at least 1"
    ]
    unknown = FIXED_LAYOUT.replace("    format: fixed\n", "    format: fixed\n    record_terminator: cr\n")
    assert layout_errors(unknown) == [
        f"{INTERFACES}:6: interfaces[0].record_terminator: 'cr' is not allowed; expected one of: crlf, lf, none; "
        "did you mean 'crlf'?"
    ]


# -- file layouts: references (移行ファイル関連図) ------------------------------------------------------

# Line 2 is residents (its reference: column line 9, layout 10, key 11); line 13 households (its
# reference: column 20, layout 21, key 22); line 24 an API operation.
REFERENCES = """\
interfaces:
  - kind: file
    id: residents_csv
    name: 住民
    format: csv
    columns: [{data_item: household_number, header: 世帯番号}]
    provenance: {reference: ours}
    references:
      - column: 世帯番号
        layout: households_csv
        key: 世帯番号
    # households
  - kind: file
    id: households_csv
    name: 世帯
    format: csv
    columns: [{data_item: household_number, header: 世帯番号}]
    provenance: {reference: ours}
    references:
      - column: 世帯番号
        layout: residents_csv
        key: 世帯番号
  - kind: api
    id: get_household
    name: 世帯の照会
    method: get
    path: /households/{世帯番号}
    responses: [{status: 200, description: 世帯}]
    provenance: {reference: ours}
"""


def reference_errors(text: str) -> list[str]:
    write(INTERFACES, text)
    return errors_of(load_edition(EDITION))


def test_layouts_referring_to_each_other_load() -> None:
    write(INTERFACES, REFERENCES)
    edition = load_edition(EDITION)
    assert edition.errors == ()
    residents = edition.interfaces[0]
    assert isinstance(residents, FileInterface)
    assert [(r.column, r.layout, r.key) for r in residents.references] == [("世帯番号", "households_csv", "世帯番号")]


def test_a_reference_column_must_be_a_header_of_its_layout() -> None:
    assert reference_errors(REFERENCES.replace("      - column: 世帯番号\n        layout: households_csv",
                                               "      - column: 世帯番\n        layout: households_csv")) == [
        f"{INTERFACES}:9: interfaces[0].references[0].column: '世帯番' is not a column header of this layout; "
        "expected one of: 世帯番号; did you mean '世帯番号'?"
    ]


def test_a_reference_must_name_a_file_layout_of_the_edition() -> None:
    assert reference_errors(REFERENCES.replace("layout: households_csv", "layout: househols_csv")) == [
        f"{INTERFACES}:10: interfaces[0].references[0].layout: 'househols_csv' is not a file layout (no interface "
        "has this id); expected the id of a file layout of this edition: residents_csv, households_csv; "
        "did you mean 'households_csv'?"
    ]
    assert reference_errors(REFERENCES.replace("layout: households_csv", "layout: get_household")) == [
        f"{INTERFACES}:10: interfaces[0].references[0].layout: 'get_household' is not a file layout (it is an api "
        "interface); expected the id of a file layout of this edition: residents_csv, households_csv; "
        "did you mean 'households_csv'?"
    ]


def test_a_reference_key_must_be_a_header_of_the_other_layout() -> None:
    text = REFERENCES.replace("        layout: residents_csv\n        key: 世帯番号",
                              "        layout: residents_csv\n        key: 宛名番号")
    assert reference_errors(text) == [
        f"{INTERFACES}:22: interfaces[1].references[0].key: '宛名番号' is not a column header of layout "
        "'residents_csv'; expected one of: 世帯番号"
    ]


# -- edition.yaml and layout ------------------------------------------------------------------------


def test_a_missing_edition_yaml_is_an_error() -> None:
    Path("jumin/1.0/edition.yaml").unlink()
    edition = load_ch02(requirements(1))
    assert errors_of(edition) == [
        "jumin/1.0/edition.yaml:1: file not found; every edition directory needs an edition.yaml with: "
        "domain, domain_name, edition, document, published, publisher"
    ]
    assert edition.edition is None
    assert (edition.domain, edition.edition_name) == ("jumin", "1.0")
    assert ids(edition) == ["jumin-1.0-2.1-R001"]


def test_an_invalid_edition_yaml_is_located() -> None:
    write("jumin/1.0/edition.yaml", EDITION_YAML.replace("domain: jumin", "domain: jumim"))
    edition = load_edition(EDITION)
    assert edition.edition is None
    assert errors_of(edition)[0].startswith(
        "jumin/1.0/edition.yaml:1: domain: 'jumim' is not allowed; expected one of: jumin, inkan,"
    )
    assert errors_of(edition)[0].endswith("; did you mean 'jumin'?")


def test_edition_yaml_must_agree_with_its_directory() -> None:
    moved = EDITION_YAML.replace("domain: jumin", "domain: inkan").replace("'1.0'", "'2.0'")
    write("jumin/1.0/edition.yaml", moved)
    edition = load_edition(EDITION)
    assert errors_of(edition) == [
        "jumin/1.0/edition.yaml:1: domain: 'inkan' does not match the directory name 'jumin'",
        "jumin/1.0/edition.yaml:3: edition: '2.0' does not match the directory name '1.0'",
    ]


def test_unknown_directories_under_the_root_are_located_with_suggestions() -> None:
    write("jumim/1.0/edition.yaml", EDITION_YAML)
    write("jumin/v1.1/edition.yaml", EDITION_YAML)
    write("schema/catalog-document.schema.json", "{}")
    write(".git/config.yaml", "not: catalog\n")
    write("notes.yaml", "requirements: []\n")
    catalog = load_catalog(Path("."))
    messages = [str(error) for error in catalog.errors]
    assert messages[0].startswith("jumim:1: 'jumim' is not a domain slug; expected one of: jumin, inkan, ")
    assert messages[0].endswith("; did you mean 'jumin'?")
    assert messages[1:] == [
        "jumin/v1.1:1: 'v1.1' is not an edition directory; expected <major>.<minor> such as '1.0'; "
        "did you mean '1.1'?",
        "notes.yaml:1: ignored: catalog files belong in <domain>/<edition>/ directories",
    ]


def test_the_catalog_sorts_editions_numerically_and_finds_them() -> None:
    for edition in ("1.10", "1.9"):
        write(f"jumin/{edition}/edition.yaml", EDITION_YAML.replace("'1.0'", f"'{edition}'"))
    write("inkan/1.0/edition.yaml", EDITION_YAML.replace("domain: jumin", "domain: inkan"))
    catalog = load_catalog(Path("."))
    assert catalog.errors == ()
    assert [(edition.domain, edition.edition_name) for edition in catalog.editions] == [
        ("inkan", "1.0"), ("jumin", "1.0"), ("jumin", "1.9"), ("jumin", "1.10"),
    ]
    assert catalog.edition("jumin", "1.9").path == Path("jumin/1.9")
    with pytest.raises(UsageError, match=r"unknown edition 'jumin/2.0'"):
        catalog.edition("jumin", "2.0")


def test_catalog_errors_include_every_edition() -> None:
    write(CH02, requirements(1, replace={"level: required": "level: requred"}))
    catalog = load_catalog(Path("."))
    assert [error.file for error in catalog.errors] == [CH02]
    with pytest.raises(SpecError):
        catalog.raise_for_errors()


def test_yml_files_are_reported_not_silently_skipped() -> None:
    write("jumin/1.0/bindings.yml", "bindings: []\n")
    assert errors_of(load_edition(EDITION)) == [
        "jumin/1.0/bindings.yml:1: ignored: catalog files must end in .yaml; rename it"
    ]


# -- validate_path ----------------------------------------------------------------------------------


def test_validate_path_of_a_file_checks_it_with_its_edition() -> None:
    write("jumin/1.0/requirements/ch01.yaml", requirements(1, replace={"level: required": "level: requred"}))
    write(CH02, requirements(1))
    assert [str(error) for error in validate_path(Path(CH02))] == [
        f"{CH02}:2: requirements[0].id: duplicate id 'jumin-1.0-2.1-R001'; first defined at "
        "jumin/1.0/requirements/ch01.yaml:2"
    ]


def test_validate_path_accepts_roots_domains_and_editions() -> None:
    write(CH02, requirements(1, replace={"level: required": "level: requred"}))
    for path in (Path("."), Path("jumin"), EDITION, Path(CH02)):
        assert [(error.file, error.line) for error in validate_path(path)] == [(CH02, 4)]


def test_validate_path_of_a_loose_file_checks_what_it_can() -> None:
    write("loose/extra.yaml", requirements(5, 5))
    assert [str(error) for error in validate_path(Path("loose/extra.yaml"))] == [
        "loose/extra.yaml:13: requirements[1].id: duplicate id 'jumin-1.0-2.1-R005'; first defined at "
        "loose/extra.yaml:2"
    ]
    with pytest.raises(UsageError, match="no such file or directory: nowhere"):
        validate_path(Path("nowhere"))


# -- the real catalog -------------------------------------------------------------------------------


@pytest.mark.skipif(not (REAL_EDITION / "requirements").is_dir(), reason="jumin 1.0 not imported yet")
def test_the_real_jumin_edition_loads_without_errors() -> None:
    catalog: Catalog = load_catalog(REPO / "spec_catalog")
    edition = catalog.edition("jumin", "1.0")
    assert [str(error) for error in catalog.errors] == []
    assert Counter(requirement.level.value for requirement in edition.requirements) == {
        "required": 845, "optional": 36, "prohibited": 76,
    }
    assert len(edition.requirements) == 957
