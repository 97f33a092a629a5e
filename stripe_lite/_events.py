"""What the generated event classes call: decoding an event as the class its type names, and
fetching what a thin event (API v2) notifies of.

The classes themselves are generated (``stripe_lite/_generated/models/events.py`` and
``event_notifications.py``); only their machinery is written here, once for all of them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Awaitable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload
from urllib.parse import urlsplit

from ._base_client import RequestOptions
from ._encoding import encode_path_id
from ._models import Decoder, _keyed, bad, construct, expect, intern, model_for, new, pick
from .errors import InvalidResponseError

if TYPE_CHECKING:
    from ._client import AsyncStripeClient, StripeClient
    from ._generated.models import V2CoreEvent

__all__ = ["FetchMethods", "by_type", "erased", "event_data", "object_decoder"]

_R = TypeVar("_R", covariant=True)

# -- decoding ----------------------------------------------------------------------------------

_OBJECT_DECODERS: dict[tuple[str, ...] | None, Decoder] = {}
_LOCK = threading.Lock()


def _any_object(value: Any) -> Any:
    """An object of any kind, decoded by its ``object`` name; anything else kept as sent."""
    return construct(value) if type(value) is dict else value


def object_decoder(names: tuple[str, ...] | None) -> Decoder:
    """The decoder of an object that is one of ``names`` (``object`` names); any object for none.

    A single kind is decoded as that model whatever the payload's ``object``
    says, so that what a type checker was told is what the value is; of
    several, the one the payload names (else the one that declares most of its
    keys). Nothing is lost either way: undeclared keys go to ``extra_fields``.
    """
    found = _OBJECT_DECODERS.get(names)
    if found is not None:
        return found
    if not names:
        found = _any_object
    else:
        classes = {name: model_for(name) for name in names}
        missing = [name for name, cls in classes.items() if cls is None]
        if missing:
            raise LookupError(f"no model for object {missing}")
        decoders = {name: cls._decode for name, cls in classes.items() if cls is not None}
        if len(decoders) == 1:
            (found,) = decoders.values()
        else:
            choices = tuple(cls.__name__ for cls in classes.values() if cls is not None)

            def found(value: Any) -> Any:
                if type(value) is dict:
                    decode = decoders.get(value.get("object"))  # type: ignore[arg-type]
                    if decode is not None:
                        return decode(value)
                return pick(value, choices)

    with _LOCK:
        _OBJECT_DECODERS[names] = found
    return found


def event_data(cls: type[Any]) -> Decoder:
    """The decoder of an event's ``data`` (the class ``cls``): ``data.object`` as ``names`` say.

    The decoder takes the names as a second argument; without it (when ``data``
    is decoded on its own) the object is decoded by its ``object`` name.
    """

    def decode(value: Any, names: tuple[str, ...] | None = None) -> Any:
        if type(value) is not dict:
            if value is None:
                return None
            raise bad(cls.__name__, value)
        table = _table(cls)
        data = new(cls)
        extra: dict[str, Any] | None = None
        for key, item in value.items():
            attr, convert = table.get(key, _UNDECLARED)
            if attr is None:  # undeclared, or declared without a slot: kept with the unknown fields
                if extra is None:
                    extra = {}
                extra[key] = item
                continue
            if key == "object":
                item = object_decoder(names)(item)
            elif convert is not None:
                item = convert(item)
            setattr(data, attr, item)
        if extra is not None:
            data._extra = extra
        return data

    return decode


def by_type(
    base: type[Any], types: Mapping[str, tuple[type[Any], tuple[str, ...]]], unknown: type[Any], data: Any = None
) -> Decoder:
    """The decoder of an event (or notification): an instance of the class its ``type`` names.

    ``types``: type -> (class, the object names of what it holds); a type not
    there (or no type) gives ``unknown``. ``data`` decodes an event's ``data``
    (see :func:`event_data`); every other key is decoded as ``base`` declares it,
    and keys it does not declare are kept in ``extra_fields``.
    """

    base._types = types  # what a notification's fetch_related_object reads the object's kind from

    def decode(value: Any) -> Any:
        if type(value) is not dict:
            if value is None:
                return None
            raise bad(base.__name__, value)
        kind = value.get("type")
        entry = types.get(kind) if type(kind) is str else None
        cls, names = entry if entry is not None else (unknown, None)
        table = _table(base)
        event = new(cls)
        extra: dict[str, Any] | None = None
        for key, item in value.items():
            attr, convert = table.get(key, _UNDECLARED)
            if attr is None:
                if extra is None:
                    extra = {}
                extra[key] = item
                continue
            if key == "type":
                item = intern(item) if type(item) is str else item
            elif key == "data" and data is not None:
                item = data(item, names)
            elif convert is not None:
                item = convert(item)
            setattr(event, attr, item)
        if extra is not None:
            event._extra = extra
        return event

    return decode


_TABLES: dict[type, dict[str, tuple[str | None, Decoder | None]]] = {}
_UNDECLARED: tuple[None, None] = (None, None)


def _table(cls: type) -> dict[str, tuple[str | None, Decoder | None]]:
    """JSON key -> (attribute, converter) of the fields ``cls`` declares, read once from its annotations.

    Its ``type`` and the object of its ``data`` are type parameters, which the
    callers above decode themselves.
    """
    table = _TABLES.get(cls)
    if table is None:
        table = _keyed(cls)
        with _LOCK:
            _TABLES[cls] = table
    return table


class erased:
    """A generic base as generated classes subscript it at run time: ``erased(Base)[...]`` is ``Base``.

    Each event class binds its base's type parameters (its type's literal, its
    object's model) for type checkers only; evaluating some 280 such bindings when
    the first event is parsed would cost it 6 ms, for nothing the code reads.
    """

    __slots__ = ("cls",)

    def __init__(self, cls: type[Any]) -> None:
        self.cls = cls

    def __getitem__(self, arguments: object) -> type[Any]:
        return self.cls


# -- what a thin event notifies of -----------------------------------------------------------

_PATH = re.compile(r"/v[12]/[A-Za-z0-9_.%/-]+")
_QUERY = re.compile(r"[A-Za-z0-9_.%\[\]=&-]*")


def _related_path(url: object) -> str:
    """The related object's ``url``, checked to be a path of Stripe's API and nothing else.

    It is appended to the client's base URL: a value with a host, ``@`` or
    ``..`` in it could send the API key elsewhere, so only a plain path passes.
    """
    if isinstance(url, str):
        parts = urlsplit(url)
        segments = parts.path.split("/")[1:]
        if (
            not parts.scheme
            and not parts.netloc
            and not parts.fragment
            and _PATH.fullmatch(parts.path)
            and _QUERY.fullmatch(parts.query)
            and all(segment not in ("", ".", "..") for segment in segments)
        ):
            return url
    raise InvalidResponseError(f"the notification's related_object.url is not a path of Stripe's API: {url!r}")


async def _nothing() -> None:
    return None


def _decode_v2_event(data: Any) -> Any:
    cls = model_for("v2.core.event")
    assert cls is not None
    return cls._decode(data)


_FETCHED_EVENT: Decoder = expect(_decode_v2_event, ("v2.core.event",), with_id=True)


class FetchMethods(Generic[_R]):
    """What an event notification fetches: the event, and the object it is about.

    Each method takes the client to call with: a :class:`~stripe_lite.StripeClient`
    gives the answer, an :class:`~stripe_lite.AsyncStripeClient` an awaitable of
    it. The requests carry the notification's ``context`` (the account it
    happened in) as the ``Stripe-Context`` header.
    """

    __slots__ = ()

    @overload
    def fetch_event(self, client: StripeClient) -> V2CoreEvent: ...
    @overload
    def fetch_event(self, client: AsyncStripeClient) -> Awaitable[V2CoreEvent]: ...
    def fetch_event(self, client: StripeClient | AsyncStripeClient) -> V2CoreEvent | Awaitable[V2CoreEvent]:
        """The event itself, with its data: ``GET /v2/core/events/{id}``."""
        note: Any = self
        event_id = getattr(note, "id", None)
        if not isinstance(event_id, str):
            raise InvalidResponseError(f"the notification has no event id to fetch: {event_id!r}")
        path = f"/v2/core/events/{encode_path_id(event_id, 'id')}"
        result: Any = client._call("get", path, None, _FETCHED_EVENT, _options(note))
        return result  # type: ignore[no-any-return]

    @overload
    def fetch_related_object(self, client: StripeClient) -> _R: ...
    @overload
    def fetch_related_object(self, client: AsyncStripeClient) -> Awaitable[_R]: ...
    def fetch_related_object(self, client: StripeClient | AsyncStripeClient) -> _R | Awaitable[_R]:
        """The object the notification is about, as it is now: a GET of ``related_object.url``.

        None, without a request, for a notification about no object.
        """
        note: Any = self
        related = getattr(note, "related_object", None)
        kind = getattr(note, "type", None)
        entry = type(note)._types.get(kind) if isinstance(kind, str) else None
        names = entry[1] if entry is not None else None
        if related is None or names == ():
            from ._client import AsyncStripeClient

            return _nothing() if isinstance(client, AsyncStripeClient) else None  # type: ignore[return-value]
        path = _related_path(getattr(related, "url", None))
        result: Any = client._call("get", path, None, _checked(object_decoder(names)), _options(note))
        return result  # type: ignore[no-any-return]


def _checked(decode: Decoder) -> Decoder:
    def checked(data: Any) -> Any:
        if type(data) is not dict:
            raise InvalidResponseError(f"expected a JSON object, got {type(data).__name__}")
        return decode(data)

    return checked


def _options(note: Any) -> RequestOptions:
    context = getattr(note, "context", None)
    return RequestOptions(stripe_context=context if isinstance(context, str) and context else None)

