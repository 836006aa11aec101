"""The one finding type: unattached findings (a file pass, a scenario), attached ones (a check's), and a
location that is text (results.json) or structured (``conformance validate``)."""

from __future__ import annotations

from conformance.findings import FieldRef, Finding, Location


def test_an_unattached_finding_is_attached_unchanged() -> None:
    found = Finding("file.code", "性別: not a code of sex", "residents.csv:2:16 (性別)", "1, 2", "9")
    assert found.requirement == ""
    attached = found.for_requirement("jumin-1.0-1.1.1-R001")
    assert attached.requirement == "jumin-1.0-1.1.1-R001"
    assert (attached.code, attached.message, attached.location, attached.expected, attached.actual) == (
        found.code, found.message, found.location, found.expected, found.actual)
    assert attached.to_json() == found.to_json()


def test_a_text_location_is_written_as_a_string() -> None:
    found = Finding("scenario.not_equal", "m", "scenario:s/step:a#/x", expected="1", actual="2",
                    requirement="jumin-1.0-1.1.1-R001")
    assert found.where == "scenario:s/step:a#/x"
    assert found.to_json() == {"code": "scenario.not_equal", "message": "m", "location": "scenario:s/step:a#/x",
                               "expected": "1", "actual": "2"}
    assert list(Finding("x", "m").to_json().items()) == [
        ("code", "x"), ("message", "m"), ("location", ""), ("expected", None), ("actual", None)]


def test_a_structured_location_is_written_as_an_object_and_read_as_text() -> None:
    place = Location("export.csv", 12, 16, FieldRef("性別コード", "性別", "0000003"))
    found = Finding("file.code", "m", place, "1, 2", "9")
    assert found.where == "export.csv:12:16 (性別コード)" == str(place)
    assert found.to_json()["location"] == {
        "file": "export.csv", "line": 12, "column": 16,
        "field": {"header": "性別コード", "item": "性別", "data_item": "0000003"}}
    assert Location("export.csv").text() == "export.csv"
    assert Finding("file.not_judged", "m", Location("export.csv")).to_json()["location"] == {
        "file": "export.csv", "line": None, "column": None, "field": None}


def test_an_integer_against_a_text_says_the_types_differ() -> None:
    """Issue 64: a finding printed ``exp= 1 | act= 1`` for an integer against a string."""
    from conformance.findings import shown_pair

    assert shown_pair(1, "1") == ("1 (integer)", '"1" (text)')
    assert shown_pair(True, "true") == ('true (boolean)', '"true" (text)')
    assert shown_pair(["2025-04"], "2025-04") == ('["2025-04"] (list)', '"2025-04" (text)')


def test_values_of_one_type_or_null_are_shown_as_before() -> None:
    from conformance.findings import shown_pair

    assert shown_pair(1, 2) == ("1", "2")
    assert shown_pair("2025-04-01", None) == ("2025-04-01", "null")
    assert shown_pair(None, False) == ("null", "false")
