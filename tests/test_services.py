"""Every method of every service on the wire, sync and async.

Each case (in tests/cases/) is a representative call with nested parameters;
the test checks the exact method, path, query string or form body sent, and
the model decoded.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import respx

import stripe_lite
from stripe_lite.models import OBJECT_MODELS

from .cases import payload, service_cases
from .conftest import Runner, all_services

CASES = service_cases()
PI = payload("payment_intent")


def _service(client: Any, dotted: str) -> Any:
    return functools.reduce(getattr, dotted.split("."), client)


def _call(client: Any, service: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return getattr(_service(client, service), method)(*args, **kwargs)


def test_every_method_has_a_case() -> None:
    covered = {(c[1], c[2]) for c in CASES}
    with stripe_lite.StripeClient(api_key="sk_test_x") as client:
        services = dict(all_services(client))
        assert {"payment_intents", "setup_intents", "setup_attempts"} <= set(services)
        for dotted, service in services.items():
            public = {m for m in dir(service) if not m.startswith("_")}
            assert public == {m for s, m in covered if s == dotted}, dotted


@pytest.mark.parametrize(
    ("service", "method", "args", "kwargs", "http", "path", "pairs", "response", "result"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_wire_and_decoding(
    run: Runner,
    mock_api: respx.MockRouter,
    service: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    http: str,
    path: str,
    pairs: list[tuple[str, str]],
    response: Any,
    result: type,
) -> None:
    route = mock_api.route(method=http, path=path).mock(return_value=httpx.Response(200, json=response))
    got = run(lambda c: _call(c, service, method, args, kwargs))
    request = route.calls.last.request
    assert request.method == http
    assert request.url.raw_path.split(b"?")[0] == path.encode()
    sent = request.content.decode() if http == "POST" else request.url.query.decode()
    assert sorted(parse_qsl(sent, keep_blank_values=True)) == sorted(pairs)
    if http == "POST":
        assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert request.url.query == b""
    if result in (stripe_lite.ListPage, stripe_lite.SearchPage):
        page_cls = (
            result
            if run.mode == "sync"
            else {stripe_lite.ListPage: stripe_lite.AsyncListPage, stripe_lite.SearchPage: stripe_lite.AsyncSearchPage}[
                result
            ]
        )
        assert isinstance(got, page_cls)
        item_model = OBJECT_MODELS[response["data"][0]["object"]]
        assert [type(item) for item in got.data] == [item_model]
        assert got.to_dict() == response
    else:
        assert isinstance(got, result)
        assert got.to_dict() == response


def test_required_parameters_are_required(client: stripe_lite.StripeClient) -> None:
    with pytest.raises(TypeError, match="currency"):
        client.payment_intents.create(amount=2000)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="query"):
        client.payment_intents.search()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="setup_intent"):
        client.setup_attempts.list()  # type: ignore[call-arg]


@pytest.mark.parametrize("bad_id", ["", "   "])
def test_empty_path_id_raises_before_any_request(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter, bad_id: str
) -> None:
    route = mock_api.route().respond(json=PI)
    with pytest.raises(ValueError, match="intent"):
        client.payment_intents.retrieve(bad_id)
    with pytest.raises(ValueError, match="intent"):
        client.setup_intents.confirm(bad_id)
    assert route.call_count == 0


def test_an_unpassed_optional_parameter_is_not_sent(
    client: stripe_lite.StripeClient, mock_api: respx.MockRouter
) -> None:
    route = mock_api.post("/v1/payment_intents/pi_1/capture").respond(json=PI)
    client.payment_intents.capture("pi_1")
    assert route.calls.last.request.content == b""
