"""The columnar engine: export files judged column by column at hundreds of thousands of rows a second.

Used by the export-file checks (conformance/checks/files/), ``conformance validate`` and
``conformance reconcile`` when a file is large; the row path judges the same rules (the rules
themselves, the layout and its character classes, live in conformance/catalog/layouts.py).

- ``transcode``: CP932 and other encodings to UTF-8 in chunks (polars reads UTF-8 only);
- ``lines``: the line grammar of a CSV export as polars expressions; ``compile``: a layout's rules
  compiled into one lazy polars plan; ``relations``: keys across files;
- ``kernel`` (with ``_kernel``, numba): the compiled screen of a file's bytes for the rules polars
  cannot express cheaply; ``digest`` (with ``_digest``): the invariant families' hashes in one pass;
  ``keyed`` (with ``_keyed``): reconcile's first pass compiled;
- ``fixed``: fixed-length (byte-width) layouts read in chunks;
"""
