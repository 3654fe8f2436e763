"""Analysis cost in machine instructions, this tree against earlier revisions, under valgrind.

Run with ``python -m bench.bench_instructions --polnear DIR --before REF [--before REF ...]``; figures
go in docs/benchmarks.md. Wall-clock ratios on a shared machine drift by more than the difference
between two versions (see bench_analysis); an instruction count does not: callgrind gives the same
total for the same interpreter, code and input whatever else the machine is doing (the hash seed is
fixed, as the order of sets changes the work). It is not time
(cache misses and the like are not counted), so it is reported beside the side-by-side timings, not
instead of them.

Each analyser is run twice under ``valgrind --tool=callgrind``: once importing and warming up on the
first 20 articles, once doing that and then analysing every article; the difference is the cost of
analysing the articles (the same gold and PolNeAR train texts bench_analysis uses). Slow: about a
minute per revision for the default 100 PolNeAR articles; the runs of a revision go in parallel.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.bench_analysis import ROOT, _articles, checkout

CHILD = """
import json, sys
from reader.analysis import ANALYZER_VERSION, analyze
articles = json.load(open(sys.argv[1], encoding="utf-8"))
for body, title in articles[:20]:
    analyze(body, title)
if sys.argv[2] == "all":
    for body, title in articles:
        analyze(body, title)
print(ANALYZER_VERSION)
"""


def _instructions(code: Path, corpus: Path, mode: str, out: Path) -> tuple[int, str]:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", CHILD, str(corpus), mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=code,
        env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},  # set order varies the count
    )
    collected = re.search(r"Collected : (\d+)", run.stderr)
    if collected is None:
        raise SystemExit(f"bench_instructions: valgrind printed no total:\n{run.stderr[-500:]}")
    return int(collected.group(1)), run.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_instructions", description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, metavar="DIR", help="also analyse PolNeAR train texts read from DIR")
    parser.add_argument("--polnear-articles", type=int, default=100, metavar="N", help="how many (default 100)")
    parser.add_argument("--before", action="append", default=[], metavar="REF", help="a git revision to compare")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("bench_instructions: valgrind is not installed", file=sys.stderr)
        return 1
    articles = _articles(args.polnear, args.polnear_articles)
    with tempfile.TemporaryDirectory(prefix="reader-bench-instructions-") as name:
        folder = Path(name)
        corpus = folder / "articles.json"
        corpus.write_text(json.dumps(articles), encoding="utf-8")
        trees = [("this tree", ROOT)] + [(ref, checkout(ref, folder / f"ref{i}")) for i, ref in enumerate(args.before)]
        # Compiled beforehand: the two runs of a tree go in parallel, and one that finds the other's
        # bytecode already written skips the compiling the other counts, which made an exported revision
        # look 7% cheaper than the same code in this tree.
        for _label, code in trees:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "reader")], check=True)
        jobs = {
            (label, mode): (code, mode, folder / f"{i}.{mode}.out")
            for i, (label, code) in enumerate(trees)
            for mode in ("warm", "all")
        }
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = {
                key: pool.submit(_instructions, corpus=corpus, code=c, mode=m, out=o) for key, (c, m, o) in jobs.items()
            }
            counts = {key: future.result() for key, future in done.items()}
    print(f"instructions to analyse {len(articles)} articles (after import and warm-up), under callgrind:")
    now = counts[("this tree", "all")][0] - counts[("this tree", "warm")][0]
    for label, _ in trees:
        cost = counts[(label, "all")][0] - counts[(label, "warm")][0]
        version = counts[(label, "all")][1]
        ratio = (
            "" if label == "this tree" else f"; ratio {label}/this tree {cost / now:.2f} (above 1: this tree does less)"
        )
        print(f"  analyzer {version} ({label}): {cost / len(articles) / 1e6:.1f} M per article{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
