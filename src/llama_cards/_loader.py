"""The shipped data: which card revisions exist, and their parts, read and checked once.

Private. Each shipped card is a folder of data files, one per part of the card (see
``PARTS``). A part's bytes are read through the package's loader, checked against the
sha256 pinned below and parsed once, the first time a query needs that part; its records
are built by the card's :class:`~llama_cards._card.CardParts`, which holds them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ._parts import PART_NAMES, CardParts, part_fields
from .errors import DataIntegrityError

if TYPE_CHECKING:
    from ._card import Card

__all__ = [
    "SHIPPED_SHA256",
    "newest",
    "part_path",
    "read_data",
    "shipped",
    "shipped_card",
    "versions",
]

DATA_FOLDER = "data"

# Every shipped card revision, oldest first: version -> part -> sha256 of
# data/card-<version>/<part>.json. The test suite validates each card with pydantic and
# checks this table against the files, so loading can trust the bytes once their hash
# matches and skip building validators (see docs/performance.md). After a data change, run
# `python tools/pin_data.py --write` from the repository root to update it.
SHIPPED_SHA256: dict[str, dict[str, str]] = {
    "4": {
        "benchmarks": "8891d94ab3e54893a9226524423ad5690ecb982400c60ae3599945098d3709fe",
        "card": "76d991dd52babefe6b8eaf19dc36f291ebcf0463818a8277185d4ffe110c9b51",
        "languages": "289e853dae5a94bc1dcb0ac41c837074bc9a3abec4305fd1aeeb8f22b604c914",
        "license": "2a03b242bb3b814b4e5cbe9301a7824c02179ad628e6e25c35d906ce49c20614",
        "models": "7fd86380d1e356dfcf31836787f650734d418518fd146737bea0de8842d561df",
    },
}

_lock = threading.Lock()
_shipped: dict[str, CardParts] = {}


def versions() -> tuple[str, ...]:
    """The shipped card versions, oldest first, as their data folders name them."""
    return tuple(SHIPPED_SHA256)


def part_path(version: str, part: str) -> str:
    """The data file of one part of a shipped card, relative to the package."""
    return f"{DATA_FOLDER}/card-{version}/{part}.json"


def read_data(path: str) -> bytes:
    """The bytes of a data file of the package, read through the package's loader.

    The package's loader reads the file wherever the package lives: a directory, a zip
    archive (zipimport) or a frozen application, which a path built from ``__file__`` and
    ``open()`` would not. This is what ``pkgutil.get_data`` and ``importlib.resources`` do
    underneath; calling the loader directly keeps either module's import cost (a fifth of
    the whole cold start, for ``importlib.resources``) out of the first lookup.
    """
    import os
    import sys

    spec = sys.modules["llama_cards"].__spec__
    loader = getattr(spec, "loader", None)
    origin = getattr(spec, "origin", None)
    if loader is None or not hasattr(loader, "get_data") or not origin:
        raise DataIntegrityError(
            f"the loader of this llama-cards install cannot read its data file {path}; "
            "install the package from a wheel or a source tree"
        )
    full = os.path.join(os.path.dirname(origin), *path.split("/"))
    try:
        data: bytes = loader.get_data(full)
    except OSError as error:
        raise DataIntegrityError(
            f"the data file {path} cannot be read ({error}); reinstall llama-cards"
        ) from error
    return data


def shipped(version: str) -> CardParts:
    """The parts of the shipped card ``version`` (a key of ``SHIPPED_SHA256``), one object
    per version however many threads ask."""
    found = _shipped.get(version)
    if found is None:
        with _lock:
            found = _shipped.get(version)
            if found is None:
                if version not in SHIPPED_SHA256:
                    raise DataIntegrityError(f"no card {version!r} is shipped")
                found = _shipped[version] = CardParts(
                    lambda part: _read_part(version, part), rebuild=(shipped, (version,))
                )
    return found


_newest: list[CardParts] = []


def newest() -> CardParts:
    """The parts of the newest shipped card (asked by every query: one list read when warm)."""
    if _newest:
        return _newest[0]
    found = shipped(next(reversed(SHIPPED_SHA256.keys())))
    _newest[:] = [found]
    return found


def shipped_card(parts: CardParts) -> Card:
    """The whole card of shipped parts: every part built, shared with the card's queries."""
    from ._card import Card

    return parts.once("whole card", lambda: Card.of_parts(parts))


def _read_part(version: str, part: str) -> dict[str, Any]:
    """One part of a shipped card, parsed, once its bytes match the pinned sha256."""
    import hashlib

    from pydantic_core import from_json

    path = part_path(version, part)
    data = read_data(path)
    expected = SHIPPED_SHA256[version][part]
    if hashlib.sha256(data).hexdigest() != expected:
        _explain_damage(version, path)
        raise DataIntegrityError(
            f"the data file {path} differs from the one this release shipped (sha256 "
            f"{expected}); it was changed or damaged, reinstall llama-cards"
        )
    parsed = from_json(data)
    if not isinstance(parsed, dict) or set(parsed) != set(part_fields(part)):
        raise DataIntegrityError(f"the data file {path} does not hold the {part} of card {version}")
    return parsed


def _explain_damage(version: str, path: str) -> None:
    """Say what is wrong with a damaged card when the schema can (the whole card is
    validated, every part as it is on disk)."""
    from pydantic import ValidationError
    from pydantic_core import from_json

    from ._card import Card

    document: dict[str, Any] = {}
    for part in PART_NAMES:
        try:
            parsed = from_json(read_data(part_path(version, part)))
        except ValueError as error:
            raise DataIntegrityError(
                f"the data file {part_path(version, part)} is not valid JSON ({error}); the "
                "install is damaged, reinstall llama-cards"
            ) from error
        if isinstance(parsed, dict):
            document.update(parsed)
    try:
        Card.model_validate(document)
    except ValidationError as error:
        raise DataIntegrityError(
            f"the data file {path} does not match the card schema; the install is damaged, "
            f"reinstall llama-cards: {error}"
        ) from error
