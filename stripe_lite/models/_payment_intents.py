"""PaymentIntent and its amount-details line items.

Typed loosely (``dict[str, Any]``; every key is kept as sent):

* ``PaymentIntentPaymentMethodOptions``: every payment method except ``card``,
  ``link``, ``sepa_debit`` and ``us_bank_account`` (about fifty hashes, most of
  them only ``setup_future_usage`` and ``capture_method``).
* ``PaymentIntentNextAction``: ``use_stripe_sdk`` (its contents are private to
  Stripe.js) and the voucher, QR-code and app-redirect actions of local payment
  methods (boleto, OXXO, konbini, multibanco, PayNow, Pix, PromptPay, Swish, UPI,
  Cash App, Klarna, BLIK, WeChat Pay apps, card_await_notification). Typed:
  ``redirect_to_url``, ``verify_with_microdeposits``,
  ``display_bank_transfer_instructions``, ``alipay_handle_redirect`` and
  ``wechat_pay_display_qr_code``.
* ``PaymentIntentNextActionDisplayBankTransferInstructions.financial_addresses``:
  one hash per banking network (ABA, IBAN, SWIFT, Zengin ...).
"""

from __future__ import annotations

from typing import Any, Literal

from ._base import StripeList, StripeObject, stripe_model
from ._shared import (
    ApiErrorObject,
    LinkedAccountOptions,
    PaymentMethod,
    PaymentMethodConfigurationDetails,
    Shipping,
    _CardNetwork,
    _PaymentMethodType,
)

__all__ = [
    "PaymentIntent",
    "PaymentIntentAmountDetails",
    "PaymentIntentAmountDetailsError",
    "PaymentIntentAmountDetailsLineItem",
    "PaymentIntentAmountDetailsLineItemPaymentMethodOptions",
    "PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCard",
    "PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCardPresent",
    "PaymentIntentAmountDetailsLineItemPaymentMethodOptionsKlarna",
    "PaymentIntentAmountDetailsLineItemPaymentMethodOptionsPaypal",
    "PaymentIntentAmountDetailsLineItemTax",
    "PaymentIntentAmountDetailsShipping",
    "PaymentIntentAmountDetailsTax",
    "PaymentIntentAmountDetailsTip",
    "PaymentIntentAutomaticPaymentMethods",
    "PaymentIntentHooks",
    "PaymentIntentHooksInputs",
    "PaymentIntentHooksInputsTax",
    "PaymentIntentManagedPayments",
    "PaymentIntentNextAction",
    "PaymentIntentNextActionAlipayHandleRedirect",
    "PaymentIntentNextActionDisplayBankTransferInstructions",
    "PaymentIntentNextActionRedirectToUrl",
    "PaymentIntentNextActionVerifyWithMicrodeposits",
    "PaymentIntentNextActionWechatPayDisplayQrCode",
    "PaymentIntentPaymentDetails",
    "PaymentIntentPaymentMethodOptions",
    "PaymentIntentPaymentMethodOptionsCard",
    "PaymentIntentPaymentMethodOptionsCardInstallments",
    "PaymentIntentPaymentMethodOptionsCardInstallmentsPlan",
    "PaymentIntentPaymentMethodOptionsCardMandateOptions",
    "PaymentIntentPaymentMethodOptionsLink",
    "PaymentIntentPaymentMethodOptionsSepaDebit",
    "PaymentIntentPaymentMethodOptionsSepaDebitMandateOptions",
    "PaymentIntentPaymentMethodOptionsUsBankAccount",
    "PaymentIntentPaymentMethodOptionsUsBankAccountMandateOptions",
    "PaymentIntentPresentmentDetails",
    "PaymentIntentProcessing",
    "PaymentIntentProcessingCard",
    "PaymentIntentProcessingCardCustomerNotification",
    "PaymentIntentTransferData",
]

_FutureUsage = Literal["none", "off_session", "on_session"]
_IfAvailable = Literal["if_available", "never"]


@stripe_model
class PaymentIntent(StripeObject):
    """A PaymentIntent guides one payment from creation through authentication to capture."""

    id: str
    object: Literal["payment_intent"]
    allowed_payment_method_types: list[str] | None
    amount: int
    amount_capturable: int
    amount_details: PaymentIntentAmountDetails
    amount_received: int
    application: str | StripeObject | None
    application_fee_amount: int | None
    automatic_payment_methods: PaymentIntentAutomaticPaymentMethods | None
    canceled_at: int | None
    cancellation_reason: (
        Literal[
            "abandoned",
            "automatic",
            "duplicate",
            "expired",
            "failed_invoice",
            "fraudulent",
            "requested_by_customer",
            "void_invoice",
        ]
        | str
        | None
    )
    capture_method: Literal["automatic", "automatic_async", "manual"] | str
    client_secret: str | None
    confirmation_method: Literal["automatic", "manual"] | str
    created: int
    currency: str
    customer: str | StripeObject | None
    customer_account: str | None
    description: str | None
    excluded_payment_method_types: list[_PaymentMethodType | str] | None
    hooks: PaymentIntentHooks
    last_payment_error: ApiErrorObject | None
    latest_charge: str | StripeObject | None
    livemode: bool
    managed_payments: PaymentIntentManagedPayments | None
    metadata: dict[str, str]
    next_action: PaymentIntentNextAction | None
    on_behalf_of: str | StripeObject | None
    payment_details: PaymentIntentPaymentDetails
    payment_method: str | PaymentMethod | None
    payment_method_configuration_details: PaymentMethodConfigurationDetails | None
    payment_method_options: PaymentIntentPaymentMethodOptions | None
    payment_method_types: list[str]
    payment_record: str | StripeObject | None
    presentment_details: PaymentIntentPresentmentDetails
    processing: PaymentIntentProcessing | None
    receipt_email: str | None
    review: str | StripeObject | None
    setup_future_usage: Literal["off_session", "on_session"] | str | None
    shipping: Shipping | None
    statement_descriptor: str | None
    statement_descriptor_suffix: str | None
    status: (
        Literal[
            "canceled",
            "processing",
            "requires_action",
            "requires_capture",
            "requires_confirmation",
            "requires_payment_method",
            "succeeded",
        ]
        | str
    )
    transfer_data: PaymentIntentTransferData | None
    transfer_group: str | None


@stripe_model
class PaymentIntentAmountDetails(StripeObject):
    """How the amount breaks down: line items, shipping, tax, discount, tip."""

    discount_amount: int
    error: PaymentIntentAmountDetailsError
    line_items: StripeList[PaymentIntentAmountDetailsLineItem]
    shipping: PaymentIntentAmountDetailsShipping
    tax: PaymentIntentAmountDetailsTax
    tip: PaymentIntentAmountDetailsTip


@stripe_model
class PaymentIntentAmountDetailsError(StripeObject):
    """Why the amount details do not add up to the amount, if they don't."""

    code: (
        Literal[
            "amount_details_amount_mismatch",
            "amount_details_tax_shipping_discount_greater_than_amount",
        ]
        | str
        | None
    )
    message: str | None


@stripe_model
class PaymentIntentAmountDetailsLineItem(StripeObject):
    """One product line of a PaymentIntent's amount details (for L2/L3 card data)."""

    id: str
    object: Literal["payment_intent_amount_details_line_item"]
    discount_amount: int | None
    payment_method_options: PaymentIntentAmountDetailsLineItemPaymentMethodOptions | None
    product_code: str | None
    product_name: str
    quantity: int
    tax: PaymentIntentAmountDetailsLineItemTax | None
    unit_cost: int
    unit_of_measure: str | None


@stripe_model
class PaymentIntentAmountDetailsLineItemPaymentMethodOptions(StripeObject):
    """Payment-method-specific data of a line item."""

    card: PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCard
    card_present: PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCardPresent
    klarna: PaymentIntentAmountDetailsLineItemPaymentMethodOptionsKlarna
    paypal: PaymentIntentAmountDetailsLineItemPaymentMethodOptionsPaypal


@stripe_model
class PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCard(StripeObject):
    """Card data of a line item."""

    commodity_code: str | None


@stripe_model
class PaymentIntentAmountDetailsLineItemPaymentMethodOptionsCardPresent(StripeObject):
    """In-person card data of a line item."""

    commodity_code: str | None


@stripe_model
class PaymentIntentAmountDetailsLineItemPaymentMethodOptionsKlarna(StripeObject):
    """Klarna data of a line item."""

    image_url: str | None
    product_url: str | None
    reference: str | None
    subscription_reference: str | None


@stripe_model
class PaymentIntentAmountDetailsLineItemPaymentMethodOptionsPaypal(StripeObject):
    """PayPal data of a line item."""

    category: Literal["digital_goods", "donation", "physical_goods"] | str
    description: str
    sold_by: str


@stripe_model
class PaymentIntentAmountDetailsLineItemTax(StripeObject):
    """The tax on one line item."""

    total_tax_amount: int


@stripe_model
class PaymentIntentAmountDetailsShipping(StripeObject):
    """The shipping cost and route of the order."""

    amount: int | None
    from_postal_code: str | None
    to_postal_code: str | None


@stripe_model
class PaymentIntentAmountDetailsTax(StripeObject):
    """The total tax of the order."""

    total_tax_amount: int | None


@stripe_model
class PaymentIntentAmountDetailsTip(StripeObject):
    """The tip included in the amount."""

    amount: int


@stripe_model
class PaymentIntentAutomaticPaymentMethods(StripeObject):
    """Whether Stripe picks the payment methods from the Dashboard settings."""

    allow_redirects: Literal["always", "never"] | str
    enabled: bool


@stripe_model
class PaymentIntentHooks(StripeObject):
    """Asynchronous workflows attached to the PaymentIntent."""

    inputs: PaymentIntentHooksInputs


@stripe_model
class PaymentIntentHooksInputs(StripeObject):
    """Inputs of the PaymentIntent's asynchronous workflows."""

    tax: PaymentIntentHooksInputsTax


@stripe_model
class PaymentIntentHooksInputsTax(StripeObject):
    """The tax calculation the payment is linked to."""

    calculation: str


@stripe_model
class PaymentIntentManagedPayments(StripeObject):
    """Managed Payments (Stripe as merchant of record) settings."""

    enabled: bool


@stripe_model(sparse=True)
class PaymentIntentNextAction(StripeObject):
    """What the customer must do next; the hash named by ``type`` holds the details."""

    alipay_handle_redirect: PaymentIntentNextActionAlipayHandleRedirect
    blik_authorize: dict[str, Any]
    boleto_display_details: dict[str, Any]
    card_await_notification: dict[str, Any]
    cashapp_handle_redirect_or_display_qr_code: dict[str, Any]
    display_bank_transfer_instructions: PaymentIntentNextActionDisplayBankTransferInstructions
    klarna_display_qr_code: dict[str, Any]
    konbini_display_details: dict[str, Any]
    multibanco_display_details: dict[str, Any]
    oxxo_display_details: dict[str, Any]
    paynow_display_qr_code: dict[str, Any]
    pix_display_qr_code: dict[str, Any]
    promptpay_display_qr_code: dict[str, Any]
    redirect_to_url: PaymentIntentNextActionRedirectToUrl
    swish_handle_redirect_or_display_qr_code: dict[str, Any]
    type: (
        Literal[
            "alipay_handle_redirect",
            "blik_authorize",
            "boleto_display_details",
            "card_await_notification",
            "cashapp_handle_redirect_or_display_qr_code",
            "display_bank_transfer_instructions",
            "klarna_display_qr_code",
            "konbini_display_details",
            "multibanco_display_details",
            "oxxo_display_details",
            "paynow_display_qr_code",
            "pix_display_qr_code",
            "promptpay_display_qr_code",
            "redirect_to_url",
            "swish_handle_redirect_or_display_qr_code",
            "upi_handle_redirect_or_display_qr_code",
            "use_stripe_sdk",
            "verify_with_microdeposits",
            "wechat_pay_display_qr_code",
            "wechat_pay_redirect_to_android_app",
            "wechat_pay_redirect_to_ios_app",
        ]
        | str
    )
    upi_handle_redirect_or_display_qr_code: dict[str, Any]
    use_stripe_sdk: dict[str, Any]
    verify_with_microdeposits: PaymentIntentNextActionVerifyWithMicrodeposits
    wechat_pay_display_qr_code: PaymentIntentNextActionWechatPayDisplayQrCode
    wechat_pay_redirect_to_android_app: dict[str, Any]
    wechat_pay_redirect_to_ios_app: dict[str, Any]


@stripe_model
class PaymentIntentNextActionAlipayHandleRedirect(StripeObject):
    """Where to send the customer to authorize with Alipay."""

    native_data: str | None
    native_url: str | None
    return_url: str | None
    url: str | None


@stripe_model
class PaymentIntentNextActionDisplayBankTransferInstructions(StripeObject):
    """The bank details the customer must transfer the funds to."""

    amount_remaining: int | None
    currency: str | None
    financial_addresses: list[dict[str, Any]]
    hosted_instructions_url: str | None
    reference: str | None
    type: (
        Literal[
            "eu_bank_transfer",
            "gb_bank_transfer",
            "jp_bank_transfer",
            "mx_bank_transfer",
            "us_bank_transfer",
        ]
        | str
    )


@stripe_model
class PaymentIntentNextActionRedirectToUrl(StripeObject):
    """The page the customer must visit to authenticate the payment."""

    return_url: str | None
    url: str | None


@stripe_model
class PaymentIntentNextActionVerifyWithMicrodeposits(StripeObject):
    """Verify a bank account with the microdeposits Stripe sent to it."""

    arrival_date: int
    hosted_verification_url: str
    microdeposit_type: Literal["amounts", "descriptor_code"] | str | None


@stripe_model
class PaymentIntentNextActionWechatPayDisplayQrCode(StripeObject):
    """A WeChat Pay QR code for the customer to scan."""

    data: str
    hosted_instructions_url: str
    image_data_url: str
    image_url_png: str
    image_url_svg: str


@stripe_model
class PaymentIntentPaymentDetails(StripeObject):
    """References sent to the card networks with the payment."""

    customer_reference: str | None
    order_reference: str | None


@stripe_model(sparse=True)
class PaymentIntentPaymentMethodOptions(StripeObject):
    """Payment-method-specific settings of the PaymentIntent."""

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
    bizum: dict[str, Any]
    blik: dict[str, Any]
    boleto: dict[str, Any]
    card: PaymentIntentPaymentMethodOptionsCard
    card_present: dict[str, Any]
    cashapp: dict[str, Any]
    crypto: dict[str, Any]
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
    link: PaymentIntentPaymentMethodOptionsLink
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
    paypal: dict[str, Any]
    paypay: dict[str, Any]
    payto: dict[str, Any]
    pix: dict[str, Any]
    promptpay: dict[str, Any]
    revolut_pay: dict[str, Any]
    samsung_pay: dict[str, Any]
    satispay: dict[str, Any]
    scalapay: dict[str, Any]
    sepa_debit: PaymentIntentPaymentMethodOptionsSepaDebit
    sequra: dict[str, Any]
    sofort: dict[str, Any]
    sunbit: dict[str, Any]
    swish: dict[str, Any]
    twint: dict[str, Any]
    upi: dict[str, Any]
    us_bank_account: PaymentIntentPaymentMethodOptionsUsBankAccount
    wechat_pay: dict[str, Any]
    zip: dict[str, Any]


@stripe_model
class PaymentIntentPaymentMethodOptionsCard(StripeObject):
    """Card settings of the PaymentIntent: capture, 3D Secure, network, installments."""

    capture_method: Literal["manual"] | str
    installments: PaymentIntentPaymentMethodOptionsCardInstallments | None
    mandate_options: PaymentIntentPaymentMethodOptionsCardMandateOptions | None
    network: _CardNetwork | str | None
    request_extended_authorization: _IfAvailable | str
    request_incremental_authorization: _IfAvailable | str
    request_multicapture: _IfAvailable | str
    request_overcapture: _IfAvailable | str
    request_three_d_secure: Literal["any", "automatic", "challenge"] | str | None
    require_cvc_recollection: bool
    setup_future_usage: _FutureUsage | str
    statement_descriptor_suffix_kana: str
    statement_descriptor_suffix_kanji: str


@stripe_model
class PaymentIntentPaymentMethodOptionsCardInstallments(StripeObject):
    """Installment plans offered, and the one chosen, for a card payment."""

    available_plans: list[PaymentIntentPaymentMethodOptionsCardInstallmentsPlan] | None
    enabled: bool
    plan: PaymentIntentPaymentMethodOptionsCardInstallmentsPlan | None


@stripe_model
class PaymentIntentPaymentMethodOptionsCardInstallmentsPlan(StripeObject):
    """One card installment plan."""

    count: int | None
    interval: Literal["month"] | str | None
    type: Literal["bonus", "fixed_count", "revolving"] | str


@stripe_model
class PaymentIntentPaymentMethodOptionsCardMandateOptions(StripeObject):
    """The e-mandate set up for cards issued in India."""

    amount: int
    amount_type: Literal["fixed", "maximum"] | str
    description: str | None
    end_date: int | None
    interval: Literal["day", "month", "sporadic", "week", "year"] | str
    interval_count: int | None
    reference: str
    start_date: int
    supported_types: list[Literal["india"] | str] | None


@stripe_model
class PaymentIntentPaymentMethodOptionsLink(StripeObject):
    """Link settings of the PaymentIntent."""

    capture_method: Literal["manual"] | str
    setup_future_usage: Literal["none", "off_session"] | str


@stripe_model
class PaymentIntentPaymentMethodOptionsSepaDebit(StripeObject):
    """SEPA Direct Debit settings of the PaymentIntent."""

    mandate_options: PaymentIntentPaymentMethodOptionsSepaDebitMandateOptions
    setup_future_usage: _FutureUsage | str
    target_date: str


@stripe_model
class PaymentIntentPaymentMethodOptionsSepaDebitMandateOptions(StripeObject):
    """How the SEPA mandate reference is built."""

    reference_prefix: str


@stripe_model
class PaymentIntentPaymentMethodOptionsUsBankAccount(StripeObject):
    """US bank account (ACH) settings of the PaymentIntent."""

    financial_connections: LinkedAccountOptions
    mandate_options: PaymentIntentPaymentMethodOptionsUsBankAccountMandateOptions
    setup_future_usage: _FutureUsage | str
    target_date: str
    transaction_purpose: Literal["goods", "other", "services", "unspecified"] | str
    verification_method: Literal["automatic", "instant", "microdeposits"] | str


@stripe_model
class PaymentIntentPaymentMethodOptionsUsBankAccountMandateOptions(StripeObject):
    """How the ACH mandate is collected."""

    collection_method: Literal["paper"] | str


@stripe_model
class PaymentIntentPresentmentDetails(StripeObject):
    """The amount and currency shown to the customer, when they differ (Adaptive Pricing)."""

    presentment_amount: int
    presentment_currency: str


@stripe_model
class PaymentIntentProcessing(StripeObject):
    """Details of a payment that is still processing."""

    card: PaymentIntentProcessingCard
    type: Literal["card"] | str


@stripe_model
class PaymentIntentProcessingCard(StripeObject):
    """A card payment that is still processing."""

    customer_notification: PaymentIntentProcessingCardCustomerNotification


@stripe_model
class PaymentIntentProcessingCardCustomerNotification(StripeObject):
    """Whether the customer must approve the payment with their bank, and by when."""

    approval_requested: bool | None
    completes_at: int | None


@stripe_model
class PaymentIntentTransferData(StripeObject):
    """The transfer to a connected account created when the payment succeeds."""

    amount: int
    destination: str | StripeObject
