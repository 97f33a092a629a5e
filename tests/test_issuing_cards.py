"""Focused tests of Issuing cardholders, cards, personalization designs and physical bundles."""

from __future__ import annotations

import copy
from urllib.parse import parse_qsl

import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    IssuingCard,
    IssuingCardholder,
    IssuingPersonalizationDesign,
    IssuingPhysicalBundle,
    IssuingSpendingLimit,
    UnknownObject,
    construct,
)

from .cases import listing, payload

CARD = payload("issuing_card")
CARDHOLDER = payload("issuing_cardholder")
DESIGN = payload("issuing_personalization_design")
BUNDLE = payload("issuing_physical_bundle")
ADDRESS = {"line1": "1 Main St", "city": "Springfield", "postal_code": "12345", "country": "US"}


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
    assert route.call_count == 0


def test_card_embeds_the_full_cardholder_and_expanded_fields() -> None:
    card = construct(CARD)
    assert type(card) is IssuingCard
    assert type(card.cardholder) is IssuingCardholder
    assert card.cardholder.billing.address.city == "San Francisco"
    limit = card.cardholder.spending_controls
    assert limit is not None and limit.spending_limits is not None
    assert type(limit.spending_limits[0]) is IssuingSpendingLimit
    assert type(card.personalization_design) is IssuingPersonalizationDesign
    assert card.personalization_design.physical_bundle == BUNDLE["id"]
    assert card.replaced_by == "ic_1MsKAB2eZvKYlo2CReplBy01"
    assert card.number == "4242424242424242"
    assert card.cvc == "123"


def test_unexpanded_card_has_no_number_and_ids_for_expandables() -> None:
    data = copy.deepcopy(CARD)
    del data["number"], data["cvc"]
    data["personalization_design"] = DESIGN["id"]
    data["replacement_for"] = copy.deepcopy(CARD) | {"id": "ic_old", "replaced_by": CARD["id"]}
    card = IssuingCard.from_dict(data)
    assert getattr(card, "number", None) is None
    with pytest.raises(AttributeError, match="cvc"):
        _ = card.cvc
    assert card.personalization_design == DESIGN["id"]
    assert type(card.replacement_for) is IssuingCard
    assert card.replacement_for.id == "ic_old"
    assert card.to_dict() == data


def test_design_physical_bundle_expands_and_file_fields_stay_loose() -> None:
    data = copy.deepcopy(DESIGN) | {
        "physical_bundle": BUNDLE,
        "card_logo": {"id": "file_1", "object": "file", "purpose": "issuing_logo"},
    }
    design = IssuingPersonalizationDesign.from_dict(data)
    assert type(design.physical_bundle) is IssuingPhysicalBundle
    assert design.physical_bundle.features.card_logo == "optional"
    assert type(design.card_logo) is UnknownObject
    assert design.to_dict() == data


def test_unseen_enum_values_survive() -> None:
    data = copy.deepcopy(CARDHOLDER) | {"status": "suspended_for_review"}
    data["spending_controls"]["spending_limits"][0]["interval"] = "fortnightly"
    holder = IssuingCardholder.from_dict(data)
    assert holder.status == "suspended_for_review"
    assert holder.spending_controls is not None and holder.spending_controls.spending_limits is not None
    assert holder.spending_controls.spending_limits[0].interval == "fortnightly"


def test_list_filters_are_sent_as_query(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/issuing/cards").respond(json=listing("issuing_card", "/v1/issuing/cards"))
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
