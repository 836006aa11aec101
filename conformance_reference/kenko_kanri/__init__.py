"""The reference vendor's kenko_kanri, named as ``spec_catalog/kenko_kanri/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
