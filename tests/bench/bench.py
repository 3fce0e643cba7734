#!/usr/bin/env python3
"""Benchmark of pcluster-lint: wall time and peak RSS per scenario; prints a table, writes JSON.

Usage: tests/bench/bench.py BUILD_DIR [--runs N] [--json FILE] [--markdown]
(--markdown also prints the table as the README's Speed section has it.)
Timing goals live here, never in unit tests. Uses only the standard library.
"""
import argparse, json, os, pathlib, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def run_once(cmd, cwd=None):
    """Runs cmd; returns (seconds, peak RSS in MB, exit code). RSS comes from wait4's rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(name, cmd, runs, target_ms=None, target_mb=None, cwd=None):
    samples = [run_once(cmd, cwd) for _ in range(runs)]
    wall = statistics.median(s[0] for s in samples) * 1000
    rss = max(s[1] for s in samples)
    codes = sorted({s[2] for s in samples})
    ok = (target_ms is None or wall <= target_ms) and (target_mb is None or rss <= target_mb)
    return {"scenario": name, "median_ms": round(wall, 2), "peak_rss_mb": round(rss, 1), "runs": runs,
            "exit_codes": codes, "target_ms": target_ms, "target_mb": target_mb, "meets_target": ok}


def scaled_config(copies):
    """The bundled full config with its first queue repeated `copies` times (renamed)."""
    text = (ROOT / "fixtures/examples/full.yaml").read_text()
    head, rest = text.split("  SlurmQueues:\n", 1)
    queue_block, tail = rest.split("\nSharedStorage:", 1)
    first = queue_block.split("\n    - Name: ")[1]
    queues = "".join("\n    - Name: q%d%s" % (i, first[first.index("\n"):]) for i in range(copies))
    return head + "  SlurmQueues:" + queues + "\nSharedStorage:" + tail


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", default=None)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    binary = str(pathlib.Path(args.build).resolve() / "pcluster-lint")
    runs = args.runs
    results = []
    full = str(ROOT / "fixtures/examples/full.yaml")
    results.append(measure("check one v3 config (full.yaml, all rules)", [binary, "check", "-q", full], runs, 5, 30))
    results.append(measure("parse only (dump full.yaml)", [binary, "dump", full], runs))
    results.append(measure("check with every optional rule off (--select PCL0)",
                           [binary, "check", "-q", "--select", "PCL0", full], runs))
    v2 = str(ROOT / "fixtures/examples/v2/cluster.ini")
    results.append(measure("migrate one v2 config (cluster.ini)", [binary, "migrate", v2], runs, 5, 30))
    if CORPUS.is_dir():
        corpus = [str(CORPUS / d) for d in ("v3-real", "v3-samples", "v2", "v2-real")]
        results.append(measure("check the corpus, --jobs 1", [binary, "check", "-q", "--jobs", "1"] + corpus,
                               max(3, runs // 5), 1000, 30))
        results.append(measure("check the corpus, default jobs", [binary, "check", "-q"] + corpus,
                               max(3, runs // 5), 1000, 30))
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, 10, 100):
            path = pathlib.Path(tmp) / ("scaled-%d.yaml" % copies)
            path.write_text(scaled_config(copies))
            results.append(measure("check full.yaml with %dx queues (%d KB)" % (copies, path.stat().st_size // 1024),
                                   [binary, "check", "-q", str(path)], max(3, runs // 4)))
    width = max(len(r["scenario"]) for r in results)
    print("%-*s  %10s  %10s  %s" % (width, "scenario", "median ms", "peak MB", "target"))
    for r in results:
        target = []
        if r["target_ms"] is not None:
            target.append("<= %d ms" % r["target_ms"])
        if r["target_mb"] is not None:
            target.append("<= %d MB" % r["target_mb"])
        verdict = ("met" if r["meets_target"] else "MISSED") if target else ""
        print("%-*s  %10.2f  %10.1f  %s %s" % (width, r["scenario"], r["median_ms"], r["peak_rss_mb"],
                                               ", ".join(target), verdict))
    if args.markdown:
        print("| scenario | median | peak RSS | target | met |\n|---|---|---|---|---|")
        for r in results:
            target = ", ".join(t for t in ("≤ %d ms" % r["target_ms"] if r["target_ms"] else "",
                                           "≤ %d MB" % r["target_mb"] if r["target_mb"] else "") if t)
            met = ("yes" if r["meets_target"] else "**no**") if target else ""
            print("| %s | %.1f ms | %.1f MB | %s | %s |" % (r["scenario"], r["median_ms"], r["peak_rss_mb"], target, met))
    report = {"tool": "pcluster-lint", "cpus": os.cpu_count(), "results": results}
    out = args.json or str(pathlib.Path(args.build) / "bench-results.json")
    pathlib.Path(out).write_text(json.dumps(report, indent=2) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    sys.exit(main())
