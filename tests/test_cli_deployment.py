"""The deployment commands of ``llama-cards`` (memory, architecture, claims, discrepancies),
run in-process, against the library's own answers and the hand-worked figures."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import llama_cards
from llama_cards.cli import main


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Any:
    def runner(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return runner


def _ok(result: Run, code: int = 0) -> Run:
    assert result.code == code, result.err
    assert result.err == ""
    return result


def _usage_error(result: Run, *words: str) -> None:
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("llama-cards: error: ")
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err


# ------------------------------------------------------------------ memory


def test_memory_json_is_the_estimate(run: Any) -> None:
    out = _ok(
        run("memory", "scout", "--precision", "int4", "--gpu", "h100-80gb", "--format", "json")
    )
    expected = llama_cards.estimate_memory("scout", precision="int4", gpu="h100-80gb")
    assert json.loads(out.out) == expected.model_dump(mode="json")
    assert json.loads(out.out)["weights_bytes"] == 66_477_386_752
    assert json.loads(out.out)["fits"] is True


def test_memory_text_says_whether_it_fits(run: Any) -> None:
    out = _ok(run("memory", "scout", "--precision", "int4", "--gpu", "h100-80gb"))
    assert "66,477,386,752 bytes (66.5 GB)" in out.out
    assert "yes: the weights and KV cache fit" in out.out
    assert "250,542 tokens per sequence" in out.out
    assert "Assumptions:" in out.out


def test_memory_that_does_not_fit_exits_1(run: Any) -> None:
    out = _ok(run("memory", "maverick", "--precision", "bf16", "--gpu", "dgx-h100"), code=1)
    assert "no: the weights and KV cache do not fit" in out.out


def test_memory_without_gpus_only_counts(run: Any) -> None:
    out = _ok(run("memory", "scout", "--context", "1M", "--format", "json"))
    data = json.loads(out.out)
    # 12 global layers x 4,096 x 1,000,000 + 36 x 4,096 x 8,192
    assert data["kv_cache_bytes"] == 50_359_959_552
    assert data["fits"] is None
    assert data["memory_bytes"] is None


def test_memory_csv_with_gpu_memory_and_counts(run: Any) -> None:
    out = _ok(
        run(
            "memory",
            "scout",
            "--precision",
            "bf16",
            "--gpus",
            "4",
            "--gpu-memory",
            "80B",
            "--context",
            "128K",
            "--format",
            "csv",
        )
    )
    (row,) = list(csv.DictReader(io.StringIO(out.out)))
    expected = llama_cards.estimate_memory(
        "scout", precision="bf16", gpus=4, gpu_memory_bytes=80_000_000_000, context_tokens=128_000
    )
    assert row["memory_bytes"] == "320000000000"
    assert row["context_tokens"] == "128000"
    assert int(row["total_bytes"]) == expected.total_bytes
    assert row["fits"] == "True"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("memory", "scout", "--gpu", "h100-80gb", "--gpu-memory", "8"), ("--gpu", "not both")),
        (("memory", "scout", "--gpu", "h200"), ("unknown accelerator 'h200'", "'h100-80gb'")),
        (("memory", "scout", "--gpus", "0", "--gpu", "h100-80gb"), ("at least 1",)),
        (("memory", "llama-5"), ("unknown model",)),
    ],
)
def test_memory_errors(run: Any, args: tuple[str, ...], words: tuple[str, ...]) -> None:
    _usage_error(run(*args), *words)


@pytest.mark.parametrize(
    "args",
    [
        ("memory", "scout", "--precision", "fp4"),
        ("memory", "scout", "--context", "ten"),
        ("memory", "scout", "--gpus", "1.5"),
        ("memory",),
    ],
)
def test_memory_usage_errors(run: Any, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 2
    assert result.out == ""
    assert "usage: llama-cards" in result.err


# ------------------------------------------------------------------ architecture


def test_architecture_json_is_the_record(run: Any) -> None:
    out = _ok(run("architecture", "maverick", "--format", "json"))
    assert json.loads(out.out) == llama_cards.model("maverick").architecture.model_dump(mode="json")


def test_architecture_csv_flattens_the_vision_encoder(run: Any) -> None:
    out = _ok(run("architecture", "scout", "--format", "csv"))
    rows = dict(csv.reader(io.StringIO(out.out)))
    assert rows["field"] == "value"
    assert (rows["layers"], rows["kv_heads"], rows["head_dim"]) == ("48", "8", "128")
    assert (rows["vision.patch_size"], rows["vision.width"]) == ("14", "1408")
    assert rows["rope_scaling.factor"] == "16.0"


def test_architecture_text_names_its_source(run: Any) -> None:
    out = _ok(run("architecture", "scout"))
    assert "chunked_attention_layers" in out.out
    assert "Source: torchtune Llama 4 model builders" in out.out


# ------------------------------------------------------------------ claims


def test_claims_json(run: Any) -> None:
    data = json.loads(_ok(run("claims", "--format", "json")).out)
    assert [(c["id"], c["holds"]) for c in data["claims"]] == [
        ("scout-int4-one-h100", True),
        ("maverick-fp8-one-dgx-h100", True),
    ]
    assert [(c["id"], c["holds"], c["claimed"]) for c in data["contrasts"]] == [
        ("maverick-bf16-one-dgx-h100", False, False),
        ("scout-bf16-one-h100", False, False),
    ]


def test_claims_csv_has_every_row(run: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(_ok(run("claims", "--format", "csv")).out)))
    assert [(r["id"], r["claimed"], r["weights_bytes"]) for r in rows] == [
        ("scout-int4-one-h100", "True", "66477386752"),
        ("maverick-fp8-one-dgx-h100", "True", "432972397256"),
        ("maverick-bf16-one-dgx-h100", "False", "803413224368"),
        ("scout-bf16-one-h100", "False", "217283587072"),
    ]


def test_claims_text_keeps_contrasts_apart(run: Any) -> None:
    out = _ok(run("claims")).out
    assert out.index("The card's hardware claims") < out.index("Contrasts the card does not claim")


# ------------------------------------------------------------------ discrepancies


def test_discrepancies_json_is_the_list(run: Any) -> None:
    data = json.loads(_ok(run("discrepancies", "--format", "json")).out)
    assert data == [item.model_dump(mode="json") for item in llama_cards.discrepancies()]


def test_discrepancies_csv(run: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(_ok(run("discrepancies", "--format", "csv")).out)))
    assert len(rows) == len(llama_cards.discrepancies())
    by_field = {row["field"]: row for row in rows}
    scout = by_field["models[llama-4-scout].context_length"]
    assert (scout["served"], scout["other"]) == ("10M", "10485760")
    assert scout["other_source"].startswith("llama-models-sku-types, ")


def test_discrepancies_text_has_a_block_per_place(run: Any) -> None:
    out = _ok(run("discrepancies")).out
    assert out.count("\n  served  ") == len(llama_cards.discrepancies())
