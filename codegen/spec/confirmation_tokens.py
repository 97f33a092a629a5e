"""ConfirmationTokens: GET /v1/confirmation_tokens/{confirmation_token}.

Stripe.js creates ConfirmationTokens in the browser; a server only reads them
(to inspect the payment details before confirming an intent with
``confirmation_token=``).
"""

from codegen.dsl import Method, Resource

RESOURCE = Resource(
    attr="confirmation_tokens",
    class_name="ConfirmationTokens",
    doc="ConfirmationTokens: payment details from Stripe.js, to confirm a PaymentIntent or SetupIntent with.",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/confirmation_tokens/{confirmation_token}",
            returns="ConfirmationToken",
            doc="Retrieve a ConfirmationToken by its ID, for example to check its payment method before confirming.",
        ),
    ],
)
