"""The reference vendor's kotei_shisan_zei, named as ``spec_catalog/kotei_shisan_zei/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
