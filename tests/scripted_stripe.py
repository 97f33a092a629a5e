"""A small scripted fake Stripe on 127.0.0.1, for running an example against what localstripe does not serve.

The test gives a function that answers each request (method, path, form or
query pairs) with a status and a JSON body; the server records every request
so the test can check what the example sent. It binds to loopback only, and
the context manager stops it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

Pairs = list[tuple[str, str]]
Answer = Callable[[str, str, Pairs], tuple[int, dict[str, Any]]]


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    pairs: Pairs  # the query string (GET) or the form body (POST)
    authorization: str

    @property
    def params(self) -> dict[str, str]:
        return dict(self.pairs)


class ScriptedStripe:
    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.seen: list[Seen] = []
        self._lock = threading.Lock()

    def requests(self) -> list[tuple[str, str]]:
        return [(s.method, s.path) for s in self.seen]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("ascii") if length else url.query
                pairs = parse_qsl(raw, keep_blank_values=True)
                with fake._lock:
                    fake.seen.append(Seen(self.command, url.path, pairs, self.headers.get("Authorization", "")))
                    number = len(fake.seen)
                try:
                    status, body = fake.answer(self.command, url.path, pairs)
                except Exception as exc:  # a bug in the script: answer so the example fails loudly
                    status, body = 500, {"error": {"type": "api_error", "message": f"script error: {exc!r}"}}
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_fake{number}")
                self.end_headers()
                self.wfile.write(data)

            do_GET = _serve
            do_POST = _serve
            do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep the test output clean

        return Handler


@contextmanager
def scripted_stripe(answer: Answer, deadline: float = 30.0) -> Iterator[tuple[ScriptedStripe, str]]:
    """Serve ``answer`` on 127.0.0.1 (a free port) until the block ends; yields the fake and its base URL."""
    fake = ScriptedStripe(answer)
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake._handler())
    server.daemon_threads = True
    server.timeout = deadline
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def listing(url: str, items: list[dict[str, Any]], has_more: bool = False) -> dict[str, Any]:
    return {"object": "list", "url": url, "has_more": has_more, "data": items}


def not_found(path: str) -> tuple[int, dict[str, Any]]:
    return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL ({path})"}}
