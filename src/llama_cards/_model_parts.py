"""What the Llama 4 models and the comparison models both have: records of a number as
printed and of a published checkpoint, the modalities either kind names; and their names,
in the one index behind every lookup by model name.

Private: the public names are re-exported from the package. Apart from the Llama 4 model
records, so that a first benchmark question does not build their classes, and so that the
questions that need only a model's names and a few of its facts (the licence check, the
benchmark tables) read them from the models' data without building the records.
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Optional, Protocol, TypeVar, Union, get_args

from ._base import (
    Count,
    FieldSource,
    FrozenRecord,
    GenericBase,
    Modality,
    ModelId,
    Precision,
    Source,
    Variant,
    name_key,
    spellings_of,
    text_argument,
)

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = ["HuggingFaceRepo", "ModelFacts", "NameIndex", "Quantity", "names_of"]

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


# ----------------------------------------------------------------------------- names


# Read by type checkers only: no Protocol is used at run time, and creating one (or a
# bound given as text, which typing compiles) is paid on every cold start.
if TYPE_CHECKING:

    class _HasId(Protocol):
        @property
        def id(self) -> str: ...

    _Named = TypeVar("_Named", bound=_HasId)
else:
    _Named = TypeVar("_Named")


def names_of(
    model_id: str, name: str, short_name: str, aliases: "Iterable[str]", repos: "Iterable[str]"
) -> "list[str]":
    """Every name a Llama 4 model answers to: its id, names and aliases, and the id of each
    of its Hugging Face repositories with and without the owner."""
    names = [model_id, name, short_name, *aliases]
    for repo in repos:
        names += [repo, repo.rsplit("/", 1)[-1]]
    return names


class ModelFacts:
    """What the model lookups, the licence check and the benchmark tables read of a Llama 4
    model: its id, names, input modalities and release date, read from the models' data
    (the shipped card) or from its record (a card of one's own)."""

    __slots__ = ("id", "input_modalities", "names", "release_date", "short_name")

    def __init__(
        self,
        model_id: ModelId,
        short_name: str,
        names: "Sequence[str]",
        input_modalities: "tuple[Modality, ...]",
        release_date: date,
    ) -> None:
        self.id = model_id
        self.short_name = short_name
        self.names = tuple(names)
        self.input_modalities = input_modalities
        self.release_date = release_date

    @classmethod
    def from_json(cls, entry: "dict[str, Any]") -> "ModelFacts":
        """The facts of one entry of the models' data file (pinned, as every part is)."""
        return cls(
            entry["id"],
            entry["short_name"],
            names_of(
                entry["id"],
                entry["name"],
                entry["short_name"],
                entry["aliases"],
                [repo["id"] for repo in entry["huggingface_repos"]],
            ),
            tuple(entry["input_modalities"]),
            date.fromisoformat(entry["release_date"]),
        )

    def __repr__(self) -> str:
        return f"<ModelFacts of {self.id}>"


class NameIndex(GenericBase[_Named]):
    """Every name of a set of records, each normalised by :func:`name_key`, to its record.

    The one index behind every lookup by model name: a name as given, or in lower case, is
    one dict read; any other spelling is normalised first. Two records claiming one name is
    damaged data.
    """

    __slots__ = ("by_key", "by_spelling", "entries", "ids")

    def __init__(self, named: "Iterable[tuple[_Named, Iterable[str]]]") -> None:
        self.by_key: dict[str, _Named] = {}
        self.by_spelling: dict[str, _Named] = {}
        entries: list[_Named] = []
        for entry, names in named:
            entries.append(entry)
            for name in names:
                key = name_key(name)
                if self.by_key.setdefault(key, entry) is not entry:
                    from .errors import DataIntegrityError

                    raise DataIntegrityError(
                        f"the name {name!r} is given to two models, "
                        f"{self.by_key[key].id!r} and {entry.id!r}"
                    )
                for spelled in spellings_of(name):
                    self.by_spelling.setdefault(spelled, entry)
        self.entries = tuple(entries)
        self.ids = tuple(entry.id for entry in entries)

    def get(self, name: str) -> "Optional[_Named]":
        """The record ``name`` names, or None: for text the argument check has let through."""
        found = self.known(name)
        return self.by_key.get(name_key(name)) if found is None else found

    def known(self, name: str) -> "Optional[_Named]":
        """The record ``name`` names, found without the argument check, or None: where no
        record has that name, and where ``name`` is not printable and needs the check.

        The index keeps only printable spellings (:func:`spellings_of`), so the two reads of
        a name as given and in lower case, made before any check, find no text that holds
        a control character (the lower case of text that is not printable is not printable
        either). The key, which drops what is not a letter or a digit, is read only for
        printable text (checked in C, and only for spellings that are neither of those).
        """
        by_spelling = self.by_spelling
        found = by_spelling.get(name)
        if found is None:
            found = by_spelling.get(name.lower())
            if found is None and name.isprintable():
                found = self.by_key.get(name_key(name))
        return found

    def find(self, name: object, what: str = "a model name") -> _Named:
        """The record ``name`` names, or :class:`UnknownModelError` naming the closest.

        A record given (one with an ``id``, such as a :class:`Model`) stands for its id.
        """
        if type(name) is str:
            found = self.known(name)
            if found is not None:
                return found
        elif isinstance(name, FrozenRecord):
            record_id = getattr(name, "id", None)
            if isinstance(record_id, str):
                found = self.by_spelling.get(record_id)
                if found is not None:
                    return found
                name = record_id
        text = text_argument(name, what, "scout")
        found = self.get(text)
        if found is not None:
            return found
        from .errors import UnknownModelError

        raise UnknownModelError(text, self.closest(text), self.ids)

    def closest(self, name: str) -> "list[str]":
        """The ids of the records with names nearest to ``name``, best first."""
        import difflib

        key = name_key(name)[:_LONGEST_SUGGESTED]
        near = difflib.get_close_matches(key, list(self.by_key), n=4, cutoff=0.5)
        if len(key) >= 3:
            near += [known for known in self.by_key if known.startswith(key)]
        return list(dict.fromkeys(self.by_key[k].id for k in near))


_LONGEST_SUGGESTED = 80  # keep difflib cheap on very long input
