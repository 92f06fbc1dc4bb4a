"""Nothing a caller does changes what the next caller reads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import llama_cards


def test_records_refuse_assignment() -> None:
    scout = llama_cards.model("scout")
    with pytest.raises(ValidationError, match="frozen"):
        scout.context_length = 1  # type: ignore[misc]  # assigning is the test
    with pytest.raises(ValidationError, match="frozen"):
        scout.training.gpu_hours = 0  # type: ignore[misc]  # assigning is the test
    with pytest.raises(ValidationError, match="frozen"):
        llama_cards.card().title = "x"  # type: ignore[misc]  # assigning is the test


def test_collections_are_tuples() -> None:
    current = llama_cards.card()
    assert isinstance(current.models, tuple)
    scout = current.model("scout")
    for value in (scout.aliases, scout.input_modalities, scout.huggingface_repos):
        assert isinstance(value, tuple)


def test_year_month_is_immutable() -> None:
    cutoff = llama_cards.model("scout").knowledge_cutoff
    with pytest.raises(AttributeError, match="immutable"):
        cutoff._year = 1999


def test_copies_do_not_leak_into_the_shared_card() -> None:
    scout = llama_cards.model("scout")
    changed = scout.model_copy(update={"context_length": 5})
    assert changed.context_length == 5
    assert llama_cards.model("scout").context_length == 10_000_000
    dumped = llama_cards.card().model_dump()
    dumped["models"][0]["context_length"] = 5
    assert llama_cards.model("scout").context_length == 10_000_000


def test_same_objects_for_every_caller() -> None:
    assert llama_cards.card() is llama_cards.card()
    assert llama_cards.model("scout") is llama_cards.card().models[0]
    assert llama_cards.models() is llama_cards.card().models


def test_records_are_hashable_and_comparable() -> None:
    scout, maverick = llama_cards.models()
    assert len({scout, maverick, llama_cards.model("scout")}) == 2
    assert hash(llama_cards.card()) == hash(llama_cards.card())


def test_a_changed_copy_of_the_card_answers_with_its_own_data() -> None:
    import copy

    original = llama_cards.card()
    original.model("scout")  # warm the original's caches
    fingerprint = original.fingerprint
    scout = original.model("scout").model_copy(update={"context_length": 5})
    changed = original.model_copy(update={"models": (scout, original.models[1])})
    assert changed.model("scout").context_length == 5
    assert changed.fingerprint != fingerprint
    assert original.model("scout").context_length == 10_000_000
    assert original.fingerprint == fingerprint
    for duplicate in (copy.copy(original), copy.deepcopy(original)):
        assert duplicate == original
        assert duplicate.fingerprint == fingerprint


def test_records_pickle_and_copy() -> None:
    import copy
    import pickle

    current = llama_cards.card()
    assert pickle.loads(pickle.dumps(current)) == current
    cutoff = llama_cards.model("maverick").knowledge_cutoff
    assert copy.deepcopy(cutoff) == cutoff
    assert pickle.loads(pickle.dumps(cutoff)) == cutoff
