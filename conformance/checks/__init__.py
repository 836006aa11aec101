"""Checks: small functions registered under stable names, each yielding located findings."""
