#!/usr/bin/env python3
"""Benchmark of `pcluster-lint lsp`: diagnostics latency after a change, and memory over a long session.

Usage: tests/bench/lsp_bench.py BUILD_DIR [--changes N] [--edits N]
1. Opens the bundled full config with 100 queues, then makes N small edits one at a time and
   times each from sending didChange to receiving the publishDiagnostics of that version
   (target: median <= 20 ms).
2. Makes 10,000 edits to a 10-queue config, each one checked (the next edit is sent when the
   previous version's diagnostics arrive; hovers and completions in between), and compares the
   server's RSS (VmRSS) after 100 edits and after 10,000 (target: within 10%).
Timing goals live here, never in unit tests. Uses only the standard library.
"""
import argparse, json, os, pathlib, select, statistics, subprocess, sys, time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench import scaled_config  # noqa: E402


class Session:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1
        return self.next_id - 1

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                length = int(self.buffer[:end].split(b":")[1])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the server closed stdout")
            self.buffer += chunk

    def wait(self, match):
        while True:
            message = self.read()
            if match(message):
                return message

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def rss_kb(self):
        for line in pathlib.Path("/proc/%d/status" % self.proc.pid).read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def close(self):
        self.request("shutdown", {})
        self.notify("exit", {})
        self.proc.wait(timeout=30)


def open_doc(session, uri, text):
    session.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    session.notify("initialized", {})
    session.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    session.diagnostics(uri, 1)


def edit(session, uri, version, line, column):
    """Toggles one digit of a MaxCount value (40 <-> 41): a real change that keeps the config valid."""
    change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 1}},
              "text": "1" if version % 2 == 0 else "0"}
    session.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})


def max_count_position(text):
    for number, line in enumerate(text.splitlines()):
        if line.strip() == "MaxCount: 40":
            return number, line.index("40") + 1
    raise ValueError("no MaxCount: 40 line")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--edits", type=int, default=10000)
    args = parser.parse_args()
    binary = str(pathlib.Path(args.build).resolve() / "pcluster-lint")
    uri = "file:///tmp/pcl-lsp-bench/cluster.yaml"

    text = scaled_config(100)
    session = Session(binary)
    open_doc(session, uri, text)
    line, column = max_count_position(text)
    latencies = []
    for version in range(2, args.changes + 2):
        start = time.perf_counter()
        edit(session, uri, version, line, column)
        session.diagnostics(uri, version)
        latencies.append((time.perf_counter() - start) * 1000)
    session.close()
    median = statistics.median(latencies)
    print("diagnostics after a change, 100-queue config (%d KB), %d changes: median %.1f ms, p90 %.1f ms, max %.1f ms"
          " (target <= 20 ms: %s)" % (len(text) // 1024, len(latencies), median,
                                      sorted(latencies)[int(len(latencies) * 0.9) - 1], max(latencies),
                                      "met" if median <= 20 else "MISSED"))

    text = scaled_config(10)
    session = Session(binary)
    open_doc(session, uri, text)
    line, column = max_count_position(text)
    rss = {}
    for version in range(2, args.edits + 2):
        edit(session, uri, version, line, column)
        session.diagnostics(uri, version)
        if version % 100 == 0:
            hover = session.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                           "position": {"line": line, "character": column - 5}})
            session.wait(lambda m: m.get("id") == hover)
            completion = session.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                                     "position": {"line": line, "character": 0}})
            session.wait(lambda m: m.get("id") == completion)
        if version - 1 in (100, args.edits):
            rss[version - 1] = session.rss_kb()
    session.close()
    first, last = rss[100], rss[args.edits]
    growth = (last - first) / first * 100
    print("RSS after 100 edits %.1f MB, after %d edits %.1f MB: %+.1f%% (target within 10%%: %s)"
          % (first / 1024, args.edits, last / 1024, growth, "met" if abs(growth) <= 10 else "MISSED"))


if __name__ == "__main__":
    sys.exit(main())
