"""The bundled reference vendor: a small but real implementation of the 住民記録 standard system.

It serves the catalog's API operations (住民記録 1.0) over HTTP from an embedded sqlite3 store loaded
with the generated test town. Named defects (:mod:`conformance_reference.defects`) make it break
chosen requirements on purpose, so the harness can show that each check catches what it should.

Start it with :func:`conformance_reference.server.start_reference` or ``conformance reference serve``.

- ``server``: the HTTP server on a background thread; ``app``: the WSGI application (routes, the
  error answers, the admin loads), whose handlers are mixed in from
- ``linkage`` (the linkage API: residents, changes since, history, households, the per-person query,
  転入届 and corrections), ``exports`` (residents.csv, residents.dat, households.csv) and
  ``certificates`` (住民票の写し, the inspection list, the forms endpoints), over ``presentation``
  (the shared reads, and where defects change what is shown) and ``validation`` (requests against
  the catalog's schemas); ``model``: the catalog as the app needs it and the JSON of values;
  ``http``: requests, replies, errors and paths;
- ``driver`` (the service and its routes; its handlers' mixins ``driver_moves``, ``driver_corrections``,
  ``driver_queries`` over ``driver_base``; ``driver_rules``, its small rules; ``driver_logs``; ``search``):
  the driver protocol's operations (docs/driver.md);
- ``jutogai``: 共通機能's 住登外者宛名番号付番 API and its token endpoint;
- ``forms``: forms (帳票) as PDFs and their data; ``fixed_export``: the fixed-length export in CP932;
- ``rules``, ``tax_rules``, ``pension``, ``elections``: the other domains' rules of the per-person query;
- ``storage``: the sqlite3 store of history rows; ``defects``: the named defects.
"""
