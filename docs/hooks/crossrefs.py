"""Turn the Sphinx roles of the docstrings into links of the API reference.

The docstrings cross-reference with Sphinx roles (``:class:`Score```,
``:func:`~llama_cards.model```), which read well in ``help()`` and in editors. Rendered as
Markdown, a role would show as ``:class:`` followed by the name in code. This MkDocs hook
rewrites each one into an mkdocs-autorefs reference to the object's entry in the API
reference (or into plain code when the object has no entry), named as Sphinx would name it:
``~`` keeps the last part only, and functions and methods get ``()``.

```pycon
>>> page = '<h2 id="llama_cards.benchmarks.Score"></h2><p>see :class:<code>Score</code></p>'
>>> print(link_roles(page))
<h2 id="llama_cards.benchmarks.Score"></h2><p>see \
<autoref identifier="llama_cards.benchmarks.Score" optional><code>Score</code></autoref></p>
>>> link_roles(":func:<code>~llama_cards.nowhere</code>")
'<code>nowhere()</code>'

```
"""

from __future__ import annotations

import logging
import re
from typing import Any

__all__ = ["link_roles", "on_page_content"]

_ROLE = re.compile(
    r":(?:py:)?(?P<role>class|exc|func|meth|attr|data|const|obj|mod):"
    r"<code>(?P<short>~?)(?P<target>[A-Za-z_][\w.]*)</code>"
)
_ANCHOR = re.compile(r'\bid="(?P<id>llama_cards(?:\.\w+)+)"')
_CALLED = ("func", "meth")
_LOG = logging.getLogger("mkdocs.hooks.crossrefs")


def _resolve(target: str, scope: str, anchors: set[str]) -> str | None:
    """The anchor of the page that ``target`` names, looked up the way Sphinx does.

    First inside the object being documented (``scope``) and its parents, then as a
    public name of the package (``llama_cards.model`` is ``llama_cards.models.model``),
    then as the end of one anchor's path.
    """
    if target in anchors:
        return target
    relative = target.removeprefix("llama_cards.")
    parts = scope.split(".")
    for end in range(len(parts), 1, -1):
        candidate = ".".join([*parts[:end], relative])
        if candidate in anchors:
            return candidate
    public = {a for a in anchors if a.count(".") == 2 and a.endswith(f".{relative}")}
    if len(public) == 1:
        return public.pop()
    found = {anchor for anchor in anchors if anchor.endswith(f".{relative}")}
    return found.pop() if len(found) == 1 else None


def link_roles(html: str) -> str:
    """``html`` with every Sphinx role replaced by a reference to the object it names."""
    found = [(match.start(), match["id"]) for match in _ANCHOR.finditer(html)]
    anchors = {anchor for _, anchor in found}

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        shown = target.rsplit(".", 1)[-1] if match["short"] else target
        if match["role"] in _CALLED:
            shown += "()"
        # The object documented here is the last one whose heading comes before the role.
        scope = next((a for start, a in reversed(found) if start < match.start()), "")
        identifier = _resolve(target, scope, anchors)
        if identifier is None:
            # Builtins and other packages have no entry here: shown as code, unlinked.
            _LOG.debug("no entry for %s (role %s, in %s)", target, match["role"], scope)
            return f"<code>{shown}</code>"
        return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'

    return _ROLE.sub(replace, html)


def on_page_content(html: str, **kwargs: Any) -> str:
    """MkDocs hook: link the roles of the page before mkdocs-autorefs resolves references."""
    return link_roles(html)
