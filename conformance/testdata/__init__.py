"""Test data the harness loads into a vendor system: the generated test town and its migration file.

Everything here is invented test data (the town 静岡県見本町 does not exist); names are common
name parts, and identifiers are random numbers with valid check digits.
"""
