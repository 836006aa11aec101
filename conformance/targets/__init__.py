"""Targets: how checks reach a vendor's system, and the test data loaded into it.

- ``base``: the :class:`~conformance.targets.base.Target` a check receives (the edition, the HTTP
  client, the exports, the forms, the per-run cache) and the protocols behind it;
- ``http`` (with ``oauth``): the HTTP client every exchange goes through (bounded reads, recorded);
- ``exports``: export files from a directory or over HTTP, with the profile's column names;
- ``forms``: printed forms as PDFs, read with PDFium.
"""
