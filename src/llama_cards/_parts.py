"""One card's parts: each read, checked and built as records once, on first need, with the
indexes over them.

Private. A card is kept in parts, one data file each: the card's own facts, the documents it
cites, its models,
its benchmark tables, its languages, its licence. A query builds only the parts it needs
(a first ``model()`` the models alone) and creates only their record classes, which is
where a cold start spends its time; the records of one part are built once and shared by
every query and by the whole :class:`~llama_cards.Card`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Optional, TypeVar

from ._base import FrozenRecord, GenericBase, text_argument

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).
if TYPE_CHECKING:
    from packaging.version import Version

    from ._base import ModelId
    from ._benchmarks import (
        Benchmark,
        BenchmarkIndex,
        BenchmarkTable,
        ComparisonModel,
        MissingReason,
        Score,
    )
    from ._deployment import (
        Accelerator,
        Architecture,
        CheckpointFiles,
        ClaimSpec,
        DeploymentIndex,
        OutputLimit,
        QuantizationScheme,
    )
    from ._disagreements import Disagreement
    from ._documents import Document
    from ._facts import CatalogueSpecifications
    from ._languages import ImageTesting, Language, LanguageCoverage, LanguageIndex
    from ._license import Countries, LicenseIndex, LicenseTerms, UseAssessment
    from ._memory import HardwareClaim, MemoryEstimate, ParameterBreakdown
    from ._model_parts import ModelFacts, NameIndex
    from ._models import Model
    from ._prompt import PromptFormat

__all__ = ["BESIDE_CARD", "PART_NAMES", "CardParts", "part_class", "part_fields"]

PART_NAMES = ("card", "documents", "models", "benchmarks", "languages", "license", "deployment")
"""The parts of a card, in the order of its data files."""

BESIDE_CARD = ("prompt-format",)
"""Data files shipped beside a card's parts that are no part of the card (its JSON, its
fingerprint): each is pinned, read and built like a part, on first need."""


def part_class(part: str) -> Optional[type[FrozenRecord]]:
    """The record class of one part of a card (its module is imported only now), or None
    for the models, which are built one by one (each knows the card it belongs to)."""
    if part == "card":
        from ._facts import CardFacts

        return CardFacts
    if part == "documents":
        from ._documents import DocumentsPart

        return DocumentsPart
    if part == "benchmarks":
        from ._benchmarks import BenchmarksPart

        return BenchmarksPart
    if part == "languages":
        from ._languages import LanguagesPart

        return LanguagesPart
    if part == "license":
        from ._license import LicensePart

        return LicensePart
    if part == "prompt-format":
        from ._prompt import PromptFormat

        return PromptFormat
    if part == "deployment":
        from ._deployment import DeploymentPart

        return DeploymentPart
    if part == "models":
        return None
    raise KeyError(part)


def part_fields(part: str) -> tuple[str, ...]:
    """The :class:`~llama_cards.Card` fields one part holds, in its data file's order."""
    kind = part_class(part)
    return ("models",) if kind is None else tuple(kind.model_fields)


_Built = TypeVar("_Built")
_MISSING: Any = object()


class _Field(GenericBase[_Built]):
    """A card field as a :class:`CardParts` attribute, read from its part on first use."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        # Called only until the field is built: it is then kept under its own name.
        value: _Built = parts.once(self.name, lambda: parts.field(self.name, self.part))
        return value


class _Index(GenericBase[_Built]):
    """An index over a card's records, built on first use from what it reads, and kept."""

    def __init__(self, make: Callable[[CardParts], _Built]) -> None:
        self.make = make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, parts: CardParts, kind: Optional[type] = None) -> _Built:
        # Called only until the index is built: it is then kept under its own name.
        return parts.once(self.name, lambda: self.make(parts))


def _model_facts(parts: CardParts) -> tuple[ModelFacts, ...]:
    from ._model_parts import ModelFacts

    if parts._read is None or "models" in parts.__dict__:
        # A card of one's own, or models already built: their records give the facts.
        from ._models import model_names

        return tuple(
            ModelFacts(
                entry.id,
                entry.short_name,
                model_names(entry),
                entry.input_modalities,
                entry.release_date,
            )
            for entry in parts.models
        )
    return tuple(ModelFacts.from_json(entry) for entry in parts._models_json()["models"])


def _model_facts_index(parts: CardParts) -> NameIndex[ModelFacts]:
    from ._model_parts import NameIndex

    return NameIndex((facts, facts.names) for facts in parts.model_facts)


def _benchmark_index(parts: CardParts) -> BenchmarkIndex:
    from ._benchmarks import BenchmarkIndex

    return BenchmarkIndex(parts)


def _comparison_model_index(parts: CardParts) -> NameIndex[ComparisonModel]:
    from ._benchmarks import comparison_model_index

    return comparison_model_index(parts.comparison_models)


def _language_index(parts: CardParts) -> LanguageIndex:
    from ._languages import LanguageIndex

    return LanguageIndex(parts.languages, parts.language_coverage)


def _prompt_format(parts: CardParts) -> PromptFormat:
    from ._prompt import PromptFormat

    if parts._read is None:
        from .errors import InvalidArgumentError

        raise InvalidArgumentError(
            "a card read from JSON carries no prompt format: the prompt format is shipped "
            "beside the card, and token counting reads the shipped one"
        )
    record = parts._part_record("prompt-format")
    assert isinstance(record, PromptFormat)
    return record


def _license_index(parts: CardParts) -> LicenseIndex:
    from ._license import LicenseIndex

    return LicenseIndex(parts)


def _deployment_index(parts: CardParts) -> DeploymentIndex:
    from ._deployment import DeploymentIndex, DeploymentPart

    return DeploymentIndex(
        DeploymentPart._construct(
            {name: getattr(parts, name) for name in part_fields("deployment")}
        )
    )


# ------------------------------------------------------------------ disagreements
# One gatherer per part that holds places where two sources print a fact differently, each
# giving them as Disagreement records. A part that keeps its own adds its gatherer to
# DISAGREEMENT_GATHERERS; discrepancies() reads them all, in the parts' order.


def _disagreement(values: dict[str, Any]) -> Disagreement:
    from ._disagreements import Disagreement

    return Disagreement._construct(values, in_order=True)


def _benchmark_disagreements(parts: CardParts) -> Iterator[Disagreement]:
    for row in parts.benchmarks:
        for other in row.discrepancies:
            served = getattr(row, other.field)
            yield _disagreement(
                {
                    "field": f"benchmarks[{row.table}/{row.id}].{other.field}",
                    "served": "-" if served is None else str(served),
                    "served_source": row.source,
                    "other": other.printed,
                    "other_source": other.source,
                    "note": other.note,
                }
            )
    for compared in parts.comparison_models:
        # Comparison models may carry their own (a field added by their records).
        yield from getattr(compared, "disagreements", ())


def _model_disagreements(parts: CardParts) -> Iterator[Disagreement]:
    for entry in parts.models:
        for other in entry.alternative_printings:
            yield _disagreement(
                {
                    "field": f"models[{entry.id}].{other.field}",
                    "served": str(getattr(entry, other.field)),
                    "served_source": entry.source_of(other.field)[0],
                    "other": other.printed,
                    "other_source": other.source,
                    "note": other.note,
                }
            )


def _summary_box_disagreements(parts: CardParts) -> Iterator[Disagreement]:
    # The catalogue's summary box describes the catalogue entry's own model; where its types
    # differ from that model's spec-table row, the row is served.
    box: CatalogueSpecifications = parts.catalogue_specifications
    facts = parts.model_facts_index.get(parts.title)
    if facts is None:
        return
    entry = parts.model_of(facts.id)
    for kind, box_types, served, printed in (
        ("input", box.input_types, entry.input_modalities, entry.input_description),
        ("output", box.output_types, entry.output_modalities, entry.output_description),
    ):
        if {name.casefold() for name in box_types} != set(served):
            field = f"{kind}_modalities"
            yield _disagreement(
                {
                    "field": f"models[{entry.id}].{field}",
                    "served": printed,
                    "served_source": entry.source_of(field)[0],
                    "other": ", ".join(box_types),
                    "other_source": box.source,
                    "note": (
                        f"The catalogue's summary box lists {', '.join(box_types)} as the "
                        f"{kind} types, where the spec table (served) prints {printed!r}."
                    ),
                }
            )


def _deployment_disagreements(parts: CardParts) -> Iterator[Disagreement]:
    yield from parts.deployment_disagreements


DISAGREEMENT_GATHERERS: tuple[Callable[[CardParts], Iterator[Disagreement]], ...] = (
    _summary_box_disagreements,
    _model_disagreements,
    _benchmark_disagreements,
    _deployment_disagreements,
)
"""Every part's gatherer of disagreements, in the order :func:`discrepancies` lists them."""


class CardParts:
    """One card's records and the indexes over them, each built once, on first need.

    The one place that holds what was built for a card. A shipped card's parts are read
    through ``read`` (the loader: a part's bytes read, checked against their pinned sha256
    and parsed, once) and built as records when a query first needs them; a card of one's
    own (:meth:`Card.from_json`) gives its records as they are. Builds happen under one
    lock, so threads that ask at the same moment share one build.
    """

    # What was built is kept in the instance's own dict, each field and index under its
    # name: the descriptors below are asked only until then, and a built one is a plain
    # attribute read. The models' records are kept by id, each built on its own first
    # lookup (the models field gathers them, in the card's order).
    __slots__ = ("__dict__", "_card", "_lock", "_model_records", "_read", "_rebuild")

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
        # Re-entrant: building an index builds the parts it reads.
        self._lock = threading.RLock()
        # Each model's record by id, built on its first lookup and read here by every later one.
        self._model_records: dict[str, Model] = {}

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
        """``make()``, kept under ``name``: built once however many threads ask.

        ``name`` is a field's or an index's own name (its descriptor is then no longer
        asked), or words with a space, which no attribute has (``"whole card"``).
        """
        built = self.__dict__
        value: _Built = built.get(name, _MISSING)
        if value is _MISSING:
            with self._lock:
                value = built.get(name, _MISSING)
                if value is _MISSING:
                    # Any other key would shadow an attribute of this card.
                    assert " " in name or isinstance(vars(CardParts).get(name), (_Field, _Index))
                    value = built[name] = make()
        return value

    def field(self, name: str, part: str) -> Any:
        """The value of the card field ``name``, which ``part`` holds."""
        if self._card is not None:
            return getattr(self._card, name)
        if part == "models":
            return tuple(self.model_of(entry["id"]) for entry in self._models_json()["models"])
        record = self.once(f"records {part}", lambda: self._part_record(part))
        return getattr(record, name)

    def model_of(self, model_id: str) -> Model:
        """The record of the card's model ``model_id`` (an id the card has), built alone
        on first need: a lookup of one model builds none of the others' records."""
        built = self._model_records
        found = built.get(model_id)
        if found is None:
            with self._lock:
                found = built.get(model_id)
                if found is None:
                    found = built[model_id] = self._model_record(model_id)
        return found

    def _model_record(self, model_id: str) -> Model:
        if self._read is None:  # a card of one's own: its records, as they are
            return next(entry for entry in self.models if entry.id == model_id)
        from ._models import Model

        (data,) = (entry for entry in self._models_json()["models"] if entry["id"] == model_id)
        return Model._in_card(data, self)

    def _raw(self, part: str) -> dict[str, Any]:
        read = self._read
        assert read is not None  # parts without a card are read
        return read(part)

    def _models_json(self) -> dict[str, Any]:
        # Read once: both the model records and the model facts are built from it.
        return self.once("json models", lambda: self._raw("models"))

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
    training_total: _Field[Any] = _Field("card")
    training_hardware: _Field[str] = _Field("card")
    catalogue_specifications: _Field[Any] = _Field("card")
    documents: _Field[tuple[Document, ...]] = _Field("documents")
    models: _Field[tuple[Model, ...]] = _Field("models")
    benchmark_tables: _Field[tuple[BenchmarkTable, ...]] = _Field("benchmarks")
    comparison_models: _Field[tuple[ComparisonModel, ...]] = _Field("benchmarks")
    missing_reasons: _Field[tuple[MissingReason, ...]] = _Field("benchmarks")
    benchmarks: _Field[tuple[Benchmark, ...]] = _Field("benchmarks")
    scores: _Field[tuple[Score, ...]] = _Field("benchmarks")
    languages: _Field[tuple[Language, ...]] = _Field("languages")
    language_coverage: _Field[LanguageCoverage] = _Field("languages")
    image_testing: _Field[ImageTesting] = _Field("languages")
    written_names_generated: _Field[Optional[date]] = _Field("languages")
    license: _Field[LicenseTerms] = _Field("license")
    countries: _Field[Countries] = _Field("license")
    architectures: _Field[tuple[Architecture, ...]] = _Field("deployment")
    checkpoint_files: _Field[tuple[CheckpointFiles, ...]] = _Field("deployment")
    output_limits: _Field[tuple[OutputLimit, ...]] = _Field("deployment")
    accelerators: _Field[tuple[Accelerator, ...]] = _Field("deployment")
    quantization_schemes: _Field[tuple[QuantizationScheme, ...]] = _Field("deployment")
    hardware_claims: _Field[tuple[ClaimSpec, ...]] = _Field("deployment")
    deployment_disagreements: _Field[tuple[Disagreement, ...]] = _Field("deployment")

    # --- indexes

    model_facts: _Index[tuple[ModelFacts, ...]] = _Index(_model_facts)
    """What the model lookups, the licence check and the benchmark tables read of the
    models, without their records."""
    model_facts_index: _Index[NameIndex[ModelFacts]] = _Index(_model_facts_index)
    """The one index of the models' names: a lookup finds the facts, then the record."""
    benchmark_index: _Index[BenchmarkIndex] = _Index(_benchmark_index)
    comparison_model_index: _Index[NameIndex[ComparisonModel]] = _Index(_comparison_model_index)
    language_index: _Index[LanguageIndex] = _Index(_language_index)
    license_index: _Index[LicenseIndex] = _Index(_license_index)
    prompt_format: _Index[PromptFormat] = _Index(_prompt_format)
    """The Llama 4 prompt format shipped beside the card (token counting reads it)."""
    deployment_index: _Index[DeploymentIndex] = _Index(_deployment_index)
    document_index: _Index[dict[str, Document]] = _Index(
        lambda parts: {document.id: document for document in parts.documents}
    )

    # --- queries over one card

    def model(self, name: object) -> Model:
        """The model ``name`` names; a :class:`Model` stands for its id.

        A name of a comparison model of the benchmark tables (``"llama-3.1-405b"``) is not a
        model of the card: the error says so and what to call instead.
        """
        if type(name) is str:
            # The common case, answered without the full argument check.
            facts = self.model_facts_index.known(name)
            if facts is not None:
                # model_of's first read, written here: one method call less on every lookup.
                found = self._model_records.get(facts.id)
                return self.model_of(facts.id) if found is None else found
        return self.model_of(self.model_id(name))

    def model_id(self, name: object) -> ModelId:
        """The id of the model ``name`` names, read from the model facts (no model record
        is built); a :class:`Model` stands for its id."""
        index = self.model_facts_index
        if type(name) is not str:
            # The model records' module is imported by the first query that reads models
            # (a language or licence question alone never does).
            from ._models import Model

            if isinstance(name, Model):
                name = name.id
        if isinstance(name, str):
            name = text_argument(name, "a model name", "scout")
            found = index.get(name)
            if found is not None:
                return found.id
            # An error path: building the benchmark part to say why is cheap enough here.
            earlier = self.comparison_model_index.get(name)
            if earlier is not None:
                from .errors import UnknownModelError, quote_input

                raise UnknownModelError(
                    name,
                    [],
                    index.ids,
                    message=(
                        f"{quote_input(name)} is {earlier.name} ({earlier.id!r}), a comparison "
                        "model of the benchmark tables, not a Llama 4 model of the card; call "
                        f"comparison_model({earlier.id!r}) for its record, or score(), scores() "
                        "and compare() for its scores (the card's models are "
                        f"{', '.join(repr(known) for known in index.ids)})"
                    ),
                    comparison=(earlier.id, earlier.name),
                )
        return index.find(name).id

    def comparison_model(self, name: object) -> ComparisonModel:
        """The comparison model ``name`` names; its record stands for its id."""
        from ._benchmarks import ComparisonModel

        if isinstance(name, ComparisonModel):
            name = name.id
        return self.comparison_model_index.find(name, "a comparison model's name")

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
                from .errors import UnknownDocumentError

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

    # --- deployment

    def disagreements(self) -> tuple[Disagreement, ...]:
        """Every place two sources print one of this card's facts differently."""
        return self.once(
            "all disagreements",
            lambda: tuple(item for gather in DISAGREEMENT_GATHERERS for item in gather(self)),
        )

    def _deployment(self, what: str, found: Optional[_Built]) -> _Built:
        if found is None:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"this card has no deployment data for {what} (a card of schema 1.0); use "
                "the shipped card, llama_cards.card()"
            )
        return found

    def architecture(self, model: str) -> Architecture:
        return self._deployment(
            f"{model}'s architecture", self.deployment_index.architectures.get(model)
        )

    def output_limit(self, model: str) -> OutputLimit:
        return self._deployment(
            f"{model}'s output limit", self.deployment_index.output_limits.get(model)
        )

    def accelerator(self, name: object) -> Accelerator:
        return self.deployment_index.accelerator(name)

    def _schemes(self) -> dict[str, QuantizationScheme]:
        return self.deployment_index.schemes

    def parameter_breakdown(self, model: Model) -> ParameterBreakdown:
        from ._memory import parameter_breakdown

        return parameter_breakdown(self.architecture(model.id))

    def weights_bytes(self, model: Model, precision: object, scheme: object) -> int:
        from ._memory import weights_bytes

        arch = self.architecture(model.id)
        return weights_bytes(arch, model.total_parameters, self._schemes(), precision, scheme)

    def kv_cache_bytes(
        self,
        model: Model,
        tokens: object,
        precision: object,
        chunked_window: object,
        sequences: object,
    ) -> int:
        from ._memory import kv_cache_bytes

        return kv_cache_bytes(
            self.architecture(model.id),
            tokens,
            precision=precision,
            chunked_window=chunked_window,
            sequences=sequences,
        )

    def estimate_memory(self, model: Model, **settings: object) -> MemoryEstimate:
        from ._memory import estimate

        def weights_of(precision: str, scheme: str) -> int:
            return self.weights_bytes(model, precision, scheme)

        return estimate(
            model.id, self.architecture(model.id), weights_of, self.accelerator, **settings
        )

    def published_weights_bytes(self, repo: str) -> Optional[int]:
        """Bytes of Meta's published files of the checkpoint ``repo``, where stated."""
        return self.deployment_index.checkpoint_files(repo).published_bytes

    def claims(self, claimed: bool) -> tuple[HardwareClaim, ...]:
        """The card's hardware claims (``claimed``), or the contrasts it does not make,
        each checked."""
        from ._memory import check_claim

        checked = []
        for spec in self.hardware_claims:
            if spec.claimed is not claimed:
                continue
            entry = self.model(spec.model)
            if spec.basis == "published-files" and spec.repo is not None:
                published = self.published_weights_bytes(spec.repo)
                weights = self._deployment(f"{spec.repo}'s files", published)
            else:
                weights = self.weights_bytes(entry, spec.precision, "meta")
            checked.append(
                check_claim(
                    spec,
                    self.architecture(entry.id),
                    weights,
                    self.accelerator(spec.accelerator),
                )
            )
        return tuple(checked)
