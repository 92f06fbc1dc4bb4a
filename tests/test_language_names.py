"""The names of the supported languages in each supported language, and locale names ($LANG).

The names are data of the languages part (``Language.written_names``), generated from
Unicode CLDR by ``tools/language_names.py``; the tests check the data against itself and
every answer ``language()`` and ``supports_language()`` give for names and locales.
"""

from __future__ import annotations

import json
import string
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    Card,
    DataIntegrityError,
    InvalidLanguageTagError,
    Language,
    UnsupportedLanguageError,
    WrittenName,
    language,
    languages,
    supports_language,
)
from llama_cards._bcp47 import looks_like_locale, parse
from llama_cards._languages import _name_key  # the index's key: names must agree with it
from shipped import card_document, part_bytes

# The last sentence of every error for text that is neither a name nor a tag nor a locale:
# which kinds of names are accepted.
ACCEPTED = (
    "Give a BCP 47 tag ('pt-BR'), an ISO 639 code ('fra'), a locale name ('pt_BR.UTF-8'), "
    "or the name of a language in English or in one of the supported languages ('French', "
    "'français', 'Französisch')"
)

# The documents the names cite, as the card's `documents` list them.
NEW_DOCUMENTS: dict[str, dict[str, Optional[str]]] = {
    "cldr": {
        "title": "Unicode Common Locale Data Repository (CLDR), language display names",
        "publisher": "Unicode Consortium",
        "version": "49",
        "updated": None,
        "url": "https://cldr.unicode.org/downloads/cldr-49",
    },
    "central-hindi-directorate-spelling": {
        "title": "देवनागरी लिपि तथा हिंदी वर्तनी का मानकीकरण (Standardisation of Devanagari "
        "Script and Hindi Spelling)",
        "publisher": "Central Hindi Directorate (केंद्रीय हिंदी निदेशालय), Ministry of "
        "Education, Government of India",
        "version": None,
        "updated": None,
        "url": "http://hindinideshalaya.nic.in/english/schemeofpublication/devanagari.html",
    },
    "constitucion-espanola": {
        "title": "Constitución Española",
        "publisher": "Agencia Estatal Boletín Oficial del Estado (BOE)",
        "version": "BOE-A-1978-31229",
        "updated": None,
        "url": "https://www.boe.es/buscar/act.php?id=BOE-A-1978-31229",
    },
    "thai-basic-education-core-curriculum": {
        "title": "หลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑ (Basic Education Core "
        "Curriculum B.E. 2551, A.D. 2008)",
        "publisher": "Ministry of Education, Thailand (Office of the Basic Education Commission)",
        "version": "B.E. 2551",
        "updated": None,
        "url": "https://www.obec.go.th/",
    },
}

# How many names each language gains, in the card's order: CLDR's display names in the
# twelve languages that the card's data does not give it already, then the variants.
EXPECTED_COUNTS = {
    "ar": 8,
    "en": 10,
    "fr": 9,
    "de": 9,
    "hi": 4,
    "id": 9,
    "it": 7,
    "pt": 9,
    "es": 10,
    "tl": 10,
    "th": 9,
    "vi": 7,
}

# A sample, written from CLDR 49's main/<locale>.xml and the variants' own documents:
# name, the language it names, the languages that write it so.
EXPECTED_NAMES = [
    ("anglais", "en", ("fr",)),  # French for English: today it answers False
    ("inglés", "en", ("es",)),
    ("Englisch", "en", ("de",)),
    ("الإنجليزية", "en", ("ar",)),
    ("Inggris", "en", ("id",)),
    ("Tiếng Anh", "en", ("vi",)),
    ("อังกฤษ", "en", ("th",)),
    ("Französisch", "fr", ("de",)),
    ("árabe", "ar", ("pt", "es")),
    ("Arab", "ar", ("id",)),
    ("Thailändisch", "th", ("de",)),
    ("vietnamita", "vi", ("it", "pt", "es")),
    ("Italia", "it", ("id",)),
    ("tagalo", "tl", ("pt", "es")),
    ("filippino", "tl", ("it",)),  # CLDR's Italian for Filipino (fil), taken as Tagalog
    ("हिंदी", "hi", ("hi",)),  # not CLDR's: the Central Hindi Directorate's spelling
    ("castellano", "es", ("es",)),  # not CLDR's: Article 3 of Spain's constitution
    ("ภาษาไทย", "th", ("th",)),  # not CLDR's: Thailand's core curriculum
]

VARIANTS = {
    "हिंदी": "central-hindi-directorate-spelling",
    "castellano": "constitucion-espanola",
    "ภาษาไทย": "thai-basic-education-core-curriculum",
}

# CLDR has no Tagalog locale; the tool reads Tagalog's from Filipino's (main/fil.xml).
CLDR_LOCALE = {"tl": "fil"}


def _all_names() -> list[tuple[str, WrittenName]]:
    return [(entry.iso639_1, name) for entry in languages() for name in entry.written_names]


def _card_keys() -> dict[str, str]:
    """Every code and name the card's language records give, by key, to its language."""
    keys: dict[str, str] = {}
    for entry in languages():
        for code in (*entry.codes, *(e.code for e in entry.equivalents)):
            keys[code.lower()] = entry.iso639_1
        names = [entry.name, entry.native_name, *(o.name for o in entry.other_names)]
        names += [e.name for e in entry.equivalents]
        for name in names:
            keys[_name_key(name)] = entry.iso639_1
    return keys


# ------------------------------------------------------------------------- data


def test_counts_per_language() -> None:
    assert {entry.iso639_1: len(entry.written_names) for entry in languages()} == EXPECTED_COUNTS
    assert list(EXPECTED_COUNTS) == [entry.iso639_1 for entry in languages()]


@pytest.mark.parametrize(("name", "code", "written_in"), EXPECTED_NAMES)
def test_expected_names_are_there(name: str, code: str, written_in: tuple[str, ...]) -> None:
    found = [(language, entry) for language, entry in _all_names() if entry.name == name]
    assert len(found) == 1, name
    owner, entry = found[0]
    assert owner == code
    assert entry.written_in == written_in


def test_no_name_is_given_to_two_languages() -> None:
    owners = _card_keys()
    for owner, entry in _all_names():
        assert owners.setdefault(_name_key(entry.name), owner) == owner, entry.name


def test_no_name_repeats_one_the_card_already_gives() -> None:
    card_keys = _card_keys()
    seen: set[str] = set()
    for _, entry in _all_names():
        key = _name_key(entry.name)
        assert key not in card_keys, entry.name
        assert key not in seen, entry.name
        seen.add(key)


def test_no_name_could_be_read_as_a_code_or_a_locale() -> None:
    # Names are looked up before tags: a name that is also a language code, or a tag whose
    # language is a 2- or 3-letter code, would take that code from its language.
    for _, entry in _all_names():
        assert not looks_like_locale(entry.name), entry.name
        try:
            tag = parse(entry.name)
        except InvalidLanguageTagError:
            continue
        code = tag.effective_language
        assert code is None or len(code) > 3, entry.name


def test_names_are_nfc_trimmed_and_single_spaced() -> None:
    for _, entry in _all_names():
        assert entry.name
        assert unicodedata.normalize("NFC", entry.name) == entry.name
        assert " ".join(entry.name.split()) == entry.name


def test_written_in_names_supported_languages_in_the_cards_order() -> None:
    order = [entry.iso639_1 for entry in languages()]
    for _, entry in _all_names():
        assert entry.written_in
        assert list(entry.written_in) == sorted(set(entry.written_in), key=order.index)


def test_each_code_is_the_language_or_an_equivalent_code() -> None:
    for owner, entry in _all_names():
        supported = llama_cards.language(owner)
        assert entry.code in (owner, *(e.code for e in supported.equivalents)), entry.name


def test_cldr_names_cite_the_locale_files_they_are_read_from() -> None:
    for _, entry in _all_names():
        if entry.name in VARIANTS:
            continue
        assert entry.source.document == "cldr"
        assert entry.source.derived is None
        assert entry.reason is None
        files = ", ".join(f"main/{CLDR_LOCALE.get(c, c)}.xml" for c in entry.written_in)
        assert entry.source.section == (
            f"localeDisplayNames/languages, type '{entry.code}', in {files}"
        )


def test_variants_cite_their_own_documents_and_say_why() -> None:
    found = {
        entry.name: entry.source.document
        for _, entry in _all_names()
        if entry.source.document != "cldr"
    }
    assert found == VARIANTS
    for _, entry in _all_names():
        if entry.name in VARIANTS:
            assert entry.reason
            assert entry.source.section
            assert entry.source.derived is None


def test_every_document_cited_is_one_the_card_lists() -> None:
    listed = {document.id: document for document in llama_cards.card().documents}
    for document_id, fields in NEW_DOCUMENTS.items():
        document = listed[document_id]
        found = {name: getattr(document, name) for name in fields}
        found["updated"] = None if document.updated is None else str(document.updated)
        assert found == fields, document_id
    cited = {entry.source.document for _, entry in _all_names()}
    assert cited == set(NEW_DOCUMENTS)


def test_the_cldr_release_and_the_generation_day_are_recorded() -> None:
    cldr = llama_cards.document("cldr")
    assert cldr.version == "49"
    assert cldr.url == f"https://cldr.unicode.org/downloads/cldr-{cldr.version}"
    assert llama_cards.card().written_names_generated == date(2026, 12, 1)


def test_shipped_file_validates_and_equals_the_trusted_load() -> None:
    validated = Card.model_validate_json(card_document("4"))
    current = llama_cards.card()
    assert [entry.written_names for entry in validated.languages] == [
        entry.written_names for entry in current.languages
    ]
    assert validated.written_names_generated == current.written_names_generated


def test_the_records_are_frozen() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        _all_names()[0][1].name = "x"  # type: ignore[misc]  # frozen: the test checks it


def test_records_round_trip_through_json() -> None:
    for _, entry in _all_names():
        assert WrittenName.model_validate_json(entry.model_dump_json()) == entry
    english = language("en")
    assert Language.model_validate_json(english.model_dump_json()) == english


# ------------------------------------------------------------- schema 1.0 documents


def _document_without_names() -> dict[str, Any]:
    """The shipped card as a schema 1.0 document: no written names, no generation day."""
    data: dict[str, Any] = json.loads(card_document("4"))
    data["schema_version"] = "1.0"
    del data["written_names_generated"]
    for entry in data["languages"]:
        del entry["written_names"]
    return data


def test_a_document_of_schema_1_0_reads_without_names() -> None:
    old = Card.from_json(json.dumps(_document_without_names()))
    assert old.written_names_generated is None
    assert all(entry.written_names == () for entry in old.languages)
    assert old.supports_language("French") is True
    assert old.supports_language("pt_BR.UTF-8") is True
    # Without the names, a name in another language is what it was: a well-formed tag of
    # no language, or a malformed one.
    assert old.supports_language("Anglais") is False
    with pytest.raises(InvalidLanguageTagError):
        old.supports_language("Inglés")


def test_the_languages_part_file_keeps_the_records_field_order() -> None:
    part = json.loads(part_bytes("4", "languages"))
    for entry in part["languages"]:
        assert list(entry) == [name for name in Language.model_fields if name in entry]
        for written in entry["written_names"]:
            assert list(written) == [name for name in WrittenName.model_fields if name in written]


_TOOL = Path(__file__).resolve().parent.parent / "tools" / "language_names.py"


def test_the_tool_writes_the_shipped_names_from_cldr() -> None:
    # The names are generated, not typed: the tool, run on the CLDR release the data cites
    # and on the day it records, prints the shipped file byte for byte.
    babel = pytest.importorskip("babel.core", reason="Babel is the data-tools extra")
    if str(babel.get_cldr_version()) != llama_cards.document("cldr").version or not (
        _TOOL.exists()
    ):
        pytest.skip("needs the repository's tool and Babel with the cited CLDR release")
    generated = llama_cards.card().written_names_generated
    assert generated is not None
    done = subprocess.run(
        [sys.executable, str(_TOOL), "--date", generated.isoformat()],
        capture_output=True,
        check=True,
    )
    assert done.stdout == part_bytes("4", "languages")
    assert b"CLDR 49" in done.stderr


def test_a_card_giving_a_written_name_to_two_languages_is_refused() -> None:
    current = llama_cards.card()
    english, french = current.language("en"), current.language("fr")
    stolen = english.written_names[1]  # "anglais", French for English
    assert stolen.name == "anglais"
    french = french.model_copy(update={"written_names": (*french.written_names, stolen)})
    broken = current.model_copy(update={"languages": (english, french)})
    with pytest.raises(DataIntegrityError, match="'anglais' is given to two languages"):
        broken.supports_language("Anglais")


# ------------------------------------------------------- what holds already, and stays


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("हिन्दी", "Hindi"),
        ("ไทย", "Thai"),
        ("español", "Spanish"),
        ("Bahasa Indonesia", "Indonesian"),
        ("Filipino", "Tagalog"),
        ("en_US", "English"),  # a locale without codeset or modifier is a tag too
        ("pt_BR", "Portuguese"),
    ],
)
def test_names_and_tags_that_resolve_already(text: str, name: str) -> None:
    assert supports_language(text) is True
    assert language(text).name == name


def test_posix_is_a_well_formed_tag_of_no_supported_language() -> None:
    assert supports_language("POSIX") is False


_locale_like = st.text(alphabet="enUSCPOIXfrdt8-_.@1", max_size=16)


@settings(deadline=None)
@given(st.one_of(_locale_like, st.text(max_size=12)))
def test_any_text_is_an_answer_or_an_invalid_tag(text: str) -> None:
    try:
        answer = supports_language(text)
    except InvalidLanguageTagError:
        return
    assert answer is True or answer is False


# ------------------------------------------------------------ once wired: names


def _every_name() -> list[tuple[str, str]]:
    return [(entry.name, code) for code, entry in _all_names()]


@pytest.mark.parametrize(("name", "code"), _every_name())
def test_every_name_finds_its_language(name: str, code: str) -> None:
    for spelling in (name, name.upper(), f" {name} ", unicodedata.normalize("NFD", name)):
        assert supports_language(spelling) is True
        assert language(spelling).iso639_1 == code


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("Anglais", "English"),
        ("Inglés", "English"),
        ("हिंदी", "Hindi"),
        ("ภาษาไทย", "Thai"),
        ("Castellano", "Spanish"),
        ("Französisch", "French"),
        ("Tiếng Anh", "English"),
        ("Portugiesisch", "Portuguese"),
        ("filippino", "Tagalog"),
    ],
)
def test_the_issues_names(name: str, english: str) -> None:
    assert supports_language(name) is True
    assert language(name).name == english
    assert llama_cards.card().language(name).name == english


# ---------------------------------------------------------- once wired: locales

SUPPORTED_LOCALES = [
    ("en_US.UTF-8", "English"),
    ("pt_BR@euro", "Portuguese"),
    ("de_DE.utf8", "German"),
    ("en_US.ISO-8859-1", "English"),
    ("de_DE.UTF-8@euro", "German"),
    ("fr_CA.UTF-8", "French"),
    ("es_419.UTF-8", "Spanish"),
    ("fil_PH.UTF-8", "Tagalog"),  # fil is taken as Tagalog
    ("tl_PH.UTF-8", "Tagalog"),
    ("th_TH.TIS-620", "Thai"),
    ("hi_IN.UTF-8", "Hindi"),
    ("id_ID.UTF-8", "Indonesian"),
    ("vi_VN.UTF-8", "Vietnamese"),
    ("ar_EG.UTF-8", "Arabic"),
    ("it_IT@euro", "Italian"),
    ("en.UTF-8", "English"),
    ("EN_us.utf8", "English"),
    (" en_US.UTF-8\n", "English"),  # surrounding whitespace is ignored, as for tags
    ("en.US", "English"),  # a locale of codeset 'US': malformed as a tag, English as a locale
    ("en@latin", "English"),  # a script modifier, read as en-Latn
]


@pytest.mark.parametrize(("text", "name"), SUPPORTED_LOCALES)
def test_locales_of_supported_languages(text: str, name: str) -> None:
    assert supports_language(text) is True
    assert language(text).name == name


UNSUPPORTED_LOCALES = [
    ("sr_RS@latin", "'sr_RS@latin' is a locale of the language 'sr', which is not supported"),
    ("ca_ES@valencia", "'ca_ES@valencia' is a locale of the language 'ca', which is not supported"),
    ("ja_JP.UTF-8", "'ja_JP.UTF-8' is a locale of the language 'ja', which is not supported"),
    ("C", "'C' is the POSIX locale, which names no language"),
    ("C.UTF-8", "'C.UTF-8' is the POSIX locale, which names no language"),
    ("POSIX", "'POSIX' is the POSIX locale, which names no language"),
    ("c.utf8", "'c.utf8' is the POSIX locale, which names no language"),
]


@pytest.mark.parametrize(("text", "words"), UNSUPPORTED_LOCALES)
def test_locales_of_no_supported_language(text: str, words: str) -> None:
    # C is one letter, which as a tag would be a malformed singleton; as the POSIX locale
    # ($LANG=C) it is well formed and names no language, so the answer is False.
    assert supports_language(text) is False
    with pytest.raises(UnsupportedLanguageError) as raised:
        language(text)
    message = str(raised.value)
    assert message.startswith(words)
    assert "The card supports 12 languages: Arabic (ar), English (en)" in message


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("en_US.", "the codeset after '.' is empty"),
        ("de_DE@euro.UTF-8", "'.' follows the modifier, but the codeset comes before it"),
        ("english.UTF-8", "the language 'english' is not 2 or 3 letters"),
        ("en_USA.UTF-8", "the territory 'USA' is not 2 letters or 3 digits"),
        (".UTF-8", "it has no language before the codeset"),
    ],
)
def test_malformed_locales_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InvalidLanguageTagError) as raised:
        supports_language(text)
    message = str(raised.value)
    assert message.startswith(f"{text!r} is not a well-formed locale name: {problem}")
    assert message.endswith(ACCEPTED)


# ------------------------------------------------------ once wired: the error text


@pytest.mark.parametrize("text", ["Ukrainian", "en--US", "日本語", "Anglaiss!"])
def test_a_name_in_no_list_says_which_names_are_accepted(text: str) -> None:
    with pytest.raises(InvalidLanguageTagError) as raised:
        supports_language(text)
    message = str(raised.value)
    assert "nor is it the name of a supported language in English or in one of the supported" in (
        message
    )
    assert message.endswith(ACCEPTED)


_supported_code = st.sampled_from([entry.iso639_1 for entry in languages()])
_codeset = st.sampled_from(["UTF-8", "utf8", "ISO-8859-1", "ISO8859-15", "eucJP", "TIS-620"])


@settings(deadline=None)
@given(
    _supported_code,
    st.one_of(st.none(), st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2)),
    _codeset,  # always one: without codeset or modifier the locale is a tag, supported today
    st.one_of(st.none(), st.sampled_from(["euro", "latin", "cyrillic", "valencia", "x"])),
)
def test_any_locale_of_a_supported_language_is_supported(
    code: str, territory: Optional[str], codeset: str, modifier: Optional[str]
) -> None:
    text = code + (f"_{territory}" if territory else "") + f".{codeset}"
    text += f"@{modifier}" if modifier else ""
    assert supports_language(text) is True
    assert language(text).iso639_1 == code
