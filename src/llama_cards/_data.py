"""The shipped data files: which card revisions exist, and their bytes, checked and parsed.

Private. Nothing here builds a pydantic record: ``models`` and ``card`` turn the parsed data
into records, each only when first asked for, so a first ``model()`` lookup builds only
the model records and never the benchmark, language or licence ones.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import DataIntegrityError

try:
    from pydantic_core import from_json as parse_json
except ImportError:  # pragma: no cover - pydantic-core before 2.14 (pydantic < 2.5)
    from json import loads as parse_json  # type: ignore[assignment]  # bytes in, objects out

__all__ = [
    "SCHEMA_VERSION",
    "SHIPPED_SHA256",
    "build_once",
    "file_name",
    "newest_version",
    "parse_json",
    "raw_card",
    "read_data",
]

SCHEMA_VERSION = "1.0"
"""Version of the card data schema, ``MAJOR.MINOR``: a new major cannot be read by an old
release; a new minor only adds."""

DATA_FOLDER = "data"

# Every shipped card revision, oldest first: version -> sha256 of data/card-<version>.json.
# The test suite validates each file with pydantic, checks this table is in version order and
# matches the files, so loading can trust the bytes once their hash matches and skip
# building validators (see docs/performance.md). After a data change, run
# `python tools/pin_data.py --write` from the repository root to update it.
SHIPPED_SHA256: dict[str, str] = {
    "4": "f4e2570b9d101e80fddf9bbd9843d4b1df1c47983148859ff26e5ac753213026",
}

_lock = threading.Lock()
_raw: dict[str, dict[str, Any]] = {}

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def build_once(
    cache: dict[_Key, _Value], key: _Key, lock: threading.Lock, build: Callable[[], _Value]
) -> _Value:
    """``cache[key]``, built by ``build()`` the first time, once however many threads ask.

    Every thread that loads at the same moment waits for the one that builds and gets the
    same object; later calls read the cache without taking the lock.
    """
    found = cache.get(key)
    if found is None:
        with lock:
            found = cache.get(key)
            if found is None:
                found = cache[key] = build()
    return found


def file_name(version: str) -> str:
    """The data file of a shipped card version."""
    return f"card-{version}.json"


def newest_version() -> str:
    """The newest shipped card version (the table is kept oldest first)."""
    return next(reversed(SHIPPED_SHA256.keys()))


def read_data(name: str) -> bytes:
    """The bytes of a data file, read through the package's loader.

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
            f"the loader of this llama-cards install cannot read its data file {name}; "
            "install the package from a wheel or a source tree"
        )
    path = os.path.join(os.path.dirname(origin), DATA_FOLDER, name)
    try:
        data: bytes = loader.get_data(path)
    except OSError as error:
        raise DataIntegrityError(
            f"the data file {name} cannot be read ({error}); reinstall llama-cards"
        ) from error
    return data


def raw_card(version: str) -> dict[str, Any]:
    """The parsed data of a shipped card version, once its bytes match the pinned sha256."""
    return build_once(_raw, version, _lock, lambda: _checked_and_parsed(version))


def _checked_and_parsed(version: str) -> dict[str, Any]:
    import hashlib

    name = file_name(version)
    data = read_data(name)
    expected = SHIPPED_SHA256[version]
    if hashlib.sha256(data).hexdigest() != expected:
        from .card import _validate

        # Say what is wrong with it when the schema can, then refuse it either way.
        _validate(data, name)
        raise DataIntegrityError(
            f"the data file {name} differs from the one this release shipped (sha256 "
            f"{expected}); it was changed or damaged, reinstall llama-cards"
        )
    parsed = parse_json(data)
    if not isinstance(parsed, dict) or parsed.get("version") != version:
        raise DataIntegrityError(f"the data file {name} does not hold card {version}")
    return parsed
