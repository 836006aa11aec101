"""Reproducible installs: every dependency the README's commands install is pinned in constraints.txt.

A dependency added to pyproject.toml without running ``.ci/lock`` would be resolved afresh on every
machine, at whatever version the registry serves that day: this test fails instead.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The extras the README's two commands install ("." and ".[test]").
INSTALLED_EXTRAS = ("test",)


def canonical(name: str) -> str:
    """PEP 503: case and runs of -, _ and . do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    assert match is not None, requirement
    return canonical(match.group(0))


def test_every_dependency_of_the_two_commands_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = {requirement_name(r) for r in project["dependencies"]}
    for extra in INSTALLED_EXTRAS:
        wanted |= {requirement_name(r) for r in project["optional-dependencies"][extra]}
    wanted.discard("conformance")  # an extra naming the project itself
    lines = (ROOT / "constraints.txt").read_text("utf-8").splitlines()
    pinned = {canonical(line.split("==")[0]): line.split("==")[1] for line in lines if "==" in line}
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version) for version in pinned.values())
    missing = sorted(wanted - set(pinned))
    assert missing == [], f"not pinned in constraints.txt (run bash .ci/lock): {missing}"


def test_the_readme_commands_install_with_the_pins() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    installs = re.findall(r"pip install [^&\n]*", readme.split("## What a run gives you")[0])
    assert len(installs) == 2 and all("-c constraints.txt" in command for command in installs)
