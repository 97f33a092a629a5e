"""Receive Stripe's webhooks with FastAPI: check each request's signature, then act on the event by its type.

    pip install 'stripe-lite[examples]'
    export STRIPE_WEBHOOK_SECRET=whsec_...      # several, comma-separated, while rolling the secret
    python examples/webhooks_fastapi.py         # listens on http://127.0.0.1:4242/webhook (PORT to change)

To send it test events, forward them with Stripe's CLI, which prints the
secret to use:

    stripe listen --forward-to localhost:4242/webhook
    stripe trigger payment_intent.succeeded

What each event type does is in webhook_handlers.py.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from webhook_handlers import HANDLERS, Handler, dispatch, secrets_from_env

from stripe_lite.errors import InvalidResponseError, SignatureVerificationError
from stripe_lite.webhooks import construct_event

log = logging.getLogger("webhooks")


def create_app(secrets: Sequence[str], handlers: Mapping[str, Handler] = HANDLERS) -> FastAPI:
    """The receiver, answering POST /webhook."""
    app = FastAPI(title="Stripe webhook receiver")

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        # The body exactly as it came, which is what Stripe signed. A Pydantic
        # model or dict parameter here would parse it first, and what it gave
        # back would no longer be those bytes.
        payload = await request.body()
        try:
            event = construct_event(payload, request.headers.get("Stripe-Signature"), secrets)
        except SignatureVerificationError as error:
            # The details go to the log; the sender learns only the reason.
            log.warning("Refused a webhook: %s", error)
            return JSONResponse({"error": "signature", "reason": error.reason}, status_code=400)
        except InvalidResponseError as error:
            log.warning("Refused a signed webhook that holds no event: %s", error)
            return JSONResponse({"error": "payload"}, status_code=400)
        return JSONResponse({"received": True, "handled": dispatch(event, handlers)})

    return app


def main() -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    secrets = secrets_from_env()
    uvicorn.run(create_app(secrets), host="127.0.0.1", port=int(os.environ.get("PORT", "4242")))


if __name__ == "__main__":
    main()
