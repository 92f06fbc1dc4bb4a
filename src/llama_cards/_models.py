"""The Llama 4 models of the card: their specs, and checks against their limits.

```pycon
>>> import llama_cards
>>> scout = llama_cards.model("scout")
>>> scout.name, scout.context_length, scout.experts
('Llama 4 Scout (17Bx16E)', 10000000, 16)
>>> scout.fits_context(9_000_000, max_new_tokens=500_000)
True
>>> llama_cards.model("meta-llama/Llama-4-Maverick-17B-128E-Instruct").id
'llama-4-maverick'

```
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
from datetime import date
from typing import (
    TYPE_CHECKING,
    Any,
    Optional,
    Protocol,
    Union,
)

from pydantic.fields import PrivateAttr

from ._base import (
    Count,
    FieldSource,
    FrozenRecord,
    Modality,
    ModelId,
    Positive,
    Precision,
    Source,
    YearMonth,
    count,
    text_argument,
    unexpected_type,
)
from ._model_parts import HuggingFaceRepo, Quantity, modality_of, names_of

# The errors are imported where they are raised, so that a first model() or score()
# creates none of the package's error classes (a tenth of a first model(); see
# docs/performance.md).
if TYPE_CHECKING:
    from ._deployment import Architecture, OutputLimit
    from ._memory import ParameterBreakdown

__all__ = [
    "AlternativePrinting",
    "Model",
    "Quantization",
    "Training",
]


class Training(FrozenRecord):
    """One row of the card's training table: compute, power and emissions."""

    gpu_hours: Count
    """GPU hours of pre-training, e.g. ``5_000_000`` (the card prints ``5.0M``)."""
    power_watts: Optional[Count]
    """Peak power per GPU in watts; ``None`` where the card prints ``-`` (the total row)."""
    location_based_tco2eq: Count
    """Location-based greenhouse gas emissions, tons CO2eq."""
    market_based_tco2eq: Count
    """Market-based greenhouse gas emissions, tons CO2eq."""
    source: Source


class Quantization(FrozenRecord):
    """How a model's weights are released and what hardware they fit."""

    released_precisions: tuple[Precision, ...]
    """Precisions of the released weights, e.g. ``("bf16", "fp8")``."""
    note: str
    """What the card says the weights fit on, in short words."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class AlternativePrinting(FrozenRecord):
    """Another printing of a model's value than the one served, and where it is.

    The spec table's printing is served; where other text of the card prints the same
    value otherwise (the token counts without their ``~`` in the section "Training, testing
    and validation"), that printing is kept here with its source.
    """

    field: str
    """The :class:`Model` field printed otherwise, e.g. ``"training_tokens"``."""
    printed: str
    """The other printing, e.g. ``"40 trillion"``."""
    note: str
    """What differs, in short words."""
    source: Source
    """Where the other printing is."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class Model(FrozenRecord):
    """One Llama 4 model as the card describes it.

    Every field is the card's value; ``source`` says where it is printed.
    """

    id: ModelId
    """Canonical id, e.g. ``"llama-4-scout"``."""
    name: str
    """The name as the card's spec table prints it, e.g. ``"Llama 4 Scout (17Bx16E)"``."""
    short_name: str
    """The name as the card's training table prints it, e.g. ``"Llama 4 Scout"``."""
    aliases: tuple[str, ...]
    """Other names that :func:`model` accepts (short names, catalogue names)."""
    active_parameters: Positive
    """Parameters activated per token, e.g. ``17_000_000_000`` (``17B (Activated)``)."""
    total_parameters: Positive
    """All parameters, e.g. ``109_000_000_000`` (``109B (Total)``)."""
    experts: Positive
    """Number of experts of the mixture-of-experts layers, e.g. ``16``."""
    input_modalities: tuple[Modality, ...]
    """What the model takes in, e.g. ``("text", "image")``."""
    output_modalities: tuple[Modality, ...]
    """What the model produces, e.g. ``("text", "code")``."""
    input_description: str
    """The input modalities as printed, e.g. ``"Multilingual text and image"``."""
    output_description: str
    """The output modalities as printed, e.g. ``"Multilingual text and code"``."""
    context_length: Positive
    """Context window in tokens, e.g. ``10_000_000`` (the card prints ``10M``)."""
    context_length_printed: str
    """The context length as printed, e.g. ``"10M"``."""
    training_tokens: Quantity
    """Pre-training tokens, e.g. ``~40T``."""
    knowledge_cutoff: YearMonth
    """Month of the pre-training data cutoff, e.g. ``2024-08``."""
    release_date: date
    """Release date of the model, e.g. ``2025-04-05``."""
    huggingface_repos: tuple[HuggingFaceRepo, ...]
    """Every published checkpoint of the model on the Hugging Face Hub."""
    training: Training
    """The model's row of the training table."""
    quantization: Quantization
    """Released weight precisions and what they fit on."""
    alternative_printings: tuple[AlternativePrinting, ...]
    """Other printings of the model's values elsewhere in the card, e.g. the training
    disclosure's ``"40 trillion"`` for the spec table's ``~40T`` (which is served)."""
    source: Source
    """The model's row of the card's spec table, where most of its fields are printed."""
    field_sources: tuple[FieldSource, ...]
    """The fields printed somewhere other than :attr:`source` (the release date, the
    short name), each with every section that prints it; see :meth:`source_of`."""

    def huggingface_repo(self, repo_id: str) -> HuggingFaceRepo:
        """The published checkpoint with Hugging Face repository id ``repo_id`` (any case).

        An id that is not one of the model's raises
        :class:`~llama_cards.UnknownRepositoryError` (a ``LookupError``) naming its ids.

        ```pycon
        >>> import llama_cards
        >>> scout = llama_cards.model("scout")
        >>> scout.huggingface_repo("meta-llama/Llama-4-Scout-17B-16E").variant
        'pretrained'

        ```
        """
        text = text_argument(repo_id, "a repository id", "meta-llama/Llama-4-Scout-17B-16E")
        wanted = text.casefold()
        for repo in self.huggingface_repos:
            if repo.id.casefold() == wanted:
                return repo
        ids = [repo.id for repo in self.huggingface_repos]
        closest = [repo for repo in ids if repo.rsplit("/", 1)[-1].casefold() == wanted]
        from .errors import UnknownRepositoryError

        raise UnknownRepositoryError(text, closest, ids)

    def _record_rules(self) -> None:
        if self.active_parameters > self.total_parameters:
            raise ValueError(
                f"active_parameters {self.active_parameters} is above total_parameters "
                f"{self.total_parameters}: a model activates at most all its parameters"
            )

    def fits_context(
        self,
        prompt_tokens: int,
        max_new_tokens: int = 0,
        *,
        checkpoint: "Union[str, HuggingFaceRepo, None]" = None,
    ) -> bool:
        """Whether ``prompt_tokens + max_new_tokens`` fits in the context window.

        The window is the card's :attr:`context_length`, or with ``checkpoint`` (one of
        :attr:`huggingface_repos`, or its id) the registry's limit of that checkpoint.

        A negative or non-integer count raises :class:`~llama_cards.InvalidArgumentError`
        (a ``ValueError``); a count that is not a number raises
        :class:`~llama_cards.ArgumentTypeError` (a ``TypeError``).

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("maverick").fits_context(1_000_000)
        True
        >>> llama_cards.model("maverick").fits_context(999_999, max_new_tokens=2)
        False
        >>> instruct = "meta-llama/Llama-4-Maverick-17B-128E-Instruct"
        >>> llama_cards.model("maverick").fits_context(999_999, 2, checkpoint=instruct)
        True

        ```
        """
        requested = count(prompt_tokens, "prompt_tokens") + count(max_new_tokens, "max_new_tokens")
        if checkpoint is None:
            return requested <= self.context_length
        return requested <= self._sequence_limit(checkpoint)[1]

    def check_context(
        self,
        prompt_tokens: int,
        max_new_tokens: int = 0,
        *,
        checkpoint: "Union[str, HuggingFaceRepo, None]" = None,
    ) -> None:
        """Raise :class:`~llama_cards.ContextLengthExceededError` unless the request fits.

        With ``checkpoint``, the limit is that checkpoint's in Meta's registry, and the error
        names it.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("maverick").check_context(2_000_000)
        Traceback (most recent call last):
        ...
        llama_cards.errors.ContextLengthExceededError: Llama 4 Maverick (17Bx128E) has a \
context length of 1,000,000 tokens, but the request needs 2,000,000 (over by 1,000,000); \
shorten the prompt, lower max_new_tokens, or pick a model with a longer context \
(find_models(min_context=...))

        ```
        """
        requested = count(prompt_tokens, "prompt_tokens") + count(max_new_tokens, "max_new_tokens")
        if checkpoint is None:
            if requested > self.context_length:
                from .errors import ContextLengthExceededError

                raise ContextLengthExceededError(self.name, self.context_length, requested)
            return
        repo, limit = self._sequence_limit(checkpoint)
        if requested > limit:
            from .errors import ContextLengthExceededError

            raise ContextLengthExceededError(self.name, limit, requested, checkpoint=repo.id)

    def checkpoint(self, repo: "Union[str, HuggingFaceRepo]") -> HuggingFaceRepo:
        """The published checkpoint ``repo`` names: one of :attr:`huggingface_repos`, or its
        id (ignoring case). Another raises :class:`~llama_cards.UnknownCheckpointError`.

        ```pycon
        >>> import llama_cards
        >>> pretrained = llama_cards.model("scout").checkpoint("meta-llama/Llama-4-Scout-17B-16E")
        >>> pretrained.max_sequence_length
        262144

        ```
        """
        wanted = repo.id if isinstance(repo, HuggingFaceRepo) else repo
        if not isinstance(wanted, str):
            raise unexpected_type(
                "a checkpoint is a HuggingFaceRepo or its id, such as "
                f"'meta-llama/Llama-4-Scout-17B-16E', got {type(repo).__name__} {repo!r}"
            )
        key = wanted.strip().casefold()
        for entry in self.huggingface_repos:
            if entry.id.casefold() == key:
                return entry
        import difflib

        known = [entry.id for entry in self.huggingface_repos]
        from .errors import UnknownCheckpointError

        raise UnknownCheckpointError(
            wanted, difflib.get_close_matches(wanted, known, n=3, cutoff=0.5), known
        )

    def _sequence_limit(
        self, checkpoint: "Union[str, HuggingFaceRepo]"
    ) -> "tuple[HuggingFaceRepo, int]":
        repo = self.checkpoint(checkpoint)
        if repo.max_sequence_length is None:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"this card gives the checkpoint {repo.id} no sequence limit (a card of schema "
                "1.0); check against the card's context length (leave out checkpoint)"
            )
        return repo, repo.max_sequence_length

    # ------------------------------------------------------------------ deployment

    @property
    def architecture(self) -> "Architecture":
        """The model's shape as its reference builders construct it (torchtune's Llama 4
        builders and Meta's ``args.py``), built on first use.

        ```pycon
        >>> import llama_cards
        >>> maverick = llama_cards.model("maverick").architecture
        >>> maverick.moe_layers, maverick.dense_ffn_size, maverick.qk_norm
        (24, 16384, False)

        ```
        """
        return self._owner("its architecture").architecture(self.id)

    @property
    def output_limit(self) -> "OutputLimit":
        """What is known of the model's output limit: none is published, with why and the
        source; see :attr:`max_output_tokens`."""
        return self._owner("its output limit").output_limit(self.id)

    @property
    def max_output_tokens(self) -> "Optional[int]":
        """``None``: no separate output limit is published, and the output counts against
        the context (:attr:`output_limit` says why, and where).

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").max_output_tokens is None
        True

        ```
        """
        return self.output_limit.max_output_tokens

    def parameter_breakdown(self) -> "ParameterBreakdown":
        """The model's parameters counted from its builders' shapes, part by part.

        ```pycon
        >>> import llama_cards
        >>> breakdown = llama_cards.model("maverick").parameter_breakdown()
        >>> breakdown.total, breakdown.routed_experts
        (401583781376, 386547056640)

        ```
        """
        return self._owner("its parameters").parameter_breakdown(self)

    def weights_bytes(self, precision: str, *, scheme: str = "meta") -> int:
        """Bytes of the model's weights at ``precision`` (``"bf16"``, ``"fp8"``, ``"int4"``).

        ``scheme="meta"`` follows Meta's Llama 4 quantization loader: int4 stores the routed
        and shared experts of every MoE block in 4 bits (with a float32 scale per 128
        weights); fp8 stores only the routed experts, of every MoE block but the first and
        last layers', in 8 bits (with a float32 scale per row); the rest stays BF16.
        ``scheme="uniform"`` is the card's total parameters at 2, 1 or 0.5 bytes each.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").weights_bytes("int4")
        66477386752
        >>> llama_cards.model("maverick").weights_bytes("fp8")
        432979864852

        ```
        """
        return self._owner("its weights").weights_bytes(self, precision, scheme)

    def kv_cache_bytes(
        self,
        tokens: int,
        *,
        precision: str = "bf16",
        chunked_window: bool = True,
        sequences: int = 1,
    ) -> int:
        """Bytes of the KV cache for ``tokens`` tokens of each of ``sequences`` sequences.

        Each layer keeps a key and a value of ``kv_heads x head_dim`` per token (4,096 bytes
        at BF16). With ``chunked_window`` a chunked-attention layer keeps at most one chunk
        (8,192 tokens) and only the global layers keep every token; without it, every layer
        keeps every token.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").kv_cache_bytes(1_000_000)
        50359959552

        ```
        """
        return self._owner("its KV cache").kv_cache_bytes(
            self, tokens, precision, chunked_window, sequences
        )

    def accepts(self, modality: str) -> bool:
        """Whether the model takes ``modality`` (``"text"``, ``"image"`` or ``"code"``) as input.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").accepts("image")
        True

        ```
        """
        return modality_of(modality) in self.input_modalities

    def produces(self, modality: str) -> bool:
        """Whether the model outputs ``modality`` (``"text"``, ``"image"`` or ``"code"``).

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").produces("image")
        False

        ```
        """
        return modality_of(modality) in self.output_modalities

    def supports_language(self, tag: str) -> bool:
        """Whether the model supports the language ``tag`` names (BCP 47, ISO 639, a name).

        The card lists one set of languages for every Llama 4 model, so this is
        :func:`llama_cards.supports_language` of the newest card.

        ```pycon
        >>> import llama_cards
        >>> llama_cards.model("scout").supports_language("pt-BR")
        True

        ```
        """
        owner = self._card
        if owner is None:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"this {self.name} record was built outside a card, so there is no card whose "
                "languages it could check; use llama_cards.supports_language(tag), or "
                "card.supports_language(tag) for a card of your own"
            )
        return owner.supports_language(tag)

    def _owner(self, what: str) -> "_CardFacts":
        owner = self._card
        if owner is None:
            from .errors import DataIntegrityError

            raise DataIntegrityError(
                f"this {self.name} record was built outside a card, so there is no card that "
                f"gives {what}; use llama_cards.model({self.id!r}), or card.model(...) for a "
                "card of your own"
            )
        return owner

    # The card the record belongs to, which answers what the card states for all of its
    # models (the supported languages). Not a field: not part of the record's value.
    _card: "Optional[_CardFacts]" = PrivateAttr(default=None)

    @classmethod
    def _in_card(cls, data: "dict[str, Any]", card: "_CardFacts") -> "Model":
        """A record of the trusted shipped data (see ``_from_trusted``), owned by ``card``."""
        record = cls._from_trusted(data)
        record._card = card
        return record

    def _join(self, card: "_CardFacts") -> None:
        """Make ``card`` the owner of this record, unless it has one (a card built from
        records of another, a copy with one field changed, keeps their owners)."""
        if self._card is None:
            self._card = card


# Read by type checkers only (see _model_parts).
if TYPE_CHECKING:

    class _CardFacts(Protocol):
        """What a model asks of the card it belongs to: what the card states for all of its
        models, and its deployment part (each built on first need)."""

        def supports_language(self, tag: str) -> bool: ...

        def architecture(self, model: ModelId) -> "Architecture": ...

        def output_limit(self, model: ModelId) -> "OutputLimit": ...

        def parameter_breakdown(self, model: Model) -> "ParameterBreakdown": ...

        def weights_bytes(self, model: Model, precision: object, scheme: object) -> int: ...

        def kv_cache_bytes(
            self,
            model: Model,
            tokens: object,
            precision: object,
            chunked_window: object,
            sequences: object,
        ) -> int: ...


# ----------------------------------------------------------------------------- names


def model_names(entry: Model) -> "list[str]":
    """Every name a model answers to (see :func:`~llama_cards._model_parts.names_of`)."""
    return names_of(
        entry.id,
        entry.name,
        entry.short_name,
        entry.aliases,
        [repo.id for repo in entry.huggingface_repos],
    )
