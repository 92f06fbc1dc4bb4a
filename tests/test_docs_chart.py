"""The benchmark chart of the documentation: valid SVG, one mark per cell, the card's values."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import Score, ScoreTable

CHART_HOOK = Path(__file__).resolve().parents[1] / "docs" / "hooks" / "chart.py"
SVG = "{http://www.w3.org/2000/svg}"


def _load_chart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("llama_cards_docs_chart", CHART_HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


chart = _load_chart()


def _render(scores: ScoreTable | None = None) -> ET.Element:
    svg: str = chart.render_chart(scores)
    return ET.fromstring(svg)  # raises ParseError unless the SVG is well-formed XML


def _cell(element: ET.Element) -> tuple[str, str, str, str | None]:
    return (
        element.attrib["data-table"],
        element.attrib["data-benchmark"],
        element.attrib["data-model"],
        element.attrib.get("data-subtask"),
    )


def _key(entry: Score) -> tuple[str, str, str, str | None]:
    return (entry.table, entry.benchmark, entry.model, entry.subtask)


def _title(element: ET.Element) -> str:
    title = element.find(f"{SVG}title")
    assert title is not None, ET.tostring(element)
    assert title.text is not None, ET.tostring(element)
    return title.text


def test_the_chart_is_an_svg_document_with_a_title() -> None:
    root = _render()
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert "Llama 4" in _title(root)
    assert float(root.attrib["height"]) > 0


def test_one_bar_per_scored_cell_with_its_value_in_the_title() -> None:
    root = _render()
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    scored = {_key(s): s for s in llama_cards.scores() if s.value is not None}
    assert len(scored) == 58  # the card's 80 cells, less the 22 that print a reason
    assert sorted(_cell(bar) for bar in bars) == sorted(scored)
    for bar in bars:
        entry = scored[_cell(bar)]
        assert _title(bar).endswith(f": {entry.value!r}"), _title(bar)
        assert float(bar.attrib["data-value"]) == entry.value


def test_a_few_bars_read_as_the_card_prints_them() -> None:
    root = _render()
    titles = {_title(bar) for bar in root.findall(f".//{SVG}rect[@class='bar']")}
    assert {
        "Llama 4 Scout, MMLU (Pre-trained models): 79.6",
        "Llama 3.1 405B, TydiQA (Pre-trained models): 34.3",
        "Llama 4 Maverick, MMLU Pro (Instruction tuned models): 80.5",
        "Llama 3.3 70B, LiveCodeBench (10/01/2024-02/01/2025) (Instruction tuned models): 33.3",
        "Llama 4 Scout, MTOB (half book) eng->kgv (Instruction tuned models): 42.2",
        "Llama 4 Maverick, MTOB (full book) kgv->eng (Instruction tuned models): 46.7",
    } <= titles


def test_bar_lengths_follow_the_values() -> None:
    bars = _render().findall(f".//{SVG}rect[@class='bar']")
    ratios = {float(bar.attrib["width"]) / float(bar.attrib["data-value"]) for bar in bars}
    assert max(ratios) - min(ratios) < 0.01  # one scale for every bar (coordinates are rounded)
    assert {bar.attrib["x"] for bar in bars} == {str(chart.PLOT_LEFT)}


def test_every_cell_without_a_number_is_marked_with_the_cards_reason() -> None:
    root = _render()
    marks = root.findall(f".//{SVG}g[@class='missing']")
    missing = {_key(s): s for s in llama_cards.scores() if s.value is None}
    assert len(missing) == 22
    assert sorted(_cell(mark) for mark in marks) == sorted(missing)
    printed = {reason.id: reason.printed for reason in llama_cards.card().missing_reasons}
    for mark in marks:
        entry = missing[_cell(mark)]
        assert mark.attrib["data-reason"] == entry.missing
        assert _title(mark).endswith(f": {printed[entry.missing]}")
        shown = mark.find(f"{SVG}text")
        assert shown is not None
        assert shown.text == printed[entry.missing]
    assert {
        "Llama 3.1 70B, ChartQA (Pre-trained models): No multimodal support",
        "Llama 3.3 70B, MMMU Pro^ (Instruction tuned models): No multimodal support",
        "Llama 3.1 405B, MTOB (full book) kgv->eng (Instruction tuned models): "
        "Context window is 128K",
    } <= {_title(mark) for mark in marks}


def test_one_colour_per_model_and_a_legend_entry_for_each() -> None:
    root = _render()
    swatches = {
        s.attrib["data-model"]: s.attrib["fill"]
        for s in root.iter(f"{SVG}rect")
        if s.attrib.get("class") == "swatch"
    }
    assert list(swatches) == [
        "llama-3.1-70b",
        "llama-3.3-70b",
        "llama-3.1-405b",
        "llama-4-scout",
        "llama-4-maverick",
    ]
    assert len(set(swatches.values())) == len(swatches)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for name in ["Llama 3.1 70B", "Llama 3.3 70B", "Llama 3.1 405B", "Llama 4 Scout"]:
        assert name in texts
    for bar in root.findall(f".//{SVG}rect[@class='bar']"):
        assert bar.attrib["fill"] == swatches[bar.attrib["data-model"]]
    for mark in root.findall(f".//{SVG}g[@class='missing']"):
        tick = mark.find(f"{SVG}rect")
        assert tick is not None
        assert tick.attrib["fill"] == swatches[mark.attrib["data-model"]]


def test_the_chart_names_its_tables_its_footnote_and_its_source() -> None:
    texts = [t.text or "" for t in _render().iter(f"{SVG}text")]
    assert "Pre-trained models" in texts
    assert "Instruction tuned models" in texts
    assert "MMMU Pro^" in texts
    note = llama_cards.benchmark("MMMU Pro").footnote
    assert note is not None
    assert f"^ {note.text}" in texts
    assert "https://ai.azure.com/catalog/models/Llama-4-Scout-17B-16E-Instruct" in texts


def test_text_is_escaped_as_xml() -> None:
    svg: str = chart.render_chart()
    assert "MTOB (half book) eng-&gt;kgv" in svg
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "MTOB (half book) eng->kgv" in texts


@pytest.mark.parametrize(
    ("selection", "bars", "marks"),
    [
        ({"model": "scout"}, 20, 0),
        ({"model": "llama-3.3-70b"}, 4, 9),
        ({"table": "pretrained"}, 24, 4),
        ({"benchmark": "mtob-half-book"}, 4, 4),
    ],
)
def test_a_selection_draws_only_its_cells(selection: dict[str, str], bars: int, marks: int) -> None:
    root = _render(llama_cards.scores(**selection))
    assert len(root.findall(f".//{SVG}rect[@class='bar']")) == bars
    assert len(root.findall(f".//{SVG}g[@class='missing']")) == marks


ALL_SCORES = tuple(llama_cards.scores())


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(ALL_SCORES), min_size=1))
def test_any_selection_gives_valid_svg_with_one_mark_per_cell(chosen: set[Score]) -> None:
    ordered = [s for s in ALL_SCORES if s in chosen]
    root = _render(ScoreTable(ordered))
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    marks = root.findall(f".//{SVG}g[@class='missing']")
    assert sorted(_cell(b) for b in bars) == sorted(_key(s) for s in ordered if s.value is not None)
    assert sorted(_cell(m) for m in marks) == sorted(_key(s) for s in ordered if s.value is None)
