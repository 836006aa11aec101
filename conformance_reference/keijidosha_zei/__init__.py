"""The reference vendor's keijidosha_zei, named as ``spec_catalog/keijidosha_zei/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
