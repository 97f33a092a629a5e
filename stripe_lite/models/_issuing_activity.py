"""Issuing disputes, settlements, tokens and transactions.

Nothing here is loosely typed (no ``dict[str, Any]``). References to objects
stripe_lite does not model yet are ids or plain ``StripeObject``s: a
transaction's ``authorization`` and ``balance_transaction``, a dispute's
``balance_transactions`` and the File fields of dispute evidence. Decimal
amounts (the ``*_decimal`` fields of fleet and fuel purchase details) are the
strings Stripe sends, so no precision is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ._base import StripeObject, stripe_model

if TYPE_CHECKING:
    from ._issuing import IssuingCard, IssuingCardholder

__all__ = [
    "IssuingDispute",
    "IssuingDisputeEvidence",
    "IssuingDisputeEvidenceCanceled",
    "IssuingDisputeEvidenceDuplicate",
    "IssuingDisputeEvidenceFraudulent",
    "IssuingDisputeEvidenceMerchandiseNotAsDescribed",
    "IssuingDisputeEvidenceNoValidAuthorization",
    "IssuingDisputeEvidenceNotReceived",
    "IssuingDisputeEvidenceOther",
    "IssuingDisputeEvidenceServiceNotAsDescribed",
    "IssuingDisputeTreasury",
    "IssuingSettlement",
    "IssuingToken",
    "IssuingTokenNetworkData",
    "IssuingTokenNetworkDataDevice",
    "IssuingTokenNetworkDataMastercard",
    "IssuingTokenNetworkDataVisa",
    "IssuingTokenNetworkDataWalletProvider",
    "IssuingTokenNetworkDataWalletProviderCardholderAddress",
    "IssuingTransaction",
    "IssuingTransactionAmountDetails",
    "IssuingTransactionMerchantData",
    "IssuingTransactionNetworkData",
    "IssuingTransactionPurchaseDetails",
    "IssuingTransactionPurchaseDetailsFleet",
    "IssuingTransactionPurchaseDetailsFleetCardholderPromptData",
    "IssuingTransactionPurchaseDetailsFleetReportedBreakdown",
    "IssuingTransactionPurchaseDetailsFleetReportedBreakdownFuel",
    "IssuingTransactionPurchaseDetailsFleetReportedBreakdownNonFuel",
    "IssuingTransactionPurchaseDetailsFleetReportedBreakdownTax",
    "IssuingTransactionPurchaseDetailsFlight",
    "IssuingTransactionPurchaseDetailsFlightSegment",
    "IssuingTransactionPurchaseDetailsFuel",
    "IssuingTransactionPurchaseDetailsLodging",
    "IssuingTransactionPurchaseDetailsReceipt",
    "IssuingTransactionTreasury",
]

_ProductType = Literal["merchandise", "service"]
_ReturnStatus = Literal["merchant_rejected", "successful"]
_Wallet = Literal["apple_pay", "google_pay", "samsung_pay"]
_TokenNetwork = Literal["mastercard", "visa"]

# --- disputes ----------------------------------------------------------------------


@stripe_model
class IssuingDispute(StripeObject):
    """A dispute of an Issuing transaction with the card network."""

    id: str
    object: Literal["issuing.dispute"]
    amount: int
    balance_transactions: list[StripeObject] | None
    created: int
    currency: str
    evidence: IssuingDisputeEvidence
    livemode: bool
    loss_reason: (
        Literal[
            "cardholder_authentication_issuer_liability",
            "eci5_token_transaction_with_tavv",
            "excess_disputes_in_timeframe",
            "has_not_met_the_minimum_dispute_amount_requirements",
            "invalid_duplicate_dispute",
            "invalid_incorrect_amount_dispute",
            "invalid_no_authorization",
            "invalid_use_of_disputes",
            "merchandise_delivered_or_shipped",
            "merchandise_or_service_as_described",
            "not_cancelled",
            "other",
            "refund_issued",
            "submitted_beyond_allowable_time_limit",
            "transaction_3ds_required",
            "transaction_approved_after_prior_fraud_dispute",
            "transaction_authorized",
            "transaction_electronically_read",
            "transaction_qualifies_for_visa_easy_payment_service",
            "transaction_unattended",
        ]
        | str
        | None
    )
    metadata: dict[str, str]
    status: Literal["expired", "lost", "submitted", "unsubmitted", "won"] | str
    transaction: str | IssuingTransaction
    treasury: IssuingDisputeTreasury | None


@stripe_model
class IssuingDisputeEvidence(StripeObject):
    """The evidence of a dispute: its reason, and the evidence under the key of that reason."""

    canceled: IssuingDisputeEvidenceCanceled | None
    duplicate: IssuingDisputeEvidenceDuplicate | None
    fraudulent: IssuingDisputeEvidenceFraudulent | None
    merchandise_not_as_described: IssuingDisputeEvidenceMerchandiseNotAsDescribed | None
    no_valid_authorization: IssuingDisputeEvidenceNoValidAuthorization | None
    not_received: IssuingDisputeEvidenceNotReceived | None
    other: IssuingDisputeEvidenceOther | None
    reason: (
        Literal[
            "canceled",
            "duplicate",
            "fraudulent",
            "merchandise_not_as_described",
            "no_valid_authorization",
            "not_received",
            "other",
            "service_not_as_described",
        ]
        | str
    )
    service_not_as_described: IssuingDisputeEvidenceServiceNotAsDescribed | None


@stripe_model
class IssuingDisputeEvidenceCanceled(StripeObject):
    """Evidence that the cardholder canceled the order."""

    additional_documentation: str | StripeObject | None
    canceled_at: int | None
    cancellation_policy_provided: bool | None
    cancellation_reason: str | None
    expected_at: int | None
    explanation: str | None
    product_description: str | None
    product_type: _ProductType | str | None
    return_status: _ReturnStatus | str | None
    returned_at: int | None


@stripe_model
class IssuingDisputeEvidenceDuplicate(StripeObject):
    """Evidence that the transaction charged for something already paid."""

    additional_documentation: str | StripeObject | None
    card_statement: str | StripeObject | None
    cash_receipt: str | StripeObject | None
    check_image: str | StripeObject | None
    explanation: str | None
    original_transaction: str | None


@stripe_model
class IssuingDisputeEvidenceFraudulent(StripeObject):
    """Evidence that the cardholder did not make the transaction."""

    additional_documentation: str | StripeObject | None
    explanation: str | None


@stripe_model
class IssuingDisputeEvidenceMerchandiseNotAsDescribed(StripeObject):
    """Evidence that the merchandise received was not as described."""

    additional_documentation: str | StripeObject | None
    explanation: str | None
    received_at: int | None
    return_description: str | None
    return_status: _ReturnStatus | str | None
    returned_at: int | None


@stripe_model
class IssuingDisputeEvidenceNoValidAuthorization(StripeObject):
    """Evidence that the transaction went through without a valid authorization."""

    additional_documentation: str | StripeObject | None
    explanation: str | None


@stripe_model
class IssuingDisputeEvidenceNotReceived(StripeObject):
    """Evidence that the cardholder never received what they paid for."""

    additional_documentation: str | StripeObject | None
    expected_at: int | None
    explanation: str | None
    product_description: str | None
    product_type: _ProductType | str | None


@stripe_model
class IssuingDisputeEvidenceOther(StripeObject):
    """Evidence for a dispute that fits none of the other reasons."""

    additional_documentation: str | StripeObject | None
    explanation: str | None
    product_description: str | None
    product_type: _ProductType | str | None


@stripe_model
class IssuingDisputeEvidenceServiceNotAsDescribed(StripeObject):
    """Evidence that the service was not as described."""

    additional_documentation: str | StripeObject | None
    canceled_at: int | None
    cancellation_reason: str | None
    explanation: str | None
    received_at: int | None


@stripe_model
class IssuingDisputeTreasury(StripeObject):
    """The Treasury objects of a dispute on a FinancialAccount."""

    debit_reversal: str | None
    received_debit: str


# --- settlements -------------------------------------------------------------------


@stripe_model
class IssuingSettlement(StripeObject):
    """A settlement of Issuing activity with a card network."""

    id: str
    object: Literal["issuing.settlement"]
    bin: str
    clearing_date: int
    created: int
    currency: str
    interchange_fees_amount: int
    livemode: bool
    metadata: dict[str, str]
    net_total_amount: int
    network: Literal["maestro", "visa"] | str
    network_fees_amount: int
    network_settlement_identifier: str
    other_fees_amount: int | None
    other_fees_count: int | None
    settlement_service: Literal["international", "uk_national_net"] | str
    status: Literal["complete", "pending"] | str
    transaction_amount: int
    transaction_count: int


# --- tokens ------------------------------------------------------------------------


@stripe_model
class IssuingToken(StripeObject):
    """A network token of an Issuing card (for a digital wallet or merchant)."""

    id: str
    object: Literal["issuing.token"]
    card: str | IssuingCard
    created: int
    device_fingerprint: str | None
    last4: str | None
    livemode: bool
    network: _TokenNetwork | str
    network_data: IssuingTokenNetworkData | None
    network_updated_at: int
    status: Literal["active", "deleted", "requested", "suspended"] | str
    wallet_provider: _Wallet | str | None


@stripe_model
class IssuingTokenNetworkData(StripeObject):
    """What the card network reported about the token and the device holding it."""

    device: IssuingTokenNetworkDataDevice | None
    mastercard: IssuingTokenNetworkDataMastercard | None
    type: _TokenNetwork | str
    visa: IssuingTokenNetworkDataVisa | None
    wallet_provider: IssuingTokenNetworkDataWalletProvider | None


@stripe_model
class IssuingTokenNetworkDataDevice(StripeObject):
    """The device the token was provisioned to."""

    device_fingerprint: str | None
    ip_address: str | None
    location: str | None
    name: str | None
    phone_number: str | None
    type: Literal["other", "phone", "watch"] | str | None


@stripe_model
class IssuingTokenNetworkDataMastercard(StripeObject):
    """Mastercard's references for the token."""

    card_reference_id: str | None
    token_reference_id: str
    token_requestor_id: str
    token_requestor_name: str | None


@stripe_model
class IssuingTokenNetworkDataVisa(StripeObject):
    """Visa's references for the token, and its risk score."""

    card_reference_id: str | None
    token_reference_id: str
    token_requestor_id: str
    token_risk_score: str | None


@stripe_model
class IssuingTokenNetworkDataWalletProvider(StripeObject):
    """What the digital wallet reported when the token was requested."""

    account_id: str | None
    account_trust_score: int | None
    card_number_source: Literal["app", "manual", "on_file", "other"] | str | None
    cardholder_address: IssuingTokenNetworkDataWalletProviderCardholderAddress | None
    cardholder_name: str | None
    device_trust_score: int | None
    hashed_account_email_address: str | None
    reason_codes: (
        list[
            Literal[
                "account_card_too_new",
                "account_recently_changed",
                "account_too_new",
                "account_too_new_since_launch",
                "additional_device",
                "data_expired",
                "defer_id_v_decision",
                "device_recently_lost",
                "good_activity_history",
                "has_suspended_tokens",
                "high_risk",
                "inactive_account",
                "long_account_tenure",
                "low_account_score",
                "low_device_score",
                "low_phone_number_score",
                "network_service_error",
                "outside_home_territory",
                "provisioning_cardholder_mismatch",
                "provisioning_device_and_cardholder_mismatch",
                "provisioning_device_mismatch",
                "same_device_no_prior_authentication",
                "same_device_successful_prior_authentication",
                "software_update",
                "suspicious_activity",
                "too_many_different_cardholders",
                "too_many_recent_attempts",
                "too_many_recent_tokens",
            ]
            | str
        ]
        | None
    )
    suggested_decision: Literal["approve", "decline", "require_auth"] | str | None
    suggested_decision_version: str | None


@stripe_model
class IssuingTokenNetworkDataWalletProviderCardholderAddress(StripeObject):
    """The cardholder address the wallet holds."""

    line1: str
    postal_code: str


# --- transactions ------------------------------------------------------------------


@stripe_model
class IssuingTransaction(StripeObject):
    """An Issuing transaction: money moving on an Issuing card."""

    id: str
    object: Literal["issuing.transaction"]
    amount: int
    amount_details: IssuingTransactionAmountDetails | None
    authorization: str | StripeObject | None
    balance_transaction: str | StripeObject | None
    card: str | IssuingCard
    cardholder: str | IssuingCardholder | None
    created: int
    currency: str
    dispute: str | IssuingDispute | None
    livemode: bool
    merchant_amount: int
    merchant_currency: str
    merchant_data: IssuingTransactionMerchantData
    metadata: dict[str, str]
    network_data: IssuingTransactionNetworkData | None
    purchase_details: IssuingTransactionPurchaseDetails | None
    token: str | IssuingToken | None
    treasury: IssuingTransactionTreasury | None
    type: Literal["capture", "refund"] | str
    wallet: _Wallet | str | None


@stripe_model
class IssuingTransactionAmountDetails(StripeObject):
    """The parts of the amount: ATM fee and cashback."""

    atm_fee: int | None
    cashback_amount: int | None


@stripe_model
class IssuingTransactionMerchantData(StripeObject):
    """The merchant (seller) of the transaction.

    ``category`` is one of several hundred merchant category names, kept as a string.
    """

    category: str
    category_code: str
    city: str | None
    country: str | None
    name: str | None
    network_id: str
    postal_code: str | None
    state: str | None
    tax_id: str | None
    terminal_id: str | None
    url: str | None


@stripe_model
class IssuingTransactionNetworkData(StripeObject):
    """The card network's identifiers of the transaction."""

    authorization_code: str | None
    processing_date: str | None
    transaction_id: str | None


@stripe_model
class IssuingTransactionPurchaseDetails(StripeObject):
    """Industry-specific details of the purchase, when the merchant sent them."""

    fleet: IssuingTransactionPurchaseDetailsFleet | None
    flight: IssuingTransactionPurchaseDetailsFlight | None
    fuel: IssuingTransactionPurchaseDetailsFuel | None
    lodging: IssuingTransactionPurchaseDetailsLodging | None
    receipt: list[IssuingTransactionPurchaseDetailsReceipt] | None
    reference: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleet(StripeObject):
    """Details of a fleet (commercial vehicle) purchase."""

    cardholder_prompt_data: IssuingTransactionPurchaseDetailsFleetCardholderPromptData | None
    purchase_type: Literal["fuel_and_non_fuel_purchase", "fuel_purchase", "non_fuel_purchase"] | str | None
    reported_breakdown: IssuingTransactionPurchaseDetailsFleetReportedBreakdown | None
    service_type: Literal["full_service", "non_fuel_transaction", "self_service"] | str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleetCardholderPromptData(StripeObject):
    """What the cardholder entered at the terminal's prompts."""

    driver_id: str | None
    odometer: int | None
    unspecified_id: str | None
    user_id: str | None
    vehicle_number: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleetReportedBreakdown(StripeObject):
    """The merchant's breakdown of the amount into fuel, non-fuel and tax."""

    fuel: IssuingTransactionPurchaseDetailsFleetReportedBreakdownFuel | None
    non_fuel: IssuingTransactionPurchaseDetailsFleetReportedBreakdownNonFuel | None
    tax: IssuingTransactionPurchaseDetailsFleetReportedBreakdownTax | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleetReportedBreakdownFuel(StripeObject):
    """The fuel part of the amount."""

    gross_amount_decimal: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleetReportedBreakdownNonFuel(StripeObject):
    """The non-fuel part of the amount."""

    gross_amount_decimal: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFleetReportedBreakdownTax(StripeObject):
    """The taxes in the amount."""

    local_amount_decimal: str | None
    national_amount_decimal: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFlight(StripeObject):
    """Details of a flight purchase."""

    departure_at: int | None
    passenger_name: str | None
    refundable: bool | None
    segments: list[IssuingTransactionPurchaseDetailsFlightSegment] | None
    travel_agency: str | None


@stripe_model
class IssuingTransactionPurchaseDetailsFlightSegment(StripeObject):
    """One leg of a flight."""

    arrival_airport_code: str | None
    carrier: str | None
    departure_airport_code: str | None
    flight_number: str | None
    service_class: str | None
    stopover_allowed: bool | None


@stripe_model
class IssuingTransactionPurchaseDetailsFuel(StripeObject):
    """Details of a fuel purchase."""

    industry_product_code: str | None
    quantity_decimal: str | None
    type: Literal["diesel", "other", "unleaded_plus", "unleaded_regular", "unleaded_super"] | str
    unit: (
        Literal[
            "charging_minute", "imperial_gallon", "kilogram", "kilowatt_hour", "liter", "other", "pound", "us_gallon"
        ]
        | str
    )
    unit_cost_decimal: str


@stripe_model
class IssuingTransactionPurchaseDetailsLodging(StripeObject):
    """Details of a lodging (hotel) purchase."""

    check_in_at: int | None
    nights: int | None


@stripe_model
class IssuingTransactionPurchaseDetailsReceipt(StripeObject):
    """One line of the merchant's receipt."""

    description: str | None
    quantity: float | None
    total: int | None
    unit_cost: int | None


@stripe_model
class IssuingTransactionTreasury(StripeObject):
    """The Treasury objects of a transaction on a FinancialAccount."""

    received_credit: str | None
    received_debit: str | None
