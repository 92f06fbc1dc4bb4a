"""Building blocks shared by every record: the frozen base model, provenance, year-month dates.

Private: the public names are re-exported from the package.
"""

# Record classes are built at import, and pydantic reads their field annotations: written
# as expressions (no `from __future__ import annotations` here) they cost less to read
# than strings, on every cold start. Annotations naming what is defined later are quoted,
# and so is every other annotation that subscripts a type (a function's, a plain class's):
# Python evaluates those at import too, and a typing subscription is slow to evaluate.
import functools
import operator
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Literal,
    Optional,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)

# Each name from the module that defines it: a name read from pydantic's package face is
# imported on first use through a walk of its whole lazy-import table.
from pydantic import BaseModel, ConfigDict
from pydantic.fields import Field
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

if TYPE_CHECKING:
    from pydantic import (
        GetCoreSchemaHandler,
        GetJsonSchemaHandler,
        SerializerFunctionWrapHandler,
    )

try:
    from pydantic_core import from_json as parse_json
except ImportError:  # pragma: no cover - pydantic-core before 2.14 (pydantic < 2.5)
    from json import loads as parse_json  # type: ignore[assignment]  # bytes in, objects out

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).

__all__ = [
    "Count",
    "FieldSource",
    "FrozenRecord",
    "GenericBase",
    "Modality",
    "ModelId",
    "Positive",
    "Precision",
    "Source",
    "TruthRaises",
    "Variant",
    "YearMonth",
    "parse_json",
]

Count = Annotated[int, Field(ge=0)]
"""A field that counts something (hours, tons, shots): zero or more, in the models and in
the JSON Schema alike."""
Positive = Annotated[int, Field(ge=1)]
"""A field that sizes something (parameters, a context, a threshold): one or more."""
ModelId = Literal["llama-4-scout", "llama-4-maverick"]
"""Canonical id of a Llama 4 model of the card (kept here, with the kinds below, so that
records of every concept can name a model without importing the model records)."""
Modality = Literal["text", "image", "code"]
"""A kind of input or output named by the card."""
Precision = Literal["bf16", "fp8"]
"""Numeric format of released weights."""
Variant = Literal["pretrained", "instruct"]
"""Whether a checkpoint is the pretrained or the instruction-tuned model."""

if TYPE_CHECKING:
    from typing import Generic as GenericBase
else:

    class GenericBase:
        """``typing.Generic`` as type checkers see it; at run time an empty base, and
        ``X[T]`` is ``X``. The package's generic helpers (an index, a descriptor) are
        private and never inspected at run time, and a class made generic by
        ``typing.Generic`` costs more than twice as much to create, on every cold start."""

        __slots__ = ()

        def __class_getitem__(cls, item: object) -> type:
            return cls


_Answer = TypeVar("_Answer")

ANSWER_CACHE_SIZE = 1024
"""How many answers the cache in front of a lookup keeps (it is fed by user input)."""
ANSWER_KEY_LENGTH = 64
"""The longest argument a cache keeps: long text is answered, never remembered."""


def answer_cache(lookup: "Callable[[str], _Answer]") -> "Callable[[str], _Answer]":
    """``lookup`` behind a least-recently-used cache of :data:`ANSWER_CACHE_SIZE` answers.

    Call it only with a string of at most :data:`ANSWER_KEY_LENGTH` characters, so that a
    caller looping over user input can make the cache neither grow nor hold long text;
    answer anything else
    with ``lookup`` itself, which says what is wrong with it. Errors are never cached. When
    the cache is full, the answer used longest ago makes room, so new questions keep being
    remembered.
    """
    return functools.lru_cache(maxsize=ANSWER_CACHE_SIZE)(lookup)


def answers_cache(lookup: "Callable[..., _Answer]") -> "Callable[..., _Answer]":
    """:func:`answer_cache` for a lookup of several arguments: remembered when each is a
    short string or None, else answered by ``lookup`` directly."""
    remembered = functools.lru_cache(maxsize=ANSWER_CACHE_SIZE)(lookup)

    def answer(*key: object) -> _Answer:
        for part in key:
            if part is not None and (type(part) is not str or len(part) > ANSWER_KEY_LENGTH):
                return lookup(*key)
        return remembered(*key)

    return answer


# Control characters (Unicode category Cc: C0, DEL, C1) inside an argument are refused, never
# dropped: name_key would otherwise ignore a NUL and answer for "scout\x00" as for "scout".
# Searched for only once text is known not to be printable (re keeps the compiled pattern).
_CONTROL = r"[\x00-\x1f\x7f-\x9f]"


def text_argument(value: object, what: str, example: str) -> str:
    """A name or code a caller gave, with the whitespace around it stripped.

    The one check of every text argument (model, benchmark, table, category, subtask,
    domicile): a value that is not text raises :class:`~llama_cards.ArgumentTypeError`; a
    control character inside the text (a NUL, an escape) raises
    :class:`~llama_cards.InvalidArgumentError` naming where it is.
    """
    if type(value) is str and value.isprintable():  # no control character: checked in C
        return value.strip()
    if not isinstance(value, str):
        from .errors import ArgumentTypeError, quote_input

        raise ArgumentTypeError(
            f"{what} must be a string such as {example!r}, got {type(value).__name__} "
            f"{quote_input(value)}"
        )
    text = value.strip()
    control = re.search(_CONTROL, text)
    if control is not None:
        from .errors import InvalidArgumentError, quote_input

        raise InvalidArgumentError(
            f"{what} {quote_input(value)} contains the control character {control.group()!r} at "
            f"position {control.start() + len(value) - len(value.lstrip())}; control "
            "characters are refused, not removed: give the name alone, e.g. "
            f"{example!r}"
        )
    return text


class TruthRaises:
    """Mixin of a result whose truth a reader could guess wrongly: ``bool()`` raises.

    ``if assess_use(...):`` would read as "if permitted", yet an object is true whatever it
    says; so ``bool()`` raises :class:`TypeError` naming :attr:`_truth_attribute`, the
    attribute that holds the answer (``"permitted"``, ``"fits"``). Tables and sequences are
    not results of this kind: they keep "empty is false".
    """

    __slots__ = ()
    _truth_attribute: "ClassVar[str]"

    def __bool__(self) -> bool:
        name = type(self).__name__
        attribute = self._truth_attribute
        raise TypeError(
            f"the truth of a {name} is ambiguous; test its .{attribute} instead "
            f"(e.g. `if result.{attribute}:`)"
        )


def name_key(name: str) -> str:
    """The key of a name: ``"Llama-4 Scout"`` and ``"llama_4_scout"`` give ``"llama4scout"``.

    Names ignore case, spaces and punctuation ('_', '-', '.', '/', brackets): every spelling
    a user types of one name meets one key, for models, benchmarks, tables and categories
    alike. What is kept is letters and digits of any script (``str.isalnum``, the
    characters that the pattern ``[\\W_]`` does not match).
    """
    if name.isalnum():
        return name.casefold()
    return "".join(filter(str.isalnum, name)).casefold()


def spellings_of(name: str) -> "tuple[str, ...]":
    """The spellings of a name that an index reads before the argument check: the name as
    given and in lower case, or none where it is not printable.

    So that a card of one's own with a control character in a name still has a query
    holding it refused (:func:`text_argument`), not answered; the name's key, which drops
    the character, still finds it.
    """
    return (name, name.lower()) if name.isprintable() else ()


def unexpected_type(message: str) -> Exception:
    """The :class:`~llama_cards.ArgumentTypeError` of a check that the annotations say
    cannot fail: a caller without a type checker can still pass another type."""
    from .errors import ArgumentTypeError

    return ArgumentTypeError(message)


def count(value: object, name: str, unit: str = "tokens") -> int:
    """A count of ``unit``: a non-negative int. Floats are ValueError, other types TypeError.

    Shared by every argument that counts something (tokens, images, users), so each one
    refuses the same inputs with the same kind of error.
    """
    if isinstance(value, bool):
        from .errors import ArgumentTypeError

        raise ArgumentTypeError(f"{name} must be an integer number of {unit}, got bool {value!r}")
    if isinstance(value, float):
        from .errors import InvalidArgumentError

        raise InvalidArgumentError(
            f"{name} must be a whole number of {unit}, got {value!r}; pass an int"
        )
    try:
        number = operator.index(value)  # type: ignore[arg-type]  # TypeError below
    except TypeError:
        from .errors import ArgumentTypeError, quote_input

        raise ArgumentTypeError(
            f"{name} must be an integer number of {unit}, got {type(value).__name__} "
            f"{quote_input(value)}"
        ) from None
    if number < 0:
        from .errors import InvalidArgumentError

        raise InvalidArgumentError(f"{name} must be zero or more {unit}, got {number}")
    return number


if TYPE_CHECKING:
    _Convert = Callable[[Any], Any]


def _held_sources(value: object) -> "Iterator[Source]":
    """The sources of the records a field holds: a source itself, each record's own, or,
    for a record that has none (a group of records), those of the records it holds."""
    if isinstance(value, tuple):
        for item in value:
            yield from _held_sources(item)
    elif isinstance(value, Source):
        yield value
    elif isinstance(value, FrozenRecord) and not isinstance(value, FieldSource):
        own = value._own_sources()
        if own:
            yield from own
        else:
            for name in type(value).model_fields:
                yield from _held_sources(getattr(value, name))


class FrozenRecord(BaseModel):
    """Base of every record: immutable, strict about unknown fields, tuples for collections."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        # Building a validator costs more than the rest of a cold start; a record class only
        # builds one when something validates through it (Card.from_json, the tests).
        defer_build=True,
        # Fields such as `model_developer` are the card's words, not pydantic's namespace.
        protected_namespaces=(),
    )

    def __eq__(self, other: object) -> bool:
        # Records are equal when their fields are; caches and pydantic's bookkeeping (which
        # differs between pydantic releases for constructed and validated records) are not
        # part of a record's value.
        if type(other) is type(self):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: "type[Any]", handler: "GetCoreSchemaHandler"
    ) -> CoreSchema:
        # The rules across a record's fields are a method `_record_rules(self) -> None` of
        # the class that states them, raising ValueError with what is wrong; a subclass's
        # add to those of its bases. They run once the fields validate (Card.from_json,
        # the tests), never on the trusted shipped data: what @model_validator(mode="after")
        # sets up, without the decorator's cost on every cold start.
        schema = handler(source)
        rules = tuple(
            vars(kind)["_record_rules"]
            for kind in reversed(cls.__mro__)
            if "_record_rules" in vars(kind)
        )
        if not rules:
            return schema
        return cast(CoreSchema, _with_rules(schema, functools.partial(_run_rules, rules)))

    def source_of(self, field: str) -> "tuple[Source, ...]":
        """Where the value of ``field`` is printed: its ``field_sources`` entry where the
        record has one; else, for a field that holds records (or sources), the sources of
        those records; else the record's own ``source`` (or ``sources``).

        A source whose :attr:`Source.derived` is set marks a value that no document
        prints (an id of ours, a note in our words), with how it was derived.

        A name that is not a field of the record raises
        :class:`~llama_cards.InvalidArgumentError` naming the fields.

        ```pycon
        >>> import llama_cards
        >>> scout = llama_cards.model("scout")
        >>> [str(source) for source in scout.source_of("release_date")]
        ['azure-card, Distribution channels (Model Release Date)', \
'meta-model-card, Model Information (Model Release Date)']
        >>> [str(source) for source in scout.source_of("context_length")]
        ['azure-card, Technical specs (table, row Llama 4 Scout (17Bx16E))']
        >>> [str(source) for source in scout.source_of("training")]
        ['azure-card, Training time (table, row Llama 4 Scout)']

        ```
        """
        fields = type(self).model_fields
        if type(field) is not str or field not in fields:
            field = text_argument(field, "a field name", "release_date")
        if field not in fields:
            from .errors import InvalidArgumentError, quote_input

            raise InvalidArgumentError(
                f"{type(self).__name__} has no field {quote_input(field)}; its fields are "
                f"{', '.join(fields)}"
            )
        for entry in getattr(self, "field_sources", ()):
            if entry.field == field:
                if entry.sources:
                    return tuple(entry.sources)
                # Derived from what the record's own sources print, as the entry says.
                return tuple(
                    Source._construct(
                        {"document": own.document, "section": own.section, "derived": entry.derived}
                    )
                    for own in self._own_sources()
                )
        # A field that holds records (a model's checkpoints, the card's countries) is
        # printed where those records are: their own sources, not this record's.
        nested = tuple(dict.fromkeys(_held_sources(getattr(self, field))))
        return nested or self._own_sources()

    def _own_sources(self) -> "tuple[Source, ...]":
        own = getattr(self, "source", None)
        if isinstance(own, Source):
            return (own,)
        return tuple(getattr(self, "sources", ()))

    @classmethod
    def _from_trusted(cls: "type[_Record]", data: "dict[str, Any]") -> "_Record":
        """Build a record from data already proven valid, without building a validator.

        Only for the shipped data, whose bytes are pinned by sha256 to a file that the test
        suite validates with pydantic (and checks this path builds an equal card from it).
        A field left out of the data takes its default.
        """
        plan = _TRUSTED_PLANS.get(cls)
        if plan is None:
            plan = _TRUSTED_PLANS[cls] = _trusted_plan(cls)
        reads, private = plan
        return _new_record(cls, {name: read(data) for name, read in reads}, private)

    @classmethod
    def _construct(
        cls: "type[_Record]", values: "dict[str, Any]", *, in_order: bool = False
    ) -> "_Record":
        """A record of values already proven valid (the trusted data, or a result the
        package computes from records): what ``model_construct`` does, at a fraction of its
        cost, which the first query of a cold start pays hundreds of times.

        Fields left out take their defaults; private attributes start at theirs. The
        values are kept in the order of the fields (JSON is written in that order), which
        ``in_order`` says they already are.
        """
        fields, defaults, private = _layout(cls)
        if not in_order or len(values) != len(fields):
            values = {name: values[name] if name in values else defaults[name] for name in fields}
        return _new_record(cls, values, private)


_Record = TypeVar("_Record", bound=FrozenRecord)


def _run_rules(rules: "tuple[Callable[[Any], None], ...]", record: _Record) -> _Record:
    """The check after a record validates: the rules of each class of its MRO, base first."""
    for rule in rules:
        rule(record)
    return record


def _with_rules(schema: Any, check: "functools.partial[Any]") -> Any:
    """``schema`` with ``check`` right after the model it validates: inside the validators a
    subclass adds with ``@model_validator`` (which pydantic puts around the model, as it
    puts its bases' first), and only once (pydantic may hand back a schema it built)."""
    kind = schema.get("type")
    if kind in ("function-after", "function-before", "function-wrap"):
        function = schema["function"].get("function")
        if isinstance(function, functools.partial) and function.func is _run_rules:
            return schema
        return {**schema, "schema": _with_rules(schema["schema"], check)}
    if kind != "model":  # a reference to a schema built before: checked where it is
        return schema
    model = dict(schema)
    ref = model.pop("ref", None)  # the reference names the checked model
    checked = core_schema.no_info_after_validator_function(check, cast(CoreSchema, model))
    return {**checked, "ref": ref} if ref is not None else dict(checked)


# What building a record of each class needs, worked out from its fields on first use and
# kept here (pydantic's model_fields is a property, slow to read per record): the field
# names in order, the defaults of the optional ones, the defaults of private attributes;
# and how to read each field from trusted JSON (name, reader of the JSON object).
if TYPE_CHECKING:
    _Layout = tuple[tuple[str, ...], dict[str, Any], Optional[dict[str, Any]]]
    _Plan = tuple[tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...], Optional[dict[str, Any]]]
_LAYOUTS: "dict[type, _Layout]" = {}
_TRUSTED_PLANS: "dict[type, _Plan]" = {}
_new_object = object.__new__
_set_slot = object.__setattr__


def _layout(cls: "type[FrozenRecord]") -> "_Layout":
    found = _LAYOUTS.get(cls)
    if found is None:
        fields = cls.model_fields
        defaults = {
            name: field.get_default(call_default_factory=True)
            for name, field in fields.items()
            if not field.is_required()
        }
        private = {name: held.get_default() for name, held in cls.__private_attributes__.items()}
        found = _LAYOUTS[cls] = (tuple(fields), defaults, private or None)
    return found


def _new_record(
    cls: "type[_Record]", values: "dict[str, Any]", private: "Optional[dict[str, Any]]"
) -> _Record:
    """A ``cls`` record holding ``values`` (every field, in the order of the fields), its
    private attributes starting at ``private``, the defaults of its layout."""
    record = _new_object(cls)
    _set_slot(record, "__dict__", values)
    _set_slot(record, "__pydantic_fields_set__", set(values))
    _set_slot(record, "__pydantic_extra__", None)
    _set_slot(record, "__pydantic_private__", None if private is None else dict(private))
    return record


def _trusted_plan(cls: "type[FrozenRecord]") -> "_Plan":
    """For each field of ``cls``, the function that reads it from a trusted JSON object:
    converted as pydantic would build it, or its default where the object leaves it out;
    and the defaults of its private attributes."""
    _, defaults, private = _layout(cls)
    plan = []
    for name, field in cls.model_fields.items():
        convert = _converter(field.annotation)
        if name in defaults:
            read = _optional_reader(name, convert, defaults[name])
        elif convert is None:
            read = operator.itemgetter(name)  # read in C: most fields are text or numbers
        else:
            read = _required_reader(name, convert)
        plan.append((name, read))
    return tuple(plan), private


def _optional_reader(
    name: str, convert: "Optional[_Convert]", default: Any
) -> "Callable[[dict[str, Any]], Any]":
    if convert is None:
        return operator.methodcaller("get", name, default)
    return lambda data: convert(data[name]) if name in data else default


def _required_reader(name: str, convert: "_Convert") -> "Callable[[dict[str, Any]], Any]":
    return lambda data: convert(data[name])


def _converter(annotation: Any) -> "Optional[_Convert]":
    """How to turn trusted JSON for ``annotation`` into the value pydantic would build;
    None where the JSON value is that value already (text, numbers, booleans)."""
    # Plain types first, by identity: most fields are, and typing's introspection of a
    # generic form costs more than all of these tests.
    if annotation is str or annotation is int or annotation is bool:
        return None
    if annotation is float:
        return float
    if annotation is date:
        return date.fromisoformat
    if annotation is YearMonth:
        return YearMonth.parse
    if isinstance(annotation, type(FrozenRecord)) and issubclass(annotation, FrozenRecord):
        return annotation._from_trusted
    origin = get_origin(annotation)
    if origin is Literal:
        return None
    if origin is Annotated:  # a constrained field: its constraints are validation's
        return _converter(get_args(annotation)[0])
    if origin is tuple:
        item = _converter(get_args(annotation)[0])
        if item is None:
            return tuple
        return lambda values: tuple(map(item, values))
    if origin is Union:
        (inner,) = (arg for arg in get_args(annotation) if arg is not type(None))
        convert = _converter(inner)
        if convert is None:
            return None
        return lambda value: None if value is None else convert(value)
    if getattr(annotation, "__module__", None) == "packaging.version":
        # Only the Card has a version; importing packaging here keeps it off the cold path
        # of a first model() lookup.
        from packaging.version import Version

        if annotation is Version:
            return Version
    raise TypeError(f"no trusted converter for {annotation!r}")  # a schema change needs one


YEAR_MONTH_PATTERN = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$"


def text_type_schema(kind: type, parse: "Callable[[str], Any]") -> CoreSchema:
    """The pydantic schema of a value type kept as text in JSON (a YearMonth, a Version).

    JSON gives text, read with ``parse``; Python code may also give an instance of ``kind``;
    either way the value serialises as ``str(value)``.
    """
    from_text = core_schema.no_info_after_validator_function(parse, core_schema.str_schema())
    return core_schema.json_or_python_schema(
        json_schema=from_text,
        python_schema=core_schema.union_schema([core_schema.is_instance_schema(kind), from_text]),
        serialization=core_schema.to_string_ser_schema(),
    )


class YearMonth:
    """A date known to the month, printed ``YYYY-MM`` (a knowledge cutoff, a card update).

    ```pycon
    >>> cutoff = YearMonth(2024, 8)
    >>> str(cutoff), cutoff.year, cutoff.month
    ('2024-08', 2024, 8)
    >>> YearMonth.parse("2026-03") > cutoff
    True
    >>> cutoff == "2024-08", cutoff < "2024-09", cutoff.last_day
    (True, True, datetime.date(2024, 8, 31))

    It equals and hashes like its printed form and orders against it; a string that is
    not ``YYYY-MM`` raises :class:`~llama_cards.InvalidArgumentError` (a ``ValueError``)
    when ordered against, and is merely unequal. A month is not a day: ordering against a
    ``date`` raises ``TypeError``; compare :attr:`first_day` or :attr:`last_day` instead.

    ```
    """

    __slots__ = ("_month", "_year")
    _year: int
    _month: int

    def __init__(self, year: int, month: int) -> None:
        if type(year) is not int or type(month) is not int:
            from .errors import ArgumentTypeError

            raise ArgumentTypeError(
                f"YearMonth takes an int year and an int month, got year={year!r}, "
                f"month={month!r}; e.g. YearMonth(2024, 8)"
            )
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            from .errors import InvalidArgumentError

            raise InvalidArgumentError(
                f"YearMonth({year!r}, {month!r}) is out of range: month is 1-12, year 1-9999"
            )
        object.__setattr__(self, "_year", year)
        object.__setattr__(self, "_month", month)

    @classmethod
    def parse(cls, text: str) -> "YearMonth":
        """Read ``"YYYY-MM"``; anything else is an error naming the text.

        Text of another form raises :class:`~llama_cards.InvalidArgumentError` (a
        ``ValueError``); a value that is not text raises
        :class:`~llama_cards.ArgumentTypeError` (a ``TypeError``).
        """
        if not isinstance(text, str):
            raise unexpected_type(
                f"YearMonth.parse takes text such as '2024-08', got {type(text).__name__}"
            )
        # Four ASCII digits, a hyphen, two ASCII digits, as the JSON Schema says (an ASCII
        # character is a digit only if it is 0-9).
        year, hyphen, month = text[:4], text[4:5], text[5:]
        if not (
            len(text) == 7
            and text.isascii()
            and hyphen == "-"
            and year.isdigit()
            and month.isdigit()
        ):
            from .errors import InvalidArgumentError

            raise InvalidArgumentError(
                f"{text!r} is not a year and month written as YYYY-MM (e.g. 2024-08)"
            )
        return cls(int(year), int(month))

    @property
    def year(self) -> int:
        """The year, e.g. ``2024``."""
        return self._year

    @property
    def month(self) -> int:
        """The month, ``1`` to ``12``."""
        return self._month

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"YearMonth is immutable; cannot set {name!r}")

    def __reduce__(self) -> "tuple[type[YearMonth], tuple[int, int]]":
        # Rebuild through __init__ (pickle, copy, deepcopy), since attributes cannot be set.
        return (YearMonth, (self._year, self._month))

    def __str__(self) -> str:
        return f"{self._year:04d}-{self._month:02d}"

    def __repr__(self) -> str:
        return f"YearMonth({self._year}, {self._month})"

    @property
    def first_day(self) -> date:
        """The first day of the month, for comparing with a date: ``2024-08-01``."""
        return date(self._year, self._month, 1)

    @property
    def last_day(self) -> date:
        """The last day of the month, for comparing with a date: ``2024-08-31``."""
        if self._month == 12:
            return date(self._year, 12, 31)
        return date.fromordinal(date(self._year, self._month + 1, 1).toordinal() - 1)

    def _key(self) -> "tuple[int, int]":
        return (self._year, self._month)

    def _other_key(self, other: object, operation: str) -> "Union[tuple[int, int], None]":
        """The key of what ``self`` is ordered against, None where ordering is not defined."""
        if isinstance(other, YearMonth):
            return other._key()
        if isinstance(other, str):
            return YearMonth.parse(other)._key()
        if isinstance(other, date):  # datetime is a date too
            kind = type(other).__name__
            raise TypeError(
                f"a YearMonth is a month, not a day: {self} {operation} {kind} is not defined; "
                f"compare .first_day or .last_day with the {kind} "
                f"(e.g. cutoff.last_day {operation} day)"
            )
        return None

    def __eq__(self, other: object) -> bool:
        # Equal to its printed form, so that sets and dicts of the two agree (see __hash__).
        if isinstance(other, YearMonth):
            return self._key() == other._key()
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        key = self._other_key(other, "<")
        return NotImplemented if key is None else self._key() < key

    def __le__(self, other: object) -> bool:
        key = self._other_key(other, "<=")
        return NotImplemented if key is None else self._key() <= key

    def __gt__(self, other: object) -> bool:
        key = self._other_key(other, ">")
        return NotImplemented if key is None else self._key() > key

    def __ge__(self, other: object) -> bool:
        key = self._other_key(other, ">=")
        return NotImplemented if key is None else self._key() >= key

    def __hash__(self) -> int:
        return hash(str(self))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: "type[Any]", handler: "GetCoreSchemaHandler"
    ) -> CoreSchema:
        return text_type_schema(cls, cls.parse)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: "GetJsonSchemaHandler"
    ) -> JsonSchemaValue:
        # What parse() takes: four ASCII digits (not 0000), a hyphen, a month 01 to 12.
        return {"type": "string", "pattern": YEAR_MONTH_PATTERN, "examples": ["2024-08"]}


def _without_empty_derivation(source: "Source", write: "SerializerFunctionWrapHandler") -> Any:
    dumped = write(source)
    if isinstance(dumped, dict) and dumped.get("derived", "") is None:
        del dumped["derived"]
    return dumped


class Source(FrozenRecord):
    """Where a fact comes from: a document of the card's ``documents`` and the part of it.

    ``document`` is the id of an entry of :attr:`Card.documents` (which gives its title,
    publisher, version and link); ``section`` names the section, table or clause.
    """

    document: str
    """Id of the document, an entry of :attr:`Card.documents`, e.g. ``"azure-card"``."""
    section: str
    """The section, table or clause of the document, e.g. ``"Supported languages"``."""
    derived: Optional[str] = None
    """How the value was derived, where no document prints it (an id of ours, an alias
    built on a naming pattern, an arithmetic result): ``document`` and ``section`` then
    name what it was derived from. ``None`` for a value the document prints."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: "type[Any]", handler: "GetCoreSchemaHandler"
    ) -> CoreSchema:
        # A printed value's source stays {document, section} in JSON, as in the data files.
        # This is what @model_serializer(mode="wrap") would set up; that decorator's module
        # costs a sixth of a first model() to import, on every cold start.
        schema = super().__get_pydantic_core_schema__(source, handler)
        return {
            **schema,  # the model schema, with the serializer below
            "serialization": core_schema.wrap_serializer_function_ser_schema(
                _without_empty_derivation, return_schema=core_schema.any_schema()
            ),
        }

    def __str__(self) -> str:
        if self.derived is not None:
            return f"{self.document}, {self.section} (derived: {self.derived})"
        return f"{self.document}, {self.section}"

    @classmethod
    def _from_trusted(cls: "type[_Record]", data: "dict[str, Any]") -> "_Record":
        return _shared((cls, *_printed_at(data)), super()._from_trusted, data)


# Equal sources (and field sources) of the trusted data are one record each, as equal
# strings may be one object: every score of a benchmark table names the table's section,
# and the licence's terms repeat a handful of field sources. Records are immutable, so
# sharing one changes no answer. Keyed by class and JSON content; the trusted data is
# the shipped card's, so the dict holds what the card holds.
_SHARED: "dict[tuple[Any, ...], Any]" = {}


def _shared(
    key: "tuple[Any, ...]", build: "Callable[[dict[str, Any]], _Record]", data: "dict[str, Any]"
) -> _Record:
    found: Optional[_Record] = _SHARED.get(key)
    if found is None:
        found = _SHARED.setdefault(key, build(data))
    return found


def _printed_at(source: "dict[str, Any]") -> "tuple[str, str, Optional[str]]":
    """What tells a source in trusted JSON apart: its document, section and derivation."""
    return source["document"], source["section"], source.get("derived")


class FieldSource(FrozenRecord):
    """Where one field of a record is printed, when that is not the record's own ``source``.

    A record's ``source`` names the section it is read from as a whole (a table row, the
    whole card); a fact printed elsewhere (the release date, under the card's distribution
    section) gets a ``FieldSource`` naming the field and every section that prints it.
    """

    field: str
    """The name of the record's field, e.g. ``"release_date"``."""
    sources: tuple[Source, ...] = ()
    """Every section that prints the field's value: the served card first, then any other
    document that states it too. Empty for a value derived from the record's own sources
    (see :attr:`derived`)."""
    derived: Optional[str] = None
    """For a value that no document prints, derived from what the record's own ``source``
    (or ``sources``) print: how. :meth:`FrozenRecord.source_of` then gives each of the
    record's sources with this derivation."""

    def _record_rules(self) -> None:
        if bool(self.sources) == (self.derived is not None):
            raise ValueError(
                f"the field source of {self.field!r} gives either its sources or, for a "
                "value derived from the record's own sources, how it was derived"
            )

    @classmethod
    def _from_trusted(cls: "type[_Record]", data: "dict[str, Any]") -> "_Record":
        printed = map(_printed_at, data.get("sources", ()))
        key = (cls, data["field"], data.get("derived"), *printed)
        return _shared(key, super()._from_trusted, data)
