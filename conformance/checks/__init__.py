"""Checks: small functions registered under stable names, each yielding located findings.

- ``registry``: the ``check`` decorator, :class:`~conformance.checks.registry.CheckContext` (the
  requirement, its params, the target) and the registry type; the shipped registry is
  :func:`conformance.shipped_checks.default_registry`, which imports these modules (never the reverse);
- ``api``: the linkage API against its OpenAPI document, through schemathesis;
- ``files/``: a vendor's export files against their catalog layout (``file.layout``);
- ``forms``: printed forms (帳票), read from the vendor's PDFs;
- ``jumin``: 住民記録 behaviour through the linkage API (items kept, DV protection, history);
- ``kyotsu``: 共通機能, the 住登外者宛名番号付番 API;
- ``scenarios``: generated residents judged against the rule oracles (税, 国保, 介護 ...).

A check's parameters are declared in conformance/catalog/check_params.py, or a domain's in its folder's
``params.py`` (the loader validates the catalog against them); the declarative scenarios' check is
conformance/scenarios/check.py.
"""
