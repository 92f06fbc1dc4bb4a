"""Field-level provenance: the facts printed apart from their record's own section."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    Card,
    FieldSource,
    InvalidArgumentError,
    LlamaCardsError,
    Source,
)
from shipped import card_document

# Where the seed prints each of the card's own facts, and where Meta's upstream card states
# it too (document id, section).
DISTRIBUTION = ("azure-card", "Distribution channels (Model Release Date)")
META_RELEASE = ("meta-model-card", "Model Information (Model Release Date)")
CARD_FIELD_SOURCES = {
    "title": [("azure-card", "Heading (title line)")],
    "version": [("azure-card", "Heading (Version line)")],
    "catalogue": [("azure-card", "Heading (collection line)")],
    "provider": [("azure-card", "Model Specifications (Provider)")],
    "model_developer": [
        ("azure-card", "Technical specs (Model developer)"),
        ("meta-model-card", "Model Information (Model developer)"),
    ],
    "updated": [("azure-card", "Model Specifications (Last Updated)")],
    "release_date": [DISTRIBUTION, META_RELEASE],
    "deployment_options": [("azure-card", "Catalogue introduction (Flexible deployment)")],
    "license_name": [
        ("azure-card", "Use cases (Key use cases)"),
        ("meta-model-card", "Intended Use (Intended Use Cases)"),
    ],
    "training_hardware": [
        ("azure-card", "Training time"),
        ("meta-model-card", "Hardware and Software (Training Energy Use)"),
    ],
}

MODEL_FIELD_SOURCES = {
    "llama-4-scout": {
        "short_name": [("azure-card", "Training time (table, row Llama 4 Scout)")],
        "release_date": [DISTRIBUTION, META_RELEASE],
    },
    "llama-4-maverick": {
        "short_name": [("azure-card", "Training time (table, row Llama 4 Maverick)")],
        "release_date": [DISTRIBUTION, META_RELEASE],
    },
}


def _pairs(sources: tuple[Source, ...]) -> list[tuple[str, str]]:
    return [(source.document, source.section) for source in sources]


def _listed(entries: tuple[FieldSource, ...]) -> dict[str, list[tuple[str, str]]]:
    return {entry.field: _pairs(entry.sources) for entry in entries}


def _records(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _records(item)


def _with_field_sources() -> list[BaseModel]:
    return [r for r in _records(llama_cards.card()) if "field_sources" in type(r).model_fields]


# ------------------------------------------------------------------ the tables


def test_card_field_sources_name_the_sections_that_print_them() -> None:
    assert _listed(llama_cards.card().field_sources) == CARD_FIELD_SOURCES


@pytest.mark.parametrize("model_id", MODEL_FIELD_SOURCES)
def test_model_field_sources_name_the_sections_that_print_them(model_id: str) -> None:
    assert _listed(llama_cards.model(model_id).field_sources) == MODEL_FIELD_SOURCES[model_id]


@pytest.mark.parametrize("field", CARD_FIELD_SOURCES)
def test_card_source_of_a_listed_field(field: str) -> None:
    assert _pairs(llama_cards.card().source_of(field)) == CARD_FIELD_SOURCES[field]


def test_release_dates_are_not_cited_to_the_spec_table() -> None:
    for entry in llama_cards.models():
        sections = [source.section for source in entry.source_of("release_date")]
        assert not any(section.startswith("Technical specs") for section in sections)
        assert _pairs(entry.source_of("release_date"))[0] == DISTRIBUTION


@pytest.mark.parametrize(
    "field", ["name", "context_length", "training_tokens", "knowledge_cutoff", "experts"]
)
def test_model_source_of_an_unlisted_field_is_the_spec_table_row(field: str) -> None:
    for entry in llama_cards.models():
        assert entry.source_of(field) == (entry.source,)
        assert entry.source.section.startswith("Technical specs (table, row ")


def test_card_source_of_an_unlisted_field_is_the_whole_card() -> None:
    current = llama_cards.card()
    assert current.source_of("schema_version") == (current.source,)


# ------------------------------------------------------------------- bad input


def test_whitespace_around_a_field_name_is_stripped_and_control_characters_refused() -> None:
    scout = llama_cards.model("scout")
    assert scout.source_of(" id\n") == scout.source_of("id")
    with pytest.raises(InvalidArgumentError, match="control character"):
        scout.source_of("id\x00")


@pytest.mark.parametrize("field", ["release", "Release_Date", "", "context length", "i d"])
def test_unknown_field_names_the_fields(field: str) -> None:
    scout = llama_cards.model("scout")
    with pytest.raises(InvalidArgumentError) as caught:
        scout.source_of(field)
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, LlamaCardsError)
    assert f"Model has no field {field!r}" in message
    assert "release_date" in message
    assert "context_length" in message
    with pytest.raises(InvalidArgumentError) as caught:
        llama_cards.card().source_of(field)
    assert f"Card has no field {field!r}" in str(caught.value)
    assert "title" in str(caught.value)
    assert "training_hardware" in str(caught.value)


@pytest.mark.parametrize("field", [None, 3, b"release_date", ("release_date",)])
def test_field_name_must_be_text(field: object) -> None:
    with pytest.raises(ArgumentTypeError, match="field name must be a string"):
        llama_cards.model("maverick").source_of(field)  # type: ignore[arg-type]  # bad input
    with pytest.raises(ArgumentTypeError, match="field name must be a string"):
        llama_cards.card().source_of(field)  # type: ignore[arg-type]  # bad input


@given(st.text(max_size=30))
def test_source_of_any_text_is_sources_or_unknown(text: str) -> None:
    scout = llama_cards.model("scout")
    try:
        found = scout.source_of(text)
    except InvalidArgumentError:
        assert text not in type(scout).model_fields
    else:
        assert text in type(scout).model_fields
        assert found
        assert all(isinstance(source, Source) for source in found)


# ------------------------------------------------------- the data against itself


def test_every_field_source_names_a_real_field_of_its_record() -> None:
    records = _with_field_sources()
    assert {type(r).__name__ for r in records} >= {"Card", "Model", "LicenseTerms"}
    for record in records:
        fields = set(type(record).model_fields) - {"source", "field_sources"}
        for entry in record.field_sources:  # type: ignore[attr-defined]  # checked above
            assert entry.field in fields, (type(record).__name__, entry.field)


def test_no_field_is_listed_twice() -> None:
    for record in _with_field_sources():
        names = [entry.field for entry in record.field_sources]  # type: ignore[attr-defined]
        assert len(names) == len(set(names)), names


def test_every_field_source_names_a_known_document_and_a_section() -> None:
    documents = {document.id for document in llama_cards.card().documents}
    for record in _with_field_sources():
        for entry in record.field_sources:  # type: ignore[attr-defined]  # checked above
            assert entry.sources, entry.field
            assert len(set(entry.sources)) == len(entry.sources), entry.field
            for source in entry.sources:
                assert source.document in documents, source
                assert source.section.strip(), source


def test_card_and_model_field_sources_list_the_served_card_first() -> None:
    current = llama_cards.card()
    for listed in (current.field_sources, *(m.field_sources for m in current.models)):
        for entry in listed:
            assert entry.sources[0].document == "azure-card", entry.field


def test_shipped_file_validates_with_the_same_field_sources() -> None:
    validated = Card.model_validate_json(card_document("4"))
    served = llama_cards.card()
    assert validated.field_sources == served.field_sources
    assert [m.field_sources for m in validated.models] == [m.field_sources for m in served.models]
    assert validated == served


def test_field_sources_round_trip_through_json() -> None:
    current = llama_cards.card()
    assert Card.from_json(current.to_json()).field_sources == current.field_sources
