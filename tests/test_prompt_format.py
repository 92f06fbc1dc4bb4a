"""The prompt-format data: valid, sourced, and the same as Meta's tokenizer and chat format."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import pytest

from llama_cards import ArgumentTypeError, InvalidArgumentError
from llama_cards._base import parse_json
from llama_cards._loader import newest, part_path, read_data
from llama_cards._prompt import PromptFormat

DATA_FILE = part_path("4", "prompt-format")


def prompt_format() -> PromptFormat:
    """The shipped prompt format, as token counting reads it."""
    return newest().prompt_format


HAS_TOKENIZER = sys.version_info >= (3, 10) and importlib.util.find_spec("llama_models") is not None

DOCUMENTS = {
    "meta-prompt-format",
    "llama-models-chat-format",
    "torchtune-llama4-model-builders",
}
"""The documents the prompt-format data cites (entries the card's ``documents`` must hold)."""


def _sources(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        found = [value["source"]] if "source" in value else []
        found += [value[key] for key in value if key.endswith("_source")]
        found += [source for key in ("sources",) if key in value for source in value[key]]
        for key, item in value.items():
            if key != "source" and not key.endswith("_source") and key != "sources":
                found += _sources(item)
        return found
    if isinstance(value, list):
        return [source for item in value for source in _sources(item)]
    return []


def test_the_data_file_validates() -> None:
    data = parse_json(read_data(DATA_FILE))
    assert PromptFormat.model_validate(data) == prompt_format()
    assert prompt_format() is prompt_format()


def test_every_value_names_a_known_document() -> None:
    sources = _sources(parse_json(read_data(DATA_FILE)))
    assert len(sources) > 10
    assert {source["document"] for source in sources} == DOCUMENTS
    assert all(source["section"] for source in sources)


def test_the_layout_numbers() -> None:
    layout = prompt_format().image_layout
    assert (layout.patch_tokens_per_tile, layout.tile_pixels, layout.max_tiles) == (144, 336, 16)
    assert [s.document for s in layout.source_of("tile_pixels")] == [
        "torchtune-llama4-model-builders"
    ]
    assert all(s.derived for s in layout.source_of("patch_tokens_per_tile"))


def test_lookups_refuse_unknown_ids() -> None:
    with pytest.raises(InvalidArgumentError, match="unknown role 'bot'"):
        prompt_format().role("bot")
    with pytest.raises(ArgumentTypeError, match="a role must be a string"):
        prompt_format().role(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="no special token 'eos'"):
        prompt_format().special_token("eos")  # type: ignore[arg-type]


def test_a_format_missing_a_token_is_refused() -> None:
    data = parse_json(read_data(DATA_FILE))
    data["special_tokens"] = data["special_tokens"][1:]
    with pytest.raises(ValueError, match="must list each special token once"):
        PromptFormat.model_validate(data)


@pytest.mark.skipif(
    not HAS_TOKENIZER,
    reason="Meta's tokenizer (the tokenizer extra, Python 3.10+) is not installed, as on 3.9 "
    "and in the lowest-versions session",
)
def test_every_special_token_is_one_token_of_meta_tokenizer() -> None:
    tokenizer = importlib.import_module("llama_models.llama4.tokenizer").Tokenizer.get_instance()
    for token in prompt_format().special_tokens:
        encoded = tokenizer.encode(token.text, bos=False, eos=False, allowed_special="all")
        assert encoded == [tokenizer.special_tokens[token.text]], token.text


@pytest.mark.skipif(
    not HAS_TOKENIZER,
    reason="Meta's tokenizer (the tokenizer extra, Python 3.10+) is not installed, as on 3.9 "
    "and in the lowest-versions session",
)
def test_the_role_headers_are_meta_chat_format_ones() -> None:
    # role_str() of chat_format.py imports torch; the same table, read from its source text.
    spec = importlib.util.find_spec("llama_models.llama4.chat_format")
    assert spec is not None
    assert spec.origin is not None
    with open(spec.origin, encoding="utf-8") as source:
        text = source.read()
    for role in prompt_format().roles:
        assert f'Role.{role.role}: "{role.header}"' in text, role
    assert '"<|eom|>" if eom else "<|eot|>"' in text
    assert 'tokens.extend(self.tokenizer.encode("\\n\\n", bos=False, eos=False))' in text
    assert prompt_format().header_separator == "\n\n"


def test_a_card_read_from_json_has_no_prompt_format() -> None:
    import llama_cards
    from llama_cards._parts import CardParts

    own = llama_cards.Card.from_json(llama_cards.card().to_json())
    with pytest.raises(InvalidArgumentError, match="a card read from JSON carries no prompt"):
        _ = CardParts.of_card(own).prompt_format
