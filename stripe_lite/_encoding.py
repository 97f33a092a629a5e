"""Stripe's wire format for request parameters and path ids."""

from __future__ import annotations

import datetime
import enum
import json
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

__all__ = ["encode_form", "encode_json", "encode_path_id", "encode_query_v2", "urlencode_pairs"]


def encode_form(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Flatten parameters into Stripe's form pairs: ``a[b][0]=v``.

    A top-level None is a parameter not given, and is left out. Inside a dict,
    None means "unset this key" and is sent as ``""``, which Stripe reads that
    way (``metadata={"order": None}`` removes the ``order`` key). An empty list
    sends nothing: the form format has no empty array (to clear a list that
    Stripe lets you clear, pass ``""``).

    Raises TypeError naming the parameter for a value the format cannot carry
    (None inside a list included: leaving it out would shift the items after
    it; a dict or list that contains itself), and ValueError for a name Stripe
    could not read back (empty, or with ``[`` or ``]`` in it: the format's own
    nesting marks; nest with dicts) or a datetime without a time zone.
    """
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if type(key) is not str:
            raise TypeError(f"parameter names must be str, got {key!r}")
        _check_name(key, None)
        if value is not None:
            try:
                _flatten(pairs, key, value)
            except RecursionError:
                # Catching it costs nothing on the way of every sane value, unlike tracking depth.
                raise TypeError(f"parameter {key!r} contains itself, or nests too deeply to send") from None
    return pairs


def _check_name(name: str, parent: str | None) -> None:
    where = f"parameter {parent!r}: key" if parent is not None else "parameter name"
    if not name:
        raise ValueError(f"{where} {name!r} is empty; Stripe could not read it back")
    if "[" in name or "]" in name:
        hint = "" if parent is not None else " (pass nested values as dicts, not as 'a[b]' names)"
        raise ValueError(f"{where} {name!r} contains '[' or ']'; Stripe could not read it back{hint}")


def _flatten(pairs: list[tuple[str, str]], key: str, value: Any) -> None:
    kind = type(value)
    if kind is str:
        pairs.append((key, value))
    elif value is None:
        pairs.append((key, ""))  # only reached inside a dict: unset that key
    elif kind is bool:
        pairs.append((key, "true" if value else "false"))
    elif kind is int:
        pairs.append((key, str(value)))
    elif kind is dict or isinstance(value, Mapping):  # the ABC check is slow: plain dicts skip it
        for sub_key, sub_value in value.items():
            if type(sub_key) is not str or not sub_key or "[" in sub_key or "]" in sub_key:
                if not isinstance(sub_key, str):
                    raise TypeError(f"parameter {key!r}: keys must be str, got {sub_key!r}")
                _check_name(sub_key, key)
            if type(sub_value) is str:  # most values: no call for them
                pairs.append((f"{key}[{sub_key}]", sub_value))
            else:
                _flatten(pairs, f"{key}[{sub_key}]", sub_value)
    elif kind is list or kind is tuple:
        for index, item in enumerate(value):
            if type(item) is str:
                pairs.append((f"{key}[{index}]", item))
            elif item is None:
                raise TypeError(f"parameter '{key}[{index}]': a list cannot hold None")
            else:
                _flatten(pairs, f"{key}[{index}]", item)
    else:
        pairs.append((key, _scalar(key, value)))


def _scalar(key: str, value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, (int, str)):
        return str(int(value)) if isinstance(value, int) else str(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"parameter {key!r}: {value} cannot be sent to Stripe")
        return format(value, "f")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"parameter {key!r}: {value} cannot be sent to Stripe")
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text
    elif isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            # Read as UTC or as local time, a naive datetime is hours off for
            # someone (stripe-python reads it as local time): refused instead.
            raise ValueError(
                f"parameter {key!r}: a datetime without a time zone is ambiguous; give it one, "
                "e.g. datetime.now(timezone.utc) or dt.replace(tzinfo=timezone.utc)"
            )
        return str(int(value.timestamp()))
    raise TypeError(
        f"parameter {key!r}: cannot send a value of type {type(value).__name__} to Stripe "
        "(use str, int, float, Decimal, bool, datetime, a dict or a list)"
    )


# -- API v2: JSON bodies, and queries with repeated keys -------------------------------------


def encode_json(params: Mapping[str, Any]) -> bytes:
    """The body of an API v2 request: the parameters as a JSON object.

    A top-level None is a parameter not given, and is left out; inside a dict
    None is sent as ``null``, which the v2 API reads as "unset this key". Times
    are sent as RFC 3339 text (``2026-05-27T12:00:00Z``) and Decimals as text,
    as the v2 API takes them. Raises TypeError or ValueError, naming the
    parameter, for what JSON cannot carry, like :func:`encode_form`.
    """
    body: dict[str, Any] = {}
    for key, value in params.items():
        if type(key) is not str:
            raise TypeError(f"parameter names must be str, got {key!r}")
        if value is not None:
            try:
                body[key] = _json_value(key, value)
            except RecursionError:
                raise TypeError(f"parameter {key!r} contains itself, or nests too deeply to send") from None
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _json_value(key: str, value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, Mapping):
        out = {}
        for sub_key, sub_value in value.items():
            if not isinstance(sub_key, str):
                raise TypeError(f"parameter {key!r}: keys must be str, got {sub_key!r}")
            out[sub_key] = _json_value(f"{key}.{sub_key}", sub_value)
        return out
    if kind is list or kind is tuple:
        return [_json_value(f"{key}[{index}]", item) for index, item in enumerate(value)]
    if isinstance(value, float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError(f"parameter {key!r}: {value} cannot be sent to Stripe")
        return value
    return _v2_scalar(key, value)


def _v2_scalar(key: str, value: Any) -> str | int | bool:
    """A value that JSON has no type for, as the v2 API writes it."""
    if isinstance(value, enum.Enum) and isinstance(value.value, (str, int)) and not isinstance(value.value, bool):
        return value.value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, str)):
        return int(value) if isinstance(value, int) else str(value)
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            raise ValueError(
                f"parameter {key!r}: a datetime without a time zone is ambiguous; give it one, "
                "e.g. datetime.now(timezone.utc) or dt.replace(tzinfo=timezone.utc)"
            )
        text = value.astimezone(datetime.timezone.utc).isoformat()
        return text.removesuffix("+00:00") + "Z"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"parameter {key!r}: {value} cannot be sent to Stripe")
        return format(value, "f")
    if isinstance(value, float):
        return _scalar(key, value)
    raise TypeError(
        f"parameter {key!r}: cannot send a value of type {type(value).__name__} to Stripe "
        "(use str, int, float, Decimal, bool, datetime, a dict or a list)"
    )


def encode_query_v2(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The query pairs of an API v2 GET: ``a[b]=v`` for nested keys, and a list as its key
    repeated (``types=a&types=b``), as the v2 API reads them. None is left out everywhere."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        if type(key) is not str:
            raise TypeError(f"parameter names must be str, got {key!r}")
        _check_name(key, None)
        _flatten_v2(pairs, key, value, 0)
    return pairs


def _flatten_v2(pairs: list[tuple[str, str]], key: str, value: Any, depth: int) -> None:
    if value is None:
        return
    if depth > 32:
        raise TypeError(f"parameter {key!r} contains itself, or nests too deeply to send")
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            if not isinstance(sub_key, str):
                raise TypeError(f"parameter {key!r}: keys must be str, got {sub_key!r}")
            _check_name(sub_key, key)
            _flatten_v2(pairs, f"{key}[{sub_key}]", sub_value, depth + 1)
    elif type(value) is list or type(value) is tuple:
        for item in value:
            if isinstance(item, (Mapping, list, tuple)):
                raise TypeError(f"parameter {key!r}: a list in a v2 query holds plain values only")
            _flatten_v2(pairs, key, item, depth + 1)
    else:
        text = _v2_scalar(key, value)
        pairs.append((key, "true" if text is True else "false" if text is False else str(text)))


# What quote(..., safe="") leaves as it is: a value made only of these needs no quoting.
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch
# Parameter names repeat from call to call (metadata[order_id], line_items[0][price]): quoted once.
_QUOTED_NAMES: dict[str, str] = {}
_MAX_QUOTED_NAMES = 4096


def _quote_name(name: str) -> str:
    quoted = _QUOTED_NAMES.get(name)
    if quoted is None:
        quoted = quote(name, safe="")
        if len(_QUOTED_NAMES) < _MAX_QUOTED_NAMES:
            _QUOTED_NAMES[name] = quoted
    return quoted


def urlencode_pairs(pairs: list[tuple[str, str]]) -> str:
    """Percent-encode form pairs (brackets included, as browsers do)."""
    safe = _NEEDS_NO_QUOTING
    name = _quote_name
    return "&".join(f"{name(k)}={v if safe(v) else quote(v, safe='')}" for k, v in pairs)


def encode_path_id(value: str, name: str) -> str:
    """Escape an id for a URL path so that it can never change the path."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str id, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must be a non-empty id, got {value!r}")
    try:
        escaped = quote(value, safe="")
    except UnicodeEncodeError:  # a lone surrogate: not text that can be sent
        raise ValueError(f"{name} is not valid Unicode text: {value!r}") from None
    if escaped.strip(".") == "":
        # "." and ".." survive quote() but would be collapsed as path segments.
        escaped = escaped.replace(".", "%2E")
    return escaped
