"""Checks: small functions registered under stable names, each yielding located findings.

- ``registry``: the ``check`` decorator, :class:`~conformance.checks.registry.CheckContext` (the
  requirement, its params, the target) and the registry type; the shipped registry is
  :func:`conformance.shipped_checks.default_registry`, which imports these modules (never the reverse);
- ``api``: the linkage API against its OpenAPI document, through schemathesis;
- ``files/``: a vendor's export files against their catalog layout (``file.layout``);
- ``scenarios``: the machinery of the scenario rules (generated residents appended to the vendor, the per-person
  query, the counterexample shrunk), whose rules are the domain folders';
- ``statute_forms``: asking a vendor for a statute domain's form (the form rules are the folders').

The checks of one domain are in its folder (``conformance/domains/<slug>/``: 住民記録's, 共通機能's and each
statute domain's). A check's parameters are declared in conformance/catalog/check_params.py, or a domain's in
its folder's ``params.py`` (the loader validates the catalog against them); the declarative scenarios' check is
conformance/scenarios/check.py.
"""
