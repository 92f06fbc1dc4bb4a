"""Measure the performance budgets of DESIGN.md, side by side in one run.

Cold start: medians over repeated fresh processes, interleaved so that machine noise hits
every variant alike, reported as ratios to a fresh process that runs
``from pydantic import BaseModel`` (and, for the bare import, to an empty interpreter).
Warm calls: microseconds per call, best of several timeit repeats.

    python benchmarks/bench.py [--runs 25]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable

BASELINE = "from pydantic import BaseModel"
# The least any package with one pydantic model class pays: defining a class imports
# pydantic's field machinery (pydantic.fields, pydantic.types, annotated_types), which a bare
# `from pydantic import BaseModel` does not.
ONE_CLASS = (
    "from pydantic import BaseModel, ConfigDict\n"
    "class Record(BaseModel):\n"
    "    model_config = ConfigDict(frozen=True, defer_build=True)\n"
    "    name: str\n"
    "Record.model_construct(name='x')"
)
COLD = {
    "bare interpreter": "pass",
    "pydantic baseline": BASELINE,
    "pydantic + one model class": ONE_CLASS,
    "import llama_cards": "import llama_cards",
    "import + first model()": "import llama_cards; llama_cards.model('scout')",
}
# Peak resident memory of the child itself: VmHWM belongs to the process's own address
# space, while ru_maxrss on Linux keeps the high-water mark of the parent it was forked
# from (the benchmark, with pydantic loaded) across exec.
PEAK_MEMORY = """{code}
import sys
try:
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
except OSError:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak // 1024 if sys.platform == "darwin" else peak)
"""


def _time_process(code: str) -> float:
    start = timeit.default_timer()
    subprocess.run([sys.executable, "-c", code], check=True)
    return timeit.default_timer() - start


def _peak_kib(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY.format(code=code)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip())


def cold_start(runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(runs):
        for name, code in COLD.items():
            samples[name].append(_time_process(code))
    return {name: statistics.median(values) for name, values in samples.items()}


def peak_memory(runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(runs):
        for name, code in COLD.items():
            samples[name].append(_peak_kib(code))
    return {name: statistics.median(values) for name, values in samples.items()}


def warm_microseconds(call: Callable[[], object], number: int = 20_000) -> float:
    call()
    best = min(timeit.repeat(call, number=number, repeat=7))
    return best / number * 1e6


def warm_calls() -> dict[str, tuple[float, float]]:
    """Name -> (microseconds per call, budget)."""
    import llama_cards

    scout = llama_cards.model("scout")
    results = {
        "model('scout')": (warm_microseconds(lambda: llama_cards.model("scout")), 1.0),
        "model('meta-llama/Llama-4-Maverick-17B-128E-Instruct')": (
            warm_microseconds(
                lambda: llama_cards.model("meta-llama/Llama-4-Maverick-17B-128E-Instruct")
            ),
            1.0,
        ),
        "Model.fits_context(100_000, 1_000)": (
            warm_microseconds(lambda: scout.fits_context(100_000, 1_000)),
            float("nan"),
        ),
    }
    extra: dict[str, tuple[str, float]] = {
        "supports_language('pt-BR')": ("llama_cards.supports_language('pt-BR')", 1.0),
        "supports_language('zh-Hant-TW')": ("llama_cards.supports_language('zh-Hant-TW')", 1.0),
        "supports_language('français')": ("llama_cards.supports_language('français')", 1.0),
        "Model.supports_language('es_419')": (
            "llama_cards.model('scout').supports_language('es_419')",
            float("nan"),
        ),
        "score('scout', 'mmlu-pro', table='instruct')": (
            "llama_cards.score('scout', 'mmlu-pro', table='instruct')",
            5.0,
        ),
        "assess_use(domicile='US')": ("llama_cards.assess_use(domicile='US')", 20.0),
    }
    for name, (expression, budget) in extra.items():
        function = expression.split("(")[0].split(".")[1]
        if hasattr(llama_cards, function):
            call = eval("lambda: " + expression, {"llama_cards": llama_cards})
            results[name] = (warm_microseconds(call), budget)
    return results


def compile_package() -> None:
    """Write the package's bytecode, as pip does at install, so every variant loads .pyc.

    Without it an editable or source checkout recompiles the package in every fresh process
    (always, where PYTHONDONTWRITEBYTECODE is set), which a wheel install never does.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("llama_cards")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llama_cards is not importable; install the project first")
    for location in spec.submodule_search_locations:
        compileall.compile_dir(location, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="fresh processes per variant")
    args = parser.parse_args()
    compile_package()

    import pydantic

    print(f"Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, {args.runs} runs")
    times = cold_start(args.runs)
    base = times["pydantic baseline"]
    bare = times["bare interpreter"]
    print("\nCold start (median wall time of a fresh process)")
    for name, seconds in times.items():
        print(f"  {name:<26} {seconds * 1e3:8.1f} ms  {seconds / base:5.2f}x pydantic")
    first = times["import + first model()"] / base
    print(f"  import + first model() / pydantic baseline: {first:.2f}  (budget 1.30)")
    only = times["import llama_cards"] / bare
    print(f"  import llama_cards / bare interpreter:      {only:.2f}")
    floor = times["pydantic + one model class"] / base
    print(f"  pydantic + one model class / baseline:      {floor:.2f}  (the floor for any model)")

    memory = peak_memory(max(3, args.runs // 5))
    print("\nPeak memory (median max RSS of a fresh process)")
    for name, kib in memory.items():
        print(f"  {name:<26} {kib / 1024:8.1f} MiB")
    ratio = memory["import + first model()"] / memory["pydantic baseline"]
    print(f"  import + first model() / pydantic baseline: {ratio:.2f}  (budget 1.25)")
    floor = memory["pydantic + one model class"] / memory["pydantic baseline"]
    print(f"  pydantic + one model class / baseline:      {floor:.2f}  (the floor for any model)")

    print("\nWarm calls (best of 7 repeats)")
    for name, (micro, budget) in warm_calls().items():
        limit = "" if budget != budget else f"  (budget {budget:g} us)"
        print(f"  {name:<55} {micro:7.3f} us{limit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
