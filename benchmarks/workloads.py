"""The work each client does for each metric, shared by run.py, memory_probe.py and profile_metric.py.

Three clients, one key each:

* ``raw``: httpx plus ``json.loads``, no SDK: the floor. It pays for nothing
  stripe_lite does not: it sends the full URL (no ``base_url=``, which costs
  httpx a URL join per request) with exactly the headers stripe_lite sends
  (read off a real stripe_lite request, :func:`lite_headers`, and checked
  against one before timing), set once on its ``httpx.Client``.
* ``stripe``: the official stripe-python (a peer to compare against, never a
  dependency of stripe_lite), on its own ``stripe.HTTPXClient``.
* ``lite``: stripe_lite.

stripe-python's ``HTTPXClient`` takes no transport and no limits: it builds its
own ``httpx.Client`` / ``httpx.AsyncClient``. The suite swaps those two
attributes (``_client``, ``_client_async``) for clients built like everyone
else's, so all three send through identically configured httpx clients. That is
the only private attribute of stripe-python the suite touches; everything else
goes through its public ``StripeClient`` API.

Which JSON parser stripe_lite uses is chosen per process, before stripe_lite is
imported (:func:`use_json`): ``json`` makes ``import orjson`` fail (as when the
"fast" extra is not installed), ``orjson`` requires it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Awaitable, Callable, Mapping
from functools import cache
from typing import Any

import httpx
import payloads

API_KEY = "sk_test_benchmark_0000000000000000"
CLIENTS = ("raw", "stripe", "lite")
TIMEOUT = 30.0
STRIPE_BASE = "https://api.stripe.com"
JSON_ENV = "STRIPE_LITE_BENCH_JSON"
# One set of limits for every client in M4 (and M3). All connections are kept
# alive, long enough to outlast the other clients' repetitions, so no
# repetition pays for opening connections. Ten connections, not httpx's default
# hundred: httpcore 1.0's pool scans every connection for every idle one and
# every queued request against every connection each time a request starts or
# ends, so with 500 requests in flight 100 warm connections cost about 6 s
# a burst against about 0.8 s for 10 (see docs/performance.md); the floor
# should be the fastest raw httpx can do, not the pool's worst case.
LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=120.0)


# -- which JSON parser stripe_lite uses ------------------------------------------------


def use_json(mode: str | None = None) -> str:
    """Make stripe_lite parse with ``mode`` ("json" or "orjson"; default: $STRIPE_LITE_BENCH_JSON, else "json").

    Call before stripe_lite is imported. Sets the environment variable too, so
    that child processes started afterwards make the same choice.
    """
    mode = mode or os.environ.get(JSON_ENV) or "json"
    if "stripe_lite" in sys.modules and stripe_lite_json() != mode:
        raise RuntimeError(f"stripe_lite was imported before the JSON parser ({mode}) was chosen")
    if mode == "json":
        sys.modules["orjson"] = None  # type: ignore[assignment]  # import orjson now raises ImportError
    elif mode == "orjson":
        import orjson  # noqa: F401  # fails here, plainly, when it is not installed
    else:
        raise ValueError(f"unknown JSON mode {mode!r} (json or orjson)")
    os.environ[JSON_ENV] = mode
    return mode


def stripe_lite_json() -> str:
    """Which JSON parser stripe_lite uses in this process."""
    from stripe_lite import _base_client

    return "orjson" if getattr(_base_client, "_orjson", None) is not None else "json"


def labels() -> dict[str, str]:
    import stripe

    import stripe_lite

    return {
        "raw": f"raw httpx {httpx.__version__}",
        "stripe": f"stripe-python {stripe.VERSION}",
        "lite": f"stripe_lite {stripe_lite.__version__}",
    }


# -- the raw client: stripe_lite's headers, the full URL ---------------------------------


@cache
def lite_headers() -> tuple[tuple[str, str], ...]:
    """The headers of a real stripe_lite GET (a retrieve), as sent, without ``Host``."""
    from stripe_lite import StripeClient

    seen: list[httpx.Request] = []
    transport = mock_transport("pi_headers", payloads.payment_intent_body(0), seen)
    with httpx.Client(transport=transport) as http, StripeClient(API_KEY, http_client=http) as client:
        client.payment_intents.retrieve("pi_headers")
    return tuple((name, value) for name, value in seen[0].headers.items() if name != "host")


def raw_headers() -> dict[str, str]:
    return dict(lite_headers())


def check_same_headers(raw_request: httpx.Request, lite_request: httpx.Request) -> None:
    """Refuse to time a raw client whose request headers differ from stripe_lite's (any order)."""
    raw = sorted(raw_request.headers.multi_items())
    lite = sorted(lite_request.headers.multi_items())
    if raw != lite:
        raise AssertionError(f"the raw client sends other headers than stripe_lite:\n raw  {raw}\n lite {lite}")


def _lite_request(client: Any, path: str, params: dict[str, Any] | None = None) -> httpx.Request:
    from stripe_lite._base_client import NO_OPTIONS

    request: httpx.Request = client._prepare("GET", path, params, NO_OPTIONS).request
    return request


# -- M1: decode one list page -----------------------------------------------------


def page_decoders() -> dict[str, Callable[[bytes], list[Any]]]:
    """Callables turning a list-page body into the client's list of PaymentIntents.

    * raw: ``json.loads(body)["data"]``.
    * lite: exactly what ``payment_intents.list()`` does with a 200 answer
      (``BaseClient._decode_success`` then ``StripeClient._get_page``'s cast):
      ``ListPage(client, path, params, options, decode, _loads(body))``, where
      ``decode`` is the list method's own item decoder (it checks each item's
      ``object`` and ``id``, then decodes it as a PaymentIntent).
    * stripe: ``json.loads`` then the public ``StripeClient.deserialize(..., api_mode="V1")``,
      which is ``_convert_to_stripe_object`` with the client's requestor: the same
      conversion a list call does (minus wrapping the body in a StripeResponse).
    """
    import stripe

    from stripe_lite import StripeClient
    from stripe_lite._base_client import NO_OPTIONS, _loads
    from stripe_lite._generated.services.payment_intents import _decode_PaymentIntent
    from stripe_lite._pagination import ListPage

    lite_client = StripeClient(API_KEY)
    stripe_client = stripe.StripeClient(API_KEY, http_client=_stripe_http())
    params = {"limit": payloads.PAGE_SIZE}

    def raw(body: bytes) -> list[Any]:
        items: list[Any] = json.loads(body)["data"]
        return items

    def lite(body: bytes) -> list[Any]:
        page = ListPage(lite_client, payloads.LIST_PATH, params, NO_OPTIONS, _decode_PaymentIntent, _loads(body))
        return page.data

    def stripe_python(body: bytes) -> list[Any]:
        page = stripe_client.deserialize(json.loads(body), api_mode="V1")
        items: list[Any] = page.data
        return items

    return {"raw": raw, "stripe": stripe_python, "lite": lite}


# -- M2: retrieve through an httpx.MockTransport ------------------------------------


def mock_transport(pi_id: str, body: bytes, seen: list[httpx.Request] | None = None) -> httpx.MockTransport:
    """Answers GET /v1/payment_intents/<pi_id> at once with ``body``; anything else is a 404.

    With ``seen``, the first request is kept there (to compare headers).
    """
    path = f"{payloads.LIST_PATH}/{pi_id}"
    headers = {"content-type": "application/json", "request-id": "req_mock"}
    missing = b'{"error":{"type":"invalid_request_error","code":"resource_missing"}}'

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None and not seen:
            seen.append(request)
        if request.url.path != path:
            return httpx.Response(404, content=missing, headers=headers)
        return httpx.Response(200, content=body, headers=headers)

    return httpx.MockTransport(handler)


def mock_retrievers(pi_id: str, body: bytes) -> tuple[dict[str, Callable[[], Any]], Callable[[], None]]:
    """One retrieve per call, for each client, all through the same kind of MockTransport."""
    import stripe

    from stripe_lite import StripeClient

    raw_seen: list[httpx.Request] = []
    lite_seen: list[httpx.Request] = []
    raw_http = httpx.Client(transport=mock_transport(pi_id, body, raw_seen), headers=raw_headers())
    lite_http = httpx.Client(transport=mock_transport(pi_id, body, lite_seen))
    lite_client = StripeClient(API_KEY, http_client=lite_http)
    stripe_http = httpx.Client(transport=mock_transport(pi_id, body))
    stripe_client = stripe.StripeClient(API_KEY, http_client=_stripe_http(stripe_http))
    url = f"{STRIPE_BASE}{payloads.LIST_PATH}/{pi_id}"
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

    def check_headers() -> None:
        """After one call of each: the raw and stripe_lite requests carried the same headers."""
        check_same_headers(raw_seen[0], lite_seen[0])

    raw.check_headers = check_headers  # type: ignore[attr-defined]
    return {"raw": raw, "stripe": stripe_python, "lite": lite}, close


# -- M3: walk 10,000 PaymentIntents against the loopback server ----------------------


def walkers(base_url: str) -> tuple[dict[str, Callable[[], list[Any]]], dict[str, Callable[[], int]],
                                    Callable[[], None]]:
    """Walks of every PaymentIntent, 100 a page, following ``starting_after``.

    Two per client, on the same connections: one keeps the items (to check
    them) and one only counts them, keeping none (what M3 times).
    """
    import stripe

    from stripe_lite import StripeClient

    raw_http = httpx.Client(limits=LIMITS, timeout=TIMEOUT, headers=raw_headers())
    lite_http = httpx.Client(limits=LIMITS, timeout=TIMEOUT)
    lite_client = StripeClient(API_KEY, base_url=base_url, http_client=lite_http)
    stripe_http = httpx.Client(limits=LIMITS, timeout=TIMEOUT)
    stripe_client = stripe.StripeClient(
        API_KEY, http_client=_stripe_http(stripe_http), base_addresses={"api": base_url}
    )
    list_url = f"{base_url}{payloads.LIST_PATH}"
    first_url = f"{list_url}?limit={payloads.PAGE_SIZE}"
    check_same_headers(raw_http.build_request("GET", first_url),
                       _lite_request(lite_client, payloads.LIST_PATH, {"limit": payloads.PAGE_SIZE}))

    def raw_pages() -> Any:
        url = first_url
        while True:
            page = json.loads(raw_http.get(url).content)
            data = page["data"]
            yield data
            if not page["has_more"] or not data:
                return
            url = f"{list_url}?limit={payloads.PAGE_SIZE}&starting_after={data[-1]['id']}"

    def raw_keep() -> list[Any]:
        return [item for data in raw_pages() for item in data]

    def lite_keep() -> list[Any]:
        return list(lite_client.payment_intents.list(limit=payloads.PAGE_SIZE))

    def stripe_keep() -> list[Any]:
        return list(stripe_client.v1.payment_intents.list({"limit": payloads.PAGE_SIZE}).auto_paging_iter())

    def raw_count() -> int:
        count = 0
        url = first_url
        while True:
            page = json.loads(raw_http.get(url).content)
            data = page["data"]
            count += len(data)
            if not page["has_more"] or not data:
                return count
            url = f"{list_url}?limit={payloads.PAGE_SIZE}&starting_after={data[-1]['id']}"

    def lite_count() -> int:
        count = 0
        for _ in lite_client.payment_intents.list(limit=payloads.PAGE_SIZE):
            count += 1
        return count

    def stripe_count() -> int:
        count = 0
        for _ in stripe_client.v1.payment_intents.list({"limit": payloads.PAGE_SIZE}).auto_paging_iter():
            count += 1
        return count

    def close() -> None:
        raw_http.close()
        lite_http.close()
        stripe_http.close()

    keep = {"raw": raw_keep, "stripe": stripe_keep, "lite": lite_keep}
    count = {"raw": raw_count, "stripe": stripe_count, "lite": lite_count}
    return keep, count, close


# -- M4: concurrent async retrieves against the loopback server ----------------------


def async_retrievers(
    base_url: str, ids: list[str]
) -> tuple[dict[str, Callable[[], Awaitable[list[Any]]]], Callable[[], Awaitable[None]]]:
    """Each retrieves every id in ``ids`` at once (``asyncio.gather``); build inside the event loop."""
    import asyncio

    import stripe

    from stripe_lite import AsyncStripeClient

    raw_http = httpx.AsyncClient(limits=LIMITS, timeout=TIMEOUT, headers=raw_headers())
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
    base = f"{base_url}{payloads.LIST_PATH}/"
    check_same_headers(raw_http.build_request("GET", base + ids[0]),
                       _lite_request(lite_client, f"{payloads.LIST_PATH}/{ids[0]}"))

    async def raw_one(pi_id: str) -> Any:
        return json.loads((await raw_http.get(base + pi_id)).content)

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


# -- M8: form encoding of a nested create ------------------------------------------------


def checkout_session_params() -> dict[str, Any]:
    """A Checkout Session create: eight line items with inline prices and products, customer
    details, metadata, shipping options and payment method options (106 form pairs)."""
    products = (
        ("Espresso beans, 1 kg", "Single origin, Huila (Colombia)", 2_450),
        ("Café au lait mugs (set of 2)", "Stoneware, dishwasher safe", 3_200),
        ("Pour-over kettle", "Gooseneck, 1.2 l", 5_900),
        ("Paper filters \u00d7100", "Unbleached", 650),
        ("Burr grinder", "40 mm conical burrs", 12_900),
        ("Gift card", "Any amount, never expires", 5_000),
        ("Tasting notes booklet", "12 pages, recycled paper", 900),
        ("Subscription box: March", "3 \u00d7 250 g", 3_600),
    )
    line_items = [
        {
            "price_data": {
                "currency": "usd",
                "unit_amount": amount,
                "product_data": {"name": name, "description": note, "metadata": {"sku": f"SKU-{i:04d}"}},
                "tax_behavior": "exclusive",
            },
            "quantity": 1 + i % 3,
            "adjustable_quantity": {"enabled": True, "minimum": 1, "maximum": 10},
        }
        for i, (name, note, amount) in enumerate(products)
    ]
    return {
        "mode": "payment",
        "success_url": "https://shop.example.org/checkout/success?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example.org/cart",
        "customer": "cus_Q4xKz81mWn2Lpa",
        "client_reference_id": "order-20412",
        "line_items": line_items,
        "metadata": {"order_id": "20412", "storefront": "pdx-web", "campaign": "spring & summer"},
        "payment_method_types": ["card", "link"],
        "payment_method_options": {
            "card": {"request_three_d_secure": "automatic", "setup_future_usage": "off_session"},
        },
        "shipping_address_collection": {"allowed_countries": ["US", "CA"]},
        "shipping_options": [
            {"shipping_rate_data": {"display_name": "Ground (3\u20135 days)", "type": "fixed_amount",
                                    "fixed_amount": {"amount": 599, "currency": "usd"}}},
            {"shipping_rate_data": {"display_name": "Express", "type": "fixed_amount",
                                    "fixed_amount": {"amount": 1_499, "currency": "usd"}}},
        ],
        "automatic_tax": {"enabled": True},
        "allow_promotion_codes": True,
        "locale": "auto",
        "expand": ["line_items", "payment_intent"],
    }


def form_encoders() -> tuple[dict[str, Callable[[], str]], list[tuple[str, str]]]:
    """Each turns :func:`checkout_session_params` into a form body; also the flattened pairs.

    * raw: ``urllib.parse.urlencode`` of the already flattened pairs (the
      flattening is not timed: it is the floor of the encoding alone).
    * stripe: what stripe-python's requestor does (``_APIRequestor._args_for_request_with_retries``):
      ``urlencode(list(_api_encode(params)))``, then ``%5B``/``%5D`` back to brackets.
    * lite: what ``BaseClient._prepare`` does for a POST: ``urlencode_pairs(encode_form(params))``.
    """
    from urllib.parse import urlencode

    from stripe._encode import _api_encode

    from stripe_lite._encoding import encode_form, urlencode_pairs

    params = checkout_session_params()
    pairs = encode_form(params)

    def raw() -> str:
        return urlencode(pairs)

    def stripe_python() -> str:
        return urlencode(list(_api_encode(params))).replace("%5B", "[").replace("%5D", "]")

    def lite() -> str:
        return urlencode_pairs(encode_form(params))

    return {"raw": raw, "stripe": stripe_python, "lite": lite}, pairs


def verify_form(name: str, body: str, pairs: list[tuple[str, str]]) -> None:
    """The form body decodes to exactly the expected pairs, in order."""
    from urllib.parse import parse_qsl

    got = parse_qsl(body, keep_blank_values=True, strict_parsing=True)
    if got != pairs:
        wrong = next((i for i, (a, b) in enumerate(zip(got, pairs, strict=False)) if a != b), min(len(got), len(pairs)))
        raise AssertionError(f"{name}: the form differs at pair {wrong}: {got[wrong:wrong + 1]} != "
                             f"{pairs[wrong:wrong + 1]} ({len(got)} pairs, expected {len(pairs)})")


# -- M9: the in-process fake ---------------------------------------------------------------


def fake_pairs() -> tuple[dict[str, Callable[[], tuple[Any, Any]]], Callable[[], None]] | str:
    """Create+retrieve pairs against ``stripe_lite.testing.FakeStripe``, or why there are none.

    Every client sends through the fake's own httpx transport (``fake.transport()``), in process;
    stripe_lite uses ``fake.client()``, as the fake's users do, stripe-python its swapped httpx client
    (see the module doc), raw httpx the floor's client.
    """
    try:
        from stripe_lite.testing import FakeStripe  # type: ignore[attr-defined]
    except ImportError:
        return "no FakeStripe"
    import stripe

    fake = FakeStripe()
    lite_client = fake.client(api_key=API_KEY)
    raw_http = httpx.Client(transport=fake.transport(), headers=raw_headers())
    jar = getattr(lite_client._http, "_cookies", None)
    if jar is not None and type(jar) is not httpx.Cookies:
        # The fake's own clients keep no cookies (it sets none, and httpx reads every answer for them):
        # the floor skips them the same way, so that it pays nothing stripe_lite does not.
        raw_http._cookies = type(jar)()
    stripe_http = httpx.Client(transport=fake.transport())
    stripe_client = stripe.StripeClient(API_KEY, http_client=_stripe_http(stripe_http))
    create = {"amount": 2_000, "currency": "usd", "payment_method_types": ["card"]}
    url = f"{STRIPE_BASE}{payloads.LIST_PATH}"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    check_same_headers(raw_http.build_request("GET", f"{url}/pi_x"),
                       _lite_request(lite_client, f"{payloads.LIST_PATH}/pi_x"))

    def raw() -> tuple[Any, Any]:
        made = json.loads(raw_http.post(url, content=b"amount=2000&currency=usd&payment_method_types%5B0%5D=card",
                                        headers=form).content)
        return made, json.loads(raw_http.get(f"{url}/{made['id']}").content)

    def lite() -> tuple[Any, Any]:
        made = lite_client.payment_intents.create(amount=2_000, currency="usd", payment_method_types=["card"])
        return made, lite_client.payment_intents.retrieve(made.id)

    def stripe_python() -> tuple[Any, Any]:
        made = stripe_client.v1.payment_intents.create(dict(create))
        return made, stripe_client.v1.payment_intents.retrieve(made.id)

    def close() -> None:
        raw_http.close()
        stripe_http.close()
        lite_client.close()

    return {"raw": raw, "stripe": stripe_python, "lite": lite}, close


def verify_pair(name: str, pair: tuple[Any, Any]) -> None:
    made, got = pair
    for item in pair:
        if _get(item, "object") != "payment_intent" or _get(item, "amount") != 2_000:
            raise AssertionError(f"{name}: the fake answered {item!r}")
    if _get(made, "id") != _get(got, "id"):
        raise AssertionError(f"{name}: retrieved {_get(got, 'id')!r} after creating {_get(made, 'id')!r}")


def _get(item: Any, name: str) -> Any:
    return item[name] if type(item) is dict else getattr(item, name)


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


def _field(item: Any, path: str) -> Any:
    """The value at ``path`` (see payloads.CHECKED_FIELDS) in a client's object."""
    parts = path.split(".")
    if parts[0].startswith("!"):  # a field the model does not declare: stripe_lite keeps it in extra_fields
        name = parts.pop(0)[1:]
        item = item.extra_fields[name] if hasattr(item, "extra_fields") else item[name]
    for part in parts:
        if part.isdigit():
            item = item[int(part)]
        elif isinstance(item, Mapping) and type(item) is dict:
            item = item[part]
        else:
            item = getattr(item, part)
    return item


def _types(name: str, corpus_name: str) -> dict[str, type]:
    """The type each client decodes the checked nested objects into (path -> type)."""
    if name == "raw":
        return {"": dict, "shipping.address": dict}
    if name == "lite":
        from stripe_lite.models import Address, PaymentIntent, PaymentMethod

        found: dict[str, type] = {"": PaymentIntent, "shipping.address": Address}
        if corpus_name == "realistic":
            found["payment_method"] = PaymentMethod
            found["last_payment_error.payment_method"] = PaymentMethod
        return found
    import stripe

    found = {"": stripe.PaymentIntent, "shipping.address": stripe.StripeObject}
    if corpus_name == "realistic":
        found["payment_method"] = stripe.PaymentMethod
        found["last_payment_error.payment_method"] = stripe.PaymentMethod
    return found


def verify(name: str, items: list[Any], indices: range | list[int], corpus_name: str = "lean") -> None:
    """Check that ``items`` are PaymentIntents number ``indices`` of the corpus, in order, as the client's objects.

    Checks the count, and for every item its id (and so the order), a spread
    of scalar and nested fields (``payloads.CHECKED_FIELDS``: for the realistic
    corpus, through the expanded PaymentMethod and a list, and the unknown
    field), that nested objects were decoded into the client's own types, and
    that the fields null in the corpus came through as None.
    """
    indices = list(indices)
    if len(items) != len(indices):
        raise AssertionError(f"{name}: expected {len(indices)} PaymentIntents, got {len(items)}")
    paths = payloads.CHECKED_FIELDS[corpus_name]
    types = _types(name, corpus_name)
    for position, (item, index) in enumerate(zip(items, indices, strict=True)):
        for path, kind in types.items():
            value = _field(item, path) if path else item
            if not isinstance(value, kind):
                raise AssertionError(f"{name}: item {position}: {path or 'the item'} is a {type(value).__name__}, "
                                     f"not {kind.__name__}")
        for path, want in zip(paths, payloads.expected_fields(corpus_name, index), strict=True):
            got = _field(item, path)
            if got != want:
                raise AssertionError(f"{name}: item {position} (PaymentIntent {index}) {path} is {got!r}, not {want!r}")
        for path in payloads.NULL_FIELDS[corpus_name]:
            if _field(item, path) is not None:
                raise AssertionError(f"{name}: item {position} {path} is not None")
