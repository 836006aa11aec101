"""Reporters: each output format is one writer over the same result model."""
