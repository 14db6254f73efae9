#!/usr/bin/env python3
"""How a burst of staff sign-ins affects everybody else: the latency of a public read
(GET /api/v1/consultations/demo) while N sign-ins with wrong passwords arrive at once, each
for another name (so each one costs a full argon2 check), against the latency when idle.

Usage: scripts/sign-in-bench.py [N]   (default 200; needs `cargo build --profile server`)
Starts target/server/mitreden-server on a fresh SQLite file with sign-in limits off."""
import json, os, statistics, subprocess, sys, tempfile, threading, time, urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
BIN = os.environ.get("MITREDEN_BIN", "target/server/mitreden-server")

def request(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    start = time.perf_counter()
    try:
        urllib.request.urlopen(req, timeout=60).read()
    except urllib.error.HTTPError as e:
        e.read()
    return (time.perf_counter() - start) * 1000

def reads(base, until):
    samples = []
    while not until.is_set():
        samples.append(request(f"{base}/api/v1/consultations/demo"))
        time.sleep(0.02)
    return samples

def main():
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [BIN, "serve", "--addr", "127.0.0.1:0", "--database", f"{tmp}/b.db",
             "--sign-in-rate-limit", "0"], stdout=subprocess.PIPE, text=True)
        base = None
        for line in server.stdout:
            if line.startswith("Results JSON:"):
                base = line.split()[2].split("/api/")[0]
                break
        try:
            idle_done = threading.Event()
            timer = threading.Timer(2.0, idle_done.set); timer.start()
            idle = reads(base, idle_done)
            burst_done = threading.Event()
            sampled = []
            sampler = threading.Thread(target=lambda: sampled.extend(reads(base, burst_done)))
            sampler.start()
            start = time.perf_counter()
            workers = [threading.Thread(target=request, args=(f"{base}/api/v1/staff/session",
                       {"name": f"guess{i}", "password": "falsch"})) for i in range(N)]
            for w in workers: w.start()
            for w in workers: w.join()
            burst_s = time.perf_counter() - start
            burst_done.set(); sampler.join()
        finally:
            server.terminate(); server.wait()
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
    print(f"{N} sign-ins with wrong passwords at once took {burst_s:.1f} s")
    print(f"public read, idle:        median {statistics.median(idle):.1f} ms, p95 {q(idle, .95):.1f} ms ({len(idle)} reads)")
    print(f"public read, during burst: median {statistics.median(sampled):.1f} ms, p95 {q(sampled, .95):.1f} ms, max {max(sampled):.1f} ms ({len(sampled)} reads)")

main()
