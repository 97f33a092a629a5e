"""A subscription from scratch: a product, a monthly price, a customer with a card, the subscription itself.

Run it with a Stripe test-mode secret key to talk to Stripe:

    STRIPE_API_KEY=sk_test_... python examples/subscription.py

(set STRIPE_BASE_URL as well to send the requests elsewhere), or with neither
to run it against stripe_lite.testing.FakeStripe, a fake Stripe inside this
process:

    python examples/subscription.py

It charges Stripe's test card pm_card_visa and refuses
live keys.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from stripe_lite import StripeClient, StripeError
from stripe_lite.models import Invoice, Price, Subscription


def money(amount: int | None, currency: str) -> str:
    """An amount in cents, for people: 1500, "eur" -> "15.00 EUR"."""
    return "?" if amount is None else f"{amount / 100:.2f} {currency.upper()}"


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).date().isoformat()


def every(price: Price) -> str:
    if price.recurring is None:
        return "once"
    count, interval = price.recurring.interval_count, price.recurring.interval
    return f"every {interval}" if count == 1 else f"every {count} {interval}s"


def describe(subscription: Subscription) -> str:
    items = ", ".join(
        f"{item.quantity or 1} x {money(item.price.unit_amount, item.price.currency)} {every(item.price)}"
        for item in subscription.items.data
    )
    return f"{subscription.id}  status={subscription.status}  {items}"


def run(client: StripeClient) -> None:
    # 1. What is sold, and its price: 15.00 EUR a month.
    product = client.products.create(name="Tea club", description="A new tea every month")
    print(f"Product       {product.id}  {product.name}")
    price = client.prices.create(
        product=product.id,
        currency="eur",
        unit_amount=1500,
        recurring={"interval": "month"},
        metadata={"source": "examples/subscription.py"},
    )
    print(f"Price         {price.id}  {money(price.unit_amount, price.currency)} {every(price)}")

    # 2. The customer, with a card that subscriptions charge by default.
    customer = client.customers.create(email="jenny.rosen@example.com", name="Jenny Rosen")
    print(f"Customer      {customer.id}  {customer.email}")
    card = client.payment_methods.attach("pm_card_visa", customer=customer.id)
    client.customers.update(customer.id, invoice_settings={"default_payment_method": card.id})
    last4 = card.card.last4 if card.card is not None else "?"
    print(f"Card          {card.id}  **** {last4}  (the customer's default payment method)")

    # 3. The subscription: Stripe invoices the first month and charges the card at once.
    subscription = client.subscriptions.create(
        customer=customer.id, items=[{"price": price.id}], expand=["latest_invoice"]
    )
    print(f"Subscription  {describe(subscription)}")
    # This API version keeps the billing period on each item.
    print(f"              current period ends {day(subscription.items.data[0].current_period_end)}")
    invoice = subscription.latest_invoice
    if isinstance(invoice, Invoice):
        print(
            f"First invoice {invoice.id}  status={invoice.status}  paid {money(invoice.amount_paid, invoice.currency)}"
        )

    # 4. Every subscription of the customer (canceled ones too, with status="all").
    print(f"Subscriptions of {customer.id}:")
    for listed in client.subscriptions.list(customer=customer.id, status="all"):
        print(f"  {describe(listed)}")


@contextmanager
def connect() -> Iterator[StripeClient]:
    """A client for Stripe (test mode), for STRIPE_BASE_URL, or for a fake Stripe inside this process."""
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL")
    if api_key:
        if not api_key.startswith(("sk_test_", "rk_test_")):
            sys.exit("This example subscribes a customer and charges a card: use a test-mode key (sk_test_...), not a live one.")
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
