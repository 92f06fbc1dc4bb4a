"""Token counts: exact against Meta's Llama 4 tokenizer and chat format, and every refusal.

The expected values are written from Meta's prompt-format document (the documented chat of
31 tokens; images of 1, 2 x 2 and 4 x 4 tiles) and checked against Meta's own code in
``llama-models``: ``Tokenizer.encode`` for text, ``ChatFormat`` for chats and images. The
tests that count need the ``tokenizer`` extra and are skipped without it (Python 3.9, the
lowest-dependencies session); the refusals that come before any count run everywhere.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import random
import re
import subprocess
import sys
import threading
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    ContextLengthExceededError,
    InvalidArgumentError,
    LlamaCardsError,
    RequestCheck,
    TokenizerUnavailableError,
    UnknownModelError,
    check_request,
    count_chat_tokens,
    count_tokens,
    image_tokens,
)
from llama_cards._loader import newest

HAS_TOKENIZER = sys.version_info >= (3, 10) and importlib.util.find_spec("llama_models") is not None
needs_tokenizer = pytest.mark.skipif(
    not HAS_TOKENIZER,
    reason=(
        "Meta's tokenizer (the tokenizer extra: llama-models, Python 3.10+) is not installed, "
        "as on Python 3.9 and in the lowest-versions session"
    ),
)

HAS_CHECKPOINT_LIMITS = "max_sequence_length" in llama_cards.HuggingFaceRepo.model_fields
"""Whether the shipped checkpoints carry Meta's registry limit (not in this release yet)."""

DOCUMENTED_CHAT = [
    {"role": "system", "content": "You are a helpful assistant"},
    {"role": "user", "content": "Answer who are you in the form of jeopardy?"},
]
"""The chat of the prompt-format document's "Simple User and assistant conversation"."""


# ----------------------------------------------------------------- Meta's own code


@pytest.fixture(scope="module")
def meta_tokenizer() -> Any:
    """Meta's ``Tokenizer`` instance (``llama_models.llama4.tokenizer``)."""
    if not HAS_TOKENIZER:
        pytest.skip("Meta's tokenizer is not installed")
    return importlib.import_module("llama_models.llama4.tokenizer").Tokenizer.get_instance()


def meta_count(tokenizer: Any, text: str) -> int:
    return len(tokenizer.encode(text, bos=False, eos=False))


_TORCH_STUBS = (
    "torch",
    "torchvision",
    "torchvision.transforms",
    "torchvision.transforms.functional",
)


@pytest.fixture(scope="module")
def meta_chat(meta_tokenizer: Any) -> types.SimpleNamespace:
    """Meta's ``llama_models.llama4.chat_format``, imported without torch where it is absent.

    The module imports torch (and torchvision, for its image transforms) at the top, but
    encoding text and laying out an already transformed image touch neither. Empty stand-in
    modules let it import; they are removed again before any test runs, and so are the
    modules that imported them.
    """
    before = set(sys.modules)
    with pytest.MonkeyPatch.context() as patch:
        if importlib.util.find_spec("torch") is None:
            for name in _TORCH_STUBS:
                patch.setitem(sys.modules, name, types.ModuleType(name))
            patch.setattr(sys.modules["torch"], "Tensor", type("Tensor", (), {}), raising=False)
        chat_format = importlib.import_module("llama_models.llama4.chat_format")
        datatypes = importlib.import_module("llama_models.datatypes")
        found = types.SimpleNamespace(
            ChatFormat=chat_format.ChatFormat,
            TransformedImage=chat_format.TransformedImage,
            RawMessage=datatypes.RawMessage,
            RawTextItem=datatypes.RawTextItem,
        )
    for name in set(sys.modules) - before:
        if name.startswith("llama_models.llama4.") and name != "llama_models.llama4.tokenizer":
            del sys.modules[name]
    return found


def meta_dialog_count(chat: Any, tokenizer: Any, messages: Sequence[Mapping[str, Any]]) -> int:
    """The tokens Meta's ChatFormat.encode_dialog_prompt writes for text-only messages."""
    raw = []
    for message in messages:
        content = message["content"]
        if not isinstance(content, str):
            content = [chat.RawTextItem(text=part["text"]) for part in content]
        raw.append(chat.RawMessage(role=message["role"], content=content))
    return len(chat.ChatFormat(tokenizer).encode_dialog_prompt(raw).tokens)


# ------------------------------------------------------------------------ text


@needs_tokenizer
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("system", 1),
        ("user", 1),
        ("assistant", 1),
        ("ipython", 2),
        ("\n\n", 1),
        ("\nHello", 2),
        ("\n\n\nHello", 2),
        ("You are a helpful assistant", 5),
        ("Answer who are you in the form of jeopardy?", 11),
        # Text that spells a special token is text: five tokens, not one.
        ("<|eot|>", 5),
    ],
)
def test_count_tokens_of_short_texts(text: str, expected: int) -> None:
    assert count_tokens(text) == expected


@needs_tokenizer
@pytest.mark.parametrize(
    "text",
    [
        " " * 25_000,
        " " * 25_001,
        " " * 50_000,
        " " * 50_001,
        "a" * 60_000,
        "a" * 25_000 + " " * 25_001 + "b" * 50_001,
        ("x" * 24_999 + " ") * 30,
        "\u3000" * 30_000 + "é" * 80_000,
        "a" * 400_005 + " " * 30_000,
        " " * 399_990 + "a" * 60_000,
        "a" * 399_999 + "\ud83d\ude00",  # a surrogate pair cut by the 400,000-character window
        "\ud83d" + "\ude00" * 3 + "a" * 400_000,  # lone surrogates
        "\x1c\x1d\x1e\x1f\x85\xa0" * 10_000,  # whitespace to str.isspace(), not to ASCII
        "<|begin_of_text|><|eot|>" * 20_000,
    ],
    ids=lambda text: f"{len(text)}-chars-{text[:3]!r}",
)
def test_count_tokens_cuts_where_meta_cuts(meta_tokenizer: Any, text: str) -> None:
    assert count_tokens(text) == meta_count(meta_tokenizer, text)


_RUN_CHARACTERS = st.sampled_from([" ", "\n", "\t", "\u3000", "\xa0", "a", "é", "字", "😀", "1"])
_SEGMENTS = st.one_of(
    st.text(alphabet=st.characters(codec=None)),
    st.text(),
    st.builds(lambda char, times: char * times, _RUN_CHARACTERS, st.integers(24_990, 60_000)),
    st.builds(lambda text, times: text * times, st.text(max_size=20), st.integers(0, 30_000)),
)


@needs_tokenizer
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segments=st.lists(_SEGMENTS, max_size=8))
def test_count_tokens_equals_meta_on_any_text(meta_tokenizer: Any, segments: list[str]) -> None:
    text = "".join(segments)
    assert count_tokens(text) == meta_count(meta_tokenizer, text)


@needs_tokenizer
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.text(max_size=50),
    filler=st.text(min_size=1, max_size=8),
    windows=st.floats(1.0, 3.0),
    run=st.sampled_from([" ", "a", "\n"]),
)
def test_count_tokens_equals_meta_past_one_window(
    meta_tokenizer: Any, prefix: str, filler: str, windows: float, run: str
) -> None:
    size = int(400_000 * windows)
    text = (prefix + filler * (size // len(filler)))[:size] + run * 30_000
    assert count_tokens(text) == meta_count(meta_tokenizer, text)


def mixed_language_text(size: int, seed: int) -> str:
    """Deterministic text of about ``size`` characters in many scripts, with runs of spaces."""
    words = [
        "the", "model", "card", "Llama", "tokens", "context",  # English
        "modèle", "données", "façon",  # French
        "Größe", "Übersetzung",  # German
        "Привет", "модель", "данные",  # Russian
        "你好", "模型", "上下文",  # Chinese
        "こんにちは", "トークン",  # Japanese
        "안녕하세요", "모델",  # Korean
        "مرحبا", "النموذج",  # Arabic
        "नमस्ते", "मॉडल",  # Hindi
        "สวัสดี", "Xin chào", "mô hình",  # Thai, Vietnamese
        "12345", "3.14", "2025-04-05", "😀", "<|eot|>", "def f(x):", "{'a': 1}",
    ]  # fmt: skip
    spaces = [" ", " ", " ", "\n", "\n\n", "\t", "  ", "\u3000"]
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        part = rng.choice(words) + rng.choice(spaces)
        parts.append(part)
        length += len(part)
    return "".join(parts)


@needs_tokenizer
def test_count_tokens_of_megabytes_of_mixed_languages(meta_tokenizer: Any) -> None:
    text = mixed_language_text(3_000_000, seed=4)
    assert count_tokens(text) == meta_count(meta_tokenizer, text)


@needs_tokenizer
def test_count_tokens_from_many_threads_at_once() -> None:
    text = mixed_language_text(900_000, seed=5)
    expected = count_tokens(text)
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(count_tokens(text))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


def test_a_regex_whitespace_is_what_str_isspace_says() -> None:
    # The cuts are found with \s; Meta's loop asks str.isspace(). They must agree everywhere.
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    by_regex = [match.start() for match in re.finditer(r"\s", every_character)]
    assert by_regex == [code for code, char in enumerate(every_character) if char.isspace()]


@pytest.mark.parametrize("value", [b"bytes", None, 3, ["a list"]])
def test_count_tokens_takes_text_only(value: Any) -> None:
    with pytest.raises(ArgumentTypeError, match="count_tokens takes text"):
        count_tokens(value)


# ------------------------------------------------------------------------ chats


@needs_tokenizer
def test_the_documented_chat_takes_31_tokens() -> None:
    assert count_chat_tokens(DOCUMENTED_CHAT) == 31
    # Without the assistant header that asks for an answer: four tokens fewer.
    assert count_chat_tokens(DOCUMENTED_CHAT, add_generation_prompt=False) == 27


@needs_tokenizer
def test_pieces_are_counted_apart_as_meta_encodes_them() -> None:
    # The header's "\n\n" and the content are encoded apart (1 + 2 tokens); encoded as one
    # text they would merge into 2.
    assert count_tokens("\n\n") + count_tokens("\nHello") == 3
    assert count_tokens("\n\n\nHello") == 2
    assert count_chat_tokens([{"role": "user", "content": "\nHello"}]) == 1 + 4 + 2 + 1 + 4
    # Each content part on its own too: "Hello" and " world" apart, not "Hello world".
    parts = [{"type": "text", "text": "Hello"}, {"type": "text", "text": " world"}]
    assert count_chat_tokens([{"role": "user", "content": parts}]) == 1 + 4 + 2 + 1 + 4


@needs_tokenizer
@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        ([], 1 + 4),
        ([{"role": "user", "content": ""}], 1 + 4 + 1 + 4),
        # A tool's answer: header "ipython" (two tokens), closed by <|eom|>.
        ([{"role": "tool", "content": "\nHello"}], 1 + (1 + 2 + 1 + 1) + 2 + 1 + 4),
        ([{"role": "tool", "content": "42", "tool_call_id": "call-1"}], 1 + 5 + 1 + 1 + 4),
        ([{"role": "user", "content": "Hi", "name": "ada"}], 1 + 4 + 1 + 1 + 4),
        # An image of 2 x 2 tiles after a text part.
        (
            [
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "Describe this image in two sentences"},
                        {"type": "image", "columns": 2, "rows": 2},
                    ],
                }
            ],
            1 + 4 + 6 + 727 + 1 + 4,
        ),
    ],
)
def test_count_chat_tokens(messages: list[dict[str, Any]], expected: int) -> None:
    assert count_chat_tokens(messages) == expected


@needs_tokenizer
def test_the_documented_chat_against_meta(meta_chat: Any, meta_tokenizer: Any) -> None:
    assert meta_dialog_count(meta_chat, meta_tokenizer, DOCUMENTED_CHAT) == 31


_ROLES = st.sampled_from(["system", "user", "assistant", "tool"])
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", "\n", "\nHello", " ", "<|eot|>", "\n\n", "Hello world"]
)
_CONTENT = _TEXT | st.lists(
    st.builds(lambda text: {"type": "text", "text": text}, _TEXT), max_size=3
)
_MESSAGES = st.lists(st.fixed_dictionaries({"role": _ROLES, "content": _CONTENT}), max_size=5)


@needs_tokenizer
@settings(max_examples=150, deadline=None)
@given(messages=_MESSAGES)
def test_count_chat_tokens_equals_meta_chat_format(
    meta_chat: Any, meta_tokenizer: Any, messages: list[dict[str, Any]]
) -> None:
    assert count_chat_tokens(messages) == meta_dialog_count(meta_chat, meta_tokenizer, messages)


MALFORMED: list[tuple[object, type[Exception], str]] = [
    ("Hello", ArgumentTypeError, "messages must be a list of message dicts"),
    ({"role": "user", "content": "Hi"}, ArgumentTypeError, "messages must be a list"),
    (None, ArgumentTypeError, "messages must be a list"),
    (["Hello"], ArgumentTypeError, r"messages\[0\] must be a dict with 'role' and 'content'"),
    ([{"content": "Hi"}], InvalidArgumentError, r"messages\[0\] has no 'role'"),
    ([{"role": "user"}], InvalidArgumentError, r"messages\[0\] has no 'content'"),
    (
        [{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}],
        InvalidArgumentError,
        r"messages\[1\]\['role'\]: unknown role 'bot'; the roles are 'system', 'user', "
        "'assistant', 'tool'",
    ),
    ([{"role": "ipython", "content": "x"}], InvalidArgumentError, "unknown role 'ipython'"),
    ([{"role": 1, "content": "x"}], ArgumentTypeError, r"messages\[0\]\['role'\] must be a"),
    (
        [{"role": "assistant", "content": None, "tool_calls": []}],
        InvalidArgumentError,
        r"messages\[0\] has the field 'tool_calls', which the prompt format does not write",
    ),
    (
        [{"role": "assistant", "content": None}],
        InvalidArgumentError,
        r"messages\[0\]\['content'\] is None",
    ),
    ([{"role": "user", "content": 3}], ArgumentTypeError, r"\['content'\] must be text or a"),
    ([{"role": "user", "content": b"x"}], ArgumentTypeError, r"\['content'\] must be text or a"),
    ([{"role": "user", "content": ["Hi"]}], ArgumentTypeError, r"\['content'\]\[0\] must be a"),
    (
        [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}],
        InvalidArgumentError,
        r"messages\[0\]\['content'\]\[0\] is an 'image_url' part, which does not say how the "
        r"image is cut into tiles; give \{'type': 'image', 'columns': \.\.\., 'rows': \.\.\.\}",
    ),
    (
        [{"role": "user", "content": [{"type": "audio", "audio": "x"}]}],
        InvalidArgumentError,
        r"\['content'\]\[0\]\['type'\] is 'audio'; the content part types are 'text' and 'image'",
    ),
    (
        [{"role": "user", "content": [{"text": "x"}]}],
        InvalidArgumentError,
        r"\['type'\] is None",
    ),
    (
        [{"role": "user", "content": [{"type": "text"}]}],
        InvalidArgumentError,
        r"messages\[0\]\['content'\]\[0\] has no 'text'",
    ),
    (
        [{"role": "user", "content": [{"type": "text", "text": 3}]}],
        ArgumentTypeError,
        r"\['content'\]\[0\]\['text'\] must be a string",
    ),
    (
        [{"role": "user", "content": [{"type": "text", "text": "x", "cache": 1}]}],
        InvalidArgumentError,
        r"\[0\] has the field 'cache'; a 'text' part has 'text', 'type'",
    ),
    (
        [{"role": "user", "content": [{"type": "image", "columns": 2}]}],
        InvalidArgumentError,
        r"\['content'\]\[0\] has no 'rows'",
    ),
    (
        [{"role": "user", "content": [{"type": "image", "columns": 0, "rows": 1}]}],
        InvalidArgumentError,
        r"messages\[0\]\['content'\]\[0\]\['columns'\] must be one or more tiles, got 0",
    ),
    (
        [{"role": "user", "content": [{"type": "image", "columns": "2", "rows": 1}]}],
        ArgumentTypeError,
        r"\['columns'\] must be an integer number of tiles",
    ),
    (
        [
            {"role": "user", "content": "x"},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "a"},
                    {"type": "image", "columns": 4, "rows": 5},
                ],
            },
        ],
        InvalidArgumentError,
        r"messages\[1\]\['content'\]\[1\]: an image of 4 columns and 5 rows of tiles has 20 "
        "tiles, but Llama 4 cuts an image into at most 16",
    ),
]


@pytest.mark.parametrize(("messages", "error", "message"), MALFORMED)
def test_malformed_messages_are_refused_naming_the_field(
    messages: Any, error: type[Exception], message: str
) -> None:
    # Refused before the tokenizer is needed, so these run without the extra too.
    with pytest.raises(error, match=message):
        count_chat_tokens(messages)
    with pytest.raises(error, match=message):
        check_request("scout", messages)


@pytest.mark.parametrize("flag", [1, None, "yes"])
def test_add_generation_prompt_is_a_bool(flag: Any) -> None:
    with pytest.raises(ArgumentTypeError, match="add_generation_prompt must be True or False"):
        count_chat_tokens([], add_generation_prompt=flag)


# ----------------------------------------------------------------------- images


@pytest.mark.parametrize(
    ("columns", "rows", "expected"),
    [
        (1, 1, 147),  # the document's small image: <|image_start|><|image|>, 144, <|image_end|>
        (2, 2, 727),  # the document's single image, and the first of its two images
        (4, 4, 2467),  # the second image of the document's multiple-image example
        (2, 1, 1 + (2 * 144 + 1 + 1) + 1 + 144 + 1),
        (1, 2, 1 + 2 * (144 + 1) + 1 + 144 + 1),
        (16, 1, 1 + (16 * 144 + 15 + 1) + 1 + 144 + 1),
        (1, 16, 1 + 16 * (144 + 1) + 1 + 144 + 1),
    ],
)
def test_image_tokens(columns: int, rows: int, expected: int) -> None:
    assert image_tokens(columns, rows) == expected


@dataclass
class _TransformedTiles:
    """What Meta's ChatFormat._encode_image reads of an image tensor: its shape."""

    shape: tuple[int, int, int, int]

    def view(self, *shape: int) -> _TransformedTiles:
        return self


@needs_tokenizer
def test_image_tokens_equal_meta_chat_format_for_every_grid(meta_chat: Any) -> None:
    args = importlib.import_module("llama_models.llama4.args")
    layout = newest().prompt_format.image_layout
    # Patch size 14 and pixel shuffle ratio 0.5: the torchtune Llama 4 vision builders.
    vision = args.VisionArgs(
        image_size=args.Size(height=layout.tile_pixels, width=layout.tile_pixels),
        patch_size=args.Size(height=14, width=14),
        dim=1,
        n_layers=1,
        n_heads=1,
        mlp_ratio=1.0,
        output_dim=1,
        pixel_shuffle_ratio=0.5,
    )
    formatter = meta_chat.ChatFormat.__new__(meta_chat.ChatFormat)
    formatter.tokenizer = importlib.import_module(
        "llama_models.llama4.tokenizer"
    ).Tokenizer.get_instance()
    formatter.vision_args = vision
    default_tiles = inspect.signature(meta_chat.ChatFormat.__init__).parameters["max_num_chunks"]
    assert default_tiles.default == layout.max_tiles
    for tiles in range(1, layout.max_tiles + 1):
        for columns in range(1, tiles + 1):
            if tiles % columns:
                continue
            rows = tiles // columns
            # With more than one tile, the image transform adds the scaled-down whole image.
            chunks = tiles + 1 if tiles > 1 else 1
            image = meta_chat.TransformedImage(
                image_tiles=_TransformedTiles((chunks, 3, layout.tile_pixels, layout.tile_pixels)),
                aspect_ratio=(rows, columns),
            )
            assert image_tokens(columns, rows) == len(formatter._encode_image(image)), (
                columns,
                rows,
            )


@pytest.mark.parametrize(
    ("columns", "rows", "error", "message"),
    [
        (0, 1, InvalidArgumentError, "columns must be one or more tiles, got 0"),
        (1, 0, InvalidArgumentError, "rows must be one or more tiles, got 0"),
        (-1, 1, InvalidArgumentError, "columns must be zero or more tiles, got -1"),
        (
            17,
            1,
            InvalidArgumentError,
            r"an image of 17 columns and 1 rows of tiles has 17 tiles, but Llama 4 cuts an "
            r"image into at most 16 \(columns x rows <= 16\)",
        ),
        (5, 4, InvalidArgumentError, "has 20 tiles"),
        (2.0, 1, InvalidArgumentError, "columns must be a whole number of tiles, got 2.0"),
        ("2", 1, ArgumentTypeError, "columns must be an integer number of tiles, got str '2'"),
        (True, 1, ArgumentTypeError, "columns must be an integer number of tiles, got bool"),
        (1, None, ArgumentTypeError, "rows must be an integer number of tiles, got NoneType"),
    ],
)
def test_image_tokens_refuses(
    columns: Any, rows: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        image_tokens(columns, rows)


# ---------------------------------------------------------------------- requests


@needs_tokenizer
def test_check_request_of_the_documented_chat() -> None:
    check = check_request("scout", DOCUMENTED_CHAT, max_new_tokens=100)
    assert check == RequestCheck(
        model="llama-4-scout",
        model_name="Llama 4 Scout (17Bx16E)",
        checkpoint=None,
        prompt_tokens=31,
        max_new_tokens=100,
        requested_tokens=131,
        limit=10_000_000,
        limit_kind="context_length",
        fits=True,
        over_by=0,
        images=0,
        max_tested_images=llama_cards.MAX_TESTED_IMAGES,
        images_within_tested=True,
        modalities=("text",),
        modalities_accepted=True,
        warnings=(),
    )
    assert check_request(llama_cards.model("scout"), DOCUMENTED_CHAT, max_new_tokens=100) == check
    assert RequestCheck.model_validate_json(check.model_dump_json()) == check


@needs_tokenizer
def test_check_request_over_the_limit() -> None:
    maverick = llama_cards.model("maverick")
    check = check_request(maverick, DOCUMENTED_CHAT, max_new_tokens=maverick.context_length)
    assert (check.fits, check.over_by, check.limit) == (False, 31, 1_000_000)
    with pytest.raises(ContextLengthExceededError) as caught:
        check.raise_for_limits()
    assert str(caught.value) == (
        "Llama 4 Maverick (17Bx128E) has a context length of 1,000,000 tokens, but the request "
        "needs 1,000,031 (over by 31); shorten the prompt, lower max_new_tokens, or pick a "
        "model with a longer context (find_models(min_context=...))"
    )
    exact = check_request(maverick, DOCUMENTED_CHAT, max_new_tokens=1_000_000 - 31)
    assert (exact.fits, exact.over_by) == (True, 0)
    exact.raise_for_limits()


@needs_tokenizer
def test_check_request_counts_images_against_those_tested() -> None:
    tested = llama_cards.MAX_TESTED_IMAGES
    image = {"type": "image", "columns": 1, "rows": 1}
    within = check_request("scout", [{"role": "user", "content": [image] * tested}])
    assert (within.images, within.images_within_tested, within.warnings) == (tested, True, ())
    assert within.modalities == ("text", "image")
    beyond = check_request("scout", [{"role": "user", "content": [image] * (tested + 1)}])
    assert (beyond.images, beyond.images_within_tested, beyond.fits) == (tested + 1, False, True)
    assert beyond.warnings == (
        f"{tested + 1} images is more than the {tested} the card says were tested; more may "
        "work, but test the application with them",
    )
    beyond.raise_for_limits()  # a warning, not a limit


@needs_tokenizer
def test_check_request_says_when_the_model_does_not_take_an_input() -> None:
    text_only = llama_cards.model("scout").model_copy(update={"input_modalities": ("text",)})
    image = {"type": "image", "columns": 1, "rows": 1}
    check = check_request(text_only, [{"role": "user", "content": [image]}])
    assert (check.modalities, check.modalities_accepted) == (("text", "image"), False)
    assert check.warnings == (
        "Llama 4 Scout (17Bx16E) does not take image input, which the request has",
    )


@dataclass(frozen=True)
class _RepoWithLimit:
    id: str
    max_sequence_length: Optional[int]


@needs_tokenizer
def test_check_request_against_a_checkpoint_limit() -> None:
    scout = llama_cards.model("scout")
    repo = _RepoWithLimit("meta-llama/Llama-4-Scout-17B-16E-Instruct", 100)
    with_limit = scout.model_copy(update={"huggingface_repos": (repo,)})
    for name in (repo.id, repo.id.upper(), "Llama-4-Scout-17B-16E-Instruct"):
        check = check_request(with_limit, DOCUMENTED_CHAT, max_new_tokens=70, checkpoint=name)
        assert (check.checkpoint, check.limit, check.limit_kind) == (
            repo.id,
            100,
            "max_sequence_length",
        )
        assert (check.fits, check.over_by) == (False, 1)


def test_check_request_refuses_an_unknown_checkpoint() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        check_request("scout", DOCUMENTED_CHAT, checkpoint="meta-llama/Llama-4-Maverick-17B-128E")
    assert str(caught.value) == (
        "Llama 4 Scout (17Bx16E) has no checkpoint 'meta-llama/Llama-4-Maverick-17B-128E'; its "
        "checkpoints are 'meta-llama/Llama-4-Scout-17B-16E', "
        "'meta-llama/Llama-4-Scout-17B-16E-Instruct'"
    )


def test_check_request_refuses_a_checkpoint_without_a_known_limit() -> None:
    scout = llama_cards.model("scout")
    no_limit = scout.model_copy(
        update={"huggingface_repos": (_RepoWithLimit("meta-llama/Llama-4-Scout-17B-16E", None),)}
    )
    models: list[Any] = [no_limit]
    if not HAS_CHECKPOINT_LIMITS:
        models.append("scout")
    for model in models:
        with pytest.raises(InvalidArgumentError) as caught:
            check_request(model, DOCUMENTED_CHAT, checkpoint="meta-llama/Llama-4-Scout-17B-16E")
        assert str(caught.value) == (
            "no maximum sequence length is known for the checkpoint "
            "'meta-llama/Llama-4-Scout-17B-16E'; leave checkpoint out to check against Llama 4 "
            "Scout (17Bx16E)'s context length of 10,000,000 tokens"
        )


@pytest.mark.skipif(
    HAS_CHECKPOINT_LIMITS, reason="the shipped checkpoints now carry their sequence limits"
)
def test_check_request_takes_a_checkpoint_record() -> None:
    (repo, _) = llama_cards.model("scout").huggingface_repos
    with pytest.raises(InvalidArgumentError, match="no maximum sequence length is known"):
        check_request("scout", DOCUMENTED_CHAT, checkpoint=repo)


# Meta's registry (llama-models 0.3.0, sku_types.py, Model.max_seq_length): the base
# checkpoints take 262,144 tokens, the instruct ones 10,485,760 (Scout) and 1,048,576 (Maverick).
REGISTRY_LIMITS = [
    ("scout", "meta-llama/Llama-4-Scout-17B-16E", 262_144),
    ("scout", "meta-llama/Llama-4-Scout-17B-16E-Instruct", 10_485_760),
    ("maverick", "meta-llama/Llama-4-Maverick-17B-128E", 262_144),
    ("maverick", "meta-llama/Llama-4-Maverick-17B-128E-Instruct", 1_048_576),
]


@needs_tokenizer
@pytest.mark.skipif(
    not HAS_CHECKPOINT_LIMITS,
    reason="HuggingFaceRepo has no max_sequence_length in this release (Meta's registry "
    "limit per checkpoint); check_request reads it where the record has it",
)
@pytest.mark.parametrize(("model", "checkpoint", "limit"), REGISTRY_LIMITS)
def test_check_request_against_a_shipped_checkpoint(
    model: str, checkpoint: str, limit: int
) -> None:
    check = check_request(model, DOCUMENTED_CHAT, max_new_tokens=limit - 31, checkpoint=checkpoint)
    assert (check.checkpoint, check.limit, check.limit_kind) == (
        checkpoint,
        limit,
        "max_sequence_length",
    )
    assert (check.requested_tokens, check.fits, check.over_by) == (limit, True, 0)
    over = check_request(model, DOCUMENTED_CHAT, max_new_tokens=limit - 30, checkpoint=checkpoint)
    assert (over.fits, over.over_by) == (False, 1)


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"model": "llama 5"}, UnknownModelError, "unknown model 'llama 5'"),
        ({"model": 4}, ArgumentTypeError, "a model name must be a string"),
        ({"max_new_tokens": -1}, InvalidArgumentError, "max_new_tokens must be zero or more"),
        ({"max_new_tokens": 1.5}, InvalidArgumentError, "max_new_tokens must be a whole number"),
        ({"max_new_tokens": "9"}, ArgumentTypeError, "max_new_tokens must be an integer"),
        ({"checkpoint": 3}, ArgumentTypeError, "checkpoint must be a Hugging Face repository id"),
    ],
)
def test_check_request_refuses(
    arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    call: dict[str, Any] = {"model": "scout", "messages": DOCUMENTED_CHAT, **arguments}
    with pytest.raises(error, match=message):
        check_request(**call)


@needs_tokenizer
def test_a_request_check_has_no_truth_value() -> None:
    check = check_request("scout", DOCUMENTED_CHAT)
    with pytest.raises(TypeError, match=r"use \.fits"):
        bool(check)
    with pytest.raises(TypeError, match=r"use \.fits"):
        assert not check


# ------------------------------------------------------------ without the extra


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.skipif(
    sys.version_info < (3, 10), reason="before 3.10 the first count names the Python it needs"
)
def test_without_the_extra_the_first_count_says_what_to_install() -> None:
    result = _run(
        "import sys\n"
        "sys.modules['llama_models'] = None  # as if not installed\n"
        "from llama_cards import count_tokens, image_tokens\n"
        "print(image_tokens(2, 2))\n"
        "try:\n"
        "    count_tokens('Hello')\n"
        "except ImportError as error:\n"
        "    from llama_cards import LlamaCardsError\n"
        "    print(type(error).__name__, isinstance(error, LlamaCardsError))\n"
        "    print(error)\n"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["727", "TokenizerUnavailableError True"]
    assert lines[2].startswith("counting tokens needs Meta's Llama 4 tokenizer (")
    assert lines[2].endswith('); install it with pip install "llama-cards[tokenizer]"')


def test_before_python_3_10_the_first_count_says_which_python_it_needs() -> None:
    result = _run(
        "import sys\n"
        "from llama_cards import count_chat_tokens\n"
        "sys.version_info = (3, 9, 18, 'final', 0)\n"
        "try:\n"
        "    count_chat_tokens([])\n"
        "except ImportError as error:\n"
        "    print(type(error).__name__)\n"
        "    print(error)\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "TokenizerUnavailableError",
        "counting tokens needs Python 3.10 or newer, which Meta's llama-models package requires; "
        'this is Python 3.9. On 3.10 or newer: pip install "llama-cards[tokenizer]"',
    ]


def test_the_error_is_an_import_error_of_the_package() -> None:
    assert issubclass(TokenizerUnavailableError, ImportError)
    assert issubclass(TokenizerUnavailableError, LlamaCardsError)


def test_the_tokenizer_is_imported_at_the_first_count_only() -> None:
    result = _run(
        "import sys\n"
        "import llama_cards as tokens\n"
        "heavy = ('tiktoken', 'llama_models')\n"
        "print([name for name in heavy if name in sys.modules])\n"
        "tokens.image_tokens(2, 2)\n"
        "tokens.count_chat_tokens.__doc__\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "[]"]


def test_no_other_query_imports_the_counting_modules() -> None:
    result = _run(
        "import sys\n"
        "import llama_cards\n"
        "llama_cards.model('scout')\n"
        "llama_cards.score('scout', 'MMLU Pro', table='pretrained')\n"
        "llama_cards.supports_language('pt-BR')\n"
        "llama_cards.assess_use(domicile='US')\n"
        "llama_cards.card().fingerprint\n"
        "heavy = ('tiktoken', 'llama_models', 'llama_cards._tokens', 'llama_cards._prompt')\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]"]
