"""to_model_index(): the Hugging Face model-index format, read back by huggingface_hub."""

from __future__ import annotations

import socket
from typing import Any, Optional

import pytest
from huggingface_hub.repocard_data import (
    eval_results_to_model_index,
    model_index_to_eval_results,
)

import llama_cards

CARD_URL = "https://ai.azure.com/catalog/models/Llama-4-Scout-17B-16E-Instruct"


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
        image = row.category.startswith("Image")
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
