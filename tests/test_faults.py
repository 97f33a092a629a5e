"""Fault injection over real sockets: both clients against a misbehaving loopback server.

What must hold whatever the server does: the exact number of attempts, one
idempotency key for every attempt of a POST, the right error at once for what
cannot be retried, network errors chained to their cause, no hang, no socket
left open, and backoff delays that follow the documented formula. No test here
sleeps: ``sleeps`` records the delays instead (the slow-answer case is bounded
by the client's timeout).
"""

from __future__ import annotations

import email.utils
import json
import os
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import stripe_lite
from stripe_lite import _base_client, errors
from stripe_lite._base_client import retry_delay
from stripe_lite.models import PaymentIntent

from .conftest import Runner, Sleeps
from .faulty_server import FaultyServer, Reply, client_sockets_to

OK = {"id": "obj_1", "object": "thing"}


class Live:
    """Runs a scenario on StripeClient or AsyncStripeClient pointed at the faulty server."""

    def __init__(self, mode: str, server: FaultyServer) -> None:
        self.mode = mode
        self.server = server

    def __call__(self, scenario: Any, **options: Any) -> Any:
        options.setdefault("timeout", 5.0)  # nothing may hang: every attempt is bounded
        return Runner(self.mode)(scenario, base_url=self.server.base_url, **options)

    def fails(self, cls: type[errors.StripeError], scenario: Any, **options: Any) -> Any:
        with pytest.raises(cls) as caught:
            self(scenario, **options)
        assert type(caught.value) is cls, repr(caught.value)
        return caught.value

    @property
    def requests(self) -> list[Any]:
        return self.server.requests


@pytest.fixture(params=["sync", "async"])
def live(request: pytest.FixtureRequest, faulty_server: FaultyServer, sleeps: Sleeps) -> Iterator[Live]:
    yield Live(request.param, faulty_server)
    # The client is closed: every connection it opened must be closed too, on
    # its side (the process holds no socket to the server) and seen closed by the server.
    assert client_sockets_to(faulty_server.port) in (0, None)
    assert faulty_server.wait_until_idle(timeout=2.0), "a connection to the server was left open"
    assert faulty_server.unused_replies == 0, "the scripted replies were not all used"


def post(c: Any, **kwargs: Any) -> Any:
    return c.request("post", "/v1/things", params={"amount": 2000, "currency": "usd"}, **kwargs)


def get(c: Any, **kwargs: Any) -> Any:
    return c.request("get", "/v1/things/obj_1", **kwargs)


def keys(server_requests: list[Any]) -> list[str | None]:
    return [r.idempotency_key for r in server_requests]


def assert_one_key_for_every_attempt(live: Live, attempts: int) -> str:
    assert len(live.requests) == attempts
    sent = keys(live.requests)
    assert sent[0] and sent == [sent[0]] * attempts, sent
    return sent[0]


# -- retryable answers ---------------------------------------------------------------

RETRYABLE = {
    "500 with a Stripe error": Reply.error(500),
    "500 without a body": Reply.raw(500, b"", None),
    "502 HTML page": Reply.html(502),
    "503 with a Stripe error": Reply.error(503, message="try again"),
    "503 empty JSON": Reply.raw(503, b"", "application/json"),
    "429 with Retry-After": Reply.error(429, "rate_limit_error", "slow down", ("Retry-After", "1")),
    "409 conflict": Reply.error(409, "invalid_request_error", "lock timeout"),
    "400 with Stripe-Should-Retry: true": Reply.error(400, "invalid_request_error", "x", ("Stripe-Should-Retry", "true")),
    "connection closed before an answer": Reply(drop=True),
    "connection closed in the middle of the body": Reply(200, json.dumps(OK).encode(), cut_body_at=5),
}


@pytest.mark.parametrize("reply", RETRYABLE.values(), ids=RETRYABLE.keys())
def test_retryable_failures_are_retried_with_the_same_key_then_succeed(
    live: Live, reply: Reply, sleeps: Sleeps
) -> None:
    live.server.script(reply, reply, Reply.ok())
    assert live(post) == OK
    assert_one_key_for_every_attempt(live, 3)
    assert len(sleeps) == 2


EXHAUSTED = {
    "500 with a Stripe error": (Reply.error(500, message="boom"), errors.APIError, "boom"),
    "502 HTML page": (Reply.html(502), errors.APIError, "not a Stripe error"),
    "503 empty": (Reply.raw(503, b"", None), errors.APIError, "not a Stripe error"),
    "429": (Reply.error(429, "rate_limit_error", "slow down"), errors.RateLimitError, "slow down"),
}


@pytest.mark.parametrize(("reply", "cls", "message"), EXHAUSTED.values(), ids=EXHAUSTED.keys())
def test_after_the_last_retry_the_last_answer_is_raised_with_its_details(
    live: Live, reply: Reply, cls: type[errors.StripeError], message: str
) -> None:
    live.server.script(reply, reply, reply)
    exc = live.fails(cls, post)
    assert message in exc.message
    assert exc.http_status == reply.status
    assert exc.body == reply.body.decode()
    assert exc.request_id == dict(reply.headers).get("Request-Id")
    assert exc.headers is not None and exc.headers["content-length"] == str(len(reply.body))
    assert_one_key_for_every_attempt(live, 3)


# -- how many attempts -----------------------------------------------------------------

BUDGETS = {
    # (client max_retries, how the call overrides it, the override) -> attempts
    "client default (2)": ({}, None, 3),
    "client max_retries=0 disables retries": ({"max_retries": 0}, None, 1),
    "client max_retries=4": ({"max_retries": 4}, None, 5),
    "per call overrides the client": ({"max_retries": 0}, ("call", 3), 4),
    "per call 0 disables": ({"max_retries": 4}, ("call", 0), 1),
    "with_options overrides the client": ({"max_retries": 0}, ("with_options", 1), 2),
    "with_options 0 disables": ({}, ("with_options", 0), 1),
}


@pytest.mark.parametrize(("client_options", "override", "attempts"), BUDGETS.values(), ids=BUDGETS.keys())
@pytest.mark.parametrize("reply", [Reply.error(503), Reply(drop=True)], ids=["503", "dropped"])
def test_max_retries_is_honoured_exactly(
    live: Live, sleeps: Sleeps, reply: Reply, client_options: dict[str, Any], override: Any, attempts: int
) -> None:
    live.server.script(*[reply] * attempts)

    def scenario(c: Any) -> Any:
        if override is None:
            return post(c)
        how, value = override
        if how == "call":
            return post(c, max_retries=value)
        return post(c.with_options(max_retries=value))

    cls = errors.APIError if reply.status == 503 and not reply.drop else errors.APIConnectionError
    live.fails(cls, scenario, **client_options)
    assert_one_key_for_every_attempt(live, attempts)
    assert len(sleeps) == attempts - 1


def test_generated_service_calls_are_retried_too(live: Live) -> None:
    intent = {"id": "pi_1", "object": "payment_intent", "amount": 2000, "status": "requires_payment_method"}
    live.server.script(Reply(drop=True), Reply.error(502), Reply.json(200, intent))
    result = live(lambda c: c.payment_intents.create(amount=2000, currency="usd"))
    assert isinstance(result, PaymentIntent) and result.id == "pi_1"
    assert_one_key_for_every_attempt(live, 3)
    assert live.requests[0].form == {"amount": "2000", "currency": "usd"}


# -- idempotency keys ----------------------------------------------------------------------


@pytest.mark.parametrize("reply", [Reply.error(500), Reply(drop=True), Reply.error(429)], ids=["500", "dropped", "429"])
def test_a_caller_key_is_sent_on_every_attempt_and_never_replaced(live: Live, reply: Reply) -> None:
    live.server.script(reply, reply, Reply.ok())
    live(lambda c: post(c, idempotency_key="order-6735-charge"))
    assert keys(live.requests) == ["order-6735-charge"] * 3


def test_every_call_gets_a_new_key_but_keeps_it_across_its_retries(live: Live) -> None:
    live.server.script(Reply.error(500), Reply.ok(), Reply(drop=True), Reply.ok())

    def two_calls(c: Any) -> Any:
        if isinstance(c, stripe_lite.AsyncStripeClient):

            async def both() -> None:
                await post(c)
                await post(c)

            return both()
        post(c)
        post(c)

    live(two_calls)
    first, first_retry, second, second_retry = keys(live.requests)
    assert first == first_retry and second == second_retry and first != second


def test_gets_are_retried_without_an_idempotency_key(live: Live) -> None:
    live.server.script(Reply.error(503), Reply.ok())
    assert live(get) == OK
    assert keys(live.requests) == [None, None]
    assert [r.method for r in live.requests] == ["GET", "GET"]


# -- what is not retried -----------------------------------------------------------------

NOT_RETRIED = {
    "400 invalid request": (Reply.error(400, "invalid_request_error", "Missing amount"), errors.InvalidRequestError),
    "402 card declined": (Reply.error(402, "card_error", "Your card was declined."), errors.CardError),
    "401 bad key": (Reply.error(401, "invalid_request_error", "Invalid API Key"), errors.AuthenticationError),
    "403": (Reply.error(403, "invalid_request_error", "nope"), errors.PermissionDeniedError),
    "404": (Reply.error(404, "invalid_request_error", "No such thing"), errors.NotFoundError),
    "400 idempotency error": (Reply.error(400, "idempotency_error", "Keys reused"), errors.IdempotencyError),
    "500 with Stripe-Should-Retry: false": (
        Reply.error(500, "api_error", "do not retry", ("Stripe-Should-Retry", "false")),
        errors.APIError,
    ),
    "400 HTML from a proxy": (Reply.html(400), errors.APIError),
}


@pytest.mark.parametrize(("reply", "cls"), NOT_RETRIED.values(), ids=NOT_RETRIED.keys())
def test_non_retryable_failures_raise_at_once_with_the_details(
    live: Live, sleeps: Sleeps, reply: Reply, cls: type[errors.StripeError]
) -> None:
    live.server.script(reply)
    exc = live.fails(cls, post, max_retries=5)
    assert len(live.requests) == 1 and sleeps == []
    assert exc.http_status == reply.status
    assert exc.body == reply.body.decode()
    assert exc.request_id == dict(reply.headers).get("Request-Id")
    if reply.headers[0][1] == "application/json":
        assert exc.error == json.loads(reply.body)["error"]
        assert exc.message == exc.error["message"]


INVALID_SUCCESS = {
    "truncated JSON": Reply.raw(200, b'{"id": "obj_1", "obj'),
    "empty body": Reply.raw(200, b""),
    "HTML instead of JSON": Reply.html(200),
    "not JSON with a JSON content type": Reply.raw(200, b"OK"),
    "deeply nested, unfinished JSON": Reply.raw(200, b"[" * 100_000),
    "invalid UTF-8": Reply.raw(200, b'{"id": "\xff\xfe"}'),
}


@pytest.mark.parametrize("reply", INVALID_SUCCESS.values(), ids=INVALID_SUCCESS.keys())
def test_a_success_that_cannot_be_decoded_is_an_invalid_response_not_retried(live: Live, reply: Reply) -> None:
    live.server.script(Reply(reply.status, reply.body, (*reply.headers, ("Request-Id", "req_bad"))))
    exc = live.fails(errors.InvalidResponseError, post)
    assert exc.http_status == 200 and exc.request_id == "req_bad"
    assert exc.body is not None
    if len(reply.body) < 1000:
        assert exc.body == reply.body.decode("utf-8", errors="replace")
    assert len(live.requests) == 1  # the POST went through: retrying would not help, and it was not charged twice


def test_a_deeply_nested_error_body_is_still_an_api_error(live: Live) -> None:
    live.server.script(Reply.raw(400, b"[" * 100_000))
    exc = live.fails(errors.APIError, post)
    assert exc.http_status == 400 and exc.error is None


def test_the_content_type_is_not_trusted_either_way(live: Live) -> None:
    live.server.script(Reply.raw(200, json.dumps(OK).encode(), "text/plain"), Reply.raw(200, json.dumps(OK).encode(), None))
    assert live(get) == OK
    assert live(get) == OK


def test_a_body_over_the_cap_is_refused_without_reading_it_all(live: Live, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_base_client, "MAX_RESPONSE_BYTES", 64 * 1024)
    huge = b'{"data": "' + b"x" * (4 * 1024 * 1024) + b'"}'
    live.server.script(Reply.raw(200, huge, "application/json", ("Request-Id", "req_huge")))
    exc = live.fails(errors.InvalidResponseError, post)
    assert "65536 bytes" in exc.message
    assert exc.http_status == 200 and exc.request_id == "req_huge"
    assert exc.body is not None and len(exc.body) <= 2048
    assert len(live.requests) == 1


def test_a_large_body_under_the_cap_is_fine(live: Live) -> None:
    big = {"id": "obj_1", "object": "thing", "blob": "y" * (3 * 1024 * 1024)}
    live.server.script(Reply.json(200, big))
    assert live(get) == big


def test_the_default_cap_is_far_above_any_stripe_answer() -> None:
    assert _base_client.MAX_RESPONSE_BYTES == 32 * 1024 * 1024


# -- network failures ------------------------------------------------------------------------


def test_a_dropped_connection_raises_a_connection_error_after_the_retries(live: Live) -> None:
    live.server.script(Reply(drop=True), Reply(drop=True), Reply(drop=True))
    exc = live.fails(errors.APIConnectionError, post)
    assert isinstance(exc.__cause__, httpx.RemoteProtocolError)
    assert "after 3 attempts" in exc.message
    assert exc.http_status is None and exc.body is None
    assert_one_key_for_every_attempt(live, 3)


def test_a_body_cut_short_raises_a_connection_error_after_the_retries(live: Live) -> None:
    reply = Reply(200, json.dumps(OK).encode(), (("Request-Id", "req_cut"),), cut_body_at=3)
    live.server.script(reply, reply)
    exc = live.fails(errors.APIConnectionError, post, max_retries=1)
    assert isinstance(exc.__cause__, httpx.RemoteProtocolError)
    assert_one_key_for_every_attempt(live, 2)


def test_a_slow_answer_times_out_after_the_retries(live: Live, sleeps: Sleeps) -> None:
    # The server answers after 0.5 s; the client gives up after 0.2 s. The
    # server's delay is cut short when it stops, so it never holds up teardown.
    slow = Reply(200, json.dumps(OK).encode(), delay=0.5)
    live.server.script(slow, slow)
    started = time.monotonic()
    exc = live.fails(errors.APITimeoutError, post, timeout=0.2, max_retries=1)
    elapsed = time.monotonic() - started
    assert isinstance(exc.__cause__, httpx.TimeoutException)
    assert "timed out after 2 attempts" in exc.message
    assert_one_key_for_every_attempt(live, 2)
    assert len(sleeps) == 1
    assert elapsed < 3.0  # two 0.2 s attempts, nothing more: no hang


def test_a_per_call_timeout_is_honoured(live: Live) -> None:
    live.server.script(Reply(200, json.dumps(OK).encode(), delay=0.5))
    live.fails(errors.APITimeoutError, lambda c: get(c, timeout=0.2, max_retries=0))


class UnusedPort:
    """A loopback port that nothing listens on (bound, never listened to, so no one else takes it)."""

    def __enter__(self) -> int:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        port: int = self._sock.getsockname()[1]
        return port

    def __exit__(self, *exc: object) -> None:
        self._sock.close()


def test_a_refused_connection_is_a_connection_error(sleeps: Sleeps) -> None:
    with UnusedPort() as port:
        for mode in ("sync", "async"):
            with pytest.raises(errors.APIConnectionError) as caught:
                Runner(mode)(post, base_url=f"http://127.0.0.1:{port}", max_retries=1)
            assert type(caught.value) is errors.APIConnectionError
            assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert len(sleeps) == 2


# -- backoff ------------------------------------------------------------------------------


class ScriptedRandom:
    def __init__(self, *values: float) -> None:
        self.values = list(values)

    def random(self) -> float:
        return self.values.pop(0)


def test_backoff_delays_follow_the_documented_formula(
    live: Live, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_base_client, "random", ScriptedRandom(0.0, 0.5, 1.0, 0.25, 0.0))
    live.server.script(Reply.error(503), Reply(drop=True), Reply.error(500), Reply.error(502), Reply.error(500), Reply.ok())
    live(post, max_retries=5)
    # min(0.5 * 2**n, 8) * (0.75 + 0.25 * random())
    assert sleeps == pytest.approx([0.375, 0.875, 2.0, 4 * 0.8125, 8 * 0.75])
    assert sleeps == pytest.approx([retry_delay(n, rand=r) for n, r in enumerate([0.0, 0.5, 1.0, 0.25, 0.0])])


def test_retry_after_seconds_replace_the_backoff(live: Live, sleeps: Sleeps) -> None:
    live.server.script(
        Reply.error(429, "rate_limit_error", "x", ("Retry-After", "3")),
        Reply.error(503, "api_error", "x", ("Retry-After", "0.25")),
        Reply.ok(),
    )
    live(post)
    assert sleeps == [3.0, 0.25]


def test_retry_after_as_an_http_date(live: Live, sleeps: Sleeps) -> None:
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    live.server.script(Reply.error(429, "rate_limit_error", "x", ("Retry-After", when)), Reply.ok())
    live(post)
    assert len(sleeps) == 1 and 3.5 <= sleeps[0] <= 5.0


@pytest.fixture
def far_from_utc() -> Iterator[None]:
    """Run in a local time zone hours away from UTC."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


@pytest.mark.usefixtures("far_from_utc")
def test_retry_after_as_an_http_date_with_the_minus_zero_zone(live: Live, sleeps: Sleeps) -> None:
    # "-0000" is UTC too; a date parsed without a zone must not be read as local time.
    when = email.utils.formatdate(time.time() + 5).replace("+0000", "-0000")
    assert when.endswith("-0000")
    live.server.script(Reply.error(503, "api_error", "x", ("Retry-After", when)), Reply.ok())
    live(post)
    assert len(sleeps) == 1 and 3.5 <= sleeps[0] <= 5.0


@pytest.mark.parametrize(
    "value",
    ["soon", "", "-3", "nan", "inf", "1e400", "Mon, 01 Jan 99999999999 00:00:00 GMT", "Mon, 99 Jan 2000 00:00:00 GMT"],
)
def test_a_bad_retry_after_falls_back_to_the_backoff(
    live: Live, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setattr(_base_client, "random", ScriptedRandom(1.0))
    live.server.script(Reply.error(429, "rate_limit_error", "x", ("Retry-After", value)), Reply.ok())
    live(post)
    assert sleeps == [0.5]


def test_a_retry_after_past_the_cap_is_not_waited_for(live: Live, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_base_client, "random", ScriptedRandom(0.0))
    live.server.script(Reply.error(429, "rate_limit_error", "x", ("Retry-After", "3600")), Reply.ok())
    live(post)
    assert sleeps == [0.375]
