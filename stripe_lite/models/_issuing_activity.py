"""Issuing disputes, settlements, tokens and transactions."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "IssuingDispute",
    "IssuingSettlement",
    "IssuingToken",
    "IssuingTransaction",
]


@stripe_model
class IssuingDispute(StripeObject):
    """A dispute of an Issuing transaction with the card network."""

    id: str
    object: Literal["issuing.dispute"]


@stripe_model
class IssuingSettlement(StripeObject):
    """A settlement of Issuing activity with a card network."""

    id: str
    object: Literal["issuing.settlement"]


@stripe_model
class IssuingToken(StripeObject):
    """A network token of an Issuing card (for a digital wallet or merchant)."""

    id: str
    object: Literal["issuing.token"]


@stripe_model
class IssuingTransaction(StripeObject):
    """An Issuing transaction: money moving on an Issuing card."""

    id: str
    object: Literal["issuing.transaction"]
