"""How much memory a Llama 4 model needs: parameters, weights, KV cache, and the card's claims.

Private. Every count is arithmetic over the records of ``_deployment`` (the builders'
shapes, Meta's quantization rules); no number of a document is written here. The public
faces are :attr:`Model.parameter_breakdown`, :meth:`Model.weights_bytes`,
:meth:`Model.kv_cache_bytes`, :func:`~llama_cards.estimate_memory` and
:func:`~llama_cards.card_claims`.

```pycon
>>> import llama_cards
>>> scout = llama_cards.model("scout")
>>> scout.parameter_breakdown().total
108641793536
>>> scout.weights_bytes("bf16", scheme="uniform")
218000000000
>>> scout.kv_cache_bytes(1, chunked_window=False)
196608

```
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Optional, get_args

from ._base import FrozenRecord, ModelId, Source, count
from ._deployment import Accelerator, Architecture, ClaimSpec, QuantizationScheme, WeightPrecision
from .errors import ArgumentTypeError, InvalidArgumentError

__all__ = [
    "HardwareClaim",
    "MemoryEstimate",
    "ParameterBreakdown",
    "check_claim",
    "estimate",
    "kv_cache_bytes",
    "parameter_breakdown",
    "weights_bytes",
]

Scheme = Literal["meta", "uniform"]
"""How weights are stored at a narrower precision: ``"meta"`` as Meta's Llama 4 loader
quantizes (experts only, the rest BF16, with scales); ``"uniform"`` every parameter alike."""

KvPrecision = Literal["bf16", "fp8"]
"""Numeric format of the KV cache."""

PRECISIONS: tuple[str, ...] = get_args(WeightPrecision)
SCHEMES: tuple[str, ...] = get_args(Scheme)
KV_PRECISIONS: tuple[str, ...] = get_args(KvPrecision)

# Bits per value of each storage format: facts of the formats, not of any document.
_BITS = {"bf16": 16, "fp8": 8, "int4": 4}

ASSUMPTIONS = (
    "Weights and KV cache only: activations, CUDA graphs, the serving engine's workspace and "
    "memory fragmentation are left out unless `overhead` reserves a fraction of memory for them.",
    "The KV cache keeps a key and a value of kv_heads x head_dim per token and layer; with "
    "`chunked_window`, a chunked-attention layer keeps at most one chunk of tokens.",
    "Every sequence keeps its own cache; no prefix is shared between sequences.",
    "Memory is the vendor's figure read as 10^9 bytes per GB; a driver and CUDA context take "
    "some of it, which `overhead` can reserve.",
)


class ParameterBreakdown(FrozenRecord):
    """The parameters of a model counted from its builders' shapes, part by part."""

    model: ModelId
    """The model."""
    attention: int
    """Query, key, value and output projections of every layer."""
    routed_experts: int
    """The routed experts of every MoE block."""
    shared_expert: int
    """The shared expert of every MoE block."""
    router: int
    """The router of every MoE block."""
    dense_ffn: int
    """The dense FFN of the layers without MoE."""
    embeddings: int
    """The token embedding."""
    output: int
    """The output layer (not tied to the embedding)."""
    norms: int
    """The RMS norms of the text model (two per layer and the final one)."""
    vision_encoder: int
    """The image encoder: patch embedding, class token, positions, layers, layer norms."""
    vision_projector: int
    """The projector from the image encoder into the text model."""
    active_per_token: int
    """Parameters one text token goes through: all but the routed experts it is not sent to
    and the vision encoder."""
    source: Source
    """How the counts were derived."""

    @property
    def total(self) -> int:
        """Every parameter of the model."""
        return (
            self.attention
            + self.routed_experts
            + self.shared_expert
            + self.router
            + self.dense_ffn
            + self.embeddings
            + self.output
            + self.norms
            + self.vision_encoder
            + self.vision_projector
        )


def _choice(value: object, name: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be one of {', '.join(map(repr, allowed))}, got "
            f"{type(value).__name__} {value!r}"
        )
    if value not in allowed:
        raise InvalidArgumentError(
            f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}"
        )
    return value


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise ArgumentTypeError(
            f"{name} must be True or False, got {type(value).__name__} {value!r}"
        )
    return value


def _ffn(hidden: int, inner: int) -> int:
    # A SwiGLU FFN: gate and up projections in, down projection out, no biases.
    return 3 * hidden * inner


def _vision_counts(arch: Architecture) -> tuple[int, int]:
    vision = arch.vision
    width = vision.width
    patch_embedding = vision.in_channels * vision.patch_size**2 * width  # conv, no bias
    class_token = width
    positions = vision.positional_embedding_tokens * width
    layer_norm = 2 * width  # weight and bias
    bias = width if vision.attention_bias else 0
    attention = 4 * (width * width + bias)
    mlp = width * vision.mlp_size + vision.mlp_size + vision.mlp_size * width + width
    per_layer = attention + mlp + 2 * layer_norm
    encoder = patch_embedding + class_token + positions + 2 * layer_norm + vision.layers * per_layer
    projector = (
        vision.projection_input_size * vision.projection_size
        + vision.projection_size * vision.projection_size
        + vision.projection_size * vision.output_size
    )
    return encoder, projector


def parameter_breakdown(arch: Architecture) -> ParameterBreakdown:
    """The parameters of the model ``arch`` describes, counted from its shapes, by part."""
    hidden = arch.hidden_size
    attention = arch.layers * (
        2 * hidden * arch.attention_heads * arch.head_dim
        + 2 * hidden * arch.kv_heads * arch.head_dim
    )
    expert = _ffn(hidden, arch.expert_ffn_size)
    dense_layers = arch.layers - arch.moe_layers
    encoder, projector = _vision_counts(arch)
    routed_per_token = arch.moe_layers * arch.experts_per_token * expert
    breakdown = ParameterBreakdown._construct(
        {
            "model": arch.model,
            "attention": attention,
            "routed_experts": arch.moe_layers * arch.experts * expert,
            "shared_expert": arch.moe_layers * expert if arch.shared_expert else 0,
            "router": arch.moe_layers * hidden * arch.experts,
            "dense_ffn": dense_layers * _ffn(hidden, arch.dense_ffn_size or 0),
            "embeddings": arch.vocab_size * hidden,
            "output": hidden * arch.vocab_size,
            "norms": (2 * arch.layers + 1) * hidden,
            "vision_encoder": encoder,
            "vision_projector": projector,
            "active_per_token": 0,
            "source": _BREAKDOWN_SOURCE,
        }
    )
    active = breakdown.total - breakdown.routed_experts - encoder - projector + routed_per_token
    return breakdown.model_copy(update={"active_per_token": active})


_BREAKDOWN_SOURCE = Source(
    document="torchtune-llama4-component-builders",
    section="llama4_decoder, llama4_moe, llama4_vision_encoder",
    derived="weights of every module the builders construct, counted from their shapes",
)


def weights_bytes(
    arch: Architecture,
    total_parameters: int,
    schemes: dict[str, QuantizationScheme],
    precision: object,
    scheme: object = "meta",
) -> int:
    """Bytes of the model's weights at ``precision`` (``"bf16"``, ``"fp8"``, ``"int4"``).

    ``scheme="meta"`` follows Meta's Llama 4 quantization loader: int4 stores the routed and
    shared experts of every MoE block in 4 bits (with a float32 scale per 128 weights); fp8
    stores only the routed experts, of every MoE block but the first and last layers', in 8
    bits (with a float32 scale per row); everything else stays BF16. ``scheme="uniform"`` is
    the card's total parameters at 2, 1 or 0.5 bytes each.

    ``total_parameters`` is the card's count (for ``"uniform"``); ``schemes`` holds Meta's
    rules by precision.
    """
    precision = _choice(precision, "precision", PRECISIONS)
    scheme = _choice(scheme, "scheme", SCHEMES)
    if scheme == "uniform":
        return total_parameters * _BITS[precision] // 8
    breakdown = parameter_breakdown(arch)
    bf16 = _BITS["bf16"] // 8
    rules = schemes.get(precision)
    if rules is None:
        return breakdown.total * bf16
    moe_layer_ids = [
        layer for layer in range(arch.layers) if (layer + 1) % arch.moe_layer_interval == 0
    ]
    if rules.skip_first_and_last_layers:
        moe_layer_ids = [layer for layer in moe_layer_ids if layer not in (0, arch.layers - 1)]
    quantized_layers = len(moe_layer_ids)
    hidden, inner = arch.hidden_size, arch.expert_ffn_size
    experts = arch.experts * rules.routed_experts + (
        1 if rules.shared_expert and arch.shared_expert else 0
    )
    quantized = quantized_layers * experts * _ffn(hidden, inner)
    if rules.group_size is not None:
        scales = quantized // rules.group_size
    else:
        # One scale per output row of each weight: gate and up have `inner` rows, down
        # has `hidden` rows, for every expert.
        scales = quantized_layers * experts * (2 * inner + hidden)
    # Gate, up and down of the routed experts (one tensor for all of them) and of the
    # shared expert each carry their own extra bytes.
    kinds = int(rules.routed_experts) + int(rules.shared_expert and arch.shared_expert)
    tensors = quantized_layers * 3 * kinds
    return (
        (breakdown.total - quantized) * bf16
        + quantized * rules.weight_bits // 8
        + scales * rules.scale_bytes
        + tensors * rules.extra_bytes_per_tensor
    )


def kv_cache_bytes(
    arch: Architecture,
    tokens: object,
    *,
    precision: object = "bf16",
    chunked_window: object = True,
    sequences: object = 1,
) -> int:
    """Bytes of the KV cache for ``tokens`` tokens of each of ``sequences`` sequences.

    Each layer keeps a key and a value of ``kv_heads x head_dim`` per token (4,096 bytes at
    BF16). With ``chunked_window`` a chunked-attention layer keeps at most one chunk (8,192
    tokens) and only the global layers keep every token; without it, every layer keeps
    every token.

    ```pycon
    >>> import llama_cards
    >>> scout = llama_cards.model("scout")
    >>> scout.kv_cache_bytes(1_000_000, chunked_window=False)
    196608000000
    >>> scout.kv_cache_bytes(1_000_000)
    50359959552

    ```
    """
    tokens = count(tokens, "tokens")
    sequences = count(sequences, "sequences", "sequences")
    precision = _choice(precision, "precision", KV_PRECISIONS)
    chunked_window = _flag(chunked_window, "chunked_window")
    per_layer_token = 2 * arch.kv_heads * arch.head_dim * _BITS[precision] // 8
    if chunked_window:
        held = arch.global_attention_layers * tokens + arch.chunked_attention_layers * min(
            tokens, arch.attention_chunk_size
        )
    else:
        held = arch.layers * tokens
    return sequences * held * per_layer_token


def _more_tokens(
    arch: Architecture,
    tokens: int,
    headroom: int,
    *,
    precision: str,
    chunked_window: bool,
    sequences: int,
) -> int:
    """How many more tokens per sequence the cache can take within ``headroom`` bytes."""
    if headroom <= 0:
        return 0
    now = kv_cache_bytes(
        arch, tokens, precision=precision, chunked_window=chunked_window, sequences=sequences
    )
    cheapest = kv_cache_bytes(
        arch, 1, precision=precision, chunked_window=False, sequences=sequences
    )
    if chunked_window:
        cheapest = cheapest * arch.global_attention_layers // arch.layers
    low, high = 0, headroom // cheapest + 1
    while low < high:  # the largest extra whose growth stays within the headroom
        middle = (low + high + 1) // 2
        grown = kv_cache_bytes(
            arch,
            tokens + middle,
            precision=precision,
            chunked_window=chunked_window,
            sequences=sequences,
        )
        if grown - now <= headroom:
            low = middle
        else:
            high = middle - 1
    return low


class MemoryEstimate(FrozenRecord):
    """What running a model takes in memory, and whether it fits what is available.

    ``bool()`` raises ``TypeError``: read :attr:`fits`.
    """

    model: ModelId
    precision: WeightPrecision
    scheme: Scheme
    context_tokens: int
    """Tokens of context per sequence the KV cache holds."""
    sequences: int
    kv_precision: KvPrecision
    chunked_window: bool
    weights_bytes: int
    kv_cache_bytes: int
    total_bytes: int
    """Weights and KV cache."""
    accelerator: Optional[str]
    """Id of the accelerator, when one was named."""
    units: int
    """How many accelerators (``gpus``)."""
    memory_bytes: Optional[int]
    """Memory of all units; ``None`` when none was given."""
    overhead: float
    """Fraction of memory reserved for what the estimate leaves out."""
    available_bytes: Optional[int]
    """Memory left for weights and KV cache after the overhead."""
    fits: Optional[bool]
    """Whether weights and KV cache fit the available memory; ``None`` without memory."""
    headroom_bytes: Optional[int]
    """Available memory minus the total (negative when it does not fit)."""
    extra_context_tokens: Optional[int]
    """How many more context tokens per sequence the headroom holds (memory only: the
    model's context length still applies)."""
    assumptions: tuple[str, ...]
    """What the estimate leaves out or takes for granted."""

    def __bool__(self) -> bool:
        raise TypeError(
            "a MemoryEstimate has no truth value; read .fits (True, False, or None when no "
            "memory was given)"
        )


def _fraction(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ArgumentTypeError(
            f"overhead must be a fraction of memory such as 0.1, got {type(value).__name__} "
            f"{value!r}"
        )
    if not 0.0 <= value < 1.0:
        raise InvalidArgumentError(
            f"overhead must be at least 0 and below 1 (a fraction of memory), got {value!r}"
        )
    return float(value)


def estimate(
    model: ModelId,
    arch: Architecture,
    weights_of: Callable[[str, str], int],
    find_accelerator: Callable[[object], Accelerator],
    *,
    precision: object,
    scheme: object,
    context_tokens: object,
    sequences: object,
    kv_precision: object,
    chunked_window: object,
    gpus: object,
    gpu: object,
    gpu_memory_bytes: object,
    overhead: object,
) -> MemoryEstimate:
    """The :class:`MemoryEstimate` of :func:`llama_cards.estimate_memory`: ``weights_of``
    gives the weights' bytes by precision and scheme, ``find_accelerator`` the accelerator
    a name names."""
    precision = _choice(precision, "precision", PRECISIONS)
    scheme = _choice(scheme, "scheme", SCHEMES)
    kv_precision = _choice(kv_precision, "kv_precision", KV_PRECISIONS)
    context_tokens = count(context_tokens, "context_tokens")
    sequences = count(sequences, "sequences", "sequences")
    chunked_window = _flag(chunked_window, "chunked_window")
    units = count(gpus, "gpus", "GPUs")
    if units == 0:
        raise InvalidArgumentError("gpus must be at least 1, got 0")
    share = _fraction(overhead)
    if gpu is not None and gpu_memory_bytes is not None:
        raise InvalidArgumentError(
            "give gpu (an accelerator of the table) or gpu_memory_bytes, not both"
        )
    unit_memory: Optional[int] = None
    accelerator_id: Optional[str] = None
    if gpu is not None:
        found = find_accelerator(gpu)
        unit_memory, accelerator_id = found.memory_bytes, found.id
    elif gpu_memory_bytes is not None:
        unit_memory = count(gpu_memory_bytes, "gpu_memory_bytes", "bytes")
    weights = weights_of(precision, scheme)
    kv = kv_cache_bytes(
        arch,
        context_tokens,
        precision=kv_precision,
        chunked_window=chunked_window,
        sequences=sequences,
    )
    total = weights + kv
    memory = available = headroom = more = None
    fits = None
    if unit_memory is not None:
        memory = units * unit_memory
        available = memory - int(memory * share)
        headroom = available - total
        fits = headroom >= 0
        more = _more_tokens(
            arch,
            context_tokens,
            headroom,
            precision=kv_precision,
            chunked_window=chunked_window,
            sequences=max(sequences, 1),
        )
    return MemoryEstimate._construct(
        {
            "model": model,
            "precision": precision,
            "scheme": scheme,
            "context_tokens": context_tokens,
            "sequences": sequences,
            "kv_precision": kv_precision,
            "chunked_window": chunked_window,
            "weights_bytes": weights,
            "kv_cache_bytes": kv,
            "total_bytes": total,
            "accelerator": accelerator_id,
            "units": units,
            "memory_bytes": memory,
            "overhead": share,
            "available_bytes": available,
            "fits": fits,
            "headroom_bytes": headroom,
            "extra_context_tokens": more,
            "assumptions": ASSUMPTIONS,
        }
    )


# ------------------------------------------------------------------------ claims


class HardwareClaim(FrozenRecord):
    """A hardware statement checked by computation: the card's claim or a contrast.

    ``bool()`` raises ``TypeError``: read :attr:`holds`.
    """

    id: str
    """Short id, e.g. ``"scout-int4-one-h100"``."""
    claimed: bool
    """``True`` where the card makes the claim; ``False`` for a contrast derived here."""
    statement: str
    """The statement, in our own words."""
    sources: tuple[Source, ...]
    """Where the card makes it (derived for contrasts)."""
    model: ModelId
    precision: WeightPrecision
    basis: Literal["meta-scheme", "published-files"]
    """Weights by Meta's quantization scheme, or by Meta's published file sizes."""
    repo: Optional[str]
    """The checkpoint whose files are used, for ``"published-files"``."""
    accelerator: str
    units: int
    weights_bytes: int
    memory_bytes: int
    headroom_bytes: int
    """Memory minus weights, before any KV cache."""
    holds: bool
    """Whether the weights fit the memory."""
    context_tokens_chunked: int
    """Context tokens the headroom holds (BF16 KV, chunked window, one sequence, no
    overhead)."""
    context_tokens_unchunked: int
    """The same with every layer keeping every token."""

    def __bool__(self) -> bool:
        raise TypeError("a HardwareClaim has no truth value; read .holds")


def check_claim(
    spec: ClaimSpec, arch: Architecture, weights: int, accelerator: Accelerator
) -> HardwareClaim:
    """The claim ``spec`` checked: ``weights`` bytes against ``spec.units`` of
    ``accelerator``, and the context the rest holds."""
    memory = spec.units * accelerator.memory_bytes
    headroom = memory - weights

    def more(window: bool) -> int:
        return _more_tokens(arch, 0, headroom, precision="bf16", chunked_window=window, sequences=1)

    return HardwareClaim._construct(
        {
            "id": spec.id,
            "claimed": spec.claimed,
            "statement": spec.statement,
            "sources": spec.sources,
            "model": spec.model,
            "precision": spec.precision,
            "basis": spec.basis,
            "repo": spec.repo,
            "accelerator": spec.accelerator,
            "units": spec.units,
            "weights_bytes": weights,
            "memory_bytes": memory,
            "headroom_bytes": headroom,
            "holds": headroom >= 0,
            "context_tokens_chunked": more(True),
            "context_tokens_unchunked": more(False),
        }
    )
