"""The licence terms and country lists as shipped: literal tables from the sources, and the
data checked against itself, one named invariant per test."""

from __future__ import annotations

import re
from datetime import date

import pytest

import llama_cards
from llama_cards import Card, CountryGroupId, InvalidArgumentError, LicenseTerms, Source
from shipped import card_document

# The 27 member states of the European Union, from the EU's "EU countries" page, written
# as ISO 3166-1 alpha-2 codes (Greece is GR there, though the EU itself writes EL).
EU_MEMBER_STATES = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip
# Outermost regions (TFEU Article 355(1)) and the Aland Islands (Article 355(4)) that ISO
# 3166-1 codes apart from their member state.
EU_TERRITORIES = {"AX", "GF", "GP", "MF", "MQ", "RE", "YT"}
EEA_NOT_EU = {"IS", "LI", "NO"}
SWITZERLAND = {"CH"}


def _terms() -> LicenseTerms:
    return llama_cards.license_terms()


def _sources_of(terms: LicenseTerms) -> list[Source]:
    found: list[Source] = [terms.source]
    for entry in terms.field_sources:
        found += terms.source_of(entry.field)
    for term in terms.terms():
        found += term.sources
    for use in terms.prohibited_uses:
        found.append(use.source)
    for out in terms.out_of_scope_uses:
        found += out.sources
    countries = llama_cards.card().countries
    found += [group.source for group in countries.groups]
    found += [hint.source for hint in countries.hints]
    return found


# --------------------------------------------------------------- shipped data


def test_shipped_file_validates_and_equals_the_loaded_card() -> None:
    raw = card_document("4")
    assert raw is not None
    validated = Card.model_validate_json(raw)
    loaded = llama_cards.card()
    assert validated.license == loaded.license
    assert validated.countries == loaded.countries
    assert validated == loaded


def test_license_terms_round_trip_through_json() -> None:
    terms = _terms()
    assert LicenseTerms.model_validate_json(terms.model_dump_json()) == terms


def test_license_terms_is_the_cards_license() -> None:
    assert llama_cards.license_terms() is llama_cards.card().license


# ---------------------------------------------------------- literal facts


def test_headline_facts() -> None:
    terms = _terms()
    assert terms.name == "Llama 4 Community License Agreement"
    assert terms.effective_date == date(2025, 4, 5)
    assert terms.use_policy_name == "Llama 4 Acceptable Use Policy"
    assert terms.user_threshold.monthly_active_users == 700_000_000
    assert terms.eu_restriction.multimodal_input == "image"
    assert terms.licensor.inside == "Meta Platforms Ireland Limited"
    assert terms.licensor.outside == "Meta Platforms, Inc."
    assert "not legal advice" in terms.disclaimer


DOCUMENTS = [
    ("meta-license", "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE"),
    (
        "meta-use-policy",
        "https://github.com/meta-llama/llama-models/blob/main/models/llama4/USE_POLICY.md",
    ),
    (
        "eu-countries",
        "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
    ),
    ("tfeu-article-355", "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016E355"),
    ("efta-eea", "https://www.efta.int/eea/eea-agreement"),
    ("iso-3166", "https://www.iso.org/iso-3166-country-codes.html"),
    (
        "eu-style-guide",
        "https://style-guide.europa.eu/en/content/-/isg/topic?identifier=7.1-countries",
    ),
]


@pytest.mark.parametrize(("document_id", "url"), DOCUMENTS)
def test_cited_documents_are_listed_with_their_links(document_id: str, url: str) -> None:
    documents = {document.id: document for document in llama_cards.card().documents}
    assert documents[document_id].url == url


def test_licence_links_match_the_documents() -> None:
    documents = {document.id: document.url for document in llama_cards.card().documents}
    assert _terms().license_url == documents["meta-license"]
    # The licence (Section 1(b)(iv)) and the policy's introduction both give the policy's
    # official address; the GitHub copy the data was read from stays a document.
    assert _terms().use_policy_url == "https://www.llama.com/llama4/use-policy"
    assert documents["meta-use-policy"] == (
        "https://github.com/meta-llama/llama-models/blob/main/models/llama4/USE_POLICY.md"
    )


# Where the licence record's own facts are given (document id, section).
LICENSE_HEADING = ("meta-license", "Heading (title and Llama 4 Version Effective Date)")
LICENSE_FIELD_SOURCES = {
    "name": [LICENSE_HEADING],
    "effective_date": [LICENSE_HEADING],
    "license_url": [("meta-model-card", "Model Information (License)")],
    "use_policy_name": [("meta-use-policy", "Heading (title)")],
    "use_policy_url": [
        ("meta-license", "Section 1(b)(iv)"),
        ("meta-use-policy", "Introduction"),
    ],
}


@pytest.mark.parametrize("field", LICENSE_FIELD_SOURCES)
def test_licence_record_facts_have_their_sources(field: str) -> None:
    found = [(source.document, source.section) for source in _terms().source_of(field)]
    assert found == LICENSE_FIELD_SOURCES[field]


def test_unknown_licence_field() -> None:
    with pytest.raises(InvalidArgumentError, match=r"LicenseTerms has no field 'url'.*license_url"):
        _terms().source_of("url")


TERMS = [
    ("eu-multimodal-restriction", "Use Policy and License Notice"),
    ("eu-end-user-exemption", "Use Policy and License Notice"),
    ("monthly-active-users", "Section 2"),
    ("end-user-product", "Section 1(b)(ii)"),
    ("licensor", 'Definitions ("Meta")'),
    ("agreement-copy", "Section 1(b)(i)"),
    ("built-with-llama", "Section 1(b)(i)"),
    ("llama-name-prefix", "Section 1(b)(i)"),
    ("notice-file", "Section 1(b)(iii)"),
    ("laws-and-policy", "Section 1(b)(iv)"),
    ("acceptable-use", "Acceptable Use Policy, Prohibited Uses"),
    ("brand-guidelines", "Section 5(a)"),
    ("indemnity", "Section 5(c)"),
    ("delete-on-termination", "Section 6"),
    ("litigation-termination", "Section 5(c)"),
    ("no-warranty", "Section 3"),
    ("limitation-of-liability", "Section 4"),
    ("governing-law", "Section 7"),
]


def test_every_term_with_its_clause_in_order() -> None:
    assert [(term.id, term.clause) for term in _terms().terms()] == TERMS


def test_the_restriction_cites_the_policy_and_the_cards_licence_notice() -> None:
    documents = [source.document for source in _terms().eu_restriction.sources]
    assert documents == ["meta-use-policy", "azure-card"]


@pytest.mark.parametrize(
    ("term_id", "words"),
    [
        ("built-with-llama", ['"Built with Llama"']),
        ("llama-name-prefix", ['"Llama"']),
        ("notice-file", ['"Notice"']),
        ("monthly-active-users", ["more than 700 million", "ask Meta for a licence"]),
        ("eu-multimodal-restriction", ["multimodal", "European Union", "principal place"]),
        ("eu-end-user-exemption", ["end users"]),
    ],
)
def test_explanations_carry_the_key_facts(term_id: str, words: list[str]) -> None:
    (term,) = (term for term in _terms().terms() if term.id == term_id)
    for word in words:
        assert word in term.explanation


# What the summaries of Sections 4, 5(a) and 5(c) must say, written from the licence.
SUMMARY_FACTS = [
    (
        "limitation-of-liability",
        [
            "theory of liability",
            "contract, tort, negligence",
            "arising out of the agreement",
            "lost profits",
            "indirect, special, incidental, consequential, exemplary or punitive damages",
            "even if told",
        ],
    ),
    ("litigation-termination", ["intellectual property or other rights", "counterclaim"]),
    (
        "brand-guidelines",
        ["No trademark licence", "names or marks", "reasonable, customary", "redistribute"],
    ),
]


@pytest.mark.parametrize(("term_id", "words"), SUMMARY_FACTS)
def test_licence_summaries_keep_the_clauses_reach(term_id: str, words: list[str]) -> None:
    (term,) = (term for term in _terms().terms() if term.id == term_id)
    for word in words:
        assert word in term.explanation, word


def test_liability_limit_is_not_narrowed_to_claims_under_the_agreement() -> None:
    (term,) = (term for term in _terms().other_terms if term.id == "limitation-of-liability")
    assert "liable under the agreement" not in term.explanation


OBLIGATION_ROLES = {
    "agreement-copy": ("licensee",),
    "built-with-llama": ("licensee",),
    "llama-name-prefix": ("licensee",),
    "notice-file": ("licensee",),
    "laws-and-policy": ("licensee",),
    "acceptable-use": ("licensee", "end-user"),
    "brand-guidelines": ("licensee",),
    "indemnity": ("licensee",),
    "delete-on-termination": ("licensee",),
}


def test_obligations_and_whom_they_bind() -> None:
    assert {item.id: item.applies_to for item in _terms().obligations} == OBLIGATION_ROLES


# The policy's prohibited-use headings as its text prints them: 1, 3, 4, 5, 6 (no 2).
PROHIBITED_USES = [
    ("1", 1, 14, "law"),
    ("3", 2, 6, "death or bodily harm"),
    ("4", 3, 6, "deceiving"),
    ("5", 4, 0, "dangers"),
    ("6", 5, 0, "third-party tools"),
]


def test_prohibited_use_headings_with_their_printed_numbers() -> None:
    found = [
        (use.number, use.position, len(use.items), use.summary) for use in _terms().prohibited_uses
    ]
    assert [row[:3] for row in found] == [row[:3] for row in PROHIBITED_USES]
    for (_, _, _, summary), (_, _, _, word) in zip(found, PROHIBITED_USES):
        assert word in summary


def test_prohibited_use_items_are_numbered_under_their_heading() -> None:
    expected = {
        "1": ["1.1", *(f"1.1.{n}" for n in range(1, 7)), *(f"1.{n}" for n in range(2, 9))],
        "3": [f"3.{n}" for n in range(1, 7)],
        "4": [f"4.{n}" for n in range(1, 7)],
        "5": [],
        "6": [],
    }
    assert {use.number: [i.number for i in use.items] for use in _terms().prohibited_uses} == (
        expected
    )


def test_out_of_scope_uses() -> None:
    found = {use.id: use.summary for use in _terms().out_of_scope_uses}
    assert list(found) == [
        "unlawful",
        "prohibited-by-terms",
        "unsupported-languages-or-capabilities",
    ]
    assert "trade compliance" in found["unlawful"]
    assert "12" in found["unsupported-languages-or-capabilities"]
    assert "fine-tune" in found["unsupported-languages-or-capabilities"]


# ------------------------------------------------------------------ countries


def _codes(group_id: CountryGroupId) -> tuple[str, ...]:
    return llama_cards.card().countries.group(group_id).codes


def test_eu_member_states_are_the_27() -> None:
    assert set(_codes("eu-member-states")) == EU_MEMBER_STATES
    assert len(EU_MEMBER_STATES) == 27


def test_greece_is_gr_and_the_eus_own_el_is_not_assigned() -> None:
    assert "GR" in _codes("eu-member-states")
    assert "EL" not in _codes("iso-3166-1-alpha-2")


def test_the_united_kingdom_left_the_eu() -> None:
    assert "GB" not in _codes("eu-member-states")
    assert "GB" in _codes("iso-3166-1-alpha-2")


def test_other_groups() -> None:
    assert set(_codes("eu-territories")) == EU_TERRITORIES
    assert set(_codes("eea-non-eu")) == EEA_NOT_EU
    assert set(_codes("switzerland")) == SWITZERLAND


def test_the_restriction_and_the_licensor_use_different_lists() -> None:
    terms = _terms()
    assert terms.eu_restriction.restricted_groups == ("eu-member-states", "eu-territories")
    assert terms.licensor.groups == (
        "eu-member-states",
        "eu-territories",
        "eea-non-eu",
        "switzerland",
    )


def test_assigned_codes_are_all_249() -> None:
    codes = _codes("iso-3166-1-alpha-2")
    assert len(codes) == 249
    for code in ("US", "GB", "SS", "BQ", "CW", "SX", "AQ", "BV", "HM", "UM", "AX"):
        assert code in codes
    for unassigned in ("UK", "EU", "EL", "XK", "AN", "YU", "CS", "ZZ", "AA"):
        assert unassigned not in codes


@pytest.mark.parametrize(
    ("group_id", "document"),
    [
        ("iso-3166-1-alpha-2", "iso-3166"),
        ("eu-member-states", "eu-countries"),
        ("eu-territories", "tfeu-article-355"),
        ("eea-non-eu", "efta-eea"),
        ("switzerland", "meta-license"),
    ],
)
def test_every_list_has_its_source_and_date(group_id: CountryGroupId, document: str) -> None:
    group = llama_cards.card().countries.group(group_id)
    assert group.source.document == document
    assert date(2025, 4, 5) <= group.checked


# What a place on each list is, as a finding words it after "is" (backed by the list's source).
MEMBERS = [
    ("iso-3166-1-alpha-2", "a country or territory with an assigned ISO 3166-1 alpha-2 code"),
    ("eu-member-states", "an EU member state"),
    ("eu-territories", "part of an EU member state where the EU treaties apply"),
    ("eea-non-eu", "a member of the European Economic Area outside the European Union"),
    ("switzerland", "Switzerland, which the licence names beside the EEA"),
    (
        "user-assigned-in-use",
        "Kosovo by a user-assigned code: ISO 3166-1 leaves XA to XZ to its users, and the EU's "
        "country lists and Unicode CLDR use XK for Kosovo",
    ),
]


def test_what_a_place_on_each_list_is() -> None:
    found = [(group.id, group.member) for group in llama_cards.card().countries.groups]
    assert found == MEMBERS


# Codes people give that ISO 3166-1 does not assign: (given, what to use instead, the part
# of the source that says why). EA, EU, FX, IC and UK are exceptionally reserved; EL is the
# EU's own code for Greece. XK (Kosovo) is answered, as a user-assigned code in wide use.
RESERVED = "ISO 3166-1 alpha-2, exceptionally reserved codes"
HINTS = [
    ("EA", "ES", "iso-3166", RESERVED),
    (
        "EL",
        "GR",
        "eu-style-guide",
        "7.1 Countries (Member States: ISO 3166 alpha-2 codes, EL for Greece)",
    ),
    ("EU", None, "iso-3166", RESERVED),
    ("FX", "FR", "iso-3166", RESERVED),
    ("IC", "ES", "iso-3166", RESERVED),
    ("UK", "GB", "iso-3166", RESERVED),
]


def test_hints() -> None:
    found = [
        (hint.given, hint.use_instead, hint.source.document, hint.source.section)
        for hint in llama_cards.card().countries.hints
    ]
    assert found == HINTS


def test_kosovo_is_a_user_assigned_code_in_use_with_its_source() -> None:
    group = llama_cards.card().countries.group("user-assigned-in-use")
    assert group.codes == ("XK",)
    assert "Kosovo" in group.member
    assert "user-assigned" in group.member
    assert (group.source.document, group.source.section) == (
        "eu-style-guide",
        "Annex A5, List of countries, territories and currencies (Kosovo, XK)",
    )
    assert "XK" not in _codes("iso-3166-1-alpha-2")  # ISO 3166-1 assigns it to no one
    assert all(hint.given != "XK" for hint in llama_cards.card().countries.hints)


def test_style_guide_is_cited_by_a_section_it_has() -> None:
    documents = {document.id: document for document in llama_cards.card().documents}
    guide = documents["eu-style-guide"]
    assert guide.title == "Interinstitutional Style Guide, section 7.1 Countries"
    assert "annex" not in guide.url.lower()


def test_unknown_country_list() -> None:
    with pytest.raises(InvalidArgumentError, match=r"'eea'.*'eu-member-states'"):
        llama_cards.card().countries.group("eea")  # type: ignore[arg-type]  # the bad id


# ----------------------------------------------------- the data against itself


def test_every_source_names_a_listed_document() -> None:
    documents = {document.id for document in llama_cards.card().documents}
    for source in _sources_of(_terms()):
        assert source.document in documents, source


def test_term_ids_are_unique() -> None:
    ids = [term.id for term in _terms().terms()]
    assert len(ids) == len(set(ids))


def test_clauses_are_written_alike() -> None:
    pattern = re.compile(
        r'Section \d(\([a-z]\)(\([ivx]+\))?)?|Definitions \("Meta"\)|Acceptable'
        r"|Use Policy and License Notice\Z"
    )
    for term in _terms().terms():
        assert pattern.match(term.clause), term.clause


def test_explanations_are_short() -> None:
    for term in _terms().terms():
        assert 20 <= len(term.explanation) <= 320, term.id


@pytest.mark.parametrize("group", llama_cards.card().countries.groups, ids=lambda g: g.id)
def test_codes_are_sorted_unique_assigned_upper_case(group: llama_cards.CountryGroup) -> None:
    assigned = set(_codes("iso-3166-1-alpha-2"))
    assert list(group.codes) == sorted(set(group.codes))
    for code in group.codes:
        assert re.fullmatch("[A-Z]{2}", code)
        # Every list holds assigned codes, but the list of user-assigned codes in use.
        assert (code in assigned) == (group.id != "user-assigned-in-use")


def test_eu_eea_and_switzerland_lists_do_not_overlap() -> None:
    groups: list[CountryGroupId] = [
        "eu-member-states",
        "eu-territories",
        "eea-non-eu",
        "switzerland",
    ]
    seen: set[str] = set()
    for group_id in groups:
        codes = set(_codes(group_id))
        assert not codes & seen
        seen |= codes


def test_hints_name_unassigned_codes_and_assigned_replacements() -> None:
    assigned = set(_codes("iso-3166-1-alpha-2"))
    for hint in llama_cards.card().countries.hints:
        assert hint.given not in assigned
        assert hint.use_instead is None or hint.use_instead in assigned


def test_hints_are_sorted_and_unique() -> None:
    given = [hint.given for hint in llama_cards.card().countries.hints]
    assert given == sorted(set(given))


def test_prohibited_use_positions_count_from_one() -> None:
    positions = [use.position for use in _terms().prohibited_uses]
    assert positions == list(range(1, len(positions) + 1))


def test_the_eu_restriction_names_where_it_is_stated_and_what_it_withholds() -> None:
    restriction = _terms().eu_restriction
    assert restriction.withholds == "Section 1(a)"
    assert [(s.document, s.section) for s in restriction.sources] == [
        ("meta-use-policy", "Prohibited Uses, closing paragraph on multimodal models"),
        ("azure-card", "Distribution channels (License Notice)"),
    ]
    assert [(s.document, s.section) for s in restriction.source_of("withholds")] == [
        ("meta-license", "Section 1(a)"),
        ("meta-use-policy", "Prohibited Uses, closing paragraph on multimodal models"),
        ("azure-card", "Distribution channels (License Notice)"),
    ]
    assert restriction.clause == "Use Policy and License Notice"
