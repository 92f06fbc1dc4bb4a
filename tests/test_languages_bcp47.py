"""The BCP 47 parser against RFC 5646: parts, canonical case, and properties over any text."""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import InvalidLanguageTagError, supports_language
from llama_cards._bcp47 import canonical_case, parse

# tag, then (language, extlangs, script, region, variants, extensions, private use), all as
# the parser holds them (lowercase), and the canonical form of RFC 5646 section 2.1.1.
PARTS = [
    ("de", ("de", (), None, None, (), (), ()), "de"),
    ("fr-CA", ("fr", (), None, "ca", (), (), ()), "fr-CA"),
    ("pt_br", ("pt", (), None, "br", (), (), ()), "pt-BR"),
    ("es-419", ("es", (), None, "419", (), (), ()), "es-419"),
    ("ZH-HANT-TW", ("zh", (), "hant", "tw", (), (), ()), "zh-Hant-TW"),
    ("zh-yue-HK", ("zh", ("yue",), None, "hk", (), (), ()), "zh-yue-HK"),
    ("ar-arb-Arab-EG", ("ar", ("arb",), "arab", "eg", (), (), ()), "ar-arb-Arab-EG"),
    ("sl-rozaj-biske", ("sl", (), None, None, ("rozaj", "biske"), (), ()), "sl-rozaj-biske"),
    ("de-CH-1901", ("de", (), None, "ch", ("1901",), (), ()), "de-CH-1901"),
    ("hy-Latn-IT-arevela", ("hy", (), "latn", "it", ("arevela",), (), ()), "hy-Latn-IT-arevela"),
    (
        "en-US-u-islamcal",
        ("en", (), None, "us", (), (("u", ("islamcal",)),), ()),
        "en-US-u-islamcal",
    ),
    (
        "de-DE-u-co-phonebk-T-EN",
        ("de", (), None, "de", (), (("u", ("co", "phonebk")), ("t", ("en",))), ()),
        "de-DE-u-co-phonebk-t-en",
    ),
    ("en-US-x-twain", ("en", (), None, "us", (), (), ("twain",)), "en-US-x-twain"),
    ("x-whatever", ("", (), None, None, (), (), ("whatever",)), "x-whatever"),
    ("X-AB-cd", ("", (), None, None, (), (), ("ab", "cd")), "x-ab-cd"),
    ("en-CA-x-ca", ("en", (), None, "ca", (), (), ("ca",)), "en-CA-x-ca"),
    ("az-Latn-x-latn", ("az", (), "latn", None, (), (), ("latn",)), "az-Latn-x-latn"),
    ("qaa-Qaaa-QM-x-southern", ("qaa", (), "qaaa", "qm", (), (), ("southern",)), None),
    ("abcde", ("abcde", (), None, None, (), (), ()), "abcde"),
    ("abcd-Latn", ("abcd", (), "latn", None, (), (), ()), "abcd-Latn"),
    ("en-abc-def-ghi", ("en", ("abc", "def", "ghi"), None, None, (), (), ()), "en-abc-def-ghi"),
    ("en-a-bb-b-cc", ("en", (), None, None, (), (("a", ("bb",)), ("b", ("cc",))), ()), None),
    ("en-0-ab", ("en", (), None, None, (), (("0", ("ab",)),), ()), "en-0-ab"),
]


@pytest.mark.parametrize(("tag", "parts", "canonical"), PARTS)
def test_parts_and_canonical_form(
    tag: str,
    parts: tuple[
        str,
        tuple[str, ...],
        Optional[str],
        Optional[str],
        tuple[str, ...],
        tuple[tuple[str, tuple[str, ...]], ...],
        tuple[str, ...],
    ],
    canonical: Optional[str],
) -> None:
    parsed = parse(tag)
    found = (
        parsed.language,
        parsed.extlangs,
        parsed.script,
        parsed.region,
        parsed.variants,
        parsed.extensions,
        parsed.private_use,
    )
    assert found == parts
    assert parsed.grandfathered is False
    assert parsed.canonical == (canonical if canonical is not None else tag)


# RFC 5646 section 2.1: every grandfathered tag, its canonical case, and the language its
# IANA Preferred-Value names (None where the registry gives none).
GRANDFATHERED = [
    ("en-GB-oed", "en"),
    ("i-ami", "ami"),
    ("i-bnn", "bnn"),
    ("i-default", None),
    ("i-enochian", None),
    ("i-hak", "hak"),
    ("i-klingon", "tlh"),
    ("i-lux", "lb"),
    ("i-mingo", None),
    ("i-navajo", "nv"),
    ("i-pwn", "pwn"),
    ("i-tao", "tao"),
    ("i-tay", "tay"),
    ("i-tsu", "tsu"),
    ("sgn-BE-FR", "sfb"),
    ("sgn-BE-NL", "vgt"),
    ("sgn-CH-DE", "sgg"),
    ("art-lojban", "jbo"),
    ("cel-gaulish", None),
    ("no-bok", "nb"),
    ("no-nyn", "nn"),
    ("zh-guoyu", "cmn"),
    ("zh-hakka", "hak"),
    ("zh-min", None),
    ("zh-min-nan", "nan"),
    ("zh-xiang", "hsn"),
]


@pytest.mark.parametrize(("tag", "language"), GRANDFATHERED)
def test_grandfathered_tags(tag: str, language: Optional[str]) -> None:
    for spelling in (tag, tag.upper(), tag.lower(), tag.replace("-", "_")):
        parsed = parse(spelling)
        assert parsed.grandfathered is True
        assert parsed.canonical == tag
        assert parsed.effective_language == language
    assert supports_language(tag) is (language == "en")


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("ar-arb", "arb"),  # an extended language subtag names the language
        ("zh-cmn-Hans", "cmn"),
        ("fr-CA", "fr"),
        ("x-fr", None),  # private use names no registered language
        ("i-klingon", "tlh"),
    ],
)
def test_effective_language(tag: str, language: Optional[str]) -> None:
    assert parse(tag).effective_language == language


@pytest.mark.parametrize(
    ("subtags", "expected"),
    [
        (["en", "ca", "x", "ca"], "en-CA-x-ca"),
        (["sgn", "be", "fr"], "sgn-BE-FR"),
        (["az", "latn", "x", "latn"], "az-Latn-x-latn"),
        (["x", "ab", "latn"], "x-ab-latn"),
        (["i", "ab"], "i-ab"),
        (["en", "a", "bb", "cccc"], "en-a-bb-cccc"),
        (["es", "419"], "es-419"),
    ],
)
def test_canonical_case_follows_section_2_1_1(subtags: list[str], expected: str) -> None:
    assert canonical_case(subtags) == expected


def test_parse_quotes_the_callers_text_when_given() -> None:
    with pytest.raises(InvalidLanguageTagError, match=r"^' en--US ' is not a well-formed"):
        parse("en--US", shown=" en--US ")


# ------------------------------------------------------------------- properties

_LETTERS = string.ascii_letters
_ALNUM = string.ascii_letters + string.digits


def _word(alphabet: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=low, max_size=high)


_language = st.one_of(
    st.tuples(_word(_LETTERS, 2, 3), st.lists(_word(_LETTERS, 3, 3), max_size=3)).map(
        lambda parts: [parts[0], *parts[1]]
    ),
    _word(_LETTERS, 4, 8).map(lambda word: [word]),
)
_variant = st.one_of(
    _word(_ALNUM, 5, 8), st.tuples(_word(string.digits, 1, 1), _word(_ALNUM, 3, 3)).map("".join)
)
_singleton = st.sampled_from([c for c in _ALNUM if c not in "xX"])
_extension = st.tuples(_singleton, st.lists(_word(_ALNUM, 2, 8), min_size=1, max_size=3))


@st.composite
def well_formed_tags(draw: st.DrawFn) -> str:
    """A tag built from the langtag and privateuse productions of RFC 5646."""
    if draw(st.integers(0, 9)) == 0:
        subtags = ["x", *draw(st.lists(_word(_ALNUM, 1, 8), min_size=1, max_size=3))]
    else:
        subtags = draw(_language)
        if draw(st.booleans()):
            subtags.append(draw(_word(_LETTERS, 4, 4)))
        if draw(st.booleans()):
            subtags.append(draw(st.one_of(_word(_LETTERS, 2, 2), _word(string.digits, 3, 3))))
        variants = draw(st.lists(_variant, max_size=2, unique_by=str.lower))
        subtags += variants
        extensions = draw(st.lists(_extension, max_size=2, unique_by=lambda e: e[0].lower()))
        for singleton, parts in extensions:
            subtags += [singleton, *parts]
        if draw(st.booleans()):
            subtags += ["x", *draw(st.lists(_word(_ALNUM, 1, 8), min_size=1, max_size=2))]
    separators = draw(st.lists(st.sampled_from("-_"), min_size=len(subtags), max_size=len(subtags)))
    return subtags[0] + "".join(sep + sub for sep, sub in zip(separators[1:], subtags[1:]))


@settings(deadline=None)
@given(st.text())
def test_any_text_is_true_false_or_an_invalid_tag(text: str) -> None:
    try:
        answer = supports_language(text)
    except InvalidLanguageTagError:
        return
    assert answer is True or answer is False


# Text made of the characters tags use, so that most draws reach deep into the parser.
_tag_like = st.text(alphabet=_ALNUM[:8] + "XxIi0123456789-_", max_size=24)


@settings(deadline=None)
@given(st.one_of(_tag_like, st.text(max_size=12)))
def test_tag_like_text_is_true_false_or_an_invalid_tag(text: str) -> None:
    try:
        answer = supports_language(text)
    except InvalidLanguageTagError as error:
        message = str(error)
    else:
        assert answer is True or answer is False
        return
    assert message.startswith(repr(text))
    assert "Give a BCP 47 tag" in message


@settings(deadline=None)
@given(st.one_of(well_formed_tags(), _tag_like))
def test_accepted_tags_round_trip_to_a_stable_canonical_form(text: str) -> None:
    try:
        parsed = parse(text)
    except InvalidLanguageTagError:
        return
    canonical = parsed.canonical
    assert canonical.lower() == text.replace("_", "-").lower()
    again = parse(canonical)
    assert again.canonical == canonical
    assert again._replace(canonical="") == parsed._replace(canonical="")
    assert supports_language(canonical) is supports_language(text)
    assert parse(canonical.lower()).canonical == canonical
    assert parse(canonical.upper()).canonical == canonical


@settings(deadline=None)
@given(well_formed_tags())
def test_tags_built_from_the_grammar_parse(text: str) -> None:
    parsed = parse(text)
    assert parsed.canonical.lower() == text.replace("_", "-").lower()
    assert supports_language(text) in (True, False)


@settings(deadline=None)
@given(
    st.sampled_from([entry.iso639_1 for entry in llama_cards.languages()]),
    st.one_of(st.none(), _word(_LETTERS, 4, 4)),
    st.one_of(st.none(), _word(_LETTERS, 2, 2), _word(string.digits, 3, 3)),
    st.booleans(),
)
def test_any_script_region_or_private_use_keeps_a_supported_language(
    code: str, script: Optional[str], region: Optional[str], private: bool
) -> None:
    tag = "-".join(
        part for part in (code, script, region, "x-mine" if private else None) if part is not None
    )
    assert supports_language(tag) is True
    assert llama_cards.language(tag).iso639_1 == code


@given(
    st.from_regex(r"[A-Za-z]{2,3}([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?", fullmatch=True)
)
def test_the_common_tag_shortcut_agrees_with_the_full_parser(tag: str) -> None:
    # Common tags are answered without the full parser; the answer must be the parser's.
    from llama_cards import _languages, _loader

    index = _loader.newest().language_index
    assert _languages.is_supported(index, tag) is (_languages._find(index, tag)[0] is not None)


def _answer(lookup: Callable[..., object], *args: object) -> object:
    """What a lookup gives: its answer, or the kind and text of the error it raises."""
    try:
        return lookup(*args)
    except InvalidLanguageTagError as error:
        return (type(error), str(error))


@given(
    st.one_of(
        st.from_regex(
            r"[A-Za-z]{1,4}([-_]([A-Za-z]{2,3}|[0-9]{3}))?(\.[A-Za-z0-9_.@-]{0,8})?"
            r"(@[A-Za-z0-9_.-]{0,9})?",
            fullmatch=True,
        ),
        st.sampled_from(["C", "POSIX", "c", "posix", "Posix", "C.UTF-8", "POSIX.utf8", "C@x"]),
        st.sampled_from(["en_US.UTF-8", "pt_BR@euro", "de_DE.utf8", "sr_RS@latin", "en.US"]),
        st.sampled_from(["C.ANSI_X3.4-1968", "en_US.-8", "en_US.@euro", "ca_ES.UTF-8@valencia"]),
    )
)
def test_the_common_locale_shortcut_agrees_with_the_locale_parser(text: str) -> None:
    # Common locale names ($LANG) are answered without the locale parser, as common tags are
    # without the tag parser; the answer (or the error) must be the parsers'. The locales
    # that name no language never take a shortcut.
    from llama_cards import _languages, _loader

    index = _loader.newest().language_index
    if text.partition(".")[0].partition("@")[0].lower() in ("c", "posix"):
        assert _languages._simple_language(index, text) is None
    found = _answer(lambda: _languages._find(index, text)[0] is not None)
    assert _answer(_languages.is_supported, index, text) == found
    assert _answer(supports_language, text) == found
    try:
        expected: object = _languages._find(index, text)[0]
    except InvalidLanguageTagError:
        return
    if expected is not None:
        assert _languages.find_language(index, text) is expected
