"""Token counting against Meta's tokenizer, side by side in one run (needs the tokenizer extra).

For 1 MB and 40 MB of deterministic mixed-language text: ``count_tokens(text)`` and
``len(Tokenizer.encode(text, bos=False, eos=False))`` of ``llama-models``, checked equal,
with MB/s (UTF-8 megabytes) and the ratio, medians of interleaved repeats. Then, in fresh
processes: the first call (loading the tokenizer), and the peak memory a count of 40 MB
adds to a process that already holds the text and the tokenizer.

    python benchmarks/bench_tokens.py [--repeats 3] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

MEGABYTE = 1_000_000
SIZES_MB = (1, 40)


def mixed_language_text(megabytes: int, seed: int = 7) -> str:
    """About ``megabytes`` MB of UTF-8 text in many scripts, the same on every run."""
    words = [
        "the", "context", "window", "tokens", "benchmark", "model",
        "modèle", "données", "Größe", "Übersetzung", "niño", "información",
        "Привет", "модель", "данные", "你好", "模型", "上下文", "こんにちは", "トークン",
        "안녕하세요", "모델", "مرحبا", "النموذج", "नमस्ते", "मॉडल", "สวัสดี", "mô hình",
        "12345", "3.14", "2025-04-05", "😀", "def f(x):", "{'a': 1}", "<|eot|>",
    ]  # fmt: skip
    spaces = [" ", " ", " ", " ", "\n", "\n\n", "\t", "  "]
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < megabytes * MEGABYTE:
        part = rng.choice(words) + rng.choice(spaces)
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "".join(parts)


def timed(function: Callable[[str], int], text: str) -> tuple[float, int]:
    start = time.perf_counter()
    count = function(text)
    return time.perf_counter() - start, count


def fresh(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    return result.stdout.strip()


FIRST_CALL = """
import time
start = time.perf_counter()
{code}
print(time.perf_counter() - start)
"""

# Peak resident memory a count adds: VmHWM is reset to the current size before the count
# (writing 5 to clear_refs), so it shows the count's own high-water mark.
PEAK_MEMORY = """
import sys
sys.path.insert(0, {folder!r})
from bench_tokens import mixed_language_text
{setup}
text = mixed_language_text({megabytes})
count(text[:1000])

def status(name):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(name))

with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")
before = status("VmRSS:")
count(text)
print(status("VmHWM:") - before)
"""
OURS = "from llama_cards import count_tokens as count"
METAS = (
    "from llama_models.llama4.tokenizer import Tokenizer\n"
    "tokenizer = Tokenizer.get_instance()\n"
    "def count(text): return len(tokenizer.encode(text, bos=False, eos=False))"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats of each count")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per first call")
    options = parser.parse_args()

    import importlib

    from llama_cards import count_tokens

    meta_module = importlib.import_module("llama_models.llama4.tokenizer")
    tokenizer: Any = meta_module.Tokenizer.get_instance()

    def meta(text: str) -> int:
        return len(tokenizer.encode(text, bos=False, eos=False))

    count_tokens("warm up")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Python {sys.version.split()[0]}, {cpus} CPUs")
    print(f"{'text':>8} {'tokens':>12} {'Meta MB/s':>10} {'ours MB/s':>10} {'ratio':>6}")
    for megabytes in SIZES_MB:
        text = mixed_language_text(megabytes)
        size = len(text.encode("utf-8")) / MEGABYTE
        theirs: list[float] = []
        ours: list[float] = []
        for _ in range(options.repeats):
            meta_time, expected = timed(meta, text)
            our_time, counted = timed(count_tokens, text)
            if counted != expected:
                raise SystemExit(
                    f"counts differ on {megabytes} MB: Meta {expected}, ours {counted}"
                )
            theirs.append(meta_time)
            ours.append(our_time)
        meta_rate = size / statistics.median(theirs)
        our_rate = size / statistics.median(ours)
        print(
            f"{megabytes:>5} MB {expected:>12,} {meta_rate:>10.2f} {our_rate:>10.2f} "
            f"{our_rate / meta_rate:>5.2f}x"
        )

    firsts = {
        "import llama_cards": "import llama_cards",
        "first count_tokens() (loads the tokenizer)": (
            "from llama_cards import count_tokens\n"
            "start = time.perf_counter()\n"
            "count_tokens('Hello')"
        ),
        "Meta's Tokenizer.get_instance()": (
            "from llama_models.llama4.tokenizer import Tokenizer\n"
            "start = time.perf_counter()\n"
            "Tokenizer.get_instance()"
        ),
    }
    print("\nfresh process, median of", options.runs, "runs")
    for name, code in firsts.items():
        seconds = [float(fresh(FIRST_CALL.format(code=code))) for _ in range(options.runs)]
        print(f"  {name:<45} {statistics.median(seconds) * 1000:8.0f} ms")

    if os.path.exists("/proc/self/clear_refs"):
        folder = os.path.dirname(os.path.abspath(__file__))
        print("\npeak memory a count of 40 MB adds (fresh process, text and tokenizer loaded)")
        for name, setup in (("count_tokens", OURS), ("Meta's encode", METAS)):
            added = fresh(PEAK_MEMORY.format(folder=folder, setup=setup, megabytes=40))
            print(f"  {name:<45} {int(added) / 1024:8.1f} MB")


if __name__ == "__main__":
    main()
