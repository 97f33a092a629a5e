"""Mandates and payment attempt records."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "Mandate",
    "PaymentAttemptRecord",
]


@stripe_model
class Mandate(StripeObject):
    """A Mandate: a customer's permission to debit their payment method."""

    id: str
    object: Literal["mandate"]


@stripe_model
class PaymentAttemptRecord(StripeObject):
    """A record of one attempt at a payment made outside Stripe or through it."""

    id: str
    object: Literal["payment_attempt_record"]
