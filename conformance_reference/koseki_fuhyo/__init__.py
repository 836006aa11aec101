"""The reference vendor's koseki_fuhyo, named as ``spec_catalog/koseki_fuhyo/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
