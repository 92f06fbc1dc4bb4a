"""Both benchmark tables, cell by cell, against literal tables written from the card.

The card's text flattens its tables: a category stands once for the rows below it, "No
multimodal support" and "Context window is 128K" stand once for the two Llama 3 columns of
every row of their group, and blank cells shift the numbers left. The tables below are the
card's, each number placed in its column as Meta's HTML tables show it.
"""

from __future__ import annotations

from typing import Optional, Union

import pytest

import llama_cards
from llama_cards import Pivot, Score

NO_IMAGES = "no-multimodal-support"
SHORT_CONTEXT = "context-window-128k"

Cell = Union[float, str]
Row = tuple[str, str, Optional[int], str, Optional[str], Cell, Cell, Cell, Cell]

PRETRAINED_COLUMNS = (
    ("llama-3.1-70b", "Llama 3.1 70B"),
    ("llama-3.1-405b", "Llama 3.1 405B"),
    ("llama-4-scout", "Llama 4 Scout"),
    ("llama-4-maverick", "Llama 4 Maverick"),
)
# category, benchmark, # shots, metric, subtask, then one cell per column above
PRETRAINED: list[Row] = [
    ("Reasoning & Knowledge", "MMLU", 5, "macro_avg/acc_char", None, 79.3, 85.2, 79.6, 85.5),
    ("Reasoning & Knowledge", "MMLU-Pro", 5, "macro_avg/em", None, 53.8, 61.6, 58.2, 62.9),
    ("Reasoning & Knowledge", "MATH", 4, "em_maj1@1", None, 41.6, 53.5, 50.3, 61.2),
    ("Code", "MBPP", 3, "pass@1", None, 66.4, 74.4, 67.8, 77.6),
    ("Multilingual", "TydiQA", 1, "average/f1", None, 29.9, 34.3, 31.5, 31.7),
    ("Image", "ChartQA", 0, "relaxed_accuracy", None, NO_IMAGES, NO_IMAGES, 83.4, 85.3),
    ("Image", "DocVQA", 0, "anls", None, NO_IMAGES, NO_IMAGES, 89.4, 91.6),
]

INSTRUCT_COLUMNS = (
    ("llama-3.3-70b", "Llama 3.3 70B"),
    ("llama-3.1-405b", "Llama 3.1 405B"),
    ("llama-4-scout", "Llama 4 Scout"),
    ("llama-4-maverick", "Llama 4 Maverick"),
)
MTOB_HALF = "MTOB (half book) eng->kgv/kgv->eng"
MTOB_FULL = "MTOB (full book) eng->kgv/kgv->eng"
LIVECODEBENCH = "LiveCodeBench (10/01/2024-02/01/2025)"
INSTRUCT: list[Row] = [
    ("Image Reasoning", "MMMU", 0, "accuracy", None, NO_IMAGES, NO_IMAGES, 69.4, 73.4),
    ("Image Reasoning", "MMMU Pro^", 0, "accuracy", None, NO_IMAGES, NO_IMAGES, 52.2, 59.6),
    ("Image Reasoning", "MathVista", 0, "accuracy", None, NO_IMAGES, NO_IMAGES, 70.7, 73.7),
    (
        "Image Understanding",
        "ChartQA",
        0,
        "relaxed_accuracy",
        None,
        NO_IMAGES,
        NO_IMAGES,
        88.8,
        90.0,
    ),
    ("Image Understanding", "DocVQA (test)", 0, "anls", None, NO_IMAGES, NO_IMAGES, 94.4, 94.4),
    ("Coding", LIVECODEBENCH, 0, "pass@1", None, 33.3, 27.7, 32.8, 43.4),
    ("Reasoning & Knowledge", "MMLU Pro", 0, "macro_avg/em", None, 68.9, 73.4, 74.3, 80.5),
    ("Reasoning & Knowledge", "GPQA Diamond", 0, "accuracy", None, 50.5, 49.0, 57.2, 69.8),
    ("Multilingual", "MGSM", 0, "average/em", None, 91.1, 91.6, 90.6, 92.3),
    # The card prints one MTOB cell as "42.2/36.6": eng->kgv, then kgv->eng.
    ("Long context", MTOB_HALF, None, "chrF", "eng->kgv", SHORT_CONTEXT, SHORT_CONTEXT, 42.2, 54.0),
    ("Long context", MTOB_HALF, None, "chrF", "kgv->eng", SHORT_CONTEXT, SHORT_CONTEXT, 36.6, 46.4),
    ("Long context", MTOB_FULL, None, "chrF", "eng->kgv", SHORT_CONTEXT, SHORT_CONTEXT, 39.7, 50.8),
    ("Long context", MTOB_FULL, None, "chrF", "kgv->eng", SHORT_CONTEXT, SHORT_CONTEXT, 36.3, 46.7),
]

TABLES = [
    pytest.param("pretrained", PRETRAINED_COLUMNS, PRETRAINED, id="pretrained"),
    pytest.param("instruct", INSTRUCT_COLUMNS, INSTRUCT, id="instruct"),
]


def _cell(entry: Optional[Score]) -> Cell:
    assert entry is not None, "the card has a cell here, the pivot gives none"
    if entry.value is not None:
        assert entry.missing is None
        return entry.value
    assert entry.missing is not None
    return entry.missing


def _rows(pivot: Pivot) -> list[Row]:
    rows: list[Row] = []
    for row in pivot.rows:
        bench = row.benchmark
        a, b, c, d = (_cell(entry) for entry in row.cells)
        rows.append(
            (bench.category, bench.name, bench.shots, bench.metric, row.subtask, a, b, c, d)
        )
    return rows


@pytest.mark.parametrize(("table", "columns", "expected"), TABLES)
def test_every_cell_of_the_table(
    table: str, columns: tuple[tuple[str, str], ...], expected: list[Row]
) -> None:
    pivot = llama_cards.scores(table=table).pivot()
    assert pivot.columns == tuple(model_id for model_id, _ in columns)
    assert pivot.column_names == tuple(name for _, name in columns)
    assert _rows(pivot) == expected


@pytest.mark.parametrize(("table", "columns", "expected"), TABLES)
def test_each_cell_is_its_columns_model(
    table: str, columns: tuple[tuple[str, str], ...], expected: list[Row]
) -> None:
    pivot = llama_cards.scores(table=table).pivot()
    for row in pivot.rows:
        assert [entry.model if entry else None for entry in row.cells] == list(pivot.columns)
        assert {entry.table if entry else None for entry in row.cells} == {table}
        assert {entry.benchmark if entry else None for entry in row.cells} == {row.benchmark.id}
        assert {entry.subtask if entry else "-" for entry in row.cells} == {row.subtask}


def test_both_tables_in_one_pivot() -> None:
    pivot = llama_cards.scores().pivot()
    # The two 70B models share the card's first column, one per table.
    assert pivot.columns == (
        "llama-3.1-70b",
        "llama-3.3-70b",
        "llama-3.1-405b",
        "llama-4-scout",
        "llama-4-maverick",
    )
    assert len(pivot.rows) == len(PRETRAINED) + len(INSTRUCT)
    by_table = {row.table: row for row in pivot.rows}
    first_column = pivot.columns.index("llama-3.1-70b")
    assert by_table["instruct"].cells[first_column] is None  # no Llama 3.1 70B column there


CARD_ORDER_IDS = {
    "pretrained": ["mmlu", "mmlu-pro", "math", "mbpp", "tydiqa", "chartqa", "docvqa"],
    "instruct": [
        "mmmu",
        "mmmu-pro",
        "mathvista",
        "chartqa",
        "docvqa",
        "livecodebench",
        "mmlu-pro",
        "gpqa-diamond",
        "mgsm",
        "mtob-half-book",
        "mtob-full-book",
    ],
}


@pytest.mark.parametrize("table", ["pretrained", "instruct"])
def test_canonical_ids_in_the_cards_order(table: str) -> None:
    assert [b.id for b in llama_cards.benchmarks(table=table)] == CARD_ORDER_IDS[table]


INSTRUCT_MARKDOWN = """\
| Category | Benchmark | # Shots | Metric | Llama 3.3 70B | Llama 3.1 405B | Llama 4 Scout | Llama 4 Maverick |
|---|---|---|---|---|---|---|---|
| Image Reasoning | MMMU | 0 | accuracy | No multimodal support | No multimodal support | 69.4 | 73.4 |
|  | MMMU Pro^ | 0 | accuracy | No multimodal support | No multimodal support | 52.2 | 59.6 |
|  | MathVista | 0 | accuracy | No multimodal support | No multimodal support | 70.7 | 73.7 |
| Image Understanding | ChartQA | 0 | relaxed_accuracy | No multimodal support | No multimodal support | 88.8 | 90.0 |
|  | DocVQA (test) | 0 | anls | No multimodal support | No multimodal support | 94.4 | 94.4 |
| Coding | LiveCodeBench (10/01/2024-02/01/2025) | 0 | pass@1 | 33.3 | 27.7 | 32.8 | 43.4 |
| Reasoning & Knowledge | MMLU Pro | 0 | macro_avg/em | 68.9 | 73.4 | 74.3 | 80.5 |
|  | GPQA Diamond | 0 | accuracy | 50.5 | 49.0 | 57.2 | 69.8 |
| Multilingual | MGSM | 0 | average/em | 91.1 | 91.6 | 90.6 | 92.3 |
| Long context | MTOB (half book) eng->kgv/kgv->eng | - | chrF | Context window is 128K | Context window is 128K | 42.2/36.6 | 54.0/46.4 |
|  | MTOB (full book) eng->kgv/kgv->eng | - | chrF | Context window is 128K | Context window is 128K | 39.7/36.3 | 50.8/46.7 |"""  # noqa: E501

PRETRAINED_MARKDOWN = """\
| Category | Benchmark | # Shots | Metric | Llama 3.1 70B | Llama 3.1 405B | Llama 4 Scout | Llama 4 Maverick |
|---|---|---|---|---|---|---|---|
| Reasoning & Knowledge | MMLU | 5 | macro_avg/acc_char | 79.3 | 85.2 | 79.6 | 85.5 |
|  | MMLU-Pro | 5 | macro_avg/em | 53.8 | 61.6 | 58.2 | 62.9 |
|  | MATH | 4 | em_maj1@1 | 41.6 | 53.5 | 50.3 | 61.2 |
| Code | MBPP | 3 | pass@1 | 66.4 | 74.4 | 67.8 | 77.6 |
| Multilingual | TydiQA | 1 | average/f1 | 29.9 | 34.3 | 31.5 | 31.7 |
| Image | ChartQA | 0 | relaxed_accuracy | No multimodal support | No multimodal support | 83.4 | 85.3 |
|  | DocVQA | 0 | anls | No multimodal support | No multimodal support | 89.4 | 91.6 |"""  # noqa: E501


def test_markdown_prints_the_tables_as_the_card_does() -> None:
    assert llama_cards.scores(table="instruct").to_markdown() == INSTRUCT_MARKDOWN
    assert llama_cards.scores(table="pretrained").to_markdown() == PRETRAINED_MARKDOWN
    both = llama_cards.scores().to_markdown()
    assert both == (
        f"**Pre-trained models**\n\n{PRETRAINED_MARKDOWN}\n\n"
        f"**Instruction tuned models**\n\n{INSTRUCT_MARKDOWN}"
    )
