"""Cost of the model's state machine (docs/model.md) against the bundled reference vendor.

Starts the reference (the generated test town loaded), runs ``model.jumin.state_machine``'s machine
once with the reference profile's settings (25 examples, the default seed), and prints the wall and
CPU seconds, the rules exercised and any breach. Not part of the test run:

    python benchmarks/model_machine.py [--seed N] [--examples N] [--defect NAME ...] [--world]

``--world`` runs the cross-domain machine (``model.world.domains``, conformance/domains/world.py) instead: the
same steps with the statute domains' per-person answers compared after each, then its fixed example of the
戸籍の附票の写し (the reference profile's ``targets.load.koseki_path`` and forms); it prints the requirements compared
and the persons not judged.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from conformance.catalog.loader import load_edition
from conformance.domains.jumin.model.check import run_machine
from conformance.domains.world_run import run_world
from conformance.embedded import reference_environ, start_reference
from conformance.locations import reference_profile
from conformance.profiles import ApiTarget, DriverTarget, load_profile
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20200901)
    parser.add_argument("--examples", type=int, default=25)
    parser.add_argument("--defect", action="append", default=[])
    parser.add_argument("--world", action="store_true", help="the cross-domain machine (model.world.domains)")
    options = parser.parse_args()
    edition = load_edition(ROOT / "spec_catalog" / "jumin" / "1.0")
    profile = load_profile(reference_profile())
    with start_reference(defects=frozenset(options.defect)) as running:
        # The profile's auth (its OAuth2 client), as `conformance run` has it: the fixed example tokens logs in there.
        auth = profile.targets.api.auth if profile.targets.api is not None else None
        http = RequestsHttpClient(ApiTarget(base_url=running.url, auth=auth), base_url=running.url,
                                  environ=reference_environ(auth, {}) if auth is not None else None)
        target = Target(catalog=edition, http=http, driver=DriverTarget(operations="all"), seed=options.seed,
                        max_examples=options.examples,
                        koseki_path=profile.targets.load.koseki_path, forms=profile.targets.forms)
        sent = _count_requests(http)
        wall, cpu = time.perf_counter(), time.process_time()
        world = run_world(target) if options.world else None
        result = world.result if world is not None else run_machine(target)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    name = "cross-domain machine" if world is not None else "state machine"
    print(f"{name}: {options.examples} examples, seed {options.seed}: {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"(this process: the harness and the reference's threads); {sent[0]} requests through the API client "
          "(the token endpoint's logins not counted)")
    if world is not None:
        print(f"requirements compared: {len(world.compared)}; persons not judged: {dict(world.skipped)}")
    else:
        print(f"rules exercised: {len(result.exercised)} requirements")
    for breach in result.breaches:
        print(f"breach: {breach.requirement} {breach.code} {breach.item}")
    if result.steps:
        print("steps:", "; ".join(result.steps))


def _count_requests(http: RequestsHttpClient) -> list[int]:
    """A counter of the requests the client sends (its one sending method, wrapped on this instance)."""
    sent = [0]
    send = http._send

    def counted(prepared: Any) -> Any:
        sent[0] += 1
        return send(prepared)

    http._send = counted  # type: ignore[method-assign]
    return sent


if __name__ == "__main__":
    main()
