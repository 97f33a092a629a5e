"""One client shared by threads or tasks: every call gets its own answer, nothing leaks.

The loopback server runs in echo mode: each answer is made from its request
(the id in the path, the parameters, the Idempotency-Key), so an answer that
reached the wrong call, or a key shared by two calls, shows.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import stripe_lite
from stripe_lite.models import PaymentIntent

from .conftest import API_KEY
from .faulty_server import FaultyServer, Reply, client_sockets_to

THREADS = 8
CALLS_PER_THREAD = 12
TASKS = 200


@pytest.fixture
def echo_server(faulty_server: FaultyServer) -> Iterator[FaultyServer]:
    faulty_server.echo_mode()
    yield faulty_server
    assert client_sockets_to(faulty_server.port) in (0, None), "a client socket was left open"
    assert faulty_server.wait_until_idle(timeout=2.0), "a connection was left open"


class Expectation:
    """One call and what its answer must say."""

    def __init__(self, kind: str, tag: str) -> None:
        self.kind = kind
        self.tag = tag
        self.key = f"key-{tag}" if kind == "post_with_key" else None


KINDS = ["retrieve", "post", "post_with_key", "service_retrieve", "service_create", "service_list", "list_raw"]


def plan(count: int, prefix: str) -> list[Expectation]:
    return [Expectation(KINDS[i % len(KINDS)], f"{prefix}{i}_{uuid.uuid4().hex[:8]}") for i in range(count)]


def start(client: Any, call: Expectation) -> Any:
    """Make the call (returns its result, or a coroutine/awaitable for the async client)."""
    tag = call.tag
    if call.kind == "retrieve":
        return client.request("get", f"/v1/things/{tag}")
    if call.kind == "post":
        return client.request("post", "/v1/things", params={"tag": tag, "nested": {"tag": tag}})
    if call.kind == "post_with_key":
        return client.request("post", "/v1/things", params={"tag": tag}, idempotency_key=call.key)
    if call.kind == "service_retrieve":
        return client.payment_intents.retrieve(f"pi_{tag}")
    if call.kind == "service_create":
        return client.payment_intents.create(amount=100, currency="usd", metadata={"tag": tag})
    if call.kind == "service_list":
        return client.payment_intents.list(limit=3, extra_params={"tag": tag})
    return client.request("get", "/v1/things", params={"tag": tag})


def check(call: Expectation, result: Any) -> str | None:
    """Assert the answer is this call's; return the idempotency key it was sent with (POSTs)."""
    tag = call.tag
    if call.kind == "retrieve":
        assert result["id"] == tag and result["echo"]["method"] == "GET"
        assert result["echo"]["idempotency_key"] is None
        return None
    if call.kind in ("post", "post_with_key"):
        echo = result["echo"]
        assert echo["form"]["tag"] == tag
        if call.kind == "post":
            assert echo["form"]["nested[tag]"] == tag
        else:
            assert echo["idempotency_key"] == call.key
        return str(echo["idempotency_key"])
    if call.kind == "service_retrieve":
        assert isinstance(result, PaymentIntent) and result.id == f"pi_{tag}"
        return None
    if call.kind == "service_create":
        assert isinstance(result, PaymentIntent)
        assert result.extra_fields["echo"]["form"] == {"amount": "100", "currency": "usd", "metadata[tag]": tag}
        return str(result.extra_fields["echo"]["idempotency_key"])
    if call.kind == "service_list":
        assert [type(item) for item in result.data] == [PaymentIntent]
        assert result.data[0].extra_fields["echo"]["query"] == {"limit": "3", "tag": tag}
        return None
    assert result["echo"]["query"] == {"tag": tag}
    return None


def check_all(calls: list[Expectation], results: list[Any], server: FaultyServer) -> None:
    keys = [check(call, result) for call, result in zip(calls, results, strict=True)]
    sent = [key for key in keys if key is not None]
    assert len(sent) == len(set(sent)), "two calls shared an idempotency key"
    assert len(server.requests) == len(calls), "every call is exactly one request"
    received = [str(r.idempotency_key) for r in server.requests if r.method == "POST"]
    assert sorted(received) == sorted(sent)


def test_one_sync_client_shared_by_threads(echo_server: FaultyServer) -> None:
    calls = plan(THREADS * CALLS_PER_THREAD, "t")
    barrier = threading.Barrier(THREADS)

    with stripe_lite.StripeClient(api_key=API_KEY, base_url=echo_server.base_url, timeout=5.0) as client:

        def worker(mine: list[Expectation]) -> list[Any]:
            barrier.wait(timeout=5.0)
            return [start(client, call) for call in mine]

        chunks = [calls[i::THREADS] for i in range(THREADS)]
        with ThreadPoolExecutor(THREADS) as pool:
            per_thread = list(pool.map(worker, chunks))
    results: list[Any] = [None] * len(calls)
    for i, chunk_results in enumerate(per_thread):
        results[i::THREADS] = chunk_results
    check_all(calls, results, echo_server)


async def test_one_async_client_shared_by_tasks(echo_server: FaultyServer) -> None:
    calls = plan(TASKS, "a")

    async def one(client: stripe_lite.AsyncStripeClient, call: Expectation) -> Any:
        result = start(client, call)
        return await result

    async with stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=echo_server.base_url, timeout=5.0) as client:
        results = await asyncio.gather(*(one(client, call) for call in calls))
    check_all(calls, results, echo_server)


async def test_cancelled_calls_leave_no_connection_open(echo_server: FaultyServer) -> None:
    # Every answer is slow; the calls are cancelled while they wait for it.
    slow = Reply(echo=True, delay=0.5)
    echo_server.script(*[slow] * 20)
    async with stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=echo_server.base_url, timeout=5.0) as client:
        tasks = [asyncio.ensure_future(client.request("post", "/v1/things", params={"n": n})) for n in range(20)]
        # Every request reached the server and waits for its answer: cancel them all then.
        assert await asyncio.to_thread(echo_server.wait_for_requests, 20, 5.0)
        assert not any(task.done() for task in tasks)
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        assert all(isinstance(r, asyncio.CancelledError) for r in results)
    assert len(echo_server.requests) == 20


# -- the first decode of a model, from many threads at once -------------------------------------

PAYLOADS = Path(__file__).parent / "payloads"

# Run in a fresh interpreter, where no model module is loaded yet: every thread's
# first decode races to import modules, resolve lazy decoders and build the
# key-by-key tables of small objects.
_FIRST_DECODE = """
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
from stripe_lite.models import construct

payloads = [json.loads(open(path).read()) for path in sys.argv[1:]]
workers = 16
barrier = threading.Barrier(workers)

def decode(index):
    barrier.wait(timeout=5.0)
    order = payloads[index % len(payloads):] + payloads[: index % len(payloads)]
    return [construct(data).to_dict() == data for data in order]

with ThreadPoolExecutor(workers) as pool:
    outcomes = list(pool.map(decode, range(workers)))
assert outcomes == [[True] * len(payloads)] * workers, outcomes
print("ok", len(sys.modules))
"""


@pytest.mark.parametrize("round_", range(3))
def test_the_first_decode_from_many_threads_at_once(round_: int) -> None:
    names = ["setup_intent_expanded", "setup_attempt", "payment_intent_expanded", "payment_method", "payment_link"]
    paths = [str(PAYLOADS / f"{name}.json") for name in names]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_DECODE, *paths],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")
