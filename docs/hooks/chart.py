"""The benchmark chart of the documentation, drawn from the package's own data at build time.

An MkDocs hook: ``on_files`` adds ``assets/benchmark-chart.svg`` to the site, made by
:func:`render_chart` from ``llama_cards.scores()``, so the chart can never show other numbers
than the release it documents. The SVG is written by hand with the standard library only.

One group of horizontal bars per benchmark row (and per subtask of a two-number cell), one
colour per model with a legend; a cell without a number shows the card's reason instead of
a bar. Every bar and every reason carries a ``<title>`` naming the model, the benchmark and
the value, which a browser shows as a tooltip.

```pycon
>>> svg = render_chart()
>>> svg.startswith("<svg ") and svg.count('class="bar"')
58

```
"""

from __future__ import annotations

import math
from typing import Any, Optional
from xml.sax.saxutils import escape, quoteattr

import llama_cards
from llama_cards import Benchmark, ScoreTable

CHART_PATH = "assets/benchmark-chart.svg"
"""Where the chart is served in the site, relative to its root."""

# Okabe and Ito's palette, told apart by people with every common colour vision deficiency.
PALETTE = ("#56B4E9", "#009E73", "#E69F00", "#0072B2", "#D55E00", "#CC79A7", "#F0E442")

WIDTH = 820
LABEL_RIGHT = 300  # labels end here
PLOT_LEFT = 310  # bars start here
PLOT_WIDTH = 440
BAR_HEIGHT = 11
BAR_STEP = 14
GROUP_GAP = 14
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _number(value: float) -> str:
    """A coordinate with at most two decimals, without trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, content: str, **attributes: str) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(v)}" for name, v in attributes.items())
    return f'<text x="{_number(x)}" y="{_number(y)}"{extra}>{escape(content)}</text>'


def _label(benchmark: Benchmark, subtask: Optional[str]) -> str:
    """The row's name as printed, naming the one subtask a row of a two-number cell holds."""
    if subtask is None:
        return benchmark.name
    both = "/".join(benchmark.subtasks)
    if benchmark.name.endswith(f" {both}"):
        return f"{benchmark.name[: -len(both)]}{subtask}"
    return f"{benchmark.name} ({subtask})"


def _detail(benchmark: Benchmark) -> str:
    shots = "shots not given" if benchmark.shots is None else f"{benchmark.shots}-shot"
    return f"{benchmark.metric}, {shots}"


def render_chart(scores: Optional[ScoreTable] = None) -> str:
    """The SVG chart of ``scores`` (every score of the newest card when not given)."""
    selected = llama_cards.scores() if scores is None else scores
    card = llama_cards.card()
    pivot = selected.pivot()
    colours = {model: PALETTE[n % len(PALETTE)] for n, model in enumerate(pivot.columns)}
    names = dict(zip(pivot.columns, pivot.column_names))
    titles = {table.id: table.title for table in card.benchmark_tables}
    reasons = {reason.id: reason.printed for reason in card.missing_reasons}
    values = [s.value for s in selected if s.value is not None]
    upper = max(100, 20 * math.ceil(max(values, default=0) / 20))
    scale = PLOT_WIDTH / upper

    body: list[str] = []
    y = 30.0
    body.append(
        _text(16, y, "Benchmarks of the Llama 4 model card", font_size="17", font_weight="bold")
    )
    y += 20
    body.append(
        _text(
            16,
            y,
            f"{card.title}, card version {card.version} ({card.updated}); "
            "every metric is better when higher",
            font_size="12",
            fill="#555",
        )
    )

    # The legend, wrapped onto as many lines as it needs.
    y += 24
    x = 16.0
    for model in pivot.columns:
        width = 26 + 7.2 * len(names[model])
        if x + width > WIDTH - 16:
            x, y = 16.0, y + 20
        body.append(
            f'<rect class="swatch" data-model={quoteattr(model)} x="{_number(x)}" '
            f'y="{_number(y - 10)}" width="12" height="12" fill="{colours[model]}"/>'
        )
        body.append(_text(x + 17, y, names[model], font_size="12"))
        x += width

    footnotes: dict[str, str] = {}
    for table_id in dict.fromkeys(row.table for row in pivot.rows):
        rows = [row for row in pivot.rows if row.table == table_id]
        y += 38
        body.append(_text(16, y, titles[table_id], font_size="14", font_weight="bold"))
        y += 8
        top = y
        height = sum(
            GROUP_GAP + BAR_STEP * sum(cell is not None for cell in row.cells) for row in rows
        )
        for tick in range(0, upper + 1, 20):
            tick_x = PLOT_LEFT + tick * scale
            body.append(
                f'<line x1="{_number(tick_x)}" y1="{_number(top)}" x2="{_number(tick_x)}" '
                f'y2="{_number(top + height)}" stroke="#ddd" stroke-width="1"/>'
            )
            body.append(
                _text(
                    tick_x,
                    top + height + 14,
                    str(tick),
                    font_size="10",
                    fill="#777",
                    text_anchor="middle",
                )
            )
        for row in rows:
            cells = [cell for cell in row.cells if cell is not None]
            y += GROUP_GAP / 2
            group_top = y
            middle = group_top + BAR_STEP * len(cells) / 2
            label = _label(row.benchmark, row.subtask)
            if row.benchmark.footnote is not None:
                footnotes[row.benchmark.footnote.marker] = row.benchmark.footnote.text
            body.append(_text(LABEL_RIGHT, middle - 1, label, font_size="12", text_anchor="end"))
            body.append(
                _text(
                    LABEL_RIGHT,
                    middle + 12,
                    _detail(row.benchmark),
                    font_size="10",
                    fill="#777",
                    text_anchor="end",
                )
            )
            for cell in cells:
                what = f"{names[cell.model]}, {label} ({titles[cell.table]})"
                data = (
                    f"data-model={quoteattr(cell.model)} "
                    f"data-benchmark={quoteattr(cell.benchmark)} "
                    f"data-table={quoteattr(cell.table)}"
                    + ("" if cell.subtask is None else f" data-subtask={quoteattr(cell.subtask)}")
                )
                if cell.value is not None:
                    width = cell.value * scale
                    body.append(
                        f'<rect class="bar" {data} data-value="{cell.value!r}" '
                        f'x="{PLOT_LEFT}" y="{_number(y)}" width="{_number(width)}" '
                        f'height="{BAR_HEIGHT}" fill="{colours[cell.model]}">'
                        f"<title>{escape(what)}: {cell.value!r}</title></rect>"
                    )
                    body.append(
                        _text(
                            PLOT_LEFT + width + 4,
                            y + BAR_HEIGHT - 1.5,
                            repr(cell.value),
                            font_size="10",
                        )
                    )
                else:
                    assert cell.missing is not None  # a score has a value or a reason
                    reason = reasons.get(cell.missing, cell.missing)
                    body.append(
                        f'<g class="missing" {data} data-reason={quoteattr(cell.missing)}>'
                        f"<title>{escape(what)}: {escape(reason)}</title>"
                        f'<rect x="{PLOT_LEFT}" y="{_number(y)}" width="4" height="{BAR_HEIGHT}" '
                        f'fill="{colours[cell.model]}"/>'
                        + _text(
                            PLOT_LEFT + 9,
                            y + BAR_HEIGHT - 1.5,
                            reason,
                            font_size="10",
                            font_style="italic",
                            fill="#555",
                        )
                        + "</g>"
                    )
                y += BAR_STEP
            y += GROUP_GAP / 2
        y += 18

    for marker, text in footnotes.items():
        y += 18
        body.append(_text(16, y, f"{marker} {text}", font_size="11", fill="#555"))
    y += 6
    sources = {d.id: d for d in card.documents}
    source = sources[card.benchmark_tables[0].source.document]
    version = "" if source.version is None else f", version {source.version}"
    for line in (f"Source: {source.title}{version}, {source.publisher}", str(source.url)):
        y += 16
        body.append(_text(16, y, line, font_size="10", fill="#777"))
    total_height = y + 16

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{_number(total_height)}" '
        f'viewBox="0 0 {WIDTH} {_number(total_height)}" role="img" aria-labelledby="chart-title" '
        f'font-family="{FONT}" fill="#222">'
        '<title id="chart-title">Benchmarks of the Llama 4 model card: each model\'s score '
        "on every benchmark of the card's two tables</title>"
        f'<rect width="{WIDTH}" height="{_number(total_height)}" fill="#fff"/>'
        + "".join(body)
        + "</svg>\n"
    )


def on_files(files: Any, *, config: Any) -> Any:
    """MkDocs hook: add the chart to the site's files."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, CHART_PATH, content=render_chart()))
    return files
