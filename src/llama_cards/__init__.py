"""The published Llama 4 model card as typed, frozen, versioned data.

```pycon
>>> import llama_cards
>>> llama_cards.model("scout").context_length
10000000

```
"""

from __future__ import annotations

from ._base import Source, YearMonth
from .benchmarks import (
    Benchmark,
    BenchmarkId,
    BenchmarkTable,
    Comparison,
    ComparisonModel,
    ComparisonModelId,
    Discrepancy,
    Footnote,
    MissingReason,
    MissingReasonId,
    Pivot,
    PivotRow,
    Score,
    ScoreDifference,
    ScoreModelId,
    ScoreTable,
    benchmark,
    benchmarks,
    compare,
    score,
    scores,
    to_model_index,
)
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
    NotInTableError,
    SchemaVersionError,
    UnknownBenchmarkError,
    UnknownModalityError,
    UnknownModelError,
    UnsupportedLanguageError,
)
from .languages import _CONSTANTS as _LANGUAGE_CONSTANTS
from .languages import (
    EquivalentCode,
    ImageTesting,
    Language,
    LanguageCoverage,
    check_images,
    language,
    languages,
    supports_language,
)
from .languages import _constant as _language_constant
from .license import (
    Countries,
    CountryCodeHint,
    CountryGroup,
    CountryGroupId,
    Entity,
    EuRestriction,
    Finding,
    LicenseTerm,
    LicenseTerms,
    Licensor,
    Obligation,
    OutOfScopeId,
    OutOfScopeUse,
    PolicyItem,
    ProhibitedUse,
    Role,
    TermId,
    UseAssessment,
    UserThreshold,
    assess_use,
    license_terms,
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

# Served from the card data on first use by __getattr__ below (PEP 562), so that importing
# the package does not load the data; declared here for type checkers.
PRETRAINING_LANGUAGE_COUNT: int
"""How many languages pre-training covered in all (:class:`LanguageCoverage`)."""
MAX_TESTED_IMAGES: int
"""The most input images image understanding was tested with (:class:`ImageTesting`)."""

__all__ = [
    "MAX_TESTED_IMAGES",
    "PRETRAINING_LANGUAGE_COUNT",
    "SCHEMA_VERSION",
    "AmbiguousQueryError",
    "ArgumentTypeError",
    "Benchmark",
    "BenchmarkId",
    "BenchmarkTable",
    "Card",
    "CardVersionError",
    "CatalogueSpecifications",
    "Comparison",
    "ComparisonModel",
    "ComparisonModelId",
    "ContextLengthExceededError",
    "Countries",
    "CountryCodeHint",
    "CountryGroup",
    "CountryGroupId",
    "DataIntegrityError",
    "Discrepancy",
    "Document",
    "Entity",
    "EquivalentCode",
    "EuRestriction",
    "Finding",
    "Footnote",
    "HuggingFaceRepo",
    "ImageTesting",
    "InvalidArgumentError",
    "InvalidCountryCodeError",
    "InvalidLanguageTagError",
    "InvalidVersionSpecError",
    "Language",
    "LanguageCoverage",
    "LicenseTerm",
    "LicenseTerms",
    "Licensor",
    "LlamaCardsError",
    "MissingReason",
    "MissingReasonId",
    "Modality",
    "Model",
    "ModelId",
    "NotInTableError",
    "Obligation",
    "OutOfScopeId",
    "OutOfScopeUse",
    "Pivot",
    "PivotRow",
    "PolicyItem",
    "Precision",
    "ProhibitedUse",
    "Quantity",
    "Quantization",
    "Role",
    "SchemaVersionError",
    "Score",
    "ScoreDifference",
    "ScoreModelId",
    "ScoreTable",
    "Source",
    "TermId",
    "Training",
    "UnknownBenchmarkError",
    "UnknownModalityError",
    "UnknownModelError",
    "UnsupportedLanguageError",
    "UseAssessment",
    "UserThreshold",
    "Variant",
    "YearMonth",
    "__version__",
    "assess_use",
    "benchmark",
    "benchmarks",
    "card",
    "cards",
    "check_images",
    "compare",
    "find_models",
    "json_schema",
    "language",
    "languages",
    "license_terms",
    "model",
    "models",
    "require_card",
    "score",
    "scores",
    "supports_language",
    "to_model_index",
]


def __getattr__(name: str) -> int:
    if name in _LANGUAGE_CONSTANTS:
        value = _language_constant(name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
