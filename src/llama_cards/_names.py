"""Names: the one index behind every lookup by name, and what a model answers to.

Private. Kept apart from the model records, so that the questions that only need a model's
names and a few of its facts (the licence check, the benchmark tables) read them from the
models' data without building the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Optional, Protocol, TypeVar

from ._base import FrozenRecord, GenericBase, Modality, ModelId, name_key, text_argument

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = ["ModelFacts", "NameIndex", "names_of"]


# Read by type checkers only: no Protocol is used at run time, and creating one is paid on
# every cold start.
if TYPE_CHECKING:

    class _HasId(Protocol):
        @property
        def id(self) -> str: ...


_Named = TypeVar("_Named", bound="_HasId")


def names_of(
    model_id: str, name: str, short_name: str, aliases: Iterable[str], repos: Iterable[str]
) -> list[str]:
    """Every name a Llama 4 model answers to: its id, names and aliases, and the id of each
    of its Hugging Face repositories with and without the owner."""
    names = [model_id, name, short_name, *aliases]
    for repo in repos:
        names += [repo, repo.rsplit("/", 1)[-1]]
    return names


class ModelFacts:
    """What the licence check and the benchmark tables read of a Llama 4 model: its id,
    names, input modalities and release date, read from the models' data (the shipped
    card) or from its record (a card of one's own)."""

    __slots__ = ("id", "input_modalities", "names", "release_date", "short_name")

    def __init__(
        self,
        model_id: ModelId,
        short_name: str,
        names: Sequence[str],
        input_modalities: tuple[Modality, ...],
        release_date: date,
    ) -> None:
        self.id = model_id
        self.short_name = short_name
        self.names = tuple(names)
        self.input_modalities = input_modalities
        self.release_date = release_date

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> ModelFacts:
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

    def __init__(self, named: Iterable[tuple[_Named, Iterable[str]]]) -> None:
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
                self.by_spelling.setdefault(name, entry)
                self.by_spelling.setdefault(name.lower(), entry)
        self.entries = tuple(entries)
        self.ids = tuple(entry.id for entry in entries)

    def get(self, name: str) -> Optional[_Named]:
        """The record ``name`` names, or None."""
        found = self.by_spelling.get(name)
        if found is None:
            found = self.by_spelling.get(name.lower())
            if found is None:
                found = self.by_key.get(name_key(name))
        return found

    def find(self, name: object, what: str = "a model name") -> _Named:
        """The record ``name`` names, or :class:`UnknownModelError` naming the closest.

        A record of the index (a :class:`Model`) stands for itself, found by its id.
        """
        if type(name) is str:
            found = self.by_spelling.get(name)
            # Printable text has no control character (checked in C, the common case), and
            # the key ignores the spaces around it: answered without the full check.
            if found is None and name.isprintable():
                found = self.by_spelling.get(name.lower())
                if found is None:
                    found = self.by_key.get(name_key(name))
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

    def closest(self, name: str) -> list[str]:
        """The ids of the records with names nearest to ``name``, best first."""
        import difflib

        key = name_key(name)[:_LONGEST_SUGGESTED]
        near = difflib.get_close_matches(key, list(self.by_key), n=4, cutoff=0.5)
        if len(key) >= 3:
            near += [known for known in self.by_key if known.startswith(key)]
        return list(dict.fromkeys(self.by_key[k].id for k in near))


_LONGEST_SUGGESTED = 80  # keep difflib cheap on very long input
