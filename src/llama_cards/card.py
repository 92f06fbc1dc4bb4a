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
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Optional, Union

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

from . import _data
from ._base import (
    FieldSource,
    FrozenRecord,
    Source,
    YearMonth,
    _field_sources,
    text_type_schema,
)
from ._data import SCHEMA_VERSION
from .benchmarks import (
    Benchmark,
    BenchmarkTable,
    ComparisonModel,
    MissingReason,
    Score,
    _BenchmarkIndex,
)
from .errors import (
    ArgumentTypeError,
    CardVersionError,
    DataIntegrityError,
    InvalidVersionSpecError,
    SchemaVersionError,
)
from .languages import (
    ImageTesting,
    Language,
    LanguageCoverage,
    _card_language,
    _card_supports,
    _LanguageIndex,
)
from .license import Countries, Entity, LicenseTerms, UseAssessment, _assess, _LicenseIndex
from .models import (
    Model,
    Training,
    _find_model,
    _modality,
    _name_index,
    _shipped_models,
)

__all__ = [
    "SCHEMA_VERSION",
    "Card",
    "CatalogueSpecifications",
    "Document",
    "card",
    "cards",
    "json_schema",
    "require_card",
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

    _benchmark_lookup: Optional[_BenchmarkIndex] = PrivateAttr(default=None)

    def _benchmark_index(self) -> _BenchmarkIndex:
        if self._benchmark_lookup is None:
            self._benchmark_lookup = _BenchmarkIndex(self)
        return self._benchmark_lookup

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

    _language_index: Optional[_LanguageIndex] = PrivateAttr(default=None)

    def language(self, tag: str) -> Language:
        """The language of this card that ``tag`` names (see :func:`llama_cards.language`)."""
        return _card_language(self, tag)

    def supports_language(self, tag: str) -> bool:
        """Whether this card supports ``tag`` (see :func:`llama_cards.supports_language`)."""
        return _card_supports(self, tag)

    # --- licence: fields of the licence and acceptable use policy go here ---
    license: LicenseTerms
    """The Llama 4 licence and acceptable use policy terms, each with its clause and sources."""
    countries: Countries
    """The country code lists the licence check uses (assigned ISO 3166-1 codes, the EU, the
    EEA outside the EU, Switzerland), each with its source and the date it was checked."""

    _license_index: Optional[_LicenseIndex] = PrivateAttr(default=None)

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
        :func:`llama_cards.assess_use`); answers are cached on the card."""
        return _assess(self, domicile, entity, end_user, monthly_active_users, model)

    _fingerprint: Optional[str] = PrivateAttr(default=None)
    _model_index: Optional[dict[str, Model]] = PrivateAttr(default=None)

    # --------------------------------------------------------------- provenance

    def source_of(self, field: str) -> tuple[Source, ...]:
        """Where the value of ``field`` is printed: its :attr:`field_sources` entry, or
        ``(self.source,)`` (the whole card) when it has none.

        Records held by the card (models, benchmarks, languages, the licence) carry their
        own sources. A name that is not a field of :class:`Card` raises
        :class:`~llama_cards.InvalidArgumentError` naming the fields.

        ```pycon
        >>> import llama_cards
        >>> [str(source) for source in llama_cards.card().source_of("updated")]
        ['azure-card, Model Specifications (Last Updated)']

        ```
        """
        return _field_sources(self, self.field_sources, self.source, field)

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

    def _index(self) -> dict[str, Model]:
        if self._model_index is None:
            self._model_index = _name_index(self.models)
        return self._model_index

    def model(self, name: str) -> Model:
        """The model of this card answering to ``name`` (see :func:`llama_cards.model`)."""
        return _find_model(self._index(), self.models, name)

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
            from .models import _count

            needed = _count(min_context, "min_context")
            found = tuple(m for m in found if m.context_length >= needed)
        if input_modality is not None:
            wanted = _modality(input_modality)
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
            raw = _data.parse_json(data)
        except (ValueError, RecursionError) as error:
            raise DataIntegrityError(f"card JSON is not valid JSON: {error}") from error
        _check_schema_version(raw, "card JSON")
        try:
            return cls.model_validate(raw)
        except ValidationError as error:
            raise DataIntegrityError(
                f"card JSON does not match the card schema: {error}"
            ) from error


def _check_schema_version(raw: object, where: str) -> None:
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


# -------------------------------------------------------------------- loading

_lock = threading.Lock()
_loaded: dict[Version, Card] = {}
_shipped: Optional[dict[Version, str]] = None
_newest: Optional[Card] = None


def _shipped_files() -> dict[Version, str]:
    """Shipped versions, oldest first, each with the version string of its data file."""
    global _shipped
    if _shipped is None:
        _shipped = {Version(version): version for version in _data.SHIPPED_SHA256}
    return _shipped


def _validate(raw: bytes, name: str) -> Card:
    try:
        return Card.model_validate_json(raw)
    except ValidationError as error:
        raise DataIntegrityError(
            f"the data file {name} does not match the card schema; the install is damaged, "
            f"reinstall llama-cards: {error}"
        ) from error


def _load(version: Version) -> Card:
    name = _shipped_files()[version]
    # The model records are shared with models.model(), which may have built them first.
    return _data.build_once(
        _loaded,
        version,
        _lock,
        lambda: Card._from_trusted(_data.raw_card(name), models=_shipped_models(name)),
    )


def _parse_version(version: object) -> Version:
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
            f"{version!r} is not a PEP 440 version; shipped card versions are {_shipped_names()}"
        ) from error


def _shipped_names() -> str:
    return ", ".join(repr(str(v)) for v in _shipped_files())


def card(version: Optional[str] = None) -> Card:
    """The shipped card of ``version`` (a PEP 440 version such as ``"4"``), newest when None.

    An unknown version raises :class:`~llama_cards.CardVersionError` naming the shipped ones.
    """
    global _newest
    if version is None:
        if _newest is None:
            _newest = _load(Version(_data.newest_version()))
        return _newest
    wanted = _parse_version(version)
    if wanted not in _shipped_files():
        raise CardVersionError(
            f"no shipped card has version {version!r}; shipped versions are {_shipped_names()}"
        )
    return _load(wanted)


def cards() -> tuple[Card, ...]:
    """Every shipped card revision, oldest first."""
    return tuple(_load(v) for v in _shipped_files())


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
            f"{spec!r} is not a PEP 440 version specifier; write e.g. '>=4' or '==4.*'"
        ) from error
    matching = [v for v in _shipped_files() if specifiers.contains(v, prereleases=True)]
    if not matching:
        raise CardVersionError(
            f"no shipped card satisfies {spec!r}; shipped versions are {_shipped_names()}; "
            "upgrade llama-cards for newer cards"
        )
    return _load(matching[-1])


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Card`, as pydantic writes it."""
    return Card.model_json_schema()
