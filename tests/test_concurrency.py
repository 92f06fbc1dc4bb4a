"""Many threads loading the card from a cold cache at once all see one identical card."""

from __future__ import annotations

import json
import subprocess
import sys

THREADS = 32

# Runs in a fresh interpreter, so the cache really is cold when the threads start.
SCRIPT = f"""
import json, threading

barrier = threading.Barrier({THREADS})
results = [None] * {THREADS}
errors = []

def work(index):
    try:
        barrier.wait()
        import llama_cards
        card = llama_cards.card()
        scout = llama_cards.model("scout" if index % 2 else "Llama-4-Scout-17B-16E-Instruct")
        results[index] = (id(card), card.fingerprint, id(scout), id(llama_cards.cards()[0]))
    except BaseException as error:
        errors.append(repr(error))

threads = [threading.Thread(target=work, args=(i,)) for i in range({THREADS})]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({{"results": results, "errors": errors}}))
"""


def test_threads_share_one_card_from_a_cold_start() -> None:
    for _ in range(3):
        output = subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
        ).stdout
        report = json.loads(output)
        assert report["errors"] == []
        results = {tuple(r) for r in report["results"]}
        assert len(results) == 1, results
        ((card_id, fingerprint, _scout_id, first_id),) = results
        assert card_id == first_id
        assert len(fingerprint) == 64


# Each model's record is built on its own first lookup: threads asking for different
# models at once, before anything else is built, still share one record per model, and it
# is the one that models() and the whole card give afterwards.
LOOKUPS = f"""
import json, threading

barrier = threading.Barrier({THREADS})
results = [None] * {THREADS}
errors = []

def work(index):
    try:
        barrier.wait()
        import llama_cards
        results[index] = id(llama_cards.model(("scout", "Llama 4 Maverick")[index % 2]))
    except BaseException as error:
        errors.append(repr(error))

threads = [threading.Thread(target=work, args=(i,)) for i in range({THREADS})]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
import llama_cards
later = [id(entry) for entry in llama_cards.models()]
whole = [id(entry) for entry in llama_cards.card().models]
print(json.dumps({{"results": results, "errors": errors, "later": later, "whole": whole}}))
"""


def test_threads_looking_up_different_models_cold_share_one_record_each() -> None:
    for _ in range(3):
        output = subprocess.run(
            [sys.executable, "-c", LOOKUPS], capture_output=True, text=True, check=True, timeout=120
        ).stdout
        report = json.loads(output)
        assert report["errors"] == []
        scout = set(report["results"][0::2])
        maverick = set(report["results"][1::2])
        assert len(scout) == 1
        assert len(maverick) == 1
        assert scout != maverick
        assert report["later"] == [*scout, *maverick]
        assert report["whole"] == report["later"]
