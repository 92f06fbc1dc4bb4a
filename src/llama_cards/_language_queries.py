"""The language queries of the newest card, and the constants read from its data.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from . import _loader
from ._base import ANSWER_KEY_LENGTH, answer_cache, count
from ._languages import Language

__all__ = [
    "MAX_TESTED_IMAGES",
    "PRETRAINING_LANGUAGE_COUNT",
    "check_images",
    "language",
    "languages",
    "supports_language",
]


PRETRAINING_LANGUAGE_COUNT: int
"""How many languages pre-training covered in all, from the card (see
:class:`LanguageCoverage`)."""
MAX_TESTED_IMAGES: int
"""The most input images image understanding was tested with, from the card (see
:class:`ImageTesting`); tested, not enforced."""


# ---------------------------------------------------------------- languages


def languages() -> tuple[Language, ...]:
    """The languages the newest card supports, in the card's order.

    ```pycon
    >>> [entry.name for entry in languages()][-3:]
    ['Tagalog', 'Thai', 'Vietnamese']

    ```
    """
    return _loader.newest().languages


def _supports(tag: object) -> bool:
    return _loader.newest().language_index.supports(tag)


def _language(tag: object) -> Language:
    return _loader.newest().language_index.find(tag)


_remembered_support = answer_cache(_supports)
_remembered_language = answer_cache(_language)


def supports_language(tag: str) -> bool:
    """Whether the newest card supports the language ``tag`` names.

    ``tag`` is a BCP 47 tag, an ISO 639 code, a POSIX locale name (``$LANG``), or the
    language's name in English or in one of the supported languages (see the module
    documentation). ``False`` for a well-formed tag or locale of another language, and for
    the locales ``C`` and ``POSIX``, which name none;
    :class:`~llama_cards.InvalidLanguageTagError` (a ``ValueError``) for text that is
    neither a tag nor a locale nor a name.

    ```pycon
    >>> supports_language("es-419"), supports_language("FRA"), supports_language("ja-JP")
    (True, True, False)
    >>> supports_language("pt_BR.UTF-8"), supports_language("Anglais"), supports_language("C")
    (True, True, False)
    >>> supports_language("en--US")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidLanguageTagError: 'en--US' is not a well-formed language tag: \
it has an empty subtag (two separators in a row); nor is it the name of a supported language \
in English or in one of the supported languages. Give a BCP 47 tag ('pt-BR'), an ISO 639 code \
('fra'), a locale name ('pt_BR.UTF-8'), or the name of a language in English or in one of the \
supported languages ('French', 'français', 'Französisch')

    ```
    """
    if type(tag) is str and len(tag) <= ANSWER_KEY_LENGTH:
        return _remembered_support(tag)
    return _supports(tag)


def language(tag: str) -> Language:
    """The supported language ``tag`` names, from the newest card.

    A well-formed tag of another language raises
    :class:`~llama_cards.UnsupportedLanguageError` (a ``LookupError``) naming the supported
    languages; text that is neither a tag nor a locale nor a name raises
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
    if type(tag) is str and len(tag) <= ANSWER_KEY_LENGTH:
        return _remembered_language(tag)
    return _language(tag)


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
