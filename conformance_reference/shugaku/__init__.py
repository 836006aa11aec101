"""The reference vendor's shugaku, named as ``spec_catalog/shugaku/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
