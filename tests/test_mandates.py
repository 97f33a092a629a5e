"""Mandates and Payment Attempt Records (docs/mandates.md): what is particular to these two read-only resources.

What every operation sends and decodes is covered from the spec in test_services.py.
"""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    CardMandatePaymentMethodDetails,
    CustomerAcceptance,
    Mandate,
    MandateAcssDebit,
    MandateBacsDebit,
    MandatePaymentMethodDetails,
    MandatePaypal,
    MandateSepaDebit,
    MandateUsBankAccount,
    OnlineAcceptance,
    PaymentAttemptRecord,
    PaymentMethod,
    PaymentMethodDetailsPaymentRecordUsBankAccount,
    PaymentsPrimitivesPaymentRecordsResourceAmount,
    PaymentsPrimitivesPaymentRecordsResourceBillingDetails,
    PaymentsPrimitivesPaymentRecordsResourcePaymentMethodCardDetails,
    PaymentsPrimitivesPaymentRecordsResourcePaymentMethodCardDetailsResourceThreeDSecure,
    StripeObject,
)

from .payload_files import listing, payload

MANDATE = payload("mandate")
RECORD = payload("payment_attempt_record")


# -- Mandates ------------------------------------------------------------------


def test_mandate_expanded_payment_method() -> None:
    mandate = Mandate.from_dict({**MANDATE, "payment_method": payload("payment_method")})
    assert type(mandate.payment_method) is PaymentMethod
    plain = Mandate.from_dict(MANDATE)
    assert plain.payment_method == "pm_1QzS1zHk2LmR4vXySepa9KdL"
    assert type(plain.payment_method_details) is MandatePaymentMethodDetails
    assert type(plain.payment_method_details.sepa_debit) is MandateSepaDebit
    assert plain.payment_method_details.sepa_debit.extra_fields == {"future_hint": "pre_notification_v2"}
    assert type(plain.customer_acceptance) is CustomerAcceptance
    assert type(plain.customer_acceptance.online) is OnlineAcceptance
    assert plain.customer_acceptance.online.ip_address == "203.0.113.42"


@pytest.mark.parametrize(
    ("details", "field", "model"),
    [
        (
            {
                "type": "acss_debit",
                "acss_debit": {
                    "default_for": ["invoice"],
                    "interval_description": "First of the month",
                    "payment_schedule": "interval",
                    "transaction_type": "personal",
                },
            },
            "acss_debit",
            MandateAcssDebit,
        ),
        (
            {
                "type": "bacs_debit",
                "bacs_debit": {
                    "display_name": "EXAMPLE LTD",
                    "network_status": "accepted",
                    "reference": "EXAMPLE-7QX2",
                    "revocation_reason": None,
                    "service_user_number": "123456",
                    "url": "https://payments.stripe.com/bacs_debit/mandate/x",
                },
            },
            "bacs_debit",
            MandateBacsDebit,
        ),
        (
            {"type": "us_bank_account", "us_bank_account": {"collection_method": "paper"}},
            "us_bank_account",
            MandateUsBankAccount,
        ),
        (
            {"type": "paypal", "paypal": {"billing_agreement_id": "B-7XK29", "payer_id": "QXLP7"}},
            "paypal",
            MandatePaypal,
        ),
    ],
)
def test_mandate_payment_method_details(details: dict[str, Any], field: str, model: type[StripeObject]) -> None:
    mandate = Mandate.from_dict({**MANDATE, "payment_method_details": details})
    value = getattr(mandate.payment_method_details, field)
    assert type(value) is model
    assert value.extra_fields == {}  # every key of these hashes is declared
    assert mandate.to_dict()["payment_method_details"] == details


def test_mandate_card_details_keep_what_the_pinned_version_lacks() -> None:
    # The card hash's "india" (e-mandates) is not in the pinned version: kept, in extra_fields.
    details = {"type": "card", "card": {"india": {"inactive_reason": None}}}
    card = Mandate.from_dict({**MANDATE, "payment_method_details": details})
    assert type(card.payment_method_details.card) is CardMandatePaymentMethodDetails
    assert card.payment_method_details.card.extra_fields == {"india": {"inactive_reason": None}}
    assert card.to_dict()["payment_method_details"] == details


# -- Payment Attempt Records ------------------------------------------------------


def test_attempt_records_list_needs_a_record_and_pages_forwards_only(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.route().respond(json=listing(RECORD))
    with pytest.raises(TypeError, match="payment_record"):
        client.payment_attempt_records.list()  # type: ignore[call-arg]
    assert route.call_count == 0
    # Stripe documents no ending_before for this list.
    assert "ending_before" not in inspect.signature(client.payment_attempt_records.list).parameters
    assert "starting_after" in inspect.signature(client.payment_attempt_records.list).parameters
    assert "ending_before" in inspect.signature(client.financial_connections.accounts.list).parameters


def test_attempt_record_amounts_share_one_model() -> None:
    record = PaymentAttemptRecord.from_dict(RECORD)
    amounts = [
        getattr(record, f"amount{suffix}")
        for suffix in ("", "_authorized", "_canceled", "_failed", "_guaranteed", "_refunded", "_requested")
    ]
    assert {type(a) for a in amounts} == {PaymentsPrimitivesPaymentRecordsResourceAmount}
    assert (record.amount_refunded.value, record.amount_refunded.currency) == (1000, "eur")
    details = record.payment_method_details
    assert details is not None
    assert type(details.card) is PaymentsPrimitivesPaymentRecordsResourcePaymentMethodCardDetails
    assert type(details.billing_details) is PaymentsPrimitivesPaymentRecordsResourceBillingDetails
    three_d_secure = details.card.three_d_secure
    assert type(three_d_secure) is PaymentsPrimitivesPaymentRecordsResourcePaymentMethodCardDetailsResourceThreeDSecure
    assert three_d_secure.result == "authenticated"
    assert record.to_dict() == RECORD


def test_attempt_record_us_bank_account_mandate_expands() -> None:
    bank = {
        "account_holder_type": "individual",
        "account_type": "checking",
        "bank_name": "STRIPE TEST BANK",
        "expected_debit_date": "2025-01-17",
        "fingerprint": "J2kd8fLq0sN3xYzA",
        "last4": "6789",
        "mandate": MANDATE,
        "payment_reference": None,
        "routing_number": "110000000",
    }
    details = {"type": "us_bank_account", "us_bank_account": bank, "payment_method": "pm_1", "billing_details": None}
    record = PaymentAttemptRecord.from_dict({**RECORD, "payment_method_details": details})
    assert record.payment_method_details is not None
    assert type(record.payment_method_details.us_bank_account) is PaymentMethodDetailsPaymentRecordUsBankAccount
    assert type(record.payment_method_details.us_bank_account.mandate) is Mandate
    assert record.payment_method_details.billing_details is None
    assert record.to_dict()["payment_method_details"] == details
    unexpanded = PaymentAttemptRecord.from_dict(
        {**RECORD, "payment_method_details": {**details, "us_bank_account": {**bank, "mandate": MANDATE["id"]}}}
    )
    assert unexpanded.payment_method_details is not None
    assert unexpanded.payment_method_details.us_bank_account is not None
    assert unexpanded.payment_method_details.us_bank_account.mandate == MANDATE["id"]


async def test_async_list_walks_every_page(aclient: stripe_lite.AsyncStripeClient, mock_api: respx.MockRouter) -> None:
    second = {**RECORD, "id": "par_2"}
    url = "/v1/payment_attempt_records"
    route = mock_api.get(url).mock(
        side_effect=[
            httpx.Response(200, json=listing(RECORD, url=url, has_more=True)),
            httpx.Response(200, json=listing(second, url=url)),
        ]
    )
    records = [r async for r in aclient.payment_attempt_records.list(payment_record="pr_1", limit=1)]
    assert [r.id for r in records] == [RECORD["id"], "par_2"]
    assert {type(r) for r in records} == {PaymentAttemptRecord}
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"payment_record": "pr_1", "limit": "1"},
        {"payment_record": "pr_1", "limit": "1", "starting_after": RECORD["id"]},
    ]
