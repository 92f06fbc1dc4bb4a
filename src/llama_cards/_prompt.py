"""The Llama 4 prompt format as data: special tokens, role headers, the image tile layout.

Private: the record classes of the data file ``data/card-4/prompt-format.json``, which is
shipped beside the card (pinned and read by the loader like a part of it, but no part of
the card's JSON), each number and token name with the document it comes from;
:mod:`llama_cards._tokens` counts with them.

```pycon
>>> from llama_cards._loader import newest
>>> layout = newest().prompt_format.image_layout
>>> layout.patch_tokens_per_tile, layout.tile_pixels, layout.max_tiles
(144, 336, 16)
>>> newest().prompt_format.role("tool").header
'ipython'

```
"""

from __future__ import annotations

from typing import Literal, get_args

from ._base import FieldSource, FrozenRecord, Source
from .errors import ArgumentTypeError, InvalidArgumentError

__all__ = [
    "ChatRole",
    "ImageLayout",
    "PromptFormat",
    "RoleFormat",
    "SpecialToken",
    "SpecialTokenId",
]

SpecialTokenId = Literal[
    "begin_of_text",
    "end_of_text",
    "header_start",
    "header_end",
    "eot",
    "eom",
    "image_start",
    "image_end",
    "image",
    "patch",
    "tile_x_separator",
    "tile_y_separator",
]
"""Our id of a special token of the prompt format: its text without ``<|`` and ``|>``."""

ChatRole = Literal["system", "user", "assistant", "tool"]
"""The role of a chat message, as OpenAI-style messages name it."""


class SpecialToken(FrozenRecord):
    """A special token of the prompt format: one token however it is spelled."""

    id: SpecialTokenId
    """Our id of the token, e.g. ``"eot"``."""
    text: str
    """How the token is written in a prompt, e.g. ``"<|eot|>"``."""
    meaning: str
    """What the token marks, in short words."""
    source: Source


class RoleFormat(FrozenRecord):
    """How a message of one role is written: the header's text and the token that ends it."""

    role: ChatRole
    """The role as messages name it, e.g. ``"tool"``."""
    header: str
    """The text between ``<|header_start|>`` and ``<|header_end|>``, e.g. ``"ipython"``."""
    end_token: SpecialTokenId
    """The special token that closes the message, e.g. ``"eom"``."""
    source: Source


class ImageLayout(FrozenRecord):
    """How an image is written into a prompt: tiles of patch tokens.

    An image cut into one tile is ``<|image_start|>``, ``<|image|>``, the tile's patches and
    ``<|image_end|>``. An image cut into several tiles writes each row of tiles (tiles apart
    by ``<|tile_x_separator|>``, the row closed by ``<|tile_y_separator|>``), then
    ``<|image|>`` and the patches of the whole image scaled down to one tile.
    """

    patch_tokens_per_tile: int
    """``<|patch|>`` tokens written for each tile, e.g. ``144``."""
    tile_pixels: int
    """The side of a square tile in pixels, e.g. ``336``; Meta cuts an image into a grid
    of such tiles (and this package leaves choosing the grid to the caller)."""
    max_tiles: int
    """The most tiles one image is cut into, e.g. ``16``."""
    source: Source
    field_sources: tuple[FieldSource, ...]
    """Where each number is printed or how it was derived; see :meth:`source_of`."""


class PromptFormat(FrozenRecord):
    """The parts of Meta's Llama 4 prompt format that decide how many tokens a prompt takes."""

    special_tokens: tuple[SpecialToken, ...]
    """Every special token the format writes."""
    header_separator: str
    """The text written after ``<|header_end|>``, encoded on its own: ``"\\n\\n"``."""
    header_separator_source: Source
    roles: tuple[RoleFormat, ...]
    """How each role's messages are written."""
    image_layout: ImageLayout

    def _record_rules(self) -> None:
        # Counting looks tokens and roles up by id: each must be there, and once.
        for kind, ids, expected in (
            ("special token", [t.id for t in self.special_tokens], SpecialTokenId),
            ("role", [r.role for r in self.roles], ChatRole),
        ):
            wanted = get_args(expected)
            if sorted(ids) != sorted(wanted):
                raise ValueError(f"the prompt format must list each {kind} once: {wanted}")

    def special_token(self, token: SpecialTokenId) -> SpecialToken:
        """The special token of id ``token``, e.g. ``"eot"``.

        ```pycon
        >>> from llama_cards._loader import newest
        >>> newest().prompt_format.special_token("eot").text
        '<|eot|>'

        ```
        """
        for entry in self.special_tokens:
            if entry.id == token:
                return entry
        known = ", ".join(repr(entry.id) for entry in self.special_tokens)
        raise InvalidArgumentError(f"no special token {token!r}; the format has {known}")

    def role(self, role: str) -> RoleFormat:
        """How messages of ``role`` (``"system"``, ``"user"``, ``"assistant"``, ``"tool"``)
        are written; another value raises :class:`~llama_cards.InvalidArgumentError`."""
        if not isinstance(role, str):
            raise ArgumentTypeError(
                f"a role must be a string such as 'user', got {type(role).__name__} {role!r}"
            )
        for entry in self.roles:
            if entry.role == role:
                return entry
        known = ", ".join(repr(entry.role) for entry in self.roles)
        raise InvalidArgumentError(f"unknown role {role!r}; the roles are {known}")
