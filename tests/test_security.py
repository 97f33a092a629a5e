"""Security: the key never leaks, never goes over plain http, ids never change the path, TLS is on."""

from __future__ import annotations

import asyncio
import inspect
import logging
import pickle
import ssl
import string
import traceback
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite import errors

from .conftest import API_KEY, BASE, Runner, Sleeps, all_services
from .faulty_server import FaultyServer, Recorded, Reply

SECRETS = [API_KEY, API_KEY[-8:]]


def assert_no_key(text: str, where: str = "") -> None:
    for secret in SECRETS:
        assert secret not in text, f"the API key leaked{' in ' + where if where else ''}: {text[:300]!r}"


def everything_about(exc: BaseException) -> str:
    """Every text an exception can show: str, repr, the traceback with its causes, and its fields."""
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    if isinstance(exc, errors.StripeError):
        parts += [exc.message, repr(exc.body), repr(exc.headers), repr(exc.error), repr(exc.request_id)]
    return "\n".join(parts)


# -- the key never leaks ------------------------------------------------------------------------


def echo_the_key_back(request: Recorded) -> Reply:
    """A server (or proxy) that repeats the credentials it got, in the body and in headers."""
    authorization = request.headers["authorization"]
    key = authorization.removeprefix("Bearer ")
    return Reply.json(
        401,
        {"error": {"type": "invalid_request_error", "message": f"Invalid API Key provided: {key}", "param": key,
                   "nested": [{"seen": authorization}]}},
        ("Authorization", authorization),
        ("X-Seen-Key", key),
        request_id=f"req_{key}",
    )


def echo_the_key_back_429(request: Recorded) -> Reply:
    reply = echo_the_key_back(request)
    return Reply(429, reply.body, (*reply.headers, ("Retry-After", "0")))


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record at DEBUG from the root logger and from stripe_lite, httpx and httpcore."""
    for name in (None, "stripe_lite", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_key_never_appears_anywhere_in_a_whole_scenario(
    mode: str, faulty_server: FaultyServer, sleeps: Sleeps, all_logs: pytest.LogCaptureFixture
) -> None:
    faulty_server.script(
        Reply.json(200, {"id": "pi_1", "object": "payment_intent", "amount": 100}),  # success
        Reply.error(500), Reply(drop=True), Reply.json(200, {"id": "pi_2", "object": "payment_intent"}),  # retries
        echo_the_key_back,  # an error that repeats the key
        echo_the_key_back_429, echo_the_key_back_429, echo_the_key_back_429,  # retried ones that do
        Reply(drop=True), Reply(drop=True),  # a network failure
        Reply.raw(200, f"not json {API_KEY}".encode(), "text/plain", ("X-Key", API_KEY)),  # an undecodable success
    )
    texts: list[str] = []
    caught: list[BaseException] = []

    def scenario(c: Any) -> Any:
        texts.extend([repr(c), str(c), repr(c.payment_intents), str(c.setup_intents), repr(c.with_options(max_retries=1))])

        def attempt(call: Any) -> Any:
            try:
                return call()
            except errors.StripeError as exc:
                caught.append(exc)
                return None

        async def attempt_async(call: Any) -> Any:
            try:
                return await call()
            except errors.StripeError as exc:
                caught.append(exc)
                return None

        calls = [
            lambda: c.payment_intents.retrieve("pi_1"),
            lambda: c.payment_intents.create(amount=100, currency="usd"),
            lambda: c.request("get", "/v1/echo", max_retries=0),
            lambda: c.request("get", "/v1/echo_429", max_retries=2),
            lambda: c.request("post", "/v1/things", max_retries=1),
            lambda: c.payment_intents.retrieve("pi_3"),
        ]
        if isinstance(c, stripe_lite.AsyncStripeClient):

            async def run_all() -> list[Any]:
                return [await attempt_async(call) for call in calls]

            return run_all()
        return [attempt(call) for call in calls]

    results = Runner(mode)(scenario, base_url=faulty_server.base_url, timeout=5.0)
    assert len(faulty_server.requests) == 11 and faulty_server.unused_replies == 0
    # The server did get the key (it is the credential), and did echo it.
    assert faulty_server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"

    models = [r for r in results if r is not None]
    assert len(models) == 2
    texts += [repr(m) + str(m) + repr(m.to_dict()) for m in models]
    texts += [repr(pickle.loads(pickle.dumps(m))) for m in models]
    assert [type(e) for e in caught] == [
        errors.AuthenticationError, errors.RateLimitError, errors.APIConnectionError, errors.InvalidResponseError
    ]
    for exc in caught:
        texts.append(everything_about(exc))
    echoed = caught[0]
    assert isinstance(echoed, errors.AuthenticationError)
    assert "sk_test_***" in echoed.message  # masked, not removed: the message still says which key
    assert echoed.headers is not None and echoed.headers["authorization"] == "Bearer sk_test_***"
    assert echoed.error is not None and echoed.error["nested"] == [{"seen": "Bearer sk_test_***"}]

    records = all_logs.records
    assert any(r.name.startswith("httpcore") for r in records), "DEBUG logging of httpcore was not captured"
    assert any(r.name == "stripe_lite" and r.levelno == logging.INFO for r in records)
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in records:
        texts.append(formatter.format(record))
        texts.append(repr(record.args))
    for text in texts:
        assert_no_key(text)


def test_a_client_kept_alive_elsewhere_keeps_its_key_redacted_in_httpcore_logs(
    faulty_server: FaultyServer, all_logs: pytest.LogCaptureFixture
) -> None:
    # Two clients with two keys: each key is masked, whichever client logged.
    other_key = "rk_live_51OtherRestrictedKeyABCDEFGH"
    faulty_server.script(echo_the_key_back, echo_the_key_back)
    with stripe_lite.StripeClient(api_key=API_KEY, base_url=faulty_server.base_url, max_retries=0) as first, \
            stripe_lite.StripeClient(api_key=other_key, base_url=faulty_server.base_url, max_retries=0) as second:
        for client in (first, second):
            with pytest.raises(errors.AuthenticationError) as caught:
                client.request("get", "/v1/x")
            assert_no_key(everything_about(caught.value))
            assert other_key not in everything_about(caught.value)
    logged = "\n".join(r.getMessage() for r in all_logs.records)
    assert "rk_live_***" in logged and "sk_test_***" in logged
    assert_no_key(logged)
    assert other_key not in logged and other_key[-8:] not in logged


def test_a_bad_api_key_is_never_shown_in_the_error() -> None:
    for bad in (f"{API_KEY}\r\nX-Injected: 1", f"{API_KEY} ", f"{API_KEY}é"):
        with pytest.raises(ValueError) as caught:
            stripe_lite.StripeClient(api_key=bad)
        assert_no_key(everything_about(caught.value))


# -- no secret key over plain http -------------------------------------------------------------

REMOTE_HTTP = [
    "http://api.stripe.com",
    "http://example.com:8080",
    "HTTP://example.com",
    "http://10.0.0.1",
    "http://127.0.0.2",
    "http://0.0.0.0:12111",
    "http://localhost.example.com",
    "http://127.0.0.1.nip.io",
    "http://localhost@evil.example",
    "http://[::ffff:127.0.0.1]",
]


@pytest.mark.parametrize("base_url", REMOTE_HTTP)
@pytest.mark.parametrize("key", [API_KEY, "rk_live_51Restricted"])
@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_a_secret_key_is_refused_over_plain_http_to_another_host(
    cls: type[Any], key: str, base_url: str, mock_api: respx.MockRouter
) -> None:
    route = mock_api.route().respond(json={})
    with pytest.raises(ValueError, match="plain http") as caught:
        cls(api_key=key, base_url=base_url)
    assert key not in str(caught.value)
    assert route.call_count == 0


@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_with_options_cannot_move_a_secret_key_to_plain_http(cls: type[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    client = cls(api_key=API_KEY)
    with pytest.raises(ValueError, match="plain http"):
        client.with_options(base_url="http://example.com")
    local = cls(api_key=API_KEY, base_url="http://127.0.0.1:12111")
    with pytest.raises(ValueError, match="plain http"):
        local.with_options(base_url="http://example.com")
    monkeypatch.setenv("STRIPE_API_KEY", API_KEY)
    with pytest.raises(ValueError, match="plain http"):
        cls(base_url="http://example.com")
    for c in (client, local):
        if isinstance(c, stripe_lite.StripeClient):
            c.close()
        else:
            asyncio.run(c.aclose())


@pytest.mark.parametrize("base_url", ["http://localhost:12111", "http://127.0.0.1", "http://[::1]:8080", "https://example.com"])
def test_a_secret_key_may_go_over_plain_http_to_loopback_only(base_url: str) -> None:
    with stripe_lite.StripeClient(api_key=API_KEY, base_url=base_url) as client:
        assert client.base_url == base_url


# -- header values cannot smuggle headers -------------------------------------------------------

BAD_HEADER_VALUES = ["acct_1\r\nX-Injected: 1", "acct_1\n", "acct_é", "", " acct_1"]


@pytest.mark.parametrize("value", BAD_HEADER_VALUES)
@pytest.mark.parametrize("option", ["stripe_account", "stripe_version", "idempotency_key"])
def test_header_options_are_checked_before_any_request(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, sleeps: Sleeps, option: str, value: str
) -> None:
    route = mock_api.route().respond(json={})
    given: dict[str, Any] = {option: value}
    with pytest.raises(ValueError, match=option):
        client.request("post", "/v1/things", **given)
    with pytest.raises(ValueError, match=option):
        client.payment_intents.create(amount=1, currency="usd", **given)
    if option != "idempotency_key":
        with pytest.raises(ValueError, match=option):
            stripe_lite.StripeClient(api_key=API_KEY, **given)
    assert route.call_count == 0 and sleeps == []


# -- path ids cannot change the path ---------------------------------------------------------------

NASTY_IDS = [
    "a/b",
    "..",
    ".",
    "...",
    "../../v1/charges",
    "pi_1/../../v1/customers",
    "/leading",
    "trailing/",
    "x?expand[]=customer",
    "x#fragment",
    "100%",
    "%2F",
    "%2e%2e",
    "a b",
    "\tpi",
    "pi\r\nX-Injected: 1",
    "a;b",
    "a\\b",
    "a+b",
    "user@host:1",
    "ü",
    "中文",
    "\U0001f600",
    "\x00",
]
EMPTY_IDS = ["", " ", "\t\n", "\u3000"]
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


def escaped(value: str) -> str:
    """Percent-encoding of everything but unreserved characters, dot segments included."""
    out = "".join(c if c in _UNRESERVED else "".join(f"%{b:02X}" for b in c.encode()) for c in value)
    return out.replace(".", "%2E") if set(value) <= {"."} else out


def id_methods(client: Any) -> list[tuple[str, Any, list[str], dict[str, Any]]]:
    """(name, bound method, path id parameters, required keyword arguments) of every method taking an id."""
    found = []
    for service_name, service in all_services(client):
        for method_name, method in inspect.getmembers(service, inspect.ismethod):
            if method_name.startswith("_"):
                continue
            parameters = inspect.signature(method).parameters.values()
            ids = [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
            required = {p.name: "req_value" for p in parameters if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
            if ids:
                found.append((f"{service_name}.{method_name}", method, ids, required))
    return sorted(found, key=lambda item: item[0])


ANY_SHAPE = {"id": "x", "object": "list", "data": [], "has_more": False, "url": "/v1/x", "next_page": None}


def call_all(client: Any, calls: list[tuple[Any, tuple[str, ...], dict[str, Any]]]) -> list[Any]:
    """Make every call, collecting the exception each raised (or None)."""

    def one(method: Any, args: tuple[str, ...], kwargs: dict[str, Any]) -> Any:
        try:
            result = method(*args, **kwargs)
        except stripe_lite.InvalidResponseError:
            # The stand-in answer is not the operation's object; only the request matters here.
            return None
        except Exception as exc:
            return exc
        return result

    if isinstance(client, stripe_lite.StripeClient):
        return [None if not isinstance(r := one(*c), Exception) else r for c in calls]

    async def run() -> list[Any]:
        outcomes = []
        for call in calls:
            result = one(*call)
            if inspect.isawaitable(result):
                try:
                    await result
                except stripe_lite.InvalidResponseError:
                    result = None  # the stand-in answer again: only the request matters
                except Exception as exc:
                    result = exc
            outcomes.append(result if isinstance(result, Exception) else None)
        return outcomes

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def any_client(request: pytest.FixtureRequest) -> Iterator[Any]:
    if request.param == "sync":
        with stripe_lite.StripeClient(api_key=API_KEY, max_retries=0) as client:
            yield client
    else:
        aclient = stripe_lite.AsyncStripeClient(api_key=API_KEY, max_retries=0)
        yield aclient
        asyncio.run(aclient.aclose())


def test_the_id_methods_are_found(any_client: Any) -> None:
    names = [name for name, *_ in id_methods(any_client)]
    assert "payment_intents.retrieve" in names and "setup_intents.confirm" in names
    assert all(len(ids) >= 1 for _, _, ids, _ in id_methods(any_client))


def test_every_id_is_escaped_so_that_the_path_cannot_change(any_client: Any, mock_api: respx.MockRouter) -> None:
    api = mock_api.route().respond(json=ANY_SHAPE)
    files = mock_api.route(host="files.stripe.com").respond(content=b"%PDF-1.7")  # downloads
    methods = id_methods(any_client)
    assert methods
    for name, method, ids, required in methods:
        # The path template, from a call with plain ids.
        sentinels = [f"SENTINEL{i}ID" for i in range(len(ids))]
        api.reset()
        files.reset()
        assert call_all(any_client, [(method, tuple(sentinels), required)]) == [None], name
        route = api if api.calls else files
        host = "api.stripe.com" if route is api else "files.stripe.com"
        template = route.calls.last.request
        template_path = template.url.raw_path.decode("ascii")
        assert all(s in template_path for s in sentinels), (name, template_path)
        calls = []
        expected = []
        for nasty in NASTY_IDS:
            for position in range(len(ids)):
                args = [*sentinels]
                args[position] = nasty
                calls.append((method, tuple(args), required))
                expected.append(template_path.replace(sentinels[position], escaped(nasty)))
        route.reset()
        outcomes = call_all(any_client, calls)
        assert outcomes == [None] * len(calls), (name, [o for o in outcomes if o])
        for call, want in zip(route.calls, expected, strict=True):
            request = call.request
            assert request.url.raw_path.decode("ascii") == want, name
            assert request.url.host == host
            assert request.url.query == template.url.query, name
            assert request.url.raw_path.count(b"/") == template.url.raw_path.count(b"/"), name
            assert request.method == template.method


def test_an_empty_id_is_refused_before_any_request(any_client: Any, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=ANY_SHAPE)
    for name, method, ids, required in id_methods(any_client):
        calls = []
        for bad in [*EMPTY_IDS, None, 123]:
            for position in range(len(ids)):
                ids_given: list[Any] = ["pi_1"] * len(ids)
                ids_given[position] = bad
                calls.append((method, tuple(ids_given), required))
        outcomes = call_all(any_client, calls)
        for (_, args, _), outcome in zip(calls, outcomes, strict=True):
            bad_value = next(a for a in args if a != "pi_1")
            expected = ValueError if isinstance(bad_value, str) else TypeError
            assert type(outcome) is expected, (name, args, outcome)
            assert ids[args.index(bad_value)] in str(outcome), (name, outcome)
    assert route.call_count == 0


# -- TLS ----------------------------------------------------------------------------------------


def _ssl_context(client: Any) -> ssl.SSLContext:
    context: ssl.SSLContext = client._http._transport._pool._ssl_context
    return context


@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_tls_certificates_are_required_by_default_and_there_is_no_switch(cls: type[Any]) -> None:
    client: Any = cls(api_key=API_KEY)
    try:
        for c in (client, client.with_options(timeout=3)):
            context = _ssl_context(c)
            assert context.verify_mode is ssl.CERT_REQUIRED
            assert context.check_hostname is True
        for option in ("verify", "cert", "trust_env", "ssl_context"):
            assert option not in inspect.signature(cls).parameters
            assert option not in inspect.signature(client.with_options).parameters
        with pytest.raises(TypeError):
            cls(api_key=API_KEY, verify=False)
        with pytest.raises(TypeError):
            client.with_options(verify=False)
        assert client.base_url == BASE
    finally:
        if isinstance(client, stripe_lite.StripeClient):
            client.close()
        else:
            asyncio.run(client.aclose())


def test_turning_verification_off_takes_your_own_http_client(mock_api: respx.MockRouter) -> None:
    # The one way: an httpx client you configure and own, on purpose.
    with httpx.Client(verify=False) as own, stripe_lite.StripeClient(api_key=API_KEY, http_client=own) as client:
        assert _ssl_context(client).verify_mode is ssl.CERT_NONE
    with stripe_lite.StripeClient(api_key=API_KEY) as default:
        assert _ssl_context(default).verify_mode is ssl.CERT_REQUIRED
