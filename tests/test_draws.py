"""The harness's draws are a function of the seed alone (conformance/draws.py): a process that has imported
a module full of literals draws what one that has not draws, with the same seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis.internal.conjecture import providers

DRAW = """
import sys
from hypothesis import Phase, given, seed, settings, strategies as st
if "local" in sys.argv:
    import many_constants  # a module of the caller's own code, full of integers in the drawn range
if "fixed" in sys.argv:
    from conformance.draws import reproducible
    reproducible()
seen = []
@seed(20200901)
@settings(max_examples=200, database=None, phases=[Phase.generate])
@given(st.integers(0, 10**6))
def draw(n): seen.append(n)
draw()
print(seen)
"""


def _draws(folder: Path, *flags: str) -> str:
    """The 200 integers a fresh process draws with the seed, in ``folder`` (so its modules are local code)."""
    done = subprocess.run([sys.executable, "draw.py", *flags], cwd=folder, capture_output=True, text=True,
                          check=True, timeout=120)
    return done.stdout


def test_the_same_seed_draws_the_same_whatever_the_process_imported(tmp_path: Path) -> None:
    (tmp_path / "draw.py").write_text(DRAW, encoding="utf-8")
    (tmp_path / "many_constants.py").write_text(
        "\n".join(f"C{i} = {123457 + i * 7919}" for i in range(300)) + "\n", encoding="utf-8")
    # Hypothesis alone: the imported literals move the draws (what the fix is for; if this stops holding,
    # Hypothesis no longer draws local constants and conformance/draws.py can go).
    assert _draws(tmp_path) != _draws(tmp_path, "local")
    assert _draws(tmp_path, "fixed") == _draws(tmp_path, "local", "fixed")


def test_the_hook_is_where_hypothesis_looks() -> None:
    # conformance/draws.py replaces a private name of Hypothesis: a new Hypothesis that moves it must fail here.
    assert callable(providers._get_local_constants)
    assert hasattr(providers.CONSTANTS_CACHE, "cache")
