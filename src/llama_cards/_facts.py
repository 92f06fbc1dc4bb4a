"""The card's own facts: its versions and dates, its summary box (the documents it cites
are a part of their own, in ``_documents``).

Private: the public names are re-exported from the package.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Union

from packaging.version import InvalidVersion, Version
from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from ._base import FieldSource, FrozenRecord, Positive, Source, YearMonth, text_type_schema
from ._models import Training

__all__ = ["CardFacts", "CardVersion", "CatalogueSpecifications"]


def _version_from_text(value: Union[str, Version]) -> Version:
    if isinstance(value, Version):
        return value
    try:
        return Version(value)
    except InvalidVersion as error:
        raise ValueError(f"{value!r} is not a PEP 440 version (e.g. '4')") from error


class CardVersion:
    """Pydantic glue for a :class:`packaging.version.Version` stored as a string."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return text_type_schema(Version, _version_from_text)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "description": "A PEP 440 version", "examples": ["4"]}


class CatalogueSpecifications(FrozenRecord):
    """The catalogue's summary box at the end of the card, as it prints it.

    It summarises the catalogue entry's own model (Scout) and is kept apart from the
    model records: where it differs (it lists text as the only output type, where the
    spec table says text and code), the model records follow the spec table.
    """

    context_length: Positive
    license: str
    training_data: str
    last_updated: YearMonth
    input_types: tuple[str, ...]
    output_types: tuple[str, ...]
    provider: str
    languages: str
    source: Source


class CardFacts(FrozenRecord):
    """The part of a :class:`Card` that is about the card itself (its first data file)."""

    schema_version: Annotated[str, Field(pattern=r"^[0-9]{1,4}\.[0-9]{1,4}$")]
    """Data schema the card was written with, ``MAJOR.MINOR`` (see :data:`SCHEMA_VERSION`)."""
    version: Annotated[Version, CardVersion]
    """The card's version as the catalogue prints it (``4``)."""
    title: str
    """The catalogue entry's title, ``"Llama 4 Scout 17B 16E Instruct"``."""
    catalogue: str
    """The catalogue that publishes the card."""
    provider: str
    """The model provider named by the catalogue (``"Meta"``)."""
    model_developer: str
    """The model developer named by the spec table (``"Meta"``)."""
    updated: YearMonth
    """Month of the card's last update (``2026-03``)."""
    release_date: date
    """The models' release date (``2025-04-05``)."""
    deployment_options: tuple[str, ...]
    """How the catalogue deploys the model, as printed."""
    license_name: str
    """The licence the card names."""
    source: Source
    """The card document itself."""
    field_sources: tuple[FieldSource, ...]
    """Where each of the card's own facts is printed (its title, version, dates, provider,
    developer, deployment options, licence name, training hardware), each with every
    section that prints it; see :meth:`source_of`."""
    training_total: Training
    """The total row of the training table."""
    training_hardware: str
    """The GPU type of the training time, as printed."""
    catalogue_specifications: CatalogueSpecifications
    """The catalogue's summary box."""
