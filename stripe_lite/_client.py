"""StripeClient and AsyncStripeClient: thin shells that send and sleep.

Everything else (building requests, retry decisions, error mapping,
decoding) lives in :class:`~stripe_lite._base_client.BaseClient`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import TracebackType
from typing import Any, ParamSpec, TypeVar, overload

import httpx
from typing_extensions import Self

from ._base_client import (
    API_VERSION,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NO_OPTIONS,
    BaseClient,
    BodyReader,
    Outcome,
    RequestOptions,
    Step,
    Timeout,
    _Secret,
)
from ._generated.services._namespaces import AsyncServices, SyncServices
from ._pagination import (
    AsyncListPage,
    AsyncListPager,
    AsyncSearchPage,
    AsyncSearchPager,
    ListPage,
    SearchPage,
    _Page,
)
from ._response import APIResponse, Capture
from ._transport import AsyncConnections, SyncConnections, attempt_deadline, deadline_scope, end_deadline

__all__ = ["AsyncStripeClient", "StripeClient"]


def _fail_after(seconds: float) -> AbstractAsyncContextManager[Any]:
    """A deadline for one async attempt, loaded with the first async call rather than with the package.

    asyncio's own timeout (3.11+) costs less than half of anyio's per attempt; 3.10 has none.
    """
    if sys.version_info >= (3, 11):
        import asyncio

        return asyncio.timeout(seconds)
    return _anyio_fail_after(seconds)


@asynccontextmanager
async def _anyio_fail_after(seconds: float) -> AsyncIterator[None]:
    import anyio

    with anyio.fail_after(seconds):
        yield


_T = TypeVar("_T")
_P = ParamSpec("_P")
_PageT = TypeVar("_PageT", bound="_Page[Any]")
_NOT_GIVEN: Any = object()
_SHARED: Any = object()  # with_options: the copy takes its original's pool, set right after


def _identity(value: Any) -> Any:
    return value


def _caster(cast_to: Any) -> Callable[[Any], Any]:
    if cast_to is None:
        return _identity
    from ._models import StripeObject

    if isinstance(cast_to, type) and issubclass(cast_to, StripeObject):
        return cast_to.from_dict
    from ._converter import converter

    return lambda data: converter.structure(data, cast_to)


class _ClientShell(BaseClient):
    """What both shells add to the core: option copies and the escape hatch's arguments."""

    _connections: Any

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        stripe_version: str | None = API_VERSION,
        stripe_account: str | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Timeout = DEFAULT_TIMEOUT,
        http_client: Any = None,
    ) -> None:
        super().__init__(
            api_key,
            base_url=base_url,
            stripe_version=stripe_version,
            stripe_account=stripe_account,
            max_retries=max_retries,
            timeout=timeout,
        )
        # The original closes the pool; its with_options copies share it and do not.
        self._owns_pool = True

    def with_options(
        self,
        *,
        api_key: str = _NOT_GIVEN,
        base_url: str = _NOT_GIVEN,
        stripe_version: str | None = _NOT_GIVEN,
        stripe_account: str | None = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        timeout: Timeout = _NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some options changed, sharing its connection pool.

        Closing the copy does not close the pool; close the original when done.
        """
        options = self._options_dict()
        given = {
            "api_key": api_key,
            "base_url": base_url,
            "stripe_version": stripe_version,
            "stripe_account": stripe_account,
            "max_retries": max_retries,
            "timeout": timeout,
        }
        options.update({name: value for name, value in given.items() if value is not _NOT_GIVEN})
        clone = type(self)(**options, http_client=_SHARED)
        clone._connections = self._connections
        clone._owns_pool = False
        return clone


class StripeClient(_ClientShell, SyncServices):
    """A synchronous Stripe client.

    ``api_key`` falls back to the ``STRIPE_API_KEY`` environment variable.
    Pass ``http_client`` to use your own ``httpx.Client`` (proxies, custom CA
    certificates); you then close it yourself. Use the client as a context
    manager, or call :meth:`close`, to release its connections.
    """

    _connections: SyncConnections

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        stripe_version: str | None = API_VERSION,
        stripe_account: str | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> None:
        api_key = _Secret.wrap(api_key)  # masked in any traceback that shows this frame's locals
        if http_client is not None and http_client is not _SHARED and not isinstance(http_client, httpx.Client):
            raise TypeError("http_client must be an httpx.Client (use AsyncStripeClient for httpx.AsyncClient)")
        super().__init__(
            api_key,
            base_url=base_url,
            stripe_version=stripe_version,
            stripe_account=stripe_account,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
        )
        if http_client is not _SHARED:
            self._connections = SyncConnections(http_client, self._timeout)

    @property
    def _http(self) -> httpx.Client:
        return self._connections.http

    def close(self) -> None:
        """Close the connection pool, unless it was supplied by you or shared from another client.

        Calls made after this raise ConnectionPoolError.
        """
        if self._owns_pool:
            self._connections.close()

    def with_response(self, method: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
        """Call ``method(*args, **kwargs)`` and return its result with what the answer carried.

        ``method`` is a method of this client's services (``client.payment_intents.create``),
        ``client.request`` or a page's ``next_page``; the arguments are its own, type-checked::

            response = client.with_response(client.customers.create, email="jenny@example.com")
            customer = response.parse()  # a Customer, as the call returns it
            print(response.http_status, response.request_id, response.headers["idempotency-key"])

        For a list call, the answer is that of the first page.
        """
        with Capture() as capture:
            result = method(*args, **kwargs)
        return capture.response(method, result)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _send(self, request: httpx.Request) -> Outcome:
        """Send one attempt and read its answer, within its deadline and no more of it than the core's cap."""
        deadline, token = deadline_scope(request)
        try:
            response = self._connections.current().send(request, stream=True)
            try:
                body = BodyReader(response)
                for chunk in response.iter_raw() if body.to_read else ():
                    if not body.add(chunk):
                        break
                    if time.monotonic() > deadline:  # for pools whose reads the deadline cannot bound
                        raise httpx.ReadTimeout("the attempt took longer than its timeout", request=request)
            finally:
                response.close()
        except Exception as exc:  # the core tells the network's failures from the others
            return exc
        finally:
            end_deadline(token)
        return body.received(response)

    def _run(self, exchange: Generator[Step, Outcome | None, _T]) -> _T:
        step = next(exchange)
        while True:
            outcome: Outcome | None = None
            if isinstance(step, float):
                time.sleep(step)
            else:
                outcome = self._send(step)
            try:
                step = exchange.send(outcome)
            except StopIteration as done:
                result: _T = done.value
                return result

    def _call(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        cast: Callable[[Any], _T],
        options: RequestOptions = NO_OPTIONS,
        extra_params: Mapping[str, Any] | None = None,
        *,
        files: bool = False,
    ) -> _T:
        prepared = self._prepare(method, path, params, options, extra_params, files=files)
        return self._run(self._exchange(prepared, cast))

    def _get_page(
        self,
        page_cls: type[_PageT],
        path: str,
        params: dict[str, Any],
        options: RequestOptions,
        decode: Callable[[Any], Any],
    ) -> _PageT:
        def cast(raw: Any) -> _PageT:
            return page_cls(self, path, params, options, decode, raw)

        return self._call("get", path, params, cast, options)

    @overload
    def _paginate(
        self, kind: type[ListPage[Any]], path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> ListPage[_T]: ...
    @overload
    def _paginate(
        self, kind: type[SearchPage[Any]], path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> SearchPage[_T]: ...
    def _paginate(
        self, kind: Any, path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> Any:
        """The first page of a list or search call (``kind``: ListPage or SearchPage)."""
        if extra_params:
            params = {**params, **extra_params}
        return self._get_page(kind, path, params, options, decode)

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: None = None,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> Any: ...
    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: type[_T],
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> _T: ...
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: Any = None,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> Any:
        """Call any endpoint, for those this version does not model yet.

        Returns the decoded JSON, or ``cast_to`` built from it (a model class,
        or any type the ``stripe_lite.models.converter`` cattrs converter knows).
        """
        options = RequestOptions(idempotency_key, stripe_account, stripe_version, timeout, max_retries)
        return self._call(method, _check_raw_path(path), params, _caster(cast_to), options)


class AsyncStripeClient(_ClientShell, AsyncServices):
    """An asynchronous Stripe client for asyncio.

    ``api_key`` falls back to the ``STRIPE_API_KEY`` environment variable.
    Pass ``http_client`` to use your own ``httpx.AsyncClient``; you then close
    it yourself. Use ``async with``, or ``await client.close()``, to release
    its connections.
    """

    _connections: AsyncConnections

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        stripe_version: str | None = API_VERSION,
        stripe_account: str | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        api_key = _Secret.wrap(api_key)  # masked in any traceback that shows this frame's locals
        if http_client is not None and http_client is not _SHARED and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient (use StripeClient for httpx.Client)")
        super().__init__(
            api_key,
            base_url=base_url,
            stripe_version=stripe_version,
            stripe_account=stripe_account,
            max_retries=max_retries,
            timeout=timeout,
            http_client=http_client,
        )
        if http_client is not _SHARED:
            self._connections = AsyncConnections(http_client, self._timeout)

    @property
    def _http(self) -> httpx.AsyncClient:
        return self._connections.http

    async def close(self) -> None:
        """Close the connection pool, unless it was supplied by you or shared from another client.

        Calls made after this raise ConnectionPoolError. Await it on the event loop the client
        was last used on (``async with`` does that for you).
        """
        if self._owns_pool:
            await self._connections.aclose()

    async def aclose(self) -> None:
        """The same as :meth:`close` (the name httpx and asyncio libraries use)."""
        await self.close()

    async def with_response(
        self, method: Callable[_P, Awaitable[_T]], /, *args: _P.args, **kwargs: _P.kwargs
    ) -> APIResponse[_T]:
        """Await ``method(*args, **kwargs)`` and return its result with what the answer carried.

        ``method`` is a method of this client's services (``client.payment_intents.create``),
        ``client.request`` or a page's ``next_page``; the arguments are its own, type-checked::

            response = await client.with_response(client.customers.list, limit=3)
            page = response.parse()  # the first AsyncListPage[Customer]
            print(response.http_status, response.request_id)

        For a list call, the answer is that of the first page.
        """
        with Capture() as capture:
            result = await method(*args, **kwargs)
        return capture.response(method, result)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def _send(self, request: httpx.Request) -> Outcome:
        """Send one attempt and read its answer, within its deadline and no more of it than the core's cap."""
        try:
            http = await self._connections.current()
            async with _fail_after(attempt_deadline(request)):
                response = await http.send(request, stream=True)
                try:
                    body = BodyReader(response)
                    if body.to_read:
                        async for chunk in response.aiter_raw():
                            if not body.add(chunk):
                                break
                finally:
                    await response.aclose()
        except TimeoutError:
            return httpx.ReadTimeout("the attempt took longer than its timeout", request=request)
        except Exception as exc:  # the core tells the network's failures from the others
            return exc
        return body.received(response)

    async def _run(self, exchange: Generator[Step, Outcome | None, _T]) -> _T:
        step = next(exchange)
        while True:
            outcome: Outcome | None = None
            if isinstance(step, float):
                import asyncio  # loaded by the first async retry, not by the package

                await asyncio.sleep(step)
            else:
                outcome = await self._send(step)
            try:
                step = exchange.send(outcome)
            except StopIteration as done:
                result: _T = done.value
                return result

    async def _call(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        cast: Callable[[Any], _T],
        options: RequestOptions = NO_OPTIONS,
        extra_params: Mapping[str, Any] | None = None,
        *,
        files: bool = False,
    ) -> _T:
        prepared = self._prepare(method, path, params, options, extra_params, files=files)
        return await self._run(self._exchange(prepared, cast))

    async def _get_page(
        self,
        page_cls: type[_PageT],
        path: str,
        params: dict[str, Any],
        options: RequestOptions,
        decode: Callable[[Any], Any],
    ) -> _PageT:
        def cast(raw: Any) -> _PageT:
            return page_cls(self, path, params, options, decode, raw)

        return await self._call("get", path, params, cast, options)

    @overload
    def _paginate(
        self, kind: type[AsyncListPage[Any]], path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> AsyncListPager[_T]: ...
    @overload
    def _paginate(
        self, kind: type[AsyncSearchPage[Any]], path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> AsyncSearchPager[_T]: ...
    def _paginate(
        self, kind: Any, path: str, params: dict[str, Any], decode: Callable[[Any], _T],
        options: RequestOptions, extra_params: Mapping[str, Any] | None,
    ) -> Any:
        """A pager for a list or search call: await it for the first page, or iterate it."""
        if extra_params:
            params = {**params, **extra_params}
        pager = AsyncSearchPager if kind is AsyncSearchPage else AsyncListPager
        return pager(lambda: self._get_page(kind, path, params, options, decode))

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: None = None,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> Any: ...
    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: type[_T],
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> _T: ...
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        cast_to: Any = None,
        idempotency_key: str | None = None,
        stripe_account: str | None = None,
        stripe_version: str | None = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
    ) -> Any:
        """Call any endpoint, for those this version does not model yet.

        Returns the decoded JSON, or ``cast_to`` built from it (a model class,
        or any type the ``stripe_lite.models.converter`` cattrs converter knows).
        """
        options = RequestOptions(idempotency_key, stripe_account, stripe_version, timeout, max_retries)
        return await self._call(method, _check_raw_path(path), params, _caster(cast_to), options)


def _check_raw_path(path: str) -> str:
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError(f"path must start with '/', like '/v1/customers', got {path!r}")
    return path
