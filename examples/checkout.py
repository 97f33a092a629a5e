"""A Checkout Session: a payment page Stripe hosts, for a cart of two items; its URL and its line items.

Run it with a Stripe test-mode secret key to talk to Stripe:

    STRIPE_API_KEY=sk_test_... python examples/checkout.py

(set STRIPE_BASE_URL as well to send the requests elsewhere), or with neither
to run it against stripe_lite.testing.FakeStripe, a fake Stripe inside this
process:

    python examples/checkout.py

Open the URL it prints and pay with the test card
4242 4242 4242 4242 to see the session complete.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from stripe_lite import StripeClient, StripeError

SHOP = "https://shop.example.com"


def money(amount: int | None, currency: str | None) -> str:
    """An amount in cents, for people: 4800, "usd" -> "48.00 USD"."""
    if amount is None or currency is None:
        return "?"
    return f"{amount / 100:.2f} {currency.upper()}"


def run(client: StripeClient) -> None:
    session = client.checkout.sessions.create(
        mode="payment",
        line_items=[
            {
                # A price described inline: no Product or Price needs to exist beforehand.
                "price_data": {"currency": "usd", "product_data": {"name": "Teapot"}, "unit_amount": 2400},
                "quantity": 2,
            },
            {
                "price_data": {"currency": "usd", "product_data": {"name": "Gift wrap"}, "unit_amount": 500},
                "quantity": 1,
            },
        ],
        # Stripe fills in {CHECKOUT_SESSION_ID}, so the thank-you page can look the session up.
        success_url=f"{SHOP}/thanks?session_id={{CHECKOUT_SESSION_ID}}",
        cancel_url=f"{SHOP}/cart",
        client_reference_id="order-6735",
        metadata={"order_id": "6735"},
    )
    print(f"Session  {session.id}  mode={session.mode}  status={session.status}  payment={session.payment_status}")
    print(f"Total    {money(session.amount_total, session.currency)}")
    if session.url is None:
        sys.exit("The session has no URL to send the customer to.")
    print(f"Pay at   {session.url}")

    # The session's line items: the cart as Stripe priced it. Iterating walks every page.
    print("Line items:")
    for item in client.checkout.sessions.list_line_items(session.id, limit=10):
        print(f"  {item.quantity or 0} x {item.description or '?':<10} {money(item.amount_total, item.currency):>10}")


@contextmanager
def connect() -> Iterator[StripeClient]:
    """A client for Stripe (test mode), for STRIPE_BASE_URL, or for a fake Stripe inside this process."""
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL")
    if api_key:
        if not api_key.startswith(("sk_test_", "rk_test_")):
            sys.exit("This example opens a payment page: use a test-mode key (sk_test_...), not a live one.")
        with StripeClient(api_key=api_key, base_url=base_url or "https://api.stripe.com") as client:
            print(f"Using {base_url or 'Stripe (test mode)'}\n")
            yield client
        return
    if base_url:
        sys.exit("STRIPE_BASE_URL is set but STRIPE_API_KEY is not: set both, or neither to use a fake Stripe.")

    from stripe_lite.testing import FakeStripe

    print("No STRIPE_API_KEY set: using FakeStripe, a fake Stripe inside this process\n")
    with FakeStripe().client() as client:
        yield client


def main() -> None:
    with connect() as client:
        try:
            run(client)
        except StripeError as error:
            sys.exit(f"Stripe refused a request: {type(error).__name__}: {error.message} (request {error.request_id})")


if __name__ == "__main__":
    main()
