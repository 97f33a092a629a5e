"""Receive Stripe's webhooks: check that Stripe sent them, then read the event.

Stripe signs every webhook it sends with the endpoint's secret (``whsec_...``)
and puts the signature in the ``Stripe-Signature`` header. Pass the request's
raw body, that header and the secret to :func:`construct_event`::

    from stripe_lite.errors import SignatureVerificationError
    from stripe_lite.webhooks import construct_event

    try:
        event = construct_event(request_body, request.headers.get("Stripe-Signature"), "whsec_...")
    except SignatureVerificationError as error:
        ...  # answer 400: not from Stripe, or altered, or replayed (error.reason tells which)

In tests, :func:`generate_signature_header` signs a payload as Stripe would.
See docs/webhooks.md for rotation, the time window and common mistakes.
"""

from __future__ import annotations

from ._webhooks import (
    DEFAULT_TOLERANCE,
    Payload,
    Secret,
    construct_event,
    generate_signature_header,
    parse_event,
    verify_signature,
)
from .errors import SignatureVerificationError, SignatureVerificationReason

__all__ = [
    "DEFAULT_TOLERANCE",
    "Payload",
    "Secret",
    "SignatureVerificationError",
    "SignatureVerificationReason",
    "construct_event",
    "generate_signature_header",
    "parse_event",
    "verify_signature",
]
