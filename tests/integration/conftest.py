"""Fixtures for the tests that run stripe_lite against localstripe, a fake Stripe server.

One server runs for the whole session, on 127.0.0.1 and a free port; every test
starts with an empty store.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

pytest.importorskip("localstripe", reason="the integration tests need localstripe: pip install 'stripe-lite[test]'")

from stripe_lite import AsyncStripeClient, StripeClient
from stripe_lite.testing import LocalStripe, run_localstripe

TIMEOUT = 10.0


@pytest.fixture(scope="session")
def fake_stripe() -> Iterator[LocalStripe]:
    with run_localstripe() as server:
        yield server


@pytest.fixture(autouse=True)
def empty_store(fake_stripe: LocalStripe) -> None:
    fake_stripe.flush()


@pytest.fixture
def client(fake_stripe: LocalStripe) -> Iterator[StripeClient]:
    with StripeClient(
        api_key=fake_stripe.api_key, base_url=fake_stripe.base_url, max_retries=0, timeout=TIMEOUT
    ) as c:
        yield c


@pytest.fixture
async def aclient(fake_stripe: LocalStripe) -> AsyncIterator[AsyncStripeClient]:
    async with AsyncStripeClient(
        api_key=fake_stripe.api_key, base_url=fake_stripe.base_url, max_retries=0, timeout=TIMEOUT
    ) as c:
        yield c
