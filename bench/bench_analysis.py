"""Analysis speed: articles per second over real articles, plus import and first-call cost.

Run with ``python -m bench.bench_analysis [--rounds N] [--polnear DIR] [--before REF]``; figures go in
docs/benchmarks.md. The articles are the gold set's and, with ``--polnear``, PolNeAR's texts read at
run time from that checkout (never copied into the repository). ``--before REF`` also times the
analyser of git revision ``REF`` (exported to a temporary folder) on the same articles in the same
run, alternating with the current one, and prints the ratio over all passes and in each pass (the
spread of the latter shows how much the machine drifted during the run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
# Times every round of analysing the articles in a fresh interpreter that imports ``reader`` from the
# folder given on PYTHONPATH: the current tree or an exported revision.
CHILD = """
import json, sys, time
from reader.analysis import ANALYZER_VERSION, analyze
articles = json.load(open(sys.argv[1], encoding="utf-8"))
analyze(*articles[0])
times, cpu = [], []
for _ in range(int(sys.argv[2])):
    start, start_cpu = time.perf_counter(), time.process_time()
    for body, title in articles:
        analyze(body, title)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
print(json.dumps({"version": ANALYZER_VERSION, "times": times, "cpu": cpu}))
"""


def _articles(polnear: Path | None = None, polnear_count: int = 200) -> list[tuple[str, str]]:
    from reader.importers.plaintext import parse_text

    paths = sorted(GOLD.glob("*.txt"))
    if polnear is not None:
        texts = polnear / "data" / "train" / "text"
        if not texts.is_dir():
            raise SystemExit(f"bench_analysis: {texts}: not a PolNeAR checkout")
        paths += sorted(texts.glob("*.txt"))[:polnear_count]
    articles = []
    for path in paths:
        article = parse_text(path.read_text(encoding="utf-8"))
        articles.append((article.body, article.title))
    return articles


def _import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import reader.analysis; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs)


def checkout(ref: str, folder: Path) -> Path:
    """The ``reader`` package as it was at git ``ref``, exported into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", ref, "reader"], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _child(code: Path, corpus: Path, rounds: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(rounds)],
        capture_output=True,
        text=True,
        check=True,
        cwd=code,
        env=env,
    )
    return json.loads(out.stdout)


def side_by_side(ref: str, articles: list[tuple[str, str]], rounds: int, passes: int = 6) -> None:
    """Time the current analyser and the one of ``ref`` alternately, and print both and the ratio.

    CPU time of the process is the figure compared: on a machine shared with other work the wall
    clock also counts the waits for a core. Wall-clock medians are printed beside it.
    """
    with tempfile.TemporaryDirectory(prefix="reader-bench-analysis-") as name:
        folder = Path(name)
        before = checkout(ref, folder / "before")
        corpus = folder / "articles.json"
        corpus.write_text(json.dumps(articles), encoding="utf-8")
        runs: dict[str, dict[str, list[float]]] = {"now": {"times": [], "cpu": []}, "before": {"times": [], "cpu": []}}
        versions = {}
        pass_ratios = []
        for number in range(passes):
            # Which side goes first alternates, so a machine that slows down or speeds up during a
            # pass does not favour one of them.
            order = (("now", ROOT), ("before", before))
            pass_cpu = {}
            for label, code in order if number % 2 == 0 else order[::-1]:
                result = _child(code, corpus, rounds)
                runs[label]["times"] += result["times"]
                runs[label]["cpu"] += result["cpu"]
                versions[label] = result["version"]
                pass_cpu[label] = statistics.median(result["cpu"])
            pass_ratios.append(pass_cpu["before"] / pass_cpu["now"])
    count = len(articles)
    print(f"side by side, {passes} alternating passes of {rounds} rounds each over {count} articles:")
    medians = {}
    for label, name in (("now", "this tree"), ("before", ref)):
        cpu, wall = statistics.median(runs[label]["cpu"]), statistics.median(runs[label]["times"])
        medians[label] = cpu
        print(
            f"  analyzer {versions[label]} ({name}): {cpu / count * 1000:.2f} ms CPU per article "
            f"({count / cpu:.0f}/s; wall clock {wall / count * 1000:.2f} ms)"
        )
    print(f"  ratio before/now (CPU): {medians['before'] / medians['now']:.2f} (above 1: this tree is faster)")
    ratios = " ".join(f"{ratio:.2f}" for ratio in pass_ratios)
    print(f"  ratio in each pass: {ratios} (median {statistics.median(pass_ratios):.2f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_analysis", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="passes over the articles (default 30)")
    parser.add_argument("--polnear", type=Path, metavar="DIR", help="also time PolNeAR train texts read from DIR")
    parser.add_argument("--polnear-articles", type=int, default=200, metavar="N", help="how many (default 200)")
    parser.add_argument("--before", metavar="REF", help="also time the analyser of this git revision, side by side")
    parser.add_argument("--passes", type=int, default=6, metavar="N", help="with --before: passes (default 6)")
    args = parser.parse_args(argv)
    articles = _articles(args.polnear, args.polnear_articles)
    words = sum(len(body.split()) for body, _ in articles)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"corpus: {len(articles)} articles, {words} words ({words // len(articles)} per article)")
    if args.before:
        try:
            side_by_side(args.before, articles, max(1, args.rounds // 3), max(1, args.passes))
        except subprocess.CalledProcessError as exc:
            err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
            print(f"bench_analysis: {' '.join(map(str, exc.cmd[:2]))} failed: {err.strip()[:200]}", file=sys.stderr)
            return 1
        return 0
    import_s = _import_seconds()
    from reader.analysis import analyze

    start = time.perf_counter()
    analyze(*articles[0])
    first_ms = (time.perf_counter() - start) * 1000
    per_round = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for body, title in articles:
            analyze(body, title)
        per_round.append(time.perf_counter() - start)
    best, median = min(per_round), statistics.median(per_round)
    print(f"import reader.analysis: {import_s * 1000:.0f} ms (median of 5 fresh interpreters)")
    print(f"first analyze() call: {first_ms:.1f} ms")
    print(f"median: {len(articles) / median:.0f} articles/s ({median / len(articles) * 1000:.2f} ms per article)")
    print(f"best:   {len(articles) / best:.0f} articles/s ({best / len(articles) * 1000:.2f} ms per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
