"""The card: one shipped revision of the model card, its versions, and its JSON form.

```pycon
>>> import llama_cards
>>> current = llama_cards.card()
>>> str(current.version), str(current.updated), current.title
('4', '2026-03', 'Llama 4 Scout 17B 16E Instruct')
>>> llama_cards.require_card(">=4").version == current.version
True

```
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any, Optional, Union

from pydantic import PrivateAttr, ValidationError

from ._base import FrozenRecord, Source, count, name_key, parse_json
from ._benchmarks import Benchmark, BenchmarkIndex, BenchmarksPart, ComparisonModel, Score
from ._deployment import DeploymentPart
from ._disagreements import Disagreement
from ._documents import DocumentsPart
from ._facts import CardFacts
from ._languages import Language, LanguagesPart
from ._license import Entity, LicensePart, UseAssessment
from ._model_parts import modality_of
from ._models import Model, model_names
from ._parts import CardParts
from ._versions import SCHEMA_RELEASES, SCHEMA_VERSION
from .errors import ArgumentTypeError, DataIntegrityError, SchemaVersionError

__all__ = ["Card", "check_schema_version"]


_SCHEMA_MAJOR = SCHEMA_VERSION.split(".")[0]
_SCHEMA_MINOR = int(SCHEMA_VERSION.split(".")[1])
_SCHEMA_FORM = re.compile(r"([0-9]{1,4})\.([0-9]{1,4})\Z")


def _sources(value: object) -> Iterator[Source]:
    """Every Source inside a record, however deep."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, FrozenRecord):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _sources(item)


class Card(DeploymentPart, LicensePart, LanguagesPart, BenchmarksPart, DocumentsPart, CardFacts):
    """One revision of the card, with every fact it serves.

    Get it from :func:`card`, :func:`cards` or :func:`require_card`; it is immutable and
    shared. Its fields are those of its parts (the card's own facts, the benchmark tables,
    the languages, the licence, what deploying its models takes), each a data file of its
    own, and its models.
    """

    models: tuple[Model, ...]
    """The Llama 4 models, in the card's order."""

    def _benchmark_index(self) -> BenchmarkIndex:
        return self._card_parts().benchmark_index

    def benchmark(self, name: str, *, table: Optional[str] = None) -> Benchmark:
        """The benchmark row of this card named ``name``; see :func:`llama_cards.benchmark`."""
        return self._benchmark_index().benchmark(name, table)

    def score(
        self,
        model: Union[str, Model],
        benchmark: str,
        *,
        table: Optional[str] = None,
        subtask: Optional[str] = None,
    ) -> Score:
        """This card's one cell for ``model`` on ``benchmark``; see :func:`llama_cards.score`."""
        return self._benchmark_index().score(model, benchmark, table, subtask)

    def language(self, tag: str) -> Language:
        """The language of this card that ``tag`` names (see :func:`llama_cards.language`)."""
        return self._card_parts().language(tag)

    def supports_language(self, tag: str) -> bool:
        """Whether this card supports ``tag`` (see :func:`llama_cards.supports_language`)."""
        return self._card_parts().supports_language(tag)

    def assess_use(
        self,
        *,
        domicile: str,
        entity: Entity = "company",
        end_user: bool = False,
        monthly_active_users: Optional[int] = None,
        model: Union[str, Model, None] = None,
    ) -> UseAssessment:
        """Whether a use is permitted under this card's licence terms (see
        :func:`llama_cards.assess_use`)."""
        return self._card_parts().assess_use(
            domicile, entity, end_user, monthly_active_users, model
        )

    def discrepancies(self) -> tuple[Disagreement, ...]:
        """Every place two sources print one of this card's facts differently (see
        :func:`llama_cards.discrepancies`)."""
        return self._card_parts().disagreements()

    _fingerprint: Optional[str] = PrivateAttr(default=None)
    _parts: Optional[CardParts] = PrivateAttr(default=None)

    @classmethod
    def of_parts(cls, parts: CardParts) -> Card:
        """The whole card of shipped parts (trusted records, shared with the parts)."""
        whole = cls._construct(parts.fields())
        whole._parts = parts
        return whole

    def _card_parts(self) -> CardParts:
        """The indexes over this card's records, built on first need."""
        parts = self._parts
        if parts is None:
            parts = self._parts = CardParts.of_card(self)
            for entry in self.models:
                entry._join(parts)
        return parts

    # ----------------------------------------------------------------- identity

    @property
    def fingerprint(self) -> str:
        """sha256 of the card's canonical JSON: equal data, equal fingerprint, in any run."""
        if self._fingerprint is None:
            import json

            canonical = json.dumps(
                self.model_dump(mode="json"),
                sort_keys=True,
                separators=(",", ":"),
                ensure_ascii=False,
            )
            self._fingerprint = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return self._fingerprint

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def _record_rules(self) -> None:
        # What the card's records name must exist in it: a card read with from_json() is
        # refused here rather than failing a later query. (The shipped data is checked by
        # the test suite and pinned, and is not validated at run time.)
        documents = {document.id for document in self.documents}
        unknown = sorted({s.document for s in _sources(self)} - documents)
        if unknown:
            raise ValueError(f"sources name documents the card does not list: {unknown}")
        known_models = {m.id for m in self.models} | {m.id for m in self.comparison_models}
        columns: dict[str, set[str]] = {}
        for table in self.benchmark_tables:
            if not set(table.models) <= known_models:
                raise ValueError(
                    f"the {table.id} table has columns for unknown models: "
                    f"{sorted(set(table.models) - known_models)}"
                )
            columns[table.id] = set(table.models)
        rows = {(row.table, row.id) for row in self.benchmarks}
        for row_table, _ in rows:
            if row_table not in columns:
                raise ValueError(f"a benchmark row names the unknown table {row_table!r}")
        for given in self.scores:
            if (given.table, given.benchmark) not in rows:
                raise ValueError(
                    f"a score names the benchmark {given.benchmark!r} of the {given.table} "
                    "table, which has no such row"
                )
            if given.model not in columns[given.table]:
                raise ValueError(
                    f"a score names the model {given.model!r}, which is not a column of the "
                    f"{given.table} table"
                )
        self._check_invariants()
        self._card_parts()  # its models answer from this card

    def _check_invariants(self) -> None:
        """The rules across fields (see ``CROSS_FIELD_RULES``), each refused with the path
        and the value that break it."""
        total = self.training_total
        for name in ("gpu_hours", "location_based_tco2eq", "market_based_tco2eq"):
            parts = [getattr(m.training, name) for m in self.models]
            if sum(parts) != getattr(total, name):
                raise ValueError(
                    f"training_total.{name} is {getattr(total, name)}, but the models' "
                    f"training rows sum to {sum(parts)} ({' + '.join(map(str, parts))})"
                )
        owners: dict[str, str] = {}
        for index, entry in enumerate(self.models):
            for name in dict.fromkeys(model_names(entry)):
                key = name_key(name)
                owner = owners.setdefault(key, entry.id)
                if owner != entry.id:
                    raise ValueError(
                        f"models[{index}] ({entry.id}) is named {name!r}, which is already a "
                        f"name of {owner!r} (names ignore case, spaces and punctuation)"
                    )
        rows = {(row.table, row.id): row for row in self.benchmarks}
        columns = {table.id: table.models for table in self.benchmark_tables}
        cells: dict[tuple[str, str, str, Optional[str]], int] = {}
        for index, given in enumerate(self.scores):
            cell = (given.table, given.benchmark, given.model, given.subtask)
            if cell in cells:
                raise ValueError(
                    f"scores[{index}] repeats scores[{cells[cell]}]: a second cell for "
                    f"{given.model!r} on {given.benchmark!r} in the {given.table} table"
                    + (f" ({given.subtask})" if given.subtask is not None else "")
                )
            cells[cell] = index
            subtasks = rows[given.table, given.benchmark].subtasks
            if (given.subtask is None) != (not subtasks) or (
                given.subtask is not None and given.subtask not in subtasks
            ):
                raise ValueError(
                    f"scores[{index}].subtask is {given.subtask!r}, but the row "
                    f"{given.benchmark!r} of the {given.table} table has the subtasks "
                    f"{list(subtasks)}"
                )
        for (table, benchmark), row in rows.items():
            for model in columns[table]:
                for subtask in row.subtasks or (None,):
                    if (table, benchmark, model, subtask) not in cells:
                        raise ValueError(
                            f"scores has no cell for {model!r} on {benchmark!r} in the "
                            f"{table} table"
                            + (f" ({subtask})" if subtask else "")
                            + ": every row has a cell in every column, a number or a reason"
                        )

    # Copies (model_copy, copy.copy, copy.deepcopy) must not inherit the caches built from
    # this card's data: a copy with updated fields would answer with the old values.
    def __copy__(self) -> Card:
        copied = super().__copy__()
        copied._clear_caches()
        return copied

    def __deepcopy__(self, memo: Optional[dict[int, Any]] = None) -> Card:
        copied = super().__deepcopy__(memo)
        copied._clear_caches()
        return copied

    def _clear_caches(self) -> None:
        for name, private in self.__private_attributes__.items():
            setattr(self, name, private.get_default())

    def __repr__(self) -> str:
        return f"<Card {self.title!r} version {self.version} updated {self.updated}>"

    __str__ = __repr__

    # ------------------------------------------------------------------- models

    def model(self, name: Union[str, Model]) -> Model:
        """The model of this card answering to ``name`` (see :func:`llama_cards.model`)."""
        return self._card_parts().model(name)

    def comparison_model(self, name: Union[str, ComparisonModel]) -> ComparisonModel:
        """The comparison model of this card answering to ``name`` (see
        :func:`llama_cards.comparison_model`)."""
        return self._card_parts().comparison_model(name)

    def find_models(
        self,
        *,
        min_context: Optional[int] = None,
        input_modality: Optional[str] = None,
        language: Optional[str] = None,
    ) -> tuple[Model, ...]:
        """The models of this card that meet every condition given.

        ``language`` keeps the models that support it; the card lists one set of supported
        languages for every model, so it keeps all of them or none.
        """
        found = self.models
        if min_context is not None:
            needed = count(min_context, "min_context")
            found = tuple(m for m in found if m.context_length >= needed)
        if input_modality is not None:
            wanted = modality_of(input_modality)
            found = tuple(m for m in found if wanted in m.input_modalities)
        if language is not None and not self.supports_language(language):
            found = ()
        return found

    # ------------------------------------------------------------ serialisation

    def to_json(self, *, indent: Optional[int] = None) -> str:
        """The card as JSON, with its ``schema_version``; :meth:`from_json` reads it back."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: Union[str, bytes]) -> Card:
        """Read a card written by :meth:`to_json`.

        JSON of another schema major version raises :class:`~llama_cards.SchemaVersionError`;
        JSON that does not match the schema raises :class:`~llama_cards.DataIntegrityError`.
        """
        if not isinstance(data, (str, bytes, bytearray)):
            raise ArgumentTypeError(
                f"Card.from_json takes JSON text (str or bytes), got {type(data).__name__}"
            )
        # Parsed once here for its schema_version, which must be checked before validation
        # (a card of another schema major would otherwise fail with misleading errors).
        try:
            raw = parse_json(data)
        except (ValueError, RecursionError) as error:
            raise DataIntegrityError(f"card JSON is not valid JSON: {error}") from error
        check_schema_version(raw, "card JSON")
        # An older minor is read as this one: its added fields take their defaults, and
        # to_json() writes the schema the card now has.
        raw["schema_version"] = SCHEMA_VERSION
        try:
            return cls.model_validate(raw)
        except ValidationError as error:
            raise DataIntegrityError(
                f"card JSON does not match the card schema: {explain(error)}"
            ) from error


CROSS_FIELD_RULES = (
    "every source names a document of `documents`",
    "every score names a benchmark row of its table and a model column of that table",
    "every benchmark row has exactly one cell for each model column of its table (one per "
    "subtask where the row has subtasks), each a number or a missing reason, never both",
    "`training_total` is the sum of the models' training rows (GPU hours and both emissions)",
    "a model's `active_parameters` are at most its `total_parameters`",
    "no two models share a name: ids, names, short names, aliases and Hugging Face "
    "repository ids, ignoring case, spaces and punctuation",
    "`schema_version` is of this release's major and at most its minor",
)
"""The rules of the card that join several fields, which JSON Schema cannot state: listed
in the description of :func:`~llama_cards.json_schema` and checked by the models."""

_SHOWN = 80  # characters of a value quoted in an error


def explain(error: ValidationError) -> str:
    """Each problem of a refused card as its field path and the value given."""
    found: dict[str, str] = {}
    for problem in error.errors():
        # A value that may be given two ways (text, or an instance in Python) fails both;
        # the steps of such a union are not fields, and the last one says what is wrong.
        path = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}"
            for part in problem["loc"]
            if isinstance(part, int) or not _UNION_STEP.search(part)
        ).lstrip(".")
        message = problem["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        given = problem.get("input")
        shown = ""
        if not isinstance(given, (dict, list)):
            shown = f" (got {_short(repr(given))})"
        found[path or "the card"] = f"{_short(message, 2 * _SHOWN)}{shown}"
    lines = [f"{path}: {message}" for path, message in list(found.items())[:5]]
    if len(found) > 5:
        lines.append(f"and {len(found) - 5} more")
    return "; ".join(lines)


_UNION_STEP = re.compile(r"[\[(]")


def _short(text: str, limit: int = _SHOWN) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def check_schema_version(raw: object, where: str) -> None:
    """Refuse JSON of a schema this release cannot read, before anything else is checked.

    Within this release's major, every minor up to its own is read (fields added since
    take their defaults). A newer minor may hold fields this release does not know, which
    validation would report as damage; it is refused here instead, naming the release to
    upgrade past.
    """
    found = raw.get("schema_version") if isinstance(raw, dict) else None
    if not isinstance(found, str):
        raise SchemaVersionError(
            f"{where} has no schema_version (got {found!r}); this release reads schema "
            f"{_SCHEMA_MAJOR}.0 to {SCHEMA_VERSION}"
        )
    match = _SCHEMA_FORM.match(found)
    if match is None:
        raise SchemaVersionError(
            f"{where} has schema_version {found[:80]!r}, which is not MAJOR.MINOR (e.g. "
            f"{SCHEMA_VERSION!r}); this release reads schema {_SCHEMA_MAJOR}.0 to {SCHEMA_VERSION}"
        )
    major, minor = int(match.group(1)), int(match.group(2))
    ours = SCHEMA_RELEASES[SCHEMA_VERSION]
    if major != int(_SCHEMA_MAJOR):
        known = [release for schema, release in SCHEMA_RELEASES.items() if schema == found]
        hint = (
            f"install llama-cards {known[0]}, which reads it"
            if known
            else f"install a llama-cards release for schema {major}.x"
            + (f" (newer than {ours})" if major > int(_SCHEMA_MAJOR) else "")
        )
        raise SchemaVersionError(
            f"{where} uses schema {found}, which this release cannot read (it reads "
            f"{_SCHEMA_MAJOR}.0 to {SCHEMA_VERSION}); {hint}"
        )
    if minor > _SCHEMA_MINOR:
        raise SchemaVersionError(
            f"{where} uses schema {found}, newer than this release reads (it reads "
            f"{_SCHEMA_MAJOR}.0 to {SCHEMA_VERSION}); upgrade llama-cards to a release newer "
            f"than {ours} (pip install --upgrade llama-cards)"
        )
