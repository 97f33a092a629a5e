"""What the webhook receivers in this folder do with each event, whatever the web framework.

webhooks_fastapi.py and webhooks_flask.py check each request's signature and
hand the event to :func:`dispatch`, which runs the handler registered for the
event's type. Keep handlers quick: Stripe waits for the answer and sends the
event again when it does not come in time, so long work belongs on a queue.
Stripe may also deliver an event more than once: act on each event id once.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

from stripe_lite.models import (
    ChargeRefundedEvent,
    Event,
    PaymentIntentPaymentFailedEvent,
    PaymentIntentSucceededEvent,
    UnknownEvent,
)

log = logging.getLogger("webhooks")

Handler = Callable[[Any], None]
"""A handler takes the event class of the type it is registered for (see HANDLERS)."""


def payment_succeeded(event: PaymentIntentSucceededEvent) -> None:
    intent = event.data.object  # a PaymentIntent: typed, so a misspelt field is a type error
    log.info(
        "PaymentIntent %s succeeded (%s %s): fulfil the order",
        intent.id,
        intent.amount_received,
        intent.currency,
    )


def payment_failed(event: PaymentIntentPaymentFailedEvent) -> None:
    intent = event.data.object
    error = intent.last_payment_error
    log.info(
        "PaymentIntent %s failed (%s): ask the customer for another way to pay",
        intent.id,
        (error.message if error is not None else None) or "no reason given",
    )


def charge_refunded(event: ChargeRefundedEvent) -> None:
    charge = event.data.object  # a Charge
    log.info(
        "Charge %s refunded: %s of %s %s",
        charge.id,
        charge.amount_refunded,
        charge.amount,
        charge.currency,
    )


HANDLERS: dict[str, Handler] = {
    "payment_intent.succeeded": payment_succeeded,
    "payment_intent.payment_failed": payment_failed,
    "charge.refunded": charge_refunded,
}
"""Event type -> its handler. parse_event gives an event of the class its type names, so the
handler registered for a type receives that class (PaymentIntentSucceededEvent here)."""


def dispatch(event: Event, handlers: Mapping[str, Handler] = HANDLERS) -> bool:
    """Run the handler for the event's type; False when there is none.

    An event without a handler is still answered with 2xx: otherwise Stripe
    would keep sending it. It is logged, so that nothing is dropped unseen;
    so is an event of a type this version of stripe_lite does not know.
    """
    if isinstance(event, UnknownEvent):
        log.info("Event %s is of a type stripe_lite does not know: %s", event.id, str(event.type))
    handler = handlers.get(event.type)
    if handler is None:
        log.info("No handler for %s events: %s acknowledged, not acted on", event.type, event.id)
        return False
    handler(event)
    return True


def secrets_from_env(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The signing secrets in STRIPE_WEBHOOK_SECRET: one, or several separated by commas while one is rolled.

    Exits with a message when there is none, or when one is not a webhook
    signing secret.
    """
    # Whitespace around a secret (a newline from a file) is removed here, knowingly.
    secrets = [part.strip() for part in environ.get("STRIPE_WEBHOOK_SECRET", "").split(",") if part.strip()]
    if not secrets:
        sys.exit(
            "Set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret (whsec_...): the Dashboard shows it "
            "with the endpoint, and `stripe listen` prints one."
        )
    if not all(secret.startswith("whsec_") for secret in secrets):
        sys.exit(
            "STRIPE_WEBHOOK_SECRET holds something that is not a webhook signing secret: those start with "
            "whsec_ (sk_... is an API key)."
        )
    return secrets
