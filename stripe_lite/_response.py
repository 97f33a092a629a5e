"""What a successful call's answer said besides its body: status, headers, request id.

``client.with_response(method, *args, **kwargs)`` makes the call and returns an
:class:`APIResponse` holding the typed result (``parse()``) and the answer's
metadata. Nothing is added to the models themselves: a slot for the response on
every object, nested ones included, would cost memory in every answer for the
few calls that want it. The core hands the answer over through a context
variable, set only for the duration of a ``with_response`` call, so a call made
at the same time in another thread or task is never mixed in.
"""

from __future__ import annotations

import contextvars
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["APIResponse"]

_T = TypeVar("_T")


class APIResponse(Generic[_T]):
    """The answer to one successful call: its typed result and what the response carried.

    ``headers`` are case-insensitive (``headers["request-id"]``); if a server ever
    echoed your API key in one, it is masked as in errors.
    """

    __slots__ = ("_parsed", "headers", "http_status", "idempotency_key", "method", "path", "request_id", "retries")

    _parsed: _T
    http_status: int
    """The HTTP status of the answer (200 for almost every Stripe call)."""
    headers: httpx.Headers
    request_id: str | None
    """Stripe's ``Request-Id``: quote it to Stripe's support, or look it up in the Dashboard's logs."""
    idempotency_key: str | None
    """The ``Idempotency-Key`` the request was sent with (POST requests), None for others."""
    method: str
    path: str
    """The path the request went to, without its query (``"/v1/payment_intents"``)."""
    retries: int
    """How many times the request was sent again before this answer (0: the first attempt)."""

    def __init__(
        self,
        *,
        http_status: int,
        headers: httpx.Headers,
        request_id: str | None,
        idempotency_key: str | None,
        method: str,
        path: str,
        retries: int,
    ) -> None:
        self.http_status = http_status
        self.headers = headers
        self.request_id = request_id
        self.idempotency_key = idempotency_key
        self.method = method
        self.path = path
        self.retries = retries

    def parse(self) -> _T:
        """The call's result, exactly as the call without ``with_response`` returns it
        (already decoded: calling this again costs nothing)."""
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"APIResponse({self.method} {self.path}: http_status={self.http_status}, "
            f"request_id={self.request_id!r}, retries={self.retries})"
        )


# The answers of the calls made inside ``with_response``, in order; None elsewhere.
CAPTURE: contextvars.ContextVar[list[APIResponse[object]] | None] = contextvars.ContextVar(
    "stripe_lite_capture", default=None
)


class Capture:
    """``with Capture() as capture:`` keeps the answers of the calls made inside it."""

    __slots__ = ("_answers", "_token")

    def __enter__(self) -> Capture:
        self._answers: list[APIResponse[object]] = []
        self._token = CAPTURE.set(self._answers)
        return self

    def __exit__(self, *exc_info: object) -> None:
        CAPTURE.reset(self._token)

    def response(self, method: object, result: _T) -> APIResponse[_T]:
        """The answer of the last call made, with ``result`` as what ``parse()`` gives."""
        if not self._answers:
            raise ValueError(
                f"{method!r} made no request to Stripe: pass with_response a method of the client's services, "
                "its request(), or a page's next_page"
            )
        response: APIResponse[Any] = self._answers[-1]
        response._parsed = result
        return response
