"""One cold start, for M5b: a fresh interpreter imports a client and decodes its first object.

    python benchmarks/cold_start.py raw|stripe|lite SERVICE BASE_URL ID

SERVICE is one of :data:`SERVICES`. The client is made as its users make it
(its own httpx client, TLS context and all: stripe-python on its
``stripe.HTTPXClient``), pointed at the loopback server at BASE_URL, which
answers the call with a schema-built object; the first object decoded must
have the id ID and be of the client's class for it. The process prints the
seconds from just before the client's first ``import`` to just after that
object was decoded: the interpreter's own start-up, the same for every
client, is left out. Nothing is imported before the clock starts but ``sys``,
``os`` and ``time``.

raw httpx sends stripe_lite's headers, given as JSON in $STRIPE_LITE_BENCH_HEADERS.
With $STRIPE_LITE_BENCH_JSON=json (the default) ``import orjson`` is made to
fail first, in every client's process alike, as if the "fast" extra were not
installed.
"""

from __future__ import annotations

import os
import sys
import time

KEY = "sk_test_coldstart_00000000000000"
# service -> (path, object name, stripe_lite class, stripe-python class)
SERVICES = {
    "payment_intents.retrieve": ("/v1/payment_intents/{id}", "payment_intent", "PaymentIntent", "PaymentIntent"),
    "customers.retrieve": ("/v1/customers/{id}", "customer", "Customer", "Customer"),
    "subscriptions.retrieve": ("/v1/subscriptions/{id}", "subscription", "Subscription", "Subscription"),
    "checkout.sessions.retrieve": ("/v1/checkout/sessions/{id}", "checkout.session", "CheckoutSession", "Session"),
    "charges.list": ("/v1/charges", "charge", "Charge", "Charge"),
}
LIST_LIMIT = 3


def first_object(client: str, service: str, base_url: str, object_id: str) -> object:
    if client == "raw":
        import json

        import httpx

        headers = json.loads(os.environ["STRIPE_LITE_BENCH_HEADERS"])
        path = SERVICES[service][0].format(id=object_id)
        with httpx.Client(headers=headers) as http:
            if service == "charges.list":
                found = json.loads(http.get(f"{base_url}{path}?limit={LIST_LIMIT}").content)["data"][0]
            else:
                found = json.loads(http.get(f"{base_url}{path}").content)
        return found
    if client == "lite":
        import stripe_lite

        with stripe_lite.StripeClient(KEY, base_url=base_url) as lite:
            if service == "payment_intents.retrieve":
                return lite.payment_intents.retrieve(object_id)
            if service == "customers.retrieve":
                return lite.customers.retrieve(object_id)
            if service == "subscriptions.retrieve":
                return lite.subscriptions.retrieve(object_id)
            if service == "checkout.sessions.retrieve":
                return lite.checkout.sessions.retrieve(object_id)
            return lite.charges.list(limit=LIST_LIMIT).data[0]
    import stripe

    sdk = stripe.StripeClient(KEY, http_client=stripe.HTTPXClient(allow_sync_methods=True),
                              base_addresses={"api": base_url})
    if service == "payment_intents.retrieve":
        return sdk.v1.payment_intents.retrieve(object_id)
    if service == "customers.retrieve":
        return sdk.v1.customers.retrieve(object_id)
    if service == "subscriptions.retrieve":
        return sdk.v1.subscriptions.retrieve(object_id)
    if service == "checkout.sessions.retrieve":
        return sdk.v1.checkout.sessions.retrieve(object_id)
    return sdk.v1.charges.list({"limit": LIST_LIMIT}).data[0]


def main(client: str, service: str, base_url: str, object_id: str) -> None:
    if os.environ.get("STRIPE_LITE_BENCH_JSON", "json") == "json":
        sys.modules["orjson"] = None  # type: ignore[assignment]
    start = time.perf_counter()
    found = first_object(client, service, base_url, object_id)
    elapsed = time.perf_counter() - start
    _, object_name, lite_class, stripe_class = SERVICES[service]
    if client == "raw":
        got_id, got_object, ok_class = found["id"], found["object"], type(found) is dict  # type: ignore[index]
    else:
        got_id, got_object = found.id, found.object  # type: ignore[attr-defined]
        ok_class = type(found).__name__ == (lite_class if client == "lite" else stripe_class)
    if got_id != object_id or got_object != object_name or not ok_class:
        raise SystemExit(f"{client} {service}: decoded {type(found).__name__} {got_object!r} {got_id!r}, "
                         f"expected {object_name!r} {object_id!r}")
    print(f"{elapsed:.9f}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
