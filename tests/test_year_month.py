"""YearMonth: the month-precision date of the card's updates and knowledge cutoffs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llama_cards import ArgumentTypeError, InvalidArgumentError, YearMonth


@pytest.mark.parametrize(
    ("text", "year", "month"), [("2024-08", 2024, 8), ("2026-03", 2026, 3), ("0001-01", 1, 1)]
)
def test_parse(text: str, year: int, month: int) -> None:
    parsed = YearMonth.parse(text)
    assert (parsed.year, parsed.month, str(parsed)) == (year, month, text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-8",
        "2024-13",
        "2024-00",
        "24-08",
        "2024/08",
        "2024-08-01",
        "",
        " 2024-08",
        "２０２４-０８",
    ],
)
def test_parse_refuses_other_forms(text: str) -> None:
    with pytest.raises(InvalidArgumentError, match=r"YYYY-MM|out of range"):
        YearMonth.parse(text)


@pytest.mark.parametrize("value", [None, 202408, b"2024-08"])
def test_parse_refuses_non_text(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match="takes text"):
        YearMonth.parse(value)  # type: ignore[arg-type]  # the wrong type is the test


@pytest.mark.parametrize(
    ("year", "month", "error"),
    [
        (2024, 13, InvalidArgumentError),
        (2024, 0, InvalidArgumentError),
        (0, 5, InvalidArgumentError),
        (10_000, 1, InvalidArgumentError),
        (True, 8, ArgumentTypeError),
        (2024, 8.0, ArgumentTypeError),
        ("2024", 8, ArgumentTypeError),
    ],
)
def test_constructor_refuses_bad_values(
    year: object, month: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        YearMonth(year, month)  # type: ignore[arg-type]  # bad values are the test


def test_comparisons_with_other_types_are_type_errors_not_crashes() -> None:
    cutoff = YearMonth(2024, 8)
    for other in (None, 2024, 2024.08, (2024, 8), b"2024-08"):
        assert cutoff != other
        assert not cutoff == other  # noqa: SIM201  # the operator itself is the test
        with pytest.raises(TypeError):
            _ = cutoff < other
        with pytest.raises(TypeError):
            _ = cutoff >= other


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 9999), st.integers(1, 12))
def test_order_is_the_order_of_dates(y1: int, m1: int, y2: int, m2: int) -> None:
    a, b = YearMonth(y1, m1), YearMonth(y2, m2)
    assert (a < b) == ((y1, m1) < (y2, m2))
    assert (a == b) == ((y1, m1) == (y2, m2))
    assert YearMonth.parse(str(a)) == a
