"""Payment Links and their line items."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "LineItem",
    "PaymentLink",
]


@stripe_model
class PaymentLink(StripeObject):
    """A Payment Link: a shareable URL to a hosted payment page."""

    id: str
    object: Literal["payment_link"]


@stripe_model
class LineItem(StripeObject):
    """A line item of a Payment Link or Checkout Session."""

    id: str
    object: Literal["item"]
