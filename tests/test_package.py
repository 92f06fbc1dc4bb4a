"""The package's face: its version, its public names, its type information."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from packaging.version import Version

import llama_cards

PUBLIC_NAMES = {
    "SCHEMA_VERSION",
    "ModelSpecs",
    "SupportedLanguage",
    "TrainingRow",
    "comparison_model",
    "comparison_models",
    "UnknownAcceleratorError",
    "UnknownCheckpointError",
    "Accelerator",
    "Architecture",
    "CheckpointFiles",
    "ClaimSpec",
    "OutputLimit",
    "QuantizationScheme",
    "RopeScaling",
    "VisionEncoder",
    "WeightPrecision",
    "HardwareClaim",
    "MemoryEstimate",
    "ParameterBreakdown",
    "accelerator",
    "accelerators",
    "card_claims",
    "checkpoint_files",
    "claim_contrasts",
    "discrepancies",
    "estimate_memory",
    "AlternativePrinting",
    "AmbiguousQueryError",
    "ArgumentTypeError",
    "Card",
    "CardVersionError",
    "CatalogueSpecifications",
    "ContextLengthExceededError",
    "DataIntegrityError",
    "Document",
    "FieldSource",
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
    "Countries",
    "CountryCodeHint",
    "CountryGroup",
    "CountryGroupId",
    "Entity",
    "EuRestriction",
    "Finding",
    "LicenseTerm",
    "LicenseTerms",
    "Licensor",
    "Obligation",
    "OutOfScopeId",
    "OutOfScopeUse",
    "PolicyItem",
    "ProhibitedUse",
    "Role",
    "TermId",
    "UseAssessment",
    "UserThreshold",
    "assess_use",
    "license_terms",
    "EquivalentCode",
    "ImageTesting",
    "Language",
    "LanguageCoverage",
    "LanguageName",
    "WrittenName",
    "MAX_TESTED_IMAGES",
    "PRETRAINING_LANGUAGE_COUNT",
    "check_images",
    "language",
    "languages",
    "supports_language",
    "Benchmark",
    "BenchmarkId",
    "BenchmarkTable",
    "Comparison",
    "ComparisonModel",
    "ComparisonModelId",
    "Discrepancy",
    "Footnote",
    "MissingReason",
    "MissingReasonId",
    "NotInTableError",
    "Pivot",
    "PivotRow",
    "Score",
    "ScoreDifference",
    "ScoreModelId",
    "ScoreTable",
    "benchmark",
    "benchmarks",
    "compare",
    "score",
    "scores",
    "to_model_index",
    "UnknownDocumentError",
    "UnknownRepositoryError",
    "document",
    "LayoutRow",
    "TableLayout",
    "Disagreement",
    "LimitKind",
    "RequestCheck",
    "TokenizerUnavailableError",
    "check_request",
    "count_chat_tokens",
    "count_tokens",
    "image_tokens",
}


def test_public_names_are_pinned() -> None:
    assert set(llama_cards.__all__) == PUBLIC_NAMES
    assert len(llama_cards.__all__) == len(PUBLIC_NAMES)
    for name in llama_cards.__all__:
        assert hasattr(llama_cards, name), name


def test_the_type_checkers_listing_equals_the_public_table() -> None:
    # The face lists each public name once, in a table that drives __all__ and the lazy
    # imports; the explicit re-exports for type checkers are the only second listing.
    import ast

    face = Path(llama_cards.__file__)
    tree = ast.parse(face.read_text(encoding="utf-8"))
    (guarded,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
    ]
    listed = {}
    for node in guarded.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            assert alias.asname == alias.name, alias.name  # `import X as X` re-exports
            listed[alias.name] = (node.module or "").lstrip(".")
    table = dict(vars(llama_cards)["_PUBLIC"])
    assert listed == table
    assert set(llama_cards.__all__) == {"__version__", *table}


def test_version_is_pep440_and_matches_the_installed_metadata() -> None:
    assert str(Version(llama_cards.__version__)) == llama_cards.__version__
    assert importlib.metadata.version("llama-cards") == llama_cards.__version__


def test_schema_version_is_major_minor() -> None:
    assert re.fullmatch(r"\d+\.\d+", llama_cards.SCHEMA_VERSION)
    assert llama_cards.card().schema_version == llama_cards.SCHEMA_VERSION


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert (files("llama_cards") / "py.typed").is_file()


def test_every_module_declares_its_public_names() -> None:
    import importlib
    import pkgutil

    for found in pkgutil.iter_modules(llama_cards.__path__):
        module = importlib.import_module(f"llama_cards.{found.name}")
        assert isinstance(getattr(module, "__all__", None), list), found.name
        for name in module.__all__:
            assert hasattr(module, name), f"{found.name}.{name}"
    # `python -m llama_cards` runs the command; the module itself exports nothing.
    assert importlib.import_module("llama_cards.__main__").__all__ == []
