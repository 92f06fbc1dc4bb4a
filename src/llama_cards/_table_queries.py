"""The benchmark queries of the newest card that answer with a table: a selection of
scores, and two models side by side.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import Optional, Union

from . import _loader
from ._benchmarks import ComparisonModel
from ._models import Model
from ._score_queries import _index, _Named
from ._scores import Comparison, ScoreDifference, ScoreTable, difference, model_specs
from .errors import InvalidArgumentError

__all__ = ["compare", "scores"]


def scores(
    *,
    model: Optional[_Named] = None,
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
    (``category="Image", table="instruct"``) raise :class:`~llama_cards.NotInTableError`
    naming what the selection has instead (the table's categories). ``subtask`` must be one
    that the rows of the selected cells report (``"eng->kgv"`` of the MTOB rows), else
    :class:`~llama_cards.InvalidArgumentError` names those there are, as :func:`score` and
    :meth:`ScoreTable.filter` do.

    ```pycon
    >>> len(scores()), len(scores(table="instruct")), len(scores(model="llama-3.1-70b"))
    (80, 52, 7)

    ```
    """
    index = _index()
    return ScoreTable._trusted(
        index.select(
            _loader.newest().scores,
            model=model,
            benchmark=benchmark,
            category=category,
            table=table,
            subtask=subtask,
        ),
        index,
    )


def compare(a: _Named, b: _Named, *, table: Optional[str] = None) -> Comparison:
    """The cells both models have, side by side, with ``a - b``, and both models' specs.

    ``a`` and ``b`` resolve as in :func:`scores` (a :class:`Model` too) and must be two
    different models, else :class:`~llama_cards.InvalidArgumentError`.

    Rows follow the card's order; a cell where either model has no value (no multimodal
    support) is kept with ``difference`` ``None``. Models without a table in common give an
    empty comparison. :attr:`Comparison.specs` gives each model's context length,
    parameters, knowledge cutoff and supported languages. ``a`` and ``b`` must be two
    different models, else :class:`~llama_cards.InvalidArgumentError`.

    ```pycon
    >>> [(d.benchmark.id, d.difference) for d in compare("maverick", "llama-3.1-405b")][:3]
    [('mmlu', 0.3), ('mmlu-pro', 1.3), ('math', 7.7)]
    >>> [(s.model, s.context_length) for s in compare("scout", "Llama 3.3 70B").specs]
    [('llama-4-scout', 10000000), ('llama-3.3-70b', 128000)]

    ```
    """
    index = _index()
    first, second = index.model_id(a), index.model_id(b)
    if first == second:
        raise InvalidArgumentError(
            f"compare() needs two different models, but {a!r} and {b!r} both name {first!r}"
        )
    card = _loader.newest()
    llama_4_languages = tuple(entry.iso639_1 for entry in card.languages)
    records: dict[str, Union[Model, ComparisonModel]] = {m.id: m for m in card.models}
    records.update((m.id, m) for m in card.comparison_models)
    specs = (
        model_specs(records[first], llama_4_languages),
        model_specs(records[second], llama_4_languages),
    )
    selected = index.select(_loader.newest().scores, table=table)
    theirs = {(s.table, s.benchmark, s.subtask): s for s in selected if s.model == second}
    return Comparison(
        (first, second),
        (
            ScoreDifference(
                benchmark=index.row(mine),
                subtask=mine.subtask,
                a=mine,
                b=theirs[(mine.table, mine.benchmark, mine.subtask)],
                difference=difference(
                    mine.value, theirs[(mine.table, mine.benchmark, mine.subtask)].value
                ),
            )
            for mine in selected
            if mine.model == first and (mine.table, mine.benchmark, mine.subtask) in theirs
        ),
        model_names=(index.model_names[first], index.model_names[second]),
        specs=specs,
    )
