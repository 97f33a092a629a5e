"""Objects made from the description: parameters merged in where they fit, and expansions.

Every object the fake answers with starts as the schema's default object
(:meth:`Spec.template`); parameters are merged into it only where the value
fits the field's schema (:func:`conform`), so that whatever a caller sends,
the answer stays an object Stripe could send.
"""

from __future__ import annotations

from typing import Any

from ._errors import invalid
from ._spec import Spec

__all__ = ["SKIP", "conform", "expand", "merge"]

Schema = dict[str, Any]
SKIP: Any = object()
"""What :func:`conform` gives for a value that does not fit."""

MAX_EXPAND_DEPTH = 4


def merge(spec: Spec, schema: Schema, target: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """Merge ``params`` into ``target`` (an object of ``schema``), field by field, where they fit.

    Returns the previous values of the fields that changed (an event's ``previous_attributes``).
    """
    properties = spec.resolve(schema).get("properties", {})
    previous: dict[str, Any] = {}
    for name, value in params.items():
        prop = properties.get(name)
        if prop is None or name in ("id", "object"):
            continue
        current = target.get(name)
        new = conform(spec, prop, value, current)
        if new is SKIP or (name in target and new == current):
            continue
        previous[name] = current
        target[name] = new
    return previous


def conform(spec: Spec, prop: Schema, value: Any, current: Any = None) -> Any:
    """``value`` (a checked parameter) as a value of the field ``prop``, merged into ``current``; or SKIP."""
    if value == "" and (prop.get("nullable") or not _is_string(spec, prop)):
        # Stripe's way to unset: null where the field takes null, else the field's empty value.
        if prop.get("nullable"):
            return None
        default = spec.default(prop)
        return default if default is not None else SKIP
    if "anyOf" in prop:
        if value is None:
            return None if prop.get("nullable") else SKIP
        for member in prop["anyOf"]:
            fitted = conform(spec, member, value, current)
            if fitted is not SKIP:
                return fitted
        return SKIP
    if "$ref" in prop:
        if not isinstance(value, dict):
            return SKIP
        return conform(spec, spec.schemas[prop["$ref"]], value, current)
    if value is None:
        return None if prop.get("nullable") else SKIP
    if "enum" in prop:
        return value if value in prop["enum"] else SKIP
    kind = prop.get("type")
    if kind == "string":
        return value if isinstance(value, str) else SKIP
    if kind == "integer":
        return value if type(value) is int else SKIP
    if kind == "number":
        return value if type(value) in (int, float) else SKIP
    if kind == "boolean":
        return value if type(value) is bool else SKIP
    if kind == "array":
        if not isinstance(value, list):
            return SKIP
        items = prop.get("items", {})
        out = [conform(spec, items, item) for item in value]
        return SKIP if any(item is SKIP for item in out) else out
    if kind == "object":
        if not isinstance(value, dict):
            return SKIP
        properties = prop.get("properties")
        if properties is None:
            extra = prop.get("additionalProperties")
            merged = dict(current) if isinstance(current, dict) else {}
            for key, item in value.items():
                if item == "" or item is None:
                    merged.pop(key, None)  # metadata[key]="" removes the key
                    continue
                fitted = item if extra is None else conform(spec, extra, item)
                if fitted is not SKIP:
                    merged[key] = fitted
            return merged
        base = dict(current) if isinstance(current, dict) else spec.default(prop)
        if not isinstance(base, dict):
            base = {}
        merge(spec, prop, base, value)
        return base
    return value


def _is_string(spec: Spec, prop: Schema) -> bool:
    if "anyOf" in prop:
        return any(_is_string(spec, m) for m in prop["anyOf"] if m.get("enum") != [""])
    if "$ref" in prop:
        return False
    return prop.get("type") == "string" and "enum" not in prop


# -- expansion ------------------------------------------------------------------------


def check_expand(spec: Spec, schemas: list[str], paths: list[str], *, page: bool) -> None:
    """Refuse, as Stripe does, an ``expand`` path naming a field that cannot be expanded."""
    for index, path in enumerate(paths):
        parts = path.split(".")
        if page:
            if parts[0] != "data" or len(parts) < 2:
                raise _not_expandable(path, index)
            parts = parts[1:]
        if len(parts) > MAX_EXPAND_DEPTH:
            raise invalid(
                f"You cannot expand more than {MAX_EXPAND_DEPTH} levels of a property. Property: {path}",
                f"expand[{index}]",
            )
        if not any(_expandable(spec, {"$ref": s}, parts) for s in schemas):
            raise _not_expandable(path, index)


def _not_expandable(path: str, index: int) -> Any:
    return invalid(f"This property cannot be expanded ({path}).", f"expand[{index}]")


def _expandable(spec: Spec, schema: Schema, parts: list[str]) -> bool:
    for target in _object_schemas(spec, schema):
        props = target.get("properties", {})
        name = parts[0]
        prop = props.get(name)
        if prop is None or name not in target.get("expandable", ()):
            continue
        rest = parts[1:]
        if not rest:
            if _expansion_targets(spec, prop) or name not in target.get("required", ()):
                return True
            continue
        if _expandable(spec, prop, rest):
            return True
    return False


def _object_schemas(spec: Spec, schema: Schema) -> list[Schema]:
    """The object schemas a field can hold (through references, alternatives and lists)."""
    if "$ref" in schema:
        return _object_schemas(spec, spec.schemas[schema["$ref"]])
    if "anyOf" in schema:
        return [s for m in schema["anyOf"] for s in _object_schemas(spec, m)]
    if schema.get("type") == "array":
        return _object_schemas(spec, schema.get("items", {}))
    if schema.get("type") == "object" and "properties" in schema:
        data = schema["properties"].get("data")
        if schema["properties"].get("object", {}).get("enum") == ["list"] and data is not None:
            return _object_schemas(spec, data)
        return [schema]
    return []


def _expansion_targets(spec: Spec, prop: Schema) -> list[str]:
    if "expands" in prop:
        return list(prop["expands"])
    if prop.get("type") == "array":
        return _expansion_targets(spec, prop.get("items", {}))
    return []


def expand(value: Any, parts: list[str], lookup: Any) -> Any:
    """``value`` with the path ``parts`` expanded: ids replaced by the objects ``lookup(id)`` gives.

    Copies what it changes and leaves the stored objects alone.
    """
    if isinstance(value, list):
        return [expand(item, parts, lookup) for item in value]
    if not isinstance(value, dict):
        return value
    if value.get("object") == "list" and isinstance(value.get("data"), list):
        return {**value, "data": [expand(item, parts, lookup) for item in value["data"]]}
    name, rest = parts[0], parts[1:]
    if name not in value:
        included = lookup((value.get("id"), name))
        if included is None:
            return value
        return {**value, name: expand(included, rest, lookup) if rest else included}
    field = value[name]
    if isinstance(field, str):
        found = lookup(field)
        if found is None:
            return value
        field = found
    elif isinstance(field, list):
        field = [lookup(item) or item if isinstance(item, str) else item for item in field]
    if rest:
        field = expand(field, rest, lookup)
    return {**value, name: field}
