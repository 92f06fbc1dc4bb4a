"""Many threads loading the card from a cold cache at once all see one identical card."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

THREADS = 32

# Runs in a fresh interpreter, so the cache really is cold when the threads start: each
# thread waits at a barrier, then evaluates `work` (its number is `index`) into its result;
# `after` runs once every thread is done, and adds its names to the printed report.
HARNESS = """
import json, threading

barrier = threading.Barrier({threads})
results = [None] * {threads}
errors = []

def work(index):
    try:
        barrier.wait()
        import llama_cards
        results[index] = {work}
    except BaseException as error:
        errors.append(repr(error))

threads = [threading.Thread(target=work, args=(i,)) for i in range({threads})]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
report = {{"results": results, "errors": errors}}
{after}
print(json.dumps(report))
"""


def _cold_threads(work: str, after: str = "") -> dict[str, Any]:
    """The report of one fresh interpreter whose threads all start cold at once."""
    script = HARNESS.format(threads=THREADS, work=work, after=after)
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    report: dict[str, Any] = json.loads(output)
    assert report["errors"] == []
    return report


def test_threads_share_one_card_from_a_cold_start() -> None:
    work = (
        "(id(llama_cards.card()), llama_cards.card().fingerprint, "
        'id(llama_cards.model("scout" if index % 2 else "Llama-4-Scout-17B-16E-Instruct")), '
        "id(llama_cards.cards()[0]))"
    )
    for _ in range(3):
        results = {tuple(r) for r in _cold_threads(work)["results"]}
        assert len(results) == 1, results
        ((card_id, fingerprint, _scout_id, first_id),) = results
        assert card_id == first_id
        assert len(fingerprint) == 64


# Each model's record is built on its own first lookup: threads asking for different
# models at once, before anything else is built, still share one record per model, and it
# is the one that models() and the whole card give afterwards.
def test_threads_looking_up_different_models_cold_share_one_record_each() -> None:
    work = 'id(llama_cards.model(("scout", "Llama 4 Maverick")[index % 2]))'
    after = (
        "import llama_cards\n"
        'report["later"] = [id(entry) for entry in llama_cards.models()]\n'
        'report["whole"] = [id(entry) for entry in llama_cards.card().models]'
    )
    for _ in range(3):
        report = _cold_threads(work, after)
        scout = set(report["results"][0::2])
        maverick = set(report["results"][1::2])
        assert len(scout) == 1
        assert len(maverick) == 1
        assert scout != maverick
        assert report["later"] == [*scout, *maverick]
        assert report["whole"] == report["later"]
