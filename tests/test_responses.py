"""client.with_response: the status, headers and request id of a successful call, with its typed result."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite import APIResponse, AsyncListPage, ListPage
from stripe_lite.models import Customer, PaymentIntent

from .conftest import API_KEY, Runner

INTENT = {"id": "pi_1", "object": "payment_intent", "amount": 2000, "currency": "usd", "status": "requires_payment_method"}


def _customers(*ids: str, has_more: bool) -> dict[str, Any]:
    data = [{"id": i, "object": "customer", "email": f"{i}@example.com"} for i in ids]
    return {"object": "list", "data": data, "has_more": has_more, "url": "/v1/customers"}


def test_an_object_comes_with_its_status_headers_and_request_id(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/payment_intents").respond(
        201, json=INTENT, headers={"Request-Id": "req_pi1", "Stripe-Version": "2026-05-27.dahlia"}
    )
    response = run(lambda c: c.with_response(c.payment_intents.create, amount=2000, currency="usd"))
    assert isinstance(response, APIResponse)
    intent = response.parse()
    assert isinstance(intent, PaymentIntent) and intent.id == "pi_1" and intent.amount == 2000
    assert response.parse() is intent
    assert response.http_status == 201
    assert response.request_id == "req_pi1"
    assert response.headers["stripe-version"] == response.headers["Stripe-Version"] == "2026-05-27.dahlia"
    sent = route.calls.last.request.headers["Idempotency-Key"]
    assert response.idempotency_key == sent
    assert (response.method, response.path, response.retries) == ("POST", "/v1/payment_intents", 0)
    assert repr(response) == "APIResponse(POST /v1/payment_intents: http_status=201, request_id='req_pi1', retries=0)"


def test_the_answer_kept_is_the_one_that_succeeded(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/payment_intents/pi_1").mock(
        side_effect=[
            httpx.Response(503, json={"error": {"type": "api_error"}}, headers={"Request-Id": "req_failed"}),
            httpx.Response(200, json=INTENT, headers={"Request-Id": "req_ok"}),
        ]
    )
    response = run(lambda c: c.with_response(c.payment_intents.retrieve, "pi_1"))
    assert (response.request_id, response.retries, response.idempotency_key) == ("req_ok", 1, None)


def test_a_list_call_gives_its_first_page(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/customers").respond(json=_customers("cus_1", "cus_2", has_more=False),
                                                  headers={"Request-Id": "req_page1"})
    response = run(lambda c: c.with_response(c.customers.list, limit=2))
    page = response.parse()
    assert isinstance(page, (ListPage, AsyncListPage))
    assert [customer.id for customer in page.data] == ["cus_1", "cus_2"]
    assert (response.request_id, response.method, response.path) == ("req_page1", "GET", "/v1/customers")
    assert route.call_count == 1


def test_a_next_page_comes_with_its_own_answer(mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/customers", params={"starting_after": "cus_1"}).respond(
        json=_customers("cus_2", has_more=False), headers={"Request-Id": "req_page2"}
    )
    mock_api.get("/v1/customers").respond(json=_customers("cus_1", has_more=True), headers={"Request-Id": "req_page1"})
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        first = client.customers.list(limit=1)
        second = client.with_response(first.next_page)
        page = second.parse()
        assert page is not None and [c.id for c in page.data] == ["cus_2"] and second.request_id == "req_page2"

    async def main() -> APIResponse[AsyncListPage[Customer] | None]:
        async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as aclient:
            return await aclient.with_response((await aclient.customers.list(limit=1)).next_page)

    assert asyncio.run(main()).request_id == "req_page2"


def test_the_escape_hatch_too(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/things").respond(json={"ok": True}, headers={"Request-Id": "req_raw"})
    response = run(lambda c: c.with_response(c.request, "get", "/v1/things"))
    assert response.parse() == {"ok": True} and response.request_id == "req_raw"


def test_a_function_that_sends_nothing_is_refused(run: Runner) -> None:
    def nothing(*args: Any) -> Any:
        return None

    async def nothing_async(*args: Any) -> Any:
        return None

    with pytest.raises(ValueError, match="made no request"):
        run(lambda c: c.with_response(nothing_async if isinstance(c, stripe_lite.AsyncStripeClient) else nothing))


def test_a_key_echoed_in_a_header_is_masked(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/balance").respond(json={"object": "balance"}, headers={"X-Echo": f"Bearer {API_KEY}"})
    response = run(lambda c: c.with_response(c.balance.retrieve))
    assert response.headers["x-echo"] == "Bearer sk_test_***"


async def test_only_the_calls_inside_with_response_are_captured(mock_api: respx.MockRouter) -> None:
    # Two tasks at once: the one in with_response gets its own answer, the other nothing.
    mock_api.get("/v1/customers/cus_a").respond(json={"id": "cus_a", "object": "customer"}, headers={"Request-Id": "req_a"})
    mock_api.get("/v1/customers/cus_b").respond(json={"id": "cus_b", "object": "customer"}, headers={"Request-Id": "req_b"})
    async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as client:
        plain, wrapped = await asyncio.gather(
            client.customers.retrieve("cus_b"), client.with_response(client.customers.retrieve, "cus_a")
        )
        assert wrapped.request_id == "req_a" and isinstance(plain, Customer) and plain.id == "cus_b"
        assert (await client.with_response(client.customers.retrieve, "cus_b")).request_id == "req_b"


def test_models_carry_no_response() -> None:
    # The metadata lives on the APIResponse only: no object, nested or not, pays a slot for it.
    assert not any("response" in name for cls in PaymentIntent.__mro__ for name in getattr(cls, "__slots__", ()))
