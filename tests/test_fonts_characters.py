"""The characters a page's font subset must hold (``conformance.fonts.beyond_ascii``): read by NumPy as code
points, they are exactly those a loop over the text finds beyond ASCII, whatever the text (issue 70 item 4: the
loop was a seventh of a defect group's run)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from conformance.fonts import beyond_ascii


@given(st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None, exclude_categories=())))
@example("")
@example("abc <td>1</td>")
@example("適合 \x7f\x80 住民記録 \ud800 \U0001f600")  # the last ASCII, the first beyond, a lone surrogate, an astral
def test_the_characters_beyond_ascii_are_those_a_loop_finds(text: str) -> None:
    assert beyond_ascii(text) == {char for char in text if ord(char) > 0x7F}


def test_ascii_alone_has_none_and_each_character_beyond_counts_once() -> None:
    assert beyond_ascii("<p>abc</p>\n" * 1000) == frozenset()
    assert beyond_ascii("住民" * 1000 + "x") == {"住", "民"}
