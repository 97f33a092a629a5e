"""List several kinds of Stripe objects at once with AsyncStripeClient.

Each listing walks every page of its resource; the listings run concurrently
on one client (one connection pool), so the whole report takes about as long
as the slowest listing rather than the sum of them.

With a Stripe test-mode key it only reads:

    STRIPE_API_KEY=sk_test_... python examples/concurrent_listing.py

(set STRIPE_BASE_URL as well to send the requests elsewhere). With no key it
runs against stripe_lite.testing.FakeStripe, a fake Stripe inside this process,
and first creates a few payments, refunds and payouts to list.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from stripe_lite import AsyncStripeClient

# How many objects each listing asks for per page: small, so that the walks
# below really cross pages.
PAGE_SIZE = 3
# Where each walk stops on an account with a long history.
MAX_ITEMS = 30

T = TypeVar("T")


async def count(name: str, listing: AsyncIterable[T], describe: Callable[[T], str]) -> tuple[str, str, list[str]]:
    """Walk the pages of ``listing`` (up to MAX_ITEMS items); how many and a line for the first three."""
    seen = 0
    first: list[str] = []
    async for item in listing:
        seen += 1
        if len(first) < 3:
            first.append(describe(item))
        if seen == MAX_ITEMS:
            return name, f"{seen}+", first
    return name, str(seen), first


async def report(client: AsyncStripeClient) -> None:
    started = time.perf_counter()
    results = await asyncio.gather(
        count(
            "PaymentIntents",
            client.payment_intents.list(limit=PAGE_SIZE),
            lambda pi: f"{pi.id}  {pi.amount} {pi.currency}  {pi.status}",
        ),
        count(
            "Refunds",
            client.refunds.list(limit=PAGE_SIZE),
            lambda refund: f"{refund.id}  {refund.amount} {refund.currency}  {refund.status}",
        ),
        count(
            "Payouts",
            client.payouts.list(limit=PAGE_SIZE),
            lambda payout: f"{payout.id}  {payout.amount} {payout.currency}  {payout.status}",
        ),
        count(
            "SetupIntents",
            client.setup_intents.list(limit=PAGE_SIZE),
            lambda si: f"{si.id}  {si.status}",
        ),
    )
    elapsed = time.perf_counter() - started
    for name, total, first in results:
        print(f"{name}: {total}")
        for line in first:
            print(f"  {line}")
    print(f"Listed {len(results)} resources concurrently in {elapsed:.2f} s")


async def seed(client: AsyncStripeClient) -> None:
    """Create something to list on an empty fake Stripe."""

    async def paid_and_refunded(amount: int) -> None:
        intent = await client.payment_intents.create(
            amount=amount, currency="usd", payment_method="pm_card_visa", confirm=True
        )
        await client.refunds.create(payment_intent=intent.id, amount=amount // 2)

    await asyncio.gather(*(paid_and_refunded(1000 + 100 * n) for n in range(5)))
    await asyncio.gather(*(client.payouts.create(amount=500 + n, currency="eur") for n in range(4)))
    await asyncio.gather(*(client.setup_intents.create() for _ in range(2)))


@asynccontextmanager
async def connect() -> AsyncIterator[tuple[AsyncStripeClient, bool]]:
    """A client for Stripe (test mode), for STRIPE_BASE_URL, or for a local fake Stripe."""
    api_key = os.environ.get("STRIPE_API_KEY")
    base_url = os.environ.get("STRIPE_BASE_URL")
    if api_key:
        if not api_key.startswith(("sk_test_", "rk_test_")):
            sys.exit("Use a test-mode key (sk_test_... or rk_test_...) with the examples, not a live one.")
        async with AsyncStripeClient(api_key=api_key, base_url=base_url or "https://api.stripe.com") as client:
            print(f"Using {base_url or 'Stripe (test mode)'}\n")
            yield client, False
        return
    if base_url:
        sys.exit("STRIPE_BASE_URL is set but STRIPE_API_KEY is not: set both, or neither to use a fake Stripe.")
    from stripe_lite.testing import FakeStripe

    print("No STRIPE_API_KEY set: using FakeStripe, a fake Stripe inside this process\n")
    async with FakeStripe().async_client() as client:
        yield client, True


async def main() -> None:
    async with connect() as (client, local):
        if local:
            await seed(client)
        await report(client)


if __name__ == "__main__":
    asyncio.run(main())
