"""Focused tests of Payment Links, Payouts and Refunds beyond the table-driven cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    BankAccount,
    Card,
    LineItem,
    PaymentIntent,
    PaymentLink,
    PaymentMethod,
    Payout,
    Refund,
    RefundDestinationDetailsCard,
    RefundDestinationDetailsReference,
    StripeList,
    UnknownObject,
    construct,
)

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


# -- required parameters ---------------------------------------------------------


def test_required_parameters_are_named(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="line_items"):
        client.payment_links.create()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="currency"):
        client.payouts.create(amount=100)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="amount"):
        client.payouts.create(currency="eur")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="payout"):
        client.payouts.cancel()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="refund"):
        client.refunds.cancel()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="payment_link"):
        client.payment_links.list_line_items()  # type: ignore[call-arg]


def test_path_ids_are_escaped(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/refunds/re_1%2Fcancel/cancel").respond(json=load("refund"))
    client.refunds.cancel("re_1/cancel")
    assert route.call_count == 1
    with pytest.raises(ValueError, match="payout"):
        client.payouts.reverse("")


# -- payment links -----------------------------------------------------------------


def test_payment_link_with_expanded_line_items() -> None:
    link = PaymentLink.from_dict(load("payment_link"))
    assert type(link.line_items) is StripeList
    (item,) = link.line_items.data
    assert type(item) is LineItem
    assert item == LineItem.from_dict(load("item"))
    # Prices, discounts and tax rates are not modelled yet: kept whole.
    assert type(item.price) is UnknownObject
    assert item.price.unit_amount == 2400
    assert type(item.discounts[0].discount) is UnknownObject
    assert item.discounts[0].discount.coupon["id"] == "SPRING10"
    assert item.taxes[0].rate.percentage == 19.0
    assert link.after_completion.hosted_confirmation is not None
    assert link.custom_fields[0].dropdown is not None
    assert [o.value for o in link.custom_fields[0].dropdown.options] == ["gift", "plain"]
    assert link.restrictions is not None
    assert link.restrictions.completed_sessions.count == 37


def test_payment_link_without_line_items_says_to_expand() -> None:
    data = load("payment_link")
    del data["line_items"]
    link = PaymentLink.from_dict(data)
    with pytest.raises(AttributeError, match=r"PaymentLink\.line_items .*expand"):
        _ = link.line_items


def test_line_items_are_paged(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    url = "/v1/payment_links/plink_1/line_items"
    first = {**load("item"), "id": "li_1"}
    second = {**load("item"), "id": "li_2"}
    route = mock_api.get(url).mock(
        side_effect=[
            httpx.Response(200, json={"object": "list", "url": url, "has_more": True, "data": [first]}),
            httpx.Response(200, json={"object": "list", "url": url, "has_more": False, "data": [second]}),
        ]
    )
    items = list(client.payment_links.list_line_items("plink_1", limit=1))
    assert [item.id for item in items] == ["li_1", "li_2"]
    assert all(type(item) is LineItem for item in items)
    queries = [dict(parse_qsl(call.request.url.query.decode())) for call in route.calls]
    assert queries == [{"limit": "1"}, {"limit": "1", "starting_after": "li_1"}]


async def test_payment_link_update_async(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/payment_links/plink_1").respond(json=load("payment_link"))
    link = await aclient.payment_links.update(
        "plink_1", payment_method_types="", optional_items=[{"price": "price_1", "quantity": 1}]
    )
    assert type(link) is PaymentLink
    sent = parse_qsl(route.calls.last.request.content.decode(), keep_blank_values=True)
    assert sorted(sent) == sorted(
        [("payment_method_types", ""), ("optional_items[0][price]", "price_1"), ("optional_items[0][quantity]", "1")]
    )


# -- payouts -----------------------------------------------------------------------


def test_payout_expanded_destination_and_payouts() -> None:
    data = load("payout")
    data["destination"] = {"id": "ba_1", "object": "bank_account", "last4": "3000"}
    data["original_payout"] = {**load("payout"), "id": "po_original"}
    data["reversed_by"] = "po_reversal"
    payout = Payout.from_dict(data)
    assert type(payout.destination) is BankAccount
    assert payout.destination.id == "ba_1"
    assert type(payout.original_payout) is Payout
    assert payout.original_payout.id == "po_original"
    assert payout.reversed_by == "po_reversal"
    assert payout.to_dict() == data

    card = Payout.from_dict({**data, "destination": {"id": "card_1", "object": "card"}})
    assert type(card.destination) is Card


def test_payout_unknown_destination_object_is_kept() -> None:
    payout = Payout.from_dict({"id": "po_1", "object": "payout", "destination": {"id": "fa_1", "object": "v2.account"}})
    assert type(payout.destination) is UnknownObject
    assert payout.destination.id == "fa_1"


# -- refunds -----------------------------------------------------------------------


def test_refund_expanded_payment_intent_and_method() -> None:
    data = load("refund")
    data["payment_intent"] = load("payment_intent")
    data["payment_method"] = load("payment_method")
    data["charge"] = {"id": "ch_1", "object": "charge", "amount_refunded": 2400}
    refund = Refund.from_dict(data)
    assert type(refund.payment_intent) is PaymentIntent
    assert type(refund.payment_method) is PaymentMethod
    assert type(refund.charge) is UnknownObject
    assert refund.charge.amount_refunded == 2400
    assert construct(data) == refund


def test_refund_destination_details() -> None:
    refund = Refund.from_dict(load("refund"))
    assert refund.destination_details is not None
    assert type(refund.destination_details.card) is RefundDestinationDetailsCard
    assert refund.destination_details.card.reference_type == "acquirer_reference_number"

    pending = Refund.from_dict(load("refund_requires_action"))
    assert pending.destination_details is not None
    assert type(pending.destination_details.multibanco) is RefundDestinationDetailsReference
    assert pending.next_action is not None
    assert pending.next_action.display_details is not None
    assert pending.next_action.display_details.email_sent.email_sent_to == "joana.silva@example.pt"

    # The empty per-method hashes are loose, and kept as sent.
    alipay = Refund.from_dict(
        {"id": "re_1", "object": "refund", "destination_details": {"type": "alipay", "alipay": {}}}
    )
    assert alipay.destination_details is not None
    assert alipay.destination_details.alipay == {}
    assert alipay.to_dict()["destination_details"] == {"type": "alipay", "alipay": {}}
