"""The reference vendor's jido_fuyo_teate, named as ``spec_catalog/jido_fuyo_teate/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
