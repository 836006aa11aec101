"""The reference vendor's kodomo_kosodate, named as ``spec_catalog/kodomo_kosodate/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
