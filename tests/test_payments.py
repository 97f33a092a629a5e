"""Payments (docs/payments.md): Payment Links, Payouts and Refunds: what is particular to them.

What every operation sends and decodes is covered from the spec in test_services.py.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    BankAccount,
    Card,
    Charge,
    DestinationDetailsUnimplemented,
    Discount,
    EmailSent,
    Item,
    PaymentIntent,
    PaymentLink,
    PaymentLinksResourceCompletionBehaviorConfirmationPage,
    PaymentLinksResourceCustomFieldsDropdownOption,
    Payout,
    Price,
    Refund,
    RefundDestinationDetailsCard,
    RefundDestinationDetailsMultibanco,
    StripeList,
    TaxRate,
    UnknownObject,
    construct,
)

from .payload_files import listing, payload

# -- required parameters and path ids ------------------------------------------------


def test_required_parameters_are_named(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=payload("payout"))
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
    assert route.call_count == 0


def test_path_ids_are_escaped(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/refunds/re_1%2Fcancel/cancel").respond(json=payload("refund"))
    refund = client.refunds.cancel("re_1/cancel")
    assert route.call_count == 1
    assert route.calls.last.request.url.raw_path == b"/v1/refunds/re_1%2Fcancel/cancel"
    assert type(refund) is Refund
    with pytest.raises(ValueError, match="payout"):
        client.payouts.reverse("")
    assert len(mock_api.calls) == 1


# -- payment links -----------------------------------------------------------------


def test_payment_link_with_expanded_line_items() -> None:
    link = PaymentLink.from_dict(payload("payment_link"))
    assert type(link.line_items) is StripeList
    (item,) = link.line_items.data
    # A link's line items are the "item" object (LineItem is an invoice's line item).
    assert type(item) is Item
    assert item == Item.from_dict(payload("item"))
    # Prices, discounts and tax rates are modelled now (they were kept whole as UnknownObject).
    assert type(item.price) is Price
    assert item.price.unit_amount == 2400
    assert item.discounts is not None
    discount = item.discounts[0].discount
    assert type(discount) is Discount
    # The pinned version's discount has no "coupon" (it came later): kept as sent.
    assert discount.extra_fields["coupon"]["id"] == "SPRING10"
    assert item.taxes is not None
    assert type(item.taxes[0].rate) is TaxRate
    assert item.taxes[0].rate.percentage == 19.0
    assert type(link.after_completion.hosted_confirmation) is PaymentLinksResourceCompletionBehaviorConfirmationPage
    assert link.custom_fields[0].dropdown is not None
    options = link.custom_fields[0].dropdown.options
    assert {type(o) for o in options} == {PaymentLinksResourceCustomFieldsDropdownOption}
    assert [o.value for o in options] == ["gift", "plain"]
    assert link.restrictions is not None
    assert link.restrictions.completed_sessions.count == 37


def test_payment_link_without_line_items_says_to_expand() -> None:
    data = payload("payment_link")
    del data["line_items"]
    link = PaymentLink.from_dict(data)
    with pytest.raises(AttributeError, match=r"PaymentLink\.line_items .*expand"):
        _ = link.line_items


def test_line_items_are_paged(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    url = "/v1/payment_links/plink_1/line_items"
    first = {**payload("item"), "id": "li_1"}
    second = {**payload("item"), "id": "li_2"}
    route = mock_api.get(url).mock(
        side_effect=[
            httpx.Response(200, json=listing(first, url=url, has_more=True)),
            httpx.Response(200, json=listing(second, url=url)),
        ]
    )
    items = list(client.payment_links.list_line_items("plink_1", limit=1))
    assert [item.id for item in items] == ["li_1", "li_2"]
    assert all(type(item) is Item for item in items)
    queries = [dict(parse_qsl(call.request.url.query.decode())) for call in route.calls]
    assert queries == [{"limit": "1"}, {"limit": "1", "starting_after": "li_1"}]


async def test_payment_link_update_async(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/payment_links/plink_1").respond(json=payload("payment_link"))
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
    data = payload("payout")
    data["destination"] = {"id": "ba_1", "object": "bank_account", "last4": "3000"}
    data["original_payout"] = {**payload("payout"), "id": "po_original"}
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
    destination = {"id": "fa_1", "object": "v2.account"}
    payout = Payout.from_dict({"id": "po_1", "object": "payout", "destination": destination})
    # Not one of the declared kinds (BankAccount, Card, their deleted forms): still kept, whole.
    kept: object = payout.destination
    assert type(kept) is UnknownObject
    assert kept.extra_fields == destination
    assert payout.to_dict()["destination"] == destination


# -- refunds -----------------------------------------------------------------------


def test_refund_expanded_payment_intent_and_charge() -> None:
    data = payload("refund")
    data["payment_intent"] = payload("payment_intent")
    data["payment_method"] = payload("payment_method")
    data["charge"] = {"id": "ch_1", "object": "charge", "amount_refunded": 2400}
    refund = Refund.from_dict(data)
    assert type(refund.payment_intent) is PaymentIntent
    # Charges are modelled now (an UnknownObject before).
    assert type(refund.charge) is Charge
    assert refund.charge.amount_refunded == 2400
    # A refund's payment_method is newer than the pinned version: kept as sent, not decoded.
    assert refund.extra_fields["payment_method"] == payload("payment_method")
    assert construct(data) == refund
    assert refund.to_dict() == data


def test_refund_destination_details() -> None:
    refund = Refund.from_dict(payload("refund"))
    assert refund.destination_details is not None
    assert type(refund.destination_details.card) is RefundDestinationDetailsCard
    assert refund.destination_details.card.reference_type == "acquirer_reference_number"

    pending = Refund.from_dict(payload("refund_requires_action"))
    assert pending.destination_details is not None
    assert type(pending.destination_details.multibanco) is RefundDestinationDetailsMultibanco
    assert pending.next_action is not None
    assert pending.next_action.display_details is not None
    assert type(pending.next_action.display_details.email_sent) is EmailSent
    assert pending.next_action.display_details.email_sent.email_sent_to == "joana.silva@example.pt"

    # The per-method hashes without fields share one empty model, and are kept as sent.
    alipay = Refund.from_dict(
        {"id": "re_1", "object": "refund", "destination_details": {"type": "alipay", "alipay": {}}}
    )
    assert alipay.destination_details is not None
    assert type(alipay.destination_details.alipay) is DestinationDetailsUnimplemented
    assert alipay.destination_details.alipay.to_dict() == {}
    assert alipay.to_dict()["destination_details"] == {"type": "alipay", "alipay": {}}
