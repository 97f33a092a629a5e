"""The shells' connection pools: one per process (and, async, per event loop), with a deadline per attempt.

A pool's sockets belong to the process that opened them, and an async pool's
to its event loop. After ``os.fork()`` a child that used the parent's pool
would read the parent's answers (and the parent the child's); an async pool
used on a second event loop fails with "Event loop is closed", possibly after
the request went out. So a client checks where it runs before each attempt,
and opens a fresh pool when that changed. A pool passed in by the caller
(``http_client=``) cannot be remade: using it there raises
ConnectionPoolError, before anything is sent.
"""

from __future__ import annotations

import contextvars
import os
import time
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

import httpx

from .errors import ConnectionPoolError

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncConnections", "SyncConnections", "attempt_deadline"]

_LOOPBACK_MOUNTS = ("http://localhost", "http://127.0.0.1", "http://[::1]")

# The monotonic time by which the attempt under way in this thread (or task) must end.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("stripe_lite_deadline", default=None)


def attempt_deadline(request: httpx.Request) -> float:
    """Seconds one attempt may take in all (connect, send, the whole answer): its largest timeout."""
    limits = request.extensions.get("timeout") or {}
    given = [value for value in limits.values() if value is not None]
    return max(given) if given else float(24 * 3600)


def _closed_message() -> str:
    return "the client is closed; nothing was sent (make a new client)"


def _not_remade(why: str) -> ConnectionPoolError:
    return ConnectionPoolError(
        f"{why}, and the connections belong to the http_client you passed in, which cannot be remade here: "
        "make a new client (and http_client) where it is used, or let the client make its own; nothing was sent"
    )


_FORKED = "this process was forked from the one that opened the client's connections"


def _direct_mounts(transport: Any) -> dict[str, Any] | None:
    """Mounts that send plain-http loopback traffic straight out, never through an environment proxy.

    httpx honours HTTP_PROXY / ALL_PROXY for every http URL; the API key must
    not go in clear to a proxy because the base_url is a local server.
    """
    import urllib.request  # heavy, and needed only when a pool is made

    proxies = urllib.request.getproxies()
    if not (proxies.get("http") or proxies.get("all")):
        return None
    direct = transport()
    return dict.fromkeys(_LOOPBACK_MOUNTS, direct)


# -- sync: a deadline enforced at every read and write --------------------------------------------


def bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to what is left of the attempt's deadline; raises ``expired`` once it passed."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the attempt took longer than its timeout")
    return left if timeout is None else min(timeout, left)


def _new_sync_http(timeout: httpx.Timeout) -> httpx.Client:
    # httpcore (and what it brings) loads here, with the first pool, not with the package.
    from ._deadlines import enforce_deadlines

    http = httpx.Client(timeout=timeout, mounts=_direct_mounts(httpx.HTTPTransport))
    enforce_deadlines(http)
    return http


class SyncConnections:
    """The pool of a StripeClient and of its with_options copies."""

    __slots__ = ("_closed", "_http", "_left_behind", "_pid", "_timeout", "owned")

    def __init__(self, http: httpx.Client | None, timeout: httpx.Timeout) -> None:
        self.owned = http is None
        self._timeout = timeout
        self._http = _new_sync_http(timeout) if http is None else http
        self._pid = os.getpid()
        self._closed = False
        self._left_behind: list[httpx.Client] = []

    @property
    def http(self) -> httpx.Client:
        return self._http

    def current(self) -> httpx.Client:
        """The pool to send with here; raises ConnectionPoolError if there is none."""
        if self._closed:
            raise ConnectionPoolError(_closed_message())
        if self._pid != os.getpid():
            if not self.owned:
                raise _not_remade(_FORKED)
            # Never closed here: closing could act on sockets the parent still uses.
            self._left_behind.append(self._http)
            self._http = _new_sync_http(self._timeout)
            self._pid = os.getpid()
        return self._http

    def close(self) -> None:
        self._closed = True
        if self.owned and self._pid == os.getpid():
            self._http.close()


def deadline_scope(request: httpx.Request) -> tuple[float, contextvars.Token[float | None]]:
    """Start the attempt's deadline for the sync pools' reads and writes; reset the token when done."""
    deadline = time.monotonic() + attempt_deadline(request)
    return deadline, _DEADLINE.set(deadline)


def end_deadline(token: contextvars.Token[float | None]) -> None:
    _DEADLINE.reset(token)


# -- async: a fresh pool on each event loop ---------------------------------------------------------


async def _close_when_the_loop_ends(http: httpx.AsyncClient) -> AsyncGenerator[None, None]:
    """Started on the loop a pool is used on. ``asyncio.run()`` (and the runners of
    test frameworks) close every async generator still open before closing their
    loop: this closes the pool there, while its loop can still do it."""
    try:
        yield
    finally:
        await http.aclose()


class AsyncConnections:
    """The pool of an AsyncStripeClient and of its with_options copies."""

    __slots__ = ("_closed", "_closer", "_http", "_left_behind", "_loop", "_pid", "_timeout", "owned")

    def __init__(self, http: httpx.AsyncClient | None, timeout: httpx.Timeout) -> None:
        self.owned = http is None
        self._timeout = timeout
        self._http = self._new() if http is None else http
        self._pid = os.getpid()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closer: AsyncGenerator[None, None] | None = None
        self._closed = False
        self._left_behind: list[Any] = []

    def _new(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._timeout, mounts=_direct_mounts(httpx.AsyncHTTPTransport))

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http

    async def current(self) -> httpx.AsyncClient:
        """The pool to send with on this loop; raises ConnectionPoolError if there is none."""
        import asyncio  # already loaded wherever an async call runs

        loop = asyncio.get_running_loop()
        if self._closed:
            raise ConnectionPoolError(_closed_message())
        if loop is self._loop and self._pid == os.getpid():
            return self._http
        if self._pid != os.getpid():
            if not self.owned:
                raise _not_remade(_FORKED)
            # Kept, never closed: closing could act on sockets the parent still uses.
            self._left_behind.append((self._http, self._closer))
            self._renew()
            self._pid = os.getpid()
        elif self._loop is not None:
            if not self.owned:
                raise _not_remade("the client was used on another event loop before this one")
            # The old pool was (or will be) closed on its own loop by its closer.
            self._renew()
        self._loop = loop
        if self.owned:
            closer = _close_when_the_loop_ends(self._http)
            await closer.__anext__()
            self._closer = closer
        return self._http

    def _renew(self) -> None:
        self._http = self._new()
        self._closer = None

    async def aclose(self) -> None:
        self._closed = True
        if not self.owned or self._pid != os.getpid():
            return
        if self._closer is not None:
            await self._closer.aclose()
        await self._http.aclose()
