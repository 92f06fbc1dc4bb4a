"""The card: one shipped revision of the model card, its versions, and its JSON form.

```pycon
>>> import llama_cards
>>> current = llama_cards.card()
>>> str(current.version), str(current.updated), current.title
('4', '2026-03', 'Llama 4 Scout 17B 16E Instruct')
>>> llama_cards.require_card(">=4").version == current.version
True

```
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, Generic, Optional, TypeVar, Union

from packaging.version import InvalidVersion, Version
from pydantic import (
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PrivateAttr,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema
from pydantic_core import from_json as parse_json

from ._base import (
    FieldSource,
    FrozenRecord,
    Source,
    YearMonth,
    count,
    text_type_schema,
    trusted_value,
)
from ._benchmarks import (
    Benchmark,
    BenchmarkIndex,
    BenchmarkTable,
    ComparisonModel,
    MissingReason,
    Score,
)
from ._languages import (
    ImageTesting,
    Language,
    LanguageCoverage,
    LanguageIndex,
    find_language,
    is_supported,
)
from ._license import Countries, Entity, LicenseIndex, LicenseTerms, UseAssessment, assess
from ._models import Model, NameIndex, Training, modality_of, model_index
from ._versions import SCHEMA_VERSION
from .errors import (
    ArgumentTypeError,
    DataIntegrityError,
    SchemaVersionError,
    UnknownDocumentError,
)

__all__ = [
    "PARTS",
    "Card",
    "CardParts",
    "CatalogueSpecifications",
    "Document",
    "check_schema_version",
]


_SCHEMA_MAJOR = SCHEMA_VERSION.split(".")[0]


def _version_from_text(value: Union[str, Version]) -> Version:
    if isinstance(value, Version):
        return value
    try:
        return Version(value)
    except InvalidVersion as error:
        raise ValueError(f"{value!r} is not a PEP 440 version (e.g. '4')") from error


class CardVersion:
    """Pydantic glue for a :class:`packaging.version.Version` stored as a string."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return text_type_schema(Version, _version_from_text)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "description": "A PEP 440 version", "examples": ["4"]}


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


class CatalogueSpecifications(FrozenRecord):
    """The catalogue's summary box at the end of the card, as it prints it.

    It summarises the catalogue entry's own model (Scout) and is kept apart from the
    model records: where it differs (it lists text as the only output type, where the
    spec table says text and code), the model records follow the spec table.
    """

    context_length: int
    license: str
    training_data: str
    last_updated: YearMonth
    input_types: tuple[str, ...]
    output_types: tuple[str, ...]
    provider: str
    languages: str
    source: Source


def _sources(value: object) -> Iterator[Source]:
    """Every Source inside a record, however deep."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, FrozenRecord):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _sources(item)


class Card(FrozenRecord):
    """One revision of the card, with every fact it serves.

    Get it from :func:`card`, :func:`cards` or :func:`require_card`; it is immutable and
    shared.
    """

    schema_version: str
    """Data schema the card was written with, ``MAJOR.MINOR`` (see :data:`SCHEMA_VERSION`)."""
    version: Annotated[Version, CardVersion]
    """The card's version as the catalogue prints it (``4``)."""
    title: str
    """The catalogue entry's title, ``"Llama 4 Scout 17B 16E Instruct"``."""
    catalogue: str
    """The catalogue that publishes the card."""
    provider: str
    """The model provider named by the catalogue (``"Meta"``)."""
    model_developer: str
    """The model developer named by the spec table (``"Meta"``)."""
    updated: YearMonth
    """Month of the card's last update (``2026-03``)."""
    release_date: date
    """The models' release date (``2025-04-05``)."""
    deployment_options: tuple[str, ...]
    """How the catalogue deploys the model, as printed."""
    license_name: str
    """The licence the card names."""
    source: Source
    """The card document itself."""
    field_sources: tuple[FieldSource, ...]
    """Where each of the card's own facts is printed (its title, version, dates, provider,
    developer, deployment options, licence name, training hardware), each with every
    section that prints it; see :meth:`source_of`."""
    documents: tuple[Document, ...]
    """Every document a :class:`Source` of this card names."""
    models: tuple[Model, ...]
    """The Llama 4 models, in the card's order."""
    training_total: Training
    """The total row of the training table."""
    training_hardware: str
    """The GPU type of the training time, as printed."""
    catalogue_specifications: CatalogueSpecifications
    """The catalogue's summary box."""

    # --- benchmarks: fields of the benchmark tables go here ---
    benchmark_tables: tuple[BenchmarkTable, ...]
    """The two benchmark tables, pre-trained first: titles and model columns."""
    comparison_models: tuple[ComparisonModel, ...]
    """The earlier Llama models the benchmark tables compare Llama 4 with."""
    missing_reasons: tuple[MissingReason, ...]
    """Why some benchmark cells hold no number, as the card prints it."""
    benchmarks: tuple[Benchmark, ...]
    """Every row of both benchmark tables, in the card's order."""
    scores: tuple[Score, ...]
    """Every cell of both benchmark tables, row by row, in the card's column order."""

    def _benchmark_index(self) -> BenchmarkIndex:
        return self._card_parts().benchmark_index

    def benchmark(self, name: str, *, table: Optional[str] = None) -> Benchmark:
        """The benchmark row of this card named ``name``; see :func:`llama_cards.benchmark`."""
        return self._benchmark_index().benchmark(name, table)

    def score(
        self,
        model: str,
        benchmark: str,
        *,
        table: Optional[str] = None,
        subtask: Optional[str] = None,
    ) -> Score:
        """This card's one cell for ``model`` on ``benchmark``; see :func:`llama_cards.score`."""
        return self._benchmark_index().score(model, benchmark, table, subtask)

    # --- languages: fields of the supported languages go here ---
    languages: tuple[Language, ...]
    """The supported languages, in the card's order."""
    language_coverage: LanguageCoverage
    """How many languages pre-training covered, and what the card allows for others."""
    image_testing: ImageTesting
    """How many input images image understanding was tested with."""

    def language(self, tag: str) -> Language:
        """The language of this card that ``tag`` names (see :func:`llama_cards.language`)."""
        return self._card_parts().language(tag)

    def supports_language(self, tag: str) -> bool:
        """Whether this card supports ``tag`` (see :func:`llama_cards.supports_language`)."""
        return self._card_parts().supports_language(tag)

    # --- licence: fields of the licence and acceptable use policy go here ---
    license: LicenseTerms
    """The Llama 4 licence and acceptable use policy terms, each with its clause and sources."""
    countries: Countries
    """The country code lists the licence check uses (assigned ISO 3166-1 codes, the EU, the
    EEA outside the EU, Switzerland), each with its source and the date it was checked."""

    def assess_use(
        self,
        *,
        domicile: str,
        entity: Entity = "company",
        end_user: bool = False,
        monthly_active_users: Optional[int] = None,
        model: Union[str, Model, None] = None,
    ) -> UseAssessment:
        """Whether a use is permitted under this card's licence terms (see
        :func:`llama_cards.assess_use`)."""
        return self._card_parts().assess_use(
            domicile, entity, end_user, monthly_active_users, model
        )

    _fingerprint: Optional[str] = PrivateAttr(default=None)
    _parts: Optional[CardParts] = PrivateAttr(default=None)

    def _card_parts(self) -> CardParts:
        """The indexes over this card's records, built on first need."""
        parts = self._parts
        if parts is None:
            parts = self._parts = CardParts.of_card(self)
            for entry in self.models:
                entry._join(parts)
        return parts

    # ----------------------------------------------------------------- identity

    @property
    def fingerprint(self) -> str:
        """sha256 of the card's canonical JSON: equal data, equal fingerprint, in any run."""
        if self._fingerprint is None:
            import json

            canonical = json.dumps(
                self.model_dump(mode="json"),
                sort_keys=True,
                separators=(",", ":"),
                ensure_ascii=False,
            )
            self._fingerprint = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return self._fingerprint

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    @model_validator(mode="after")
    def _references_resolve(self) -> Card:
        # What the card's records name must exist in it: a card read with from_json() is
        # refused here rather than failing a later query. (The shipped data is checked by
        # the test suite and pinned, and is not validated at run time.)
        documents = {document.id for document in self.documents}
        unknown = sorted({s.document for s in _sources(self)} - documents)
        if unknown:
            raise ValueError(f"sources name documents the card does not list: {unknown}")
        known_models = {m.id for m in self.models} | {m.id for m in self.comparison_models}
        columns: dict[str, set[str]] = {}
        for table in self.benchmark_tables:
            if not set(table.models) <= known_models:
                raise ValueError(
                    f"the {table.id} table has columns for unknown models: "
                    f"{sorted(set(table.models) - known_models)}"
                )
            columns[table.id] = set(table.models)
        rows = {(row.table, row.id) for row in self.benchmarks}
        for row_table, _ in rows:
            if row_table not in columns:
                raise ValueError(f"a benchmark row names the unknown table {row_table!r}")
        for given in self.scores:
            if (given.table, given.benchmark) not in rows:
                raise ValueError(
                    f"a score names the benchmark {given.benchmark!r} of the {given.table} "
                    "table, which has no such row"
                )
            if given.model not in columns[given.table]:
                raise ValueError(
                    f"a score names the model {given.model!r}, which is not a column of the "
                    f"{given.table} table"
                )
        self._card_parts()  # its models answer from this card
        return self

    # Copies (model_copy, copy.copy, copy.deepcopy) must not inherit the caches built from
    # this card's data: a copy with updated fields would answer with the old values.
    def __copy__(self) -> Card:
        copied = super().__copy__()
        copied._clear_caches()
        return copied

    def __deepcopy__(self, memo: Optional[dict[int, Any]] = None) -> Card:
        copied = super().__deepcopy__(memo)
        copied._clear_caches()
        return copied

    def _clear_caches(self) -> None:
        for name, private in self.__private_attributes__.items():
            setattr(self, name, private.get_default())

    def __repr__(self) -> str:
        return f"<Card {self.title!r} version {self.version} updated {self.updated}>"

    __str__ = __repr__

    # ------------------------------------------------------------------- models

    def model(self, name: Union[str, Model]) -> Model:
        """The model of this card answering to ``name`` (see :func:`llama_cards.model`)."""
        return self._card_parts().model(name)

    def find_models(
        self,
        *,
        min_context: Optional[int] = None,
        input_modality: Optional[str] = None,
        language: Optional[str] = None,
    ) -> tuple[Model, ...]:
        """The models of this card that meet every condition given.

        ``language`` keeps the models that support it; the card lists one set of supported
        languages for every model, so it keeps all of them or none.
        """
        found = self.models
        if min_context is not None:
            needed = count(min_context, "min_context")
            found = tuple(m for m in found if m.context_length >= needed)
        if input_modality is not None:
            wanted = modality_of(input_modality)
            found = tuple(m for m in found if wanted in m.input_modalities)
        if language is not None and not self.supports_language(language):
            found = ()
        return found

    # ------------------------------------------------------------ serialisation

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The card as JSON, with its ``schema_version``; :meth:`from_json` reads it back."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: Union[str, bytes]) -> Card:
        """Read a card written by :meth:`to_json`.

        JSON of another schema major version raises :class:`~llama_cards.SchemaVersionError`;
        JSON that does not match the schema raises :class:`~llama_cards.DataIntegrityError`.
        """
        if not isinstance(data, (str, bytes, bytearray)):
            raise ArgumentTypeError(
                f"Card.from_json takes JSON text (str or bytes), got {type(data).__name__}"
            )
        # Parsed once here for its schema_version, which must be checked before validation
        # (a card of another schema major would otherwise fail with misleading errors).
        try:
            raw = parse_json(data)
        except (ValueError, RecursionError) as error:
            raise DataIntegrityError(f"card JSON is not valid JSON: {error}") from error
        check_schema_version(raw, "card JSON")
        try:
            return cls.model_validate(raw)
        except ValidationError as error:
            raise DataIntegrityError(
                f"card JSON does not match the card schema: {error}"
            ) from error


def check_schema_version(raw: object, where: str) -> None:
    found = raw.get("schema_version") if isinstance(raw, dict) else None
    if not isinstance(found, str):
        raise SchemaVersionError(
            f"{where} has no schema_version; this release reads schema {SCHEMA_VERSION}"
        )
    if found.split(".")[0] != _SCHEMA_MAJOR:
        raise SchemaVersionError(
            f"{where} uses schema {found}, which this release cannot read (it reads "
            f"{_SCHEMA_MAJOR}.x); install a llama-cards release for schema {found}"
        )


# ---------------------------------------------------------------------- parts

PARTS: dict[str, tuple[str, ...]] = {
    "card": (
        "schema_version",
        "version",
        "title",
        "catalogue",
        "provider",
        "model_developer",
        "updated",
        "release_date",
        "deployment_options",
        "license_name",
        "source",
        "field_sources",
        "documents",
        "training_total",
        "training_hardware",
        "catalogue_specifications",
    ),
    "models": ("models",),
    "benchmarks": (
        "benchmark_tables",
        "comparison_models",
        "missing_reasons",
        "benchmarks",
        "scores",
    ),
    "languages": ("languages", "language_coverage", "image_testing"),
    "license": ("license", "countries"),
}
"""The parts of a card, each a data file of its own, and the :class:`Card` fields each holds.

A query reads, checks and builds only the parts it needs: a first ``model()`` reads the
models part alone, however many scores the benchmarks part holds."""

_PART_OF = {field: part for part, fields in PARTS.items() for field in fields}

_Built = TypeVar("_Built")
_MISSING: Any = object()


class _Field(Generic[_Built]):
    """A :class:`Card` field as a :class:`CardParts` attribute, built on first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        value: _Built = parts._built.get(self.name, _MISSING)
        if value is _MISSING:
            value = parts._build(self.name, lambda: parts._make_field(self.name))
        return value


class _Index(Generic[_Built]):
    """An index over a card's records, built on first use from what it needs, and kept."""

    def __init__(self, make: Callable[[CardParts], _Built]) -> None:
        self.make = make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        value: _Built = parts._built.get(self.name, _MISSING)
        if value is _MISSING:
            value = parts._build(self.name, lambda: self.make(parts))
        return value


class CardParts:
    """One card's records and the indexes over them, each built once, on first need.

    The one place that holds what was built for a card. A shipped card's parts are read
    through ``read`` (the loader: bytes read, checked against their pinned sha256 and
    parsed, once per part) and built as records only when a query first needs them; a card
    of one's own (:meth:`Card.from_json`) gives its records as they are. Builds happen under
    one lock, so threads that ask at the same moment share one build.
    """

    __slots__ = ("_built", "_card", "_lock", "_read", "_rebuild")

    def __init__(
        self,
        read: Optional[Callable[[str], dict[str, Any]]] = None,
        *,
        card: Optional[Card] = None,
        rebuild: Optional[tuple[Callable[..., CardParts], tuple[object, ...]]] = None,
    ) -> None:
        self._read = read
        self._card = card
        self._rebuild = rebuild
        self._built: dict[str, Any] = {}
        # Re-entrant: building an index builds the parts it reads.
        self._lock = threading.RLock()

    @classmethod
    def of_card(cls, card: Card) -> CardParts:
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

    def _build(self, name: str, make: Callable[[], _Built]) -> _Built:
        with self._lock:
            value: _Built = self._built.get(name, _MISSING)
            if value is _MISSING:
                value = self._built[name] = make()
        return value

    def _make_field(self, name: str) -> Any:
        if self._card is not None:
            return getattr(self._card, name)
        part = _PART_OF[name]
        raw = self._built.get(f"part {part}")
        if raw is None:
            assert self._read is not None  # parts without a card are read
            raw = self._build(f"part {part}", lambda: self._read(part))  # type: ignore[misc]
        if name == "models":
            return tuple(Model._in_card(entry, self) for entry in raw["models"])
        return trusted_value(Card, name, raw[name])

    # --- the card's fields, by part

    schema_version: _Field[str] = _Field()
    version: _Field[Version] = _Field()
    release_date: _Field[date] = _Field()
    documents: _Field[tuple[Document, ...]] = _Field()
    models: _Field[tuple[Model, ...]] = _Field()
    benchmark_tables: _Field[tuple[BenchmarkTable, ...]] = _Field()
    comparison_models: _Field[tuple[ComparisonModel, ...]] = _Field()
    missing_reasons: _Field[tuple[MissingReason, ...]] = _Field()
    benchmarks: _Field[tuple[Benchmark, ...]] = _Field()
    scores: _Field[tuple[Score, ...]] = _Field()
    languages: _Field[tuple[Language, ...]] = _Field()
    language_coverage: _Field[LanguageCoverage] = _Field()
    image_testing: _Field[ImageTesting] = _Field()
    license: _Field[LicenseTerms] = _Field()
    countries: _Field[Countries] = _Field()

    # --- indexes

    model_index: _Index[NameIndex[Model]] = _Index(lambda parts: model_index(parts.models))
    benchmark_index: _Index[BenchmarkIndex] = _Index(BenchmarkIndex)
    language_index: _Index[LanguageIndex] = _Index(
        lambda parts: LanguageIndex(parts.languages, parts.language_coverage)
    )
    license_index: _Index[LicenseIndex] = _Index(LicenseIndex)
    document_index: _Index[dict[str, Document]] = _Index(
        lambda parts: {document.id: document for document in parts.documents}
    )

    # --- the whole card

    def card(self) -> Card:
        """The card with every part built."""
        if self._card is not None:
            return self._card
        return self._build("card", self._whole_card)

    def _whole_card(self) -> Card:
        whole = Card.model_construct(**{name: self._field(name) for name in Card.model_fields})
        whole._parts = self
        return whole

    def _field(self, name: str) -> Any:
        value = self._built.get(name, _MISSING)
        if value is _MISSING:
            value = self._build(name, lambda: self._make_field(name))
        return value

    # --- queries over one card

    def model(self, name: object) -> Model:
        """The model ``name`` names, a :class:`Model` of this card taken as its id."""
        if isinstance(name, Model):
            name = name.id
        return self.model_index.find(name)

    def language(self, tag: object) -> Language:
        return find_language(self.language_index, tag)

    def supports_language(self, tag: object) -> bool:
        return is_supported(self.language_index, tag)

    def document(self, document_id: object) -> Document:
        found = self.document_index.get(document_id) if isinstance(document_id, str) else None
        if found is None:
            raise UnknownDocumentError(document_id, [], list(self.document_index))
        return found

    def assess_use(
        self,
        domicile: object,
        entity: object,
        end_user: object,
        monthly_active_users: object,
        model: object,
    ) -> UseAssessment:
        return assess(
            self, self.license_index, domicile, entity, end_user, monthly_active_users, model
        )
