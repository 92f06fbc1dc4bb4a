"""A damaged data file is refused at load with a clear error naming the file.

Each case damages one part of a copy of the installed package and asks that copy, in a
fresh process, for a model or the whole card: what a user with a damaged install sees.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import llama_cards
from shipped import part_bytes

PACKAGE = Path(llama_cards.__file__).parent
MODELS = "data/card-4/models.json"
_ORIGINAL = part_bytes("4", "models")


def _changed_number() -> bytes:
    return _ORIGINAL.replace(b'"context_length": 10000000', b'"context_length": 3500000', 1)


def _extra_field() -> bytes:
    data = json.loads(_ORIGINAL)
    data["models"][0]["output_limit"] = 10_000_000
    return json.dumps(data).encode()


DAMAGE = [
    ("truncated", _ORIGINAL[: len(_ORIGINAL) // 2], "is not valid JSON"),
    ("empty", b"", "is not valid JSON"),
    ("changed number", _changed_number(), "differs from the one this release shipped"),
    ("extra field", _extra_field(), "output_limit"),
    ("not utf-8", b"\xff\xfe" + _ORIGINAL, "is not valid JSON"),
]


def _copy(tmp_path: Path, damaged: dict[str, bytes]) -> Path:
    root = tmp_path / "site"
    shutil.copytree(PACKAGE, root / "llama_cards", ignore=shutil.ignore_patterns("__pycache__"))
    for name, data in damaged.items():
        (root / "llama_cards" / name).write_bytes(data)
    return root


def _ask(root: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(root),
        timeout=120,
        check=False,
    )


_REPORT = (
    "import llama_cards\n"
    "try:\n"
    "    {query}\n"
    "except llama_cards.DataIntegrityError as error:\n"
    "    print('refused:', error)\n"
)


@pytest.mark.parametrize(("label", "data", "words"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damaged_file_is_refused(tmp_path: Path, label: str, data: bytes, words: str) -> None:
    assert data != _ORIGINAL
    root = _copy(tmp_path, {MODELS: data})
    done = _ask(root, _REPORT.format(query="llama_cards.model('scout')"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused: "), done.stdout
    assert words in done.stdout
    assert "card-4/models.json" in done.stdout
    assert "reinstall" in done.stdout


def test_a_damaged_part_that_a_query_does_not_read_does_not_stop_it(tmp_path: Path) -> None:
    damaged = part_bytes("4", "benchmarks").replace(b"79.6", b"97.6", 1)
    root = _copy(tmp_path, {"data/card-4/benchmarks.json": damaged})
    done = _ask(root, _REPORT.format(query="print(llama_cards.model('scout').id)"))
    assert done.stdout == "llama-4-scout\n", done.stderr
    done = _ask(
        root, _REPORT.format(query="llama_cards.score('scout', 'mmlu', table='pretrained')")
    )
    assert "differs from the one this release shipped" in done.stdout
    assert "card-4/benchmarks.json" in done.stdout


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path, {})
    (root / "llama_cards" / MODELS).unlink()
    done = _ask(root, _REPORT.format(query="llama_cards.card()"))
    assert "card-4/models.json cannot be read" in done.stdout, done.stderr


def test_the_intact_copy_loads(tmp_path: Path) -> None:
    root = _copy(tmp_path, {})
    done = _ask(root, "import llama_cards; print(llama_cards.model('scout').context_length)")
    assert done.stdout == "10000000\n", done.stderr


def test_a_damaged_prompt_format_is_refused_by_the_counts_alone(tmp_path: Path) -> None:
    # The prompt format is shipped beside the card and pinned like its parts.
    damaged = part_bytes("4", "prompt-format").replace(b'"max_tiles": 16', b'"max_tiles": 64', 1)
    assert damaged != part_bytes("4", "prompt-format")
    root = _copy(tmp_path, {"data/card-4/prompt-format.json": damaged})
    done = _ask(root, _REPORT.format(query="print(len(llama_cards.card().models))"))
    assert done.stdout == "2\n", done.stderr
    done = _ask(root, _REPORT.format(query="llama_cards.image_tokens(8, 8)"))
    assert done.stdout.startswith("refused: "), done.stderr
    assert "card-4/prompt-format.json differs from the one this release shipped" in done.stdout


def test_the_card_s_own_part_is_read_only_by_what_needs_it(tmp_path: Path) -> None:
    # The footer of `show`, a document and a first licence check read the documents part
    # and not the card's own part; the card's version and the whole card do.
    damaged = part_bytes("4", "card").replace(
        b'"training_hardware": "', b'"training_hardware": "x', 1
    )
    assert damaged != part_bytes("4", "card")
    root = _copy(tmp_path, {"data/card-4/card.json": damaged})
    for query, answer in (
        ("print(llama_cards.document('azure-card').title)", "Llama 4 Scout 17B 16E Instruct"),
        ("print(llama_cards.assess_use(domicile='US').permitted)", "True"),
    ):
        done = _ask(root, _REPORT.format(query=query))
        assert done.stdout == f"{answer}\n", (query, done.stdout, done.stderr)
    show = _ask(
        root, "import sys; from llama_cards.cli import main; sys.exit(main(['show', 'scout']))"
    )
    assert show.returncode == 0, show.stderr
    assert "Source: Llama 4 Scout 17B 16E Instruct, card version 4 (2026-03)" in show.stdout
    for query in ("llama_cards.card()", "llama_cards.card('4')"):
        done = _ask(root, _REPORT.format(query=query))
        assert "card-4/card.json differs from the one this release shipped" in done.stdout
