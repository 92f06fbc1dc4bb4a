"""Every command of ``llama-cards``, run in-process through ``main()``, against the card.

The expected values are written from the card (the tables of the Azure AI Foundry entry,
cross-checked against Meta's model card); JSON output must read back into the library's
own records. ``test_cli.py`` runs the real console script in a subprocess.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import tokenize
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import llama_cards
from llama_cards import _layout, cli
from llama_cards.cli import main

CLI_SOURCE = Path(cli.__file__)
ANSI = re.compile(r"\x1b\[")


class Run:
    """What one in-process run of the command gave."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    def json(self) -> Any:
        return json.loads(self.out)

    def rows(self) -> list[list[str]]:
        """The text lines split into cells at runs of two or more spaces."""
        return [re.split(r" {2,}", line.strip()) for line in self.out.splitlines()]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Any:
    def runner(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return runner


def _ok(result: Run) -> Run:
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def _usage_error(result: Run, *words: str) -> None:
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("llama-cards: error: ")
    assert result.err.endswith("\n")
    assert len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err
    for word in words:
        assert word in result.err


# ------------------------------------------------------------------ models


MODEL_ROWS = [
    # id, name, active, total, experts, context, input, output: the card's spec table
    [
        "llama-4-scout",
        "Llama 4 Scout",
        "17B",
        "109B",
        "16",
        "10,000,000",
        "text, image",
        "text, code",
    ],
    [
        "llama-4-maverick",
        "Llama 4 Maverick",
        "17B",
        "400B",
        "128",
        "1,000,000",
        "text, image",
        "text, code",
    ],
]


def test_models_text_is_the_spec_table(run: Any) -> None:
    result = _ok(run("models"))
    header, *rows = result.rows()
    assert header == ["Id", "Name", "Active", "Total", "Experts", "Context", "Input", "Output"]
    assert rows == MODEL_ROWS


def test_models_markdown_csv_and_json(run: Any) -> None:
    markdown = _ok(run("models", "--format", "markdown")).out.splitlines()
    assert markdown[0] == "| Id | Name | Active | Total | Experts | Context | Input | Output |"
    assert markdown[2] == "| " + " | ".join(MODEL_ROWS[0]) + " |"

    records = list(csv.DictReader(io.StringIO(_ok(run("models", "--format", "csv")).out)))
    assert [(r["id"], r["name"], r["context_length"], r["experts"]) for r in records] == [
        ("llama-4-scout", "Llama 4 Scout (17Bx16E)", "10000000", "16"),
        ("llama-4-maverick", "Llama 4 Maverick (17Bx128E)", "1000000", "128"),
    ]
    assert records[1]["total_parameters"] == "400000000000"
    assert records[0]["input_modalities"] == "text;image"
    assert records[0]["knowledge_cutoff"] == "2024-08"

    data = _ok(run("models", "--format", "json")).json()
    assert [llama_cards.Model.model_validate(item) for item in data] == list(llama_cards.models())


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (["--min-context", "2000000"], ["llama-4-scout"]),
        (["--min-context", "1,000,000"], ["llama-4-scout", "llama-4-maverick"]),
        (["--min-context", "10_000_001"], []),
        (["--input-modality", "IMAGE"], ["llama-4-scout", "llama-4-maverick"]),
        (["--language", "pt-BR"], ["llama-4-scout", "llama-4-maverick"]),
        (["--language", "ko"], []),
    ],
)
def test_models_filters(run: Any, options: list[str], ids: list[str]) -> None:
    data = _ok(run("models", *options, "--format", "json")).json()
    assert [item["id"] for item in data] == ids
    text = _ok(run("models", *options)).out
    if ids:
        assert [row[0] for row in Run(0, text, "").rows()[1:]] == ids
    else:
        assert text == "no model of the card meets these conditions\n"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--input-modality", "audio"], ["unknown modality 'audio'", "'text', 'image', 'code'"]),
        (["--language", "en--US"], ["not a well-formed language tag"]),
        (["--min-context", "-1"], ["--min-context must be zero or more"]),
    ],
)
def test_models_bad_filters(run: Any, options: list[str], words: list[str]) -> None:
    _usage_error(run("models", *options), *words)


# -------------------------------------------------------------------- show


def test_show_text(run: Any) -> None:
    out = _ok(run("show", "maverick")).out
    for fact in [
        "Llama 4 Maverick (17Bx128E)",
        "17,000,000,000 active / 400,000,000,000 total",
        "1,000,000 tokens (printed 1M)",
        "22,000,000,000,000 (approximate) (printed ~22T)",
        "2024-08",
        "2025-04-05",
        "2,380,000",
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        "Source: Llama 4 Scout 17B 16E Instruct, card version 4 (2026-03)",
    ]:
        assert fact in out


def test_show_json_is_the_model_record(run: Any) -> None:
    data = _ok(run("show", "Llama-4-Scout-17B-16E-Instruct", "--format", "json")).json()
    assert llama_cards.Model.model_validate(data) == llama_cards.model("scout")


def test_show_unknown_model(run: Any) -> None:
    _usage_error(run("show", "mavrick"), "unknown model 'mavrick'", "'llama-4-maverick'")


# ------------------------------------------------------------------ scores


def test_scores_text_lays_out_the_pretrained_table(run: Any) -> None:
    result = _ok(run("scores", "--table", "pretrained"))
    rows = result.rows()
    assert rows[0] == ["Pre-trained models"]
    assert rows[1] == ["Llama 3.1", "Llama 3.1", "Llama 4", "Llama 4"]
    assert rows[2] == ["Benchmark", "Shots", "Metric", "70B", "405B", "Scout", "Maverick"]
    body = rows[3:]
    # Category, then its rows; a cell without a number shows a mark and the card's reason.
    assert body == [
        ["Reasoning & Knowledge"],
        ["MMLU", "5", "macro_avg/acc_char", "79.3", "85.2", "79.6", "85.5"],
        ["MMLU-Pro", "5", "macro_avg/em", "53.8", "61.6", "58.2", "62.9"],
        ["MATH", "4", "em_maj1@1", "41.6", "53.5", "50.3", "61.2"],
        ["Code"],
        ["MBPP", "3", "pass@1", "66.4", "74.4", "67.8", "77.6"],
        ["Multilingual"],
        ["TydiQA", "1", "average/f1", "29.9", "34.3", "31.5", "31.7"],
        ["Image"],
        ["ChartQA", "0", "relaxed_accuracy", "n/a¹", "n/a¹", "83.4", "85.3"],
        ["DocVQA", "0", "anls", "n/a¹", "n/a¹", "89.4", "91.6"],
        [""],
        ["¹ No multimodal support"],
    ]


def test_scores_text_instruct_cells_reasons_and_footnote(run: Any) -> None:
    out = _ok(run("scores", "--table", "instruct")).out
    rows = Run(0, out, "").rows()
    assert ["Llama 3.3", "Llama 3.1", "Llama 4", "Llama 4"] in rows
    assert ["MMMU Pro^", "0", "accuracy", "n/a¹", "n/a¹", "52.2", "59.6"] in rows
    assert ["GPQA Diamond", "0", "accuracy", "50.5", "49.0", "57.2", "69.8"] in rows
    # Two-number cells as the card prints them; the long name wraps to fit.
    assert ["MTOB (half book)", "-", "chrF", "n/a²", "n/a²", "42.2/36.6", "54.0/46.4"] in rows
    assert ["MTOB (full book)", "-", "chrF", "n/a²", "n/a²", "39.7/36.3", "50.8/46.7"] in rows
    assert "¹ No multimodal support" in out
    assert "² Context window is 128K" in out
    assert "^ The score is the mean of the MMMU Pro Standard and Vision task scores." in out


def test_scores_text_one_model_one_subtask(run: Any) -> None:
    rows = _ok(run("scores", "--model", "scout", "--subtask", "eng->kgv")).rows()
    assert rows[0] == ["Instruction tuned models"]
    assert ["MTOB (half book) eng->kgv/kgv->eng (eng->kgv)", "-", "chrF", "42.2"] in rows
    assert ["MTOB (full book) eng->kgv/kgv->eng (eng->kgv)", "-", "chrF", "39.7"] in rows


def test_scores_both_tables_when_no_table_is_given(run: Any) -> None:
    out = _ok(run("scores", "--benchmark", "MMLU Pro", "--model", "maverick")).out
    assert "Pre-trained models" in out
    assert "Instruction tuned models" in out
    rows = Run(0, out, "").rows()
    assert ["MMLU-Pro", "5", "macro_avg/em", "62.9"] in rows
    assert ["MMLU Pro", "0", "macro_avg/em", "80.5"] in rows


def test_scores_machine_forms_are_the_library_s(run: Any) -> None:
    selected = llama_cards.scores(category="image")
    data = _ok(run("scores", "--category", "image", "--format", "json")).json()
    assert [llama_cards.Score.model_validate(item) for item in data] == list(selected)
    assert _ok(run("scores", "--category", "image", "--format", "csv")).out == selected.to_csv()
    markdown = _ok(run("scores", "--category", "image", "--format", "markdown")).out
    assert markdown == selected.to_markdown() + "\n"
    assert len(_ok(run("scores", "--format", "json")).json()) == len(llama_cards.scores())


def test_scores_empty_selection(run: Any) -> None:
    # Known names that select nothing are an error, as in the library: never an empty answer.
    options = ["scores", "--model", "llama-3.3-70b", "--table", "pretrained"]
    for form in ("text", "json", "markdown", "csv"):
        result = run(*options, "--format", form)
        assert result.code == 2
        assert result.out == ""
        assert "no score in the pretrained table with model 'llama-3.3-70b'" in result.err


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--benchmark", "MMLU Prof"], ["unknown benchmark 'MMLU Prof'", "mmlu-pro"]),
        (["--model", "llama 5"], ["unknown model 'llama 5'"]),
        (["--table", "chat"], ["unknown benchmark table 'chat'", "'instruct'"]),
        (["--category", "vision"], ["unknown benchmark category 'vision'", "'Image'"]),
        (["--subtask", "eng->fra"], ["unknown subtask 'eng->fra'", "'eng->kgv'"]),
        (
            ["--benchmark", "mmlu", "--subtask", "eng->kgv"],
            ["subtask 'eng->kgv' was given, but no benchmark selected reports subtasks"],
        ),
    ],
)
def test_scores_bad_options(run: Any, options: list[str], words: list[str]) -> None:
    _usage_error(run("scores", *options), *words)


# ----------------------------------------------------------------- compare


def test_compare_text_rows_and_bars(run: Any) -> None:
    out = _ok(run("compare", "maverick", "llama-3.1-405b")).out
    lines = out.splitlines()
    assert lines[:3] == [
        "a: Llama 4 Maverick",
        "b: Llama 3.1 405B",
        "a-b for each benchmark cell both have; bars are scaled to the largest gap, 20.8",
    ]
    rows = Run(0, out, "").rows()
    assert ["MMLU", "macro_avg/acc_char", "85.5", "85.2", "+0.3", "│▌"] in rows
    assert ["MATH", "em_maj1@1", "61.2", "53.5", "+7.7", "│█████▌"] in rows
    assert ["TydiQA", "average/f1", "31.7", "34.3", "-2.6", "██│"] in rows
    # The largest gap fills half the bar column.
    assert ["GPQA Diamond", "accuracy", "69.8", "49.0", "+20.8", "│" + "█" * 15] in rows
    assert ["ChartQA", "relaxed_accuracy", "85.3", "n/a¹"] in rows
    assert ["eng->kgv", "54.0", "n/a²"] in rows
    assert "¹ No multimodal support" in out
    assert "² Context window is 128K" in out
    # In each table, every bar's axis sits in the column of the header's.
    for table in out.split("\nInstruction tuned models\n"):
        axis = {line.index("│") for line in table.splitlines() if "│" in line}
        assert len(axis) == 1


def test_compare_machine_forms_are_the_library_s(run: Any) -> None:
    comparison = llama_cards.compare("scout", "maverick", table="pretrained")
    options = ["compare", "scout", "maverick", "--table", "pretrained"]
    assert _ok(run(*options, "--format", "json")).json() == comparison.to_records()
    markdown = _ok(run(*options, "--format", "markdown")).out
    assert markdown == comparison.to_markdown() + "\n"
    records = list(csv.DictReader(io.StringIO(_ok(run(*options, "--format", "csv")).out)))
    assert [(r["benchmark"], r["value_a"], r["value_b"], r["difference"]) for r in records] == [
        ("mmlu", "79.6", "85.5", "-5.9"),
        ("mmlu-pro", "58.2", "62.9", "-4.7"),
        ("math", "50.3", "61.2", "-10.9"),
        ("mbpp", "67.8", "77.6", "-9.8"),
        ("tydiqa", "31.5", "31.7", "-0.2"),
        ("chartqa", "83.4", "85.3", "-1.9"),
        ("docvqa", "89.4", "91.6", "-2.2"),
    ]


def test_compare_a_tie_and_models_without_a_common_table(run: Any) -> None:
    rows = _ok(run("compare", "scout", "maverick", "--table", "instruct")).rows()
    assert ["DocVQA (test)", "anls", "94.4", "94.4", "0.0", "│"] in rows
    result = _ok(run("compare", "llama-3.3-70b", "llama-3.1-70b"))
    assert result.out.startswith(
        "Llama 3.3 70B and Llama 3.1 70B have no benchmark cell in common\n\nSpecs"
    )
    assert ["context length", "128,000 tokens", "128,000 tokens"] in result.rows()
    assert _ok(run("compare", "llama-3.3-70b", "llama-3.1-70b", "--format", "json")).json() == []


def test_compare_unknown_model(run: Any) -> None:
    _usage_error(run("compare", "scout", "llama 3"), "unknown model 'llama 3'")


@pytest.mark.parametrize(
    ("difference", "expected"),
    [
        (20.8, " " * 15 + "│" + "█" * 15),
        (-20.8, "█" * 15 + "│"),
        (10.4, " " * 15 + "│" + "█" * 7 + "▌"),
        (-10.4, " " * 7 + "▐" + "█" * 7 + "│"),
        (0.01, " " * 15 + "│▌"),  # too small to scale, still shown
        (0.0, " " * 15 + "│"),
    ],
)
def test_bar(difference: float, expected: str) -> None:
    assert cli._bar(difference, 20.8, 15) == expected


@given(
    st.floats(min_value=-1000, max_value=1000, allow_nan=False),
    st.floats(min_value=0.001, max_value=1000, allow_nan=False),
    st.integers(min_value=1, max_value=40),
)
def test_bar_properties(difference: float, largest: float, half: int) -> None:
    largest = max(largest, abs(difference))
    bar = cli._bar(difference, largest, half)
    assert len(bar) <= 2 * half + 1
    assert bar.index("│") == (half if difference >= 0 else len(bar) - 1)
    blocks = bar.replace(" ", "").replace("│", "")
    assert (blocks == "") == (difference == 0)
    assert set(blocks) <= ({"█", "▌"} if difference > 0 else {"█", "▐"})
    length = blocks.count("█") * 2 + (len(blocks) - blocks.count("█"))
    assert length <= 2 * half
    if difference == largest:
        assert blocks == "█" * half


# -------------------------------------------------------------- benchmarks


def test_benchmarks(run: Any) -> None:
    rows = _ok(run("benchmarks", "--table", "pretrained")).rows()
    assert rows[:3] == [
        ["Pre-trained models"],
        ["Id", "Name", "Category", "Shots", "Metric"],
        ["mmlu", "MMLU", "Reasoning & Knowledge", "5", "macro_avg/acc_char"],
    ]
    assert len(rows) == 2 + 7
    # Notes follow a table after one blank line, once; a table without notes ends at its rows.
    assert _ok(run("benchmarks", "--table", "pretrained")).out.endswith(" anls\n")
    instruct = _ok(run("benchmarks", "--table", "instruct")).out
    assert instruct.endswith(
        " chrF\n\n^ The score is the mean of the MMMU Pro Standard and Vision task scores.\n"
    )
    assert instruct.count("MMMU Pro Standard") == 1
    rows = _ok(run("benchmarks")).rows()
    assert [
        "mtob-half-book",
        "MTOB (half book) eng->kgv/kgv->eng",
        "Long context",
        "-",
        "chrF",
    ] in (rows)
    data = _ok(run("benchmarks", "--format", "json")).json()
    assert [llama_cards.Benchmark.model_validate(item) for item in data] == list(
        llama_cards.benchmarks()
    )
    records = list(csv.DictReader(io.StringIO(_ok(run("benchmarks", "--format", "csv")).out)))
    assert records[-1]["subtasks"] == "eng->kgv;kgv->eng"
    assert records[-1]["shots"] == ""
    markdown = _ok(run("benchmarks", "--format", "markdown")).out.splitlines()
    assert markdown[0] == "| Table | Id | Name | Category | Shots | Metric |"
    assert "| instruct | mmmu-pro | MMMU Pro^ | Image Reasoning | 0 | accuracy |" in markdown


# --------------------------------------------------------------- languages


LANGUAGE_ROWS = [
    # the card's order; ISO 639-1, 639-2/T, 639-2/B, 639-3
    ["Arabic", "العربية", "ar", "ara", "ara", "ara", "arb"],
    ["English", "English", "en", "eng", "eng", "eng"],
    ["French", "français", "fr", "fra", "fre", "fra"],
    ["German", "Deutsch", "de", "deu", "ger", "deu"],
    ["Hindi", "हिन्दी", "hi", "hin", "hin", "hin"],
    ["Indonesian", "Indonesia", "id", "ind", "ind", "ind", "in"],
    ["Italian", "italiano", "it", "ita", "ita", "ita"],
    ["Portuguese", "português", "pt", "por", "por", "por"],
    ["Spanish", "español", "es", "spa", "spa", "spa"],
    ["Tagalog", "Tagalog", "tl", "tgl", "tgl", "tgl", "fil"],
    ["Thai", "ไทย", "th", "tha", "tha", "tha"],
    ["Vietnamese", "Tiếng Việt", "vi", "vie", "vie", "vie"],
]


def test_languages(run: Any) -> None:
    result = _ok(run("languages"))
    rows = result.rows()
    assert rows[0] == ["Name", "Native name", "639-1", "639-2/T", "639-2/B", "639-3", "Also"]
    assert rows[1:13] == LANGUAGE_ROWS
    assert "Pre-training covered 200 languages in all." in result.out
    data = _ok(run("languages", "--format", "json")).json()
    assert [llama_cards.Language.model_validate(item) for item in data] == list(
        llama_cards.languages()
    )
    records = list(csv.DictReader(io.StringIO(_ok(run("languages", "--format", "csv")).out)))
    assert [r["iso639_1"] for r in records] == [row[2] for row in LANGUAGE_ROWS]
    assert records[0]["equivalents"] == "arb"
    markdown = _ok(run("languages", "--format", "markdown")).out.splitlines()
    assert markdown[3] == "| English | English | en | eng | eng | eng |  |"


# ------------------------------------------------------------------ checks


@pytest.mark.parametrize(
    ("args", "code", "start"),
    [
        (["pt-BR"], 0, "yes: 'pt-BR' names Portuguese (pt), a language the card supports"),
        (["FRE"], 0, "yes: 'FRE' names French (fr)"),
        (["Deutsch", "--model", "maverick"], 0, "yes: Llama 4 Maverick (17Bx128E) supports"),
        (["sw"], 1, "no: 'sw' is a well-formed tag of the language 'sw', which is not supported."),
        (["ja-JP", "--model", "scout"], 1, "no: Llama 4 Scout (17Bx16E) does not support 'ja-JP'"),
        (["en-USA"], 1, "no: 'en-USA' is a well-formed tag of the language 'usa'"),
    ],
)
def test_check_language(run: Any, args: list[str], code: int, start: str) -> None:
    result = run("check-language", *args)
    assert (result.code, result.err) == (code, "")
    assert result.out.startswith(start)
    data = run("check-language", *args, "--format", "json")
    assert data.code == code
    answer = data.json()
    assert answer["supported"] is (code == 0)
    assert answer["tag"] == args[0]
    assert " ".join(result.out[result.out.index(":") + 2 :].split()) == answer["message"]
    if code == 0:
        language = llama_cards.Language.model_validate(answer["language"])
        assert language == llama_cards.language(args[0])
    else:
        assert answer["language"] is None


@settings(max_examples=60, deadline=None)
@given(
    tag=st.one_of(
        st.sampled_from(["pt-BR", "de", "FRA", "Deutsch", "ja-JP", "sw", "zh-Hant-TW", "en--US"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", max_size=12),
    ),
    name=st.sampled_from([None, "scout", "maverick"]),
)
def test_check_language_answers_as_the_library(tag: str, name: Any) -> None:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    model = [] if name is None else ["--model", name]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check-language", *model, "--", tag])
    try:
        entry = llama_cards.language(tag)
    except llama_cards.InvalidLanguageTagError as error:
        assert (code, out.getvalue()) == (2, "")
        assert err.getvalue() == f"llama-cards: error: {' '.join(str(error).splitlines())}\n"
        return
    except llama_cards.UnsupportedLanguageError as error:
        # The card lists one set of languages for every model: its reason is the answer.
        assert code == 1
        assert " ".join(out.getvalue().split()).endswith(" ".join(str(error).split()))
        return
    assert code == 0
    assert out.getvalue().startswith("yes: ")
    assert f"{entry.name} ({entry.iso639_1})" in out.getvalue()
    if name is not None:
        assert llama_cards.model(name).supports_language(tag)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["en--US"], ["'en--US' is not a well-formed language tag", "'pt-BR'"]),
        (["Ukrainian"], ["not a well-formed language tag"]),
        (["fr", "--model", "llama 5"], ["unknown model 'llama 5'"]),
    ],
)
def test_check_language_bad_input(run: Any, args: list[str], words: list[str]) -> None:
    _usage_error(run("check-language", *args), *words)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        # Maverick holds 1M tokens, Scout 10M: the request is the prompt plus new tokens.
        (["maverick", "1000000"], 0),
        (["maverick", "1,000,001"], 1),
        (["maverick", "999999", "--max-new-tokens", "1"], 0),
        (["maverick", "999999", "--max-new-tokens", "2"], 1),
        (["scout", "10_000_000"], 0),
        (["scout", "10000001"], 1),
        (["llama-4-scout", "0"], 0),
    ],
)
def test_check_context(run: Any, args: list[str], code: int) -> None:
    result = run("check-context", *args)
    assert (result.code, result.err) == (code, "")
    assert result.out.startswith("yes: " if code == 0 else "no: ")
    answer = run("check-context", *args, "--format", "json")
    assert answer.code == code
    data = answer.json()
    assert data["fits"] is (code == 0)
    assert data["model"] == llama_cards.model(args[0]).id


def test_check_context_text(run: Any) -> None:
    result = run("check-context", "maverick", "1200000")
    assert result.code == 1
    assert result.out.startswith(
        "no: Llama 4 Maverick (17Bx128E) has a context length of 1,000,000 tokens, but the "
        "request needs\n1,200,000 (over by 200,000)"
    )
    assert result.out.endswith(
        "models whose context holds it: Llama 4 Scout (17Bx16E) (10,000,000 tokens)\n"
    )
    assert run("check-context", "scout", "10000001").out.endswith(
        "no model of the card has a context that holds it\n"
    )
    assert _ok(run("check-context", "maverick", "120000", "--max-new-tokens", "8192")).out == (
        "yes: 120,000 prompt tokens and up to 8,192 new tokens fit in the context of Llama 4 "
        "Maverick\n(17Bx128E), 1,000,000 tokens\n"
    )
    data = run("check-context", "maverick", "1200000", "--format", "json").json()
    assert data == {
        "model": "llama-4-maverick",
        "prompt_tokens": 1200000,
        "max_new_tokens": 0,
        "context_length": 1000000,
        "fits": False,
        "models_that_fit": ["llama-4-scout"],
        "message": data["message"],
    }
    assert data["message"].startswith("Llama 4 Maverick (17Bx128E) has a context length of")


@settings(max_examples=40, deadline=None)
@given(
    prompt=st.integers(min_value=0, max_value=12_000_000),
    new=st.integers(min_value=0, max_value=2_000_000),
    name=st.sampled_from(["scout", "maverick"]),
)
def test_check_context_answers_as_the_library(prompt: int, new: int, name: str) -> None:
    stream = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(stream):
        code = main(["check-context", name, f"{prompt:,}", "--max-new-tokens", str(new)])
    fits = llama_cards.model(name).fits_context(prompt, max_new_tokens=new)
    assert code == (0 if fits else 1)
    assert stream.getvalue().startswith("yes: " if fits else "no: ")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["scout", "-5"], ["PROMPT_TOKENS must be zero or more tokens, got -5"]),
        (["scout", "5", "--max-new-tokens", "-1"], ["--max-new-tokens must be zero or more"]),
        (["llama 5", "5"], ["unknown model 'llama 5'"]),
    ],
)
def test_check_context_bad_input(run: Any, args: list[str], words: list[str]) -> None:
    _usage_error(run("check-context", *args), *words)


@pytest.mark.parametrize(
    ("count", "code", "start"),
    [
        # The card: image understanding was tested with up to 5 input images.
        ("0", 0, "yes: 0 input images are within the 5"),
        ("1", 0, "yes: 1 input image is within the 5"),
        ("5", 0, "yes: 5 input images are within the 5"),
        ("6", 1, "no: 6 input images are more than the 5"),
    ],
)
def test_check_images(run: Any, count: str, code: int, start: str) -> None:
    result = run("check-images", count)
    assert (result.code, result.err) == (code, "")
    assert result.out.startswith(start)
    data = run("check-images", count, "--format", "json").json()
    assert data["within_tested"] is (code == 0)
    assert data["max_tested_images"] == llama_cards.MAX_TESTED_IMAGES


def test_check_images_negative(run: Any) -> None:
    _usage_error(run("check-images", "-1"), "count must be zero or more images, got -1")


# ----------------------------------------------------------------- licence


def test_license(run: Any) -> None:
    out = _ok(run("license")).out
    terms = llama_cards.license_terms()
    assert out.startswith("Llama 4 Community License Agreement\neffective 2025-04-05\n")
    assert terms.license_url in out
    assert terms.use_policy_url in out
    for term in terms.terms():
        assert term.id in out
    rows = Run(0, out, "").rows()
    assert ["1", "Breaking the law or infringing the rights of others"] in rows
    assert ["4.3", "spam"] in rows
    assert out.endswith(terms.disclaimer + "\n")
    data = _ok(run("license", "--format", "json")).json()
    assert llama_cards.LicenseTerms.model_validate(data) == terms


@pytest.mark.parametrize(
    ("options", "code", "kwargs"),
    [
        (["--domicile", "DE"], 1, {"domicile": "DE"}),
        (["--domicile", "de", "--end-user"], 0, {"domicile": "de", "end_user": True}),
        (["--domicile", "FR", "--individual"], 1, {"domicile": "FR", "entity": "individual"}),
        (["--domicile", "US"], 0, {"domicile": "US"}),
        (["--domicile", "NO"], 0, {"domicile": "NO"}),
        (["--domicile", "CH"], 0, {"domicile": "CH"}),
        # Section 2: more than 700 million monthly active users needs Meta's licence.
        (
            ["--domicile", "US", "--monthly-active-users", "700,000,000"],
            0,
            {"domicile": "US", "monthly_active_users": 700_000_000},
        ),
        (
            ["--domicile", "US", "--monthly-active-users", "700000001"],
            1,
            {"domicile": "US", "monthly_active_users": 700_000_001},
        ),
        (["--domicile", "IT", "--model", "scout"], 1, {"domicile": "IT", "model": "scout"}),
    ],
)
def test_assess(run: Any, options: list[str], code: int, kwargs: dict[str, Any]) -> None:
    verdict = llama_cards.assess_use(**kwargs)
    result = run("assess", *options)
    assert (result.code, result.err) == (code, "")
    assert result.out.startswith("yes: " if verdict.permitted else "no: ")
    for finding in verdict.findings:
        assert finding.clause in result.out
        # The command line names its flag where the library names its keyword argument.
        explanation = finding.explanation.replace("monthly_active_users", "--monthly-active-users")
        assert " ".join(explanation.split()[:4]) in " ".join(result.out.split())
    assert f"licensor: {verdict.licensor}" in result.out
    assert result.out.endswith(verdict.disclaimer + "\n")
    answer = run("assess", *options, "--format", "json")
    assert answer.code == code
    assert llama_cards.UseAssessment.model_validate(answer.json()) == verdict


def test_assess_text(run: Any) -> None:
    result = run("assess", "--domicile", "DE")
    assert result.out.startswith(
        "no: a company in DE may not use Llama 4 under the published terms\n"
    )
    assert result.out.splitlines()[2].startswith("blocks  Use Policy and License Notice  ")
    assert "is not granted the Section 1(a) rights" in " ".join(result.out.split())
    end_user = run("assess", "--domicile", "DE", "--end-user", "--individual").out
    assert end_user.startswith(
        "yes: an individual in DE, as an end user of a product that builds it in, may use "
        "Llama 4 under the\npublished terms\n"
    )
    assert "Obligations" in end_user


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--domicile", "UK"], ["'UK' is not an assigned ISO 3166-1 alpha-2", "use 'GB'"]),
        (["--domicile", "DEU"], ["three letters", "alpha-2"]),
        (["--domicile", "D"], ["two letters"]),
        (
            ["--domicile", "US", "--monthly-active-users", "-1"],
            ["--monthly-active-users must be zero or more users"],
        ),
        (["--domicile", "US", "--model", "llama 5"], ["unknown model 'llama 5'"]),
    ],
)
def test_assess_bad_input(run: Any, options: list[str], words: list[str]) -> None:
    _usage_error(run("assess", *options), *words)


# ------------------------------------------------------------ card, schema


def test_card(run: Any) -> None:
    current = llama_cards.card()
    rows = _ok(run("card")).rows()
    assert rows[0] == [current.title]
    assert ["card version", "4"] in rows
    assert ["updated", "2026-03"] in rows
    assert ["fingerprint", f"sha256:{current.fingerprint}"] in rows
    assert ["schema", llama_cards.SCHEMA_VERSION] in rows
    assert ["https://ai.azure.com/catalog/models/Llama-4-Scout-17B-16E-Instruct"] in rows
    data = _ok(run("card", "--format", "json")).json()
    assert data["version"] == str(current.version)
    assert data["updated"] == str(current.updated)
    assert data["fingerprint"] == f"sha256:{current.fingerprint}"
    assert data["schema_version"] == current.schema_version
    assert data["source"]["id"] == current.source.document
    assert data["shipped_versions"] == [str(c.version) for c in llama_cards.cards()]
    assert data["package_version"] == llama_cards.__version__


def test_card_require(run: Any) -> None:
    found = _ok(run("card", "--require", ">=4", "--format", "json")).json()
    assert (found["version"], found["require"], found["satisfied"]) == ("4", ">=4", True)
    assert _ok(run("card", "--require", ">=4")).out == _ok(run("card")).out
    # "No" is the answer of a check: on stdout, exit 1, as JSON when asked.
    missing = run("card", "--require", ">=9")
    assert (missing.code, missing.err) == (1, "")
    assert missing.out == (
        "no: no shipped card satisfies '>=9'; shipped versions are '4'; upgrade llama-cards for "
        "newer cards\n"
    )
    answer = run("card", "--require", ">=9", "--format", "json")
    assert (answer.code, answer.err) == (1, "")
    assert answer.json() == {
        "require": ">=9",
        "satisfied": False,
        "shipped_versions": ["4"],
        "package_version": llama_cards.__version__,
        "message": "no shipped card satisfies '>=9'; shipped versions are '4'; upgrade "
        "llama-cards for newer cards",
    }
    _usage_error(run("card", "--require", "four"), "not a PEP 440 version specifier")


def test_schema_and_export(run: Any) -> None:
    assert _ok(run("schema")).json() == llama_cards.json_schema()
    exported = _ok(run("export", "--format", "json")).out
    assert llama_cards.Card.from_json(exported) == llama_cards.card()
    assert exported == llama_cards.card().to_json(indent=2) + "\n"


def test_model_index(run: Any) -> None:
    data = _ok(run("model-index", "maverick", "--table", "instruct")).json()
    assert data == llama_cards.to_model_index("maverick", table="instruct")
    _usage_error(
        run("model-index", "maverick"),
        "a model-index describes one checkpoint",
        "give --table pretrained or --table instruct",
    )
    _usage_error(run("model-index", "llama-3.3-70b", "--table", "pretrained"), "no column")


# ------------------------------------------------------------ conventions


def _commands() -> dict[str, Any]:
    parser = cli._parser()
    (action,) = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(action.choices, dict)
    return dict(action.choices)


COMMANDS = sorted(_commands())


def test_every_command_of_the_issue_is_there() -> None:
    assert set(COMMANDS) >= {
        "models",
        "show",
        "scores",
        "compare",
        "languages",
        "check-language",
        "check-context",
        "license",
        "assess",
        "card",
        "schema",
        "export",
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_has_an_example(run: Any, command: str) -> None:
    result = _ok(run(command, "--help"))
    assert result.out.startswith(f"usage: llama-cards {command}")
    assert f"example: llama-cards {command}" in result.out
    assert "--format" in result.out
    # Examples are never wrapped, so each can be copied whole.
    epilog = _commands()[command].epilog
    assert epilog
    for example in epilog.splitlines():
        assert f"\n{example}\n" in result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_formats_of_every_command(command: str) -> None:
    (action,) = [a for a in _commands()[command]._actions if a.dest == "format"]
    tabular = {"models", "scores", "compare", "benchmarks", "languages", "claims", "discrepancies"}
    json_only = {"schema", "export", "model-index"}
    # One answer or one record each: CSV for scripts that collect many.
    one_row = {"count-tokens", "check-request", "memory", "architecture"}
    if command in tabular:
        assert tuple(action.choices) == ("text", "json", "csv", "markdown")
    elif command in one_row:
        assert tuple(action.choices) == ("text", "json", "csv")
    elif command in json_only:
        assert tuple(action.choices) == ("json",)
    else:
        assert tuple(action.choices) == ("text", "json")


TEXT_RUNS = [
    ["models"],
    ["show", "scout"],
    ["show", "maverick"],
    ["scores"],
    ["scores", "--model", "scout"],
    ["scores", "--benchmark", "mtob-half-book", "--subtask", "kgv->eng"],
    ["compare", "scout", "maverick"],
    ["compare", "maverick", "llama-3.1-405b"],
    ["compare", "llama-3.1-70b", "llama-3.1-405b"],
    ["benchmarks"],
    ["languages"],
    ["check-language", "sw"],
    ["check-language", "zh-Hant-TW", "--model", "maverick"],
    ["check-context", "maverick", "1200000", "--max-new-tokens", "8192"],
    ["check-images", "9"],
    ["license"],
    ["assess", "--domicile", "de"],
    ["assess", "--domicile", "de", "--end-user", "--individual"],
    ["assess", "--domicile", "us", "--monthly-active-users", "800000000"],
    ["card"],
    ["memory", "scout", "--precision", "int4", "--gpu", "h100-80gb"],
    ["memory", "maverick", "--precision", "bf16", "--context", "1M", "--gpu", "dgx-h100"],
    ["architecture", "maverick"],
    ["claims"],
    ["discrepancies"],
]


@pytest.mark.parametrize("args", TEXT_RUNS, ids=" ".join)
def test_text_fits_100_columns_without_colour(run: Any, args: list[str]) -> None:
    result = run(*args)
    assert result.code in (0, 1)
    assert result.err == ""
    assert result.out.endswith("\n")
    for line in result.out.splitlines():
        assert _layout.display_width(line) <= 100, line
        assert line == line.rstrip()
    assert not ANSI.search(result.out)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["show"],
        ["show", "scout", "--format", "csv"],
        ["check-context", "scout", "ten"],
        ["check-images", "1.5"],
        ["assess"],
        ["scores", "--form", "json"],  # no abbreviations: scripts stay valid as options grow
    ],
)
def test_usage_errors(run: Any, args: list[str]) -> None:
    result = run(*args)
    assert result.code == 2
    assert result.out == ""
    assert "usage: llama-cards" in result.err
    assert "Traceback" not in result.err


def test_version(run: Any) -> None:
    result = _ok(run("--version"))
    assert result.out == (
        f"llama-cards {llama_cards.__version__} (schema {llama_cards.SCHEMA_VERSION})\n"
    )


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["models"]) == 0
    assert capsys.readouterr().err == ""


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(**kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(llama_cards, "find_models", interrupted)
    assert main(["models"]) == 130


def test_a_terminal_without_the_signs_of_a_bar_gets_stand_ins() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    out = cli._Output(stream, colour=False)
    out.lines(["│█▌ n/a¹"])
    stream.flush()
    assert raw.getvalue() == b"??? n/a?\n"


# ------------------------------------------------------------------- colour


class _Stream:
    def __init__(self, tty: object) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        if isinstance(self.tty, Exception):
            raise self.tty
        return bool(self.tty)


@pytest.mark.parametrize(
    ("stream", "environ", "colour"),
    [
        (_Stream(True), {}, True),
        (_Stream(True), {"NO_COLOR": "1"}, False),
        (_Stream(True), {"NO_COLOR": "anything"}, False),
        (_Stream(True), {"NO_COLOR": ""}, True),  # no-color.org: set and not empty
        (_Stream(False), {}, False),
        (_Stream(ValueError("I/O operation on closed file")), {}, False),
        (object(), {}, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    stream: object, environ: dict[str, str], colour: bool
) -> None:
    assert cli._colour_enabled(stream, environ) is colour


def test_colour_codes_do_not_count_towards_the_width() -> None:
    codes = {"bold": "1", "green": "32"}

    def paint(text: str, name: str) -> str:
        return f"\x1b[{codes[name]}m{text}\x1b[0m"

    columns = [_layout.Column("Name", flex=True), _layout.Column("Gap", ">")]
    rows: list[Any] = ["Heading", ["x" * 150, ("+1.0", "green")]]
    shown = _layout.text_table(columns, rows, style=paint)
    plain = _layout.text_table(columns, rows)
    assert [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in shown] == plain
    header, heading, row, *rest = shown
    assert header.startswith("\x1b[1mName")
    assert heading == "\x1b[1mHeading\x1b[0m"
    assert row.endswith("\x1b[32m+1.0\x1b[0m")
    assert rest  # the long cell wrapped


# --------------------------------------------------------- helpers, tables


@pytest.mark.parametrize(
    ("count", "shown"),
    [(17_000_000_000, "17B"), (400_000_000_000, "400B"), (1_500_000, "1.5M"), (999, "999")],
)
def test_compact(count: int, shown: str) -> None:
    assert cli._compact(count) == shown


_WORD = st.text(st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=12)


@given(st.lists(st.tuples(st.lists(_WORD, max_size=60), _WORD), max_size=5))
def test_a_table_with_a_flexible_column_fits_the_page(rows: list[tuple[list[str], str]]) -> None:
    columns: list[_layout.Column | str] = [
        _layout.Column("Text", flex=True),
        _layout.Column("Word", ">"),
        "Tag",
    ]
    lines = _layout.text_table(columns, [[" ".join(words), word, "x"] for words, word in rows])
    for line in lines:
        assert len(line) <= 100
    # Wrapping moves words to new lines, and loses or breaks none.
    cells = [part for words, word in rows for part in [*words, word, "x"]]
    assert sorted(" ".join(lines).split()) == sorted(["Text", "Word", "Tag", *cells])


# ------------------------------------------------------------ a thin face


def test_the_cli_calls_only_the_public_api() -> None:
    # The public API, and the package's one table layout; nothing else of the package.
    tree = ast.parse(CLI_SOURCE.read_text(encoding="utf-8"))
    public = set(llama_cards.__all__)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name == "llama_cards" or not alias.name.startswith("llama"), alias
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            assert module in {"llama_cards", "llama_cards._layout"} or not module.startswith(
                "llama"
            ), module
            if module == "llama_cards":
                assert {alias.name for alias in node.names} <= public | {"_layout"}
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "llama_cards":
                assert node.attr in public, node.attr
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            if private:
                # Only this module's own objects have private parts here.
                assert isinstance(node.value, ast.Name)
                assert node.value.id in {"self", "argparse"}
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert node.value.id != "_layout" or not node.attr.startswith("_"), node.attr


def test_the_cli_lays_out_with_the_librarys_writers_and_names() -> None:
    # The model names of a comparison, and the CSV of scores and comparisons, are the
    # library's; the command line keeps no copy of them.
    for name in ("_model_names", "_records_csv", "_COMPARISON_FIELDS"):
        assert not hasattr(cli, name), name


def test_compare_csv_and_names_are_the_librarys(run: Any) -> None:
    comparison = llama_cards.compare("maverick", "llama-3.1-405b")
    assert _ok(run("compare", "maverick", "llama-3.1-405b", "--format", "csv")).out == (
        comparison.to_csv()
    )
    a, b = comparison.model_names
    assert _ok(run("compare", "maverick", "llama-3.1-405b")).out.startswith(f"a: {a}\nb: {b}\n")


# The deployment part's small shape numbers (bits, layer intervals, patch sizes) are the
# same integers as the CLI's unit exponents and widths; the CLI prints none of them itself.
_DEPLOYMENT_FIELDS = (
    "architectures",
    "checkpoint_files",
    "output_limits",
    "accelerators",
    "quantization_schemes",
    "hardware_claims",
    "deployment_disagreements",
)


def _card_numbers() -> set[float]:
    data = json.loads(llama_cards.card().to_json())
    for name in _DEPLOYMENT_FIELDS:
        data.pop(name, None)
    found: set[float] = set()

    def walk(value: object) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, (int, float)):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def test_no_number_of_the_card_is_written_in_the_cli() -> None:
    # 0 to 5 count positions and sizes everywhere; every other number of the card is a fact.
    facts = {n for n in _card_numbers() if not (isinstance(n, int) and 0 <= n <= 5)}
    with CLI_SOURCE.open("rb") as source:
        written = {
            float(token.string.replace("_", ""))
            for token in tokenize.tokenize(source.readline)
            if token.type == tokenize.NUMBER
        }
    assert written, "the tokenizer found no number at all"
    assert not written & facts


# ------------------------------------------------------------ the parser a run builds


def _command_names(parser: Any) -> list[str]:
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return list(action.choices)


def test_a_run_builds_only_its_command_when_its_first_word_names_one() -> None:
    assert _command_names(cli._parser(["show", "scout"])) == ["show"]
    # Anything else (help or a flag first, a misspelt command, nothing) gets every command,
    # so the list of commands and its errors name them all.
    for words in (["--help", "show"], ["-h"], ["sho", "scout"], ["--version"], []):
        assert _command_names(cli._parser(words)) == COMMANDS_IN_ORDER, words


COMMANDS_IN_ORDER = list(_commands())


def test_errors_after_a_plain_command_are_those_of_the_whole_parser(run: Any) -> None:
    # A flag the command lacks, a missing argument: the same words as before the shortcut.
    for args, words in (
        (("show", "scout", "--bogus"), ["unrecognized arguments: --bogus"]),
        (("show",), ["the following arguments are required: MODEL"]),
        (("scout", "show"), ["invalid choice: 'scout'", "'models'", "'discrepancies'"]),
    ):
        result = run(*args)
        assert result.code == 2
        assert result.out == ""
        usage, error = result.err.splitlines()[-2:]
        assert usage.startswith("usage: llama-cards")
        assert error.startswith("llama-cards")
        for word in words:
            assert word in error, (args, error)


@pytest.mark.parametrize(
    ("columns", "width"), [("60", 60), ("100", 100), ("0", None), ("wide", None)]
)
def test_help_wraps_to_columns_as_shutil_reads_them(
    run: Any, monkeypatch: pytest.MonkeyPatch, columns: str, width: Any
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    shown = _ok(run("show", "--help")).out
    # Examples are never wrapped (see above); the rest is.
    longest = max(len(line) for line in shown.splitlines() if "example: " not in line)
    import shutil

    expected = width or shutil.get_terminal_size().columns
    # argparse leaves two columns free, as with shutil's width.
    assert expected - 12 <= longest <= expected - 2, (columns, longest)
