"""to_model_index(): the Hugging Face model-index format, read back by huggingface_hub."""

from __future__ import annotations

import importlib
import socket
from typing import Any, Optional

import pytest
from huggingface_hub.repocard_data import (
    eval_results_to_model_index,
    model_index_to_eval_results,
)

import llama_cards
from llama_cards._parts import CardParts

CARD_URL = "https://ai.azure.com/catalog/models/Llama-4-Scout-17B-16E-Instruct"

# The function llama_cards.benchmarks hides the module of the same name.
loader_module = importlib.import_module("llama_cards._loader")

# The rows whose items give the model an image: those the card files under an image
# category, where the text-only comparison models print "No multimodal support".
IMAGE_ROWS = [
    ("pretrained", "chartqa"),
    ("pretrained", "docvqa"),
    ("instruct", "mmmu"),
    ("instruct", "mmmu-pro"),
    ("instruct", "mathvista"),
    ("instruct", "chartqa"),
    ("instruct", "docvqa"),
]

# Where the card says every reported evaluation ran on bf16 weights: the served card's
# evaluations section and its first printing of the tables, then Meta's card.
BF16_SOURCES = [
    ("azure-card", "Quality and performance evaluations (introduction)"),
    ("azure-card", "More information (introduction to the benchmark tables)"),
    ("meta-model-card", "Benchmarks (introduction)"),
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test here that opens a connection: the round trip is offline."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model-index tests must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# model, table, model-index name, number of results (cells with a value)
EXPORTS = [
    ("scout", "instruct", "Llama-4-Scout-17B-16E-Instruct", 13),
    ("scout", "pretrained", "Llama-4-Scout-17B-16E", 7),
    ("maverick", "instruct", "Llama-4-Maverick-17B-128E-Instruct", 13),
    ("maverick", "pretrained", "Llama-4-Maverick-17B-128E", 7),
    ("llama-3.1-405b", "instruct", "Llama 3.1 405B", 4),
    ("llama-3.1-405b", "pretrained", "Llama 3.1 405B", 5),
    ("llama-3.1-70b", None, "Llama 3.1 70B", 5),
    ("Llama 3.3 70B", None, "Llama 3.3 70B", 4),
]


@pytest.mark.parametrize(("model", "table", "name", "count"), EXPORTS)
def test_round_trip_through_huggingface_hub(
    model: str, table: Optional[str], name: str, count: int
) -> None:
    index = llama_cards.to_model_index(model, table=table)
    read_name, results = model_index_to_eval_results(index)
    assert read_name == name
    assert len(results) == count

    expected = [s for s in llama_cards.scores(model=model, table=table) if s.value is not None]
    titles = {t.id: t.title for t in llama_cards.card().benchmark_tables}
    assert len(expected) == count
    for result, entry in zip(results, expected):
        row = llama_cards.benchmark(entry.benchmark, table=entry.table)
        assert result.dataset_type == row.id
        assert result.dataset_name == row.name
        assert result.dataset_config == entry.subtask
        assert result.dataset_args == (None if row.shots is None else {"num_few_shot": row.shots})
        assert result.metric_type == row.metric
        assert result.metric_value == entry.value
        assert result.source_url == CARD_URL
        assert result.source_name == (
            f"Llama 4 Scout 17B 16E Instruct model card, {titles[entry.table]} table"
        )
        image = (row.table, row.id) in IMAGE_ROWS
        assert result.task_type == ("image-text-to-text" if image else "text-generation")

    # And back: huggingface_hub writes the same model-index from what it read.
    assert eval_results_to_model_index(read_name, results) == index


def test_the_exported_structure() -> None:
    index = llama_cards.to_model_index("maverick", table="instruct")
    results: list[Any] = index[0]["results"]  # type: ignore[assignment]  # checked below
    assert isinstance(results, list)
    mtob = [r for r in results if r["dataset"]["type"] == "mtob-half-book"]
    assert mtob == [
        {
            "task": {"type": "text-generation"},
            "dataset": {
                "type": "mtob-half-book",
                "name": "MTOB (half book) eng->kgv/kgv->eng",
                "config": subtask,
            },
            "metrics": [{"type": "chrF", "value": value}],
            "source": {
                "name": "Llama 4 Scout 17B 16E Instruct model card, Instruction tuned models table",
                "url": CARD_URL,
            },
        }
        for subtask, value in (("eng->kgv", 54.0), ("kgv->eng", 46.4))
    ]
    mmlu_pro = [r for r in results if r["dataset"]["type"] == "mmlu-pro"]
    assert mmlu_pro[0]["dataset"] == {
        "type": "mmlu-pro",
        "name": "MMLU Pro",
        "args": {"num_few_shot": 0},
    }
    assert mmlu_pro[0]["metrics"] == [{"type": "macro_avg/em", "value": 80.5}]


def test_cells_without_a_value_are_left_out() -> None:
    index = llama_cards.to_model_index("llama-3.3-70b")
    results: list[Any] = index[0]["results"]  # type: ignore[assignment]  # a list, see above
    types = [r["dataset"]["type"] for r in results]
    assert types == ["livecodebench", "mmlu-pro", "gpqa-diamond", "mgsm"]


def test_the_input_of_each_benchmark_row() -> None:
    for row in llama_cards.benchmarks():
        image = (row.table, row.id) in IMAGE_ROWS
        assert row.input_modalities == (("text", "image") if image else ("text",)), str(row)


def test_image_rows_are_the_rows_without_multimodal_support_in_a_column() -> None:
    current = llama_cards.card()
    marked = {
        (s.table, s.benchmark) for s in current.scores if s.missing == "no-multimodal-support"
    }
    assert marked == set(IMAGE_ROWS)
    assert {(r.table, r.id) for r in current.benchmarks if "image" in r.input_modalities} == marked


def test_every_table_was_evaluated_on_bf16_weights() -> None:
    for table in llama_cards.card().benchmark_tables:
        assert table.evaluated_precision == "bf16"
        found = [(s.document, s.section) for s in table.source_of("evaluated_precision")]
        assert found == BF16_SOURCES
        assert table.source_of("title") == (table.source,)


def test_the_checkpoint_and_the_task_come_from_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = llama_cards.card()
    other = shipped.model_copy(
        update={
            "benchmark_tables": tuple(
                t.model_copy(update={"evaluated_precision": "fp8"})
                for t in shipped.benchmark_tables
            ),
            "benchmarks": tuple(
                r.model_copy(update={"input_modalities": ("text",)}) if r.id == "chartqa" else r
                for r in shipped.benchmarks
            ),
        }
    )
    # The newest card's parts are what every query reads; serve the changed card's instead.
    monkeypatch.setattr(loader_module, "newest", lambda: CardParts.of_card(other))
    (entry,) = llama_cards.to_model_index("maverick", table="instruct")
    assert entry["name"] == "Llama-4-Maverick-17B-128E-Instruct-FP8"
    results: list[Any] = entry["results"]  # type: ignore[assignment]  # a list of dicts
    tasks = {r["dataset"]["type"]: r["task"]["type"] for r in results}
    assert tasks["chartqa"] == "text-generation"
    assert tasks["docvqa"] == "image-text-to-text"
    # Scout has no fp8 checkpoint: the entry is named by its column header.
    assert llama_cards.to_model_index("scout", table="instruct")[0]["name"] == "Llama 4 Scout"
