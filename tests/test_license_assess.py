"""assess_use(): the table of cases with the clause that decides each, every error path, and
properties over arbitrary input."""

from __future__ import annotations

import json
import unicodedata
from typing import Any, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

import llama_cards
from llama_cards import (
    ArgumentTypeError,
    Card,
    InvalidArgumentError,
    InvalidCountryCodeError,
    LlamaCardsError,
    UnknownModelError,
    UseAssessment,
    assess_use,
)
from shipped import card_document

EU_MEMBER_STATES = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip
EU_TERRITORIES = {"AX", "GF", "GP", "MF", "MQ", "RE", "YT"}
EEA_OR_SWITZERLAND = {"IS", "LI", "NO", "CH"}
LIMIT = 700_000_000
IRELAND = "Meta Platforms Ireland Limited"
INC = "Meta Platforms, Inc."


def _assess(**arguments: Any) -> UseAssessment:
    """Call assess_use with arguments of any type (the type checker would refuse the bad ones)."""
    return assess_use(**arguments)


def _finding(assessment: UseAssessment, term: str) -> llama_cards.Finding:
    (found,) = (finding for finding in assessment.findings if finding.term == term)
    return found


# Where the EU restriction is stated (it withholds the rights of Section 1(a)).
EU_CLAUSE = "Use Policy and License Notice"
EU_END_USERS = "Use Policy and License Notice"

# (case, arguments, permitted, deciding term, its clause, whether it blocks)
CASES: list[tuple[str, dict[str, Any], bool, str, str, bool]] = [
    ("eu company", {"domicile": "DE"}, False, "eu-multimodal-restriction", EU_CLAUSE, True),
    (
        "eu individual",
        {"domicile": "FR", "entity": "individual"},
        False,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        True,
    ),
    (
        "eu company, lower case",
        {"domicile": "gr", "entity": "company"},
        False,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        True,
    ),
    (
        "eu outermost region",
        {"domicile": "RE"},
        False,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        True,
    ),
    (
        "eu end user",
        {"domicile": "IT", "end_user": True},
        True,
        "eu-end-user-exemption",
        EU_END_USERS,
        False,
    ),
    (
        "eu individual end user",
        {"domicile": "ie", "entity": "individual", "end_user": True},
        True,
        "eu-end-user-exemption",
        EU_END_USERS,
        False,
    ),
    ("non-eu", {"domicile": "US"}, True, "eu-multimodal-restriction", EU_CLAUSE, False),
    (
        "non-eu, left the eu",
        {"domicile": "gb"},
        True,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        False,
    ),
    (
        "eea not eu: iceland",
        {"domicile": "IS"},
        True,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        False,
    ),
    (
        "eea not eu: liechtenstein",
        {"domicile": "LI"},
        True,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        False,
    ),
    (
        "eea not eu: norway",
        {"domicile": "no"},
        True,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        False,
    ),
    ("switzerland", {"domicile": "CH"}, True, "eu-multimodal-restriction", EU_CLAUSE, False),
    (
        "above the threshold",
        {"domicile": "US", "monthly_active_users": LIMIT + 1},
        False,
        "monthly-active-users",
        "Section 2",
        True,
    ),
    (
        "at the threshold",
        {"domicile": "US", "monthly_active_users": LIMIT},
        True,
        "monthly-active-users",
        "Section 2",
        False,
    ),
    (
        "no users",
        {"domicile": "JP", "monthly_active_users": 0},
        True,
        "monthly-active-users",
        "Section 2",
        False,
    ),
    (
        "users unknown",
        {"domicile": "JP"},
        True,
        "monthly-active-users",
        "Section 2",
        False,
    ),
    (
        "end user above the threshold",
        {"domicile": "US", "end_user": True, "monthly_active_users": 10 * LIMIT},
        True,
        "end-user-product",
        "Section 1(b)(ii)",
        False,
    ),
    (
        "eu company above the threshold",
        {"domicile": "NL", "monthly_active_users": 2 * LIMIT},
        False,
        "monthly-active-users",
        "Section 2",
        True,
    ),
    (
        "eu company, scout",
        {"domicile": "PL", "model": "scout"},
        False,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        True,
    ),
    (
        "eu company, maverick",
        {"domicile": "PL", "model": "meta-llama/Llama-4-Maverick-17B-128E-Instruct"},
        False,
        "eu-multimodal-restriction",
        EU_CLAUSE,
        True,
    ),
    (
        "licensor inside the eea",
        {"domicile": "NO"},
        True,
        "licensor",
        'Definitions ("Meta")',
        False,
    ),
]


@pytest.mark.parametrize(
    ("arguments", "permitted", "term", "clause", "blocks"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_cases_and_the_clause_that_decides_each(
    arguments: dict[str, Any], permitted: bool, term: str, clause: str, blocks: bool
) -> None:
    assessment = _assess(**arguments)
    assert assessment.permitted is permitted
    deciding = _finding(assessment, term)
    assert deciding.clause == clause
    assert deciding.blocks is blocks
    assert deciding.sources
    assert (deciding in assessment.blocking) is blocks


@pytest.mark.parametrize("code", sorted(EEA_OR_SWITZERLAND))
def test_eea_and_switzerland_are_not_restricted_by_section_1a(code: str) -> None:
    assessment = _assess(domicile=code, entity="company")
    finding = _finding(assessment, "eu-multimodal-restriction")
    assert not finding.blocks
    assert "licensor" in finding.explanation
    assert assessment.permitted
    assert assessment.licensor == IRELAND


@pytest.mark.parametrize(
    ("code", "licensor"),
    [
        ("DE", IRELAND),
        ("NO", IRELAND),
        ("CH", IRELAND),
        ("RE", IRELAND),
        ("AX", IRELAND),
        ("US", INC),
        ("GB", INC),
        ("JP", INC),
        ("TR", INC),
    ],
)
def test_licensor_follows_the_eea_and_switzerland(code: str, licensor: str) -> None:
    assessment = _assess(domicile=code)
    assert assessment.licensor == licensor
    assert licensor in _finding(assessment, "licensor").explanation


def test_both_blocks_are_reported() -> None:
    assessment = _assess(domicile="BE", monthly_active_users=LIMIT + 1)
    assert [f.term for f in assessment.blocking] == [
        "eu-multimodal-restriction",
        "monthly-active-users",
    ]


def test_explanations_name_who_and_where() -> None:
    company = _finding(_assess(domicile="de"), "eu-multimodal-restriction").explanation
    person = _finding(_assess(domicile="de", entity="individual"), "eu-multimodal-restriction")
    assert "principal place of business in DE" in company
    assert "Llama 4 Scout and Llama 4 Maverick" in company
    assert "end users" in company
    assert "individual domiciled in DE" in person.explanation
    region = _finding(_assess(domicile="gp"), "eu-multimodal-restriction").explanation
    assert "EU treaties" in region


def test_threshold_explanations() -> None:
    above = _finding(_assess(domicile="US", monthly_active_users=LIMIT + 1), "monthly-active-users")
    assert "700,000,000" in above.explanation
    assert "request a licence from Meta" in above.explanation
    assert "2025-04-05" in above.explanation
    unknown = _finding(_assess(domicile="US"), "monthly-active-users")
    assert "Not checked" in unknown.explanation


OBLIGATIONS = [
    "agreement-copy",
    "built-with-llama",
    "llama-name-prefix",
    "notice-file",
    "laws-and-policy",
    "acceptable-use",
    "brand-guidelines",
    "indemnity",
    "delete-on-termination",
]


def test_obligations_of_a_permitted_licensee() -> None:
    assessment = _assess(domicile="US", monthly_active_users=1000)
    assert [item.id for item in assessment.obligations] == OBLIGATIONS
    clauses = {item.id: item.clause for item in assessment.obligations}
    assert clauses["built-with-llama"] == "Section 1(b)(i)"
    assert clauses["llama-name-prefix"] == "Section 1(b)(i)"
    assert clauses["notice-file"] == "Section 1(b)(iii)"
    assert clauses["laws-and-policy"] == "Section 1(b)(iv)"


def test_obligations_of_an_end_user() -> None:
    assessment = _assess(domicile="FR", end_user=True)
    assert [item.id for item in assessment.obligations] == ["acceptable-use"]


def test_no_obligations_without_rights() -> None:
    assert _assess(domicile="FR").obligations == ()


def test_says_it_is_not_legal_advice() -> None:
    assessment = _assess(domicile="US")
    assert "not legal advice" in assessment.disclaimer
    assert "not legal advice" in str(assessment)


def test_sources_and_links() -> None:
    assessment = _assess(domicile="DE")
    urls = {document.id: document.url for document in llama_cards.card().documents}
    assert [source.document for source in assessment.sources].count("eu-countries") == 1
    assert len(set(assessment.sources)) == len(assessment.sources)
    assert set(assessment.links) == {urls[source.document] for source in assessment.sources}
    assert urls["meta-use-policy"] in assessment.links
    assert urls["meta-license"] in assessment.links


def test_echoes_what_was_assessed() -> None:
    assessment = _assess(domicile="fr", entity="individual", end_user=True, model="Scout")
    assert (assessment.domicile, assessment.entity, assessment.end_user, assessment.model) == (
        "FR",
        "individual",
        True,
        "llama-4-scout",
    )
    assert _assess(domicile="fr").model is None


def test_accepts_a_model_record() -> None:
    scout = llama_cards.model("scout")
    assert _assess(domicile="DE", model=scout) is _assess(domicile="DE", model="llama-4-scout")


def test_str_lists_findings_and_obligations() -> None:
    text = str(_assess(domicile="US", monthly_active_users=1))
    assert text.startswith("permitted (")
    assert f"  ok     {EU_CLAUSE}:" in text
    assert "obligations:" in text
    assert "(when you distribute copies of the Llama materials)" in text
    assert f"  blocks {EU_CLAUSE}:" in str(_assess(domicile="SE"))


def test_round_trips_through_json() -> None:
    assessment = _assess(domicile="DE", monthly_active_users=5, model="maverick")
    again = UseAssessment.model_validate_json(assessment.model_dump_json())
    assert again == assessment
    assert again.blocking == assessment.blocking


def test_same_question_same_answer_object() -> None:
    first = _assess(domicile="de", monthly_active_users=10)
    assert _assess(domicile="DE", monthly_active_users=11) is first
    assert _assess(domicile="De", monthly_active_users=LIMIT + 1) is not first


def test_card_method_matches_the_function() -> None:
    card = llama_cards.card()
    assert card.assess_use(domicile="AT") == _assess(domicile="AT")


def test_answers_do_not_depend_on_what_was_asked_before() -> None:
    # A new question reuses what earlier questions to the same card built (the findings of
    # a code, of a role, of a user count, the sources they cite): a card asked in one order,
    # a copy asked in the other, and a copy asked each question alone give equal answers,
    # field by field, in their JSON and in their text.
    card = llama_cards.card()
    questions: list[dict[str, Any]] = [
        {
            "domicile": code,
            "entity": entity,
            "end_user": end_user,
            "monthly_active_users": users,
            "model": model,
        }
        for code in ("DE", "GF", "NO", "CH", "US", "XK")
        for entity in ("company", "individual")
        for end_user in (False, True)
        for users in (None, 5, LIMIT + 1)
        for model in (None, "scout")
    ]
    forward, backward = card.model_copy(), card.model_copy()
    ahead = [forward.assess_use(**question) for question in questions]
    behind = [backward.assess_use(**question) for question in reversed(questions)][::-1]
    for question, one, other in zip(questions, ahead, behind):
        alone = card.model_copy().assess_use(**question)
        for answer in (other, alone):
            assert answer == one, question
            assert answer.model_dump_json() == one.model_dump_json(), question
            assert str(answer) == str(one), question


def test_a_copy_with_other_data_gets_its_own_answers() -> None:
    card = llama_cards.card()
    assert not card.assess_use(domicile="DE", model="scout").permitted
    scout, maverick = card.models
    text_only = scout.model_copy(update={"input_modalities": ("text",)})
    variant = card.model_copy(update={"models": (text_only, maverick)})
    assert variant.assess_use(domicile="DE", model="scout").permitted
    assert not card.assess_use(domicile="DE", model="scout").permitted


def test_the_lists_of_the_data_decide_the_findings() -> None:
    card = llama_cards.card()
    terms, countries = card.license, card.countries
    # A licensor without Switzerland, and other words for a member state.
    licensor = terms.licensor.model_copy(update={"groups": terms.licensor.groups[:-1]})
    groups = tuple(
        group.model_copy(update={"member": "a member state of the Union"})
        if group.id == "eu-member-states"
        else group
        for group in countries.groups
    )
    variant = card.model_copy(
        update={
            "license": terms.model_copy(update={"licensor": licensor}),
            "countries": countries.model_copy(update={"groups": groups}),
        }
    )
    swiss = variant.assess_use(domicile="CH")
    assert swiss.licensor == INC
    assert _finding(swiss, "eu-multimodal-restriction").explanation == (
        "CH is not in the European Union, so the EU restriction on Llama 4 Scout and "
        "Llama 4 Maverick does not apply."
    )
    norway = variant.assess_use(domicile="NO")
    assert norway.licensor == IRELAND
    assert "only to say which Meta company is the licensor" in (
        _finding(norway, "eu-multimodal-restriction").explanation
    )
    german = _finding(variant.assess_use(domicile="DE"), "eu-multimodal-restriction")
    assert "in DE (a member state of the Union) is not granted" in german.explanation
    exempt = _finding(variant.assess_use(domicile="DE", end_user=True), "eu-end-user-exemption")
    assert exempt.explanation.startswith("DE is a member state of the Union, but an end user")
    # The shipped card is unchanged.
    assert "licensor" in _finding(_assess(domicile="CH"), "eu-multimodal-restriction").explanation


def test_accepts_int_like_counts() -> None:
    class Count:
        def __index__(self) -> int:
            return LIMIT + 1

    assert not _assess(domicile="US", monthly_active_users=Count()).permitted


def _text_only_scout_card() -> Card:
    raw = card_document("4")
    assert raw is not None
    data = json.loads(raw)
    data["models"][0]["input_modalities"] = ["text"]
    return Card.model_validate(data)


def test_a_text_only_model_is_not_covered() -> None:
    card = _text_only_scout_card()
    scout = card.assess_use(domicile="DE", model="scout")
    assert scout.permitted
    finding = _finding(scout, "eu-multimodal-restriction")
    assert not finding.blocks
    assert "takes no image input" in finding.explanation
    every = card.assess_use(domicile="DE")
    assert not every.permitted
    restriction = _finding(every, "eu-multimodal-restriction").explanation
    assert "Llama 4 Maverick" in restriction
    assert "Scout" not in restriction


# --------------------------------------------------------------------- errors

COUNTRY_ERRORS = [
    ("EU", ["'EU'", "European Union", "member state"]),
    ("eu", ["'eu'", "European Union"]),
    ("UK", ["'UK'", "'GB'"]),
    ("uk", ["'uk'", "'GB'"]),
    ("EL", ["'EL'", "'GR'"]),
    ("IC", ["'IC'", "Canary Islands", "use 'ES'"]),
    ("ic", ["'ic'", "Canary Islands", "use 'ES'"]),
    ("EA", ["'EA'", "Ceuta and Melilla", "use 'ES'"]),
    ("FX", ["'FX'", "metropolitan France", "use 'FR'"]),
    ("XX", ["'XX'", "not an assigned", "'US'"]),
    ("E1", ["'E1'", "two letters"]),
    ("", ["''", "two letters"]),
    ("usa", ["'usa'", "alpha-3", "two-letter"]),
    ("DEU", ["'DEU'", "alpha-3"]),
    ("ß", ["'ß'", "two letters"]),
    (" ß", ["' ß'", "two letters"]),
    (" uk ", ["' uk '", "'GB'"]),
    ("Ｄe", ["'Ｄe'", "two letters"]),
    ("D", ["'D'", "two letters"]),
    ("Germany", ["'Germany'", "two letters"]),
]


@pytest.mark.parametrize(("domicile", "words"), COUNTRY_ERRORS)
def test_bad_country_codes(domicile: str, words: list[str]) -> None:
    with pytest.raises(InvalidCountryCodeError) as caught:
        _assess(domicile=domicile)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, LlamaCardsError)
    for word in words:
        assert word in str(caught.value)


ARGUMENT_ERRORS: list[tuple[dict[str, Any], type[Exception], list[str]]] = [
    ({"domicile": None}, ArgumentTypeError, ["domicile", "NoneType"]),
    ({"domicile": 49}, ArgumentTypeError, ["domicile", "int"]),
    ({"domicile": b"DE"}, ArgumentTypeError, ["domicile", "bytes"]),
    ({"domicile": ["DE"]}, ArgumentTypeError, ["domicile", "list"]),
    (
        {"domicile": "DE", "entity": "Company"},
        InvalidArgumentError,
        ["'Company'", "did you mean 'company'"],
    ),
    (
        {"domicile": "DE", "entity": "partnership"},
        InvalidArgumentError,
        ["'company' or 'individual'"],
    ),
    ({"domicile": "DE", "entity": 1}, ArgumentTypeError, ["entity", "int"]),
    ({"domicile": "DE", "entity": None}, ArgumentTypeError, ["entity", "NoneType"]),
    ({"domicile": "DE", "end_user": "yes"}, ArgumentTypeError, ["end_user", "str"]),
    ({"domicile": "DE", "end_user": 1}, ArgumentTypeError, ["end_user", "int"]),
    ({"domicile": "DE", "end_user": None}, ArgumentTypeError, ["end_user", "NoneType"]),
    ({"domicile": "US", "monthly_active_users": True}, ArgumentTypeError, ["bool", "True"]),
    ({"domicile": "US", "monthly_active_users": 7e8}, InvalidArgumentError, ["whole number"]),
    ({"domicile": "US", "monthly_active_users": 1.5}, InvalidArgumentError, ["whole number"]),
    ({"domicile": "US", "monthly_active_users": "700000000"}, ArgumentTypeError, ["str"]),
    ({"domicile": "US", "monthly_active_users": -1}, InvalidArgumentError, ["zero or more", "-1"]),
    ({"domicile": "US", "model": 4}, ArgumentTypeError, ["model", "int"]),
    ({"domicile": "US", "model": "llama 5"}, UnknownModelError, ["'llama 5'", "llama-4-scout"]),
]


@pytest.mark.parametrize(("arguments", "error", "words"), ARGUMENT_ERRORS)
def test_bad_arguments(arguments: dict[str, Any], error: type[Exception], words: list[str]) -> None:
    with pytest.raises(error) as caught:
        _assess(**arguments)
    assert isinstance(caught.value, LlamaCardsError)
    for word in words:
        assert word in str(caught.value)


def test_type_errors_are_type_errors_and_value_errors_value_errors() -> None:
    with pytest.raises(TypeError):
        _assess(domicile="US", monthly_active_users=False)
    with pytest.raises(ValueError, match="zero or more"):
        _assess(domicile="US", monthly_active_users=-(10**12))


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        assess_use("DE")  # type: ignore[call-arg]  # the positional call under test


# ----------------------------------------------------------------- properties

ASSIGNED = llama_cards.card().countries.group("iso-3166-1-alpha-2").codes
USER_ASSIGNED_IN_USE = llama_cards.card().countries.group("user-assigned-in-use").codes
DOCUMENTED = (InvalidCountryCodeError, InvalidArgumentError, ArgumentTypeError, UnknownModelError)
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=6),
    st.sampled_from(ASSIGNED),
    st.binary(max_size=3),
    st.lists(st.integers(), max_size=2),
)


@given(
    domicile=st.one_of(anything, st.sampled_from(ASSIGNED)),
    entity=st.one_of(anything, st.sampled_from(["company", "individual"])),
    end_user=st.one_of(anything, st.booleans()),
    monthly_active_users=st.one_of(anything, st.integers(min_value=0)),
    model=st.one_of(anything, st.sampled_from(["scout", "Maverick", "llama-4-scout"])),
)
def test_any_input_gives_an_assessment_or_a_documented_error(
    domicile: object, entity: object, end_user: object, monthly_active_users: object, model: object
) -> None:
    try:
        assessment = _assess(
            domicile=domicile,
            entity=entity,
            end_user=end_user,
            monthly_active_users=monthly_active_users,
            model=model,
        )
    except DOCUMENTED as error:
        message = str(error)
    else:
        assert isinstance(assessment, UseAssessment)
        assert assessment.permitted is not any(f.blocks for f in assessment.findings)
        return
    assert message  # every documented error says what was wrong


def _case_variant(code: str, flips: list[bool]) -> str:
    return "".join(c.lower() if flip else c for c, flip in zip(code, flips))


@given(
    code=st.sampled_from(ASSIGNED),
    flips=st.lists(st.booleans(), min_size=2, max_size=2),
    entity=st.sampled_from(["company", "individual"]),
    end_user=st.booleans(),
    users=st.one_of(st.none(), st.integers(min_value=0, max_value=4 * LIMIT)),
)
def test_the_rules_over_every_assigned_code(
    code: str, flips: list[bool], entity: str, end_user: bool, users: Optional[int]
) -> None:
    assessment = _assess(
        domicile=_case_variant(code, flips),
        entity=entity,
        end_user=end_user,
        monthly_active_users=users,
    )
    in_eu = code in EU_MEMBER_STATES or code in EU_TERRITORIES
    too_many = users is not None and users > LIMIT
    assert assessment.domicile == code
    assert assessment.permitted is (end_user or not (in_eu or too_many))
    in_eea_or_switzerland = in_eu or code in EEA_OR_SWITZERLAND
    assert assessment.licensor == (IRELAND if in_eea_or_switzerland else INC)


@given(st.text(min_size=2, max_size=2))
def test_two_characters_are_a_code_exactly_when_assigned(text: str) -> None:
    code = text.strip().upper()
    if text.strip().isascii() and (code in ASSIGNED or code in USER_ASSIGNED_IN_USE):
        assert _assess(domicile=text).domicile == code
    else:
        # A control character inside is refused as in every argument, never removed.
        control = any(unicodedata.category(char) == "Cc" for char in text.strip())
        with pytest.raises(InvalidArgumentError if control else InvalidCountryCodeError) as caught:
            _assess(domicile=text)
        assert repr(text) in str(caught.value)


def test_a_comparison_model_or_a_control_character_as_the_model_is_refused() -> None:
    # The licence check reads model names from the models' facts; a name that is not
    # one falls back to model(), which says what it is instead.
    with pytest.raises(UnknownModelError, match=r"comparison_model\('llama-3.1-405b'\)"):
        llama_cards.assess_use(domicile="US", model="Llama 3.1 405B")
    with pytest.raises(InvalidArgumentError, match="control character"):
        llama_cards.assess_use(domicile="US", model="scout\x00")
