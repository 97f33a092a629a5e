"""Tokens and ConfirmationTokens."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
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
