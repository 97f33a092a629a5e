"""Issuing cardholders, cards, personalization designs and physical bundles.

Merchant categories in spending controls (a few hundred MCC group names such as
``"eating_places_restaurants"``) are typed as plain ``str``. Nothing here is
typed as ``dict[str, Any]``.

A card's ``number`` and ``cvc`` are only sent when they are expanded; otherwise
the fields stay unset (see :class:`~stripe_lite.models.StripeObject`).
"""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model
from ._shared import Address

__all__ = [
    "IssuingCard",
    "IssuingCardLatestFraudWarning",
    "IssuingCardLifecycleControls",
    "IssuingCardLifecycleControlsCancelAfter",
    "IssuingCardShipping",
    "IssuingCardShippingAddressValidation",
    "IssuingCardShippingCustoms",
    "IssuingCardWallets",
    "IssuingCardWalletsApplePay",
    "IssuingCardWalletsGooglePay",
    "IssuingCardholder",
    "IssuingCardholderBilling",
    "IssuingCardholderCompany",
    "IssuingCardholderIndividual",
    "IssuingCardholderIndividualCardIssuing",
    "IssuingCardholderIndividualCardIssuingUserTermsAcceptance",
    "IssuingCardholderIndividualDob",
    "IssuingCardholderIndividualVerification",
    "IssuingCardholderIndividualVerificationDocument",
    "IssuingCardholderRequirements",
    "IssuingPersonalizationDesign",
    "IssuingPersonalizationDesignCarrierText",
    "IssuingPersonalizationDesignPreferences",
    "IssuingPersonalizationDesignRejectionReasons",
    "IssuingPhysicalBundle",
    "IssuingPhysicalBundleFeatures",
    "IssuingSpendingControls",
    "IssuingSpendingLimit",
]

_CardPresence = Literal["not_present", "present"]
_LimitInterval = Literal["all_time", "daily", "monthly", "per_authorization", "weekly", "yearly"]
_WalletIneligibleReason = Literal["missing_agreement", "missing_cardholder_contact", "unsupported_region"]
_FeatureSupport = Literal["optional", "required", "unsupported"]
_TextRejectionReason = Literal[
    "geographic_location",
    "inappropriate",
    "network_name",
    "non_fiat_currency",
    "other",
    "other_entity",
    "promotional_material",
]
_LogoRejectionReason = _TextRejectionReason | Literal["non_binary_image"]


# -- cardholders ---------------------------------------------------------------------


@stripe_model
class IssuingCardholder(StripeObject):
    """An Issuing cardholder: a person or business that can be issued cards."""

    id: str
    object: Literal["issuing.cardholder"]
    billing: IssuingCardholderBilling
    company: IssuingCardholderCompany | None
    created: int
    email: str | None
    individual: IssuingCardholderIndividual | None
    livemode: bool
    metadata: dict[str, str]
    name: str
    phone_number: str | None
    preferred_locales: list[Literal["de", "en", "es", "fr", "it"] | str] | None
    requirements: IssuingCardholderRequirements
    spending_controls: IssuingSpendingControls | None
    status: Literal["active", "blocked", "inactive"] | str
    type: Literal["company", "individual"] | str


@stripe_model
class IssuingCardholderBilling(StripeObject):
    """The cardholder's billing details."""

    address: Address


@stripe_model
class IssuingCardholderCompany(StripeObject):
    """Details of a company cardholder."""

    tax_id_provided: bool


@stripe_model
class IssuingCardholderIndividual(StripeObject):
    """Details of an individual cardholder."""

    card_issuing: IssuingCardholderIndividualCardIssuing | None
    dob: IssuingCardholderIndividualDob | None
    first_name: str | None
    last_name: str | None
    verification: IssuingCardholderIndividualVerification | None


@stripe_model
class IssuingCardholderIndividualCardIssuing(StripeObject):
    """Card-issuing program details of an individual cardholder."""

    user_terms_acceptance: IssuingCardholderIndividualCardIssuingUserTermsAcceptance | None


@stripe_model
class IssuingCardholderIndividualCardIssuingUserTermsAcceptance(StripeObject):
    """When and from where the cardholder accepted the Authorized User Terms."""

    date: int | None
    ip: str | None
    user_agent: str | None


@stripe_model
class IssuingCardholderIndividualDob(StripeObject):
    """The cardholder's date of birth."""

    day: int | None
    month: int | None
    year: int | None


@stripe_model
class IssuingCardholderIndividualVerification(StripeObject):
    """The identity verification of an individual cardholder."""

    document: IssuingCardholderIndividualVerificationDocument | None


@stripe_model
class IssuingCardholderIndividualVerificationDocument(StripeObject):
    """An identity document: the Files with its front and back (expandable)."""

    back: str | StripeObject | None
    front: str | StripeObject | None


@stripe_model
class IssuingCardholderRequirements(StripeObject):
    """What the cardholder still has to provide before their cards work."""

    disabled_reason: Literal["listed", "rejected.listed", "requirements.past_due", "under_review"] | str | None
    past_due: (
        list[
            Literal[
                "company.tax_id",
                "individual.card_issuing.user_terms_acceptance.date",
                "individual.card_issuing.user_terms_acceptance.ip",
                "individual.dob.day",
                "individual.dob.month",
                "individual.dob.year",
                "individual.first_name",
                "individual.last_name",
                "individual.verification.document",
            ]
            | str
        ]
        | None
    )


@stripe_model
class IssuingSpendingControls(StripeObject):
    """Rules that control spending on a card, or across a cardholder's cards (categories are MCC group names)."""

    allowed_card_presences: list[_CardPresence | str] | None
    allowed_categories: list[str] | None
    allowed_merchant_countries: list[str] | None
    blocked_card_presences: list[_CardPresence | str] | None
    blocked_categories: list[str] | None
    blocked_merchant_countries: list[str] | None
    spending_limits: list[IssuingSpendingLimit] | None
    spending_limits_currency: str | None


@stripe_model
class IssuingSpendingLimit(StripeObject):
    """An amount-based spending rule: at most ``amount`` per ``interval``, optionally only in some categories."""

    amount: int
    categories: list[str] | None
    interval: _LimitInterval | str


# -- cards ---------------------------------------------------------------------------


@stripe_model
class IssuingCard(StripeObject):
    """An Issuing card, physical or virtual, issued to a cardholder."""

    id: str
    object: Literal["issuing.card"]
    brand: str
    cancellation_reason: Literal["design_rejected", "fulfillment_error", "lost", "stolen"] | str | None
    cardholder: IssuingCardholder
    created: int
    currency: str
    # Only sent when expanded.
    cvc: str | None
    exp_month: int
    exp_year: int
    financial_account: str | None
    last4: str
    latest_fraud_warning: IssuingCardLatestFraudWarning | None
    lifecycle_controls: IssuingCardLifecycleControls | None
    livemode: bool
    metadata: dict[str, str]
    # Only sent when expanded.
    number: str | None
    personalization_design: str | IssuingPersonalizationDesign | None
    replaced_by: str | IssuingCard | None
    replacement_for: str | IssuingCard | None
    replacement_reason: Literal["damaged", "expired", "fulfillment_error", "lost", "stolen"] | str | None
    second_line: str | None
    shipping: IssuingCardShipping | None
    spending_controls: IssuingSpendingControls
    status: Literal["active", "canceled", "inactive"] | str
    type: Literal["physical", "virtual"] | str
    wallets: IssuingCardWallets | None


@stripe_model
class IssuingCardLatestFraudWarning(StripeObject):
    """The most recent fraud warning about the card."""

    started_at: int | None
    type: (
        Literal["card_testing_exposure", "fraud_dispute_filed", "third_party_reported", "user_indicated_fraud"]
        | str
        | None
    )


@stripe_model
class IssuingCardLifecycleControls(StripeObject):
    """Rules for the card's lifecycle."""

    cancel_after: IssuingCardLifecycleControlsCancelAfter


@stripe_model
class IssuingCardLifecycleControlsCancelAfter(StripeObject):
    """When the card is canceled automatically."""

    payment_count: int


@stripe_model
class IssuingCardShipping(StripeObject):
    """Where and how a physical card is shipped, and how far the shipment got."""

    address: Address
    address_validation: IssuingCardShippingAddressValidation | None
    business_name: str | None
    carrier: Literal["correos", "dhl", "fedex", "royal_mail", "usps"] | str | None
    customs: IssuingCardShippingCustoms | None
    eta: int | None
    name: str
    phone_number: str | None
    require_signature: bool | None
    service: Literal["express", "priority", "standard"] | str
    status: Literal["canceled", "delivered", "failure", "pending", "returned", "shipped", "submitted"] | str | None
    tracking_number: str | None
    tracking_url: str | None
    type: Literal["bulk", "individual"] | str


@stripe_model
class IssuingCardShippingAddressValidation(StripeObject):
    """How the shipping address was validated, and the result."""

    mode: Literal["disabled", "normalization_only", "validation_and_normalization"] | str
    normalized_address: Address | None
    result: Literal["indeterminate", "likely_deliverable", "likely_undeliverable"] | str | None


@stripe_model
class IssuingCardShippingCustoms(StripeObject):
    """Customs details of the shipment."""

    eori_number: str | None


@stripe_model
class IssuingCardWallets(StripeObject):
    """Whether the card can be added to digital wallets."""

    apple_pay: IssuingCardWalletsApplePay
    google_pay: IssuingCardWalletsGooglePay
    primary_account_identifier: str | None


@stripe_model
class IssuingCardWalletsApplePay(StripeObject):
    """Whether the card can be added to Apple Pay, and why not."""

    eligible: bool
    ineligible_reason: _WalletIneligibleReason | str | None


@stripe_model
class IssuingCardWalletsGooglePay(StripeObject):
    """Whether the card can be added to Google Pay, and why not."""

    eligible: bool
    ineligible_reason: _WalletIneligibleReason | str | None


# -- personalization designs and physical bundles ----------------------------------


@stripe_model
class IssuingPersonalizationDesign(StripeObject):
    """A design for personalizing physical Issuing cards."""

    id: str
    object: Literal["issuing.personalization_design"]
    card_logo: str | StripeObject | None
    carrier_text: IssuingPersonalizationDesignCarrierText | None
    created: int
    livemode: bool
    lookup_key: str | None
    metadata: dict[str, str]
    name: str | None
    physical_bundle: str | IssuingPhysicalBundle
    preferences: IssuingPersonalizationDesignPreferences
    rejection_reasons: IssuingPersonalizationDesignRejectionReasons
    status: Literal["active", "inactive", "rejected", "review"] | str


@stripe_model
class IssuingPersonalizationDesignCarrierText(StripeObject):
    """The text printed on the carrier letter."""

    footer_body: str | None
    footer_title: str | None
    header_body: str | None
    header_title: str | None


@stripe_model
class IssuingPersonalizationDesignPreferences(StripeObject):
    """Whether the design is the default one."""

    is_default: bool
    is_platform_default: bool | None


@stripe_model
class IssuingPersonalizationDesignRejectionReasons(StripeObject):
    """Why the design's logo or carrier text was rejected."""

    card_logo: list[_LogoRejectionReason | str] | None
    carrier_text: list[_TextRejectionReason | str] | None


@stripe_model
class IssuingPhysicalBundle(StripeObject):
    """A physical bundle: the card stock, carrier and envelope of physical cards."""

    id: str
    object: Literal["issuing.physical_bundle"]
    features: IssuingPhysicalBundleFeatures
    livemode: bool
    name: str
    status: Literal["active", "inactive", "review"] | str
    type: Literal["custom", "standard"] | str


@stripe_model
class IssuingPhysicalBundleFeatures(StripeObject):
    """Which personalization features the bundle supports or requires."""

    card_logo: _FeatureSupport | str
    carrier_text: _FeatureSupport | str
    second_line: _FeatureSupport | str
