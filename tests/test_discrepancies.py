"""Every place two sources print one fact differently, in one list across the whole card.

The expected rows are written from the documents: the catalogue card against its own
summary box and training disclosure, against Meta's card (benchmark attributes), and
against Meta's registry and torchtune's builders (sequence limits, parameter totals).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import llama_cards
from llama_cards import Disagreement

SCOUT_PRETRAINED = "meta-llama/Llama-4-Scout-17B-16E"
MAVERICK_PRETRAINED = "meta-llama/Llama-4-Maverick-17B-128E"

# field, served, other, (served document, other document)
EXPECTED = [
    (
        "models[llama-4-scout].output_modalities",
        "Multilingual text and code",
        "Text",
        ("azure-card", "azure-card"),
    ),
    ("models[llama-4-scout].training_tokens", "~40T", "40 trillion", ("azure-card", "azure-card")),
    (
        "models[llama-4-maverick].training_tokens",
        "~22T",
        "22 trillion",
        ("azure-card", "azure-card"),
    ),
    (
        "benchmarks[instruct/chartqa].metric",
        "relaxed_accuracy",
        "relaxed\\ _accuracy",
        ("azure-card", "azure-card"),
    ),
    (
        "benchmarks[instruct/livecodebench].category",
        "Coding",
        "Code",
        ("azure-card", "meta-model-card"),
    ),
    (
        "benchmarks[instruct/mmlu-pro].metric",
        "macro_avg/em",
        "macro_avg/acc",
        ("azure-card", "meta-model-card"),
    ),
    (
        "benchmarks[instruct/mtob-half-book].category",
        "Long context",
        "Long Context",
        ("azure-card", "meta-model-card"),
    ),
    (
        "benchmarks[instruct/mtob-full-book].category",
        "Long context",
        "Long Context",
        ("azure-card", "meta-model-card"),
    ),
    (
        "comparison_models[llama-3.1-70b].context_length",
        "128k",
        "131072",
        ("meta-llama-3.1-model-card", "llama-models-sku-types"),
    ),
    (
        "comparison_models[llama-3.1-70b].training_tokens",
        "15T+",
        "~15 trillion",
        ("meta-llama-3.1-model-card", "meta-llama-3.1-model-card"),
    ),
    (
        "comparison_models[llama-3.1-70b].output_modalities",
        "Multilingual Text and code",
        "text in/text out",
        ("meta-llama-3.1-model-card", "meta-llama-3.1-model-card"),
    ),
    (
        "comparison_models[llama-3.1-405b].context_length",
        "128k",
        "131072",
        ("meta-llama-3.1-model-card", "llama-models-sku-types"),
    ),
    (
        "comparison_models[llama-3.1-405b].training_tokens",
        "15T+",
        "~15 trillion",
        ("meta-llama-3.1-model-card", "meta-llama-3.1-model-card"),
    ),
    (
        "comparison_models[llama-3.1-405b].output_modalities",
        "Multilingual Text and code",
        "text in/text out",
        ("meta-llama-3.1-model-card", "meta-llama-3.1-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].context_length",
        "128k",
        "131072",
        ("meta-llama-3.3-model-card", "llama-models-sku-types"),
    ),
    (
        "comparison_models[llama-3.3-70b].training_tokens",
        "15T+",
        "~15 trillion",
        ("meta-llama-3.3-model-card", "meta-llama-3.3-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].output_modalities",
        "Multilingual Text and code",
        "text in/text out",
        ("meta-llama-3.3-model-card", "meta-llama-3.3-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].training.gpu_hours",
        "7.0M",
        "39.3M",
        ("meta-llama-3.3-model-card", "meta-llama-3.3-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].training.location_based_tco2eq",
        "12.9",
        "11,390",
        ("meta-llama-3.3-model-card", "meta-llama-3.3-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].license_name",
        "Llama 3.3 Community License Agreement",
        "Llama 3.3 Community License",
        ("meta-llama-3.3-model-card", "meta-llama-3.3-model-card"),
    ),
    (
        "comparison_models[llama-3.3-70b].huggingface_repos",
        "meta-llama/Llama-3.3-70B-Instruct",
        "pretrained and instruction tuned",
        ("llama-models-sku-list", "meta-llama-3.3-model-card"),
    ),
    (
        "models[llama-4-scout].context_length",
        "10M",
        "10485760",
        ("azure-card", "llama-models-sku-types"),
    ),
    (
        "models[llama-4-maverick].context_length",
        "1M",
        "1048576",
        ("azure-card", "llama-models-sku-types"),
    ),
    (
        f"models[llama-4-scout].huggingface_repos[{SCOUT_PRETRAINED}].max_sequence_length",
        "262144",
        "10485760",
        ("llama-models-sku-types", "torchtune-llama4-model-builders"),
    ),
    (
        f"models[llama-4-maverick].huggingface_repos[{MAVERICK_PRETRAINED}].max_sequence_length",
        "262144",
        "1048576",
        ("llama-models-sku-types", "torchtune-llama4-model-builders"),
    ),
    (
        "models[llama-4-scout].total_parameters",
        "109B",
        "108641793536",
        ("azure-card", "torchtune-llama4-model-builders"),
    ),
    (
        "models[llama-4-maverick].total_parameters",
        "400B",
        "401583781376",
        ("azure-card", "torchtune-llama4-model-builders"),
    ),
    (
        "models[*].input_modalities",
        "Multilingual text and image",
        "False",
        ("azure-card", "llama-models-sku-types"),
    ),
]


def test_one_list_across_the_whole_card() -> None:
    found = llama_cards.discrepancies()
    assert isinstance(found, tuple)
    assert all(isinstance(item, Disagreement) for item in found)
    assert [
        (d.field, d.served, d.other, (d.served_source.document, d.other_source.document))
        for d in found
    ] == EXPECTED


def test_every_item_has_a_note_and_two_sources() -> None:
    for item in llama_cards.discrepancies():
        assert item.note.strip(), item.field
        assert item.served_source != item.other_source
        assert item.served != item.other


def test_the_list_is_the_same_object_each_time() -> None:
    assert llama_cards.discrepancies() is llama_cards.discrepancies()
    assert llama_cards.card().discrepancies() is llama_cards.discrepancies()


def test_a_card_of_one_s_own_lists_its_own() -> None:
    mine = llama_cards.Card.from_json(llama_cards.card().to_json())
    assert mine.discrepancies() == llama_cards.discrepancies()


def test_benchmark_discrepancies_are_all_taken_in() -> None:
    rows = [
        (f"benchmarks[{b.table}/{b.id}].{d.field}", d.printed)
        for b in llama_cards.benchmarks()
        for d in b.discrepancies
    ]
    found = {(d.field, d.other) for d in llama_cards.discrepancies()}
    assert rows
    assert set(rows) <= found


def test_alternative_printings_are_all_taken_in() -> None:
    rows = [
        (f"models[{m.id}].{p.field}", p.printed)
        for m in llama_cards.models()
        for p in m.alternative_printings
    ]
    found = {(d.field, d.other) for d in llama_cards.discrepancies()}
    assert rows
    assert set(rows) <= found


def test_served_values_are_the_served_fields() -> None:
    by_field = {d.field: d for d in llama_cards.discrepancies()}
    scout = llama_cards.model("scout")
    assert by_field["models[llama-4-scout].context_length"].served == scout.context_length_printed
    assert by_field["models[llama-4-scout].training_tokens"].served == str(scout.training_tokens)
    box = llama_cards.card().catalogue_specifications
    assert by_field["models[llama-4-scout].output_modalities"].other == ", ".join(box.output_types)


def test_comparison_models_may_carry_their_own() -> None:
    # Each comparison model's own disagreements, where its records have them, are in the list.
    own = [
        item
        for compared in llama_cards.card().comparison_models
        for item in getattr(compared, "disagreements", ())
    ]
    found = llama_cards.discrepancies()
    assert all(item in found for item in own)


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_a_first_model_builds_no_deployment_record() -> None:
    out = _fresh(
        "import sys, llama_cards\n"
        "llama_cards.model('scout').context_length\n"
        "print(int('llama_cards._deployment' in sys.modules))\n"
        "print(llama_cards.model('scout').architecture.layers)\n"
        "print(int('llama_cards._deployment' in sys.modules))\n"
        "print(int('llama_cards._memory' in sys.modules))\n"
    )
    assert out.split() == ["0", "48", "1", "0"]


@pytest.mark.parametrize("name", ["scout", "maverick"])
def test_output_limit_is_none_with_its_reason(name: str) -> None:
    entry = llama_cards.model(name)
    assert entry.max_output_tokens is None
    assert entry.output_limit.source.document == "llama-models-issue-315"
    assert llama_cards.document("llama-models-issue-315").url.endswith("/issues/315")
    (derived,) = entry.output_limit.source_of("counts_against_context")
    assert derived.derived


def test_results_have_no_truth_value() -> None:
    estimate = llama_cards.estimate_memory("scout", precision="int4", gpu="h100-80gb")
    with pytest.raises(TypeError, match=r"\.fits"):
        bool(estimate)
    with pytest.raises(TypeError, match=r"\.holds"):
        bool(llama_cards.card_claims()[0])


def test_a_model_outside_a_card_says_so() -> None:
    scout = llama_cards.model("scout")
    loose = llama_cards.Model.model_validate(scout.model_dump())
    with pytest.raises(llama_cards.DataIntegrityError, match="built outside a card"):
        _ = loose.architecture
    with pytest.raises(llama_cards.DataIntegrityError, match="built outside a card"):
        loose.weights_bytes("bf16")


def test_a_schema_1_0_card_reads_without_deployment_data() -> None:
    import json

    data = json.loads(llama_cards.card().to_json())
    for name in (
        "architectures",
        "checkpoint_files",
        "output_limits",
        "accelerators",
        "quantization_schemes",
        "hardware_claims",
        "deployment_disagreements",
    ):
        del data[name]
    for entry in data["models"]:
        for repo in entry["huggingface_repos"]:
            del repo["max_sequence_length"]
            del repo["field_sources"]
    data["schema_version"] = "1.0"
    old = llama_cards.Card.from_json(json.dumps(data))
    assert old.architectures == ()
    scout = old.model("scout")
    assert scout.huggingface_repos[0].max_sequence_length is None
    with pytest.raises(llama_cards.DataIntegrityError, match=r"schema 1\.0"):
        _ = scout.architecture
    with pytest.raises(llama_cards.DataIntegrityError, match=r"schema 1\.0"):
        scout.check_context(1, checkpoint=SCOUT_PRETRAINED)
    assert scout.fits_context(10_000_000)
