"""The reference vendor's kojin_juminzei, named as ``spec_catalog/kojin_juminzei/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
