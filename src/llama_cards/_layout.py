"""One table layout, four writers: Markdown, CSV, HTML and plain text.

Private. Every table the package writes goes through here, the library's
(``ScoreTable``, ``Comparison``, ``Pivot``) and the command line's alike, so a table is
escaped, quoted and aligned one way. The writers are pure functions over a header and rows
of text cells: the caller turns its records into text (:func:`cell` does it the way CSV
does), the writer only lays the text out.

Importing this module is cheap: it imports nothing of the package, and the standard
modules a writer needs (``csv``, ``html``, ``textwrap``, ``unicodedata``) are imported
by that writer when it first runs.

```pycon
>>> from llama_cards._layout import Column, cell, csv_table, markdown_table, text_table
>>> print(markdown_table(["Model", "Context"], [["Scout", "10M"], ["a|b", "1M"]]))
| Model | Context |
|---|---|
| Scout | 10M |
| a\\|b | 1M |
>>> print(csv_table(["model", "value"], [["scout", cell(None)], ["maverick", cell(85.5)]]))
model,value
scout,
maverick,85.5
<BLANKLINE>
>>> print("\\n".join(text_table([Column("Model"), Column("Context", ">")], [["Scout", "10M"]])))
Model  Context
Scout      10M

```
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing would cost more than this whole
# module; type checkers treat this name the same way.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Callable, Optional, Union

    Cell = Union[str, tuple[str, str]]
    """A cell of a text table: its text, or its text and the name of a style."""
    Row = Union[Sequence[Cell], str]
    """A row of a text table: its cells, or a heading line that spans the table."""
    Styler = Callable[[str, str], str]
    """Styles a text for a terminal: ``style(text, name)``; the header and headings ask
    ``"bold"``, a cell its own style."""

__all__ = [
    "Column",
    "cell",
    "csv_table",
    "display_width",
    "html_table",
    "markdown_table",
    "text_table",
    "wrap",
]

GAP = "  "
"""Between two columns of a text table."""
MIN_FLEX = 12
"""A flexible column narrows to no fewer columns than this."""


def cell(value: object) -> str:
    """A value as a text cell, the way CSV writes it: ``None`` empty, else ``str()``.

    ```pycon
    >>> [cell(None), cell(0), cell(85.5), cell("eng->kgv")]
    ['', '0', '85.5', 'eng->kgv']

    ```
    """
    return "" if value is None else str(value)


# ------------------------------------------------------------------ Markdown


def _markdown_line(cells: Sequence[str]) -> str:
    # A row is one line: a line break in a cell would end the table.
    shown = (text.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ") for text in cells)
    return "| " + " | ".join(shown) + " |"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table: the header, its rule, then one line per row.

    ``|`` is escaped and a line break becomes a space; there is no trailing newline.
    """
    lines = [_markdown_line(header), "|" + "---|" * len(header)]
    lines += [_markdown_line(row) for row in rows]
    return "\n".join(lines)


# ----------------------------------------------------------------------- CSV


def csv_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text (RFC 4180 quoting, ``\\n`` line ends): the header line, then the rows.

    With no rows, the header line alone.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


# ---------------------------------------------------------------------- HTML


def html_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], *, caption: Optional[str] = None
) -> str:
    """One HTML ``<table>``, every text escaped, with a ``<caption>`` when given.

    ```pycon
    >>> print(html_table(["Model"], [["a<b"]], caption="Scores").replace("><", ">\\n<"))
    <table>
    <caption>Scores</caption>
    <thead>
    <tr>
    <th>Model</th>
    </tr>
    </thead>
    <tbody>
    <tr>
    <td>a&lt;b</td>
    </tr>
    </tbody>
    </table>

    ```
    """
    from html import escape

    title = "" if caption is None else f"<caption>{escape(caption)}</caption>"
    head = "".join(f"<th>{escape(text)}</th>" for text in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(text)}</td>" for text in row) + "</tr>" for row in rows
    )
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# ---------------------------------------------------------------- plain text


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide signs two.

    ```pycon
    >>> display_width("Tiếng Việt"), display_width("हिन्दी"), display_width("漢字")
    (10, 5, 4)

    ```
    """
    if text.isascii():
        return len(text)
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, keeping its leading indent."""
    if display_width(text) <= width:
        return [text]
    import textwrap

    body = text.lstrip(" ")
    indent = " " * (len(text) - len(body))
    return textwrap.wrap(
        body,
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=True,
    ) or [text]


class Column:
    """A column of a text table: its header, alignment and how it may narrow."""

    __slots__ = ("align", "flex", "label", "wrap")

    def __init__(self, label: str, align: str = "<", *, wrap: int = 0, flex: bool = False):
        self.label = label
        """The header; ``\\n`` splits it over lines (bottom-aligned)."""
        self.align = align
        """``"<"`` left or ``">"`` right."""
        self.wrap = wrap
        """Wrap cells wider than this many columns (0: never)."""
        self.flex = flex
        """Narrow this column (wrapping its cells) when the table is wider than the page."""


def _text(value: Cell) -> str:
    return value if isinstance(value, str) else value[0]


def _lines(text: str, width: int) -> list[str]:
    return [line for part in text.split("\n") for line in wrap(part, width)]


def _plain(text: str, name: str) -> str:
    return text


def text_table(
    columns: Sequence[Union[Column, str]],
    rows: Iterable[Row],
    *,
    width: int = 100,
    style: Optional[Styler] = None,
) -> list[str]:
    """``rows`` under a header, in columns fitted to ``width``; the lines, without newlines.

    A column given as a string is a left-aligned :class:`Column` of that header. Columns are
    two spaces apart, lines carry no trailing spaces, and a cell wider than its column
    wraps onto more lines. A heading row (a string) spans the table. ``style`` colours
    the header, headings and styled cells after the layout, so that its codes take no
    columns; the widths count what a terminal shows (:func:`display_width`).
    """
    shaped = [c if isinstance(c, Column) else Column(c) for c in columns]
    rows = list(rows)
    styler = style or _plain
    natural = [max(display_width(part) for part in c.label.split("\n")) for c in shaped]
    for row in rows:
        if isinstance(row, str):
            continue
        for position, value in enumerate(row):
            for part in _text(value).split("\n"):
                natural[position] = max(natural[position], display_width(part))
    widths = list(natural)
    for position, column in enumerate(shaped):
        if column.wrap and widths[position] > column.wrap:
            header = max(display_width(part) for part in column.label.split("\n"))
            widths[position] = max(column.wrap, header)
    total = sum(widths) + len(GAP) * (len(shaped) - 1)
    for position, column in enumerate(shaped):
        if column.flex and total > width:
            narrowed = max(MIN_FLEX, widths[position] - (total - width))
            total -= widths[position] - narrowed
            widths[position] = narrowed

    def join(cells: Sequence[str], styles: Sequence[Optional[str]]) -> str:
        shown = []
        for column, size, text, name in zip(shaped, widths, cells, styles):
            space = " " * max(0, size - display_width(text))
            padded = space + text if column.align == ">" else text + space
            body = padded.strip(" ")
            if body and name:
                padded = padded.replace(body, styler(body, name), 1)
            shown.append(padded)
        return GAP.join(shown).rstrip()

    lines: list[str] = []
    labels = [column.label.split("\n") for column in shaped]
    if any(any(label) for label in labels):
        height = max(len(label) for label in labels)
        for line in range(height):
            cells = [
                label[line - height + len(label)] if line >= height - len(label) else ""
                for label in labels
            ]
            lines.append(join(cells, ["bold"] * len(shaped)))
    for row in rows:
        if isinstance(row, str):
            lines += [styler(part, "bold") for part in wrap(row, width)]
            continue
        parts = [_lines(_text(value), widths[n]) for n, value in enumerate(row)]
        styles = [None if isinstance(value, str) else value[1] for value in row]
        for line in range(max(len(part) for part in parts)):
            lines.append(join([part[line] if line < len(part) else "" for part in parts], styles))
    return lines
