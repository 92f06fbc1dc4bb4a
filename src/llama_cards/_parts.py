"""One card's parts: each read, checked and built as records once, on first need, with the
indexes over them.

Private. A card is kept in parts, one data file each: the card's own facts, its models,
its benchmark tables, its languages, its licence. A query builds only the parts it needs
(a first ``model()`` the models alone) and creates only their record classes, which is
where a cold start spends its time; the records of one part are built once and shared by
every query and by the whole :class:`~llama_cards.Card`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Optional, TypeVar

from ._base import FrozenRecord, text_argument
from ._models import Model, NameIndex, model_index
from .errors import UnknownDocumentError, UnknownModelError

if TYPE_CHECKING:
    from packaging.version import Version

    from ._benchmarks import (
        Benchmark,
        BenchmarkIndex,
        BenchmarkTable,
        ComparisonModel,
        MissingReason,
        Score,
    )
    from ._facts import Document
    from ._languages import ImageTesting, Language, LanguageCoverage, LanguageIndex
    from ._license import Countries, LicenseIndex, LicenseTerms, UseAssessment

__all__ = ["PART_NAMES", "CardParts", "part_class", "part_fields"]

PART_NAMES = ("card", "models", "benchmarks", "languages", "license")
"""The parts of a card, in the order of its data files."""


def part_class(part: str) -> Optional[type[FrozenRecord]]:
    """The record class of one part of a card (its module is imported only now), or None
    for the models, which are built one by one (each knows the card it belongs to)."""
    if part == "card":
        from ._facts import CardFacts

        return CardFacts
    if part == "benchmarks":
        from ._benchmarks import BenchmarksPart

        return BenchmarksPart
    if part == "languages":
        from ._languages import LanguagesPart

        return LanguagesPart
    if part == "license":
        from ._license import LicensePart

        return LicensePart
    if part == "models":
        return None
    raise KeyError(part)


def part_fields(part: str) -> tuple[str, ...]:
    """The :class:`~llama_cards.Card` fields one part holds, in its data file's order."""
    kind = part_class(part)
    return ("models",) if kind is None else tuple(kind.model_fields)


_Built = TypeVar("_Built")
_MISSING: Any = object()


class _Field(Generic[_Built]):
    """A card field as a :class:`CardParts` attribute, read from its part on first use."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        value: _Built = parts._built.get(self.name, _MISSING)
        if value is _MISSING:
            value = parts.once(self.name, lambda: parts.field(self.name, self.part))
        return value


class _Index(Generic[_Built]):
    """An index over a card's records, built on first use from what it reads, and kept."""

    def __init__(self, make: Callable[[CardParts], _Built]) -> None:
        self.make = make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        value: _Built = parts._built.get(self.name, _MISSING)
        if value is _MISSING:
            value = parts.once(self.name, lambda: self.make(parts))
        return value


def _benchmark_index(parts: CardParts) -> BenchmarkIndex:
    from ._benchmarks import BenchmarkIndex

    return BenchmarkIndex(parts)


def _language_index(parts: CardParts) -> LanguageIndex:
    from ._languages import LanguageIndex

    return LanguageIndex(parts.languages, parts.language_coverage)


def _license_index(parts: CardParts) -> LicenseIndex:
    from ._license import LicenseIndex

    return LicenseIndex(parts)


class CardParts:
    """One card's records and the indexes over them, each built once, on first need.

    The one place that holds what was built for a card. A shipped card's parts are read
    through ``read`` (the loader: a part's bytes read, checked against their pinned sha256
    and parsed, once) and built as records when a query first needs them; a card of one's
    own (:meth:`Card.from_json`) gives its records as they are. Builds happen under one
    lock, so threads that ask at the same moment share one build.
    """

    __slots__ = ("_built", "_card", "_lock", "_read", "_rebuild")

    def __init__(
        self,
        read: Optional[Callable[[str], dict[str, Any]]] = None,
        *,
        card: Any = None,
        rebuild: Optional[tuple[Callable[..., CardParts], tuple[object, ...]]] = None,
    ) -> None:
        self._read = read
        self._card = card
        self._rebuild = rebuild
        self._built: dict[str, Any] = {}
        # Re-entrant: building an index builds the parts it reads.
        self._lock = threading.RLock()

    @classmethod
    def of_card(cls, card: Any) -> CardParts:
        """The parts of a card that is already built (one read from JSON)."""
        return cls(card=card)

    # Shared, never copied: a copy would build everything again. A shipped card's parts are
    # pickled as the loader call that gives them back; any other card's as the card.
    def __reduce__(self) -> tuple[Callable[..., CardParts], tuple[object, ...]]:
        if self._rebuild is not None:
            return self._rebuild
        return (CardParts.of_card, (self._card,))

    def __copy__(self) -> CardParts:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> CardParts:
        return self

    def once(self, name: str, make: Callable[[], _Built]) -> _Built:
        """``make()``, kept under ``name``: built once however many threads ask."""
        value: _Built = self._built.get(name, _MISSING)
        if value is _MISSING:
            with self._lock:
                value = self._built.get(name, _MISSING)
                if value is _MISSING:
                    value = self._built[name] = make()
        return value

    def field(self, name: str, part: str) -> Any:
        """The value of the card field ``name``, which ``part`` holds."""
        if self._card is not None:
            return getattr(self._card, name)
        if part == "models":
            raw = self._raw(part)
            return tuple(Model._in_card(entry, self) for entry in raw["models"])
        record = self.once(f"records {part}", lambda: self._part_record(part))
        return getattr(record, name)

    def _raw(self, part: str) -> dict[str, Any]:
        read = self._read
        assert read is not None  # parts without a card are read
        return read(part)

    def _part_record(self, part: str) -> FrozenRecord:
        kind = part_class(part)
        assert kind is not None
        return kind._from_trusted(self._raw(part))

    def fields(self) -> dict[str, Any]:
        """Every card field, each part built (for the whole card)."""
        return {name: getattr(self, name) for part in PART_NAMES for name in part_fields(part)}

    # --- the card's fields, by part

    schema_version: _Field[str] = _Field("card")
    version: _Field[Version] = _Field("card")
    title: _Field[str] = _Field("card")
    catalogue: _Field[str] = _Field("card")
    provider: _Field[str] = _Field("card")
    model_developer: _Field[str] = _Field("card")
    updated: _Field[Any] = _Field("card")
    release_date: _Field[date] = _Field("card")
    deployment_options: _Field[tuple[str, ...]] = _Field("card")
    license_name: _Field[str] = _Field("card")
    source: _Field[Any] = _Field("card")
    field_sources: _Field[Any] = _Field("card")
    documents: _Field[tuple[Document, ...]] = _Field("card")
    training_total: _Field[Any] = _Field("card")
    training_hardware: _Field[str] = _Field("card")
    catalogue_specifications: _Field[Any] = _Field("card")
    models: _Field[tuple[Model, ...]] = _Field("models")
    benchmark_tables: _Field[tuple[BenchmarkTable, ...]] = _Field("benchmarks")
    comparison_models: _Field[tuple[ComparisonModel, ...]] = _Field("benchmarks")
    missing_reasons: _Field[tuple[MissingReason, ...]] = _Field("benchmarks")
    benchmarks: _Field[tuple[Benchmark, ...]] = _Field("benchmarks")
    scores: _Field[tuple[Score, ...]] = _Field("benchmarks")
    languages: _Field[tuple[Language, ...]] = _Field("languages")
    language_coverage: _Field[LanguageCoverage] = _Field("languages")
    image_testing: _Field[ImageTesting] = _Field("languages")
    license: _Field[LicenseTerms] = _Field("license")
    countries: _Field[Countries] = _Field("license")

    # --- indexes

    model_index: _Index[NameIndex[Model]] = _Index(lambda parts: model_index(parts.models))
    benchmark_index: _Index[BenchmarkIndex] = _Index(_benchmark_index)
    language_index: _Index[LanguageIndex] = _Index(_language_index)
    license_index: _Index[LicenseIndex] = _Index(_license_index)
    document_index: _Index[dict[str, Document]] = _Index(
        lambda parts: {document.id: document for document in parts.documents}
    )

    # --- queries over one card

    def model(self, name: object) -> Model:
        """The model ``name`` names; a :class:`Model` stands for its id.

        A name of a comparison model of the benchmark tables (``"llama-3.1-405b"``) is not a
        model of the card: the error says so and what to call instead.
        """
        if isinstance(name, Model):
            name = name.id
        try:
            return self.model_index.find(name)
        except UnknownModelError as error:
            earlier = self.benchmark_index.model_index.get(error.name)  # type: ignore[arg-type]
            if earlier is None or isinstance(earlier, Model):
                raise
            raise UnknownModelError(
                error.name,
                (),
                self.model_index.ids,
                comparison=(earlier.id, earlier.name),
            ) from None

    def language(self, tag: object) -> Language:
        return self.language_index.find(tag)

    def supports_language(self, tag: object) -> bool:
        return self.language_index.supports(tag)

    def document(self, document_id: object) -> Document:
        found = self.document_index.get(document_id) if type(document_id) is str else None
        if found is None:
            text = text_argument(document_id, "a document id", "azure-card")
            found = self.document_index.get(text)
            if found is None:
                raise UnknownDocumentError(text, [], list(self.document_index))
        return found

    def assess_use(
        self,
        domicile: object,
        entity: object,
        end_user: object,
        monthly_active_users: object,
        model: object,
    ) -> UseAssessment:
        return self.license_index.assess(
            self, domicile, entity, end_user, monthly_active_users, model
        )
