"""FakeStripe.serve(): the same fake on a loopback port, for other processes and SDKs; and the pytest plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from stripe_lite import CardError, StripeClient
from stripe_lite.testing import FakeStripe

ROOT = Path(__file__).resolve().parent.parent


def test_stripe_lite_over_http(stripe_fake: FakeStripe) -> None:
    with stripe_fake.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        with StripeClient(api_key="sk_test_served", base_url=base_url, max_retries=0, timeout=10) as client:
            intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa",
                                                   confirm=True)
            assert intent.status == "succeeded"
            with pytest.raises(CardError) as raised:
                client.payment_intents.create(amount=2000, currency="usd", confirm=True,
                                              payment_method="pm_card_chargeDeclinedInsufficientFunds")
            assert raised.value.decline_code == "insufficient_funds"
            assert raised.value.request_id is not None and raised.value.request_id.startswith("req_")
            file = client.files.create(purpose="dispute_evidence", file=("receipt.txt", b"paid in full"))
            assert file.id.startswith("file_")
    with stripe_fake.client() as client:  # the same state, in process
        assert [p.status for p in client.payment_intents.list().data] == ["requires_payment_method", "succeeded"]


def test_a_dropped_connection_over_http(stripe_fake: FakeStripe) -> None:
    from stripe_lite import APIConnectionError

    stripe_fake.fail_next(drop_connection=True)
    with stripe_fake.serve() as base_url, StripeClient(api_key="sk_test_x", base_url=base_url, max_retries=0,
                                                       timeout=10) as client:
        with pytest.raises(APIConnectionError):
            client.customers.list()
        assert client.customers.list().data == []


def test_stripe_python_create_retrieve_list_confirm(stripe_fake: FakeStripe) -> None:
    stripe = pytest.importorskip("stripe")
    with stripe_fake.serve() as base_url:
        client = stripe.StripeClient("sk_test_stripe_python", base_addresses={"api": base_url},
                                     max_network_retries=0)
        created = client.v1.payment_intents.create(params={
            "amount": 2000, "currency": "usd", "automatic_payment_methods": {"enabled": True},
            "metadata": {"order_id": "6735"}, "expand": ["latest_charge"]})
        assert created.status == "requires_payment_method" and created.metadata["order_id"] == "6735"
        assert client.v1.payment_intents.retrieve(created.id).amount == 2000
        listed = client.v1.payment_intents.list(params={"limit": 3})
        assert [p.id for p in listed.data] == [created.id]
        confirmed = client.v1.payment_intents.confirm(created.id, params={"payment_method": "pm_card_visa"})
        assert confirmed.status == "succeeded"
        customer = client.v1.customers.create(params={"email": "jenny@example.com", "source": "tok_visa"})
        found = client.v1.customers.search(params={"query": "email:'jenny@example.com'"})
        assert [c.id for c in found.data] == [customer.id]
        with pytest.raises(stripe.CardError) as raised:
            client.v1.payment_intents.create(params={"amount": 2000, "currency": "usd", "confirm": True,
                                                     "payment_method": "pm_card_chargeDeclined"})
        assert raised.value.code == "card_declined"
        with pytest.raises(stripe.InvalidRequestError) as invalid:
            client.v1.payment_intents.create(params={"amount": 2000, "currency": "usd", "colour": "red"})
        assert invalid.value.param == "colour"


def test_the_plugin_is_registered_and_gives_a_fresh_fake_per_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    entry_points = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["pytest11"]
    assert entry_points == {"stripe_lite": "stripe_lite._fake.pytest_plugin"}
    pytester.makepyfile(
        """
        def test_one(stripe_fake):
            with stripe_fake.client() as client:
                client.customers.create()
                assert len(client.customers.list().data) == 1

        def test_two(stripe_fake):
            with stripe_fake.client() as client:
                assert client.customers.list().data == []
        """
    )
    # The plugin as the entry point loads it, from this checkout whether or not it is the installed one.
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = pytester.runpytest_subprocess(
        "-p", "no:stripe_lite", "-p", "stripe_lite._fake.pytest_plugin", "-p", "no:cacheprovider",
        "-p", "no:randomly",
    )
    result.assert_outcomes(passed=2)
