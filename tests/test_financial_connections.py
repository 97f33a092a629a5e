"""Focused tests of Financial Connections (both path families), Mandates and PaymentAttemptRecords."""

from __future__ import annotations

import inspect
import pickle
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx
import typing_extensions
from stripe_lite._resources.financial_connections import (
    FinancialConnectionsAccounts,
    FinancialConnectionsSessions,
    LinkAccountSessions,
    LinkedAccounts,
)

import stripe_lite
from stripe_lite import params
from stripe_lite.models import (
    BillingDetails,
    FinancialConnectionsAccount,
    FinancialConnectionsAccountHolder,
    FinancialConnectionsAccountOwner,
    FinancialConnectionsAccountOwnership,
    FinancialConnectionsAccountRefresh,
    FinancialConnectionsSession,
    Mandate,
    MandatePaymentMethodDetailsAcssDebit,
    MandatePaymentMethodDetailsBacsDebit,
    MandatePaymentMethodDetailsCardIndia,
    MandatePaymentMethodDetailsSepaDebit,
    MandatePaymentMethodDetailsUsBankAccount,
    PaymentAttemptRecord,
    PaymentAttemptRecordAmount,
    PaymentAttemptRecordPaymentMethodDetailsCard,
    PaymentMethod,
    StripeList,
    UnknownObject,
    construct,
)

from .cases import payload
from .conftest import Runner

SESSION = payload("financial_connections_session")
ACCOUNT = payload("financial_connections_account")
OWNER = payload("financial_connections_account_owner")
MANDATE = payload("mandate")
RECORD = payload("payment_attempt_record")
ACCOUNT_ID = ACCOUNT["id"]


def _page(data: dict[str, Any], url: str) -> dict[str, Any]:
    return {"object": "list", "url": url, "has_more": False, "data": [data]}


# -- required parameters -------------------------------------------------------


@pytest.mark.parametrize("service", ["financial_connections.accounts", "linked_accounts"])
def test_list_owners_requires_ownership(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, service: str
) -> None:
    route = mock_api.route().respond(json=_page(OWNER, "/v1/x"))
    accounts = client.linked_accounts if service == "linked_accounts" else client.financial_connections.accounts
    with pytest.raises(TypeError, match="ownership"):
        accounts.list_owners(ACCOUNT_ID)  # type: ignore[call-arg]
    assert route.call_count == 0


@pytest.mark.parametrize("service", ["financial_connections.accounts", "linked_accounts"])
def test_refresh_requires_features(client: stripe_lite.StripeClient, mock_api: respx.MockRouter, service: str) -> None:
    route = mock_api.route().respond(json=ACCOUNT)
    accounts = client.linked_accounts if service == "linked_accounts" else client.financial_connections.accounts
    with pytest.raises(TypeError, match="features"):
        accounts.refresh(ACCOUNT_ID)  # type: ignore[call-arg]
    assert route.call_count == 0


def test_session_create_requires_holder_and_permissions(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="permissions"):
        client.financial_connections.sessions.create(account_holder={"type": "account"})  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="account_holder"):
        client.link_account_sessions.create(permissions=["balances"])  # type: ignore[call-arg]


def test_attempt_records_list_needs_a_record_and_pages_forwards_only(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="payment_record"):
        client.payment_attempt_records.list()  # type: ignore[call-arg]
    # Stripe documents no ending_before for this list.
    assert "ending_before" not in inspect.signature(client.payment_attempt_records.list).parameters
    assert "ending_before" in inspect.signature(client.financial_connections.accounts.list).parameters


def test_required_keys_of_the_nested_hashes() -> None:
    hints = typing_extensions.get_type_hints(params.FinancialConnectionsSessionAccountHolderParam, include_extras=True)
    required = {n for n, h in hints.items() if typing_extensions.get_origin(h) is typing_extensions.Required}
    assert required == {"type"}


# -- the two path families -----------------------------------------------------


def test_alias_services_share_their_signatures() -> None:
    # Declared once in the spec: the older paths take exactly the same parameters.
    for current, older in (
        (FinancialConnectionsSessions, LinkAccountSessions),
        (FinancialConnectionsAccounts, LinkedAccounts),
    ):
        names = [m for m in dir(current) if not m.startswith("_")]
        assert names == [m for m in dir(older) if not m.startswith("_")]
        for name in names:
            assert inspect.signature(getattr(current, name)) == inspect.signature(getattr(older, name))


@pytest.mark.parametrize(
    ("service", "prefix"),
    [
        ("financial_connections.accounts", "/v1/financial_connections/accounts"),
        ("linked_accounts", "/v1/linked_accounts"),
    ],
)
def test_account_calls_hit_their_own_paths(run: Runner, mock_api: respx.MockRouter, service: str, prefix: str) -> None:
    other = "/v1/linked_accounts" if prefix.startswith("/v1/financial") else "/v1/financial_connections/accounts"
    wrong = mock_api.route(path__startswith=other).respond(500)
    retrieve = mock_api.get(f"{prefix}/{ACCOUNT_ID}").respond(json=ACCOUNT)
    disconnect = mock_api.post(f"{prefix}/{ACCOUNT_ID}/disconnect").respond(json=ACCOUNT)
    owners = mock_api.get(f"{prefix}/{ACCOUNT_ID}/owners").respond(json=_page(OWNER, f"{prefix}/{ACCOUNT_ID}/owners"))

    def scenario(client: Any) -> Any:
        accounts = client.linked_accounts if service == "linked_accounts" else client.financial_connections.accounts

        async def both() -> list[Any]:
            return [
                await accounts.retrieve(ACCOUNT_ID),
                await accounts.disconnect(ACCOUNT_ID),
                await accounts.list_owners(ACCOUNT_ID, ownership="fcaowns_1"),
            ]

        if isinstance(client, stripe_lite.AsyncStripeClient):
            return both()
        return [
            accounts.retrieve(ACCOUNT_ID),
            accounts.disconnect(ACCOUNT_ID),
            accounts.list_owners(ACCOUNT_ID, ownership="fcaowns_1"),
        ]

    account, disconnected, page = run(scenario)
    assert type(account) is FinancialConnectionsAccount
    assert type(disconnected) is FinancialConnectionsAccount
    assert [type(owner) for owner in page.data] == [FinancialConnectionsAccountOwner]
    assert (retrieve.call_count, disconnect.call_count, owners.call_count, wrong.call_count) == (1, 1, 1, 0)
    assert owners.calls.last.request.url.params["ownership"] == "fcaowns_1"


@pytest.mark.parametrize(
    ("service", "path"),
    [
        ("financial_connections.sessions", "/v1/financial_connections/sessions"),
        ("link_account_sessions", "/v1/link_account_sessions"),
    ],
)
def test_session_create_hits_its_own_path(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, service: str, path: str
) -> None:
    route = mock_api.post(path).respond(json=SESSION)
    sessions = (
        client.link_account_sessions if service == "link_account_sessions" else client.financial_connections.sessions
    )
    session = sessions.create(account_holder={"type": "account", "account": "acct_1"}, permissions=["ownership"])
    assert type(session) is FinancialConnectionsSession
    assert parse_qsl(route.calls.last.request.content.decode()) == [
        ("account_holder[type]", "account"),
        ("account_holder[account]", "acct_1"),
        ("permissions[0]", "ownership"),
    ]


def test_older_object_names_decode_to_the_same_models(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    # Responses on the older paths may name the objects the old way.
    legacy_account = {**ACCOUNT, "object": "linked_account"}
    legacy_account["ownership"] = {**ACCOUNT["ownership"], "object": "linked_account_ownership"}
    legacy_owner = {**OWNER, "object": "linked_account_owner"}
    legacy_session = {**SESSION, "object": "link_account_session"}
    mock_api.get(f"/v1/linked_accounts/{ACCOUNT_ID}").respond(json=legacy_account)
    mock_api.get(f"/v1/linked_accounts/{ACCOUNT_ID}/owners").respond(json=_page(legacy_owner, "/v1/x"))
    mock_api.get(f"/v1/link_account_sessions/{SESSION['id']}").respond(json=legacy_session)

    account = client.linked_accounts.retrieve(ACCOUNT_ID, expand=["ownership"])
    assert type(account) is FinancialConnectionsAccount
    assert account.object == "linked_account"
    assert type(account.ownership) is FinancialConnectionsAccountOwnership
    owners = client.linked_accounts.list_owners(ACCOUNT_ID, ownership="fcaowns_1")
    assert [type(owner) for owner in owners.data] == [FinancialConnectionsAccountOwner]
    session = client.link_account_sessions.retrieve(SESSION["id"])
    assert type(session) is FinancialConnectionsSession
    assert session.to_dict() == legacy_session


# -- decoding ------------------------------------------------------------------


def test_expanded_ownership_decodes() -> None:
    account = FinancialConnectionsAccount.from_dict(ACCOUNT)
    ownership = account.ownership
    assert type(ownership) is FinancialConnectionsAccountOwnership
    assert type(ownership.owners) is StripeList
    assert [type(owner) for owner in ownership.owners.data] == [FinancialConnectionsAccountOwner]
    assert ownership.owners.data[0].ownership == ownership.id
    assert ownership.owners.data[0].name == "Maya Lindqvist"
    assert account.to_dict() == ACCOUNT
    # Not expanded: the ownership's id.
    plain = FinancialConnectionsAccount.from_dict({**ACCOUNT, "ownership": ownership.id})
    assert plain.ownership == "fcaowns_1QzR4tHk2LmR4vXyOs9PqW2c"
    assert FinancialConnectionsAccount.from_dict({**ACCOUNT, "ownership": None}).ownership is None


def test_account_nested_objects() -> None:
    account = FinancialConnectionsAccount.from_dict(ACCOUNT)
    assert type(account.account_holder) is FinancialConnectionsAccountHolder
    assert account.account_holder.customer == "cus_RkQ7wZp3Tn8vLb"
    assert account.balance is not None
    assert account.balance.current == {"usd": 418900}
    assert account.balance.cash is not None
    assert account.balance.cash.available == {"usd": 412350}
    # The balance and ownership refreshes share one shape.
    assert type(account.balance_refresh) is FinancialConnectionsAccountRefresh
    assert type(account.ownership_refresh) is FinancialConnectionsAccountRefresh
    assert account.transaction_refresh is not None
    assert account.transaction_refresh.status == "pending"
    assert account.status_details is not None
    assert account.status_details.active is not None
    assert account.status_details.active.action == "relink_required"


def test_session_holds_its_accounts() -> None:
    session = FinancialConnectionsSession.from_dict(SESSION)
    assert type(session.accounts) is StripeList
    assert [type(a) for a in session.accounts.data] == [FinancialConnectionsAccount]
    assert session.accounts.data[0].ownership == "fcaowns_1QzR4tHk2LmR4vXyOs9PqW2c"
    assert session.filters is not None
    assert session.filters.countries == ["US"]
    assert session.filters.institution == "fcinst_LmR4vXyCascade"  # unknown, kept
    assert session.bank_account_token is None


def test_owner_model() -> None:
    # The flat owner object, which the generic model tests leave out.
    owner = FinancialConnectionsAccountOwner.from_dict(OWNER)
    assert owner.to_dict() == OWNER
    assert type(construct(OWNER)) is FinancialConnectionsAccountOwner
    assert (owner.name, owner.email, owner.refreshed_at) == ("Maya Lindqvist", "maya.lindqvist@example.com", 1736940120)
    assert owner.future_field == {"verified": True}
    assert set(owner._extra) == {"future_field"}
    assert pickle.loads(pickle.dumps(owner)) == owner


def test_mandate_expanded_payment_method() -> None:
    mandate = Mandate.from_dict({**MANDATE, "payment_method": payload("payment_method")})
    assert type(mandate.payment_method) is PaymentMethod
    plain = Mandate.from_dict(MANDATE)
    assert plain.payment_method == "pm_1QzS1zHk2LmR4vXySepa9KdL"
    assert type(plain.payment_method_details.sepa_debit) is MandatePaymentMethodDetailsSepaDebit
    assert plain.customer_acceptance.online is not None
    assert plain.customer_acceptance.online.ip_address == "203.0.113.42"


@pytest.mark.parametrize(
    ("details", "field", "model"),
    [
        (
            {
                "type": "acss_debit",
                "acss_debit": {
                    "default_for": ["invoice"],
                    "interval_description": "First of the month",
                    "payment_schedule": "interval",
                    "transaction_type": "personal",
                },
            },
            "acss_debit",
            MandatePaymentMethodDetailsAcssDebit,
        ),
        (
            {
                "type": "bacs_debit",
                "bacs_debit": {
                    "display_name": "EXAMPLE LTD",
                    "network_status": "accepted",
                    "reference": "EXAMPLE-7QX2",
                    "revocation_reason": None,
                    "service_user_number": "123456",
                    "url": "https://payments.stripe.com/bacs_debit/mandate/x",
                },
            },
            "bacs_debit",
            MandatePaymentMethodDetailsBacsDebit,
        ),
        (
            {"type": "us_bank_account", "us_bank_account": {"collection_method": "paper"}},
            "us_bank_account",
            MandatePaymentMethodDetailsUsBankAccount,
        ),
    ],
)
def test_mandate_payment_method_details(details: dict[str, Any], field: str, model: type) -> None:
    mandate = Mandate.from_dict({**MANDATE, "payment_method_details": details})
    assert type(getattr(mandate.payment_method_details, field)) is model
    assert mandate.to_dict()["payment_method_details"] == details


def test_mandate_card_and_loose_details() -> None:
    card = Mandate.from_dict(
        {**MANDATE, "payment_method_details": {"type": "card", "card": {"india": {"inactive_reason": None}}}}
    )
    assert type(card.payment_method_details.card.india) is MandatePaymentMethodDetailsCardIndia
    paypal = {"billing_agreement_id": "B-7XK29", "payer_id": "QXLP7"}
    loose = Mandate.from_dict({**MANDATE, "payment_method_details": {"type": "paypal", "paypal": paypal}})
    assert loose.payment_method_details.paypal == paypal


def test_attempt_record_amounts_share_one_model() -> None:
    record = PaymentAttemptRecord.from_dict(RECORD)
    amounts = [getattr(record, f) for f in ("amount", "amount_authorized", "amount_refunded", "amount_requested")]
    assert {type(a) for a in amounts} == {PaymentAttemptRecordAmount}
    assert (record.amount_refunded.value, record.amount_refunded.currency) == (1000, "eur")
    details = record.payment_method_details
    assert details is not None
    assert type(details.card) is PaymentAttemptRecordPaymentMethodDetailsCard
    assert type(details.billing_details) is BillingDetails
    assert details.card.three_d_secure is not None
    assert details.card.three_d_secure.result == "authenticated"


def test_attempt_record_us_bank_account_mandate_expands() -> None:
    bank = {
        "account_holder_type": "individual",
        "account_type": "checking",
        "bank_name": "STRIPE TEST BANK",
        "expected_debit_date": "2025-01-17",
        "fingerprint": "J2kd8fLq0sN3xYzA",
        "last4": "6789",
        "mandate": MANDATE,
        "payment_reference": None,
        "routing_number": "110000000",
    }
    details = {"type": "us_bank_account", "us_bank_account": bank, "payment_method": "pm_1", "billing_details": None}
    record = PaymentAttemptRecord.from_dict({**RECORD, "payment_method_details": details})
    assert record.payment_method_details is not None
    assert type(record.payment_method_details.us_bank_account.mandate) is Mandate
    assert record.to_dict()["payment_method_details"] == details


def test_unregistered_object_is_unknown_inside_construct() -> None:
    # construct() picks models by "object"; a shape we do not model stays readable.
    other = construct({"id": "fctxn_1", "object": "financial_connections.transaction", "amount": -2500})
    assert type(other) is UnknownObject
    assert other.amount == -2500


async def test_async_list_walks_every_page(mock_api: respx.MockRouter) -> None:
    second = {**RECORD, "id": "par_2"}
    route = mock_api.get("/v1/payment_attempt_records").mock(
        side_effect=[
            httpx.Response(200, json={**_page(RECORD, "/v1/payment_attempt_records"), "has_more": True}),
            httpx.Response(200, json=_page(second, "/v1/payment_attempt_records")),
        ]
    )
    async with stripe_lite.AsyncStripeClient(api_key="sk_test_x") as client:
        ids = [r.id async for r in client.payment_attempt_records.list(payment_record="pr_1", limit=1)]
    assert ids == [RECORD["id"], "par_2"]
    assert route.calls[1].request.url.params["starting_after"] == RECORD["id"]
