"""Stripe's OpenAPI description, read into the few shapes the generator renders.

Response schemas become :class:`Model` values and a small type language
(:data:`TypeIR`); nothing here writes code. Anything the generator does not
understand raises, so that no field is ever typed by guess.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

SPEC_PATH = Path(__file__).resolve().parent / "stripe_spec.json"


# -- the type language ---------------------------------------------------------


@dataclass(frozen=True)
class Scalar:
    py: str  # "str", "int", "float", "bool", "Any"


@dataclass(frozen=True)
class Enum:
    values: tuple[str | bool, ...]


@dataclass(frozen=True)
class Ref:
    schema: str


@dataclass(frozen=True)
class Expandable:
    """An id, or the object(s) it names when expanded."""

    targets: tuple[str, ...]


@dataclass(frozen=True)
class OneOf:
    """One of several objects: told apart by ``object`` (and ``deleted``), or else by their keys."""

    members: tuple[str, ...]


@dataclass(frozen=True)
class ListOf:
    item: TypeIR


@dataclass(frozen=True)
class MapOf:
    value: TypeIR


@dataclass(frozen=True)
class ListObject:
    """Stripe's ``{"object": "list", "data": [...]}`` nested in another object."""

    item: TypeIR


@dataclass(frozen=True)
class AnyObject:
    """Any Stripe object, picked by its ``object`` name."""


TypeIR = Scalar | Enum | Ref | Expandable | OneOf | ListOf | MapOf | ListObject | AnyObject
ANY = Scalar("Any")


@dataclass
class Field:
    wire: str
    type: TypeIR
    nullable: bool

    @property
    def attr(self) -> str:
        """The Python attribute: the wire name, with a trailing ``_`` for keywords (``in`` -> ``in_``)."""
        return python_name(self.wire)


@dataclass
class Model:
    schema: str  # the schema's name in the description, e.g. "payment_intent" or "issuing.card"
    class_name: str
    fields: list[Field]
    object_name: str | None = None  # the value of "object", for objects that carry one
    deleted: bool = False  # a deleted object: {"id", "object", "deleted": true}
    resource: bool = False  # has an id and an API of its own (x-resourceId)
    parents: list[tuple[str, str]] = field(default_factory=list)  # (schema, field) that hold it


def python_name(name: str) -> str:
    return f"{name}_" if keyword.iskeyword(name) else name


def class_name(schema: str) -> str:
    """``issuing.card`` -> ``IssuingCard``; ``v2.core.event`` -> ``V2CoreEvent``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[._]", schema) if part)


def ref_name(ref: str) -> str:
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise ValueError(f"unsupported $ref {ref!r}")
    return ref[len(prefix) :]


class Spec:
    """The trimmed description, with models built on demand."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.schemas: dict[str, Any] = raw["components"]["schemas"]
        self.version: str = raw["info"]["version"]
        self.models: dict[str, Model] = {}
        # A few schemas are only a choice between others (external_account: a bank
        # account or a card): a reference to one is that choice, not a model.
        self.aliases = {name for name, schema in self.schemas.items() if "anyOf" in schema or "oneOf" in schema}
        for name in sorted(self.schemas):
            if name not in self.aliases:
                self._model(name, self.schemas[name], None)
        self._link_parents()
        names: dict[str, str] = {}
        for model in self.models.values():
            other = names.setdefault(model.class_name, model.schema)
            if other != model.schema:
                raise ValueError(f"schemas {other} and {model.schema} would both be class {model.class_name}")

    @classmethod
    def load(cls, path: Path = SPEC_PATH) -> Spec:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # -- models ------------------------------------------------------------------

    def _model(self, name: str, schema: dict[str, Any], owner: tuple[str, str] | None) -> Model:
        if name in self.models:
            return self.models[name]
        if schema.get("type") != "object":
            raise ValueError(f"schema {name}: not an object ({schema.get('type')!r})")
        model = Model(name, class_name(name), [])
        self.models[name] = model
        properties: dict[str, Any] = schema.get("properties", {})
        object_prop = properties.get("object", {})
        if object_prop.get("enum") and len(object_prop["enum"]) == 1:
            model.object_name = object_prop["enum"][0]
        model.deleted = "deleted" in properties and properties["deleted"].get("enum") == [True]
        model.resource = "x-resourceId" in schema
        required = set(schema.get("required", []))
        for wire in sorted(properties):
            prop = properties[wire]
            ir = self.type_of(prop, f"{name}.{wire}")
            # Stripe sends null for fields the description does not list as required,
            # even where it does not mark them nullable: they are typed "| None".
            model.fields.append(Field(wire, ir, bool(prop.get("nullable")) or wire not in required))
        if owner is not None:
            model.parents.append(owner)
        return model

    def type_of(self, prop: dict[str, Any], where: str) -> TypeIR:
        """The type of a response property (``where``: ``schema.field``, for errors and inline names)."""
        if "$ref" in prop:
            name = ref_name(prop["$ref"])
            if name in self.aliases:
                return self._alternatives(self.schemas[name], where)
            return Ref(name)
        if "anyOf" in prop or "oneOf" in prop:
            return self._alternatives(prop, where)
        kind = prop.get("type")
        if kind == "string":
            return Enum(tuple(prop["enum"])) if "enum" in prop else Scalar("str")
        if kind == "integer":
            return Scalar("int")
        if kind == "number":
            return Scalar("float")
        if kind == "boolean":
            return Enum(tuple(prop["enum"])) if "enum" in prop else Scalar("bool")
        if kind == "array":
            return ListOf(self.type_of(prop.get("items", {}), f"{where}[]"))
        if kind == "object":
            properties = prop.get("properties")
            if properties is not None:
                if properties.get("object", {}).get("enum") == ["list"] and "data" in properties:
                    return ListObject(self.type_of(properties["data"].get("items", {}), f"{where}.data[]"))
                # An object declared inline: a model of its own, named after where it sits.
                inline = where.replace("[]", "").replace(".", "_")
                self._model(inline, prop, tuple(where.split(".", 1)))  # type: ignore[arg-type]
                return Ref(inline)
            extra = prop.get("additionalProperties")
            if isinstance(extra, dict):
                return MapOf(self.type_of(extra, f"{where}{{}}"))
            if where.endswith(".object") and not prop.get("additionalProperties"):
                return AnyObject()  # an event's object: any Stripe object
            return MapOf(ANY)
        if kind is None and not (set(prop) - {"nullable", "x-stripeBypassValidation", "maxLength"}):
            return ANY
        raise ValueError(f"{where}: unsupported schema {prop!r}")

    def _alternatives(self, prop: dict[str, Any], where: str) -> TypeIR:
        members = prop.get("anyOf") or prop.get("oneOf")
        refs: list[str] = []
        for member in members:
            if "$ref" in member:
                name = ref_name(member["$ref"])
                refs += self._alternatives(self.schemas[name], where).members if name in self.aliases else [name]  # type: ignore[union-attr]
        refs = list(dict.fromkeys(refs))
        others = [m for m in members if "$ref" not in m]
        if "x-expansionResources" in prop:
            targets = tuple(ref_name(m["$ref"]) for m in prop["x-expansionResources"]["oneOf"])
            if [m.get("type") for m in others] != ["string"] or set(refs) != set(targets):
                raise ValueError(f"{where}: unexpected expandable shape {prop!r}")
            return Expandable(targets)
        if others:
            raise ValueError(f"{where}: unsupported alternatives {prop!r}")
        if len(refs) == 1:
            return Ref(refs[0])  # a lone $ref wrapped for nullability
        return OneOf(tuple(refs))

    def _link_parents(self) -> None:
        for model in list(self.models.values()):
            for f in model.fields:
                for name in referenced(f.type):
                    target = self.models.get(name)
                    if target is None:
                        raise ValueError(f"{model.schema}.{f.wire}: unknown schema {name}")
                    if (model.schema, f.wire) not in target.parents:
                        target.parents.append((model.schema, f.wire))

    @cached_property
    def object_models(self) -> dict[str, Model]:
        """Object name -> its model (deleted variants excluded)."""
        table: dict[str, Model] = {}
        for model in self.models.values():
            if model.object_name and not model.deleted:
                if model.object_name in table:
                    raise ValueError(f"two models for object {model.object_name!r}")
                table[model.object_name] = model
        return table

    @cached_property
    def deleted_models(self) -> dict[str, Model]:
        """Object name -> the model of its deleted form."""
        return {m.object_name: m for m in self.models.values() if m.object_name and m.deleted}


def referenced(ir: TypeIR) -> list[str]:
    """Every schema a type names (expansion targets included)."""
    if isinstance(ir, Ref):
        return [ir.schema]
    if isinstance(ir, (Expandable,)):
        return list(ir.targets)
    if isinstance(ir, OneOf):
        return list(ir.members)
    if isinstance(ir, (ListOf, ListObject)):
        return referenced(ir.item)
    if isinstance(ir, MapOf):
        return referenced(ir.value)
    return []


def hard_references(ir: TypeIR) -> list[str]:
    """The schemas a type needs decoded whenever the field is present (expansions excluded)."""
    if isinstance(ir, Expandable):
        return []
    if isinstance(ir, (ListOf, ListObject)):
        return hard_references(ir.item)
    if isinstance(ir, MapOf):
        return hard_references(ir.value)
    return referenced(ir)
