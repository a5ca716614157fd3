#!/usr/bin/env python3
"""newslint's speed, side by side with proselint and textlint (not part of the test suite).

Everything is timed as whole processes on the same files, the way a user or a
CI job runs the tools, and each figure is the median of several alternating
runs. It reports:

- words/s and articles/s on a batch of article files (newslint with its
  default parallelism, proselint, textlint + textlint-rule-write-good);
- cold start: one short article, the whole process (after a warm-up run, so
  newslint's user cache is filled as it is on any machine after the first run);
- -j1 against -j2 on the batch;
- peak memory (max RSS) on the batch, and when streaming JSON Lines files of
  N and of 4N articles (or the sizes ``--stream-sizes`` lists), ``-j1``, the
  JSON report to a file and the text report: it must not grow with the
  number of articles;
- the ratios against the fastest peer and the issue's targets.

Corpora: ``../shared/corpora/bbc.jsonl`` and ``reuters21578.jsonl`` when present
(next to the repository), otherwise synthetic articles built from ``examples/``.
Peers are installed on first use into a cache folder (``--peers``): proselint
0.16.0 into a virtual environment, textlint with write-good through npm when
``npm`` is on PATH. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
TARGETS = {"ratio": 5.0, "cold_ms": 120.0, "scaling": 1.8, "stream_growth": 1.10}


# -- running things ------------------------------------------------------------------------

def run(cmd, cwd=None, env=None) -> tuple[float, int, int]:
    """Run a whole process: (wall seconds, peak RSS in KB, exit code). Output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def median_time(cmds: dict[str, list], repeat: int, cwd=None) -> dict[str, tuple[float, int]]:
    """Alternate the commands ``repeat`` times; median wall time and max peak RSS for each."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    peaks: dict[str, int] = {k: 0 for k in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            wall, rss, _ = run(cmd, cwd=cwd)
            times[name].append(wall)
            peaks[name] = max(peaks[name], rss)
    return {k: (statistics.median(v), peaks[k]) for k, v in times.items()}


_SPIN = "s = 0\nfor i in range(4_000_000):\n    s += i * i % 7\n"


def machine_scaling(repeat: int) -> float:
    """How much faster two CPU-bound Python processes finish side by side than one after the other
    (median of ``repeat``): the ceiling for ``-j2`` on this machine right now. A shared or
    hyper-threaded host gives well under 2x at times, and ``-j2`` cannot do better than it."""
    cmd = [sys.executable, "-c", _SPIN]
    ratios = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        subprocess.run(cmd, check=True)
        serial = time.perf_counter() - start
        start = time.perf_counter()
        procs = [subprocess.Popen(cmd) for _ in range(2)]
        for proc in procs:
            proc.wait()
        ratios.append(serial / (time.perf_counter() - start))
    return statistics.median(ratios)


# -- corpora -------------------------------------------------------------------------------

def load_articles(limit: int) -> tuple[list[dict], str]:
    rows: list[dict] = []
    names = []
    for name in ("bbc.jsonl", "reuters21578.jsonl"):
        path = CORPORA / name
        if not path.is_file():
            continue
        names.append(name)
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("body") and len(row["body"].split()) >= 50:
                    rows.append({"headline": row.get("headline") or "", "body": row["body"]})
                if len(rows) >= limit * len(names):
                    break
    if rows:
        random.Random(6).shuffle(rows)  # mix the corpora the same way every run
        return rows[:limit], " + ".join(names)
    # synthetic: paragraphs of the examples, reshuffled into articles
    paragraphs = []
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8")
            paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) > 8 and not p.startswith("---")]
    rng = random.Random(6)
    articles = []
    for i in range(limit):
        body = "\n\n".join(rng.sample(paragraphs, min(len(paragraphs), 8)))
        articles.append({"headline": f"Synthetic article {i}", "body": body})
    return articles, "synthetic articles from examples/"


def write_batch(articles: list[dict], folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, row in enumerate(articles):
        path = folder / f"{i:05}.txt"
        path.write_text(row["headline"] + "\n\n" + row["body"] + "\n", encoding="utf-8")
        files.append(str(path.relative_to(folder.parent)))
    return files


def write_jsonl(articles: list[dict], count: int, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            row = articles[i % len(articles)]
            handle.write(json.dumps({"id": str(i), "headline": row["headline"], "body": row["body"]}) + "\n")


def stream_memory(nl: list[str], articles: list[dict], sizes: list[int], work: Path) -> list[tuple]:
    """Peak RSS (KB) of ``-j1`` runs on a JSON Lines file of each size: ``(articles, MB, json, text)``,
    the JSON report written to a file, the text one to /dev/null. One file on disk at a time."""
    rows = []
    for count in sizes:
        path = work / "stream.jsonl"
        write_jsonl(articles, count, path)
        _, rss_json, _ = run(nl + ["-q", "-j", "1", "--format", "json:stream-report.json", path.name], cwd=work)
        _, rss_text, _ = run(nl + ["-q", "-j", "1", "--format", "text", path.name], cwd=work)
        rows.append((count, path.stat().st_size / 2**20, rss_json, rss_text))
        path.unlink()
        (work / "stream-report.json").unlink(missing_ok=True)
    return rows


# -- peers ---------------------------------------------------------------------------------

def proselint(peers: Path) -> list[str] | None:
    venv = peers / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        print("installing proselint 0.16.0 ...", file=sys.stderr)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint==0.16.0"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"proselint unavailable: {exc}", file=sys.stderr)
            return None
    return [str(exe), "check"]


def textlint(peers: Path) -> list[str] | None:
    if shutil.which("npm") is None:
        return None
    folder = peers / "textlint"
    exe = folder / "node_modules" / ".bin" / "textlint"
    if not exe.exists():
        print("installing textlint + textlint-rule-write-good ...", file=sys.stderr)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder),
                            "textlint", "textlint-rule-write-good"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            print(f"textlint unavailable: {exc}", file=sys.stderr)
            return None
    rc = folder / ".textlintrc.json"
    rc.write_text(json.dumps({"rules": {"write-good": True}}))
    return [str(exe), "--config", str(rc)]


# -- the benchmark ---------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=600, help="articles in the batch (default 600)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median; default 3)")
    ap.add_argument("--stream", type=int, default=5000, help="N for the JSON Lines memory check (N and 4N)")
    ap.add_argument("--stream-sizes", type=lambda v: [int(x) for x in v.split(",")], default=None,
                    help="article counts for the memory check instead (e.g. 10000,25000,50000,100000)")
    ap.add_argument("--memory-only", action="store_true", help="only the JSON Lines memory check")
    ap.add_argument("--newslint", default=shutil.which("newslint") or "newslint", help="the newslint command")
    ap.add_argument("--peers", default=os.path.join(tempfile.gettempdir(), "newslint-bench-peers"),
                    help="where peers are installed (kept between runs)")
    ap.add_argument("--profile", default="uk", help="newslint profile for the batch (default uk)")
    ap.add_argument("--no-peers", action="store_true", help="time newslint only")
    args = ap.parse_args(argv)

    articles, corpus = load_articles(args.articles)
    peers = Path(args.peers)
    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        files = write_batch(articles, work / "a")
        words = sum(len((work / f).read_text(encoding="utf-8").split()) for f in files)
        (work / "newslint.yaml").write_text(f"profile: {args.profile}\n")
        (work / "tiny.txt").write_text("The mayor said the vote would happen on Tuesday.\n")
        nl = [args.newslint]
        print(f"corpus: {corpus}; {len(files)} articles, {words:,} words; machine: {os.cpu_count()} CPUs; "
              f"newslint profile {args.profile}, every default pack")

        run(nl + ["tiny.txt"], cwd=work)  # warm-up: fills the user cache like any first run
        if args.memory_only:
            print_stream_memory(nl, articles, args, work)
            return 0
        cmds = {"newslint": nl + ["-q", "--format", "json"] + files}
        if not args.no_peers:
            for name, cmd in (("proselint", proselint(peers)), ("textlint", textlint(peers))):
                if cmd is not None:
                    cmds[name] = cmd + files
        batch = median_time(cmds, args.repeat, cwd=work)
        print("\nbatch (whole processes, median of %d):" % args.repeat)
        for name, (wall, rss) in batch.items():
            print(f"  {name:10} {wall:7.2f} s  {words / wall:10,.0f} words/s  {len(files) / wall:7.1f} articles/s"
                  f"  peak {rss / 1024:6.0f} MB")
        peer_speeds = {k: words / v[0] for k, v in batch.items() if k != "newslint"}
        ratio = None
        if peer_speeds:
            fastest = max(peer_speeds, key=peer_speeds.get)
            ratio = (words / batch["newslint"][0]) / peer_speeds[fastest]
            for name, speed in peer_speeds.items():
                print(f"  newslint / {name}: {(words / batch['newslint'][0]) / speed:.1f}x")

        scaling = median_time({"-j1": nl + ["-q", "-j", "1", "--format", "json"] + files,
                               "-j2": nl + ["-q", "-j", "2", "--format", "json"] + files}, args.repeat, cwd=work)
        scale = scaling["-j1"][0] / scaling["-j2"][0]
        ceiling = machine_scaling(args.repeat)
        print(f"\nscaling: -j1 {scaling['-j1'][0]:.2f} s, -j2 {scaling['-j2'][0]:.2f} s -> {scale:.2f}x "
              f"(this machine runs two CPU-bound processes at once {ceiling:.2f}x as fast as one after the other)")

        cold = median_time({"cold": nl + ["tiny.txt"]}, max(7, args.repeat), cwd=work)["cold"]
        print(f"cold start (one short article, whole process): {cold[0] * 1000:.0f} ms, peak {cold[1] / 1024:.0f} MB")

        growth = print_stream_memory(nl, articles, args, work)
        print("\ntargets:")
        if ratio is not None:
            print(f"  words/s vs fastest peer  {ratio:5.1f}x  (want >= {TARGETS['ratio']})")
        print(f"  cold start              {cold[0] * 1000:5.0f} ms (want <= {TARGETS['cold_ms']:.0f})")
        print(f"  -j2 / -j1               {scale:5.2f}x  (want >= {TARGETS['scaling']}; needs 2 idle cores: "
              f"the machine's own ceiling now {ceiling:.2f}x)")
        print(f"  streaming peak growth   {growth:5.2f}x  (largest file / smallest; want <= {TARGETS['stream_growth']})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def print_stream_memory(nl: list[str], articles: list[dict], args, work: Path) -> float:
    """Print the streaming memory table; return the largest file's peak over the smallest's."""
    sizes = args.stream_sizes or [args.stream, args.stream * 4]
    rows = stream_memory(nl, articles, sizes, work)
    print("\nstreaming JSON Lines (-j1, every default pack), peak RSS:")
    print("  articles      file   json (to a file)   text")
    for count, size, rss_json, rss_text in rows:
        print(f"  {count:8,}  {size:5.0f} MB  {rss_json / 1024:10.0f} MB  {rss_text / 1024:6.0f} MB")
    growth = max(rows[-1][2] / rows[0][2], rows[-1][3] / rows[0][3])
    print(f"  {rows[-1][0]:,} / {rows[0][0]:,} articles: json x{rows[-1][2] / rows[0][2]:.2f}, "
          f"text x{rows[-1][3] / rows[0][3]:.2f} (want <= {TARGETS['stream_growth']}: findings go to the "
          f"report as each article is done, nothing is kept per article)")
    return growth


if __name__ == "__main__":
    sys.exit(main())
