"""The reference vendor's jido_teate beyond ``rules.jido_teate``, named as ``spec_catalog/jido_teate/``.

Its unit (what a person's 児童手当 record adds to the answer) and, beside it, its named defects
(``*.defects.yaml``).
"""
