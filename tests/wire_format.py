"""Stripe's form format, read back the way Stripe (Rack) reads it, and what a call's parameters should read as.

Written from the format, independently of ``stripe_lite._encoding``: the wire
tests compare what the client sent, parsed here, with what the caller passed,
converted here.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from email import message_from_bytes, policy
from typing import Any
from urllib.parse import unquote_plus

_NAME = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")
_SUBKEY = re.compile(r"\[([^\[\]]*)\]")


def parse_pairs(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Nest ``("a[b][0]", "v")`` pairs as Rack does: ``{"a": {"b": {"0": "v"}}}`` (indices stay keys).

    Fails on what Rack would read ambiguously: a name that does not parse, an
    empty key (an array push), a key sent twice, or a value and an object at one place.
    """
    result: dict[str, Any] = {}
    for name, value in pairs:
        match = _NAME.fullmatch(name)
        assert match, f"cannot parse the name {name!r}"
        path = [match.group(1), *_SUBKEY.findall(match.group(2))]
        assert all(path), f"an empty key in {name!r}"
        node = result
        for key in path[:-1]:
            child = node.setdefault(key, {})
            assert isinstance(child, dict), f"{name!r}: a value and an object at the same place"
            node = child
        assert path[-1] not in node, f"{name!r} sent twice"
        node[path[-1]] = value
    return result


def parse_form(text: str) -> dict[str, Any]:
    """Read an ``application/x-www-form-urlencoded`` body or a query string (``+`` is a space, as Rack reads it)."""
    pairs: list[tuple[str, str]] = []
    for part in text.split("&") if text else []:
        name, sep, value = part.partition("=")
        assert sep, f"no '=' in {part!r}"
        pairs.append((unquote_plus(name, errors="strict"), unquote_plus(value, errors="strict")))
    return parse_pairs(pairs)


def expected_form(params: dict[str, Any]) -> dict[str, Any]:
    """What Stripe should read from a call's keyword parameters: a top-level None is a parameter not given,
    None inside a dict unsets the key (``""``), an empty list or dict sends nothing."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if value is not None:
            converted = _expected(value)
            if converted is not _NOTHING:
                out[key] = converted
    return out


_NOTHING: Any = object()


def _expected(value: Any) -> Any:
    if value is None:
        return ""  # only reached inside a dict
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        assert "e" not in text, "keep test floats plain"
        return text
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        assert value.tzinfo is not None
        return str(int(value.timestamp()))
    if isinstance(value, dict):
        nested = {k: e for k, v in value.items() if (e := _expected(v)) is not _NOTHING}
        return nested or _NOTHING
    if isinstance(value, (list, tuple)):
        items = {str(i): e for i, v in enumerate(value) if (e := _expected(v)) is not _NOTHING}
        return items or _NOTHING
    raise AssertionError(f"no expectation for {value!r}")


class Part:
    def __init__(self, name: str, filename: str | None, content_type: str | None, content: bytes) -> None:
        self.name = name
        self.filename = filename
        self.content_type = content_type
        self.content = content


def parse_multipart(content_type: str, body: bytes) -> list[Part]:
    """The parts of a ``multipart/form-data`` body, with their names, file names and bytes."""
    message = message_from_bytes(
        b"Content-Type: " + content_type.encode("ascii") + b"\r\n\r\n" + body, policy=policy.HTTP
    )
    assert message.is_multipart(), "not a multipart body"
    parts = []
    for sub in message.iter_parts():
        disposition = sub.get("Content-Disposition", "")
        assert disposition.startswith("form-data"), disposition
        name = sub.get_param("name", header="content-disposition")
        filename = sub.get_param("filename", header="content-disposition")
        payload = sub.get_payload(decode=True)
        assert isinstance(name, str) and isinstance(payload, bytes)
        content_type_header = sub.get("Content-Type")
        parts.append(
            Part(
                name,
                filename if isinstance(filename, str) else None,
                str(content_type_header) if content_type_header is not None else None,
                payload,
            )
        )
    return parts
