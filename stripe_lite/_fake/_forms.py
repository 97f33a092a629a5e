"""Reading a request's parameters as Stripe does: the form format, then every value checked against the description.

A request arrives as form pairs (``payment_method_options[card][request_three_d_secure]=any``,
``expand[0]=customer``); :func:`parse_form` nests them, and :func:`validate`
checks them against the operation's parameters, turning text into the types
the description gives (``"2000"`` into 2000, ``"true"`` into True, ``{"0": a, "1": b}``
into ``[a, b]``). Every refusal names the parameter in Stripe's bracket notation.
"""

from __future__ import annotations

import itertools
import re
from typing import Any
from urllib.parse import unquote_plus

from ._errors import Failure, invalid

__all__ = ["parse_form", "validate"]

Schema = dict[str, Any]
_KEY = re.compile(r"\[([^\[\]]*)\]")
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_APPEND = object()


def parse_form(text: str) -> dict[str, Any]:
    """``a[b][0]=x&a[c]=y`` -> ``{"a": {"b": {"0": "x"}, "c": "y"}}`` (lists stay dicts until validation)."""
    out: dict[str, Any] = {}
    if not text:
        return out
    for pair in text.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        add_pair(out, unquote_plus(name), unquote_plus(value))
    return out


def add_pair(out: dict[str, Any], name: str, value: Any) -> None:
    """Nest one form pair into ``out``."""
    bracket = name.find("[")
    if bracket <= 0:
        out[name] = value
        return
    keys: list[Any] = [name[:bracket]]
    rest = name[bracket:]
    position = 0
    for match in _KEY.finditer(rest):
        if match.start() != position:
            break
        position = match.end()
        keys.append(match.group(1) or _APPEND)
    if position != len(rest):  # brackets that do not pair up: the whole name is the key
        out[name] = value
        return
    node = out
    for key, _following in itertools.pairwise(keys):
        if key is _APPEND:
            key = str(len(node))
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    last = keys[-1]
    node[str(len(node)) if last is _APPEND else last] = value


def validate(params: Schema, given: dict[str, Any]) -> dict[str, Any]:
    """The operation's parameters checked and typed, or a Failure naming the first culprit."""
    properties: dict[str, Schema] = params["properties"]
    for name in params["required"]:
        if name not in given:
            raise invalid(f"Missing required param: {name}.", name, "parameter_missing")
    out: dict[str, Any] = {}
    for name, value in given.items():
        schema = properties.get(name)
        if schema is None:
            raise _unknown(name, properties)
        out[name] = _check(schema, value, name)
    return out


def _unknown(param: str, known: dict[str, Schema]) -> Failure:
    return invalid(f"Received unknown parameter: {param}", param, "parameter_unknown")


def _check(schema: Schema, value: Any, where: str) -> Any:
    members = schema.get("anyOf")
    if members is not None:
        return _check_any(members, value, where)
    if "enum" in schema:
        if not isinstance(value, str):
            raise _invalid_type(schema, value, where)
        values = schema["enum"]
        if value in values or schema.get("open"):
            return value
        if values == [""]:
            raise invalid(f"Invalid {where}: must be an empty string to unset it", where, "parameter_invalid_empty")
        choices = ", ".join(str(v) for v in values[:-1]) + (", or " if len(values) > 2 else " or ") + str(values[-1])
        if len(values) == 1:
            choices = str(values[0])
        raise invalid(f"Invalid {where}: must be one of {choices}", where, "parameter_invalid_string")
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "binary":
            return value  # an uploaded file
        if not isinstance(value, str):
            raise _invalid_type(schema, value, where)
        limit = schema.get("maxLength")
        if limit is not None and len(value) > limit:
            raise invalid(
                f"Invalid {where}: must be at most {limit} characters long", where, "parameter_invalid_string"
            )
        return value
    if kind == "integer":
        if isinstance(value, str) and _INTEGER.fullmatch(value):
            return int(value)
        raise _invalid_type(schema, value, where)
    if kind == "number":
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            return float(value)
        raise _invalid_type(schema, value, where)
    if kind == "boolean":
        if value == "true":
            return True
        if value == "false":
            return False
        raise _invalid_type(schema, value, where)
    if kind == "array":
        items = _as_list(value)
        if items is None:
            raise _invalid_type(schema, value, where)
        item_schema = schema.get("items", {})
        return [_check(item_schema, item, f"{where}[{index}]") for index, item in enumerate(items)]
    if kind == "object":
        if not isinstance(value, dict):
            raise _invalid_type(schema, value, where)
        properties = schema.get("properties")
        if properties is None:
            extra = schema.get("additionalProperties")
            if extra is None:
                return value
            return {key: _check(extra, item, f"{where}[{key}]") for key, item in value.items()}
        for name in schema.get("required", ()):
            if name not in value:
                raise invalid(f"Missing required param: {where}[{name}].", f"{where}[{name}]", "parameter_missing")
        out: dict[str, Any] = {}
        for key, item in value.items():
            prop = properties.get(key)
            if prop is None:
                raise _unknown(f"{where}[{key}]", properties)
            out[key] = _check(prop, item, f"{where}[{key}]")
        return out
    return value  # a parameter of any type


def _check_any(members: list[Schema], value: Any, where: str) -> Any:
    failures: list[Failure] = []
    for member in members:
        try:
            return _check(member, value, where)
        except Failure as failure:
            failures.append(failure)
    # Report the refusal of the member that has the value's shape (an object for a hash, ...).
    for member, refusal in zip(members, failures, strict=False):
        if _shape(member) == _value_shape(value) and member.get("enum") != [""]:
            raise refusal
    raise failures[0]


def _shape(schema: Schema) -> str:
    kind = schema.get("type")
    if kind == "object":
        return "hash"
    if kind == "array":
        return "array"
    return "scalar"


def _value_shape(value: Any) -> str:
    if isinstance(value, dict):
        return "array" if value and all(k.isdigit() for k in value) else "hash"
    return "scalar"


def _as_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and all(isinstance(k, str) and k.isdigit() for k in value):
        return [value[k] for k in sorted(value, key=int)]
    return None


def _invalid_type(schema: Schema, value: Any, where: str) -> Failure:
    kind = schema.get("type")
    if isinstance(value, dict):
        shown = "a hash"
        if kind in ("string", "integer", "number", "boolean"):
            return invalid(f"Invalid {kind}: {where} must be a {kind}, not a hash", where, "parameter_invalid_" + kind)
        return invalid(f"Invalid {where}: must be {_expected(schema)}, not {shown}", where)
    if kind == "object":
        return invalid(f"Invalid hash: {where} must be a hash (an object), got {value!r}", where)
    if kind == "array":
        return invalid(f"Invalid array: {where} must be an array, got {value!r}", where)
    if kind == "number":
        return invalid(f"Invalid decimal: {value}", where, "parameter_invalid_decimal")
    if kind in ("integer", "boolean"):
        return invalid(f"Invalid {kind}: {value}", where, f"parameter_invalid_{kind}")
    return invalid(f"Invalid {where}: must be {_expected(schema)}", where)


def _expected(schema: Schema) -> str:
    kind = schema.get("type")
    return {"string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean"}.get(
        kind or "", f"a {kind}" if kind else "a value"
    )
