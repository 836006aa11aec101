"""The reference vendor under a bounded burst on loopback: requests/s, connections held, RSS.

    python benchmarks/load.py                          # 8 clients x 200 requests, 200 idle connections
    python benchmarks/load.py --clients 16 --requests 500 --idle 1000

Starts ``conformance reference serve --port 0`` as its own process, then (1) opens ``--idle``
connections that send half a request line and wait (a slow-loris burst) and reads how many the
server holds (its thread count) and its RSS; (2) with those still open, ``--clients`` threads
each send ``--requests`` GETs of a residents page on kept-alive connections: requests/s and the
latency percentiles; (3) closes everything and checks the server still answers. Prints figures; it
asserts nothing. Bounded: every socket has a timeout, the whole script a deadline.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[1]


def proc_status(pid: int) -> dict[str, str]:
    status: dict[str, str] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        status[key] = value.strip()
    return status


def figures(pid: int) -> str:
    status = proc_status(pid)
    return f"threads {status['Threads']}, RSS {int(status['VmRSS'].split()[0]) / 1024:.0f} MB"


def idle_connections(host: str, port: int, count: int) -> list[socket.socket]:
    held = []
    for _ in range(count):
        try:
            sock = socket.create_connection((host, port), timeout=5)
            sock.sendall(b"GET /api/v1/residents HTTP/1.1\r\nHost: x\r\n")  # never finished
            held.append(sock)
        except OSError:
            break
    return held


def burst(base_url: str, clients: int, per_client: int) -> tuple[int, int, float, list[float]]:
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def client() -> None:
        with requests.Session() as session:
            for _ in range(per_client):
                started = time.perf_counter()
                try:
                    answer = session.get(f"{base_url}/residents", params={"offset": "0", "limit": "20"}, timeout=10)
                    ok = answer.status_code == 200
                except requests.RequestException:
                    ok = False
                with lock:
                    if ok:
                        latencies.append(time.perf_counter() - started)
                    else:
                        failures[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return len(latencies), failures[0], time.perf_counter() - started, latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--idle", type=int, default=200, help="Connections opened and left half-sent.")
    options = parser.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "conformance", "reference", "serve", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        parts = urlsplit(base_url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        print(f"reference at {base_url} (pid {server.pid}): idle {figures(server.pid)}")
        held = idle_connections(host, port, options.idle)
        time.sleep(1)
        print(f"{len(held)} half-sent connections open: {figures(server.pid)}")
        done, failed, seconds, latencies = burst(base_url, options.clients, options.requests)
        ordered = sorted(latencies) or [0.0]
        print(f"burst: {options.clients} clients x {options.requests} GET /residents (20 per page): "
              f"{done} answered, {failed} failed in {seconds:.1f} s = {done / seconds:.0f} requests/s; "
              f"latency median {statistics.median(ordered) * 1000:.1f} ms, "
              f"p99 {ordered[int(len(ordered) * 0.99) - 1] * 1000:.1f} ms")
        print(f"during the burst's end: {figures(server.pid)}")
        for sock in held:
            sock.close()
        time.sleep(2)
        alive = requests.get(f"{base_url}/residents", params={"limit": "1"}, timeout=10).status_code
        print(f"after closing everything: status {alive}, {figures(server.pid)}")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
