"""Tokens, ConfirmationTokens, and the card and bank account objects tokens carry.

Typed loosely (``dict[str, Any]``; every key is kept as sent):

* ``ConfirmationTokenPaymentMethodPreview``: the per-type hashes other than
  ``card``, ``us_bank_account``, ``sepa_debit``, ``link``, ``acss_debit``,
  ``au_becs_debit``, ``bacs_debit`` and ``paypal`` (which reuse the PaymentMethod
  models). About fifty of them, most empty or with one or two fields; the same
  split as :class:`PaymentMethod`.

Typed as plain ``str`` although Stripe documents the values:
``BankAccountRequirementsError.code`` (about a hundred onboarding error codes,
and new ones appear often).
"""

from __future__ import annotations

from typing import Any, Literal

from ._base import StripeObject, stripe_model
from ._shared import (
    Address,
    BillingDetails,
    PaymentMethodAcssDebit,
    PaymentMethodAuBecsDebit,
    PaymentMethodBacsDebit,
    PaymentMethodCard,
    PaymentMethodLink,
    PaymentMethodPaypal,
    PaymentMethodSepaDebit,
    PaymentMethodUsBankAccount,
    _PaymentMethodType,
)

__all__ = [
    "BankAccount",
    "BankAccountRequirements",
    "BankAccountRequirementsError",
    "Card",
    "CardNetworks",
    "ConfirmationToken",
    "ConfirmationTokenMandateData",
    "ConfirmationTokenMandateDataCustomerAcceptance",
    "ConfirmationTokenMandateDataCustomerAcceptanceOnline",
    "ConfirmationTokenPaymentMethodOptions",
    "ConfirmationTokenPaymentMethodOptionsCard",
    "ConfirmationTokenPaymentMethodOptionsCardInstallments",
    "ConfirmationTokenPaymentMethodOptionsCardInstallmentsPlan",
    "ConfirmationTokenPaymentMethodPreview",
    "ConfirmationTokenShipping",
    "Token",
]

_CheckResult = Literal["fail", "pass", "unavailable", "unchecked"]
_PayoutMethod = Literal["instant", "standard"]


@stripe_model
class ConfirmationToken(StripeObject):
    """A ConfirmationToken: payment details collected by Stripe.js, ready to confirm an intent.

    Pass its ID as ``confirmation_token=`` when creating or confirming a
    PaymentIntent or SetupIntent; it can be used once and expires soon after
    it is created (see ``expires_at``).
    """

    id: str
    object: Literal["confirmation_token"]
    created: int
    expires_at: int | None
    livemode: bool
    mandate_data: ConfirmationTokenMandateData | None
    metadata: dict[str, str] | None
    payment_intent: str | None
    payment_method_options: ConfirmationTokenPaymentMethodOptions | None
    payment_method_preview: ConfirmationTokenPaymentMethodPreview | None
    return_url: str | None
    setup_future_usage: Literal["off_session", "on_session"] | str | None
    setup_intent: str | None
    shipping: ConfirmationTokenShipping | None
    use_stripe_sdk: bool


@stripe_model
class ConfirmationTokenMandateData(StripeObject):
    """The mandate the customer accepted, to be created on confirmation."""

    customer_acceptance: ConfirmationTokenMandateDataCustomerAcceptance


@stripe_model
class ConfirmationTokenMandateDataCustomerAcceptance(StripeObject):
    """How the customer accepted the mandate."""

    online: ConfirmationTokenMandateDataCustomerAcceptanceOnline | None
    type: Literal["offline", "online"] | str


@stripe_model
class ConfirmationTokenMandateDataCustomerAcceptanceOnline(StripeObject):
    """The browser in which the customer accepted the mandate online."""

    ip_address: str | None
    user_agent: str | None


@stripe_model
class ConfirmationTokenPaymentMethodOptions(StripeObject):
    """Payment-method-specific options collected with the payment details."""

    card: ConfirmationTokenPaymentMethodOptionsCard | None


@stripe_model
class ConfirmationTokenPaymentMethodOptionsCard(StripeObject):
    """Card options: a recollected CVC and the chosen installment plan."""

    cvc_token: str | None
    installments: ConfirmationTokenPaymentMethodOptionsCardInstallments | None


@stripe_model
class ConfirmationTokenPaymentMethodOptionsCardInstallments(StripeObject):
    """The installment plan the customer chose (Mexico and Japan)."""

    plan: ConfirmationTokenPaymentMethodOptionsCardInstallmentsPlan | None


@stripe_model
class ConfirmationTokenPaymentMethodOptionsCardInstallmentsPlan(StripeObject):
    """An installment plan: how many payments, how often, of which kind."""

    count: int | None
    interval: Literal["month"] | str | None
    type: Literal["bonus", "fixed_count", "revolving"] | str


@stripe_model(sparse=True)
class ConfirmationTokenPaymentMethodPreview(StripeObject):
    """What the PaymentMethod created on confirmation will look like.

    The fields of a PaymentMethod, less its ID and bookkeeping: one hash
    named after ``type`` (``card`` for a card ...) plus the billing details.
    """

    acss_debit: PaymentMethodAcssDebit
    affirm: dict[str, Any]
    afterpay_clearpay: dict[str, Any]
    alipay: dict[str, Any]
    allow_redisplay: Literal["always", "limited", "unspecified"] | str
    alma: dict[str, Any]
    amazon_pay: dict[str, Any]
    au_becs_debit: PaymentMethodAuBecsDebit
    bacs_debit: PaymentMethodBacsDebit
    bancontact: dict[str, Any]
    billie: dict[str, Any]
    billing_details: BillingDetails
    bizum: dict[str, Any]
    blik: dict[str, Any]
    boleto: dict[str, Any]
    card: PaymentMethodCard
    card_present: dict[str, Any]
    cashapp: dict[str, Any]
    crypto: dict[str, Any]
    customer: str | StripeObject | None
    customer_account: str | None
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
    link: PaymentMethodLink
    mb_way: dict[str, Any]
    mobilepay: dict[str, Any]
    multibanco: dict[str, Any]
    naver_pay: dict[str, Any]
    nz_bank_account: dict[str, Any]
    oxxo: dict[str, Any]
    p24: dict[str, Any]
    pay_by_bank: dict[str, Any]
    payco: dict[str, Any]
    paynow: dict[str, Any]
    paypal: PaymentMethodPaypal
    paypay: dict[str, Any]
    payto: dict[str, Any]
    pix: dict[str, Any]
    promptpay: dict[str, Any]
    revolut_pay: dict[str, Any]
    samsung_pay: dict[str, Any]
    satispay: dict[str, Any]
    scalapay: dict[str, Any]
    sepa_debit: PaymentMethodSepaDebit
    sequra: dict[str, Any]
    sofort: dict[str, Any]
    sunbit: dict[str, Any]
    swish: dict[str, Any]
    twint: dict[str, Any]
    type: _PaymentMethodType | str
    upi: dict[str, Any]
    us_bank_account: PaymentMethodUsBankAccount
    wechat_pay: dict[str, Any]
    zip: dict[str, Any]


@stripe_model
class ConfirmationTokenShipping(StripeObject):
    """The shipping details collected with the payment details."""

    address: Address
    name: str
    phone: str | None


@stripe_model
class Token(StripeObject):
    """A single-use token for card, bank account, CVC, PII, account or person details.

    Only ``card`` or ``bank_account`` holds the details (for those two kinds);
    the other kinds carry nothing readable back.
    """

    id: str
    object: Literal["token"]
    bank_account: BankAccount | None
    card: Card | None
    client_ip: str | None
    created: int
    livemode: bool
    type: Literal["account", "bank_account", "card", "cvc_update", "person", "pii"] | str
    used: bool


@stripe_model
class BankAccount(StripeObject):
    """A bank account: of a token, of a Customer, or an external account payouts go to.

    ``account``, ``currency``, ``default_for_currency``, ``available_payout_methods``
    and the requirements apply to external accounts of connected accounts;
    ``customer`` to bank accounts saved on a Customer.
    """

    id: str
    object: Literal["bank_account"]
    account: str | StripeObject | None
    account_holder_name: str | None
    account_holder_type: Literal["company", "individual"] | str | None
    account_type: Literal["checking", "futsu", "savings", "toza"] | str | None
    available_payout_methods: list[_PayoutMethod | str] | None
    bank_name: str | None
    country: str
    currency: str
    customer: str | StripeObject | None
    default_for_currency: bool | None
    fingerprint: str | None
    future_requirements: BankAccountRequirements | None
    last4: str
    metadata: dict[str, str] | None
    requirements: BankAccountRequirements | None
    routing_number: str | None
    status: (
        Literal[
            "errored",
            "new",
            "tokenized_account_number_deactivated",
            "validated",
            "verification_failed",
            "verified",
        ]
        | str
    )


@stripe_model
class BankAccountRequirements(StripeObject):
    """What must be collected to keep an external bank account enabled (now or in future)."""

    currently_due: list[str] | None
    errors: list[BankAccountRequirementsError] | None
    past_due: list[str] | None
    pending_verification: list[str] | None


@stripe_model
class BankAccountRequirementsError(StripeObject):
    """A requirement that must be collected again because verifying it failed."""

    code: str
    reason: str
    requirement: str


@stripe_model
class Card(StripeObject):
    """A card: of a token, of a Customer (a legacy source), or an external account (debit card) payouts go to.

    ``brand`` is a display name here (``"Visa"``, ``"American Express"`` ...),
    unlike the lowercase brand of a PaymentMethod's card.
    """

    id: str
    object: Literal["card"]
    account: str | StripeObject | None
    address_city: str | None
    address_country: str | None
    address_line1: str | None
    address_line1_check: _CheckResult | str | None
    address_line2: str | None
    address_state: str | None
    address_zip: str | None
    address_zip_check: _CheckResult | str | None
    allow_redisplay: Literal["always", "limited", "unspecified"] | str | None
    available_payout_methods: list[_PayoutMethod | str] | None
    brand: (
        Literal[
            "American Express",
            "Cartes Bancaires",
            "Diners Club",
            "Discover",
            "Eftpos Australia",
            "Girocard",
            "JCB",
            "MasterCard",
            "UnionPay",
            "Unknown",
            "Visa",
        ]
        | str
    )
    country: str | None
    currency: str | None
    customer: str | StripeObject | None
    cvc_check: _CheckResult | str | None
    default_for_currency: bool | None
    description: str | None
    dynamic_last4: str | None
    exp_month: int
    exp_year: int
    fingerprint: str | None
    funding: Literal["credit", "debit", "prepaid", "unknown"] | str
    iin: str | None
    issuer: str | None
    last4: str
    metadata: dict[str, str] | None
    name: str | None
    networks: CardNetworks | None
    regulated_status: Literal["regulated", "unregulated"] | str | None
    status: Literal["errored", "new"] | str | None
    tokenization_method: Literal["android_pay", "apple_pay", "masterpass", "visa_checkout"] | str | None


@stripe_model
class CardNetworks(StripeObject):
    """Network choices of a co-branded card."""

    preferred: Literal["cartes_bancaires", "invalid_preference", "mastercard", "visa"] | str | None
