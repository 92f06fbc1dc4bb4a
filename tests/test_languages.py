"""The supported languages: the data as the card prints it, and every way to ask for one."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    Card,
    DataIntegrityError,
    InvalidLanguageTagError,
    Language,
    UnsupportedLanguageError,
    language,
    languages,
    supports_language,
)
from shipped import card_document

# The card's "Supported languages", in its order: English name, ISO 639-1, 639-2/T, 639-2/B,
# 639-3, native name. Codes from the ISO 639-3 code table; native names from each language's
# own locale (glibc localedata, lang_name).
EXPECTED_LANGUAGES = [
    ("Arabic", "ar", "ara", "ara", "ara", "العربية"),
    ("English", "en", "eng", "eng", "eng", "English"),
    ("French", "fr", "fra", "fre", "fra", "français"),
    ("German", "de", "deu", "ger", "deu", "Deutsch"),
    ("Hindi", "hi", "hin", "hin", "hin", "हिन्दी"),
    ("Indonesian", "id", "ind", "ind", "ind", "Indonesia"),
    ("Italian", "it", "ita", "ita", "ita", "italiano"),
    ("Portuguese", "pt", "por", "por", "por", "português"),
    ("Spanish", "es", "spa", "spa", "spa", "español"),
    ("Tagalog", "tl", "tgl", "tgl", "tgl", "Tagalog"),
    ("Thai", "th", "tha", "tha", "tha", "ไทย"),
    ("Vietnamese", "vi", "vie", "vie", "vie", "Tiếng Việt"),
]

# Codes of other names taken to mean a supported language (see the languages module).
EXPECTED_EQUIVALENTS = {
    "Arabic": [("arb", "Standard Arabic", "iso-639-3")],
    "Indonesian": [("in", "Indonesian", "iana-language-subtag-registry")],
    "Tagalog": [("fil", "Filipino", "cldr-supplemental-metadata")],
}

# Other names taken to mean a supported language: Indonesian's own name for itself, as
# Indonesia's constitution (Article 36) names the state language.
EXPECTED_OTHER_NAMES = {
    "Indonesian": [("Bahasa Indonesia", "uud-1945", "Chapter XV, Article 36 (the state language)")],
}

BY_NAME = {row[0]: row for row in EXPECTED_LANGUAGES}


def _rows(entries: tuple[Language, ...]) -> list[tuple[str, str, str, str, str, str]]:
    return [
        (e.name, e.iso639_1, e.iso639_2t, e.iso639_2b, e.iso639_3, e.native_name) for e in entries
    ]


# ------------------------------------------------------------------------- data


def test_languages_are_the_cards_twelve_in_order() -> None:
    assert _rows(languages()) == EXPECTED_LANGUAGES


def test_card_field_is_the_same_tuple() -> None:
    assert llama_cards.card().languages == languages()
    assert isinstance(languages(), tuple)


def test_catalogue_box_count_agrees_with_the_list() -> None:
    # The catalogue summary prints "12 Languages".
    assert llama_cards.card().catalogue_specifications.languages == f"{len(languages())} Languages"


def test_each_language_is_sourced_to_the_cards_list() -> None:
    for entry in languages():
        assert entry.source.document == "azure-card"
        assert entry.source.section == "Supported languages"
        assert entry.codes_source.document == "iso-639-3"
        assert entry.codes_source.section == f"code table, row {entry.iso639_3}"
        assert entry.native_name_source.document == "glibc-locales"


def test_every_source_names_a_document_of_the_card() -> None:
    current = llama_cards.card()
    documents = {document.id for document in current.documents}
    sources = [current.language_coverage.source, current.image_testing.source]
    for entry in current.languages:
        sources += [entry.source, entry.codes_source, entry.native_name_source]
        sources += [equivalent.source for equivalent in entry.equivalents]
        sources += [other.source for other in entry.other_names]
    assert {source.document for source in sources} <= documents


def test_other_names_are_the_documented_one() -> None:
    found = {
        entry.name: [(o.name, o.source.document, o.source.section) for o in entry.other_names]
        for entry in languages()
        if entry.other_names
    }
    assert found == EXPECTED_OTHER_NAMES
    (indonesian,) = (entry for entry in languages() if entry.name == "Indonesian")
    reason = indonesian.other_names[0].reason
    assert "constitution" in reason
    assert "'Indonesia'" in reason  # the shorter native name served, and why it differs
    assert "Malay" in reason


def test_equivalents_are_the_documented_three() -> None:
    found = {
        entry.name: [(e.code, e.name, e.source.document) for e in entry.equivalents]
        for entry in languages()
        if entry.equivalents
    }
    assert found == EXPECTED_EQUIVALENTS
    for entry in languages():
        for equivalent in entry.equivalents:
            assert equivalent.reason.strip()


def test_codes_are_lowercase_ascii_of_the_right_length() -> None:
    for entry in languages():
        assert len(entry.iso639_1) == 2
        for code in (entry.iso639_2t, entry.iso639_2b, entry.iso639_3):
            assert len(code) == 3
        for code in (*entry.codes, *(e.code for e in entry.equivalents)):
            assert code.isascii()
            assert code.isalpha()
            assert code.islower()


def test_no_code_or_name_is_shared_by_two_languages() -> None:
    seen: dict[str, str] = {}
    for entry in languages():
        keys = {*entry.codes, *(e.code for e in entry.equivalents)}
        keys |= {entry.name.casefold(), entry.native_name.casefold()}
        keys |= {other.name.casefold() for other in entry.other_names}
        for key in keys:
            assert seen.setdefault(key, entry.name) == entry.name, key


def test_native_names_are_nfc() -> None:
    for entry in languages():
        assert unicodedata.normalize("NFC", entry.native_name) == entry.native_name


def test_codes_property_lists_each_code_once() -> None:
    assert language("fr").codes == ("fr", "fra", "fre")
    assert language("en").codes == ("en", "eng")


def test_str_of_a_language_is_its_name() -> None:
    assert str(language("th")) == "Thai"


def test_language_records_are_frozen() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        language("fr").name = "Français"  # type: ignore[misc]  # frozen: the test checks it


def test_shipped_file_validates_and_equals_the_trusted_load() -> None:
    raw = card_document("4")
    assert raw is not None
    validated = Card.model_validate_json(raw)
    current = llama_cards.card()
    assert validated.languages == current.languages
    assert validated.language_coverage == current.language_coverage
    assert validated.image_testing == current.image_testing
    assert validated == current


def test_language_records_round_trip_through_json() -> None:
    for entry in languages():
        assert Language.model_validate_json(entry.model_dump_json()) == entry
    coverage = llama_cards.card().language_coverage
    assert type(coverage).model_validate_json(coverage.model_dump_json()) == coverage


def test_a_card_giving_one_code_to_two_languages_is_refused() -> None:
    current = llama_cards.card()
    french = current.language("fr")
    clash = french.model_copy(update={"name": "Not French", "native_name": "pas français"})
    broken = current.model_copy(update={"languages": (french, clash)})
    with pytest.raises(DataIntegrityError, match="'fr' is given to two languages"):
        broken.supports_language("fr")


# ------------------------------------------------------------------- constants


def test_pretraining_language_count_is_the_cards() -> None:
    # "pre-training includes 200 total languages"
    assert llama_cards.PRETRAINING_LANGUAGE_COUNT == 200
    coverage = llama_cards.card().language_coverage
    assert coverage.pretraining_language_count == 200
    assert coverage.source.document == "azure-card"
    assert "fine-tun" in coverage.fine_tuning.lower()
    assert "Acceptable Use Policy" in coverage.fine_tuning


def test_max_tested_images_is_the_cards() -> None:
    # "tested for image understanding up to 5 input images"
    assert llama_cards.MAX_TESTED_IMAGES == 5
    testing = llama_cards.card().image_testing
    assert testing.max_tested_images == 5
    assert testing.source.document == "azure-card"


def test_constants_import_by_name() -> None:
    from llama_cards import MAX_TESTED_IMAGES, PRETRAINING_LANGUAGE_COUNT
    from llama_cards._language_queries import MAX_TESTED_IMAGES as FROM_MODULE

    assert (PRETRAINING_LANGUAGE_COUNT, MAX_TESTED_IMAGES, FROM_MODULE) == (200, 5, 5)


def test_constants_are_public_and_listed() -> None:
    assert {"PRETRAINING_LANGUAGE_COUNT", "MAX_TESTED_IMAGES"} <= set(llama_cards.__all__)
    assert {"PRETRAINING_LANGUAGE_COUNT", "MAX_TESTED_IMAGES"} <= set(dir(llama_cards))


@pytest.mark.parametrize("name", ["MAX_TESTED_IMAGE", "pretraining_language_count", "nope"])
def test_unknown_attributes_still_raise(name: str) -> None:
    with pytest.raises(AttributeError, match=name):
        getattr(llama_cards, name)
    with pytest.raises(AttributeError, match=name):
        getattr(importlib.import_module("llama_cards._language_queries"), name)


def _run(code: str) -> str:
    source = str(Path(llama_cards.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_importing_the_package_loads_no_data_and_constants_load_it() -> None:
    out = _run(
        "import sys, llama_cards\n"
        "print(sum(name.startswith('llama_cards._') for name in sys.modules))\n"
        "print(llama_cards.MAX_TESTED_IMAGES)\n"
        "print(int('llama_cards._loader' in sys.modules))\n"
        "from llama_cards import PRETRAINING_LANGUAGE_COUNT\n"
        "print(PRETRAINING_LANGUAGE_COUNT)\n"
    )
    assert out.split() == ["0", "5", "1", "200"]


def test_star_import_brings_the_constants() -> None:
    out = _run("from llama_cards import *\nprint(PRETRAINING_LANGUAGE_COUNT, MAX_TESTED_IMAGES)")
    assert out == "200 5"


# ---------------------------------------------------------------- supported tags


def _supported_cases() -> list[tuple[str, str]]:
    """Every supported language by each of its codes and names, in several spellings."""
    cases: list[tuple[str, str]] = []
    for name, *codes, native in EXPECTED_LANGUAGES:
        for code in dict.fromkeys(codes):
            cases += [(code, name), (code.upper(), name), (code.title(), name)]
            cases += [(f"{code}-XX", name), (f"{code}_Latn", name), (f"{code}-001", name)]
        cases += [(name, name), (name.upper(), name), (name.lower(), name)]
        cases += [(native, name), (native.upper(), name), (f"  {native} ", name)]
    for name, equivalents in EXPECTED_EQUIVALENTS.items():
        for code, equivalent_name, _ in equivalents:
            cases += [(code, name), (code.upper(), name), (equivalent_name.lower(), name)]
    for name, others in EXPECTED_OTHER_NAMES.items():
        for other, _, _ in others:
            cases += [(other, name), (other.upper(), name), (f" {other.lower()}\t", name)]
    return cases


@pytest.mark.parametrize(("tag", "name"), _supported_cases())
def test_every_code_and_name_finds_its_language(tag: str, name: str) -> None:
    assert supports_language(tag) is True
    assert language(tag).name == name
    assert llama_cards.card().language(tag).name == name


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        # the examples
        ("fr", "French"),
        ("FRA", "French"),
        ("fre", "French"),
        ("French", "French"),
        ("français", "French"),
        ("pt_BR", "Portuguese"),
        ("es-419", "Spanish"),
        ("en-US-x-private", "English"),
        # more of the grammar
        ("en-GB-oed", "English"),  # grandfathered, preferred value en-GB-oxendict
        ("EN-gb-OED", "English"),
        ("ar-arb", "Arabic"),  # extended-language form of arb
        ("ar-arb-EG", "Arabic"),
        ("ar-Arab-EG", "Arabic"),
        ("hi-Latn", "Hindi"),  # romanised Hindi: the card names languages, not scripts
        ("de-CH-1901", "German"),
        ("de-DE-u-co-phonebk", "German"),
        ("it-IT-x-mine", "Italian"),
        ("es-MX-u-ca-gregory-t-en-x-a-b", "Spanish"),
        ("th-TH-u-nu-thai", "Thai"),
        ("vi-VN", "Vietnamese"),
        ("in-ID", "Indonesian"),  # deprecated code, as older Java runtimes write it
        ("fil-PH", "Tagalog"),
        ("tl_PH", "Tagalog"),
        ("pt-PT-1990", "Portuguese"),
        ("fra-CA", "French"),  # 639-2 code in the language position
        ("ger-AT", "German"),
        ("en-Qaaa", "English"),  # private-use script
        ("Bahasa Indonesia", "Indonesian"),  # the language's own name, as Indonesia writes it
        ("bahasa   indonesia", "Indonesian"),
        ("Tiếng Việt", "Vietnamese"),
        ("tiếng việt", "Vietnamese"),
        ("Tiếng   Việt", "Vietnamese"),  # inner whitespace collapsed
        (unicodedata.normalize("NFD", "français"), "French"),  # decomposed accents
        (unicodedata.normalize("NFD", "Tiếng Việt"), "Vietnamese"),
        ("ESPAÑOL", "Spanish"),
        ("\tfr-CA\n", "French"),  # surrounding whitespace is ignored
    ],
)
def test_tags_of_supported_languages(tag: str, name: str) -> None:
    assert supports_language(tag) is True
    assert language(tag).name == name


# ---------------------------------------------------------------- unsupported tags

UNSUPPORTED = [
    "zh",
    "zh-Hant-TW",  # the example
    "zh-cmn-Hans-CN",
    "yue",
    "ja-JP",
    "ko",
    "ru-RU",
    "uk",
    "pl",
    "nl-BE",
    "sv",
    "tr",
    "fa",
    "bn-BD",
    "ur",
    "ta-IN",
    "sw",
    "he",
    "iw",  # deprecated Hebrew
    "ji",  # deprecated Yiddish
    "jw",  # deprecated Javanese
    "mo",  # deprecated Moldavian
    "ms",  # Malay is not Indonesian
    "Bahasa",  # "language": used alone for Malay as well as Indonesian
    "ms-MY",
    "msa",
    "may",
    "zsm",
    "zlm",
    "jv",
    "su",
    "arz",  # Egyptian Arabic: a variety the card does not name
    "ar-arz",
    "afb",
    "apc",
    "ceb",  # Cebuano is not Tagalog
    "lo",
    "tts",  # Northeastern Thai
    "gsw",  # Swiss German
    "nds",
    "und",
    "mul",
    "mis",
    "zxx",
    "qaa",
    "qtz-Latn-US",
    "x-klingon",
    "X-en",  # private use, even when it spells a supported code
    "i-klingon",
    "i-default",
    "art-lojban",
    "zh-min-nan",
    "sgn-BE-FR",
    "no-bok",
    "tlh",
    "eo",
    "la-VA",
    "en-USA",  # 'USA' is read as an extended language subtag, not a region
    "fra-abc",
    "Chinese",
    "Japanese",
    "Klingon",
    "francais",  # accents count as typed
    "abcd",
]


@pytest.mark.parametrize("tag", UNSUPPORTED)
def test_well_formed_tags_of_other_languages_are_unsupported(tag: str) -> None:
    assert supports_language(tag) is False
    with pytest.raises(UnsupportedLanguageError) as raised:
        language(tag)
    message = str(raised.value)
    assert repr(tag) in message
    for entry in languages():
        assert f"{entry.name} ({entry.iso639_1})" in message
    assert "fine-tun" in message.lower()
    assert "Llama 4 Community License" in message
    assert "Acceptable Use Policy" in message


def test_there_are_enough_unsupported_cases() -> None:
    assert len(UNSUPPORTED) >= 30
    assert len(set(UNSUPPORTED)) == len(UNSUPPORTED)


def test_unsupported_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        language("ja")


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("sw", "well-formed tag of the language 'sw'"),
        ("i-klingon", "language 'tlh'"),
        ("i-default", "grandfathered tag that names no particular language"),
        ("x-klingon", "private-use tag"),
        ("en-USA", "names the language 'usa', not English; a region is 2 letters or 3 digits"),
        ("Chinese", "no language has the subtag 'chinese'"),
        ("francais", "did you mean 'French', natively 'français'?"),
        ("Englsh", "did you mean 'English'?"),
        ("zh", "Pre-training covered 200 languages"),
    ],
)
def test_unsupported_messages_say_what_the_tag_is(tag: str, words: str) -> None:
    with pytest.raises(UnsupportedLanguageError) as raised:
        language(tag)
    assert words in str(raised.value)


# ---------------------------------------------------------------- malformed tags

MALFORMED = [
    ("", "it is empty"),
    ("   ", "it is empty"),
    ("-", "starts with a separator"),
    ("-en", "starts with a separator"),
    ("en-", "ends with a separator"),
    ("en_", "ends with a separator"),
    ("en--US", "empty subtag (two separators in a row)"),
    ("en__US", "empty subtag"),
    ("en-_US", "empty subtag"),
    ("123", "it starts with '123', but the language subtag is letters only"),
    ("42-US", "letters only"),
    ("1a", "letters only"),
    ("e", "starts with the singleton 'e'"),
    ("a-DE", "starts with the singleton 'a'"),
    ("abcdefghi", "'abcdefghi' is 9 characters long; subtags have 1 to 8"),
    ("en-abcdefghi", "9 characters long"),
    ("en-US-x-abcdefghi", "9 characters long"),
    ("Ukrainian", "'Ukrainian' is 9 characters long"),
    ("en US", "whitespace"),
    ("en\tUS", "whitespace"),
    ("en.", "is not a well-formed locale name: the codeset after '.' is empty"),
    ("fr/CA", "it contains '/'"),
    ("en@", "is not a well-formed locale name: the modifier after '@' is empty"),
    ("日本語", "it contains '日'"),
    ("en-US-Latn", "'Latn' looks like a script (4 letters), which must come before the region"),
    ("en-Latn-Cyrl", "'Cyrl' would be a second script"),
    ("en-US-GB", "'GB' would be a second region"),
    ("de-1901-CH", "'CH' looks like a region, which must come before the variant"),
    ("en-Latn-USA", "'USA' (3 letters) can only be an extended language subtag"),
    ("abcd-efg", "only a 2- or 3-letter language takes an extended language subtag"),
    ("en-abc-def-ghi-jkl", "at most three"),
    ("en-US-ab1c", "'ab1c' cannot follow the region"),
    ("en-a", "the extension 'a' has no subtags"),
    ("en-a-x-foo", "the extension 'a' has no subtags"),
    ("en-u-ca-t", "the extension 't' has no subtags"),
    ("en-x", "private use 'x' needs at least one subtag"),
    ("x", "private use 'x' needs at least one subtag"),
    ("i-foo", "only the grandfathered ones"),
    ("en-US-1996-1996", "is not a valid language tag: it repeats the variant '1996'"),
    ("en-a-bb-A-cc", "repeats the extension singleton 'A'"),
    ("en-GB-oed-x", "'oed' (3 letters) can only be an extended language subtag"),
    ("Tieng Viet", "did you mean 'Vietnamese', natively 'Tiếng Việt'?"),
    ("françai", "did you mean 'French'"),
]


@pytest.mark.parametrize(("tag", "words"), MALFORMED)
def test_malformed_tags_say_what_is_wrong(tag: str, words: str) -> None:
    with pytest.raises(InvalidLanguageTagError) as raised:
        supports_language(tag)
    message = str(raised.value)
    assert message.startswith(repr(tag))
    assert words in message
    assert "Give a BCP 47 tag" in message
    with pytest.raises(InvalidLanguageTagError):
        language(tag)
    with pytest.raises(ValueError, match="Give a BCP 47 tag"):
        llama_cards.card().supports_language(tag)


def test_there_are_enough_malformed_cases() -> None:
    assert len(MALFORMED) >= 30
    assert len({tag for tag, _ in MALFORMED}) == len(MALFORMED)


@pytest.mark.parametrize("value", [None, 3, 3.5, b"en", ["en"], {"en": 1}, ("en",)])
def test_a_tag_that_is_not_a_string_is_a_type_error(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match="must be a string"):
        supports_language(value)  # type: ignore[arg-type]  # the wrong type is the test
    with pytest.raises(TypeError, match=type(value).__name__):
        language(value)  # type: ignore[arg-type]  # the wrong type is the test


# ------------------------------------------------------------------ models, find


def test_model_supports_language_delegates() -> None:
    for entry in llama_cards.models():
        assert entry.supports_language("pt-BR") is True
        assert entry.supports_language("ja") is False
        with pytest.raises(InvalidLanguageTagError):
            entry.supports_language("en--US")


BOTH = ["llama-4-scout", "llama-4-maverick"]


@pytest.mark.parametrize(
    ("language_tag", "min_context", "input_modality", "expected"),
    [
        ("hi-IN", None, None, BOTH),
        ("Tagalog", None, None, BOTH),
        ("ja", None, None, []),
        ("hi", 2_000_000, None, ["llama-4-scout"]),
        ("ko", 2_000_000, None, []),
        ("ar", None, "image", BOTH),
        (None, None, None, BOTH),
    ],
)
def test_find_models_by_language(
    language_tag: str | None,
    min_context: int | None,
    input_modality: str | None,
    expected: list[str],
) -> None:
    found = llama_cards.find_models(
        language=language_tag, min_context=min_context, input_modality=input_modality
    )
    assert [m.id for m in found] == expected
    found = llama_cards.card().find_models(
        language=language_tag, min_context=min_context, input_modality=input_modality
    )
    assert [m.id for m in found] == expected


def test_find_models_rejects_a_malformed_language() -> None:
    with pytest.raises(InvalidLanguageTagError, match="empty subtag"):
        llama_cards.find_models(language="pt--BR")
    with pytest.raises(ArgumentTypeError):
        llama_cards.find_models(language=7)  # type: ignore[arg-type]  # the wrong type is the test


# ------------------------------------------------------------------------ caches


def test_an_answer_asked_again_is_the_same() -> None:
    assert supports_language("pt-BR") is True
    assert language("pt-BR") is language("pt-BR") is language("pt_br")


def test_answers_hold_after_many_new_tags_and_for_long_ones() -> None:
    for number in range(2000):
        assert supports_language(f"qaa-x-{number}") is False
    long_tag = "en" + "-x" + "-abcdefgh" * 10
    assert supports_language(long_tag) is True
    assert supports_language("fr-x-after-many-others") is True
    assert language("pt-BR").name == "Portuguese"


def test_no_module_is_named_like_a_public_function() -> None:
    # `import llama_cards.languages` must not give a function: no such module exists.
    assert callable(llama_cards.languages)
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("llama_cards.languages")
