"""The reference vendor's senkyo, named as ``spec_catalog/senkyo/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
