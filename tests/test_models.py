"""The model records against the card's technical specs, training and quantization sections."""

from __future__ import annotations

import datetime
import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    ContextLengthExceededError,
    InvalidArgumentError,
    LlamaCardsError,
    Model,
    UnknownModalityError,
    UnknownModelError,
)
from llama_cards.errors import quote_input

# Written from the seed's "Technical specs" table (cross-checked with Meta's upstream card):
# | Model Name | Params | Input | Output | Context length | Token count | Knowledge cutoff |
SPECS: dict[str, dict[str, Any]] = {
    "llama-4-scout": {
        "name": "Llama 4 Scout (17Bx16E)",
        "short_name": "Llama 4 Scout",
        "active_parameters": 17_000_000_000,
        "total_parameters": 109_000_000_000,
        "experts": 16,
        "input_modalities": ("text", "image"),
        "output_modalities": ("text", "code"),
        "input_description": "Multilingual text and image",
        "output_description": "Multilingual text and code",
        "context_length": 10_000_000,
        "context_length_printed": "10M",
        "training_tokens": (40_000_000_000_000, True, "~40T"),
        "knowledge_cutoff": (2024, 8),
        "release_date": datetime.date(2025, 4, 5),
    },
    "llama-4-maverick": {
        "name": "Llama 4 Maverick (17Bx128E)",
        "short_name": "Llama 4 Maverick",
        "active_parameters": 17_000_000_000,
        "total_parameters": 400_000_000_000,
        "experts": 128,
        "input_modalities": ("text", "image"),
        "output_modalities": ("text", "code"),
        "input_description": "Multilingual text and image",
        "output_description": "Multilingual text and code",
        "context_length": 1_000_000,
        "context_length_printed": "1M",
        "training_tokens": (22_000_000_000_000, True, "~22T"),
        "knowledge_cutoff": (2024, 8),
        "release_date": datetime.date(2025, 4, 5),
    },
}

# The seed's "Training time" table: GPU hours, power (W), location-based and market-based
# emissions (tons CO2eq).
TRAINING = {
    "llama-4-scout": (5_000_000, 700, 1_354, 0),
    "llama-4-maverick": (2_380_000, 700, 645, 0),
}

# Hugging Face repositories, as Meta's llama-stack registry (sku_list) records them.
REPOS = {
    "llama-4-scout": (
        ("meta-llama/Llama-4-Scout-17B-16E", "pretrained", "bf16"),
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "instruct", "bf16"),
    ),
    "llama-4-maverick": (
        ("meta-llama/Llama-4-Maverick-17B-128E", "pretrained", "bf16"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "instruct", "bf16"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "instruct", "fp8"),
    ),
}

# The seed's "Optimizing model performance" section: Scout's BF16 weights fit one H100 GPU
# when quantized to int4 on the fly; Maverick's FP8 weights fit one H100 DGX host.
QUANTIZATION = {
    "llama-4-scout": (("bf16",), ("BF16", "one H100 GPU", "int4", "on the fly")),
    "llama-4-maverick": (("bf16", "fp8"), ("BF16", "FP8", "one H100 DGX host")),
}


def test_models_are_the_cards_two_in_order() -> None:
    assert [m.id for m in llama_cards.models()] == ["llama-4-scout", "llama-4-maverick"]


@pytest.mark.parametrize("model_id", SPECS)
def test_specs_equal_the_card(model_id: str) -> None:
    found = llama_cards.model(model_id)
    expected = SPECS[model_id]
    actual = {
        "name": found.name,
        "short_name": found.short_name,
        "active_parameters": found.active_parameters,
        "total_parameters": found.total_parameters,
        "experts": found.experts,
        "input_modalities": found.input_modalities,
        "output_modalities": found.output_modalities,
        "input_description": found.input_description,
        "output_description": found.output_description,
        "context_length": found.context_length,
        "context_length_printed": found.context_length_printed,
        "training_tokens": (
            found.training_tokens.value,
            found.training_tokens.approximate,
            found.training_tokens.printed,
        ),
        "knowledge_cutoff": (found.knowledge_cutoff.year, found.knowledge_cutoff.month),
        "release_date": found.release_date,
    }
    assert actual == expected
    assert str(found.knowledge_cutoff) == "2024-08"
    assert int(found.training_tokens) == expected["training_tokens"][0]


@pytest.mark.parametrize("model_id", TRAINING)
def test_training_row_equals_the_card(model_id: str) -> None:
    training = llama_cards.model(model_id).training
    assert (
        training.gpu_hours,
        training.power_watts,
        training.location_based_tco2eq,
        training.market_based_tco2eq,
    ) == TRAINING[model_id]


def test_training_total_row_equals_the_card() -> None:
    total = llama_cards.card().training_total
    assert (total.gpu_hours, total.power_watts) == (7_380_000, None)
    assert (total.location_based_tco2eq, total.market_based_tco2eq) == (1_999, 0)
    assert llama_cards.card().training_hardware == "H100-80GB (TDP of 700W)"


@pytest.mark.parametrize("model_id", REPOS)
def test_huggingface_repositories(model_id: str) -> None:
    repos = llama_cards.model(model_id).huggingface_repos
    assert tuple((r.id, r.variant, r.precision) for r in repos) == REPOS[model_id]
    assert {r.source.document for r in repos} == {"llama-models-sku-list"}


# Meta's registry, llama-models 0.3.0 sku_types.py, Model.max_seq_length.
SEQUENCE_LIMITS = {
    "meta-llama/Llama-4-Scout-17B-16E": 262_144,
    "meta-llama/Llama-4-Scout-17B-16E-Instruct": 10_485_760,
    "meta-llama/Llama-4-Maverick-17B-128E": 262_144,
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct": 1_048_576,
    "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8": 1_048_576,
}


def test_each_checkpoint_has_the_registry_sequence_limit() -> None:
    limits = {
        r.id: r.max_sequence_length for m in llama_cards.models() for r in m.huggingface_repos
    }
    assert limits == SEQUENCE_LIMITS
    for entry in llama_cards.models():
        for repo in entry.huggingface_repos:
            cited = {s.document for s in repo.source_of("max_sequence_length")}
            assert "llama-models-sku-types" in cited


def test_the_registry_document_is_pinned() -> None:
    registry = llama_cards.document("llama-models-sku-list")
    assert (registry.version, registry.url) == (
        "0.3.0",
        "https://pypi.org/project/llama-models/0.3.0/",
    )
    with pytest.raises(LookupError):
        llama_cards.document("llama-stack-sku-list")


@pytest.mark.parametrize(
    ("model_id", "repo", "fits", "over"),
    [
        ("scout", "meta-llama/Llama-4-Scout-17B-16E", 262_144, 262_145),
        ("scout", "meta-llama/Llama-4-Scout-17B-16E-Instruct", 10_485_760, 10_485_761),
        ("maverick", "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", 1_048_576, 1_048_577),
    ],
)
def test_check_context_against_a_checkpoint(model_id: str, repo: str, fits: int, over: int) -> None:
    entry = llama_cards.model(model_id)
    by_record = entry.checkpoint(repo)
    for checkpoint in (repo, repo.upper(), by_record):
        assert entry.fits_context(fits, checkpoint=checkpoint)
        assert not entry.fits_context(over, checkpoint=checkpoint)
        entry.check_context(fits - 1, 1, checkpoint=checkpoint)
    with pytest.raises(llama_cards.ContextLengthExceededError) as raised:
        entry.check_context(over, checkpoint=repo)
    assert raised.value.checkpoint == repo
    assert raised.value.context_length == fits
    assert f"the checkpoint {repo} of {entry.name}" in str(raised.value)
    assert f"maximum sequence length of {fits:,} tokens in Meta's registry" in str(raised.value)


def test_the_card_context_stays_the_default() -> None:
    scout = llama_cards.model("scout")
    assert scout.fits_context(10_000_000)
    assert not scout.fits_context(10_000_001)
    assert scout.fits_context(10_000_001, checkpoint="meta-llama/Llama-4-Scout-17B-16E-Instruct")
    with pytest.raises(
        llama_cards.ContextLengthExceededError, match="context length of 10,000,000"
    ):
        scout.check_context(10_000_001)


def test_a_checkpoint_of_another_model_is_refused() -> None:
    scout = llama_cards.model("scout")
    with pytest.raises(llama_cards.UnknownCheckpointError) as raised:
        scout.fits_context(1, checkpoint="meta-llama/Llama-4-Maverick-17B-128E")
    assert isinstance(raised.value, LookupError)
    assert raised.value.known == (
        "meta-llama/Llama-4-Scout-17B-16E",
        "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    )
    with pytest.raises(llama_cards.ArgumentTypeError, match="a checkpoint is a HuggingFaceRepo"):
        scout.check_context(1, checkpoint=7)  # type: ignore[arg-type]  # the wrong type on purpose


@pytest.mark.parametrize("model_id", QUANTIZATION)
def test_quantization(model_id: str) -> None:
    quantization = llama_cards.model(model_id).quantization
    precisions, note_words = QUANTIZATION[model_id]
    assert quantization.released_precisions == precisions
    for words in note_words:
        assert words in quantization.note


# The seed's "Training, testing and validation" prose prints the token counts without the
# "~" of its spec table ("pretrained on 40 trillion tokens"); the spec table's value is
# served and the prose printing kept: (field, printed, section).
ALTERNATIVE_PRINTINGS = {
    "llama-4-scout": [("training_tokens", "40 trillion", "Training, testing and validation")],
    "llama-4-maverick": [("training_tokens", "22 trillion", "Training, testing and validation")],
}


@pytest.mark.parametrize("model_id", ALTERNATIVE_PRINTINGS)
def test_alternative_printings_are_kept_and_the_spec_table_served(model_id: str) -> None:
    found = llama_cards.model(model_id)
    printings = [
        (p.field, p.printed, p.source.section)
        for p in found.alternative_printings
        if p.source.document == "azure-card"
    ]
    assert printings == ALTERNATIVE_PRINTINGS[model_id]
    assert len(found.alternative_printings) == len(printings)
    assert found.training_tokens.printed.startswith("~")
    assert found.training_tokens.approximate is True
    for printing in found.alternative_printings:
        assert "~" in printing.note
        assert found.training_tokens.printed in printing.note


# Every alias DESIGN.md promises, in the spellings a user types.
ALIASES = [
    ("llama-4-scout", "llama-4-scout"),
    ("LLAMA-4-SCOUT", "llama-4-scout"),
    ("llama_4_scout", "llama-4-scout"),
    ("llama 4 scout", "llama-4-scout"),
    ("scout", "llama-4-scout"),
    ("Scout", "llama-4-scout"),
    ("  scout  ", "llama-4-scout"),
    ("Llama 4 Scout (17Bx16E)", "llama-4-scout"),
    ("Llama 4 Scout", "llama-4-scout"),
    ("Llama 4 Scout 17B 16E Instruct", "llama-4-scout"),
    ("Llama-4-Scout-17B-16E-Instruct", "llama-4-scout"),
    ("Llama-4-Scout-17B-16E", "llama-4-scout"),
    ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama-4-scout"),
    ("meta-llama/Llama-4-Scout-17B-16E", "llama-4-scout"),
    ("META_LLAMA/LLAMA_4_SCOUT_17B_16E_INSTRUCT", "llama-4-scout"),
    ("llama-4-maverick", "llama-4-maverick"),
    ("maverick", "llama-4-maverick"),
    ("MAVERICK", "llama-4-maverick"),
    ("Llama 4 Maverick (17Bx128E)", "llama-4-maverick"),
    ("Llama 4 Maverick", "llama-4-maverick"),
    ("Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick"),
    ("Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick"),
    ("meta-llama/Llama-4-Maverick-17B-128E", "llama-4-maverick"),
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick"),
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick"),
]


@pytest.mark.parametrize(("name", "model_id"), ALIASES)
def test_model_resolves_every_alias(name: str, model_id: str) -> None:
    assert llama_cards.model(name).id == model_id
    # The second call answers from the warm cache and must agree.
    assert llama_cards.model(name) is llama_cards.model(model_id)


UNKNOWN = [
    ("llama-4-behemoth", ()),
    ("scuot", ("llama-4-scout",)),
    ("maverik", ("llama-4-maverick",)),
    ("gpt-4", ()),
    ("", ()),
    ("llama-3.1-405b", ()),
    ("meta-llama/Llama-4-Scout-17B-16E-Instruct-FP8", ()),
]


@pytest.mark.parametrize(("name", "closest"), UNKNOWN)
def test_unknown_names_raise_with_the_closest(name: str, closest: tuple[str, ...]) -> None:
    with pytest.raises(UnknownModelError) as caught:
        llama_cards.model(name)
    error = caught.value
    assert isinstance(error, LookupError)
    assert isinstance(error, LlamaCardsError)
    assert repr(name) in str(error)
    assert "llama-4-scout" in str(error)
    assert "llama-4-maverick" in str(error)
    for expected in closest:
        assert expected in error.closest


@pytest.mark.parametrize("name", [None, 4, 4.0, b"scout", ["scout"], ("scout",)])
def test_model_names_must_be_text(name: object) -> None:
    with pytest.raises(ArgumentTypeError, match="must be a string"):
        llama_cards.model(name)  # type: ignore[arg-type]  # the wrong type is the test


def test_aliases_are_unique_across_models() -> None:
    seen: dict[str, str] = {}
    for entry in llama_cards.models():
        names = [entry.id, entry.name, entry.short_name, *entry.aliases]
        names += [repo.id for repo in entry.huggingface_repos]
        for name in names:
            key = "".join(name.split()).replace("_", "").replace("-", "").casefold()
            assert seen.setdefault(key, entry.id) == entry.id, name


@given(st.text())
def test_model_of_any_text_is_a_model_or_unknown(text: str) -> None:
    try:
        found = llama_cards.model(text)
    except UnknownModelError as error:
        assert quote_input(text.strip()) in str(error)
    except InvalidArgumentError as error:
        # Only a control character inside the name is refused, never removed.
        assert any(unicodedata.category(char) == "Cc" for char in text.strip())
        assert "control character" in str(error)
    else:
        assert isinstance(found, Model)


def _own_card_with_control_characters() -> llama_cards.Card:
    """The shipped card as JSON, with a control character inside a name of Scout and of a
    benchmark row: a card of one's own may hold any text there."""
    raw = json.loads(llama_cards.card().to_json())
    raw["models"][0]["aliases"] = [*raw["models"][0]["aliases"], "Sc\x01out-X"]
    (row,) = (r for r in raw["benchmarks"] if r["id"] == "mmlu" and r["table"] == "pretrained")
    row["name"] = "MM\x01LU-X"
    return llama_cards.Card.from_json(json.dumps(raw))


@pytest.mark.parametrize(
    ("lookup", "spelling"),
    [
        pytest.param(lambda own, name: own.model(name), "Sc\x01out-X", id="model"),
        pytest.param(lambda own, name: own.model(name), "SC\x01OUT-X", id="model-upper"),
        pytest.param(
            lambda own, name: own.score(name, "mmlu", table="pretrained"),
            "Sc\x01out-X",
            id="score",
        ),
        pytest.param(
            lambda own, name: own.score(name, "mmlu", table="pretrained"),
            "sc\x01out-x",
            id="score-lower",
        ),
        pytest.param(
            lambda own, name: own.benchmark(name, table="pretrained"), "MM\x01LU-X", id="benchmark"
        ),
        pytest.param(
            lambda own, name: own.benchmark(name, table="pretrained"),
            "mm\x01lu-x",
            id="benchmark-lower",
        ),
    ],
)
def test_a_control_character_in_a_name_of_the_card_is_still_refused_in_a_query(
    lookup: Any, spelling: str
) -> None:
    # The spellings read before the argument check hold only printable text, so the check
    # refuses a control character whatever names the card itself holds.
    with pytest.raises(InvalidArgumentError, match="control character"):
        lookup(_own_card_with_control_characters(), spelling)


def test_a_name_of_the_card_with_a_control_character_answers_to_its_key() -> None:
    own = _own_card_with_control_characters()
    assert own.model("Scout-X").id == "llama-4-scout"
    assert own.score("scout x", "mmlu", table="pretrained").value == 79.6
    assert own.benchmark("mmlu x", table="pretrained").id == "mmlu"


# (model, prompt_tokens, max_new_tokens, fits)
CONTEXT_CASES = [
    ("scout", 0, 0, True),
    ("scout", 10_000_000, 0, True),
    ("scout", 9_999_999, 1, True),
    ("scout", 10_000_000, 1, False),
    ("scout", 10_000_001, 0, False),
    ("maverick", 1_000_000, 0, True),
    ("maverick", 999_000, 1_000, True),
    ("maverick", 999_000, 1_001, False),
    ("maverick", 5_000_000, 0, False),
    ("maverick", 10**30, 0, False),
]


@pytest.mark.parametrize(("name", "prompt", "new", "fits"), CONTEXT_CASES)
def test_fits_and_check_context(name: str, prompt: int, new: int, fits: bool) -> None:
    found = llama_cards.model(name)
    assert found.fits_context(prompt, max_new_tokens=new) is fits
    if fits:
        found.check_context(prompt, max_new_tokens=new)
    else:
        with pytest.raises(ContextLengthExceededError) as caught:
            found.check_context(prompt, max_new_tokens=new)
        error = caught.value
        assert (error.model, error.context_length, error.requested) == (
            found.name,
            found.context_length,
            prompt + new,
        )
        assert isinstance(error, ValueError)
        assert found.name in str(error)
        assert f"{found.context_length:,}" in str(error)
        assert f"{prompt + new:,}" in str(error)


BAD_COUNTS: list[tuple[object, object, type[Exception], str]] = [
    (-1, 0, InvalidArgumentError, "zero or more"),
    (0, -5, InvalidArgumentError, "zero or more"),
    (1.5, 0, InvalidArgumentError, "whole number"),
    (100.0, 0, InvalidArgumentError, "whole number"),
    (float("nan"), 0, InvalidArgumentError, "whole number"),
    (0, float("inf"), InvalidArgumentError, "whole number"),
    ("100", 0, ArgumentTypeError, "integer"),
    (None, 0, ArgumentTypeError, "integer"),
    (True, 0, ArgumentTypeError, "integer"),
    (0, [1], ArgumentTypeError, "integer"),
]


@pytest.mark.parametrize(("prompt", "new", "error", "words"), BAD_COUNTS)
def test_bad_counts_raise_instead_of_answering(
    prompt: object, new: object, error: type[Exception], words: str
) -> None:
    scout = llama_cards.model("scout")
    with pytest.raises(error, match=words):
        scout.fits_context(prompt, max_new_tokens=new)  # type: ignore[arg-type]  # bad input
    with pytest.raises(error, match=words):
        scout.check_context(prompt, max_new_tokens=new)  # type: ignore[arg-type]  # bad input


@pytest.mark.parametrize(
    ("modality", "accepts", "produces"),
    [("text", True, True), ("image", True, False), ("code", False, True), ("TEXT", True, True)],
)
def test_accepts_and_produces(modality: str, accepts: bool, produces: bool) -> None:
    for found in llama_cards.models():
        assert found.accepts(modality) is accepts
        assert found.produces(modality) is produces


@pytest.mark.parametrize("modality", ["audio", "video", "images", "", "txt"])
def test_unknown_modality_is_an_error(modality: str) -> None:
    with pytest.raises(UnknownModalityError, match="'text', 'image', 'code'"):
        llama_cards.model("scout").accepts(modality)
    with pytest.raises(ValueError, match=repr(modality)):
        llama_cards.model("scout").produces(modality)


FIND_CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({}, ["llama-4-scout", "llama-4-maverick"]),
    ({"min_context": 1_000_000}, ["llama-4-scout", "llama-4-maverick"]),
    ({"min_context": 1_000_001}, ["llama-4-scout"]),
    ({"min_context": 10_000_000}, ["llama-4-scout"]),
    ({"min_context": 10_000_001}, []),
    ({"input_modality": "image"}, ["llama-4-scout", "llama-4-maverick"]),
    ({"input_modality": "code"}, []),
    ({"min_context": 2_000_000, "input_modality": "text"}, ["llama-4-scout"]),
]


@pytest.mark.parametrize(("conditions", "expected"), FIND_CASES)
def test_find_models(conditions: dict[str, Any], expected: list[str]) -> None:
    assert [m.id for m in llama_cards.find_models(**conditions)] == expected


def test_find_models_rejects_bad_conditions() -> None:
    with pytest.raises(InvalidArgumentError):
        llama_cards.find_models(min_context=-1)
    with pytest.raises(UnknownModalityError):
        llama_cards.find_models(input_modality="smell")


@pytest.mark.parametrize(
    "name", ["Llama 4 Scout (17Bx16E)", "meta-llama/Llama-4-Scout-17B-16E", "SCOUT"]
)
def test_benchmark_queries_resolve_model_names_as_model_does(name: str) -> None:
    assert llama_cards.score(name, "mmlu", table="pretrained").model == llama_cards.model(name).id


@pytest.mark.parametrize("name", ["llama.4.scout", "Llama 4 Scout 17Bx16E", "llama_4_scout"])
def test_model_and_benchmark_queries_accept_the_same_spellings(name: str) -> None:
    assert llama_cards.model(name).id == "llama-4-scout"
    assert llama_cards.score(name, "mmlu", table="pretrained").model == "llama-4-scout"


@pytest.mark.parametrize("name", ["llama 4", "scout 2", "llama-4-scouts"])
def test_names_model_refuses_are_refused_by_benchmark_queries_too(name: str) -> None:
    with pytest.raises(UnknownModelError):
        llama_cards.model(name)
    with pytest.raises(UnknownModelError):
        llama_cards.score(name, "mmlu", table="pretrained")


def test_long_names_are_answered_but_not_remembered() -> None:
    padded = "scout" + " " * 10_000
    assert llama_cards.model(padded).id == "llama-4-scout"
    assert llama_cards.model(padded) is llama_cards.model("scout")
