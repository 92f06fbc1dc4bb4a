"""The Llama 4 licence and acceptable use policy as cited facts, and a check of a use against them.

Every restriction and obligation is a record with the clause it comes from, a short
explanation in this package's own words, and its sources (ids of :attr:`Card.documents`,
which link the licence and the policy). :func:`assess_use` applies the checkable ones to
a licensee. Its answer is guidance read from the published terms, not legal advice.

```pycon
>>> import llama_cards
>>> terms = llama_cards.license_terms()
>>> terms.name, str(terms.effective_date)
('Llama 4 Community License Agreement', '2025-04-05')
>>> terms.user_threshold.clause, terms.user_threshold.monthly_active_users
('Section 2', 700000000)
>>> verdict = llama_cards.assess_use(domicile="de", entity="company")
>>> verdict.permitted, [finding.clause for finding in verdict.blocking]
(False, ['Use Policy and License Notice'])
>>> llama_cards.assess_use(domicile="DE", end_user=True).permitted
True
>>> llama_cards.assess_use(domicile="NO").licensor
'Meta Platforms Ireland Limited'

```
"""

# Eager annotations, as in _base (later names and subscripted types quoted).
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Literal, Optional, Protocol, get_args

from ._base import (
    FieldSource,
    FrozenRecord,
    Modality,
    ModelId,
    Positive,
    Source,
    TruthRaises,
    count,
    text_argument,
)
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    InvalidCountryCodeError,
    quote_input,
)

__all__ = [
    "Countries",
    "CountryCodeHint",
    "CountryGroup",
    "CountryGroupId",
    "Entity",
    "EuRestriction",
    "Finding",
    "LicensePart",
    "LicenseTerm",
    "LicenseTerms",
    "Licensor",
    "Obligation",
    "OutOfScopeId",
    "OutOfScopeUse",
    "PolicyItem",
    "ProhibitedUse",
    "Role",
    "TermId",
    "UseAssessment",
    "UserThreshold",
]

TermId = Literal[
    "eu-multimodal-restriction",
    "eu-end-user-exemption",
    "monthly-active-users",
    "end-user-product",
    "licensor",
    "agreement-copy",
    "built-with-llama",
    "llama-name-prefix",
    "notice-file",
    "laws-and-policy",
    "acceptable-use",
    "brand-guidelines",
    "indemnity",
    "delete-on-termination",
    "litigation-termination",
    "no-warranty",
    "limitation-of-liability",
    "governing-law",
]
"""Id of a term of the licence or the policy, e.g. ``"monthly-active-users"``."""

Role = Literal["licensee", "end-user"]
"""Who an obligation binds: a licensee, or an end user of a product that builds Llama 4 in."""

Entity = Literal["company", "individual"]
"""What kind of party asks: the EU restriction names individuals and companies apart."""

CountryGroupId = Literal[
    "iso-3166-1-alpha-2",
    "eu-member-states",
    "eu-territories",
    "eea-non-eu",
    "switzerland",
    "user-assigned-in-use",
]
"""Id of a list of country codes in :attr:`Countries.groups`."""

OutOfScopeId = Literal["unlawful", "prohibited-by-terms", "unsupported-languages-or-capabilities"]
"""Id of an out-of-scope use the card names."""

ENTITIES: tuple[str, ...] = get_args(Entity)


# ------------------------------------------------------------------- the terms


class LicenseTerm(FrozenRecord):
    """One term of the licence or the policy: a restriction, exemption or condition."""

    id: TermId
    """Stable id, e.g. ``"eu-multimodal-restriction"``."""
    clause: str
    """The clause as the documents number it, e.g. ``"Section 1(b)(i)"``."""
    explanation: str
    """What the term means, in short plain words (not the document's own sentences)."""
    sources: tuple[Source, ...]
    """Where the term is written: ids of :attr:`Card.documents` and the part of each."""
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`sources`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class EuRestriction(LicenseTerm):
    """Section 1(a) rights withheld, for the multimodal models, from the European Union.

    The acceptable use policy and the card's licence notice set it out; it binds
    individuals domiciled in, and companies with their principal place of business in,
    the EU, and spares end users of products that build the models in.
    """

    withholds: Optional[str] = None
    """The licence clause whose rights the restriction takes away (``"Section 1(a)"``);
    :attr:`clause` names where the restriction itself is stated (the acceptable use
    policy and the card's licence notice). ``None`` in data of schema 1.0, whose
    :attr:`clause` named the withheld clause."""
    multimodal_input: Modality
    """The input that makes a model multimodal for this clause (``"image"``); a model is
    covered when its :attr:`Model.input_modalities` include it."""
    restricted_groups: tuple[CountryGroupId, ...]
    """The :class:`CountryGroup` ids whose codes count as the European Union."""
    end_user_exemption: LicenseTerm
    """The exemption for end users of products or services that build the models in."""


class UserThreshold(LicenseTerm):
    """Section 2: above a monthly-active-user count, a licence must be requested from Meta."""

    monthly_active_users: Positive
    """The limit, ``700_000_000``; only a count *above* it needs Meta's licence."""
    end_user_exemption: LicenseTerm
    """Section 1(b)(ii): Section 2 does not apply to whoever receives the materials inside
    a licensee's integrated end-user product."""


class Licensor(LicenseTerm):
    """The licence's definition of "Meta": which Meta company is the licensor, by location.

    It uses the EEA and Switzerland to pick the licensor; it restricts nobody (the EU
    restriction is a different clause with a different list).
    """

    inside: str
    """The licensor for those located, or with a principal place of business, in
    :attr:`groups` (``"Meta Platforms Ireland Limited"``)."""
    outside: str
    """The licensor for everyone else (``"Meta Platforms, Inc."``)."""
    groups: tuple[CountryGroupId, ...]
    """The :class:`CountryGroup` ids that make up the EEA and Switzerland."""


class Obligation(LicenseTerm):
    """Something a licensee (or an end user) must do, and when it applies."""

    applies_when: str
    """The situation that triggers it, e.g. ``"you distribute copies of the Llama materials"``."""
    applies_to: tuple[Role, ...]
    """Who it binds: ``"licensee"``, ``"end-user"`` or both."""


class PolicyItem(FrozenRecord):
    """A sub-item of a prohibited use, summarised."""

    number: str
    """The path of numbers the policy prints, e.g. ``"1.1.2"`` (item 2 of item 1 of
    heading 1)."""
    summary: str
    """What it prohibits, in short words of this package."""


class ProhibitedUse(FrozenRecord):
    """A heading of the acceptable use policy's list of prohibited uses, summarised.

    The policy numbers its headings 1, 3, 4, 5, 6 (it prints no 2); :attr:`number` keeps
    the printed number and :attr:`position` counts the headings from 1 to 5.
    """

    number: str
    """The heading's number as the policy prints it, e.g. ``"3"``."""
    position: Positive
    """The heading's place in the list, from 1."""
    summary: str
    """What it prohibits, in short words of this package."""
    items: tuple[PolicyItem, ...]
    """Its sub-items, in the policy's order (empty where it has none)."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class OutOfScopeUse(FrozenRecord):
    """A use the card calls out of scope."""

    id: OutOfScopeId
    """Stable id, e.g. ``"unsupported-languages-or-capabilities"``."""
    summary: str
    """What is out of scope, in short words of this package."""
    sources: tuple[Source, ...]
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`sources`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class LicenseTerms(FrozenRecord):
    """The Llama 4 Community License Agreement and its acceptable use policy, as data.

    ```pycon
    >>> import llama_cards
    >>> terms = llama_cards.license_terms()
    >>> terms.eu_restriction.clause, terms.eu_restriction.withholds
    ('Use Policy and License Notice', 'Section 1(a)')
    >>> terms.eu_restriction.end_user_exemption.id
    'eu-end-user-exemption'
    >>> [(use.number, use.position) for use in terms.prohibited_uses]
    [('1', 1), ('3', 2), ('4', 3), ('5', 4), ('6', 5)]

    ```
    """

    name: str
    """The licence's title, ``"Llama 4 Community License Agreement"``."""
    effective_date: date
    """The Llama 4 version effective date the licence states (``2025-04-05``)."""
    license_url: str
    """Where Meta's model card says the licence is published (its GitHub copy, which is
    also the ``meta-license`` entry of :attr:`Card.documents`)."""
    use_policy_name: str
    """The policy's title, ``"Llama 4 Acceptable Use Policy"``."""
    use_policy_url: str
    """The policy's official address, ``"https://www.llama.com/llama4/use-policy"``, as both
    the licence (Section 1(b)(iv)) and the policy itself give it. The copy this package
    was read from is the ``meta-use-policy`` entry of :attr:`Card.documents`."""
    disclaimer: str
    """What an assessment from these terms is: guidance, not legal advice (this package's
    own statement, not a term of the licence)."""
    source: Source
    """The licence's heading, which states its name and effective date."""
    field_sources: tuple[FieldSource, ...]
    """Where the links and the policy's title are given; see :meth:`source_of`."""
    eu_restriction: EuRestriction
    """Section 1(a) rights withheld in the EU for the multimodal models."""
    user_threshold: UserThreshold
    """Section 2: the monthly-active-user limit."""
    licensor: Licensor
    """Which Meta company grants the licence, by the licensee's location."""
    obligations: tuple[Obligation, ...]
    """What a licensee (or end user) must do: attribution, naming, notice, policy, ..."""
    other_terms: tuple[LicenseTerm, ...]
    """The remaining terms that bind a licensee (termination, warranty, liability, law)."""
    prohibited_uses: tuple[ProhibitedUse, ...]
    """The policy's prohibited-use headings, in its order."""
    out_of_scope_uses: tuple[OutOfScopeUse, ...]
    """The uses the card calls out of scope."""

    def terms(self) -> "tuple[LicenseTerm, ...]":
        """Every term, restrictions and exemptions first, then obligations, then the rest.

        ```pycon
        >>> import llama_cards
        >>> [term.id for term in llama_cards.license_terms().terms()][:3]
        ['eu-multimodal-restriction', 'eu-end-user-exemption', 'monthly-active-users']

        ```
        """
        return (
            self.eu_restriction,
            self.eu_restriction.end_user_exemption,
            self.user_threshold,
            self.user_threshold.end_user_exemption,
            self.licensor,
            *self.obligations,
            *self.other_terms,
        )


# ------------------------------------------------------------------- countries


class CountryGroup(FrozenRecord):
    """A list of ISO 3166-1 alpha-2 codes, with its source and the date it was checked."""

    id: CountryGroupId
    """Stable id, e.g. ``"eu-member-states"``."""
    name: str
    """What the list is."""
    member: str
    """What a place whose code is on the list is, in words that follow "is", e.g.
    ``"an EU member state"``; backed by the list's :attr:`source`."""
    codes: tuple[str, ...]
    """The codes, upper case, sorted."""
    checked: date
    """When the list was last checked against its source."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class CountryCodeHint(FrozenRecord):
    """A code people often give that ISO 3166-1 does not assign, and what to give instead."""

    given: str
    """The code as often given, upper case, e.g. ``"UK"``."""
    use_instead: Optional[str]
    """The assigned code to use, e.g. ``"GB"``; ``None`` where there is none (``"EU"``)."""
    reason: str
    """Why the code is not accepted."""
    source: Source
    field_sources: tuple[FieldSource, ...] = ()
    """The fields printed elsewhere than :attr:`source`, or printed by no document (then
    marked :attr:`Source.derived`); see :meth:`source_of`."""


class Countries(FrozenRecord):
    """The country lists the licence check uses, each with its own source and date.

    ```pycon
    >>> import llama_cards
    >>> countries = llama_cards.card().countries
    >>> len(countries.group("iso-3166-1-alpha-2").codes)
    249
    >>> len(countries.group("eu-member-states").codes)
    27
    >>> countries.group("eea-non-eu").codes
    ('IS', 'LI', 'NO')

    ```
    """

    groups: tuple[CountryGroup, ...]
    """Every list: assigned codes, EU member states, other EU territories, the EEA outside
    the EU, and Switzerland."""
    hints: tuple[CountryCodeHint, ...]
    """Unassigned codes that are often given, with what to use instead."""

    def group(self, group_id: CountryGroupId) -> CountryGroup:
        """The list with id ``group_id``; an unknown id raises
        :class:`~llama_cards.InvalidArgumentError` naming the known ones."""
        for found in self.groups:
            if found.id == group_id:
                return found
        known = ", ".join(repr(found.id) for found in self.groups)
        raise InvalidArgumentError(f"no country list {group_id!r}; the lists are {known}")


# ------------------------------------------------------------------ assessment


class Finding(FrozenRecord):
    """One term checked against a use: what it says about it, and whether it blocks it."""

    term: TermId
    """The id of the :class:`LicenseTerm` checked."""
    clause: str
    """The clause that decides it, e.g. ``"Section 2"``."""
    explanation: str
    """What the clause means for this use, in plain words."""
    blocks: bool
    """True when the clause withholds the rights for this use."""
    sources: tuple[Source, ...]
    """Where the clause, and any country list it used, come from."""


class UseAssessment(TruthRaises, FrozenRecord):
    """Whether a use of Llama 4 is permitted under the published terms, and why.

    It is guidance read from the published licence and policy, not legal advice
    (:attr:`disclaimer` says so). ``bool()`` of an assessment raises ``TypeError``: test
    :attr:`permitted`.
    """

    _truth_attribute: ClassVar[str] = "permitted"

    permitted: bool
    """True when no finding blocks the use."""
    domicile: str
    """The ISO 3166-1 alpha-2 code assessed, upper case."""
    entity: Entity
    """``"company"`` or ``"individual"``."""
    end_user: bool
    """Whether the party only uses a product or service that builds Llama 4 in."""
    model: Optional[ModelId]
    """The model assessed; ``None`` for every model of the card."""
    licensor: str
    """The Meta company that grants the licence for this domicile."""
    findings: tuple[Finding, ...]
    """Every checkable term, in the order: EU restriction, user limit, licensor."""
    obligations: tuple[Obligation, ...]
    """What the party must do when permitted (empty when not: no rights, no conditions)."""
    disclaimer: str
    """That this is guidance from the published terms, not legal advice."""
    sources: tuple[Source, ...]
    """Every source the findings and obligations cite, without repeats."""
    links: tuple[str, ...]
    """The URL of every document :attr:`sources` names, without repeats."""

    @property
    def blocking(self) -> "tuple[Finding, ...]":
        """The findings that block the use (empty when permitted)."""
        return tuple(finding for finding in self.findings if finding.blocks)

    def __str__(self) -> str:
        verdict = "permitted" if self.permitted else "not permitted"
        lines = [f"{verdict} ({self.disclaimer})"]
        for finding in self.findings:
            mark = "blocks" if finding.blocks else "ok"
            lines.append(f"  {mark:6} {finding.clause}: {finding.explanation}")
        if self.obligations:
            lines.append("obligations:")
            lines += [
                f"  {item.clause}: {item.explanation} (when {item.applies_when})"
                for item in self.obligations
            ]
        return "\n".join(lines)


# ------------------------------------------------------------------- the check


# Read by type checkers only (see _names).
if TYPE_CHECKING:

    class LicenseRecords(Protocol):
        """What the licence check reads of one card: its licence part, documents, and the
        facts of its models (their records are not needed)."""

        @property
        def license(self) -> LicenseTerms: ...
        @property
        def countries(self) -> Countries: ...
        @property
        def model_facts(self) -> "tuple[_ModelFacts, ...]": ...
        @property
        def documents(self) -> "tuple[_Document, ...]": ...
        def model_id(self, name: str) -> ModelId: ...

    class _ModelFacts(Protocol):
        @property
        def id(self) -> ModelId: ...
        @property
        def short_name(self) -> str: ...
        @property
        def input_modalities(self) -> "tuple[Modality, ...]": ...
        @property
        def release_date(self) -> date: ...

    class _Document(Protocol):
        @property
        def id(self) -> str: ...
        @property
        def url(self) -> str: ...


_EuFinding = tuple[Finding, tuple[TermId, Optional[CountryGroupId]]]
"""An EU finding, with the term it cites and the country list it adds (which fix its sources)."""
_Tail = tuple[bool, tuple[Obligation, ...], tuple[Source, ...], tuple[str, ...]]
"""What an assessment adds to its findings: verdict, obligations, sources and links."""


class LicenseIndex:
    """What :func:`assess_use` needs from one card, computed once and kept on the card."""

    __slots__ = (
        "assessments",
        "codes",
        "disclaimer",
        "eu",
        "hints",
        "licensor_codes",
        "licensors",
        "limit",
        "models",
        "restricted",
        "rules",
        "tails",
        "urls",
        "user_assigned",
        "users",
    )

    def __init__(self, card: "LicenseRecords") -> None:
        countries = card.countries
        terms = card.license
        # Every spelling of every assigned code (DE, De, dE, de): one dict lookup checks
        # and normalises a domicile, and only ASCII letters can match.
        self.codes: dict[str, str] = {}
        # User-assigned codes in wide use (XK for Kosovo) are answered like assigned ones,
        # with a note on where the code comes from.
        self.user_assigned: dict[str, CountryGroup] = {}
        if any(group.id == "user-assigned-in-use" for group in countries.groups):
            in_use = countries.group("user-assigned-in-use")
            self.user_assigned = dict.fromkeys(in_use.codes, in_use)
        for code in (*countries.group("iso-3166-1-alpha-2").codes, *self.user_assigned):
            first, second = code[0], code[1]
            for spelled in {
                code,
                code.lower(),
                first + second.lower(),
                first.lower() + second,
            }:
                self.codes[spelled] = code
        self.restricted: dict[str, CountryGroup] = {
            code: group
            for group in map(countries.group, terms.eu_restriction.restricted_groups)
            for code in group.codes
        }
        self.licensor_codes = frozenset(
            code for group_id in terms.licensor.groups for code in countries.group(group_id).codes
        )
        self.hints = {hint.given: hint for hint in countries.hints}
        self.urls = {document.id: document.url for document in card.documents}
        # What each finding depends on, each bounded by the card's codes: an assessment of
        # a new combination builds only the findings it has not met yet.
        self.assessments: dict[tuple[str, Entity, bool, str, Optional[ModelId]], UseAssessment] = {}
        self.users: dict[tuple[bool, str], Finding] = {}
        self.licensors: dict[str, tuple[str, Finding]] = {}
        # The EU finding depends on the code, the role and the model; the entity only where
        # the restriction binds (a code of its groups, asked by a licensee).
        self.eu: dict[tuple[str, Optional[Entity], bool, Optional[ModelId]], _EuFinding] = {}
        # The names of the models a model argument picks, and of the multimodal ones.
        self.models: dict[Optional[ModelId], tuple[str, Optional[str]]] = {}
        # What an assessment adds to its findings (verdict, obligations, sources, links)
        # depends on which sources its findings cite and whether one blocks, not on the code:
        # a few entries serve every code.
        self.tails: dict[tuple[object, ...], _Tail] = {}
        self.limit = terms.user_threshold.monthly_active_users
        self.disclaimer = terms.disclaimer
        # The terms, read once: each new code builds findings from them.
        self.rules = terms

    def assess(
        self,
        card: "LicenseRecords",
        domicile: object,
        entity: object,
        end_user: object,
        monthly_active_users: object,
        model: object,
    ) -> UseAssessment:
        """The assessment of one use under ``card``'s terms (see :func:`assess`)."""
        return assess(card, self, domicile, entity, end_user, monthly_active_users, model)


def _country_error(index: LicenseIndex, domicile: str, asked: str) -> InvalidCountryCodeError:
    """Why ``domicile`` (``asked`` with the whitespace around it stripped) is no code."""
    given = quote_input(asked)
    examples = "e.g. 'US', 'DE' or 'JP', in any case"
    stripped = domicile.strip()
    # Only ASCII letters can be a code: "ß".upper() is "SS", which must not pass as SS.
    cleaned = stripped.upper() if stripped.isascii() else ""
    hint = index.hints.get(cleaned)
    if hint is not None:
        instead = f"; use {hint.use_instead!r}" if hint.use_instead is not None else ""
        return InvalidCountryCodeError(
            f"{given} is not an assigned ISO 3166-1 alpha-2 country code: {hint.reason}{instead}"
        )
    letters = domicile.isascii() and domicile.isalpha()
    if letters and len(domicile) == 2:
        return InvalidCountryCodeError(
            f"{given} is well formed but not an assigned ISO 3166-1 alpha-2 country code; "
            f"give the code of a country, {examples} (the assigned codes are "
            "card().countries.group('iso-3166-1-alpha-2').codes)"
        )
    if letters and len(domicile) == 3:
        return InvalidCountryCodeError(
            f"{given} has three letters (an ISO 3166-1 alpha-3 code?); give the two-letter "
            f"alpha-2 code, {examples}"
        )
    return InvalidCountryCodeError(
        f"{given} is not an ISO 3166-1 alpha-2 country code, which is two letters, {examples}"
    )


def _domicile(index: LicenseIndex, domicile: object) -> str:
    code = index.codes.get(domicile) if type(domicile) is str else None
    if code is None:
        text = text_argument(domicile, "domicile, an ISO 3166-1 alpha-2 country code,", "US")
        code = index.codes.get(text)
        if code is None:
            raise _country_error(index, text, domicile if isinstance(domicile, str) else text)
    return code


def _entity(entity: object) -> Entity:
    if entity == "company":
        return "company"
    if entity == "individual":
        return "individual"
    known = " or ".join(repr(name) for name in ENTITIES)
    text = text_argument(entity, "entity", "company")
    if text in ENTITIES:
        return "company" if text == "company" else "individual"
    near = text.lower()
    hint = f"; did you mean {near!r}?" if near in ENTITIES else ""
    raise InvalidArgumentError(f"entity must be {known}, got {quote_input(entity)}{hint}")


def _users(given: object) -> "Optional[int]":
    if given is None:
        return None
    return count(given, "monthly_active_users", unit="users")


def _model_id(card: "LicenseRecords", index: LicenseIndex, model: object) -> "Optional[ModelId]":
    if model is None:
        return None
    if not isinstance(model, str):
        # A record given: its module is imported by then (a name needs no model records).
        from ._models import Model

        if not isinstance(model, Model):
            raise ArgumentTypeError(
                "model must be a model name such as 'scout', a Model, or None, "
                f"got {type(model).__name__} {quote_input(model)}"
            )
        model = model.id
    return card.model_id(model)


def assess(
    card: "LicenseRecords",
    index: LicenseIndex,
    domicile: object,
    entity: object,
    end_user: object,
    monthly_active_users: object,
    model: object,
) -> UseAssessment:
    code = _domicile(index, domicile)
    party = _entity(entity)
    if end_user is not True and end_user is not False:
        raise ArgumentTypeError(
            f"end_user must be True or False, got {type(end_user).__name__} {quote_input(end_user)}"
        )
    only_end_user = end_user is True
    users = _users(monthly_active_users)
    if users is None:
        band = "unknown"
    elif users > index.limit:
        band = "above"
    else:
        band = "within"
    model_id = _model_id(card, index, model)
    key = (code, party, only_end_user, band, model_id)
    found = index.assessments.get(key)
    if found is None:
        found = index.assessments[key] = _build(card, index, *key)
    return found


def _unique(items: "list[Source]") -> "tuple[Source, ...]":
    return tuple(dict.fromkeys(items))


def _names(models: "tuple[_ModelFacts, ...]") -> str:
    names = [m.short_name for m in models]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _model_names(
    card: "LicenseRecords", index: LicenseIndex, model_id: "Optional[ModelId]"
) -> "tuple[str, Optional[str]]":
    """The names of the models ``model_id`` picks, and of those that are multimodal (``None``
    for none), kept per model."""
    found = index.models.get(model_id)
    if found is None:
        rule = index.rules.eu_restriction
        considered = tuple(m for m in card.model_facts if model_id is None or m.id == model_id)
        multimodal = tuple(m for m in considered if rule.multimodal_input in m.input_modalities)
        found = (_names(considered), _names(multimodal) if multimodal else None)
        index.models[model_id] = found
    return found


def _eu_finding(
    card: "LicenseRecords",
    index: LicenseIndex,
    code: str,
    entity: Entity,
    end_user: bool,
    model_id: "Optional[ModelId]",
) -> _EuFinding:
    """The EU finding, with what decides its sources: the term it cites and the id of the
    country list it adds (``None`` for none)."""
    rule = index.rules.eu_restriction
    considered, names = _model_names(card, index, model_id)
    group = index.restricted.get(code)
    if names is None:
        finding = Finding._construct(
            {
                "term": rule.id,
                "clause": rule.clause,
                "explanation": (
                    f"{considered} takes no {rule.multimodal_input} input, so it is not a "
                    "multimodal model and the EU restriction does not cover it."
                ),
                "blocks": False,
                "sources": rule.sources,
            },
            in_order=True,
        )
        return finding, (rule.id, None)
    if group is None:
        aside = (
            " The licence names the EEA and Switzerland only to say which Meta company is "
            "the licensor."
            if code in index.licensor_codes
            else ""
        )
        sources = rule.sources
        in_use = index.user_assigned.get(code)
        if in_use is not None:
            aside += f" ({code} is {in_use.member}.)"
            sources = _unique([*rule.sources, in_use.source])
        finding = Finding._construct(
            {
                "term": rule.id,
                "clause": rule.clause,
                "explanation": (
                    f"{code} is not in the European Union, so the EU restriction on {names} does "
                    f"not apply.{aside}"
                ),
                "blocks": False,
                "sources": sources,
            },
            in_order=True,
        )
        return finding, (rule.id, None if in_use is None else in_use.id)
    where = group.member
    if end_user:
        exemption = rule.end_user_exemption
        finding = Finding._construct(
            {
                "term": exemption.id,
                "clause": exemption.clause,
                "explanation": (
                    f"{code} is {where}, but an end user of a product or service that builds in "
                    f"{names} is outside the EU restriction."
                ),
                "blocks": False,
                "sources": _unique([*exemption.sources, group.source]),
            },
            in_order=True,
        )
        return finding, (exemption.id, group.id)
    who = (
        "An individual domiciled in"
        if entity == "individual"
        else "A company with its principal place of business in"
    )
    finding = Finding._construct(
        {
            "term": rule.id,
            "clause": rule.clause,
            "explanation": (
                f"{who} {code} ({where}) is not granted the {rule.withholds or rule.clause} "
                "rights to the "
                f"multimodal {names}; the restriction does not reach end users of products "
                "that build them in."
            ),
            "blocks": True,
            "sources": _unique([*rule.sources, group.source]),
        },
        in_order=True,
    )
    return finding, (rule.id, group.id)


def _users_finding(card: "LicenseRecords", end_user: bool, band: str) -> Finding:
    rule = card.license.user_threshold
    limit = f"{rule.monthly_active_users:,}"
    # The Llama 4 version release date of Section 2: the day the card's models came out
    # (read from the models, so that a check needs no other part of the card).
    released = min(entry.release_date for entry in card.model_facts)
    month = f"the calendar month before the Llama 4 release date ({released})"
    if end_user:
        exemption = rule.end_user_exemption
        return Finding._construct(
            {
                "term": exemption.id,
                "clause": exemption.clause,
                "explanation": (
                    "Receiving Llama 4 inside a licensee's integrated end-user product puts you "
                    f"outside {rule.clause} and its {limit} monthly-active-user limit."
                ),
                "blocks": False,
                "sources": exemption.sources,
            },
            in_order=True,
        )
    if band == "above":
        explanation = (
            f"More than {limit} monthly active users in {month}: no rights under the licence "
            "until Meta grants them; request a licence from Meta, which may refuse it."
        )
    elif band == "within":
        explanation = (
            f"Not more than {limit} monthly active users: the {rule.clause} limit is not exceeded."
        )
    else:
        explanation = (
            "Not checked, as monthly_active_users was not given: with more than "
            f"{limit} monthly active users (yours and your affiliates') in {month}, "
            "you would need a licence from Meta."
        )
    return Finding._construct(
        {
            "term": rule.id,
            "clause": rule.clause,
            "explanation": explanation,
            "blocks": band == "above",
            "sources": rule.sources,
        },
        in_order=True,
    )


def _licensor_finding(index: LicenseIndex, code: str) -> "tuple[str, Finding]":
    rule = index.rules.licensor
    if code in index.licensor_codes:
        name, where = rule.inside, "in the EEA or Switzerland"
    else:
        name, where = rule.outside, "outside the EEA and Switzerland"
    finding = Finding._construct(
        {
            "term": rule.id,
            "clause": rule.clause,
            "explanation": f"{name} is the licensor for {code} ({where}).",
            "blocks": False,
            "sources": rule.sources,
        },
        in_order=True,
    )
    return name, finding


def _tail(
    card: "LicenseRecords",
    index: LicenseIndex,
    findings: "tuple[Finding, Finding, Finding]",
    end_user: bool,
) -> _Tail:
    """The verdict, obligations, sources and links of an assessment with ``findings``."""
    permitted = not any(finding.blocks for finding in findings)
    role = "end-user" if end_user else "licensee"
    obligations = (
        tuple(item for item in card.license.obligations if role in item.applies_to)
        if permitted
        else ()
    )
    cited = [source for finding in findings for source in finding.sources]
    cited += [source for obligation in obligations for source in obligation.sources]
    sources = _unique(cited)
    links = tuple(dict.fromkeys(index.urls[source.document] for source in sources))
    return permitted, obligations, sources, links


def _build(
    card: "LicenseRecords",
    index: LicenseIndex,
    code: str,
    entity: Entity,
    end_user: bool,
    band: str,
    model_id: "Optional[ModelId]",
) -> UseAssessment:
    known = index.licensors.get(code)
    if known is None:
        known = index.licensors[code] = _licensor_finding(index, code)
    licensor, licensor_finding = known
    users = index.users.get((end_user, band))
    if users is None:
        users = index.users[(end_user, band)] = _users_finding(card, end_user, band)
    # The entity changes the EU finding only where the restriction binds.
    party = entity if not end_user and code in index.restricted else None
    eu_key = (code, party, end_user, model_id)
    eu = index.eu.get(eu_key)
    if eu is None:
        eu = index.eu[eu_key] = _eu_finding(card, index, code, entity, end_user, model_id)
    eu_finding, eu_cites = eu
    findings = (eu_finding, users, licensor_finding)
    # The user finding is fixed by (end_user, band); the licensor finding cites the same
    # sources for every code and never blocks; the EU finding's sources and verdict are
    # fixed by what it cites and whether it blocks.
    tail_key = (eu_cites, eu_finding.blocks, end_user, band)
    tail = index.tails.get(tail_key)
    if tail is None:
        tail = index.tails[tail_key] = _tail(card, index, findings, end_user)
    permitted, obligations, sources, links = tail
    return UseAssessment._construct(
        {
            "permitted": permitted,
            "domicile": code,
            "entity": entity,
            "end_user": end_user,
            "model": model_id,
            "licensor": licensor,
            "findings": findings,
            "obligations": obligations,
            "disclaimer": index.disclaimer,
            "sources": sources,
            "links": links,
        },
        in_order=True,
    )


class LicensePart(FrozenRecord):
    """The part of a :class:`Card` that holds its licence terms and country lists (one data
    file)."""

    license: LicenseTerms
    """The Llama 4 licence and acceptable use policy terms, each with its clause and sources."""
    countries: Countries
    """The country code lists the licence check uses (assigned ISO 3166-1 codes, the EU, the
    EEA outside the EU, Switzerland), each with its source and the date it was checked."""
