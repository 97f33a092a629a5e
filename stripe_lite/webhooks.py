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

The event is typed by its ``type``: after ``if event.type == "payment_intent.succeeded":``
a type checker knows ``event.data.object`` is a ``PaymentIntent``. Event
destinations of API v2 send thin events: read those with
:func:`parse_event_notification`.

In tests, :func:`generate_signature_header` signs a payload as Stripe would.
See docs/webhooks.md for rotation, the time window, typed events and common mistakes.
"""

from __future__ import annotations

from ._webhooks import (
    DEFAULT_TOLERANCE,
    Payload,
    Secret,
    construct_event,
    generate_signature_header,
    parse_event,
    parse_event_notification,
    verify_signature,
)
from .errors import APIVersionMismatchError, SignatureVerificationError, SignatureVerificationReason

__all__ = [
    "DEFAULT_TOLERANCE",
    "APIVersionMismatchError",
    "Payload",
    "Secret",
    "SignatureVerificationError",
    "SignatureVerificationReason",
    "construct_event",
    "generate_signature_header",
    "parse_event",
    "parse_event_notification",
    "verify_signature",
]
