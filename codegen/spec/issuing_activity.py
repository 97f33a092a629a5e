"""Issuing disputes, settlements, tokens and transactions: /v1/issuing/{disputes,settlements,tokens,transactions}.

All four live under ``client.issuing``. Dispute evidence is one sub-object per
reason; every evidence field (and every per-reason object) accepts ``""``,
which clears it on update.
"""

from codegen.dsl import (
    BOOL,
    CREATED_FILTER,
    INT,
    METADATA,
    STR,
    TIMESTAMP,
    Method,
    Param,
    Resource,
    emptyable,
    enum,
    list_params,
    obj,
    opt,
    req,
)

# --- dispute evidence ------------------------------------------------------------

P_ADDITIONAL_DOCUMENTATION = "The ID of an uploaded File with more documentation for the dispute."
P_EXPLANATION = "Why the cardholder disputes this transaction, in their words or yours."
P_PRODUCT_DESCRIPTION = "What was bought: the merchandise or service."
P_PRODUCT_TYPE = "Whether the purchase was merchandise or a service."
P_RETURN_STATUS = "How the cardholder's attempt to return the product ended."
P_RETURNED_AT = "When the product was returned, or the return was attempted."
P_CANCELED_AT = "When the order was canceled."
P_CANCELLATION_REASON = "Why the order was canceled."
P_EXPECTED_AT = "When the cardholder expected to receive the product."
P_RECEIVED_AT = "When the product was received."

PRODUCT_TYPE = emptyable(enum("merchandise", "service"))
RETURN_STATUS = emptyable(enum("merchant_rejected", "successful"))
FILE_ID = emptyable(STR)


def _common(**more: Param) -> dict[str, Param]:
    """The evidence fields every reason takes, plus that reason's own."""
    fields = {
        "additional_documentation": opt(FILE_ID, P_ADDITIONAL_DOCUMENTATION),
        "explanation": opt(emptyable(STR), P_EXPLANATION),
        **more,
    }
    return dict(sorted(fields.items()))


EVIDENCE_CANCELED = obj(
    "IssuingDisputeEvidenceCanceledParam",
    _common(
        canceled_at=opt(emptyable(TIMESTAMP), P_CANCELED_AT),
        cancellation_policy_provided=opt(emptyable(BOOL), "Whether the cardholder was shown a cancellation policy."),
        cancellation_reason=opt(emptyable(STR), P_CANCELLATION_REASON),
        expected_at=opt(emptyable(TIMESTAMP), P_EXPECTED_AT),
        product_description=opt(emptyable(STR), P_PRODUCT_DESCRIPTION),
        product_type=opt(PRODUCT_TYPE, P_PRODUCT_TYPE),
        return_status=opt(RETURN_STATUS, P_RETURN_STATUS),
        returned_at=opt(emptyable(TIMESTAMP), P_RETURNED_AT),
    ),
    "Evidence for a dispute with reason `canceled`.",
)

EVIDENCE_DUPLICATE = obj(
    "IssuingDisputeEvidenceDuplicateParam",
    _common(
        card_statement=opt(FILE_ID, "The ID of an uploaded card statement showing the earlier payment."),
        cash_receipt=opt(FILE_ID, "The ID of an uploaded receipt showing the product was paid in cash."),
        check_image=opt(FILE_ID, "The ID of an uploaded image of both sides of the check that paid."),
        original_transaction=opt(STR, "The ID of the original, undisputed transaction (ipi_...) this one duplicates."),
    ),
    "Evidence for a dispute with reason `duplicate`.",
)

EVIDENCE_FRAUDULENT = obj(
    "IssuingDisputeEvidenceFraudulentParam",
    _common(),
    "Evidence for a dispute with reason `fraudulent`.",
)

EVIDENCE_MERCHANDISE_NOT_AS_DESCRIBED = obj(
    "IssuingDisputeEvidenceMerchandiseNotAsDescribedParam",
    _common(
        received_at=opt(emptyable(TIMESTAMP), P_RECEIVED_AT),
        return_description=opt(emptyable(STR), "How the cardholder tried to return the product."),
        return_status=opt(RETURN_STATUS, P_RETURN_STATUS),
        returned_at=opt(emptyable(TIMESTAMP), P_RETURNED_AT),
    ),
    "Evidence for a dispute with reason `merchandise_not_as_described`.",
)

EVIDENCE_NO_VALID_AUTHORIZATION = obj(
    "IssuingDisputeEvidenceNoValidAuthorizationParam",
    _common(),
    "Evidence for a dispute with reason `no_valid_authorization`.",
)

EVIDENCE_NOT_RECEIVED = obj(
    "IssuingDisputeEvidenceNotReceivedParam",
    _common(
        expected_at=opt(emptyable(TIMESTAMP), P_EXPECTED_AT),
        product_description=opt(emptyable(STR), P_PRODUCT_DESCRIPTION),
        product_type=opt(PRODUCT_TYPE, P_PRODUCT_TYPE),
    ),
    "Evidence for a dispute with reason `not_received`.",
)

EVIDENCE_OTHER = obj(
    "IssuingDisputeEvidenceOtherParam",
    _common(
        product_description=opt(emptyable(STR), P_PRODUCT_DESCRIPTION),
        product_type=opt(PRODUCT_TYPE, P_PRODUCT_TYPE),
    ),
    "Evidence for a dispute with reason `other`.",
)

EVIDENCE_SERVICE_NOT_AS_DESCRIBED = obj(
    "IssuingDisputeEvidenceServiceNotAsDescribedParam",
    _common(
        canceled_at=opt(emptyable(TIMESTAMP), P_CANCELED_AT),
        cancellation_reason=opt(emptyable(STR), P_CANCELLATION_REASON),
        received_at=opt(emptyable(TIMESTAMP), P_RECEIVED_AT),
    ),
    "Evidence for a dispute with reason `service_not_as_described`.",
)

DISPUTE_REASON = enum(
    "canceled",
    "duplicate",
    "fraudulent",
    "merchandise_not_as_described",
    "no_valid_authorization",
    "not_received",
    "other",
    "service_not_as_described",
)

EVIDENCE = obj(
    "IssuingDisputeEvidenceParam",
    {
        "canceled": opt(emptyable(EVIDENCE_CANCELED), "Evidence when the reason is `canceled`."),
        "duplicate": opt(emptyable(EVIDENCE_DUPLICATE), "Evidence when the reason is `duplicate`."),
        "fraudulent": opt(emptyable(EVIDENCE_FRAUDULENT), "Evidence when the reason is `fraudulent`."),
        "merchandise_not_as_described": opt(
            emptyable(EVIDENCE_MERCHANDISE_NOT_AS_DESCRIBED),
            "Evidence when the reason is `merchandise_not_as_described`.",
        ),
        "no_valid_authorization": opt(
            emptyable(EVIDENCE_NO_VALID_AUTHORIZATION), "Evidence when the reason is `no_valid_authorization`."
        ),
        "not_received": opt(emptyable(EVIDENCE_NOT_RECEIVED), "Evidence when the reason is `not_received`."),
        "other": opt(emptyable(EVIDENCE_OTHER), "Evidence when the reason is `other`."),
        "reason": opt(DISPUTE_REASON, "Why the dispute is filed; put the evidence under the key of the same name."),
        "service_not_as_described": opt(
            emptyable(EVIDENCE_SERVICE_NOT_AS_DESCRIBED), "Evidence when the reason is `service_not_as_described`."
        ),
    },
    "The evidence of a dispute: its reason and the evidence for that reason.",
)

TREASURY = obj(
    "IssuingDisputeTreasuryParam",
    {"received_debit": req(STR, "The ID of the ReceivedDebit to dispute.")},
    "What to dispute when the transaction is on a Treasury FinancialAccount.",
)

P_AMOUNT = "The amount disputed, in the card's currency and smallest unit (defaults to the whole transaction)."
P_EVIDENCE = "The evidence; only checked for completeness when the dispute is submitted."

DISPUTES = Resource(
    attr="disputes",
    class_name="IssuingDisputes",
    doc="Issuing disputes: challenge a transaction on one of your cards with the card network.",
    namespace="issuing",
    methods=[
        Method(
            "create",
            "post",
            "/v1/issuing/disputes",
            returns="IssuingDispute",
            doc="Open a dispute of an Issuing transaction (it stays unsubmitted until you submit it).",
            params={
                "amount": opt(INT, P_AMOUNT),
                "evidence": opt(EVIDENCE, P_EVIDENCE),
                "metadata": opt(METADATA, "Key-value pairs to attach to the dispute."),
                "transaction": opt(STR, "The ID of the Issuing transaction to dispute."),
                "treasury": opt(TREASURY, "For Treasury FinancialAccounts: the ReceivedDebit to dispute."),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/issuing/disputes/{dispute}",
            returns="IssuingDispute",
            doc="Fetch an Issuing dispute.",
        ),
        Method(
            "update",
            "post",
            "/v1/issuing/disputes/{dispute}",
            returns="IssuingDispute",
            doc='Change an unsubmitted dispute; pass "" to clear an evidence field.',
            params={
                "amount": opt(INT, "The amount disputed, in the card's currency and smallest unit."),
                "evidence": opt(EVIDENCE, P_EVIDENCE),
                "metadata": opt(METADATA, "Key-value pairs to attach to the dispute."),
            },
        ),
        Method(
            "list",
            "get",
            "/v1/issuing/disputes",
            returns="IssuingDispute",
            kind="list",
            doc="List Issuing disputes, newest first.",
            params=list_params(
                created=opt(CREATED_FILTER, "Only disputes created during this time or range."),
                status=opt(
                    enum("expired", "lost", "submitted", "unsubmitted", "won"), "Only disputes with this status."
                ),
                transaction=opt(STR, "Only the dispute of this transaction."),
            ),
        ),
        Method(
            "submit",
            "post",
            "/v1/issuing/disputes/{dispute}/submit",
            returns="IssuingDispute",
            doc="Send a dispute to the card network; Stripe first checks the evidence its reason needs.",
            params={"metadata": opt(METADATA, "Key-value pairs to attach to the dispute.")},
        ),
    ],
)

SETTLEMENTS = Resource(
    attr="settlements",
    class_name="IssuingSettlements",
    doc="Issuing settlements: what you owe a card network when you settle with it directly.",
    namespace="issuing",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/issuing/settlements/{settlement}",
            returns="IssuingSettlement",
            doc="Fetch an Issuing settlement.",
        ),
        Method(
            "update",
            "post",
            "/v1/issuing/settlements/{settlement}",
            returns="IssuingSettlement",
            doc="Change the metadata of an Issuing settlement.",
            params={"metadata": opt(METADATA, "Key-value pairs to attach to the settlement.")},
        ),
    ],
)

TOKENS = Resource(
    attr="tokens",
    class_name="IssuingTokens",
    doc="Issuing tokens: network tokens of your cards, in digital wallets or held by merchants.",
    namespace="issuing",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/issuing/tokens/{token}",
            returns="IssuingToken",
            doc="Fetch an Issuing token.",
        ),
        Method(
            "update",
            "post",
            "/v1/issuing/tokens/{token}",
            returns="IssuingToken",
            doc="Ask the network to move a token to another status (suspend, reactivate or delete it).",
            params={"status": req(enum("active", "deleted", "suspended"), "The status to move the token to.")},
        ),
        Method(
            "list",
            "get",
            "/v1/issuing/tokens",
            returns="IssuingToken",
            kind="list",
            doc="List the tokens of an Issuing card, newest first.",
            params=list_params(
                card=req(STR, "The ID of the Issuing card whose tokens to list."),
                created=opt(CREATED_FILTER, "Only tokens created during this time or range."),
                status=opt(enum("active", "deleted", "requested", "suspended"), "Only tokens with this status."),
            ),
        ),
    ],
)

TRANSACTIONS = Resource(
    attr="transactions",
    class_name="IssuingTransactions",
    doc="Issuing transactions: captures and refunds on your cards.",
    namespace="issuing",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/issuing/transactions/{transaction}",
            returns="IssuingTransaction",
            doc="Fetch an Issuing transaction.",
        ),
        Method(
            "update",
            "post",
            "/v1/issuing/transactions/{transaction}",
            returns="IssuingTransaction",
            doc="Change the metadata of an Issuing transaction.",
            params={"metadata": opt(METADATA, "Key-value pairs to attach to the transaction.")},
        ),
        Method(
            "list",
            "get",
            "/v1/issuing/transactions",
            returns="IssuingTransaction",
            kind="list",
            doc="List Issuing transactions, newest first.",
            params=list_params(
                card=opt(STR, "Only transactions on this card."),
                cardholder=opt(STR, "Only transactions of this cardholder."),
                created=opt(CREATED_FILTER, "Only transactions created during this time or range."),
                type=opt(enum("capture", "refund"), "Only captures or only refunds."),
            ),
        ),
    ],
)

RESOURCES = [DISPUTES, SETTLEMENTS, TOKENS, TRANSACTIONS]
