"""No silent traps at the command line: counts, output errors, wording, long input.

Each case here was answered wrongly once (a count read as another number, a traceback, a
Python keyword in a message); every run goes through ``main()`` or the real command.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import Any

import pytest

import llama_cards
from llama_cards.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ------------------------------------------------------------------ counts


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("120000", 120_000),
        ("120,000", 120_000),
        ("1,500,000", 1_500_000),
        ("1_500_000", 1_500_000),
        ("007", 7),
        (" 7 ", 7),
        # The card's units, exactly: 10M = 10,000,000, 1.5M = 1,500,000, 128K = 128,000.
        ("10M", 10_000_000),
        ("1.5M", 1_500_000),
        ("128K", 128_000),
        ("128k", 128_000),
        ("0.5K", 500),
        ("1.000M", 1_000_000),
        ("2B", 2_000_000_000),
        ("1T", 10**12),
    ],
)
def test_counts_read_as_written(capsys: pytest.CaptureFixture[str], text: str, count: int) -> None:
    code, out, err = _run(capsys, "check-context", "scout", text, "--format", "json")
    assert err == ""
    assert code in (0, 1)
    assert llama_cards.model("scout").context_length >= 0
    import json

    assert json.loads(out)["prompt_tokens"] == count


BAD_COUNTS = [
    "1,5",
    ",100",
    "100,",
    "1,0,0",
    "_1",
    "1__000",
    "1,000_000",
    "10,00",
    "1.5",
    "1e6",
    "0x10",
    "ten",
    "",
    "1.2345K",
    "1.5X",
    "M",
    "1 000",
    "١٢",  # Arabic-Indic digits: int() takes them, a count does not
    "１２",  # full-width digits
    "+5",
]


@pytest.mark.parametrize("text", BAD_COUNTS)
@pytest.mark.parametrize(
    "command",
    [
        ["check-context", "scout", "{}"],
        ["check-context", "scout", "5", "--max-new-tokens", "{}"],
        ["models", "--min-context", "{}"],
        ["check-images", "{}"],
        ["assess", "--domicile", "US", "--monthly-active-users", "{}"],
    ],
    ids=["prompt", "max-new-tokens", "min-context", "images", "monthly-active-users"],
)
def test_every_count_refuses_what_is_not_one(
    capsys: pytest.CaptureFixture[str], command: list[str], text: str
) -> None:
    code, out, err = _run(capsys, *[part.replace("{}", text) for part in command])
    assert code == 2
    assert out == ""
    assert "expected a whole number such as 120000" in err
    assert err.splitlines()[-1].startswith("llama-cards ")
    assert "Traceback" not in err


def test_help_says_how_counts_are_written(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert "K, M, B, T" in " ".join(out.split())
    assert "1.5M is 1,500,000" in " ".join(out.split())
    code, out, _ = _run(capsys, "check-context", "--help")
    assert "1.5M is 1,500,000" in " ".join(out.split())


# ---------------------------------------------------------------- wording


@pytest.mark.parametrize(
    ("args", "said", "not_said"),
    [
        (
            ["check-context", "maverick", "2M"],
            "llama-cards models --min-context N",
            "find_models",
        ),
        (["check-context", "maverick", "2M"], "lower --max-new-tokens", "max_new_tokens"),
        (
            ["model-index", "maverick"],
            "give --table pretrained or --table instruct",
            "table=",
        ),
        (
            ["scores", "--benchmark", "mmlu", "--subtask", "eng->kgv"],
            "--subtask",
            "leave subtask out",
        ),
        (["models", "--min-context", "-1"], "--min-context must be", "min_context"),
        (["check-context", "scout", "-1"], "PROMPT_TOKENS must be", "prompt_tokens"),
        (["assess", "--domicile", "US"], "--monthly-active-users was not given", "_users"),
    ],
)
def test_messages_name_flags_not_keywords(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str, not_said: str
) -> None:
    _, out, err = _run(capsys, *args)
    shown = " ".join((out + err).split())
    assert said in shown
    assert not_said not in shown


def test_an_argument_that_reads_like_python_is_quoted_as_typed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "show", "table='x'")
    assert code == 2
    assert "table='x'" in err


# --------------------------------------------------------------- long input


@pytest.mark.parametrize(
    "args",
    [
        ["show", "{}"],
        ["check-language", "{}"],
        ["models", "--language", "{}"],
        ["scores", "--benchmark", "{}"],
        ["assess", "--domicile", "{}"],
        ["card", "--require", "{}"],
        ["check-context", "scout", "{}"],
        ["compare", "scout", "{}"],
        ["show", "scout", "--format", "{}"],
        ["{}"],
    ],
)
def test_a_long_argument_is_quoted_once_and_cut(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    long = "ab" * 2500
    code, out, err = _run(capsys, *[part.replace("{}", long) for part in args])
    assert code == 2
    assert out == ""
    assert long[:200] not in err
    assert "(5,000 characters)" in err
    assert f"'{long[:80]}…'" in err
    assert len(err) < 1500


def test_a_short_argument_is_quoted_whole(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(capsys, "show", "x" * 80)
    assert f"'{'x' * 80}'" in err
    assert "characters)" not in err


# ------------------------------------------------------------ card, links


def test_the_fingerprint_has_one_form(capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = _run(capsys, "card")
    _, data, _ = _run(capsys, "card", "--format", "json")
    import json

    fingerprint = json.loads(data)["fingerprint"]
    assert fingerprint == f"sha256:{llama_cards.card().fingerprint}"
    assert f"fingerprint    {fingerprint}\n" in text


@pytest.mark.parametrize("spec", ["", " ", "\t"])
def test_an_empty_version_spec_is_bad_input(capsys: pytest.CaptureFixture[str], spec: str) -> None:
    code, out, err = _run(capsys, "card", "--require", spec)
    assert (code, out) == (2, "")
    assert "expected a PEP 440 version specifier" in err


def test_license_and_assess_give_the_policy_one_link(capsys: pytest.CaptureFixture[str]) -> None:
    policy = llama_cards.license_terms().use_policy_url
    _, license_text, _ = _run(capsys, "license")
    _, assess_text, _ = _run(capsys, "assess", "--domicile", "DE")
    assert f"  {policy}\n" in license_text
    assert f"  {policy}\n" in assess_text
    assert "USE_POLICY.md" not in license_text + assess_text


# ------------------------------------------------------------------ output


class _Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


class _FullOnFlush(io.StringIO):
    def flush(self) -> None:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("stream", [_Full, _FullOnFlush])
@pytest.mark.parametrize("args", [["models"], ["export"], ["--help"], ["--version"]])
def test_a_full_stdout_is_an_output_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stream: type[io.StringIO],
    args: list[str],
) -> None:
    monkeypatch.setattr("sys.stdout", stream())
    assert main(args) == 3
    err = capsys.readouterr().err
    assert err == (
        "llama-cards: error: cannot write the answer: standard output failed: No space left "
        "on device (errno 28)\n"
    )


def test_a_closed_stdout_is_an_output_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout", None)
    assert main(["models"]) == 3
    assert capsys.readouterr().err == (
        "llama-cards: error: cannot write the answer: standard output is closed\n"
    )


def _script(shell: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        ["sh", "-c", shell, "sh", sys.executable],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")


@needs_posix
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", ["models", "export", "--help", "--version"])
def test_dev_full_for_real(args: str) -> None:
    done = _script(f'"$1" -m llama_cards {args} > /dev/full')
    assert done.returncode == 3, done.stderr
    assert done.stderr == (
        "llama-cards: error: cannot write the answer: standard output failed: No space left "
        "on device (errno 28)\n"
    )


@needs_posix
@pytest.mark.parametrize("args", ["models", "--version"])
def test_closed_stdout_for_real(args: str) -> None:
    done = _script(f'"$1" -m llama_cards {args} >&-')
    assert done.returncode == 3, done.stderr
    assert done.stderr == (
        "llama-cards: error: cannot write the answer: standard output is closed\n"
    )


def test_help_documents_exit_code_3(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--help")
    assert "3 the answer could not be written" in " ".join(out.split())


# ------------------------------------------------------------------ import cost


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from llama_cards.cli import main\n"
        "import contextlib, io\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({args!r})\n"
        "print(' '.join(name for name in ('pydantic', 'pydantic_core') if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return set(done.stdout.split())


def test_help_imports_no_pydantic() -> None:
    assert _modules_after(["--help"]) == set()
    assert _modules_after(["check-context", "--help"]) == set()


def test_version_imports_no_pydantic() -> None:
    assert _modules_after(["--version"]) == set()


def test_version_imports_no_pydantic_models() -> None:
    assert "pydantic" not in _modules_after(["--version"])


def test_show_does_not_need_the_whole_card(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    # The footer needs the card document's title, version and month only.
    code, out, _ = _run(capsys, "show", "scout")
    assert code == 0
    document = {d.id: d for d in llama_cards.card().documents}["azure-card"]
    assert f"Source: {document.title}, card version {document.version} ({document.updated});" in out
