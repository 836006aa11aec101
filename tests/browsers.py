"""Headless Chromium for the tests that render a report or drive the portal: the binary, and the
environment that gives it the project's Japanese font, and no other.

A machine with no Japanese font (CI installs none: the project brings its own, conformance/fonts.py)
makes Chromium look for a fallback font for every run of Japanese text, in vain, each time asking its
browser process over IPC: printing a whole catalog's report took 11 s of CPU, 147,000 IPC messages
and nearly half of it in the kernel (`strace -f -c`); with the project's font it takes 2 s. A reader's
browser has a Japanese font, so this is also the page as it is read. Nothing the harness judges goes
through Chromium (PDFium reads the vendor's forms with the project's font only).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from conformance.fonts import japanese_font


def chromium() -> str:
    """Debian's chromium; skipped when absent on a developer's machine, a failure in CI."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium before the tests")
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    return binary


def chromium_environ() -> dict[str, str]:
    """This process's environment with ``FONTCONFIG_FILE`` naming a configuration whose only font is the
    project's (for a Chromium started as a subprocess or by Playwright): the pages are set alike on every
    machine, whatever fonts it has (IPAexGothic has Latin letters and digits too)."""
    return {**os.environ, "FONTCONFIG_FILE": str(_fonts_conf())}


@cache
def _fonts_conf() -> Path:
    """One configuration (and font cache) per test process, removed when the process ends."""
    directory = Path(tempfile.mkdtemp(prefix="conformance-fonts-"))
    atexit.register(shutil.rmtree, directory, True)
    path = directory / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(japanese_font().parent))}</dir>\n"
        f"  <cachedir>{escape(str(directory / 'cache'))}</cachedir>\n"
        "</fontconfig>\n", encoding="utf-8")
    return path


@cache
def no_japanese_font() -> dict[str, str]:
    """The environment of a Chromium whose machine has one font, with Latin letters only (Chromium
    needs some font to start): the project's font cut to ASCII and renamed, so nothing of it is found
    for Japanese."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    directory = Path(tempfile.mkdtemp(prefix="conformance-latin-"))
    atexit.register(shutil.rmtree, directory, True)
    (directory / "fonts").mkdir()
    font = TTFont(str(japanese_font()))
    subsetter = subset.Subsetter(subset.Options())
    subsetter.populate(unicodes=range(0x20, 0x7F))
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16, 17):
            record.string = "LatinOnly"
    font.save(str(directory / "fonts" / "latin-only.ttf"))
    (directory / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{directory / 'fonts'}</dir>\n  <cachedir>{directory / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(directory / "fonts.conf")}


def platform_fonts(page: Any, selector: str) -> list[dict[str, Any]]:
    """The fonts Chromium set the text of ``selector``'s element with (DevTools' CSS domain)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts: list[dict[str, Any]] = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return fonts


def foreign_glyphs(page: Any) -> tuple[int, list[str]]:
    """How many elements of ``page`` draw text, and those among them set in anything but the project's face
    (issue 69 item 1): a computed font-family that does not start with the web font's family, or a glyph Chromium
    took from another font (DevTools' platform fonts; on a machine with no Japanese font a Japanese glyph from
    any other font is a box). An element counts when it has text of its own (a text child; a select's options,
    an input's value or placeholder) and Chromium laid it out (hidden text is not drawn); a form control's text
    is drawn in its user-agent shadow tree, which is walked too (``pierce``)."""
    from conformance.fonts import FONT_NAME, WEB_FONT_FAMILY

    page.evaluate("document.fonts.ready.then(() => true)")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    drawn, foreign = 0, []
    for node in _elements(root):
        if not _own_text(node).strip():
            continue
        fonts = [font for each in _with_user_agent_shadow(node)
                 for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": each["nodeId"]})["fonts"]]
        if not fonts:
            continue
        drawn += 1
        style = session.send("CSS.getComputedStyleForNode", {"nodeId": node["nodeId"]})["computedStyle"]
        family = next(p["value"] for p in style if p["name"] == "font-family")
        others = sorted({f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts
                         if not (f["isCustomFont"] and f["familyName"] == FONT_NAME)})
        if others or family.split(",")[0].strip().strip("'\"") != WEB_FONT_FAMILY:
            foreign.append(f"{_describe(node)} {_own_text(node).strip()[:40]!r}: font-family {family}; "
                           f"glyphs from {others or [FONT_NAME]}")
    session.detach()
    return drawn, foreign


def _elements(node: dict[str, Any], user_agent: bool = False) -> Iterator[dict[str, Any]]:
    """Every element under ``node``, shadow trees included; the user agent's (a control's insides, measured with
    the control) only if ``user_agent``."""
    if node["nodeType"] == 1:
        yield node
    shadows = [s for s in node.get("shadowRoots", []) if user_agent or s.get("shadowRootType") != "user-agent"]
    for child in (*shadows, *node.get("children", [])):
        yield from _elements(child, user_agent)


def _own_text(node: dict[str, Any]) -> str:
    """The text ``node`` itself draws: its text children; a select's options; an input's value and placeholder."""
    attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2], strict=True))
    text = "".join(child.get("nodeValue", "") for child in node.get("children", []) if child["nodeType"] == 3)
    if node["nodeName"] == "SELECT":
        text += "".join(_own_text(option) for option in _elements(node) if option["nodeName"] == "OPTION")
    if node["nodeName"] == "INPUT" and attributes.get("type", "text") not in ("hidden", "file"):
        text += attributes.get("value", "") + attributes.get("placeholder", "")
    return text


def _with_user_agent_shadow(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``node`` and the elements of its user-agent shadow tree (where a control draws its text)."""
    yield node
    for shadow in node.get("shadowRoots", []):
        if shadow.get("shadowRootType") == "user-agent":
            yield from _elements(shadow, user_agent=True)


def _describe(node: dict[str, Any]) -> str:
    """``TAG#id.class`` of an element, for a message."""
    attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2], strict=True))
    name = node["nodeName"].lower()
    if attributes.get("id"):
        name += f"#{attributes['id']}"
    if attributes.get("class"):
        name += "." + ".".join(attributes["class"].split())
    return name
