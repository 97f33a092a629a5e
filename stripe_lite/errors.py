"""Exceptions raised by stripe_lite.

Every exception derives from :class:`StripeError`. Errors Stripe answered with
carry the HTTP status, Stripe's error fields and the request id; network
failures are :class:`APIConnectionError` (timeouts: :class:`APITimeoutError`).
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "APIVersionMismatchError",
    "AuthenticationError",
    "CardError",
    "ConnectionPoolError",
    "IdempotencyError",
    "InvalidRequestError",
    "InvalidResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SignatureVerificationError",
    "SignatureVerificationReason",
    "StripeError",
    "error_class_for",
]


class StripeError(Exception):
    """Root of every stripe_lite exception.

    Attributes that do not apply (for example ``http_status`` of a network
    failure) are None.
    """

    message: str
    http_status: int | None
    code: str | None
    decline_code: str | None
    param: str | None
    doc_url: str | None
    user_message: str | None
    """A message for your users, where Stripe gives one (API v2 errors)."""
    request_id: str | None
    error: dict[str, Any] | None
    """Stripe's parsed ``error`` object, as sent."""
    body: str | None
    """The raw response body."""
    headers: dict[str, str] | None
    idempotency_key: str | None
    """The ``Idempotency-Key`` the request was sent with: call again with it to retry safely."""
    method: str | None
    """The HTTP method of the request that failed (``"POST"``)."""
    path: str | None
    """The path of the request that failed (``"/v1/payment_intents/pi_123/confirm"``), without its query."""

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        request_id: str | None = None,
        error: dict[str, Any] | None = None,
        body: str | None = None,
        headers: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.idempotency_key = idempotency_key
        self.method = method
        self.path = path
        self.message = message
        self.http_status = http_status
        self.request_id = request_id
        self.error = error
        self.body = body
        self.headers = headers
        fields = error or {}
        self.code = _str_or_none(fields.get("code"))
        self.decline_code = _str_or_none(fields.get("decline_code"))
        self.param = _str_or_none(fields.get("param"))
        self.doc_url = _str_or_none(fields.get("doc_url"))
        self.user_message = _str_or_none(fields.get("user_message"))

    def __str__(self) -> str:
        # Which request failed, and how: never the key, the parameters or a body.
        details = []
        if self.http_status is not None:
            details.append(f"status {self.http_status}")
        if self.code:
            details.append(f"code {self.code}")
        if self.request_id:
            details.append(f"request {self.request_id}")
        where = f"{self.method} {self.path}" if self.method and self.path else ""
        if where and details:
            return f"{self.message} ({where}: {', '.join(details)})"
        if where or details:
            return f"{self.message} ({where or ', '.join(details)})"
        return self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, http_status={self.http_status!r}, "
            f"code={self.code!r}, request_id={self.request_id!r}, method={self.method!r}, path={self.path!r})"
        )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class APIConnectionError(StripeError):
    """Stripe could not be reached, or the connection broke before an answer."""


class APITimeoutError(APIConnectionError):
    """The request timed out. With an idempotency key it is safe to send it again."""


class ConnectionPoolError(StripeError):
    """The client's connections cannot be used here, and nothing was sent.

    The client was closed, or the ``http_client`` you passed in was made in
    another process (before a fork) or used on another event loop: make a new
    one where it is used, or let the client make its own.
    """


class InvalidRequestError(StripeError):
    """The request had invalid parameters (HTTP 400 or 404)."""


class NotFoundError(InvalidRequestError):
    """The object or URL does not exist (HTTP 404)."""


class AuthenticationError(StripeError):
    """The API key was missing, wrong or revoked (HTTP 401)."""


class PermissionDeniedError(StripeError):
    """The API key may not perform this request (HTTP 403)."""


class CardError(StripeError):
    """The card was declined or could not be charged (HTTP 402, ``card_error``).

    ``message`` is safe to show to the customer; ``decline_code`` tells why.
    """


class IdempotencyError(StripeError):
    """An idempotency key was reused with different parameters."""


class RateLimitError(StripeError):
    """Too many requests hit the API too quickly (HTTP 429)."""


class APIError(StripeError):
    """Stripe failed (HTTP 5xx, ``api_error``), or answered with something that is not its API."""


class InvalidResponseError(APIError):
    """A response could not be decoded: not JSON, or not shaped as the API documents."""


class APIVersionMismatchError(StripeError):
    """An event was rendered with another API version than the one stripe_lite's models follow.

    Raised only by a strict parse (``parse_event(payload, strict=True)``).
    ``api_version`` is the event's (None when it has none), ``expected`` the
    models' (:data:`stripe_lite.API_VERSION`).
    """

    api_version: str | None
    expected: str

    def __init__(self, message: str, api_version: str | None, expected: str) -> None:
        super().__init__(message)
        self.api_version = api_version
        self.expected = expected

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.api_version, self.expected))


SignatureVerificationReason = Literal[
    "missing_header",
    "malformed_header",
    "no_v1_signature",
    "mismatch",
    "too_old",
    "too_new",
    "empty_secret",
]
"""Why a webhook signature was refused (:attr:`SignatureVerificationError.reason`).

* ``"missing_header"``: no ``Stripe-Signature`` header, or an empty one.
* ``"malformed_header"``: the header has no ``t=`` timestamp, more than one, or
  one that is not a whole number of seconds.
* ``"no_v1_signature"``: the header holds no ``v1=`` signature.
* ``"mismatch"``: no ``v1`` signature matches the payload signed with the secret(s).
* ``"too_old"`` / ``"too_new"``: the signature matches, but its timestamp is
  further than ``tolerance`` seconds in the past / in the future.
* ``"empty_secret"``: the endpoint secret given is empty (or only whitespace).
"""


class SignatureVerificationError(StripeError):
    """A webhook's ``Stripe-Signature`` header does not prove that Stripe sent this payload.

    ``reason`` tells why (see :data:`SignatureVerificationReason`) and
    ``sig_header`` is the header that was checked (None when there was none).
    Answer such a request with HTTP 400 and do not act on its payload.
    """

    reason: SignatureVerificationReason
    sig_header: str | None

    def __init__(self, message: str, reason: SignatureVerificationReason, sig_header: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.sig_header = sig_header

    def __str__(self) -> str:
        return f"{self.message} (reason {self.reason})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(message={self.message!r}, reason={self.reason!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle through their args, which hold the message only.
        return (type(self), (self.message, self.reason, self.sig_header))


# The one table from an HTTP error to its class: the first row that matches
# wins. A row matches on the status (None: any) and Stripe's error.type (None: any).
_ERROR_TABLE: tuple[tuple[int | None, str | None, type[StripeError]], ...] = (
    (401, None, AuthenticationError),
    (403, None, PermissionDeniedError),
    (404, None, NotFoundError),
    (429, None, RateLimitError),
    (None, "card_error", CardError),
    (None, "idempotency_error", IdempotencyError),
    (None, "invalid_request_error", InvalidRequestError),
    (None, "authentication_error", AuthenticationError),
    (None, "rate_limit_error", RateLimitError),
    (None, "api_error", APIError),
    (402, None, CardError),
    (400, None, InvalidRequestError),
)


def error_class_for(http_status: int, error_type: str | None) -> type[StripeError]:
    """The exception class for an HTTP error answer with Stripe's ``error.type``."""
    if http_status >= 500:
        return APIError
    for status, kind, cls in _ERROR_TABLE:
        if (status is None or status == http_status) and (kind is None or kind == error_type):
            return cls
    return InvalidRequestError if 400 <= http_status < 500 else APIError
