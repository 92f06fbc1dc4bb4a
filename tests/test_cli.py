"""The ``llama-cards`` console script, run for real in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import llama_cards

SCRIPT = shutil.which("llama-cards")


def _run(*args: str, module: bool = False) -> subprocess.CompletedProcess[str]:
    if module or SCRIPT is None:
        command = [sys.executable, "-m", "llama_cards", *args]
    else:
        command = [SCRIPT, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.skipif(SCRIPT is None, reason="the console script is not installed")
def test_console_script_and_module_agree() -> None:
    script = _run("show", "maverick")
    module = _run("show", "maverick", module=True)
    assert (script.returncode, script.stdout, script.stderr) == (
        module.returncode,
        module.stdout,
        module.stderr,
    )


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("scout", ["Llama 4 Scout (17Bx16E)", "10,000,000 tokens", "16", "~40T", "2024-08"]),
        ("Llama-4-Maverick-17B-128E-Instruct-FP8", ["1,000,000 tokens", "128", "FP8"]),
    ],
)
def test_show(name: str, lines: list[str]) -> None:
    result = _run("show", name)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for text in lines:
        assert text in result.stdout


def test_show_unknown_model_is_a_usage_error_without_traceback() -> None:
    result = _run("show", "scuot")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("llama-cards: error: unknown model 'scuot'")
    assert "llama-4-scout" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == (
        f"llama-cards {llama_cards.__version__} (schema {llama_cards.SCHEMA_VERSION})"
    )


@pytest.mark.parametrize("args", [(), ("frobnicate",), ("show",)])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert "usage: llama-cards" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_has_an_example() -> None:
    for args in (("--help",), ("show", "--help")):
        result = _run(*args)
        assert result.returncode == 0
        assert "example: llama-cards" in result.stdout
