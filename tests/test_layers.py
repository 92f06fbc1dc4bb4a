"""The package's imports point one way: each module imports only modules of lower layers.

Imports made inside functions count as much as those at the top of a module: a deferred
import that reaches up is a cycle all the same.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import llama_cards

PACKAGE = Path(llama_cards.__file__).parent

# From the ground up; a module may import only modules of lower layers (its own layer is
# allowed too where the concept's records build on another's, e.g. licence on models).
LAYERS: list[set[str]] = [
    {"errors", "_versions", "_layout"},
    {"_base", "_bcp47"},
    {
        "_disagreements",
        "_model_parts",
        "_models",
        "_benchmarks",
        "_languages",
        "_license",
        "_facts",
        "_documents",
        "_prompt",
        "_deployment",
        "_memory",
    },
    {"_parts"},
    {"_card"},
    {"_loader"},
    {"_scores"},
    {
        "_card_queries",
        "_model_queries",
        "_score_queries",
        "_table_queries",
        "_language_queries",
        "_license_queries",
        "_tokens",
        "_deployment_queries",
    },
    {"__init__"},
    {"cli", "__main__"},
]


def _imports(path: Path) -> set[str]:
    """The package modules ``path`` imports, anywhere in it (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.startswith("llama_cards"):
                parts = node.module.split(".")
                found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "llama_cards":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def _graph() -> dict[str, set[str]]:
    modules = {path.stem: path for path in PACKAGE.glob("*.py")}
    return {name: _imports(path) & set(modules) for name, path in modules.items()}


def test_every_module_has_a_layer() -> None:
    placed = set().union(*LAYERS)
    assert set(_graph()) == placed


def test_imports_point_down() -> None:
    layer = {name: number for number, names in enumerate(LAYERS) for name in names}
    upward = [
        f"{module} (layer {layer[module]}) imports {target} (layer {layer[target]})"
        for module, targets in _graph().items()
        for target in targets
        if layer[target] > layer[module]
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checker_finds_a_deferred_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text("def late():\n    from ._queries import model\n    return model\n")
    assert _imports(module) == {"_queries"}


# The record modules a first query imports: their field annotations are expressions, which
# pydantic reads faster than the strings that postponed annotations would make of them.
EAGER_ANNOTATIONS = {
    "_base",
    "_disagreements",
    "_model_parts",
    "_models",
    "_languages",
    "_documents",
    "_benchmarks",
    "_license",
}


def test_the_record_modules_of_first_queries_keep_annotations_eager() -> None:
    for name in sorted(EAGER_ANNOTATIONS):
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        postponed = [
            node
            for node in tree.body
            if isinstance(node, ast.ImportFrom)
            and node.module == "__future__"
            and any(alias.name == "annotations" for alias in node.names)
        ]
        assert not postponed, f"{name}.py postpones its annotations"


def test_the_eager_modules_quote_function_annotations_that_subscript_a_type() -> None:
    # Python evaluates a function's annotations when it defines the function: in these
    # modules, at import. An annotation that subscripts a type (Optional[int],
    # dict[str, Any]) would be evaluated on every cold start, and typing's subscriptions
    # are slow; quoted, it is a constant. Pydantic reads the fields' annotations only.
    evaluated = []
    for name in sorted(EAGER_ANNOTATIONS):
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            arguments = node.args
            given = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            given += [extra for extra in (arguments.vararg, arguments.kwarg) if extra]
            annotations = [argument.annotation for argument in given]
            annotations.append(node.returns)
            evaluated += [
                f"{name}.py:{annotation.lineno} {ast.unparse(annotation)}"
                for annotation in annotations
                if isinstance(annotation, (ast.Subscript, ast.BinOp))
            ]
    assert not evaluated, f"quote these annotations: {evaluated}"


# The least a pydantic-based package pays (the floor of benchmarks/bench.py): pydantic and
# one frozen model class. A first query may add the package's own modules and nothing
# else that the floor does not already import (decorator modules of pydantic such as
# functional_serializers cost a sixth of a first model()), apart from what it names.
_FLOOR = (
    "from pydantic import BaseModel, ConfigDict\n"
    "class Record(BaseModel):\n"
    "    model_config = ConfigDict(frozen=True, defer_build=True)\n"
    "    name: str\n"
    "Record.model_construct(name='x')\n"
)


_CHECKSUM = {"hashlib", "_hashlib", "_blake2", "_md5", "_sha1", "_sha256", "_sha512", "_sha3"}


def _imported_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    ("query", "allowed"),
    [
        ("llama_cards.model('scout')", set()),
        ("llama_cards.score('scout', 'mmlu', table='pretrained')", set()),
        ("llama_cards.supports_language('pt-BR')", {"unicodedata"}),  # names compared in NFC
        ("llama_cards.assess_use(domicile='US')", set()),
    ],
)
def test_a_first_query_imports_only_the_package_beyond_the_floor(
    query: str, allowed: set[str]
) -> None:
    floor = _imported_after(_FLOOR)
    added = _imported_after(f"import llama_cards\n{query}") - floor
    outside = {name for name in added if name.split(".")[0] != "llama_cards"}
    assert not {name for name in outside if name.split(".")[0] in {"pydantic", "pydantic_core"}}
    # The data's sha256 check needs hashlib, which some pydantic releases import already.
    assert outside - _CHECKSUM == allowed


_MODEL_RECORDS = """
import gc
from llama_cards._models import Model
print(sum(isinstance(found, Model) for found in gc.get_objects()))
"""


@pytest.mark.parametrize(
    "query",
    [
        "llama_cards.score('scout', 'mmlu', table='pretrained')",
        "llama_cards.assess_use(domicile='DE', model='scout')",
        "llama_cards.supports_language('pt-BR')",
    ],
)
def test_a_first_query_builds_no_model_record_it_does_not_answer_with(query: str) -> None:
    # Benchmark and licence questions read the models' names and facts from their data.
    code = f"import llama_cards\n{query}\n{_MODEL_RECORDS}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]


def test_a_first_language_question_imports_no_model_module() -> None:
    loaded = _imported_after("import llama_cards\nllama_cards.supports_language('pt-BR')")
    assert "llama_cards._models" not in loaded


def test_a_first_score_imports_no_table_module() -> None:
    # One cell needs the benchmark records, not the classes of tables and comparisons.
    loaded = _imported_after(
        "import llama_cards\nllama_cards.score('scout', 'mmlu-pro', table='instruct')"
    )
    assert {"llama_cards._scores", "llama_cards._table_queries"}.isdisjoint(loaded)
    loaded = _imported_after("import llama_cards\nllama_cards.scores(model='scout')")
    assert {"llama_cards._scores", "llama_cards._table_queries"} <= loaded


@pytest.mark.parametrize(
    "query",
    ["llama_cards.model('scout')", "llama_cards.score('scout', 'mmlu', table='pretrained')"],
)
def test_a_first_model_or_score_creates_no_error_class(query: str) -> None:
    # The 22 error classes cost a tenth of a first model(): they are made on the first raise.
    assert "llama_cards.errors" not in _imported_after(f"import llama_cards\n{query}")


_RAISED_IN_A_FRESH_PROCESS = """
import llama_cards
scout = llama_cards.model("scout")
for ask, error in [
    (lambda: llama_cards.model("llama 5"), "UnknownModelError"),
    (lambda: llama_cards.model(5), "ArgumentTypeError"),
    (lambda: llama_cards.model("scout\\x00"), "InvalidArgumentError"),
    (lambda: scout.check_context(20_000_000), "ContextLengthExceededError"),
    (lambda: scout.checkpoint("meta-llama/nothing"), "UnknownCheckpointError"),
    (lambda: scout.checkpoint(5), "ArgumentTypeError"),
    (lambda: scout.source_of("nothing"), "InvalidArgumentError"),
    (lambda: llama_cards.YearMonth.parse(5), "ArgumentTypeError"),
    (lambda: llama_cards.YearMonth.parse("2024-13"), "InvalidArgumentError"),
    (lambda: llama_cards.score("scout", "mmlu", table="nowhere"), "InvalidArgumentError"),
    (lambda: llama_cards.score("scout", "nothing"), "UnknownBenchmarkError"),
    (lambda: llama_cards.score("scout", "mmlu", subtask="x"), "InvalidArgumentError"),
]:
    try:
        ask()
    except getattr(llama_cards, error) as raised:
        print(type(raised).__module__, type(raised).__name__)
"""


def test_errors_made_on_first_raise_are_the_public_classes() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RAISED_IN_A_FRESH_PROCESS], capture_output=True, text=True
    )
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "llama_cards.errors UnknownModelError",
        "llama_cards.errors ArgumentTypeError",
        "llama_cards.errors InvalidArgumentError",
        "llama_cards.errors ContextLengthExceededError",
        "llama_cards.errors UnknownCheckpointError",
        "llama_cards.errors ArgumentTypeError",
        "llama_cards.errors InvalidArgumentError",
        "llama_cards.errors ArgumentTypeError",
        "llama_cards.errors InvalidArgumentError",
        "llama_cards.errors InvalidArgumentError",
        "llama_cards.errors UnknownBenchmarkError",
        "llama_cards.errors InvalidArgumentError",
    ]


# Public callables whose annotations name a class that only a later query imports (the
# price of building each part on first need): typing.get_type_hints cannot resolve them in
# a process that has not imported it. No other public callable may join them.
_HINTS_NEED_LATER_MODULES = {
    "Card.model_post_init",
    "Model.model_post_init",
    "Model.parameter_breakdown",
    "accelerator",
    "accelerators",
    "card",
    "card_claims",
    "cards",
    "checkpoint_files",
    "claim_contrasts",
    "comparison_model",
    "comparison_models",
    "discrepancies",
    "document",
    "estimate_memory",
    "require_card",
}


def test_the_annotations_of_the_public_callables_resolve() -> None:
    # Tools that read them at run time (typing.get_type_hints, pydantic.validate_call)
    # find every name, though a first query imports only the modules it needs.
    code = """
import inspect, json, typing
import llama_cards
unresolved, checked = [], 0
for name in llama_cards.__all__:
    found = getattr(llama_cards, name)
    targets = [(name, found)] if inspect.isfunction(found) else []
    if inspect.isclass(found):
        targets += [
            (f"{name}.{member_name}", member)
            for member_name, member in vars(found).items()
            if inspect.isfunction(member) and not member_name.startswith("_")
        ]
    for label, target in targets:
        checked += 1
        try:
            typing.get_type_hints(target)
        except NameError:
            unresolved.append(label)
print(json.dumps([checked, sorted(unresolved)]))
"""
    import json

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    checked, unresolved = json.loads(done.stdout)
    assert checked > 50
    assert set(unresolved) == _HINTS_NEED_LATER_MODULES


_EVERY_NAME = """
import json, sys
import llama_cards
names = json.loads(sys.argv[1])
if sys.argv[2] == "records first":
    llama_cards.models()
answers = {}
for name in names:
    answers[name] = [
        llama_cards.assess_use(domicile="DE", model=name).model_dump_json(),
        llama_cards.score(name, "mmlu", table="pretrained").model,
    ]
print(json.dumps(answers, sort_keys=True))
"""


def test_every_model_name_gets_the_same_answers_with_or_without_the_model_records() -> None:
    import json

    names: list[str] = []
    for entry in llama_cards.models():
        names += [entry.id, entry.name, entry.short_name, *entry.aliases]
        for repo in entry.huggingface_repos:
            names += [repo.id, repo.id.rsplit("/", 1)[-1], repo.id.upper()]
    answers = {
        order: subprocess.run(
            [sys.executable, "-c", _EVERY_NAME, json.dumps(names), order],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for order in ("facts only", "records first")
    }
    assert answers["facts only"] == answers["records first"]
    read = json.loads(answers["facts only"])
    assert len(read) == len(set(names)) > 20
    for name in names:
        assessment, scored_model = read[name]
        wanted = llama_cards.model(name).id
        assert scored_model == wanted
        assert json.loads(assessment)["model"] == wanted
