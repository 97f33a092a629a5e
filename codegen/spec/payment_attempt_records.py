"""PaymentAttemptRecords: /v1/payment_attempt_records."""

from codegen.dsl import INT, STR, Method, Resource, opt, req

RESOURCE = Resource(
    attr="payment_attempt_records",
    class_name="PaymentAttemptRecords",
    doc="Payment attempt records: each attempt at the payment a Payment Record stands for.",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/payment_attempt_records/{id}",
            returns="PaymentAttemptRecord",
            doc="Retrieve a payment attempt record.",
        ),
        Method(
            "list",
            "get",
            "/v1/payment_attempt_records",
            returns="PaymentAttemptRecord",
            kind="list",
            doc="List the attempts recorded for a Payment Record.",
            # Stripe pages these forwards only: the endpoint takes no ending_before.
            params={
                "payment_record": req(STR, "The Payment Record whose attempts to list."),
                "limit": opt(INT, "How many objects a page holds, 1 to 100 (default 10)."),
                "starting_after": opt(STR, "A cursor: the id of the object to list after."),
            },
        ),
    ],
)
