"""Receive Stripe's webhooks with Flask: check each request's signature, then act on the event by its type.

    pip install 'stripe-lite[examples]'
    export STRIPE_WEBHOOK_SECRET=whsec_...      # several, comma-separated, while rolling the secret
    python examples/webhooks_flask.py           # listens on http://127.0.0.1:4242/webhook (PORT to change)

To send it test events, forward them with Stripe's CLI, which prints the
secret to use:

    stripe listen --forward-to localhost:4242/webhook
    stripe trigger payment_intent.succeeded

What each event type does is in webhook_handlers.py. Flask's own server is
for development; behind a production WSGI server create_app() serves the same.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

from flask import Flask, request
from webhook_handlers import HANDLERS, Handler, dispatch, secrets_from_env

from stripe_lite.errors import InvalidResponseError, SignatureVerificationError
from stripe_lite.webhooks import construct_event

log = logging.getLogger("webhooks")


def create_app(secrets: Sequence[str], handlers: Mapping[str, Handler] = HANDLERS) -> Flask:
    """The receiver, answering POST /webhook."""
    app = Flask(__name__)

    @app.post("/webhook")
    def webhook() -> tuple[dict[str, Any], int]:
        # The body exactly as it came, which is what Stripe signed; request.json
        # would be the parsed JSON, which no longer gives back those bytes.
        payload = request.get_data()
        try:
            event = construct_event(payload, request.headers.get("Stripe-Signature"), secrets)
        except SignatureVerificationError as error:
            # The details go to the log; the sender learns only the reason.
            log.warning("Refused a webhook: %s", error)
            return {"error": "signature", "reason": error.reason}, 400
        except InvalidResponseError as error:
            log.warning("Refused a signed webhook that holds no event: %s", error)
            return {"error": "payload"}, 400
        return {"received": True, "handled": dispatch(event, handlers)}, 200

    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    secrets = secrets_from_env()
    create_app(secrets).run(host="127.0.0.1", port=int(os.environ.get("PORT", "4242")))


if __name__ == "__main__":
    main()
