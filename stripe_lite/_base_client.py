"""The I/O-free core shared by StripeClient and AsyncStripeClient.

Everything here is decided without touching the network: the request (URL,
headers, body), whether and when to retry, which error an answer maps to, and
how a body is decoded. The sync and async shells only send and sleep; they
drive :meth:`BaseClient._exchange`, a generator that yields what to do next.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import logging
import os
import platform
import random
import re
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Generator, Mapping
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import httpx

from ._encoding import encode_form, urlencode_pairs
from ._generated import API_VERSION
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InvalidResponseError,
    StripeError,
    error_class_for,
)

__all__ = [
    "API_VERSION",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "FILES_BASE_URL",
    "MAX_RESPONSE_BYTES",
    "BaseClient",
    "BodyReader",
    "Received",
    "RequestOptions",
    "Timeout",
    "binary_body",
    "retry_delay",
]

_T = TypeVar("_T")

DEFAULT_BASE_URL: Final = "https://api.stripe.com"
FILES_BASE_URL: Final = "https://files.stripe.com"
DEFAULT_TIMEOUT: Final = 80.0
DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
"""A ``Retry-After`` longer than this is not waited for; the usual backoff applies."""
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The most of a response body that is read (after decompression). Stripe's
largest answers (a page of 100 expanded objects) are a few megabytes; a larger
body is not Stripe's, and is refused with InvalidResponseError instead of
being held in memory whole."""

Timeout = float | httpx.Timeout

logger = logging.getLogger("stripe_lite")

_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_SECRET_KEY_PREFIXES = ("sk_", "rk_")
_RETRYABLE_STATUSES = frozenset({409, 429})
# What a header value may hold: printable ASCII (no CR/LF, which would let a
# value add headers of its own, and nothing httpx cannot encode).
_HEADER_VALUE = re.compile(r"[\x20-\x7e]+")
_API_KEY_CHARS = re.compile(r"[\x21-\x7e]+")

try:  # an optional, faster parser (the "fast" extra)
    import orjson as _orjson

    def _parse_json(content: bytes) -> Any:
        try:
            return _orjson.loads(content)
        except _orjson.JSONDecodeError:
            # orjson refuses a few things json accepts (integers past 64 bits).
            return json.loads(content)

except ImportError:  # pragma: no cover - depends on the environment

    def _parse_json(content: bytes) -> Any:
        return json.loads(content)


def _loads(content: bytes) -> Any:
    """Parse JSON; anything that is not parseable JSON raises ValueError."""
    try:
        return _parse_json(content)
    except RecursionError as exc:  # nested deeper than the parser can go
        raise ValueError("JSON nested too deeply") from exc


def retry_delay(attempt: int, retry_after: float | None = None, *, rand: float | None = None) -> float:
    """Seconds to wait before retry number ``attempt + 1``.

    ``min(0.5 * 2**attempt, 8) * (0.75 + 0.25 * rand)``, with ``rand`` uniform
    in [0, 1): a jittered exponential backoff. A ``Retry-After`` the server
    sent is used instead when it is between 0 and 60 seconds.
    """
    if retry_after is not None and 0 <= retry_after <= MAX_RETRY_AFTER:
        return retry_after
    if rand is None:
        rand = random.random()
    return min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY) * (0.75 + 0.25 * rand)


def _parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number, or an HTTP date); None if unreadable."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:  # "-0000": HTTP dates are always UTC, never local time
            when = when.replace(tzinfo=datetime.timezone.utc)
        return when.timestamp() - time.time()
    except (TypeError, ValueError, OverflowError):
        return None


def _check_max_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative int, got {value!r}")
    return value


def _check_header_value(name: str, value: Any) -> str:
    if not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value) or value != value.strip():
        raise ValueError(
            f"{name} must be a non-empty str of printable ASCII characters without surrounding spaces, got {value!r}"
        )
    return value


def _check_timeout(value: Any) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"timeout must be a positive number of seconds or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))


class RequestOptions:
    """Per-call overrides of the client's options."""

    __slots__ = ("idempotency_key", "max_retries", "stripe_account", "stripe_version", "timeout")

    def __init__(
        self,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        self.idempotency_key = idempotency_key
        self.stripe_account = stripe_account
        self.stripe_version = stripe_version
        self.timeout = timeout
        self.max_retries = max_retries


NO_OPTIONS: Final = RequestOptions()


class _Prepared:
    """A request ready to send, with its retry budget."""

    __slots__ = ("max_retries", "method", "path", "request")

    def __init__(self, request: httpx.Request, max_retries: int, method: str, path: str) -> None:
        self.request = request
        self.max_retries = max_retries
        self.method = method
        self.path = path


class Received:
    """An answer as a shell read it: the response (status, headers) and its body, cut at the cap."""

    __slots__ = ("content", "over_limit", "response")

    def __init__(self, response: httpx.Response, content: bytes, over_limit: bool) -> None:
        self.response = response
        self.content = content
        self.over_limit = over_limit

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.response.charset_encoding or "utf-8", errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


class BodyReader:
    """Collects a streamed body for a shell, up to :data:`MAX_RESPONSE_BYTES`."""

    __slots__ = ("_chunks", "_limit", "_size")

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._size = 0
        self._limit = MAX_RESPONSE_BYTES

    def add(self, chunk: bytes) -> bool:
        """Keep a chunk; False once the body is over the cap: stop reading then."""
        self._chunks.append(chunk)
        self._size += len(chunk)
        return self._size <= self._limit

    def received(self, response: httpx.Response) -> Received:
        content = b"".join(self._chunks)
        return Received(response, content[: self._limit], self._size > self._limit)


# What the exchange generator yields: a request to send, or seconds to sleep.
Step = httpx.Request | float
# What the shell sends back after a request: the answer, or the transport failure.
Outcome = Received | httpx.RequestError


class BaseClient:
    """Options and request logic common to the sync and async clients."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        stripe_version: str | None = API_VERSION,
        stripe_account: str | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        if api_key is None:
            api_key = os.environ.get("STRIPE_API_KEY")
        if not api_key:
            raise ValueError(
                "no Stripe API key: pass api_key=... to the client or set the STRIPE_API_KEY environment variable"
            )
        if not isinstance(api_key, str) or not _API_KEY_CHARS.fullmatch(api_key):
            # The message never shows the key.
            raise ValueError("api_key must be a str of printable ASCII characters without whitespace")
        self._api_key = api_key
        _KEY_REDACTION.register(self)
        self._base_url = _check_base_url(base_url, api_key)
        # Uploads and downloads go to Stripe's files host; a base_url of your own
        # (a proxy, a fake Stripe) serves them too.
        self._files_base_url = FILES_BASE_URL if self._base_url == DEFAULT_BASE_URL else self._base_url
        self._stripe_version = None if stripe_version is None else _check_header_value("stripe_version", stripe_version)
        self._stripe_account = None if stripe_account is None else _check_header_value("stripe_account", stripe_account)
        self._max_retries = _check_max_retries(max_retries)
        self._timeout = _check_timeout(timeout)
        headers = {
            "Authorization": f"Bearer {api_key}",
            "User-Agent": _user_agent(),
            "Accept": "application/json",
        }
        if stripe_version:
            headers["Stripe-Version"] = stripe_version
        if stripe_account:
            headers["Stripe-Account"] = stripe_account
        self._headers = headers

    # -- options -------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def stripe_version(self) -> str | None:
        return self._stripe_version

    @property
    def stripe_account(self) -> str | None:
        return self._stripe_account

    @property
    def max_retries(self) -> int:
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    def _options_dict(self) -> dict[str, Any]:
        return {
            "api_key": self._api_key,
            "base_url": self._base_url,
            "stripe_version": self._stripe_version,
            "stripe_account": self._stripe_account,
            "max_retries": self._max_retries,
            "timeout": self._timeout,
        }

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(api_key={_mask(self._api_key)!r}, base_url={self._base_url!r}, "
            f"stripe_account={self._stripe_account!r}, max_retries={self._max_retries})"
        )

    # -- building a request --------------------------------------------------

    def _prepare(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        options: RequestOptions,
        extra_params: Mapping[str, Any] | None = None,
        *,
        files: bool = False,
    ) -> _Prepared:
        """Build the request. ``files``: an upload or download, sent to the files host
        (as ``multipart/form-data`` when it is a POST)."""
        if extra_params:
            params = {**(params or {}), **extra_params}
        method = method.upper()
        uploads: dict[str, Any] = {}
        if files and method == "POST" and params:
            params = dict(params)
            uploads = {name: params.pop(name) for name, value in list(params.items()) if _is_upload(value)}
        pairs = encode_form(params) if params else []
        url = (self._files_base_url if files else self._base_url) + path
        headers = self._headers
        idempotency_key = options.idempotency_key
        if idempotency_key is not None:
            _check_header_value("idempotency_key", idempotency_key)
        if (
            options.stripe_account is not None
            or options.stripe_version is not None
            or idempotency_key is not None
            or method == "POST"
        ):
            headers = dict(headers)
            if options.stripe_account is not None:
                headers["Stripe-Account"] = _check_header_value("stripe_account", options.stripe_account)
            if options.stripe_version is not None:
                headers["Stripe-Version"] = _check_header_value("stripe_version", options.stripe_version)
            if idempotency_key is not None:
                headers["Idempotency-Key"] = idempotency_key
        content: bytes | None = None
        timeout = self._timeout if options.timeout is None else _check_timeout(options.timeout)
        max_retries = (
            self._max_retries if options.max_retries is None else _check_max_retries(options.max_retries)
        )
        if method == "POST":
            # One key per call, reused by every retry of it: Stripe then
            # answers a repeated POST with the first one's result.
            if idempotency_key is None:
                headers["Idempotency-Key"] = str(uuid.uuid4())
            if uploads:
                request = self._http.build_request(
                    method, url, headers=headers, data=dict(pairs), files=uploads, timeout=timeout
                )
                return _Prepared(request, max_retries, method, path)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            content = urlencode_pairs(pairs).encode("ascii")
        elif pairs:
            url = f"{url}?{urlencode_pairs(pairs)}"
        request = self._http.build_request(method, url, headers=headers, content=content, timeout=timeout)
        return _Prepared(request, max_retries, method, path)

    # -- the exchange: send, retry, map, decode --------------------------------

    def _exchange(self, prepared: _Prepared, cast: Callable[[Any], _T]) -> Generator[Step, Outcome | None, _T]:
        """Drive one call: yields requests to send and delays to sleep, returns the decoded result."""
        attempt = 0
        while True:
            if attempt:
                logger.info("Retrying %s %s (retry %d of %d)", prepared.method, prepared.path, attempt, prepared.max_retries)
            else:
                logger.debug("Request %s %s", prepared.method, prepared.path)
            outcome = yield prepared.request
            if isinstance(outcome, Received):
                if outcome.over_limit:
                    raise self._invalid_response(
                        outcome, f"the response body is larger than {MAX_RESPONSE_BYTES} bytes: not a Stripe answer"
                    )
                if 200 <= outcome.status_code < 300:
                    return self._decode_success(outcome, cast)
                delay = self._retry_after_response(attempt, prepared.max_retries, outcome.response)
                if delay is None:
                    raise self._error_from_response(outcome)
                logger.info("%s %s answered %d", prepared.method, prepared.path, outcome.status_code)
            else:
                assert isinstance(outcome, httpx.RequestError)
                if attempt >= prepared.max_retries:
                    raise self._error_from_exception(outcome, attempt) from outcome
                delay = retry_delay(attempt)
                logger.info("%s %s failed: %s", prepared.method, prepared.path, type(outcome).__name__)
            attempt += 1
            if delay > 0:
                yield delay

    def _retry_after_response(self, attempt: int, max_retries: int, response: httpx.Response) -> float | None:
        """Seconds to wait before retrying this answer, or None not to retry it."""
        if attempt >= max_retries:
            return None
        should_retry = response.headers.get("stripe-should-retry")
        if should_retry == "false":
            return None
        status = response.status_code
        if should_retry != "true" and status not in _RETRYABLE_STATUSES and status < 500:
            return None
        return retry_delay(attempt, _parse_retry_after(response.headers.get("retry-after")))

    def _decode_success(self, response: Received, cast: Callable[[Any], _T]) -> _T:
        if cast is binary_body:
            return cast(response.content)
        try:
            data = _loads(response.content)
        except ValueError as exc:
            raise self._invalid_response(response, "the response body is not valid JSON") from exc
        try:
            return cast(data)
        except StripeError as exc:
            if exc.http_status is None:
                raise self._invalid_response(response, exc.message) from exc
            raise
        except Exception as exc:
            raise self._invalid_response(response, f"the response could not be decoded: {exc}") from exc

    def _invalid_response(self, response: Received, message: str) -> InvalidResponseError:
        body = self._redact(response.text)
        if response.over_limit:
            body = body[:_BODY_EXCERPT] + "..."  # redacted whole first, so no part of a key survives the cut
        return InvalidResponseError(
            self._redact(message),
            http_status=response.status_code,
            request_id=self._redact_optional(response.headers.get("request-id")),
            body=body,
            headers=self._redact_headers(response.headers),
        )

    def _error_from_response(self, response: Received) -> StripeError:
        body = self._redact(response.text)
        request_id = self._redact_optional(response.headers.get("request-id"))
        status = response.status_code
        error: dict[str, Any] | None = None
        try:
            parsed = _loads(response.content)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
            error = self._redact_json(parsed["error"])
        if error is None:
            # Not Stripe's JSON error: something else (a proxy, a load balancer) answered.
            message = f"Stripe answered HTTP {status} with a body that is not a Stripe error"
            cls: type[StripeError] = APIError
        else:
            raw_message = error.get("message")
            message = raw_message if isinstance(raw_message, str) and raw_message else f"Stripe answered HTTP {status}"
            error_type = error.get("type") if isinstance(error.get("type"), str) else None
            cls = error_class_for(status, error_type)
        return cls(
            self._redact(message),
            http_status=status,
            request_id=request_id,
            error=error,
            body=body,
            headers=self._redact_headers(response.headers),
        )

    def _error_from_exception(self, exc: httpx.RequestError, retries: int) -> APIConnectionError:
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if cls is APITimeoutError else f"failed ({type(exc).__name__}: {exc})"
        tries = f" after {retries + 1} attempts" if retries else ""
        return cls(self._redact(f"the request to Stripe {what}{tries}"))

    # -- redaction: a misbehaving server (or proxy) might echo the key back ----------------

    def _redact(self, text: str) -> str:
        if self._api_key in text:
            text = text.replace(self._api_key, _mask(self._api_key))
        return text

    def _redact_optional(self, text: str | None) -> str | None:
        return None if text is None else self._redact(text)

    def _redact_headers(self, headers: httpx.Headers) -> dict[str, str]:
        return {name: self._redact(value) for name, value in headers.items()}

    def _redact_json(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._redact(value)
        if isinstance(value, dict):
            return {self._redact(str(k)): self._redact_json(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._redact_json(v) for v in value]
        return value


_BODY_EXCERPT: Final = 1024
"""How much of a body over the cap is kept on the error."""


def _mask(api_key: str) -> str:
    prefix = api_key[: api_key.find("_", 3) + 1] if api_key.startswith(("sk_", "rk_", "pk_")) else ""
    return f"{prefix}***"


class _KeyRedaction(logging.Filter):
    """Masks the key of every live client in log records of httpx and httpcore.

    stripe_lite never logs a key, but httpcore logs response headers at DEBUG:
    a server or proxy echoing the Authorization header would put the key in
    the logs. The filter sits on the loggers that emit records (a logger's
    filter does not see its children's records), and costs nothing unless
    DEBUG logging is on for them.
    """

    LOGGERS: Final = (
        "stripe_lite",
        "httpx",
        "httpcore",
        "httpcore.connection",
        "httpcore.http11",
        "httpcore.http2",
        "httpcore.proxy",
        "httpcore.socks",
    )

    def __init__(self) -> None:
        super().__init__()
        self._clients: weakref.WeakSet[BaseClient] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._installed = False

    def register(self, client: BaseClient) -> None:
        with self._lock:
            self._clients.add(client)
            if not self._installed:
                existing = [
                    name
                    for name in list(logging.root.manager.loggerDict)
                    if name.startswith(("httpx.", "httpcore.", "stripe_lite."))
                ]
                for name in {*self.LOGGERS, *existing}:
                    logging.getLogger(name).addFilter(self)
                self._installed = True

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            keys = [client._api_key for client in self._clients]
        if not keys:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is logging's to report, not ours
            return True
        if any(key in message for key in keys):
            for key in keys:
                message = message.replace(key, _mask(key))
            record.msg, record.args = message, None
        return True


_KEY_REDACTION: Final = _KeyRedaction()


def binary_body(content: bytes) -> bytes:
    """The cast of a download: the body's bytes, as received."""
    return content


def _is_upload(value: Any) -> bool:
    """A file to upload: bytes, a binary file object, or a (filename, content[, content type]) tuple."""
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def _check_base_url(base_url: str, api_key: str) -> str:
    if not isinstance(base_url, str):
        raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS and api_key.startswith(_SECRET_KEY_PREFIXES):
        raise ValueError(
            f"refusing to send a secret API key over plain http to {parts.hostname}; use https "
            "(plain http is allowed only to localhost)"
        )
    return base_url.rstrip("/")


def _user_agent() -> str:
    return f"stripe_lite/{__version__} (Python {platform.python_version()}; httpx {httpx.__version__})"
