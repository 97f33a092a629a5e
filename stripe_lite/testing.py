"""Run stripe_lite against a fake Stripe server on your own machine.

:func:`run_localstripe` starts `localstripe <https://github.com/adrienverge/localstripe>`_,
an in-memory imitation of the Stripe API, for tests and demos that should not
need a Stripe account or the network::

    from stripe_lite import StripeClient
    from stripe_lite.testing import run_localstripe

    with run_localstripe() as fake:
        with StripeClient(api_key=fake.api_key, base_url=fake.base_url) as client:
            intent = client.payment_intents.create(amount=2000, currency="usd")

Install it with ``pip install 'stripe-lite[examples]'``. The server listens on
127.0.0.1 only, on a free port, keeps its data in memory only, and stops when
the ``with`` block ends.

localstripe covers the common calls but is not Stripe: some fields, endpoints
and error details differ. One difference is smoothed over: localstripe labels
card declines (HTTP 402) ``invalid_request_error``; this server relabels them
``card_error``, as Stripe does, so that a decline raises
:class:`~stripe_lite.errors.CardError` here just as it would against Stripe.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import importlib
import json
import socket
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["API_KEY", "LocalStripe", "run_localstripe"]

API_KEY = "sk_test_localstripe"
"""The API key to use with the fake server (it accepts any key starting with ``sk_``)."""

_HOST = "127.0.0.1"
_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
_SHUTDOWN_GRACE = 2.0
"""Seconds the server gives requests still running when it stops."""

_lock = threading.Lock()
_running = False


class LocalStripe:
    """A running fake Stripe server, as given by :func:`run_localstripe`."""

    __slots__ = ("_server", "_store", "api_key", "base_url")

    base_url: str
    """Pass it as ``base_url`` to the client, like ``http://127.0.0.1:50123``."""
    api_key: str
    """A secret key the fake server accepts."""

    def __init__(self, base_url: str, api_key: str, server: _Server, store: Any) -> None:
        self.base_url = base_url
        self.api_key = api_key
        self._server = server
        self._store = store

    def flush(self) -> None:
        """Delete every object the server holds, for a fresh start (between tests, say)."""
        self._server.call(self._store.clear)

    def __repr__(self) -> str:
        return f"LocalStripe(base_url={self.base_url!r})"


@contextlib.contextmanager
def run_localstripe() -> Iterator[LocalStripe]:
    """Start a fake Stripe server for the duration of a ``with`` block.

    Yields a :class:`LocalStripe` with the ``base_url`` and ``api_key`` to give
    the client. The server starts empty and forgets everything when it stops;
    it never reads or writes files. Only one can run at a time in a process,
    since localstripe keeps its data in one module-level store.
    """
    global _running
    template_app, store = _import_localstripe()
    with _lock:
        if _running:
            raise RuntimeError("a localstripe server is already running in this process")
        _running = True
    try:
        _disable_persistence(store)
        store.clear()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((_HOST, 0))
            port: int = sock.getsockname()[1]
            server = _Server(_copy_app(template_app), sock)
            server.start()
            try:
                _check_answers(port)
                yield LocalStripe(f"http://{_HOST}:{port}", API_KEY, server, store)
            finally:
                server.stop()
    finally:
        store.clear()
        with _lock:
            _running = False


def _import_localstripe() -> tuple[Any, Any]:
    try:
        with warnings.catch_warnings():
            # localstripe registers plain functions as aiohttp handlers, which
            # aiohttp deprecates; that is localstripe's business, not the caller's.
            warnings.simplefilter("ignore", DeprecationWarning)
            server_module = importlib.import_module("localstripe.server")
            resources = importlib.import_module("localstripe.resources")
    except ImportError as exc:
        raise ImportError(
            "stripe_lite.testing needs localstripe, a fake Stripe server: pip install 'stripe-lite[examples]'"
        ) from exc
    return server_module.app, resources.store


def _copy_app(template: Any) -> Any:
    """A fresh aiohttp application with localstripe's routes and middlewares.

    localstripe's own ``app`` binds itself to the first event loop that serves
    it; a copy per server lets a process start one server after another.
    """
    from aiohttp import web

    app = web.Application(middlewares=[_card_errors_middleware(), *template.middlewares])
    for route in template.router.routes():  # in registration order, which decides matching
        app.router.add_route(route.method, route.resource.canonical, route.handler)
    for callback in template.on_response_prepare:
        app.on_response_prepare.append(callback)
    return app


def _card_errors_middleware() -> Any:
    """Give 402 answers Stripe's ``card_error`` type (localstripe says ``invalid_request_error``)."""
    from aiohttp import web

    @web.middleware
    async def card_errors(request: web.Request, handler: Any) -> web.StreamResponse:
        response: web.StreamResponse = await handler(request)
        if response.status != 402 or not isinstance(response, web.Response) or not isinstance(response.body, bytes):
            return response
        try:
            body = json.loads(response.body)
        except ValueError:
            return response
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict) or error.get("type") != "invalid_request_error":
            return response
        error["type"] = "card_error"
        return web.json_response(body, status=402)

    return card_errors


def _no_op() -> None:
    return None


def _disable_persistence(store: Any) -> None:
    # localstripe pickles its whole store to a fixed path in /tmp after every
    # change, and its command line loads it back. Shadow both methods on the
    # store itself, so that this process never touches that file.
    store.dump_to_disk = _no_op
    store.try_load_from_disk = _no_op


def _check_answers(port: int) -> None:
    """Fail unless the server answers HTTP (any status will do)."""
    connection = http.client.HTTPConnection(_HOST, port, timeout=_START_TIMEOUT)
    try:
        # /_config/ paths skip localstripe's authentication; this one does not
        # exist, so the answer is a 404 that changes nothing.
        connection.request("GET", "/_config/ready")
        connection.getresponse().read()
    except OSError as exc:
        raise RuntimeError(f"localstripe did not answer on {_HOST}:{port}: {exc}") from exc
    finally:
        connection.close()


class _Server:
    """Serves an aiohttp app from a background thread running its own event loop."""

    def __init__(self, app: Any, sock: socket.socket) -> None:
        self._app = app
        self._sock = sock
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._serve, name="localstripe", daemon=True)

    def start(self) -> None:
        """Start serving; return once the socket accepts connections."""
        try:
            self._thread.start()
        except BaseException:
            self._loop.close()
            raise
        if not self._ready.wait(_START_TIMEOUT):
            self.stop()
            raise RuntimeError(f"localstripe did not start within {_START_TIMEOUT:g} seconds")
        if self._failure is not None:
            self._thread.join(_STOP_TIMEOUT)
            raise RuntimeError(f"localstripe failed to start: {self._failure!r}") from self._failure

    def call(self, function: Callable[[], object]) -> None:
        """Call ``function()`` on the server's loop, between two requests, and wait for it."""
        if not self._thread.is_alive():
            raise RuntimeError("the localstripe server is not running")

        async def call() -> None:
            function()

        asyncio.run_coroutine_threadsafe(call(), self._loop).result(_STOP_TIMEOUT)

    def stop(self) -> None:
        """Stop serving, close every connection and the loop, and wait for the thread."""
        if self._thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop closed in the meantime
                self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(_STOP_TIMEOUT)
            if self._thread.is_alive():
                raise RuntimeError(f"localstripe did not stop within {_STOP_TIMEOUT:g} seconds")
        elif not self._loop.is_closed():  # never started
            self._loop.close()

    def _serve(self) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        runner: Any = None
        try:
            from aiohttp import web

            runner = web.AppRunner(self._app, access_log=None, shutdown_timeout=_SHUTDOWN_GRACE)
            loop.run_until_complete(runner.setup())
            loop.run_until_complete(web.SockSite(runner, self._sock).start())
        except BaseException as exc:
            self._failure = exc
        else:
            self._ready.set()
            loop.run_forever()
        finally:
            try:
                if runner is not None:
                    with contextlib.suppress(Exception):  # the cleanup of a runner that failed to start
                        loop.run_until_complete(runner.cleanup())
                _cancel_pending(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                asyncio.set_event_loop(None)
                loop.close()
                self._ready.set()


def _cancel_pending(loop: asyncio.AbstractEventLoop) -> None:
    # localstripe schedules webhook deliveries that first wait a second; drop them.
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
