"""Financial Connections sessions, accounts and account owners."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "FinancialConnectionsAccount",
    "FinancialConnectionsAccountOwner",
    "FinancialConnectionsSession",
]


@stripe_model
class FinancialConnectionsSession(StripeObject):
    """A Financial Connections session: one run of the account-linking flow."""

    id: str
    object: Literal["financial_connections.session"]


@stripe_model
class FinancialConnectionsAccount(StripeObject):
    """A financial account your customer linked through Financial Connections."""

    id: str
    object: Literal["financial_connections.account"]


@stripe_model
class FinancialConnectionsAccountOwner(StripeObject):
    """An owner of a Financial Connections account, as the institution reports it."""

    id: str
    object: Literal["financial_connections.account_owner"]
