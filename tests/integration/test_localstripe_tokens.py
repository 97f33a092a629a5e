"""Tokens end to end against localstripe, a fake Stripe server on 127.0.0.1.

localstripe tokenizes cards only, and imitates Stripe's Token and Card objects
in part. Where it differs, a comment starting with "localstripe:" says how, and
the test asserts the difference explicitly (so that a localstripe upgrade that
fixes it gets noticed). The SDK follows Stripe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import pytest

from stripe_lite import AsyncStripeClient, StripeClient
from stripe_lite.errors import APIError, CardError, InvalidRequestError, NotFoundError
from stripe_lite.models import Card, StripeList, Token

if TYPE_CHECKING:
    from stripe_lite.params import TokenCardParam

VISA = "4242424242424242"
DECLINED_ALWAYS = "4000000000000002"


def card(number: str = VISA, **extra: Any) -> TokenCardParam:
    # localstripe: requires a 16-digit number and a 3-character cvc string; Stripe
    # takes any valid card number and makes cvc optional.
    return cast("TokenCardParam", {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123", **extra})


def create_customer(client: StripeClient) -> str:
    customer: dict[str, Any] = client.request("post", "/v1/customers", params={"email": "jenny@example.com"})
    return str(customer["id"])


def attach(client: StripeClient, customer: str, token: str) -> Card:
    # Customer sources have no service in this version: the request() escape hatch.
    return client.request("post", f"/v1/customers/{customer}/sources", params={"source": token}, cast_to=Card)


# -- create and retrieve ------------------------------------------------------------


def test_create_and_retrieve_a_card_token(client: StripeClient) -> None:
    token = client.tokens.create(
        card=card(name="Jenny Rosen", address_line1="1 Main St", address_zip="94107", address_country="US")
    )
    assert isinstance(token, Token)
    assert token.id.startswith("tok_")
    assert token.type == "card"
    assert token.livemode is False
    assert isinstance(token.card, Card)
    assert token.card.id.startswith("card_")
    assert (token.card.last4, token.card.exp_month, token.card.exp_year) == ("4242", 12, 2030)
    assert (token.card.brand, token.card.funding, token.card.cvc_check) == ("Visa", "credit", "pass")
    assert (token.card.name, token.card.address_line1, token.card.address_zip) == ("Jenny Rosen", "1 Main St", "94107")
    assert token.card.customer is None

    again = client.tokens.retrieve(token.id)
    assert again == token
    # Lossless: the model gives back exactly what the server sent.
    assert again.to_dict() == client.request("get", f"/v1/tokens/{token.id}")

    # localstripe: leaves out used, client_ip and bank_account on the token (Stripe
    # always sends them), and sends created, livemode and type on the card, which
    # Stripe's card has not. Absent fields stay unset; unknown ones are kept.
    assert getattr(token, "used", None) is None
    with pytest.raises(AttributeError, match=r"Token\.used "):
        _ = token.used
    assert token.card.extra_fields["type"] == "card"
    assert set(token.card.to_dict()) >= {"created", "livemode", "type"}


async def test_create_and_retrieve_a_card_token_async(aclient: AsyncStripeClient) -> None:
    token = await aclient.tokens.create(card=card(exp_month="07", exp_year="31"), expand=["card"])
    assert isinstance(token, Token)
    assert token.card is not None
    # localstripe: turns a two-digit year into 20xx, as Stripe does.
    assert (token.card.exp_month, token.card.exp_year) == (7, 2031)
    again = await aclient.tokens.retrieve(token.id)
    assert again == token
    assert isinstance(again.card, Card)


def test_missing_token_is_not_found(client: StripeClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        client.tokens.retrieve("tok_does_not_exist")
    assert raised.value.http_status == 404


@pytest.mark.parametrize(
    "kind",
    [
        {"bank_account": {"country": "US", "currency": "usd", "routing_number": "110000000", "account_number": "1"}},
        {"pii": {"id_number": "000000000"}},
        {"cvc_update": {"cvc": "123"}},
        {"account": {"business_type": "individual", "individual": {"first_name": "Jenny"}}},
        {"person": {"first_name": "Jenny", "relationship": {"owner": True}}},
    ],
    ids=["bank_account", "pii", "cvc_update", "account", "person"],
)
def test_only_card_tokens_in_localstripe(client: StripeClient, kind: dict[str, Any]) -> None:
    # localstripe: knows card tokens only and rejects every other kind; Stripe
    # tokenizes all of them. The SDK sends them as Stripe expects (tests/cases/tokens.py).
    (name,) = kind
    with pytest.raises(InvalidRequestError, match=f"Unexpected {name}"):
        client.tokens.create(**kind)


def test_card_id_with_customer_is_rejected_by_localstripe(client: StripeClient) -> None:
    customer = create_customer(client)
    saved = attach(client, customer, client.tokens.create(card=card()).id)
    # localstripe: takes card only as a hash; Stripe also takes the ID of a saved
    # card with customer= (to share a platform customer's card with a connected account).
    with pytest.raises(InvalidRequestError, match="Bad request"):
        client.tokens.create(card=saved.id, customer=customer)


# -- using tokens -----------------------------------------------------------------


def test_declined_card_tokenizes_but_does_not_attach(client: StripeClient) -> None:
    # As with Stripe: tokenizing checks nothing with the bank; attaching does.
    customer = create_customer(client)
    token = client.tokens.create(card=card(DECLINED_ALWAYS))
    assert token.card is not None
    assert token.card.last4 == "0002"
    with pytest.raises(CardError) as raised:
        attach(client, customer, token.id)
    assert raised.value.code == "card_declined"


def test_a_token_is_single_use_only_in_stripe(client: StripeClient) -> None:
    customer = create_customer(client)
    token = client.tokens.create(card=card())
    first = attach(client, customer, token.id)
    # localstripe: lets a token be used again and gives back the same card; Stripe
    # rejects the second use (invalid_request_error) and reports used=true.
    second = attach(client, customer, token.id)
    assert second.id == first.id
    assert getattr(client.tokens.retrieve(token.id), "used", None) is None


# -- "listing" tokens ----------------------------------------------------------------
#
# Stripe has no endpoint that lists tokens: a token is consumed by the call that
# uses it, and what stays is the object made from it (a Customer's card, an
# external account, an Account's details). So TokensService has no list method.
# What can be listed is the cards made from tokens, here a Customer's sources.
# Stripe pages that list with limit and starting_after; this version has no
# service for customer sources and no pager for raw paths (request() fetches one
# response), so there is no SDK paging to test here.


def test_tokens_have_no_list(client: StripeClient) -> None:
    assert not hasattr(client.tokens, "list")
    created = [client.tokens.create(card=card()).id for _ in range(3)]
    # localstripe: serves GET /v1/tokens anyway (it gives every resource a list
    # route), with limit and cursors; Stripe answers 404 for it.
    page: dict[str, Any] = client.request("get", "/v1/tokens", params={"limit": 2})
    assert [item["id"] for item in page["data"]] == created[:2]
    assert page["has_more"] is True


def test_cards_made_from_tokens_list_as_customer_sources(client: StripeClient) -> None:
    customer = create_customer(client)
    tokens = [client.tokens.create(card=card(name=f"Card {i}")) for i in range(3)]
    cards = [attach(client, customer, token.id) for token in tokens]
    assert [c.id for c in cards] == [t.card.id for t in tokens if t.card is not None]
    assert all(c.customer == customer for c in cards)

    sources = client.request("get", f"/v1/customers/{customer}/sources", cast_to=StripeList[Card])
    assert isinstance(sources, StripeList)
    assert all(isinstance(c, Card) for c in sources.data)
    assert [c.id for c in sources.data] == [c.id for c in cards]
    assert [c.name for c in sources.data] == ["Card 0", "Card 1", "Card 2"]
    assert sources.has_more is False

    # localstripe: the sources list takes no limit or cursor at all; Stripe pages it.
    with pytest.raises(InvalidRequestError, match="Unexpected limit"):
        client.request("get", f"/v1/customers/{customer}/sources", params={"limit": 2})


# -- ConfirmationTokens -------------------------------------------------------------


def test_confirmation_tokens_are_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: has no ConfirmationTokens (Stripe.js creates them, and its
    # localstripe-v3.js does not); the route is unknown, so the 404 body is not a
    # Stripe error and the SDK raises the generic APIError. Stripe would answer a
    # missing id with a NotFoundError (resource_missing).
    with pytest.raises(APIError) as raised:
        client.confirmation_tokens.retrieve("ctoken_does_not_exist")
    assert raised.value.http_status == 404
    assert not isinstance(raised.value, NotFoundError)
