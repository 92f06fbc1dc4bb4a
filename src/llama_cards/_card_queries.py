"""The card queries: the shipped cards by version, and the documents they cite.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from . import _loader
from .errors import ArgumentTypeError, CardVersionError, InvalidVersionSpecError, quote_input

if TYPE_CHECKING:
    from packaging.version import Version

    from ._card import Card
    from ._documents import Document


__all__ = ["card", "cards", "document", "json_schema", "require_card"]


# -------------------------------------------------------------------- cards

_VERSIONS: dict[Version, str] = {}


def _shipped_versions() -> dict[Version, str]:
    """Shipped versions, oldest first, each with the name of its data folder."""
    if not _VERSIONS:
        # packaging is imported by the version queries only: document() and the rest of
        # a first query never pay for it.
        from packaging.version import Version

        _VERSIONS.update((Version(name), name) for name in _loader.versions())
    return _VERSIONS


def _load(version: Version) -> Card:
    return _loader.shipped_card(_loader.shipped(_shipped_versions()[version]))


def document(document_id: str) -> Document:
    """The document of the newest card that a :class:`Source` names by ``document_id``.

    ```pycon
    >>> import llama_cards
    >>> scout = llama_cards.model("scout")
    >>> llama_cards.document(scout.source.document).title
    'Llama 4 Scout 17B 16E Instruct'

    ```
    """
    return _loader.newest().document(document_id)


def _parse_version(version: object) -> Version:
    from packaging.version import InvalidVersion, Version

    if isinstance(version, Version):
        return version
    if not isinstance(version, str):
        raise ArgumentTypeError(
            f"a card version must be a string such as '4', got {type(version).__name__}"
        )
    try:
        return Version(version)
    except InvalidVersion as error:
        raise InvalidVersionSpecError(
            f"{quote_input(version)} is not a PEP 440 version; shipped card versions are "
            f"{_shipped_names()}"
        ) from error


def _shipped_names() -> str:
    return ", ".join(repr(str(v)) for v in _shipped_versions())


def card(version: Optional[str] = None) -> Card:
    """The shipped card of ``version`` (a PEP 440 version such as ``"4"``), newest when None.

    An unknown version raises :class:`~llama_cards.CardVersionError` naming the shipped ones.
    """
    if version is None:
        return _loader.shipped_card(_loader.newest())
    wanted = _parse_version(version)
    if wanted not in _shipped_versions():
        raise CardVersionError(
            f"no shipped card has version {quote_input(version)}; shipped versions are "
            f"{_shipped_names()}"
        )
    return _load(wanted)


def cards() -> tuple[Card, ...]:
    """Every shipped card revision, oldest first."""
    return tuple(_load(v) for v in _shipped_versions())


def require_card(spec: str) -> Card:
    """The newest shipped card whose version satisfies the PEP 440 specifier set ``spec``.

    ```pycon
    >>> str(require_card("~=4.0").version)
    '4'
    >>> require_card(">=5")
    Traceback (most recent call last):
    ...
    llama_cards.errors.CardVersionError: no shipped card satisfies '>=5'; shipped versions \
are '4'; upgrade llama-cards for newer cards

    ```
    """
    if not isinstance(spec, str):
        raise ArgumentTypeError(
            f"a version specifier must be a string such as '>=4', got {type(spec).__name__}"
        )
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        specifiers = SpecifierSet(spec)
    except InvalidSpecifier as error:
        raise InvalidVersionSpecError(
            f"{quote_input(spec)} is not a PEP 440 version specifier; write e.g. '>=4' or '==4.*'"
        ) from error
    matching = [v for v in _shipped_versions() if specifiers.contains(v, prereleases=True)]
    if not matching:
        raise CardVersionError(
            f"no shipped card satisfies {quote_input(spec)}; shipped versions are "
            f"{_shipped_names()}; "
            "upgrade llama-cards for newer cards"
        )
    return _load(matching[-1])


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Card`: every rule about one field is in it (patterns for
    year-months, minimums for counts, enums for ids), and its ``description`` lists the
    rules across fields, which JSON Schema cannot state and :meth:`Card.from_json` checks.

    ```pycon
    >>> import llama_cards
    >>> schema = llama_cards.json_schema()
    >>> schema["properties"]["updated"]["pattern"]
    '^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$'
    >>> print(schema["description"].splitlines()[-1])
    - `schema_version` is of this release's major and at most its minor

    ```
    """
    from ._card import CROSS_FIELD_RULES, Card

    schema = Card.model_json_schema()
    rules = "\n".join(f"- {rule}" for rule in CROSS_FIELD_RULES)
    schema["description"] = (
        f"{schema.get('description', '')}\n\nRules across fields, which this schema "
        f"cannot state and Card.from_json() checks:\n{rules}"
    ).lstrip()
    return schema
