"""The reference vendor's koseki, named as ``spec_catalog/koseki/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
