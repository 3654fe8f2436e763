"""The analyzer's output on a fixed set of texts, as one digest per ``ANALYZER_VERSION``.

Stored analyses are only redone when the version changes, so output must never change under the same
version. ``test_analysis_output_is_the_recorded_one_for_this_version`` checks it; after a deliberate
change of the rules, bump ``ANALYZER_VERSION`` and record the new digest:

    .venv/bin/python -m tests.analysis_fingerprint
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import orjson

from reader.analysis import ANALYZER_VERSION, analyze

GOLD = Path(__file__).parent / "data" / "gold"
RECORD = Path(__file__).parent / "data" / "analysis_fingerprints.json"
ODD = [*"“”‘’\"'„«» \n.,;:!?-—", "\n\n", "al-Sisi", "de la", "O'Neill", "Mr.", "Dr.", "said", "says", "told",
       "according to", "The", "Times", "of", "London", "BBC", "Ministry", "he", "she", "it"]  # fmt: skip


def texts() -> list[str]:
    """The gold articles, then 400 texts of their words scrambled with odd quote marks and cues."""
    gold = [path.read_text(encoding="utf-8") for path in sorted(GOLD.glob("*.txt"))]
    words = " ".join(gold).split(" ")
    rng = random.Random(20261125)
    scrambled = []
    for _ in range(400):
        pieces = [rng.choice(words) if rng.random() < 0.6 else rng.choice(ODD) for _ in range(rng.randint(5, 150))]
        scrambled.append((" " if rng.random() < 0.5 else "").join(pieces))
    return gold + scrambled


def fingerprint() -> str:
    digest = hashlib.sha256()
    for text in texts():
        digest.update(orjson.dumps(analyze(text, "Title", []).to_dict(), option=orjson.OPT_SORT_KEYS))
    return digest.hexdigest()


if __name__ == "__main__":
    record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    record[ANALYZER_VERSION] = fingerprint()
    RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"analyzer {ANALYZER_VERSION}: {record[ANALYZER_VERSION]} -> {RECORD}")
