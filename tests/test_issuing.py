"""Issuing (docs/issuing.md): cardholders, cards, personalization designs, physical bundles, disputes,
settlements, tokens and transactions: required parameters, bodies, expansions.

What every operation sends and decodes is covered from the spec in test_services.py;
here, what is particular to this area.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    Address,
    BalanceTransaction,
    File,
    IssuingAuthorization,
    IssuingAuthorizationMerchantData,
    IssuingCard,
    IssuingCardAuthorizationControls,
    IssuingCardholder,
    IssuingCardholderAddress,
    IssuingCardholderAuthorizationControls,
    IssuingCardholderSpendingLimit,
    IssuingCardSpendingLimit,
    IssuingDispute,
    IssuingDisputeCanceledEvidence,
    IssuingDisputeDuplicateEvidence,
    IssuingDisputeNotReceivedEvidence,
    IssuingPersonalizationDesign,
    IssuingPhysicalBundle,
    IssuingToken,
    IssuingTransaction,
    IssuingTransactionFuelData,
    construct,
)
from stripe_lite.params import BillingAddressParam

from .conftest import Runner, Walk
from .payload_files import listing, payload

CARD = payload("issuing_card")
CARDHOLDER = payload("issuing_cardholder")
DESIGN = payload("issuing_personalization_design")
BUNDLE = payload("issuing_physical_bundle")
ADDRESS: BillingAddressParam = {"line1": "1 Main St", "city": "Springfield", "postal_code": "12345", "country": "US"}


def _card(card_id: str = "ic_1RtP0a2eZvKYlo2CcArD0001") -> dict[str, Any]:
    return {"id": card_id, "object": "issuing.card", "last4": "4242", "status": "active", "type": "virtual"}


def _cardholder() -> dict[str, Any]:
    return {"id": "ich_1RtOza2eZvKYlo2CcHoL0001", "object": "issuing.cardholder", "name": "Jenny Rosen"}


# --- required parameters and path ids ----------------------------------------------------


def test_cardholder_create_requires_name_and_billing(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.route().respond(json=CARDHOLDER)
    with pytest.raises(TypeError, match="billing"):
        client.issuing.cardholders.create(name="Jenny Rosen")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="name"):
        client.issuing.cardholders.create(billing={"address": ADDRESS})  # type: ignore[call-arg]
    assert route.call_count == 0


def test_card_create_requires_currency_and_type(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=CARD)
    with pytest.raises(TypeError, match="currency"):
        client.issuing.cards.create(type="virtual")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="type"):
        client.issuing.cards.create(currency="usd")  # type: ignore[call-arg]
    assert route.call_count == 0


def test_personalization_design_create_requires_physical_bundle(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.route().respond(json=DESIGN)
    with pytest.raises(TypeError, match="physical_bundle"):
        client.issuing.personalization_designs.create(name="x")  # type: ignore[call-arg]
    assert route.call_count == 0


def test_token_list_without_card_raises_before_any_request(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    with pytest.raises(TypeError, match="card"):
        client.issuing.tokens.list()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="card"):
        client.issuing.tokens.list(status="active")  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


async def test_async_token_list_without_card_raises_before_any_request(
    aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter
) -> None:
    with pytest.raises(TypeError, match="card"):
        aclient.issuing.tokens.list()  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


def test_token_update_requires_a_status(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    with pytest.raises(TypeError, match="status"):
        client.issuing.tokens.update("intok_1")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="token"):
        client.issuing.tokens.update(status="active")  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


@pytest.mark.parametrize("bad_id", ["", "  "])
def test_empty_ids_raise_before_any_request(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, bad_id: str
) -> None:
    route = mock_api.route().respond(json=CARD)
    with pytest.raises(ValueError, match="card"):
        client.issuing.cards.retrieve(bad_id)
    with pytest.raises(ValueError, match="cardholder"):
        client.issuing.cardholders.update(bad_id, status="inactive")
    with pytest.raises(ValueError, match="personalization_design"):
        client.issuing.personalization_designs.retrieve(bad_id)
    with pytest.raises(ValueError, match="physical_bundle"):
        client.issuing.physical_bundles.retrieve(bad_id)
    with pytest.raises(ValueError, match="dispute"):
        client.issuing.disputes.submit(bad_id)
    with pytest.raises(ValueError, match="settlement"):
        client.issuing.settlements.retrieve(bad_id)
    assert route.call_count == 0


# --- cardholders and cards ---------------------------------------------------------------


def test_card_embeds_the_full_cardholder_and_expanded_fields() -> None:
    card = construct(CARD)
    assert type(card) is IssuingCard
    assert type(card.cardholder) is IssuingCardholder
    assert type(card.cardholder.billing) is IssuingCardholderAddress
    assert type(card.cardholder.billing.address) is Address
    assert card.cardholder.billing.address.city == "San Francisco"
    assert type(card.personalization_design) is IssuingPersonalizationDesign
    assert card.personalization_design.physical_bundle == BUNDLE["id"]
    assert card.replaced_by == "ic_1MsKAB2eZvKYlo2CReplBy01"
    assert card.number == "4242424242424242"
    assert card.cvc == "123"


def test_cards_and_cardholders_have_their_own_spending_controls() -> None:
    # One hand-written IssuingSpendingControls/IssuingSpendingLimit served both before;
    # the spec gives a card's and a cardholder's controls their own schemas.
    card = IssuingCard.from_dict(CARD)
    assert type(card.spending_controls) is IssuingCardAuthorizationControls
    assert card.spending_controls.spending_limits is not None
    assert [type(limit) for limit in card.spending_controls.spending_limits] == [IssuingCardSpendingLimit]
    assert (card.spending_controls.spending_limits[0].amount, card.spending_controls.spending_limits[0].interval) == (
        10000,
        "daily",
    )
    assert card.spending_controls.blocked_merchant_countries == ["KP"]
    holder_controls = card.cardholder.spending_controls
    assert type(holder_controls) is IssuingCardholderAuthorizationControls
    assert holder_controls.spending_limits is not None
    assert [type(limit) for limit in holder_controls.spending_limits] == [IssuingCardholderSpendingLimit]
    assert holder_controls.spending_limits[0].categories == ["taxicabs_limousines"]


def test_unexpanded_card_has_no_number_and_ids_for_expandables() -> None:
    data = copy.deepcopy(CARD)
    del data["number"], data["cvc"]
    data["personalization_design"] = DESIGN["id"]
    data["replacement_for"] = copy.deepcopy(CARD) | {"id": "ic_old", "replaced_by": CARD["id"]}
    card = IssuingCard.from_dict(data)
    assert getattr(card, "number", None) is None
    with pytest.raises(AttributeError, match=r"IssuingCard\.cvc was not included"):
        _ = card.cvc
    assert card.personalization_design == DESIGN["id"]
    assert type(card.replacement_for) is IssuingCard
    assert card.replacement_for.id == "ic_old"
    assert card.to_dict() == data


def test_design_physical_bundle_and_card_logo_expand() -> None:
    data = copy.deepcopy(DESIGN) | {
        "physical_bundle": BUNDLE,
        "card_logo": {"id": "file_1", "object": "file", "purpose": "issuing_logo"},
    }
    design = IssuingPersonalizationDesign.from_dict(data)
    assert type(design.physical_bundle) is IssuingPhysicalBundle
    assert design.physical_bundle.features.card_logo == "optional"
    # Files are modelled now (the old models kept an expanded logo as an UnknownObject).
    assert type(design.card_logo) is File
    assert design.card_logo.purpose == "issuing_logo"
    assert design.to_dict() == data
    assert IssuingPersonalizationDesign.from_dict(DESIGN).physical_bundle == BUNDLE["id"]


def test_unseen_cardholder_enum_values_survive() -> None:
    data = copy.deepcopy(CARDHOLDER) | {"status": "suspended_for_review"}
    data["spending_controls"]["spending_limits"][0]["interval"] = "fortnightly"
    holder = IssuingCardholder.from_dict(data)
    assert holder.status == "suspended_for_review"
    assert holder.spending_controls is not None and holder.spending_controls.spending_limits is not None
    assert holder.spending_controls.spending_limits[0].interval == "fortnightly"
    assert holder.to_dict() == data


def test_card_list_filters_are_sent_as_query(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/issuing/cards").respond(json=listing(CARD, url="/v1/issuing/cards"))
    page = client.issuing.cards.list(cardholder="ich_1", status="canceled", created={"lt": 1700000000})
    request = route.calls.last.request
    assert sorted(parse_qsl(request.url.query.decode())) == [
        ("cardholder", "ich_1"),
        ("created[lt]", "1700000000"),
        ("status", "canceled"),
    ]
    assert request.content == b""
    assert [type(card) for card in page.data] == [IssuingCard]


async def test_async_cardholder_update(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/issuing/cardholders/ich_1").respond(json=CARDHOLDER)
    holder = await aclient.issuing.cardholders.update(
        "ich_1", spending_controls={"spending_limits": [{"amount": 100, "interval": "per_authorization"}]}
    )
    assert type(holder) is IssuingCardholder
    assert sorted(parse_qsl(route.calls.last.request.content.decode())) == [
        ("spending_controls[spending_limits][0][amount]", "100"),
        ("spending_controls[spending_limits][0][interval]", "per_authorization"),
    ]


# --- disputes ----------------------------------------------------------------------------


def test_dispute_create_sends_nested_evidence_exactly(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/issuing/disputes").mock(
        return_value=httpx.Response(200, json=payload("issuing_dispute"))
    )
    returned = datetime.datetime(2025, 7, 29, 0, 0, tzinfo=datetime.timezone.utc)
    got = run(
        lambda c: c.issuing.disputes.create(
            transaction="ipi_1",
            evidence={
                "reason": "canceled",
                "canceled": {
                    "explanation": "Canceled before shipping.",
                    "canceled_at": 1753660800,
                    "cancellation_policy_provided": True,
                    "product_type": "merchandise",
                    "return_status": "successful",
                    "returned_at": returned,
                    "additional_documentation": "",
                },
                "duplicate": "",
            },
            treasury={"received_debit": "rd_1"},
            metadata={"case": 7},
            idempotency_key="dispute-ipi_1",
        )
    )
    assert type(got) is IssuingDispute
    request = route.calls.last.request
    assert request.headers["Idempotency-Key"] == "dispute-ipi_1"
    assert sorted(parse_qsl(request.content.decode(), keep_blank_values=True)) == sorted(
        [
            ("transaction", "ipi_1"),
            ("evidence[reason]", "canceled"),
            ("evidence[canceled][explanation]", "Canceled before shipping."),
            ("evidence[canceled][canceled_at]", "1753660800"),
            ("evidence[canceled][cancellation_policy_provided]", "true"),
            ("evidence[canceled][product_type]", "merchandise"),
            ("evidence[canceled][return_status]", "successful"),
            ("evidence[canceled][returned_at]", str(int(returned.timestamp()))),
            ("evidence[canceled][additional_documentation]", ""),
            ("evidence[duplicate]", ""),
            ("treasury[received_debit]", "rd_1"),
            ("metadata[case]", "7"),
        ]
    )


def test_dispute_submit_posts_to_the_action_path(run: Runner, mock_api: respx.MockRouter) -> None:
    submitted = {**payload("issuing_dispute"), "status": "submitted"}
    route = mock_api.post("/v1/issuing/disputes/idp_1/submit").mock(return_value=httpx.Response(200, json=submitted))
    got = run(lambda c: c.issuing.disputes.submit("idp_1"))
    assert type(got) is IssuingDispute
    assert got.status == "submitted"
    assert route.calls.last.request.content == b""


def test_dispute_transaction_expands_and_balance_transactions_are_models() -> None:
    dispute = IssuingDispute.from_dict({**payload("issuing_dispute"), "transaction": payload("issuing_transaction")})
    assert type(dispute.transaction) is IssuingTransaction
    assert type(dispute.transaction.merchant_data) is IssuingAuthorizationMerchantData
    assert dispute.transaction.merchant_data.category_code == "5541"
    assert dispute.balance_transactions is not None
    # Balance transactions are modelled now (a plain StripeObject before).
    assert type(dispute.balance_transactions[0]) is BalanceTransaction
    assert dispute.balance_transactions[0].reporting_category == "issuing_dispute"
    assert type(dispute.evidence.not_received) is IssuingDisputeNotReceivedEvidence
    assert type(dispute.evidence.duplicate) is IssuingDisputeDuplicateEvidence
    assert dispute.evidence.duplicate.additional_documentation is None


def test_evidence_file_fields_take_expanded_files() -> None:
    raw = payload("issuing_dispute")
    raw["evidence"]["canceled"]["additional_documentation"] = {"id": "file_1", "object": "file", "size": 1024}
    dispute = IssuingDispute.from_dict(raw)
    canceled = dispute.evidence.canceled
    assert type(canceled) is IssuingDisputeCanceledEvidence
    assert type(canceled.additional_documentation) is File
    assert canceled.additional_documentation.size == 1024
    assert dispute.to_dict() == raw


# --- transactions and tokens -------------------------------------------------------------


def test_expanded_transaction_fields_decode_to_their_models(run: Runner, mock_api: respx.MockRouter) -> None:
    body = {
        **payload("issuing_transaction"),
        "card": _card(),
        "cardholder": _cardholder(),
        "dispute": payload("issuing_dispute"),
        "token": payload("issuing_token"),
        "authorization": {"id": "iauth_1", "object": "issuing.authorization", "approved": True},
    }
    route = mock_api.get("/v1/issuing/transactions/ipi_1").mock(return_value=httpx.Response(200, json=body))
    txn = run(
        lambda c: c.issuing.transactions.retrieve(
            "ipi_1", expand=["card", "cardholder", "dispute", "token", "authorization"]
        )
    )
    assert parse_qsl(route.calls.last.request.url.query.decode()) == [
        ("expand[0]", "card"),
        ("expand[1]", "cardholder"),
        ("expand[2]", "dispute"),
        ("expand[3]", "token"),
        ("expand[4]", "authorization"),
    ]
    assert type(txn) is IssuingTransaction
    assert type(txn.card) is IssuingCard
    assert txn.card.id == "ic_1RtP0a2eZvKYlo2CcArD0001"
    assert type(txn.cardholder) is IssuingCardholder
    assert type(txn.dispute) is IssuingDispute
    assert type(txn.token) is IssuingToken
    # Authorizations are modelled now (an UnknownObject before).
    assert type(txn.authorization) is IssuingAuthorization
    assert txn.authorization.approved is True
    assert txn.to_dict() == body


def test_unexpanded_references_are_ids() -> None:
    txn = IssuingTransaction.from_dict(payload("issuing_transaction"))
    assert txn.card == "ic_1RtP0a2eZvKYlo2CcArD0001"
    assert txn.dispute == "idp_1RtQ8v2eZvKYlo2CkM3d9XaB"
    assert txn.token == "intok_1RtQAa2eZvKYlo2CtOk00001"
    token = IssuingToken.from_dict({**payload("issuing_token"), "card": _card("ic_2")})
    assert type(token.card) is IssuingCard
    assert token.card.id == "ic_2"


def test_unseen_transaction_enum_values_and_decimals_survive() -> None:
    raw = payload("issuing_transaction")
    raw["type"] = "adjustment"
    raw["purchase_details"]["fuel"]["unit"] = "cubic_meter"
    txn = IssuingTransaction.from_dict(raw)
    assert txn.type == "adjustment"
    assert txn.purchase_details is not None
    assert type(txn.purchase_details.fuel) is IssuingTransactionFuelData
    assert txn.purchase_details.fuel.unit == "cubic_meter"
    assert txn.purchase_details.fuel.unit_cost_decimal == "104.8095"
    assert txn.to_dict() == raw


def test_transaction_list_walks_every_page(run: Runner, mock_api: respx.MockRouter) -> None:
    url = "/v1/issuing/transactions"
    first = {**payload("issuing_transaction"), "id": "ipi_a"}
    second = {**payload("issuing_transaction"), "id": "ipi_b"}

    def answer(request: httpx.Request) -> httpx.Response:
        query = dict(parse_qsl(request.url.query.decode()))
        assert query["card"] == "ic_1"
        if query.get("starting_after") == "ipi_a":
            return httpx.Response(200, json=listing(second, url=url))
        return httpx.Response(200, json=listing(first, url=url, has_more=True))

    route = mock_api.get(url).mock(side_effect=answer)
    items = run(lambda c: Walk(c.issuing.transactions.list(card="ic_1", limit=1)))
    assert [t.id for t in items] == ["ipi_a", "ipi_b"]
    assert all(type(t) is IssuingTransaction for t in items)
    assert route.call_count == 2
