"""The reference vendor's kokumin_nenkin, named as ``spec_catalog/kokumin_nenkin/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
