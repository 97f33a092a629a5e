"""Payouts: /v1/payouts and its cancel and reverse actions."""

from codegen.dsl import CREATED_FILTER, INT, METADATA, STR, Method, Resource, enum, list_params, opt, req

RESOURCE = Resource(
    attr="payouts",
    class_name="Payouts",
    doc="Payouts: send funds from your Stripe balance to a bank account or debit card.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/payouts",
            returns="Payout",
            doc="Send funds from your balance to one of your bank accounts or debit cards.",
            params={
                "amount": req(INT, "How much to pay out, in the smallest currency unit (e.g. cents)."),
                "currency": req(STR, "Three-letter ISO currency code, in lowercase."),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "destination": opt(
                    STR, "The ID of the bank account or card to pay out to; the currency's default one if left out."
                ),
                "metadata": opt(METADATA, "Key-value pairs to attach to the payout."),
                "method": opt(enum("instant", "standard"), "standard, or instant where the destination supports it."),
                "payout_method": opt(STR, "The ID of a v2 FinancialAccount to send the funds to."),
                "source_type": opt(
                    enum("bank_account", "card", "fpx"), "Which of your balances (by payment source) to pay out from."
                ),
                "statement_descriptor": opt(
                    STR, "Text on the recipient's bank or card statement, up to 22 characters."
                ),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/payouts/{payout}",
            returns="Payout",
            doc="Retrieve a payout by its ID.",
        ),
        Method(
            "update",
            "post",
            "/v1/payouts/{payout}",
            returns="Payout",
            doc="Update a payout's metadata.",
            params={"metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.')},
        ),
        Method(
            "list",
            "get",
            "/v1/payouts",
            returns="Payout",
            kind="list",
            doc="List payouts, newest first.",
            params=list_params(
                arrival_date=opt(CREATED_FILTER, "Only payouts expected to arrive at this time or in this range."),
                created=opt(CREATED_FILTER, "Only payouts created at this time or in this range."),
                destination=opt(STR, "Only payouts sent to this external account."),
                status=opt(STR, "Only payouts with this status: pending, paid, failed or canceled."),
            ),
        ),
        Method(
            "cancel",
            "post",
            "/v1/payouts/{payout}/cancel",
            returns="Payout",
            doc="Cancel a payout that hasn't been sent to the bank yet; the funds return to your balance.",
        ),
        Method(
            "reverse",
            "post",
            "/v1/payouts/{payout}/reverse",
            returns="Payout",
            doc="Reverse a paid payout by creating a payout in the opposite direction (US bank accounts only).",
            params={"metadata": opt(METADATA, "Key-value pairs to attach to the reversing payout.")},
        ),
    ],
)
