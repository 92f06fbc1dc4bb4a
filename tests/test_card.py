"""The card record, its versions, its fingerprint and its JSON form."""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    Card,
    CardVersionError,
    DataIntegrityError,
    InvalidVersionSpecError,
    LlamaCardsError,
    SchemaVersionError,
    YearMonth,
)


def test_card_record_equals_the_card() -> None:
    current = llama_cards.card()
    assert current.title == "Llama 4 Scout 17B 16E Instruct"
    assert current.version == Version("4")
    assert isinstance(current.version, Version)
    assert (current.updated.year, current.updated.month) == (2026, 3)
    assert str(current.updated) == "2026-03"
    assert current.release_date == datetime.date(2025, 4, 5)
    assert current.provider == "Meta"
    assert current.model_developer == "Meta"
    assert current.deployment_options == ("Managed Compute", "Serverless API")
    assert current.license_name == "Llama 4 Community License"
    assert "Azure AI Foundry" in current.catalogue
    assert current.source.document == "azure-card"


def test_catalogue_specifications_equal_the_card() -> None:
    box = llama_cards.card().catalogue_specifications
    assert box.context_length == 10_000_000
    assert box.license == "Custom"
    assert box.training_data == "August 2024"
    assert box.last_updated == YearMonth(2026, 3)
    assert box.input_types == ("Text", "Image")
    assert box.output_types == ("Text",)
    assert box.provider == "Meta"
    assert box.languages == "12 Languages"


def test_cards_are_oldest_first_and_newest_is_the_default() -> None:
    shipped = llama_cards.cards()
    assert [str(c.version) for c in shipped] == ["4"]
    assert shipped[-1] is llama_cards.card()
    assert llama_cards.card("4") is llama_cards.card()
    assert llama_cards.card("4.0") is llama_cards.card()


@pytest.mark.parametrize("spec", [">=4", "==4", "~=4.0", "==4.*", ">3,<5", "", ">=4.0.0rc1"])
def test_require_card_satisfied(spec: str) -> None:
    assert llama_cards.require_card(spec) is llama_cards.card()


@pytest.mark.parametrize("spec", [">=5", "<4", "==3.*", "!=4"])
def test_require_card_unsatisfied(spec: str) -> None:
    with pytest.raises(CardVersionError) as caught:
        llama_cards.require_card(spec)
    assert isinstance(caught.value, LookupError)
    assert repr(spec) in str(caught.value)
    assert "'4'" in str(caught.value)


@pytest.mark.parametrize("spec", ["four", ">=>4", "4", "=4", ">= four"])
def test_require_card_malformed(spec: str) -> None:
    with pytest.raises(InvalidVersionSpecError, match="PEP 440 version specifier") as caught:
        llama_cards.require_card(spec)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("version", "error"), [("5", CardVersionError), ("3.1", CardVersionError)])
def test_card_unknown_version(version: str, error: type[Exception]) -> None:
    with pytest.raises(error, match="shipped versions are '4'"):
        llama_cards.card(version)


@pytest.mark.parametrize("version", ["four", "4..0", "v-4-x"])
def test_card_malformed_version(version: str) -> None:
    with pytest.raises(InvalidVersionSpecError, match="not a PEP 440 version"):
        llama_cards.card(version)


@pytest.mark.parametrize("value", [4, 4.0, ["4"]])
def test_card_version_wrong_type(value: object) -> None:
    with pytest.raises(ArgumentTypeError):
        llama_cards.card(value)  # type: ignore[arg-type]  # the wrong type is the test
    with pytest.raises(ArgumentTypeError):
        llama_cards.require_card(value)  # type: ignore[arg-type]  # the wrong type is the test


def _canonical_sha256(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_fingerprint_is_the_sha256_of_the_canonical_data() -> None:
    current = llama_cards.card()
    assert current.fingerprint == _canonical_sha256(json.loads(current.to_json()))
    assert len(current.fingerprint) == 64


def test_fingerprint_is_stable_across_processes() -> None:
    code = "import llama_cards; print(llama_cards.card().fingerprint)"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert runs == {llama_cards.card().fingerprint}


def test_json_round_trip_is_exact() -> None:
    current = llama_cards.card()
    text = current.to_json()
    again = Card.from_json(text)
    assert again == current
    assert again.fingerprint == current.fingerprint
    assert again.to_json() == text
    assert json.loads(text)["schema_version"] == llama_cards.SCHEMA_VERSION
    assert Card.from_json(current.to_json(indent=2)) == current
    assert Card.from_json(text.encode("utf-8")) == current


def _card_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(llama_cards.card().to_json())
    return data


@pytest.mark.parametrize("schema_version", ["2.0", "0.9", "10.1"])
def test_from_json_refuses_another_schema_major(schema_version: str) -> None:
    data = _card_data()
    data["schema_version"] = schema_version
    with pytest.raises(SchemaVersionError, match=f"uses schema {schema_version}"):
        Card.from_json(json.dumps(data))


# The card as release 0.1.0 shipped it, in schema 1.0.
SCHEMA_1_0 = Path(__file__).parent / "documents" / "card-4-schema-1.0.json"


def test_the_release_names_its_schema() -> None:
    assert llama_cards.__version__ == "0.2.0"
    assert llama_cards.SCHEMA_VERSION == "1.1"
    assert llama_cards.card().schema_version == "1.1"


def test_from_json_reads_a_schema_1_0_document() -> None:
    text = SCHEMA_1_0.read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == "1.0"
    old = Card.from_json(text)
    assert old.schema_version == llama_cards.SCHEMA_VERSION  # read as this schema
    assert old.model("scout").context_length == 10_000_000
    assert old.score("maverick", "mmlu-pro", table="instruct").value == 80.5
    # Fields added in 1.1 take their defaults.
    assert {document.sections for document in old.documents} == {()}
    assert old.license.eu_restriction.withholds is None
    assert old.license.eu_restriction.clause == "Section 1(a)"
    assert old.benchmark("mmlu", table="pretrained").field_sources == ()
    assert Card.from_json(old.to_json()) == old


@pytest.mark.parametrize("minor", ["2", "10", "99"])
def test_from_json_refuses_a_newer_minor_as_a_version_not_as_damage(minor: str) -> None:
    data = _card_data()
    major = llama_cards.SCHEMA_VERSION.split(".")[0]
    data["schema_version"] = f"{major}.{minor}"
    data["models"][0]["a_field_of_the_newer_minor"] = 1  # what a newer minor may add
    with pytest.raises(SchemaVersionError) as caught:
        Card.from_json(json.dumps(data))
    assert not isinstance(caught.value, DataIntegrityError)
    assert str(caught.value) == (
        f"card JSON uses schema {major}.{minor}, newer than this release reads (it reads "
        f"{major}.0 to {llama_cards.SCHEMA_VERSION}); upgrade llama-cards to a release newer "
        f"than {llama_cards.__version__} (pip install --upgrade llama-cards)"
    )


@pytest.mark.parametrize(
    "schema_version", ["1", "1.x", "v1.1", "1.1.0", " 1.1", "", "1." + "0" * 200]
)
def test_from_json_refuses_a_malformed_schema_version(schema_version: str) -> None:
    data = _card_data()
    data["schema_version"] = schema_version
    with pytest.raises(SchemaVersionError, match=r"which is not MAJOR\.MINOR"):
        Card.from_json(json.dumps(data))


def test_another_major_names_the_release_to_install() -> None:
    data = _card_data()
    data["schema_version"] = "2.0"
    with pytest.raises(SchemaVersionError, match=r"release for schema 2\.x \(newer than 0\.2\.0\)"):
        Card.from_json(json.dumps(data))


@pytest.mark.parametrize("payload", ["[]", "{}", '{"schema_version": 1}', "null"])
def test_from_json_without_schema_version(payload: str) -> None:
    with pytest.raises(SchemaVersionError, match="no schema_version"):
        Card.from_json(payload)


def test_from_json_refuses_an_extra_field() -> None:
    data = _card_data()
    data["models"][0]["context_window"] = 1
    with pytest.raises(DataIntegrityError, match="context_window"):
        Card.from_json(json.dumps(data))


def test_from_json_refuses_a_wrong_type() -> None:
    data = _card_data()
    data["models"][1]["context_length"] = "one million"
    with pytest.raises(DataIntegrityError, match="context_length"):
        Card.from_json(json.dumps(data))


@pytest.mark.parametrize("payload", ["{", "", "not json", '{"schema_version": "1.0",}'])
def test_from_json_refuses_broken_json(payload: str) -> None:
    with pytest.raises(DataIntegrityError, match="not valid JSON"):
        Card.from_json(payload)


def test_from_json_wrong_type() -> None:
    with pytest.raises(ArgumentTypeError, match="JSON text"):
        Card.from_json(_card_data())  # type: ignore[arg-type]  # the wrong type is the test


def test_json_schema_describes_the_card() -> None:
    schema: dict[str, Any] = dict(llama_cards.json_schema())
    assert schema["title"] == "Card"
    assert set(schema["required"]) >= {"schema_version", "version", "models", "updated"}
    assert schema["properties"]["version"]["type"] == "string"
    assert schema["properties"]["updated"]["pattern"] == r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$"
    assert schema["additionalProperties"] is False
    assert "Model" in schema["$defs"]
    json.dumps(schema)


def test_errors_share_one_base() -> None:
    for name in llama_cards.__all__:
        value = getattr(llama_cards, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, LlamaCardsError), name
            assert value is LlamaCardsError or issubclass(
                value, (LookupError, ValueError, TypeError, ImportError)
            ), name


def test_from_json_refuses_deep_nesting_with_a_documented_error() -> None:
    with pytest.raises(DataIntegrityError, match="not valid JSON"):
        Card.from_json("[" * 100_000)


def _without_first_benchmark_row() -> str:
    data = _card_data()
    data["benchmarks"] = data["benchmarks"][1:]
    return json.dumps(data)


def _score_of_unknown_model() -> str:
    data = _card_data()
    data["scores"][0]["model"] = (
        "llama-3.3-70b" if data["scores"][0]["table"] == "pretrained" else "llama-3.1-70b"
    )
    return json.dumps(data)


def _source_of_unknown_document() -> str:
    data = _card_data()
    data["models"][0]["source"]["document"] = "a-blog-post"
    return json.dumps(data)


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (_without_first_benchmark_row, "which has no such row"),
        (_score_of_unknown_model, "is not a column of the"),
        (_source_of_unknown_document, "a-blog-post"),
    ],
)
def test_from_json_refuses_references_to_nothing(payload: Any, words: str) -> None:
    with pytest.raises(DataIntegrityError, match=words):
        Card.from_json(payload())
