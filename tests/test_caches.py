"""The cache in front of the warm lookups stays small, and keeps working when full."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import llama_cards
from llama_cards._base import ANSWER_CACHE_SIZE, ANSWER_KEY_LENGTH, answers_cache


def _counted() -> tuple[list[tuple[object, ...]], Callable[..., str]]:
    asked: list[tuple[object, ...]] = []

    def lookup(*key: object) -> str:
        asked.append(key)
        if key and key[0] == "bad":
            raise LookupError("bad")
        return "answer " + "/".join(map(str, key))

    return asked, answers_cache(lookup)


def test_a_repeated_question_is_answered_from_the_cache() -> None:
    asked, cached = _counted()
    assert cached("scout", None) == cached("scout", None) == "answer scout/None"
    assert asked == [("scout", None)]


def test_new_questions_are_remembered_after_the_cache_is_full() -> None:
    asked, cached = _counted()
    for number in range(ANSWER_CACHE_SIZE + 50):
        cached(f"name {number}")
    asked.clear()
    cached(f"name {ANSWER_CACHE_SIZE + 49}")
    cached(f"name {ANSWER_CACHE_SIZE + 49}")
    assert asked == []
    cached("name 0")  # the oldest made room, so it is asked again
    assert asked == [("name 0",)]


def test_long_and_non_text_arguments_are_answered_but_not_remembered() -> None:
    asked, cached = _counted()
    long = "x" * (ANSWER_KEY_LENGTH + 1)
    for key in (long, 5, ["a"]):
        cached(key)
        cached(key)
    assert len(asked) == 6


def test_errors_are_not_remembered() -> None:
    asked, cached = _counted()
    for _ in range(2):
        with pytest.raises(LookupError):
            cached("bad")
    assert len(asked) == 2


def test_long_arguments_get_the_same_answers() -> None:
    padding = " " * (ANSWER_KEY_LENGTH + 1)
    assert llama_cards.supports_language("fr" + padding) is True
    assert llama_cards.score("scout" + padding, "mmlu", table="pretrained").value == 79.6
    assert llama_cards.model("scout" + padding) is llama_cards.model("scout")
