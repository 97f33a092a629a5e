"""Stripe's OpenAPI description, read directly (plain JSON), and values synthesized from it.

Independent of ``codegen/`` on purpose: the tests built on this module check
what the generator made against the description itself, so they must not
share the generator's reading of it.

- :func:`operations`: every ``/v1/`` operation (method, path template, query
  and body parameters, response schema, host).
- :class:`Payloads`: JSON objects as Stripe would answer them, built from a
  response schema (every property of its declared type, nested objects to a
  depth bound, expansions, nulls, lists, unknown keys when asked).
- :class:`Arguments`: keyword arguments for a call, built from the request
  parameter schemas (required keys, some optional ones, anyOf members, ``""``).

Both take a :class:`random.Random`: seeded for a deterministic case, or drawn
from hypothesis (``st.randoms()``) for a property test.
"""

from __future__ import annotations

import datetime
import functools
import json
import random
import re
import string
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

SPEC_PATH: Final = Path(__file__).resolve().parent.parent / "codegen" / "stripe_spec.json"
REF_PREFIX: Final = "#/components/schemas/"
FILES_HOST: Final = "files.stripe.com"
API_HOST: Final = "api.stripe.com"


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


OMIT: Final = _Omit()
"""A property left out of a payload (a nested object past the depth bound)."""


# -- the description ---------------------------------------------------------------


@functools.cache
def spec() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return raw


def schemas() -> dict[str, Any]:
    found: dict[str, Any] = spec()["components"]["schemas"]
    return found


def ref_name(ref: str) -> str:
    assert ref.startswith(REF_PREFIX), ref
    return ref[len(REF_PREFIX) :]


def class_name(schema_name: str) -> str:
    """The model class of a schema: CamelCase with ``.`` and ``_`` as word breaks (``issuing.card`` -> IssuingCard)."""
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[._]", schema_name) if word)


def is_choice(schema_name: str) -> bool:
    """A schema that is only a choice between others (``external_account``): no model of its own."""
    schema = schemas()[schema_name]
    return "anyOf" in schema or "oneOf" in schema


def model_schema_names() -> list[str]:
    return sorted(name for name in schemas() if not is_choice(name))


def choice_members(schema_name: str) -> list[str]:
    """The model schemas a choice schema stands for (choices within choices flattened)."""
    schema = schemas()[schema_name]
    members: list[str] = []
    for member in schema.get("anyOf") or schema.get("oneOf") or []:
        name = ref_name(member["$ref"])
        members += choice_members(name) if is_choice(name) else [name]
    return members


def object_name(schema_name: str) -> str | None:
    """The value of ``object`` for a schema whose objects carry one."""
    enum = schemas()[schema_name].get("properties", {}).get("object", {}).get("enum")
    return enum[0] if enum and len(enum) == 1 else None


def is_deleted_schema(schema_name: str) -> bool:
    return schemas()[schema_name].get("properties", {}).get("deleted", {}).get("enum") == [True]


# -- operations ----------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    schema: dict[str, Any]
    required: bool


@dataclass(frozen=True)
class Operation:
    method: str  # "GET", "POST", "DELETE"
    path: str  # the template, "/v1/customers/{customer}"
    path_params: tuple[str, ...]  # in the order they appear in the path
    params: tuple[Param, ...]  # query parameters and body properties
    body_media: str | None  # "application/x-www-form-urlencoded", "multipart/form-data"
    response_media: str
    response: dict[str, Any]  # the 200 answer's schema
    host: str

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def kind(self) -> str:
        """What the answer is: ``object``, ``list``, ``search`` or ``binary`` (a download)."""
        if self.response_media != "application/json":
            return "binary"
        enum = self.response.get("properties", {}).get("object", {}).get("enum")
        return {("list",): "list", ("search_result",): "search"}.get(tuple(enum or ()), "object")

    def response_schemas(self) -> list[str]:
        """The model schemas the answer (a page's items, for lists) can be."""
        if self.kind == "binary":
            return []
        schema = self.response
        if self.kind in ("list", "search"):
            schema = schema["properties"]["data"]["items"]
        return _schema_choices(schema)

    def path_regex(self) -> re.Pattern[str]:
        """Matches this path with the ids ``__id0__``, ``__id1__``, ... in their places, in order."""
        pattern = ""
        for index, part in enumerate(re.split(r"\{[^}]+\}", self.path)):
            pattern += re.escape(part) + (f"__id{index}__" if index < len(self.path_params) else "")
        return re.compile(pattern)


def _schema_choices(schema: dict[str, Any]) -> list[str]:
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        return choice_members(name) if is_choice(name) else [name]
    found: list[str] = []
    for member in schema.get("anyOf") or schema.get("oneOf") or []:
        found += [m for m in _schema_choices(member) if m not in found]
    return found


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every ``/v1/`` operation of the description, in path then method order."""
    found: list[Operation] = []
    for path, by_method in sorted(spec()["paths"].items()):
        if not path.startswith("/v1/"):
            continue
        for method, op in sorted(by_method.items()):
            params: list[Param] = []
            for p in op.get("parameters", []):
                if p["in"] == "query":
                    params.append(Param(p["name"], p["schema"], bool(p.get("required"))))
                else:
                    assert p["in"] == "path", p
            body_media = None
            for media, content in op.get("requestBody", {}).get("content", {}).items():
                body_media = media
                schema = content["schema"]
                required = set(schema.get("required", []))
                for name, prop in sorted(schema.get("properties", {}).items()):
                    params.append(Param(name, prop, name in required))
            ((response_media, response),) = op["responses"]["200"]["content"].items()
            servers = [s["url"] for s in op.get("servers", [])]
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    path_params=tuple(re.findall(r"\{([^}]+)\}", path)),
                    params=tuple(params),
                    body_media=body_media,
                    response_media=response_media,
                    response=response["schema"],
                    host=FILES_HOST if any(FILES_HOST in url for url in servers) else API_HOST,
                )
            )
    return tuple(found)


def operation(op_id: str) -> Operation:
    for op in operations():
        if op.id == op_id:
            return op
    raise KeyError(op_id)


def match_operation(method: str, host: str, path: str) -> Operation | None:
    """The operation a request made with the ids ``__id<n>__`` (see :meth:`Operation.path_regex`) is for."""
    found = [op for op in operations() if op.method == method and op.host == host and op.path_regex().fullmatch(path)]
    assert len(found) <= 1, f"{method} {path} matches {[op.id for op in found]}"
    return found[0] if found else None


# -- payloads ---------------------------------------------------------------------------


TEXT_CHARS: Final = string.ascii_letters + string.digits + "_- éü€"


class Payloads:
    """JSON objects as Stripe would send them, built from response schemas.

    ``depth``: objects nested deeper than this have only their plain fields
    (scalars, enums, ids of expandable fields; nullable objects null; lists
    and maps empty); non-nullable nested objects past it are left out.
    Rates are probabilities: a nullable field null, an expandable field an id
    rather than the expanded object, an open enum a value it does not list, a
    nested object with unknown keys. ``items``: how many items a list or map has.
    ``ambiguous_members``: whether a choice between shapes without an ``object``
    name may take a shape whose keys another shape of the choice all declares
    (see :func:`told_apart`).
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        depth: int = 2,
        null_rate: float = 0.0,
        id_rate: float = 0.0,
        unknown_enum_rate: float = 0.0,
        extra_rate: float = 0.0,
        items: tuple[int, int] = (1, 2),
        ambiguous_members: bool = False,
    ) -> None:
        self.rng = rng
        self.depth = depth
        self.null_rate = null_rate
        self.id_rate = id_rate
        self.unknown_enum_rate = unknown_enum_rate
        self.extra_rate = extra_rate
        self.items = items
        self.ambiguous_members = ambiguous_members
        self.counter = 0

    def _chance(self, rate: float) -> bool:
        return rate > 0 and self.rng.random() < rate

    def _count(self) -> int:
        return self.rng.randint(*self.items)

    def model(self, schema_name: str, level: int = 0) -> dict[str, Any]:
        """A payload of the schema (of one of its members, for a choice schema)."""
        if is_choice(schema_name):
            schema_name = self.rng.choice(choice_members(schema_name))
        return self.object(schemas()[schema_name], level)

    def object(self, schema: dict[str, Any], level: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, prop in sorted(schema.get("properties", {}).items()):
            value = self.value(prop, level, key)
            if value is not OMIT:
                out[key] = value
        if level > 0 and self._chance(self.extra_rate):
            out[self.unknown_key()] = self.json_value(2)
        return out

    def unknown_key(self) -> str:
        """A key no Stripe schema declares."""
        self.counter += 1
        return f"zz_unknown_{self.counter}"

    def value(self, prop: dict[str, Any], level: int, key: str = "") -> Any:
        """A value of a property declared at an object on ``level``."""
        leaf = level >= self.depth
        nullable = bool(prop.get("nullable"))
        if nullable and self._chance(self.null_rate):
            return None
        if "$ref" in prop:
            return self._nested(ref_name(prop["$ref"]), None, level, nullable)
        alternatives = prop.get("anyOf") or prop.get("oneOf")
        if alternatives:
            if "x-expansionResources" in prop:
                targets = [ref_name(m["$ref"]) for m in prop["x-expansionResources"]["oneOf"]]
                if leaf or self._chance(self.id_rate):
                    return self.text("id_")
                return self._nested(self.rng.choice(targets), None, level, nullable)
            members = _schema_choices(prop)
            if not self.ambiguous_members:
                members = told_apart(members)
            return self._nested(self.rng.choice(members), None, level, nullable)
        kind = prop.get("type")
        if kind == "string":
            return self._string(prop, key)
        if kind == "integer":
            if prop.get("format") == "unix-time":
                return 1_700_000_000 + self.rng.randint(0, 10**8)
            return self.rng.randint(-1000, 10**6)
        if kind == "number":
            return self.rng.randint(-(10**5), 10**7) / 100 + 0.5  # always a float, exactly representable text
        if kind == "boolean":
            return self.rng.choice(prop["enum"]) if "enum" in prop else self.rng.random() < 0.5
        if kind == "array":
            if leaf:
                return []
            values = [self.value(prop.get("items", {}), level) for _ in range(self._count())]
            return [v for v in values if v is not OMIT]
        if kind == "object":
            if "properties" in prop:
                return self._nested(None, prop, level, nullable)
            extra = prop.get("additionalProperties")
            if isinstance(extra, dict):
                entries = {f"key_{i}": self.value(extra, level) for i in range(self._count())}
                return {k: v for k, v in entries.items() if v is not OMIT}
            return self._free_object(level)
        if kind is None:
            return self.json_value(2)
        raise AssertionError(f"unsupported schema {prop!r}")

    def _nested(self, name: str | None, inline: dict[str, Any] | None, level: int, nullable: bool) -> Any:
        """An object one level down: by schema name, or declared inline."""
        if level >= self.depth:
            return None if nullable else OMIT
        if name is not None:
            return self.model(name, level + 1)
        assert inline is not None
        return self.object(inline, level + 1)

    def _free_object(self, level: int) -> Any:
        """A property declared only as ``{"type": "object"}``: any JSON object, sometimes a Stripe object."""
        if level < self.depth and self.rng.random() < 0.5:
            return self.model(self.rng.choice(object_schema_names()), level + 1)
        return {"free": self.json_value(1), "form": [1, "two"]}

    def _string(self, prop: dict[str, Any], key: str) -> str:
        if "enum" in prop:
            if key != "object" and self._chance(self.unknown_enum_rate):
                return self.text("unlisted_")  # enums are open: Stripe adds values
            value: str = self.rng.choice(prop["enum"])
            return value
        fmt = prop.get("format")
        if fmt == "decimal":
            return f"{self.rng.randint(0, 10**6)}.{self.rng.randint(0, 999):03d}"
        if fmt == "currency":
            return self.rng.choice(["usd", "eur", "jpy"])
        if fmt == "date-time":
            return f"2026-05-{self.rng.randint(10, 28)}T12:34:56.000Z"
        if fmt == "int64":
            return str(self.rng.randint(2**53, 2**62))
        return self.text()

    def text(self, prefix: str = "") -> str:
        return prefix + "".join(self.rng.choice(TEXT_CHARS) for _ in range(self.rng.randint(1, 8)))

    def json_value(self, depth: int) -> Any:
        """Any JSON value (nested up to ``depth``)."""
        kinds = ["null", "bool", "int", "float", "str"] + (["list", "dict"] if depth > 0 else [])
        kind = self.rng.choice(kinds)
        if kind == "null":
            return None
        if kind == "bool":
            return self.rng.random() < 0.5
        if kind == "int":
            return self.rng.randint(-(10**6), 10**6)
        if kind == "float":
            return self.rng.randint(-(10**4), 10**4) / 4 + 0.25
        if kind == "str":
            return self.text()
        if kind == "list":
            return [self.json_value(depth - 1) for _ in range(self.rng.randint(0, 2))]
        return {self.text("k"): self.json_value(depth - 1) for _ in range(self.rng.randint(0, 2))}


@functools.cache
def object_schema_names() -> tuple[str, ...]:
    """The schemas of objects that carry an ``object`` name (not list or search pages)."""
    return tuple(name for name in model_schema_names() if object_name(name) not in (None, "list", "search_result"))


def told_apart(members: list[str]) -> list[str]:
    """The members of a choice a decoder can tell from the others by their keys.

    Members with an ``object`` name are told apart by it. Among shapes without
    one, a shape all of whose keys another shape also declares (a payment
    method's options and the smaller "client" variant) is left out: only the
    nested objects' keys could tell them apart.
    """
    if all(object_name(m) for m in members):
        return members
    keys = {m: set(schemas()[m].get("properties", {})) for m in members}
    kept = [m for m in members if not any(o != m and keys[o] >= keys[m] for o in members)]
    return kept or members[:1]


def page_payload(op: Operation, payloads: Payloads, *, items: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer of a list or search call, with the given items (its other fields from the schema)."""
    props = op.response["properties"]
    page = {key: payloads.value(prop, 0, key) for key, prop in sorted(props.items()) if key != "data"}
    page["data"] = items
    page["has_more"] = False  # one page: the tests do not walk on
    if "next_page" in page:
        page["next_page"] = None
    return page


# -- call arguments -----------------------------------------------------------------------


class Arguments:
    """Keyword arguments for a call, from the request parameter schemas.

    Objects get their required keys and up to ``optional_keys`` optional ones
    (only required ones past ``depth``); an anyOf picks a member, ``""``
    (unset) with ``empty_rate`` where the schema allows it; timestamps are
    sometimes ``datetime``; string maps sometimes hold None (unset a key).
    """

    def __init__(self, rng: random.Random, *, depth: int = 3, optional_keys: int = 2, empty_rate: float = 0.2) -> None:
        self.rng = rng
        self.depth = depth
        self.optional_keys = optional_keys
        self.empty_rate = empty_rate

    def value(self, schema: dict[str, Any], level: int = 0, *, prefer_nested: bool = False) -> Any:
        members = schema.get("anyOf") or schema.get("oneOf")
        if members:
            empty = [m for m in members if m.get("enum") == [""]]
            if empty and not prefer_nested and self.rng.random() < self.empty_rate:
                return ""
            others = [m for m in members if m.get("enum") != [""]]
            nested = [m for m in others if is_nested(m)]
            if prefer_nested and nested:
                others = nested
            return self.value(self.rng.choice(others), level)
        kind = schema.get("type")
        if kind == "string":
            if "enum" in schema:
                return self.rng.choice(schema["enum"])
            fmt = schema.get("format")
            if fmt == "binary":
                return ("upload.bin", bytes(self.rng.randrange(256) for _ in range(16)), "application/octet-stream")
            if fmt == "decimal":
                value = f"{self.rng.randint(0, 9999)}.{self.rng.randint(0, 99):02d}"
                return Decimal(value) if self.rng.random() < 0.5 else value
            if fmt == "currency":
                return "usd"
            return self.text()
        if kind == "integer":
            seconds = 1_700_000_000 + self.rng.randint(0, 10**8)
            if schema.get("format") == "unix-time" and self.rng.random() < 0.5:
                return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
            return seconds if schema.get("format") == "unix-time" else self.rng.randint(0, 10**5)
        if kind == "number":
            return self.rng.randint(0, 10**5) / 4 + 0.25
        if kind == "boolean":
            return self.rng.random() < 0.5
        if kind == "array":
            item = schema.get("items", {})
            return [self.value(item, level + 1) for _ in range(self.rng.randint(1, 2))]
        if kind == "object":
            props = schema.get("properties")
            if props is not None:
                required = [k for k in sorted(props) if k in schema.get("required", [])]
                optional = [k for k in sorted(props) if k not in required]
                if level < self.depth and optional:
                    required += self.rng.sample(optional, min(len(optional), self.rng.randint(1, self.optional_keys)))
                return {k: self.value(props[k], level + 1) for k in sorted(required)}
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                entries: dict[str, Any] = {"key_a": self.value(extra, level + 1)}
                if extra.get("type") == "string" and "enum" not in extra and self.rng.random() < 0.5:
                    entries["key_unset"] = None  # unsets that key
                return entries
            return {"key_a": self.text()}
        if not schema:
            return self.text()
        raise AssertionError(f"unsupported parameter schema {schema!r}")

    def text(self) -> str:
        # Characters the form format must escape, and text beyond ASCII.
        return self.rng.choice(["plain", "a b", "a+b", "x&y=z", "[br]", "50%", "é/ü", "#frag?q"]) + str(
            self.rng.randint(0, 99)
        )

    def for_operation(self, op: Operation, *, nested: int = 3, scalars: int = 1) -> dict[str, Any]:
        """Every required parameter, up to ``nested`` optional object or list ones (at least one
        where the operation has one), and up to ``scalars`` optional plain ones; and, each half the
        time, an emptyable parameter as ``""`` (unset) and a list parameter as ``[]`` (sends nothing)."""
        required = [p for p in op.params if p.required]
        optional = [p for p in op.params if not p.required]
        nested_params = [p for p in optional if is_nested(p.schema)]
        plain_params = [p for p in optional if not is_nested(p.schema)]
        objects = [p for p in nested_params if is_object(p.schema)]
        chosen: list[Param] = []
        if objects:  # an object parameter first, if there is one
            chosen.append(self.rng.choice(objects))
        rest = [p for p in nested_params if p not in chosen]
        chosen += self.rng.sample(rest, min(len(rest), nested - len(chosen)))
        args: dict[str, Any] = {p.name: self.value(p.schema) for p in required}
        for p in chosen:
            args[p.name] = self.value(p.schema, prefer_nested=True)
        for p in self.rng.sample(plain_params, min(len(plain_params), scalars)):
            args[p.name] = self.value(p.schema)
        unset = [p for p in optional if p.name not in args and is_emptyable(p.schema)]
        if unset and self.rng.random() < 0.5:
            args[self.rng.choice(unset).name] = ""
        lists = [p for p in optional if p.name not in args and p.schema.get("type") == "array"]
        if lists and self.rng.random() < 0.5:
            args[self.rng.choice(lists).name] = []
        return args


def is_emptyable(schema: dict[str, Any]) -> bool:
    """A parameter Stripe lets you unset with ``""``."""
    return any(m.get("enum") == [""] for m in schema.get("anyOf") or schema.get("oneOf") or [])


def is_nested(schema: dict[str, Any]) -> bool:
    """An object parameter with keys, or a list parameter (or one that can be)."""
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        return any(is_nested(m) for m in members)
    return schema.get("type") == "array" or is_object(schema)


def is_object(schema: dict[str, Any]) -> bool:
    """An object parameter with keys (``{"type": "object", "properties": {}}`` has none to send)."""
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        return any(is_object(m) for m in members)
    return schema.get("type") == "object" and bool(schema.get("properties") or "properties" not in schema)
