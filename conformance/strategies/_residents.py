"""``residents()``: one migration row per person."""

from __future__ import annotations

from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.strategies._layout import CATEGORY, RowSpec, row_spec
from conformance.strategies._people import KINDS, Kind, Request, draw_person, single_rows
from conformance.strategies._validation import check_choice, check_edition, check_optional_bool, lazily


def residents(
    edition: EditionCatalog | None = None,
    *,
    kind: Kind = "any",
    category: str | None = None,
    with_tsusho: bool | None = None,
    protected: bool | None = None,
) -> SearchStrategy[dict[str, str]]:
    """Migration rows (header -> value, '' when empty) of residents, valid by construction.

    ``edition`` (default: the bundled 住民記録 1.0) gives the layout: every column of its
    ``residents_csv``, in order. ``kind`` is ``japanese``, ``foreign`` or ``any``. ``category``, a
    第30条45規定区分 code, needs ``kind="foreign"``; the row then has exactly the items the catalog
    requires for that category. ``with_tsusho``: a 通称 (kanji and kana only) or none; True needs a
    foreign resident (``kind="any"`` then draws only foreign ones). ``protected``: 支援措置対象フラグ.
    None leaves a choice to the draw. Each row is the 世帯主 of a household of one.

    Birth dates cover calendar days (favouring 1/1, 1/2, 3/31, 4/1, month ends, 2/28, 2/29 and the
    era boundaries), non-calendar 2月29日 of common years, and 不詳 (empty, フラグ 1, 不詳表記).
    Rows shrink towards a current Japanese resident with a calendar birth date.
    """

    def build() -> SearchStrategy[dict[str, str]]:
        spec = row_spec(check_edition(edition))
        request = resident_request(spec, kind, category, with_tsusho, protected)
        return single_rows(spec, lambda draw: draw_person(draw, spec, request)).map(lambda drawn: drawn[1])

    return lazily(build)


def resident_request(
    spec: RowSpec, kind: object, category: object, with_tsusho: object, protected: object
) -> Request:
    """The validated arguments of :func:`residents` (and of the strategies built on it)."""
    check_choice("kind", kind, KINDS)
    check_optional_bool("with_tsusho", with_tsusho)
    check_optional_bool("protected", protected)
    if category is not None:
        if kind != "foreign":
            raise InvalidArgument(f"category={category!r} needs kind='foreign', got kind={kind!r}")
        check_choice("category", category, spec.categories)
    if with_tsusho is True and kind == "japanese":
        raise InvalidArgument("with_tsusho=True needs a foreign resident: a 通称 is only for foreign residents")
    if not spec.categories and kind == "foreign":
        raise InvalidArgument(f"kind='foreign': the layout has no {CATEGORY} to make foreign residents with")
    foreign = {"japanese": False, "foreign": True, "any": None}[str(kind)]
    return Request(foreign, category if isinstance(category, str) else None,
                   with_tsusho if isinstance(with_tsusho, bool) else None,
                   protected if isinstance(protected, bool) else None)
