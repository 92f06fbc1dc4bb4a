"""The shipped data: which card revisions exist, and their parts, read and checked once.

Private. Each shipped card is a folder of data files, one per part of the card (see
``PARTS``). A part's bytes are read through the package's loader, checked against the
sha256 pinned below and parsed once, the first time a query needs that part; its records
are built by the card's :class:`~llama_cards._card.CardParts`, which holds them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ._base import parse_json
from ._parts import PART_NAMES, CardParts, part_fields

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).
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
# data/card-<version>/<part>.json (the card's parts, and the files shipped beside them,
# _parts.BESIDE_CARD, read the same way). The test suite validates each card with pydantic and
# checks this table against the files, so loading can trust the bytes once their hash
# matches and skip building validators (see docs/performance.md). After a data change, run
# `python tools/pin_data.py --write` from the repository root to update it.
SHIPPED_SHA256: dict[str, dict[str, str]] = {
    "4": {
        "benchmarks": "4d631ff7aa35861273366fc6b1b9daa44fa53bc8044ddbc6970f23c19c9f0b10",
        "card": "120766f333278ff3a26a0498cfd2f069ee2fd041f946241a5193086a704b1fc5",
        "deployment": "9e794a538fa37aeb74a210f76564b54dc6d9e98af91adb1562a3bf18ba2bb495",
        "documents": "31e5c22d870c26387ee1074bbe922090e7e670cd907a200f198b9cda95d80ff5",
        "languages": "07f2631e9652227b150e139df0752a05c056cc86f2da33ecf4b1ebad3e58430d",
        "license": "8523a62fdf3cba078af698260285e3b0c5449d2003014977fd531c6c5b58c1f5",
        "models": "ee8ed45a678b6b1c9acbbe0e94b43bf235e8dac8da430a9fbe3b332519d643da",
        "prompt-format": "bb425df065cb37ce25084af7590561e44075b7675e5185d5410bb0ad0d5ff6a0",
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
        from .errors import DataIntegrityError

        raise DataIntegrityError(
            f"the loader of this llama-cards install cannot read its data file {path}; "
            "install the package from a wheel or a source tree"
        )
    full = os.path.join(os.path.dirname(origin), *path.split("/"))
    try:
        data: bytes = loader.get_data(full)
    except OSError as error:
        from .errors import DataIntegrityError

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
                    from .errors import DataIntegrityError

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

    path = part_path(version, part)
    data = read_data(path)
    expected = SHIPPED_SHA256[version][part]
    if hashlib.sha256(data).hexdigest() != expected:
        _explain_damage(version, path)
        from .errors import DataIntegrityError

        raise DataIntegrityError(
            f"the data file {path} differs from the one this release shipped (sha256 "
            f"{expected}); it was changed or damaged, reinstall llama-cards"
        )
    parsed = parse_json(data)
    if not isinstance(parsed, dict) or set(parsed) != set(part_fields(part)):
        from .errors import DataIntegrityError

        raise DataIntegrityError(f"the data file {path} does not hold the {part} of card {version}")
    return parsed


def _explain_damage(version: str, path: str) -> None:
    """Say what is wrong with a damaged card when the schema can (the whole card is
    validated, every part as it is on disk)."""
    from pydantic import ValidationError

    from ._card import Card

    document: dict[str, Any] = {}
    for part in PART_NAMES:
        try:
            parsed = parse_json(read_data(part_path(version, part)))
        except ValueError as error:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"the data file {part_path(version, part)} is not valid JSON ({error}); the "
                "install is damaged, reinstall llama-cards"
            ) from error
        if isinstance(parsed, dict):
            document.update(parsed)
    try:
        Card.model_validate(document)
    except ValidationError as error:
        from .errors import DataIntegrityError

        raise DataIntegrityError(
            f"the data file {path} does not match the card schema; the install is damaged, "
            f"reinstall llama-cards: {error}"
        ) from error
