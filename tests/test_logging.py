"""The stripe_lite logger: what each level shows, STRIPE_LOG to turn it on, and no key in any record."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
import respx

from stripe_lite import _base_client

from .conftest import API_KEY, Runner

LOGGER = logging.getLogger("stripe_lite")


class Stderr:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def getvalue(self) -> str:
        return self.capsys.readouterr().err


@pytest.fixture
def stderr(capsys: pytest.CaptureFixture[str]) -> Iterator[Stderr]:
    """What STRIPE_LOG's handler prints (to the stderr of the moment it is made: pytest's capture);
    the handler and level are taken away after the test."""
    level = LOGGER.level
    yield Stderr(capsys)
    if _base_client._env_log_handler is not None:
        LOGGER.removeHandler(_base_client._env_log_handler)
        _base_client._env_log_handler = None
    LOGGER.setLevel(level)


def _retried_call(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.post("/v1/customers").mock(
        side_effect=[
            httpx.Response(503, json={"error": {"type": "api_error"}}, headers={"Request-Id": "req_503"}),
            httpx.Response(200, json={"id": "cus_1", "object": "customer"}, headers={"Request-Id": "req_200"}),
        ]
    )
    run(lambda c: c.customers.create(email="jenny@example.com"))


def test_stripe_log_debug_prints_every_request_and_answer(
    run: Runner, mock_api: respx.MockRouter, stderr: Stderr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIPE_LOG", "debug")
    _retried_call(run, mock_api)
    printed = stderr.getvalue()
    lines = [line.split(" stripe_lite: ", 1)[1] for line in printed.splitlines()]
    assert lines == [
        "Request POST /v1/customers",
        "Response POST /v1/customers: 503, request req_503",
        "POST /v1/customers answered 503",
        "Retrying POST /v1/customers (retry 1 of 2)",
        "Response POST /v1/customers: 200, request req_200",
    ]
    assert " DEBUG stripe_lite: Request POST" in printed
    assert API_KEY not in printed and "jenny" not in printed


def test_stripe_log_info_prints_retries_only(
    run: Runner, mock_api: respx.MockRouter, stderr: Stderr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIPE_LOG", " INFO ")
    _retried_call(run, mock_api)
    lines = [line.split(" stripe_lite: ", 1)[1] for line in stderr.getvalue().splitlines()]
    assert lines == ["POST /v1/customers answered 503", "Retrying POST /v1/customers (retry 1 of 2)"]


def test_without_stripe_log_nothing_is_printed_and_one_handler_at_most(
    run: Runner, mock_api: respx.MockRouter, stderr: Stderr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STRIPE_LOG", raising=False)
    _retried_call(run, mock_api)
    assert stderr.getvalue() == ""
    monkeypatch.setenv("STRIPE_LOG", "debug")
    for _ in range(3):
        _base_client.BaseClient.__init__(_base_client.BaseClient.__new__(_base_client.BaseClient), API_KEY)
    assert LOGGER.handlers.count(_base_client._env_log_handler) == 1  # type: ignore[arg-type]


def test_an_unknown_stripe_log_value_warns(stderr: Stderr, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIPE_LOG", "verbose")
    with pytest.warns(UserWarning, match="STRIPE_LOG='verbose' is ignored: use debug or info"):
        _base_client._log_from_environment()
    assert _base_client._env_log_handler is None


def test_a_key_a_server_echoes_is_masked_in_the_log(
    mock_api: respx.MockRouter, stderr: Stderr, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stripe_lite

    monkeypatch.setenv("STRIPE_LOG", "debug")
    mock_api.get("/v1/balance").respond(json={"object": "balance"}, headers={"Request-Id": f"req_{API_KEY}"})
    with stripe_lite.StripeClient(api_key=API_KEY) as client:
        client.balance.retrieve()
    printed = stderr.getvalue()
    assert "request req_sk_test_***" in printed and API_KEY not in printed
