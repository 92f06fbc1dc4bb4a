"""Modality checks of the models and the tested image count, as the card prints them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    InvalidArgumentError,
    UnknownModalityError,
    check_images,
)

# The spec table: input "Multilingual text and image", output "Multilingual text and code",
# for both models.
MODALITIES = [
    # model, modality, accepts, produces
    ("scout", "text", True, True),
    ("scout", "image", True, False),
    ("scout", "code", False, True),
    ("maverick", "text", True, True),
    ("maverick", "image", True, False),
    ("maverick", "code", False, True),
]


@pytest.mark.parametrize(("name", "modality", "accepts", "produces"), MODALITIES)
def test_accepts_and_produces_follow_the_spec_table(
    name: str, modality: str, accepts: bool, produces: bool
) -> None:
    model = llama_cards.model(name)
    assert model.accepts(modality) is accepts
    assert model.produces(modality) is produces


@pytest.mark.parametrize("spelling", ["IMAGE", "Image", " image ", "image\n"])
def test_modality_names_ignore_case_and_surrounding_space(spelling: str) -> None:
    assert llama_cards.model("scout").accepts(spelling) is True
    assert llama_cards.model("scout").produces(spelling) is False


@pytest.mark.parametrize(
    "modality", ["audio", "video", "speech", "images", "", "text/plain", "img", 3, None]
)
def test_unknown_modalities_are_a_clear_value_error(modality: object) -> None:
    model = llama_cards.model("maverick")
    for check in (model.accepts, model.produces):
        with pytest.raises(UnknownModalityError) as raised:
            check(modality)  # type: ignore[arg-type]  # wrong values are the test
        message = str(raised.value)
        assert f"unknown modality {modality!r}" in message
        assert "'text', 'image', 'code'" in message
        assert isinstance(raised.value, ValueError)


def test_find_models_by_input_modality() -> None:
    assert [m.id for m in llama_cards.find_models(input_modality="image")] == [
        "llama-4-scout",
        "llama-4-maverick",
    ]
    assert llama_cards.find_models(input_modality="code") == ()
    with pytest.raises(UnknownModalityError):
        llama_cards.find_models(input_modality="audio")


# ---------------------------------------------------------------------- images


@pytest.mark.parametrize(
    ("count", "tested"),
    [
        (0, True),
        (1, True),
        (2, True),
        (4, True),
        (5, True),
        (6, False),
        (10, False),
        (10**9, False),
    ],
)
def test_check_images_against_the_five_tested(count: int, tested: bool) -> None:
    assert check_images(count) is tested


def test_check_images_bound_is_the_data() -> None:
    limit = llama_cards.card().image_testing.max_tested_images
    assert check_images(limit) is True
    assert check_images(limit + 1) is False


class _Index:
    def __index__(self) -> int:
        return 3


def test_check_images_takes_integer_likes() -> None:
    assert check_images(_Index()) is True  # type: ignore[arg-type]  # __index__ is enough


@pytest.mark.parametrize(
    ("count", "error", "words"),
    [
        (-1, InvalidArgumentError, "must be zero or more images, got -1"),
        (-100, InvalidArgumentError, "zero or more"),
        (2.0, InvalidArgumentError, "must be a whole number of images, got 2.0"),
        (2.5, InvalidArgumentError, "whole number"),
        (float("nan"), InvalidArgumentError, "whole number"),
        (True, ArgumentTypeError, "integer number of images, got bool True"),
        ("3", ArgumentTypeError, "integer number of images, got str '3'"),
        (None, ArgumentTypeError, "got NoneType None"),
        ([3], ArgumentTypeError, "got list"),
    ],
)
def test_check_images_rejects_bad_counts(count: object, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as raised:
        check_images(count)  # type: ignore[arg-type]  # wrong values are the test
    assert words in str(raised.value)


def test_a_negative_count_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="zero or more images, got -1"):
        check_images(-1)


@given(st.integers(min_value=0))
def test_check_images_is_a_threshold(count: int) -> None:
    assert check_images(count) is (count <= 5)


@given(st.integers(max_value=-1))
def test_every_negative_count_is_refused(count: int) -> None:
    with pytest.raises(InvalidArgumentError):
        check_images(count)
