"""The published Llama 4 model card as typed, frozen, versioned data.

```pycon
>>> import llama_cards
>>> llama_cards.model("scout").context_length
10000000

```

Every public name is importable from here and listed in ``__all__``. The submodule that
defines a name is imported the first time the name is used (PEP 562), so ``import
llama_cards`` costs almost nothing and a first ``model()`` lookup builds only the model
records, never the benchmark, language or licence ones (see docs/performance.md).
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of a bare
# `import llama_cards`; type checkers treat this name the same way.
TYPE_CHECKING = False

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._base import (
        FieldSource,
        Source,
        YearMonth,
    )
    from ._data import (
        SCHEMA_VERSION,
    )
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
    from .languages import (
        MAX_TESTED_IMAGES,
        PRETRAINING_LANGUAGE_COUNT,
        EquivalentCode,
        ImageTesting,
        Language,
        LanguageCoverage,
        LanguageName,
        check_images,
        language,
        languages,
        supports_language,
    )
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
        AlternativePrinting,
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

# Public name -> the submodule that defines it.
_SUBMODULES: dict[str, str] = {
    "SCHEMA_VERSION": "_data",
    "FieldSource": "_base",
    "Source": "_base",
    "YearMonth": "_base",
    "AmbiguousQueryError": "errors",
    "ArgumentTypeError": "errors",
    "CardVersionError": "errors",
    "ContextLengthExceededError": "errors",
    "DataIntegrityError": "errors",
    "InvalidArgumentError": "errors",
    "InvalidCountryCodeError": "errors",
    "InvalidLanguageTagError": "errors",
    "InvalidVersionSpecError": "errors",
    "LlamaCardsError": "errors",
    "NotInTableError": "errors",
    "SchemaVersionError": "errors",
    "UnknownBenchmarkError": "errors",
    "UnknownModalityError": "errors",
    "UnknownModelError": "errors",
    "UnsupportedLanguageError": "errors",
    "AlternativePrinting": "models",
    "HuggingFaceRepo": "models",
    "Modality": "models",
    "Model": "models",
    "ModelId": "models",
    "Precision": "models",
    "Quantity": "models",
    "Quantization": "models",
    "Training": "models",
    "Variant": "models",
    "find_models": "models",
    "model": "models",
    "models": "models",
    "Card": "card",
    "CatalogueSpecifications": "card",
    "Document": "card",
    "card": "card",
    "cards": "card",
    "json_schema": "card",
    "require_card": "card",
    "Benchmark": "benchmarks",
    "BenchmarkId": "benchmarks",
    "BenchmarkTable": "benchmarks",
    "Comparison": "benchmarks",
    "ComparisonModel": "benchmarks",
    "ComparisonModelId": "benchmarks",
    "Discrepancy": "benchmarks",
    "Footnote": "benchmarks",
    "MissingReason": "benchmarks",
    "MissingReasonId": "benchmarks",
    "Pivot": "benchmarks",
    "PivotRow": "benchmarks",
    "Score": "benchmarks",
    "ScoreDifference": "benchmarks",
    "ScoreModelId": "benchmarks",
    "ScoreTable": "benchmarks",
    "benchmark": "benchmarks",
    "benchmarks": "benchmarks",
    "compare": "benchmarks",
    "score": "benchmarks",
    "scores": "benchmarks",
    "to_model_index": "benchmarks",
    "EquivalentCode": "languages",
    "ImageTesting": "languages",
    "Language": "languages",
    "LanguageCoverage": "languages",
    "LanguageName": "languages",
    "MAX_TESTED_IMAGES": "languages",
    "PRETRAINING_LANGUAGE_COUNT": "languages",
    "check_images": "languages",
    "language": "languages",
    "languages": "languages",
    "supports_language": "languages",
    "Countries": "license",
    "CountryCodeHint": "license",
    "CountryGroup": "license",
    "CountryGroupId": "license",
    "Entity": "license",
    "EuRestriction": "license",
    "Finding": "license",
    "LicenseTerm": "license",
    "LicenseTerms": "license",
    "Licensor": "license",
    "Obligation": "license",
    "OutOfScopeId": "license",
    "OutOfScopeUse": "license",
    "PolicyItem": "license",
    "ProhibitedUse": "license",
    "Role": "license",
    "TermId": "license",
    "UseAssessment": "license",
    "UserThreshold": "license",
    "assess_use": "license",
    "license_terms": "license",
}

__all__ = [
    "MAX_TESTED_IMAGES",
    "PRETRAINING_LANGUAGE_COUNT",
    "SCHEMA_VERSION",
    "AlternativePrinting",
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
    "FieldSource",
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
    "LanguageName",
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


def __getattr__(name: str) -> object:
    module = _SUBMODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """The package module, guarding the public functions named like their submodules.

    Importing a submodule binds it as an attribute of the package; ``card``, ``models``,
    ``benchmarks`` and ``languages`` are public functions named like the submodules that
    define them, and must stay the functions however the submodules get imported.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and name in _SUBMODULES:
            return  # the submodule stays reachable through sys.modules and imports
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
