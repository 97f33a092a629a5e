"""Client construction, options, bad input, sync/async parity and generated-code freshness."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

import stripe_lite

from .conftest import API_KEY, Runner, all_services

ROOT = Path(__file__).resolve().parent.parent


# -- construction ------------------------------------------------------------------


@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_missing_key_names_both_ways_to_give_one(cls: type[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRIPE_API_KEY", raising=False)
    with pytest.raises(ValueError, match=r"api_key=.*STRIPE_API_KEY"):
        cls()


def test_key_falls_back_to_the_environment(monkeypatch: pytest.MonkeyPatch, mock_api: respx.MockRouter) -> None:
    monkeypatch.setenv("STRIPE_API_KEY", "sk_test_from_env")
    route = mock_api.get("/v1/x").respond(json={})
    with stripe_lite.StripeClient() as client:
        client.request("get", "/v1/x")
    assert route.calls.last.request.headers["Authorization"] == "Bearer sk_test_from_env"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": -3.0}, "timeout"),
        ({"base_url": "ftp://api.stripe.com"}, "base_url"),
        ({"base_url": "api.stripe.com"}, "base_url"),
        ({"base_url": "http://api.example.com"}, "plain http"),
    ],
)
@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_bad_options_fail_at_construction(cls: type[Any], options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cls(api_key=API_KEY, **options)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_plain_http_is_allowed_to_loopback(host: str) -> None:
    with stripe_lite.StripeClient(api_key=API_KEY, base_url=f"http://{host}:12111") as client:
        assert client.base_url == f"http://{host}:12111"


@pytest.mark.parametrize("key", ["sk_test_4eC39Hq", "sk_live_Z9Z9", "rk_test_51Restricted", "rk_live_x", "sk_test_..."])
@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_secret_and_restricted_keys_are_taken(cls: type[Any], key: str) -> None:
    cls(api_key=key)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("pk_test_51Publishable", "publishable key"),
        ("pk_live_51Publishable", "publishable key"),
        ("whsec_0123456789", "does not look like a Stripe API key"),
        ("sk_0123456789", "does not look like a Stripe API key"),
        ("sk_test_", "does not look like a Stripe API key"),
        ("sk_prod_0123456789", "does not look like a Stripe API key"),
        ("Bearer sk_test_123", "printable ASCII"),
        ("4eC39HqLyjWDarjtT1zdp7dc", "does not look like a Stripe API key"),
    ],
)
@pytest.mark.parametrize("cls", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_a_key_that_cannot_call_the_api_is_refused_saying_what_one_looks_like(
    cls: type[Any], key: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        cls(api_key=key)
    text = str(caught.value)
    shape = "a secret key (sk_test_... or sk_live_...) or a restricted key (rk_test_... or rk_live_...)"
    assert shape in text
    assert key not in text.replace(shape, "")  # the message never repeats what was given
    monkeypatch.setenv("STRIPE_API_KEY", key)
    with pytest.raises(ValueError, match=message):
        cls()


def test_wrong_http_client_kind_is_refused() -> None:
    with pytest.raises(TypeError, match=r"httpx\.Client"):
        stripe_lite.StripeClient(api_key=API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"httpx\.AsyncClient"):
        stripe_lite.AsyncStripeClient(api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_repr_hides_the_key() -> None:
    with stripe_lite.StripeClient(api_key=API_KEY, stripe_account="acct_1") as client:
        text = repr(client) + str(client) + repr(client.setup_attempts)
    assert API_KEY not in text and API_KEY[-8:] not in text
    assert "sk_test_***" in text


def test_tls_verification_is_on_by_default() -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        transport = client._http._transport
        pool = transport._pool  # type: ignore[attr-defined]
        assert pool._ssl_context.verify_mode.name == "CERT_REQUIRED"


# -- with_options ------------------------------------------------------------------


def test_with_options_shares_the_pool_and_overrides(mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/x").respond(json={})
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        other = client.with_options(stripe_account="acct_123", max_retries=5, stripe_version="2024-06-20")
        assert other._http is client._http
        assert other.max_retries == 5 and client.max_retries == 2
        other.request("get", "/v1/x")
        other.close()  # does not close the shared pool
        assert not client._http.is_closed
        client.request("get", "/v1/x")
    assert client._http.is_closed
    first, second = route.calls
    assert first.request.headers["Stripe-Account"] == "acct_123"
    assert first.request.headers["Stripe-Version"] == "2024-06-20"
    assert "Stripe-Account" not in second.request.headers


async def test_async_with_options_shares_the_pool() -> None:
    async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as client:
        other = client.with_options(timeout=5)
        assert other._http is client._http and other.timeout.read == 5
        await other.aclose()
        assert not client._http.is_closed
    assert client._http.is_closed


@pytest.mark.parametrize("name", ["close", "aclose"])
async def test_async_close_and_aclose_both_close_the_pool(name: str, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/x").respond(json={})
    client = stripe_lite.AsyncStripeClient(api_key=API_KEY)
    await client.request("get", "/v1/x")
    pool = client._http
    copy = client.with_options(max_retries=0)
    await getattr(copy, name)()  # a copy leaves the shared pool open
    assert not pool.is_closed
    await getattr(client, name)()
    assert pool.is_closed
    with pytest.raises(stripe_lite.ConnectionPoolError, match="closed"):
        await client.request("get", "/v1/x")
    assert route.call_count == 1


def test_both_clients_close_with_the_same_name() -> None:
    assert inspect.iscoroutinefunction(stripe_lite.AsyncStripeClient.close)
    assert not inspect.iscoroutinefunction(stripe_lite.StripeClient.close)


def test_user_supplied_http_client_is_not_closed(mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/x").respond(json={})
    with httpx.Client() as own:
        with stripe_lite.StripeClient(api_key=API_KEY, http_client=own) as client:
            client.request("get", "/v1/x")
        assert not own.is_closed


def _sent_by(http: httpx.Client, call: Any) -> list[httpx.Request]:
    """The requests a stripe_lite client sends through ``http`` while ``call(client)`` runs."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "x", "object": "thing"})

    http._transport = httpx.MockTransport(answer)
    client = stripe_lite.StripeClient(api_key=API_KEY, http_client=http)
    call(client)
    return sent


def _as_build_request_makes(http: httpx.Client, request: httpx.Request, ours: dict[str, str]) -> httpx.Request:
    # What httpx's own build_request makes of the same call: the client's headers merged with ours.
    return http.build_request(request.method, request.url, headers=ours, content=request.content,
                              timeout=httpx.Timeout(**request.extensions["timeout"]))


@pytest.mark.parametrize("pool_headers", [None, {"User-Agent": "mine/1", "X-Trace": "t-1"}])
def test_requests_carry_what_httpx_build_request_would(pool_headers: dict[str, str] | None) -> None:
    http = httpx.Client(headers=pool_headers)
    sent = _sent_by(http, lambda c: (c.request("get", "/v1/x", params={"a": 1}),
                                      c.request("post", "/v1/x", params={"b": 2}, idempotency_key="k-1",
                                                stripe_account="acct_1", timeout=7.0)))
    get, post = sent
    assert post.headers["Idempotency-Key"] == "k-1" and post.headers["Stripe-Account"] == "acct_1"
    assert post.headers["Content-Type"] == "application/x-www-form-urlencoded"
    for request, ours in (
        (get, {}),
        (post, {"Stripe-Account": "acct_1", "Idempotency-Key": "k-1",
                "Content-Type": "application/x-www-form-urlencoded"}),
    ):
        client_headers = {k: v for k, v in get.headers.items() if k.lower() not in {"host", "content-length"}}
        built = _as_build_request_makes(http, request, {**client_headers, **ours})
        assert request.headers.multi_items() == built.headers.multi_items()
        assert request.extensions == built.extensions and request.url == built.url
    assert post.extensions["timeout"]["read"] == 7.0
    if pool_headers:
        assert get.headers["X-Trace"] == "t-1"
        assert get.headers["User-Agent"].startswith("stripe_lite/")  # the client's own wins, as in build_request


def test_a_change_to_the_pools_headers_reaches_the_next_request() -> None:
    http = httpx.Client(headers={"X-Trace": "first"})

    def calls(client: stripe_lite.StripeClient) -> None:
        client.request("get", "/v1/x")
        http.headers["X-Trace"] = "second"  # changed in place
        client.request("get", "/v1/x")
        http.headers = httpx.Headers({"X-Other": "third"})  # replaced
        client.request("get", "/v1/x")

    first, second, third = _sent_by(http, calls)
    assert first.headers["X-Trace"] == "first" and second.headers["X-Trace"] == "second"
    assert "X-Trace" not in third.headers and third.headers["X-Other"] == "third"
    assert third.headers["Authorization"] == f"Bearer {API_KEY}"


def test_a_pool_with_cookies_or_query_parameters_of_its_own_still_sends_them() -> None:
    http = httpx.Client(cookies={"session": "s-1"}, params={"trace": "q-1"})
    (request,) = _sent_by(http, lambda c: c.request("get", "/v1/x", params={"a": 1}))
    assert request.headers["Cookie"] == "session=s-1"
    # httpx alone would drop the call's query for the pool's parameters: both are sent.
    assert request.url.params["trace"] == "q-1" and request.url.params["a"] == "1"


# -- bad input, before any request -------------------------------------------------


def test_unsupported_value_raises_before_any_request(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json={})
    with pytest.raises(TypeError, match="'created'"):
        client.setup_attempts.list(setup_intent="seti_1", created={1, 2})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'extra\[blob\]'"):
        client.setup_attempts.list(setup_intent="seti_1", extra_params={"extra": {"blob": b"x"}})
    assert route.call_count == 0


def test_unknown_keyword_is_a_type_error(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        client.setup_attempts.list(setup_intent="seti_1", no_such_param=1)  # type: ignore[call-arg]


def test_bad_per_call_options_raise_before_any_request(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json={})
    with pytest.raises(ValueError, match="max_retries"):
        client.request("get", "/v1/x", max_retries=-2)
    with pytest.raises(ValueError, match="timeout"):
        client.request("get", "/v1/x", timeout=0)
    assert route.call_count == 0


def test_per_call_timeout_reaches_the_request(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/x").respond(json={})
    run(lambda c: c.request("get", "/v1/x", timeout=3.5))
    assert route.calls.last.request.extensions["timeout"]["read"] == 3.5


def test_extra_params_are_merged_and_sent(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").respond(json={"object": "list", "data": [], "has_more": False})
    run(lambda c: c.setup_attempts.list(setup_intent="seti_1", extra_params={"new_filter": {"a": True}}))
    assert route.calls.last.request.url.params["new_filter[a]"] == "true"


# -- services: parity and freshness ------------------------------------------------


def _methods(service: Any) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(service, inspect.ismethod)
        if not name.startswith("_")
    }


def test_sync_and_async_services_have_the_same_methods_and_parameters() -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        sync = dict(all_services(client))
    aclient = stripe_lite.AsyncStripeClient(api_key=API_KEY)
    async_ = dict(all_services(aclient))
    assert sync.keys() == async_.keys()
    assert {"setup_attempts", "setup_intents", "payment_intents"} <= sync.keys()
    for name in sync:
        sync_methods, async_methods = _methods(sync[name]), _methods(async_[name])
        assert sync_methods.keys() == async_methods.keys(), name
        for method in sync_methods:
            sync_params = list(sync_methods[method].parameters.values())
            async_params = list(async_methods[method].parameters.values())
            assert sync_params == async_params, f"{name}.{method}"


# The services and methods the issues name: the public contract.
CONTRACT = {
    "payment_intents": {
        "create", "retrieve", "update", "list", "search", "confirm", "capture", "cancel",
        "increment_authorization", "verify_microdeposits", "apply_customer_balance", "list_amount_details_line_items",
    },
    "setup_intents": {"create", "retrieve", "update", "list", "confirm", "cancel", "verify_microdeposits"},
    "setup_attempts": {"list"},
    "issuing.cardholders": {"create", "retrieve", "update", "list"},
    "issuing.cards": {"create", "retrieve", "update", "list"},
    "issuing.disputes": {"create", "retrieve", "update", "list", "submit"},
    "issuing.personalization_designs": {"create", "retrieve", "update", "list"},
    "issuing.physical_bundles": {"retrieve", "list"},
    "issuing.settlements": {"retrieve", "update"},
    "issuing.tokens": {"retrieve", "update", "list"},
    "issuing.transactions": {"retrieve", "update", "list"},
    "financial_connections.sessions": {"create", "retrieve"},
    "financial_connections.accounts": {"retrieve", "list", "disconnect", "refresh", "list_owners"},
    "link_account_sessions": {"create", "retrieve"},
    "linked_accounts": {"retrieve", "list", "disconnect", "refresh", "list_owners"},
    "mandates": {"retrieve"},
    "payment_attempt_records": {"retrieve", "list"},
    "payment_links": {"create", "retrieve", "update", "list", "list_line_items"},
    "payouts": {"create", "retrieve", "update", "list", "cancel", "reverse"},
    "refunds": {"create", "retrieve", "update", "list", "cancel"},
    "confirmation_tokens": {"retrieve"},
    "tokens": {"create", "retrieve"},
}


@pytest.mark.parametrize("client_class", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
def test_the_names_issues_2_and_5_fixed_keep_working(client_class: Any) -> None:
    # The whole API is generated now (test_services.py proves every operation has
    # exactly one method); the names users already call must not have moved.
    client = client_class(api_key=API_KEY)
    found = {name: set(_methods(service)) for name, service in all_services(client)}
    for service, methods in CONTRACT.items():
        assert methods <= found.get(service, set()), service


def test_every_method_accepts_the_per_call_options() -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        for name, service in all_services(client):
            for method, signature in _methods(service).items():
                params = signature.parameters
                for option in ("stripe_account", "stripe_version", "timeout", "max_retries", "extra_params"):
                    assert params[option].kind is inspect.Parameter.KEYWORD_ONLY, f"{name}.{method}: {option}"
                for param in params.values():
                    assert param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY)
                    if param.kind is param.POSITIONAL_OR_KEYWORD:
                        assert param.annotation == "str", f"{name}.{method}: only path ids are positional"


# -- import cost ---------------------------------------------------------------------


def _fresh(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    return out.stdout.strip()


_LOADED = (
    "sorted(m.rsplit('.', 1)[1] for m in sys.modules "
    "if m.startswith(('stripe_lite._generated.models.', 'stripe_lite._generated.services.')))"
)


def test_import_does_not_load_models_services_or_cattrs() -> None:
    code = f"import sys, stripe_lite; print({_LOADED}, 'cattrs' in sys.modules, 'stripe_lite.models' in sys.modules)"
    assert _fresh(code) == "['_namespaces'] False False"


def test_a_service_loads_only_the_models_its_answers_need() -> None:
    # Touching a service loads its module, no model; the first answer loads the
    # model it returns, and only what decoding that answer needs.
    code = f"""
import sys, httpx, stripe_lite
answer = {{"id": "pi_1", "object": "payment_intent", "amount": 100, "status": "succeeded",
          "customer": "cus_1", "last_payment_error": None, "next_action": None}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))
client = stripe_lite.StripeClient(api_key="sk_test_x", http_client=httpx.Client(transport=transport))
client.payment_intents
print({_LOADED})
intent = client.payment_intents.retrieve("pi_1")
print({_LOADED}, type(intent).__name__)
"""
    touched, called = _fresh(code).splitlines()
    assert touched == "['_namespaces', 'payment_intents']"
    assert called == "['_namespaces', 'payment_intent', 'payment_intents'] PaymentIntent"


def test_models_load_one_module_at_a_time() -> None:
    code = f"import sys; from stripe_lite.models import Refund; print({_LOADED})"
    assert _fresh(code) == "['_namespaces', 'refund']"
