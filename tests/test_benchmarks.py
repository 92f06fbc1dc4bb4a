"""Benchmark rows, name resolution, score lookups, ScoreTable, comparisons and their errors."""

from __future__ import annotations

import copy
import csv
import importlib
import io
import json
import pickle
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    AmbiguousQueryError,
    ArgumentTypeError,
    Benchmark,
    Card,
    DataIntegrityError,
    InvalidArgumentError,
    LlamaCardsError,
    NotInTableError,
    Score,
    ScoreTable,
    Source,
    UnknownBenchmarkError,
    UnknownModelError,
)
from shipped import card_document


def _shipped_bytes() -> bytes:
    return card_document("4")


@pytest.fixture(scope="module")
def validated() -> Card:
    """The shipped file validated by pydantic, not built by the trusted loader."""
    return Card.model_validate_json(_shipped_bytes())


# ------------------------------------------------------------------- the data


def test_shipped_benchmark_data_validates_and_equals_the_loaded_card(validated: Card) -> None:
    loaded = llama_cards.card()
    assert validated.benchmark_tables == loaded.benchmark_tables
    assert validated.comparison_models == loaded.comparison_models
    assert validated.missing_reasons == loaded.missing_reasons
    assert validated.benchmarks == loaded.benchmarks
    assert validated.scores == loaded.scores
    assert validated == loaded


def test_records_round_trip_through_json() -> None:
    current = llama_cards.card()
    for entry in current.scores:
        assert Score.model_validate_json(entry.model_dump_json()) == entry
    for row in current.benchmarks:
        assert Benchmark.model_validate_json(row.model_dump_json()) == row
    assert Card.from_json(current.to_json()) == current


# One named invariant per check, in the manner of the data tests of the card.


def test_every_score_names_a_known_model_and_benchmark_row() -> None:
    current = llama_cards.card()
    rows = {(b.table, b.id) for b in current.benchmarks}
    columns = {t.id: set(t.models) for t in current.benchmark_tables}
    for entry in current.scores:
        assert (entry.table, entry.benchmark) in rows, entry
        assert entry.model in columns[entry.table], entry


def test_model_ids_are_the_card_models_and_the_comparison_models() -> None:
    current = llama_cards.card()
    known = {m.id for m in current.models} | {m.id for m in current.comparison_models}
    assert {m for t in current.benchmark_tables for m in t.models} == known
    assert [m.id for m in current.comparison_models] == [
        "llama-3.1-70b",
        "llama-3.1-405b",
        "llama-3.3-70b",
    ]
    assert [m.name for m in current.comparison_models] == [
        "Llama 3.1 70B",
        "Llama 3.1 405B",
        "Llama 3.3 70B",
    ]


def test_no_duplicate_cells_and_every_cell_filled() -> None:
    current = llama_cards.card()
    cells = [(s.table, s.benchmark, s.model, s.subtask) for s in current.scores]
    assert len(cells) == len(set(cells))
    expected = {
        (b.table, b.id, model_id, subtask)
        for b in current.benchmarks
        for t in current.benchmark_tables
        if t.id == b.table
        for model_id in t.models
        for subtask in (b.subtasks or (None,))
    }
    assert set(cells) == expected
    assert len(cells) == 80


def test_no_duplicate_benchmark_rows() -> None:
    rows = [(b.table, b.id) for b in llama_cards.benchmarks()]
    assert len(rows) == len(set(rows)) == 18


def test_values_are_within_the_metrics_range() -> None:
    # Every metric of the card is a percentage-like score from 0 to 100 (anls and
    # relaxed_accuracy included), printed with one decimal.
    for entry in llama_cards.card().scores:
        if entry.value is not None:
            assert 0 <= entry.value <= 100, entry
            assert round(entry.value, 1) == entry.value, entry


def test_each_score_has_a_value_or_a_reason() -> None:
    for entry in llama_cards.card().scores:
        assert (entry.value is None) != (entry.missing is None), entry


def test_missing_reasons_cover_their_groups_only() -> None:
    current = llama_cards.card()
    rows = {(b.table, b.id): b for b in current.benchmarks}
    llama_3 = {"llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b"}
    for entry in current.scores:
        category = rows[(entry.table, entry.benchmark)].category
        if category.startswith("Image") and entry.model in llama_3:
            assert entry.missing == "no-multimodal-support", entry
        elif category == "Long context" and entry.model in llama_3:
            assert entry.missing == "context-window-128k", entry
        else:
            assert entry.value is not None, entry
    assert {r.id: r.printed for r in current.missing_reasons} == {
        "no-multimodal-support": "No multimodal support",
        "context-window-128k": "Context window is 128K",
    }


def test_every_source_names_a_document_of_the_card() -> None:
    current = llama_cards.card()
    documents = {d.id for d in current.documents}
    sources: list[Source] = [s.source for s in current.scores]
    sources += [b.source for b in current.benchmarks]
    sources += [d.source for b in current.benchmarks for d in b.discrepancies]
    sources += [b.footnote.source for b in current.benchmarks if b.footnote]
    sources += [t.source for t in current.benchmark_tables]
    sources += [t.layout_source for t in current.benchmark_tables]
    sources += [m.source for m in current.comparison_models]
    sources += [r.source for r in current.missing_reasons]
    assert {s.document for s in sources} <= documents


def test_scores_carry_their_card_and_table() -> None:
    titles = {t.id: t.title for t in llama_cards.card().benchmark_tables}
    assert titles == {"pretrained": "Pre-trained models", "instruct": "Instruction tuned models"}
    for entry in llama_cards.card().scores:
        assert entry.source.document == "azure-card"
        assert entry.source.section.endswith(f"table {titles[entry.table]}")


def test_table_columns_are_aligned_with_their_printed_names() -> None:
    for table in llama_cards.card().benchmark_tables:
        assert len(table.models) == len(table.column_names) == 4
        assert table.layout_source.document == "meta-model-card"


# ------------------------------------------------------ footnote, discrepancies


def test_mmmu_pro_footnote() -> None:
    row = llama_cards.benchmark("mmmu-pro")
    assert row.name == "MMMU Pro^"
    assert row.footnote is not None
    assert row.footnote.marker == "^"
    assert row.name.endswith(row.footnote.marker)
    assert "Standard" in row.footnote.text
    assert "Vision" in row.footnote.text
    assert "average" in row.footnote.text or "mean" in row.footnote.text
    assert row.footnote.source.document == "meta-model-card"
    others = [b for b in llama_cards.benchmarks() if b.footnote is not None]
    assert others == [row]


# (table, id) -> (attribute, served value, the other printing, document of the other)
DISCREPANCIES = {
    ("instruct", "mmlu-pro"): [("metric", "macro_avg/em", "macro_avg/acc", "meta-model-card")],
    ("instruct", "chartqa"): [
        ("metric", "relaxed_accuracy", "relaxed\\ _accuracy", "azure-card"),
    ],
    ("instruct", "livecodebench"): [("category", "Coding", "Code", "meta-model-card")],
    ("instruct", "mtob-half-book"): [
        ("category", "Long context", "Long Context", "meta-model-card"),
    ],
    ("instruct", "mtob-full-book"): [
        ("category", "Long context", "Long Context", "meta-model-card"),
    ],
}


def test_discrepancies_keep_the_other_printing_with_its_source() -> None:
    found = {
        (b.table, b.id): [
            (d.field, getattr(b, d.field), d.printed, d.source.document) for d in b.discrepancies
        ]
        for b in llama_cards.benchmarks()
        if b.discrepancies
    }
    assert found == DISCREPANCIES
    for row in llama_cards.benchmarks():
        for other in row.discrepancies:
            assert other.note


# --------------------------------------------------------------- resolution

MODEL_NAMES = [
    ("scout", "llama-4-scout"),
    ("Llama 4 Scout (17Bx16E)", "llama-4-scout"),
    ("LLAMA-4-SCOUT", "llama-4-scout"),
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick"),
    ("Llama-4-Maverick-17B-128E", "llama-4-maverick"),
    ("Llama 4 Maverick", "llama-4-maverick"),
    ("llama-3.1-405b", "llama-3.1-405b"),
    ("Llama 3.1 405B", "llama-3.1-405b"),
    ("llama_3_1_405b", "llama-3.1-405b"),
    ("llama 3.1 70b", "llama-3.1-70b"),
    ("Llama 3.3 70B", "llama-3.3-70b"),
    ("LLAMA3.3-70B", "llama-3.3-70b"),
]


@pytest.mark.parametrize(("name", "model_id"), MODEL_NAMES)
def test_model_names_resolve(name: str, model_id: str) -> None:
    found = llama_cards.scores(model=name)
    assert len(found) > 0
    assert {s.model for s in found} == {model_id}


# name -> the (table, id) rows it names
BENCHMARK_NAMES = [
    ("MMLU Pro", {("pretrained", "mmlu-pro"), ("instruct", "mmlu-pro")}),
    ("mmlu_pro", {("pretrained", "mmlu-pro"), ("instruct", "mmlu-pro")}),
    ("MMLU-Pro", {("pretrained", "mmlu-pro"), ("instruct", "mmlu-pro")}),
    ("mmlu", {("pretrained", "mmlu")}),
    ("LiveCodeBench", {("instruct", "livecodebench")}),
    ("LiveCodeBench (10/01/2024-02/01/2025)", {("instruct", "livecodebench")}),
    ("DocVQA (test)", {("instruct", "docvqa")}),
    ("docvqa", {("pretrained", "docvqa"), ("instruct", "docvqa")}),
    ("MMMU Pro^", {("instruct", "mmmu-pro")}),
    ("mmmu pro", {("instruct", "mmmu-pro")}),
    ("MMMU", {("instruct", "mmmu")}),
    ("gpqa diamond", {("instruct", "gpqa-diamond")}),
    ("MTOB (half book)", {("instruct", "mtob-half-book")}),
    ("MTOB (full book) eng->kgv/kgv->eng", {("instruct", "mtob-full-book")}),
    ("ChartQA", {("pretrained", "chartqa"), ("instruct", "chartqa")}),
    ("tydi-qa", {("pretrained", "tydiqa")}),
]


@pytest.mark.parametrize(("name", "rows"), BENCHMARK_NAMES)
def test_benchmark_names_resolve(name: str, rows: set[tuple[str, str]]) -> None:
    assert {(s.table, s.benchmark) for s in llama_cards.scores(benchmark=name)} == rows


@pytest.mark.parametrize(
    ("name", "table", "expected"),
    [
        ("mmlu pro", "pretrained", "MMLU-Pro"),
        ("mmlu pro", "instruct", "MMLU Pro"),
        ("mmlu pro", "Instruction tuned models", "MMLU Pro"),
        ("mmlu pro", "pre-trained", "MMLU-Pro"),
        ("docvqa", "instruct", "DocVQA (test)"),
        ("LiveCodeBench", None, "LiveCodeBench (10/01/2024-02/01/2025)"),
    ],
)
def test_benchmark_lookup(name: str, table: Optional[str], expected: str) -> None:
    assert llama_cards.benchmark(name, table=table).name == expected
    assert llama_cards.card().benchmark(name, table=table).name == expected


@pytest.mark.parametrize(
    ("category", "rows"),
    [
        (
            "Reasoning & Knowledge",
            [
                ("pretrained", "mmlu"),
                ("pretrained", "mmlu-pro"),
                ("pretrained", "math"),
                ("instruct", "mmlu-pro"),
                ("instruct", "gpqa-diamond"),
            ],
        ),
        ("reasoning knowledge", None),
        ("reasoning & knowledge", None),
        ("Image", [("pretrained", "chartqa"), ("pretrained", "docvqa")]),
        ("image understanding", [("instruct", "chartqa"), ("instruct", "docvqa")]),
        ("Coding", [("instruct", "livecodebench")]),
        # Meta's card files LiveCodeBench under Code, the name of MBPP's category.
        ("Code", [("pretrained", "mbpp"), ("instruct", "livecodebench")]),
        ("Long Context", [("instruct", "mtob-half-book"), ("instruct", "mtob-full-book")]),
    ],
)
def test_categories_resolve(category: str, rows: Optional[list[tuple[str, str]]]) -> None:
    found = llama_cards.scores(category=category)
    expected = rows or [
        ("pretrained", "mmlu"),
        ("pretrained", "mmlu-pro"),
        ("pretrained", "math"),
        ("instruct", "mmlu-pro"),
        ("instruct", "gpqa-diamond"),
    ]
    assert list(dict.fromkeys((s.table, s.benchmark) for s in found)) == expected


# ------------------------------------------------------------------ score()

SCORES = [
    ("scout", "MMLU Pro", "instruct", None, 74.3, None),
    ("scout", "mmlu-pro", "pretrained", None, 58.2, None),
    ("maverick", "LiveCodeBench", None, None, 43.4, None),
    ("Llama 3.1 405B", "GPQA Diamond", None, None, 49.0, None),
    ("llama-3.3-70b", "mmmu", None, None, None, "no-multimodal-support"),
    ("llama-3.1-70b", "DocVQA", None, None, None, "no-multimodal-support"),
    ("llama-3.1-405b", "docvqa", "instruct", None, None, "no-multimodal-support"),
    ("scout", "DocVQA (test)", None, None, 94.4, None),
    ("maverick", "mtob-half-book", None, "eng->kgv", 54.0, None),
    ("maverick", "MTOB (half book)", None, "KGV->ENG", 46.4, None),
    ("scout", "mtob full book", "instruct", "eng-kgv", 39.7, None),
    ("llama-3.3-70b", "mtob-full-book", None, "kgv->eng", None, "context-window-128k"),
]


@pytest.mark.parametrize(("model", "name", "table", "subtask", "value", "missing"), SCORES)
def test_score(
    model: str,
    name: str,
    table: Optional[str],
    subtask: Optional[str],
    value: Optional[float],
    missing: Optional[str],
) -> None:
    for lookup in (llama_cards.score, llama_cards.card().score):
        found = lookup(model, name, table=table, subtask=subtask)
        assert (found.value, found.missing) == (value, missing)


def test_a_score_asked_again_is_the_same_record() -> None:
    first = llama_cards.score("maverick", "mgsm")
    assert llama_cards.score("maverick", "mgsm") is first
    assert llama_cards.score("MAVERICK", "MGSM") is first


def test_errors_are_not_cached() -> None:
    for _ in range(2):
        with pytest.raises(AmbiguousQueryError):
            llama_cards.score("scout", "mmlu-pro")


# A subtask asked of rows without subtasks: the error names the card's subtasks and rows.
_NO_SUBTASKS = [
    "subtask 'eng->kgv'",
    "no benchmark selected reports subtasks",
    "the card's subtasks are 'eng->kgv', 'kgv->eng', of 'mtob-half-book', 'mtob-full-book'",
    "leave subtask out",
]

# (call, error type, words the message must hold)
ERRORS: list[tuple[Any, type[Exception], list[str]]] = [
    (
        lambda: llama_cards.score("scout", "mmlu-pro"),
        AmbiguousQueryError,
        ["2 cells", "58.2", "74.3", "table='pretrained' or table='instruct'"],
    ),
    (
        lambda: llama_cards.score("scout", "mtob-half-book"),
        AmbiguousQueryError,
        ["2 cells", "subtask='eng->kgv' or subtask='kgv->eng'"],
    ),
    (
        lambda: llama_cards.score("llama-3.1-405b", "docvqa"),
        AmbiguousQueryError,
        ["table="],
    ),
    (
        lambda: llama_cards.score("llama 5", "mmlu"),
        UnknownModelError,
        ["'llama 5'", "llama-4-scout", "llama-3.3-70b"],
    ),
    (
        lambda: llama_cards.score("scout", "mmlu pro max"),
        UnknownBenchmarkError,
        ["'mmlu pro max'", "did you mean 'mmlu-pro'", "livecodebench"],
    ),
    (
        lambda: llama_cards.score("scout", "mtob"),
        UnknownBenchmarkError,
        ["did you mean", "'mtob-half-book'", "'mtob-full-book'"],
    ),
    (
        lambda: llama_cards.score("scout", ""),
        UnknownBenchmarkError,
        ["known benchmarks are"],
    ),
    (
        lambda: llama_cards.score("llama-3.1-70b", "mmmu"),
        NotInTableError,
        ["'llama-3.1-70b'", "instruct", "'llama-3.3-70b'"],
    ),
    (
        lambda: llama_cards.score("llama-3.3-70b", "mmlu"),
        NotInTableError,
        ["pretrained", "'llama-3.1-70b'"],
    ),
    (
        lambda: llama_cards.score("scout", "mmlu", table="instruct"),
        NotInTableError,
        ["not in the instruct table", "'pretrained'"],
    ),
    (
        lambda: llama_cards.score("scout", "mmlu", table="chat"),
        InvalidArgumentError,
        ["'chat'", "'pretrained'", "'instruct'"],
    ),
    (
        lambda: llama_cards.score("scout", "mtob-half-book", subtask="eng->fra"),
        InvalidArgumentError,
        ["'eng->fra'", "'eng->kgv'", "'kgv->eng'"],
    ),
    (
        lambda: llama_cards.score("scout", "mmlu", subtask="eng->kgv"),
        InvalidArgumentError,
        _NO_SUBTASKS,
    ),
    (
        lambda: llama_cards.scores(benchmark="mmlu", subtask="eng->kgv"),
        InvalidArgumentError,
        _NO_SUBTASKS,
    ),
    (
        lambda: llama_cards.scores().filter(benchmark="mmlu", subtask="eng->kgv"),
        InvalidArgumentError,
        _NO_SUBTASKS,
    ),
    (
        lambda: llama_cards.scores(benchmark="mmlu").filter(subtask="eng->kgv"),
        InvalidArgumentError,
        _NO_SUBTASKS,
    ),
    (
        # Llama 3.1 70B has columns in the pre-trained table only, which has no subtasks.
        lambda: llama_cards.scores(model="llama-3.1-70b", subtask="kgv->eng"),
        InvalidArgumentError,
        ["'kgv->eng'", "no benchmark selected reports subtasks", "leave subtask out"],
    ),
    (
        lambda: llama_cards.scores(benchmark="mtob-full-book", subtask="eng->fra"),
        InvalidArgumentError,
        ["unknown subtask 'eng->fra'", "'eng->kgv', 'kgv->eng'"],
    ),
    (lambda: llama_cards.score(1, "mmlu"), ArgumentTypeError, ["model name", "int"]),  # type: ignore[arg-type]  # the wrong type is the test
    (lambda: llama_cards.score("scout", None), ArgumentTypeError, ["benchmark name"]),  # type: ignore[arg-type]  # the wrong type is the test
    (
        lambda: llama_cards.score("scout", "mmlu", table=3),  # type: ignore[arg-type]  # the wrong type is the test
        ArgumentTypeError,
        ["table", "int"],
    ),
    (
        lambda: llama_cards.score(["scout"], "mmlu"),  # type: ignore[arg-type]  # the wrong type is the test
        ArgumentTypeError,
        ["list"],
    ),
    (
        lambda: llama_cards.scores(category="Vision"),
        InvalidArgumentError,
        ["'Vision'", "'Image Reasoning'"],
    ),
    (lambda: llama_cards.scores(model="gpt"), UnknownModelError, ["'gpt'"]),
    (lambda: llama_cards.scores(table="base models"), InvalidArgumentError, ["'instruct'"]),
    (lambda: llama_cards.scores(subtask="fra->eng"), InvalidArgumentError, ["'eng->kgv'"]),
    (lambda: llama_cards.benchmarks(table="chat"), InvalidArgumentError, ["'pretrained'"]),
    (
        lambda: llama_cards.benchmark("mmlu-pro"),
        AmbiguousQueryError,
        ["2 tables", "table='pretrained' or table='instruct'"],
    ),
    (
        lambda: llama_cards.benchmark("mmlu", table="instruct"),
        NotInTableError,
        ["not in the instruct table"],
    ),
    (lambda: llama_cards.benchmark("imagenet"), UnknownBenchmarkError, ["'imagenet'"]),
    (lambda: llama_cards.compare("scout", "llama 9"), UnknownModelError, ["'llama 9'"]),
    (
        lambda: llama_cards.to_model_index("scout"),
        AmbiguousQueryError,
        ["2 tables", "table='pretrained' or table='instruct'"],
    ),
    (
        lambda: llama_cards.to_model_index("llama-3.3-70b", table="pretrained"),
        NotInTableError,
        ["no column in the pretrained table"],
    ),
    (lambda: ScoreTable("abc"), ArgumentTypeError, ["iterable of Score", "str"]),  # type: ignore[arg-type]  # the wrong type is the test
    (lambda: ScoreTable(5), ArgumentTypeError, ["iterable of Score", "int"]),  # type: ignore[arg-type]  # the wrong type is the test
    (lambda: ScoreTable([1]), ArgumentTypeError, ["Score records", "int"]),  # type: ignore[list-item]  # the wrong type is the test
    (
        lambda: ScoreTable([], card="4"),  # type: ignore[arg-type]  # the wrong type is the test
        ArgumentTypeError,
        ["card must be a Card"],
    ),
    (
        lambda: ScoreTable([llama_cards.card().scores[0]] * 2),
        InvalidArgumentError,
        ["given twice"],
    ),
    (
        lambda: ScoreTable(
            [llama_cards.card().scores[0].model_copy(update={"model": "llama-3.3-70b"})]
        ),
        InvalidArgumentError,
        ["no cell", "llama-3.3-70b on mmlu (pretrained)"],
    ),
    (
        lambda: llama_cards.scores().filter(3),  # type: ignore[arg-type]  # the wrong type is the test
        ArgumentTypeError,
        ["predicate"],
    ),
]


@pytest.mark.parametrize(("call", "error", "words"), ERRORS)
def test_errors(call: Any, error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as raised:
        call()
    assert isinstance(raised.value, LlamaCardsError)
    for word in words:
        assert word in str(raised.value)


def test_a_subtask_of_a_card_without_subtasks_is_refused() -> None:
    raw = _raw()
    raw["benchmarks"] = [row for row in raw["benchmarks"] if not row["subtasks"]]
    raw["scores"] = [entry for entry in raw["scores"] if entry["subtask"] is None]
    plain = Card.model_validate(raw)
    with pytest.raises(InvalidArgumentError) as raised:
        ScoreTable(plain.scores, card=plain).filter(subtask="eng->kgv")
    assert str(raised.value) == (
        "subtask 'eng->kgv' was given, but no benchmark selected reports subtasks "
        "(the card has none); leave subtask out"
    )


def test_ambiguous_error_lists_the_matching_cells() -> None:
    with pytest.raises(AmbiguousQueryError) as raised:
        llama_cards.score("Llama 4 Scout", "MMLU Pro")
    assert raised.value.matches == (
        llama_cards.score("scout", "mmlu-pro", table="pretrained"),
        llama_cards.score("scout", "mmlu-pro", table="instruct"),
    )


def test_unknown_benchmark_names_the_closest() -> None:
    with pytest.raises(UnknownBenchmarkError) as raised:
        llama_cards.score("scout", "GPQA")
    assert raised.value.closest[0] == "gpqa-diamond"
    assert raised.value.known[:3] == ("mmlu", "mmlu-pro", "math")
    assert isinstance(raised.value, LookupError)


def test_errors_are_the_stdlib_errors_a_caller_catches() -> None:
    with pytest.raises(LookupError):
        llama_cards.score("scout", "mmlu", table="instruct")
    with pytest.raises(ValueError, match="unknown benchmark table"):
        llama_cards.score("scout", "mmlu", table="base")
    with pytest.raises(TypeError):
        llama_cards.score("scout", 3)  # type: ignore[arg-type]  # the wrong type is the test


# --------------------------------------------------------------- ScoreTable


def test_scores_filters_combine() -> None:
    assert len(llama_cards.scores()) == 80
    assert len(llama_cards.scores(table="pretrained")) == 28
    assert len(llama_cards.scores(table="instruct")) == 52
    assert len(llama_cards.scores(model="llama-3.1-405b")) == 7 + 13
    assert len(llama_cards.scores(model="scout", subtask="eng->kgv")) == 2
    # Known names that select nothing together are an error, never an empty table.
    with pytest.raises(NotInTableError, match=r"'llama-4-maverick'$"):
        llama_cards.scores(model="llama-3.3-70b", table="pretrained")
    assert [s.value for s in llama_cards.scores(model="scout", benchmark="mmlu-pro")] == [
        58.2,
        74.3,
    ]


def test_filter_equals_scores() -> None:
    everything = llama_cards.scores()
    selections: list[dict[str, str]] = [
        {"model": "maverick"},
        {"benchmark": "chartqa"},
        {"category": "Multilingual"},
        {"table": "instruct", "model": "llama-3.1-405b"},
        {"subtask": "kgv->eng"},
    ]
    for kwargs in selections:
        assert everything.filter(None, **kwargs) == llama_cards.scores(**kwargs)
    assert everything.filter(lambda s: s.missing is not None) == ScoreTable(
        [s for s in everything if s.missing is not None]
    )


_MODEL_IDS = [
    "llama-3.1-70b",
    "llama-3.1-405b",
    "llama-3.3-70b",
    "llama-4-scout",
    "llama-4-maverick",
]


@pytest.mark.parametrize("subtask", [None, "eng->kgv", "KGV -> ENG", "eng->fra"])
@pytest.mark.parametrize("table", [None, "pretrained", "instruct"])
def test_score_and_scores_agree_on_every_cell_and_subtask(
    table: Optional[str], subtask: Optional[str]
) -> None:
    for model in _MODEL_IDS:
        for name in dict.fromkeys(row.id for row in llama_cards.benchmarks()):
            try:
                selected: Any = llama_cards.scores(
                    model=model, benchmark=name, table=table, subtask=subtask
                )
            except (InvalidArgumentError, NotInTableError) as error:
                selected = error
            try:
                found = llama_cards.score(model, name, table=table, subtask=subtask)
            except InvalidArgumentError as error:
                # The same rows refuse the subtask the same way.
                assert isinstance(selected, InvalidArgumentError)
                assert str(error) == str(selected)
            except NotInTableError:
                # A selection without a cell is refused as the one cell is: never empty.
                assert isinstance(selected, (InvalidArgumentError, NotInTableError))
            except AmbiguousQueryError as error:
                assert tuple(selected) == tuple(error.matches)
            else:
                assert tuple(selected) == (found,)
            if isinstance(selected, ScoreTable):
                assert (
                    llama_cards.scores().filter(
                        model=model, benchmark=name, table=table, subtask=subtask
                    )
                    == selected
                )


def test_score_table_is_an_immutable_sequence() -> None:
    table = llama_cards.scores(model="scout", table="pretrained")
    assert len(table) == 7
    assert table[0] == llama_cards.score("scout", "mmlu")
    assert table[-1].benchmark == "docvqa"
    assert isinstance(table[1:3], ScoreTable)
    assert [s.benchmark for s in table[1:3]] == ["mmlu-pro", "math"]
    assert table[0] in table
    assert table.index(table[2]) == 2
    assert table == ScoreTable(list(table))
    assert table != llama_cards.scores(model="maverick", table="pretrained")
    assert hash(table) == hash(ScoreTable(list(table)))
    assert table.__eq__(list(table)) is NotImplemented
    assert repr(table) == "<ScoreTable of 7 scores: 7 rows by 1 models>"
    assert str(table) == table.to_markdown()
    with pytest.raises(AttributeError, match="immutable"):
        table._scores = ()
    with pytest.raises(TypeError):
        table[0] = table[1]  # type: ignore[index]  # assigning is the test


def test_score_table_of_another_card() -> None:
    current = llama_cards.card()
    assert ScoreTable(current.scores, card=current) == llama_cards.scores()
    assert len(ScoreTable()) == 0


def test_best_keeps_ties_and_skips_missing_values() -> None:
    best = llama_cards.scores(table="instruct").best()
    winners = {(s.benchmark, s.subtask): s.model for s in best if s.benchmark != "docvqa"}
    assert winners == {
        ("mmmu", None): "llama-4-maverick",
        ("mmmu-pro", None): "llama-4-maverick",
        ("mathvista", None): "llama-4-maverick",
        ("chartqa", None): "llama-4-maverick",
        ("livecodebench", None): "llama-4-maverick",
        ("mmlu-pro", None): "llama-4-maverick",
        ("gpqa-diamond", None): "llama-4-maverick",
        ("mgsm", None): "llama-4-maverick",
        ("mtob-half-book", "eng->kgv"): "llama-4-maverick",
        ("mtob-half-book", "kgv->eng"): "llama-4-maverick",
        ("mtob-full-book", "eng->kgv"): "llama-4-maverick",
        ("mtob-full-book", "kgv->eng"): "llama-4-maverick",
    }
    assert [s.model for s in best.filter(benchmark="docvqa")] == [
        "llama-4-scout",
        "llama-4-maverick",
    ]
    assert [s.model for s in llama_cards.scores(benchmark="tydiqa").best()] == ["llama-3.1-405b"]
    only_missing = llama_cards.scores(model="llama-3.3-70b", category="Image Reasoning")
    assert len(only_missing) == 3
    assert len(only_missing.best()) == 0
    assert len(ScoreTable().best()) == 0


def test_to_records() -> None:
    records = llama_cards.scores(benchmark="mtob-half-book", model="maverick").to_records()
    source = "azure-card, Quality and performance evaluations, table Instruction tuned models"
    assert records == [
        {
            "table": "instruct",
            "category": "Long context",
            "benchmark": "mtob-half-book",
            "benchmark_name": "MTOB (half book) eng->kgv/kgv->eng",
            "model": "llama-4-maverick",
            "model_name": "Llama 4 Maverick",
            "subtask": subtask,
            "shots": None,
            "metric": "chrF",
            "value": value,
            "missing": None,
            "source": source,
        }
        for subtask, value in (("eng->kgv", 54.0), ("kgv->eng", 46.4))
    ]
    json.dumps(llama_cards.scores().to_records())  # plain data only


def test_to_csv_reads_back_as_the_records() -> None:
    table = llama_cards.scores(table="pretrained", category="Image")
    rows = list(csv.DictReader(io.StringIO(table.to_csv())))
    records = table.to_records()
    assert len(rows) == len(records) == 8
    for row, record in zip(rows, records):
        assert row == {k: "" if v is None else str(v) for k, v in record.items()}
    assert ScoreTable().to_csv().splitlines() == [
        "table,category,benchmark,benchmark_name,model,model_name,subtask,shots,metric,value,"
        "missing,source"
    ]


def test_markdown_of_part_of_a_table() -> None:
    half = llama_cards.scores(benchmark="mtob-half-book", subtask="eng->kgv")
    assert half.filter(model="scout").to_markdown().splitlines()[-1] == (
        "| Long context | MTOB (half book) eng->kgv/kgv->eng (eng->kgv) | - | chrF | 42.2 |"
    )
    assert half.to_markdown().splitlines()[0] == (
        "| Category | Benchmark | # Shots | Metric | Llama 3.3 70B | Llama 3.1 405B "
        "| Llama 4 Scout | Llama 4 Maverick |"
    )
    assert ScoreTable().to_markdown() == ""


def test_html_repr() -> None:
    html = llama_cards.scores().filter(model="scout")._repr_html_()
    assert html.count("<table>") == 2
    assert "<caption>Pre-trained models</caption>" in html
    assert "<td>MTOB (half book) eng-&gt;kgv/kgv-&gt;eng</td>" in html
    assert "<td>Reasoning &amp; Knowledge</td>" in html
    assert "<td>42.2/36.6</td>" in html
    assert "ScoreTable with no scores" in ScoreTable()._repr_html_()


def test_pivot_cells_are_none_outside_the_selection() -> None:
    pivot = llama_cards.scores(benchmark="mmlu-pro").pivot()
    assert pivot.column_names == (
        "Llama 3.1 70B",
        "Llama 3.3 70B",
        "Llama 3.1 405B",
        "Llama 4 Scout",
        "Llama 4 Maverick",
    )
    values = [[c.value if c else None for c in row.cells] for row in pivot.rows]
    assert values == [[53.8, None, 61.6, 58.2, 62.9], [None, 68.9, 73.4, 74.3, 80.5]]
    assert pivot == llama_cards.scores(benchmark="mmlu-pro").pivot()
    assert hash(pivot) == hash(llama_cards.scores(benchmark="mmlu-pro").pivot())
    assert repr(pivot.rows[0]).startswith("PivotRow(table='pretrained', benchmark=Benchmark(")
    with pytest.raises(AttributeError, match="immutable"):
        pivot.rows[0].subtask = "x"


# ----------------------------------------------------------------- compare()


def test_compare() -> None:
    comparison = llama_cards.compare("maverick", "Llama 3.1 405B")
    assert comparison.models == ("llama-4-maverick", "llama-3.1-405b")
    found = [(d.benchmark.table, d.benchmark.id, d.subtask, d.difference) for d in comparison]
    assert found == [
        ("pretrained", "mmlu", None, 0.3),
        ("pretrained", "mmlu-pro", None, 1.3),
        ("pretrained", "math", None, 7.7),
        ("pretrained", "mbpp", None, 3.2),
        ("pretrained", "tydiqa", None, -2.6),
        ("pretrained", "chartqa", None, None),
        ("pretrained", "docvqa", None, None),
        ("instruct", "mmmu", None, None),
        ("instruct", "mmmu-pro", None, None),
        ("instruct", "mathvista", None, None),
        ("instruct", "chartqa", None, None),
        ("instruct", "docvqa", None, None),
        ("instruct", "livecodebench", None, 15.7),
        ("instruct", "mmlu-pro", None, 7.1),
        ("instruct", "gpqa-diamond", None, 20.8),
        ("instruct", "mgsm", None, 0.7),
        ("instruct", "mtob-half-book", "eng->kgv", None),
        ("instruct", "mtob-half-book", "kgv->eng", None),
        ("instruct", "mtob-full-book", "eng->kgv", None),
        ("instruct", "mtob-full-book", "kgv->eng", None),
    ]
    assert comparison[5].b.missing == "no-multimodal-support"
    assert len(llama_cards.compare("llama-3.1-70b", "llama-3.3-70b")) == 0
    assert len(llama_cards.compare("scout", "maverick", table="pretrained")) == 7


def test_compare_exports() -> None:
    comparison = llama_cards.compare("scout", "llama-3.3-70b", table="instruct")
    records = comparison.to_records()
    assert records[0] == {
        "table": "instruct",
        "benchmark": "mmmu",
        "benchmark_name": "MMMU",
        "subtask": "",
        "metric": "accuracy",
        "model_a": "llama-4-scout",
        "value_a": 69.4,
        "missing_a": None,
        "model_b": "llama-3.3-70b",
        "value_b": None,
        "missing_b": "no-multimodal-support",
        "difference": None,
    }
    lines = comparison.to_markdown().splitlines()
    assert lines[0] == (
        "| Table | Benchmark | Subtask | Metric | llama-4-scout | llama-3.3-70b | Difference |"
    )
    assert lines[2] == ("| instruct | MMMU |  | accuracy | 69.4 | no-multimodal-support |  |")
    assert (
        "| instruct | LiveCodeBench (10/01/2024-02/01/2025) |  | pass@1 | 32.8 | 33.3 | -0.5 |"
        in (lines)
    )
    assert repr(comparison) == "<Comparison of llama-4-scout and llama-3.3-70b: 13 cells>"
    assert comparison[0:2] == tuple(comparison)[0:2]
    assert comparison == llama_cards.compare("scout", "llama-3.3-70b", table="instruct")
    assert hash(comparison) == hash(llama_cards.compare("scout", "Llama 3.3 70B", table="instruct"))
    with pytest.raises(AttributeError, match="immutable"):
        comparison.models = ("a", "b")


# ------------------------------------------------------------- properties

_ERRORS = (
    UnknownModelError,
    UnknownBenchmarkError,
    AmbiguousQueryError,
    NotInTableError,
    InvalidArgumentError,
)
_KNOWN_NAMES = st.sampled_from(
    ["scout", "maverick", "llama-3.1-405b", "mmlu-pro", "MTOB (half book)", "docvqa", "mgsm"]
)
_TEXT = st.one_of(st.text(max_size=40), _KNOWN_NAMES)


@given(
    model=_TEXT,
    name=_TEXT,
    table=st.one_of(st.none(), _TEXT, st.sampled_from(["pretrained", "instruct"])),
    subtask=st.one_of(st.none(), _TEXT, st.sampled_from(["eng->kgv", "kgv->eng"])),
)
def test_any_text_gives_a_score_or_a_documented_error(
    model: str, name: str, table: Optional[str], subtask: Optional[str]
) -> None:
    try:
        found = llama_cards.score(model, name, table=table, subtask=subtask)
    except _ERRORS:
        return
    assert found in llama_cards.card().scores


@given(
    model=st.one_of(st.none(), _TEXT),
    name=st.one_of(st.none(), _TEXT),
    category=st.one_of(st.none(), st.text(max_size=30)),
    table=st.one_of(st.none(), st.text(max_size=20)),
)
def test_any_text_gives_scores_or_a_documented_error(
    model: Optional[str], name: Optional[str], category: Optional[str], table: Optional[str]
) -> None:
    try:
        found = llama_cards.scores(model=model, benchmark=name, category=category, table=table)
    except (UnknownModelError, UnknownBenchmarkError, InvalidArgumentError):
        return
    assert set(found) <= set(llama_cards.card().scores)


_SEPARATORS = st.sampled_from(["", " ", "-", "_", ".", "/", "  ", "(", ")"])


@st.composite
def _respelled(draw: st.DrawFn, names: list[str]) -> tuple[str, str]:
    """A known name with its case changed and separators put between its characters."""
    name = draw(st.sampled_from(names))
    letters = [c for c in name if c.isalnum()]
    out = ""
    for letter in letters:
        out += draw(_SEPARATORS)
        out += letter.upper() if draw(st.booleans()) else letter.lower()
    return name, out


_BENCHMARK_ALIASES = sorted(
    {b.id for b in llama_cards.benchmarks()} | {b.name for b in llama_cards.benchmarks()}
)
_MODEL_ALIASES = [
    "llama-4-scout",
    "Llama 4 Maverick (17Bx128E)",
    "Llama 3.1 70B",
    "llama-3.1-405b",
    "Llama 3.3 70B",
]


@given(_respelled(_BENCHMARK_ALIASES))
def test_benchmark_names_ignore_case_spaces_and_punctuation(pair: tuple[str, str]) -> None:
    name, respelled = pair
    assert llama_cards.scores(benchmark=respelled) == llama_cards.scores(benchmark=name)


@given(_respelled(_MODEL_ALIASES))
def test_model_names_ignore_case_spaces_and_punctuation(pair: tuple[str, str]) -> None:
    name, respelled = pair
    assert llama_cards.scores(model=respelled) == llama_cards.scores(model=name)


_MODELS = st.sampled_from(
    ["llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b", "llama-4-scout", "llama-4-maverick"]
)


@given(a=_MODELS, b=_MODELS)
def test_compare_is_antisymmetric(a: str, b: str) -> None:
    assume(a != b)  # compare() needs two different models
    forward = llama_cards.compare(a, b)
    backward = llama_cards.compare(b, a)
    assert len(forward) == len(backward)
    for there, back in zip(forward, backward):
        assert (there.a, there.b) == (back.b, back.a)
        if there.difference is None:
            assert back.difference is None
        else:
            assert back.difference == -there.difference
            assert there.a.value is not None
            assert there.b.value is not None
            assert abs(there.difference - (there.a.value - there.b.value)) < 1e-9


@given(st.lists(st.sampled_from(llama_cards.card().scores), unique=True))
def test_best_is_the_highest_of_each_row(chosen: list[Score]) -> None:
    table = ScoreTable(chosen)
    best = table.best()
    assert set(best) <= set(table)
    for winner in best:
        assert winner.value is not None
        row = [
            s
            for s in table
            if (s.table, s.benchmark, s.subtask) == (winner.table, winner.benchmark, winner.subtask)
        ]
        assert all(s.value is None or s.value <= winner.value for s in row)
    rows_with_values = {(s.table, s.benchmark, s.subtask) for s in table if s.value is not None}
    assert {(s.table, s.benchmark, s.subtask) for s in best} == rows_with_values


# ------------------------------------------------------------- integrity


def _raw() -> dict[str, Any]:
    loaded = json.loads(_shipped_bytes())
    assert isinstance(loaded, dict)
    return loaded


def test_index_refuses_a_benchmark_row_given_twice() -> None:
    raw = _raw()
    raw["benchmarks"].append(raw["benchmarks"][0])
    broken = Card.model_validate(raw)
    with pytest.raises(DataIntegrityError, match="twice in the pretrained table"):
        broken.score("scout", "mmlu")


def test_index_refuses_a_name_given_to_two_models() -> None:
    raw = _raw()
    raw["comparison_models"][0]["name"] = "Llama 4 Scout"
    broken = Card.model_validate(raw)
    with pytest.raises(DataIntegrityError, match="given to two models"):
        broken.score("scout", "mmlu")


def test_a_score_needs_a_value_or_a_reason() -> None:
    entry = _raw()["scores"][0]
    with pytest.raises(ValueError, match="either a value or a missing reason"):
        Score.model_validate({**entry, "value": None})
    with pytest.raises(ValueError, match="either a value or a missing reason"):
        Score.model_validate({**entry, "missing": "no-multimodal-support"})


def test_results_survive_pickle_and_copy() -> None:
    table = llama_cards.scores(model="scout")
    pivot = table.pivot()
    comparison = llama_cards.compare("scout", "maverick")
    for value in (table, pivot, comparison, pivot.rows[0], comparison[0]):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(table)).to_markdown() == table.to_markdown()


def test_one_quoting_helper_for_every_message() -> None:
    # The modules import the helpers of llama_cards.errors where they raise; none writes
    # its own.
    package = Path(importlib.import_module("llama_cards").__file__ or "").parent
    defining = {
        path.name
        for path in package.glob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("def _quoted(", "def quote_input("))
    }
    assert defining == {"errors.py"}


def test_score_table_csv_header_is_the_record_keys() -> None:
    table = llama_cards.scores(model="scout", benchmark="mgsm")
    assert list(table.to_records()[0]) == table.to_csv().splitlines()[0].split(",")
    assert ScoreTable([]).to_csv().splitlines() == [table.to_csv().splitlines()[0]]


def test_comparison_names_its_models_as_the_tables_print_them() -> None:
    assert llama_cards.compare("maverick", "llama-3.1-405b").model_names == (
        "Llama 4 Maverick",
        "Llama 3.1 405B",
    )
    assert llama_cards.compare("Llama 3.3 70B", "scout").model_names == (
        "Llama 3.3 70B",
        "Llama 4 Scout",
    )
    # Built by hand, a comparison names its models by their ids.
    assert llama_cards.Comparison(("a", "b"), ()).model_names == ("a", "b")


def test_comparison_csv_is_its_records() -> None:
    comparison = llama_cards.compare("maverick", "llama-3.1-405b", table="pretrained")
    lines = comparison.to_csv().splitlines()
    assert lines[0] == (
        "table,benchmark,benchmark_name,subtask,metric,model_a,value_a,missing_a,model_b,"
        "value_b,missing_b,difference"
    )
    assert lines[1] == (
        "pretrained,mmlu,MMLU,,macro_avg/acc_char,llama-4-maverick,85.5,,llama-3.1-405b,85.2,,0.3"
    )
    assert lines[-1] == (
        "pretrained,docvqa,DocVQA,,anls,llama-4-maverick,91.6,,llama-3.1-405b,,"
        "no-multimodal-support,"
    )
    assert len(lines) == 1 + len(comparison)
    records = list(csv.DictReader(io.StringIO(comparison.to_csv())))
    assert [r["benchmark"] for r in records] == [d.benchmark.id for d in comparison]
    empty = llama_cards.compare("llama-3.1-70b", "llama-3.3-70b")
    assert empty.to_csv().splitlines() == [lines[0]]


def test_a_table_of_the_shipped_card_unpickles_onto_the_shipped_card() -> None:
    table = llama_cards.scores(model="scout")
    shipped = llama_cards.card()
    for copied in (pickle.loads(pickle.dumps(table)), copy.copy(table), copy.deepcopy(table)):
        assert copied == table
        # Its rows are laid out from the shipped card's own records, not copies of them.
        assert copied.pivot().rows[0].benchmark is shipped.benchmarks[0]


def test_a_table_of_another_card_pickles_and_copies_with_its_card() -> None:
    shipped = llama_cards.card()
    # The same data under a version no card is shipped as, then one of the shipped version
    # whose data differs: neither may be replaced by the shipped card when unpickled.
    unshipped = Card.from_json(shipped.to_json().replace('"version":"4"', '"version":"5"', 1))
    changed = shipped.model_copy(update={"title": "Another card of version 4"})
    for other in (unshipped, changed):
        table = ScoreTable(other.scores, card=other)
        for copied in (pickle.loads(pickle.dumps(table)), copy.copy(table), copy.deepcopy(table)):
            assert copied == table
            assert copied.pivot().rows[0].benchmark == other.benchmarks[0]
            assert copied.to_markdown() == table.to_markdown()
        # Unpickled, the table is laid out from the other card's records, not the shipped ones.
        unpickled = pickle.loads(pickle.dumps(table))
        assert unpickled.pivot().rows[0].benchmark is not shipped.benchmarks[0]
