"""The deployment data against the documents it is read from, number by number.

Every expected value below was written from the document the comment names, not from the
data file: torchtune's Llama 4 builders (commit bd2a0fc), Meta's ``args.py`` (commit
a9c89c4), the model registry of ``llama-models`` 0.3.0 and issue 315 of its tracker.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import llama_cards
from llama_cards import (
    Architecture,
    HuggingFaceRepo,
    Model,
    OutputLimit,
    Source,
    UnknownAcceleratorError,
    UnknownCheckpointError,
    accelerator,
    accelerators,
    checkpoint_files,
)
from llama_cards._deployment import DeploymentPart
from llama_cards.errors import ArgumentTypeError, LlamaCardsError

PART_FIELDS = tuple(DeploymentPart.model_fields)


def deployment_part() -> DeploymentPart:
    """The shipped card's deployment part, as the card serves it."""
    card = llama_cards.card()
    return DeploymentPart.model_construct(**{name: getattr(card, name) for name in PART_FIELDS})


def architecture(name: str | Model) -> Architecture:
    return llama_cards.model(name).architecture


def output_limit(name: str) -> OutputLimit:
    return llama_cards.model(name).output_limit


def repo_record(repo: str | HuggingFaceRepo) -> HuggingFaceRepo:
    wanted = repo.id if isinstance(repo, HuggingFaceRepo) else repo
    return llama_cards.model(wanted).checkpoint(wanted)


def max_sequence_length(repo: str | HuggingFaceRepo) -> int | None:
    return repo_record(repo).max_sequence_length


def disagreements() -> tuple[llama_cards.Disagreement, ...]:
    return llama_cards.card().deployment_disagreements


def _raw() -> bytes:
    data = pkgutil.get_data("llama_cards", "data/card-4/deployment.json")
    assert data is not None
    return data


RAW = _raw()


def _records(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _records(item)


# ------------------------------------------------------------------- the file itself


def test_file_validates_with_pydantic_and_matches_the_trusted_build() -> None:
    validated = DeploymentPart.model_validate_json(RAW)
    assert validated == deployment_part()


def test_file_refuses_unknown_fields() -> None:
    import json

    data = json.loads(RAW)
    data["architectures"][0]["sliding_window"] = 4096
    with pytest.raises(ValidationError, match="sliding_window"):
        DeploymentPart.model_validate(data)


def test_file_round_trips_through_json() -> None:
    data = deployment_part()
    assert DeploymentPart.model_validate_json(data.model_dump_json()) == data


def test_records_are_frozen() -> None:
    with pytest.raises(ValidationError):
        architecture("scout").layers = 47  # type: ignore[misc]  # the point of the test


def test_loading_returns_the_same_object() -> None:
    assert architecture("scout") is architecture("scout")
    assert llama_cards.card().architectures[0] is architecture("scout")


def test_every_source_names_a_listed_document() -> None:
    listed = {document.id for document in llama_cards.card().documents}
    for record in _records(deployment_part()):
        if isinstance(record, Source):
            assert record.document in listed, record


def test_document_ids_are_unique() -> None:
    ids = [document.id for document in llama_cards.card().documents]
    assert len(ids) == len(set(ids))


def test_field_sources_name_real_fields_once() -> None:
    for record in _records(deployment_part()):
        listed = getattr(record, "field_sources", ())
        names = [entry.field for entry in listed]
        assert len(names) == len(set(names)), record
        for name in names:
            assert name in type(record).model_fields, (type(record).__name__, name)


# ----------------------------------------------------------------------- architecture

# torchtune _model_builders.py, llama4_scout_17b_16e and llama4_maverick_17b_128e; the
# component builder's defaults where a builder does not pass the argument.
ARCHITECTURE: dict[str, dict[str, object]] = {
    "llama-4-scout": {
        "hidden_size": 5120,
        "layers": 48,
        "attention_heads": 40,
        "kv_heads": 8,
        "head_dim": 128,
        "vocab_size": 202_048,
        "rope_theta": 500_000,
        "experts": 16,
        "experts_per_token": 1,
        "shared_expert": True,
        "moe_layer_interval": 1,
        "moe_layers": 48,
        "dense_ffn_size": None,
        "expert_ffn_size": 8192,
        "qk_norm": True,
        "attention_chunk_size": 8192,
        "nope_layer_interval": 4,
        "chunked_attention_layers": 36,
        "global_attention_layers": 12,
        "builder_max_sequence_length": 10_485_760,
    },
    "llama-4-maverick": {
        "hidden_size": 5120,
        "layers": 48,
        "attention_heads": 40,
        "kv_heads": 8,
        "head_dim": 128,
        "vocab_size": 202_048,
        "rope_theta": 500_000,
        "experts": 128,
        "experts_per_token": 1,
        "shared_expert": True,
        "moe_layer_interval": 2,
        "moe_layers": 24,
        "dense_ffn_size": 16_384,
        "expert_ffn_size": 8192,
        "qk_norm": False,
        "attention_chunk_size": 8192,
        "nope_layer_interval": 4,
        "chunked_attention_layers": 36,
        "global_attention_layers": 12,
        "builder_max_sequence_length": 1_048_576,
    },
}

# Both builders pass the same llama4_vision_encoder arguments; image_size defaults to 336.
VISION = {
    "patch_size": 14,
    "tile_size": 336,
    "max_tiles": 16,
    "in_channels": 3,
    "width": 1408,
    "layers": 34,
    "heads": 16,
    "mlp_size": 5632,
    "attention_bias": True,
    "positional_embedding_tokens": 577,
    "pixel_shuffle_ratio": 0.5,
    "projection_input_size": 5632,
    "projection_size": 4096,
    "output_size": 5120,
}


@pytest.mark.parametrize("model_id", sorted(ARCHITECTURE))
def test_architecture_matches_the_builders(model_id: str) -> None:
    arch = architecture(model_id)
    assert {name: getattr(arch, name) for name in ARCHITECTURE[model_id]} == ARCHITECTURE[model_id]
    assert arch.vision.model_dump(include=set(VISION)) == VISION


def test_scout_alone_scales_rope() -> None:
    # component builder defaults (16.0, 1.0, 1.0, 8192), taken by use_scaled_rope=True
    scaling = architecture("scout").rope_scaling
    assert scaling is not None
    assert (
        scaling.factor,
        scaling.low_freq_factor,
        scaling.high_freq_factor,
        scaling.original_context_length,
    ) == (16.0, 1.0, 1.0, 8192)
    assert architecture("maverick").rope_scaling is None


def test_scout_rope_factors_agree_with_metas_args() -> None:
    # args.py: scaled RoPE (Scout only) defaults rope_scaling_factor 16, high freq 1
    scaling = architecture("scout").rope_scaling
    assert scaling is not None
    assert [s.document for s in scaling.source_of("factor")] == [
        "torchtune-llama4-component-builders",
        "meta-llama4-args",
    ]
    assert [s.document for s in scaling.source_of("high_freq_factor")] == [
        "torchtune-llama4-component-builders",
        "meta-llama4-args",
    ]


@pytest.mark.parametrize("model_id", sorted(ARCHITECTURE))
def test_derived_counts_follow_from_the_layout(model_id: str) -> None:
    arch = architecture(model_id)
    assert arch.head_dim * arch.attention_heads == arch.hidden_size
    assert arch.global_attention_layers == arch.layers // arch.nope_layer_interval
    assert arch.chunked_attention_layers + arch.global_attention_layers == arch.layers
    assert arch.moe_layers == arch.layers // arch.moe_layer_interval
    assert arch.vision.mlp_size == 4 * arch.vision.width
    assert arch.vision.projection_input_size * arch.vision.pixel_shuffle_ratio**2 == (
        arch.vision.width
    )
    grid = arch.vision.tile_size // arch.vision.patch_size
    assert arch.vision.positional_embedding_tokens == grid * grid + 1


DERIVED_FIELDS = ("head_dim", "chunked_attention_layers", "global_attention_layers", "moe_layers")


@pytest.mark.parametrize("model_id", sorted(ARCHITECTURE))
@pytest.mark.parametrize("field", DERIVED_FIELDS)
def test_values_no_document_prints_are_marked_derived(model_id: str, field: str) -> None:
    (source,) = architecture(model_id).source_of(field)
    assert source.derived


def test_head_dim_derivation_says_how() -> None:
    (source,) = architecture("scout").source_of("head_dim")
    assert source.derived == "hidden_size / attention_heads = 5,120 / 40"


@pytest.mark.parametrize("model_id", sorted(ARCHITECTURE))
def test_experts_agree_with_the_card(model_id: str) -> None:
    # the card prints 17Bx16E and 17Bx128E; the builders pass num_experts 16 and 128
    arch = architecture(model_id)
    assert arch.experts == llama_cards.model(model_id).experts
    assert [s.document for s in arch.source_of("experts")] == [
        "torchtune-llama4-model-builders",
        "azure-card",
    ]


# Facts two documents state alike: the record names both, in this order.
TWO_SOURCES = {
    "rope_theta": ["torchtune-llama4-model-builders", "meta-llama4-args"],
    "experts_per_token": ["torchtune-llama4-component-builders", "meta-llama4-args"],
    "shared_expert": ["torchtune-llama4-model-builders", "llama-models-llama4-moe"],
    "nope_layer_interval": ["torchtune-llama4-model-builders", "meta-llama4-args"],
}


@pytest.mark.parametrize("model_id", sorted(ARCHITECTURE))
@pytest.mark.parametrize("field", sorted(TWO_SOURCES))
def test_shared_facts_cite_both_documents(model_id: str, field: str) -> None:
    sources = architecture(model_id).source_of(field)
    assert [s.document for s in sources] == TWO_SOURCES[field]


def test_architecture_takes_a_model_and_any_name() -> None:
    scout = llama_cards.model("scout")
    assert architecture(scout) is architecture("Llama-4-Scout-17B-16E-Instruct")
    assert isinstance(architecture(scout), Architecture)


def test_architecture_of_an_unknown_model_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="llama 5"):
        architecture("llama 5")


# ------------------------------------------------------------------ checkpoints

# llama-models 0.3.0: sku_list.py llama4_base_models / llama4_instruct_models (repos, 8
# files each), sku_types.py Model.max_seq_length, sku_list.py llama_meta_pth_size.
CHECKPOINTS = [
    # repo, model, variant, format, max_seq_length, file_count, bytes per file
    ("meta-llama/Llama-4-Scout-17B-16E", "llama-4-scout", "pretrained", "bf16", 262_144, 8, None),
    (
        "meta-llama/Llama-4-Scout-17B-16E-Instruct",
        "llama-4-scout",
        "instruct",
        "bf16",
        10_485_760,
        8,
        None,
    ),
    (
        "meta-llama/Llama-4-Maverick-17B-128E",
        "llama-4-maverick",
        "pretrained",
        "bf16",
        262_144,
        8,
        100_458_118_386,
    ),
    (
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
        "llama-4-maverick",
        "instruct",
        "bf16",
        1_048_576,
        8,
        100_426_653_046,
    ),
    (
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        "llama-4-maverick",
        "instruct",
        "fp8-mixed",
        1_048_576,
        8,
        54_121_549_657,
    ),
]


def test_registry_checkpoints_in_order() -> None:
    found = []
    for entry in llama_cards.models():
        for repo in entry.huggingface_repos:
            files = checkpoint_files(repo.id)
            found.append(
                (
                    repo.id,
                    entry.id,
                    repo.variant,
                    files.quantization_format,
                    repo.max_sequence_length,
                    files.file_count,
                    files.file_bytes,
                )
            )
    assert found == CHECKPOINTS
    assert [files.repo for files in llama_cards.card().checkpoint_files] == [
        row[0] for row in CHECKPOINTS
    ]


# 8 x the per-file size, multiplied out by hand
PUBLISHED_TOTALS = {
    "meta-llama/Llama-4-Maverick-17B-128E": 803_664_947_088,
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct": 803_413_224_368,
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8": 432_972_397_256,
    "meta-llama/Llama-4-Scout-17B-16E": None,
    "meta-llama/Llama-4-Scout-17B-16E-Instruct": None,
}


@pytest.mark.parametrize(("repo", "total"), sorted(PUBLISHED_TOTALS.items()))
def test_published_totals(repo: str, total: int | None) -> None:
    assert checkpoint_files(repo).published_bytes == total


def test_published_sizes_cite_the_registry() -> None:
    files = checkpoint_files("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8")
    assert [(s.document, s.section) for s in files.source_of("file_bytes")] == [
        ("llama-models-sku-list", "llama_meta_pth_size")
    ]


@pytest.mark.parametrize(
    ("repo", "limit"),
    [
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", 10_485_760),
        ("META-LLAMA/llama-4-scout-17b-16e-instruct", 10_485_760),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", 1_048_576),
        ("meta-llama/Llama-4-Maverick-17B-128E", 262_144),
    ],
)
def test_max_sequence_length(repo: str, limit: int) -> None:
    assert max_sequence_length(repo) == limit


@pytest.mark.parametrize(
    ("repo", "model_id"),
    [
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama-4-scout"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick"),
    ],
)
def test_instruct_limits_agree_with_torchtunes_builders(repo: str, model_id: str) -> None:
    entry = repo_record(repo)
    assert entry.max_sequence_length == architecture(model_id).builder_max_sequence_length
    assert [s.document for s in entry.source_of("max_sequence_length")] == [
        "llama-models-sku-types",
        "torchtune-llama4-model-builders",
    ]


def test_max_sequence_length_takes_a_repo_record() -> None:
    repo = llama_cards.model("scout").huggingface_repos[0]
    assert max_sequence_length(repo) == 262_144


def test_unknown_checkpoint_names_the_known_ones() -> None:
    with pytest.raises(UnknownCheckpointError) as caught:
        llama_cards.model("scout").checkpoint("meta-llama/Llama-4-Scout-17B-16E-Instruct-FP8")
    error = caught.value
    assert isinstance(error, LookupError)
    assert isinstance(error, LlamaCardsError)
    assert error.closest[0] == "meta-llama/Llama-4-Scout-17B-16E-Instruct"
    assert "meta-llama/Llama-4-Scout-17B-16E'" in str(error)
    with pytest.raises(UnknownCheckpointError, match="Llama-4-Maverick-17B-128E-Instruct-FP8"):
        checkpoint_files("meta-llama/Llama-4-Scout-17B-16E-Instruct-FP8")


@pytest.mark.parametrize("value", [None, 7, b"meta-llama/Llama-4-Scout-17B-16E"])
def test_checkpoint_of_a_non_string_is_a_type_error(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match="HuggingFaceRepo or its id"):
        llama_cards.model("scout").checkpoint(value)  # type: ignore[arg-type]  # on purpose
    with pytest.raises(ArgumentTypeError, match="repository id"):
        checkpoint_files(value)  # type: ignore[arg-type]  # on purpose


def test_card_context_stays_the_served_default() -> None:
    # the card's 10M and 1M are served; the registry's limits are per checkpoint
    assert llama_cards.model("scout").context_length == 10_000_000
    assert llama_cards.model("maverick").context_length == 1_000_000


# -------------------------------------------------------------------- output limit


@pytest.mark.parametrize("name", ["scout", "maverick"])
def test_no_output_limit_is_published(name: str) -> None:
    limit = output_limit(name)
    assert llama_cards.model(name).max_output_tokens is None
    assert limit.max_output_tokens is None
    assert limit.counts_against_context is True
    assert limit.source.document == "llama-models-issue-315"
    (derived,) = limit.source_of("counts_against_context")
    assert derived.derived


def test_issue_315_is_cited_with_its_address() -> None:
    document = llama_cards.document("llama-models-issue-315")
    assert document.url == "https://github.com/meta-llama/llama-models/issues/315"


# -------------------------------------------------------------------- accelerators

ACCELERATORS = [
    # id, gpus, printed per GPU, bytes per GPU, bytes in all
    ("h100-80gb", 1, "80GB", 80_000_000_000, 80_000_000_000),
    ("dgx-h100", 8, "80GB", 80_000_000_000, 640_000_000_000),
]


def test_accelerator_table() -> None:
    assert [
        (a.id, a.gpus, a.memory_per_gpu_printed, a.memory_per_gpu_bytes, a.memory_bytes)
        for a in accelerators()
    ] == ACCELERATORS


def test_accelerator_memory_multiplies_out() -> None:
    for entry in accelerators():
        assert entry.memory_bytes == entry.gpus * entry.memory_per_gpu_bytes
        assert "GB" in entry.unit


def test_accelerators_cite_nvidia() -> None:
    assert accelerator("h100-80gb").source.document == "nvidia-h100-datasheet"
    assert accelerator("dgx-h100").source.document == "nvidia-dgx-h100-datasheet"
    # Meta's card names the training GPUs H100-80GB too
    documents = [s.document for s in accelerator("h100-80gb").source_of("memory_per_gpu_printed")]
    assert documents == ["nvidia-h100-datasheet", "meta-model-card"]


@pytest.mark.parametrize("name", ["h100-80gb", "H100-80GB", " dgx-h100 ", "NVIDIA H100 80GB (SXM)"])
def test_accelerator_lookup_ignores_case(name: str) -> None:
    assert accelerator(name).id in {"h100-80gb", "dgx-h100"}


def test_unknown_accelerator_names_the_known_ones() -> None:
    with pytest.raises(UnknownAcceleratorError) as caught:
        accelerator("h200")
    assert isinstance(caught.value, LookupError)
    assert "'h100-80gb', 'dgx-h100'" in str(caught.value)


def test_accelerator_of_a_non_string_is_a_type_error() -> None:
    with pytest.raises(ArgumentTypeError, match="accelerator"):
        accelerator(80)  # type: ignore[arg-type]  # the wrong type on purpose


# ------------------------------------------------------------------ quantization

QUANTIZATION = [
    # precision, bits, routed, shared, skip first/last, scale kind, group, scale bytes, extra
    ("int4", 4, True, True, False, "group", 128, 4, 0),
    ("fp8", 8, True, False, True, "row", None, 4, 4),
]


def test_quantization_schemes_follow_metas_loader() -> None:
    assert [
        (
            q.precision,
            q.weight_bits,
            q.routed_experts,
            q.shared_expert,
            q.skip_first_and_last_layers,
            q.scale_rows,
            q.group_size,
            q.scale_bytes,
            q.extra_bytes_per_tensor,
        )
        for q in llama_cards.card().quantization_schemes
    ] == QUANTIZATION


# ------------------------------------------------------------------ disagreements

DISAGREEMENTS = [
    ("models[llama-4-scout].context_length", "10M", "10485760"),
    ("models[llama-4-maverick].context_length", "1M", "1048576"),
    (
        "models[llama-4-scout].huggingface_repos[meta-llama/Llama-4-Scout-17B-16E]"
        ".max_sequence_length",
        "262144",
        "10485760",
    ),
    (
        "models[llama-4-maverick].huggingface_repos[meta-llama/Llama-4-Maverick-17B-128E]"
        ".max_sequence_length",
        "262144",
        "1048576",
    ),
    ("models[llama-4-scout].total_parameters", "109B", "108641793536"),
    ("models[llama-4-maverick].total_parameters", "400B", "401583781376"),
    ("models[*].input_modalities", "Multilingual text and image", "False"),
]


def test_disagreements_table() -> None:
    assert [(d.field, d.served, d.other) for d in disagreements()] == DISAGREEMENTS


def test_disagreements_cite_two_different_documents() -> None:
    for entry in disagreements():
        assert entry.served_source.document != entry.other_source.document, entry.field
        assert entry.note


def test_context_disagreements_agree_with_the_served_values() -> None:
    by_field = {d.field: d for d in disagreements()}
    scout = by_field["models[llama-4-scout].context_length"]
    assert scout.served == llama_cards.model("scout").context_length_printed
    assert int(scout.other) == max_sequence_length("meta-llama/Llama-4-Scout-17B-16E-Instruct")
    maverick = by_field["models[llama-4-maverick].context_length"]
    assert maverick.served == llama_cards.model("maverick").context_length_printed
    assert int(maverick.other) == max_sequence_length(
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct"
    )


def test_pretrained_disagreements_agree_with_the_records() -> None:
    by_field = {d.field: d for d in disagreements()}
    for repo, model_id in [
        ("meta-llama/Llama-4-Scout-17B-16E", "llama-4-scout"),
        ("meta-llama/Llama-4-Maverick-17B-128E", "llama-4-maverick"),
    ]:
        entry = by_field[f"models[{model_id}].huggingface_repos[{repo}].max_sequence_length"]
        assert int(entry.served) == max_sequence_length(repo)
        assert int(entry.other) == architecture(model_id).builder_max_sequence_length


def test_parameter_disagreements_are_the_computed_totals() -> None:
    by_field = {d.field: d for d in disagreements()}
    for model_id in ("llama-4-scout", "llama-4-maverick"):
        entry = by_field[f"models[{model_id}].total_parameters"]
        assert int(entry.other) == llama_cards.model(model_id).parameter_breakdown().total
        assert entry.other_source.derived
