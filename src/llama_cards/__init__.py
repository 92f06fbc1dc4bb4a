"""The published Llama 4 model card as typed, frozen, versioned data.

```pycon
>>> import llama_cards
>>> llama_cards.model("scout").context_length
10000000

```
"""

from __future__ import annotations

from ._base import Source, YearMonth
from .card import (
    SCHEMA_VERSION,
    Card,
    CatalogueSpecifications,
    Document,
    card,
    cards,
    json_schema,
    require_card,
)
from .errors import (
    AmbiguousQueryError,
    ArgumentTypeError,
    CardVersionError,
    ContextLengthExceededError,
    DataIntegrityError,
    InvalidArgumentError,
    InvalidCountryCodeError,
    InvalidLanguageTagError,
    InvalidVersionSpecError,
    LlamaCardsError,
    SchemaVersionError,
    UnknownBenchmarkError,
    UnknownModalityError,
    UnknownModelError,
    UnsupportedLanguageError,
)
from .models import (
    HuggingFaceRepo,
    Modality,
    Model,
    ModelId,
    Precision,
    Quantity,
    Quantization,
    Training,
    Variant,
    find_models,
    model,
    models,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousQueryError",
    "ArgumentTypeError",
    "Card",
    "CardVersionError",
    "CatalogueSpecifications",
    "ContextLengthExceededError",
    "DataIntegrityError",
    "Document",
    "HuggingFaceRepo",
    "InvalidArgumentError",
    "InvalidCountryCodeError",
    "InvalidLanguageTagError",
    "InvalidVersionSpecError",
    "LlamaCardsError",
    "Modality",
    "Model",
    "ModelId",
    "Precision",
    "Quantity",
    "Quantization",
    "SchemaVersionError",
    "Source",
    "Training",
    "UnknownBenchmarkError",
    "UnknownModalityError",
    "UnknownModelError",
    "UnsupportedLanguageError",
    "Variant",
    "YearMonth",
    "__version__",
    "card",
    "cards",
    "find_models",
    "json_schema",
    "model",
    "models",
    "require_card",
]
