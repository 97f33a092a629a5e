"""SetupIntent and SetupAttempt.

Typed loosely (``dict[str, Any]``; every key is kept as sent):

* ``SetupIntentPaymentMethodOptions``: every payment method except ``card``,
  ``sepa_debit`` and ``us_bank_account`` (``link`` has no documented fields).
* ``SetupIntentNextAction``: ``use_stripe_sdk`` (its contents are private to
  Stripe.js), the QR-code and BLIK actions, the WeChat Pay app/web redirects and
  the ``<wallet>_handle_redirect`` actions that only carry a ``url``. Typed:
  ``redirect_to_url``, ``verify_with_microdeposits``, ``ddc_redirect``,
  ``challenge_redirect``, ``alipay_handle_redirect``,
  ``alipayplus_handle_redirect``, ``wechat_pay_display_qr_code`` and
  ``wechat_pay_official_account_params`` (whose camelCase keys are kept as sent).
* ``SetupAttemptPaymentMethodDetails``: every payment method except ``card`` and
  ``card_present`` (the others are empty or nearly so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._base import StripeObject, stripe_model
from ._shared import (
    ApiErrorObject,
    LinkedAccountOptions,
    PaymentMethod,
    PaymentMethodConfigurationDetails,
    _CardNetwork,
    _PaymentMethodType,
)

if TYPE_CHECKING:
    from ._mandates import Mandate

__all__ = [
    "SetupAttempt",
    "SetupAttemptPaymentMethodDetails",
    "SetupAttemptPaymentMethodDetailsCard",
    "SetupAttemptPaymentMethodDetailsCardChecks",
    "SetupAttemptPaymentMethodDetailsCardPresent",
    "SetupAttemptPaymentMethodDetailsCardThreeDSecure",
    "SetupAttemptPaymentMethodDetailsCardWallet",
    "SetupIntent",
    "SetupIntentAutomaticPaymentMethods",
    "SetupIntentManagedPayments",
    "SetupIntentNextAction",
    "SetupIntentNextActionAlipayHandleRedirect",
    "SetupIntentNextActionAlipayplusHandleRedirect",
    "SetupIntentNextActionChallengeRedirect",
    "SetupIntentNextActionDdcRedirect",
    "SetupIntentNextActionRedirectToUrl",
    "SetupIntentNextActionVerifyWithMicrodeposits",
    "SetupIntentNextActionWechatPayDisplayQrCode",
    "SetupIntentNextActionWechatPayOfficialAccountParams",
    "SetupIntentPaymentMethodOptions",
    "SetupIntentPaymentMethodOptionsCard",
    "SetupIntentPaymentMethodOptionsCardMandateOptions",
    "SetupIntentPaymentMethodOptionsSepaDebit",
    "SetupIntentPaymentMethodOptionsSepaDebitMandateOptions",
    "SetupIntentPaymentMethodOptionsUsBankAccount",
    "SetupIntentPaymentMethodOptionsUsBankAccountMandateOptions",
]

_CheckResult = Literal["fail", "pass", "unavailable", "unchecked"]


@stripe_model
class SetupIntent(StripeObject):
    """A SetupIntent collects and saves a customer's payment method for later payments."""

    id: str
    object: Literal["setup_intent"]
    allowed_payment_method_types: list[str] | None
    application: str | StripeObject | None
    attach_to_self: bool
    automatic_payment_methods: SetupIntentAutomaticPaymentMethods | None
    cancellation_reason: Literal["abandoned", "duplicate", "requested_by_customer"] | str | None
    client_secret: str | None
    created: int
    customer: str | StripeObject | None
    customer_account: str | None
    description: str | None
    excluded_payment_method_types: list[_PaymentMethodType | str] | None
    flow_directions: list[Literal["inbound", "outbound"] | str] | None
    last_setup_error: ApiErrorObject | None
    latest_attempt: str | SetupAttempt | None
    livemode: bool
    managed_payments: SetupIntentManagedPayments | None
    mandate: str | Mandate | None
    metadata: dict[str, str] | None
    next_action: SetupIntentNextAction | None
    on_behalf_of: str | StripeObject | None
    payment_method: str | PaymentMethod | None
    payment_method_configuration_details: PaymentMethodConfigurationDetails | None
    payment_method_options: SetupIntentPaymentMethodOptions | None
    payment_method_types: list[str]
    # Listed in the project's API description, not in Stripe's own reference.
    return_url: str | None
    single_use_mandate: str | Mandate | None
    status: (
        Literal[
            "canceled",
            "processing",
            "requires_action",
            "requires_confirmation",
            "requires_payment_method",
            "succeeded",
        ]
        | str
    )
    usage: Literal["off_session", "on_session"] | str


@stripe_model
class SetupIntentAutomaticPaymentMethods(StripeObject):
    """Whether Stripe picks the payment methods from the Dashboard settings."""

    allow_redirects: Literal["always", "never"] | str
    enabled: bool | None


@stripe_model
class SetupIntentManagedPayments(StripeObject):
    """Managed Payments (Stripe as merchant of record) settings."""

    enabled: bool


@stripe_model(sparse=True)
class SetupIntentNextAction(StripeObject):
    """What the customer must do next; the hash named by ``type`` holds the details."""

    akulaku_handle_redirect: dict[str, Any]
    alipay_handle_redirect: SetupIntentNextActionAlipayHandleRedirect
    alipay_hk_handle_redirect: dict[str, Any]
    alipayplus_handle_redirect: SetupIntentNextActionAlipayplusHandleRedirect
    bank_transfer_id_handle_redirect: dict[str, Any]
    blik_authorize: dict[str, Any]
    bpi_handle_redirect: dict[str, Any]
    cashapp_handle_redirect_or_display_qr_code: dict[str, Any]
    challenge_redirect: SetupIntentNextActionChallengeRedirect
    dana_handle_redirect: dict[str, Any]
    ddc_redirect: SetupIntentNextActionDdcRedirect
    gcash_handle_redirect: dict[str, Any]
    pix_display_qr_code: dict[str, Any]
    promptpay_handle_redirect: dict[str, Any]
    rabbit_line_pay_handle_redirect: dict[str, Any]
    redirect_to_url: SetupIntentNextActionRedirectToUrl
    shopeepay_handle_redirect: dict[str, Any]
    truemoney_handle_redirect: dict[str, Any]
    type: (
        Literal[
            "blik_authorize",
            "cashapp_handle_redirect_or_display_qr_code",
            "pix_display_qr_code",
            "redirect_to_url",
            "upi_handle_redirect_or_display_qr_code",
            "use_stripe_sdk",
            "verify_with_microdeposits",
        ]
        | str
    )
    upi_handle_redirect_or_display_qr_code: dict[str, Any]
    use_stripe_sdk: dict[str, Any]
    verify_with_microdeposits: SetupIntentNextActionVerifyWithMicrodeposits
    wechat_pay_display_qr_code: SetupIntentNextActionWechatPayDisplayQrCode
    wechat_pay_official_account_params: SetupIntentNextActionWechatPayOfficialAccountParams
    wechat_pay_redirect_to_android_app: dict[str, Any]
    wechat_pay_redirect_to_ios_app: dict[str, Any]
    wechat_pay_redirect_to_web: dict[str, Any]


@stripe_model
class SetupIntentNextActionAlipayHandleRedirect(StripeObject):
    """Where to send the customer to authorize with Alipay."""

    native_data: str | None
    native_url: str | None
    return_url: str | None
    url: str | None


@stripe_model
class SetupIntentNextActionAlipayplusHandleRedirect(StripeObject):
    """Where to send the customer to authorize with an Alipay+ wallet."""

    applinkUrl: str | None
    normalUrl: str | None
    return_url: str | None
    schemeUrl: str | None


@stripe_model
class SetupIntentNextActionChallengeRedirect(StripeObject):
    """Where to send the customer for a 3D Secure challenge."""

    return_url: str | None
    url: str | None


@stripe_model
class SetupIntentNextActionDdcRedirect(StripeObject):
    """Where to send the customer for 3D Secure device data collection."""

    return_url: str | None
    url: str | None


@stripe_model
class SetupIntentNextActionRedirectToUrl(StripeObject):
    """The page the customer must visit to authenticate."""

    return_url: str | None
    url: str | None


@stripe_model
class SetupIntentNextActionVerifyWithMicrodeposits(StripeObject):
    """Verify a bank account with the microdeposits Stripe sent to it."""

    arrival_date: int
    hosted_verification_url: str
    microdeposit_type: Literal["amounts", "descriptor_code"] | str | None


@stripe_model
class SetupIntentNextActionWechatPayDisplayQrCode(StripeObject):
    """A WeChat Pay QR code for the customer to scan."""

    data: str
    hosted_instructions_url: str
    image_data_url: str
    image_url_png: str
    image_url_svg: str


@stripe_model
class SetupIntentNextActionWechatPayOfficialAccountParams(StripeObject):
    """Parameters for the WeChat JSAPI payment call inside an official account."""

    appId: str
    nonceStr: str
    package: str
    paySign: str
    signType: str
    timeStamp: str


@stripe_model(sparse=True)
class SetupIntentPaymentMethodOptions(StripeObject):
    """Payment-method-specific settings of the SetupIntent."""

    acss_debit: dict[str, Any]
    amazon_pay: dict[str, Any]
    bacs_debit: dict[str, Any]
    bizum: dict[str, Any]
    blik: dict[str, Any]
    card: SetupIntentPaymentMethodOptionsCard
    card_present: dict[str, Any]
    klarna: dict[str, Any]
    link: dict[str, Any]
    paypal: dict[str, Any]
    payto: dict[str, Any]
    pix: dict[str, Any]
    sepa_debit: SetupIntentPaymentMethodOptionsSepaDebit
    upi: dict[str, Any]
    us_bank_account: SetupIntentPaymentMethodOptionsUsBankAccount


@stripe_model
class SetupIntentPaymentMethodOptionsCard(StripeObject):
    """Card settings of the SetupIntent: network, 3D Secure, Indian e-mandates."""

    mandate_options: SetupIntentPaymentMethodOptionsCardMandateOptions | None
    network: _CardNetwork | str | None
    request_three_d_secure: Literal["any", "automatic", "challenge"] | str | None


@stripe_model
class SetupIntentPaymentMethodOptionsCardMandateOptions(StripeObject):
    """The e-mandate set up for cards issued in India."""

    amount: int
    amount_type: Literal["fixed", "maximum"] | str
    currency: str
    description: str | None
    end_date: int | None
    interval: Literal["day", "month", "sporadic", "week", "year"] | str
    interval_count: int | None
    reference: str
    start_date: int
    supported_types: list[Literal["india"] | str] | None


@stripe_model
class SetupIntentPaymentMethodOptionsSepaDebit(StripeObject):
    """SEPA Direct Debit settings of the SetupIntent."""

    mandate_options: SetupIntentPaymentMethodOptionsSepaDebitMandateOptions


@stripe_model
class SetupIntentPaymentMethodOptionsSepaDebitMandateOptions(StripeObject):
    """How the SEPA mandate reference is built."""

    reference_prefix: str


@stripe_model
class SetupIntentPaymentMethodOptionsUsBankAccount(StripeObject):
    """US bank account settings of the SetupIntent."""

    financial_connections: LinkedAccountOptions
    mandate_options: SetupIntentPaymentMethodOptionsUsBankAccountMandateOptions
    verification_method: Literal["automatic", "instant", "microdeposits"] | str


@stripe_model
class SetupIntentPaymentMethodOptionsUsBankAccountMandateOptions(StripeObject):
    """How the ACH mandate is collected."""

    collection_method: Literal["paper"] | str


@stripe_model
class SetupAttempt(StripeObject):
    """A SetupAttempt describes one attempt at confirming a SetupIntent."""

    id: str
    object: Literal["setup_attempt"]
    application: str | StripeObject | None
    attach_to_self: bool
    created: int
    customer: str | StripeObject | None
    customer_account: str | None
    flow_directions: list[Literal["inbound", "outbound"] | str] | None
    livemode: bool
    on_behalf_of: str | StripeObject | None
    payment_method: str | PaymentMethod
    payment_method_details: SetupAttemptPaymentMethodDetails
    setup_error: ApiErrorObject | None
    setup_intent: str | SetupIntent
    status: (
        Literal[
            "abandoned",
            "failed",
            "processing",
            "requires_action",
            "requires_confirmation",
            "succeeded",
        ]
        | str
    )
    usage: Literal["off_session", "on_session"] | str


@stripe_model
class SetupAttemptPaymentMethodDetails(StripeObject):
    """What this attempt learned about its payment method; the hash named by ``type``."""

    acss_debit: dict[str, Any]
    amazon_pay: dict[str, Any]
    au_becs_debit: dict[str, Any]
    bacs_debit: dict[str, Any]
    bancontact: dict[str, Any]
    blik: dict[str, Any]
    boleto: dict[str, Any]
    card: SetupAttemptPaymentMethodDetailsCard
    card_present: SetupAttemptPaymentMethodDetailsCardPresent
    cashapp: dict[str, Any]
    ideal: dict[str, Any]
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
    satispay: dict[str, Any]
    sepa_debit: dict[str, Any]
    sofort: dict[str, Any]
    twint: dict[str, Any]
    type: _PaymentMethodType | str
    upi: dict[str, Any]
    us_bank_account: dict[str, Any]


@stripe_model
class SetupAttemptPaymentMethodDetailsCard(StripeObject):
    """The card used in this attempt, as seen at confirmation time."""

    brand: str | None
    checks: SetupAttemptPaymentMethodDetailsCardChecks | None
    country: str | None
    exp_month: int | None
    exp_year: int | None
    fingerprint: str | None
    funding: Literal["credit", "debit", "prepaid", "unknown"] | str | None
    last4: str | None
    network: str | None
    three_d_secure: SetupAttemptPaymentMethodDetailsCardThreeDSecure | None
    wallet: SetupAttemptPaymentMethodDetailsCardWallet | None


@stripe_model
class SetupAttemptPaymentMethodDetailsCardChecks(StripeObject):
    """Results of the address and CVC checks made by the card network."""

    address_line1_check: _CheckResult | str | None
    address_postal_code_check: _CheckResult | str | None
    cvc_check: _CheckResult | str | None


@stripe_model
class SetupAttemptPaymentMethodDetailsCardPresent(StripeObject):
    """The card read in person in this attempt."""

    generated_card: str | PaymentMethod | None
    offline: dict[str, Any] | None


@stripe_model
class SetupAttemptPaymentMethodDetailsCardThreeDSecure(StripeObject):
    """How 3D Secure authentication went in this attempt."""

    authentication_flow: Literal["challenge", "frictionless"] | str | None
    electronic_commerce_indicator: Literal["01", "02", "05", "06", "07"] | str | None
    result: (
        Literal[
            "attempt_acknowledged",
            "authenticated",
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
    transaction_id: str | None
    version: Literal["1.0.2", "2.1.0", "2.2.0", "2.3.0", "2.3.1"] | str | None


@stripe_model
class SetupAttemptPaymentMethodDetailsCardWallet(StripeObject):
    """The wallet the card was used through in this attempt."""

    apple_pay: dict[str, Any]
    google_pay: dict[str, Any]
    type: Literal["apple_pay", "google_pay", "link"] | str
