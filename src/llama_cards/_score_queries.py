"""The benchmark queries of the newest card: rows, cells and model-index entries.

The queries that answer with a table (a selection of scores, a comparison) are in
``_table_queries``, so that a first :func:`score` does not create the table classes.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import Optional, Union

from . import _loader
from ._base import answers_cache
from ._benchmarks import Benchmark, BenchmarkIndex, ComparisonModel, Score

# Imported for the annotations of the public functions (typing.get_type_hints resolves
# them), which creates the model record classes; a first score() still builds no model
# record: the benchmark index reads the models' names from their data.
from ._models import Model

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = ["benchmark", "benchmarks", "score", "to_model_index"]

_Named = Union[str, Model, ComparisonModel]
"""A model of the benchmark tables: a name, or a Llama 4 or comparison model's record."""


# ------------------------------------------------------------------ functions


def _index() -> BenchmarkIndex:
    return _loader.newest().benchmark_index


def benchmarks(*, table: Optional[str] = None) -> tuple[Benchmark, ...]:
    """Every benchmark row of the newest card, pre-trained table first, in the card's order.

    ```pycon
    >>> [b.name for b in benchmarks(table="pretrained")]
    ['MMLU', 'MMLU-Pro', 'MATH', 'MBPP', 'TydiQA', 'ChartQA', 'DocVQA']
    >>> benchmark("MMMU Pro").footnote.marker
    '^'

    ```
    """
    rows = _loader.newest().benchmarks
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


def _score(model: object, benchmark: object, table: object, subtask: object) -> Score:
    return _index().score(model, benchmark, table, subtask)


_remembered_score = answers_cache(_score)


def score(
    model: _Named,
    benchmark: str,
    *,
    table: Optional[str] = None,
    subtask: Optional[str] = None,
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
    if type(model) is not str and isinstance(model, (Model, ComparisonModel)):
        model = model.id
    return _remembered_score(model, benchmark, table, subtask)


def to_model_index(model: _Named, *, table: Optional[str] = None) -> list[dict[str, object]]:
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
    mine = [s for s in _loader.newest().scores if s.model == model_id]
    tables = tuple(dict.fromkeys(s.table for s in mine))
    if table is not None:
        wanted = index.table_id(table)
        if wanted not in tables:
            from .errors import NotInTableError, _quoted

            raise NotInTableError(
                f"{model_id!r} has no column in the {wanted} table; it has scores in the "
                f"{_quoted(tables)} table"
            )
        tables = (wanted,)
    if len(tables) > 1:
        from .errors import AmbiguousQueryError

        raise AmbiguousQueryError(
            f"{model_id!r} has scores in {len(tables)} tables, and a model-index describes one "
            f"checkpoint; pass " + " or ".join(f"table={t!r}" for t in tables),
            tables,
        )
    (table_id,) = tables
    card = _loader.newest()
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
