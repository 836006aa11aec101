"""The portal's template tags (Django loads this package by name): `portal.py` gives the pages their
texts in both languages and the labels of verdicts and states."""
