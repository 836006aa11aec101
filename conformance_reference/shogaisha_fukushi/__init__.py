"""The reference vendor's shogaisha_fukushi, named as ``spec_catalog/shogaisha_fukushi/``.

Its unit and, beside it, its named defects (``*.defects.yaml``).
"""
