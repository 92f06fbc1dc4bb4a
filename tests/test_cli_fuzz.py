"""The command line, fed anything: it answers, says "no", or gives a one-line error.

Argument lists are built from the commands and their options, filled with values a user
might type and text nobody should; whatever they hold, ``main()`` returns 0, 1 or 2, never
raises, and never prints a traceback. The count of inputs tried is printed at the end.
"""

from __future__ import annotations

import contextlib
import io
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llama_cards.cli import main

TRIED: Counter[str] = Counter()

OPTIONS = {
    "models": ["--min-context", "--input-modality", "--language", "--format"],
    "show": ["--format"],
    "scores": ["--model", "--benchmark", "--category", "--table", "--subtask", "--format"],
    "compare": ["--table", "--format"],
    "benchmarks": ["--table", "--format"],
    "languages": ["--format"],
    "check-language": ["--model", "--format"],
    "check-context": ["--max-new-tokens", "--format"],
    "check-images": ["--format"],
    "license": ["--format"],
    "assess": [
        "--domicile",
        "--individual",
        "--end-user",
        "--monthly-active-users",
        "--model",
        "--format",
    ],
    "card": ["--require", "--format"],
    "schema": ["--format"],
    "export": ["--format"],
    "model-index": ["--table", "--format"],
}
VALUES = st.one_of(
    st.sampled_from(
        [
            "scout",
            "maverick",
            "llama-3.1-405b",
            "pretrained",
            "instruct",
            "mmlu",
            "MMLU Pro",
            "eng->kgv",
            "image",
            "pt-BR",
            "en--US",
            "DE",
            "UK",
            ">=4",
            "",
            "json",
            "csv",
            "markdown",
            "text",
            "10M",
            "1.5M",
            "1,5",
            "-1",
            "1_000",
            "0",
            "--",
            "-h",
            "table='x'",
            "min_context",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.text(max_size=20),
    st.text(min_size=90, max_size=400),
)


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from([*OPTIONS, "nonsense", "--version"]))
    words = [command]
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        kind = draw(st.integers(min_value=0, max_value=3))
        if kind == 0:
            words.append(draw(VALUES))
        else:
            words.append(draw(st.sampled_from(OPTIONS.get(command, ["--format"]))))
            words.append(draw(VALUES))
    return words


@settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(argv())
def test_the_command_line_never_shows_a_traceback(args: list[str]) -> None:
    TRIED["argv"] += 1
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    text = err.getvalue()
    assert code in (0, 1, 2), (args, code, text)
    assert "Traceback" not in text
    if code == 2:
        assert out.getvalue() == ""
        assert text.endswith("\n")
        last = text.rstrip("\n").split("\n")[-1]
        assert last.startswith("llama-cards"), last
        assert ": error: " in last
        # A long argument is quoted, cut, once: never the whole of it.
        for word in args:
            if len(word) > 120:
                assert word not in text, word
    else:
        assert text == ""


def test_inputs_tried() -> None:
    """Runs after the fuzz test: says how many argument lists it tried."""
    print(f"\ncommand-line fuzz inputs tried: {TRIED['argv']}")
