"""Mandates and PaymentAttemptRecords."""

from __future__ import annotations

import stripe_lite
from stripe_lite.models import Mandate, PaymentAttemptRecord

from . import ModelCase, ServiceCase, listing, payload

MANDATE = payload("mandate")
RECORD = payload("payment_attempt_record")

# (id, service, method, args, kwargs, http method, path, expected pairs, response, result model)
SERVICE_CASES: list[ServiceCase] = [
    (
        "mandate-retrieve",
        "mandates",
        "retrieve",
        (MANDATE["id"],),
        {"expand": ["payment_method"]},
        "GET",
        f"/v1/mandates/{MANDATE['id']}",
        [("expand[0]", "payment_method")],
        MANDATE,
        Mandate,
    ),
    (
        "par-retrieve",
        "payment_attempt_records",
        "retrieve",
        (RECORD["id"],),
        {"expand": ["payment_method_details.us_bank_account.mandate"]},
        "GET",
        f"/v1/payment_attempt_records/{RECORD['id']}",
        [("expand[0]", "payment_method_details.us_bank_account.mandate")],
        RECORD,
        PaymentAttemptRecord,
    ),
    (
        "par-list",
        "payment_attempt_records",
        "list",
        (),
        {"payment_record": RECORD["payment_record"], "limit": 10, "starting_after": "par_1QzT0aHk2LmR4vXyPrev0000"},
        "GET",
        "/v1/payment_attempt_records",
        [
            ("payment_record", RECORD["payment_record"]),
            ("limit", "10"),
            ("starting_after", "par_1QzT0aHk2LmR4vXyPrev0000"),
        ],
        listing("payment_attempt_record", "/v1/payment_attempt_records"),
        stripe_lite.ListPage,
    ),
]

MODEL_CASES: dict[str, ModelCase] = {
    "mandate": (Mandate, {"future_field", "payment_method_details.sepa_debit.future_hint"}),
    "payment_attempt_record": (PaymentAttemptRecord, {"future_field", "processor_details.custom.future_hint"}),
}
