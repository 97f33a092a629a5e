"""Reliability, round two: fork, event loops, bombs, nesting, endless pages, deadlines, secrets, proxies.

Every test here failed before its fix. Servers are the loopback FaultyServer
(bounded, stopped by the test) or respx; nothing sleeps for real beyond a
server's own small, bounded delays.
"""

from __future__ import annotations

import asyncio
import datetime
import gzip
import json
import logging
import os
import select
import time
import traceback
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite import _client, errors
from stripe_lite._base_client import NO_OPTIONS
from stripe_lite._pagination import ListPage

from .conftest import API_KEY, Runner, Sleeps, Walk
from .faulty_server import FaultyServer, Reply, serve

OK = {"id": "obj_1", "object": "thing"}
MiB = 1024 * 1024


def post(c: Any, **kwargs: Any) -> Any:
    return c.request("post", "/v1/things", params={"amount": 2000, "currency": "usd"}, **kwargs)


def get(c: Any, **kwargs: Any) -> Any:
    return c.request("get", "/v1/things/obj_1", **kwargs)


def live(mode: str, server: FaultyServer, scenario: Callable[[Any], Any], **options: Any) -> Any:
    options.setdefault("timeout", 5.0)
    return Runner(mode)(scenario, base_url=server.base_url, **options)


MODES = ["sync", "async"]


# -- fork ---------------------------------------------------------------------------------------


def in_child(work: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Run ``work`` in a forked child; return what it returned (JSON), or raise what it raised."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        try:
            os.close(read_end)
            try:
                outcome = {"value": work()}
            except BaseException as exc:
                outcome = {"error": f"{type(exc).__name__}: {exc}", "stripe": isinstance(exc, errors.StripeError)}
            os.write(write_end, json.dumps(outcome).encode())
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + timeout
    try:
        while (left := deadline - time.monotonic()) > 0:
            readable, _, _ = select.select([read_end], [], [], left)
            if not readable:
                continue
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        else:
            os.kill(pid, 9)
            pytest.fail("the forked child did not finish in time")
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


def test_a_sync_client_opens_fresh_connections_in_a_forked_child(faulty_server: FaultyServer) -> None:
    faulty_server.echo_mode()
    with stripe_lite.StripeClient(api_key=API_KEY, base_url=faulty_server.base_url, max_retries=0, timeout=5) as client:
        assert get(client)["id"] == "obj_1"  # the parent now holds a pooled keep-alive connection
        child = in_child(lambda: post(client)["echo"]["idempotency_key"])
        assert "value" in child, child
        after = get(client)
    parent_first, in_the_child, parent_after = faulty_server.requests
    assert in_the_child.method == "POST" and in_the_child.idempotency_key == child["value"]
    assert in_the_child.peer_port != parent_first.peer_port, "the child reused the parent's socket"
    assert after["echo"]["method"] == "GET" and parent_after.peer_port == parent_first.peer_port


def test_an_async_client_opens_fresh_connections_in_a_forked_child(faulty_server: FaultyServer) -> None:
    faulty_server.echo_mode()
    client = stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=faulty_server.base_url, max_retries=0, timeout=5)

    async def parent_call() -> Any:
        return await get(client)

    async def child_call() -> Any:
        try:
            return (await post(client))["echo"]["idempotency_key"]
        finally:
            await client.aclose()

    def child_runs_its_own_loop() -> Any:
        # Before Python 3.12 a forked child still sees the parent's loop as running.
        asyncio.events._set_running_loop(None)
        return asyncio.run(child_call())

    async def parent_keeps_its_pool() -> Any:
        first = await get(client)  # a keep-alive connection in the pool of this loop
        child = in_child(child_runs_its_own_loop)
        second = await get(client)
        await client.aclose()
        return first, child, second

    first, child, second = asyncio.run(parent_keeps_its_pool())
    assert first["id"] == "obj_1" and second["id"] == "obj_1"
    assert "value" in child, child
    parent_first, in_the_child, parent_after = faulty_server.requests
    assert in_the_child.idempotency_key == child["value"]
    assert in_the_child.peer_port != parent_first.peer_port, "the child reused the parent's socket"
    assert parent_after.peer_port == parent_first.peer_port


def test_your_own_http_client_is_not_used_in_a_forked_child(faulty_server: FaultyServer) -> None:
    faulty_server.echo_mode()
    with httpx.Client() as own, stripe_lite.StripeClient(
        api_key=API_KEY, base_url=faulty_server.base_url, http_client=own, max_retries=0, timeout=5
    ) as client:
        get(client)
        child = in_child(lambda: post(client))
    assert child.get("stripe") is True and "ConnectionPoolError" in child["error"], child
    assert "process" in child["error"]
    assert [r.method for r in faulty_server.requests] == ["GET"]  # nothing was sent from the child


# -- another event loop -----------------------------------------------------------------------


def test_an_async_client_works_on_a_second_event_loop(faulty_server: FaultyServer) -> None:
    faulty_server.echo_mode()
    client = stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=faulty_server.base_url, max_retries=0, timeout=5)
    first = asyncio.run(post(client))
    second = asyncio.run(post(client))  # the first loop is closed now
    asyncio.run(client.aclose())
    assert first["echo"]["method"] == second["echo"]["method"] == "POST"
    one, two = faulty_server.requests
    assert one.peer_port != two.peer_port  # a fresh connection, on the new loop
    assert faulty_server.wait_until_idle(timeout=2.0), "the first loop's connection was never closed"


async def test_an_async_client_outlives_the_test_loops_of_a_framework(faulty_server: FaultyServer) -> None:
    # pytest-asyncio runs this test on a loop of its own; the client was used on another one before.
    faulty_server.echo_mode()
    client = stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=faulty_server.base_url, max_retries=0, timeout=5)
    loop = asyncio.get_running_loop()
    earlier = await loop.run_in_executor(None, lambda: asyncio.run(get(client)))
    now = await get(client)
    await client.aclose()
    assert earlier["id"] == now["id"] == "obj_1"
    assert len(faulty_server.requests) == 2


def test_your_own_async_http_client_on_another_loop_fails_before_sending(faulty_server: FaultyServer) -> None:
    faulty_server.echo_mode()
    own = httpx.AsyncClient()
    client = stripe_lite.AsyncStripeClient(api_key=API_KEY, base_url=faulty_server.base_url, http_client=own)

    async def first() -> None:
        await get(client)
        await own.aclose()

    asyncio.run(first())
    with pytest.raises(errors.ConnectionPoolError, match="event loop") as caught:
        asyncio.run(post(client, idempotency_key="order-1"))
    assert "nothing was sent" in caught.value.message
    assert caught.value.idempotency_key == "order-1"
    assert [r.method for r in faulty_server.requests] == ["GET"]


class Broken(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport that fails the way a closed event loop does, after the request went out."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        raise RuntimeError("Event loop is closed")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        raise RuntimeError("Event loop is closed")


@pytest.mark.parametrize("mode", MODES)
def test_a_failure_after_sending_is_a_connection_error_keeping_the_key(mode: str, sleeps: Sleeps) -> None:
    transport = Broken()

    def scenario(http: Any) -> Any:
        cls = stripe_lite.StripeClient if mode == "sync" else stripe_lite.AsyncStripeClient
        client = cls(api_key=API_KEY, http_client=http)
        return post(client)

    with pytest.raises(errors.APIConnectionError) as caught:
        if mode == "sync":
            with httpx.Client(transport=transport) as http:
                scenario(http)
        else:

            async def main() -> None:
                async with httpx.AsyncClient(transport=transport) as http:
                    await scenario(http)

            asyncio.run(main())
    exc = caught.value
    assert type(exc) is errors.APIConnectionError
    assert "may have been applied" in exc.message
    assert exc.idempotency_key is not None
    assert exc.idempotency_key == transport.sent[0].headers["idempotency-key"]
    assert isinstance(exc.__cause__, RuntimeError)
    assert len(transport.sent) == 1 and sleeps == []  # not retried: the transport itself is broken


@pytest.mark.parametrize("mode", MODES)
def test_a_closed_client_raises_a_stripe_error_before_sending(mode: str, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=OK)
    if mode == "sync":
        client = stripe_lite.StripeClient(api_key=API_KEY)
        client.close()
        with pytest.raises(errors.ConnectionPoolError, match="closed"):
            get(client)
    else:
        aclient = stripe_lite.AsyncStripeClient(api_key=API_KEY)

        async def main() -> None:
            await aclient.aclose()
            await get(aclient)

        with pytest.raises(errors.ConnectionPoolError, match="closed"):
            asyncio.run(main())
    assert route.call_count == 0


# -- decompression bombs ------------------------------------------------------------------------


def gzip_stream(size: int, chunk: bytes = b"\0" * MiB) -> bytes:
    """``size`` zero bytes, gzipped, without holding them all at once."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(packer.flush())
    return b"".join(parts)


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    one_gib = gzip_stream(1024 * MiB)
    inner = gzip_stream(256 * MiB)
    return {
        "1 GiB, one layer": one_gib,
        "256 MiB, gzip twice": gzip.compress(inner),
        "256 MiB, deflate over gzip": zlib.compress(inner),
    }


def peak_while(work: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


BOMBS = {
    "1 GiB, one layer": ("gzip", 64 * MiB),
    "256 MiB, gzip twice": ("gzip, gzip", 8 * MiB),
    "256 MiB, deflate over gzip": ("gzip, deflate", 8 * MiB),
}


@pytest.mark.parametrize(("name", "encoding", "budget"), [(n, *v) for n, v in BOMBS.items()], ids=list(BOMBS))
@pytest.mark.parametrize("mode", MODES)
def test_a_decompression_bomb_is_refused_within_bounded_memory(
    mode: str, faulty_server: FaultyServer, bombs: dict[str, bytes], name: str, encoding: str, budget: int
) -> None:
    body = bombs[name]
    faulty_server.script(Reply.raw(200, body, "application/json", ("Content-Encoding", encoding)))
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            live(mode, faulty_server, get, max_retries=0)
        except BaseException as exc:
            outcome.append(exc)

    peak = peak_while(call)  # the compressed body was made before: not counted
    assert len(outcome) == 1 and type(outcome[0]) is errors.InvalidResponseError, outcome
    assert peak < budget, f"{peak / MiB:.0f} MiB allocated"


@pytest.mark.parametrize("mode", MODES)
def test_a_gzipped_answer_is_decoded(mode: str, faulty_server: FaultyServer) -> None:
    data = {"id": "obj_1", "object": "thing", "pad": "z" * 200_000}
    faulty_server.script(
        Reply.raw(200, gzip.compress(json.dumps(data).encode()), "application/json", ("Content-Encoding", "gzip")),
        Reply.raw(200, zlib.compress(json.dumps(data).encode()), "application/json", ("Content-Encoding", "deflate")),
        Reply.raw(200, json.dumps(data).encode(), "application/json", ("Content-Encoding", "identity")),
    )
    for _ in range(3):
        assert live(mode, faulty_server, get) == data


@pytest.mark.parametrize("mode", MODES)
def test_a_corrupt_compressed_body_is_an_invalid_response(mode: str, faulty_server: FaultyServer) -> None:
    faulty_server.script(Reply.raw(200, b"\x1f\x8b not gzip at all", "application/json", ("Content-Encoding", "gzip")))
    with pytest.raises(errors.InvalidResponseError, match="decompress"):
        live(mode, faulty_server, get)
    assert len(faulty_server.requests) == 1


# -- deeply nested error bodies -----------------------------------------------------------------


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for level in range(depth):
        value = {"k": value} if level % 2 else [value]
    return value


@pytest.mark.parametrize("depth", [500, 900])
@pytest.mark.parametrize(
    ("status", "error_type", "cls"),
    [(400, "invalid_request_error", errors.InvalidRequestError), (402, "card_error", errors.CardError),
     (500, "api_error", errors.APIError)],
)
def test_a_deeply_nested_error_body_is_a_stripe_error(
    run: Runner, mock_api: respx.MockRouter, status: int, error_type: str, cls: type[Exception], depth: int
) -> None:
    body = {"error": {"type": error_type, "message": "deep", "detail": nested(depth)}}
    text = json.dumps(body)
    mock_api.post("/v1/things").respond(status, content=text.encode(), headers={"Content-Type": "application/json"})
    with pytest.raises(errors.StripeError) as caught:
        run(lambda c: post(c, max_retries=0))
    assert type(caught.value) is cls
    assert caught.value.http_status == status


# -- endless pages -------------------------------------------------------------------------------


def thing(n: int) -> dict[str, Any]:
    return {"id": f"th_{n}", "object": "thing"}


def list_page(ids: list[int], has_more: bool = True) -> dict[str, Any]:
    return {"object": "list", "url": "/v1/things", "has_more": has_more, "data": [thing(i) for i in ids]}


def bounded(pages: list[dict[str, Any]], limit: int = 12) -> Callable[[httpx.Request], httpx.Response]:
    """Answer with ``pages`` in turn, cycling; after ``limit`` requests end the list (so no test hangs)."""
    count = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        if count > limit:
            return httpx.Response(200, json=list_page([], has_more=False))
        return httpx.Response(200, json=pages[(count - 1) % len(pages)])

    return answer


ENDLESS = {
    "the same page again and again": [list_page([1, 2])],
    "two pages in a cycle": [list_page([1, 2]), list_page([3, 4])],
}


@pytest.mark.parametrize("pages", ENDLESS.values(), ids=ENDLESS.keys())
def test_a_list_that_repeats_itself_ends_with_an_error_after_the_first_repeat(
    run: Runner, mock_api: respx.MockRouter, pages: list[dict[str, Any]]
) -> None:
    setup_pages = [{**p, "data": [{**d, "object": "setup_attempt"} for d in p["data"]]} for p in pages]
    route = mock_api.get("/v1/setup_attempts").mock(side_effect=bounded(setup_pages))
    seen: list[str] = []

    def collect(c: Any) -> Any:
        if isinstance(c, stripe_lite.AsyncStripeClient):

            async def walk_async() -> None:
                async for item in c.setup_attempts.list(setup_intent="seti_1"):
                    seen.append(item.id)

            return walk_async()
        for item in c.setup_attempts.list(setup_intent="seti_1"):
            seen.append(item.id)

    with pytest.raises(errors.InvalidResponseError, match="repeat"):
        run(collect)
    assert len(seen) == len(set(seen)), f"duplicates were yielded: {seen}"
    assert route.call_count == len(pages) + 1


def test_a_search_that_repeats_its_next_page_ends_with_an_error(run: Runner, mock_api: respx.MockRouter) -> None:
    count = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        more = count <= 12
        return httpx.Response(200, json={
            "object": "search_result", "url": "/v1/payment_intents/search", "has_more": more,
            "next_page": "page_2" if more else None, "data": [{"id": f"pi_{count}", "object": "payment_intent"}],
        })

    mock_api.get("/v1/payment_intents/search").mock(side_effect=answer)
    with pytest.raises(errors.InvalidResponseError, match="repeat"):
        run(lambda c: Walk(c.payment_intents.search(query="status:'succeeded'")))
    assert count == 2  # the first page, then the page for "page_2" that gives "page_2" again


def test_a_page_with_more_to_come_but_no_data_ends_the_walk_with_an_error(
    run: Runner, mock_api: respx.MockRouter
) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(side_effect=bounded([{**list_page([]), "has_more": True}]))
    with pytest.raises(errors.InvalidResponseError, match="no data"):
        run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1")))
    assert route.call_count == 1


# -- trickling servers: a deadline per attempt --------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_trickling_server_hits_the_overall_deadline(mode: str, faulty_server: FaultyServer, sleeps: Sleeps) -> None:
    # One byte every 50 ms: no single read waits long, but the answer would take seconds.
    slow = Reply(200, json.dumps({**OK, "pad": "x" * 40}).encode(), (("Content-Type", "application/json"),),
                 trickle=0.05)
    faulty_server.script(slow, slow)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        live(mode, faulty_server, post, timeout=0.3, max_retries=1)
    elapsed = time.monotonic() - started
    assert "timed out after 2 attempts" in caught.value.message
    assert elapsed < 1.5, f"{elapsed:.2f} s"
    keys = [r.idempotency_key for r in faulty_server.requests]
    assert len(keys) == 2 and keys[0] == keys[1]



def test_the_deadline_used_before_python_3_11_also_ends_a_trickling_attempt(
    faulty_server: FaultyServer, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 3.11+ bounds an async attempt with asyncio.timeout; 3.10 has none and uses anyio's.
    monkeypatch.setattr(_client, "_fail_after", _client._anyio_fail_after)
    slow = Reply(200, json.dumps({**OK, "pad": "x" * 40}).encode(), (("Content-Type", "application/json"),),
                 trickle=0.05)
    faulty_server.script(slow)
    with pytest.raises(errors.APITimeoutError, match="timed out"):
        live("async", faulty_server, post, timeout=0.3, max_retries=0)
    assert len(faulty_server.requests) == 1

# -- secrets --------------------------------------------------------------------------------------


def locals_text(exc: BaseException) -> str:
    """What ``pytest --showlocals`` (or any traceback with locals) would print, causes included."""
    return "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())


SECRETS = (API_KEY, API_KEY[-8:])


@pytest.mark.parametrize(
    "option", [{"stripe_account": "acct_1\r\nX: 1"}, {"stripe_version": "v\n"}, {"idempotency_key": "k\r\n"},
               {"timeout": -1}, {"max_retries": -1}],
    ids=lambda o: next(iter(o)),
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_option_never_shows_the_key_in_traceback_locals(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, option: dict[str, Any], method: str
) -> None:
    route = mock_api.route().respond(json=OK)
    with pytest.raises(ValueError, match=next(iter(option))) as caught:
        client.request(method, "/v1/things", params={"a": 1}, **option)
    text = locals_text(caught.value)
    assert "self = " in text or "headers" in text or "options" in text  # locals were captured
    for secret in SECRETS:
        assert secret not in text
    assert route.call_count == 0


@pytest.mark.parametrize("mode", MODES)
def test_a_connection_error_never_shows_the_key_in_traceback_locals(mode: str, sleeps: Sleeps) -> None:
    from .test_faults import UnusedPort

    with UnusedPort() as port, pytest.raises(errors.APIConnectionError) as caught:
        Runner(mode)(post, base_url=f"http://127.0.0.1:{port}", max_retries=0)
    text = locals_text(caught.value)
    assert "prepared" in text or "request" in text
    for secret in SECRETS:
        assert secret not in text


LIVE_KEY = "sk_live_" + "Z9" * 16


@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_a_bad_base_url_never_shows_the_key_in_traceback_locals(cls: type[Any]) -> None:
    with pytest.raises(ValueError, match="plain http") as caught:
        cls(api_key=LIVE_KEY, base_url="http://example.com")
    text = locals_text(caught.value)
    assert "base_url" in text
    assert LIVE_KEY not in text and LIVE_KEY[-8:] not in text


def test_a_client_secret_in_the_query_is_masked_in_httpx_logs(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    mock_api.get("/v1/payment_intents/pi_1").respond(json={"id": "pi_1", "object": "payment_intent"})
    caplog.set_level(logging.INFO, logger="httpx")
    client.request("get", "/v1/payment_intents/pi_1", params={"client_secret": "pi_1_secret_AbC123xyz", "x": "1"})
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("HTTP Request" in line for line in lines), lines
    assert all("AbC123xyz" not in line for line in lines), lines
    assert any("client_secret=pi_1_secret_%2A%2A%2A" in line or "pi_1_secret_***" in line for line in lines), lines


# -- proxies --------------------------------------------------------------------------------------


@pytest.fixture
def proxy_server() -> Iterator[FaultyServer]:
    with serve(max_requests=20) as proxy:
        yield proxy


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
@pytest.mark.parametrize("mode", MODES)
def test_plain_http_to_loopback_never_goes_through_an_environment_proxy(
    mode: str, variable: str, faulty_server: FaultyServer, proxy_server: FaultyServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
                 "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, proxy_server.base_url)
    faulty_server.echo_mode()
    for base_url in (faulty_server.base_url, f"http://localhost:{faulty_server.port}"):
        assert Runner(mode)(post, base_url=base_url, timeout=5, max_retries=0)["echo"]["method"] == "POST"
    assert proxy_server.requests == [], "the key went to the proxy"
    assert len(faulty_server.requests) == 2


@pytest.mark.parametrize("mode", MODES)
def test_an_environment_proxy_is_still_used_for_stripe(
    mode: str, proxy_server: FaultyServer, monkeypatch: pytest.MonkeyPatch, sleeps: Sleeps
) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", proxy_server.base_url)
    proxy_server.script(Reply.raw(403, b"", None))
    with pytest.raises(errors.APIConnectionError):
        Runner(mode)(get, timeout=5, max_retries=0)
    assert [(r.method, r.path) for r in proxy_server.requests] == [("CONNECT", "api.stripe.com:443")]


# -- the smaller ones ---------------------------------------------------------------------------


def test_the_repr_of_a_half_built_page_does_not_raise(client: stripe_lite.StripeClient) -> None:
    assert repr(ListPage.__new__(ListPage)).startswith("ListPage(")
    with pytest.raises(errors.InvalidResponseError) as caught:
        ListPage(client, "/v1/x", {}, NO_OPTIONS, lambda x: x, {"data": None})
    assert "ListPage(" in locals_text(caught.value)


@pytest.mark.parametrize("value", [float("inf"), float("nan"), httpx.Timeout(float("inf")),
                                   httpx.Timeout(5.0, read=float("inf"))], ids=["inf", "nan", "Timeout(inf)", "read=inf"])
def test_an_infinite_timeout_is_refused_up_front(mock_api: respx.MockRouter, value: Any) -> None:
    route = mock_api.route().respond(json=OK)
    with pytest.raises(ValueError, match="timeout"):
        stripe_lite.StripeClient(api_key=API_KEY, timeout=value)
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        with pytest.raises(ValueError, match="timeout"):
            get(client, timeout=value)
        with pytest.raises(ValueError, match="timeout"):
            client.with_options(timeout=value)
    assert route.call_count == 0


def test_a_url_over_64_kib_is_refused_before_sending(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=OK)
    with pytest.raises(ValueError, match="URL"):
        run(lambda c: c.request("get", "/v1/things", params={"q": "x" * 70_000}))
    with pytest.raises(ValueError, match="URL"):
        run(lambda c: c.request("get", "/v1/things/" + "y" * 70_000))
    assert route.call_count == 0
    # A body of that size is fine: only the URL is bounded.
    assert run(lambda c: c.request("post", "/v1/things", params={"q": "x" * 70_000})) == OK


def test_self_referential_parameters_are_a_type_error(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=OK)
    loop: dict[str, Any] = {"a": "1"}
    loop["self"] = loop
    items: list[Any] = ["x"]
    items.append(items)
    for params in ({"metadata": loop}, {"expand": items}):
        name = next(iter(params))
        with pytest.raises(TypeError, match=name):
            run(lambda c, p=params: c.request("post", "/v1/things", params=p))
    assert route.call_count == 0


def test_a_naive_datetime_is_refused_naming_the_parameter(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=OK)
    with pytest.raises(ValueError, match=r"created\[gte\].*time zone"):
        run(lambda c: c.request("get", "/v1/things", params={"created": {"gte": datetime.datetime(2024, 1, 1)}}))
    assert route.call_count == 0
    aware = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    run(lambda c: c.request("get", "/v1/things", params={"created": {"gte": aware}}))
    assert dict(route.calls.last.request.url.params) == {"created[gte]": "1704085200"}


@pytest.mark.parametrize("mode", MODES)
def test_an_answer_made_in_memory_by_a_mock_transport_is_read(mode: str) -> None:
    # httpx reads such a response whole when it is made: there is no raw stream left to read.
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=OK)

    if mode == "sync":
        with httpx.Client(transport=httpx.MockTransport(handler)) as http:
            assert get(stripe_lite.StripeClient(api_key=API_KEY, http_client=http)) == OK
        return

    async def main() -> Any:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            return await get(stripe_lite.AsyncStripeClient(api_key=API_KEY, http_client=http))

    assert asyncio.run(main()) == OK
