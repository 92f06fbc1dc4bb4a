"""What it takes to run the models: their architecture, each checkpoint's files, hardware.

Private: the records of a card's deployment part (``data/card-4/deployment.json``), read
from Meta's reference code and model registry, torchtune's builders and NVIDIA's
datasheets, each value with its source, and the index that looks them up. The memory
arithmetic over them lives in ``_memory``; each checkpoint's sequence limit is a field of
its :class:`~llama_cards.HuggingFaceRepo`.

```pycon
>>> import llama_cards
>>> scout = llama_cards.model("scout").architecture
>>> scout.layers, scout.hidden_size, scout.head_dim, scout.experts
(48, 5120, 128, 16)

```
"""

from __future__ import annotations

from typing import Literal, Optional

from ._base import FieldSource, FrozenRecord, ModelId, Source
from ._disagreements import Disagreement
from .errors import ArgumentTypeError, UnknownAcceleratorError, UnknownCheckpointError

__all__ = [
    "Accelerator",
    "Architecture",
    "CheckpointFiles",
    "ClaimSpec",
    "DeploymentIndex",
    "DeploymentPart",
    "OutputLimit",
    "QuantizationScheme",
    "RopeScaling",
    "VisionEncoder",
    "WeightPrecision",
]

WeightPrecision = Literal["bf16", "fp8", "int4"]
"""A numeric format for weights: ``"bf16"`` (2 bytes), ``"fp8"`` (1 byte), ``"int4"`` (half)."""


class _Sourced(FrozenRecord):
    """A record read as a whole from ``source``, with the fields printed elsewhere listed."""

    source: Source
    """Where the record is read from as a whole."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed (or derived) somewhere other than :attr:`source`; see
    :meth:`source_of`."""


class RopeScaling(_Sourced):
    """The frequency scaling of rotary position embeddings that lets Scout reach long contexts."""

    factor: float
    """Scale factor of the low frequencies, e.g. ``16.0``."""
    low_freq_factor: float
    """Low-frequency boundary factor, e.g. ``1.0``."""
    high_freq_factor: float
    """High-frequency boundary factor, e.g. ``1.0``."""
    original_context_length: int
    """The context the unscaled frequencies were made for, e.g. ``8192``."""


class VisionEncoder(_Sourced):
    """The image encoder and the projector that maps its output into the text model."""

    patch_size: int
    """Side of a square image patch in pixels, e.g. ``14``."""
    tile_size: int
    """Side of a square image tile in pixels, e.g. ``336``."""
    max_tiles: int
    """Most tiles one image is cut into, e.g. ``16``."""
    in_channels: int
    """Colour channels of the input, ``3``."""
    width: int
    """Width of the encoder's transformer, e.g. ``1408``."""
    layers: int
    """Transformer layers of the encoder, e.g. ``34``."""
    heads: int
    """Attention heads of each encoder layer, e.g. ``16``."""
    mlp_size: int
    """Inner size of each encoder layer's MLP, e.g. ``5632``."""
    attention_bias: bool
    """Whether the encoder's attention projections have biases."""
    positional_embedding_tokens: int
    """Positions of the learned positional embedding (patches of a tile and a class token)."""
    pixel_shuffle_ratio: float
    """Pixel-shuffle ratio of the projector, e.g. ``0.5`` (four patches become one token)."""
    projection_input_size: int
    """Input size of the projector after the pixel shuffle, e.g. ``5632``."""
    projection_size: int
    """Inner size of the projector, e.g. ``4096``."""
    output_size: int
    """Size of the embeddings handed to the text model, its hidden size ``5120``."""


class Architecture(_Sourced):
    """The shape of a Llama 4 model as its reference builders construct it."""

    model: ModelId
    """The model, e.g. ``"llama-4-scout"``."""
    hidden_size: int
    """Width of the text model, e.g. ``5120``."""
    layers: int
    """Transformer layers of the text model, e.g. ``48``."""
    attention_heads: int
    """Query heads per layer, e.g. ``40``."""
    kv_heads: int
    """Key and value heads per layer (grouped-query attention), e.g. ``8``."""
    head_dim: int
    """Size of one attention head, ``hidden_size / attention_heads`` (derived), ``128``."""
    vocab_size: int
    """Rows of the token embedding and of the output layer, e.g. ``202_048``."""
    rope_theta: int
    """Base of the rotary position embeddings, e.g. ``500_000``."""
    rope_scaling: Optional[RopeScaling]
    """The RoPE frequency scaling (Scout); ``None`` for plain RoPE (Maverick)."""
    experts: int
    """Routed experts of each mixture-of-experts block, e.g. ``16``."""
    experts_per_token: int
    """Routed experts each token is sent to, ``1``."""
    shared_expert: bool
    """Whether each MoE block also has an expert every token goes through."""
    moe_layer_interval: int
    """Every how many layers a MoE block replaces the dense FFN: ``1`` every layer, ``2``
    every other layer (the others keep a dense FFN)."""
    moe_layers: int
    """How many layers have a MoE block (derived), e.g. ``48`` or ``24``."""
    dense_ffn_size: Optional[int]
    """Inner size of the dense FFN of the layers without MoE, e.g. ``16_384``; ``None`` when
    every layer is MoE."""
    expert_ffn_size: int
    """Inner size of each expert (routed and shared), e.g. ``8192``."""
    qk_norm: bool
    """Whether queries and keys are RMS-normalised before attention (on the RoPE layers)."""
    attention_chunk_size: int
    """Tokens of the local window of the chunked-attention layers, ``8192``."""
    nope_layer_interval: int
    """Every how many layers one uses global attention without position encoding, ``4``."""
    chunked_attention_layers: int
    """Layers with chunked local attention and RoPE (derived), ``36``."""
    global_attention_layers: int
    """Layers with global attention and no position encoding (NoPE; derived), ``12``."""
    builder_max_sequence_length: int
    """The ``max_seq_len`` the builder passes, e.g. ``10_485_760`` (one builder serves both
    the pretrained and the instruct checkpoint; see
    :attr:`~llama_cards.HuggingFaceRepo.max_sequence_length`)."""
    vision: VisionEncoder
    """The image encoder."""


class OutputLimit(_Sourced):
    """What is known about how many tokens a model may write in one answer."""

    model: ModelId
    """The model."""
    max_output_tokens: Optional[int]
    """``None``: no separate output limit is published."""
    explanation: str
    """Why, in short words."""
    counts_against_context: bool
    """The output shares the context window with the prompt (derived)."""


class Accelerator(_Sourced):
    """A GPU, or a host of several, and the memory its vendor states."""

    id: str
    """Short id, e.g. ``"h100-80gb"``."""
    name: str
    """Product name, e.g. ``"NVIDIA H100 80GB (SXM)"``."""
    gpus: int
    """GPUs in one unit: ``1`` for a GPU, ``8`` for a DGX H100 host."""
    memory_per_gpu_printed: str
    """The vendor's printing of one GPU's memory, e.g. ``"80GB"``."""
    memory_per_gpu_bytes: int
    """One GPU's memory in bytes, read as the unit note says."""
    unit: str
    """Which unit the vendor's figure uses and how it is read here."""
    memory_bytes: int
    """Memory of one unit in bytes (``gpus * memory_per_gpu_bytes``)."""


class QuantizationScheme(_Sourced):
    """Which weights Meta's loader stores in a narrower format, and the scales it adds."""

    precision: Literal["fp8", "int4"]
    """The narrower format."""
    weight_bits: int
    """Bits per quantized weight, ``8`` or ``4``."""
    routed_experts: bool
    """Whether the routed experts of MoE blocks are quantized."""
    shared_expert: bool
    """Whether the shared expert of MoE blocks is quantized."""
    skip_first_and_last_layers: bool
    """Whether the first and last layers' MoE blocks stay BF16."""
    scale_rows: Literal["group", "row"]
    """One scale per group of weights, or per weight row."""
    group_size: Optional[int]
    """Weights per scale group, e.g. ``128``; ``None`` for row scales."""
    scale_bytes: int
    """Bytes of one scale, ``4`` (float32)."""
    extra_bytes_per_tensor: int
    """Bytes kept beside each quantized tensor (FP8's activation bound), e.g. ``4``."""


class ClaimSpec(FrozenRecord):
    """A hardware statement to check: the card's own, or a contrast it does not make."""

    id: str
    """Short id, e.g. ``"scout-int4-one-h100"``."""
    claimed: bool
    """``True`` for the card's claim; ``False`` for a contrast derived here."""
    statement: str
    """The statement, in our own words."""
    model: ModelId
    """The model."""
    precision: WeightPrecision
    """Weight precision."""
    basis: Literal["meta-scheme", "published-files"]
    """Weights estimated with Meta's quantization scheme, or Meta's published file sizes."""
    repo: Optional[str]
    """The checkpoint whose published files are used, for ``"published-files"``."""
    accelerator: str
    """Id of the :class:`Accelerator`."""
    units: int
    """How many of them."""
    sources: tuple[Source, ...]
    """Where the statement is made (derived for contrasts)."""


class CheckpointFiles(_Sourced):
    """The files Meta's download tool serves for one published checkpoint.

    The checkpoint's sequence limit is a field of its :class:`~llama_cards.HuggingFaceRepo`.
    """

    repo: str
    """Hugging Face repository id, e.g. ``"meta-llama/Llama-4-Scout-17B-16E-Instruct"``."""
    quantization_format: Literal["bf16", "fp8-mixed"]
    """The registry's format of the stored weights."""
    file_count: int
    """Checkpoint files Meta ships (``consolidated.NN.pth``), ``8``."""
    file_bytes: Optional[int]
    """Bytes of each file as Meta's download tool states them; ``None`` where it states none."""

    @property
    def published_bytes(self) -> Optional[int]:
        """Bytes of all the checkpoint's files (``file_count * file_bytes``), when published."""
        return None if self.file_bytes is None else self.file_count * self.file_bytes


class DeploymentPart(FrozenRecord):
    """The part of a :class:`~llama_cards.Card` that says what running its models takes
    (one data file). Every field has a default: a card of schema 1.0 has none of them."""

    architectures: tuple[Architecture, ...] = ()
    """The shape of each model, as its reference builders construct it."""
    checkpoint_files: tuple[CheckpointFiles, ...] = ()
    """The files of each published checkpoint."""
    output_limits: tuple[OutputLimit, ...] = ()
    """What is known of each model's output limit."""
    accelerators: tuple[Accelerator, ...] = ()
    """GPUs and hosts the card's hardware claims name, with their memory."""
    quantization_schemes: tuple[QuantizationScheme, ...] = ()
    """Which weights Meta's loader narrows at FP8 and at int4."""
    hardware_claims: tuple[ClaimSpec, ...] = ()
    """The card's hardware claims, and contrasts it does not make, to check."""
    deployment_disagreements: tuple[Disagreement, ...] = ()
    """The values the deployment documents give otherwise than the served ones."""


class DeploymentIndex:
    """Lookups over one card's deployment part: by model, checkpoint, accelerator, format."""

    __slots__ = ("_ids", "accelerators", "architectures", "files", "output_limits", "schemes")

    def __init__(self, part: DeploymentPart) -> None:
        self.architectures: dict[str, Architecture] = {
            entry.model: entry for entry in part.architectures
        }
        self.output_limits: dict[str, OutputLimit] = {
            entry.model: entry for entry in part.output_limits
        }
        self.files: dict[str, CheckpointFiles] = {
            entry.repo.casefold(): entry for entry in part.checkpoint_files
        }
        self.schemes: dict[str, QuantizationScheme] = {
            entry.precision: entry for entry in part.quantization_schemes
        }
        self.accelerators: dict[str, Accelerator] = {}
        for entry in part.accelerators:
            self.accelerators[entry.id] = self.accelerators[entry.name.casefold()] = entry
        self._ids = tuple(entry.id for entry in part.accelerators)

    def accelerator(self, name: object) -> Accelerator:
        """The accelerator ``name`` names (its id or product name, ignoring case)."""
        if isinstance(name, Accelerator):
            return name
        if not isinstance(name, str):
            raise ArgumentTypeError(
                f"an accelerator is named by a string such as 'h100-80gb', got "
                f"{type(name).__name__} {name!r}"
            )
        found = self.accelerators.get(name.strip().casefold())
        if found is not None:
            return found
        import difflib

        closest = difflib.get_close_matches(name.strip().casefold(), self._ids, n=3, cutoff=0.4)
        raise UnknownAcceleratorError(name, closest, self._ids)

    def checkpoint_files(self, repo: str) -> CheckpointFiles:
        """The published files of the checkpoint ``repo``, ignoring case."""
        found = self.files.get(repo.casefold())
        if found is None:
            known = [entry.repo for entry in self.files.values()]
            raise UnknownCheckpointError(repo, [], known)
        return found
