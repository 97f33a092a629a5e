"""A first tour of stripe_lite: take a payment, cancel one, list them, handle a decline.

Run it with a Stripe test-mode secret key to talk to Stripe:

    STRIPE_API_KEY=sk_test_... python examples/quickstart.py

(set STRIPE_BASE_URL as well to send the requests elsewhere), or with neither
to run it against stripe_lite.testing.FakeStripe, a fake Stripe inside this
process (no server, no network, nothing more to install):

    python examples/quickstart.py
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from stripe_lite import CardError, StripeClient

# Currencies whose amounts have no minor unit (amount=500 in JPY is 500 yen).
ZERO_DECIMAL = {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"}


def money(amount: int | None, currency: str | None) -> str:
    """An amount in the smallest currency unit, for people: 2000, "usd" -> "20.00 USD"."""
    if amount is None or currency is None:  # typed optional: Stripe may leave them out
        return "?"
    if currency.lower() in ZERO_DECIMAL:
        return f"{amount} {currency.upper()}"
    return f"{amount / 100:.2f} {currency.upper()}"


def run(client: StripeClient) -> None:
    # Card payments without redirects: Stripe chooses the payment methods dynamically,
    # and allow_redirects="never" keeps to those confirmable without a return_url.
    cards: dict[str, Any] = {"automatic_payment_methods": {"enabled": True, "allow_redirects": "never"}}

    # 1. Authorize a card payment now and capture it later (as when you ship the order).
    #    pm_card_visa is one of Stripe's test payment methods.
    intent = client.payment_intents.create(
        amount=2000, currency="usd", payment_method="pm_card_visa", capture_method="manual", **cards
    )
    print(f"Created   {intent.id}  {money(intent.amount, intent.currency)}  status={intent.status}")
    intent = client.payment_intents.confirm(intent.id)
    print(f"Confirmed {intent.id}  status={intent.status}")
    intent = client.payment_intents.capture(intent.id)
    print(f"Captured  {intent.id}  status={intent.status}")

    # 2. Create another payment and cancel it before it is paid.
    other = client.payment_intents.create(amount=1550, currency="eur", **cards)
    other = client.payment_intents.cancel(other.id)
    print(f"Canceled  {other.id}  {money(other.amount, other.currency)}  status={other.status}")

    # 3. A card that is declined: Stripe answers with an error, raised as CardError.
    try:
        client.payment_intents.create(
            amount=4200,
            currency="usd",
            payment_method="pm_card_chargeCustomerFail",
            confirm=True,
            **cards,
        )
    except CardError as error:
        # error.message is written to be shown to the customer.
        reason = error.decline_code or error.code
        print(f"Declined  {money(4200, 'usd')}  reason={reason}  message={error.message!r}")
    else:
        print("The test card was not declined?")

    # 4. The most recent payments (one page of them).
    print("Recent payments:")
    for payment in client.payment_intents.list(limit=5).data:
        print(f"  {payment.id}  {money(payment.amount, payment.currency):>10}  {payment.status}")


@contextmanager
def connect() -> Iterator[StripeClient]:
    """A client for Stripe (test mode), for STRIPE_BASE_URL, or for a local fake Stripe."""
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL")
    if api_key:
        if not api_key.startswith(("sk_test_", "rk_test_")):
            sys.exit("This example creates payments: use a test-mode key (sk_test_...), not a live one.")
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
        run(client)


if __name__ == "__main__":
    main()
