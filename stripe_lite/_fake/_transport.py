"""httpx transports that hand requests to a fake's core, in the same process, with no socket."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._fake import FakeStripe

__all__ = ["AsyncFakeTransport", "FakeTransport"]


def _answer(fake: FakeStripe, request: httpx.Request) -> httpx.Response:
    url = request.url
    headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in request.headers.raw}
    answer = fake._core.handle(
        request.method, url.raw_path.split(b"?", 1)[0].decode("ascii"), url.query.decode("ascii"), headers,
        request.content,
    )
    fake._deliver(answer.events)
    if answer.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    return httpx.Response(answer.status, headers=answer.headers, content=answer.body, request=request)


class FakeTransport(httpx.BaseTransport):
    """Sends each request to a :class:`~stripe_lite.testing.FakeStripe` (``httpx.Client(transport=...)``)."""

    def __init__(self, fake: FakeStripe) -> None:
        self._fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return _answer(self._fake, request)


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """Sends each request to a :class:`~stripe_lite.testing.FakeStripe` (``httpx.AsyncClient(transport=...)``)."""

    def __init__(self, fake: FakeStripe) -> None:
        self._fake = fake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self._fake._has_url_endpoints():
            # A URL endpoint may be served by this very event loop: deliver from a thread.
            import anyio

            return await anyio.to_thread.run_sync(_answer, self._fake, request)
        return _answer(self._fake, request)
