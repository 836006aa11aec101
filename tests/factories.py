"""Small builders of catalog values for tests."""

from __future__ import annotations

from typing import Any

from conformance.catalog.models import Requirement


def requirement(rid: str = "jumin-1.0-3.4-R001", level: str = "required", **extra: Any) -> Requirement:
    """A valid requirement with the given id and level."""
    data: dict[str, Any] = {
        "id": rid,
        "kind": "function",
        "level": level,
        "text": "支援対象者の写しの交付をエラーとすることができること。",
        "source": {
            "document": "住民記録システム標準仕様書",
            "edition": "1.0",
            "section": "3.4",
            "title": "支援措置",
            "block": "実装すべき機能",
            "paragraph": 1,
        },
    }
    data.update(extra)
    return Requirement.model_validate(data)
