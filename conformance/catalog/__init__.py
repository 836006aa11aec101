"""The catalog: machine-readable specifications, loaded, validated and viewed.

The bottom layer of the package (docs/architecture.md): it imports nothing of the harness above it.

- ``models`` / ``scenario_models``: the pydantic models of the catalog files (editions, requirements,
  data items, code tables, interfaces, forms, scenarios, driver operations);
- ``loader`` (with ``entries``: one file read entry by entry; ``cross_entry``: the rules across an edition's
  entries; ``validation_errors``: pydantic's errors reworded and located; ``yamlmarks`` for located YAML,
  ``regex_safety``, ``check_params``): files -> a :class:`~conformance.catalog.catalog.Catalog` of valid
  entries and located errors;
- ``catalog``: the loaded catalog; ``views``: its plain-data views for ``catalog list/stats/export``;
- ``domains``: the registry of the 20 domains and the official id formats (``data/domains.yaml``);
- ``statute_forms``: the ids of the statute domains' forms the harness asks for (a profile names those
  its vendor issues);
- ``layouts``: a file layout resolved against the catalog (columns, code sets, character classes);
- ``openapi`` / ``driver_openapi``: OpenAPI 3.1 documents built from the catalog's interfaces;
- ``importers``: official documents (docx, xlsx, text) -> catalog YAML; ``diff`` and ``fingerprint``
  compare editions. (The JSON Schemas for editors, of profiles and results too, are written by
  conformance/cli/schemas.py.)
"""
