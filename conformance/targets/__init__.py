"""Targets: how checks reach a vendor's system (HTTP API, export files) and the test data loaded."""
