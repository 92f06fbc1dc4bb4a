"""The licence queries of the newest card: its terms, and whether a use is permitted.

Private: every function here is re-exported from the package.
"""

from __future__ import annotations

from typing import Optional, Union

from . import _loader
from ._license import Entity, LicenseTerms, UseAssessment

# For assess_use's annotation (typing.get_type_hints resolves it); a first assess_use()
# still builds no model record: the licence check reads the models' facts from their data.
from ._models import Model

__all__ = ["assess_use", "license_terms"]


# ------------------------------------------------------------------ licence


def license_terms() -> LicenseTerms:
    """The licence and acceptable use policy terms of the newest card.

    ```pycon
    >>> license_terms().licensor.outside
    'Meta Platforms, Inc.'

    ```
    """
    return _loader.newest().license


def assess_use(
    *,
    domicile: str,
    entity: Entity = "company",
    end_user: bool = False,
    monthly_active_users: Optional[int] = None,
    model: Union[str, Model, None] = None,
) -> UseAssessment:
    """Whether a party may use Llama 4 under the published terms, and why, clause by clause.

    ``domicile`` is an ISO 3166-1 alpha-2 code in any case (``"de"``, ``"US"``): where an
    individual is domiciled, or where a company has its principal place of business.
    ``entity`` is ``"company"`` or ``"individual"``. ``end_user`` is True for a party that
    only uses a product or service that builds Llama 4 in. ``monthly_active_users`` is the
    count of the party's (and its affiliates') products and services in the calendar month
    before the Llama 4 release date, ``None`` when unknown. ``model`` narrows the check to
    one model (any name :func:`~llama_cards.model` takes); ``None`` checks every model of the
    card.

    A malformed or unassigned country code raises :class:`~llama_cards.InvalidCountryCodeError`
    (a ``ValueError``) naming what was given and what would work; another entity or a
    negative user count raises :class:`~llama_cards.InvalidArgumentError`; an argument of the
    wrong type (a ``bool`` user count included) raises :class:`~llama_cards.ArgumentTypeError`;
    an unknown model raises :class:`~llama_cards.UnknownModelError`.

    The answer is guidance read from the published terms, not legal advice.

    ```pycon
    >>> print(assess_use(domicile="us", monthly_active_users=800_000_000))
    not permitted (Guidance read from the published Llama 4 licence and acceptable use policy; \
not legal advice.)
      ok     Use Policy and License Notice: US is not in the European Union, so the EU \
restriction on Llama 4 Scout and Llama 4 Maverick does not apply.
      blocks Section 2: More than 700,000,000 monthly active users in the calendar month before \
the Llama 4 release date (2025-04-05): no rights under the licence until Meta grants them; \
request a licence from Meta, which may refuse it.
      ok     Definitions ("Meta"): Meta Platforms, Inc. is the licensor for US (outside the EEA \
and Switzerland).
    >>> assess_use(domicile="UK")
    Traceback (most recent call last):
    ...
    llama_cards.errors.InvalidCountryCodeError: 'UK' is not an assigned ISO 3166-1 alpha-2 \
country code: ISO 3166-1 only reserves UK at the United Kingdom's request; its assigned code is \
GB; use 'GB'

    ```
    """
    return _loader.newest().assess_use(domicile, entity, end_user, monthly_active_users, model)
