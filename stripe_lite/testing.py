"""A fake Stripe for your tests: in this process, stateful, with Stripe's validation, and no network.

    from stripe_lite.testing import FakeStripe

    fake = FakeStripe()
    client = fake.client()
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa", confirm=True)
    assert intent.status == "succeeded"

Every ``/v1/`` endpoint of the API version the package follows is served;
requests are validated as Stripe validates them, objects are kept and
answered as Stripe would answer them, and the payment flows behave with
Stripe's test cards. ``fake.serve()`` puts the same fake on a loopback port
for other processes and SDKs; the ``stripe_fake`` pytest fixture (installed
with the package) gives each test a fresh one. See docs/testing.md.
"""

from __future__ import annotations

from ._fake._events import Delivery, WebhookEndpoint, WebhookTarget
from ._fake._fake import API_KEY, FakeStripe

__all__ = ["API_KEY", "Delivery", "FakeStripe", "WebhookEndpoint", "WebhookTarget"]
