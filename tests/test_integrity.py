"""A damaged data file is refused at load with a clear error naming the file."""

from __future__ import annotations

import json

import pytest

import llama_cards
from llama_cards import DataIntegrityError, _data

_ORIGINAL = _data.read_data("card-4.json")


@pytest.fixture
def cold_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loader with empty caches, restored afterwards."""
    from importlib import import_module

    card_module = import_module("llama_cards.card")
    models_module = import_module("llama_cards.models")
    monkeypatch.setattr(_data, "_raw", {})
    monkeypatch.setattr(card_module, "_loaded", {})
    monkeypatch.setattr(card_module, "_newest", None)
    monkeypatch.setattr(models_module, "_shipped", {})
    monkeypatch.setattr(models_module, "_newest", None)
    monkeypatch.setattr(models_module, "_RESOLVED", {})


def _serve(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(_data, "read_data", lambda name: data)


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

    spec = sys.modules["llama_cards"].__spec__
    assert spec is not None
    loader = spec.loader

    def missing(path: str) -> bytes:
        raise FileNotFoundError(path)

    monkeypatch.setattr(loader, "get_data", missing)
    with pytest.raises(DataIntegrityError, match=r"card-4\.json cannot be read"):
        llama_cards.card()


@pytest.mark.usefixtures("cold_loader")
def test_the_intact_file_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    _serve(monkeypatch, _ORIGINAL)
    assert llama_cards.model("scout").context_length == 10_000_000
