"""Mandates and payment attempt records.

Typed loosely (``dict[str, Any]``; every key is kept as sent):

* ``MandatePaymentMethodDetails``: every payment method except ``acss_debit``,
  ``au_becs_debit``, ``bacs_debit``, ``card``, ``sepa_debit`` and
  ``us_bank_account`` (most of the others are empty hashes).
* ``PaymentAttemptRecordPaymentMethodDetails``: every payment method except
  ``card``, ``custom``, ``sepa_debit`` and ``us_bank_account`` (about sixty
  per-method hashes); ``billing_details``, ``payment_method`` and ``type`` are typed.
* ``PaymentAttemptRecordPaymentMethodDetailsCardWallet``: the per-wallet hashes
  ``apple_pay``, ``google_pay`` and ``link``; ``type`` and ``dynamic_last4`` are typed.
"""

from __future__ import annotations

from typing import Any, Literal

from ._base import StripeObject, stripe_model
from ._shared import Address, BillingDetails, PaymentMethod, _CardNetwork, _CheckResult, _PaymentMethodType

__all__ = [
    "Mandate",
    "MandateCustomerAcceptance",
    "MandateCustomerAcceptanceOffline",
    "MandateCustomerAcceptanceOnline",
    "MandateMultiUse",
    "MandatePaymentMethodDetails",
    "MandatePaymentMethodDetailsAcssDebit",
    "MandatePaymentMethodDetailsAuBecsDebit",
    "MandatePaymentMethodDetailsBacsDebit",
    "MandatePaymentMethodDetailsCard",
    "MandatePaymentMethodDetailsCardIndia",
    "MandatePaymentMethodDetailsSepaDebit",
    "MandatePaymentMethodDetailsUsBankAccount",
    "MandateSingleUse",
    "PaymentAttemptRecord",
    "PaymentAttemptRecordAmount",
    "PaymentAttemptRecordCustomerDetails",
    "PaymentAttemptRecordPaymentMethodDetails",
    "PaymentAttemptRecordPaymentMethodDetailsCard",
    "PaymentAttemptRecordPaymentMethodDetailsCardChecks",
    "PaymentAttemptRecordPaymentMethodDetailsCardInstallments",
    "PaymentAttemptRecordPaymentMethodDetailsCardInstallmentsPlan",
    "PaymentAttemptRecordPaymentMethodDetailsCardNetworkToken",
    "PaymentAttemptRecordPaymentMethodDetailsCardThreeDSecure",
    "PaymentAttemptRecordPaymentMethodDetailsCardWallet",
    "PaymentAttemptRecordPaymentMethodDetailsCustom",
    "PaymentAttemptRecordPaymentMethodDetailsSepaDebit",
    "PaymentAttemptRecordPaymentMethodDetailsUsBankAccount",
    "PaymentAttemptRecordProcessorDetails",
    "PaymentAttemptRecordProcessorDetailsCustom",
    "PaymentAttemptRecordShippingDetails",
]


# -- Mandate -------------------------------------------------------------------


@stripe_model
class Mandate(StripeObject):
    """A Mandate: a customer's permission to debit their payment method."""

    id: str
    object: Literal["mandate"]
    customer_acceptance: MandateCustomerAcceptance
    livemode: bool
    multi_use: MandateMultiUse | None
    on_behalf_of: str | None
    payment_method: str | PaymentMethod
    payment_method_details: MandatePaymentMethodDetails
    single_use: MandateSingleUse | None
    status: Literal["active", "inactive", "pending"] | str
    type: Literal["multi_use", "single_use"] | str


@stripe_model
class MandateCustomerAcceptance(StripeObject):
    """How and when the customer accepted the mandate."""

    accepted_at: int | None
    offline: MandateCustomerAcceptanceOffline | None
    online: MandateCustomerAcceptanceOnline | None
    type: Literal["offline", "online"] | str


@stripe_model
class MandateCustomerAcceptanceOffline(StripeObject):
    """Marks an acceptance given offline (on paper, in person); it has no fields."""


@stripe_model
class MandateCustomerAcceptanceOnline(StripeObject):
    """The browser the customer accepted the mandate from."""

    ip_address: str | None
    user_agent: str | None


@stripe_model
class MandateMultiUse(StripeObject):
    """The limits of a mandate that covers many payments."""

    amount: int | None
    currency: str | None


@stripe_model
class MandateSingleUse(StripeObject):
    """The one payment a single-use mandate covers."""

    amount: int
    currency: str


@stripe_model(sparse=True)
class MandatePaymentMethodDetails(StripeObject):
    """Mandate details specific to the payment method; the hash named by ``type`` is set."""

    acss_debit: MandatePaymentMethodDetailsAcssDebit
    amazon_pay: dict[str, Any]
    au_becs_debit: MandatePaymentMethodDetailsAuBecsDebit
    bacs_debit: MandatePaymentMethodDetailsBacsDebit
    blik: dict[str, Any]
    card: MandatePaymentMethodDetailsCard
    cashapp: dict[str, Any]
    kakao_pay: dict[str, Any]
    klarna: dict[str, Any]
    kr_card: dict[str, Any]
    link: dict[str, Any]
    naver_pay: dict[str, Any]
    nz_bank_account: dict[str, Any]
    paypal: dict[str, Any]
    payto: dict[str, Any]
    pix: dict[str, Any]
    revolut_pay: dict[str, Any]
    sepa_debit: MandatePaymentMethodDetailsSepaDebit
    twint: dict[str, Any]
    type: _PaymentMethodType | str
    upi: dict[str, Any]
    us_bank_account: MandatePaymentMethodDetailsUsBankAccount


@stripe_model
class MandatePaymentMethodDetailsAcssDebit(StripeObject):
    """The terms of a Canadian pre-authorized debit mandate."""

    default_for: list[Literal["invoice", "subscription"] | str] | None
    interval_description: str | None
    payment_schedule: Literal["combined", "interval", "sporadic"] | str
    transaction_type: Literal["business", "personal"] | str


@stripe_model
class MandatePaymentMethodDetailsAuBecsDebit(StripeObject):
    """An Australian BECS Direct Debit mandate."""

    url: str


@stripe_model
class MandatePaymentMethodDetailsBacsDebit(StripeObject):
    """A Bacs Direct Debit mandate and its state at the network."""

    display_name: str | None
    network_status: Literal["accepted", "pending", "refused", "revoked"] | str
    reference: str
    revocation_reason: (
        Literal[
            "account_closed",
            "bank_account_restricted",
            "bank_ownership_changed",
            "could_not_process",
            "debit_not_authorized",
        ]
        | str
        | None
    )
    service_user_number: str | None
    url: str


@stripe_model
class MandatePaymentMethodDetailsCard(StripeObject):
    """A card mandate (an e-mandate, for cards issued in India)."""

    india: MandatePaymentMethodDetailsCardIndia | None


@stripe_model
class MandatePaymentMethodDetailsCardIndia(StripeObject):
    """The state of an Indian card e-mandate."""

    inactive_reason: (
        Literal[
            "canceled",
            "card_not_supported",
            "currency_not_supported",
            "expired",
            "issuer_not_supported",
            "processing_error",
            "undetermined",
        ]
        | str
        | None
    )


@stripe_model
class MandatePaymentMethodDetailsSepaDebit(StripeObject):
    """A SEPA Direct Debit mandate."""

    reference: str
    url: str


@stripe_model
class MandatePaymentMethodDetailsUsBankAccount(StripeObject):
    """A mandate to debit a US bank account over ACH."""

    collection_method: Literal["paper"] | str | None


# -- PaymentAttemptRecord ------------------------------------------------------


@stripe_model
class PaymentAttemptRecord(StripeObject):
    """A record of one attempt at a payment made outside Stripe or through it."""

    id: str
    object: Literal["payment_attempt_record"]
    amount: PaymentAttemptRecordAmount
    amount_authorized: PaymentAttemptRecordAmount
    amount_canceled: PaymentAttemptRecordAmount
    amount_failed: PaymentAttemptRecordAmount
    amount_guaranteed: PaymentAttemptRecordAmount
    amount_refunded: PaymentAttemptRecordAmount
    amount_requested: PaymentAttemptRecordAmount
    application: str | None
    created: int
    customer_details: PaymentAttemptRecordCustomerDetails | None
    customer_presence: Literal["off_session", "on_session"] | str | None
    description: str | None
    livemode: bool
    metadata: dict[str, str]
    payment_method_details: PaymentAttemptRecordPaymentMethodDetails | None
    payment_record: str | None
    processor_details: PaymentAttemptRecordProcessorDetails
    reported_by: Literal["self", "stripe"] | str
    shipping_details: PaymentAttemptRecordShippingDetails | None


@stripe_model
class PaymentAttemptRecordAmount(StripeObject):
    """An amount in minor units of a currency (every ``amount_*`` field has this shape)."""

    currency: str
    value: int


@stripe_model
class PaymentAttemptRecordCustomerDetails(StripeObject):
    """The customer who made the payment."""

    customer: str | None
    email: str | None
    name: str | None
    phone: str | None


@stripe_model
class PaymentAttemptRecordProcessorDetails(StripeObject):
    """The processor that handled the payment."""

    custom: PaymentAttemptRecordProcessorDetailsCustom | None
    type: Literal["custom"] | str


@stripe_model
class PaymentAttemptRecordProcessorDetailsCustom(StripeObject):
    """A processor outside Stripe."""

    payment_reference: str | None


@stripe_model
class PaymentAttemptRecordShippingDetails(StripeObject):
    """Where the purchase was shipped."""

    address: Address
    name: str | None
    phone: str | None


@stripe_model(sparse=True)
class PaymentAttemptRecordPaymentMethodDetails(StripeObject):
    """How the attempt was paid; the hash named by ``type`` holds the method's details."""

    ach_credit_transfer: dict[str, Any]
    ach_debit: dict[str, Any]
    acss_debit: dict[str, Any]
    affirm: dict[str, Any]
    afterpay_clearpay: dict[str, Any]
    alipay: dict[str, Any]
    alma: dict[str, Any]
    amazon_pay: dict[str, Any]
    au_becs_debit: dict[str, Any]
    bacs_debit: dict[str, Any]
    bancontact: dict[str, Any]
    billie: dict[str, Any]
    billing_details: BillingDetails | None
    bizum: dict[str, Any]
    blik: dict[str, Any]
    boleto: dict[str, Any]
    card: PaymentAttemptRecordPaymentMethodDetailsCard
    card_present: dict[str, Any]
    cashapp: dict[str, Any]
    crypto: dict[str, Any]
    custom: PaymentAttemptRecordPaymentMethodDetailsCustom
    customer_balance: dict[str, Any]
    eps: dict[str, Any]
    fpx: dict[str, Any]
    giropay: dict[str, Any]
    grabpay: dict[str, Any]
    ideal: dict[str, Any]
    interac_present: dict[str, Any]
    kakao_pay: dict[str, Any]
    klarna: dict[str, Any]
    konbini: dict[str, Any]
    kr_card: dict[str, Any]
    link: dict[str, Any]
    mb_way: dict[str, Any]
    mobilepay: dict[str, Any]
    momo: dict[str, Any]
    multibanco: dict[str, Any]
    naver_pay: dict[str, Any]
    nz_bank_account: dict[str, Any]
    oxxo: dict[str, Any]
    p24: dict[str, Any]
    pay_by_bank: dict[str, Any]
    payco: dict[str, Any]
    payment_method: str | None
    paynow: dict[str, Any]
    paypal: dict[str, Any]
    paypay: dict[str, Any]
    payto: dict[str, Any]
    pix: dict[str, Any]
    promptpay: dict[str, Any]
    revolut_pay: dict[str, Any]
    samsung_pay: dict[str, Any]
    satispay: dict[str, Any]
    scalapay: dict[str, Any]
    sepa_credit_transfer: dict[str, Any]
    sepa_debit: PaymentAttemptRecordPaymentMethodDetailsSepaDebit
    sequra: dict[str, Any]
    sofort: dict[str, Any]
    stripe_account: dict[str, Any]
    sunbit: dict[str, Any]
    swish: dict[str, Any]
    twint: dict[str, Any]
    type: _PaymentMethodType | str
    upi: dict[str, Any]
    us_bank_account: PaymentAttemptRecordPaymentMethodDetailsUsBankAccount
    wechat: dict[str, Any]
    wechat_pay: dict[str, Any]
    zip: dict[str, Any]


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCard(StripeObject):
    """The card the attempt was paid with, and the checks and authentication it went through."""

    authorization_code: str | None
    brand: _CardNetwork | str | None
    capture_before: int | None
    checks: PaymentAttemptRecordPaymentMethodDetailsCardChecks | None
    country: str | None
    description: str | None
    exp_month: int | None
    exp_year: int | None
    fingerprint: str | None
    funding: Literal["credit", "debit", "prepaid", "unknown"] | str | None
    iin: str | None
    installments: PaymentAttemptRecordPaymentMethodDetailsCardInstallments | None
    issuer: str | None
    last4: str | None
    moto: bool | None
    network: _CardNetwork | str | None
    network_advice_code: str | None
    network_decline_code: str | None
    network_token: PaymentAttemptRecordPaymentMethodDetailsCardNetworkToken | None
    network_transaction_id: str | None
    stored_credential_usage: Literal["installment", "recurring", "unscheduled"] | str | None
    three_d_secure: PaymentAttemptRecordPaymentMethodDetailsCardThreeDSecure | None
    wallet: PaymentAttemptRecordPaymentMethodDetailsCardWallet | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardChecks(StripeObject):
    """The results of the address and CVC checks."""

    address_line1_check: _CheckResult | str | None
    address_postal_code_check: _CheckResult | str | None
    cvc_check: _CheckResult | str | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardInstallments(StripeObject):
    """The installment plan the card payment was split into."""

    plan: PaymentAttemptRecordPaymentMethodDetailsCardInstallmentsPlan | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardInstallmentsPlan(StripeObject):
    """An installment plan: its kind and, for fixed counts, how many months."""

    count: int | None
    interval: Literal["month"] | str | None
    type: Literal["bonus", "fixed_count", "revolving"] | str


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardNetworkToken(StripeObject):
    """Whether a network token stood in for the card number."""

    used: bool


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardThreeDSecure(StripeObject):
    """The 3D Secure authentication of the card payment."""

    authentication_flow: Literal["challenge", "frictionless"] | str | None
    electronic_commerce_indicator: Literal["01", "02", "03", "04", "05", "06", "07"] | str | None
    exemption_indicator: Literal["low_risk", "none"] | str | None
    exemption_indicator_applied: bool | None
    result: (
        Literal[
            "attempt_acknowledged",
            "authenticated",
            "data_share_only",
            "exempted",
            "failed",
            "not_supported",
            "processing_error",
        ]
        | str
        | None
    )
    result_reason: (
        Literal[
            "abandoned",
            "bypassed",
            "canceled",
            "card_not_enrolled",
            "network_not_supported",
            "protocol_error",
            "rejected",
        ]
        | str
        | None
    )
    version: Literal["1.0.2", "2.1.0", "2.2.0", "2.3.0", "2.3.1"] | str | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCardWallet(StripeObject):
    """The wallet (Apple Pay, Google Pay, Link) the card was used through."""

    apple_pay: dict[str, Any] | None
    dynamic_last4: str | None
    google_pay: dict[str, Any] | None
    link: dict[str, Any] | None
    type: str


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsCustom(StripeObject):
    """A payment method of your own (a custom payment method type)."""

    display_name: str
    type: str | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsSepaDebit(StripeObject):
    """The SEPA Direct Debit account the attempt debited."""

    bank_code: str | None
    branch_code: str | None
    country: str | None
    expected_debit_date: str | None
    fingerprint: str | None
    last4: str | None
    mandate: str | None


@stripe_model
class PaymentAttemptRecordPaymentMethodDetailsUsBankAccount(StripeObject):
    """The US bank account the attempt debited."""

    account_holder_type: Literal["company", "individual"] | str | None
    account_type: Literal["checking", "savings"] | str | None
    bank_name: str | None
    expected_debit_date: str | None
    fingerprint: str | None
    last4: str | None
    mandate: str | Mandate | None
    payment_reference: str | None
    routing_number: str | None
