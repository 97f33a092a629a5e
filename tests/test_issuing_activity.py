"""Issuing disputes, settlements, tokens and transactions: required parameters, bodies, expansions."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import (
    IssuingCard,
    IssuingCardholder,
    IssuingDispute,
    IssuingDisputeEvidenceNotReceived,
    IssuingToken,
    IssuingTransaction,
    StripeObject,
    UnknownObject,
)

from .cases import payload
from .conftest import API_KEY, Runner, Walk


def _card(card_id: str = "ic_1RtP0a2eZvKYlo2CcArD0001") -> dict[str, Any]:
    return {"id": card_id, "object": "issuing.card", "last4": "4242", "status": "active", "type": "virtual"}


def _cardholder() -> dict[str, Any]:
    return {"id": "ich_1RtOza2eZvKYlo2CcHoL0001", "object": "issuing.cardholder", "name": "Jenny Rosen"}


# --- required parameters ---------------------------------------------------------------


def test_token_list_without_card_raises_before_any_request(mock_api: respx.MockRouter) -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        with pytest.raises(TypeError, match="card"):
            client.issuing.tokens.list()  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="card"):
            client.issuing.tokens.list(status="active")  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


async def test_async_token_list_without_card_raises_before_any_request(mock_api: respx.MockRouter) -> None:
    async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as client:
        with pytest.raises(TypeError, match="card"):
            client.issuing.tokens.list()  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


def test_token_update_requires_a_status(mock_api: respx.MockRouter) -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        with pytest.raises(TypeError, match="status"):
            client.issuing.tokens.update("intok_1")  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            client.issuing.tokens.update(status="active")  # type: ignore[call-arg]
    assert len(mock_api.calls) == 0


def test_path_ids_are_positional_and_checked(mock_api: respx.MockRouter) -> None:
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        with pytest.raises(ValueError):
            client.issuing.disputes.submit("")
        with pytest.raises(ValueError):
            client.issuing.settlements.retrieve("  ")
    assert len(mock_api.calls) == 0


# --- dispute evidence on the wire ------------------------------------------------------


def test_dispute_create_sends_nested_evidence_exactly(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/issuing/disputes").mock(
        return_value=httpx.Response(200, json=payload("issuing_dispute"))
    )
    returned = datetime.datetime(2025, 7, 29, 0, 0, tzinfo=datetime.timezone.utc)
    got = run(
        lambda c: c.issuing.disputes.create(
            transaction="ipi_1",
            evidence={
                "reason": "canceled",
                "canceled": {
                    "explanation": "Canceled before shipping.",
                    "canceled_at": 1753660800,
                    "cancellation_policy_provided": True,
                    "product_type": "merchandise",
                    "return_status": "successful",
                    "returned_at": returned,
                    "additional_documentation": "",
                },
                "duplicate": "",
            },
            treasury={"received_debit": "rd_1"},
            metadata={"case": 7},
            idempotency_key="dispute-ipi_1",
        )
    )
    assert type(got) is IssuingDispute
    request = route.calls.last.request
    assert request.headers["Idempotency-Key"] == "dispute-ipi_1"
    assert sorted(parse_qsl(request.content.decode(), keep_blank_values=True)) == sorted(
        [
            ("transaction", "ipi_1"),
            ("evidence[reason]", "canceled"),
            ("evidence[canceled][explanation]", "Canceled before shipping."),
            ("evidence[canceled][canceled_at]", "1753660800"),
            ("evidence[canceled][cancellation_policy_provided]", "true"),
            ("evidence[canceled][product_type]", "merchandise"),
            ("evidence[canceled][return_status]", "successful"),
            ("evidence[canceled][returned_at]", str(int(returned.timestamp()))),
            ("evidence[canceled][additional_documentation]", ""),
            ("evidence[duplicate]", ""),
            ("treasury[received_debit]", "rd_1"),
            ("metadata[case]", "7"),
        ]
    )


def test_dispute_submit_posts_to_the_action_path(run: Runner, mock_api: respx.MockRouter) -> None:
    submitted = {**payload("issuing_dispute"), "status": "submitted"}
    route = mock_api.post("/v1/issuing/disputes/idp_1/submit").mock(return_value=httpx.Response(200, json=submitted))
    got = run(lambda c: c.issuing.disputes.submit("idp_1"))
    assert got.status == "submitted"
    assert route.calls.last.request.content == b""


# --- decoding --------------------------------------------------------------------------


def test_expanded_transaction_fields_decode_to_their_models(run: Runner, mock_api: respx.MockRouter) -> None:
    body = {
        **payload("issuing_transaction"),
        "card": _card(),
        "cardholder": _cardholder(),
        "dispute": payload("issuing_dispute"),
        "token": payload("issuing_token"),
        "authorization": {"id": "iauth_1", "object": "issuing.authorization", "approved": True},
    }
    mock_api.get("/v1/issuing/transactions/ipi_1").mock(return_value=httpx.Response(200, json=body))
    txn = run(
        lambda c: c.issuing.transactions.retrieve(
            "ipi_1", expand=["card", "cardholder", "dispute", "token", "authorization"]
        )
    )
    assert type(txn) is IssuingTransaction
    assert type(txn.card) is IssuingCard
    assert txn.card.id == "ic_1RtP0a2eZvKYlo2CcArD0001"
    assert type(txn.cardholder) is IssuingCardholder
    assert type(txn.dispute) is IssuingDispute
    assert type(txn.token) is IssuingToken
    assert type(txn.authorization) is UnknownObject
    assert txn.authorization.approved is True
    assert txn.to_dict() == body


def test_unexpanded_references_are_ids() -> None:
    txn = IssuingTransaction.from_dict(payload("issuing_transaction"))
    assert txn.card == "ic_1RtP0a2eZvKYlo2CcArD0001"
    assert txn.dispute == "idp_1RtQ8v2eZvKYlo2CkM3d9XaB"
    assert txn.token == "intok_1RtQAa2eZvKYlo2CtOk00001"
    token = IssuingToken.from_dict({**payload("issuing_token"), "card": _card("ic_2")})
    assert type(token.card) is IssuingCard and token.card.id == "ic_2"


def test_dispute_transaction_expands_and_balance_transactions_are_objects() -> None:
    dispute = IssuingDispute.from_dict({**payload("issuing_dispute"), "transaction": payload("issuing_transaction")})
    assert type(dispute.transaction) is IssuingTransaction
    assert dispute.transaction.merchant_data.category_code == "5541"
    assert dispute.balance_transactions is not None
    assert isinstance(dispute.balance_transactions[0], StripeObject)
    assert dispute.balance_transactions[0].reporting_category == "issuing_dispute"
    assert type(dispute.evidence.not_received) is IssuingDisputeEvidenceNotReceived
    assert dispute.evidence.duplicate is not None and dispute.evidence.duplicate.additional_documentation is None


def test_evidence_file_fields_take_expanded_files() -> None:
    raw = payload("issuing_dispute")
    raw["evidence"]["canceled"]["additional_documentation"] = {"id": "file_1", "object": "file", "size": 1024}
    dispute = IssuingDispute.from_dict(raw)
    canceled = dispute.evidence.canceled
    assert canceled is not None
    assert isinstance(canceled.additional_documentation, StripeObject)
    assert canceled.additional_documentation.size == 1024
    assert dispute.to_dict() == raw


def test_unseen_enum_values_and_decimals_survive() -> None:
    raw = payload("issuing_transaction")
    raw["type"] = "adjustment"
    raw["purchase_details"]["fuel"]["unit"] = "cubic_meter"
    txn = IssuingTransaction.from_dict(raw)
    assert txn.type == "adjustment"
    assert txn.purchase_details is not None and txn.purchase_details.fuel is not None
    assert txn.purchase_details.fuel.unit == "cubic_meter"
    assert txn.purchase_details.fuel.unit_cost_decimal == "104.8095"
    assert txn.to_dict() == raw


# --- lists -----------------------------------------------------------------------------


def test_transaction_list_walks_every_page(run: Runner, mock_api: respx.MockRouter) -> None:
    first = {**payload("issuing_transaction"), "id": "ipi_a"}
    second = {**payload("issuing_transaction"), "id": "ipi_b"}

    def answer(request: httpx.Request) -> httpx.Response:
        query = dict(parse_qsl(request.url.query.decode()))
        assert query["card"] == "ic_1"
        if query.get("starting_after") == "ipi_a":
            return httpx.Response(
                200, json={"object": "list", "url": "/v1/issuing/transactions", "has_more": False, "data": [second]}
            )
        return httpx.Response(
            200, json={"object": "list", "url": "/v1/issuing/transactions", "has_more": True, "data": [first]}
        )

    route = mock_api.get("/v1/issuing/transactions").mock(side_effect=answer)
    items = run(lambda c: Walk(c.issuing.transactions.list(card="ic_1", limit=1)))
    assert [t.id for t in items] == ["ipi_a", "ipi_b"]
    assert all(type(t) is IssuingTransaction for t in items)
    assert route.call_count == 2
