"""The deployment queries of the newest card: memory estimates, the card's hardware claims
checked, the accelerators, and every place two sources disagree.

Private: every function here is re-exported from the package. The per-model answers
(architecture, weights, KV cache, sequence limits) are methods of :class:`Model`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from . import _loader
from ._models import Model

if TYPE_CHECKING:
    from ._deployment import Accelerator, CheckpointFiles
    from ._disagreements import Disagreement
    from ._memory import HardwareClaim, MemoryEstimate

__all__ = [
    "accelerator",
    "accelerators",
    "card_claims",
    "checkpoint_files",
    "claim_contrasts",
    "discrepancies",
    "estimate_memory",
]


def estimate_memory(
    model: Union[str, Model],
    *,
    precision: str,
    scheme: str = "meta",
    context_tokens: int = 0,
    sequences: int = 1,
    kv_precision: str = "bf16",
    chunked_window: bool = True,
    gpus: int = 1,
    gpu: Union[str, Accelerator, None] = None,
    gpu_memory_bytes: Optional[int] = None,
    overhead: float = 0.0,
) -> MemoryEstimate:
    """The weights and KV cache of ``model``, against the memory of ``gpus`` accelerators.

    Memory is ``gpus`` units of ``gpu`` (an accelerator of :func:`accelerators`, e.g.
    ``"h100-80gb"`` or ``"dgx-h100"``) or of ``gpu_memory_bytes`` each; give one or neither.
    ``overhead`` reserves a fraction of it for what the estimate leaves out (its
    ``assumptions`` say what). ``bool()`` of the estimate raises ``TypeError``: read
    ``.fits``.

    ```pycon
    >>> import llama_cards
    >>> estimate = llama_cards.estimate_memory("scout", precision="int4", gpu="h100-80gb")
    >>> estimate.fits, estimate.weights_bytes, estimate.extra_context_tokens
    (True, 66477386752, 250542)

    ```
    """
    parts = _loader.newest()
    return parts.estimate_memory(
        parts.model(model),
        precision=precision,
        scheme=scheme,
        context_tokens=context_tokens,
        sequences=sequences,
        kv_precision=kv_precision,
        chunked_window=chunked_window,
        gpus=gpus,
        gpu=gpu,
        gpu_memory_bytes=gpu_memory_bytes,
        overhead=overhead,
    )


def card_claims() -> tuple[HardwareClaim, ...]:
    """The card's hardware claims, each checked against the computed or published weights.

    ```pycon
    >>> import llama_cards
    >>> [(claim.id, claim.holds) for claim in llama_cards.card_claims()]
    [('scout-int4-one-h100', True), ('maverick-fp8-one-dgx-h100', True)]

    ```
    """
    return _loader.newest().claims(True)


def claim_contrasts() -> tuple[HardwareClaim, ...]:
    """Statements the card does not make, derived to show what its claims rule out.

    ```pycon
    >>> import llama_cards
    >>> [(claim.id, claim.holds) for claim in llama_cards.claim_contrasts()]
    [('maverick-bf16-one-dgx-h100', False), ('scout-bf16-one-h100', False)]

    ```
    """
    return _loader.newest().claims(False)


def accelerators() -> tuple[Accelerator, ...]:
    """The accelerators the card's hardware claims name, with their vendor's memory."""
    return _loader.newest().accelerators


def accelerator(name: Union[str, Accelerator]) -> Accelerator:
    """The accelerator ``name`` names (its id or product name, ignoring case).

    An unknown name raises :class:`~llama_cards.UnknownAcceleratorError` (a ``LookupError``)
    naming the known ones.

    ```pycon
    >>> import llama_cards
    >>> llama_cards.accelerator("DGX-H100").memory_bytes
    640000000000

    ```
    """
    return _loader.newest().accelerator(name)


def checkpoint_files(repo: str) -> CheckpointFiles:
    """The files Meta publishes for the checkpoint ``repo`` (a Hugging Face repository id,
    ignoring case), with their sizes where Meta's download tool states them.

    ```pycon
    >>> import llama_cards
    >>> llama_cards.checkpoint_files(
    ...     "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8"
    ... ).published_bytes
    432972397256

    ```
    """
    wanted = getattr(repo, "id", repo)
    if not isinstance(wanted, str):
        from .errors import ArgumentTypeError

        raise ArgumentTypeError(
            "a checkpoint is named by its Hugging Face repository id, such as "
            f"'meta-llama/Llama-4-Scout-17B-16E', got {type(repo).__name__} {repo!r}"
        )
    return _loader.newest().deployment_index.checkpoint_files(wanted)


def discrepancies() -> tuple[Disagreement, ...]:
    """Every place two sources print one of the newest card's facts differently, across the
    whole card, as one list: the value served and the other, each with its source.

    ```pycon
    >>> import llama_cards
    >>> found = llama_cards.discrepancies()
    >>> lengths = [d for d in found if d.field.startswith("models[") and "context" in d.field]
    >>> [(d.served, d.other) for d in lengths]
    [('10M', '10485760'), ('1M', '1048576')]

    ```
    """
    return _loader.newest().disagreements()
