"""API v2 through the shared core, on both clients: JSON bodies, repeated-key queries, v2 errors."""

from __future__ import annotations

import datetime
import json
import uuid
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

from stripe_lite import errors
from stripe_lite._base_client import RequestOptions
from stripe_lite._encoding import encode_json, encode_query_v2

from .conftest import Runner

ACCOUNT = {"id": "acct_1", "object": "v2.core.account"}
WHEN = datetime.datetime(2026, 5, 27, 12, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def test_a_v2_post_sends_json(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v2/core/accounts").respond(json=ACCOUNT)
    params = {
        "display_name": "Ünïcode Ltd",
        "metadata": {"order": "6735", "old": None},
        "include": ["identity", "defaults"],
        "configuration": {"merchant": {"applied": True, "limit": 2, "rate": Decimal("0.25")}},
        "since": WHEN,
        "skip": None,
    }
    run(lambda c: c.request("post", "/v2/core/accounts", params=params))
    request = route.calls.last.request
    assert request.headers["Content-Type"] == "application/json"
    assert uuid.UUID(request.headers["Idempotency-Key"]).version == 4
    assert json.loads(request.content) == {
        "display_name": "Ünïcode Ltd",
        "metadata": {"order": "6735", "old": None},  # null unsets a key in v2
        "include": ["identity", "defaults"],
        "configuration": {"merchant": {"applied": True, "limit": 2, "rate": "0.25"}},
        "since": "2026-05-27T10:30:00Z",
    }
    assert request.url.query == b""


def test_a_v2_get_repeats_list_keys_in_its_query(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v2/core/events").respond(json={"data": [], "next_page_url": None})
    params = {"types": ["a.b", "c.d"], "created": {"gt": WHEN}, "limit": 5, "object_id": None}
    run(lambda c: c.request("get", "/v2/core/events", params=params))
    request = route.calls.last.request
    assert parse_qsl(request.url.query.decode()) == [
        ("types", "a.b"),
        ("types", "c.d"),
        ("created[gt]", "2026-05-27T10:30:00Z"),
        ("limit", "5"),
    ]
    assert request.content == b""
    assert "Content-Type" not in request.headers


def test_v1_keeps_its_form_encoding(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/customers").respond(json={"id": "cus_1", "object": "customer"})
    run(lambda c: c.request("post", "/v1/customers", params={"metadata": {"a": None}, "preferred_locales": ["fr"]}))
    request = route.calls.last.request
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(request.content.decode(), keep_blank_values=True) == [
        ("metadata[a]", ""),
        ("preferred_locales[0]", "fr"),
    ]


def test_a_stripe_context_is_sent_as_its_header(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v2/core/accounts/acct_1").respond(json=ACCOUNT)
    options = RequestOptions(stripe_context="acct_parent/acct_child")
    run(lambda c: c._call("get", "/v2/core/accounts/acct_1", None, lambda d: d, options))
    assert route.calls.last.request.headers["Stripe-Context"] == "acct_parent/acct_child"
    run(lambda c: c._call("get", "/v2/core/accounts/acct_1", None, lambda d: d))
    assert "Stripe-Context" not in route.calls.last.request.headers


def test_a_stripe_context_with_a_line_break_is_refused(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v2/core/accounts/acct_1").respond(json=ACCOUNT)
    options = RequestOptions(stripe_context="acct_1\r\nX-Evil: 1")
    with pytest.raises(ValueError, match="stripe_context"):
        run(lambda c: c._call("get", "/v2/core/accounts/acct_1", None, lambda d: d, options))
    assert not route.called


# -- errors: v2 names its kind in "code" ------------------------------------------------


def v2_error(status: int, headers: dict[str, str] | None = None, **error: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": error}, headers={"Request-Id": "req_v2", **(headers or {})})


@pytest.mark.parametrize(
    ("status", "error", "expected"),
    [
        (400, {"code": "idempotency_error", "message": "Keys differ."}, errors.IdempotencyError),
        (400, {"type": "rate_limit", "code": "account_rate_limit_exceeded", "message": "Slow."}, errors.RateLimitError),
        (404, {"code": "not_found", "message": "No such event."}, errors.NotFoundError),
        (400, {"code": "email_invalid", "message": "Bad email.", "user_message": "Check the address."}, errors.InvalidRequestError),
        (500, {"code": "internal", "message": "Oops."}, errors.APIError),
    ],
    ids=["idempotency", "rate-limit-type", "not-found", "user-message", "server"],
)
def test_v2_errors_map_by_their_code(
    run: Runner, mock_api: respx.MockRouter, status: int, error: dict[str, Any], expected: type[errors.StripeError]
) -> None:
    mock_api.post("/v2/core/accounts").mock(return_value=v2_error(status, {"Stripe-Should-Retry": "false"}, **error))
    with pytest.raises(errors.StripeError) as caught:
        run(lambda c: c.request("post", "/v2/core/accounts", params={"display_name": "x"}))
    assert type(caught.value) is expected
    assert caught.value.message == error["message"]
    assert caught.value.code == error["code"]
    assert caught.value.user_message == error.get("user_message")
    assert caught.value.http_status == status
    assert caught.value.request_id == "req_v2"


def test_a_v2_code_means_nothing_on_a_v1_path(run: Runner, mock_api: respx.MockRouter) -> None:
    # v1 errors are told apart by "type": the same body on a v1 path is an invalid request.
    mock_api.post("/v1/customers").mock(return_value=v2_error(400, code="idempotency_error", message="x"))
    with pytest.raises(errors.StripeError) as caught:
        run(lambda c: c.request("post", "/v1/customers"))
    assert type(caught.value) is errors.InvalidRequestError


# -- the encoders on their own -----------------------------------------------------------


def test_encode_json_refuses_what_json_cannot_carry() -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(ValueError, match="'amount'"):
        encode_json({"amount": float("nan")})
    with pytest.raises(ValueError, match="time zone"):
        encode_json({"at": datetime.datetime(2026, 1, 1)})
    with pytest.raises(TypeError, match="contains itself"):
        encode_json({"loop": loop})
    with pytest.raises(TypeError, match="keys must be str"):
        encode_json({"meta": {1: "a"}})
    with pytest.raises(TypeError, match="cannot send a value of type object"):
        encode_json({"thing": object()})
    assert encode_json({}) == b"{}"
    assert encode_json({"a": None, "b": 1.5, "c": (1, 2)}) == b'{"b":1.5,"c":[1,2]}'


def test_encode_query_v2_keeps_lists_flat() -> None:
    assert encode_query_v2({"types": ("a", "b"), "flag": False, "n": None}) == [
        ("types", "a"),
        ("types", "b"),
        ("flag", "false"),
    ]
    with pytest.raises(TypeError, match="plain values only"):
        encode_query_v2({"types": [["a"]]})
    with pytest.raises(ValueError, match="contains"):
        encode_query_v2({"a[b]": 1})
