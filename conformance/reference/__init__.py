"""The bundled reference vendor: a small but real implementation of the 住民記録 standard system.

It serves the catalog's API operations (住民記録 1.0) over HTTP from an embedded sqlite3 store loaded
with the generated test town. Named defects (:mod:`conformance.reference.defects`) make it break
chosen requirements on purpose, so the harness can show that each check catches what it should.

Start it with :func:`conformance.reference.server.start_reference` or ``conformance reference serve``.
"""
