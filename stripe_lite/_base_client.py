"""The I/O-free core shared by StripeClient and AsyncStripeClient.

Everything here is decided without touching the network: the request (URL,
headers, body), whether and when to retry, which error an answer maps to, and
how a body is decoded. The sync and async shells only send and sleep; they
drive :meth:`BaseClient._exchange`, a generator that yields what to do next.
"""

from __future__ import annotations

import datetime
import json
import logging
import math
import os
import platform
import random
import re
import threading
import time
import uuid
import weakref
import zlib
from collections.abc import Callable, Generator, Mapping
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import httpx

from ._encoding import encode_form, encode_json, encode_query_v2, urlencode_pairs
from ._generated import API_VERSION
from ._response import CAPTURE, APIResponse
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
    "MAX_URL_LENGTH",
    "BaseClient",
    "BodyReader",
    "Received",
    "RequestOptions",
    "Timeout",
    "binary_body",
    "retry_delay",
]

_T = TypeVar("_T")
_V = TypeVar("_V")

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

MAX_URL_LENGTH: Final = 65536
"""The longest request URL sent; longer ones are refused with ValueError before
sending (servers and proxies refuse them anyway)."""
_INFLATE_STEP: Final = 1024 * 1024
"""The most a compressed body is inflated by at a time, so that memory follows the cap."""
_BODY_EXCERPT: Final = 1024
"""How much of a body over the cap is kept on the error."""

Timeout = float | httpx.Timeout

logger = logging.getLogger("stripe_lite")
_LOG_LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO}
_env_log_handler: logging.Handler | None = None

_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
# A secret key is sk_test_... or sk_live_..., a restricted one rk_test_... or rk_live_....
_SERVER_KEY = re.compile(r"[sr]k_(?:test|live)_[\x21-\x7e]+")
_KEY_SHAPE: Final = (
    "a secret key (sk_test_... or sk_live_...) or a restricted key (rk_test_... or rk_live_...), "
    "from the API keys page of the Stripe Dashboard"
)
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
        import email.utils  # heavy, and needed only for a Retry-After given as a date

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
        parts = value.as_dict().values()
        if all(part is None or _finite_seconds(part) for part in parts) and any(p is not None for p in parts):
            return value
    elif _finite_seconds(value):
        return httpx.Timeout(float(value))
    raise ValueError(
        f"timeout must be a positive, finite number of seconds or an httpx.Timeout of such numbers, got {value!r}"
    )


def _finite_seconds(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and 0 < value < math.inf


class RequestOptions:
    """Per-call overrides of the client's options.

    ``stripe_context``: the account a v2 call acts in (the ``Stripe-Context``
    header), as an event notification names it.
    """

    __slots__ = ("idempotency_key", "max_retries", "stripe_account", "stripe_context", "stripe_version", "timeout")

    def __init__(
        self,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
        *,
        stripe_context: str | None = None,
    ) -> None:
        self.idempotency_key = idempotency_key
        self.stripe_account = stripe_account
        self.stripe_version = stripe_version
        self.timeout = timeout
        self.max_retries = max_retries
        self.stripe_context = stripe_context


NO_OPTIONS: Final = RequestOptions()


class _Prepared:
    """A request ready to send, with its retry budget and the idempotency key its errors carry."""

    __slots__ = ("idempotency_key", "max_retries", "method", "path", "request")

    def __init__(
        self, request: httpx.Request, max_retries: int, method: str, path: str, idempotency_key: str | None
    ) -> None:
        self.request = request
        self.max_retries = max_retries
        self.method = method
        self.path = path
        self.idempotency_key = idempotency_key


class _Secret(str):
    """A str holding the API key, whose repr is masked: tracebacks that show
    locals (``pytest --showlocals``, error trackers) never print the key."""

    __slots__ = ()

    def __repr__(self) -> str:
        return repr(_mask(str.__str__(self)))

    @classmethod
    def wrap(cls, value: _V) -> _V:
        """``value`` as a _Secret when it is a str (anything else is checked later, as given)."""
        return cls(value) if isinstance(value, str) else value  # type: ignore[return-value]


class Received:
    """An answer as a shell read it: the response (status, headers) and its decoded body.

    ``over_limit``: the body was larger than the cap, and only its start is kept.
    ``unreadable``: why the body could not be decoded (its content coding), or None.
    """

    __slots__ = ("content", "over_limit", "response", "unreadable")

    def __init__(
        self, response: httpx.Response, content: bytes, over_limit: bool, unreadable: str | None = None
    ) -> None:
        self.response = response
        self.content = content
        self.over_limit = over_limit
        self.unreadable = unreadable

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
    """Decodes and collects a streamed body for a shell, up to :data:`MAX_RESPONSE_BYTES`.

    The shell feeds it the body as received (``iter_raw``): the reader inflates
    it itself, a bounded step at a time, so that a small compressed answer can
    never expand in memory past the cap. One content coding at most (gzip or
    deflate, the ones the clients ask for) is accepted: stacked codings are how
    a few kilobytes become gigabytes, and no server needs them.
    """

    __slots__ = ("_chunks", "_coding", "_inflate", "_limit", "_size", "to_read", "unreadable")

    def __init__(self, response: httpx.Response) -> None:
        self._chunks: list[bytes] = []
        self._size = 0
        self._limit = MAX_RESPONSE_BYTES
        self.unreadable: str | None = None
        self._inflate: Any = None
        self._coding = ""
        self.to_read = not response.is_stream_consumed
        """False for an answer made whole in memory (a mock transport's), which httpx already decoded."""
        if not self.to_read:
            self._keep(response.content)
            return
        header = response.headers.get("content-encoding", "")
        codings = [c for c in (part.strip().lower() for part in header.split(",")) if c and c != "identity"]
        self._coding = codings[0] if len(codings) == 1 else ""
        if len(codings) > 1:
            self.unreadable = f"the response has {len(codings)} content codings ({header}); one at most is accepted"
        elif self._coding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._coding == "deflate":
            self._inflate = zlib.decompressobj()
        elif self._coding:
            self.unreadable = f"the response has an unsupported content coding: {header}"

    def add(self, chunk: bytes) -> bool:
        """Take a chunk as received; False when reading should stop (over the cap, or undecodable)."""
        if self.unreadable is not None:
            return False
        if self._inflate is None:
            return self._keep(chunk)
        received = chunk
        try:
            while chunk:
                room = self._limit - self._size + 1  # one byte past the cap tells that it is over
                out = self._inflate.decompress(chunk, min(room, _INFLATE_STEP))
                chunk = self._inflate.unconsumed_tail
                if not self._keep(out):
                    return False
                if not out:
                    break
        except zlib.error as exc:
            if self._coding == "deflate" and self._size == 0:
                # "deflate" is sent both zlib-wrapped and raw: try raw once, on the first bytes.
                self._coding = "raw deflate"
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.add(received)
            self.unreadable = f"the response body could not be decompressed ({self._coding}: {exc})"
            return False
        return True

    def _keep(self, data: bytes) -> bool:
        if data:
            self._chunks.append(data)
            self._size += len(data)
        if self._size > self._limit:
            # Only the start is ever shown (on the error): let the rest go now.
            start = bytearray()
            for kept in self._chunks:
                start += kept[: 4 * _BODY_EXCERPT - len(start)]
                if len(start) >= 4 * _BODY_EXCERPT:
                    break
            self._chunks = [bytes(start)]
            return False
        return True

    def received(self, response: httpx.Response) -> Received:
        over = self._size > self._limit
        return Received(response, b"".join(self._chunks), over, self.unreadable)


# What the exchange generator yields: a request to send, or seconds to sleep.
Step = httpx.Request | float
# What the shell sends back after a request: the answer, or what went wrong: an
# httpx.RequestError (the network's failure), a StripeError raised before sending
# (ConnectionPoolError), or any other exception the transport raised while sending.
Outcome = Received | Exception


class BaseClient:
    """Options and request logic common to the sync and async clients."""

    @property
    def _http(self) -> httpx.Client | httpx.AsyncClient:
        """The httpx client that builds requests (each shell gives its own)."""
        raise NotImplementedError

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
        # From here on the key is only held masked-in-repr: a traceback that shows locals cannot print it.
        api_key = _Secret.wrap(api_key)
        _check_api_key(api_key)
        self._api_key = api_key
        self._base_url = _check_base_url(base_url)
        _KEY_REDACTION.register(self)
        _log_from_environment()
        # Uploads and downloads go to Stripe's files host; a base_url of your own
        # (a proxy, a fake Stripe) serves them too.
        self._files_base_url = FILES_BASE_URL if self._base_url == DEFAULT_BASE_URL else self._base_url
        self._stripe_version = None if stripe_version is None else _check_header_value("stripe_version", stripe_version)
        self._stripe_account = None if stripe_account is None else _check_header_value("stripe_account", stripe_account)
        self._max_retries = _check_max_retries(max_retries)
        self._timeout = _check_timeout(timeout)
        headers = {
            "Authorization": _Secret("Bearer " + api_key),
            "User-Agent": _user_agent(),
            "Accept": "application/json",
            # Only what BodyReader inflates with bounded memory (never br or zstd,
            # which httpx would add when their packages happen to be installed).
            "Accept-Encoding": "gzip, deflate",
        }
        if stripe_version:
            headers["Stripe-Version"] = stripe_version
        if stripe_account:
            headers["Stripe-Account"] = stripe_account
        self._headers = headers
        self._merged_headers: tuple[httpx.Headers, list[tuple[bytes, bytes]], httpx.Headers] | None = None

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
        # Safe on a half-made client too (a traceback with locals shows one whose __init__ raised).
        api_key = getattr(self, "_api_key", None)
        return (
            f"{type(self).__name__}(api_key={_mask(api_key) if api_key else None!r}, "
            f"base_url={getattr(self, '_base_url', None)!r}, "
            f"stripe_account={getattr(self, '_stripe_account', None)!r}, "
            f"max_retries={getattr(self, '_max_retries', None)})"
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
        # Every option is checked before anything else is built: a bad one
        # raises with nothing but the options themselves in this frame.
        stripe_account = options.stripe_account
        stripe_version = options.stripe_version
        stripe_context = options.stripe_context
        idempotency_key = options.idempotency_key
        if stripe_account is not None:
            _check_header_value("stripe_account", stripe_account)
        if stripe_context is not None:
            _check_header_value("stripe_context", stripe_context)
        if stripe_version is not None:
            _check_header_value("stripe_version", stripe_version)
        if idempotency_key is not None:
            _check_header_value("idempotency_key", idempotency_key)
        timeout = self._timeout if options.timeout is None else _check_timeout(options.timeout)
        max_retries = (
            self._max_retries if options.max_retries is None else _check_max_retries(options.max_retries)
        )
        if extra_params:
            params = {**(params or {}), **extra_params}
        method = method.upper()
        uploads: dict[str, Any] = {}
        if files and method == "POST" and params:
            params = dict(params)
            uploads = {name: params.pop(name) for name, value in list(params.items()) if _is_upload(value)}
        # API v1 takes form-encoded bodies, API v2 JSON ones (and lists in a query as repeated keys).
        v2 = _is_v2(path)
        pairs = [] if not params or (v2 and method == "POST") else (encode_query_v2 if v2 else encode_form)(params)
        url = (self._files_base_url if files else self._base_url) + path
        content: bytes | None = None
        content_type = "application/x-www-form-urlencoded"
        if method == "POST":
            # One key per call, reused by every retry of it: Stripe then
            # answers a repeated POST with the first one's result.
            if idempotency_key is None:
                idempotency_key = str(uuid.uuid4())
            if v2:
                content, content_type = encode_json(params or {}), "application/json"
            elif not uploads:
                content = urlencode_pairs(pairs).encode("ascii")
        elif pairs:
            url = f"{url}?{urlencode_pairs(pairs)}"
        if len(url) > MAX_URL_LENGTH:
            raise ValueError(
                f"the request URL would be {len(url)} characters long, over the {MAX_URL_LENGTH} that can be sent: "
                "the path or the parameters are too long"
            )
        headers = self._headers
        if any(h is not None for h in (stripe_account, stripe_version, idempotency_key, stripe_context)):
            headers = dict(headers)
            if stripe_account is not None:
                headers["Stripe-Account"] = stripe_account
            if stripe_context is not None:
                headers["Stripe-Context"] = stripe_context
            if stripe_version is not None:
                headers["Stripe-Version"] = stripe_version
            if idempotency_key is not None:
                headers["Idempotency-Key"] = idempotency_key
        if uploads:
            request = self._http.build_request(
                method, url, headers=headers, data=dict(pairs), files=uploads, timeout=timeout
            )
        else:
            if content is not None:
                headers["Content-Type"] = content_type
            request = self._build(method, url, headers, content, timeout)
        return _Prepared(request, max_retries, method, path, idempotency_key)

    def _build(
        self, method: str, url: str, headers: dict[str, str], content: bytes | None, timeout: httpx.Timeout
    ) -> httpx.Request:
        """The request ``build_request`` would make, without merging every header into the pool's on each call.

        The pool's headers merged with the client's are kept, and made again when the pool's
        change; only the headers of this call are added to them. A pool that adds cookies or
        query parameters of its own builds the request itself.
        """
        http = self._http
        if http.cookies or http.params:
            # httpx replaces a URL's query with the pool's parameters: ours go as params=, to be merged.
            url, _, query = url.partition("?")
            params = httpx.QueryParams(query) if query else None
            return http.build_request(method, url, params=params, headers=headers, content=content, timeout=timeout)
        pool_headers = http.headers
        merged = self._merged_headers
        if merged is None or merged[0] is not pool_headers or merged[1] != pool_headers.raw:
            base = httpx.Headers(pool_headers)
            base.update(self._headers)
            merged = self._merged_headers = (pool_headers, pool_headers.raw, base)
        request_headers = merged[2]
        if headers is not self._headers:
            request_headers = httpx.Headers(request_headers)
            request_headers.update({k: v for k, v in headers.items() if self._headers.get(k) is not v})
        extensions = {"timeout": timeout.as_dict()}
        return httpx.Request(method, url, headers=request_headers, content=content, extensions=extensions)

    # -- the exchange: send, retry, map, decode --------------------------------

    def _exchange(self, prepared: _Prepared, cast: Callable[[Any], _T]) -> Generator[Step, Outcome | None, _T]:
        """Drive one call: yields requests to send and delays to sleep, returns the decoded result.

        Every StripeError it raises names the request (method and path) and carries its idempotency key.
        """
        try:
            return (yield from self._attempts(prepared, cast))
        except StripeError as exc:
            if exc.idempotency_key is None:
                exc.idempotency_key = prepared.idempotency_key
            if exc.method is None:
                exc.method = prepared.method
                exc.path = self._redact(prepared.path)
            raise

    def _attempts(self, prepared: _Prepared, cast: Callable[[Any], _T]) -> Generator[Step, Outcome | None, _T]:
        attempt = 0
        while True:
            if attempt:
                logger.info("Retrying %s %s (retry %d of %d)", prepared.method, prepared.path, attempt, prepared.max_retries)
            else:
                logger.debug("Request %s %s", prepared.method, prepared.path)
            outcome = yield prepared.request
            if isinstance(outcome, Received):
                logger.debug(
                    "Response %s %s: %d, request %s",
                    prepared.method,
                    prepared.path,
                    outcome.status_code,
                    outcome.headers.get("request-id"),
                )
                if outcome.unreadable is not None:
                    raise self._invalid_response(outcome, outcome.unreadable)
                if outcome.over_limit:
                    raise self._invalid_response(
                        outcome, f"the response body is larger than {MAX_RESPONSE_BYTES} bytes: not a Stripe answer"
                    )
                if 200 <= outcome.status_code < 300:
                    result = self._decode_success(outcome, cast)
                    captured = CAPTURE.get()
                    if captured is not None:  # inside with_response: keep what the answer said
                        captured.append(self._response_of(prepared, outcome, attempt, result))
                    return result
                delay = self._retry_after_response(attempt, prepared.max_retries, outcome.response)
                if delay is None:
                    raise self._error_from_response(outcome, v2=_is_v2(prepared.path))
                logger.info("%s %s answered %d", prepared.method, prepared.path, outcome.status_code)
            elif isinstance(outcome, httpx.RequestError):
                if attempt >= prepared.max_retries:
                    raise self._error_from_exception(outcome, attempt) from _without_tracebacks(outcome)
                delay = retry_delay(attempt)
                logger.info("%s %s failed: %s", prepared.method, prepared.path, type(outcome).__name__)
            elif isinstance(outcome, StripeError):  # refused by the shell before anything was sent
                raise outcome
            else:
                # Not the network's failure but the transport's (a closed event loop, a
                # broken custom transport): retrying cannot help, and the request may
                # already have reached Stripe.
                assert isinstance(outcome, Exception)
                raise APIConnectionError(
                    self._redact(
                        f"the request failed after it was handed to the connection ({type(outcome).__name__}: "
                        f"{outcome}); it may have been applied: retry with the same idempotency key"
                    )
                ) from _without_tracebacks(outcome)
            attempt += 1
            if delay > 0:
                yield delay

    def _response_of(self, prepared: _Prepared, received: Received, retries: int, result: Any) -> APIResponse[Any]:
        response: APIResponse[Any] = APIResponse(
            http_status=received.status_code,
            headers=httpx.Headers(self._redact_headers(received.headers)),
            request_id=self._redact_optional(received.headers.get("request-id")),
            idempotency_key=prepared.idempotency_key,
            method=prepared.method,
            path=self._redact(prepared.path),
            retries=retries,
        )
        response._parsed = result
        return response

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

    def _error_from_response(self, response: Received, *, v2: bool = False) -> StripeError:
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
            cls = error_class_for(status, _v2_error_type(error) if v2 else _str(error.get("type")))
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
        """A copy of parsed JSON with the key masked in every string, however deep it nests
        (a loop, not recursion: a hostile body may nest deeper than Python recurses)."""
        top = [value]
        pending: list[tuple[Any, Any]] = [(top, 0)]
        while pending:
            parent, slot = pending.pop()
            item = parent[slot]
            if isinstance(item, str):
                parent[slot] = self._redact(item)
            elif isinstance(item, dict):
                copy = {self._redact(str(k)): v for k, v in item.items()}
                parent[slot] = copy
                pending.extend((copy, k) for k in copy)
            elif isinstance(item, list):
                items = list(item)
                parent[slot] = items
                pending.extend((items, i) for i in range(len(items)))
        return top[0]


def _log_from_environment() -> None:
    """``STRIPE_LOG=debug`` or ``info``: print the ``stripe_lite`` logger's records to stderr.

    Read when a client is made; the handler is added once per process. Without the
    variable, logging is left as the application configured it.
    """
    global _env_log_handler
    value = os.environ.get("STRIPE_LOG", "").strip().lower()
    if not value:
        return
    level = _LOG_LEVELS.get(value)
    if level is None:
        import warnings

        warnings.warn(f"STRIPE_LOG={value!r} is ignored: use debug or info", stacklevel=4)
        return
    if _env_log_handler is None:
        _env_log_handler = logging.StreamHandler()
        _env_log_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(_env_log_handler)
    logger.setLevel(level)


def _mask(api_key: str) -> str:
    scheme = "Bearer " if api_key.startswith("Bearer ") else ""
    api_key = api_key.removeprefix(scheme)
    prefix = api_key[: api_key.find("_", 3) + 1] if api_key.startswith(("sk_", "rk_", "pk_")) else ""
    return f"{scheme}{prefix}***"


_CLIENT_SECRET = re.compile(r"(client_secret=)([^&\s\"'#]+)")


def _mask_client_secret(match: re.Match[str]) -> str:
    value = match.group(2)
    owner, marker, _ = value.partition("_secret_")
    return f"{match.group(1)}{owner}{marker}***" if marker else f"{match.group(1)}***"


class _KeyRedaction(logging.Filter):
    """Masks the key of every live client, and any ``client_secret`` in a URL,
    in log records of httpx and httpcore.

    stripe_lite never logs a key, but httpcore logs response headers at DEBUG:
    a server or proxy echoing the Authorization header would put the key in
    the logs; httpx logs each request's URL at INFO, with a client secret
    passed in the query. The filter sits on the loggers that emit records (a
    logger's filter does not see its children's records), and costs nothing
    unless their logging is on.
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
        try:
            message = record.getMessage()
        except Exception:  # a broken record is logging's to report, not ours
            return True
        masked = message
        if any(key in masked for key in keys):
            for key in keys:
                masked = masked.replace(key, _mask(key))
        if "client_secret=" in masked:
            masked = _CLIENT_SECRET.sub(_mask_client_secret, masked)
        if masked is not message:
            record.msg, record.args = masked, None
        return True


_KEY_REDACTION: Final = _KeyRedaction()


def _is_v2(path: str) -> bool:
    return path.startswith("/v2/")


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


# API v2 errors name their kind in "code" ("type" is there for a few only), with
# names of their own: the v1 error types they stand for, for the error's class.
_V2_ERROR_TYPES: Final = {
    "idempotency_error": "idempotency_error",
    "rate_limit": "rate_limit_error",
}


def _v2_error_type(error: dict[str, Any]) -> str | None:
    """The v1 error type of an API v2 error (None: told by the HTTP status alone)."""
    for key in ("type", "code"):
        kind = _V2_ERROR_TYPES.get(_str(error.get(key)) or "")
        if kind is not None:
            return kind
    return None


def binary_body(content: bytes) -> bytes:
    """The cast of a download: the body's bytes, as received."""
    return content


def _is_upload(value: Any) -> bool:
    """A file to upload: bytes, a binary file object, or a (filename, content[, content type]) tuple."""
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def _without_tracebacks(exc: BaseException) -> BaseException:
    """``exc`` with the tracebacks of it and of its causes dropped.

    Their frames are httpx's and httpcore's, whose locals hold the request's
    headers, the API key included: a traceback printed with locals would show it.
    The exceptions themselves (type, message) are kept.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return exc


def _check_api_key(api_key: Any) -> None:
    """Refuse what cannot be a server-side key, saying what one looks like (never echoing the key)."""
    if not isinstance(api_key, str) or not _API_KEY_CHARS.fullmatch(api_key):
        raise ValueError(f"api_key must be a str of printable ASCII characters without whitespace: {_KEY_SHAPE}")
    if api_key.startswith("pk_"):
        raise ValueError(
            f"api_key is a publishable key (pk_...), which is for browsers and apps and cannot call the API "
            f"from a server: use {_KEY_SHAPE}"
        )
    if not _SERVER_KEY.fullmatch(api_key):
        raise ValueError(f"api_key does not look like a Stripe API key: use {_KEY_SHAPE}")


def _check_base_url(base_url: str) -> str:
    if not isinstance(base_url, str):
        raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise ValueError(
            f"refusing to send a secret API key over plain http to {parts.hostname}; use https "
            "(plain http is allowed only to localhost)"
        )
    return base_url.rstrip("/")


def _user_agent() -> str:
    return f"stripe_lite/{__version__} (Python {platform.python_version()}; httpx {httpx.__version__})"
