"""Payment Links and their line items.

Objects this version does not model stay loose (any Stripe object, picked by
its ``"object"`` key): a line item's ``price``, its discounts' ``discount`` and
its taxes' ``rate``. Every field of the Payment Link itself is typed.
"""

from __future__ import annotations

from typing import Literal

from ._base import StripeList, StripeObject, stripe_model
from ._shared import _PaymentMethodType

__all__ = [
    "LineItem",
    "LineItemAdjustableQuantity",
    "LineItemDiscount",
    "LineItemTax",
    "PaymentLink",
    "PaymentLinkAfterCompletion",
    "PaymentLinkAfterCompletionHostedConfirmation",
    "PaymentLinkAfterCompletionRedirect",
    "PaymentLinkAutomaticTax",
    "PaymentLinkAutomaticTaxLiability",
    "PaymentLinkConsentCollection",
    "PaymentLinkConsentCollectionPaymentMethodReuseAgreement",
    "PaymentLinkCustomField",
    "PaymentLinkCustomFieldDropdown",
    "PaymentLinkCustomFieldDropdownOption",
    "PaymentLinkCustomFieldLabel",
    "PaymentLinkCustomFieldNumeric",
    "PaymentLinkCustomFieldText",
    "PaymentLinkCustomText",
    "PaymentLinkCustomTextAfterSubmit",
    "PaymentLinkCustomTextShippingAddress",
    "PaymentLinkCustomTextSubmit",
    "PaymentLinkCustomTextTermsOfServiceAcceptance",
    "PaymentLinkInvoiceCreation",
    "PaymentLinkInvoiceCreationInvoiceData",
    "PaymentLinkInvoiceCreationInvoiceDataCustomField",
    "PaymentLinkInvoiceCreationInvoiceDataIssuer",
    "PaymentLinkInvoiceCreationInvoiceDataRenderingOptions",
    "PaymentLinkManagedPayments",
    "PaymentLinkNameCollection",
    "PaymentLinkNameCollectionBusiness",
    "PaymentLinkNameCollectionIndividual",
    "PaymentLinkOptionalItem",
    "PaymentLinkOptionalItemAdjustableQuantity",
    "PaymentLinkPaymentIntentData",
    "PaymentLinkPaymentMethodOptions",
    "PaymentLinkPaymentMethodOptionsCard",
    "PaymentLinkPaymentMethodOptionsCardRestrictions",
    "PaymentLinkPhoneNumberCollection",
    "PaymentLinkRestrictions",
    "PaymentLinkRestrictionsCompletedSessions",
    "PaymentLinkShippingAddressCollection",
    "PaymentLinkShippingOption",
    "PaymentLinkSubscriptionData",
    "PaymentLinkSubscriptionDataInvoiceSettings",
    "PaymentLinkSubscriptionDataInvoiceSettingsCustomField",
    "PaymentLinkSubscriptionDataInvoiceSettingsIssuer",
    "PaymentLinkSubscriptionDataTrialSettings",
    "PaymentLinkSubscriptionDataTrialSettingsEndBehavior",
    "PaymentLinkTaxIdCollection",
    "PaymentLinkTransferData",
]

_IssuerType = Literal["account", "self"]


@stripe_model
class PaymentLink(StripeObject):
    """A Payment Link: a shareable URL to a hosted payment page."""

    id: str
    object: Literal["payment_link"]
    active: bool
    after_completion: PaymentLinkAfterCompletion
    allow_promotion_codes: bool
    application: str | StripeObject | None
    application_fee_amount: int | None
    application_fee_percent: float | None
    automatic_tax: PaymentLinkAutomaticTax
    billing_address_collection: Literal["auto", "required"] | str
    consent_collection: PaymentLinkConsentCollection | None
    currency: str
    custom_fields: list[PaymentLinkCustomField]
    custom_text: PaymentLinkCustomText
    customer_creation: Literal["always", "if_required"] | str
    inactive_message: str | None
    invoice_creation: PaymentLinkInvoiceCreation | None
    # Only sent when expanded (expand=["line_items"]).
    line_items: StripeList[LineItem]
    livemode: bool
    managed_payments: PaymentLinkManagedPayments | None
    metadata: dict[str, str]
    name_collection: PaymentLinkNameCollection | None
    on_behalf_of: str | StripeObject | None
    optional_items: list[PaymentLinkOptionalItem] | None
    payment_intent_data: PaymentLinkPaymentIntentData | None
    payment_method_collection: Literal["always", "if_required"] | str
    payment_method_options: PaymentLinkPaymentMethodOptions | None
    payment_method_types: list[_PaymentMethodType | str] | None
    phone_number_collection: PaymentLinkPhoneNumberCollection
    restrictions: PaymentLinkRestrictions | None
    shipping_address_collection: PaymentLinkShippingAddressCollection | None
    shipping_options: list[PaymentLinkShippingOption]
    submit_type: Literal["auto", "book", "donate", "pay", "subscribe"] | str
    subscription_data: PaymentLinkSubscriptionData | None
    tax_id_collection: PaymentLinkTaxIdCollection
    transfer_data: PaymentLinkTransferData | None
    url: str


@stripe_model
class PaymentLinkAfterCompletion(StripeObject):
    """What happens after a purchase: Stripe's confirmation page or a redirect."""

    hosted_confirmation: PaymentLinkAfterCompletionHostedConfirmation | None
    redirect: PaymentLinkAfterCompletionRedirect | None
    type: Literal["hosted_confirmation", "redirect"] | str


@stripe_model
class PaymentLinkAfterCompletionHostedConfirmation(StripeObject):
    """The confirmation page Stripe shows after a purchase."""

    custom_message: str | None


@stripe_model
class PaymentLinkAfterCompletionRedirect(StripeObject):
    """Where the customer is sent after a purchase."""

    url: str


@stripe_model
class PaymentLinkAutomaticTax(StripeObject):
    """Automatic tax calculation with Stripe Tax."""

    enabled: bool
    liability: PaymentLinkAutomaticTaxLiability | None


@stripe_model
class PaymentLinkAutomaticTaxLiability(StripeObject):
    """The account liable for tax."""

    account: str | StripeObject | None
    type: _IssuerType | str


@stripe_model
class PaymentLinkConsentCollection(StripeObject):
    """The consent the payment page asks the customer for."""

    payment_method_reuse_agreement: PaymentLinkConsentCollectionPaymentMethodReuseAgreement | None
    promotions: Literal["auto", "none"] | str | None
    terms_of_service: Literal["none", "required"] | str | None


@stripe_model
class PaymentLinkConsentCollectionPaymentMethodReuseAgreement(StripeObject):
    """Where the agreement to save the payment method is shown."""

    position: Literal["auto", "hidden"] | str


@stripe_model
class PaymentLinkCustomField(StripeObject):
    """A field the customer fills in on the payment page."""

    dropdown: PaymentLinkCustomFieldDropdown | None
    key: str
    label: PaymentLinkCustomFieldLabel
    numeric: PaymentLinkCustomFieldNumeric | None
    optional: bool
    text: PaymentLinkCustomFieldText | None
    type: Literal["dropdown", "numeric", "text"] | str


@stripe_model
class PaymentLinkCustomFieldDropdown(StripeObject):
    """The choices of a dropdown field."""

    default_value: str | None
    options: list[PaymentLinkCustomFieldDropdownOption]


@stripe_model
class PaymentLinkCustomFieldDropdownOption(StripeObject):
    """One choice of a dropdown field."""

    label: str
    value: str


@stripe_model
class PaymentLinkCustomFieldLabel(StripeObject):
    """The label shown above a custom field."""

    custom: str | None
    type: Literal["custom"] | str


@stripe_model
class PaymentLinkCustomFieldNumeric(StripeObject):
    """Settings of a numeric field."""

    default_value: str | None
    maximum_length: int | None
    minimum_length: int | None


@stripe_model
class PaymentLinkCustomFieldText(StripeObject):
    """Settings of a text field."""

    default_value: str | None
    maximum_length: int | None
    minimum_length: int | None


@stripe_model
class PaymentLinkCustomText(StripeObject):
    """Your own text at several places of the payment page."""

    after_submit: PaymentLinkCustomTextAfterSubmit | None
    shipping_address: PaymentLinkCustomTextShippingAddress | None
    submit: PaymentLinkCustomTextSubmit | None
    terms_of_service_acceptance: PaymentLinkCustomTextTermsOfServiceAcceptance | None


@stripe_model
class PaymentLinkCustomTextAfterSubmit(StripeObject):
    """Text shown after the pay button."""

    message: str


@stripe_model
class PaymentLinkCustomTextShippingAddress(StripeObject):
    """Text shown next to the shipping address."""

    message: str


@stripe_model
class PaymentLinkCustomTextSubmit(StripeObject):
    """Text shown next to the pay button."""

    message: str


@stripe_model
class PaymentLinkCustomTextTermsOfServiceAcceptance(StripeObject):
    """Text shown in place of the terms-of-service consent."""

    message: str


@stripe_model
class PaymentLinkInvoiceCreation(StripeObject):
    """Whether one-time payments get a post-payment invoice, and what it contains."""

    enabled: bool
    invoice_data: PaymentLinkInvoiceCreationInvoiceData | None


@stripe_model
class PaymentLinkInvoiceCreationInvoiceData(StripeObject):
    """What the post-payment invoices contain."""

    account_tax_ids: list[str | StripeObject] | None
    custom_fields: list[PaymentLinkInvoiceCreationInvoiceDataCustomField] | None
    description: str | None
    footer: str | None
    issuer: PaymentLinkInvoiceCreationInvoiceDataIssuer | None
    metadata: dict[str, str] | None
    rendering_options: PaymentLinkInvoiceCreationInvoiceDataRenderingOptions | None


@stripe_model
class PaymentLinkInvoiceCreationInvoiceDataCustomField(StripeObject):
    """A custom field shown on the invoice."""

    name: str
    value: str


@stripe_model
class PaymentLinkInvoiceCreationInvoiceDataIssuer(StripeObject):
    """The account that issues the invoice."""

    account: str | StripeObject | None
    type: _IssuerType | str


@stripe_model
class PaymentLinkInvoiceCreationInvoiceDataRenderingOptions(StripeObject):
    """How the invoice PDF is rendered."""

    amount_tax_display: str | None
    template: str | None


@stripe_model
class PaymentLinkManagedPayments(StripeObject):
    """Whether Stripe acts as merchant of record (Managed Payments)."""

    enabled: bool


@stripe_model
class PaymentLinkNameCollection(StripeObject):
    """Which names the payment page collects."""

    business: PaymentLinkNameCollectionBusiness | None
    individual: PaymentLinkNameCollectionIndividual | None


@stripe_model
class PaymentLinkNameCollectionBusiness(StripeObject):
    """Whether the business name is collected."""

    enabled: bool
    optional: bool


@stripe_model
class PaymentLinkNameCollectionIndividual(StripeObject):
    """Whether the individual's name is collected."""

    enabled: bool
    optional: bool


@stripe_model
class PaymentLinkOptionalItem(StripeObject):
    """An item the customer may add to the purchase."""

    adjustable_quantity: PaymentLinkOptionalItemAdjustableQuantity | None
    price: str
    quantity: int


@stripe_model
class PaymentLinkOptionalItemAdjustableQuantity(StripeObject):
    """Whether and within which bounds the customer may change the quantity."""

    enabled: bool
    maximum: int | None
    minimum: int | None


@stripe_model
class PaymentLinkPaymentIntentData(StripeObject):
    """Settings of the PaymentIntents the link creates."""

    capture_method: Literal["automatic", "automatic_async", "manual"] | str | None
    description: str | None
    metadata: dict[str, str]
    setup_future_usage: Literal["off_session", "on_session"] | str | None
    statement_descriptor: str | None
    statement_descriptor_suffix: str | None
    transfer_group: str | None


@stripe_model
class PaymentLinkPaymentMethodOptions(StripeObject):
    """Payment-method-specific options of the link."""

    card: PaymentLinkPaymentMethodOptionsCard | None


@stripe_model
class PaymentLinkPaymentMethodOptionsCard(StripeObject):
    """Options for cards."""

    restrictions: PaymentLinkPaymentMethodOptionsCardRestrictions | None


@stripe_model
class PaymentLinkPaymentMethodOptionsCardRestrictions(StripeObject):
    """Which cards the payment page refuses."""

    brands_blocked: list[Literal["american_express", "discover_global_network", "mastercard", "visa"] | str]


@stripe_model
class PaymentLinkPhoneNumberCollection(StripeObject):
    """Whether the payment page collects a phone number."""

    enabled: bool


@stripe_model
class PaymentLinkRestrictions(StripeObject):
    """Limits on how often the link can be used."""

    completed_sessions: PaymentLinkRestrictionsCompletedSessions


@stripe_model
class PaymentLinkRestrictionsCompletedSessions(StripeObject):
    """How many checkout sessions have completed, and after how many the link deactivates."""

    count: int
    limit: int


@stripe_model
class PaymentLinkShippingAddressCollection(StripeObject):
    """The countries the payment page accepts shipping addresses in."""

    # Two-letter country codes: too many to list as literals.
    allowed_countries: list[str]


@stripe_model
class PaymentLinkShippingOption(StripeObject):
    """A shipping rate offered on the payment page."""

    shipping_amount: int
    shipping_rate: str | StripeObject


@stripe_model
class PaymentLinkSubscriptionData(StripeObject):
    """Settings of the subscriptions the link creates."""

    description: str | None
    invoice_settings: PaymentLinkSubscriptionDataInvoiceSettings
    metadata: dict[str, str]
    trial_period_days: int | None
    trial_settings: PaymentLinkSubscriptionDataTrialSettings | None


@stripe_model
class PaymentLinkSubscriptionDataInvoiceSettings(StripeObject):
    """Settings of the subscriptions' invoices."""

    account_tax_ids: list[str | StripeObject] | None
    custom_fields: list[PaymentLinkSubscriptionDataInvoiceSettingsCustomField] | None
    description: str | None
    footer: str | None
    issuer: PaymentLinkSubscriptionDataInvoiceSettingsIssuer


@stripe_model
class PaymentLinkSubscriptionDataInvoiceSettingsCustomField(StripeObject):
    """A custom field shown on the subscriptions' invoices."""

    name: str
    value: str


@stripe_model
class PaymentLinkSubscriptionDataInvoiceSettingsIssuer(StripeObject):
    """The account that issues the subscriptions' invoices."""

    account: str | StripeObject | None
    type: _IssuerType | str


@stripe_model
class PaymentLinkSubscriptionDataTrialSettings(StripeObject):
    """Settings of the free trial."""

    end_behavior: PaymentLinkSubscriptionDataTrialSettingsEndBehavior


@stripe_model
class PaymentLinkSubscriptionDataTrialSettingsEndBehavior(StripeObject):
    """What happens when a trial ends."""

    missing_payment_method: Literal["cancel", "create_invoice", "pause"] | str


@stripe_model
class PaymentLinkTaxIdCollection(StripeObject):
    """Whether the payment page collects a tax ID."""

    enabled: bool
    required: Literal["if_supported", "never"] | str


@stripe_model
class PaymentLinkTransferData(StripeObject):
    """Where the funds of each payment are transferred (Connect)."""

    amount: int | None
    destination: str | StripeObject


@stripe_model
class LineItem(StripeObject):
    """A line item of a Payment Link or Checkout Session."""

    id: str
    object: Literal["item"]
    adjustable_quantity: LineItemAdjustableQuantity | None
    amount_discount: int
    amount_subtotal: int
    amount_tax: int
    amount_total: int
    currency: str
    description: str | None
    discounts: list[LineItemDiscount]
    metadata: dict[str, str] | None
    # A Price object (embedded, not expandable); not modelled yet.
    price: StripeObject | None
    quantity: int | None
    taxes: list[LineItemTax]


@stripe_model
class LineItemAdjustableQuantity(StripeObject):
    """Whether and within which bounds the customer may change the quantity."""

    enabled: bool
    maximum: int | None
    minimum: int | None


@stripe_model
class LineItemDiscount(StripeObject):
    """A discount applied to a line item."""

    amount: int
    # A Discount object; not modelled yet.
    discount: StripeObject


@stripe_model
class LineItemTax(StripeObject):
    """A tax applied to a line item."""

    amount: int
    # A TaxRate object; not modelled yet.
    rate: StripeObject
    taxability_reason: (
        Literal[
            "customer_exempt",
            "not_collecting",
            "not_subject_to_tax",
            "not_supported",
            "portion_product_exempt",
            "portion_reduced_rated",
            "portion_standard_rated",
            "product_exempt",
            "product_exempt_holiday",
            "proportionally_rated",
            "reduced_rated",
            "reverse_charge",
            "standard_rated",
            "taxable_basis_reduced",
            "zero_rated",
        ]
        | str
        | None
    )
    taxable_amount: int | None
