"""Refunds and payouts end to end against localstripe, a fake Stripe server on 127.0.0.1.

As in test_localstripe.py, a comment starting with "localstripe:" says where
the fake server differs from Stripe; the SDK follows Stripe, and the test
either asserts the difference (so that a fixed localstripe gets noticed) or
checks only what both do.
"""

from __future__ import annotations

import pytest

from stripe_lite import AsyncStripeClient, StripeClient
from stripe_lite.errors import APIError, InvalidRequestError
from stripe_lite.models import Payout, Refund


def captured_intent(client: StripeClient, amount: int = 2000) -> str:
    intent = client.payment_intents.create(
        amount=amount, currency="usd", payment_method="pm_card_visa", capture_method="manual", confirm=True
    )
    assert intent.status == "requires_capture"
    assert client.payment_intents.capture(intent.id).status == "succeeded"
    return intent.id


async def acaptured_intent(client: AsyncStripeClient, amount: int = 2000) -> str:
    intent = await client.payment_intents.create(
        amount=amount, currency="usd", payment_method="pm_card_visa", capture_method="manual", confirm=True
    )
    assert (await client.payment_intents.capture(intent.id)).status == "succeeded"
    return intent.id


def newest_first(refunds: list[Refund]) -> list[str]:
    # localstripe: sorts refunds by their creation second only, newest first,
    # and keeps creation order within one second; Stripe is newest first
    # throughout. ``refunds`` is in creation order, and sorted() is stable.
    return [r.id for r in sorted(refunds, key=lambda r: -r.created)]


# -- refunds ---------------------------------------------------------------------


def test_refund_a_payment_intent(client: StripeClient) -> None:
    intent = captured_intent(client)
    refund = client.refunds.create(payment_intent=intent, amount=500, metadata={"rma": "RMA-1"})
    assert isinstance(refund, Refund)
    assert refund.id.startswith("re_")
    assert (refund.amount, refund.currency, refund.status) == (500, "usd", "succeeded")
    assert refund.payment_intent == intent
    assert isinstance(refund.charge, str) and refund.charge.startswith("ch_")
    assert refund.metadata == {"rma": "RMA-1"}
    # localstripe: also sends the legacy "date" and a "livemode", neither in
    # Stripe's refund object; the model keeps them as unknown fields.
    assert refund.extra_fields["date"] == refund.created
    assert refund.to_dict()["livemode"] is False
    # localstripe: leaves out most of Stripe's fields (reason, destination_details, ...).
    assert getattr(refund, "reason", None) is None

    fetched = client.refunds.retrieve(refund.id)
    assert fetched == refund

    updated = client.refunds.update(refund.id, metadata={"note": "lid only"})
    assert updated.metadata == {"rma": "RMA-1", "note": "lid only"}


def test_full_refund_by_default(client: StripeClient) -> None:
    intent = captured_intent(client, amount=1234)
    refund = client.refunds.create(payment_intent=intent)
    assert refund.amount == 1234


async def test_refund_a_payment_intent_async(aclient: AsyncStripeClient) -> None:
    intent = await acaptured_intent(aclient)
    refund = await aclient.refunds.create(payment_intent=intent, amount=700)
    assert isinstance(refund, Refund)
    assert (refund.amount, refund.payment_intent) == (700, intent)
    assert await aclient.refunds.retrieve(refund.id) == refund


def test_refund_reason_is_rejected_by_localstripe(client: StripeClient) -> None:
    # localstripe: knows only charge, payment_intent, amount and metadata;
    # Stripe takes reason (and more), which the SDK sends as given.
    intent = captured_intent(client)
    with pytest.raises(InvalidRequestError, match="reason"):
        client.refunds.create(payment_intent=intent, reason="requested_by_customer")


def test_refund_cancel_is_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: has no /v1/refunds/{refund}/cancel (aiohttp answers a plain
    # 404); Stripe cancels refunds in requires_action, and refuses others with
    # an invalid_request_error.
    refund = client.refunds.create(payment_intent=captured_intent(client))
    with pytest.raises(APIError) as raised:
        client.refunds.cancel(refund.id)
    assert raised.value.http_status == 404
    assert raised.value.error is None


def test_refund_paging(client: StripeClient) -> None:
    intent = captured_intent(client, amount=5000)
    refunds = [client.refunds.create(payment_intent=intent, amount=100 * (i + 1)) for i in range(7)]
    other = client.refunds.create(payment_intent=captured_intent(client))
    expected = newest_first([*refunds, other])

    first = client.refunds.list(limit=3)
    assert [r.id for r in first.data] == expected[:3]
    assert first.has_more is True
    second = first.next_page()
    assert second is not None
    assert [r.id for r in second.data] == expected[3:6]
    third = second.next_page()
    assert third is not None
    assert [r.id for r in third.data] == expected[6:]
    assert third.has_more is False
    assert third.next_page() is None

    # Iterating walks every page, each refund once.
    walked = list(client.refunds.list(limit=3))
    assert [r.id for r in walked] == expected
    assert all(isinstance(r, Refund) for r in walked)

    # The payment_intent filter carries over to later pages.
    assert [r.id for r in client.refunds.list(payment_intent=intent, limit=2)] == newest_first(refunds)


async def test_refund_paging_async(aclient: AsyncStripeClient) -> None:
    intent = await acaptured_intent(aclient, amount=5000)
    refunds = [await aclient.refunds.create(payment_intent=intent, amount=100 * (i + 1)) for i in range(5)]
    expected = newest_first(refunds)

    first = await aclient.refunds.list(limit=2)
    assert [r.id for r in first.data] == expected[:2]
    assert first.has_more is True
    second = await first.next_page()
    assert second is not None
    assert [r.id for r in second.data] == expected[2:4]
    third = await second.next_page()
    assert third is not None
    assert [r.id for r in third.data] == expected[4:]
    assert await third.next_page() is None

    assert [r.id async for r in aclient.refunds.list(limit=2)] == expected
    assert [r.id async for r in aclient.refunds.list(payment_intent=intent, limit=4)] == expected


def test_refund_created_filter_is_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: its refund list takes only charge, payment_intent, limit and
    # starting_after, and fails with a plain 500 on anything else; Stripe
    # filters by created.
    with pytest.raises(APIError) as raised:
        client.refunds.list(created={"gt": 1_600_000_000})
    assert raised.value.http_status == 500


# -- payouts -----------------------------------------------------------------------


def test_payout_create_retrieve_update_cancel(client: StripeClient) -> None:
    # localstripe: pays out only in eur.
    payout = client.payouts.create(
        amount=12_500, currency="eur", description="Weekly", statement_descriptor="TEAHAUS", metadata={"w": "3"}
    )
    assert isinstance(payout, Payout)
    assert payout.id.startswith("po_")
    assert (payout.amount, payout.currency, payout.status, payout.method) == (12_500, "eur", "pending", "standard")
    assert payout.automatic is False
    assert payout.type == "bank_account"
    assert isinstance(payout.destination, str) and payout.destination.startswith("ba_")
    assert payout.arrival_date > payout.created
    assert payout.original_payout is None and payout.reversed_by is None

    assert client.payouts.retrieve(payout.id) == payout
    updated = client.payouts.update(payout.id, metadata={"batch": "W03"})
    assert updated.metadata == {"w": "3", "batch": "W03"}

    canceled = client.payouts.cancel(payout.id)
    assert canceled.status == "canceled"
    assert client.payouts.retrieve(payout.id).status == "canceled"
    # Only pending payouts can be canceled (Stripe says the same with more detail).
    with pytest.raises(InvalidRequestError):
        client.payouts.cancel(payout.id)


async def test_payout_create_and_cancel_async(aclient: AsyncStripeClient) -> None:
    payout = await aclient.payouts.create(amount=900, currency="eur", method="instant")
    assert isinstance(payout, Payout)
    assert (payout.amount, payout.method, payout.status) == (900, "instant", "pending")
    assert (await aclient.payouts.cancel(payout.id)).status == "canceled"


def test_payout_currency_other_than_eur_is_rejected_by_localstripe(client: StripeClient) -> None:
    # localstripe: accepts only eur; Stripe pays out in any currency your balance holds.
    with pytest.raises(InvalidRequestError):
        client.payouts.create(amount=1000, currency="usd")


def test_payout_reverse_is_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: has no /v1/payouts/{payout}/reverse (a plain 404); Stripe
    # reverses paid payouts to US bank accounts.
    payout = client.payouts.create(amount=1000, currency="eur")
    with pytest.raises(APIError) as raised:
        client.payouts.reverse(payout.id)
    assert raised.value.http_status == 404


def test_payout_list_filters_are_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: its payout list takes only limit and starting_after;
    # Stripe filters by status, destination, created and arrival_date.
    with pytest.raises(InvalidRequestError, match="status"):
        client.payouts.list(status="paid")


def test_payout_paging(client: StripeClient) -> None:
    ids = [client.payouts.create(amount=100 * (i + 1), currency="eur").id for i in range(5)]
    # localstripe: lists payouts oldest first; Stripe lists them newest first.
    # The SDK keeps whatever order the server gives.
    first = client.payouts.list(limit=2)
    assert [p.id for p in first.data] == ids[:2]
    assert first.has_more is True
    second = first.next_page()
    assert second is not None
    assert [p.id for p in second.data] == ids[2:4]
    third = second.next_page()
    assert third is not None
    assert [p.id for p in third.data] == ids[4:]
    assert third.has_more is False
    assert [p.id for p in client.payouts.list(limit=2)] == ids
    assert [p.id for p in client.payouts.list(limit=2, starting_after=ids[1])] == ids[2:]


async def test_payout_paging_async(aclient: AsyncStripeClient) -> None:
    ids = [(await aclient.payouts.create(amount=100 * (i + 1), currency="eur")).id for i in range(5)]
    page = await aclient.payouts.list(limit=2)
    assert [p.id for p in page.data] == ids[:2]
    assert [p.id async for p in aclient.payouts.list(limit=2)] == ids
    assert all([isinstance(p, Payout) async for p in aclient.payouts.list(limit=3)])
