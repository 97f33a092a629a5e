"""FakeStripe: the public face of the fake (re-exported by :mod:`stripe_lite.testing`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _flows  # noqa: F401 - registers the flows' handlers
from ._core import Account, Call, Core, FailureRule
from ._errors import Failure
from ._events import Delivery, WebhookEndpoint, WebhookTarget
from ._transport import AsyncFakeTransport, FakeTransport

if TYPE_CHECKING:
    from .._client import AsyncStripeClient, StripeClient

__all__ = ["API_KEY", "FakeStripe"]

API_KEY = "sk_test_FakeStripe0000000000000000"
"""The key :meth:`FakeStripe.client` gives its clients; the fake takes any ``sk_test_``/``rk_test_`` key."""


class FakeStripe:
    """A fake Stripe API inside this process: every ``/v1/`` endpoint, Stripe's validation, real state.

    ``api_version`` is the version the fake's events say they were rendered
    with (default: the version the package follows, ``stripe_lite.API_VERSION``).
    A fake starts empty; :meth:`reset` empties it again.
    """

    def __init__(self, *, api_version: str | None = None) -> None:
        self._core = Core(api_version)

    @property
    def api_version(self) -> str:
        """The Stripe API version of the fake's objects and events."""
        return self._core.api_version

    @property
    def api_key(self) -> str:
        """A secret key the fake accepts (it takes any ``sk_test_...`` or ``rk_test_...`` key)."""
        return API_KEY

    # -- clients and transports ---------------------------------------------------------

    def client(self, **options: Any) -> StripeClient:
        """A :class:`~stripe_lite.StripeClient` wired to this fake; ``options`` as the client takes them."""
        from .._client import StripeClient

        if "http_client" in options:
            raise TypeError("the fake supplies the http_client; use fake.transport() to build your own httpx.Client")
        options.setdefault("api_key", API_KEY)
        return StripeClient(http_client=_without_cookies(httpx.Client(transport=self.transport())), **options)

    def async_client(self, **options: Any) -> AsyncStripeClient:
        """An :class:`~stripe_lite.AsyncStripeClient` wired to this fake; ``options`` as the client takes them."""
        from .._client import AsyncStripeClient

        if "http_client" in options:
            raise TypeError("the fake supplies the http_client; use fake.async_transport() to build your own")
        options.setdefault("api_key", API_KEY)
        http = _without_cookies(httpx.AsyncClient(transport=self.async_transport()))
        return AsyncStripeClient(http_client=http, **options)

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport answering from this fake: ``httpx.Client(transport=fake.transport())``."""
        return FakeTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An httpx transport answering from this fake: ``httpx.AsyncClient(transport=fake.async_transport())``."""
        return AsyncFakeTransport(self)

    @contextlib.contextmanager
    def serve(self) -> Iterator[str]:
        """Serve this fake on 127.0.0.1, on a free port, for the ``with`` block; yields its base URL."""
        from ._server import serve

        with serve(self) as base_url:
            yield base_url

    # -- state ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every object, event, idempotency key and pending injected failure (endpoints stay)."""
        self._core.reset()

    def add(self, object_name: str, fields: Mapping[str, Any] | None = None, *, stripe_account: str | None = None) -> Any:
        """Store an object only Stripe makes (a dispute, an early fraud warning, a country spec ...), as a dict.

        ``object_name`` is the object's ``object`` value (``"dispute"``,
        ``"radar.early_fraud_warning"``); ``fields`` set its fields where they
        fit the object's schema (an ``id`` included). Records its ``.created``
        event, as Stripe would.
        """
        core = self._core
        schema = core.spec.schema_of(object_name)
        if schema is None:
            raise ValueError(f"no Stripe object is called {object_name!r}")
        with core.lock:
            call = self._call(stripe_account)
            obj = call.new(schema)
            given = dict(fields or {})
            object_id = given.pop("id", None)
            call.merge(obj, schema, given)
            if object_id is not None:
                obj["id"] = object_id
            call.store(obj, schema)
            events = call.events
            stored = obj
        self._deliver(events)
        return _frozen_copy(stored)

    def complete(self, object_id: str, *, success: bool = True, stripe_account: str | None = None) -> Any:
        """Finish what a customer or a bank would: returns the object (a dict) afterwards.

        - a PaymentIntent or SetupIntent in ``requires_action``: the customer
          completes (``success=False``: fails) the authentication (3D Secure);
        - a PaymentIntent in ``processing``: the payment settles (or fails);
        - a Payout ``pending`` or ``in_transit``: it is paid (or fails).
        """
        from ._flows import complete

        with self._core.lock:
            call = self._call(stripe_account)
            try:
                obj = complete(call, object_id, success)
            except Failure as failure:
                raise ValueError(failure.error.get("message")) from None
            events = call.events
            result = _frozen_copy(obj)
        self._deliver(events)
        return result

    def _call(self, stripe_account: str | None) -> Call:
        core = self._core
        account: Account = core.account(stripe_account)
        op = core.spec.by_key["GET /v1/events"]
        return Call(core, account, op, {}, {}, "", None, "")

    # -- failures -----------------------------------------------------------------------

    def fail_next(
        self,
        count: int = 1,
        *,
        status: int = 500,
        error: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        drop_connection: bool = False,
        method: str | None = None,
        path: str | None = None,
        after_applying: bool = False,
    ) -> None:
        """Make the next ``count`` requests (those matching ``method`` and ``path``, a glob) fail.

        They answer ``status`` with Stripe's error body for it (or ``error``,
        the object under ``"error"``) and ``headers``; or, with
        ``drop_connection``, the connection closes with no answer. By default
        the request is not applied; ``after_applying=True`` applies it first
        (as when an answer is lost on its way back: a retry with the same
        idempotency key then gets the first result).
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        with self._core.lock:
            self._core.failures.append(
                FailureRule(count, status, error, headers, drop_connection, method, path, after_applying)
            )

    # -- events ---------------------------------------------------------------------------

    def add_webhook_endpoint(
        self, target: WebhookTarget, *, secret: str | None = None, events: Sequence[str] = ("*",)
    ) -> WebhookEndpoint:
        """Deliver the fake's events (those matching ``events``: types or globs) to ``target``, signed.

        ``target`` is a callable taking ``(payload: bytes, headers: dict)``
        (return an int to give an HTTP status) or an ``http://127.0.0.1:PORT/...``
        URL. Each event is delivered when the request that made it has been
        answered, before the client gets the answer. The endpoint's ``secret``
        (``whsec_...``, made up unless given) signs them; its ``deliveries``
        say how each went.
        """
        endpoint = WebhookEndpoint(target, secret, events)
        with self._core.lock:
            self._core.endpoints.append(endpoint)
        return endpoint

    def remove_webhook_endpoint(self, endpoint: WebhookEndpoint) -> None:
        """Stop delivering to ``endpoint``."""
        with self._core.lock:
            self._core.endpoints.remove(endpoint)

    def _deliver(self, events: list[dict[str, Any]]) -> list[Delivery]:
        done: list[Delivery] = []
        if not events or not self._core.endpoints:
            return done
        now = self._core.now()
        for event in events:
            for endpoint in list(self._core.endpoints):
                if endpoint.wants(event["type"]):
                    done.append(endpoint.deliver(event, now))
        return done

    def _has_url_endpoints(self) -> bool:
        return any(isinstance(endpoint.target, str) for endpoint in self._core.endpoints)

    def __repr__(self) -> str:
        return f"FakeStripe(api_version={self.api_version!r})"


class _NoCookies(httpx.Cookies):
    """A cookie jar that keeps nothing: the fake sets no cookies, and reading them costs a third of a round trip."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


_Http = TypeVar("_Http", httpx.Client, httpx.AsyncClient)


def _without_cookies(http: _Http) -> _Http:
    if isinstance(getattr(http, "_cookies", None), httpx.Cookies):
        http._cookies = _NoCookies()
    return http


def _frozen_copy(obj: Any) -> Any:
    import marshal

    return marshal.loads(marshal.dumps(obj))
