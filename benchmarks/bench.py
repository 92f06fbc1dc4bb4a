"""Measure the performance budgets of DESIGN.md, side by side in one run.

Cold starts: repeated rounds of fresh processes, one of each variant per round (each round
starting one variant later), so that machine noise hits every variant alike. Each ratio
pairs a variant with its baseline of the same round (the floor: a fresh process that
imports pydantic and builds one frozen model class with ``defer_build``, filled by
``model_construct``, the least any pydantic-based package pays) and reports the median of
those paired ratios, so that the machine speeding up or slowing down between rounds
cancels out, with the 95% interval of that median in brackets (where it spans a budget,
the run could not tell which side of it the ratio is on). Beside each first query, the
counts that do not drift with noise: record classes created, records built, data bytes
parsed.
Lookups: microseconds per call, for inputs never seen before (each spelling distinct, so no
answer cache can serve it) and for inputs asked again (after the new ones, so that a full
cache shows). Both are the best of five passes, as ``timeit`` advises: noise only ever adds
time. Each pass of new inputs has inputs of its own (new ``assess_use()`` combinations are
one pass: the licence index keeps its findings per country code, however spelt).

    python benchmarks/bench.py [--runs 61]
    python benchmarks/bench.py --instructions

``--instructions`` counts what each cold start executes instead, with valgrind: the same
figures on every run of one build, to see where a change moved a cold start by less than
the machine's noise. The budgets bound wall time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Literal, Optional

ROOT = Path(__file__).resolve().parent.parent

FLOOR = (
    "from pydantic import BaseModel, ConfigDict\n"
    "class Record(BaseModel):\n"
    "    model_config = ConfigDict(frozen=True, defer_build=True)\n"
    "    name: str\n"
    "Record.model_construct(name='x')"
)
FIRST = {
    "model()": "llama_cards.model('scout')",
    "score()": "llama_cards.score('scout', 'mmlu', table='pretrained')",
    "supports_language()": "llama_cards.supports_language('pt-BR')",
    "assess_use()": "llama_cards.assess_use(domicile='US')",
}
BUDGET = {"model()": 1.05, "score()": 1.15, "supports_language()": 1.15, "assess_use()": 1.15}
MEMORY_BUDGET = 1.10
# The installed console script, run as its own first line runs it (this interpreter on the
# script file); without one, `python -m llama_cards`, which adds runpy's import to the start.
_INSTALLED = shutil.which("llama-cards", path=os.path.dirname(sys.executable))
_SCRIPT = [_INSTALLED] if _INSTALLED else ["-m", "llama_cards"]
COLD: dict[str, list[str]] = {
    "bare interpreter": ["-c", "pass"],
    "floor: pydantic + one model class": ["-c", FLOOR],
    "import llama_cards": ["-c", "import llama_cards"],
    **{f"first {name}": ["-c", f"import llama_cards; {code}"] for name, code in FIRST.items()},
    "llama-cards show scout": [*_SCRIPT, "show", "scout"],
}
# Peak resident memory of the child itself (VmHWM belongs to the process's own address
# space; ru_maxrss on Linux keeps the parent's high-water mark across exec).
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
# What one first query built, counted in the child that made it.
COUNTS = """
import gc, json, sys
import llama_cards
from llama_cards import _loader
from llama_cards._base import FrozenRecord
parsed = []
read = _loader.read_data
def counted(path):
    data = read(path)
    parsed.append(len(data))
    return data
_loader.read_data = counted
{code}
def subclasses(kind):
    found = set()
    for sub in kind.__subclasses__():
        found |= {{sub}} | subclasses(sub)
    return found
records = sum(isinstance(o, FrozenRecord) for o in gc.get_objects())
print(json.dumps([len(subclasses(FrozenRecord)), records, sum(parsed)]))
"""
CLI_IMPORTS = """
import sys
from llama_cards import cli
try:
    cli.main({argv!r})
except SystemExit:
    pass
print(sorted(m for m in ("pydantic", "pydantic_core") if m in sys.modules), file=sys.stderr)
"""


def _env(path: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return env


def _time(argv: Sequence[str], env: dict[str, str]) -> float:
    start = timeit.default_timer()
    subprocess.run([sys.executable, *argv], check=True, env=env, stdout=subprocess.DEVNULL)
    return timeit.default_timer() - start


def _output(code: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    return done.stdout.strip()


class Rounds:
    """A measure of each variant (a fresh process's wall time, its peak memory), taken once
    per variant in each round."""

    def __init__(self, runs: int, variants: dict[str, Callable[[], float]]):
        self.samples: dict[str, list[float]] = {name: [] for name in variants}
        names = list(variants)
        for turn in range(runs):
            # Each round starts one variant later, so that no variant always follows another.
            for name in names[turn % len(names) :] + names[: turn % len(names)]:
                self.samples[name].append(variants[name]())

    def median(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def ratios(self, name: str, baseline: str) -> list[float]:
        """``name``'s measure over ``baseline``'s in the same round, for every round."""
        pairs = zip(self.samples[name], self.samples[baseline])
        return [mine / theirs for mine, theirs in pairs]

    def ratio(self, name: str, baseline: str) -> float:
        """The median over rounds of ``name``'s time over ``baseline``'s in the same round."""
        return statistics.median(self.ratios(name, baseline))

    def paired(self, name: str, baseline: str) -> str:
        """The paired ratio and its 95% interval, as printed: ``1.046x [1.012-1.081]``
        (``[range 0.98-1.10]`` where too few rounds give no such interval)."""
        ratios = self.ratios(name, baseline)
        interval = median_interval(ratios)
        low, high = interval or (min(ratios), max(ratios))
        label = "" if interval else "range "
        return f"{statistics.median(ratios):5.3f}x [{label}{low:5.3f}-{high:5.3f}]"


def median_interval(values: Sequence[float], level: float = 0.95) -> Optional[tuple[float, float]]:
    """A distribution-free interval that holds, with probability ``level`` at least, the
    median of the distribution ``values`` were drawn from (the median many more rounds would
    give): the j-th smallest and the j-th largest value, for the largest j at which fewer
    than j values fall below that median with probability at most (1 - level) / 2 (each
    value falls below it with probability 1/2).

    It says how far the machine's noise may leave a run's median from that one. None where
    no such pair exists (fewer than six values, at 95%).
    """
    ordered = sorted(values)
    n = len(ordered)
    tail = (1 - level) / 2
    below = 0.0  # the probability that fewer than j + 1 values fall below the median
    j = 0
    while j < n // 2:
        below += math.comb(n, j) / 2**n
        if below > tail:
            break
        j += 1
    return (ordered[j - 1], ordered[n - j]) if j else None


def _peak_memory(code: str) -> float:
    return float(_output(PEAK_MEMORY.format(code=code)))


PASSES = 5


def _per_call(calls: Sequence[Callable[[], object]], passes: int = PASSES) -> float:
    """Microseconds per call, the best of ``passes`` passes, each over its own share of
    ``calls`` (so that an input of one pass is never asked in another)."""
    share = len(calls) // passes
    best = float("inf")
    for start in range(0, share * passes, share):
        began = timeit.default_timer()
        for call in calls[start : start + share]:
            call()
        best = min(best, (timeit.default_timer() - began) / share * 1e6)
    return best


def _again(call: Callable[[], object], number: int = 20_000) -> float:
    call()
    return min(timeit.repeat(call, number=number, repeat=PASSES)) / number * 1e6


def _spellings(rng: random.Random, text: str, count: int) -> list[str]:
    """``count`` distinct random-case spellings of ``text`` (one name, never seen twice)."""
    found: dict[str, None] = {}
    while len(found) < count:
        found["".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)] = None
    return list(found)


def lookups() -> list[tuple[str, float, float, float, float]]:
    """Name, microseconds for new inputs, budget, microseconds asked again, budget."""
    import llama_cards

    rng = random.Random(4)
    llama_cards.model("scout")
    llama_cards.score("scout", "mmlu", table="pretrained")
    llama_cards.supports_language("en")
    llama_cards.assess_use(domicile="US")
    n = 5_000  # new model and score spellings per pass (tags and domiciles: all there are)
    names = _spellings(rng, "llama-4-scout-17b-16e-instruct", n * PASSES)
    regions = list(llama_cards.card().countries.group("iso-3166-1-alpha-2").codes)
    tags = [
        f"{language}-{region}"
        for language in ("en", "pt", "es", "hi", "ja", "ko", "zh-Hant", "sr-Latn")
        for region in regions
    ][:n]
    # Pass k asks the k-th spelling of every tag.
    spelled = [_spellings(rng, tag, PASSES) for tag in tags]
    tags = [spellings[k] for k in range(PASSES) for spellings in spelled]
    benchmarks = _spellings(rng, "mmlu-pro", 100)
    pairs = [(m, b) for m in names[: n * PASSES // 100] for b in benchmarks]
    entities: tuple[Literal["company", "individual"], ...] = ("company", "individual")
    domiciles = [(code, entity) for code in regions for entity in entities]
    return [
        (
            "model(name)",
            _per_call([partial(llama_cards.model, name) for name in names]),
            1.0,
            _again(lambda: llama_cards.model(names[0])),
            0.5,
        ),
        (
            "supports_language(tag)",
            _per_call([partial(llama_cards.supports_language, tag) for tag in tags]),
            3.0,
            _again(lambda: llama_cards.supports_language(tags[0])),
            1.0,
        ),
        (
            "score(model, benchmark, table=...)",
            _per_call([partial(llama_cards.score, m, b, table="instruct") for m, b in pairs]),
            4.0,
            _again(lambda: llama_cards.score(pairs[0][0], pairs[0][1], table="instruct")),
            1.0,
        ),
        (
            "assess_use(domicile=..., entity=...)",
            # One pass: the licence index keeps what it finds per country code, so a code
            # in another spelling is not new to it.
            _per_call(
                [partial(llama_cards.assess_use, domicile=c, entity=e) for c, e in domiciles],
                passes=1,
            ),
            20.0,
            _again(lambda: llama_cards.assess_use(domicile="DE"), number=5_000),
            20.0,
        ),
    ]


def _scaled_copy(folder: Path, factor: int) -> Path:
    """A copy of the package whose benchmark part holds ``factor`` times the scores, pinned."""
    import llama_cards

    site = folder / f"x{factor}"
    package = site / "llama_cards"
    shutil.copytree(
        Path(llama_cards.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    part = package / "data" / "card-4" / "benchmarks.json"
    data = json.loads(part.read_text(encoding="utf-8"))
    data["scores"] = data["scores"] * factor
    part.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pin_data.py"), "--write", "--package", str(package)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    import compileall

    compileall.compile_dir(str(package), quiet=1)
    return site


def compile_package() -> None:
    """Write the package's bytecode, as pip does at install, so every variant loads .pyc."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("llama_cards")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llama_cards is not importable; install the project first")
    for location in spec.submodule_search_locations:
        compileall.compile_dir(location, quiet=1)


def instructions(argv: Sequence[str]) -> int:
    """Machine instructions that a fresh process running ``argv`` executes, counted by
    valgrind's callgrind with string hashing fixed: the same on every run of one build."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *argv],
        check=True,
        capture_output=True,
        text=True,
        env={**_env(), "PYTHONHASHSEED": "0"},
    )
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    return int(counted[-1].rsplit(":", 1)[1])


def print_instructions() -> None:
    """The cold starts in machine instructions: ratios that no noise of the machine moves."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind on the PATH")
    floor = instructions(COLD["floor: pydantic + one model class"])
    print("\nCold start in machine instructions (valgrind; the budgets bound wall time)")
    print(f"  {'floor: pydantic + one model class':<36} {floor / 1e6:8.1f} M  1.000x floor")
    counts = {}
    for name in FIRST:
        counts[name] = count = instructions(COLD[f"first {name}"])
        print(f"  {'first ' + name:<36} {count / 1e6:8.1f} M  {count / floor:5.3f}x floor")
    show = instructions(COLD["llama-cards show scout"])
    print(
        f"  {'llama-cards show scout':<36} {show / 1e6:8.1f} M  "
        f"{show / counts['model()']:5.3f}x first model()"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31, help="fresh processes per variant")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count the machine instructions of each cold start instead (needs valgrind)",
    )
    args = parser.parse_args()
    compile_package()
    if args.instructions:
        print_instructions()
        return 0

    import pydantic

    print(f"Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, {args.runs} runs")
    env = _env()
    times = Rounds(args.runs, {name: partial(_time, argv, env) for name, argv in COLD.items()})
    floor = "floor: pydantic + one model class"
    print(
        "\nCold start (median wall time of a fresh process; paired ratio to the floor, "
        "[its 95% interval])"
    )
    for name in COLD:
        print(f"  {name:<36} {times.median(name) * 1e3:8.1f} ms  {times.paired(name, floor)}")
    print("\nFirst queries against the floor (counts: classes, records, data bytes parsed)")
    for name, code in FIRST.items():
        paired = times.paired(f"first {name}", floor)
        classes, records, parsed = json.loads(_output(COUNTS.format(code=code)))
        print(
            f"  {name:<22} {paired}  (budget {BUDGET[name]:.2f})   "
            f"{classes:3d} classes  {records:4d} records  {parsed:7,d} bytes"
        )
    show = times.paired("llama-cards show scout", "first model()")
    how = "the console script" if _INSTALLED else "python -m llama_cards"
    print(f"  llama-cards show scout / first model(): {show}  (budget 1.10; {how})")

    print("\nThe command line without pydantic")
    for argv in (["--version"], ["--help"]):
        done = subprocess.run(
            [sys.executable, "-c", CLI_IMPORTS.format(argv=argv)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"  llama-cards {argv[0]:<10} imports {done.stderr.strip() or '[]'}  (budget [])")

    codes = {"floor": FLOOR, **{n: f"import llama_cards; {c}" for n, c in FIRST.items()}}
    memory = Rounds(
        max(5, args.runs // 3), {name: partial(_peak_memory, code) for name, code in codes.items()}
    )
    print("\nPeak memory (median VmHWM of a fresh process)")
    for name in codes:
        kib = memory.median(name)
        ratio = kib / memory.median("floor")
        limit = "" if name == "floor" else f"  {ratio:5.3f}x floor (budget {MEMORY_BUDGET:.2f})"
        print(f"  {name:<22} {kib / 1024:7.1f} MiB{limit}")

    with tempfile.TemporaryDirectory() as folder:
        copies = {factor: _scaled_copy(Path(folder), factor) for factor in (1, 10, 100)}
        scaled = Rounds(
            args.runs,
            {
                f"x{factor}": partial(_time, COLD["first model()"], _env(site))
                for factor, site in copies.items()
            },
        )
    print("\nFirst model() with more scores in the data (side by side, copies of the package)")
    for name in scaled.samples:
        budget = "" if name == "x1" else "  (budget 1.05)"
        print(
            f"  {name:<5} {scaled.median(name) * 1e3:8.1f} ms  {scaled.paired(name, 'x1')}{budget}"
        )

    print("\nLookups (microseconds per call: new inputs, then asked again)")
    for name, new, new_budget, again, again_budget in lookups():
        print(
            f"  {name:<38} new {new:6.2f} us (budget {new_budget:g})   "
            f"again {again:6.2f} us (budget {again_budget:g})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
