"""Tokens, ConfirmationTokens, and the card and bank account objects tokens carry."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "BankAccount",
    "Card",
    "ConfirmationToken",
    "Token",
]


@stripe_model
class ConfirmationToken(StripeObject):
    """A ConfirmationToken: payment details collected by Stripe.js, ready to confirm an intent."""

    id: str
    object: Literal["confirmation_token"]


@stripe_model
class Token(StripeObject):
    """A single-use token for card, bank account, account or person details."""

    id: str
    object: Literal["token"]


@stripe_model
class BankAccount(StripeObject):
    """A bank account: of a token, or an external account payouts go to."""

    id: str
    object: Literal["bank_account"]


@stripe_model
class Card(StripeObject):
    """A card: of a token, or an external account (debit card) payouts go to."""

    id: str
    object: Literal["card"]
