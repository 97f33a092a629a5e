"""The vocabulary of the endpoint specs in codegen/spec/.

Each endpoint is declared once, here, as data; ``codegen/generate.py`` turns
the declarations into the sync and async services, the TypedDicts of nested
parameters and the client namespaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

# A type is either a Python annotation written as text ("str", "int"), an
# object parameter (a TypedDict), or a composition of those.
TypeSpec = Union[str, "Obj", "ListOf", "Enum", "OneOf", "Emptyable"]


@dataclass(frozen=True)
class Param:
    type: TypeSpec
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Obj:
    """A nested object parameter, generated as a TypedDict named ``name``."""

    name: str
    fields: dict[str, Param]
    doc: str = ""

    def __hash__(self) -> int:
        return hash(self.name)


@dataclass(frozen=True)
class ListOf:
    item: TypeSpec


@dataclass(frozen=True)
class Enum:
    values: tuple[str, ...]


@dataclass(frozen=True)
class OneOf:
    options: tuple[TypeSpec, ...]


@dataclass(frozen=True)
class Emptyable:
    """A value that may also be ``""``, which Stripe reads as "unset this field"."""

    inner: TypeSpec


def req(type_: TypeSpec, doc: str = "") -> Param:
    return Param(type_, True, doc)


def opt(type_: TypeSpec, doc: str = "") -> Param:
    return Param(type_, False, doc)


def obj(name: str, fields: dict[str, Param], doc: str = "") -> Obj:
    return Obj(name, fields, doc)


def list_of(item: TypeSpec) -> ListOf:
    return ListOf(item)


def enum(*values: str) -> Enum:
    return Enum(tuple(values))


def one_of(*options: TypeSpec) -> OneOf:
    return OneOf(tuple(options))


def emptyable(inner: TypeSpec) -> Emptyable:
    return Emptyable(inner)


# Shapes shared by many endpoints.
STR = "str"
INT = "int"
BOOL = "bool"
FLOAT = "float"
DECIMAL = "Decimal | str"
TIMESTAMP = "int | datetime"
METADATA = Emptyable("Mapping[str, str | int]")
ANY_OBJECT = "Mapping[str, Any]"
RANGE_QUERY = Obj(
    "RangeQueryParam",
    {
        "gt": opt(TIMESTAMP, "Greater than."),
        "gte": opt(TIMESTAMP, "Greater than or equal to."),
        "lt": opt(TIMESTAMP, "Less than."),
        "lte": opt(TIMESTAMP, "Less than or equal to."),
    },
    "A range filter on a timestamp.",
)
CREATED_FILTER = OneOf((TIMESTAMP, RANGE_QUERY))


def list_params(**filters: Param) -> dict[str, Param]:
    """A list endpoint's filters plus Stripe's cursor parameters."""
    return {
        **filters,
        "limit": opt(INT, "How many objects a page holds, 1 to 100 (default 10)."),
        "starting_after": opt(STR, "A cursor: the id of the object to list after."),
        "ending_before": opt(STR, "A cursor: the id of the object to list before (walks backwards)."),
    }


@dataclass(frozen=True)
class Method:
    name: str
    http: str  # "get", "post" or "delete"
    path: str  # "/v1/payment_intents/{intent}/confirm"
    returns: str  # the model class name
    doc: str
    params: dict[str, Param] = field(default_factory=dict)
    kind: str = "object"  # "object", "list" or "search"
    expand: bool = True

    @property
    def path_params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)


@dataclass(frozen=True)
class Resource:
    attr: str  # "payment_intents": the client attribute
    class_name: str  # "PaymentIntents": the sync service; "Async" + it: the async one
    doc: str
    methods: list[Method]
    namespace: str | None = None  # "issuing" for client.issuing.cards
