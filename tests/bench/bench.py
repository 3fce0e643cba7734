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


def write(directory, name, make):
    """Writes make()'s text to directory/name in a forked child: a child's peak RSS (wait4) starts
    from its parent's, so the benchmark itself must never hold the big inputs."""
    path = pathlib.Path(directory) / name
    pid = os.fork()
    if pid == 0:
        try:
            path.write_text(make())
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    return str(path)


# A key only cluster configs have: without it, `check FILE` skips a YAML file whose top-level keys
# no cluster config has (a k8s manifest, a CloudFormation template), and nothing would be measured.
CONFIG_HEAD = "HeadNode: {}\n"


# Inputs that scale one dimension 1x, 10x and 100x. The cost per item (ms per 1,000 items) must stay
# flat: a quadratic path shows as a per-item cost that grows tenfold per step.
def scaling_inputs(tmp):
    for n in (450, 4500, 45000):  # 2 nodes each: the 100x case stays under the 100,000-node budget
        keys = lambda: CONFIG_HEAD + "".join("Unknown%d: x\n" % i for i in range(n))
        yield "unknown top-level keys", n, ["check", "-q"], write(tmp, "keys-%d.yaml" % n, keys)
        yield "unknown top-level keys, dump", n, ["dump"], str(pathlib.Path(tmp) / ("keys-%d.yaml" % n))
    full = (ROOT / "fixtures/examples/full.yaml").read_text()
    for n in (320, 3200, 32000):
        tags = lambda: "".join("  - Key: k%d\n    Value: v\n" % i for i in range(n))
        yield "Tags list items", n, ["check", "-q"], write(
            tmp, "tags-%d.yaml" % n, lambda: full.replace("\nTags:\n", "\nTags:\n" + tags()))
    ini = (ROOT / "fixtures/examples/v2/cluster.ini").read_text()
    for n in (200, 2000, 20000):
        text = lambda: ini.replace('tags = {"CostCenter": "hpc-research"}',
                                   "tags = " + json.dumps({"k%d" % i: "v" for i in range(n)}))
        yield "v2 tags JSON keys, migrate", n, ["migrate"], write(tmp, "tags-%d.ini" % n, text)
    for n in (900, 9000, 90000):
        toml = lambda: "[global]\ncluster_template = \"default\"\n[cluster.default]\n" + \
            "".join("k%d = \"v\"\n" % i for i in range(n))
        yield "TOML table keys", n, ["check", "-q"], write(tmp, "keys-%d.toml" % n, toml)
        toml = lambda: "[global]\ncluster_template = \"default\"\n" + \
            "".join("[section.s%d]\nk = \"v\"\n" % i for i in range(n // 3))
        yield "TOML tables", n // 3, ["check", "-q"], write(tmp, "tables-%d.toml" % (n // 3), toml)


# The hostile inputs of issue 14: each is refused or read within 2 s and 200 MB. The issue's
# one-line forms stop at the line-length limit; the multi-line forms reach the pre-scan's and the
# tree builder's own budgets.
def hostile_inputs(tmp):
    mib = 1 << 20
    yield "flow nesting '[' x (16 MiB - 1)", ["check", "-q"], write(tmp, "flow.yaml", lambda: "[" * (16 * mib - 1))
    yield "flow nesting '[\\n' x 8 Mi lines", ["check", "-q"], write(tmp, "flow-lines.yaml", lambda: "[\n" * (8 * mib - 1))
    yield "flow nesting '{a: ' x 10^6", ["check", "-q"], write(tmp, "flow-map.yaml", lambda: "{a: " * 10**6)
    yield "flow nesting '{a: \\n' x 10^6 lines", ["check", "-q"], write(tmp, "flow-map-lines.yaml", lambda: "{a: \n" * 10**6)
    yield "flow list of 4 M items, one per line", ["check", "-q"], write(
        tmp, "items.yaml", lambda: "a: [\n" + "x,\n" * 4000000 + "]\n")
    yield "block nesting 'a:' x 5000 levels", ["check", "-q"], write(
        tmp, "block.yaml", lambda: CONFIG_HEAD + "".join(" " * i + "a:\n" for i in range(5000)))
    yield "block nesting '- ' x 4 Mi on one line", ["check", "-q"], write(tmp, "dashes.yaml", lambda: "- " * (4 * mib) + "x\n")
    for n in (100, 1000):  # a 4 MiB plain scalar on 4,096 lines, then n aliases of it
        text = lambda: CONFIG_HEAD + "a: &a " + ("x" * 1023 + "\n   ") * 4096 + "\nb: [" + ", ".join(["*a"] * n) + "]\n"
        yield "4 MiB scalar aliased %d times" % n, ["check", "-q"], write(tmp, "alias-%d.yaml" % n, text)
    yield "4 MiB scalar aliased 100 times, dump", ["dump"], str(pathlib.Path(tmp) / "alias-100.yaml")
    # Past the node budget: refused by the pre-scan, not read key by key.
    yield "240,000 unknown top-level keys", ["check", "-q"], write(
        tmp, "keys-240000.yaml", lambda: CONFIG_HEAD + "".join("Unknown%d: x\n" % i for i in range(240000)))
    yield "TOML table of 300,000 keys", ["check", "-q"], write(
        tmp, "keys-300000.toml", lambda: "[global]\ncluster_template = \"default\"\n[cluster.default]\n" +
        "".join("k%d = \"v\"\n" % i for i in range(300000)))
    yield "16 MiB one line", ["check", "-q"], write(tmp, "long-line.yaml", lambda: CONFIG_HEAD + "a: " + "x" * (16 * mib - 32) + "\n")
    project = pathlib.Path(tmp) / "project"
    project.mkdir()
    write(project, ".pcluster-lint.yaml", lambda: "[" * (16 * mib - 1))
    write(project, "cluster.yaml", lambda: (ROOT / "fixtures/examples/full.yaml").read_text())
    yield "auto-discovered .pcluster-lint.yaml of '[' x (16 MiB - 1), check .", ["check", "-q", "."], str(project)
    project = pathlib.Path(tmp) / "project-lines"
    project.mkdir()
    write(project, ".pcluster-lint.yaml", lambda: "[\n" * (8 * mib - 1))
    write(project, "cluster.yaml", lambda: (ROOT / "fixtures/examples/full.yaml").read_text())
    yield "auto-discovered .pcluster-lint.yaml of '[\\n' x 8 Mi lines, check .", ["check", "-q", "."], str(project)


def out_dir_tree(tmp, files):
    """`files` copies of the bundled v2 config in a tree of 100 folders."""
    tree = pathlib.Path(tmp) / ("tree-%d" % files)
    text = (ROOT / "fixtures/examples/v2/cluster.ini").read_text()
    for i in range(files):
        folder = tree / ("d%d" % (i % 100))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ("c%d.ini" % i)).write_text(text)
    return str(tree)


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
    with tempfile.TemporaryDirectory() as tmp:
        for name, n, args_, path in scaling_inputs(tmp):
            r = measure("scaling: %s, %d" % (name, n), [binary] + args_ + [path], max(3, runs // 4))
            r["per_1000_items_ms"] = round(r["median_ms"] * 1000 / n, 2)
            results.append(r)
        for name, args_, path in hostile_inputs(tmp):
            cwd = path if args_[-1] == "." else None
            cmd = [binary] + args_ if cwd else [binary] + args_ + [path]
            results.append(measure("hostile: " + name, cmd, max(3, runs // 4), 2000, 200, cwd=cwd))
        # Streaming --out-dir: each file's findings, summary and report entry are printed and
        # dropped in turn, so peak memory stays flat from 200 to 20,000 files (the summary and the
        # --report JSON are on, as they are what a tree's memory used to grow with).
        for files in (200, 2000, 20000):
            tree = out_dir_tree(tmp, files)
            out = pathlib.Path(tmp) / ("out-%d" % files)
            r = measure("migrate --out-dir --report, tree of %d v2 files" % files,
                        [binary, "migrate", tree, "--out-dir", str(out), "--report", str(out) + ".json", "--force"],
                        1, target_mb=200)  # time: ~1 ms per file of real conversion work, not a budget
            r["per_1000_items_ms"] = round(r["median_ms"] * 1000 / files, 2)
            results.append(r)
    width = max(len(r["scenario"]) for r in results)
    print("%-*s  %10s  %10s  %s" % (width, "scenario", "median ms", "peak MB", "target"))
    for r in results:
        target = []
        if r["target_ms"] is not None:
            target.append("<= %d ms" % r["target_ms"])
        if r["target_mb"] is not None:
            target.append("<= %d MB" % r["target_mb"])
        verdict = ("met" if r["meets_target"] else "MISSED") if target else ""
        per_item = " (%.2f ms per 1,000 items)" % r["per_1000_items_ms"] if "per_1000_items_ms" in r else ""
        print("%-*s  %10.2f  %10.1f  %s %s%s" % (width, r["scenario"], r["median_ms"], r["peak_rss_mb"],
                                                 ", ".join(target), verdict, per_item))
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
