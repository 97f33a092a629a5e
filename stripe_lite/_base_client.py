"""The I/O-free core shared by StripeClient and AsyncStripeClient.

Everything here is decided without touching the network: the request (URL,
headers, body), whether and when to retry, which error an answer maps to, and
how a body is decoded. The sync and async shells only send and sleep; they
drive :meth:`BaseClient._exchange`, a generator that yields what to do next.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import platform
import random
import time
import uuid
from collections.abc import Callable, Generator, Mapping
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import httpx

from ._encoding import encode_form, encode_path_id, urlencode_pairs
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
    "BaseClient",
    "RequestOptions",
    "Timeout",
    "retry_delay",
]

_T = TypeVar("_T")

API_VERSION: Final = "2026-09-30.endive"
"""The Stripe API version whose shapes the models follow; sent unless overridden."""
DEFAULT_BASE_URL: Final = "https://api.stripe.com"
DEFAULT_TIMEOUT: Final = 80.0
DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
"""A ``Retry-After`` longer than this is not waited for; the usual backoff applies."""

Timeout = float | httpx.Timeout

logger = logging.getLogger("stripe_lite")

_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_SECRET_KEY_PREFIXES = ("sk_", "rk_")
_RETRYABLE_STATUSES = frozenset({409, 429})

try:  # an optional, faster parser (the "fast" extra)
    import orjson as _orjson

    def _loads(content: bytes) -> Any:
        try:
            return _orjson.loads(content)
        except _orjson.JSONDecodeError:
            # orjson refuses a few things json accepts (integers past 64 bits).
            return json.loads(content)

except ImportError:  # pragma: no cover - depends on the environment

    def _loads(content: bytes) -> Any:
        return json.loads(content)


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
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.timestamp() - time.time()


def _check_max_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative int, got {value!r}")
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


# What the exchange generator yields: a request to send, or seconds to sleep.
Step = httpx.Request | float
# What the shell sends back after a request: the answer, or the transport failure.
Outcome = httpx.Response | httpx.RequestError


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
        if not isinstance(api_key, str) or api_key != api_key.strip():
            raise ValueError("api_key must be a str without surrounding whitespace")
        self._api_key = api_key
        self._base_url = _check_base_url(base_url, api_key)
        self._stripe_version = stripe_version
        self._stripe_account = stripe_account
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
    ) -> _Prepared:
        if extra_params:
            params = {**(params or {}), **extra_params}
        pairs = encode_form(params) if params else []
        method = method.upper()
        url = self._base_url + path
        headers = self._headers
        if options.stripe_account is not None or options.stripe_version is not None or method == "POST":
            headers = dict(headers)
            if options.stripe_account is not None:
                headers["Stripe-Account"] = options.stripe_account
            if options.stripe_version is not None:
                headers["Stripe-Version"] = options.stripe_version
        content: bytes | None = None
        if method == "POST":
            # One key per call, reused by every retry of it: Stripe then
            # answers a repeated POST with the first one's result.
            headers["Idempotency-Key"] = options.idempotency_key or str(uuid.uuid4())
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            content = urlencode_pairs(pairs).encode("ascii")
        elif pairs:
            url = f"{url}?{urlencode_pairs(pairs)}"
        elif options.idempotency_key is not None:
            headers = {**headers, "Idempotency-Key": options.idempotency_key}
        timeout = self._timeout if options.timeout is None else _check_timeout(options.timeout)
        max_retries = (
            self._max_retries if options.max_retries is None else _check_max_retries(options.max_retries)
        )
        request = self._http.build_request(method, url, headers=headers, content=content, timeout=timeout)
        return _Prepared(request, max_retries, method, path)

    @staticmethod
    def _path(template: str, *ids: tuple[str, str]) -> str:
        """Fill a path template's ``{}`` slots with escaped ids given as (name, value)."""
        return template.format(*(encode_path_id(value, name) for name, value in ids))

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
            if isinstance(outcome, httpx.Response):
                if 200 <= outcome.status_code < 300:
                    return self._decode_success(outcome, cast)
                delay = self._retry_after_response(attempt, prepared.max_retries, outcome)
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

    def _decode_success(self, response: httpx.Response, cast: Callable[[Any], _T]) -> _T:
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

    def _invalid_response(self, response: httpx.Response, message: str) -> InvalidResponseError:
        return InvalidResponseError(
            self._redact(message),
            http_status=response.status_code,
            request_id=response.headers.get("request-id"),
            body=self._redact(_body_text(response)),
            headers=dict(response.headers),
        )

    def _error_from_response(self, response: httpx.Response) -> StripeError:
        body = self._redact(_body_text(response))
        request_id = response.headers.get("request-id")
        status = response.status_code
        error: dict[str, Any] | None = None
        try:
            parsed = _loads(response.content)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
            error = parsed["error"]
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
            headers=dict(response.headers),
        )

    def _error_from_exception(self, exc: httpx.RequestError, retries: int) -> APIConnectionError:
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if cls is APITimeoutError else f"failed ({type(exc).__name__}: {exc})"
        tries = f" after {retries + 1} attempts" if retries else ""
        return cls(self._redact(f"the request to Stripe {what}{tries}"))

    def _redact(self, text: str) -> str:
        # A misbehaving server (or proxy) might echo the key back.
        if self._api_key in text:
            text = text.replace(self._api_key, _mask(self._api_key))
        return text


def _mask(api_key: str) -> str:
    prefix = api_key[: api_key.find("_", 3) + 1] if api_key.startswith(("sk_", "rk_", "pk_")) else ""
    return f"{prefix}***"


def _body_text(response: httpx.Response) -> str:
    try:
        return response.text
    except (UnicodeDecodeError, LookupError):
        return response.content.decode("utf-8", errors="replace")


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
