"""The languages the card supports, what a language tag names, and the tested image count.

```pycon
>>> import llama_cards
>>> [entry.iso639_1 for entry in llama_cards.languages()][:4]
['ar', 'en', 'fr', 'de']
>>> llama_cards.supports_language("pt_BR"), llama_cards.supports_language("zh-Hant-TW")
(True, False)
>>> llama_cards.language("FRE").name, llama_cards.language("français").name
('French', 'French')
>>> llama_cards.check_images(3)
True

```

What is accepted, tried in this order:

1. The English name or the native name of a supported language, another name it is
   known by (``"Bahasa Indonesia"``), or the name of an equivalent code (below):
   ``"French"``, ``"français"``, ``"Filipino"``. Case does not matter and surrounding
   whitespace is ignored; accents count as typed (``"francais"`` is not ``"français"``;
   Unicode composed and decomposed forms are the same).
2. A BCP 47 language tag, parsed to the grammar of RFC 5646 (language, extended language,
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

A well-formed tag of another language gives ``False`` (and
:class:`~llama_cards.UnsupportedLanguageError` from :func:`language`); text that is neither
a name nor a well-formed tag raises :class:`~llama_cards.InvalidLanguageTagError` saying
what is wrong with it.

``PRETRAINING_LANGUAGE_COUNT`` and ``MAX_TESTED_IMAGES`` are read from the card data on
first use, so importing the package does not load the data.
"""

from __future__ import annotations

import re
from typing import Optional

from ._base import FrozenRecord, Source
from ._bcp47 import LanguageTag, parse
from .errors import (
    ArgumentTypeError,
    DataIntegrityError,
    InvalidLanguageTagError,
    UnsupportedLanguageError,
    quote_input,
)

__all__ = [
    "EquivalentCode",
    "ImageTesting",
    "Language",
    "LanguageCoverage",
    "LanguageIndex",
    "LanguageName",
    "LanguagesPart",
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


class LanguageName(FrozenRecord):
    """Another name a supported language is known by, and why it names that language."""

    name: str
    """The name, as it is written, e.g. ``"Bahasa Indonesia"``."""
    reason: str
    """Why the name is taken to mean the supported language, in short words."""
    source: Source


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
    source: Source
    """Where the card lists the language."""
    codes_source: Source
    """Where the ISO 639 codes come from."""
    native_name_source: Source
    """Where the native name comes from."""

    @property
    def codes(self) -> tuple[str, ...]:
        """The ISO 639 codes, each once: 639-1, 639-2/T, 639-2/B, 639-3."""
        return tuple(dict.fromkeys((self.iso639_1, self.iso639_2t, self.iso639_2b, self.iso639_3)))

    def __str__(self) -> str:
        return self.name


class LanguageCoverage(FrozenRecord):
    """What the card says about languages beyond the supported ones."""

    pretraining_language_count: int
    """How many languages pre-training covered in all, e.g. ``200``."""
    fine_tuning: str
    """What the card allows for other languages, in short words."""
    source: Source


class ImageTesting(FrozenRecord):
    """What the card says about how many input images were tested."""

    max_tested_images: int
    """The most input images that image understanding was tested with, e.g. ``5``."""
    beyond: str
    """What the card asks of a deployment that uses more, in short words."""
    source: Source


# ---------------------------------------------------------------------- lookups


class LanguageIndex:
    """A card's languages by code and by name; built once per card and kept with it."""

    __slots__ = ("by_code", "by_folded_name", "by_name", "coverage", "entries")

    def __init__(self, entries: tuple[Language, ...], coverage: LanguageCoverage) -> None:
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
            ]
            for name in names:
                _claim(self.by_name, _name_key(name), entry)
                self.by_folded_name.setdefault(_fold(name), entry)

    def find(self, tag: object) -> Language:
        """The supported language ``tag`` names, or the error that says why there is none."""
        return find_language(self, tag)

    def supports(self, tag: object) -> bool:
        """Whether ``tag`` names a supported language (False for a well-formed other tag)."""
        return is_supported(self, tag)


def _claim(index: dict[str, Language], key: str, entry: Language) -> None:
    if index.setdefault(key, entry) is not entry:
        raise DataIntegrityError(
            f"{key!r} is given to two languages, {index[key].name} and {entry.name}"
        )


def _name_key(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _fold(text: str) -> str:
    """``text`` without accents, for suggestions only (``"Tiếng Việt"`` -> ``"tieng viet"``)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", _name_key(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _find(index: LanguageIndex, tag: object) -> tuple[Optional[Language], Optional[LanguageTag]]:
    """The supported language ``tag`` names (or None) and the parsed tag (None for a name)."""
    if not isinstance(tag, str):
        raise ArgumentTypeError(
            f"a language tag must be a string such as 'en' or 'pt-BR', got "
            f"{type(tag).__name__} {quote_input(tag)}"
        )
    found = index.by_name.get(_name_key(tag))
    if found is not None:
        return found, None
    text = tag.strip()
    try:
        parsed = parse(text, shown=tag)
    except InvalidLanguageTagError as error:
        if text:
            problem = f"{error}; nor is it the English or native name of a supported language"
            problem += _suggestion(index, tag)
        else:
            problem = f"{error}"
        raise InvalidLanguageTagError(
            f"{problem}. Give a BCP 47 tag ('pt-BR'), an ISO 639 code ('fra') or the name of "
            "a language ('French', 'français')"
        ) from None
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


def _unsupported(index: LanguageIndex, tag: str, parsed: LanguageTag) -> UnsupportedLanguageError:
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
    supported = ", ".join(f"{entry.name} ({entry.iso639_1})" for entry in index.entries)
    coverage = index.coverage
    return UnsupportedLanguageError(
        f"{what}. The card supports {len(index.entries)} languages: {supported}. "
        f"{coverage.fine_tuning} (Pre-training covered {coverage.pretraining_language_count} "
        "languages in all.)"
    )


# A language subtag with a script, a region, both or neither ("pt-BR", "zh-Hant-TW",
# "es_419", "FR"): the common tag, whose language is its first subtag, read without the
# full parser. A name that happens to look like one is still taken as the name.
_SIMPLE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?")


def _simple_language(index: LanguageIndex, tag: str) -> Optional[str]:
    """The language subtag of a common tag, lowercase, or None for any other text."""
    match = _SIMPLE_TAG.fullmatch(tag)
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
