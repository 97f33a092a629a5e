"""The ``/v1/`` operations of the description: their parameters, what they return, and their names.

Request parameters get a type language of their own (:data:`ParamType`): they
are what callers write (``datetime`` for timestamps, ``""`` to unset), not
what Stripe answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from codegen import naming
from codegen.schema import OneOf, Ref, Spec, TypeIR, ref_name

# -- the parameter type language ---------------------------------------------------


@dataclass(frozen=True)
class PScalar:
    py: str  # "str", "int", "float", "bool", "Any", and the caller-friendly "int | datetime" ...


@dataclass(frozen=True)
class PEnum:
    values: tuple[str, ...]
    open: bool  # Stripe accepts values beyond these (x-stripeBypassValidation)


@dataclass(frozen=True)
class PList:
    item: ParamType


@dataclass(frozen=True)
class PMap:
    value: ParamType


@dataclass(frozen=True)
class PField:
    name: str
    type: ParamType
    required: bool


@dataclass(frozen=True)
class PObject:
    """A nested object parameter: a TypedDict. ``path`` says where it sits, for naming."""

    fields: tuple[PField, ...]
    title: str | None

    def shape(self) -> str:
        """What makes two objects the same TypedDict: their fields, never where they sit."""
        return json.dumps([(f.name, shape_of(f.type), f.required) for f in self.fields])


@dataclass(frozen=True)
class PUnion:
    members: tuple[ParamType, ...]


EMPTY = PScalar('Literal[""]')
TIMESTAMP = PScalar("int | datetime")
DECIMAL = PScalar("Decimal | str")
FILE = PScalar("FileUpload")
ParamType = PScalar | PEnum | PList | PMap | PObject | PUnion


def shape_of(ptype: ParamType) -> Any:
    if isinstance(ptype, PObject):
        return ["obj", ptype.shape()]
    if isinstance(ptype, PList):
        return ["list", shape_of(ptype.item)]
    if isinstance(ptype, PMap):
        return ["map", shape_of(ptype.value)]
    if isinstance(ptype, PUnion):
        return ["union", [shape_of(m) for m in ptype.members]]
    if isinstance(ptype, PEnum):
        return ["enum", list(ptype.values), ptype.open]
    return ptype.py


RANGE_TITLE = "range_query_specs"


def param_type(schema: dict[str, Any], where: str, *, timestamp: bool = False) -> ParamType:
    """The type of a request parameter; ``timestamp``: an integer here is a time (a range filter's bound)."""
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf") or schema["oneOf"]
        # A filter that takes a time or a range of times: the plain integer is a time too.
        ranged = timestamp or any(m.get("title") == RANGE_TITLE for m in options)
        members = [param_type(m, where, timestamp=ranged) for m in options]
        flat: list[ParamType] = []
        for member in members:
            for m in member.members if isinstance(member, PUnion) else (member,):
                if m not in flat:
                    flat.append(m)
        # Plain values first, then objects, and "" (how Stripe unsets a field) last.
        flat.sort(key=lambda m: 2 if m == EMPTY else 1 if isinstance(m, PObject) else 0)
        return flat[0] if len(flat) == 1 else PUnion(tuple(flat))
    kind = schema.get("type")
    if kind == "string":
        if "enum" in schema:
            values = tuple(schema["enum"])
            if values == ("",):
                return EMPTY
            open_ = bool(schema.get("x-stripeBypassValidation"))
            return PEnum(values, open_)
        if schema.get("format") == "decimal":
            return DECIMAL
        if schema.get("format") == "binary":
            return FILE
        return PScalar("str")
    if kind == "integer":
        return TIMESTAMP if timestamp or schema.get("format") == "unix-time" else PScalar("int")
    if kind == "number":
        return PScalar("float")
    if kind == "boolean":
        return PScalar("bool")
    if kind == "array":
        return PList(param_type(schema.get("items", {}), f"{where}[]"))
    if kind == "object":
        properties = schema.get("properties")
        if properties is not None:
            required = set(schema.get("required", []))
            bounds = schema.get("title") == RANGE_TITLE
            fields = tuple(
                PField(name, param_type(properties[name], f"{where}.{name}", timestamp=bounds), name in required)
                for name in sorted(properties)
            )
            return PObject(fields, schema.get("title"))
        extra = schema.get("additionalProperties")
        value = param_type(extra, f"{where}{{}}") if isinstance(extra, dict) else PScalar("Any")
        if value == PScalar("str"):
            # Metadata-like maps: ints are sent as text, and None unsets a key.
            value = PScalar("str | int | None")
        return PMap(value)
    if kind is None and not schema:
        return PScalar("Any")
    raise ValueError(f"{where}: unsupported parameter schema {schema!r}")


# -- operations --------------------------------------------------------------------


@dataclass
class Param:
    name: str
    type: ParamType
    required: bool


@dataclass
class Operation:
    http: str  # "get", "post", "delete"
    path: str
    operation_id: str
    path_params: list[str]
    params: list[Param]
    kind: str  # "object", "list", "search" or "binary"
    returns: TypeIR | None  # the object, or a page's item; None for a download
    files: bool = False  # served by the files host (uploads, downloads)
    deprecated: bool = False
    service: tuple[str, ...] = ()
    method: str = ""
    namespace_depth: int = 0  # how many leading names of ``service`` are namespaces
    positional: list[str] = field(default_factory=list)  # the path parameters' Python names

    @property
    def dotted(self) -> str:
        return ".".join(self.service)

    @property
    def is_test_helper(self) -> bool:
        return self.path.startswith("/v1/test_helpers/")


def _returns(op: dict[str, Any], where: str, spec: Spec) -> tuple[str, TypeIR | None]:
    (content,) = op["responses"]["200"]["content"].items()
    media, body = content
    schema = body["schema"]
    if media != "application/json":
        if schema.get("format") != "binary":
            raise ValueError(f"{where}: unsupported response {media}")
        return "binary", None
    if "$ref" in schema or "anyOf" in schema:
        ir = spec.type_of(schema, where)
        if not isinstance(ir, (Ref, OneOf)):
            raise ValueError(f"{where}: unsupported response {schema!r}")
        return "object", ir
    properties = schema.get("properties", {})
    kind = {"list": "list", "search_result": "search"}.get((properties.get("object", {}).get("enum") or [None])[0])
    if kind is None:
        raise ValueError(f"{where}: unsupported response {schema!r}")
    return kind, spec.type_of(properties["data"]["items"], where)


def read_operations(spec: Spec) -> list[Operation]:
    """Every ``/v1/`` operation, named by :mod:`codegen.naming`."""
    operations: list[Operation] = []
    for path in sorted(spec.raw["paths"]):
        if not path.startswith("/v1/"):
            continue
        for http, op in sorted(spec.raw["paths"][path].items()):
            if http not in ("get", "post", "delete"):
                raise ValueError(f"{http.upper()} {path}: unsupported method")
            where = f"{http.upper()} {path}"
            path_params: list[str] = []
            params: list[Param] = []
            for p in op.get("parameters", []):
                if p["in"] == "path":
                    path_params.append(p["name"])
                elif p["in"] == "query":
                    params.append(Param(p["name"], param_type(p["schema"], p["name"]), bool(p.get("required"))))
                else:
                    raise ValueError(f"{where}: parameter in {p['in']}")
            body = op.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                if media not in ("application/x-www-form-urlencoded", "multipart/form-data"):
                    raise ValueError(f"{where}: unsupported body {media}")
                schema = content["schema"]
                required = set(schema.get("required", []))
                for name in sorted(schema.get("properties", {})):
                    params.append(Param(name, param_type(schema["properties"][name], name), name in required))
            ordered = [p for p in path.split("/") if p.startswith("{")]
            if [f"{{{p}}}" for p in path_params] != ordered:
                path_params = [p.strip("{}") for p in ordered]
            kind, returns = _returns(op, where, spec)
            servers = op.get("servers") or []
            operations.append(
                Operation(
                    http=http,
                    path=path,
                    operation_id=op["operationId"],
                    path_params=path_params,
                    params=params,
                    kind=kind,
                    returns=returns,
                    files=any("files.stripe.com" in s["url"] for s in servers),
                    deprecated=bool(op.get("deprecated")),
                )
            )
    naming.name_operations(operations, spec)
    return operations


def response_schemas(op: Operation) -> list[str]:
    """The schemas an operation can answer with (a page's items for lists)."""
    if isinstance(op.returns, Ref):
        return [op.returns.schema]
    if isinstance(op.returns, OneOf):
        return list(op.returns.members)
    return []


__all__ = ["Operation", "Param", "ParamType", "read_operations", "ref_name"]
