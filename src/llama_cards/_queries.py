"""The public queries: each reads the newest shipped card (or the one asked for), building
only the parts of it that the answer needs.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import Optional, Union

from packaging.version import InvalidVersion, Version

from . import _loader
from ._base import answer_cache, count
from ._benchmarks import Benchmark, BenchmarkIndex, Score
from ._card import Card, Document
from ._languages import Language, find_language, is_supported
from ._license import Entity, LicenseTerms, UseAssessment
from ._models import Model
from ._scores import Comparison, ScoreDifference, ScoreTable, difference
from .errors import (
    AmbiguousQueryError,
    ArgumentTypeError,
    CardVersionError,
    InvalidVersionSpecError,
    NotInTableError,
    _quoted,
)

__all__ = [
    "MAX_TESTED_IMAGES",
    "PRETRAINING_LANGUAGE_COUNT",
    "assess_use",
    "benchmark",
    "benchmarks",
    "card",
    "cards",
    "check_images",
    "compare",
    "document",
    "find_models",
    "json_schema",
    "language",
    "languages",
    "license_terms",
    "model",
    "models",
    "require_card",
    "score",
    "scores",
    "supports_language",
    "to_model_index",
]

# Served from the data by __getattr__ below (PEP 562): declared here for type checkers only.
PRETRAINING_LANGUAGE_COUNT: int
"""How many languages pre-training covered in all, from the card (see
:class:`LanguageCoverage`)."""
MAX_TESTED_IMAGES: int
"""The most input images image understanding was tested with, from the card (see
:class:`ImageTesting`); tested, not enforced."""


# -------------------------------------------------------------------- cards

_VERSIONS: dict[Version, str] = {}


def _shipped_versions() -> dict[Version, str]:
    """Shipped versions, oldest first, each with the name of its data folder."""
    if not _VERSIONS:
        _VERSIONS.update((Version(name), name) for name in _loader.versions())
    return _VERSIONS


def _load(version: Version) -> Card:
    return _loader.shipped(_shipped_versions()[version]).card()


def document(document_id: str) -> Document:
    """The document of the newest card that a :class:`Source` names by ``document_id``.

    ```pycon
    >>> import llama_cards
    >>> scout = llama_cards.model("scout")
    >>> llama_cards.document(scout.source.document).title
    'Llama 4 Scout 17B 16E Instruct'

    ```
    """
    return _loader.newest().document(document_id)


def _parse_version(version: object) -> Version:
    if isinstance(version, Version):
        return version
    if not isinstance(version, str):
        raise ArgumentTypeError(
            f"a card version must be a string such as '4', got {type(version).__name__}"
        )
    try:
        return Version(version)
    except InvalidVersion as error:
        raise InvalidVersionSpecError(
            f"{version!r} is not a PEP 440 version; shipped card versions are {_shipped_names()}"
        ) from error


def _shipped_names() -> str:
    return ", ".join(repr(str(v)) for v in _shipped_versions())


def card(version: Optional[str] = None) -> Card:
    """The shipped card of ``version`` (a PEP 440 version such as ``"4"``), newest when None.

    An unknown version raises :class:`~llama_cards.CardVersionError` naming the shipped ones.
    """
    if version is None:
        return _loader.newest().card()
    wanted = _parse_version(version)
    if wanted not in _shipped_versions():
        raise CardVersionError(
            f"no shipped card has version {version!r}; shipped versions are {_shipped_names()}"
        )
    return _load(wanted)


def cards() -> tuple[Card, ...]:
    """Every shipped card revision, oldest first."""
    return tuple(_load(v) for v in _shipped_versions())


def require_card(spec: str) -> Card:
    """The newest shipped card whose version satisfies the PEP 440 specifier set ``spec``.

    ```pycon
    >>> str(require_card("~=4.0").version)
    '4'
    >>> require_card(">=5")
    Traceback (most recent call last):
    ...
    llama_cards.errors.CardVersionError: no shipped card satisfies '>=5'; shipped versions \
are '4'; upgrade llama-cards for newer cards

    ```
    """
    if not isinstance(spec, str):
        raise ArgumentTypeError(
            f"a version specifier must be a string such as '>=4', got {type(spec).__name__}"
        )
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        specifiers = SpecifierSet(spec)
    except InvalidSpecifier as error:
        raise InvalidVersionSpecError(
            f"{spec!r} is not a PEP 440 version specifier; write e.g. '>=4' or '==4.*'"
        ) from error
    matching = [v for v in _shipped_versions() if specifiers.contains(v, prereleases=True)]
    if not matching:
        raise CardVersionError(
            f"no shipped card satisfies {spec!r}; shipped versions are {_shipped_names()}; "
            "upgrade llama-cards for newer cards"
        )
    return _load(matching[-1])


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Card`, as pydantic writes it."""
    return Card.model_json_schema()


# ------------------------------------------------------------------- models


def _model_lookup(name: str) -> Model:
    return _loader.newest().model_index.find(name)


_remembered_model = answer_cache(_model_lookup)


def model(name: Union[str, Model]) -> Model:
    """The model of the newest card answering to ``name``.

    ``name`` may be the id (``"llama-4-scout"``), a short name (``"scout"``), the card's
    name (``"Llama 4 Scout (17Bx16E)"``), a catalogue name
    (``"Llama-4-Scout-17B-16E-Instruct"``) or a Hugging Face repository id, in any case,
    with any spaces or punctuation; a :class:`Model` stands for its id. An unknown name
    raises :class:`~llama_cards.UnknownModelError` naming the closest known names.

    ```pycon
    >>> model("Llama_4_SCOUT").id
    'llama-4-scout'

    ```
    """
    if isinstance(name, Model):
        return _loader.newest().model(name)
    return _remembered_model(name)


def models() -> tuple[Model, ...]:
    """Every model of the newest card, in the card's order (Scout, then Maverick).

    ```pycon
    >>> [m.id for m in models()]
    ['llama-4-scout', 'llama-4-maverick']

    ```
    """
    return _loader.newest().models


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
    return (
        _loader.newest()
        .card()
        .find_models(min_context=min_context, input_modality=input_modality, language=language)
    )


# ------------------------------------------------------------------ functions


def _index() -> BenchmarkIndex:
    return _loader.newest().benchmark_index


def benchmarks(*, table: Optional[str] = None) -> tuple[Benchmark, ...]:
    """Every benchmark row of the newest card, pre-trained table first, in the card's order.

    ```pycon
    >>> [b.name for b in benchmarks(table="pretrained")]
    ['MMLU', 'MMLU-Pro', 'MATH', 'MBPP', 'TydiQA', 'ChartQA', 'DocVQA']
    >>> benchmark("MMMU Pro").footnote.marker
    '^'

    ```
    """
    rows = _loader.newest().benchmarks
    if table is None:
        return rows
    wanted = _index().table_id(table)
    return tuple(row for row in rows if row.table == wanted)


def benchmark(name: str, *, table: Optional[str] = None) -> Benchmark:
    """The benchmark row answering to ``name``, its id or printed name.

    Case, spaces and punctuation are ignored (``"MMLU Pro"``, ``"mmlu_pro"``, ``"MMLU-Pro"``).
    A benchmark of both tables needs ``table``, else :class:`~llama_cards.AmbiguousQueryError`;
    an unknown name raises :class:`~llama_cards.UnknownBenchmarkError` naming the closest.

    ```pycon
    >>> benchmark("mmlu_pro", table="pretrained").shots
    5
    >>> benchmark("LiveCodeBench").name
    'LiveCodeBench (10/01/2024-02/01/2025)'

    ```
    """
    return _index().benchmark(name, table)


def scores(
    *,
    model: Optional[str] = None,
    benchmark: Optional[str] = None,
    category: Optional[str] = None,
    table: Optional[str] = None,
    subtask: Optional[str] = None,
) -> ScoreTable:
    """The scores of the newest card that meet every condition given, in the card's order.

    ``model`` resolves like :func:`~llama_cards.model` and also takes the comparison models
    (``"llama-3.1-405b"``, ``"Llama 3.1 405B"``); ``benchmark`` takes an id or a printed
    name; ``category`` the printed category (or Meta's, e.g. ``"Code"``); ``table``
    ``"pretrained"`` or ``"instruct"`` (or the printed title). Case, spaces and punctuation
    are ignored. A name the card does not have raises the matching error
    (:class:`~llama_cards.UnknownModelError`, :class:`~llama_cards.UnknownBenchmarkError`,
    :class:`~llama_cards.InvalidArgumentError`); known names that select nothing together
    give an empty table. ``subtask`` must be one that the rows of the selected cells report
    (``"eng->kgv"`` of the MTOB rows), else :class:`~llama_cards.InvalidArgumentError`
    names those there are, as :func:`score` and :meth:`ScoreTable.filter` do.

    ```pycon
    >>> len(scores()), len(scores(table="instruct")), len(scores(model="llama-3.1-70b"))
    (80, 52, 7)

    ```
    """
    index = _index()
    return ScoreTable._trusted(
        index.select(
            _loader.newest().scores,
            model=model,
            benchmark=benchmark,
            category=category,
            table=table,
            subtask=subtask,
        ),
        index,
    )


def _score(model: object, benchmark: object, table: object, subtask: object) -> Score:
    return _index().score(model, benchmark, table, subtask)


_remembered_score = answer_cache(_score)


def score(
    model: Union[str, Model],
    benchmark: str,
    *,
    table: Optional[str] = None,
    subtask: Optional[str] = None,
) -> Score:
    """The one cell of the newest card for ``model`` on ``benchmark``.

    Names resolve as in :func:`scores`. Several matching cells (a benchmark of both tables
    without ``table``, a two-number cell without ``subtask``) raise
    :class:`~llama_cards.AmbiguousQueryError` listing them; a model without a column in the
    benchmark's table raises :class:`~llama_cards.NotInTableError`; a subtask the benchmark
    does not report raises :class:`~llama_cards.InvalidArgumentError` naming those there are.

    ```pycon
    >>> score("scout", "mmlu-pro")
    Traceback (most recent call last):
    ...
    llama_cards.errors.AmbiguousQueryError: 'scout' on 'mmlu-pro' matches 2 cells: \
llama-4-scout on mmlu-pro (pretrained): 58.2; llama-4-scout on mmlu-pro (instruct): 74.3; \
pass table='pretrained' or table='instruct'
    >>> score("scout", "mmlu-pro", table="pretrained").value
    58.2

    ```
    """
    if isinstance(model, Model):
        model = model.id
    return _remembered_score(model, benchmark, table, subtask)


def compare(a: str, b: str, *, table: Optional[str] = None) -> Comparison:
    """The cells both models have, side by side, with ``a - b``.

    Rows follow the card's order; a cell where either model has no value (no multimodal
    support) is kept with ``difference`` ``None``. Models without a table in common give an
    empty comparison.

    ```pycon
    >>> [(d.benchmark.id, d.difference) for d in compare("maverick", "llama-3.1-405b")][:3]
    [('mmlu', 0.3), ('mmlu-pro', 1.3), ('math', 7.7)]

    ```
    """
    index = _index()
    first, second = index.model_id(a), index.model_id(b)
    selected = index.select(_loader.newest().scores, table=table)
    theirs = {(s.table, s.benchmark, s.subtask): s for s in selected if s.model == second}
    return Comparison(
        (first, second),
        (
            ScoreDifference(
                benchmark=index.row(mine),
                subtask=mine.subtask,
                a=mine,
                b=theirs[(mine.table, mine.benchmark, mine.subtask)],
                difference=difference(
                    mine.value, theirs[(mine.table, mine.benchmark, mine.subtask)].value
                ),
            )
            for mine in selected
            if mine.model == first and (mine.table, mine.benchmark, mine.subtask) in theirs
        ),
        model_names=(index.model_names[first], index.model_names[second]),
    )


def to_model_index(model: str, *, table: Optional[str] = None) -> list[dict[str, object]]:
    """The model's scores of one table in the Hugging Face ``model-index`` format.

    A model-index describes one checkpoint, and the pre-trained and instruction tuned
    tables measure different checkpoints: a model of both tables needs ``table``, else
    :class:`~llama_cards.AmbiguousQueryError`. The entry is named after the Llama 4
    checkpoint of that table in the precision the table was evaluated in
    (:attr:`BenchmarkTable.evaluated_precision`: ``"Llama-4-Scout-17B-16E-Instruct"``), or
    the comparison model's printed name. Each cell with a value gives one result: the task
    (``image-text-to-text`` for a benchmark whose :attr:`Benchmark.input_modalities`
    include images, else ``text-generation``), the dataset (benchmark id as type, printed
    name, the shots as ``args.num_few_shot``, the subtask as ``config``), the metric as
    printed with its value, and the card as source. Cells without a value are left out.

    ```pycon
    >>> index = to_model_index("maverick", table="instruct")
    >>> index[0]["name"], len(index[0]["results"])
    ('Llama-4-Maverick-17B-128E-Instruct', 13)

    ```
    """
    index = _index()
    model_id = index.model_id(model)
    mine = [s for s in _loader.newest().scores if s.model == model_id]
    tables = tuple(dict.fromkeys(s.table for s in mine))
    if table is not None:
        wanted = index.table_id(table)
        if wanted not in tables:
            raise NotInTableError(
                f"{model_id!r} has no column in the {wanted} table; it has scores in the "
                f"{_quoted(tables)} table"
            )
        tables = (wanted,)
    if len(tables) > 1:
        raise AmbiguousQueryError(
            f"{model_id!r} has scores in {len(tables)} tables, and a model-index describes one "
            f"checkpoint; pass " + " or ".join(f"table={t!r}" for t in tables),
            tables,
        )
    (table_id,) = tables
    card = _loader.newest()
    documents = {d.id: d for d in card.documents}
    name = index.model_names[model_id]
    evaluated = index.tables[table_id]
    for llama in card.models:
        if llama.id == model_id:
            repos = [
                r
                for r in llama.huggingface_repos
                if r.variant == table_id and r.precision == evaluated.evaluated_precision
            ]
            if repos:
                name = repos[0].id.rsplit("/", 1)[-1]
    title = evaluated.title
    results: list[dict[str, object]] = []
    for entry in mine:
        if entry.table != table_id or entry.value is None:
            continue
        row = index.row(entry)
        dataset: dict[str, object] = {"type": row.id, "name": row.name}
        if entry.subtask is not None:
            dataset["config"] = entry.subtask
        if row.shots is not None:
            dataset["args"] = {"num_few_shot": row.shots}
        document = documents[entry.source.document]
        task = "image-text-to-text" if "image" in row.input_modalities else "text-generation"
        results.append(
            {
                "task": {"type": task},
                "dataset": dataset,
                "metrics": [{"type": row.metric, "value": entry.value}],
                "source": {
                    "name": f"{document.title} model card, {title} table",
                    "url": document.url,
                },
            }
        )
    return [{"name": name, "results": results}]


# ---------------------------------------------------------------- languages


def languages() -> tuple[Language, ...]:
    """The languages the newest card supports, in the card's order.

    ```pycon
    >>> [entry.name for entry in languages()][-3:]
    ['Tagalog', 'Thai', 'Vietnamese']

    ```
    """
    return _loader.newest().languages


def _supports(tag: str) -> bool:
    return is_supported(_loader.newest().language_index, tag)


def _language(tag: str) -> Language:
    return find_language(_loader.newest().language_index, tag)


_remembered_support = answer_cache(_supports)
_remembered_language = answer_cache(_language)


def supports_language(tag: str) -> bool:
    """Whether the newest card supports the language ``tag`` names.

    ``tag`` is a BCP 47 tag, an ISO 639 code, or an English or native name (see the module
    documentation). ``False`` for a well-formed tag of another language;
    :class:`~llama_cards.InvalidLanguageTagError` (a ``ValueError``) for text that is
    neither a tag nor a name.

    ```pycon
    >>> supports_language("es-419"), supports_language("FRA"), supports_language("ja-JP")
    (True, True, False)
    >>> supports_language("en--US")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidLanguageTagError: 'en--US' is not a well-formed language tag: \
it has an empty subtag (two separators in a row); nor is it the English or native name of \
a supported language. Give a BCP 47 tag ('pt-BR'), an ISO 639 code ('fra') or the name of a \
language ('French', 'français')

    ```
    """
    return _remembered_support(tag)


def language(tag: str) -> Language:
    """The supported language ``tag`` names, from the newest card.

    A well-formed tag of another language raises
    :class:`~llama_cards.UnsupportedLanguageError` (a ``LookupError``) naming the supported
    languages; text that is neither a tag nor a name raises
    :class:`~llama_cards.InvalidLanguageTagError` (a ``ValueError``).

    ```pycon
    >>> language("pt_BR").name, language("Tiếng Việt").iso639_1, language("fil").name
    ('Portuguese', 'vi', 'Tagalog')
    >>> language("sw")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    llama_cards.errors.UnsupportedLanguageError: 'sw' is a well-formed tag of the language \
'sw', which is not supported. The card supports 12 languages: Arabic (ar), English (en), ...

    ```
    """
    return _remembered_language(tag)


def check_images(images: int) -> bool:
    """Whether ``images`` input images is within what the card says was tested.

    It is tested, not enforced: more images may work, but the card leaves their testing to
    the deployment (:attr:`ImageTesting.beyond`). A negative or non-whole count raises
    :class:`~llama_cards.InvalidArgumentError` (a ``ValueError``); a count that is not a
    number raises :class:`~llama_cards.ArgumentTypeError` (a ``TypeError``).

    ```pycon
    >>> import llama_cards
    >>> tested = llama_cards.MAX_TESTED_IMAGES
    >>> check_images(0), check_images(tested), check_images(tested + 1)
    (True, True, False)

    ```
    """
    tested = _loader.newest().image_testing.max_tested_images
    return count(images, "count", unit="images") <= tested


_CONSTANTS = ("MAX_TESTED_IMAGES", "PRETRAINING_LANGUAGE_COUNT")


def _constant(name: str) -> int:
    """The value of a constant of the card's data, read from the newest card."""
    if name == "PRETRAINING_LANGUAGE_COUNT":
        return _loader.newest().language_coverage.pretraining_language_count
    if name == "MAX_TESTED_IMAGES":
        return _loader.newest().image_testing.max_tested_images
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __getattr__(name: str) -> int:
    # PEP 562: the constants come from the data, loaded the first time one is asked for.
    value = _constant(name)
    globals()[name] = value
    return value


# ------------------------------------------------------------------ licence


def license_terms() -> LicenseTerms:
    """The licence and acceptable use policy terms of the newest card.

    ```pycon
    >>> license_terms().licensor.outside
    'Meta Platforms, Inc.'

    ```
    """
    return _loader.newest().license


def assess_use(
    *,
    domicile: str,
    entity: Entity = "company",
    end_user: bool = False,
    monthly_active_users: Optional[int] = None,
    model: Union[str, Model, None] = None,
) -> UseAssessment:
    """Whether a party may use Llama 4 under the published terms, and why, clause by clause.

    ``domicile`` is an ISO 3166-1 alpha-2 code in any case (``"de"``, ``"US"``): where an
    individual is domiciled, or where a company has its principal place of business.
    ``entity`` is ``"company"`` or ``"individual"``. ``end_user`` is True for a party that
    only uses a product or service that builds Llama 4 in. ``monthly_active_users`` is the
    count of the party's (and its affiliates') products and services in the calendar month
    before the Llama 4 release date, ``None`` when unknown. ``model`` narrows the check to
    one model (any name :func:`~llama_cards.model` takes); ``None`` checks every model of the
    card.

    A malformed or unassigned country code raises :class:`~llama_cards.InvalidCountryCodeError`
    (a ``ValueError``) naming what was given and what would work; another entity or a
    negative user count raises :class:`~llama_cards.InvalidArgumentError`; an argument of the
    wrong type (a ``bool`` user count included) raises :class:`~llama_cards.ArgumentTypeError`;
    an unknown model raises :class:`~llama_cards.UnknownModelError`.

    The answer is guidance read from the published terms, not legal advice.

    ```pycon
    >>> print(assess_use(domicile="us", monthly_active_users=800_000_000))
    not permitted (Guidance read from the published Llama 4 licence and acceptable use policy; \
not legal advice.)
      ok     Section 1(a): US is not in the European Union, so the EU restriction on Llama 4 \
Scout and Llama 4 Maverick does not apply.
      blocks Section 2: More than 700,000,000 monthly active users in the calendar month before \
the Llama 4 release date (2025-04-05): no rights under the licence until Meta grants them; \
request a licence from Meta, which may refuse it.
      ok     Definitions ("Meta"): Meta Platforms, Inc. is the licensor for US (outside the EEA \
and Switzerland).
    >>> assess_use(domicile="UK")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidCountryCodeError: 'UK' is not an assigned ISO 3166-1 alpha-2 \
country code: ISO 3166-1 only reserves UK at the United Kingdom's request; its assigned code is \
GB; use 'GB'

    ```
    """
    return _loader.newest().assess_use(domicile, entity, end_user, monthly_active_users, model)
