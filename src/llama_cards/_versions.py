"""Versions that are plain constants, readable without importing pydantic.

Private: the public names are re-exported from the package.
"""

__all__ = ["SCHEMA_RELEASES", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1.1"
"""Version of the card data schema, ``MAJOR.MINOR``: a new major cannot be read by an old
release; a new minor only adds."""

SCHEMA_RELEASES = {"1.0": "0.1.0", "1.1": "0.2.0"}
"""The first llama-cards release that writes each schema version: an error about JSON of
a newer schema names the release to upgrade past."""
