"""The documents a card's facts are taken from: one record each, and the part that lists them.

Private: the public names are re-exported from the package. The documents are a part of
their own (``documents.json``), so that what names a fact's source (a footer, a licence
link) reads them without the rest of the card.
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
from typing import Optional

from ._base import FrozenRecord, YearMonth

__all__ = ["Document", "DocumentsPart"]


class Document(FrozenRecord):
    """A document that facts are taken from, named by :attr:`Source.document`."""

    id: str
    """Short id used by :class:`Source`, e.g. ``"azure-card"``."""
    title: str
    publisher: str
    version: Optional[str]
    """The document's own version, where it states one."""
    updated: Optional[YearMonth]
    """When the document was last updated, where it states it."""
    url: str
    sections: tuple[str, ...] = ()
    """Every section, table or clause of the document that a :class:`Source` of the card
    names (its :attr:`Source.section`), each once; empty in data of schema 1.0."""


class DocumentsPart(FrozenRecord):
    """The part of a :class:`Card` that lists the documents it cites (its own data file)."""

    documents: tuple[Document, ...]
    """Every document a :class:`Source` of this card names."""
