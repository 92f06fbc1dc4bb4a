"""The model queries of the newest card: by name, all of them, by what they need.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import Optional, Union

from . import _loader
from ._base import ANSWER_KEY_LENGTH, answer_cache
from ._models import Model

__all__ = ["find_models", "model", "models"]


# ------------------------------------------------------------------- models


def _model_lookup(name: object) -> Model:
    return _loader.newest().model(name)


_remembered_model = answer_cache(_model_lookup)


def model(name: Union[str, Model]) -> Model:
    """The model of the newest card answering to ``name``.

    ``name`` may be the id (``"llama-4-scout"``), a short name (``"scout"``), the card's
    name (``"Llama 4 Scout (17Bx16E)"``), a catalogue name
    (``"Llama-4-Scout-17B-16E-Instruct"``) or a Hugging Face repository id, in any case,
    with any spaces or punctuation; a :class:`Model` stands for its id. An unknown name
    raises :class:`~llama_cards.UnknownModelError` naming the closest known names; the name
    of a comparison model of the benchmark tables (``"llama-3.1-405b"``) raises it saying
    so and naming the functions that take it (:func:`score`, :func:`scores`,
    :func:`compare`).

    ```pycon
    >>> model("Llama_4_SCOUT").id
    'llama-4-scout'

    ```
    """
    if type(name) is str and len(name) <= ANSWER_KEY_LENGTH:
        return _remembered_model(name)
    if isinstance(name, Model):
        return _loader.newest().model(name)
    return _model_lookup(name)


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
    whole = _loader.shipped_card(_loader.newest())
    return whole.find_models(
        min_context=min_context, input_modality=input_modality, language=language
    )
