"""Memory of the server while it refuses an oversized request body.

Starts a seeded demo server (``tests/support/live_server.py``), warms it up with a few GraphQL
requests, notes its idle resident memory, then sends a ``--megabytes`` (default 300 MB) body to
``/graphql`` twice: once announced by ``Content-Length`` and once chunked (no length, so the
server can only stop at its limit while reading). For each it prints the answer, how much of the
body the server took before answering, and the server's peak resident memory during the request
(``VmHWM`` of ``/proc/<pid>/status``, reset before each scenario through ``/proc/<pid>/clear_refs``;
sampled every 5 ms when that is not allowed) beside its idle memory, as a ratio, next to the
ceiling the body limit should keep it under (``--ceiling``, default 1.5 x idle).

    .venv/bin/python bench/body_limit.py [--megabytes 300] [--ceiling 1.5]

Linux only (reads /proc). Traffic goes to 127.0.0.1 only. Exit status 1 when the server does
not refuse a body with 413 or a normal request fails afterwards; the memory figures are printed,
not asserted.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support.live_server import run_live_server  # noqa: E402

CHUNK = 1 << 20  # 1 MiB
MB = 1 << 20


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def rss_mb(pid: int) -> float:
    return _status_kb(pid, "VmRSS") / 1024


class PeakMeter:
    """The peak resident memory of a process over a stretch of time."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.kernel = True
        self._sampled = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakMeter:
        try:
            Path(f"/proc/{self.pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        except OSError:
            self.kernel = False
        self._sampled = rss_mb(self.pid)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            try:
                self._sampled = max(self._sampled, rss_mb(self.pid))
            except (OSError, RuntimeError):
                return

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    @property
    def peak_mb(self) -> float:
        if self.kernel:
            return max(self._sampled, _status_kb(self.pid, "VmHWM") / 1024)
        return self._sampled


@dataclass
class Outcome:
    scenario: str
    status: int | None
    sent_mb: float
    seconds: float
    peak_mb: float
    after_mb: float
    message: str


def _read_status(sock: socket.socket) -> tuple[int | None, str]:
    """The status code and body of the answer (up to 64 KiB), or None when the server closed."""
    data = b""
    sock.settimeout(30)
    try:
        while b"\r\n\r\n" not in data or len(data) < 65536:
            part = sock.recv(65536)
            if not part:
                break
            data += part
            head, _, rest = data.partition(b"\r\n\r\n")
            if b"\r\n\r\n" in data and b"content-length:" in head.lower():
                length = int(next(line.split(b":", 1)[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length:")))
                if len(rest) >= length:
                    break
    except (TimeoutError, ConnectionResetError):
        pass
    if not data.startswith(b"HTTP/"):
        return None, ""
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    try:
        message = json.loads(body)["errors"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError):
        message = body[:120].decode(errors="replace")
    return status, message


def send_big_body(host: str, port: int, size: int, *, chunked: bool) -> tuple[int | None, int, float, str]:
    """Send a POST of ``size`` bytes, stopping when the server answers or closes; (status, sent, seconds, message)."""
    sock = socket.create_connection((host, port))
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    head = (f"POST /graphql HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Accept: application/json\r\n{framing}\r\n\r\n").encode()
    start = time.perf_counter()
    sent = 0
    block = b'{"query": "' + b"x" * (CHUNK - 11)
    try:
        sock.sendall(head)
        sock.setblocking(False)
        while sent < size:
            # Stop as soon as the server has answered: a real client would too.
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            piece = block[: min(CHUNK, size - sent)]
            payload = (b"%x\r\n" % len(piece) + piece + b"\r\n") if chunked else piece
            sock.setblocking(True)
            sock.settimeout(30)
            sock.sendall(payload)
            sock.setblocking(False)
            sent += len(piece)
        if chunked and sent >= size:
            sock.setblocking(True)
            sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server closed the connection after refusing: what we want
    sock.setblocking(True)
    status, message = _read_status(sock)
    seconds = time.perf_counter() - start
    sock.close()
    return status, sent, seconds, message


def graphql(url: str, query: str, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps({"query": query}).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=300, help="size of the body sent (default 300)")
    parser.add_argument("--ceiling", type=float, default=1.5,
                        help="peak / idle memory the limit should keep the server under (default 1.5)")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        print("body_limit: needs Linux /proc", file=sys.stderr)
        return 2
    size = args.megabytes * MB

    with run_live_server() as url:
        assert url.pid is not None
        login = graphql(url.graphql_url, 'mutation { login(username: "admin", password: "Yecai@2026") '
                                         "{ ... on LoginSuccess { token } } }")
        token = login["data"]["login"]["token"]
        for _ in range(20):
            graphql(url.graphql_url, "{ viewer { username permissions } users(first: 50) { totalCount } }", token)
        time.sleep(0.5)
        idle = rss_mb(url.pid)

        outcomes = []
        for scenario, chunked in (("Content-Length", False), ("chunked", True)):
            with PeakMeter(url.pid) as meter:
                status, sent, seconds, message = send_big_body(url.host, url.port, size, chunked=chunked)
                time.sleep(0.3)  # let the server finish whatever it still does with the body
            outcomes.append(Outcome(scenario, status, sent / MB, seconds, meter.peak_mb, rss_mb(url.pid), message))
            kernel = meter.kernel

        after = graphql(url.graphql_url, "{ viewer { username } }", token)
        healthy = after.get("data", {}).get("viewer", {}).get("username") == "admin"

    print(f"server: yecai serve (SQLite demo), pid {url.pid}; body sent: {args.megabytes} MB to /graphql; "
          f"peak = {'VmHWM (kernel)' if kernel else 'sampled VmRSS every 5 ms'}")
    print(f"idle RSS: {idle:.1f} MB; ceiling: peak <= {args.ceiling:g} x idle = {idle * args.ceiling:.1f} MB")
    print()
    header = f"{'body framing':<16} {'answer':>6} {'sent MB':>8} {'seconds':>8} {'peak MB':>8} " \
             f"{'peak/idle':>9} {'ceiling':>8} {'RSS after':>9}  message"
    print(header)
    print("-" * len(header))
    failed = not healthy
    for o in outcomes:
        ratio = o.peak_mb / idle
        verdict = "under" if ratio <= args.ceiling else "OVER"
        print(f"{o.scenario:<16} {o.status if o.status else 'closed':>6} {o.sent_mb:>8.1f} {o.seconds:>8.2f} "
              f"{o.peak_mb:>8.1f} {ratio:>8.2f}x {verdict:>8} {o.after_mb:>8.1f}  {o.message}")
        if o.status != 413:
            failed = True
    print()
    print(f"a normal request afterwards: {'ok' if healthy else 'FAILED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
