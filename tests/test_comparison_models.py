"""The comparison models' facts from Meta's Llama 3.1 and 3.3 cards, their lookups and checks.

The tables below are written from the two cards (Model Information table, supported
languages, release date, licence line, training table) and from Meta's registry
(llama-models 0.3.0, ``sku_list.py`` and ``sku_types.py``).
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from datetime import date
from typing import Any, Optional

import pytest
from pydantic import ValidationError

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    Card,
    ComparisonModel,
    ContextLengthExceededError,
    InvalidArgumentError,
    InvalidLanguageTagError,
    Quantity,
    Source,
    TrainingRow,
    UnknownModalityError,
    UnknownModelError,
    YearMonth,
)
from shipped import card_document, part_bytes

C31 = "meta-llama-3.1-model-card"
C33 = "meta-llama-3.3-model-card"

# The documents the comparison models' facts are sourced to, as Card.documents lists them.
DOCUMENTS = [
    (C31, "Llama 3.1 model card", "Meta", None),
    (C33, "Llama 3.3 model card", "Meta", None),
    (
        "llama-models-sku-list",
        "llama-models model registry (llama_models/sku_list.py)",
        "Meta",
        "0.3.0",
    ),
    (
        "llama-models-sku-types",
        "llama-models model registry types (llama_models/sku_types.py)",
        "Meta",
        "0.3.0",
    ),
]

IDS = ["llama-3.1-70b", "llama-3.1-405b", "llama-3.3-70b"]

# id: (name, parameters, printed, release date, licence name, licence url)
SPECS = {
    "llama-3.1-70b": (
        "Llama 3.1 70B",
        70_000_000_000,
        "70B",
        date(2024, 7, 23),
        "Llama 3.1 Community License",
        "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE",
    ),
    "llama-3.1-405b": (
        "Llama 3.1 405B",
        405_000_000_000,
        "405B",
        date(2024, 7, 23),
        "Llama 3.1 Community License",
        "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE",
    ),
    "llama-3.3-70b": (
        "Llama 3.3 70B",
        70_000_000_000,
        "70B",
        date(2024, 12, 6),
        "Llama 3.3 Community License Agreement",
        "https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE",
    ),
}

# Supported languages as both cards list them, with the codes the Llama 4 card uses.
LANGUAGES = [
    ("English", "en", "eng", "eng", "eng"),
    ("German", "de", "deu", "ger", "deu"),
    ("French", "fr", "fra", "fre", "fra"),
    ("Italian", "it", "ita", "ita", "ita"),
    ("Portuguese", "pt", "por", "por", "por"),
    ("Hindi", "hi", "hin", "hin", "hin"),
    ("Spanish", "es", "spa", "spa", "spa"),
    ("Thai", "th", "tha", "tha", "tha"),
]

# id: (row, GPU hours, printed, watts, location-based, printed, market-based, unit)
TRAINING = {
    "llama-3.1-70b": ("Llama 3.1 70B", 7_000_000, "7.0M", 700, 2040.0, "2,040", 0.0, "tons CO2eq"),
    "llama-3.1-405b": (
        "Llama 3.1 405B",
        30_840_000,
        "30.84M",
        700,
        8930.0,
        "8,930",
        0.0,
        "tons CO2eq",
    ),
    "llama-3.3-70b": (
        "Llama 3.3 70B",
        7_000_000,
        "7.0M",
        700,
        12.9,
        "12.9",
        0.0,
        "metric tons CO2eq",
    ),
}

# id: [(repository, variant, precision)] as sku_list.py lists them.
REPOS = {
    "llama-3.1-70b": [
        ("meta-llama/Llama-3.1-70B", "pretrained", "bf16"),
        ("meta-llama/Llama-3.1-70B-Instruct", "instruct", "bf16"),
    ],
    "llama-3.1-405b": [
        ("meta-llama/Llama-3.1-405B", "pretrained", "bf16"),
        ("meta-llama/Llama-3.1-405B-FP8", "pretrained", "fp8"),
        ("meta-llama/Llama-3.1-405B-Instruct", "instruct", "bf16"),
        ("meta-llama/Llama-3.1-405B-Instruct-FP8", "instruct", "fp8"),
    ],
    "llama-3.3-70b": [("meta-llama/Llama-3.3-70B-Instruct", "instruct", "bf16")],
}

# id: [(field of the record, served printing, its document, other printing, its document)]
DISAGREEMENTS = {
    "llama-3.1-70b": [
        ("context_length", "128k", C31, "131072", "llama-models-sku-types"),
        ("training_tokens", "15T+", C31, "~15 trillion", C31),
        ("output_modalities", "Multilingual Text and code", C31, "text in/text out", C31),
    ],
    "llama-3.1-405b": [
        ("context_length", "128k", C31, "131072", "llama-models-sku-types"),
        ("training_tokens", "15T+", C31, "~15 trillion", C31),
        ("output_modalities", "Multilingual Text and code", C31, "text in/text out", C31),
    ],
    "llama-3.3-70b": [
        ("context_length", "128k", C33, "131072", "llama-models-sku-types"),
        ("training_tokens", "15T+", C33, "~15 trillion", C33),
        ("output_modalities", "Multilingual Text and code", C33, "text in/text out", C33),
        ("training.gpu_hours", "7.0M", C33, "39.3M", C33),
        ("training.location_based_tco2eq", "12.9", C33, "11,390", C33),
        (
            "license_name",
            "Llama 3.3 Community License Agreement",
            C33,
            "Llama 3.3 Community License",
            C33,
        ),
        (
            "huggingface_repos",
            "meta-llama/Llama-3.3-70B-Instruct",
            "llama-models-sku-list",
            "pretrained and instruction tuned",
            C33,
        ),
    ],
}


def _by_id() -> dict[str, ComparisonModel]:
    return {entry.id: entry for entry in llama_cards.comparison_models()}


def comparison_models() -> tuple[ComparisonModel, ...]:
    return llama_cards.comparison_models()


def _raw_models() -> list[dict[str, Any]]:
    models: list[dict[str, Any]] = json.loads(part_bytes("4", "benchmarks"))["comparison_models"]
    return models


# ------------------------------------------------------------------ the facts


def test_models_are_the_three_columns_in_id_order() -> None:
    assert [entry.id for entry in comparison_models()] == IDS
    assert comparison_models() is llama_cards.card().comparison_models


@pytest.mark.parametrize("model_id", IDS)
def test_specs(model_id: str) -> None:
    name, parameters, printed, released, license_name, license_url = SPECS[model_id]
    entry = _by_id()[model_id]
    assert entry.name == name
    assert (entry.parameters, entry.parameters_printed) == (parameters, printed)
    assert entry.input_modalities == ("text",)
    assert entry.output_modalities == ("text", "code")
    assert entry.input_description == "Multilingual Text"
    assert entry.output_description == "Multilingual Text and code"
    assert (entry.context_length, entry.context_length_printed) == (128_000, "128k")
    assert entry.training_tokens == Quantity(
        value=15_000_000_000_000, approximate=False, printed="15T+", lower_bound=True
    )
    assert int(entry.training_tokens) == 15_000_000_000_000
    assert str(entry.training_tokens) == "15T+"
    assert entry.knowledge_cutoff == YearMonth(2023, 12)
    assert entry.release_date == released
    assert (entry.license_name, entry.license_url) == (license_name, license_url)


def test_llama_4_quantities_are_no_lower_bounds() -> None:
    for llama in llama_cards.models():
        assert llama.training_tokens.lower_bound is False
    assert (
        "lower_bound" not in json.loads(part_bytes("4", "models"))["models"][0]["training_tokens"]
    )


@pytest.mark.parametrize("model_id", IDS)
def test_languages(model_id: str) -> None:
    entry = _by_id()[model_id]
    assert [
        (lang.name, lang.iso639_1, lang.iso639_2t, lang.iso639_2b, lang.iso639_3)
        for lang in entry.languages
    ] == LANGUAGES


def test_language_codes_are_those_of_the_llama_4_languages() -> None:
    llama_4 = {lang.name: lang for lang in llama_cards.languages()}
    for entry in comparison_models():
        for lang in entry.languages:
            assert lang.codes == llama_4[lang.name].codes
            assert lang.codes_source == llama_4[lang.name].codes_source
            assert str(lang) == lang.name


@pytest.mark.parametrize("model_id", IDS)
def test_languages_are_sourced_to_the_llama_3_cards(model_id: str) -> None:
    card = C33 if model_id == "llama-3.3-70b" else C31
    sources = _by_id()[model_id].source_of("languages")
    assert sources
    assert {source.document for source in sources} == {card}


@pytest.mark.parametrize("model_id", IDS)
def test_training_row(model_id: str) -> None:
    row, hours, hours_printed, watts, location, location_printed, market, unit = TRAINING[model_id]
    training = _by_id()[model_id].training
    assert training is not None
    assert (training.row, training.gpu_hours, training.gpu_hours_printed) == (
        row,
        hours,
        hours_printed,
    )
    assert training.power_watts == watts
    assert (training.location_based_tco2eq, training.location_based_printed) == (
        location,
        location_printed,
    )
    assert (training.market_based_tco2eq, training.market_based_printed) == (market, "0")
    assert training.emissions_unit == unit
    card = C33 if model_id == "llama-3.3-70b" else C31
    assert training.source == Source(
        document=card, section=f"Hardware and Software (training table, row {row})"
    )


@pytest.mark.parametrize("model_id", IDS)
def test_huggingface_repos(model_id: str) -> None:
    repos = _by_id()[model_id].huggingface_repos
    assert [(repo.id, repo.variant, repo.precision) for repo in repos] == REPOS[model_id]
    assert {repo.source.document for repo in repos} == {"llama-models-sku-list"}


@pytest.mark.parametrize("model_id", IDS)
def test_disagreements(model_id: str) -> None:
    found = [
        (d.field, d.served, d.served_source.document, d.other, d.other_source.document)
        for d in _by_id()[model_id].disagreements
    ]
    expected = [
        (f"comparison_models[{model_id}].{field}", *rest)
        for field, *rest in DISAGREEMENTS[model_id]
    ]
    assert found == expected
    for disagreement in _by_id()[model_id].disagreements:
        assert isinstance(disagreement, llama_cards.Disagreement)


def test_the_llama_3_3_card_disagrees_with_itself_on_hours_emissions_and_tokens() -> None:
    found = {
        d.field.rsplit("]", 1)[1]: (d.served, str(d.served_source), d.other, str(d.other_source))
        for d in _by_id()["llama-3.3-70b"].disagreements
    }
    assert found[".training.gpu_hours"] == (
        "7.0M",
        f"{C33}, Hardware and Software (training table, row Llama 3.3 70B)",
        "39.3M",
        f"{C33}, Hardware and Software (Training Energy Use)",
    )
    assert found[".training.location_based_tco2eq"] == (
        "12.9",
        f"{C33}, Hardware and Software (training table, row Llama 3.3 70B)",
        "11,390",
        f"{C33}, Hardware and Software (Training Greenhouse Gas Emissions)",
    )
    assert found[".training_tokens"] == (
        "15T+",
        f"{C33}, Model Information (table, row Llama 3.3 (text only))",
        "~15 trillion",
        f"{C33}, Training Data (Overview)",
    )
    assert found[".context_length"][2:] == (
        "131072",
        "llama-models-sku-types, Model.max_seq_length (ModelFamily.llama3_3)",
    )


@pytest.mark.parametrize("model_id", IDS)
def test_a_disagreement_serves_the_printing_the_record_serves(model_id: str) -> None:
    entry = _by_id()[model_id]
    for disagreement in entry.disagreements:
        value: Any = entry
        *parents, last = disagreement.field.removeprefix(f"comparison_models[{model_id}].").split(
            "."
        )
        for part in parents:
            value = getattr(value, part)
        printed = getattr(value, f"{last}_printed", None)
        if last == "training_tokens":
            printed = str(entry.training_tokens)
        if last == "output_modalities":
            printed = entry.output_description
        if last == "license_name":
            printed = entry.license_name
        if last == "huggingface_repos":
            printed = ", ".join(repo.id for repo in entry.huggingface_repos)
        if printed is None:  # a training row keeps each printing under a short name
            printed = {"location_based_tco2eq": value.location_based_printed}[last]
        assert disagreement.served == printed, disagreement.field
        assert disagreement.served != disagreement.other
        assert disagreement.served_source != disagreement.other_source
        assert disagreement.note
        top = disagreement.field.removeprefix(f"comparison_models[{model_id}].").split(".")[0]
        assert disagreement.served_source in entry.source_of(top), disagreement.field


# -------------------------------------------------------- data and sources


def test_documents_are_listed_by_the_card() -> None:
    listed = {d.id: (d.id, d.title, d.publisher, d.version) for d in llama_cards.card().documents}
    for entry in DOCUMENTS:
        assert listed[entry[0]] == entry
        assert llama_cards.document(entry[0]).url


def test_every_source_names_a_document_of_the_card() -> None:
    known = {document.id for document in llama_cards.card().documents}
    for entry in comparison_models():
        documents = {entry.source.document}
        documents |= {s.document for f in entry.field_sources for s in f.sources}
        documents |= {
            s.document for d in entry.disagreements for s in (d.served_source, d.other_source)
        }
        documents |= {repo.source.document for repo in entry.huggingface_repos}
        documents |= {lang.codes_source.document for lang in entry.languages}
        assert entry.training is not None
        documents.add(entry.training.source.document)
        assert documents <= known


def test_only_the_column_names_come_from_the_llama_4_card() -> None:
    for entry in comparison_models():
        assert entry.source.document == "azure-card"
        for listed in entry.field_sources:
            assert all(s.document not in ("azure-card", "meta-model-card") for s in listed.sources)


def test_every_fact_has_its_own_field_source() -> None:
    for entry in comparison_models():
        listed = [item.field for item in entry.field_sources]
        facts = set(type(entry).model_fields) - {
            "name",
            "source",
            "field_sources",
            "disagreements",
        }
        assert sorted(listed) == sorted(facts)


def test_shipped_data_validates_and_equals_the_loaded_records() -> None:
    validated = Card.model_validate_json(card_document("4"))
    assert validated.comparison_models == comparison_models()
    raw = [ComparisonModel.model_validate(entry) for entry in _raw_models()]
    for entry in validated.comparison_models:
        assert entry in raw


def test_a_schema_1_0_document_without_the_new_facts_stays_readable() -> None:
    document = json.loads(card_document("4"))
    document["schema_version"] = "1.0"
    document["comparison_models"] = [
        {"id": entry["id"], "name": entry["name"], "source": entry["source"]}
        for entry in document["comparison_models"]
    ]
    old = Card.from_json(json.dumps(document))
    earlier = old.comparison_model("Llama 3.3 70B")
    assert (earlier.id, earlier.context_length, earlier.languages) == ("llama-3.3-70b", None, ())
    assert earlier.disagreements == ()
    assert earlier.training is None
    assert earlier.supports_language("en") is False
    with pytest.raises(llama_cards.DataIntegrityError, match="gives no context length"):
        earlier.fits_context(1)


def _broken(change: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(card_document("4"))
    first = document["comparison_models"][0]
    if change == "context":
        first["context_length"] = 131_072
    elif change == "parameters":
        first["parameters_printed"] = "8B"
    elif change == "lower bound":
        first["training_tokens"]["lower_bound"] = False
    elif change == "gpu hours":
        first["training"]["gpu_hours"] = 7_100_000
    elif change == "disagreement field":
        first["disagreements"][0]["field"] = "comparison_models[llama-3.1-70b].training.gpus"
    elif change == "disagreement of another":
        first["disagreements"][0]["field"] = "comparison_models[llama-3.3-70b].context_length"
    elif change == "field source":
        first["field_sources"][0]["field"] = "size"
    elif change == "extra":
        first["training"]["unexpected"] = 1
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("context", "context_length is 131072, but its printing '128k' says otherwise"),
        ("parameters", "parameters is 70000000000, but its printing '8B' says otherwise"),
        ("lower bound", r"lower_bound must match a trailing '\+'"),
        ("gpu hours", "gpu_hours is 7100000, but its printing '7.0M' says otherwise"),
        ("disagreement field", "a disagreement names .*training.gpus', not a field"),
        ("disagreement of another", "a disagreement of llama-3.1-70b names"),
        ("field source", "field_sources names 'size', which is not a field"),
        ("extra", "Extra inputs are not permitted"),
    ],
)
def test_validators_refuse_bad_data(change: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Card.model_validate(_broken(change))


def test_a_number_the_cards_would_not_print_is_refused() -> None:
    training = _raw_models()[0]["training"]
    with pytest.raises(ValidationError, match="is not a number as the cards print them"):
        TrainingRow.model_validate({**training, "gpu_hours_printed": "7 M"})


# ----------------------------------------- the benchmark tables' missing reasons


def test_missing_reasons_agree_with_the_facts() -> None:
    models = _by_id()
    benchmarks = {(row.table, row.id): row for row in llama_cards.benchmarks()}
    reasons = {reason.id: reason for reason in llama_cards.card().missing_reasons}
    checked: set[Optional[str]] = set()
    for given in llama_cards.scores():
        if given.missing is None:
            continue
        entry = models[given.model]
        row = benchmarks[(given.table, given.benchmark)]
        checked.add(given.missing)
        if given.missing == "context-window-128k":
            assert entry.context_length == 128_000
            assert reasons[given.missing].printed.endswith("128K")
            scored = [
                llama_cards.model(other.model).context_length
                for other in llama_cards.scores(benchmark=given.benchmark, table=given.table)
                if other.value is not None
            ]
            # The benchmark needs more than 128K: every model scored on it has a longer context.
            assert scored
            assert min(scored) > entry.context_length
            assert not entry.fits_context(min(scored))
        elif given.missing == "no-multimodal-support":
            assert not entry.accepts("image")
            assert "image" in row.input_modalities
        else:  # pragma: no cover - a new reason needs a check here
            pytest.fail(f"no check for the missing reason {given.missing!r}")
    assert checked == {"context-window-128k", "no-multimodal-support"}


def test_every_image_row_is_missing_for_every_comparison_model() -> None:
    models = _by_id()
    for row in llama_cards.benchmarks():
        if "image" not in row.input_modalities:
            continue
        for given in llama_cards.scores(benchmark=row.id, table=row.table):
            if given.model in models:
                assert given.value is None
                assert given.missing == "no-multimodal-support"


def test_every_comparison_model_with_a_value_accepts_the_rows_inputs() -> None:
    models = _by_id()
    benchmarks = {(row.table, row.id): row for row in llama_cards.benchmarks()}
    for given in llama_cards.scores():
        if given.model in models and given.value is not None:
            row = benchmarks[(given.table, given.benchmark)]
            assert all(models[given.model].accepts(m) for m in row.input_modalities)


@pytest.mark.parametrize("model_id", IDS)
@pytest.mark.parametrize(
    ("prompt", "new", "fits"),
    [
        (0, 0, True),
        (128_000, 0, True),
        (127_000, 1_000, True),
        (128_001, 0, False),
        (127_000, 1_001, False),
        (131_072, 0, False),
    ],
)
def test_fits_context(model_id: str, prompt: int, new: int, fits: bool) -> None:
    entry = _by_id()[model_id]
    assert entry.fits_context(prompt, max_new_tokens=new) is fits
    if fits:
        entry.check_context(prompt, max_new_tokens=new)  # no error
    else:
        with pytest.raises(ContextLengthExceededError) as caught:
            entry.check_context(prompt, max_new_tokens=new)
        assert (caught.value.model, caught.value.context_length) == (entry.name, 128_000)
        assert caught.value.requested == prompt + new


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-1, InvalidArgumentError, "prompt_tokens must be zero or more tokens, got -1"),
        (1.5, InvalidArgumentError, "prompt_tokens must be a whole number of tokens"),
        (True, ArgumentTypeError, "prompt_tokens must be an integer number of tokens, got bool"),
        ("10", ArgumentTypeError, "prompt_tokens must be an integer number of tokens, got str"),
    ],
)
@pytest.mark.parametrize("method", ["fits_context", "check_context"])
def test_context_checks_refuse_bad_counts(
    method: str, value: object, error: type[Exception], message: str
) -> None:
    entry = comparison_models()[0]
    with pytest.raises(error, match=message):
        getattr(entry, method)(value)
    with pytest.raises(error, match=message.replace("prompt_tokens", "max_new_tokens")):
        getattr(entry, method)(0, max_new_tokens=value)


@pytest.mark.parametrize(
    ("modality", "accepted", "produced"),
    [
        ("text", True, True),
        ("Text ", True, True),
        ("image", False, False),
        ("code", False, True),
    ],
)
def test_accepts_and_produces(modality: str, accepted: bool, produced: bool) -> None:
    for entry in comparison_models():
        assert entry.accepts(modality) is accepted
        assert entry.produces(modality) is produced


@pytest.mark.parametrize("modality", ["audio", "", "images"])
def test_unknown_modality_is_an_error(modality: str) -> None:
    entry = comparison_models()[0]
    with pytest.raises(UnknownModalityError, match="the card names 'text', 'image', 'code'"):
        entry.accepts(modality)
    with pytest.raises(UnknownModalityError):
        entry.produces(modality)


@pytest.mark.parametrize(
    ("tag", "supported"),
    [
        ("en", True),
        ("EN-us", True),
        ("en_GB", True),
        ("eng", True),
        ("de-AT", True),
        ("ger", True),
        ("deu", True),
        ("fr", True),
        ("fre", True),
        ("fra-CA", True),
        ("it", True),
        ("pt-BR", True),
        ("pt_PT", True),
        ("hi-Latn", True),
        ("es-419", True),
        ("th-TH", True),
        ("French", True),
        (" thai ", True),
        ("Portuguese", True),
        ("en-GB-oed", True),
        ("ar", False),
        ("arb", False),
        ("id", False),
        ("tl", False),
        ("fil", False),
        ("vi", False),
        ("ja-JP", False),
        ("zh-Hant-TW", False),
        ("x-private", False),
        ("i-klingon", False),
        ("und", False),
        ("en-USA", False),  # the extended language subtag 'usa' is the language
    ],
)
def test_supports_language(tag: str, supported: bool) -> None:
    for entry in comparison_models():
        assert entry.supports_language(tag) is supported


def test_supported_languages_agree_with_llama_4_where_they_overlap() -> None:
    for entry in comparison_models():
        for lang in entry.languages:
            for code in lang.codes:
                assert entry.supports_language(code)
                assert llama_cards.supports_language(code)


@pytest.mark.parametrize("tag", ["en--US", "", "pt BR", "français", "Ukrainian"])
def test_supports_language_refuses_what_is_no_tag(tag: str) -> None:
    entry = comparison_models()[2]
    with pytest.raises(
        InvalidLanguageTagError, match="is not a well-formed language tag"
    ) as caught:
        entry.supports_language(tag)
    assert "English name of a language Llama 3.3 70B supports" in str(caught.value)
    assert "Portuguese" in str(caught.value)


@pytest.mark.parametrize("tag", ["Japanese", "Chinese", "Klingon"])
def test_a_word_that_is_a_well_formed_tag_is_answered_as_for_llama_4(tag: str) -> None:
    for entry in comparison_models():
        assert entry.supports_language(tag) is False
        assert entry.supports_language(tag) is llama_cards.supports_language(tag)
    assert llama_cards.model("scout").supports_language(tag) is False


@pytest.mark.parametrize("tag", [None, 1, b"en", ["en"]])
def test_supports_language_refuses_what_is_not_text(tag: object) -> None:
    with pytest.raises(ArgumentTypeError, match="a language tag must be a string"):
        comparison_models()[0].supports_language(tag)  # type: ignore[arg-type]  # the test


@pytest.mark.parametrize(
    ("model_id", "field", "expected"),
    [
        (
            "llama-3.1-405b",
            "release_date",
            [f"{C31}, Model Information (Model Release Date)"],
        ),
        (
            "llama-3.3-70b",
            "release_date",
            [f"{C33}, Model Information (Model Release Date, 70B Instruct)"],
        ),
        (
            "llama-3.3-70b",
            "context_length",
            [f"{C33}, Model Information (table, row Llama 3.3 (text only))"],
        ),
        (
            "llama-3.1-70b",
            "license_name",
            [
                f"{C31}, Model Information (License)",
                f"{C31}, Intended Use (Intended Use Cases)",
            ],
        ),
        (
            "llama-3.1-70b",
            "name",
            [
                "azure-card, Quality and performance evaluations, table Pre-trained models, "
                "column header"
            ],
        ),
        (
            "llama-3.3-70b",
            "disagreements",
            # A field of records is printed where its records' values are.
            [
                "meta-llama-3.3-model-card, Model Information (table, row Llama 3.3 (text only))",
                "llama-models-sku-types, Model.max_seq_length (ModelFamily.llama3_3)",
                "meta-llama-3.3-model-card, Training Data (Overview)",
                "meta-llama-3.3-model-card, Model Information (introduction)",
                "meta-llama-3.3-model-card, Hardware and Software (training table, row Llama 3.3 "
                "70B)",
                "meta-llama-3.3-model-card, Hardware and Software (Training Energy Use)",
                "meta-llama-3.3-model-card, Hardware and Software (Training Greenhouse Gas "
                "Emissions)",
                "meta-llama-3.3-model-card, Model Information (License)",
                "meta-llama-3.3-model-card, Intended Use (Intended Use Cases)",
                "llama-models-sku-list, llama3_3_instruct_models (Llama3.3-70B-Instruct)",
            ],
        ),
    ],
)
def test_source_of(model_id: str, field: str, expected: list[str]) -> None:
    assert [str(source) for source in _by_id()[model_id].source_of(field)] == expected


def test_source_of_an_unknown_field_names_the_fields() -> None:
    with pytest.raises(
        InvalidArgumentError, match="ComparisonModel has no field 'size'; its fields"
    ):
        comparison_models()[0].source_of("size")


def test_source_of_needs_text() -> None:
    with pytest.raises(ArgumentTypeError, match="a field name must be a string"):
        comparison_models()[0].source_of(3)  # type: ignore[arg-type]  # the test


def test_records_are_frozen_and_compare_by_value() -> None:
    entry = comparison_models()[0]
    with pytest.raises(ValidationError):
        entry.context_length = 1  # type: ignore[misc]  # frozen, the test
    again = Card.model_validate_json(card_document("4")).comparison_models[0]
    assert again == entry
    assert hash(again) == hash(entry)
    assert str(entry) == "Llama 3.1 70B"


# ------------------------------------------------------------------- lookups


NAMES = [
    ("llama-3.1-70b", "llama-3.1-70b"),
    ("Llama 3.1 70B", "llama-3.1-70b"),
    ("LLAMA_3.1_70B", "llama-3.1-70b"),
    ("meta-llama/Llama-3.1-70B-Instruct", "llama-3.1-70b"),
    ("Llama-3.1-70B", "llama-3.1-70b"),
    ("llama 3.1 405b", "llama-3.1-405b"),
    ("meta-llama/Llama-3.1-405B-Instruct-FP8", "llama-3.1-405b"),
    ("Llama-3.1-405B-FP8", "llama-3.1-405b"),
    ("Llama 3.3 70B", "llama-3.3-70b"),
    ("llama3.3-70b", "llama-3.3-70b"),
    ("Llama-3.3-70B-Instruct", "llama-3.3-70b"),
]


@pytest.mark.parametrize(("name", "model_id"), NAMES)
def test_comparison_model_resolves_names_like_model(name: str, model_id: str) -> None:
    found = llama_cards.comparison_model(name)
    assert found.id == model_id
    assert llama_cards.comparison_model(found) is found
    assert llama_cards.card().comparison_model(name) is found


@pytest.mark.parametrize(("name", "closest"), [("llama-3.2-70b", "llama-3.1-70b"), ("scout", None)])
def test_comparison_model_of_an_unknown_name(name: str, closest: Optional[str]) -> None:
    with pytest.raises(UnknownModelError) as caught:
        llama_cards.comparison_model(name)
    assert caught.value.known == tuple(IDS)
    if closest is not None:
        assert closest in caught.value.closest


def test_comparison_model_needs_text() -> None:
    with pytest.raises(ArgumentTypeError, match="a comparison model's name must be a string"):
        llama_cards.comparison_model(3)  # type: ignore[arg-type]  # the wrong type is the test


@pytest.mark.parametrize(("name", "model_id"), NAMES)
def test_model_of_a_comparison_name_points_to_comparison_model(name: str, model_id: str) -> None:
    with pytest.raises(UnknownModelError) as caught:
        llama_cards.model(name)
    message = str(caught.value)
    assert "a comparison model of the benchmark tables" in message
    assert f"call comparison_model({model_id!r})" in message
    assert "'llama-4-scout', 'llama-4-maverick'" in message
    assert caught.value.known == ("llama-4-scout", "llama-4-maverick")


def test_find_models_stays_about_llama_4() -> None:
    assert [m.id for m in llama_cards.find_models(input_modality="text")] == [
        "llama-4-scout",
        "llama-4-maverick",
    ]
    assert llama_cards.find_models(language="th")[0].id == "llama-4-scout"


def test_score_queries_take_the_record() -> None:
    older = llama_cards.comparison_model("llama-3.3-70b")
    assert llama_cards.score(older, "mmlu-pro") == llama_cards.score("llama-3.3-70b", "mmlu-pro")
    assert llama_cards.scores(model=older) == llama_cards.scores(model="Llama 3.3 70B")
    assert llama_cards.compare("scout", older) == llama_cards.compare("scout", "llama-3.3-70b")
    assert llama_cards.to_model_index(older) == llama_cards.to_model_index("llama-3.3-70b")
    scout = llama_cards.model("scout")
    assert llama_cards.compare(scout, older).models == ("llama-4-scout", "llama-3.3-70b")
    assert llama_cards.score("meta-llama/Llama-3.3-70B-Instruct", "mmlu-pro").value == 68.9


# ------------------------------------------------------------ compare's specs


SPECS_SHOWN = {
    "llama-4-scout": (
        "Llama 4 Scout (17Bx16E)",
        False,
        10_000_000,
        109_000_000_000,
        YearMonth(2024, 8),
        ("ar", "en", "fr", "de", "hi", "id", "it", "pt", "es", "tl", "th", "vi"),
    ),
    "llama-4-maverick": (
        "Llama 4 Maverick (17Bx128E)",
        False,
        1_000_000,
        400_000_000_000,
        YearMonth(2024, 8),
        ("ar", "en", "fr", "de", "hi", "id", "it", "pt", "es", "tl", "th", "vi"),
    ),
    "llama-3.1-70b": (
        "Llama 3.1 70B",
        True,
        128_000,
        70_000_000_000,
        YearMonth(2023, 12),
        ("en", "de", "fr", "it", "pt", "hi", "es", "th"),
    ),
    "llama-3.1-405b": (
        "Llama 3.1 405B",
        True,
        128_000,
        405_000_000_000,
        YearMonth(2023, 12),
        ("en", "de", "fr", "it", "pt", "hi", "es", "th"),
    ),
    "llama-3.3-70b": (
        "Llama 3.3 70B",
        True,
        128_000,
        70_000_000_000,
        YearMonth(2023, 12),
        ("en", "de", "fr", "it", "pt", "hi", "es", "th"),
    ),
}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("scout", "llama-3.3-70b"),
        ("Llama 3.1 405B", "maverick"),
        ("llama-3.1-70b", "llama-3.3-70b"),
        ("maverick", "scout"),
    ],
)
def test_compare_shows_both_models_specs(a: str, b: str) -> None:
    comparison = llama_cards.compare(a, b)
    assert len(comparison.specs) == 2
    for spec, model_id in zip(comparison.specs, comparison.models):
        assert spec.model == model_id
        assert (
            spec.name,
            spec.comparison_model,
            spec.context_length,
            spec.parameters,
            spec.knowledge_cutoff,
            spec.languages,
        ) == SPECS_SHOWN[model_id]
    assert pickle.loads(pickle.dumps(comparison)).specs == comparison.specs


@pytest.mark.parametrize(
    ("a", "b"),
    [("scout", "scout"), ("scout", "Llama 4 Scout (17Bx16E)"), ("llama-3.3-70b", "Llama 3.3 70B")],
)
def test_compare_needs_two_different_models(a: str, b: str) -> None:
    with pytest.raises(InvalidArgumentError, match="compare\\(\\) needs two different models"):
        llama_cards.compare(a, b)


def test_specs_markdown() -> None:
    lines = llama_cards.compare("llama-3.1-405b", "maverick").specs_markdown().splitlines()
    assert lines[0] == "| Spec | Llama 3.1 405B | Llama 4 Maverick |"
    assert lines[2] == "| Context length (tokens) | 128,000 | 1,000,000 |"
    assert lines[3] == "| Parameters | 405,000,000,000 | 400,000,000,000 |"
    assert lines[4] == "| Knowledge cutoff | 2023-12 | 2024-08 |"


# ------------------------------------------------------------------- budgets


def _modules_after(code: str) -> set[str]:
    script = f"import sys, llama_cards\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_the_first_model_builds_no_comparison_records() -> None:
    loaded = _modules_after("llama_cards.model('scout')")
    assert "llama_cards._benchmarks" not in loaded


def test_the_first_comparison_model_builds_only_the_benchmark_part() -> None:
    loaded = _modules_after("llama_cards.comparison_model('llama-3.3-70b')")
    assert "llama_cards._benchmarks" in loaded
    assert not loaded & {"llama_cards._languages", "llama_cards._license", "llama_cards._card"}


# -------------------------------------------------------------- command line


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from llama_cards import cli

    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_show_of_a_comparison_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "show", "Llama 3.3 70B")
    assert code == 0
    assert out.startswith("Llama 3.3 70B\n  id ")
    assert "128,000 tokens (printed 128k)" in out
    assert "Llama 3.3 Community License Agreement" in out
    assert "is a comparison model of the Llama 4 card" in " ".join(out.split())
    assert "Llama 3.3 model card" in " ".join(out.split())
    code, out, _ = _cli(capsys, "show", "llama-3.1-405b", "--format", "json")
    assert code == 0
    assert json.loads(out) == json.loads(_by_id()["llama-3.1-405b"].model_dump_json())


def test_cli_show_of_an_unknown_name_still_names_the_llama_4_models(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _cli(capsys, "show", "llama-3.2-1b")
    assert (code, out) == (2, "")
    assert "known models are 'llama-4-scout', 'llama-4-maverick'" in err


def test_cli_compare_shows_the_specs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "compare", "scout", "llama-3.3-70b")
    assert code == 0
    rows = [line.split("  ") for line in out.splitlines()]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert ["Specs", "Llama 4 Scout", "Llama 3.3 70B"] in cells
    assert ["context length", "10,000,000 tokens", "128,000 tokens"] in cells
    assert ["knowledge cutoff", "2024-08", "2023-12"] in cells
    code, _, err = _cli(capsys, "compare", "scout", "Llama 4 Scout")
    assert code == 2
    assert "needs two different models" in err
