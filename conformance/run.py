"""``conformance run``: drives pytest with the plugin, so there is one execution path.

After pytest, the run's output directory gets its evidence bundle (``evidence.zip``, unsigned:
``conformance report sign`` adds the signature with a key the vendor keeps).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformance.errors import UsageError
from conformance.locations import default_catalog_root, reference_profile
from conformance.reporting.bundle import BUNDLE_NAME, BundleInputs, build_bundle, export_file_paths

#: Plugins blocked in a run (as in the project's pytest addopts): they come with libraries the checks
#: use (schemathesis, and anyio and Hypothesis with it) or the bench extra (typeguard) and act only on
#: test functions of their own kind, which the suite has none of; loading them would import those
#: libraries at start.
_UNUSED_PLUGINS = (
    "-p", "no:schemathesis", "-p", "no:anyio", "-p", "no:typeguard", "-p", "no:hypothesispytest",
)

#: pytest exit codes that mean the run itself could not be done.
_BROKEN = {pytest.ExitCode.INTERRUPTED, pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR}


def pytest_arguments(
    *, profile: Path | None, domains: list[str], out: Path, catalog: Path | None, extra: list[str],
    defects: list[str] | None = None, seed: int | None = None, shard: str | None = None,
) -> list[str]:
    """The pytest command line for a run."""
    root = (catalog or default_catalog_root()).resolve()
    args = [
        str(root), "--conformance", f"--conformance-catalog={root}", f"--conformance-out={out}",
        f"--junitxml={out / 'junit.xml'}", "-o", "junit_family=xunit1", "-o", "addopts=",
        "-p", "no:cacheprovider", "--rootdir", str(root), "-q",
        *_UNUSED_PLUGINS,
        # The CLI imported the package before pytest could mark it for assertion rewriting.
        "-W", "ignore::pytest.PytestAssertRewriteWarning",
    ]
    if profile is not None:
        args.append(f"--conformance-profile={profile}")
    args += [f"--conformance-domain={d}" for d in domains]
    args += [f"--conformance-defect={d}" for d in defects or []]
    if seed is not None:
        args.append(f"--conformance-seed={seed}")
    if shard is not None:
        args.append(f"--conformance-shard={shard}")
    return args + extra


def run_suite(
    *, profile: Path | None, domains: list[str], out: Path, catalog: Path | None, extra: list[str],
    defects: list[str] | None = None, seed: int | None = None, shard: str | None = None,
) -> int:
    """Run pytest; 0 conformant, 1 not conformant, 2 the run could not be done."""
    if profile is not None and not profile.is_file():
        raise UsageError(f"{profile}: no such vendor profile")
    results = out / "results.json"
    # Stale files must never pass for this run's result or evidence.
    results.unlink(missing_ok=True)
    (out / BUNDLE_NAME).unlink(missing_ok=True)
    args = pytest_arguments(
        profile=profile, domains=domains, out=out, catalog=catalog, extra=extra, defects=defects, seed=seed,
        shard=shard,
    )
    code = pytest.main(args)
    if code in _BROKEN or not results.is_file():
        return 2
    _bundle(out, profile, catalog)
    document = json.loads(results.read_text("utf-8"))
    if document.get("error"):  # the target could not be reached: the run was not done
        return 2
    return 0 if document["verdict"] == "conformant" else 1


def _bundle(out: Path, profile: Path | None, catalog: Path | None) -> None:
    """The run's evidence bundle (module docstring)."""
    from conformance.profiles import load_profile

    used = profile or reference_profile()
    exports = load_profile(used).targets.exports
    export_files = export_file_paths(exports.directory, exports.files) if exports and exports.via == "directory" else ()
    build_bundle(BundleInputs(out=out, profile=used, catalog_root=(catalog or default_catalog_root()).resolve(),
                              export_files=export_files))
