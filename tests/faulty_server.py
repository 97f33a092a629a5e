"""A misbehaving HTTP server on 127.0.0.1, scripted per request, for fault-injection tests.

Each request takes the next :class:`Reply` from the script (or the default
reply when the script is empty), so a test says exactly what every attempt of
a call gets back. Every request is recorded (method, path, headers, body).

The server is bounded: it answers at most ``max_requests`` requests (later ones
get a 500 that says so, with ``Stripe-Should-Retry: false``, and the test fails
at teardown), stops by itself after ``deadline`` seconds, and never blocks its
own shutdown: a delayed answer waits on an event that :meth:`stop` sets, and
every connection still open is shut down.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
import socketserver
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = ["FaultyServer", "Recorded", "Reply", "client_sockets_to", "serve"]


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    body: bytes
    peer_port: int = 0  # the client's port: two requests with the same one came over one connection

    @property
    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode("ascii"), keep_blank_values=True))

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


@dataclass(frozen=True)
class Reply:
    """What to do with one request.

    ``drop``: read the request, then close the connection without answering.
    ``delay``: wait this long before answering (cut short when the server stops or
    the client hangs up; ``time.sleep`` is never used, so patching it changes nothing here).
    ``cut_body_at``: announce the whole body in Content-Length but send only
    this many bytes of it, then close.
    ``echo``: answer 200 with a JSON body made from the request (see :func:`echo_body`).
    ``trickle``: send the answer (head and body) one byte at a time, this many seconds apart
    (cut short when the server stops or the client hangs up).
    """

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False
    delay: float = 0.0
    cut_body_at: int | None = None
    echo: bool = False
    reason: str = "Status"
    trickle: float = 0.0

    # -- the usual replies ---------------------------------------------------------

    @classmethod
    def json(cls, status: int, data: Any, *headers: tuple[str, str], request_id: str | None = None) -> Reply:
        extra = (("Request-Id", request_id),) if request_id else ()
        return cls(status, json.dumps(data).encode(), (("Content-Type", "application/json"), *extra, *headers))

    @classmethod
    def error(cls, status: int, error_type: str = "api_error", message: str = "boom", *headers: tuple[str, str],
              request_id: str | None = "req_fault") -> Reply:
        return cls.json(status, {"error": {"type": error_type, "message": message}}, *headers, request_id=request_id)

    @classmethod
    def raw(cls, status: int, body: bytes, content_type: str | None = "application/json", *headers: tuple[str, str]) -> Reply:
        ctype = (("Content-Type", content_type),) if content_type else ()
        return cls(status, body, (*ctype, *headers))

    @classmethod
    def html(cls, status: int) -> Reply:
        page = f"<html><head><title>{status}</title></head><body><h1>Upstream failed</h1></body></html>"
        return cls(status, page.encode(), (("Content-Type", "text/html; charset=utf-8"),))

    @classmethod
    def ok(cls, data: Any | None = None) -> Reply:
        return cls.json(200, {"id": "obj_1", "object": "thing"} if data is None else data)


def echo_body(request: Recorded) -> dict[str, Any]:
    """A response derived from the request alone, to detect answers crossing between calls."""
    parts = urlsplit(request.path)
    segments = [s for s in parts.path.split("/") if s]
    resource = segments[1] if len(segments) > 1 else "thing"
    echo = {
        "method": request.method,
        "path": parts.path,
        "query": dict(parse_qsl(parts.query, keep_blank_values=True)),
        "form": request.form if request.body else {},
        "idempotency_key": request.idempotency_key,
    }
    obj = {"id": segments[2] if len(segments) > 2 else "new", "object": resource.rstrip("s"), "echo": echo}
    if request.method == "GET" and len(segments) == 2:
        return {"object": "list", "data": [obj], "has_more": False, "url": parts.path, "echo": echo}
    return obj


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # no 40 ms stalls between the head and the body
    timeout = 5.0  # an idle keep-alive connection ends after this, whatever the client does
    server: _TCPServer

    def setup(self) -> None:
        super().setup()
        self.server.owner._opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._closed(self.connection)

    def do_GET(self) -> None:
        self._answer()

    # CONNECT: what a client sends to the server as its proxy, for an https URL.
    do_POST = do_DELETE = do_PUT = do_PATCH = do_CONNECT = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    def _pause(self, delay: float) -> bool:
        """Wait before answering; False as soon as the server stops or the client hangs up."""
        owner = self.server.owner
        end = time.monotonic() + delay
        while (left := end - time.monotonic()) > 0:
            if owner._stopping.is_set():
                return False
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.02))
            if readable:
                try:
                    if self.connection.recv(1, socket.MSG_PEEK) == b"":
                        return False  # the client gave up (timeout, cancellation)
                except OSError:
                    return False
                owner._stopping.wait(min(left, 0.02))  # data waiting (a pipelined request): keep waiting
        return True

    def _trickle(self, data: bytes, gap: float) -> None:
        """Send ``data`` a byte at a time, ``gap`` seconds apart, until done, stopped, or hung up on."""
        self.close_connection = True
        for index in range(len(data)):
            try:
                self.wfile.write(data[index : index + 1])
                self.wfile.flush()
            except OSError:
                return
            if index + 1 < len(data) and not self._pause(gap):
                return

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Recorded(
            self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body, self.client_address[1]
        )
        owner = self.server.owner
        reply = owner._take(request)
        if reply.delay and not self._pause(reply.delay):
            self.close_connection = True
            return
        if reply.drop:
            self.close_connection = True
            return
        if reply.echo:
            reply = Reply.json(200, echo_body(request))
        payload = reply.body
        head = [f"HTTP/1.1 {reply.status} {reply.reason}", f"Content-Length: {len(payload)}"]
        head += [f"{name}: {value}" for name, value in reply.headers]
        head_bytes = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        if reply.trickle:
            self._trickle(head_bytes + payload, reply.trickle)
            return
        self.wfile.write(head_bytes)
        if reply.cut_body_at is not None:
            self.wfile.write(payload[: reply.cut_body_at])
            self.close_connection = True
            return
        view = memoryview(payload)
        for start in range(0, len(view), 1 << 16):
            self.wfile.write(view[start : start + (1 << 16)])


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False  # the owner joins its handler threads itself, with a bound
    allow_reuse_address = True
    request_queue_size = 256  # 200 clients connecting at once must not overflow the listen backlog
    owner: FaultyServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout, too large a body) breaks the pipe: expected here.
        pass


class FaultyServer:
    """The server; use :func:`serve` (or the ``faulty_server`` fixture) to run one."""

    def __init__(self, *, max_requests: int = 500, deadline: float = 30.0) -> None:
        self.max_requests = max_requests
        self.deadline = deadline
        self.requests: list[Recorded] = []
        self.default = Reply.error(500, message="unscripted request", request_id=None)
        self.over_budget = False
        self._script: deque[Reply | Callable[[Recorded], Reply]] = deque()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._server = _TCPServer(("127.0.0.1", 0), _Handler, bind_and_activate=True)
        self._server.owner = self
        self.port: int = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"

    # -- scripting ---------------------------------------------------------------------

    def script(self, *replies: Reply | Callable[[Recorded], Reply]) -> FaultyServer:
        """Queue the replies of the next requests, in order."""
        with self._lock:
            self._script.extend(replies)
        return self

    def echo_mode(self) -> FaultyServer:
        self.default = Reply(echo=True)
        return self

    def _take(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            self._idle.notify_all()
            if len(self.requests) > self.max_requests:
                self.over_budget = True
                return Reply.raw(500, b"request budget exhausted", "text/plain", ("Stripe-Should-Retry", "false"))
            item = self._script.popleft() if self._script else self.default
        return item(request) if callable(item) else item

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._script.clear()

    @property
    def unused_replies(self) -> int:
        with self._lock:
            return len(self._script)

    # -- connections -------------------------------------------------------------------

    def _opened(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.add(conn)
            self._threads.append(threading.current_thread())

    def _closed(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.discard(conn)
            self._idle.notify_all()

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._connections)

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> bool:
        """Wait (event-driven, bounded) until at least ``count`` requests have arrived."""
        with self._idle:
            return self._idle.wait_for(lambda: len(self.requests) >= count, timeout)

    def wait_until_idle(self, timeout: float = 2.0) -> bool:
        """Wait (event-driven, bounded) until every connection a client opened has been closed."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._connections, timeout)

    # -- life cycle --------------------------------------------------------------------

    def start(self) -> None:
        thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        thread.start()
        self._serve_thread = thread
        self._watchdog = threading.Timer(self.deadline, self._expire)
        self._watchdog.daemon = True
        self._watchdog.start()

    def _expire(self) -> None:
        self._stopping.set()
        self._server.shutdown()

    def stop(self) -> None:
        self._watchdog.cancel()
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
            threads = list(self._threads)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout=2.0)
        self._serve_thread.join(timeout=2.0)


@contextlib.contextmanager
def serve(*, max_requests: int = 500, deadline: float = 30.0) -> Iterator[FaultyServer]:
    """Run a FaultyServer for the duration of the block."""
    server = FaultyServer(max_requests=max_requests, deadline=deadline)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def client_sockets_to(port: int) -> int | None:
    """How many sockets of this process are connected to ``port`` on loopback (None: cannot tell).

    Reads /proc (Linux): the process's socket fds, matched by inode with the
    kernel's TCP tables on their remote port. The server's own sockets have
    ``port`` as their local port and are not counted.
    """
    try:
        fds = os.listdir("/proc/self/fd")
    except OSError:
        return None
    inodes = set()
    for fd in fds:
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as lines:
                rows = lines.readlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if remote_port == port and fields[9] in inodes:
                count += 1
    return count
