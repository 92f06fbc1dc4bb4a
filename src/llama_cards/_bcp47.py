"""A parser for BCP 47 language tags, written to the grammar of RFC 5646, section 2.1.

Private: :mod:`llama_cards.languages` is the public face. The parser checks that a tag is
*well formed* (it matches the ABNF) and, as far as it can without the IANA registry, that
it could be *valid* (no repeated variant or extension singleton, RFC 5646 section 2.2.9).
It does not check that subtags are registered: the package ships no copy of the registry.

```pycon
>>> tag = parse("ZH_hant_tw")
>>> tag.language, tag.script, tag.region, tag.canonical
('zh', 'hant', 'tw', 'zh-Hant-TW')
>>> parse("en-GB-oed").canonical, parse("en-GB-oed").grandfathered
('en-GB-oed', True)
>>> parse("en--US")
Traceback (most recent call last):
...
llama_cards.errors.InvalidLanguageTagError: 'en--US' is not a well-formed language tag: \
it has an empty subtag (two separators in a row)

```

It also reads POSIX locale names, as ``$LANG`` and ``$LC_ALL`` hold them
(``language[_territory][.codeset][@modifier]``, or the ``C`` and ``POSIX`` locales), and gives
the language tag a locale names, or ``None`` for a locale that names no language:

```pycon
>>> parse_locale("pt_BR.UTF-8@euro").tag.canonical, parse_locale("C.UTF-8").tag is None
('pt-BR', True)

```
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from .errors import InvalidLanguageTagError, quote_input

__all__ = [
    "LanguageTag",
    "PosixLocale",
    "canonical_case",
    "looks_like_locale",
    "parse",
    "parse_locale",
]

# RFC 5646 section 2.1, production "grandfathered", with each tag's Preferred-Value from the
# IANA Language Subtag Registry (None where the registry gives none). The list is closed: the
# RFC froze it, so it belongs to the grammar, not to the card's data.
_GRANDFATHERED: dict[str, Optional[str]] = {
    # irregular: they do not match the langtag production
    "en-gb-oed": "en-GB-oxendict",
    "i-ami": "ami",
    "i-bnn": "bnn",
    "i-default": None,
    "i-enochian": None,
    "i-hak": "hak",
    "i-klingon": "tlh",
    "i-lux": "lb",
    "i-mingo": None,
    "i-navajo": "nv",
    "i-pwn": "pwn",
    "i-tao": "tao",
    "i-tay": "tay",
    "i-tsu": "tsu",
    "sgn-be-fr": "sfb",
    "sgn-be-nl": "vgt",
    "sgn-ch-de": "sgg",
    # regular: they match langtag, but their subtags were never registered as such
    "art-lojban": "jbo",
    "cel-gaulish": None,
    "no-bok": "nb",
    "no-nyn": "nn",
    "zh-guoyu": "cmn",
    "zh-hakka": "hak",
    "zh-min": None,
    "zh-min-nan": "nan",
    "zh-xiang": "hsn",
}

_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGIT = frozenset("0123456789")
_ALPHANUM = _ALPHA | _DIGIT
_ALLOWED = _ALPHANUM | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ-_")


class LanguageTag(NamedTuple):
    """A parsed tag. Every subtag is held lowercase; :attr:`canonical` gives the standard case.

    ``language`` is the primary language subtag (``""`` for a private-use-only tag such as
    ``x-whatever`` and for grandfathered tags); ``extlangs`` the extended language subtags;
    ``extensions`` pairs each singleton with its subtags.
    """

    language: str
    extlangs: tuple[str, ...]
    script: Optional[str]
    region: Optional[str]
    variants: tuple[str, ...]
    extensions: tuple[tuple[str, tuple[str, ...]], ...]
    private_use: tuple[str, ...]
    grandfathered: bool
    canonical: str
    """The tag in the case conventions of RFC 5646 section 2.1.1 (``zh-Hant-TW``)."""
    preferred: Optional[str]
    """A grandfathered tag's Preferred-Value in the IANA registry (``None`` otherwise)."""

    @property
    def effective_language(self) -> Optional[str]:
        """The language subtag the tag is about, lowercase, or ``None`` if it names none.

        An extended language subtag names the language itself (RFC 5646 section 2.2.2: the
        tag ``ar-arb`` and the tag ``arb`` name the same language); a grandfathered tag is
        read through its registry Preferred-Value (``i-klingon`` is ``tlh``); a private-use
        tag names no registered language.
        """
        if self.grandfathered:
            if self.preferred is None:
                return None
            return self.preferred.split("-", 1)[0].lower()
        if self.extlangs:
            return self.extlangs[0]
        return self.language or None


def canonical_case(subtags: list[str]) -> str:
    """Join lowercase subtags with the case of RFC 5646 section 2.1.1.

    Everything is lowercase except two-letter subtags (uppercase) and four-letter subtags
    (titlecase) that neither start the tag nor come after a singleton.

    ```pycon
    >>> canonical_case(["en", "ca", "x", "ca"]), canonical_case(["az", "latn", "x", "latn"])
    ('en-CA-x-ca', 'az-Latn-x-latn')

    ```
    """
    out: list[str] = []
    after_singleton = False
    for position, subtag in enumerate(subtags):
        if len(subtag) == 1:
            after_singleton = True
        elif position and not after_singleton:
            if len(subtag) == 2:
                subtag = subtag.upper()
            elif len(subtag) == 4:
                subtag = subtag.title()
        out.append(subtag)
    return "-".join(out)


def _fail(text: str, problem: str) -> InvalidLanguageTagError:
    return InvalidLanguageTagError(
        f"{quote_input(text)} is not a well-formed language tag: {problem}"
    )


def _invalid(text: str, problem: str) -> InvalidLanguageTagError:
    # Well formed, but RFC 5646 section 2.2.9 makes it invalid whatever the registry holds.
    return InvalidLanguageTagError(f"{quote_input(text)} is not a valid language tag: {problem}")


def _is_script(subtag: str) -> bool:
    return len(subtag) == 4 and subtag.isalpha()


def _is_region(subtag: str) -> bool:
    if len(subtag) == 2:
        return subtag.isalpha()
    return len(subtag) == 3 and subtag.isdigit()


def _is_variant(subtag: str) -> bool:
    if 5 <= len(subtag) <= 8:
        return True
    return len(subtag) == 4 and subtag[0] in _DIGIT


def _position_problem(subtag: str, after: str) -> str:
    """Why ``subtag`` cannot stand after the part of the tag named by ``after``."""
    if after == "language" and len(subtag) == 3 and subtag.isalpha():
        return (
            f"'{subtag}' cannot follow a language subtag of 4 or more letters: only a 2- or "
            "3-letter language takes an extended language subtag"
        )
    if len(subtag) == 3 and subtag.isalpha():
        return (
            f"'{subtag}' (3 letters) can only be an extended language subtag, which comes "
            f"straight after the language, at most three of them; here it follows the {after} "
            "(a region is 2 letters or 3 digits)"
        )
    if _is_script(subtag):
        if after == "script":
            return f"'{subtag}' would be a second script; a tag has at most one"
        return f"'{subtag}' looks like a script (4 letters), which must come before the {after}"
    if _is_region(subtag):
        if after == "region":
            return f"'{subtag}' would be a second region; a tag has at most one"
        return f"'{subtag}' looks like a region, which must come before the {after}"
    return (
        f"'{subtag}' cannot follow the {after}: next may come variants (5-8 letters or "
        "digits, or a digit and 3 more), extensions (a single letter or digit, then subtags) "
        "or private use ('x-...')"
    )


def parse(text: str, *, shown: Optional[str] = None) -> LanguageTag:
    """Parse ``text`` as a BCP 47 tag, in any case, with ``-`` or ``_`` between subtags.

    A tag that is not well formed raises :class:`~llama_cards.InvalidLanguageTagError`
    saying what is wrong with it; the message quotes ``shown`` (the text as the caller got
    it, before any trimming) when given, else ``text``.

    ```pycon
    >>> parse("sr-latn-rs-1996-u-ca-gregory-x-mine").canonical
    'sr-Latn-RS-1996-u-ca-gregory-x-mine'
    >>> parse("es_419").region
    '419'
    >>> parse("1a")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidLanguageTagError: '1a' is not a well-formed language tag: \
it starts with '1a', but the language subtag is letters only (2-3 letters, e.g. 'en')

    ```
    """
    try:
        return _parse(text)
    except InvalidLanguageTagError as error:
        if shown is None or shown == text:
            raise
        raise _quoting(error, text, shown) from None


def _quoting(error: InvalidLanguageTagError, text: str, shown: str) -> InvalidLanguageTagError:
    """``error``, a message that starts by quoting ``text``, quoting ``shown`` instead."""
    return InvalidLanguageTagError(quote_input(shown) + str(error)[len(quote_input(text)) :])


def _parse(text: str) -> LanguageTag:
    if not text:
        raise _fail(text, "it is empty (or only whitespace)")
    for char in text:
        if char not in _ALLOWED:
            if char.isspace():
                raise _fail(text, "it contains whitespace; subtags are joined by '-' or '_'")
            raise _fail(
                text,
                f"it contains {char!r}; a tag has only ASCII letters, digits and '-' (or '_')",
            )
    typed = text.replace("_", "-")
    lowered = typed.lower()
    if lowered in _GRANDFATHERED:
        preferred = _GRANDFATHERED[lowered]
        subtags = lowered.split("-")
        return LanguageTag("", (), None, None, (), (), (), True, canonical_case(subtags), preferred)
    if lowered.startswith("-"):
        raise _fail(text, "it starts with a separator")
    if lowered.endswith("-"):
        raise _fail(text, "it ends with a separator")
    subtags = lowered.split("-")
    for subtag in typed.split("-"):
        if not subtag:
            raise _fail(text, "it has an empty subtag (two separators in a row)")
        if len(subtag) > 8:
            raise _fail(
                text,
                f"the subtag {quote_input(subtag)} is {len(subtag)} characters long; subtags "
                "have 1 to 8",
            )
    first = subtags[0]
    if first == "x":
        return _parse_private_only(text, subtags)
    if first == "i":
        raise _fail(
            text,
            "tags starting 'i-' are only the grandfathered ones of RFC 5646 (such as "
            "'i-klingon'), and this is not one of them",
        )
    if len(first) == 1:
        raise _fail(
            text,
            f"it starts with the singleton '{typed[0]}', but a tag starts with a language "
            "subtag (2-3 letters, e.g. 'en') or 'x-' for private use",
        )
    if not first.isalpha():
        raise _fail(
            text,
            f"it starts with '{typed.split('-')[0]}', but the language subtag is letters only "
            "(2-3 letters, e.g. 'en')",
        )
    return _parse_langtag(text, subtags, typed.split("-"))


def _parse_private_only(text: str, subtags: list[str]) -> LanguageTag:
    if len(subtags) == 1:
        raise _fail(text, "private use 'x' needs at least one subtag after it ('x-mine')")
    return LanguageTag(
        "", (), None, None, (), (), tuple(subtags[1:]), False, canonical_case(subtags), None
    )


def _parse_langtag(text: str, subtags: list[str], typed: list[str]) -> LanguageTag:
    language = subtags[0]
    count = len(subtags)
    index = 1
    after = "language"
    extlangs: list[str] = []
    if len(language) <= 3:
        while (
            index < count
            and len(extlangs) < 3
            and len(subtags[index]) == 3
            and subtags[index].isalpha()
        ):
            extlangs.append(subtags[index])
            index += 1
        if extlangs:
            after = "extended language subtag"
    script: Optional[str] = None
    if index < count and _is_script(subtags[index]):
        script = subtags[index]
        index += 1
        after = "script"
    region: Optional[str] = None
    if index < count and _is_region(subtags[index]):
        region = subtags[index]
        index += 1
        after = "region"
    variants: list[str] = []
    while index < count and _is_variant(subtags[index]):
        variant = subtags[index]
        if variant in variants:
            raise _invalid(text, f"it repeats the variant '{typed[index]}'")
        variants.append(variant)
        index += 1
        after = "variant"
    extensions: list[tuple[str, tuple[str, ...]]] = []
    seen: set[str] = set()
    while index < count and len(subtags[index]) == 1 and subtags[index] != "x":
        singleton = subtags[index]
        if singleton in seen:
            raise _invalid(text, f"it repeats the extension singleton '{typed[index]}'")
        seen.add(singleton)
        index += 1
        start = index
        while index < count and len(subtags[index]) >= 2:
            index += 1
        if index == start:
            raise _fail(
                text,
                f"the extension '{typed[start - 1]}' has no subtags; each extension subtag "
                f"has 2 to 8 letters or digits ('{singleton}-...')",
            )
        extensions.append((singleton, tuple(subtags[start:index])))
    private_use: tuple[str, ...] = ()
    if index < count and subtags[index] == "x":
        if index + 1 == count:
            raise _fail(text, "private use 'x' needs at least one subtag after it ('x-mine')")
        private_use = tuple(subtags[index + 1 :])
        index = count
    if index < count:
        raise _fail(text, _position_problem(typed[index], after))
    return LanguageTag(
        language,
        tuple(extlangs),
        script,
        region,
        tuple(variants),
        tuple(extensions),
        private_use,
        False,
        canonical_case(subtags),
        None,
    )


# ------------------------------------------------------------------ POSIX locales

# Locale modifiers that say what a language tag says with a subtag: a script (glibc's
# sr_RS@latin, uz_UZ@cyrillic, ks_IN@devanagari) or a variant registered in the IANA Language
# Subtag Registry (ca_ES@valencia, aa_ER@saaho). Other modifiers have no subtag (@euro names
# a currency) and leave the tag as the language and territory give it.
_MODIFIER_SCRIPTS = {"latin": "latn", "cyrillic": "cyrl", "devanagari": "deva"}
_MODIFIER_VARIANTS = frozenset({"valencia", "saaho"})
# POSIX.1 names its one portable locale both ways (XBD section 7.2).
_LANGUAGELESS = frozenset({"c", "posix"})
_LOCALE_ALLOWED = _ALLOWED | frozenset(".@")


class PosixLocale(NamedTuple):
    """A parsed POSIX locale name, ``language[_territory][.codeset][@modifier]``.

    ``language``, ``territory`` and ``modifier`` are held lowercase and ``codeset`` as
    written; each is ``None`` where the name has none. ``tag`` is the language tag the
    locale names. The POSIX locale (``C`` or ``POSIX``, with or without a codeset) names a
    character set and conventions but no language: its ``language`` and ``tag`` are ``None``.

    ```pycon
    >>> parse_locale("sr_RS@latin")
    PosixLocale(language='sr', territory='rs', codeset=None, modifier='latin', \
tag=LanguageTag(language='sr', ...))
    >>> parse_locale("sr_RS@latin").tag.canonical, parse_locale("ca_ES@valencia").tag.canonical
    ('sr-Latn-RS', 'ca-ES-valencia')
    >>> parse_locale("POSIX")
    PosixLocale(language=None, territory=None, codeset=None, modifier=None, tag=None)

    ```
    """

    language: Optional[str]
    territory: Optional[str]
    codeset: Optional[str]
    modifier: Optional[str]
    tag: Optional[LanguageTag]


def looks_like_locale(text: str) -> bool:
    """Whether ``text`` is read as a locale name rather than as a language tag.

    A language tag never holds ``.`` or ``@``, which a locale name uses before its codeset
    and its modifier; ``C`` and ``POSIX`` (in any case) name the POSIX locale. Any other text
    is a language tag, and a locale without a codeset or modifier (``pt_BR``) is one too.

    ```pycon
    >>> looks_like_locale("en_US.UTF-8"), looks_like_locale("C"), looks_like_locale("en_US")
    (True, True, False)

    ```
    """
    if "." in text or "@" in text:
        return True
    return text.isascii() and text.lower() in _LANGUAGELESS


def parse_locale(text: str, *, shown: Optional[str] = None) -> PosixLocale:
    """Parse ``text`` as a POSIX locale name, as ``$LANG`` and ``$LC_ALL`` hold one.

    The name is ``language[_territory][.codeset][@modifier]``: a language of 2 or 3 letters
    (ISO 639), a territory of 2 letters (ISO 3166) or 3 digits (UN M.49), after ``_`` (or
    ``-``); then any codeset and any modifier, in that order. Case does not matter. ``C`` and
    ``POSIX`` name the POSIX locale, which has no language. A name that is not well formed
    raises :class:`~llama_cards.InvalidLanguageTagError` saying what is wrong with it,
    quoting ``shown`` (the text as the caller got it) when given, else ``text``.

    ```pycon
    >>> parse_locale("de_DE.utf8").tag.canonical, parse_locale("en_US.ISO-8859-1").codeset
    ('de-DE', 'ISO-8859-1')
    >>> parse_locale("C.UTF-8").tag is None
    True
    >>> parse_locale("de_DE@euro.UTF-8")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidLanguageTagError: 'de_DE@euro.UTF-8' is not a well-formed \
locale name: '.' follows the modifier, but the codeset comes before it, as in 'de_DE.UTF-8@euro'

    ```
    """
    try:
        return _parse_locale(text)
    except InvalidLanguageTagError as error:
        if shown is None or shown == text:
            raise
        raise _quoting(error, text, shown) from None


def _locale_fail(text: str, problem: str) -> InvalidLanguageTagError:
    return InvalidLanguageTagError(
        f"{quote_input(text)} is not a well-formed locale name: {problem}"
    )


def _parse_locale(text: str) -> PosixLocale:
    if not text:
        raise _locale_fail(text, "it is empty (or only whitespace)")
    for char in text:
        if char not in _LOCALE_ALLOWED:
            if char.isspace():
                raise _locale_fail(text, "it contains whitespace")
            raise _locale_fail(
                text,
                f"it contains {char!r}; a locale name has only ASCII letters and digits, '_' "
                "between language and territory, '.' before the codeset and '@' before the "
                "modifier",
            )
    head, at, modifier = text.partition("@")
    if "@" in modifier:
        raise _locale_fail(text, "it has more than one '@'; a locale has at most one modifier")
    if at and not modifier:
        raise _locale_fail(text, "the modifier after '@' is empty")
    if "." in modifier:
        raise _locale_fail(
            text,
            "'.' follows the modifier, but the codeset comes before it, as in 'de_DE.UTF-8@euro'",
        )
    name, dot, codeset = head.partition(".")
    if dot and not codeset:
        raise _locale_fail(text, "the codeset after '.' is empty")
    if codeset and not codeset[0].isalnum():
        raise _locale_fail(text, f"the codeset {codeset!r} does not start with a letter or digit")
    if not name:
        after = "codeset" if dot else "modifier"
        raise _locale_fail(
            text,
            f"it has no language before the {after}, as in 'en_US.UTF-8' (the locale that "
            "names no language is 'C' or 'POSIX')",
        )
    found_codeset = codeset or None
    found_modifier = modifier.lower() or None
    if name.lower() in _LANGUAGELESS:
        return PosixLocale(None, None, found_codeset, found_modifier, None)
    parts = name.replace("-", "_").split("_")
    if len(parts) > 2:
        raise _locale_fail(
            text,
            f"{name!r} has more than a language and a territory; a locale is "
            "language_TERRITORY, as in 'pt_BR.UTF-8'",
        )
    language = parts[0]
    territory = parts[1] if len(parts) == 2 else None
    if not language:
        raise _locale_fail(text, "it has no language before the territory, as in 'pt_BR'")
    if territory == "":
        raise _locale_fail(text, "the territory after the language is empty")
    if not (2 <= len(language) <= 3 and language.isalpha()):
        raise _locale_fail(
            text,
            f"the language {language!r} is not 2 or 3 letters (an ISO 639 code such as 'en' or "
            "'fil')",
        )
    if territory is not None and not _is_region(territory):
        raise _locale_fail(
            text,
            f"the territory {territory!r} is not 2 letters or 3 digits (an ISO 3166 code such "
            "as 'BR', or a UN M.49 area such as '419')",
        )
    subtags = [language.lower()]
    script = _MODIFIER_SCRIPTS.get(found_modifier or "")
    if script is not None:
        subtags.append(script)
    if territory is not None:
        subtags.append(territory.lower())
    if found_modifier in _MODIFIER_VARIANTS:
        subtags.append(modifier.lower())
    return PosixLocale(
        subtags[0],
        territory.lower() if territory is not None else None,
        found_codeset,
        found_modifier,
        _parse("-".join(subtags)),
    )
