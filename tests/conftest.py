"""Shared fixtures: clients pointed at a respx-mocked Stripe, and a fake clock."""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
import respx

import stripe_lite
from stripe_lite._service import AsyncService, SyncService

from .faulty_server import FaultyServer, serve

# pytester runs the stripe_fake plugin in a pytest of its own (tests/test_fake_serve.py).
pytest_plugins = ["pytester"]

API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dcSECRETKEY"
BASE = "https://api.stripe.com"


class Sleeps(list[float]):
    """The delays the client asked to sleep, recorded instead of slept."""


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Sleeps:
    recorded = Sleeps()

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(time, "sleep", fake_sleep)
    monkeypatch.setattr(asyncio, "sleep", fake_async_sleep)
    return recorded


@pytest.fixture
def mock_api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture
def client(mock_api: respx.MockRouter, sleeps: Sleeps) -> Iterator[stripe_lite.StripeClient]:
    with stripe_lite.StripeClient(api_key=API_KEY) as c:
        yield c


@pytest.fixture
async def aclient(mock_api: respx.MockRouter, sleeps: Sleeps) -> AsyncIterator[stripe_lite.AsyncStripeClient]:
    async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as c:
        yield c


class Runner:
    """Runs the same scenario on StripeClient or AsyncStripeClient."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def __call__(self, scenario: Callable[[Any], Any], **client_options: Any) -> Any:
        if self.mode == "sync":
            with stripe_lite.StripeClient(api_key=API_KEY, **client_options) as c:
                return _drain_sync(scenario(c))

        async def main() -> Any:
            async with stripe_lite.AsyncStripeClient(api_key=API_KEY, **client_options) as c:
                return await _drain_async(scenario(c))

        return asyncio.run(main())


class Walk:
    """Wrap a page or pager to have the runner iterate every item of it."""

    def __init__(self, pages: Any) -> None:
        self.pages = pages


def _drain_sync(result: Any) -> Any:
    return list(result.pages) if isinstance(result, Walk) else result


async def _drain_async(result: Any) -> Any:
    if isinstance(result, Walk):
        pages = result.pages
        if inspect.isawaitable(pages) and not hasattr(pages, "__aiter__"):
            pages = await pages
        return [item async for item in pages]
    if inspect.isawaitable(result):
        return await result
    return result


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest, mock_api: respx.MockRouter, sleeps: Sleeps) -> Runner:
    """Call ``run(lambda client: client.x.y(...))``: once per client kind."""
    return Runner(request.param)


@pytest.fixture
def faulty_server() -> Iterator[FaultyServer]:
    """A scripted, misbehaving HTTP server on 127.0.0.1 (see tests/faulty_server.py)."""
    with serve() as server:
        yield server
    assert not server.over_budget, f"the test sent more than {server.max_requests} requests"


def all_services(root: Any) -> Iterator[tuple[str, Any]]:
    """(dotted name, service) for every service reachable from a client: in namespaces, and nested
    in other services (``customers.balance_transactions``)."""
    for name, member in inspect.getmembers(type(root)):
        if isinstance(member, functools.cached_property):
            value = getattr(root, name)
            if isinstance(value, (SyncService, AsyncService)):
                yield name, value
            for sub, service in all_services(value):
                yield f"{name}.{sub}", service
