"""The bundled reference vendor: a small but real implementation of the standard systems, laid out by domain.

It serves the catalog's API operations (住民記録 1.0, 共通機能 2.1) and the statute domains' per-person query,
forms and driver operations over HTTP from an embedded sqlite3 store loaded with the test town the harness
gives it (``conformance.embedded``; it starts empty otherwise). Named defects (``<unit>.defects.yaml`` beside
each unit, loaded by :mod:`conformance_reference.defects`) make it break chosen requirements on purpose, so
the harness can show that each check catches what it should. It imports nothing of the judge but the
published contracts (``conformance.catalog``) and plain helpers (docs/architecture.md, "The judge and the
vendor").

Start it with :func:`conformance_reference.server.start_reference` or ``conformance reference serve``.

The domain folders, named as ``spec_catalog/<slug>/`` and the judge's ``conformance/domains/<slug>/``:

- ``jumin/``: 住民記録 (the linkage API, exports, certificates and forms, the driver protocol's operations,
  search, users and logs, the store of history rows);
- ``kyotsu/``: 共通機能's 住登外者宛名番号付番 API and its token endpoint;
- ``<slug>/`` of each statute domain: its rules of the per-person query, its forms and driver operations.

What they share, here:

- ``server``: the HTTP server on a background thread; ``app``: the WSGI application (routes, the error
  answers, the admin loads), whose handlers are mixed in from the domain folders;
- ``model``: the catalog as the app needs it and the JSON of values; ``validation``: requests against the
  catalog's schemas; ``http``: requests, replies, errors and paths; ``migration``: its own reading of the
  migration file (residents_csv);
- ``rules``: the per-person query's shared parts (a person's stay, the domains' answers) over the statute
  units; ``domain_records``: the records of other 業務 a scenario sends; ``kakuninsho`` and
  ``statute_forms``: the statute domains' cards and forms; ``paper``: what every printed document shares
  (the municipality, its own 和暦 table, the font); ``numbers``: its own M11W2-7 check digit;
- ``defects``: the loader of the named defects.
"""
