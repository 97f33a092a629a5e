"""The description as the fake reads it: operations, routes, schemas and default objects.

Loaded once per process from ``stripe_lite/_generated/fake_spec.json.gz``
(written by ``codegen/emit_fake.py``), the first time a fake is made.
"""

from __future__ import annotations

import gzip
import json
import marshal
import threading
from importlib import resources
from typing import Any

__all__ = ["Operation", "Spec", "spec"]

Schema = dict[str, Any]


class Operation:
    """One ``/v1/`` operation, classified by what the fake does with it.

    ``kind`` is one of: ``create`` (a new object in a collection), ``retrieve``,
    ``update``, ``delete``, ``list``, ``search``, ``action`` (a POST on an
    object, like ``confirm``), ``singleton`` (GET or POST of the one object a
    path names, like ``/v1/balance``), ``compute`` (an object made and
    answered but not kept, like an account link) and ``download``.
    """

    __slots__ = (
        "files",
        "item_types",
        "key",
        "kind",
        "method",
        "params",
        "path",
        "path_params",
        "response",
        "response_types",
        "segments",
        "verb",
    )

    def __init__(self, raw: dict[str, Any]) -> None:
        self.method: str = raw["method"].upper()
        self.path: str = raw["path"]
        self.params: Schema = raw["params"]
        self.response: Schema = raw["response"]
        self.files: bool = bool(raw.get("files"))
        self.segments: tuple[str, ...] = tuple(self.path.split("/")[2:])
        self.path_params: list[str] = [s[1:-1] for s in self.segments if s.startswith("{")]
        self.key = f"{self.method} {self.path}"
        self.kind = ""
        self.verb = ""
        self.response_types: list[str] = []  # the schemas an answer can be (a page's items for lists)
        self.item_types: list[str] = []

    def __repr__(self) -> str:
        return f"<Operation {self.key} {self.kind}>"


def _refs(schema: Schema) -> list[str]:
    if "$ref" in schema:
        return [schema["$ref"]]
    return [name for member in schema.get("anyOf", ()) for name in _refs(member)]


def _normal(segments: tuple[str, ...]) -> tuple[str, ...]:
    """Path segments with every parameter alike, and test helpers' paths as the objects' own."""
    out = tuple("{}" if s.startswith("{") else s for s in segments)
    return out[1:] if out[:1] == ("test_helpers",) else out


class Spec:
    """The operations and schemas, with routing and default objects."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.version: str = raw["version"]
        self.event_types: frozenset[str] = frozenset(raw["event_types"])
        self.schemas: dict[str, Schema] = raw["schemas"]
        self.operations = [Operation(op) for op in raw["operations"]]
        self.by_key = {op.key: op for op in self.operations}
        self.object_schemas: dict[str, str] = {}  # object name -> schema (not the deleted form)
        self.deleted_schemas: set[str] = set()
        for name, schema in self.schemas.items():
            props = schema.get("properties", {})
            objects = props.get("object", {}).get("enum") or []
            if len(objects) != 1:
                continue
            if props.get("deleted", {}).get("enum") == [True]:
                self.deleted_schemas.add(name)
            else:
                self.object_schemas.setdefault(objects[0], name)
        self._templates: dict[str, bytes] = {}
        # (method, how many segments, the first segment) -> the candidate paths: a handful each.
        self._routes: dict[tuple[str, int, str], list[tuple[tuple[str, ...], Operation]]] = {}
        self.param_types: dict[tuple[str, ...], str] = {}  # a path up to an id -> the id's schema
        self._classify()

    # -- routing -----------------------------------------------------------------

    def route(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation serving ``method path``, and its path parameters' values."""
        parts = path.split("/")
        if len(parts) < 3 or parts[0] != "" or parts[1] != "v1":
            return None
        segments = parts[2:]
        for pattern, op in self._routes.get((method, len(segments), segments[0]), ()):
            args: dict[str, str] = {}
            for want, got in zip(pattern, segments, strict=False):
                if want[0] == "{":
                    if not got:
                        break
                    args[want[1:-1]] = got
                elif want != got:
                    break
            else:
                return op, args
        return None

    def methods_at(self, path: str) -> bool:
        """Whether any method serves ``path`` (to tell a wrong method from an unknown URL)."""
        return any(self.route(m, path) for m in ("GET", "POST", "DELETE"))

    # -- classification --------------------------------------------------------------

    def _classify(self) -> None:
        by_shape: dict[tuple[str, tuple[str, ...]], Operation] = {}
        for op in self.operations:
            by_shape[(op.method, _normal(op.segments))] = op
            self._routes.setdefault((op.method, len(op.segments), op.segments[0]), []).append((op.segments, op))
        for routes in self._routes.values():
            # Literal segments win over parameters: /payment_intents/search before /payment_intents/{intent}.
            routes.sort(key=lambda item: [s.startswith("{") for s in item[0]])
        for op in self.operations:
            response = op.response
            if "binary" in response:
                op.kind = "download"
                continue
            kind = (response.get("properties", {}).get("object", {}).get("enum") or [None])[0]
            if "$ref" not in response and "anyOf" not in response and kind in ("list", "search_result"):
                op.kind = "list" if kind == "list" else "search"
                op.item_types = self._flat(_refs(response["properties"]["data"]["items"]))
                continue
            op.response_types = self._flat(_refs(response))
            if op.method == "GET" and op.segments[-1].startswith("{"):
                self.param_types.setdefault(_normal(op.segments), op.response_types[0])
        for op in self.operations:
            if op.kind:
                continue
            last_is_id = op.segments[-1].startswith("{")
            shape = _normal(op.segments)
            if last_is_id:
                op.kind = {"GET": "retrieve", "POST": "update", "DELETE": "delete"}[op.method]
                if op.kind == "delete" and not self.is_deleted(op.response_types[0]):
                    op.kind, op.verb = "action", "delete"
                continue
            has_get = ("GET", shape) in by_shape
            listed = has_get and by_shape[("GET", shape)].kind == "list"
            kept = listed or any(m in ("GET", "DELETE") and s == (*shape, "{}") for (m, s) in by_shape)
            if op.method == "GET" or (op.method == "POST" and has_get and not listed) or op.method == "DELETE":
                op.kind = "singleton"
            elif op.method == "POST" and kept and "id" in self.properties(op.response_types[0]):
                op.kind = "create"
            elif op.path_params:
                op.kind, op.verb = "action", op.segments[-1]
            else:
                op.kind = "compute"

    def _flat(self, names: list[str]) -> list[str]:
        """Schema names with the choices between schemas (``external_account``) replaced by their members."""
        out: list[str] = []
        for name in names:
            members = self.schemas[name].get("anyOf")
            for member in self._flat(_refs({"anyOf": members})) if members else [name]:
                if member not in out:
                    out.append(member)
        return out

    # -- schemas ---------------------------------------------------------------------

    def properties(self, schema_name: str) -> dict[str, Schema]:
        props: dict[str, Schema] = self.schemas[schema_name].get("properties", {})
        return props

    def is_deleted(self, schema_name: str) -> bool:
        return schema_name in self.deleted_schemas

    def object_name(self, schema_name: str) -> str | None:
        objects = self.properties(schema_name).get("object", {}).get("enum") or []
        return objects[0] if len(objects) == 1 else None

    def schema_of(self, object_name: str) -> str | None:
        return self.object_schemas.get(object_name)

    def id_type(self, segments: tuple[str, ...], index: int) -> str | None:
        """The schema of the object whose id is ``segments[index]`` (a path parameter), when known."""
        return self.param_types.get(_normal(segments[: index + 1]))

    def template(self, schema_name: str) -> Any:
        """A new default object of ``schema_name``: every required field, with the simplest value that fits."""
        frozen = self._templates.get(schema_name)
        if frozen is None:
            frozen = marshal.dumps(self._default({"$ref": schema_name}, (), required=True))
            self._templates[schema_name] = frozen
        return marshal.loads(frozen)

    def default(self, schema: Schema) -> Any:
        """A default value for an inline schema (a field's)."""
        return self._default(schema, (), required=True)

    def _default(self, schema: Schema, seen: tuple[str, ...], *, required: bool) -> Any:
        if schema.get("nullable"):
            return None
        if "$ref" in schema:
            name = schema["$ref"]
            if name in seen:
                return None
            return self._default(self.schemas[name], (*seen, name), required=True)
        if "anyOf" in schema:
            members = schema["anyOf"]
            if any(m.get("nullable") for m in members):
                return None
            if "expands" in schema:
                return ""
            return self._default(members[0], seen, required=True)
        if "enum" in schema:
            values = schema["enum"]
            return next((v for v in _FIRST_STATES if v in values), values[0])
        kind = schema.get("type")
        if kind == "string":
            return ""
        if kind in ("integer", "number"):
            return 0
        if kind == "boolean":
            return False
        if kind == "array":
            return []
        if kind == "object" and "properties" in schema:
            props = schema["properties"]
            if props.get("object", {}).get("enum") == ["list"] and "data" in props:
                return {"object": "list", "data": [], "has_more": False, "url": ""}
            # The description lists few fields as required, but Stripe sends every field that applies,
            # null where it has no value. Objects that are not required (they apply to some objects
            # only, or are sent only when expanded) are left out.
            listed: list[str] = schema.get("required", [])
            return {
                name: self._default(prop, seen, required=True)
                for name, prop in props.items()
                if name in listed or prop.get("nullable") or not self._is_object(prop)
            }
        if kind == "object":
            return {}
        return None

    def _is_object(self, schema: Schema) -> bool:
        """An object with fields of its own, or a reference to one (a map, like metadata, is not)."""
        if "expands" in schema:
            return True
        if "anyOf" in schema:
            return all(self._is_object(m) for m in schema["anyOf"])
        resolved = self.resolve(schema)
        return resolved.get("type") == "object" and "properties" in resolved

    def resolve(self, schema: Schema) -> Schema:
        """A field's schema with a lone reference (``anyOf: [$ref]``, ``$ref``) followed."""
        while True:
            if "$ref" in schema:
                schema = self.schemas[schema["$ref"]]
            elif "anyOf" in schema and len(schema["anyOf"]) == 1 and "expands" not in schema:
                schema = schema["anyOf"][0]
            else:
                return schema


# A new object's status, where the description gives a choice: the state objects start in.
_FIRST_STATES = (
    "requires_payment_method",
    "draft",
    "open",
    "active",
    "pending",
    "incomplete",
    "created",
    "inactive",
    "unpaid",
    "processing",
    "succeeded",
)

_lock = threading.Lock()
_spec: Spec | None = None


def spec() -> Spec:
    """The description, read on first use."""
    global _spec
    if _spec is None:
        with _lock:
            if _spec is None:
                data = resources.files("stripe_lite._generated").joinpath("fake_spec.json.gz").read_bytes()
                _spec = Spec(json.loads(gzip.decompress(data)))
    return _spec
