"""A small validator for the answers of the trimmed description's response schemas.

Written for the tests, apart from the fake (which renders from its own compact
form of the description), so that the fake's answers are checked against the
description itself: JSON types, required keys, enums, nullable, anyOf/oneOf and
``$ref``, nested objects, maps and lists.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@cache
def description() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "codegen" / "stripe_spec.json").read_text(encoding="utf-8"))
    return data


def _ref(schema: dict[str, Any]) -> dict[str, Any]:
    name = schema["$ref"].rsplit("/", 1)[-1]
    found: dict[str, Any] = description()["components"]["schemas"][name]
    return found


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def problems(schema: dict[str, Any], value: Any, where: str = "$", depth: int = 0) -> list[str]:
    """Where ``value`` does not fit ``schema``, as ``path: what`` lines (empty when it fits)."""
    if depth > 60:
        return []
    if value is None:
        return [] if schema.get("nullable") else [f"{where}: null where the schema does not allow it"]
    if "$ref" in schema:
        return problems(_ref(schema), value, where, depth + 1)
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        found: list[str] = []
        for member in members:
            issues = problems(member, value, where, depth + 1)
            if not issues:
                return []
            found.append(" / ".join(issues[:2]))
        return [f"{where}: fits none of {len(members)} alternatives ({'; '.join(found)[:400]})"]
    kind = schema.get("type")
    if kind is not None:
        expected = _TYPES[kind]
        if not isinstance(value, expected) or (kind in ("integer", "number") and isinstance(value, bool)):
            return [f"{where}: {type(value).__name__} where the schema wants {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} is not one of {schema['enum'][:6]}"]
    out: list[str] = []
    if kind == "array" or isinstance(value, list):
        for index, item in enumerate(value):
            out += problems(schema.get("items", {}), item, f"{where}[{index}]", depth + 1)
    elif isinstance(value, dict):
        properties = schema.get("properties")
        if properties is not None:
            for name in schema.get("required", ()):
                if name not in value:
                    out.append(f"{where}: required key {name!r} missing")
            for name, item in value.items():
                if name in properties:
                    out += problems(properties[name], item, f"{where}.{name}", depth + 1)
        elif isinstance(schema.get("additionalProperties"), dict):
            for name, item in value.items():
                out += problems(schema["additionalProperties"], item, f"{where}[{name!r}]", depth + 1)
    return out


def response_schema(method: str, path: str) -> dict[str, Any]:
    operation = description()["paths"][path][method.lower()]
    (media, body), *_ = operation["responses"]["200"]["content"].items()
    schema: dict[str, Any] = body["schema"]
    return {"binary": media} if media != "application/json" else schema


def operations() -> list[tuple[str, str]]:
    """Every /v1/ operation: (method, path)."""
    paths = description()["paths"]
    return [(m.upper(), p) for p in sorted(paths) if p.startswith("/v1/") for m in sorted(paths[p])]
