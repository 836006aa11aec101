"""The reference vendor's koki_korei, named as ``spec_catalog/koki_korei/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
