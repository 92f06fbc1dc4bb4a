"""The caches in front of the warm lookups stay small however callers use them."""

from __future__ import annotations

import sys
from importlib import import_module

import llama_cards
from llama_cards._base import REMEMBERED_ENTRIES, REMEMBERED_KEY_LENGTH, remember


def test_long_arguments_are_answered_but_not_remembered() -> None:
    padding = " " * (REMEMBERED_KEY_LENGTH + 1)
    assert llama_cards.supports_language("fr" + padding) is True
    assert llama_cards.score("scout" + padding, "mmlu", table="pretrained").value == 79.6
    languages = import_module("llama_cards.languages")
    benchmarks = sys.modules["llama_cards.benchmarks"]
    assert "fr" + padding not in languages._ANSWERS
    assert not any(len(str(key[0])) > REMEMBERED_KEY_LENGTH for key in benchmarks._SCORED)


def test_a_cache_stops_growing_at_its_limit() -> None:
    cache: dict[object, int] = {}
    for number in range(REMEMBERED_ENTRIES + 50):
        remember(cache, f"name {number}", number)
    assert len(cache) == REMEMBERED_ENTRIES


def test_only_text_keys_are_remembered() -> None:
    cache: dict[object, int] = {}
    remember(cache, 5, 1)
    remember(cache, ("scout", None, "x" * (REMEMBERED_KEY_LENGTH + 1)), 2)
    remember(cache, ("scout", None, "mmlu"), 3)
    assert cache == {("scout", None, "mmlu"): 3}
