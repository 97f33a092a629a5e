"""Issuing cardholders, cards, personalization designs and physical bundles."""

from __future__ import annotations

from typing import Literal

from ._base import StripeObject, stripe_model

__all__ = [
    "IssuingCard",
    "IssuingCardholder",
    "IssuingPersonalizationDesign",
    "IssuingPhysicalBundle",
]


@stripe_model
class IssuingCardholder(StripeObject):
    """An Issuing cardholder: a person or business that can be issued cards."""

    id: str
    object: Literal["issuing.cardholder"]


@stripe_model
class IssuingCard(StripeObject):
    """An Issuing card, physical or virtual, issued to a cardholder."""

    id: str
    object: Literal["issuing.card"]


@stripe_model
class IssuingPersonalizationDesign(StripeObject):
    """A design for personalizing physical Issuing cards."""

    id: str
    object: Literal["issuing.personalization_design"]


@stripe_model
class IssuingPhysicalBundle(StripeObject):
    """A physical bundle: the card stock, carrier and envelope of physical cards."""

    id: str
    object: Literal["issuing.physical_bundle"]
