"""A damaged data file is refused at load with a clear error naming the file."""

from __future__ import annotations

import json

import pytest

import llama_cards
from llama_cards import DataIntegrityError
from llama_cards import card as card_function
from llama_cards.card import _read_data

_CARD_MODULE = card_function.__module__
_ORIGINAL = _read_data("card-4.json")


@pytest.fixture
def cold_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loader with empty caches, restored afterwards."""
    import sys

    module = sys.modules[_CARD_MODULE]
    monkeypatch.setattr(module, "_loaded", {})
    monkeypatch.setattr(module, "_newest", None)
    monkeypatch.setattr(sys.modules["llama_cards.models"], "_RESOLVED", {})


def _serve(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import sys

    monkeypatch.setattr(sys.modules[_CARD_MODULE], "_read_data", lambda name: data)


def _changed_number() -> bytes:
    return _ORIGINAL.replace(b'"context_length": 10000000', b'"context_length": 3500000', 1)


def _extra_field() -> bytes:
    data = json.loads(_ORIGINAL)
    data["models"][0]["output_limit"] = 10_000_000
    return json.dumps(data).encode()


DAMAGE = [
    ("truncated", _ORIGINAL[: len(_ORIGINAL) // 2], "does not match the card schema"),
    ("empty", b"", "does not match the card schema"),
    ("changed number", _changed_number(), "differs from the one this release shipped"),
    ("extra field", _extra_field(), "output_limit"),
    ("not utf-8", b"\xff\xfe" + _ORIGINAL, "does not match the card schema"),
]


@pytest.mark.usefixtures("cold_loader")
@pytest.mark.parametrize(("label", "data", "words"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damaged_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, label: str, data: bytes, words: str
) -> None:
    assert data != _ORIGINAL
    _serve(monkeypatch, data)
    with pytest.raises(DataIntegrityError, match=words) as caught:
        llama_cards.model("scout")
    assert "card-4.json" in str(caught.value)
    assert "reinstall" in str(caught.value)


@pytest.mark.usefixtures("cold_loader")
def test_unreadable_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    def missing(name: str) -> bytes:
        raise FileNotFoundError(name)

    monkeypatch.setattr(sys.modules[_CARD_MODULE], "_read_data", missing)
    with pytest.raises(DataIntegrityError, match=r"card-4\.json cannot be read"):
        llama_cards.card()


@pytest.mark.usefixtures("cold_loader")
def test_the_intact_file_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    _serve(monkeypatch, _ORIGINAL)
    assert llama_cards.model("scout").context_length == 10_000_000
