"""The Llama 4 models of the card: their specs, and checks against their limits.

```pycon
>>> import llama_cards
>>> scout = llama_cards.model("scout")
>>> scout.name, scout.context_length, scout.experts
('Llama 4 Scout (17Bx16E)', 10000000, 16)
>>> scout.fits_context(9_000_000, max_new_tokens=500_000)
True
>>> llama_cards.model("meta-llama/Llama-4-Maverick-17B-128E-Instruct").id
'llama-4-maverick'

```
"""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Literal, Optional, get_args

from . import _data
from ._base import FieldSource, FrozenRecord, Source, YearMonth, _field_sources, remember
from .errors import (
    ArgumentTypeError,
    ContextLengthExceededError,
    DataIntegrityError,
    InvalidArgumentError,
    UnknownModalityError,
    UnknownModelError,
)

if TYPE_CHECKING:
    from .card import Card

__all__ = [
    "AlternativePrinting",
    "HuggingFaceRepo",
    "Modality",
    "Model",
    "ModelId",
    "Precision",
    "Quantity",
    "Quantization",
    "Training",
    "Variant",
    "find_models",
    "model",
    "models",
]

ModelId = Literal["llama-4-scout", "llama-4-maverick"]
"""Canonical id of a Llama 4 model of the card."""

Modality = Literal["text", "image", "code"]
"""A kind of input or output named by the card."""

Precision = Literal["bf16", "fp8"]
"""Numeric format of released weights."""

Variant = Literal["pretrained", "instruct"]
"""Whether a checkpoint is the pretrained or the instruction-tuned model."""

MODALITIES: tuple[str, ...] = get_args(Modality)


class Quantity(FrozenRecord):
    """A number as the card prints it: ``~40T`` is ``Quantity(value=40_000_000_000_000,
    approximate=True, printed="~40T")``.

    ``int(quantity)`` gives the value.
    """

    value: int
    """The number, in units (tokens, hours)."""
    approximate: bool
    """True where the card marks the number approximate (a leading ``~``)."""
    printed: str
    """The text the card prints, e.g. ``"~40T"``."""

    def __int__(self) -> int:
        return self.value

    def __str__(self) -> str:
        return self.printed


class HuggingFaceRepo(FrozenRecord):
    """A published checkpoint of a model on the Hugging Face Hub."""

    id: str
    """Repository id, e.g. ``"meta-llama/Llama-4-Scout-17B-16E-Instruct"``."""
    variant: Variant
    """``"pretrained"`` or ``"instruct"``."""
    precision: Precision
    """Precision of the weights in that repository, e.g. ``"bf16"``."""
    source: Source


class Training(FrozenRecord):
    """One row of the card's training table: compute, power and emissions."""

    gpu_hours: int
    """GPU hours of pre-training, e.g. ``5_000_000`` (the card prints ``5.0M``)."""
    power_watts: Optional[int]
    """Peak power per GPU in watts; ``None`` where the card prints ``-`` (the total row)."""
    location_based_tco2eq: int
    """Location-based greenhouse gas emissions, tons CO2eq."""
    market_based_tco2eq: int
    """Market-based greenhouse gas emissions, tons CO2eq."""
    source: Source


class Quantization(FrozenRecord):
    """How a model's weights are released and what hardware they fit."""

    released_precisions: tuple[Precision, ...]
    """Precisions of the released weights, e.g. ``("bf16", "fp8")``."""
    note: str
    """What the card says the weights fit on, in short words."""
    source: Source


class AlternativePrinting(FrozenRecord):
    """Another printing of a model's value than the one served, and where it is.

    The spec table's printing is served; where other text of the card prints the same
    value otherwise (the token counts without their ``~`` in the training disclosure), that
    printing is kept here with its source.
    """

    field: str
    """The :class:`Model` field printed otherwise, e.g. ``"training_tokens"``."""
    printed: str
    """The other printing, e.g. ``"40 trillion"``."""
    note: str
    """What differs, in short words."""
    source: Source
    """Where the other printing is."""


def _count(value: object, name: str, unit: str = "tokens") -> int:
    """A count of ``unit``: a non-negative int. Floats are ValueError, other types TypeError.

    Shared by every argument that counts something (tokens, images, users), so each one
    refuses the same inputs with the same kind of error.
    """
    if isinstance(value, bool):
        raise ArgumentTypeError(f"{name} must be an integer number of {unit}, got bool {value!r}")
    if isinstance(value, float):
        raise InvalidArgumentError(
            f"{name} must be a whole number of {unit}, got {value!r}; pass an int"
        )
    try:
        count = operator.index(value)  # type: ignore[arg-type]  # checked: TypeError below
    except TypeError:
        raise ArgumentTypeError(
            f"{name} must be an integer number of {unit}, got {type(value).__name__} {value!r}"
        ) from None
    if count < 0:
        raise InvalidArgumentError(f"{name} must be zero or more {unit}, got {count}")
    return count


def _modality(value: object) -> str:
    if value in MODALITIES:
        return str(value)
    if isinstance(value, str) and value.strip().lower() in MODALITIES:
        return value.strip().lower()
    known = ", ".join(repr(name) for name in MODALITIES)
    raise UnknownModalityError(f"unknown modality {value!r}: the card names {known}")


class Model(FrozenRecord):
    """One Llama 4 model as the card describes it.

    Every field is the card's value; ``source`` says where it is printed.
    """

    id: ModelId
    """Canonical id, e.g. ``"llama-4-scout"``."""
    name: str
    """The name as the card's spec table prints it, e.g. ``"Llama 4 Scout (17Bx16E)"``."""
    short_name: str
    """The name as the card's training table prints it, e.g. ``"Llama 4 Scout"``."""
    aliases: tuple[str, ...]
    """Other names that :func:`model` accepts (short names, catalogue names)."""
    active_parameters: int
    """Parameters activated per token, e.g. ``17_000_000_000`` (``17B (Activated)``)."""
    total_parameters: int
    """All parameters, e.g. ``109_000_000_000`` (``109B (Total)``)."""
    experts: int
    """Number of experts of the mixture-of-experts layers, e.g. ``16``."""
    input_modalities: tuple[Modality, ...]
    """What the model takes in, e.g. ``("text", "image")``."""
    output_modalities: tuple[Modality, ...]
    """What the model produces, e.g. ``("text", "code")``."""
    input_description: str
    """The input modalities as printed, e.g. ``"Multilingual text and image"``."""
    output_description: str
    """The output modalities as printed, e.g. ``"Multilingual text and code"``."""
    context_length: int
    """Context window in tokens, e.g. ``10_000_000`` (the card prints ``10M``)."""
    context_length_printed: str
    """The context length as printed, e.g. ``"10M"``."""
    training_tokens: Quantity
    """Pre-training tokens, e.g. ``~40T``."""
    knowledge_cutoff: YearMonth
    """Month of the pre-training data cutoff, e.g. ``2024-08``."""
    release_date: date
    """Release date of the model, e.g. ``2025-04-05``."""
    huggingface_repos: tuple[HuggingFaceRepo, ...]
    """Every published checkpoint of the model on the Hugging Face Hub."""
    training: Training
    """The model's row of the training table."""
    quantization: Quantization
    """Released weight precisions and what they fit on."""
    alternative_printings: tuple[AlternativePrinting, ...]
    """Other printings of the model's values elsewhere in the card, e.g. the training
    disclosure's ``"40 trillion"`` for the spec table's ``~40T`` (which is served)."""
    source: Source
    """The model's row of the card's spec table, where most of its fields are printed."""
    field_sources: tuple[FieldSource, ...]
    """The fields printed somewhere other than :attr:`source` (the release date, the
    short name), each with every section that prints it; see :meth:`source_of`."""

    def source_of(self, field: str) -> tuple[Source, ...]:
        """Where the value of ``field`` is printed: its :attr:`field_sources` entry, or
        ``(self.source,)`` when it has none.

        A name that is not a field of :class:`Model` raises
        :class:`~llama_cards.InvalidArgumentError` naming the fields.

        ```pycon
        >>> import llama_cards
        >>> scout = llama_cards.model("scout")
        >>> [str(source) for source in scout.source_of("release_date")]
        ['azure-card, Distribution channels (Model Release Date)', \
'meta-model-card, Model Information (Model Release Date)']
        >>> [str(source) for source in scout.source_of("context_length")]
        ['azure-card, Technical specs (table, row Llama 4 Scout (17Bx16E))']

        ```
        """
        return _field_sources(self, self.field_sources, self.source, field)

    def fits_context(self, prompt_tokens: int, max_new_tokens: int = 0) -> bool:
        """Whether ``prompt_tokens + max_new_tokens`` fits in the context window.

        A negative or non-integer count raises :class:`~llama_cards.InvalidArgumentError`
        (a ``ValueError``); a count that is not a number raises
        :class:`~llama_cards.ArgumentTypeError` (a ``TypeError``).

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("maverick").fits_context(1_000_000)
        True
        >>> llama_cards.model("maverick").fits_context(999_999, max_new_tokens=2)
        False

        ```
        """
        requested = _count(prompt_tokens, "prompt_tokens") + _count(
            max_new_tokens, "max_new_tokens"
        )
        return requested <= self.context_length

    def check_context(self, prompt_tokens: int, max_new_tokens: int = 0) -> None:
        """Raise :class:`~llama_cards.ContextLengthExceededError` unless the request fits.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("maverick").check_context(2_000_000)
        Traceback (most recent call last):
        ...
        llama_cards.errors.ContextLengthExceededError: Llama 4 Maverick (17Bx128E) has a \
context length of 1,000,000 tokens, but the request needs 2,000,000 (over by 1,000,000); \
shorten the prompt, lower max_new_tokens, or pick a model with a longer context \
(find_models(min_context=...))

        ```
        """
        requested = _count(prompt_tokens, "prompt_tokens") + _count(
            max_new_tokens, "max_new_tokens"
        )
        if requested > self.context_length:
            raise ContextLengthExceededError(self.name, self.context_length, requested)

    def accepts(self, modality: str) -> bool:
        """Whether the model takes ``modality`` (``"text"``, ``"image"`` or ``"code"``) as input.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").accepts("image")
        True

        ```
        """
        return _modality(modality) in self.input_modalities

    def produces(self, modality: str) -> bool:
        """Whether the model outputs ``modality`` (``"text"``, ``"image"`` or ``"code"``).

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").produces("image")
        False

        ```
        """
        return _modality(modality) in self.output_modalities

    def supports_language(self, tag: str) -> bool:
        """Whether the model supports the language ``tag`` names (BCP 47, ISO 639, a name).

        The card lists one set of languages for every Llama 4 model, so this is
        :func:`llama_cards.supports_language` of the newest card.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").supports_language("pt-BR")
        True

        ```
        """
        # A function-level import costs more than the warm lookup's whole budget, and a
        # module-level one would build the language records on every cold start: look the
        # function up once and keep it.
        check = _language_check or _load_language_check()
        return check(tag)


_language_check: Optional[Callable[[str], bool]] = None


def _load_language_check() -> Callable[[str], bool]:
    global _language_check
    from .languages import supports_language

    _language_check = supports_language
    return supports_language


# ----------------------------------------------------------------------------- names

# Names ignore case, spaces and punctuation ('_', '-', '.', '/', brackets): every spelling a
# user types of the same name meets one key, for model() and the benchmark queries alike.
_IGNORED = re.compile(r"[\W_]+")


def _normalise_name(name: str) -> str:
    return _IGNORED.sub("", name).casefold()


def _model_names(entry: Model) -> list[str]:
    """Every name a model answers to: id, names, aliases, repositories with and without owner."""
    names = [entry.id, entry.name, entry.short_name, *entry.aliases]
    for repo in entry.huggingface_repos:
        names += [repo.id, repo.id.rsplit("/", 1)[-1]]
    return names


def _name_index(entries: tuple[Model, ...]) -> dict[str, Model]:
    """Every name of every model (ids, names, aliases, repositories), normalised."""
    index: dict[str, Model] = {}
    for entry in entries:
        for name in _model_names(entry):
            key = _normalise_name(name)
            if index.setdefault(key, entry) is not entry:
                raise DataIntegrityError(
                    f"the name {name!r} is given to two models, {index[key].id!r} and {entry.id!r}"
                )
    return index


def _find_model(index: dict[str, Model], entries: tuple[Model, ...], name: object) -> Model:
    """The model ``name`` names in ``index``, or an error naming the closest ones."""
    if not isinstance(name, str):
        raise ArgumentTypeError(
            f"a model name must be a string, got {type(name).__name__} {name!r}"
        )
    key = _normalise_name(name)
    found = index.get(key)
    if found is not None:
        return found
    import difflib

    near = difflib.get_close_matches(key, list(index), n=3, cutoff=0.5)
    closest = list(dict.fromkeys(index[k].id for k in near))
    raise UnknownModelError(name, closest, [m.id for m in entries])


# --------------------------------------------------------------------------- loading

_lock = threading.Lock()
_shipped: dict[str, tuple[Model, ...]] = {}
_newest: Optional[tuple[tuple[Model, ...], dict[str, Model]]] = None


def _shipped_models(version: str) -> tuple[Model, ...]:
    """The model records of a shipped card version, built once and shared with its Card."""
    return _data.build_once(
        _shipped,
        version,
        _lock,
        lambda: tuple(Model._from_trusted(entry) for entry in _data.raw_card(version)["models"]),
    )


def _newest_models() -> tuple[tuple[Model, ...], dict[str, Model]]:
    """The newest card's models and their name index, without building the rest of the card."""
    global _newest
    if _newest is None:
        entries = _shipped_models(_data.newest_version())
        _newest = (entries, _name_index(entries))
    return _newest


def _current() -> Card:
    from .card import card

    return card()


_RESOLVED: dict[object, Model] = {}


def model(name: str) -> Model:
    """The model of the newest card answering to ``name``.

    ``name`` may be the id (``"llama-4-scout"``), a short name (``"scout"``), the card's
    name (``"Llama 4 Scout (17Bx16E)"``), a catalogue name
    (``"Llama-4-Scout-17B-16E-Instruct"``) or a Hugging Face repository id, in any case,
    with any spaces or punctuation. An unknown name raises
    :class:`~llama_cards.UnknownModelError` naming the closest known names.

    ```pycon
    >>> model("Llama_4_SCOUT").id
    'llama-4-scout'

    ```
    """
    try:
        return _RESOLVED[name]
    except (KeyError, TypeError):
        pass
    entries, index = _newest_models()
    found = _find_model(index, entries, name)
    remember(_RESOLVED, name, found)
    return found


def models() -> tuple[Model, ...]:
    """Every model of the newest card, in the card's order (Scout, then Maverick).

    ```pycon
    >>> [m.id for m in models()]
    ['llama-4-scout', 'llama-4-maverick']

    ```
    """
    return _newest_models()[0]


def find_models(
    *,
    min_context: Optional[int] = None,
    input_modality: Optional[str] = None,
    language: Optional[str] = None,
) -> tuple[Model, ...]:
    """The models of the newest card that meet every condition given.

    ```pycon
    >>> [m.id for m in find_models(min_context=2_000_000)]
    ['llama-4-scout']
    >>> [m.id for m in find_models(input_modality="image")]
    ['llama-4-scout', 'llama-4-maverick']
    >>> [m.id for m in find_models(language="hi-IN")], find_models(language="ko")
    (['llama-4-scout', 'llama-4-maverick'], ())

    ```
    """
    return _current().find_models(
        min_context=min_context, input_modality=input_modality, language=language
    )
