"""Every method of SetupIntents, SetupAttempts and PaymentIntents on the wire, sync and async.

Each case is a representative call with nested parameters; the test checks the
exact method, path, query string or form body sent, and the model decoded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import OBJECT_MODELS, PaymentIntent, SetupIntent

from .conftest import Runner

PAYLOADS = Path(__file__).parent / "payloads"


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    return data


def listing(name: str) -> dict[str, Any]:
    return {"object": "list", "url": "/v1/x", "has_more": False, "data": [payload(name)]}


PI = payload("payment_intent")
SETI = payload("setup_intent")

# (id, service, method, args, kwargs, http method, path, expected pairs, response, result model)
CASES: list[tuple[str, str, str, tuple[Any, ...], dict[str, Any], str, str, list[tuple[str, str]], Any, type]] = [
    (
        "pi-create", "payment_intents", "create", (),
        {"amount": 2000, "currency": "usd", "payment_method_types": ["card"], "metadata": {"order_id": "6735"},
         "shipping": {"name": "Jenny", "address": {"line1": "1 Main St", "city": "Springfield"}},
         "automatic_payment_methods": {"enabled": False}, "confirm": False},
        "POST", "/v1/payment_intents",
        [("amount", "2000"), ("currency", "usd"), ("payment_method_types[0]", "card"),
         ("metadata[order_id]", "6735"), ("shipping[name]", "Jenny"), ("shipping[address][line1]", "1 Main St"),
         ("shipping[address][city]", "Springfield"), ("automatic_payment_methods[enabled]", "false"),
         ("confirm", "false")],
        PI, PaymentIntent,
    ),
    (
        "pi-retrieve", "payment_intents", "retrieve", ("pi_123",), {"expand": ["customer", "payment_method"]},
        "GET", "/v1/payment_intents/pi_123", [("expand[0]", "customer"), ("expand[1]", "payment_method")],
        PI, PaymentIntent,
    ),
    (
        "pi-update", "payment_intents", "update", ("pi_123",),
        {"description": "", "metadata": {"note": "x"}, "receipt_email": "j@example.com"},
        "POST", "/v1/payment_intents/pi_123",
        [("description", ""), ("metadata[note]", "x"), ("receipt_email", "j@example.com")],
        PI, PaymentIntent,
    ),
    (
        "pi-list", "payment_intents", "list", (), {"customer": "cus_1", "limit": 3, "created": {"gte": 1700000000}},
        "GET", "/v1/payment_intents",
        [("customer", "cus_1"), ("created[gte]", "1700000000"), ("limit", "3")],
        listing("payment_intent"), stripe_lite.ListPage,
    ),
    (
        "pi-search", "payment_intents", "search", (), {"query": "status:'succeeded'", "limit": 5},
        "GET", "/v1/payment_intents/search", [("query", "status:'succeeded'"), ("limit", "5")],
        {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": False, "next_page": None,
         "data": [PI]},
        stripe_lite.SearchPage,
    ),
    (
        "pi-confirm", "payment_intents", "confirm", ("pi_123",),
        {"payment_method": "pm_card_visa", "return_url": "https://example.com/done",
         "payment_method_options": {"card": {"request_three_d_secure": "any"}}, "off_session": True},
        "POST", "/v1/payment_intents/pi_123/confirm",
        [("off_session", "true"), ("payment_method", "pm_card_visa"),
         ("payment_method_options[card][request_three_d_secure]", "any"),
         ("return_url", "https://example.com/done")],
        PI, PaymentIntent,
    ),
    (
        "pi-capture", "payment_intents", "capture", ("pi_123",), {"amount_to_capture": 1500, "final_capture": True},
        "POST", "/v1/payment_intents/pi_123/capture", [("amount_to_capture", "1500"), ("final_capture", "true")],
        PI, PaymentIntent,
    ),
    (
        "pi-cancel", "payment_intents", "cancel", ("pi_123",), {"cancellation_reason": "requested_by_customer"},
        "POST", "/v1/payment_intents/pi_123/cancel", [("cancellation_reason", "requested_by_customer")],
        PI, PaymentIntent,
    ),
    (
        "pi-increment", "payment_intents", "increment_authorization", ("pi_123",),
        {"amount": 2500, "metadata": {"why": "tip"}},
        "POST", "/v1/payment_intents/pi_123/increment_authorization", [("amount", "2500"), ("metadata[why]", "tip")],
        PI, PaymentIntent,
    ),
    (
        "pi-verify", "payment_intents", "verify_microdeposits", ("pi_123",), {"amounts": [32, 45]},
        "POST", "/v1/payment_intents/pi_123/verify_microdeposits", [("amounts[0]", "32"), ("amounts[1]", "45")],
        PI, PaymentIntent,
    ),
    (
        "pi-balance", "payment_intents", "apply_customer_balance", ("pi_123",), {"amount": 500, "currency": "usd"},
        "POST", "/v1/payment_intents/pi_123/apply_customer_balance", [("amount", "500"), ("currency", "usd")],
        PI, PaymentIntent,
    ),
    (
        "pi-line-items", "payment_intents", "list_amount_details_line_items", ("pi_123",), {"limit": 2},
        "GET", "/v1/payment_intents/pi_123/amount_details_line_items", [("limit", "2")],
        listing("payment_intent_amount_details_line_item"), stripe_lite.ListPage,
    ),
    (
        "seti-create", "setup_intents", "create", (),
        {"customer": "cus_1", "usage": "off_session", "payment_method_types": ["card", "sepa_debit"],
         "payment_method_data": {"type": "sepa_debit", "sepa_debit": {"iban": "DE89370400440532013000"},
                                 "billing_details": {"name": "Jenny", "email": "j@example.com"}}},
        "POST", "/v1/setup_intents",
        [("customer", "cus_1"), ("payment_method_data[type]", "sepa_debit"),
         ("payment_method_data[sepa_debit][iban]", "DE89370400440532013000"),
         ("payment_method_data[billing_details][name]", "Jenny"),
         ("payment_method_data[billing_details][email]", "j@example.com"),
         ("payment_method_types[0]", "card"), ("payment_method_types[1]", "sepa_debit"), ("usage", "off_session")],
        SETI, SetupIntent,
    ),
    (
        "seti-retrieve", "setup_intents", "retrieve", ("seti_123",), {"client_secret": "seti_123_secret_x"},
        "GET", "/v1/setup_intents/seti_123", [("client_secret", "seti_123_secret_x")],
        SETI, SetupIntent,
    ),
    (
        "seti-update", "setup_intents", "update", ("seti_123",), {"metadata": "", "description": "new"},
        "POST", "/v1/setup_intents/seti_123", [("description", "new"), ("metadata", "")],
        SETI, SetupIntent,
    ),
    (
        "seti-list", "setup_intents", "list", (), {"customer": "cus_1", "attach_to_self": False},
        "GET", "/v1/setup_intents", [("attach_to_self", "false"), ("customer", "cus_1")],
        listing("setup_intent"), stripe_lite.ListPage,
    ),
    (
        "seti-confirm", "setup_intents", "confirm", ("seti_123",),
        {"payment_method": "pm_card_visa",
         "mandate_data": {"customer_acceptance": {"type": "online",
                                                  "online": {"ip_address": "127.0.0.1", "user_agent": "curl"}}}},
        "POST", "/v1/setup_intents/seti_123/confirm",
        [("mandate_data[customer_acceptance][type]", "online"),
         ("mandate_data[customer_acceptance][online][ip_address]", "127.0.0.1"),
         ("mandate_data[customer_acceptance][online][user_agent]", "curl"), ("payment_method", "pm_card_visa")],
        SETI, SetupIntent,
    ),
    (
        "seti-cancel", "setup_intents", "cancel", ("seti_123",), {"cancellation_reason": "abandoned"},
        "POST", "/v1/setup_intents/seti_123/cancel", [("cancellation_reason", "abandoned")],
        SETI, SetupIntent,
    ),
    (
        "seti-verify", "setup_intents", "verify_microdeposits", ("seti_123",), {"descriptor_code": "SM11AA"},
        "POST", "/v1/setup_intents/seti_123/verify_microdeposits", [("descriptor_code", "SM11AA")],
        SETI, SetupIntent,
    ),
    (
        "setatt-list", "setup_attempts", "list", (), {"setup_intent": "seti_123", "limit": 3},
        "GET", "/v1/setup_attempts", [("setup_intent", "seti_123"), ("limit", "3")],
        listing("setup_attempt"), stripe_lite.ListPage,
    ),
]


def _call(client: Any, service: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return getattr(getattr(client, service), method)(*args, **kwargs)


def test_every_method_has_a_case() -> None:
    covered = {(c[1], c[2]) for c in CASES}
    with stripe_lite.StripeClient(api_key="sk_test_x") as client:
        for service in ("payment_intents", "setup_intents", "setup_attempts"):
            public = {m for m in dir(getattr(client, service)) if not m.startswith("_")}
            assert public == {m for s, m in covered if s == service}, service


@pytest.mark.parametrize(
    ("service", "method", "args", "kwargs", "http", "path", "pairs", "response", "result"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_wire_and_decoding(
    run: Runner,
    mock_api: respx.MockRouter,
    service: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    http: str,
    path: str,
    pairs: list[tuple[str, str]],
    response: Any,
    result: type,
) -> None:
    route = mock_api.route(method=http, path=path).mock(return_value=httpx.Response(200, json=response))
    got = run(lambda c: _call(c, service, method, args, kwargs))
    request = route.calls.last.request
    assert request.method == http
    assert request.url.raw_path.split(b"?")[0] == path.encode()
    sent = request.content.decode() if http == "POST" else request.url.query.decode()
    assert sorted(parse_qsl(sent, keep_blank_values=True)) == sorted(pairs)
    if http == "POST":
        assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert request.url.query == b""
    if result in (stripe_lite.ListPage, stripe_lite.SearchPage):
        page_cls = result if run.mode == "sync" else {
            stripe_lite.ListPage: stripe_lite.AsyncListPage, stripe_lite.SearchPage: stripe_lite.AsyncSearchPage
        }[result]
        assert isinstance(got, page_cls)
        item_model = OBJECT_MODELS[response["data"][0]["object"]]
        assert [type(item) for item in got.data] == [item_model]
        assert got.to_dict() == response
    else:
        assert isinstance(got, result)
        assert got.to_dict() == response


def test_required_parameters_are_required(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="currency"):
        client.payment_intents.create(amount=2000)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="query"):
        client.payment_intents.search()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="setup_intent"):
        client.setup_attempts.list()  # type: ignore[call-arg]


@pytest.mark.parametrize("bad_id", ["", "   "])
def test_empty_path_id_raises_before_any_request(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, bad_id: str
) -> None:
    route = mock_api.route().respond(json=PI)
    with pytest.raises(ValueError, match="intent"):
        client.payment_intents.retrieve(bad_id)
    with pytest.raises(ValueError, match="intent"):
        client.setup_intents.confirm(bad_id)
    assert route.call_count == 0


def test_an_unpassed_optional_parameter_is_not_sent(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/payment_intents/pi_1/capture").respond(json=PI)
    client.payment_intents.capture("pi_1")
    assert route.calls.last.request.content == b""
