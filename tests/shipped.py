"""The shipped data as the tests read it: each part's bytes, and the whole card document."""

from __future__ import annotations

import json

from llama_cards._loader import SHIPPED_SHA256, part_path, read_data
from llama_cards._parts import BESIDE_CARD, PART_NAMES, part_fields

PARTS = {part: part_fields(part) for part in PART_NAMES}

__all__ = ["BESIDE_CARD", "PARTS", "SHIPPED_SHA256", "card_document", "part_bytes"]


def part_bytes(version: str, part: str) -> bytes:
    """The bytes of one part of a shipped card, as the package's loader reads them."""
    return read_data(part_path(version, part))


def card_document(version: str = "4") -> bytes:
    """The shipped card as one JSON document (every part's fields), as to_json() writes it."""
    document: dict[str, object] = {}
    for part in PARTS:
        document.update(json.loads(part_bytes(version, part)))
    return json.dumps(document).encode()
