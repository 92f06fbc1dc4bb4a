"""The published Llama 4 model card as typed, frozen, versioned data.

```pycon
>>> import llama_cards
>>> llama_cards.model("scout").context_length
10000000

```

Every public name is importable from here and listed in ``__all__``. The private module that
defines a name is imported the first time the name is used (PEP 562), so ``import
llama_cards`` costs almost nothing, and a first query builds only the parts of the card it
needs (see docs/performance.md).
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of a bare
# `import llama_cards`; type checkers treat this name the same way.
TYPE_CHECKING = False

__version__ = "0.2.0"

# Every public name, and the private module that defines it: the one table behind
# `__all__` and the lazy imports below.
_PUBLIC: dict[str, str] = {
    "SCHEMA_VERSION": "_versions",
    "Disagreement": "_disagreements",
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
    "TokenizerUnavailableError": "errors",
    "UnknownBenchmarkError": "errors",
    "UnknownDocumentError": "errors",
    "UnknownModalityError": "errors",
    "UnknownModelError": "errors",
    "UnknownRepositoryError": "errors",
    "UnsupportedLanguageError": "errors",
    "AlternativePrinting": "_models",
    "HuggingFaceRepo": "_model_parts",
    "Modality": "_base",
    "Model": "_models",
    "ModelId": "_base",
    "Precision": "_base",
    "Quantity": "_model_parts",
    "Quantization": "_models",
    "Training": "_models",
    "Variant": "_base",
    "Card": "_card",
    "CatalogueSpecifications": "_facts",
    "Document": "_documents",
    "Benchmark": "_benchmarks",
    "BenchmarkId": "_benchmarks",
    "BenchmarkTable": "_benchmarks",
    "ComparisonModel": "_benchmarks",
    "ComparisonModelId": "_benchmarks",
    "Discrepancy": "_benchmarks",
    "Footnote": "_benchmarks",
    "MissingReason": "_benchmarks",
    "MissingReasonId": "_benchmarks",
    "Score": "_benchmarks",
    "ScoreModelId": "_benchmarks",
    "SupportedLanguage": "_benchmarks",
    "TrainingRow": "_benchmarks",
    "Comparison": "_scores",
    "LayoutRow": "_scores",
    "ModelSpecs": "_scores",
    "Pivot": "_scores",
    "PivotRow": "_scores",
    "ScoreDifference": "_scores",
    "ScoreTable": "_scores",
    "TableLayout": "_scores",
    "EquivalentCode": "_languages",
    "ImageTesting": "_languages",
    "Language": "_languages",
    "LanguageCoverage": "_languages",
    "LanguageName": "_languages",
    "WrittenName": "_languages",
    "Countries": "_license",
    "CountryCodeHint": "_license",
    "CountryGroup": "_license",
    "CountryGroupId": "_license",
    "Entity": "_license",
    "EuRestriction": "_license",
    "Finding": "_license",
    "LicenseTerm": "_license",
    "LicenseTerms": "_license",
    "Licensor": "_license",
    "Obligation": "_license",
    "OutOfScopeId": "_license",
    "OutOfScopeUse": "_license",
    "PolicyItem": "_license",
    "ProhibitedUse": "_license",
    "Role": "_license",
    "TermId": "_license",
    "UseAssessment": "_license",
    "UserThreshold": "_license",
    "MAX_TESTED_IMAGES": "_language_queries",
    "PRETRAINING_LANGUAGE_COUNT": "_language_queries",
    "assess_use": "_license_queries",
    "benchmark": "_score_queries",
    "benchmarks": "_score_queries",
    "card": "_card_queries",
    "cards": "_card_queries",
    "check_images": "_language_queries",
    "compare": "_table_queries",
    "comparison_model": "_model_queries",
    "comparison_models": "_model_queries",
    "document": "_card_queries",
    "find_models": "_model_queries",
    "json_schema": "_card_queries",
    "language": "_language_queries",
    "languages": "_language_queries",
    "license_terms": "_license_queries",
    "model": "_model_queries",
    "models": "_model_queries",
    "require_card": "_card_queries",
    "score": "_score_queries",
    "scores": "_table_queries",
    "supports_language": "_language_queries",
    "to_model_index": "_score_queries",
    "LimitKind": "_tokens",
    "RequestCheck": "_tokens",
    "check_request": "_tokens",
    "count_chat_tokens": "_tokens",
    "count_tokens": "_tokens",
    "image_tokens": "_tokens",
    "UnknownAcceleratorError": "errors",
    "UnknownCheckpointError": "errors",
    "Accelerator": "_deployment",
    "Architecture": "_deployment",
    "CheckpointFiles": "_deployment",
    "ClaimSpec": "_deployment",
    "OutputLimit": "_deployment",
    "QuantizationScheme": "_deployment",
    "RopeScaling": "_deployment",
    "VisionEncoder": "_deployment",
    "WeightPrecision": "_deployment",
    "HardwareClaim": "_memory",
    "MemoryEstimate": "_memory",
    "ParameterBreakdown": "_memory",
    "accelerator": "_deployment_queries",
    "accelerators": "_deployment_queries",
    "card_claims": "_deployment_queries",
    "checkpoint_files": "_deployment_queries",
    "claim_contrasts": "_deployment_queries",
    "discrepancies": "_deployment_queries",
    "estimate_memory": "_deployment_queries",
}

__all__ = ["__version__", *_PUBLIC]

if TYPE_CHECKING:
    # What type checkers read instead of the lazy imports: the same names as _PUBLIC, each
    # re-exported explicitly (a test keeps the two listings equal).
    from ._base import (
        FieldSource as FieldSource,
    )
    from ._base import (
        Modality as Modality,
    )
    from ._base import (
        ModelId as ModelId,
    )
    from ._base import (
        Precision as Precision,
    )
    from ._base import (
        Source as Source,
    )
    from ._base import (
        Variant as Variant,
    )
    from ._base import (
        YearMonth as YearMonth,
    )
    from ._benchmarks import (
        Benchmark as Benchmark,
    )
    from ._benchmarks import (
        BenchmarkId as BenchmarkId,
    )
    from ._benchmarks import (
        BenchmarkTable as BenchmarkTable,
    )
    from ._benchmarks import (
        ComparisonModel as ComparisonModel,
    )
    from ._benchmarks import (
        ComparisonModelId as ComparisonModelId,
    )
    from ._benchmarks import (
        Discrepancy as Discrepancy,
    )
    from ._benchmarks import (
        Footnote as Footnote,
    )
    from ._benchmarks import (
        MissingReason as MissingReason,
    )
    from ._benchmarks import (
        MissingReasonId as MissingReasonId,
    )
    from ._benchmarks import (
        Score as Score,
    )
    from ._benchmarks import (
        ScoreModelId as ScoreModelId,
    )
    from ._benchmarks import (
        SupportedLanguage as SupportedLanguage,
    )
    from ._benchmarks import (
        TrainingRow as TrainingRow,
    )
    from ._card import (
        Card as Card,
    )
    from ._card_queries import (
        card as card,
    )
    from ._card_queries import (
        cards as cards,
    )
    from ._card_queries import (
        document as document,
    )
    from ._card_queries import (
        json_schema as json_schema,
    )
    from ._card_queries import (
        require_card as require_card,
    )
    from ._deployment import (
        Accelerator as Accelerator,
    )
    from ._deployment import (
        Architecture as Architecture,
    )
    from ._deployment import (
        CheckpointFiles as CheckpointFiles,
    )
    from ._deployment import (
        ClaimSpec as ClaimSpec,
    )
    from ._deployment import (
        OutputLimit as OutputLimit,
    )
    from ._deployment import (
        QuantizationScheme as QuantizationScheme,
    )
    from ._deployment import (
        RopeScaling as RopeScaling,
    )
    from ._deployment import (
        VisionEncoder as VisionEncoder,
    )
    from ._deployment import (
        WeightPrecision as WeightPrecision,
    )
    from ._deployment_queries import (
        accelerator as accelerator,
    )
    from ._deployment_queries import (
        accelerators as accelerators,
    )
    from ._deployment_queries import (
        card_claims as card_claims,
    )
    from ._deployment_queries import (
        checkpoint_files as checkpoint_files,
    )
    from ._deployment_queries import (
        claim_contrasts as claim_contrasts,
    )
    from ._deployment_queries import (
        discrepancies as discrepancies,
    )
    from ._deployment_queries import (
        estimate_memory as estimate_memory,
    )
    from ._disagreements import (
        Disagreement as Disagreement,
    )
    from ._documents import (
        Document as Document,
    )
    from ._facts import (
        CatalogueSpecifications as CatalogueSpecifications,
    )
    from ._language_queries import (
        MAX_TESTED_IMAGES as MAX_TESTED_IMAGES,
    )
    from ._language_queries import (
        PRETRAINING_LANGUAGE_COUNT as PRETRAINING_LANGUAGE_COUNT,
    )
    from ._language_queries import (
        check_images as check_images,
    )
    from ._language_queries import (
        language as language,
    )
    from ._language_queries import (
        languages as languages,
    )
    from ._language_queries import (
        supports_language as supports_language,
    )
    from ._languages import (
        EquivalentCode as EquivalentCode,
    )
    from ._languages import (
        ImageTesting as ImageTesting,
    )
    from ._languages import (
        Language as Language,
    )
    from ._languages import (
        LanguageCoverage as LanguageCoverage,
    )
    from ._languages import (
        LanguageName as LanguageName,
    )
    from ._languages import (
        WrittenName as WrittenName,
    )
    from ._license import (
        Countries as Countries,
    )
    from ._license import (
        CountryCodeHint as CountryCodeHint,
    )
    from ._license import (
        CountryGroup as CountryGroup,
    )
    from ._license import (
        CountryGroupId as CountryGroupId,
    )
    from ._license import (
        Entity as Entity,
    )
    from ._license import (
        EuRestriction as EuRestriction,
    )
    from ._license import (
        Finding as Finding,
    )
    from ._license import (
        LicenseTerm as LicenseTerm,
    )
    from ._license import (
        LicenseTerms as LicenseTerms,
    )
    from ._license import (
        Licensor as Licensor,
    )
    from ._license import (
        Obligation as Obligation,
    )
    from ._license import (
        OutOfScopeId as OutOfScopeId,
    )
    from ._license import (
        OutOfScopeUse as OutOfScopeUse,
    )
    from ._license import (
        PolicyItem as PolicyItem,
    )
    from ._license import (
        ProhibitedUse as ProhibitedUse,
    )
    from ._license import (
        Role as Role,
    )
    from ._license import (
        TermId as TermId,
    )
    from ._license import (
        UseAssessment as UseAssessment,
    )
    from ._license import (
        UserThreshold as UserThreshold,
    )
    from ._license_queries import (
        assess_use as assess_use,
    )
    from ._license_queries import (
        license_terms as license_terms,
    )
    from ._memory import (
        HardwareClaim as HardwareClaim,
    )
    from ._memory import (
        MemoryEstimate as MemoryEstimate,
    )
    from ._memory import (
        ParameterBreakdown as ParameterBreakdown,
    )
    from ._model_parts import (
        HuggingFaceRepo as HuggingFaceRepo,
    )
    from ._model_parts import (
        Quantity as Quantity,
    )
    from ._model_queries import (
        comparison_model as comparison_model,
    )
    from ._model_queries import (
        comparison_models as comparison_models,
    )
    from ._model_queries import (
        find_models as find_models,
    )
    from ._model_queries import (
        model as model,
    )
    from ._model_queries import (
        models as models,
    )
    from ._models import (
        AlternativePrinting as AlternativePrinting,
    )
    from ._models import (
        Model as Model,
    )
    from ._models import (
        Quantization as Quantization,
    )
    from ._models import (
        Training as Training,
    )
    from ._score_queries import (
        benchmark as benchmark,
    )
    from ._score_queries import (
        benchmarks as benchmarks,
    )
    from ._score_queries import (
        score as score,
    )
    from ._score_queries import (
        to_model_index as to_model_index,
    )
    from ._scores import (
        Comparison as Comparison,
    )
    from ._scores import (
        LayoutRow as LayoutRow,
    )
    from ._scores import (
        ModelSpecs as ModelSpecs,
    )
    from ._scores import (
        Pivot as Pivot,
    )
    from ._scores import (
        PivotRow as PivotRow,
    )
    from ._scores import (
        ScoreDifference as ScoreDifference,
    )
    from ._scores import (
        ScoreTable as ScoreTable,
    )
    from ._scores import (
        TableLayout as TableLayout,
    )
    from ._table_queries import (
        compare as compare,
    )
    from ._table_queries import (
        scores as scores,
    )
    from ._tokens import (
        LimitKind as LimitKind,
    )
    from ._tokens import (
        RequestCheck as RequestCheck,
    )
    from ._tokens import (
        check_request as check_request,
    )
    from ._tokens import (
        count_chat_tokens as count_chat_tokens,
    )
    from ._tokens import (
        count_tokens as count_tokens,
    )
    from ._tokens import (
        image_tokens as image_tokens,
    )
    from ._versions import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from .errors import (
        AmbiguousQueryError as AmbiguousQueryError,
    )
    from .errors import (
        ArgumentTypeError as ArgumentTypeError,
    )
    from .errors import (
        CardVersionError as CardVersionError,
    )
    from .errors import (
        ContextLengthExceededError as ContextLengthExceededError,
    )
    from .errors import (
        DataIntegrityError as DataIntegrityError,
    )
    from .errors import (
        InvalidArgumentError as InvalidArgumentError,
    )
    from .errors import (
        InvalidCountryCodeError as InvalidCountryCodeError,
    )
    from .errors import (
        InvalidLanguageTagError as InvalidLanguageTagError,
    )
    from .errors import (
        InvalidVersionSpecError as InvalidVersionSpecError,
    )
    from .errors import (
        LlamaCardsError as LlamaCardsError,
    )
    from .errors import (
        NotInTableError as NotInTableError,
    )
    from .errors import (
        SchemaVersionError as SchemaVersionError,
    )
    from .errors import (
        TokenizerUnavailableError as TokenizerUnavailableError,
    )
    from .errors import (
        UnknownAcceleratorError as UnknownAcceleratorError,
    )
    from .errors import (
        UnknownBenchmarkError as UnknownBenchmarkError,
    )
    from .errors import (
        UnknownCheckpointError as UnknownCheckpointError,
    )
    from .errors import (
        UnknownDocumentError as UnknownDocumentError,
    )
    from .errors import (
        UnknownModalityError as UnknownModalityError,
    )
    from .errors import (
        UnknownModelError as UnknownModelError,
    )
    from .errors import (
        UnknownRepositoryError as UnknownRepositoryError,
    )
    from .errors import (
        UnsupportedLanguageError as UnsupportedLanguageError,
    )


def __getattr__(name: str) -> object:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
