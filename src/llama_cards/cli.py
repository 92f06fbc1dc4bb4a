"""The ``llama-cards`` command: every query of the library from a shell.

One :func:`main` serves the ``llama-cards`` console script and ``python -m llama_cards``.
It is a thin face over the public API of :mod:`llama_cards`: every fact and every rule
comes from the library; this module parses arguments and lays out the answers.

Exit codes: ``0`` success, or a check that answers "yes"; ``1`` a check that answers "no"
(the context is exceeded, the language is not supported, the use is not permitted);
``2`` bad input or usage (an unknown model, a malformed tag or country code). Errors are
one line on stderr; the answer of a check, "yes" or "no", is on stdout.

```pycon
>>> from llama_cards.cli import main
>>> main(["check-language", "pt_BR", "--model", "scout"])
yes: Llama 4 Scout (17Bx16E) supports 'pt_BR', Portuguese (pt)
0
>>> main(["show", "llama 5"])  # the one-line error goes to stderr
2

```
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Callable, Optional, TextIO, Union

import llama_cards

if TYPE_CHECKING:
    from llama_cards import Benchmark, Comparison, Language, ScoreTable

__all__ = ["main"]

EXIT_OK = 0
"""Success, or a check that answers "yes"."""
EXIT_NO = 1
"""A check that answers "no"."""
EXIT_USAGE = 2
"""Bad input or usage."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C (128 + SIGINT, as shells report it)."""

WIDTH = 100
"""Text output fits this many columns."""

_TABULAR = ("text", "json", "csv", "markdown")
_ANSWER = ("text", "json")
_GAP = "  "
_MIN_FLEX = 12
_BAR_HALF = 15
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
_STYLES = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
}


# ------------------------------------------------------------------ output


def _colour_enabled(stream: object, environ: Mapping[str, str]) -> bool:
    """Whether to colour what is written to ``stream``.

    Only on a terminal, and never when ``NO_COLOR`` is set to anything but the empty
    string (https://no-color.org).
    """
    if environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    if isatty is None:
        return False
    try:
        return bool(isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide signs two."""
    if text.isascii():
        return len(text)
    import unicodedata

    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, align: str) -> str:
    space = " " * max(0, width - _display_width(text))
    return space + text if align == ">" else text + space


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, keeping its leading indent."""
    if _display_width(text) <= width:
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


class _Column:
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


# A cell is its text, or its text and a style; a row is its cells, or a heading line.
_Cell = Union[str, tuple[str, str]]
_Row = Union[Sequence[_Cell], str]


class _Output:
    """Where answers go: stdout, with colour when it is a terminal and ``NO_COLOR`` unset."""

    def __init__(self, stream: TextIO, *, colour: bool, width: int = WIDTH) -> None:
        self.stream = stream
        self.colour = colour
        self.width = width

    def style(self, text: str, *styles: str) -> str:
        if not self.colour or not text or not styles:
            return text
        codes = ";".join(_STYLES[name] for name in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except UnicodeEncodeError:
            # A terminal whose encoding lacks a sign (a block of a bar): show a stand-in.
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(text.encode(encoding, "replace").decode(encoding))

    def lines(self, lines: Iterable[str]) -> None:
        self.write("".join(f"{line}\n" for line in lines))

    def paragraph(self, text: str, *, indent: str = "") -> None:
        self.lines(_wrap(indent + text, self.width))

    def json(self, data: object) -> None:
        import json

        self.json_text(json.dumps(data, indent=2, ensure_ascii=False))

    def json_text(self, text: str) -> None:
        """JSON is UTF-8 (RFC 8259) whatever the locale: written as bytes where possible."""
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None:
            self.write(text + "\n")
            return
        self.stream.flush()
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()

    def table(self, columns: Sequence[_Column], rows: Sequence[_Row]) -> list[str]:
        """``rows`` under a header, in columns fitted to the page; headings span the table."""
        natural = [max(_display_width(part) for part in c.label.split("\n")) for c in columns]
        for row in rows:
            if isinstance(row, str):
                continue
            for position, cell in enumerate(row):
                for part in _text(cell).split("\n"):
                    natural[position] = max(natural[position], _display_width(part))
        widths = list(natural)
        for position, column in enumerate(columns):
            if column.wrap and widths[position] > column.wrap:
                header = max(_display_width(part) for part in column.label.split("\n"))
                widths[position] = max(column.wrap, header)
        total = sum(widths) + len(_GAP) * (len(columns) - 1)
        for position, column in enumerate(columns):
            if column.flex and total > self.width:
                narrowed = max(_MIN_FLEX, widths[position] - (total - self.width))
                total -= widths[position] - narrowed
                widths[position] = narrowed

        lines: list[str] = []
        labels = [column.label.split("\n") for column in columns]
        if any(any(label) for label in labels):
            height = max(len(label) for label in labels)
            for line in range(height):
                cells = [
                    label[line - height + len(label)] if line >= height - len(label) else ""
                    for label in labels
                ]
                lines.append(self._join(columns, widths, cells, [("bold",)] * len(columns)))
        for row in rows:
            if isinstance(row, str):
                lines += [self.style(part, "bold") for part in _wrap(row, self.width)]
                continue
            parts = [_wrap_cell(_text(cell), widths[n]) for n, cell in enumerate(row)]
            styles = [() if isinstance(cell, str) else (cell[1],) for cell in row]
            for line in range(max(len(part) for part in parts)):
                cells = [part[line] if line < len(part) else "" for part in parts]
                lines.append(self._join(columns, widths, cells, styles))
        return lines

    def _join(
        self,
        columns: Sequence[_Column],
        widths: Sequence[int],
        cells: Sequence[str],
        styles: Sequence[tuple[str, ...]],
    ) -> str:
        shown = []
        for column, width, cell, style in zip(columns, widths, cells, styles):
            padded = _pad(cell, width, column.align)
            body = padded.strip(" ")
            if body and style:
                padded = padded.replace(body, self.style(body, *style), 1)
            shown.append(padded)
        return _GAP.join(shown).rstrip()


def _text(cell: _Cell) -> str:
    return cell if isinstance(cell, str) else cell[0]


def _wrap_cell(text: str, width: int) -> list[str]:
    return [line for part in text.split("\n") for line in _wrap(part, width)]


def _markdown(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return "\n".join(
        [line([h.replace("\n", " ") for h in header]), "|" + "---|" * len(header)]
        + [line(row) for row in rows]
    )


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _emit_tabular(
    out: _Output,
    form: str,
    *,
    records: object,
    columns: Sequence[_Column],
    rows: Sequence[Sequence[str]],
    csv_header: Sequence[str],
    csv_rows: Iterable[Sequence[object]],
) -> None:
    """One table in the form asked for: ``records`` as JSON, CSV of raw values, or text."""
    if form == "json":
        out.json(records)
    elif form == "csv":
        out.write(_csv(csv_header, csv_rows))
    elif form == "markdown":
        out.lines([_markdown([c.label for c in columns], rows)])
    else:
        out.lines(out.table(columns, list(rows)))


def _compact(count: int) -> str:
    """A count in the units people write parameters in, exactly: ``17B``, ``1.5T``."""
    from decimal import Decimal

    for power, suffix in ((12, "T"), (9, "B"), (6, "M"), (3, "K")):
        if count >= 10**power:
            return f"{(Decimal(count) / 10**power).normalize():f}{suffix}"
    return str(count)


def _dump(record: object) -> object:
    """A record in the library's own JSON form (pydantic's ``model_dump(mode="json")``)."""
    dump: Callable[..., object] = getattr(record, "model_dump")  # noqa: B009 - any record
    return dump(mode="json")


# --------------------------------------------------------------- arguments


def _whole_number(text: str) -> int:
    """A count from the command line: digits, optionally grouped with ``,`` or ``_``."""
    try:
        return int(text.strip().replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number such as 120000 or 120,000, got {text!r}"
        ) from None


class _UsageError(Exception):
    """Input the command line refuses before asking the library."""


# ---------------------------------------------------------------- commands


def _models(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.find_models(
        min_context=args.min_context,
        input_modality=args.input_modality,
        language=args.language,
    )
    if args.format == "text" and not found:
        out.lines(["no model of the card meets these conditions"])
        return EXIT_OK
    _emit_tabular(
        out,
        args.format,
        records=[_dump(m) for m in found],
        columns=[
            _Column("Id"),
            _Column("Name"),
            _Column("Active", ">"),
            _Column("Total", ">"),
            _Column("Experts", ">"),
            _Column("Context", ">"),
            _Column("Input"),
            _Column("Output"),
        ],
        rows=[
            [
                m.id,
                m.short_name,
                _compact(m.active_parameters),
                _compact(m.total_parameters),
                str(m.experts),
                f"{m.context_length:,}",
                ", ".join(m.input_modalities),
                ", ".join(m.output_modalities),
            ]
            for m in found
        ],
        csv_header=[
            "id",
            "name",
            "short_name",
            "active_parameters",
            "total_parameters",
            "experts",
            "context_length",
            "input_modalities",
            "output_modalities",
            "knowledge_cutoff",
            "release_date",
        ],
        csv_rows=[
            [
                m.id,
                m.name,
                m.short_name,
                m.active_parameters,
                m.total_parameters,
                m.experts,
                m.context_length,
                ";".join(m.input_modalities),
                ";".join(m.output_modalities),
                str(m.knowledge_cutoff),
                m.release_date.isoformat(),
            ]
            for m in found
        ],
    )
    return EXIT_OK


def _tokens(count: int) -> str:
    return f"{count:,} tokens"


def _show(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.model(args.model)
    if args.format == "json":
        out.json(_dump(found))
        return EXIT_OK
    training = found.training
    tokens = found.training_tokens
    groups: list[tuple[str, list[tuple[str, str]]]] = [
        (
            found.name,
            [
                ("id", found.id),
                (
                    "parameters",
                    f"{found.active_parameters:,} active / {found.total_parameters:,} total",
                ),
                ("experts", str(found.experts)),
                (
                    "context length",
                    f"{_tokens(found.context_length)} (printed {found.context_length_printed})",
                ),
                ("input", f"{', '.join(found.input_modalities)} ({found.input_description})"),
                ("output", f"{', '.join(found.output_modalities)} ({found.output_description})"),
                (
                    "training tokens",
                    f"{tokens.value:,}{' (approximate)' if tokens.approximate else ''} "
                    f"(printed {tokens.printed})",
                ),
                ("knowledge cutoff", str(found.knowledge_cutoff)),
                ("release date", found.release_date.isoformat()),
                ("other names", ", ".join(found.aliases)),
            ],
        ),
        (
            "Training",
            [
                ("GPU hours", f"{training.gpu_hours:,}"),
                (
                    "power per GPU",
                    "-" if training.power_watts is None else f"{training.power_watts} W",
                ),
                ("location-based emissions", f"{training.location_based_tco2eq:,} t CO2eq"),
                ("market-based emissions", f"{training.market_based_tco2eq:,} t CO2eq"),
            ],
        ),
        (
            "Weights",
            [
                (
                    "released as",
                    ", ".join(p.upper() for p in found.quantization.released_precisions),
                ),
                ("note", found.quantization.note),
                *[
                    (f"{repo.variant} ({repo.precision})", repo.id)
                    for repo in found.huggingface_repos
                ],
            ],
        ),
    ]
    rows: list[_Row] = []
    for title, facts in groups:
        if rows:
            rows.append([""])
        rows.append(title)
        rows += [[f"  {label}", value] for label, value in facts]
    out.lines(out.table([_Column(""), _Column("", flex=True)], rows))
    card = llama_cards.card()
    out.lines([""])
    out.paragraph(
        f"Source: {card.title}, card version {card.version} ({card.updated}); "
        f"{found.source.section}"
    )
    return EXIT_OK


class _Notes:
    """The notes under a text table: a sign per reason a cell is empty, and footnotes."""

    def __init__(self) -> None:
        card = llama_cards.card()
        self.printed: dict[str, str] = {r.id: r.printed for r in card.missing_reasons}
        self.signs: dict[str, str] = {}
        self.footnotes: dict[str, str] = {}

    def missing(self, reason: Optional[str]) -> str:
        key = str(reason)
        if key not in self.signs:
            n = len(self.signs)
            self.signs[key] = _SUPERSCRIPTS[n] if n < len(_SUPERSCRIPTS) else f"^{n + 1}"
        return f"n/a{self.signs[key]}"

    def benchmark(self, row: Benchmark) -> None:
        if row.footnote is not None:
            self.footnotes.setdefault(row.footnote.marker, row.footnote.text)

    def block(self, out: _Output) -> list[str]:
        """The notes, after a blank line; nothing when there are none."""
        notes = [f"{sign} {self.printed.get(key, key)}" for key, sign in self.signs.items()]
        notes += [f"{marker} {text}" for marker, text in self.footnotes.items()]
        lines = [line for note in notes for line in _wrap(note, out.width)]
        return ["", *lines] if lines else []


def _value(notes: _Notes, value: Optional[float], missing: Optional[str]) -> str:
    return notes.missing(missing) if value is None else str(value)


def _scores_text(out: _Output, selected: ScoreTable) -> list[str]:
    """The scores laid out as the card's tables: benchmarks down, models across."""
    import textwrap

    pivot = selected.pivot()
    titles = {table.id: table.title for table in llama_cards.card().benchmark_tables}
    blocks: list[list[str]] = []
    for table_id, title in titles.items():
        rows = [row for row in pivot.rows if row.table == table_id]
        if not rows:
            continue
        present = [
            n for n in range(len(pivot.columns)) if any(row.cells[n] is not None for row in rows)
        ]
        notes = _Notes()
        grouped: dict[str, list[llama_cards.PivotRow]] = {}
        for row in rows:
            grouped.setdefault(row.benchmark.id, []).append(row)
        lines: list[_Row] = []
        category = None
        for parts in grouped.values():
            benchmark = parts[0].benchmark
            notes.benchmark(benchmark)
            if benchmark.category != category:
                category = benchmark.category
                lines.append(category)
            name = benchmark.name
            subtasks = [row.subtask for row in parts if row.subtask is not None]
            if benchmark.subtasks and len(subtasks) < len(benchmark.subtasks):
                name = f"{name} ({', '.join(subtasks)})"
            cells: list[_Cell] = [
                f"  {name}",
                "-" if benchmark.shots is None else str(benchmark.shots),
                benchmark.metric,
            ]
            for n in present:
                found = [row.cells[n] for row in parts if row.cells[n] is not None]
                shown = [_value(notes, s.value, s.missing) for s in found if s is not None]
                if found and all(s is not None and s.value is None for s in found):
                    shown = list(dict.fromkeys(shown))
                cells.append("/".join(shown))
            lines.append(cells)
        columns = [_Column("Benchmark", flex=True), _Column("Shots", ">"), _Column("Metric")]
        for n in present:
            name = pivot.column_names[n]
            width = max(9, *(len(word) for word in name.split()))
            columns.append(_Column("\n".join(textwrap.wrap(name, width)), ">"))
        block = [out.style(title, "bold", "underline"), *out.table(columns, lines)]
        blocks.append(block + notes.block(out))
    return [line for n, block in enumerate(blocks) for line in ([""] if n else []) + block]


def _scores(args: argparse.Namespace, out: _Output) -> int:
    selected = llama_cards.scores(
        model=args.model,
        benchmark=args.benchmark,
        category=args.category,
        table=args.table,
        subtask=args.subtask,
    )
    if args.format == "json":
        out.json([_dump(s) for s in selected])
    elif args.format == "csv":
        out.write(selected.to_csv())
    elif args.format == "markdown":
        if selected:
            out.lines([selected.to_markdown()])
    elif not selected:
        out.lines(["no score of the card meets these conditions"])
    else:
        out.lines(_scores_text(out, selected))
    return EXIT_OK


def _bar(difference: float, largest: float, half: int) -> str:
    """A bar from the axis, right when ``difference`` is positive, in half blocks."""
    units = 0 if largest == 0 else round(abs(difference) / largest * half * 2)
    if difference != 0 and units == 0:
        units = 1  # a gap too small to scale still shows
    full, rest = divmod(min(units, half * 2), 2)
    if difference >= 0:
        return " " * half + "│" + "█" * full + ("▌" if rest else "")
    return (("▐" if rest else "") + "█" * full).rjust(half) + "│"


def _compare_text(out: _Output, comparison: Comparison) -> list[str]:
    a, b = comparison.model_names
    largest = max((abs(d.difference) for d in comparison if d.difference is not None), default=0.0)
    lines = [
        f"a: {out.style(a, 'bold')}",
        f"b: {out.style(b, 'bold')}",
        *_wrap(
            f"a-b for each benchmark cell both have; bars are scaled to the largest gap, {largest}",
            out.width,
        ),
    ]
    titles = {table.id: table.title for table in llama_cards.card().benchmark_tables}
    half = _BAR_HALF
    axis_header = "b higher ◀".rjust(half) + "│" + "▶ a higher"
    columns = [
        _Column("Benchmark", flex=True),
        _Column("Metric"),
        _Column("a", ">"),
        _Column("b", ">"),
        _Column("a-b", ">"),
        _Column(axis_header),
    ]
    for table_id, title in titles.items():
        differences = [d for d in comparison if d.benchmark.table == table_id]
        if not differences:
            continue
        notes = _Notes()
        rows: list[_Row] = []
        category = None
        previous = None
        for d in differences:
            benchmark = d.benchmark
            notes.benchmark(benchmark)
            if benchmark.category != category:
                category = benchmark.category
                rows.append(category)
            label = f"  {benchmark.name}"
            if d.subtask is not None:
                if benchmark.id != previous:
                    rows.append([label, benchmark.metric, "", "", "", ""])
                label = f"    {d.subtask}"
            previous = benchmark.id
            if d.difference is None:
                gap: _Cell = ""
                bar: _Cell = ""
            else:
                colour = "green" if d.difference > 0 else "red" if d.difference < 0 else "dim"
                gap = (f"{d.difference:+}" if d.difference else "0.0", colour)
                bar = (_bar(d.difference, largest, half), colour)
            rows.append(
                [
                    label,
                    "" if d.subtask is not None else benchmark.metric,
                    _value(notes, d.a.value, d.a.missing),
                    _value(notes, d.b.value, d.b.missing),
                    gap,
                    bar,
                ]
            )
        lines += ["", out.style(title, "bold", "underline"), *out.table(columns, rows)]
        lines += notes.block(out)
    return lines


def _compare(args: argparse.Namespace, out: _Output) -> int:
    comparison = llama_cards.compare(args.a, args.b, table=args.table)
    if args.format == "json":
        out.json(comparison.to_records())
    elif args.format == "csv":
        out.write(comparison.to_csv())
    elif args.format == "markdown":
        if comparison:
            out.lines([comparison.to_markdown()])
    elif not comparison:
        a, b = comparison.model_names
        out.paragraph(
            f"{a} and {b} have no benchmark cell in common"
            + (f" in the {args.table} table" if args.table else "")
        )
    else:
        out.lines(_compare_text(out, comparison))
    return EXIT_OK


def _benchmarks(args: argparse.Namespace, out: _Output) -> int:
    rows = llama_cards.benchmarks(table=args.table)
    if args.format == "text":
        titles = {table.id: table.title for table in llama_cards.card().benchmark_tables}
        blocks: list[str] = []
        for table_id, title in titles.items():
            mine = [row for row in rows if row.table == table_id]
            if not mine:
                continue
            notes = _Notes()
            for row in mine:
                notes.benchmark(row)
            if blocks:
                blocks.append("")
            blocks += [out.style(title, "bold", "underline"), *out.table(*_benchmark_table(mine))]
            blocks += notes.block(out)
        out.lines(blocks)
        return EXIT_OK
    columns, table = _benchmark_table(rows, with_table=True)
    _emit_tabular(
        out,
        args.format,
        records=[_dump(row) for row in rows],
        columns=columns,
        rows=table,
        csv_header=["table", "id", "name", "category", "shots", "metric", "subtasks", "footnote"],
        csv_rows=[
            [
                row.table,
                row.id,
                row.name,
                row.category,
                "" if row.shots is None else row.shots,
                row.metric,
                ";".join(row.subtasks),
                "" if row.footnote is None else row.footnote.text,
            ]
            for row in rows
        ],
    )
    return EXIT_OK


def _benchmark_table(
    rows: Sequence[Benchmark], *, with_table: bool = False
) -> tuple[list[_Column], list[list[str]]]:
    columns = [
        _Column("Id"),
        _Column("Name", flex=True),
        _Column("Category"),
        _Column("Shots", ">"),
        _Column("Metric"),
    ]
    table = [
        [
            row.id,
            row.name,
            row.category,
            "-" if row.shots is None else str(row.shots),
            row.metric,
        ]
        for row in rows
    ]
    if with_table:
        columns.insert(0, _Column("Table"))
        table = [[row.table, *line] for row, line in zip(rows, table)]
    return columns, table


def _languages(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.languages()

    def row(entry: Language, separator: str) -> list[str]:
        codes = [entry.iso639_1, entry.iso639_2t, entry.iso639_2b, entry.iso639_3]
        also = separator.join(equivalent.code for equivalent in entry.equivalents)
        return [entry.name, entry.native_name, *codes, also]

    _emit_tabular(
        out,
        args.format,
        records=[_dump(entry) for entry in found],
        columns=[
            _Column("Name"),
            _Column("Native name"),
            _Column("639-1"),
            _Column("639-2/T"),
            _Column("639-2/B"),
            _Column("639-3"),
            _Column("Also"),
        ],
        rows=[row(entry, ", ") for entry in found],
        csv_header=[
            "name",
            "native_name",
            "iso639_1",
            "iso639_2t",
            "iso639_2b",
            "iso639_3",
            "equivalents",
        ],
        csv_rows=[row(entry, ";") for entry in found],
    )
    if args.format == "text":
        coverage = llama_cards.card().language_coverage
        out.lines([""])
        out.paragraph(
            f"Pre-training covered {coverage.pretraining_language_count} languages in all. "
            f"{coverage.fine_tuning}"
        )
    return EXIT_OK


def _answer(out: _Output, yes: bool, message: str) -> None:
    word = out.style("yes", "bold", "green") if yes else out.style("no", "bold", "red")
    # Wrapped as plain text first, so colour codes do not count towards the width.
    lines = _wrap(f"{'yes' if yes else 'no'}: {message}", out.width)
    lines[0] = word + lines[0][3 if yes else 2 :]
    out.lines(lines)


def _check_language(args: argparse.Namespace, out: _Output) -> int:
    tag: str = args.tag
    found_model = llama_cards.model(args.model) if args.model is not None else None
    # The card lists one set of languages for every model (Model.supports_language is
    # card-wide), so the card's answer is the model's.
    entry: Optional[Language]
    try:
        entry = llama_cards.language(tag)
    except llama_cards.UnsupportedLanguageError as error:
        entry = None
        if found_model is not None:
            message = f"{found_model.name} does not support {tag!r}: {error}"
        else:
            message = str(error)
    else:
        named = f"{entry.name} ({entry.iso639_1})"
        if found_model is not None:
            message = f"{found_model.name} supports {tag!r}, {named}"
        else:
            message = f"{tag!r} names {named}, a language the card supports"
    supported = entry is not None
    if args.format == "json":
        out.json(
            {
                "tag": tag,
                "supported": supported,
                "model": None if found_model is None else found_model.id,
                "language": None if entry is None else _dump(entry),
                "message": message,
            }
        )
    else:
        _answer(out, supported, message)
    return EXIT_OK if supported else EXIT_NO


def _check_context(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.model(args.model)
    prompt, new = args.prompt_tokens, args.max_new_tokens
    try:
        found.check_context(prompt, max_new_tokens=new)
        fits, reason = True, ""
    except llama_cards.ContextLengthExceededError as error:
        fits, reason = False, str(error)
    holding = [m for m in llama_cards.models() if m.fits_context(prompt, max_new_tokens=new)]
    if fits:
        asked = f"{prompt:,} prompt tokens" + (f" and up to {new:,} new tokens" if new else "")
        message = f"{asked} fit in the context of {found.name}, {_tokens(found.context_length)}"
    else:
        message = reason
    if args.format == "json":
        out.json(
            {
                "model": found.id,
                "prompt_tokens": prompt,
                "max_new_tokens": new,
                "context_length": found.context_length,
                "fits": fits,
                "models_that_fit": [m.id for m in holding],
                "message": message,
            }
        )
        return EXIT_OK if fits else EXIT_NO
    _answer(out, fits, message)
    if not fits:
        if holding:
            fitting = ", ".join(f"{m.name} ({_tokens(m.context_length)})" for m in holding)
            out.paragraph(f"models whose context holds it: {fitting}")
        else:
            out.paragraph("no model of the card has a context that holds it")
    return EXIT_OK if fits else EXIT_NO


def _check_images(args: argparse.Namespace, out: _Output) -> int:
    count: int = args.count
    within = llama_cards.check_images(count)
    testing = llama_cards.card().image_testing
    tested = testing.max_tested_images
    plural = "image is" if count == 1 else "images are"
    if within:
        message = (
            f"{count} input {plural} within the {tested} that image understanding was tested with"
        )
    else:
        message = (
            f"{count} input {plural} more than the {tested} that image understanding was "
            f"tested with (tested, not enforced). {testing.beyond}"
        )
    if args.format == "json":
        out.json(
            {
                "images": count,
                "within_tested": within,
                "max_tested_images": tested,
                "message": message,
            }
        )
    else:
        _answer(out, within, message)
    return EXIT_OK if within else EXIT_NO


def _license(args: argparse.Namespace, out: _Output) -> int:
    terms = llama_cards.license_terms()
    if args.format == "json":
        out.json(_dump(terms))
        return EXIT_OK
    lines = [
        out.style(terms.name, "bold", "underline"),
        f"effective {terms.effective_date.isoformat()}",
        "licence:",
        f"  {terms.license_url}",
        f"acceptable use policy, {terms.use_policy_name}:",
        f"  {terms.use_policy_url}",
        "",
        out.style("Terms", "bold", "underline"),
    ]
    lines += out.table(
        [_Column("Clause", wrap=20), _Column("Term"), _Column("What it means", flex=True)],
        [[term.clause, term.id, term.explanation] for term in terms.terms()],
    )
    lines += ["", out.style(f"Prohibited uses ({terms.use_policy_name})", "bold", "underline")]
    prohibited: list[_Row] = []
    for use in terms.prohibited_uses:
        prohibited.append([use.number, use.summary])
        prohibited += [[f"  {item.number}", item.summary] for item in use.items]
    lines += out.table([_Column("Number"), _Column("What it prohibits", flex=True)], prohibited)
    lines += ["", out.style("Out of scope (the card)", "bold", "underline")]
    lines += out.table(
        [_Column("Use"), _Column("What is out of scope", flex=True)],
        [[use.id, use.summary] for use in terms.out_of_scope_uses],
    )
    lines += ["", *_wrap(terms.disclaimer, out.width)]
    out.lines(lines)
    return EXIT_OK


def _assess(args: argparse.Namespace, out: _Output) -> int:
    verdict = llama_cards.assess_use(
        domicile=args.domicile,
        entity="individual" if args.individual else "company",
        end_user=args.end_user,
        monthly_active_users=args.monthly_active_users,
        model=args.model,
    )
    code = EXIT_OK if verdict.permitted else EXIT_NO
    if args.format == "json":
        out.json(_dump(verdict))
        return code
    who = "an individual" if verdict.entity == "individual" else "a company"
    role = ", as an end user of a product that builds it in," if verdict.end_user else ""
    what = "Llama 4" if verdict.model is None else llama_cards.model(verdict.model).name
    may = "may" if verdict.permitted else "may not"
    _answer(
        out,
        verdict.permitted,
        f"{who} in {verdict.domicile}{role} {may} use {what} under the published terms",
    )
    lines = [""]
    lines += out.table(
        [_Column(""), _Column("", wrap=20), _Column("", flex=True)],
        [
            [
                ("blocks", "red") if finding.blocks else ("ok", "green"),
                finding.clause,
                finding.explanation,
            ]
            for finding in verdict.findings
        ],
    )
    lines += ["", f"licensor: {verdict.licensor}"]
    if verdict.obligations:
        lines += ["", out.style("Obligations", "bold", "underline")]
        lines += out.table(
            [_Column("Clause", wrap=20), _Column("What to do", flex=True)],
            [
                [item.clause, f"{item.explanation} (when {item.applies_when})"]
                for item in verdict.obligations
            ],
        )
    lines += ["", "sources:", *(f"  {link}" for link in verdict.links), ""]
    lines += _wrap(verdict.disclaimer, out.width)
    out.lines(lines)
    return code


def _card(args: argparse.Namespace, out: _Output) -> int:
    shipped = [str(each.version) for each in llama_cards.cards()]
    # With --require, a check: "no" (no shipped card satisfies it) is its answer, not an error.
    required: dict[str, object] = {}
    if args.require is not None:
        try:
            chosen = llama_cards.require_card(args.require)
        except llama_cards.CardVersionError as error:
            if args.format == "json":
                out.json(
                    {
                        "require": args.require,
                        "satisfied": False,
                        "shipped_versions": shipped,
                        "package_version": llama_cards.__version__,
                        "message": str(error),
                    }
                )
            else:
                _answer(out, False, str(error))
            return EXIT_NO
        required = {"require": args.require, "satisfied": True}
    else:
        chosen = llama_cards.card()
    documents = {document.id: document for document in chosen.documents}
    document = documents[chosen.source.document]
    if args.format == "json":
        out.json(
            {
                "title": chosen.title,
                "version": str(chosen.version),
                "updated": str(chosen.updated),
                "fingerprint": chosen.fingerprint,
                "schema_version": chosen.schema_version,
                "source": _dump(document),
                "shipped_versions": shipped,
                "package_version": llama_cards.__version__,
                **required,
            }
        )
        return EXIT_OK
    facts = [
        ["  card version", str(chosen.version)],
        ["  updated", str(chosen.updated)],
        ["  fingerprint", f"sha256:{chosen.fingerprint}"],
        ["  schema", chosen.schema_version],
        ["  source", f"{document.title}, {document.publisher}"],
        ["", document.url],
        ["  shipped cards", ", ".join(shipped)],
        ["  package", f"llama-cards {llama_cards.__version__}"],
    ]
    rows: list[_Row] = [chosen.title, *facts]
    out.lines(out.table([_Column(""), _Column("", flex=True)], rows))
    return EXIT_OK


def _schema(args: argparse.Namespace, out: _Output) -> int:
    out.json(llama_cards.json_schema())
    return EXIT_OK


def _export(args: argparse.Namespace, out: _Output) -> int:
    out.json_text(llama_cards.card().to_json(indent=2))
    return EXIT_OK


def _model_index(args: argparse.Namespace, out: _Output) -> int:
    try:
        index = llama_cards.to_model_index(args.model, table=args.table)
    except llama_cards.AmbiguousQueryError as error:
        choices = " or ".join(f"--table {match}" for match in error.matches)
        raise _UsageError(f"{error}; on the command line, give {choices}") from None
    out.json(index)
    return EXIT_OK


# ------------------------------------------------------------------ parser


_Handler = Callable[[argparse.Namespace, _Output], int]


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal, and keeps each example on its own whole line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        return "\n".join(
            indent + line
            if line.startswith("example: ") or not line
            else textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines()
        )


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: _Handler,
    summary: str,
    description: str,
    examples: Sequence[str],
    formats: Sequence[str] = _ANSWER,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog="\n".join(f"example: {example}" for example in examples),
        formatter_class=_HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=f"output form (default: {formats[0]})",
    )
    parser.set_defaults(handler=handler)
    return parser


def _table_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--table",
        metavar="TABLE",
        help="the card's table: pretrained or instruct (or its title)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="llama-cards",
        description=(
            "Facts of the published Llama 4 model card, offline. Exit codes: 0 success or "
            '"yes", 1 a check that answers "no", 2 bad input or usage.'
        ),
        epilog=(
            "example: llama-cards show scout\n"
            "example: llama-cards check-context maverick 120000 --max-new-tokens 8192\n"
            "Run 'llama-cards COMMAND --help' for a command's options."
        ),
        formatter_class=_HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"llama-cards {llama_cards.__version__} (schema {llama_cards.SCHEMA_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    models = _command(
        commands,
        "models",
        _models,
        "the models: parameters, experts, context, modalities",
        "A table of the card's models; the options keep those that meet every condition.",
        [
            "llama-cards models",
            "llama-cards models --min-context 2000000 --format json",
            "llama-cards models --input-modality image --language pt-BR",
        ],
        _TABULAR,
    )
    models.add_argument(
        "--min-context", type=_whole_number, metavar="TOKENS", help="at least this context"
    )
    models.add_argument(
        "--input-modality", metavar="MODALITY", help="takes this input: text, image or code"
    )
    models.add_argument(
        "--language", metavar="TAG", help="supports this language (BCP 47 tag, code or name)"
    )

    show = _command(
        commands,
        "show",
        _show,
        "every fact of one model",
        "Every fact the card gives about one model, grouped.",
        [
            "llama-cards show scout",
            "llama-cards show meta-llama/Llama-4-Maverick-17B-128E-Instruct --format json",
        ],
    )
    show.add_argument("model", metavar="MODEL", help="a model name, id or repository id")

    scores = _command(
        commands,
        "scores",
        _scores,
        "benchmark scores, laid out as the card's tables",
        "The card's benchmark scores that meet every condition given, laid out as the card's "
        "tables (benchmarks down, models across). Names ignore case, spaces and punctuation.",
        [
            "llama-cards scores --table instruct",
            "llama-cards scores --model scout --benchmark 'MMLU Pro' --format json",
            "llama-cards scores --category image --format csv",
        ],
        _TABULAR,
    )
    scores.add_argument(
        "--model", metavar="MODEL", help="a Llama 4 or comparison model (llama-3.1-405b)"
    )
    scores.add_argument("--benchmark", metavar="BENCHMARK", help="a benchmark id or name")
    scores.add_argument("--category", metavar="CATEGORY", help="a category, e.g. 'Image'")
    _table_option(scores)
    scores.add_argument("--subtask", metavar="SUBTASK", help="a part of a cell, e.g. eng->kgv")

    compare = _command(
        commands,
        "compare",
        _compare,
        "two models side by side, with a bar per benchmark",
        "The benchmark cells two models both have, side by side, with a - b and a bar that "
        "shows the gap.",
        [
            "llama-cards compare maverick scout",
            "llama-cards compare maverick llama-3.1-405b --table pretrained --format markdown",
        ],
        _TABULAR,
    )
    compare.add_argument("a", metavar="A", help="the first model")
    compare.add_argument("b", metavar="B", help="the second model")
    _table_option(compare)

    benchmarks = _command(
        commands,
        "benchmarks",
        _benchmarks,
        "the benchmark rows: category, shots, metric",
        "The rows of the card's benchmark tables: what was measured, and how.",
        ["llama-cards benchmarks", "llama-cards benchmarks --table pretrained --format csv"],
        _TABULAR,
    )
    _table_option(benchmarks)

    _command(
        commands,
        "languages",
        _languages,
        "the supported languages and their codes",
        "The languages the card supports, with their ISO 639 codes and native names.",
        ["llama-cards languages", "llama-cards languages --format csv"],
        _TABULAR,
    )

    check_language = _command(
        commands,
        "check-language",
        _check_language,
        "whether a language is supported (exit 0 yes, 1 no)",
        "Whether the card (or one model) supports the language a tag names. Exit 0 yes, "
        "1 no, 2 when the tag is malformed.",
        [
            "llama-cards check-language pt-BR",
            "llama-cards check-language Deutsch --model maverick --format json",
        ],
    )
    check_language.add_argument(
        "tag", metavar="TAG", help="a BCP 47 tag, an ISO 639 code or a language name"
    )
    check_language.add_argument("--model", metavar="MODEL", help="ask about this model")

    check_context = _command(
        commands,
        "check-context",
        _check_context,
        "whether a request fits a model's context (exit 0 yes, 1 no)",
        "Whether a prompt, and the tokens to generate, fit in a model's context window. "
        "Exit 0 yes, 1 no, 2 for an unknown model or a bad count.",
        [
            "llama-cards check-context maverick 120000 --max-new-tokens 8192",
            "llama-cards check-context scout 2,000,000 --format json",
        ],
    )
    check_context.add_argument("model", metavar="MODEL", help="a model name, id or repository id")
    check_context.add_argument(
        "prompt_tokens", metavar="PROMPT_TOKENS", type=_whole_number, help="tokens of the prompt"
    )
    check_context.add_argument(
        "--max-new-tokens",
        type=_whole_number,
        default=0,
        metavar="N",
        help="tokens to generate (default: 0)",
    )

    check_images = _command(
        commands,
        "check-images",
        _check_images,
        "whether an image count was tested (exit 0 yes, 1 no)",
        "Whether a number of input images is within what the card says image understanding "
        "was tested with (tested, not enforced). Exit 0 yes, 1 no.",
        ["llama-cards check-images 3"],
    )
    check_images.add_argument("count", metavar="COUNT", type=_whole_number, help="input images")

    _command(
        commands,
        "license",
        _license,
        "the licence terms and acceptable use policy",
        "The Llama 4 licence and acceptable use policy: each term with its clause, in short "
        "words. Guidance read from the published terms, not legal advice.",
        ["llama-cards license", "llama-cards license --format json"],
    )

    assess = _command(
        commands,
        "assess",
        _assess,
        "whether a use is permitted by the licence (exit 0 yes, 1 no)",
        "Whether a party may use Llama 4 under the published terms, clause by clause. Exit 0 "
        "permitted, 1 not permitted, 2 for a malformed country code. Guidance, not legal "
        "advice.",
        [
            "llama-cards assess --domicile DE",
            "llama-cards assess --domicile de --end-user",
            "llama-cards assess --domicile US --monthly-active-users 800,000,000 --format json",
        ],
    )
    assess.add_argument(
        "--domicile",
        required=True,
        metavar="CC",
        help="ISO 3166-1 alpha-2 code of the country of domicile or principal place of business",
    )
    assess.add_argument(
        "--individual", action="store_true", help="the party is an individual (not a company)"
    )
    assess.add_argument(
        "--end-user",
        action="store_true",
        help="the party only uses a product or service that builds Llama 4 in",
    )
    assess.add_argument(
        "--monthly-active-users",
        type=_whole_number,
        metavar="N",
        help="monthly active users of the party's products and services",
    )
    assess.add_argument("--model", metavar="MODEL", help="assess one model only")

    card = _command(
        commands,
        "card",
        _card,
        "the card: version, updated, fingerprint, source",
        "The shipped card: its version, last update, fingerprint and source. With --require, "
        "the newest shipped card that satisfies a version specifier (exit 1 if none does).",
        ["llama-cards card", "llama-cards card --require '>=4' --format json"],
    )
    card.add_argument("--require", metavar="SPEC", help="a PEP 440 specifier, e.g. '>=4'")

    _command(
        commands,
        "schema",
        _schema,
        "the JSON Schema of the card",
        "The JSON Schema of the card's JSON form, as the library writes it.",
        ["llama-cards schema > card.schema.json"],
        ("json",),
    )
    _command(
        commands,
        "export",
        _export,
        "the whole card as JSON",
        "The whole card as JSON, in the library's own form (Card.from_json reads it back).",
        ["llama-cards export > card.json"],
        ("json",),
    )
    model_index = _command(
        commands,
        "model-index",
        _model_index,
        "a model's scores in the Hugging Face model-index form",
        "A model's scores of one table in the Hugging Face model-index form, as JSON.",
        ["llama-cards model-index maverick --table instruct"],
        ("json",),
    )
    model_index.add_argument("model", metavar="MODEL", help="a Llama 4 or comparison model")
    _table_option(model_index)
    return parser


# -------------------------------------------------------------------- main


def _error(message: str) -> None:
    print(f"llama-cards: error: {' '.join(message.splitlines())}", file=sys.stderr)


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def _silence_stdout() -> None:
    # The reader went away (`| head`): point stdout at devnull so the interpreter's last
    # flush does not complain either.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests, embedding)
        pass


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    ``0`` success or "yes", ``1`` a check that answers "no", ``2`` bad input or usage.
    """
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exit:  # --help, --version and usage errors
            return _exit_code(exit.code)
        out = _Output(sys.stdout, colour=_colour_enabled(sys.stdout, os.environ))
        handler: _Handler = args.handler
        try:
            code = handler(args, out)
        except (llama_cards.LlamaCardsError, _UsageError) as error:
            _error(str(error))
            return EXIT_USAGE
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
