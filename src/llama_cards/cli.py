"""The ``llama-cards`` command: every query of the library from a shell.

One :func:`main` serves the ``llama-cards`` console script and ``python -m llama_cards``.
It is a thin face over the public API of :mod:`llama_cards`: every fact and every rule
comes from the library, and every table is laid out by the package's one table layout;
this module parses arguments and lays out the answers.

Exit codes: ``0`` success, or a check that answers "yes"; ``1`` a check that answers "no"
(the context is exceeded, the language is not supported, the use is not permitted);
``2`` bad input or usage (an unknown model, a malformed tag or country code); ``3`` the
answer could not be written (standard output closed or full). Errors are one line on
stderr; the answer of a check, "yes" or "no", is on stdout.

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
import contextlib
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Callable, Optional, TextIO

import llama_cards
from llama_cards import _layout

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from llama_cards import Benchmark, Comparison, Language, ScoreTable
    from llama_cards._layout import Cell, Row

__all__ = ["main"]

EXIT_OK = 0
"""Success, or a check that answers "yes"."""
EXIT_NO = 1
"""A check that answers "no"."""
EXIT_USAGE = 2
"""Bad input or usage."""
EXIT_OUTPUT = 3
"""The answer could not be written: standard output is closed, full or failing."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C (128 + SIGINT, as shells report it)."""

WIDTH = 100
"""Text output fits this many columns."""
QUOTED = 80
"""An error message quotes at most this many characters of what was given."""

_TABULAR = ("text", "json", "csv", "markdown")
_ANSWER = ("text", "json")
_TEXT_FORMS = ("text", "json", "csv")
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
# The units the card prints counts in (10M, 128K, ~40T), read and written exactly.
_UNITS = (("T", 12), ("B", 9), ("M", 6), ("K", 3))


# ------------------------------------------------------------- what users typed


def _quote(text: str) -> str:
    """What a user gave, quoted for a message: at most :data:`QUOTED` characters of it.

    ``'scout'``; a longer text is cut, with its length: ``'xxxx…' (5,000 characters)``.
    """
    if len(text) <= QUOTED:
        return repr(text)
    shown = repr(text[:QUOTED])
    return f"{shown[:-1]}…{shown[-1]} ({len(text):,} characters)"


# The library's messages name its keyword arguments; the command line has flags.
_FLAGS = {
    "min_context": "--min-context",
    "max_new_tokens": "--max-new-tokens",
    "monthly_active_users": "--monthly-active-users",
    "input_modality": "--input-modality",
    "prompt_tokens": "PROMPT_TOKENS",
    "table": "--table",
    "subtask": "--subtask",
    "model": "--model",
    "benchmark": "--benchmark",
    "category": "--category",
    "domicile": "--domicile",
    "checkpoint": "--checkpoint",
}
_API_WORDING = re.compile(
    r"(?P<call>find_models\(min_context=\.\.\.\))"
    r"|\bpass (?=\w+=')"
    r"|\bpass another table\b"
    r"|\b(?P<keyword>[a-z_]+)=(?P<value>'[^']*'|\.\.\.)"
    r"|\bleave (?P<left>[a-z_]+) out\b"
    r"|\b(?P<name>[a-z]+(?:_[a-z]+)+)\b"
)


def _command_line_words(message: str) -> str:
    """A message of the library, with its Python wording said in the command line's."""

    def say(found: re.Match[str]) -> str:
        text = found.group(0)
        if found["call"]:
            return "llama-cards models --min-context N"
        if text == "pass ":
            return "give "
        if text == "pass another table":
            return "give another --table"
        keyword = found["keyword"] or found["left"] or found["name"]
        flag = _FLAGS.get(keyword or "")
        if flag is None:
            return text
        if found["left"]:
            return f"leave {flag} out"
        if found["keyword"]:
            value = found["value"]
            return f"{flag} {'N' if value == '...' else value.strip(chr(39))}"
        return flag

    return _API_WORDING.sub(say, message)


def _said(message: str, given: Iterable[str]) -> str:
    """A message of the library as the command line shows it: in its words (flags, not
    keyword arguments), with every long argument it repeats quoted by :func:`_quote`.

    An argument that itself reads like Python wording is kept as it was typed.
    """
    kept: dict[str, str] = {}
    for argument in given:
        for value in (argument, argument.partition("=")[2] if argument[:2] == "--" else ""):
            if len(value) > QUOTED or (value and _API_WORDING.search(value)):
                token = f"\x00{len(kept)}\x00"
                for form in (repr(value), value):
                    if form in message:
                        message = message.replace(form, token)
                        kept[token] = _quote(value)
                        break
    message = _command_line_words(message)
    for token, shown in kept.items():
        message = message.replace(token, shown)
    return message


def _count(text: str) -> int:
    """A count from the command line, exactly: ``1500000``, ``1,500,000``, ``1_500_000``,
    or in the card's units, ``1.5M``, ``128K`` (``K``, ``M``, ``B``, ``T``, any case).

    Groups of ``,`` or ``_`` are of three digits; ``1,5`` or ``,100`` are refused.
    """
    found = _COUNT.fullmatch(text.strip())
    if found is not None:
        digits = found["digits"].replace(",", "").replace("_", "")
        unit = found["unit"]
        fraction = found["fraction"] or ""
        power = dict(_UNITS)[unit.upper()] if unit else 0
        if fraction.rstrip("0")[power:] == "" and (unit or not found["point"]):
            value = int(digits + fraction.ljust(power, "0")[:power])
            return -value if found["sign"] else value
    raise argparse.ArgumentTypeError(
        "expected a whole number such as 120000, 120,000 or 120K (groups of three digits "
        f"with ',' or '_'; units K, M, B, T), got {_quote(text)}"
    )


_COUNT = re.compile(
    r"(?P<sign>-?)(?P<digits>[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:_[0-9]{3})+)"
    r"(?:(?P<point>\.)(?P<fraction>[0-9]+))?(?P<unit>[KMBTkmbt])?",
    re.ASCII,
)


def _version_spec(text: str) -> str:
    """A version specifier from the command line: not empty (an empty one matches all)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            f"expected a PEP 440 version specifier such as '>=4', got {_quote(text)}"
        )
    return text


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


class _OutputError(Exception):
    """Standard output failed (full, or closed by other means than its reader leaving)."""


def _failed(error: Exception) -> _OutputError:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    number = f" (errno {error.errno})" if isinstance(error, OSError) and error.errno else ""
    return _OutputError(f"standard output failed: {reason}{number}")


def _flush(stream: TextIO) -> None:
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        raise _failed(error) from None


class _Output:
    """Where answers go: stdout, with colour when it is a terminal and ``NO_COLOR`` unset."""

    def __init__(
        self, stream: TextIO, *, colour: bool, width: int = WIDTH, given: Sequence[str] = ()
    ) -> None:
        self.stream = stream
        self.colour = colour
        self.width = width
        self.given = given
        """The arguments typed, for :meth:`said`."""

    def said(self, message: str) -> str:
        """A message of the library in the command line's words; see :func:`_said`."""
        return _said(message, self.given)

    def style(self, text: str, *styles: str) -> str:
        if not self.colour or not text or not styles:
            return text
        codes = ";".join(_STYLES[name] for name in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def write(self, text: str) -> None:
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:
                # A terminal whose encoding lacks a sign (a block of a bar): show a stand-in.
                encoding = getattr(self.stream, "encoding", None) or "ascii"
                self.stream.write(text.encode(encoding, "replace").decode(encoding))
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _failed(error) from None

    def lines(self, lines: Iterable[str]) -> None:
        self.write("".join(f"{line}\n" for line in lines))

    def paragraph(self, text: str, *, indent: str = "") -> None:
        self.lines(_layout.wrap(indent + text, self.width))

    def json(self, data: object) -> None:
        import json

        self.json_text(json.dumps(data, indent=2, ensure_ascii=False))

    def json_text(self, text: str) -> None:
        """JSON is UTF-8 (RFC 8259) whatever the locale: written as bytes where possible."""
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None:
            self.write(text + "\n")
            return
        _flush(self.stream)
        try:
            buffer.write((text + "\n").encode("utf-8"))
            buffer.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise _failed(error) from None

    def table(self, columns: Sequence[_layout.Column], rows: Iterable[Row]) -> list[str]:
        """``rows`` under a header, fitted to the page; headings span the table."""
        return _layout.text_table(columns, rows, width=self.width, style=self.style)

    def tabular(
        self,
        form: str,
        *,
        records: object,
        columns: Sequence[_layout.Column],
        rows: Sequence[Sequence[str]],
        csv_header: Sequence[str],
        csv_rows: Iterable[Sequence[object]],
    ) -> None:
        """One table in the form asked for: ``records`` as JSON, CSV of raw values, or text."""
        if form == "json":
            self.json(records)
        elif form == "csv":
            self.write(
                _layout.csv_table(csv_header, ([_layout.cell(v) for v in r] for r in csv_rows))
            )
        elif form == "markdown":
            self.lines([_layout.markdown_table([c.label for c in columns], rows)])
        else:
            self.lines(self.table(columns, rows))


def _compact(count: int) -> str:
    """A count in the units people write parameters in, exactly: ``17B``, ``1.5T``."""
    from decimal import Decimal

    for suffix, power in _UNITS:
        if count >= 10**power:
            return f"{(Decimal(count) / 10**power).normalize():f}{suffix}"
    return str(count)


def _dump(record: object) -> object:
    """A record in the library's own JSON form (pydantic's ``model_dump(mode="json")``)."""
    dump: Callable[..., object] = getattr(record, "model_dump")  # noqa: B009 - any record
    return dump(mode="json")


class _UsageError(Exception):
    """Input the command line refuses before asking the library."""


def _models(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.find_models(
        min_context=args.min_context,
        input_modality=args.input_modality,
        language=args.language,
    )
    if args.format == "text" and not found:
        out.lines(["no model of the card meets these conditions"])
        return EXIT_OK
    out.tabular(
        args.format,
        records=[_dump(m) for m in found],
        columns=[
            _layout.Column("Id"),
            _layout.Column("Name"),
            _layout.Column("Active", ">"),
            _layout.Column("Total", ">"),
            _layout.Column("Experts", ">"),
            _layout.Column("Context", ">"),
            _layout.Column("Input"),
            _layout.Column("Output"),
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
    try:
        found = llama_cards.model(args.model)
    except llama_cards.UnknownModelError as unknown:
        try:
            earlier = llama_cards.comparison_model(args.model)
        except llama_cards.UnknownModelError:
            raise unknown from None
        return _show_comparison(earlier, args, out)
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
    rows: list[Row] = []
    for title, facts in groups:
        if rows:
            rows.append([""])
        rows.append(title)
        rows += [[f"  {label}", value] for label, value in facts]
    out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], rows))
    document = llama_cards.document(found.source.document)
    out.lines([""])
    out.paragraph(
        f"Source: {document.title}, card version {document.version} ({document.updated}); "
        f"{found.source.section}"
    )
    return EXIT_OK


def _show_comparison(
    found: llama_cards.ComparisonModel, args: argparse.Namespace, out: _Output
) -> int:
    """``show`` of a comparison model of the benchmark tables: its facts from its own card."""
    if args.format == "json":
        out.json(_dump(found))
        return EXIT_OK
    facts: list[tuple[str, str]] = [("id", found.id)]
    if found.parameters is not None:
        facts.append(("parameters", f"{found.parameters:,} (printed {found.parameters_printed})"))
    if found.context_length is not None:
        facts.append(
            (
                "context length",
                f"{_tokens(found.context_length)} (printed {found.context_length_printed})",
            )
        )
    if found.input_modalities:
        facts.append(("input", f"{', '.join(found.input_modalities)} ({found.input_description})"))
    if found.output_modalities:
        facts.append(
            ("output", f"{', '.join(found.output_modalities)} ({found.output_description})")
        )
    tokens = found.training_tokens
    if tokens is not None:
        mark = (
            " (at least)" if tokens.lower_bound else " (approximate)" if tokens.approximate else ""
        )
        facts.append(("training tokens", f"{tokens.value:,}{mark} (printed {tokens.printed})"))
    if found.knowledge_cutoff is not None:
        facts.append(("knowledge cutoff", str(found.knowledge_cutoff)))
    if found.release_date is not None:
        facts.append(("release date", found.release_date.isoformat()))
    if found.languages:
        facts.append(("languages", ", ".join(f"{e.name} ({e.iso639_1})" for e in found.languages)))
    if found.license_name is not None:
        facts.append(("licence", found.license_name))
    facts += [(f"{repo.variant} ({repo.precision})", repo.id) for repo in found.huggingface_repos]
    training = found.training
    if training is not None:
        facts += [
            ("GPU hours", f"{training.gpu_hours:,} (printed {training.gpu_hours_printed})"),
            (
                "location-based emissions",
                f"{training.location_based_printed} {training.emissions_unit}",
            ),
            (
                "market-based emissions",
                f"{training.market_based_printed} {training.emissions_unit}",
            ),
        ]
    rows: list[Row] = [found.name, *([f"  {label}", value] for label, value in facts)]
    out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], rows))
    column = llama_cards.document(found.source.document)
    own = {source.document for entry in found.field_sources for source in entry.sources}
    own_titles = [llama_cards.document(document).title for document in sorted(own)]
    out.lines([""])
    out.paragraph(
        f"{found.name} is a comparison model of the Llama 4 card: a column of its benchmark "
        f"tables ({column.title}, card version {column.version}; {found.source.section})."
    )
    if own_titles:
        out.paragraph(f"Its facts are from: {'; '.join(own_titles)}.")
    if found.disagreements:
        out.paragraph(
            f"{len(found.disagreements)} of its facts are printed otherwise elsewhere; "
            "see disagreements in --format json."
        )
    return EXIT_OK


def _compare_specs(out: _Output, comparison: Comparison) -> list[str]:
    """Both models' key specs, a column per model."""
    a, b = comparison.model_names
    specs = comparison.specs
    columns = [_layout.Column("Specs"), _layout.Column(a, flex=True), _layout.Column(b, flex=True)]
    rows: list[Row] = [
        ["context length", *(_spec_count(s.context_length, " tokens") for s in specs)],
        ["parameters", *(_spec_count(s.parameters, "") for s in specs)],
        ["knowledge cutoff", *(str(s.knowledge_cutoff or "-") for s in specs)],
        ["languages", *(", ".join(s.languages) or "-" for s in specs)],
    ]
    return ["", *out.table(columns, rows)]


def _spec_count(value: Optional[int], unit: str) -> str:
    return "-" if value is None else f"{value:,}{unit}"


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
        lines = [line for note in notes for line in _layout.wrap(note, out.width)]
        return ["", *lines] if lines else []


def _value(notes: _Notes, value: Optional[float], missing: Optional[str]) -> str:
    return notes.missing(missing) if value is None else str(value)


def _scores_text(out: _Output, selected: ScoreTable) -> list[str]:
    """The scores laid out as the card's tables: benchmarks down, models across."""
    import textwrap

    blocks: list[list[str]] = []
    for table in selected.layout():
        notes = _Notes()
        lines: list[Row] = []
        category = None
        for row in table.rows:
            benchmark = row.benchmark
            notes.benchmark(benchmark)
            if benchmark.category != category:
                category = benchmark.category
                lines.append(category)
            cells: list[Cell] = [
                f"  {row.name}",
                "-" if benchmark.shots is None else str(benchmark.shots),
                benchmark.metric,
            ]
            cells += [
                "/".join(_value(notes, s.value, s.missing) for s in cell) for cell in row.cells
            ]
            lines.append(cells)
        columns = [
            _layout.Column("Benchmark", flex=True),
            _layout.Column("Shots", ">"),
            _layout.Column("Metric"),
        ]
        for name in table.column_names:
            width = max(9, *(len(word) for word in name.split()))
            columns.append(_layout.Column("\n".join(textwrap.wrap(name, width)), ">"))
        block = [out.style(table.table.title, "bold", "underline"), *out.table(columns, lines)]
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
        *_layout.wrap(
            f"a-b for each benchmark cell both have; bars are scaled to the largest gap, {largest}",
            out.width,
        ),
    ]
    titles = {table.id: table.title for table in llama_cards.card().benchmark_tables}
    half = _BAR_HALF
    axis_header = "b higher ◀".rjust(half) + "│" + "▶ a higher"
    columns = [
        _layout.Column("Benchmark", flex=True),
        _layout.Column("Metric"),
        _layout.Column("a", ">"),
        _layout.Column("b", ">"),
        _layout.Column("a-b", ">"),
        _layout.Column(axis_header),
    ]
    for table_id, title in titles.items():
        differences = [d for d in comparison if d.benchmark.table == table_id]
        if not differences:
            continue
        notes = _Notes()
        rows: list[Row] = []
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
                gap: Cell = ""
                bar: Cell = ""
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
        out.lines(_compare_specs(out, comparison))
    else:
        out.lines(_compare_text(out, comparison))
        out.lines(_compare_specs(out, comparison))
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
    out.tabular(
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
) -> tuple[list[_layout.Column], list[list[str]]]:
    columns = [
        _layout.Column("Id"),
        _layout.Column("Name", flex=True),
        _layout.Column("Category"),
        _layout.Column("Shots", ">"),
        _layout.Column("Metric"),
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
        columns.insert(0, _layout.Column("Table"))
        table = [[row.table, *line] for row, line in zip(rows, table)]
    return columns, table


def _languages(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.languages()

    def row(entry: Language, separator: str) -> list[str]:
        codes = [entry.iso639_1, entry.iso639_2t, entry.iso639_2b, entry.iso639_3]
        also = separator.join(equivalent.code for equivalent in entry.equivalents)
        return [entry.name, entry.native_name, *codes, also]

    out.tabular(
        args.format,
        records=[_dump(entry) for entry in found],
        columns=[
            _layout.Column("Name"),
            _layout.Column("Native name"),
            _layout.Column("639-1"),
            _layout.Column("639-2/T"),
            _layout.Column("639-2/B"),
            _layout.Column("639-3"),
            _layout.Column("Also"),
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
    lines = _layout.wrap(f"{'yes' if yes else 'no'}: {message}", out.width)
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
            message = f"{found_model.name} does not support {_quote(tag)}: {out.said(str(error))}"
        else:
            message = out.said(str(error))
    else:
        named = f"{entry.name} ({entry.iso639_1})"
        if found_model is not None:
            message = f"{found_model.name} supports {_quote(tag)}, {named}"
        else:
            message = f"{_quote(tag)} names {named}, a language the card supports"
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
        fits, reason = False, out.said(str(error))
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
        [
            _layout.Column("Clause", wrap=20),
            _layout.Column("Term"),
            _layout.Column("What it means", flex=True),
        ],
        [[term.clause, term.id, term.explanation] for term in terms.terms()],
    )
    lines += ["", out.style(f"Prohibited uses ({terms.use_policy_name})", "bold", "underline")]
    prohibited: list[Row] = []
    for use in terms.prohibited_uses:
        prohibited.append([use.number, use.summary])
        prohibited += [[f"  {item.number}", item.summary] for item in use.items]
    lines += out.table(
        [_layout.Column("Number"), _layout.Column("What it prohibits", flex=True)], prohibited
    )
    lines += ["", out.style("Out of scope (the card)", "bold", "underline")]
    lines += out.table(
        [_layout.Column("Use"), _layout.Column("What is out of scope", flex=True)],
        [[use.id, use.summary] for use in terms.out_of_scope_uses],
    )
    lines += ["", *_layout.wrap(terms.disclaimer, out.width)]
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
        # The clause column fits "Use Policy and License Notice" (where the EU restriction
        # is stated) on one line.
        [_layout.Column(""), _layout.Column("", wrap=29), _layout.Column("", flex=True)],
        [
            [
                ("blocks", "red") if finding.blocks else ("ok", "green"),
                finding.clause,
                out.said(finding.explanation),
            ]
            for finding in verdict.findings
        ],
    )
    lines += ["", f"licensor: {verdict.licensor}"]
    if verdict.obligations:
        lines += ["", out.style("Obligations", "bold", "underline")]
        lines += out.table(
            [_layout.Column("Clause", wrap=20), _layout.Column("What to do", flex=True)],
            [
                [item.clause, out.said(f"{item.explanation} (when {item.applies_when})")]
                for item in verdict.obligations
            ],
        )
    lines += ["", "sources:", *(f"  {link}" for link in _links(verdict.links)), ""]
    lines += _layout.wrap(verdict.disclaimer, out.width)
    out.lines(lines)
    return code


def _links(links: Sequence[str]) -> list[str]:
    """The links of an assessment, the policy's as ``license`` gives it: its official
    address, not the copy it was read from."""
    # until UseAssessment.links gives the policy's official address
    terms = llama_cards.license_terms()
    policy = {source.document for source in terms.source_of("use_policy_name")}
    copies = {llama_cards.document(document_id).url for document_id in policy}
    return list(dict.fromkeys(terms.use_policy_url if link in copies else link for link in links))


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
                        "message": out.said(str(error)),
                    }
                )
            else:
                _answer(out, False, out.said(str(error)))
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
                "fingerprint": f"sha256:{chosen.fingerprint}",
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
    rows: list[Row] = [chosen.title, *facts]
    out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], rows))
    return EXIT_OK


def _schema(args: argparse.Namespace, out: _Output) -> int:
    out.json(llama_cards.json_schema())
    return EXIT_OK


def _export(args: argparse.Namespace, out: _Output) -> int:
    out.json_text(llama_cards.card().to_json(indent=2))
    return EXIT_OK


def _model_index(args: argparse.Namespace, out: _Output) -> int:
    out.json(llama_cards.to_model_index(args.model, table=args.table))
    return EXIT_OK


def _read_input(name: str) -> bytes:
    """The bytes of the file ``name``, or of standard input for ``-``."""
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise _UsageError("standard input is closed; give a FILE instead of -")
        try:
            data: bytes = stream.read()
        except (OSError, ValueError) as error:
            raise _UsageError(f"standard input cannot be read: {error}") from None
        return data
    try:
        with open(name, "rb") as file:
            return file.read()
    except OSError as error:
        reason = error.strerror or str(error)
        raise _UsageError(f"cannot read {_quote(name)}: {reason}") from None


def _text_of(name: str) -> str:
    """The text of the file ``name`` (or standard input), read as UTF-8 exactly: line ends
    are kept as they are, since they are tokens too."""
    data = _read_input(name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = "standard input" if name == "-" else _quote(name)
        raise _UsageError(
            f"{where} is not UTF-8 text (byte {error.start:,} cannot be read); "
            "convert it to UTF-8 first"
        ) from None


def _count_tokens(args: argparse.Namespace, out: _Output) -> int:
    text = _text_of(args.file)
    tokens = llama_cards.count_tokens(text)
    shown = "-" if args.file == "-" else args.file
    if args.format == "json":
        out.json({"file": shown, "characters": len(text), "tokens": tokens})
    elif args.format == "csv":
        out.write(
            _layout.csv_table(
                ["file", "characters", "tokens"], [[shown, str(len(text)), str(tokens)]]
            )
        )
    else:
        out.lines([f"{tokens:,}"])
    return EXIT_OK


def _messages_of(name: str) -> object:
    """The messages of a JSON file: a list of messages, or an object with ``"messages"``
    (an OpenAI-style request body)."""
    import json

    text = _text_of(name)
    where = "standard input" if name == "-" else _quote(name)
    try:
        document = json.loads(text)
    except ValueError as error:
        raise _UsageError(f"{where} is not JSON: {error}") from None
    if isinstance(document, dict) and "messages" in document:
        return document["messages"]
    if not isinstance(document, list):
        raise _UsageError(
            f"{where} must hold a JSON list of messages such as "
            '[{"role": "user", "content": "Hello"}], or an object with "messages"'
        )
    return document


_CHECK_FIELDS = (
    "model",
    "checkpoint",
    "prompt_tokens",
    "max_new_tokens",
    "requested_tokens",
    "limit",
    "limit_kind",
    "fits",
    "over_by",
    "images",
    "max_tested_images",
    "images_within_tested",
    "modalities",
    "modalities_accepted",
)


def _check_request(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.model(args.model)
    messages: Any = _messages_of(args.messages)
    check = llama_cards.check_request(
        found, messages, max_new_tokens=args.max_new_tokens, checkpoint=args.checkpoint
    )
    limit = "maximum sequence length" if check.limit_kind == "max_sequence_length" else "context"
    owner = check.checkpoint if check.checkpoint is not None else found.name
    if check.fits:
        asked = f"{check.prompt_tokens:,} prompt tokens" + (
            f" and up to {check.max_new_tokens:,} new tokens" if check.max_new_tokens else ""
        )
        message = f"{asked} fit in the {limit} of {owner}, {_tokens(check.limit)}"
    else:
        try:
            check.raise_for_limits()
        except llama_cards.ContextLengthExceededError as error:
            message = out.said(str(error))
        if check.checkpoint is not None:
            message += f" (the limit is the {limit} of {check.checkpoint})"
    if args.format == "json":
        dumped: Any = _dump(check)
        dumped["message"] = message
        out.json(dumped)
    elif args.format == "csv":
        record: Any = _dump(check)
        row = [
            ";".join(record[name]) if name == "modalities" else _layout.cell(record[name])
            for name in _CHECK_FIELDS
        ]
        out.write(
            _layout.csv_table([*_CHECK_FIELDS, "warnings"], [[*row, " ".join(check.warnings)]])
        )
    else:
        _answer(out, check.fits, message)
        for warning in check.warnings:
            out.paragraph(f"warning: {warning}")
    return EXIT_OK if check.fits else EXIT_NO


# ------------------------------------------------------------------ parser


# ------------------------------------------------------------------ deployment


def _bytes(count: Optional[int]) -> str:
    """Bytes exactly, and in decimal gigabytes (the unit of the vendors' memory figures)."""
    if count is None:
        return "-"
    return f"{count:,} bytes ({count / 1e9:,.1f} GB)"


_ESTIMATE_FIELDS = (
    "model",
    "precision",
    "scheme",
    "context_tokens",
    "sequences",
    "kv_precision",
    "chunked_window",
    "weights_bytes",
    "kv_cache_bytes",
    "total_bytes",
    "accelerator",
    "units",
    "memory_bytes",
    "overhead",
    "available_bytes",
    "fits",
    "headroom_bytes",
    "extra_context_tokens",
)


def _memory_estimate(args: argparse.Namespace, out: _Output) -> int:
    if args.gpu is not None and args.gpu_memory is not None:
        raise _UsageError("give --gpu or --gpu-memory, not both")
    found = llama_cards.model(args.model)
    estimate = llama_cards.estimate_memory(
        found,
        precision=args.precision,
        context_tokens=args.context,
        gpus=args.gpus,
        gpu=args.gpu,
        gpu_memory_bytes=args.gpu_memory,
    )
    code = EXIT_NO if estimate.fits is False else EXIT_OK
    if args.format == "json":
        out.json(_dump(estimate))
        return code
    if args.format == "csv":
        out.write(
            _layout.csv_table(
                _ESTIMATE_FIELDS,
                [[_layout.cell(getattr(estimate, name)) for name in _ESTIMATE_FIELDS]],
            )
        )
        return code
    window = "chunked window" if estimate.chunked_window else "every layer keeps every token"
    facts = [
        ("weights", f"{_bytes(estimate.weights_bytes)}, {estimate.precision} ({estimate.scheme})"),
        (
            "KV cache",
            f"{_bytes(estimate.kv_cache_bytes)}, {estimate.context_tokens:,} tokens x "
            f"{estimate.sequences} sequence(s), {estimate.kv_precision}, {window}",
        ),
        ("total", _bytes(estimate.total_bytes)),
    ]
    if estimate.memory_bytes is not None:
        unit = estimate.accelerator or "GPU"
        facts += [
            ("memory", f"{_bytes(estimate.memory_bytes)}, {estimate.units} x {unit}"),
            ("available", _bytes(estimate.available_bytes)),
            ("headroom", _bytes(estimate.headroom_bytes)),
            ("more context", f"{estimate.extra_context_tokens or 0:,} tokens per sequence"),
        ]
    rows: list[Row] = [found.name, *[[f"  {label}", value] for label, value in facts]]
    out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], rows))
    if estimate.fits is not None:
        _answer(
            out,
            estimate.fits,
            f"the weights and KV cache {'fit' if estimate.fits else 'do not fit'} in "
            f"{_bytes(estimate.available_bytes)}",
        )
    out.lines(["", "Assumptions:"])
    for assumption in estimate.assumptions:
        out.paragraph(f"- {assumption}")
    return code


def _architecture_facts(record: object, prefix: str = "") -> list[tuple[str, object]]:
    """Every field of an architecture record, nested records flattened as ``vision.width``."""
    facts: list[tuple[str, object]] = []
    for name, value in _dump(record).items():  # type: ignore[attr-defined]  # a dict
        if name in ("source", "field_sources"):
            continue
        if isinstance(value, dict):
            nested = getattr(record, name)
            facts += _architecture_facts(nested, f"{prefix}{name}.")
        else:
            facts.append((f"{prefix}{name}", value))
    return facts


def _architecture(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.model(args.model)
    shape = found.architecture
    if args.format == "json":
        out.json(_dump(shape))
        return EXIT_OK
    facts = _architecture_facts(shape)
    if args.format == "csv":
        out.write(_layout.csv_table(["field", "value"], [[n, _layout.cell(v)] for n, v in facts]))
        return EXIT_OK
    shown = [[f"  {name}", "-" if value is None else str(value)] for name, value in facts]
    out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], [found.name, *shown]))
    out.lines([""])
    document = llama_cards.document(shape.source.document)
    out.paragraph(f"Source: {document.title}; {shape.source.section}")
    return EXIT_OK


_CLAIM_COLUMNS = [
    _layout.Column("Id"),
    _layout.Column("Weights", ">"),
    _layout.Column("Memory", ">"),
    _layout.Column("Holds"),
    _layout.Column("Context (window)", ">"),
    _layout.Column("Context (no window)", ">"),
]


def _claim_row(claim: llama_cards.HardwareClaim) -> list[str]:
    return [
        claim.id,
        f"{claim.weights_bytes / 1e9:,.1f} GB",
        f"{claim.memory_bytes / 1e9:,.1f} GB",
        "yes" if claim.holds else "no",
        f"{claim.context_tokens_chunked:,}",
        f"{claim.context_tokens_unchunked:,}",
    ]


def _claims(args: argparse.Namespace, out: _Output) -> int:
    claimed = llama_cards.card_claims()
    contrasts = llama_cards.claim_contrasts()
    if args.format == "json":
        out.json(
            {
                "claims": [_dump(claim) for claim in claimed],
                "contrasts": [_dump(claim) for claim in contrasts],
            }
        )
        return EXIT_OK
    if args.format in ("csv", "markdown"):
        every = (*claimed, *contrasts)
        out.tabular(
            args.format,
            records=None,
            columns=[_layout.Column("Claimed"), *_CLAIM_COLUMNS],
            rows=[["yes" if c.claimed else "no", *_claim_row(c)] for c in every],
            csv_header=[
                "id",
                "claimed",
                "model",
                "precision",
                "basis",
                "accelerator",
                "units",
                "weights_bytes",
                "memory_bytes",
                "headroom_bytes",
                "holds",
                "context_tokens_chunked",
                "context_tokens_unchunked",
                "statement",
            ],
            csv_rows=[
                [
                    c.id,
                    c.claimed,
                    c.model,
                    c.precision,
                    c.basis,
                    c.accelerator,
                    c.units,
                    c.weights_bytes,
                    c.memory_bytes,
                    c.headroom_bytes,
                    c.holds,
                    c.context_tokens_chunked,
                    c.context_tokens_unchunked,
                    c.statement,
                ]
                for c in every
            ],
        )
        return EXIT_OK
    blocks = [out.style("The card's hardware claims", "bold", "underline")]
    blocks += out.table(_CLAIM_COLUMNS, [_claim_row(claim) for claim in claimed])
    blocks += ["", out.style("Contrasts the card does not claim (derived)", "bold", "underline")]
    blocks += out.table(_CLAIM_COLUMNS, [_claim_row(claim) for claim in contrasts])
    out.lines(blocks)
    out.lines([""])
    out.paragraph(
        "Weights only against memory; the context columns are what the rest holds as a BF16 "
        "KV cache of one sequence, with and without the chunked-attention window."
    )
    return EXIT_OK


def _discrepancies(args: argparse.Namespace, out: _Output) -> int:
    found = llama_cards.discrepancies()
    if args.format == "text":
        # One block per place: the paths and notes are too long for the columns of a table.
        rows: list[Row] = []
        for item in found:
            if rows:
                rows.append([""])
            rows.append(out.style(item.field, "bold"))
            rows += [
                ["  served", f"{item.served} ({item.served_source})"],
                ["  other", f"{item.other} ({item.other_source})"],
                ["  note", item.note],
            ]
        out.lines(out.table([_layout.Column(""), _layout.Column("", flex=True)], rows))
        return EXIT_OK
    out.tabular(
        args.format,
        records=[_dump(item) for item in found],
        columns=[
            _layout.Column("Field"),
            _layout.Column("Served"),
            _layout.Column("Other"),
            _layout.Column("Note", flex=True),
        ],
        rows=[[item.field, item.served, item.other, item.note] for item in found],
        csv_header=["field", "served", "served_source", "other", "other_source", "note"],
        csv_rows=[
            [
                item.field,
                item.served,
                str(item.served_source),
                item.other,
                str(item.other_source),
                item.note,
            ]
            for item in found
        ],
    )
    return EXIT_OK


_Handler = Callable[[argparse.Namespace, _Output], int]
_Argument = tuple[tuple[str, ...], dict[str, Any]]


def _argument(*flags: str, **options: Any) -> _Argument:
    return flags, options


_COUNTS = "120000, 120,000, 120_000 or 120K"
_MODEL = _argument("model", metavar="MODEL", help="a model name, id or repository id")
_TABLE = _argument(
    "--table", metavar="TABLE", help="the card's table: pretrained or instruct (or its title)"
)

# name, handler, summary, description, examples, output forms, arguments
_COMMANDS: tuple[
    tuple[str, _Handler, str, str, tuple[str, ...], tuple[str, ...], tuple[_Argument, ...]], ...
] = (
    (
        "models",
        _models,
        "the models: parameters, experts, context, modalities",
        "A table of the card's models; the options keep those that meet every condition.",
        (
            "llama-cards models",
            "llama-cards models --min-context 2M --format json",
            "llama-cards models --input-modality image --language pt-BR",
        ),
        _TABULAR,
        (
            _argument(
                "--min-context",
                type=_count,
                metavar="TOKENS",
                help=f"at least this context, e.g. {_COUNTS}",
            ),
            _argument(
                "--input-modality", metavar="MODALITY", help="takes this input: text, image or code"
            ),
            _argument(
                "--language",
                metavar="TAG",
                help="supports this language (BCP 47 tag, code, locale or name)",
            ),
        ),
    ),
    (
        "show",
        _show,
        "every fact of one model",
        "Every fact the card gives about one model, grouped. A comparison model of the "
        "benchmark tables shows the facts of its own card.",
        (
            "llama-cards show scout",
            "llama-cards show meta-llama/Llama-4-Maverick-17B-128E-Instruct --format json",
            "llama-cards show llama-3.3-70b",
        ),
        _ANSWER,
        (_MODEL,),
    ),
    (
        "scores",
        _scores,
        "benchmark scores, laid out as the card's tables",
        "The card's benchmark scores that meet every condition given, laid out as the card's "
        "tables (benchmarks down, models across). Names ignore case, spaces and punctuation.",
        (
            "llama-cards scores --table instruct",
            "llama-cards scores --model scout --benchmark 'MMLU Pro' --format json",
            "llama-cards scores --category image --format csv",
        ),
        _TABULAR,
        (
            _argument(
                "--model", metavar="MODEL", help="a Llama 4 or comparison model (llama-3.1-405b)"
            ),
            _argument("--benchmark", metavar="BENCHMARK", help="a benchmark id or name"),
            _argument("--category", metavar="CATEGORY", help="a category, e.g. 'Image'"),
            _TABLE,
            _argument("--subtask", metavar="SUBTASK", help="a part of a cell, e.g. eng->kgv"),
        ),
    ),
    (
        "compare",
        _compare,
        "two models side by side, with a bar per benchmark",
        "The benchmark cells two models both have, side by side, with a - b and a bar that "
        "shows the gap.",
        (
            "llama-cards compare maverick scout",
            "llama-cards compare maverick llama-3.1-405b --table pretrained --format markdown",
        ),
        _TABULAR,
        (
            _argument("a", metavar="A", help="the first model"),
            _argument("b", metavar="B", help="the second model"),
            _TABLE,
        ),
    ),
    (
        "benchmarks",
        _benchmarks,
        "the benchmark rows: category, shots, metric",
        "The rows of the card's benchmark tables: what was measured, and how.",
        ("llama-cards benchmarks", "llama-cards benchmarks --table pretrained --format csv"),
        _TABULAR,
        (_TABLE,),
    ),
    (
        "languages",
        _languages,
        "the supported languages and their codes",
        "The languages the card supports, with their ISO 639 codes and native names.",
        ("llama-cards languages", "llama-cards languages --format csv"),
        _TABULAR,
        (),
    ),
    (
        "check-language",
        _check_language,
        "whether a language is supported (exit 0 yes, 1 no)",
        "Whether the card (or one model) supports the language a tag names. Exit 0 yes, "
        "1 no, 2 when the tag is malformed.",
        (
            "llama-cards check-language pt-BR",
            "llama-cards check-language Deutsch --model maverick --format json",
        ),
        _ANSWER,
        (
            _argument(
                "tag",
                metavar="TAG",
                help=(
                    "a BCP 47 tag, an ISO 639 code, a locale name (en_US.UTF-8) or a language name"
                ),
            ),
            _argument("--model", metavar="MODEL", help="ask about this model"),
        ),
    ),
    (
        "check-context",
        _check_context,
        "whether a request fits a model's context (exit 0 yes, 1 no)",
        "Whether a prompt, and the tokens to generate, fit in a model's context window. "
        f"Exit 0 yes, 1 no, 2 for an unknown model or a bad count. Counts: {_COUNTS} "
        "(K, M, B, T as the card prints them: 1.5M is 1,500,000).",
        (
            "llama-cards check-context maverick 120000 --max-new-tokens 8192",
            "llama-cards check-context scout 2,000,000 --format json",
            "llama-cards check-context scout 10M",
        ),
        _ANSWER,
        (
            _MODEL,
            _argument(
                "prompt_tokens", metavar="PROMPT_TOKENS", type=_count, help="tokens of the prompt"
            ),
            _argument(
                "--max-new-tokens",
                type=_count,
                default=0,
                metavar="N",
                help="tokens to generate (default: 0)",
            ),
        ),
    ),
    (
        "count-tokens",
        _count_tokens,
        "tokens of a text, by Meta's Llama 4 tokenizer",
        "The number of tokens Meta's Llama 4 tokenizer encodes a UTF-8 text file (or standard "
        "input) into, with no begin or end token. Needs the tokenizer extra: "
        'pip install "llama-cards[tokenizer]" (Python 3.10 or newer). Exit 0, or 2 for a file '
        "that cannot be read or without the extra.",
        ("llama-cards count-tokens prompt.txt", "cat prompt.txt | llama-cards count-tokens"),
        _TEXT_FORMS,
        (
            _argument(
                "file",
                metavar="FILE",
                nargs="?",
                default="-",
                help="a UTF-8 text file, or - for standard input (the default)",
            ),
        ),
    ),
    (
        "check-request",
        _check_request,
        "whether a chat request fits a model (exit 0 yes, 1 no)",
        "Whether a chat request fits a model: its messages (a JSON list of OpenAI-style "
        'messages, or an object with "messages") counted with Meta\'s Llama 4 tokenizer and '
        "prompt format, and the tokens to generate, against the card's context length or a "
        "checkpoint's maximum sequence length; images beyond those tested, or an input the "
        "model does not take, are warnings. An image part is "
        '{"type": "image", "columns": C, "rows": R}, its grid of tiles. Needs the tokenizer '
        'extra: pip install "llama-cards[tokenizer]". Exit 0 fits, 1 does not, 2 for bad '
        "input or without the extra.",
        (
            "llama-cards check-request scout messages.json --max-new-tokens 4096",
            "llama-cards check-request maverick - --format json < request.json",
        ),
        _TEXT_FORMS,
        (
            _MODEL,
            _argument(
                "messages",
                metavar="MESSAGES.json",
                help="a JSON file of the messages, or - for standard input",
            ),
            _argument(
                "--max-new-tokens",
                type=_count,
                default=0,
                metavar="N",
                help="tokens to generate (default: 0)",
            ),
            _argument(
                "--checkpoint",
                metavar="REPO",
                help="check against this checkpoint's maximum sequence length (a Hugging Face "
                "repository id of the model)",
            ),
        ),
    ),
    (
        "check-images",
        _check_images,
        "whether an image count was tested (exit 0 yes, 1 no)",
        "Whether a number of input images is within what the card says image understanding "
        "was tested with (tested, not enforced). Exit 0 yes, 1 no.",
        ("llama-cards check-images 3",),
        _ANSWER,
        (_argument("count", metavar="COUNT", type=_count, help="input images"),),
    ),
    (
        "license",
        _license,
        "the licence terms and acceptable use policy",
        "The Llama 4 licence and acceptable use policy: each term with its clause, in short "
        "words. Guidance read from the published terms, not legal advice.",
        ("llama-cards license", "llama-cards license --format json"),
        _ANSWER,
        (),
    ),
    (
        "assess",
        _assess,
        "whether a use is permitted by the licence (exit 0 yes, 1 no)",
        "Whether a party may use Llama 4 under the published terms, clause by clause. Exit 0 "
        "permitted, 1 not permitted, 2 for a malformed country code. Guidance, not legal "
        "advice.",
        (
            "llama-cards assess --domicile DE",
            "llama-cards assess --domicile de --end-user",
            "llama-cards assess --domicile US --monthly-active-users 800,000,000 --format json",
        ),
        _ANSWER,
        (
            _argument(
                "--domicile",
                required=True,
                metavar="CC",
                help="ISO 3166-1 alpha-2 code of the country of domicile or principal place of "
                "business",
            ),
            _argument(
                "--individual",
                action="store_true",
                help="the party is an individual (not a company)",
            ),
            _argument(
                "--end-user",
                action="store_true",
                help="the party only uses a product or service that builds Llama 4 in",
            ),
            _argument(
                "--monthly-active-users",
                type=_count,
                metavar="N",
                help="monthly active users of the party's products and services, e.g. 700M",
            ),
            _argument("--model", metavar="MODEL", help="assess one model only"),
        ),
    ),
    (
        "card",
        _card,
        "the card: version, updated, fingerprint, source",
        "The shipped card: its version, last update, fingerprint and source. With --require, "
        "the newest shipped card that satisfies a version specifier (exit 1 if none does).",
        ("llama-cards card", "llama-cards card --require '>=4' --format json"),
        _ANSWER,
        (
            _argument(
                "--require",
                type=_version_spec,
                metavar="SPEC",
                help="a PEP 440 specifier, e.g. '>=4'",
            ),
        ),
    ),
    (
        "schema",
        _schema,
        "the JSON Schema of the card",
        "The JSON Schema of the card's JSON form, as the library writes it.",
        ("llama-cards schema > card.schema.json",),
        ("json",),
        (),
    ),
    (
        "export",
        _export,
        "the whole card as JSON",
        "The whole card as JSON, in the library's own form (Card.from_json reads it back).",
        ("llama-cards export > card.json",),
        ("json",),
        (),
    ),
    (
        "model-index",
        _model_index,
        "a model's scores in the Hugging Face model-index form",
        "A model's scores of one table in the Hugging Face model-index form, as JSON.",
        ("llama-cards model-index maverick --table instruct",),
        ("json",),
        (_argument("model", metavar="MODEL", help="a Llama 4 or comparison model"), _TABLE),
    ),
    (
        "memory",
        _memory_estimate,
        "memory for a model's weights and KV cache, against GPUs",
        "The memory a model's weights (Meta's quantization scheme) and KV cache take, and "
        "whether they fit the GPUs given (exit 1 if they do not). Activations, CUDA graphs and "
        "fragmentation are left out.",
        (
            "llama-cards memory scout --precision int4 --gpu h100-80gb",
            "llama-cards memory maverick --precision fp8 --context 128K --gpu dgx-h100",
            "llama-cards memory scout --precision bf16 --gpus 2 --gpu-memory 80B --format json",
        ),
        ("text", "json", "csv"),
        (
            _MODEL,
            _argument(
                "--precision",
                choices=("bf16", "fp8", "int4"),
                default="bf16",
                help="weight precision (default: bf16)",
            ),
            _argument(
                "--context",
                type=_count,
                default=0,
                metavar="N",
                help=f"context tokens the KV cache holds, e.g. {_COUNTS}",
            ),
            _argument(
                "--gpus", type=_count, default=1, metavar="N", help="how many GPUs (default: 1)"
            ),
            _argument(
                "--gpu", metavar="NAME", help="an accelerator of the table: h100-80gb, dgx-h100"
            ),
            _argument(
                "--gpu-memory",
                type=_count,
                metavar="BYTES",
                help="memory of each GPU in bytes, e.g. 80B (instead of --gpu)",
            ),
        ),
    ),
    (
        "architecture",
        _architecture,
        "a model's architecture: layers, heads, experts, attention, vision",
        "The shape of a model as its reference builders construct it, with its source.",
        ("llama-cards architecture scout", "llama-cards architecture maverick --format json"),
        ("text", "json", "csv"),
        (_MODEL,),
    ),
    (
        "claims",
        _claims,
        "the card's hardware claims, checked",
        "Each hardware claim of the card, checked against the computed or published weights, "
        "and the contrasts the card does not claim.",
        ("llama-cards claims", "llama-cards claims --format csv"),
        _TABULAR,
        (),
    ),
    (
        "discrepancies",
        _discrepancies,
        "every place two sources print a fact differently",
        "Every place two sources print one of the card's facts differently: the value served "
        "and the other, each with its source.",
        ("llama-cards discrepancies", "llama-cards discrepancies --format json"),
        _TABULAR,
        (),
    ),
)


def _terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` tells it (``COLUMNS``, then
    the terminal of stdout, then 80), without importing :mod:`shutil`: argparse makes a
    formatter for every argument it adds, and ``shutil`` brings the compression modules."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # no terminal, or no file descriptor
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal, and keeps each example on its own whole line."""

    def __init__(self, prog: str, **options: Any) -> None:
        if options.get("width") is None:
            options["width"] = _terminal_columns() - 2
        super().__init__(prog, **options)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        return "\n".join(
            indent + line
            if line.startswith("example: ") or not line
            else textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            for line in text.splitlines()
        )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors quote long arguments as every message does."""

    def __init__(self, *, given: Sequence[str] = (), **options: Any) -> None:
        super().__init__(formatter_class=_HelpFormatter, allow_abbrev=False, **options)
        self.given = given

    def print_help(self, file: Optional[SupportsWrite[str]] = None) -> None:
        # argparse would drop a failed write of the help quietly; main reports it.
        (file or sys.stdout).write(self.format_help())

    def error(self, message: str) -> Any:  # NoReturn in typeshed; Any keeps 3.9 happy
        super().error(" ".join(_said(message, self.given).splitlines()))


class _Version(argparse.Action):
    """``--version``: the schema version is read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **options: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **options)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        schema = llama_cards.SCHEMA_VERSION
        sys.stdout.write(f"llama-cards {llama_cards.__version__} (schema {schema})\n")
        parser.exit()


_COMMAND_NAMES = frozenset(command[0] for command in _COMMANDS)


def _chosen_command(given: Sequence[str]) -> Optional[str]:
    """The command that ``given`` runs, where argparse will surely read it so: a first word
    that names a command. Otherwise (a top-level flag such as ``--help`` first, no command,
    a misspelt one) None, and the parser holds every command."""
    if given and given[0] in _COMMAND_NAMES:
        return given[0]
    return None


def _parser(given: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line's parser. Given the words to parse, it holds only the command they
    run, where that is plain: building all of them is most of what a command's start costs.
    """
    parser = _Parser(
        prog="llama-cards",
        given=given,
        description=(
            "Facts of the published Llama 4 model card, offline. Exit codes: 0 success or "
            '"yes", 1 a check that answers "no", 2 bad input or usage, 3 the answer could '
            "not be written (standard output closed or full). Counts are digits, grouped by "
            "three with ',' or '_' (1,000,000), or in the card's units K, M, B, T "
            "(128K is 128,000; 1.5M is 1,500,000)."
        ),
        epilog=(
            "example: llama-cards show scout\n"
            "example: llama-cards check-context maverick 120000 --max-new-tokens 8192\n"
            "Run 'llama-cards COMMAND --help' for a command's options."
        ),
    )
    parser.add_argument(
        "--version", action=_Version, help="show the package and data schema versions, and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = _chosen_command(given)
    for name, handler, summary, description, examples, formats, arguments in _COMMANDS:
        if chosen is not None and name != chosen:
            continue
        command = commands.add_parser(
            name,
            given=given,
            help=summary,
            description=description,
            epilog="\n".join(f"example: {example}" for example in examples),
        )
        for flags, options in arguments:
            command.add_argument(*flags, **options)
        command.add_argument(
            "--format",
            choices=formats,
            default=formats[0],
            help=f"output form (default: {formats[0]})",
        )
        command.set_defaults(handler=handler)
    return parser


# -------------------------------------------------------------------- main


def _error(message: str) -> None:
    # With no stderr either, the exit code alone says it.
    with contextlib.suppress(AttributeError, OSError, ValueError):
        print(f"llama-cards: error: {' '.join(message.splitlines())}", file=sys.stderr)


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def _silence_stdout() -> None:
    # Nothing more can be written (the reader went away, the disk is full): point stdout at
    # devnull so the interpreter's last flush does not complain either.
    stdout = sys.stdout
    if stdout is None or stdout is not sys.__stdout__:
        return  # not the process's own stdout (tests, embedding)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor
        pass


def _run(given: Sequence[str], stdout: TextIO) -> int:
    try:
        args = _parser(given).parse_args(given)
    except SystemExit as exit:  # --help, --version and usage errors
        _flush(stdout)
        return _exit_code(exit.code)
    except BrokenPipeError:
        raise
    except OSError as error:  # writing --help or --version
        raise _failed(error) from None
    out = _Output(stdout, colour=_colour_enabled(stdout, os.environ), given=given)
    handler: _Handler = args.handler
    try:
        code = handler(args, out)
    except (llama_cards.LlamaCardsError, _UsageError) as error:
        code = EXIT_USAGE
        _error(out.said(str(error)))
    _flush(stdout)
    return code


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    ``0`` success or "yes", ``1`` a check that answers "no", ``2`` bad input or usage, ``3``
    the answer could not be written.
    """
    given = list(sys.argv[1:] if argv is None else argv)
    try:
        if sys.stdout is None:  # started with stdout closed (`llama-cards models >&-`)
            raise _OutputError("standard output is closed")
        return _run(given, sys.stdout)
    except BrokenPipeError:  # the reader went away (`| head`): a quiet end
        _silence_stdout()
        return EXIT_OK
    except _OutputError as error:
        _silence_stdout()
        _error(f"cannot write the answer: {error}")
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
