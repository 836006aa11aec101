"""The ``conformance`` command line: a front end, thin by design (docs/architecture.md).

- ``main``: the ``conformance`` app, its command groups mounted, ``run``, and :func:`main` (the
  console script; the last line of defence against an unexpected error);
- ``output``: the one error path every command takes (``error:`` lines, exit 2) and the output helpers;
- ``options``: options several commands share; the run options come from :mod:`conformance.options`,
  shared with the pytest plugin;
- ``run``: ``conformance run`` drives pytest with the plugin (one execution path), then bundles the evidence;
- ``catalog``, ``validate``, ``reconcile``, ``report``, ``reference``: one module per command group.
"""

from conformance.cli.main import app, main

__all__ = ["app", "main"]
