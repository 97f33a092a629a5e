"""Refunds: /v1/refunds and its cancel action."""

from codegen.dsl import BOOL, CREATED_FILTER, INT, METADATA, STR, Method, Resource, enum, list_params, opt

RESOURCE = Resource(
    attr="refunds",
    class_name="Refunds",
    doc="Refunds: give back all or part of a charge or PaymentIntent.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/refunds",
            returns="Refund",
            doc="Refund a charge or PaymentIntent (in full unless you pass an amount).",
            params={
                "amount": opt(INT, "How much to refund, in the smallest currency unit; the whole rest by default."),
                "charge": opt(STR, "The ID of the charge to refund (or pass payment_intent)."),
                "currency": opt(STR, "Three-letter ISO currency code, in lowercase (for customer balance refunds)."),
                "customer": opt(STR, "The ID of the Customer whose cash balance to refund from."),
                "instructions_email": opt(
                    STR, "Where to email refund instructions, for payment methods that can't refund by themselves."
                ),
                "metadata": opt(METADATA, "Key-value pairs to attach to the refund."),
                "origin": opt(enum("customer_balance"), "Where the refunded funds come from."),
                "payment_intent": opt(STR, "The ID of the PaymentIntent to refund (or pass charge)."),
                "reason": opt(
                    enum("duplicate", "fraudulent", "requested_by_customer"),
                    "Why you refund; fraudulent also adds the card and email to your block lists.",
                ),
                "refund_application_fee": opt(BOOL, "Refund the application fee too, in proportion (Connect)."),
                "reverse_transfer": opt(BOOL, "Reverse the transfer to the connected account, in proportion."),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/refunds/{refund}",
            returns="Refund",
            doc="Retrieve a refund by its ID.",
        ),
        Method(
            "update",
            "post",
            "/v1/refunds/{refund}",
            returns="Refund",
            doc="Update a refund's metadata.",
            params={"metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.')},
        ),
        Method(
            "list",
            "get",
            "/v1/refunds",
            returns="Refund",
            kind="list",
            doc="List refunds, newest first.",
            params=list_params(
                charge=opt(STR, "Only refunds of this charge."),
                created=opt(CREATED_FILTER, "Only refunds created at this time or in this range."),
                payment_intent=opt(STR, "Only refunds of this PaymentIntent."),
            ),
        ),
        Method(
            "cancel",
            "post",
            "/v1/refunds/{refund}/cancel",
            returns="Refund",
            doc="Cancel a refund that is still waiting for action (status requires_action).",
        ),
    ],
)
