"""Soak run (``nox -s soak``; not part of the test suite): both clients against a faulty loopback server.

The server (a child process, so that the client's figures are its own) injects
random faults: 5xx, 429 with Retry-After, connections reset before and after it
applied a POST, slow answers (some past the client's timeout), truncated bodies.
It applies each POST once per idempotency key (a retry gets the stored answer;
a retry that arrives while the first attempt is still running gets a 409,
as from Stripe) and counts how often it applied each key.

The run must end with every POST applied exactly once, no exception but a
StripeError subclass (a call that still fails is called again with the
exception's idempotency_key, as the docs tell users to), and open file
descriptors and memory flat between the first and the last tenth.

    python tests/soak.py [--requests N] [--minutes M] [--seed S]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stripe_lite
from stripe_lite import StripeError

API_KEY = "sk_test_soak_0123456789abcdefghijklmnopqrstuv"
THREADS = 32
TASKS = 128
CLIENT_TIMEOUT = 1.0
TRIES_PER_CALL = 30  # calls of one logical operation (each with the client's own retries) before giving up

# -- the server ---------------------------------------------------------------------------------

# (share of requests, fault); what is left answers normally.
FAULTS = [
    (0.04, "500"),
    (0.03, "429"),
    (0.02, "reset_before"),
    (0.02, "reset_after"),
    (0.03, "slow"),
    (0.005, "too_slow"),
    (0.02, "truncated"),
]


class Ledger:
    """What the server applied, per idempotency key."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done: dict[str, bytes] = {}
        self.in_flight: set[str] = set()
        self.applied: collections.Counter[str] = collections.Counter()
        self.requests = 0
        self.faults: collections.Counter[str] = collections.Counter()
        self.next_id = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 30.0
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.handle_one()

    do_POST = do_GET

    def handle_one(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        ledger = self.server.ledger
        if self.path == "/_stats":
            with ledger.lock:
                stats = {"applied": dict(ledger.applied), "requests": ledger.requests, "faults": dict(ledger.faults)}
            self.answer(200, json.dumps(stats).encode())
            return
        fault = self.server.pick()
        with ledger.lock:
            ledger.requests += 1
            if fault:
                ledger.faults[fault] += 1
        if fault == "500":
            self.answer(500, b'{"error": {"type": "api_error", "message": "injected"}}')
        elif fault == "429":
            self.answer(429, b'{"error": {"type": "rate_limit_error", "message": "injected"}}',
                        ("Retry-After", random.choice(["0", "0.05", "0.1"])))
        elif fault == "reset_before":
            self.reset()
        elif self.command == "POST":
            self.post(fault)
        else:
            body = json.dumps({"id": self.path.rsplit("/", 1)[-1], "object": "thing"}).encode()
            self.finish_answer(fault, body)

    def post(self, fault: str | None) -> None:
        ledger = self.server.ledger
        key = self.headers.get("Idempotency-Key") or ""
        with ledger.lock:
            stored = ledger.done.get(key)
            busy = stored is None and key in ledger.in_flight
            if stored is None and not busy:
                ledger.in_flight.add(key)
        if busy:
            self.answer(409, b'{"error": {"type": "idempotency_error", "message": "key in use"}}')
            return
        if stored is None:
            with ledger.lock:
                ledger.next_id += 1
                stored = json.dumps({"id": f"th_{ledger.next_id}", "object": "thing", "key": key}).encode()
                ledger.done[key] = stored
                ledger.applied[key] += 1
                ledger.in_flight.discard(key)
        self.finish_answer(fault, stored)

    def finish_answer(self, fault: str | None, body: bytes) -> None:
        if fault == "reset_after":
            self.reset()
        elif fault == "slow":
            # The soak (nox -s soak, never collected by pytest) needs a server that is really slow:
            # the clients' own timeouts are what it checks.
            time.sleep(random.uniform(0.01, 0.2))
            self.answer(200, body)
        elif fault == "too_slow":
            time.sleep(CLIENT_TIMEOUT * 1.5)
            self.answer(200, body)
        elif fault == "truncated":
            self.wfile.write(self.head(200, len(body)) + body[: len(body) // 2])
            self.close_connection = True
        else:
            self.answer(200, body)

    def head(self, status: int, length: int, *headers: tuple[str, str]) -> bytes:
        lines = [f"HTTP/1.1 {status} X", f"Content-Length: {length}", "Content-Type: application/json"]
        lines += [f"{name}: {value}" for name, value in headers]
        return ("\r\n".join(lines) + "\r\n\r\n").encode()

    def answer(self, status: int, body: bytes, *headers: tuple[str, str]) -> None:
        try:
            self.wfile.write(self.head(status, len(body), *headers) + body)
        except OSError:
            self.close_connection = True

    def reset(self) -> None:
        # SO_LINGER 0: the close sends RST, as a crashed proxy or server would.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    ledger: Ledger

    def pick(self) -> str | None:
        roll = random.random()
        for share, fault in FAULTS:
            if roll < share:
                return fault
            roll -= share
        return None

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that gave up (timeouts) break pipes: expected


def serve(seed: int) -> None:
    random.seed(seed)
    server = Server(("127.0.0.1", 0), Handler)
    server.ledger = Ledger()
    print(server.server_address[1], flush=True)
    server.serve_forever(poll_interval=0.05)


# -- the clients ----------------------------------------------------------------------------------


class Tally:
    def __init__(self, total: int) -> None:
        self.lock = threading.Lock()
        self.total = total
        self.done = 0
        self.posts: dict[str, str] = {}  # idempotency key -> id the server gave
        self.stripe_errors: collections.Counter[str] = collections.Counter()
        self.other_errors: list[str] = []
        self.gave_up = 0
        self.samples: list[tuple[int, int, int]] = []  # (done, open fds, rss bytes)

    def finished(self, post: tuple[str, str] | None) -> None:
        with self.lock:
            self.done += 1
            if post:
                key, object_id = post
                if key in self.posts:
                    self.other_errors.append(f"the key {key} was used by two calls")
                self.posts[key] = object_id
            if self.done % max(1, self.total // 100) == 0:
                self.samples.append((self.done, open_fds(), rss()))


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def operation(index: int) -> tuple[str, str, dict[str, Any] | None]:
    if index % 2:
        return "get", f"/v1/things/th_{index}", None
    return "post", "/v1/things", {"amount": 100 + index % 900, "currency": "usd"}


Call = tuple[str, str, "dict[str, Any] | None", "str | None"]


def logical_call(tally: Tally, index: int) -> Generator[Call, Any, None]:
    """One operation as a user would make it: yields the calls to make, is sent what each gave
    (its result or its exception), and calls again with the exception's key until it succeeds."""
    method, path, params = operation(index)
    key = None
    for _ in range(TRIES_PER_CALL):
        outcome = yield method, path, params, key
        if isinstance(outcome, StripeError):
            with tally.lock:
                tally.stripe_errors[type(outcome).__name__] += 1
            key = outcome.idempotency_key  # the same key again: applied once, whatever happened
        elif isinstance(outcome, BaseException):
            with tally.lock:
                tally.other_errors.append(f"{type(outcome).__name__}: {outcome}")
            return
        else:
            tally.finished((outcome["key"], outcome["id"]) if method == "post" else None)
            return
    with tally.lock:
        tally.gave_up += 1


def plan(tally: Tally, indexes: range, stop_at: float) -> Generator[Call, Any, None]:
    """Every operation of one worker, one after the other, until done or out of time."""
    for index in indexes:
        if time.monotonic() > stop_at:
            return
        yield from logical_call(tally, index)


def advance(calls: Generator[Call, Any, None], outcome: Any) -> Call | None:
    try:
        return calls.send(outcome)
    except StopIteration:
        return None


def sync_worker(client: stripe_lite.StripeClient, calls: Generator[Call, Any, None]) -> None:
    step = next(calls, None)
    while step is not None:
        method, path, params, key = step
        try:
            outcome: Any = client.request(method, path, params=params, idempotency_key=key)
        except Exception as exc:
            outcome = exc
        step = advance(calls, outcome)


async def async_worker(client: stripe_lite.AsyncStripeClient, calls: Generator[Call, Any, None]) -> None:
    step = next(calls, None)
    while step is not None:
        method, path, params, key = step
        try:
            outcome: Any = await client.request(method, path, params=params, idempotency_key=key)
        except Exception as exc:
            outcome = exc
        step = advance(calls, outcome)


def split(indexes: range, parts: int) -> list[range]:
    return [indexes[part::parts] for part in range(parts)]


def run_sync(base_url: str, tally: Tally, indexes: range, stop_at: float) -> None:
    with stripe_lite.StripeClient(API_KEY, base_url=base_url, timeout=CLIENT_TIMEOUT, max_retries=3) as client:
        with ThreadPoolExecutor(THREADS) as pool:
            for future in [pool.submit(sync_worker, client, plan(tally, part, stop_at)) for part in split(indexes, THREADS)]:
                future.result()


async def run_async(base_url: str, tally: Tally, indexes: range, stop_at: float) -> None:
    async with stripe_lite.AsyncStripeClient(API_KEY, base_url=base_url, timeout=CLIENT_TIMEOUT, max_retries=3) as c:
        await asyncio.gather(*(async_worker(c, plan(tally, part, stop_at)) for part in split(indexes, TASKS)))


def tenth(samples: list[tuple[int, int, int]], which: int) -> tuple[float, float]:
    size = max(1, len(samples) // 10)
    chosen = samples[:size] if which == 0 else samples[-size:]
    return sum(s[1] for s in chosen) / len(chosen), sum(s[2] for s in chosen) / len(chosen) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=100_000, help="logical calls, half from each client")
    parser.add_argument("--minutes", type=float, default=10.0, help="the most the run may take")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.seed)
        return 0

    random.seed(args.seed)
    server = subprocess.Popen([sys.executable, __file__, "--serve", "--seed", str(args.seed)], stdout=subprocess.PIPE)
    try:
        assert server.stdout is not None
        base_url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        tally = Tally(args.requests)
        started = time.monotonic()
        stop_at = started + args.minutes * 60
        half = args.requests // 2
        sync_thread = threading.Thread(target=run_sync, args=(base_url, tally, range(0, half), stop_at))
        sync_thread.start()
        asyncio.run(run_async(base_url, tally, range(half, args.requests), stop_at))
        sync_thread.join()
        elapsed = time.monotonic() - started
        with stripe_lite.StripeClient(API_KEY, base_url=base_url, max_retries=0) as client:
            stats = client.request("get", "/_stats")
    finally:
        server.terminate()
        server.wait(timeout=10)

    applied = stats["applied"]
    twice = [key for key, count in applied.items() if count != 1]
    unknown = [key for key in tally.posts if key not in applied]
    not_seen = [key for key in applied if key not in tally.posts]
    fds_first, rss_first = tenth(tally.samples, 0)
    fds_last, rss_last = tenth(tally.samples, -1)
    posts = (tally.done + 1) // 2
    # The run's own record of every POST (key -> id) grows with it; it is not the client's.
    ledger_mib = (sys.getsizeof(tally.posts) + sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in tally.posts.items()))
    ledger_mib /= 2**20
    print(f"soak: {tally.done} of {args.requests} calls in {elapsed:.0f} s ({tally.done / elapsed:.0f}/s), seed {args.seed}")
    print(f"  HTTP requests the server answered: {stats['requests']}; faults injected: {stats['faults']}")
    print(f"  StripeErrors raised to callers (each then called again with its idempotency key): "
          f"{dict(tally.stripe_errors)}")
    print(f"  POSTs: {len(tally.posts)} succeeded, {len(applied)} applied by the server, "
          f"{len(twice)} applied more than once, {len(unknown) + len(not_seen)} unaccounted for")
    print(f"  exceptions other than StripeError: {len(tally.other_errors)}; calls given up: {tally.gave_up}")
    print(f"  open fds, first / last tenth: {fds_first:.1f} / {fds_last:.1f}")
    print(f"  RSS MiB, first / last tenth: {rss_first:.1f} / {rss_last:.1f} "
          f"(of which the run's own record of the POSTs: {ledger_mib:.1f} at the end)")
    failures = []
    if tally.done != args.requests:
        failures.append(f"only {tally.done} calls finished in time")
    if twice or unknown or not_seen or len(tally.posts) != posts:
        failures.append("a POST was not applied exactly once")
    if tally.other_errors:
        failures.append(f"non-StripeError exceptions: {tally.other_errors[:5]}")
    if fds_last > fds_first + 16:
        failures.append("open file descriptors grew")
    if rss_last - ledger_mib > rss_first * 1.1 + 4:
        failures.append("memory grew")
    for failure in failures:
        print(f"FAILED: {failure}")
    print("soak: OK" if not failures else "soak: FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
