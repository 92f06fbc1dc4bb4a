"""The card's two benchmark tables, every cell typed, with queries, comparisons and exports.

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

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal, Optional, Union, overload

from pydantic import model_validator

from ._base import FieldSource, FrozenRecord, Source, _field_sources, remember
from .errors import (
    AmbiguousQueryError,
    ArgumentTypeError,
    CardVersionError,
    DataIntegrityError,
    InvalidArgumentError,
    NotInTableError,
    UnknownBenchmarkError,
    UnknownModelError,
    _quoted,
)
from .models import Modality, Precision, Variant, _model_names, _normalise_name

if TYPE_CHECKING:
    from .card import Card

__all__ = [
    "Benchmark",
    "BenchmarkId",
    "BenchmarkTable",
    "Comparison",
    "ComparisonModel",
    "ComparisonModelId",
    "Discrepancy",
    "Footnote",
    "MissingReason",
    "MissingReasonId",
    "Pivot",
    "PivotRow",
    "Score",
    "ScoreDifference",
    "ScoreModelId",
    "ScoreTable",
    "benchmark",
    "benchmarks",
    "compare",
    "score",
    "scores",
    "to_model_index",
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


class MissingReason(FrozenRecord):
    """Why a cell of a benchmark table holds no number, as the card prints it."""

    id: MissingReasonId
    """Canonical id, e.g. ``"no-multimodal-support"``."""
    printed: str
    """The text in the card's cell, e.g. ``"No multimodal support"``."""
    source: Source


class ComparisonModel(FrozenRecord):
    """An earlier Llama model that a benchmark table compares Llama 4 with."""

    id: ComparisonModelId
    """Canonical id, e.g. ``"llama-3.1-405b"``."""
    name: str
    """The name as the column header prints it, e.g. ``"Llama 3.1 405B"``."""
    source: Source


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

    def source_of(self, field: str) -> tuple[Source, ...]:
        """Where the value of ``field`` is printed: its :attr:`field_sources` entry, or
        ``(self.source,)`` (the table) when it has none.

        A name that is not a field of :class:`BenchmarkTable` raises
        :class:`~llama_cards.InvalidArgumentError` naming the fields.

        ```pycon
        >>> import llama_cards
        >>> table = llama_cards.card().benchmark_tables[0]
        >>> table.evaluated_precision, str(table.source_of("evaluated_precision")[0])
        ('bf16', 'azure-card, Quality and performance evaluations (introduction)')

        ```
        """
        return _field_sources(self, self.field_sources, self.source, field)


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
    shots: Optional[int]
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

    def __str__(self) -> str:
        return f"{self.name} ({self.table})"


class Score(FrozenRecord):
    """One cell of a benchmark table: a model's number on a benchmark, or why there is none.

    Exactly one of ``value`` and ``missing`` is set.
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

    @model_validator(mode="after")
    def _check_value_or_reason(self) -> Score:
        if (self.value is None) == (self.missing is None):
            raise ValueError("a score has either a value or a missing reason, not both or none")
        return self

    def __str__(self) -> str:
        part = f" {self.subtask}" if self.subtask is not None else ""
        shown = self.missing if self.value is None else self.value
        return f"{self.model} on {self.benchmark}{part} ({self.table}): {shown}"


# ------------------------------------------------------------ name resolution

_PUNCTUATION = re.compile(r"[\W_]+")
_LONGEST_SUGGESTED = 80  # keep difflib cheap on very long input


def _key(text: str) -> str:
    return _PUNCTUATION.sub("", text).casefold()


def _text(value: object, what: str, example: str) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{what} must be a string such as {example!r}, got {type(value).__name__} {value!r}"
        )
    return value


def _closest(key: str, index: Mapping[str, Sequence[str]]) -> list[str]:
    import difflib

    key = key[:_LONGEST_SUGGESTED]
    near = difflib.get_close_matches(key, list(index), n=4, cutoff=0.6)
    if len(key) >= 3:
        near += [known for known in index if known.startswith(key) or key.startswith(known)]
    return list(dict.fromkeys(name for known in near for name in index[known]))


class _BenchmarkIndex:
    """Lookups over one card's benchmark tables, built once per card and kept by it."""

    def __init__(self, card: Card) -> None:
        self.card = card
        self.tables: dict[str, BenchmarkTable] = {t.id: t for t in card.benchmark_tables}
        self.missing_printed: dict[Optional[str], str] = {
            r.id: r.printed for r in card.missing_reasons
        }
        self.rows: dict[tuple[str, str], Benchmark] = {}
        for row in card.benchmarks:
            if (row.table, row.id) in self.rows:
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
        names: dict[str, list[str]] = {llama.id: _model_names(llama) for llama in card.models}
        for earlier in card.comparison_models:
            names[earlier.id] = [earlier.id, earlier.name]
        self.model_keys: dict[str, tuple[str, ...]] = {}
        for owner, aliases in names.items():
            for alias in aliases:
                found = self.model_keys.setdefault(_normalise_name(alias), (owner,))
                if found != (owner,):
                    raise DataIntegrityError(
                        f"the name {alias!r} is given to two models, {found[0]!r} and {owner!r}"
                    )

        by_key: dict[str, dict[tuple[str, str], Benchmark]] = {}
        for cell, row in self.rows.items():
            for alias in (row.id, row.name):
                by_key.setdefault(_key(alias), {})[cell] = row
        self.benchmark_keys = {k: tuple(rows.values()) for k, rows in by_key.items()}
        self.benchmark_suggestions = {
            k: tuple(dict.fromkeys(row.id for row in rows))
            for k, rows in self.benchmark_keys.items()
        }
        self.benchmark_ids = tuple(dict.fromkeys(row.id for row in card.benchmarks))

        categories: dict[str, set[str]] = {}
        for row in card.benchmarks:
            categories.setdefault(_key(row.category), set()).add(row.category)
            for discrepancy in row.discrepancies:
                if discrepancy.field == "category":
                    categories.setdefault(_key(discrepancy.printed), set()).add(row.category)
        self.categories = {k: frozenset(v) for k, v in categories.items()}
        self.category_names = tuple(dict.fromkeys(row.category for row in card.benchmarks))

        self.subtasks = {_key(sub): sub for row in card.benchmarks for sub in row.subtasks}
        self.row_scores: dict[tuple[str, str], list[Score]] = {cell: [] for cell in self.rows}
        self.cells: set[tuple[str, str, str, Optional[str]]] = set()
        for given in card.scores:
            self.row_scores[(given.table, given.benchmark)].append(given)
            self.cells.add((given.table, given.benchmark, given.model, given.subtask))

    # --- arguments

    def model_id(self, name: object) -> str:
        text = _text(name, "a model name", "llama-4-scout")
        key = _normalise_name(text)
        found = self.model_keys.get(key)
        if found is not None:
            return found[0]
        raise UnknownModelError(text, _closest(key, self.model_keys), list(self.model_names))

    def benchmark_rows(self, name: object) -> tuple[Benchmark, ...]:
        text = _text(name, "a benchmark name", "mmlu-pro")
        found = self.benchmark_keys.get(_key(text))
        if found is not None:
            return found
        closest = _closest(_key(text), self.benchmark_suggestions)
        raise UnknownBenchmarkError(text, closest, self.benchmark_ids)

    def table_id(self, name: object) -> str:
        text = _text(name, "a table", "instruct")
        key = _key(text)
        for table in self.tables.values():
            title = _key(table.title)
            if key in (table.id, title, title.removesuffix("models")):
                return table.id
        known = "; ".join(f"{t.id!r} ({t.title})" for t in self.tables.values())
        raise InvalidArgumentError(
            f"unknown benchmark table {text!r}: the card's tables are {known}"
        )

    def category_set(self, name: object) -> frozenset[str]:
        text = _text(name, "a category", "Reasoning & Knowledge")
        found = self.categories.get(_key(text))
        if found is not None:
            return found
        raise InvalidArgumentError(
            f"unknown benchmark category {text!r}: the card's categories are "
            f"{_quoted(self.category_names)} (case, spaces and punctuation are ignored)"
        )

    def subtask(self, name: object, rows: Iterable[Benchmark]) -> str:
        """The subtask ``name`` of one of ``rows``, the rows of the selected cells.

        A subtask none of the rows reports is an error naming the subtasks there are, for
        :func:`score`, :func:`scores` and :meth:`ScoreTable.filter` alike.
        """
        text = _text(name, "a subtask", "eng->kgv")
        known = tuple(dict.fromkeys(sub for row in rows for sub in row.subtasks))
        found = self.subtasks.get(_key(text))
        if found is not None and found in known:
            return found
        if known:
            raise InvalidArgumentError(
                f"unknown subtask {text!r} for the selected benchmarks: their subtasks are "
                f"{_quoted(known)}"
            )
        having = tuple(dict.fromkeys(row.id for row in self.rows.values() if row.subtasks))
        there = (
            f"the card's subtasks are {_quoted(self.subtasks.values())}, of {_quoted(having)}"
            if having
            else "the card has none"
        )
        raise InvalidArgumentError(
            f"subtask {text!r} was given, but no benchmark selected reports subtasks ({there}); "
            "leave subtask out"
        )

    # --- queries

    def rows_in_table(self, name: object, table: object) -> tuple[Benchmark, ...]:
        """The rows named ``name``, narrowed to ``table`` when one is given."""
        rows = self.benchmark_rows(name)
        if table is None:
            return rows
        wanted = self.table_id(table)
        in_table = tuple(row for row in rows if row.table == wanted)
        if not in_table:
            raise NotInTableError(
                f"benchmark {name!r} is not in the {wanted} table; it is in the "
                f"{_quoted(row.table for row in rows)} table; pass another table or none"
            )
        return in_table

    def benchmark(self, name: object, table: object = None) -> Benchmark:
        rows = self.rows_in_table(name, table)
        if len(rows) > 1:
            raise AmbiguousQueryError(
                f"benchmark {name!r} is a row of {len(rows)} tables: "
                f"{'; '.join(str(row) for row in rows)}; pass table="
                + " or table=".join(repr(row.table) for row in rows),
                rows,
            )
        return rows[0]

    def score(self, model: object, name: object, table: object, subtask: object) -> Score:
        model_id = self.model_id(model)
        rows = self.rows_in_table(name, table)
        found = [s for row in rows for s in self.row_scores[(row.table, row.id)]]
        found = [s for s in found if s.model == model_id]
        if not found:
            columns = "; ".join(
                f"the {row.table} table's {row.name} row has columns "
                f"{_quoted(self.tables[row.table].models)}"
                for row in rows
            )
            raise NotInTableError(f"the card has no score of {model_id!r} on {name!r}: {columns}")
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
            raise AmbiguousQueryError(
                f"{model!r} on {name!r} matches {len(found)} cells: "
                f"{'; '.join(str(s) for s in found)}; pass {', and '.join(hints)}",
                found,
            )
        return found[0]

    def select(
        self,
        scores: Iterable[Score],
        *,
        model: object = None,
        benchmark: object = None,
        category: object = None,
        table: object = None,
        subtask: object = None,
    ) -> list[Score]:
        selected = list(scores)
        if model is not None:
            model_id = self.model_id(model)
            selected = [s for s in selected if s.model == model_id]
        if benchmark is not None:
            rows = {(row.table, row.id) for row in self.benchmark_rows(benchmark)}
            selected = [s for s in selected if (s.table, s.benchmark) in rows]
        if category is not None:
            wanted = self.category_set(category)
            selected = [s for s in selected if self.row(s).category in wanted]
        if table is not None:
            table_id = self.table_id(table)
            selected = [s for s in selected if s.table == table_id]
        if subtask is not None:
            subtask_id = self.subtask(subtask, self.rows_of(selected))
            selected = [s for s in selected if s.subtask == subtask_id]
        return selected

    def rows_of(self, selected: Iterable[Score]) -> list[Benchmark]:
        """The rows of ``selected``, once each, in the order of their first score."""
        return [self.rows[cell] for cell in dict.fromkeys((s.table, s.benchmark) for s in selected)]

    # --- presentation

    def row(self, entry: Score) -> Benchmark:
        return self.rows[(entry.table, entry.benchmark)]

    def sort_key(self, entry: Score) -> tuple[int, int, int]:
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


# ------------------------------------------------------------------ the tables


class _Result:
    """Base of the small immutable results: equality, hash and repr from ``_fields``.

    Plain slotted classes rather than named tuples: creating a named tuple class costs
    more import time than everything else here but the pydantic records.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *values: object) -> None:
        for name, value in zip(self._fields, values):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; cannot set {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> tuple[type[_Result], tuple[object, ...]]:
        return (type(self), self._values())


class PivotRow(_Result):
    """One row of a :class:`Pivot`: a benchmark (and subtask) with one cell per column."""

    __slots__ = ("benchmark", "cells", "subtask", "table")
    _fields = ("table", "benchmark", "subtask", "cells")

    table: Variant
    """The table of the row."""
    benchmark: Benchmark
    """The row's benchmark, with its name, category, shots and metric."""
    subtask: Optional[str]
    """The part of a two-number cell this row holds, e.g. ``"eng->kgv"``."""
    cells: tuple[Optional[Score], ...]
    """One cell per column of the pivot, ``None`` where the selection has no score."""

    def __init__(
        self,
        table: Variant,
        benchmark: Benchmark,
        subtask: Optional[str],
        cells: tuple[Optional[Score], ...],
    ) -> None:
        super().__init__(table, benchmark, subtask, cells)


class Pivot(_Result):
    """Scores laid out as the card shows them: benchmarks down, models across."""

    __slots__ = ("column_names", "columns", "rows")
    _fields = ("columns", "column_names", "rows")

    columns: tuple[str, ...]
    """The model id of each column."""
    column_names: tuple[str, ...]
    """The column headers as the card prints them, e.g. ``"Llama 4 Scout"``."""
    rows: tuple[PivotRow, ...]
    """The rows in the card's order; a two-number cell gives one row per subtask."""

    def __init__(
        self, columns: tuple[str, ...], column_names: tuple[str, ...], rows: tuple[PivotRow, ...]
    ) -> None:
        super().__init__(columns, column_names, rows)


_HEADER = ("Category", "Benchmark", "# Shots", "Metric")


class ScoreTable(Sequence[Score]):
    """An immutable sequence of :class:`Score`, with filters, layouts and exports.

    Get one from :func:`scores`; build one from any scores of a card with
    ``ScoreTable(scores, card=card)`` (the newest card when ``card`` is not given).

    ```pycon
    >>> import llama_cards
    >>> table = llama_cards.scores(table="pretrained", category="Image")
    >>> len(table), [str(s) for s in table.best()]
    (8, ['llama-4-maverick on chartqa (pretrained): 85.3', \
'llama-4-maverick on docvqa (pretrained): 91.6'])

    ```
    """

    __slots__ = ("_index", "_scores")
    _scores: tuple[Score, ...]
    _index: _BenchmarkIndex

    def __init__(self, scores: Iterable[Score] = (), *, card: Optional[Card] = None) -> None:
        from .card import Card

        if card is None:
            card = _current()
        elif not isinstance(card, Card):
            raise ArgumentTypeError(f"card must be a Card, got {type(card).__name__}")
        index = card._benchmark_index()
        given: object = scores
        if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
            raise ArgumentTypeError(
                f"ScoreTable takes an iterable of Score, got {type(given).__name__}"
            )
        items = tuple(given)
        seen: set[tuple[str, str, str, Optional[str]]] = set()
        for entry in items:
            if not isinstance(entry, Score):
                raise ArgumentTypeError(
                    f"ScoreTable holds Score records, got {type(entry).__name__} {entry!r}"
                )
            cell = (entry.table, entry.benchmark, entry.model, entry.subtask)
            if cell not in index.cells:
                raise InvalidArgumentError(
                    f"the card has no cell for {entry}; its scores are card.scores"
                )
            if cell in seen:
                raise InvalidArgumentError(f"the score {entry} is given twice")
            seen.add(cell)
        self._set(items, index)

    def _set(self, items: tuple[Score, ...], index: _BenchmarkIndex) -> None:
        object.__setattr__(self, "_scores", items)
        object.__setattr__(self, "_index", index)

    @classmethod
    def _trusted(cls, items: Iterable[Score], index: _BenchmarkIndex) -> ScoreTable:
        table = cls.__new__(cls)
        table._set(tuple(items), index)
        return table

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"ScoreTable is immutable; cannot set {name!r}")

    # Needed: the default would set the slots through __setattr__, which refuses, and would
    # pickle the whole index. A shipped card is named by its version, so the unpickled table
    # is on the very card card() returns; any other card (another version, or changed data
    # under a shipped version) travels with the table.
    def __reduce__(self) -> tuple[Callable[..., ScoreTable], tuple[object, ...]]:
        from .card import card

        mine = self._index.card
        owner: Union[str, Card] = mine
        version = str(mine.version)
        try:
            if mine is card(version):
                owner = version
        except CardVersionError:
            pass  # no card of this version is shipped
        return (_score_table, (self._scores, owner))

    # --- sequence

    @overload
    def __getitem__(self, position: int) -> Score: ...

    @overload
    def __getitem__(self, position: slice) -> ScoreTable: ...

    def __getitem__(self, position: Union[int, slice]) -> Union[Score, ScoreTable]:
        if isinstance(position, slice):
            return ScoreTable._trusted(self._scores[position], self._index)
        return self._scores[position]

    def __len__(self) -> int:
        return len(self._scores)

    def __iter__(self) -> Iterator[Score]:
        return iter(self._scores)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ScoreTable):
            return self._scores == other._scores
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._scores)

    def __repr__(self) -> str:
        rows = len({(s.table, s.benchmark, s.subtask) for s in self._scores})
        models = len({s.model for s in self._scores})
        return f"<ScoreTable of {len(self)} scores: {rows} rows by {models} models>"

    def __str__(self) -> str:
        return self.to_markdown()

    # --- queries

    def filter(
        self,
        predicate: Optional[Callable[[Score], bool]] = None,
        *,
        model: Optional[str] = None,
        benchmark: Optional[str] = None,
        category: Optional[str] = None,
        table: Optional[str] = None,
        subtask: Optional[str] = None,
    ) -> ScoreTable:
        """The scores that meet every condition given, in the same order.

        Names resolve as in :func:`scores`; ``predicate``, when given, is called with each
        score and keeps those it returns true for.

        ```pycon
        >>> import llama_cards
        >>> scout = llama_cards.scores().filter(model="scout", table="instruct")
        >>> [s.benchmark for s in scout.filter(lambda s: s.value is not None and s.value > 90)]
        ['docvqa', 'mgsm']

        ```
        """
        selected = self._index.select(
            self._scores,
            model=model,
            benchmark=benchmark,
            category=category,
            table=table,
            subtask=subtask,
        )
        if predicate is not None:
            if not callable(predicate):
                raise ArgumentTypeError(
                    f"predicate must be a function of a Score, got {type(predicate).__name__}"
                )
            selected = [s for s in selected if predicate(s)]
        return ScoreTable._trusted(selected, self._index)

    def best(self) -> ScoreTable:
        """For each row (table, benchmark and subtask), the scores with the highest value.

        Every metric of the card is better when higher. Tied scores are all kept, so a row
        can give more than one score (DocVQA (test): Scout and Maverick both 94.4). Cells
        without a value never win, and a row without any value gives nothing. The result
        keeps this table's order.

        ```pycon
        >>> import llama_cards
        >>> [s.model for s in llama_cards.scores(benchmark="DocVQA (test)").best()]
        ['llama-4-scout', 'llama-4-maverick']

        ```
        """
        highest: dict[tuple[str, str, Optional[str]], float] = {}
        for entry in self._scores:
            if entry.value is not None:
                row = (entry.table, entry.benchmark, entry.subtask)
                highest[row] = max(entry.value, highest.get(row, entry.value))
        return ScoreTable._trusted(
            (
                s
                for s in self._scores
                if s.value is not None and s.value == highest[(s.table, s.benchmark, s.subtask)]
            ),
            self._index,
        )

    # --- layouts and exports

    def pivot(self) -> Pivot:
        """The scores laid out as the card shows them: benchmarks down, models across.

        Rows follow the card's order (pre-trained table first) with one row per subtask of
        a two-number cell; columns are the models of the selection in the card's column
        order. A cell is ``None`` where the selection holds no score for it.

        ```pycon
        >>> import llama_cards
        >>> pivot = llama_cards.scores(benchmark="mtob-half-book", model="scout").pivot()
        >>> pivot.column_names, [(r.subtask, r.cells[0].value) for r in pivot.rows]
        (('Llama 4 Scout',), [('eng->kgv', 42.2), ('kgv->eng', 36.6)])

        ```
        """
        index = self._index
        ordered = sorted(self._scores, key=index.sort_key)
        columns = tuple(sorted({s.model for s in ordered}, key=index.model_order.__getitem__))
        position = {model_id: n for n, model_id in enumerate(columns)}
        rows: dict[tuple[str, str, Optional[str]], list[Optional[Score]]] = {}
        for entry in ordered:
            cells = rows.setdefault(
                (entry.table, entry.benchmark, entry.subtask), [None] * len(columns)
            )
            cells[position[entry.model]] = entry
        return Pivot(
            columns=columns,
            column_names=tuple(index.model_names[m] for m in columns),
            rows=tuple(
                PivotRow(
                    table=index.tables[table].id,
                    benchmark=index.rows[(table, benchmark_id)],
                    subtask=subtask,
                    cells=tuple(cells),
                )
                for (table, benchmark_id, subtask), cells in rows.items()
            ),
        )

    def to_records(self) -> list[dict[str, Union[str, float, int, None]]]:
        """One plain dict per score, ready for ``pandas.DataFrame`` or JSON.

        Keys: ``table``, ``category``, ``benchmark`` (id), ``benchmark_name`` (as printed),
        ``model`` (id), ``model_name`` (column header), ``subtask``, ``shots``, ``metric``,
        ``value``, ``missing`` and ``source``.

        ```pycon
        >>> import llama_cards
        >>> record = llama_cards.scores(model="maverick", benchmark="mgsm").to_records()[0]
        >>> record["model_name"], record["metric"], record["value"]
        ('Llama 4 Maverick', 'average/em', 92.3)

        ```
        """
        index = self._index
        records: list[dict[str, Union[str, float, int, None]]] = []
        for entry in self._scores:
            row = index.row(entry)
            records.append(
                {
                    "table": entry.table,
                    "category": row.category,
                    "benchmark": entry.benchmark,
                    "benchmark_name": row.name,
                    "model": entry.model,
                    "model_name": index.model_names[entry.model],
                    "subtask": entry.subtask,
                    "shots": row.shots,
                    "metric": row.metric,
                    "value": entry.value,
                    "missing": entry.missing,
                    "source": str(entry.source),
                }
            )
        return records

    def to_csv(self) -> str:
        """The records of :meth:`to_records` as CSV text with a header line.

        ```pycon
        >>> import llama_cards
        >>> lines = llama_cards.scores(model="scout", table="pretrained").to_csv().splitlines()
        >>> len(lines), lines[0][:39], lines[1][:39]
        (8, 'table,category,benchmark,benchmark_name', 'pretrained,Reasoning & Knowledge,mmlu,M')

        ```
        """
        return _records_csv(self.to_records(), _CSV_FIELDS)

    def _layout(self) -> list[tuple[str, list[str], list[list[str]]]]:
        """Each table of the selection as (title, header, rows of text), as the card prints it.

        A two-number cell is printed as the card does, ``42.2/36.6``; a category is printed
        on the first row of its group only.
        """
        index = self._index
        ordered = sorted(self._scores, key=index.sort_key)
        layouts = []
        for table in index.tables.values():
            chosen = [s for s in ordered if s.table == table.id]
            if not chosen:
                continue
            present = {s.model for s in chosen}
            columns = [m for m in table.models if m in present]
            names = [n for m, n in zip(table.models, table.column_names) if m in present]
            grouped: dict[str, dict[str, list[Score]]] = {}
            for entry in chosen:
                grouped.setdefault(entry.benchmark, {}).setdefault(entry.model, []).append(entry)
            lines = []
            previous_category = None
            for benchmark_id, by_model in grouped.items():
                row = index.rows[(table.id, benchmark_id)]
                parts = {s.subtask for cell in by_model.values() for s in cell}
                name = row.name
                if row.subtasks and len(parts) < len(row.subtasks):
                    shown_parts = [p for p in row.subtasks if p in parts]
                    name = f"{row.name} ({', '.join(shown_parts)})"
                category = row.category if row.category != previous_category else ""
                previous_category = row.category
                cells = [_cell_text(index, by_model.get(m, [])) for m in columns]
                shots = "-" if row.shots is None else str(row.shots)
                lines.append([category, name, shots, row.metric, *cells])
            layouts.append((table.title, [*_HEADER, *names], lines))
        return layouts

    def to_markdown(self) -> str:
        """The scores as Markdown tables laid out like the card's.

        One table per card table in the selection, titled in bold when there are two; a
        cell without a number shows the card's reason; an empty selection gives ``""``.

        ```pycon
        >>> import llama_cards
        >>> chartqa = llama_cards.scores(benchmark="chartqa", table="pretrained")
        >>> print(chartqa.filter(model="llama-3.1-70b").to_markdown())
        | Category | Benchmark | # Shots | Metric | Llama 3.1 70B |
        |---|---|---|---|---|
        | Image | ChartQA | 0 | relaxed_accuracy | No multimodal support |
        >>> print(llama_cards.scores(benchmark="mtob-full-book", model="scout").to_markdown())
        | Category | Benchmark | # Shots | Metric | Llama 4 Scout |
        |---|---|---|---|---|
        | Long context | MTOB (full book) eng->kgv/kgv->eng | - | chrF | 39.7/36.3 |

        ```
        """
        layouts = self._layout()
        blocks = []
        for title, header, lines in layouts:
            block = _markdown_table(header, lines)
            blocks.append(f"**{title}**\n\n{block}" if len(layouts) > 1 else block)
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        """HTML tables laid out like the card's, for notebooks."""
        from html import escape

        layouts = self._layout()
        if not layouts:
            return "<p>ScoreTable with no scores</p>"
        blocks = []
        for title, header, lines in layouts:
            head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
            body = "".join(
                "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in line) + "</tr>"
                for line in lines
            )
            blocks.append(
                f"<table><caption>{escape(title)}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table>"
            )
        return "\n".join(blocks)


def _score_table(scores: tuple[Score, ...], owner: Union[str, Card]) -> ScoreTable:
    """Rebuild a pickled :class:`ScoreTable` (its scores were checked when it was made)."""
    from .card import card

    source = card(owner) if isinstance(owner, str) else owner
    return ScoreTable._trusted(scores, source._benchmark_index())


_CSV_FIELDS = (
    "table",
    "category",
    "benchmark",
    "benchmark_name",
    "model",
    "model_name",
    "subtask",
    "shots",
    "metric",
    "value",
    "missing",
    "source",
)


def _cell_text(index: _BenchmarkIndex, parts: Sequence[Score]) -> str:
    """A cell as the card prints it: ``42.2/36.6`` for two subtasks, a reason once."""
    shown = [index.shown(entry) for entry in parts]
    if all(entry.value is None for entry in parts):
        shown = list(dict.fromkeys(shown))
    return "/".join(shown)


def _markdown_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table: the header, its rule, then a line per row (``|`` escaped)."""
    lines = [_markdown_line(header), "|" + "---|" * len(header)]
    lines += [_markdown_line(row) for row in rows]
    return "\n".join(lines)


def _records_csv(records: Sequence[Mapping[str, object]], fields: Sequence[str]) -> str:
    """``records`` as CSV text under a header of ``fields`` (the header alone when empty)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([record[field] for field in fields] for record in records)
    return buffer.getvalue()


# ----------------------------------------------------------------- comparisons


class ScoreDifference(_Result):
    """One benchmark cell that two models both have, side by side."""

    __slots__ = ("a", "b", "benchmark", "difference", "subtask")
    _fields = ("benchmark", "subtask", "a", "b", "difference")

    benchmark: Benchmark
    """The row's benchmark (its ``table`` says which table)."""
    subtask: Optional[str]
    """The part of a two-number cell, e.g. ``"eng->kgv"``."""
    a: Score
    """The first model's cell."""
    b: Score
    """The second model's cell."""
    difference: Optional[float]
    """``a.value - b.value`` to the card's precision; ``None`` when either has no value."""

    def __init__(
        self,
        benchmark: Benchmark,
        subtask: Optional[str],
        a: Score,
        b: Score,
        difference: Optional[float],
    ) -> None:
        super().__init__(benchmark, subtask, a, b, difference)


_COMPARISON_FIELDS = (
    "table",
    "benchmark",
    "benchmark_name",
    "subtask",
    "metric",
    "model_a",
    "value_a",
    "missing_a",
    "model_b",
    "value_b",
    "missing_b",
    "difference",
)


class Comparison(Sequence[ScoreDifference]):
    """The cells two models both have, in the card's order; see :func:`compare`."""

    __slots__ = ("_differences", "model_names", "models")
    models: tuple[str, str]
    """The ids of the two models, ``(a, b)``."""
    model_names: tuple[str, str]
    """The two models' names as the tables' column headers print them, e.g.
    ``("Llama 4 Maverick", "Llama 3.1 405B")``; their ids when none were given."""
    _differences: tuple[ScoreDifference, ...]

    def __init__(
        self,
        models: tuple[str, str],
        differences: Iterable[ScoreDifference],
        *,
        model_names: Optional[tuple[str, str]] = None,
    ) -> None:
        object.__setattr__(self, "models", models)
        object.__setattr__(self, "_differences", tuple(differences))
        object.__setattr__(self, "model_names", models if model_names is None else model_names)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Comparison is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Callable[..., Comparison], tuple[object, ...]]:
        return (_comparison, (self.models, self._differences, self.model_names))

    @overload
    def __getitem__(self, position: int) -> ScoreDifference: ...

    @overload
    def __getitem__(self, position: slice) -> tuple[ScoreDifference, ...]: ...

    def __getitem__(
        self, position: Union[int, slice]
    ) -> Union[ScoreDifference, tuple[ScoreDifference, ...]]:
        return self._differences[position]

    def __len__(self) -> int:
        return len(self._differences)

    def __iter__(self) -> Iterator[ScoreDifference]:
        return iter(self._differences)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Comparison):
            return (self.models, self._differences) == (other.models, other._differences)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.models, self._differences))

    def __repr__(self) -> str:
        return f"<Comparison of {self.models[0]} and {self.models[1]}: {len(self)} cells>"

    def to_records(self) -> list[dict[str, Union[str, float, int, None]]]:
        """One plain dict per cell, ready for ``pandas.DataFrame``.

        Keys: ``table``, ``benchmark`` (id), ``benchmark_name``, ``subtask``, ``metric``,
        ``model_a``, ``value_a``, ``missing_a``, ``model_b``, ``value_b``, ``missing_b``
        and ``difference``.

        ```pycon
        >>> import llama_cards
        >>> first = llama_cards.compare("maverick", "scout", table="pretrained").to_records()[0]
        >>> first["benchmark"], first["value_a"], first["value_b"], first["difference"]
        ('mmlu', 85.5, 79.6, 5.9)

        ```
        """
        a, b = self.models
        return [
            {
                "table": d.benchmark.table,
                "benchmark": d.benchmark.id,
                "benchmark_name": d.benchmark.name,
                "subtask": d.subtask,
                "metric": d.benchmark.metric,
                "model_a": a,
                "value_a": d.a.value,
                "missing_a": d.a.missing,
                "model_b": b,
                "value_b": d.b.value,
                "missing_b": d.b.missing,
                "difference": d.difference,
            }
            for d in self._differences
        ]

    def to_csv(self) -> str:
        """The records of :meth:`to_records` as CSV text with a header line.

        ```pycon
        >>> import llama_cards
        >>> text = llama_cards.compare("maverick", "scout", table="pretrained").to_csv()
        >>> print(text.splitlines()[1])
        pretrained,mmlu,MMLU,,macro_avg/acc_char,llama-4-maverick,85.5,,llama-4-scout,79.6,,5.9

        ```
        """
        return _records_csv(self.to_records(), _COMPARISON_FIELDS)

    def to_markdown(self) -> str:
        """The comparison as one Markdown table; a missing value shows its reason id."""
        a, b = self.models
        header = ["Table", "Benchmark", "Subtask", "Metric", a, b, "Difference"]
        return _markdown_table(
            header,
            (
                [
                    d.benchmark.table,
                    d.benchmark.name,
                    d.subtask or "",
                    d.benchmark.metric,
                    repr(d.a.value) if d.a.value is not None else str(d.a.missing),
                    repr(d.b.value) if d.b.value is not None else str(d.b.missing),
                    "" if d.difference is None else f"{d.difference:+}",
                ]
                for d in self._differences
            ),
        )


def _comparison(
    models: tuple[str, str],
    differences: tuple[ScoreDifference, ...],
    model_names: tuple[str, str],
) -> Comparison:
    """Rebuild a pickled :class:`Comparison` (the names are keyword-only)."""
    return Comparison(models, differences, model_names=model_names)


def _difference(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None or b is None:
        return None
    from decimal import Decimal

    # Through the printed digits, so 85.5 - 79.6 is 5.9, not 5.900000000000006.
    return float(Decimal(repr(a)) - Decimal(repr(b)))


# ------------------------------------------------------------------ functions


def _current() -> Card:
    from .card import card

    return card()


def _index() -> _BenchmarkIndex:
    return _current()._benchmark_index()


def benchmarks(*, table: Optional[str] = None) -> tuple[Benchmark, ...]:
    """Every benchmark row of the newest card, pre-trained table first, in the card's order.

    ```pycon
    >>> [b.name for b in benchmarks(table="pretrained")]
    ['MMLU', 'MMLU-Pro', 'MATH', 'MBPP', 'TydiQA', 'ChartQA', 'DocVQA']
    >>> benchmark("MMMU Pro").footnote.marker
    '^'

    ```
    """
    rows = _current().benchmarks
    if table is None:
        return rows
    wanted = _index().table_id(table)
    return tuple(row for row in rows if row.table == wanted)


def benchmark(name: str, *, table: Optional[str] = None) -> Benchmark:
    """The benchmark row answering to ``name``, its id or printed name.

    Case, spaces and punctuation are ignored (``"MMLU Pro"``, ``"mmlu_pro"``, ``"MMLU-Pro"``).
    A benchmark of both tables needs ``table``, else :class:`~llama_cards.AmbiguousQueryError`;
    an unknown name raises :class:`~llama_cards.UnknownBenchmarkError` naming the closest.

    ```pycon
    >>> benchmark("mmlu_pro", table="pretrained").shots
    5
    >>> benchmark("LiveCodeBench").name
    'LiveCodeBench (10/01/2024-02/01/2025)'

    ```
    """
    return _index().benchmark(name, table)


def scores(
    *,
    model: Optional[str] = None,
    benchmark: Optional[str] = None,
    category: Optional[str] = None,
    table: Optional[str] = None,
    subtask: Optional[str] = None,
) -> ScoreTable:
    """The scores of the newest card that meet every condition given, in the card's order.

    ``model`` resolves like :func:`~llama_cards.model` and also takes the comparison models
    (``"llama-3.1-405b"``, ``"Llama 3.1 405B"``); ``benchmark`` takes an id or a printed
    name; ``category`` the printed category (or Meta's, e.g. ``"Code"``); ``table``
    ``"pretrained"`` or ``"instruct"`` (or the printed title). Case, spaces and punctuation
    are ignored. A name the card does not have raises the matching error
    (:class:`~llama_cards.UnknownModelError`, :class:`~llama_cards.UnknownBenchmarkError`,
    :class:`~llama_cards.InvalidArgumentError`); known names that select nothing together
    give an empty table. ``subtask`` must be one that the rows of the selected cells report
    (``"eng->kgv"`` of the MTOB rows), else :class:`~llama_cards.InvalidArgumentError`
    names those there are, as :func:`score` and :meth:`ScoreTable.filter` do.

    ```pycon
    >>> len(scores()), len(scores(table="instruct")), len(scores(model="llama-3.1-70b"))
    (80, 52, 7)

    ```
    """
    index = _index()
    return ScoreTable._trusted(
        index.select(
            _current().scores,
            model=model,
            benchmark=benchmark,
            category=category,
            table=table,
            subtask=subtask,
        ),
        index,
    )


_SCORED: dict[tuple[object, object, object, object], Score] = {}


def score(
    model: str, benchmark: str, *, table: Optional[str] = None, subtask: Optional[str] = None
) -> Score:
    """The one cell of the newest card for ``model`` on ``benchmark``.

    Names resolve as in :func:`scores`. Several matching cells (a benchmark of both tables
    without ``table``, a two-number cell without ``subtask``) raise
    :class:`~llama_cards.AmbiguousQueryError` listing them; a model without a column in the
    benchmark's table raises :class:`~llama_cards.NotInTableError`; a subtask the benchmark
    does not report raises :class:`~llama_cards.InvalidArgumentError` naming those there are.

    ```pycon
    >>> score("scout", "mmlu-pro")
    Traceback (most recent call last):
    ...
    llama_cards.errors.AmbiguousQueryError: 'scout' on 'mmlu-pro' matches 2 cells: \
llama-4-scout on mmlu-pro (pretrained): 58.2; llama-4-scout on mmlu-pro (instruct): 74.3; \
pass table='pretrained' or table='instruct'
    >>> score("scout", "mmlu-pro", table="pretrained").value
    58.2

    ```
    """
    key = (model, benchmark, table, subtask)
    try:
        return _SCORED[key]
    except (KeyError, TypeError):
        pass
    found = _index().score(model, benchmark, table, subtask)
    remember(_SCORED, key, found)
    return found


def compare(a: str, b: str, *, table: Optional[str] = None) -> Comparison:
    """The cells both models have, side by side, with ``a - b``.

    Rows follow the card's order; a cell where either model has no value (no multimodal
    support) is kept with ``difference`` ``None``. Models without a table in common give an
    empty comparison.

    ```pycon
    >>> [(d.benchmark.id, d.difference) for d in compare("maverick", "llama-3.1-405b")][:3]
    [('mmlu', 0.3), ('mmlu-pro', 1.3), ('math', 7.7)]

    ```
    """
    index = _index()
    first, second = index.model_id(a), index.model_id(b)
    selected = index.select(_current().scores, table=table)
    theirs = {(s.table, s.benchmark, s.subtask): s for s in selected if s.model == second}
    return Comparison(
        (first, second),
        (
            ScoreDifference(
                benchmark=index.row(mine),
                subtask=mine.subtask,
                a=mine,
                b=theirs[(mine.table, mine.benchmark, mine.subtask)],
                difference=_difference(
                    mine.value, theirs[(mine.table, mine.benchmark, mine.subtask)].value
                ),
            )
            for mine in selected
            if mine.model == first and (mine.table, mine.benchmark, mine.subtask) in theirs
        ),
        model_names=(index.model_names[first], index.model_names[second]),
    )


def to_model_index(model: str, *, table: Optional[str] = None) -> list[dict[str, object]]:
    """The model's scores of one table in the Hugging Face ``model-index`` format.

    A model-index describes one checkpoint, and the pre-trained and instruction tuned
    tables measure different checkpoints: a model of both tables needs ``table``, else
    :class:`~llama_cards.AmbiguousQueryError`. The entry is named after the Llama 4
    checkpoint of that table in the precision the table was evaluated in
    (:attr:`BenchmarkTable.evaluated_precision`: ``"Llama-4-Scout-17B-16E-Instruct"``), or
    the comparison model's printed name. Each cell with a value gives one result: the task
    (``image-text-to-text`` for a benchmark whose :attr:`Benchmark.input_modalities`
    include images, else ``text-generation``), the dataset (benchmark id as type, printed
    name, the shots as ``args.num_few_shot``, the subtask as ``config``), the metric as
    printed with its value, and the card as source. Cells without a value are left out.

    ```pycon
    >>> index = to_model_index("maverick", table="instruct")
    >>> index[0]["name"], len(index[0]["results"])
    ('Llama-4-Maverick-17B-128E-Instruct', 13)

    ```
    """
    index = _index()
    model_id = index.model_id(model)
    mine = [s for s in _current().scores if s.model == model_id]
    tables = tuple(dict.fromkeys(s.table for s in mine))
    if table is not None:
        wanted = index.table_id(table)
        if wanted not in tables:
            raise NotInTableError(
                f"{model_id!r} has no column in the {wanted} table; it has scores in the "
                f"{_quoted(tables)} table"
            )
        tables = (wanted,)
    if len(tables) > 1:
        raise AmbiguousQueryError(
            f"{model_id!r} has scores in {len(tables)} tables, and a model-index describes one "
            f"checkpoint; pass " + " or ".join(f"table={t!r}" for t in tables),
            tables,
        )
    (table_id,) = tables
    card = _current()
    documents = {d.id: d for d in card.documents}
    name = index.model_names[model_id]
    evaluated = index.tables[table_id]
    for llama in card.models:
        if llama.id == model_id:
            repos = [
                r
                for r in llama.huggingface_repos
                if r.variant == table_id and r.precision == evaluated.evaluated_precision
            ]
            if repos:
                name = repos[0].id.rsplit("/", 1)[-1]
    title = evaluated.title
    results: list[dict[str, object]] = []
    for entry in mine:
        if entry.table != table_id or entry.value is None:
            continue
        row = index.row(entry)
        dataset: dict[str, object] = {"type": row.id, "name": row.name}
        if entry.subtask is not None:
            dataset["config"] = entry.subtask
        if row.shots is not None:
            dataset["args"] = {"num_few_shot": row.shots}
        document = documents[entry.source.document]
        task = "image-text-to-text" if "image" in row.input_modalities else "text-generation"
        results.append(
            {
                "task": {"type": task},
                "dataset": dataset,
                "metrics": [{"type": row.metric, "value": entry.value}],
                "source": {
                    "name": f"{document.title} model card, {title} table",
                    "url": document.url,
                },
            }
        )
    return [{"name": name, "results": results}]
