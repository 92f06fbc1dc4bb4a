"""Versions that are plain constants, readable without importing pydantic.

Private: the public names are re-exported from the package.
"""

__all__ = ["SCHEMA_VERSION"]

SCHEMA_VERSION = "1.1"
"""Version of the card data schema, ``MAJOR.MINOR``: a new major cannot be read by an old
release; a new minor only adds."""
