"""Financial Connections: both path families (current and the older link_account_sessions/linked_accounts).

What every operation sends and decodes is covered from the spec in
test_services.py; here, what is particular to this area.
"""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import pytest
import respx
import typing_extensions

import stripe_lite
from stripe_lite import params
from stripe_lite.models import (
    BankConnectionsResourceAccountholder,
    BankConnectionsResourceBalance,
    BankConnectionsResourceBalanceRefresh,
    BankConnectionsResourceLinkAccountSessionFilters,
    BankConnectionsResourceOwnershipRefresh,
    BankConnectionsResourceTransactionRefresh,
    FinancialConnectionsAccount,
    FinancialConnectionsAccountOwner,
    FinancialConnectionsAccountOwnership,
    FinancialConnectionsSession,
    FinancialConnectionsTransaction,
    StripeList,
    StripeObject,
    UnknownObject,
    construct,
)

from .conftest import Runner
from .payload_files import listing, payload

SESSION = payload("financial_connections_session")
ACCOUNT = payload("financial_connections_account")
OWNER = payload("financial_connections_account_owner")
ACCOUNT_ID = ACCOUNT["id"]


def _accounts(client: Any, service: str) -> Any:
    return client.linked_accounts if service == "linked_accounts" else client.financial_connections.accounts


# -- required parameters -------------------------------------------------------


@pytest.mark.parametrize("service", ["financial_connections.accounts", "linked_accounts"])
def test_list_owners_requires_ownership(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, service: str
) -> None:
    route = mock_api.route().respond(json=listing(OWNER))
    with pytest.raises(TypeError, match="ownership"):
        _accounts(client, service).list_owners(ACCOUNT_ID)
    assert route.call_count == 0


@pytest.mark.parametrize("service", ["financial_connections.accounts", "linked_accounts"])
def test_refresh_requires_features(client: stripe_lite.StripeClient, mock_api: respx.MockRouter, service: str) -> None:
    route = mock_api.route().respond(json=ACCOUNT)
    with pytest.raises(TypeError, match="features"):
        _accounts(client, service).refresh(ACCOUNT_ID)
    assert route.call_count == 0


def test_session_create_requires_holder_and_permissions(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.route().respond(json=SESSION)
    with pytest.raises(TypeError, match="permissions"):
        client.financial_connections.sessions.create(account_holder={"type": "account"})  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="account_holder"):
        client.link_account_sessions.create(permissions=["balances"])  # type: ignore[call-arg]
    assert route.call_count == 0


def test_required_keys_of_the_nested_hashes() -> None:
    hints = typing_extensions.get_type_hints(params.FinancialConnectionsSessionsAccountHolderParam, include_extras=True)
    required_form: object = typing_extensions.Required
    required = {n for n, h in hints.items() if typing_extensions.get_origin(h) is required_form}
    assert required == {"type"}
    assert set(hints) == {"type", "account", "customer", "customer_account"}


# -- the two path families -----------------------------------------------------


def _public(cls: type) -> list[str]:
    return [name for name in dir(cls) if not name.startswith("_")]


def _service_class(client_class: type, dotted: str) -> type:
    client = client_class(api_key="sk_test_x")
    service = client
    for name in dotted.split("."):
        service = getattr(service, name)
    return type(service)


@pytest.mark.parametrize("client_class", [stripe_lite.StripeClient, stripe_lite.AsyncStripeClient])
@pytest.mark.parametrize(
    ("current_name", "older_name", "only_current"),
    [
        ("financial_connections.sessions", "link_account_sessions", set()),
        # Account subscriptions came after the older paths: the pinned spec serves them on the current ones only.
        ("financial_connections.accounts", "linked_accounts", {"subscribe", "unsubscribe"}),
    ],
)
def test_older_services_take_the_same_parameters(
    client_class: type, current_name: str, older_name: str, only_current: set[str]
) -> None:
    current = _service_class(client_class, current_name)
    older = _service_class(client_class, older_name)
    assert set(_public(current)) - set(_public(older)) == only_current
    assert set(_public(older)) <= set(_public(current))
    for name in _public(older):
        assert inspect.signature(getattr(current, name)) == inspect.signature(getattr(older, name)), name


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
    owners = mock_api.get(f"{prefix}/{ACCOUNT_ID}/owners").respond(
        json=listing(OWNER, url=f"{prefix}/{ACCOUNT_ID}/owners")
    )

    def scenario(client: Any) -> Any:
        accounts = _accounts(client, service)

        async def all_three() -> list[Any]:
            return [
                await accounts.retrieve(ACCOUNT_ID),
                await accounts.disconnect(ACCOUNT_ID),
                await accounts.list_owners(ACCOUNT_ID, ownership="fcaowns_1"),
            ]

        if isinstance(client, stripe_lite.AsyncStripeClient):
            return all_three()
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


def _legacy_account() -> dict[str, Any]:
    legacy = {**payload("financial_connections_account"), "object": "linked_account"}
    legacy["ownership"] = {**legacy["ownership"], "object": "linked_account_ownership"}
    return legacy


def test_models_decode_objects_named_the_older_way() -> None:
    legacy = _legacy_account()
    account = FinancialConnectionsAccount.from_dict(legacy)
    assert account.object == "linked_account"
    assert type(account.ownership) is FinancialConnectionsAccountOwnership
    assert account.to_dict() == legacy
    legacy_session = {**SESSION, "object": "link_account_session"}
    assert FinancialConnectionsSession.from_dict(legacy_session).to_dict() == legacy_session
    legacy_owner = {**OWNER, "object": "linked_account_owner"}
    assert FinancialConnectionsAccountOwner.from_dict(legacy_owner).object == "linked_account_owner"


_LEGACY_CALLS: list[tuple[str, str, dict[str, Any], Callable[[Any], Any], type[StripeObject]]] = [
    (
        "account",
        f"/v1/linked_accounts/{ACCOUNT_ID}",
        _legacy_account(),
        lambda c: c.linked_accounts.retrieve(ACCOUNT_ID, expand=["ownership"]),
        FinancialConnectionsAccount,
    ),
    (
        "owners",
        f"/v1/linked_accounts/{ACCOUNT_ID}/owners",
        listing({**OWNER, "object": "linked_account_owner"}),
        lambda c: c.linked_accounts.list_owners(ACCOUNT_ID, ownership="fcaowns_1").data[0],
        FinancialConnectionsAccountOwner,
    ),
    (
        "session",
        f"/v1/link_account_sessions/{SESSION['id']}",
        {**SESSION, "object": "link_account_session"},
        lambda c: c.link_account_sessions.retrieve(SESSION["id"]),
        FinancialConnectionsSession,
    ),
]


@pytest.mark.parametrize(
    ("path", "answer", "call", "model"),
    [case[1:] for case in _LEGACY_CALLS],
    ids=[case[0] for case in _LEGACY_CALLS],
)
def test_older_paths_answering_with_older_object_names(
    client: stripe_lite.StripeClient,
    mock_api: respx.MockRouter,
    path: str,
    answer: dict[str, Any],
    call: Callable[[Any], Any],
    model: type[StripeObject],
) -> None:
    mock_api.get(path).respond(json=answer)
    got = call(client)
    assert type(got) is model
    sent = answer["data"][0] if answer["object"] == "list" else answer
    assert got.to_dict() == sent
    assert type(construct(sent)) is model


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
    assert type(account.account_holder) is BankConnectionsResourceAccountholder
    assert account.account_holder.customer == "cus_RkQ7wZp3Tn8vLb"
    assert type(account.balance) is BankConnectionsResourceBalance
    assert account.balance.current == {"usd": 418900}
    assert account.balance.cash is not None
    assert account.balance.cash.available == {"usd": 412350}
    # The spec gives each refresh its own schema (the old hand-written models shared one).
    assert type(account.balance_refresh) is BankConnectionsResourceBalanceRefresh
    assert type(account.ownership_refresh) is BankConnectionsResourceOwnershipRefresh
    assert type(account.transaction_refresh) is BankConnectionsResourceTransactionRefresh
    assert account.transaction_refresh.status == "pending"
    assert account.balance_refresh is not None
    assert account.balance_refresh.extra_fields == {"future_hint": "refresh_window_v2"}


def test_status_details_is_newer_than_the_pinned_version_and_kept() -> None:
    account = FinancialConnectionsAccount.from_dict(ACCOUNT)
    assert account.extra_fields["status_details"]["active"]["action"] == "relink_required"
    with pytest.raises(AttributeError, match=r"extra_fields\['status_details'\]"):
        _ = account.status_details  # type: ignore[attr-defined]


def test_session_holds_its_accounts() -> None:
    session = FinancialConnectionsSession.from_dict(SESSION)
    assert type(session.accounts) is StripeList
    assert [type(a) for a in session.accounts.data] == [FinancialConnectionsAccount]
    assert session.accounts.data[0].ownership == "fcaowns_1QzR4tHk2LmR4vXyOs9PqW2c"
    assert type(session.filters) is BankConnectionsResourceLinkAccountSessionFilters
    assert session.filters.countries == ["US"]
    assert session.filters.extra_fields["institution"] == "fcinst_LmR4vXyCascade"  # unknown, kept
    # Not in the pinned version (as limits and manual_entry, which the dahlia spec does not have): kept as sent.
    assert "bank_account_token" in session.extra_fields
    assert session.extra_fields["bank_account_token"] is None
    assert session.to_dict() == SESSION


def test_owner_model() -> None:
    owner = FinancialConnectionsAccountOwner.from_dict(OWNER)
    assert owner.to_dict() == OWNER
    assert type(construct(OWNER)) is FinancialConnectionsAccountOwner
    assert (owner.name, owner.email, owner.refreshed_at) == ("Maya Lindqvist", "maya.lindqvist@example.com", 1736940120)
    assert owner.extra_fields == {"future_field": {"verified": True}}
    assert pickle.loads(pickle.dumps(owner)) == owner


def test_construct_picks_transactions_and_keeps_unknown_objects() -> None:
    # Transactions are modelled now; an object this version does not know stays readable.
    txn = construct({"id": "fctxn_1", "object": "financial_connections.transaction", "amount": -2500})
    assert type(txn) is FinancialConnectionsTransaction
    assert txn.amount == -2500
    raw = {"id": "fcx_1", "object": "financial_connections.not_in_the_pinned_spec", "amount": -2500}
    other = construct(raw)
    assert type(other) is UnknownObject
    assert other.extra_fields == raw
