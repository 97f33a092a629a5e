"""Financial Connections sessions, accounts and owners, under both path families."""

from __future__ import annotations

import stripe_lite
from stripe_lite.models import (
    FinancialConnectionsAccount,
    FinancialConnectionsAccountOwner,
    FinancialConnectionsSession,
)

from . import ModelCase, ServiceCase, listing, payload

SESSION = payload("financial_connections_session")
ACCOUNT = payload("financial_connections_account")
ACCOUNT_ID = ACCOUNT["id"]
OWNERSHIP_ID = ACCOUNT["ownership"]["id"]


def session_cases(prefix: str, service: str, tag: str) -> list[ServiceCase]:
    """The session calls, against the collection path ``prefix``."""
    return [
        (
            f"{tag}-create",
            service,
            "create",
            (),
            {
                "account_holder": {"type": "customer", "customer": "cus_RkQ7wZp3Tn8vLb"},
                "permissions": ["balances", "ownership", "payment_method"],
                "filters": {"countries": ["US"], "account_subcategories": ["checking", "savings"]},
                "prefetch": ["balances"],
                "return_url": "https://app.example.com/bank-linked",
                "limits": {"accounts": 2},
                "manual_entry": {"mode": "disabled"},
                "expand": ["accounts"],
            },
            "POST",
            prefix,
            [
                ("account_holder[type]", "customer"),
                ("account_holder[customer]", "cus_RkQ7wZp3Tn8vLb"),
                ("permissions[0]", "balances"),
                ("permissions[1]", "ownership"),
                ("permissions[2]", "payment_method"),
                ("filters[countries][0]", "US"),
                ("filters[account_subcategories][0]", "checking"),
                ("filters[account_subcategories][1]", "savings"),
                ("prefetch[0]", "balances"),
                ("return_url", "https://app.example.com/bank-linked"),
                ("limits[accounts]", "2"),
                ("manual_entry[mode]", "disabled"),
                ("expand[0]", "accounts"),
            ],
            SESSION,
            FinancialConnectionsSession,
        ),
        (
            f"{tag}-retrieve",
            service,
            "retrieve",
            (SESSION["id"],),
            {"expand": ["accounts.data.ownership"]},
            "GET",
            f"{prefix}/{SESSION['id']}",
            [("expand[0]", "accounts.data.ownership")],
            SESSION,
            FinancialConnectionsSession,
        ),
    ]


def account_cases(prefix: str, service: str, tag: str) -> list[ServiceCase]:
    """The account calls, against the collection path ``prefix``."""
    return [
        (
            f"{tag}-retrieve",
            service,
            "retrieve",
            (ACCOUNT_ID,),
            {"expand": ["ownership"]},
            "GET",
            f"{prefix}/{ACCOUNT_ID}",
            [("expand[0]", "ownership")],
            ACCOUNT,
            FinancialConnectionsAccount,
        ),
        (
            f"{tag}-list",
            service,
            "list",
            (),
            {
                "account_holder": {"customer": "cus_RkQ7wZp3Tn8vLb"},
                "session": SESSION["id"],
                "limit": 5,
                "ending_before": "fca_1QzR9zHk2LmR4vXyLast0000",
            },
            "GET",
            prefix,
            [
                ("account_holder[customer]", "cus_RkQ7wZp3Tn8vLb"),
                ("session", SESSION["id"]),
                ("limit", "5"),
                ("ending_before", "fca_1QzR9zHk2LmR4vXyLast0000"),
            ],
            listing("financial_connections_account", prefix),
            stripe_lite.ListPage,
        ),
        (
            f"{tag}-disconnect",
            service,
            "disconnect",
            (ACCOUNT_ID,),
            {"expand": ["ownership"]},
            "POST",
            f"{prefix}/{ACCOUNT_ID}/disconnect",
            [("expand[0]", "ownership")],
            {**ACCOUNT, "status": "disconnected"},
            FinancialConnectionsAccount,
        ),
        (
            f"{tag}-refresh",
            service,
            "refresh",
            (ACCOUNT_ID,),
            {"features": ["balance", "ownership", "transactions"]},
            "POST",
            f"{prefix}/{ACCOUNT_ID}/refresh",
            [("features[0]", "balance"), ("features[1]", "ownership"), ("features[2]", "transactions")],
            ACCOUNT,
            FinancialConnectionsAccount,
        ),
        (
            f"{tag}-list-owners",
            service,
            "list_owners",
            (ACCOUNT_ID,),
            {"ownership": OWNERSHIP_ID, "limit": 20, "starting_after": "fcaown_1QzR4tHk2LmR4vXyOwn0prev"},
            "GET",
            f"{prefix}/{ACCOUNT_ID}/owners",
            [
                ("ownership", OWNERSHIP_ID),
                ("limit", "20"),
                ("starting_after", "fcaown_1QzR4tHk2LmR4vXyOwn0prev"),
            ],
            listing("financial_connections_account_owner", f"{prefix}/{ACCOUNT_ID}/owners"),
            stripe_lite.ListPage,
        ),
    ]


# (id, service, method, args, kwargs, http method, path, expected pairs, response, result model)
SERVICE_CASES: list[ServiceCase] = [
    *session_cases("/v1/financial_connections/sessions", "financial_connections.sessions", "fc-session"),
    *account_cases("/v1/financial_connections/accounts", "financial_connections.accounts", "fc-account"),
    # The older paths: the same calls, the same models.
    *session_cases("/v1/link_account_sessions", "link_account_sessions", "link-account-session"),
    *account_cases("/v1/linked_accounts", "linked_accounts", "linked-account"),
]

MODEL_CASES: dict[str, ModelCase] = {
    "financial_connections_session": (FinancialConnectionsSession, {"future_field", "filters.institution"}),
    "financial_connections_account": (FinancialConnectionsAccount, {"future_field", "balance_refresh.future_hint"}),
    "financial_connections_account_owner": (FinancialConnectionsAccountOwner, {"future_field"}),
}
