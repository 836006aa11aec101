"""conformance: conformance tests for Japan's standard specifications of municipal systems.

The public API is what ``__all__`` names; everything else is internal and may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
