"""Token counts of text, chat prompts and images, exact against Meta's Llama 4 tokenizer.

Private: the public names are re-exported from the package. Counting text needs the
``tokenizer`` extra (``pip install "llama-cards[tokenizer]"``): Meta's ``llama-models``
package, which ships the tokenizer file, and ``tiktoken``, which runs it. Neither is
imported until the first count; :func:`image_tokens` needs neither.

Counts are what Meta's own code produces: :func:`count_tokens` is the length of
``Tokenizer.encode(text, bos=False, eos=False)``, and :func:`count_chat_tokens` adds up
the pieces that ``ChatFormat.encode_dialog_prompt`` encodes one by one (``llama-models``
0.3.0). See ``docs/guides/tokens.md``.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType
from typing import Callable, Literal, Optional, Union

from . import _loader
from ._base import FrozenRecord, Modality, ModelId
from ._base import count as _count
from ._model_parts import HuggingFaceRepo
from ._model_queries import model as named_model
from ._models import Model
from ._prompt import PromptFormat, RoleFormat, SpecialTokenId
from .errors import (
    ArgumentTypeError,
    ContextLengthExceededError,
    InvalidArgumentError,
    TokenizerUnavailableError,
)

__all__ = [
    "LimitKind",
    "RequestCheck",
    "check_request",
    "count_chat_tokens",
    "count_tokens",
    "image_tokens",
]

INSTALL = 'pip install "llama-cards[tokenizer]"'
TOKENIZER_MODULE = "llama_models.llama4.tokenizer"

LimitKind = Literal["context_length", "max_sequence_length"]
"""Which limit a request was checked against: the card's context length of the model, or
the maximum sequence length Meta's registry gives for one checkpoint."""


# ------------------------------------------------------------------------------ text


def _tokenizer_module() -> ModuleType:
    """Meta's Llama 4 tokenizer module, or an error saying what to install."""
    if sys.version_info < (3, 10):
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        raise TokenizerUnavailableError(
            f"counting tokens needs Python 3.10 or newer, which Meta's llama-models package "
            f"requires; this is Python {version}. On 3.10 or newer: {INSTALL}"
        )
    import importlib

    try:
        return importlib.import_module(TOKENIZER_MODULE)
    except ImportError as error:
        raise TokenizerUnavailableError(
            f"counting tokens needs Meta's Llama 4 tokenizer ({error}); install it with {INSTALL}"
        ) from error


def _worker_count() -> int:
    """How many CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


class _Counter:
    """Meta's tokenizer, counting text in the same pieces as ``Tokenizer.encode``.

    ``Tokenizer.encode`` cuts text into windows of ``TIKTOKEN_MAX_ENCODE_CHARS``
    characters, cuts every run of more than ``MAX_NO_WHITESPACES_CHARS`` whitespace (or
    non-whitespace) characters of a window into pieces of that length, and encodes each
    piece on its own. Where the pieces end changes the tokens, so this class cuts exactly
    there. Meta finds the runs with a loop over every character in Python; here a regular
    expression does it, and only in a window where a cheap probe finds a long run. Windows
    are counted in parallel threads: tiktoken releases the GIL while it encodes, and each
    thread keeps one window and its tokens at a time.
    """

    def __init__(self) -> None:
        meta = _tokenizer_module()
        try:
            encoding = meta.Tokenizer.get_instance().model
        except OSError as error:
            raise TokenizerUnavailableError(
                f"Meta's Llama 4 tokenizer file cannot be read ({error}); reinstall it with "
                f"{INSTALL}"
            ) from error
        # Meta encodes with allowed_special=set() and disallowed_special=(): text spelling
        # a special token is ordinary text, which is what encode_ordinary does.
        self._encode: Callable[[str], list[int]] = encoding.encode_ordinary
        self._window: int = meta.TIKTOKEN_MAX_ENCODE_CHARS
        run: int = meta.MAX_NO_WHITESPACES_CHARS
        self._run = run
        # A run longer than `run` holds a multiple of `step` from which at least
        # `run + 1 - step` characters of the run follow: probing there finds every such run.
        self._step = max(1, run // 2)
        probe = run + 1 - self._step
        # In a str pattern, \s is what str.isspace() calls whitespace (as Meta's loop does).
        self._probe = re.compile(rf"\s{{{probe}}}|\S{{{probe}}}").match
        # A long run, matched from its first character only (the look-behind), so a search
        # never starts again inside a run: linear in the window.
        self._long_runs = re.compile(rf"(?<!\s)\s{{{run + 1},}}|(?<!\S)\S{{{run + 1},}}").finditer

    def _pieces(self, window: str) -> Iterator[str]:
        """The pieces Meta encodes one by one for a window of text."""
        if not any(self._probe(window, start) for start in range(0, len(window), self._step)):
            yield window
            return
        start = 0
        for run in self._long_runs(window):
            first, end = run.span()
            for cut in range(first + self._run, end, self._run):
                yield window[start:cut]
                start = cut
        yield window[start:]

    def _count_window(self, text: str, start: int) -> int:
        window = text[start : start + self._window]
        return sum(len(self._encode(piece)) for piece in self._pieces(window))

    def count(self, text: str) -> int:
        """The number of tokens Meta's tokenizer encodes ``text`` into."""
        starts = range(0, len(text), self._window)
        workers = min(_worker_count(), len(starts))
        if workers <= 1:
            return sum(self._count_window(text, start) for start in starts)
        from concurrent.futures import ThreadPoolExecutor

        pending = iter(starts)
        lock = threading.Lock()

        def count_windows() -> int:
            total = 0
            while True:
                with lock:
                    start = next(pending, None)
                if start is None:
                    return total
                total += self._count_window(text, start)

        with ThreadPoolExecutor(workers, thread_name_prefix="llama-cards-count") as pool:
            counted = [pool.submit(count_windows) for _ in range(workers)]
            return sum(future.result() for future in counted)


_lock = threading.Lock()
_loaded: list[_Counter] = []


def _counter() -> _Counter:
    """The tokenizer, loaded the first time text is counted (once, however many threads)."""
    if not _loaded:
        with _lock:
            if not _loaded:
                _loaded.append(_Counter())
    return _loaded[0]


def _prompt_format() -> PromptFormat:
    """The Llama 4 prompt format shipped beside the newest card, built on first need."""
    return _loader.newest().prompt_format


def count_tokens(text: str) -> int:
    """The number of tokens Meta's Llama 4 tokenizer encodes ``text`` into.

    Exactly ``len(Tokenizer.encode(text, bos=False, eos=False))`` of ``llama-models``:
    no begin or end token is added, and text that spells a special token (``"<|eot|>"``)
    counts as the text it is, as Meta's ``encode`` does by default. Long text is counted
    in parallel threads, in the same pieces as Meta's ``encode``, so the count is the same.

    The first count loads the tokenizer, which takes as long as Meta's own loading (see
    docs/performance.md). Without the ``tokenizer`` extra it raises
    :class:`~llama_cards.TokenizerUnavailableError` naming the install command; a value
    that is not text raises :class:`~llama_cards.ArgumentTypeError`.
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(
            f"count_tokens takes text (a str), got {type(text).__name__}; to count a chat, "
            "use count_chat_tokens(messages)"
        )
    return _counter().count(text)


# ---------------------------------------------------------------------------- images


def _special(*tokens: SpecialTokenId) -> int:
    """The tokens that special tokens take: one each, however they are spelled."""
    return len(tokens)


def _tile_count(value: object, name: str) -> int:
    tiles = _count(value, name, unit="tiles")
    if tiles < 1:
        raise InvalidArgumentError(f"{name} must be one or more tiles, got {tiles}")
    return tiles


def _image_tokens(columns: object, rows: object, where: str) -> int:
    """The tokens of an image cut into ``columns`` x ``rows`` tiles; ``where`` names the
    content part the grid comes from (``""`` for the arguments of :func:`image_tokens`)."""
    columns = _tile_count(columns, f"{where}['columns']" if where else "columns")
    rows = _tile_count(rows, f"{where}['rows']" if where else "rows")
    layout = _prompt_format().image_layout
    tiles = columns * rows
    if tiles > layout.max_tiles:
        raise InvalidArgumentError(
            f"{where + ': ' if where else ''}an image of {columns} columns and {rows} rows of "
            f"tiles has {tiles} tiles, but Llama 4 cuts an image into at most "
            f"{layout.max_tiles} (columns x rows <= {layout.max_tiles}); give the grid Meta's "
            "image transform chose for the image"
        )
    patches = layout.patch_tokens_per_tile
    if tiles == 1:
        return _special("image_start", "image") + patches + _special("image_end")
    row = columns * patches + (columns - 1) * _special("tile_x_separator")
    row += _special("tile_y_separator")
    # The tiles row by row, then the whole image scaled down to one more tile.
    return (
        _special("image_start") + rows * row + _special("image") + patches + _special("image_end")
    )


def image_tokens(columns: int, rows: int) -> int:
    """The prompt tokens of one image cut into ``columns`` x ``rows`` tiles.

    The layout of Meta's prompt format: one tile is ``<|image_start|>``, ``<|image|>``,
    the tile's patch tokens and ``<|image_end|>``; with more tiles, each row of tiles (tiles
    apart by ``<|tile_x_separator|>``, the row closed by ``<|tile_y_separator|>``), then
    ``<|image|>`` and the patches of the whole image scaled down to one tile. An image is
    cut into at most :attr:`ImageLayout.max_tiles` tiles; more raises
    :class:`~llama_cards.InvalidArgumentError`, as does a grid of less than one tile. Which
    grid Meta's image transform picks for an image of a given size is not computed here.

    ```pycon
    >>> from llama_cards._tokens import image_tokens
    >>> image_tokens(1, 1), image_tokens(2, 2), image_tokens(4, 4)
    (147, 727, 2467)

    ```
    """
    return _image_tokens(columns, rows, "")


# ------------------------------------------------------------------------------ chat

_MESSAGE_KEYS = frozenset({"role", "content"})
# OpenAI-style fields that Meta's format does not write: they take no tokens.
_UNWRITTEN_KEYS = frozenset({"name", "tool_call_id"})
_PART_KEYS = {"text": frozenset({"type", "text"}), "image": frozenset({"type", "columns", "rows"})}

_Piece = Union[str, int]
"""A piece of a message: text still to count, or tokens already known (an image)."""


class _Dialog:
    """Messages checked and cut into the pieces Meta encodes one by one."""

    def __init__(self, messages: object) -> None:
        if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Sequence):
            raise ArgumentTypeError(
                "messages must be a list of message dicts such as "
                f"{{'role': 'user', 'content': 'Hello'}}, got {type(messages).__name__}"
            )
        self.messages: list[tuple[RoleFormat, list[_Piece]]] = []
        self.images = 0
        for index, message in enumerate(messages):
            self.messages.append(self._message(index, message))

    def _message(self, index: int, message: object) -> tuple[RoleFormat, list[_Piece]]:
        where = f"messages[{index}]"
        if not isinstance(message, Mapping):
            raise ArgumentTypeError(
                f"{where} must be a dict with 'role' and 'content', got "
                f"{type(message).__name__} {message!r}"
            )
        for key in message:
            if key not in _MESSAGE_KEYS and key not in _UNWRITTEN_KEYS:
                raise InvalidArgumentError(
                    f"{where} has the field {key!r}, which the prompt format does not write "
                    "(a tool call is counted as the text it is written as: give it as "
                    f"content); the fields are 'role' and 'content'"
                )
        for key in sorted(_MESSAGE_KEYS):
            if key not in message:
                raise InvalidArgumentError(f"{where} has no {key!r}")
        role = message["role"]
        if not isinstance(role, str):
            raise ArgumentTypeError(
                f"{where}['role'] must be a string, got {type(role).__name__} {role!r}"
            )
        try:
            role_format = _prompt_format().role(role)
        except InvalidArgumentError as error:
            raise InvalidArgumentError(f"{where}['role']: {error}") from None
        content = message["content"]
        where = f"{where}['content']"
        if isinstance(content, str):
            return role_format, [content]
        if content is None:
            raise InvalidArgumentError(
                f"{where} is None; give the message's text (a tool call as the text it is "
                "written as), or a list of content parts"
            )
        if isinstance(content, (bytes, Mapping)) or not isinstance(content, Sequence):
            raise ArgumentTypeError(
                f"{where} must be text or a list of content parts, got {type(content).__name__}"
            )
        return role_format, [
            self._part(f"{where}[{number}]", part) for number, part in enumerate(content)
        ]

    def _part(self, where: str, part: object) -> _Piece:
        if not isinstance(part, Mapping):
            raise ArgumentTypeError(
                f"{where} must be a dict such as {{'type': 'text', 'text': ...}}, got "
                f"{type(part).__name__} {part!r}"
            )
        kind = part.get("type")
        if kind == "image_url":
            raise InvalidArgumentError(
                f"{where} is an 'image_url' part, which does not say how the image is cut into "
                "tiles; give {'type': 'image', 'columns': ..., 'rows': ...} with the grid of "
                "tiles Meta's image transform cuts it into"
            )
        expected = _PART_KEYS.get(kind) if isinstance(kind, str) else None
        if expected is None:
            raise InvalidArgumentError(
                f"{where}['type'] is {kind!r}; the content part types are 'text' and 'image'"
            )
        for key in part:
            if key not in expected:
                raise InvalidArgumentError(
                    f"{where} has the field {key!r}; a {kind!r} part has "
                    + ", ".join(repr(name) for name in sorted(expected))
                )
        for key in sorted(expected):
            if key not in part:
                raise InvalidArgumentError(f"{where} has no {key!r}")
        if kind == "text":
            text = part["text"]
            if not isinstance(text, str):
                raise ArgumentTypeError(
                    f"{where}['text'] must be a string, got {type(text).__name__}"
                )
            return text
        self.images += 1
        return _image_tokens(part["columns"], part["rows"], where)

    def tokens(self, add_generation_prompt: bool) -> int:
        """The tokens of the whole prompt, counted piece by piece as Meta encodes it."""
        format_ = _prompt_format()
        counter = _counter()
        headers: dict[str, int] = {}

        def header(role: RoleFormat) -> int:
            if role.role not in headers:
                headers[role.role] = (
                    _special("header_start", "header_end")
                    + counter.count(role.header)
                    + counter.count(format_.header_separator)
                )
            return headers[role.role]

        total = _special("begin_of_text")
        for role, pieces in self.messages:
            total += header(role)
            for piece in pieces:
                total += counter.count(piece) if isinstance(piece, str) else piece
            total += _special(role.end_token)
        if add_generation_prompt:
            total += header(format_.role("assistant"))
        return total


def _generation_flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ArgumentTypeError(
            f"add_generation_prompt must be True or False, got {type(value).__name__} {value!r}"
        )
    return value


def count_chat_tokens(
    messages: Sequence[Mapping[str, object]], *, add_generation_prompt: bool = True
) -> int:
    """The prompt tokens of a chat, as Meta's ``ChatFormat.encode_dialog_prompt`` writes it.

    ``messages`` are OpenAI-style dicts: ``role`` is ``"system"``, ``"user"``,
    ``"assistant"`` or ``"tool"`` (written ``ipython`` in the header, and ended with
    ``<|eom|>``); ``content`` is text or a list of parts, ``{"type": "text", "text": ...}``
    and ``{"type": "image", "columns": c, "rows": r}`` for an image cut into ``c`` x ``r``
    tiles (see :func:`image_tokens`). ``name`` and ``tool_call_id`` are allowed and take no
    tokens, since the format does not write them.

    The count is ``<|begin_of_text|>``; for each message its header (``<|header_start|>``,
    the role, ``<|header_end|>``, then ``"\\n\\n"`` encoded on its own), each content part
    encoded on its own, and the token that ends the message; and, with
    ``add_generation_prompt`` (Meta's code always adds it), the header of the assistant
    message the model is to write. Text is encoded as given, not stripped.

    A message or part of another shape raises :class:`~llama_cards.InvalidArgumentError`
    (or :class:`~llama_cards.ArgumentTypeError` for a value of the wrong type) naming the
    message and the field, before the tokenizer is loaded.
    """
    flag = _generation_flag(add_generation_prompt)
    return _Dialog(messages).tokens(flag)


# --------------------------------------------------------------------------- request


class RequestCheck(FrozenRecord):
    """Whether a chat request fits a model: its tokens against the model's limit, and its
    inputs against what the model takes and what the card says was tested.

    Its truth is not obvious (fits? takes the images? within the tested images?), so
    ``bool()`` raises :class:`TypeError`: use :attr:`fits`, :attr:`modalities_accepted`
    or :attr:`images_within_tested`, or :meth:`raise_for_limits`.
    """

    model: ModelId
    """The model checked, e.g. ``"llama-4-scout"``."""
    model_name: str
    """The model's name as the card prints it, e.g. ``"Llama 4 Scout (17Bx16E)"``."""
    checkpoint: Optional[str]
    """The checkpoint (Hugging Face repository id) whose limit was used, or ``None``."""
    prompt_tokens: int
    """Tokens of the prompt (:func:`count_chat_tokens`)."""
    max_new_tokens: int
    """Tokens the request lets the model write."""
    requested_tokens: int
    """``prompt_tokens + max_new_tokens``: what must fit."""
    limit: int
    """The most tokens the request may take."""
    limit_kind: LimitKind
    """Which limit :attr:`limit` is: the card's ``"context_length"``, or the checkpoint's
    ``"max_sequence_length"``."""
    fits: bool
    """Whether :attr:`requested_tokens` is within :attr:`limit`."""
    over_by: int
    """How many tokens too many; ``0`` when it fits."""
    images: int
    """Images in the messages."""
    max_tested_images: int
    """The most input images the card says were tested, e.g. ``5``."""
    images_within_tested: bool
    """Whether :attr:`images` is within :attr:`max_tested_images`: more may work, but were
    not tested (a warning, not a limit)."""
    modalities: tuple[Modality, ...]
    """The input modalities the request uses, e.g. ``("text", "image")``."""
    modalities_accepted: bool
    """Whether the model takes every modality in :attr:`modalities`."""
    warnings: tuple[str, ...]
    """What may go wrong although the request fits, in words: images beyond those tested,
    an input the model does not take."""

    def __bool__(self) -> bool:
        raise TypeError(
            "a RequestCheck has no truth value: use .fits for the token limit (or "
            ".raise_for_limits()), .modalities_accepted and .images_within_tested"
        )

    def raise_for_limits(self) -> None:
        """Raise :class:`~llama_cards.ContextLengthExceededError` unless the request fits."""
        if not self.fits:
            raise ContextLengthExceededError(self.model_name, self.limit, self.requested_tokens)


def _resolved(value: object) -> Model:
    if isinstance(value, Model):
        return value
    return named_model(value)  # type: ignore[arg-type]  # it refuses what is not a str


def _checkpoint_limit(model: Model, checkpoint: object) -> tuple[str, int]:
    """The repository id of ``checkpoint`` of ``model`` and its maximum sequence length."""
    if isinstance(checkpoint, HuggingFaceRepo):
        checkpoint = checkpoint.id
    if not isinstance(checkpoint, str):
        raise ArgumentTypeError(
            "checkpoint must be a Hugging Face repository id such as "
            f"'meta-llama/Llama-4-Scout-17B-16E-Instruct', got {type(checkpoint).__name__}"
        )
    asked = checkpoint.casefold()
    for repo in model.huggingface_repos:
        if asked in (repo.id.casefold(), repo.id.rsplit("/", 1)[-1].casefold()):
            break
    else:
        known = ", ".join(repr(repo.id) for repo in model.huggingface_repos)
        raise InvalidArgumentError(
            f"{model.name} has no checkpoint {checkpoint!r}; its checkpoints are {known}"
        )
    limit = getattr(repo, "max_sequence_length", None)
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise InvalidArgumentError(
            f"no maximum sequence length is known for the checkpoint {repo.id!r}; leave "
            f"checkpoint out to check against {model.name}'s context length of "
            f"{model.context_length:,} tokens"
        )
    return repo.id, limit


def check_request(
    model: Union[str, Model],
    messages: Sequence[Mapping[str, object]],
    *,
    max_new_tokens: int = 0,
    checkpoint: Union[str, HuggingFaceRepo, None] = None,
) -> RequestCheck:
    """Check a chat request against a model: tokens, images and input modalities.

    ``model`` is a name :func:`~llama_cards.model` resolves, or a :class:`Model`.
    ``messages`` are counted with :func:`count_chat_tokens` (with the generation prompt),
    and ``prompt tokens + max_new_tokens`` is checked against the card's
    ``context_length``; given ``checkpoint`` (a Hugging Face repository id of the model,
    or its :class:`HuggingFaceRepo`), against that checkpoint's maximum sequence length
    where one is known, and :class:`~llama_cards.InvalidArgumentError` where none is. It
    also says whether the model takes every input used, and whether the images are within
    those the card says were tested. :meth:`RequestCheck.raise_for_limits` raises when the
    request does not fit.
    """
    found = _resolved(model)
    new_tokens = _count(max_new_tokens, "max_new_tokens")
    dialog = _Dialog(messages)
    kind: LimitKind
    if checkpoint is None:
        repo_id: Optional[str] = None
        limit, kind = found.context_length, "context_length"
    else:
        repo_id, limit = _checkpoint_limit(found, checkpoint)
        kind = "max_sequence_length"
    prompt = dialog.tokens(add_generation_prompt=True)
    requested = prompt + new_tokens
    tested = _loader.newest().image_testing.max_tested_images
    used: tuple[Modality, ...] = ("text", "image") if dialog.images else ("text",)
    refused = [modality for modality in used if not found.accepts(modality)]
    warnings = []
    if dialog.images > tested:
        warnings.append(
            f"{dialog.images} images is more than the {tested} the card says were tested; "
            "more may work, but test the application with them"
        )
    if refused:
        warnings.append(
            f"{found.name} does not take {' or '.join(refused)} input, which the request has"
        )
    return RequestCheck(
        model=found.id,
        model_name=found.name,
        checkpoint=repo_id,
        prompt_tokens=prompt,
        max_new_tokens=new_tokens,
        requested_tokens=requested,
        limit=limit,
        limit_kind=kind,
        fits=requested <= limit,
        over_by=max(0, requested - limit),
        images=dialog.images,
        max_tested_images=tested,
        images_within_tested=dialog.images <= tested,
        modalities=used,
        modalities_accepted=not refused,
        warnings=tuple(warnings),
    )
