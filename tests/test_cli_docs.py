"""The command-line guide and the README show what the command really prints.

Every ``console`` block of ``docs/guides/cli.md`` is run: each ``$ llama-cards ...`` line
through ``main()``, its stdout and stderr compared with the lines under it (``...`` stands
for any text), and ``$ echo $?`` with the exit code of the command before it.
"""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from llama_cards import cli
from llama_cards.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guides" / "cli.md"
README = ROOT / "README.md"

pytestmark = pytest.mark.skipif(not GUIDE.is_file(), reason="needs the source tree's docs")


class Step:
    def __init__(self, line: int, command: str, expected: str) -> None:
        self.line = line
        self.command = command
        self.expected = expected

    def __repr__(self) -> str:
        return f"{GUIDE.name}:{self.line}: $ {self.command}"


def _steps() -> list[Step]:
    if not GUIDE.is_file():
        return []
    steps: list[Step] = []
    lines = GUIDE.read_text(encoding="utf-8").splitlines()
    in_console = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            in_console = line == "```console"
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            steps.append(Step(number, line[2:], ""))
        else:
            assert steps, f"{GUIDE.name}:{number}: output before any command"
            steps[-1].expected += line + "\n"
    return steps


STEPS = _steps()


def test_the_guide_has_examples() -> None:
    assert len(STEPS) > 20


def test_every_command_is_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    parser = cli._parser()
    (action,) = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(action.choices, dict)
    for command in action.choices:
        assert f"llama-cards {command}" in text, command


def test_the_guide_s_examples(capsys: pytest.CaptureFixture[str]) -> None:
    checker = doctest.OutputChecker()
    code = None
    for step in STEPS:
        if step.command == "echo $?":
            assert code is not None, step
            assert step.expected == f"{code}\n", step
            continue
        words = shlex.split(step.command)
        assert words[0] == "llama-cards", step
        assert not {"|", ">", "&&", "||", ";"} & set(words), f"{step}: use a sh block for shell"
        code = main(words[1:])
        captured = capsys.readouterr()
        got = captured.out + captured.err
        assert checker.check_output(step.expected, got, doctest.ELLIPSIS), (
            f"{step}\n--- documented\n{step.expected}--- printed\n{got}"
        )


def test_the_readme_s_main_command_is_a_command_of_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- main-command -->\n\$ (.+)\n<!-- /main-command -->", readme)
    assert found is not None
    command = found.group(1).split("&&")[-1].strip()
    words = shlex.split(command)
    assert words[0] == "llama-cards"
    assert main(words[1:]) == 0
    assert capsys.readouterr().err == ""
