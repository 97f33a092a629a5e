"""The work each client does for each metric, shared by run.py, memory_probe.py and profile_metric.py.

Three clients, one key each:

* ``raw``: httpx plus ``json.loads``, no SDK: the floor.
* ``stripe``: the official stripe-python (a peer to compare against, never a
  dependency of stripe_lite), on its own ``stripe.HTTPXClient``.
* ``lite``: stripe_lite.

stripe-python's ``HTTPXClient`` takes no transport and no limits: it builds its
own ``httpx.Client`` / ``httpx.AsyncClient``. The suite swaps those two
attributes (``_client``, ``_client_async``) for clients built like everyone
else's, so all three send through identically configured httpx clients. That is
the only private attribute of stripe-python the suite touches; everything else
goes through its public ``StripeClient`` API.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import payloads

API_KEY = "sk_test_benchmark_0000000000000000"
CLIENTS = ("raw", "stripe", "lite")
TIMEOUT = 30.0
# One set of limits for every client in M4 (and M3). All connections are kept
# alive, long enough to outlast the other clients' repetitions, so no
# repetition pays for opening connections. Ten connections, not httpx's default
# hundred: httpcore 1.0's pool scans every connection for every idle one and
# every queued request against every connection each time a request starts or
# ends, so with 500 requests in flight 100 warm connections cost about 6 s
# a burst against about 0.8 s for 10 (see docs/performance.md); the floor
# should be the fastest raw httpx can do, not the pool's worst case.
LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=120.0)


def labels() -> dict[str, str]:
    import stripe

    import stripe_lite

    return {
        "raw": f"raw httpx {httpx.__version__}",
        "stripe": f"stripe-python {stripe.VERSION}",
        "lite": f"stripe_lite {stripe_lite.__version__}",
    }


def stripe_lite_json() -> str:
    """Which JSON parser stripe_lite uses here (orjson when its "fast" extra is installed)."""
    from stripe_lite import _base_client

    return "orjson" if getattr(_base_client, "_orjson", None) is not None else "json"


# -- M1: decode one list page -----------------------------------------------------


def page_decoders() -> dict[str, Callable[[bytes], list[Any]]]:
    """Callables turning a list-page body into the client's list of PaymentIntents.

    * raw: ``json.loads(body)["data"]``.
    * lite: exactly what a list call does with a 200 answer
      (``BaseClient._decode_success`` then ``StripeClient._get_page``'s cast):
      ``ListPage(client, path, params, options, PaymentIntent.from_dict, _loads(body))``.
    * stripe: ``json.loads`` then the public ``StripeClient.deserialize(..., api_mode="V1")``,
      which is ``_convert_to_stripe_object`` with the client's requestor: the same
      conversion a list call does (minus wrapping the body in a StripeResponse).
    """
    import stripe

    from stripe_lite import StripeClient
    from stripe_lite._base_client import NO_OPTIONS, _loads
    from stripe_lite._pagination import ListPage
    from stripe_lite.models import PaymentIntent

    lite_client = StripeClient(API_KEY)
    stripe_client = stripe.StripeClient(API_KEY, http_client=_stripe_http())
    decode_intent = PaymentIntent.from_dict
    params = {"limit": payloads.PAGE_SIZE}

    def raw(body: bytes) -> list[Any]:
        items: list[Any] = json.loads(body)["data"]
        return items

    def lite(body: bytes) -> list[Any]:
        page = ListPage(lite_client, payloads.LIST_PATH, params, NO_OPTIONS, decode_intent, _loads(body))
        return page.data

    def stripe_python(body: bytes) -> list[Any]:
        page = stripe_client.deserialize(json.loads(body), api_mode="V1")
        items: list[Any] = page.data
        return items

    return {"raw": raw, "stripe": stripe_python, "lite": lite}


# -- M2: retrieve through an httpx.MockTransport ------------------------------------


def mock_transport(pi_id: str, body: bytes) -> httpx.MockTransport:
    """Answers GET /v1/payment_intents/<pi_id> at once with ``body``; anything else is a 404."""
    path = f"{payloads.LIST_PATH}/{pi_id}"
    headers = {"content-type": "application/json", "request-id": "req_mock"}
    missing = b'{"error":{"type":"invalid_request_error","code":"resource_missing"}}'

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path != path:
            return httpx.Response(404, content=missing, headers=headers)
        return httpx.Response(200, content=body, headers=headers)

    return httpx.MockTransport(handler)


def mock_retrievers(pi_id: str, body: bytes) -> tuple[dict[str, Callable[[], Any]], Callable[[], None]]:
    """One retrieve per call, for each client, all through the same kind of MockTransport."""
    import stripe

    from stripe_lite import StripeClient

    raw_http = httpx.Client(
        transport=mock_transport(pi_id, body),
        base_url="https://api.stripe.com",
        headers={"Authorization": f"Bearer {API_KEY}"},
    )
    lite_http = httpx.Client(transport=mock_transport(pi_id, body))
    lite_client = StripeClient(API_KEY, http_client=lite_http)
    stripe_http = httpx.Client(transport=mock_transport(pi_id, body))
    stripe_client = stripe.StripeClient(API_KEY, http_client=_stripe_http(stripe_http))
    url = f"{payloads.LIST_PATH}/{pi_id}"
    lite_service = lite_client.payment_intents
    stripe_service = stripe_client.v1.payment_intents

    def raw() -> Any:
        return json.loads(raw_http.get(url).content)

    def lite() -> Any:
        return lite_service.retrieve(pi_id)

    def stripe_python() -> Any:
        return stripe_service.retrieve(pi_id)

    def close() -> None:
        raw_http.close()
        lite_http.close()
        stripe_http.close()

    return {"raw": raw, "stripe": stripe_python, "lite": lite}, close


# -- M3: walk 10,000 PaymentIntents against the loopback server ----------------------


def walkers(base_url: str) -> tuple[dict[str, Callable[[], list[Any]]], Callable[[], None]]:
    """Each walks every PaymentIntent, 100 a page, following ``starting_after``."""
    import stripe

    from stripe_lite import StripeClient

    raw_http = httpx.Client(
        base_url=base_url, limits=LIMITS, timeout=TIMEOUT, headers={"Authorization": f"Bearer {API_KEY}"}
    )
    lite_http = httpx.Client(limits=LIMITS, timeout=TIMEOUT)
    lite_client = StripeClient(API_KEY, base_url=base_url, http_client=lite_http)
    stripe_http = httpx.Client(limits=LIMITS, timeout=TIMEOUT)
    stripe_client = stripe.StripeClient(
        API_KEY, http_client=_stripe_http(stripe_http), base_addresses={"api": base_url}
    )

    def raw() -> list[Any]:
        items: list[Any] = []
        params: dict[str, Any] = {"limit": payloads.PAGE_SIZE}
        while True:
            page = json.loads(raw_http.get(payloads.LIST_PATH, params=params).content)
            data = page["data"]
            items.extend(data)
            if not page["has_more"] or not data:
                return items
            params = {"limit": payloads.PAGE_SIZE, "starting_after": data[-1]["id"]}

    def lite() -> list[Any]:
        return list(lite_client.payment_intents.list(limit=payloads.PAGE_SIZE))

    def stripe_python() -> list[Any]:
        first = stripe_client.v1.payment_intents.list({"limit": payloads.PAGE_SIZE})
        return list(first.auto_paging_iter())

    def close() -> None:
        raw_http.close()
        lite_http.close()
        stripe_http.close()

    return {"raw": raw, "stripe": stripe_python, "lite": lite}, close


# -- M4: concurrent async retrieves against the loopback server ----------------------


def async_retrievers(
    base_url: str, ids: list[str]
) -> tuple[dict[str, Callable[[], Awaitable[list[Any]]]], Callable[[], Awaitable[None]]]:
    """Each retrieves every id in ``ids`` at once (``asyncio.gather``); build inside the event loop."""
    import asyncio

    import stripe

    from stripe_lite import AsyncStripeClient

    raw_http = httpx.AsyncClient(
        base_url=base_url, limits=LIMITS, timeout=TIMEOUT, headers={"Authorization": f"Bearer {API_KEY}"}
    )
    lite_http = httpx.AsyncClient(limits=LIMITS, timeout=TIMEOUT)
    lite_client = AsyncStripeClient(API_KEY, base_url=base_url, http_client=lite_http)
    stripe_async_http = httpx.AsyncClient(limits=LIMITS, timeout=TIMEOUT)
    stripe_client = stripe.StripeClient(
        API_KEY,
        http_client=_stripe_http(async_client=stripe_async_http),
        base_addresses={"api": base_url},
    )
    lite_service = lite_client.payment_intents
    stripe_service = stripe_client.v1.payment_intents

    async def raw_one(pi_id: str) -> Any:
        return json.loads((await raw_http.get(f"{payloads.LIST_PATH}/{pi_id}")).content)

    async def raw() -> list[Any]:
        return list(await asyncio.gather(*(raw_one(pi_id) for pi_id in ids)))

    async def lite() -> list[Any]:
        return list(await asyncio.gather(*(lite_service.retrieve(pi_id) for pi_id in ids)))

    async def stripe_python() -> list[Any]:
        return list(await asyncio.gather(*(stripe_service.retrieve_async(pi_id) for pi_id in ids)))

    async def close() -> None:
        await raw_http.aclose()
        await lite_http.aclose()
        await stripe_async_http.aclose()

    return {"raw": raw, "stripe": stripe_python, "lite": lite}, close


# -- stripe-python's httpx client -------------------------------------------------------


def _stripe_http(client: httpx.Client | None = None, async_client: httpx.AsyncClient | None = None) -> Any:
    """A ``stripe.HTTPXClient`` sending through the given httpx clients (see the module doc)."""
    import stripe

    http = stripe.HTTPXClient(allow_sync_methods=True)
    if client is not None:
        http._client.close()
        http._client = client
    if async_client is not None:
        # Its own AsyncClient never sent anything: dropping it leaves no open connection.
        http._client_async = async_client
    return http


# -- checks: every result is verified before it is timed ------------------------------

_CHECKED_FIELDS = (
    "id",
    "amount",
    "status",
    "customer",
    "latest_charge",
    "amount_details.tax.total_tax_amount",
    "payment_method_options.card.request_three_d_secure",
    "shipping.address.city",
    "shipping.name",
)
_expected_cache: list[dict[str, Any]] = []


def _expected(index: int) -> dict[str, Any]:
    if not _expected_cache:
        _expected_cache.extend(payloads.payment_intent(i) for i in range(payloads.TOTAL))
    return _expected_cache[index]


def _field(item: Any, path: str) -> Any:
    for part in path.split("."):
        item = item[part] if type(item) is dict else getattr(item, part)
    return item


def verify(name: str, items: list[Any], indices: range | list[int]) -> None:
    """Check that ``items`` are PaymentIntents number ``indices``, in order, as the client's own objects.

    Checks the count, every id and its order, a spread of scalar and nested
    fields (and that nested objects were decoded into the client's types), that
    ``metadata`` and the null fields came through, for every item.
    """
    indices = list(indices)
    if len(items) != len(indices):
        raise AssertionError(f"{name}: expected {len(indices)} PaymentIntents, got {len(items)}")
    if name == "raw":
        item_type: Any = dict
        nested_type: Any = dict
    elif name == "lite":
        from stripe_lite.models import Address, PaymentIntent

        item_type, nested_type = PaymentIntent, Address
    else:
        import stripe

        item_type, nested_type = stripe.PaymentIntent, stripe.StripeObject
    for position, (item, index) in enumerate(zip(items, indices, strict=True)):
        expected = _expected(index)
        if not isinstance(item, item_type):
            raise AssertionError(f"{name}: item {position} is a {type(item).__name__}, not {item_type.__name__}")
        if not isinstance(_field(item, "shipping.address"), nested_type):
            raise AssertionError(f"{name}: item {position}'s shipping.address was not decoded")
        for path in _CHECKED_FIELDS:
            got, want = _field(item, path), _field(expected, path)
            if got != want:
                raise AssertionError(f"{name}: item {position} (PaymentIntent {index}) {path} is {got!r}, not {want!r}")
        if _field(item, "metadata.order_id") != expected["metadata"]["order_id"]:
            raise AssertionError(f"{name}: item {position} metadata differs")
        for path in ("next_action", "last_payment_error"):
            if _field(item, path) is not None:
                raise AssertionError(f"{name}: item {position} {path} is not None")
