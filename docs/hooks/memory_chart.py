"""The memory chart of the Deploying guide, drawn from the package's own data at build time.

An MkDocs hook: ``on_files`` adds ``assets/memory.svg`` to the site, made by
:func:`render_memory_chart` from each model's ``weights_bytes()`` and ``kv_cache_bytes()``,
so the chart can never show other numbers than the release it documents. The SVG is written
by hand with the standard library only.

One line per model and weight precision: the weights (Meta's quantization scheme) plus the
BF16 KV cache of one sequence with the chunked-attention window, against the context length
on a logarithmic axis, up to the model's card context. Dashed lines mark the memory of each
accelerator of the package's table. Every point carries a ``<title>`` with its numbers.

```pycon
>>> svg = render_memory_chart()
>>> svg.startswith("<svg ") and svg.count('class="series"')
6

```
"""

from __future__ import annotations

import math
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import llama_cards

CHART_PATH = "assets/memory.svg"
"""Where the chart is served in the site, relative to its root."""

PRECISIONS = ("bf16", "fp8", "int4")
# Okabe and Ito's palette: one colour per precision; the models are told apart by the dash.
COLOURS = {"bf16": "#0072B2", "fp8": "#E69F00", "int4": "#009E73"}
DASHES = {"llama-4-scout": "", "llama-4-maverick": "7 4"}

WIDTH = 760
HEIGHT = 440
LEFT, RIGHT, TOP, BOTTOM = 70, 190, 40, 60
FIRST_TOKENS = 1_000  # the axis starts at a thousand tokens of context
STEPS_PER_DECADE = 8
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
GB = 1_000_000_000  # decimal gigabytes, the unit of the vendors' memory figures


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(v)}" for name, v in attributes.items())
    return f'<text x="{_number(x)}" y="{_number(y)}"{extra}>{escape(content)}</text>'


def context_points(context_length: int) -> list[int]:
    """The context lengths drawn: steps on a log scale from a thousand tokens, and the
    model's own context length last."""
    points: list[int] = []
    step = 0
    while True:
        tokens = round(FIRST_TOKENS * 10 ** (step / STEPS_PER_DECADE))
        if tokens >= context_length:
            break
        points.append(tokens)
        step += 1
    return [*points, context_length]


def series() -> list[tuple[llama_cards.Model, str, list[tuple[int, int]]]]:
    """Each model at each precision with its (context tokens, bytes) points."""
    found = []
    for entry in llama_cards.models():
        for precision in PRECISIONS:
            weights = entry.weights_bytes(precision)
            points = [
                (tokens, weights + entry.kv_cache_bytes(tokens))
                for tokens in context_points(entry.context_length)
            ]
            found.append((entry, precision, points))
    return found


def render_memory_chart() -> str:
    """The SVG chart of memory against context length for every model and precision."""
    lines = series()
    accelerators = llama_cards.accelerators()
    longest = max(entry.context_length for entry in llama_cards.models())
    highest = max(
        [b for _, _, points in lines for _, b in points] + [a.memory_bytes for a in accelerators]
    )
    top_gb = 100 * math.ceil(highest / GB / 100)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    low, high = math.log10(FIRST_TOKENS), math.log10(longest)

    def x(tokens: int) -> float:
        return LEFT + plot_w * (math.log10(tokens) - low) / (high - low)

    def y(count: int) -> float:
        return TOP + plot_h * (1 - count / GB / top_gb)

    body = [
        _text(LEFT, 22, "Memory against context length", font_size="15", font_weight="600"),
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" '
        'stroke="#222"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#222"/>',
    ]
    for gb in range(0, top_gb + 1, 100):
        at = y(gb * GB)
        body.append(
            f'<line x1="{LEFT}" y1="{_number(at)}" x2="{LEFT + plot_w}" y2="{_number(at)}" '
            'stroke="#ddd"/>'
        )
        body.append(_text(LEFT - 6, at + 4, f"{gb}", font_size="10", text_anchor="end"))
    decade = FIRST_TOKENS
    while decade <= longest:
        at = x(decade)
        label = f"{decade // 1_000_000}M" if decade >= 1_000_000 else f"{decade // 1_000}K"
        body.append(_text(at, TOP + plot_h + 16, label, font_size="10", text_anchor="middle"))
        decade *= 10
    body.append(
        _text(
            LEFT + plot_w / 2,
            HEIGHT - 22,
            "context tokens (log scale), one sequence",
            font_size="11",
            text_anchor="middle",
        )
    )
    body.append(
        _text(16, TOP + plot_h / 2, "GB", font_size="11", text_anchor="middle", fill="#555")
    )
    for unit in accelerators:
        at = y(unit.memory_bytes)
        body.append(
            f'<g class="accelerator" data-accelerator={quoteattr(unit.id)} '
            f'data-bytes="{unit.memory_bytes}"><title>{escape(unit.name)}: '
            f"{unit.memory_bytes:,} bytes</title>"
            f'<line x1="{LEFT}" y1="{_number(at)}" x2="{LEFT + plot_w}" y2="{_number(at)}" '
            'stroke="#D55E00" stroke-dasharray="2 3"/>'
            + _text(LEFT + plot_w - 4, at - 4, unit.name, font_size="9", text_anchor="end")
            + "</g>"
        )
    legend_y = TOP + 6
    for entry, precision, points in lines:
        colour, dash = COLOURS[precision], DASHES.get(entry.id, "")
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{_number(x(t))},{_number(y(b))}" for t, b in points)
        marks = "".join(
            f'<circle class="point" data-tokens="{t}" data-bytes="{b}" cx="{_number(x(t))}" '
            f'cy="{_number(y(b))}" r="2" fill="{colour}"><title>{escape(entry.short_name)} '
            f"{precision}, {t:,} tokens: {b:,} bytes</title></circle>"
            for t, b in points
        )
        body.append(
            f'<g class="series" data-model={quoteattr(entry.id)} '
            f"data-precision={quoteattr(precision)}>"
            f"<title>{escape(entry.short_name)}, {precision} weights, BF16 KV cache</title>"
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>'
            + marks
            + "</g>"
        )
        lx = WIDTH - RIGHT + 14
        body.append(
            f'<line x1="{lx}" y1="{legend_y}" x2="{lx + 26}" y2="{legend_y}" stroke="{colour}" '
            f'stroke-width="2"{dashed}/>'
        )
        body.append(_text(lx + 32, legend_y + 4, f"{entry.short_name} {precision}", font_size="10"))
        legend_y += 18
    body.append(
        _text(
            WIDTH - RIGHT + 14,
            legend_y + 14,
            "weights (Meta's scheme)",
            font_size="9",
            fill="#555",
        )
    )
    body.append(
        _text(
            WIDTH - RIGHT + 14,
            legend_y + 27,
            "+ BF16 KV cache, chunked window",
            font_size="9",
            fill="#555",
        )
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="memory-title" '
        f'font-family="{FONT}" fill="#222">'
        '<title id="memory-title">Memory of the weights and KV cache of each Llama 4 model at '
        "each weight precision, against the context length</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>' + "".join(body) + "</svg>\n"
    )


def on_files(files: Any, *, config: Any) -> Any:
    """MkDocs hook: add the chart to the site's files."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, CHART_PATH, content=render_memory_chart()))
    return files
