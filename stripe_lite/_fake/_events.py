"""Delivering the events a fake records to webhook endpoints: a callable, or a URL on this machine.

Each delivery is signed as Stripe signs it (:func:`stripe_lite.webhooks.generate_signature_header`),
with the body indented as Stripe sends it, and recorded with its outcome.
"""

from __future__ import annotations

import fnmatch
import http.client
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .._webhooks import generate_signature_header
from ._ids import new_id

__all__ = ["Delivery", "WebhookEndpoint", "WebhookTarget"]

WebhookTarget = Callable[[bytes, dict[str, str]], Any] | str
"""A callable taking ``(payload, headers)``, or an ``http://127.0.0.1:PORT/path`` URL."""

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_TIMEOUT = 10.0


@dataclass(frozen=True)
class Delivery:
    """One delivery of an event: ``status`` is the HTTP status answered (200 for a callable that returned), or
    None when it failed, with ``error`` saying why."""

    event_id: str
    event_type: str
    status: int | None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        """The endpoint took the event (a 2xx answer, or a callable that returned)."""
        return self.status is not None and 200 <= self.status < 300


class WebhookEndpoint:
    """Where a :class:`~stripe_lite.testing.FakeStripe` sends its events, and what happened to each."""

    def __init__(self, target: WebhookTarget, secret: str | None, events: Sequence[str]) -> None:
        if isinstance(target, str):
            parts = urlsplit(target)
            if parts.scheme != "http" or parts.hostname not in _LOOPBACK:
                raise ValueError(
                    f"a fake delivers events to this machine only: give an http://127.0.0.1:PORT/... URL, not {target!r}"
                )
        elif not callable(target):
            raise TypeError(f"target must be a callable or an http://127.0.0.1 URL, not {type(target).__name__}")
        self.target = target
        self.secret: str = secret if secret is not None else new_id("whsec_", 32)
        """The signing secret: pass it to :func:`~stripe_lite.webhooks.construct_event`."""
        self.events = tuple(events)
        self.deliveries: list[Delivery] = []
        """Every delivery so far, oldest first."""

    def wants(self, event_type: str) -> bool:
        return any(pattern == "*" or fnmatch.fnmatchcase(event_type, pattern) for pattern in self.events)

    def deliver(self, event: dict[str, Any], now: int) -> Delivery:
        payload = json.dumps(event, indent=2).encode()
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": generate_signature_header(payload, self.secret, timestamp=now),
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        }
        try:
            status = self._send(payload, headers)
        except Exception as exc:  # recorded for the test to look at; Stripe would retry later
            delivery = Delivery(event["id"], event["type"], None, exc)
        else:
            delivery = Delivery(event["id"], event["type"], status)
        self.deliveries.append(delivery)
        return delivery

    def _send(self, payload: bytes, headers: dict[str, str]) -> int:
        target = self.target
        if not isinstance(target, str):
            result = target(payload, headers)
            return result if isinstance(result, int) and not isinstance(result, bool) else 200
        parts = urlsplit(target)
        connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=_TIMEOUT)
        try:
            connection.request("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), payload, headers)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def __repr__(self) -> str:
        target = self.target if isinstance(self.target, str) else getattr(self.target, "__qualname__", "callable")
        return f"WebhookEndpoint({target!r}, events={list(self.events)!r}, deliveries={len(self.deliveries)})"
