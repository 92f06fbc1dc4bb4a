"""Every public entry point, fed anything: it answers or raises a documented error.

Documented errors are the package's own (``LlamaCardsError`` subclasses, which include
``ArgumentTypeError``, a ``TypeError``) and ``TypeError`` for an argument of the wrong type.
Anything else (a ``KeyError``, an ``AttributeError``, a bare ``ValueError``...) fails.
The suite tries well over 10,000 inputs; the count is printed in pytest's summary.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import LlamaCardsError

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
    ]
)
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None), max_size=40),
    NEAR_MISSES,
    st.builds(lambda a, b: a + b, NEAR_MISSES, st.text(max_size=5)),
    st.text(min_size=1_000, max_size=5_000),
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
    with contextlib.suppress(LlamaCardsError, TypeError):
        function(*args, **kwargs)


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
