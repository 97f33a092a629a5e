"""The fake on a loopback port, for other processes and other SDKs: the same core behind ``http.server``."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._fake import FakeStripe

__all__ = ["serve"]

_HOST = "127.0.0.1"
_IDLE_TIMEOUT = 30.0
"""Seconds a kept-alive connection may sit idle before its thread lets it go."""
_MAX_BODY = 32 * 1024 * 1024


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = _IDLE_TIMEOUT
    # One write per answer, sent at once: headers and body in separate small writes would wait on
    # delayed acknowledgements (tens of milliseconds a request on a kept-alive connection).
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        target, _, query = self.path.partition("?")
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = fake._core.handle(self.command, target, query, headers, body)
        fake._deliver(answer.events)
        if answer.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)
        self.wfile.flush()

    do_GET = do_POST = do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:
        return None  # a test's output is no place for an access log


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeStripe) -> None:
        super().__init__((_HOST, 0), _Handler)
        self.fake = fake


@contextlib.contextmanager
def serve(fake: FakeStripe) -> Iterator[str]:
    server = _Server(fake)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="FakeStripe", daemon=True)
    thread.start()
    try:
        yield f"http://{_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
