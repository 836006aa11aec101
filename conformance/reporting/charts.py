"""Charts of the HTML report as inline SVG: no script, no font and no file outside the page.

Labels stay in the HTML around a chart (so the language switch applies to them); an SVG only
draws the bars, with a ``<title>`` per bar that a browser shows on hover.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

#: Colours per result state (also used by the legend in the template).
STATUS_COLOURS: dict[str, str] = {
    "PASS": "#2e8b57",
    "FAIL": "#c0392b",
    "ERROR": "#8e44ad",
    "WAIVED": "#e6a23c",
    "NOT_APPLICABLE": "#b0b7bf",
    "MANUAL": "#3a7bd5",
    "NOT_AUTOMATED": "#dfe3e8",
}


def stacked_bar(parts: Sequence[tuple[str, int, str]], *, width: int = 600, height: int = 22) -> Markup:
    """One horizontal bar split into ``(label, count, colour)`` parts, proportional to the counts."""
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
    return _svg(width, height, "".join(shapes))


def rate_bar(rate: float | None, *, width: int = 160, height: int = 12) -> Markup:
    """A bar filled to ``rate`` (0..1); an empty frame when there is no rate."""
    filled = 0.0 if rate is None else max(0.0, min(1.0, rate)) * width
    colour = "#2e8b57" if rate is not None and rate >= 1 else "#e6a23c"
    percent = "-" if rate is None else f"{rate * 100:.1f}%"
    body = (
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef0f2"/>'
        f'<rect x="0" y="0" width="{filled:.2f}" height="{height}" fill="{colour}"><title>{percent}</title></rect>'
    )
    return _svg(width, height, body)


def _svg(width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">{body}</svg>'
    )
