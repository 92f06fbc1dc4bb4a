"""POSIX locale names (``$LANG``): what each names, and what is wrong with the malformed ones."""

from __future__ import annotations

import string
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llama_cards import InvalidLanguageTagError
from llama_cards._bcp47 import PosixLocale, looks_like_locale, parse, parse_locale
from llama_cards.errors import quote_input

# locale name, then (language, territory, codeset, modifier) as the parser holds them, and the
# canonical language tag it names (None for the POSIX locale, which names no language).
LOCALES: list[tuple[str, tuple[Optional[str], ...], Optional[str]]] = [
    # the examples
    ("en_US.UTF-8", ("en", "us", "UTF-8", None), "en-US"),
    ("pt_BR@euro", ("pt", "br", None, "euro"), "pt-BR"),
    ("de_DE.utf8", ("de", "de", "utf8", None), "de-DE"),
    ("C", (None, None, None, None), None),
    ("POSIX", (None, None, None, None), None),
    ("C.UTF-8", (None, None, "UTF-8", None), None),
    ("en_US.ISO-8859-1", ("en", "us", "ISO-8859-1", None), "en-US"),
    ("sr_RS@latin", ("sr", "rs", None, "latin"), "sr-Latn-RS"),
    ("ca_ES@valencia", ("ca", "es", None, "valencia"), "ca-ES-valencia"),
    # more of what glibc names its locales
    ("C.utf8", (None, None, "utf8", None), None),
    ("c", (None, None, None, None), None),
    ("posix", (None, None, None, None), None),
    ("C.ANSI_X3.4-1968", (None, None, "ANSI_X3.4-1968", None), None),
    ("de_DE.UTF-8@euro", ("de", "de", "UTF-8", "euro"), "de-DE"),
    ("de_DE@EURO", ("de", "de", None, "euro"), "de-DE"),
    ("uz_UZ@cyrillic", ("uz", "uz", None, "cyrillic"), "uz-Cyrl-UZ"),
    ("ks_IN@devanagari", ("ks", "in", None, "devanagari"), "ks-Deva-IN"),
    ("be_BY.UTF-8@latin", ("be", "by", "UTF-8", "latin"), "be-Latn-BY"),
    ("aa_ER@saaho", ("aa", "er", None, "saaho"), "aa-ER-saaho"),
    ("tt_RU@iqtelif", ("tt", "ru", None, "iqtelif"), "tt-RU"),
    ("fil_PH.UTF-8", ("fil", "ph", "UTF-8", None), "fil-PH"),
    ("tl_PH.UTF-8", ("tl", "ph", "UTF-8", None), "tl-PH"),
    ("th_TH.TIS-620", ("th", "th", "TIS-620", None), "th-TH"),
    ("ja_JP.eucJP", ("ja", "jp", "eucJP", None), "ja-JP"),
    ("zh_CN.GB18030", ("zh", "cn", "GB18030", None), "zh-CN"),
    ("es_419.UTF-8", ("es", "419", "UTF-8", None), "es-419"),
    ("en.UTF-8", ("en", None, "UTF-8", None), "en"),
    ("en@latin", ("en", None, None, "latin"), "en-Latn"),
    ("EN_us.Utf-8", ("en", "us", "Utf-8", None), "en-US"),
    ("en-US.UTF-8", ("en", "us", "UTF-8", None), "en-US"),  # '-' as a tag writes it
    ("pt_BR", ("pt", "br", None, None), "pt-BR"),  # also a tag; parse_locale reads it too
]


@pytest.mark.parametrize(("text", "parts", "tag"), LOCALES)
def test_locale_parts_and_the_tag_it_names(
    text: str, parts: tuple[Optional[str], ...], tag: Optional[str]
) -> None:
    found = parse_locale(text)
    assert (found.language, found.territory, found.codeset, found.modifier) == parts
    if tag is None:
        assert found.tag is None
    else:
        assert found.tag is not None
        assert found.tag.canonical == tag
        assert found.tag == parse(tag)


# Every message, exactly: what is wrong, and what a well-formed name looks like.
MALFORMED = [
    ("", "it is empty (or only whitespace)"),
    ("en US.UTF-8", "it contains whitespace"),
    ("en_US.UTF-8\n", "it contains whitespace"),
    (
        "en_US.UTF-8/x",
        "it contains '/'; a locale name has only ASCII letters and digits, '_' between "
        "language and territory, '.' before the codeset and '@' before the modifier",
    ),
    (
        "ä_DE.UTF-8",
        "it contains 'ä'; a locale name has only ASCII letters and digits, '_' between "
        "language and territory, '.' before the codeset and '@' before the modifier",
    ),
    ("en_US@euro@x", "it has more than one '@'; a locale has at most one modifier"),
    ("en_US@", "the modifier after '@' is empty"),
    (
        "de_DE@euro.UTF-8",
        "'.' follows the modifier, but the codeset comes before it, as in 'de_DE.UTF-8@euro'",
    ),
    ("en_US.", "the codeset after '.' is empty"),
    ("en_US.@euro", "the codeset after '.' is empty"),
    ("en_US.-8", "the codeset '-8' does not start with a letter or digit"),
    (
        ".UTF-8",
        "it has no language before the codeset, as in 'en_US.UTF-8' (the locale that names "
        "no language is 'C' or 'POSIX')",
    ),
    (
        "@euro",
        "it has no language before the modifier, as in 'en_US.UTF-8' (the locale that names "
        "no language is 'C' or 'POSIX')",
    ),
    ("_US.UTF-8", "it has no language before the territory, as in 'pt_BR'"),
    ("en_.UTF-8", "the territory after the language is empty"),
    (
        "en_US_POSIX.UTF-8",
        "'en_US_POSIX' has more than a language and a territory; a locale is "
        "language_TERRITORY, as in 'pt_BR.UTF-8'",
    ),
    (
        "English_United-States.1252",
        "'English_United-States' has more than a language and a territory; a locale is "
        "language_TERRITORY, as in 'pt_BR.UTF-8'",
    ),
    (
        "english.UTF-8",
        "the language 'english' is not 2 or 3 letters (an ISO 639 code such as 'en' or 'fil')",
    ),
    (
        "e.UTF-8",
        "the language 'e' is not 2 or 3 letters (an ISO 639 code such as 'en' or 'fil')",
    ),
    (
        "C_US.UTF-8",
        "the language 'C' is not 2 or 3 letters (an ISO 639 code such as 'en' or 'fil')",
    ),
    (
        "e1_US.UTF-8",
        "the language 'e1' is not 2 or 3 letters (an ISO 639 code such as 'en' or 'fil')",
    ),
    (
        "en_USA.UTF-8",
        "the territory 'USA' is not 2 letters or 3 digits (an ISO 3166 code such as 'BR', or "
        "a UN M.49 area such as '419')",
    ),
    (
        "es_41.UTF-8",
        "the territory '41' is not 2 letters or 3 digits (an ISO 3166 code such as 'BR', or "
        "a UN M.49 area such as '419')",
    ),
]


@pytest.mark.parametrize(("text", "problem"), MALFORMED)
def test_malformed_locale_names_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InvalidLanguageTagError) as raised:
        parse_locale(text)
    assert str(raised.value) == f"{text!r} is not a well-formed locale name: {problem}"
    assert isinstance(raised.value, ValueError)


def test_there_are_enough_cases() -> None:
    assert len(LOCALES) >= 25
    assert len(MALFORMED) >= 20
    assert len({text for text, _ in MALFORMED}) == len(MALFORMED)


def test_the_message_quotes_the_callers_text_when_given() -> None:
    with pytest.raises(InvalidLanguageTagError) as raised:
        parse_locale("en_US.", shown=" en_US. ")
    assert str(raised.value) == (
        "' en_US. ' is not a well-formed locale name: the codeset after '.' is empty"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en_US.UTF-8", True),
        ("pt_BR@euro", True),
        ("C", True),
        ("c", True),
        ("POSIX", True),
        ("Posix", True),
        ("C.UTF-8", True),
        (".", True),
        ("en_US", False),  # a tag as well: read by the BCP 47 parser
        ("pt-BR", False),
        ("fr", False),
        ("CC", False),
        ("POSIXLY", False),
        ("Français", False),
        ("", False),
    ],
)
def test_which_text_is_read_as_a_locale(text: str, expected: bool) -> None:
    assert looks_like_locale(text) is expected


# ------------------------------------------------------------------- properties

_LETTERS = string.ascii_letters
_codeset = st.text(alphabet=string.ascii_letters + string.digits + "-_.", min_size=1).filter(
    lambda text: text[0].isalnum()
)


@st.composite
def locale_names(draw: st.DrawFn) -> str:
    """A name built from ``language[_territory][.codeset][@modifier]``, or the POSIX locale."""
    if draw(st.integers(0, 9)) == 0:
        name = draw(st.sampled_from(["C", "POSIX", "c", "posix"]))
    else:
        name = draw(st.text(alphabet=_LETTERS, min_size=2, max_size=3))
        territory = draw(
            st.one_of(
                st.none(),
                st.text(alphabet=_LETTERS, min_size=2, max_size=2),
                st.text(alphabet=string.digits, min_size=3, max_size=3),
            )
        )
        if territory is not None:
            name += draw(st.sampled_from("_-")) + territory
    if draw(st.booleans()):
        name += "." + draw(_codeset)
    if draw(st.booleans()):
        name += "@" + draw(st.text(alphabet=_LETTERS + string.digits + "-_", min_size=1))
    return name


@settings(deadline=None)
@given(locale_names())
def test_names_built_from_the_grammar_parse_to_their_parts(text: str) -> None:
    found = parse_locale(text)
    head = text.partition("@")[0].partition(".")[0]
    if head.lower() in ("c", "posix"):
        assert found.language is None
        assert found.tag is None
        return
    assert found.language == head.replace("-", "_").split("_")[0].lower()
    assert found.tag is not None
    assert found.tag.effective_language == found.language
    assert parse(found.tag.canonical) == found.tag


# Text made of the characters locale names use, so that most draws reach deep into the parser.
_locale_like = st.text(alphabet="enUSCPOIXx8-_.@1", max_size=16)


@settings(deadline=None)
@given(st.one_of(st.text(), _locale_like))
def test_any_text_is_a_locale_or_a_documented_error(text: str) -> None:
    try:
        found = parse_locale(text)
    except InvalidLanguageTagError as error:
        assert str(error).startswith(f"{quote_input(text)} is not a well-formed locale name: ")
        return
    assert isinstance(found, PosixLocale)
    assert (found.tag is None) is (found.language is None)
    if found.tag is not None:
        assert found.tag.effective_language == found.language


@settings(deadline=None)
@given(st.one_of(st.text(), _locale_like), st.text(min_size=1))
def test_a_shown_text_is_quoted_instead(text: str, shown: str) -> None:
    try:
        parse_locale(text, shown=shown)
    except InvalidLanguageTagError as error:
        assert str(error).startswith(f"{quote_input(shown)} is not a well-formed locale name: ")
