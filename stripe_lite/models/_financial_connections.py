"""Financial Connections sessions, accounts and account owners.

Stripe serves these objects under two path families, ``/v1/financial_connections/...``
and the older ``/v1/link_account_sessions`` / ``/v1/linked_accounts``. Responses (and
Stripe's own examples) may carry the older ``object`` values ``link_account_session``,
``linked_account``, ``linked_account_owner`` and ``linked_account_ownership``; each
model's ``object`` accepts both names.

Every field is typed. The balances (``current``, ``cash.available``, ``credit.used``)
are maps from currency code to amount, ``dict[str, int]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ._base import StripeList, StripeObject, stripe_model

if TYPE_CHECKING:
    from ._tokens import Token

__all__ = [
    "FinancialConnectionsAccount",
    "FinancialConnectionsAccountAccountNumber",
    "FinancialConnectionsAccountBalance",
    "FinancialConnectionsAccountBalanceCash",
    "FinancialConnectionsAccountBalanceCredit",
    "FinancialConnectionsAccountHolder",
    "FinancialConnectionsAccountOwner",
    "FinancialConnectionsAccountOwnership",
    "FinancialConnectionsAccountRefresh",
    "FinancialConnectionsAccountStatusDetails",
    "FinancialConnectionsAccountStatusDetailsActive",
    "FinancialConnectionsAccountTransactionRefresh",
    "FinancialConnectionsSession",
    "FinancialConnectionsSessionFilters",
    "FinancialConnectionsSessionLimits",
    "FinancialConnectionsSessionManualEntry",
]

_Permission = Literal["balances", "ownership", "payment_method", "transactions"]
_RefreshStatus = Literal["failed", "pending", "succeeded"]


@stripe_model
class FinancialConnectionsSession(StripeObject):
    """A Financial Connections session: one run of the account-linking flow."""

    id: str
    object: Literal["financial_connections.session", "link_account_session"]
    account_holder: FinancialConnectionsAccountHolder | None
    accounts: StripeList[FinancialConnectionsAccount]
    bank_account_token: Token | None
    client_secret: str | None
    filters: FinancialConnectionsSessionFilters | None
    limits: FinancialConnectionsSessionLimits | None
    livemode: bool
    manual_entry: FinancialConnectionsSessionManualEntry | None
    permissions: list[_Permission | str]
    prefetch: list[Literal["balances", "ownership", "transactions"] | str] | None
    return_url: str | None


@stripe_model
class FinancialConnectionsAccountHolder(StripeObject):
    """Whose accounts these are: a connected account's or a customer's."""

    account: str | StripeObject | None
    customer: str | StripeObject | None
    customer_account: str | None
    type: Literal["account", "customer"] | str


@stripe_model
class FinancialConnectionsSessionFilters(StripeObject):
    """The restrictions on which accounts the customer could link."""

    account_subcategories: (
        list[Literal["checking", "credit_card", "line_of_credit", "mortgage", "savings"] | str] | None
    )
    countries: list[str] | None
    country: str | None
    require_payment_method_support: Literal["all", "at_least_one", "none"] | str | None


@stripe_model
class FinancialConnectionsSessionLimits(StripeObject):
    """Limits of the session."""

    accounts: int


@stripe_model
class FinancialConnectionsSessionManualEntry(StripeObject):
    """Whether and how the customer may type in bank details by hand."""

    mode: Literal["automatic", "disabled"] | str | None


@stripe_model
class FinancialConnectionsAccount(StripeObject):
    """A financial account your customer linked through Financial Connections."""

    id: str
    object: Literal["financial_connections.account", "linked_account"]
    account_holder: FinancialConnectionsAccountHolder | None
    account_numbers: list[FinancialConnectionsAccountAccountNumber] | None
    balance: FinancialConnectionsAccountBalance | None
    balance_refresh: FinancialConnectionsAccountRefresh | None
    category: Literal["cash", "credit", "investment", "other"] | str
    created: int
    display_name: str | None
    institution_name: str
    last4: str | None
    livemode: bool
    ownership: str | FinancialConnectionsAccountOwnership | None
    ownership_refresh: FinancialConnectionsAccountRefresh | None
    permissions: list[_Permission | str] | None
    status: Literal["active", "disconnected", "inactive"] | str
    status_details: FinancialConnectionsAccountStatusDetails | None
    subcategory: Literal["checking", "credit_card", "line_of_credit", "mortgage", "other", "savings"] | str
    subscriptions: list[Literal["transactions"] | str] | None
    supported_payment_method_types: list[Literal["link", "us_bank_account"] | str]
    transaction_refresh: FinancialConnectionsAccountTransactionRefresh | None


@stripe_model
class FinancialConnectionsAccountAccountNumber(StripeObject):
    """An account number (or tokenized number) you can pay with, and its state."""

    expected_expiry_date: int | None
    identifier_type: Literal["account_number", "tokenized_account_number"] | str
    status: Literal["deactivated", "expired", "pending", "transactable"] | str
    supported_networks: list[Literal["ach"] | str]


@stripe_model
class FinancialConnectionsAccountBalance(StripeObject):
    """The latest balance Stripe fetched; amounts are maps from currency to minor units."""

    as_of: int
    cash: FinancialConnectionsAccountBalanceCash | None
    credit: FinancialConnectionsAccountBalanceCredit | None
    current: dict[str, int]
    type: Literal["cash", "credit"] | str


@stripe_model
class FinancialConnectionsAccountBalanceCash(StripeObject):
    """Balance details of a cash account."""

    available: dict[str, int] | None


@stripe_model
class FinancialConnectionsAccountBalanceCredit(StripeObject):
    """Balance details of a credit account."""

    used: dict[str, int] | None


@stripe_model
class FinancialConnectionsAccountRefresh(StripeObject):
    """The latest attempt to refresh the balance or the ownership data."""

    last_attempted_at: int
    next_refresh_available_at: int | None
    status: _RefreshStatus | str


@stripe_model
class FinancialConnectionsAccountTransactionRefresh(StripeObject):
    """The latest attempt to refresh the account's transactions."""

    id: str
    last_attempted_at: int
    next_refresh_available_at: int | None
    status: _RefreshStatus | str


@stripe_model
class FinancialConnectionsAccountStatusDetails(StripeObject):
    """More about the account's status."""

    active: FinancialConnectionsAccountStatusDetailsActive | None


@stripe_model
class FinancialConnectionsAccountStatusDetailsActive(StripeObject):
    """An active account's upcoming deactivation, and what would prevent it."""

    action: Literal["none", "relink_required"] | str
    cause: Literal["access_expired", "institution_requirement", "unspecified"] | str
    expected_deactivation_date: int


@stripe_model
class FinancialConnectionsAccountOwnership(StripeObject):
    """A snapshot of an account's owners at one point in time."""

    id: str
    object: Literal["financial_connections.account_ownership", "linked_account_ownership"]
    created: int
    owners: StripeList[FinancialConnectionsAccountOwner]


@stripe_model
class FinancialConnectionsAccountOwner(StripeObject):
    """An owner of a Financial Connections account, as the institution reports it."""

    id: str
    object: Literal["financial_connections.account_owner", "linked_account_owner"]
    email: str | None
    name: str
    ownership: str
    phone: str | None
    raw_address: str | None
    refreshed_at: int | None
