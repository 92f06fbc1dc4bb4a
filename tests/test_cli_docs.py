"""The command-line guide covers every command, and the README's main job is one of them.

The guide's examples themselves are run and checked by tests/test_docs_console.py, with
every other shell example of the documentation.
"""

from __future__ import annotations

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


def test_every_command_is_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    parser = cli._parser()
    (action,) = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(action.choices, dict)
    for command in action.choices:
        assert f"llama-cards {command}" in text, command


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
