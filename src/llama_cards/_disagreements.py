"""Where two sources print one fact differently: the value served, and the other printing.

Private: the public name is re-exported from the package. Its own module, so that a query
that never lists disagreements (a first model() lookup) does not build the record class.
"""

# Read by pydantic as expressions, as in _base (no postponed annotations).
from ._base import FrozenRecord, Source

__all__ = ["Disagreement"]


class Disagreement(FrozenRecord):
    """A place where two sources print one fact differently: the value served, and the other.

    The card (or, for a fact it does not print, the document the fact is taken from) is
    served; the other printing is kept with its own source, never chosen silently.
    """

    field: str
    """Where the fact is in the data, as a path, e.g. ``"models[llama-4-scout].context_length"``."""
    served: str
    """The value served, as its source prints it, e.g. ``"10M"``."""
    served_source: Source
    """Where the served value is printed."""
    other: str
    """The other printing, e.g. ``"10485760"``."""
    other_source: Source
    """Where the other printing is."""
    note: str
    """What differs, in one short line of our own words."""
