"""The card's two benchmark tables as records, every cell typed, and the index over them.

The card prints a "Pre-trained models" table and an "Instruction tuned models" table. Each
row is a :class:`Benchmark`, each cell a :class:`Score`; a cell without a number says why
(``missing``). The same benchmark can be a row of both tables (MMLU Pro is 5-shot in one,
0-shot in the other), so a lookup names the table when the benchmark alone is ambiguous.

```pycon
>>> import llama_cards
>>> llama_cards.score("scout", "MMLU Pro", table="instruct").value
74.3
>>> llama_cards.score("Llama 3.3 70B", "mmmu").missing
'no-multimodal-support'
>>> llama_cards.score("maverick", "mtob-half-book", subtask="eng->kgv").value
54.0
>>> print(llama_cards.scores(benchmark="GPQA Diamond", model="maverick").to_markdown())
| Category | Benchmark | # Shots | Metric | Llama 4 Maverick |
|---|---|---|---|---|
| Reasoning & Knowledge | GPQA Diamond | 0 | accuracy | 69.8 |

```
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Optional, Protocol, Union

from ._base import (
    Count,
    FieldSource,
    FrozenRecord,
    Modality,
    Precision,
    Source,
    Variant,
    YearMonth,
    count,
    name_key,
    spellings_of,
    text_argument,
    unexpected_type,
)
from ._disagreements import Disagreement
from ._model_parts import HuggingFaceRepo, ModelFacts, NameIndex, Quantity, modality_of

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = [
    "Benchmark",
    "BenchmarkId",
    "BenchmarkIndex",
    "BenchmarkTable",
    "BenchmarksPart",
    "ComparisonModel",
    "ComparisonModelId",
    "Discrepancy",
    "Footnote",
    "MissingReason",
    "MissingReasonId",
    "Score",
    "ScoreModelId",
    "SupportedLanguage",
    "TrainingRow",
    "comparison_model_index",
]

BenchmarkId = Literal[
    "mmlu",
    "mmlu-pro",
    "math",
    "mbpp",
    "tydiqa",
    "chartqa",
    "docvqa",
    "mmmu",
    "mmmu-pro",
    "mathvista",
    "livecodebench",
    "gpqa-diamond",
    "mgsm",
    "mtob-half-book",
    "mtob-full-book",
]
"""Canonical id of a benchmark; a benchmark of both tables (``"mmlu-pro"``) has one id."""

ComparisonModelId = Literal["llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b"]
"""Id of an earlier Llama model that the benchmark tables compare Llama 4 with."""

ScoreModelId = Literal[
    "llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b", "llama-4-scout", "llama-4-maverick"
]
"""Id of a model with a column in a benchmark table: a comparison model or a Llama 4 model."""

MissingReasonId = Literal["no-multimodal-support", "context-window-128k"]
"""Why a cell holds no number: the model takes no images, or its context is too short."""


# --------------------------------------------------------------------- records


class Footnote(FrozenRecord):
    """A note that a mark on a benchmark's name refers to."""

    marker: str
    """The mark as printed after the name, e.g. ``"^"``."""
    text: str
    """What the note says, in short words."""
    source: Source
    """Where the note is printed (the catalogue prints the mark but not the note)."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class Discrepancy(FrozenRecord):
    """Another printing of a benchmark's attribute than the one served.

    The catalogue card is served; where Meta's card (or a second printing of the same table
    in the catalogue) prints the attribute differently, the other printing is kept here.
    """

    field: Literal["name", "category", "shots", "metric"]
    """Which attribute of the :class:`Benchmark` is printed differently, e.g. ``"metric"``."""
    printed: str
    """The other printing, e.g. ``"macro_avg/acc"``."""
    note: str
    """What differs, in short words."""
    source: Source
    """Where the other printing is."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class MissingReason(FrozenRecord):
    """Why a cell of a benchmark table holds no number, as the card prints it."""

    id: MissingReasonId
    """Canonical id, e.g. ``"no-multimodal-support"``."""
    printed: str
    """The text in the card's cell, e.g. ``"No multimodal support"``."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


_SCALE = {"": 1, "k": 1_000, "K": 1_000, "M": 1_000_000, "B": 10**9, "T": 10**12}


def printed_number(text: str) -> Decimal:
    """The number ``text`` prints, with ``k``/``M``/``B``/``T`` read as powers of 1,000 (the
    rule that reads the card's ``10M`` as 10,000,000 reads ``128k`` as 128,000).

    ```pycon
    >>> printed_number("128k"), printed_number("~15T+"), printed_number("2,040")
    (Decimal('128000'), Decimal('15000000000000'), Decimal('2040'))

    ```
    """
    match = re.fullmatch(r"~?([0-9][0-9,]*(?:\.[0-9]+)?)([kKMBT]?)\+?", text)
    if match is None:
        raise ValueError(f"{text!r} is not a number as the cards print them (e.g. '128k')")
    return Decimal(match.group(1).replace(",", "")) * _SCALE[match.group(2)]


def _agrees(value: object, printed: "Optional[str]", what: str) -> None:
    if value is not None and printed is not None and Decimal(str(value)) != printed_number(printed):
        raise ValueError(f"{what} is {value!r}, but its printing {printed!r} says otherwise")


class SupportedLanguage(FrozenRecord):
    """A language a comparison model's card lists as supported, with its ISO 639 codes.

    The codes are those of the Llama 4 language of the same name, where there is one.
    """

    name: str
    """The English name as the card prints it, e.g. ``"German"``."""
    iso639_1: str
    """ISO 639-1 code, e.g. ``"de"``; also the BCP 47 language subtag."""
    iso639_2t: str
    """ISO 639-2 terminology code, e.g. ``"deu"``."""
    iso639_2b: str
    """ISO 639-2 bibliographic code, e.g. ``"ger"``."""
    iso639_3: str
    """ISO 639-3 code, e.g. ``"deu"``."""
    codes_source: Source
    """Where the ISO 639 codes come from (the card prints the name only)."""

    @property
    def codes(self) -> "tuple[str, ...]":
        """The ISO 639 codes, each once: 639-1, 639-2/T, 639-2/B, 639-3."""
        return tuple(dict.fromkeys((self.iso639_1, self.iso639_2t, self.iso639_2b, self.iso639_3)))

    def __str__(self) -> str:
        return self.name


class TrainingRow(FrozenRecord):
    """A comparison model's row of its own card's training table, as printed.

    Unlike the Llama 4 :class:`~llama_cards.Training` rows, the Llama 3.x tables print
    emissions with decimals (``12.9``) and name their unit in the header, so the printed
    text and the unit are kept beside each number.
    """

    row: str
    """The row's name as printed, e.g. ``"Llama 3.1 70B"``."""
    gpu_hours: int
    """Training time in GPU hours, e.g. ``7_000_000``."""
    gpu_hours_printed: str
    """The GPU hours as printed, e.g. ``"7.0M"``."""
    power_watts: Optional[int]
    """Peak power per GPU in watts, e.g. ``700``; ``None`` where the cell is empty."""
    location_based_tco2eq: float
    """Location-based greenhouse gas emissions in :attr:`emissions_unit`, e.g. ``2040.0``."""
    location_based_printed: str
    """The location-based emissions as printed, e.g. ``"2,040"``."""
    market_based_tco2eq: float
    """Market-based greenhouse gas emissions in :attr:`emissions_unit`, e.g. ``0.0``."""
    market_based_printed: str
    """The market-based emissions as printed, e.g. ``"0"``."""
    emissions_unit: str
    """The emission columns' unit as the header prints it, e.g. ``"tons CO2eq"``."""
    source: Source
    """The table row."""

    def _record_rules(self) -> None:
        _agrees(self.gpu_hours, self.gpu_hours_printed, "gpu_hours")
        _agrees(self.location_based_tco2eq, self.location_based_printed, "location_based_tco2eq")
        _agrees(self.market_based_tco2eq, self.market_based_printed, "market_based_tco2eq")


class ComparisonModel(FrozenRecord):
    """An earlier Llama model that a benchmark table compares Llama 4 with.

    ``id``, ``name`` and ``source`` name the benchmark tables' column (the Llama 4 card);
    every other fact is from Meta's own card of the model or Meta's registry, and
    :meth:`source_of` says where. Where another printing of a fact differs from the one
    served, :attr:`disagreements` keeps both. A document of schema 1.0 has the column
    only: the other fields then keep their defaults (``None`` or empty).

    ```pycon
    >>> import llama_cards
    >>> older = llama_cards.comparison_model("Llama 3.3 70B")
    >>> older.context_length, older.context_length_printed, str(older.knowledge_cutoff)
    (128000, '128k', '2023-12')
    >>> older.accepts("image"), older.supports_language("pt-BR")
    (False, True)

    ```
    """

    id: ComparisonModelId
    """Canonical id, e.g. ``"llama-3.1-405b"``."""
    name: str
    """The name as the column header prints it, e.g. ``"Llama 3.1 405B"``."""
    source: Source
    """The benchmark tables' column header that names the model."""
    parameters: Optional[int] = None
    """Parameters of the (dense) model, e.g. ``405_000_000_000`` (printed ``405B``)."""
    parameters_printed: Optional[str] = None
    """The parameter count as printed, e.g. ``"405B"``."""
    input_modalities: tuple[Modality, ...] = ()
    """What the model takes in: ``("text",)``."""
    output_modalities: tuple[Modality, ...] = ()
    """What the model produces: ``("text", "code")``."""
    input_description: Optional[str] = None
    """The input modalities as printed, ``"Multilingual Text"``."""
    output_description: Optional[str] = None
    """The output modalities as printed, ``"Multilingual Text and code"``."""
    context_length: Optional[int] = None
    """Context window in tokens, ``128_000`` (the card prints ``128k``; Meta's registry's
    131,072 is kept in :attr:`disagreements`)."""
    context_length_printed: Optional[str] = None
    """The context length as printed, ``"128k"``."""
    training_tokens: Optional[Quantity] = None
    """Pre-training tokens, ``15T+``: at least 15 trillion (:attr:`Quantity.lower_bound`)."""
    knowledge_cutoff: Optional[YearMonth] = None
    """Month of the pre-training data cutoff, ``2023-12``."""
    release_date: Optional[date] = None
    """Release date, e.g. ``2024-07-23``."""
    languages: tuple[SupportedLanguage, ...] = ()
    """The supported languages, in the model's card's order."""
    license_name: Optional[str] = None
    """The licence's name as the card's licence line prints it, e.g.
    ``"Llama 3.1 Community License"``."""
    license_url: Optional[str] = None
    """Where the card says the licence is published."""
    huggingface_repos: tuple[HuggingFaceRepo, ...] = ()
    """The checkpoints of the model that Meta's registry lists on the Hugging Face Hub."""
    training: Optional[TrainingRow] = None
    """The model's row of its card's training table."""
    disagreements: tuple[Disagreement, ...] = ()
    """Where another printing of a fact differs from the one served, both with sources."""
    field_sources: tuple[FieldSource, ...] = ()
    """Where each fact other than the column's name is printed; see :meth:`source_of`."""

    def _record_rules(self) -> None:
        _agrees(self.parameters, self.parameters_printed, "parameters")
        _agrees(self.context_length, self.context_length_printed, "context_length")
        tokens = self.training_tokens
        if tokens is not None:
            _agrees(tokens.value, tokens.printed, "training_tokens")
            if tokens.lower_bound != tokens.printed.endswith("+"):
                raise ValueError("training_tokens.lower_bound must match a trailing '+'")
        fields = type(self).model_fields
        for entry in self.field_sources:
            if entry.field not in fields:
                raise ValueError(f"field_sources names {entry.field!r}, which is not a field")
        prefix = f"comparison_models[{self.id}]."
        for disagreement in self.disagreements:
            if not disagreement.field.startswith(prefix):
                raise ValueError(f"a disagreement of {self.id} names {disagreement.field!r}")
            value: object = self
            for part in disagreement.field.removeprefix(prefix).split("."):
                if not isinstance(value, FrozenRecord) or part not in type(value).model_fields:
                    raise ValueError(f"a disagreement names {disagreement.field!r}, not a field")
                value = getattr(value, part)

    def _context(self) -> int:
        if self.context_length is None:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"this card gives no context length for {self.name} (a document of schema 1.0 "
                "names the comparison models only)"
            )
        return self.context_length

    def fits_context(self, prompt_tokens: int, max_new_tokens: int = 0) -> bool:
        """Whether ``prompt_tokens + max_new_tokens`` fits in the context window, as
        :meth:`Model.fits_context <llama_cards.Model.fits_context>` answers it.

        ```pycon
        >>> import llama_cards
        >>> older = llama_cards.comparison_model("llama-3.1-405b")
        >>> older.fits_context(128_000), older.fits_context(127_000, max_new_tokens=1_001)
        (True, False)

        ```
        """
        requested = count(prompt_tokens, "prompt_tokens") + count(max_new_tokens, "max_new_tokens")
        return requested <= self._context()

    def check_context(self, prompt_tokens: int, max_new_tokens: int = 0) -> None:
        """Raise :class:`~llama_cards.ContextLengthExceededError` unless the request fits.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.comparison_model("llama-3.1-70b").check_context(131_072)
        Traceback (most recent call last):
        ...
        llama_cards.errors.ContextLengthExceededError: Llama 3.1 70B has a context length of \
128,000 tokens, but the request needs 131,072 (over by 3,072); shorten the prompt, lower \
max_new_tokens, or pick a model with a longer context (find_models(min_context=...))

        ```
        """
        requested = count(prompt_tokens, "prompt_tokens") + count(max_new_tokens, "max_new_tokens")
        if requested > self._context():
            from .errors import ContextLengthExceededError

            raise ContextLengthExceededError(self.name, self._context(), requested)

    def accepts(self, modality: str) -> bool:
        """Whether the model takes ``modality`` (``"text"``, ``"image"`` or ``"code"``) as input."""
        return modality_of(modality) in self.input_modalities

    def produces(self, modality: str) -> bool:
        """Whether the model outputs ``modality`` (``"text"``, ``"image"`` or ``"code"``)."""
        return modality_of(modality) in self.output_modalities

    def supports_language(self, tag: str) -> bool:
        """Whether the model's own card lists the language ``tag`` names as supported.

        Answered as :func:`llama_cards.supports_language` answers for Llama 4: ``tag`` is the
        English name the card prints (``"French"``), a BCP 47 tag or an ISO 639 code
        (``"pt-BR"``, ``"fra"``, ``"fre"``), in any case; only the language counts
        (``pt-BR`` and ``pt-PT`` are Portuguese). A well-formed tag of another language gives
        ``False``, and so does a word that is well formed as a tag but no name of a listed
        language (``"Chinese"``); text that is not a well-formed tag raises
        :class:`~llama_cards.InvalidLanguageTagError`.

        ```pycon
        >>> import llama_cards
        >>> older = llama_cards.comparison_model("llama-3.1-70b")
        >>> older.supports_language("hi-IN"), older.supports_language("Thai")
        (True, True)
        >>> older.supports_language("ar"), older.supports_language("Chinese")
        (False, False)

        ```
        """
        if not isinstance(tag, str):
            raise unexpected_type(
                f"a language tag must be a string such as 'en' or 'pt-BR', got "
                f"{type(tag).__name__} {tag!r}"
            )
        name = " ".join(tag.casefold().split())
        if any(entry.name.casefold() == name for entry in self.languages):
            return True
        from ._bcp47 import parse
        from .errors import InvalidLanguageTagError

        try:
            parsed = parse(tag.strip(), shown=tag)
        except InvalidLanguageTagError as error:
            listed = ", ".join(entry.name for entry in self.languages)
            raise InvalidLanguageTagError(
                f"{error}; nor is it the English name of a language {self.name} supports "
                f"({listed}). Give a BCP 47 tag ('pt-BR'), an ISO 639 code ('fra') or the name "
                "of a language ('French')"
            ) from None
        code = parsed.effective_language
        return code is not None and any(code in entry.codes for entry in self.languages)

    def __str__(self) -> str:
        return self.name


def comparison_model_names(entry: ComparisonModel) -> "list[str]":
    """Every name a comparison model answers to: id, printed name, registry repositories."""
    names = [entry.id, entry.name]
    for repo in entry.huggingface_repos:
        names += [repo.id, repo.id.rsplit("/", 1)[-1]]
    return names


def comparison_model_index(entries: "Iterable[ComparisonModel]") -> "NameIndex[ComparisonModel]":
    """The name index of the comparison models."""
    return NameIndex((entry, comparison_model_names(entry)) for entry in entries)


class BenchmarkTable(FrozenRecord):
    """One of the card's two benchmark tables: its title and its model columns."""

    id: Variant
    """``"pretrained"`` or ``"instruct"``."""
    title: str
    """The title as printed, e.g. ``"Pre-trained models"``."""
    models: tuple[ScoreModelId, ...]
    """The model of each column, in the card's order."""
    column_names: tuple[str, ...]
    """The column headers as printed, e.g. ``"Llama 4 Scout"``, aligned with ``models``."""
    evaluated_precision: Precision
    """The precision of the weights the table's scores were measured on, ``"bf16"``: the
    card says every reported evaluation ran on bf16 models, though quantized checkpoints
    are published too. See :meth:`source_of`."""
    source: Source
    """The table in the card that is served."""
    layout_source: Source
    """The table whose layout places each cell in its column: the card's text flattened
    the table, Meta's HTML table shows which column a number or a reason belongs to."""
    field_sources: tuple[FieldSource, ...]
    """Where the facts printed outside the table itself are given (the evaluated
    precision); see :meth:`source_of`."""


class Benchmark(FrozenRecord):
    """One row of a benchmark table: what was measured, and how."""

    id: BenchmarkId
    """Canonical id, e.g. ``"mmlu-pro"`` (the same in both tables)."""
    table: Variant
    """The table of the row, ``"pretrained"`` or ``"instruct"``."""
    name: str
    """The name as printed, e.g. ``"MMLU Pro^"`` or ``"LiveCodeBench (10/01/2024-02/01/2025)"``."""
    category: str
    """The category as printed, e.g. ``"Reasoning & Knowledge"``."""
    input_modalities: tuple[Modality, ...]
    """What the benchmark's items give the model: ``("text", "image")`` for the rows the
    card files under an image category, where it prints "No multimodal support" for the
    text-only comparison models; ``("text",)`` for the others."""
    shots: Optional[Count]
    """Number of examples in the prompt, e.g. ``5``; ``None`` where the card prints ``-``."""
    metric: str
    """The metric as printed, e.g. ``"macro_avg/em"``."""
    subtasks: tuple[str, ...]
    """The parts each cell reports, e.g. ``("eng->kgv", "kgv->eng")``; empty for one number."""
    footnote: Optional[Footnote]
    """The note the name's mark refers to (``MMMU Pro^``), where the card marks one."""
    discrepancies: tuple[Discrepancy, ...]
    """Attributes that another printing of the table gives differently."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""

    def __str__(self) -> str:
        return f"{self.name} ({self.table})"


class Score(FrozenRecord):
    """One cell of a benchmark table: a model's number on a benchmark, or why there is none.

    Exactly one of ``value`` and ``missing`` is set. A score compares as a record (equal
    when every field is); ordering scores raises ``TypeError`` (compare their ``value``s);
    ``float(score)`` gives the value, or raises ``ValueError`` naming why there is none.

    ```pycon
    >>> import llama_cards
    >>> float(llama_cards.score("scout", "mmlu"))
    79.6

    ```
    """

    model: ScoreModelId
    """The column's model, e.g. ``"llama-4-scout"`` or ``"llama-3.1-405b"``."""
    benchmark: BenchmarkId
    """The row's benchmark, e.g. ``"mmlu-pro"``."""
    table: Variant
    """The table, ``"pretrained"`` or ``"instruct"``."""
    subtask: Optional[str]
    """The part of a two-number cell, e.g. ``"eng->kgv"``; ``None`` for a one-number cell."""
    value: Optional[float]
    """The number as printed, e.g. ``74.3``; ``None`` where the cell gives a reason instead."""
    missing: Optional[MissingReasonId]
    """Why there is no number, e.g. ``"no-multimodal-support"``; ``None`` with a number."""
    source: Source
    """The card and table the cell is printed in."""

    def _record_rules(self) -> None:
        if (self.value is None) == (self.missing is None):
            raise ValueError("a score has either a value or a missing reason, not both or none")

    def __float__(self) -> float:
        if self.value is None:
            raise ValueError(
                f"{self} has no value: the cell gives the reason {self.missing!r} instead; "
                "check score.value is not None first"
            )
        return self.value

    def _unordered(self, other: object, operation: str) -> bool:
        if not isinstance(other, Score):
            return NotImplemented  # type: ignore[no-any-return]  # Python's own "not comparable"
        raise TypeError(
            f"scores are records, not numbers: Score {operation} Score is not defined; compare "
            "their .value (None where the cell gives a reason instead)"
        )

    def __lt__(self, other: object) -> bool:
        return self._unordered(other, "<")

    def __le__(self, other: object) -> bool:
        return self._unordered(other, "<=")

    def __gt__(self, other: object) -> bool:
        return self._unordered(other, ">")

    def __ge__(self, other: object) -> bool:
        return self._unordered(other, ">=")

    def __str__(self) -> str:
        part = f" {self.subtask}" if self.subtask is not None else ""
        shown = self.missing if self.value is None else self.value
        return f"{self.model} on {self.benchmark}{part} ({self.table}): {shown}"


# ------------------------------------------------------------ name resolution


_LONGEST_SUGGESTED = 80  # keep difflib cheap on very long input


def _closest(key: str, index: "Mapping[str, Sequence[str]]") -> "list[str]":
    import difflib

    key = key[:_LONGEST_SUGGESTED]
    near = difflib.get_close_matches(key, list(index), n=4, cutoff=0.6)
    if len(key) >= 3:
        near += [known for known in index if known.startswith(key) or key.startswith(known)]
    return list(dict.fromkeys(name for known in near for name in index[known]))


# Read by type checkers only (see _model_parts).
if TYPE_CHECKING:

    class BenchmarkRecords(Protocol):
        """The records a :class:`BenchmarkIndex` is built from: one card's benchmark part and
        its models."""

        @property
        def benchmark_tables(self) -> "tuple[BenchmarkTable, ...]": ...
        @property
        def missing_reasons(self) -> "tuple[MissingReason, ...]": ...
        @property
        def benchmarks(self) -> "tuple[Benchmark, ...]": ...
        @property
        def scores(self) -> "tuple[Score, ...]": ...
        @property
        def model_facts(self) -> "tuple[ModelFacts, ...]": ...
        @property
        def comparison_models(self) -> "tuple[ComparisonModel, ...]": ...


class BenchmarkIndex:
    """Lookups over one card's benchmark tables, built once per card and kept with it."""

    def __init__(self, card: "BenchmarkRecords") -> None:
        self.card = card
        self.tables: dict[str, BenchmarkTable] = {t.id: t for t in card.benchmark_tables}
        # A table is named by its id or its printed title, with or without "models".
        self.table_names: dict[str, str] = {}
        for table in self.tables.values():
            title = name_key(table.title)
            for key in (table.id, title, title.removesuffix("models")):
                self.table_names[key] = table.id
        self.missing_printed: dict[Optional[str], str] = {
            r.id: r.printed for r in card.missing_reasons
        }
        self.rows: dict[tuple[str, str], Benchmark] = {}
        for row in card.benchmarks:
            if (row.table, row.id) in self.rows:
                from .errors import DataIntegrityError

                raise DataIntegrityError(f"benchmark {row.id!r} is twice in the {row.table} table")
            self.rows[(row.table, row.id)] = row
        self.row_order = {cell: n for n, cell in enumerate(self.rows)}

        self.model_names: dict[str, str] = {}
        positions: dict[str, tuple[int, int]] = {}
        for t, table in enumerate(card.benchmark_tables):
            for column, (model_id, printed) in enumerate(zip(table.models, table.column_names)):
                self.model_names.setdefault(model_id, printed)
                positions.setdefault(model_id, (column, t))
        # Across both tables, models take the column they have in the card: the two 70B
        # models share the first column, then Llama 3.1 405B, Scout and Maverick.
        ordered = sorted(positions, key=lambda model_id: positions[model_id])
        self.model_order = {model_id: n for n, model_id in enumerate(ordered)}

        # Model names resolve exactly as model() resolves them, plus the comparison models.
        named: list[tuple[Union[ModelFacts, ComparisonModel], Iterable[str]]] = [
            (llama, llama.names) for llama in card.model_facts
        ]
        named += [(earlier, comparison_model_names(earlier)) for earlier in card.comparison_models]
        self.model_index = NameIndex(named)

        by_key: dict[str, dict[tuple[str, str], Benchmark]] = {}
        for cell, row in self.rows.items():
            for alias in (row.id, row.name):
                by_key.setdefault(name_key(alias), {})[cell] = row
        self.benchmark_keys = {k: tuple(rows.values()) for k, rows in by_key.items()}
        # A name as printed, or in lower case, is one dict read; other spellings are keyed.
        self.benchmark_spellings: dict[str, tuple[Benchmark, ...]] = {}
        for row in self.rows.values():
            for alias in (row.id, row.name):
                for spelled in spellings_of(alias):
                    self.benchmark_spellings[spelled] = self.benchmark_keys[name_key(alias)]
        self.benchmark_suggestions = {
            k: tuple(dict.fromkeys(row.id for row in rows))
            for k, rows in self.benchmark_keys.items()
        }
        self.benchmark_ids = tuple(dict.fromkeys(row.id for row in card.benchmarks))

        categories: dict[str, set[str]] = {}
        for row in card.benchmarks:
            categories.setdefault(name_key(row.category), set()).add(row.category)
            for discrepancy in row.discrepancies:
                if discrepancy.field == "category":
                    categories.setdefault(name_key(discrepancy.printed), set()).add(row.category)
        self.categories = {k: frozenset(v) for k, v in categories.items()}
        self.category_names = tuple(dict.fromkeys(row.category for row in card.benchmarks))

        self.subtasks = {name_key(sub): sub for row in card.benchmarks for sub in row.subtasks}
        # The scores of one model on one row (two or more where the row has subtasks).
        self.model_row_scores: dict[tuple[str, str, str], list[Score]] = {}
        self.cells: set[tuple[str, str, str, Optional[str]]] = set()
        for given in card.scores:
            self.model_row_scores.setdefault(
                (given.table, given.benchmark, given.model), []
            ).append(given)
            self.cells.add((given.table, given.benchmark, given.model, given.subtask))

    # --- arguments

    def model_id(self, name: object) -> str:
        """The id of the model ``name`` names; a :class:`Model` or :class:`ComparisonModel`
        stands for its id."""
        if type(name) is not str and isinstance(name, FrozenRecord):
            name = getattr(name, "id", name)
        return self.model_index.find(name).id

    def benchmark_rows(self, name: object) -> "tuple[Benchmark, ...]":
        spellings = self.benchmark_spellings
        if type(name) is str:
            # The index keeps only printable spellings: one dict read, no character to refuse.
            found = spellings.get(name)
            if found is None:
                found = spellings.get(name.lower())
            if found is not None:
                return found
        text = text_argument(name, "a benchmark name", "mmlu-pro")
        found = None
        if text is not name:  # stripped: read as given again
            found = spellings.get(text)
            if found is None:
                found = spellings.get(text.lower())
        if found is None:
            found = self.benchmark_keys.get(name_key(text))
        if found is not None:
            return found
        closest = _closest(name_key(text), self.benchmark_suggestions)
        from .errors import UnknownBenchmarkError

        raise UnknownBenchmarkError(text, closest, self.benchmark_ids)

    def table_id(self, name: object) -> str:
        if type(name) is str:
            found = self.table_names.get(name)  # an id or a key has nothing to refuse
            if found is not None:
                return found
        text = text_argument(name, "a table", "instruct")
        found = self.table_names.get(text) if text is not name else None
        if found is None:
            found = self.table_names.get(name_key(text))
        if found is not None:
            return found
        known = "; ".join(f"{t.id!r} ({t.title})" for t in self.tables.values())
        from .errors import InvalidArgumentError, quote_input

        raise InvalidArgumentError(
            f"unknown benchmark table {quote_input(text)}: the card's tables are {known}"
        )

    def category_set(self, name: object) -> "frozenset[str]":
        text = text_argument(name, "a category", "Reasoning & Knowledge")
        found = self.categories.get(name_key(text))
        if found is not None:
            return found
        from .errors import InvalidArgumentError, _quoted, quote_input

        raise InvalidArgumentError(
            f"unknown benchmark category {quote_input(text)}: the card's categories are "
            f"{_quoted(self.category_names)} (case, spaces and punctuation are ignored)"
        )

    def subtask(self, name: object, rows: "Iterable[Benchmark]") -> str:
        """The subtask ``name`` of one of ``rows``, the rows of the selected cells.

        A subtask none of the rows reports is an error naming the subtasks there are, for
        :func:`score`, :func:`scores` and :meth:`ScoreTable.filter` alike.
        """
        text = text_argument(name, "a subtask", "eng->kgv")
        known = tuple(dict.fromkeys(sub for row in rows for sub in row.subtasks))
        found = self.subtasks.get(name_key(text))
        if found is not None and found in known:
            return found
        if known:
            from .errors import InvalidArgumentError, _quoted, quote_input

            raise InvalidArgumentError(
                f"unknown subtask {quote_input(text)} for the selected benchmarks: their "
                f"subtasks are {_quoted(known)}"
            )
        from .errors import InvalidArgumentError, _quoted, quote_input

        having = tuple(dict.fromkeys(row.id for row in self.rows.values() if row.subtasks))
        there = (
            f"the card's subtasks are {_quoted(self.subtasks.values())}, of {_quoted(having)}"
            if having
            else "the card has none"
        )

        raise InvalidArgumentError(
            f"subtask {quote_input(text)} was given, but no benchmark selected reports subtasks "
            f"({there}); "
            "leave subtask out"
        )

    # --- queries

    def rows_in_table(self, name: object, table: object) -> "tuple[Benchmark, ...]":
        """The rows named ``name``, narrowed to ``table`` when one is given."""
        rows = self.benchmark_rows(name)
        if table is None:
            return rows
        wanted = self.table_id(table)
        # Loops, not comprehensions, on the path of every new score() (Python before 3.12
        # calls a comprehension as a function of its own).
        in_table: list[Benchmark] = []
        for row in rows:
            if row.table == wanted:
                in_table.append(row)
        if not in_table:
            from .errors import NotInTableError, _quoted, quote_input

            raise NotInTableError(
                f"benchmark {quote_input(name)} is not in the {wanted} table; it is in the "
                f"{_quoted(row.table for row in rows)} table; pass another table or none"
            )
        return tuple(in_table)

    def benchmark(self, name: object, table: object = None) -> Benchmark:
        rows = self.rows_in_table(name, table)
        if len(rows) > 1:
            from .errors import AmbiguousQueryError, quote_input

            raise AmbiguousQueryError(
                f"benchmark {quote_input(name)} is a row of {len(rows)} tables: "
                f"{'; '.join(str(row) for row in rows)}; pass table="
                + " or table=".join(repr(row.table) for row in rows),
                rows,
            )
        return rows[0]

    def score(self, model: object, name: object, table: object, subtask: object) -> Score:
        model_id = self.model_id(model)
        rows = self.rows_in_table(name, table)
        cells = self.model_row_scores
        found: list[Score] = []
        for row in rows:
            found += cells.get((row.table, row.id, model_id), ())
        if not found:
            from .errors import NotInTableError, _quoted, quote_input

            columns = "; ".join(
                f"the {row.table} table's {row.name} row has columns "
                f"{_quoted(self.tables[row.table].models)}"
                for row in rows
            )
            raise NotInTableError(
                f"the card has no score of {model_id!r} on {quote_input(name)}: {columns}"
            )
        if subtask is not None:
            wanted_subtask = self.subtask(subtask, self.rows_of(found))
            found = [s for s in found if s.subtask == wanted_subtask]
        if len(found) > 1:
            hints = []
            if len({s.table for s in found}) > 1:
                hints.append(
                    " or ".join(f"table={t!r}" for t in dict.fromkeys(s.table for s in found))
                )
            if len({s.subtask for s in found}) > 1:
                hints.append(
                    " or ".join(f"subtask={t!r}" for t in dict.fromkeys(s.subtask for s in found))
                )
            from .errors import AmbiguousQueryError, quote_input

            raise AmbiguousQueryError(
                f"{quote_input(model) if isinstance(model, str) else repr(model_id)} on "
                f"{quote_input(name)} matches {len(found)} cells: "
                f"{'; '.join(str(s) for s in found)}; pass {', and '.join(hints)}",
                found,
            )
        return found[0]

    def select(
        self,
        scores: "Iterable[Score]",
        *,
        model: object = None,
        benchmark: object = None,
        category: object = None,
        table: object = None,
        subtask: object = None,
    ) -> "list[Score]":
        """The scores of ``scores`` that meet every condition given.

        Known names that together select nothing raise :class:`NotInTableError`, naming
        what the scores selected so far have instead (the categories of the table, the
        tables of the benchmark, the columns of the table), as :func:`score` does: an empty
        answer is never given in silence.
        """
        from .errors import NotInTableError, _quoted, quote_input

        selected = list(scores)
        # The conditions met so far, for the message of one that leaves nothing.
        context: list[str] = []

        def narrow(
            kept: "list[Score]", asked: str, dimension: str, values: "Iterable[str]"
        ) -> None:
            if selected and not kept:
                scope = " ".join(context) if context else "of these scores"
                there = _quoted(dict.fromkeys(values))
                plural = "categories" if dimension == "category" else dimension + "s"
                raise NotInTableError(
                    f"the card has no score {scope} with {dimension} {asked}; the scores "
                    f"{scope} have the {plural} {there}"
                )

        if table is not None:
            table_id = self.table_id(table)
            kept = [s for s in selected if s.table == table_id]
            narrow(kept, repr(table_id), "table", (s.table for s in selected))
            selected = kept
            context.append(f"in the {table_id} table")
        if model is not None:
            model_id = self.model_id(model)
            kept = [s for s in selected if s.model == model_id]
            narrow(kept, repr(model_id), "model", (s.model for s in selected))
            selected = kept
            context.append(f"of {model_id!r}")
        if benchmark is not None:
            rows = {(row.table, row.id) for row in self.benchmark_rows(benchmark)}
            kept = [s for s in selected if (s.table, s.benchmark) in rows]
            asked = quote_input(text_argument(benchmark, "a benchmark name", "mmlu-pro"))
            narrow(kept, asked, "benchmark", (s.benchmark for s in selected))
            selected = kept
            context.append(f"on {asked}")
        if category is not None:
            wanted = self.category_set(category)
            kept = [s for s in selected if self.row(s).category in wanted]
            asked = quote_input(text_argument(category, "a category", "Reasoning & Knowledge"))
            narrow(kept, asked, "category", (self.row(s).category for s in selected))
            selected = kept
        if subtask is not None:
            subtask_id = self.subtask(subtask, self.rows_of(selected))
            selected = [s for s in selected if s.subtask == subtask_id]
        return selected

    def rows_of(self, selected: "Iterable[Score]") -> "list[Benchmark]":
        """The rows of ``selected``, once each, in the order of their first score."""
        return [self.rows[cell] for cell in dict.fromkeys((s.table, s.benchmark) for s in selected)]

    # --- presentation

    def row(self, entry: Score) -> Benchmark:
        return self.rows[(entry.table, entry.benchmark)]

    def sort_key(self, entry: Score) -> "tuple[int, int, int]":
        row = (entry.table, entry.benchmark)
        return (self.row_order[row], self.part_order(entry), self.model_order[entry.model])

    def part_order(self, entry: Score) -> int:
        subtasks = self.rows[(entry.table, entry.benchmark)].subtasks
        for position, subtask in enumerate(subtasks):
            if subtask == entry.subtask:
                return position
        return -1

    def shown(self, entry: Score) -> str:
        if entry.value is None:
            return self.missing_printed.get(entry.missing, str(entry.missing))
        return repr(entry.value)


class BenchmarksPart(FrozenRecord):
    """The part of a :class:`Card` that holds its two benchmark tables (one data file)."""

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
