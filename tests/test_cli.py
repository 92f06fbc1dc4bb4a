"""The ``llama-cards`` console script, run for real in subprocesses.

Every command and every output form runs at least once through the installed script,
checking exit code, stdout and stderr; ``python -m llama_cards`` must answer byte for
byte the same. The runs are started together, once, so the suite stays quick; what each
command answers is tested in detail in-process (``test_cli_commands.py``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import llama_cards

SCRIPT = shutil.which("llama-cards")
needs_script = pytest.mark.skipif(SCRIPT is None, reason="the console script is not installed")

Args = tuple[str, ...]


def _environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update(extra)
    return env


def _command(args: Args, *, module: bool = False) -> list[str]:
    if module or SCRIPT is None:
        return [sys.executable, "-m", "llama_cards", *args]
    return [SCRIPT, *args]


def _run(args: Args, *, module: bool = False) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        _command(args, module=module),
        capture_output=True,
        timeout=120,
        check=False,
        env=_environment(),
    )


# Every command, and every form, at least once; with the exit code the run must give.
SCRIPT_RUNS: dict[Args, int] = {
    ("models",): 0,
    ("show", "scout"): 0,
    ("scores", "--table", "pretrained"): 0,
    ("compare", "maverick", "llama-3.1-405b"): 0,
    ("benchmarks", "--format", "csv"): 0,
    ("languages", "--format", "markdown"): 0,
    ("check-language", "pt-BR"): 0,
    ("check-language", "sw", "--format", "json"): 1,
    ("check-context", "maverick", "1200000"): 1,
    ("check-images", "6"): 1,
    ("license",): 0,
    ("assess", "--domicile", "DE"): 1,
    ("card",): 0,
    ("schema",): 0,
    ("export",): 0,
    ("model-index", "scout", "--table", "pretrained"): 0,
    ("show", "scuot"): 2,
    ("check-context", "scout", "ten"): 2,
    (): 2,
    ("--version",): 0,
    ("compare", "--help"): 0,
}
# The module form, on a subset that covers each exit code and a JSON and a text form.
MODULE_RUNS: tuple[Args, ...] = (
    ("compare", "maverick", "llama-3.1-405b"),
    ("check-language", "sw", "--format", "json"),
    ("show", "scuot"),
    ("check-context", "scout", "ten"),
)


@pytest.fixture(scope="module")
def runs() -> dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]]:
    jobs = [(False, args) for args in SCRIPT_RUNS] + [(True, args) for args in MODULE_RUNS]
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 1) * 2)) as pool:
        results = list(pool.map(lambda job: _run(job[1], module=job[0]), jobs))
    return dict(zip(jobs, results))


def _text(result: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def _name(args: Args) -> str:
    return " ".join(args) or "(none)"


JSON_RUNS = [
    args
    for args in SCRIPT_RUNS
    if "json" in args or args[:1] in {("schema",), ("export",), ("model-index",)}
]


@pytest.mark.parametrize(
    ("args", "code"), SCRIPT_RUNS.items(), ids=[_name(args) for args in SCRIPT_RUNS]
)
def test_exit_code_and_streams(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]], args: Args, code: int
) -> None:
    result = runs[(False, args)]
    out, err = _text(result)
    assert result.returncode == code, err
    assert "Traceback" not in err
    assert "\x1b[" not in out  # not a terminal: no colour
    if code == 2:
        assert out == ""
        if err.startswith("llama-cards: error: "):
            assert len(err.splitlines()) == 1
        else:
            assert err.startswith("usage: llama-cards")
    else:
        assert err == ""
        assert out.endswith("\n")


@pytest.mark.parametrize("args", JSON_RUNS, ids=_name)
def test_json_parses(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]], args: Args
) -> None:
    result = runs[(False, args)]
    if result.returncode == 2:
        assert result.stdout == b""
        return
    json.loads(result.stdout)


def test_json_is_the_library_s(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]],
) -> None:
    def data(*args: str) -> object:
        return json.loads(runs[(False, args)].stdout)

    assert data("schema") == llama_cards.json_schema()
    exported = runs[(False, ("export",))].stdout
    assert llama_cards.Card.from_json(exported) == llama_cards.card()
    assert data("model-index", "scout", "--table", "pretrained") == llama_cards.to_model_index(
        "scout", table="pretrained"
    )
    answer = data("check-language", "sw", "--format", "json")
    assert isinstance(answer, dict)
    assert (answer["supported"], answer["language"]) == (False, None)


def test_text_forms(runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]]) -> None:
    def out(*args: str) -> str:
        return _text(runs[(False, args)])[0]

    assert out("models").splitlines()[1].split() == [
        "llama-4-scout",
        "Llama",
        "4",
        "Scout",
        "17B",
        "109B",
        "16",
        "10,000,000",
        "text,",
        "image",
        "text,",
        "code",
    ]
    assert "10,000,000 tokens (printed 10M)" in out("show", "scout")
    assert "  MMLU          5  macro_avg/acc_char       79.3" in out(
        "scores", "--table", "pretrained"
    )
    assert "│█████▌" in out("compare", "maverick", "llama-3.1-405b")
    assert out("check-language", "pt-BR").startswith("yes: 'pt-BR' names Portuguese (pt)")
    assert out("check-context", "maverick", "1200000").startswith("no: Llama 4 Maverick")
    assert out("check-images", "6").startswith("no: 6 input images are more than the 5")
    assert out("license").startswith("Llama 4 Community License Agreement\n")
    assert out("assess", "--domicile", "DE").startswith("no: a company in DE may not use Llama 4")
    assert out("card").startswith("Llama 4 Scout 17B 16E Instruct\n  card version   4\n")
    assert out("--version") == (
        f"llama-cards {llama_cards.__version__} (schema {llama_cards.SCHEMA_VERSION})\n"
    )
    assert "example: llama-cards compare" in out("compare", "--help")
    for args, _ in SCRIPT_RUNS.items():
        if "--format" not in args and args[:1] not in {("schema",), ("export",), ("model-index",)}:
            for line in out(*args).splitlines():
                assert len(line) <= 100, (args, line)


def test_csv_and_markdown_forms(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]],
) -> None:
    def out(*args: str) -> str:
        return _text(runs[(False, args)])[0]

    benchmarks = list(csv.DictReader(io.StringIO(out("benchmarks", "--format", "csv"))))
    assert [(b["table"], b["id"], b["shots"]) for b in benchmarks][:2] == [
        ("pretrained", "mmlu", "5"),
        ("pretrained", "mmlu-pro", "5"),
    ]
    assert len(benchmarks) == len(llama_cards.benchmarks())
    assert "| Portuguese | português | pt | por | por | por |  |" in out(
        "languages", "--format", "markdown"
    )


def test_errors_say_what_was_wrong_and_what_would_work(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]],
) -> None:
    def err(*args: str) -> str:
        return _text(runs[(False, args)])[1]

    assert err("show", "scuot").startswith("llama-cards: error: unknown model 'scuot'")
    assert "llama-4-scout" in err("show", "scuot")
    assert "expected a whole number such as 120000" in err("check-context", "scout", "ten")
    assert "the following arguments are required: COMMAND" in err()


@needs_script
@pytest.mark.parametrize("args", MODULE_RUNS, ids=_name)
def test_python_m_gives_identical_output(
    runs: dict[tuple[bool, Args], subprocess.CompletedProcess[bytes]], args: Args
) -> None:
    script, module = runs[(False, args)], runs[(True, args)]
    assert (module.returncode, module.stdout, module.stderr) == (
        script.returncode,
        script.stdout,
        script.stderr,
    )


# ---------------------------------------------------------------- pipes


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    # The exported card is larger than a pipe's buffer, so the writer meets the closed end.
    process = subprocess.Popen(
        _command(("export",)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.readline() == b"{\n"
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert err == b""


@pytest.mark.skipif(shutil.which("head") is None, reason="needs a shell with head")
def test_piped_into_head() -> None:
    command = " ".join(_command(("models",)))
    result = subprocess.run(
        f"{command} | head -1",
        shell=True,
        capture_output=True,
        timeout=120,
        check=False,
        env=_environment(),
    )
    assert result.returncode == 0
    assert result.stdout.decode().split() == [
        "Id",
        "Name",
        "Active",
        "Total",
        "Experts",
        "Context",
        "Input",
        "Output",
    ]
    assert result.stderr == b""


# --------------------------------------------------------------- colour


def _in_a_terminal(args: Args, env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout on a pseudo-terminal; the exit code and what the terminal showed."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(_command(args), stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.stderr is not None
    assert process.stderr.read() == b""
    process.stderr.close()
    return process.wait(timeout=120), shown.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_colour_on_a_terminal_and_not_with_no_color() -> None:
    args = ("check-language", "pt-BR")
    code, coloured = _in_a_terminal(args, _environment())
    assert code == 0
    assert coloured.startswith("\x1b[1;32myes\x1b[0m: 'pt-BR' names Portuguese")
    code, plain = _in_a_terminal(args, _environment(NO_COLOR="1"))
    assert code == 0
    assert "\x1b[" not in plain
    assert plain.startswith("yes: 'pt-BR' names Portuguese")
