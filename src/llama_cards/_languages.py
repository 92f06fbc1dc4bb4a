"""The languages the card supports, what a language tag names, and the tested image count.

```pycon
>>> import llama_cards
>>> [entry.iso639_1 for entry in llama_cards.languages()][:4]
['ar', 'en', 'fr', 'de']
>>> llama_cards.supports_language("pt_BR"), llama_cards.supports_language("zh-Hant-TW")
(True, False)
>>> llama_cards.language("FRE").name, llama_cards.language("français").name
('French', 'French')
>>> llama_cards.language("en_US.UTF-8").name, llama_cards.language("Inglés").name
('English', 'English')
>>> llama_cards.supports_language("C"), llama_cards.supports_language("ภาษาไทย")
(False, True)
>>> llama_cards.check_images(3)
True

```

What is accepted, tried in this order:

1. A name of a supported language: its English name or its native name, another name it is
   known by (``"Bahasa Indonesia"``), the name of an equivalent code (below), or its name as
   any of the supported languages writes it (:attr:`Language.written_names`: Unicode CLDR's
   display names, ``"Anglais"``, ``"Inglés"``, and a few common spellings CLDR lacks,
   ``"Castellano"``, ``"हिंदी"``, ``"ภาษาไทย"``): ``"French"``, ``"français"``,
   ``"Filipino"``, ``"Französisch"``. Case does not matter and surrounding whitespace is
   ignored; accents count as typed (``"francais"`` is not ``"français"``; Unicode composed
   and decomposed forms are the same).
2. A POSIX locale name, as ``$LANG`` holds it: text with a codeset or a modifier
   (``"en_US.UTF-8"``, ``"pt_BR@euro"``, ``"de_DE.utf8"``), and the locales ``C`` and
   ``POSIX``, which name no language and so are never supported (``False``, and
   :class:`~llama_cards.UnsupportedLanguageError` from :func:`language` saying so). A
   locale is the language of its first part; a script or variant modifier (``@latin``) is
   read as the subtag a tag would use. A locale without codeset or modifier (``"pt_BR"``)
   is a tag as well, read below.
3. A BCP 47 language tag, parsed to the grammar of RFC 5646 (language, extended language,
   script, region, variants, extensions, private use, and the grandfathered tags), in any
   case, with ``_`` taken as ``-``: ``"pt_BR"``, ``"es-419"``, ``"en-US-x-private"``. In the
   language position it also takes every ISO 639 code of a supported language: 639-1
   (``fr``), 639-2/T (``fra``), 639-2/B (``fre``) and 639-3, although BCP 47 itself only uses
   the shortest one.

The answer depends on the language only. The card names languages, not scripts, regions
or variants, so ``pt-BR`` and ``pt-PT``, or ``hi-Latn``, are all supported.

Which related codes name a supported language (each is data, with its reason and source,
in :attr:`Language.equivalents`):

- ``arb`` (Standard Arabic) is Arabic: it is the individual language, within the Arabic
  macrolanguage ``ar``, of the written standard the card names. The spoken varieties of
  the macrolanguage (``arz`` Egyptian, ``afb`` Gulf, ...) are not claimed: the card does
  not name them. The extended-language form ``ar-arb`` is read as ``arb``, and so on.
- ``in`` is Indonesian: the deprecated code that ``id`` replaced (IANA registry), still
  written by older Java runtimes. Malay (``ms``, ``msa``, ``may``, ``zsm``, ``zlm``) is a
  separate standard language and is not Indonesian, although Indonesian belongs to the
  Malay macrolanguage.
- ``fil`` (Filipino) is Tagalog: Filipino is standardised Tagalog, and CLDR maps ``tl``
  to ``fil``, so software in the Philippines sends ``fil`` for the language the card calls
  Tagalog.
- Other deprecated codes (``iw``, ``ji``, ``jw``, ``mo``) belong to unsupported languages;
  the grandfathered ``en-GB-oed`` is English; the other grandfathered tags, private-use
  tags (``x-...``, ``qaa``-``qtz``) and the special codes ``und``, ``mul``, ``mis`` and
  ``zxx`` are well formed and unsupported.

Two consequences of the grammar. Three letters straight after the language are an
extended language subtag, so ``en-USA`` names the language ``usa`` and is unsupported
(write ``en-US``). A word of 4 to 8 letters is well formed in the language position, so the
English name of an unsupported language such as ``"Chinese"`` gives ``False``, while a
longer one such as ``"Ukrainian"`` (a subtag has at most 8 characters) is malformed, and
its error says that it is not the name of a supported language either.

A well-formed tag or locale of another language gives ``False`` (and
:class:`~llama_cards.UnsupportedLanguageError` from :func:`language`); text that is neither
a name nor a well-formed locale or tag raises :class:`~llama_cards.InvalidLanguageTagError`
saying what is wrong with it and which kinds of names are accepted.

``PRETRAINING_LANGUAGE_COUNT`` and ``MAX_TESTED_IMAGES`` are read from the card data on
first use, so importing the package does not load the data.
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
import re
from datetime import date
from typing import TYPE_CHECKING, Optional

from ._base import FieldSource, FrozenRecord, Positive, Source
from .errors import (
    ArgumentTypeError,
    DataIntegrityError,
    InvalidLanguageTagError,
    UnsupportedLanguageError,
    quote_input,
)

if TYPE_CHECKING:
    # The parsers are imported where text is parsed: common tags and locales never need them.
    from ._bcp47 import LanguageTag, PosixLocale

__all__ = [
    "EquivalentCode",
    "ImageTesting",
    "Language",
    "LanguageCoverage",
    "LanguageIndex",
    "LanguageName",
    "LanguagesPart",
    "WrittenName",
]


class EquivalentCode(FrozenRecord):
    """A code of another name that is taken to mean a supported language, and why."""

    code: str
    """The code, lowercase, e.g. ``"fil"``."""
    name: str
    """The language name the code's registry gives, e.g. ``"Filipino"``."""
    reason: str
    """Why the code is taken to mean the supported language, in short words."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class LanguageName(FrozenRecord):
    """Another name a supported language is known by, and why it names that language."""

    name: str
    """The name, as it is written, e.g. ``"Bahasa Indonesia"``."""
    reason: str
    """Why the name is taken to mean the supported language, in short words."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class WrittenName(FrozenRecord):
    """A name of a supported language as one or more of the supported languages write it.

    Most are Unicode CLDR's display names (``"anglais"``, French for English); a few common
    spellings CLDR does not give (``"castellano"``) cite a document of their own and say why
    they are taken.

    ```pycon
    >>> import llama_cards
    >>> french = llama_cards.language("en").written_names[1]
    >>> french.name, french.written_in, french.source.document
    ('anglais', ('fr',), 'cldr')

    ```
    """

    name: str
    """The name as written (NFC), e.g. ``"anglais"``; lookups ignore case and spacing."""
    written_in: tuple[str, ...]
    """ISO 639-1 codes of the supported languages that write it so, in the card's order,
    e.g. ``("fr",)``."""
    code: str
    """The code the name is CLDR's display name of, e.g. ``"en"``; ``"fil"`` for the names
    CLDR gives Filipino, the code taken to mean Tagalog."""
    source: Source
    """Where the name is written: CLDR's display names, or a document of its own."""
    reason: Optional[str] = None
    """Why a name that is not CLDR's display name is taken (``None`` for CLDR's)."""


class Language(FrozenRecord):
    """A language the card lists as supported, with its ISO 639 codes and native name.

    ```pycon
    >>> import llama_cards
    >>> german = llama_cards.language("de-AT")
    >>> german.name, german.iso639_2t, german.iso639_2b, german.native_name
    ('German', 'deu', 'ger', 'Deutsch')
    >>> german.codes
    ('de', 'deu', 'ger')

    ```
    """

    name: str
    """The English name, as the card prints it, e.g. ``"German"``."""
    iso639_1: str
    """ISO 639-1 code, e.g. ``"de"``; also the BCP 47 language subtag."""
    iso639_2t: str
    """ISO 639-2 terminology code, e.g. ``"deu"``."""
    iso639_2b: str
    """ISO 639-2 bibliographic code, e.g. ``"ger"`` (equal to the T code where they agree)."""
    iso639_3: str
    """ISO 639-3 code, e.g. ``"deu"`` (``"ara"`` for Arabic is the macrolanguage)."""
    native_name: str
    """The language's name for itself (endonym), e.g. ``"Deutsch"``."""
    other_names: tuple[LanguageName, ...]
    """Other names taken to mean this language (``"Bahasa Indonesia"``), with reasons."""
    equivalents: tuple[EquivalentCode, ...]
    """Other codes taken to mean this language (``arb``, ``in``, ``fil``), with reasons."""
    written_names: tuple[WrittenName, ...] = ()
    """Its names as the supported languages write them (``"anglais"``, ``"Inglés"``),
    beyond the names above; empty in a document of schema 1.0."""
    source: Source
    """Where the card lists the language."""
    codes_source: Source
    """Where the ISO 639 codes come from."""
    native_name_source: Source
    """Where the native name comes from."""

    @property
    def codes(self) -> "tuple[str, ...]":
        """The ISO 639 codes, each once: 639-1, 639-2/T, 639-2/B, 639-3."""
        return tuple(dict.fromkeys((self.iso639_1, self.iso639_2t, self.iso639_2b, self.iso639_3)))

    def __str__(self) -> str:
        return self.name


class LanguageCoverage(FrozenRecord):
    """What the card says about languages beyond the supported ones."""

    pretraining_language_count: Positive
    """How many languages pre-training covered in all, e.g. ``200``."""
    fine_tuning: str
    """What the card allows for other languages, in short words."""
    source: Source


class ImageTesting(FrozenRecord):
    """What the card says about how many input images were tested."""

    max_tested_images: Positive
    """The most input images that image understanding was tested with, e.g. ``5``."""
    beyond: str
    """What the card asks of a deployment that uses more, in short words."""
    source: Source


# ---------------------------------------------------------------------- lookups


class LanguageIndex:
    """A card's languages by code and by name; built once per card and kept with it."""

    __slots__ = ("by_code", "by_folded_name", "by_name", "coverage", "entries")

    def __init__(self, entries: "tuple[Language, ...]", coverage: LanguageCoverage) -> None:
        self.entries = entries
        self.coverage = coverage
        self.by_code: dict[str, Language] = {}
        self.by_name: dict[str, Language] = {}
        self.by_folded_name: dict[str, Language] = {}
        for entry in entries:
            codes = [*entry.codes, *(equivalent.code for equivalent in entry.equivalents)]
            for code in codes:
                _claim(self.by_code, code.lower(), entry)
            names = [
                entry.name,
                entry.native_name,
                *(other.name for other in entry.other_names),
                *(e.name for e in entry.equivalents),
                *(written.name for written in entry.written_names),
            ]
            for name in names:
                key = _name_key(name)
                _claim(self.by_name, key, entry)
                self.by_folded_name.setdefault(_fold_key(key), entry)

    def find(self, tag: object) -> Language:
        """The supported language ``tag`` names, or the error that says why there is none."""
        return find_language(self, tag)

    def supports(self, tag: object) -> bool:
        """Whether ``tag`` names a supported language (False for a well-formed other tag)."""
        return is_supported(self, tag)


def _claim(index: "dict[str, Language]", key: str, entry: Language) -> None:
    if index.setdefault(key, entry) is not entry:
        raise DataIntegrityError(
            f"{key!r} is given to two languages, {index[key].name} and {entry.name}"
        )


def _name_key(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _fold(text: str) -> str:
    """``text`` without accents, for suggestions only (``"Tiếng Việt"`` -> ``"tieng viet"``)."""
    return _fold_key(_name_key(text))


def _fold_key(key: str) -> str:
    """A name's key (:func:`_name_key`) without accents."""
    if key.isascii():  # nothing to take off: the common case, answered without a loop
        return key
    import unicodedata

    decomposed = unicodedata.normalize("NFD", key)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_ACCEPTED = (
    "Give a BCP 47 tag ('pt-BR'), an ISO 639 code ('fra'), a locale name ('pt_BR.UTF-8'), "
    "or the name of a language in English or in one of the supported languages ('French', "
    "'français', 'Französisch')"
)


def _find(
    index: LanguageIndex, tag: object
) -> "tuple[Optional[Language], Optional[LanguageTag | PosixLocale]]":
    """The supported language ``tag`` names (or None) and what it was read as: None for a
    name, else the parsed locale or tag."""
    if not isinstance(tag, str):
        raise ArgumentTypeError(
            f"a language tag must be a string such as 'en' or 'pt-BR', got "
            f"{type(tag).__name__} {quote_input(tag)}"
        )
    found = index.by_name.get(_name_key(tag))
    if found is not None:
        return found, None
    from ._bcp47 import looks_like_locale, parse, parse_locale

    text = tag.strip()
    if looks_like_locale(text):
        try:
            locale = parse_locale(text, shown=tag)
        except InvalidLanguageTagError as error:
            raise InvalidLanguageTagError(f"{error}. {_ACCEPTED}") from None
        if locale.tag is None:
            return None, locale
        code = locale.tag.effective_language
        return (index.by_code.get(code) if code is not None else None), locale
    try:
        parsed = parse(text, shown=tag)
    except InvalidLanguageTagError as error:
        if text:
            problem = (
                f"{error}; nor is it the name of a supported language in English or in one "
                "of the supported languages"
            )
            problem += _suggestion(index, tag)
        else:
            problem = f"{error}"
        raise InvalidLanguageTagError(f"{problem}. {_ACCEPTED}") from None
    code = parsed.effective_language
    return (index.by_code.get(code) if code is not None else None), parsed


def _suggestion(index: LanguageIndex, text: str) -> str:
    folded = _fold(text)
    found = index.by_folded_name.get(folded)
    if found is None:
        import difflib

        near = difflib.get_close_matches(folded, list(index.by_folded_name), n=1, cutoff=0.75)
        if not near:
            return ""
        found = index.by_folded_name[near[0]]
    if found.native_name == found.name:
        return f" (did you mean {found.name!r}?)"
    return f" (did you mean {found.name!r}, natively {found.native_name!r}?)"


def _unsupported(
    index: LanguageIndex, tag: str, parsed: "LanguageTag | PosixLocale"
) -> UnsupportedLanguageError:
    from ._bcp47 import PosixLocale

    if isinstance(parsed, PosixLocale):
        if parsed.tag is None:
            what = f"{tag!r} is the POSIX locale, which names no language"
        else:
            what = (
                f"{tag!r} is a locale of the language {parsed.tag.effective_language!r}, "
                "which is not supported"
            )
        return _unsupported_error(index, what)
    code = parsed.effective_language
    if code is None and parsed.grandfathered:
        what = f"{quote_input(tag)} is a grandfathered tag that names no particular language"
    elif code is None:
        what = f"{quote_input(tag)} is a private-use tag, which names no registered language"
    elif len(code) > 3:
        what = (
            f"{quote_input(tag)} is well formed as a tag, but no language has the subtag "
            f"{code!r} (language "
            "subtags in use have 2 or 3 letters), and it is not the name of a supported language"
        )
    else:
        what = (
            f"{quote_input(tag)} is a well-formed tag of the language {code!r}, which is not "
            "supported"
        )
    primary = index.by_code.get(parsed.language)
    if parsed.extlangs and primary is not None:
        what += (
            f" (the 3-letter subtag after {parsed.language!r} is an extended language subtag, "
            f"so the tag names the language {code!r}, not {primary.name}; a region is 2 "
            "letters or 3 digits, as in 'pt-BR' or 'es-419')"
        )
    elif "-" not in tag.strip() and "_" not in tag:
        what += _suggestion(index, tag)
    return _unsupported_error(index, what)


def _unsupported_error(index: LanguageIndex, what: str) -> UnsupportedLanguageError:
    supported = ", ".join(f"{entry.name} ({entry.iso639_1})" for entry in index.entries)
    coverage = index.coverage
    return UnsupportedLanguageError(
        f"{what}. The card supports {len(index.entries)} languages: {supported}. "
        f"{coverage.fine_tuning} (Pre-training covered {coverage.pretraining_language_count} "
        "languages in all.)"
    )


# A language subtag with a script, a region, both or neither ("pt-BR", "zh-Hant-TW",
# "es_419", "FR"): the common tag, whose language is its first subtag, read without the
# full parser (and below, the common locale name). A name that happens to look like one is
# still taken as the name.
_SIMPLE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?")


# A common locale name ($LANG): a language, a territory or none, then a codeset, a modifier
# or both ("en_US.UTF-8", "pt_BR@euro", "sr_RS@latin"). Each match is a well-formed locale
# whose language is its first part, as the locale parser reads it.
_SIMPLE_LOCALE = re.compile(
    r"([A-Za-z]{2,3})(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:\.[A-Za-z0-9][A-Za-z0-9_.-]*)?(?:@[A-Za-z0-9_-]+)?"
)


def _simple_language(index: LanguageIndex, tag: str) -> "Optional[str]":
    """The language subtag of a common tag or locale name, lowercase, or None for any other
    text."""
    match = _SIMPLE_TAG.fullmatch(tag) or _SIMPLE_LOCALE.fullmatch(tag)
    if match is None or tag.lower() in index.by_name:
        return None
    return match.group(1).lower()


def find_language(index: LanguageIndex, tag: object) -> Language:
    """The supported language ``tag`` names, or the error that says why there is none."""
    if type(tag) is str:
        code = _simple_language(index, tag)
        if code is not None and code in index.by_code:
            return index.by_code[code]
    found, parsed = _find(index, tag)
    if found is None:
        assert parsed is not None  # a name that matched would have been found
        raise _unsupported(index, str(tag), parsed)
    return found


def is_supported(index: LanguageIndex, tag: object) -> bool:
    """Whether ``tag`` names a supported language (False for a well-formed other tag)."""
    if type(tag) is str:
        code = _simple_language(index, tag)
        if code is not None:
            return code in index.by_code
    return _find(index, tag)[0] is not None


class LanguagesPart(FrozenRecord):
    """The part of a :class:`Card` that holds its languages and image testing (one data file)."""

    languages: tuple[Language, ...]
    """The supported languages, in the card's order."""
    language_coverage: LanguageCoverage
    """How many languages pre-training covered, and what the card allows for others."""
    image_testing: ImageTesting
    """How many input images image understanding was tested with."""
    written_names_generated: Optional[date] = None
    """The day the languages' :attr:`~Language.written_names` were generated from CLDR
    (whose release the ``cldr`` document names); ``None`` in a document of schema 1.0."""
