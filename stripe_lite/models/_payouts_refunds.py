"""Payouts and refunds.

Typed loosely (``dict[str, Any]``; every key is kept as sent): the hashes of
``RefundDestinationDetails`` that Stripe documents as empty (``affirm``,
``alipay``, ``alma``, ``amazon_pay``, ``au_bank_transfer``, ``cashapp``,
``customer_cash_balance``, ``eps``, ``giropay``, ``grabpay``,
``nz_bank_transfer``, ``paynow``, ``pix``, ``revolut``, ``scalapay``,
``sofort``, ``twint``, ``wechat_pay``, ``zip``) and ``crypto`` (a lone
``reference``). The others share two small models: ``card`` has its own, the
rest hold a network reference.

Balance transactions, charges, customers, application fees and transfer
reversals are not modelled yet: those fields are ``str | StripeObject``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._base import StripeObject, stripe_model
from ._shared import PaymentMethod

if TYPE_CHECKING:
    from ._payment_intents import PaymentIntent
    from ._tokens import BankAccount, Card

__all__ = [
    "Payout",
    "PayoutTraceId",
    "Refund",
    "RefundDestinationDetails",
    "RefundDestinationDetailsCard",
    "RefundDestinationDetailsNetworkReference",
    "RefundDestinationDetailsReference",
    "RefundNextAction",
    "RefundNextActionDisplayDetails",
    "RefundNextActionDisplayDetailsEmailSent",
    "RefundPresentmentDetails",
]

_ReferenceStatus = Literal["available", "pending", "unavailable"]


@stripe_model
class Payout(StripeObject):
    """A payout of funds from your Stripe balance to a bank account or debit card."""

    id: str
    object: Literal["payout"]
    amount: int
    application_fee: str | StripeObject | None
    application_fee_amount: int | None
    arrival_date: int
    automatic: bool
    balance_transaction: str | StripeObject | None
    created: int
    currency: str
    description: str | None
    destination: str | BankAccount | Card | StripeObject | None
    failure_balance_transaction: str | StripeObject | None
    failure_code: str | None
    failure_message: str | None
    livemode: bool
    metadata: dict[str, str] | None
    method: Literal["instant", "standard"] | str
    original_payout: str | Payout | None
    payout_method: str | None
    reconciliation_status: Literal["completed", "in_progress", "not_applicable"] | str
    reversed_by: str | Payout | None
    source_type: Literal["bank_account", "card", "fpx"] | str
    statement_descriptor: str | None
    status: Literal["canceled", "failed", "in_transit", "paid", "pending"] | str
    trace_id: PayoutTraceId | None
    type: Literal["bank_account", "card"] | str


@stripe_model
class PayoutTraceId(StripeObject):
    """The reference the receiving bank gives the payout, to trace it with them."""

    status: Literal["pending", "supported", "unsupported"] | str
    value: str | None


@stripe_model
class Refund(StripeObject):
    """A refund of a charge or PaymentIntent."""

    id: str
    object: Literal["refund"]
    amount: int
    balance_transaction: str | StripeObject | None
    charge: str | StripeObject | None
    created: int
    currency: str
    customer: str | StripeObject | None
    customer_account: str | None
    description: str | None
    destination_details: RefundDestinationDetails | None
    failure_balance_transaction: str | StripeObject | None
    failure_reason: (
        Literal[
            "charge_for_pending_refund_disputed",
            "declined",
            "expired_or_canceled_card",
            "insufficient_funds",
            "lost_or_stolen_card",
            "merchant_request",
            "unknown",
        ]
        | str
        | None
    )
    instructions_email: str | None
    metadata: dict[str, str] | None
    next_action: RefundNextAction | None
    payment_intent: str | PaymentIntent | None
    payment_method: str | PaymentMethod | None
    pending_reason: Literal["charge_pending", "insufficient_funds", "processing"] | str | None
    presentment_details: RefundPresentmentDetails | None
    reason: Literal["duplicate", "expired_uncaptured_charge", "fraudulent", "requested_by_customer"] | str | None
    receipt_number: str | None
    source_transfer_reversal: str | StripeObject | None
    status: Literal["canceled", "failed", "pending", "requires_action", "succeeded"] | str | None
    transfer_reversal: str | StripeObject | None


@stripe_model(sparse=True)
class RefundDestinationDetails(StripeObject):
    """Where the refunded money goes, with a hash named after ``type`` holding the details."""

    affirm: dict[str, Any] | None
    afterpay_clearpay: RefundDestinationDetailsReference | None
    alipay: dict[str, Any] | None
    alma: dict[str, Any] | None
    amazon_pay: dict[str, Any] | None
    au_bank_transfer: dict[str, Any] | None
    blik: RefundDestinationDetailsNetworkReference | None
    br_bank_transfer: RefundDestinationDetailsReference | None
    card: RefundDestinationDetailsCard | None
    cashapp: dict[str, Any] | None
    crypto: dict[str, Any] | None
    customer_cash_balance: dict[str, Any] | None
    eps: dict[str, Any] | None
    eu_bank_transfer: RefundDestinationDetailsReference | None
    gb_bank_transfer: RefundDestinationDetailsReference | None
    giropay: dict[str, Any] | None
    grabpay: dict[str, Any] | None
    jp_bank_transfer: RefundDestinationDetailsReference | None
    klarna: RefundDestinationDetailsReference | None
    mb_way: RefundDestinationDetailsReference | None
    multibanco: RefundDestinationDetailsReference | None
    mx_bank_transfer: RefundDestinationDetailsReference | None
    nz_bank_transfer: dict[str, Any] | None
    p24: RefundDestinationDetailsReference | None
    paynow: dict[str, Any] | None
    paypal: RefundDestinationDetailsNetworkReference | None
    pix: dict[str, Any] | None
    revolut: dict[str, Any] | None
    scalapay: dict[str, Any] | None
    sofort: dict[str, Any] | None
    swish: RefundDestinationDetailsNetworkReference | None
    th_bank_transfer: RefundDestinationDetailsReference | None
    twint: dict[str, Any] | None
    type: str
    us_bank_transfer: RefundDestinationDetailsReference | None
    wechat_pay: dict[str, Any] | None
    zip: dict[str, Any] | None


@stripe_model
class RefundDestinationDetailsCard(StripeObject):
    """A refund to a card: how it reaches the cardholder and its network reference."""

    reference: str | None
    reference_status: _ReferenceStatus | str | None
    reference_type: str | None
    type: Literal["pending", "refund", "reversal"] | str


@stripe_model
class RefundDestinationDetailsNetworkReference(StripeObject):
    """A refund's reference on the payment method's network, and the code if the network declined it."""

    network_decline_code: str | None
    reference: str | None
    reference_status: _ReferenceStatus | str | None


@stripe_model
class RefundDestinationDetailsReference(StripeObject):
    """A refund's reference on the payment method's network (bank transfers, Klarna, Multibanco, ...)."""

    reference: str | None
    reference_status: _ReferenceStatus | str | None


@stripe_model
class RefundNextAction(StripeObject):
    """What must happen for the refund to go through (status requires_action)."""

    display_details: RefundNextActionDisplayDetails | None
    type: str


@stripe_model
class RefundNextActionDisplayDetails(StripeObject):
    """Refund instructions emailed to the customer, and when they expire."""

    email_sent: RefundNextActionDisplayDetailsEmailSent
    expires_at: int


@stripe_model
class RefundNextActionDisplayDetailsEmailSent(StripeObject):
    """When and to whom the refund instructions were emailed."""

    email_sent_at: int
    email_sent_to: str


@stripe_model
class RefundPresentmentDetails(StripeObject):
    """The refund in the currency the customer paid in."""

    presentment_amount: int
    presentment_currency: str
