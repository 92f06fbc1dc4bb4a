"""The model queries of the newest card: by name, all of them, by what they need.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from . import _loader
from ._base import ANSWER_KEY_LENGTH, answer_cache
from ._models import Model

if TYPE_CHECKING:
    from ._benchmarks import ComparisonModel

__all__ = ["comparison_model", "comparison_models", "find_models", "model", "models"]


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
    raises :class:`~llama_cards.UnknownModelError` naming the closest known names; the
    name of a comparison model of the benchmark tables (``"Llama 3.3 70B"``) raises it
    saying so, and pointing to :func:`comparison_model`.

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


# ------------------------------------------------------- comparison models


def comparison_model(name: Union[str, ComparisonModel]) -> ComparisonModel:
    """The comparison model of the newest card's benchmark tables answering to ``name``.

    Names resolve as :func:`model` resolves them: the id (``"llama-3.3-70b"``), the printed
    name (``"Llama 3.3 70B"``) or a Hugging Face repository that Meta's registry lists for
    the model, in any case, with any spaces or punctuation; the record stands for its id.
    An unknown name raises :class:`~llama_cards.UnknownModelError` naming the closest.

    ```pycon
    >>> older = comparison_model("meta-llama/Llama-3.3-70B-Instruct")
    >>> older.id, older.release_date.isoformat(), older.license_name
    ('llama-3.3-70b', '2024-12-06', 'Llama 3.3 Community License Agreement')

    ```
    """
    return _loader.newest().comparison_model(name)


def comparison_models() -> tuple[ComparisonModel, ...]:
    """The comparison models of the newest card, in the order of their ids.

    ```pycon
    >>> [(m.id, m.parameters_printed) for m in comparison_models()]
    [('llama-3.1-70b', '70B'), ('llama-3.1-405b', '405B'), ('llama-3.3-70b', '70B')]

    ```
    """
    return _loader.newest().comparison_models
