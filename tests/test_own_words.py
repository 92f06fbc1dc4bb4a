"""The package states its sources' facts in its own words, and does not copy their sentences.

The phrases below are distinctive runs of words from the card, Meta's model card, the
licence and the acceptable use policy that the data once repeated word for word. Each is
kept shorter than a sentence; none may come back, in the data or in the package's code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import llama_cards
from shipped import card_document

COPIED_PHRASES = [
    "a single H100 GPU with",
    "with on-the-fly int4 quantization",
    "fit on a single H100 DGX host",
    "of a product or service that incorporates",
    "700 million monthly active users in the",
    "you distribute or make available the",
    "or otherwise improve an AI model",
    "your use or distribution of the",
    "alleging that the Llama Materials",
    "International Sale of Goods does not apply",
    "discrimination or other unlawful or harmful conduct",
    "other economic benefits, or other essential goods",
    "Anti-Terrorism Act of 1989 or the",
    "Community License and the Acceptable Use Policy",
    "reasonable and customary use in describing",
]


def _words(text: str) -> str:
    """Lower-case words joined by single spaces: punctuation, hyphens and case aside."""
    return " ".join(re.findall(r"[\w']+", re.sub(r"[-_/]", " ", text.casefold())))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _data_texts() -> list[str]:
    return [_words(text) for text in _strings(json.loads(card_document("4")))]


def _package_texts() -> list[str]:
    folder = Path(llama_cards.__file__).parent
    return [_words(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.py"))]


@pytest.mark.parametrize("phrase", COPIED_PHRASES)
def test_no_copied_phrase_in_the_data(phrase: str) -> None:
    wanted = f" {_words(phrase)} "
    for text in _data_texts():
        assert wanted not in f" {text} ", text


@pytest.mark.parametrize("phrase", COPIED_PHRASES)
def test_no_copied_phrase_in_the_package_code(phrase: str) -> None:
    wanted = f" {_words(phrase)} "
    for text in _package_texts():
        assert wanted not in f" {text} "


def test_the_check_finds_a_phrase_however_it_is_punctuated() -> None:
    text = _words("It fits on a SINGLE H100-GPU, with on the fly int4 quantization.")
    assert f" {_words('a single H100 GPU with')} " in f" {text} "
    assert f" {_words('with on-the-fly int4 quantization')} " in f" {text} "
    assert f" {_words('fit on a single H100 DGX host')} " not in f" {text} "


def test_phrases_are_shorter_than_the_copying_threshold() -> None:
    # Eight words in a row is what counts as a copy; the guard list itself stays below it.
    for phrase in COPIED_PHRASES:
        assert 4 <= len(_words(phrase).split()) < 8, phrase
