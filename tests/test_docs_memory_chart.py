"""The memory chart of the Deploying guide: valid SVG, one line per model and precision, each
point the package's own weights plus KV cache, checked against the hand-worked figures."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import llama_cards

CHART_HOOK = Path(__file__).resolve().parents[1] / "docs" / "hooks" / "memory_chart.py"
SVG = "{http://www.w3.org/2000/svg}"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("llama_cards_docs_memory_chart", CHART_HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


chart = _load()


def _root() -> ET.Element:
    svg: str = chart.render_memory_chart()
    return ET.fromstring(svg)  # raises ParseError unless the SVG is well-formed XML


def _series() -> dict[tuple[str, str], list[tuple[int, int]]]:
    found = {}
    for group in _root().iter(f"{SVG}g"):
        if group.attrib.get("class") == "series":
            points = [
                (int(p.attrib["data-tokens"]), int(p.attrib["data-bytes"]))
                for p in group.iter(f"{SVG}circle")
            ]
            found[(group.attrib["data-model"], group.attrib["data-precision"])] = points
    return found


def test_the_chart_is_an_svg_document_with_a_title() -> None:
    root = _root()
    assert root.tag == f"{SVG}svg"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text is not None
    assert "context length" in title.text


def test_one_line_per_model_and_precision() -> None:
    assert sorted(_series()) == [
        ("llama-4-maverick", "bf16"),
        ("llama-4-maverick", "fp8"),
        ("llama-4-maverick", "int4"),
        ("llama-4-scout", "bf16"),
        ("llama-4-scout", "fp8"),
        ("llama-4-scout", "int4"),
    ]


def test_each_line_runs_to_the_card_context() -> None:
    for (model_id, _), points in _series().items():
        tokens = [t for t, _ in points]
        assert tokens[0] == 1_000
        assert tokens == sorted(set(tokens))
        assert tokens[-1] == llama_cards.model(model_id).context_length


# Weights (Meta's scheme) + 12 x 4,096 x tokens + 36 x 4,096 x min(tokens, 8,192), by hand.
ENDS = {
    ("llama-4-scout", "int4"): 66_477_386_752 + 49_152 * 10_000_000 + 1_207_959_552,
    ("llama-4-scout", "bf16"): 217_283_587_072 + 49_152 * 10_000_000 + 1_207_959_552,
    ("llama-4-maverick", "fp8"): 432_979_864_852 + 49_152 * 1_000_000 + 1_207_959_552,
    ("llama-4-maverick", "bf16"): 803_167_562_752 + 49_152 * 1_000_000 + 1_207_959_552,
}


def test_the_last_points_equal_the_hand_arithmetic() -> None:
    drawn = _series()
    for key, expected in ENDS.items():
        assert drawn[key][-1][1] == expected


def test_every_point_is_the_package_s_own_sum() -> None:
    for (model_id, precision), points in _series().items():
        entry = llama_cards.model(model_id)
        weights = entry.weights_bytes(precision)
        for tokens, drawn in points:
            assert drawn == weights + entry.kv_cache_bytes(tokens)


def test_the_accelerators_are_marked() -> None:
    marked = {
        g.attrib["data-accelerator"]: int(g.attrib["data-bytes"])
        for g in _root().iter(f"{SVG}g")
        if g.attrib.get("class") == "accelerator"
    }
    assert marked == {"h100-80gb": 80_000_000_000, "dgx-h100": 640_000_000_000}


def test_context_points_step_on_a_log_scale() -> None:
    assert chart.context_points(10_000) == [
        1_000,
        1_334,
        1_778,
        2_371,
        3_162,
        4_217,
        5_623,
        7_499,
        10_000,
    ]
    assert chart.context_points(1_000) == [1_000]
