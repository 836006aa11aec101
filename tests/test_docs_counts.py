"""The documents quote the command that counts the catalog's coverage, never its figures.

The counts of automated / MANUAL / NOT_AUTOMATED requirements move with every check or scenario
added; three documents once gave three different sets (issue 27, item 15). The figures come from
``conformance catalog stats --domain jumin`` (and a run's coverage); the documents name the command.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: A count of requirements in an automation state: "298 (35%) are judged automatically",
#: "306 of 957 requirements automated", "404 MANUAL", "247 NOT_AUTOMATED (25.8%)", "194 (23%) have no check".
CLAIM = re.compile(
    r"\b\d[\d,]*\s+(?:\(\d+(?:\.\d+)?%\)\s+)?(?:of\s+[\d,]+\s+)?(?:requirements\s+)?(?:are\s+)?(?:\(\S+\)\s+)?"
    r"(?:judged\s+automatically|automated|MANUAL|NOT_AUTOMATED|have\s+no\s+check)\b")


def claims(text: str) -> list[str]:
    """The coverage counts a document states (whitespace and line breaks folded)."""
    return CLAIM.findall(" ".join(text.split()))


def test_the_pattern_finds_the_counts_the_documents_used_to_give() -> None:
    old = ("Of 住民記録 1.0's 845 required requirements, 298 (35%) are judged automatically (checks), 353 (42%) "
           "are MANUAL with a written procedure and 194 (23%) have no check yet; 247 of 957 (26%) are\n"
           "NOT_AUTOMATED. `catalog stats`: 306 of 957 requirements automated, 404 MANUAL, 247 NOT_AUTOMATED.")
    assert len(claims(old)) == 7
    assert claims("`conformance catalog stats --domain jumin` prints how many are automated") == []


def test_no_document_repeats_the_coverage_counts() -> None:
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    stated = {str(path.relative_to(ROOT)): found for path in documents if (found := claims(path.read_text("utf-8")))}
    assert stated == {}, "quote `conformance catalog stats --domain jumin`, not its figures"
