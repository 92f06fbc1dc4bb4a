"""Field-level provenance: the facts printed apart from their record's own section."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given
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
    _loader,
)
from shipped import card_document

# Where the seed prints each of the card's own facts, and where Meta's upstream card states
# it too: (document id, section), or (document id, section, DERIVED) for a value that no
# document prints, derived from that section.
DERIVED = "derived"
Cited = tuple[str, ...]
DISTRIBUTION = ("azure-card", "Distribution channels (Model Release Date)")
META_RELEASE = ("meta-model-card", "Model Information (Model Release Date)")
WHOLE = ("azure-card", "whole card", DERIVED)
CARD_FIELD_SOURCES: dict[str, list[Cited]] = {
    "schema_version": [WHOLE],
    "documents": [WHOLE],
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

TITLE = ("azure-card", "Heading (title line)")
SCOUT_ROW = ("azure-card", "Technical specs (table, row Llama 4 Scout (17Bx16E))", DERIVED)
MAVERICK_ROW = ("azure-card", "Technical specs (table, row Llama 4 Maverick (17Bx128E))", DERIVED)
MODEL_FIELD_SOURCES: dict[str, dict[str, list[Cited]]] = {
    "llama-4-scout": {
        "id": [SCOUT_ROW],
        # "scout", "Llama 4 Scout 17B 16E Instruct", "Llama 4 Scout 17B 16E"
        "aliases": [
            ("azure-card", "Training time (table, row Llama 4 Scout)", DERIVED),
            TITLE,
            (*TITLE, DERIVED),
        ],
        "short_name": [("azure-card", "Training time (table, row Llama 4 Scout)")],
        "release_date": [DISTRIBUTION, META_RELEASE],
    },
    "llama-4-maverick": {
        "id": [MAVERICK_ROW],
        # "maverick", "Llama 4 Maverick 17B 128E Instruct", "Llama 4 Maverick 17B 128E"
        "aliases": [
            ("azure-card", "Training time (table, row Llama 4 Maverick)", DERIVED),
            (*TITLE, DERIVED),
            (*TITLE, DERIVED),
        ],
        "short_name": [("azure-card", "Training time (table, row Llama 4 Maverick)")],
        "release_date": [DISTRIBUTION, META_RELEASE],
    },
}


def _pairs(sources: tuple[Source, ...]) -> list[Cited]:
    return [
        (source.document, source.section)
        if source.derived is None
        else (source.document, source.section, DERIVED)
        for source in sources
    ]


def _listed(record: Any) -> dict[str, list[Cited]]:
    """Each field that the record lists in its field_sources, with what source_of() says."""
    entries: tuple[FieldSource, ...] = record.field_sources
    return {entry.field: _pairs(record.source_of(entry.field)) for entry in entries}


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
    assert _listed(llama_cards.card()) == CARD_FIELD_SOURCES


@pytest.mark.parametrize("model_id", MODEL_FIELD_SOURCES)
def test_model_field_sources_name_the_sections_that_print_them(model_id: str) -> None:
    assert _listed(llama_cards.model(model_id)) == MODEL_FIELD_SOURCES[model_id]


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


# Fields that hold records name those records' sections (document id, section).
NESTED = {
    "training": {
        "llama-4-scout": [("azure-card", "Training time (table, row Llama 4 Scout)")],
        "llama-4-maverick": [("azure-card", "Training time (table, row Llama 4 Maverick)")],
    },
    "quantization": {
        "llama-4-scout": [("azure-card", "Optimizing model performance")],
        "llama-4-maverick": [("azure-card", "Optimizing model performance")],
    },
    "alternative_printings": {
        "llama-4-scout": [("azure-card", "Training, testing and validation")],
        "llama-4-maverick": [("azure-card", "Training, testing and validation")],
    },
}


@pytest.mark.parametrize("field", NESTED)
def test_model_source_of_a_field_of_records_names_their_sections(field: str) -> None:
    for entry in llama_cards.models():
        assert _pairs(entry.source_of(field)) == NESTED[field][entry.id]


def test_model_source_of_its_checkpoints_is_not_the_spec_table() -> None:
    for entry in llama_cards.models():
        found = entry.source_of("huggingface_repos")
        assert found == tuple(dict.fromkeys(repo.source for repo in entry.huggingface_repos))
        assert all(not s.section.startswith("Technical specs") for s in found)


def test_model_aliases_name_the_title_or_say_how_they_were_derived() -> None:
    for entry in llama_cards.models():
        sources = entry.source_of("aliases")
        assert len(sources) == len(entry.aliases)
        for alias, source in zip(entry.aliases, sources):
            if source.derived is None:
                assert alias == llama_cards.card().title
            else:
                assert repr(alias) in source.derived


CARD_NESTED = {
    "training_total": [("azure-card", "Training time (table, row Total)")],
    "catalogue_specifications": [("azure-card", "Model Specifications")],
    "image_testing": [
        (
            "azure-card",
            "Key capabilities (multi-image understanding); Acceptable use policy, note 2 on images",
        )
    ],
    "license": [("meta-license", "Heading (title and Llama 4 Version Effective Date)")],
}


@pytest.mark.parametrize("field", CARD_NESTED)
def test_card_source_of_a_record_field_names_its_section(field: str) -> None:
    assert _pairs(llama_cards.card().source_of(field)) == CARD_NESTED[field]


def test_card_source_of_the_countries_names_every_list() -> None:
    current = llama_cards.card()
    found = current.source_of("countries")
    documents = {source.document for source in found}
    assert documents == {
        "iso-3166",
        "eu-countries",
        "tfeu-article-355",
        "efta-eea",
        "eu-style-guide",
        "meta-license",
    }
    assert current.source not in found


@pytest.mark.parametrize("field", ["models", "scores", "benchmarks", "languages"])
def test_card_source_of_a_field_of_records_is_theirs_not_the_whole_card(field: str) -> None:
    current = llama_cards.card()
    found = current.source_of(field)
    expected = tuple(dict.fromkeys(r.source for r in getattr(current, field)))
    assert found == expected
    assert current.source not in found


def test_card_source_of_its_own_source_is_the_whole_card() -> None:
    current = llama_cards.card()
    assert current.source_of("source") == (current.source,)
    assert current.source.section == "whole card"


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
@example(" source")
@example("source\x00")
def test_source_of_any_text_is_sources_or_unknown(text: str) -> None:
    scout = llama_cards.model("scout")
    # Whitespace around a field name is stripped, as around every text argument.
    field = text.strip()
    try:
        found = scout.source_of(text)
    except InvalidArgumentError:
        assert field not in type(scout).model_fields
    else:
        assert field in type(scout).model_fields
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
            # Its own sources, or a derivation from the record's sources: one of the two.
            assert bool(entry.sources) != bool(entry.derived), entry.field
            found = record.source_of(entry.field)  # type: ignore[attr-defined]
            assert found, entry.field
            assert len(set(found)) == len(found), entry.field
            for source in found:
                assert source.document in documents, source
                assert source.section.strip(), source


def test_a_derivation_without_sources_applies_to_the_records_own_sources() -> None:
    restriction = llama_cards.license_terms().eu_restriction
    (entry,) = [e for e in restriction.field_sources if e.field == "explanation"]
    assert entry.sources == ()
    assert entry.derived == "our summary of the clause, in our own words"
    found = restriction.source_of("explanation")
    assert [(s.document, s.section) for s in found] == [
        (s.document, s.section) for s in restriction.sources
    ]
    assert {s.derived for s in found} == {entry.derived}


@pytest.mark.parametrize(
    "entry",
    [
        {"field": "id"},
        {"field": "id", "sources": [], "derived": None},
        {"field": "id", "sources": [{"document": "azure-card", "section": "x"}], "derived": "y"},
    ],
)
def test_a_field_source_gives_its_sources_or_a_derivation(entry: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="either its sources or"):
        FieldSource.model_validate(entry)


def test_card_and_model_field_sources_list_the_served_card_first() -> None:
    current = llama_cards.card()
    for listed in (current.field_sources, *(m.field_sources for m in current.models)):
        for entry in listed:
            assert entry.derived or entry.sources[0].document == "azure-card", entry.field


def test_shipped_file_validates_with_the_same_field_sources() -> None:
    validated = Card.model_validate_json(card_document("4"))
    served = llama_cards.card()
    assert validated.field_sources == served.field_sources
    assert [m.field_sources for m in validated.models] == [m.field_sources for m in served.models]
    assert validated == served


def test_field_sources_round_trip_through_json() -> None:
    current = llama_cards.card()
    assert Card.from_json(current.to_json()).field_sources == current.field_sources


# ------------------------------------------------ every field of every record


def _walk(record: BaseModel, inherited: tuple[Source, ...], path: str) -> Iterator[Walked]:
    """(path, record, field, sources) for every field of every record under ``record``.

    A record with no source of its own (a quantity, a document of the list, a group of
    country lists) is answered for by the field of its parent that holds it.
    """
    for name in type(record).model_fields:
        if isinstance(record, (Source, FieldSource)):
            continue  # provenance itself: checked as every other source is, below
        found = record.source_of(name)  # type: ignore[attr-defined]  # every record has it
        yield f"{path}.{name}", record, name, found or inherited
        value = getattr(record, name)
        for index, item in enumerate(value if isinstance(value, tuple) else (value,)):
            if isinstance(item, BaseModel):
                yield from _walk(item, found or inherited, f"{path}.{name}[{index}]")


Walked = tuple[str, BaseModel, str, tuple[Source, ...]]
WALKED: list[Walked] = list(_walk(llama_cards.card(), (), "card"))
# The prompt format is shipped beside the card (token counting reads it) and cites the
# card's documents too.
BESIDE: list[Walked] = list(_walk(_loader.newest().prompt_format, (), "prompt_format"))


def test_the_walk_reaches_every_record_type_of_the_card() -> None:
    kinds = {type(record).__name__ for _, record, _, _ in WALKED}
    assert kinds >= {
        "Card", "Model", "HuggingFaceRepo", "Quantity", "Training", "Quantization",
        "AlternativePrinting", "Document", "CatalogueSpecifications", "BenchmarkTable",
        "ComparisonModel", "MissingReason", "Benchmark", "Footnote", "Discrepancy", "Score",
        "Language", "EquivalentCode", "LanguageName", "LanguageCoverage", "ImageTesting",
        "LicenseTerms", "EuRestriction", "LicenseTerm", "UserThreshold", "Licensor",
        "Obligation", "ProhibitedUse", "PolicyItem", "OutOfScopeUse", "Countries",
        "CountryGroup", "CountryCodeHint",
    }  # fmt: skip
    assert len(WALKED) > 1000


def test_every_field_of_every_record_names_a_listed_section_of_a_known_document() -> None:
    sections = {d.id: set(d.sections) for d in llama_cards.card().documents}
    for path, _, _, found in WALKED:
        assert found, f"{path} names no source"
        for source in found:
            assert source.document in sections, f"{path}: unknown document {source.document!r}"
            assert source.section in sections[source.document], (
                f"{path}: {source.section!r} is not a listed section of {source.document!r}"
            )


def test_every_source_anywhere_names_a_listed_section() -> None:
    sections = {d.id: set(d.sections) for d in llama_cards.card().documents}

    def sources(value: Any) -> Iterator[Source]:
        if isinstance(value, Source):
            yield value
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from sources(getattr(value, name))
        elif isinstance(value, tuple):
            for item in value:
                yield from sources(item)

    every = list(sources(llama_cards.card()))
    assert len(every) > 250
    for source in every:
        assert source.section in sections[source.document], source


def test_each_document_lists_only_sections_that_are_cited_each_once() -> None:
    cited: dict[str, set[str]] = {}
    for _, _, _, found in WALKED + BESIDE:
        for source in found:
            cited.setdefault(source.document, set()).add(source.section)
    for document in llama_cards.card().documents:
        assert len(set(document.sections)) == len(document.sections), document.id
        assert list(document.sections) == sorted(document.sections), document.id
        assert set(document.sections) == cited.get(document.id, set()), document.id


# The values no document prints: (record type, field) -> the words each derivation uses.
DERIVED_FIELDS = {
    ("Card", "schema_version"): "schema",
    ("Card", "documents"): "documents",
    ("Model", "id"): "canonical id",
    ("BenchmarkTable", "id"): "our id",
    ("Benchmark", "id"): "canonical id",
    ("Benchmark", "input_modalities"): "inferred",
    ("ComparisonModel", "id"): "canonical id",
    ("MissingReason", "id"): "our id",
    ("Footnote", "text"): "our summary",
    ("Discrepancy", "note"): "our note",
    ("Quantization", "note"): "our summary",
    ("AlternativePrinting", "note"): "our note",
    ("EquivalentCode", "reason"): "our reason",
    ("LanguageName", "reason"): "our reason",
    ("LicenseTerms", "disclaimer"): "own statement",
    ("LicenseTerm", "id"): "our id",
    ("LicenseTerm", "explanation"): "our summary",
    ("EuRestriction", "id"): "our id",
    ("EuRestriction", "explanation"): "our summary",
    ("UserThreshold", "id"): "our id",
    ("UserThreshold", "explanation"): "our summary",
    ("Licensor", "id"): "our id",
    ("Licensor", "explanation"): "our summary",
    ("Obligation", "id"): "our id",
    ("Obligation", "explanation"): "our summary",
    ("Obligation", "applies_when"): "our summary",
    ("ProhibitedUse", "summary"): "our summary",
    ("ProhibitedUse", "items"): "our summaries",
    ("ProhibitedUse", "position"): "counted by us",
    ("OutOfScopeUse", "id"): "our id",
    ("OutOfScopeUse", "summary"): "our summary",
    ("CountryGroup", "id"): "our id",
    ("CountryGroup", "name"): "our name",
    ("CountryGroup", "member"): "our words",
    ("CountryGroup", "checked"): "we last compared",
    ("CountryCodeHint", "reason"): "our reason",
}


@pytest.mark.parametrize(
    ("kind", "field"), DERIVED_FIELDS, ids=[f"{k}.{f}" for k, f in DERIVED_FIELDS]
)
def test_values_no_document_prints_are_marked_derived_with_how(kind: str, field: str) -> None:
    seen = [
        found
        for _, record, name, found in WALKED
        if type(record).__name__ == kind and name == field
    ]
    assert seen, (kind, field)
    for found in seen:
        assert all(source.derived for source in found), (kind, field, found)
        assert DERIVED_FIELDS[kind, field] in found[0].derived, found[0].derived  # type: ignore[operator]


def test_a_derived_source_prints_its_derivation() -> None:
    (source,) = llama_cards.model("scout").source_of("id")
    assert source.derived is not None
    assert str(source) == (
        "azure-card, Technical specs (table, row Llama 4 Scout (17Bx16E)) (derived: "
        f"{source.derived})"
    )
    assert "derived" in source.model_dump()
    assert "derived" not in llama_cards.model("scout").source.model_dump()


def test_printed_values_are_not_marked_derived() -> None:
    scout = llama_cards.model("scout")
    for field in ["name", "context_length", "training_tokens", "knowledge_cutoff", "release_date"]:
        assert all(source.derived is None for source in scout.source_of(field)), field


@pytest.mark.parametrize("kind", [Source, FieldSource])
def test_equal_provenance_records_of_the_shipped_card_are_one_object(kind: type) -> None:
    # The shipped card builds each distinct source (and field source) once and shares it,
    # as an interned string is shared: most scores of a table name the same section.
    held = [record for record in _records(llama_cards.card()) if type(record) is kind]
    distinct = set(held)
    assert len(held) > len(distinct)  # the card repeats sources: each is built once
    assert len({id(record) for record in held}) == len(distinct)
