"""Shapes shared by several Stripe objects, and the PaymentMethod object.

Typed loosely (``dict[str, Any]``; every key is kept as sent):

* ``PaymentMethod``: the per-type hashes other than ``card``, ``us_bank_account``,
  ``sepa_debit``, ``link``, ``acss_debit``, ``au_becs_debit``, ``bacs_debit`` and
  ``paypal`` (about fifty of them, most empty or with one or two fields).
* ``PaymentMethodCard.wallet``: the per-wallet hashes (``apple_pay``, ``google_pay``,
  ``masterpass``, ``visa_checkout`` ...); ``type`` and ``dynamic_last4`` are typed.
* ``PaymentMethodCardGeneratedFrom.payment_method_details``: a copy of a charge's
  card_present details, which this package does not model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._base import StripeObject, stripe_model

if TYPE_CHECKING:
    from ._payment_intents import PaymentIntent
    from ._setup_intents import SetupAttempt, SetupIntent

__all__ = [
    "Address",
    "ApiErrorObject",
    "BillingDetails",
    "LinkedAccountOptions",
    "LinkedAccountOptionsFilters",
    "PaymentMethod",
    "PaymentMethodConfigurationDetails",
    "PaymentMethodAcssDebit",
    "PaymentMethodAuBecsDebit",
    "PaymentMethodBacsDebit",
    "PaymentMethodCard",
    "PaymentMethodCardChecks",
    "PaymentMethodCardGeneratedFrom",
    "PaymentMethodCardNetworks",
    "PaymentMethodCardThreeDSecureUsage",
    "PaymentMethodCardWallet",
    "PaymentMethodLink",
    "PaymentMethodPaypal",
    "PaymentMethodRadarOptions",
    "PaymentMethodSepaDebit",
    "PaymentMethodSepaDebitGeneratedFrom",
    "PaymentMethodUsBankAccount",
    "PaymentMethodUsBankAccountNetworks",
    "PaymentMethodUsBankAccountStatusDetails",
    "PaymentMethodUsBankAccountStatusDetailsBlocked",
    "Shipping",
]

# The payment method types Stripe documents (PaymentMethod.type, and the
# excluded_payment_method_types lists of the intents). Always used as
# ``_PaymentMethodType | str``: new types appear often.
_PaymentMethodType = Literal[
    "acss_debit",
    "affirm",
    "afterpay_clearpay",
    "alipay",
    "alma",
    "amazon_pay",
    "au_becs_debit",
    "bacs_debit",
    "bancontact",
    "billie",
    "bizum",
    "blik",
    "boleto",
    "card",
    "card_present",
    "cashapp",
    "crypto",
    "custom",
    "customer_balance",
    "eps",
    "fpx",
    "giropay",
    "grabpay",
    "ideal",
    "interac_present",
    "kakao_pay",
    "klarna",
    "konbini",
    "kr_card",
    "link",
    "mb_way",
    "mobilepay",
    "multibanco",
    "naver_pay",
    "nz_bank_account",
    "oxxo",
    "p24",
    "pay_by_bank",
    "payco",
    "paynow",
    "paypal",
    "paypay",
    "payto",
    "pix",
    "promptpay",
    "revolut_pay",
    "samsung_pay",
    "satispay",
    "scalapay",
    "sepa_debit",
    "sequra",
    "sofort",
    "sunbit",
    "swish",
    "twint",
    "upi",
    "us_bank_account",
    "wechat_pay",
    "zip",
]

_CheckResult = Literal["fail", "pass", "unavailable", "unchecked"]


# The card networks a card payment can run on (for payment_method_options.card.network).
_CardNetwork = Literal[
    "amex",
    "cartes_bancaires",
    "diners",
    "discover",
    "eftpos_au",
    "girocard",
    "interac",
    "jcb",
    "link",
    "mastercard",
    "unionpay",
    "unknown",
    "visa",
]


@stripe_model
class Address(StripeObject):
    """A postal address; every part may be null."""

    city: str | None
    country: str | None
    line1: str | None
    line2: str | None
    postal_code: str | None
    state: str | None


@stripe_model
class BillingDetails(StripeObject):
    """Billing contact details collected with a payment method."""

    address: Address | None
    email: str | None
    name: str | None
    phone: str | None
    tax_id: str | None


@stripe_model
class Shipping(StripeObject):
    """Where and how a purchase is shipped."""

    address: Address
    carrier: str | None
    name: str
    phone: str | None
    tracking_number: str | None


@stripe_model
class LinkedAccountOptions(StripeObject):
    """Financial Connections settings used to link a US bank account."""

    filters: LinkedAccountOptionsFilters
    permissions: list[Literal["balances", "ownership", "payment_method", "transactions"] | str]
    prefetch: list[Literal["balances", "ownership", "transactions"] | str] | None
    return_url: str


@stripe_model
class LinkedAccountOptionsFilters(StripeObject):
    """Which kinds of bank account the customer may link."""

    account_subcategories: list[Literal["checking", "savings"] | str]


@stripe_model
class ApiErrorObject(StripeObject):
    """An API error: the last failure of an intent, or the body of an error response.

    Only the fields that apply to the error are sent; the others are unset.
    """

    advice_code: str
    charge: str
    code: str
    decline_code: str
    doc_url: str
    message: str
    network_advice_code: str
    network_decline_code: str
    param: str
    payment_intent: PaymentIntent
    payment_method: PaymentMethod
    payment_method_type: str
    request_log_url: str
    setup_intent: SetupIntent
    source: StripeObject
    type: Literal["api_error", "card_error", "idempotency_error", "invalid_request_error"] | str


@stripe_model
class PaymentMethodConfigurationDetails(StripeObject):
    """The payment method configuration a PaymentIntent or SetupIntent used."""

    id: str
    parent: str | None


@stripe_model(sparse=True)
class PaymentMethod(StripeObject):
    """A customer's payment instrument: a card, a bank account, a wallet ...

    Besides the common fields, the object has one hash named after its ``type``
    (``card`` for a card, ``sepa_debit`` for a SEPA account ...).
    """

    id: str
    object: Literal["payment_method"]
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
    created: int
    crypto: dict[str, Any]
    custom: dict[str, Any]
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
    livemode: bool
    mb_way: dict[str, Any]
    metadata: dict[str, str] | None
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
    radar_options: PaymentMethodRadarOptions
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
class PaymentMethodAcssDebit(StripeObject):
    """A Canadian pre-authorized debit bank account."""

    bank_name: str | None
    fingerprint: str | None
    institution_number: str | None
    last4: str | None
    transit_number: str | None


@stripe_model
class PaymentMethodAuBecsDebit(StripeObject):
    """An Australian BECS direct debit bank account."""

    bsb_number: str | None
    fingerprint: str | None
    last4: str | None


@stripe_model
class PaymentMethodBacsDebit(StripeObject):
    """A UK Bacs direct debit bank account."""

    fingerprint: str | None
    last4: str | None
    sort_code: str | None


@stripe_model
class PaymentMethodCard(StripeObject):
    """The card of a card payment method: brand, expiry, last digits, checks."""

    brand: (
        Literal[
            "amex",
            "cartes_bancaires",
            "diners",
            "discover",
            "eftpos_au",
            "jcb",
            "link",
            "mastercard",
            "unionpay",
            "unknown",
            "visa",
        ]
        | str
    )
    checks: PaymentMethodCardChecks | None
    country: str | None
    display_brand: str | None
    exp_month: int
    exp_year: int
    fingerprint: str | None
    funding: Literal["credit", "debit", "prepaid", "unknown"] | str
    generated_from: PaymentMethodCardGeneratedFrom | None
    last4: str
    networks: PaymentMethodCardNetworks | None
    regulated_status: Literal["regulated", "unregulated"] | str | None
    three_d_secure_usage: PaymentMethodCardThreeDSecureUsage | None
    wallet: PaymentMethodCardWallet | None


@stripe_model
class PaymentMethodCardChecks(StripeObject):
    """Results of the address and CVC checks made on the card."""

    address_line1_check: _CheckResult | str | None
    address_postal_code_check: _CheckResult | str | None
    cvc_check: _CheckResult | str | None


@stripe_model
class PaymentMethodCardGeneratedFrom(StripeObject):
    """The in-person payment that created this card payment method."""

    charge: str | None
    payment_method_details: dict[str, Any] | None
    setup_attempt: str | SetupAttempt | None


@stripe_model
class PaymentMethodCardNetworks(StripeObject):
    """The card networks the card can be processed on."""

    available: list[str]
    preferred: str | None


@stripe_model
class PaymentMethodCardThreeDSecureUsage(StripeObject):
    """Whether the card supports 3D Secure."""

    supported: bool


@stripe_model
class PaymentMethodCardWallet(StripeObject):
    """The wallet (Apple Pay, Google Pay ...) the card was used through."""

    amex_express_checkout: dict[str, Any]
    apple_pay: dict[str, Any]
    dynamic_last4: str | None
    google_pay: dict[str, Any]
    link: dict[str, Any]
    masterpass: dict[str, Any]
    samsung_pay: dict[str, Any]
    type: (
        Literal[
            "amex_express_checkout",
            "apple_pay",
            "google_pay",
            "link",
            "masterpass",
            "samsung_pay",
            "visa_checkout",
        ]
        | str
    )
    visa_checkout: dict[str, Any]


@stripe_model
class PaymentMethodLink(StripeObject):
    """A Link account."""

    email: str | None


@stripe_model
class PaymentMethodPaypal(StripeObject):
    """A PayPal account."""

    country: str | None
    payer_email: str | None
    payer_id: str | None


@stripe_model
class PaymentMethodRadarOptions(StripeObject):
    """Radar fraud-screening options given when the payment method was created."""

    session: str


@stripe_model
class PaymentMethodSepaDebit(StripeObject):
    """A SEPA direct debit bank account (IBAN)."""

    bank_code: str | None
    branch_code: str | None
    country: str | None
    fingerprint: str | None
    generated_from: PaymentMethodSepaDebitGeneratedFrom | None
    last4: str | None


@stripe_model
class PaymentMethodSepaDebitGeneratedFrom(StripeObject):
    """The charge or setup attempt that created this SEPA payment method."""

    charge: str | StripeObject | None
    setup_attempt: str | SetupAttempt | None


@stripe_model
class PaymentMethodUsBankAccount(StripeObject):
    """A US bank account debited over ACH."""

    account_holder_type: Literal["company", "individual"] | str | None
    account_type: Literal["checking", "savings"] | str | None
    bank_name: str | None
    financial_connections_account: str | None
    fingerprint: str | None
    last4: str | None
    networks: PaymentMethodUsBankAccountNetworks | None
    routing_number: str | None
    status_details: PaymentMethodUsBankAccountStatusDetails | None


@stripe_model
class PaymentMethodUsBankAccountNetworks(StripeObject):
    """The networks a US bank account can be debited on."""

    preferred: str | None
    supported: list[Literal["ach", "us_domestic_wire"] | str]


@stripe_model
class PaymentMethodUsBankAccountStatusDetails(StripeObject):
    """Whether the US bank account can still be used."""

    blocked: PaymentMethodUsBankAccountStatusDetailsBlocked


@stripe_model
class PaymentMethodUsBankAccountStatusDetailsBlocked(StripeObject):
    """Why the US bank account was blocked."""

    network_code: (
        Literal["R02", "R03", "R04", "R05", "R07", "R08", "R10", "R11", "R16", "R20", "R29", "R31"] | str | None
    )
    reason: (
        Literal[
            "bank_account_closed",
            "bank_account_frozen",
            "bank_account_invalid_details",
            "bank_account_restricted",
            "bank_account_unusable",
            "debit_not_authorized",
            "tokenized_account_number_deactivated",
        ]
        | str
        | None
    )
