"""Oracles: rules of the specifications that say what a correct value is (check digits, dates ...).

Each oracle cites the rule it implements (DOMAIN.md or the spec section), so a finding can name it.
"""
