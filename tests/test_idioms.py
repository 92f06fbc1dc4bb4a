"""Natural idioms: each works as a reader expects, or fails loudly (never a quiet False)."""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from typing import Any

import pytest

import llama_cards
from llama_cards import (
    InvalidArgumentError,
    LlamaCardsError,
    NotInTableError,
    Quantity,
    UnknownModelError,
    UnknownRepositoryError,
    YearMonth,
)
from llama_cards._base import TruthRaises
from llama_cards.errors import QUOTED_LENGTH, quote_input

SCOUT_INSTRUCT = "meta-llama/Llama-4-Scout-17B-16E-Instruct"
ORDERINGS: tuple[Callable[[Any, Any], bool], ...] = (
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
)

# ------------------------------------------------------------------ bool() of a result


def test_bool_of_a_use_assessment_raises_naming_permitted() -> None:
    refused = llama_cards.assess_use(domicile="DE")
    assert refused.permitted is False
    with pytest.raises(TypeError, match=r"\.permitted"):
        bool(refused)
    with pytest.raises(TypeError, match=r"\.permitted"):
        _ = not llama_cards.assess_use(domicile="US")


def test_the_truth_rule_is_one_hook_that_later_results_reuse() -> None:
    class Fits(TruthRaises):
        _truth_attribute = "fits"

    with pytest.raises(TypeError, match=r"the truth of a Fits is ambiguous; test its \.fits"):
        bool(Fits())
    assert issubclass(llama_cards.UseAssessment, TruthRaises)


def test_tables_and_sequences_keep_empty_is_false() -> None:
    assert llama_cards.scores()
    assert not llama_cards.scores()[:0]
    assert not llama_cards.compare("llama-3.1-70b", "llama-3.3-70b")
    assert llama_cards.compare("scout", "maverick")


# ------------------------------------------------------------ Hugging Face repositories


def test_a_repository_id_is_in_the_model_s_repositories() -> None:
    scout = llama_cards.model("scout")
    assert SCOUT_INSTRUCT in scout.huggingface_repos
    assert "meta-llama/Llama-4-Maverick-17B-128E-Instruct" not in scout.huggingface_repos
    (repo,) = (r for r in scout.huggingface_repos if r.id == SCOUT_INSTRUCT)
    assert repo == SCOUT_INSTRUCT
    assert repo == SCOUT_INSTRUCT
    assert repo != SCOUT_INSTRUCT.lower()  # ids compare exactly; the lookup ignores case
    assert hash(repo) == hash(SCOUT_INSTRUCT)
    by_id: dict[object, int] = {SCOUT_INSTRUCT: 1}
    assert by_id[repo] == 1
    assert repo != 1
    assert repo != scout
    for ordering in ORDERINGS:
        with pytest.raises(TypeError):
            ordering(repo, repo)


def test_the_typed_repository_lookup() -> None:
    scout = llama_cards.model("scout")
    assert scout.huggingface_repo(SCOUT_INSTRUCT).variant == "instruct"
    assert scout.huggingface_repo(f" {SCOUT_INSTRUCT.upper()}\n").id == SCOUT_INSTRUCT
    with pytest.raises(UnknownRepositoryError) as caught:
        scout.huggingface_repo("meta-llama/Llama-4-Maverick-17B-128E")
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, LlamaCardsError)
    assert SCOUT_INSTRUCT in str(caught.value)
    assert "'meta-llama/Llama-4-Scout-17B-16E'" in str(caught.value)
    # The name without its owner is suggested.
    with pytest.raises(
        UnknownRepositoryError, match=r"did you mean 'meta-llama/Llama-4-Scout-17B-16E'"
    ):
        scout.huggingface_repo("Llama-4-Scout-17B-16E")
    with pytest.raises(TypeError):
        scout.huggingface_repo(3)  # type: ignore[arg-type]  # the wrong type is the test


# ------------------------------------------------------------------------- YearMonth


def test_a_year_month_equals_and_hashes_like_its_printed_form() -> None:
    cutoff = llama_cards.model("scout").knowledge_cutoff
    assert cutoff == "2024-08"
    assert cutoff == "2024-08"
    assert cutoff != "2024-8"
    assert cutoff != "2024-09"
    assert hash(cutoff) == hash("2024-08")
    assert {"2024-08"} == {cutoff}
    assert cutoff in {"2024-08": "August"}


@pytest.mark.parametrize(
    ("other", "answers"),
    [
        # other: (<, <=, >, >=) of 2024-08 against it
        ("2024-07", (False, False, True, True)),
        ("2024-08", (False, True, False, True)),
        ("2024-09", (True, True, False, False)),
        (YearMonth(2025, 1), (True, True, False, False)),
        (YearMonth(2024, 8), (False, True, False, True)),
    ],
)
def test_a_year_month_orders_against_year_months_and_their_text(
    other: object, answers: tuple[bool, ...]
) -> None:
    cutoff = YearMonth(2024, 8)
    assert tuple(ordering(cutoff, other) for ordering in ORDERINGS) == answers
    # Reflected: other < cutoff is cutoff > other.
    reflected: tuple[Callable[[Any, Any], bool], ...] = (
        operator.gt,
        operator.ge,
        operator.lt,
        operator.le,
    )
    assert tuple(ordering(other, cutoff) for ordering in reflected) == answers


@pytest.mark.parametrize("text", ["2024-8", "August 2024", "2024-13", "", " 2024-08"])
def test_ordering_against_malformed_text_is_a_value_error(text: str) -> None:
    for ordering in ORDERINGS:
        with pytest.raises(InvalidArgumentError, match=r"YYYY-MM|out of range"):
            ordering(YearMonth(2024, 8), text)
    assert YearMonth(2024, 8) != text


@pytest.mark.parametrize("day", [datetime.date(2024, 9, 1), datetime.datetime(2024, 9, 1, 12, 0)])
def test_a_month_is_not_a_day(day: datetime.date) -> None:
    cutoff = llama_cards.model("scout").knowledge_cutoff
    for ordering in ORDERINGS:
        with pytest.raises(TypeError, match=r"\.first_day or \.last_day"):
            ordering(cutoff, day)
        with pytest.raises(TypeError, match=r"\.first_day or \.last_day"):
            ordering(day, cutoff)
    assert cutoff != day
    assert cutoff.last_day < datetime.date(2024, 9, 1)


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (2024, 8, "2024-08-01", "2024-08-31"),
        (2024, 2, "2024-02-01", "2024-02-29"),
        (2023, 2, "2023-02-01", "2023-02-28"),
        (2024, 12, "2024-12-01", "2024-12-31"),
        (2024, 4, "2024-04-01", "2024-04-30"),
        (9999, 12, "9999-12-01", "9999-12-31"),
    ],
)
def test_first_and_last_day(year: int, month: int, first: str, last: str) -> None:
    assert YearMonth(year, month).first_day == datetime.date.fromisoformat(first)
    assert YearMonth(year, month).last_day == datetime.date.fromisoformat(last)


# -------------------------------------------------------------------------- Quantity


def test_a_quantity_equals_orders_and_hashes_like_its_value() -> None:
    tokens = llama_cards.model("scout").training_tokens
    assert tokens == 40_000_000_000_000
    assert tokens == 40e12
    assert tokens == 40_000_000_000_000
    assert tokens != 40_000_000_000_001
    assert hash(tokens) == hash(40_000_000_000_000)
    assert int(tokens) == 40_000_000_000_000
    assert float(tokens) == 40e12
    assert tokens.approximate is True  # the record keeps what the number is
    answers = {
        39_999_999_999_999: (False, False, True, True),
        40_000_000_000_000: (False, True, False, True),
        40e12 + 1e6: (True, True, False, False),
    }
    for number, expected in answers.items():
        assert tuple(ordering(tokens, number) for ordering in ORDERINGS) == expected
    maverick = llama_cards.model("maverick").training_tokens
    assert maverick < tokens  # ~22T < ~40T
    assert sorted([tokens, maverick]) == [maverick, tokens]


def test_a_quantity_is_not_a_bool_or_text() -> None:
    one = Quantity(value=1, approximate=False, printed="1")
    assert one != True  # noqa: E712  # the comparison itself is the test
    assert one != "1"
    for ordering in ORDERINGS:
        for other in (True, "1", None):
            with pytest.raises(TypeError):
                ordering(one, other)
    # Two quantities are equal when every field is.
    assert one != Quantity(value=1, approximate=True, printed="~1")
    assert one == Quantity(value=1, approximate=False, printed="1")


# ----------------------------------------------------------------------------- Score


def test_a_score_compares_as_a_record_and_refuses_ordering() -> None:
    mmlu = llama_cards.score("scout", "mmlu")
    assert mmlu == llama_cards.score("llama-4-scout", "MMLU")
    assert mmlu != 79.6
    assert mmlu != llama_cards.score("maverick", "mmlu")
    assert float(mmlu) == 79.6
    for ordering in ORDERINGS:
        with pytest.raises(TypeError, match=r"compare their \.value"):
            ordering(mmlu, llama_cards.score("maverick", "mmlu"))
        with pytest.raises(TypeError):
            ordering(mmlu, 79.6)


def test_float_of_a_score_without_a_value_names_the_reason() -> None:
    missing = llama_cards.score("llama-3.1-70b", "chartqa")
    assert missing.value is None
    with pytest.raises(ValueError, match="no-multimodal-support"):
        float(missing)


# ------------------------------------------------------------- any other type: False


def test_unrelated_records_are_never_equal_and_never_ordered() -> None:
    scout = llama_cards.model("scout")
    values: list[Any] = [
        scout,
        scout.knowledge_cutoff,
        scout.training_tokens,
        scout.huggingface_repos[0],
        llama_cards.score("scout", "mmlu"),
    ]
    for first in values:
        for second in values:
            if first is second:
                continue
            assert first != second
            for ordering in ORDERINGS:
                with pytest.raises(TypeError):
                    ordering(first, second)


# ----------------------------------------------------------------------- pivot-safe


def test_records_never_miss_a_key_that_identifies_a_row() -> None:
    records = llama_cards.scores().to_records()
    for record in records:
        for key in ("table", "benchmark", "subtask", "model"):
            assert record[key] is not None, (key, record)
    assert {record["subtask"] for record in records} == {"", "eng->kgv", "kgv->eng"}
    cells = {(r["table"], r["benchmark"], r["subtask"], r["model"]) for r in records}
    assert len(cells) == len(records) == 80
    # Score.subtask itself stays None for a one-number cell.
    assert llama_cards.score("scout", "mmlu").subtask is None
    compared = llama_cards.compare("scout", "maverick").to_records()
    assert all(record["subtask"] is not None for record in compared)


# -------------------------------------------------------------------- model arguments


def test_a_comparison_model_is_not_a_model_and_the_error_says_what_to_call() -> None:
    with pytest.raises(UnknownModelError) as caught:
        llama_cards.model("llama-3.1-405b")
    message = str(caught.value)
    assert "did you mean" not in message
    assert "Llama 3.1 405B ('llama-3.1-405b'), a comparison model" in message
    for call in ("comparison_model('llama-3.1-405b')", "score()", "scores()", "compare()"):
        assert call in message
    assert caught.value.comparison == ("llama-3.1-405b", "Llama 3.1 405B")
    with pytest.raises(UnknownModelError, match="comparison model"):
        llama_cards.card().model("Llama 3.3 70B")
    assert llama_cards.score("llama-3.1-405b", "mmlu").value == 85.2


MODEL_TAKERS: list[tuple[str, Callable[[Any], object]]] = [
    ("model", llama_cards.model),
    ("Card.model", lambda m: llama_cards.card().model(m)),
    ("score", lambda m: llama_cards.score(m, "mmlu")),
    ("Card.score", lambda m: llama_cards.card().score(m, "mmlu")),
    ("scores", lambda m: llama_cards.scores(model=m)),
    ("ScoreTable.filter", lambda m: llama_cards.scores().filter(model=m)),
    ("compare (a)", lambda m: llama_cards.compare(m, "maverick")),
    ("compare (b)", lambda m: llama_cards.compare("maverick", m)),
    ("to_model_index", lambda m: llama_cards.to_model_index(m, table="instruct")),
    ("assess_use", lambda m: llama_cards.assess_use(domicile="US", model=m)),
    ("Card.assess_use", lambda m: llama_cards.card().assess_use(domicile="US", model=m)),
]


@pytest.mark.parametrize(("label", "call"), MODEL_TAKERS, ids=[label for label, _ in MODEL_TAKERS])
def test_every_function_that_takes_a_model_name_takes_a_model(
    label: str, call: Callable[[Any], object]
) -> None:
    scout = llama_cards.model("scout")
    assert call(scout) == call("scout"), label


def test_a_model_compared_with_itself_is_refused() -> None:
    for a, b in [("scout", "scout"), ("scout", "Llama 4 Scout (17Bx16E)"), ("llama-3.1-70b",) * 2]:
        with pytest.raises(InvalidArgumentError, match="two different models"):
            llama_cards.compare(a, b)
    with pytest.raises(InvalidArgumentError, match="two different models"):
        llama_cards.compare(llama_cards.model("scout"), "scout")


# ------------------------------------------------------------ whitespace and controls


def test_whitespace_around_a_code_is_stripped() -> None:
    assert llama_cards.assess_use(domicile="DE ").domicile == "DE"
    assert llama_cards.assess_use(domicile="\tus\n").domicile == "US"
    assert llama_cards.assess_use(domicile="US", entity=" individual ").entity == "individual"  # type: ignore[arg-type]  # padded on purpose
    assert llama_cards.scores(table=" instruct ") == llama_cards.scores(table="instruct")
    assert llama_cards.benchmark(" mmlu ").id == "mmlu"
    assert llama_cards.document(" azure-card ").id == "azure-card"
    assert llama_cards.model("scout").accepts(" image ")


@pytest.mark.parametrize("poison", ["\x00", "\x1b", "\x7f", "\x84", "\x9f", "\x08"])
def test_control_characters_are_refused_not_removed(poison: str) -> None:
    calls: list[Callable[[], object]] = [
        lambda: llama_cards.score(f"scout{poison}", "mmlu"),
        lambda: llama_cards.score("scout", f"mm{poison}lu"),
        lambda: llama_cards.model(f"{poison}scout"),
        lambda: llama_cards.assess_use(domicile=f"D{poison}E"),
        lambda: llama_cards.scores(category=f"Cod{poison}ing"),
        lambda: llama_cards.document(f"azure{poison}-card"),
    ]
    for call in calls:
        with pytest.raises(InvalidArgumentError, match="control character"):
            call()


# ------------------------------------------------------------------------ long input


def test_a_long_argument_is_quoted_cut_with_its_length() -> None:
    long = "x" * 100_000
    calls: list[Callable[[], object]] = [
        lambda: llama_cards.model(long),
        lambda: llama_cards.score("scout", long),
        lambda: llama_cards.scores(table=long),
        lambda: llama_cards.scores(category=long),
        lambda: llama_cards.assess_use(domicile=long),
        lambda: llama_cards.language(long),
        lambda: llama_cards.card(long),
        lambda: llama_cards.require_card(long),
        lambda: llama_cards.document(long),
        lambda: llama_cards.model("scout").source_of(long),
        lambda: llama_cards.model("scout").huggingface_repo(long),
        lambda: llama_cards.model("scout").fits_context(long),  # type: ignore[arg-type]  # wrong type on purpose
    ]
    for call in calls:
        with pytest.raises((LlamaCardsError, TypeError)) as caught:
            call()
        message = str(caught.value)
        assert "x" * (QUOTED_LENGTH + 1) not in message
        assert "(100,000 characters)" in message
        assert len(message) < 2_000  # what exists is listed; what was given is cut
    assert quote_input("scout") == "'scout'"
    assert quote_input("x" * 81) == "'" + "x" * 80 + "…' (81 characters)"


# --------------------------------------------------------------- empty selections


def test_known_names_that_select_nothing_raise_naming_what_there_is() -> None:
    with pytest.raises(NotInTableError) as caught:
        llama_cards.scores(category="Image", table="instruct")
    assert str(caught.value) == (
        "the card has no score in the instruct table with category 'Image'; the scores in the "
        "instruct table have the categories 'Image Reasoning', 'Image Understanding', 'Coding', "
        "'Reasoning & Knowledge', 'Multilingual', 'Long context'"
    )
    with pytest.raises(NotInTableError, match=r"'mmlu'"):
        llama_cards.scores(benchmark="mmlu", table="instruct")
    with pytest.raises(NotInTableError, match=r"'llama-3\.1-70b'"):
        llama_cards.scores(model="llama-3.1-70b", table="instruct")
    with pytest.raises(NotInTableError, match="the benchmarks 'mmlu'"):
        llama_cards.scores(model="llama-3.1-70b", benchmark="mmmu")
    with pytest.raises(NotInTableError, match="categories"):
        llama_cards.scores(table="pretrained").filter(category="Coding")
    assert len(llama_cards.scores(category="Image", table="pretrained")) == 8


# ------------------------------------------------------------------------------ Kosovo


def test_kosovo_is_answered_as_outside_the_eu_with_where_the_code_comes_from() -> None:
    answer = llama_cards.assess_use(domicile="xk")
    assert answer.domicile == "XK"
    assert answer.permitted is True
    eu = answer.findings[0]
    assert eu.blocks is False
    assert "XK is not in the European Union" in eu.explanation
    assert "user-assigned" in eu.explanation
    assert "CLDR" in eu.explanation
    assert (
        "eu-style-guide",
        "Annex A5, List of countries, territories and currencies (Kosovo, XK)",
    ) in [(source.document, source.section) for source in eu.sources]
    assert answer.licensor == "Meta Platforms, Inc."
