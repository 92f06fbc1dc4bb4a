"""The memory arithmetic against sums worked by hand from the builders' shapes.

Each expected number below was multiplied out by hand from the dimensions in torchtune's
builders (hidden 5,120, head 128, 40 query and 8 KV heads, 48 layers, experts of 8,192,
Maverick's dense FFN of 16,384, vocabulary 202,048, the vision encoder's 1,408 x 34
layers) and Meta's quantization loader, never read back from the code.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    HardwareClaim,
    Model,
    ParameterBreakdown,
    UnknownAcceleratorError,
    card_claims,
    checkpoint_files,
    claim_contrasts,
    estimate_memory,
)
from llama_cards.errors import ArgumentTypeError, InvalidArgumentError, LlamaCardsError

# The public answers, each through the model that owns it.


def parameter_breakdown(name: str | Model) -> ParameterBreakdown:
    return llama_cards.model(name).parameter_breakdown()


def weights_bytes(name: str | Model, precision: str, *, scheme: str = "meta") -> int:
    return llama_cards.model(name).weights_bytes(precision, scheme=scheme)


def kv_cache_bytes(
    name: str | Model,
    tokens: int,
    *,
    precision: str = "bf16",
    chunked_window: bool = True,
    sequences: int = 1,
) -> int:
    return llama_cards.model(name).kv_cache_bytes(
        tokens, precision=precision, chunked_window=chunked_window, sequences=sequences
    )


def published_weights_bytes(repo: str) -> int | None:
    return checkpoint_files(repo).published_bytes


# ------------------------------------------------------------------ parameters

# attention per layer: 2 x 5,120 x 5,120 + 2 x 5,120 x 1,024 = 62,914,560; x 48
ATTENTION = 3_019_898_880
# one expert: 3 x 5,120 x 8,192 = 125,829,120
EXPERT = 125_829_120
EMBEDDING = 1_034_485_760  # 202,048 x 5,120
NORMS = 496_640  # (2 x 48 + 1) x 5,120
# conv 827,904 + class token 1,408 + positions 812,416 + pre/post norms 5,632
# + 34 layers x 23,807,872 (attention with biases 7,935,488, MLP 15,866,752, norms 5,632)
VISION_ENCODER = 811_115_008
# 5,632 x 4,096 + 4,096 x 4,096 + 4,096 x 5,120
VISION_PROJECTOR = 60_817_408

BREAKDOWN = {
    "llama-4-scout": {
        "attention": ATTENTION,
        "routed_experts": 48 * 16 * EXPERT,  # 96,636,764,160
        "shared_expert": 48 * EXPERT,  # 6,039,797,760
        "router": 48 * 5120 * 16,  # 3,932,160
        "dense_ffn": 0,
        "embeddings": EMBEDDING,
        "output": EMBEDDING,
        "norms": NORMS,
        "vision_encoder": VISION_ENCODER,
        "vision_projector": VISION_PROJECTOR,
    },
    "llama-4-maverick": {
        "attention": ATTENTION,
        "routed_experts": 24 * 128 * EXPERT,  # 386,547,056,640
        "shared_expert": 24 * EXPERT,  # 3,019,898,880
        "router": 24 * 5120 * 128,  # 15,728,640
        "dense_ffn": 24 * 3 * 5120 * 16384,  # 6,039,797,760
        "embeddings": EMBEDDING,
        "output": EMBEDDING,
        "norms": NORMS,
        "vision_encoder": VISION_ENCODER,
        "vision_projector": VISION_PROJECTOR,
    },
}

TOTALS = {"llama-4-scout": 108_641_793_536, "llama-4-maverick": 401_583_781_376}
# attention + shared + one routed expert per MoE layer + routers + dense + embeddings,
# output and norms
ACTIVE = {"llama-4-scout": 17_172_894_720, "llama-4-maverick": 17_184_691_200}


@pytest.mark.parametrize("model_id", sorted(BREAKDOWN))
def test_breakdown_by_part(model_id: str) -> None:
    breakdown = parameter_breakdown(model_id)
    assert breakdown.model_dump(include=set(BREAKDOWN[model_id])) == BREAKDOWN[model_id]
    assert breakdown.total == sum(BREAKDOWN[model_id].values()) == TOTALS[model_id]


@pytest.mark.parametrize("model_id", sorted(TOTALS))
def test_total_within_one_percent_of_the_card(model_id: str) -> None:
    card_total = llama_cards.model(model_id).total_parameters  # 109B and 400B
    assert abs(parameter_breakdown(model_id).total - card_total) / card_total < 0.01


@pytest.mark.parametrize("model_id", sorted(ACTIVE))
def test_active_parameters_near_the_cards_17b(model_id: str) -> None:
    breakdown = parameter_breakdown(model_id)
    assert breakdown.active_per_token == ACTIVE[model_id]
    card_active = llama_cards.model(model_id).active_parameters
    assert abs(breakdown.active_per_token - card_active) / card_active < 0.02


def test_breakdown_is_marked_derived() -> None:
    assert parameter_breakdown("scout").source.derived


# -------------------------------------------------------------------- weights

# scheme="meta":
#   bf16: 2 bytes x the total
#   int4 (every MoE layer, routed + shared): Scout 48 x 17 experts x 125,829,120
#     = 102,676,561,920 weights at half a byte, one float32 scale per 128 of them
#     (3,208,642,560 bytes), the other 5,965,231,616 parameters at 2 bytes;
#     Maverick 24 x 129 experts = 389,566,955,520 weights.
#   fp8 (routed experts only, not layer 0 or 47): Scout layers 1-46, 46 x 16 experts;
#     Maverick MoE layers 1, 3, ..., 45, 23 x 128 experts; a float32 scale per row
#     (2 x 8,192 + 5,120 rows per expert) and a float32 activation bound per tensor.
META_WEIGHTS = {
    ("llama-4-scout", "bf16"): 217_283_587_072,
    ("llama-4-scout", "int4"): 66_477_386_752,
    ("llama-4-scout", "fp8"): 124_736_663_080,
    ("llama-4-maverick", "bf16"): 803_167_562_752,
    ("llama-4-maverick", "int4"): 230_991_096_832,
    ("llama-4-maverick", "fp8"): 432_979_864_852,
}

# the card's 109B and 400B at 2, 1 and 0.5 bytes
UNIFORM_WEIGHTS = {
    ("llama-4-scout", "bf16"): 218_000_000_000,
    ("llama-4-scout", "fp8"): 109_000_000_000,
    ("llama-4-scout", "int4"): 54_500_000_000,
    ("llama-4-maverick", "bf16"): 800_000_000_000,
    ("llama-4-maverick", "fp8"): 400_000_000_000,
    ("llama-4-maverick", "int4"): 200_000_000_000,
}


@pytest.mark.parametrize(("key", "expected"), sorted(META_WEIGHTS.items()))
def test_meta_scheme_weights(key: tuple[str, str], expected: int) -> None:
    model_id, precision = key
    assert weights_bytes(model_id, precision) == expected
    assert weights_bytes(model_id, precision, scheme="meta") == expected


@pytest.mark.parametrize(("key", "expected"), sorted(UNIFORM_WEIGHTS.items()))
def test_uniform_scheme_weights(key: tuple[str, str], expected: int) -> None:
    model_id, precision = key
    assert weights_bytes(model_id, precision, scheme="uniform") == expected


def test_int4_hand_sum_for_scout() -> None:
    quantized = 48 * 17 * EXPERT
    assert quantized == 102_676_561_920
    rest = TOTALS["llama-4-scout"] - quantized
    assert rest * 2 + quantized // 2 + quantized // 128 * 4 == 66_477_386_752
    assert rest * 2 + quantized // 2 == 63_268_744_192  # the ~63 GB without scales


PUBLISHED = {
    # llama_meta_pth_size x 8 files
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "bf16"): 803_413_224_368,
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "fp8"): 432_972_397_256,
}


@pytest.mark.parametrize(("key", "published"), sorted(PUBLISHED.items()))
def test_meta_scheme_within_one_and_a_half_percent_of_metas_files(
    key: tuple[str, str], published: int
) -> None:
    repo, precision = key
    assert published_weights_bytes(repo) == published
    estimate = weights_bytes(repo, precision)
    assert abs(estimate - published) / published < 0.015


def test_published_sizes_are_none_where_meta_states_none() -> None:
    assert published_weights_bytes("meta-llama/Llama-4-Scout-17B-16E-Instruct") is None


def test_weights_take_a_model() -> None:
    scout = llama_cards.model("scout")
    assert weights_bytes(scout, "bf16") == weights_bytes("llama-4-scout", "bf16")


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"precision": "fp16"}, InvalidArgumentError, "'bf16', 'fp8', 'int4'"),
        ({"precision": "BF16"}, InvalidArgumentError, "precision"),
        ({"precision": 16}, ArgumentTypeError, "precision"),
        ({"precision": "bf16", "scheme": "gptq"}, InvalidArgumentError, "'meta', 'uniform'"),
        ({"precision": "bf16", "scheme": None}, ArgumentTypeError, "scheme"),
    ],
)
def test_weights_refuse_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        weights_bytes("scout", **kwargs)  # type: ignore[arg-type]  # wrong on purpose


def test_weights_of_an_unknown_model() -> None:
    with pytest.raises(LookupError):
        weights_bytes("llama-5", "bf16")


# -------------------------------------------------------------------- KV cache

PER_TOKEN_LAYER = 2 * 8 * 128 * 2  # 4,096 bytes at BF16
assert PER_TOKEN_LAYER == 4096

KV_WITHOUT_WINDOW = [
    (0, 0),
    (1, 196_608),  # 48 x 4,096
    (8192, 1_610_612_736),
    (1_000_000, 196_608_000_000),
]

KV_WITH_WINDOW = [
    # 49,152 x tokens + 36 x 4,096 x min(tokens, 8,192)
    (0, 0),
    (1, 196_608),
    (8192, 1_610_612_736),
    (8193, 1_610_661_888),
    (1_000_000, 50_359_959_552),
    (10_485_760, 516_604_035_072),
]


@pytest.mark.parametrize("model_id", ["llama-4-scout", "llama-4-maverick"])
@pytest.mark.parametrize(("tokens", "expected"), KV_WITHOUT_WINDOW)
def test_kv_cache_without_window(model_id: str, tokens: int, expected: int) -> None:
    assert kv_cache_bytes(model_id, tokens, chunked_window=False) == expected


@pytest.mark.parametrize("model_id", ["llama-4-scout", "llama-4-maverick"])
@pytest.mark.parametrize(("tokens", "expected"), KV_WITH_WINDOW)
def test_kv_cache_with_window(model_id: str, tokens: int, expected: int) -> None:
    assert kv_cache_bytes(model_id, tokens) == expected
    assert expected == 49_152 * tokens + 36 * 4096 * min(tokens, 8192)


def test_kv_cache_at_fp8_is_half() -> None:
    assert kv_cache_bytes("scout", 1_000_000, precision="fp8") == 50_359_959_552 // 2


def test_kv_cache_scales_with_sequences() -> None:
    assert kv_cache_bytes("scout", 1000, sequences=4) == 4 * kv_cache_bytes("scout", 1000)
    assert kv_cache_bytes("scout", 1000, sequences=0) == 0


@given(st.integers(min_value=0, max_value=20_000_000))
def test_window_never_costs_more(tokens: int) -> None:
    windowed = kv_cache_bytes("maverick", tokens)
    assert windowed <= kv_cache_bytes("maverick", tokens, chunked_window=False)
    assert windowed == 49_152 * tokens + 147_456 * min(tokens, 8192)


@pytest.mark.parametrize(
    ("tokens", "kwargs", "error"),
    [
        (-1, {}, InvalidArgumentError),
        (1.5, {}, InvalidArgumentError),
        ("100", {}, ArgumentTypeError),
        (True, {}, ArgumentTypeError),
        (10, {"precision": "int4"}, InvalidArgumentError),
        (10, {"precision": None}, ArgumentTypeError),
        (10, {"chunked_window": 1}, ArgumentTypeError),
        (10, {"sequences": -2}, InvalidArgumentError),
    ],
)
def test_kv_cache_refuses_bad_arguments(
    tokens: object, kwargs: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        kv_cache_bytes("scout", tokens, **kwargs)  # type: ignore[arg-type]  # on purpose


# ------------------------------------------------------------------- estimates


def test_scout_int4_on_one_h100() -> None:
    estimate = estimate_memory("scout", precision="int4", gpu="h100-80gb")
    assert estimate.weights_bytes == 66_477_386_752
    assert estimate.kv_cache_bytes == 0
    assert estimate.memory_bytes == estimate.available_bytes == 80_000_000_000
    assert estimate.fits is True
    assert estimate.headroom_bytes == 13_522_613_248
    # 8,192 tokens at 196,608 bytes, then (13,522,613,248 - 1,610,612,736) // 49,152
    assert estimate.extra_context_tokens == 8192 + 242_350 == 250_542


def test_estimate_with_context_and_overhead() -> None:
    estimate = estimate_memory(
        "scout",
        precision="int4",
        context_tokens=100_000,
        gpu="h100-80gb",
        overhead=0.1,
    )
    kv = 49_152 * 100_000 + 36 * 4096 * 8192
    assert estimate.kv_cache_bytes == kv == 6_123_159_552
    assert estimate.available_bytes == 72_000_000_000
    assert estimate.total_bytes == 66_477_386_752 + kv
    assert estimate.headroom_bytes == 72_000_000_000 - 66_477_386_752 - kv
    assert estimate.fits is False
    assert estimate.extra_context_tokens == 0


def test_estimate_headroom_tokens_fill_the_headroom() -> None:
    estimate = estimate_memory("maverick", precision="fp8", context_tokens=20_000, gpu="dgx-h100")
    assert estimate.headroom_bytes is not None
    assert estimate.extra_context_tokens is not None
    more = estimate.extra_context_tokens
    grow = kv_cache_bytes("maverick", 20_000 + more) - estimate.kv_cache_bytes
    assert grow <= estimate.headroom_bytes
    grow_one_more = kv_cache_bytes("maverick", 20_001 + more) - estimate.kv_cache_bytes
    assert grow_one_more > estimate.headroom_bytes


def test_estimate_with_gpu_memory_bytes_and_several_gpus() -> None:
    estimate = estimate_memory(
        "maverick", precision="bf16", gpus=16, gpu_memory_bytes=80_000_000_000
    )
    assert estimate.memory_bytes == 1_280_000_000_000
    assert estimate.weights_bytes == 803_167_562_752
    assert estimate.fits is True
    assert estimate.accelerator is None


def test_estimate_without_memory_leaves_fit_open() -> None:
    estimate = estimate_memory("scout", precision="bf16", context_tokens=8192)
    assert estimate.total_bytes == 217_283_587_072 + 1_610_612_736
    assert estimate.fits is None
    assert estimate.headroom_bytes is None
    assert estimate.extra_context_tokens is None


def test_estimate_lists_its_assumptions() -> None:
    assumptions = " ".join(estimate_memory("scout", precision="bf16").assumptions)
    for word in ("activations", "CUDA graphs", "fragmentation", "overhead"):
        assert word in assumptions


def test_estimate_has_no_truth_value() -> None:
    estimate = estimate_memory("scout", precision="int4", gpu="h100-80gb")
    with pytest.raises(TypeError, match=r"\.fits"):
        bool(estimate)
    with pytest.raises(TypeError, match=r"\.fits"):
        assert estimate  # the trap the TypeError guards against


def test_estimate_round_trips_through_json() -> None:
    estimate = estimate_memory("maverick", precision="fp8", gpu="dgx-h100", context_tokens=5)
    assert type(estimate).model_validate_json(estimate.model_dump_json()) == estimate


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"precision": "fp4"}, InvalidArgumentError, "precision"),
        ({"precision": "bf16", "scheme": "awq"}, InvalidArgumentError, "scheme"),
        ({"precision": "bf16", "kv_precision": "int4"}, InvalidArgumentError, "kv_precision"),
        ({"precision": "bf16", "context_tokens": -5}, InvalidArgumentError, "context_tokens"),
        ({"precision": "bf16", "context_tokens": "5"}, ArgumentTypeError, "context_tokens"),
        ({"precision": "bf16", "sequences": 2.0}, InvalidArgumentError, "sequences"),
        ({"precision": "bf16", "gpus": 0}, InvalidArgumentError, "gpus"),
        ({"precision": "bf16", "gpus": "8"}, ArgumentTypeError, "gpus"),
        ({"precision": "bf16", "overhead": 1.0}, InvalidArgumentError, "overhead"),
        ({"precision": "bf16", "overhead": -0.1}, InvalidArgumentError, "overhead"),
        ({"precision": "bf16", "overhead": "10%"}, ArgumentTypeError, "overhead"),
        ({"precision": "bf16", "overhead": True}, ArgumentTypeError, "overhead"),
        ({"precision": "bf16", "gpu_memory_bytes": -1}, InvalidArgumentError, "gpu_memory"),
        (
            {"precision": "bf16", "gpu": "h100-80gb", "gpu_memory_bytes": 1},
            InvalidArgumentError,
            "not both",
        ),
        ({"precision": "bf16", "gpu": 80}, ArgumentTypeError, "accelerator"),
        ({"precision": "bf16", "chunked_window": "yes"}, ArgumentTypeError, "chunked_window"),
    ],
)
def test_estimate_refuses_bad_arguments(
    kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match) as caught:
        estimate_memory("scout", **kwargs)  # type: ignore[arg-type]  # wrong on purpose
    assert isinstance(caught.value, LlamaCardsError)


def test_estimate_with_an_unknown_gpu_names_the_known_ones() -> None:
    with pytest.raises(UnknownAcceleratorError, match="'h100-80gb', 'dgx-h100'") as caught:
        estimate_memory("scout", precision="int4", gpu="a100-80gb")
    assert isinstance(caught.value, LookupError)


# ----------------------------------------------------------------------- claims

CLAIMS = [
    # id, holds, weights, memory, headroom, tokens with window, tokens without
    (
        "scout-int4-one-h100",
        True,
        66_477_386_752,
        80_000_000_000,
        13_522_613_248,
        250_542,  # 8,192 + 11,912,000,512 // 49,152
        68_779,  # 13,522,613,248 // 196,608
    ),
    (
        "maverick-fp8-one-dgx-h100",
        True,
        432_972_397_256,  # Meta's published FP8 files
        640_000_000_000,
        207_027_602_744,
        4_187_411,  # 8,192 + 205,416,990,008 // 49,152
        1_052_996,  # 207,027,602,744 // 196,608
    ),
]

CONTRASTS = [
    ("maverick-bf16-one-dgx-h100", False, 803_413_224_368, 640_000_000_000, -163_413_224_368, 0, 0),
    ("scout-bf16-one-h100", False, 217_283_587_072, 80_000_000_000, -137_283_587_072, 0, 0),
]


def _rows(claims: tuple[HardwareClaim, ...]) -> list[tuple[object, ...]]:
    return [
        (
            c.id,
            c.holds,
            c.weights_bytes,
            c.memory_bytes,
            c.headroom_bytes,
            c.context_tokens_chunked,
            c.context_tokens_unchunked,
        )
        for c in claims
    ]


def test_card_claims_hold() -> None:
    assert _rows(card_claims()) == CLAIMS
    for claim in card_claims():
        assert claim.claimed is True
        assert {s.document for s in claim.sources} == {"azure-card", "meta-model-card"}
        assert all(s.derived is None for s in claim.sources)


def test_contrasts_are_derived_and_fail() -> None:
    assert _rows(claim_contrasts()) == CONTRASTS
    for claim in claim_contrasts():
        assert claim.claimed is False
        assert all(s.derived for s in claim.sources)


def test_scout_claim_uses_the_meta_scheme_and_the_fp8_claim_the_files() -> None:
    scout, maverick = card_claims()
    assert (scout.basis, scout.precision, scout.repo) == ("meta-scheme", "int4", None)
    assert (maverick.basis, maverick.repo) == (
        "published-files",
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
    )
    # the Meta-scheme estimate agrees with the files it replaces, well within 1.5%
    assert math.isclose(weights_bytes("maverick", "fp8"), maverick.weights_bytes, rel_tol=0.015)


def test_claim_has_no_truth_value() -> None:
    with pytest.raises(TypeError, match=r"\.holds"):
        bool(card_claims()[0])
