"""``conformance portal``: the 適合確認 workspace, a Django application over a real database.

It indexes signed evidence bundles per municipality x system (domain) x package release x catalog
edition, shows each municipality's latest results, per-requirement history and release diffs, runs
the reviewer worklist of MANUAL requirements (evidence, accept or reject, expiry), records 経過措置,
and writes the xlsx 適合状況一覧 (``docs/portal.md``).

A front end: it imports the layers below it (catalog, results, reporting); nothing imports it.
Django is imported only by the modules of this package, never at ``import conformance``.
"""
