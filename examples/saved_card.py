"""Save a customer's card with a SetupIntent, then charge it later without the customer, declines included.

Run it with a Stripe test-mode secret key to talk to Stripe:

    STRIPE_API_KEY=sk_test_... python examples/saved_card.py

(set STRIPE_BASE_URL as well to send the requests elsewhere), or with neither
to run it against stripe_lite.testing.FakeStripe, a fake Stripe inside this
process:

    python examples/saved_card.py

In a real integration the card is typed into Stripe.js, which confirms the
SetupIntent in the browser; here the server confirms it with Stripe's test
payment methods instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from stripe_lite import CardError, StripeClient
from stripe_lite.models import Customer, PaymentMethod, SetupIntent


def money(amount: int | None, currency: str | None) -> str:
    """An amount in cents, for people: 1999, "usd" -> "19.99 USD"."""
    if amount is None or currency is None:
        return "?"
    return f"{amount / 100:.2f} {currency.upper()}"


def save_card(client: StripeClient, customer: Customer, test_payment_method: str) -> str:
    """Save a card on the customer for later off-session use; returns its PaymentMethod id."""
    # Only cards: they can be charged later without the customer, and none of
    # them redirects, so confirming needs no return_url.
    setup = client.setup_intents.create(customer=customer.id, usage="off_session", payment_method_types=["card"])
    print(f"Setup     {setup.id}  status={setup.status}")
    setup = client.setup_intents.confirm(setup.id, payment_method=test_payment_method)
    method = saved_method_id(setup)
    print(f"Confirmed {setup.id}  status={setup.status}  payment_method={method}")
    return method


def saved_method_id(setup: SetupIntent) -> str:
    method = setup.payment_method
    if isinstance(method, PaymentMethod):
        return method.id
    if method is None:
        sys.exit(f"SetupIntent {setup.id} ended {setup.status} without a payment method.")
    return method


def charge_later(client: StripeClient, customer: Customer, payment_method: str, amount: int) -> None:
    """Charge a saved card with the customer away: a renewal, a delayed order, a metered bill."""
    try:
        intent = client.payment_intents.create(
            amount=amount,
            currency="usd",
            customer=customer.id,
            payment_method=payment_method,
            payment_method_types=["card"],
            off_session=True,
            confirm=True,
            metadata={"reason": "monthly box"},
        )
    except CardError as error:
        # Not a bug: the bank said no, or wants the customer to authenticate.
        # Keep decline_code for your records; error.message is what to tell the customer.
        print(f"Declined  {money(amount, 'usd')}  code={error.code}  decline_code={error.decline_code}")
        print(f"          message={error.message!r}")
        print("          -> email the customer a link to pay on your site, on-session")
        return
    print(f"Charged   {intent.id}  {money(intent.amount, intent.currency)}  status={intent.status}")


def run(client: StripeClient) -> None:
    customer = client.customers.create(email="jenny.rosen@example.com", name="Jenny Rosen")
    print(f"Customer  {customer.id}  {customer.email}")

    # 1. Save a card (pm_card_visa: a Visa that is charged fine).
    card = save_card(client, customer, "pm_card_visa")
    method = client.payment_methods.retrieve(card)
    brand, last4 = (method.card.brand, method.card.last4) if method.card is not None else ("?", "?")
    print(f"Saved     {method.id}  {brand} **** {last4}")

    # Charge it by default for this customer's invoices and subscriptions.
    client.customers.update(customer.id, invoice_settings={"default_payment_method": card})

    # 2. Later, with the customer away: charge the saved card.
    charge_later(client, customer, card, 1999)

    # 3. A card that saves fine but whose charges are declined (pm_card_chargeCustomerFail).
    failing = save_card(client, customer, "pm_card_chargeCustomerFail")
    charge_later(client, customer, failing, 4200)


@contextmanager
def connect() -> Iterator[StripeClient]:
    """A client for Stripe (test mode), for STRIPE_BASE_URL, or for a local fake Stripe."""
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL")
    if api_key:
        if not api_key.startswith(("sk_test_", "rk_test_")):
            sys.exit("This example saves cards and charges them: use a test-mode key (sk_test_...), not a live one.")
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
