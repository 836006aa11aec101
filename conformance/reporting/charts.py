"""Charts of the HTML report as inline SVG: no script, no font and no file outside the page.

A chart is drawn once per language (the page shows one of them) and carries its own text
alternative: ``role="img"``, an ``aria-label`` and a ``<title>``/``<desc>`` naming every part with
its number, so a screen reader or a text-only copy reads what the bars show. The numbers are also
on the page as text, in the table beside each chart. Colours never carry meaning alone: the legend
and the tables name every part.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

#: Colours per result state (also used by the legend in the template). Green is for passing only.
STATUS_COLOURS: dict[str, str] = {
    "PASS": "#2e8b57",
    "FAIL": "#c0392b",
    "ERROR": "#8e44ad",
    "WAIVED": "#e6a23c",
    "NOT_APPLICABLE": "#b0b7bf",
    "MANUAL": "#8fb3e8",
    "ATTESTED": "#6a5acd",
    "NOT_AUTOMATED": "#dfe3e8",
    "NOT_SELECTED": "#f3f5f7",
}


def stacked_bar(
    parts: Sequence[tuple[str, int, str]], *, title: str, width: int = 600, height: int = 22,
) -> Markup:
    """One horizontal bar split into ``(label, count, colour)`` parts, proportional to the counts,
    with ``title`` and every part's count as its text alternative."""
    total = sum(count for _, count, _ in parts)
    shapes: list[str] = []
    x = 0.0
    for label, count, colour in parts:
        if count <= 0 or total == 0:
            continue
        span = width * count / total
        shapes.append(
            f'<rect x="{x:.2f}" y="0" width="{span:.2f}" height="{height}" fill="{escape(colour)}">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
        x += span
    if not shapes:
        shapes.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef0f2"/>')
    shapes.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="none" stroke="#666"/>')
    description = ", ".join(f"{label}: {count}" for label, count, _ in parts)
    return _svg(width, height, title, description, "".join(shapes))


def rate_bar(rate: float | None, *, width: int = 48, height: int = 10) -> Markup:
    """A bar filled to ``rate`` (0..1), decorative: the percentage is printed beside it as text."""
    filled = 0.0 if rate is None else max(0.0, min(1.0, rate)) * width
    colour = "#2f5d8a"  # one neutral colour: a rate over few verified requirements is no success
    body = (
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef0f2"/>'
        f'<rect x="0" y="0" width="{filled:.2f}" height="{height}" fill="{colour}"/>'
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false">{body}</svg>'
    )


def _svg(width: int, height: int, title: str, description: str, body: str) -> Markup:
    label = f"{title}: {description}"
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>{body}</svg>"
    )
