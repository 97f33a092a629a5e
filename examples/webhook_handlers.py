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

log = logging.getLogger("webhooks")

Handler = Callable[[Any], None]


def _object(event: Any) -> dict[str, Any]:
    """The object the event is about, as Stripe sent it."""
    # With the typed Event model to come, this becomes event.data.object.
    data: dict[str, Any] = event.to_dict()["data"]["object"]
    return data


def payment_succeeded(event: Any) -> None:
    intent = _object(event)
    log.info(
        "PaymentIntent %s succeeded (%s %s): fulfil the order",
        intent.get("id"),
        intent.get("amount_received"),
        intent.get("currency"),
    )


def payment_failed(event: Any) -> None:
    intent = _object(event)
    error = intent.get("last_payment_error") or {}
    log.info(
        "PaymentIntent %s failed (%s): ask the customer for another way to pay",
        intent.get("id"),
        error.get("message", "no reason given"),
    )


def charge_refunded(event: Any) -> None:
    charge = _object(event)
    log.info(
        "Charge %s refunded: %s of %s %s",
        charge.get("id"),
        charge.get("amount_refunded"),
        charge.get("amount"),
        charge.get("currency"),
    )


HANDLERS: dict[str, Handler] = {
    "payment_intent.succeeded": payment_succeeded,
    "payment_intent.payment_failed": payment_failed,
    "charge.refunded": charge_refunded,
}


def dispatch(event: Any, handlers: Mapping[str, Handler] = HANDLERS) -> bool:
    """Run the handler for the event's type; False when there is none.

    An event without a handler is still answered with 2xx: otherwise Stripe
    would keep sending it. It is logged, so that nothing is dropped unseen.
    """
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
