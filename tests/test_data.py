"""The shipped data checked against itself, one named invariant per test."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import llama_cards
from llama_cards import Card, Source
from shipped import BESIDE_CARD, PARTS, SHIPPED_SHA256, card_document, part_bytes


def _shipped_bytes(version: str) -> bytes:
    return card_document(version)


def _records(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _records(item)


def test_pin_table_is_oldest_first() -> None:
    from packaging.version import Version

    versions = list(SHIPPED_SHA256)
    assert versions == sorted(versions, key=Version)


@pytest.mark.parametrize("version", sorted(SHIPPED_SHA256))
def test_every_part_matches_its_pinned_sha256(version: str) -> None:
    assert set(SHIPPED_SHA256[version]) == set(PARTS) | set(BESIDE_CARD)
    for part, pinned in SHIPPED_SHA256[version].items():
        digest = hashlib.sha256(part_bytes(version, part)).hexdigest()
        assert digest == pinned, (
            f"the {part} data file changed: run `python tools/pin_data.py --write`"
        )


@pytest.mark.parametrize("version", sorted(SHIPPED_SHA256))
def test_the_parts_hold_every_card_field_once(version: str) -> None:
    held = [field for fields in PARTS.values() for field in fields]
    assert sorted(held) == sorted(Card.model_fields)
    for part, fields in PARTS.items():
        assert list(json.loads(part_bytes(version, part))) == list(fields)


@pytest.mark.parametrize("version", sorted(SHIPPED_SHA256))
def test_shipped_file_validates_and_loads_to_the_same_card(version: str) -> None:
    validated = Card.model_validate_json(_shipped_bytes(version))
    served = llama_cards.card(version)
    assert validated == served
    assert validated.model_dump() == served.model_dump()
    assert validated.fingerprint == served.fingerprint


def test_shipped_file_has_no_duplicate_keys() -> None:
    def refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    for part in PARTS:
        json.loads(part_bytes("4", part), object_pairs_hook=refuse_duplicates)


def test_extra_field_is_refused_by_the_schema() -> None:
    data = json.loads(_shipped_bytes("4"))
    data["training_total"]["water_litres"] = 0
    with pytest.raises(ValidationError, match="water_litres"):
        Card.model_validate(data)


def test_every_source_names_a_known_document() -> None:
    current = llama_cards.card()
    documents = {document.id for document in current.documents}
    sources = [r for r in _records(current) if isinstance(r, Source)]
    assert sources
    assert {s.document for s in sources} <= documents
    assert all(s.section.strip() for s in sources)


def test_document_ids_are_unique() -> None:
    ids = [document.id for document in llama_cards.card().documents]
    assert len(ids) == len(set(ids))


def test_training_total_equals_the_sum_of_rows() -> None:
    current = llama_cards.card()
    rows = [m.training for m in current.models]
    total = current.training_total
    assert sum(r.gpu_hours for r in rows) == total.gpu_hours
    assert sum(r.location_based_tco2eq for r in rows) == total.location_based_tco2eq
    assert sum(r.market_based_tco2eq for r in rows) == total.market_based_tco2eq


def test_active_parameters_at_most_total() -> None:
    for entry in llama_cards.models():
        assert 0 < entry.active_parameters <= entry.total_parameters


def test_experts_match_the_printed_name() -> None:
    for entry in llama_cards.models():
        assert f"x{entry.experts}E)" in entry.name


def test_context_length_matches_its_printed_form() -> None:
    scale = {"K": 1_000, "M": 1_000_000, "B": 1_000_000_000}
    for entry in llama_cards.models():
        printed = entry.context_length_printed
        assert entry.context_length == int(float(printed[:-1]) * scale[printed[-1]])


def test_training_tokens_match_their_printed_form() -> None:
    for entry in llama_cards.models():
        tokens = entry.training_tokens
        assert tokens.approximate is tokens.printed.startswith("~")
        assert tokens.printed.endswith("T")
        assert tokens.value == int(float(tokens.printed.lstrip("~")[:-1]) * 10**12)


def test_catalogue_context_length_is_scouts() -> None:
    current = llama_cards.card()
    assert current.catalogue_specifications.context_length == current.model("scout").context_length


def test_model_ids_and_names_are_unique() -> None:
    entries = llama_cards.models()
    assert len({m.id for m in entries}) == len({m.name for m in entries}) == len(entries)


def test_each_model_has_one_instruct_and_one_pretrained_bf16_repo() -> None:
    for entry in llama_cards.models():
        bf16 = [r for r in entry.huggingface_repos if r.precision == "bf16"]
        assert sorted(r.variant for r in bf16) == ["instruct", "pretrained"]
        assert all(r.id.startswith("meta-llama/Llama-4-") for r in entry.huggingface_repos)


def test_released_precisions_match_the_repositories() -> None:
    for entry in llama_cards.models():
        repos = {r.precision for r in entry.huggingface_repos}
        assert repos == set(entry.quantization.released_precisions)


def test_alternative_printings_name_a_model_field_and_print_the_same_value() -> None:
    fields = set(llama_cards.Model.model_fields)
    for entry in llama_cards.models():
        for printing in entry.alternative_printings:
            assert printing.field in fields
            assert printing.field != "alternative_printings"
            if printing.field == "training_tokens":
                number, unit = printing.printed.split()
                assert unit == "trillion"
                assert int(number) * 10**12 == entry.training_tokens.value
            assert printing.printed != str(getattr(entry, printing.field))
