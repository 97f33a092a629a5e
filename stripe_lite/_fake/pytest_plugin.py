"""The pytest plugin stripe_lite installs (entry point ``pytest11``): a fresh fake Stripe per test.

    def test_checkout(stripe_fake):
        client = stripe_fake.client()
        ...
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._fake import FakeStripe


@pytest.fixture
def stripe_fake() -> Iterator[FakeStripe]:
    """A new, empty :class:`~stripe_lite.testing.FakeStripe` for this test."""
    fake = FakeStripe()
    yield fake
    fake.reset()
