"""Payouts and refunds."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "Payout",
    "Refund",
]


@stripe_model
class Payout(StripeObject):
    """A payout of funds from your Stripe balance to a bank account or debit card."""

    id: str
    object: Literal["payout"]


@stripe_model
class Refund(StripeObject):
    """A refund of a charge or PaymentIntent."""

    id: str
    object: Literal["refund"]
