"""An Issuing walkthrough: a cardholder, a virtual card, a purchase on it, a dispute of that purchase.

It needs a Stripe test-mode secret key of an account with Issuing enabled:

    STRIPE_API_KEY=sk_test_... python examples/issuing.py

Set STRIPE_BASE_URL as well to send the requests somewhere else than Stripe.
The purchase is made with Stripe's test helper for Issuing transactions, which
only exists in test mode; the example refuses live keys.
"""

from __future__ import annotations

import os
import sys
import time

from stripe_lite import StripeClient, StripeError


def money(amount: int, currency: str) -> str:
    """An amount in the smallest currency unit, for people: 1250, "usd" -> "12.50 USD"."""
    return f"{amount / 100:.2f} {currency.upper()}"


def run(client: StripeClient) -> None:
    # 1. The person the card is issued to. Cards of a US individual can only be
    #    activated once they accepted the Issuing terms (here: just now, from this machine).
    cardholder = client.issuing.cardholders.create(
        name="Jenny Rosen",
        type="individual",
        email="jenny.rosen@example.com",
        individual={
            "first_name": "Jenny",
            "last_name": "Rosen",
            "card_issuing": {"user_terms_acceptance": {"date": int(time.time()), "ip": "127.0.0.1"}},
        },
        billing={
            "address": {
                "line1": "510 Townsend St",
                "city": "San Francisco",
                "state": "CA",
                "postal_code": "94103",
                "country": "US",
            }
        },
    )
    print(f"Cardholder   {cardholder.id}  {cardholder.name}")

    # 2. A virtual card, usable at once.
    card = client.issuing.cards.create(cardholder=cardholder.id, currency="usd", type="virtual", status="active")
    print(f"Card         {card.id}  **** {card.last4}  status={card.status}")

    # 3. A purchase on the card, made by Stripe's test helper (test mode only):
    #    a capture the network forces through without an authorization first.
    purchase = client.test_helpers.issuing.transactions.create_force_capture(
        card=card.id,
        amount=1250,
        currency="usd",
        merchant_data={"name": "Rocket Rides", "category": "taxicabs_limousines", "city": "San Francisco"},
    )
    print(f"Purchase     {purchase.id}  {money(abs(purchase.amount), purchase.currency)}  type={purchase.type}")

    # 4. Every transaction of the card: iterating the list walks all its pages.
    print("Transactions of the card:")
    disputable = None
    for transaction in client.issuing.transactions.list(card=card.id, limit=10):
        merchant = transaction.merchant_data.name or "?"
        print(f"  {transaction.id}  {money(abs(transaction.amount), transaction.currency):>10}  {merchant}")
        if transaction.type == "capture" and disputable is None:
            disputable = transaction
    if disputable is None:
        sys.exit("No capture to dispute was found.")

    # 5. Dispute the purchase, then send it to the card network.
    dispute = client.issuing.disputes.create(
        transaction=disputable.id,
        evidence={
            "reason": "fraudulent",
            "fraudulent": {"explanation": "The cardholder does not recognise this ride and never used the card."},
        },
        metadata={"source": "examples/issuing.py"},
    )
    print(f"Dispute      {dispute.id}  {money(dispute.amount, dispute.currency)}  status={dispute.status}")
    dispute = client.issuing.disputes.submit(dispute.id)
    print(f"Submitted    {dispute.id}  status={dispute.status}")


def main() -> None:
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL") or "https://api.stripe.com"
    if not api_key:
        sys.exit("Set STRIPE_API_KEY to a test-mode secret key (sk_test_...) of an account with Issuing.")
    if not api_key.startswith(("sk_test_", "rk_test_")):
        sys.exit("This example issues cards and makes purchases: use a test-mode key (sk_test_...), not a live one.")
    with StripeClient(api_key=api_key, base_url=base_url) as client:
        print(f"Using {base_url}\n")
        try:
            run(client)
        except StripeError as error:
            # For example: Issuing is not enabled on the account.
            sys.exit(f"Stripe refused a request: {type(error).__name__}: {error.message} (request {error.request_id})")


if __name__ == "__main__":
    main()
