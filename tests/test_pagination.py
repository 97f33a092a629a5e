"""Pages: forward and backward walks, search pages, and parameters carried to every page."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite import ListPage
from stripe_lite.models import SetupAttempt

from .conftest import Runner, Walk


def attempt(n: int) -> dict[str, Any]:
    return {"id": f"setatt_{n}", "object": "setup_attempt", "setup_intent": "seti_1", "status": "succeeded"}


def page(ids: list[int], has_more: bool, url: str = "/v1/setup_attempts") -> dict[str, Any]:
    return {"object": "list", "url": url, "has_more": has_more, "data": [attempt(i) for i in ids]}


def query(call: Any) -> dict[str, str]:
    return dict(parse_qsl(call.request.url.query.decode()))


def test_iterating_a_page_walks_every_page_forward(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(
        side_effect=[
            httpx.Response(200, json=page([1, 2], True)),
            httpx.Response(200, json=page([3, 4], True)),
            httpx.Response(200, json=page([5], False)),
        ]
    )
    items = run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1", limit=2, expand=["data.payment_method"])))
    assert [i.id for i in items] == [f"setatt_{n}" for n in range(1, 6)]
    assert all(isinstance(i, SetupAttempt) for i in items)
    queries = [query(call) for call in route.calls]
    base = {"setup_intent": "seti_1", "limit": "2", "expand[0]": "data.payment_method"}
    assert queries == [base, {**base, "starting_after": "setatt_2"}, {**base, "starting_after": "setatt_4"}]


def test_ending_before_walks_backwards(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([7, 8], True)), httpx.Response(200, json=page([5, 6], False))]
    )
    items = run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1", ending_before="setatt_9", limit=2)))
    # Each page is newest-first; walking away from the cursor yields 8, 7, then 6, 5.
    assert [i.id for i in items] == ["setatt_8", "setatt_7", "setatt_6", "setatt_5"]
    assert [query(call).get("ending_before") for call in route.calls] == ["setatt_9", "setatt_7"]
    assert all("starting_after" not in query(call) for call in route.calls)


def test_first_page_and_next_page(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([1, 2], True)), httpx.Response(200, json=page([3], False))]
    )
    first = client.setup_attempts.list(setup_intent="seti_1", limit=2)
    assert isinstance(first, ListPage)
    assert [a.id for a in first.data] == ["setatt_1", "setatt_2"]
    assert first.has_more is True and first.url == "/v1/setup_attempts"
    second = first.next_page()
    assert second is not None and [a.id for a in second.data] == ["setatt_3"]
    assert second.has_more is False and second.next_page() is None
    assert first.to_dict() == page([1, 2], True)


async def test_async_await_gives_the_first_page(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([1, 2], True)), httpx.Response(200, json=page([3], False))]
    )
    first = await aclient.setup_attempts.list(setup_intent="seti_1", limit=2)
    assert isinstance(first, stripe_lite.AsyncListPage)
    assert [a.id for a in first.data] == ["setatt_1", "setatt_2"] and route.call_count == 1
    second = await first.next_page()
    assert second is not None and [a.id for a in second.data] == ["setatt_3"]
    assert await second.next_page() is None


async def test_async_for_over_an_awaited_page_walks_on(
    aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter
) -> None:
    mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([1], True)), httpx.Response(200, json=page([2], False))]
    )
    first = await aclient.setup_attempts.list(setup_intent="seti_1", limit=1)
    assert [a.id async for a in first] == ["setatt_1", "setatt_2"]


def test_an_empty_last_page_ends_the_walk(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").respond(json=page([], False))
    assert run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1"))) == []
    assert route.call_count == 1


def test_extra_params_carry_over(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([1], True)), httpx.Response(200, json=page([2], False))]
    )
    run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1", extra_params={"beta_filter": "x"})))
    assert [query(call).get("beta_filter") for call in route.calls] == ["x", "x"]


def test_per_call_options_carry_over(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/setup_attempts").mock(
        side_effect=[httpx.Response(200, json=page([1], True)), httpx.Response(200, json=page([2], False))]
    )
    run(lambda c: Walk(c.setup_attempts.list(setup_intent="seti_1", stripe_account="acct_1")))
    assert [call.request.headers["Stripe-Account"] for call in route.calls] == ["acct_1", "acct_1"]


def test_a_list_response_without_data_is_an_invalid_response(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/setup_attempts").respond(json={"object": "list"})
    with pytest.raises(stripe_lite.InvalidResponseError, match="'data' array"):
        run(lambda c: c.setup_attempts.list(setup_intent="seti_1"))


def search_page(ids: list[int], next_page: str | None, total: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "object": "search_result",
        "url": "/v1/payment_intents/search",
        "has_more": next_page is not None,
        "next_page": next_page,
        "data": [{"id": f"pi_{i}", "object": "payment_intent"} for i in ids],
    }
    if total is not None:
        body["total_count"] = total
    return body


def test_search_follows_next_page(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/payment_intents/search").mock(
        side_effect=[
            httpx.Response(200, json=search_page([1, 2], "cursor_2", total=3)),
            httpx.Response(200, json=search_page([3], None)),
        ]
    )
    items = run(lambda c: Walk(c.payment_intents.search(query="status:'succeeded'", limit=2)))
    assert [i.id for i in items] == ["pi_1", "pi_2", "pi_3"]
    assert [query(call) for call in route.calls] == [
        {"query": "status:'succeeded'", "limit": "2"},
        {"query": "status:'succeeded'", "limit": "2", "page": "cursor_2"},
    ]


def test_search_page_fields(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/payment_intents/search").respond(json=search_page([1], "cursor_2", total=9))
    found = client.payment_intents.search(query="amount>1000")
    assert isinstance(found, stripe_lite.SearchPage)
    assert found.next_page == "cursor_2" and found.total_count == 9 and found.has_more is True
    assert found.to_dict() == search_page([1], "cursor_2", total=9)
