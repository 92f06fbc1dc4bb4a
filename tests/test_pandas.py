"""The records pivot in real pandas without losing or averaging a row."""

from __future__ import annotations

import math

import pandas

import llama_cards

# The card's cells with a number, as printed: (table, benchmark, subtask, model, value).
SAMPLE = [
    ("pretrained", "mmlu", "", "llama-4-scout", 79.6),
    ("pretrained", "mmlu", "", "llama-3.1-405b", 85.2),
    ("instruct", "mtob-half-book", "eng->kgv", "llama-4-maverick", 54.0),
    ("instruct", "mtob-half-book", "kgv->eng", "llama-4-maverick", 46.4),
    ("instruct", "mtob-full-book", "eng->kgv", "llama-4-scout", 39.7),
    ("instruct", "mtob-full-book", "kgv->eng", "llama-4-scout", 36.3),
]


def _frame() -> pandas.DataFrame:
    return pandas.DataFrame(llama_cards.scores().to_records())


def test_the_pivot_of_the_issue_keeps_every_row() -> None:
    pivot = _frame().pivot_table(
        index=["table", "benchmark", "subtask"], columns="model", values="value"
    )
    # 7 pre-trained rows, 9 one-number instruct rows and the two MTOB rows of two parts.
    assert pivot.shape == (20, 5)
    assert int(pivot.count().sum()) == sum(s.value is not None for s in llama_cards.scores())
    for table, benchmark, subtask, model, value in SAMPLE:
        assert pivot.loc[(table, benchmark, subtask), model] == value


def test_a_strict_pivot_finds_no_duplicate_and_no_missing_key() -> None:
    frame = _frame()
    for key in ("table", "benchmark", "subtask", "model"):
        assert not frame[key].isna().any(), key
    # DataFrame.pivot raises on a duplicated index and column pair: every cell is one.
    strict = frame.pivot(index=["table", "benchmark", "subtask"], columns="model", values="value")
    assert strict.shape == (20, 5)
    assert math.isnan(strict.loc[("instruct", "chartqa", ""), "llama-3.3-70b"])


def test_the_two_mtob_directions_are_never_averaged() -> None:
    pivot = _frame().pivot_table(
        index=["table", "benchmark", "subtask"], columns="model", values="value"
    )
    half = pivot.loc[("instruct", "mtob-half-book")]
    assert list(half.index) == ["eng->kgv", "kgv->eng"]
    assert list(half["llama-4-scout"]) == [42.2, 36.6]


def test_a_comparison_pivots_too() -> None:
    frame = pandas.DataFrame(llama_cards.compare("maverick", "scout").to_records())
    assert not frame["subtask"].isna().any()
    by_cell = frame.set_index(["table", "benchmark", "subtask"])["difference"]
    assert by_cell.index.is_unique
    assert by_cell.loc[("pretrained", "mmlu", "")] == 5.9
