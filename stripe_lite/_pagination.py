"""Pages of list and search results, and iteration across them.

A page holds one answer (``data``, ``has_more``, ``url``); iterating a page
walks every item of it and of the pages after it, fetching them as needed with
the same filters, expansions and options as the first call.

A walk never loops: a page whose cursor was already followed (a server that
repeats a page, or cycles between pages), or a page that says ``has_more``
but gives nothing to continue from, ends it with InvalidResponseError, before
any item is yielded twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from typing_extensions import Self

from .errors import InvalidResponseError

if TYPE_CHECKING:
    from ._base_client import RequestOptions
    from ._client import AsyncStripeClient, StripeClient

__all__ = [
    "AsyncListPage",
    "AsyncListPager",
    "AsyncSearchPage",
    "AsyncSearchPager",
    "ListPage",
    "SearchPage",
]

_T = TypeVar("_T")
_PageT = TypeVar("_PageT", bound="_AsyncPage[Any]")


class _Page(Generic[_T]):
    """What every page knows, with no I/O: its items and how to ask for the next."""

    __slots__ = ("_client", "_decode", "_options", "_params", "_path", "_rest", "data", "has_more", "url")

    data: list[_T]
    """The items of this page only."""
    has_more: bool
    """Whether Stripe has more items after this page."""
    url: str | None

    def __init__(
        self,
        client: Any,
        path: str,
        params: dict[str, Any],
        options: RequestOptions,
        decode: Callable[[Any], _T],
        raw: Any,
    ) -> None:
        if type(raw) is not dict or type(raw.get("data")) is not list:
            raise InvalidResponseError("a list response must be a JSON object with a 'data' array")
        self._client = client
        self._path = path
        self._params = params
        self._options = options
        self._decode = decode
        self.data = [decode(item) for item in raw["data"]]
        self.has_more = raw.get("has_more") is True
        self.url = raw.get("url")
        self._rest = {key: value for key, value in raw.items() if key != "data"}

    def to_dict(self) -> dict[str, Any]:
        """The page as Stripe sent it."""
        from ._models import StripeObject

        data = [item.to_dict() if isinstance(item, StripeObject) else item for item in self.data]
        return {**self._rest, "data": data}

    def __repr__(self) -> str:
        # Safe on a half-made page too (a traceback with locals shows one whose __init__ raised).
        data = getattr(self, "data", None)
        items = "?" if data is None else len(data)
        return (
            f"{type(self).__name__}(data=<{items} items>, has_more={getattr(self, 'has_more', None)}, "
            f"url={getattr(self, 'url', None)!r})"
        )

    @property
    def _backwards(self) -> bool:
        return self._params.get("ending_before") is not None

    def _items_in_walk_order(self) -> list[_T]:
        return self.data[::-1] if self._backwards else self.data

    _CURSORS: ClassVar[tuple[str, ...]] = ("starting_after", "ending_before")

    def _continuation(self) -> tuple[str, str]:
        """The parameter and cursor that ask for the next page (``has_more`` is true)."""
        if not self.data:
            raise InvalidResponseError("the list says has_more but the page has no data to continue from")
        if self._backwards:
            return "ending_before", _item_id(self.data[0])
        return "starting_after", _item_id(self.data[-1])

    def _followed(self) -> set[str]:
        """The cursors a walk starting at this page has followed: the one that asked for it."""
        return {value for name in self._CURSORS if isinstance(value := self._params.get(name), str)}

    def _next_params(self, followed: set[str]) -> dict[str, Any] | None:
        """The parameters of the next page, or None after the last; raises if the walk would loop."""
        if not self.has_more:
            return None
        try:
            name, cursor = self._continuation()
            if cursor in followed:
                raise InvalidResponseError(
                    f"the list repeated itself: a page continues from {cursor!r} again; "
                    "stopped instead of walking the same items again"
                )
        except InvalidResponseError as exc:
            exc.method, exc.path = "GET", self._path  # the list whose pages went wrong
            raise
        followed.add(cursor)
        return {**self._params, name: cursor}


def _item_id(item: Any) -> str:
    item_id = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
    if not isinstance(item_id, str):
        raise InvalidResponseError("a list item has no 'id' to continue the list from")
    return item_id


class _SearchMixin:
    __slots__ = ()
    _rest: dict[str, Any]
    _params: dict[str, Any]
    has_more: bool
    data: list[Any]

    @property
    def next_page(self) -> str | None:
        """Stripe's cursor for the next page of results, if any."""
        value = self._rest.get("next_page")
        return value if isinstance(value, str) else None

    @property
    def total_count(self) -> int | None:
        """The number of matching objects, when Stripe sent it."""
        value = self._rest.get("total_count")
        return value if isinstance(value, int) else None

    _CURSORS: ClassVar[tuple[str, ...]] = ("page",)

    def _continuation(self) -> tuple[str, str]:
        cursor = self.next_page
        if cursor is None:
            raise InvalidResponseError("the search says has_more but gives no next_page to continue from")
        return "page", cursor

    def _items_in_walk_order(self) -> list[Any]:
        return self.data  # search results only ever walk forwards


# -- sync ---------------------------------------------------------------------


class _SyncPage(_Page[_T]):
    __slots__ = ()
    _client: StripeClient

    def _fetch_next(self) -> Self | None:
        params = self._next_params(self._followed())
        return None if params is None else self._get(params)

    def __iter__(self) -> Iterator[_T]:
        """Every item of this page and of all the pages after it."""
        followed = self._followed()
        page: _SyncPage[_T] | None = self
        while page is not None:
            params = page._next_params(followed)  # before yielding: a repeated page yields nothing twice
            yield from page._items_in_walk_order()
            page = None if params is None else page._get(params)

    def _get(self, params: dict[str, Any]) -> Self:
        return self._client._get_page(type(self), self._path, params, self._options, self._decode)


class ListPage(_SyncPage[_T]):
    """One page of a list. Iterate it to walk every item across pages."""

    __slots__ = ()

    def next_page(self) -> ListPage[_T] | None:
        """Fetch the page after this one (before it, for an ``ending_before`` walk), or None."""
        return self._fetch_next()


class SearchPage(_SearchMixin, _SyncPage[_T]):
    """One page of search results. Iterate it to walk every result across pages."""

    __slots__ = ()

    def fetch_next_page(self) -> SearchPage[_T] | None:
        """Fetch the next page of results, or None after the last."""
        return self._fetch_next()


# -- async --------------------------------------------------------------------


class _AsyncPage(_Page[_T]):
    __slots__ = ()
    _client: AsyncStripeClient

    async def _fetch_next(self) -> Self | None:
        params = self._next_params(self._followed())
        return None if params is None else await self._get(params)

    async def __aiter__(self) -> AsyncIterator[_T]:
        """Every item of this page and of all the pages after it."""
        followed = self._followed()
        page: _AsyncPage[_T] | None = self
        while page is not None:
            params = page._next_params(followed)  # before yielding: a repeated page yields nothing twice
            for item in page._items_in_walk_order():
                yield item
            page = None if params is None else await page._get(params)

    async def _get(self, params: dict[str, Any]) -> Self:
        return await self._client._get_page(type(self), self._path, params, self._options, self._decode)


class AsyncListPage(_AsyncPage[_T]):
    """One page of a list. ``async for`` over it walks every item across pages."""

    __slots__ = ()

    async def next_page(self) -> AsyncListPage[_T] | None:
        """Fetch the page after this one (before it, for an ``ending_before`` walk), or None."""
        return await self._fetch_next()


class AsyncSearchPage(_SearchMixin, _AsyncPage[_T]):
    """One page of search results. ``async for`` over it walks every result across pages."""

    __slots__ = ()

    async def fetch_next_page(self) -> AsyncSearchPage[_T] | None:
        """Fetch the next page of results, or None after the last."""
        return await self._fetch_next()


class _AsyncPager(Generic[_PageT, _T]):
    """What an async list call returns: await it for the first page, or
    ``async for`` over it to walk every item."""

    __slots__ = ("_fetch",)

    def __init__(self, fetch: Callable[[], Awaitable[_PageT]]) -> None:
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, _PageT]:
        return self._fetch().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self._fetch()
        async for item in page:
            yield item


class AsyncListPager(_AsyncPager[AsyncListPage[_T], _T]):
    """Await for the first :class:`AsyncListPage`; ``async for`` walks every item."""

    __slots__ = ()


class AsyncSearchPager(_AsyncPager[AsyncSearchPage[_T], _T]):
    """Await for the first :class:`AsyncSearchPage`; ``async for`` walks every result."""

    __slots__ = ()
