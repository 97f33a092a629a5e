"""The fake's I/O-free core: a request in, an answer out.

:meth:`Core.handle` takes what arrived (method, path, query, headers, body)
and gives back an :class:`Answer`; the httpx transports and the loopback
server only carry bytes to and from it. State is kept per account
(:class:`Account`: the ``Stripe-Account`` header, or the platform), under one
lock, so one fake can be shared by threads, event loops and the server.

A request goes: injected failures, the API key, the route, the parameters
(parsed, then checked against the description), idempotency, then the
operation: the flow written for it (``_flows``), else the generic handler of
its kind (create, retrieve, update, delete, list, search, action, ...).
"""

from __future__ import annotations

import base64
import fnmatch
import json
import marshal
import threading
import time
from collections.abc import Callable, Mapping
from email.parser import BytesParser
from typing import Any
from urllib.parse import unquote

from ._errors import Failure, invalid, not_found
from ._forms import add_pair, parse_form, validate
from ._ids import new_id, prefix_for
from ._objects import check_expand, expand, merge
from ._search import compile_query
from ._spec import Operation, Spec, spec

__all__ = ["Account", "Answer", "Call", "Core", "FailureRule"]

try:  # the "fast" extra; the answers are the same JSON either way
    import orjson

    def _dumps(value: Any) -> bytes:
        dumped: bytes = orjson.dumps(value)  # typed even where orjson (optional) is not installed
        return dumped

except ImportError:  # pragma: no cover - depends on the environment

    def _dumps(value: Any) -> bytes:
        return json.dumps(value, separators=(",", ":")).encode()


def _copy(value: Any) -> Any:
    return marshal.loads(marshal.dumps(value))


Handler = Callable[["Call"], Any]
FLOWS: dict[str, Handler] = {}
"""Handlers written for particular operations ("POST /v1/payment_intents/{intent}/confirm"), from ``_flows``."""

_LIST_PARAMS = frozenset({"limit", "starting_after", "ending_before", "expand", "page", "query"})
_ACTION_STATES = {
    "cancel": "canceled",
    "void": "void",
    "finalize": "open",
    "pay": "paid",
    "mark_uncollectible": "uncollectible",
    "expire": "expired",
    "archive": "archived",
    "unarchive": "active",
    "activate": "active",
    "deactivate": "inactive",
    "reactivate": "active",
    "accept": "accepted",
    "approve": "approved",
    "decline": "declined",
    "close": "lost",
    "reject": "rejected",
    "submit": "submitted",
    "disconnect": "disconnected",
    "delete": "canceled",
    "reverse": "canceled",
    "validate": "active",
}
"""What a generic action does to an object's status (when its schema allows that status)."""


_EVENT_PREFIXES = {"dispute": "charge.dispute", "fee_refund": "application_fee.refund"}
"""Objects whose events are named after another object's (``charge.dispute.created``)."""


class Answer:
    """What the core answers: a status, headers and a body; or ``drop``: close the connection, answer nothing."""

    __slots__ = ("body", "drop", "events", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes, *, drop: bool = False) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.drop = drop
        self.events: list[dict[str, Any]] = []  # recorded by this request, to deliver once the lock is released


class Account:
    """Everything one account holds: objects by id, in the order they were made, and their relations."""

    def __init__(self, account_id: str | None) -> None:
        self.id = account_id
        self.objects: dict[str, dict[str, Any]] = {}
        self.schemas: dict[str, str] = {}
        self.by_schema: dict[str, dict[str, int]] = {}  # schema -> ids, oldest first, with their sequence
        self.parents: dict[str, str] = {}  # an object made under another's path -> that other's id
        self.deleted: dict[str, dict[str, Any]] = {}
        self.singletons: dict[str, dict[str, Any]] = {}
        self.included: dict[tuple[str, str], list[str]] = {}  # (owner, field) -> the items only sent expanded
        self.private: dict[str, dict[str, Any]] = {}  # what the fake knows of an object that Stripe does not show
        self.idempotency: dict[str, tuple[str, int, list[tuple[str, str]], bytes]] = {}
        self.sequence = 0

    def add(self, obj: dict[str, Any], schema: str, parent: str | None = None) -> dict[str, Any]:
        object_id = obj["id"]
        self.sequence += 1
        self.objects[object_id] = obj
        self.schemas[object_id] = schema
        self.by_schema.setdefault(schema, {})[object_id] = self.sequence
        if parent is not None:
            self.parents[object_id] = parent
        return obj

    def remove(self, object_id: str, tombstone: dict[str, Any] | None) -> None:
        schema = self.schemas.pop(object_id)
        self.objects.pop(object_id)
        self.by_schema[schema].pop(object_id, None)
        if tombstone is not None:
            self.deleted[object_id] = tombstone


class FailureRule:
    """Injected: the next ``count`` requests matching ``method`` and ``path`` fail as told."""

    def __init__(
        self,
        count: int,
        status: int,
        error: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        drop: bool,
        method: str | None,
        path: str | None,
        after: bool,
    ) -> None:
        self.count = count
        self.status = status
        self.error = dict(error) if error is not None else None
        self.headers = dict(headers or {})
        self.drop = drop
        self.method = method.upper() if method else None
        self.path = path
        self.after = after

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self.path is None or fnmatch.fnmatchcase(path, self.path)

    def body(self) -> dict[str, Any]:
        if self.error is not None:
            return {"error": self.error}
        return {"error": _default_error(self.status)}


def _default_error(status: int) -> dict[str, Any]:
    if status == 429:
        return {
            "type": "invalid_request_error",
            "code": "rate_limit",
            "message": "Too many requests hit the API too quickly. (injected by FakeStripe.fail_next)",
        }
    if status == 409:
        return {
            "type": "invalid_request_error",
            "code": "lock_timeout",
            "message": "This object cannot be accessed right now because another API request or Stripe process is "
            "currently accessing it. (injected by FakeStripe.fail_next)",
        }
    if status == 402:
        return {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                "message": "Your card was declined. (injected by FakeStripe.fail_next)"}
    if status >= 500:
        return {"type": "api_error", "message": "An unknown error occurred. (injected by FakeStripe.fail_next)"}
    return {"type": "invalid_request_error", "message": f"Injected failure (HTTP {status}) from FakeStripe.fail_next."}


class Call:
    """One request being served: its account, operation, checked parameters, and what it records."""

    def __init__(
        self,
        core: Core,
        account: Account,
        op: Operation,
        args: dict[str, str],
        params: dict[str, Any],
        request_id: str,
        idempotency_key: str | None,
        path: str,
    ) -> None:
        self.core = core
        self.spec = core.spec
        self.account = account
        self.op = op
        self.args = args
        self.params = params
        self.request_id = request_id
        self.idempotency_key = idempotency_key
        self.path = path
        self.events: list[dict[str, Any]] = []

    # -- objects ---------------------------------------------------------------------

    def now(self) -> int:
        return self.core.now()

    def new(self, schema: str, **fields: Any) -> dict[str, Any]:
        """A default object of ``schema`` with a new id (when it has one), ``created`` now and livemode false."""
        obj: dict[str, Any] = self.spec.template(schema)
        props = self.spec.properties(schema)
        if "id" in props:
            obj["id"] = new_id(prefix_for(self.spec.object_name(schema) or schema))
        if "created" in props:
            obj["created"] = self.now()
        if "livemode" in props:
            obj["livemode"] = False
        if "client_secret" in props and "id" in obj:
            obj["client_secret"] = f"{obj['id']}_secret_{new_id('', 25)}"
        obj.update(fields)
        return obj

    def merge(self, obj: dict[str, Any], schema: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """Merge parameters into ``obj`` where they fit its schema; the previous values of what changed."""
        return merge(self.spec, {"$ref": schema}, obj, {k: v for k, v in params.items() if k != "expand"})

    def store(self, obj: dict[str, Any], schema: str, parent: str | None = None, *, event: bool = True) -> dict[str, Any]:
        self.account.add(obj, schema, parent)
        if event:
            self.event(schema, "created", obj)
        return obj

    def create(self, schema: str, params: Mapping[str, Any], parent: str | None = None, **fields: Any) -> dict[str, Any]:
        """A new object from ``params``, stored, with its ``.created`` event."""
        obj = self.new(schema)
        self.merge(obj, schema, params)
        obj.update(fields)
        return self.store(obj, schema, parent)

    def find(self, object_id: str) -> dict[str, Any] | None:
        return self.account.objects.get(object_id)

    def get(self, object_id: str, schemas: list[str] | str, param: str | None = None) -> dict[str, Any]:
        """The object with this id, of one of ``schemas``; a 404 naming ``param`` otherwise."""
        if isinstance(schemas, str):
            schemas = [schemas]
        obj = self.account.objects.get(object_id)
        if obj is None or self.account.schemas[object_id] not in schemas:
            name = self.spec.object_name(schemas[0]) or schemas[0]
            raise not_found(name, object_id, param)
        return obj

    def schema_of(self, object_id: str) -> str:
        return self.account.schemas[object_id]

    def update(self, obj: dict[str, Any], params: Mapping[str, Any], *, event: bool = True) -> dict[str, Any]:
        """Merge ``params`` into a stored object, with its ``.updated`` event when something changed."""
        schema = self.account.schemas[obj["id"]]
        previous = self.merge(obj, schema, params)
        if previous and event:
            self.event(schema, "updated", obj, previous)
        return previous

    def private(self, object_id: str) -> dict[str, Any]:
        return self.account.private.setdefault(object_id, {})

    # -- events ----------------------------------------------------------------------

    def event(self, schema: str, action: str, obj: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
        """Record ``<object>.<action>`` (when Stripe has such an event), with a snapshot of ``obj``."""
        name = self.spec.object_name(schema) or schema
        name = _EVENT_PREFIXES.get(name, name)
        for event_type in (f"{name}.{action}", f"{name.replace('.', '_')}.{action}"):
            if event_type in self.spec.event_types:
                self.record(event_type, obj, previous)
                return

    def record(self, event_type: str, obj: dict[str, Any], previous: dict[str, Any] | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"object": _copy(obj)}
        if previous is not None:
            data["previous_attributes"] = _copy(previous)
        event: dict[str, Any] = {
            "id": new_id("evt_"),
            "object": "event",
            "api_version": self.core.api_version,
            "created": self.now(),
            "data": data,
            "livemode": False,
            "pending_webhooks": self.core.subscribers(event_type),
            "request": {"id": self.request_id, "idempotency_key": self.idempotency_key},
            "type": event_type,
        }
        if self.account.id is not None:
            event["account"] = self.account.id
        self.account.add(event, "event")
        self.events.append(event)
        return event

    # -- the generic handlers ------------------------------------------------------------

    def check_parents(self, upto: int | None = None) -> None:
        """404 for a path id (before ``upto``) naming nothing stored, where the path says what it names."""
        op = self.op
        names = op.path_params if upto is None else op.path_params[:upto]
        index = -1
        for name in names:
            index = op.segments.index(f"{{{name}}}", index + 1)
            schema = self.spec.id_type(op.segments, index)
            if schema is None:
                continue
            value = self.args[name]
            if value not in self.account.objects:
                raise not_found(self.spec.object_name(schema) or schema, value, name)

    def target(self) -> dict[str, Any]:
        """The object the path's last id names, of the operation's answer type."""
        name = self.op.path_params[-1]
        return self.get(self.args[name], self.op.response_types, name)

    def parent_id(self) -> str | None:
        return self.args[self.op.path_params[-1]] if self.op.path_params else None

    def generic(self) -> Any:
        return getattr(self, "_generic_" + self.op.kind)()

    def _creatable_schema(self) -> str:
        return next(s for s in self.op.response_types if not self.spec.is_deleted(s))

    def _link_parent(self, obj: dict[str, Any], schema: str) -> None:
        props = self.spec.properties(schema)
        for name in self.op.path_params:
            if name in props and name != "id" and obj.get(name) in (None, ""):
                merge(self.spec, {"$ref": schema}, obj, {name: self.args[name]})

    def _made(self) -> tuple[dict[str, Any], str]:
        """A new object of the answer's type, from the parameters and the path's ids."""
        self.check_parents()
        schema = self._creatable_schema()
        obj = self.new(schema)
        self.merge(obj, schema, self.params)
        self._link_parent(obj, schema)
        return obj, schema

    def _generic_create(self) -> dict[str, Any]:
        obj, schema = self._made()
        return self.store(obj, schema, self.parent_id())

    def _generic_compute(self) -> dict[str, Any]:
        return self._made()[0]

    def _generic_retrieve(self) -> dict[str, Any]:
        self.check_parents(len(self.op.path_params) - 1)
        return self.target()

    def _generic_update(self) -> dict[str, Any]:
        self.check_parents(len(self.op.path_params) - 1)
        obj = self.target()
        self.update(obj, self.params)
        return obj

    def _generic_delete(self) -> dict[str, Any]:
        self.check_parents(len(self.op.path_params) - 1)
        name = self.op.path_params[-1]
        object_id = self.args[name]
        obj = self.account.objects.get(object_id)
        live = [s for s in self.spec.object_schemas.values()]
        if obj is None:
            raise not_found(self._object_name_for_delete(), object_id, name)
        schema = self.account.schemas[object_id]
        if schema not in live:
            raise not_found(self._object_name_for_delete(), object_id, name)
        tombstone: dict[str, Any] = self.spec.template(self.op.response_types[-1])
        tombstone["id"] = object_id
        if "object" in self.spec.properties(self.op.response_types[-1]):
            tombstone["object"] = obj.get("object", tombstone.get("object"))
        self.account.remove(object_id, tombstone)
        self.event(schema, "deleted", obj)
        return tombstone

    def _object_name_for_delete(self) -> str:
        schema = self.op.response_types[-1]
        return self.spec.object_name(schema) or schema

    def _generic_action(self) -> dict[str, Any]:
        name = self.op.path_params[-1]
        object_id = self.args[name]
        obj = self.account.objects.get(object_id)
        if obj is None or self.account.schemas[object_id] not in self.op.response_types:
            schema_of_id = self.spec.id_type(self.op.segments, self.op.segments.index(f"{{{name}}}"))
            if obj is None and schema_of_id is not None:
                raise not_found(self.spec.object_name(schema_of_id) or schema_of_id, object_id, name)
            # An action that makes an object of another kind (a login link for an account).
            made, schema = self._made()
            if self.op.method == "POST" and "id" in made and self._listed(schema):
                self.store(made, schema, object_id)
            return made
        self.check_parents(len(self.op.path_params) - 1)
        schema = self.account.schemas[object_id]
        before = obj.get("status")
        previous = self.merge(obj, schema, self.params)
        state = _ACTION_STATES.get(self.op.verb.rsplit("/", 1)[-1])
        status_prop = self.spec.properties(schema).get("status", {})
        allowed = self.spec.resolve(status_prop).get("enum") or [
            v for m in status_prop.get("anyOf", ()) for v in m.get("enum", ())
        ]
        if state is not None and state in allowed and before != state:
            previous["status"] = before
            obj["status"] = state
            stamp = f"{state}_at"
            if stamp in obj and obj[stamp] is None:
                previous[stamp] = None
                obj[stamp] = self.now()
        if previous:
            action = obj.get("status") if obj.get("status") != before else "updated"
            object_name = self.spec.object_name(schema) or schema
            specific = f"{object_name}.{action}"
            if action != "updated" and specific in self.spec.event_types:
                self.record(specific, obj, previous)
            else:
                self.event(schema, "updated", obj, previous)
        return obj

    def _listed(self, schema: str) -> bool:
        return any(schema in op.item_types for op in self.spec.operations if op.kind == "list")

    def _generic_singleton(self) -> dict[str, Any]:
        self.check_parents()
        schema = self.op.response_types[0]
        key = self.path
        if self.op.method == "DELETE":
            self.account.singletons.pop(key, None)
            tombstone: dict[str, Any] = self.spec.template(schema)
            if "id" in tombstone:
                tombstone["id"] = new_id(prefix_for(self.spec.object_name(schema) or schema))
            return tombstone
        obj = self.account.singletons.get(key)
        if obj is None:
            obj = self.new(schema)
            if self.op.segments == ("account",):
                obj["id"] = self.core.account_id(self.account)
            self._link_parent(obj, schema)
            self.account.singletons[key] = obj
        if self.op.method == "POST":
            previous = self.merge(obj, schema, self.params)
            if previous:
                self.event(schema, "updated", obj, previous)
        return obj

    def _generic_download(self) -> bytes:
        self.check_parents()
        return b"%PDF-1.4\n% a placeholder document from stripe_lite's FakeStripe\n%%EOF\n"

    # -- lists and search ------------------------------------------------------------------

    def candidates(self, schemas: list[str]) -> list[dict[str, Any]]:
        """Stored objects of ``schemas``, newest first."""
        account = self.account
        if len(schemas) == 1:
            ids = list(account.by_schema.get(schemas[0], {}))
        else:
            ordered: list[tuple[int, str]] = []
            for schema in schemas:
                ordered += [(seq, oid) for oid, seq in account.by_schema.get(schema, {}).items()]
            ids = [oid for _, oid in sorted(ordered)]
        ids.reverse()
        return [account.objects[oid] for oid in ids]

    def _generic_list(self) -> dict[str, Any]:
        self.check_parents()
        items = self.candidates(self.op.item_types)
        if self.op.path_params:
            items = self._under_parent(items)
        items = self.filter(items)
        return self.page(items)

    def _under_parent(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        name = self.op.path_params[-1]
        value = self.args[name]
        included = self.account.included.get((value, self.op.segments[-1]))
        if included is not None:  # in the order they were given, as Stripe lists line items
            objects = self.account.objects
            return [objects[i] for i in included if i in objects]
        parents = self.account.parents
        return [item for item in items if parents.get(item.get("id", "")) == value or _refers_to(item, name, value)]

    def filter(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Keep the items matching the list's filters (those named after a field of the items)."""
        props: dict[str, Any] = {}
        for schema in self.op.item_types:
            props.update(self.spec.properties(schema))
        for name, wanted in self.params.items():
            if name in _LIST_PARAMS or name not in props:
                continue
            if isinstance(wanted, dict):
                items = [item for item in items if _in_range(item.get(name), wanted)]
            elif isinstance(wanted, list):
                items = [item for item in items if _id_of(item.get(name)) in wanted]
            else:
                items = [item for item in items if _id_of(item.get(name)) == wanted]
        return items

    def page(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        limit = self.limit()
        after = self.params.get("starting_after")
        before = self.params.get("ending_before")
        ids = [item.get("id") for item in items]
        if after is not None:
            start = self._position(ids, after, "starting_after") + 1
            window = items[start : start + limit]
            has_more = start + limit < len(items)
        elif before is not None:
            end = self._position(ids, before, "ending_before")
            window = items[max(0, end - limit) : end]
            has_more = end - limit > 0
        else:
            window = items[:limit]
            has_more = len(items) > limit
        return {"object": "list", "data": window, "has_more": has_more, "url": self.path}

    def limit(self) -> int:
        limit = self.params.get("limit", 10)
        if not 1 <= limit <= 100:
            raise invalid(
                f"Invalid limit: must be between 1 and 100 (got {limit})", "limit", "parameter_invalid_integer"
            )
        return int(limit)

    def _position(self, ids: list[Any], object_id: str, param: str) -> int:
        try:
            return ids.index(object_id)
        except ValueError:
            if object_id in self.account.objects:  # filtered out: Stripe pages from where it would be
                raise invalid(
                    f"The object {object_id!r} given as {param} is not in this list (it does not match its filters).",
                    param,
                ) from None
            raise not_found("object", object_id, param) from None

    def _generic_search(self) -> dict[str, Any]:
        predicate = compile_query(self.params["query"])
        items = [item for item in self.candidates(self.op.item_types) if predicate(item)]
        limit = self.limit()
        page = self.params.get("page")
        start = 0
        if page is not None:
            try:
                start = int(base64.urlsafe_b64decode(page.encode()).decode().removeprefix("offset:"))
            except ValueError:
                raise invalid(f"Invalid page: {page!r} is not a page this search gave", "page") from None
        window = items[start : start + limit]
        more = start + limit < len(items)
        next_page = base64.urlsafe_b64encode(f"offset:{start + limit}".encode()).decode() if more else None
        result: dict[str, Any] = {
            "object": "search_result",
            "data": window,
            "has_more": more,
            "next_page": next_page,
            "url": self.path,
        }
        if "total_count" in self.params.get("expand", ()):
            result["total_count"] = len(items)
        return result


def _id_of(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def _refers_to(item: dict[str, Any], name: str, value: str) -> bool:
    return bool(_id_of(item.get(name)) == value)


def _in_range(value: Any, bounds: Mapping[str, Any]) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    checks = {"gt": value.__gt__, "gte": value.__ge__, "lt": value.__lt__, "lte": value.__le__}
    return all(checks[op](bound) for op, bound in bounds.items() if op in checks)


class Core:
    """The state of one fake Stripe and the code that answers its requests."""

    def __init__(self, api_version: str | None = None) -> None:
        self.spec: Spec = spec()
        self.api_version = api_version or self.spec.version
        self.lock = threading.RLock()
        self.failures: list[FailureRule] = []
        self.endpoints: list[Any] = []  # the webhook endpoints registered with the fake (_events.Endpoint)
        self.clock: Callable[[], float] = time.time
        self.platform_id = new_id("acct_", 16)
        self.accounts: dict[str | None, Account] = {}
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.accounts = {None: Account(None)}
            self.failures.clear()

    def now(self) -> int:
        return int(self.clock())

    def account(self, account_id: str | None) -> Account:
        found = self.accounts.get(account_id)
        if found is None:
            found = self.accounts[account_id] = Account(account_id)
        return found

    def account_id(self, account: Account) -> str:
        return account.id or self.platform_id

    def subscribers(self, event_type: str) -> int:
        return sum(1 for endpoint in self.endpoints if endpoint.wants(event_type))

    # -- serving ---------------------------------------------------------------------

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Answer:
        """Answer one request. ``headers``' names are lowercase; ``path`` is still percent-encoded."""
        method = method.upper()
        request_id = new_id("req_", 14)
        base = [("request-id", request_id), ("stripe-version", self.api_version)]
        with self.lock:
            rule = self._take_failure(method, path)
            if rule is not None and not rule.after:
                return self._failed(rule, base)
            try:
                answer = self._serve(method, path, query, headers, body, request_id, base)
            except Failure as failure:
                answer = self._error(failure, base)
            if rule is not None:
                failed = self._failed(rule, base)
                failed.events = answer.events
                return failed
            return answer

    def _take_failure(self, method: str, path: str) -> FailureRule | None:
        for rule in self.failures:
            if rule.matches(method, path):
                rule.count -= 1
                if rule.count <= 0:
                    self.failures.remove(rule)
                return rule
        return None

    def _failed(self, rule: FailureRule, base: list[tuple[str, str]]) -> Answer:
        if rule.drop:
            return Answer(0, [], b"", drop=True)
        headers = [*base, ("content-type", "application/json"), *rule.headers.items()]
        return Answer(rule.status, headers, _dumps(rule.body()))

    def _error(self, failure: Failure, base: list[tuple[str, str]]) -> Answer:
        error = dict(failure.error)
        return Answer(failure.status, [*base, ("content-type", "application/json")], _dumps({"error": error}))

    def _serve(
        self,
        method: str,
        raw_path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        request_id: str,
        base: list[tuple[str, str]],
    ) -> Answer:
        self._authenticate(headers.get("authorization"))
        path = unquote(raw_path)
        found = self.spec.route(method, path)
        if found is None:
            raise Failure(
                404,
                {
                    "type": "invalid_request_error",
                    "message": f"Unrecognized request URL ({method}: {path}). This fake serves Stripe's /v1/ API "
                    f"as of {self.spec.version}.",
                },
                saved=False,
            )
        op, args = found
        account = self.account(headers.get("stripe-account") or None)
        given = parse_form(query)
        if body:
            content_type = headers.get("content-type", "")
            if content_type.startswith("multipart/form-data"):
                _parse_multipart(given, content_type, body)
            else:
                given.update(parse_form(body.decode("utf-8", "replace")))
        key = headers.get("idempotency-key") if method == "POST" else None
        headers_out = list(base)
        if key is not None:
            headers_out.append(("idempotency-key", key))
            fingerprint = f"{method} {path}?{query}\n{body.decode('utf-8', 'replace')}"
            saved = account.idempotency.get(key)
            if saved is not None:
                if saved[0] != fingerprint:
                    raise Failure(
                        400,
                        {
                            "type": "idempotency_error",
                            "message": "Keys for idempotent requests can only be used with the same parameters they "
                            f"were first used with. Try using a key other than '{key}' if you meant to execute a "
                            "different request.",
                        },
                        saved=False,
                    )
                replay = Answer(saved[1], [*headers_out, *saved[2], ("idempotent-replayed", "true")], saved[3])
                return replay
        call: Call | None = None
        try:
            params = validate(op.params, given)
            expands = params.get("expand") or []
            if expands and op.kind in ("list", "search"):
                check_expand(self.spec, op.item_types, [e for e in expands if e != "total_count"], page=True)
            elif expands:
                check_expand(self.spec, op.response_types, expands, page=False)
            call = Call(self, account, op, args, params, request_id, key, path)
            handler = FLOWS.get(op.key)
            result = handler(call) if handler is not None else call.generic()
            if isinstance(result, bytes):
                answer = Answer(200, [*headers_out, ("content-type", "application/pdf")], result)
            else:
                if expands:
                    result = self._expand(account, result, expands, op.kind in ("list", "search"))
                answer = Answer(200, [*headers_out, ("content-type", "application/json")], _dumps(result))
        except Failure as failure:
            answer = self._error(failure, headers_out)
            if key is not None and failure.saved:
                account.idempotency[key] = (fingerprint, answer.status, [], answer.body)
            if call is not None:
                answer.events = call.events
            return answer
        if key is not None:
            account.idempotency[key] = (fingerprint, answer.status, [answer.headers[-1]], answer.body)
        answer.events = call.events
        return answer

    def _authenticate(self, header: str | None) -> None:
        if not header:
            raise Failure(
                401,
                {
                    "type": "invalid_request_error",
                    "message": "You did not provide an API key. You need to provide your API key in the "
                    "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
                },
                saved=False,
            )
        scheme, _, credentials = header.partition(" ")
        key = credentials.strip()
        if scheme.lower() == "basic":
            try:
                key = base64.b64decode(key).decode().partition(":")[0]
            except ValueError:
                key = ""
        elif scheme.lower() != "bearer":
            key = ""
        if key.startswith(("sk_test_", "rk_test_")) and len(key) > len("sk_test_"):
            return
        shown = key[:8] + "*" * max(0, len(key) - 12) + key[-4:] if len(key) > 12 else key
        hint = " FakeStripe takes test-mode keys only (sk_test_... or rk_test_...)." if key else ""
        raise Failure(
            401,
            {"type": "invalid_request_error", "message": f"Invalid API Key provided: {shown}.{hint}"},
            saved=False,
        )

    def _expand(self, account: Account, result: dict[str, Any], paths: list[str], page: bool) -> dict[str, Any]:
        def lookup(key: Any) -> Any:
            if isinstance(key, tuple):
                ids = account.included.get(key)
                if ids is None:
                    return None
                data = [account.objects[i] for i in ids if i in account.objects]
                return {"object": "list", "data": data, "has_more": False, "url": ""}
            return account.objects.get(key) or account.deleted.get(key)

        for path in paths:
            if path == "total_count":
                continue
            parts = path.split(".")
            if page:
                result = {**result, "data": [expand(item, parts[1:], lookup) for item in result["data"]]}
            else:
                result = expand(result, parts, lookup)
        return result


def _parse_multipart(out: dict[str, Any], content_type: str, body: bytes) -> None:
    message = BytesParser().parsebytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
    if not message.is_multipart():
        return
    parts: list[Any] = message.get_payload()  # type: ignore[assignment]
    for part in parts:
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        value: Any = {"filename": filename, "size": len(payload)} if filename else payload.decode("utf-8", "replace")
        add_pair(out, name, value)
