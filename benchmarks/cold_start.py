"""One cold start, for M5b: a fresh interpreter imports a client and decodes its first PaymentIntent.

    python benchmarks/cold_start.py raw|stripe|lite BODY_FILE

Each client retrieves one PaymentIntent through an ``httpx.MockTransport``
answering with BODY_FILE's bytes, and checks the id it decoded; the process
then exits. Nothing else is imported first, so the process's wall time is the
client's cold start (the interpreter's own start is the same for all three).
"""

from __future__ import annotations

import sys

KEY = "sk_test_coldstart"
URL = "https://api.stripe.com/v1/payment_intents/pi_cold"


def main(client: str, path: str) -> None:
    with open(path, "rb") as file:
        body = file.read()
    import httpx

    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )
    if client == "raw":
        with httpx.Client(transport=transport) as http:
            intent = http.get(URL, headers={"Authorization": f"Bearer {KEY}"}).json()
        identifier = intent["id"]
    elif client == "lite":
        import stripe_lite

        with stripe_lite.StripeClient(KEY, http_client=httpx.Client(transport=transport)) as lite:
            identifier = lite.payment_intents.retrieve("pi_cold").id
    else:
        import stripe

        http = stripe.HTTPXClient(allow_sync_methods=True)
        http._client.close()
        http._client = httpx.Client(transport=transport)
        identifier = stripe.StripeClient(KEY, http_client=http).v1.payment_intents.retrieve("pi_cold").id
    if not identifier:
        raise SystemExit("no PaymentIntent decoded")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
