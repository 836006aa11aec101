"""The reference vendor's hojin_juminzei, named as ``spec_catalog/hojin_juminzei/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
