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
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from .errors import InvalidLanguageTagError, quote_input

__all__ = ["LanguageTag", "canonical_case", "parse"]

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
        message = str(error)
        shown_text = quote_input(shown)
        raise InvalidLanguageTagError(shown_text + message[len(quote_input(text)) :]) from None


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
