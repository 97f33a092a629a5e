"""Tokens and ConfirmationTokens (docs/tokens.md), with the Card and BankAccount they hold.

What every operation sends and decodes is covered from the spec in test_services.py;
here, what is particular to this area.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx
import typing_extensions

import stripe_lite
from stripe_lite import params
from stripe_lite.models import (
    AccountRequirementsError,
    Address,
    BankAccount,
    BillingDetails,
    Card,
    ConfirmationToken,
    ConfirmationTokensResourceMandateDataResourceCustomerAcceptanceResourceOnline,
    ConfirmationTokensResourcePaymentMethodPreview,
    ConfirmationTokensResourceShipping,
    Customer,
    ExternalAccountRequirements,
    PaymentFlowsPrivatePaymentMethodsKlarnaDob,
    PaymentIntent,
    PaymentMethodCard,
    PaymentMethodDetailsCardInstallmentsPlan,
    PaymentMethodKlarna,
    PaymentMethodUsBankAccount,
    StripeObject,
    Token,
    TokenCardNetworks,
    construct,
)

from .payload_files import payload

TOKEN = payload("token")
BANK_TOKEN = payload("token_bank_account")
CTOKEN = payload("confirmation_token")


def _form(request: httpx.Request) -> list[tuple[str, str]]:
    return parse_qsl(request.content.decode(), keep_blank_values=True)


# -- parameters --------------------------------------------------------------------


def test_card_takes_a_hash_or_an_id(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/tokens").respond(json=TOKEN)
    # The pinned spec types a token card's expiry as strings; the wire is the same either way.
    client.tokens.create(card={"number": "4242424242424242", "exp_month": "12", "exp_year": "2030", "cvc": "123"})
    assert sorted(_form(route.calls.last.request)) == [
        ("card[cvc]", "123"),
        ("card[exp_month]", "12"),
        ("card[exp_year]", "2030"),
        ("card[number]", "4242424242424242"),
    ]
    # A saved card of a platform Customer, tokenized again for a connected account.
    client.tokens.create(card="card_1RbW4sHk2LmR4vXyQh3N9pLw", customer="cus_1", stripe_account="acct_1")
    request = route.calls.last.request
    assert sorted(_form(request)) == [("card", "card_1RbW4sHk2LmR4vXyQh3N9pLw"), ("customer", "cus_1")]
    assert request.headers["Stripe-Account"] == "acct_1"


def _hints(typed_dict: Any) -> dict[str, Any]:
    return typing_extensions.get_type_hints(typed_dict, include_extras=True)


def _required_keys(typed_dict: Any) -> set[str]:
    required: object = typing_extensions.Required
    return {name for name, hint in _hints(typed_dict).items() if typing_extensions.get_origin(hint) is required}


def test_required_keys_of_the_nested_hashes() -> None:
    # TypedDicts check nothing at run time; their required keys are what mypy enforces.
    assert _required_keys(params.TokensCardParam) == {"number", "exp_month", "exp_year"}
    assert _required_keys(params.TokensBankAccountParam) == {"account_number", "country"}
    assert _required_keys(params.CvcUpdateParam) == {"cvc"}
    # A person's date of birth: a hash of three required keys, or "" to unset it.
    dob_hint = _hints(params.PersonParam)["dob"]
    (dob,) = [arg for arg in typing_extensions.get_args(dob_hint) if typing_extensions.is_typeddict(arg)]
    assert _required_keys(dob) == {"day", "month", "year"}
    assert typing_extensions.Literal[""] in typing_extensions.get_args(dob_hint)
    for optional_only in (params.PiiParam, params.AccountParam, params.PersonParam):
        assert _required_keys(optional_only) == set()


def test_retrieve_requires_the_token_id(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json=TOKEN)
    with pytest.raises(TypeError, match="token"):
        client.tokens.retrieve()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="confirmation_token"):
        client.confirmation_tokens.retrieve()  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="token"):
        client.tokens.retrieve("")
    assert route.call_count == 0


def test_ids_are_escaped_in_the_path(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(path__regex=r"^/v1/confirmation_tokens/.+").respond(json=CTOKEN)
    client.confirmation_tokens.retrieve("ctoken_1/../x")
    assert route.calls.last.request.url.raw_path.decode() == "/v1/confirmation_tokens/ctoken_1%2F..%2Fx"


def test_unsetting_a_date_of_birth_sends_an_empty_string(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.post("/v1/tokens").respond(json={**TOKEN, "type": "person", "card": None})
    token = client.tokens.create(person={"dob": "", "full_name_aliases": "", "relationship": {"percent_ownership": ""}})
    assert sorted(_form(route.calls.last.request)) == [
        ("person[dob]", ""),
        ("person[full_name_aliases]", ""),
        ("person[relationship][percent_ownership]", ""),
    ]
    assert token.type == "person"
    assert token.card is None


# -- models ----------------------------------------------------------------------


def test_card_token_holds_a_card() -> None:
    token = Token.from_dict(TOKEN)
    assert (token.type, token.used, token.bank_account) == ("card", False, None)
    card = token.card
    assert type(card) is Card
    assert (card.brand, card.last4, card.exp_month, card.exp_year) == ("Visa", "4242", 11, 2029)
    assert card.address_line1_check == "pass"
    assert type(card.networks) is TokenCardNetworks
    assert card.networks.preferred == "visa"
    assert card.available_payout_methods == ["standard", "instant"]
    assert card.extra_fields["issuer_bin_range"] == {"low": "424242000", "high": "424242999"}  # unknown, kept
    assert token.to_dict() == TOKEN


def test_bank_account_token_holds_a_bank_account() -> None:
    token = construct(copy.deepcopy(BANK_TOKEN))
    assert type(token) is Token
    assert token.card is None
    account = token.bank_account
    assert type(account) is BankAccount
    assert (account.country, account.currency, account.last4, account.status) == ("US", "usd", "6789", "new")
    assert type(account.requirements) is ExternalAccountRequirements
    assert account.requirements.errors == []


def test_bank_account_requirement_errors_are_typed() -> None:
    account = BankAccount.from_dict(payload("bank_account"))
    assert type(account.future_requirements) is ExternalAccountRequirements
    (error,) = account.future_requirements.errors or []
    assert type(error) is AccountRequirementsError
    assert error.code == "verification_failed_name_match"
    assert error.requirement == "external_account.account_holder_name"
    assert account.account == "acct_1RbWz9Qw3ErT5yUi"
    assert account.routing_number is None


def test_expanded_customer_of_a_card_is_an_object() -> None:
    data = copy.deepcopy(TOKEN)
    data["card"]["customer"] = {"id": "cus_RkQ7wZp3Tn8vLb", "object": "customer", "email": "ines@example.pt"}
    token = Token.from_dict(data)
    assert token.card is not None
    # Customers are modelled now (an UnknownObject before).
    assert type(token.card.customer) is Customer
    assert token.card.customer.email == "ines@example.pt"
    assert token.to_dict() == data
    assert Card.from_dict(payload("card")).customer == "cus_RkQ7wZp3Tn8vLb"


def test_unseen_enum_values_survive() -> None:
    data = {**payload("card"), "brand": "Girocard Plus", "tokenization_method": "samsung_pay", "status": "blocked"}
    card = Card.from_dict(data)
    assert (card.brand, card.tokenization_method, card.status) == ("Girocard Plus", "samsung_pay", "blocked")
    assert card.to_dict() == data


def test_confirmation_token_preview_reuses_the_payment_method_models() -> None:
    ctoken = ConfirmationToken.from_dict(CTOKEN)
    preview = ctoken.payment_method_preview
    assert type(preview) is ConfirmationTokensResourcePaymentMethodPreview
    assert preview.type == "card"
    assert type(preview.billing_details) is BillingDetails
    assert preview.billing_details.name == "Sofía Garza"
    assert type(preview.card) is PaymentMethodCard
    assert (preview.card.brand, preview.card.last4) == ("visa", "0002")
    assert preview.customer == "cus_RkQ7wZp3Tn8vLb"
    assert ctoken.payment_method_options is not None
    assert ctoken.payment_method_options.card is not None
    installments = ctoken.payment_method_options.card.installments
    assert installments is not None
    assert type(installments.plan) is PaymentMethodDetailsCardInstallmentsPlan
    assert (installments.plan.count, installments.plan.interval, installments.plan.type) == (6, "month", "fixed_count")
    assert ctoken.mandate_data is not None
    online = ctoken.mandate_data.customer_acceptance.online
    assert type(online) is ConfirmationTokensResourceMandateDataResourceCustomerAcceptanceResourceOnline
    assert online.ip_address == "203.0.113.42"
    assert type(ctoken.shipping) is ConfirmationTokensResourceShipping
    assert type(ctoken.shipping.address) is Address
    assert ctoken.shipping.address.line2 is None
    assert ctoken.payment_intent is None


@pytest.mark.parametrize(
    ("kind", "details", "model"),
    [
        # Klarna's hash was kept as a plain dict by the old models; it is typed now.
        ("klarna", {"dob": {"day": 2, "month": 3, "year": 1990}}, PaymentMethodKlarna),
        (
            "us_bank_account",
            {
                "account_holder_type": "individual",
                "account_type": "checking",
                "bank_name": "STRIPE TEST BANK",
                "financial_connections_account": None,
                "fingerprint": "k2mD8sQe",
                "last4": "6789",
                "networks": {"preferred": "ach", "supported": ["ach"]},
                "routing_number": "110000000",
                "status_details": None,
            },
            PaymentMethodUsBankAccount,
        ),
    ],
)
def test_confirmation_token_preview_of_other_types(
    kind: str, details: dict[str, Any], model: type[StripeObject]
) -> None:
    data = {"billing_details": CTOKEN["payment_method_preview"]["billing_details"], "type": kind, kind: details}
    preview = ConfirmationTokensResourcePaymentMethodPreview.from_dict(data)
    value = getattr(preview, kind)
    assert type(value) is model
    assert value.extra_fields == {}
    assert preview.to_dict() == data
    with pytest.raises(AttributeError, match="card"):
        _ = preview.card


def test_klarna_preview_date_of_birth_is_typed() -> None:
    data = {"type": "klarna", "klarna": {"dob": {"day": 2, "month": 3, "year": 1990}}}
    preview = ConfirmationTokensResourcePaymentMethodPreview.from_dict(data)
    assert preview.klarna is not None
    assert type(preview.klarna.dob) is PaymentFlowsPrivatePaymentMethodsKlarnaDob
    assert (preview.klarna.dob.day, preview.klarna.dob.month, preview.klarna.dob.year) == (2, 3, 1990)


def test_confirmation_token_then_confirm(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    # The documented flow: look at what Stripe.js collected, then confirm with it.
    mock_api.get("/v1/confirmation_tokens/ctoken_1RbY2cHk2LmR4vXyWq5Ze1Nd").respond(json=CTOKEN)
    confirm = mock_api.post("/v1/payment_intents/pi_1/confirm").respond(json=payload("payment_intent"))
    ctoken = client.confirmation_tokens.retrieve("ctoken_1RbY2cHk2LmR4vXyWq5Ze1Nd")
    assert type(ctoken) is ConfirmationToken
    assert ctoken.payment_method_preview is not None
    assert ctoken.payment_method_preview.card is not None
    assert ctoken.payment_method_preview.card.funding == "credit"
    intent = client.payment_intents.confirm("pi_1", confirmation_token=ctoken.id)
    assert type(intent) is PaymentIntent
    assert _form(confirm.calls.last.request) == [("confirmation_token", ctoken.id)]


async def test_async_create_and_retrieve(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    create = mock_api.post("/v1/tokens").respond(json=BANK_TOKEN)
    mock_api.get(f"/v1/tokens/{BANK_TOKEN['id']}").respond(json=BANK_TOKEN)
    token = await aclient.tokens.create(bank_account={"country": "US", "account_number": "000123456789"})
    assert sorted(_form(create.calls.last.request)) == [
        ("bank_account[account_number]", "000123456789"),
        ("bank_account[country]", "US"),
    ]
    again = await aclient.tokens.retrieve(token.id)
    assert again == token
    assert type(again.bank_account) is BankAccount
