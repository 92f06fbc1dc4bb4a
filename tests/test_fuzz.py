"""Every public entry point, fed anything: it answers or raises a documented error.

Documented errors are the package's own (``LlamaCardsError`` subclasses, which include
``ArgumentTypeError``, a ``TypeError``) and ``TypeError`` for an argument of the wrong type.
Anything else (a ``KeyError``, an ``AttributeError``, a bare ``ValueError``...) fails.
The suite tries well over 10,000 inputs; the count is printed in pytest's summary.
"""

from __future__ import annotations

import operator
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import InvalidArgumentError, LlamaCardsError, YearMonth
from llama_cards.errors import QUOTED_LENGTH

TRIED: Counter[str] = Counter()
MINIMUM_INPUTS = 10_000

# Text a user might type, and text nobody should: Unicode of every category (control and
# surrogate characters too), near-misses of real names, and very long strings.
NEAR_MISSES = st.sampled_from(
    [
        "scout",
        "Scout ",
        "llama-4-scout",
        "maverick",
        "MMLU Pro",
        "mmlu-pro",
        "mtob",
        "eng->kgv",
        "kgv->eng",
        "pretrained",
        "instruct",
        "Image",
        "pt-BR",
        "fr",
        "x-klingon",
        "zh-Hant-TW",
        "en-US-x-private",
        "en_US.UTF-8",
        "pt_BR@euro",
        "de_DE@euro.UTF-8",
        "C",
        "POSIX",
        "C.UTF-8",
        "Inglés",
        "हिंदी",
        "ภาษาไทย",
        "DE",
        "de",
        "UK",
        "EL",
        "company",
        "individual",
        "llama-3.1-70b",
        "Llama 3.3 70B",
        ">=4",
        "==4.*",
        "4",
        "",
        " ",
        "\x00",
        "-",
        "_",
        # The edges of issue 12: padded and poisoned names, comparison models, XK, ids.
        "DE ",
        " scout\n",
        "scout\x00",
        "sco\x1but",
        "XK",
        "xk",
        "llama-3.1-405b",
        "meta-llama/Llama-4-Scout-17B-16E-Instruct",
        "Image Reasoning",
        "2024-08",
        "2024-13",
        "x" * 100_000,
    ]
)
# A real name with a control character inside, or whitespace around it.
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x9F).filter(
    lambda char: unicodedata.category(char) == "Cc" and not char.isspace()
)
REAL_NAMES = st.sampled_from(
    ["scout", "maverick", "mmlu-pro", "instruct", "Coding", "DE", "company", "eng->kgv"]
)
POISONED = st.builds(
    lambda name, char, at: name[:at] + char + name[at:],
    REAL_NAMES,
    CONTROL,
    st.integers(min_value=0, max_value=8),
)
PADDED = st.builds(
    lambda left, name, right: left + name + right,
    st.text(alphabet=" \t\n\r\x0b\x0c\u3000", max_size=3),
    REAL_NAMES,
    st.text(alphabet=" \t\n\r\x0b\x0c\u3000", max_size=3),
)
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None), max_size=40),
    NEAR_MISSES,
    st.builds(lambda a, b: a + b, NEAR_MISSES, st.text(max_size=5)),
    st.text(min_size=1_000, max_size=5_000),
    POISONED,
    PADDED,
)
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(0),
    st.just(10_000_000),
)
ANYTHING = st.one_of(
    TEXT,
    NUMBERS,
    st.none(),
    st.booleans(),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.tuples(st.text(max_size=3)),
)
OPTIONAL_TEXT = st.one_of(st.none(), TEXT, ANYTHING)

FUZZ = settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _call(label: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    TRIED[label] += 1
    try:
        function(*args, **kwargs)
    except (LlamaCardsError, TypeError) as error:
        # A message quotes at most about 80 characters of what was given, with its length.
        message = str(error)
        for given_value in (*args, *kwargs.values()):
            if isinstance(given_value, str) and len(given_value) > 2 * QUOTED_LENGTH:
                assert given_value[: 2 * QUOTED_LENGTH] not in message, label
        assert len(message) < 3_000, label


@FUZZ
@given(ANYTHING)
def test_model(name: Any) -> None:
    _call("model", llama_cards.model, name)


@FUZZ
@given(OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT)
def test_find_models(min_context: Any, modality: Any, language: Any) -> None:
    if isinstance(min_context, str):
        min_context = len(min_context)
    _call(
        "find_models",
        llama_cards.find_models,
        min_context=min_context,
        input_modality=modality,
        language=language,
    )


@FUZZ
@given(st.sampled_from(["scout", "maverick"]), ANYTHING, ANYTHING)
def test_context_checks(name: str, prompt: Any, new: Any) -> None:
    found = llama_cards.model(name)
    _call("fits_context", found.fits_context, prompt, max_new_tokens=new)
    _call("check_context", found.check_context, prompt, max_new_tokens=new)


@FUZZ
@given(ANYTHING)
def test_modalities_and_model_languages(value: Any) -> None:
    found = llama_cards.model("scout")
    _call("accepts", found.accepts, value)
    _call("produces", found.produces, value)
    _call("Model.supports_language", found.supports_language, value)


@FUZZ
@given(ANYTHING)
def test_languages(tag: Any) -> None:
    _call("language", llama_cards.language, tag)
    _call("supports_language", llama_cards.supports_language, tag)
    _call("check_images", llama_cards.check_images, tag)


@FUZZ
@given(ANYTHING)
def test_card_versions(value: Any) -> None:
    _call("card", llama_cards.card, value)
    _call("require_card", llama_cards.require_card, value)


@FUZZ
@given(st.one_of(ANYTHING, st.builds(lambda t: '{"schema_version": "1.0", ' + t, TEXT)))
def test_from_json(data: Any) -> None:
    _call("Card.from_json", llama_cards.Card.from_json, data)


@FUZZ
@given(ANYTHING, OPTIONAL_TEXT)
def test_benchmark_lookups(name: Any, table: Any) -> None:
    _call("benchmark", llama_cards.benchmark, name, table=table)
    _call("benchmarks", llama_cards.benchmarks, table=table)


@FUZZ
@given(OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT, OPTIONAL_TEXT)
def test_scores(model: Any, benchmark: Any, category: Any, table: Any, subtask: Any) -> None:
    _call(
        "scores",
        llama_cards.scores,
        model=model,
        benchmark=benchmark,
        category=category,
        table=table,
        subtask=subtask,
    )
    _call("score", llama_cards.score, model, benchmark, table=table, subtask=subtask)
    _call(
        "ScoreTable.filter",
        llama_cards.scores().filter,
        model=model,
        benchmark=benchmark,
        category=category,
        table=table,
        subtask=subtask,
    )


@FUZZ
@given(ANYTHING, ANYTHING, OPTIONAL_TEXT)
def test_compare_and_model_index(a: Any, b: Any, table: Any) -> None:
    _call("compare", llama_cards.compare, a, b, table=table)
    _call("to_model_index", llama_cards.to_model_index, a, table=table)


@FUZZ
@given(ANYTHING, ANYTHING, ANYTHING, ANYTHING, ANYTHING)
def test_assess_use(domicile: Any, entity: Any, end_user: Any, users: Any, model: Any) -> None:
    _call(
        "assess_use",
        llama_cards.assess_use,
        domicile=domicile,
        entity=entity,
        end_user=end_user,
        monthly_active_users=users,
        model=model,
    )


@FUZZ
@given(
    st.sampled_from(["DE", "us", "no", "CH", "fr", "JP"]),
    st.sampled_from(["company", "individual"]),
    st.booleans(),
    st.one_of(st.none(), st.integers(min_value=0, max_value=2 * 10**9)),
    st.sampled_from([None, "scout", "maverick"]),
)
def test_assess_use_always_decides_with_clauses(
    domicile: str, entity: str, end_user: bool, users: Any, model: Any
) -> None:
    TRIED["assess_use (valid)"] += 1
    result = llama_cards.assess_use(
        domicile=domicile,
        entity=entity,  # type: ignore[arg-type]  # drawn from the two valid values
        end_user=end_user,
        monthly_active_users=users,
        model=model,
    )
    assert result.permitted == (not any(f.blocks for f in result.findings))
    assert all(f.clause for f in result.findings)


@FUZZ
@given(ANYTHING, ANYTHING)
def test_model_records_and_documents(repo_id: Any, field: Any) -> None:
    scout = llama_cards.model("scout")
    _call("Model.huggingface_repo", scout.huggingface_repo, repo_id)
    _call("Model.source_of", scout.source_of, field)
    _call("document", llama_cards.document, repo_id)
    _call("Card.model", llama_cards.card().model, field)


@FUZZ
@given(POISONED)
def test_a_control_character_inside_a_name_is_refused_everywhere(name: str) -> None:
    # Never removed: "scout\x00" is no name, whatever it would be without the NUL.
    calls: list[tuple[str, Callable[[], object]]] = [
        ("model", lambda: llama_cards.model(name)),
        ("score", lambda: llama_cards.score(name, "mmlu")),
        ("score(benchmark)", lambda: llama_cards.score("scout", name)),
        ("scores(model)", lambda: llama_cards.scores(model=name)),
        ("scores(category)", lambda: llama_cards.scores(category=name)),
        ("scores(table)", lambda: llama_cards.scores(table=name)),
        ("benchmark", lambda: llama_cards.benchmark(name)),
        ("compare", lambda: llama_cards.compare("maverick", name)),
        ("to_model_index", lambda: llama_cards.to_model_index(name)),
        ("assess_use(domicile)", lambda: llama_cards.assess_use(domicile=name)),
        ("assess_use(entity)", lambda: llama_cards.assess_use(domicile="US", entity=name)),  # type: ignore[arg-type]  # the bad entity is the test
        ("assess_use(model)", lambda: llama_cards.assess_use(domicile="US", model=name)),
        ("document", lambda: llama_cards.document(name)),
        ("accepts", lambda: llama_cards.model("scout").accepts(name)),
        ("huggingface_repo", lambda: llama_cards.model("scout").huggingface_repo(name)),
        ("source_of", lambda: llama_cards.model("scout").source_of(name)),
    ]
    for label, call in calls:
        TRIED[f"{label} (control character)"] += 1
        try:
            call()
        except InvalidArgumentError as error:
            assert "control character" in str(error), label
        else:
            raise AssertionError(f"{label} took {name!r}")


@FUZZ
@given(PADDED)
def test_whitespace_around_a_name_is_stripped_everywhere(name: str) -> None:
    bare = name.strip()
    pairs: list[tuple[str, Callable[[str], object]]] = [
        ("model", llama_cards.model),
        ("scores(model)", lambda text: llama_cards.scores(model=text)),
        ("scores(benchmark)", lambda text: llama_cards.scores(benchmark=text)),
        ("scores(category)", lambda text: llama_cards.scores(category=text)),
        ("scores(table)", lambda text: llama_cards.scores(table=text)),
        ("scores(subtask)", lambda text: llama_cards.scores(subtask=text)),
        ("assess_use(domicile)", lambda text: llama_cards.assess_use(domicile=text)),
        ("assess_use(entity)", lambda text: llama_cards.assess_use(domicile="US", entity=text)),  # type: ignore[arg-type]  # padded text is the test
    ]
    for label, call in pairs:
        TRIED[f"{label} (padded)"] += 1
        try:
            expected: object = call(bare)
        except LlamaCardsError as error:
            expected = type(error)
        try:
            found: object = call(name)
        except LlamaCardsError as error:
            found = type(error)
        assert found == expected, label


VALUES = st.one_of(
    ANYTHING,
    st.dates(),
    st.datetimes(),
    st.builds(YearMonth, st.integers(1, 9999), st.integers(1, 12)),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}\Z"),
)


@FUZZ
@given(VALUES)
def test_value_types_compare_or_raise_type_or_value_errors(other: Any) -> None:
    scout = llama_cards.model("scout")
    mmlu = llama_cards.score("scout", "mmlu")
    for label, value in (
        ("YearMonth", scout.knowledge_cutoff),
        ("Quantity", scout.training_tokens),
        ("HuggingFaceRepo", scout.huggingface_repos[0]),
        ("Score", mmlu),
    ):
        TRIED[f"{label} comparisons"] += 1
        assert isinstance(value == other, bool)
        assert (value == other) != (value != other)
        operations: tuple[Callable[[Any, Any], bool], ...] = (
            operator.lt,
            operator.le,
            operator.gt,
            operator.ge,
        )
        for operation in operations:
            for left, right in ((value, other), (other, value)):  # every operator, both ways
                try:
                    answer = operation(left, right)
                except (TypeError, InvalidArgumentError):
                    continue
                assert isinstance(answer, bool), label
        if value == other:
            assert hash(value) == hash(other), label


def test_enough_inputs_were_tried(request: pytest.FixtureRequest) -> None:
    """Runs last in this file: the fuzz tests above together tried at least 10,000 inputs."""
    fuzz_tests = [
        item
        for item in request.session.items
        if getattr(item, "module", None) is request.module
        and getattr(getattr(item, "function", None), "is_hypothesis_test", False)
    ]
    defined = [
        value
        for value in globals().values()
        if callable(value) and getattr(value, "is_hypothesis_test", False)
    ]
    if len(fuzz_tests) < len(defined):
        pytest.skip("only part of the fuzz suite ran")
    assert sum(TRIED.values()) >= MINIMUM_INPUTS, dict(TRIED)
