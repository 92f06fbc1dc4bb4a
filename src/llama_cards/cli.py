"""The ``llama-cards`` command: a thin face over the public API.

Exit codes: 0 success, 1 a check that answers "no", 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Optional

import llama_cards

__all__ = ["main"]

EXIT_OK = 0
EXIT_NO = 1
EXIT_USAGE = 2


def _tokens(count: int) -> str:
    return f"{count:,} tokens"


def _show(args: argparse.Namespace) -> int:
    found = llama_cards.model(args.model)
    training = found.training
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
                    f"{found.training_tokens.value:,}"
                    f"{' (approximate)' if found.training_tokens.approximate else ''} "
                    f"(printed {found.training_tokens.printed})",
                ),
                ("knowledge cutoff", str(found.knowledge_cutoff)),
                ("release date", found.release_date.isoformat()),
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
    width = max(len(label) for _, rows in groups for label, _ in rows)
    out: list[str] = []
    for title, rows in groups:
        out.append(title)
        out.extend(f"  {label:<{width}}  {value}" for label, value in rows)
        out.append("")
    card = llama_cards.card()
    out.append(
        f"Source: {card.title}, card version {card.version} ({card.updated}); "
        f"{found.source.section}"
    )
    print("\n".join(out))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="llama-cards",
        description="Facts of the published Llama 4 model card, offline.",
        epilog="example: llama-cards show scout",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"llama-cards {llama_cards.__version__} (schema {llama_cards.SCHEMA_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    show = commands.add_parser(
        "show",
        help="every fact of one model",
        description="Every fact the card gives about one model.",
        epilog="example: llama-cards show meta-llama/Llama-4-Maverick-17B-128E-Instruct",
    )
    show.add_argument("model", metavar="MODEL", help="a model name, id or repository id")
    show.set_defaults(handler=_show)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except llama_cards.LlamaCardsError as error:
        print(f"llama-cards: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, without a traceback.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return code
