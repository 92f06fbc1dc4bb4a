"""json_schema() and Card.from_json() refuse the same documents, and say what is wrong.

Each crafted document is the shipped card with one value broken. A rule about one field is
in the JSON Schema, so both refuse it; a rule across fields cannot be (JSON Schema has no
sums or uniqueness by key), so the schema lets it through, its description lists it, and
from_json() refuses it. Either way the error names the field path and the value.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

import llama_cards
from llama_cards import Card, DataIntegrityError

Document = dict[str, Any]

SCHEMA = llama_cards.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _shipped() -> Document:
    document: Document = json.loads(llama_cards.card().to_json())
    return document


SHIPPED = _shipped()


def _set(path: str, value: object) -> Callable[[Document], None]:
    """A change that puts ``value`` at ``path`` (``models.0.context_length``)."""

    def change(document: Document) -> None:
        *parents, last = path.split(".")
        place: Any = document
        for part in parents:
            place = place[int(part)] if part.isdigit() else place[part]
        if last.isdigit():
            place[int(last)] = value
        else:
            place[last] = value

    return change


def _crafted(change: Callable[[Document], None]) -> Document:
    document = copy.deepcopy(SHIPPED)
    change(document)
    return document


def test_the_shipped_card_passes_both() -> None:
    VALIDATOR.validate(SHIPPED)
    assert Card.from_json(json.dumps(SHIPPED)) == llama_cards.card()


# (field path, a value breaking its rule, the path as the error names it)
ONE_FIELD = [
    ("updated", "2026-13", "updated"),
    ("updated", "2026-00", "updated"),
    ("updated", "0000-01", "updated"),
    ("updated", "2026-3", "updated"),
    ("updated", "２０２６-03", "updated"),
    ("models.0.knowledge_cutoff", "2024-8", "models[0].knowledge_cutoff"),
    ("catalogue_specifications.last_updated", "2026-99", "catalogue_specifications.last_updated"),
    ("documents.0.updated", "March 2026", "documents[0].updated"),
    ("models.0.context_length", -1, "models[0].context_length"),
    ("models.0.context_length", 0, "models[0].context_length"),
    ("models.1.active_parameters", 0, "models[1].active_parameters"),
    ("models.1.experts", -128, "models[1].experts"),
    ("models.0.training.gpu_hours", -5, "models[0].training.gpu_hours"),
    ("models.0.training_tokens.value", -1, "models[0].training_tokens.value"),
    ("catalogue_specifications.context_length", -10, "catalogue_specifications.context_length"),
    (
        "license.user_threshold.monthly_active_users",
        -700,
        "license.user_threshold.monthly_active_users",
    ),
    (
        "license.user_threshold.monthly_active_users",
        0,
        "license.user_threshold.monthly_active_users",
    ),
    ("license.prohibited_uses.0.position", 0, "license.prohibited_uses[0].position"),
    ("image_testing.max_tested_images", 0, "image_testing.max_tested_images"),
    ("benchmarks.0.shots", -1, "benchmarks[0].shots"),
    ("models.0.id", "llama-4-behemoth", "models[0].id"),
    ("benchmarks.0.id", "mmlu-redux", "benchmarks[0].id"),
    ("benchmarks.0.table", "post-trained", "benchmarks[0].table"),
    ("scores.0.model", "llama-2-70b", "scores[0].model"),
    ("scores.0.table", "base", "scores[0].table"),
    ("models.0.input_modalities.0", "audio", "models[0].input_modalities[0]"),
    ("models.0.huggingface_repos.0.precision", "fp4", "models[0].huggingface_repos[0].precision"),
    ("release_date", "2025-02-30", "release_date"),
    ("release_date", "April 2025", "release_date"),
    ("license.effective_date", "2025-13-01", "license.effective_date"),
]


@pytest.mark.parametrize(
    ("path", "value", "named"), ONE_FIELD, ids=[f"{p}={v!r}" for p, v, _ in ONE_FIELD]
)
def test_a_broken_one_field_rule_is_refused_by_both(path: str, value: object, named: str) -> None:
    document = _crafted(_set(path, value))
    assert not VALIDATOR.is_valid(document), f"the schema lets {path}={value!r} through"
    with pytest.raises(DataIntegrityError) as caught:
        Card.from_json(json.dumps(document))
    message = str(caught.value)
    assert f"{named}:" in message
    assert repr(value) in message


def _swap_active_and_total(document: Document) -> None:
    model = document["models"][1]
    model["active_parameters"] = model["total_parameters"] + 1


def _training_total_off_by_one(document: Document) -> None:
    document["training_total"]["gpu_hours"] += 1


def _duplicate_score(document: Document) -> None:
    document["scores"].append(copy.deepcopy(document["scores"][0]))


def _drop_score(document: Document) -> None:
    del document["scores"][-1]


def _colliding_alias(document: Document) -> None:
    document["models"][1]["aliases"].append("Scout")


def _subtask_not_of_the_row(document: Document) -> None:
    document["scores"][0]["subtask"] = "eng->fra"


CROSS_FIELD = [
    (
        _swap_active_and_total,
        "models[1]: active_parameters 400000000001 is above total_parameters 400000000000",
    ),
    (
        _training_total_off_by_one,
        "training_total.gpu_hours is 7380001, but the models' training rows sum to 7380000",
    ),
    (_duplicate_score, "scores[80] repeats scores[0]"),
    (_drop_score, "scores has no cell for"),
    (
        _colliding_alias,
        "models[1] (llama-4-maverick) is named 'Scout', which is already a name of 'llama-4-scout'",
    ),
    (_subtask_not_of_the_row, "scores[0].subtask is 'eng->fra'"),
]


@pytest.mark.parametrize(
    ("change", "expected"), CROSS_FIELD, ids=[c.__name__ for c, _ in CROSS_FIELD]
)
def test_a_broken_rule_across_fields_is_refused_by_from_json(
    change: Callable[[Document], None], expected: str
) -> None:
    document = _crafted(change)
    assert VALIDATOR.is_valid(document)  # JSON Schema cannot say it: the description does
    with pytest.raises(DataIntegrityError) as caught:
        Card.from_json(json.dumps(document))
    assert expected in str(caught.value)


def test_the_schema_description_lists_every_rule_across_fields() -> None:
    description = str(SCHEMA["description"])
    for rule in [
        "every source names a document",
        "exactly one cell for each model column",
        "`training_total` is the sum",
        "`active_parameters` are at most its `total_parameters`",
        "no two models share a name",
    ]:
        assert rule in description, rule


def test_the_data_page_lists_the_rules_across_fields_too() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    for line in (
        str(SCHEMA["description"])
        .split("cannot state and Card.from_json() checks:\n")[1]
        .splitlines()
    ):
        assert line in page, line


def test_a_long_value_is_quoted_short() -> None:
    document = _crafted(_set("updated", "9" * 5000))
    with pytest.raises(DataIntegrityError) as caught:
        Card.from_json(json.dumps(document))
    assert len(str(caught.value)) < 400
    assert "updated:" in str(caught.value)


# --- the rules of subclasses: pydantic's order for @model_validator(mode="after")


def _too_many_active() -> dict[str, Any]:
    entry: dict[str, Any] = json.loads(llama_cards.card().to_json())["models"][0]
    entry["active_parameters"] = entry["total_parameters"] + 1
    return entry


def test_a_subclass_rule_adds_to_the_rules_it_inherits() -> None:
    ran: list[str] = []

    class Checked(llama_cards.Model):
        def _record_rules(self) -> None:
            ran.append(self.id)

    with pytest.raises(ValueError, match="is above total_parameters"):
        Checked.model_validate(_too_many_active())
    assert ran == []  # the inherited rule refused the record first
    fine = json.loads(llama_cards.card().to_json())["models"][0]
    assert Checked.model_validate(fine).id == "llama-4-scout"
    assert ran == ["llama-4-scout"]


def test_a_subclass_validator_sees_a_record_that_passed_the_inherited_rules() -> None:
    from pydantic import model_validator

    seen: list[bool] = []

    class Validated(llama_cards.Model):
        @model_validator(mode="after")
        def _mine(self) -> Validated:
            seen.append(self.active_parameters <= self.total_parameters)
            return self

    with pytest.raises(ValueError, match="is above total_parameters"):
        Validated.model_validate(_too_many_active())
    assert seen == []


def test_a_record_rules_run_once_whatever_schema_was_built_first() -> None:
    ran: list[str] = []

    class Counted(llama_cards.FieldSource):
        def _record_rules(self) -> None:
            ran.append(self.field)

    class Holder(llama_cards.AlternativePrinting):
        field_sources: tuple[Counted, ...] = ()

    given = {"field": "note", "derived": "ours"}
    Counted.model_validate(given)  # its schema first, then one that holds it
    assert ran == ["note"]
    printing: dict[str, Any] = {"field": "f", "printed": "p", "note": "n"}
    printing["field_sources"] = [given]
    printing["source"] = {"document": "azure-card", "section": "s"}
    Holder.model_validate(printing)
    assert ran == ["note", "note"]
