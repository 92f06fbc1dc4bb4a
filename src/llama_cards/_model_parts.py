"""The records that the Llama 4 models and the comparison models both hold: a number as
printed, a published checkpoint; and the modalities either kind names.

Private: the public names are re-exported from the package. Apart from the Llama 4 model
records, so that a first benchmark question does not build their classes.
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
from typing import Optional, Union, get_args

from ._base import (
    Count,
    FieldSource,
    FrozenRecord,
    Modality,
    Precision,
    Source,
    Variant,
    text_argument,
)

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = ["HuggingFaceRepo", "Quantity"]

MODALITIES: tuple[str, ...] = get_args(Modality)


class Quantity(FrozenRecord):
    """A number as the card prints it: ``~40T`` is ``Quantity(value=40_000_000_000_000,
    approximate=True, printed="~40T")``.

    It equals, orders and hashes like its :attr:`value` (``int`` and ``float`` give it),
    so ``training_tokens == 40_000_000_000_000`` is True; whether the number is
    approximate stays on the record. Two quantities are equal when every field is.

    ```pycon
    >>> tokens = Quantity(value=40, approximate=True, printed="~40")
    >>> tokens == 40, tokens > 39.5, int(tokens), float(tokens), hash(tokens) == hash(40)
    (True, True, 40, 40.0, True)

    ```
    """

    value: Count
    """The number, in units (tokens, hours)."""
    approximate: bool
    """True where the card marks the number approximate (a leading ``~``)."""
    printed: str
    """The text the card prints, e.g. ``"~40T"``."""
    lower_bound: bool = False
    """True where the printing marks the number as the least it can be (a trailing ``+``,
    as in the Llama 3.x cards' ``15T+``); ``int(quantity)`` is then that least value."""

    def __int__(self) -> int:
        return self.value

    def __float__(self) -> float:
        return float(self.value)

    def __str__(self) -> str:
        return self.printed

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return self.value == other
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __lt__(self, other: object) -> bool:
        number = _number(other)
        return NotImplemented if number is None else self.value < number

    def __le__(self, other: object) -> bool:
        number = _number(other)
        return NotImplemented if number is None else self.value <= number

    def __gt__(self, other: object) -> bool:
        number = _number(other)
        return NotImplemented if number is None else self.value > number

    def __ge__(self, other: object) -> bool:
        number = _number(other)
        return NotImplemented if number is None else self.value >= number


def _number(other: object) -> "Union[int, float, None]":
    """What a :class:`Quantity` compares with: a number (not a bool) or a quantity's value."""
    if isinstance(other, Quantity):
        return other.value
    if isinstance(other, (int, float)) and not isinstance(other, bool):
        return other
    return None


class HuggingFaceRepo(FrozenRecord):
    """A published checkpoint of a model on the Hugging Face Hub.

    It equals and hashes like its :attr:`id`, so a repository id is ``in``
    :attr:`Model.huggingface_repos`; two records are equal when every field is.

    ```pycon
    >>> import llama_cards
    >>> scout = llama_cards.model("scout")
    >>> "meta-llama/Llama-4-Scout-17B-16E-Instruct" in scout.huggingface_repos
    True

    ```
    """

    id: str
    """Repository id, e.g. ``"meta-llama/Llama-4-Scout-17B-16E-Instruct"``."""
    variant: Variant
    """``"pretrained"`` or ``"instruct"``."""
    precision: Precision
    """Precision of the weights in that repository, e.g. ``"bf16"``."""
    source: Source
    max_sequence_length: Optional[int] = None
    """The longest sequence Meta's model registry gives the checkpoint, e.g. ``10_485_760``
    for Scout instruct and ``262_144`` for the pretrained checkpoints; ``None`` in a card of
    schema 1.0. The card's :attr:`Model.context_length` stays the served default; see
    :meth:`source_of`."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed somewhere other than :attr:`source` (the sequence limit)."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.id == other
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self.id)


def modality_of(value: object) -> str:
    if value in MODALITIES:
        return str(value)
    if isinstance(value, str) and value.strip().lower() in MODALITIES:
        return value.strip().lower()
    known = ", ".join(repr(name) for name in MODALITIES)
    if isinstance(value, str):
        text_argument(value, "a modality", "image")  # a control character is its own error
    from .errors import UnknownModalityError, quote_input

    raise UnknownModalityError(f"unknown modality {quote_input(value)}: the card names {known}")
