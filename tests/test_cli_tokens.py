"""``llama-cards count-tokens`` and ``check-request``: counts, exit codes, every refusal.

The counts are those of Meta's prompt-format document (its chat takes 31 tokens) and of
the library, which ``tests/test_tokens.py`` checks against Meta's own code. The commands
that count need the ``tokenizer`` extra; without it they must say, in one line, what to
install.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import llama_cards
from llama_cards.cli import main

HAS_TOKENIZER = sys.version_info >= (3, 10) and importlib.util.find_spec("llama_models") is not None
needs_tokenizer = pytest.mark.skipif(
    not HAS_TOKENIZER,
    reason="Meta's tokenizer (the tokenizer extra: llama-models, Python 3.10+) is not installed, "
    "as on Python 3.9 and in the lowest-versions session",
)

DOCUMENTED_CHAT = [
    {"role": "system", "content": "You are a helpful assistant"},
    {"role": "user", "content": "Answer who are you in the form of jeopardy?"},
]
"""The chat of the prompt-format document: 31 prompt tokens with the generation prompt."""


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Any:
    def runner(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return runner


@pytest.fixture
def chat_file(tmp_path: Path) -> Path:
    path = tmp_path / "messages.json"
    path.write_text(json.dumps(DOCUMENTED_CHAT), encoding="utf-8")
    return path


def _one_line_error(result: Run, *words: str) -> None:
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("llama-cards: error: ")
    assert len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err, result.err


# ------------------------------------------------------------------ count-tokens


@needs_tokenizer
def test_count_tokens_of_a_file(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "prompt.txt"
    path.write_bytes(b"You are a helpful assistant")
    result = run("count-tokens", str(path))
    assert (result.code, result.out, result.err) == (0, "5\n", "")


@needs_tokenizer
def test_count_tokens_keeps_line_ends_as_they_are(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    text = "one\r\ntwo\n\n\nthree\r"
    path.write_bytes(text.encode())
    result = run("count-tokens", str(path), "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == {
        "file": str(path),
        "characters": len(text),
        "tokens": llama_cards.count_tokens(text),
    }


@needs_tokenizer
def test_count_tokens_of_standard_input(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"<|eot|>"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    result = run("count-tokens", "--format", "csv")
    assert result.code == 0
    assert list(csv.reader(io.StringIO(result.out))) == [
        ["file", "characters", "tokens"],
        ["-", "7", "5"],
    ]


def test_count_tokens_refuses_a_missing_file(run: Any, tmp_path: Path) -> None:
    _one_line_error(run("count-tokens", str(tmp_path / "absent.txt")), "cannot read", "absent.txt")


def test_count_tokens_refuses_text_that_is_not_utf8(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("café".encode("latin-1"))
    _one_line_error(run("count-tokens", str(path)), "is not UTF-8 text (byte 3", "convert it")


def test_count_tokens_refuses_a_closed_stdin(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    _one_line_error(run("count-tokens", "-"), "standard input is closed")


# ----------------------------------------------------------------- check-request


@needs_tokenizer
def test_check_request_that_fits(run: Any, chat_file: Path) -> None:
    result = run("check-request", "scout", str(chat_file), "--max-new-tokens", "100")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "yes: 31 prompt tokens and up to 100 new tokens fit in the context of Llama 4 Scout "
        "(17Bx16E),\n10,000,000 tokens\n"
    )


@needs_tokenizer
def test_check_request_that_does_not_fit(run: Any, chat_file: Path) -> None:
    result = run("check-request", "maverick", str(chat_file), "--max-new-tokens", "1M")
    assert result.code == 1
    assert " ".join(result.out.split()) == (
        "no: Llama 4 Maverick (17Bx128E) has a context length of 1,000,000 tokens, but the "
        "request needs 1,000,031 (over by 31); shorten the prompt, lower --max-new-tokens, or "
        "pick a model with a longer context (llama-cards models --min-context N)"
    )


@needs_tokenizer
def test_check_request_as_json_reads_back(run: Any, chat_file: Path) -> None:
    result = run("check-request", "maverick", str(chat_file), "--format", "json")
    assert result.code == 0
    written = json.loads(result.out)
    message = written.pop("message")
    assert message == (
        "31 prompt tokens fit in the context of Llama 4 Maverick (17Bx128E), 1,000,000 tokens"
    )
    expected = llama_cards.check_request("maverick", DOCUMENTED_CHAT)
    assert llama_cards.RequestCheck.model_validate(written) == expected


@needs_tokenizer
def test_check_request_as_csv(run: Any, chat_file: Path) -> None:
    result = run("check-request", "maverick", str(chat_file), "--format", "csv")
    assert result.code == 0
    header, row = csv.reader(io.StringIO(result.out))
    assert dict(zip(header, row)) == {
        "model": "llama-4-maverick",
        "checkpoint": "",
        "prompt_tokens": "31",
        "max_new_tokens": "0",
        "requested_tokens": "31",
        "limit": "1000000",
        "limit_kind": "context_length",
        "fits": "True",
        "over_by": "0",
        "images": "0",
        "max_tested_images": "5",
        "images_within_tested": "True",
        "modalities": "text",
        "modalities_accepted": "True",
        "warnings": "",
    }


@needs_tokenizer
def test_check_request_takes_a_request_body_and_warns_of_untested_images(
    run: Any, tmp_path: Path
) -> None:
    image = {"type": "image", "columns": 1, "rows": 1}
    body = {"model": "any", "messages": [{"role": "user", "content": [image] * 6}]}
    path = tmp_path / "request.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    result = run("check-request", "scout", str(path))
    assert result.code == 0
    assert " ".join(result.out.split()).endswith(
        "warning: 6 images is more than the 5 the card says were tested; more may work, but "
        "test the application with them"
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not json", ["is not JSON"]),
        ('{"role": "user"}', ["must hold a JSON list of messages"]),
        ('[{"role": "bot", "content": "Hi"}]', ["messages[0]['role']", "unknown role 'bot'"]),
        (
            '[{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]',
            ["'image_url' part", "columns"],
        ),
    ],
)
def test_check_request_refuses_bad_messages(
    run: Any, tmp_path: Path, content: str, words: list[str]
) -> None:
    path = tmp_path / "messages.json"
    path.write_text(content, encoding="utf-8")
    _one_line_error(run("check-request", "scout", str(path)), *words)


def test_check_request_refuses_an_unknown_model(run: Any, chat_file: Path) -> None:
    _one_line_error(run("check-request", "llama 5", str(chat_file)), "unknown model 'llama 5'")


@pytest.mark.skipif(
    "max_sequence_length" in llama_cards.HuggingFaceRepo.model_fields,
    reason="the shipped checkpoints now carry their sequence limits",
)
def test_check_request_refuses_a_checkpoint_without_a_known_limit(
    run: Any, chat_file: Path
) -> None:
    result = run(
        "check-request", "scout", str(chat_file), "--checkpoint", "meta-llama/Llama-4-Scout-17B-16E"
    )
    _one_line_error(result, "no maximum sequence length is known", "leave --checkpoint out")


def test_check_request_refuses_a_bad_count(run: Any, chat_file: Path) -> None:
    result = run("check-request", "scout", str(chat_file), "--max-new-tokens", "1,5")
    assert result.code == 2
    assert "argument --max-new-tokens: expected a whole number" in result.err


# ------------------------------------------------------------ output and the extra


def _script(shell: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", shell, "sh", sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_tokenizer
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_an_answer_that_cannot_be_written_exits_3(chat_file: Path) -> None:
    done = _script('"$1" -m llama_cards check-request scout "$2" > /dev/full', str(chat_file))
    assert done.returncode == 3, done.stderr
    assert done.stderr == (
        "llama-cards: error: cannot write the answer: standard output failed: No space left "
        "on device (errno 28)\n"
    )


@pytest.mark.skipif(
    sys.version_info < (3, 10), reason="before 3.10 the error names the Python it needs"
)
@pytest.mark.parametrize("command", ["count-tokens", "check-request scout"])
def test_without_the_extra_one_line_names_the_install_command(
    command: str, chat_file: Path
) -> None:
    code = (
        "import sys\n"
        "sys.modules['llama_models'] = None  # as if not installed\n"
        "from llama_cards.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *command.split(), str(chat_file)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("llama-cards: error: counting tokens needs Meta's Llama 4 tokenizer")
    assert line.endswith('install it with pip install "llama-cards[tokenizer]"')
