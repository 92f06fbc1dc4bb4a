"""Every error the package raises.

Each error subclasses :class:`LlamaCardsError` *and* the standard-library error a caller
would already catch: :class:`LookupError` for a name that is not known, :class:`ValueError`
for input that is malformed or out of range, :class:`TypeError` for an argument of the wrong
type. Messages say what was asked, what exists, and what to do.

```pycon
>>> import llama_cards
>>> try:
...     llama_cards.model("llama 5")
... except LookupError as error:
...     print(type(error).__name__)
UnknownModelError

```
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Optional

__all__ = [
    "AmbiguousQueryError",
    "ArgumentTypeError",
    "CardVersionError",
    "ContextLengthExceededError",
    "DataIntegrityError",
    "InvalidArgumentError",
    "InvalidCountryCodeError",
    "InvalidLanguageTagError",
    "InvalidVersionSpecError",
    "LlamaCardsError",
    "NotInTableError",
    "SchemaVersionError",
    "TokenizerUnavailableError",
    "UnknownAcceleratorError",
    "UnknownBenchmarkError",
    "UnknownCheckpointError",
    "UnknownDocumentError",
    "UnknownModalityError",
    "UnknownModelError",
    "UnknownRepositoryError",
    "UnsupportedLanguageError",
]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(repr(name) for name in names)


QUOTED_LENGTH = 80
"""The most characters of an argument that an error message quotes."""


def quote_input(value: object) -> str:
    """``value`` as an error message quotes what a caller gave: its ``repr``, cut to
    :data:`QUOTED_LENGTH` characters with the full length said, so that a long argument
    (a pasted document) never floods a message.

    ```pycon
    >>> quote_input("scout")
    "'scout'"
    >>> shown = quote_input("x" * 100_000)
    >>> len(shown), shown[-28:]
    (104, "xxxxx…' (100,000 characters)")

    ```
    """
    if isinstance(value, str):
        if len(value) <= QUOTED_LENGTH:
            return repr(value)
        shown = repr(value[:QUOTED_LENGTH])
        return f"{shown[:-1]}…{shown[-1]} ({len(value):,} characters)"
    shown = repr(value)
    if len(shown) <= QUOTED_LENGTH:
        return shown
    return f"{shown[:QUOTED_LENGTH]}… ({len(shown):,} characters of repr)"


class LlamaCardsError(Exception):
    """Base class of every error raised by ``llama_cards``."""


class InvalidArgumentError(LlamaCardsError, ValueError):
    """An argument has the right type but a value that cannot be used (a negative count)."""


class ArgumentTypeError(LlamaCardsError, TypeError):
    """An argument has the wrong type (a string where a token count belongs)."""


class _UnknownNameError(LlamaCardsError, LookupError):
    """A name that matches nothing; ``closest`` holds the nearest known names, best first."""

    _kind = "name"
    _matching = "names ignore case"

    def __init__(
        self,
        name: object,
        closest: Sequence[str],
        known: Sequence[str],
        *,
        message: Optional[str] = None,
    ) -> None:
        self.name = name
        self.closest = tuple(closest)
        self.known = tuple(known)
        hint = f"did you mean {_quoted(self.closest)}? " if self.closest else ""
        if message is None:
            message = (
                f"unknown {self._kind} {quote_input(name)}: {hint}known {self._kind}s are "
                f"{_quoted(self.known)} ({self._matching})"
            )
        super().__init__(message)


class UnknownModelError(_UnknownNameError):
    """No model answers to the name that was asked for.

    ``closest`` holds the known names nearest to the one asked for, best first. Where the
    name is a comparison model of the benchmark tables, ``comparison`` holds its id and
    printed name, and the message says to query its scores instead.
    """

    _kind = "model"
    _matching = "names ignore case, spaces and punctuation"

    def __init__(
        self,
        name: object,
        closest: Sequence[str],
        known: Sequence[str],
        *,
        message: Optional[str] = None,
        comparison: Optional[tuple[str, str]] = None,
    ) -> None:
        super().__init__(name, closest, known, message=message)
        self.comparison = comparison
        if comparison is not None and message is None:
            model_id, printed = comparison
            Exception.__init__(
                self,
                f"{quote_input(name)} is {printed} ({model_id!r}), a comparison model of the "
                "card's benchmark tables, not a Llama 4 model of the card; its scores are "
                f"score({model_id!r}, ...), scores(model={model_id!r}) and "
                f"compare(..., {model_id!r}); the card's models are {_quoted(self.known)}",
            )


class UnknownBenchmarkError(_UnknownNameError):
    """No benchmark answers to the name that was asked for.

    ``closest`` holds the known names nearest to the one asked for, best first.
    """

    _kind = "benchmark"
    _matching = "names ignore case, spaces and punctuation"


class AmbiguousQueryError(LlamaCardsError, LookupError):
    """A query that should name one thing matches several; ``matches`` lists them."""

    def __init__(self, message: str, matches: Sequence[object]) -> None:
        self.matches = tuple(matches)
        super().__init__(message)


class NotInTableError(LlamaCardsError, LookupError):
    """A known model or benchmark has no cell in the table asked for.

    The card's two benchmark tables have different rows and columns: MMLU is only in the
    pre-trained table, Llama 3.3 70B only has a column in the instruction tuned one.
    """


class UnknownModalityError(LlamaCardsError, ValueError):
    """A modality name that the card does not use (it uses ``text``, ``image`` and ``code``)."""


class ContextLengthExceededError(LlamaCardsError, ValueError):
    """A request needs more tokens than the model's context window holds."""

    def __init__(
        self,
        model: str,
        context_length: int,
        requested: int,
        *,
        checkpoint: Optional[str] = None,
    ) -> None:
        self.model = model
        self.context_length = context_length
        self.requested = requested
        self.checkpoint = checkpoint
        """The checkpoint whose registry limit was used; ``None`` for the card's context."""
        if checkpoint is None:
            limit = f"{model} has a context length of {context_length:,} tokens"
            advice = "pick a model with a longer context (find_models(min_context=...))"
        else:
            limit = (
                f"the checkpoint {checkpoint} of {model} has a maximum sequence length of "
                f"{context_length:,} tokens in Meta's registry"
            )
            advice = "pick a checkpoint with a longer limit"
        super().__init__(
            f"{limit}, but the request needs {requested:,} (over by "
            f"{requested - context_length:,}); shorten the prompt, lower max_new_tokens, or "
            f"{advice}"
        )


class UnsupportedLanguageError(LlamaCardsError, LookupError):
    """A well-formed language tag for a language outside the card's supported list."""


class InvalidLanguageTagError(LlamaCardsError, ValueError):
    """A language tag that is not well formed (BCP 47 / ISO 639)."""


class InvalidCountryCodeError(LlamaCardsError, ValueError):
    """A domicile that is not an assigned ISO 3166-1 alpha-2 country code."""


class CardVersionError(LlamaCardsError, LookupError):
    """No shipped card revision matches the version that was asked for."""


class InvalidVersionSpecError(LlamaCardsError, ValueError):
    """A card version or version specifier that PEP 440 cannot parse."""


class SchemaVersionError(LlamaCardsError, ValueError):
    """Card JSON written with a data schema this release cannot read."""


class DataIntegrityError(LlamaCardsError, ValueError):
    """A shipped or supplied data file is damaged or does not match the schema."""


class UnknownDocumentError(_UnknownNameError):
    """No document of the card has the id that was asked for (see :attr:`Source.document`)."""

    _kind = "document"
    _matching = "ids are exact"


class TokenizerUnavailableError(LlamaCardsError, ImportError):
    """Counting tokens needs Meta's tokenizer, which comes with the ``tokenizer`` extra.

    Install it with ``pip install "llama-cards[tokenizer]"`` (Python 3.10 or newer, which
    Meta's ``llama-models`` package requires).
    """


class UnknownAcceleratorError(_UnknownNameError):
    """No accelerator of the table answers to the name that was asked for.

    ``closest`` holds the known names nearest to the one asked for, best first.
    """

    _kind = "accelerator"
    _matching = "ids and product names, ignoring case"


class UnknownCheckpointError(_UnknownNameError):
    """No published checkpoint of the model has the Hugging Face repository asked for.

    ``closest`` holds the known repository ids nearest to the one asked for, best first.
    """

    _kind = "checkpoint"
    _matching = "Hugging Face repository ids, ignoring case"


class UnknownRepositoryError(_UnknownNameError):
    """No published checkpoint of the model has the Hugging Face repository id asked for
    (see :meth:`Model.huggingface_repo`)."""

    _kind = "repository"
    _matching = "ids ignore case"
