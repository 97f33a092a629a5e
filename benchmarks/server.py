"""A minimal loopback HTTP/1.1 server answering from precomputed bytes.

Run in its own process by ``run.py`` (``python benchmarks/server.py``); it
prints ``PORT <n>`` once it listens on 127.0.0.1 and stops by itself after
``--max-seconds`` or when its standard input closes.

It is an ``asyncio.Protocol`` (no streams, no HTTP framework): a request head is
split at ``\\r\\n\\r\\n``, the request line picked apart, and a response whose
status line, headers and body were all built before the first request is
written in one ``transport.write``. Keep-alive and pipelining work; request
bodies are skipped by their Content-Length. It serves one corpus of
``payloads.py`` (``--corpus lean|realistic``, or ``none``) and answers:

* ``GET /v1/payment_intents?limit=100[&starting_after=<id>]``: the page after
  ``<id>`` (or the first), keyed by ``starting_after``; other limits are a 400.
* ``GET /v1/payment_intents/<id>``: that PaymentIntent, or a Stripe-style 404.
* any path listed in ``--routes FILE`` (a JSON object, path -> file holding the
  body), whatever the query: that body (M5b's five services).
* ``GET /__stats``: this process's CPU seconds, request count and the digest of
  the bodies it serves, so the suite can check it served the same bytes and was
  not the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import payloads

_REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found"}


def _response(status: int, body: bytes, request_id: str) -> bytes:
    # Stripe-Version: the version stripe_lite is generated for (codegen/stripe_spec.json).
    head = (
        b"HTTP/1.1 %d %s\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: %d\r\n"
        b"Request-Id: %s\r\n"
        b"Stripe-Version: 2026-05-27.dahlia\r\n"
        b"\r\n"
    ) % (status, _REASONS[status], len(body), request_id.encode())
    return head + body


def _error(status: int, code: str, message: str) -> bytes:
    body = {"error": {"type": "invalid_request_error", "code": code, "message": message}}
    return _response(status, json.dumps(body).encode(), "req_error")


class Routes:
    """Every answer the server can give, built once (a corpus's single PaymentIntents: on first request)."""

    def __init__(self, corpus_name: str, routes_file: str | None) -> None:
        self.corpus_name = corpus_name
        self.pages: dict[str | None, bytes] = {}
        self.indices: dict[str, int] = {}
        self.intents: dict[str, bytes] = {}
        if corpus_name == "none":
            self.digest = payloads.corpus_digest([])
        else:
            corpus = payloads.corpus(corpus_name)
            self.digest = corpus.digest
            for number, body in enumerate(corpus.pages):
                after = None if number == 0 else corpus.ids[number * payloads.PAGE_SIZE - 1]
                self.pages[after] = _response(200, body, f"req_page{number:03d}")
            self.indices = {pi_id: index for index, pi_id in enumerate(corpus.ids)}
        self.fixed: dict[str, bytes] = {}
        if routes_file:
            for number, (path, body_file) in enumerate(json.loads(Path(routes_file).read_text()).items()):
                self.fixed[path] = _response(200, Path(body_file).read_bytes(), f"req_fixed{number:03d}")
        self.bad_limit = _error(400, "parameter_invalid_integer", "this server only answers limit=100")
        self.cpu_start = time.process_time()
        self.requests = 0

    def intent(self, pi_id: str) -> bytes | None:
        answer = self.intents.get(pi_id)
        if answer is None:
            index = self.indices.get(pi_id)
            if index is None:
                return None
            body = payloads.payment_intent_body(index, self.corpus_name)
            answer = self.intents[pi_id] = _response(200, body, f"req_pi{index:05d}")
        return answer

    def answer(self, method: bytes, target: bytes) -> bytes:
        self.requests += 1
        path, _, query = target.decode("latin-1").partition("?")
        if method != b"GET":
            return _error(400, "method_not_allowed", "only GET is served")
        fixed = self.fixed.get(path)
        if fixed is not None:
            return fixed
        if path == payloads.LIST_PATH:
            params = parse_qs(query)
            if params.get("limit") != [str(payloads.PAGE_SIZE)]:
                return self.bad_limit
            after = params.get("starting_after", [None])[0]
            page = self.pages.get(after)
            if page is None:
                return _error(404, "resource_missing", f"No such payment_intent: '{after}'")
            return page
        if path.startswith(payloads.LIST_PATH + "/"):
            pi_id = unquote(path[len(payloads.LIST_PATH) + 1 :])
            intent = self.intent(pi_id)
            if intent is None:
                return _error(404, "resource_missing", f"No such payment_intent: '{pi_id}'")
            return intent
        if path == "/__stats":
            stats = {
                "cpu_seconds": time.process_time() - self.cpu_start,
                "requests": self.requests,
                "digest": self.digest,
            }
            return _response(200, json.dumps(stats).encode(), "req_stats")
        return _error(404, "resource_missing", f"Unrecognized request URL (GET: {path})")


class _Connection(asyncio.Protocol):
    def __init__(self, routes: Routes) -> None:
        self.routes = routes
        self.buffer = b""
        self.skip = 0  # request-body bytes still to discard
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer + data if self.buffer else data
        out = []
        while True:
            if self.skip:
                taken = min(self.skip, len(buffer))
                buffer = buffer[taken:]
                self.skip -= taken
                if self.skip:
                    break
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end]
            buffer = buffer[end + 4 :]
            line, _, headers = head.partition(b"\r\n")
            method, target, _version = line.split(b" ", 2)
            lowered = headers.lower()
            at = lowered.find(b"content-length:")
            if at >= 0:
                stop = lowered.find(b"\r\n", at)
                self.skip = int(lowered[at + 15 : stop if stop >= 0 else None])
            out.append(self.routes.answer(method, target))
        self.buffer = buffer
        if out and self.transport is not None:
            self.transport.write(b"".join(out))


async def _serve(port: int, max_seconds: float, corpus_name: str, routes_file: str | None) -> None:
    routes = Routes(corpus_name, routes_file)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(routes), "127.0.0.1", port, backlog=1024)
    actual = server.sockets[0].getsockname()[1]
    print(f"PORT {actual} DIGEST {routes.digest}", flush=True)
    stop = asyncio.Event()
    # Stop when the parent closes our stdin (it died or is done), or at the deadline.
    threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(stop.set)), daemon=True).start()
    try:
        await asyncio.wait_for(stop.wait(), timeout=max_seconds)
    except asyncio.TimeoutError:
        print("server: --max-seconds reached, stopping", file=sys.stderr)
    server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--max-seconds", type=float, default=1800.0, help="stop by itself after this long")
    parser.add_argument("--corpus", choices=[*payloads.CORPORA, "none"], default="lean")
    parser.add_argument("--routes", help="a JSON file: path -> file holding the body answered there")
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.max_seconds, args.corpus, args.routes))


if __name__ == "__main__":
    main()
