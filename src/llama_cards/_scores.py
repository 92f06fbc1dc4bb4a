"""Benchmark scores as tables: selections, the card's layout, comparisons and exports.

```pycon
>>> import llama_cards
>>> print(llama_cards.scores(benchmark="GPQA Diamond", model="maverick").to_markdown())
| Category | Benchmark | # Shots | Metric | Llama 4 Maverick |
|---|---|---|---|---|
| Reasoning & Knowledge | GPQA Diamond | 0 | accuracy | 69.8 |

```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Optional, Union, overload

from . import _loader
from ._base import Variant, YearMonth
from ._benchmarks import Benchmark, BenchmarkIndex, BenchmarkTable, ComparisonModel, Score
from ._layout import cell, csv_table, html_table, markdown_table
from ._models import Model  # for ScoreTable.filter's annotation, resolved at run time
from ._parts import CardParts
from .errors import ArgumentTypeError, InvalidArgumentError, quote_input

if TYPE_CHECKING:
    from ._card import Card

__all__ = [
    "Comparison",
    "LayoutRow",
    "Pivot",
    "PivotRow",
    "ScoreDifference",
    "ScoreTable",
    "TableLayout",
]


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


class LayoutRow(_Result):
    """One row of a :class:`TableLayout`: a benchmark and what each column prints."""

    __slots__ = ("benchmark", "cells", "name")
    _fields = ("benchmark", "name", "cells")

    benchmark: Benchmark
    """The row's benchmark, with its category, shots and metric."""
    name: str
    """The row's name as printed, with the subtasks shown when only some of them are."""
    cells: tuple[tuple[Score, ...], ...]
    """Per column, the scores its cell prints: one, two for a two-number cell (printed
    ``42.2/36.6``), one reason for a cell whose parts all give it, none where the selection
    has no score there."""

    def __init__(
        self, benchmark: Benchmark, name: str, cells: tuple[tuple[Score, ...], ...]
    ) -> None:
        super().__init__(benchmark, name, cells)


class TableLayout(_Result):
    """A selection's scores of one card table, laid out as the card prints the table."""

    __slots__ = ("column_names", "columns", "rows", "table")
    _fields = ("table", "columns", "column_names", "rows")

    table: BenchmarkTable
    """The card's table, with its title."""
    columns: tuple[str, ...]
    """The model id of each column that the selection has scores in."""
    column_names: tuple[str, ...]
    """The column headers as printed."""
    rows: tuple[LayoutRow, ...]
    """The rows, in the card's order."""

    def __init__(
        self,
        table: BenchmarkTable,
        columns: tuple[str, ...],
        column_names: tuple[str, ...],
        rows: tuple[LayoutRow, ...],
    ) -> None:
        super().__init__(table, columns, column_names, rows)


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
    _index: BenchmarkIndex

    def __init__(self, scores: Iterable[Score] = (), *, card: Optional[Card] = None) -> None:
        if card is None:
            index = _loader.newest().benchmark_index
        else:
            # Only a table of another card than the newest needs the card aggregate.
            from ._card import Card

            if not isinstance(card, Card):
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
                    f"ScoreTable holds Score records, got {type(entry).__name__} "
                    f"{quote_input(entry)}"
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

    def _set(self, items: tuple[Score, ...], index: BenchmarkIndex) -> None:
        object.__setattr__(self, "_scores", items)
        object.__setattr__(self, "_index", index)

    @classmethod
    def _trusted(cls, items: Iterable[Score], index: BenchmarkIndex) -> ScoreTable:
        table = cls.__new__(cls)
        table._set(tuple(items), index)
        return table

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"ScoreTable is immutable; cannot set {name!r}")

    # Needed: the default would set the slots through __setattr__, which refuses, and would
    # pickle the whole index. The table travels with the records it was built from, which a
    # shipped card gives as its version (so the unpickled table is on the very card card()
    # returns) and any other card as itself.
    def __reduce__(self) -> tuple[Callable[..., ScoreTable], tuple[object, ...]]:
        return (_score_table, (self._scores, self._index.card))

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
        model: Union[str, Model, None] = None,
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

        Pivot-safe: the keys that identify a cell (``table``, ``benchmark``, ``subtask``,
        ``model``) are never missing, so a pivot keeps every row. ``subtask`` is ``""`` for
        a one-number cell (``Score.subtask`` itself stays ``None``); ``shots`` is ``None``
        where the card prints none (instruct rows), so leave it out of a pivot's index.

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
                    "subtask": "" if entry.subtask is None else entry.subtask,
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
        return _csv(self.to_records(), _CSV_FIELDS)

    def layout(self) -> tuple[TableLayout, ...]:
        """The selection laid out as the card's tables: one :class:`TableLayout` per table
        it has scores in, rows in the card's order, columns in the card's column order.

        Every writer of a score table (Markdown, HTML, the command line's text) prints this
        one layout, each in its own form.

        ```pycon
        >>> import llama_cards
        >>> (table,) = llama_cards.scores(benchmark="mtob-half-book", model="scout").layout()
        >>> row = table.rows[0]
        >>> table.column_names, row.name, [s.value for s in row.cells[0]]
        (('Llama 4 Scout',), 'MTOB (half book) eng->kgv/kgv->eng', [42.2, 36.6])

        ```
        """
        index = self._index
        ordered = sorted(self._scores, key=index.sort_key)
        layouts = []
        for table in index.tables.values():
            chosen = [s for s in ordered if s.table == table.id]
            if not chosen:
                continue
            present = {s.model for s in chosen}
            columns = tuple(m for m in table.models if m in present)
            names = tuple(n for m, n in zip(table.models, table.column_names) if m in present)
            grouped: dict[str, dict[str, list[Score]]] = {}
            for entry in chosen:
                grouped.setdefault(entry.benchmark, {}).setdefault(entry.model, []).append(entry)
            rows = []
            for benchmark_id, by_model in grouped.items():
                row = index.rows[(table.id, benchmark_id)]
                parts = {s.subtask for cell in by_model.values() for s in cell}
                name = row.name
                if row.subtasks and len(parts) < len(row.subtasks):
                    shown_parts = [p for p in row.subtasks if p in parts]
                    name = f"{row.name} ({', '.join(shown_parts)})"
                cells = tuple(_shown_parts(by_model.get(m, [])) for m in columns)
                rows.append(LayoutRow(benchmark=row, name=name, cells=cells))
            layouts.append(
                TableLayout(table=table, columns=columns, column_names=names, rows=tuple(rows))
            )
        return tuple(layouts)

    def _text_layout(self) -> list[tuple[str, list[str], list[list[str]]]]:
        """Each table of :meth:`layout` as (title, header, rows of text), as the card prints
        it: a two-number cell ``42.2/36.6``, a reason for no number, a category on the first
        row of its group only."""
        shown = self._index.shown
        texts = []
        for table in self.layout():
            lines = []
            previous_category = None
            for row in table.rows:
                benchmark = row.benchmark
                category = benchmark.category if benchmark.category != previous_category else ""
                previous_category = benchmark.category
                shots = "-" if benchmark.shots is None else str(benchmark.shots)
                cells = ["/".join(shown(entry) for entry in cell) for cell in row.cells]
                lines.append([category, row.name, shots, benchmark.metric, *cells])
            texts.append((table.table.title, [*_HEADER, *table.column_names], lines))
        return texts

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
        layouts = self._text_layout()
        blocks = []
        for title, header, lines in layouts:
            block = markdown_table(header, lines)
            blocks.append(f"**{title}**\n\n{block}" if len(layouts) > 1 else block)
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        """HTML tables laid out like the card's, for notebooks."""
        layouts = self._text_layout()
        if not layouts:
            return "<p>ScoreTable with no scores</p>"
        return "\n".join(
            html_table(header, lines, caption=title) for title, header, lines in layouts
        )


def _score_table(scores: tuple[Score, ...], parts: CardParts) -> ScoreTable:
    """Rebuild a pickled :class:`ScoreTable` (its scores were checked when it was made)."""
    return ScoreTable._trusted(scores, parts.benchmark_index)


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


def _shown_parts(parts: Sequence[Score]) -> tuple[Score, ...]:
    """The parts of a cell to print: every number (``42.2/36.6``), or one reason for a cell
    whose parts all give the same one."""
    if parts and all(entry.value is None for entry in parts):
        return tuple({entry.missing: entry for entry in parts}.values())
    return tuple(parts)


def _csv(records: Sequence[Mapping[str, object]], fields: Sequence[str]) -> str:
    """``records`` as CSV text under a header of ``fields`` (the header alone when empty)."""
    return csv_table(fields, ([cell(record[field]) for field in fields] for record in records))


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


class ModelSpecs(_Result):
    """A model's key specs, shown beside the scores of a :class:`Comparison`.

    The same four facts for a Llama 4 model (from the Llama 4 card) and for a comparison
    model (from its own card); each record's :meth:`source_of` says where they are printed.
    """

    __slots__ = (
        "comparison_model",
        "context_length",
        "knowledge_cutoff",
        "languages",
        "model",
        "name",
        "parameters",
    )
    _fields = (
        "model",
        "name",
        "comparison_model",
        "context_length",
        "parameters",
        "knowledge_cutoff",
        "languages",
    )

    model: str
    """The model's id, e.g. ``"llama-3.3-70b"``."""
    name: str
    """The model's name as its record gives it, e.g. ``"Llama 3.3 70B"``."""
    comparison_model: bool
    """True for a comparison model of the benchmark tables, False for a Llama 4 model."""
    context_length: Optional[int]
    """Context window in tokens, e.g. ``128_000``; ``None`` where no document is served."""
    parameters: Optional[int]
    """All parameters, e.g. ``109_000_000_000`` for Scout (total), ``70_000_000_000``."""
    knowledge_cutoff: Optional[YearMonth]
    """Month of the pre-training data cutoff, e.g. ``YearMonth(2023, 12)``."""
    languages: tuple[str, ...]
    """The supported languages' ISO 639-1 codes, in the card's order."""

    def __init__(
        self,
        model: str,
        name: str,
        comparison_model: bool,
        context_length: Optional[int],
        parameters: Optional[int],
        knowledge_cutoff: Optional[YearMonth],
        languages: tuple[str, ...],
    ) -> None:
        super().__init__(
            model, name, comparison_model, context_length, parameters, knowledge_cutoff, languages
        )


def model_specs(
    record: Union[Model, ComparisonModel], llama_4_languages: tuple[str, ...]
) -> ModelSpecs:
    """The key specs of ``record``; a Llama 4 model supports the card's ``llama_4_languages``."""
    if isinstance(record, ComparisonModel):
        return ModelSpecs(
            record.id,
            record.name,
            True,
            record.context_length,
            record.parameters,
            record.knowledge_cutoff,
            tuple(entry.iso639_1 for entry in record.languages),
        )
    return ModelSpecs(
        record.id,
        record.name,
        False,
        record.context_length,
        record.total_parameters,
        record.knowledge_cutoff,
        llama_4_languages,
    )


class Comparison(Sequence[ScoreDifference]):
    """The cells two models both have, in the card's order; see :func:`compare`.

    :attr:`specs` gives both models' key specs beside the scores.
    """

    __slots__ = ("_differences", "model_names", "models", "specs")
    models: tuple[str, str]
    """The ids of the two models, ``(a, b)``."""
    model_names: tuple[str, str]
    """The two models' names as the tables' column headers print them, e.g.
    ``("Llama 4 Maverick", "Llama 3.1 405B")``; their ids when none were given."""
    specs: tuple[ModelSpecs, ...]
    """The key specs of ``a`` and of ``b`` (context length, parameters, knowledge cutoff,
    supported languages); empty when none were given."""
    _differences: tuple[ScoreDifference, ...]

    def __init__(
        self,
        models: tuple[str, str],
        differences: Iterable[ScoreDifference],
        *,
        model_names: Optional[tuple[str, str]] = None,
        specs: tuple[ModelSpecs, ...] = (),
    ) -> None:
        object.__setattr__(self, "models", models)
        object.__setattr__(self, "_differences", tuple(differences))
        object.__setattr__(self, "model_names", models if model_names is None else model_names)
        object.__setattr__(self, "specs", tuple(specs))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Comparison is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Callable[..., Comparison], tuple[object, ...]]:
        return (_comparison, (self.models, self._differences, self.model_names, self.specs))

    def specs_markdown(self) -> str:
        """Both models' key specs as one Markdown table, a column per model.

        ```pycon
        >>> import llama_cards
        >>> text = llama_cards.compare("scout", "llama-3.3-70b").specs_markdown()
        >>> for line in text.splitlines()[:5]:
        ...     print(line)
        | Spec | Llama 4 Scout | Llama 3.3 70B |
        |---|---|---|
        | Context length (tokens) | 10,000,000 | 128,000 |
        | Parameters | 109,000,000,000 | 70,000,000,000 |
        | Knowledge cutoff | 2024-08 | 2023-12 |
        >>> text.splitlines()[5].startswith("| Supported languages | ar, en, fr, de, hi, id,")
        True

        ```
        """
        return markdown_table(["Spec", *self.model_names], spec_rows(self.specs))

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
                "subtask": "" if d.subtask is None else d.subtask,
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
        return _csv(self.to_records(), _COMPARISON_FIELDS)

    def to_markdown(self) -> str:
        """The comparison as one Markdown table; a missing value shows its reason id."""
        a, b = self.models
        header = ["Table", "Benchmark", "Subtask", "Metric", a, b, "Difference"]
        return markdown_table(
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


def spec_rows(specs: Iterable[ModelSpecs]) -> list[list[str]]:
    """The rows of a specs table: a spec's name, then its value for each model."""
    given = tuple(specs)

    def number(value: Optional[int]) -> str:
        return "" if value is None else f"{value:,}"

    return [
        ["Context length (tokens)", *(number(s.context_length) for s in given)],
        ["Parameters", *(number(s.parameters) for s in given)],
        [
            "Knowledge cutoff",
            *("" if s.knowledge_cutoff is None else str(s.knowledge_cutoff) for s in given),
        ],
        ["Supported languages", *(", ".join(s.languages) for s in given)],
    ]


def _comparison(
    models: tuple[str, str],
    differences: tuple[ScoreDifference, ...],
    model_names: tuple[str, str],
    specs: tuple[ModelSpecs, ...] = (),
) -> Comparison:
    """Rebuild a pickled :class:`Comparison` (the names are keyword-only)."""
    return Comparison(models, differences, model_names=model_names, specs=specs)


def difference(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None or b is None:
        return None
    from decimal import Decimal

    # Through the printed digits, so 85.5 - 79.6 is 5.9, not 5.900000000000006.
    return float(Decimal(repr(a)) - Decimal(repr(b)))
