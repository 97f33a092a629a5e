"""Financial Connections: sessions, accounts and account owners.

Stripe serves the same operations under two path families: the current
``/v1/financial_connections/...`` and the older ``/v1/link_account_sessions``
and ``/v1/linked_accounts``. The parameters are declared once, here, and
``session_methods`` / ``account_methods`` build the methods for either prefix.
"""

from codegen.dsl import INT, STR, Method, Param, Resource, emptyable, enum, list_of, list_params, obj, opt, req

PERMISSION = enum("balances", "ownership", "payment_method", "transactions")
PREFETCH = enum("balances", "ownership", "transactions")
ACCOUNT_SUBCATEGORY = enum("checking", "credit_card", "line_of_credit", "mortgage", "savings")

SESSION_ACCOUNT_HOLDER = obj(
    "FinancialConnectionsSessionAccountHolderParam",
    {
        "type": req(enum("account", "customer"), "Whose accounts to collect: a connected account's or a customer's."),
        "account": opt(STR, "The connected account whose accounts to collect (when type is account)."),
        "customer": opt(STR, "The customer whose accounts to collect (when type is customer)."),
        "customer_account": opt(STR, "The Account standing for the customer (when type is customer)."),
    },
    "The owner of the accounts the session collects.",
)

SESSION_FILTERS = obj(
    "FinancialConnectionsSessionFiltersParam",
    {
        "countries": opt(list_of(STR), "Only institutions in these countries (two-letter codes)."),
        "account_subcategories": opt(list_of(ACCOUNT_SUBCATEGORY), "Only accounts of these subcategories."),
        "country": opt(STR, "Only institutions in this country (two-letter code)."),
    },
    "Which accounts the customer may link.",
)

SESSION_LIMITS = obj(
    "FinancialConnectionsSessionLimitsParam",
    {"accounts": req(emptyable(INT), 'How many accounts the customer may link; "" for any number.')},
    "Limits on what the session collects.",
)

SESSION_MANUAL_ENTRY = obj(
    "FinancialConnectionsSessionManualEntryParam",
    {"mode": opt(enum("automatic", "disabled"), "Whether the customer may type in account details by hand.")},
    "How manual entry of account details is handled.",
)

SESSION_CREATE_PARAMS: dict[str, Param] = {
    "account_holder": req(SESSION_ACCOUNT_HOLDER, "The owner of the accounts to collect."),
    "permissions": req(list_of(PERMISSION), "The data you ask to access on the linked accounts."),
    "filters": opt(SESSION_FILTERS, "Restrict the kinds of accounts the customer may link."),
    "limits": opt(SESSION_LIMITS, "Limits on the session, such as how many accounts may be linked."),
    "manual_entry": opt(SESSION_MANUAL_ENTRY, "Whether and how account details may be entered by hand."),
    "prefetch": opt(list_of(PREFETCH), "Data to fetch as soon as each account is linked."),
    "return_url": opt(STR, "Webview integrations only: where to send the user back after the bank's OAuth login."),
}

ACCOUNT_HOLDER_FILTER = obj(
    "FinancialConnectionsAccountHolderFilterParam",
    {
        "account": opt(STR, "Only accounts of this connected account."),
        "customer": opt(STR, "Only accounts of this customer."),
        "customer_account": opt(STR, "Only accounts of the customer this Account stands for."),
    },
    "Whose accounts to list (account and customer exclude each other).",
)

ACCOUNT_LIST_PARAMS = list_params(
    account_holder=opt(ACCOUNT_HOLDER_FILTER, "Only accounts that belong to this account holder."),
    session=opt(STR, "Only accounts collected by this session."),
)

ACCOUNT_REFRESH_PARAMS: dict[str, Param] = {
    "features": req(list_of(enum("balance", "ownership", "transactions")), "The account data to refresh."),
}

OWNER_LIST_PARAMS = list_params(
    ownership=req(STR, "The ownership snapshot (fcaowns_...) whose owners to list."),
)


def session_methods(prefix: str) -> list[Method]:
    """create and retrieve of sessions under ``prefix`` (a collection path)."""
    return [
        Method(
            "create",
            "post",
            prefix,
            returns="FinancialConnectionsSession",
            doc="Start a session; hand its client_secret to Stripe.js to run the linking flow.",
            params=SESSION_CREATE_PARAMS,
        ),
        Method(
            "retrieve",
            "get",
            f"{prefix}/{{session}}",
            returns="FinancialConnectionsSession",
            doc="Retrieve a session, with the accounts it collected.",
        ),
    ]


def account_methods(prefix: str) -> list[Method]:
    """retrieve, list, disconnect, refresh and list_owners of accounts under ``prefix``."""
    return [
        Method(
            "retrieve",
            "get",
            f"{prefix}/{{account}}",
            returns="FinancialConnectionsAccount",
            doc="Retrieve a linked account.",
        ),
        Method(
            "list",
            "get",
            prefix,
            returns="FinancialConnectionsAccount",
            kind="list",
            doc="List linked accounts, filtered by account holder or session.",
            params=ACCOUNT_LIST_PARAMS,
        ),
        Method(
            "disconnect",
            "post",
            f"{prefix}/{{account}}/disconnect",
            returns="FinancialConnectionsAccount",
            doc="Give up your access to an account's data (balances, transactions, ...).",
        ),
        Method(
            "refresh",
            "post",
            f"{prefix}/{{account}}/refresh",
            returns="FinancialConnectionsAccount",
            doc="Ask the institution for fresh data; the *_refresh fields report progress.",
            params=ACCOUNT_REFRESH_PARAMS,
        ),
        Method(
            "list_owners",
            "get",
            f"{prefix}/{{account}}/owners",
            returns="FinancialConnectionsAccountOwner",
            kind="list",
            doc="List the owners in one ownership snapshot of an account.",
            params=OWNER_LIST_PARAMS,
        ),
    ]


RESOURCES = [
    Resource(
        attr="sessions",
        class_name="FinancialConnectionsSessions",
        namespace="financial_connections",
        doc="Financial Connections sessions: runs of the flow in which a customer links accounts.",
        methods=session_methods("/v1/financial_connections/sessions"),
    ),
    Resource(
        attr="accounts",
        class_name="FinancialConnectionsAccounts",
        namespace="financial_connections",
        doc="Financial Connections accounts: the external accounts customers linked.",
        methods=account_methods("/v1/financial_connections/accounts"),
    ),
    Resource(
        attr="link_account_sessions",
        class_name="LinkAccountSessions",
        doc="Financial Connections sessions under their older path, /v1/link_account_sessions.",
        methods=session_methods("/v1/link_account_sessions"),
    ),
    Resource(
        attr="linked_accounts",
        class_name="LinkedAccounts",
        doc="Financial Connections accounts under their older path, /v1/linked_accounts.",
        methods=account_methods("/v1/linked_accounts"),
    ),
]
