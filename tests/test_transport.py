"""The shared transport, through both clients: headers, wire format, error mapping, retries."""

from __future__ import annotations

import asyncio
import json
import platform
import uuid
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite import errors
from stripe_lite._base_client import API_VERSION, MAX_RETRY_AFTER, retry_delay
from stripe_lite.models import SetupAttempt

from .conftest import API_KEY, Runner, Sleeps, Walk

OBJ = {"id": "obj_1", "object": "thing"}


def stripe_error(status: int, **error: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": error}, headers={"Request-Id": "req_abc"})


# -- headers and wire format ------------------------------------------------------


def test_get_sends_auth_version_agent_and_query(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/things").respond(json=OBJ)
    run(lambda c: c.request("get", "/v1/things", params={"limit": 3, "expand": ["a"], "skip": None}))
    request = route.calls.last.request
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Stripe-Version"] == API_VERSION
    agent = request.headers["User-Agent"]
    assert agent.startswith("stripe_lite/") and f"Python {platform.python_version()}" in agent
    assert f"httpx {httpx.__version__}" in agent
    assert "Idempotency-Key" not in request.headers
    assert "Stripe-Account" not in request.headers
    assert parse_qsl(request.url.query.decode()) == [("limit", "3"), ("expand[0]", "a")]
    assert request.content == b""


def test_post_sends_form_body_and_generated_idempotency_key(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/things").respond(json=OBJ)
    run(lambda c: c.request("post", "/v1/things", params={"amount": 2000, "metadata": {"order": "6735"}}))
    request = route.calls.last.request
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(request.content.decode()) == [("amount", "2000"), ("metadata[order]", "6735")]
    assert uuid.UUID(request.headers["Idempotency-Key"]).version == 4
    assert request.url.query == b""


def test_each_call_gets_its_own_idempotency_key(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/things").respond(json=OBJ)

    def twice(c: Any) -> Any:
        if isinstance(c, stripe_lite.AsyncStripeClient):

            async def both() -> None:
                await c.request("post", "/v1/things")
                await c.request("post", "/v1/things")

            return both()
        c.request("post", "/v1/things")
        c.request("post", "/v1/things")

    run(twice)
    keys = {call.request.headers["Idempotency-Key"] for call in route.calls}
    assert len(keys) == 2


def test_caller_idempotency_key_and_account_and_version(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/things").respond(json=OBJ)
    run(
        lambda c: c.request(
            "post", "/v1/things", idempotency_key="my-key", stripe_account="acct_9", stripe_version="2020-08-27"
        ),
        stripe_account="acct_client",
    )
    headers = route.calls.last.request.headers
    assert headers["Idempotency-Key"] == "my-key"
    assert headers["Stripe-Account"] == "acct_9"
    assert headers["Stripe-Version"] == "2020-08-27"


def test_an_idempotency_key_given_on_any_method_is_sent_as_given(run: Runner, mock_api: respx.MockRouter) -> None:
    # Stripe honours keys on POST only; a key the caller passed elsewhere is still never dropped.
    route = mock_api.get("/v1/things").respond(json=OBJ)
    run(lambda c: c.request("get", "/v1/things", params={"limit": 1}, idempotency_key="key-get"))
    assert route.calls.last.request.headers["Idempotency-Key"] == "key-get"


def test_uploads_go_to_the_files_host_as_multipart(run: Runner) -> None:
    with respx.mock(assert_all_called=True) as router:
        route = router.post("https://files.stripe.com/v1/files").respond(json={"id": "file_1", "object": "file"})
        params = {"purpose": "dispute_evidence", "file": ("receipt.pdf", b"%PDF-1.4 x", "application/pdf"),
                  "file_link_data": {"create": True}}
        run(lambda c: c._call("post", "/v1/files", params, lambda d: d, files=True))
    request = route.calls.last.request
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    body = request.content
    assert b'name="purpose"\r\n\r\ndispute_evidence' in body
    assert b'name="file_link_data[create]"\r\n\r\ntrue' in body
    assert b'name="file"; filename="receipt.pdf"' in body and b"%PDF-1.4 x" in body
    assert uuid.UUID(request.headers["Idempotency-Key"]).version == 4


def test_downloads_return_the_bytes_from_the_files_host(run: Runner) -> None:
    from stripe_lite._base_client import binary_body

    with respx.mock(assert_all_called=True) as router:
        router.get("https://files.stripe.com/v1/quotes/qt_1/pdf").respond(
            content=b"%PDF-1.7 binary \x00\xff", headers={"Content-Type": "application/pdf"}
        )
        got = run(lambda c: c._call("get", "/v1/quotes/qt_1/pdf", None, binary_body, files=True))
    assert got == b"%PDF-1.7 binary \x00\xff"


def test_a_base_url_of_your_own_serves_files_too(run: Runner) -> None:
    from stripe_lite._base_client import binary_body

    with respx.mock(assert_all_called=True) as router:
        router.get("http://127.0.0.1:12111/v1/quotes/qt_1/pdf").respond(content=b"pdf")
        got = run(
            lambda c: c._call("get", "/v1/quotes/qt_1/pdf", None, binary_body, files=True),
            base_url="http://127.0.0.1:12111",
        )
    assert got == b"pdf"


def test_client_level_account_is_sent(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/things").respond(json=OBJ)
    run(lambda c: c.request("get", "/v1/things"), stripe_account="acct_client")
    assert route.calls.last.request.headers["Stripe-Account"] == "acct_client"


def test_request_returns_json_or_casts(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/setup_attempts/x").respond(json={"id": "setatt_1", "object": "setup_attempt", "new": 1})
    raw = run(lambda c: c.request("get", "/v1/setup_attempts/x"))
    assert raw == {"id": "setatt_1", "object": "setup_attempt", "new": 1}
    model = run(lambda c: c.request("get", "/v1/setup_attempts/x", cast_to=SetupAttempt))
    assert isinstance(model, SetupAttempt) and model.id == "setatt_1" and model.extra_fields["new"] == 1


def test_request_casts_through_the_cattrs_converter(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/x").respond(json=[{"id": "setatt_1", "object": "setup_attempt"}])
    items = run(lambda c: c.request("get", "/v1/x", cast_to=list[SetupAttempt]))
    assert [type(i) for i in items] == [SetupAttempt]


def test_request_path_must_be_absolute(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(ValueError, match="path must start with '/'"):
        client.request("get", "v1/things")


# -- error mapping ---------------------------------------------------------------------

ERROR_CASES = [
    (402, "card_error", errors.CardError),
    (400, "card_error", errors.CardError),
    (400, "invalid_request_error", errors.InvalidRequestError),
    (404, "invalid_request_error", errors.NotFoundError),
    (401, "invalid_request_error", errors.AuthenticationError),
    (403, "invalid_request_error", errors.PermissionDeniedError),
    (400, "idempotency_error", errors.IdempotencyError),
    (429, "rate_limit_error", errors.RateLimitError),
    (500, "api_error", errors.APIError),
    (503, "invalid_request_error", errors.APIError),
    (418, "brand_new_type", errors.InvalidRequestError),
]


@pytest.mark.parametrize(("status", "error_type", "cls"), ERROR_CASES)
def test_errors_map_to_classes_with_all_fields(
    run: Runner, mock_api: respx.MockRouter, status: int, error_type: str, cls: type[errors.StripeError]
) -> None:
    error = {
        "type": error_type,
        "code": "card_declined",
        "decline_code": "insufficient_funds",
        "param": "amount",
        "message": "Your card has insufficient funds.",
        "doc_url": "https://stripe.com/docs/error-codes/card-declined",
        "extra": {"kept": True},
    }
    mock_api.get("/v1/things").mock(return_value=stripe_error(status, **error))
    with pytest.raises(cls) as caught:
        run(lambda c: c.request("get", "/v1/things"), max_retries=0)
    exc = caught.value
    assert type(exc) is cls
    assert exc.http_status == status
    assert exc.code == "card_declined"
    assert exc.decline_code == "insufficient_funds"
    assert exc.param == "amount"
    assert exc.message == "Your card has insufficient funds."
    assert exc.doc_url == "https://stripe.com/docs/error-codes/card-declined"
    assert exc.request_id == "req_abc"
    assert exc.error == error
    assert exc.body is not None and json.loads(exc.body) == {"error": error}
    assert "req_abc" in str(exc) and "Your card has insufficient funds." in str(exc)


def test_error_table_is_the_one_mapping() -> None:
    for status, error_type, cls in ERROR_CASES:
        assert errors.error_class_for(status, error_type) is cls


@pytest.mark.parametrize("status", [400, 404, 502])
def test_a_body_that_is_not_a_stripe_error_is_an_api_error(
    run: Runner, mock_api: respx.MockRouter, status: int
) -> None:
    html = "<html><body>Bad Gateway</body></html>"
    mock_api.get("/v1/things").respond(status, text=html, headers={"Content-Type": "text/html"})
    with pytest.raises(errors.APIError) as caught:
        run(lambda c: c.request("get", "/v1/things"), max_retries=0)
    assert caught.value.http_status == status
    assert caught.value.body == html
    assert caught.value.error is None


def test_success_that_is_not_json_is_an_invalid_response(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/things").respond(200, text="{truncated", headers={"Request-Id": "req_1"})
    with pytest.raises(errors.InvalidResponseError) as caught:
        run(lambda c: c.request("get", "/v1/things"))
    assert caught.value.http_status == 200
    assert caught.value.request_id == "req_1"
    assert caught.value.body == "{truncated"


def test_success_with_the_wrong_shape_is_an_invalid_response(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/things").respond(200, json=["not", "an", "object"])
    with pytest.raises(errors.InvalidResponseError, match="JSON object"):
        run(lambda c: c.request("get", "/v1/things", cast_to=SetupAttempt))


# -- retries -------------------------------------------------------------------------


def test_retries_5xx_with_the_same_idempotency_key(run: Runner, mock_api: respx.MockRouter, sleeps: Sleeps) -> None:
    route = mock_api.post("/v1/things").mock(
        side_effect=[stripe_error(500, type="api_error"), httpx.Response(503), httpx.Response(200, json=OBJ)]
    )
    assert run(lambda c: c.request("post", "/v1/things")) == OBJ
    assert route.call_count == 3
    assert len({call.request.headers["Idempotency-Key"] for call in route.calls}) == 1
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5 and 0.75 <= sleeps[1] <= 1.0


def test_caller_key_is_kept_on_every_retry(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/v1/things").mock(side_effect=[httpx.Response(500), httpx.Response(200, json=OBJ)])
    run(lambda c: c.request("post", "/v1/things", idempotency_key="order-6735"))
    assert [call.request.headers["Idempotency-Key"] for call in route.calls] == ["order-6735"] * 2


@pytest.mark.parametrize("status", [409, 429, 500, 502, 503, 504])
def test_retryable_statuses(run: Runner, mock_api: respx.MockRouter, status: int) -> None:
    route = mock_api.get("/v1/things").mock(side_effect=[httpx.Response(status), httpx.Response(200, json=OBJ)])
    assert run(lambda c: c.request("get", "/v1/things")) == OBJ
    assert route.call_count == 2


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404])
def test_client_errors_are_not_retried(run: Runner, mock_api: respx.MockRouter, status: int) -> None:
    route = mock_api.get("/v1/things").mock(return_value=stripe_error(status, type="invalid_request_error"))
    with pytest.raises(errors.StripeError):
        run(lambda c: c.request("get", "/v1/things"))
    assert route.call_count == 1


def test_max_retries_is_honoured_and_the_last_error_raised(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/things").mock(return_value=stripe_error(500, type="api_error", message="boom"))
    with pytest.raises(errors.APIError, match="boom"):
        run(lambda c: c.request("get", "/v1/things"), max_retries=4)
    assert route.call_count == 5


def test_zero_disables_retries_per_call_override_and_with_options(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/things").mock(return_value=httpx.Response(500))
    with pytest.raises(errors.APIError):
        run(lambda c: c.request("get", "/v1/things"), max_retries=0)
    assert route.call_count == 1
    route.reset()
    with pytest.raises(errors.APIError):
        run(lambda c: c.request("get", "/v1/things", max_retries=3), max_retries=0)
    assert route.call_count == 4
    route.reset()
    with pytest.raises(errors.APIError):
        run(lambda c: c.with_options(max_retries=1).request("get", "/v1/things"), max_retries=0)
    assert route.call_count == 2


def test_stripe_should_retry_overrides_the_status(run: Runner, mock_api: respx.MockRouter) -> None:
    no = mock_api.get("/v1/no").mock(return_value=httpx.Response(500, headers={"Stripe-Should-Retry": "false"}))
    with pytest.raises(errors.APIError):
        run(lambda c: c.request("get", "/v1/no"))
    assert no.call_count == 1
    yes = mock_api.get("/v1/yes").mock(
        side_effect=[
            httpx.Response(400, json={"error": {"type": "invalid_request_error"}}, headers={"Stripe-Should-Retry": "true"}),
            httpx.Response(200, json=OBJ),
        ]
    )
    assert run(lambda c: c.request("get", "/v1/yes")) == OBJ
    assert yes.call_count == 2


def test_retry_after_is_honoured_up_to_the_cap(run: Runner, mock_api: respx.MockRouter, sleeps: Sleeps) -> None:
    mock_api.get("/v1/things").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(429, headers={"Retry-After": str(MAX_RETRY_AFTER * 10)}),
            httpx.Response(200, json=OBJ),
        ]
    )
    run(lambda c: c.request("get", "/v1/things"), max_retries=2)
    assert sleeps[0] == 7.0
    assert sleeps[1] <= 1.0  # too long a Retry-After: the usual backoff instead


@pytest.mark.parametrize(
    ("failure", "cls"),
    [(httpx.ConnectError("refused"), errors.APIConnectionError), (httpx.ReadTimeout("slow"), errors.APITimeoutError)],
)
def test_network_failures_are_retried_then_raised_with_cause(
    run: Runner, mock_api: respx.MockRouter, failure: Exception, cls: type[errors.StripeError]
) -> None:
    route = mock_api.post("/v1/things").mock(side_effect=failure)
    with pytest.raises(cls) as caught:
        run(lambda c: c.request("post", "/v1/things"))
    assert type(caught.value) is cls
    assert route.call_count == 3
    assert caught.value.__cause__ is failure
    assert len({call.request.headers["Idempotency-Key"] for call in route.calls}) == 1


def test_network_failure_then_success(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/things").mock(side_effect=[httpx.ConnectError("x"), httpx.Response(200, json=OBJ)])
    assert run(lambda c: c.request("get", "/v1/things")) == OBJ
    assert route.call_count == 2


@pytest.mark.parametrize(
    ("attempt", "rand", "expected"),
    [(0, 0.0, 0.375), (0, 1.0, 0.5), (1, 0.5, 0.875), (2, 0.0, 1.5), (4, 1.0, 8.0), (10, 1.0, 8.0)],
)
def test_backoff_formula(attempt: int, rand: float, expected: float) -> None:
    assert retry_delay(attempt, rand=rand) == pytest.approx(expected)


def test_backoff_uses_retry_after_within_cap() -> None:
    assert retry_delay(3, 2.5, rand=0.0) == 2.5
    assert retry_delay(0, MAX_RETRY_AFTER + 1, rand=0.0) == pytest.approx(0.375)
    assert retry_delay(0, -1.0, rand=0.0) == pytest.approx(0.375)


# -- errors name the request that failed ----------------------------------------------


def _raised(run: Runner, call: Any) -> errors.StripeError:
    with pytest.raises(errors.StripeError) as caught:
        run(call)
    return caught.value


def test_an_error_answer_names_its_request_in_the_message_and_as_attributes(
    run: Runner, mock_api: respx.MockRouter
) -> None:
    mock_api.post("/v1/customers/cus_404").respond(
        404,
        json={"error": {"type": "invalid_request_error", "message": "No such customer: 'cus_404'", "code": "resource_missing",
                        "secret_echo": "BODYMARKER"}},
        headers={"Request-Id": "req_nf1"},
    )
    exc = _raised(
        run,
        lambda c: c.customers.update("cus_404", email="jenny@example.com", idempotency_key="retry-me-1"),
    )
    assert isinstance(exc, errors.NotFoundError)
    assert (exc.method, exc.path) == ("POST", "/v1/customers/cus_404")
    assert (exc.request_id, exc.idempotency_key) == ("req_nf1", "retry-me-1")
    assert str(exc) == (
        "No such customer: 'cus_404' (POST /v1/customers/cus_404: status 404, code resource_missing, request req_nf1)"
    )
    shown = str(exc) + repr(exc)
    assert API_KEY not in shown and "BODYMARKER" not in shown and "jenny@example.com" not in shown
    assert "method='POST'" in repr(exc) and "path='/v1/customers/cus_404'" in repr(exc)


def test_a_query_is_not_part_of_the_path_an_error_names(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/customers").respond(429, json={"error": {"type": "rate_limit_error", "message": "Slow down"}})
    exc = _raised(run, lambda c: c.customers.list(email="jenny@example.com", max_retries=0))
    assert isinstance(exc, errors.RateLimitError)
    assert (exc.method, exc.path, exc.idempotency_key) == ("GET", "/v1/customers", None)
    assert "(GET /v1/customers: status 429)" in str(exc) and "jenny" not in str(exc)


def test_a_network_failure_names_its_request(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.post("/v1/refunds").mock(side_effect=httpx.ConnectError("refused"))
    exc = _raised(run, lambda c: c.refunds.create(payment_intent="pi_1", max_retries=1))
    assert isinstance(exc, errors.APIConnectionError)
    assert (exc.method, exc.path) == ("POST", "/v1/refunds")
    assert exc.idempotency_key is not None and exc.request_id is None
    assert str(exc).endswith("(POST /v1/refunds)")


def test_an_undecodable_answer_names_its_request(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/balance").respond(200, text="<html>proxy</html>", headers={"Request-Id": "req_html"})
    exc = _raised(run, lambda c: c.balance.retrieve())
    assert isinstance(exc, errors.InvalidResponseError)
    assert (exc.method, exc.path, exc.request_id) == ("GET", "/v1/balance", "req_html")
    assert "(GET /v1/balance: status 200, request req_html)" in str(exc) and "proxy" not in str(exc)


def test_a_closed_client_names_the_request_it_did_not_send(mode: str) -> None:
    if mode == "sync":
        client = stripe_lite.StripeClient(api_key=API_KEY)
        client.close()
        with pytest.raises(errors.ConnectionPoolError) as caught:
            client.charges.retrieve("ch_1")
        exc = caught.value
    else:

        async def main() -> errors.StripeError:
            aclient = stripe_lite.AsyncStripeClient(api_key=API_KEY)
            await aclient.close()
            with pytest.raises(errors.ConnectionPoolError) as raised:
                await aclient.charges.retrieve("ch_1")
            return raised.value

        exc = asyncio.run(main())
    assert (exc.method, exc.path) == ("GET", "/v1/charges/ch_1")
    assert str(exc).endswith("(GET /v1/charges/ch_1)")


def test_a_list_that_repeats_itself_names_the_list(run: Runner, mock_api: respx.MockRouter) -> None:
    page = {"object": "list", "data": [{"id": "cus_1", "object": "customer"}], "has_more": True, "url": "/v1/customers"}
    mock_api.get("/v1/customers").respond(json=page)
    exc = _raised(run, lambda c: Walk(c.customers.list(starting_after="cus_1")))
    assert isinstance(exc, errors.InvalidResponseError) and "repeated itself" in exc.message
    assert (exc.method, exc.path) == ("GET", "/v1/customers")


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)
