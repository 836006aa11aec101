"""The reference vendor's seikatsu_hogo, named as ``spec_catalog/seikatsu_hogo/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
