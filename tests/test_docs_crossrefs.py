"""The documentation hook that turns the docstrings' Sphinx roles into reference links."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

HOOK = Path(__file__).resolve().parents[1] / "docs" / "hooks" / "crossrefs.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("llama_cards_docs_crossrefs", HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


crossrefs = _load()

# A page as mkdocstrings renders it: a heading (with the object's path as id) per object.
PAGE = (
    '<h2 id="llama_cards.models">models</h2>'
    '<h2 id="llama_cards.models.model">model</h2>{in_model}'
    '<h2 id="llama_cards.benchmarks.Score">Score</h2>{in_score}'
    '<h3 id="llama_cards.benchmarks.Score.model">model</h3>'
    '<h2 id="llama_cards.benchmarks.ScoreTable">ScoreTable</h2>{in_table}'
    '<h3 id="llama_cards.benchmarks.ScoreTable.to_records">to_records</h3>'
)


def _link(identifier: str, shown: str) -> str:
    return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'


@pytest.mark.parametrize(
    ("where", "role", "expected"),
    [
        # A public name of the package finds the module-level object.
        (
            "in_table",
            ":func:<code>~llama_cards.model</code>",
            _link("llama_cards.models.model", "model()"),
        ),
        (
            "in_table",
            ":func:<code>llama_cards.model</code>",
            _link("llama_cards.models.model", "llama_cards.model()"),
        ),
        # A name inside the documented class wins over a module-level one of the same name.
        (
            "in_score",
            ":attr:<code>model</code>",
            _link("llama_cards.benchmarks.Score.model", "model"),
        ),
        ("in_model", ":attr:<code>model</code>", _link("llama_cards.models.model", "model")),
        (
            "in_table",
            ":meth:<code>to_records</code>",
            _link("llama_cards.benchmarks.ScoreTable.to_records", "to_records()"),
        ),
        ("in_model", ":class:<code>Score</code>", _link("llama_cards.benchmarks.Score", "Score")),
        (
            "in_model",
            ":class:<code>~llama_cards.benchmarks.Score</code>",
            _link("llama_cards.benchmarks.Score", "Score"),
        ),
        (
            "in_model",
            ":py:class:<code>ScoreTable</code>",
            _link("llama_cards.benchmarks.ScoreTable", "ScoreTable"),
        ),
        # No entry on the page (a builtin): plain code, the role gone.
        ("in_model", ":class:<code>ValueError</code>", "<code>ValueError</code>"),
        ("in_model", ":func:<code>~os.path.join</code>", "<code>join()</code>"),
    ],
)
def test_roles_become_links_to_the_object_they_name(where: str, role: str, expected: str) -> None:
    slots = {"in_model": "", "in_score": "", "in_table": ""}
    slots[where] = f"<p>see {role}.</p>"
    rendered: str = crossrefs.link_roles(PAGE.format(**slots))
    assert f"<p>see {expected}.</p>" in rendered
    assert ":class:" not in rendered
    assert ":func:" not in rendered


def test_text_without_roles_is_left_alone() -> None:
    page = PAGE.format(in_model="<p>a :: b <code>x</code> :class: y</p>", in_score="", in_table="")
    assert crossrefs.link_roles(page) == page


def test_the_hook_rewrites_the_page_content() -> None:
    html = '<h2 id="llama_cards.models.model"></h2>:func:<code>model</code>'
    result: str = crossrefs.on_page_content(html, page=None, config=None, files=None)
    assert result.endswith(_link("llama_cards.models.model", "model()"))
