"""The reference vendor's inkan, named as ``spec_catalog/inkan/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
