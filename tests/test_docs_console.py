"""Every shell example of the README and the documentation runs, and prints what it shows.

The Python examples are doctests (pytest collects them from every Markdown file); this
module does the same for the shell. It reads the fenced ```` ```console ```` blocks of
``README.md`` and ``docs/**/*.md``. In a block, a line starting with ``$ `` is a command (a
line ending in ``\\`` continues on the next), and the lines after it, up to the next
command, are its output as the terminal shows it: standard output, then standard error.

- A command with output shown must print exactly that (trailing spaces aside; ``...``
  stands for any text, as in a doctest). It may exit with any code: an example can show a
  check that answers "no" or an error message.
- A command with no output shown must exit with code 0.
- ``llama-cards`` and ``python`` run this package's command with the interpreter running
  the tests, so the examples test this source, not whatever else is installed.
- Commands that install packages, run the test suite or take minutes are skipped, each
  with its reason (:data:`SKIPPED`). A command that no rule covers fails: give it a rule.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

SKIPPED = [
    (re.compile(r"\bpip install\b"), "installs packages into the environment running the tests"),
    (re.compile(r"(^|&&\s*)(python -m )?pytest\b"), "runs the test suite, which runs this test"),
    (
        re.compile(r"^python benchmarks/bench\.py\b"),
        "times many fresh processes for minutes; the benchmarks are run by hand",
    ),
    (
        re.compile(r"^python benchmarks/bench_tokens\.py\b"),
        "counts 40 MB of text several times with two tokenizers; the benchmarks are run by hand",
    ),
]
"""Commands not run here, and why: (pattern searched in the command, reason)."""

NEEDS_TOKENIZER = re.compile(r"^llama-cards (count-tokens|check-request)\b")
"""Commands that count tokens: run where Meta's tokenizer (the tokenizer extra) is installed."""
HAS_TOKENIZER = sys.version_info >= (3, 10) and importlib.util.find_spec("llama_models") is not None

RUN = re.compile(r"^(llama-cards|python -m llama_cards)(\s|$)")
"""Commands run and checked: the package's command line."""

TIMEOUT_SECONDS = 60

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`]*)")


@dataclass(frozen=True)
class ShellExample:
    """One command of a ```` ```console ```` block and the output it shows."""

    path: Path
    line: int
    command: str
    output: tuple[str, ...]
    exit_code: Optional[int] = None
    """The exit code an ``$ echo $?`` line right after the command shows, if any."""

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def fenced_blocks(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """Each fenced code block of a Markdown text: its info word and its numbered lines.

    Lines lose the fence's indentation (a block in a list or an admonition is indented).
    """
    blocks: list[tuple[str, list[tuple[int, str]]]] = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        opening = _FENCE.match(lines[number])
        number += 1
        if opening is None:
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        body: list[tuple[int, str]] = []
        while number < len(lines):
            closing = _FENCE.match(lines[number])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            body.append((number + 1, lines[number][indent:] if lines[number].strip() else ""))
            number += 1
        number += 1
        blocks.append((opening["info"].lower(), body))
    return blocks


def console_examples(text: str, path: Path = ROOT / "example.md") -> list[ShellExample]:
    """The commands of the ```` ```console ```` blocks of a Markdown text, in order."""
    return [
        example
        for info, body in fenced_blocks(text)
        if info == "console"
        for example in _commands(body, path)
    ]


def _commands(body: list[tuple[int, str]], path: Path) -> list[ShellExample]:
    examples: list[ShellExample] = []
    position = 0
    while position < len(body):
        line_number, line = body[position]
        position += 1
        if not line.startswith("$ "):
            continue
        command = line[2:]
        while command.endswith("\\") and position < len(body):
            command = command[:-1] + body[position][1].strip()
            position += 1
        output: list[str] = []
        while position < len(body) and not body[position][1].startswith("$ "):
            output.append(body[position][1].rstrip())
            position += 1
        while output and not output[-1]:
            output.pop()
        if command.strip() == "echo $?" and examples and len(output) == 1:
            # Shows the exit code of the command before it.
            examples[-1] = replace(examples[-1], exit_code=int(output[0]))
            continue
        examples.append(ShellExample(path, line_number, command.strip(), tuple(output)))
    return examples


EXAMPLES = [
    example
    for document in DOCUMENTS
    for example in console_examples(document.read_text(encoding="utf-8"), document)
]


@pytest.fixture(scope="module")
def shell_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PATH whose ``llama-cards`` and ``python`` are this package under this interpreter."""
    if shutil.which("sh") is None:
        pytest.skip("the shell examples need a POSIX sh")
    shims = tmp_path_factory.mktemp("bin")
    for name, run in [
        ("python", f'exec "{sys.executable}" "$@"'),
        ("llama-cards", f'exec "{sys.executable}" -m llama_cards "$@"'),
    ]:
        shim = shims / name
        shim.write_text(f"#!/bin/sh\n{run}\n", encoding="utf-8")
        shim.chmod(0o755)
    return f"{shims}{os.pathsep}{os.environ.get('PATH', '')}"


def _shown(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_shell_example_prints_what_it_shows(example: ShellExample, shell_path: str) -> None:
    for pattern, reason in SKIPPED:
        if pattern.search(example.command):
            pytest.skip(f"{example.command!r} {reason}")
    if NEEDS_TOKENIZER.match(example.command) and not HAS_TOKENIZER:
        pytest.skip(
            f"{example.command!r} counts tokens, which needs the tokenizer extra (Python 3.10+; "
            "not installed here, as on 3.9 and in the lowest-versions session)"
        )
    if not RUN.match(example.command):
        pytest.fail(
            f"{example.name}: no rule says how to test {example.command!r}; run it as a "
            "llama-cards command, or add a pattern and its reason to SKIPPED"
        )
    if importlib.util.find_spec("llama_cards.cli") is None:
        pytest.skip("the llama-cards command line is not part of this version yet")
    environment = {
        **os.environ,
        "PATH": shell_path,
        "COLUMNS": "100",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUTF8": "1",
    }
    done = subprocess.run(
        ["sh", "-c", example.command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    if example.exit_code is not None:
        assert done.returncode == example.exit_code, (
            f"{example.name}: {example.command!r} exited with {done.returncode}, the "
            f"documentation shows {example.exit_code}; stderr:\n{done.stderr}"
        )
    if not example.output:
        assert done.returncode == (example.exit_code or 0), (
            f"{example.name}: {example.command!r} exited with {done.returncode}; "
            f"stderr:\n{done.stderr}"
        )
        return
    shown = "\n".join(example.output)
    printed = _shown(done.stdout + done.stderr)
    checker = doctest.OutputChecker()
    assert checker.check_output(shown, printed, doctest.ELLIPSIS), (
        f"{example.name}: {example.command!r} (exit {done.returncode}) printed\n"
        f"{textwrap.indent(printed, '    ')}\nbut the documentation shows\n"
        f"{textwrap.indent(shown, '    ')}"
    )


SCRIPTS = [
    (document, body)
    for document in DOCUMENTS
    for info, body in fenced_blocks(document.read_text(encoding="utf-8"))
    if info == "sh"
]
SCRIPT_VARIABLES = {"MODEL": "scout", "PROMPT_TOKENS": "1000"}
"""Values for the variables the script examples leave to the reader."""


@pytest.mark.parametrize(
    ("document", "body"),
    SCRIPTS,
    ids=[f"{d.relative_to(ROOT).as_posix()}:{b[0][0]}" for d, b in SCRIPTS],
)
def test_shell_script_runs(
    document: Path, body: list[tuple[int, str]], shell_path: str, tmp_path: Path
) -> None:
    """A ```` ```sh ```` block is a script: it runs, in an empty folder, and succeeds."""
    script = "\n".join(line for _, line in body)
    done = subprocess.run(
        ["sh", "-e", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        cwd=tmp_path,
        env={**os.environ, "PATH": shell_path, **SCRIPT_VARIABLES},
        check=False,
    )
    where = f"{document.relative_to(ROOT).as_posix()}:{body[0][0]}"
    assert done.returncode == 0, f"{where}: the script failed:\n{done.stderr}"


# ------------------------------------------------------------------- the collector


SAMPLE = """\
Text with a $ sign.

```console
$ llama-cards --version
llama-cards 0.1.0 (schema 1.1)
$ llama-cards show scout | \\
  head -1
Llama 4 Scout (17Bx16E)

$ llama-cards show nothing
$ llama-cards show nothing-at-all
unknown
$ echo $?
2
```

```python
>>> print("$ not a command")
$ not a command

```

- In a list:

    ```console
    $ python -m llama_cards --help
    usage: llama-cards ...
    ```

````console
$ echo "a fence inside"
```
````

```bash
$ not collected
```
"""


def test_the_collector_reads_commands_and_their_output() -> None:
    found = [
        (e.line, e.command, e.output) + (() if e.exit_code is None else (e.exit_code,))
        for e in console_examples(SAMPLE)
    ]
    assert found == [
        (4, "llama-cards --version", ("llama-cards 0.1.0 (schema 1.1)",)),
        (6, "llama-cards show scout | head -1", ("Llama 4 Scout (17Bx16E)",)),
        (10, "llama-cards show nothing", ()),
        (11, "llama-cards show nothing-at-all", ("unknown",), 2),
        (26, "python -m llama_cards --help", ("usage: llama-cards ...",)),
        (31, 'echo "a fence inside"', ("```",)),
    ]


def test_the_documentation_has_shell_examples_to_check() -> None:
    names = {example.name for example in EXAMPLES}
    commands = {example.command for example in EXAMPLES}
    assert "llama-cards --version" in commands
    assert any(name.startswith("docs/guides/cli.md:") for name in names)
    assert any(name.startswith("docs/getting-started.md:") for name in names)


@pytest.mark.parametrize(
    "document", DOCUMENTS, ids=[d.relative_to(ROOT).as_posix() for d in DOCUMENTS]
)
def test_every_code_block_of_the_documentation_is_tested(document: Path) -> None:
    """Python blocks are doctests (collected by pytest), console blocks are run above.

    A ``text`` block quotes (a row of the card as printed, the output of a recorded run);
    it is no example.
    """
    for info, body in fenced_blocks(document.read_text(encoding="utf-8")):
        where = f"{document.relative_to(ROOT).as_posix()}:{body[0][0] if body else '?'}"
        text = "\n".join(line for _, line in body)
        if info in ("python", "pycon"):
            assert ">>> " in text, f"{where}: a Python block without a >>> example is not tested"
        elif info == "console":
            assert "$ " in text, f"{where}: a console block without a $ command is not tested"
        elif info == "sh":
            continue  # a script, run by test_shell_script_runs
        elif info == "text":
            continue  # quoted text (a row of the card, a recorded run), not an example
        else:
            pytest.fail(f"{where}: a {info or 'plain'} block is neither a doctest nor a command")


@pytest.mark.parametrize(
    ("command", "rule"),
    [
        ("python -m pip install llama-cards", "installs packages"),
        ('python -m pip install -e ".[test]" && python -m pytest', "installs packages"),
        ("python -m pytest -q", "runs the test suite"),
        ("python benchmarks/bench.py --runs 25", "for minutes"),
    ],
)
def test_commands_that_are_not_run_have_a_reason(command: str, rule: str) -> None:
    reasons = [reason for pattern, reason in SKIPPED if pattern.search(command)]
    assert reasons
    assert rule in reasons[0]
    assert not RUN.match(command)


@pytest.mark.parametrize(
    "command",
    ["llama-cards --version", "llama-cards show scout | head -3", "python -m llama_cards"],
)
def test_the_package_commands_are_run(command: str) -> None:
    assert RUN.match(command)
    assert not any(pattern.search(command) for pattern, _ in SKIPPED)
